import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paragraphs } from '../../shared/extraction/paragraphs';

const WHITE_SPACE = [' ', '  ', '\t', '\u00a0', '\u2003', ' \t ', '\n', '\r\n', '\n\n'];
const WORDS = ['Kent', 'police', 'should', 'the', 'Recommendation', '1', 'by', 'March', '2027.', 'force;'];

describe('paragraphs', () => {
  it('keeps every word, in order, with one plain space between words and none at the ends', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...WHITE_SPACE)), { maxLength: 60 }), (pieces) => {
        const text = pieces.map(([word, space]) => word + space).join('');
        const result = paragraphs(text);
        for (const paragraph of result) expect(paragraph).toMatch(/^\S+(?: \S+)*$/);
        expect(result.join(' ').split(' ').filter(Boolean)).toEqual(pieces.map(([word]) => word));
      }),
      { numRuns: 500 },
    );
  });

  it('joins a hard-wrapped line to the sentence it carries on, and starts a paragraph at a blank line', () => {
    expect(paragraphs('The force should\timprove how it\n  records crime.\n\nIt should also')).toEqual([
      'The force should improve how it records crime.',
      'It should also',
    ]);
  });
});
