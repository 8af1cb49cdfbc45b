import { findForce } from '../forces';
import type { ExtractedRecommendation, ExtractedStatement } from '../model';
import { type AddresseeRule, addresseesOf } from './addressees';
import type { DocumentBlock } from './blocks';
import { FULL_DATE } from './dates';
import type { Explanation } from './explanations';
import { AFTER_ITEM_NUMBER, bulletsOf, SENTENCE_END, sentencesOf, standsAsHeading, startsSubListItem, withoutSubListMarker } from './paragraphs';
import { firstSentence, parseTargetPhrase } from './target-dates';
import { AREAS_FOR_IMPROVEMENT_WORDS, ASKS, CAUSES_OF_CONCERN_WORDS, namesAnActor, RECOMMENDER, RECOMMENDS_HEAD, STATUS } from './vocabulary';

/** The findings a recommendation's explanations name, as recorded below: "recommendation 2", "target of recommendation 2", "addressees of recommendation 2". */
export const RECOMMENDATION_FINDING = /^(?:(?:target|addressees) of )?recommendation\b/;

export interface Findings {
  recommendations: ExtractedRecommendation[];
  areasForImprovement: ExtractedStatement[];
  causesOfConcern: ExtractedStatement[];
  /** Blocks that are the text of a finding, so that a force named only there can be told apart. */
  findingParagraphs: Set<number>;
  /** For each finding, the rule that read it and the text it read. */
  explanations: Explanation[];
}

/**
 * The findings a section holds. `other-bodies` is another body's recommendations ("IOPC recommendations
 * to the MPS"), which a response may set beside the inspectorate's: they are not the inspectorate's.
 */
type Section = 'recommendations' | 'areas-for-improvement' | 'causes-of-concern' | 'other-bodies' | null;

/** "1.", "2)", "(3)" before an item, its number captured. */
const NUMBERED = new RegExp(String.raw`^\(?(\d{1,3})[.)]${AFTER_ITEM_NUMBER}\s*`);
/** A numbered item in lower case, finishing the sentence before the list: "1. put in place …;", "2. ensure that …". */
function numberedFragment(paragraph: string): boolean {
  const number = NUMBERED.exec(paragraph);
  return number !== null && /^[a-z]/.test(paragraph.slice(number[0].length));
}
/** The register's answer to a cause of concern, its deadline in lower case as the stored entry keeps it: "by 30 June 2017, submit …"; a body's own plan writes "By 31 March 2019, review …". */
const REGISTER_DATED_ANSWER = /^(?:by|within)\s/;
/** How a PEEL report opens the recommendation that answers a cause of concern. */
const ANSWERS_THE_CONCERN = /^to address (?:this|these|the) causes? (?:of|for) concern\b/i;
/**
 * A label run onto its text with no space, as a stored register page keeps a heading set in bold:
 * "RecommendationTo address this cause for concern, …", "Cause of concernThe lack of clear financial plans …".
 */
