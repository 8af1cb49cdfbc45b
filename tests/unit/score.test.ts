import { readdirSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type ExpectedReading,
  forcesMatch,
  matchRecommendations,
  RECOMMENDATION_SIMILARITY,
  type Reading,
  recommendationSimilarity,
  scoreDocument,
  scoreSet,
  titleMatches,
} from '../../scripts/scoring';

const SIX_MONTHS = 'Within six months the force should put in place arrangements to ensure that victims are believed at the point of report';
const SUPERVISION = 'By March 2023, all forces should ensure SAC investigations are subject to effective supervision and direction.';
const CRIME_SCENES = 'By March 2023, forces should make sure their crime scene management practices adhere to the authorised professional pra';

const reading = (overrides: Partial<Reading> = {}): Reading => ({
  kind: 'hmicfrs-report',
  title: 'A report',
  publishedOn: '2024-05-01',
  forces: [],
  recommendations: [],
  ...overrides,
});
const expected = (overrides: Partial<ExpectedReading> = {}): ExpectedReading => ({ ...reading(), knownMisses: {}, ...overrides });

describe('recommendation text similarity', () => {
  it('is 1 for the same text, whatever its spacing, case, quotes and bullets', () => {
    expect(recommendationSimilarity('The force’s plan  should • cover VAWG', "the force's plan should cover vawg")).toBe(1);
  });

  it('forgives the last word the fixtures’ 120-character cut splits', () => {
    const whole = `${CRIME_SCENES.slice(0, -3)}practice on crime scenes.`;
    expect(recommendationSimilarity(CRIME_SCENES, whole)).toBe(1);
  });

  it('finds the expected text behind a lead-in the fixture leaves out', () => {
    expect(recommendationSimilarity(SIX_MONTHS, `HMIC recommends that: ${SIX_MONTHS}`)).toBe(1);
  });

  it('falls below the threshold for a different recommendation on the same subject', () => {
    expect(recommendationSimilarity(SUPERVISION, CRIME_SCENES)).toBeLessThan(RECOMMENDATION_SIMILARITY);
  });
});

describe('matching found recommendations to expected ones', () => {
  it('pairs each with the most similar, one to one, and counts a second reading of the same one as invented', () => {
    const match = matchRecommendations(
      [
        { ref: null, text: SUPERVISION },
        { ref: null, text: CRIME_SCENES },
      ],
      [
        { ref: null, text: CRIME_SCENES },
        { ref: null, text: SUPERVISION },
        { ref: null, text: SUPERVISION },
      ],
    );
    expect(match.pairs.map(({ expected, found }) => [expected, found])).toEqual([
      [0, 1],
      [1, 0],
    ]);
    expect(match.missed).toEqual([]);
    expect(match.invented).toEqual([2]);
  });

  it('refuses a pair whose refs both are given and differ, and takes "#23432" as "23432"', () => {
    expect(matchRecommendations([{ ref: '4822', text: SUPERVISION }], [{ ref: '4823', text: SUPERVISION }])).toMatchObject({
      pairs: [],
      missed: [0],
      invented: [0],
    });
    expect(matchRecommendations([{ ref: '#23432', text: SUPERVISION }], [{ ref: '23432', text: SUPERVISION }]).pairs).toHaveLength(1);
  });

  it('lets a ref missing on one side stand aside', () => {
    expect(matchRecommendations([{ ref: '2', text: SUPERVISION }], [{ ref: null, text: SUPERVISION }]).pairs).toHaveLength(1);
  });

  it('reports every expected recommendation missed when nothing is found', () => {
    expect(matchRecommendations([{ ref: null, text: SUPERVISION }], [])).toEqual({ pairs: [], missed: [0], invented: [] });
  });
});

describe('titles and forces', () => {
  it('reads a title that differs only in case, quotes, dashes, spacing and a closing full stop', () => {
    expect(titleMatches('Commissioner’s response – PEEL 2023–2025', "commissioner's  response - PEEL 2023-2025.")).toBe(true);
  });

  it('does not take a section heading or banner for the title', () => {
    expect(titleMatches('Surrey 2015', 'Proposed fire and rescue services inspection programme and framework 2025–27: For consultation')).toBe(false);
    expect(titleMatches(null, 'Overall summary')).toBe(false);
    expect(titleMatches('A report', null)).toBe(false);
  });

  it('counts a document with no title of its own as read when none is read', () => {
    expect(titleMatches(null, null)).toBe(true);
  });

  it('needs the same set of forces, in any order', () => {
    expect(forcesMatch(['Surrey Police', 'Sussex Police'], ['Sussex Police', 'Surrey Police'])).toBe(true);
    expect(forcesMatch(['West Mercia Police'], ['West Mercia Police', 'Warwickshire Police'])).toBe(false);
    expect(forcesMatch([], [])).toBe(true);
  });
});

