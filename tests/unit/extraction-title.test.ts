import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../shared/extraction';
import { blocksToText, type DocumentBlock, type StructuredDocument } from '../../shared/extraction/blocks';
import { textDocument } from '../../shared/extraction/paragraphs';
import { findFindings } from '../../shared/extraction/recommendations';
import { documentHead, neverATitle, PUBLICATION_DATE_RULES, TITLE_RULES } from '../../shared/extraction/report-head';
import { reportFacts } from '../../shared/extraction/report-text';
import { isSiteFurniture, SITE_FURNITURE } from '../../shared/extraction/site-furniture';
import { expectNamedRules } from '../support/rule-tables';

const encode = (text: string) => new TextEncoder().encode(text);

/** The facts read from a document as its reader hands it on, and the rules that gave its title and date. */
function read(document: StructuredDocument) {
  const paras = document.blocks.map((block) => blocksToText([block]));
  const facts = reportFacts(document, paras, findFindings(document.blocks));
  const rule = (finding: string) => facts.explanations.find((explanation) => explanation.finding === finding)?.rule;
  return { ...facts, titleRule: rule('title'), dateRule: rule('publication date') };
}

/** Plain text, as its reader hands it on. */
const text = (written: string) => read(textDocument(written));

const paragraph = (written: string): DocumentBlock => ({ kind: 'paragraph', text: written });
const heading = (level: 1 | 2 | 3, written: string): DocumentBlock => ({ kind: 'heading', level, text: written });

describe('the title and date rules', () => {
  it('each has a unique name and one line of doc', () => {
    expectNamedRules(TITLE_RULES);
    expectNamedRules(PUBLICATION_DATE_RULES);
  });
});

describe('rule: format-title', () => {
  it('the title the format gives comes first, whatever the first line is', () => {
    const result = read({
      title: 'PEEL 2023–2025: Police effectiveness, efficiency and legitimacy – Greater Manchester Police',
      blocks: [heading(2, 'Overall summary'), paragraph('Our inspection assessed how good Greater Manchester Police is in 9 areas of policing.')],
    });
    expect([result.title, result.titleRule]).toEqual([
      'PEEL 2023–2025: Police effectiveness, efficiency and legitimacy – Greater Manchester Police',
      'format-title',
    ]);
  });

  it('without the site’s name a web page’s title ends with', () => {
    const result = read({ title: 'PEEL 2023–25: An inspection of Kent Police | HMICFRS', blocks: [paragraph('HMICFRS inspected the force.')] });
    expect([result.title, result.titleRule]).toEqual(['PEEL 2023–25: An inspection of Kent Police', 'format-title']);
  });

  it('a format title that is a section heading is not the title', () => {
    const result = read({
      title: 'Overall summary',
      blocks: [paragraph('PEEL 2023–25: An inspection of Kent Police'), paragraph('HMICFRS inspected the force.')],
    });
    expect([result.title, result.titleRule]).toEqual(['PEEL 2023–25: An inspection of Kent Police', 'first-line']);
  });

  it('an HTML page gives its article’s heading; the site banner and link trail go', async () => {
    const page =
      '<body><header>Surrey Police and Crime Commissioner</header><main><p>Home › Responses › HMICFRS</p><article><header><h1>Response to HMICFRS PEEL inspection of Sussex Police</h1></header><p>The Commissioner welcomes the inspection.</p></article></main></body>';
    const result = await extractDocument(encode(page));
    expect(result.title).toBe('Response to HMICFRS PEEL inspection of Sussex Police');
    expect(result.forces).toEqual(['Sussex Police']);
    expect(result.kind).toBe('pcc-response');
  });
});

describe('rule: top-heading', () => {
  it('an inspectorate web page in Markdown: its heading, not the link trail above it, register id dropped', () => {
    const result = text(['Home > Publications > Reports', '# PEEL 2023–25: An inspection of Gwent Police (5120)', 'HMICFRS inspected the force.'].join('\n'));
    expect([result.title, result.titleRule]).toEqual(['PEEL 2023–25: An inspection of Gwent Police', 'top-heading']);
  });
  it('the first heading of the highest level near the start, not a section’s heading above it', () => {
    const result = read({
      title: null,
      blocks: [
        heading(2, 'Contents'),
        paragraph('1. Foreword'),
        heading(1, 'An inspection of vetting, misconduct, and misogyny in the police service'),
        heading(2, 'Summary'),
        paragraph('HMICFRS inspected eight forces.'),
      ],
    });
    expect([result.title, result.titleRule]).toEqual(['An inspection of vetting, misconduct, and misogyny in the police service', 'top-heading']);
  });
});

describe('rule: letter-subject', () => {
  it('a letter: address block and date first, then the subject line as title', () => {
    const result = text(
      [
        'Chief Constable Jane Smith',
        'Kent Police',
        'Sutton Road',
        'Maidstone ME15 9BZ',
        'Friday 3 November 2023',
        'Dear Chief Constable,',
        'Re: PEEL 2023–25 inspection of Kent Police',
        'I am writing in response to the HMICFRS report published on 15 September 2023.',
      ].join('\n'),
    );
    expect([result.title, result.titleRule]).toEqual(['PEEL 2023–25 inspection of Kent Police', 'letter-subject']);
    expect(result.kind).toBe('pcc-response');
    expect(result.forces).toEqual(['Kent Police']);
    expect(result.respondsTo?.publishedOn).toBe('2023-09-15');
  });

  it('a letter whose date is followed by prose has no title: the address is not one', () => {
    expect(
      text('Chief Constable Jane Smith\nKent Police\nFriday 3 November 2023\nI am writing to thank you for the force’s work on the inspection.').title,
    ).toBeNull();
  });
});

describe('rule: shared-document-head', () => {
  it('a document-sharing site’s copy: the title line after the page count, without its byline and dates', () => {
    const result = text(
      'report on an unannounced inspection visit to police ... · section 2. background and key findings 8...\n\n49\nReport on an unannounced inspection visit to police custody suites in Cheshire by HM Inspectorate of Prisons and HM Inspectorate of Constabulary and Fire & Rescue Services 3–13 September 2018\n\nUpload: others',
    );
    expect([result.title, result.titleRule]).toEqual([
      'Report on an unannounced inspection visit to police custody suites in Cheshire',
      'shared-document-head',
    ]);
  });

  it('the count first and the copyright after the title', () => {
    const result = text(
      '36\nPEEL: Police efficiency 2017 – An inspection of Cambridgeshire Constabulary November 2017 © HMICFRS 2017 ISBN: 978-1-78655-439-0\n\nPEEL: Police efficiency 2017 · PEEL: Police efficiency ... How well does the force use its resources?',
    );
    expect(result.title).toBe('PEEL: Police efficiency 2017 – An inspection of Cambridgeshire Constabulary');
  });
});

describe('a site’s name, and a title that names the body', () => {
  it.each(['Response from the PCC', 'Statement by the Police and Crime Commissioner', 'Annual report of the PFCC'])(
    '%j is a title, not the site’s name',
    (title) => {
      expect(text(`${title}\nThe report was published by HMICFRS on 3 May 2024.`).title).toBe(title);
    },
  );
});

