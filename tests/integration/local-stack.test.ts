import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { addDays, daysBetween, formatLongDate, londonDateAt } from '../../shared/calendar-date';
import { isWorkingDay } from '../../shared/working-days';
import { corpusFile } from '../support/corpus';
import { freeStackPorts, REPO_ROOT, runScript, startScript } from '../support/run-script';

const START = 'infra/local/start.ts';
const CLI = 'infra/local/cli.ts';

/** A folder of its own for each run: the stack keeps its data and its stack file under the working directory. */
function workingDirectory(): string {
  return mkdtempSync(join(tmpdir(), 'fiftysix-'));
}

describe('npm start', () => {
  it('brings the whole pipeline up, serves the API and the CLI, and stops cleanly on Ctrl-C', async () => {
    const cwd = workingDirectory();
    const env = {
      FIFTYSIX_CONFIG: resolve(REPO_ROOT, 'fiftysix.config.json'),
      ...(await freeStackPorts()),
      // As a person runs it: with the handlers' routine logging on, stdout must still be only JSON.
      POWERTOOLS_LOG_LEVEL: undefined,
    };
    const stack = startScript(START, [], { cwd, env });
    let output = '';
    stack.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    stack.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await expect.poll(() => output, { timeout: 45_000, interval: 200 }).toContain('FiftySix is running locally');
    const appUrl = `http://127.0.0.1:${env.FIFTYSIX_APP_PORT}`;
    expect(output).toContain(`Inbox (every reminder sent):  http://127.0.0.1:${env.FIFTYSIX_SES_PORT}/`);
    expect(output).toContain(`API:                          ${appUrl}/api`);
    expect(output).toContain('3 bodies (3 added), 4 users (4 added)');
    expect(output).toContain('with the password FiftySix-local-1');

    // A report published days ago, so that what the office did today is after it, whose 14-day reminder falls on a working day.
    const today = londonDateAt(new Date());
    let published = addDays(today, -10);
    while (!isWorkingDay(addDays(published, 41))) published = addDays(published, -1);
    const lastDay = addDays(published, 55);
    try {
      // The office's page, on the API's origin, with the headers CloudFront adds in AWS.
      const pageAnswer = await fetch(`${appUrl}/reports/anything`);
      expect(pageAnswer.status).toBe(200);
      expect(await pageAnswer.text()).toMatch(/<script type="module" src="\/assets\/app-[0-9a-f]{12}\.js">/);
      expect(pageAnswer.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(pageAnswer.headers.get('content-security-policy')).not.toContain('unsafe-inline');
      const described = JSON.parse((await runScript(CLI, ['stack'], { cwd, env })).stdout);
      expect(described).toMatchObject({ appUrl, apiUrl: `${appUrl}/api`, inboxUrl: `http://127.0.0.1:${env.FIFTYSIX_SES_PORT}/` });
      const users = JSON.parse((await runScript(CLI, ['users'], { cwd, env })).stdout);
      expect(users).toContainEqual({ email: 'governance@cumbria-pfcc.example.org', bodyIds: ['cumbria'], admin: false });
      expect(users).toContainEqual({ email: 'administrator@fiftysix.example.org', bodyIds: [], admin: true });

      const reportFile = join(cwd, 'report.txt');
      writeFileSync(
        reportFile,
        'PEEL spotlight: crime scenes in Cumbria Constabulary\nAn HMICFRS inspection.\n\nRecommendation 1\nBy March 2030, the force should review its crime scene management.\n',
      );
      const ingested = await runScript(CLI, ['ingest', reportFile, '--published', published], { cwd, env });
      expect(ingested.stderr).toBe('');
      expect(JSON.parse(ingested.stdout)).toMatchObject({
        status: 'ingested',
        publishedOn: published,
        responseDueOn: lastDay,
        obligations: [{ bodyId: 'cumbria', responseDueOn: lastDay, daysLeft: daysBetween(today, lastDay), state: 'open' }],
      });
      const report = JSON.parse(ingested.stdout) as { id: string };

      // Signed in as the Cumbria office through the API the page uses, the report is in its list.
      const { idToken } = JSON.parse((await runScript(CLI, ['token', 'governance@cumbria-pfcc.example.org'], { cwd, env })).stdout);
      const listed = await fetch(`${appUrl}/api/obligations`, { headers: { authorization: `Bearer ${idToken}` } });
      expect(listed.status).toBe(200);
      expect(await listed.json()).toEqual([expect.objectContaining({ reportId: report.id, bodyId: 'cumbria', responseDueOn: lastDay })]);
      expect((await fetch(`${appUrl}/api/obligations`)).status).toBe(401);
      const everything = JSON.parse((await runScript(CLI, ['obligations', '--body', 'cumbria'], { cwd, env })).stdout);
      expect(everything).toEqual([expect.objectContaining({ reportId: report.id, responseDueOn: lastDay })]);

      const progress = await runScript(CLI, ['progress', report.id, '--body', 'cumbria', '--comments-received', today], { cwd, env });
      expect(JSON.parse(progress.stdout)).toMatchObject({ progress: { chiefOfficerCommentsReceivedOn: today } });

      const fourteenDays = `${addDays(lastDay, -14)}T12:00:00Z`;
      const first = await runScript(CLI, ['scan', '--at', fourteenDays], { cwd, env });
      expect(JSON.parse(first.stdout)).toEqual([
        expect.objectContaining({
          bodyId: 'cumbria',
          dateKind: 'response-due',
          stage: 'due-in-14-days',
          recipients: ['governance@cumbria-pfcc.example.org', 'chief.executive@cumbria-pfcc.example.org'],
        }),
      ]);
      const repeated = await runScript(CLI, ['scan', '--at', fourteenDays], { cwd, env });
      expect(JSON.parse(repeated.stdout)).toEqual([]);

      const outbox = JSON.parse((await runScript(CLI, ['outbox'], { cwd, env })).stdout) as Array<{ to: string[]; subject: string; text: string }>;
      expect(outbox).toHaveLength(1);
      expect(outbox[0]!.to).toEqual(['governance@cumbria-pfcc.example.org', 'chief.executive@cumbria-pfcc.example.org']);
      expect(outbox[0]!.text).toContain(`${formatLongDate(lastDay)} (14 days left)`);
      expect(outbox[0]!.text).toContain(`${appUrl}/reports/${report.id}`);

      const confirmed = await runScript(CLI, ['confirm', report.id, '--published', addDays(published, 7)], { cwd, env });
      expect(JSON.parse(confirmed.stdout)).toMatchObject({ publishedOn: addDays(published, 7), responseDueOn: addDays(lastDay, 7) });
      // The same file under the same name again: the CLI waits for this upload's outcome, not the last one's.
      const again = await runScript(CLI, ['ingest', reportFile, '--published', addDays(published, 14)], { cwd, env });
      expect(JSON.parse(again.stdout)).toMatchObject({
        publishedOn: addDays(published, 14),
        responseDueOn: addDays(lastDay, 14),
        upload: { outcome: 'corrected' },
      });

      const empty = join(cwd, 'empty.pdf');
      writeFileSync(empty, '');
      const failed = await runScript(CLI, ['ingest', empty], { cwd, env });
      expect(failed.code).toBe(1);
      expect(JSON.parse(failed.stdout)).toMatchObject({ status: 'failed', failure: { code: 'empty' } });
      expect(failed.stderr).toMatch(/could not be ingested: .+/);

      // What the alarms would raise in AWS: printed at start, and listed on demand.
      expect(output).toContain('What the alarms would raise in AWS:');
      expect(output).toContain('No deadline scan has finished today');
      const alerts = await runScript(CLI, ['alerts'], { cwd, env });
      expect(JSON.parse(alerts.stdout)).toMatchObject({
        scanCompletedToday: false,
        failedUploads: [expect.objectContaining({ key: 'uploads/empty.pdf', code: 'empty' })],
        unsettledReminders: [],
        bodiesWithoutRecipients: [],
      });
      expect(alerts.stderr).toContain('Upload uploads/empty.pdf could not be read (empty)');
    } finally {
      stack.kill('SIGINT');
    }
    const code = await new Promise((done) => stack.once('close', done));
    expect(code).toBe(0);
    expect(output).toContain('Stopped. Data kept for next time.');
  });

  it('says which port is taken', async () => {
    const { ports } = inject('localStack');
    const result = await runScript(START, [], {
      cwd: workingDirectory(),
      env: { FIFTYSIX_DYNAMODB_PORT: String(ports.dynamodb), FIFTYSIX_CONFIG: resolve(REPO_ROOT, 'fiftysix.config.json') },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`Port ${ports.dynamodb} for DynamoDB Local is already taken`);
  });

  it('says Java is needed when there is none', async () => {
    const bin = workingDirectory();
    symlinkSync(process.execPath, join(bin, 'node'));
    const result = await runScript(START, [], { cwd: workingDirectory(), env: { PATH: bin, FIFTYSIX_CONFIG: resolve(REPO_ROOT, 'fiftysix.config.json') } });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Java is needed to run AWS’s DynamoDB Local');
  });

  it('says what to fix in a bad configuration', async () => {
    const cwd = workingDirectory();
    writeFileSync(join(cwd, 'fiftysix.config.json'), JSON.stringify({ senderAddress: 'nobody', localPolicingBodies: [] }));
    const result = await runScript(START, [], { cwd });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('senderAddress: must be an email address');
    expect(result.stderr).toContain('localPolicingBodies: must list at least one local policing body');
  });
});

describe('the CLI', () => {
  it('extract prints what the Cumbria response holds, storing nothing and needing no stack', async () => {
    const result = await runScript(CLI, ['extract', corpusFile('cumbria-pcc-response-finding-time-for-crime.txt')], { cwd: workingDirectory() });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      kind: 'pcc-response',
      forces: ['Cumbria Constabulary'],
      recommendations: [
        { ref: '#23432', targetDate: '2023-03-31' },
        { ref: '#23475', targetDate: '2023-03-31' },
      ],
    });
  });

  it('extract --explain prints, for each finding, the rule that read it and the text it read', async () => {
    const result = await runScript(CLI, ['extract', corpusFile('cumbria-pcc-response-finding-time-for-crime.txt'), '--explain'], { cwd: workingDirectory() });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('recommendation #23432: rule labelled-recommendation\n  read: 1. #23432 – By March 2023, forces should make sure');
    expect(result.stdout).toContain('recommendation #23475: rule labelled-recommendation\n');
  });

  it('tells a person the local stack is not running, and how to start it', async () => {
    const result = await runScript(CLI, ['scan', '--at', '2024-04-17T09:00:00+01:00'], { cwd: workingDirectory() });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('The local stack is not running: start it with "npm start"');
  });

  it('due prints every date and reminder for a publication date, storing nothing and needing no stack', async () => {
    const result = await runScript(CLI, ['due', '--published', '2024-03-07', '--body', 'cumbria'], {
      cwd: workingDirectory(),
      env: { FIFTYSIX_CONFIG: resolve(REPO_ROOT, 'fiftysix.config.json') },
    });
    expect(result.code).toBe(0);
    const due = JSON.parse(result.stdout) as { reminders: Array<{ dateKind: string; stage: string; sendOn: string }> };
    expect(due).toMatchObject({ publishedOn: '2024-03-07', responseDueOn: '2024-05-01', chiefOfficerCommentsDueOn: '2024-04-03' });
    expect(due.reminders).toContainEqual(expect.objectContaining({ dateKind: 'response-due', stage: 'due-in-14-days', sendOn: '2024-04-17' }));
    expect(due.reminders).toContainEqual(expect.objectContaining({ dateKind: 'chief-officer-comments', stage: 'due-today', sendOn: '2024-04-03' }));

    const unknown = await runScript(CLI, ['due', '--published', '2024-03-07', '--body', 'gotham'], {
      cwd: workingDirectory(),
      env: { FIFTYSIX_CONFIG: resolve(REPO_ROOT, 'fiftysix.config.json') },
    });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--body "gotham" is not in the configuration');
  });

  it('refuses a malformed date with the usage', async () => {
    const result = await runScript(CLI, ['ingest', 'x.pdf', '--published', '07/03/2024'], { cwd: workingDirectory() });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--published "07/03/2024" is not a date');
    expect(result.stderr).toContain('Usage:');
  });
});
