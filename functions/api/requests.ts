import * as z from 'zod/mini';
import { isCalendarDate } from '../../shared/calendar-date';
import { ARCHIVE_REASONS, type ArchiveReason } from '../../shared/corrections';
import { FORCES } from '../../shared/forces';

/** What each route accepts, checked before anything is done: a request that does not fit gets a 400 naming each problem. */

z.config(z.locales.en());

const date = z.string().check(z.refine(isCalendarDate, 'must be a date written YYYY-MM-DD, e.g. 2024-03-07'));
const reason = z.string().check(z.trim(), z.minLength(1, 'say why: the reason is kept in the report’s history'), z.maxLength(2000));
const key = z.string().check(z.minLength(1, 'name the recommendation by its ref, as the report shows it'));
const url = z.url({ protocol: /^https?$/, error: 'must be the web address where the response is published, starting https://' });

export const progressRequest = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('chief-officer-comments-received'), on: date }),
  z.strictObject({ action: z.literal('recommendation-explained'), recommendation: key, note: z.optional(z.nullable(z.string().check(z.maxLength(20_000)))) }),
  z.strictObject({ action: z.literal('response-published'), on: date, url: z.optional(z.nullable(url)) }),
  z.discriminatedUnion('what', [
    z.strictObject({ action: z.literal('undo'), what: z.literal('chief-officer-comments-received') }),
    z.strictObject({ action: z.literal('undo'), what: z.literal('response-published') }),
    z.strictObject({ action: z.literal('undo'), what: z.literal('recommendation-explained'), recommendation: key }),
  ]),
]);

const recommendation = z.strictObject({
  ref: z.nullable(z.string().check(z.maxLength(40))),
  text: z.string().check(z.trim(), z.minLength(1, 'write the recommendation as the report does'), z.maxLength(5000)),
  targetDate: z.nullable(date),
  addressees: z.array(z.string().check(z.maxLength(200))),
  level: z.enum(['force', 'national']),
});

export const reportCorrectionRequest = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('publication-date'), publishedOn: date, reason }),
  z.strictObject({ type: z.literal('kind'), kind: z.enum(['hmicfrs-report', 'pcc-response', 'other']), reason }),
  z.strictObject({ type: z.literal('s55'), applies: z.boolean(), reason }),
  z.strictObject({
    type: z.literal('forces'),
    forces: z.array(z.string()).check(z.maxLength(FORCES.length, `at most the ${FORCES.length} forces`)),
    reason,
  }),
  z.strictObject({ type: z.literal('title'), title: z.string().check(z.maxLength(500)), reason }),
  z.strictObject({ type: z.literal('recommendation-added'), recommendation, reason }),
  z.strictObject({ type: z.literal('recommendation-edited'), key, recommendation, reason }),
  z.strictObject({ type: z.literal('recommendation-removed'), key, reason }),
]);

export const obligationCorrectionRequest = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('archive'),
    why: z.enum(Object.keys(ARCHIVE_REASONS) as [ArchiveReason, ...ArchiveReason[]]),
    note: z.optional(z.nullable(z.string().check(z.maxLength(2000)))),
    reason,
  }),
  z.strictObject({ type: z.literal('restore'), reason }),
  z.strictObject({ type: z.literal('take-up'), reason }),
]);

/**
 * A body's fields an administrator changes; what is left out stays. Retiring needs a reason.
 * `emailAgain` lists suppressed addresses the administrator has had fixed (a mailbox recreated).
 */
export const bodyChangeRequest = z.object({
  retire: z.optional(z.boolean()),
  reason: z.optional(z.nullable(z.string().check(z.maxLength(2000)))),
  emailAgain: z.optional(z.array(z.string())),
});

export const userRequest = z.strictObject({
  bodyIds: z.array(z.string()),
  admin: z.boolean(),
  removed: z.optional(z.boolean()),
});

export const uploadRequest = z.strictObject({
  fileName: z.string().check(z.minLength(1, 'give the file’s name'), z.maxLength(255)),
  publishedOn: z.optional(z.nullable(date)),
});

export const obligationsQuery = z.object({ body: z.optional(z.string()) });

export const calendarQuery = z.object({ token: z.optional(z.string()) });

/** A person's decision on a report that may be another: `merge` it into that one, or `dismiss` the doubt. */
export const duplicateDecisionRequest = z.strictObject({ decision: z.enum(['merge', 'dismiss']), reason });

/** The report a response answers, as a person links it. */
export const responseLinkRequest = z.strictObject({ reportId: z.string().check(z.minLength(1), z.maxLength(100)), reason });
