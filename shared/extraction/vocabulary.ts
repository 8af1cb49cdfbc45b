import { FORCES } from '../forces';
import { MONTH_NAME } from './dates';

/**
 * The words the extraction rules share: how a recommendation asks, how documents count, what the
 * inspectorate is called, the forces' places whose names hold an "and", who may be asked to act, and
 * what trackers call where a recommendation stands. The forces' own names are in shared/forces.ts. A rule names its own patterns; a word two rules need is defined here once.
 */

/** The words that ask someone to act. */
const SHOULD = '(?:should|must)';
export const ASKS = new RegExp(`\\b${SHOULD}\\b`, 'i');

/** The counts targets are written with in words ("within six months"); the deadline engine turns them into numbers. */
export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  eighteen: 18,
  'twenty-four': 24,
};

const UNITS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** A count as documents write it, captured: "11", "nine", "twenty-one". */
export const COUNT = `(\\d{1,3}|(?:${TENS.filter(Boolean).join('|')})(?:[-\\s](?:${UNITS.slice(1, 10).join('|')}))?|${UNITS.slice(1).join('|')})`;

/** The number a count is: "twenty-one" → 21; null for "zero" or what is not a count. */
export function countFrom(written: string): number | null {
  if (/^\d+$/.test(written)) return Number(written);
  const [tens, units] = written.toLowerCase().split(/[-\s]/);
  const tensValue = TENS.indexOf(tens!);
  if (tensValue > 0) return tensValue * 10 + (units ? UNITS.indexOf(units) : 0);
  const value = UNITS.indexOf(tens!);
  return value > 0 ? value : null;
}

