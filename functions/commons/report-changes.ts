import { assertActsFor, assertChangesOnlyOwn, assertMayCorrect, type Viewer } from '../../shared/access';
import { type AuditEvent, auditEvent, type EventContext, obligationChanges } from '../../shared/audit';
import { londonDateAt } from '../../shared/calendar-date';
import type { LocalPolicingBody } from '../../shared/configuration';
import {
  CorrectionRefusedError,
  correctedFields,
  correctObligation,
  correctReport,
  type ObligationCorrection,
  type ReportCorrection,
} from '../../shared/corrections';
import { type ServedBody, servedBody } from '../../shared/directory';
import type { Obligation, Report } from '../../shared/model';
import { applyProgress, type ProgressChange } from '../../shared/progress';
import { changedObligations, reconcileObligations } from '../../shared/report-ingestion';
import type { DirectoryTable } from './directory-table';
import { ConcurrentChangeError, ReportNotFoundError, type ReportState, type ReportsTable } from './reports-table';

export interface ReportChangeDependencies {
  reports: ReportsTable;
  directory: DirectoryTable;
  now: () => Date;
}

/** The body named does not owe the report a response; the message says who does. */
export class ObligationNotFoundError extends Error {
  constructor(
    readonly reportId: string,
    readonly bodyId: string,
    owing: readonly Obligation[],
  ) {
    super(`"${bodyId}" does not owe report ${reportId} a response; it is owed by: ${owing.map((each) => each.bodyId).join(', ') || 'no body'}`);
    this.name = 'ObligationNotFoundError';
  }
}

/** The local policing bodies served now, with their settings and the recipients not to email. */
export async function servedBodies(directory: DirectoryTable): Promise<ServedBody[]> {
  return (await directory.listBodies()).filter((body) => !body.retired).map(servedBody);
}

export function eventContext(by: string, now: Date): EventContext {
  return { by, on: londonDateAt(now), at: now.toISOString() };
}

/** What a change to a report writes: the report if it changed, and the audit events. */
interface ReportChange {
  report?: Report;
  obligations: Obligation[];
  events: AuditEvent[];
}

/** How many times a change is worked out again when someone else's lands first. */
const ATTEMPTS = 3;

/**
 * Reads a report with its obligations, works out a change from them, and writes it only if nobody
 * changed the report meanwhile; if someone did, reads and works it out again.
 */
export async function changeReport(
  dependencies: ReportChangeDependencies,
  reportId: string,
  work: (state: ReportState, bodies: LocalPolicingBody[], context: EventContext) => ReportChange,
  by: string,
): Promise<ReportState> {
  for (let attempt = 1; ; attempt += 1) {
    const state = await dependencies.reports.getReportState(reportId);
    if (!state) throw new ReportNotFoundError(reportId);
    const change = work(state, await servedBodies(dependencies.directory), eventContext(by, dependencies.now()));
    try {
      await dependencies.reports.saveChange(state, change);
    } catch (error) {
      if (error instanceof ConcurrentChangeError && attempt < ATTEMPTS) continue;
      throw error;
    }
    const obligations = state.obligations.map((obligation) => change.obligations.find((each) => each.bodyId === obligation.bodyId) ?? obligation);
    const added = change.obligations.filter((obligation) => !state.obligations.some((each) => each.bodyId === obligation.bodyId));
    return { report: change.report ?? state.report, obligations: [...obligations, ...added], version: state.version + 1 };
  }
}

function obligationOf(state: ReportState, bodyId: string): Obligation {
  const obligation = state.obligations.find((each) => each.bodyId === bodyId);
  if (!obligation) throw new ObligationNotFoundError(state.report.id, bodyId, state.obligations);
  return obligation;
}

/** The report's obligations again, with `changed` in place of its earlier self, and only what moved. */
export function obligationsFollowing(state: ReportState, report: Report, changed: Obligation[], bodies: LocalPolicingBody[], context: EventContext) {
  const existing = state.obligations.map((obligation) => changed.find((each) => each.bodyId === obligation.bodyId) ?? obligation);
  const reconciled = reconcileObligations(report, existing, bodies, context, { stored: state.obligations });
  return { report: reconciled.report, obligations: changedObligations(state.obligations, reconciled.obligations), all: reconciled.obligations };
}

/**
 * Records what a body has done (the chief officer's comments received, a recommendation explained,
 * the response published) or undoes it. What is recorded stops the reminders about it from the next
 * scan; what is undone brings them back.
 */
