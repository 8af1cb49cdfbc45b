import { type CalendarDate, isCalendarDate } from '../../shared/calendar-date';
import type { DeploymentConfiguration } from '../../shared/configuration';
import { isTrackablePublicationDate, TRACKABLE_PUBLICATION_DATES } from '../../shared/deadlines';
import { extractDocument, UnreadableDocumentError } from '../../shared/extraction';
import type { Report, ReportSource } from '../../shared/model';
import type { ObligationProgress } from '../../shared/reminders';
import { reportIdFor } from '../../shared/report-id';
import { failedReport, type ReadReport, readReport } from '../../shared/report-ingestion';
import { confirmPublicationDate, ObligationUpdateError, recordProgress } from '../commons/obligation-updates';
import type { ReportsTable, SaveOutcome } from '../commons/reports-table';
import { type UploadsBucket, UploadTooLargeError } from '../commons/uploads-bucket';
import { PROGRESS_METADATA, PUBLISHED_ON_METADATA } from '../commons/wiring';

export interface IngestDependencies {
  uploads: UploadsBucket;
  reports: ReportsTable;
  configuration: DeploymentConfiguration;
  maxDocumentBytes: number;
}

export interface IngestOutcome {
  reportId: string;
  status: Report['status'];
  saved: SaveOutcome;
  failure: Report['failure'];
}

/** A reason an upload cannot become a report that only a person can fix; everything else is retried. */
class UploadRejected extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'UploadRejected';
  }
}

function dateFrom(metadata: Record<string, string>, name: string): CalendarDate | null {
  const value = metadata[name]?.trim();
  if (!value) return null;
  if (!isCalendarDate(value) || !isTrackablePublicationDate(value)) {
    throw new UploadRejected(
      `invalid-${name}`,
      `The upload's ${name} metadata "${value}" is not ${TRACKABLE_PUBLICATION_DATES}: upload it again with --metadata ${name}=YYYY-MM-DD`,
    );
  }
  return value;
}

/** What the office has done, as the upload's metadata says; null when it says nothing. */
function progressFrom(metadata: Record<string, string>): { bodyId: string | null; change: Partial<ObligationProgress> } | null {
  const commentsReceived = dateFrom(metadata, PROGRESS_METADATA.chiefOfficerCommentsReceivedOn);
  const published = dateFrom(metadata, PROGRESS_METADATA.responsePublishedOn);
  const explained = (metadata[PROGRESS_METADATA.explainedRecommendations] ?? '').split(/[\s,]+/).filter(Boolean);
  const change: Partial<ObligationProgress> = {
    ...(commentsReceived ? { chiefOfficerCommentsReceivedOn: commentsReceived } : {}),
    ...(published ? { responsePublishedOn: published } : {}),
    ...(explained.length > 0 ? { explainedRecommendations: explained } : {}),
  };
  if (Object.keys(change).length === 0) return null;
  return { bodyId: metadata[PROGRESS_METADATA.body]?.trim() || null, change };
}

/** Records the progress an upload carries; a body or recommendation it names wrongly is the upload's failure. */
async function applyProgress(
  reportId: string,
  progress: NonNullable<ReturnType<typeof progressFrom>>,
  dependencies: IngestDependencies,
): Promise<Report['failure']> {
  try {
    await recordProgress(dependencies.reports, reportId, progress.bodyId, progress.change);
    return null;
  } catch (error) {
    if (error instanceof ObligationUpdateError) return { code: 'invalid-progress', message: `The upload's metadata: ${error.message}` };
    throw error;
  }
}

/** Where an upload is, as its S3 event says: the version read is the one the event is about. */
export type UploadEvent = ReportSource & { eTag: string | null; versionId: string | null };

