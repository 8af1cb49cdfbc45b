/**
 * Welsh, read in the English words the rules know. The four Welsh forces' local policing bodies
 * publish their pages and responses in Welsh as well as English, and the inspectorate its reports on
 * the Welsh forces. A Welsh page names the same bodies and says the same things, so the kind and forces
 * rules read it once the names and the few words they turn on are glossed: "Dywedodd Comisiynydd yr
 * Heddlu a Throsedd Gwent, Jeff Cuthbert:" is "Police and Crime Commissioner for Gwent, Jeff Cuthbert
 * said:", and its dates for the date rules ("18fed Mawrth 2021" is 2021-03-18). Only those words are
 * glossed, not the language; the title and the recommendations a person sees keep the document's own words.
 */

/**
 * Forces' areas in Welsh, as their names write them after "Heddlu" (police), "Cwnstabliaeth"
 * (constabulary) or a commissioner's title: the Welsh forces', and their English neighbours' that
 * Welsh news names with them.
 */
const AREAS: Readonly<Record<string, string>> = {
  Gwent: 'Gwent',
  'Dyfed-Powys': 'Dyfed-Powys',
  'Dyfed Powys': 'Dyfed-Powys',
  'Gogledd Cymru': 'North Wales',
  'De Cymru': 'South Wales',
  'Glannau Mersi': 'Merseyside',
  'Manceinion Fwyaf': 'Greater Manchester',
  'Swydd Gaerhirfryn': 'Lancashire',
  'Swydd Gaer': 'Cheshire',
  Cumbria: 'Cumbria',
  'Gorllewin Mersia': 'West Mercia',
  'Gorllewin Canolbarth Lloegr': 'West Midlands',
};
const AREA = `(${Object.keys(AREAS).join('|')})`;
/** After "yn"/"yng" (in), a place's first letter changes: "yng Ngwent", "yng Ngogledd Cymru", "yn Ne Cymru". */
const MUTATED_AREAS: Readonly<Record<string, string>> = {
  Ngwent: 'Gwent',
  'Ngogledd Cymru': 'North Wales',
  'Ne Cymru': 'South Wales',
  'Nyfed-Powys': 'Dyfed-Powys',
  'Nyfed Powys': 'Dyfed-Powys',
};
/** "Y Gogledd" and "y De", the north and the south, are the two forces' areas after "heddluoedd" (forces). */
const SHORT_AREAS: Readonly<Record<string, string>> = { Gogledd: 'North Wales', De: 'South Wales' };
const area = (welsh: string) => AREAS[welsh] ?? MUTATED_AREAS[welsh] ?? SHORT_AREAS[welsh] ?? welsh;
/** An area after "heddluoedd", in a list: "heddluoedd Gwent a'r Gogledd", "Heddluoedd De Cymru a Dyfed-Powys". */
const LISTED_AREA = String.raw`(?:y\s+|['’]r\s+)?(${[...Object.keys(AREAS), ...Object.keys(SHORT_AREAS)].join('|')})`;

/** A commissioner's title: "Comisiynydd yr Heddlu a Throsedd", "Comisiynydd Heddlu a Throseddu" (the mutated "Gomisiynydd" after "ei"). */
const COMMISSIONER = String.raw`\b[CG]omisiynydd(?:\s+yr)?\s+Heddlu\s+a\s+Throsedd(?:u)?`;

/** What the inspectorate says it did: examined, assessed, found. */
const OWN_VERBS: Readonly<Record<string, string>> = { archwilio: 'examined', asesu: 'assessed', ganfod: 'found' };

/** What a body gives, by name: its response, statement, comments. */
const OWN_WORDS: Readonly<Record<string, string>> = { ymateb: 'response', datganiad: 'statement', sylwadau: 'comments' };

