import { beforeAll, describe, expect, it } from 'vitest';
import { forceReportText } from '../support/documents';
import { useIsolatedServices } from '../support/local-services';

let services: Awaited<ReturnType<typeof useIsolatedServices>>;
let ingest: typeof import('../../functions/ingest/handler');

beforeAll(async () => {
  services = await useIsolatedServices('ingest');
  ingest = await import('../../functions/ingest/handler');
});

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

  it('records unreadable uploads as failed with a reason, keeps them, and goes on to the next', async () => {
    const empty = await services.upload('uploads/empty.pdf', '');
    const corrupt = await services.upload('uploads/corrupt.pdf', '%PDF-1.7\n\x00\x01garbage that is not a PDF');
    const badDate = await services.upload('uploads/bad-date.txt', forceReportText('Cumbria Constabulary', 'Bad date'), '07/03/2024');
    const good = await services.upload('uploads/good.txt', forceReportText('Cumbria Constabulary', 'After the failures'), '2024-09-02');
    const failure = await ingest.handler({ Records: [...empty.Records, ...corrupt.Records, ...badDate.Records, ...good.Records] }).then(
      () => null,
      (error: unknown) => error,
    );

    expect(failure).toBeInstanceOf(ingest.IngestFailedError);
    const failures = (failure as InstanceType<typeof ingest.IngestFailedError>).failures;
    expect(failures.map((each) => each.key)).toEqual(['uploads/empty.pdf', 'uploads/corrupt.pdf', 'uploads/bad-date.txt']);

    for (const [key, code] of [
      ['uploads/empty.pdf', 'empty'],
      ['uploads/corrupt.pdf', 'corrupt'],
      ['uploads/bad-date.txt', 'invalid-published-on'],
    ] as const) {
      const report = await services.reportOf(key);
      expect(report).toMatchObject({ status: 'failed', failure: { code }, source: { key } });
      expect(report?.failure?.message.length).toBeGreaterThan(20);
    }
    expect(await services.reportOf('uploads/good.txt')).toMatchObject({ status: 'ingested', responseDueOn: '2024-10-27' });
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

    const wrongBody = await ingest.handler(await services.upload('uploads/progress.txt', text, { body: 'gotham', 'response-published-on': '2024-04-30' })).then(
      () => null,
      (error: unknown) => error,
    );
    expect(wrongBody).toBeInstanceOf(ingest.IngestFailedError);
    expect((wrongBody as Error).message).toContain(`"gotham" does not owe report ${first!.reportId} a response; it is owed by: cumbria`);
    expect((await services.reports.getObligations(first!.reportId))[0]?.progress.responsePublishedOn).toBeNull();
  });

  it('refuses a publication date it cannot plan from, recording the upload as failed', async () => {
    const [outcome] = await ingest
      .handler(await services.upload('uploads/typo.txt', forceReportText('Cumbria Constabulary', 'A typo'), '0224-03-07'))
      .catch((error: InstanceType<typeof ingest.IngestFailedError>) => [error.failures[0]]);
    expect(outcome).toMatchObject({ key: 'uploads/typo.txt', reason: expect.stringContaining('"0224-03-07" is not a date from 2000-01-01') });
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
