import { timingSafeEqual } from 'node:crypto';
import { actsFor, assertActsFor, correctionRefusal, ForbiddenError, maySee, type Viewer } from '../../shared/access';
import type { AuditEvent } from '../../shared/audit';
import { type CalendarDate, londonDateAt } from '../../shared/calendar-date';
import { calendarFeed, type TrackedObligation } from '../../shared/calendar-feed';
import { type BodyRecord, bodySettings } from '../../shared/directory';
import { draftResponse } from '../../shared/draft-response';
import type { Obligation, Report } from '../../shared/model';
import { bySoonestLastDay, type ObligationSummary, summariseObligation } from '../../shared/obligation-state';
import { latenessOf, type ResponseLateness } from '../../shared/responses';
import { trackerSpreadsheet } from '../../shared/tracker-spreadsheet';
import type { DirectoryTable } from './directory-table';
import { type LedgerEntry, ReportNotFoundError, type ReportsTable, type ReviewItem, reviewOf } from './reports-table';

export interface OfficeViewDependencies {
  reports: ReportsTable;
  directory: DirectoryTable;
  now: () => Date;
  /** Where the office's page is: reminders, calendar events and the API link to reports there. */
  appUrl: string;
  /** Where the API is, for the calendar links it hands out. */
  apiUrl: string;
}

export const reportPageUrl = (appUrl: string, reportId: string) => `${appUrl}/reports/${encodeURIComponent(reportId)}`;

export const calendarFeedUrl = (apiUrl: string, bodyId: string, token: string) =>
  `${apiUrl}/bodies/${encodeURIComponent(bodyId)}/calendar.ics?token=${encodeURIComponent(token)}`;

/** The calendar link is missing or wrong; calendar clients cannot sign in, so the link is the only key. */
export class CalendarLinkError extends Error {
  constructor() {
    super('This calendar link is not valid (it may have been renewed): copy the current one from FiftySix');
    this.name = 'CalendarLinkError';
  }
}

/** The bodies a viewer acts for, retired ones included so their history stays visible. */
async function bodiesOf(dependencies: OfficeViewDependencies, viewer: Viewer, bodyId?: string): Promise<BodyRecord[]> {
  if (bodyId !== undefined) assertActsFor(viewer, bodyId);
  const bodies = await dependencies.directory.listBodies();
  return bodies.filter((body) => actsFor(viewer, body.id) && (bodyId === undefined || body.id === bodyId));
}

async function trackedOf(dependencies: OfficeViewDependencies, bodyIds: readonly string[]): Promise<TrackedObligation[]> {
  const obligations = (await Promise.all(bodyIds.map((bodyId) => dependencies.reports.obligationsOfBody(bodyId)))).flat();
  const reports = await dependencies.reports.getReports(obligations.map((obligation) => obligation.reportId));
  return obligations.flatMap((obligation) => {
    const report = reports.get(obligation.reportId);
    return report ? [{ obligation, report }] : [];
  });
}

const today = (dependencies: { now: () => Date }): CalendarDate => londonDateAt(dependencies.now());

/** Who the viewer is, and their bodies, each with the calendar link an office subscribes to. */
export async function describeViewer(dependencies: OfficeViewDependencies, viewer: Viewer) {
  const bodies = await bodiesOf(dependencies, viewer);
  return {
    email: viewer.actor,
    admin: viewer.admin,
    bodies: await Promise.all(
      bodies.map(async (body) => {
        const token = await dependencies.directory.calendarToken(body.id);
        return {
          ...bodySettings(body),
          retired: body.retired,
          // Addresses SES said not to email again: the office must know its reminders no longer reach them.
          suppressed: body.suppressed ?? [],
          calendarUrl: token ? calendarFeedUrl(dependencies.apiUrl, body.id, token) : null,
          spreadsheetUrl: `${dependencies.apiUrl}/bodies/${encodeURIComponent(body.id)}/obligations.csv`,
        };
      }),
    ),
  };
}

/** Everything the viewer's bodies owe, soonest last day first: the office's list. */
export async function listObligations(dependencies: OfficeViewDependencies, viewer: Viewer, bodyId?: string): Promise<ObligationSummary[]> {
  const bodies = await bodiesOf(dependencies, viewer, bodyId);
  const tracked = await trackedOf(
    dependencies,
    bodies.map((body) => body.id),
  );
  const on = today(dependencies);
  return tracked.map(({ obligation, report }) => summariseObligation(obligation, report, on)).sort(bySoonestLastDay);
}

export interface ReportView {
  report: Report;
  obligations: Array<Obligation & { summary: ObligationSummary }>;
  reminders: LedgerEntry[];
  history: AuditEvent[];
  /** Null when the viewer may correct the report; else why not, for the page to say before anyone tries. */
  correctionRefusal: string | null;
  /** For each visible body's published response: the day of the 56-day period it came on, and how late. */
  lateness: ResponseLateness[];
  /** What about the report waits for a person (an administrator settles it), or null. */
  review: ReviewItem | null;
}

