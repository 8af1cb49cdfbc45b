/**
 * What a site, a document viewer or a committee system sets around a page's content: its controls,
 * menus, banners, labels and notices. A line that is furniture is never a document's title. Each kind
 * is named, with a line of doc and lines it was found as, so that the next site's furniture is a row
 * here rather than one more alternative in a pattern no one can read.
 */
export interface Furniture {
  name: string;
  doc: string;
  /** Lines of real pages this furniture was found as: each matches `line`, and tests say so. */
  examples: readonly string[];
  /** What it matches, in a line of its own or within one; every pattern is read without regard to case. */
  line: RegExp;
}

export const SITE_FURNITURE: readonly Furniture[] = [
  {
    name: 'skip-link',
    doc: 'A link past the site’s header to its content or navigation, for keyboards and screen readers.',
    examples: ['Skip to main content', 'Accessibility settings Skip to content', 'Jump to navigation', 'Skip navigation', 'Main content is below'],
    line: /^(?:skip|jump) to (?:the )?(?:main |site |page )?(?:content|navigation|menu)\b|^(?:accessibility settings )?skip (?:to )?(?:main )?content$|^skip (?:to )?navigation$|^main content is below$/i,
  },
  {
    name: 'accessibility-controls',
    doc: 'A site’s text-size, contrast, text-only and accessibility switches, and its access keys.',
    examples: [
      'Default Text Size icon Large Text Size icon Largest Text Size icon',
      'Change font size',
      'Text Only',
      'Accessibility Options',
      '- A A +A',
      'Contrast: C C C C',
      'Switch to an accessible version of this site',
      'Accessibility How to use this site',
      'Access keys',
      'Accessibility settings',
      'Contrast',
    ],
    line: /\b(?:text size|font size|text only|accessibility (?:options|controls)|using a screen ?reader)\b|^text size\b.*$|^[-–+]?\s*A[-+]?\s+A[-+]?(?:\s+[-+]?A[-+]?)?$|^contrast\s*:|^contrast$|^switch to(?::|\s+an?\s+accessible version\b)|^accessibility\b.{0,40}\bthis site$|^accessibility(?: settings)?$|^access keys\b/i,
  },
  {
    name: 'page-tools',
    doc: 'A page’s own tools: view another version, listen, translate, print, share, e-mail, download, search.',
    examples: [
      'View full website',
      'Listen to this page',
      'Translate this page',
      'E-mail this to a friend',
      'Printable version |',
      'Print this page',
      'Share this page',
      'Download',
      'Search',
      'Link to search',
    ],
    line: /\b(?:view (?:full|mobile|desktop) (?:website|site)|listen to this page|translate this page|e-?mail this to a friend)\b|^\|?\s*print(?:able|er[- ]friendly) version\s*\|?$|^(?:share(?: this page)?|print(?: this page)?|download\b.*|search|link to search)$/i,
  },
  {
    name: 'menu',
    doc: 'A menu, its button, or one of its entries standing alone: "Home", "Contact Us", "Toggle mobile menu visibility", "Police + Fire".',
    examples: ['Open menu', 'Menu', 'Toggle mobile menu visibility', 'Home', 'Contact Us', 'About', 'Pages', 'Police + Fire', 'Latest news', 'Follow us'],
    line: /^(?:(?:open |close |main )?menu)$|^toggle\b.{0,30}\bmenu\b|^(?:home|contact(?: us)?|about(?: us)?)$|^pages$|^(?:[\w’'-]+\s+){0,5}[\w’'-]+ \+ [\w’'-]+$|^latest news$|^follow us\b/i,
  },
  {
    name: 'social-links',
    doc: 'Links to the site’s social media, one alone or several in a row.',
    examples: ['YouTube', 'Twitter', 'Facebook', 'LinkedIn', 'Instagram', 'Facebook Twitter LinkedIn Email'],
    line: /^(?:youtube|twitter|facebook|linkedin|instagram)$|^(?:(?:facebook|twitter|x|youtube|instagram|linked ?i[nm]|tiktok|flickr|whatsapp|e-?mail|rss)[\s,|]*){2,}$/i,
  },
  {
    name: 'link-trail',
    doc: 'Where the page sits on its site: "You are here:", a trail ending in "News Article", a record’s "Previous Section | …".',
    examples: ['You are here:', 'Home Police News Article', 'Home News UK', 'Previous Section | Back to Table of Contents'],
    line: /^you are (?:here|in)\s*:?$|^home(?:\s+[\w&'’-]+){0,5}\s+news(?:\s+article)?$|^home news(?: uk)?$|^(?:previous|next) (?:section|page)\b.*\|/i,
  },
  {
    name: 'cookie-banner',
    doc: 'A cookie notice, question or switch: "This website uses cookies", "Tell us whether you accept cookies", "Turn cookies off".',
    examples: [
      'This website uses cookies to improve your experience.',
      'Cookies',
      'Tell us whether you accept cookies',
      "I'm fine with this - Turn cookies off",
    ],
    line: /^this (?:site|website) uses cookies\b.*$|^cookies?\b.*$|^(?=.{0,60}$).*\b(?:accept|use|uses|manage|allow)\b.*\bcookies\b|\bturn cookies off\b/i,
  },
  {
    name: 'account-links',
    doc: 'Sign-in and sign-up links: "Forgotten password?", "Create new account", "Log in", "To register a FREE account Click here".',
    examples: ['Forgotten password?', 'Create new account', 'Log in', 'Register', 'To register a FREE account Click here'],
    line: /^forgotten (?:your )?password\b|^(?:create (?:a )?new account|(?:log|sign) ?in|register)$|\bregister a free account\b/i,
  },
  {
    name: 'quick-exit',
    doc: 'The button that leaves a site at once, as forces’, commissioners’ and charities’ sites have.',
    examples: ['Leave this site', 'Quickly exit this site', 'Leave site'],
    line: /\bleave this site\b|^quickly exit this site\b.*$|^leave (?:this )?site$/i,
  },
  {
    name: 'emergency-strip',
    doc: 'A force’s or body’s emergency numbers and contact strip: "Emergency call 999", "Call 999 in emergencies or 101 …", "T: 01245 291600".',
    examples: [
      'Emergency call 999',
      'Non-emergency call 101',
      'Call 999 in emergencies or 101 for non-emergencies',
      'For emergencies always dial 999',
      'Do you need the police? Visit the Norfolk Police website',
      'T: 01245 291600 E: pfcc@essex.police.uk',
      'E-mail us',
      'Set your postcode',
      'Need help?',
    ],
    line: /\b(?:(?:non-)?emergency call (?:999|101)|set your postcode)\b|^call 999\b.*\b101\b|^for emergencies\b.*$|^do you need the police\?.*$|^(?:T|Tel)\s*:\s*[\d ]{6,}|^e-?mail us$|^need help\?$/i,
  },
  {
    name: 'site-pointer',
    doc: 'A pointer to another site: "Looking for Norfolk Police?", "Visit the … website", an archive’s "To view the new website", a merger notice.',
    examples: [
      'Looking for Norfolk Police?',
      'Visit the Norfolk Police website',
      'This is the archived version of Northumbria Police and Crime Commissioner. To view the new website click here',
      'We’re now part of the York and North Yorkshire Combined Authority',
    ],
    line: /\b(?:this is the archived version|to view the new website)\b|^looking for\b.*\?$|^(?:see|visit) the .{0,40} website\b.*$|^we['’]re now part of (?:the )?[\w&'’ ]{2,60}\bcombined authority$/i,
  },
  {
    name: 'site-notice',
    doc: 'A site’s notice of itself: its trouble, downtime, beta, an old browser, a missing page, a warning, an archive’s note of what a page holds.',
    examples: [
      'We are currently experiencing network problems with the desktop version of Police Oracle.',
      'Sorry, there was a technical problem.',
      'This site is a beta, which means it is still being developed',
      'Planned website maintenance',
      'The site will be unavailable on Sunday',
      'Your browser is out of date',
      '404 Not Found',
      'Page not found',
      'Note: this page is no longer updated',
      'This page contains a statement by the MPA',
    ],
    line: /^we are (?:currently )?experiencing\b|^sorry, there was a (?:technical )?problem\b|^this (?:site|website|service) is (?:a |in )?beta\b|^planned (?:website|site) (?:downtime|maintenance)$|\b(?:website|site) will be unavailable\b|\byour browser is (?:no longer supported|out of date)\b|^404\b.*$|^page not found$|^(?:warning|notice|note)\s*:.*$|^this page contains\b/i,
  },
  {
    name: 'site-greeting',
    doc: 'A site’s greeting, strapline, badge or language switch: "Welcome to NCDV Online Magazine", "English Cymraeg", "Open and Transparent Quality Mark".',
    examples: [
      'Welcome to NCDV Online Magazine',
      'Promoting improvements in policing and fire & rescue services to make everyone safer',
      'English Cymraeg',
      'Open and Transparent Quality Mark 2019/20',
      'Police Federation of England and Wales',
    ],
    line: /^welcome to (?:the )?[\w ]{0,40}(?:website|site|online|magazine)$|^promoting improvements(?: in policing\b|$)|^english\s+cymraeg$|^[\w ]{0,40}\bquality mark\b[\d/ ,]*(?:and [\d/]+)?$|^police federation(?: of england and wales)?$/i,
  },
  {
    name: 'inspectorate-banner',
    doc: 'The inspectorate’s name as its site’s banner, and its consultation banner: "HMICFRS is consulting on our proposed … inspection programmes".',
    examples: [
      'His Majesty’s Inspectorate of Constabulary and Fire & Rescue Services (HMICFRS)',
      'HMICFRS is consulting on our proposed PEEL and fire inspection programmes',
      'Please give us your views on these programmes by 1 March',
    ],
    line: /^(?:His |Her )?(?:Majesty['’]s |HM )?Inspectorate of Constabulary(?: and Fire (?:and|&) Rescue Services)?(?: \(HMICFRS\))?$|^[\w]+ is consulting on our proposed\b|^please give us your views on\b/i,
  },
  {
    name: 'content-type-label',
    doc: 'The label a publishing site or tracker sets over a title to say what the page is: "Correspondence", "Policy paper", "PEEL Force Inspection".',
    examples: [
      'Correspondence',
      'Guidance',
      'Policy paper',
      'Independent report',
      'Press release',
      'News story',
      'News',
      'Corporate report',
      'Research and analysis',
      'Transparency data',
      'Official Statistics',
      'Speech',
      'Statement',
      'Report',
      'Information',
      'Fire',
      'PEEL Force Inspection',
      'Fire & Rescue Inspection',
      'Exclusive',
      'Transcript',
    ],
    line: /^(?:correspondence|guidance|policy paper|independent report|press (?:release|notice)|news story|news|corporate report|research and analysis|transparency data|(?:official )?statistics|speech|statement|report|information|fire|peel force inspection|fire (?:&|and) rescue inspection)$|^(?:exclusive|breaking news)$|^transcript(?:ion)?$/i,
  },
  {
    name: 'page-label',
    doc: 'A field’s label left standing without its value: "Date Published", "Key information", "Publication type:", "Author:", the Welsh "Dyddiad".',
    examples: ['Date Published', 'Key information', 'Publication type: Report', 'Author: Jane Smith', 'Last updated: 3 May 2021', 'Dyddiad:', 'Editor |'],
    line: /^date (?:published|posted)\s*:?$|^key information$|^publication (?:type|date)\s*:|^(?:authors?|created|last updated)\s*:|^dyddiad\s*:?$|^editor\s*\|?$/i,
  },
  {
    name: 'inspectorate-site-links',
    doc: 'The inspectorate’s site’s links to the document itself: "Get the report", "Get the letter".',
    examples: ['Get the report', 'Get the letter (PDF document)'],
    line: /^get the (?:report|letter)\b.*$/i,
  },
  {
    name: 'committee-system',
    doc: 'A council’s or committee system’s trail, labels and item lines: "Agendas, Meetings and Minutes - Agenda item", "To consider item 15", "Chair:".',
    examples: [
      'Agendas, Meetings and Minutes - Agenda item',
      'Agenda item',
      'Minutes:',
      'Agenda and minutes',
      'Agenda, decisions and draft minutes',
      'Issue - meetings',
      'To consider item 15',
      'Councillors and committees',
      'Document library',
      'Chair: Councillor Smith',
      '[Councillor Smith in the Chair]',
      'Report of the Chief Constable',
      'Report of the Commissioner.',
      'Joint report of the Chief Fire Officer',
    ],
    line: /^agendas?,?\s+meetings\b|\s[-–]\s*agenda item$|^agenda item$|^minutes\s*:?$|^agenda(?:,? decisions)? and (?:draft )?minutes$|^issue\s+[-–]\s+meetings$|^to consider item\s+\d+\b|^councillors and committees$|^document library$|^chair(?:ed by)?\s*:|^\[[^\]]*\bin the Chair\]$|^report (?:of|by|from) the (?:commissioner|chief constable|chief executive|town clerk|chamberlain|director\b.*)\.?$|^(?:joint\s+)?report\s+(?:of|by|from)\s+the\s+(?:(?:deputy|assistant)\s+)?(?:chief\s+(?:fire\s+officer|constable|executive|officer)|commissioner|clerk|treasurer|monitoring\s+officer)\.?$/i,
  },
  {
    name: 'document-viewer',
    doc: 'A document viewer’s or sharing site’s furniture: its page counter, "Size: px", downloads, "Document related concepts", a picture’s file name.',
    examples: [
      'You are on page 1 of 20',
      'Sie sind auf Seite 1',
      'Size: px',
      '383 downloads',
      'Document related concepts',
      'HoC 85mm(Green).tif',
      'Banner Image',
    ],
    line: /^(?:sie sind auf seite|you are on page)\b|^size:\s*px$|^\d[\d,]* downloads\b|^document related concepts\b|\.(?:tiff?|jpe?g|png|gif|svg|eps)$|\b(?:banner image|main content area)\b/i,
  },
  {
    name: 'news-site-furniture',
    doc: 'A news site’s or blog’s furniture: a post’s age, its reading time, the weather, a picture’s caption, a logo’s link, an embargo.',
    examples: [
      '(2 years, 2 months ago)',
      '3 min read',
      '7.2 C',
      'Pictured: the Chief Constable',
      'Newyddion S4C',
      'Site logo, click to go home',
      'Strictly embargoed until 00:01 18 December 2014',
    ],
    line: /^\(?\d+ (?:years?|months?|weeks?|days?|hours?)(?:, \d+ (?:months?|weeks?|days?|hours?))? ago\)?$|^\d{1,2}\s+min(?:ute)?s?\s+read$|^-?\d{1,2}(?:\.\d)?\s*°?\s*C$|^pictured\s*:|^newyddion(?:\s+s4c)?$|\blogo,?\s+click\b|^(?:strictly\s+)?embargoed\s+(?:until|till|to)\b/i,
  },
  {
    name: 'stray-markup',
    doc: 'What a page’s making leaves in its text: a plugin’s shortcode ("[Wow-Modal-Windows id=1]"), a rule of dashes, a date widget, a committee’s evidence code, a protective marking.',
    examples: ['[Wow-Modal-Windows id=1]', '=====', '90 days from today is 1 March', '(POP0104)', 'NOT PROTECTIVELY MARKED'],
    line: /^\[[\w-]+(?:\s[^\]]*)?\]$|^[=\-_*#]{3,}$|^\d+ days from today is\b|^\([A-Z]{2,6}\d{2,6}\)$|\bprotectively marked\b/i,
  },
];

/** Every kind of furniture as one pattern, tried once for each line that might be a title. */
const ANY_FURNITURE = new RegExp(SITE_FURNITURE.map((furniture) => `(?:${furniture.line.source})`).join('|'), 'i');

export function isSiteFurniture(line: string): boolean {
  return ANY_FURNITURE.test(line);
}
