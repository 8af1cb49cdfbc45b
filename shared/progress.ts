import { type CalendarDate, formatLongDate } from './calendar-date';
import { recommendationKey } from './deadlines';
import type { Report } from './model';
import type { ObligationProgress } from './reminders';
import { normalisedWords } from './report-identity';

/** Something an office has done towards its response, or the undoing of it. */
export type ProgressChange =
  | { action: 'chief-officer-comments-received'; on: CalendarDate }
  | { action: 'recommendation-explained'; recommendation: string; note?: string | null }
  | { action: 'response-published'; on: CalendarDate; url?: string | null }
  | { action: 'undo'; what: 'chief-officer-comments-received' }
  | { action: 'undo'; what: 'response-published' }
  | { action: 'undo'; what: 'recommendation-explained'; recommendation: string };

/** A change the report's state does not allow; the message says why and what would be accepted. */
export class ProgressRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProgressRefusedError';
  }
}

/** A date something was done: not before the report existed, and not in the future. */
function checkedDate(on: CalendarDate, what: string, report: Pick<Report, 'publishedOn'>, today: CalendarDate): CalendarDate {
  if (on > today)
    throw new ProgressRefusedError(`${what} on ${formatLongDate(on)} is in the future: give the date it happened, today (${today}) at the latest`);
  if (report.publishedOn && on < report.publishedOn) {
    throw new ProgressRefusedError(
      `${what} on ${formatLongDate(on)} is before the report was published (${formatLongDate(report.publishedOn)}): check the date`,
    );
  }
  return on;
}

function knownRecommendation(key: string, report: Pick<Report, 'recommendations' | 'id'>): string {
  const keys = report.recommendations.map(recommendationKey);
  if (!keys.includes(key)) {
    throw new ProgressRefusedError(
      `Report ${report.id} has no recommendation "${key}"; its recommendations are: ${keys.join(', ') || 'none (add the ones it makes as a correction first)'}`,
    );
  }
  return key;
}

/**
 * What the office has done once `change` is recorded. Each thing recorded ends the reminders about it;
 * each undo brings them back.
 */
export function applyProgress(
  progress: ObligationProgress,
  change: ProgressChange,
  report: Pick<Report, 'id' | 'publishedOn' | 'recommendations'>,
  today: CalendarDate,
): ObligationProgress {
  switch (change.action) {
    case 'chief-officer-comments-received':
      return { ...progress, chiefOfficerCommentsReceivedOn: checkedDate(change.on, 'The chief officer’s comments received', report, today) };
    case 'response-published':
      return {
        ...progress,
        responsePublishedOn: checkedDate(change.on, 'The response published', report, today),
        responseUrl: change.url ?? progress.responseUrl,
      };
    case 'recommendation-explained': {
      const key = knownRecommendation(change.recommendation, report);
      const note = change.note?.trim();
      return {
        ...progress,
        explainedRecommendations: progress.explainedRecommendations.includes(key)
          ? progress.explainedRecommendations
          : [...progress.explainedRecommendations, key],
        recommendationNotes: note ? { ...progress.recommendationNotes, [key]: note } : progress.recommendationNotes,
      };
    }
    case 'undo':
      if (change.what === 'chief-officer-comments-received') return { ...progress, chiefOfficerCommentsReceivedOn: null };
      if (change.what === 'response-published') return { ...progress, responsePublishedOn: null, responseUrl: null };
      return {
        ...progress,
        explainedRecommendations: progress.explainedRecommendations.filter((key) => key !== change.recommendation),
        recommendationNotes: Object.fromEntries(Object.entries(progress.recommendationNotes).filter(([key]) => key !== change.recommendation)),
      };
  }
}

/** What was carried from a copy to the report it is, and what could not be: recommendations whose words match none, or more than one. */
export interface CarriedProgress {
  progress: ObligationProgress;
  notCarried: string[];
}

/**
 * What an office recorded on a report a person found to be a copy of another, carried to that other,
 * so its reminders stop as they had on the copy: what the other lacks is taken from the copy, and
 * nothing recorded there is overwritten. A recommendation explained is matched by its words
 * (normalised as report identity normalises them), not its key: the copy may number its
 * recommendations otherwise; one whose words match none of the other's, or several of them, is not
 * carried but named, for a person to record. A date before the other's publication is not carried.
 */
export function carriedProgress(
  into: { progress: ObligationProgress; report: Pick<Report, 'recommendations' | 'publishedOn'> },
  from: { progress: ObligationProgress; report: Pick<Report, 'recommendations'> },
): CarriedProgress {
  const keysByWords = new Map<string, string[]>();
  into.report.recommendations.forEach((recommendation, index) => {
    const words = normalisedWords(recommendation.text);
    keysByWords.set(words, [...(keysByWords.get(words) ?? []), recommendationKey(recommendation, index)]);
  });
  const notCarried: string[] = [];
  const explained = from.report.recommendations.flatMap((recommendation, index) => {
    const fromKey = recommendationKey(recommendation, index);
    if (!from.progress.explainedRecommendations.includes(fromKey)) return [];
    const candidates = keysByWords.get(normalisedWords(recommendation.text)) ?? [];
    const intoKey = candidates.length === 1 ? candidates[0] : candidates.find((key) => key === fromKey);
    if (!intoKey) notCarried.push(fromKey);
    return intoKey ? [{ intoKey, note: from.progress.recommendationNotes[fromKey] }] : [];
  });
  const inTime = (on: CalendarDate | null) => (on !== null && (!into.report.publishedOn || on >= into.report.publishedOn) ? on : null);
  const published = into.progress.responsePublishedOn ? into.progress : { ...from.progress, responsePublishedOn: inTime(from.progress.responsePublishedOn) };
  return {
    progress: {
      chiefOfficerCommentsReceivedOn: into.progress.chiefOfficerCommentsReceivedOn ?? inTime(from.progress.chiefOfficerCommentsReceivedOn),
      responsePublishedOn: published.responsePublishedOn,
      responseUrl: published.responsePublishedOn ? published.responseUrl : into.progress.responseUrl,
      explainedRecommendations: [...new Set([...into.progress.explainedRecommendations, ...explained.map((each) => each.intoKey)])],
      recommendationNotes: {
        ...Object.fromEntries(explained.flatMap((each) => (each.note ? [[each.intoKey, each.note]] : []))),
        ...into.progress.recommendationNotes,
      },
    },
    notCarried,
  };
}

/** Whether two records of progress say the same, field by field. */
export function sameProgress(a: ObligationProgress, b: ObligationProgress): boolean {
  const sameList = (x: readonly string[], y: readonly string[]) => x.length === y.length && x.every((each) => y.includes(each));
  return (
    a.chiefOfficerCommentsReceivedOn === b.chiefOfficerCommentsReceivedOn &&
    a.responsePublishedOn === b.responsePublishedOn &&
    a.responseUrl === b.responseUrl &&
    sameList(a.explainedRecommendations, b.explainedRecommendations) &&
    sameList(Object.keys(a.recommendationNotes), Object.keys(b.recommendationNotes)) &&
    Object.entries(a.recommendationNotes).every(([key, note]) => b.recommendationNotes[key] === note)
  );
}
