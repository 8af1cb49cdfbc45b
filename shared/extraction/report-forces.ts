import { WELSH_FORCES } from '../forces';
import type { DocumentKind } from '../model';
import type { Explanation } from './explanations';
import { forcesNamedIn, forcesOfBodiesNamedIn } from './force-mentions';
import { sentencesOf } from './paragraphs';
import type { Findings } from './recommendations';
import { explain, GREETING, isLetterhead, POSTCODE, type Title } from './report-head';
import { NATIONAL_INSPECTION } from './report-kind';
import { FIRE_AND_RESCUE } from './vocabulary';

/**
 * Where a force is named without being the subject: a partner ("in collaboration with West Mercia
 * Police", "its alliance partner"), a comparison ("compared with Kent Police"), a peer reviewer ("a Peer
 * Review undertaken by Lancashire Police"), the national lead force for a crime, a letter's copy list,
 * a photograph's credit ("Cover image © West Midlands Police"), a news page's link to another story ("READ
 * MORE: …"): the rest of the sentence from there is not about the document's own force. And a force named
 * for its officer ("the then-serving Metropolitan police officer", "a Metropolitan Police Service (MPS)
 * officer"): a person from it, not the subject; the name and "officer" go.
 */
const MENTIONED_ONLY =
  /\b(?:[A-Z][\w-]*\s+){1,3}(?:[Pp]olice|Constabulary)(?:\s+Service)?(?:\s+\([A-Z]{2,4}\))?\s+officers?\b|(?<!\bCopyright\s*)©(?!\s*Copyright\b)[^.;]*|\b(?:(?:in\s+)?(?:collaboration|partnership|alliance|conjunction)\s+with|(?:strategic\s+)?alliance\s+(?:partner|between)|(?:compared|comparison)\s+(?:with|to)|similar\s+to|such\s+as|than|(?:works?|working)\s+closely\s+with|peer[- ]review(?:ed)?\s+(?:undertaken\s+|carried\s+out\s+|conducted\s+)?by)\b[^.;]*|^(?:cc|copy(?:\s+to)?|copied\s+to)\s*:.*$|^(?:read\s+more|related(?:\s+(?:stories|articles|news))?|see\s+also|more\s+on\s+this\s+story)\s*:.*$/gim;

/**
 * A title about every force: "… the police …", "police forces", "policing in England and Wales", State of
 * Policing, the Chief Inspector's annual report ("Her Majesty's Chief Inspector of Constabulary Annual Report
 * 2002-2003"). Not the list of "Police forces in Engage", the inspectorate's monitoring, which names its forces.
 */
const NATIONAL_TITLE =
  /\bthe\s+police\b(?!\s+(?:force|service)\s+of\b)|\bpolice\s+forces\b(?!\s+(?:previously\s+)?in\s+Engage\b)|\b(?:all|every)\s+(?:police\s+)?forces?\b|\bEngland\s+and\s+Wales\b|\bState\s+of\s+Policing\b|\bChief\s+Inspector\s+of\s+Constabulary\b.*\bAnnual\s+Report\b/i;

/**
 * Where a page by others says which places' inspections it reports on, by their bare areas: "reports
 * have been published for North Wales, Warwickshire and West Mercia", "feedback on visits to Sutton
 * and Lincolnshire", "a follow up inspection at Cambridgeshire". The rest of the sentence names them.
 */
const PLACES_REPORTED_ON = /\b(?:inspections?|reports?|visits?)\b[^.]{0,60}?\b(?:for|to|at)\s+(?=[A-Z])[^.]*/g;
/** A place's name in a list: a few capitalised words ("Greater Manchester"). */
const LISTED_PLACE = String.raw`[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}`;
/**
 * Bare areas listed as forces, two or more: "Greater Manchester, Bedfordshire, Cambridgeshire and
 * Gloucestershire police forces"; not one place before them ("In Durham, police forces have been told").
 */
const AREAS_LISTED_AS_FORCES = new RegExp(String.raw`\b${LISTED_PLACE}(?:(?:,\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+)${LISTED_PLACE})+,?\s+police\s+forces\b`, 'g');

/**
 * A news item's opening about forces in general: "police forces are today urged by HMICFRS to …", "The
 * majority of police forces in England and Wales still have work to do". The forces it goes on to name
 * are its examples.
 */
