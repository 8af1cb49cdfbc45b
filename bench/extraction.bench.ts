import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { extractDocument, extractFromText } from '../shared/extraction';
import { documentText } from '../shared/extraction/document-text';
import { reportPdf } from './report-pdf';

/**
 * `npm run bench`: extraction time and peak memory on a 100-page and a 300-page report PDF, beside
 * poppler's pdftotext on the same files. Targets: within 2× pdftotext's wall time on 100
 * pages; peak memory under 300 MB on 300 pages. The ingest Lambda's memory and timeout are set from
 * these figures (infra/fiftysix-stack.ts).
 */

const RUNS = 15;
/**
 * Runs before timing starts. Each page reader is a thread that compiles pdf.js and sizes its heap for
 * itself, from only its share of the pages: measured, a process reaches its steady speed after about
 * ten documents, the first few taking longer. The first document's time is reported apart,
 * from a fresh process.
 */
const WARM_UP_RUNS = 10;
const MB = 1024 * 1024;
const TIME = '/usr/bin/time';
const CHILD = fileURLToPath(new URL('./extract-once.ts', import.meta.url));

interface Figures {
  pages: number;
  bytes: number;
  recommendations: number;
  /** Extract-and-parse in a warm process, the median of RUNS after WARM_UP_RUNS. */
  oursMs: number;
  /** Extract-and-parse of the first document in a fresh process: page readers started, nothing compiled. */
  oursFirstMs: number;
  /** The parsing part of it, after the text is read. */
  parseMs: number;
  /** Peak RSS of a fresh process that extracts once, and of one that only loads the modules and file. */
  oursPeakBytes: number;
  baselineBytes: number;
  pdftotextMs: number | null;
  pdftotextPeakBytes: number | null;
}

