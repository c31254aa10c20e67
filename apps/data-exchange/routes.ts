/**
 * Data in and out as files, over plain HTTP beside /graphql:
 *   GET  /exports/registry.csv | .json            (?year=&level=&country=)
 *   GET  /exports/cities/:cityId/values/:year.csv | .json   (VERIFIED values)
 *   POST /imports/cities/:cityId/values/:year     (text/csv: id,value,source,note; ?expectedVersion=)
 * Every route runs GraphQL operations through the gateway itself with the caller's own context, so
 * the authorisation rules, validation and data are exactly those of the API.
 */
import type http from 'node:http';
import type { ApolloServer } from '@apollo/server';
import type { GatewayContext } from '../../gateway/context';
import { parseCsv, toCsv } from './csv';
import { httpStatusOf } from '../../lib/graphql/error-codes';

export interface DataExchangeOptions {
  server: ApolloServer<GatewayContext>;
  context: (req: http.IncomingMessage) => Promise<GatewayContext>;
  /** Largest page the registry export asks for at a time (the API's MAX_PAGE_SIZE). */
  pageSize: number;
  maxUploadBytes?: number;
}

const REGISTRY = `query RegistryExport($first: Int!, $after: String, $year: Int, $level: CertificationLevel, $country: String) {
  registry(first: $first, after: $after, year: $year, level: $level, country: $country) {
    pageInfo { hasNextPage endCursor }
    edges { node { city { id name country region } year level awardedAt verifierOrganisation sampleData
      coverage { coreVerified supportingVerified earnedLevel } } }
  }
}`;

const VALUES = `query ValuesExport($id: ID!, $year: Int!) {
  city(id: $id) {
    id name
    indicators(year: $year) { indicator { id name theme kind unit } value status sampleData }
  }
}`;

const SAVE = `mutation ImportValues($input: SaveIndicatorValuesInput!) {
  saveIndicatorValues(input: $input) { cityId year version draftCount submittedCount verifiedCount rejectedCount }
}`;

const REGISTRY_COLUMNS = [
  'cityId',
  'cityName',
  'country',
  'region',
  'year',
  'level',
  'awardedAt',
  'verifierOrganisation',
  'coreVerified',
  'supportingVerified',
  'earnedLevel',
  'sampleData',
];
const VALUE_COLUMNS = ['indicatorId', 'name', 'theme', 'kind', 'unit', 'value', 'status', 'sampleData'];

interface GqlError {
  message: string;
  extensions?: Record<string, unknown>;
}

class RouteError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super('route error');
  }
}

