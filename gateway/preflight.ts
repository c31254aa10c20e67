import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { Kind, parse, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode, type GraphQLError } from 'graphql';
import { refusal } from '../lib/http/refusal';
import type { GraphQLRequestBody } from '../lib/http/graphql-http-server';
import type { ResolvedGatewaySettings } from './config';
import type { GatewayContext } from './context';
import { checkDocumentText, checkLiteralInputs, checkVariables, enforceMeasures, measureOperation, type OperationMeasures } from './limits/operation-limits';
import type { CostModel } from './limits/cost';
import type { ScalarChecker } from './limits/scalars';
import { resolveTrustedDocument } from './trusted-documents/enforce';

/** Which operation of the document runs; an unknown or missing operationName is a clear 400. */
export function selectOperation(definitions: readonly OperationDefinitionNode[], operationName: unknown): OperationDefinitionNode {
  if (typeof operationName === 'string' && operationName) {
    const found = definitions.find((d) => d.name?.value === operationName);
    if (!found) {
      const names = definitions.map((d) => d.name?.value).filter(Boolean);
      throw refusal(
        400,
        'OPERATION_RESOLUTION_FAILURE',
        `Unknown operation named "${operationName}"; the document has ${names.length ? names.join(', ') : 'no named operations'}.`,
      );
    }
    return found;
  }
  if (definitions.length === 0) throw refusal(400, 'OPERATION_RESOLUTION_FAILURE', 'The document contains no operation.');
  if (definitions.length > 1)
    throw refusal(400, 'OPERATION_RESOLUTION_FAILURE', 'The document contains several operations: name the one to run (operationName).');
  return definitions[0];
}

/**
 * `extensions.persistedQuery` (APQ) as the protocol has it: version 1 and a sha256 hex hash that, with a
 * query, is the query's. Apollo Server reports these mistakes as INTERNAL_SERVER_ERROR (masked in
 * production), so they are refused here as what they are: a malformed request.
 */
export function checkPersistedQuery(request: GraphQLRequestBody): void {
  const extensions = request.extensions as Record<string, unknown> | undefined | null;
  if (!extensions || !('persistedQuery' in extensions)) return;
  const persisted = extensions.persistedQuery as { version?: unknown; sha256Hash?: unknown } | null;
  if (persisted === null || typeof persisted !== 'object' || Array.isArray(persisted)) {
    throw refusal(400, 'BAD_REQUEST', 'extensions.persistedQuery must be an object: { "version": 1, "sha256Hash": "<64 hex digits>" }.');
  }
  if (persisted.version !== 1)
    throw refusal(400, 'BAD_REQUEST', `Unsupported persisted query version ${JSON.stringify(persisted.version ?? null)}: send version 1.`);
  if (typeof persisted.sha256Hash !== 'string' || !/^[0-9a-fA-F]{64}$/.test(persisted.sha256Hash)) {
    throw refusal(400, 'BAD_REQUEST', 'extensions.persistedQuery.sha256Hash must be the sha256 of the query, 64 hex digits.');
  }
  if (typeof request.query === 'string' && createHash('sha256').update(request.query).digest('hex') !== persisted.sha256Hash.toLowerCase()) {
    throw refusal(400, 'BAD_REQUEST', 'The provided sha does not match the query (extensions.persistedQuery.sha256Hash).');
  }
}

/** What the preflight reads from the schema currently served (rebuilt when the supergraph changes). */
export interface PreflightSchema {
  schema: GraphQLSchema;
  /** `@cost`/`@listSize` of the supergraph (gateway/limits/cost.ts). */
  costModel: CostModel;
  /** The subgraphs' custom scalars (gateway/limits/scalars.ts); absent when the schema has none. */
  scalars?: ScalarChecker;
}

/**
 * Everything the gateway refuses before Apollo parses, validates or plans the operation, and before
 * any subgraph is called: trusted documents, then document size and tokens, then the parsed
 * operation's shape (depth, aliases, root fields, directives, list sizes, estimated cost by the cost
 * spec), then input sizes and the custom scalars' literals and variables. The estimate and its most
 * expensive path are left on the context (`demand`) for the rate limits and the cost metrics.
 */