/** The months in Welsh, in their order. */
const MONTHS = ['Ionawr', 'Chwefror', 'Mawrth', 'Ebrill', 'Mai', 'Mehefin', 'Gorffennaf', 'Awst', 'Medi', 'Hydref', 'Tachwedd', 'Rhagfyr'];
/** A day of the week as a date gives it before the day: "Dydd Iau" (Thursday); "Mawrth" is Tuesday and March. */
const WEEKDAY = String.raw`(?:(?:[Dd]ydd|ddydd)\s+(?:Llun|Mawrth|Mercher|Iau|Gwener|Sadwrn|Sul),?\s+)?`;
/** A date as a Welsh page writes it, its day an ordinal: "18fed Mawrth 2021", "Dydd Iau 1af Ebrill 2022", "3 Tachwedd 2022". */
const WELSH_DATE = new RegExp(String.raw`\b${WEEKDAY}(\d{1,2})(?:af|il|ydd|ed|fed|eg|ain)?\s+(${MONTHS.join('|')})\s+((?:19|20)\d{2})\b`, 'g');

/** In order: the longer names before the words inside them. */
type Gloss = string | ((match: string, ...parts: string[]) => string);
const GLOSSES: readonly [RegExp, Gloss][] = [
  // The inspectorate: "Arolygiaeth Cwnstabliaeth a Gwasanaethau Tân ac Achub Ei Fawrhydi", "Arolygiaeth Cwnstabliaeth EF".
  [
    /\bArolyg(?:i)?aeth\s+(?:Cwnstabliaeth|Cwnstabliaid|Heddluoedd)(?:\s+a\s+Gwasanaethau\s+Tân\s+ac\s+Achub)?(?:\s+(?:[Ee]i\s+[FM]awrhydi|EF))?/g,
    'His Majesty’s Inspectorate of Constabulary and Fire & Rescue Services',
  ],
  [/\bPrif\s+Arolygydd(?:\s+Cwnstabliaeth)?(?:\s+(?:[Ee]i\s+[FM]awrhydi|EF))?/g, 'His Majesty’s Chief Inspector of Constabulary'],
  [/\bArolygydd(?:\s+Cwnstabliaeth)?\s+(?:[Ee]i\s+[FM]awrhydi|EF)/g, 'His Majesty’s Inspector of Constabulary'],
  [/\byr Arolygiaeth\b/g, 'the inspectorate'],
  // The inspectorate's own voice: "ein harolygiad" (our inspection), "ein canfyddiadau" (our findings), "gwnaethom archwilio" (we examined).
  [/(?:\b[Ee]in|(?<=\w)['’]n)\s+harolygiad(?:au)?\b/g, (written: string) => `${/^['’]/.test(written) ? ' ' : ''}our inspection`],
  [/\b[Ee]in\s+canfyddiadau\b/g, 'our findings'],
  [/\b(?:[Ff]e\s+)?[Gg]wnaethom\s+(archwilio|asesu|ganfod)\b/g, (_, verb: string) => `we ${OWN_VERBS[verb]}`],
  [/\b[Cc]anfuom\b/g, 'we found'],
  // The bodies, with their area after them: "Comisiynydd Heddlu a Throsedd Gogledd Cymru".
  [new RegExp(`${COMMISSIONER}\\s+${AREA}\\b`, 'g'), (_, welsh: string) => `Police and Crime Commissioner for ${area(welsh)}`],
  [new RegExp(COMMISSIONER, 'g'), 'Police and Crime Commissioner'],
  [/\b[CG]omisiynwyr(?:\s+yr)?\s+Heddlu\s+a\s+Throsedd(?:u)?\b/g, 'Police and Crime Commissioners'],
  [/\bSCHTh\b/g, 'OPCC'],
  [/\bCHTh\b/g, 'PCC'],
  // The forces: "Heddlu Gwent", "Cwnstabliaeth Swydd Gaer", "heddluoedd Gwent a'r Gogledd"; and their areas in running text.
  [new RegExp(`\\b(?:Heddlu|Cwnstabliaeth)\\s+${AREA}\\b`, 'g'), (_, welsh: string) => `${area(welsh)} Police`],
  [
    new RegExp(`\\b[Hh]eddluoedd\\s+${LISTED_AREA}(?:\\s+a\\s*${LISTED_AREA})?\\b`, 'g'),
    (_, first: string, second: string | undefined) =>
      [first, second]
        .filter(Boolean)
        .map((each) => `${area(each!)} Police`)
        .join(' and '),
  ],
  [/\bHeddlu['’]r\s+Gogledd\b/g, 'North Wales Police'],
  [new RegExp(`\\byng?\\s+(${Object.keys(MUTATED_AREAS).join('|')})\\b`, 'g'), (_, welsh: string) => `in ${area(welsh)}`],
  [/\b(?:Gogledd|De)\s+Cymru\b/g, (welsh: string) => area(welsh.replace(/\s+/, ' '))],
  [/\bPrif\s+Gwnstabl\b/g, 'Chief Constable'],
  // Who says what: "Dywedodd Comisiynydd …, Jane Mudd:" puts the verb first; English puts it after the speaker.
  [/\b(?:Meddai|Dywedodd|Ychwanegodd)\s+([^:“"\n.]{3,160}?):/g, (_, speaker: string) => `${speaker} said:`],
  [/\b(?:[Mm]eddai|[Dd]ywedodd)\b/g, 'said'],
  [/\b[Yy]chwanegodd\b/g, 'added'],
  // The words the rules turn on: "Ymateb y Comisiynydd" is the Commissioner's response; a full title is English by now.
  [
    /\b(Ymateb|Datganiad|Sylwadau)\s+y\s+(Comisiynydd|PCC|Police and Crime Commissioner)\b/gi,
    (_, what: string, who: string) => `${who === 'Comisiynydd' ? 'Commissioner' : who}’s ${OWN_WORDS[what.toLowerCase()]}`,
  ],
  [/\b([Yy])mateb\b(\s+i\b)?/g, (_, y: string, to: string | undefined) => `${y === 'Y' ? 'Response' : 'response'}${to ? ' to' : ''}`],
  [/\b([Dd])atganiad\b/g, (_, d: string) => (d === 'D' ? 'Statement' : 'statement')],
  [/\b([Aa])droddiadau\b/g, (_, a: string) => (a === 'A' ? 'Reports' : 'reports')],
  [/\b([Aa])droddiad\b/g, (_, a: string) => (a === 'A' ? 'Report' : 'report')],
  [/\b([Aa])rolygiad(?:au)?\b/g, (_, a: string) => (a === 'A' ? 'Inspection' : 'inspection')],
  // Written as an ISO date, which the date rules read as they read any other.
  [WELSH_DATE, (_, day: string, month: string, year: string) => `${year}-${String(MONTHS.indexOf(month) + 1).padStart(2, '0')}-${day.padStart(2, '0')}`],
  [/\bDyddiad\b/g, 'Date'],
  [/\bCyhoeddwyd(?:\s+gyntaf)?(?=\s*:)/gi, 'Published'],
  [/\bargymhellion\b/gi, 'recommendations'],
  [/\bargymhelliad\b/gi, 'recommendation'],
];

/** Welsh's commonest words, which English never writes as words: "yn" (in, and the verb's mark), "yr" (the), "mae" (is). */
const WELSH_WORDS = /\b(?:yn|yr|mae|wedi|gan|gyda|hefyd|ydym|rydym)\b/gi;

/**
 * Whether a document is in Welsh, wholly or in part (a bilingual page): Welsh's commonest words, three
 * times or more. An English page with a Welsh line ("Rydym yn croesawu gohebiaeth yn Gymraeg") is taken
 * too, harmlessly: every gloss matches only Welsh words. The explanations of a Welsh page quote the
 * glossed text the rules read, not the document's words.
 */
export function isWelsh(text: string): boolean {
  return (text.match(WELSH_WORDS)?.length ?? 0) >= 3;
}

/** A Welsh text with its names and the key words the rules read in English. */
export function inEnglishWords(text: string): string {
  let glossed = text;
  for (const [pattern, english] of GLOSSES) glossed = glossed.replace(pattern, typeof english === 'string' ? () => english : english);
  return glossed;
}
