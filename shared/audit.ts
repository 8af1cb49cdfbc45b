import type { Obligation } from './model';
import type { ChangeContext } from './report-ingestion';

/** Who acts when no person signed in did: the configuration file's seed, an S3 upload, the command line. */
export const SYSTEM_ACTORS = { seed: 'seed', upload: 'upload', cli: 'cli' } as const;

/**
 * One change to what FiftySix holds, kept for ever: who (a signed-in user's email, or "seed",
 * "upload", "cli"), when, what, and the state before and after. Events are only ever added.
 */
export interface AuditEvent {
  /** The moment, ISO 8601 in UTC. */
  at: string;
  actor: string;
  action: AuditAction;
  /** The report it concerns, if any. */
  reportId: string | null;
  /** The body it concerns, if any. */
  bodyId: string | null;
  /** The user it concerns, if any (a user added or changed). */
  userEmail: string | null;
  /** Why, as the person wrote it; corrections require one. */
  reason: string | null;
  before: unknown;
  after: unknown;
}

export type AuditAction =
  | 'report.read'
  | 'report.corrected'
  | 'report.obligations-changed'
  | 'report.source-added'
  | 'report.merged'
  | 'report.duplicate-dismissed'
  | 'response.linked'
  | 'obligation.archived'
  | 'obligation.restored'
  | 'obligation.taken-up'
  | 'progress.recorded'
  | 'progress.undone'
  | 'body.added'
  | 'body.changed'
  | 'body.retired'
  | 'body.calendar-link-renewed'
  | 'body.recipients-suppressed'
  | 'user.added'
  | 'user.changed'
  | 'user.removed';

export interface EventContext extends ChangeContext {
  /** The moment of the change; `on` is its London date. */
  at: string;
}

export function auditEvent(
  context: EventContext,
  action: AuditAction,
  subject: { reportId?: string | null; bodyId?: string | null; userEmail?: string | null },
  change: { before?: unknown; after?: unknown; reason?: string | null },
): AuditEvent {
  return {
    at: context.at,
    actor: context.by,
    action,
    reportId: subject.reportId ?? null,
    bodyId: subject.bodyId ?? null,
    userEmail: subject.userEmail ?? null,
    reason: change.reason ?? null,
    before: change.before ?? null,
    after: change.after ?? null,
  };
}

/** Which bodies a change gave an obligation, closed one for, or reopened one for: what the trail says of its side effects. */
export interface ObligationChanges {
  created: string[];
  closed: string[];
  reopened: string[];
}

export function obligationChanges(before: readonly Obligation[], after: readonly Obligation[]): ObligationChanges | null {
  const changes: ObligationChanges = { created: [], closed: [], reopened: [] };
  for (const obligation of after) {
    const prior = before.find((each) => each.bodyId === obligation.bodyId);
    if (!prior) changes.created.push(obligation.bodyId);
    else if (!prior.closure && obligation.closure) changes.closed.push(obligation.bodyId);
    else if (prior.closure && !obligation.closure) changes.reopened.push(obligation.bodyId);
  }
  return changes.created.length + changes.closed.length + changes.reopened.length > 0 ? changes : null;
}
