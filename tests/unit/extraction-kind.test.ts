import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { explainDocument, extractFromText } from '../../shared/extraction';
import { KIND_RULES } from '../../shared/extraction/report-kind';
import { S55_RULES } from '../../shared/extraction/s55';
import { isWelsh } from '../../shared/extraction/welsh';
import { corpusFile } from '../support/corpus';
import { expectNamedRules, factsOfText } from '../support/rule-tables';

/** The facts read from plain text, and the names of the rules that gave the kind and the s55 verdict. */
function read(text: string) {
  const facts = factsOfText(text);
  return { ...facts, kindRule: facts.ruleFor('kind:'), s55Rule: facts.ruleFor('s55:') };
}

describe('the kind rules', () => {
  it('each has a unique name and one line of doc, and the last matches anything', () => {
    expectNamedRules(KIND_RULES);
    expect(KIND_RULES.at(-1)?.name).toBe('unrecognised');
  });

  it('explains the kind with the text the rule read', () => {
    const result = read('Agenda item\nHMICFRS Inspection Update\nThe Committee received the update report of the Commissioner.');
    expect(result.explanations).toContainEqual({ finding: 'kind: other', rule: 'third-party-page', read: 'Agenda item' });
  });
});

describe('rule: published-by-the-inspectorate', () => {
  const words = 'Surrey Police: the response to stalking\n\nSurrey Police records too few crimes of stalking.';

  it('a document discovery fetched from the inspectorate’s site is the inspectorate’s, whatever its words say', async () => {
    const { result, explanations } = await explainDocument(new TextEncoder().encode(words), { publisher: 'inspectorate' });
    expect(result.kind).toBe('hmicfrs-report');
    expect(explanations).toContainEqual(expect.objectContaining({ finding: 'kind: hmicfrs-report', rule: 'published-by-the-inspectorate' }));
  });

  it('a body’s response the inspectorate’s site republishes is still the body’s', async () => {
    const response =
      'Commissioner’s response to the HMICFRS PEEL report\n\nI welcome the report on Surrey Police and have asked the Chief Constable for his comments.';
    const { result } = await explainDocument(new TextEncoder().encode(response), { publisher: 'inspectorate' });
    expect(result.kind).toBe('pcc-response');
  });

  it('read by its words alone, the same document is nobody’s report', () => {
    expect([read(words).kind, read(words).kindRule]).toEqual(['other', 'unrecognised']);
  });
});

describe('rule: third-party-page', () => {
  it('a committee’s paper: "Report 9 of the 26 Jul 01 meeting of the MPA Committee"', () => {
    const result = read(
      'HMIC report - MPS inspection 2000/01\nReport 9 of the 26 Jul 01 meeting of the MPA Committee\nBy: Commissioner\nHMIC inspected the MPS.',
    );
    expect([result.kind, result.kindRule]).toEqual(['other', 'third-party-page']);
  });

  it('a committee’s minutes: "Members considered a report of the Commissioner"', () => {
    const result = read(
      'Report of the Commissioner.\nMembers considered a report of the Commissioner regarding the Force response to HMICFRS PEEL findings.\nRESOLVED, that the report be received.',
    );
    expect([result.kind, result.kindRule, result.title]).toEqual(['other', 'third-party-page', null]);
  });

  it.each([
    [
      'a panel’s minutes',
      'Agenda item\nHMICFRS Inspection Reports - Report of the Police and Crime Commissioner\nThe Panel considered a report which outlined the findings of the recent HMICFRS inspections.',
    ],
    [
      'a committee’s update',
      'HMICFRS Inspection Update\nMinutes:\nThe Head of Strategic Planning noted that there were 23 Green responses to HMICFRS inspection reports.',
    ],
    [
      'a fire service’s news',
      'HMICFRS close cause of concern\nHMICFRS have today published a letter recognising improvements made by Avon Fire & Rescue Service.\nRead the full letter on HMICFRS website',
    ],
    ['a tracker’s page', 'Accountability Index\nPEEL 2018/19 – West Mercia Police\nHMICFRS inspected the force and its alliance partner Warwickshire Police.'],
  ])('%s about reports, carrying none of their recommendations, is other', (_, text) => {
    const result = read(text);
    expect([result.kind, result.kindRule, result.s55.applies]).toEqual(['other', 'third-party-page', false]);
  });

  it('not the inspectorate’s own report opening on a committee’s words about it', () => {
    const result = read(
      'Race and Policing: A review of leadership and governance\nPublished on: 25 August 2023\nIn July 2021, the Home Affairs Committee published its report. The committee considered the role we had played in assessing the police’s progress, and asked HMICFRS to inspect race.',
    );
    expect(result.kind).toBe('hmicfrs-report');
  });

  it('a panel’s paper linking to the inspectorate’s site is still the panel’s', () => {
    const result = read(
      'Agenda item\nHMICFRS crime data integrity inspection\nThe Panel considered the report, published at www.justiceinspectorates.gov.uk/hmicfrs.',
    );
    expect([result.kind, result.kindRule]).toEqual(['other', 'third-party-page']);
  });

  it('a register page that carries the recommendations themselves is the report’s', () => {
    const result = read(
      'Accountability Index\nPEEL 2018/19 – West Mercia Police\nRecommendation 1: By May 2019, the force should review its workload.\nHMICFRS inspected.',
    );
    expect(result.kind).toBe('hmicfrs-report');
  });
});

describe('rule: body-names-its-response', () => {
  it('"Response from: Office of the Police and Crime Commissioner" under an "HMICFRS report: …" heading', () => {
    const result = read(
      'HMICFRS report: Police response to violence against women and girls – Final Inspection Report\nResponse from: Office of the Police and Crime Commissioner, Kent\nThe current response is not good enough.',
    );
    expect([result.kind, result.kindRule]).toEqual(['pcc-response', 'body-names-its-response']);
  });

  it('not a response the page only quotes by its title, as the press does', () => {
    const result = read(
      'Fire service cautioned after revisit\nOn 19 April 2023, the Commissioner’s Office released a press release titled “Commissioner Zoë responds to the inspectorate’s letter”.\nHMICFRS revisited the service in March.',
    );
    expect(result.kind).not.toBe('pcc-response');
  });

  it('"Statement from West Yorkshire’s Police and Crime Commissioner on …"', () => {
    expect(
      read('Statement from West Yorkshire’s Police and Crime Commissioner on HMIC PEEL Assessment website (27 Nov 2014)\nThe HMIC website shows good work.')
        .kind,
    ).toBe('pcc-response');
  });

  it('a body’s statement by its title, and comments on "this report" that name no inspection', () => {
    expect(
      read("COMMISSIONER'S STATEMENT ON HMIC EFFICIENCY INSPECTION\nPosted on Thursday 3rd November\nCheshire Constabulary is outstanding.").kindRule,
    ).toBe('body-names-its-response');
    expect(
      read(
        '1. Police & Crime Commissioner comments:\n1.1 I welcome the findings of this report. The following sections set out how the Force are addressing the report’s recommendations.',
      ).kind,
    ).toBe('pcc-response');
  });

  it('a heading in the singular: "PFCC Comment"', () => {
    const result = read(
      'An inspection of the police response to the public disorder in July and August 2024\nHMICFRS published its report on the police response.\nPFCC Comment\nThe force responded well.',
    );
    expect([result.kind, result.kindRule]).toEqual(['pcc-response', 'body-names-its-response']);
  });
});

describe('rule: person-answers-as-i', () => {
  it('a person answering the report, then speaking as "I"', () => {
    const result = read(
      'Nick Alston responds to HMIC report into “core business”\nToday’s HMIC report is important.\nI am therefore disappointed that the media releases trivialised this subject.',
    );
    expect([result.kind, result.kindRule]).toEqual(['pcc-response', 'person-answers-as-i']);
    expect(
      read('Response from Anthony Stansfeld to HMIC’s interim crime data integrity report\nI firmly believe that victims can be confident.').kindRule,
    ).toBe('person-answers-as-i');
  });

  it.each([
    'Chief Constable Sara Thornton responds to HMIC report\nI am pleased that the force is good.',
    'Response from Thames Valley Police to HMIC’s report\nI am pleased that the force is good.',
    'Nick Alston responds to HMIC report into “core business”\nToday’s HMIC report is important and the force will study it.',
  ])('not a chief officer, not an organisation, and not without "I": %j', (text) => {
    expect(read(text).kindRule).not.toBe('person-answers-as-i');
  });
});

describe('a report in its own voice is not a body’s page, whatever it says of the body', () => {
  it.each([
    'PEEL 2023–25: An inspection of Kent Police\nWe inspected the force.\nSince our last inspection, the PCC has written to the Home Office about funding.',
    'PEEL 2023–25: An inspection of Kent Police\nWe found that our PCC has funded more call handlers.',
    'Kent – PEEL 2023–2025\nWe inspected the force and the PCC.\nOur response to the Home Secretary’s commission\nThe Police and Crime Commissioner (PCC) has a responsibility to respond to reports.',
    'Letter to the PFCC\nTo:\nRoger Hirst\nEssex Police, Fire and Crime Commissioner\nI write about our inspection of Essex Police. We found that the force must improve.',
    'An inspection of serious youth violence\nThe Home Office welcomes independent scrutiny.\nWe found that forces must do more.',
  ])('%j is the inspectorate’s', (text) => {
    expect(read(text).kind).toBe('hmicfrs-report');
  });

  it('a force’s statement is not a person answering: "The force responds to HMICFRS report"', () => {
    expect(read('The force responds to HMICFRS report on crime recording\nI am pleased with the findings.').kindRule).not.toBe('person-answers-as-i');
  });

  it('a letter by the Chief Inspector, named after the title', () => {
    const result = read(
      'Letter from Andy Cooke to chief constables: vetting\nHis Majesty’s Chief Inspector of Constabulary, Andy Cooke, has written to all chief constables.',
    );
    expect(result.kind).toBe('hmicfrs-report');
  });
});

describe('rule: body-site-banner', () => {
  it('a page under a local policing body’s banner is the body’s', () => {
    const result = read(
      'Bridgebury House, Woburn Road, Kempston\nOffice of the Bedfordshire Police and Crime Commissioner\nHis Majesty’s Inspectorate of Constabulary (HMIC) Reports and Publications\nHMIC reports on the force are listed below.',
    );
    expect([result.kind, result.kindRule]).toEqual(['pcc-response', 'body-site-banner']);
  });

  it('a body’s archived site saying whose it is', () => {
    const result = read(
      'This is the archived version of Anyshire Police and Crime Commissioner. To view the new website click here\nPraise for police response to domestic abuse\nThe force’s approach is highlighted in the report by HMICFRS, published today.',
    );
    expect([result.kind, result.kindRule]).toEqual(['pcc-response', 'body-site-banner']);
  });

  it('a body’s site sending a visitor who wants the police to the force’s site', () => {
    const result = read(
      'Skip to content\nLooking for Norfolk Police?\nDo you need the Police? Visit the Norfolk Police website\nHMICFRS 2021/22 report published\nThe latest PEEL inspection report for Norfolk Constabulary has been published today.',
    );
    expect([result.kind, result.kindRule]).toEqual(['pcc-response', 'body-site-banner']);
  });

  it('not a panel’s banner, nor the body named further down', () => {
    expect(read('Police and Crime Panel\nHMIC reports\nThe report found the force good.').kindRule).not.toBe('body-site-banner');
    const filler = ['One.', 'Two.', 'Three.', 'Four.', 'Five.', 'Six.', 'Seven.'];
    const further = ['HMIC reports', ...filler, 'Office of the Bedfordshire Police and Crime Commissioner'].join('\n');
    expect(read(further).kindRule).not.toBe('body-site-banner');
  });
});

describe('rule: body-states-its-duty', () => {
  it.each([
    'HMICFRS Inspections\nHMICFRS independently assesses police forces.\nThe Police and Crime Commissioner (PCC) has a responsibility to respond to reports published by HMICFRS within 56 days.',
    'HMICFRS reports\nHMICFRS assesses and reports on the police.\nWhenever the HMICFRS publish a report that is relevant to a police force, the Police and Crime Commissioner (PCC) has a duty to respond.',
    'HMICFRS reports\nHMICFRS assesses and reports on the police.\nHMICFRS reports and the response from the PCC are listed below.',
    'HMICFRS Inspections and Reports\nHMICFRS performance reports on the force must be published.\n(a) annual report\n(b) summary\n(c) grades\n(d) more\n(e) more\n(f) more\n(g) more\n(h) more\n(i) more\n(j) more\nA copy of all HMICFRS reports, including responses provided by the OPCC, can be accessed below.',
  ])('the body’s page stating its duty to respond or pointing to its responses, its title capitalised as its pages write it: %j', (text) => {
    const result = read(text);
    expect([result.kind, result.kindRule]).toEqual(['pcc-response', 'body-states-its-duty']);
  });

  it('not the inspectorate’s own account of the duty, in its lower case', () => {
    expect(
      read('HMICFRS Inspections\nWe inspected the force.\nThe police and crime commissioner has a responsibility to respond to reports within 56 days.')
        .kindRule,
    ).not.toBe('body-states-its-duty');
  });
});