export async function recordProgress(
  dependencies: ReportChangeDependencies,
  viewer: Viewer,
  reportId: string,
  bodyId: string,
  changes: readonly ProgressChange[],
): Promise<Obligation> {
  assertActsFor(viewer, bodyId);
  const state = await changeReport(
    dependencies,
    reportId,
    (read, bodies, context) => {
      const before = obligationOf(read, bodyId);
      const progress = changes.reduce((current, change) => applyProgress(current, change, read.report, context.on), before.progress);
      const { obligations } = obligationsFollowing(read, read.report, [{ ...before, progress }], bodies, context);
      const undone = changes.every((change) => change.action === 'undo');
      const event = auditEvent(context, undone ? 'progress.undone' : 'progress.recorded', { reportId, bodyId }, { before: before.progress, after: progress });
      return { obligations, events: [event] };
    },
    viewer.actor,
  );
  return obligationOf(state, bodyId);
}

function pick(report: Report, fields: ReadonlyArray<keyof Report>): Partial<Report> {
  return Object.fromEntries(fields.map((field) => [field, report[field]]));
}

function requireReason(reason: string): string {
  const trimmed = reason.trim();
  if (!trimmed) throw new CorrectionRefusedError('Say why you are making this correction: the reason is kept in the report’s history');
  return trimmed;
}

/**
 * A person corrects what FiftySix read: the publication date, kind, s55 duty, forces, title or
 * recommendations. Who owes a response, every date and every reminder follow the correction; what
 * each office recorded stays. A date a person typed is checked against today; one from an upload's
 * metadata (`typed: false`) only has to be one the engine can plan from.
 */
export async function correctReportAs(
  dependencies: ReportChangeDependencies,
  viewer: Viewer,
  reportId: string,
  correction: ReportCorrection,
  reason: string,
  { typed = true }: { typed?: boolean } = {},
): Promise<ReportState> {
  const why = requireReason(reason);
  return changeReport(
    dependencies,
    reportId,
    (read, bodies, context) => {
      assertMayCorrect(viewer, read.obligations);
      const corrected = correctReport(read.report, correction, { by: viewer.actor, reason: why, ...(typed ? { today: context.on } : {}) });
      const after = obligationsFollowing(read, corrected, [], bodies, context);
      // What a correction does to who owes the report counts too: a user's may change only their own bodies' obligations.
      assertChangesOnlyOwn(viewer, after.obligations);
      const fields = correctedFields(correction);
      const subject = { reportId };
      const events = [
        auditEvent(context, 'report.corrected', subject, {
          before: pick(read.report, fields),
          after: pick(after.report, fields),
          reason: `${correction.type}: ${why}`,
        }),
      ];
      const moved = obligationChanges(read.obligations, after.all);
      if (moved) events.push(auditEvent(context, 'report.obligations-changed', subject, { after: moved, reason: `Follows the ${correction.type} correction` }));
      return { report: after.report, obligations: after.obligations, events };
    },
    viewer.actor,
  );
}

const OBLIGATION_ACTIONS = { archive: 'obligation.archived', restore: 'obligation.restored', 'take-up': 'obligation.taken-up' } as const;

/** A person archives one body's obligation, restores it, or takes up a historical one so that its reminders run. */
export async function correctObligationAs(
  dependencies: ReportChangeDependencies,
  viewer: Viewer,
  reportId: string,
  bodyId: string,
  correction: ObligationCorrection,
  reason: string,
): Promise<Obligation> {
  assertActsFor(viewer, bodyId);
  const why = requireReason(reason);
  const state = await changeReport(
    dependencies,
    reportId,
    (read, bodies, context) => {
      const before = obligationOf(read, bodyId);
      if (correction.type === 'restore' && !bodies.some((body) => body.id === bodyId)) {
        throw new CorrectionRefusedError(`The body "${bodyId}" is retired: an administrator must bring it back before its obligations can be restored`);
      }
      const corrected = correctObligation(before, correction, { by: viewer.actor, on: context.on, reason: why });
      const { obligations } = obligationsFollowing(read, read.report, [corrected], bodies, context);
      const after = obligations.find((each) => each.bodyId === bodyId) ?? corrected;
      const record = (obligation: Obligation) => ({
        closure: obligation.closure,
        historical: obligation.historical,
        nextReminderOn: obligation.nextReminderOn,
      });
      const event = auditEvent(
        context,
        OBLIGATION_ACTIONS[correction.type],
        { reportId, bodyId },
        { before: record(before), after: record(after), reason: why },
      );
      return { obligations, events: [event] };
    },
    viewer.actor,
  );
  return obligationOf(state, bodyId);
}
