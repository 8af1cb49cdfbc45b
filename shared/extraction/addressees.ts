import { FORCES } from '../forces';
import { firstSentence, parseTargetPhrase } from './target-dates';

const RECOMMENDER = /^(?:(?:HMICFRS|HMIC|HMI|we|the inspectorate|inspectors?)\s+(?:also\s+|therefore\s+)?recommends?\s+(?:that\s+)?)/i;
const MODAL = /\b(?:should|must|is to|are to|will need to)\b/i;
const IMPERSONAL = /^(?:there|it|this|these|that)$/i;
/** Words that start a sentence but are not part of a proper name, so their capital is dropped. */
const COMMON_START = /^(?:The|All|Forces?|Chief|Those|Each|Every|Police|Local|Relevant|Other|Both|Partners?|Government)\b/;

// Force areas with "and" in their name ("Avon and Somerset") must not be split into two addressees.
const JOINED_AREAS = new RegExp(
  FORCES.map((force) => force.area.split(' and '))
    .filter((parts) => parts.length === 2)
    .map(([before, after]) => `(?<=${before})\\s+and\\s+(?=${after})`)
    .join('|'),
  'g',
);
const JOIN = '\u0000';

/**
 * Who a recommendation asks to act: the subject of its first "should" ("By March 2023, all forces
 * should …" → ["all forces"]; "the Home Office and the College of Policing should …" → both).
 * Passive wording ("There should be …") has no addressee.
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
    .replace(RECOMMENDER, '')
    .replace(/^(?:that|and|then)\s+/i, '')
    .replace(/[\s,:;–—-]+$/, '')
    .trim();
  // A qualified subject ("those forces using a threat, harm and risk policy, that have not yet done so")
  // is named by its head.
  const qualified = /^(.+?)\s*(?:,|\b(?:using|that|which|who|whose|with|where|in which)\b)/.exec(subject);
  if (qualified && subject.split(' ').length > 6) subject = qualified[1]!.trim();
  if (subject === '' || IMPERSONAL.test(subject) || subject.split(' ').length > 12) return [];
  return subject
    .replace(JOINED_AREAS, JOIN)
    .split(/\s*,\s*(?:and\s+)?|\s+and\s+(?=the\b|all\b|[A-Z])/)
    .map((part) => part.replaceAll(JOIN, ' and ').trim())
    .filter((part) => part !== '')
    .map((part) => (COMMON_START.test(part) ? part[0]!.toLowerCase() + part.slice(1) : part));
}
