import type { DocumentKind, ExtractionResult } from '../model';
import type { Explanation } from './explanations';
import { forcesNamedIn } from './force-mentions';
import { firstLineMatched } from './paragraphs';
import { explain } from './report-head';
import { ENGAGE_STAGE, FIRE_AND_RESCUE, INSPECTORATE_FULL_NAME } from './vocabulary';

export type S55 = NonNullable<ExtractionResult['s55']>;

export interface S55Facts {
  kind: DocumentKind;
  title: string | null;
  paragraphs: string[];
  /** Territorial forces of England and Wales the document is about. */
  forces: string[];
  respondsTo: ExtractionResult['respondsTo'];
}

/** A pattern with its name, and in `doc` what it recognises, as a reason says it. */
interface NamedPattern {
  name: string;
  doc: string;
  matches: RegExp;
}

/** What a title or text about the police speaks of, against fire's words. */
const POLICE = /\bpolic(?:e|ing)\b|\bconstabular(?:y|ies)\b|\bforces?\b|\bchief constables?\b|\bcustody\b/i;
/** The same, for every mention: to count them, or take fire's out. */
const EVERY_FIRE = new RegExp(FIRE_AND_RESCUE.source, 'gi');
const EVERY_POLICE = new RegExp(POLICE.source, 'gi');
/** Every territorial force, as a title names them with another body: "the police and National Crime Agency". */
const POLICE_IN_GENERAL = String.raw`(?:the\s+police|police\s+forces|policing|(?:all\s+|territorial\s+)?forces)(?:['’]s?)?`;
/** Police bodies outside s55: none of them has a local policing body. */
const OUTSIDE_S55: readonly NamedPattern[] = [
  {
    name: 'british-transport-police',
    doc: 'British Transport Police answers to the British Transport Police Authority',
    matches: /\bBritish Transport Police\b|\bBTP\b/,
  },
  { name: 'national-crime-agency', doc: 'the National Crime Agency answers to the Home Secretary', matches: /\bNational Crime Agency\b|\bNCA\b/ },
  {
    name: 'ministry-of-defence-police',
    doc: 'the Ministry of Defence Police answers to the Ministry of Defence',
    matches: /\bMinistry of Defence Police\b|\bMDP\b/,
  },
  {
    name: 'civil-nuclear-constabulary',
    doc: 'the Civil Nuclear Constabulary answers to the Civil Nuclear Police Authority',
    matches: /\bCivil Nuclear Constabulary\b|\bCNC\b/,
  },
  { name: 'police-scotland', doc: 'Police Scotland answers to the Scottish Police Authority', matches: /\bPolice Scotland\b|\bPolice Service of Scotland\b/ },
  {
    name: 'police-service-of-northern-ireland',
    doc: 'the Police Service of Northern Ireland answers to the Northern Ireland Policing Board',
    matches: /\bPolice Service of Northern Ireland\b|\bPSNI\b/,
  },
];
/** Things HMICFRS publishes that are not inspection reports, told by what they call themselves. */
const NOT_A_REPORT: readonly NamedPattern[] = [
  {
    name: 'programme-or-framework',
    doc: 'an inspection programme or framework',
    matches: /\binspection\s+programme\b|\b(?:inspection|assessment|PEEL)\s+framework\b|\bprogramme\s+and\s+framework\b/i,
  },
  { name: 'consultation', doc: 'a consultation', matches: /\bconsultation\b/i },
  { name: 'terms-of-reference', doc: 'terms of reference', matches: /\bterms\s+of\s+reference\b/i },
];
/** Kinds HMICFRS's own guidance leaves to judgment. */
const AMBIGUOUS: readonly NamedPattern[] = [
  {
    name: 'state-of-policing',
    doc: 'State of Policing, the Chief Inspector’s annual assessment, addressed to government',
    matches: /\bState\s+of\s+Policing\b/i,
  },
  {
    name: 'cause-of-concern-revisit',
    doc: 'a cause-of-concern revisit or update',
    matches: /\bre-?visit\b|\bcauses?\s+of\s+concern\b.*\b(?:update|letter|review)\b/i,
  },
  {
    name: 'monitoring-or-post-inspection-review',
    doc: 'an enhanced monitoring decision or a post-inspection review',
    matches: /\benhanced\s+monitoring\b|\bpost-inspection\s+review\b/i,
  },
  { name: 'progress-letter', doc: 'a letter or review of progress', matches: /\bletter\b|\breview\s+of\s+progress\b|\bprogress\s+(?:review|update|report)\b/i },
];
/** Kinds of police inspection that start the clock, most specific first. */
const POLICE_INSPECTIONS: readonly NamedPattern[] = [
  { name: 'peel-spotlight', doc: 'a PEEL spotlight report', matches: /\bspotlight\b/i },
  { name: 'peel', doc: 'a PEEL inspection', matches: /\bPEEL\b/ },
  { name: 'custody', doc: 'a joint inspection of police custody', matches: /\bcustody\b/i },
  { name: 'child-protection', doc: 'a national child protection inspection', matches: /\bchild\s+protection\b/i },
  { name: 'crime-data-integrity', doc: 'a crime data integrity inspection', matches: /\bcrime\s+data\s+integrity\b|\bcrime\s+recording\b/i },
  {
    name: 'joint-inspection',
    doc: 'a joint inspection',
    matches: /\bjoint\b|\bCriminal\s+Justice\s+Joint\s+Inspection\b|\bHMCPSI\b|\bHMI\s+(?:Prisons|Probation)\b|\bOfsted\b|\bCare\s+Quality\s+Commission\b/i,
  },
];
/** What publishers put on a news item and never on a report. */
const PRESS_RELEASE_LABEL = /^(?:press\s+release|news\s+release|news\s+story|media\s+release|notes\s+to\s+editors?|ends|media\s+enquiries\b.*)$/i;
/** A headline reporting what a report found: "… new report finds", "Inspectorate warns …". */
const HEADLINE =
  /\b(?:new\s+|latest\s+)?(?:report|inspection|inspectorate|inspectors?|watchdog|HMICFRS)(?:\s+(?:on|into|about)\s+[^.]{1,60}?)?\s+(?:finds|found|has\s+found|says|reveals|warns|concludes|urges)\b/i;
