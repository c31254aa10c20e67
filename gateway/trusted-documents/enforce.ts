import type { AuthUser, Role } from '../../lib/auth/roles';
import { hasRole } from '../../lib/auth/roles';
import { refusal } from '../../lib/http/refusal';
import type { GraphQLRequestBody } from '../../lib/http/graphql-http-server';
import type { TrustedDocumentsMode } from '../config';
import { sha256 } from './manifest';

/** Staff tools may send any operation; everyone else only trusted documents (when enforced). */
export const UNRESTRICTED_ROLES: Role[] = ['WCCD_STAFF', 'CITYNET_STAFF', 'CITY_OFFICER', 'VERIFIER'];

/**
 * Resolves a trusted document sent by id (`documentId`, or an APQ hash in the manifest) to its text,
 * and — when enforced — refuses anonymous and PARTNER_APP callers any other document. This runs
 * before Apollo's APQ handling, so an APQ registration cannot smuggle a new document in: a hash not
 * in the manifest is refused for those callers whatever the APQ cache holds.
 */
export function resolveTrustedDocument(
  request: GraphQLRequestBody,
  user: AuthUser | null,
  mode: TrustedDocumentsMode,
  manifest: Map<string, string>,
): GraphQLRequestBody {
  if (request.documentId !== undefined && request.documentId !== null) {
    if (typeof request.documentId !== 'string') throw refusal(400, 'BAD_REQUEST', 'documentId must be a string.');
    const hash = request.documentId.replace(/^sha256:/, '');
    const body = manifest.get(hash);
    if (!body) throw refusal(400, 'PERSISTED_QUERY_NOT_FOUND', `No trusted document has the id ${JSON.stringify(request.documentId)}.`);
    if (typeof request.query === 'string' && request.query !== body) throw refusal(400, 'BAD_REQUEST', 'Send either a documentId or a query, not both.');
    const { documentId: _id, ...rest } = request;
    return { ...rest, query: body };
  }
  const persisted = (request.extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined)?.persistedQuery;
  const apqHash = typeof persisted?.sha256Hash === 'string' ? persisted.sha256Hash : undefined;
  if (apqHash && (request.query === undefined || request.query === null) && manifest.has(apqHash)) {
    request = { ...request, query: manifest.get(apqHash) };
  }
  if (mode === 'enforce' && !hasRole(user, ...UNRESTRICTED_ROLES)) {
    const hash = typeof request.query === 'string' ? sha256(request.query) : apqHash;
    if (!hash || !manifest.has(hash)) {
      throw refusal(
        403,
        'PERSISTED_QUERY_NOT_IN_LIST',
        'This API accepts only trusted documents from anonymous and partner-app callers: send the sha256 hash of a published operation ' +
          '(documentId, or extensions.persistedQuery.sha256Hash). Staff tokens may send any operation.',
      );
    }
  }
  return request;
}
