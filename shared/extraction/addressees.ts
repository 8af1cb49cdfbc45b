import type { ExtractedRecommendation } from '../model';
import { forcesNamedIn } from './force-mentions';
import { firstSentence, parseTargetPhrase } from './target-dates';
import { FORCE_LEVEL_ACTOR, namesAnActor, PLACES_WITH_AND, RECOMMENDS_HEAD } from './vocabulary';

const RECOMMENDS = new RegExp(`^${RECOMMENDS_HEAD}recommend(?:s|ed)?\\s+(?:that\\b[\\s,]*)?`, 'i');
/** A sentence that tells of its recommendations, then whom they ask: "We shared … our recommendations that the service should:". */
const RECOMMENDATIONS_THAT = /^.*?\brecommendations?\s+that\s+/i;
const MODAL = /\b(?:should|must|is to|are to|will need to)\b/i;
const IMPERSONAL = /^(?:there|it|this|these|that)$/i;
/** Words that start a sentence but are not part of a proper name, so their capital is dropped. */
const COMMON_START = /^(?:The|All|Forces?|Chief|Those|Each|Every|Police|Local|Relevant|Other|Both|Partners?|Government)\b/;

// Places with "and" in their name must not be split into two addressees.
const JOINED_AREAS = new RegExp(
  PLACES_WITH_AND.map((area) => area.split(' and '))
    .map(([before, after]) => `(?<=${before})\\s+and\\s+(?=${after})`)
    .join('|'),
  'g',
);
const JOIN = '\u0000';
/**
 * A comma, or an "and" before the start of another addressee: a name, or one of the kinds of addressee
 * recommendations use ("the College of Policing and forces", "government and partners"). Any other
 * "and" is inside one addressee ("police and crime commissioners").
 */
const ADDRESSEE_SEPARATOR = /\s*,\s*(?:and\s+)?|\s+and\s+(?=(?:the|all|forces|chief|partners|government|local|police,?\s+(?:fire\s+)?and\s+crime)\b|[A-Z])/;

/** Where a recommendation's addressees are read from, as --explain names them. */
export const ADDRESSEE_RULES = [
  { name: 'named-beside', doc: 'A table row’s cell beside the recommendation that names who should act: "Directed at | West Mercia Police".' },
  { name: 'line-after', doc: 'A tracker’s line after the recommendation naming only the force it is for: "West Mercia Police".' },
  { name: 'subject-of-should', doc: 'The words before the first "should" or "must" that name who should act: "By March 2023, all forces should …".' },
] as const;

export type AddresseeRule = (typeof ADDRESSEE_RULES)[number]['name'];

/**
 * Who a recommendation asks to act: the subject of its first "should" ("By March 2023, all forces
 * should …" → ["all forces"]; "the Home Office and the College of Policing should …" → both).
 * Passive wording ("There should be …") has no addressee, nor has a subject that names no one ("the
 * relentless pursuit of perpetrators should be a priority").
 */
export function addresseesOf(text: string): string[] {
  const sentence = firstSentence(text);
  const modal = MODAL.exec(sentence);
  if (!modal) return [];
  let subject = sentence.slice(0, modal.index);
  const target = parseTargetPhrase(sentence).phrase;
  if (target) subject = subject.replace(target, ' ');
  subject = subject
    .replace(/\s+/g, ' ')
    .replace(/^[\s,:;–—‘“"'-]+/, '')
    .replace(RECOMMENDS, '')
    // What a relative target counts from, left behind it: "within three months of publication of this report, the force".
    .replace(/^[\s,]*(?:of|from|after)\s+(?:the\s+)?publication\s+of\s+(?:this|the|our)\s+report\b[\s,]*/i, '')
    .replace(RECOMMENDATIONS_THAT, '')
    .replace(/^(?:that|and|then)\s+/i, '')
    .replace(/[\s,:;–—-]+$/, '')
    .trim();
  if (subject === '' || IMPERSONAL.test(subject)) return [];
  // A list of bodies ("chief constables, the College of Policing and the Home Office") is each of
  // them; a qualified subject ("those forces using a threat, harm and risk policy, that have not yet
  // done so") is named by its head.
  const listed = addresseeParts(subject);
  const qualified = /^(.+?)\s*(?:,|\b(?:using|that|which|who|whose|with|where|in which)\b)/.exec(subject);
  const parts = (listed.length > 1 && listed.every(namesWho)) || !qualified || subject.split(' ').length <= 6 ? listed : addresseeParts(qualified[1]!.trim());
  if (parts.join(' ').split(' ').length > 12) return [];
  return parts.filter(namesWho).map((part) => (COMMON_START.test(part) ? part[0]!.toLowerCase() + part.slice(1) : part));
}

function addresseeParts(subject: string): string[] {
  return subject
    .replace(JOINED_AREAS, JOIN)
    .split(ADDRESSEE_SEPARATOR)
    .map((part) => part.replaceAll(JOIN, ' and ').trim())
    .filter((part) => part !== '');
}

/** Words naming a body, or a force by name or area. */
function namesWho(words: string): boolean {
  return namesAnActor(words) || forcesNamedIn(words, { areas: true }).length > 0;
}

/**
 * Whether a recommendation is owed an explanation by the local policing body. One with no addressee
 * ("There should be …") is the force's when the report is about a force, and national otherwise.
 */
export function levelOf(addressees: string[], aboutAForce: boolean): NonNullable<ExtractedRecommendation['level']> {
  if (addressees.length === 0) return aboutAForce ? 'force' : 'national';
  return addressees.some((addressee) => FORCE_LEVEL_ACTOR.test(addressee) || forcesNamedIn(addressee).length > 0) ? 'force' : 'national';
}
