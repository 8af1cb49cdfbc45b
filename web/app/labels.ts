import type { DocumentKind } from '../../shared/model';
import type { ObligationState, StillMissing } from '../../shared/obligation-state';
import type { DateKind, ObligationProgress } from '../../shared/reminders';
import type { LedgerEntry, ReviewItem } from './types';

/** The words the page uses for what the API names with codes. */

export const KIND_NAMES: Record<DocumentKind, string> = {
  'hmicfrs-report': 'HMICFRS inspection report',
  'pcc-response': 'A local policing body’s response',
  other: 'Not an inspection report',
};

/** What the response still needs, in a person's words; nothing once it is published or the obligation is closed. */
export function missingText(missing: StillMissing, state: ObligationState): string[] {
  if (state === 'responded' || state === 'archived' || state === 'no-duty') return [];
  const count = missing.unexplainedRecommendations.length;
  return [
    ...(missing.chiefOfficerComments ? ['Chief officer’s comments'] : []),
    ...(count > 0 ? [`Explanation of ${count} recommendation${count === 1 ? '' : 's'}`] : []),
    ...(missing.recommendationsNotListed > 0
      ? [`${missing.recommendationsNotListed} recommendation${missing.recommendationsNotListed === 1 ? '' : 's'} the report states but FiftySix has not listed`]
      : []),
    ...(missing.response ? ['The published response'] : []),
  ];
}

/** What waits for a person: what it is, said to anyone who sees it, and what settles it. */
export const REVIEW_TEXTS: Record<ReviewItem['what'], { said: string; todo: string }> = {
  'possible-duplicate': {
    said: 'It has the title and forces of another stored report but another date: it may be the same report, misdated.',
    todo: 'Merge it into that report, or keep it as a report of its own.',
  },
  'unlinked-response': {
    said: 'A local policing body’s response that FiftySix could not match to a stored report.',
    todo: 'Link it to the report it answers, and that body’s reminders stop.',
  },
  'unrecognised-upload': {
    said: 'A person uploaded it, but FiftySix did not recognise it as an HMICFRS inspection report or a body’s response.',
    todo: 'Say what kind of document it is, so that who owes a response to it, if anyone, is right.',
  },
};

/** What the upload page says of a document FiftySix did not recognise as an inspection report, owed by none of the uploader's bodies. */
export function unrecognisedNotOwed(owedByAnyone: boolean): string {
  return `FiftySix did not recognise this as an HMICFRS inspection report. It is listed for your administrator to check what kind of document it is${
    owedByAnyone ? '.' : ': no clock has started, and if it is a report its 56 days start once they correct it.'
  }`;
}

/** What the page says of a document FiftySix did not recognise as an inspection report but that was dated when uploaded. */
export const UNRECOGNISED_BUT_OWED =
  'FiftySix did not recognise this as an HMICFRS inspection report. Because you gave its publication date, every body concerned owes a response until you correct what kind of document it is, or decide there is no section 55 duty.';

export const ACTIONS: Record<string, string> = {
  'report.read': 'Read the report',
  'report.corrected': 'Corrected the report',
  'report.obligations-changed': 'Changed who owes a response',
  'obligation.archived': 'Archived',
  'obligation.restored': 'Restored',
  'obligation.taken-up': 'Started reminders',
  'progress.recorded': 'Recorded progress',
  'progress.undone': 'Undid progress',
  'report.source-added': 'Received the report again (another format or copy)',
  'report.merged': 'Merged into the report it is',
  'report.duplicate-dismissed': 'Kept as a report of its own',
  'response.linked': 'Linked a body’s published response',
};

export const DATE_KINDS: Record<DateKind, string> = {
  'response-due': 'Last day to publish the response',
  'chief-officer-comments': 'Chief officer’s comments',
  'recommendation-target': 'Recommendation target',
};

/** A reminder's stage as the ledger names it ("due-in-14-days", "due-today", "overdue-22-days"), in words. */
export function stageText(stage: string): string {
  if (stage === 'due-today') return 'On the day';
  const before = /^due-in-(\d+)-days?$/.exec(stage);
  if (before) return `${before[1]} ${before[1] === '1' ? 'day' : 'days'} before`;
  const late = /^overdue-(\d+)-days?$/.exec(stage);
  if (late) return `${late[1]} ${late[1] === '1' ? 'day' : 'days'} late`;
  return stage.replace(/-/g, ' ');
}

/** What became of a reminder, as far as FiftySix knows. */
export function reminderOutcome(entry: LedgerEntry): string {
  const bounced = Object.entries(entry.recipients ?? {}).filter(([, each]) => each.outcome !== 'delivered');
  switch (entry.status) {
    case 'sent':
      return bounced.length > 0 ? `Sent; not delivered to ${bounced.map(([address]) => address).join(', ')}` : 'Sent';
    case 'failed':
      return `Not sent (${entry.failure?.reason ?? 'no reason recorded'}): tried again at the next morning’s check`;
    case 'unconfirmed':
      return 'Handed to the email service, which has not yet confirmed it: not sent again, so as not to send it twice';
    case 'rejected':
      return `Refused by the email service: ${entry.failure?.reason ?? 'no reason recorded'}`;
    case 'sending':
      return 'Being sent';
  }
}

/** What a change to an obligation's progress did, in words: "Chief officer’s comments received on …". */
export function progressText(before: ObligationProgress | undefined, after: ObligationProgress | undefined, date: (on: string) => string): string[] {
  if (!before || !after) return [];
  const said: string[] = [];
  const dated = (what: string, was: string | null, now: string | null) => {
    if (now && now !== was) said.push(`${what} on ${date(now)}`);
    else if (was && !now) said.push(`${what}: undone`);
  };
  dated('Chief officer’s comments received', before.chiefOfficerCommentsReceivedOn, after.chiefOfficerCommentsReceivedOn);
  dated('Response published', before.responsePublishedOn, after.responsePublishedOn);
  for (const key of after.explainedRecommendations.filter((each) => !before.explainedRecommendations.includes(each)))
    said.push(`Recommendation ${key} explained`);
  for (const key of before.explainedRecommendations.filter((each) => !after.explainedRecommendations.includes(each)))
    said.push(`Recommendation ${key}: explanation undone`);
  return said;
}