describe('a site’s banner and byline above the title', () => {
  it.each([
    'Office of Northamptonshire Police, Fire and Crime Commissioner',
    'Police and Crime Commissioner for West Yorkshire | WYPCC',
    'Association of Police and Crime Commissioners',
    'Jo Coles - York and North Yorkshire Deputy Mayor for Policing, Fire and Crime',
    'Document library',
    'Leave site',
    'Printable version |',
    'October 2006',
  ])('%j is not the title', (banner) => {
    expect(text(`${banner}\nPCC welcomes custody inspection report\nThe report was published by HMICFRS on 3 May 2024.`).title).toBe(
      'PCC welcomes custody inspection report',
    );
  });
});

describe('site furniture', () => {
  it('each kind is named once, with one line of doc, and read without regard to case as the combined pattern reads it', () => {
    expectNamedRules(SITE_FURNITURE);
    for (const furniture of SITE_FURNITURE) for (const pattern of furniture.patterns) expect(pattern.flags).toBe('i');
  });

  it.each(SITE_FURNITURE.map((furniture) => [furniture.name, furniture] as const))('%s: each pattern is found in one of its examples', (_, furniture) => {
    expect(furniture.examples.length).toBeGreaterThan(0);
    for (const pattern of furniture.patterns)
      expect(
        furniture.examples.filter((example) => pattern.test(example)),
        pattern.source,
      ).not.toEqual([]);
  });

  it.each(SITE_FURNITURE.flatMap((furniture) => furniture.examples.map((example) => [furniture.name, example] as const)))(
    '%s: %j is that furniture alone, and never a title',
    (name, example) => {
      const kinds = SITE_FURNITURE.filter((furniture) => furniture.patterns.some((pattern) => pattern.test(example))).map((furniture) => furniture.name);
      expect(kinds).toEqual([name]);
      expect(neverATitle(example)).toBe(true);
    },
  );

  it('no title a perfect extractor reads from the fixtures is furniture, but the inspectorate’s name as a council page’s title, which is its site’s banner too', () => {
    const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));
    const titles = ['corpus', 'unseen'].flatMap((set) =>
      readdirSync(join(fixtures, set))
        .filter((name) => name.endsWith('.expected.json'))
        .map((name) => (JSON.parse(readFileSync(join(fixtures, set, name), 'utf8')) as { title: string | null }).title)
        .filter((title): title is string => title !== null),
    );
    expect(titles.length).toBeGreaterThan(1000);
    expect(new Set(titles.filter(isSiteFurniture))).toEqual(new Set(["His Majesty's Inspectorate of Constabulary and Fire and Rescue Services"]));
  });
});

describe('a letter’s head', () => {
  it('is only where there is a date line: a page of short lines without one is no letter', () => {
    expect(documentHead(['Home', 'News', 'Short title here', 'Another line']).letterDate).toBeNull();
    expect(text('Home\nNews\nCustody in Kent\nThe suites were clean and the staff were kind to everyone they held.').titleRule).toBe('first-line');
  });
});

describe('a headline over its dateline', () => {
  it('is the title, not a letter’s address over its date', () => {
    expect(
      text('Stalking Victims Failed says HMIC\n5th July 2017\nToday HMIC confirmed what the charity has said for years: stalking victims are being failed.')
        .title,
    ).toBe('Stalking Victims Failed says HMIC');
  });

  it('is the title under a site’s banner too; a letter’s head of two lines over its date is still an address', () => {
    expect(
      text(
        'Leicestershire  Police Federation\n\nForce rated ‘good’ by HMICFRS\n\n22 March 2018\n\nThe Force’s ‘good’ rating from the inspectorate is a testimony to the dedication of all its officers and staff.',
      ).title,
    ).toBe('Force rated ‘good’ by HMICFRS');
    expect(
      text('Chief Constable Jane Smith\nAnyshire Police\n12 March 2021\nDear Chief Constable,\nI am writing about the inspection of your force.').title,
    ).toBeNull();
  });
});

describe('a person’s name above the title', () => {
  it.each([
    [
      'a caption of the body by its title and name',
      'PCC Matthew Ellis\nPCC welcomes HMIC assessment\nThe PCC commented on the report.',
      'PCC welcomes HMIC assessment',
    ],
    [
      'a reporter’s name over their role',
      'Sophie Cameron\nFeatures and Opinion Editor, Solicitors Journal\nState of Policing report calls for major reform\nThe report was published on 9 June.',
      'State of Policing report calls for major reform',
    ],
    [
      'a name the text goes on to name as a person',
      'Ann Barnes\nVictims of crime in Kent can be confident that offences are recorded.\nKent Police and Crime Commissioner Ann Barnes, who asked for the review, said she was pleased.',
      null,
    ],
    [
      'a debate’s speaker, and the written question under it',
      'Mr. Congdon\nTo ask the Secretary of State for the Home Department if he will make a statement on the report by HMIC. [17971]\nMr. Howard\nThe report was published on 3 March.',
      null,
    ],
  ])('%s is not the title', (_, written, title) => {
    expect(text(written).title).toBe(title);
  });

  it('a short title that names no one is a title all the same', () => {
    expect(text('Digital Forensics\nThe inspection found that forces are overwhelmed. Inspectors said so.').title).toBe('Digital Forensics');
  });
});