const LABEL_RUN_ON = /^(Recommendation|Cause (?:of|for) concern|Areas? for improvement)(?=[A-Z][a-z])/;
/** More asked in the sentence that opens a paragraph: "By 1 May 2025, chief fire officers should also …". */
const ASKS_ALSO = /^[^.]{0,120}\bshould\s+also\b/;
/** Words that open a sentence of its own, not the rest of a name: "The force has made some progress …". */
const SENTENCE_OPENER = /^(?:The|This|These|Those|It|Its|We|Our|In|A|An|There|They|He|She|I)\b/;
/** A number alone in its block, as a table's number cell gives it, the item's text in the next block: "1.". */
const BARE_NUMBER = /^\(?(\d{1,3})[.)]$/;
/** A numbered paragraph's number, as a letter or a committee paper numbers them: "2.1 Recommendation 1", "2.2 By 31 October 2023, …". */
const PARAGRAPH_NUMBER = /^\d{1,2}\.\d{1,3}\.?\s+(?=[A-Z‘“"(])/;

/** A paragraph without its number, which says where it is, not what it is. */
function withoutParagraphNumber(paragraph: string): string {
  const number = PARAGRAPH_NUMBER.exec(paragraph);
  return number ? paragraph.slice(number[0].length) : paragraph;
}
/** HMICFRS monitoring-portal reference: "#23432". */
const PORTAL_REF = /^#(\d{3,7})\b(?!\/\d)\s*(?:[–—:.-]\s*)?/;
const LABEL = /^(?:Recommendation|RECOMMENDATION)\s+(\d{1,3}[a-z]?)\b(?!\.\d)\s*([:.–—-]\s*)?(.*)$/;
/** Whom a label says its recommendation is for, the recommendation in the next block: "Recommendation 1 – To Chief Constables". */
const FOR_WHOM = /^(?:To|For)\s+(?:the\s+)?([A-Za-z][\w’' ,&-]{2,80})$/;
/** A portal reference after the label: "Recommendation 1 (#23432): …". */
const LABEL_REF = /^\(?#(\d{3,7})\)?\s*(?:[:.–—-]\s*)?/;
/** An entry in HMICFRS's older recommendation register: "Report title (4822)". */
const REGISTER_ENTRY = /^(.{10,}?)\s*\((\d{3,6})\)$/;
/** A row's id in a table or tracker: "T1", "R12", "7". */
const ROW_ID_WORD = '[A-Z]{0,3}\\d{1,3}';
const ROW_ID = new RegExp(`^${ROW_ID_WORD}$`);
/** A recommendation after its label, with the cause of concern it answers before it: "Cause of concern: … Recommendation: HMIC recommends …". */
const CAUSE_THEN_RECOMMENDATION = /^(?:(?:Cause (?:of|for) concern|CAUSE OF CONCERN)\s*[:–—-]\s*(.+?)\s+)?(?:Recommendation|RECOMMENDATION)\s*[:–—-]\s*(.+)$/;
/**
 * What a recommendation may ask, its subject left to the heading or the sentence before ("West Mercia
 * specific recommendations: - Improve how it works with partners …"). Read only where recommendations
 * are: elsewhere such items are actions.
 */
const VERBS = [
  'Improve',
  'Make sure',
  'Ensure',
  'Provide',
  'Carry out',
  'Review',
  'Develop',
  'Introduce',
  'Establish',
  'Implement',
  'Put in place',
  'Set up',
  'Publish',
  'Strengthen',
  'Increase',
  'Reduce',
  'Assess',
  'Evaluate',
  'Identify',
  'Adopt',
  'Create',
  'Undertake',
  'Work with',
  'Agree',
  'Take steps',
  'Seek',
  'Update',
  'Consider',
  'Submit',
];
// Several of the verbs are nouns too: "Review of the 101 service is now complete", "Update: the force has …".
const NOT_A_NOUN = '\\b(?!\\s*of\\b|\\s*:)';
const WHAT_TO_DO = `(?:${VERBS.join('|')})${NOT_A_NOUN}`;
/** The same after a deadline and its comma, in lower case: "By 27 March 2025, where required, seek …". */
const WHAT_TO_DO_AFTER_COMMA = `(?:${VERBS.map((verb) => verb.toLowerCase()).join('|')})${NOT_A_NOUN}`;
const IMPERATIVE_AT_START = new RegExp(`^${WHAT_TO_DO}`);
/** Progress told, not asked for: "By March 2024, review of all vetting files had been completed". */
const PROGRESS = /\b(?:had|has been|have been|was|were|is now|are now)\b/;

/** An item that says what to do, not what was done. */
function saysWhatToDo(text: string): boolean {
  return IMPERATIVE_AT_START.test(text) && !PROGRESS.test(firstSentence(text));
}
/** After a deadline, what to do, its subject left to the heading or the sentence before: "By 27 March 2025, where required, seek changes …". */
const AFTER_TARGET_WHAT_TO_DO = new RegExp(
  `^[,\\s]*(?:\\([^)]{0,60}\\)[,\\s]*)?(?:[Ww]here (?:required|necessary|appropriate),\\s*)?(?:${WHAT_TO_DO}|${WHAT_TO_DO_AFTER_COMMA})`,
);

/** A block that opens with its deadline, then says what to do. */
function targetThenWhatToDo(text: string): boolean {
  const target = openingTarget(text);
  return target !== null && AFTER_TARGET_WHAT_TO_DO.test(text.slice(text.indexOf(target) + target.length)) && !PROGRESS.test(firstSentence(text));
}
/** A label without a number, alone or before the recommendation: "Recommendation", "Recommendation: By 31 March 2024, …", "Recommendation • The force should …". */
const UNNUMBERED_LABEL = /^(?:Recommendation|RECOMMENDATION)\s*(?:[:–—•-]\s*(.*))?$/;
/** Bodies other than the inspectorate that make recommendations to the police. */
const OTHER_RECOMMENDING_BODY = String.raw`(?:the\s+)?(?:IOPC|IPCC|Independent Office for Police Conduct|Committee|Panel|Inquiry|Coroner|Audit|Home Affairs Committee)`;
/** A sentence that its list's items finish, asking someone to act: "… that the service should:". */
const ITEMS_FINISH = /\b(?:should|must)\s*:$/;
/** A heading over another body's recommendations: "IOPC recommendations to the MPS", "The Committee’s recommendations". */
const OTHER_BODY_RECOMMENDATIONS = new RegExp(String.raw`^${OTHER_RECOMMENDING_BODY}(?:['’]s)?\s+recommendations?\b[^.]{0,60}$`, 'i');
/** Another body recommending in its own name, under a label as the inspectorate's are: "Recommendation 1 / The IOPC recommends that the Civil Nuclear Constabulary …". */
const OTHER_BODY_RECOMMENDS = new RegExp(String.raw`^${OTHER_RECOMMENDING_BODY}\s+(?:also\s+)?recommends\b`, 'i');
/** A tracker row's number or id, alone or with its status beside it: "7", "T7 Completed". */
const ROW = new RegExp(`^(${ROW_ID_WORD})(\\s+${STATUS})?$`, 'i');
/** A tracker's row on one line: its number, its status, then the recommendation: "1 Open By 31 December 2024, the Home Office … should …". */
const ROW_ON_ONE_LINE = new RegExp(`^(${ROW_ID_WORD})\\s+(?:${STATUS})(?!\\s+Police\\b)\\s+(.+)$`);
const KNOWN_STATUS = new RegExp(`^${STATUS}$`, 'i');
const SECTION_NUMBER = '(?:\\d+(?:\\.\\d+)*\\.?\\s+)?';
/** "Recommendations", "Our recommendations for forces:", "West Mercia specific recommendations:", "Recommendations from the Feb 2021 report." */
const RECOMMENDATIONS_HEADING = new RegExp(
  `^${SECTION_NUMBER}(?:(?:Our|Key|The|Summary of|Summary of our)\\s+[Rr]ecommendations?|(?:[A-Z][\\w’'-]*\\s+){1,3}(?:specific|level)\\s+recommendations|Recommendations?|RECOMMENDATIONS?)(?:\\s+(?:for|to|made to|from)\\s+(?![^.:]*\\b(?:are|were|is|was|have|has|had|will|would|should|must|can|been)\\b)[^.:]{1,60})?\\s*[:.]?$`,
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
    /(?:\b(?:made|makes?|making|sets? out|identifie[sd])\b[^.:]{0,100}|\b(?:following|these)\s+(?:[\w-]+\s+){0,2})recommendations?\b[^.:]{0,140}:$|\bmakes? the following recommendations?\.$|\brecommendations?\b[^.:]{0,80}\b(?:that|which)\s+(?:states?|reads?|says?)\s*:$/i,
    'recommendations',
  ],
  [introducing(AREAS_FOR_IMPROVEMENT_WORDS), 'areas-for-improvement'],
  [introducing(CAUSES_OF_CONCERN_WORDS), 'causes-of-concern'],
];
/** A list's introduction that leaves the sentence before it to say what the items are: "In brief, these were:". */
const THESE_WERE = /^(?:in (?:brief|summary|short),?\s+)?(?:these|they)\s+(?:were|are)\s*:$/i;
const FINDINGS_NAMED: Array<[RegExp, Section]> = [
  [/\brecommendations\b/i, 'recommendations'],
  [new RegExp(`\\b${AREAS_FOR_IMPROVEMENT_WORDS}\\b`, 'i'), 'areas-for-improvement'],
  [new RegExp(`\\b${CAUSES_OF_CONCERN_WORDS}\\b`, 'i'), 'causes-of-concern'],
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

/**
 * Wording that makes a paragraph a recommendation rather than commentary: an inspectorate
 * recommending, a target ("By March 2023", "Within six months") or someone who "should" act.
 */
function looksLikeRecommendation(text: string): boolean {
  return startsLikeRecommendation(text) || ASKS.test(text.slice(0, 200));
}

/**
 * The stricter test for a paragraph with no label or number: it must open as recommendations do, so
 * that commentary ("I agree that forces should …") beside a recommendation is not taken for one.
 */
function startsLikeRecommendation(text: string): boolean {
  return opensWithTargetOrRecommender(text) || /^(?!(?:I|We|My|Our|This|These|It|That)\b)[^.:;]{0,80}?\b(?:should|must)\b/.test(text);
}

/** "HMICFRS recommends …", "To tackle this, we recommend …". */
const RECOMMENDER_OPENING = new RegExp(`^[‘“"]?(?:(?:To address|To tackle|In order to)\\b[^,.]{0,80},\\s*)?${RECOMMENDER}\\b[^.]{0,40}\\brecommends?\\b`, 'i');

/** "HMICFRS recommends …", "By March 2023, …", "Within six months …": openings only recommendations have. */
function opensWithTargetOrRecommender(text: string): boolean {
  return RECOMMENDER_OPENING.test(text) || opensWithTarget(text);
}

/**
 * Says that someone should act, as a recommendation does, where an office's own plan says what it has
 * done or will do ("By March 2024, we will …", "the force should have re-vetted …"), and praise says
 * how someone should be thought of ("The chief constable should be commended …").
 */
function asksForAction(text: string): boolean {
  const opening = text.slice(0, 200);
  // "should have been done" looks back, unless the sentence sets a time from now: "Within two years,
  // all members of the workforce should have received vetting clearance". "By March 2024, the force
  // should have re-vetted …" may be a plan's look back at a date gone.
  const looksBack = /\bshould have (?:been|[a-z-]+ed)\b/i.test(opening) && parseTargetPhrase(text).relative === null;
  // A question asks for views, not action: "Do you agree that leadership should be assessed …?".
  const asksAQuestion = /^\W*(?:Do|Does|Did|Is|Are|Should|Would|Could|Can|Will|Have|Has|How|What|Which|Why|Where|When|To what extent)\b[^.!?]*\?/.test(opening);
  return /\b(?:should|must|recommends?|needs? to|are to|is to)\b/i.test(opening) && !looksBack && !asksAQuestion && !PRAISE.test(opening);
}

const PRAISE = /\b(?:should|must)\s+be\s+(?:congratulated|commended|praised|thanked|applauded|proud|pleased|reassured)\b/i;

/** The words before a sentence's first "should" or "must", when they open it. */
const SUBJECT_OF_SHOULD = /^([^.,;:]{1,80}?)\s+(?:should|must)\b/;

/**
 * Opens by naming who should act, in a few words: "The MPS should …", "Forces should …", "There should
 * be …". Not a committee paper's "3. Whilst the Authority endorses the response, it should be noted"
 * or "4. The Panel should note the report".
 */
function namesWhoShouldAct(text: string): boolean {
  const subject = SUBJECT_OF_SHOULD.exec(text)?.[1];
  return (
    subject !== undefined &&
    subject.split(' ').length <= 8 &&
    !/^(?:it|this|that|these|those|we|I|our|my|members|the (?:panel|committee|board|authority|council|members))\b/i.test(subject)
  );
}

function isStatus(paragraph: string): boolean {
  return paragraph.length <= 40 && paragraph.split(' ').length <= 5 && /^[A-Za-z][A-Za-z \-–/]*$/.test(paragraph) && !looksLikeRecommendation(paragraph);
}

const ADDRESSEE_LINE_WORDS = 8;

/** A body a tracker names on its own line or in a cell of its own: a force, or a few words naming who should act. */
function namesAddressee(paragraph: string): boolean {
  return findForce(paragraph) !== undefined || (paragraph.split(' ').length <= ADDRESSEE_LINE_WORDS && namesAnActor(paragraph));
}

function isAddresseeLine(paragraph: string, next: string | undefined): boolean {
  if (namesAddressee(paragraph)) return true;
  // An unlisted organisation: a few capitalised words, followed by the next item's number or nothing.
  return (
    (next === undefined || ROW.test(next)) &&
    paragraph.split(' ').length <= 6 &&
    /^(?:[A-Z][\w’'&-]*|and|of|the|for)(?:\s+(?:[A-Z][\w’'&-]*|and|of|the|for))*$/.test(paragraph)
  );
}

/** Where in the document the rules are: the one state they share, changed only through FindingReader. */
export interface SectionState {
  /** The kind of finding the section being read holds, or null outside one. */
  section: Section;
  /** Unlabelled items count only straight after a heading or another item, not after commentary. */
  itemsMayFollow: boolean;
  /**
   * The section's own heading was the last block: headings straight after it are its sub-headings or a
   * table's column headings ("Recommendation | Response"), not the start of the next section.
   */
  justOpened: boolean;
  /**
   * The section has stated a cause of concern in prose, as HMICFRS does before the recommendations that
   * answer it (bullets of causes are just that), and whether those have come: prose after them is
   * commentary, such as a register's progress notes.
   */
  causeInProse: boolean;
  causeAnswered: boolean;
  /** The section's statements come as a list: paragraphs between its items explain them. */
  listedInSection: boolean;
  /**
   * A register's or portal's status log follows the last recommendation ("Status: Completed",
   * "Update 3 June 2023: …"): it is neither part of that recommendation nor another one.
   */
  inStatusLog: boolean;
  /**
   * A sentence opened the section saying the list after it is its findings ("we made the following
   * recommendations:", "… eight recommendations were identified. In brief, these were:"): its listed
   * items are, however a response rewords them ("Warwickshire Police immediately improves …").
   */
  introducedList: boolean;
}

/** What a block opens with, read once for every rule: a list number, a portal reference, a label. */
interface Opening {
  paragraph: string;
  number: RegExpExecArray | null;
  /** The text after the list number. */
  afterNumber: string;
  portal: RegExpExecArray | null;
  /** The text after the number and the portal reference. */
  afterRef: string;
  label: RegExpExecArray | null;
  /** The text after a "Recommendation 3 (#23432):" label. */
  afterLabel: string;
  /** The portal reference, from before the label or inside it. */
  ref: string | undefined;
  /** Whether the block is an item of a list, by its number or sub-list marker. */
  listed: boolean;
  /** The block's text without its list marker. */
  itemText: string;
}

function openingOf(numbered: string): Opening {
  const paragraph = withoutParagraphNumber(numbered);
  const number = NUMBERED.exec(paragraph);
  const afterNumber = number ? paragraph.slice(number[0].length) : paragraph;
  const portal = PORTAL_REF.exec(afterNumber);
  const afterRef = portal ? afterNumber.slice(portal[0].length) : afterNumber;
  const label = LABEL.exec(afterRef);
  const labelRef = label ? LABEL_REF.exec(label[3]!) : null;
  const afterLabel = label ? label[3]!.slice(labelRef?.[0].length ?? 0) : '';
  const listed = number !== null || startsSubListItem(paragraph);
  const itemText = number ? afterNumber : withoutSubListMarker(paragraph);
  return { paragraph, number, afterNumber, portal, afterRef, label, afterLabel, ref: portal?.[1] ?? labelRef?.[1], listed, itemText };
}

/** A block as the rules read it: a list item with its marker, as it was written. */
function textOf(block: DocumentBlock): string {
  return block.kind === 'list-item' && block.marker ? `${block.marker} ${block.text}` : block.text;
}

/**
 * Where a recommendation's addressee is read: from its text ("All forces should …"), from the line after
 * it where a tracker puts it, or as the cell of a table's row names it.
 */
type AddressedTo = 'in-text' | 'next-line' | { named: string };

/** A cell of a table row, where the document is. */
interface Cell {
  index: number;
  text: string;
}

/** Cut to what an explanation shows. */
const EXPLANATION_CHARS = 300;

/** The blocks being read, the section state, and the findings so far, with the operations rules share. */
class FindingReader {
  readonly paragraphs: string[];
  readonly findings: Findings = { recommendations: [], areasForImprovement: [], causesOfConcern: [], findingParagraphs: new Set(), explanations: [] };
  readonly state: SectionState = {
    section: null,
    itemsMayFollow: false,
    justOpened: false,
    causeInProse: false,
    causeAnswered: false,
    listedInSection: false,
    inStatusLog: false,
    introducedList: false,
  };

  constructor(private readonly blocks: readonly DocumentBlock[]) {
    this.paragraphs = blocks.map((block) => textOf(block).replace(LABEL_RUN_ON, '$1: '));
  }

  /** A section starts, or ends with `null`, with none of its findings seen yet. */
  enter(section: Section): void {
    Object.assign(this.state, { section, causeInProse: false, causeAnswered: false, listedInSection: false, inStatusLog: false, introducedList: false });
  }

  /** A block that names a part of the document rather than saying something: the format's heading, or a short line that stands as one. */
  isHeading(index: number): boolean {
    const block = this.blocks[index];
    return this.isFormatHeading(index) || (block?.kind === 'paragraph' && standsAsHeading(block.text));
  }

  /** A heading the format itself marks (an HTML `<h2>`, a Word heading style, a Markdown `##`). */
  isFormatHeading(index: number): boolean {
    return this.blocks[index]?.kind === 'heading';
  }

  /** The cells of the table row whose first cell is the block at `index`, or null when it is not one. */
  rowAt(index: number): Cell[] | null {
    const first = this.blocks[index];
    if (first?.kind !== 'table-cell' || first.column !== 0) return null;
    const cells: Cell[] = [];
    for (let at = index; at < this.blocks.length; at++) {
      const block = this.blocks[at]!;
      if (block.kind !== 'table-cell' || block.table !== first.table || block.row !== first.row) break;
      cells.push({ index: at, text: block.text });
    }
    return cells;
  }

  /**
   * Whether the block at `next` goes on with the sentence the item's text broke off: one that starts in
   * lower case (a PDF's lines set apart as paragraphs), or a line wrapped inside a name ("… the Stop and
   * Search Authorised" / "Professional Practice document …") and in mid-sentence itself.
   */
  private goesOnWithSentence(text: string, next: number): boolean {
    const paragraph = this.paragraphs[next];
    if (paragraph === undefined || SENTENCE_END.test(text) || this.blocks[next]?.kind !== 'paragraph') return false;
    if (/^[a-z]/.test(paragraph)) return !startsSubListItem(paragraph);
    // A heading stands alone; a block in mid-sentence ends it, or runs on into lower case.
    const midSentence = SENTENCE_END.test(paragraph) || /^[a-z]/.test(this.paragraphs[next + 1] ?? '');
    return midSentence && /\b[A-Z][a-z]+$/.test(text) && /^[A-Z][a-z]/.test(paragraph) && !SENTENCE_OPENER.test(paragraph);
  }

  /**
   * The item's text: its first paragraph, the rest of its sentence where a block broke it off, and any
   * sub-list that follows it; for an item with a ref, the paragraphs after it that ask the same
   * addressees for more ("By 1 May 2025, chief fire officers should also make sure …"), which are not
   * items of their own.
   */
  private body(index: number, first: string, withRef = false): { text: string; next: number } {
    this.findings.findingParagraphs.add(index);
    let text = first;
    let inList = false;
    let next = index + 1;
    for (; this.goesOnWithSentence(text, next); next++) {
      text = `${text} ${this.paragraphs[next]!}`;
      this.findings.findingParagraphs.add(next);
    }
    for (; next < this.paragraphs.length; next++) {
      const paragraph = this.paragraphs[next]!;
      const opensList = text.endsWith(':');
      const listGoesOn = inList && /(?:[;,]|\b(?:and|or))$/.test(text);
      const marked = startsSubListItem(paragraph);
      const unmarkedItem = (opensList || listGoesOn) && /^[a-z]/.test(paragraph);
      if (!(marked && (opensList || inList)) && !unmarkedItem) break;
      text = `${text} ${paragraph}`;
      inList = true;
      this.findings.findingParagraphs.add(next);
    }
    for (; withRef && this.asksAlso(next, text); next++) {
      text = `${text} ${this.paragraphs[next]!}`;
      this.findings.findingParagraphs.add(next);
    }
    return { text: text.replace(/\s+/g, ' ').trim(), next };
  }

  /** Whether the block at `at` asks the item's own addressees for more; commentary ("We found that the force should also …") names none. */
  private asksAlso(at: number, item: string): boolean {
    const paragraph = this.paragraphs[at];
    if (paragraph === undefined || this.blocks[at]?.kind !== 'paragraph' || this.isHeading(at) || LABEL.test(paragraph) || !ASKS_ALSO.test(paragraph))
      return false;
    const asked = addresseesOf(paragraph).map((each) => each.toLowerCase());
    const addressed = addresseesOf(item).map((each) => each.toLowerCase());
    return asked.length > 0 && asked.length === addressed.length && asked.every((each) => addressed.includes(each));
  }

  private explain(finding: string, rule: string, from: number, to: number): void {
    const read = this.paragraphs.slice(from, to).join(' ').slice(0, EXPLANATION_CHARS);
    this.findings.explanations.push({ finding, rule, read });
  }

  /** Records a recommendation; in a tracker, the line after its text may name the addressee. Returns the next block to read. */
  recommend(rule: string, ref: string | null, index: number, first: string, addressedTo: AddressedTo = 'in-text'): number {
    const { text, next } = this.body(index, first, ref !== null);
    const line = this.paragraphs[next];
    const addresseeLine = addressedTo === 'next-line' && line !== undefined && isAddresseeLine(line, this.paragraphs[next + 1]) ? line : null;
    const addressee = typeof addressedTo === 'object' ? addressedTo.named : addresseeLine;
    const target = parseTargetPhrase(text);
    const addressees = addressee ? [addressee] : addresseesOf(text);
    this.findings.recommendations.push({ ref, text, targetDate: target.date, addressees, targetPhrase: target.phrase, targetRelative: target.relative });
    this.state.itemsMayFollow = true;
    this.state.inStatusLog = false;
    const end = addresseeLine ? next + 1 : next;
    const finding = `recommendation ${ref ?? this.findings.recommendations.length}`;
    this.explain(finding, rule, index, end);
    if (target.rule !== null) this.findings.explanations.push({ finding: `target of ${finding}`, rule: target.rule, read: target.phrase! });
    if (addressees.length > 0) {
      const source: AddresseeRule = typeof addressedTo === 'object' ? 'named-beside' : addresseeLine ? 'line-after' : 'subject-of-should';
      this.findings.explanations.push({ finding: `addressees of ${finding}`, rule: source, read: addressees.join('; ') });
    }
    return end;
  }

  /**
   * Records the recommendations an introduction lists: each bullet that is a whole sentence asking
   * someone to act ("HMIC recommends that: • Within three months, all forces should …; • Forces should …")
   * is one, with no ref (the entry's number is the entry's); bullets that finish the introduction's
   * sentence ("… ensure that: • …; and • …") are one recommendation with it. Returns the next block to read.
   */
  recommendEach(rule: string, ref: string | null, index: number, first: string, addressedTo: AddressedTo = 'in-text'): number {
    // A reader may hand on bullets run together in one item ("• The force should … • Within three months, …").
    const runTogether = bulletsOf(this.paragraphs[index]!).map(withoutSubListMarker);
    if (runTogether.length > 1 && runTogether.every((item) => /^[A-Z‘“"]/.test(item) && looksLikeRecommendation(item) && asksForAction(item))) {
      let next = index + 1;
      for (const item of runTogether) next = this.recommend(rule, null, index, item);
      return next;
    }
    const items: number[] = [];
    for (let at = index + 1; first.endsWith(':') && startsSubListItem(this.paragraphs[at] ?? ''); at++) items.push(at);
    const whole = (at: number) => {
      const item = withoutSubListMarker(this.paragraphs[at]!);
      return /^[A-Z‘“"]/.test(item) && startsLikeRecommendation(item) && asksForAction(item);
    };
    if (items.length < 2 || !items.every(whole)) return this.recommend(rule, ref, index, first, addressedTo);
    this.findings.findingParagraphs.add(index);
    let next = index + 1;
    for (const at of items) if (at >= next) next = this.recommend(rule, null, at, withoutSubListMarker(this.paragraphs[at]!));
    return next;
  }

  /** Records the cause of concern a recommendation answers, unless another recommendation has (each repeats it), then the recommendation. */
  recommendAfterCause(rule: string, ref: string | null, index: number, cause: string | undefined, first: string, addressedTo: AddressedTo): number {
    if (cause !== undefined && !this.findings.causesOfConcern.some((stated) => stated.text === cause)) this.statement(rule, 'causes-of-concern', index, cause);
    return this.recommend(rule, ref, index, first, addressedTo);
  }

  /** Records an area for improvement or a cause of concern. Returns the next block to read. */
  statement(rule: string, kind: 'areas-for-improvement' | 'causes-of-concern', index: number, first: string): number {
    const { text, next } = this.body(index, first);
    const list = kind === 'areas-for-improvement' ? this.findings.areasForImprovement : this.findings.causesOfConcern;
    list.push({ text });
    this.state.itemsMayFollow = true;
    this.explain(`${kind === 'areas-for-improvement' ? 'area for improvement' : 'cause of concern'} ${list.length}`, rule, index, next);
    return next;
  }

  /**
   * A register entry's labelled recommendation, as textAfter finds it; but where the register's pages
   * put a short summary under the label, run into its context ("All forces should evaluate their triage
   * services Mental health triage …"), and then the recommendation with its deadline, that one is it.
   */
  labelledText(rest: string, index: number): { index: number; text: string } | null {
    const found = this.textAfter(rest, index);
    const after = found ? this.paragraphs[found.index + 1] : undefined;
    if (!found || found.index === index || after === undefined) return found;
    return opensWithTarget(after) && asksForAction(after) && !opensWithTargetOrRecommender(found.text) ? { index: found.index + 1, text: after } : found;
  }

  /**
   * What follows an item's label, or else the next paragraph when the label stands alone. A short
   * heading between a lone label and its text ("Recommendation 1" / "Vetting" / "By April 2023, …")
   * names the item and is passed over.
   */
  textAfter(rest: string, index: number, labelNumber?: string): { index: number; text: string } | null {
    if (rest !== '') return { index, text: rest };
    for (const at of [index + 1, index + 2]) {
      const next = this.paragraphs[at];
      // A response copying the report's layout numbers the recommendation twice: "Recommendation 1. To
      // the Home Office" over "1. In consultation with chief constables, commission work to: …".
      const numbered = next === undefined ? null : NUMBERED.exec(next);
      if (numbered !== null && numbered[1] === labelNumber) return { index: at, text: next!.slice(numbered[0].length) };
      if (next === undefined || LABEL.test(next) || numbered !== null || sectionHeading(next) !== undefined) return null;
      if (!this.isHeading(at)) return { index: at, text: withoutSubListMarker(withoutParagraphNumber(next)) };
      if (!startsLikeRecommendation(this.paragraphs[at + 1] ?? '')) return null;
    }
    return null;
  }
}

/**
 * A rule that recognises one shape of finding, or of the structure around findings. `read` is given the
 * block at `index` and returns the index of the next block to read, or null when the block is not its shape.
 */
export interface FindingRule {
  name: string;
  doc: string;
  read(reader: FindingReader, at: Opening, index: number): number | null;
}

/** A list item opening on a gerund with no "should" or "must": a summary of what to do ("Reducing …", "Improving …"), not the inspectorate's words. */
const GERUND_SUMMARY = /^[A-Z][a-z]+ing\b(?!.*\b(?:should|must)\b)/;

/**
 * The rules, in the order they are tried on each block; the first that reads a block decides it. The
 * shapes are those HMICFRS documents and the documents that restate them use. A sub-list introduced by
 * a colon ("They should also include:") belongs to the item before it. Recommendations only counted or
 * paraphrased in prose are not recommendations.
 */
export const FINDING_RULES: readonly FindingRule[] = [
  {
    name: 'labelled-recommendation',
    doc: '"Recommendation 2: By January 2024, forces should …", "1. #23432 – …", or the label alone with the text in the next block.',
    read(reader, at, index) {
      const { label, afterLabel, ref, portal } = at;
      if (reader.state.section === 'other-bodies') return null;
      // "Recommendation 2 has been completed" is commentary; a label is followed by a separator, by
      // nothing, or by the recommendation itself.
      const labelled = label !== null && (label[2] !== undefined || afterLabel === '' || ref !== undefined || looksLikeRecommendation(afterLabel));
      if (!labelled && !portal) return null;
      // "Recommendation 1 – To Chief Constables": whom it is for, with the recommendation on the next line.
      const forWhom = labelled && !asksForAction(afterLabel) ? FOR_WHOM.exec(afterLabel) : null;
      // "Recommendation 1: The risk of honour-based abuse": what it is about, as a heading, over the recommendation.
      // Over a block that asks for nothing, such a label is a heading of the document's own, not a recommendation.
      const about = labelled && !forWhom && isSubjectHeading(afterLabel);
      const item = reader.textAfter(labelled && !forWhom && !about ? afterLabel : labelled ? '' : at.afterRef, index, forWhom ? label![1] : undefined);
      if (!item || (about && !sentencesOf(item.text).some(asksForAction)) || OTHER_BODY_RECOMMENDS.test(item.text)) return null;
      // A recommendation ends a section of areas for improvement or causes of concern: what follows
      // is its own, or commentary.
      if (reader.state.section !== 'recommendations') reader.enter(null);
      // What the label says it is for names who should act where the recommendation, saying only what to do, does not.
      const addressedTo = forWhom && addresseesOf(item.text).length === 0 ? { named: forWhom[1]!.trim() } : 'in-text';
      return reader.recommend(this.name, ref ? `#${ref}` : label![1]!, item.index, item.text, addressedTo);
    },
  },
  {
    name: 'unnumbered-label',
    doc: '"Recommendation: By 31 March 2024, chief constables should …", or "Recommendation" alone with the recommendation in the next block.',
    read(reader, at, index) {
      const label = UNNUMBERED_LABEL.exec(at.paragraph);
      // Straight after a section's heading, "Recommendation" alone heads a table's column ("Recommendation | Response").
      if (label === null || reader.state.section === 'other-bodies' || (reader.state.justOpened && label[1] === undefined)) return null;
      const item = reader.textAfter(label[1] ?? '', index);
      // A committee paper has its own ("Recommendation: The Panel should note the response"): the inspectorate's name who should act.
      if (!item || !startsLikeRecommendation(item.text) || !asksForAction(item.text) || addresseesOf(item.text).length === 0) return null;
      if (reader.state.section !== 'recommendations') reader.enter(null);
      return reader.recommend(this.name, null, item.index, item.text);
    },
  },
  {
    name: 'other-body-recommendations',
    doc: 'A heading over another body’s recommendations ("IOPC recommendations to the MPS"): what follows, to the next heading, is not the inspectorate’s.',
    read(reader, at, index) {
      if (!OTHER_BODY_RECOMMENDATIONS.test(at.paragraph) || !reader.isHeading(index)) return null;
      reader.enter('other-bodies');
      return index + 1;
    },
  },
  {
    name: 'cause-then-recommendation',
    doc: '"Cause of concern: … Recommendation: HMIC recommends …" in one block: the cause of concern, then the recommendation that answers it.',
    read(reader, at, index) {
      const parts = at.paragraph.startsWith('C') ? CAUSE_THEN_RECOMMENDATION.exec(at.paragraph) : null;
      if (parts?.[1] === undefined || !startsLikeRecommendation(parts[2]!) || !asksForAction(parts[2]!)) return null;
      return reader.recommendAfterCause(this.name, null, index, parts[1], parts[2]!, 'in-text');
    },
  },
  {
    name: 'labelled-statement',
    doc: '"Area for improvement 3: …", "AFI 11 – …", "Cause of concern: …", or the label alone with the text in the next block.',
    read(reader, at, index) {
      const afi = AFI_HEADING.test(at.paragraph) ? null : AFI_LABEL.exec(at.paragraph);
      const coc = COC_HEADING.test(at.paragraph) ? null : COC_LABEL.exec(at.paragraph);
      const statement = afi ?? coc;
      const item = statement ? reader.textAfter(statement[2]!, index) : null;
      if (!item) return null;
      return reader.statement(this.name, afi ? 'areas-for-improvement' : 'causes-of-concern', item.index, item.text);
    },
  },
  {
    name: 'register-entry',
    doc: 'An entry in HMICFRS\'s older register: "Report title (4822)", then the recommendation, or a label ("Recommendation 3") and the recommendation.',
    read(reader, at, index) {
      // The ending first: the pattern is slow to fail on a long paragraph, and most paragraphs are.
      const register = at.paragraph.endsWith(')') ? REGISTER_ENTRY.exec(at.paragraph) : null;
      const following = reader.paragraphs[index + 1];
      if (!register || following === undefined) return null;
      // "Develop a clear and integrated vision …": the register's entry may say only what to do.
      if (saysWhatToDo(following) && !startsLikeRecommendation(following)) return reader.recommend(this.name, register[2]!, index + 1, following);
      // The entry's pages may label its one recommendation ("Recommendation 3"): the entry's number is its ref.
      const label = LABEL.exec(following);
      const labelled = label !== null && label[3] === '' ? reader.labelledText('', index + 1) : null;
      if (labelled) return reader.recommend(this.name, register[2]!, labelled.index, labelled.text);
      if (!startsLikeRecommendation(following)) return null;
      return reader.recommendEach(this.name, register[2]!, index + 1, following);
    },
  },
  {
    name: 'table-row',
    doc: 'A table row opening with its id ("T1"): a cell that is a recommendation or holds one after "Recommendation:", the cause of concern before it, and a cell naming its addressee.',
    read(reader, _at, index) {
      const row = reader.rowAt(index);
      if (!row || !ROW_ID.test(row[0]!.text)) return null;
      const cells = row.slice(1);
      const found = cells
        .map((cell) => ({ cell, parts: CAUSE_THEN_RECOMMENDATION.exec(cell.text) }))
        .find(({ cell, parts }) => parts !== null || (startsLikeRecommendation(cell.text) && asksForAction(cell.text)));
      if (!found) return null;
      const { cell, parts } = found;
      const text = parts ? parts[2]! : cell.text;
      if (!startsLikeRecommendation(text) || !asksForAction(text)) return null;
      const addressee = cells.find((other) => other !== cell && namesAddressee(other.text));
      reader.recommendAfterCause(this.name, row[0]!.text, cell.index, parts?.[1], text, addressee ? { named: addressee.text } : 'in-text');
      return row.at(-1)!.index + 1;
    },
  },
  {
    name: 'tracker-row',
    doc: "A tracker's row: the number, a status, the text, then the addressee, each in a block of its own, or the number, status and text on one line.",
    read(reader, at, index) {
      const row = ROW.exec(at.paragraph);
      const oneLine = row ? null : ROW_ON_ONE_LINE.exec(at.paragraph);
      if (oneLine)
        return startsLikeRecommendation(oneLine[2]!) && asksForAction(oneLine[2]!) ? reader.recommend(this.name, oneLine[1]!, index, oneLine[2]!) : null;
      if (!row) return null;
      const { paragraphs } = reader;
      // A count above rows that carry their own numbers ("9", then "1 Open By …") is not a row.
      if (ROW_ON_ONE_LINE.test(paragraphs[index + 1] ?? '')) return null;
      const statusLine = row[2] === undefined && paragraphs[index + 1] !== undefined && isStatus(paragraphs[index + 1]!);
      const textIndex = statusLine ? index + 2 : index + 1;
      const text = paragraphs[textIndex];
      // A number above a labelled recommendation ("1", then "Recommendation 4 With immediate effect, …") is a page's or a table's: the label says which it is.
      if (text === undefined || LABEL.test(text)) return null;
      // "Cause of concern: … Recommendation: …": the row's recommendation answers the cause before it.
      const parts = CAUSE_THEN_RECOMMENDATION.exec(text);
      const first = parts ? parts[2]! : text;
      // A status a tracker uses makes the row plain, whatever the wording of its text.
      const knownStatus = row[2] !== undefined || (statusLine && KNOWN_STATUS.test(paragraphs[index + 1]!));
      if (!(startsLikeRecommendation(first) || (knownStatus && !reader.isHeading(textIndex)))) return null;
      return reader.recommendAfterCause(this.name, row[1]!, textIndex, parts?.[1], first, 'next-line');
    },
  },
  {
    name: 'status-log',
    doc: 'After a recommendation, a status log ("Status", "Status: Completed", "Update 3 June 2023: …", dated entries) up to the next numbered or labelled item.',
    read(reader, at, index) {
      const { state } = reader;
      const opensLog = reader.findings.findingParagraphs.has(index - 1) && STATUS_LOG_ENTRY.test(at.paragraph);
      const logGoesOn = state.inStatusLog && at.number === null && sectionHeading(at.paragraph) === undefined && !reader.isFormatHeading(index);
      if (!opensLog && !logGoesOn) {
        state.inStatusLog = false;
        return null;
      }
      state.inStatusLog = true;
      return index + 1;
    },
  },
  {
    name: 'heading-then-recommendation',
    doc: '"Recommendations: Within six months chief constables should …": the heading with the first recommendation after it.',
    read(reader, at, index) {
      const headingThenText = RECOMMENDATIONS_THEN_TEXT.exec(at.paragraph);
      if (!headingThenText || !startsLikeRecommendation(headingThenText[1]!)) return null;
      reader.enter('recommendations');
      return reader.recommend(this.name, null, index, headingThenText[1]!);
    },
  },
  {
    name: 'numbered-recommendation',
    doc: 'A numbered item outside any section that opens as recommendations do and says who should act: "1. By July 2022, forces should …", or its number alone with the text in the next block.',
    read(reader, at, index) {
      const bare = BARE_NUMBER.exec(at.paragraph);
      const number = bare ?? at.number;
      const textIndex = bare ? index + 1 : index;
      const text = bare ? (reader.paragraphs[textIndex] ?? '') : at.afterNumber;
      // A table's numbers alone go on through its rows once the first has opened the recommendations.
      const opens = reader.state.section === null || (bare !== null && reader.state.section === 'recommendations');
      if (!opens || number === null || !asksForAction(text)) return null;
      if (!opensWithTargetOrRecommender(text) && !namesWhoShouldAct(text)) return null;
      reader.enter('recommendations');
      return reader.recommend(this.name, number[1]!, textIndex, text);
    },
  },
  {
    name: 'inspectorate-recommends',
    doc: 'A block outside any section in which the inspectorate recommends someone act: "HMIC recommends that the force should …", "We recommend that, within six months, …".',
    read(reader, at, index) {
      const addressedTo = reader.state.section === null && at.number === null ? recommendedToAct(at.paragraph) : null;
      if (addressedTo === null) return null;
      return reader.recommendEach(this.name, null, index, at.paragraph, addressedTo);
    },
  },
  {
    name: 'target-then-action',
    doc: 'A block outside any section that opens with its target and names who should act ("Within six months the force should …"), or says what to do ("By 27 March 2025, where required, seek …").',
    read(reader, at, index) {
      const { paragraph } = at;
      if (reader.state.section !== null || at.number !== null || !opensWithTarget(paragraph)) return null;
      if (!targetThenWhatToDo(paragraph) && (!asksForAction(paragraph) || addresseesOf(paragraph).length === 0)) return null;
      return reader.recommend(this.name, null, index, paragraph);
    },
  },
  {
    name: 'restated-with-items',
    doc: 'A paragraph telling of recommendations given, ending with a target and "should:" that numbered items finish: "… They were that, by 30 June 2019, the service should:" over "1. put in place …".',
    read(reader, at, index) {
      const { paragraph } = at;
      if (reader.state.section !== null || !ITEMS_FINISH.test(paragraph) || !/\brecommendations?\b/i.test(paragraph)) return null;
      const last = sentencesOf(paragraph).at(-1) ?? '';
      const target = parseTargetPhrase(last).phrase;
      const items: number[] = [];
      for (let next = index + 1; numberedFragment(reader.paragraphs[next] ?? ''); next++) items.push(next);
      if (target === null || items.length === 0) return null;
      // From the target on: "by 30 June 2019, the service should:", not "They were that, ".
      const from = last.toLowerCase().indexOf(target.toLowerCase());
      const lead = from < 0 ? last : last.slice(from);
      for (const item of items) reader.findings.findingParagraphs.add(item);
      reader.recommend(this.name, null, index, [lead, ...items.map((item) => reader.paragraphs[item]!)].join(' '));
      return items.at(-1)! + 1;
    },
  },
  {
    name: 'section-heading',
    doc: 'A heading or an introducing sentence that opens a section of findings: "Recommendations", "we identified the following four causes of concern:".',
    read(reader, at, index) {
      const headed = sectionHeading(at.paragraph);
      const heading = headed ?? introducedSection(at.paragraph);
      if (heading === undefined) return null;
      reader.enter(heading);
      reader.state.introducedList = headed === undefined;
      reader.state.itemsMayFollow = true;
      reader.state.justOpened = true;
      // A letter's sentence before the heading that its items finish: "… our recommendations that the
      // service should:" / "Recommendations" / "• ensure that …; • target …; and • ensure …" is one.
      const leadIn = headed === 'recommendations' ? sentencesOf(reader.paragraphs[index - 1] ?? '').at(-1) : undefined;
      if (leadIn !== undefined && ITEMS_FINISH.test(leadIn) && startsSubListItem(reader.paragraphs[index + 1] ?? '')) {
        return reader.recommend(this.name, null, index, leadIn);
      }
      return index + 1;
    },
  },
  {
    name: 'actor-then-action',
    doc: 'The paragraph a document opens with, after its headings, naming who should act: "All forces should …", as a register entry does.',
    read(reader, at, index) {
      const { paragraph } = at;
      // A register entry opens with its one recommendation, which its later paragraphs explain ("Chief
      // officers should oversee …"); elsewhere, such words are a letter's or a response's commentary.
      if (reader.state.section !== null || at.number !== null || !namesWhoShouldAct(paragraph) || REPORTED_SPEECH.test(paragraph)) return null;
      // A headline says it too ("Every police force must improve its understanding of …"), without a sentence's full stop.
      if (!/[.;:!]["'’”)]?$/.test(paragraph)) return null;
      const subject = SUBJECT_OF_SHOULD.exec(paragraph)![1]!;
      if (!namesAnActor(subject) || !asksForAction(paragraph)) return null;
      for (let before = 0; before < index; before++) if (!reader.isHeading(before)) return null;
      return reader.recommend(this.name, null, index, paragraph);
    },
  },
  {
    name: 'inspectorate-recommends-in-prose',
    doc: 'A sentence, not quoted, in a paragraph outside any section, in which the inspectorate recommends: "… could improve. We also recommend that the force should …".',
    read(reader, at, index) {
      // Most paragraphs recommend nothing: they are not split into sentences to find that out.
      if (reader.state.section !== null || at.number !== null || !/recommend/i.test(at.paragraph)) return null;
      const sentences = sentencesOf(at.paragraph);
      // The paragraph's first sentence is read by the rules above, as the whole paragraph.
      const recommending = sentences.slice(1).flatMap((sentence, at) => {
        // Someone quoted recommending, as the press reports it, is not the inspectorate's report.
        const quoted = REPORTED_SPEECH.test(sentence) || insideQuotation(sentences.slice(0, at + 1).join(' '));
        const addressedTo = quoted ? null : recommendedToAct(sentence);
        return addressedTo === null ? [] : [{ sentence, addressedTo }];
      });
      if (recommending.length === 0) return null;
      let next = index + 1;
      for (const { sentence, addressedTo } of recommending) next = reader.recommend(this.name, null, index, sentence, addressedTo);
      return next;
    },
  },
  {
    name: 'sub-heading',
    doc: "A heading straight after a section's own: a sub-heading or a table's column headings, which the section goes on after.",
    read(reader, _at, index) {
      if (!reader.state.justOpened) return null;
      if (reader.isHeading(index)) return index + 1;
      reader.state.justOpened = false;
      return null;
    },
  },
  {
    name: 'section-recommendation',
    doc: 'In a section of recommendations, an item that reads as one or opens with what to do ("Improve how it works …"), or an unmarked paragraph that opens as one straight after the heading or another.',
    read(reader, { listed, itemText: text, number }, index) {
      if (reader.state.section !== 'recommendations') return null;
      // An introduced list ends where its items do: what follows is commentary, however worded.
      if (!listed) reader.state.introducedList = false;
      // An introduced list's items count however they are worded, when each is a sentence of its own, not a fragment ("establish greater
      // consistency;"), nor a gerund's summary of one ("Reducing the amount of time children spend in custody …", as a force's page puts it).
      const reads = listed
        ? looksLikeRecommendation(text) || saysWhatToDo(text) || (reader.state.introducedList && /^[A-Z‘“"]/.test(text) && !GERUND_SUMMARY.test(text))
        : (startsLikeRecommendation(text) && asksForAction(text) && (reader.state.itemsMayFollow || opensWithTargetOrRecommender(text))) ||
          targetThenWhatToDo(text);
      if (!reads) return null;
      return reader.recommend(this.name, number ? number[1]! : null, index, text);
    },
  },
  {
    name: 'recommendation-answering-concern',
    doc: 'Among causes of concern or areas for improvement, an item with a target ("Immediately, all forces should …"), or after a cause of concern the recommendations that answer it.',
    read(reader, at, index) {
      const { state } = reader;
      const section = statementSection(state);
      const { listed, itemText: text } = at;
      // "To address this cause of concern, the force must immediately take steps to:": the PEEL report's answer to the cause above it.
      const recommender = (/\brecommends?\b/i.test(text) && opensWithTargetOrRecommender(text)) || (ANSWERS_THE_CONCERN.test(text) && asksForAction(text));
      // An area for improvement or a cause of concern carries no deadline: "1. By 31 March 2025, the force should …" is a recommendation.
      const dated = listed && asksForAction(text) && parseTargetPhrase(text).date !== null && opensWithTargetOrRecommender(text);
      // Nor does it open with one and name who should act: "Immediately, all forces should review …", nor
      // introduce what to do by when: "The force should immediately:".
      // Or, under a cause of concern, says by when to do what, as the register puts its answer: "by 30 June 2017, submit to HMIC a report …".
      const targeted =
        ((opensWithTarget(text) || introducesTargetedItems(text)) && asksForAction(text) && addresseesOf(text).length > 0) ||
        (section === 'causes-of-concern' && REGISTER_DATED_ANSWER.test(text) && targetThenWhatToDo(text));
      if (
        section === null ||
        (!dated && !targeted && !(section === 'causes-of-concern' && (recommender || (state.causeInProse && listed && looksLikeRecommendation(text)))))
      )
        return null;
      state.causeAnswered = true;
      return reader.recommendEach(this.name, at.number ? at.number[1]! : null, index, text);
    },
  },
  {
    name: 'section-statement',
    doc: 'In a section of areas for improvement or causes of concern, an item, or a paragraph saying what should change that is not prose about the findings.',
    read(reader, { listed, itemText: text }, index) {
      const { state } = reader;
      const section = statementSection(state);
      if (section === null) return null;
      // Prose about the findings ("We found 16 areas for improvement", "We set out our detailed
      // findings below") is not one of them; an area for improvement says what should change.
      const prose =
        reader.isHeading(index) || FINDINGS_COUNTED.test(text) || (section === 'areas-for-improvement' && !/\b(?:should|must|needs? to)\b/i.test(text));
      const statement = listed || (state.itemsMayFollow && !prose && !state.causeAnswered && (!state.listedInSection || startsLikeRecommendation(text)));
      if (!statement) return null;
      if (section === 'causes-of-concern' && !listed) state.causeInProse = true;
      if (listed) state.listedInSection = true;
      return reader.statement(this.name, section, index, text);
    },
  },
  {
    name: 'commentary',
    doc: 'Anything else is commentary: unmarked items may not follow it, and a heading ends the section.',
    read(reader, _at, index) {
      if (reader.isHeading(index)) reader.enter(null);
      reader.state.itemsMayFollow = false;
      return index + 1;
    },
  },
];

/** The first line of a status log: a status or an update, however labelled, or an entry's date. */
const STATUS_LOG_ENTRY = new RegExp(
  `^(?:\\[on\\]|(?:current\\s+)?status\\b\\s*(?:[:–—-]|$|${STATUS})|(?:progress\\s+|latest\\s+)?updates?\\b\\s*(?:[:–—-]|$|on\\b|from\\b|\\d)|(?:last\\s+)?updated\\b|date\\s+(?:closed|updated|of\\s+update)\\b|${FULL_DATE}\\s*(?:[:–—-]|$|\\[))`,
  'i',
);
/** "We found 16 areas for improvement", "these causes of concern": prose that counts or points at findings. */
const FINDINGS_COUNTED = new RegExp(
  `\\b(?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten|several|some|no|these|our|its)\\s+(?:${AREAS_FOR_IMPROVEMENT_WORDS}|${CAUSES_OF_CONCERN_WORDS})\\b`,
  'i',
);
/** Words someone is reported to have said: "The force should keep improving, the Commissioner said.", "…, says the police inspectorate." */
const REPORTED_SPEECH = /,\s+(?:(?:the\s+)?[^,.]{1,60}\b(?:said|says|added|commented)\b|(?:said|says|added|commented)\s+\S)/i;
/** The inspectorate recommending that someone act: "HMIC recommends that the force should …". */
// A revisit letter restates what was recommended, introducing its items: "We recommended that the force take immediate
// steps to:", "We made the following recommendations, stating that the constabulary should:", "In our 2017 legitimacy
// report, we recommended that all forces should:". Past tense only so: "We recommended that the force should review …"
// in a follow-up report's prose is history, not a recommendation.
const RECOMMENDS_THAT = new RegExp(
  `^[‘“"]?${RECOMMENDS_HEAD}(?:recommends?\\s+that\\b(?=[^.]{0,200}\\b(?:should|must)\\b)|(?:recommended\\s+that|made\\s+the\\s+following\\s+recommendations?,\\s+(?:stating|saying|in\\s+which\\s+we\\s+said)\\s+that)\\b(?=[^.]{0,200}:$))`,
  'i',
);

/**
 * A few words naming a subject, not a sentence nor what to do: "Cultural awareness", "The risk of
 * honour-based abuse"; not "Improve the vetting process" nor "By March 2024, review vetting". The
 * recommendation under it may open with a finding ("We found …. Chief constables should make sure that:").
 */
function isSubjectHeading(text: string): boolean {
  return (
    text.length > 0 &&
    text.length <= SUBJECT_HEADING_LONGEST &&
    !SENTENCE_END.test(text) &&
    !asksForAction(text) &&
    !saysWhatToDo(text) &&
    !opensWithTargetOrRecommender(text) &&
    !/^(?:To|For)\s/.test(text)
  );
}
const SUBJECT_HEADING_LONGEST = 80;

/** The inspectorate recommending, in the present, and what follows: "We also recommend that the government makes changes to …". */
const RECOMMENDS_THAT_WHOM = new RegExp(`^[‘“"]?${RECOMMENDS_HEAD}recommends?\\s+that\\s+(.*)`, 'i');
/** The most words a body's name takes after "recommends that": "the Independent Office for Police Conduct". */
const LONGEST_ACTOR_WORDS = 8;
/**
 * The words a body's name goes on with once it names one ("the College" → "the College of Policing",
 * "police" → "police forces"): a capitalised word, one that joins a name's words, or a kind of body.
 * A verb ("makes"), or "in" before a place, ends it.
 */
const NAME_GOES_ON =
  /^(?:[A-Z][\w’'&-]*|of|for|and|the|&|forces?|constables?|officers?|commissioners?|agencies|authorit(?:y|ies)|councils?|services?|leads?|bodies|partners)$/;
const NAME_JOINER = /^(?:of|for|and|the|&)$/;

/**
 * Whether a block or sentence is the inspectorate recommending that someone act, and how to find whom:
 * asking with "should" ("HMIC recommends that the force should …") or introducing what it recommended
 * ("We recommended that the force take immediate steps to:"), whose text says whom; or naming the body
 * that is to act ("We recommend that the government makes changes …"). Null for "HMIC recommends that
 * readers see the earlier report".
 */
function recommendedToAct(text: string): AddressedTo | null {
  if (RECOMMENDS_THAT.test(text)) return 'in-text';
  const words = (RECOMMENDS_THAT_WHOM.exec(text)?.[1]?.split(/\s+/) ?? []).slice(0, LONGEST_ACTOR_WORDS);
  const shortest = words.findIndex((_, at) => namesAnActor(words.slice(0, at + 1).join(' ')));
  if (shortest === -1) return null;
  // The longest name the words after the shortest still go on with: "the College of Policing", not "the College".
  let end = shortest + 1;
  for (let at = end; at < words.length && NAME_GOES_ON.test(words[at]!); at++) if (namesAnActor(words.slice(0, at + 1).join(' '))) end = at + 1;
  while (end > shortest + 1 && NAME_JOINER.test(words[end - 1]!)) end--;
  return { named: words.slice(0, end).join(' ') };
}

/** Whether text leaves a quotation open: more opening quotation marks than closing ones. */
function insideQuotation(text: string): boolean {
  return (text.match(/“/g)?.length ?? 0) > (text.match(/”/g)?.length ?? 0);
}

/** A sentence of its own, naming who should act and by when, that introduces the actions after it: "The force should immediately:". */
function introducesTargetedItems(text: string): boolean {
  const sentence = firstSentence(text);
  return sentence.endsWith(':') && sentence.length <= 120 && parseTargetPhrase(sentence).phrase !== null;
}

/** The target a text opens with ("Within six months …", "By March 2023, …"), or null when it opens otherwise. */
function openingTarget(text: string): string | null {
  const target = parseTargetPhrase(text).phrase;
  return target !== null &&
    text
      .replace(/^[‘“"]/, '')
      .toLowerCase()
      .startsWith(target.toLowerCase())
    ? target
    : null;
}

function opensWithTarget(text: string): boolean {
  return openingTarget(text) !== null;
}

/** The section being read, when it is one of areas for improvement or causes of concern. */
function statementSection(state: SectionState): 'areas-for-improvement' | 'causes-of-concern' | null {
  return state.section === 'recommendations' || state.section === 'other-bodies' ? null : state.section;
}

/** Recommendations, areas for improvement and causes of concern in a document's blocks, each with the rule that read it. */
export function findFindings(blocks: readonly DocumentBlock[]): Findings {
  const reader = new FindingReader(blocks);
  let index = 0;
  while (index < blocks.length) {
    const at = openingOf(reader.paragraphs[index]!);
    // The last rule, commentary, reads every block.
    for (const rule of FINDING_RULES) {
      const next = rule.read(reader, at, index);
      if (next !== null) {
        index = next;
        break;
      }
    }
  }
  return reader.findings;
}

/**
 * The section a paragraph's last sentence introduces ("… and the identified areas for improvement
 * are: –"); a recommendation that ends in a colon says who should act, and is not an introduction.
 */
function introducedSection(paragraph: string): Section | undefined {
  const sentences = sentencesOf(paragraph.replace(/\s*[–—-]$/, ''));
  const sentence = sentences.at(-1)!;
  if (
    sentence.length > 300 ||
    /\b(?:should|must)\b/i.test(sentence) ||
    // A selection, however it goes on ("… a number of immediate recommendations, including that police:"), is a summary.
    /\b(?:including|include|includes|such as|for example)(?:\s+the\s+following|\s+that\s+\w+)?\s*:$/i.test(sentence)
  )
    return undefined;
  // "… in which eight recommendations were identified for the force. In brief, these were:": the sentence before says what they are.
  if (THESE_WERE.test(sentence)) {
    // "… made two recommendations and identified five areas for improvement. These were:" says neither which.
    const named = FINDINGS_NAMED.filter(([pattern]) => pattern.test(sentences.at(-2) ?? ''));
    return named.length === 1 ? named[0]![1] : undefined;
  }
  return FINDINGS_INTRO.find(([pattern]) => pattern.test(sentence))?.[1];
}

/** The section a heading opens, or undefined for any other paragraph. */
function sectionHeading(paragraph: string): Section | undefined {
  if (RECOMMENDATIONS_HEADING.test(paragraph)) return 'recommendations';
  if (AFI_HEADING.test(paragraph)) return 'areas-for-improvement';
  if (COC_HEADING.test(paragraph)) return 'causes-of-concern';
  return undefined;
}
