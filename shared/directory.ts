import { createHash } from 'node:crypto';
import type { CalendarDate } from './calendar-date';
import { canonicalJson } from './canonical-json';
import type { DeploymentConfiguration, LocalPolicingBody, OfficeUser } from './configuration';

/** A recipient SES said must not be emailed again: their address bounced for good, or they complained. */
export interface SuppressedRecipient {
  address: string;
  reason: 'bounce' | 'complaint';
  at: string;
  detail: string | null;
}

/** A body as the reminders need it: its settings, and the recipients not to email. */
export type ServedBody = LocalPolicingBody & { suppressed: SuppressedRecipient[] };

/** The recipients a reminder may go to: every address but those SES said not to send to again. */
export function deliverableRecipients(body: ServedBody): string[] {
  const suppressed = new Set(body.suppressed.map((each) => each.address.toLowerCase()));
  return body.recipients.filter((address) => !suppressed.has(address.toLowerCase()));
}

/** A local policing body as stored: its settings, whether it is still served, and where it came from. */
export interface BodyRecord extends LocalPolicingBody {
  /** Set when the body is no longer served: its obligations are closed, never deleted. */
  retired: { on: CalendarDate; reason: string } | null;
  /**
   * A digest of the configuration file's entry as last applied, or null for a body an administrator
   * added. The seed changes a body only when its entry in the file changes, so what an administrator
   * changed through the API is not undone by the next deploy.
   */
  seededFrom: string | null;
  /** Kept through every change of its settings: a bounce is a fact about an address, not a setting. */
  suppressed?: SuppressedRecipient[];
}

/** A user as stored: who they act for, and whether they still may. */
export interface UserRecord extends OfficeUser {
  removed: { on: CalendarDate; reason: string } | null;
  seededFrom: string | null;
}

/** A stable digest of a configuration entry, whatever the order of its keys. */
export function seedDigest(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex').slice(0, 16);
}

export type DirectoryChange<T> = { kind: 'added'; after: T } | { kind: 'changed'; before: T; after: T } | { kind: 'retired'; before: T; after: T };

export interface SeedPlan {
  bodies: DirectoryChange<BodyRecord>[];
  users: DirectoryChange<UserRecord>[];
}

export const REMOVED_FROM_FILE = 'Removed from the configuration file';

/**
 * What the seed changes to bring the stored bodies and users in line with the configuration file:
 * each entry not stored is added; each whose entry changed since it was last applied, or that was
 * retired and is listed again, is changed to the file's; each the file once listed and no longer does
 * is retired (a body) or removed (a user), never deleted. What an administrator added is left alone.
 */
export function planSeed(
  file: DeploymentConfiguration,
  stored: { bodies: readonly BodyRecord[]; users: readonly UserRecord[] },
  today: CalendarDate,
): SeedPlan {
  const bodies = reconcile<LocalPolicingBody, BodyRecord>(file.localPolicingBodies, stored.bodies, {
    id: (body) => body.id,
    record: (body, seededFrom, before) => ({ ...body, retired: null, seededFrom, ...(before?.suppressed ? { suppressed: before.suppressed } : {}) }),
    goneFor: (record) => record.retired?.reason ?? null,
    gone: (record) => ({ ...record, retired: { on: today, reason: REMOVED_FROM_FILE } }),
  });
  const users = reconcile<OfficeUser, UserRecord>(file.users, stored.users, {
    id: (user) => user.email,
    record: (user, seededFrom) => ({ ...user, removed: null, seededFrom }),
    goneFor: (record) => record.removed?.reason ?? null,
    gone: (record) => ({ ...record, removed: { on: today, reason: REMOVED_FROM_FILE } }),
  });
  return { bodies, users };
}

function reconcile<Entry, Stored extends { seededFrom: string | null }>(
  entries: readonly Entry[],
  stored: readonly Stored[],
  how: {
    id: (item: Entry | Stored) => string;
    record: (entry: Entry, seededFrom: string, before?: Stored) => Stored;
    /** Why a stored record is retired or removed, or null while it is in use. */
    goneFor: (record: Stored) => string | null;
    gone: (record: Stored) => Stored;
  },
): DirectoryChange<Stored>[] {
  const changes: DirectoryChange<Stored>[] = [];
  for (const entry of entries) {
    const digest = seedDigest(entry);
    const before = stored.find((record) => how.id(record) === how.id(entry));
    // Brought back only when the file dropped it and lists it again, or its entry changed: one an
    // administrator retired stays retired while the file's entry for it is the same.
    if (!before) changes.push({ kind: 'added', after: how.record(entry, digest) });
    else if (before.seededFrom !== digest || how.goneFor(before) === REMOVED_FROM_FILE)
      changes.push({ kind: 'changed', before, after: how.record(entry, digest, before) });
  }
  for (const before of stored) {
    const listed = entries.some((entry) => how.id(entry) === how.id(before));
    if (!listed && before.seededFrom !== null && how.goneFor(before) === null) changes.push({ kind: 'retired', before, after: how.gone(before) });
  }
  return changes;
}

/** The body's own settings, without what the table keeps about it. */
export function bodySettings({ retired: _retired, seededFrom: _seededFrom, suppressed: _suppressed, ...body }: BodyRecord): LocalPolicingBody {
  return body;
}

export function servedBody(record: BodyRecord): ServedBody {
  return { ...bodySettings(record), suppressed: record.suppressed ?? [] };
}