describe('a title line carrying more than the title', () => {
  it('a report’s cover run into one line loses its month, copyright and ISBN', () => {
    expect(
      text('Crime data integrity Inspection of Warwickshire Police November 2014 © HMIC 2014 ISBN: 978-1-78246-552-2\nThe force has improved.').title,
    ).toBe('Crime data integrity Inspection of Warwickshire Police');
  });

  it('a cover’s title set again with the rest of it on the next line is the whole of it', () => {
    const result = text(
      'HER MAJESTY’S CHIEF INSPECTOR OF CONSTABULARY\nHER MAJESTY’S CHIEF INSPECTOR OF CONSTABULARY Annual Report 2002-2003\nPublished by TSO.',
    );
    expect(result.title).toBe('HER MAJESTY’S CHIEF INSPECTOR OF CONSTABULARY Annual Report 2002-2003');
  });

  it.each([
    [
      'Living in fear – the police and CPS response to harassment and stalking A joint inspection by HMIC and HMCPSI',
      'Living in fear – the police and CPS response to harassment and stalking',
    ],
    ['West Yorkshire Police fails to record 1 in 3 crimes editorial image editorial image', 'West Yorkshire Police fails to record 1 in 3 crimes'],
  ])('a cover’s byline or a picture’s caption run onto the title is not part of it: %j', (line, title) => {
    expect(text(`${line}\nThe report was published today.`).title).toBe(title);
  });

  it('a cover line run on with its month and ISBN after a dash loses them', () => {
    expect(
      text("Surrey Police's response to the funding challenge - July 2013 ISBN: 978-1-78246-209-5 HMIC 2013\nContents\nThe force has made savings.").title,
    ).toBe("Surrey Police's response to the funding challenge");
  });

  it('a report’s cover run into its contents page gives the title before the copyright, without the inspector under it', () => {
    expect(
      text(
        'PEEL: Police effectiveness 2015 A national overview February 2016 © HMIC 2016 ISBN: 978-1-78655-015-6 www.justiceinspectorates.gov.uk/hmic Contents Foreword ....... 4 Summary ....... 6 About this inspection ....... 6 Findings ....... 7 Overall grades and conclusions ....... 9 Annex A ....... 80',
      ).title,
    ).toBe('PEEL: Police effectiveness 2015 A national overview');
    expect(
      text(
        'State of Policing The Annual Assessment of Policing in England and Wales 2016 Her Majesty’s Chief Inspector of Constabulary © HMIC 2017 You may re-use this information free of charge. To view this licence, visit www.nationalarchives.gov.uk.',
      ).title,
    ).toBe('State of Policing The Annual Assessment of Policing in England and Wales 2016');
    expect(text('North Yorkshire Police “Improves its performance” says His Majesty’s Inspector\nThe report was published today.').title).toBe(
      'North Yorkshire Police “Improves its performance” says His Majesty’s Inspector',
    );
    expect(text('Forces must do better on stalking, says Her Majesty’s Inspector of Constabulary Zoë Billingham\nThe report was published today.').title).toBe(
      'Forces must do better on stalking, says Her Majesty’s Inspector of Constabulary Zoë Billingham',
    );
  });

  it('the inspectorates’ byline run onto a report’s title line is not part of it, nor “published by” the inspectorate', () => {
    expect(
      text(
        'Report on an unannounced inspection visit to police custody suites in Lancashire by HM Inspectorate of Prisons and HM Inspectorate of Constabulary 31 May–10 June 2016\nThe inspection found progress.',
      ).title,
    ).toBe('Report on an unannounced inspection visit to police custody suites in Lancashire');
    expect(
      text('Response to inspections of Cumbria Constabulary published by HM Inspectorate of Constabulary and HM Inspectorate of Prisons\nI welcome them.')
        .title,
    ).toBe('Response to inspections of Cumbria Constabulary published by HM Inspectorate of Constabulary and HM Inspectorate of Prisons');
  });

  it('a title ending in its own “Table of Contents” keeps the words, not Parliament’s page furniture', () => {
    expect(text('Custody in Kent Table of Contents\nThe inspection found progress.').title).toBe('Custody in Kent Table of Contents');
  });

  it('a publisher’s name after a dash is not part of the title', () => {
    expect(text('Inspection a comparative study - National Audit Office\nThe report compares inspectorates.').title).toBe('Inspection a comparative study');
    expect(text('Response to the report - Anyshire Police and Crime Commissioner\nThe PCC responds.').title).toBe(
      'Response to the report - Anyshire Police and Crime Commissioner',
    );
  });

  it('a news site’s crumb before the headline, or alone, is not the title', () => {
    expect(text('Home News Home Secretary re-admits 13 police forces to the scheme\nThe Home Secretary has re-admitted 13 forces.').title).toBe(
      'Home Secretary re-admits 13 police forces to the scheme',
    );
    expect(text('Home News UK\nForce ordered over child protection\nA police force has been told it needs to improve.').title).toBe(
      'Force ordered over child protection',
    );
  });

  it.each([
    'Accessibility controls',
    'Main content area',
    '{SITE-NAME} Logo',
    'Get the letter',
    '01234 842208',
    'Features and Opinion Editor, Solicitors Journal',
    'HC Deb 26 February 1997 vol 291 c214W',
    'Create new account',
    'Welcome to NCDV Online Magazine',
    'Date Published',
    'Key information',
    'Publication type: General',
    'Agenda and minutes',
    '(2 years, 2 months ago)',
    'Police + Fire',
    'Sean Price was sacked as chief constable in 2012 Credit: Owen Humphreys/PA',
    'Image Credit: States of Jersey Police',
    'Dafydd Llywelyn, Police and Crime Commissioner for Dyfed-Powys',
    'Strictly embargoed until 00:01 18 December 2014',
    'Press Notice',
    'To consider item 15',
    'Governance, management and politics - To register a FREE account Click here',
    'Fire',
    'Lincolnshire PCC Marc Jones.',
    '7.2 C',
    'Home Bury St Edmunds News Article',
    'Previous Section | Back to Table of Contents | Lords Hansard Home Page |',
    '[Mr. George Stevenson in the Chair]',
    'HoC 85mm(Green).tif',
    'Dorset | Posted on April 14th, 2025',
    'March 17, 2023 9.00 am This story is over 20 months old',
    'We are currently experiencing network problems with the desktop version of the site. We hope to have these resolved as soon as possible.',
    'Sorry, there was a technical problem. Please try again.',
    "This site is a beta, which means it's a work in progress and we'll be adding more to it over the next few weeks.",
    'We’re now part of the York & North Yorkshire Combined Authority',
    'Need Help?',
    'Access keys Home News Site map Site help Complaints Terms Contact us',
    'Skip navigation',
    "We store cookies on your device to make sure we give you the best experience on this website. I'm fine with this - Turn cookies off",
    'Switch to an accessible version of this website which is easier to read. (requires cookies)',
    'Contrast: C C C C',
    'Accessibility How to use this site',
    'Call 999 in emergencies or 101 for non-emergencies',
    'E-mail us',
    'HMICFRS is consulting on our proposed policing and fire & rescue services inspection programmes',
    'Please give us your views on these programmes by 5pm on Monday 19 February 2018.',
    'Pages',
    '(POP0104)',
    'Size: px',
    'Editor |',
    'Dyddiad',
    'Toggle mobile menu visibility',
    'Pictured: Tim Edwards, Interim Chief Fire Officer of Anyshire Fire and Rescue Service',
  ])('%j, a page’s controls, logo, contact strip, byline or column reference, is not the title', (furniture) => {
    expect(text(`${furniture}\nCPS Response to the joint thematic inspection\nThe inspectorates published their report today.`).title).toBe(
      'CPS Response to the joint thematic inspection',
    );
  });

  it.each([
    'Letter to the Editor',
    'Police unveil new force logo',
    'Policing plan 2017-2018',
    'Universal Credit: the impact on policing',
    'Welcome to the PEEL assessment for Kent Police',
    'Embargoed report on stalking published',
  ])('%j is a title all the same', (title) => {
    expect(text(`${title}\nThe inspectorates published their report today.`).title).toBe(title);
  });

  it('a site’s name with a dash after it, and a bulleted point, are not the title', () => {
    expect(text('Bedfordshire Police and Crime Commissioner -\nHMICFRS Report rates Bedfordshire Police as good\nThe report says so.').title).toBe(
      'HMICFRS Report rates Bedfordshire Police as good',
    );
    expect(
      text(
        '• Police and Crime Commissioner Chris Nelson has responded to the report\nThe force was put in special measures by the inspectorate after its inspection found serious failings in how it answers calls.',
      ).title,
    ).toBeNull();
  });

  it('nor a point marked with a dash: "- Purpose"', () => {
    expect(
      text(
        'To: Business Coordination Board\nFrom: Chief Constable\n- Purpose\n1.1 The purpose of this paper is to report progress on the HMIC PEEL inspections.',
      ).title,
    ).toBeNull();
  });

  it.each(['PEEL Force Inspection', 'Fire & Rescue Inspection'])('nor a tracker’s label for the kind of report, %j, above its title', (label) => {
    expect(text(`${label}\nPEEL 2018-19 CoC Recommendations: West Mercia Police\nCause of Concern recommendations tracked by HMICFRS.`).title).toBe(
      'PEEL 2018-19 CoC Recommendations: West Mercia Police',
    );
  });
});

