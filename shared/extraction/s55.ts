import type { DocumentKind, ExtractionResult } from '../model';
import { forcesNamedIn } from './force-mentions';

export type S55 = NonNullable<ExtractionResult['s55']>;

export interface S55Facts {
  kind: DocumentKind;
  title: string | null;
  paragraphs: string[];
  /** Territorial forces of England and Wales the document is about. */
  forces: string[];
  respondsTo: ExtractionResult['respondsTo'];
}

/** The inspectorate's own name mentions fire and rescue services; it says nothing about the subject. */
const INSPECTORATE_NAME = /\b(?:His|Her)\s+Majesty['’]s\s+Inspectorate\s+of\s+Constabulary\s+and\s+Fire\s+(?:and|&)\s+Rescue\s+Services\b|\bHMICFRS\b/gi;
const FIRE = /\bfire\s+(?:and|&)\s+rescue\b|\bfire\s+services?\b|\bFRSs?\b/i;
const POLICE = /\bpolic(?:e|ing)\b|\bconstabular(?:y|ies)\b|\bforces?\b|\bchief constables?\b|\bcustody\b/i;
/** The same, for every mention: to count them, or take fire's out. */
const EVERY_FIRE = new RegExp(FIRE.source, 'gi');
const EVERY_POLICE = new RegExp(POLICE.source, 'gi');
/** Every territorial force, as a title names them with another body: "the police and National Crime Agency". */
const POLICE_IN_GENERAL = String.raw`(?:the\s+police|police\s+forces|policing|(?:all\s+|territorial\s+)?forces)(?:['’]s?)?`;
/** Police bodies outside s55: none of them has a local policing body. */
const OUTSIDE_S55: Array<[RegExp, string]> = [
  [/\bBritish Transport Police\b|\bBTP\b/, 'British Transport Police answers to the British Transport Police Authority'],
  [/\bNational Crime Agency\b|\bNCA\b/, 'the National Crime Agency answers to the Home Secretary'],
  [/\bMinistry of Defence Police\b|\bMDP\b/, 'the Ministry of Defence Police answers to the Ministry of Defence'],
  [/\bCivil Nuclear Constabulary\b|\bCNC\b/, 'the Civil Nuclear Constabulary answers to the Civil Nuclear Police Authority'],
  [/\bPolice Scotland\b|\bPolice Service of Scotland\b/, 'Police Scotland answers to the Scottish Police Authority'],
  [/\bPolice Service of Northern Ireland\b|\bPSNI\b/, 'the Police Service of Northern Ireland answers to the Northern Ireland Policing Board'],
];
/** Things HMICFRS publishes that are not inspection reports, told by what they call themselves. */
const NOT_A_REPORT: Array<[RegExp, string]> = [
  [/\binspection\s+programme\b|\b(?:inspection|assessment|PEEL)\s+framework\b|\bprogramme\s+and\s+framework\b/i, 'an inspection programme or framework'],
  [/\bconsultation\b/i, 'a consultation'],
  [/\bterms\s+of\s+reference\b/i, 'terms of reference'],
];
/** Kinds HMICFRS's own guidance leaves to judgment. */
const AMBIGUOUS: Array<[RegExp, string]> = [
  [/\bState\s+of\s+Policing\b/i, 'State of Policing, the Chief Inspector’s annual assessment, addressed to government'],
  [/\bre-?visit\b|\bcauses?\s+of\s+concern\b.*\b(?:update|letter|review)\b/i, 'a cause-of-concern revisit or update'],
  [/\bletter\b|\breview\s+of\s+progress\b|\bprogress\s+(?:review|update|report)\b/i, 'a letter or review of progress'],
];
/** Kinds of police inspection that start the clock, most specific first. */
const POLICE_INSPECTIONS: Array<[RegExp, string]> = [
  [/\bspotlight\b/i, 'a PEEL spotlight report'],
  [/\bPEEL\b/, 'a PEEL inspection'],
  [/\bcustody\b/i, 'a joint inspection of police custody'],
  [/\bchild\s+protection\b/i, 'a national child protection inspection'],
  [/\bcrime\s+data\s+integrity\b|\bcrime\s+recording\b/i, 'a crime data integrity inspection'],
  [
    /\bjoint\b|\bCriminal\s+Justice\s+Joint\s+Inspection\b|\bHMCPSI\b|\bHMI\s+(?:Prisons|Probation)\b|\bOfsted\b|\bCare\s+Quality\s+Commission\b/i,
    'a joint inspection',
  ],
];
/** What publishers put on a news item and never on a report. */
const PRESS_RELEASE_LABEL = /^(?:press\s+release|news\s+release|news\s+story|media\s+release|notes\s+to\s+editors?|ends|media\s+enquiries\b.*)$/i;
/** A headline reporting what a report found: "… new report finds", "Inspectorate warns …". */
const HEADLINE =
  /\b(?:new\s+|latest\s+)?(?:report|inspection|inspectorate|inspectors?|watchdog|HMICFRS)\s+(?:finds|found|has\s+found|says|reveals|warns|concludes|urges)\b/i;
/**
 * The inspectorate written about as news does: "the police inspectorate has said", "the inspectorates
 * are calling for", "In a new PEEL spotlight report “…”", "according to a report published by HMICFRS",
 * "published today". A report recalls what "HMICFRS has warned" or "HMIC called for" in the past, so
 * only "inspectorate" and "watchdog", which a report does not call itself, count as speaking.
 */
const NEWS_VOICE =
  /\b(?:inspectorates?|watchdog)\s+(?:has\s+|have\s+|is\s+|are\s+)?(?:said|says|warned|warns|urged|urges|calling|calls)\b|\bin\s+a\s+new\s+(?:[^\s.]+\s+){0,4}?report(?:,?\s+[‘“"]|\s+published\b)|\baccording\s+to\s+(?:a|the)\s+(?:new\s+)?report\b|\bpublished\s+today\b/i;
/** A link to the report a news item is about. */
const REPORT_LINK = /^(?:get|read|download|view|see)\s+(?:the\s+)?(?:full\s+)?report\b/i;
/** An official quoted in the third person: "His Majesty’s Inspector of Constabulary Matt Parr said:". */
const QUOTED = /\b(?:Inspector|HMI|Commissioner|Chief Constable|Minister|Secretary|spokes(?:person|man|woman))\b[^.]{0,80}\b(?:said|says|added|commented)\s*:/;

/** An opening salutation: the inspectorate writing to a force or body, rather than reporting. */
const SALUTATION = /^Dear\b/;

/** The reason given when a document is nothing the rules recognise, rather than something they exclude. */
export const UNRECOGNISED_DOCUMENT = 'Neither an HMICFRS inspection report nor a local policing body’s response to one: no s55 duty.';

/**
 * Whether publishing the document starts the s55(5A) clock. The rules follow HMICFRS's own reading:
 * police inspection reports do; fire and rescue inspections, police bodies with no local policing
 * body, and publications that are not inspection reports do not; progress letters, revisits and State
 * of Policing are left to a person. A local policing body's response starts nothing itself, but is
 * judged by the report it answers, since that is the duty it discharges.
 */
export function s55Of(facts: S55Facts): S55 {
  if (facts.kind === 'pcc-response') return responseS55(facts);

  const pressRelease = pressReleaseOf(facts.paragraphs, facts.title);
  if (pressRelease) {
    const report = pressRelease.report ? ` (“${pressRelease.report}”)` : '';
    return {
      applies: false,
      reason: `A press release, not an inspection report: it starts no clock. The report it announces${report} does: upload that instead.`,
    };
  }
  const form = firstMatch(NOT_A_REPORT, facts.title);
  if (form) return { applies: false, reason: `Not an inspection report but ${form}: no s55 duty.` };

  const subject = subjectOf(facts.title) ?? (titleSilentOnSubject(facts.title) && mostlyAboutFire(facts.paragraphs) ? FIRE_INSPECTION : null);
  if (subject) return { applies: subject.applies, reason: `${capitalise(subject.what)}: ${consequence(subject.applies)}.` };
  if (facts.kind === 'other') return { applies: false, reason: UNRECOGNISED_DOCUMENT };
  if (facts.paragraphs.slice(0, 20).some((paragraph) => SALUTATION.test(paragraph))) {
    return { applies: null, reason: `A letter from the inspectorate rather than an inspection report: ${consequence(null)}.` };
  }
  const kind = firstMatch(POLICE_INSPECTIONS, facts.title ?? '');
  const about =
    facts.forces.length > 0
      ? `${kind ?? 'a police inspection report'} (${facts.forces.join(', ')})`
      : `${kind ?? 'a national or thematic police inspection report'}, which concerns every force unless one is clearly not its subject`;
  return { applies: true, reason: `${capitalise(about)}: the s55 clock starts on its publication.` };
}

function responseS55(facts: S55Facts): S55 {
  const answered = facts.respondsTo?.title ?? facts.title;
  const named = answered ? `“${answered}”` : 'the report it answers';
  const subject = subjectOf(answered);
  if (subject) {
    return { applies: subject.applies, reason: `A local policing body's response to ${named}, ${subject.what}: ${consequence(subject.applies)}.` };
  }
  const kind = firstMatch(POLICE_INSPECTIONS, answered ?? '') ?? 'a police inspection report';
  return {
    applies: true,
    reason: `A local policing body's response to ${named}, ${kind}: the s55 duty it discharges runs from that report's publication, not from this document.`,
  };
}

function consequence(applies: boolean | null): string {
  if (applies === null) return 'it may or may not need a response under s55, so a person should decide';
  return applies ? 'the s55 clock starts on its publication' : 'no s55 duty';
}

const FIRE_INSPECTION = {
  applies: false,
  what: 'a fire and rescue service inspection, answered with an action plan under the Fire and Rescue National Framework instead',
} as const;

/** The rules that turn on what a report is about: fire, police bodies outside s55, the ambiguous kinds. */
function subjectOf(title: string | null): { applies: boolean | null; what: string } | null {
  if (title === null) return null;
  const subject = title.replace(INSPECTORATE_NAME, ' ');
  if (FIRE.test(subject) && !POLICE.test(withoutFire(subject))) return FIRE_INSPECTION;
  // A territorial force named beside one of these bodies (a joint inspection), or the police inspected
  // with it ("the police and National Crime Agency"), keeps the duty for the forces.
  const outside = OUTSIDE_S55.find(([body]) => body.test(subject));
  if (outside && forcesNamedIn(subject, { areas: true }).length === 0 && !inspectedWithThePolice(subject, outside[0])) {
    return { applies: false, what: `an inspection of a police body without a local policing body (${outside[1]})` };
  }
  const ambiguous = firstMatch(AMBIGUOUS, subject);
  return ambiguous ? { applies: null, what: ambiguous } : null;
}

function inspectedWithThePolice(subject: string, body: RegExp): boolean {
  const named = `(?:${body.source})`;
  return new RegExp(`${POLICE_IN_GENERAL}\\s+and\\s+(?:the\\s+)?${named}|${named}\\s+and\\s+(?:the\\s+)?${POLICE_IN_GENERAL}`, 'i').test(subject);
}

function titleSilentOnSubject(title: string | null): boolean {
  const subject = (title ?? '').replace(INSPECTORATE_NAME, ' ');
  return !FIRE.test(subject) && !POLICE.test(subject);
}

/**
 * Whether a document whose title does not say is about fire and rescue services rather than police:
 * a committee paper headed "HMICFRS culture review" that speaks of FRSs throughout.
 */
function mostlyAboutFire(paragraphs: string[]): boolean {
  const text = paragraphs.join('\n').replace(INSPECTORATE_NAME, ' ');
  return (text.match(EVERY_FIRE)?.length ?? 0) > (withoutFire(text).match(EVERY_POLICE)?.length ?? 0);
}

function withoutFire(text: string): string {
  return text.replace(EVERY_FIRE, ' ');
}

/**
 * A news item about a report: labelled as one, or with a headline reporting what a report found
 * together with a link to the report or a quoted inspector. Its paraphrases are not the report.
 */
function pressReleaseOf(paragraphs: string[], title: string | null): { report: string | null } | null {
  const head = paragraphs.slice(0, 60);
  const labelled = head.some((paragraph) => PRESS_RELEASE_LABEL.test(paragraph));
  const linkIndex = head.findIndex((paragraph) => REPORT_LINK.test(paragraph));
  // Only the headline: a report's own opening may well say what "this report finds".
  const headline = HEADLINE.test(title ?? head[0] ?? '');
  const quoted = paragraphs.some((paragraph) => QUOTED.test(paragraph));
  const newsVoice = head.slice(0, 10).some((paragraph) => NEWS_VOICE.test(paragraph));
  if (!labelled && !newsVoice && !(headline && (linkIndex !== -1 || quoted))) return null;
  const announced = head.map((paragraph) => ANNOUNCED_REPORT.exec(paragraph)?.[1]).find((name) => name !== undefined);
  return { report: (linkIndex === -1 ? null : reportTitleAt(head, linkIndex)) ?? announced ?? null };
}

/** The report a news item names as it announces it: "In a new PEEL spotlight report “The policing response to antisocial behaviour”". */
const ANNOUNCED_REPORT = /\bnew\s+(?:[^\s.]+\s+){0,4}?report,?\s+[‘“"]([^’”"]{10,200})[’”"]/i;

/** The title at a "Get the report" link: after it on the same line ("Get the report: …"), or the next line that names something rather than says it. */
function reportTitleAt(paragraphs: string[], index: number): string | null {
  const inline = /:\s*(.{10,250})$/.exec(paragraphs[index]!)?.[1];
  if (inline && !/^(?:https?:|www\.)/i.test(inline)) return inline;
  const next = paragraphs[index + 1];
  return next !== undefined && next.length <= 250 && !/[.!?]$/.test(next) && /\b(?:inspection|report|review)\b/i.test(next) ? next : null;
}

function firstMatch(rules: Array<[RegExp, string]>, text: string | null): string | null {
  if (text === null) return null;
  return rules.find(([pattern]) => pattern.test(text))?.[1] ?? null;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