describe('rule: our-response-on-a-body-page', () => {
  it('"Our response to …" on a page naming the body, which answered with its force', () => {
    const result = read(
      'Super Complaint – Police Data Sharing\nHMICFRS has published a report.\nOur response to recommendations made in the report – December 3, 2021\nNorthamptonshire Police submitted a joint response with Northamptonshire’s Police, Fire and Crime Commissioner (PFCC) to HMICFRS.',
    );
    expect([result.kind, result.kindRule]).toEqual(['pcc-response', 'our-response-on-a-body-page']);
  });

  it('not a force’s page that names no body', () => {
    expect(
      read(
        'Super Complaint – Police Data Sharing\nHMICFRS has published a report.\nOur response to recommendations made in the report\nThe force has reviewed its policy.',
      ).kind,
    ).not.toBe('pcc-response');
  });
});

describe('rule: body-statement', () => {
  it("a body's statement welcoming a report, its area named first", () => {
    const result = read(
      "Custody inspection report\nNorfolk's Police and Crime Commissioner (PCC), Lorne Green, has welcomed the findings of an inspection of police custody.",
    );
    expect([result.kind, result.kindRule]).toEqual(['pcc-response', 'body-statement']);
  });

  it('not the force and its body welcoming a report together, as the force’s news tells it', () => {
    const result = read(
      'HMIC PEEL reports on the state of policing\nDorset Police and the Police and Crime Commissioner have welcomed the full annual HM Inspectorate of Constabulary report.\nThe force was rated good.',
    );
    expect(result.kindRule).not.toBe('body-statement');
    expect(
      read('HMIC PEEL\nDorset Police and Dorset’s Police and Crime Commissioner have welcomed the HMIC report.\nThe force was rated good.').kindRule,
    ).not.toBe('body-statement');
  });

  it('a body reassured by an inspection', () => {
    const result = read(
      'Accessibility Settings Skip to main content\nThe Police and Crime Commissioner is reassured, following a HMICFRS inspection, that West Mercia Police is doing all it can to prevent corruption.',
    );
    expect([result.kind, result.kindRule]).toEqual(['pcc-response', 'body-statement']);
  });

  it("the Met's Commissioner, its chief officer, welcoming an inspection does not make the report a response", () => {
    const result = read(
      'PEEL 2023–25: An inspection of the Metropolitan Police Service\nHMICFRS inspected the force.\nThe Commissioner welcomed our inspection and gave us full access.',
    );
    expect([result.kind, result.s55.applies]).toEqual(['hmicfrs-report', true]);
  });
});

describe('rule: works-with-chief-officer', () => {
  const body = ['pcc-response', 'works-with-chief-officer'];
  it.each([
    [
      'HMIC inspected the arrangements of 18 forces for this national report.\nThis report was published in April 2014 and I will work with the Chief Constable to ensure that Northumbria Police respond to its recommendations.',
      body,
    ],
    // All in quotation, as a body's statement often is.
    [
      '“My aim is for Wiltshire Police to provide a quality service.\n“Together, the Chief Constable and I will ensure the improvements the HMICFRS inspection asks for are made.',
      body,
    ],
    // The inspectorate by no name but "the Inspectorate".
    [
      '“Together, the Chief Constable and I will ensure improvements are rapidly implemented so we can begin to satisfy the Inspectorate and, more importantly, Wiltshire’s residents.',
      body,
    ],
    // Not another inspectorate by its name.
    ['The Chief Constable and I welcome the report of the Inspectorate of Prisons on custody.', ['other', 'unrecognised']],
    // Not an inspector quoted by the inspectorate.
    [
      'Anyshire Police: an inspection of custody\nHM Inspector of Constabulary Wendy Williams said: “I will be writing to the Chief Constable about what we found.”',
      ['hmicfrs-report', 'names-inspectorate'],
    ],
  ])('%j reads as %j', (text, kindAndRule) => {
    const result = read(text);
    expect([result.kind, result.kindRule]).toEqual(kindAndRule);
  });
});

describe('rule: body-comments', () => {
  it('"Commenting on the HMIC report, Surrey’s Police and Crime Commissioner … said"', () => {
    const result = read(
      'On 4 September HMIC published its inspection findings about crime prevention and police attendance across forces in England and Wales.\nCommenting on the HMIC report, Surrey’s Police and Crime Commissioner Kevin Hurley said:\nThe findings are hardly surprising.',
    );
    expect([result.kind, result.kindRule]).toEqual(['pcc-response', 'body-comments']);
  });
});

describe('rule: writing-in-response', () => {
  it('a letter writing in response to the above report', () => {
    const result = read(
      [
        '31 May 2023',
        'Home Secretary',
        '2 Marsham Street',
        'London SW1P 4DF',
        'An inspection of how well the police tackle online child sexual abuse',
        'I am writing to you in response to the above HMICFRS report published on 5th April 2023.',
      ].join('\n'),
    );
    expect([result.kind, result.kindRule]).toEqual(['pcc-response', 'writing-in-response']);
  });
});

describe('rule: invites-chief-officer, the response asked for', () => {
  it('"I have asked for a response from the Chief Constable"', () => {
    const result = read(
      'I welcome this HMICFRS report on rape investigations.\nI have asked for a response from the Chief Constable, including on the recommendations made.\nSurrey Chief Constable Response',
    );
    expect([result.kind, result.kindRule]).toEqual(['pcc-response', 'invites-chief-officer']);
  });

  it('one that never names the inspectorate is still answering a report when it speaks of "the recommendations within the report"', () => {
    const result = read(
      'I welcome this report on neurodiversity. The recommendations within the report will help.\nI have asked the Chief Constable to comment on this report.',
    );
    expect([result.kind, result.kindRule]).toEqual(['pcc-response', 'invites-chief-officer']);
  });
});

describe('rule: invites-chief-officer', () => {
  it('a body that invites the chief constable to comment is responding', () => {
    const result = read(
      'The HMICFRS report on collaboration was published in October.\nI have asked the Chief Constable to comment on the report and to say how the force will respond.',
    );
    expect([result.kind, result.kindRule]).toEqual(['pcc-response', 'invites-chief-officer']);
  });

  it('inspectors asking the chief constable for views are not', () => {
    const text = 'PEEL 2023–25: An inspection of Kent Police\nHMICFRS inspected the force.\nWe asked the chief constable for his views on our findings.';
    expect(read(text).kind).toBe('hmicfrs-report');
  });
});

describe('rule: signed-by-body', () => {
  it('a sign-off by a commissioner', () => {
    const result = read(
      'HMICFRS found that forces track few benefits.\nI will review how we track them locally.\nJane Doe, Kent Police and Crime Commissioner',
    );
    expect([result.kind, result.kindRule]).toEqual(['pcc-response', 'signed-by-body']);
  });

  it.each(['Staffordshire Police, Fire and Crime Commissioner', 'Police, Fire & Crime Commissioner', 'Police, Crime and Victims’ Commissioner'])(
    'a sign-off in every title a body holds: %s',
    (title) => {
      const result = read(`HMICFRS found that forces track few benefits.\nI will review how we track them locally.\nJane Doe, ${title}`);
      expect([result.kind, result.kindRule]).toEqual(['pcc-response', 'signed-by-body']);
    },
  );

  it("a report's glossary naming the role is not a sign-off", () => {
    const text = 'PEEL 2023–25: An inspection of Kent Police\nHMICFRS inspected the force.\nGlossary\nPCC\nPolice and crime commissioner';
    expect(read(text).kind).toBe('hmicfrs-report');
  });
});

describe('rule: titled-response-to', () => {
  it.each([
    'Response to the custody inspection\nThe inspection found that detainees waited too long.',
    'RESPONSE ON HMIC PEEL EFFICIENCY REPORT NOVEMBER 2016\nHMIC judged South Yorkshire Police to require improvement.',
    'PEEL: Police effectiveness 2016 – Nottinghamshire Police Response\nHMIC found the force good at keeping people safe.',
    'Response of the Police and Crime Commissioner of Wiltshire and Swindon to the HMICFRS report on stop and search\nThe force accepts the recommendations.',
  ])('a title that calls the page a response, about an inspection: %j', (text) => {
    const result = read(text);
    expect([result.kind, result.kindRule]).toEqual(['pcc-response', 'titled-response-to']);
  });

  it('a title naming the body is the body’s response though the chief constable is quoted first', () => {
    const result = read(
      'Response of the Police and Crime Commissioner for Wiltshire to HMICFRS PEEL 2023\nThe Chief Constable said: "We accept the findings."\nThe report found the force good.',
    );
    expect([result.kind, result.kindRule]).toEqual(['pcc-response', 'titled-response-to']);
  });

  it('under such a title, the chief constable quoted before any body is the force’s page', () => {
    const result = read(
      'Response to HMIC PEEL Legitimacy Report\n11 Feb 2016 06:30 AM\nChief Constable Steve Ashman said:\n"We accept most of the findings of this report."',
    );
    expect([result.kind, result.kindRule]).toEqual(['other', 'chief-officer-quoted']);
  });

  it('an organisation answering in its own name under such a title is not a body’s response', () => {
    const result = read(
      'Response to the HMIC report – police engagement with women and girls\nSafeLives welcomes today’s publication of the HMICFRS report on violence against women and girls.',
    );
    expect([result.kind, result.kindRule]).toEqual(['other', 'organisation-answers']);
  });
});

describe('rule: other-body-response', () => {
  it.each([
    'Second NPCC response to recommendations – overview report\nThis is the NPCC response to the HMICFRS super-complaint report.\n1. By June 2023, chief constables should review their cases.',
    'Annex A: Summary of the Metropolitan Police Service (MPS) response to IOPC and HMICFRS recommendations to the MPS\n1. The MPS should take immediate steps.',
    'MPS response to HMIC Inspection of 2002/03\nThe MPS has considered the report of Her Majesty’s Inspector.',
    // Whatever the answered inspection is about ("the progress of individuals …").
    'CPS response to joint thematic inspection of the progress of individuals who have mental health problems through the criminal justice system\nThe Criminal Justice Joint Inspection have today issued a report.\nRecommendation 1: The CPS should improve its guidance.',
  ])("another body's response to the recommendations is neither a report nor an s55 response: %s", (text) => {
    const result = read(text);
    expect([result.kind, result.kindRule, result.s55.applies]).toEqual(['other', 'other-body-response', false]);
  });

  it.each([
    ['The police response to domestic abuse: an update report'],
    ['An inspection of the Metropolitan Police Service’s response to the report of the Daniel Morgan Independent Panel'],
    ['Police response to the public disorder in July and August 2024: progress against our recommendations'],
    ['Greater Manchester Police’s response to HMICFRS’s crime data integrity recommendations: revisit'],
  ])('an inspection of a response is an inspection report: %s', (title) => {
    expect(read(`${title}\nHMICFRS inspected the force.\nRecommendation 1: By May 2025, the force should act.`).kind).toBe('hmicfrs-report');
  });
});

describe('rule: national-inspection-opening', () => {
  it.each([
    'Digital forensics\nAn inspection into how well the police and other agencies use digital forensics in their investigations\nForces are overwhelmed.',
    'Online child abuse\nThis is our inspection of how well the police tackle online child sexual abuse.',
    'Core Business: an inspection into crime prevention, police attendance and the use of police time\nForces attend fewer incidents.',
  ])('is an inspection report, binding every force, though it never names the inspectorate: %j', (text) => {
    const result = read(text);
    expect([result.kind, result.kindRule, result.forces, result.s55.applies]).toEqual(['hmicfrs-report', 'national-inspection-opening', [], true]);
  });

  it('not the title quoted in another’s sentence', () => {
    const result = read(
      'Forensic Capability Network statement\nThe report led by Matt Parr, which is ‘an inspection into how well the police and other agencies use digital forensics in their investigations’, was published today.',
    );
    expect(result.kindRule).not.toBe('national-inspection-opening');
    expect(result.kind).toBe('other');
  });

  it('not one force’s inspection, as another’s page tells of it', () => {
    const result = read(
      'Anyshire Police Child Protection Services ‘Still Need Improvement’\nAn inspection into the force was first carried out in September last year and a post-inspection review in April 2015 found there was still progress to be made.',
    );
    expect(result.kindRule).not.toBe('national-inspection-opening');
  });
});

describe('rule: names-inspectorate', () => {
  it('a document naming the inspectorate', () => {
    const result = read('Custody review\nHMICFRS looked at custody.');
    expect([result.kind, result.kindRule]).toEqual(['hmicfrs-report', 'names-inspectorate']);
  });

  it('an inspection report that recalls what the inspectorate called for is still one, with its clock', () => {
    const result = read(
      'An inspection of stalking\nForeword\nIn 2014, HMIC called for a fundamental change, and for several years HMICFRS has warned that stalking is misunderstood.\nThis inspection looked at six forces.',
    );
    expect([result.kind, result.s55.applies]).toEqual(['hmicfrs-report', true]);
  });
});

describe('what is no press mark', () => {
  it('a sentence ending "have been told." with no named source', () => {
    const text =
      'Report on an unannounced inspection visit to police custody suites in Anyshire\nWe found that detainees were not told their rights, and several said they have been told.';
    expect(read(text).kindRule).not.toBe('press-byline');
  });
});