describe('a running title cut at the page’s top', () => {
  it('is the running title the report repeats whole: "Constabulary – HMIC Inspection Report" → "Cumbria Constabulary – …"', () => {
    const written =
      'Constabulary – HMIC Inspection Report\nJuly 2008\nHMIC Inspection Report\nCumbria Constabulary Major Crime\nCumbria Constabulary – HMIC Inspection Report\nISBN: 978-1-84726-709-2\nFIRST PUBLISHED 2008 Cumbria Constabulary – HMIC Inspection Report';
    expect(text(written).title).toBe('Cumbria Constabulary – HMIC Inspection Report');
  });

  it('reads a force whose name has "and" in it: "Avon and Somerset Constabulary – …"', () => {
    const written =
      'Constabulary – HMIC Inspection Report\nJuly 2008\nAvon and Somerset Constabulary – HMIC Inspection Report\nISBN: 978-1-84726-700-9\nAvon and Somerset Constabulary – HMIC Inspection Report';
    expect(text(written).title).toBe('Avon and Somerset Constabulary – HMIC Inspection Report');
  });

  it('leaves a whole title whole though a running header repeats it after the force’s name', () => {
    const written = 'Crime Data Integrity\nKent Police Crime Data Integrity\nWe found the force records most crimes.\nKent Police Crime Data Integrity';
    expect(text(written).title).toBe('Crime Data Integrity');
  });

  it('is left as it is when the longer line is not repeated through the report', () => {
    const written = 'Crime recording\nKent Crime recording\nThe force has improved.';
    expect(text(written).title).toBe('Crime recording');
  });
});

describe('rule: title-above-fields', () => {
  it('a committee paper’s title is the line above its fields', () => {
    const result = text(
      'Contents\nReport 8 of the 24 Apr 03 meeting of the MPA Committee and summarises the conclusions and recommendations of a full inspection of the MPS undertaken by Her Majesty’s Inspectorate of Constabulary in 2002, with the Commissioner’s comments to follow in a later report to members of the Committee.\nWarning: This is archived material and may be out of date.\nHMIC report - MPS inspection 2002/03\nReport: 8\nDate: 24 April 2003\nBy: Clerk\nSummary',
    );
    expect([result.title, result.titleRule]).toEqual(['HMIC report - MPS inspection 2002/03', 'title-above-fields']);
  });
});

describe('rule: title-field', () => {
  it('a decision record’s subject, beside its other fields', () => {
    const result = text(
      'Anyshire Police Headquarters\nBridge House, Woburn Road, Kempston, MK43 9AX\nTitle and Reference – PCC/D/001\nSubject: Incoming PCC – Decisions made before the Oath\nReport of: Police and Crime Commissioner\nDate: 10/05/2021\nThe new Commissioner has been voted in.',
    );
    expect([result.title, result.titleRule]).toEqual(['Incoming PCC – Decisions made before the Oath', 'title-field']);
  });

  it('a committee paper’s title field run on with the fields after it, as a PDF’s head may come', () => {
    const result = text(
      'NOT PROTECTIVELY MARKED P a g e |1 Office of the Police & Crime Commissioner Report Title: Independent Custody Visiting Scheme – update report Date: 2 July 2014 Agenda Item No: 10 Originating Officer: John Askew',
    );
    expect([result.title, result.titleRule]).toEqual(['Independent Custody Visiting Scheme – update report', 'title-field']);
  });

  it('not a subject with no fields beside it', () => {
    expect(text('Our news\nSubject: what the inspection found\nThe Commissioner welcomed the report on the force.').titleRule).not.toBe('title-field');
  });
});

describe('rule: subject-after-greeting', () => {
  it('a letter whose letterhead the rules do not know: the subject line under "Dear …", its wrapped lines joined', () => {
    const result = text(
      [
        '6th Floor, Globe House, 89 Eccleston Square, London SW1V 1PN Direct Line: 020 3513 0500 Fax: 020 3513 0650',
        'Michael Cunningham QPM Her Majesty’s Inspector of Constabulary',
        '2 October 2017',
        'Dear Chief Constable',
        'HMICFRS assessment: Abuse of position for a sexual purpose and',
        'the police response to it',
        'In December 2016, we published our national PEEL: police legitimacy 2016 inspection report.',
      ].join('\n'),
    );
    expect([result.title, result.titleRule]).toEqual([
      'HMICFRS assessment: Abuse of position for a sexual purpose and the police response to it',
      'subject-after-greeting',
    ]);
  });

  it('not in a published page that carries a letter: its own title is above', () => {
    const result = text(
      'Correspondence\nState of Policing 2022 report: government response\nPublished 28 March 2024\nHome Secretary\nDear Andy,\nState of Policing Report – Response to Recommendations\nThank you for your report.',
    );
    expect([result.title, result.titleRule]).toEqual(['State of Policing 2022 report: government response', 'first-line']);
  });
});

