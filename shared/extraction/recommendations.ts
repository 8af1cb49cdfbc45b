import { findForce } from '../forces';
import type { ExtractedRecommendation, ExtractedStatement } from '../model';
import { addresseesOf } from './addressees';
import { LIST_ITEM, withoutListMarker } from './paragraphs';
import { parseTargetPhrase } from './target-dates';

export interface Findings {
  recommendations: ExtractedRecommendation[];
  areasForImprovement: ExtractedStatement[];
  causesOfConcern: ExtractedStatement[];
  /** Paragraphs that are the text of a finding, so that a force named only there can be told apart. */
  findingParagraphs: Set<number>;
}

type Section = 'recommendations' | 'areas-for-improvement' | 'causes-of-concern' | null;

/** "1.", "2)", "(3)" before an item; "1.5 million" is not one. */
const NUMBERED = /^\(?(\d{1,3})[.)](?:\s+|(?=#))/;
/** HMICFRS monitoring-portal reference: "#23432". */
const PORTAL_REF = /^#(\d{3,7})\b\s*(?:[–—:.-]\s*)?/;
const LABEL = /^(?:Recommendation|RECOMMENDATION)\s+(\d{1,3}[a-z]?)\b(?!\.\d)\s*([:.–—-]\s*)?(.*)$/;
/** A portal reference after the label: "Recommendation 1 (#23432): …". */
const LABEL_REF = /^\(?#(\d{3,7})\)?\s*(?:[:.–—-]\s*)?/;
/** An entry in HMICFRS's older recommendation register: "Report title (4822)". */
const REGISTER_ENTRY = /^(.{10,}?)\s*\((\d{3,6})\)$/;
/** Words trackers use for where a recommendation stands. */
const STATUS =
  '(?:Completed?|Superseded|In progress|Open|Closed|Ongoing|Implemented|Partially (?:completed|implemented|met)|Not started|Awaiting review|Being progressed|No further action(?: needed)?|Accepted|Rejected|Overdue|Withdrawn|Achieved|Not achieved|Outstanding|Pending|Met|Not met)';
/** A tracker row's number, alone or with its status beside it: "7", "7 Completed". */
const ROW = new RegExp(`^(\\d{1,3})(\\s+${STATUS})?$`, 'i');
const KNOWN_STATUS = new RegExp(`^${STATUS}$`, 'i');
const SECTION_NUMBER = '(?:\\d+(?:\\.\\d+)*\\.?\\s+)?';
/** "Recommendations", "Our recommendations for forces:", "Recommendations from the Feb 2021 report." */
const RECOMMENDATIONS_HEADING = new RegExp(
  `^${SECTION_NUMBER}(?:(?:Our|Key|The|Summary of|Summary of our)\\s+[Rr]ecommendations?|Recommendations?|RECOMMENDATIONS?)(?:\\s+(?:for|to|made to|from)\\s+(?![^.:]*\\b(?:are|were|is|was|have|has|had|will|would|should|must|can|been)\\b)[^.:]{1,60})?\\s*[:.]?$`,
);
/** "we identified the following <findings>:", "the identified <findings> are:". */
function introducing(findings: string): RegExp {
  return new RegExp(
    `(?:\\b(?:identifie[sd]|found|made)\\b[^.:]{0,100}|\\b(?:following|these)\\s+(?:[\\w-]+\\s+){0,2})${findings}\\b[^.:]{0,60}:$|\\b${findings}\\b[^.:]{0,40}\\b(?:are|were)\\s*:$`,
    'i',
  );
}

/**
 * A sentence introducing a list of findings: "HMI Zoë Billingham made three recommendations in this
 * report:", "we identified the following four causes of concern:". Not one introducing the office's
 * own actions ("the following actions in response to the recommendations:"), nor a few examples
 * ("HMICFRS made five recommendations, including:").
 */
const FINDINGS_INTRO: Array<[RegExp, Section]> = [
  [
    /(?:\b(?:made|makes?|making|sets? out|identifie[sd])\b[^.:]{0,100}|\b(?:following|these)\s+(?:[\w-]+\s+){0,2})recommendations?\b[^.:]{0,140}:$|\bmakes? the following recommendations?\.$/i,
    'recommendations',
  ],
  [introducing('areas? for improvement'), 'areas-for-improvement'],
  [introducing('causes? (?:of|for) concern'), 'causes-of-concern'],
];
/**
 * The heading with the first recommendation after it: "Recommendations: Within six months chief
 * constables should …". Plural: a committee paper's "Recommendation: The Panel should note …" is its own.
 */
const RECOMMENDATIONS_THEN_TEXT = /^(?:Recommendations|RECOMMENDATIONS)\s*[:–—-]\s*(.+)$/;
/** "Area for improvement 3:", "AFI 11 –", and as some forces' trackers put it, "Action for Further Improvement (AFI) 7 –". */
const AFI_LABEL = /^(?:(?:Area|Action) for (?:[Ff]urther )?[Ii]mprovement(?:\s*\(AFI\))?|AREA FOR IMPROVEMENT|AFI)\s*(\d{1,3})?\b\s*(?:[:.–—-]\s*)?(.*)$/;
const AFI_HEADING = new RegExp(`^${SECTION_NUMBER}(?:Areas for improvement|AREAS FOR IMPROVEMENT)\\s*:?$`);
const COC_LABEL = /^(?:Cause (?:of|for) concern|CAUSE OF CONCERN)\s*(\d{1,3})?\b\s*(?:[:.–—-]\s*)?(.*)$/;
/** "Causes of concern", or "Cause of concern" standing alone above the one a section holds. */
const COC_HEADING = new RegExp(`^${SECTION_NUMBER}(?:Causes? of concern|CAUSES? OF CONCERN)\\s*:?$`);
/** Organisations recommendations are addressed to, when a tracker names one on its own line. */
const ADDRESSEE_LINE =
  /^(?:the\s+)?(?:Home Office|College of Policing|National Police Chiefs['’] Council|NPCC|National Crime Agency|Ministry of Justice|Crown Prosecution Service|CPS|Department for Education|Government|All forces|Forces|Chief constables|Police and crime commissioners|Local policing bodies|HMICFRS)$/i;

/**
 * Wording that makes a paragraph a recommendation rather than commentary: an inspectorate
 * recommending, a target ("By March 2023", "Within six months") or someone who "should" act.
 */
function looksLikeRecommendation(text: string): boolean {
  return startsLikeRecommendation(text) || /\b(?:should|must)\b/i.test(text.slice(0, 200));
}

/**
 * The stricter test for a paragraph with no label or number: it must open as recommendations do, so
 * that commentary ("I agree that forces should …") beside a recommendation is not taken for one.
 */
function startsLikeRecommendation(text: string): boolean {
  return opensWithTargetOrRecommender(text) || /^(?!(?:I|We|My|Our|This|These|It|That)\b)[^.:;]{0,80}?\b(?:should|must)\b/.test(text);
}

/** "HMICFRS recommends …", "By March 2023, …", "Within six months …": openings only recommendations have. */
function opensWithTargetOrRecommender(text: string): boolean {
  if (
    /^[‘“"]?(?:(?:To address|To tackle|In order to)\b[^,.]{0,80},\s*)?(?:HMICFRS|HMIC|HMI|We|The inspectorate|Inspectors?)\b[^.]{0,40}\brecommends?\b/i.test(
      text,
    )
  )
    return true;
  const target = parseTargetPhrase(text).phrase;
  return (
    target !== null &&
    text
      .replace(/^[‘“"]/, '')
      .toLowerCase()
      .startsWith(target.toLowerCase())
  );
}

/**
 * Says that someone should act, as a recommendation does, where an office's own plan says what it has
 * done or will do ("By March 2024, we will …", "the force should have re-vetted …").
 */
function asksForAction(text: string): boolean {
  const opening = text.slice(0, 200);
  return /\b(?:should|must|recommends?|needs? to|are to|is to)\b/i.test(opening) && !/\bshould have (?:been|[a-z-]+ed)\b/i.test(opening);
}

/**
 * Opens by naming who should act, in a few words: "The MPS should …", "Forces should …", "There should
 * be …". Not a committee paper's "3. Whilst the Authority endorses the response, it should be noted"
 * or "4. The Panel should note the report".
 */
function namesWhoShouldAct(text: string): boolean {
  const subject = /^([^.,;:]{1,80}?)\s+(?:should|must)\b/.exec(text)?.[1];
  return (
    subject !== undefined &&
    subject.split(' ').length <= 8 &&
    !/^(?:it|this|that|these|those|we|I|our|my|members|the (?:panel|committee|board|authority|council|members))\b/i.test(subject)
  );
}

/** A short line that names a part of the document rather than saying something: it ends a section. */
function isHeading(paragraph: string): boolean {
  return (
    paragraph.length <= 100 &&
    paragraph.split(' ').length <= 12 &&
    /^[A-Z0-9]/.test(paragraph) &&
    !/[.,;]$/.test(paragraph) &&
    !/\b(?:should|must)\b/i.test(paragraph) &&
    !LIST_ITEM.test(paragraph) &&
    !NUMBERED.test(paragraph)
  );
}

function isStatus(paragraph: string): boolean {
  return paragraph.length <= 40 && paragraph.split(' ').length <= 5 && /^[A-Za-z][A-Za-z \-–/]*$/.test(paragraph) && !looksLikeRecommendation(paragraph);
}

function isAddresseeLine(paragraph: string, next: string | undefined): boolean {
  if (findForce(paragraph) || ADDRESSEE_LINE.test(paragraph)) return true;
  // An unlisted organisation: a few capitalised words, followed by the next item's number or nothing.
  return (
    (next === undefined || ROW.test(next)) &&
    paragraph.split(' ').length <= 6 &&
    /^(?:[A-Z][\w’'&-]*|and|of|the|for)(?:\s+(?:[A-Z][\w’'&-]*|and|of|the|for))*$/.test(paragraph)
  );
}

/**
 * Recommendations, areas for improvement and causes of concern, in the shapes HMICFRS documents and
 * the documents that restate them use:
 * - a label: "Recommendation 2: By January 2024, forces should …", or the label on its own line with
 *   the text in the next paragraph;
 * - a numbered list under a "Recommendations" heading, items possibly led by a portal reference
 *   ("1. #23432 – By March 2023, forces should …");
 * - a register entry: "Report title (4822)" then the recommendation;
 * - a tracker row: the number, a status, the text, then the addressee, each on its own line.
 * A sub-list introduced by a colon ("They should also include:") belongs to the item before it.
 * Recommendations only counted or paraphrased in prose are not recommendations.
 */
export function findFindings(paragraphs: string[]): Findings {
  const findings: Findings = { recommendations: [], areasForImprovement: [], causesOfConcern: [], findingParagraphs: new Set() };
  let section: Section = null;
  // Unlabelled items count only straight after a heading or another item, not after commentary.
  let itemsMayFollow = false;
  // Headings straight after a section's own are its sub-headings or a table's column headings
  // ("Recommendation | Response"), not the start of the next section.
  let sectionJustOpened = false;
  // Whether the current section has stated a cause of concern in prose, as HMICFRS does before the
  // recommendations that answer it (bullets of causes are just that), and whether those have come:
  // prose after them is commentary, such as a register's progress notes.
  let causeInProse = false;
  let causeAnswered = false;
  // Once a section's statements come as a list, paragraphs between its items explain them.
  let listedInSection = false;

  /** A section starts, or ends with `null`, with none of its findings seen yet. */
  const enter = (next: Section): void => {
    section = next;
    causeInProse = false;
    causeAnswered = false;
    listedInSection = false;
  };

  /** The item's text: its first paragraph and any sub-list that follows it. */
  const body = (index: number, first: string): { text: string; next: number } => {
    findings.findingParagraphs.add(index);
    let text = first;
    let inList = false;
    let next = index + 1;
    for (; next < paragraphs.length; next++) {
      const paragraph = paragraphs[next]!;
      const opensList = text.endsWith(':');
      const listGoesOn = inList && /(?:[;,]|\b(?:and|or))$/.test(text);
      const marked = LIST_ITEM.test(paragraph);
      const unmarkedItem = (opensList || listGoesOn) && /^[a-z]/.test(paragraph);
      if (!(marked && (opensList || inList)) && !unmarkedItem) break;
      text = `${text} ${paragraph}`;
      inList = true;
      findings.findingParagraphs.add(next);
    }
    return { text: text.replace(/\s+/g, ' ').trim(), next };
  };

  /** Records a recommendation; in a tracker, the line after its text may name the addressee. */
  const recommend = (ref: string | null, index: number, first: string, addresseeLine = false): number => {
    const { text, next } = body(index, first);
    const line = paragraphs[next];
    const addressee = addresseeLine && line !== undefined && isAddresseeLine(line, paragraphs[next + 1]) ? line : null;
    const target = parseTargetPhrase(text);
    findings.recommendations.push({
      ref,
      text,
      targetDate: target.date,
      addressees: addressee ? [addressee] : addresseesOf(text),
      targetPhrase: target.phrase,
      targetRelative: target.relative,
    });
    itemsMayFollow = true;
    return addressee ? next + 1 : next;
  };

  const state = (list: ExtractedStatement[], index: number, first: string): number => {
    const { text, next } = body(index, first);
    list.push({ text });
    itemsMayFollow = true;
    return next;
  };

  /**
   * What follows an item's label, or else the next paragraph when the label stands alone. A short
   * heading between a lone label and its text ("Recommendation 1" / "Vetting" / "By April 2023, …")
   * names the item and is passed over.
   */
  const textAfter = (rest: string, index: number): { index: number; text: string } | null => {
    if (rest !== '') return { index, text: rest };
    for (const at of [index + 1, index + 2]) {
      const next = paragraphs[at];
      if (next === undefined || LABEL.test(next) || NUMBERED.test(next) || sectionHeading(next) !== undefined) return null;
      if (!isHeading(next)) return { index: at, text: withoutListMarker(next) };
      if (!startsLikeRecommendation(paragraphs[at + 1] ?? '')) return null;
    }
    return null;
  };

  let i = 0;
  while (i < paragraphs.length) {
    const paragraph = paragraphs[i]!;
    const number = NUMBERED.exec(paragraph);
    const afterNumber = number ? paragraph.slice(number[0].length) : paragraph;
    const portal = PORTAL_REF.exec(afterNumber);
    const afterRef = portal ? afterNumber.slice(portal[0].length) : afterNumber;
    const label = LABEL.exec(afterRef);
    const labelRef = label ? LABEL_REF.exec(label[3]!) : null;
    const afterLabel = label ? label[3]!.slice(labelRef?.[0].length ?? 0) : '';
    const ref = portal?.[1] ?? labelRef?.[1];

    // "Recommendation 2 has been completed" is commentary; a label is followed by a separator, by
    // nothing, or by the recommendation itself.
    const labelled = label && (label[2] !== undefined || afterLabel === '' || ref || looksLikeRecommendation(afterLabel));
    // "Recommendation 1 – To Chief Constables": whom it is for, with the recommendation on the next line.
    const forWhom = labelled && /^(?:To|For)\s+(?:the\s+)?[A-Z][\w’' ,&-]{2,80}$/.test(afterLabel) && !asksForAction(afterLabel);
    if (labelled || portal) {
      const item = textAfter(labelled && !forWhom ? afterLabel : labelled ? '' : afterRef, i);
      if (item) {
        // A recommendation ends a section of areas for improvement or causes of concern: what follows
        // is its own, or commentary.
        if (section !== 'recommendations') enter(null);
        i = recommend(ref ? `#${ref}` : label![1]!, item.index, item.text);
        continue;
      }
    }

    const afi = AFI_HEADING.test(paragraph) ? null : AFI_LABEL.exec(paragraph);
    const coc = COC_HEADING.test(paragraph) ? null : COC_LABEL.exec(paragraph);
    const statement = afi ?? coc;
    if (statement) {
      const item = textAfter(statement[2]!, i);
      if (item) {
        i = state(afi ? findings.areasForImprovement : findings.causesOfConcern, item.index, item.text);
        continue;
      }
    }

    // The ending first: the pattern is slow to fail on a long paragraph, and most paragraphs are.
    const register = paragraph.endsWith(')') ? REGISTER_ENTRY.exec(paragraph) : null;
    const following = paragraphs[i + 1];
    if (register && following !== undefined && startsLikeRecommendation(following)) {
      i = recommend(register[2]!, i + 1, following);
      continue;
    }

    const row = ROW.exec(paragraph);
    if (row) {
      const statusLine = row[2] === undefined && paragraphs[i + 1] !== undefined && isStatus(paragraphs[i + 1]!);
      const textIndex = statusLine ? i + 2 : i + 1;
      const first = paragraphs[textIndex];
      // A status a tracker uses makes the row plain, whatever the wording of its text.
      const knownStatus = row[2] !== undefined || (statusLine && KNOWN_STATUS.test(paragraphs[i + 1]!));
      if (first !== undefined && (startsLikeRecommendation(first) || (knownStatus && !isHeading(first)))) {
        i = recommend(row[1]!, textIndex, first, true);
        continue;
      }
    }

    const headingThenText = RECOMMENDATIONS_THEN_TEXT.exec(paragraph);
    if (headingThenText && startsLikeRecommendation(headingThenText[1]!)) {
      enter('recommendations');
      i = recommend(null, i, headingThenText[1]!);
      continue;
    }

    // A numbered list needs no heading when its items open as recommendations do and say who should
    // act: "1. By July 2022, forces should …", "1. The MPS should take immediate steps …".
    if (section === null && number !== null && asksForAction(afterNumber) && (opensWithTargetOrRecommender(afterNumber) || namesWhoShouldAct(afterNumber))) {
      enter('recommendations');
      i = recommend(number[1]!, i, afterNumber);
      continue;
    }

    const heading = sectionHeading(paragraph) ?? introducedSection(paragraph);
    if (heading !== undefined) {
      enter(heading);
      itemsMayFollow = true;
      sectionJustOpened = true;
      i += 1;
      continue;
    }
    if (sectionJustOpened && isHeading(paragraph)) {
      i += 1;
      continue;
    }
    sectionJustOpened = false;

    if (section !== null) {
      const listed = number !== null || LIST_ITEM.test(paragraph);
      const text = number ? afterNumber : withoutListMarker(paragraph);
      const plainItem = startsLikeRecommendation(text) && asksForAction(text) && (itemsMayFollow || opensWithTargetOrRecommender(text));
      if (section === 'recommendations' && (listed ? looksLikeRecommendation(text) : plainItem)) {
        i = recommend(number ? number[1]! : null, i, text);
        continue;
      }
      // HMICFRS follows a cause of concern with the recommendations that answer it, often without a
      // heading of their own: "we recommend that, within three months, the force should: • …", or
      // once the cause is stated, "• The force should immediately …".
      const recommender = /\brecommends?\b/i.test(text) && opensWithTargetOrRecommender(text);
      // Nor does an area for improvement or a cause of concern carry a deadline: "1. By 31 March 2025, the force should …" is a recommendation.
      const dated = listed && asksForAction(text) && parseTargetPhrase(text).date !== null && opensWithTargetOrRecommender(text);
      if (dated || (section === 'causes-of-concern' && (recommender || (causeInProse && listed && looksLikeRecommendation(text))))) {
        causeAnswered = true;
        i = recommend(number ? number[1]! : null, i, text);
        continue;
      }
      // Prose about the findings ("We found 16 areas for improvement", "We set out our detailed
      // findings below") is not one of them; an area for improvement says what should change.
      const prose =
        isHeading(paragraph) ||
        /\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|several|some|no|these|our|its)\s+(?:areas? for improvement|causes? (?:of|for) concern)\b/i.test(
          text,
        ) ||
        (section === 'areas-for-improvement' && !/\b(?:should|must|needs? to)\b/i.test(text));
      const statement = listed || (itemsMayFollow && !prose && !causeAnswered && (!listedInSection || startsLikeRecommendation(text)));
      if (section !== 'recommendations' && statement) {
        if (section === 'causes-of-concern' && !listed) causeInProse = true;
        if (listed) listedInSection = true;
        i = state(section === 'areas-for-improvement' ? findings.areasForImprovement : findings.causesOfConcern, i, text);
        continue;
      }
    }
    if (isHeading(paragraph)) enter(null);
    itemsMayFollow = false;
    i += 1;
  }
  return findings;
}

/**
 * The section a paragraph's last sentence introduces ("… and the identified areas for improvement
 * are: –"); a recommendation that ends in a colon says who should act, and is not an introduction.
 */
function introducedSection(paragraph: string): Section | undefined {
  const sentence = paragraph
    .replace(/\s*[–—-]$/, '')
    .split(/(?<=[.!?])\s+/)
    .at(-1)!;
  if (sentence.length > 300 || /\b(?:should|must)\b/i.test(sentence) || /\b(?:including|include|includes|such as|for example)\s*:$/i.test(sentence))
    return undefined;
  return FINDINGS_INTRO.find(([pattern]) => pattern.test(sentence))?.[1];
}

/** The section a heading opens, or undefined for any other paragraph. */
function sectionHeading(paragraph: string): Section | undefined {
  if (RECOMMENDATIONS_HEADING.test(paragraph)) return 'recommendations';
  if (AFI_HEADING.test(paragraph)) return 'areas-for-improvement';
  if (COC_HEADING.test(paragraph)) return 'causes-of-concern';
  return undefined;
}
