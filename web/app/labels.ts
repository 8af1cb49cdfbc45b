import type { DocumentKind } from '../../shared/model';
import type { ObligationState, StillMissing } from '../../shared/obligation-state';

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

export const ACTIONS: Record<string, string> = {
  'report.read': 'Read the report',
  'report.corrected': 'Corrected the report',
  'report.obligations-changed': 'Changed who owes a response',
  'obligation.archived': 'Archived',
  'obligation.restored': 'Restored',
  'obligation.taken-up': 'Started reminders',
  'progress.recorded': 'Recorded progress',
  'progress.undone': 'Undid progress',
};
