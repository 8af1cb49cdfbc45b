import type { CalendarDate } from '../calendar-date';
import type { DocumentKind, ExtractionResult } from '../model';
import { FULL_DATE, MONTH_NAME, parseFullDate } from './dates';
import type { Explanation } from './explanations';
import { forcesNamedIn } from './force-mentions';
import { firstLineMatched, sentencesOf } from './paragraphs';
import type { Findings } from './recommendations';
import { explain, JOINT_INSPECTORATES_BYLINE, neverATitle, SITE_NAME, type Title } from './report-head';
import { COMMISSIONER_TITLE, ENGAGE_STAGE, FEDERATION, FORCE_LEVEL_ACTOR, INSPECTORATE, INSPECTORATE_OF_CONSTABULARY, MAJESTYS, PEEL } from './vocabulary';

/** The other inspectorates, whose names ("HM Inspectorate of Prisons") would otherwise read as the police inspectorate's. */
const OTHER_INSPECTORATE = new RegExp(
  String.raw`\b${MAJESTYS}\s+(?:Chief\s+)?Inspector(?:ate)?\s+of\s+(?:Prisons|Probation|Education)\b|\bHMI\s*(?:Prisons|Probation)\b|\bHMIP\b|\bOfsted\b|\bHMCPSI\b|\bCrown Prosecution Service Inspectorate\b|\bCare Quality Commission\b`,
  'gi',
);
/** The police inspectorate by a name no other inspectorate's chief shares. */
const POLICE_INSPECTORATE = /\bHMICFRS\b|\bHMIC\b|Inspector(?:ate|s)? of Constabulary/i;
/**
 * Policing in Scotland, which its own inspectorate inspects (HMICS, once styled "HMIC" as England and
 * Wales's was), answering to Scottish ministers, and Scotland's fire and rescue service, which HM Fire
 * Service Inspectorate inspects: not the subject of HMICFRS's reports.
 */
const SCOTTISH_SERVICES =
  /\bHM Inspectorate of Constabulary (?:in|for) Scotland\b|\bHMICS\b|\bHMIC Scotland\b|\bPolice Scotland\b|\bPolice Service of Scotland\b|\bScottish Police (?:Services )?Authority\b|\bScottish (?:Executive|Government|Ministers)\b|\bHM Fire Service Inspectorate\b|\bHMFSI\b|\bScottish Fire and Rescue Service\b/;
