import { ForbiddenError, type Viewer } from '../../shared/access';
import { auditEvent, SYSTEM_ACTORS } from '../../shared/audit';
import { type CalendarDate, isCalendarDate } from '../../shared/calendar-date';
import { CorrectionRefusedError } from '../../shared/corrections';
import { isTrackablePublicationDate, TRACKABLE_PUBLICATION_DATES } from '../../shared/deadlines';
import { explainDocument, type Publisher, UnreadableDocumentError } from '../../shared/extraction';
import type { ExtractionResult, Report, ReportSource } from '../../shared/model';
import { mayBeAnswered } from '../../shared/obligation-state';
import { type ProgressChange, ProgressRefusedError } from '../../shared/progress';
import { reportIdFor } from '../../shared/report-id';
import { failedReport, ingestedOn, RESPONSE_TEXT_KEPT, type ReadReport, readReport, respondedReport } from '../../shared/report-ingestion';
import { matchRespondedReport, ResponseNotLinkedError } from '../../shared/responses';
import type { DirectoryTable } from '../commons/directory-table';
import { logger } from '../commons/logger';
import { correctReportAs, eventContext, ObligationNotFoundError, recordProgress, servedBodies } from '../commons/report-changes';
import { addSource, holdsSource, linkResponseTo, linkStoredResponse, markResponseLinked, withEarlierSources } from '../commons/report-sources';
import { IdentityTakenError, identitiesOf, type ReportState, type ReportsTable, ReportTooLargeError, type SaveOutcome } from '../commons/reports-table';
import { type UploadsBucket, UploadTooLargeError } from '../commons/uploads-bucket';
import { DISCOVERED_PREFIX, PROGRESS_METADATA, PUBLISHED_ON_METADATA, PUBLISHER_METADATA, UPLOADED_BY_METADATA } from '../commons/wiring';

export interface IngestDependencies {
  uploads: UploadsBucket;
  reports: ReportsTable;
  directory: DirectoryTable;
  maxDocumentBytes: number;
  now: () => Date;
}

