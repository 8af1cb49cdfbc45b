import { type CalendarDate, daysBetween } from './calendar-date';
import { recommendationKey, STATUTORY_PERIOD_DAYS } from './deadlines';
import type { ExtractedRecommendation, LinkedResponse, Obligation, Report } from './model';
import { applyProgress } from './progress';
import { significantWords, titleSimilarity } from './report-identity';

/** Titles at least this alike name the same report; a response quotes the title loosely ("the report on …"). */
export const SAME_TITLE_SIMILARITY = 0.75;

export interface ReportCandidate {
  id: string;
  title: string | null;
  publishedOn: CalendarDate | null;
}

/** Which stored report a response answers: `matched`, `ambiguous` (two fit equally: a person chooses), or `unmatched`. */
export type ResponseMatch = { outcome: 'matched'; reportId: string } | { outcome: 'ambiguous'; reportIds: string[] } | { outcome: 'unmatched' };

/**
 * The report a body's response answers: the one whose title is most like the title the response
 * gives, at least SAME_TITLE_SIMILARITY alike, and published on the date the response gives when it
 * gives one. A tie is left to a person rather than guessed.
 */
export function matchRespondedReport(
  respondsTo: { title: string | null; publishedOn: CalendarDate | null },
  candidates: readonly ReportCandidate[],
): ResponseMatch {
  const { title, publishedOn } = respondsTo;
  if (!title) return { outcome: 'unmatched' };
  const scored = candidates
    .filter((candidate) => candidate.title && (!publishedOn || !candidate.publishedOn || candidate.publishedOn === publishedOn))
    .map((candidate) => ({ id: candidate.id, score: titleSimilarity(title, candidate.title ?? '') }))
    .filter((candidate) => candidate.score >= SAME_TITLE_SIMILARITY)
    .sort((a, b) => b.score - a.score);
  const [best] = scored;
  if (!best) return { outcome: 'unmatched' };
  const tied = scored.filter((candidate) => candidate.score === best.score);
  return tied.length > 1 ? { outcome: 'ambiguous', reportIds: tied.map((candidate) => candidate.id) } : { outcome: 'matched', reportId: best.id };
}

export interface ResponseCheck {
  addressed: string[];
  /** What the office still has to explain. */
  notAddressed: LinkedResponse['notAddressed'];
}

/** A response that shares this much of a recommendation's significant words has quoted or paraphrased it. */
const ADDRESSED_WORD_SHARE = 0.6;

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The response names the recommendation by its ref: "Recommendation 3", "#23432", or "3." opening a line. */
function namedByRef(responseText: string, ref: string): boolean {
  const bare = escaped(ref.replace(/^#/, ''));
  return new RegExp(`(?:recommendation\\s+#?${bare}\\b|#${bare}\\b|^\\s*${bare}[.)]\\s)`, 'im').test(responseText);
}

function sharesWords(responseWords: ReadonlySet<string>, recommendation: string): boolean {
  const words = [...significantWords(recommendation)];
  if (words.length === 0) return false;
  return words.filter((word) => responseWords.has(word)).length / words.length >= ADDRESSED_WORD_SHARE;
}

/**
 * s55 asks for an explanation of every recommendation: which of the report's the response addresses,
 * by its ref or by its words, and which it leaves unexplained.
 */
export function checkResponse(responseText: string, recommendations: readonly ExtractedRecommendation[]): ResponseCheck {
  const responseWords = significantWords(responseText);
  const check: ResponseCheck = { addressed: [], notAddressed: [] };
  recommendations.forEach((recommendation, index) => {
    const key = recommendationKey(recommendation, index);
    const addressed = (recommendation.ref !== null && namedByRef(responseText, recommendation.ref)) || sharesWords(responseWords, recommendation.text);
    if (addressed) check.addressed.push(key);
    else check.notAddressed.push({ key, text: recommendation.text });
  });
  return check;
}

/**
 * The day of the 56-day period on which a response was published: day 1 is the publication day, day
 * 56 the last; past 56 it was late by the difference.
 */
export function dayOfPeriod(publishedOn: CalendarDate, responsePublishedOn: CalendarDate): number {
  return daysBetween(publishedOn, responsePublishedOn) + 1;
}

export class ResponseNotLinkedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ResponseNotLinkedError';
  }
}

/**
 * The report's obligations once a body's response to it is linked: each body whose force the response
 * names (a national report is owed by every body, so the response says whose it is) has its response
 * published on the response's own date, the letter's, with the chief officer's comments in it
 * (s55(5)), and the recommendations it leaves unexplained. Throws when no body owing the report wrote it.
 */
export function answeredObligations(
  report: Pick<Report, 'id' | 'publishedOn' | 'recommendations'>,
  obligations: readonly Obligation[],
  response: Pick<Report, 'id' | 'forces'> & { publishedOn: CalendarDate; check: ResponseCheck },
  today: CalendarDate,
): Obligation[] {
  const answering = obligations.filter((obligation) => !obligation.closure && response.forces.includes(obligation.force));
  if (answering.length === 0) {
    throw new ResponseNotLinkedError(
      `Report ${report.id} is owed by no body of ${response.forces.join(', ') || 'the forces the response names (it names none)'}: link it to the report that body owes`,
    );
  }
  return answering.map((obligation) => {
    const published = applyProgress(obligation.progress, { action: 'response-published', on: response.publishedOn }, report, today);
    return {
      ...obligation,
      progress: { ...published, chiefOfficerCommentsReceivedOn: published.chiefOfficerCommentsReceivedOn ?? response.publishedOn },
      response: { responseId: response.id, publishedOn: response.publishedOn, notAddressed: response.check.notAddressed },
    };
  });
}

/** How late a body's published response was: the day of the period it came on, and the days past the last. */
export interface ResponseLateness {
  reportId: string;
  bodyId: string;
  publishedOn: CalendarDate;
  responsePublishedOn: CalendarDate;
  dayOfPeriod: number;
  daysLate: number;
}

/** The lateness of every response recorded on a report's obligations (a linked one, or one a person recorded). */
export function latenessOf(report: Pick<Report, 'id' | 'publishedOn'>, obligations: readonly Obligation[]): ResponseLateness[] {
  const { publishedOn } = report;
  if (!publishedOn) return [];
  return obligations.flatMap((obligation) => {
    const responsePublishedOn = obligation.progress.responsePublishedOn;
    if (!responsePublishedOn) return [];
    const day = dayOfPeriod(publishedOn, responsePublishedOn);
    return [
      {
        reportId: report.id,
        bodyId: obligation.bodyId,
        publishedOn,
        responsePublishedOn,
        dayOfPeriod: day,
        daysLate: Math.max(0, day - STATUTORY_PERIOD_DAYS),
      },
    ];
  });
}
