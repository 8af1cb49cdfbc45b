import type { CalendarDate } from '../calendar-date';
import type { StructuredDocument } from './blocks';
import { FULL_DATE, MONTH_NAME, parseFullDate } from './dates';
import type { Explanation } from './explanations';
import { isSiteFurniture } from './site-furniture';
import { FEDERATION, MAJESTYS } from './vocabulary';

/** An Explanation, with what was read cut to the 300 characters the type promises. */
export function explain(finding: string, rule: string, read: string): Explanation {
  return { finding, rule, read: read.length > 300 ? `${read.slice(0, 299)}…` : read };
}

const WEEKDAY = '(?:(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun),?\\s+)?';
/** A letter's or paper's date line: "12 March 2021", "Dated: Monday 3 June 2019". */
const DATE_LINE = new RegExp(`^(?:dated?\\s*:?\\s*)?${WEEKDAY}${FULL_DATE}\\.?$`, 'i');
/** A time a news site gives after its date: "16/11/2010 13:36", "08/12/2015 00:01 GMT". */
const TIME_OF_DAY = String.raw`,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*(?:GMT|BST|UTC))?`;
/** The federation's banner, by its proper name alone on its line: "Derbyshire Police Federation" (not "Reform of the Police Federation"). */
const FEDERATION_BANNER = new RegExp(`^${FEDERATION}(?: of England and Wales)?$`);
/** A date in figures alone, however separated: "18.02.16", "3-11-2016"; a news site's, never a title. */
const FIGURES_DATE_LINE = /^\d{1,2}[./-]\d{1,2}[./-](?:\d{2}|\d{4})$/;
/**
 * A news site's date above its headline, with "Posted:" or the time after it, its section before it
 * ("News / Fri 17th Sep 2021 at 06:40am") or when it was updated after it ("… | Updated: 1 December 2022,
 * 07:11"): no letter's date, and no title.
 */
const NEWS_DATE_LINE = new RegExp(
  `^(?:[A-Z][a-z]+(?: [A-Z][a-z]+)?\\s*\\/\\s*)?(?:posted(?:\\s+on)?\\s*:?\\s*${WEEKDAY}${FULL_DATE}(?:${TIME_OF_DAY})?|${WEEKDAY}${FULL_DATE}${TIME_OF_DAY}|\\d{1,2}[:.]\\d{2}\\s+${FULL_DATE})\\.?(?:\\s+This (?:story|article) is (?:over|more than) \\d+ \\w+ old|\\s*\\|\\s*Updated:?\\s.*)?$`,
  'i',
);
/** The words that label a publication date: "Published on", "Date of publication", "Statement made on". */
const PUBLICATION_LABEL = String.raw`(?:(?:article\s+)?published(?:\s+on)?|posted(?:\s+on)?|first published|issued(?:\s+on)?|released(?:\s+on)?|publication date|date (?:published|of publication|issued|released|uploaded)|dated|date|created|statement made on)`;
/** A published line may give the time before the day: "Published: 00:01, 26 August 2021". */
const TIME_BEFORE_DATE = String.raw`(?:\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?,?\s+)?`;
const PUBLISHED_LINE = new RegExp(`^(?:[^|\\n]{1,40}\\|\\s*)?${PUBLICATION_LABEL}\\s*:?\\s*${TIME_BEFORE_DATE}${WEEKDAY}(${FULL_DATE})`, 'i');
/** The document saying it comes out today, with the day: "has today (23 January 2020) published", "published today (27th November 2014)". */
const PUBLISHED_TODAY = new RegExp(
  `\\btoday,?\\s*\\(\\s*${WEEKDAY}(${FULL_DATE})\\s*\\)|\\btoday,?\\s+${WEEKDAY}(${FULL_DATE}),?\\s+(?:published|publishes|released)\\b`,
  'i',
);
/** Where a page says it comes out today: its opening paragraphs. */
const PUBLISHED_TODAY_WITHIN = 6;
/** A date in brackets at the end of a line. */
const DATE_AFTER_TITLE = new RegExp(`\\((${FULL_DATE})\\)$`, 'i');
/** A trail of links above the content: "Source · HMICFRS", "Home > Publications > …". */
const CRUMB = /^(?:home|source|you are here|publications?|news|back to)\b[^.]{0,80}?\s[·›»>|/]\s|^(?=(?:\S+\s+){0,11}\S+$).*\s[›»>]\s/i;
/**
 * A site's name standing as its banner: "Essex PFCC", "Office of the Police and Crime Commissioner",
 * "Office of Northamptonshire Police, Fire and Crime Commissioner", "Police and Crime Commissioner for West Yorkshire |
 * WYPCC", the commissioners' and chiefs' national bodies ("Association of Police and Crime Commissioners"); and a person's name with the body's
 * role as the page's byline: "Jo Coles - York and North Yorkshire Deputy Mayor for Policing, Fire and Crime",
 * "Dafydd Llywelyn, Police and Crime Commissioner for Dyfed-Powys".
 */
