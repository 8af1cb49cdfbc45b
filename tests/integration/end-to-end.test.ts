import { readFile } from 'node:fs/promises';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { recordProgress } from '../../functions/commons/report-changes';
import { PUBLISHED_ON_METADATA } from '../../functions/commons/wiring';
import { LOCAL_NAMES, localAdapters, scheduledScanEvent, useLocalEnvironment } from '../../infra/local/local-stack';
import { clearOutbox, readOutbox } from '../../infra/local/outbox';
import { addDays } from '../../shared/calendar-date';
import { corpusFile } from '../support/corpus';
import { forceReportText } from '../support/documents';
import { TEST_CONFIGURATION } from '../support/test-configuration';

/**
 * The whole path as a person uses it: a file put into the uploads bucket reaches the ingest handler
 * through the stack's S3 event wiring; scans on chosen days put exactly the expected emails in the inbox.
 * The reports are dated 2030, after the uploads happen, so that none is read as historical.
 */
const stack = inject('localStack');
const { inboxUrl } = stack;
let adapters: ReturnType<typeof localAdapters>;
let s3: S3Client;
let scan: typeof import('../../functions/deadline-scan/handler');
const CLI = { actor: 'cli', bodyIds: [], admin: true };

beforeAll(async () => {
  useLocalEnvironment(stack, TEST_CONFIGURATION);
  adapters = localAdapters();
  s3 = new S3Client({});
  scan = await import('../../functions/deadline-scan/handler');
  await clearOutbox(inboxUrl);
});