describe('rule: first-line', () => {
  it('an opening sentence a PDF hands on line by line, its last line in lower case, is no title', () => {
    const lines = [
      'The police response to online child sexual abuse and exploitation',
      'is too often leaving vulnerable children at risk - and allowing',
      'offenders to escape justice, a new report has found.',
      'The inspectorate found that officers are generally good at high-risk cases.',
    ];
    expect(read({ title: null, blocks: lines.map(paragraph) }).title).toBeNull();
  });

  it('a title broken over lines, with a byline under it, is still the title', () => {
    const lines = ['Policing in the pandemic: how forces', 'responded to Covid-19', 'by Sam Jones', 'The inspectorate found that forces adapted quickly.'];
    expect(read({ title: null, blocks: lines.map(paragraph) }).title).toBe('Policing in the pandemic: how forces responded to Covid-19');
  });

  it('a title cut at its ampersand goes on in the next line; a menu entry in capitals cut there is furniture', () => {
    expect(text('SCRUTINY &\nAnyshire Police and Fire &\nRescue Service inspection 2023\nThe service was rated good by the inspectorate.').title).toBe(
      'Anyshire Police and Fire & Rescue Service inspection 2023',
    );
  });

  it('a cover’s second line over its date or copyright is the title’s subtitle; not under a title with its subtitle already', () => {
    expect(text("British Transport Police\n\nInspection findings\n\nHer Majesty's Inspectorate of Constabulary\n\nFebruary 2011\n\nContents").title).toBe(
      'British Transport Police: Inspection findings',
    );
    expect(text('The depths of dishonour: Hidden voices and shameful crimes\n\nAn inspection of the police response\n\nDecember 2015\n\nContents').title).toBe(
      'The depths of dishonour: Hidden voices and shameful crimes',
    );
    expect(text('Anyshire Police\n\nThe force was inspected in 2011 and we found it good at answering calls.\n\nFebruary 2011').title).toBe('Anyshire Police');
  });

  it('a title whose subtitle asks a question is a title, not the prose it looks like', () => {
    expect(
      text('Stop and Search Powers: Are the police using them effectively and fairly?\nSummary\nThe summer riots of 2011 focused attention on stop and search.')
        .title,
    ).toBe('Stop and Search Powers: Are the police using them effectively and fairly?');
  });

  it.each([
    ['a site’s controls', 'Text Only\nAccessibility Options\nDefault Text Size icon Large Text Size icon Largest Text Size icon\nSkip Content'],
    ['a contact strip', 'T: 01245 291600 E: pfcc@essex.police.uk Change font size View full website\nOpen menu'],
    ['the site’s name', 'Essex PFCC'],
    ['a print bar', 'Printable version | E-mail this to a friend |'],
    ['emergency numbers', 'Email ✉    Emergency call 999\nNon-emergency call 101'],
    ['a council’s trail', 'Agendas, Meetings and Minutes - Agenda item'],
    ['a numbered line that introduces a section', '1. Police & Crime Commissioner comments:'],
    ['a numbered section heading', '1. Police & Crime Commissioner comments'],
    ['an archive’s banner', 'This is the archived version of Northumbria Police and Crime Commissioner. To view the new website click here'],
    ['the inspectorate’s strapline', 'Promoting improvements in policing and fire & rescue services to make everyone safer'],
    ['a language switch', 'English Cymraeg'],
    ['a quick exit', 'Leave this site'],
    ['a banner’s image', 'Banner Image'],
    ['a pointer to the force’s site', 'Looking for Norfolk Police?\nDo you need the Police? Visit the Norfolk Police website'],
    ['a page number', '36'],
    ['a council’s menu', 'Councillors and committees'],
    ['a note for screen readers', 'If you are reading this page using a screenreader, we support ARIA landmarks for quick navigation too'],
    ['a link to the report', 'Get the report : An inspection into how effectively the police investigate crime'],
    ['skip links', 'Skip to site content Skip to main menu\nJump to navigation'],
    ['text-size buttons', '- A A +A'],
    ['a document viewer’s page counter', 'Sie sind auf Seite 1von 45'],
    ['a plugin’s shortcode', '[Wow-Modal-Windows id=1]'],
    ['a menu entry cut at its ampersand', 'SCRUTINY &'],
    ['logos’ alt text', 'Mayor of London logo London Assembly logo'],
    ['a press office’s line', 'For media enquiries call 0207 123 4567'],
    ['menu entries standing alone', 'Home\nContact Us'],
    ['a cookie question', 'Tell us whether you accept cookies'],
    ['a site’s badge', 'Open and Transparent Quality Mark 2016/17 and 2017/18'],
    ['a sign-in link', 'Forgotten password?'],
    ['a date widget', '90 days from today is Mon, 27 October 2025'],
    ['a federation’s banner', 'Police Federation'],
    ['an archive’s note of what the page holds', 'This page contains a statement by the MPA in response to publication of an HMIC report.'],
    ['a social media link', 'Follow us on @policechiefs'],
    ['a language switch with its flag', 'Switch to: Welsh flag'],
    ['a document-sharing site’s counts', '7 downloads 625 Views 474KB Size Report'],
    ['a document-sharing site’s headings', 'Document related concepts no text concepts found\nTranscript'],
    ['a news list’s heading', 'Latest News'],
    ['a browser notice', 'Your browser is no longer supported'],
    ['a news site’s tag', 'Exclusive'],
    ['an article’s fields', 'Authors:Legal Action Group\nCreated:2022-11-30\nLast updated:2023-09-18'],
    ['a council’s trail', 'Issue - meetings'],
    ['a logo’s link', 'Fire Standards Board logo, click to return to homepage'],
    ['a date with its time', '16/11/2010 13:36\n08/12/2015 00:01 GMT'],
    ['a county federation’s banner', 'Derbyshire Police Federation'],
    ['a branch’s banner whose name has “and” in it', 'Avon and Somerset Police Federation'],
    ['a banner in capitals', 'DERBYSHIRE POLICE FEDERATION'],
    ['social networks’ links', 'YouTube Instagram LinkedIn'],
    ['a site’s maintenance notice', 'Planned website downtime\nThe website will be unavailable for a short time from 11am on Thursday.'],
    ['a reading time', '2 minute read'],
    ['a protective marking', 'Not Protectively Marked'],
    ['a meeting’s chair', 'Chair: PCC John Campion'],
    ['a committee paper’s author', 'Report of the Chief Fire Officer'],
  ])('%s is never the title', (_furniture, lines) => {
    expect(text(`${lines}\nCleveland Police Inspection Report & Force Performance\nThe force was rated inadequate by the inspectorate.`).title).toBe(
      'Cleveland Police Inspection Report & Force Performance',
    );
  });

  it.each([
    ['PCC and CC Force Inspection response record Version:', 'PCC and CC Force Inspection response record'],
    [
      'Response by the Police and Crime Commissioner to HMIC Inspections of Hampshire Constabulary Inspection Details',
      'Response by the Police and Crime Commissioner to HMIC Inspections of Hampshire Constabulary',
    ],
  ])('a form’s next label run onto the title line is not part of it: %j', (line, title) => {
    expect(text(`${line}\nThe inspection examined how effectively the roads are policed by the force.`).title).toBe(title);
  });

  describe('lines set apart, as a PDF printed from broken lines sets them', () => {
    const document = (...lines: string[]): StructuredDocument => ({ title: null, blocks: lines.map(paragraph) });

    it('the inspectorate’s strapline broken over three lines is furniture', () => {
      const { title } = read(
        document('Promoting improvements', 'in policing and fire & rescue', 'services to make everyone safer', 'Humberside PEEL 2016', 'Requires improvement'),
      );
      expect(title).toBe('Humberside PEEL 2016');
    });

    it('a title that carries on in lower case is read whole', () => {
      const { title } = read(
        document(
          'Core business: An inspection of crime prevention, police attendance and use',
          'of police time',
          'The inspection found the force good at attending incidents.',
        ),
      );
      expect(title).toBe('Core business: An inspection of crime prevention, police attendance and use of police time');
    });

    it('an opening sentence broken over lines is no title', () => {
      const { title } = read(
        document(
          'Devon and Cornwall Police must make urgent improvements after it',
          'was found to be inadequate in several areas, the police',
          'inspectorate has said.',
          'The force was graded in nine areas.',
        ),
      );
      expect(title).toBeNull();
    });

    it('a paragraph of its own that starts in lower case (a misread "In") does not carry the title on, nor does a byline', () => {
      const misread = 'ln March 2020 the Centre for Women’s Justice submitted a super-complaint alleging that police forces were not responding appropriately.';
      expect(read(document('Commissioner’s response to the Police Super-Complaint', misread)).title).toBe(
        'Commissioner’s response to the Police Super-Complaint',
      );
      expect(read(document('State of Policing 2024', 'by Mark Rowe', 'The annual assessment was published.')).title).toBe('State of Policing 2024');
    });
  });

  it('a name styled in lower case first is a title all the same: "eCrime"', () => {
    expect(text('eCrime: an inspection of digital crime\nHMIC inspected forces.').title).toBe('eCrime: an inspection of digital crime');
  });

  it('a title cut at its preposition goes on in the next line, though that line ends in a full stop', () => {
    expect(text('Report on an unannounced inspection of\n\nKent Police custody suites.\n\nThe inspection found good care.').title).toBe(
      'Report on an unannounced inspection of Kent Police custody suites',
    );
  });

  it('a title about the federation itself is a title: "Reform of the Police Federation"', () => {
    expect(text('Reform of the Police Federation\nThe Home Secretary set out changes after the HMIC report.').title).toBe('Reform of the Police Federation');
  });

  it.each(['18.02.16', '3-11-2016'])('a date in figures above the headline, "%s", is no title', (date) => {
    expect(text(`${date}\nPolice chiefs at a crossroads\nThe NPCC said forces must change.`).title).toBe('Police chiefs at a crossroads');
  });

  it('a headline above a news site’s "Posted:" date is the title, not a letter’s subject', () => {
    expect(text('Police chiefs at a crossroads\nPosted: 2 July 2015\nThe NPCC said forces must change.').title).toBe('Police chiefs at a crossroads');
    expect(text('Police chiefs at a crossroads\n2 July 2015 13:36\nThe NPCC said forces must change.').title).toBe('Police chiefs at a crossroads');
  });

  it('a news site’s trail run together onto the headline is not part of it', () => {
    expect(text('Home>Fire>Fire and Rescue >National Fire Chiefs Council publishes Culture Action Plan\nThe plan follows the HMICFRS report.').title).toBe(
      'National Fire Chiefs Council publishes Culture Action Plan',
    );
  });

  it.each([
    ['British Transport Police – HMIC Inspection Report November 2007', 'British Transport Police – HMIC Inspection Report'],
    ['RESPONSE ON HMIC PEEL EFFICIENCY REPORT NOVEMBER 2016', 'RESPONSE ON HMIC PEEL EFFICIENCY REPORT NOVEMBER 2016'],
    ['Our Safe To Share Report – December 2021', 'Our Safe To Share Report – December 2021'],
  ])('a cover’s date run onto its title goes, set in title case; in capitals or after a dash it is the title’s: %j', (line, title) => {
    expect(text(`${line}\nThe force was inspected in the autumn by the inspectorate.`).title).toBe(title);
  });

  it('a byline under a title is not part of it', () => {
    expect(text('Report on an announced inspection of custody facilities\n\nby HM Chief Inspector of Prisons\n\nThe inspection found good care.').title).toBe(
      'Report on an announced inspection of custody facilities',
    );
  });

  it.each([['Overall summary\nOur judgments\n'], ['Contents\nForeword\nExecutive summary\n'], ['Recommendations\n'], ['Introduction:\n']])(
    'section headings (%j) are never the title',
    (headings) => {
      expect(text(`${headings}PEEL 2023–25: An inspection of Kent Police\nHMICFRS inspected the force.`).title).toBe(
        'PEEL 2023–25: An inspection of Kent Police',
      );
    },
  );

  it.each([
    ['HM Inspectorate of Constabulary and Fire & Rescue Services (HMICFRS)\nPrintable version'],
    ['Ben Adams'],
    ['Warning: This is archived material and may be out of date.'],
    ['Quickly exit this site by pressing the Escape key Leave this site'],
  ])('the publisher’s name, a byline or a site notice (%j) is not the title', (furniture) => {
    expect(text(`${furniture}\nStaffordshire Commissioner response to HMICFRS PEEL report\nI welcome the report.`).title).toBe(
      'Staffordshire Commissioner response to HMICFRS PEEL report',
    );
  });

  it.each([
    ['Skip to content\nText size: A A A\nOpen Menu\nYouTube'],
    ['Skip to content\nMain content is below'],
    ['You are in:\nContents'],
    ['|Printable version'],
    ['Transparency data'],
    [
      'This site uses cookies\nWe use necessary cookies to make our site work, and we would like to use analytics cookies too.\nGoogle Analytics\nSkip to main content',
    ],
  ])("a web page's furniture (%j) is not its title", (furniture) => {
    const result = text(`${furniture}\nResponse to HMICFRS report: An inspection of custody in Kent\nI welcome the report.`);
    expect(result.title).toBe('Response to HMICFRS report: An inspection of custody in Kent');
    expect(result.kind).toBe('pcc-response');
  });

  it.each([['/\n|\n»'], ['Call the 24hr Press Bureau on 020 7946 0000 for other press desks\nPress Bureau Index Page\nNotes to Editors']])(
    'navigation with no words and a press office’s banner (%j) are not the title',
    (furniture) => {
      expect(text(`${furniture}\nAnyshire Police response to HMICFRS inspection\nThe force has read the report.`).title).toBe(
        'Anyshire Police response to HMICFRS inspection',
      );
    },
  );

  it('two capitalised words before prose are a short title, not a byline', () => {
    expect(text('Digital Forensics\nThe inspectorate looked at how well forces use digital forensics in their investigations.').title).toBe(
      'Digital Forensics',
    );
  });

  it('a site’s consultation banner above another page’s title is not its title', () => {
    const banner =
      'Skip to content\nProposed fire and rescue services inspection programme and framework 2025–27: For consultation\nWe would like your views on whether this programme covers the right areas.\n';
    const page = text(
      `${banner}Surrey 2015\nThis is HMIC’s second assessment of the effectiveness, efficiency and legitimacy with which Surrey Police keeps people safe.`,
    );
    expect([page.title, page.s55.applies]).toEqual(['Surrey 2015', true]);
    const consultation = text(
      'Proposed inspection programme 2025–27: For consultation\nWe would like your views on whether this programme covers the right areas.\nHMICFRS consults.',
    );
    expect([consultation.title, consultation.s55.applies]).toEqual(['Proposed inspection programme 2025–27: For consultation', false]);
  });

  it('a title block’s second line saying what the document is joins the title', () => {
    expect(text('Stop and search in Anyshire\nA follow-up review\nMarch 2024\nHMICFRS reviewed the force.').title).toBe(
      'Stop and search in Anyshire: A follow-up review',
    );
  });

  it('a title cut at a preposition goes on in the next line', () => {
    const result = text('Report on an announced inspection of\n\nHer Majesty’s Armed Forces Service Custody Facilities\n\nby HM Chief Inspector of Prisons');
    expect(result.title).toBe('Report on an announced inspection of Her Majesty’s Armed Forces Service Custody Facilities');
  });

  it.each([
    ['The inspectorate published its findings today, and they were welcomed by everyone concerned.'],
    ['Within six months the force should put in place arrangements to ensure that:\nat the point of report, victims are believed;'],
  ])('a document that starts with prose (%j) has no title', (written) => {
    expect(text(written).title).toBeNull();
  });
});

