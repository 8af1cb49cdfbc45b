import { Inflate, zipSync } from 'fflate';
import mammoth from 'mammoth';
import type { StructuredDocument } from './blocks';
import { UnreadableDocumentError } from './errors';
import { htmlDocument } from './html-text';

/** What unzipping one Word document may take before it is refused. */
export interface DocxReadLimits {
  /** How much XML (the text, styles, numbering, notes, relationships) its parts may unzip to, in all. */
  xmlMb: number;
  deadlineMs: number;
}

export const DOCX_READ_LIMITS: DocxReadLimits = {
  // Reading takes 60 to 75 times the XML in memory, mammoth most of it (README.md, "Measured"): at this
  // size the process grows by about 600 MB, a little more than a PDF may (PDF_READ_LIMITS), inside the
  // ingest Lambda's memory, and the XML is still several times a long report's. A few hundred
  // kilobytes of zip can unzip to gigabytes.
  xmlMb: 10,
  // Unzipping to the limit takes a fraction of a second. A zip can list tens of thousands of parts,
  // each of which is opened to see whether it is XML: this stops one that would take minutes.
  deadlineMs: 10_000,
};

const MB = 1024 * 1024;
const STORED = 0;
const DEFLATED = 8;
/** Compressed bytes inflated at a time: deflate expands a byte to at most about a kilobyte, so each step stays a few megabytes at worst. */
const SLICE = 4 * 1024;
/** Enough to see how a part starts, however it was compressed. */
const FIRST_SLICE = 64;

interface ZipEntry {
  name: string;
  method: number;
  /** What the zip says the part unzips to, which may be a lie. */
  declaredSize: number;
  compressed: Uint8Array;
}

/** The zip went over one of its limits. */
class ReadLimitError extends Error {
  constructor(readonly limit: keyof DocxReadLimits) {
    super(`Unzipping the Word document went over its ${limit}.`);
  }
}

/** Word's Title style is the document's title; mammoth's own style map leaves it a paragraph. */
const STYLE_MAP = ["p[style-name='Title'] => h1:fresh"];

/**
 * A Word document as blocks. mammoth is given only the document's XML parts, unzipped here under
 * DOCX_READ_LIMITS and zipped again uncompressed, so that it can never unzip more than was counted.
 * Parts that are not XML (images, fonts, embedded files) are left out: mammoth reads only XML, and
 * images are dropped anyway.
 *
 * Word documents go through mammoth's HTML, whose elements carry the document's styles (Title and
 * Heading n as headings, numbered and bulleted paragraphs as lists, tables as tables), and are read as
 * any web page is: raw text would lose list numbering, and a numbered list is how many responses number
 * the recommendations they answer.
 */
export async function docxDocument(bytes: Uint8Array, limits: DocxReadLimits = DOCX_READ_LIMITS): Promise<StructuredDocument> {
  let html: string;
  let titleProperty: string;
  try {
    const parts = xmlParts(zipEntries(bytes), limits);
    const noImages = mammoth.images.imgElement(async () => ({ src: '' }));
    ({ value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(zipSync(parts, { level: 0 })) }, { convertImage: noImages, styleMap: STYLE_MAP }));
    titleProperty = /<dc:title>([^<]*)<\/dc:title>/.exec(new TextDecoder().decode(parts['docProps/core.xml'] ?? new Uint8Array()))?.[1] ?? '';
  } catch (error) {
    throw docxError(error, limits);
  }
  // The Title property is often a template's or an earlier draft's: like a web page's <title>, it
  // counts only where the document itself says it.
  return htmlDocument(`<title>${titleProperty}</title>${html}`);
}

