import iconv from 'iconv-lite';
import { blocksToText, type StructuredDocument } from './blocks';
import { docxDocument } from './docx-text';
import { UnreadableDocumentError } from './errors';
import { htmlDocument } from './html-text';
import { textDocument } from './paragraphs';
import { pdfDocument } from './pdf-text';

type DocumentFormat = 'pdf' | 'docx' | 'html' | 'text';

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

const ascii = (text: string) => new TextEncoder().encode(text);
const PDF_HEADER = ascii('%PDF-');
const ZIP_HEADER = Uint8Array.of(0x50, 0x4b, 0x03, 0x04);
const EMPTY_ZIP = Uint8Array.of(0x50, 0x4b, 0x05, 0x06);
const OLE_HEADER = Uint8Array.of(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1);
const RTF_HEADER = ascii('{\\rtf');
const DOCX_PART = ascii('word/document.xml');
// Password-protected Office files are OLE containers holding a stream of this name (UTF-16LE).
const ENCRYPTED_PACKAGE = new Uint8Array([...'EncryptedPackage'].flatMap((char) => [char.charCodeAt(0), 0]));

/** The text of a document, a paragraph each block: see documentStructure. */
export async function documentText(bytes: Uint8Array, maxBytes: number = DEFAULT_MAX_BYTES): Promise<string> {
  return blocksToText((await documentStructure(bytes, maxBytes)).blocks);
}

/**
 * A document as its reader found it, in blocks. Its format comes from the bytes, never from a file
 * name, since uploads are often misnamed. Every failure is an UnreadableDocumentError.
 */
export async function documentStructure(bytes: Uint8Array, maxBytes: number = DEFAULT_MAX_BYTES): Promise<StructuredDocument> {
  if (bytes.length > maxBytes) {
    throw new UnreadableDocumentError(
      'too-large',
      `The file is ${size(bytes.length)}, over the ${size(maxBytes)} limit: upload only the report itself, or a copy without embedded images.`,
    );
  }
  if (bytes.length === 0) throw emptyError();

  const format = recogniseBinary(bytes);
  if (format === 'pdf') return requireText(await pdfDocument(bytes), 'pdf');
  if (format === 'docx') return requireText(await docxDocument(bytes), 'docx');

  const decoded = decodeText(bytes);
  if (decoded.trim() === '') throw emptyError();
  return looksLikeHtml(decoded) ? requireText(htmlDocument(decoded), 'html') : textDocument(decoded);
}

function recogniseBinary(bytes: Uint8Array): 'pdf' | 'docx' | null {
  // The PDF specification lets the header sit anywhere in the first kilobyte.
  if (indexOf(bytes.subarray(0, 1024), PDF_HEADER) !== -1) return 'pdf';
  if (startsWith(bytes, ZIP_HEADER)) {
    // Zip entry names are stored uncompressed, so the Word part's name is visible in the raw bytes.
    if (indexOf(bytes, DOCX_PART) !== -1) return 'docx';
    throw new UnreadableDocumentError(
      'unsupported-format',
      'The file is a zip archive but not a Word document: upload the report itself as PDF, DOCX, HTML or text.',
    );
  }
  if (startsWith(bytes, EMPTY_ZIP)) {
    throw new UnreadableDocumentError('unsupported-format', 'The file is an empty zip archive: upload the report as PDF, DOCX, HTML or text.');
  }
  if (startsWith(bytes, RTF_HEADER)) {
    throw new UnreadableDocumentError('unsupported-format', 'The file is in Rich Text Format: save it as .docx or PDF and upload that.');
  }
  if (startsWith(bytes, OLE_HEADER)) {
    if (indexOf(bytes, ENCRYPTED_PACKAGE) !== -1) {
      throw new UnreadableDocumentError('encrypted', 'The Word document is password-protected: upload a copy saved without a password.');
    }
    throw new UnreadableDocumentError('unsupported-format', 'The file is in the old Word (.doc) format: save it as .docx or PDF and upload that.');
  }
  return null;
}

/**
 * Text in the character set its byte-order mark or, for a web page, its `<meta charset>` names; else
 * UTF-8 if the bytes are UTF-8, else Windows-1252: what Windows tools save as "ANSI" text in the UK,
 * where a £ is the single byte 0xA3, and what browsers read pages labelled ISO-8859-1 as (it has all
 * of ISO-8859-1's printable characters). Every byte is some Windows-1252 character, so binary data is
 * told apart by its control characters.
 */
