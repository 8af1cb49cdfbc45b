import { type CalendarDate, formatLongDate } from './calendar-date';
import { isTrackablePublicationDate, publicationDateProblem, recommendationKey, TRACKABLE_PUBLICATION_DATES } from './deadlines';
import { findForce } from './forces';
import type { DocumentKind, ExtractedRecommendation, Obligation, ObligationClosure, Report } from './model';

/** A recommendation as a person writes it when they add or correct one. */
export interface RecommendationInput {
  ref: string | null;
  text: string;
  /** The last day its wording allows, as the person reads it. */
  targetDate: CalendarDate | null;
  addressees: string[];
  /** `force` when the body owes an explanation of it (s55(5B)); `national` when it is for others. */
  level: 'force' | 'national';
}

/** What a person may correct about a report, each with the reason they give. */
export type ReportCorrection =
  | { type: 'publication-date'; publishedOn: CalendarDate }
  | { type: 'kind'; kind: DocumentKind }
  | { type: 's55'; applies: boolean }
  | { type: 'forces'; forces: string[] }
  | { type: 'title'; title: string }
  | { type: 'recommendation-added'; recommendation: RecommendationInput }
  | { type: 'recommendation-edited'; key: string; recommendation: RecommendationInput }
  | { type: 'recommendation-removed'; key: string };

/** What a person may do to one body's obligation: set it aside, bring it back, or have reminders for a historical one. */
export type ObligationCorrection = { type: 'archive'; why: ArchiveReason; note?: string | null } | { type: 'restore' } | { type: 'take-up' };

export const ARCHIVE_REASONS = {
  'answered-before-fiftysix': 'Answered before FiftySix was used',
  'not-for-us': 'Not for us',
} as const;

export type ArchiveReason = keyof typeof ARCHIVE_REASONS;

/** A correction the report's state does not allow; the message says why. */
export class CorrectionRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CorrectionRefusedError';
  }
}

/** Which report fields a correction touches: the before and after the audit trail keeps. */
export function correctedFields(correction: ReportCorrection): Array<keyof Report> {
  switch (correction.type) {
    case 'publication-date':
      return ['publishedOn', 'publishedOnSource'];
    case 'kind':
      return ['kind', 's55'];
    case 's55':
      return ['s55'];
    case 'forces':
      return ['forces'];
    case 'title':
      return ['title'];
    default:
      return ['recommendations'];
  }
}

function canonicalForces(names: string[]): string[] {
  const unknown = names.filter((name) => !findForce(name));
  if (unknown.length > 0) {
    throw new CorrectionRefusedError(
      `${unknown.map((name) => `"${name}"`).join(', ')} ${unknown.length === 1 ? 'is not one of' : 'are not among'} the 43 territorial forces of England and Wales; write each as the force names itself, e.g. "Cumbria Constabulary" (an empty list means a national report)`,
    );
  }
  return [...new Set(names.map((name) => findForce(name)!.name))];
}

function recommendationFrom(input: RecommendationInput, key: string, by: string): ExtractedRecommendation {
  const text = input.text.trim();
  if (!text) throw new CorrectionRefusedError('A recommendation needs its text, as the report writes it');
  return {
    ref: input.ref?.trim() || null,
    text,
    targetDate: input.targetDate,
    addressees: input.addressees.map((addressee) => addressee.trim()).filter(Boolean),
    level: input.level,
    targetPhrase: null,
    targetRelative: null,
    key,
    setBy: by,
  };
}

function keyOf(report: Report, key: string): number {
  const index = report.recommendations.findIndex((recommendation, position) => recommendationKey(recommendation, position) === key);
  if (index < 0) {
    throw new CorrectionRefusedError(
      `Report ${report.id} has no recommendation "${key}"; its recommendations are: ${report.recommendations.map(recommendationKey).join(', ') || 'none'}`,
    );
  }
  return index;
}

/** A new recommendation's key: its ref if no other has it, else the next free number. */
function newKey(report: Report, ref: string | null): string {
  const keys = new Set(report.recommendations.map(recommendationKey));
  if (ref && !keys.has(ref)) return ref;
  let next = report.recommendations.length + 1;
  while (keys.has(String(next))) next += 1;
  return String(next);
}