/**
 * The inspectorate written about as news does: "the police inspectorate has said", "the inspectorates
 * are calling for", "In a new PEEL spotlight report “…”", "according to a report published by HMICFRS",
 * "published today". A report recalls what "HMICFRS has warned" or "HMIC called for" in the past, so
 * only "inspectorate" and "watchdog", which a report does not call itself, count as speaking. An
 * inspection the inspectorate "is about to commence" is news of one to come.
 */
const NEWS_VOICE =
  /\b(?:inspectorates?|watchdog)\s+(?:has\s+|have\s+|is\s+|are\s+)?(?:said|says|warned|warns|urged|urges|calling|calls)\b|\bin\s+a\s+new\s+(?:[^\s.]+\s+){0,4}?report(?:,?\s+[‘“"]|\s+published\b)|\baccording\s+to\s+(?:a|the)\s+(?:new\s+)?report\b|\bpublished\s+today\b|\b(?:is|are)\s+about\s+to\s+(?:commence|begin|start|launch)\b/i;
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
export function s55Of(facts: S55Facts): S55 & { explanations: Explanation[] } {
  for (const rule of S55_RULES) {
    const decided = rule.decide(facts);
    if (decided)
      return { applies: decided.applies, reason: decided.reason, explanations: [explain(`s55: ${verdict(decided.applies)}`, rule.name, decided.read)] };
  }
  // The last rule decides every report.
  throw new Error('no s55 rule decided');
}

function verdict(applies: boolean | null): string {
  if (applies === null) return 'for a person to decide';
  return applies ? 'applies' : 'does not apply';
}

interface S55Rule {
  name: string;
  doc: string;
  /** The verdict, its reason and the text it turned on, or null when the rule does not decide. */
  decide: (facts: S55Facts) => (S55 & { read: string }) | null;
}

/** The s55 rules, in order: the first that decides gives the verdict. */
export const S55_RULES: readonly S55Rule[] = [
  {
    name: 'response-judged-by-report',
    doc: 'A local policing body’s response starts nothing itself: it is judged by the report it answers.',
    decide: (facts) => (facts.kind === 'pcc-response' ? responseS55(facts) : null),
  },
  {
    name: 'press-release',
    doc: 'A news item about a report, labelled as one or written in the news’s voice: its paraphrases are not the report.',
    decide: (facts) => {
      const pressRelease = pressReleaseOf(facts.paragraphs, facts.title);
      if (!pressRelease) return null;
      const report = pressRelease.report ? ` (“${pressRelease.report}”)` : '';
      return {
        applies: false,
        reason: `A press release, not an inspection report: it starts no clock. The report it announces${report} does: upload that instead.`,
        read: facts.title ?? facts.paragraphs[0] ?? '',
      };
    },
  },
  {
    name: 'not-a-report',
    doc: 'A programme, framework, consultation or terms of reference, told by its title.',
    decide: ({ title }) => {
      const form = firstMatch(NOT_A_REPORT, title);
      return form ? { applies: false, reason: `Not an inspection report but ${form.doc}: no s55 duty.`, read: title! } : null;
    },
  },
  {
    name: 'engage-list',
    doc: 'The inspectorate’s list of the forces in its enhanced monitoring, each with its stage and date (as the kind rule of the same name reads it).',
    decide: ({ paragraphs }) => {
      const stage = firstLineMatched(ENGAGE_STAGE, paragraphs.join('\n'));
      return stage
        ? {
            applies: false,
            reason: 'Not an inspection report but the inspectorate’s list of the forces in its enhanced monitoring (Engage): no s55 duty.',
            read: stage,
          }
        : null;
    },
  },
  {
    name: 'unrecognised-document',
    doc: 'Neither an inspection report nor a response to one.',
    decide: ({ kind, title, paragraphs }) => (kind === 'other' ? { applies: false, reason: UNRECOGNISED_DOCUMENT, read: title ?? paragraphs[0] ?? '' } : null),
  },
  {
    name: 'subject-of-title',
    doc: 'A title about fire and rescue, a police body without a local policing body, or a kind left to judgment.',
    decide: ({ title }) => {
      const subject = subjectOf(title);
      return subject ? { applies: subject.applies, reason: `${capitalise(subject.what)}: ${consequence(subject.applies)}.`, read: title! } : null;
    },
  },
  {
    name: 'mostly-about-fire',
    doc: 'A title silent on its subject over a text that speaks of fire and rescue services more than of the police.',
    decide: ({ title, paragraphs }) =>
      titleSilentOnSubject(title) && mostlyAboutFire(paragraphs)
        ? { applies: FIRE_INSPECTION.applies, reason: `${capitalise(FIRE_INSPECTION.what)}: ${consequence(false)}.`, read: title ?? paragraphs[0] ?? '' }
        : null,
  },
  {
    name: 'inspectorate-letter',
    doc: 'The inspectorate writing to a force or body ("Dear …") rather than reporting.',
    decide: ({ paragraphs }) => {
      const salutation = paragraphs.slice(0, 20).find((paragraph) => SALUTATION.test(paragraph));
      return salutation
        ? { applies: null, reason: `A letter from the inspectorate rather than an inspection report: ${consequence(null)}.`, read: salutation }
        : null;
    },
  },
  {
    name: 'police-inspection',
    doc: 'A police inspection report, about its forces or national: it starts the clock.',
    decide: ({ title, forces }) => {
      const kind = firstMatch(POLICE_INSPECTIONS, title ?? '')?.doc;
      const about =
        forces.length > 0
          ? `${kind ?? 'a police inspection report'} (${forces.join(', ')})`
          : `${kind ?? 'a national or thematic police inspection report'}, which concerns every force unless one is clearly not its subject`;
      return { applies: true, reason: `${capitalise(about)}: the s55 clock starts on its publication.`, read: title ?? '' };
    },
  },
];

function responseS55(facts: S55Facts): S55 & { read: string } {
  const answered = facts.respondsTo?.title ?? facts.title;
  const named = answered ? `“${answered}”` : 'the report it answers';
  const read = answered ?? '';
  const subject = subjectOf(answered);
  if (subject) {
    return { applies: subject.applies, reason: `A local policing body's response to ${named}, ${subject.what}: ${consequence(subject.applies)}.`, read };
  }
  const kind = firstMatch(POLICE_INSPECTIONS, answered ?? '')?.doc ?? 'a police inspection report';
  return {
    applies: true,
    reason: `A local policing body's response to ${named}, ${kind}: the s55 duty it discharges runs from that report's publication, not from this document.`,
    read,
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

/** What a report's title says it is about: fire, a police body outside s55, or one of the ambiguous kinds. */
function subjectOf(title: string | null): { applies: boolean | null; what: string } | null {
  if (title === null) return null;
  const subject = title.replace(INSPECTORATE_FULL_NAME, ' ');
  if (FIRE_AND_RESCUE.test(subject) && !POLICE.test(withoutFire(subject))) return FIRE_INSPECTION;
  // A territorial force named beside one of these bodies (a joint inspection), or the police inspected
  // with it ("the police and National Crime Agency"), keeps the duty for the forces.
  const outside = firstMatch(OUTSIDE_S55, subject);
  if (outside && forcesNamedIn(subject, { areas: true }).length === 0 && !inspectedWithThePolice(subject, outside.matches)) {
    return { applies: false, what: `an inspection of a police body without a local policing body (${outside.doc})` };
  }
  const ambiguous = firstMatch(AMBIGUOUS, subject);
  return ambiguous ? { applies: null, what: ambiguous.doc } : null;
}

function inspectedWithThePolice(subject: string, body: RegExp): boolean {
  const named = `(?:${body.source})`;
  return new RegExp(`${POLICE_IN_GENERAL}\\s+and\\s+(?:the\\s+)?${named}|${named}\\s+and\\s+(?:the\\s+)?${POLICE_IN_GENERAL}`, 'i').test(subject);
}

function titleSilentOnSubject(title: string | null): boolean {
  const subject = (title ?? '').replace(INSPECTORATE_FULL_NAME, ' ');
  return !FIRE_AND_RESCUE.test(subject) && !POLICE.test(subject);
}

/**
 * Whether a document whose title does not say is about fire and rescue services rather than police:
 * a committee paper headed "HMICFRS culture review" that speaks of FRSs throughout.
 */
function mostlyAboutFire(paragraphs: string[]): boolean {
  const text = paragraphs.join('\n').replace(INSPECTORATE_FULL_NAME, ' ');
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

function firstMatch(rules: readonly NamedPattern[], text: string | null): NamedPattern | null {
  if (text === null) return null;
  return rules.find((rule) => rule.matches.test(text)) ?? null;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