/** What a page about policing in England and Wales names: its inspectorate, the countries, the Home Office. */
const ENGLAND_AND_WALES = /\bHMICFRS\b|\bEngland\b|\bWales\b|\bHome (?:Office|Secretary)\b/;
/** A House of Commons committee's report as Parliament's site gives it: its title then "Contents", and the committee's conclusions. */
const COMMITTEE_REPORT_PAGE = /^\S.{2,160}(?<!\b[Tt]able of)\sContents$/;
const COMMITTEE_VOICE = /^Conclusions and recommendations$|\b(?:the|this|our) Committee\b/m;
/** A committee's conclusion citing the paragraph of its report it comes from: "… other savings. (Paragraph 15)". */
const COMMITTEE_PARAGRAPH_CITED = /\(Paragraphs? \d+(?:\s*(?:[-–,]|and)\s*\d+)*\)/g;
/** Conclusions citing their paragraphs more than once are a committee's list, not a passing reference. */
const COMMITTEE_CITATIONS = 2;
/** A chief officer answering for the force: "We recognise and accept HMICFRS findings about our continued weaknesses". */
const FORCE_ACCEPTS_FINDINGS =
  /\b(?:we|I)\s+(?:fully\s+)?(?:recognise|accept)(?:\s+and\s+accept)?\s+(?:the\s+)?(?:HMICFRS|HMIC|inspectorate)(?:['’]s)?\s+(?:findings|report|judgments?)\b/i;
/** The force or service inspected, speaking of its own inspection: "our latest HMICFRS inspection", "we received our inspection report from …". */
const INSPECTED_SPEAKS =
  /\bour\s+(?:latest\s+|recent\s+|most\s+recent\s+|last\s+)?(?:(?:HMICFRS|HMIC|PEEL)\s+)?inspection\s+report\s+from\s+(?:HMICFRS|HMIC|HM\b|Her\b|His\b)|\bour\s+(?:latest|recent|most\s+recent)\s+(?:HMICFRS|HMIC)\s+(?:PEEL\s+)?inspection\b|\bwe\s+received\s+our\s+(?:\w+\s+)?(?:inspection\s+)?report\s+from\s+(?:HMICFRS|HMIC|HM\b|Her\b|His\b)/i;
/** A letter from someone other than the inspectorate: "Letter from the Home Secretary to …". */
const LETTER_FROM_ANOTHER = new RegExp(
  String.raw`^letter\s+from\s+(?!(?:the\s+)?(?:HMICFRS|HMIC|${MAJESTYS}\s+(?:Chief\s+)?Inspector|(?:Chief\s+)?Inspector))`,
  'i',
);
/** The writer a letter's title names: "Letter from Sir Thomas Winsor to chiefs". */
const LETTER_WRITER = /^letter\s+from\s+(.+?)\s+to\b/i;

/**
 * Whether the text names the letter's writer as one of the inspectors: "Sir Thomas Winsor, Her Majesty’s
 * Chief Inspector of Constabulary, wrote …", a letterhead's "Sir Thomas Winsor WS Her Majesty’s Chief
 * Inspector of Constabulary" (post-nominal letters between), "His Majesty's Chief Inspector of Constabulary, Andy Cooke, has written".
 */
function writtenByAnInspector(title: string, text: string): boolean {
  const writer = LETTER_WRITER.exec(title)?.[1];
  if (writer === undefined) return false;
  const escaped = writer.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const inspector = String.raw`${MAJESTYS}\s+(?:Chief\s+)?Inspector(?:\s+of\s+Constabulary)?`;
  return new RegExp(`${escaped}(?:,?\\s+[A-Z]{2,5})*,?\\s+${inspector}\\b|${inspector},?\\s+${escaped}`).test(text);
}
/** A local policing body naming its own response: "Commissioner’s response", "PCC comments on", a heading "PFCC Comment". */
const RESPONSE_BY_BODY =
  /\b(?:commissioner|PCC|PFCC|OPCC|local policing body|mayor|MOPAC|common council)\b[^.\n]{0,40}?\b(?:response|responds|responding|comments?|reply)\b|^(?:response|statement) (?:from|by)\b[^.\n]{0,60}?\b(?:commissioner|PCC|PFCC|OPCC|mayor|MOPAC)\b/im;
/** A body's statement by its name: "Commissioner's statement on …", "PCC statement". */
const BODY_NAMES_STATEMENT = /\b(?:commissioner|PCC|PFCC|OPCC|mayor|MOPAC)(?:['’]s)?\s+statement\b/i;
/** Where "the Commissioner" is the chief officer, whose statement is the force's. */
const LONDON_FORCE = /\b(?:Metropolitan Police|City of London Police|MPS)\b/;

/** Whether a line names the body's own response or comments; a bare "Commissioner's statement" only outside London. */
function namesItsResponse(line: string, text: string): boolean {
  // A response the page only quotes by its title ("a press release titled “Commissioner Zoë responds …”") is the press's telling.
  const local = line.replace(QUOTATION, ' ').replace(NATIONAL_COMMISSIONER, ' ');
  return RESPONSE_BY_BODY.test(local) || (BODY_NAMES_STATEMENT.test(local) && !LONDON_FORCE.test(text));
}

/** The country's commissioners, who are no local policing body: "the Victims’ Commissioner’s response to State of Policing". */
const NATIONAL_COMMISSIONER =
  /\b(?:Victims['’]?|Information|Children['’]s|Domestic Abuse|Biometrics|Surveillance Camera|(?:Independent\s+)?Anti-Slavery)\s+Commissioner\b/gi;

/**
 * A local policing body by its title. Not a bare "Commissioner": in London and the City that is the
 * chief officer.
 */
const LOCAL_POLICING_BODY = `(?:PCC|PFCC|OPCC|${COMMISSIONER_TITLE}|(?:Deputy )?Mayor|MOPAC)`;
/**
 * A body's statement on a report: "Norfolk's Police and Crime Commissioner … has welcomed", "Mayor and
 * Deputy Mayor announce actions". Only the bodies: in London and the City "the Commissioner" is the
 * chief officer, whom an inspection report may say "welcomed our inspection". Not the force and its body
 * together ("Dorset Police and the Police and Crime Commissioner have welcomed …"), as the force's news tells it.
 */
const BODY_STATEMENT = new RegExp(
  `(?<!\\b(?:Police|Constabulary)\\s+and\\s+(?:the\\s+)?(?:[A-Z][\\w’']*\\s+){0,2})\\b${LOCAL_POLICING_BODY}\\b[^.\\n]{0,60}?\\b(?:welcomes|welcomed|announces?|announced|is (?:reassured|pleased|disappointed|concerned)|has (?:reflected|responded|urged|praised)|reflects|responds|urges|backs|praises)\\b`,
  'i',
);
/**
 * A body speaking as itself about its duty: "we hold the force to account", "I will hold the Chief
 * Constable to account", "I will monitor these closely through my accountability meetings".
 */
const HOLDS_TO_ACCOUNT =
  /(?<!\btold us\s)\b(?:we|I)\s+(?:will\s+)?(?:continue\s+to\s+)?hold\s+(?:the\s+)?(?:force|chief constable|constabulary)\b[^.]{0,40}?\bto account\b|\bmy\s+(?:performance\s+and\s+)?accountability\s+(?:meetings?|boards?)\b/i;
/** A local policing body's title as its holder writes it of themself. */
const BODY_OFFICE = `(?:your\\s+|the\\s+)?(?:${COMMISSIONER_TITLE}|PCC|PFCC)\\b`;
/** "as PCC", not "as well as the PCC" or "such as the PCC". */
const IN_THE_OFFICE = `(?<!\\b(?:well|such)\\s)\\b[Aa]s\\s+${BODY_OFFICE}`;
/** Someone speaking in the body's office: "As your Police and Crime Commissioner, I", "me, as Police and Crime Commissioner", "my role as PCC". */
const SPEAKS_AS_THE_BODY = new RegExp(`\\b(?:[Mm]y|I|me)\\b[^.\\n]{0,60}${IN_THE_OFFICE}|${IN_THE_OFFICE}[^.\\n]{0,40}\\b(?:I|my)\\b`);
/** The body stating its own duty to answer, capitalised as its own pages write it: "The Police and Crime Commissioner (PCC) has a responsibility to respond to reports". */
const BODY_DUTY_TO_RESPOND = new RegExp(
  String.raw`\b[Tt]he\s+(?:PCC|PFCC|${COMMISSIONER_TITLE})(?:\s+\((?:PCC|PFCC)\))?\s+(?:has\s+a|is\s+under\s+a)\s+(?:statutory\s+|legal\s+)?(?:duty|responsibility|requirement)\s+to\s+(?:respond|publish)\b`,
);
/** The body's page pointing to its answers: "HMICFRS reports and the response from the PCC are listed below", "including responses provided by the OPCC can be accessed below". */
const BODY_RESPONSES_LISTED = new RegExp(
  String.raw`\bresponses?\s+(?:from|by|of|provided\s+by)\s+(?:the\s+)?(?:O?PF?CC|${COMMISSIONER_TITLE})\b[^.\n]{0,60}\bbelow\b`,
);
/** A local policing body by its title as its own pages capitalise it; HMICFRS writes "police and crime commissioner". */
const BODY_BY_TITLE = new RegExp(`\\b${LOCAL_POLICING_BODY}\\b`);
/** A heading for the answer: "Our response to recommendations made in the report". Whose, the page must say. */
const OUR_RESPONSE_HEADING = /^our\s+(?:joint\s+)?response\s+to\b[^.]*$/i;
/** Speaking as "I" outside quotation: "I am therefore disappointed", "I firmly believe". */
const FIRST_PERSON = /(?:^|[.!?]\s+)I\s+(?:am|have|was|will|would|welcome|believe|think|want|remain|firmly|fully|also|must)\b/m;
/** The words that make an answering name a force's or an office's, not a person's: "Response from Thames Valley Police to …". */
const ORGANISATION = /\b(?:Police|Constabulary|Service|Force|Council|Office|Panel|Board)\b/;
/** Chief officers, whose answer is the force's. */
const CHIEF_OFFICER = /^(?:Chief|Deputy|Assistant|Commissioner)\b/;
/** A body commenting on a report, as its press office writes: "Commenting on the HMIC report, Surrey’s Police and Crime Commissioner Kevin Hurley said:". */
const BODY_COMMENTS = new RegExp(
  `\\bcommenting on (?:the |this |today['’]s )?(?:HMICFRS|HMIC|inspection|inspectorate|report)\\b[^.\\n]{0,80}?\\b${LOCAL_POLICING_BODY}\\b`,
  'i',
);
const WRITING_IN_RESPONSE = /\b(?:I|we) am writing\b[^.]{0,100}\b(?:in response to|to respond to|in reply to)\b/i;
/**
 * Another body's response to a report's recommendations: "Second NPCC response to recommendations",
 * "Summary of the Metropolitan Police Service (MPS) response to … recommendations". Neither an
 * inspection report nor a local policing body's response. Not "The police response to domestic abuse",
 * an inspection's own subject.
 */
const OTHER_BODY_RESPONSE =
  /\b(?:NPCC|National Police Chiefs['’] Council|APCC|Association of Police and Crime Commissioners|MPS|Police Service|Constabulary|Police|College of Policing|Home Office|CPS|Crown Prosecution Service|force)\b\)?(?:['’]s?)?\s+(?:(?:second|further|formal|updated|initial|final)\s+)?(?:response|reply)\s+to\s+(?:the\s+)?(?:[^.]{0,150}\brecommendations\b|(?:HMICFRS|HMIC)\b|(?:the\s+)?report\b|(?:joint\s+)?(?:thematic\s+)?inspection\b)/i;
/**
 * An inspection of how a body responded: "An inspection of the MPS's response to …", "…: progress
 * against our recommendations", "…: revisit". Not "MPS response to HMIC Inspection of 2002/03", where
 * the inspection is what is answered, nor the answered inspection's subject ("… the progress of individuals …").
 */
const INSPECTING_A_RESPONSE = /^(?:an?\s+|the\s+)?(?:inspection|review)\b|\binspected\b|\b(?:revisit|our)\b|\bprogress\b(?!\s+of\b)/i;
/**
 * What only the local policing body writes: "I have asked the Chief Constable to comment" (s55(4)).
 * Case matters: HMICFRS writes "we" and a lower-case "chief constable" ("we asked the chief constable
 * for his views"), and an inspection report taken for a response would get no reminders.
 */
const INVITES_CHIEF_OFFICER =
  /\bI (?:have )?(?:asked|invited|requested) (?:the )?Chief (?:Constable|Officer)\b[^.]{0,80}?\b(?:comments?|respond|response|views?)\b|\bI (?:have )?(?:asked|requested) for (?:a |the )?(?:response|comments?|views?) from (?:the )?Chief (?:Constable|Officer)\b/;
/** A sign-off, a name then the role: "David Munro, Surrey Police and Crime Commissioner", not a glossary's "Police and crime commissioner". */
const SIGNED_BY_BODY = new RegExp(String.raw`^(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'.-]*,\s+(?:[A-Z][\w’'.-]*\s+){0,4}${COMMISSIONER_TITLE}$`);
/** The associations of the local policing bodies and of the chief officers, which speak for all of them, heading a page with their name. */
const ASSOCIATION_HEADING = /^(?:the\s+)?(?:APCC|Association of Police and Crime Commissioners|NPCC|National Police Chiefs['’] Council)\b/;
const FEDERATION_HEADING = new RegExp(`^(?:the\\s+)?${FEDERATION}`);
const FEDERATION_SPEAKS = new RegExp(`\\b(?:says|said)\\s+(?:the\\s+)?${FEDERATION}`);
/**
 * The associations, and the College of Policing, speaking through their officers: "APCC Victims Leads",
 * "the APCC Chair", "National Police Chiefs’ Council lead for Digital Forensics, DCC Paul Gibson said",
 * "Chief Constable Mike Cunningham, College of Policing CEO, said".
 */
const ASSOCIATION_SPEAKERS =
  /\bAPCC(?:['’]s)?\s+(?:(?:[A-Z][\w’'-]*|joint)\s+){0,2}(?:Leads?|Chair)\b|\b(?:NPCC|National Police Chief['’]?s['’]? Council)(?:\s+\(NPCC\))?\s+(?:[Ll]ead|[Cc]hair)\b[^.\n]{0,80}\bsaid\b|\bCollege of Policing\b[^.\n“"]{0,60}\bsaid\b/;
/** A name's letters, with the accents of Welsh and other names: "Siân", "Llŷr", "Zoë". */
const NAME_LETTERS = "[\\wÀ-ɏḀ-ỿ’'-]*";
/** One to four capitalised words: a name, or an area ("Devon and Cornwall"). */
const CAPITALISED_WORDS = `[A-Z]${NAME_LETTERS}(?:\\s+(?:and\\s+)?[A-Z]${NAME_LETTERS}){0,3}`;
/**
 * The body by its title: "PCC", "Police, Fire and Crime Commissioner" (with or without its comma), the
 * "Staffordshire Commissioner" (its title since it took on the fire service), each or its office ("The
 * Staffordshire Commissioner’s Office has welcomed …"), and the mayors who are their areas' bodies: "Mayor of Greater Manchester", "Deputy Mayor for Policing and Crime"
 * (London's body is the Mayor's Office for Policing and Crime, whose deputy mayor speaks for it; the
 * Mayor of London is named on many pages that are not its).
 */
const BODY_ROLE = String.raw`(?:(?:PCC|PFCC|${COMMISSIONER_TITLE}|Staffordshire\s+Commissioner)(?:['’]s\s+Office)?|(?:Deputy\s+)?Mayor\s+(?:of\s+(?:Greater\s+Manchester|West\s+Yorkshire|South\s+Yorkshire|York\s+and\s+North\s+Yorkshire)|for\s+Policing(?:,?\s*Fire)?,?\s+and\s+Crime))\b`;
/**
 * The body saying or doing something in its own name at the opening of its page: "PCC John Campion
 * said:", "Police and Crime Commissioner Dafydd Llywelyn has today published his statutory response",
 * "My statement following HMICFRS's report". A title then a name, so not "the PCC's role".
 */
const BODY_TITLE = `(?:^|[,.;:]\\s+|\\s[–—-]\\s+|\\b[Tt]he\\s+|[A-Z][\\w-]*['’]s\\s+)(?:${CAPITALISED_WORDS}\\s+)?${BODY_ROLE}(?:\\s+for\\s+(?:the\\s+)?${CAPITALISED_WORDS})?,?\\s+`;
const BODY_SPEAKS = new RegExp(
  [
    // "Police and Crime Commissioner for Cleveland Steve Turner said:", "Cumbria’s Police, Fire and Crime Commissioner, David Allen, said:"
    `${BODY_TITLE}${CAPITALISED_WORDS},?\\s+(?:who\\s+)?(?:has|have|is|said|says|welcomed|welcomes|informed|made|published|responded|expects|added|today|held|believes|urged)\\b`,
    // Without a name only saying, writing or welcoming so: "The Police and Crime Commissioner for Devon and Cornwall says …",
    // "Leicestershire’s Police and Crime Commissioner has written to the Home Office", "Kent’s Police and Crime
    // Commissioner has welcomed …", a headline's "PCC Pleased with Positive Gwent Custody Report"; "The PCC has set a plan" is a report's.
    `${BODY_TITLE}(?:said|says|has\\s+written|wrote|has\\s+responded|has\\s+welcomed|welcomes|welcomed|(?:is\\s+)?[Pp]leased\\s+(?:with|by))\\b`,
    '^[Mm]y\\s+(?:statement|response|comments)\\b',
    // The body's own page speaking of it: "As the elected representative of Norfolk, our PCC plays an essential role".
    `\\b[Oo]ur\\s+${BODY_ROLE}`,
  ].join('|'),
);
/** A named person answering the report: "Nick Alston responds to HMIC report …", "Response from Anthony Stansfeld to HMIC's …". */
const PERSON_ANSWERS = new RegExp(
  `^(?:(?:[Rr]esponse|[Ss]tatement|[Cc]omments?)\\s+from\\s+(${CAPITALISED_WORDS})\\s+(?:to|on)|(${CAPITALISED_WORDS})\\s+(?:responds|comments|reacts)\\s+(?:to|on))\\s+(?:the\\s+|today['’]s\\s+)?(?:HMICFRS|HMIC)\\b`,
);

/** The opening line in which a person, not a force, an office or a chief officer, answers the report. */
function personAnswering(lines: string[]): string | null {
  return (
    lines.find((line) => {
      const name = PERSON_ANSWERS.exec(line)?.slice(1).find(Boolean);
      return name !== undefined && !ORGANISATION.test(name) && !CHIEF_OFFICER.test(name);
    }) ?? null
  );
}

/** Of the site names a banner may give, a local policing body's by its area or office, not a panel's nor a glossary's bare "PCC". */
const BODY_BANNER = /^(?:(?:The\s+)?Office of (?:the\s+)?|(?!(?:The|Police|PCC|PFCC|OPCC)\b)[A-Z][\w&'’-]*\s).*\b(?:PCC|PFCC|OPCC|Commissioner)(?:\s*[-–|])?$/;
/** A body's archived site saying whose it is: "This is the archived version of Northumbria Police and Crime Commissioner". */
const ARCHIVED_BODY_SITE = new RegExp(
  String.raw`^This is the archived (?:version|website|site) of (?:the\s+)?(?:Office of (?:the\s+)?)?(?:[A-Z][\w&'’-]*\s+){0,4}(?:PCC|PFCC|OPCC|${COMMISSIONER_TITLE})\b`,
);
/**
 * A force's chief officer quoted by name, as the press and the force's own pages quote one: "Chief
 * Constable Amanda Pearson said:", "the Chief Constable added:". The inspectorate's pages quote its inspectors.
 */
const CHIEF_OFFICER_QUOTED =
  /\b(?:Deputy |Assistant |Temporary )?Chief Constable,?\s+[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2},?\s+(?:said|says|added)\b|\bChief Constable\b[^.\n]{0,60}\b(?:said|says|added):/;
/**
 * A news site's or a blog's furniture, which the inspectorate's pages never carry: "Subscribe Now",
 * "Picture: submitted", "Posted on April 14th, 2025 | return to news", "Leave a Reply", "Share this content".
 */
const NEWS_SITE_FURNITURE =
  /^(?:Subscribe(?: Now)?|Leave a Reply|Add a comment|Share this(?: article| story| content| page| post)?|Related (?:articles|stories|news))$|\bPicture: |^Posted (?:on|by)\b|^Posted:\s|\breturn to news\b|\bYour email address will not be published\b|\bMedia playback is unsupported\b/im;
/** The same furniture that only its capitals tell from prose ("312 comments", "Read on to find out"): "4 Comments", "Read on… http://…". */
const NEWS_SITE_LINKS = /(?:^|\s)\d+ Comments?$|^Read on\b/m;
/**
 * The button that hides a site in a hurry, at the head of a line as the page's text opens ("Quickly exit
 * this site by pressing the Escape key", "Leave this site"), which forces', commissioners' and victims'
 * charities' sites carry for a visitor at risk at home, and the inspectorate's does not.
 */
const QUICK_EXIT = /^(?:Quick(?:ly)? exit|Exit this site|Leave (?:this )?site)\b/m;
/** A body's site sending a visitor who wants the police to the force's own: "Looking for Norfolk Police?", "Do you need the Police? Visit the Norfolk Police website". */
const POINTS_TO_ITS_FORCE =
  /^(?:Are you\s+)?looking for (?:the\s+)?(?:[A-Z][\w&'’-]*\s+){1,4}(?:Police|Constabulary)\?$|^Do you need the police\?\s*Visit the\b.{0,60}\b(?:Police|Constabulary) website\b/i;
const LETTER_FIELD = /^(?:To|From)\s*:|^Dear\s/;
/** Where a page's banner sits: among its first lines, above the title. */
const BANNER_WITHIN = 8;
/** Where a body's page about the inspectorate's reports states its duty to answer them: under the paragraphs about the inspectorate. */
const DUTY_STATED_WITHIN = 12;
/** A body's press office names the speaker a few paragraphs down, after the report's findings: as far as this. */
const SPEAKER_NAMED_WITHIN = 12;
/** A title naming the body whose response it is: "Response of the Police and Crime Commissioner for Wiltshire to …". */
const TITLE_NAMES_BODY = new RegExp(BODY_ROLE);

/** The lines of a page's opening where its first speakers are named. */
function speakersInOpening(evidence: KindEvidence): string[] {
  return [...evidence.opening.split('\n'), ...evidence.paras.slice(0, SPEAKER_NAMED_WITHIN)];
}

/** The force's page, or the press's, quotes its chief officer first; the body's quotes the body, if anyone. */
function chiefOfficerSpeaksFirst(opening: string[]): boolean {
  const chief = opening.findIndex((line) => CHIEF_OFFICER_QUOTED.test(line));
  const body = opening.findIndex((line) => BODY_SPEAKS.test(line));
  return chief !== -1 && (body === -1 || chief < body);
}

/**
 * A page written about reports by someone who neither made nor answers them: a police and crime
 * panel's or a committee's minutes ("Agenda item", "The Panel considered a report of …"), a tracker
 * site's page, another body's news pointing to the report "on HMICFRS website". It carries the
 * inspectorate's words second-hand.
 */
const THIRD_PARTY_PAGE =
  /^(?:agenda item(?:\s+\d+)?|minutes\s*:?|supporting documents\s*:?)$|^agenda item\s+\d+\s+report to the\b|\b(?:the|this) (?:police(?:,)? (?:fire )?(?:and )?crime )?(?:panel|committee|board) (?:considered|received|noted|agreed|was (?:asked|presented))\b|\baccountability\s?index\b|\bread\s+the\s+full\s+(?:letter|report)\s+(?:on|at)\s+(?:the\s+)?(?:HMICFRS|inspectorate['’]s)\s+website\b|\b(?:recommendations?|inspection) tracker\b|^resolved\s*[:,]|^members\s+(?:considered|received|noted)\b|\breport\s+\d+\s+of\s+the\b[^.\n]{0,40}\bmeeting\b/im;
/** The foreword of a super-complaint's report, by the senior panel of the inspectorate, the College and the IOPC. */
const SENIOR_PANEL_FOREWORD = /^(?:\d+\.\s*)?Senior panel foreword$/i;
/**
 * How HMICFRS opens a national inspection: "An inspection into how well the police … use digital
 * forensics", "… inspection of how effectively the police …", "Core Business: an inspection into …";
 * not one force's, as another's page tells of it ("An inspection into the force was first carried out …").
 */
export const NATIONAL_INSPECTION =
  /\binspection\s+(?:into|of)\s+how\s+(?:well|effectively)\s+(?:the\s+)?polic(?:e|ing)\b|(?:^|:\s*)an\s+inspection\s+into\b(?!\s+the\s+(?:force|service|constabulary)\b)/im;
/**
 * A title that names the document an inspection report: "…: Final inspection report", "Leading Lights:
 * An inspection of …", "Report on an unannounced inspection visit …", "The hidden victims: Report on
 * Hestia’s super-complaint …", and a force's inspection by the programme's name, as HMICFRS titles it:
 * "Derbyshire – National child protection re‑inspection".
 */
const INSPECTION_REPORT_TITLE =
  /\binspection\s+report\b|(?:^|:\s*)(?:an\s+|the\s+)?inspection\s+(?:of|into)\b|^report\s+on\s+an?\s+(?:[\w-]+\s+){0,3}inspection\b|(?:^|:\s*)report\s+on\b[^.]{0,80}\bsuper-complaint\b|^[A-Z][\w ]{2,40}\s[–—-]\s+(?:[\w‑-]+\s+){0,4}(?:re[‑-]?)?inspection$/i;

/**
 * The inspectorate speaking for itself: "we inspected", "our findings", "our judgment of the service's
 * performance", "our FRS inspections" (not "our thematic inspection", which an association writes too),
 * of its work: "we inspect police forces", "we must report to the Secretary of State", "we report on the
 * efficiency of police forces", "we now assess forces", "we rated 27 forces as requiring improvement" (not
 * another inspectorate's "we report on the effectiveness of probation", nor a fire service inspecting premises).
 * Read outside quotation marks, where another body's page quotes an inspector. Not a site's "we
 * recommend you upgrade your browser" ("… upgrading …"), nor the inspected force's "we were assessed as outstanding";
 * and its history and earlier reports: "our responsibilities were extended to the inspection of fire and rescue
 * services", "we published our values and culture spotlight report".
 */
const OWN_VOICE =
  /\b(?:we|our)\s+(?:(?:also|have|had|then|detailed|main|key)\s+)?(?:found|inspected|inspection|inspections|findings|recommend(?!\s+(?:that\s+)?you\b|\s+(?:upgrading|updating|using)\b)|recommended|judged|assessed|judgments?|examined|concluded)\b|\bour\s+FRS\s+inspections?\b|\bwe\s+(?:also\s+)?(?:will\s+)?inspect\s+(?:police|forces?|fire\s+and\s+rescue|the\s+(?:police|force|National|efficiency|effectiveness))\b|\bwe\s+must\s+report\s+to\s+the\s+(?:Home\s+Secretary|Secretary\s+of\s+State)\b|\bwe\s+report\s+on\s+the\s+(?:efficiency|effectiveness)\s+(?:and\s+\w+\s+)?of\s+(?:the\s+)?(?:police|(?:police\s+)?forces|fire\s+and\s+rescue)\b|\bwe\s+(?:are\s+|now\s+|will\s+)?assess(?:ing)?\s+(?:how\s+(?:effectively|well)\s+)?(?:the\s+)?(?:police\s+)?(?:forces|fire\s+and\s+rescue\s+services)\b|\bwe\s+rated\s+(?:\d+|all|every)\s+(?:police\s+)?(?:forces|fire\s+and\s+rescue\s+services)\b|\bour\s+terms\s+of\s+reference\s+for\s+(?:an?|the|this|our)\s+(?:[\w-]+\s+){0,2}inspection\b|\bwe\s+published\s+our\s+(?:[\w-]+\s+){0,4}(?:inspection|spotlight|thematic)\s+report\b|\bour\s+responsibilities\s+were\s+extended\s+to\s+(?:the\s+)?inspect/i;
/**
 * A quotation, to the closing mark or, where it runs on to the next paragraph, the paragraph's end;
 * in single marks, as the press quotes a report, to the first closing mark that ends a phrase (not
 * "don’t", nor a plural's "officers’ approach"); straight single marks are apostrophes too often to read.
 */
const QUOTATION = /[“"][^”"\n]*(?:[”"]|$)|‘[^‘\n]*?’(?=$|\s*[.,;:!?)]|\s+[A-Z“‘])/gm;
/**
 * A paragraph of a quotation in straight single marks, as the press sets a speech over several paragraphs, each
 * opening with a mark and only the last closing ("HM Inspector … told Capital:" / "'It is clear that …"): an
 * apostrophe does not open a paragraph before a capital.
 */
const QUOTED_PARAGRAPH = /^'[A-Z]/;
/**
 * The inspectorate's work told in the third person, as a news item or another body's page tells it:
 * "HMIC has published a thematic report", "Government inspectors have rated …", "The Inspectors
 * commented:". Not a bare "Inspectors found", which HMICFRS's own news items write too.
 */
const INSPECTORATE_THIRD_PERSON = new RegExp(
  String.raw`\b(?:HMICFRS|HMIC|inspectorate|${INSPECTORATE_OF_CONSTABULARY})\)?\s+(?:has|have)\s+(?:today\s+)?(?:published|rated|praised|judged)\b|\b(?:the|government)\s+inspectors\s+(?:have\s+)?(?:commented|said|rated|praised)\b`,
  'i',
);
/**
 * A page that sends the reader to the report elsewhere: "Download the 2016 HMIC Police Legitimacy
 * Report", "You can read the report in full here". The inspectorate offers its report as "the report",
 * not by its own name.
 */
const POINTS_TO_THE_REPORT =
  /\b(?:download|read)\s+the\s+(?:[\w-]+\s+){0,3}(?:HMICFRS|HMIC)(?:['’]s)?\s+(?:[\w-]+\s+){0,5}report\b|\b(?:read the report in full|the full report is available)\s+(?:here|at|on)\b/i;
/** A body's plan for answering a report: "This Action Plan details the proposed approach to addressing matters raised within the HMICFRS 2019 Inspection report". */
const ACTION_PLAN = /(?:^|\.\s+)(?:this|our)\s+action\s+plan\b[^.\n]{0,120}?\b(?:address|addressing|respond|responding|in response to)\b/im;
/** A force welcoming a report: "THE MPS has welcomed the HMIC's first Peel Assessment". A force's statement, not a report. */
const FORCE_WELCOMES = /\b(?:MPS|Met|Police|Constabulary|force)\s+(?:has|have)\s+welcomed\s+(?:the\s+)?(?:HMICFRS|HMIC|inspectorate)\b/i;
/**
 * The body speaking of its chief officer as the one it works with or holds to account: "I will work
 * with the Chief Constable", "I shall be asking the Chief Constable", "the Chief Constable and I". The
 * inspectorate writes "we" and a lower-case "chief constable"; a force's chief officer is not "the
 * Chief Constable" to themself. Read in quotation too: a body's statement is often its quoted words alone.
 */
const WORKS_WITH_CHIEF_OFFICER =
  /\bI\s+(?:will|shall|have|would|want)\s+(?:also\s+|continue\s+to\s+|be\s+)?(?:\w+\s+)?(?:with\s+|to\s+)?the\s+Chief\s+Constable\b|\b[Cc]hief Constable and I\b/;
/** A body's s55 comments by the section's name: "my comments in response to the above report within the meaning of section 55(5)". */
const SECTION_55_COMMENTS = /\b(?:my|our)\s+comments\b[^.]{0,120}?\bsection\s+55\b/i;

/** A report's recommendations spoken of: "how the Force are addressing the report’s recommendations". */
const REPORT_RECOMMENDATIONS =
  /\b(?:the|this)\s+report['’]s\s+recommendations\b|\brecommendations\s+(?:made\s+)?(?:in|within|of|from)\s+(?:the|this)\s+report\b/i;
/** Bodies other than the inspectorate whose reports make recommendations. */
const OTHER_REPORTING_BODY = /\b(?:IOPC|IPCC|Independent Office for Police Conduct|Ofsted|inquiry|coroner|ombudsman|audit)\b/i;

/** A sentence about a report's recommendations that names no other body whose report it might be. */
function speaksOfReportRecommendations(text: string): boolean {
  if (!REPORT_RECOMMENDATIONS.test(text)) return false;
  return sentencesOf(text).some((sentence) => REPORT_RECOMMENDATIONS.test(sentence) && !OTHER_REPORTING_BODY.test(sentence));
}

/** A register entry's title, the report's name with the entry's number: "Working together (3989)". */
const REGISTER_NUMBERED = /\(\d{3,6}\)$/;
/** Who a recommendation of the inspectorate's is for: forces and their bodies, policing's national bodies, or a force by name. */
function namesPolicing(addressee: string): boolean {
  return FORCE_LEVEL_ACTOR.test(addressee) || NATIONAL_POLICING_BODY.test(addressee) || forcesNamedIn(addressee, { areas: true }).length > 0;
}
const NATIONAL_POLICING_BODY = /\b(?:police|College of Policing|NPCC|National Police Chiefs['’] Council|Home Office)\b/i;

/** The register's status log, as its stored pages keep the markup: "[on]8th December 2016 [status]awaiting-review[/status]". */
const REGISTER_STATUS_LOG = /\[on\][^[\n]{0,40}\[(?:status|comment)\]/;

/** Up to six capitalised words: an organisation's name ("SafeLives", "The Police Federation of England and Wales"). */
const ORGANISATION_NAME = "[A-Z][\\w’'&-]*(?:\\s+(?:of\\s+|and\\s+|for\\s+)?[A-Z][\\w’'&-]*){0,5}";
/**
 * Another body welcoming or answering the report in its own name: "SafeLives welcomes progress report
 * …", "PFEW responds to State of Policing report", "… - StopWatch Response", "Fair Cop response to
 * report of HM Inspectorate …", "… is welcomed by the National Police Chief’s Council".
 */
const ORGANISATION_ANSWERS = new RegExp(
  [
    // "Staffordshire Police Federation chair Phil Jones has welcomed a report": the body, its officer's role and name.
    `^(${ORGANISATION_NAME})(?:\\s+[a-z]+){0,2}(?:\\s+[A-Z][\\w’'-]+){0,3}\\s+(?:welcomes|has\\s+welcomed|responds\\s+to|has\\s+responded\\s+to)\\b`,
    // What is answered named: "CPS Response to the HMICFRS/HMCPSI …", "NPCC response to State of Policing 2016"; not
    // "Police response to violence against women and girls", an inspection's subject.
    `^(${ORGANISATION_NAME})\\s+[Rr]esponse\\s+to\\s+(?:the\\s+)?(?:report|inspection|HMICFRS|HMIC|HMCPSI|CJJI|joint|thematic|State of Policing|recommendations)\\b`,
    `^(?:A\\s+)?[Rr]esponse\\s+from\\s+(?:the\\s+)?(${ORGANISATION_NAME})`,
    `\\bstatement\\s+(?:by|from)\\s+(?:the\\s+)?(${ORGANISATION_NAME})\\s+in\\s+response\\b`,
    `\\s[-–—]\\s+(${ORGANISATION_NAME})\\s+[Rr]esponse$`,
    `\\bis\\s+welcomed\\s+by\\s+(?:the\\s+)?(${ORGANISATION_NAME})`,
  ].join('|'),
);
/** A person's name, not an organisation's: "Dr Alan Billings", whose statement may be a commissioner's. */
const PERSONAL_TITLE = /^(?:Dr|Sir|Dame|Lord|Lady|Baroness|Cllr|Councillor|Mr|Mrs|Ms|Miss|Professor|Prof)\b/;
/** Names that answer as the inspectorate or a local policing body, whose own rules read them. */
const INSPECTORATE_OR_BODY = new RegExp(
  `${INSPECTORATE.source}|\\bInspector(?:ate|s)?\\b|\\b${LOCAL_POLICING_BODY}\\b|\\bCommissioner\\b|^(?:The|This|Our|We|I|Today|Report)$`,
  'i',
);

/** The line of the opening in which another organisation answers the report, with its name. */
function organisationAnswering(lines: string[]): string | null {
  return (
    lines.find((line) => {
      const answer = ORGANISATION_ANSWERS.exec(line);
      const name = answer?.slice(1).find(Boolean);
      // A force welcoming the report is read by its own rule, force-welcomes-report.
      if (name === undefined || INSPECTORATE_OR_BODY.test(name) || PERSONAL_TITLE.test(name) || /\b(?:Police|Constabulary)$/.test(name)) return false;
      // "Greater Manchester Police’s response to HMICFRS’s … recommendations: revisit" is the inspectorate's revisit of it.
      return !(/\bresponse\b/i.test(answer![0]) && INSPECTING_A_RESPONSE.test(line));
    }) ?? null
  );
}

/**
 * The press reporting a report: "the police watchdog", a headline "…, says HMIC", "…, inspectors say.",
 * "… neighbourhood policing – HMIC" (a byline is PRESS_BYLINE's), and the press naming its sources outside
 * quotation: "told the BBC", "the force said", "a police spokesperson said". The inspectorate neither calls
 * itself a watchdog nor signs its pages by a reporter, nor heads its news with its own name as the source,
 * nor reports what the force said of its findings.
 */
const PRESS_REPORT =
  /\bwatchdog\b|\btold\s+(?:the\s+)?(?:BBC|ITV|Capital|[A-Z][a-z]+\s+(?:News|Radio|FM))\b|\b(?:the|a)\s+force\s+(?:has\s+)?said\b|\b(?:a\s+|the\s+)?(?:force\s+|police\s+)?spokes(?:person|man|woman)\s+said\b|,\s+says\s+(?:HMICFRS|HMIC|(?:the\s+)?inspectorate|inspectors|(?:a\s+)?report)\b|,\s+(?:the\s+)?(?:HMICFRS|HMIC|inspectorate|inspectors)\s+(?:say|says)\.$/im;
/** A headline naming its source after a dash, as the press heads a report's news: "… neighbourhood policing – HMIC". */
const HEADLINE_SOURCE = /\s[–—-]\s+(?:HMICFRS|HMIC)$/;
/**
 * The press's own words for a force and a report, which no inspectorate writes of its work, though the
 * press quotes its inspectors: "under-fire police bosses", "branded the force ‘inadequate’", "has hit out
 * at", "was quizzed"; and its furniture, "Image caption".
 */
const PRESS_WORDS =
  /\b(?:under-fire|scandal-hit|crisis-hit|branded|slammed|blasted|damning|hits? back|hit out|hits out|quizzed|police chiefs? (?:have been|were) (?:told|warned))\b|^Image caption\b/im;
/** A paragraph opening on a word or two in capitals, then running on in lower case: "WILTSHIRE Police has been praised", "THE Police and Crime Commissioner for Gwent has welcomed". */
const CAPITALS_LEAD = /^([A-Z]{2,}(?:[’'-][A-Z]+)*)(?:\s+[A-Z]{2,})?(?:\s+(?:&|and)\s+[A-Z][a-z]+)?\s+(?:[A-Z][a-z]+\s+)?[a-z]/;
/** The capitals a newspaper's lead opens with that are no acronym nor a report's heading: an article, or a compound ("RE-ELECTED"). */
const LEAD_WORD = /^(?:THE|AN)$|^[A-Z]+-[A-Z]+$/;
/**
 * The first paragraph after the title led, as a newspaper sets its first paragraph, by its first
 * words in capitals: an article ("THE Police and Crime Commissioner for Gwent has welcomed"), a compound
 * ("RE-ELECTED Police and Crime Commissioner …") or a force's area ("WILTSHIRE Police has been praised", "DORSET &
 * Wiltshire Fire and Rescue Service has been commended");
 * not an acronym ("HMICFRS found", "PEEL is") nor a paper's heading run in ("REPORT of the Commissioner").
 */
function pressLead(paras: string[], openingAt: number): string | null {
  const paragraph = paras[openingAt];
  const first = paragraph === undefined ? undefined : CAPITALS_LEAD.exec(paragraph)?.[1];
  if (first === undefined) return null;
  const area = first.charAt(0) + first.slice(1).toLowerCase();
  return LEAD_WORD.test(first) || forcesNamedIn(area, { areas: true }).length > 0 ? paragraph! : null;
}

/**
 * The press writing of a body as no body writes of itself: "the crime commissioner", "police tsars",
 * a party's label after the name ("Marc Jones (Con)"), and its own furniture ("Advertisement", "Hide Ad").
 */
const PRESS_ON_BODY = /^Advertisement$|\bHide Ad\b|(?<!\b(?:and|&)\s)\b(?:crime|police) (?:commissioner|tsar|boss)s?\b|\((?:Con|Lab|LD|Lib Dem)\)/m;
/**
 * A reporter's byline or a reporter's source, which no page of the inspectorate's carries, even one
 * quoting its inspectors: "by Brian Sims", "Author: Molly Hookings", "FIRE Correspondent", "…, UK
 * Shooting News has been told".
 */
const PRESS_BYLINE =
  /^[Bb]y\s+[A-Z][a-z]+(?:\s+[A-Z][\w’'-]+){1,2}$|^(?:(?:[A-Z][\w’'-]*|and|&)\s+){0,5}(?:Editor|Reporter|Correspondent)\b|^Authors?\s*:\s*[A-Z]|,\s+(?:the\s+)?[A-Z][\w’' ]{2,40}\s+(?:has|have) been told\.$/m;
/** Where the press's marks sit: the headline, the byline and the first paragraphs. */
const PRESS_MARKS_WITHIN = 8;
/**
 * Parliament's record of a statement, a debate or a question about a report: "Volume 709: debated on
 * Tuesday 1 March 2022", "HC Deb 26 February 1997", "To ask the Secretary of State for the Home Department",
 * a written statement's "Statement UIN HCWS104" and its minister's "I wish to inform the House".
 */
const PARLIAMENTARY_RECORD =
  /^Volume \d+: debated on\b|^H[CL] Deb\b|\bTo ask (?:the Secretary of State|(?:Her|His) Majesty['’]s Government)\b|^Question to the Home Office\b|^Statement UIN\b|\bI wish to inform the House\b/m;
/**
 * A force's return on its progress against a report's recommendations, as the inspectorate's 2013 stop
 * and search form lays it out: "Recommendation / Force update / assessment of progress". The force's, though
 * it quotes the recommendations.
 */
const FORCE_PROGRESS_RETURN =
  /\bForce update\s*\/\s*assessment of progress\b|^Force update\s*\/?\s*assessment of progress$|\bRecommendations Progress Chart\b/im;
/**
 * A service's or force's own account of its progress, recommendation by recommendation: "Our progress
 * against the HMICFRS recommendations", "Our response to these recommendations", "Action we have
 * taken", "ECFRS action:"; not a body's "PCC action:". A local policing body's answer is its response.
 */
const OWN_PROGRESS =
  /\b[Oo]ur (?:progress against|response to) (?:these|the|all|each of the) (?:(?:HMICFRS|HMIC)['’]?s? )?recommendations\b|^actions? we have taken$|^(?!O?PF?CC\b)[A-Z]{3,6} action:?$/m;
/**
 * The inspectorate spoken of as "they": "HMICFRS changed the way in which they inspect forces", "For
 * more information about the HMIC, visit their site". It writes of itself as "we" or "it".
 */
const INSPECTORATE_AS_THEY = new RegExp(
  String.raw`\b(?:HMICFRS|HMIC|${INSPECTORATE_OF_CONSTABULARY})\b[^.\n]{0,100}?\b(?:they|their)\s+(?:[a-z]+\s+)?(?:site|website|inspections?|inspect|collect|believe|focused|publish|published)\b|\bvisit\s+their\s+(?:web)?site\b`,
);
/**
 * The inspectorate's publishing told with "their": "HMICFRS published their first thematic report",
 * "HMICFRS visited 11 forces as part of their fieldwork". A body's page tells it so as often as anyone's
 * (unlike INSPECTORATE_AS_THEY), so this says only that the page is not the inspectorate's.
 */
const INSPECTORATE_PUBLISHED_THEIR = new RegExp(
  String.raw`\b(?:HMICFRS|HMIC|${INSPECTORATE_OF_CONSTABULARY})\b[^.\n]{0,100}?\b(?:published|released|issued|visited)\b[^.\n]{0,60}?\btheir\s+(?:[^\s.]+\s+){0,4}?(?:report|findings|fieldwork|inspection|review|series|assessments?)\b`,
);

/** Who published a document, where its source says so: discovery's source on the inspectorate's own site. */
export type Publisher = 'inspectorate';

/** What the kind rules read: the one state they share, worked out once. */
export interface KindEvidence {
  /** Who published the document, where its source says so; null for an upload, known by its text alone. */
  publisher: Publisher | null;
  paras: string[];
  text: string;
  title: string | null;
  /** The first lines, and those after the title where a page's furniture comes first. */
  opening: string;
  /** Whether the document is about an inspection at all: one the response rules need before a body's words count. */
  aboutInspection: boolean;
  namesInspectorate: boolean;
  mentionsInspection: boolean;
  recommendations: number;
  /** How many areas for improvement and causes of concern it carries: the inspectorate's findings too. */
  statements: number;
  /** The paragraph that opens the document, after its title if it has one, when it is a recommendation's text addressed to someone in policing, or under a register entry's numbered title. */
  openingRecommendation: string | null;
  /** The paragraphs with their quotations taken out: what the document says in its own voice. */
  unquoted: string[];
  /** Whether the inspectorate speaks in its own voice outside quotation, or the page shows its site's marks or address. */
  inspectorateVoice: boolean;
  /** The same, but not its address alone, which others' pages link to. */
  inspectorateMarks: boolean;
  /** Whether an inspector is quoted speaking, as the inspectorate's news items quote one. */
  inspectorSpeaks: boolean;
  /** The opening's paragraph led in capitals, as a newspaper sets its first, if one is. */
  pressLead: string | null;
  /** Whether the opening, outside quotation, is in the press's words or led so: a body it quotes is not speaking on its own page. */
  pressPage: boolean;
}

interface KindRule {
  name: string;
  doc: string;
  kind: DocumentKind;
  /** The text the rule read when it applies, else null. */
  matches: (evidence: KindEvidence) => string | null;
  /** What such a document recommends is someone else's (another inspectorate's, a committee's), or the inspectorate's only at second hand (the press's summary): none is read. */
  othersRecommendations?: true;
}

/** The first line of `lines` that the pattern matches. */
function lineMatching(pattern: RegExp, lines: string[]): string | null {
  return lines.find((line) => pattern.test(line)) ?? null;
}

/** A response signal counts only in a document about an inspection, and not on the press's page about the body. */
function response(signal: (evidence: KindEvidence) => string | null): (evidence: KindEvidence) => string | null {
  // The press quotes a body as the body's own pages do; what it writes around the quotation is its own.
  return (evidence) => (evidence.aboutInspection && !evidence.pressPage ? signal(evidence) : null);
}

/**
 * A sign that a page is someone else's counts only on a page that neither carries findings nor speaks
 * in the inspectorate's own voice: a real report read as another's page would get no reminder at all.
 */
function withoutOwnVoice(signal: (evidence: KindEvidence) => string | null): (evidence: KindEvidence) => string | null {
  return withoutRecommendations(notTheInspectorateSpeaking(signal));
}

/** A signal that counts only where the inspectorate neither speaks in its own voice, nor shows its marks, nor is quoted speaking. */
function notTheInspectorateSpeaking(signal: (evidence: KindEvidence) => string | null): (evidence: KindEvidence) => string | null {
  return notInOwnVoice((evidence) => (evidence.inspectorSpeaks ? null : signal(evidence)));
}

/** A signal that counts only where the inspectorate neither speaks in its own voice nor shows its site's marks. */
function notInOwnVoice(signal: (evidence: KindEvidence) => string | null): (evidence: KindEvidence) => string | null {
  return (evidence) => (evidence.inspectorateVoice ? null : signal(evidence));
}

/**
 * What the inspectorate's own pages carry and others' do not: its news items' "Get the report" and
 * "Published on:", its copyright, a numbered press release ("#030/2013").
 */
const INSPECTORATE_SITE_MARKS = /^Get the report$|^Published on:|©\s*(?:HMICFRS|HMIC)\b|^#\d{3}\/\d{4}\b/m;
/** Those, or a report's ISBN, which marks the inspectorate's reports among pages about policing, though other inspectorates print one too. */
const INSPECTORATE_MARKS = new RegExp(`${INSPECTORATE_SITE_MARKS.source}|\\bISBN\\b`, 'm');
/**
 * Its site's address: its own pages give it, and others' pages link to it (givesOwnAddress tells which).
 * The prisons' and probation inspectorates and the CPS's share the domain under their own names.
 */
const INSPECTORATE_ADDRESS =
  /\b(?<!hmiprobation\.|hmiprisons\.|hmcpsi\.)justiceinspectorates\.gov\.uk\b(?!\/(?:hmiprisons|hmiprobation|hmcpsi)\b)|\bhmic\.gov\.uk\b/i;
/**
 * Another's link into the inspectorate's site: an address with a path past its own section's
 * ("…/hmicfrs/publication-html/…", "…/hmicfrs/wp-content/uploads/….pdf", "hmic.gov.uk/publication/…"),
 * but for the register's entry, whose stored page opens on its own address ("…/hmicfrs/recommendation/…");
 * or the site's name after a page's title, as a copied link gives it ("… - HMICFRS (justiceinspectorates.gov.uk)").
 */
const LINK_INTO_THE_SITE =
  /\S*(?:justiceinspectorates\.gov\.uk\/(?:hmicfrs|hmic)|hmic\.gov\.uk)\/(?!recommendation\/)[\w-]+\S*|\(justiceinspectorates\.gov\.uk\)/g;
/** What a line giving the site's own address may carry besides: the address, the copyright, the ISBN and their numbers. */
const ADDRESS_LINE_MARKS = /\S*(?:justiceinspectorates|hmic)\.gov\.uk\S*|©|\b(?:HMICFRS|HMIC|ISBN)\b|[\d:.–-]+/g;
/** Beside those, as many words as such a line may hold ("Crown copyright", "Contents"). */
const ADDRESS_LINE_WORDS = 2;
/**
 * Whether a paragraph gives the inspectorate's address as its own pages do: on a line of its own, as
 * under a report's copyright and ISBN, or as "our website". Another's page points to it in a sentence
 * ("Read more at www.justiceinspectorates.gov.uk/hmicfrs"), or links into it.
 */
function givesOwnAddress(paragraph: string): boolean {
  // Tried on every paragraph: most name no address, and need not have their links taken out.
  if (!INSPECTORATE_ADDRESS.test(paragraph)) return false;
  const withoutLinks = paragraph.replace(LINK_INTO_THE_SITE, ' ');
  if (!INSPECTORATE_ADDRESS.test(withoutLinks)) return false;
  return /\bour websites?\b/i.test(withoutLinks) || withoutLinks.replace(ADDRESS_LINE_MARKS, ' ').split(/\s+/).filter(Boolean).length <= ADDRESS_LINE_WORDS;
}
/**
 * An inspector speaking in the inspectorate's name, as its news items quote one: "HM Inspector of
 * Constabulary Zoë Billingham said:", "HMI Mike Cunningham, who led the inspection, said:", the quotation after. The press also reports what an inspector
 * said ("… said she was concerned"); the inspectorate's own items quote its inspectors directly.
 */
const INSPECTOR_SPEAKS = new RegExp(String.raw`\b(?:${MAJESTYS}\s+(?:Chief\s+)?Inspector|HMI)\b[^.\n]{0,80}\b(?:said|says)\s*[:;,]?\s*(?:$|[“"‘'])`, 'm');

/**
 * A body's words count only where the inspectorate does not speak in its own voice: a report names the
 * PCC too ("the PCC has written to the Home Office"), and one read as a body's response gets no reminder.
 */
function bodyPage(signal: (evidence: KindEvidence) => string | null): (evidence: KindEvidence) => string | null {
  return response(notInOwnVoice(signal));
}

/** A page about a report counts only when it carries none of the recommendations: one that does is the report’s. */
function withoutRecommendations(signal: (evidence: KindEvidence) => string | null): (evidence: KindEvidence) => string | null {
  return (evidence) => (evidence.recommendations === 0 ? signal(evidence) : null);
}

/** What the inspectorate's own news says it does, after its name: "HMICFRS welcomes …", "Inspectorate publishes …". */
const OWN_NEWS_VERB = '(?:welcomes|publishes|responds|announces|launches)';
/**
 * A title the inspectorate gives its own publications: an inspection, PEEL and its questions, a review
 * or revisit, monitoring, its chief inspector's annual report, "Report on …", its own news ("Inspectorate
 * welcomes …"), or its byline run into the title ("Custody in Kent by HM Inspectorate of Prisons and …").
 */
const OWN_PUBLICATION_TITLE = new RegExp(
  String.raw`\b(?:inspections?|PEEL|effectiveness|efficiency|legitimacy|thematic|(?:interim|progress|final) report|annual (?:report|assessment)|state of policing|review|revisit|cause of concern|monitoring|chief inspector)\b|^report on\b|^(?:the )?(?:inspectorate|HMICFRS)\s+${OWN_NEWS_VERB}\b|\bby ${MAJESTYS}\s+Inspectorates?\b`,
  'i',
);
/**
 * A title calling its page a response: "Response to …", "RESPONSE ON …", "… – Nottinghamshire Police
 * Response", "Response of the Police and Crime Commissioner of Wiltshire and Swindon to …".
 */
const TITLED_RESPONSE = new RegExp(
  String.raw`^response\s+(?:on|to)\b|\s[–—-]\s+(?:[\w’'-]+\s+){0,3}response$|^response\s+(?:of|from|by)\s+(?:the\s+)?(?:(?!to\b)[\w&'’-]+\s+){0,4}?(?:PCC|PFCC|OPCC|${COMMISSIONER_TITLE}|(?:Deputy\s+)?Mayor)\b`,
  'i',
);
/**
 * Another's title: one naming the inspectorate's reports or inspections as someone else's ("HMIC Reports
 * welcomed", "HMIC report just echoes …", "HMIC’s Inspection of Stop and Search", "Second Tranche of
 * HMICFRS Inspection Reports", "… responds to HMICFRS …"; not a cover's "… – HMIC Inspection Report"), or an answer's ("RESPONSE ON HMIC PEEL EFFICIENCY REPORT", "PEEL: Police
 * effectiveness 2016 – Nottinghamshire Police Response"), or one that opens with the inspectorate's
 * name as a headline's subject ("HMIC releases report on …", "HMICFRS Inspection Update"): of the
 * titles so opening in the unseen documents, over ten in eleven were others' pages. The inspectorate
 * names its publications by their subjects, its name first only before the inspection it names
 * ("HMIC Stalking and Harassment inspection", "HMIC public order review") or in its own news
 * ("HMICFRS welcomes …").
 */
const TITLE_OF_ANOTHER = new RegExp(
  `^(?:HMICFRS|HMIC)\\b(?!\\s+${OWN_NEWS_VERB}\\b)(?!.*\\b(?:re-?)?(?:inspection|review)$)|\\b(?:HMICFRS|HMIC)(?:['’]s?|\\s+(?:inspection\\s+)?(?:reports\\b|report\\b(?!\\s*$))|\\s+inspections\\b)|\\brespon(?:ds?|ses?)\\s+to\\s+(?:the\\s+)?(?:HMICFRS|HMIC)\\b|${TITLED_RESPONSE.source}`,
  'i',
);
/**
 * A title that asks, as a magazine's headline does ("The final fifteen inspections: more of the same?").
 * The inspectorate asks in a title's first part ("Getting the balance right? An inspection of …"), and its
 * few titles that end on a question ("Missing children: who cares?") are not of the shapes
 * OWN_PUBLICATION_TITLE takes for its own, so one that ends so is taken as a headline.
 */
const HEADLINE_QUESTION = /\?\s*$/;
/** The inspectorate's site's links and crumbs: "Get the letter", "Printable version", "Print this document", "Part of:", "Read ‘Crime recording in Kent’". */
const OWN_SITE_LINKS = /^(?:Get the (?:letter|report|inspection)\b|Printable version\b|Print this document$|Part of:|Read [‘'"“])|\|\s*Printable version\b/m;
/** The inspectorate's name standing alone at the top, as its site's header (a reprint's date before it): another's page names it in a sentence. */
const OWN_SITE_HEADER = new RegExp(String.raw`^\s*(?:date \d{4}-\d{2}-\d{2}\s+)?${MAJESTYS}\s+${INSPECTORATE_OF_CONSTABULARY}(?: \(HMICFRS\))?\s*$`);
/** A letter's signature: the inspector's title on a line of its own. */
const INSPECTOR_SIGNS = new RegExp(`^${MAJESTYS} (?:Chief )?Inspectors? of Constabulary(?: and (?:of )?Fire (?:and|&) Rescue Services)?$`, 'im');
/**
 * The inspectorate or an inspector writing, deciding or named as the publisher: "said …, HM Inspector
 * of Constabulary", "has written to all chief constables", "HMICFRS has decided", a byline "by HM
 * Inspectorate of Constabulary", a letter to a chief constable, commissioner or mayor, "This is HMIC’s
 * second assessment", "In making this assessment I", "section 54 … requires me to submit", its
 * inspection speaking of itself, "This inspection by HMCPSI and HMIC identified …" (a body writes of
 * "this report from HMIC"), or a publication page's label naming it ("Department" over "HM Inspectorate of Constabulary").
 */
const INSPECTORATE_WRITES = new RegExp(
  String.raw`\b(?:said|says)\s+[A-Z][^.\n]{0,80}\b${MAJESTYS}\s+(?:Chief\s+)?Inspector\b|\bInspector of Constabulary\b[^.\n]{0,80}\b(?:wrote|has written|writes|has decided|decided)\b|\b(?:HMICFRS|HMIC) (?:writes|wrote|has written|has decided|decided)\b|^by ${MAJESTYS}\s+Inspectorate\b|^Dear (?:Chief Constable|Commissioner|Mayor)\b|\bThis is (?:HMIC|HMICFRS)['’]s\b|\bpress release (?:from|by) (?:HMICFRS|HMIC)\b|\bIn making this assessment I\b|\brequires me to (?:submit|report|publish)\b|\bThis (?:joint )?inspection\b[^.\n]{0,40}\bby (?:HMCPSI and |HMI Probation and |HMI Prisons and )?(?:HMICFRS|HMIC)\b|^(?:Department|From|Published by)\s*:?\s*\n?${MAJESTYS}\s+${INSPECTORATE_OF_CONSTABULARY}(?:\s+\((?:HMICFRS|HMIC)\))?$`,
  'im',
);

/** A cover's title broken before the place its byline names: "Report on an unannounced inspection visit to police custody suites in". */
const COVER_LINE_BROKEN = /\b(?:in|of|at|for|on)$/;

/**
 * Whether a page that names the inspectorate may still be its own: carrying areas for improvement
 * or causes of concern, titled as its publications are (not asking, as a headline may), showing its
 * site's links or header, or with an inspector writing or signing. Only then does a page told of the
 * inspectorate in the third person stay its report.
 */
function mayBeTheInspectorates({ title, text, paras, statements }: KindEvidence): boolean {
  return (
    statements > 0 ||
    (title !== null && OWN_PUBLICATION_TITLE.test(title) && !TITLE_OF_ANOTHER.test(title) && !HEADLINE_QUESTION.test(title)) ||
    OWN_SITE_LINKS.test(text) ||
    paras.slice(0, 3).some((paragraph) => OWN_SITE_HEADER.test(paragraph)) ||
    INSPECTORATE_WRITES.test(text) ||
    // The joint byline, as a cover gives it, run onto a title or under it, or further down a document site's copy
    // where the cover's title broke before it ("… police custody suites in" / "North Wales by HM Inspectorate of
    // Prisons and HM Inspectorate of Constabulary"); not a listed citation of the report further on.
    paras
      .slice(0, BANNER_WITHIN)
      .some((paragraph, index) => JOINT_INSPECTORATES_BYLINE.test(paragraph) && (index < 2 || COVER_LINE_BROKEN.test(paras[index - 1]!))) ||
    INSPECTOR_SIGNS.test(text)
  );
}

/**
 * The body's own meeting with its force, as its minutes or agenda name the chair or list the body
 * first by its title and initials: "Chair: PCC John Campion", "• Chair – Zoë Metcalfe, North Yorkshire
 * Police Fire and Crime Commissioner", "PFCC Stephen Mold (SM)". A panel's minutes
 * name their own chair, a councillor; a report or minutes that say in passing that a board is "chaired by
 * the PCC" are not the body's meeting, so that is not read.
 */
const CHAIRED_BY_BODY = new RegExp(
  `^(?:[•·▪●◦‣-]\\s*)?Chair(?:ed\\s+by)?\\s*[:–—-]?\\s*(?:the\\s+)?(?:Deputy\\s+)?(?:${CAPITALISED_WORDS},\\s+(?:${CAPITALISED_WORDS}\\s+)?)?${BODY_ROLE}|^(?:PCC|PFCC)\\s+${CAPITALISED_WORDS}\\s+\\([A-Z]{2,4}\\)$`,
);

/**
 * How a body's site titles a report in its list of the inspectorate's reports: the inspectorate's name,
 * a dash, the report's ("HMICFRS - Review of policing domestic abuse during the pandemic"). The
 * inspectorate puts its name after a report's, if at all ("British Transport Police – HMIC Inspection Report").
 */
const LISTED_REPORT_TITLE = /^(?:HMICFRS|HMIC)\s+[–—-]\s+\S/;
/** A body's link to the report it lists, on a line of its own: "The report can be viewed here." */
const REPORT_VIEWED_HERE = /^(?:The|This) (?:full |interim |final )?report can be viewed here\.?$/im;

/** How the inspectorate's questions for a force or a service open. */
const INSPECTION_QUESTION = '^How (?:effective|efficient|legitimate|well) (?:is|does) the';
/**
 * A PEEL question as the inspectorate's pages head their findings: "How efficient is the force at keeping people safe and
 * reducing crime?", or as PEEL 2014 asked of legitimacy: "Does the force act with integrity and provide a service the public expects?".
 */
const PEEL_QUESTION = new RegExp(`(?:${INSPECTION_QUESTION} (?:force|constabulary)|^Does the (?:force|constabulary))\\b.*\\?$`, 'm');
/**
 * The inspectorate's question for a force or a fire and rescue service, its grade a few lines under it, as its
 * pages give each pillar: "How effective is the fire and rescue service at keeping people safe …?", "Last
 * updated 17/12/2019", "Requires improvement", or the grade in a sentence: "… Service’s overall effectiveness is good.".
 */
const GRADED_QUESTION = new RegExp(
  `${INSPECTION_QUESTION} (?:force|constabulary|(?:fire and rescue )?service)\\b.*\\?\\n(?:.*\\n){0,2}(?:Outstanding|Good|Adequate|Requires improvement|Inadequate|.*\\boverall (?:effectiveness|efficiency|legitimacy) is (?:outstanding|good|adequate|inadequate|requires improvement)\\.)$`,
  'm',
);

/** The inspectorate's question for forces or services, in the plural a national report asks it, as a contents entry with its page number. */
const CONTENTS_QUESTION =
  /^\s*How (?:effective|efficient|legitimate|well) (?:is|are|does|do) the (?:forces?|constabulary|services?|police)\b[^?\n]*\?\s+\d{1,3}\s*$/m;

/**
 * A PEEL assessment weighing its evidence, as PEEL 2014's pages do without the word "inspection" in the
 * singular: "… the evidence available from inspections undertaken in the past 12 months", "In making this assessment I …".
 */
const PEEL_ASSESSMENT_EVIDENCE = /\bevidence available from (?:the |our )?inspections\b|\bIn making this assessment,? I\b/i;

/** The kind rules, in order: the first that matches gives the kind. */
export const KIND_RULES: readonly KindRule[] = [
  {
    name: 'body-chairs-its-meeting',
    doc: 'The minutes or agenda of the body’s own meeting with its force, about an inspection: "Chair: PCC John Campion", "PFCC Stephen Mold (SM)" heading the attendees.',
    kind: 'pcc-response',
    matches: response(withoutRecommendations(notInOwnVoice((evidence) => lineMatching(CHAIRED_BY_BODY, evidence.paras.slice(0, 20))))),
  },
  {
    name: 'third-party-page',
    doc: 'A panel’s or committee’s minutes, or a tracker’s page, about reports, carrying none of their recommendations.',
    kind: 'other',
    // The inspectorate's own report may open on a committee's words about it: "The committee considered the role we had played".
    matches: withoutRecommendations((evidence) => (evidence.inspectorateMarks ? null : lineMatching(THIRD_PARTY_PAGE, evidence.opening.split('\n')))),
  },
  {
    name: 'association-page',
    doc: 'A page by the bodies’ or chiefs’ association or the College of Policing, named at its head or as its speakers: "APCC Victims Leads … said". Not one body’s response.',
    kind: 'other',
    matches: (evidence) =>
      lineMatching(ASSOCIATION_HEADING, [evidence.title ?? '', evidence.paras[0] ?? '']) ??
      lineMatching(ASSOCIATION_SPEAKERS, [...evidence.paras.slice(0, 4), ...evidence.opening.split('\n')]),
  },
  {
    name: 'federation-page',
    doc: 'A page of the officers’ association, the Police Federation, named at its head or as its speaker, where the inspectorate never speaks: "…, says Humberside Police Federation’s secretary".',
    kind: 'other',
    matches: withoutRecommendations(
      notInOwnVoice(
        (evidence) =>
          lineMatching(FEDERATION_HEADING, [evidence.title ?? '', evidence.paras[0] ?? '']) ??
          lineMatching(FEDERATION_SPEAKS, [...evidence.paras.slice(0, 4), ...evidence.opening.split('\n')]),
      ),
    ),
  },
  {
    name: 'body-names-its-response',
    doc: 'The opening names, outside quotation, a local policing body’s response, comments or statement: "Commissioner’s response to …", "COMMISSIONER’S STATEMENT ON …".',
    kind: 'pcc-response',
    matches: response((evidence) => evidence.opening.split('\n').find((line) => namesItsResponse(line, evidence.text)) ?? null),
  },
  {
    name: 'body-names-its-response-in-a-heading',
    doc: 'A heading-like line further down naming the body’s response or statement: "The Commissioner’s response to the HMICFRS report"; lines for several areas are a listing.',
    kind: 'pcc-response',
    matches: response((evidence) => {
      const headings = evidence.paras.filter(
        (paragraph) => paragraph.split(' ').length <= 12 && !/[.]$/.test(paragraph) && namesItsResponse(paragraph, evidence.text),
      );
      // The report's own page links to the bodies' responses, one line for each area: a listing, not a response.
      const areas = new Set(headings.flatMap((heading) => forcesNamedIn(heading, { areas: true })));
      return headings.length > 0 && areas.size < 2 ? headings[0]! : null;
    }),
  },
  {
    name: 'body-page-for-a-report',
    doc: 'A body’s page for one report in its list of the inspectorate’s, titled by both their names and linking to it: "HMICFRS - Regional Organised Crime Units …" over "The report can be viewed here".',
    kind: 'pcc-response',
    matches: response(({ title, paras }) => (title !== null && LISTED_REPORT_TITLE.test(title) ? lineMatching(REPORT_VIEWED_HERE, paras) : null)),
  },
  {
    name: 'holds-force-to-account',
    doc: 'The body speaking as itself, outside quotation and reported speech, of its duty: "we hold the force to account for their delivery", "through my accountability meetings".',
    kind: 'pcc-response',
    matches: response((evidence) => lineMatching(HOLDS_TO_ACCOUNT, evidence.unquoted.slice(0, 10))),
  },
  {
    name: 'speaks-as-the-body',
    doc: 'A person speaking, outside quotation, in the body’s office: "As your Police and Crime Commissioner, I …", "my role as PCC".',
    kind: 'pcc-response',
    matches: bodyPage((evidence) => lineMatching(SPEAKS_AS_THE_BODY, evidence.unquoted)),
  },
  {
    name: 'body-statement',
    doc: 'The opening has a local policing body welcoming or announcing: "Norfolk’s PCC has welcomed …".',
    kind: 'pcc-response',
    matches: response((evidence) => lineMatching(BODY_STATEMENT, evidence.opening.split('\n'))),
  },
  {
    name: 'body-comments',
    doc: 'The opening has a local policing body commenting on the report: "Commenting on the HMIC report, Surrey’s PCC said".',
    kind: 'pcc-response',
    matches: response((evidence) => lineMatching(BODY_COMMENTS, evidence.opening.split('\n'))),
  },
  {
    name: 'writing-in-response',
    doc: 'A letter "writing in response to" a report.',
    kind: 'pcc-response',
    matches: response((evidence) => lineMatching(WRITING_IN_RESPONSE, evidence.paras)),
  },
  {
    name: 'section-55-comments',
    doc: 'A body giving its comments by the section’s name: "my comments in response to the above report within the meaning of section 55(5)".',
    kind: 'pcc-response',
    matches: response((evidence) => lineMatching(SECTION_55_COMMENTS, evidence.paras)),
  },
  {
    name: 'invites-chief-officer',
    doc: 'The body inviting the chief officer’s comments, as s55(4) asks: "I have asked the Chief Constable to comment".',
    kind: 'pcc-response',
    matches: response((evidence) => lineMatching(INVITES_CHIEF_OFFICER, evidence.paras)),
  },
  {
    name: 'signed-by-body',
    doc: 'Signed by a commissioner, at the end or under the title: "David Munro, Surrey Police and Crime Commissioner".',
    kind: 'pcc-response',
    matches: response((evidence) => lineMatching(SIGNED_BY_BODY, [...evidence.paras.slice(-3), ...evidence.opening.split('\n')])),
  },
  {
    name: 'works-with-chief-officer',
    doc: 'The body speaking of its chief officer as the one it works with or questions: "I will work with the Chief Constable", "the Chief Constable and I", though in quotation.',
    kind: 'pcc-response',
    matches: bodyPage((evidence) => (evidence.inspectorSpeaks ? null : lineMatching(WORKS_WITH_CHIEF_OFFICER, evidence.paras))),
  },
  {
    name: 'body-speaks',
    doc: 'The opening has the body saying or doing something in its own name: "PCC John Campion said:", "Police and Crime Commissioner Dafydd Llywelyn has today published …", "My statement following …".',
    kind: 'pcc-response',
    matches: bodyPage((evidence) => {
      const opening = speakersInOpening(evidence);
      const speaker = opening.find((line) => BODY_SPEAKS.test(line));
      return speaker === undefined || chiefOfficerSpeaksFirst(opening) ? null : speaker;
    }),
  },
  {
    name: 'person-answers-as-i',
    doc: 'A person answering the report at the opening, then speaking as "I": "Nick Alston responds to HMIC report …" then "I am therefore disappointed".',
    kind: 'pcc-response',
    matches: bodyPage((evidence) =>
      evidence.unquoted.some((paragraph) => FIRST_PERSON.test(paragraph)) ? personAnswering(evidence.opening.split('\n')) : null,
    ),
  },
  {
    name: 'body-states-its-duty',
    doc: 'The body stating its own duty to answer, or pointing anywhere on the page to its answers below: "The Police and Crime Commissioner (PCC) has a responsibility to respond to reports".',
    kind: 'pcc-response',
    matches: bodyPage((evidence) => {
      const head = evidence.unquoted.slice(0, DUTY_STATED_WITHIN);
      return lineMatching(BODY_DUTY_TO_RESPOND, head) ?? lineMatching(BODY_RESPONSES_LISTED, evidence.unquoted);
    }),
  },
  {
    name: 'our-response-on-a-body-page',
    doc: 'A heading "Our response to …" on a page that names a local policing body: the body’s answer, alone or with its force.',
    kind: 'pcc-response',
    matches: bodyPage((evidence) =>
      evidence.unquoted.some((paragraph) => BODY_BY_TITLE.test(paragraph)) ? lineMatching(OUR_RESPONSE_HEADING, evidence.paras) : null,
    ),
  },
  {
    name: 'body-site-banner',
    doc: 'A page under a local policing body’s banner in its first lines: "Office of the Bedfordshire Police and Crime Commissioner", "Looking for Norfolk Police?".',
    kind: 'pcc-response',
    matches: bodyPage(({ paras }) => {
      const head = paras.slice(0, BANNER_WITHIN);
      // A letter's address block names the body it is sent to: "To: / Roger Hirst / Essex Police, Fire and Crime Commissioner".
      if (head.some((paragraph) => LETTER_FIELD.test(paragraph))) return null;
      return (
        lineMatching(
          BODY_BANNER,
          head.filter((paragraph) => SITE_NAME.test(paragraph)),
        ) ??
        lineMatching(ARCHIVED_BODY_SITE, head) ??
        lineMatching(POINTS_TO_ITS_FORCE, head)
      );
    }),
  },
  {
    name: 'inspectorate-as-they-on-a-body-page',
    doc: 'A page naming a local policing body that speaks of the inspectorate as "they": the body’s page about the inspectorate’s reports.',
    kind: 'pcc-response',
    matches: bodyPage(({ unquoted }) => (unquoted.some((paragraph) => BODY_BY_TITLE.test(paragraph)) ? lineMatching(INSPECTORATE_AS_THEY, unquoted) : null)),
  },
  {
    name: 'other-body-response',
    doc: 'Another body’s response to the recommendations (the NPCC’s, a force’s): neither a report nor an s55 response.',
    kind: 'other',
    matches: ({ title }) => (title !== null && OTHER_BODY_RESPONSE.test(title) && !INSPECTING_A_RESPONSE.test(title) ? title : null),
  },
  {
    name: 'organisation-answers',
    doc: 'Another organisation welcoming or answering the report in its own name at the opening: "SafeLives welcomes …", "PFEW responds to …", "… - StopWatch Response".',
    kind: 'other',
    matches: notInOwnVoice((evidence) => organisationAnswering(evidence.opening.split('\n'))),
  },
  {
    name: 'titled-response-to',
    doc: 'A title that calls the page a response: "Response to …", "RESPONSE ON …", "PEEL: Police effectiveness 2016 – Nottinghamshire Police Response", "Response of the Police and Crime Commissioner of … to …".',
    kind: 'pcc-response',
    matches: response((evidence) =>
      evidence.title !== null &&
      TITLED_RESPONSE.test(evidence.title) &&
      (TITLE_NAMES_BODY.test(evidence.title) || !chiefOfficerSpeaksFirst(speakersInOpening(evidence)))
        ? evidence.title
        : null,
    ),
  },
  {
    name: 'published-by-the-inspectorate',
    doc: 'A document discovery fetched from the inspectorate’s own site, not answering it in another body’s name: the inspectorate’s, whatever else its words suggest.',
    kind: 'hmicfrs-report',
    // After the rules for a body's or another organisation's answer, which the inspectorate's site republishes beside its reports.
    matches: ({ publisher }) => (publisher === 'inspectorate' ? 'publisher: inspectorate (the document’s source)' : null),
  },
  {
    name: 'parliamentary-record',
    doc: 'Parliament’s record of a statement, debate or question about a report: "Volume 709: debated on …", "HC Deb …", "To ask the Secretary of State …".',
    kind: 'other',
    matches: ({ paras }) => lineMatching(PARLIAMENTARY_RECORD, paras.slice(0, BANNER_WITHIN)),
  },
  {
    name: 'scottish-policing',
    doc: 'A page about policing or fire and rescue in Scotland (Police Scotland, HMICS, HMFSI, the Scottish Executive) that names no force, country or inspectorate of England and Wales.',
    kind: 'other',
    othersRecommendations: true,
    matches: ({ text }) => (ENGLAND_AND_WALES.test(text) || forcesNamedIn(text).length > 0 ? null : (text.match(SCOTTISH_SERVICES)?.[0] ?? null)),
  },
  {
    name: 'committee-report',
    doc: 'A parliamentary committee’s report, by its site’s "… Contents" or its conclusions’ "(Paragraph 15)": its recommendations, in its own "We", are the committee’s.',
    kind: 'other',
    othersRecommendations: true,
    matches: ({ paras, text, inspectorateMarks }) => {
      if (!COMMITTEE_VOICE.test(text)) return null;
      // Each conclusion citing the paragraph it comes from is the committee's, whatever its "We recommend".
      const cited = text.match(COMMITTEE_PARAGRAPH_CITED) ?? [];
      if (cited.length >= COMMITTEE_CITATIONS) return cited[0]!;
      return inspectorateMarks ? null : lineMatching(COMMITTEE_REPORT_PAGE, paras.slice(0, 3));
    },
  },
  {
    name: 'force-progress-return',
    doc: 'A force’s or service’s own account of its progress against the recommendations ("Force update / assessment of progress", "Action we have taken"), quoting them.',
    kind: 'other',
    matches: (evidence) =>
      REGISTER_STATUS_LOG.test(evidence.text)
        ? null
        : (lineMatching(FORCE_PROGRESS_RETURN, evidence.opening.split('\n')) ?? lineMatching(OWN_PROGRESS, evidence.paras.slice(0, 15))),
  },
  {
    name: 'press-byline',
    doc: 'A reporter’s byline or source at the head of a page about a report: "by Brian Sims", "Author: …", "…, the paper has been told.", though it quotes an inspector.',
    kind: 'other',
    matches: withoutRecommendations(notInOwnVoice(({ unquoted }) => lineMatching(PRESS_BYLINE, unquoted.slice(0, PRESS_MARKS_WITHIN)))),
  },
  {
    name: 'press-words',
    doc: 'The press’s own words in the opening, outside quotation: "Under-fire police bosses …", "… branded the force ‘inadequate’".',
    kind: 'other',
    matches: notInOwnVoice(({ unquoted, title }) => lineMatching(PRESS_WORDS, [title ?? '', ...unquoted.slice(0, PRESS_MARKS_WITHIN)])),
    othersRecommendations: true,
  },
  {
    name: 'press-lead',
    doc: 'A newspaper’s lead, its first words in capitals, though a body is its subject: "WILTSHIRE Police has been praised", "THE Police and Crime Commissioner for Gwent has welcomed".',
    kind: 'other',
    matches: notInOwnVoice(({ pressLead }) => pressLead),
    othersRecommendations: true,
  },
  {
    name: 'press-report',
    doc: 'The press reporting the report, though it quotes an inspector: "the police watchdog", a headline "…, says HMIC" or "… – HMIC". What it prints of the recommendations is its summary.',
    kind: 'other',
    matches: notInOwnVoice(
      ({ unquoted, title }) =>
        lineMatching(PRESS_REPORT, [title ?? '', ...unquoted.slice(0, PRESS_MARKS_WITHIN)]) ?? lineMatching(HEADLINE_SOURCE, [title ?? '']),
    ),
    othersRecommendations: true,
  },
  {
    name: 'inspectorate-as-they',
    doc: 'A page that speaks of the inspectorate as "they" ("visit their site", "HMICFRS published their report"): someone else’s page about its reports, though it lists their recommendations.',
    kind: 'other',
    matches: notTheInspectorateSpeaking(({ unquoted }) => lineMatching(INSPECTORATE_AS_THEY, unquoted) ?? lineMatching(INSPECTORATE_PUBLISHED_THEIR, unquoted)),
  },
  {
    name: 'force-accepts-findings',
    doc: 'The force or service inspected answering for itself: accepting the findings, or speaking of "our latest HMICFRS inspection". A force’s statement, not an s55 response.',
    kind: 'other',
    matches: (evidence) => {
      const opening = evidence.paras.slice(0, 15);
      return lineMatching(FORCE_ACCEPTS_FINDINGS, opening) ?? lineMatching(INSPECTED_SPEAKS, opening);
    },
  },
  {
    name: 'letter-from-another-body',
    doc: 'A letter whose title says it is from someone other than the inspectorate: "Letter from the Home Secretary to …".',
    kind: 'other',
    matches: ({ title, text }) => (title !== null && LETTER_FROM_ANOTHER.test(title) && !writtenByAnInspector(title, text) ? title : null),
  },
  {
    name: 'other-inspectorate',
    doc: 'Another inspectorate’s report (HM Inspectorate of Prisons, Ofsted) that never names the police inspectorate nor carries its site’s marks.',
    kind: 'other',
    othersRecommendations: true,
    matches: (evidence) =>
      !evidence.namesInspectorate && !INSPECTORATE_SITE_MARKS.test(evidence.text) ? (evidence.text.match(OTHER_INSPECTORATE)?.[0] ?? null) : null,
  },
  {
    name: 'points-to-the-report',
    doc: 'A page sending the reader to the report elsewhere: "Download the 2016 HMIC … Report", "read the report in full here".',
    kind: 'other',
    matches: withoutRecommendations((evidence) => lineMatching(POINTS_TO_THE_REPORT, evidence.paras)),
  },
  {
    name: 'action-plan',
    doc: 'A body’s action plan for addressing what a report raised: "This Action Plan details the proposed approach to addressing …".',
    kind: 'other',
    matches: withoutRecommendations((evidence) => lineMatching(ACTION_PLAN, evidence.paras.slice(0, 15))),
  },
  {
    name: 'force-welcomes-report',
    doc: 'A force welcoming the inspectorate’s report: "THE MPS has welcomed the HMIC’s first Peel Assessment".',
    kind: 'other',
    matches: withoutRecommendations((evidence) => lineMatching(FORCE_WELCOMES, evidence.paras.slice(0, 15))),
  },
  {
    name: 'inspectorate-in-third-person',
    doc: 'The inspectorate’s work told by someone else, never in its own voice: "HMIC has published …", "Government inspectors have rated …".',
    kind: 'other',
    matches: withoutOwnVoice(({ unquoted }) => lineMatching(INSPECTORATE_THIRD_PERSON, unquoted)),
  },
  {
    name: 'super-complaint-report',
    doc: 'A super-complaint’s report, which the inspectorate leads: its "Senior panel foreword".',
    kind: 'hmicfrs-report',
    matches: ({ paras }) => lineMatching(SENIOR_PANEL_FOREWORD, paras.slice(0, SPEAKER_NAMED_WITHIN)),
  },
  {
    name: 'national-inspection-opening',
    doc: 'HMICFRS’s opening of a national inspection: "An inspection into how well the police …".',
    kind: 'hmicfrs-report',
    // Not the title quoted by another's page: "The report led by Matt Parr, which is ‘an inspection into …’".
    matches: (evidence) =>
      lineMatching(
        NATIONAL_INSPECTION,
        evidence.opening.split('\n').map((line) => line.replace(QUOTATION, '')),
      ),
  },
  {
    name: 'chief-officer-quoted',
    doc: 'A page quoting the force’s chief officer by name, never in the inspectorate’s own voice: the press’s page about a report, or the force’s.',
    kind: 'other',
    matches: withoutOwnVoice(({ paras }) => lineMatching(CHIEF_OFFICER_QUOTED, paras)),
  },
  {
    name: 'news-site-furniture',
    doc: 'A news site’s or blog’s furniture ("Subscribe Now", "Picture: submitted", "Leave a Reply") on a page that never speaks as the inspectorate, though it quotes an inspector.',
    kind: 'other',
    matches: withoutRecommendations(notInOwnVoice(({ paras }) => lineMatching(NEWS_SITE_FURNITURE, paras) ?? lineMatching(NEWS_SITE_LINKS, paras))),
  },
  {
    name: 'quick-exit-site',
    doc: 'A page on a site with a quick-exit button, as forces’, commissioners’ and charities’ sites have and the inspectorate’s has not: not its report.',
    kind: 'other',
    matches: notInOwnVoice(({ paras }) => lineMatching(QUICK_EXIT, paras.slice(0, BANNER_WITHIN))),
  },
  {
    name: 'inspectorate-told-of',
    doc: 'A page that names the inspectorate but never speaks as it, shows its marks, quotes an inspector or carries a finding: someone else’s page about its work.',
    kind: 'other',
    matches: withoutOwnVoice((evidence) =>
      evidence.namesInspectorate && !mayBeTheInspectorates(evidence) ? lineMatching(INSPECTORATE, evidence.paras) : null,
    ),
  },
  {
    name: 'names-inspectorate',
    doc: 'The inspectorate named anywhere: HMICFRS, HMIC, Her or His Majesty’s Inspector.',
    kind: 'hmicfrs-report',
    matches: (evidence) => (evidence.namesInspectorate ? lineMatching(INSPECTORATE, evidence.paras) : null),
  },
  {
    name: 'peel-programme',
    doc: 'PEEL, the inspectorate’s own programme, in the opening of a page of findings, about an inspection or weighing the inspections’ evidence.',
    kind: 'hmicfrs-report',
    matches: (evidence) => (evidence.aboutInspection || PEEL_ASSESSMENT_EVIDENCE.test(evidence.text) ? lineMatching(PEEL, evidence.opening.split('\n')) : null),
  },
  {
    name: 'inspection-report-title',
    doc: 'A title that calls the document an inspection report: "…: Final inspection report", "Report on an unannounced inspection …".',
    kind: 'hmicfrs-report',
    matches: ({ title }) => (title !== null && INSPECTION_REPORT_TITLE.test(title) ? title : null),
  },
  {
    name: 'inspection-with-recommendations',
    doc: 'A document about an inspection that makes recommendations.',
    kind: 'hmicfrs-report',
    matches: (evidence) => (evidence.mentionsInspection && evidence.recommendations > 0 ? lineMatching(/\binspection\b/i, evidence.paras) : null),
  },
  {
    name: 'inspectorate-own-voice',
    doc: 'The inspectorate speaking for itself outside quotation: "We set out our detailed findings below", "our judgment of the service".',
    kind: 'hmicfrs-report',
    matches: ({ unquoted }) => lineMatching(OWN_VOICE, unquoted),
  },
  {
    name: 'inspectorate-site-marks',
    doc: 'A page about an inspection showing the inspectorate’s site’s marks ("Published on:", "Get the report", its copyright) that never names the inspectorate.',
    kind: 'hmicfrs-report',
    matches: (evidence) =>
      /\binspect/i.test(evidence.text) ? (lineMatching(INSPECTORATE_MARKS, evidence.paras) ?? evidence.paras.find(givesOwnAddress) ?? null) : null,
  },
  {
    name: 'register-status-log',
    doc: 'The status log of HMICFRS’s recommendation register: "[on]21st September 2015 [status]awaiting-review[/status][/on]".',
    kind: 'hmicfrs-report',
    matches: (evidence) => (evidence.recommendations > 0 ? lineMatching(REGISTER_STATUS_LOG, evidence.paras) : null),
  },
  {
    name: 'opens-with-a-recommendation',
    doc: 'A page that opens with a recommendation, as the inspectorate’s register gives an entry: "By 31 August 2015, all chief constables should …".',
    kind: 'hmicfrs-report',
    matches: ({ openingRecommendation }) => openingRecommendation,
  },
  {
    name: 'graded-question',
    doc: 'The inspectorate’s question for a force or service with its grade under it: "How effective is the fire and rescue service at …?" over "Requires improvement".',
    kind: 'hmicfrs-report',
    matches: ({ text }) => firstLineMatched(GRADED_QUESTION, text),
  },
  {
    name: 'question-in-contents',
    doc: 'The inspectorate’s question as an entry in a report’s contents, with its page: "How effective are the services at keeping people safe and secure? 29".',
    kind: 'hmicfrs-report',
    matches: ({ text }) => firstLineMatched(CONTENTS_QUESTION, text),
  },
  {
    name: 'engage-list',
    doc: 'The inspectorate’s list of forces in its enhanced monitoring, each with its stage and date: "Entered Engage" over "2019".',
    kind: 'hmicfrs-report',
    matches: ({ text }) => firstLineMatched(ENGAGE_STAGE, text),
  },
  {
    name: 'unrecognised',
    doc: 'Anything else: neither an inspection report nor a response to one.',
    kind: 'other',
    matches: (evidence) => evidence.title ?? evidence.paras[0] ?? '',
  },
];

/** The inspectorate as a body's statement may speak of it, by no name: "to satisfy the Inspectorate", "the Inspectorate’s report"; not another's ("the Inspectorate of Prisons"). */
const THE_INSPECTORATE = /\b[Tt]he Inspectorate\b(?!\s+(?:of|for)\b)/;

export function kindEvidence(paras: string[], heading: Title | null, findings: Findings, publisher: Publisher | null = null): KindEvidence {
  const text = paras.join('\n');
  const title = heading?.title ?? null;
  const openingAt = heading?.index == null ? 0 : heading.index + 1;
  const opening = [title ?? '', ...paras.slice(0, 5), ...paras.slice(Math.max(5, openingAt), openingAt + 5)].join('\n');
  const mentionsInspection = /\binspection\b/i.test(text);
  const hasFindings = findings.recommendations.length + findings.areasForImprovement.length + findings.causesOfConcern.length > 0;
  // PEEL and its three questions are HMICFRS's alone: a page of its findings need not name the inspectorate.
  const peelWithFindings = PEEL.test(opening) && (hasFindings || mentionsInspection || PEEL_QUESTION.test(text));
  // On a page naming another inspectorate, its "HM Chief Inspector" may be that one's: only the police inspectorate's own names count.
  const withoutOthers = text.replace(OTHER_INSPECTORATE, ' ');
  const namesInspectorate = (withoutOthers === text ? INSPECTORATE : POLICE_INSPECTORATE).test(withoutOthers);
  const unquoted = paras.map((paragraph) => (QUOTED_PARAGRAPH.test(paragraph) ? '' : paragraph.replace(QUOTATION, ' ')));
  const inspectorateMarks = unquoted.some((paragraph) => OWN_VOICE.test(paragraph)) || INSPECTORATE_MARKS.test(text);
  // The first paragraph after the title and any furniture above it ("404 Page not found", as the register's stored pages open).
  const opensAt = paras.findIndex((paragraph, index) => index !== heading?.index && !neverATitle(paragraph));
  // A lead with no headline above it is read as the title: it is still the lead.
  const lead = pressLead(paras, openingAt) ?? (heading?.index == null ? null : pressLead(paras, heading.index));
  return {
    publisher,
    paras,
    text,
    title,
    opening,
    // A body may answer "this report" and its recommendations without naming the inspection.
    aboutInspection: namesInspectorate || mentionsInspection || peelWithFindings || speaksOfReportRecommendations(text) || THE_INSPECTORATE.test(text),
    namesInspectorate,
    mentionsInspection,
    recommendations: findings.recommendations.length,
    statements: findings.areasForImprovement.length + findings.causesOfConcern.length,
    openingRecommendation:
      findings.findingParagraphs.has(opensAt) &&
      (REGISTER_NUMBERED.test(paras[0] ?? '') || findings.recommendations.some(({ addressees }) => addressees.some(namesPolicing)))
        ? (paras[opensAt] ?? null)
        : null,
    unquoted,
    inspectorateVoice: inspectorateMarks || paras.some(givesOwnAddress),
    inspectorateMarks,
    inspectorSpeaks: INSPECTOR_SPEAKS.test(text),
    pressLead: lead,
    // A body's own column in a paper speaks in its office ("during my time as Police and Crime Commissioner"), whatever the paper's furniture.
    pressPage:
      ([title ?? '', ...unquoted.slice(0, PRESS_MARKS_WITHIN)].some((line) => PRESS_ON_BODY.test(line) || PRESS_WORDS.test(line)) || lead !== null) &&
      !unquoted.some((paragraph) => SPEAKS_AS_THE_BODY.test(paragraph)),
  };
}

/** The document's kind, by the first kind rule that matches, with what it read. */
export function kindOf(evidence: KindEvidence): { kind: DocumentKind; othersRecommendations: boolean; explanations: Explanation[] } {
  for (const rule of KIND_RULES) {
    const read = rule.matches(evidence);
    if (read !== null) {
      return { kind: rule.kind, othersRecommendations: rule.othersRecommendations === true, explanations: [explain(`kind: ${rule.kind}`, rule.name, read)] };
    }
  }
  // The last rule matches everything.
  throw new Error('no kind rule matched');
}

const TRAILING_MONTH = new RegExp(`\\s*(?:[–—-]\\s*|\\()${MONTH_NAME}\\s+\\d{4}\\)?$`, 'i');

interface AnsweredTitleRule {
  name: string;
  doc: string;
  /** The answered report's title as written, from the response's title or text. */
  read: (title: string | null, text: string) => string | undefined;
}

/** The rules for the title of the report a response answers, in order. */
export const ANSWERED_TITLE_RULES: readonly AnsweredTitleRule[] = [
  {
    name: 'the-above-report',
    doc: 'A letter answering "the above report": its subject line is the report’s title.',
    read: (title, text) => (title && /\bthe above (?:HMICFRS |HMIC |inspection )?reports?\b/i.test(text) ? title : undefined),
  },
  {
    name: 'titled-report-colon',
    doc: 'A title "Response to HMICFRS report: <title>" or "HMICFRS report – <title>".',
    read: (title) =>
      title ? /(?:\bresponse to\b.*?|^(?:HMICFRS|HMIC)\s+(?:inspection\s+)?)\b(?:report|inspection)\s*[:–—-]\s*(.+)$/i.exec(title)?.[1] : undefined,
  },
  {
    name: 'titled-response-to-named-report',
    doc: 'A title "Response to HMICFRS <Capitalised name>": a capital starts the name, where "response to HMICFRS thematic inspection of …" only describes it.',
    read: (title) => (title ? /\b[Rr]esponse to (?:the )?(?:HMICFRS|HMIC)(?:['’]s)? (?=[A-Z])(.{10,})$/.exec(title)?.[1] : undefined),
  },
  {
    name: 'quoted-report-name',
    doc: 'The report’s name in quotation marks after the inspectorate: "HMICFRS’s report ‘…’".',
    // A name starts with a capital: the report "rates the force as ‘inadequate’" quotes a grade.
    read: (_title, text) => /\b(?:HMICFRS|HMIC|report)(?:['’]s)?\s+(?:[A-Za-z]+\s+){0,4}?[‘“"](?=[A-Z\d])([^’”"\n]{10,200}?)[’”"]/.exec(text)?.[1],
  },
  {
    name: 'report-dash-name',
    doc: 'The name after "HMICFRS … report –" in running text, up to "published", "which" or the sentence’s end.',
    read: (_title, text) =>
      /\b(?:HMICFRS|HMIC)\b(?:['’]s)?[^.\n]{0,60}?\breport\s*[–—:-]\s*(.{10,200}?)(?:,?\s+(?:released|published|issued|which|that|was|dated)\b|\.(?:\s|$))/i.exec(
        text,
      )?.[1],
  },
  {
    name: 'report-then-capitalised-name',
    doc: 'The name straight after, capitalised: "the HMICFRS report An inspection of vetting…, which was published".',
    read: (_title, text) =>
      /\b(?:HMICFRS|HMIC) [Rr]eport (?=[A-Z][a-z])(.{10,200}?)(?:,? (?:released|published|issued|which|that|was|dated)\b|\.(?: |$))/m.exec(text)?.[1],
  },
];

const ANSWERED_DATE_RULES: ReadonlyArray<{ name: string; doc: string; pattern: RegExp }> = [
  {
    name: 'report-published-on',
    doc: 'The report or inspection said to be published, released or issued on a whole date.',
    pattern: new RegExp(`\\b(?:report|inspection)\\b[^.]{0,150}?\\b(?:published|released|issued|dated)\\s+(?:on\\s+)?(?:the\\s+)?(${FULL_DATE})`, 'i'),
  },
  {
    name: 'on-date-inspectorate-published',
    doc: 'The date first: "On Tuesday 6th March 2018 HMICFRS and HMI Prisons published their joint inspection".',
    pattern: new RegExp(
      `\\bOn\\s+(?:[A-Z][a-z]+day,?\\s+)?(?:the\\s+)?(${FULL_DATE}),?\\s+(?:HMICFRS|HMIC|the\\s+inspectorate)\\b[^.]{0,60}?\\b(?:published|released)\\b`,
      'i',
    ),
  },
  {
    name: 'published-on',
    doc: 'Anything said to be published or released on a whole date.',
    pattern: new RegExp(`\\b(?:published|released)\\s+(?:on\\s+)?(?:the\\s+)?(${FULL_DATE})`, 'i'),
  },
];

/** A response that calls the report "published today": issued the day the report was. */
const SAME_DAY = /\b(?:published|released)\s+today\b/i;

/** The response's own date where it states none but says it was issued the day the report was published. */
export function sameDayAsReport(paras: string[], reportPublishedOn: CalendarDate | null): { publishedOn: CalendarDate | null; explanations: Explanation[] } {
  const today = reportPublishedOn === null ? undefined : paras.find((paragraph) => SAME_DAY.test(paragraph));
  if (today === undefined) return { publishedOn: null, explanations: [] };
  return { publishedOn: reportPublishedOn, explanations: [explain('publication date', 'same-day-as-report', today)] };
}

/** The title and date of the report a response answers, as the response states them. */
export function respondsToOf(paras: string[], title: string | null): { respondsTo: NonNullable<ExtractionResult['respondsTo']>; explanations: Explanation[] } {
  const text = paras.join('\n');
  const explanations: Explanation[] = [];
  let answered: string | null = null;
  for (const rule of ANSWERED_TITLE_RULES) {
    const named = rule.read(title, text);
    // "PEEL report", "custody inspection": a description, not a name.
    if (!named || named.trim().split(/\s+/).length < 3) continue;
    // A month after the title is when the inspection took place, not part of the report's name.
    answered =
      named
        .replace(TRAILING_MONTH, '')
        .replace(/^[‘“"']|[’”"']$/g, '')
        .trim() || null;
    explanations.push(explain('responds to: title', rule.name, named));
    break;
  }
  let publishedOn: CalendarDate | null = null;
  for (const rule of ANSWERED_DATE_RULES) {
    const match = rule.pattern.exec(text);
    if (!match) continue;
    publishedOn = parseFullDate(match[1]!);
    explanations.push(explain('responds to: publication date', rule.name, match[0]));
    break;
  }
  return { respondsTo: { title: answered, publishedOn }, explanations };
}
