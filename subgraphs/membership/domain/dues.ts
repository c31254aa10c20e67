import { inputError } from '../../../lib/graphql/errors';
import { checkDate, checkInt } from '../../../lib/graphql/inputs';
import type { DuesDoc, DuesPaymentDoc } from '../data/types';

/**
 * Members' dues: CityNet staff record payments per member and year; a year is paid when its payments
 * reach the member's annual fee (domain/fees.ts). Paid dues make a full member in good standing for
 * the programme's subsidised rate (domain/programme.ts).
 */
export const duesId = (memberId: string, year: number): string => `${memberId}:${year}`;

/** What was paid for a year against the fee due. */
export function duesPaidFor(dues: Pick<DuesDoc, 'payments'> | null | undefined, feeUsd: number): { paidUsd: number; paid: boolean } {
  const paidUsd = (dues?.payments ?? []).reduce((sum, p) => sum + p.amountUsd, 0);
  return { paidUsd, paid: paidUsd >= feeUsd };
}

/** A payment as recorded (validated before anything is read): a dues year no later than next year, paid on a real day not in the future. */
export function buildPayment(
  args: { year: number; amountUsd: number; paidOn: string },
  today: string,
  recordedBy: string,
): { year: number; payment: DuesPaymentDoc } {
  const thisYear = Number(today.slice(0, 4));
  const year = checkInt(args.year, 'year', 1980, thisYear + 1);
  const amountUsd = checkInt(args.amountUsd, 'amountUsd', 1, 10_000_000);
  const paidOn = checkDate(args.paidOn, 'paidOn');
  if (paidOn > today) throw inputError('paidOn', `must not be in the future (today is ${today}), got ${paidOn}`);
  return { year, payment: { amountUsd, paidOn, recordedBy } };
}
