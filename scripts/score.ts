/**
 * `npm run score`: how well the extractor reads the project's fixtures (tests/fixtures/corpus), the
 * unseen documents (tests/fixtures/unseen) and the held-out ones (tests/fixtures/held-out), each set
 * apart, against what a perfect extractor reads from them (`<name>.expected.json`). Prints recommendations found, expected and invented with precision,
 * recall and F1; kind, title and forces accuracy; and, but for the held-out set, a line for each document's misses, known or not.
 * It runs the extractor only through its public entry, `extractDocument`, on the fixture's bytes, and
 * again on each text printed to a PDF as a report is laid out and, where Chromium is installed, as a
 * browser prints a web page (tests/support/documents.ts), since an office is as likely to upload the PDF.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { extractDocument, UnreadableDocumentError } from '../shared/extraction';
import { browserPrintedPdf, printedPdf } from '../tests/support/documents';
import {
  type DocumentScore,
  type ExpectedReading,
  RECOMMENDATION_SIMILARITY,
  type Reading,
  type SetScore,
  scoreDocument,
  scoreSet,
  TITLE_SIMILARITY,
} from './scoring';

const FIXTURES = resolve(import.meta.dirname, '../tests/fixtures');
/**
 * The held-out set's misses are not listed: its totals check that a change did no harm, and a list of
 * what it misses would be the next rules' material, which would make it one more unseen set.
 */
const SETS = [
  { directory: 'corpus', about: 'the project’s fixtures, which the extractor was written against', listsMisses: true },
  { directory: 'unseen', about: 'real documents the extractor was not written against', listsMisses: true },
  { directory: 'held-out', about: 'real documents gathered after the rules were written, never used to write them', listsMisses: false },
];
/**
 * `--only <prefix>`: only the documents whose names start with it, so that a round gathered under one
 * prefix ("r8-") is scored by itself, once, before anyone reads it to write rules.
 */
