/**
 * What a site, a document viewer or a committee system sets around a page's content: its controls,
 * menus, banners, labels and notices. A line that is furniture is never a document's title. Each kind
 * is named, with a line of doc, lines of real pages it was found as and its patterns, so that the next
 * site's furniture is a pattern in the right row rather than one more alternative in a pattern no one
 * can read.
 */
export interface Furniture {
  name: string;
  doc: string;
  /** Lines of real pages this furniture was found as: each pattern matches one of them, and tests say so. */
  examples: readonly string[];
  /** What it matches, in a line of its own or within one; every pattern is read without regard to case. */
  patterns: readonly RegExp[];
}

export const SITE_FURNITURE: readonly Furniture[] = [
  {
    name: 'skip-link',
    doc: 'A link past the site’s header to its content or navigation, for keyboards and screen readers, and its target’s label.',
    examples: ['Skip to main content', 'Jump to navigation', 'Skip Content', 'Skip navigation', 'Main content is below', 'Main content area'],
    patterns: [
      /^(?:skip|jump) to (?:the )?(?:main |site |page )?(?:content|navigation|menu)\b/i,
      /^(?:accessibility settings )?skip (?:to )?(?:main )?content$/i,
      /^skip (?:to )?navigation$/i,
      /^main content is below$/i,
      /\bmain content area\b/i,
    ],
  },
  {
    name: 'accessibility-controls',
    doc: 'A site’s text-size, contrast, text-only and accessibility switches, and its access keys.',
    examples: [
      'Text Only',
      'Font size: A A',
      'Accessibility Options',
      'Text size A A A',
      '-A A +A',
      'Contrast: C C C C',
      'Contrast',
      'Switch to an accessible version of this website which is easier to read. (requires cookies)',
      'Accessibility How to use this site',
      'Accessibility',
      'Access keys Home News Site map Site help Complaints Terms Contact us',
    ],
    patterns: [
      /\b(?:text size|font size|text only|accessibility (?:options|controls)|using a screen ?reader)\b/i,
      /^text size\b.*$/i,
      /^[-–+]?\s*A[-+]?\s+A[-+]?(?:\s+[-+]?A[-+]?)?$/i,
      /^contrast\s*:/i,
      /^contrast$/i,
      /^switch to\s+an?\s+accessible version\b/i,
      /^accessibility\b.{0,40}\bthis site$/i,
      /^accessibility(?: settings)?$/i,
      /^access keys\b/i,
    ],
  },
  {
    name: 'page-tools',
    doc: 'A page’s own tools: view another version, listen, translate, print, share, e-mail, download, search, personalise.',
    examples: [
      'Printable version | E-mail this to a friend |',
      'Printable version',
      'Share',
      'Search',
      'Link to Search',
      'Set your Postcode This will personalise content such as news & events with the latest from your area.',
    ],
    patterns: [
      /\b(?:view (?:full|mobile|desktop) (?:website|site)|listen to this page|translate this page|e-?mail this to a friend)\b/i,
      /^\|?\s*print(?:able|er[- ]friendly) version\s*\|?$/i,
      /^(?:share(?: this page)?|print(?: this page)?|download\b.*|search|link to search)$/i,
      /\bset your postcode\b/i,
    ],
  },
  {
    name: 'menu',
    doc: 'A menu, its button, or one of its entries standing alone: "Home", "Contact Us", "Fire", "Toggle mobile menu visibility", "Police + Fire".',
    examples: ['Open menu', 'Toggle mobile menu visibility', 'Home', 'Contact Us', 'Pages', 'Police + Fire', 'Latest news', 'Need Help?', 'Fire'],
    patterns: [
      /^(?:(?:open |close |main )?menu)$/i,
      /^toggle\b.{0,30}\bmenu\b/i,
      /^(?:home|contact(?: us)?|about(?: us)?)$/i,
      /^pages$/i,
      /^(?:[\w’'-]+\s+){0,5}[\w’'-]+ \+ [\w’'-]+$/i,
      /^latest news$/i,
      /^need help\?$/i,
      /^fire$/i,
    ],
  },
  {
    name: 'social-links',
    doc: 'Links to the site’s social media, one alone or several in a row, and its invitation to follow it.',
    examples: ['YouTube', 'YouTube Instagram LinkedIm', 'Follow us on twitter.com/HMICFRS', 'Connect with us'],
    patterns: [
      /^(?:youtube|twitter|facebook|linkedin|instagram)$/i,
      /^(?:(?:facebook|twitter|x|youtube|instagram|linked ?i[nm]|tiktok|flickr|whatsapp|e-?mail|rss)[\s,|]*){2,}$/i,
      /^follow us\b/i,
      /^connect with us$/i,
    ],
  },
  {
    name: 'link-trail',
    doc: 'Where the page sits on its site: "You are in:", a trail ending in "News Article", a record’s "Previous Section | …".',
    examples: [
      'You are in:',
      'Home   Bury St Edmunds   News   Article',
      'Home News UK',
      'Previous Section | Back to Table of Contents | Lords Hansard Home Page |',
    ],
    patterns: [
      /^you are (?:here|in)\s*:?$/i,
      /^home(?:\s+[\w&'’-]+){0,5}\s+news(?:\s+article)?$/i,
      /^home news(?: uk)?$/i,
      /^(?:previous|next) (?:section|page)\b.*\|/i,
    ],
  },
  {
    name: 'cookie-banner',
    doc: 'A cookie notice, question or switch: "This website uses cookies", "Tell us whether you accept cookies", "… Turn cookies off".',
    examples: [
      'This website uses cookies',
      'Cookies on GOV.UK',
      'Tell us whether you accept cookies',
      "We store cookies on your device to make sure we give you the best experience on this website. I'm fine with this - Turn cookies off",
    ],
    patterns: [
      /^this (?:site|website) uses cookies\b.*$/i,
      /^cookies?\b.*$/i,
      /^(?=.{0,60}$).*\b(?:accept|use|uses|manage|allow)\b.*\bcookies\b/i,
      /\bturn cookies off\b/i,
    ],
  },
  {
    name: 'account-links',
    doc: 'Sign-in and sign-up links: "Forgotten password?", "Create new account", "Log in", "To register a FREE account Click here".',
    examples: ['Forgotten password?', 'Create new account', 'Governance, management and politics - To register a FREE account Click here'],
    patterns: [/^forgotten (?:your )?password\b/i, /^(?:create (?:a )?new account|(?:log|sign) ?in|register)$/i, /\bregister a free account\b/i],
  },
  {
    name: 'quick-exit',
    doc: 'The button that leaves a site at once, as forces’, commissioners’ and charities’ sites have.',
    examples: ['Quickly exit this site by pressing the Escape key Leave this site', 'Leave site'],
    patterns: [/\bleave this site\b/i, /^quickly exit this site\b.*$/i, /^leave (?:this )?site$/i],
  },
  {
    name: 'emergency-strip',
    doc: 'A force’s or body’s emergency numbers and contact strip: "Emergency call 999", "Call 999 in emergencies or 101 …", "T: 0300 244 4000".',
    examples: [
      'Non-emergency call 101',
      'Call 999 in emergencies or 101 for non-emergencies',
      'For emergencies',
      'T: 0300 244 4000 E: [email protected]',
      'E-mail us',
    ],
    patterns: [/\b(?:non-)?emergency call (?:999|101)\b/i, /^call 999\b.*\b101\b/i, /^for emergencies\b.*$/i, /^(?:T|Tel)\s*:\s*[\d ]{6,}/i, /^e-?mail us$/i],
  },
  {
    name: 'site-pointer',
    doc: 'A pointer to another site: "Looking for Norfolk Police?", "Do you need the Police? Visit …", an archive’s "To view the new website", a merger notice.',
    examples: [
      'This is the archived version of Northumbria Police and Crime Commissioner. To view the new website click here',
      'Looking for Norfolk Police?',
      'Do you need the Police? Visit the Norfolk Police website',
      'See the MOPC website for further information.',
      "We're now part of the York & North Yorkshire Combined Authority",
    ],
    patterns: [
      /\b(?:this is the archived version|to view the new website)\b/i,
      /^looking for\b.*\?$/i,
      /^do you need the police\?.*$/i,
      /^(?:see|visit) the .{0,40} website\b.*$/i,
      /^we['’]re now part of (?:the )?[\w&'’ ]{2,60}\bcombined authority$/i,
    ],
  },
  {
    name: 'site-notice',
    doc: 'A site’s notice of itself: its trouble, downtime, beta, an old browser, a missing page, a line labelled Warning or Note, what a page holds.',
    examples: [
      'We are currently experiencing network problems with the desktop version of Police Oracle. We hope to have these resolved as soon as possible.',
      'Sorry, there was a technical problem. Please try again.',
      "This site is a beta, which means it's a work in progress and we'll be adding more to it over the next few weeks. Your feedback helps us make things better, so please let us know what you think.",
      "Thanks for trying the 'beta' version of our new website. It's a work in progress, we'll be adding new services over the next few weeks, so please take a look and tell us what you think.",
      'Planned website downtime',
      'The HMICFRS website will be unavailable for a short time from 11am on Thursday 18 April while we carry out essential maintenance. We apologise for any inconvenience this may cause.',
      'Your browser is no longer supported',
      '404 Page not found',
      'Page not found',
      "Warning: This is archived material and may be out of date. The Metropolitan Police Authority has been replaced by the Mayor's Office for Policing and Crime (MOPC).",
      'This page contains a statement by the MPA in response to the HMIC report on policing public protest.',
    ],
    patterns: [
      /^we are (?:currently )?experiencing\b/i,
      /^sorry, there was a (?:technical )?problem\b/i,
      /^this (?:site|website|service) is (?:a |in )?beta\b/i,
      /^thanks for trying the ['‘]?beta['’]? version\b/i,
      /^planned (?:website|site) (?:downtime|maintenance)$/i,
      /\b(?:website|site) will be unavailable\b/i,
      /\byour browser is (?:no longer supported|out of date)\b/i,
      /^404\b.*$/i,
      /^page not found$/i,
      /^(?:warning|notice|note)\s*:.*$/i,
      /^this page contains\b/i,
    ],
  },
  {
    name: 'site-greeting',
    doc: 'A site’s greeting, badge, banner or language switch: "Welcome to NCDV Online Magazine", "English Cymraeg", "Switch to:", a quality mark.',
    examples: [
      'Welcome to NCDV Online Magazine',
      'English Cymraeg',
      'The home of Shooting Times and Sporting Gun',
      'WGPlus (Archive)',
      'Switch to: Welsh flag',
      'Open and Transparent Quality Mark 2016/17 and 2017/18',
      'Police Federation',
    ],
    patterns: [
      /^welcome to (?:the )?[\w ]{0,40}(?:website|site|online|magazine)$/i,
      /^english\s+cymraeg$/i,
      /^the home of\b/i,
      /^[\w ]{1,40} \(archive\)$/i,
      /^switch to:/i,
      /^[\w ]{0,40}\bquality mark\b[\d/ ,]*(?:and [\d/]+)?$/i,
      /^police federation(?: of england and wales)?$/i,
    ],
  },
  {
    name: 'inspectorate-banner',
    doc: 'The inspectorate’s name and strapline as its site’s banner, and its consultation banner: "HMICFRS is consulting on our proposed …".',
    examples: [
      'Her Majesty’s Inspectorate of Constabulary',
      'Promoting improvements in policing to make everyone safer',
      'HMICFRS is consulting on our proposed policing and fire & rescue services inspection programmes',
      'Please give us your views on these programmes by 5pm on Monday 19 February 2018.',
    ],
    patterns: [
      /^(?:His |Her )?(?:Majesty['’]s |HM )?Inspectorate of Constabulary(?: and Fire (?:and|&) Rescue Services)?(?: \(HMICFRS\))?$/i,
      /^promoting improvements(?: in policing\b|$)/i,
      /^[\w]+ is consulting on our proposed\b/i,
      /^please give us your views on\b/i,
    ],
  },
  {
    name: 'content-type-label',
    doc: 'The label a publishing site or tracker sets over a title to say what the page is: "Correspondence", "Policy paper", "PEEL Force Inspection".',
    examples: ['Consultation outcome', 'Correspondence', 'Guidance', 'News', 'Press release', 'PEEL Force Inspection', 'Transcription', 'Newyddion S4C'],
    patterns: [
      /^(?:correspondence|guidance|policy paper|independent report|press (?:release|notice)|news story|news|corporate report|research and analysis|transparency data|(?:official )?statistics|speech|statement|report|information|peel force inspection|fire (?:&|and) rescue inspection)$/i,
      /^transcript(?:ion)?$/i,
      /^(?:consultation outcome|(?:open |closed )?consultation|government response|(?:written|oral) statement to parliament|authored article|case study|impact assessment|statutory guidance|foi release|promotional material)$/i,
      /^newyddion(?:\s+s4c)?$/i,
    ],
  },
  {
    name: 'page-label',
    doc: 'A field’s label, left standing alone or with its value: "Date Published", "Key information", "Publication type:", "Author:", the Welsh "Dyddiad".',
    examples: [
      'By: the Chief Executive',
      'Date Published',
      'Key information',
      'Publication type: General',
      'Author: Peter Bishop',
      'Last updated:2023-09-18',
      'Updated 10 July 2020',
      'Dyddiad',
      'Editor |',
    ],
    patterns: [
      /^by\s*:\s/i,
      /^date (?:published|posted)\s*:?$/i,
      /^key information$/i,
      /^publication (?:type|date)\s*:/i,
      /^(?:authors?|created|last updated)\s*:/i,
      /^(?:last\s+)?updated(?:\s+on)?\s*:?\s+\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\s+\d{4}$/i,
      /^dyddiad\s*:?$/i,
      /^editor\s*\|?$/i,
    ],
  },
  {
    name: 'inspectorate-site-links',
    doc: 'The inspectorate’s site’s links to the document itself: "Get the report", "Get the letter".',
    examples: ['Get the report', 'Get the letter : Lincolnshire Police: move to enhanced phase of monitoring'],
    patterns: [/^get the (?:report|letter)\b.*$/i],
  },
  {
    name: 'committee-system',
    doc: 'A council’s or committee system’s trail, labels, item lines and evidence codes: "Agendas, Meetings and Minutes - Agenda item", "(POP0104)".',
    examples: [
      'Agendas, Meetings and Minutes - Agenda item',
      'Agenda item',
      'Minutes:',
      'Agenda and minutes',
      'Issue - meetings',
      'To consider item 6',
      'Councillors and committees',
      'Document library',
      'Chair: PCC John Campion',
      '[Mr. George Stevenson in the Chair]',
      'Report of the Commissioner.',
      'Report of the Chief Fire Officer',
      '(POP0104)',
    ],
    patterns: [
      /^agendas?,?\s+meetings\b/i,
      /\s[-–]\s*agenda item$/i,
      /^agenda item$/i,
      /^minutes\s*:?$/i,
      /^agenda(?:,? decisions)? and (?:draft )?minutes$/i,
      /^issue\s+[-–]\s+meetings$/i,
      /^to consider item\s+\d+\b/i,
      /^councillors and committees$/i,
      /^document library$/i,
      /^chair(?:ed by)?\s*:/i,
      /^\[[^\]]*\bin the Chair\]$/i,
      /^report (?:of|by|from) the (?:commissioner|chief constable|chief executive|town clerk|chamberlain|director\b.*)\.?$/i,
      /^(?:joint\s+)?report\s+(?:of|by|from)\s+the\s+(?:(?:deputy|assistant)\s+)?(?:chief\s+(?:fire\s+officer|constable|executive|officer)|commissioner|clerk|treasurer|monitoring\s+officer)\.?$/i,
      /^\([A-Z]{2,6}\d{2,6}\)$/i,
    ],
  },
  {
    name: 'document-viewer',
    doc: 'A document viewer’s or sharing site’s furniture: its page counter, "Size: px", its downloads and views, "Document related concepts".',
    examples: ['Sie sind auf Seite 1von 45', 'Size: px', '78 downloads 1 Views 2MB Size', 'Document related concepts'],
    patterns: [/^(?:sie sind auf seite|you are on page)\b/i, /^size:\s*px$/i, /^\d[\d,]* downloads\b/i, /^document related concepts\b/i],
  },
  {
    name: 'pictures',
    doc: 'What a page says of its pictures: a caption ("Pictured: …"), a banner image’s label, an image’s file name, a logo’s link.',
    examples: [
      'Pictured: Tim Edwards, Interim Chief Fire Officer of Norfolk Fire and Rescuse Service',
      'Banner Image of Vera Baird',
      'bannermobile',
      'Police car siren on a blue banner',
      'HoC 85mm(Green).tif',
      'Fire Standards Board logo, click to return to homepage',
    ],
    patterns: [
      /^pictured\s*:/i,
      /\bbanner ?(?:image|mobile|desktop)\b/i,
      /\bon an? (?:[\w-]+ ){0,2}banner$/i,
      /\.(?:tiff?|jpe?g|png|gif|svg|eps)$/i,
      /\blogo,?\s+click\b/i,
    ],
  },
  {
    name: 'news-site-furniture',
    doc: 'A news site’s or blog’s furniture: a post’s age, its reading time, the weather, its tags ("Exclusive"), an embargo.',
    examples: ['(2 years, 2 months ago)', '2 minute read', '7.2 C', 'Exclusive', 'Strictly embargoed until 00:01 18 December 2014', 'Advertisement'],
    patterns: [
      /^\(?\d+ (?:years?|months?|weeks?|days?|hours?)(?:, \d+ (?:months?|weeks?|days?|hours?))? ago\)?$/i,
      /^\d{1,2}\s+min(?:ute)?s?\s+read$/i,
      /^-?\d{1,2}(?:\.\d)?\s*°?\s*C$/i,
      /^(?:exclusive|breaking news)$/i,
      /^(?:strictly\s+)?embargoed\s+(?:until|till|to)\b/i,
      /^advertisement$/i,
    ],
  },
  {
    name: 'stray-markup',
    doc: 'What a page’s making leaves in its text: any line in square brackets (a plugin’s shortcode, a note), a rule, a date widget, a protective marking.',
    examples: [
      '[Wow-Modal-Windows id=1]',
      '[NOTE: Councillor S. Hancock, having earlier declared an interest in this item remained in the meeting during its consideration and voting thereof.]',
      '___',
      '90 days from today is Thu, 27 March 2025',
      'Not Protectively Marked Freedom of Information Classification Open',
    ],
    patterns: [/^\[[\w-]+:?(?:\s[^\]]*)?\]$/i, /^[=\-_*#]{3,}$/i, /^\d+ days from today is\b/i, /\bprotectively marked\b/i],
  },
];

/** Every kind of furniture as one pattern, tried once for each line that might be a title. */
const ANY_FURNITURE = new RegExp(SITE_FURNITURE.flatMap((furniture) => furniture.patterns.map((pattern) => `(?:${pattern.source})`)).join('|'), 'i');

export function isSiteFurniture(line: string): boolean {
  return ANY_FURNITURE.test(line);
}
