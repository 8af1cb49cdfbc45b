import { assertAdmin, type Viewer } from '../../shared/access';
import { type AuditEvent, auditEvent, type EventContext } from '../../shared/audit';
import type { CalendarDate } from '../../shared/calendar-date';
import { CorrectionRefusedError } from '../../shared/corrections';
import type { Report, ReportSource } from '../../shared/model';
import { carriedProgress, sameProgress } from '../../shared/progress';
import { NO_PROGRESS } from '../../shared/reminders';
import { changedObligations, ingestedOn, type ReadReport, reconcileObligations } from '../../shared/report-ingestion';
import { answeredObligations, checkResponse, ResponseNotLinkedError } from '../../shared/responses';
import { changeReport, obligationsFollowing, type ReportChangeDependencies } from './report-changes';
import { ReportNotFoundError, type ReportState } from './reports-table';

/**
 * Another upload of a stored report (another format, or the same saved again) is kept as one more of
 * its sources: no new report, obligations or emails.
 */
export async function addSource(dependencies: ReportChangeDependencies, reportId: string, source: ReportSource, by: string): Promise<ReportState> {
  return changeReport(dependencies, reportId, (read, _bodies, context) => withSource(read, source, context), by);
}

/** Whether the report was uploaded at this object already: S3 may deliver an upload's event twice. */
export function holdsSource(report: Report, source: ReportSource): boolean {
  return [report.source, ...(report.otherSources ?? [])].some((each) => each.bucket === source.bucket && each.key === source.key);
}

/**
 * A new reading of a report that replaces one stored before (read as owing nothing, or failed): it
 * keeps the places the earlier one arrived at as its other sources, so that a person's upload stays
 * one of them when discovery reads the same bytes again.
 */
export function withEarlierSources(read: ReadReport, earlier: Report | null): ReadReport {
  if (!earlier || (earlier.status !== 'no-duty' && earlier.status !== 'failed')) return read;
  const kept = [earlier.source, ...(earlier.otherSources ?? [])].filter((source) => !holdsSource(read.report, source));
  return kept.length === 0 ? read : { ...read, report: { ...read.report, otherSources: [...(read.report.otherSources ?? []), ...kept] } };
}

/** The report with one more source, and its history told so; a source kept already is not added again. */
function withSource(
  read: ReportState,
  source: ReportSource,
  context: EventContext,
  reason = 'The same report, uploaded again',
): { report?: Report; events: AuditEvent[]; obligations: [] } {
  if (holdsSource(read.report, source)) return { obligations: [], events: [] };
  const report = { ...read.report, otherSources: [...(read.report.otherSources ?? []), source] };
  const event = auditEvent(context, 'report.source-added', { reportId: read.report.id }, { after: { source }, reason });
  return { report, obligations: [], events: [event] };
}

/**
 * A possible duplicate merged into the report it is: its upload becomes one more source of that
 * report, and what each office recorded on it is carried there, so that its reminders do not start
 * again on the report it was merged into. One history entry tells the whole carry, for which bodies,
 * and what could not be carried (a recommendation matched by no words, or by several; a
 * body the report it is merged into does not concern), so that a person records it there: one entry,
 * not one a body, keeps the change within one transaction whatever the number of bodies.
 */
async function mergeInto(dependencies: ReportChangeDependencies, reportId: string, duplicate: ReportState, by: string): Promise<ReportState> {
  return changeReport(
    dependencies,
    reportId,
    (read, bodies, context) => {
      const sourced = withSource(read, duplicate.report.source, context, `Merged into this report from report ${duplicate.report.id}`);
      const report = sourced.report ?? read.report;
      const carries = read.obligations.flatMap((obligation) => {
        const copy = duplicate.obligations.find((each) => each.bodyId === obligation.bodyId);
        if (!copy) return [];
        const carried = carriedProgress({ progress: obligation.progress, report }, { progress: copy.progress, report: duplicate.report });
        return [{ obligation, ...carried }];
      });
      const changed = carries.filter((each) => !sameProgress(each.progress, each.obligation.progress));
      const notConcerned = duplicate.obligations
        .filter((copy) => !sameProgress(copy.progress, NO_PROGRESS) && !read.obligations.some((each) => each.bodyId === copy.bodyId))
        .map((copy) => copy.bodyId);
      const notCarried = carries
        .filter((each) => each.notCarried.length > 0)
        .map((each) => ({ bodyId: each.obligation.bodyId, recommendations: each.notCarried }));
      const told = changed.length > 0 || notCarried.length > 0 || notConcerned.length > 0;
      const event = auditEvent(
        context,
        'progress.recorded',
        { reportId },
        {
          // Which bodies, not what each recorded: every office that sees the report sees this entry, and
          // each body's progress is on its own obligation.
          after: { carriedFor: changed.map((each) => each.obligation.bodyId), notCarried, notConcerned },
          reason: `Recorded on report ${duplicate.report.id}, merged into this one`,
        },
      );
      const obligations = obligationsFollowing(
        read,
        report,
        changed.map((each) => ({ ...each.obligation, progress: each.progress })),
        bodies,
        context,
      ).obligations;
      return { report: sourced.report, obligations, events: [...sourced.events, ...(told ? [event] : [])] };
    },
    by,
  );
}

/** The day a response counts as published: the letter's date, else the day it was uploaded. */
function responseDatedOn(response: Report): CalendarDate {
  return response.letterDatedOn ?? ingestedOn(response);
}

