import type { CalendarDate } from './calendar-date';
import type { ObligationDates } from './deadlines';
import type { ObligationProgress } from './reminders';

/** What a document is, as far as the s55 duty is concerned. */
export type DocumentKind = 'hmicfrs-report' | 'pcc-response' | 'other';

export interface ExtractedRecommendation {
  /** The reference as written: an HMICFRS portal ref ("#23432"), a register id ("4822") or a number ("2"). */
  ref: string | null;
  text: string;
  /** The last day the recommendation's own wording allows ("By March 2023" → 2023-03-31). */
  targetDate: CalendarDate | null;
  /** Who the recommendation is addressed to, as written ("forces", "all forces", "the Home Office"). */
  addressees: string[];
  // The fields below are optional only so that reports stored before they existed still type-check;
  // the extractor always sets them.
  /**
   * `force`: addressed to the force, forces, chief constables or local policing bodies (or to no one,
   * in a report about a force), so the local policing body owes an explanation for it; `national`:
   * addressed to others (the Home Office, the College of Policing, the NPCC, partners), noted but not owed.
   */
  level?: 'force' | 'national';
  /** The words the target came from, as written ("By March 2023", "within six months", "immediately"). */
  targetPhrase?: string | null;
  /** A target that runs from publication ("within six months", "immediately"), which has no date of its own. */
  targetRelative?: string | null;
  /**
   * How a stored report's progress and reminders name it: its ref, else its position when first read.
   * Kept when others are added or removed, so what an office recorded against it stays with it.
   */
  key?: string;
  /** Who wrote or last corrected it, when a person did: their target date then stands as given. */
  setBy?: string;
}

export interface ExtractedStatement {
  text: string;
}

/** What the extractor reads from one document; the `extract` CLI command prints exactly this. */
export interface ExtractionResult {
  kind: DocumentKind;
  title: string | null;
  publishedOn: CalendarDate | null;
  /** Canonical names of the forces the document is about; empty for a national report. */
  forces: string[];
  recommendations: ExtractedRecommendation[];
  areasForImprovement: ExtractedStatement[];
  causesOfConcern: ExtractedStatement[];
  /** For a local policing body's response: the report it answers. */
  respondsTo: { title: string | null; publishedOn: CalendarDate | null } | null;
  // Optional only so that results built by hand elsewhere still type-check; extractDocument and
  // extractFromText always set them.
  /** The total the text states ("HMICFRS made 11 recommendations"), whether or not each is quoted. */
  statedRecommendationCount?: number | null;
  /** How many of that total the text says are for forces ("3 of which were for local forces"). */
  statedForceLevelRecommendationCount?: number | null;
  /**
   * Whether publishing this document starts the s55 clock (for a response: whether the report it answers
   * did). `null` means a person must decide (a progress letter, a revisit, State of Policing).
   */
  s55?: S55Verdict;
}

export interface S55Verdict {
  applies: boolean | null;
  reason: string;
  /** Set when a person decided, whose word then stands over the rules'. */
  decidedBy?: string;
}

/**
 * Where a report stands:
 * - `ingested`: read, and each local policing body concerned has its obligation and due date;
 * - `awaiting-publication-date`: read, but neither the upload nor the document gives a publication
 *   date, so no clock has started; a person must confirm one;
 * - `no-duty`: read, but no configured local policing body owes a response to it (a fire and rescue
 *   report, a press release, a report about a force this deployment does not serve; `s55` says why);
 * - `failed`: could not be read; `failure` says why, and the upload is kept.
 */
export type ReportStatus = 'ingested' | 'awaiting-publication-date' | 'no-duty' | 'failed';

export interface ReportSource {
  bucket: string;
  key: string;
  /** When the upload reached the bucket (the S3 event time). */
  uploadedAt: string;
}

