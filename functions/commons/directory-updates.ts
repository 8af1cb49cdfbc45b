import { randomBytes } from 'node:crypto';
import { assertAdmin, type Viewer } from '../../shared/access';
import { type AuditEvent, auditEvent, type EventContext, obligationChanges } from '../../shared/audit';
import { canonicalJson } from '../../shared/canonical-json';
import { type DeploymentConfiguration, type LocalPolicingBody, MAX_SERVED_BODIES, type OfficeUser, parseLocalPolicingBody } from '../../shared/configuration';
import { type BodyRecord, bodySettings, type DirectoryChange, planSeed, REMOVED_FROM_FILE, type UserRecord } from '../../shared/directory';
import { changedObligations, closed, reconcileObligations } from '../../shared/report-ingestion';
import type { DirectoryTable } from './directory-table';
import { changeReport, eventContext } from './report-changes';
import type { ReportsTable } from './reports-table';
import type { UserPool } from './user-pool';

export interface DirectoryDependencies {
  reports: ReportsTable;
  directory: DirectoryTable;
  userPool: UserPool;
  now: () => Date;
}

/** A change to the bodies or users that their current state does not allow; the message says why. */
export class DirectoryChangeRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DirectoryChangeRefusedError';
  }
}

/** A secret long enough that a calendar link cannot be guessed. */
function newCalendarToken(): string {
  return randomBytes(24).toString('base64url');
}

/** Whether a change to a body alters the plan of its reminders: its force, the chief officer's day or its stages. */
function changesPlans(before: LocalPolicingBody, after: LocalPolicingBody): boolean {
  const plan = ({ force, chiefOfficerCommentsDay, reminders }: LocalPolicingBody) => canonicalJson({ force, chiefOfficerCommentsDay, reminders });
  return plan(before) !== plan(after);
}

/**
 * Brings the reports in line after bodies were added, changed or retired. A retired body's obligations
 * are closed with the reason and leave the reminders; an added or returning body gets obligations for
 * every stored report it owes whose last day has not passed (a national report binds it as much as
 * the others); a body whose force, chief officer's day or reminder stages changed has its dates and
 * plans drawn up again. Each report is changed in one transaction with its audit event.
 *
 * A transaction takes at most 100 writes, so a seed that adds or retires many bodies at once is
 * followed through the reports a few dozen bodies at a time: bodies still to come are left out until
 * their turn, which reconcileObligations allows (it leaves the obligations of bodies it is not given).
 */
async function followBodyChanges(dependencies: DirectoryDependencies, changes: DirectoryChange<BodyRecord>[], context: EventContext): Promise<number> {
  const reportIds = new Set<string>();
  for (let start = 0; start < changes.length; start += BODY_CHANGES_PER_TRANSACTION) {
    const later = new Set(arrivals(changes.slice(start + BODY_CHANGES_PER_TRANSACTION)).map((change) => change.after.id));
    for (const reportId of await followSomeBodyChanges(dependencies, changes.slice(start, start + BODY_CHANGES_PER_TRANSACTION), later, context))
      reportIds.add(reportId);
  }
  return reportIds.size;
}

/** With one obligation written per body changed, a report, and an event or two, well under DynamoDB's 100 writes. */
const BODY_CHANGES_PER_TRANSACTION = 40;

/** Bodies that come (back), or now answer for another force: they may owe reports they owed nothing before. */
function arrivals(changes: DirectoryChange<BodyRecord>[]): DirectoryChange<BodyRecord>[] {
  return changes.filter(
    (change) =>
      change.kind === 'added' ||
      (change.kind === 'changed' && !change.after.retired && (change.before.retired !== null || change.before.force !== change.after.force)),
  );
}

