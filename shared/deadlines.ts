import { addDays, type CalendarDate } from './calendar-date';

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