function decodeText(bytes: Uint8Array): string {
  const declared = byteOrderMark(bytes) ?? declaredCharset(bytes);
  const utf8 = declared ? null : decoded(bytes, 'utf-8');
  const encoding = declared ?? (utf8 === null ? 'windows-1252' : 'utf-8');
  const text = utf8 ?? decoded(bytes, encoding);
  if (text === null) {
    throw new UnreadableDocumentError(
      'unsupported-format',
      `The file says it is ${declared} text but is not: save it again as UTF-8 (or as PDF or DOCX) and upload that.`,
    );
  }
  // Decoded strictly, text holds its replacement characters as written (a PDF's dot leaders copied
  // come out as "�"); only Windows-1252, which takes any byte, makes them, from bytes no text has.
  if (isBinary(encoding === 'windows-1252' ? text : text.replaceAll('\uFFFD', ''))) {
    throw new UnreadableDocumentError(
      'unsupported-format',
      'The file is not a document this service reads (it looks like binary data): upload the report as PDF, DOCX, HTML or text.',
    );
  }
  return text.replace(/^\uFEFF/, '');
}

function decoded(bytes: Uint8Array, encoding: string): string | null {
  // Node 20's TextDecoder reads Windows-1252 as ISO-8859-1, turning ’, – and € into control characters.
  if (encoding === 'windows-1252') return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Text saved as "Unicode" by Windows tools starts with a UTF-16 byte-order mark; some UTF-8 text with one too. */
function byteOrderMark(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/**
 * The character set a web page declares in a `<meta>` in its first kilobyte, where browsers look for
 * it, when it is one they know. A page found this way is in an ASCII-compatible set: one saying
 * UTF-16 means UTF-8, as browsers take it.
 */
function declaredCharset(bytes: Uint8Array): string | null {
  const start = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).toString('latin1');
  const label = /<meta\b[^>]*\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(start)?.[1];
  if (!label) return null;
  try {
    const { encoding } = new TextDecoder(label);
    return encoding.startsWith('utf-16') ? 'utf-8' : encoding;
  } catch {
    return null;
  }
}

/**
 * Real text has no NULs and almost no other control characters; binary data has plenty, decoded as
 * UTF-8 or as Windows-1252 (whose five undefined bytes come out as U+FFFD, counted with them).
 */
function isBinary(text: string): boolean {
  if (text.includes('\0')) return true;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: counting control characters is how binary data is told from text.
  const controls = text.match(/[\x01-\x08\x0B\x0E-\x1F\x7F\uFFFD]/g)?.length ?? 0;
  return controls > Math.max(2, text.length * 0.01);
}

function looksLikeHtml(text: string): boolean {
  const start = text.trimStart().slice(0, 2048);
  return (
    /^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b/i.test(start) ||
    (/^<(?:div|p|h[1-6]|section|article|main|table|ul|ol|meta|title)\b[^>]*>/i.test(start) && /<\/[a-z][a-z0-9]*>/i.test(start))
  );
}

function requireText(document: StructuredDocument, format: DocumentFormat): StructuredDocument {
  if (document.blocks.length > 0) return document;
  const advice: Record<DocumentFormat, string> = {
    pdf: 'The PDF has no text layer (it is probably a scan): upload the original PDF, or run it through OCR first.',
    docx: 'The Word document contains no text: check it is the right file and upload it again.',
    html: 'The web page has no readable text outside menus and scripts: save the report page itself and upload that.',
    text: 'The file contains no text: check it is the right file and upload it again.',
  };
  throw new UnreadableDocumentError('no-text', advice[format]);
}

function emptyError(): UnreadableDocumentError {
  return new UnreadableDocumentError('empty', 'The file is empty: upload the report itself (PDF, DOCX, HTML or text).');
}

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
}

function startsWith(bytes: Uint8Array, prefix: Uint8Array): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

function indexOf(haystack: Uint8Array, needle: Uint8Array): number {
  return Buffer.from(haystack.buffer, haystack.byteOffset, haystack.byteLength).indexOf(needle);
}
