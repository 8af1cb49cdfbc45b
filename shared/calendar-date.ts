/**
 * Calendar dates as the statute counts them: whole days in the Europe/London calendar,
 * written `YYYY-MM-DD`. Arithmetic runs on UTC midnights so that no daylight-saving
 * change can add or lose a day.
 */
export type CalendarDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export class InvalidDateError extends Error {
  constructor(readonly value: string) {
    super(`"${value}" is not a calendar date: write it as YYYY-MM-DD, e.g. 2024-03-07`);
    this.name = 'InvalidDateError';
  }
}

export function isCalendarDate(value: string): value is CalendarDate {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function parseCalendarDate(value: string): CalendarDate {
  if (!isCalendarDate(value)) throw new InvalidDateError(value);
  return value;
}

function toUtcMidnight(date: CalendarDate): number {
  return Date.parse(`${parseCalendarDate(date)}T00:00:00Z`);
}

function fromUtcMidnight(ms: number): CalendarDate {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromUtcMidnight(toUtcMidnight(date) + days * DAY_MS);
}

/** Whole days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round((toUtcMidnight(to) - toUtcMidnight(from)) / DAY_MS);
}

/** The last day of the given month (1–12). */
export function endOfMonth(year: number, month: number): CalendarDate {
  return fromUtcMidnight(Date.UTC(year, month, 0));
}

const londonDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The date in London at the given moment: 23:30 UTC on a summer evening is already the next day there. */
export function londonDateAt(moment: Date): CalendarDate {
  if (Number.isNaN(moment.getTime())) throw new RangeError('londonDateAt needs a valid moment');
  return londonDate.format(moment);
}

const longDate = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

/** "Wednesday 1 May 2024": how a reminder names a date to a person. */
export function formatLongDate(date: CalendarDate): string {
  return longDate.format(new Date(toUtcMidnight(date))).replace(',', '');
}

/** Calendar months later, kept to the end of a shorter month: 31 August + 6 months is 28 or 29 February. */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const [year, month, day] = parseCalendarDate(date).split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = Number(endOfMonth(target.getUTCFullYear(), target.getUTCMonth() + 1).slice(8));
  return fromUtcMidnight(Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(day, lastDay)));
}