async function followSomeBodyChanges(
  dependencies: DirectoryDependencies,
  changes: DirectoryChange<BodyRecord>[],
  later: ReadonlySet<string>,
  context: EventContext,
): Promise<Set<string>> {
  const retired = changes.filter((change) => change.kind === 'retired' || (change.kind === 'changed' && change.after.retired && !change.before.retired));
  const arriving = arrivals(changes);
  const replanned = changes.flatMap((change) =>
    change.kind === 'changed' && !change.after.retired && changesPlans(change.before, change.after) ? [change.after.id] : [],
  );
  const reportIds = new Set<string>();
  for (const { after } of [...retired, ...changes.filter((change) => replanned.includes(change.after.id))]) {
    for (const obligation of await dependencies.reports.obligationsOfBody(after.id)) reportIds.add(obligation.reportId);
  }
  if (arriving.length > 0) for (const reportId of await dependencies.reports.reportIdsDueFrom(context.on)) reportIds.add(reportId);
  const retiredIds = retired.map((change) => change.after.id);
  for (const reportId of reportIds) {
    await changeReport(
      dependencies,
      reportId,
      (state, bodies, now) => {
        const closing = state.obligations.map((obligation) =>
          retiredIds.includes(obligation.bodyId)
            ? closed(obligation, {
                kind: 'retired',
                reason: `The body was retired: ${retired.find((each) => each.after.id === obligation.bodyId)?.after.retired?.reason}`,
                note: null,
                on: now.on,
                by: now.by,
              })
            : obligation,
        );
        const servedNow = bodies.filter((body) => !later.has(body.id));
        const reconciled = reconcileObligations(state.report, closing, servedNow, now, { replan: replanned });
        const moved = obligationChanges(state.obligations, reconciled.obligations);
        const events: AuditEvent[] = moved
          ? [auditEvent(now, 'report.obligations-changed', { reportId }, { after: moved, reason: 'Follows a change to the local policing bodies' })]
          : [];
        return { report: reconciled.report, obligations: changedObligations(state.obligations, reconciled.obligations), events };
      },
      context.by,
    );
  }
  return reportIds;
}

const BODY_ACTIONS = { added: 'body.added', changed: 'body.changed', retired: 'body.retired' } as const;
const USER_ACTIONS = { added: 'user.added', changed: 'user.changed', retired: 'user.removed' } as const;

async function saveBodyChange(
  dependencies: DirectoryDependencies,
  change: DirectoryChange<BodyRecord>,
  context: EventContext,
  reason: string | null,
): Promise<void> {
  const before = change.kind === 'added' ? null : change.before;
  const event = auditEvent(context, BODY_ACTIONS[change.kind], { bodyId: change.after.id }, { before, after: change.after, reason });
  await dependencies.directory.saveBody(before, change.after, [event]);
  if (!change.after.retired) await dependencies.directory.setCalendarToken(change.after.id, newCalendarToken(), [], { onlyIfNone: true });
}

/** The user pool first, then the table: a failure between leaves the table unchanged, and the next attempt does both again. */
async function saveUserChange(
  dependencies: DirectoryDependencies,
  change: DirectoryChange<UserRecord>,
  context: EventContext,
  reason: string | null,
): Promise<void> {
  const { after } = change;
  if (after.removed) await dependencies.userPool.disableUser(after.email);
  else await dependencies.userPool.ensureUser(after.email, after.admin);
  const before = change.kind === 'added' ? null : change.before;
  const event = auditEvent(context, USER_ACTIONS[change.kind], { userEmail: after.email }, { before, after, reason });
  await dependencies.directory.saveUser(before, after, [event]);
}

function idsOf<T>(changes: DirectoryChange<T>[], kind: DirectoryChange<T>['kind'], id: (record: T) => string): string[] {
  return changes.filter((change) => change.kind === kind).map((change) => id(change.after));
}

export interface SeedOutcome {
  bodies: { added: string[]; changed: string[]; retired: string[] };
  users: { added: string[]; changed: string[]; removed: string[] };
  /** How many stored reports had their obligations brought in line. */
  reportsFollowed: number;
}

