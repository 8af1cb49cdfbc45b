import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { freePort } from '../../infra/local/emulators';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
/** By path, so a script run from another working directory still finds the project's tsx. */
const TSX_LOADER = pathToFileURL(resolve(REPO_ROOT, 'node_modules/tsx/dist/loader.mjs')).href;

/** Runs one of the project's TypeScript entry points the way its npm script does, with tsx. */
export function startScript(script: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): ChildProcess {
  return spawn(process.execPath, ['--import', TSX_LOADER, resolve(REPO_ROOT, script), ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    // A variable given as undefined is removed, so a test can run a script without one the test run set.
    env: Object.fromEntries(Object.entries({ ...process.env, ...options.env }).filter(([, value]) => value !== undefined)),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export interface ScriptResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runScript(script: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<ScriptResult> {
  const child = startScript(script, args, options);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((done) => child.once('close', (code) => done({ code, stdout, stderr })));
}

/** The variables that give `npm start` a free port for each emulator and the page, so a test's stack clashes with nothing running. */
export async function freeStackPorts() {
  return {
    FIFTYSIX_DYNAMODB_PORT: String(await freePort()),
    FIFTYSIX_S3_PORT: String(await freePort()),
    FIFTYSIX_SES_PORT: String(await freePort()),
    FIFTYSIX_COGNITO_PORT: String(await freePort()),
    FIFTYSIX_APP_PORT: String(await freePort()),
  };
}
