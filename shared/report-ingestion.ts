import { addDays, type CalendarDate, londonDateAt } from './calendar-date';
import { canonicalJson } from './canonical-json';
import { chiefOfficerCommentsDayFor, type LocalPolicingBody, reminderSettingsFor } from './configuration';
import { obligationDates, recommendationKey, statutoryLastDay } from './deadlines';
import { UNRECOGNISED_DOCUMENT } from './extraction/s55';
import type { ExtractedRecommendation, ExtractionResult, Obligation, ObligationClosure, Report, ReportSource } from './model';
import { firstReminderOn, NO_PROGRESS, type ObligationProgress } from './reminders';
import { textFingerprint } from './report-identity';

export interface ReadReport {
  report: Report;
  obligations: Obligation[];
}

/** Who made a change and on which (London) day: what every closure and audit event records. */
export interface ChangeContext {
  by: string;
  on: CalendarDate;
}

/**
 * A report read this long after its last day is history: the office answered it, or will not now
 * because FiftySix told it to. Reminding it every week that it is years late helps nobody.
 */
export const HISTORICAL_AFTER_DAYS = 28;

/** The London day FiftySix first read the report: what "historical" is measured from. */
export function ingestedOn(report: Pick<Report, 'source'>): CalendarDate {
  return londonDateAt(new Date(report.source.uploadedAt));
}

type Concern = Pick<Report, 'kind' | 's55' | 'forces' | 'publishedOnSource' | 'answers' | 'mergedInto'>;

/**
 * The local policing bodies that owe a response: the body of each force the report names, or every
 * body when it names none (a national or thematic report binds every force). A person's decision on
 * the s55 duty stands over the rules. A document the rules do not recognise still counts when a person
 * gave its publication date: their word that it is a report beats a guess that it is not. One the s55
 * rules exclude for a stated reason (fire and rescue, a press release, a force outside the duty) does not.
 */
export function bodiesConcerned(report: Concern, bodies: readonly LocalPolicingBody[]): LocalPolicingBody[] {
  // A response linked to its report, and a report merged into another, are owed through that other report.
  if (report.answers || report.mergedInto) return [];
  if (report.s55?.decidedBy ? report.s55.applies === false : excludedByTheRules(report)) return [];
  // A report whose duty is in doubt (`applies: null`) still gets its obligations: a reminder a person
  // can dismiss costs less than a deadline missed.
  if (report.forces.length === 0) return [...bodies];
  return bodies.filter((body) => report.forces.includes(body.force));
}

function excludedByTheRules(report: Concern): boolean {
  const unrecognised = report.kind === 'other' && (report.s55 === null || report.s55.reason === UNRECOGNISED_DOCUMENT);
  const datedByPerson = report.publishedOnSource === 'upload-metadata' || report.publishedOnSource === 'confirmed';
  return unrecognised ? !datedByPerson : report.kind === 'other' || report.s55?.applies === false;
}

/**
 * A body's own response, dated, is the response published: with the chief officer's comments in it
 * (s55(5)), so nothing about either is still due. Uploading one must not start overdue reminders.
 */
function progressShownBy(extraction: ExtractionResult): ObligationProgress {
  if (extraction.kind !== 'pcc-response' || !extraction.publishedOn) return NO_PROGRESS;
  return { ...NO_PROGRESS, responsePublishedOn: extraction.publishedOn, chiefOfficerCommentsReceivedOn: extraction.publishedOn };
}

/** The report a body's response names as the one it answers: the one its title names when it names no other. */
export function respondedReport(extraction: ExtractionResult): NonNullable<Report['respondsTo']> {
  return extraction.respondsTo ?? { title: extraction.title, publishedOn: null };
}

/** The publication date a document states for the report: a body's response carries the date of the report it answers. */
function statedPublicationDate(extraction: ExtractionResult): CalendarDate | null {
  return extraction.kind === 'pcc-response' ? (extraction.respondsTo?.publishedOn ?? null) : extraction.publishedOn;
}

/** Each recommendation keyed once, by its ref or position, so later additions and removals leave the others' keys alone. */
export function keyedRecommendations(recommendations: readonly ExtractedRecommendation[]): ExtractedRecommendation[] {
  const used = new Set<string>();
  return recommendations.map((recommendation, index) => {
    const base = recommendationKey(recommendation, index);
    let key = base;
    for (let copy = 2; used.has(key); copy += 1) key = `${base}-${copy}`;
    used.add(key);
    return { ...recommendation, key };
  });
}

