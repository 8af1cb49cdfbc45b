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
  /** The name of the target rule that read the phrase (TARGET_RULES), or null when there is none. */
  rule: string | null;
}

const BY = '(?:by|not later than|no later than|on or before)';
const TARGET_COUNT = `(?:${Object.keys(NUMBER_WORDS).join('|')}|\\d{1,3})`;

interface Candidate {
  index: number;
  phrase: string;
  date: CalendarDate | null;
  relative: string | null;
  rule: string;
}

type Reading = (match: RegExpExecArray) => Pick<Candidate, 'date' | 'relative'> | null;

interface TargetRule {
  name: string;
  doc: string;
  /** Global: every phrase of this form in the sentence is a candidate. */
  pattern: RegExp;
  read: Reading;
}

/** The work being finished, just before a deadline: "this transfer should be completed no later than …". */
const COMPLETION = /\b(?:complete[ds]?|completion|implemented|in place|finished|achieved|delivered|done)\b[^.,;]{0,30}$/i;
/** "By …", "no later than …": a deadline, where "before …" can as well describe what a sentence is about. */
const DEADLINE_WORDS = new RegExp(`^${BY}\\b`, 'i');

/** The target rules: each reads one form of deadline; of the phrases they find, the earliest in the sentence is the target. */
export const TARGET_RULES: readonly TargetRule[] = [
  {
    name: 'by-day',
    doc: 'A deadline on a day: "Not later than 31 March 2015", "By 31 October 2024" is that very day.',
    pattern: new RegExp(`\\b${BY}\\s+(?:the\\s+)?${FULL_DATE}`, 'gi'),
    read: (m) => fixed(parseFullDate(m[0])),
  },
  {
    name: 'before-day',
    doc: 'A day the work must come before: "before 1 April 2024" leaves the day before as the last one allowed.',
    pattern: new RegExp(`\\bbefore\\s+${FULL_DATE}`, 'gi'),
    read: (m) => {
      const date = parseFullDate(m[0]);
      return fixed(date === null ? null : addDays(date, -1));
    },
  },
  {
    name: 'by-month',
    doc: 'A month: "By March 2023", "by the end of March 2024" is its last day; "before April 2024" the last day of March.',
    pattern: new RegExp(`\\b(?:${BY}|before)\\s+(?:the\\s+end\\s+of\\s+)?(${MONTH_NAME})\\s+${YEAR}\\b`, 'gi'),
    read: (m) => {
      const month = monthNumber(m[1]!);
      if (month === null) return null;
      // endOfMonth(y, 0) is 31 December of y - 1.
      const exclusive = /^before/i.test(m[0]) && !/end\s+of/i.test(m[0]);
      return fixed(endOfMonth(Number(m[2]), exclusive ? month - 1 : month));
    },
  },
  {
    name: 'by-financial-year',
    doc: 'A financial year: "by the end of 2024/25", "by the end of the 2024–25 financial year" is 31 March, when UK financial years end.',
    pattern: new RegExp(
      `\\b(?:${BY}|before)\\s+the\\s+end\\s+of\\s+(?:the\\s+)?(?:financial\\s+year\\s+)?${YEAR}\\s*[/–-]\\s*(\\d{2}|\\d{4})\\b(?:\\s+financial\\s+year)?`,
      'gi',
    ),
    read: (m) => fixed(`${Number(m[1]) + 1}-03-31`),
  },
  {
    name: 'by-year-end',
    doc: 'A calendar year: "By the end of 2024" is 31 December.',
    pattern: new RegExp(`\\b(?:${BY}|before)\\s+the\\s+end\\s+of\\s+(?:the\\s+year\\s+)?${YEAR}\\b(?!\\s*[/–-]\\s*\\d)`, 'gi'),
    read: (m) => fixed(`${m[1]}-12-31`),
  },
  {
    name: 'from-publication',
    doc: 'A time from publication: "immediately", "within six months", which the deadline engine turns into a date.',
    pattern: new RegExp(
      `\\b(?:with immediate effect|immediately|forthwith|within\\s+${TARGET_COUNT}\\s+(?:calendar\\s+|working\\s+)?(?:days?|weeks?|months?|years?))\\b`,
      'gi',
    ),
    read: (m) => ({ date: null, relative: m[0].toLowerCase().replace(/\s+/g, ' ') }),
  },
];

function fixed(date: CalendarDate | null): Pick<Candidate, 'date' | 'relative'> | null {
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
  if (!best) return { phrase: null, date: null, relative: null, rule: null };
  // "Immediately, … and this should be completed no later than September 2017": the closing deadline
  // is the date to hold the body to, and the opening word stays as written. Only a deadline for the
  // work itself: "review all cases recorded by 31 March 2023" names which cases.
  const closing =
    best.relative === null
      ? undefined
      : candidates.find((each) => each.date !== null && DEADLINE_WORDS.test(each.phrase) && COMPLETION.test(sentence.slice(0, each.index)));
  return { phrase: best.phrase.replace(/\s+/g, ' '), date: closing?.date ?? best.date, relative: best.relative, rule: best.rule };
}

/** Every target phrase in a sentence, earliest first; of two at the same place, the longer. */
function candidatesIn(sentence: string): Candidate[] {
  const candidates: Candidate[] = [];
  for (const { name, pattern, read } of TARGET_RULES) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(sentence); match; match = pattern.exec(sentence)) {
      const reading = read(match);
      if (reading) candidates.push({ index: match.index, phrase: match[0], rule: name, ...reading });
    }
  }
  return candidates.sort((a, b) => a.index - b.index || b.phrase.length - a.phrase.length);
}

/** Up to the first full stop that ends a sentence; a colon introducing a list ends it too. */
export function firstSentence(text: string): string {
  const end = /[.;:](?=\s+[A-Z•·▪\-–(]|\s*$)|:(?=\s)/.exec(text);
  return end ? text.slice(0, end.index + 1) : text;
}
