// Starts the page reader from its TypeScript source (tests, the local stack, the CLI): Node 20 cannot
// load TypeScript in a worker thread, and the tsx hooks of the thread that started it do not reach here.
import { tsImport } from 'tsx/esm/api';

await tsImport('./pdf-pages-worker.ts', import.meta.url);
