import { writeFileSync } from 'node:fs';
import { GOLDEN_NOW, GOLDEN_OPERATION, GOLDEN_RESULT_FILE, GOLDEN_VARIABLES, goldenResult } from '../golden/golden';
import { startTestStack, TEST_NOW, type TestStack } from '../support/stack';

let t: TestStack;
beforeAll(async () => {
  t = await startTestStack();
}, 120_000);
afterAll(async () => {
  await t?.cleanup();
});

test('the golden CityProfile operation returns exactly the expected result', async () => {
  expect(TEST_NOW.toISOString()).toBe(GOLDEN_NOW);
  const body = await t.query(GOLDEN_OPERATION, GOLDEN_VARIABLES);
  // UPDATE_GOLDEN=1 rewrites the file after a deliberate change; review its diff before committing.
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(GOLDEN_RESULT_FILE, JSON.stringify(body, null, 2) + '\n');
  expect(body).toEqual(goldenResult());
});
