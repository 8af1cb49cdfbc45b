import { COUNT, countFrom } from './vocabulary';

/** Words between the count and "recommendations" that do not change what is counted. */
const QUALIFIER = '(?:(?:new|further|key|main|specific|formal|separate|national|clear|important|priority|time[-\\s]?bound)\\s+)?';
/** A verb that gives a report's total: "HMICFRS made 11", "the report contains nine", "there are two". */
const STATES_TOTAL = `\\b(?:made|makes?|making|contains?|includes?|sets?\\s+out|details?|identifie[sd]|gives?|gave|there\\s+(?:are|were)|(?:a\\s+)?total\\s+of)\\s+(?:a\\s+total\\s+of\\s+|only\\s+|just\\s+)?`;
const TOTAL = new RegExp(`${STATES_TOTAL}${COUNT}\\s+${QUALIFIER}recommendations?\\b`, 'i');
/** The count first: "22 recommendations in total". Not "Of the 11 recommendations made in our 2019 report", another report's. */
const TOTAL_FIRST = new RegExp(`\\b${COUNT}\\s+${QUALIFIER}recommendations?\\s+in\\s+total\\b`, 'i');
/** A tracker's or report's header line: "10 recommendations". */
const TOTAL_LINE = new RegExp(`^${COUNT}\\s+${QUALIFIER}recommendations?$`, 'i');
const FOR_FORCES =
  '(?:for|to|addressed\\s+to|directed\\s+(?:at|to)|aimed\\s+at)\\s+(?:the\\s+)?(?:(?:local|individual|all|police|territorial)\\s+)*(?:forces?|chief\\s+constables|chief\\s+officers)\\b';
/** Straight after the total: ", 3 of which were for local forces", ", with 8 for chief constables". */
const OF_WHICH_FOR_FORCES = new RegExp(
  `^\\s*(?:in\\s+total\\b)?\\s*[,;(–—-]?\\s*(?:(?:and\\s+)?${COUNT}\\s+of\\s+(?:which|these|them|those)\\s+(?:(?:were|are|is|was)\\s+)?|(?:with|including)\\s+${COUNT}\\s+)${FOR_FORCES}`,
  'i',
);
/** Straight after the total, a second group for forces: "two national recommendations and one specifically for chief constables". */
const AND_MORE_FOR_FORCES = new RegExp(
  `^\\s*,?\\s*and\\s+${COUNT}\\s+(?:(?:more|further|other)\\s+)?(?:recommendations?\\s+)?(?:(?:specifically|directly|solely|only|just)\\s+)?${FOR_FORCES}`,
  'i',
);
/** On its own: "three of the recommendations are for forces", "made 4 recommendations to forces". */
const FORCE_LEVEL = new RegExp(
  `\\b${COUNT}\\s+(?:of\\s+(?:the(?:se)?|its|our|those)\\s+)?${QUALIFIER}recommendations?\\s+(?:(?:were|are)\\s+)?${FOR_FORCES}`,
  'i',
);

export interface StatedCounts {
  total: number | null;
  forceLevel: number | null;
}

/**
 * The number of recommendations the text says a report makes, and how many of them it says are for
 * forces. Documents that only restate some recommendations (a response answering the force-level
 * ones, a press release quoting a few) often give the full count in prose, and that count is how a
 * person checks nothing was missed. The first total stated is the document's own; later ones are
 * usually about other reports.
 */
export function statedCounts(paragraphs: string[]): StatedCounts {
  let total: number | null = null;
  let forceLevel: number | null = null;
  for (const paragraph of paragraphs) {
    const line = TOTAL_LINE.exec(paragraph);
    const stated = line ?? TOTAL.exec(paragraph) ?? TOTAL_FIRST.exec(paragraph);
    if (total === null && stated) {
      total = countFrom(stated[1]!);
      const after = line ? '' : paragraph.slice(stated.index + stated[0].length);
      const ofWhich = OF_WHICH_FOR_FORCES.exec(after);
      const andMore = ofWhich ? null : AND_MORE_FOR_FORCES.exec(after);
      if (ofWhich) forceLevel = countFrom((ofWhich[1] ?? ofWhich[2])!);
      if (andMore) {
        forceLevel = countFrom(andMore[1]!);
        if (total !== null && forceLevel !== null) total += forceLevel;
      }
    }
    const forForces = forceLevel === null ? FORCE_LEVEL.exec(paragraph) : null;
    if (forForces) forceLevel = countFrom(forForces[1]!);
    if (total !== null && forceLevel !== null) break;
  }
  return { total, forceLevel };
}