/** What an obligation carries over from its earlier self when its report or body changes. */
interface Carried {
  progress: ObligationProgress;
  closure: ObligationClosure | null;
  takenUp: Obligation['takenUp'];
  response?: Obligation['response'];
}

/** Starts (or restarts) one body's clock: every date from the publication date, the first reminder from the body's plan. */
function obligationFor(report: Report, body: LocalPolicingBody, carried: Carried): Obligation {
  const dates = report.publishedOn ? obligationDates(report.publishedOn, report.recommendations, chiefOfficerCommentsDayFor(body)) : null;
  const historical = dates !== null && carried.takenUp === null && dates.responseDueOn < addDays(ingestedOn(report), -HISTORICAL_AFTER_DAYS);
  const reminded = dates !== null && carried.closure === null && !historical;
  return {
    reportId: report.id,
    bodyId: body.id,
    force: body.force,
    dates,
    progress: carried.progress,
    nextReminderOn: reminded ? firstReminderOn(dates, reminderSettingsFor(body), carried.progress) : null,
    closure: carried.closure,
    historical,
    takenUp: carried.takenUp,
    // Only an obligation with a linked response carries one, so those stored before it existed compare equal.
    ...(carried.response ? { response: carried.response } : {}),
  };
}

/** An obligation read back from before these fields existed gets their defaults. */
export function withDefaults(obligation: Partial<Obligation> & Pick<Obligation, 'reportId' | 'bodyId' | 'force'>): Obligation {
  return {
    dates: null,
    nextReminderOn: null,
    closure: null,
    historical: false,
    takenUp: null,
    ...obligation,
    progress: { ...NO_PROGRESS, ...obligation.progress },
  };
}

/**
 * Brings a report's obligations in line with what is now known of it and of the bodies: each body
 * concerned has one, its dates computed from the publication date, its recommendations and the body's
 * settings, and its next reminder planned; what the office recorded stays. A body no longer concerned
 * keeps its obligation, closed with the reason, so its history stays readable. Ingestion, every
 * correction and every change of bodies come through here, so dates and reminders always follow.
 * `bodies` are the active bodies; obligations of others (retired) are left as they are.
 */
export function reconcileObligations(
  report: Report,
  existing: readonly Obligation[],
  bodies: readonly LocalPolicingBody[],
  context: ChangeContext,
  options: ReconcileOptions = {},
): ReadReport {
  if (report.status === 'failed') return { report, obligations: [...existing] };
  const concerned = bodiesConcerned(report, bodies);
  const keys = new Set(report.recommendations.map(recommendationKey));
  const obligations = concerned.map((body) => {
    const prior = existing.find((obligation) => obligation.bodyId === body.id);
    const progress = prior ? withoutRemoved(prior.progress, keys) : (options.progressOfNew ?? NO_PROGRESS);
    // A person's archive stays; a closure FiftySix made because the body was not concerned lifts now it is.
    const closure = prior?.closure?.kind === 'archived' ? prior.closure : null;
    const next = obligationFor(report, body, { progress, closure, takenUp: prior?.takenUp ?? null, response: prior?.response });
    // Where nothing the plan rests on changed since it was stored, the scan's place in it stays: it is not made to look back again.
    const stored = (options.stored ?? existing).find((obligation) => obligation.bodyId === body.id);
    const samePlan = stored && !options.replan?.includes(body.id) && planInputs(stored) === planInputs(next);
    return samePlan ? { ...next, nextReminderOn: stored.nextReminderOn } : next;
  });
  for (const prior of existing) {
    const stillConcerned = concerned.some((body) => body.id === prior.bodyId);
    const active = bodies.some((body) => body.id === prior.bodyId);
    if (stillConcerned) continue;
    obligations.push(active ? closed(prior, { kind: 'no-duty', reason: notOwedBecause(report), note: null, ...context }) : prior);
  }
  const status = concerned.length === 0 ? 'no-duty' : report.publishedOn ? 'ingested' : 'awaiting-publication-date';
  return { report: { ...report, status, responseDueOn: report.publishedOn ? statutoryLastDay(report.publishedOn) : null }, obligations };
}

export interface ReconcileOptions {
  /** What a body that owes the report for the first time has done already (a response read as such). */
  progressOfNew?: ObligationProgress;
  /** Bodies whose reminder settings changed: their plans are drawn up again though their dates did not change. */
  replan?: readonly string[];
  /** The obligations as stored, when `existing` holds a person's change to them: the plan is compared with these. */
  stored?: readonly Obligation[];
}