describe('rule: peel-programme', () => {
  it('a PEEL page that never names the inspectorate is still an inspection report', () => {
    const result = read('Bedfordshire PEEL 2018\nEfficiency\nAreas for improvement\n- The force should ensure it has enough trained officers.');
    expect([result.kind, result.kindRule, result.s55.applies]).toEqual(['hmicfrs-report', 'peel-programme', true]);
  });

  it('a PEEL page of the inspectorate’s questions and its findings, naming neither the inspectorate nor an inspection, is its report', () => {
    const result = read(
      'Anyshire PEEL 2015\nEfficiency\nHow efficient is the force at keeping people safe and reducing crime?\nThe force understands its current demand on services.',
    );
    expect([result.kind, result.kindRule]).toEqual(['hmicfrs-report', 'peel-programme']);
  });

  it('a PEEL 2014 page asking its legitimacy question, naming neither the inspectorate nor an inspection', () => {
    const result = read(
      'Anyshire PEEL 2014\nDoes the force act with integrity and provide a service the public expects?\nLast updated 12/11/2014\nThere is clear leadership from the chief constable.',
    );
    expect([result.kind, result.kindRule]).toEqual(['hmicfrs-report', 'peel-programme']);
  });

  it('a PEEL page that speaks only of "inspections", in the plural, as PEEL 2014’s do', () => {
    const result = read(
      'Anyshire 2014\nThis is the first PEEL Assessment of Anyshire Constabulary. I have used the evidence available from inspections undertaken in the past 12 months.',
    );
    expect([result.kind, result.kindRule]).toEqual(['hmicfrs-report', 'peel-programme']);
  });

  it.each([
    'Commissioner’s response to PEEL 2014\nThe Commissioner welcomes the findings of recent inspections of Anyshire Police.',
    'Police and Crime Plan 2021–24\nThe Commissioner will scrutinise the force’s PEEL results and other inspections.',
  ])('not a page that only mentions PEEL and "inspections": %j', (text) => {
    expect(read(text).kind).not.toBe('hmicfrs-report');
  });

  it('Sir Robert Peel in a police and crime plan does not make it an inspection report', () => {
    expect(read('Police and Crime Plan 2021–24\nSir Robert Peel said the police are the public and the public are the police.').kind).toBe('other');
  });
});

describe('rule: inspection-report-title', () => {
  it.each([
    'Police response to violence against women and girls: Final inspection report\nPublished on: 17 September 2021\nWe found that the police have improved.',
    'Report on an unannounced inspection visit to police custody suites\nThe visit found that detainees were treated well.',
    'The hidden victims: Report on Hestia’s super-complaint on the police response to victims of modern slavery\nModern slavery takes several forms.',
    'Derbyshire – National child protection re‑inspection\nPublished on: 21 October 2022\nContents',
  ])('a title that calls the document an inspection report: %j', (text) => {
    const result = read(text);
    expect([result.kind, result.kindRule]).toEqual(['hmicfrs-report', 'inspection-report-title']);
  });

  it('a named inspection: "Leading Lights: An inspection of …"', () => {
    const result = read(
      'Leading Lights: An inspection of the police service’s arrangements for the selection and development of chief officers\nPublished on: 15 March 2023\nThis inspection arose partly because of concern about chief officer posts.',
    );
    expect([result.kind, result.kindRule]).toEqual(['hmicfrs-report', 'inspection-report-title']);
  });
});

describe('rule: other-inspectorate', () => {
  it('another inspectorate’s report, the police inspectorate never named, is other', () => {
    const result = read(
      'Report on an announced inspection of\n\nHer Majesty’s Armed Forces Service Custody Facilities\n\nby HM Chief Inspector of Prisons\n\nAny enquiries should be sent to HM Inspectorate of Prisons.',
    );
    expect([result.kind, result.kindRule, result.s55.applies]).toEqual(['other', 'other-inspectorate', false]);
  });

  it('a joint inspection naming the police inspectorate is the police inspectorate’s', () => {
    const result = read('Report on police custody in Kent\nby HM Inspectorate of Prisons and HM Inspectorate of Constabulary');
    expect(result.kind).toBe('hmicfrs-report');
  });

  it('a page with the police inspectorate’s site marks that names another inspectorate beside its own work is the police inspectorate’s', () => {
    const result = read(
      'National Child Protection Inspections: 2019 thematic report\nPublished on: 27 February 2020\nIn early 2014, we began a national programme of child protection inspections.\nAlong with Ofsted, we launched the joint targeted area inspections.',
    );
    expect(result.kind).toBe('hmicfrs-report');
  });

  it('another inspectorate’s report is still its own though it prints an ISBN, as they all do', () => {
    const text =
      'Youth justice thematic\nA thematic inspection by HM Inspectorate of Probation\nWe inspected twelve youth offending services.\nISBN: 978-1-915468-01-2\nRecommendation 1\nThe Youth Justice Board should review its guidance.';
    expect([read(text).kind, read(text).kindRule, extractFromText(text).recommendations]).toEqual(['other', 'other-inspectorate', []]);
  });

  // The prisons' and probation inspectorates publish under the same domain as the police inspectorate.
  it.each(['https://hmiprisons.justiceinspectorates.gov.uk', 'https://www.justiceinspectorates.gov.uk/hmiprobation'])(
    'another inspectorate’s address, %j, is not the police inspectorate’s own',
    (address) => {
      const result = read(
        `Custody in the south west\nHMICFRS published their findings on custody suites in four forces.\nThis publication is available at:\n${address}`,
      );
      expect([result.kind, result.kindRule]).toEqual(['other', 'inspectorate-as-they']);
    },
  );

  it('the police inspectorate’s own address on a line of its own is its own voice', () => {
    const result = read(
      'Custody in the south west\nHMICFRS published their findings on custody suites in four forces.\nThis publication is available at:\nhttps://www.justiceinspectorates.gov.uk/hmicfrs',
    );
    expect(result.kind).toBe('hmicfrs-report');
  });

  it('another inspectorate’s chief named by the title alone is not the police inspectorate, and what it recommends is not read', () => {
    const text =
      'National Inspection – April 2025\nForeword from the HM Chief Inspector\nHM Chief Inspector of Probation, Martin Jones\nRecommendation 1\nHMPPS should improve how it supervises people on probation.';
    const result = read(text);
    expect([result.kind, result.kindRule, extractFromText(text).recommendations]).toEqual(['other', 'other-inspectorate', []]);
  });
});

describe('rule: scottish-policing', () => {
  it.each([
    [
      'HMIC in Scotland’s report, styled "HMIC" as it then was',
      'Scottish Executive Consultations\nHM Inspectorate of Constabulary in Scotland\nThe investigation of complaints against the police in Scotland\nRecommendation 1\nHMIC recommends that chief constables review the standard letters to complainers.',
    ],
    [
      'a table of recommendations to Police Scotland',
      'Recommendations\n| 1 | Police Scotland should publish a clear policy on drug harm reduction. |\n| 2 | Police Scotland should define its role in the public health approach. |',
    ],
    [
      'HM Fire Service Inspectorate’s review of its own work',
      'Assessing the effectiveness of our inspection activity\nHMFSI set out to learn what its inspections had achieved.\na) That our inspection work has added value to the SFRS. We found that the Scottish Fire and Rescue Service acts on it.',
    ],
  ])('%s is other, and what it recommends is not read', (_, text) => {
    const result = read(text);
    expect([result.kind, result.kindRule, extractFromText(text).recommendations]).toEqual(['other', 'scottish-policing', []]);
  });

  it('nor an inspection of forces in England and Wales that speaks of Scotland in passing', () => {
    const text =
      'Stop and search review\nHMIC inspected forces. We found officers in Scotland and elsewhere use the power well.\nRecommendation 1\nWithin six months, chief constables should publish their stop and search data.';
    expect(read(text).kindRule).not.toBe('scottish-policing');
    expect(extractFromText(text).recommendations).toHaveLength(1);
  });

  it('a report on England and Wales that names Police Scotland in passing is not', () => {
    const text =
      'PEEL 2023–25: An inspection of Anyshire Police\nThe force shares a firearms range with Police Scotland.\nRecommendation 1\nBy March 2025, the force should improve how it answers 999 calls in England and Wales.';
    expect([read(text).kind, extractFromText(text).recommendations.length]).toEqual(['hmicfrs-report', 1]);
  });
});

describe('rule: committee-report', () => {
  it('a Commons committee’s report as Parliament’s site gives it: its recommendations are the committee’s', () => {
    const text =
      'Inspection in home affairs and justice - Public Accounts Contents\nConclusions and recommendations\n1. There is a risk that the independence of the inspectorates is undermined.\nRecommendation: The Cabinet Office should conduct a full review of the appointment of Chief Inspectors.';
    const result = read(text);
    expect([result.kind, result.kindRule, extractFromText(text).recommendations]).toEqual(['other', 'committee-report', []]);
    expect(result.title).toBe('Inspection in home affairs and justice');
  });

  it('its conclusions citing their paragraphs, though it recommends in its own "We"', () => {
    const text =
      'Conclusions and recommendations\nGovernance and funding arrangements\n1. The service needs certainty over its future. (Paragraph 14)\n2. We recommend that the Government fund fully from central resources any additional burdens. (Paragraph 15)\n3. We recommend that the Government set a baseline for its performance. (Paragraph 17)';
    const result = read(text);
    expect([result.kind, result.kindRule, extractFromText(text).recommendations]).toEqual(['other', 'committee-report', []]);
  });

  it('not a report citing one paragraph of another', () => {
    expect(
      read('Conclusions and recommendations\nWe recommend that the force should review its vetting, as the Committee said (Paragraph 15).').kindRule,
    ).not.toBe('committee-report');
  });
});

describe('rule: press-words', () => {
  it('the press’s words for a force and its report, though it quotes the inspector', () => {
    const result = read(
      'date 2017-04-13 Under-fire police bosses have been handed no reprieve after the full report branded the force ‘inadequate’.\nHMIC has unveiled its full findings.\nHMI chief Zoë Billingham said: “I continue to be very concerned.”',
    );
    expect([result.kind, result.kindRule]).toEqual(['other', 'press-words']);
  });

  it.each([
    'Bedfordshire’s police and crime commissioner has hit out at an ‘incredibly disappointing’ assessment of the force.\nZoë Billingham, of HMIC, said: “The force is good at tackling anti-social behaviour.”',
    'Northamptonshire’s police chief hits back over critical report by inspectors\nHM Inspector of Constabulary Roy Wilsher said: “The force needs to get better.”',
    'The commissioner was quizzed by a member of the public after the inspection.\nHM Inspector of Constabulary Wendy Williams said: “The force needs to make fundamental changes.”',
    'HMIC voices concerns over undercover police recommendations\nImage caption HMIC made key recommendations\nPolice inspectors say there are concerns.',
  ])('the press’s idiom or furniture, though it quotes an inspector: %j', (text) => {
    expect([read(text).kind, read(text).kindRule]).toEqual(['other', 'press-words']);
  });

  it.each([
    'THE Police and Crime Commissioner for Gwent has welcomed a report into Gwent Police issued by HMIC.\nThe PEEL assessment is an annual inspection.',
    'WILTSHIRE Police has been praised for its use of stop and search.\nIn 2015, HMIC assessed each force in Wiltshire and elsewhere.',
    'RE-ELECTED Police and Crime Commissioner Dafydd Llywelyn has said he is disappointed.\nHMICFRS issued a cause of concern.',
    // With no headline above it, the lead is read as the title: it is the lead all the same.
    "DORSET & Wiltshire Fire and Rescue Service has been commended by inspectors from Her Majesty's Inspectorate of Constabulary and Fire & Rescue Services. (HMICFRS)\nThis is the first time HMICFRS has inspected fire and rescue services across England.",
  ])('a newspaper’s lead, its first words in capitals, though a body is its subject: %j', (text) => {
    expect([read(text).kind, read(text).kindRule]).toEqual(['other', 'press-lead']);
  });

  it.each([
    'HMICFRS found that Anyshire Police is good at answering calls.\nWe found the force good at keeping people safe.',
    'PEEL is the inspectorate’s assessment of forces.\nWe inspected Anyshire Police in 2024.',
  ])('not an acronym opening a paragraph: %j', (text) => {
    expect(read(text).kind).toBe('hmicfrs-report');
  });

  it.each([
    'REPORT of the Police and Crime Commissioner for Kent\nThe Commissioner’s response to the HMICFRS report on Kent Police.',
    'STRONG focus on neighbourhood policing praised\nThe Police and Crime Commissioner for Cambridgeshire has welcomed the HMIC report.',
  ])('not a word in capitals that is neither an article, a compound nor a force’s area: %j', (text) => {
    expect(read(text).kindRule).not.toBe('press-lead');
  });

  it('not the words quoted, as a body or the inspectorate may quote them', () => {
    const result = read(
      'PEEL 2023–25: Anyshire Police\nThe force told us it had read the “damning” press coverage.\nWe found the force good at answering calls.',
    );
    expect(result.kind).toBe('hmicfrs-report');
  });
});

describe('rule: chief-officer-quoted', () => {
  it.each([
    [
      'the press’s page about a PEEL report, quoting the chief constable, is another’s',
      'Mixed inspection report for Dorset Police\nHis Majesty’s Inspectorate of Constabulary and Fire & Rescue Services has produced its PEEL report.\nChief Constable Amanda Pearson said: “This report is a fair assessment.”',
      ['other', 'chief-officer-quoted'],
    ],
    [
      'the inspectorate’s report, in its own voice, is its own',
      'PEEL 2023–25: Anyshire Police\nWe found the force good at answering calls.\nChief Constable Jo Bloggs said the force would act on our findings.',
      ['hmicfrs-report', 'inspectorate-own-voice'],
    ],
  ])('%s', (_about, text, kindAndRule) => {
    const result = read(text);
    expect([result.kind, result.kindRule]).toEqual(kindAndRule);
  });
});

