import type { CalendarDate } from './calendar-date';

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
}

/**
 * Where a report stands:
 * - `ingested`: read, and each local policing body concerned has its obligation and due date;
 * - `awaiting-publication-date`: read, but neither the upload nor the document gives a publication
 *   date, so no clock has started; a person must confirm one;
 * - `no-duty`: read, but no configured local policing body owes a response to it;
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
  /** The date the clock runs from: the upload's `published-on` metadata, else the document's own. */
  publishedOn: CalendarDate | null;
  publishedOnSource: 'upload-metadata' | 'document' | null;
  /** The statutory last day for the response (publication date + 55 days), or null when no clock runs. */
  responseDueOn: CalendarDate | null;
  forces: string[];
  recommendations: ExtractedRecommendation[];
  areasForImprovementCount: number;
  causesOfConcernCount: number;
  source: ReportSource;
  failure: { code: string; message: string } | null;
}

/** One local policing body's duty under s55 to publish its comments on one report. */
export interface Obligation {
  reportId: string;
  bodyId: string;
  force: string;
  publishedOn: CalendarDate | null;
  responseDueOn: CalendarDate | null;
  /** The earliest day a reminder not yet sent is planned for; absent once none is left. */
  nextReminderOn: CalendarDate | null;
}
