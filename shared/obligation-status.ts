import type { ObligationState } from './obligation-state';

/** How urgent an obligation is, as the office's list shows it: a colour for the eye, and always words. */
export type Urgency = 'red' | 'amber' | 'green' | 'grey';

/** The days inside which a response due is red, then amber. */
export const URGENT_WITHIN_DAYS = 7;
export const SOON_WITHIN_DAYS = 21;

/** Every status the list shows, worst first: the filter offers them in this order, in the tags' words. */
export const STATUSES = {
  overdue: { urgency: 'red', label: 'Overdue' },
  'due-soon': { urgency: 'red', label: `Due within ${URGENT_WITHIN_DAYS} days` },
  'due-within-weeks': { urgency: 'amber', label: `Due within ${SOON_WITHIN_DAYS} days` },
  'comments-late': { urgency: 'amber', label: 'Chief officer’s comments late' },
  'needs-publication-date': { urgency: 'amber', label: 'Needs its publication date' },
  'on-track': { urgency: 'green', label: 'On track' },
  responded: { urgency: 'grey', label: 'Responded' },
  historical: { urgency: 'grey', label: 'Historical' },
  archived: { urgency: 'grey', label: 'Archived' },
  'no-duty': { urgency: 'grey', label: 'No duty' },
} as const satisfies Record<string, { urgency: Urgency; label: string }>;

export type StatusCode = keyof typeof STATUSES;

export interface Status {
  code: StatusCode;
  urgency: Urgency;
  /** What the tag says; the colour is never the only sign. */
  label: string;
}

const status = (code: StatusCode): Status => ({ code, ...STATUSES[code] });

export interface StatusInputs {
  state: ObligationState;
  daysLeft: number | null;
  chiefOfficerCommentsDaysLeft: number | null;
  historical: boolean;
}

/**
 * Red: overdue, or 7 days or fewer left; amber: 21 days or fewer, the chief officer's comments late,
 * or no publication date yet (a person must give one before any clock runs); green: otherwise; grey:
 * responded, archived, no duty, or historical (its last day passed long before FiftySix read it, so
 * nothing about it is urgent unless a person takes it up).
 */
export function statusOf(obligation: StatusInputs): Status {
  if (obligation.historical && (obligation.state === 'open' || obligation.state === 'overdue')) return status('historical');
  switch (obligation.state) {
    case 'responded':
    case 'archived':
    case 'no-duty':
    case 'overdue':
      return status(obligation.state);
    case 'awaiting-publication-date':
      return status('needs-publication-date');
    case 'open': {
      const left = obligation.daysLeft ?? Number.POSITIVE_INFINITY;
      if (left <= URGENT_WITHIN_DAYS) return status('due-soon');
      if (left <= SOON_WITHIN_DAYS) return status('due-within-weeks');
      if ((obligation.chiefOfficerCommentsDaysLeft ?? 0) < 0) return status('comments-late');
      return status('on-track');
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
