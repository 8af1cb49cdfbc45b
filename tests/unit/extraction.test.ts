import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFromText } from '../../shared/extraction';
import { CORPUS_DIRECTORY } from '../support/corpus';

const corpus = CORPUS_DIRECTORY;

interface Truth {
  title: string | null;
  publishedOn: string | null;
  kind: string;
  forces: string[];
  recommendations: Array<{ ref: string | null; text: string; targetDate: string | null; addressee: string; targetRelative?: string }>;
  areasForImprovement: number | string[];
  causesOfConcern: number | string[];
  respondsTo?: { title: string | null; publishedOn: string | null };
  statedRecommendationCount?: number;
  statedForceLevelRecommendationCount?: number;
}

const documents = readdirSync(corpus)
  .filter((name) => name.endsWith('.txt'))
  .map((name) => ({
    name,
    text: readFileSync(path.join(corpus, name), 'utf8'),
    truth: JSON.parse(readFileSync(path.join(corpus, name.replace(/\.txt$/, '.truth.json')), 'utf8')) as Truth,
  }));

const count = (value: number | string[]) => (typeof value === 'number' ? value : value.length);

describe('extraction matches the corpus truth', () => {
  it('finds the corpus', () => {
    expect(documents.length).toBeGreaterThanOrEqual(6);
  });

  describe.each(documents)('$name', ({ text, truth }) => {
    const result = extractFromText(text);

    it('reads kind, title, date and forces', () => {
      expect(result.kind).toBe(truth.kind);
      expect(result.title).toBe(truth.title);
      expect(result.publishedOn).toBe(truth.publishedOn);
      expect(result.forces).toEqual(truth.forces);
    });

    it('finds each recommendation, and no others', () => {
      expect(result.recommendations.map((each) => each.ref)).toEqual(truth.recommendations.map((each) => each.ref));
      truth.recommendations.forEach((expected, index) => {
        const actual = result.recommendations[index]!;
        expect(actual.text.slice(0, 60)).toBe(expected.text.slice(0, 60));
        expect(actual.targetDate?.slice(0, 7) ?? null).toBe(expected.targetDate);
        expect(actual.targetRelative).toBe(expected.targetRelative ?? null);
      });
    });

    it('tells force-level recommendations from national ones', () => {
      // The truth names the addressee as written; every force-level one names forces or a force.
      const expectedLevel = (addressee: string) => (/\bforces?\b|\bPolice\b|\bConstabulary\b/.test(addressee) ? 'force' : 'national');
      expect(result.recommendations.map((each) => each.level)).toEqual(truth.recommendations.map((each) => expectedLevel(each.addressee)));
    });

    it('reads the number of recommendations the text says the report makes', () => {
      expect(result.statedRecommendationCount).toBe(truth.statedRecommendationCount ?? null);
      expect(result.statedForceLevelRecommendationCount).toBe(truth.statedForceLevelRecommendationCount ?? null);
    });

    it('invents no areas for improvement or causes of concern', () => {
      expect(result.areasForImprovement.length).toBeLessThanOrEqual(count(truth.areasForImprovement));
      expect(result.causesOfConcern.length).toBeLessThanOrEqual(count(truth.causesOfConcern));
    });

    it('names the report a response answers', () => {
      if (!truth.respondsTo) {
        expect(result.respondsTo).toBeNull();
        return;
      }
      expect(result.respondsTo?.title).toBe(truth.respondsTo.title);
      // The model holds whole dates only: a month-only truth ("2022-02") is not stated as a date.
      const fullDate = truth.respondsTo.publishedOn?.length === 10 ? truth.respondsTo.publishedOn : null;
      expect(result.respondsTo?.publishedOn).toBe(fullDate);
    });
  });
});