describe('scoring a document', () => {
  it('names each miss as the corpus test names its check, and marks the fixture’s known misses', () => {
    const score = scoreDocument(
      'tracker.txt',
      expected({
        title: 'PEEL 2018/19 – West Mercia Police',
        forces: ['West Mercia Police'],
        recommendations: [
          { ref: '1', text: SUPERVISION },
          { ref: '2', text: CRIME_SCENES },
        ],
        knownMisses: { title: 'the title block is an image' },
      }),
      reading({
        kind: 'other',
        title: 'Overall summary',
        publishedOn: null,
        forces: ['West Mercia Police', 'Warwickshire Police'],
        recommendations: [
          { ref: '1', text: SUPERVISION },
          { ref: null, text: SIX_MONTHS },
        ],
      }),
    );
    expect(score).toMatchObject({ expectedRecommendations: 2, foundRecommendations: 2, matchedRecommendations: 1, inventedRecommendations: 1 });
    expect(score.misses.map(({ check, knownMiss }) => [check, knownMiss])).toEqual([
      ['kind', null],
      ['title', 'the title block is an image'],
      ['forces', null],
      ['publication date', null],
      ['recommendation 2', null],
      ['recommendations found, and no others', null],
    ]);
  });

  it('lists a known miss the extractor now passes, so the fixture can drop it', () => {
    const score = scoreDocument('fixed.txt', expected({ knownMisses: { kind: 'read as other', 'recommendation 8': 'addressee' } }), reading());
    expect(score.misses).toEqual([]);
    expect(score.staleKnownMisses).toEqual(['kind']);
  });
});

describe('scoring a set', () => {
  it('pools recommendations across documents for precision, recall and F1, and counts the other checks per document', () => {
    const first = scoreDocument(
      'a.txt',
      expected({
        recommendations: [
          { ref: null, text: SUPERVISION },
          { ref: null, text: CRIME_SCENES },
        ],
      }),
      reading({
        recommendations: [
          { ref: null, text: SUPERVISION },
          { ref: null, text: SIX_MONTHS },
        ],
      }),
    );
    const second = scoreDocument(
      'b.txt',
      expected({ title: 'B', recommendations: [{ ref: null, text: SIX_MONTHS }] }),
      reading({ kind: 'other', publishedOn: '2024-05-02' }),
    );
    const totals = scoreSet([first, second]);
    expect(totals).toMatchObject({
      documents: 2,
      expected: 3,
      found: 2,
      matched: 1,
      invented: 1,
      kindCorrect: 1,
      titleCorrect: 1,
      datesCorrect: 1,
      forcesCorrect: 2,
    });
    expect(totals.precision).toBe(0.5);
    expect(totals.recall).toBeCloseTo(1 / 3);
    expect(totals.f1).toBeCloseTo(0.4);
  });

  it('gives no precision when nothing is found, an F1 of 0 when something was expected, and none when neither', () => {
    const missedAll = scoreSet([scoreDocument('a.txt', expected({ recommendations: [{ ref: null, text: SUPERVISION }] }), reading())]);
    expect([missedAll.precision, missedAll.recall, missedAll.f1]).toEqual([null, 0, 0]);
    const nothing = scoreSet([scoreDocument('b.txt', expected(), reading())]);
    expect([nothing.precision, nothing.recall, nothing.f1]).toEqual([null, null, null]);
  });

  it('counts the known misses among the misses', () => {
    const totals = scoreSet([scoreDocument('a.txt', expected({ knownMisses: { title: 'image' } }), reading({ title: 'Overall summary' }))]);
    expect(totals.knownMisses).toBe(1);
  });
});

const FIXTURE_DOCUMENT = /\.(?:txt|html?)$/;

/** Both sets of real documents are kept by the same rules, so one check holds them to it; each must keep at least the documents gathered for it. */
describe.each([
  { set: 'unseen', atLeast: 33 },
  { set: 'held-out', atLeast: 9 },
])('the $set documents the score reads', ({ set, atLeast }) => {
  const directory = resolve(import.meta.dirname, '../fixtures', set);
  const documents = readdirSync(directory).filter((name) => FIXTURE_DOCUMENT.test(name));
  const sources = readFileSync(resolve(directory, 'README.md'), 'utf8');

  it('are there, as text, small enough to keep in the repository', () => {
    expect(documents.length).toBeGreaterThanOrEqual(atLeast);
    const bytes = documents.reduce((total, name) => total + statSync(resolve(directory, name)).size, 0);
    expect(bytes).toBeLessThan(3 * 1024 * 1024);
  });

  it.each(documents)('%s has its expected reading and its source', (name) => {
    const stem = name.replace(FIXTURE_DOCUMENT, '');
    const expectedReading = JSON.parse(readFileSync(resolve(directory, `${stem}.expected.json`), 'utf8')) as ExpectedReading;
    expect(['hmicfrs-report', 'pcc-response', 'other']).toContain(expectedReading.kind);
    expect(expectedReading.title === null || typeof expectedReading.title === 'string').toBe(true);
    expect(Array.isArray(expectedReading.forces)).toBe(true);
    for (const recommendation of expectedReading.recommendations) expect(typeof recommendation.text).toBe('string');
    expect(typeof expectedReading.knownMisses).toBe('object');
    expect(sources).toMatch(new RegExp(`\\| \`${stem}\`\\s+\\| https?://`));
  });
});
