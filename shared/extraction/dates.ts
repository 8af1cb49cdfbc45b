import { type CalendarDate, isCalendarDate } from '../calendar-date';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'] as const;

/** Month names as documents write them: in full, or abbreviated ("Sept", "Oct."). */
export const MONTH_NAME =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const ORDINAL = '(?:st|nd|rd|th)?';
/** A year, captured. */
export const YEAR = '((?:19|20)\\d{2})';

/** "7th July 2023", "01 September 2023", "Friday 7 July 2023". */
const DAY_MONTH_YEAR = `(\\d{1,2})${ORDINAL}\\s+(?:of\\s+)?(${MONTH_NAME}),?\\s+${YEAR}`;
/** "July 7, 2023": rarer in UK documents, but seen on web pages. */
const MONTH_DAY_YEAR = `(${MONTH_NAME})\\s+(\\d{1,2})${ORDINAL},?\\s+${YEAR}`;
/** "2023-07-07" and UK numeric "07/07/2023" (day first). */
const ISO = `${YEAR}-(\\d{2})-(\\d{2})`;
const NUMERIC_UK = `(\\d{1,2})/(\\d{1,2})/${YEAR}`;

/** Any one full date, for embedding in larger patterns. No capture groups of its own. */
export const FULL_DATE = `(?:${[DAY_MONTH_YEAR, MONTH_DAY_YEAR, ISO, NUMERIC_UK].map((pattern) => pattern.replace(/\((?!\?)/g, '(?:')).join('|')})`;

export function monthNumber(name: string): number | null {
  const prefix = name.toLowerCase().replace(/\.$/, '').slice(0, 3);
  const index = MONTHS.findIndex((month) => month.startsWith(prefix));
  return index === -1 ? null : index + 1;
}

function calendarDate(year: number, month: number, day: number): CalendarDate | null {
  const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isCalendarDate(date) ? date : null;
}

const READINGS: Array<[RegExp, (m: RegExpExecArray) => CalendarDate | null]> = [
  [new RegExp(`\\b${DAY_MONTH_YEAR}\\b`, 'i'), (m) => dated(m[3], monthNumber(m[2]!), m[1])],
  [new RegExp(`\\b${MONTH_DAY_YEAR}\\b`, 'i'), (m) => dated(m[3], monthNumber(m[1]!), m[2])],
  [new RegExp(`\\b${ISO}\\b`), (m) => dated(m[1], Number(m[2]), m[3])],
  [new RegExp(`\\b${NUMERIC_UK}\\b`), (m) => dated(m[3], Number(m[2]), m[1])],
];

/** The first full date written in `text`, or null. A day that does not exist (31 June) is not a date. */
export function parseFullDate(text: string): CalendarDate | null {
  let best: { index: number; date: CalendarDate | null } | null = null;
  for (const [pattern, toDate] of READINGS) {
    const match = pattern.exec(text);
    if (match && (best === null || match.index < best.index)) best = { index: match.index, date: toDate(match) };
  }
  return best?.date ?? null;
}

function dated(year: string | undefined, month: number | null, day: string | undefined): CalendarDate | null {
  if (year === undefined || month === null || day === undefined) return null;
  return calendarDate(Number(year), month, Number(day));
}
