import { describe, expect, it } from 'vitest';
import { parseDeploymentConfiguration } from '../../shared/configuration';
import { correctReport } from '../../shared/corrections';
import { UNRECOGNISED_DOCUMENT } from '../../shared/extraction';
import type { ExtractionResult } from '../../shared/model';
import { type ReadReport, readReport, reconcileObligations } from '../../shared/report-ingestion';

const configuration = parseDeploymentConfiguration(
  {
    senderAddress: 'reminders@example.org',
    localPolicingBodies: [
      { id: 'cumbria', name: 'Cumbria PFCC', force: 'Cumbria Constabulary', recipients: ['cumbria@example.org'] },
      { id: 'surrey', name: 'Surrey PCC', force: 'Surrey Police', recipients: ['surrey@example.org'] },
    ],
  },
  'test',
);

const extraction = (overrides: Partial<ExtractionResult>): ExtractionResult => ({
  kind: 'hmicfrs-report',
  title: 'A report',
  publishedOn: null,
  forces: [],
  recommendations: [{ ref: '1', text: 'By March 2025, forces should act.', targetDate: '2025-03-31', addressees: ['forces'] }],
  areasForImprovement: [],
  causesOfConcern: [],
  respondsTo: null,
  ...overrides,
});

// Read the day after the dates these tests use, so their clocks run; historical reports have their own test.
const source = { bucket: 'uploads', key: 'uploads/report.pdf', uploadedAt: '2024-03-08T10:00:00Z' };

const bodies = configuration.localPolicingBodies;
const person = { by: 'officer@example.org', on: '2024-03-20' };

function read(overrides: Partial<ExtractionResult>, publishedOnFromUpload: string | null = null) {
  return readReport({ reportId: 'r1', source, extraction: extraction(overrides), publishedOnFromUpload, bodies, by: 'upload' });
}

/** What a publication date correction does: the report corrected, then every obligation reconciled. */
function correctPublicationDate({ report, obligations }: ReadReport, publishedOn: string) {
  return reconcileObligations(
    correctReport(report, { type: 'publication-date', publishedOn }, { by: person.by, reason: 'HMICFRS page', today: '2026-12-01' }),
    obligations,
    bodies,
    person,
  );
}

