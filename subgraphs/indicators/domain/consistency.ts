/**
 * Consistency rules: the relations between a city's values for one year that a verifier checks
 * (shares of one whole add up to at most 100 %, a part is at most its total, youth unemployment is at
 * least overall unemployment, ...). They are data, in each catalogue edition's `consistencyRules`;
 * this file reads them and checks values against them (pure: no database, no GraphQL).
 *
 * Severity: an `error` rule is an impossibility and refuses a save (the share groups); a `warning`
 * rule is a plausibility check returned with the report (`IndicatorReport.warnings`), never blocking.
 * The sample data generator is tested against every rule (test/sample-data.test.ts).
 */
import type { CatalogueIndicator } from './catalogue';

export type RuleKind = 'SUM_AT_MOST' | 'AT_MOST' | 'BETWEEN' | 'INTEGER' | 'RANGE';
export type RuleSeverity = 'ERROR' | 'WARNING';

export interface ConsistencyRule {
  id: string;
  kind: RuleKind;
  severity: RuleSeverity;
  /**
   * The indicators the rule relates, in the rule's order: SUM_AT_MOST the parts; AT_MOST [part, total];
   * BETWEEN [value, bound, bound]; INTEGER and RANGE each indicator on its own.
   */
  indicators: string[];
  /** SUM_AT_MOST: the largest total. */
  limit: number | null;
  /** BETWEEN: how far outside the bounds is still consistent (rounding). */
  tolerance: number;
  /** RANGE: the plausible bounds. */
  min: number | null;
  max: number | null;
  description: string;
}

/** A rule a set of values breaks, with the values involved (in the rule's order). */
export interface RuleViolation {
  rule: ConsistencyRule;
  values: { indicatorId: string; value: number }[];
  /** What is wrong with these values, e.g. `16.4 + 16.5 + … = 104.2 > 100`. */
  message: string;
}

const KINDS: Record<string, RuleKind> = { sumAtMost: 'SUM_AT_MOST', atMost: 'AT_MOST', between: 'BETWEEN', integer: 'INTEGER', range: 'RANGE' };
const SEVERITIES: Record<string, RuleSeverity> = { error: 'ERROR', warning: 'WARNING' };
/** How many indicators each kind relates (null: one or more). */
const ARITY: Record<RuleKind, number | null> = { SUM_AT_MOST: null, AT_MOST: 2, BETWEEN: 3, INTEGER: null, RANGE: null };

/** Reads an edition's `consistencyRules` (absent: none); errors name the entry, through `fail`. */
export function parseConsistencyRules(raw: unknown, byId: ReadonlyMap<string, CatalogueIndicator>, fail: (what: string) => never): ConsistencyRule[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) return fail('"consistencyRules" must be an array');
  const ids = new Set<string>();
  return raw.map((entry: unknown, i): ConsistencyRule => {
    const at = `consistencyRules[${i}]`;
    if (typeof entry !== 'object' || entry === null) return fail(`${at} must be an object`);
    const e = entry as Record<string, unknown>;
    if (typeof e.id !== 'string' || !/^[a-z0-9][a-z0-9.-]*$/.test(e.id)) return fail(`${at}.id must be a lower-case slug`);
    if (ids.has(e.id)) return fail(`${at}.id ${e.id} appears twice`);
    ids.add(e.id);
    const kind = KINDS[e.kind as string];
    if (!kind) return fail(`${at}.kind must be one of ${Object.keys(KINDS).join(', ')}, got ${JSON.stringify(e.kind)}`);
    const severity = SEVERITIES[e.severity as string];
    if (!severity) return fail(`${at}.severity must be "error" or "warning", got ${JSON.stringify(e.severity)}`);
    if (!Array.isArray(e.indicators) || e.indicators.length === 0 || e.indicators.some((id) => typeof id !== 'string' || !byId.has(id))) {
      return fail(`${at}.indicators must list indicators of the edition, got ${JSON.stringify(e.indicators)}`);
    }
    const arity = ARITY[kind];
    if (arity !== null && e.indicators.length !== arity) return fail(`${at}.indicators must list ${arity} indicators for ${e.kind}`);
    if (kind === 'SUM_AT_MOST' && (typeof e.limit !== 'number' || e.indicators.length < 2))
      return fail(`${at} (sumAtMost) needs a numeric "limit" and at least two indicators`);
    if (kind === 'RANGE' && (typeof e.min !== 'number' || typeof e.max !== 'number' || e.min > e.max))
      return fail(`${at} (range) needs numeric "min" <= "max"`);
    if (e.tolerance !== undefined && (typeof e.tolerance !== 'number' || e.tolerance < 0)) return fail(`${at}.tolerance must be a non-negative number`);
    if (typeof e.description !== 'string' || e.description.trim() === '') return fail(`${at}.description must say what the rule checks`);
    return {
      id: e.id,
      kind,
      severity,
      indicators: e.indicators as string[],
      limit: typeof e.limit === 'number' ? e.limit : null,
      tolerance: (e.tolerance as number | undefined) ?? 0,
      min: typeof e.min === 'number' ? e.min : null,
      max: typeof e.max === 'number' ? e.max : null,
      description: e.description,
    };
  });
}