export interface IngestOutcome {
  reportId: string;
  status: Report['status'];
  saved: SaveOutcome;
  failure: Report['failure'];
  /** The bodies that owe this report a response. */
  owedBy: string[];
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

/** What the office has done, as the upload's metadata says (for scripts that upload rather than call the API). */
function progressFrom(metadata: Record<string, string>): { bodyId: string | null; changes: ProgressChange[] } | null {
  const commentsReceived = dateFrom(metadata, PROGRESS_METADATA.chiefOfficerCommentsReceivedOn);
  const published = dateFrom(metadata, PROGRESS_METADATA.responsePublishedOn);
  const explained = (metadata[PROGRESS_METADATA.explainedRecommendations] ?? '').split(/[\s,]+/).filter(Boolean);
  const changes: ProgressChange[] = [
    ...(commentsReceived ? [{ action: 'chief-officer-comments-received' as const, on: commentsReceived }] : []),
    ...(published ? [{ action: 'response-published' as const, on: published }] : []),
    ...explained.map((recommendation) => ({ action: 'recommendation-explained' as const, recommendation })),
  ];
  if (changes.length === 0) return null;
  return { bodyId: metadata[PROGRESS_METADATA.body]?.trim() || null, changes };
}

/**
 * Who an upload acts as. Through the page's upload link, the signed-in user it was made for, with their
 * rights: an upload cannot do what its uploader could not do through the API. Put in the bucket by
 * someone with AWS credentials to it, the deployment's own operators, as an administrator.
 */
async function uploaderOf(metadata: Record<string, string>, directory: DirectoryTable): Promise<Viewer> {
  const email = metadata[UPLOADED_BY_METADATA]?.trim();
  if (!email) return { actor: SYSTEM_ACTORS.upload, bodyIds: [], admin: true };
  const user = await directory.getUser(email);
  return { actor: email, bodyIds: user && !user.removed ? user.bodyIds : [], admin: Boolean(user && !user.removed && user.admin) };
}

/** Records the progress an upload carries, for the body named or every body that owes the report; a body or recommendation named wrongly is the upload's failure. */
async function applyProgress(
  reportId: string,
  progress: NonNullable<ReturnType<typeof progressFrom>>,
  uploader: Viewer,
  dependencies: IngestDependencies,
): Promise<Report['failure']> {
  try {
    const bodyIds = progress.bodyId ? [progress.bodyId] : (await dependencies.reports.getObligations(reportId)).map((obligation) => obligation.bodyId);
    for (const bodyId of bodyIds) await recordProgress(dependencies, uploader, reportId, bodyId, progress.changes);
    return null;
  } catch (error) {
    if (error instanceof ObligationNotFoundError || error instanceof ProgressRefusedError || error instanceof ForbiddenError) {
      return { code: 'invalid-progress', message: `The upload's metadata: ${error.message}` };
    }
    throw error;
  }
}

/** Where an upload is, as its S3 event says: the version read is the one the event is about. */
export type UploadEvent = ReportSource & { eTag: string | null; versionId: string | null };

/**
 * Ingests one uploaded object.
 * 1. read the upload (refusing one over the size limit);
 * 2. extract the report's facts and recommendations from its bytes;
 * 3. read the report: publication date, bodies concerned (as stored now), their obligations and due dates;
 * 4. store it once, with its audit event, however often the event or the file arrives; the same file
 *    with another publication date corrects it;
 * 5. record what the office has done, when the upload's metadata says.
 * An upload that cannot be read is stored as failed with its reason; the object stays in the bucket.
 * What became of each upload, failure included, is in its upload record.
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
      failure: outcome.failure,
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
    const datedOn = dateFrom(metadata, PUBLISHED_ON_METADATA);
    // Discovery's date is what a site's page says, not a person's word: it dates the document as the
    // publication's own statement would, and neither corrects a stored report nor makes an unrecognised document owed.
    const discovered = source.key.startsWith(DISCOVERED_PREFIX);
    const publishedOnFromUpload = discovered ? null : datedOn;
    const progress = progressFrom(metadata);
    const uploader = await uploaderOf(metadata, dependencies.directory);
    // A report's identity is its words, whatever format they came in: the text is the reader's blocks, as text.
    // Whose the document is, where discovery's source says so: the rules read the text alone otherwise.
    const publisher: Publisher | undefined = discovered && metadata[PUBLISHER_METADATA] === 'inspectorate' ? 'inspectorate' : undefined;
    const { result: read, text } = await explainDocument(bytes, { maxBytes: dependencies.maxDocumentBytes, publisher });
    const extraction = discovered && datedOn && read.kind !== 'pcc-response' ? { ...read, publishedOn: datedOn } : read;
    const bodies = await servedBodies(dependencies.directory);
    const input = { reportId, source: reportSource, extraction, publishedOnFromUpload, bodies, by: uploader.actor, text };
    const stored =
      extraction.kind === 'pcc-response'
        ? await storeResponse((answers) => readReport({ ...input, answers }), extraction, text, uploader, dependencies)
        : await storeReport(readReport(input), publishedOnFromUpload, uploader, dependencies);
    // Also when the report was stored before: a delivery of its event again finishes links a failure stopped.
    if (stored.reportId === reportId && mayBeAnswered({ kind: extraction.kind, status: stored.status }))
      await linkWaitingResponses(stored.reportId, uploader, dependencies);
    const failure = progress && stored.status !== 'failed' ? await applyProgress(stored.reportId, progress, uploader, dependencies) : stored.failure;
    return { ...stored, failure };
  } catch (error) {
    if (error instanceof UnreadableDocumentError || error instanceof UploadRejected) {
      return recordFailure(reportId, reportSource, { code: error.code, message: error.message }, dependencies);
    }
    if (error instanceof ReportTooLargeError) {
      const kb = (bytes: number) => Math.ceil(bytes / 1024);
      const message =
        `The report has ${error.recommendations} recommendations, more than FiftySix can store in one record (it would take ${kb(error.bytes)} KB, and a record holds ${kb(error.limitBytes)} KB): ` +
        'check it is a single report rather than a register of many, and upload each report on its own.';
      return recordFailure(reportId, reportSource, { code: 'too-large', message }, dependencies);
    }
    throw error;
  }
}

/**
 * Stores a report, unless it is one stored already in another format or saved again (the same text,
 * or the same title, date and forces): then the upload is one more source of that report. One with
 * the title and forces of a stored report but another date is stored, marked for a person to merge or
 * dismiss, never merged on a guess.
 */
async function storeReport(
  read: ReadReport,
  publishedOnFromUpload: CalendarDate | null,
  uploader: Viewer,
  dependencies: IngestDependencies,
): Promise<IngestOutcome> {
  const same = await dependencies.reports.reportWithIdentity(identitiesOf(read.report));
  if (same && same !== read.report.id) return storeAsSource(same, read, publishedOnFromUpload, uploader, dependencies);
  const namesakes = (await dependencies.reports.reportsWithTitle(read.report)).filter((each) => each.reportId !== read.report.id);
  // One merged into another report is a source of that report now: the doubt is whether this is that report.
  // Read one by one: a title is shared by a few reports, and the ingest is granted no BatchGetItem.
  const stored = await Promise.all(namesakes.map((each) => dependencies.reports.getReport(each.reportId)));
  const possibleDuplicateOf = stored.find((report) => report && !report.mergedInto)?.id ?? null;
  try {
    return await storeOrCorrect({ ...read, report: { ...read.report, possibleDuplicateOf } }, publishedOnFromUpload, uploader, dependencies);
  } catch (error) {
    // Another upload of the same report was stored between the look-up and the write.
    if (error instanceof IdentityTakenError) return storeAsSource(error.reportId, read, publishedOnFromUpload, uploader, dependencies);
    throw error;
  }
}

async function storeAsSource(
  reportId: string,
  read: ReadReport,
  publishedOnFromUpload: CalendarDate | null,
  uploader: Viewer,
  dependencies: IngestDependencies,
): Promise<IngestOutcome> {
  const stored = await addSource(dependencies, reportId, read.report.source, uploader.actor);
  return correctedOrAsStored(stored, publishedOnFromUpload, 'another-source', uploader, dependencies);
}

/**
 * Stores a body's response. One that names a stored report it answers (by a title alike enough, and
 * its date) is linked to it: that body's response is recorded there as published on the letter's own
 * date, with the recommendations it leaves unexplained. One that cannot be linked is kept, as a
 * document of its own, and listed for a person to link; uploading it again once its report is stored
 * links it then. Another format or copy of a stored response is one more of its sources, linked once.
 */
async function storeResponse(
  readAs: (answers: Report['answers']) => ReadReport,
  extraction: ExtractionResult,
  text: string,
  uploader: Viewer,
  dependencies: IngestDependencies,
): Promise<IngestOutcome> {
  const unlinked = readAs(null);
  const reportId = unlinked.report.id;
  const same = (await dependencies.reports.reportWithIdentity(identitiesOf(unlinked.report))) ?? reportId;
  const found = await dependencies.reports.getReportState(same);
  const stored = found && found.report.status !== 'failed' ? found : null;
  const asStored = async (state: ReportState) =>
    same === reportId ? correctedOrAsStored(state, null, 'duplicate', uploader, dependencies) : storeAsSource(same, unlinked, null, uploader, dependencies);
  if (stored && (stored.report.kind !== 'pcc-response' || stored.report.answers)) return asStored(stored);
  // One merged into another would tie with the report it was merged into, leaving the response for a person.
  const candidates = (await dependencies.reports.listReports()).filter(mayBeAnswered);
  const match = matchRespondedReport(respondedReport(extraction), candidates);
  const unmatched = () => (stored ? asStored(stored) : storeOrCorrect(unlinked, null, uploader, dependencies));
  if (match.outcome !== 'matched') return unmatched();
  const response = stored?.report ?? unlinked.report;
  try {
    // Checked against the whole letter: the record keeps only its beginning, and a long one explains its later recommendations past it.
    const linked = await linkResponseTo(dependencies, match.reportId, { ...response, responseText: text }, uploader.actor);
    const bodyIds = linked.obligations.filter((obligation) => obligation.response?.responseId === response.id).map((obligation) => obligation.bodyId);
    const answers = { reportId: match.reportId, bodyIds };
    if (!stored) return await storeOrCorrect(readAs(answers), null, uploader, dependencies);
    return asStored(await markResponseLinked(dependencies, response.id, answers, uploader.actor));
  } catch (error) {
    if (!(error instanceof ResponseNotLinkedError || error instanceof ProgressRefusedError)) throw error;
    logger.warn('A response could not be linked to the report it seems to answer; it is kept for a person to link', {
      reportId: response.id,
      answers: match.reportId,
      reason: error.message,
    });
    return unmatched();
  }
}

/**
 * A new report may be the one a response uploaded before it answers: each response waiting to be
 * linked whose named report is now best matched by this one is linked to it, as it would have been
 * had the report come first. One that cannot be linked stays listed for a person; so does one whose
 * text was longer than a record keeps, which only its upload can check whole. A failure of one link
 * does not stop the others; it is raised after them, so the event is delivered again and the links
 * it stopped are made then.
 */
async function linkWaitingResponses(reportId: string, uploader: Viewer, dependencies: IngestDependencies): Promise<void> {
  const waiting = (await dependencies.reports.reviewItems()).filter((item) => item.what === 'unlinked-response');
  if (waiting.length === 0) return;
  const report = await dependencies.reports.getReport(reportId);
  if (!report) return;
  // The index lags a write that has just been made: the new report is put among the candidates as read.
  const candidates = [...(await dependencies.reports.listReports()).filter((each) => each.id !== reportId && mayBeAnswered(each)), report];
  let stopped: unknown = null;
  for (const item of waiting) {
    const response = await dependencies.reports.getReport(item.reportId);
    // Responses stored before they kept the report they name are linked by a person, or by uploading them again.
    if (!response?.respondsTo || response.answers || (response.responseText?.length ?? 0) >= RESPONSE_TEXT_KEPT) continue;
    const match = matchRespondedReport(response.respondsTo, candidates);
    if (match.outcome !== 'matched' || match.reportId !== reportId) continue;
    try {
      await linkStoredResponse(dependencies, response, reportId, uploader.actor, 'The report its response names arrived after it');
    } catch (error) {
      if (error instanceof ResponseNotLinkedError || error instanceof ProgressRefusedError) {
        logger.warn('A waiting response could not be linked to the report that arrived; it stays for a person to link', {
          reportId: response.id,
          answers: reportId,
          reason: error.message,
        });
      } else {
        stopped ??= error;
      }
    }
  }
  if (stopped) throw stopped;
}

const owing = (read: ReadReport) => read.obligations.filter((obligation) => !obligation.closure).map((obligation) => obligation.bodyId);

/**
 * Stores a new report. The same bytes again are the same report: with a publication date other than
 * the stored one, a person is correcting it.
 */
async function storeOrCorrect(
  read: ReadReport,
  publishedOnFromUpload: CalendarDate | null,
  uploader: Viewer,
  dependencies: IngestDependencies,
): Promise<IngestOutcome> {
  const reportId = read.report.id;
  const context = { ...eventContext(uploader.actor, dependencies.now()), on: ingestedOn(read.report) };
  const readEvent = auditEvent(
    context,
    'report.read',
    { reportId },
    { after: { status: read.report.status, kind: read.report.kind, title: read.report.title, publishedOn: read.report.publishedOn, owedBy: owing(read) } },
  );
  const saved = await dependencies.reports.saveReadReport(withEarlierSources(read, await dependencies.reports.getReport(reportId)), [readEvent]);
  if (saved === 'saved') return { reportId, status: read.report.status, saved, failure: null, owedBy: owing(read) };
  const stored = await dependencies.reports.getReportState(reportId);
  if (!stored) return { reportId, status: read.report.status, saved, failure: null, owedBy: [] };
  // The same bytes under another name (a person's copy of what discovery took) are one more of its sources.
  const sourced = holdsSource(stored.report, read.report.source) ? stored : await addSource(dependencies, reportId, read.report.source, uploader.actor);
  return correctedOrAsStored(sourced, publishedOnFromUpload, saved, uploader, dependencies);
}

/** A stored report uploaded again: with a publication date other than the stored one, a person is correcting it. */
async function correctedOrAsStored(
  stored: ReportState,
  publishedOnFromUpload: CalendarDate | null,
  saved: SaveOutcome,
  uploader: Viewer,
  dependencies: IngestDependencies,
): Promise<IngestOutcome> {
  const reportId = stored.report.id;
  const correctable = stored.report.status === 'ingested' || stored.report.status === 'awaiting-publication-date';
  if (publishedOnFromUpload && correctable && stored.report.publishedOn !== publishedOnFromUpload) {
    try {
      const corrected = await correctReportAs(
        dependencies,
        uploader,
        reportId,
        { type: 'publication-date', publishedOn: publishedOnFromUpload },
        `Uploaded again with ${PUBLISHED_ON_METADATA} ${publishedOnFromUpload}`,
        { typed: false },
      );
      return { reportId, status: corrected.report.status, saved: 'corrected', failure: null, owedBy: owing(corrected) };
    } catch (error) {
      if (error instanceof CorrectionRefusedError || error instanceof ForbiddenError) throw new UploadRejected('invalid-correction', error.message);
      throw error;
    }
  }
  return { reportId, status: stored.report.status, saved, failure: stored.report.failure, owedBy: owing(stored) };
}

async function recordFailure(
  reportId: string,
  source: ReportSource,
  failure: { code: string; message: string },
  dependencies: IngestDependencies,
): Promise<IngestOutcome> {
  const saved = await dependencies.reports.saveFailedReport(failedReport({ reportId, source, failure }));
  return { reportId, status: 'failed', saved, failure, owedBy: [] };
}
