import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

/** CSV for spreadsheets: a header row, RFC 4180 quoting, and a BOM so Excel reads UTF-8 names right. */
export function toCsv(columns: string[], rows: Record<string, unknown>[]): string {
  return `\ufeff${stringify(rows, { header: true, columns, cast: { boolean: (b) => String(b), date: (d) => d.toISOString() } })}`;
}

export interface CsvRow {
  /** 1-based line number in the file (the header is line 1). */
  line: number;
  fields: Record<string, string>;
}

/** Parses a CSV upload with a header row; throws with a clear message when it is not CSV at all. */
export function parseCsv(text: string): { header: string[]; rows: CsvRow[] } {
  const records = parse(text, { bom: true, skip_empty_lines: true, trim: true, relax_column_count: true, info: true }) as unknown as {
    record: string[];
    info: { lines: number };
  }[];
  if (!records.length) return { header: [], rows: [] };
  const header = records[0].record.map((h) => h.toLowerCase());
  return {
    header,
    rows: records.slice(1).map(({ record, info }) => ({
      line: info.lines,
      fields: Object.fromEntries(header.map((name, c) => [name, record[c] ?? ''])),
    })),
  };
}
