import chaptersFile from './config/national-chapters.json';
import feesFile from './config/member-fees.json';
import programmeFile from './config/programme.json';

/**
 * Membership configuration: the national chapters, the (illustrative) fee table and the programme's
 * good-standing rule, as JSON files beside this module. Checked once at load, so a broken file stops start-up with a clear message.
 */
export interface FeeTable {
  populationBands: { maxPopulation: number | null; baseFeeUsd: number }[];
  associateBaseFeeUsd: number;
  incomeBands: { maxGdpPerCapitaUsd: number | null; multiplier: number }[];
  defaultMultiplier: number;
  gdpPerCapitaUsd: Record<string, number>;
}

function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(`subgraphs/membership/domain/config: ${message}`);
}

function loadChapters(): ReadonlySet<string> {
  check(
    Array.isArray(chaptersFile.chapters) && chaptersFile.chapters.every((c) => typeof c === 'string' && c.trim() === c && c.length > 0),
    'national-chapters.json: "chapters" must be a list of names',
  );
  return new Set(chaptersFile.chapters);
}

function loadFees(): FeeTable {
  const t = feesFile as FeeTable;
  const bandsOk = <T>(bands: T[], max: (b: T) => number | null) =>
    bands.length > 0 && bands.every((b, i) => (i === bands.length - 1 ? max(b) === null : max(b) !== null && (i === 0 || max(b)! > max(bands[i - 1])!)));
  check(
    bandsOk(t.populationBands, (b) => b.maxPopulation),
    'member-fees.json: populationBands must rise and end with maxPopulation null',
  );
  check(
    bandsOk(t.incomeBands, (b) => b.maxGdpPerCapitaUsd),
    'member-fees.json: incomeBands must rise and end with maxGdpPerCapitaUsd null',
  );
  check(t.populationBands.every((b) => b.baseFeeUsd >= 0) && t.associateBaseFeeUsd >= 0, 'member-fees.json: fees must be non-negative');
  check(t.incomeBands.every((b) => b.multiplier >= 0) && t.defaultMultiplier >= 0, 'member-fees.json: multipliers must be non-negative');
  check(
    Object.entries(t.gdpPerCapitaUsd).every(([c, v]) => /^[A-Z]{2}$/.test(c) && v > 0),
    'member-fees.json: gdpPerCapitaUsd maps ISO alpha-2 codes to positive numbers',
  );
  return t;
}

export interface ProgrammeRules {
  duesGraceDays: number;
  defaultSubsidisedYears: number;
}

function loadProgramme(): ProgrammeRules {
  const p = programmeFile as ProgrammeRules;
  check(Number.isInteger(p.duesGraceDays) && p.duesGraceDays >= 0 && p.duesGraceDays <= 365, 'programme.json: duesGraceDays must be an integer from 0 to 365');
  check(
    Number.isInteger(p.defaultSubsidisedYears) && p.defaultSubsidisedYears >= 1 && p.defaultSubsidisedYears <= 10,
    'programme.json: defaultSubsidisedYears must be an integer from 1 to 10',
  );
  return { duesGraceDays: p.duesGraceDays, defaultSubsidisedYears: p.defaultSubsidisedYears };
}

export const NATIONAL_CHAPTERS = loadChapters();
export const PROGRAMME_RULES = loadProgramme();
export const FEE_TABLE = loadFees();
