/**
 * The docs cannot drift: every GraphQL block in docs/*.md must validate against the composed public
 * API, and every query in them runs against the sample data through the gateway without errors.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, validate, type OperationDefinitionNode } from 'graphql';
import { composeSupergraph } from '../scripts/compose';
import { apiSchemaOf } from '../scripts/schema-check';
import { startTestStack, type TestStack } from './support/stack';

const DOCS = join(__dirname, '..', 'docs');
interface Block {
  file: string;
  source: string;
  variables: Record<string, unknown>;
}

/** ```graphql blocks, each with the first `Variables: {...}` JSON that follows it (if any). */
function blocks(): Block[] {
  const found: Block[] = [];
  for (const file of readdirSync(DOCS).filter((f) => f.endsWith('.md'))) {
    const text = readFileSync(join(DOCS, file), 'utf8');
    const re = /```graphql\n([\s\S]*?)```([\s\S]*?)(?=```graphql|$)/g;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const vars = /Variables: `(\{.*?\})`/.exec(m[2]);
      found.push({ file, source: m[1], variables: vars ? JSON.parse(vars[1]) : {} });
    }
  }
  return found;
}

const schema = apiSchemaOf(composeSupergraph());
const all = blocks();

test('each user group has its operations page', () => {
  expect(readdirSync(DOCS).sort()).toEqual(expect.arrayContaining(['citynet-staff.md', 'partner-apps.md', 'wccd-dashboards.md']));
  expect(all.length).toBeGreaterThanOrEqual(8);
});

describe.each(all.map((b) => [`${b.file}: ${(parse(b.source).definitions[0] as OperationDefinitionNode).name?.value}`, b] as const))('%s', (_name, block) => {
  test('is valid against the public API', () => {
    expect(validate(schema, parse(block.source)).map((e) => e.message)).toEqual([]);
  });
});

describe('the documented queries run against the sample data', () => {
  let t: TestStack;
  beforeAll(async () => {
    t = await startTestStack();
  }, 120_000);
  afterAll(async () => {
    await t?.cleanup();
  });

  test('without errors and with data', async () => {
    const queries = all.filter((b) => (parse(b.source).definitions[0] as OperationDefinitionNode).operation === 'query');
    for (const block of queries) {
      const { data, errors } = await t.query(block.source, block.variables);
      expect({ file: block.file, errors }).toEqual({ file: block.file, errors: undefined });
      expect(Object.values(data ?? {}).every((v) => v !== null)).toBe(true);
    }
  });
});
