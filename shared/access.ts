import type { Obligation } from './model';

/**
 * Who is acting, and for whom they may: a signed-in user acts for their bodies, an administrator for
 * all; the command line and the seed act as administrators under their own names.
 */
export interface Viewer {
  /** What the audit trail records: the user's email, or "cli", "seed", "upload". */
  actor: string;
  bodyIds: readonly string[];
  admin: boolean;
}

/** The viewer may not do this; the message says who may. */
export class ForbiddenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ForbiddenError';
  }
}

export function actsFor(viewer: Viewer, bodyId: string): boolean {
  return viewer.admin || viewer.bodyIds.includes(bodyId);
}

export function assertActsFor(viewer: Viewer, bodyId: string): void {
  if (!actsFor(viewer, bodyId)) throw new ForbiddenError(`You do not act for the body "${bodyId}": ask an administrator to add it to your account`);
}

export function assertAdmin(viewer: Viewer, what: string): void {
  if (!viewer.admin) throw new ForbiddenError(`Only an administrator can ${what}`);
}

/** Whether the viewer may see a report: it concerns one of their bodies, or they are an administrator. */
export function maySee(viewer: Viewer, obligations: readonly Obligation[]): boolean {
  return viewer.admin || obligations.some((obligation) => viewer.bodyIds.includes(obligation.bodyId));
}

/** What a user's change did to obligations must be to their own bodies' only; an administrator's may be to any. */
export function assertChangesOnlyOwn(viewer: Viewer, changed: readonly Obligation[]): void {
  if (viewer.admin) return;
  const others = [...new Set(changed.map((obligation) => obligation.bodyId).filter((bodyId) => !viewer.bodyIds.includes(bodyId)))];
  if (others.length > 0) {
    throw new ForbiddenError(`This correction would change what ${others.join(', ')} ${others.length === 1 ? 'owes' : 'owe'}: ask an administrator to make it`);
  }
}

/**
 * A correction to a report changes what every body that owes it a response must do, so a user may make
 * it only when each of those bodies is one of theirs; otherwise an administrator decides. An office
 * corrects its own force's reports; a national report, owed by every body, is corrected centrally.
 * Null when the viewer may correct it; else why not, naming the other bodies as `nameOf` does.
 */
export function correctionRefusal(viewer: Viewer, obligations: readonly Obligation[], nameOf: (bodyId: string) => string = (bodyId) => bodyId): string | null {
  if (viewer.admin) return null;
  const owing = obligations.filter((obligation) => !obligation.closure).map((obligation) => obligation.bodyId);
  const others = owing.filter((bodyId) => !viewer.bodyIds.includes(bodyId));
  if (owing.length === 0) return 'No body you act for owes this report a response: ask an administrator to correct it';
  if (others.length === 0) return null;
  const named = others.length > 3 ? `${others.length} other bodies` : others.map(nameOf).join(', ');
  return `This report is also owed a response by ${named}: an administrator corrects it, so that every body’s dates change together`;
}

export function assertMayCorrect(viewer: Viewer, obligations: readonly Obligation[]): void {
  const refusal = correctionRefusal(viewer, obligations);
  if (refusal) throw new ForbiddenError(refusal);
}
