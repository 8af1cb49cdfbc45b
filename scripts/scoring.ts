/**
 * How well the extractor reads a set of documents against what a perfect extractor reads from them
 * (the `<name>.expected.json` beside each fixture). Pure: scripts/score.ts reads the files, runs the
 * extractor and prints; this module only compares, so its rules are unit-tested on hand-made cases.
 */

/** A recommendation as the fixtures state it: its ref, if written, and its first 120 characters. */
export interface RecommendationText {
  ref: string | null;
  text: string;
}

/** The parts of a reading the score compares. */
export interface Reading {
  kind: string;
  title: string | null;
  /** The publication date, from which the statutory last day is counted. */
  publishedOn: string | null;
  forces: string[];
  recommendations: RecommendationText[];
}

export interface ExpectedReading extends Reading {
  /** Checks the extractor is known to fail today, by the corpus test's names ("title", "recommendation 8"). */
  knownMisses: Record<string, string>;
}

/**
 * The share of an expected recommendation's words a found one must hold, in a window of the same
 * length, to be the same recommendation. Below it a reading has lost or swapped too much of the text
 * for a person to recognise it; above it differences are furniture (bullets, quotes, a cut word).
 */
export const RECOMMENDATION_SIMILARITY = 0.8;

/** How close a title must be, as a share of its characters left unedited, to count as read. */
export const TITLE_SIMILARITY = 0.9;

/** A found recommendation may keep a lead-in the fixture leaves out ("HMIC recommends that …"). */
const LEAD_IN_WORDS = 12;

