/** The golden operation and its expected result, shared by the end-to-end test and the benchmark. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The partner apps' trusted CityProfile operation is the golden one: one file, no copy to drift. */
export const GOLDEN_OPERATION_FILE = join(__dirname, '..', '..', 'trusted-documents', 'city-profile.graphql');
export const GOLDEN_OPERATION = readFileSync(GOLDEN_OPERATION_FILE, 'utf8');
export const GOLDEN_VARIABLES = { id: 'makati' };
export const GOLDEN_RESULT_FILE = join(__dirname, 'city-profile.makati.json');
/** Valid with the sample dataset and the clock pinned at 2026-11-28T00:00:00Z (CLOCK_NOW). */
export const GOLDEN_NOW = '2026-11-28T00:00:00.000Z';

export function goldenResult(): unknown {
  return JSON.parse(readFileSync(GOLDEN_RESULT_FILE, 'utf8'));
}