/**
 * Brings the stored bodies and users in line with the configuration file, as `npm start` and each
 * deploy do. Business steps:
 * 1. compare the file with what is stored (planSeed): add, change, retire or remove;
 * 2. store each change with its audit event, by "seed"; users in the user pool first;
 * 3. follow the bodies' changes through the stored reports (followBodyChanges).
 * Running it again with the same file changes nothing.
 */
export async function seedDirectory(dependencies: DirectoryDependencies, file: DeploymentConfiguration, by = 'seed'): Promise<SeedOutcome> {
  const context = eventContext(by, dependencies.now());
  const [bodies, users] = await Promise.all([dependencies.directory.listBodies(), dependencies.directory.listUsers()]);
  const plan = planSeed(file, { bodies, users }, context.on);
  const reason = 'From the configuration file';
  for (const change of plan.bodies) await saveBodyChange(dependencies, change, context, reason);
  // Bodies stored before calendar links existed get theirs now.
  for (const body of bodies) if (!body.retired) await dependencies.directory.setCalendarToken(body.id, newCalendarToken(), [], { onlyIfNone: true });
  for (const change of plan.users) await saveUserChange(dependencies, change, context, reason);
  const reportsFollowed = await followBodyChanges(dependencies, plan.bodies, context);
  const bodyIds = (kind: DirectoryChange<BodyRecord>['kind']) => idsOf(plan.bodies, kind, (body) => body.id);
  const emails = (kind: DirectoryChange<UserRecord>['kind']) => idsOf(plan.users, kind, (user) => user.email);
  return {
    bodies: { added: bodyIds('added'), changed: bodyIds('changed'), retired: bodyIds('retired') },
    users: { added: emails('added'), changed: emails('changed'), removed: emails('retired') },
    reportsFollowed,
  };
}

/**
 * What a record brought back by an administrator owes the file: nothing, when it was the file that
 * dropped it, or the next seed would retire it again; otherwise its link to the file's entry stays.
 */
function keptSeed(before: { seededFrom: string | null }, wasGone: { reason: string } | null, isGone: unknown): string | null {
  return wasGone?.reason === REMOVED_FROM_FILE && !isGone ? null : before.seededFrom;
}

/** An administrator adds a body: it gets its obligations for the stored reports it owes whose last day has not passed. */
export async function addBody(dependencies: DirectoryDependencies, viewer: Viewer, raw: unknown): Promise<BodyRecord> {
  assertAdmin(viewer, 'add a local policing body');
  const body = parseLocalPolicingBody(raw, 'The body');
  await assertRoomForAnotherBody(dependencies);
  const after: BodyRecord = { ...body, retired: null, seededFrom: null };
  const context = eventContext(viewer.actor, dependencies.now());
  const change: DirectoryChange<BodyRecord> = { kind: 'added', after };
  await saveBodyChange(dependencies, change, context, null);
  await followBodyChanges(dependencies, [change], context);
  return after;
}

/**
 * An administrator changes a body's name, force, recipients or settings, retires it (with a reason),
 * brings a retired body back, or lets reminders go again to addresses SES had suppressed. Its reports follow.
 */
