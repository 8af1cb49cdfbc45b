import { isCalendarDate, type CalendarDate } from '../../shared/calendar-date';
import type { DeploymentConfiguration } from '../../shared/configuration';
import { UnreadableDocumentError, extractDocument } from '../../shared/extraction';
import type { Report, ReportSource } from '../../shared/model';
import { reportIdFor } from '../../shared/report-id';
import { failedReport, readReport } from '../../shared/report-ingestion';
import { confirmPublicationDate } from '../commons/obligation-updates';
import type { ReportsTable, SaveOutcome } from '../commons/reports-table';
import { UploadTooLargeError, type UploadsBucket } from '../commons/uploads-bucket';
import { PUBLISHED_ON_METADATA } from '../commons/wiring';

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
  }
}

function publishedOnFrom(metadata: Record<string, string>): CalendarDate | null {
  const value = metadata[PUBLISHED_ON_METADATA]?.trim();
  if (!value) return null;
  if (!isCalendarDate(value)) {
    throw new UploadRejected(
      'invalid-published-on',
      `The upload's ${PUBLISHED_ON_METADATA} metadata "${value}" is not a date: upload it again with --metadata ${PUBLISHED_ON_METADATA}=YYYY-MM-DD`,
    );
  }
  return value;
}

/**
 * Ingests one uploaded object.
 * 1. read the upload (refusing one over the size limit);
 * 2. extract the report's facts and recommendations from its bytes;
 * 3. read the report: publication date, bodies concerned, their obligations and due dates;
 * 4. store it once, however often the event or the file arrives.
 * An upload that cannot be read is stored as failed with its reason; the object stays in the bucket.
 */
export async function ingestUpload(
  source: ReportSource & { eTag: string | null },
  dependencies: IngestDependencies,
): Promise<IngestOutcome> {
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

async function readAndStore(source: ReportSource & { eTag: string | null }, dependencies: IngestDependencies): Promise<IngestOutcome> {
  const { eTag, ...reportSource } = source;
  let reportId: string;
  let bytes: Uint8Array;
  let metadata: Record<string, string>;
  try {
    ({ bytes, metadata } = await dependencies.uploads.readUpload(source.bucket, source.key, dependencies.maxDocumentBytes));
    reportId = reportIdFor(bytes);
  } catch (error) {
    if (!(error instanceof UploadTooLargeError)) throw error;
    // The bytes were never read, so the object's ETag stands in for their digest.
    const id = reportIdFor(new TextEncoder().encode(`${source.bucket}/${source.key}#${eTag ?? ''}`));
    return recordFailure(id, reportSource, { code: error.code, message: error.message }, dependencies);
  }
  try {
    const publishedOnFromUpload = publishedOnFrom(metadata);
    const extraction = await extractDocument(bytes, { maxBytes: dependencies.maxDocumentBytes });
    const read = readReport({ reportId, source: reportSource, extraction, publishedOnFromUpload, configuration: dependencies.configuration });
    const saved = await dependencies.reports.saveReadReport(read);
    if (saved === 'saved') return { reportId, status: read.report.status, saved, failure: null };
    // The same bytes again: with a publication date other than the stored one, a person is correcting it.
    const stored = await dependencies.reports.getReport(reportId);
    const correctable = stored?.status === 'ingested' || stored?.status === 'awaiting-publication-date';
    if (publishedOnFromUpload && correctable && stored.publishedOn !== publishedOnFromUpload) {
      const corrected = await confirmPublicationDate(dependencies.reports, dependencies.configuration, reportId, publishedOnFromUpload, 'upload-metadata');
      return { reportId, status: corrected.report.status, saved: 'corrected', failure: null };
    }
    return { reportId, status: stored?.status ?? read.report.status, saved, failure: stored?.failure ?? null };
  } catch (error) {
    if (error instanceof UnreadableDocumentError || error instanceof UploadRejected) {
      return recordFailure(reportId, reportSource, { code: error.code, message: error.message }, dependencies);
    }
    throw error;
  }
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
