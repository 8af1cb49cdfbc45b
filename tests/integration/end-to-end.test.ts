import { readFile } from 'node:fs/promises';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { ReportsTable } from '../../functions/commons/reports-table';
import { PUBLISHED_ON_METADATA } from '../../functions/commons/wiring';
import { LOCAL_NAMES, scheduledScanEvent, useLocalEnvironment } from '../../infra/local/local-stack';
import { clearOutbox, readOutbox } from '../../infra/local/outbox';
import { corpusFile } from '../support/corpus';
import { forceReportText } from '../support/documents';
import { TEST_CONFIGURATION } from '../support/test-configuration';

/**
 * The whole path as a person uses it: a file put into the uploads bucket reaches the ingest handler
 * through the stack's S3 event wiring; scans on chosen days put exactly the expected emails in the inbox.
 */
const { ports, inboxUrl } = inject('localStack');
let reports: ReportsTable;
let s3: S3Client;
let scan: typeof import('../../functions/deadline-scan/handler');

beforeAll(async () => {
  useLocalEnvironment(ports, TEST_CONFIGURATION);
  reports = new ReportsTable(new DynamoDBClient({}), LOCAL_NAMES.tableName);
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
    const upload = await reports.getUpload(LOCAL_NAMES.uploadsBucketName, key, ETag!.replace(/"/g, ''));
    if (upload) return (await reports.getReport(upload.reportId))!;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`${key} was not ingested within 20 s`);
}

async function scanOn(moment: string): Promise<Array<[string, string]>> {
  const result = await scan.handler(scheduledScanEvent(new Date(moment)));
  return result.sent.map((reminder) => [reminder.bodyId, reminder.stage]);
}

describe('upload a report, receive the reminder emails', () => {
  it('ingests the Cumbria response and a Surrey report, survives bad uploads, and reminds each body on the right days', async () => {
    const cumbriaText = await readFile(corpusFile('cumbria-pcc-response-finding-time-for-crime.txt'));
    const cumbria = await uploadAndWait('Cumbria response.txt', cumbriaText, '2024-03-07');
    expect(cumbria).toMatchObject({ status: 'ingested', publishedOn: '2024-03-07', responseDueOn: '2024-05-01', forces: ['Cumbria Constabulary'] });
    expect(cumbria.recommendations.map((recommendation) => [recommendation.ref, recommendation.targetDate])).toEqual([
      ['#23432', '2023-03-31'],
      ['#23475', '2023-03-31'],
    ]);

    expect(await uploadAndWait('empty.pdf', '')).toMatchObject({ status: 'failed', failure: { code: 'empty' } });
    expect(await uploadAndWait('broken.pdf', '%PDF-1.4\n1 0 obj << /Type /Catalog >>\ntrailer garbage')).toMatchObject({
      status: 'failed',
      failure: { code: 'corrupt' },
    });
    const surrey = await uploadAndWait('surrey.txt', forceReportText('Surrey Police', 'Custody in Surrey'), '2024-03-08');
    expect(surrey).toMatchObject({ status: 'ingested', responseDueOn: '2024-05-02' });

    expect(await scanOn('2024-04-16T06:00:00+01:00')).toEqual([]);
    expect(await scanOn('2024-04-17T09:00:00+01:00')).toEqual([['cumbria', 'due-in-14-days']]);
    expect(await scanOn('2024-04-17T09:00:00+01:00')).toEqual([]);
    expect(await scanOn('2024-04-18T06:00:00+01:00')).toEqual([['surrey', 'due-in-14-days']]);
    expect(await scanOn('2024-04-24T06:00:00+01:00')).toEqual([['cumbria', 'due-in-7-days']]);
    // No scan ran on 25 to 30 April: each body gets only its latest stage, not the ones missed.
    expect((await scanOn('2024-05-01T06:00:00+01:00')).sort()).toEqual([
      ['cumbria', 'due-today'],
      ['surrey', 'due-in-1-day'],
    ]);
    expect((await scanOn('2024-05-02T06:00:00+01:00')).sort()).toEqual([
      ['cumbria', 'overdue'],
      ['surrey', 'due-today'],
    ]);
    expect(await scanOn('2024-05-02T06:00:00+01:00')).toEqual([]);

    const outbox = await readOutbox(inboxUrl);
    const cumbriaOffice = 'governance@cumbria.test,ceo@cumbria.test';
    // What the subject opens with says the stage: "14 days left to publish…", "Overdue: response to…".
    const received = outbox.map((email) => [email.to.join(','), /^(.+?)(?: to publish|:)/.exec(email.subject)?.[1]]);
    expect(received.sort()).toEqual(
      [
        [cumbriaOffice, '14 days left'],
        ['policy@surrey.test', '14 days left'],
        [cumbriaOffice, '7 days left'],
        [cumbriaOffice, 'Today is the last day'],
        ['policy@surrey.test', '1 day left'],
        [cumbriaOffice, 'Overdue'],
        ['policy@surrey.test', 'Today is the last day'],
      ].sort(),
    );
    const first = outbox[0]!;
    expect(first.subject).toContain('Cumbria Police and Crime Commissioner (PCC) response');
    expect(first.text).toContain('#23432. By March 2023, forces should make sure their crime scene management practices');
    expect(first.text).toContain('Wednesday 1 May 2024 (14 days left)');
  });
});
