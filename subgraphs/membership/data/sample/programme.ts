import type { AuthUser } from '../../../../lib/auth/roles';
import { auditEntriesFor, type AuditChange, type AuditEntryDoc } from '../../../../lib/db/outbox';
import { FEE_TABLE } from '../../domain/config';
import { duesId } from '../../domain/dues';
import { annualFeeUsd } from '../../domain/fees';
import type { ApplicationStatus, CityDoc, DuesDoc, EnrolmentDoc, EnrolmentRateDoc, MemberDoc, ProgrammeApplicationDoc, ProgrammeRoundDoc } from '../types';

/**
 * The 2016 round of the sample data, with its history (issue 11): the call for participation, an
 * application from every city the sample enrols in 2016 (submitted, shortlisted, accepted on the day of
 * its enrolment at the subsidised rate), and the applications that went otherwise: one declined, one
 * withdrawn, one left on the waiting list when the seats ran out. Members' dues from 2014 to 2026,
 * paid, except a few, so the good-standing rule has cases both ways. The round's fees, the seats and
 * every review step are ILLUSTRATIVE (`sampleData: true`); the cities are real. Each step has the
 * audit entry the workflow would have written, in the same shape.
 */
export const SAMPLE_ROUND_YEAR = 2016;
const STAFF: AuthUser = { sub: 'staff:citynet-secretariat', roles: ['CITYNET_STAFF'] };
const officer = (cityId: string): AuthUser => ({ sub: `officer:${cityId}`, roles: ['CITY_OFFICER'], cityId });

export const SAMPLE_ROUND: ProgrammeRoundDoc = {
  _id: String(SAMPLE_ROUND_YEAR),
  year: SAMPLE_ROUND_YEAR,
  dataYear: 2016,
  opensAt: new Date('2016-03-01T00:00:00Z'),
  closesAt: new Date('2016-09-30T15:00:00Z'),
  seats: 13,
  currency: 'USD',
  standardAnnualFee: 12000,
  subsidisedAnnualFee: 6000,
  subsidisedYears: 3,
  sampleData: true,
  version: 1,
};

/** The applications that did not end in an enrolment (only for cities of the dataset that are members). */
const OTHER_OUTCOMES: { cityId: string; submitted: string; steps: { on: string; status: ApplicationStatus; reason: string | null }[] }[] = [
  {
    cityId: 'bangkok',
    submitted: '2016-04-20',
    steps: [{ on: '2016-07-15', status: 'DECLINED', reason: 'The city could not name a data contact able to commit the 2016 data year (sample reason).' }],
  },
  {
    cityId: 'jakarta',
    submitted: '2016-05-02',
    steps: [
      { on: '2016-06-10', status: 'SHORTLISTED', reason: null },
      { on: '2016-08-01', status: 'WITHDRAWN', reason: 'The city withdrew while its statistics unit was reorganised (sample reason).' },
    ],
  },
  {
    cityId: 'penang-island',
    submitted: '2016-06-10',
    steps: [
      { on: '2016-07-01', status: 'SHORTLISTED', reason: null },
      { on: '2016-10-03', status: 'WAITLISTED', reason: 'All 13 seats of the 2016 round are taken: waiting list position 1.' },
    ],
  },
];

/** Dues left unpaid in the sample: member -> years. */
const UNPAID: Record<string, number[]> = { bogor: [2026], 'penang-island': [2025, 2026] };
const DUES_YEARS = { from: 2014, to: 2026 };

