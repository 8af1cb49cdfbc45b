import { withRelativeTargetsDated } from '../deadlines';
import type { ExtractionResult } from '../model';
import { blocksToText, type StructuredDocument } from './blocks';
import { DEFAULT_MAX_BYTES, documentStructure } from './document-text';
import { textDocument } from './paragraphs';
import type { Publisher } from './report-kind';
import { type ExplainedExtraction, readDocument } from './report-text';

export { DEFAULT_MAX_BYTES } from './document-text';
export { type UnreadableCode, UnreadableDocumentError } from './errors';
export type { Explanation } from './explanations';
export type { Publisher } from './report-kind';
export type { ExplainedExtraction } from './report-text';
export { UNRECOGNISED_DOCUMENT } from './s55';
export { parseTargetPhrase, type TargetPhrase } from './target-dates';

/** What a document's text says: its kind, title, dates, forces, recommendations and findings. */
export function extractFromText(text: string): ExtractionResult {
  return explainStructure(textDocument(text)).result;
}

/** How a document is read: the most bytes it may have, and who published it where the caller knows (discovery's source). */
export interface ReadOptions {
  maxBytes?: number;
  publisher?: Publisher;
}

/**
 * Reads an uploaded document (PDF, DOCX, HTML, or plain text / Markdown, recognised from its bytes)
 * and extracts what the s55 duty turns on. Throws UnreadableDocumentError, and nothing else, for bytes
 * it cannot read.
 */
export async function extractDocument(bytes: Uint8Array, options: ReadOptions = {}): Promise<ExtractionResult> {
  return (await explainDocument(bytes, options)).result;
}

/** What a document says, why, and its text as read: what a report's identity is taken from, whatever format it came in. */
export interface DocumentReading extends ExplainedExtraction {
  text: string;
}

/** As extractDocument, with the rule behind each finding (for a person checking what was read) and the document's text. */
export async function explainDocument(bytes: Uint8Array, options: ReadOptions = {}): Promise<DocumentReading> {
  const document = await documentStructure(bytes, options.maxBytes ?? DEFAULT_MAX_BYTES);
  return { ...explainStructure(document, options.publisher ?? null), text: blocksToText(document.blocks) };
}

function explainStructure(document: StructuredDocument, publisher: Publisher | null = null): ExplainedExtraction {
  const { result, explanations } = readDocument(document, publisher);
  return { result: withRelativeTargetsDated(result), explanations };
}