describe('rule: published-line', () => {
  it('"Published on:" near the top', () => {
    const result = text('# PEEL 2023–25: An inspection of Gwent Police\nPublished on: 7 July 2023\nHMICFRS inspected the force.');
    expect([result.publishedOn, result.dateRule]).toEqual(['2023-07-07', 'published-line']);
  });

  it('not a linked report’s, under "Get the report" and its title', () => {
    const result = text(
      'Cleveland PEEL 2015\nOther inspections\nLast updated 22/02/2016\nHonour-based violence (HBV)\nThe force is not yet prepared.\nGet the report\nThe depths of dishonour: Hidden voices and shameful crimes\nPublished: 8 December 2015\nPolice custody',
    );
    expect(result.publishedOn).toBeNull();
  });

  it.each([
    ['Issued: Thursday 9th November 2017', '2017-11-09'],
    ['Article Published: 03/03/2020 09:31 AM', '2020-03-03'],
    ['Date uploaded: 29th July 2020', '2020-07-29'],
    ['Dorset | Posted on April 14th, 2025', '2025-04-14'],
    ['Created:2022-11-30', '2022-11-30'],
    ['Statement made on 15 June 2022', '2022-06-15'],
    ['Published: 00:01, 26 August 2021', '2021-08-26'],
  ])('%j, another label for the same', (line, date) => {
    const result = text(`PCC welcomes the inspection report\n${line}\nThe Commissioner said the report was positive.`);
    expect([result.publishedOn, result.dateRule]).toEqual([date, 'published-line']);
  });

  it('a Welsh page’s date, its day an ordinal: "18fed Mawrth 2021"', () => {
    const result = text(
      'Adolygiad o Gomisiynwyr yr Heddlu a Throsedd\nDyddiad: 18fed Mawrth 2021\nMae’r Comisiynydd wedi croesawu’r adroddiad gan yr Arolygiaeth.',
    );
    expect([result.publishedOn, result.dateRule]).toEqual(['2021-03-18', 'published-line']);
  });

  it.each([
    ['Dyddiad: Dydd Iau 18fed Mawrth 2021', '2021-03-18'],
    ['Cyhoeddwyd: Dydd Mawrth 2il Tachwedd 2021', '2021-11-02'],
    ['Cyhoeddwyd: Dydd Mawrth 2il Mawrth 2021', '2021-03-02'],
    ['Cyhoeddwyd gyntaf: dydd Iau 18 Mawrth 2021', '2021-03-18'],
  ])('with its weekday, or "Cyhoeddwyd:" (published): %j', (line, date) => {
    const result = text(`Adolygiad o Gomisiynwyr yr Heddlu a Throsedd\n${line}\nMae’r Comisiynydd wedi croesawu’r adroddiad gan yr Arolygiaeth.`);
    expect([result.publishedOn, result.dateRule]).toEqual([date, 'published-line']);
  });

  it('a news site’s "Posted:" with its weekday cut short, above the headline, which is the title', () => {
    const result = text('Posted: Thu 2nd Jul 2015\nPolice chiefs at a crossroads on child abuse\nThe NPCC said forces must change.');
    expect([result.publishedOn, result.dateRule, result.title]).toEqual(['2015-07-02', 'published-line', 'Police chiefs at a crossroads on child abuse']);
  });
});

