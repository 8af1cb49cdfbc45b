import { withRelativeTargetsDated } from '../deadlines';
import type { ExtractionResult } from '../model';
import { DEFAULT_MAX_BYTES, documentText } from './document-text';
import { readReportText } from './report-text';

export { DEFAULT_MAX_BYTES } from './document-text';
export { type UnreadableCode, UnreadableDocumentError } from './errors';
export { UNRECOGNISED_DOCUMENT } from './s55';
export { parseTargetPhrase, type TargetPhrase } from './target-dates';

/** What a document's text says: its kind, title, dates, forces, recommendations and findings. */
export function extractFromText(text: string): ExtractionResult {
  return withRelativeTargetsDated(readReportText(text));
}

/**
 * Reads an uploaded document (PDF, DOCX, HTML, or plain text / Markdown, recognised from its bytes)
 * and extracts what the s55 duty turns on. Throws UnreadableDocumentError, and nothing else, for bytes
 * it cannot read.
 */
export async function extractDocument(bytes: Uint8Array, options: { maxBytes?: number } = {}): Promise<ExtractionResult> {
  return extractFromText(await documentText(bytes, options.maxBytes ?? DEFAULT_MAX_BYTES));
}
