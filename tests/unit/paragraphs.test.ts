import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paragraphs, sentencesOf } from '../../shared/extraction/paragraphs';

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

describe('sentencesOf', () => {
  it('splits where a sentence ends and the next begins with a capital, a footnote mark going with the sentence it ends', () => {
    expect(sentencesOf('The force should act.[3] We found gaps. “Forces must”, it said.')).toEqual([
      'The force should act.[3]',
      'We found gaps.',
      '“Forces must”, it said.',
    ]);
  });

  it('does not split after "e.g.", "St." or "No.", nor before a word in lower case', () => {
    const paragraph = 'Forces (e.g. Kent) at St. Albans and No. 5 should act. by March, as planned';
    expect(sentencesOf(paragraph)).toEqual([paragraph]);
  });

  it('keeps every character but the spaces it splits at', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...WORDS, 'e.g.', 'St.', 'Mr.', '“We', '[1]', 'done.'), { maxLength: 40 }), (words) => {
        const paragraph = words.join(' ');
        expect(sentencesOf(paragraph).join(' ')).toBe(paragraph);
      }),
      { numRuns: 300 },
    );
  });
});