async function uploadAndWait(name: string, body: Uint8Array | string, publishedOn?: string) {
  const key = `uploads/${name}`;
  const { ETag } = await s3.send(
    new PutObjectCommand({
      Bucket: LOCAL_NAMES.uploadsBucketName,
      Key: key,
      Body: body,
      Metadata: publishedOn ? { [PUBLISHED_ON_METADATA]: publishedOn } : undefined,
    }),
  );
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const upload = await adapters.reports.getUpload(LOCAL_NAMES.uploadsBucketName, key, ETag!.replace(/"/g, ''));
    if (upload) return (await adapters.reports.getReport(upload.reportId))!;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`${key} was not ingested within 20 s`);
}

/** This test's reports: the shared table also holds other files' reports, whose reminders a scan sends too. */
const ours = new Set<string>();

async function scanOn(moment: string): Promise<string[]> {
  const result = await scan.handler(scheduledScanEvent(new Date(moment)));
  return result.sent
    .filter((reminder) => ours.has(reminder.reportId))
    .map((reminder) => `${reminder.bodyId} ${reminder.dateKind} ${reminder.stage}`)
    .sort();
}

describe('upload a report, receive the reminder emails', () => {
  it('ingests the Cumbria response and a Surrey report, survives bad uploads, and reminds each office on the right days', async () => {
    const cumbriaText = await readFile(corpusFile('cumbria-pcc-response-finding-time-for-crime.txt'));
    const cumbria = await uploadAndWait('Cumbria response.txt', cumbriaText, '2030-03-07');
    expect(cumbria).toMatchObject({ status: 'ingested', publishedOn: '2030-03-07', responseDueOn: '2030-05-01', forces: ['Cumbria Constabulary'] });
    expect(cumbria.recommendations.map((recommendation) => [recommendation.ref, recommendation.targetDate])).toEqual([
      ['#23432', '2023-03-31'],
      ['#23475', '2023-03-31'],
    ]);

    expect(await uploadAndWait('empty.pdf', '')).toMatchObject({ status: 'failed', failure: { code: 'empty' } });
    expect(await uploadAndWait('broken.pdf', '%PDF-1.4\n1 0 obj << /Type /Catalog >>\ntrailer garbage')).toMatchObject({
      status: 'failed',
      failure: { code: 'corrupt' },
    });
    const surrey = await uploadAndWait('surrey.txt', forceReportText('Surrey Police', 'Custody in Surrey'), '2030-03-08');
    ours.add(cumbria.id).add(surrey.id);
    expect(surrey).toMatchObject({ status: 'ingested', responseDueOn: '2030-05-02' });

    // What the offices do along the way: each event is recorded before that morning's scan.
    const on = (day: string) => ({ ...adapters, now: () => new Date(`${day}T05:00:00Z`) });
    const events: Record<string, () => Promise<unknown>> = {
      '2030-04-01': () => recordProgress(on('2030-04-01'), CLI, cumbria.id, 'cumbria', [{ action: 'chief-officer-comments-received', on: '2030-03-29' }]),
      '2030-04-15': () => recordProgress(on('2030-04-15'), CLI, surrey.id, 'surrey', [{ action: 'chief-officer-comments-received', on: '2030-04-15' }]),
      '2030-05-07': () => recordProgress(on('2030-05-07'), CLI, surrey.id, 'surrey', [{ action: 'response-published', on: '2030-05-07' }]),
    };
    const sent: string[] = [];
    for (let day = '2030-03-08'; day <= '2030-05-20'; day = addDays(day, 1)) {
      await events[day]?.();
      sent.push(...(await scanOn(`${day}T06:00:00+01:00`)).map((reminder) => `${day} ${reminder}`));
    }
    expect(sent).toEqual([
      '2030-03-27 cumbria chief-officer-comments due-in-7-days',
      '2030-03-28 surrey chief-officer-comments due-in-7-days',
      '2030-04-03 surrey chief-officer-comments due-in-1-day',
      '2030-04-04 surrey chief-officer-comments due-today',
      '2030-04-05 surrey chief-officer-comments overdue-1-day',
      '2030-04-12 surrey chief-officer-comments overdue-8-days',
      '2030-04-17 cumbria response-due due-in-14-days',
      '2030-04-18 surrey response-due due-in-14-days',
      '2030-04-24 cumbria response-due due-in-7-days',
      '2030-04-25 surrey response-due due-in-7-days',
      '2030-04-30 cumbria response-due due-in-1-day',
      '2030-05-01 cumbria response-due due-today',
      '2030-05-01 surrey response-due due-in-1-day',
      '2030-05-02 cumbria response-due overdue-1-day',
      '2030-05-02 surrey response-due due-today',
      '2030-05-03 surrey response-due overdue-1-day',
      '2030-05-09 cumbria response-due overdue-8-days',
      '2030-05-16 cumbria response-due overdue-15-days',
    ]);
    // The schedule, or a person, running a scan again sends nothing more.
    expect(await scanOn('2030-04-17T09:00:00+01:00')).toEqual([]);
    expect(await scanOn('2030-05-16T09:00:00+01:00')).toEqual([]);

    const outbox = (await readOutbox(inboxUrl)).filter((email) => [...ours].some((reportId) => email.text.includes(`report ${reportId}`)));
    const cumbriaOffice = 'governance@cumbria.test,ceo@cumbria.test';
    expect(outbox).toHaveLength(sent.length);
    expect(outbox.filter((email) => email.to.join(',') === cumbriaOffice)).toHaveLength(8);
    expect(outbox.filter((email) => email.to.join(',') === 'policy@surrey.test')).toHaveLength(10);
    const fourteenDays = outbox.find((email) => email.to.join(',') === cumbriaOffice && email.subject.startsWith('14 days left'))!;
    expect(fourteenDays.subject).toContain('Cumbria Police and Crime Commissioner (PCC) response');
    expect(fourteenDays.text).toContain('#23432. By March 2023, forces should make sure their crime scene management practices');
    expect(fourteenDays.text).toContain('Wednesday 1 May 2030 (14 days left)');
    expect(fourteenDays.text).toContain(`${stack.appUrl}/reports/${cumbria.id}`);
    expect(fourteenDays.text).not.toContain('chief officer’s comments, asked for');
  });
});