describe('rule: news-site-furniture', () => {
  it.each([
    'Subscribe Now',
    'Leave a Reply',
    'Picture: submitted',
    'Posted: Thu 2nd Jul 2015',
    'Media playback is unsupported on your device',
    '4 Comments',
    'Read on… http://www.bbc.co.uk/news/uk-1',
    'Share this content',
  ])('a news site’s page about an inspection, by its %j', (furniture) => {
    const result = read(
      `Anyshire Police removed from enhanced monitoring\nThe monitoring was carried out by His Majesty’s Inspectorate of Constabulary and Fire & Rescue Services (HMICFRS).\n${furniture}`,
    );
    expect([result.kind, result.kindRule]).toEqual(['other', 'news-site-furniture']);
  });

  it('though it quotes an inspector, as the press does', () => {
    const result = read(
      'Posted: Thu 2nd Jul 2015\nPolice must reassess their approach to child protection\nThe HMIC report says police are failing to carry out effective investigations.\nHM Inspector of Constabulary Dru Sharpling said: “Forces must do better.”',
    );
    expect([result.kind, result.kindRule]).toEqual(['other', 'news-site-furniture']);
  });
});

describe('rule: quick-exit-site', () => {
  // A force's statement about its inspection, and a force's page answering a super-complaint's recommendations.
  it.each([
    'Leave site Skip to content\nAnyshire Police rated good by inspectors\nAnyshire Police are good at preventing crime, according to a report by His Majesty’s Inspectorate of Constabulary and Fire & Rescue Services.',
    'Quickly exit this site by pressing the Escape key Leave this site\nIn December 2023 His Majesty’s Inspectorate of Constabulary and Fire and Rescue Services published its report.\nRecommendation 1\nChief constables should review their use of section 60.',
  ])('another’s page, by the button that hides its site: %j', (text) => {
    const result = read(text);
    expect([result.kind, result.kindRule]).toEqual(['other', 'quick-exit-site']);
  });

  it.each([
    'Custody review\nHMICFRS looked at custody.\nDetainees were not allowed to leave site without an escort.',
    'Custody review\nHMICFRS looked at custody.\nThe quick exit button on the force’s website was easy to find.',
  ])('not the words in prose: %j', (text) => {
    expect(read(text).kindRule).not.toBe('quick-exit-site');
  });

  it('a commissioner’s response on such a site is still the commissioner’s', () => {
    const result = read(
      'Quickly exit this site by pressing the Escape key\nPCC response to HMICFRS PEEL inspection\nI welcome this report from HMICFRS and I will hold the Chief Constable to account for the improvements it asks for.',
    );
    expect(result.kind).toBe('pcc-response');
  });
});

describe('rule: force-accepts-findings', () => {
  it('a chief officer accepting the findings for the force is the force’s statement', () => {
    const result = read(
      'Our response to the inspection\nWe recognise and accept HMICFRS findings about our continued weaknesses, which follows a routine inspection.\nI can assure you that our top priority is to keep people safe.',
    );
    expect([result.kind, result.kindRule, result.s55.applies]).toEqual(['other', 'force-accepts-findings', false]);
  });

  it.each([
    'Improvement plan\nIn June, we received our inspection report from Her Majesty’s Inspectorate of Constabulary and Fire and Rescue Services (HMICFRS).',
    'News\nOur statement following our latest HMICFRS inspection\nThe force was graded good at preventing crime.',
  ])('the inspected force or service speaking of its own inspection is its statement: %j', (text) => {
    const result = read(text);
    expect([result.kind, result.kindRule]).toEqual(['other', 'force-accepts-findings']);
  });
});

describe('rule: letter-from-another-body', () => {
  it('a letter from the Home Secretary is neither a report nor an s55 response', () => {
    const result = read(
      'Letter from the Home Secretary to the Metropolitan Police Commissioner and the Mayor of London, dated 22 March 2022\nHMICFRS has found that the force must improve.',
    );
    expect([result.kind, result.kindRule, result.s55.applies]).toEqual(['other', 'letter-from-another-body', false]);
  });

  it('a letter from the inspectorate is the inspectorate’s', () => {
    expect(read('Letter from HM Chief Inspector of Constabulary to the Chief Constable of Kent Police\nHMICFRS writes.').kind).toBe('hmicfrs-report');
  });

  it('a letter from an inspector by name, whom the text names as one, is the inspectorate’s', () => {
    const result = read(
      'Letter from Sir Thomas Winsor to chiefs: completed force management statements\nOn 28 June 2018, Sir Thomas Winsor, Her Majesty’s Chief Inspector of Constabulary, wrote to all chief constables.',
    );
    expect(result.kind).toBe('hmicfrs-report');
  });

  it('so is one whose letterhead names the writer, post-nominal letters between', () => {
    const result = read(
      'Letter from Sir Thomas Winsor to Sir Michael Wilshaw\n18 October 2016\nSir Thomas Winsor WS Her Majesty’s Chief Inspector of Constabulary\nAs you know, HMIC has a programme of annual inspections.',
    );
    expect([result.title, result.kindRule === 'letter-from-another-body']).toEqual(['Letter from Sir Thomas Winsor to Sir Michael Wilshaw', false]);
  });
});

describe('pages by others about the inspectorate’s reports', () => {
  it.each([
    [
      'SafeLives welcomes progress report on the police response to domestic abuse\nSafeLives welcomes the publication of HMIC’s progress report.',
      'organisation-answers',
    ],
    ['PFEW responds to State of Policing report\nHis Majesty’s Chief Inspector of Constabulary says reforms must be funded.', 'organisation-answers'],
    [
      'HMIC Report on Stop and Search Out Today - StopWatch Response\nStopWatch welcomes HMIC’s national inspection of stop and search.',
      'organisation-answers',
    ],
    [
      '01 Dec 2022\nThe publication of HMICFRS’s inspection of digital forensics is welcomed by the National Police Chief’s Council.\nDCC Paul Gibson said: “Today, virtually every crime has a digital element.”',
      'organisation-answers',
    ],
    [
      'Welsh police forces criticised over domestic abuse\nHer Majesty’s Inspectorate of Constabulary (HMIC) said three forces required improvement.\nThe watchdog said Gwent Police was good.',
      'press-report',
    ],
    ['Home Secretary re-admits 13 forces to the scheme\n\nby Brian Sims\n\nHMIC revisited the forces in 2016.', 'press-byline'],
    ['Police not ready for honour-based crime\nPolice in England and Wales are not prepared to combat honour-based crime, inspectors say.', 'press-report'],
    // A reporter's byline or source is the press's, though the page quotes an inspector.
    [
      'Force under criticism after inspection\nAuthor: Sam Jones Published 24th Nov 2023\nHMICFRS found the force was not managing risk.\nHMI Roy Wilsher said: “The force must improve.”',
      'press-byline',
    ],
    [
      'Firearms report due next week\nHMIC will publish its report into firearms licensing next week, the Shooting Gazette has been told.\nHMI Mike Cunningham said: “We looked at 11 forces.”',
      'press-byline',
    ],
    // A plural's apostrophe inside the press's single marks does not end the quotation: "officers’ approach".
    ['Custody criticised\n\nBy Sam Jones\n\nHMICFRS inspectors said ‘officers’ approach was poor and we found this in many suites’.', 'press-byline'],
    // The report's own words, in the press's single marks, are the report's voice, not the page's.
    [
      'A policing lottery\n\nby Sam Jones\n\nHMICFRS inspectors reported that call takers ‘ended calls quickly …. we found this continued in many forces’ control rooms’.',
      'press-byline',
    ],
    ['Service provided to domestic violence victims improving, says HMIC\nIn March 2014, HMIC published a report.', 'press-report'],
    // The press naming its sources: the force's answer, a spokesperson, an interview given to it.
    [
      'Anyshire Constabulary: Improvements needed to child protection\nPolice in Anyshire still have work to do, a report has said.\nInspectors said the force had made progress. While none of the objectives have been "fully achieved", the force said it had made "concerted efforts" to improve.',
      'press-report',
    ],
    ['Custody suites improving\nHMICFRS found detainees were treated well.\nA police spokesperson said the force welcomed the findings.', 'press-report'],
    // An inspector quoted over paragraphs in straight single marks, each paragraph opening with one, speaks in the quotation.
    [
      "HMIC Report: Child Protection\nAn inspection by the police watchdog has found Anyshire Police needs to do more.\nHM Inspector of Constabulary Zoë Billingham told Capital:\n'It is clear that the force needs to do more.\n'The most serious case we found was where a girl had been detained for 44 hours.'",
      'press-report',
    ],
    // The press quotes an inspector as the inspectorate's news does; its headline names its source.
    [
      'Continued cuts risk undermining neighbourhood policing – HMIC\nThe latest HMIC report graded 24 forces as good.\nHMI Zoë Billingham said: “Forces must act.”',
      'press-report',
    ],
    [
      'Victims let down, says HMIC\nHMIC published a report today.\nHM Inspector of Constabulary Wendy Williams said: “Victims deserve better.”',
      'press-report',
    ],
    [
      'Inspections\nHMIC independently assesses police forces in the public interest. For more information about the HMIC, visit their site.',
      'inspectorate-as-they',
    ],
    [
      'Report on the super-complaint\nOn 15 December 2023, HMICFRS published their findings.\nHMICFRS visited 11 forces as part of their fieldwork; Kent was not inspected.',
      'inspectorate-as-they',
    ],
  ])('%j is other', (text, rule) => {
    expect([read(text).kind, read(text).kindRule]).toEqual(['other', rule]);
  });

  // A newspaper's page printing the recommendations would otherwise be read as the report, with its reminders.
  it.each([
    [
      'Watchdog says it has serious concerns about Herts Fire and Rescue\nHMICFRS published a report on the service yesterday.\nThe report made the following recommendations:\nRecommendation 1\nBy 31 March 2025, the service should put in place a prevention strategy.',
      'press-report',
    ],
    [
      'Under-fire police bosses told to act\nHMICFRS published a report on the force yesterday.\nRecommendation 1\nBy 31 March 2025, the force should put in place a vetting plan.',
      'press-words',
    ],
  ])('the press printing the recommendations is other, and what it prints is its summary of them: %j', (text, rule) => {
    expect([read(text).kind, read(text).kindRule, extractFromText(text).recommendations]).toEqual(['other', rule, []]);
  });

  it('a page speaking of the inspectorate as "they" is another’s though it lists the recommendations, which it keeps', () => {
    const text =
      'Culture review actions\nOn 1 August 2024, HMICFRS published their thematic report on standards of behaviour.\nRecommendation 1\nBy 1 March 2025, chief fire officers should review their background checks.';
    expect([read(text).kind, read(text).kindRule, extractFromText(text).recommendations.map((recommendation) => recommendation.targetDate)]).toEqual([
      'other',
      'inspectorate-as-they',
      ['2025-03-01'],
    ]);
  });

  it('a local policing body’s page speaking of the inspectorate as "they" is the body’s', () => {
    const result = read(
      'Inspection reports 2022 - 23\nFrom May 2018, HMICFRS changed the way in which they inspect forces.\nThe Police and Crime Commissioner publishes the reports for Lincolnshire.',
    );
    expect([result.kind, result.kindRule]).toEqual(['pcc-response', 'inspectorate-as-they-on-a-body-page']);
  });

  it('a report in its own voice is the inspectorate’s, whatever else it says: a real report read as another’s would get no reminder', () => {
    expect(read('Police response to complaints\nWe found that forces refer too few cases to the IOPC, the police complaints watchdog.').kind).toBe(
      'hmicfrs-report',
    );
    expect(
      read('Stop and search\nHMIC asked forces to publish their plans, and they publish them each quarter.\nWe found that most forces had done so.').kind,
    ).toBe('hmicfrs-report');
    expect(read('Inspectorate welcomes Government response\nHMICFRS has welcomed the response to its report.').kind).toBe('hmicfrs-report');
  });

  it('the inspectorate speaks of its own kind of inspection: "our FRS inspections"', () => {
    expect(
      read('2023/25 FRS assessment\nThis page sets out the next inspection cycle. You can find more about our FRS inspections on the How we inspect page.')
        .kind,
    ).toBe('hmicfrs-report');
  });

  it('the inspectorate’s own pages are not read as others’: its name, an inspector’s words, "they" for the forces', () => {
    expect(read('HMICFRS welcomes the Home Secretary’s response\nWe found that forces must improve.').kind).toBe('hmicfrs-report');
    expect(read('Vetting\nHMICFRS inspected eight forces and found that they had not done enough.\nWe found weaknesses.').kind).toBe('hmicfrs-report');
  });
});

describe('rule: association-page, the chiefs’ council’s leads', () => {
  it('"National Police Chiefs’ Council Lead for Stalking and Harassment, Assistant Chief Constable Garry Shewan said:"', () => {
    const result = read(
      '05 Jul 2017\nAn inspection by HMIC highlights that police must improve.\nNational Police Chiefs’ Council Lead for Stalking and Harassment, Assistant Chief Constable Garry Shewan said:',
    );
    expect([result.kind, result.kindRule]).toEqual(['other', 'association-page']);
  });

  it('the College of Policing’s officer: "Chief Constable Mike Cunningham, College of Policing CEO, said:"', () => {
    const result = read(
      'Response to HMICFRS effectiveness report\nChief Constable Mike Cunningham, College of Policing CEO, said:\n“The report highlights that most forces are effective.”',
    );
    expect([result.kind, result.kindRule]).toEqual(['other', 'association-page']);
  });

  it('a register entry whose status log names the lead, saying nothing, is the inspectorate’s', () => {
    const result = read(
      'Living in fear (9443)\nBy 31 March 2025, chief constables should ensure that stalking is recorded correctly.\nThe NPCC lead for stalking has written to forces.',
    );
    expect(result.kind).toBe('hmicfrs-report');
  });
});

