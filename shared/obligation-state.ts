import { type CalendarDate, daysBetween } from './calendar-date';
import { recommendationKey } from './deadlines';
import type { ExtractedRecommendation, Obligation, Report } from './model';

/**
 * Where an obligation stands, as an office reads its list:
 * - `open`: the clock runs and the last day has not passed;
 * - `overdue`: the last day has passed without the response;
 * - `responded`: the response is published;
 * - `no-duty`: the report, as read or corrected, is not one this body must answer;
 * - `archived`: set aside by a person, or its body was retired;
 * - `awaiting-publication-date`: no clock yet, until a person gives the date.
 */
export type ObligationState = 'open' | 'overdue' | 'responded' | 'no-duty' | 'archived' | 'awaiting-publication-date';

export const OBLIGATION_STATES: readonly ObligationState[] = ['open', 'overdue', 'responded', 'no-duty', 'archived', 'awaiting-publication-date'];

export function obligationState(obligation: Obligation, today: CalendarDate): ObligationState {
  if (obligation.closure) return obligation.closure.kind === 'no-duty' ? 'no-duty' : 'archived';
  if (!obligation.dates) return 'awaiting-publication-date';
  if (obligation.progress.responsePublishedOn) return 'responded';
  return today > obligation.dates.responseDueOn ? 'overdue' : 'open';
}

/** A recommendation as an office answers it: its key, and whether s55(5B) asks the body to explain it. */
export interface OwedRecommendation {
  key: string;
  recommendation: ExtractedRecommendation;
}

/** The recommendations made to the force, which s55(5B) asks the body to explain; national ones are noted, not owed. */
export function owedRecommendations(report: Pick<Report, 'recommendations'>): OwedRecommendation[] {
  return report.recommendations.flatMap((recommendation, index) =>
    recommendation.level === 'national' ? [] : [{ key: recommendationKey(recommendation, index), recommendation }],
  );
}

/** What the response still needs, as the list and the reminders say it. */
export interface StillMissing {
  chiefOfficerComments: boolean;
  /** Keys of the recommendations owed an explanation that has not been recorded. */
  unexplainedRecommendations: string[];
  response: boolean;
  /**
   * How many more recommendations the report says it makes than FiftySix found: a person should add
   * them, or the response may leave some unexplained.
   */
  recommendationsNotListed: number;
}

export function stillMissing(obligation: Obligation, report: Pick<Report, 'recommendations' | 'statedRecommendationCount'>): StillMissing {
  const { progress } = obligation;
  const listed = report.recommendations.length;
  return {
    chiefOfficerComments: !progress.chiefOfficerCommentsReceivedOn && !progress.responsePublishedOn,
    unexplainedRecommendations: owedRecommendations(report)
      .map(({ key }) => key)
      .filter((key) => !progress.explainedRecommendations.includes(key)),
    response: !progress.responsePublishedOn,
    recommendationsNotListed: Math.max(0, (report.statedRecommendationCount ?? 0) - listed),
  };
}

/** One row of an office's list: the report, the body, its dates, how long is left and what is missing. */
export interface ObligationSummary {
  reportId: string;
  title: string | null;
  kind: Report['kind'];
  bodyId: string;
  publishedOn: CalendarDate | null;
  responseDueOn: CalendarDate | null;
  /** Days from today to the last day: negative once it has passed; null with no clock. */
  daysLeft: number | null;
  chiefOfficerCommentsDueOn: CalendarDate | null;
  /** Days from today to the chief officer's comments' date while they are awaited: negative once late. */
  chiefOfficerCommentsDaysLeft: number | null;
  state: ObligationState;
  historical: boolean;
  missing: StillMissing;
  /** When reminders are still planned: the day of the next one. */
  nextReminderOn: CalendarDate | null;
}

export function summariseObligation(obligation: Obligation, report: Report, today: CalendarDate): ObligationSummary {
  const { dates } = obligation;
  const missing = stillMissing(obligation, report);
  return {
    reportId: obligation.reportId,
    title: report.title,
    kind: report.kind,
    bodyId: obligation.bodyId,
    publishedOn: dates?.publishedOn ?? report.publishedOn,
    responseDueOn: dates?.responseDueOn ?? null,
    daysLeft: dates ? daysBetween(today, dates.responseDueOn) : null,
    chiefOfficerCommentsDueOn: dates?.chiefOfficerCommentsDueOn ?? null,
    chiefOfficerCommentsDaysLeft: dates && missing.chiefOfficerComments ? daysBetween(today, dates.chiefOfficerCommentsDueOn) : null,
    state: obligationState(obligation, today),
    historical: obligation.historical,
    missing,
    nextReminderOn: obligation.nextReminderOn,
  };
}

/** Soonest last day first; those with no clock after them, then by title. */
export function bySoonestLastDay(a: ObligationSummary, b: ObligationSummary): number {
  return (
    (a.responseDueOn ?? '9999-12-31').localeCompare(b.responseDueOn ?? '9999-12-31') ||
    (a.title ?? '').localeCompare(b.title ?? '') ||
    a.bodyId.localeCompare(b.bodyId)
  );
}

/**
 * Whether a body's response may answer this stored report: an inspection report some body owes a
 * response to (one owing nothing, merged into another or of no duty, answers no response).
 */
export function mayBeAnswered(report: Pick<Report, 'kind' | 'status'>): boolean {
  return report.kind === 'hmicfrs-report' && report.status !== 'no-duty' && report.status !== 'failed';
}