/** The parts the zip's central directory lists, and where each one's data is. */
function zipEntries(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const uint16 = (at: number) => view.getUint16(at, true);
  const uint32 = (at: number) => view.getUint32(at, true);
  // The directory's end record is the last thing in the file but for a comment of up to 64 KB.
  let end = bytes.length - 22;
  const earliest = Math.max(0, end - 0xffff);
  while (end >= earliest && uint32(end) !== 0x06054b50) end--;
  if (end < earliest) throw new Error('No zip central directory.');
  const entries: ZipEntry[] = [];
  for (let index = 0, at = uint32(end + 16); index < uint16(end + 10); index++) {
    if (uint32(at) !== 0x02014b50) throw new Error(`Zip directory entry ${index} is damaged.`);
    const nameLength = uint16(at + 28);
    const local = uint32(at + 42);
    if (uint32(local) !== 0x04034b50) throw new Error(`Zip part ${index} is damaged.`);
    const start = local + 30 + uint16(local + 26) + uint16(local + 28);
    const compressedSize = uint32(at + 20);
    if (start + compressedSize > bytes.length) throw new Error(`Zip part ${index} runs past the end of the file.`);
    entries.push({
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: uint16(at + 10),
      declaredSize: uint32(at + 24),
      compressed: bytes.subarray(start, start + compressedSize),
    });
    at += 46 + nameLength + uint16(at + 30) + uint16(at + 32);
  }
  return entries;
}

/** The XML parts by name, each unzipped only while the whole stays inside the limits. */
function xmlParts(entries: ZipEntry[], limits: DocxReadLimits): Record<string, Uint8Array> {
  const deadline = Date.now() + limits.deadlineMs;
  // Without a prototype, a part named __proto__ is a name like any other.
  const parts: Record<string, Uint8Array> = Object.create(null);
  let room = limits.xmlMb * MB;
  for (const entry of entries) {
    if (!startsAsXml(entry, deadline)) continue;
    // An honest size over the limit is refused before anything is unzipped; a false one when the part outgrows it.
    if (entry.declaredSize > room) throw new ReadLimitError('xmlMb');
    const chunks: Uint8Array[] = [];
    for (const chunk of unzipped(entry, deadline)) {
      room -= chunk.length;
      if (room < 0) throw new ReadLimitError('xmlMb');
      chunks.push(chunk);
    }
    parts[entry.name] = Buffer.concat(chunks);
  }
  return parts;
}

/** Whether a part starts as XML does: with `<`, after a UTF-8 byte-order mark if it has one. */
function startsAsXml(entry: ZipEntry, deadline: number): boolean {
  const start: number[] = [];
  for (const chunk of unzipped(entry, deadline)) {
    start.push(...chunk.subarray(0, 4 - start.length));
    if (start.length === 4) break;
  }
  const afterMark = start[0] === 0xef && start[1] === 0xbb && start[2] === 0xbf ? 3 : 0;
  return start[afterMark] === 0x3c;
}

/** A part's bytes, unzipped a slice at a time, so that what it really unzips to is counted as it grows. */
function* unzipped(entry: ZipEntry, deadline: number): Generator<Uint8Array> {
  if (entry.method === STORED) {
    yield entry.compressed;
    return;
  }
  // Word only ever stores or deflates; mammoth's zip reader knows no other method either.
  if (entry.method !== DEFLATED) throw new Error(`Zip part ${entry.name} uses compression method ${entry.method}.`);
  const inflated: Uint8Array[] = [];
  const inflate = new Inflate((chunk) => inflated.push(chunk));
  for (let at = 0, size = FIRST_SLICE; at < entry.compressed.length; at += size, size = SLICE) {
    if (Date.now() > deadline) throw new ReadLimitError('deadlineMs');
    inflate.push(entry.compressed.subarray(at, at + size), at + size >= entry.compressed.length);
    yield* inflated.splice(0);
  }
}

function docxError(error: unknown, limits: DocxReadLimits): UnreadableDocumentError {
  if (error instanceof ReadLimitError && error.limit === 'xmlMb') {
    return new UnreadableDocumentError(
      'too-large',
      `The Word document unzips to more than ${limits.xmlMb} MB of text and formatting, more than this service reads (a long report has a few MB): upload it as a PDF, or save a copy from Word without tracked changes and comments and upload that.`,
      { cause: error },
    );
  }
  if (error instanceof ReadLimitError) {
    return new UnreadableDocumentError(
      'corrupt',
      `The Word document could not be unzipped within ${limits.deadlineMs / 1000} seconds, which a long report takes well under: it is probably damaged. Re-save it from Word and upload that copy, or upload a PDF.`,
      { cause: error },
    );
  }
  return new UnreadableDocumentError(
    'corrupt',
    'The Word document is damaged and cannot be opened: re-save it from Word and upload that copy, or upload a PDF.',
    { cause: error },
  );
}
