import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { type BuildOptions, build } from 'esbuild';
import { BUNDLE_BANNER } from '../infra/project-function';
import { extractDocument, extractFromText } from '../shared/extraction';
import { documentText } from '../shared/extraction/document-text';
import { PDF_PAGE_READER, PDFIUM_WASM } from '../shared/extraction/pdf-text';
import { reportPdf } from './report-pdf';

/**
 * `npm run bench`: PDF reading time and peak memory on a 100-page and a 300-page report PDF, beside
 * poppler's pdftotext on the same files in the same run. Targets, reading the 100-page file: the first
 * document in a fresh process within 2× pdftotext, a warm process within 1.2×; peak memory at most
 * 300 MB on 300 pages. Reading is compared with reading, as pdftotext only reads; the time with the
 * rules' parsing added is printed beside it. The ingest Lambda's memory and timeout are set from
 * these figures (infra/fiftysix-stack.ts).
 */

const RUNS = 15;
/**
 * Runs before timing starts. Each page reader is a thread whose PDFium starts in WebAssembly's
 * baseline code and is optimised as it runs, and whose JavaScript is compiled as it runs: the first
 * documents take longer. The first document's time is reported apart, from a fresh process.
 */
const WARM_UP_RUNS = 10;
const MB = 1024 * 1024;
const TIME = '/usr/bin/time';
const CHILD = fileURLToPath(new URL('./extract-once.ts', import.meta.url));
const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