/**
 * Ingests one uploaded object.
 * 1. read the upload (refusing one over the size limit);
 * 2. extract the report's facts and recommendations from its bytes;
 * 3. read the report: publication date, bodies concerned, their obligations and due dates;
 * 4. store it once, however often the event or the file arrives; the same file with another
 *    publication date corrects it;
 * 5. record what the office has done, when the upload's metadata says.
 * An upload that cannot be read is stored as failed with its reason; the object stays in the bucket.
 */
export async function ingestUpload(source: UploadEvent, dependencies: IngestDependencies): Promise<IngestOutcome> {
  const outcome = await readAndStore(source, dependencies);
  if (source.eTag) {
    await dependencies.reports.recordUpload({
      bucket: source.bucket,
      key: source.key,
      eTag: source.eTag,
      reportId: outcome.reportId,
      saved: outcome.saved,
      ingestedAt: source.uploadedAt,
    });
  }
  return outcome;
}

async function readAndStore(source: UploadEvent, dependencies: IngestDependencies): Promise<IngestOutcome> {
  const { eTag, versionId, ...reportSource } = source;
  let reportId: string;
  let bytes: Uint8Array;
  let metadata: Record<string, string>;
  try {
    ({ bytes, metadata } = await dependencies.uploads.readUpload({ bucket: source.bucket, key: source.key, versionId }, dependencies.maxDocumentBytes));
    reportId = reportIdFor(bytes);
  } catch (error) {
    if (!(error instanceof UploadTooLargeError)) throw error;
    // The bytes were never read, so the object's ETag stands in for their digest.
    const id = reportIdFor(new TextEncoder().encode(`${source.bucket}/${source.key}#${eTag ?? ''}`));
    return recordFailure(id, reportSource, { code: error.code, message: error.message }, dependencies);
  }
  try {
    const publishedOnFromUpload = dateFrom(metadata, PUBLISHED_ON_METADATA);
    const progress = progressFrom(metadata);
    const extraction = await extractDocument(bytes, { maxBytes: dependencies.maxDocumentBytes });
    const read = readReport({ reportId, source: reportSource, extraction, publishedOnFromUpload, configuration: dependencies.configuration });
    const stored = await storeOrCorrect(read, publishedOnFromUpload, dependencies);
    const failure = progress && stored.status !== 'failed' ? await applyProgress(reportId, progress, dependencies) : stored.failure;
    return { ...stored, failure };
  } catch (error) {
    if (error instanceof UnreadableDocumentError || error instanceof UploadRejected) {
      return recordFailure(reportId, reportSource, { code: error.code, message: error.message }, dependencies);
    }
    throw error;
  }
}

/**
 * Stores a new report. The same bytes again are the same report: with a publication date other than
 * the stored one, a person is correcting it.
 */
async function storeOrCorrect(read: ReadReport, publishedOnFromUpload: CalendarDate | null, dependencies: IngestDependencies): Promise<IngestOutcome> {
  const reportId = read.report.id;
  const saved = await dependencies.reports.saveReadReport(read);
  if (saved === 'saved') return { reportId, status: read.report.status, saved, failure: null };
  const stored = await dependencies.reports.getReport(reportId);
  const correctable = stored?.status === 'ingested' || stored?.status === 'awaiting-publication-date';
  if (publishedOnFromUpload && correctable && stored.publishedOn !== publishedOnFromUpload) {
    const corrected = await confirmPublicationDate(dependencies.reports, dependencies.configuration, reportId, publishedOnFromUpload, 'upload-metadata');
    return { reportId, status: corrected.report.status, saved: 'corrected', failure: null };
  }
  return { reportId, status: stored?.status ?? read.report.status, saved, failure: stored?.failure ?? null };
}

async function recordFailure(
  reportId: string,
  source: ReportSource,
  failure: { code: string; message: string },
  dependencies: IngestDependencies,
): Promise<IngestOutcome> {
  const saved = await dependencies.reports.saveFailedReport(failedReport({ reportId, source, failure }));
  return { reportId, status: 'failed', saved, failure };
}
