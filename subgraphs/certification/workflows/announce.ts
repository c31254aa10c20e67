import type { AuthUser } from '../../../lib/auth/roles';
import { appendToStream } from '../../../lib/db/events';
import { changeDocument } from '../../../lib/db/outbox';
import type { EventDoc } from '../../../lib/db/outbox';
import type { CertificationDeps } from '../context';
import { findAllCertifications } from '../data/certifications';
import { organisationDocs } from '../data/copies';
import type { OrganisationDoc } from '../data/types';
import { certificationChanged, verifierAssigned, verifierOrganisation } from '../domain/events';
import type { VerifierOrganisation } from '../domain/organisations';

/** The configuration, as an actor in the audit trail. */
const CONFIGURATION: AuthUser = { sub: 'system:configuration', roles: [] };

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * The verification organisations as configured, announced to the other domains: each organisation
 * whose name or declared exclusions differ from what was last announced is one audited write of its
 * `verifier_organisations` document with a `verifier.organisation` event (the indicators domain refuses
 * verdicts by excluded organisations). Run at start-up; a configuration that did not change writes nothing.
 */
export async function announceOrganisations(deps: Pick<CertificationDeps, 'db' | 'settings'>, organisations: readonly VerifierOrganisation[]): Promise<number> {
  let written = 0;
  for (const org of organisations) {
    const at = deps.settings.now();
    await changeDocument<OrganisationDoc>({
      collection: organisationDocs(deps.db),
      id: org.id,
      actor: CONFIGURATION,
      at,
      conflict: `The verification organisation ${org.id} was announced by another process meanwhile.`,
      change(current) {
        if (current && current.name === org.name && same(current.excludedCities, org.excludedCities) && same(current.excludedCountries, org.excludedCountries))
          return null;
        written++;
        const next = { _id: org.id, name: org.name, excludedCities: org.excludedCities, excludedCountries: org.excludedCountries };
        const version = (current?.version ?? 0) + 1;
        const view = (o: Pick<OrganisationDoc, 'name' | 'excludedCities' | 'excludedCountries'> | null) =>
          o && { name: o.name, excludedCities: o.excludedCities, excludedCountries: o.excludedCountries };
        return {
          next,
          audit: [{ action: 'VERIFIER_ORGANISATION_CONFIGURED', subject: `verifier-organisation:${org.id}`, old: view(current), new: view(next) }],
          scope: { cityId: null },
          events: [verifierOrganisation(org, version, at)],
        };
      },
    });
  }
  return written;
}

/**
 * The state of every certification announced once (`certification.changed`, and `verifier.assigned`
 * when a verifier is assigned), as if each had just been written at its current version: for data
 * written before events existed, and for the seed. Event ids are those the version's write would have
 * given, so what was announced already is not announced again.
 */
export async function announceCertifications(deps: Pick<CertificationDeps, 'db' | 'validity'>): Promise<void> {
  const docs = await findAllCertifications(deps.db);
  const events: EventDoc[] = [];
  for (const doc of docs) {
    const version = doc.version ?? 0;
    const at = doc.statusChangedAt ?? doc.awardedAt ?? doc.openedAt ?? new Date(Date.UTC(doc.year + 1, 0, 1));
    events.push(certificationChanged(doc, version, at, deps.validity));
    if (doc.verifierOrganisationId) events.push(verifierAssigned(doc, version, at));
  }
  // In data-year order, so consumers learn of the older years first.
  events.sort((a, b) => (a.payload.year as number) - (b.payload.year as number) || (a._id < b._id ? -1 : 1));
  for (let i = 0; i < events.length; i += 200) await appendToStream(deps.db, events.slice(i, i + 200));
}
