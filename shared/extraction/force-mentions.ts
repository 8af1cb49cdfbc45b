import { FORCES, type Force } from '../forces';

interface Name {
  /** The name's pattern on its own, to tell which name a match of the combined pattern is. */
  exact: RegExp;
  force: Force;
}

interface Names {
  /** Every name in one alternation, longest first. */
  any: RegExp;
  names: Name[];
}

function namePattern(name: string): string {
  return (
    name
      .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      .replace(/\s+(?:and|&)\s+/g, '\\s+(?:and|&)\\s+')
      .replace(/['’]/g, "['’]")
      .replace(/-/g, '[-\\s]')
      .replace(/ /g, '\\s+')
      // "Lancashire constabulary should …": the kind of force is often written in lower case; "Cumbria
      // police and crime commissioner" in lower case is the body, not the force. Capitalised, "Kent Police
      // and Crime Commissioner" still names Kent's force: a body's response often names it only so.
      .replace(/\bConstabulary\b/g, '[Cc]onstabulary')
      .replace(/\bPolice\b/g, '(?:Police|police(?!\\s+(?:and|&)\\s+crime\\b))')
  );
}

/**
 * Bodies that carry a force's name and are not the force: "the Metropolitan Police Authority", "Kent Police
 * Federation", "Merseyside Police and Crime Panel" (the councillors who scrutinise the commissioner).
 */
const NOT_THE_FORCE = '(?!\\s+(?:Authority|Federation|(?:and|&)\\s+[Cc]rime\\s+[Pp]anel)\\b)';

/**
 * One alternation, longest names first, so that at any place the longest name is read: "City of
 * London Police" rather than "London", "Metropolitan Police Service" rather than "Metropolitan Police".
 * A single pass over the text keeps this linear in its length, which matters for 300-page reports.
 * Names are proper nouns, so matching is case-sensitive: "kent" in running text is not Kent. A short
 * alias ("GMP", "the Met") must not run into another capitalised word ("the Met Office").
 */
function compile(namesOf: (force: Force) => string[]): Names {
  const entries = FORCES.flatMap((force) => namesOf(force).map((name) => ({ name, force, bare: name === force.area || force.otherAreas.includes(name) }))).sort(
    (a, b) => b.name.length - a.name.length,
  );
  const alternatives = entries.map(({ name, bare }) => {
    const shortAlias = name.length < 8 ? '(?!\\s+[A-Z][a-z])' : '';
    // "Cumbria Fire and Rescue Service", "Kent County Council" and "the West Midlands regional response" are not the police force.
    // The guard looks past the rest of a longer name too, a second place joined to the first ("Hampshire and Isle of Wight
    // Fire and Rescue Service", "County Durham and Darlington Fire and Rescue Service"), or "Hampshire Police Federation".
    const otherService = bare
      ? "(?!(?:\\s+(?:and|&)\\s+[A-Z][\\w'’-]*(?:\\s+(?:of\\s+)?[A-Z][\\w'’-]*){0,2})?(?:\\s+(?:Police|Constabulary))?\\s+(?:County|City|Borough|Fire|[Rr]egion(?:al)?|ROCU|Authority|Federation)\\b)"
      : '';
    return `${namePattern(name)}(?![\\w-])${shortAlias}${otherService}${NOT_THE_FORCE}`;
  });
  return {
    any: new RegExp(`(?<![\\w-])(?:${alternatives.join('|')})`, 'g'),
    names: entries.map(({ name, force }) => ({ exact: new RegExp(`^${namePattern(name)}$`), force })),
  };
}

const FULL_NAMES = compile((force) => [force.name, ...force.aliases]);
const NAMES_AND_AREAS = compile((force) => [force.name, ...force.aliases, force.area, ...force.otherAreas]);

/** A local policing body named with its area after it: "Police and Crime Commissioner for Warwickshire", "…Commissioner, Kent". */
const BODY_FOR = /\b(?:Crime(?: and Victims['’])? Commissioner|PCC|PFCC)(?:\s+for|,)\s+(?:the\s+)?/g;
/**
 * The same, the area first: "Norfolk's Police and Crime Commissioner", "Sussex PCC", and a sign-off's
 * "Surrey Police and Crime Commissioner", where the force's own name runs into the body's title.
 */
const AREAS_BODY =
  /(?:(?:['’]s)?\s+(?:Police(?:,\s+Fire)?\s+and\s+Crime(?:\s+and\s+Victims['’])?\s+Commissioner|PCC|PFCC)|(?<=Police)(?:,\s+Fire)?\s+and\s+Crime(?:\s+and\s+Victims['’])?\s+Commissioner)\b/;
const NAME_OR_AREA_BEFORE_BODY = new RegExp(`(${NAMES_AND_AREAS.any.source})${AREAS_BODY.source}`, 'g');
/** A force's name or area starting exactly where the search is told to look. */
const NAME_OR_AREA_HERE = new RegExp(NAMES_AND_AREAS.any.source, 'y');

/** Forces named in `text` in order of first mention; with `areas`, a bare place name ("Surrey") counts too. */
export function forcesNamedIn(text: string, options: { areas?: boolean } = {}): string[] {
  const { any, names } = options.areas ? NAMES_AND_AREAS : FULL_NAMES;
  const found = new Set<string>();
  // exec on the shared pattern, not matchAll: matchAll copies the pattern on every call, which for one
  // this size costs more than the matching itself.
  any.lastIndex = 0;
  for (let match = any.exec(text); match !== null; match = any.exec(text)) {
    const force = forceCalled(match[0], names);
    if (force) found.add(force);
  }
  return [...found];
}

/**
 * Forces named through their local policing body and its area: "the Police and Crime Commissioner for
 * Warwickshire", "…Commissioner, Kent", "Norfolk's Police and Crime Commissioner".
 */
export function forcesOfBodiesNamedIn(text: string): string[] {
  const found = new Set<string>();
  BODY_FOR.lastIndex = 0;
  for (let body = BODY_FOR.exec(text); body !== null; body = BODY_FOR.exec(text)) {
    NAME_OR_AREA_HERE.lastIndex = body.index + body[0].length;
    const area = NAME_OR_AREA_HERE.exec(text);
    const force = area && forceCalled(area[0], NAMES_AND_AREAS.names);
    if (force) found.add(force);
  }
  // The cheap test first: the combined pattern is worth running only where a body is named this way.
  if (AREAS_BODY.test(text)) {
    NAME_OR_AREA_BEFORE_BODY.lastIndex = 0;
    for (let body = NAME_OR_AREA_BEFORE_BODY.exec(text); body !== null; body = NAME_OR_AREA_BEFORE_BODY.exec(text)) {
      const force = forceCalled(body[1]!, NAMES_AND_AREAS.names);
      if (force) found.add(force);
    }
  }
  return [...found];
}

function forceCalled(written: string, names: Name[]): string | undefined {
  return names.find(({ exact }) => exact.test(written))?.force.name;
}
