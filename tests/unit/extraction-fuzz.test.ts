import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UnreadableDocumentError, extractDocument, extractFromText } from '../../shared/extraction';

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
