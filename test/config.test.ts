import { ConfigError } from '../lib/env';
import { subgraphSettingsFromEnv } from '../lib/config';

function problems(source: Record<string, string>): string[] {
  try {
    subgraphSettingsFromEnv(source);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
}

describe('subgraph settings from the environment', () => {
  test('defaults when nothing is set; empty strings count as unset', () => {
    const s = subgraphSettingsFromEnv({ MAX_PAGE_SIZE: '' });
    expect(s).toMatchObject({ dbPrefix: '', defaultPageSize: 20, maxPageSize: 100, minDataYear: 2010 });
    expect(s.gatewayUrl?.()).toBe('http://127.0.0.1:4000/graphql');
  });

  test('every wrong value is reported at once, one clear line each', () => {
    expect(problems({ MAX_PAGE_SIZE: 'lots', MIN_DATA_YEAR: '1800', CLOCK_NOW: 'yesterday', GATEWAY_URL: 'not a url' })).toEqual([
      'MAX_PAGE_SIZE: must be a whole number (got "lots")',
      'MIN_DATA_YEAR: must be at least 1900 (got "1800")',
      'CLOCK_NOW: must be an ISO-8601 instant, e.g. 2026-11-28T00:00:00Z (got "yesterday")',
      'GATEWAY_URL: must be a URL (got "not a url")',
    ]);
  });

  test('inconsistent values are refused', () => {
    expect(problems({ DEFAULT_PAGE_SIZE: '50', MAX_PAGE_SIZE: '10' })).toEqual(['DEFAULT_PAGE_SIZE (50) must not exceed MAX_PAGE_SIZE (10)']);
  });

  test('CLOCK_NOW pins the clock', () => {
    expect(subgraphSettingsFromEnv({ CLOCK_NOW: '2026-11-28T00:00:00Z' }).now().toISOString()).toBe('2026-11-28T00:00:00.000Z');
  });
});