describe('rule: inspection-with-recommendations', () => {
  it('a plain document about an inspection that makes recommendations', () => {
    const result = read('Custody review\nThis inspection looked at custody.\nRecommendation 1: Forces should improve.');
    expect([result.kind, result.kindRule]).toEqual(['hmicfrs-report', 'inspection-with-recommendations']);
  });
});

describe('a report’s page listing the bodies’ responses', () => {
  it('is the report’s, not a response, and names none of their forces', () => {
    const result = read(
      'Missing children: who cares?\nHMICFRS inspected how the police protect missing children.\nThe inspection looked at eight forces.\nWe found that too many children go missing.\nForces must do more.\nThe report is published today.\nGet the police and crime commissioners’ responses to the report\nCumbria police and crime commissioner’s response to ‘Missing children: who cares?’\nDorset police and crime commissioner’s response to ‘Missing children: who cares?’',
    );
    expect([result.kind, result.forces]).toEqual(['hmicfrs-report', []]);
  });
});

describe('rule: register-status-log', () => {
  it('a register entry under a stored page’s "404 Page not found", with the register’s status log', () => {
    const result = read(
      '404 Page not found\n\nCause of concern The size of the vetting backlog within the force is a cause of concern.\n\nRecommendation • The force should ensure all staff have received vetting clearance as quickly as possible.\n\n[on]2nd May 2019 [status]awaiting-review[/status][/on]',
    );
    expect([result.kind, result.kindRule]).toEqual(['hmicfrs-report', 'register-status-log']);
  });
});

describe('rule: body-names-its-response-in-a-heading', () => {
  it('a body’s page whose heading further down names its response', () => {
    const result = read(
      "Cleveland Police Inspection Report & Force Performance\nIn the latest report from HMICFRS, Cleveland Police were rated as inadequate.\nThe report was published on Friday 27th September 2019.\nPlease note: HMICFRS assess the performance of police forces.\nRead more below.\nThe report is on the HMICFRS website.\nThe Commissioner's response to the HMICFRS report\nThe PCC shares the public’s concern at the contents of this report.",
    );
    expect([result.kind, result.kindRule]).toEqual(['pcc-response', 'body-names-its-response-in-a-heading']);
  });
});

describe('rule: body-page-for-a-report', () => {
  it('a body’s page for one report in its list of the inspectorate’s, linking to it', () => {
    const result = read(
      'HMICFRS - Regional Organised Crime Units: An inspection of the effectiveness of the Regional Organised Crime Units\nIn this inspection, HMICFRS examined how effectively the units tackle serious and organised crime.\nThe Inspectorate found evidence of some good work, and made six recommendations.\nThe report can be viewed here.',
    );
    expect([result.kind, result.kindRule]).toEqual(['pcc-response', 'body-page-for-a-report']);
  });

  it.each([
    'Regional Organised Crime Units – HMICFRS\nIn this inspection, HMICFRS examined the units.\nThe report can be viewed here.',
    'HMICFRS - Regional Organised Crime Units\nIn this inspection, HMICFRS examined the units.\nThe report can be viewed here by anyone who registers.',
  ])('not another title or a link in prose: %j', (text) => {
    expect(read(text).kindRule).not.toBe('body-page-for-a-report');
  });
});

describe('rule: association-page', () => {
  it('a page headed by the association’s name', () => {
    const result = read('APCC response to HMIC Crime Data Integrity report\nThe Association of Police and Crime Commissioners welcomes the report.');
    expect([result.kind, result.kindRule, result.s55.applies]).toEqual(['other', 'association-page', false]);
  });

  it('a page of the officers’ federation, though it quotes an inspector', () => {
    const result = read(
      'Force must improve, says Federation\nThe latest HMICFRS inspection shows the Force must improve the service it provides to the public, says Humberside Police Federation’s secretary.\nHM Inspector of Constabulary Roy Wilsher said: “The force needs to improve.”',
    );
    expect([result.kind, result.kindRule, result.s55.applies]).toEqual(['other', 'federation-page', false]);
  });

  it.each(['Avon and Somerset Police Federation', 'POLICE FEDERATION'])('a page headed by the federation’s name: %j', (heading) => {
    const result = read(`${heading}\nHMICFRS found that the force must improve how it answers calls.`);
    expect([result.kind, result.kindRule]).toEqual(['other', 'federation-page']);
  });

  it('headed by the federation’s name above its own title', () => {
    const result = read(
      'Metropolitan Police Federation\nReport finds the Met acted appropriately at the vigil\nA report from HMICFRS, published today, said the force was justified.',
    );
    expect([result.kind, result.kindRule]).toEqual(['other', 'federation-page']);
  });

  it('not the inspectorate’s report that quotes the federation', () => {
    const result = read('Workforce wellbeing in Anyshire Police\nOfficers carry too many investigations, says the Police Federation, and we found the same.');
    expect([result.kind, result.kindRule]).toEqual(['hmicfrs-report', 'inspectorate-own-voice']);
  });

  it('an inspection done at the request of the chiefs’ lead is still the inspectorate’s', () => {
    const result = read(
      'An inspection of the police response to stalking\nWe carried out this inspection at the request of the NPCC Lead for Stalking.\nWe found that forces do not record stalking well.',
    );
    expect(result.kind).toBe('hmicfrs-report');
  });

  it('a statement the association’s leads give is neither a report nor one body’s response', () => {
    const result = read(
      'No one should suffer in silence while they are subjected to domestic abuse\n17/12/2020\nResponding to the Safe to Share? report published today by HMICFRS, APCC Victims Leads, Sophie Linden and Julia Mulligan, said: “We welcome this report.”',
    );
    expect([result.kind, result.kindRule]).toEqual(['other', 'association-page']);
  });
});

describe('an inspection report that speaks of the body is still a report', () => {
  it.each([
    [
      'the PCC’s plan',
      'PEEL 2023–25: An inspection of Kent Police\nPublished on: 12 May 2024\nThe PCC has set a clear police and crime plan.\nWe found that Kent Police is good at investigating crime.',
    ],
    [
      'what the PCC told the inspectors',
      'PEEL 2023: An inspection of Kent Police\nWe inspected the force in May.\nThe PCC told us we hold the force to account through the performance board.',
    ],
  ])('%s', (_what, text) => {
    expect(read(text).kind).toBe('hmicfrs-report');
  });

  it('the Met’s Commissioner’s statement is the force’s, not a local policing body’s response', () => {
    expect(
      read("Metropolitan Police\nCommissioner's statement on HMICFRS PEEL report\nSir Mark Rowley said the force accepts the findings of HMICFRS.").kind,
    ).not.toBe('pcc-response');
  });

  it('a body welcoming another body’s recommendations is not answering an inspection', () => {
    expect(
      read(
        'Commissioner welcomes IOPC findings\nThe Police and Crime Commissioner for Kent has welcomed the recommendations in the report published today by the IOPC.',
      ).kind,
    ).not.toBe('pcc-response');
  });
});

describe('rule: body-speaks', () => {
  it('the body unnamed, welcoming the report under a site’s quick-exit and cookie furniture: "Kent’s Police and Crime Commissioner has welcomed the news …"', () => {
    const text = readFileSync(new URL('../fixtures/unseen/r21-lpb-kent-pcc-news-peel-effectiveness-2018.txt', import.meta.url), 'utf8');
    expect([read(text).kind, read(text).kindRule]).toEqual(['pcc-response', 'body-speaks']);
  });

  it.each([
    ['PCC John Campion said: “I welcome HMICFRS’s latest inspection, focused on national homicide prevention.”'],
    [
      'The Staffordshire Commissioner’s Office has welcomed the findings of a new report by HM Inspectorate of Constabulary and Fire and Rescue Services on the police response to cyber crime.',
    ],
    [
      'The Police and Crime Commissioner for Devon and Cornwall says she has ‘every confidence’ in the force to tackle issues identified by HMICFRS inspectors.',
    ],
    ['13 Sep 2023\nPolice and Crime Commissioner Dafydd Llywelyn has today published his statutory response to HMICFRS’s State of Policing report.'],
    ['In response to the HMICFRS PEEL assessment of Cleveland Police, Police and Crime Commissioner for Cleveland Steve Turner said: “I’m pleased.”'],
    ['Cumbria’s Police, Fire and Crime Commissioner, David Allen, said: “I fully welcome this HMICFRS report.”'],
    [
      'PCC Pleased with Positive Gwent Custody Report\nThe report published today follows unannounced inspections of police custody suites in Gwent carried out jointly by HM Inspectorate of Prisons and HM Inspectorate of Constabulary.',
    ],
    // The inspectorate by its chief's title alone: "the government’s Chief Inspector of Constabulary".
    ['The Anyshire Police and Crime Commissioner, Sam Smith, said: “I welcome this report by the government’s Chief Inspector of Constabulary.”'],
    ['As required by legislation, Lord Willy Bach, Leicestershire’s Police and Crime Commissioner has written to the Home Office and HMIC.'],
    ['In response to the report, Warwickshire Police and Crime Commissioner Philip Seccombe said: “I welcome the view of HMICFRS.”'],
    [
      'Document library\nHMICFRS independently assesses police forces.\nAs the elected representative of Norfolk, our PCC plays an essential role in holding the police to account.',
    ],
    [
      'HMICFRS report\n17th April 2023\nGwent Police is good at preventing crime, says the inspectorate.\nThe report praises Gwent Police.\nHowever, it raises concerns.\nIt also says investigations must improve.\nThe Police and Crime Commissioner for Gwent, Jeff Cuthbert, said: “There is a lot to digest within this report.”',
    ],
    [
      'Accessibility Options\nMy statement following HMICFRS’s report into vetting, misconduct and misogyny\nWhile today’s report makes for difficult reading, standards are one of my priorities.',
    ],
    [
      'Following today’s announcement from HMICFRS that Cleveland Police is being removed from “special measures” – Police and Crime Commissioner Steve Turner has formally written to local stakeholders.',
    ],
    // The mayors who are their areas' bodies.
    ['Mayor of Greater Manchester, Andy Burnham, said: "Last Thursday, HMICFRS published a report into Greater Manchester Police."'],
    ['The Deputy Mayor for Policing and Crime, Sophie Linden, said: “I welcome the HMICFRS report on the Met.”'],
  ])('the body speaking in its own name at the opening: %j', (text) => {
    expect([read(text).kind, read(text).kindRule]).toEqual(['pcc-response', 'body-speaks']);
  });

  it.each([
    [
      'its words for the body',
      'Custody failings not good enough, says commissioner\nThe criticism is "not good enough", according to the county’s crime commissioner.\nWest Mercia Police was criticised by HMICFRS.\nResponding to the findings, West Mercia’s Police and Crime Commissioner, John Campion, said care in custody is non-negotiable.',
    ],
    [
      'its advertisements',
      'Commissioner responds to latest police inspection report\nThe PEEL report was published this week by HMICFRS.\nPolice and Crime Commissioner Philip Seccombe said: “The assessment is rounded.”\nAdvertisement\nHide Ad',
    ],
  ])('not on the press’s page quoting the body, known by %s', (_, text) => {
    expect(read(text).kind).not.toBe('pcc-response');
  });

  it('not on a page that quotes the chief constable before the body', () => {
    const text =
      'Cumbria Police has been praised in its latest HMICFRS inspection.\nChief Constable Rob Carden said: “We welcome the PEEL inspection report.”\nCumbria’s Police, Fire and Crime Commissioner, David Allen, said: “We cannot be complacent.”';
    expect(read(text).kindRule).not.toBe('body-speaks');
  });

  it('but the body’s own column in a paper is the body’s, whatever the paper’s furniture', () => {
    const text =
      'Inspectors’ report shows progress at Anyshire Police - Sam Smith\nThe HMICFRS report was published last week.\nAs I said recently, during my time as Police and Crime Commissioner the force has come a long way.\nHide Ad';
    expect(read(text).kind).toBe('pcc-response');
  });
});

describe('rule: speaks-as-the-body', () => {
  it.each([
    'Inspectors’ report shows progress has been maintained\nThe HMICFRS inspection report was published last week.\nDuring my time as Police and Crime Commissioner, South Yorkshire Police has been on a remarkable journey.',
    'PEEL 2023\nThe HMICFRS inspection found the force good.\nAs your PCC, I will keep asking how it can improve.',
    'PEEL 2023\nThe HMICFRS inspection found the force good.\nMy role as Police & Crime Commissioner is to hold the force to account.',
  ])('someone speaking in the body’s office is the body: %j', (text) => {
    expect([read(text).kind, read(text).kindRule]).toEqual(['pcc-response', 'speaks-as-the-body']);
  });

  it('not a report quoting the commissioner', () => {
    const text = 'PEEL 2023: An inspection of Anyshire Police\nThe PCC told us: “As PCC, I expect more.”';
    expect(read(text).kindRule).not.toBe('speaks-as-the-body');
  });

  it('not "as well as the PCC" in the inspectorate’s letter', () => {
    const text =
      'Anyshire Police\nDear Chief Constable\nI have written to the Chief Constable as well as the Police and Crime Commissioner about the HMICFRS inspection.';
    expect(read(text).kindRule).not.toBe('speaks-as-the-body');
  });
});