describe('rule: published-today', () => {
  it.each([
    ['The inspectorates have today (23 January 2020) published a joint inspection of domestic abuse prosecutions.', '2020-01-23'],
    ['The Commissioner welcomed the PEEL summary which is published today (27th November 2014).', '2014-11-27'],
    ['The Inspectorate (CJJI) has today 16 July 2021, published a report on rape.', '2021-07-16'],
  ])('%j', (opening, date) => {
    const result = text(`Statement on the inspection\n${opening}\nIt makes recommendations.`);
    expect([result.publishedOn, result.dateRule]).toEqual([date, 'published-today']);
  });

  it('in the opening counted from the page’s skip link, whatever furniture is above it', () => {
    const furniture = ['Cookies on this site', 'Menu', 'Search', 'Home', 'News', 'Contact us'];
    const page = [...furniture, 'Skip to main content', 'Statement on the inspection', 'The inspectorates have today (23 January 2020) published a report.'];
    expect(text(page.join('\n')).publishedOn).toBe('2020-01-23');
  });

  it('up to the sixth paragraph of the page, not the seventh', () => {
    const filler = (count: number) => Array.from({ length: count }, (_, index) => `Paragraph ${index + 1} of the text goes on about the force and the report.`);
    const line = 'The inspectorates have today (23 January 2020) published a report.';
    expect(text(['Statement on the inspection', ...filler(4), line].join('\n')).publishedOn).toBe('2020-01-23');
    expect(text(['Statement on the inspection', ...filler(5), line].join('\n')).publishedOn).toBeNull();
  });

  it('not far into the text, where another day is told of', () => {
    const filler = Array.from({ length: 7 }, (_, index) => `Paragraph ${index + 1} of the text goes on about the force and the report.`);
    expect(text(['Statement on the inspection', ...filler, 'The panel met today (3 May 2024) to discuss it.'].join('\n')).publishedOn).toBeNull();
  });
});

describe('rule: date-after-title', () => {
  it('a heading ending with its date in brackets', () => {
    const result = text(
      'PCC welcomes the HMIP and HMIC Report on Police Custody in West Yorkshire (7 Dec 2016)\nThe Commissioner said the report was positive.',
    );
    expect([result.publishedOn, result.dateRule]).toEqual(['2016-12-07', 'date-after-title']);
  });
});

describe('rule: same-day-as-report', () => {
  it('a response calling the report "published today" is dated the day the report was', () => {
    const result = text(
      'Commissioner comments on HMICFRS Custody Report\nOn Tuesday 6th March 2018 HMICFRS and HMI Prisons published their joint inspection into custody in Humberside Police.\nThe Police and Crime Commissioner issued this statement: "I welcome the report published today."',
    );
    expect([result.publishedOn, result.dateRule, result.respondsTo]).toEqual(['2018-03-06', 'same-day-as-report', { title: null, publishedOn: '2018-03-06' }]);
  });
});

