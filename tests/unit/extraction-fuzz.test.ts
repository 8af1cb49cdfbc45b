import { createDeflate } from 'node:zlib';
import fc from 'fast-check';
import { PDFDocument, PDFName, PDFRawStream, StandardFonts } from 'pdf-lib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { extractDocument, extractFromText, UnreadableDocumentError } from '../../shared/extraction';
import { blocksToText } from '../../shared/extraction/blocks';
import { PDF_READ_LIMITS, type PdfReadLimits, pdfDocument } from '../../shared/extraction/pdf-text';

const readPdfText = async (pdf: Uint8Array, limits?: PdfReadLimits) => blocksToText((await pdfDocument(pdf, limits)).blocks);

const encode = (text: string) => new TextEncoder().encode(text);

/** Extraction either succeeds or says the document is unreadable; nothing else may escape. */
async function readsOrRefuses(bytes: Uint8Array): Promise<void> {
  try {
    const result = await extractDocument(bytes);
    expect(Array.isArray(result.recommendations)).toBe(true);
  } catch (error) {
    expect(error).toBeInstanceOf(UnreadableDocumentError);
  }
}

describe('no input crashes extraction', () => {
  it('arbitrary bytes', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), readsOrRefuses), { numRuns: 200 });
  });

  it('arbitrary strings, as bytes and as text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 500 }), async (text) => {
        await readsOrRefuses(encode(text));
        expect(() => extractFromText(text)).not.toThrow();
      }),
      { numRuns: 200 },
    );
  });

  it('bytes behind a PDF, zip or HTML header', async () => {
    const header = fc.constantFrom('%PDF-1.7\n', 'PK\u0003\u0004word/document.xml', '<!DOCTYPE html><html><body><p>');
    await fc.assert(
      fc.asyncProperty(header, fc.uint8Array({ maxLength: 1024 }), async (prefix, tail) => {
        await readsOrRefuses(new Uint8Array([...encode(prefix), ...tail]));
      }),
      { numRuns: 60 },
    );
  });

  it('text made of the words the parser looks for', () => {
    const token = fc.constantFrom(
      'Recommendation 1',
      'Recommendation',
      'Recommendations:',
      '1.',
      '#23432 –',
      '(4822)',
      '7',
      'Completed',
      'By March 2023,',
      'within six months',
      'forces should',
      'the force should:',
      '· ',
      '(a)',
      'Area for improvement',
      'Cause of concern',
      'West Mercia Police',
      'Surrey',
      'HMICFRS',
      'response to',
      '01 September 2023',
      'HMICFRS made 11 recommendations,',
      '3 of which were for local forces.',
      'nine recommendations',
      'Press release',
      'Get the report',
      'said:',
      'Fire and Rescue Service',
      'State of Policing',
      'British Transport Police',
      '\n',
      '\n\n',
      ' ',
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 60 }), (tokens) => {
        const result = extractFromText(tokens.join(' '));
        for (const recommendation of result.recommendations) expect(recommendation.text).not.toBe('');
        expect(result.s55?.reason).not.toBe('');
      }),
      { numRuns: 200 },
    );
  });
});

describe('a damaged PDF leaves nothing behind', () => {
  const leftBehind: unknown[] = [];
  const record = (reason: unknown) => leftBehind.push(reason);
  beforeEach(() => process.on('unhandledRejection', record));
  afterEach(() => process.off('unhandledRejection', record));

  /** A small report PDF with a fixed date, so that the same flips damage the same bytes every run. */
  async function reportPdf(): Promise<Uint8Array> {
    const doc = await PDFDocument.create();
    doc.setCreationDate(new Date('2026-03-14T09:00:00Z'));
    doc.setModificationDate(new Date('2026-03-14T09:00:00Z'));
    const font = await doc.embedFont(StandardFonts.Helvetica);
    for (let page = 1; page <= 3; page++) {
      doc.addPage([595, 842]).drawText(`Recommendation ${page} By March 2027, the force should act.`, { x: 60, y: 700, size: 11, font });
    }
    // A classic cross-reference table: recovering from a damaged one is where pdf.js, the reader before
    // PDFium, left rejections behind.
    return doc.save({ useObjectStreams: false });
  }

  it('four flipped bits at a time, 300 times: each read or refused, and no rejected promise left over', async () => {
    // pdf.js left a rejection behind about 1 in 100 of these when it ran in the handler's own thread,
    // which in Lambda fails the whole invocation after extraction had already answered.
    const original = await reportPdf();
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat({ max: original.length * 8 - 1 }), { minLength: 4, maxLength: 4 }), async (bits) => {
        const damaged = original.slice();
        for (const bit of bits) damaged[bit >> 3]! ^= 1 << (bit & 7);
        await readsOrRefuses(damaged);
      }),
      { numRuns: 300, seed: 56 },
    );
    // A rejection left behind surfaces a moment after the read it came from.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(leftBehind).toEqual([]);
  });
});

describe('a PDF over its reading limits', () => {
  async function pagesPdf(pages: number): Promise<Uint8Array> {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    for (let page = 1; page <= pages; page++) doc.addPage([595, 842]).drawText(`Page ${page} of a long report.`, { x: 60, y: 700, size: 11, font });
    return doc.save();
  }

  /** A page whose 300 KB content stream inflates to `megabytes` of spaces around one line of text. */
  async function decompressionBomb(megabytes: number): Promise<Uint8Array> {
    const deflate = createDeflate({ level: 9 });
    const compressed: Buffer[] = [];
    deflate.on('data', (chunk: Buffer) => compressed.push(chunk));
    const spaces = Buffer.alloc(1024 * 1024, ' ');
    deflate.write('BT /F1 12 Tf 72 700 Td (Page 1 of a bomb.) Tj ET ');
    for (let megabyte = 0; megabyte < megabytes; megabyte++) deflate.write(spaces);
    await new Promise((resolve) => deflate.end(resolve));
    const data = Buffer.concat(compressed);
    const doc = await PDFDocument.create();
    const contents = doc.context.register(PDFRawStream.of(doc.context.obj({ Filter: 'FlateDecode', Length: data.length }), data));
    doc.addPage([595, 842]).node.set(PDFName.of('Contents'), contents);
    return doc.save();
  }

  it('is refused once its deadline passes, and the next PDF is read by fresh readers', async () => {
    const pdf = await pagesPdf(40);
    // Long enough that no reader, however warm, is done within the millisecond: forty pages once were.
    const long = await pagesPdf(600);
    const refused = await readPdfText(long, { ...PDF_READ_LIMITS, deadlineMs: 1 }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(UnreadableDocumentError);
    expect(refused).toMatchObject({ code: 'corrupt', message: expect.stringContaining('within 0.001 seconds') });
    await expect(readPdfText(pdf)).resolves.toContain('Page 40 of a long report.');
  });

  it('a decompression bomb is refused as too large once it passes the memory limit, and the next PDF is read', async () => {
    const limits = { ...PDF_READ_LIMITS, memoryMb: 64 };
    const ordinary = await pagesPdf(3);
    // Readers starting up take memory too: once started, an ordinary PDF reads well inside the limit.
    await readPdfText(ordinary);
    await expect(readPdfText(ordinary, limits)).resolves.toContain('Page 3 of a long report.');
    const bomb = await decompressionBomb(400);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const refused = await readPdfText(bomb, limits).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(UnreadableDocumentError);
    expect(refused).toMatchObject({ code: 'too-large', message: expect.stringContaining('more memory') });
    await expect(readPdfText(ordinary)).resolves.toContain('Page 3 of a long report.');
  });
});