/**
 * The report as a person corrected it. What follows from it (who owes a response, every date, every
 * reminder) is worked out again by reconcileObligations. With `today`, a date typed by a person is
 * checked against it (publicationDateProblem); an upload's metadata is an operator's, and only has to be plannable.
 */
export function correctReport(report: Report, correction: ReportCorrection, context: { by: string; reason: string; today?: CalendarDate }): Report {
  if (report.status === 'failed') {
    throw new CorrectionRefusedError(
      `Report ${report.id} could not be read (${report.failure?.message ?? 'no reason recorded'}): upload a readable copy instead`,
    );
  }
  switch (correction.type) {
    case 'publication-date': {
      const problem = context.today
        ? publicationDateProblem(correction.publishedOn, context.today)
        : !isTrackablePublicationDate(correction.publishedOn) && `The publication date ${correction.publishedOn} is not ${TRACKABLE_PUBLICATION_DATES}`;
      if (problem) throw new CorrectionRefusedError(problem);
      return { ...report, publishedOn: correction.publishedOn, publishedOnSource: 'confirmed' };
    }
    case 'kind': {
      // The rules' s55 verdict was read for the old kind; a person's own decision stands.
      const s55 = report.s55?.decidedBy
        ? report.s55
        : {
            applies: correction.kind === 'other' ? false : null,
            reason:
              correction.kind === 'other'
                ? `Corrected to a document that is not an inspection report: ${context.reason}`
                : `Corrected from “${report.kind ?? 'unread'}” by ${context.by}: decide whether the s55 duty applies`,
          };
      return { ...report, kind: correction.kind, s55, kindCorrectedBy: context.by };
    }
    case 's55':
      return { ...report, s55: { applies: correction.applies, reason: context.reason, decidedBy: context.by } };
    case 'forces':
      return { ...report, forces: canonicalForces(correction.forces) };
    case 'title': {
      const title = correction.title.replace(/\s+/g, ' ').trim();
      if (!title) throw new CorrectionRefusedError('A title cannot be empty: write the report’s title as HMICFRS publishes it');
      return { ...report, title };
    }
    case 'recommendation-added':
      return {
        ...report,
        recommendations: [...report.recommendations, recommendationFrom(correction.recommendation, newKey(report, correction.recommendation.ref), context.by)],
      };
    case 'recommendation-edited': {
      const index = keyOf(report, correction.key);
      const recommendations = [...report.recommendations];
      recommendations[index] = recommendationFrom(correction.recommendation, correction.key, context.by);
      return { ...report, recommendations };
    }
    case 'recommendation-removed': {
      const index = keyOf(report, correction.key);
      return { ...report, recommendations: report.recommendations.filter((_, position) => position !== index) };
    }
  }
}

/** One body's obligation as a person corrected it; reconcileObligations then plans its reminders again. */
export function correctObligation(
  obligation: Obligation,
  correction: ObligationCorrection,
  context: { by: string; on: CalendarDate; reason: string },
): Obligation {
  switch (correction.type) {
    case 'archive': {
      if (obligation.closure)
        throw new CorrectionRefusedError(`This obligation is already closed (${obligation.closure.reason}) since ${formatLongDate(obligation.closure.on)}`);
      const closure: ObligationClosure = {
        kind: 'archived',
        reason: ARCHIVE_REASONS[correction.why],
        note: correction.note?.trim() || context.reason,
        on: context.on,
        by: context.by,
      };
      return { ...obligation, closure, nextReminderOn: null };
    }
    case 'restore':
      if (obligation.closure?.kind !== 'archived') throw new CorrectionRefusedError('Only an archived obligation can be restored; this one is not archived');
      return { ...obligation, closure: null };
    case 'take-up':
      if (!obligation.historical) throw new CorrectionRefusedError('This obligation is not historical: its reminders already run');
      return { ...obligation, takenUp: { by: context.by, on: context.on } };
  }
}
