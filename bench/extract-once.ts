import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { extractFromText } from '../shared/extraction';
import { documentText } from '../shared/extraction/document-text';

/**
 * Run by the bench in a fresh process, bundled as the ingest Lambda is, so that the first document's
 * time includes starting the page readers and PDFium, and the peak resident memory it reports belongs
 * to one extraction alone. With `--baseline` it loads the same modules and the file but extracts
 * nothing: the floor the extraction's own memory sits on.
 */
const [file, mode] = process.argv.slice(2);
if (!file) throw new Error('usage: extract-once.ts <file.pdf> [--baseline]');
const bytes = new Uint8Array(await readFile(file));
const started = performance.now();
const cpuAtStart = process.cpuUsage();
const text = mode === '--baseline' ? '' : await documentText(bytes);
const read = performance.now();
// The process's, so the page readers' threads are counted with the main thread's.
const cpu = process.cpuUsage(cpuAtStart);
const recommendations = mode === '--baseline' ? 0 : extractFromText(text).recommendations.length;
const result = {
  milliseconds: performance.now() - started,
  readMilliseconds: read - started,
  readCpuMilliseconds: (cpu.user + cpu.system) / 1000,
  recommendations,
  // resourceUsage reports kilobytes on Linux.
  maxRssBytes: process.resourceUsage().maxRSS * 1024,
};
process.stdout.write(`${JSON.stringify(result)}\n`);