export interface Report {
  /** Derived from the document's bytes, so the same file under two names is one report. */
  id: string;
  status: ReportStatus;
  kind: DocumentKind | null;
  title: string | null;
  /**
   * The date the clock runs from: the date a person confirmed (the upload's `published-on` metadata,
   * or a later correction), else the document's own.
   */
  publishedOn: CalendarDate | null;
  publishedOnSource: 'upload-metadata' | 'confirmed' | 'document' | null;
  /** The publication date the document itself states, kept even when a person confirmed another. */
  statedPublishedOn: CalendarDate | null;
  /** The statutory last day for the response (publication date + 55 days), or null when no clock runs. */
  responseDueOn: CalendarDate | null;
  forces: string[];
  recommendations: ExtractedRecommendation[];
  areasForImprovementCount: number;
  causesOfConcernCount: number;
  /** The statements themselves, as read; absent on reports stored before they were kept. */
  areasForImprovement?: ExtractedStatement[];
  causesOfConcern?: ExtractedStatement[];
  source: ReportSource;
  failure: { code: string; message: string } | null;
  /** Whether the report starts the s55 clock, and why; `applies: null` asks a person to decide. */
  s55: S55Verdict | null;
  /** The total of recommendations the text states, to compare with those found. */
  statedRecommendationCount: number | null;
  // The fields below are absent from reports stored before a report's identity was its text.
  /** The digest of the report's normalised text (see report-identity.ts): what makes two uploads one report. */
  fingerprint?: string;
  /** The other uploads of the same report (another format, or saved again), each kept where it arrived. */
  otherSources?: ReportSource[];
  /** A stored report this one may be (same title and forces, another date): a person merges or dismisses it. */
  possibleDuplicateOf?: string | null;
  /** The report a person found this one to be: it owes nothing of its own, and is a source of that one. */
  mergedInto?: string | null;
  /** For a body's response: the stored report it answers, once linked, and the bodies whose response it is. */
  answers?: { reportId: string; bodyIds: string[] } | null;
  /** For a body's response: the date it is dated (the letter's), the day it counts as published; null when it gives none. */
  letterDatedOn?: CalendarDate | null;
  /** For a body's response: its text, to check against the recommendations of the report it is linked to, whenever that is. */
  responseText?: string;
  /** For a body's response: the report it names as the one it answers, to link it when that report arrives after it. */
  respondsTo?: { title: string | null; publishedOn: CalendarDate | null } | null;
  /** Who said what kind of document it is, once a person did; until then the kind is the rules' reading. */
  kindCorrectedBy?: string | null;
}

/**
 * Why an obligation is no longer tracked. `archived`: a person set it aside ("answered before FiftySix
 * was used", "not for us"); `retired`: its body is no longer served; `no-duty`: the report, as
 * corrected, is not one this body must answer. Each stays listed, with no reminders; the last two
 * lift by themselves when the body returns or comes to owe the report again.
 */
export interface ObligationClosure {
  kind: 'archived' | 'retired' | 'no-duty';
  reason: string;
  note: string | null;
  on: CalendarDate;
  by: string;
}

/** One local policing body's duty under s55 to publish its comments on one report. */
export interface Obligation {
  reportId: string;
  bodyId: string;
  force: string;
  /** Every date the duty hangs on; null while the report awaits its publication date. */
  dates: ObligationDates | null;
  progress: ObligationProgress;
  /** The earliest day a reminder not yet sent is planned for; absent once none is left. */
  nextReminderOn: CalendarDate | null;
  closure: ObligationClosure | null;
  /**
   * Its last day had passed more than four weeks before FiftySix read the report: it is listed but
   * sends no reminders, until a person takes it up.
   */
  historical: boolean;
  /** A person chose to have reminders for it although it is historical. */
  takenUp: { by: string; on: CalendarDate } | null;
  /** The body's published response, once uploaded and linked: its record, its date, and the recommendations it leaves unexplained. */
  response?: LinkedResponse | null;
}

export interface LinkedResponse {
  responseId: string;
  publishedOn: CalendarDate;
  notAddressed: Array<{ key: string; text: string }>;
}