export function createDataExchangeRoutes(options: DataExchangeOptions) {
  const maxUpload = options.maxUploadBytes ?? 512 * 1024;

  async function run<T>(req: http.IncomingMessage, query: string, variables: Record<string, unknown>): Promise<{ data?: T; errors?: GqlError[] }> {
    const contextValue = await options.context(req);
    const response = await options.server.executeOperation<T & Record<string, unknown>>({ query, variables }, { contextValue });
    if (response.body.kind !== 'single') throw new Error('unexpected incremental response');
    return response.body.singleResult as { data?: T; errors?: GqlError[] };
  }

  function failOn(errors: GqlError[] | undefined): void {
    if (!errors?.length) return;
    const code = String(errors[0].extensions?.code ?? 'INTERNAL_SERVER_ERROR');
    throw new RouteError(httpStatusOf(code), { errors: errors.map((e) => ({ message: e.message, extensions: { code: e.extensions?.code } })) });
  }

  async function registry(req: http.IncomingMessage, url: URL) {
    const year = url.searchParams.get('year');
    const variables: Record<string, unknown> = {
      first: options.pageSize,
      level: url.searchParams.get('level') || undefined,
      country: url.searchParams.get('country') || undefined,
    };
    if (year) variables.year = Number.isInteger(Number(year)) ? Number(year) : year;
    const rows: Record<string, unknown>[] = [];
    for (let after: string | undefined; ; ) {
      type Node = {
        city: { id: string; name: string; country: string; region: string };
        year: number;
        level: string | null;
        awardedAt: string | null;
        verifierOrganisation: string | null;
        sampleData: boolean;
        coverage: { coreVerified: number; supportingVerified: number; earnedLevel: string | null };
      };
      type Page = { registry: { pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: Node }[] } };
      const result = await run<Page>(req, REGISTRY, { ...variables, after });
      failOn(result.errors);
      for (const { node } of result.data!.registry.edges) {
        rows.push({
          cityId: node.city.id,
          cityName: node.city.name,
          country: node.city.country,
          region: node.city.region,
          year: node.year,
          level: node.level,
          awardedAt: node.awardedAt,
          verifierOrganisation: node.verifierOrganisation,
          coreVerified: node.coverage.coreVerified,
          supportingVerified: node.coverage.supportingVerified,
          earnedLevel: node.coverage.earnedLevel,
          sampleData: node.sampleData,
        });
      }
      if (!result.data!.registry.pageInfo.hasNextPage) break;
      after = result.data!.registry.pageInfo.endCursor;
    }
    return { columns: REGISTRY_COLUMNS, rows, name: 'registry' };
  }

  async function values(req: http.IncomingMessage, cityId: string, year: string) {
    type Values = {
      city: {
        id: string;
        indicators: {
          indicator: { id: string; name: string; theme: string; kind: string; unit: string };
          value: number;
          status: string;
          sampleData: boolean;
        }[];
      } | null;
    };
    const result = await run<Values>(req, VALUES, { id: cityId, year: Number.isInteger(Number(year)) ? Number(year) : year });
    failOn(result.errors);
    if (!result.data!.city) throw new RouteError(404, { errors: [{ message: `No city ${JSON.stringify(cityId)}`, extensions: { code: 'NOT_FOUND' } }] });
    const rows = result
      .data!.city.indicators.filter((v) => v.status === 'VERIFIED')
      .map((v) => ({
        indicatorId: v.indicator.id,
        name: v.indicator.name,
        theme: v.indicator.theme,
        kind: v.indicator.kind,
        unit: v.indicator.unit,
        value: v.value,
        status: v.status,
        sampleData: v.sampleData,
      }));
    return { columns: VALUE_COLUMNS, rows, name: `${cityId}-${year}-verified-values` };
  }

  async function importValues(req: http.IncomingMessage, url: URL, cityId: string, year: string) {
    const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (type !== 'text/csv')
      throw new RouteError(415, {
        errors: [{ message: 'Upload the values as text/csv (columns: id,value,source,note)', extensions: { code: 'UNSUPPORTED_MEDIA_TYPE' } }],
      });
    const text = await readText(req, maxUpload);
    let parsed: ReturnType<typeof parseCsv>;
    try {
      parsed = parseCsv(text);
    } catch (error) {
      throw new RouteError(400, { imported: false, rejected: [{ line: null, problem: `Not valid CSV: ${(error as Error).message}` }] });
    }
    const missing = ['id', 'value'].filter((c) => !parsed.header.includes(c));
    if (missing.length)
      throw new RouteError(400, {
        imported: false,
        rejected: [{ line: 1, problem: `The header row must name the columns id,value[,source,note]; missing: ${missing.join(', ')}` }],
      });
    if (!parsed.rows.length) throw new RouteError(400, { imported: false, rejected: [{ line: null, problem: 'The file has no rows' }] });

    // Row by row: what CSV alone can tell (an id and a number); the rest is the mutation's own validation.
    const rejected: { line: number | null; indicatorId?: string; field?: string; problem: string }[] = [];
    const wellFormed: { line: number; input: { indicatorId: string; value: number; source: string | null; note: string | null } }[] = [];
    for (const row of parsed.rows) {
      const id = row.fields.id;
      const rawValue = row.fields.value;
      const value = rawValue === '' ? NaN : Number(rawValue);
      const problems: string[] = [];
      if (!id) problems.push('id is empty');
      if (!Number.isFinite(value)) problems.push(`value ${JSON.stringify(rawValue)} is not a number`);
      if (problems.length) rejected.push({ line: row.line, indicatorId: id || undefined, problem: problems.join('; ') });
      else wellFormed.push({ line: row.line, input: { indicatorId: id, value, source: row.fields.source || null, note: row.fields.note || null } });
    }

    const expectedVersion = url.searchParams.get('expectedVersion');
    const input = {
      cityId,
      year: Number.isInteger(Number(year)) ? Number(year) : year,
      expectedVersion: expectedVersion === null ? undefined : Number(expectedVersion),
      values: wellFormed.map((w) => w.input),
      // All or nothing: with any bad row, the good ones are only checked, never saved.
      dryRun: rejected.length > 0,
    };
    if (wellFormed.length) {
      type Saved = { saveIndicatorValues: Record<string, unknown> };
      const result = await run<Saved>(req, SAVE, { input });
      const error = result.errors?.[0];
      if (error) {
        const code = String(error.extensions?.code ?? '');
        const problems = (error.extensions?.problems as { field: string; message: string }[] | undefined) ?? [
          { field: String(error.extensions?.field ?? ''), message: error.message },
        ];
        if (code !== 'BAD_USER_INPUT' && code !== 'CONFLICT') failOn(result.errors);
        for (const p of problems) {
          const index = /^values\[(\d+)\]/.exec(p.field)?.[1];
          const row = index === undefined ? undefined : wellFormed[Number(index)];
          rejected.push({
            line: row?.line ?? null,
            indicatorId: row?.input.indicatorId,
            field: p.field.replace(/^values\[\d+\]\.?/, '') || undefined,
            problem: p.message.replace(/^values\[\d+\](\.\w+)?: /, ''),
          });
        }
        if (code === 'CONFLICT' && !rejected.some((r) => r.line !== null)) throw new RouteError(409, { imported: false, rejected });
      } else if (!rejected.length) {
        return { status: 200, body: { imported: true, rows: wellFormed.length, report: result.data!.saveIndicatorValues } };
      }
    }
    rejected.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    throw new RouteError(400, { imported: false, rows: parsed.rows.length, rejected });
  }

  return async function route(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<boolean> {
    const path = url.pathname;
    const exportMatch = /^\/exports\/registry\.(csv|json)$/.exec(path) ?? /^\/exports\/cities\/([a-z0-9-]{1,80})\/values\/(\d{4})\.(csv|json)$/.exec(path);
    const importMatch = /^\/imports\/cities\/([a-z0-9-]{1,80})\/values\/(\d{4})$/.exec(path);
    if (!exportMatch && !importMatch) return false;
    try {
      if (exportMatch) {
        if (req.method !== 'GET') throw new RouteError(405, { errors: [{ message: 'Exports are read with GET', extensions: { code: 'METHOD_NOT_ALLOWED' } }] });
        const file = exportMatch.length === 2 ? await registry(req, url) : await values(req, exportMatch[1], exportMatch[2]);
        const format = exportMatch[exportMatch.length - 1];
        res.setHeader('cache-control', 'no-store');
        res.setHeader('content-disposition', `attachment; filename="${file.name}.${format}"`);
        if (format === 'csv') {
          res.writeHead(200, { 'content-type': 'text/csv; charset=utf-8' });
          res.end(toCsv(file.columns, file.rows));
        } else {
          res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
          res.end(JSON.stringify(file.rows));
        }
        return true;
      }
      if (req.method !== 'POST') throw new RouteError(405, { errors: [{ message: 'Imports are sent with POST', extensions: { code: 'METHOD_NOT_ALLOWED' } }] });
      const result = await importValues(req, url, importMatch![1], importMatch![2]);
      sendJson(res, result.status, result.body);
    } catch (error) {
      if (error instanceof RouteError) sendJson(res, error.status, error.body);
      else if ((error as { extensions?: { code?: string } }).extensions?.code === 'UNAUTHENTICATED') {
        sendJson(res, 401, { errors: [{ message: (error as Error).message, extensions: { code: 'UNAUTHENTICATED' } }] });
      } else throw error;
    }
    return true;
  };
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function readText(req: http.IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new RouteError(413, { errors: [{ message: `The upload exceeds ${limit} bytes`, extensions: { code: 'PAYLOAD_TOO_LARGE' } }] }));
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      const buffer = Buffer.concat(chunks);
      const text = new TextDecoder('utf-8', { fatal: false }).decode(buffer);
      resolve(text);
    });
    req.on('error', reject);
  });
}