describe('rule: holds-force-to-account', () => {
  it('a body’s page speaking of its own duty', () => {
    const result = read(
      'Fraud\nTackling fraud is one of the Commissioner’s priorities and we hold the force to account for their delivery.\nIn 2018, HMICFRS carried out an inspection of the police response to fraud.',
    );
    expect([result.kind, result.kindRule]).toEqual(['pcc-response', 'holds-force-to-account']);
  });

  it('a body’s post on its force’s inspection, watching the force through its own meetings', () => {
    const result = read(
      'HMICFRS, the independent policing inspectorate has published its latest findings on the performance of Kent Police.\nI welcome the findings of this report.\nI will monitor these closely through my accountability meetings, so that services to the public continue to get better.',
    );
    expect([result.kind, result.kindRule]).toEqual(['pcc-response', 'holds-force-to-account']);
  });

  it('not a force reporting to its own board', () => {
    const result = read('Anyshire Police statement\nHMICFRS inspected the force.\nWe will report progress to our performance and accountability board.');
    expect(result.kind).toBe('other');
  });
});

describe('rule: opens-with-a-recommendation', () => {
  it('after the furniture a stored page opens with ("404 Page not found")', () => {
    const result = read(
      '404 Page not found\n\nWithin three months, all chief constables should ensure that their systems identify firearm certificate holders.',
    );
    expect([result.kind, result.kindRule]).toEqual(['hmicfrs-report', 'opens-with-a-recommendation']);
  });

  it('a register entry that opens with its recommendation, naming no inspectorate, is the inspectorate’s', () => {
    const result = read(
      'By 31 August 2015, all chief constables should satisfy themselves that they have processes in place to ensure that investigations into misconduct are fair.\n\nEquality monitoring arrangements were introduced early 2016 and are reviewed by the force.',
    );
    expect([result.kind, result.kindRule]).toEqual(['hmicfrs-report', 'opens-with-a-recommendation']);
  });

  it('not a recommendation to someone outside policing, on a page that names no inspection', () => {
    const text = 'The council met on Tuesday.\n\nBy 31 March 2024, the council should review parking charges.';
    expect(extractFromText(text).recommendations).toHaveLength(1);
    expect([read(text).kind, read(text).kindRule]).toEqual(['other', 'unrecognised']);
  });
});

describe('rule: unrecognised', () => {
  it('anything else is other, with no duty', () => {
    const result = read('Minutes of the parish council\nThe council should fix the road by March 2024.');
    expect([result.kind, result.kindRule, result.respondsTo]).toEqual(['other', 'unrecognised', null]);
  });
});

describe('the s55 rules', () => {
  it('each has a unique name and one line of doc', () => {
    expectNamedRules(S55_RULES);
  });
});

describe('rule: police-inspection', () => {
  it.each([
    ['PEEL 2023–25: An inspection of Gwent Police\nHMICFRS inspected the force.', /PEEL inspection \(Gwent Police\)/],
    ['PEEL spotlight report: Police performance getting a grip\nHMICFRS found that forces should do better.', /spotlight/],
    ['An inspection of vetting, misconduct and misogyny in the police service\nHMICFRS inspected eight forces.', /every force unless/],
    ['Report on an unannounced inspection visit to police custody suites in Essex\nHMICFRS and HMI Prisons inspected.', /custody/],
    ['National child protection inspection: Kent Police\nHMICFRS inspected.', /child protection/],
    ['Crime data integrity inspection 2019: Norfolk Constabulary\nHMICFRS inspected.', /crime data integrity/],
    ['Criminal justice joint inspection: the handling of rape cases\nHMICFRS and HMCPSI inspected.', /joint inspection/],
    ['An inspection of how well the police and National Crime Agency tackle online child sexual abuse\nHMICFRS inspected.', /every force unless/],
    ['An inspection of the National Crime Agency and policing’s response to county lines\nHMICFRS inspected.', /every force unless/],
    ['Joint inspection of British Transport Police and Kent Police\nHMICFRS inspected.', /Kent Police/],
    [
      'An inspection of police and fire collaboration in Northamptonshire\nHMICFRS inspected how the fire and rescue service, the FRS, and its fire service colleagues work with the police.',
      /Northamptonshire Police/,
    ],
  ])('a police inspection report starts the clock: %s', (text, reason) => {
    const result = read(text);
    expect(result.s55Rule).toBe('police-inspection');
    expect(result.s55).toEqual({ applies: true, reason: expect.stringMatching(reason) });
  });
});

describe.each([
  [
    'subject-of-title',
    'Effectiveness, efficiency and people 2023–25: Cumbria Fire and Rescue Service\nHMICFRS inspected the service.',
    /Fire and Rescue National Framework/,
  ],
  ['subject-of-title', 'PEEL 2023–25: An inspection of British Transport Police\nHMICFRS inspected the force.', /British Transport Police Authority/],
  ['subject-of-title', 'An inspection of the National Crime Agency’s intelligence function\nHMICFRS inspected.', /National Crime Agency/],
  ['subject-of-title', 'An inspection of the National Crime Agency’s support to police forces\nHMICFRS inspected.', /National Crime Agency/],
  ['subject-of-title', 'An inspection of the Ministry of Defence Police\nHMICFRS inspected.', /Ministry of Defence/],
  ['subject-of-title', 'An inspection of the Civil Nuclear Constabulary\nHMICFRS inspected.', /Civil Nuclear/],
  ['subject-of-title', 'Police Scotland: an inspection of custody\nHMICFRS inspected.', /Scottish Police Authority/],
  ['subject-of-title', 'An inspection of the Police Service of Northern Ireland\nHMICFRS inspected.', /Northern Ireland Policing Board/],
  ['not-a-report', 'HMICFRS inspection programme and framework 2024–25\nThis sets out the programme.', /programme or framework/],
  ['not-a-report', 'Consultation on PEEL 2025–27\nHMICFRS consults on changes.', /consultation/],
  ['not-a-report', 'Terms of reference: an inspection of vetting\nHMICFRS will inspect.', /terms of reference/],
  ['press-release', 'Press release\nInspectorate calls for change in custody\nHMICFRS said today that forces should improve.', /press release/i],
  [
    'press-release',
    'Police forces need to improve how they respond to antisocial behaviour\nPolice forces must do more to tackle antisocial behaviour, the police inspectorate has said.\nIn a new PEEL spotlight report “The policing response to antisocial behaviour”, HMICFRS found that most forces need to improve.',
    /announces \(“The policing response to antisocial behaviour”\)/,
  ],
  [
    'press-release',
    'The police and Crown Prosecution Service need more effective communication\nThe police and prosecution inspectorates are calling for a strategy.\nGet the report : Joint case building by the police and Crown Prosecution Service: final report',
    /announces \(“Joint case building by the police and Crown Prosecution Service: final report”\)/,
  ],
  ['unrecognised-document', 'Minutes of the parish council\nThe council should fix the road.', /Neither/],
  ['unrecognised-document', 'State of Policing 2022 report: government response\nThe Government welcomes the report and sets out its response.', /Neither/],
  [
    'press-release',
    'Too easy for the wrong people to join and stay in the police, new report on misogyny and corruption finds\nGet the report\nAn inspection of vetting, misconduct, and misogyny in the police service',
    /announces \(“An inspection of vetting, misconduct, and misogyny in the police service”\)/,
  ],
  [
    'press-release',
    'HMIC Stalking and Harassment inspection\nHMIC and HMCPSI are about to commence a joint thematic inspection of how reports of stalking are handled.',
    /press release/,
  ],
  [
    'mostly-about-fire',
    'Culture review recommendations and actions\nThe HMICFRS report into values and culture in fire and rescue services makes 35 recommendations.\nThe FRS has acted on 20 of them.',
    /Fire and Rescue National Framework/,
  ],
])('rule: %s', (rule, text, reason) => {
  it(`no duty: ${text.split('\n')[0]}`, () => {
    const result = read(text);
    expect(result.s55Rule).toBe(rule);
    expect(result.s55).toEqual({ applies: false, reason: expect.stringMatching(reason) });
  });
});

describe.each([
  ['subject-of-title', 'State of Policing: The Annual Assessment of Policing in England and Wales 2023\nHMICFRS reports.'],
  ['subject-of-title', 'Accelerated cause of concern revisit: Greater Manchester Police\nHMICFRS revisited the force.'],
  ['subject-of-title', 'PEEL review of progress letter – Devon and Cornwall Police\nHMICFRS wrote to the force.'],
  ['inspectorate-letter', 'Kent Police\nDear Chief Constable\nHMICFRS writes to update you on the cause of concern.'],
  ['subject-of-title', 'West Midlands Police: Enhanced monitoring decision\nHMICFRS has decided to move the force into enhanced monitoring.'],
  ['subject-of-title', 'Integrated vulnerability inspection post-inspection review\nHMICFRS revisited Cleveland Police.'],
])('rule: %s', (rule, text) => {
  it(`left to a person: ${text.split('\n')[0]}`, () => {
    const result = read(text);
    expect(result.s55Rule).toBe(rule);
    expect(result.s55).toEqual({ applies: null, reason: expect.stringMatching(/a person should decide/) });
  });
});

describe('the inspectorate’s name in a title says nothing of its subject', () => {
  it('"HM Inspectorate of Constabulary and Fire & Rescue Services: … Fire and Rescue Service" is a fire inspection', () => {
    const text = 'HM Inspectorate of Constabulary and Fire & Rescue Services: Inspection of Anyshire Fire and Rescue Service\nThe service was rated good.';
    expect(read(text).s55).toEqual({ applies: false, reason: expect.stringMatching(/Fire and Rescue National Framework/) });
  });
});