export async function changeBody(
  dependencies: DirectoryDependencies,
  viewer: Viewer,
  bodyId: string,
  raw: unknown,
  retirement: { retire?: boolean; reason: string | null; emailAgain?: readonly string[] },
): Promise<BodyRecord> {
  assertAdmin(viewer, 'change a local policing body');
  const before = await dependencies.directory.getBody(bodyId);
  if (!before) throw new DirectoryChangeRefusedError(`There is no body "${bodyId}"`);
  const body = parseLocalPolicingBody({ ...bodySettings(before), ...(raw as object), id: bodyId }, 'The body');
  const context = eventContext(viewer.actor, dependencies.now());
  if (retirement.retire && !retirement.reason?.trim())
    throw new DirectoryChangeRefusedError('Say why the body is retired: its open obligations are closed with that reason');
  // Retirement changes only when asked: changing a retired body's recipients does not bring it back.
  const retired =
    retirement.retire === undefined ? before.retired : retirement.retire ? (before.retired ?? { on: context.on, reason: retirement.reason!.trim() }) : null;
  if (before.retired && !retired) await assertRoomForAnotherBody(dependencies);
  // A suppression stays until an administrator says the address works again: SES's word outlives edits of the recipients.
  const again = new Set((retirement.emailAgain ?? []).map((address) => address.toLowerCase()));
  const suppressed = before.suppressed?.filter((each) => !again.has(each.address.toLowerCase()));
  const after: BodyRecord = { ...body, retired, seededFrom: keptSeed(before, before.retired, retired), ...(suppressed ? { suppressed } : {}) };
  const change: DirectoryChange<BodyRecord> = retired && !before.retired ? { kind: 'retired', before, after } : { kind: 'changed', before, after };
  await saveBodyChange(dependencies, change, context, retirement.reason);
  await followBodyChanges(dependencies, [change], context);
  return after;
}

async function assertRoomForAnotherBody(dependencies: DirectoryDependencies): Promise<void> {
  const served = (await dependencies.directory.listBodies()).filter((body) => !body.retired).length;
  if (served >= MAX_SERVED_BODIES)
    throw new DirectoryChangeRefusedError(
      `This deployment already serves ${served} bodies, the most it can: retire one first, or serve the new body from another deployment`,
    );
}

/** An administrator adds a user or changes the bodies they act for; a user removed can no longer sign in. */
export async function saveUser(dependencies: DirectoryDependencies, viewer: Viewer, user: OfficeUser & { removed?: boolean }): Promise<UserRecord> {
  assertAdmin(viewer, 'add or change users');
  const known = new Set((await dependencies.directory.listBodies()).map((body) => body.id));
  const unknown = user.bodyIds.filter((bodyId) => !known.has(bodyId));
  if (unknown.length > 0) throw new DirectoryChangeRefusedError(`There is no body ${unknown.map((id) => `"${id}"`).join(', ')}: add it first`);
  if (user.bodyIds.length === 0 && !user.admin && !user.removed)
    throw new DirectoryChangeRefusedError('A user must act for at least one body, or be an administrator');
  const email = user.email.toLowerCase();
  const before = await dependencies.directory.getUser(email);
  const context = eventContext(viewer.actor, dependencies.now());
  const after: UserRecord = {
    email,
    bodyIds: [...new Set(user.bodyIds)],
    admin: user.admin,
    removed: user.removed ? (before?.removed ?? { on: context.on, reason: `Removed by ${viewer.actor}` }) : null,
    seededFrom: before ? keptSeed(before, before.removed, user.removed ? before.removed : null) : null,
  };
  const change: DirectoryChange<UserRecord> = !before
    ? { kind: 'added', after }
    : after.removed && !before.removed
      ? { kind: 'retired', before, after }
      : { kind: 'changed', before, after };
  await saveUserChange(dependencies, change, context, null);
  return after;
}

/** An administrator renews a body's calendar link: the old one stops working, for a link that was shared too widely. */
export async function renewCalendarLink(dependencies: DirectoryDependencies, viewer: Viewer, bodyId: string): Promise<string> {
  assertAdmin(viewer, 'renew a calendar link');
  const body = await dependencies.directory.getBody(bodyId);
  if (!body) throw new DirectoryChangeRefusedError(`There is no body "${bodyId}"`);
  const token = newCalendarToken();
  const event = auditEvent(
    eventContext(viewer.actor, dependencies.now()),
    'body.calendar-link-renewed',
    { bodyId },
    { reason: 'The old link no longer works' },
  );
  await dependencies.directory.setCalendarToken(bodyId, token, [event]);
  return token;
}
