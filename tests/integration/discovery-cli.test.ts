import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publisherPages, startDiscoverySite } from '../support/discovery-site';
import { freeStackPorts, REPO_ROOT, runScript, startScript } from '../support/run-script';

let site: Awaited<ReturnType<typeof startDiscoverySite>>;

beforeAll(async () => {
  site = await startDiscoverySite(await publisherPages());
});

afterAll(() => site?.close());

describe('npm run cli -- discover', () => {
  // The CLI waits a second between requests to one host, as it would on HMICFRS's site: a pass here takes some seconds.
  it('runs one pass on the local stack, printing what each source found, fetched and skipped, with reasons', { timeout: 120_000 }, async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'fiftysix-discover-'));
    const configuration = JSON.parse(readFileSync(resolve(REPO_ROOT, 'fiftysix.config.json'), 'utf8'));
    const feed = `${site.origin}/feed/`;
    configuration.discovery = { sources: [{ kind: 'feed', url: feed }], contact: 'ops@fiftysix.test' };
    writeFileSync(join(cwd, 'fiftysix.config.json'), JSON.stringify(configuration));
    const env = {
      FIFTYSIX_CONFIG: join(cwd, 'fiftysix.config.json'),
      ...(await freeStackPorts()),
    };
    const stack = startScript('infra/local/start.ts', [], { cwd, env });
    let output = '';
    stack.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    stack.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      await expect.poll(() => output, { timeout: 45_000, interval: 200 }).toContain('FiftySix is running locally');
      expect(output).toContain('Discovery:                    cron(0 7-19 ? * MON-FRI *) Europe/London, 1 sources');

      const unknown = await runScript('infra/local/cli.ts', ['discover', '--source', 'https://elsewhere.example/'], { cwd, env });
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toContain(`is not a configured source; the configuration lists: ${feed}`);

      const pass = await runScript('infra/local/cli.ts', ['discover', '--source', feed], { cwd, env });
      expect(pass.stderr).toBe('');
      const [run] = JSON.parse(pass.stdout);
      expect(run.source).toBe(feed);
      expect(run.found).toHaveLength(4);
      expect(run.fetched.map((each: { key: string; publishedOn: string }) => [each.key.split('/').at(-1), each.publishedOn])).toEqual([
        ['wp-content-uploads-cleveland-police-cause-of-concern-revisit-public-engagement-and-scrutiny.pdf', '2021-10-12'],
        ['wp-content-uploads-peel-2021-22-an-inspection-of-cleveland-police.pdf', '2022-11-04'],
      ]);
      expect(run.skipped).toEqual([
        expect.objectContaining({ title: 'Inspectorate publishes annual assessment – press release', reason: expect.stringContaining('is a press release') }),
        expect.objectContaining({ reason: expect.stringContaining('fire and rescue services only') }),
      ]);
      expect(run.errors).toEqual([]);

      // The local bucket notifies the ingest as S3 does in AWS: the letter, about Cumbria, becomes Cumbria's obligation, from the page's date.
      const cumbria = async () => JSON.parse((await runScript('infra/local/cli.ts', ['obligations', '--body', 'cumbria'], { cwd, env })).stdout);
      await expect.poll(cumbria, { timeout: 30_000, interval: 500 }).toContainEqual(expect.objectContaining({ publishedOn: '2021-10-12' }));
    } finally {
      stack.kill('SIGINT');
    }
    expect(await new Promise((done) => stack.once('close', done))).toBe(0);
  });
});
