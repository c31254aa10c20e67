/** Shared helpers of the workflow tests: tokens for every role, error checks, stored-state snapshots. */
import type { Db } from 'mongodb';
import type { Role } from '../../lib/auth/roles';
import type { TestStack } from '../support/stack';
import { tokenFor } from '../support/tokens';

export interface Tokens {
  staff: string;
  wccd: string;
  partner: string;
  verifier: string;
  officer: (cityId: string) => Promise<string>;
}

export async function makeTokens(): Promise<Tokens> {
  return {
    staff: await tokenFor('CITYNET_STAFF', { sub: 'staff:citynet-1' }),
    wccd: await tokenFor('WCCD_STAFF', { sub: 'staff:wccd-1' }),
    partner: await tokenFor('PARTNER_APP', { sub: 'app:partner-1' }),
    verifier: await tokenFor('VERIFIER', { orgId: 'bsi-group', sub: 'verifier:bsi-1' }),
    officer: (cityId: string) => tokenFor('CITY_OFFICER', { cityId, sub: `officer:${cityId}` }),
  };
}

export type GqlResult = { data?: any; errors?: any[] };

/** The result has exactly one error, with this code (and this `extensions.field`, when given). */
export function expectError(result: GqlResult, code: string, field?: string): void {
  expect(result.errors).toHaveLength(1);
  expect(result.errors![0].extensions?.code).toBe(code);
  if (field !== undefined) {
    expect(result.errors![0].extensions?.field).toBe(field);
    // Input errors name the field in the message too.
    if (code === 'BAD_USER_INPUT') expect(result.errors![0].message).toContain(field);
  }
}

export function expectOk(result: GqlResult): any {
  expect(result.errors).toBeUndefined();
  return result.data;
}

/** Every document of the collections, in `_id` order, as JSON: equal snapshots = nothing changed. */
export async function snapshot(db: Db, collections: string[]): Promise<string> {
  const parts: Record<string, unknown[]> = {};
  for (const name of collections) parts[name] = await db.collection(name).find({}).sort({ _id: 1 }).toArray();
  return JSON.stringify(parts);
}

/** Runs `action` and checks that the stored documents are exactly as before. */
export async function expectUnchanged<T>(db: Db, collections: string[], action: () => Promise<T>): Promise<T> {
  const before = await snapshot(db, collections);
  const result = await action();
  expect(await snapshot(db, collections)).toBe(before);
  return result;
}

export const dbOf = (t: TestStack, name: 'membership' | 'workshops'): Db => t.stack.subgraphs[name].service.db;

/** Anonymous gets UNAUTHENTICATED and each listed role FORBIDDEN, with nothing stored. */
export async function expectRoleChecks(
  t: TestStack,
  db: Db,
  collections: string[],
  query: string,
  variables: Record<string, unknown>,
  forbidden: { role: Role | 'officer-of-another-city'; token: string }[],
): Promise<void> {
  await expectUnchanged(db, collections, async () => {
    expectError(await t.query(query, variables), 'UNAUTHENTICATED');
    for (const { role, token } of forbidden) {
      const result = await t.query(query, variables, { token });
      try {
        expectError(result, 'FORBIDDEN');
      } catch (error) {
        throw new Error(`${role}: ${(error as Error).message}`);
      }
    }
  });
}