function onlyPrefix(args: string[]): string {
  const usage = new Error(`usage: npm run score -- [--only <name prefix, ending in "-">] (given: ${args.join(' ')})`);
  if (args.length === 0) return '';
  // Scored once before anyone reads it, a round must not be scored whole by a mistyped option.
  const [option, value] = args[0]!.startsWith('--only=') ? ['--only', args[0]!.slice('--only='.length)] : [args[0], args[1]];
  if (option !== '--only' || !value || args.length > (args[0]!.includes('=') ? 1 : 2)) throw usage;
  // A round's prefix, not a document's name: the held-out set's totals for one document would be its misses.
  if (!/^[\w-]*-$/.test(value)) throw usage;
  return value;
}
let ONLY = '';
try {
  ONLY = onlyPrefix(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(2);
}

/** The formats a fixture may be kept in; the extractor tells them apart by their bytes. */
const DOCUMENT = /\.(?:txt|html?)$/;

/** The characters the standard PDF fonts' WinAnsi encoding has beyond Latin-1. */
const WIN_ANSI_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/** Text a standard PDF font can print: what it has no glyph for (arrows, ticks, other scripts) is left out, as a space. */
function printable(text: string): string {
  return text.replace(/[^\n\t\x20-\x7e\xa0-\xff]/g, (character) => (WIN_ANSI_EXTRAS.has(character) ? character : ' '));
}

type Format = 'as written' | 'printed to PDF' | 'printed by Chromium';

/** Debian's Chromium, as the page's tests use it; without one, the texts are not printed by a browser. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const browser = existsSync(CHROMIUM) ? await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] }) : null;
const browserPage: Page | null = browser ? await browser.newPage() : null;
const FORMATS: Format[] = ['as written', 'printed to PDF', ...(browserPage ? (['printed by Chromium'] as const) : [])];

/**
 * A fixture's bytes in a format: as kept, or its text printed to a PDF by pdf-lib as a report is laid
 * out, or by a browser as a web page is (an HTML page is only scored as written).
 */
async function documentBytes(path: string, format: Format): Promise<Uint8Array | null> {
  const bytes = readFileSync(path);
  if (format === 'as written') return bytes;
  if (!path.endsWith('.txt')) return null;
  if (format === 'printed to PDF') return printedPdf(printable(bytes.toString('utf8')));
  return browserPrintedPdf(browserPage!, bytes.toString('utf8'));
}

/** What the extractor reads from one document; a document it cannot read reads as nothing. */
async function reading(bytes: Uint8Array): Promise<{ reading: Reading; unreadable: string | null }> {
  try {
    const result = await extractDocument(bytes);
    return { reading: result, unreadable: null };
  } catch (error) {
    if (!(error instanceof UnreadableDocumentError)) throw error;
    return { reading: { kind: 'unreadable', title: null, publishedOn: null, forces: [], recommendations: [] }, unreadable: error.message };
  }
}

async function scoreDirectory(directory: string, format: Format): Promise<DocumentScore[]> {
  const path = resolve(FIXTURES, directory);
  const names = readdirSync(path)
    .filter((name) => DOCUMENT.test(name) && name.startsWith(ONLY))
    .sort();
  const scores: DocumentScore[] = [];
  for (const name of names) {
    const bytes = await documentBytes(resolve(path, name), format);
    if (bytes === null) continue;
    const expected = JSON.parse(readFileSync(resolve(path, name.replace(DOCUMENT, '.expected.json')), 'utf8')) as ExpectedReading;
    const { reading: found, unreadable } = await reading(bytes);
    const score = scoreDocument(name, expected, found);
    if (unreadable) score.misses.unshift({ check: 'read', detail: `unreadable: ${unreadable}`, knownMiss: null });
    scores.push(score);
  }
  return scores;
}

const share = (value: number | null) => (value === null ? '—' : value.toFixed(2));
const outOf = (correct: number, total: number) => `${correct}/${total} (${total === 0 ? '—' : `${Math.round((100 * correct) / total)}%`})`;

function report({ directory, about, listsMisses }: (typeof SETS)[number], format: Format, documents: DocumentScore[], totals: SetScore): string[] {
  const lines = [
    `tests/fixtures/${directory}, ${format}: ${totals.documents} documents, ${about}`,
    `  recommendations: ${totals.expected} expected, ${totals.matched} found, ${totals.invented} invented` +
      ` (precision ${share(totals.precision)}, recall ${share(totals.recall)}, F1 ${share(totals.f1)})`,
    `  kind ${outOf(totals.kindCorrect, totals.documents)}, title ${outOf(totals.titleCorrect, totals.documents)}, forces ${outOf(totals.forcesCorrect, totals.documents)}, publication date ${outOf(totals.datesCorrect, totals.documents)}`,
    `  misses the fixtures list as known: ${totals.knownMisses}`,
  ];
  if (!listsMisses) {
    const stale = documents.filter((document) => document.staleKnownMisses.length > 0).length;
    return [
      ...lines,
      '  (its documents’ misses are not listed: they are not read to write rules)',
      ...(stale > 0 ? [`  documents whose known misses are now read right (to drop from their fixtures): ${stale}`] : []),
    ];
  }
  for (const document of documents) {
    if (document.misses.length === 0 && document.staleKnownMisses.length === 0) continue;
    lines.push(`  ${document.name}`);
    for (const miss of document.misses) lines.push(`    ${miss.check}: ${miss.detail}${miss.knownMiss ? ` [known miss: ${miss.knownMiss}]` : ''}`);
    for (const check of document.staleKnownMisses) lines.push(`    ${check}: listed as a known miss but now read right; drop it from the fixture`);
  }
  return lines;
}

const output = [
  `Extraction scores, ${new Date().toISOString().slice(0, 10)}. A found recommendation is an expected one when it holds at least`,
  `${RECOMMENDATION_SIMILARITY * 100}% of its words (Dice, in a window of the same length) and their refs, where both give one, agree;`,
  `a title is read when at least ${TITLE_SIMILARITY * 100}% of its characters need no edit (Levenshtein) once case, quotes, dashes and spacing`,
  `are set aside; forces must be the same set, and the publication date the same day.${ONLY ? ` Only the documents whose names start “${ONLY}”.` : ''}`,
  '',
];
for (const set of SETS) {
  for (const format of FORMATS) {
    const documents = await scoreDirectory(set.directory, format);
    output.push(...report(set, format, documents, scoreSet(documents)), '');
  }
}
if (!browser) output.push(`Not printed by Chromium: there is none at ${CHROMIUM} (set CHROMIUM_PATH).`, '');
await browser?.close();
process.stdout.write(output.join('\n'));
