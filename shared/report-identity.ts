import { createHash } from 'node:crypto';
import type { Report } from './model';

/**
 * A report's identity is what it says, not its bytes: the same report as PDF, web page, Word or text,
 * or saved again with one more newline, must be one report, or its office gets two emails a morning
 * and progress recorded on one does not stop the other.
 */

/** A line printed on every page (a running header or footer) is furniture once it appears this often. */
const FURNITURE_REPEATS = 3;

/** Page numbers as printed: "12", "Page 3", "Page 3 of 40", "- 7 -", "3 | HMICFRS". */
const PAGE_NUMBER = /^(?:page\s+)?[-–—\s]*\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?[-–—\s]*$|^\d{1,4}\s*\|.*$|^.*\|\s*\d{1,4}$/i;

/** Lower case, accents folded, every run of punctuation and space one space: what survives any format. */
export function normalisedWords(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The document's text without its page furniture (page numbers, lines repeated on every page), normalised. */
export function normalisedText(text: string): string {
  const lines = text.split(/\r\n|\r|\n|\f/).map((line) => line.trim());
  const repeats = new Map<string, number>();
  for (const line of lines) if (line) repeats.set(line, (repeats.get(line) ?? 0) + 1);
  const content = lines.filter((line) => line && !PAGE_NUMBER.test(line) && (repeats.get(line) ?? 0) < FURNITURE_REPEATS);
  return normalisedWords(content.join(' '));
}

/**
 * The digest of the normalised text: equal for one report however it arrived. None when nothing is
 * left once the furniture is set aside (a scan whose only text is a stamp and page numbers), since
 * every such document would share it and each after the first be taken for the first.
 */
export function textFingerprint(text: string): string | null {
  const normalised = normalisedText(text);
  return normalised ? createHash('sha256').update(normalised).digest('hex').slice(0, 32) : null;
}

type Description = Pick<Report, 'title' | 'publishedOn' | 'forces'>;

const forcesKey = (forces: readonly string[]) => [...forces].map(normalisedWords).sort().join('+') || 'national';

/**
 * Title, publication date and forces, normalised: the same report whose texts differ in more than
 * furniture (a web page's navigation, a PDF's cover). Null when the title or the date is unknown,
 * as too many documents would then share it.
 */
export function descriptionKey(report: Description): string | null {
  if (!report.title || !report.publishedOn) return null;
  return `${normalisedWords(report.title)}|${report.publishedOn}|${forcesKey(report.forces)}`;
}

/** Title and forces without the date: a report sharing it with another of a different date may be the same one misdated, or the next year's. */
export function titleForcesKey(report: Pick<Report, 'title' | 'forces'>): string | null {
  if (!report.title) return null;
  return `${normalisedWords(report.title)}|${forcesKey(report.forces)}`;
}

/** Words too common in reports' titles and recommendations to tell one from another. */
const COMMON_WORDS = new Set(
  'a an and are as at be by for from has have in into is it its of on or our that the their them they this to was we were will with should must force forces police hmicfrs hmic'.split(
    ' ',
  ),
);

export function significantWords(text: string): Set<string> {
  return new Set(
    normalisedWords(text)
      .split(' ')
      .filter((word) => word.length > 2 && !COMMON_WORDS.has(word)),
  );
}

/** How alike two titles are, 0 to 1: the share of their significant words in common (Dice). */
export function titleSimilarity(a: string, b: string): number {
  const left = significantWords(a);
  const right = significantWords(b);
  if (left.size === 0 || right.size === 0) return 0;
  const shared = [...left].filter((word) => right.has(word)).length;
  return (2 * shared) / (left.size + right.size);
}
