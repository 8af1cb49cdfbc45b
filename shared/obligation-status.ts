import type { ObligationState } from './obligation-state';

/** How urgent an obligation is, as the office's list shows it: a colour for the eye, and always words. */
export type Urgency = 'red' | 'amber' | 'green' | 'grey';

export interface Status {
  urgency: Urgency;
  /** What the tag says; the colour is never the only sign. */
  label: string;
}

/** The days inside which a response due is red, then amber. */
export const URGENT_WITHIN_DAYS = 7;
export const SOON_WITHIN_DAYS = 21;

/**
 * Red: overdue, or 7 days or fewer left; amber: 21 days or fewer, or no publication date yet (a person
 * must give one before any clock runs); green: otherwise; grey: responded, archived or no duty.
 */
export function statusOf(obligation: { state: ObligationState; daysLeft: number | null }): Status {
  switch (obligation.state) {
    case 'responded':
      return { urgency: 'grey', label: 'Responded' };
    case 'archived':
      return { urgency: 'grey', label: 'Archived' };
    case 'no-duty':
      return { urgency: 'grey', label: 'No duty' };
    case 'awaiting-publication-date':
      return { urgency: 'amber', label: 'Needs its publication date' };
    case 'overdue':
      return { urgency: 'red', label: 'Overdue' };
    case 'open': {
      const left = obligation.daysLeft ?? Number.POSITIVE_INFINITY;
      if (left <= URGENT_WITHIN_DAYS) return { urgency: 'red', label: `Due within ${URGENT_WITHIN_DAYS} days` };
      if (left <= SOON_WITHIN_DAYS) return { urgency: 'amber', label: `Due within ${SOON_WITHIN_DAYS} days` };
      return { urgency: 'green', label: 'On track' };
    }
  }
}

/** "14 days left", "Due today", "3 days late". */
export function daysLeftText(daysLeft: number | null): string {
  if (daysLeft === null) return 'No clock yet';
  if (daysLeft === 0) return 'Due today';
  const count = Math.abs(daysLeft);
  return `${count} day${count === 1 ? '' : 's'} ${daysLeft > 0 ? 'left' : 'late'}`;
}