/**
 * A report as FiftySix read it, with the obligations the viewer may see, the reminders sent about
 * them and the report's history. Another body's obligations, reminders and the history of them are
 * not shown to a user who does not act for it.
 */
export async function viewReport(dependencies: OfficeViewDependencies, viewer: Viewer, reportId: string): Promise<ReportView> {
  const state = await dependencies.reports.getReportState(reportId);
  if (!state) throw new ReportNotFoundError(reportId);
  if (!maySee(viewer, state.obligations)) throw new ForbiddenError(`Report ${reportId} is not owed a response by a body you act for`);
  const [ledger, history, bodies] = await Promise.all([
    dependencies.reports.ledgerOf(reportId),
    dependencies.reports.historyOf(reportId),
    dependencies.directory.listBodies(),
  ]);
  const nameOf = (bodyId: string) => bodies.find((body) => body.id === bodyId)?.name ?? bodyId;
  const visible = (bodyId: string | null) => bodyId === null || actsFor(viewer, bodyId);
  const on = today(dependencies);
  const obligations = state.obligations.filter((obligation) => visible(obligation.bodyId));
  return {
    report: state.report,
    obligations: obligations.map((obligation) => ({ ...obligation, summary: summariseObligation(obligation, state.report, on) })),
    reminders: ledger.filter((entry) => visible(entry.bodyId)),
    history: history.filter((event) => visible(event.bodyId)),
    correctionRefusal: correctionRefusal(viewer, state.obligations, nameOf),
    lateness: latenessOf(state.report, obligations),
    review: reviewFor(viewer, state.report),
  };
}

/** What waits for a person about the report; which other stored report it may be is an administrator's to see. */
function reviewFor(viewer: Viewer, report: Report): ReviewItem | null {
  const review = reviewOf(report);
  return review && !viewer.admin ? { ...review, of: null } : review;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A body's dates as an iCalendar feed, for the link that carries its secret. */
export async function bodyCalendar(dependencies: OfficeViewDependencies, bodyId: string, token: string): Promise<string> {
  const [body, expected] = await Promise.all([dependencies.directory.getBody(bodyId), dependencies.directory.calendarToken(bodyId)]);
  if (!body || !expected || !sameSecret(token, expected)) throw new CalendarLinkError();
  const tracked = await trackedOf(dependencies, [bodyId]);
  return calendarFeed(bodySettings(body), tracked, (reportId) => reportPageUrl(dependencies.appUrl, reportId), dependencies.now());
}

/** The Word document a body starts its s55 response to a report from, with its notes so far. */
export async function bodyDraftResponse(
  dependencies: OfficeViewDependencies,
  viewer: Viewer,
  reportId: string,
  bodyId: string,
): Promise<{ title: string; document: Uint8Array }> {
  assertActsFor(viewer, bodyId);
  const [state, body] = await Promise.all([dependencies.reports.getReportState(reportId), dependencies.directory.getBody(bodyId)]);
  if (!state) throw new ReportNotFoundError(reportId);
  const obligation = state.obligations.find((each) => each.bodyId === bodyId);
  if (!obligation || !body) throw new ForbiddenError(`Report ${reportId} is not owed a response by "${bodyId}"`);
  return { title: state.report.title ?? reportId, document: await draftResponse(state.report, obligation, bodySettings(body)) };
}

/** A body's tracker as a spreadsheet (CSV), one row per obligation and recommendation. */
export async function bodySpreadsheet(dependencies: OfficeViewDependencies, viewer: Viewer, bodyId: string): Promise<string> {
  assertActsFor(viewer, bodyId);
  const tracked = await trackedOf(dependencies, [bodyId]);
  const on = today(dependencies);
  const order = tracked
    .map((each) => ({ each, summary: summariseObligation(each.obligation, each.report, on) }))
    .sort((a, b) => bySoonestLastDay(a.summary, b.summary));
  return trackerSpreadsheet(
    order.map(({ each }) => each),
    on,
  );
}

/** One published response's lateness, with the report and body named, as `cli lateness` prints it. */
export type NamedLateness = ResponseLateness & { title: string | null };

/**
 * How late every recorded response was, report by report and body by body: for an office to see its
 * own record, and for a person comparing bodies.
 */
export async function lateResponses(dependencies: Pick<OfficeViewDependencies, 'reports'>): Promise<NamedLateness[]> {
  const dated = (await dependencies.reports.listReports()).filter((report) => report.publishedOn && report.kind === 'hmicfrs-report');
  const figures = await Promise.all(
    dated.map(async (report) => latenessOf(report, await dependencies.reports.getObligations(report.id)).map((each) => ({ ...each, title: report.title }))),
  );
  return figures.flat();
}