/** Case, typographic quotes and dashes, bullets and spacing are furniture, not what a text says. */
function normalised(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’`]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[‐‑‒–—―]/g, '-')
    .replace(/[•·▪●]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function words(text: string): string[] {
  return normalised(text).match(/[\p{L}\p{N}']+/gu) ?? [];
}

/**
 * The words of an expected text, less a last word the fixture may have split: the fixtures keep a
 * recommendation's first 120 characters, so a text that stops without a closing mark stops mid-word.
 */
function expectedWords(text: string): string[] {
  const all = words(text);
  const cut = !/[.;:!?)"”’']\s*$/.test(text);
  return cut && all.length > 1 ? all.slice(0, -1) : all;
}

/** Dice coefficient of two bags of words: 1 when they hold the same words, 0 when none in common. */
function dice(left: string[], right: string[]): number {
  if (left.length + right.length === 0) return 1;
  const counts = new Map<string, number>();
  for (const word of left) counts.set(word, (counts.get(word) ?? 0) + 1);
  let shared = 0;
  for (const word of right) {
    const count = counts.get(word) ?? 0;
    if (count > 0) {
      shared += 1;
      counts.set(word, count - 1);
    }
  }
  return (2 * shared) / (left.length + right.length);
}

/**
 * How much of an expected recommendation a found text holds: the best Dice coefficient between the
 * expected words and a same-length window of the found words, the window starting within a lead-in.
 */
export function recommendationSimilarity(expected: string, found: string): number {
  const wanted = expectedWords(expected);
  const read = words(found);
  let best = 0;
  for (let start = 0; start <= Math.min(LEAD_IN_WORDS, Math.max(0, read.length - 1)); start += 1) {
    best = Math.max(best, dice(wanted, read.slice(start, start + wanted.length)));
  }
  return best;
}

/** Portal refs are written "#23432" or "23432"; both name the same recommendation. */
function normalisedRef(ref: string | null): string | null {
  const bare = ref?.replace(/^#/, '').trim().toLowerCase();
  return bare ? bare : null;
}

/** Refs count against a match only when both readings give one and they differ. */
function refsAgree(expected: string | null, found: string | null): boolean {
  const left = normalisedRef(expected);
  const right = normalisedRef(found);
  return left === null || right === null || left === right;
}

export interface RecommendationMatch {
  /** Index into the expected recommendations → index into the found ones. */
  pairs: Array<{ expected: number; found: number; similarity: number }>;
  /** Expected recommendations no found one matched. */
  missed: number[];
  /** Found recommendations that match no expected one: read where there was none. */
  invented: number[];
}

/**
 * Pairs found recommendations with expected ones, one to one, most similar first, keeping only pairs
 * at or above RECOMMENDATION_SIMILARITY whose refs do not disagree.
 */
export function matchRecommendations(expected: RecommendationText[], found: RecommendationText[]): RecommendationMatch {
  const candidates: RecommendationMatch['pairs'] = [];
  for (const [e, want] of expected.entries()) {
    for (const [f, read] of found.entries()) {
      const similarity = recommendationSimilarity(want.text, read.text);
      if (similarity >= RECOMMENDATION_SIMILARITY && refsAgree(want.ref, read.ref)) candidates.push({ expected: e, found: f, similarity });
    }
  }
  candidates.sort((left, right) => right.similarity - left.similarity || left.expected - right.expected || left.found - right.found);
  const pairs: RecommendationMatch['pairs'] = [];
  const usedExpected = new Set<number>();
  const usedFound = new Set<number>();
  for (const candidate of candidates) {
    if (usedExpected.has(candidate.expected) || usedFound.has(candidate.found)) continue;
    pairs.push(candidate);
    usedExpected.add(candidate.expected);
    usedFound.add(candidate.found);
  }
  pairs.sort((left, right) => left.expected - right.expected);
  return {
    pairs,
    missed: expected.map((_, index) => index).filter((index) => !usedExpected.has(index)),
    invented: found.map((_, index) => index).filter((index) => !usedFound.has(index)),
  };
}

/** Levenshtein distance, two rows at a time. */
function editDistance(left: string, right: string): number {
  let previous = Array.from({ length: right.length + 1 }, (_, index) => index);
  for (let i = 1; i <= left.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= right.length; j += 1) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (left[i - 1] === right[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[right.length]!;
}

/** A title is read when both are absent, or they are the same once normalised, or nearly so. */
export function titleMatches(expected: string | null, found: string | null): boolean {
  if (expected === null || found === null) return expected === found;
  const left = normalised(expected).replace(/[.:;,]+$/, '');
  const right = normalised(found).replace(/[.:;,]+$/, '');
  const longest = Math.max(left.length, right.length);
  return longest === 0 || 1 - editDistance(left, right) / longest >= TITLE_SIMILARITY;
}

/** The forces are read when the sets are the same, in any order. */
export function forcesMatch(expected: string[], found: string[]): boolean {
  const wanted = new Set(expected);
  const read = new Set(found);
  return wanted.size === read.size && [...wanted].every((force) => read.has(force));
}

/** One shortfall in one document, named as the corpus test names its check. */
export interface Miss {
  check: string;
  detail: string;
  /** The fixture's reason, when it lists this check as a known miss. */
  knownMiss: string | null;
}

export interface DocumentScore {
  name: string;
  expectedRecommendations: number;
  foundRecommendations: number;
  matchedRecommendations: number;
  inventedRecommendations: number;
  kind: boolean;
  title: boolean;
  publishedOn: boolean;
  forces: boolean;
  misses: Miss[];
  /** Known misses the extractor now passes: the fixture should drop them. */
  staleKnownMisses: string[];
}

const quoted = (text: string | null) => (text === null ? 'none' : `“${text}”`);
const listed = (items: string[]) => (items.length === 0 ? 'none' : items.join(', '));

/** How one reading compares with what a perfect extractor reads from the same document. */
export function scoreDocument(name: string, expected: ExpectedReading, found: Reading): DocumentScore {
  const match = matchRecommendations(expected.recommendations, found.recommendations);
  const kind = expected.kind === found.kind;
  const title = titleMatches(expected.title, found.title);
  const forces = forcesMatch(expected.forces, found.forces);
  const publishedOn = expected.publishedOn === found.publishedOn;

  const failed: Array<{ check: string; detail: string }> = [];
  if (!kind) failed.push({ check: 'kind', detail: `expected ${expected.kind}, read ${found.kind}` });
  if (!title) failed.push({ check: 'title', detail: `expected ${quoted(expected.title)}, read ${quoted(found.title)}` });
  if (!forces) failed.push({ check: 'forces', detail: `expected ${listed(expected.forces)}, read ${listed(found.forces)}` });
  if (!publishedOn) failed.push({ check: 'publication date', detail: `expected ${expected.publishedOn ?? 'none'}, read ${found.publishedOn ?? 'none'}` });
  for (const index of match.missed) {
    const recommendation = expected.recommendations[index]!;
    failed.push({ check: `recommendation ${recommendation.ref ?? index + 1}`, detail: `not found: ${quoted(recommendation.text)}` });
  }
  if (match.invented.length > 0) {
    const texts = match.invented.map((index) => quoted(found.recommendations[index]!.text.slice(0, 80)));
    failed.push({ check: 'recommendations found, and no others', detail: `invented ${match.invented.length}: ${texts.join('; ')}` });
  }

  const failedChecks = new Set(failed.map((each) => each.check));
  const scoredChecks = new Set(['kind', 'title', 'forces', 'publication date', 'recommendations found, and no others']);
  for (const [index, recommendation] of expected.recommendations.entries()) scoredChecks.add(`recommendation ${recommendation.ref ?? index + 1}`);
  return {
    name,
    expectedRecommendations: expected.recommendations.length,
    foundRecommendations: found.recommendations.length,
    matchedRecommendations: match.pairs.length,
    inventedRecommendations: match.invented.length,
    kind,
    title,
    publishedOn,
    forces,
    misses: failed.map((each) => ({ ...each, knownMiss: expected.knownMisses[each.check] ?? null })),
    // A known miss on a recommendation may be about its addressee or target, which the score does not
    // compare; only the checks the score makes can be seen to have been fixed.
    staleKnownMisses: Object.keys(expected.knownMisses).filter(
      (check) => scoredChecks.has(check) && !failedChecks.has(check) && !check.startsWith('recommendation '),
    ),
  };
}

export interface SetScore {
  documents: number;
  expected: number;
  found: number;
  matched: number;
  invented: number;
  /** Precision is null when nothing was found, recall when nothing was expected, F1 when neither. */
  precision: number | null;
  recall: number | null;
  f1: number | null;
  kindCorrect: number;
  titleCorrect: number;
  datesCorrect: number;
  forcesCorrect: number;
  knownMisses: number;
}

/** Totals over a set of documents: recommendations pooled across them, the other checks per document. */
export function scoreSet(documents: DocumentScore[]): SetScore {
  const sum = (pick: (document: DocumentScore) => number) => documents.reduce((total, document) => total + pick(document), 0);
  const matched = sum((document) => document.matchedRecommendations);
  const found = sum((document) => document.foundRecommendations);
  const expected = sum((document) => document.expectedRecommendations);
  const precision = found === 0 ? null : matched / found;
  const recall = expected === 0 ? null : matched / expected;
  // 2PR / (P + R), written so that a set with nothing found, or nothing expected, still scores 0.
  const f1 = found + expected === 0 ? null : (2 * matched) / (found + expected);
  return {
    documents: documents.length,
    expected,
    found,
    matched,
    invented: sum((document) => document.inventedRecommendations),
    precision,
    recall,
    f1,
    kindCorrect: sum((document) => (document.kind ? 1 : 0)),
    titleCorrect: sum((document) => (document.title ? 1 : 0)),
    datesCorrect: sum((document) => (document.publishedOn ? 1 : 0)),
    forcesCorrect: sum((document) => (document.forces ? 1 : 0)),
    knownMisses: sum((document) => document.misses.filter((miss) => miss.knownMiss !== null).length),
  };
}
