import { describe, expect, it } from 'vitest';
import { extractDocument, UnreadableDocumentError } from '../../shared/extraction';
import { DOCX_READ_LIMITS, docxDocument } from '../../shared/extraction/docx-text';
import { deflatedSpaces, zipArchive } from '../support/zip-archive';

// In a file of its own: vitest runs each file in a fresh process, whose peak resident memory is then this file's alone.

const MB = 1024 * 1024;
const GIB_IN_MB = 1024;
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const ordinary = zipArchive([
  [
    'word/document.xml',
    `<w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>Recommendation 1: By March 2025, the force should act.</w:t></w:r></w:p></w:body></w:document>`,
  ],
]);

/** A Word document whose text unzips to a gibibyte of spaces, from about a megabyte, saying it unzips to `declaredSize`. */
function decompressionBomb(declaredSize: number): Uint8Array {
  const deflated = deflatedSpaces(`<?xml version="1.0"?><w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>`, GIB_IN_MB);
  return zipArchive([['word/document.xml', { deflated, declaredSize }]]);
}

/** What reading took, in time and in the process's peak resident memory above what it was before. */
async function measured(read: () => Promise<unknown>): Promise<{ outcome: unknown; seconds: number; growthMb: number }> {
  const peakBefore = process.resourceUsage().maxRSS * 1024;
  const started = performance.now();
  const outcome = await read().catch((error: unknown) => error);
  return { outcome, seconds: (performance.now() - started) / 1000, growthMb: (process.resourceUsage().maxRSS * 1024 - peakBefore) / MB };
}

describe('a Word document over its reading limits', () => {
  it.each([
    ['saying so, before anything is unzipped', 2 ** 32 - 1],
    ['saying it is a kilobyte, once what it unzips to passes the limit', 1024],
  ])('a decompression bomb of a gibibyte is refused as too large, %s, and the next Word document is read', async (_, declaredSize) => {
    const bomb = decompressionBomb(declaredSize);
    expect(bomb.length).toBeLessThan(2 * MB);
    const { outcome, seconds, growthMb } = await measured(() => extractDocument(bomb));
    expect(outcome).toBeInstanceOf(UnreadableDocumentError);
    expect(outcome).toMatchObject({ code: 'too-large', message: expect.stringContaining(`more than ${DOCX_READ_LIMITS.xmlMb} MB`) });
    // Generous bounds, far from the 21 seconds and 2.3 GB that unzipping it all took.
    expect(seconds).toBeLessThan(15);
    expect(growthMb).toBeLessThan(100);
    await expect(extractDocument(ordinary)).resolves.toMatchObject({ recommendations: [expect.objectContaining({ ref: '1' })] });
  });

  it('a zip listing twenty thousand parts, each to be opened, is stopped at its deadline', async () => {
    const start = deflatedSpaces('', 1).subarray(0, 256);
    const parts = Array.from(
      { length: 20_000 },
      (_, index) => [`word/media/part${index}.bin`, { deflated: start, declaredSize: MB }] as [string, { deflated: Uint8Array; declaredSize: number }],
    );
    const archive = zipArchive([['word/document.xml', `<w:document xmlns:w="${W}"/>`], ...parts]);
    const refused = await docxDocument(archive, { ...DOCX_READ_LIMITS, deadlineMs: 50 }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(UnreadableDocumentError);
    expect(refused).toMatchObject({ code: 'corrupt', message: expect.stringContaining('within 0.05 seconds') });
  });
});