export const SITE_NAME =
  /^[A-Z][a-z’'-]+(?:\s+[A-Z][a-z’'-]+){1,2}(?:\s+[-–—]|,)\s+(?!.*\b(?:Response|Statement|Comments?|Report)\b)(?:[A-Z][\w’'-]*,?\s+|(?:and|of|the)\s+){0,6}(?:Deputy\s+)?(?:Mayor|Commissioner)(?:\s+for\s+[A-Z][\w ,&’'-]*)?$|^(?:[Tt]he\s+)?(?:[Oo]ffice of (?:the\s+)?)?(?:[A-Z][\w&'’-]*\s+){0,4}(?:PCC|PFCC|OPCC|[Pp]olice,?\s+(?:[Ff]ire\s+)?(?:and|&)\s+[Cc]rime\s+[Cc]ommissioner(?:\s+for\s+(?:[A-Z][\w’'-]*\s*){1,3})?|[Pp]olice and [Cc]rime [Pp]anel)(?:\s*[-–|](?:\s*[A-Z]{3,8})?)?$|^(?:The\s+)?(?:Association of Police and Crime Commissioners|National Police Chiefs['’]? Council)(?:\s*\((?:APCC|NPCC)\))?$/;
/** A menu entry in capitals cut at its ampersand ("SCRUTINY &"); a title in ordinary case cut there goes on in the next line. */
const MENU_CUT_AT_AMPERSAND = /^[A-Z][A-Z ]{1,30} &$/;
/**
 * A point marked as a list's, by a bullet or a hyphen: "• Police and Crime Commissioner …", "- Purpose".
 * Not an en dash, which a site may set before a title ("– 2016 Parliamentary Question to the Home Office").
 */
const BULLETED = /^[•·▪●◦‣]\s|^-\s+\S/;
/** A telephone number on its own or in a short line that gives it ("020 3276 3803 or 07803 903686 for urgent out of hours enquiries."), as a site's contact strip does, parliament's column reference ("HC Deb 26 February 1997 vol 291 c214W") and logos' alt text ("{SITE-NAME} Logo", "Mayor of London logo London Assembly logo"). */
const CONTACT_OR_REFERENCE =
  /^\+?(?=(?:[\s()-]*\d){9})[\d ()-]+$|^(?=.{0,200}$)(?=.*\b(?:[Ee]nquiries|[Cc]all|[Cc]ontact|[Tt]elephone|[Pp]hone|Tel)\b)(?=.*\b\d{3,5}[\s-]?\d{3,4}[\s-]?\d{3,4}\b).*$|^H[CL] Deb\b|^(?:\{SITE-NAME\}\s+|(?:[A-Z][\w&’'-]*\s+){1,6})Logo$|^(?:(?:[A-Z][\w&’'-]*\s+(?:of\s+)?){1,6}[Ll]ogo\s*){2,}$/;
/** A line with no words, as a page's navigation leaves them: "/", "|". */
const NO_WORDS = /^[^\p{L}\p{N}]*$/u;
/** A press office's banner over its statements: "Call the 24hr Press Bureau …", "Notes to Editors", "For media enquiries call …". */
const PRESS_OFFICE_BANNER = /\bpress (?:bureau|office|desks?)\b|^notes to editors$|\bfor media organisations only\b|^for media enquiries\b/i;
/** A journalist's byline, the role then the outlet: "Features and Opinion Editor, Solicitors Journal"; not "Letter to the Editor". */
const REPORTER_BYLINE = /^(?!.*\b(?:to|from)\s+the\b)(?:[A-Z][\w’'&-]*\s+(?:and\s+)?){0,4}(?:Editor|Reporter|Correspondent),\s+\S/;
/**
 * What may be a byline: a person's name alone above the title ("Ben Adams"), two or three capitalised
 * words none of which says what a document is.
 */
const BYLINE =
  /^(?!.*\b(?:Police|Policing|Constabulary|Report|Inspection|Review|Response|Update|Letter|Plan|Summary|Custody|Crime|PEEL|Service|Services|Commissioner|Council|Office)\b)[A-Z][a-z’'-]+(?: [A-Z][a-z’'-]+){1,2}$/;
/** A person by a title and name, as a caption or a debate's speaker: "PCC Matthew Ellis", "Lincolnshire PCC Marc Jones.", "Mr. McNamara". */
const TITLED_PERSON =
  /^(?!.*\b(?:Report|Response|Statement|Update|Plan|Review|Inspection)\b)(?:(?:[A-Z][\w’'-]+\s+){0,3}(?:PCC|PFCC)|Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Baroness|Cllr|Councillor)\.?\s+[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2}\.?$/;
/** What a person is named by in running text, before or after the name: "Commissioner Ann Barnes, who …", "Ann Barnes said". */
const ROLE_BEFORE_NAME = String.raw`\b(?:Commissioner|PCC|PFCC|Mayor|Constable|Councillor|Cllr|Chair(?:man)?|Minister|Secretary|Inspector|Director|Editor|Reporter)\s+`;
const NAMED_AFTER = String.raw`(?:,\s+who\b|,?\s+(?:said|says|commented|added|MP)\b)`;

/**
 * A line that is a person's name, not a title: one with their title ("PCC Matthew Ellis"), or a name
 * alone that the text goes on to name as a person ("Ann Barnes" … "Commissioner Ann Barnes, who").
 */
function isPersonsName(line: string, paras: string[]): boolean {
  if (TITLED_PERSON.test(line)) return true;
  if (!BYLINE.test(line)) return false;
  // A byline is letters and spaces only: it goes into the pattern as it is.
  const asPerson = new RegExp(`${ROLE_BEFORE_NAME}${line}\\b|\\b${line}${NAMED_AFTER}`);
  return paras.some((paragraph) => paragraph !== line && asPerson.test(paragraph));
}

/**
 * A photograph's caption, by its credit: "Sean Price was sacked in 2012 Credit: Owen Humphreys/PA", "Image
 * Credit: States of Jersey Police"; not a name ending in the word ("Universal Credit: the impact on policing").
 */
const PHOTO_CREDIT = /^(?:Photo(?:graph)?|Picture|Image)\s+[Cc]redit:\s+\S|(?<![A-Z][\w’'-]*\s)\bCredit:\s+\S/;
/**
 * Two inspectorates' byline, as a joint report's cover gives it: "… in Lancashire by HM Inspectorate of
 * Prisons and HM Inspectorate of Constabulary", "… by HM Chief Inspector of Prisons and HM Inspectorate of
 * Constabulary"; not "published by".
 */
export const JOINT_INSPECTORATES_BYLINE = new RegExp(
  String.raw`(?<!\b(?:published|commissioned))\s+by\s+${MAJESTYS}\s+(?:Chief\s+Inspector|Inspectorate) of [\w &]+?\s+and\s+${MAJESTYS}\s+(?:Chief\s+Inspector|Inspectorate)\b`,
);
/** That byline and all after it, as it runs onto a title line. */
const JOINT_BYLINE_TO_END = new RegExp(`(?<=\\S)${JOINT_INSPECTORATES_BYLINE.source}.*$`);
/** A written question in Parliament, asked in its set form: "To ask the Secretary of State for the Home Department if …". */
const PARLIAMENTARY_QUESTION = /^To ask (?:the|His|Her)\s/;

/** A consultation named as a site's banner names it ("…framework 2025–27: For consultation"), and the invitation under it. */
const CONSULTATION_BANNER = /\b(?:for|open for|out for)\s+consultation$/i;
const INVITATION = /^(?:we would like your views|have your say|tell us what you think|we want to hear|share your views)\b/i;
/** A line that starts in lower case carries on the line before it; a name styled "eCrime" or "iPhone" does not. */
const CARRIES_ON = /^[a-z](?![A-Z])/;

/** A line's worth of words carrying on the line before: not a paragraph of its own ("ln March 2020 …", misread), nor a byline ("by Mark Rowe"). */
function carriesOn(line: string): boolean {
  return CARRIES_ON.test(line) && !isProse(line) && !/^by\s/.test(line);
}
/** A byline: "by" and a name, capitalised words only ("by Sam Jones"). */
const BY_A_PERSON = /^by\s+[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}$/;
/** A title whose subtitle asks a question: "Stop and Search Powers: Are the police using them effectively and fairly?". */
const QUESTION_TITLE = /^[^.?!:]{3,80}:\s+[^.?!:]{3,120}\?$/;
/** A title line that stops mid-phrase, on a preposition, article or ampersand, goes on in the next line: "Report on an announced inspection of". */
const TITLE_GOES_ON = /\b(?:of|in|on|for|and|the|to|by|into|at|with|from|a|an)$|\s&$/i;
/** A title block's second line that says what the document is: "An update report" under "The police response to domestic abuse". */
const SUBTITLE = /^(?:an?|the)\s+(?:[\w-]+\s+){0,3}(?:report|inspection|review|update|assessment)$/i;
/** The same headings in the inspectorate's Welsh reports: "Crynodeb cyffredinol" (overall summary), "Ein barn" (our view). */
const WELSH_SECTION_HEADINGS =
  "crynodeb(?: cyffredinol)?|cyflwyniad|cynnwys|argymhellion|ein barn|ein dyfarniadau|canfyddiadau|casgliadau|cefndir|meysydd i['’]w gwella|achosion pryder";
/**
 * The headings of a report's sections, which name a part and never the whole: a PEEL summary opens
 * with "Overall summary", a register entry with "Recommendations".
 */
const SECTION_HEADING = new RegExp(
  String.raw`^(?:\d{1,2}\.?\s+)?(?:(?:overall |executive |main |key |report )?summary(?: of findings)?|introduction|(?:table of )?contents|recommendations?|areas? for improvement|causes? (?:of|for) concern|foreword|preface|our judgments?|(?:key |main )?findings|background|conclusions?|methodology|glossary|overview|about (?:this report|us|the inspection)|terms of reference|(?:annex|appendix)(?:\s+[A-Z\d]{1,3})?|next steps|acknowledg(?:e)?ments|${WELSH_SECTION_HEADINGS})\s*:?$`,
  'i',
);
/** A line that is only a number: a page count, or a page's number. */
const PAGE_COUNT = /^\d{1,4}$/;
/** A document-sharing site's snippet of the document, cut short: "report on an unannounced inspection visit to police ... · section 2. background …". */
const SHARED_DOCUMENT_SNIPPET = /(?:\.\.\.|…|€¦)\s*·\s|\s·\s.*(?:\.\.\.|…|€¦)/;
/** What follows the title on such a copy's first page: the inspectorates' byline, the date, the copyright. */
const SHARED_DOCUMENT_TAIL = new RegExp(
  `\\s+(?:by\\s+${MAJESTYS}\\s+(?:Chief\\s+)?Inspector(?:ate)?\\b.*|(?:\\d{1,2}(?:[–-]\\d{1,2})?\\s+)?(?:${MONTH_NAME})\\s+\\d{4}\\b.*|©.*)$`,
);
/** What follows a report's title on its cover: the month, the copyright or the ISBN ("… - July 2013 ISBN: 978-…"). */
const COVER_TAIL = new RegExp(`\\s+(?:[-–]\\s+)?(?:(?:${MONTH_NAME})\\s+\\d{4}\\s+)?(?:©\\s*(?:HMICFRS|HMIC)\\b|ISBN\\b).*$`);
/**
 * The inspector a cover names under its title: "… in England and Wales 2016 Her Majesty’s Chief Inspector
 * of Constabulary", "… Her Majesty’s Inspector David Blakey CBE"; not a headline's "… says His Majesty’s Inspector".
 */
const COVER_AUTHOR = /(?<=\S\s+\S+\s+\S+)(?<!\b(?:says|said),?)\s+(?:Her|His) Majesty['’]s (?:Chief )?Inspector (?:of Constabulary\b|[A-Z]).*$/;

/**
 * A report's cover run into its opening page, as some PDFs' text comes: the title is what stands before
 * the copyright ("PEEL: Police effectiveness 2015 A national overview February 2016 © HMIC 2016 …").
 */
function coverRunOn(paragraph: string): string | null {
  if (!COVER_TAIL.test(paragraph)) return null;
  const title = paragraph.replace(COVER_TAIL, '').replace(COVER_AUTHOR, '');
  return title.length <= 200 && !/[.!?]/.test(title) ? title : null;
}
/** What stands under a report's title block on its cover: the month, the copyright, the ISBN, the inspectorate's name. */
const COVER_LINE = new RegExp(
  `^(?:(?:${MONTH_NAME})\\s+\\d{4}|©.*|ISBN\\b.*|(?:Her|His) Majesty['’]s Inspectorate of Constabulary(?: and Fire (?:and|&) Rescue Services)?)$`,
);
/**
 * A cover's second line, under the title and over its date or copyright: "British Transport Police"
 * over "Inspection findings", "Best Use of Stop and Search (BUSS) scheme" over "The findings of an HMIC
 * revisit …". The whole title is both; a title that has its subtitle already ("The depths of dishonour:
 * Hidden voices …") stands over a description of the report.
 */
function coverSubtitle(title: string, line: string, below: string | undefined): boolean {
  return below !== undefined && COVER_LINE.test(below) && !title.includes(':') && titleLike(line) && !COVER_LINE.test(line) && line.length <= 200;
}
/** A cover's date after the title it stands under, as set in title case; a title in capitals ("… REPORT NOVEMBER 2016") was set with its date. */
const COVER_DATE = new RegExp(`(?<=\\b(?:Inspection|Report))\\s+${MONTH_NAME}\\s+\\d{4}$`);
/** A field of a committee paper's or a form's head: "Report: 8", "Date: 24 April 2003", "By: Clerk". */
const PAPER_FIELD = /^(?:Report|Date|By|Ref(?:erence)?|Author|Version|Agenda item|Item)\s*(?:no\.?\s*)?:\s*\S/i;
/**
 * A committee paper's or a decision record's field naming it, on a line of its own or run on with the
 * fields after it, as a PDF's head may come: "Report Title: Independent Custody Visiting Scheme – update
 * report Date: 2 July 2014 Agenda Item No: 10".
 */
const TITLE_FIELD =
  /^(?:.*?\s)?(?:Report\s+title|Title\s+of\s+(?:the\s+)?report|Subject)\s*:\s*(\S.{3,200}?)(?:\s+((?:Date|Agenda\s+Item(?:\s+No\.?)?|Originating\s+Officer|Report\s+(?:of|by)|Author|Meeting)\s*:).*)?$/i;
export const GREETING = /^Dear\s+[A-Z][\w.’' -]{0,60},?$/;
const SKIP_LINK = /\bskip (?:to )?(?:main )?content\b/i;
export const POSTCODE = /\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b/;
/** Lines of a letter's address block and letterhead. */
const LETTERHEAD = [
  /\b(?:Rt\.?\s+Hon|MP|KC|QC|OBE|MBE|CBE|DL|JP)\b/,
  POSTCODE,
  /^\d+[a-z]?,?\s+[A-Z][\w' ]*\b(?:Street|Road|Lane|Avenue|Way|Place|Square|Court|House|Drive|Close|Park|Hill|Gardens|Row|Terrace|Walk|Crescent)\b/,
  /^(?:Home Secretary|Home Office|Secretary of State\b.*|(?:Policing )?Minister\b.*|Dear\b.*|Our ref\b.*|Your ref\b.*|Ref(?:erence)?\s*:.*|Tel(?:ephone)?\b.*|E-?mail\b.*|(?:Sent )?by e-?mail\b.*|OFFICIAL\b.*|Private and confidential|Page \d+.*|To:.*|From:.*|cc:.*)$/i,
  /^\S+@\S+\.\S+$/,
  /^(?:https?:\/\/|www\.)\S+$/i,
];

export function isProse(paragraph: string): boolean {
  return paragraph.length > 300 || PARLIAMENTARY_QUESTION.test(paragraph) || (/[.!?:]["'’”)]?$/.test(paragraph) && paragraph.split(' ').length > 8);
}

export function isLetterhead(paragraph: string): boolean {
  return paragraph.split(' ').length <= 10 && LETTERHEAD.some((pattern) => pattern.test(paragraph));
}

/** Whether a line can never be a document's title: furniture, a date, a letterhead line, a section's heading. */
export function neverATitle(text: string): boolean {
  return (
    NO_WORDS.test(text) ||
    CARRIES_ON.test(text) ||
    // A bulleted point of the text, not its title: "• Police and Crime Commissioner (PCC) Chris Nelson has responded …".
    BULLETED.test(text) ||
    CONTACT_OR_REFERENCE.test(text) ||
    MENU_CUT_AT_AMPERSAND.test(text) ||
    REPORTER_BYLINE.test(text) ||
    // A page count or a page number, and a document-sharing site's snippet of the document.
    PAGE_COUNT.test(text) ||
    SHARED_DOCUMENT_SNIPPET.test(text) ||
    isSiteFurniture(text) ||
    SITE_NAME.test(text) ||
    // What introduces something is not a title, nor is a numbered section: "1. Police & Crime Commissioner comments:".
    (!isProse(text) && (/^\d{1,2}\.\s/.test(text) || cleanTitle(text).endsWith(':'))) ||
    PRESS_OFFICE_BANNER.test(text) ||
    PHOTO_CREDIT.test(text) ||
    CRUMB.test(text) ||
    SECTION_HEADING.test(text) ||
    DATE_LINE.test(text) ||
    NEWS_DATE_LINE.test(text) ||
    FIGURES_DATE_LINE.test(text) ||
    FEDERATION_BANNER.test(text) ||
    PUBLISHED_LINE.test(text) ||
    // What a cover sets under its title: "October 2006", "© HMIC 2013", "ISBN: …".
    COVER_LINE.test(text) ||
    isLetterhead(text)
  );
}

/**
 * Where the document proper starts, the one state the head rules share: above a page's "Skip to main
 * content" link is the site's (its cookie banner, its menus); in a letter, everything up to the date
 * line is address and letterhead.
 */
export interface DocumentHead {
  /** The index in the paragraphs of the first line after the site's furniture. */
  start: number;
  /** The first twenty paragraphs from there. */
  lines: string[];
  /** The index in `lines` of a letter's date line, when the lines above it are all address and letterhead. */
  letterDate: number | null;
}

/** A site's name or furniture standing as its banner over the content: "Leicestershire Police Federation", "Office of the Police and Crime Commissioner". */
function isSiteBanner(line: string): boolean {
  return FEDERATION_BANNER.test(line) || SITE_NAME.test(line) || isSiteFurniture(line);
}

export function documentHead(paras: string[]): DocumentHead {
  const start = paras.slice(0, 40).findIndex((paragraph) => SKIP_LINK.test(paragraph)) + 1;
  const lines = paras.slice(start, start + 20);
  const dateIndex = lines.findIndex((paragraph) => DATE_LINE.test(paragraph));
  const above = lines.slice(0, dateIndex);
  // One short line over a date is a headline and its dateline ("Stalking Victims Failed says HMIC" / "5th July 2017"), not an address,
  // though a site's banner sets its name above them ("Leicestershire Police Federation").
  const address = above.filter((paragraph, index) => index > 0 || !isSiteBanner(paragraph));
  const letter =
    dateIndex > 0 &&
    (address.length > 1 || address.some(isLetterhead)) &&
    above.every((paragraph) => isLetterhead(paragraph) || (paragraph.split(' ').length <= 5 && !PUBLISHED_LINE.test(paragraph)));
  return { start, lines, letterDate: letter ? dateIndex : null };
}

export interface Title {
  title: string;
  /** The paragraph it was read from, when it is one. */
  index: number | null;
}

/**
 * A title as written, without a subject-line label, a register id after it ("(4822)") or the site's
 * name a web page's title ends with ("… | HMICFRS").
 */
function cleanTitle(text: string): string {
  return (
    text
      .replace(/^(?:Re|RE|Subject|SUBJECT)\s*:\s*/, '')
      .replace(/\s+\|\s+[^|]{1,60}$/, '')
      // The inspectorates' byline run onto the title line: "… custody suites in Lancashire by HM Inspectorate of Prisons and …".
      .replace(JOINT_BYLINE_TO_END, '')
      // A cover's line under the title run onto it: "Living in fear – … A joint inspection by HMIC and HMCPSI".
      .replace(/\s+A\s+joint\s+inspection\s+by\s+(?:HMICFRS|HMIC)\b.*$/, '')
      // A picture agency's caption run onto a headline: "… child sex abuse editorial image editorial image".
      .replace(/(?:\s+editorial image)+$/i, '')
      // A publisher's name after a dash, as a page's title carries it: "… - National Audit Office", "… – BBC News".
      .replace(
        /(?<=\S)\s+[-–—]\s+(?:[A-Z][\w&.’'-]*\s+){0,3}(?:Office|News|Online|Magazine|Journal|Gazette|Times|Post|Echo|Telegraph|Guardian|Independent|Herald|Chronicle|Advertiser|GOV\.UK)$/,
        '',
      )
      // Parliament's committee pages: "Inspection in home affairs and justice - Public Accounts Contents".
      .replace(/(?<=\S)(?<!\b[Tt]able of)(?:\s+-\s+[A-Z][\w ,&’'-]{2,60}?)?\s+Contents$/, '')
      .replace(/\s*\(\d{3,6}\)$/, '')
      // A report's cover run into one line: "Crime data integrity Inspection of Warwickshire Police November 2014 © HMIC 2014 ISBN: …".
      .replace(COVER_TAIL, '')
      .replace(COVER_AUTHOR, '')
      // The cover's date run onto the title it stands under: "British Transport Police – HMIC Inspection Report November 2007".
      .replace(COVER_DATE, '')
      // A news site's crumb run onto its headline: "Home News Home Secretary re-admits …".
      .replace(/^Home News\s+(?=\S)/, '')
      // Or its trail run together: "Home>Fire>Fire and Rescue >National Fire Chiefs Council publishes …".
      .replace(/^Home\s*[>›»](?:[^>›»]*[>›»])*\s*(?=\S)/, '')
      // A form's next field label or section run onto its title line: "… response record Version:", "… Inspection Details".
      .replace(/\s+(?:(?:Version|Date|Ref(?:erence)?|Status|Author|Owner)\s*:|(?:Inspection|Report|Contact) Details)$/, '')
      .replace(/(?<![.\s])\.$/, '')
      .trim()
  );
}

interface TitleRule {
  name: string;
  doc: string;
  /** The title this rule reads, or null when the rule does not apply. */
  find: (document: StructuredDocument, paras: string[], head: DocumentHead) => Title | null;
}

/** A title read from a line, cleaned, at `index` in the paragraphs; none when cleaning leaves nothing. */
function asTitle(line: string, index: number | null): Title | null {
  const title = cleanTitle(line);
  return title === '' ? null : { title, index };
}

/** A line that reads as a title rather than a sentence, however short: what a byline or banner gives way to. */
function titleLike(line: string): boolean {
  return !isProse(line) && !neverATitle(line) && !/[.!?]$/.test(line);
}

/** The first line of the head from `from` that can be a title; stops, with none, at prose. */
function firstTitleLine(head: DocumentHead, from: number): Title | null {
  for (let index = from; index < head.lines.length; index++) {
    const paragraph = head.lines[index]!;
    if (neverATitle(paragraph)) continue;
    const cover = coverRunOn(paragraph);
    if (cover) return asTitle(cover, head.start + index);
    if (isProse(paragraph) && !QUESTION_TITLE.test(paragraph)) return null;
    if (isPersonsName(paragraph, head.lines)) continue;
    // A byline gives way to a title after it, and after the reporter's role under it; with prose after it,
    // it may be a short title ("Digital Forensics").
    const after = head.lines.slice(index + 1).find((line) => !REPORTER_BYLINE.test(line));
    if (BYLINE.test(paragraph) && after !== undefined && titleLike(after)) continue;
    // A site's banner inviting views on a consultation, above another page's own title.
    const afterInvitation = head.lines[index + 2];
    if (CONSULTATION_BANNER.test(paragraph) && INVITATION.test(after ?? '') && afterInvitation !== undefined && titleLike(afterInvitation)) {
      index += 1;
      continue;
    }
    let written = paragraph;
    let next = index + 1;
    for (; TITLE_GOES_ON.test(written) && next < head.lines.length; next++) {
      const line = head.lines[next]!;
      if (isProse(line) || neverATitle(line)) break;
      written = `${written} ${line}`;
    }
    // Lines set apart that carry on in lower case are one line broken: a title that runs on ("…police
    // attendance and use" over "of police time"), or the opening sentence, which is no title.
    const unbroken = written;
    for (; next < head.lines.length && carriesOn(head.lines[next]!); next++) written = `${written} ${head.lines[next]}`;
    // A sentence broken over lines goes on in a line still in lower case that was not joined, being a
    // sentence's end ("offenders to escape justice, a new report has found.") or starting "by" ("by Her
    // Majesty’s Inspectorate of …"); a byline under a title ("by Sam Jones") names only a person.
    const lineAfter = head.lines[next] ?? '';
    const sentenceEnds = CARRIES_ON.test(lineAfter) && !BY_A_PERSON.test(lineAfter);
    if (written !== unbroken && (isProse(written) || /[.!?]["'’”)]?$/.test(written) || sentenceEnds)) return null;
    const subtitle = head.lines[index + 1];
    if (subtitle !== undefined && written === paragraph && (SUBTITLE.test(subtitle) || coverSubtitle(written, subtitle, head.lines[index + 2]))) {
      written = `${written}: ${subtitle}`;
    }
    return asTitle(written, head.start + index);
  }
  return null;
}

/** The title rules, in order: the first to read one gives the document's title. */
export const TITLE_RULES: readonly TitleRule[] = [
  {
    name: 'format-title',
    doc: 'The title the format gives: the HTML <title> or <h1>, Word’s Title, the largest type on a PDF’s first page.',
    find: (document, paras) => {
      const title = document.title === null ? '' : cleanTitle(document.title);
      if (title === '' || neverATitle(title)) return null;
      const index = paras.indexOf(title);
      return { title, index: index === -1 ? null : index };
    },
  },
  {
    name: 'top-heading',
    doc: 'The first heading of the highest level near the start, where the format marks headings.',
    find: (document, paras) => {
      const headings = document.blocks.slice(0, 40).flatMap((block) => (block.kind === 'heading' && !neverATitle(block.text) ? [block] : []));
      if (headings.length === 0) return null;
      const top = Math.min(...headings.map((heading) => heading.level));
      const title = cleanTitle(headings.find((heading) => heading.level === top)!.text);
      const index = paras.indexOf(title);
      return title === '' ? null : { title, index: index === -1 ? null : index };
    },
  },
  {
    name: 'letter-subject',
    doc: 'In a letter, the subject line after the address block and the date.',
    find: (_document, _paras, head) => (head.letterDate === null ? null : firstTitleLine(head, head.letterDate + 1)),
  },
  {
    name: 'shared-document-head',
    doc: 'A document-sharing site’s copy: its snippet ("… · section 2 …") near a page count, then the title line, cut before its byline, date and copyright.',
    find: (_document, _paras, head) => {
      const count = head.lines.slice(0, 3).findIndex((line) => PAGE_COUNT.test(line));
      const line = head.lines[count + 1];
      if (count === -1 || line === undefined || !head.lines.slice(0, 4).some((each) => SHARED_DOCUMENT_SNIPPET.test(each))) return null;
      return asTitle(line.replace(SHARED_DOCUMENT_TAIL, ''), head.start + count + 1);
    },
  },
  {
    name: 'title-above-fields',
    doc: 'A committee paper’s title, the line above its fields ("Report: 8", "Date: 24 April 2003", "By: Clerk").',
    find: (_document, _paras, head) => {
      const fields = head.lines.findIndex((line, index) => index > 0 && PAPER_FIELD.test(line) && PAPER_FIELD.test(head.lines[index + 1] ?? ''));
      const line = head.lines[fields - 1];
      if (fields === -1 || line === undefined || !titleLike(line)) return null;
      return asTitle(line, head.start + fields - 1);
    },
  },
  {
    name: 'title-field',
    doc: 'A paper’s field that names it, beside its other fields: "Report Title: … Date: 2 July 2014", "Subject: …" over "Date: 10/05/2021".',
    find: (_document, _paras, head) => {
      for (const [index, line] of head.lines.entries()) {
        const field = TITLE_FIELD.exec(line);
        if (field === null) continue;
        const besideFields = field[2] !== undefined || head.lines.slice(index + 1, index + 4).some((other) => PAPER_FIELD.test(other));
        return besideFields && titleLike(field[1]!) ? asTitle(field[1]!, head.start + index) : null;
      }
      return null;
    },
  },
  {
    name: 'subject-after-greeting',
    doc: 'In a letter, the subject line under "Dear …", wherever its letterhead and date are; not in a published page that carries a letter.',
    find: (_document, _paras, head) => {
      const greeting = head.lines.findIndex((line) => GREETING.test(line));
      // A page that says when it was published carries its own title above the letter it publishes.
      if (greeting === -1 || head.lines.slice(0, greeting).some((line) => PUBLISHED_LINE.test(line))) return null;
      return firstTitleLine(head, greeting + 1);
    },
  },
  {
    name: 'first-line',
    doc: 'The first substantial line after link trails, site furniture and section headings; none if prose comes first.',
    find: (_document, _paras, head) => (head.letterDate === null ? firstTitleLine(head, 0) : null),
  },
];

/** The document's own title, never a section's heading, with the rule that read it. */
export function titleOf(
  document: StructuredDocument,
  paras: string[],
  head: DocumentHead = documentHead(paras),
): (Title & { explanations: Explanation[] }) | null {
  for (const rule of TITLE_RULES) {
    const found = rule.find(document, paras, head);
    if (found) {
      const title = wholeRunningTitle(titleGoneOn(found, paras), paras);
      return { ...found, title, explanations: [explain('title', rule.name, title)] };
    }
  }
  return null;
}

/**
 * A cover that sets its title's first words again with the rest after them ("HER MAJESTY’S CHIEF INSPECTOR
 * OF CONSTABULARY" over "HER MAJESTY’S CHIEF INSPECTOR OF CONSTABULARY Annual Report 2002-2003") gives the whole
 * title in the second line.
 */
function titleGoneOn(found: Title, paras: string[]): string {
  const next = found.index === null ? undefined : paras[found.index + 1]?.trim();
  return next?.startsWith(`${found.title} `) && titleLike(next) ? cleanTitle(next) : found.title;
}

/** A report's name before its running title: "Cumbria Constabulary" before "– HMIC Inspection Report". */
const NAME_BEFORE_TITLE = /^(?:[A-Z][\w’'-]*\s+(?:(?:and|&|of)\s+)?){1,3}$/;
/** How a running title cut at its force's name opens: on the kind of force ("Constabulary – …", "Police – …"). */
const CUT_AT_THE_FORCE = /^(?:Constabulary|Police)\b/;
/** How many times the whole running title must appear for the page-top copy to count as cut. */
const RUNNING_TITLE_REPEATS = 2;
/** How far down the page's opening the whole running title is looked for. */
const TITLE_WITHIN = 20;

/**
 * A title whose first words the page's top cut off, as a stored PDF's first page may open on the
 * running title's tail ("Constabulary – HMIC Inspection Report"), is the running title the report
 * repeats whole ("Cumbria Constabulary – HMIC Inspection Report").
 */
function wholeRunningTitle(title: string, paras: string[]): string {
  if (!CUT_AT_THE_FORCE.test(title)) return title;
  const longer = paras
    .slice(0, TITLE_WITHIN)
    .map((paragraph) => paragraph.trim())
    .find((paragraph) => paragraph.endsWith(` ${title}`) && NAME_BEFORE_TITLE.test(paragraph.slice(0, -title.length)));
  return longer !== undefined && paras.filter((paragraph) => paragraph.trim().endsWith(longer)).length >= RUNNING_TITLE_REPEATS ? longer : title;
}

interface DateRule {
  name: string;
  doc: string;
  /**
   * The date the line gives, or null; `inHeader` is whether any prose has come before it, `index` the
   * paragraph's place in the page proper, `around` the paragraphs either side of it.
   */
  read: (paragraph: string, inHeader: boolean, index: number, around: { before: string; twoBefore: string; after: string }) => CalendarDate | null;
}

/**
 * What follows a news site's top bar, whose date is the day the page was read, not written: its
 * crumbs run together ("HomePolicingCleveland Police improved …") or the weather ("7.2 C").
 */
const SITE_BAR_AFTER = /^Home[A-Z]|^-?\d{1,2}(?:\.\d)?\s?°?C$/;
/** When a news item was updated, on the line under its date: "Updated Friday, 8th June 2018, 2:28 am". */
const UPDATED_AFTER = new RegExp(`^Updated:?\\s+${WEEKDAY}${FULL_DATE}`);
/** A reporter's byline, which a news item's date sits beside even under its standfirst: "By Paul Jacques", "Author: Molly Hookings". */
const BY_REPORTER = /^(?:By|Author:)\s+[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,2}/;
/** A byline run into its date: "Author: Molly HookingsPublished 24th Nov 2023". */
const BYLINE_THEN_DATE = new RegExp(`^Author:\\s.{2,60}?Published\\s+(${FULL_DATE})`);
/** A date, then on the same line a headline's first words: "28 June 2013 PCC publishes report …". */
const DATE_RUN_INTO_HEADLINE = new RegExp(`^${WEEKDAY}(${FULL_DATE})[ \\t]+[A-Z]`);
/**
 * A committee's meeting as the councils' minutes pages head it, the body, then the weekday, the day and
 * the hour: "Gloucestershire Police and Crime Panel - Wednesday 3 November 2021 10.00 am", or an item's page its
 * meeting: "Meeting: 23/02/2022 - Resources and Fire & Rescue Overview and Scrutiny Committee (Item 5)". Not a page
 * announcing a meeting ("Public accountability meeting – 26 January 2023"), which is not the meeting's record.
 */
const MEETING_HEADING = new RegExp(
  `^\\S.{2,150}?\\s[-–]\\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\\s+(${FULL_DATE})(?:,?\\s+\\d{1,2}(?:[.:]\\d{2})?\\s*[ap]\\.?m\\.?)?$|^Meeting:\\s*(\\d{1,2}/\\d{1,2}/\\d{4})\\s+[-–]\\s+\\S`,
  'i',
);
/** How far down the page a meeting's heading sits: under the site's "Agenda and minutes" label, or an item's title. */
const MEETING_HEADING_WITHIN = 4;
/** The inspectorate's link to another report, whose title and "Published:" line follow it: that report's date, not the page's. */
const GET_THE_REPORT = /^Get the report$/i;
/**
 * A date's label on a line of its own, the date on the next: a publication line's label, or "Answered on" /
 * "21 January 2022", as Parliament's written questions give them.
 */
const DATE_LABEL = new RegExp(String.raw`^(?:${PUBLICATION_LABEL}|answered on)\s*:?$`, 'i');
/** How far down a news item's date and byline sit: under its headline and standfirst. */
const BYLINE_WITHIN = 8;

/** A line that is a date and nothing else: a letter's, or a news item's with its time. */
function standsAsDate(paragraph: string): boolean {
  return DATE_LINE.test(paragraph) || NEWS_DATE_LINE.test(paragraph);
}

/** The publication date rules, tried on each of the first forty paragraphs in turn. */
export const PUBLICATION_DATE_RULES: readonly DateRule[] = [
  {
    name: 'published-line',
    doc: 'A line that says so: "Published on: 7 July 2023", "Date of publication 1 May 2024"; not a linked report’s, under "Get the report" and its title.',
    read: (paragraph, _inHeader, _index, { before, twoBefore }) => {
      const published = PUBLISHED_LINE.exec(paragraph);
      return published && !GET_THE_REPORT.test(before) && !GET_THE_REPORT.test(twoBefore) ? parseFullDate(published[1]!) : null;
    },
  },
  {
    name: 'date-after-title',
    doc: 'A heading ending with its date in brackets: "PCC welcomes the … Report on Police Custody in West Yorkshire (7 Dec 2016)".',
    read: (paragraph) => (isProse(paragraph) ? null : parseFullDate(DATE_AFTER_TITLE.exec(paragraph)?.[1] ?? '')),
  },
  {
    name: 'published-today',
    doc: 'The opening saying the document or report comes out today, with the day: "has today (23 January 2020) published".',
    read: (paragraph, _inHeader, index) => {
      if (index >= PUBLISHED_TODAY_WITHIN) return null;
      const today = PUBLISHED_TODAY.exec(paragraph);
      return today ? parseFullDate(today[1] ?? today[2]!) : null;
    },
  },
  {
    name: 'date-by-byline',
    doc: 'A news item’s date beside its reporter’s byline or over its "Updated …" line, under the headline and standfirst: "Oct 10, 2024" over "By Paul Jacques".',
    read: (paragraph, _inHeader, index, { before, after }) => {
      if (index >= BYLINE_WITHIN) return null;
      const runTogether = BYLINE_THEN_DATE.exec(paragraph);
      if (runTogether) return parseFullDate(runTogether[1]!);
      return standsAsDate(paragraph) && (BY_REPORTER.test(before) || BY_REPORTER.test(after) || UPDATED_AFTER.test(after)) ? parseFullDate(paragraph) : null;
    },
  },
  {
    name: 'date-opens-the-page',
    doc: 'The page’s first line opening with its date, the headline run on after it: "28 June 2013 PCC publishes report on progress to date …".',
    read: (paragraph, _inHeader, index) => (index === 0 ? parseFullDate(DATE_RUN_INTO_HEADLINE.exec(paragraph)?.[1] ?? '') : null),
  },
  {
    name: 'meeting-heading',
    doc: 'A committee meeting’s heading at the top of its minutes, with its day: "Gloucestershire Police and Crime Panel - Wednesday 3 November 2021 10.00 am".',
    read: (paragraph, _inHeader, index) => {
      const meeting = index < MEETING_HEADING_WITHIN ? MEETING_HEADING.exec(paragraph) : null;
      return meeting ? parseFullDate(meeting[1] ?? meeting[2]!) : null;
    },
  },
  {
    name: 'date-under-label',
    doc: 'A date alone under its label: "Answered on" / "21 January 2022".',
    read: (paragraph, _inHeader, _index, { before }) => (DATE_LABEL.test(before) && standsAsDate(paragraph) ? parseFullDate(paragraph) : null),
  },
  {
    name: 'date-line-in-header',
    doc: 'A date standing alone before the text proper begins, a letter’s or a news item’s with its time. Dates in running text are about other things.',
    read: (paragraph, inHeader, _index, { after }) => (inHeader && standsAsDate(paragraph) && !SITE_BAR_AFTER.test(after) ? parseFullDate(paragraph) : null),
  },
];

/** The date the document gives itself, with the rule that read it. */
export function statedDate(paras: string[]): { publishedOn: CalendarDate | null; explanations: Explanation[] } {
  let inHeader = true;
  // Where the page proper begins: after its skip link, when it has one.
  let opensAt = 0;
  for (const [index, paragraph] of paras.slice(0, 40).entries()) {
    const around = { before: paras[index - 1] ?? '', twoBefore: paras[index - 2] ?? '', after: paras[index + 1] ?? '' };
    for (const rule of PUBLICATION_DATE_RULES) {
      const date = rule.read(paragraph, inHeader, index - opensAt, around);
      if (date) return { publishedOn: date, explanations: [explain('publication date', rule.name, paragraph)] };
    }
    // A site's cookie notice or banner above the page is its furniture, not the text proper; the page begins after its skip link.
    if (SKIP_LINK.test(paragraph)) {
      inHeader = true;
      opensAt = index + 1;
    } else if (isProse(paragraph) && !neverATitle(paragraph)) inHeader = false;
  }
  return { publishedOn: null, explanations: [] };
}