/** A document that passed the text and literal checks, with its operations (memoised by its text). */
interface CheckedDocument {
  document: DocumentNode;
  operations: OperationDefinitionNode[];
}

/**
 * What the preflight remembers, in approximate heap bytes: a parsed document takes ~55 times its text
 * (measured on TestQuery: 543 characters, ~29 KB of AST with locations), a measure its key.
 */
const DOCUMENT_MEMO_BYTES = 32 * 1024 * 1024;
const DOCUMENT_HEAP_PER_CHAR = 60;
const MEASURE_MEMO_BYTES = 8 * 1024 * 1024;

export function createPreflight(settings: ResolvedGatewaySettings, manifest: Map<string, string>, current: () => PreflightSchema | undefined) {
  const limits = settings.limits;
  // The checks are pure functions of the text, the operation name, the variables and the schema, so
  // a document that passed is not lexed, parsed and walked again for every request (refusals are not
  // kept: a hostile client gets no cheaper path, and fills at most these bytes with valid documents).
  const documents = new LRUCache<string, CheckedDocument>({
    maxSize: DOCUMENT_MEMO_BYTES,
    sizeCalculation: (_doc, text) => 1 + text.length * DOCUMENT_HEAP_PER_CHAR,
  });
  const measured = new LRUCache<string, OperationMeasures>({ maxSize: MEASURE_MEMO_BYTES, sizeCalculation: (_m, key) => 64 + key.length * 2 });
  let measuredFor: PreflightSchema | undefined;

  const checkedDocument = (query: string): CheckedDocument => {
    const known = documents.get(query);
    if (known) return known;
    checkDocumentText(query, limits);
    let document: DocumentNode;
    try {
      document = parse(query, { maxTokens: limits.maxTokens + 1 });
    } catch (error) {
      throw refusal(400, 'GRAPHQL_PARSE_FAILED', (error as GraphQLError).message);
    }
    checkLiteralInputs(document, limits);
    const checked = { document, operations: document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION) };
    documents.set(query, checked);
    return checked;
  };

  return (request: GraphQLRequestBody, context: GatewayContext, method: 'GET' | 'POST'): GraphQLRequestBody => {
    context.demand = undefined;
    // An empty operationName names no operation: the same as none (Apollo would fail to resolve it, a 500).
    if (request.operationName === '') {
      const { operationName: _empty, ...rest } = request;
      request = rest;
    }
    request = resolveTrustedDocument(request, context.user, settings.trustedDocuments, manifest);
    checkPersistedQuery(request);
    checkVariables(request.variables, limits);
    if (typeof request.query !== 'string') return request; // an APQ hash: Apollo resolves it, the plugin re-checks
    const { document, operations } = checkedDocument(request.query);
    const operation = selectOperation(operations, request.operationName);
    if (method === 'GET' && operation.operation !== 'query') {
      throw refusal(405, 'METHOD_NOT_ALLOWED', `GET is for queries only: send this ${operation.operation} with POST.`, {}, { allow: 'POST' });
    }
    const variables = (request.variables ?? {}) as Record<string, unknown>;
    const served = current();
    if (served !== measuredFor) {
      // A reloaded schema: its costs, list sizes and scalars may differ.
      measured.clear();
      measuredFor = served;
    }
    const key = `${operation.name?.value ?? ''}\u0000${JSON.stringify(variables)}\u0000${request.query}`;
    let measures = measured.get(key);
    if (!measures) {
      measures = measureOperation(document, operation, served?.schema, variables, limits, served?.costModel);
      enforceMeasures(measures, limits);
      served?.scalars?.check(document, operation, variables, request.query);
      measured.set(key, measures);
    }
    context.demand = { estimated: measures.cost, path: measures.path.join('.') };
    return request;
  };
}