const at = (date: string, hour = 2) => new Date(`${date}T${String(hour).padStart(2, '0')}:00:00Z`);
function daysBefore(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

const view = (app: Partial<ProgrammeApplicationDoc> & { status: ApplicationStatus }) => ({
  status: app.status,
  ...(app.declineReason ? { declineReason: app.declineReason } : {}),
  ...(app.withdrawalReason ? { withdrawalReason: app.withdrawalReason } : {}),
  ...(app.rate ? { rate: app.rate } : {}),
});

const ACTIONS: Record<ApplicationStatus, string> = {
  SUBMITTED: 'programme.applicationSubmitted',
  SHORTLISTED: 'programme.applicationShortlisted',
  ACCEPTED: 'programme.applicationAccepted',
  WAITLISTED: 'programme.applicationWaitlisted',
  DECLINED: 'programme.applicationDeclined',
  WITHDRAWN: 'programme.applicationWithdrawn',
};

export interface SampleProgramme {
  rounds: ProgrammeRoundDoc[];
  applications: ProgrammeApplicationDoc[];
  /** The dataset's enrolments of the round, with their rate and application. */
  enrolments: EnrolmentDoc[];
  dues: DuesDoc[];
  audit: AuditEntryDoc[];
}

const { version: _version, ...ROUND_AS_OPENED } = SAMPLE_ROUND;

export function buildSampleProgramme(cities: CityDoc[], members: MemberDoc[], enrolments: EnrolmentDoc[]): SampleProgramme {
  const cityById = new Map(cities.map((c) => [c._id, c]));
  const memberById = new Map(members.map((m) => [m._id, m]));
  const applications: ProgrammeApplicationDoc[] = [];
  const audit: AuditEntryDoc[] = [
    ...auditEntriesFor(`programme_rounds:${SAMPLE_ROUND._id}`, 1, { cityId: null }, STAFF, at('2016-02-15'), [
      { action: 'programme.roundOpened', subject: `programme-round:${SAMPLE_ROUND_YEAR}`, old: null, new: { ...ROUND_AS_OPENED } },
    ]),
  ];

  /** Builds an application step by step, with the audit entry of each step. */
  function history(
    cityId: string,
    submitted: string,
    steps: {
      on: Date;
      status: ApplicationStatus;
      reason: string | null;
      extra?: (app: ProgrammeApplicationDoc) => Partial<ProgrammeApplicationDoc>;
      more?: AuditChange[];
    }[],
  ): ProgrammeApplicationDoc {
    const id = `${SAMPLE_ROUND_YEAR}:${cityId}`;
    const submittedAt = at(submitted);
    let app: ProgrammeApplicationDoc = {
      _id: id,
      round: SAMPLE_ROUND_YEAR,
      cityId,
      status: 'SUBMITTED',
      submittedAt,
      submittedBy: officer(cityId).sub,
      dataContact: {
        name: `Sample Data Contact (${cityById.get(cityId)?.name ?? cityId})`,
        email: `data-contact.${cityId}@sample.example.org`,
        position: 'City statistics office',
      },
      motivation: `${cityById.get(cityId)?.name ?? cityId} wants to measure its services against ISO 37120 and compare them with its peers (sample application).`,
      readyIndicatorIds: ['5.1', '6.1', '8.1', '10.1', '16.1', '18.1', '19.1', '21.1'],
      history: [{ at: submittedAt, status: 'SUBMITTED', by: officer(cityId).sub, reason: null }],
      waitlistedAt: null,
      acceptedAt: null,
      declineReason: null,
      withdrawalReason: null,
      rate: null,
      subsidisedUntil: null,
      sampleData: true,
    };
    audit.push(
      ...auditEntriesFor(`programme_applications:${id}`, 1, { cityId }, officer(cityId), submittedAt, [
        {
          action: ACTIONS.SUBMITTED,
          subject: `programme-application:${id}`,
          old: null,
          new: { status: 'SUBMITTED', round: SAMPLE_ROUND_YEAR, readyIndicators: app.readyIndicatorIds.length },
        },
      ]),
    );
    steps.forEach((s, i) => {
      const actor = s.status === 'WITHDRAWN' ? officer(cityId) : STAFF;
      const before = app;
      app = {
        ...app,
        status: s.status,
        ...(s.status === 'DECLINED' ? { declineReason: s.reason } : {}),
        ...(s.status === 'WITHDRAWN' ? { withdrawalReason: s.reason } : {}),
        ...(s.status === 'WAITLISTED' ? { waitlistedAt: s.on } : {}),
        ...(s.extra ? s.extra(app) : {}),
        history: [...app.history, { at: s.on, status: s.status, by: actor.sub, reason: s.reason }],
      };
      audit.push(
        ...auditEntriesFor(`programme_applications:${id}`, i + 2, { cityId }, actor, s.on, [
          { action: ACTIONS[s.status], subject: `programme-application:${id}`, old: view(before), new: view(app) },
          ...(s.more ?? []),
        ]),
      );
    });
    return { ...app, version: steps.length + 1 };
  }

  const enrolled: EnrolmentDoc[] = [];
  for (const e of enrolments) {
    if (e.round !== SAMPLE_ROUND_YEAR || !cityById.has(e.cityId) || memberById.get(e.cityId)?.category !== 'FULL') {
      enrolled.push(e);
      continue;
    }
    const id = `${SAMPLE_ROUND_YEAR}:${e.cityId}`;
    const rate: EnrolmentRateDoc = {
      kind: 'SUBSIDISED',
      annualFee: SAMPLE_ROUND.subsidisedAnnualFee,
      currency: SAMPLE_ROUND.currency,
      reason: `Subsidised rate for 3 years (to ${e.subsidisedUntil}): an ACTIVE full member in good standing, the dues for 2016 are paid.`,
    };
    const enrolment: EnrolmentDoc = { ...e, rate, applicationId: id, status: 'ACTIVE', withdrawnOn: null };
    enrolled.push(enrolment);
    applications.push(
      history(e.cityId, daysBefore(e.enrolledOn, 45), [
        { on: at(daysBefore(e.enrolledOn, 20)), status: 'SHORTLISTED', reason: null },
        {
          on: at(e.enrolledOn, 1),
          status: 'ACCEPTED',
          reason: null,
          extra: () => ({ acceptedAt: at(e.enrolledOn, 1), rate, subsidisedUntil: e.subsidisedUntil }),
          more: [{ action: 'city.enrolled', subject: `enrolment:${e.cityId}`, old: null, new: { ...enrolment } }],
        },
      ]),
    );
  }
  for (const other of OTHER_OUTCOMES) {
    const member = memberById.get(other.cityId);
    if (!cityById.has(other.cityId) || member?.category !== 'FULL' || enrolments.some((e) => e.cityId === other.cityId)) continue;
    applications.push(
      history(
        other.cityId,
        other.submitted,
        other.steps.map((s) => ({ on: at(s.on), status: s.status, reason: s.reason })),
      ),
    );
  }

  const dues: DuesDoc[] = [];
  for (const member of members) {
    if (member.status === 'PENDING' || member.status === 'WITHDRAWN') continue;
    const population = member.cityId ? (cityById.get(member.cityId)?.population ?? null) : null;
    const fee = annualFeeUsd(FEE_TABLE, member, population);
    for (let year = Math.max(DUES_YEARS.from, Number(member.since.slice(0, 4))); year <= DUES_YEARS.to; year++) {
      if (UNPAID[member._id]?.includes(year)) continue;
      dues.push({
        _id: duesId(member._id, year),
        memberId: member._id,
        year,
        payments: [{ amountUsd: fee, paidOn: `${year}-02-15`, recordedBy: STAFF.sub }],
        sampleData: true,
      });
    }
  }
  return { rounds: [SAMPLE_ROUND], applications, enrolments: enrolled, dues, audit };
}