// At the sentence's start, as its subject: not "HMICFRS independently assesses … police forces", a body's page's boilerplate.
const FORCES_IN_GENERAL = /^(?:[\w’']+\s+){0,3}(?:police\s+forces|forces\s+in\s+England\s+and\s+Wales)\b/i;

/** The first paragraph after the title, where it speaks of forces in general; not in a letter, which is to one force's chief. */
function openingAboutForces(paras: string[], heading: Title | null): string | undefined {
  if (paras.some((paragraph) => GREETING.test(paragraph))) return undefined;
  const first = paras.find((paragraph, index) => index > (heading?.index ?? -1) && paragraph.split(/\s+/).length > 12);
  return first !== undefined && FORCES_IN_GENERAL.test(first) ? first : undefined;
}

/** What the forces rules read: the one state they share. */
export interface ForcesEvidence {
  paras: string[];
  heading: Title | null;
  findings: Findings;
  kind: DocumentKind;
}

interface ForcesRule {
  name: string;
  doc: string;
  /** The forces this rule finds and the text it read them from, or null when it does not apply. */
  find: (evidence: ForcesEvidence) => { forces: string[]; read: string } | null;
}

/** A paragraph with the places where forces are only mentioned taken out. */
function subjectText(paragraph: string): string {
  // The lead force is named before the words that say so ("City of London Police's role as the national
  // lead force"): the whole sentence goes, found by a test per sentence rather than a pattern that would
  // rescan a long sentence from every word.
  const sentences = NATIONAL_LEAD.test(paragraph) ? sentencesOf(paragraph).filter((sentence) => !NATIONAL_LEAD.test(sentence)) : [paragraph];
  return sentences.join(' ').replace(MENTIONED_ONLY, ' ');
}

/**
 * What a page about the police says somewhere, and a fire and rescue service's page need not: the
 * inspectorate's own name, "… of Constabulary and Fire & Rescue Services", aside. Not the words
 * s55.ts weighs a title's subject with: a page is the police's if it speaks of them once, by PCC or PEEL too.
 */
/** How many more paragraphs of a fire and rescue service's page speak of the service than of the police. */
const FIRE_PAGE_RATIO = 3;
const POLICE_WORDS = /\bpolic(?:e|es|ing)\b|(?<!\bInspector(?:ate|s)? of\s)\bconstabular(?:y|ies)\b|\bPCC\b|\bPEEL\b/i;

/**
 * Wales's forces named together: "Welsh police forces", "the four Welsh forces", "Wales' four police
 * forces", "forces in Wales"; not England's and Wales's together ("English and Welsh police forces").
 */
const WELSH_FORCES_TOGETHER =
  /(?<!\bEnglish\s+(?:and|&)\s+)\bWelsh\s+(?:police\s+)?forces\b|(?<!\bEngland\s+(?:and|&)\s+)\bWales['’]s?\s+(?:four\s+)?(?:police\s+)?forces\b|\b(?:four\s+)?(?:police\s+)?forces\s+(?:in|of)\s+Wales\b(?!\s+and\s+England\b)/i;
/** A document's opening, where it says whom it is about: later mentions are examples or comparisons. */
const OPENING_PARAGRAPHS = 10;

/** A sentence naming the force that leads the country's policing of a crime: "… the national lead police force for fraud". */
const NATIONAL_LEAD = /\bnational\s+lead\s+(?:police\s+)?force\b/i;

/** Forces named in the body, outside the title and the findings, with the paragraphs that name them. */
function namedInBody({ paras, heading, findings, kind }: ForcesEvidence): { forces: string[]; read: string[] } {
  const forces: string[] = [];
  const read: string[] = [];
  paras.forEach((paragraph, index) => {
    if (index === heading?.index || findings.findingParagraphs.has(index)) return;
    const text = subjectText(paragraph);
    const named = forcesNamedIn(text);
    // In its own response a body names its force ("the Police and Crime Commissioner for Warwickshire");
    // a report naming one ("Norfolk's PCC funds advocates") is giving an example.
    if (kind === 'pcc-response') named.push(...forcesOfBodiesNamedIn(text));
    if (named.length > 0) read.push(paragraph);
    forces.push(...named);
  });
  return { forces: [...new Set(forces)], read };
}

/** The forces rules, in order: the first that applies gives the forces the document is about. */
export const FORCES_RULES: readonly ForcesRule[] = [
  {
    name: 'named-in-title',
    doc: 'Forces the title names, where a bare place name counts: a force named besides them is a partner or a comparison.',
    find: ({ heading, paras }) => {
      if (!heading) return null;
      // A fire and rescue service's page, speaking of the police only in passing ("through the police and local
      // authorities"): "Gloucestershire 2018/19" is the service's area.
      const mentions = (pattern: RegExp) => paras.filter((paragraph) => pattern.test(paragraph)).length;
      const fireOnly = mentions(FIRE_AND_RESCUE) > FIRE_PAGE_RATIO * mentions(POLICE_WORDS);
      const forces = forcesNamedIn(heading.title, { areas: !fireOnly });
      return forces.length > 0 ? { forces, read: heading.title } : null;
    },
  },
  {
    name: 'welsh-forces',
    doc: 'The Welsh forces named together in the title or the opening ("Review of Welsh police forces", "the four police forces in Wales"): all four.',
    find: ({ heading, paras }) => {
      const read = [heading?.title ?? '', ...paras.slice(0, OPENING_PARAGRAPHS)].find((text) => WELSH_FORCES_TOGETHER.test(text));
      return read === undefined ? null : { forces: [...WELSH_FORCES], read };
    },
  },
  {
    name: 'national-title',
    doc: 'An inspection report about the police in general, by its title ("in England and Wales") or its opening ("An inspection into how well the police …"), is national.',
    find: ({ paras, heading, kind }) => {
      if (kind !== 'hmicfrs-report') return null;
      if (heading !== null && NATIONAL_TITLE.test(heading.title)) return { forces: [], read: heading.title };
      const opening = paras.slice(0, OPENING_PARAGRAPHS).find((paragraph) => NATIONAL_INSPECTION.test(paragraph)) ?? openingAboutForces(paras, heading);
      return opening === undefined ? null : { forces: [], read: opening };
    },
  },
  {
    name: 'national-report-examples',
    doc: 'An inspection report naming four or more forces, none in its title, is national: its examples are not its subject.',
    find: (evidence) => {
      if (evidence.kind !== 'hmicfrs-report') return null;
      const body = namedInBody(evidence);
      return body.forces.length >= 4 ? { forces: [], read: body.read[0]! } : null;
    },
  },
  {
    name: 'places-reported-on',
    doc: 'A page by others naming the places whose inspections it reports on, or listing them as forces, by bare area, with the forces it names in full.',
    find: (evidence) => {
      if (evidence.kind !== 'other') return null;
      const places = evidence.paras.flatMap((paragraph) => {
        const subject = subjectText(paragraph);
        // Most paragraphs name no police forces: the list's pattern is not run over them.
        const listed = /\bpolice\s+forces\b/.test(subject) ? (subject.match(AREAS_LISTED_AS_FORCES) ?? []) : [];
        return [...(subject.match(PLACES_REPORTED_ON) ?? []), ...listed];
      });
      const areas = places.flatMap((place) => forcesNamedIn(place, { areas: true }));
      if (areas.length === 0) return null;
      return {
        forces: [...new Set([...namedInBody(evidence).forces, ...areas])],
        read: places.find((place) => forcesNamedIn(place, { areas: true }).length > 0)!,
      };
    },
  },
  {
    name: 'responding-body',
    doc: 'A local policing body’s response is about its own force: the one force of the bodies it names with their areas ("As the Police and Crime Commissioner for Warwickshire"), whatever partners it names.',
    find: ({ paras, findings, kind }) => {
      if (kind !== 'pcc-response') return null;
      const lines = paras.filter((_, index) => !findings.findingParagraphs.has(index)).map(subjectText);
      const forces = [...new Set(lines.flatMap(forcesOfBodiesNamedIn))];
      return forces.length === 1 ? { forces, read: lines.find((line) => forcesOfBodiesNamedIn(line).length > 0)! } : null;
    },
  },
  {
    name: 'named-in-text',
    doc: 'Forces named in full in the text, outside its findings and not as a partner, a comparison or a copy list.',
    find: (evidence) => {
      const body = namedInBody(evidence);
      return body.forces.length > 0 ? { forces: body.forces, read: body.read[0]! } : null;
    },
  },
  {
    name: 'response-area',
    doc: 'A body’s response naming one area only ("across West Mercia"), not in the address it writes to.',
    find: ({ paras, kind }) => {
      if (kind !== 'pcc-response') return null;
      const lines = paras.filter((paragraph) => !isLetterhead(paragraph) && !POSTCODE.test(paragraph)).map(subjectText);
      const areas = [...new Set(lines.flatMap((paragraph) => forcesNamedIn(paragraph, { areas: true })))];
      return areas.length === 1 ? { forces: areas, read: lines.find((paragraph) => forcesNamedIn(paragraph, { areas: true }).length > 0)! } : null;
    },
  },
  {
    name: 'named-in-findings',
    doc: 'Where no other force is named, those a finding names ("West Mercia Police should …").',
    find: ({ paras, findings }) => {
      const inside = [...findings.findingParagraphs].sort((a, b) => a - b).map((index) => paras[index]!);
      const forces = [...new Set(inside.flatMap((paragraph) => forcesNamedIn(paragraph)))];
      return forces.length > 0 ? { forces, read: inside.find((paragraph) => forcesNamedIn(paragraph).length > 0)! } : null;
    },
  },
];

/** The forces a document is about, not those it merely mentions, with the rule that found them. */
export function forcesOf(evidence: ForcesEvidence): { forces: string[]; explanations: Explanation[] } {
  for (const rule of FORCES_RULES) {
    const found = rule.find(evidence);
    if (found) return { forces: found.forces, explanations: [explain(`forces: ${found.forces.join(', ') || 'none (national)'}`, rule.name, found.read)] };
  }
  return { forces: [], explanations: [] };
}
