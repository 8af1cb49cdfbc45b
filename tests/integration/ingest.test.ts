import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { forceReportText, manyRecommendationsText } from '../support/documents';
import { s3PutEvent, useIsolatedServices } from '../support/local-services';

let services: Awaited<ReturnType<typeof useIsolatedServices>>;
let ingest: typeof import('../../functions/ingest/handler');

/** The metrics the handler publishes, as the lines of CloudWatch's embedded metric format it writes: kept out of the test output. */
const published: Array<Record<string, unknown>> = [];
const stdout = vi.spyOn(process.stdout, 'write');

beforeAll(async () => {
  services = await useIsolatedServices('ingest');
  process.env.POWERTOOLS_METRICS_DISABLED = 'false';
  const write = process.stdout.write.bind(process.stdout);
  stdout.mockImplementation((chunk: string | Uint8Array, encoding?: BufferEncoding, done?: (error?: Error | null) => void) => {
    if (!String(chunk).startsWith('{"_aws"')) return write(chunk, encoding, done);
    published.push(JSON.parse(String(chunk)));
    return true;
  });
  ingest = await import('../../functions/ingest/handler');
});

afterAll(() => stdout.mockRestore());

async function obligationsOf(reportId: string) {
  const due = [];
  for await (const obligation of services.reports.obligationsWithRemindersDue('2100-01-01')) {
    if (obligation.reportId === reportId) due.push(obligation);
  }
  return due;
}