/** Values are entered with a few decimals: a sum of 100.0000001 is still 100. */
const EPSILON = 1e-9;
const show = (n: number) => String(Math.round(n * 1000) / 1000);

/**
 * Checks one rule against a city's values for a year (indicator id -> value). A rule relating values
 * the city has not all reported is not checked (a sum is checked as soon as two parts are there).
 */
export function checkRule(rule: ConsistencyRule, values: ReadonlyMap<string, number>): RuleViolation[] {
  const present = rule.indicators.filter((id) => values.has(id));
  const pick = (ids: readonly string[]) => ids.map((indicatorId) => ({ indicatorId, value: values.get(indicatorId)! }));
  const violation = (ids: readonly string[], message: string): RuleViolation => ({ rule, values: pick(ids), message });
  switch (rule.kind) {
    case 'SUM_AT_MOST': {
      if (present.length < 2) return [];
      const total = present.reduce((sum, id) => sum + values.get(id)!, 0);
      return total > rule.limit! + EPSILON ? [violation(present, `${present.join(' + ')} = ${show(total)}, more than ${rule.limit}`)] : [];
    }
    case 'AT_MOST': {
      const [part, total] = rule.indicators;
      if (present.length < 2) return [];
      const a = values.get(part)!;
      const b = values.get(total)!;
      return a > b + EPSILON ? [violation(rule.indicators, `${part} = ${show(a)} is more than ${total} = ${show(b)}`)] : [];
    }
    case 'BETWEEN': {
      if (present.length < 3) return [];
      const [subject, one, other] = rule.indicators.map((id) => values.get(id)!);
      const low = Math.min(one, other) - rule.tolerance;
      const high = Math.max(one, other) + rule.tolerance;
      if (subject >= low - EPSILON && subject <= high + EPSILON) return [];
      const [s, b1, b2] = rule.indicators;
      return [violation(rule.indicators, `${s} = ${show(subject)} is not between ${b1} = ${show(one)} and ${b2} = ${show(other)} (± ${rule.tolerance})`)];
    }
    case 'INTEGER':
      return present.filter((id) => !Number.isInteger(values.get(id)!)).map((id) => violation([id], `${id} = ${show(values.get(id)!)} is not a whole number`));
    case 'RANGE':
      return present
        .filter((id) => values.get(id)! < rule.min! - EPSILON || values.get(id)! > rule.max! + EPSILON)
        .map((id) => violation([id], `${id} = ${show(values.get(id)!)} is outside ${rule.min}–${rule.max}`));
  }
}

/** Every violation of `rules` by a city's values for a year, in the rules' order. */
export function checkConsistency(rules: readonly ConsistencyRule[], values: ReadonlyMap<string, number>): RuleViolation[] {
  return rules.flatMap((rule) => checkRule(rule, values));
}