/**
 * Records a body's response on the report it answers: that body's response published on the letter's
 * date (which ends its reminders), and the recommendations the response leaves unexplained.
 */
export async function linkResponseTo(
  dependencies: ReportChangeDependencies,
  reportId: string,
  response: Report,
  by: string,
  reason = 'Its response, uploaded, names this report',
): Promise<ReportState> {
  const publishedOn = responseDatedOn(response);
  return changeReport(
    dependencies,
    reportId,
    (read, bodies, context) => {
      // Two ingests may find the same response at once (its copy and its report), or a link may have
      // stopped before the response was marked: it is recorded once, and marking it then finishes the link.
      if (read.obligations.some((obligation) => obligation.response?.responseId === response.id)) return { obligations: [], events: [] };
      const check = checkResponse(response.responseText ?? '', read.report.recommendations);
      const answered = answeredObligations(read.report, read.obligations, { ...response, publishedOn, check }, context.on);
      const existing = read.obligations.map((obligation) => answered.find((each) => each.bodyId === obligation.bodyId) ?? obligation);
      const reconciled = reconcileObligations(read.report, existing, bodies, context, { stored: read.obligations });
      const event = auditEvent(
        context,
        'response.linked',
        { reportId },
        { after: { responseId: response.id, bodyIds: answered.map((each) => each.bodyId), publishedOn, notAddressed: check.notAddressed }, reason },
      );
      return { obligations: changedObligations(read.obligations, reconciled.obligations), events: [event] };
    },
    by,
  );
}

/** Marks the response's own record as answering the report, so it owes nothing itself and leaves the review list. */
export async function markResponseLinked(
  dependencies: ReportChangeDependencies,
  responseId: string,
  answers: NonNullable<Report['answers']>,
  by: string,
  reason = 'It names the report it answers',
): Promise<ReportState> {
  return changeReport(
    dependencies,
    responseId,
    (read, bodies, context) => {
      if (read.report.answers && read.report.answers.reportId !== answers.reportId)
        throw new ResponseNotLinkedError(`The response ${responseId} is linked to report ${read.report.answers.reportId} already`);
      const after = reconcileObligations({ ...read.report, answers }, read.obligations, bodies, context);
      const event = auditEvent(context, 'response.linked', { reportId: responseId }, { after: answers, reason });
      return { report: after.report, obligations: changedObligations(read.obligations, after.obligations), events: [event] };
    },
    by,
  );
}

/**
 * A person settles a possible duplicate: `merge` makes it one more source of the report it may be (its
 * own obligations close, so no body is reminded twice), `dismiss` keeps it as a report of its own.
 */
export async function settleDuplicate(
  dependencies: ReportChangeDependencies,
  viewer: Viewer,
  reportId: string,
  decision: 'merge' | 'dismiss',
  reason: string,
): Promise<ReportState> {
  assertAdmin(viewer, 'merge or dismiss a possible duplicate');
  const state = await dependencies.reports.getReportState(reportId);
  if (!state) throw new ReportNotFoundError(reportId);
  const other = state.report.possibleDuplicateOf;
  if (!other) throw new CorrectionRefusedError(`Report ${reportId} is not marked as a possible duplicate: there is nothing to ${decision}`);
  if (decision === 'merge') await mergeInto(dependencies, other, state, viewer.actor);
  return changeReport(
    dependencies,
    reportId,
    (read, bodies, context) => {
      const settled: Report =
        decision === 'merge' ? { ...read.report, mergedInto: other, possibleDuplicateOf: null } : { ...read.report, possibleDuplicateOf: null };
      const after = reconcileObligations(settled, read.obligations, bodies, context);
      const event = auditEvent(context, decision === 'merge' ? 'report.merged' : 'report.duplicate-dismissed', { reportId }, { after: { of: other }, reason });
      return { report: after.report, obligations: changedObligations(read.obligations, after.obligations), events: [event] };
    },
    viewer.actor,
  );
}

/**
 * A person links a response FiftySix could not link by itself to the report it answers: as if it had
 * been linked on upload, that body's response is recorded there, and the response leaves the review list.
 */
export async function linkResponseAs(
  dependencies: ReportChangeDependencies,
  viewer: Viewer,
  responseId: string,
  reportId: string,
  reason: string,
): Promise<ReportState> {
  assertAdmin(viewer, 'link a response to the report it answers');
  const response = await dependencies.reports.getReport(responseId);
  if (!response) throw new ReportNotFoundError(responseId);
  if (response.kind !== 'pcc-response')
    throw new ResponseNotLinkedError(`Report ${responseId} is not a body’s response: only a response is linked to a report`);
  if (response.answers) throw new ResponseNotLinkedError(`The response ${responseId} is already linked to report ${response.answers.reportId}`);
  return linkStoredResponse(dependencies, response, reportId, viewer.actor, reason);
}

/** Links a stored response to the report it answers, and marks it so: that body's response is recorded there, and it leaves the review list. */
export async function linkStoredResponse(
  dependencies: ReportChangeDependencies,
  response: Report,
  reportId: string,
  by: string,
  reason: string,
): Promise<ReportState> {
  const linked = await linkResponseTo(dependencies, reportId, response, by, reason);
  const bodyIds = linked.obligations.filter((obligation) => obligation.response?.responseId === response.id).map((obligation) => obligation.bodyId);
  return markResponseLinked(dependencies, response.id, { reportId, bodyIds }, by, reason);
}
