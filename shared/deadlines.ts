import { addDays, addMonths, type CalendarDate } from './calendar-date';
import { parseTargetPhrase } from './extraction/target-dates';
import { NUMBER_WORDS } from './extraction/vocabulary';
import type { ExtractedRecommendation, ExtractionResult } from './model';
import { BANK_HOLIDAYS_COVER_THROUGH, withinBankHolidayData, workingDayOnOrAfter } from './working-days';

/**
 * s55(5A) Police Act 1996: the body must publish "before the end of the period of 56 days beginning
 * with the day on which the report is published". "Beginning with" counts the publication day as
 * day 1, so the last day is publication + 55 calendar days. The statute gives no working-day rule,
 * so the day is never moved off a weekend or bank holiday.
 */
export const STATUTORY_PERIOD_DAYS = 56;

export function statutoryLastDay(publishedOn: CalendarDate): CalendarDate {
  return addDays(publishedOn, STATUTORY_PERIOD_DAYS - 1);
}

/**
 * A publication date the engine can plan from: one the bank holiday data covers, with a year to
 * spare for the reminders after it. Anything else is a typo ("0224-03-07") or far outside any real report.
 */
export function isTrackablePublicationDate(date: CalendarDate): boolean {
  return withinBankHolidayData(date) && withinBankHolidayData(addDays(date, 366));
}

export const TRACKABLE_PUBLICATION_DATES = `a date from 2000-01-01 to ${addDays(BANK_HOLIDAYS_COVER_THROUGH, -366)}`;

/**
 * How far ahead a person may date a report: HMICFRS shares some reports with forces and their bodies
 * a few days before publication, and the 56 days run from publication, so such a copy is dated
 * ahead. Further ahead than this is a typo ("2030" for "2026").
 */
export const ADVANCE_COPY_DAYS = 28;

/** What is wrong with a publication date a person types, or null: one the engine cannot plan from, or too far ahead. */
export function publicationDateProblem(date: CalendarDate, today: CalendarDate): string | null {
  if (!isTrackablePublicationDate(date)) return `The publication date ${date} is not ${TRACKABLE_PUBLICATION_DATES}`;
  const latest = addDays(today, ADVANCE_COPY_DAYS);
  if (date > latest)
    return `The publication date ${date} is more than ${ADVANCE_COPY_DAYS} days after today (${today}): give the day HMICFRS published the report, or will publish a copy it shared in advance`;
  return null;
}

/** s55(4) leaves the date for the chief officer's comments to the body; day 28 leaves half the period to answer them. */
export const DEFAULT_CHIEF_OFFICER_COMMENTS_DAY = 28;

/** Day `day` of the 56-day period (day 1 is the publication day), never later than the last day. */
export function chiefOfficerCommentsDueOn(publishedOn: CalendarDate, day: number = DEFAULT_CHIEF_OFFICER_COMMENTS_DAY): CalendarDate {
  const within = Math.min(Math.max(Math.trunc(day), 1), STATUTORY_PERIOD_DAYS);
  return addDays(publishedOn, within - 1);
}

/** The date a recommendation's own words set, with the words kept so a person can check them. */
export interface RecommendationTarget {
  /** How the recommendation is known: its ref as written, else its position ("3"). */
  key: string;
  phrase: string | null;
  dueOn: CalendarDate | null;
  /** "immediately", "with immediate effect": due on publication. */
  immediate: boolean;
}

const RELATIVE = /^within\s+(\S+)\s+(calendar\s+|working\s+)?(day|week|month|year)s?/i;

/** Relative targets run from the publication date ("within six months" of it, "immediately" on it). */
function relativeDueOn(relative: string, publishedOn: CalendarDate): { dueOn: CalendarDate | null; immediate: boolean } {
  if (/immediate|forthwith/i.test(relative)) return { dueOn: publishedOn, immediate: true };
  const match = RELATIVE.exec(relative);
  if (!match) return { dueOn: null, immediate: false };
  const count = NUMBER_WORDS[match[1]!.toLowerCase()] ?? Number(match[1]);
  if (!Number.isInteger(count) || count <= 0) return { dueOn: null, immediate: false };
  const unit = match[3]!.toLowerCase();
  if (unit === 'month') return { dueOn: addMonths(publishedOn, count), immediate: false };
  if (unit === 'year') return { dueOn: addMonths(publishedOn, count * 12), immediate: false };
  if (match[2]?.toLowerCase().startsWith('working')) {
    let day = publishedOn;
    for (let counted = 0; counted < count; counted += 1) day = workingDayOnOrAfter(addDays(day, 1));
    return { dueOn: day, immediate: false };
  }
  return { dueOn: addDays(publishedOn, unit === 'week' ? count * 7 : count), immediate: false };
}

/**
 * What `extract` prints: a relative target ("within six months", "immediately") dated from the
 * publication date the document itself states, when it states one (for a response, the report's).
 */
export function withRelativeTargetsDated(extraction: ExtractionResult): ExtractionResult {
  const publishedOn = extraction.kind === 'pcc-response' ? extraction.respondsTo?.publishedOn : extraction.publishedOn;
  if (!publishedOn) return extraction;
  return {
    ...extraction,
    recommendations: extraction.recommendations.map((recommendation) =>
      recommendation.targetDate || !recommendation.targetRelative
        ? recommendation
        : { ...recommendation, targetDate: relativeDueOn(recommendation.targetRelative, publishedOn).dueOn },
    ),
  };
}

/** How a recommendation is known: the key it was stored with, else its ref, else its position ("3"). */
export function recommendationKey(recommendation: ExtractedRecommendation, index: number): string {
  return recommendation.key ?? recommendation.ref ?? String(index + 1);
}

export function recommendationTarget(recommendation: ExtractedRecommendation, index: number, publishedOn: CalendarDate): RecommendationTarget {
  const key = recommendationKey(recommendation, index);
  if (recommendation.setBy) {
    // A person's target stands as they gave it, whatever the words say.
    const relative = recommendation.targetRelative ? relativeDueOn(recommendation.targetRelative, publishedOn) : null;
    return {
      key,
      phrase: recommendation.targetPhrase ?? null,
      dueOn: recommendation.targetDate ?? relative?.dueOn ?? null,
      immediate: relative?.immediate ?? false,
    };
  }
  const { phrase, date, relative } = parseTargetPhrase(recommendation.text);
  if (date) return { key, phrase, dueOn: date, immediate: false };
  if (relative) return { key, phrase, ...relativeDueOn(relative, publishedOn) };
  return { key, phrase, dueOn: recommendation.targetDate, immediate: false };
}

/** Every date an obligation hangs on, computed once when its clock starts or its publication date is corrected. */
export interface ObligationDates {
  publishedOn: CalendarDate;
  responseDueOn: CalendarDate;
  chiefOfficerCommentsDueOn: CalendarDate;
  recommendationTargets: RecommendationTarget[];
}

export function obligationDates(
  publishedOn: CalendarDate,
  recommendations: ExtractedRecommendation[],
  chiefOfficerCommentsDay: number = DEFAULT_CHIEF_OFFICER_COMMENTS_DAY,
): ObligationDates {
  return {
    publishedOn,
    responseDueOn: statutoryLastDay(publishedOn),
    chiefOfficerCommentsDueOn: chiefOfficerCommentsDueOn(publishedOn, chiefOfficerCommentsDay),
    // National recommendations are noted, not owed: their targets are for others to meet.
    recommendationTargets: recommendations.flatMap((recommendation, index) =>
      recommendation.level === 'national' ? [] : [recommendationTarget(recommendation, index, publishedOn)],
    ),
  };
}
