import { type CalendarDate, isCalendarDate, londonDateAt } from '../calendar-date';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** "10th October 2024", "2 May 2019": the way HMICFRS's and PCC offices' pages write a date. */
const WRITTEN_DATE = /\b(\d{1,2})(?:st|nd|rd|th)?\s+(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{4})\b/i;

function calendarDate(year: number, month: number, day: number): CalendarDate | null {
  const date = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isCalendarDate(date) ? date : null;
}

/** The first date written out in words in a piece of text, or null. */
export function writtenDateIn(text: string): CalendarDate | null {
  const match = WRITTEN_DATE.exec(text);
  if (!match) return null;
  return calendarDate(Number(match[3]), MONTHS.indexOf(match[2]!.toLowerCase()) + 1, Number(match[1]));
}

/** A moment with its offset from UTC ("…T23:01:00+00:00", "…Z", "… 23:01:00 +0000", "… GMT"): it names one instant. */
const MOMENT_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$|\d{1,2}:\d{2}(?::\d{2})?\s*(?:GMT|UTC?|Z|[+-]\d{4})$/i;

/**
 * A feed's or a page's machine date (RFC 822 in RSS, ISO 8601 in Atom and `<time datetime>`), as the
 * London day: WordPress writes a report published at 00:01 in summer as 23:01 UTC the day before, and
 * the 56 days run from the day in England. A date with no offset is the calendar date it names.
 */
export function machineDate(value: string | undefined): CalendarDate | null {
  if (!value) return null;
  const moment = MOMENT_WITH_OFFSET.test(value.trim()) ? new Date(value.trim()) : null;
  if (moment && !Number.isNaN(moment.getTime())) return londonDateAt(moment);
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim());
  if (iso) return calendarDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  return writtenDateIn(value.replace(/\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b/i, (short) => fullMonth(short)));
}

function fullMonth(short: string): string {
  return MONTHS.find((month) => month.startsWith(short.slice(0, 3).toLowerCase())) ?? short;
}