async function main(): Promise<void> {
  const directory = await mkdtemp(path.join(tmpdir(), 'fiftysix-bench-'));
  try {
    const pdftotext = commandExists('pdftotext');
    const time = existsSync(TIME);
    if (!pdftotext) {
      process.stdout.write(
        'pdftotext was not found, so there is nothing to compare with: install it with `sudo apt-get install -y poppler-utils` (Debian/Ubuntu) and run again.\n\n',
      );
    } else if (!time) {
      process.stdout.write(`${TIME} was not found, so pdftotext's peak memory is n/a: install it with \`sudo apt-get install -y time\`.\n\n`);
    }
    const results: Figures[] = [];
    for (const pages of [100, 300]) {
      const file = path.join(directory, `report-${pages}.pdf`);
      const bytes = await reportPdf(pages);
      await writeFile(file, bytes);
      results.push(await measure(pages, file, bytes, { pdftotext, time, directory }));
    }
    process.stdout.write(`${table(results)}\n\n${verdicts(results)}\n`);
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

async function measure(pages: number, file: string, bytes: Uint8Array, tools: { pdftotext: boolean; time: boolean; directory: string }): Promise<Figures> {
  let recommendations = 0;
  const oursMs = await median(async () => {
    recommendations = (await extractDocument(bytes)).recommendations.length;
  });
  const text = await documentText(bytes);
  const parseMs = await median(async () => {
    extractFromText(text);
  });
  const once = child(file);
  const baseline = child(file, '--baseline');
  const out = path.join(tools.directory, `report-${pages}.txt`);
  return {
    pages,
    bytes: bytes.length,
    recommendations,
    oursMs,
    oursFirstMs: once.milliseconds,
    parseMs,
    oursPeakBytes: once.maxRssBytes,
    baselineBytes: baseline.maxRssBytes,
    pdftotextMs: tools.pdftotext ? await median(async () => run('pdftotext', [file, out])) : null,
    pdftotextPeakBytes: tools.pdftotext && tools.time ? peakOf('pdftotext', [file, out]) : null,
  };
}

/** The median wall time of RUNS runs, after WARM_UP_RUNS to warm caches and the JIT. */
async function median(work: () => Promise<void>): Promise<number> {
  for (let run = 0; run < WARM_UP_RUNS; run++) await work();
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

function child(file: string, mode?: string): { milliseconds: number; maxRssBytes: number } {
  const args = ['--import', 'tsx', CHILD, file, ...(mode ? [mode] : [])];
  const result = spawnSync(process.execPath, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`extract-once failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as { milliseconds: number; maxRssBytes: number };
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr}`);
}

/** GNU time's %M is the child's maximum resident set size in kilobytes. */
function peakOf(command: string, args: string[]): number {
  const result = spawnSync(TIME, ['-f', '%M', command, ...args], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr}`);
  return Number(result.stderr.trim().split('\n').at(-1)) * 1024;
}

function commandExists(command: string): boolean {
  return spawnSync(command, ['-v'], { encoding: 'utf8' }).error === undefined;
}

function table(results: Figures[]): string {
  const ms = (value: number | null) => (value === null ? 'n/a' : `${value.toFixed(0)} ms`);
  const mb = (value: number | null) => (value === null ? 'n/a' : `${(value / MB).toFixed(0)} MB`);
  const kb = (value: number) => `${(value / 1024).toFixed(0)} KB`;
  const ratio = (ours: number, theirs: number | null) => (theirs === null ? 'n/a' : `${(ours / theirs).toFixed(2)}×`);
  const rows = [
    [
      'pages',
      'PDF size',
      'recs',
      'ours: time',
      '(of which parsing)',
      'ours: first document',
      'pdftotext: time',
      'time ratio',
      'ours: peak RSS',
      '(of which baseline)',
      'pdftotext: peak RSS',
      'memory ratio',
    ],
    ...results.map((each) => [
      String(each.pages),
      kb(each.bytes),
      String(each.recommendations),
      ms(each.oursMs),
      ms(each.parseMs),
      ms(each.oursFirstMs),
      ms(each.pdftotextMs),
      ratio(each.oursMs, each.pdftotextMs),
      mb(each.oursPeakBytes),
      mb(each.baselineBytes),
      mb(each.pdftotextPeakBytes),
      ratio(each.oursPeakBytes, each.pdftotextPeakBytes),
    ]),
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const line = (row: string[]) => `| ${row.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  return [line(rows[0]!), line(widths.map((width) => '-'.repeat(width))), ...rows.slice(1).map(line)].join('\n');
}

function verdicts(results: Figures[]): string {
  const hundred = results.find((each) => each.pages === 100)!;
  const threeHundred = results.find((each) => each.pages === 300)!;
  const timeTarget =
    hundred.pdftotextMs === null
      ? 'n/a (no pdftotext to compare with)'
      : `${hundred.oursMs <= 2 * hundred.pdftotextMs ? 'met' : 'MISSED'} (${(hundred.oursMs / hundred.pdftotextMs).toFixed(2)}×)`;
  const memoryTarget = `${threeHundred.oursPeakBytes < 300 * MB ? 'met' : 'MISSED'} (${(threeHundred.oursPeakBytes / MB).toFixed(0)} MB)`;
  return [
    `Target: extract-and-parse within 2× pdftotext's wall time on the 100-page file: ${timeTarget}`,
    `Target: peak memory under 300 MB on the 300-page file: ${memoryTarget}`,
    `Ours is timed in a warm process (median of ${RUNS} after ${WARM_UP_RUNS} to warm up); pdftotext as a command, start-up included.`,
    "Ours' first document is timed in a fresh process, from the bytes to the result: starting the page readers and compiling pdf.js included.",
    'Parsing is the part of our time after the text is read: recommendations, dates, forces, counts and the s55 rules.',
    'Peak RSS is measured in a fresh process per file; the baseline is that process with the modules and file loaded but nothing extracted.',
  ].join('\n');
}

await main();
