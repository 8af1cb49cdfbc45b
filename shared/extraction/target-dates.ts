import { addDays, type CalendarDate, endOfMonth } from '../calendar-date';
import { FULL_DATE, MONTH_NAME, monthNumber, parseFullDate, YEAR } from './dates';
import { NUMBER_WORDS } from './vocabulary';

/**
 * The deadline a recommendation sets itself, as written. `date` is set for a fixed target ("By March
 * 2023" → 2023-03-31); `relative` for one that runs from publication ("within six months",
 * "immediately"), which only the deadline engine can turn into a date.
 */
export interface TargetPhrase {
  phrase: string | null;
  date: CalendarDate | null;
  relative: string | null;
}

const BY = '(?:by|not later than|no later than|on or before)';
const TARGET_COUNT = `(?:${Object.keys(NUMBER_WORDS).join('|')}|\\d{1,3})`;

interface Candidate {
  index: number;
  phrase: string;
  date: CalendarDate | null;
  relative: string | null;
}

type Reading = (match: RegExpExecArray) => Omit<Candidate, 'index' | 'phrase'> | null;

/** The work being finished, just before a deadline: "this transfer should be completed no later than …". */
const COMPLETION = /\b(?:complete[ds]?|completion|implemented|in place|finished|achieved|delivered|done)\b[^.,;]{0,30}$/i;
/** "By …", "no later than …": a deadline, where "before …" can as well describe what a sentence is about. */
const DEADLINE_WORDS = new RegExp(`^${BY}\\b`, 'i');

const READINGS: Array<[RegExp, Reading]> = [
  // "Not later than 31 March 2015", "By 31 October 2024": that very day.
  [new RegExp(`\\b${BY}\\s+(?:the\\s+)?${FULL_DATE}`, 'gi'), (m) => fixed(parseFullDate(m[0]))],
  // "before 1 April 2024": the day before is the last one allowed.
  [
    new RegExp(`\\bbefore\\s+${FULL_DATE}`, 'gi'),
    (m) => {
      const date = parseFullDate(m[0]);
      return fixed(date === null ? null : addDays(date, -1));
    },
  ],
  // "By March 2023", "by the end of March 2024": a month means the end of it.
  [
    new RegExp(`\\b(?:${BY}|before)\\s+(?:the\\s+end\\s+of\\s+)?(${MONTH_NAME})\\s+${YEAR}\\b`, 'gi'),
    (m) => {
      const month = monthNumber(m[1]!);
      if (month === null) return null;
      // "before April 2024" leaves March as the last month; endOfMonth(y, 0) is 31 December of y - 1.
      const exclusive = /^before/i.test(m[0]) && !/end\s+of/i.test(m[0]);
      return fixed(endOfMonth(Number(m[2]), exclusive ? month - 1 : month));
    },
  ],
  // "by the end of 2024/25" or "by the end of the 2024–25 financial year": UK financial years end on 31 March.
  [
    new RegExp(
      `\\b(?:${BY}|before)\\s+the\\s+end\\s+of\\s+(?:the\\s+)?(?:financial\\s+year\\s+)?${YEAR}\\s*[/–-]\\s*(\\d{2}|\\d{4})\\b(?:\\s+financial\\s+year)?`,
      'gi',
    ),
    (m) => fixed(`${Number(m[1]) + 1}-03-31`),
  ],
  // "By the end of 2024": the end of the year.
  [new RegExp(`\\b(?:${BY}|before)\\s+the\\s+end\\s+of\\s+(?:the\\s+year\\s+)?${YEAR}\\b(?!\\s*[/–-]\\s*\\d)`, 'gi'), (m) => fixed(`${m[1]}-12-31`)],
  [
    new RegExp(
      `\\b(?:with immediate effect|immediately|forthwith|within\\s+${TARGET_COUNT}\\s+(?:calendar\\s+|working\\s+)?(?:days?|weeks?|months?|years?))\\b`,
      'gi',
    ),
    (m) => ({ date: null, relative: m[0].toLowerCase().replace(/\s+/g, ' ') }),
  ],
];

function fixed(date: CalendarDate | null): Omit<Candidate, 'index' | 'phrase'> | null {
  return date === null ? null : { date, relative: null };
}

/**
 * The target a recommendation's opening sentence sets. Only the first sentence counts: dates further on
 * usually describe the past ("since its 2019 inspection") rather than set a deadline.
 */
export function parseTargetPhrase(text: string): TargetPhrase {
  const sentence = firstSentence(text);
  const candidates = candidatesIn(sentence);
  const best = candidates[0];
  if (!best) return { phrase: null, date: null, relative: null };
  // "Immediately, … and this should be completed no later than September 2017": the closing deadline
  // is the date to hold the body to, and the opening word stays as written. Only a deadline for the
  // work itself: "review all cases recorded by 31 March 2023" names which cases.
  const closing =
    best.relative === null
      ? undefined
      : candidates.find((each) => each.date !== null && DEADLINE_WORDS.test(each.phrase) && COMPLETION.test(sentence.slice(0, each.index)));
  return { phrase: best.phrase.replace(/\s+/g, ' '), date: closing?.date ?? best.date, relative: best.relative };
}

/** Every target phrase in a sentence, earliest first; of two at the same place, the longer. */
function candidatesIn(sentence: string): Candidate[] {
  const candidates: Candidate[] = [];
  for (const [pattern, read] of READINGS) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(sentence); match; match = pattern.exec(sentence)) {
      const reading = read(match);
      if (reading) candidates.push({ index: match.index, phrase: match[0], ...reading });
    }
  }
  return candidates.sort((a, b) => a.index - b.index || b.phrase.length - a.phrase.length);
}

/** Up to the first full stop that ends a sentence; a colon introducing a list ends it too. */
export function firstSentence(text: string): string {
  const end = /[.;:](?=\s+[A-Z•·▪\-–(]|\s*$)|:(?=\s)/.exec(text);
  return end ? text.slice(0, end.index + 1) : text;
}