/** The inspectorate named anywhere: its initials, old and new, or its inspectors ("the government’s Chief Inspector of Constabulary"). */
export const INSPECTORATE = /\bHMICFRS\b|\bHMIC\b|Inspector(?:ate|s)? of Constabulary|Majesty['’]s (?:Chief )?Inspector|\bHM (?:Chief )?Inspector/i;
/** "HM", "His Majesty's" or "Her Majesty's", before an inspectorate's or an inspector's name. */
export const MAJESTYS = "(?:HM|His Majesty['’]s|Her Majesty['’]s)";
/** The police inspectorate's name after its "HM": old ("… of Constabulary") or new ("… and Fire & Rescue Services"). */
const OF_CONSTABULARY = String.raw`Inspectorate\s+of\s+Constabulary`;
const AND_FIRE_AND_RESCUE_SERVICES = String.raw`\s+and\s+Fire\s+(?:and|&)\s+Rescue\s+Services`;
export const INSPECTORATE_OF_CONSTABULARY = `${OF_CONSTABULARY}(?:${AND_FIRE_AND_RESCUE_SERVICES})?`;
/**
 * The inspectorate's full name, whose "Fire & Rescue Services" says nothing about a document's
 * subject: rules that weigh fire against police take it out first.
 */
export const INSPECTORATE_FULL_NAME = new RegExp(String.raw`\b(?:${MAJESTYS}\s+)?${OF_CONSTABULARY}${AND_FIRE_AND_RESCUE_SERVICES}\b|\bHMICFRS\b`, 'gi');
/** Fire and rescue services, which HMICFRS also inspects and which owe no s55 response. */
export const FIRE_AND_RESCUE = /\bfire\s+(?:and|&)\s+rescue\b|\bfire\s+services?\b|\bFRSs?\b/i;
/** Who says "recommends" in a report: the inspectorate, its inspectors, or "we". */
export const RECOMMENDER = '(?:HMICFRS|HMIC|HMI|We|The inspectorate|Inspectors?)';
/**
 * The inspectorate's words before what it recommends: who recommends, after the report it was made in
 * when a later one restates it ("In our 2017 legitimacy report, we recommended …") or after what it
 * answers ("To address this cause for concern, HMICFRS recommends …"), and "also" or "therefore" ("We also recommend …").
 */
export const RECOMMENDS_HEAD = String.raw`(?:(?:In\s+(?:our|its|the|HMICFRS['’]s|HMIC['’]s)\s+|(?:To address|To tackle|In order to)\b)[^,.]{1,80},\s*)?${RECOMMENDER}\s+(?:also\s+|therefore\s+)?`;
/** HMICFRS's own programme, named in a title or opening ("Bedfordshire PEEL 2018"); not Sir Robert Peel. */
export const PEEL = /\bPEEL\b|\b(?:[Ee]ffectiveness|[Ee]fficiency),? (?:effectiveness|efficiency) and legitimacy\b/;

/**
 * A force's stage in the inspectorate's enhanced monitoring, as its list of forces in Engage gives it:
 * "Entered Engage" or "Moved out of Engage", its month and year on the next line. Others write of a
 * force "placed into Engage" in a sentence.
 */
export const ENGAGE_STAGE = new RegExp(`^(?:Entered|Moved (?:into|out of)) Engage\\n(?:${MONTH_NAME} )?\\d{4}$`, 'm');
/** Places with "and" in their name, which must not be split into two: "Avon and Somerset", "England and Wales". */
export const PLACES_WITH_AND: readonly string[] = [...FORCES.map((force) => force.area), 'England and Wales'].filter((area) => area.includes(' and '));

/**
 * A local policing body's title written out, as its own pages capitalise it: "Police and Crime
 * Commissioner", "Police, Fire and Crime Commissioner", "Police, Crime and Victims’ Commissioner", and the
 * "Police Crime Commissioner" some pages write.
 */
export const COMMISSIONER_TITLE = String.raw`Police(?:,?\s*Fire(?:\s+(?:and|&)\s+Rescue)?)?,?\s+(?:(?:and|&)\s+)?Crime\s+(?:and\s+Victims['’]\s+)?Commissioner`;

/**
 * Who a recommendation may ask to act and a local policing body answers for (s55(5B)): forces and
 * their chief officers, and local policing bodies themselves, since a body cannot note as national a
 * recommendation made to it.
 */
export const FORCE_LEVEL_ACTOR =
  /\b(?:forces?|chief\s+(?:constables?|officers?)|constabular(?:y|ies)|police,?\s+(?:fire\s+)?and\s+crime\s+commissioners?|P(?:F)?CCs?|local\s+policing\s+bod(?:y|ies)|mayors?)\b/i;

/** The kinds of body, in common nouns, that recommendations ask to act. */
const ACTOR_NOUN = String.raw`(?:(?:police\s+)?forces?|constabular(?:y|ies)|chief\s+(?:fire\s+)?(?:constables?|officers?)|fire\s+(?:and|&)\s+rescue\s+(?:services?|authorit(?:y|ies))|police(?:,\s+fire)?\s+and\s+crime\s+commissioners?|commissioners?|local\s+policing\s+bod(?:y|ies)|mayors?|police|policing|government|partners?|(?:partner\s+|other\s+|local\s+|statutory\s+)?agencies|local\s+authorit(?:y|ies)|councils?|services?|leads?|inspectorates?)`;
/** A body by its name: capitalised words ending in what kind of body it is ("the Home Office", "the College of Policing"), or its initials ("the NPCC"). */
const ACTOR_NAME = String.raw`(?:(?:[A-Z][\w'’&-]*\s+){0,5}(?:Office|Council|Agency|Service|Services|Ministry|Department|Government|College|Commission|Commissioners?|Authority|Board|Police|Constabulary|Inspectorate|Executive|Partnership|Unit|Secretary|Lead|Leads|Met)(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:and\s+)?[A-Z][\w'’-]*)*)?|[A-Z]{2,6}s?(?:\s+leads?)?)`;
/** Words before a body that do not change who it is: "all", "those", "the relevant", "all 43". */
const ACTOR_DETERMINER = String.raw`(?:the|all|every|each|those|these|other|relevant|individual|both|its|their|any|local|territorial|national|regional|senior|\d{1,3}|${Object.keys(NUMBER_WORDS).join('|')})`;
/** What may follow a body's name inside one addressee: "every police force in England and Wales", "forces that have not yet done so". */
const ACTOR_QUALIFIER = String.raw`(?:in|of|for|across|within|with|that|who|which|using|where|whose|and\s+Wales)`;
const ACTOR_TAIL = String.raw`(?:['’]s?)?(?:\s+${ACTOR_QUALIFIER}\b.*)?$`;
/** A kind of body in common nouns, in any case: "all forces", "Chief constables", "those forces that have not yet done so". */
const NAMES_A_KIND_OF_BODY = new RegExp(`^(?:${ACTOR_DETERMINER}\\s+)*${ACTOR_NOUN}${ACTOR_TAIL}`, 'i');
/** A body by its name or initials, which are proper nouns: case matters, so "the relentless" is no name. */
const NAMES_A_BODY = new RegExp(`^${ACTOR_NAME}${ACTOR_TAIL}`);
const DETERMINERS = new RegExp(`^(?:${ACTOR_DETERMINER}\\s+)*`, 'i');

/**
 * Whether words name who should act, and nothing else: "all forces", "the Home Office", "the NPCC
 * lead". Not "the relentless pursuit of perpetrators", whose subject is a thing to be done.
 */
export function namesAnActor(words: string): boolean {
  return NAMES_A_KIND_OF_BODY.test(words) || NAMES_A_BODY.test(words.replace(DETERMINERS, ''));
}

/** Words HMICFRS's register and third-party trackers use for where a recommendation stands. */
export const STATUS =
  '(?:Completed?|Superseded|In progress|Open|Closed|Ongoing|Implemented|Partially (?:completed|implemented|met)|Not started|Awaiting[- ]review|Being[- ]progressed|No[- ]further[- ]action(?:[- ]needed)?|Accepted|Rejected|Overdue|Withdrawn|Achieved|Not achieved|Outstanding|Pending|Met|Not met)';

/** The names of the kinds of finding a section may hold, as headings and labels write them. */
export const AREAS_FOR_IMPROVEMENT_WORDS = 'areas? for improvement';
export const CAUSES_OF_CONCERN_WORDS = 'causes? (?:of|for) concern';

/**
 * The officers' own association, the Police Federation, nationally or a force's branch by its name
 * ("Avon and Somerset Police Federation"): its pages are its own, and its banner is never a title.
 */
export const FEDERATION = String.raw`(?:[A-Z][\w-]*\s+(?:(?:and|&)\s+)?){0,3}(?:Police Federation|POLICE FEDERATION)\b`;
