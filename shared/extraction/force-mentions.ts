import { FORCES, type Force } from '../forces';

interface Pattern {
  regex: RegExp;
  force: Force;
}

function namePattern(name: string): string {
  return name
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/\s+(?:and|&)\s+/g, '\\s+(?:and|&)\\s+')
    .replace(/['’]/g, "['’]")
    .replace(/-/g, '[-\\s]')
    .replace(/ /g, '\\s+');
}

/**
 * One alternation, longest names first, so "City of London Police" is read before "London" and
 * "Metropolitan Police Service" before "Metropolitan Police". Names are proper nouns, so matching is
 * case-sensitive: "kent" in running text is not Kent. A short alias ("GMP", "the Met") must not run
 * into another capitalised word ("the Met Office").
 */
function compile(namesOf: (force: Force) => string[]): Pattern[] {
  return FORCES.flatMap((force) => namesOf(force).map((name) => ({ name, force, bare: name === force.area })))
    .sort((a, b) => b.name.length - a.name.length)
    .map(({ name, force, bare }) => {
      const shortAlias = name.length < 8 ? '(?!\\s+[A-Z][a-z])' : '';
      // "Cumbria Fire and Rescue Service" and "Kent County Council" are not the police force.
      const otherService = bare ? '(?!\\s+(?:County|City|Borough|Fire)\\b)' : '';
      return { force, regex: new RegExp(`(?<![\\w-])${namePattern(name)}(?![\\w-])${shortAlias}${otherService}`, 'g') };
    });
}

const FULL_NAMES = compile((force) => [force.name, ...force.aliases]);
const NAMES_AND_AREAS = compile((force) => [force.name, ...force.aliases, force.area]);

/** Forces named in `text` in order of first mention; with `areas`, a bare place name ("Surrey") counts too. */
export function forcesNamedIn(text: string, options: { areas?: boolean } = {}): string[] {
  const patterns = options.areas ? NAMES_AND_AREAS : FULL_NAMES;
  const found: Array<{ index: number; name: string }> = [];
  // Blank out each match so a shorter name cannot match inside a longer one already read.
  let remaining = text;
  for (const { regex, force } of patterns) {
    regex.lastIndex = 0;
    remaining = remaining.replace(regex, (match: string, index: number) => {
      found.push({ index, name: force.name });
      return ' '.repeat(match.length);
    });
  }
  found.sort((a, b) => a.index - b.index);
  return [...new Set(found.map((each) => each.name))];
}
