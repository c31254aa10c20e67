import { readFileSync } from 'node:fs';
import { composeSupergraph, subgraphSdls, SUPERGRAPH_FILE } from '../scripts/compose';

describe('supergraph composition', () => {
  test('the committed schema/supergraph.graphql is exactly what the four SDLs compose to', () => {
    expect(readFileSync(SUPERGRAPH_FILE, 'utf8')).toBe(composeSupergraph());
  });

  test('the supergraph joins all four subgraphs and the City entity across them', () => {
    const sdl = composeSupergraph();
    for (const name of ['MEMBERSHIP', 'INDICATORS', 'CERTIFICATION', 'WORKSHOPS']) expect(sdl).toContain(`${name} @join__graph`);
    const city = sdl.slice(sdl.indexOf('type City'), sdl.indexOf('}', sdl.indexOf('type City')));
    for (const name of ['MEMBERSHIP', 'INDICATORS', 'CERTIFICATION', 'WORKSHOPS']) expect(city).toContain(`@join__type(graph: ${name}, key: "id")`);
  });

  test('a composition error fails with the error listed', () => {
    const sdls = subgraphSdls().map((s) =>
      // Make two subgraphs disagree on a field's type: composition must refuse.
      s.name === 'workshops'
        ? { ...s, sdl: s.sdl.replace('type City @key(fields: "id") {\n  id: ID!', 'type City @key(fields: "id") {\n  id: ID!\n  name: Int!') }
        : s,
    );
    expect(() => composeSupergraph(sdls)).toThrow(/Composition failed:[\s\S]*name/);
  });
});
