import type { CityNameDoc, CityNameKind } from '../types';

/**
 * Other names of the sample cities (issue 13: search by native-script and former names): the name in
 * the city's own language and script, well-known former names and other names in use. Real names,
 * each with the article that documents it (English Wikipedia, the article of the city, where the
 * names are given with their scripts and dates). Language tags are BCP 47.
 */
const wiki = (article: string) => `https://en.wikipedia.org/wiki/${article}`;

function n(name: string, kind: CityNameKind, language: string | null, source: string, note: string | null = null): CityNameDoc {
  return { name, kind, language, source, note };
}

export const SAMPLE_CITY_NAMES: Record<string, CityNameDoc[]> = {
  seoul: [
    n('서울', 'NATIVE', 'ko', wiki('Seoul')),
    n('서울특별시', 'ALTERNATIVE', 'ko', wiki('Seoul'), 'Seoul Special City, the official name'),
    n('Hanyang', 'FORMER', 'ko-Latn', wiki('Seoul'), 'capital of Joseon from 1394'),
    n('Hanseong', 'FORMER', 'ko-Latn', wiki('Seoul'), 'Joseon and Korean Empire'),
    n('Keijō', 'FORMER', 'ja-Latn', wiki('Seoul'), 'under Japanese rule, 1910–1945'),
  ],
  yokohama: [n('横浜', 'NATIVE', 'ja', wiki('Yokohama')), n('横浜市', 'ALTERNATIVE', 'ja', wiki('Yokohama'), 'Yokohama City')],
  'kuala-lumpur': [
    n('吉隆坡', 'ALTERNATIVE', 'zh-Hans', wiki('Kuala_Lumpur'), 'Chinese'),
    n('KL', 'ALTERNATIVE', 'en', wiki('Kuala_Lumpur'), 'common abbreviation'),
  ],
  makati: [
    n('Lungsod ng Makati', 'NATIVE', 'fil', wiki('Makati'), 'City of Makati in Filipino'),
    n('San Pedro de Macati', 'FORMER', 'es', wiki('Makati'), 'until 1914'),
  ],
  busan: [
    n('부산', 'NATIVE', 'ko', wiki('Busan')),
    n('부산광역시', 'ALTERNATIVE', 'ko', wiki('Busan'), 'Busan Metropolitan City, the official name'),
    n('Pusan', 'ALTERNATIVE', 'ko-Latn', wiki('Busan'), 'McCune–Reischauer romanisation, used until 2000'),
  ],
  colombo: [n('කොළඹ', 'NATIVE', 'si', wiki('Colombo'), 'Sinhala'), n('கொழும்பு', 'NATIVE', 'ta', wiki('Colombo'), 'Tamil')],
  'iloilo-city': [n('Dakbanwa sang Iloilo', 'NATIVE', 'hil', wiki('Iloilo_City'), 'Hiligaynon')],
  incheon: [
    n('인천', 'NATIVE', 'ko', wiki('Incheon')),
    n('인천광역시', 'ALTERNATIVE', 'ko', wiki('Incheon'), 'Incheon Metropolitan City, the official name'),
    n('Chemulpo', 'FORMER', 'ko-Latn', wiki('Incheon'), 'the port opened in 1883'),
  ],
  lalitpur: [
    n('ललितपुर', 'NATIVE', 'ne', wiki('Lalitpur,_Nepal'), 'Nepali'),
    n('Patan', 'ALTERNATIVE', 'en', wiki('Lalitpur,_Nepal'), 'the historic name in common use'),
    n('Yala', 'ALTERNATIVE', 'new-Latn', wiki('Lalitpur,_Nepal'), 'Newar name'),
  ],
  suwon: [n('수원', 'NATIVE', 'ko', wiki('Suwon')), n('수원시', 'ALTERNATIVE', 'ko', wiki('Suwon'), 'Suwon City')],
  bogor: [n('Buitenzorg', 'FORMER', 'nl', wiki('Bogor'), 'Dutch colonial name')],
  'penang-island': [
    n('Pulau Pinang', 'NATIVE', 'ms', wiki('Penang_Island'), 'Malay'),
    n('槟城', 'ALTERNATIVE', 'zh-Hans', wiki('Penang_Island'), 'Chinese'),
    n('Prince of Wales Island', 'FORMER', 'en', wiki('Penang_Island'), 'British name from 1786'),
  ],
  surabaya: [n('ꦱꦸꦫꦧꦪ', 'NATIVE', 'jv-Java', wiki('Surabaya'), 'Javanese script'), n('Soerabaja', 'FORMER', 'nl', wiki('Surabaya'), 'Dutch-era spelling')],
  bangkok: [
    n('กรุงเทพมหานคร', 'NATIVE', 'th', wiki('Bangkok'), 'Krung Thep Maha Nakhon'),
    n('Krung Thep', 'ALTERNATIVE', 'th-Latn', wiki('Bangkok'), 'the short Thai name, romanised'),
  ],
  'ho-chi-minh-city': [
    n('Thành phố Hồ Chí Minh', 'NATIVE', 'vi', wiki('Ho_Chi_Minh_City')),
    n('Saigon', 'FORMER', 'en', wiki('Ho_Chi_Minh_City'), 'until 1976, still in common use'),
    n('Sài Gòn', 'FORMER', 'vi', wiki('Ho_Chi_Minh_City'), 'until 1976'),
  ],
  jakarta: [
    n('Batavia', 'FORMER', 'nl', wiki('Jakarta'), '1619–1942'),
    n('Sunda Kelapa', 'FORMER', 'id', wiki('Jakarta'), 'the port before 1527'),
    n('Jayakarta', 'FORMER', 'id', wiki('Jakarta'), '1527–1619'),
  ],
  'da-nang': [n('Đà Nẵng', 'NATIVE', 'vi', wiki('Da_Nang')), n('Tourane', 'FORMER', 'fr', wiki('Da_Nang'), 'French colonial name')],
  muntinlupa: [n('Lungsod ng Muntinlupa', 'NATIVE', 'fil', wiki('Muntinlupa'), 'City of Muntinlupa in Filipino')],
  tarlac: [n('Lungsod ng Tarlac', 'NATIVE', 'fil', wiki('Tarlac_City'), 'City of Tarlac in Filipino')],
  shanghai: [n('上海', 'NATIVE', 'zh-Hans', wiki('Shanghai')), n('上海市', 'ALTERNATIVE', 'zh-Hans', wiki('Shanghai'), 'Shanghai Municipality')],
  amman: [
    n('عمّان', 'NATIVE', 'ar', wiki('Amman')),
    n('Philadelphia', 'FORMER', 'grc-Latn', wiki('Amman'), 'Hellenistic and Roman name'),
    n('Rabbath Ammon', 'FORMER', 'en', wiki('Amman'), 'the Ammonite capital'),
  ],
  haiphong: [n('Hải Phòng', 'NATIVE', 'vi', wiki('Haiphong'))],
  taipei: [
    n('臺北市', 'NATIVE', 'zh-Hant', wiki('Taipei'), 'Taipei City'),
    n('台北', 'ALTERNATIVE', 'zh-Hant', wiki('Taipei'), 'common short form with the simpler 台'),
    n('臺北', 'ALTERNATIVE', 'zh-Hant', wiki('Taipei')),
    n('Taihoku', 'FORMER', 'ja-Latn', wiki('Taipei'), 'under Japanese rule, 1895–1945'),
  ],
  pune: [n('पुणे', 'NATIVE', 'mr', wiki('Pune'), 'Marathi'), n('Poona', 'FORMER', 'en', wiki('Pune'), 'official English spelling until 1978')],
  surat: [n('સુરત', 'NATIVE', 'gu', wiki('Surat'), 'Gujarati')],
  jamshedpur: [
    n('जमशेदपुर', 'NATIVE', 'hi', wiki('Jamshedpur'), 'Hindi'),
    n('Tatanagar', 'ALTERNATIVE', 'en', wiki('Jamshedpur'), 'also the name of its railway station'),
  ],
  chennai: [n('சென்னை', 'NATIVE', 'ta', wiki('Chennai'), 'Tamil'), n('Madras', 'FORMER', 'en', wiki('Chennai'), 'until 1996')],
  toronto: [n('York', 'FORMER', 'en', wiki('Toronto'), 'the Town of York, 1793–1834')],
};
