import { readFileSync } from 'node:fs';
import { composeSupergraph, subgraphSdls, SUPERGRAPH_FILE } from '../scripts/compose';
import { checkSchemaChange } from '../scripts/schema-check';

const committed = readFileSync(SUPERGRAPH_FILE, 'utf8');
const withSdlChange = (name: string, change: (sdl: string) => string) =>
  composeSupergraph(subgraphSdls().map((s) => (s.name === name ? { ...s, sdl: change(s.sdl) } : s)));

// City.areaKm2 (the first areaKm2 followed by a cache hint; UpdateCityInput has one too).
const CITY_AREA = /\n {2}areaKm2: Float @cacheControl\([^)]*\)\n/;

describe('schema:check', () => {
  test('no change, no breaking change', () => {
    expect(checkSchemaChange(committed, committed).breaking).toEqual([]);
  });

  test('a removed field fails unless acknowledged', () => {
    const after = withSdlChange('membership', (sdl) => sdl.replace(CITY_AREA, '\n'));
    const result = checkSchemaChange(committed, after);
    expect(result.unacknowledged).toEqual(['FIELD_REMOVED: City.areaKm2 was removed.']);
    expect(checkSchemaChange(committed, after, ['FIELD_REMOVED: City.areaKm2 was removed.']).unacknowledged).toEqual([]);
  });

  test('a new required argument and a changed type are breaking; a new optional field is not', () => {
    const requiredArg = withSdlChange('membership', (sdl) => sdl.replace('city(id: ID!): City', 'city(id: ID!, lang: String!): City'));
    expect(checkSchemaChange(committed, requiredArg).unacknowledged).toEqual([expect.stringMatching(/^REQUIRED_ARG_ADDED: .*lang/)]);
    const changedType = withSdlChange('membership', (sdl) => sdl.replace(/\n {2}population: Int @cacheControl/, '\n  population: Float @cacheControl'));
    expect(checkSchemaChange(committed, changedType).unacknowledged).toEqual([expect.stringMatching(/^FIELD_CHANGED_KIND: City.population/)]);
    const added = withSdlChange('membership', (sdl) => sdl.replace(CITY_AREA, (line) => `${line}  mayor: String\n`));
    expect(checkSchemaChange(committed, added).breaking).toEqual([]);
  });

  test('a field hidden with @inaccessible leaves the public API, so hiding it is breaking', () => {
    const hidden = withSdlChange('membership', (sdl) =>
      sdl
        .replace(/import: \[([^\]]*)\]/, (all, list: string) => (list.includes('"@inaccessible"') ? all : `import: [${list}, "@inaccessible"]`))
        .replace(CITY_AREA, (line) => line.replace('Float', 'Float @inaccessible')),
    );
    expect(checkSchemaChange(committed, hidden).unacknowledged).toEqual(['FIELD_REMOVED: City.areaKm2 was removed.']);
  });
});
