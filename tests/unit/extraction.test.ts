import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractFromText } from '../../shared/extraction';
import type { ExtractionResult } from '../../shared/model';
import { CORPUS_DIRECTORY, corpusFile } from '../support/corpus';

/** What a perfect extractor reads from a corpus document, in the model's terms. */
interface Expected {
  kind: ExtractionResult['kind'];
  title: string | null;
  publishedOn: string | null;
  forces: string[];
  s55Applies: boolean | null;
  recommendations: Array<{
    ref: string | null;
    /** The first 120 characters, verbatim. */
    text: string;
    targetDate: string | null;
    targetRelative: string | null;
    level: 'force' | 'national';
    addressees: string[];
  }>;
  /** A count where the document only states one, else the statements. */
  areasForImprovement: number | string[];
  causesOfConcern: number | string[];
  statedRecommendationCount: number | null;
  statedForceLevelRecommendationCount: number | null;
  /** A month-only date ("2022-02") is what the text states, which the model cannot hold yet. */
  respondsTo: { title: string | null; publishedOn: string | null } | null;
  /** Checks the extractor is known to fail today, by name, with why: each runs as `it.fails`, so fixing it flips the test. */
  knownMisses: Record<string, string>;
}

const documents = readdirSync(CORPUS_DIRECTORY)
  .filter((name) => name.endsWith('.txt'))
  .map((name) => ({
    name,
    text: readFileSync(corpusFile(name), 'utf8'),
    expected: JSON.parse(readFileSync(corpusFile(name.replace(/\.txt$/, '.expected.json')), 'utf8')) as Expected,
  }));

const normalised = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Each statement found, in order, holds the expected one (the extractor may keep the sentence around it). */
function expectStatements(actual: Array<{ text: string }>, expected: number | string[]): void {
  if (typeof expected === 'number') {
    expect(actual).toHaveLength(expected);
    return;
  }
  expect(actual).toHaveLength(expected.length);
  for (const [index, statement] of expected.entries()) expect(normalised(actual[index]!.text)).toContain(normalised(statement));
}

describe('extraction matches what a perfect extractor reads from each corpus document', () => {
  it('finds the corpus', () => {
    expect(documents.length).toBeGreaterThanOrEqual(6);
  });

  describe.each(documents)('$name', ({ text, expected }) => {
    const result = extractFromText(text);
    const names: string[] = [];
    /** A check; one the fixture lists as a known miss must fail, or the fixture is out of date. */
    const check = (name: string, assertion: () => void) => {
      names.push(name);
      const miss = expected.knownMisses[name];
      if (miss) it.fails(`${name} (known miss: ${miss})`, assertion);
      else it(name, assertion);
    };

    check('kind', () => expect(result.kind).toBe(expected.kind));
    check('title', () => expect(result.title).toBe(expected.title));
    check('publication date', () => expect(result.publishedOn).toBe(expected.publishedOn));
    check('forces', () => expect(result.forces).toEqual(expected.forces));
    check('s55 duty', () => expect(result.s55?.applies).toBe(expected.s55Applies));
    check('recommendations found, and no others', () =>
      expect(result.recommendations.map((each) => each.ref)).toEqual(expected.recommendations.map((each) => each.ref)),
    );
    for (const [index, recommendation] of expected.recommendations.entries()) {
      check(`recommendation ${recommendation.ref ?? index + 1}`, () => {
        const actual = result.recommendations[index];
        expect(actual).toBeDefined();
        expect({
          text: actual!.text.slice(0, recommendation.text.length),
          targetDate: actual!.targetDate,
          targetRelative: actual!.targetRelative,
          level: actual!.level,
          addressees: actual!.addressees,
        }).toEqual({
          text: recommendation.text,
          targetDate: recommendation.targetDate,
          targetRelative: recommendation.targetRelative,
          level: recommendation.level,
          addressees: recommendation.addressees,
        });
      });
    }
    check('areas for improvement', () => expectStatements(result.areasForImprovement, expected.areasForImprovement));
    check('causes of concern', () => expectStatements(result.causesOfConcern, expected.causesOfConcern));
    check('stated counts', () =>
      expect([result.statedRecommendationCount, result.statedForceLevelRecommendationCount]).toEqual([
        expected.statedRecommendationCount,
        expected.statedForceLevelRecommendationCount,
      ]),
    );
    check('the report a response answers', () => expect(result.respondsTo).toEqual(expected.respondsTo));

    it('lists as known misses only checks that exist', () => {
      expect(names).toEqual(expect.arrayContaining(Object.keys(expected.knownMisses)));
    });
  });
});
