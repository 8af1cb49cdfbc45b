import type { CalendarDate } from './calendar-date';
import { chiefOfficerCommentsDayFor, type DeploymentConfiguration, type LocalPolicingBody, reminderSettingsFor } from './configuration';
import { obligationDates, statutoryLastDay } from './deadlines';
import { UNRECOGNISED_DOCUMENT } from './extraction/s55';
import type { ExtractionResult, Obligation, Report, ReportSource } from './model';
import { firstReminderOn, NO_PROGRESS, type ObligationProgress } from './reminders';

export interface ReadReport {
  report: Report;
  obligations: Obligation[];
}

/**
 * The local policing bodies that owe a response: the body of each force the report names, or every
 * configured body when it names none (a national or thematic report binds every force). A document
 * the rules do not recognise still counts when a person uploaded it with its publication date: their
 * word that it is a report beats a guess that it is not. One the s55 rules exclude for a stated
 * reason (fire and rescue, a press release, a force outside the duty) does not.
 */
export function bodiesConcerned(extraction: ExtractionResult, configuration: DeploymentConfiguration, datedByPerson: boolean): LocalPolicingBody[] {
  const unrecognised = extraction.kind === 'other' && (extraction.s55 === undefined || extraction.s55.reason === UNRECOGNISED_DOCUMENT);
  const excluded = unrecognised ? !datedByPerson : extraction.kind === 'other' || extraction.s55?.applies === false;
  if (excluded) return [];
  // A report whose duty is in doubt (`applies: null`) still gets its obligations: a reminder a person
  // can dismiss costs less than a deadline missed.
  if (extraction.forces.length === 0) return configuration.localPolicingBodies;
  return configuration.localPolicingBodies.filter((body) => extraction.forces.includes(body.force));
}

/**
 * A body's own response, dated, is the response published: with the chief officer's comments in it
 * (s55(5)), so nothing about either is still due. Uploading one must not start overdue reminders.
 */
function progressShownBy(extraction: ExtractionResult): ObligationProgress {
  if (extraction.kind !== 'pcc-response' || !extraction.publishedOn) return NO_PROGRESS;
  return { ...NO_PROGRESS, responsePublishedOn: extraction.publishedOn, chiefOfficerCommentsReceivedOn: extraction.publishedOn };
}

/** The publication date a document states for the report: a body's response carries the date of the report it answers. */
function statedPublicationDate(extraction: ExtractionResult): CalendarDate | null {
  return extraction.kind === 'pcc-response' ? (extraction.respondsTo?.publishedOn ?? null) : extraction.publishedOn;
}

/** Starts (or restarts) one body's clock: every date from the publication date, the first reminder from the body's plan. */
function obligationFor(
  reportId: string,
  body: LocalPolicingBody,
  publishedOn: CalendarDate | null,
  recommendations: Report['recommendations'],
  progress: ObligationProgress,
): Obligation {
  const dates = publishedOn ? obligationDates(publishedOn, recommendations, chiefOfficerCommentsDayFor(body)) : null;
  return {
    reportId,
    bodyId: body.id,
    force: body.force,
    dates,
    progress,
    nextReminderOn: dates ? firstReminderOn(dates, reminderSettingsFor(body), progress) : null,
  };
}

/**
 * Turns what was read from an upload into the report to store and one obligation per local policing
 * body concerned, each with the dates its duty hangs on and the day its first reminder is planned for.
 * Business steps:
 * 1. choose the publication date: a person's word (the upload's metadata) beats the document's;
 * 2. find the bodies concerned;
 * 3. start each body's clock: last day = publication + 55 days, the chief officer's date, the
 *    recommendations' own targets, and the first reminder.
 * With no publication date the report awaits one and no clock starts.
 */
export function readReport(input: {
  reportId: string;
  source: ReportSource;
  extraction: ExtractionResult;
  publishedOnFromUpload: CalendarDate | null;
  configuration: DeploymentConfiguration;
}): ReadReport {
  const { extraction } = input;
  const statedPublishedOn = statedPublicationDate(extraction);
  const publishedOn = input.publishedOnFromUpload ?? statedPublishedOn;
  const bodies = bodiesConcerned(extraction, input.configuration, input.publishedOnFromUpload !== null);
  const status = bodies.length === 0 ? 'no-duty' : publishedOn ? 'ingested' : 'awaiting-publication-date';
  const report: Report = {
    id: input.reportId,
    status,
    kind: extraction.kind,
    title: extraction.title,
    publishedOn,
    publishedOnSource: input.publishedOnFromUpload ? 'upload-metadata' : statedPublishedOn ? 'document' : null,
    statedPublishedOn,
    responseDueOn: publishedOn ? statutoryLastDay(publishedOn) : null,
    forces: extraction.forces,
    recommendations: extraction.recommendations,
    areasForImprovementCount: extraction.areasForImprovement.length,
    causesOfConcernCount: extraction.causesOfConcern.length,
    source: input.source,
    failure: null,
    s55: extraction.s55 ?? null,
    statedRecommendationCount: extraction.statedRecommendationCount ?? null,
  };
  const progress = progressShownBy(extraction);
  const obligations = bodies.map((body) => obligationFor(input.reportId, body, publishedOn, extraction.recommendations, progress));
  return { report, obligations };
}

/**
 * A person confirms a publication date other than the one the clock ran from: every date is computed
 * again and each obligation's plan restarts from its first reminder. What the body has done stays, and
 * so does the ledger of reminders sent; the next scan sends only the latest reminder now due for each
 * date, never the ones a corrected date moved into the past.
 */
export function correctPublicationDate(
  read: ReadReport,
  publishedOn: CalendarDate,
  source: 'upload-metadata' | 'confirmed',
  configuration: DeploymentConfiguration,
): ReadReport {
  const report: Report = {
    ...read.report,
    status: read.report.status === 'awaiting-publication-date' ? 'ingested' : read.report.status,
    publishedOn,
    publishedOnSource: source,
    responseDueOn: statutoryLastDay(publishedOn),
  };
  const obligations = read.obligations.flatMap((obligation) => {
    const body = configuration.localPolicingBodies.find((candidate) => candidate.id === obligation.bodyId);
    return body ? [obligationFor(report.id, body, publishedOn, report.recommendations, obligation.progress)] : [];
  });
  return { report, obligations };
}

/** The record of an upload that could not be read: kept, with the reason a person needs to act. */
export function failedReport(input: { reportId: string; source: ReportSource; failure: { code: string; message: string } }): Report {
  return {
    id: input.reportId,
    status: 'failed',
    kind: null,
    title: null,
    publishedOn: null,
    publishedOnSource: null,
    statedPublishedOn: null,
    responseDueOn: null,
    forces: [],
    recommendations: [],
    areasForImprovementCount: 0,
    causesOfConcernCount: 0,
    source: input.source,
    failure: input.failure,
    s55: null,
    statedRecommendationCount: null,
  };
}