describe('reading a report into obligations', () => {
  it('gives the body of the named force an obligation with its last day and first reminder', () => {
    const { report, obligations } = read({ forces: ['Cumbria Constabulary'], publishedOn: '2024-03-07' });
    expect(report).toMatchObject({ status: 'ingested', publishedOn: '2024-03-07', publishedOnSource: 'document', responseDueOn: '2024-05-01' });
    expect(report.recommendations.map((recommendation) => recommendation.key)).toEqual(['1']);
    expect(obligations).toEqual([
      {
        reportId: 'r1',
        bodyId: 'cumbria',
        force: 'Cumbria Constabulary',
        dates: {
          publishedOn: '2024-03-07',
          responseDueOn: '2024-05-01',
          chiefOfficerCommentsDueOn: '2024-04-03',
          recommendationTargets: [{ key: '1', phrase: 'By March 2025', dueOn: '2025-03-31', immediate: false }],
        },
        progress: { chiefOfficerCommentsReceivedOn: null, responsePublishedOn: null, responseUrl: null, explainedRecommendations: [], recommendationNotes: {} },
        nextReminderOn: '2024-03-27',
        closure: null,
        historical: false,
        takenUp: null,
      },
    ]);
  });

  it('binds every configured body to a national report', () => {
    const { obligations } = read({ publishedOn: '2024-03-07' });
    expect(obligations.map((obligation) => obligation.bodyId)).toEqual(['cumbria', 'surrey']);
  });

  it('prefers the publication date a person gave at upload over the document’s', () => {
    const { report } = read({ publishedOn: '2024-03-01' }, '2024-03-07');
    expect(report).toMatchObject({
      publishedOn: '2024-03-07',
      publishedOnSource: 'upload-metadata',
      statedPublishedOn: '2024-03-01',
      responseDueOn: '2024-05-01',
    });
  });

  it('runs a response’s clock from the report it answers, not from the letter', () => {
    const { report } = read({ kind: 'pcc-response', publishedOn: '2023-09-01', respondsTo: { title: 'R', publishedOn: '2023-07-07' } });
    expect(report).toMatchObject({ publishedOn: '2023-07-07', responseDueOn: '2023-08-31' });
  });

  it('starts no clock without a publication date', () => {
    const { report, obligations } = read({});
    expect(report).toMatchObject({ status: 'awaiting-publication-date', publishedOn: null, responseDueOn: null });
    expect(obligations.every((obligation) => obligation.dates === null && obligation.nextReminderOn === null)).toBe(true);
    expect(obligations).toHaveLength(2);
  });

  it('owes nothing for a document that starts no s55 clock, and keeps the reason', () => {
    const fire = read({
      forces: ['Cumbria Constabulary'],
      publishedOn: '2024-03-07',
      s55: { applies: false, reason: 'A fire and rescue service inspection.' },
    });
    expect(fire.report).toMatchObject({ status: 'no-duty', s55: { applies: false, reason: 'A fire and rescue service inspection.' } });
    expect(fire.obligations).toEqual([]);
    const doubtful = read({ forces: ['Cumbria Constabulary'], publishedOn: '2024-03-07', s55: { applies: null, reason: 'A letter: a person should decide.' } });
    expect(doubtful.report.status).toBe('ingested');
    expect(doubtful.obligations).toHaveLength(1);
  });

  it('plans reminders for the targets of force-level recommendations only', () => {
    const { obligations } = read({
      forces: ['Cumbria Constabulary'],
      publishedOn: '2024-03-07',
      recommendations: [
        { ref: '1', text: 'By March 2025, the Home Office should fund it.', targetDate: '2025-03-31', addressees: ['the Home Office'], level: 'national' },
        { ref: '2', text: 'By June 2025, forces should act.', targetDate: '2025-06-30', addressees: ['forces'], level: 'force' },
      ],
    });
    expect(obligations[0]?.dates?.recommendationTargets.map((target) => target.key)).toEqual(['2']);
  });

  it('owes nothing for a report about a force no configured body answers for, or for an unrelated document', () => {
    expect(read({ forces: ['Kent Police'], publishedOn: '2024-03-07' }).report.status).toBe('no-duty');
    const unrelated = read({ kind: 'other', publishedOn: '2024-03-07' });
    expect(unrelated.report.status).toBe('no-duty');
    expect(unrelated.obligations).toEqual([]);
  });

  it('tracks a document it does not recognise when a person uploaded it with its publication date', () => {
    const dated = read({ kind: 'other', s55: { applies: false, reason: UNRECOGNISED_DOCUMENT } }, '2024-03-07');
    expect(dated.report.status).toBe('ingested');
    expect(dated.obligations.map((obligation) => obligation.bodyId)).toEqual(['cumbria', 'surrey']);
    const fire = read({ s55: { applies: false, reason: 'A fire and rescue service inspection.' } }, '2024-03-07');
    expect(fire.report.status).toBe('no-duty');
    const pressRelease = read({ kind: 'other', s55: { applies: false, reason: 'A press release, not an inspection report.' } }, '2024-03-07');
    expect(pressRelease.report.status).toBe('no-duty');
  });

  it('takes a body’s dated response as the response published, so it starts no overdue reminders', () => {
    const { report, obligations } = read({
      kind: 'pcc-response',
      forces: ['Cumbria Constabulary'],
      publishedOn: '2023-09-01',
      respondsTo: { title: 'PEEL spotlight report', publishedOn: '2023-07-07' },
    });
    expect(report).toMatchObject({ status: 'ingested', publishedOn: '2023-07-07', responseDueOn: '2023-08-31' });
    expect(obligations[0]?.progress).toMatchObject({
      chiefOfficerCommentsReceivedOn: '2023-09-01',
      responsePublishedOn: '2023-09-01',
      explainedRecommendations: [],
    });
  });
});

describe('correcting the publication date', () => {
  it('recomputes every date and restarts the plan, keeping the date the document stated and what the body has done', () => {
    const original = read({ forces: ['Cumbria Constabulary'], publishedOn: '2024-03-07' });
    const done = {
      ...original,
      obligations: original.obligations.map((obligation) => ({
        ...obligation,
        progress: { ...obligation.progress, explainedRecommendations: ['1'] },
        nextReminderOn: '2024-04-24',
      })),
    };
    const corrected = correctPublicationDate(done, '2024-03-14');
    expect(corrected.report).toMatchObject({
      publishedOn: '2024-03-14',
      publishedOnSource: 'confirmed',
      statedPublishedOn: '2024-03-07',
      responseDueOn: '2024-05-08',
    });
    expect(corrected.obligations).toEqual([
      expect.objectContaining({
        dates: expect.objectContaining({ responseDueOn: '2024-05-08', chiefOfficerCommentsDueOn: '2024-04-10' }),
        progress: expect.objectContaining({ explainedRecommendations: ['1'] }),
        nextReminderOn: '2024-04-03',
      }),
    ]);
  });

  it('starts the clock of a report that awaited its date', () => {
    const corrected = correctPublicationDate(read({}), '2024-03-07');
    expect(corrected.report.status).toBe('ingested');
    expect(corrected.obligations.map((obligation) => obligation.dates?.responseDueOn)).toEqual(['2024-05-01', '2024-05-01']);
  });
});
