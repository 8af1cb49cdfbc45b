import { randomUUID } from 'node:crypto';
import { actsFor, ForbiddenError, maySee, type Viewer } from '../../shared/access';
import { type CalendarDate, londonDateAt } from '../../shared/calendar-date';
import { publicationDateProblem } from '../../shared/deadlines';
import type { Report } from '../../shared/model';
import { type ReportsTable, type ReviewItem, reviewOf } from './reports-table';
import type { UploadLink, UploadsBucket } from './uploads-bucket';
import { PUBLISHED_ON_METADATA, UPLOADED_BY_METADATA, WEB_UPLOADS_PREFIX } from './wiring';

export interface UploadRequestDependencies {
  reports: ReportsTable;
  uploads: UploadsBucket;
  uploadsBucketName: string;
  now: () => Date;
}

/** A file name safe in an S3 key and a Content-Disposition: letters, digits, dots, dashes and spaces. */
function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const safe = base
    .replace(/[^\p{L}\p{N}._ -]+/gu, '_')
    .replace(/^[.\s]+/, '')
    .slice(0, 120)
    .trim();
  return safe || 'report';
}

/** An upload asked for with what cannot be right; the message says what to change. */
export class UploadRequestRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UploadRequestRefusedError';
  }
}

/**
 * A link through which the office's page uploads a report straight to the bucket, as any upload
 * goes: the existing ingest path reads it. The link signs in who asked, so the report's history names
 * them, and the publication date they gave.
 */
export async function requestUpload(
  dependencies: UploadRequestDependencies,
  viewer: Viewer,
  request: { fileName: string; publishedOn: CalendarDate | null },
): Promise<UploadLink & { uploadId: string; key: string }> {
  if (!viewer.admin && viewer.bodyIds.length === 0)
    throw new ForbiddenError('Your account acts for no body: ask an administrator to add one before you upload');
  const now = dependencies.now();
  const problem = request.publishedOn && publicationDateProblem(request.publishedOn, londonDateAt(now));
  if (problem) throw new UploadRequestRefusedError(problem);
  const uploadId = randomUUID();
  const fileName = safeFileName(request.fileName);
  const key = `${WEB_UPLOADS_PREFIX}${uploadId}/${fileName}`;
  const metadata = { [UPLOADED_BY_METADATA]: viewer.actor, ...(request.publishedOn ? { [PUBLISHED_ON_METADATA]: request.publishedOn } : {}) };
  await dependencies.reports.recordUploadRequest({
    uploadId,
    bucket: dependencies.uploadsBucketName,
    key,
    fileName,
    requestedBy: viewer.actor,
    requestedAt: now.toISOString(),
  });
  const link = await dependencies.uploads.uploadLink({ bucket: dependencies.uploadsBucketName, key, metadata }, now);
  return { uploadId, key, ...link };
}

export type UploadStatus =
  | { uploadId: string; fileName: string; state: 'waiting' }
  | {
      uploadId: string;
      fileName: string;
      state: 'read' | 'failed';
      report: Pick<Report, 'id' | 'status' | 'title' | 'kind' | 'publishedOn' | 'responseDueOn' | 'failure'>;
      /** Whether a body the uploader acts for owes it a response, whether any body does, and whether they may open its page. */
      owedByYou: boolean;
      owedByAnyone: boolean;
      mayOpen: boolean;
      /** What about it waits for a person, if anything (an upload not recognised as a report or a response). */
      review: ReviewItem['what'] | null;
    };

/** What became of an upload the page made: not read yet, read into a report, or refused with its reason. */
export async function uploadStatus(dependencies: UploadRequestDependencies, viewer: Viewer, uploadId: string): Promise<UploadStatus | null> {
  const request = await dependencies.reports.getUploadRequest(uploadId);
  if (!request) return null;
  if (!viewer.admin && request.requestedBy !== viewer.actor) throw new ForbiddenError('This upload was made by someone else');
  const latest = (await dependencies.reports.uploadsOf(request.bucket, request.key)).at(-1);
  const state = latest ? await dependencies.reports.getReportState(latest.reportId) : null;
  if (!state) return { uploadId, fileName: request.fileName, state: 'waiting' };
  const { id, status, title, kind, publishedOn, responseDueOn } = state.report;
  // A failure recorded for these bytes before is this upload's failure too; so is what its metadata asked
  // that was refused (a correction), though the report it names stands.
  const failure = latest?.failure ?? state.report.failure;
  return {
    uploadId,
    fileName: request.fileName,
    state: failure ? 'failed' : 'read',
    report: { id, status, title, kind, publishedOn, responseDueOn, failure },
    owedByYou: state.obligations.some((obligation) => !obligation.closure && actsFor(viewer, obligation.bodyId)),
    owedByAnyone: state.obligations.some((obligation) => !obligation.closure),
    mayOpen: maySee(viewer, state.obligations),
    review: reviewOf(state.report)?.what ?? null,
  };
}