function planInputs(obligation: Obligation): string {
  const { dates, progress, closure, historical } = obligation;
  return canonicalJson({ dates, progress, closure, historical });
}

/** The obligations a change touched: new ones, and those that differ from what was stored. */
export function changedObligations(before: readonly Obligation[], after: readonly Obligation[]): Obligation[] {
  return after.filter((obligation) => {
    const prior = before.find((each) => each.bodyId === obligation.bodyId);
    return !prior || canonicalJson(prior) !== canonicalJson(obligation);
  });
}

/** Takes an obligation out of the reminders, keeping the first reason it was closed for. */
export function closed(obligation: Obligation, closure: ObligationClosure): Obligation {
  return { ...obligation, closure: obligation.closure ?? closure, nextReminderOn: null };
}

function notOwedBecause(report: Report): string {
  if (report.mergedInto) return `The same report as ${report.mergedInto}: it is owed there.`;
  if (report.answers) return `A body’s response to report ${report.answers.reportId}: it is recorded there.`;
  if (report.s55?.applies === false) return `No s55 duty: ${report.s55.reason}`;
  if (report.kind === 'other') return 'The document is not an inspection report, so it starts no clock.';
  return `The report is about ${report.forces.join(', ')}, not this body’s force.`;
}

function withoutRemoved(progress: ObligationProgress, keys: ReadonlySet<string>): ObligationProgress {
  return {
    ...progress,
    explainedRecommendations: progress.explainedRecommendations.filter((key) => keys.has(key)),
    recommendationNotes: Object.fromEntries(Object.entries(progress.recommendationNotes).filter(([key]) => keys.has(key))),
  };
}

/**
 * Turns what was read from an upload into the report to store and one obligation per local policing
 * body concerned, each with the dates its duty hangs on and the day its first reminder is planned for.
 * Business steps:
 * 1. choose the publication date: a person's word (the upload's metadata) beats the document's;
 * 2. find the bodies concerned;
 * 3. start each body's clock: last day = publication + 55 days, the chief officer's date, the
 *    recommendations' own targets, and the first reminder; a report read more than four weeks after
 *    its last day is historical, and sends none.
 * With no publication date the report awaits one and no clock starts.
 */
export function readReport(input: {
  reportId: string;
  source: ReportSource;
  extraction: ExtractionResult;
  publishedOnFromUpload: CalendarDate | null;
  bodies: readonly LocalPolicingBody[];
  by: string;
  /** The document's text (the reader's blocks as text, see explainDocument), from which its identity is taken; without it the report is known by its bytes alone. */
  text?: string;
  /** For a body's response: the report it answers, when linked. */
  answers?: Report['answers'];
}): ReadReport {
  const { extraction } = input;
  const text = input.text ?? '';
  const fingerprint = input.text === undefined ? null : textFingerprint(input.text);
  const identity = fingerprint ? { fingerprint } : {};
  const response =
    extraction.kind === 'pcc-response'
      ? {
          letterDatedOn: extraction.publishedOn,
          responseText: text.slice(0, RESPONSE_TEXT_KEPT),
          answers: input.answers ?? null,
          respondsTo: respondedReport(extraction),
        }
      : {};
  const statedPublishedOn = statedPublicationDate(extraction);
  const publishedOn = input.publishedOnFromUpload ?? statedPublishedOn;
  const report: Report = {
    id: input.reportId,
    status: 'ingested',
    kind: extraction.kind,
    title: extraction.title,
    publishedOn,
    publishedOnSource: input.publishedOnFromUpload ? 'upload-metadata' : statedPublishedOn ? 'document' : null,
    statedPublishedOn,
    responseDueOn: null,
    forces: extraction.forces,
    recommendations: keyedRecommendations(extraction.recommendations),
    areasForImprovementCount: extraction.areasForImprovement.length,
    causesOfConcernCount: extraction.causesOfConcern.length,
    areasForImprovement: extraction.areasForImprovement,
    causesOfConcern: extraction.causesOfConcern,
    source: input.source,
    failure: null,
    s55: extraction.s55 ?? null,
    statedRecommendationCount: extraction.statedRecommendationCount ?? null,
    ...identity,
    ...response,
  };
  return reconcileObligations(report, [], input.bodies, { by: input.by, on: ingestedOn(report) }, { progressOfNew: progressShownBy(extraction) });
}

/** As much of a response's text as is kept to check it against its report's recommendations: a long letter's first 100,000 characters. */
export const RESPONSE_TEXT_KEPT = 100_000;

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
