import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LocalStackError } from './emulators';
import type { LocalStackDescription } from './local-stack';

/** Git-ignored: the local table and bucket live here between runs. */
export const LOCAL_DATA_DIRECTORY = resolve('.local-data');
const STACK_FILE = join(LOCAL_DATA_DIRECTORY, 'stack.json');

export interface RunningStackDescription extends LocalStackDescription {
  pid: number;
}

/** Written by `npm start` so the CLI can find the running stack. */
export function writeStackFile(description: RunningStackDescription): void {
  writeFileSync(STACK_FILE, `${JSON.stringify(description, null, 2)}\n`);
}

export function removeStackFile(): void {
  rmSync(STACK_FILE, { force: true });
}

export function readStackFile(): RunningStackDescription {
  let description: RunningStackDescription;
  try {
    description = JSON.parse(readFileSync(STACK_FILE, 'utf8')) as RunningStackDescription;
  } catch {
    throw new LocalStackError('The local stack is not running: start it with "npm start" in another terminal, then try again');
  }
  try {
    process.kill(description.pid, 0);
  } catch {
    throw new LocalStackError(`The local stack that wrote ${STACK_FILE} has stopped: start it again with "npm start"`);
  }
  return description;
}