describe('ingest handler on the local services', () => {
  it('stores a report with its recommendations and the body’s obligation and due date', async () => {
    const event = await services.upload('uploads/cumbria.txt', forceReportText('Cumbria Constabulary', 'Crime scenes in Cumbria'), '2024-03-07');
    const [outcome] = await ingest.handler(event);
    expect(outcome).toMatchObject({ status: 'ingested', saved: 'saved' });
    const report = await services.reports.getReport(outcome!.reportId);
    expect(report).toMatchObject({
      status: 'ingested',
      publishedOn: '2024-03-07',
      publishedOnSource: 'upload-metadata',
      responseDueOn: '2024-05-01',
      forces: ['Cumbria Constabulary'],
      source: { bucket: services.bucket, key: 'uploads/cumbria.txt' },
    });
    expect(report?.recommendations.map((recommendation) => recommendation.targetDate)).toEqual(['2025-03-31', null]);
    expect(await obligationsOf(outcome!.reportId)).toEqual([
      expect.objectContaining({
        bodyId: 'cumbria',
        dates: expect.objectContaining({ responseDueOn: '2024-05-01', chiefOfficerCommentsDueOn: '2024-04-03' }),
        nextReminderOn: '2024-03-27',
      }),
    ]);
  });

  it('stores one report when the event comes twice or the file comes again under another name', async () => {
    const text = forceReportText('Surrey Police', 'Custody in Surrey');
    const event = await services.upload('uploads/surrey.txt', text, '2024-06-03');
    const [first] = await ingest.handler(event);
    const [again] = await ingest.handler(event);
    const [renamed] = await ingest.handler(await services.upload('uploads/copy of surrey.txt', text));
    expect(first).toMatchObject({ saved: 'saved', status: 'ingested' });
    expect(again).toMatchObject({ reportId: first!.reportId, saved: 'duplicate', status: 'ingested' });
    expect(renamed).toMatchObject({ reportId: first!.reportId, saved: 'duplicate', status: 'ingested' });
    expect(await obligationsOf(first!.reportId)).toHaveLength(1);
    expect(await services.uploadRecord('uploads/copy of surrey.txt')).toMatchObject({ reportId: first!.reportId, saved: 'duplicate' });
  });

  it('waits for a publication date when neither the upload nor the document gives one', async () => {
    const [outcome] = await ingest.handler(await services.upload('uploads/undated.txt', forceReportText('Cumbria Constabulary', 'An undated report')));
    expect(outcome).toMatchObject({ status: 'awaiting-publication-date' });
    expect(await services.reports.getReport(outcome!.reportId)).toMatchObject({ responseDueOn: null });
    expect(await obligationsOf(outcome!.reportId)).toEqual([]);
  });

  it('records unreadable uploads as failed with a reason, keeps them, goes on to the next, and ends normally', async () => {
    const empty = await services.upload('uploads/empty.pdf', '');
    const corrupt = await services.upload('uploads/corrupt.pdf', '%PDF-1.7\n\x00\x01garbage that is not a PDF');
    const badDate = await services.upload('uploads/bad-date.txt', forceReportText('Cumbria Constabulary', 'Bad date'), '07/03/2024');
    const good = await services.upload('uploads/good.txt', forceReportText('Cumbria Constabulary', 'After the failures'), '2024-09-02');
    const outcomes = await ingest.handler({ Records: [...empty.Records, ...corrupt.Records, ...badDate.Records, ...good.Records] });

    expect(outcomes.map((outcome) => outcome.failure?.code ?? null)).toEqual(['empty', 'corrupt', 'invalid-published-on', null]);
    for (const [key, code] of [
      ['uploads/empty.pdf', 'empty'],
      ['uploads/corrupt.pdf', 'corrupt'],
      ['uploads/bad-date.txt', 'invalid-published-on'],
    ] as const) {
      const report = await services.reportOf(key);
      expect(report).toMatchObject({ status: 'failed', failure: { code }, source: { key } });
      expect(report?.failure?.message.length).toBeGreaterThan(20);
      expect(await services.uploadRecord(key)).toMatchObject({ failure: { code } });
    }
    expect(await services.reportOf('uploads/good.txt')).toMatchObject({ status: 'ingested', responseDueOn: '2024-10-27' });
    expect(published.at(-1)).toMatchObject({ UploadsFailed: 3 });
  });

  it('fails the invocation, for Lambda to retry, only for an upload it could not record, after trying the others', async () => {
    const missing = s3PutEvent(services.bucket, 'uploads/never-put.txt', 'not-an-etag', 10);
    const good = await services.upload('uploads/after-missing.txt', forceReportText('Cumbria Constabulary', 'After the missing one'), '2024-09-03');
    const failure = await ingest.handler({ Records: [...missing.Records, ...good.Records] }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(ingest.IngestFailedError);
    expect((failure as InstanceType<typeof ingest.IngestFailedError>).failures.map((each) => each.key)).toEqual(['uploads/never-put.txt']);
    expect(await services.reports.getUpload(services.bucket, 'uploads/never-put.txt', 'not-an-etag')).toBeNull();
    expect(await services.reportOf('uploads/after-missing.txt')).toMatchObject({ status: 'ingested' });
    expect(published.at(-1)).toMatchObject({ UploadsFailed: 0 });
  });

  it('records a report too large to store as failed, with its reason and its upload, and goes on to the next upload', async () => {
    const text = manyRecommendationsText('Cumbria Constabulary', 'A register of everything', 998);
    expect(new TextEncoder().encode(text).length).toBeGreaterThan(500 * 1024);
    const register = await services.upload('uploads/register.txt', text, '2024-09-02');
    const next = await services.upload('uploads/after-register.txt', forceReportText('Cumbria Constabulary', 'After the register'), '2024-09-02');
    const [tooLarge, after] = await ingest.handler({ Records: [...register.Records, ...next.Records] });

    const reason = {
      code: 'too-large',
      message: expect.stringMatching(/^The report has 1000 recommendations, more than FiftySix can store in one record \(it would take \d+ KB/),
    };
    expect(tooLarge).toMatchObject({ status: 'failed', failure: reason });
    expect(await services.reportOf('uploads/register.txt')).toMatchObject({ status: 'failed', failure: reason, source: { key: 'uploads/register.txt' } });
    expect(await services.uploadRecord('uploads/register.txt')).toMatchObject({ reportId: tooLarge!.reportId, failure: reason });
    expect(after).toMatchObject({ status: 'ingested', failure: null });
  });

  it('stores a report of 600 long recommendations, inside what one record holds', async () => {
    const [outcome] = await ingest.handler(
      await services.upload('uploads/long.txt', manyRecommendationsText('Cumbria Constabulary', 'A long report', 598), '2024-09-02'),
    );
    expect(outcome).toMatchObject({ status: 'ingested', failure: null });
    expect((await services.reports.getReport(outcome!.reportId))?.recommendations).toHaveLength(600);
  });

  it('records what the office has done when the report is uploaded again with it in the metadata', async () => {
    const text = forceReportText('Cumbria Constabulary', 'Progress in Cumbria');
    const [first] = await ingest.handler(await services.upload('uploads/progress.txt', text, '2024-03-07'));
    await ingest.handler(
      await services.upload('uploads/progress.txt', text, {
        body: 'cumbria',
        'chief-officer-comments-received-on': '2024-03-29',
        explained: '1, 2',
      }),
    );
    const [obligation] = await services.reports.getObligations(first!.reportId);
    expect(obligation?.progress).toMatchObject({
      chiefOfficerCommentsReceivedOn: '2024-03-29',
      responsePublishedOn: null,
      explainedRecommendations: ['1', '2'],
    });
    const history = await services.reports.historyOf(first!.reportId);
    expect(history.map((event) => [event.action, event.actor])).toEqual([
      ['report.read', 'upload'],
      ['progress.recorded', 'upload'],
    ]);

    const [wrongBody] = await ingest.handler(await services.upload('uploads/progress.txt', text, { body: 'gotham', 'response-published-on': '2024-04-30' }));
    const reason = {
      code: 'invalid-progress',
      message: expect.stringContaining(`"gotham" does not owe report ${first!.reportId} a response; it is owed by: cumbria`),
    };
    expect(wrongBody).toMatchObject({ reportId: first!.reportId, status: 'ingested', failure: reason });
    expect(await services.uploadRecord('uploads/progress.txt')).toMatchObject({ reportId: first!.reportId, failure: reason });
    expect((await services.reports.getObligations(first!.reportId))[0]?.progress.responsePublishedOn).toBeNull();
  });

  it('refuses a publication date it cannot plan from, recording the upload as failed', async () => {
    const [outcome] = await ingest.handler(await services.upload('uploads/typo.txt', forceReportText('Cumbria Constabulary', 'A typo'), '0224-03-07'));
    expect(outcome).toMatchObject({
      status: 'failed',
      failure: { code: 'invalid-published-on', message: expect.stringContaining('"0224-03-07" is not a date from 2000-01-01') },
    });
    expect(await services.reportOf('uploads/typo.txt')).toMatchObject({ status: 'failed', failure: { code: 'invalid-published-on' } });
  });

  it('starts tracking a document it did not recognise once a person uploads it with its publication date', async () => {
    const text = 'Notes from a meeting\nSome text about nothing in particular.\n\nRecommendation 1\nThe force should meet again.';
    const [unrecognised] = await ingest.handler(await services.upload('uploads/notes.txt', text));
    expect(unrecognised).toMatchObject({ status: 'no-duty' });
    const [dated] = await ingest.handler(await services.upload('uploads/notes.txt', text, '2024-03-07'));
    expect(dated).toMatchObject({ reportId: unrecognised!.reportId, status: 'ingested', saved: 'saved' });
    expect((await services.reports.getObligations(dated!.reportId)).map((obligation) => obligation.bodyId).sort()).toEqual(['cumbria', 'surrey']);
  });

  it('refuses an event that is not an S3 event', async () => {
    await expect(ingest.handler({ detail: {} })).rejects.toThrow(/Records/);
  });
});
