import type { CalendarDate } from './calendar-date';
import type { DeploymentConfiguration, LocalPolicingBody } from './configuration';
import { statutoryLastDay } from './deadlines';
import type { ExtractionResult, Obligation, Report, ReportSource } from './model';
import { planResponseReminders } from './reminders';

export interface ReadReport {
  report: Report;
  obligations: Obligation[];
}

/**
 * The local policing bodies that owe a response: the body of each force the report names, or every
 * configured body when it names none (a national or thematic report binds every force).
 */
export function bodiesConcerned(extraction: ExtractionResult, configuration: DeploymentConfiguration): LocalPolicingBody[] {
  if (extraction.kind === 'other') return [];
  if (extraction.forces.length === 0) return configuration.localPolicingBodies;
  return configuration.localPolicingBodies.filter((body) => extraction.forces.includes(body.force));
}

/**
 * The date the clock runs from. A person's word (the upload's metadata) beats the document's; a
 * body's response carries the date of the report it answers, not its own.
 */
function publicationDate(extraction: ExtractionResult, publishedOnFromUpload: CalendarDate | null) {
  if (publishedOnFromUpload) return { publishedOn: publishedOnFromUpload, publishedOnSource: 'upload-metadata' as const };
  const stated = extraction.kind === 'pcc-response' ? (extraction.respondsTo?.publishedOn ?? null) : extraction.publishedOn;
  return stated ? { publishedOn: stated, publishedOnSource: 'document' as const } : { publishedOn: null, publishedOnSource: null };
}

/**
 * Turns what was read from an upload into the report to store and one obligation per local policing
 * body concerned, each with its statutory last day and the day its first reminder is planned for.
 * Business steps:
 * 1. choose the publication date (upload metadata, else the document);
 * 2. find the bodies concerned;
 * 3. start each body's clock: last day = publication + 55 days; first reminder = the plan's earliest.
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
  const { publishedOn, publishedOnSource } = publicationDate(extraction, input.publishedOnFromUpload);
  const responseDueOn = publishedOn ? statutoryLastDay(publishedOn) : null;
  const bodies = bodiesConcerned(extraction, input.configuration);
  const status = bodies.length === 0 ? 'no-duty' : publishedOn ? 'ingested' : 'awaiting-publication-date';
  const report: Report = {
    id: input.reportId,
    status,
    kind: extraction.kind,
    title: extraction.title,
    publishedOn,
    publishedOnSource,
    responseDueOn,
    forces: extraction.forces,
    recommendations: extraction.recommendations,
    areasForImprovementCount: extraction.areasForImprovement.length,
    causesOfConcernCount: extraction.causesOfConcern.length,
    source: input.source,
    failure: null,
  };
  const obligations = bodies.map((body) => ({
    reportId: input.reportId,
    bodyId: body.id,
    force: body.force,
    publishedOn,
    responseDueOn,
    nextReminderOn: responseDueOn ? (planResponseReminders(responseDueOn)[0]?.sendOn ?? null) : null,
  }));
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
    responseDueOn: null,
    forces: [],
    recommendations: [],
    areasForImprovementCount: 0,
    causesOfConcernCount: 0,
    source: input.source,
    failure: input.failure,
  };
}