describe('rule: date-by-byline', () => {
  it.each([
    [
      'Anyshire Police makes strides in crime recording\n\nAnyshire Police has come out top of three police forces examined in a recent inspection.\n\nThursday, 25th August 2016, 9:22 am\nUpdated Friday, 8th June 2018, 2:28 am\n\nThe force was inspected at no notice by HMIC.',
      '2016-08-25',
    ],
    [
      'Police forces need to improve response to anti-social behaviour, says HMICFRS\nPolice forces must do more to tackle anti-social behaviour in their local communities, the police inspectorate has said.\nOct 10, 2024\nBy Paul Jacques\nIn a new PEEL spotlight report, HMICFRS found that most forces need to improve.',
      '2024-10-10',
    ],
    [
      'West Midlands Police under heavy criticism following latest inspection\nThe HMICFRS said the West Midlands Police force needs enhanced monitoring and more support.\nAuthor: Molly HookingsPublished 24th Nov 2023\nInspectors have found the force is not managing the risk.',
      '2023-11-24',
    ],
  ])('a news item’s date beside its byline, under its standfirst: %j', (written, date) => {
    const result = text(written);
    expect([result.publishedOn, result.dateRule]).toEqual([date, 'date-by-byline']);
  });

  it('not a date in the text beside no byline, once the text has begun', () => {
    expect(
      text('Custody review\nThe force has made progress since the inspection we carried out last year.\n3 November 2023\nThe force agreed.').publishedOn,
    ).toBeNull();
  });
});

describe('rule: date-opens-the-page', () => {
  it('the first line opening with its date, the headline run on after it', () => {
    const result = text(
      '28 June 2013 PCC publishes report on progress to date Tim Passmore, Police and Crime Commissioner for Suffolk, has published his first Annual Report.',
    );
    expect([result.publishedOn, result.dateRule]).toEqual(['2013-06-28', 'date-opens-the-page']);
  });

  it('not a date opening a later paragraph, which is about something else', () => {
    expect(text('PCC publishes report\nThe Commissioner welcomed it.\n28 June 2013 Tim Passmore was elected in November.').dateRule).not.toBe(
      'date-opens-the-page',
    );
  });
});

describe('rule: meeting-heading', () => {
  it.each([
    ['Gloucestershire Police and Crime Panel - Wednesday 3 November 2021 10.00 am', '2021-11-03'],
    ['Extraordinary, HFRA Standards and Governance Committee - Wednesday, 27th February, 2019 9.15 am', '2019-02-27'],
    ['Meeting: 23/02/2022 - Resources and Fire & Rescue Overview and Scrutiny Committee (Item 5)', '2022-02-23'],
  ])('a meeting’s heading at the top of its minutes gives its day: %j', (heading, date) => {
    const result = text(`Agenda and minutes\n${heading}\nVenue: Council Chamber\nItems\nThe Panel considered the report of HMICFRS.`);
    expect([result.publishedOn, result.dateRule]).toEqual([date, 'meeting-heading']);
  });

  it('not a page announcing a meeting, without its weekday', () => {
    expect(text('Public accountability meeting – 26 January 2023\nThe focus of this month’s meetings is the fire inspection.').dateRule).not.toBe(
      'meeting-heading',
    );
  });
});

describe('rule: date-under-label', () => {
  it('a date alone under its label, as Parliament’s written answers give it', () => {
    const result = text(
      'Roads Policing Review\nQuestion for Home Office\nUIN 106688, tabled on 18 January 2022\nTo ask the Secretary of State for the Home Department, what steps she has taken to implement the recommendations of the report.\nAnswered on\n21 January 2022\nTwo of the recommendations were addressed to the Home Office.',
    );
    expect([result.publishedOn, result.dateRule]).toEqual(['2022-01-21', 'date-under-label']);
  });
});

describe('rule: date-line-in-header', () => {
  it('a news item’s time and date under a site’s quick exit and its beta notice', () => {
    const result = text(
      "Quickly exit this site by pressing the Escape key Leave this site\nThanks for trying the 'beta' version of our new website. It's a work in progress, we'll be adding new services over the next few weeks, so please take a look and tell us what you think.\n10:18 29/03/2022\nAs part of planned inspection activity, Anyshire Police underwent an inspection by HMICFRS at the start of January 2022.",
    );
    expect([result.publishedOn, result.dateRule]).toEqual(['2022-03-29', 'date-line-in-header']);
  });

  it("a letter's date, standing alone before the text", () => {
    const result = text('Kent Police\nFriday 3 November 2023\nRe: PEEL 2023–25 inspection of Kent Police\nI am writing to you about the report.');
    expect([result.publishedOn, result.dateRule]).toEqual(['2023-11-03', 'date-line-in-header']);
  });

  it('a title’s full stop is not part of it', () => {
    expect(text('HMICFRS Report: Crime Data Integrity re-inspection 2018.\nThe Panel considered the report.').title).toBe(
      'HMICFRS Report: Crime Data Integrity re-inspection 2018',
    );
  });

  it.each([
    ['23:05 24/11/2022', '2022-11-24'],
    ['March 17, 2023 9.00 am This story is over 20 months old', '2023-03-17'],
    ['1 December 2022, 07:06 | Updated: 1 December 2022, 07:11', '2022-12-01'],
    ['08/12/2015 00:01 GMT | Updated 07/12/2016 05:12 GMT', '2015-12-08'],
    ['News / Fri 17th Sep 2021 at 06:40am', '2021-09-17'],
  ])('a news site’s date line with its time and notices: %j', (line, date) => {
    const result = text(`Force responds to inspection\n${line}\nThe chief constable said the force would improve.`);
    expect(result.publishedOn).toBe(date);
  });

  it('a cookie notice above the page does not end its header', () => {
    const result = text(
      'This site uses cookies to make the site simpler. Find out more about cookies and how we use them on this site.\nPCC welcomes report\n16 Dec 2022\nThe Commissioner welcomed the report.',
    );
    expect([result.publishedOn, result.dateRule]).toEqual(['2022-12-16', 'date-line-in-header']);
  });

  it('nor does a press office’s contact strip above the page', () => {
    const result = text(
      'Contact Us\n\nFor media enquiries call\n020 3276 3803\nor 07803 903686 for urgent out of hours enquiries.\n\nNPCC response to State of Policing 2016\n\n20 Apr 2017\n\nChief officers have responded to the annual assessment of policing.',
    );
    expect([result.title, result.publishedOn, result.dateRule]).toEqual(['NPCC response to State of Policing 2016', '2017-04-20', 'date-line-in-header']);
  });

  it('nor does a cookie banner’s prose above the page’s skip link', () => {
    const result = text(
      'Necessary cookies enable core functionality. You may disable these by changing your browser settings.\nSkip to main content\nPCC welcomes report\n24 July 2025\nThe Commissioner welcomed the report.',
    );
    expect([result.publishedOn, result.dateRule]).toEqual(['2025-07-24', 'date-line-in-header']);
  });

  it.each([
    'Thursday, May 30, 2024\nHomePolicingCleveland Police improved and has been removed from enhanced monitoring\nCleveland Police improved, police inspectorate says\nThe inspectorate released a statement.',
    'Monday 22 April 2024\n7.2 C\nNottinghamshire Police chief responds to HMICFRS report\nThe force was inspected last year.',
  ])('not a news site’s top bar, whose date is the day the page was read: %j', (written) => {
    expect(text(written).publishedOn).toBeNull();
  });

  it('a date on its own line after the text has begun is about something else', () => {
    expect(text('Custody review\nThe force has made progress since the inspection we carried out last year.\n3 November 2023').publishedOn).toBeNull();
  });
});
