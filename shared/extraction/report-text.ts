import type { CalendarDate } from '../calendar-date';
import type { DocumentKind, ExtractionResult } from '../model';
import { levelOf } from './addressees';
import { blocksToText, type StructuredDocument } from './blocks';
import { FULL_DATE, MONTH_NAME, parseFullDate } from './dates';
import type { Explanation } from './explanations';
import { forcesNamedIn, forcesOfBodiesNamedIn } from './force-mentions';
import { type Findings, findFindings } from './recommendations';
import { s55Of } from './s55';
import { statedCounts } from './stated-counts';
import { INSPECTORATE, PEEL } from './vocabulary';

const WEEKDAY = '(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\\s+)?';
const DATE_LINE = new RegExp(`^(?:dated?\\s*:?\\s*)?${WEEKDAY}${FULL_DATE}\\.?$`, 'i');
const PUBLISHED_LINE = new RegExp(
  `^(?:published(?:\\s+on)?|first published|publication date|date published|date of publication|dated|date)\\s*:?\\s*${WEEKDAY}(${FULL_DATE})`,
  'i',
);
/** A trail of links above the content: "Source · HMICFRS", "Home > Publications > …". */
const CRUMB = /^(?:home|source|you are here|publications?|news|back to)\b[^.]{0,80}?\s[·›»>|/]\s|^(?=(?:\S+\s+){0,11}\S+$).*\s[›»>]\s/i;
/** Site furniture and the content-type labels publishing sites put above a title ("Correspondence"). */
const PAGE_FURNITURE =
  /^(?:(?:accessibility settings )?skip to (?:main )?content|this (?:site|website) uses cookies\b.*|\|?\s*print(?:able|er[- ]friendly) version|accessibility(?: settings)?|link to search|for emergencies\b.*|information|404\b.*|page not found|main content is below|you are (?:here|in)\s*:?|text size\b.*|(?:open |close |main )?menu|contents|youtube|twitter|facebook|linkedin|instagram|search|share(?: this page)?|print(?: this page)?|cookies?\b.*|get the report|download\b.*|[=\-_*#]{3,}|correspondence|guidance|policy paper|independent report|press release|news story|news|corporate report|research and analysis|transparency data|(?:official )?statistics|speech|statement|report)$/i;
/** A section of findings, which a page of them (a register entry) may open with instead of a title. */
const FINDINGS_HEADING = /^(?:recommendations?|areas? for improvement|causes? (?:of|for) concern)\s*:?$/i;
const SKIP_LINK = /\bskip to (?:main )?content\b/i;
const POSTCODE = /\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b/;
/** Lines of a letter's address block and letterhead. */
const LETTERHEAD = [
  /\b(?:Rt\.?\s+Hon|MP|KC|QC|OBE|MBE|CBE|DL|JP)\b/,
  POSTCODE,
  /^\d+[a-z]?,?\s+[A-Z][\w' ]*\b(?:Street|Road|Lane|Avenue|Way|Place|Square|Court|House|Drive|Close|Park|Hill|Gardens|Row|Terrace|Walk|Crescent)\b/,
  /^(?:Home Secretary|Home Office|Secretary of State\b.*|(?:Policing )?Minister\b.*|Dear\b.*|Our ref\b.*|Your ref\b.*|Ref(?:erence)?\s*:.*|Tel(?:ephone)?\b.*|E-?mail\b.*|(?:Sent )?by e-?mail\b.*|OFFICIAL\b.*|Private and confidential|Page \d+.*|To:.*|From:.*|cc:.*)$/i,
  /^\S+@\S+\.\S+$/,
  /^(?:https?:\/\/|www\.)\S+$/i,
];
/** A local policing body naming its own response: "Commissioner’s response", "PCC comments on". */
const RESPONSE_BY_BODY =
  /\b(?:commissioner|PCC|PFCC|OPCC|local policing body|mayor|MOPAC|common council)\b[^.\n]{0,40}?\b(?:response|responds|responding|comments|reply)\b|^response (?:from|by)\b[^.\n]{0,60}?\b(?:commissioner|PCC|PFCC|OPCC|mayor|MOPAC)\b/im;
/**
 * A body's statement on a report: "Norfolk's Police and Crime Commissioner … has welcomed", "Mayor and
 * Deputy Mayor announce actions". Only the bodies: in London and the City "the Commissioner" is the
 * chief officer, whom an inspection report may say "welcomed our inspection".
 */
const BODY_STATEMENT =
  /\b(?:PCC|PFCC|OPCC|Police,? (?:Fire )?and Crime Commissioner|Police, Crime and Victims['’] Commissioner|(?:Deputy )?Mayor|MOPAC)\b[^.\n]{0,60}?\b(?:welcomes|welcomed|announces?|announced)\b/i;
/**
 * Another body's response to a report's recommendations: "Second NPCC response to recommendations",
 * "Summary of the Metropolitan Police Service (MPS) response to … recommendations". Neither an
 * inspection report nor a local policing body's response. Not "The police response to domestic abuse",
 * an inspection's own subject.
 */
const OTHER_BODY_RESPONSE =
  /\b(?:NPCC|National Police Chiefs['’] Council|MPS|Police Service|Constabulary|Police|College of Policing|Home Office|force)\b\)?(?:['’]s?)?\s+(?:(?:second|further|formal|updated|initial|final)\s+)?(?:response|reply)\s+to\s+(?:the\s+)?(?:[^.]{0,150}\brecommendations\b|(?:HMICFRS|HMIC)\b|(?:the\s+)?report\b)/i;

/** An inspection of how a body responded: "An inspection of the MPS's response to …", "…: progress against our recommendations". */
const INSPECTING_A_RESPONSE = /\b(?:inspection|inspected|review|revisit|progress|our)\b/i;

/**
 * What only the local policing body writes: "I have asked the Chief Constable to comment" (s55(4)).
 * Case matters: HMICFRS writes "we" and a lower-case "chief constable" ("we asked the chief constable
 * for his views"), and an inspection report taken for a response would get no reminders.
 */
const INVITES_CHIEF_OFFICER = /\bI (?:have )?(?:asked|invited|requested) (?:the )?Chief (?:Constable|Officer)\b[^.]{0,80}?\b(?:comments?|respond|response)\b/;
/** A sign-off, a name then the role: "David Munro, Surrey Police and Crime Commissioner", not a glossary's "Police and crime commissioner". */
const SIGNED_BY_BODY =
  /^(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'.-]*,\s+(?:[A-Z][\w’'.-]*\s+){0,4}(?:Police,?\s+(?:Fire\s+)?and\s+Crime\s+Commissioner|Police,\s+Crime\s+and\s+Victims['’]\s+Commissioner)$/;

/** What a document's blocks say, and for each finding the rule that read it. */
export interface ReadReport {
  result: ExtractionResult;
  explanations: Explanation[];
}

/**
 * The fields of an ExtractionResult that can be read from a document's blocks. The rules that still
 * read text see a block a paragraph, so a finding's block and paragraph have one index.
 */
export function readReport(document: StructuredDocument): ReadReport {
  const paras = document.blocks.map((block) => blocksToText([block]));
  const findings = findFindings(document.blocks);
  const heading = titleOf(paras);
  const title = heading?.title ?? null;
  const kind = kindOf(paras, heading, findings);
  const forces = forcesOf(paras, heading, findings, kind);
  const respondsTo = kind === 'pcc-response' ? { title: answeredTitle(paras, title), publishedOn: answeredDate(paras) } : null;
  const counts = statedCounts(paras);
  const result: ExtractionResult = {
    kind,
    title,
    publishedOn: statedDate(paras),
    forces,
    recommendations: findings.recommendations.map((recommendation) => ({
      ...recommendation,
      level: levelOf(recommendation.addressees, forces.length > 0),
    })),
    areasForImprovement: findings.areasForImprovement,
    causesOfConcern: findings.causesOfConcern,
    respondsTo,
    statedRecommendationCount: counts.total,
    statedForceLevelRecommendationCount: counts.forceLevel,
    s55: s55Of({ kind, title, paragraphs: paras, forces, respondsTo }),
  };
  return { result, explanations: findings.explanations };
}

function isProse(paragraph: string): boolean {
  return paragraph.length > 300 || (/[.!?]["'’”)]?$/.test(paragraph) && paragraph.split(' ').length > 8);
}

function isLetterhead(paragraph: string): boolean {
  return paragraph.split(' ').length <= 10 && LETTERHEAD.some((pattern) => pattern.test(paragraph));
}

/**
 * The document's own title: the first substantial line, after any link trail, and in a letter after
 * the address block and date (the subject line). A register id after it ("(4822)") is not part of it.
 */
function titleOf(paras: string[]): { title: string; index: number } | null {
  // Above a page's "Skip to main content" link is the site's (its cookie banner, its menus), not the document's.
  const first = paras.slice(0, 40).findIndex((paragraph) => SKIP_LINK.test(paragraph)) + 1;
  const head = paras.slice(first, first + 20);
  // In a letter, everything up to the date line is address and letterhead: short lines, none of them
  // a page's "Published" line.
  const dateIndex = head.findIndex((paragraph) => DATE_LINE.test(paragraph));
  const letter =
    dateIndex > 0 &&
    head.slice(0, dateIndex).every((paragraph) => isLetterhead(paragraph) || (paragraph.split(' ').length <= 5 && !PUBLISHED_LINE.test(paragraph)));
  for (let index = letter ? dateIndex + 1 : 0; index < head.length; index++) {
    const paragraph = head[index]!;
    if (
      CRUMB.test(paragraph) ||
      PAGE_FURNITURE.test(paragraph) ||
      DATE_LINE.test(paragraph) ||
      PUBLISHED_LINE.test(paragraph) ||
      FINDINGS_HEADING.test(paragraph) ||
      isLetterhead(paragraph)
    ) {
      continue;
    }
    if (isProse(paragraph)) return null;
    const title = paragraph
      .replace(/^(?:Re|RE|Subject|SUBJECT)\s*:\s*/, '')
      .replace(/\s*\(\d{3,6}\)$/, '')
      .trim();
    return title === '' ? null : { title, index: first + index };
  }
  return null;
}

/**
 * The date the document gives itself: a "Published on:" line near the top, or a date standing alone
 * before the text proper begins (a letter's date). Dates in running text are about other things.
 */
function statedDate(paras: string[]): CalendarDate | null {
  let inHeader = true;
  for (const paragraph of paras.slice(0, 40)) {
    const published = PUBLISHED_LINE.exec(paragraph);
    if (published) return parseFullDate(published[1]!);
    if (inHeader && DATE_LINE.test(paragraph)) return parseFullDate(paragraph);
    if (isProse(paragraph)) inHeader = false;
  }
  return null;
}

function kindOf(paras: string[], heading: { title: string; index: number } | null, findings: Findings): DocumentKind {
  const text = paras.join('\n');
  const title = heading?.title ?? null;
  const openingAt = heading ? heading.index + 1 : 0;
  // The first lines, and those after the title where a page's furniture comes first.
  const opening = [title ?? '', ...paras.slice(0, 5), ...paras.slice(Math.max(5, openingAt), openingAt + 5)].join('\n');
  const mentionsInspection = /\binspection\b/i.test(text);
  const hasFindings = findings.recommendations.length + findings.areasForImprovement.length + findings.causesOfConcern.length > 0;
  // PEEL and its three questions are HMICFRS's alone: a page of its findings need not name the inspectorate.
  const namesInspectorate = INSPECTORATE.test(text) || (PEEL.test(opening) && (hasFindings || mentionsInspection));
  const response =
    RESPONSE_BY_BODY.test(opening) ||
    BODY_STATEMENT.test(opening) ||
    /\b(?:I|we) am writing\b[^.]{0,100}\b(?:in response to|to respond to|in reply to)\b/i.test(text) ||
    INVITES_CHIEF_OFFICER.test(text) ||
    paras.slice(-3).some((paragraph) => SIGNED_BY_BODY.test(paragraph)) ||
    (title !== null && /^response to\b/i.test(title));
  if (response && (namesInspectorate || mentionsInspection)) return 'pcc-response';
  if (title !== null && OTHER_BODY_RESPONSE.test(title) && !INSPECTING_A_RESPONSE.test(title)) return 'other';
  if (namesInspectorate || (mentionsInspection && findings.recommendations.length > 0)) return 'hmicfrs-report';
  return 'other';
}

/**
 * Forces the document is about: those its title names (where a bare place name counts), and only
 * those, as a force named besides them is a partner or a comparison ("in collaboration with West
 * Mercia Police"). Without one in the title, those named in full in the text. A force named only
 * inside a finding is a partner ("agree arrangements with Warwickshire Police") unless no other force
 * is named. A report naming many forces but none in its title is national: its examples are not its subject.
 */
function forcesOf(paras: string[], heading: { title: string; index: number } | null, findings: Findings, kind: DocumentKind): string[] {
  const inTitle = heading ? forcesNamedIn(heading.title, { areas: true }) : [];
  if (inTitle.length > 0) return inTitle;
  const outside: string[] = [];
  const inside: string[] = [];
  paras.forEach((paragraph, index) => {
    if (index === heading?.index) return;
    const named = forcesNamedIn(paragraph);
    // In its own response a body names its force ("the Police and Crime Commissioner for Warwickshire");
    // a report naming one ("Norfolk's PCC funds advocates") is giving an example.
    if (kind === 'pcc-response') named.push(...forcesOfBodiesNamedIn(paragraph));
    (findings.findingParagraphs.has(index) ? inside : outside).push(...named);
  });
  const body = [...new Set(outside)];
  if (kind === 'hmicfrs-report' && body.length >= 4) return [];
  if (body.length > 0) return body;
  // A body answers for one force, which its letters often name only by area ("across West Mercia");
  // the address it writes to ("Home Office … London SW1P 4DF") is not that area.
  if (kind === 'pcc-response') {
    const areas = [
      ...new Set(
        paras.filter((paragraph) => !isLetterhead(paragraph) && !POSTCODE.test(paragraph)).flatMap((paragraph) => forcesNamedIn(paragraph, { areas: true })),
      ),
    ];
    if (areas.length === 1) return areas;
  }
  return [...new Set(inside)];
}

const TRAILING_MONTH = new RegExp(`\\s*(?:[–—-]\\s*|\\()${MONTH_NAME}\\s+\\d{4}\\)?$`, 'i');

/** The title of the report a response answers. */
function answeredTitle(paras: string[], title: string | null): string | null {
  const text = paras.join('\n');
  if (title && /\bthe above (?:HMICFRS |HMIC |inspection )?reports?\b/i.test(text)) return title;
  const named =
    (title ? /(?:\bresponse to\b.*?|^(?:HMICFRS|HMIC)\s+(?:inspection\s+)?)\b(?:report|inspection)\s*[:–—-]\s*(.+)$/i.exec(title)?.[1] : undefined) ??
    // "Response to HMICFRS Integrated PEEL Assessment…": a capital starts the report's name, where
    // "response to HMICFRS thematic inspection of…" only describes it.
    (title ? /\b[Rr]esponse to (?:the )?(?:HMICFRS|HMIC)(?:['’]s)? (?=[A-Z])(.{10,})$/.exec(title)?.[1] : undefined) ??
    /\b(?:HMICFRS|HMIC|report)(?:['’]s)?\s+(?:[A-Za-z]+\s+){0,4}?[‘“"]([^’”"\n]{10,200}?)[’”"]/.exec(text)?.[1] ??
    /\b(?:HMICFRS|HMIC)\b(?:['’]s)?[^.\n]{0,60}?\breport\s*[–—:-]\s*(.{10,200}?)(?:,?\s+(?:released|published|issued|which|that|was|dated)\b|\.(?:\s|$))/i.exec(
      text,
    )?.[1] ??
    // The title straight after, capitalised: "the HMICFRS report An inspection of vetting…, which was published".
    /\b(?:HMICFRS|HMIC) [Rr]eport (?=[A-Z][a-z])(.{10,200}?)(?:,? (?:released|published|issued|which|that|was|dated)\b|\.(?: |$))/m.exec(text)?.[1];
  if (!named) return null;
  // A month after the title is when the inspection took place, not part of the report's name.
  return (
    named
      .replace(TRAILING_MONTH, '')
      .replace(/^[‘“"']|[’”"']$/g, '')
      .trim() || null
  );
}

/** The publication date of the report a response answers, when the response gives it in full. */
function answeredDate(paras: string[]): CalendarDate | null {
  const text = paras.join('\n');
  const match =
    new RegExp(`\\b(?:report|inspection)\\b[^.]{0,150}?\\b(?:published|released|issued|dated)\\s+(?:on\\s+)?(?:the\\s+)?(${FULL_DATE})`, 'i').exec(text) ??
    new RegExp(`\\b(?:published|released)\\s+(?:on\\s+)?(?:the\\s+)?(${FULL_DATE})`, 'i').exec(text);
  return match ? parseFullDate(match[1]!) : null;
}