describe('rule: response-judged-by-report', () => {
  it('a response is judged by the report it answers', () => {
    const police = read('Commissioner’s response to HMICFRS report: PEEL 2023–25 inspection of Surrey Police\nI welcome the report.');
    expect(police.s55Rule).toBe('response-judged-by-report');
    expect(police.s55).toEqual({
      applies: true,
      reason: expect.stringMatching(/“PEEL 2023–25 inspection of Surrey Police”, a PEEL inspection: the s55 duty .* runs from that report's publication/),
    });
    const fire = read('Response to HMICFRS report: Essex County Fire and Rescue Service inspection 2023\nThe Commissioner welcomes the inspection.');
    expect(fire.s55.applies).toBe(false);
  });

  it('the inspectorate’s own name does not make the report answered a fire one', () => {
    const text =
      'Response to inspections of Cumbria Constabulary published by His Majesty’s Inspectorate of Constabulary and Fire and Rescue Services\nHMICFRS inspected the force.';
    expect(read(text).s55.applies).toBe(true);
  });
});

describe('rule: press-release, on a real news item', () => {
  it('starts no clock and points at the report it announces', () => {
    const result = extractFromText(readFileSync(corpusFile('hmicfrs-news-digital-forensics.txt'), 'utf8'));
    expect(result.s55).toEqual({ applies: false, reason: expect.stringContaining('press release') });
    expect(result.s55?.reason).toContain(
      '“Digital forensics: An inspection into how well the police and other agencies use digital forensics in their investigations”',
    );
    expect(result.recommendations).toEqual([]);
  });
});

describe('the report a response answers', () => {
  const answered = (text: string) => {
    const result = read(text);
    const rule = (finding: string) => result.explanations.find((explanation) => explanation.finding === finding)?.rule;
    return { respondsTo: result.respondsTo, titleRule: rule('responds to: title'), dateRule: rule('responds to: publication date') };
  };

  describe('rule: the-above-report', () => {
    it("a letter's subject line, when it answers the above report", () => {
      const result = answered(
        '31 May 2023\nHome Secretary\nAn inspection of how well the police tackle online child sexual abuse\nI am writing to you in response to the above HMICFRS report.',
      );
      expect([result.respondsTo?.title, result.titleRule]).toEqual([
        'An inspection of how well the police tackle online child sexual abuse',
        'the-above-report',
      ]);
    });
  });

  describe('rule: titled-report-colon', () => {
    it('"Response from: …" under an "HMICFRS report: …" heading answers that report', () => {
      const result = answered(
        'HMICFRS report: Police response to violence against women and girls – Final Inspection Report\nResponse from: Office of the Police and Crime Commissioner, Kent\nThe current response is not good enough.',
      );
      expect([result.respondsTo?.title, result.titleRule]).toEqual([
        'Police response to violence against women and girls – Final Inspection Report',
        'titled-report-colon',
      ]);
    });

    it('without the inspection month after it', () => {
      const result = answered(
        'PCC response to HMICFRS report: Report on an unannounced inspection visit to police custody suites in Essex – March 2023\nI welcome the report.',
      );
      expect(result.respondsTo?.title).toBe('Report on an unannounced inspection visit to police custody suites in Essex');
    });
  });

  describe('rule: titled-response-to-named-report', () => {
    it('after "response to HMICFRS" in its title, where a capital starts the name', () => {
      const result = answered('PCC response to HMICFRS Integrated PEEL Assessment (Legitimacy) Findings 2018/19\nThe force has made progress.');
      expect([result.respondsTo?.title, result.titleRule]).toEqual([
        'Integrated PEEL Assessment (Legitimacy) Findings 2018/19',
        'titled-response-to-named-report',
      ]);
    });
  });

  describe('rule: quoted-report-name', () => {
    it('the name in quotation marks after the inspectorate', () => {
      const result = answered('Commissioner’s comments\nThe Commissioner welcomes the HMICFRS report ‘Getting a grip on police performance’ and its findings.');
      expect([result.respondsTo?.title, result.titleRule]).toEqual(['Getting a grip on police performance', 'quoted-report-name']);
    });

    it('a quoted grade is not a name', () => {
      const result = answered(
        'Staffordshire Commissioner response to HMICFRS inspection\nThe Commissioner notes the report rates Staffordshire Police as ‘inadequate’ in its response to the public.',
      );
      expect(result.titleRule).not.toBe('quoted-report-name');
    });
  });

  describe('rule: report-then-capitalised-name', () => {
    it('the name straight after "the HMICFRS report", up to "which was published"', () => {
      const result = answered(
        'Response of the Commissioner\nI am writing in response to the HMICFRS report An inspection of vetting, misconduct, and misogyny in the police service, which was published on the 2 November 2022.',
      );
      expect(result).toEqual({
        respondsTo: { title: 'An inspection of vetting, misconduct, and misogyny in the police service', publishedOn: '2022-11-02' },
        titleRule: 'report-then-capitalised-name',
        dateRule: 'report-published-on',
      });
    });

    it('"the HMICFRS report I received" does not name a report', () => {
      const result = answered(
        'Response of the Commissioner\nI am writing in response to the HMICFRS report I received last week, which was published on 2 November 2022.',
      );
      expect(result.respondsTo).toEqual({ title: null, publishedOn: '2022-11-02' });
    });
  });

  describe('rule: report-dash-name', () => {
    it('the name after "HMICFRS … report –" in running text', () => {
      const result = answered('Commissioner’s response\nI welcome the HMICFRS custody report – Police custody in Essex, published on 3 March 2023.');
      expect([result.respondsTo, result.titleRule]).toEqual([{ title: 'Police custody in Essex', publishedOn: '2023-03-03' }, 'report-dash-name']);
    });
  });

  describe('rule: published-on', () => {
    it('a whole date something is said to be published on, where the report is not named beside it', () => {
      const result = answered('Commissioner’s response\nThe HMICFRS findings, published on 7 July 2023, were discussed with the force.');
      expect([result.respondsTo?.publishedOn, result.dateRule]).toEqual(['2023-07-07', 'published-on']);
    });
  });
});

describe('rule: section-55-comments', () => {
  it('a letter giving its comments by the section’s name is the body’s response', () => {
    const result = read(
      'Dear Home Secretary,\nI enclose my comments on the above report within the meaning of section 55 of the Police Act 1996.\nI welcome the findings of the HMICFRS inspection of Anyshire Police.',
    );
    expect([result.kind, result.kindRule]).toEqual(['pcc-response', 'section-55-comments']);
  });
});

describe('rule: points-to-the-report', () => {
  it.each([
    [
      'a page offering the inspectorate’s report by its name',
      'Stop and search 2017\nHMIC assessed how fairly the force uses its powers.\nDownload the 2017 HMIC Stop and Search Report for Anyshire Police',
    ],
    [
      'a page sending the reader elsewhere for the report',
      'Custody news\nThe latest HMIC custody inspection reports are out.\nYou can read the report in full here: Anyshire custody suites',
    ],
  ])('%s is other', (_name, text) => {
    const result = read(text);
    expect([result.kind, result.kindRule, result.s55.applies]).toEqual(['other', 'points-to-the-report', false]);
  });
});

describe('rule: action-plan', () => {
  it('a body’s action plan for a report is neither the report nor its response', () => {
    const result = read(
      'Inspection action plan\nHMICFRS inspected the service in 2022.\nThis action plan sets out how we will address the issues raised in the HMICFRS report.',
    );
    expect([result.kind, result.kindRule, result.s55.applies]).toEqual(['other', 'action-plan', false]);
  });
});

describe('rule: force-welcomes-report', () => {
  it('a force welcoming the inspectorate’s report is the force’s statement', () => {
    const result = read('Statement on the assessment\nAnyshire Police has welcomed the HMICFRS report, which graded the force as good.');
    expect([result.kind, result.kindRule, result.s55.applies]).toEqual(['other', 'force-welcomes-report', false]);
  });
});

describe('rule: inspectorate-in-third-person', () => {
  it.each([
    'Domestic abuse scrutiny\nHMICFRS has published a report on how forces respond to stalking.',
    'Local police rated good\nGovernment inspectors have rated Anyshire Police as good at keeping people safe.\nThe inspector said: “We found a force that cares.”',
    'Summary:\nA link to the inspection.\nHis Majesty’s Inspectorate of Constabulary and Fire & Rescue Services have published An inspection of how well the police tackle youth violence.',
  ])('the inspectorate’s work told by someone else is other: %j', (text) => {
    const result = read(text);
    expect([result.kind, result.kindRule, result.s55.applies]).toEqual(['other', 'inspectorate-in-third-person', false]);
  });

  it('the inspectorate’s own news, speaking as itself, stays its own', () => {
    expect(read('Stalking inspection\nHMICFRS has published a report on stalking.\nWe found that forces miss patterns of behaviour.').kind).toBe(
      'hmicfrs-report',
    );
  });
});

describe('rule: inspectorate-told-of', () => {
  it.each([
    'Disabled victims let down\nA joint inspection by His Majesty’s Inspectorate of Constabulary found that the police still fail disabled victims of hate crime.\nThe charity’s chief executive said the findings were shocking.',
    'Motion on the Metropolitan Police\nThis Assembly notes the findings of HMICFRS about the Met and calls on the Mayor to act.',
    'HMIC Reports welcomed\nThe Board welcomed two HMIC reports on the PSNI, which inspected its handling of complaints.',
    'Second Tranche of HMICFRS Inspection Reports\nThe Association notes the publication of fourteen reports on fire and rescue services.',
    'HMIC report just echoes the concerns the Federation have had\nThe Federation says HMIC has confirmed what officers know.',
    'Dyfed-Powys Police requires improvement\nHMIC graded the force as requiring improvement.\nHM Inspector of Constabulary Wendy Williams said she was concerned about its leadership.',
    // A title opening with the inspectorate's name is a headline about it.
    'HMIC releases report on "Preparing for Police and Crime Commissioners"\nHMIC has examined how prepared forces are for the election.',
    // Links to its publications, not its site's own address.
    'Vetting, misconduct and misogyny\nHMICFRS found that forces let the wrong people join.\nTo read the report, go to https://www.justiceinspectorates.gov.uk/hmicfrs/publication-html/an-inspection-of-vetting/',
    'Vetting, misconduct and misogyny\nHMICFRS found that forces let the wrong people join.\nRead more at www.justiceinspectorates.gov.uk/hmicfrs',
    'Vetting, misconduct and misogyny\nHMICFRS found that forces let the wrong people join.\nhttps://www.justiceinspectorates.gov.uk/hmicfrs/wp-content/uploads/vetting-misconduct-and-misogyny.pdf',
    'Anyshire Police graded\nHMIC found that the force is good.\nhttp://www.hmic.gov.uk/publication/anyshire-peel-2014/',
    'Further reading\nHMICFRS inspected how the police engage with women and girls.\nPolice response to violence against women and girls - HMICFRS (justiceinspectorates.gov.uk)',
    // A joint byline's words in a sentence further on, or a listed citation, are not its cover's.
    'Safeguarding adults in Anyshire, 2015\nWhat the board did\nReports read during the year\nReport on an unannounced inspection visit to police custody suites in Anyshire by HM Inspectorate of Prisons and HM Inspectorate of Constabulary',
    'Custody suites praised\nThe suites were clean, the Board heard.\nThe joint report, as carried out by HM Inspectorate of Prisons and HM Inspectorate of Constabulary, was welcomed.',
    // A magazine's headline asks; the inspectorate's titles do not end on a question.
    'The final fifteen inspections: more of the same?\nIt was London Fire Brigade’s turn to be inspected by HMICFRS.',
  ])('a page that names the inspectorate but never speaks as it is someone else’s: %j', (text) => {
    const result = read(text);
    expect([result.kind, result.kindRule, result.s55.applies]).toEqual(['other', 'inspectorate-told-of', false]);
  });

  it.each([
    ['titled as its publications are', 'PEEL 2016: Anyshire Police\nHMIC found that the force is good at keeping people safe.'],
    ['its site’s links', 'Devon and Cornwall Police removed from monitoring\nThe force has made improvements, HMICFRS said.\nGet the letter'],
    ['an inspector speaking after the verb', 'Custody in Cheshire\nStaff were professional, said Dru Sharpling, HM Inspector of Constabulary.'],
    ['its byline', 'Custody in Kent\nby HM Inspectorate of Prisons and HM Inspectorate of Constabulary\nThe suites were clean.'],
    ['its byline by a chief inspector', 'Custody in Cheshire\nby HM Chief Inspector of Prisons and HM Inspectorate of Constabulary\nThe suites were clean.'],
    [
      'its cover’s byline further down a document site’s copy',
      'Anyshire - Criminal Justice Inspectorates\n0 downloads 178 Views 238KB Size Report\nThe suites were clean.\nReport on an unannounced inspection visit to police custody suites in\nAnyshire by HM Inspectorate of Prisons and HM Inspectorate of Constabulary\n29 September - 3 October 2014',
    ],
    ['its own words of itself', 'Surrey 2015\nThis is HMIC’s second assessment of how well Surrey Police keeps people safe.'],
    ['a letter to a chief constable', 'Anyshire Police\nDear Chief Constable\nThank you for meeting HMICFRS last month.'],
    [
      'its name standing as its site’s header',
      'HM Inspectorate of Constabulary and Fire & Rescue Services (HMICFRS)\nAnyshire Police has made efforts to improve\nThe police inspectorate graded the force.',
    ],
    [
      'its publication’s print link',
      'Memorandum of understanding\nContents\nPrint this document\nHMICFRS and the College of Policing agree to share findings.',
    ],
    [
      'its name as the publication page’s department',
      'Announcement of data release\nForging the Links: Rape investigation and prosecution\nDepartment\nHM Inspectorate of Constabulary\nThe report presents findings from HMIC inspections.',
    ],
    ['its site’s address on a line of its own', 'Custody suites in Anyshire\nHMICFRS found the suites clean.\nwww.justiceinspectorates.gov.uk/hmicfrs'],
    [
      'its site as “our website”',
      'Custody suites in Anyshire\nHMICFRS found the suites clean.\nThe reports and the expectations they are judged against are on our website at www.justiceinspectorates.gov.uk/hmicfrs for anyone to read.',
    ],
    ['its inspector’s signature', 'Anyshire Police\nDear Commissioner\nThe force has improved.\nZoë Billingham\nHis Majesty’s Inspector of Constabulary'],
    [
      'its areas for improvement',
      'Anyshire Police 2023\nHMICFRS found the force requires improvement.\nArea for improvement 1\nThe force should improve how it records crime.',
    ],
    [
      'its chief inspector deciding',
      'Anyshire Police leaves Engage\nHis Majesty’s Chief Inspector of Constabulary, Sir Andy Cooke, has decided to remove the force from Engage.',
    ],
    ['its cover’s title naming it', 'British Transport Police – HMIC Inspection Report\nHMIC inspected the force in 2007.'],
    ['its name before the inspection its title names', 'HMIC public order review\nHMIC examined how forces prepare for public order.'],
    ['its own news, its name first', 'HMICFRS welcomes the Home Secretary’s response\nHMICFRS has welcomed the Government’s response to its report.'],
    [
      'its inspection speaking of itself',
      'Making it fair: the disclosure of unused material\nThis inspection by HMCPSI and HMIC identified failures by both police and prosecutors.',
    ],
    [
      'its inspector by the short title, quoted directly',
      'Firearms licensing misses the mark\nThe regime puts the public at risk, according to a report by HMIC.\nHMI Stephen Otter who led the inspection said: “Firearms licensing is not an area to get wrong.”',
    ],
    [
      'a reprint saying it is the inspectorate’s press release',
      'Firearms licensing misses the mark\nThe regime puts the public at risk, according to a report by HMIC.\nThis post is a press release from HMIC and has had no input from this site.',
    ],
    [
      'an inspector quoted directly',
      'Anyshire Police must improve\nThe force requires improvement, HMIC found.\nHM Inspector of Constabulary Wendy Williams said:\n“The force must act.”',
    ],
  ])('a page that may be the inspectorate’s own stays its report: %s', (_, text) => {
    expect(read(text).kind).toBe('hmicfrs-report');
  });
});

describe('rule: force-progress-return', () => {
  it.each([
    'Stop and Search Recommendations\n1 Recommendation Force update / assessment of progress Estimated completion date\n1. Chief constables should monitor stop and search.',
    'HMICFRS values and culture in fire and rescue services\nOur progress against the HMICFRS recommendations made in its report.\nRecommendation\nBy 1 October 2023, chief fire officers should make sure their services provide a confidential way for staff to raise concerns.\nAction we have taken\nThe service has a confidential process.',
    'Recommendation 11\nWith immediate effect, chief fire officers should notify HMICFRS of any allegations of gross misconduct.\nECFRS action:\nA notification was made on 14 February 2023.',
  ])('a force’s or service’s own account of its progress, quoting the recommendations, is its page: %j', (text) => {
    expect([read(text).kind, read(text).kindRule]).toEqual(['other', 'force-progress-return']);
  });

  it('a body’s own "PCC action:" is not a force’s or service’s account', () => {
    const text = 'Recommendation 3\nBy March 2024, forces should review vetting, HMICFRS said.\nPCC action:\nThe PCC asked the force for a plan.';
    expect(read(text).kindRule).not.toBe('force-progress-return');
  });

  it('a local policing body’s response to the recommendations is still its response', () => {
    const text =
      'Office of the Anyshire Police and Crime Commissioner\nOur response to the HMICFRS recommendations\nBy March 2024, forces should review their vetting.\nThe Commissioner will ask the force to report on this.';
    expect(read(text).kind).toBe('pcc-response');
  });
});

describe('rule: inspectorate-site-marks', () => {
  it('a page about inspections with the inspectorate’s site’s marks, never naming it, is its report', () => {
    const result = read('National Child Protection Inspections: 2019 thematic report\nPublished on: 22 September 2022\nContents\nForeword');
    expect([result.kind, result.kindRule]).toEqual(['hmicfrs-report', 'inspectorate-site-marks']);
  });

  it('its address given as its own pages give it counts, pointed to in another’s sentence it does not', () => {
    expect(read('Custody suites inspected\nThe suites were inspected in May.\nwww.justiceinspectorates.gov.uk').kindRule).toBe('inspectorate-site-marks');
    expect(read('Custody suites inspected\nThe suites were inspected in May.\nRead more at www.justiceinspectorates.gov.uk').kindRule).not.toBe(
      'inspectorate-site-marks',
    );
  });

  it('the marks alone, about no inspection, make nobody’s report', () => {
    expect(read('Annual accounts\nPublished on: 22 September 2022\nThe accounts were audited.').kindRule).toBe('unrecognised');
  });
});

describe('rule: inspectorate-own-voice', () => {
  it.each([
    'Anyshire 2024\nHow well does the service prevent fires?\nWe set out our detailed findings below.',
    'We have published our terms of reference for a thematic inspection of the firearms licensing system.\nWe will examine how police forces keep the public safe.',
    // Of its work.
    'The Civil Nuclear Constabulary\nFollowing an inspection, we must report to the Secretary of State on the efficiency and effectiveness of the Constabulary.',
    'Our work\nWe inspect police forces and fire and rescue services in the public interest.',
    'What is PEEL?\nWe have changed our approach: we more clearly link our judgments to causes of concern.',
    'Child protection\nIn the 2015 report on vulnerability, we rated 27 forces as requiring improvement.',
    'Changes to the programme\nWe now assess forces against the characteristics of good performance.',
    // Of its history and its earlier reports.
    'Standards of behaviour\nForeword\nSince our responsibilities were extended to the inspection of fire and rescue services in 2017, we have regularly reported on culture.',
    'Standards of behaviour\nForeword\nIn March 2023, we published our values and culture spotlight report.',
  ])('a page in the inspectorate’s own voice, never naming it, is its own: %j', (text) => {
    const result = read(text);
    expect([result.kind, result.kindRule]).toEqual(['hmicfrs-report', 'inspectorate-own-voice']);
  });

  it.each([
    // A site's notice to its readers.
    'For the best possible experience using our website we recommend you upgrade to a newer version or another browser.',
    // The inspected force speaking of its inspection.
    'We were assessed as outstanding in the PEEL report for the efficiency with which people are kept safe.',
    // A fire service's protection officers inspect buildings; a body reports on its own work.
    'We inspect the premises we regulate every year.',
    'We inspect how businesses comply with fire safety law.',
    'We report on our progress against the plan each quarter.',
    'We report on the effectiveness of probation and youth offending services.',
    'We are assessing the services we commission for victims.',
  ])('not another’s "we": %j', (words) => {
    const result = read(`Anyshire Police rated outstanding\nHer Majesty’s Inspectorate of Constabulary published its report today.\n${words}`);
    expect([result.kind, result.kindRule]).toEqual(['other', 'inspectorate-told-of']);
  });
});

describe('rule: engage-list', () => {
  it('the inspectorate’s list of forces in Engage, each with its stage and date, is its page about those forces', () => {
    const result = read(
      'Police forces in Engage\nCleveland Police\nEntered Engage\nSeptember 2023\nReasons\n- The force doesn’t appropriately prioritise crime prevention.',
    );
    // A list, not a report: it starts no s55 clock.
    expect([result.kind, result.kindRule, result.forces, result.s55.applies]).toEqual(['hmicfrs-report', 'engage-list', ['Cleveland Police'], false]);
  });

  it('starts no s55 clock whatever its title, read by the same stage lines', () => {
    const result = read('Cleveland Police\nMoved out of Engage\nSeptember 2023\nReasons\nCleveland Police improved in several areas.');
    expect([result.kindRule, result.s55Rule, result.s55.applies]).toEqual(['engage-list', 'engage-list', false]);
  });

  it('not a force “placed into Engage” in a sentence', () => {
    expect(read('Anyshire Police news\nHMICFRS monitors the force.\nEntered Engage\nafter its last inspection, the force has improved.').kindRule).not.toBe(
      'engage-list',
    );
  });
});

describe('rule: graded-question', () => {
  it('the inspectorate’s question for a service, its grade under it, is its page though it never names itself', () => {
    const result = read(
      'Anyshire 2018/19\nHow effective is the fire and rescue service at keeping people safe and secure from fire and other risks?\nLast updated 17/12/2019\nRequires improvement\nThe service needs to manage its prevention work better.',
    );
    expect([result.kind, result.kindRule, result.s55.applies]).toEqual(['hmicfrs-report', 'graded-question', false]);
  });

  it('or its grade in a sentence under it', () => {
    const result = read(
      'Anyshire 2018/19\nHow effective is the fire and rescue service at keeping people safe and secure from fire and other risks?\nLast updated 20/12/2018\nAnyshire Fire and Rescue Service’s overall effectiveness is good.\nThe service understands risk well.',
    );
    expect([result.kind, result.kindRule]).toEqual(['hmicfrs-report', 'graded-question']);
  });

  it('not the question without its grade', () => {
    const result = read(
      'Our priorities\nHow effective is the service at keeping people safe?\nWe asked residents what matters to them.\nThey told us: response times.',
    );
    expect(result.kindRule).not.toBe('graded-question');
  });
});

describe('rule: question-in-contents', () => {
  it('the inspectorate’s question as a contents entry with its page is its report’s', () => {
    const result = read(
      'Fire and Rescue Service inspections 2018/19\nSummary of findings\nContents\n    Foreword    2\n    Effectiveness    28\n    How effective are the services at keeping people safe and secure?   29\n         Understanding risk    29',
    );
    expect([result.kind, result.kindRule]).toEqual(['hmicfrs-report', 'question-in-contents']);
  });

  it('not the question asked in prose', () => {
    expect(read('Our view\nHow effective are the services at keeping people safe? 2 of us asked.\nWe think so.').kindRule).not.toBe('question-in-contents');
  });
});

describe('a Welsh page, read by the same rules in the English words they know', () => {
  it('a commissioner speaking on a Welsh page is the body’s, about its force; the title stays in Welsh', () => {
    const result = read(
      'Adroddiad PEEL ar Heddlu Dyfed-Powys\n\nMae adroddiad newydd gan Arolygiaeth Cwnstabliaeth EF yn dweud bod angen i Heddlu Dyfed-Powys wella.\n\nDywedodd Comisiynydd yr Heddlu a Throsedd, Siân Morgan: “Rwy’n croesawu’r adroddiad.”',
    );
    expect([result.kind, result.kindRule, result.title, result.forces]).toEqual([
      'pcc-response',
      'body-speaks',
      'Adroddiad PEEL ar Heddlu Dyfed-Powys',
      ['Dyfed-Powys Police'],
    ]);
  });

  it.each(['Ymateb y Comisiynydd i adroddiad HMICFRS ar Heddlu Gwent', 'Datganiad y CHTh ar adroddiad PEEL HMICFRS'])(
    'a Welsh title naming the body’s response or statement is the body’s: "%s"',
    (title) => {
      const result = read(`${title}\n\nMae’r adroddiad yn nodi meysydd i’w gwella, ac mae’r heddlu wedi cytuno.`);
      expect([result.kind, result.kindRule, result.title]).toEqual(['pcc-response', 'body-names-its-response', title]);
    },
  );

  it('an inspector speaking on the inspectorate’s Welsh page is the inspectorate’s report', () => {
    const result = read(
      'PEEL 2023–25: Arolygiad o Heddlu Gogledd Cymru\n\nDywedodd Arolygydd Cwnstabliaeth EF Gwyn Parry: “Mae’r heddlu yn dda am atal trosedd, ac mae wedi gwella.”',
    );
    expect([result.kind, result.forces]).toEqual(['hmicfrs-report', ['North Wales Police']]);
  });

  it('names the Welsh forces by their Welsh names, and their bodies by their areas', () => {
    expect(read('Ymateb Comisiynydd Heddlu a Throseddu De Cymru i adroddiad HMICFRS\n\nMae Heddlu De Cymru wedi gwella yn gyflym.').forces).toEqual([
      'South Wales Police',
    ]);
  });

  it('a summary in the inspectorate’s own Welsh voice is its report; "Crynodeb cyffredinol" (overall summary) is a section’s heading, no title', () => {
    const result = read(
      'Crynodeb cyffredinol\n\nEin barn\n\nGwnaeth ein harolygiad asesu pa mor dda yw Heddlu Gwent mewn deg maes o blismona. Rydym yn nodi ein canfyddiadau yn yr adroddiad hwn.',
    );
    expect([result.kind, result.kindRule, result.title, result.forces]).toEqual(['hmicfrs-report', 'inspectorate-own-voice', null, ['Gwent Police']]);
  });

  it('names the forces a Welsh list names: "heddluoedd Gwent a’r Gogledd", "Cwnstabliaeth Swydd Gaer"', () => {
    expect(read('Pryder am heddluoedd Gwent a’r Gogledd\n\nMae HMIC wedi cyhoeddi adroddiad ar yr heddluoedd yn y ddwy ardal.').forces).toEqual([
      'Gwent Police',
      'North Wales Police',
    ]);
    expect(
      read('Adroddiad HMICFRS: Cwnstabliaeth Swydd Gaer a Heddlu Glannau Mersi\n\nMae’r adroddiad yn dweud bod y ddau heddlu wedi gwella.').forces,
    ).toEqual(['Cheshire Constabulary', 'Merseyside Police']);
  });

  it('tells a Welsh or bilingual page from an English one by Welsh’s commonest words', () => {
    expect(isWelsh('Commissioner’s response to the HMICFRS report\n\nI welcome the report on Heddlu Gwent, as the force is called in Welsh.')).toBe(false);
    expect(isWelsh('Response to the report\n\nYmateb i’r adroddiad\n\nMae’r adroddiad yn dangos bod Heddlu Gwent wedi gwella.')).toBe(true);
  });
});

describe('rule: body-chairs-its-meeting', () => {
  it.each([
    'Quarter 2 Meeting Notes\nDate: 11th December 2023\nChair: PCC Jo Bloggs\n1. Quarterly HMICFRS update\nThe force updated the PCC on the revisit letter.',
    'Accountability Board Minutes\n1. Welcome and introductions\nPFCC Sam Smith (SS)\nCC Alex Jones (AJ)\n2. HMICFRS PEEL inspection\nThe Commissioner asked for a progress report.',
    'Meeting notes\nChair: Deputy PCC Sam Smith\n1. HMICFRS revisit\nThe force updated the board on the revisit letter.',
    'Public accountability meeting – 26 January 2023\n2:30pm – Fire and Rescue Service\n• HMICFRS report\n• Chair – Zoë Metcalfe, North Yorkshire Police Fire and Crime Commissioner\n• Simon Dennis – Chief Executive',
  ])('the body’s own meeting with its force about an inspection is the body’s: "%s"', (text) => {
    const result = read(text);
    expect([result.kind, result.kindRule]).toEqual(['pcc-response', 'body-chairs-its-meeting']);
  });

  it('nor an inspection report that says in passing a board is chaired by the PCC', () => {
    const text =
      'PEEL 2023–25: An inspection of Anyshire Police\nThe force’s performance board, chaired by the PCC, meets monthly.\nRecommendation 1\nBy March 2025, the force should improve how it answers 999 calls.';
    expect(read(text).kind).toBe('hmicfrs-report');
  });

  it('a panel’s minutes, where the body attends under the panel’s own chair, are not', () => {
    const text =
      'Police and Crime Panel Minutes\nPresent: Councillor Ann Lee (Chair)\nAlso present: Sam Smith, Police and Crime Commissioner\n1. HMICFRS PEEL inspection\nThe panel noted the report.';
    expect(read(text).kindRule).not.toBe('body-chairs-its-meeting');
  });
});

describe('rule: parliamentary-record', () => {
  it.each([
    'HC Deb 26 February 1997 vol 291 c214W\nHMIC Report on Kent\nThe report was published on 3 March.',
    'Police inspection\nTo ask the Secretary of State for the Home Department what assessment she has made of the HMICFRS report on vetting.',
    'Inspection reports of the Service Police\nStatement made on 15 June 2022\nStatement UIN HCWS104\nThe reports from HMICFRS were laid today.',
    'Inspection reports of the Service Police\nI wish to inform the House that I am laying today the reports from HMICFRS on the Service Police.',
  ])('Parliament’s record of a debate, a question or a written statement about a report: %j', (text) => {
    expect([read(text).kind, read(text).kindRule]).toEqual(['other', 'parliamentary-record']);
  });
});