interface Figures {
  pages: number;
  bytes: number;
  recommendations: number;
  /** Reading the PDF's text in a warm process, the median of RUNS after WARM_UP_RUNS. */
  readMs: number;
  /** Reading the first document in a fresh process: page readers started, PDFium compiled. */
  readFirstMs: number;
  /** Extract-and-parse in a warm process, the median of RUNS after WARM_UP_RUNS. */
  oursMs: number;
  /** Extract-and-parse of the first document in a fresh process. */
  oursFirstMs: number;
  /** The parsing part of it, after the text is read. */
  parseMs: number;
  /** Peak RSS of a fresh process that extracts once, and of one that only loads the modules and file. */
  oursPeakBytes: number;
  baselineBytes: number;
  pdftotextMs: number | null;
  pdftotextPeakBytes: number | null;
  /** Processor time, all threads, of the first document's reading and of one pdftotext: on a shared machine, steadier than wall time. */
  readFirstCpuMs: number;
  pdftotextCpuMs: number | null;
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
    const once = await bundleLikeLambda(directory);
    const results: Figures[] = [];
    for (const pages of [100, 300]) {
      const file = path.join(directory, `report-${pages}.pdf`);
      const bytes = await reportPdf(pages);
      await writeFile(file, bytes);
      results.push(await measure(pages, file, bytes, { pdftotext, time, directory, once }));
    }
    process.stdout.write(`${table(results)}\n\n${verdicts(results)}\n`);
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

/**
 * extract-once.ts bundled as the ingest Lambda is (infra/project-function.ts): the handler's bundle,
 * the page reader's beside it and PDFium's WebAssembly module, so that a fresh process starts what
 * Lambda starts, not TypeScript compiled on the fly in every thread.
 */
async function bundleLikeLambda(directory: string): Promise<string> {
  const options: BuildOptions = {
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    mainFields: ['module', 'main'],
    minify: true,
    logLevel: 'warning',
    banner: { js: BUNDLE_BANNER },
  };
  const once = path.join(directory, 'extract-once.mjs');
  await build({ ...options, entryPoints: [CHILD], outfile: once });
  await build({ ...options, entryPoints: [path.join(PROJECT_ROOT, PDF_PAGE_READER.source)], outfile: path.join(directory, PDF_PAGE_READER.bundled) });
  await copyFile(path.join(PROJECT_ROOT, PDFIUM_WASM.source), path.join(directory, PDFIUM_WASM.bundled));
  return once;
}

async function measure(
  pages: number,
  file: string,
  bytes: Uint8Array,
  tools: { pdftotext: boolean; time: boolean; directory: string; once: string },
): Promise<Figures> {
  let recommendations = 0;
  const readMs = await median(async () => {
    await documentText(bytes);
  });
  const oursMs = await median(async () => {
    recommendations = (await extractDocument(bytes)).recommendations.length;
  });
  const text = await documentText(bytes);
  const parseMs = await median(async () => {
    extractFromText(text);
  });
  const once = child(tools.once, file);
  const baseline = child(tools.once, file, '--baseline');
  const out = path.join(tools.directory, `report-${pages}.txt`);
  return {
    pages,
    bytes: bytes.length,
    recommendations,
    readMs,
    readFirstMs: once.readMilliseconds,
    oursMs,
    oursFirstMs: once.milliseconds,
    parseMs,
    oursPeakBytes: once.maxRssBytes,
    baselineBytes: baseline.maxRssBytes,
    pdftotextMs: tools.pdftotext ? await median(async () => run('pdftotext', [file, out])) : null,
    ...(tools.pdftotext && tools.time ? timed('pdftotext', [file, out]) : { pdftotextPeakBytes: null, pdftotextCpuMs: null }),
    readFirstCpuMs: once.readCpuMilliseconds,
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

interface OnceFigures {
  milliseconds: number;
  readMilliseconds: number;
  readCpuMilliseconds: number;
  maxRssBytes: number;
}

function child(once: string, file: string, mode?: string): OnceFigures {
  const result = spawnSync(process.execPath, [once, file, ...(mode ? [mode] : [])], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`extract-once failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as OnceFigures;
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr}`);
}

/** GNU time's %M is the child's maximum resident set size in kilobytes; %U and %S its processor seconds. */
function timed(command: string, args: string[]): { pdftotextPeakBytes: number; pdftotextCpuMs: number } {
  const result = spawnSync(TIME, ['-f', '%M %U %S', command, ...args], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr}`);
  const [kilobytes, user, system] = result.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
  return { pdftotextPeakBytes: kilobytes! * 1024, pdftotextCpuMs: (user! + system!) * 1000 };
}

function commandExists(command: string): boolean {
  return spawnSync(command, ['-v'], { encoding: 'utf8' }).error === undefined;
}

function table(results: Figures[]): string {
  const ms = (value: number | null) => (value === null ? 'n/a' : `${value.toFixed(0)} ms`);
  const mb = (value: number | null) => (value === null ? 'n/a' : `${(value / MB).toFixed(0)} MB`);
  const kb = (value: number) => `${(value / 1024).toFixed(0)} KB`;
  const rows = [
    [
      'pages',
      'PDF size',
      'recs',
      'pdftotext',
      'reading: first document',
      'reading: warm',
      'with parsing: first',
      'with parsing: warm',
      'CPU: first reading',
      'CPU: pdftotext',
      'ours: peak RSS',
      '(of which baseline)',
      'pdftotext: peak RSS',
    ],
    ...results.map((each) => [
      String(each.pages),
      kb(each.bytes),
      String(each.recommendations),
      ms(each.pdftotextMs),
      `${ms(each.readFirstMs)} (${ratio(each.readFirstMs, each.pdftotextMs)})`,
      `${ms(each.readMs)} (${ratio(each.readMs, each.pdftotextMs)})`,
      `${ms(each.oursFirstMs)} (${ratio(each.oursFirstMs, each.pdftotextMs)})`,
      `${ms(each.oursMs)} (${ratio(each.oursMs, each.pdftotextMs)})`,
      `${ms(each.readFirstCpuMs)} (${ratio(each.readFirstCpuMs, each.pdftotextCpuMs)})`,
      ms(each.pdftotextCpuMs),
      mb(each.oursPeakBytes),
      mb(each.baselineBytes),
      mb(each.pdftotextPeakBytes),
    ]),
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const line = (row: string[]) => `| ${row.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  return [line(rows[0]!), line(widths.map((width) => '-'.repeat(width))), ...rows.slice(1).map(line)].join('\n');
}

function ratio(ours: number, theirs: number | null): string {
  return theirs === null ? 'n/a' : `${(ours / theirs).toFixed(2)}×`;
}

/** A time target: ours within `times` pdftotext's on the same file. */
function timeTarget(ours: number, pdftotext: number | null, times: number): string {
  if (pdftotext === null) return 'n/a (no pdftotext to compare with)';
  return `${ours <= times * pdftotext ? 'MET' : 'MISSED'} (${ratio(ours, pdftotext)})`;
}

function verdicts(results: Figures[]): string {
  const hundred = results.find((each) => each.pages === 100)!;
  const threeHundred = results.find((each) => each.pages === 300)!;
  return [
    `Target: reading the 100-page file, the first document in a fresh process within 2× pdftotext: ${timeTarget(hundred.readFirstMs, hundred.pdftotextMs, 2)}`,
    `Target: reading the 100-page file in a warm process within 1.2× pdftotext: ${timeTarget(hundred.readMs, hundred.pdftotextMs, 1.2)}`,
    `Target: peak memory at most 300 MB on the 300-page file: ${threeHundred.oursPeakBytes <= 300 * MB ? 'MET' : 'MISSED'} (${(threeHundred.oursPeakBytes / MB).toFixed(0)} MB)`,
    `Warm is the median of ${RUNS} runs after ${WARM_UP_RUNS} to warm up; pdftotext runs as a command, start-up included, in the same run.`,
    "The first document is timed in a fresh process running the bundle as Lambda does, from the bytes to the text (reading) or the result (with parsing): starting the page readers and PDFium's WebAssembly included.",
    'Parsing is what the rules add after the text is read: recommendations, dates, forces, counts and the s55 rules.',
    "CPU is processor time, every thread's, from the first document's bytes to its text, and pdftotext's (GNU time's %U + %S, at 10 ms resolution): steadier than wall time on a shared machine.",
    'Peak RSS is measured in that fresh process per file; the baseline is the same process with the modules and file loaded but nothing extracted.',
  ].join('\n');
}

await main();
