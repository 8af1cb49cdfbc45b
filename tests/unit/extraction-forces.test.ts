import { describe, expect, it } from 'vitest';
import { FORCES_RULES } from '../../shared/extraction/report-forces';
import { expectNamedRules, factsOfText } from '../support/rule-tables';

/** The forces read from plain text, and the rule that found them. */
function read(text: string) {
  const facts = factsOfText(text);
  return { ...facts, forcesRule: facts.ruleFor('forces:') };
}

describe('the forces rules', () => {
  it('each has a unique name and one line of doc', () => {
    expectNamedRules(FORCES_RULES);
  });

  it('a document naming no force explains none', () => {
    const result = read('Minutes of the parish council\nThe council should fix the road.');
    expect([result.forces, result.forcesRule]).toEqual([[], undefined]);
  });
});

describe('rule: named-in-title', () => {
  it('a bare place name counts in the title but not in the text', () => {
    const result = read('Custody inspection in Dorset\nHMICFRS visited custody suites across Kent.');
    expect([result.forces, result.forcesRule]).toEqual([['Dorset Police'], 'named-in-title']);
  });

  it('not on a fire and rescue service’s page that never speaks of the police, where the place is the service’s', () => {
    expect(read('Gloucestershire 2018/19\nHow effective is the fire and rescue service at keeping people safe?').forces).toEqual([]);
    expect(
      read('Gloucestershire 2018/19\nHis Majesty’s Inspectorate of Constabulary and Fire & Rescue Services inspected the fire and rescue service.').forces,
    ).toEqual([]);
    expect(read('Gloucestershire 2018/19\nThe fire and rescue service works with the police.').forces).toEqual(['Gloucestershire Constabulary']);
  });

  it('nor on one that speaks of the police only in passing, among many paragraphs on the service', () => {
    const page = [
      'Dorset and Wiltshire 2021/22',
      'How effective is the fire and rescue service at keeping people safe?',
      'The fire and rescue service understands the risks in its area.',
      'The fire and rescue service has contacted community groups through the police and local authorities.',
      'The fire and rescue service responds to fires promptly.',
      'The fire and rescue service works well with its partners.',
    ].join('\n');
    expect(read(page).forces).toEqual([]);
  });

  it('a force named besides the one in the title is a partner, not a subject', () => {
    const result = read(
      'Report on an unannounced inspection visit to police custody suites in Warwickshire\nAt that time Warwickshire Police provided its custody services in collaboration with West Mercia Police.',
    );
    expect(result.forces).toEqual(['Warwickshire Police']);
  });

  it('a force named only inside a recommendation is a partner when the document is about another force', () => {
    const result = read(
      'PEEL inspection of Gloucestershire Constabulary\nRecommendation 1: By May 2024, the force should agree a joint plan with Wiltshire Police.',
    );
    expect(result.forces).toEqual(['Gloucestershire Constabulary']);
  });

  it('aliases and look-alikes', () => {
    expect(read('Report on Avon & Somerset Police and the Met Office').forces).toEqual(['Avon and Somerset Constabulary']);
    expect(read('Report on the City of London Police').forces).toEqual(['City of London Police']);
  });

  it('a fire and rescue service is not the police force of the same area', () => {
    expect(read('Effectiveness, efficiency and people 2023–25: Cumbria Fire and Rescue Service').forces).toEqual([]);
  });

  it('"PCC response to HMICFRS report: … in Essex – March 2023" is about Essex', () => {
    const result = read(
      'PCC response to HMICFRS report: Report on an unannounced inspection visit to police custody suites in Essex – March 2023\nI welcome the report.',
    );
    expect([result.forces, result.forcesRule]).toEqual([['Essex Police'], 'named-in-title']);
  });
});

describe('rule: welsh-forces', () => {
  it.each([
    'Review of Welsh police forces finds failings and successes\nGwent Police has been identified as failing by an official report.',
    'Policing in Wales\nThe committee heard evidence from the four police forces in Wales and their commissioners.',
  ])('the Welsh forces named together are all four: %j', (text) => {
    const result = read(text);
    expect([result.forces, result.forcesRule]).toEqual([['Dyfed-Powys Police', 'Gwent Police', 'North Wales Police', 'South Wales Police'], 'welsh-forces']);
  });

  it('"forces in Wales and England" and "English and Welsh police forces" are not Wales alone', () => {
    expect(read('Forces in Wales and England were inspected\nHMICFRS inspected every force.').forcesRule).not.toBe('welsh-forces');
    for (const together of [
      'English and Welsh police forces',
      'English & Welsh police forces',
      'England and Wales’s forces',
      'England and Wales’ police forces',
    ]) {
      expect(read(`Firearms licensing 2015\nHMIC inspected firearms licensing in ${together}.`).forcesRule).not.toBe('welsh-forces');
    }
  });
});

describe('rule: national-title', () => {
  it.each([
    'State of Policing: The Annual Assessment of Policing in England and Wales 2022\nHMICFRS found that Kent Police has improved its call handling.',
    'An inspection of how well the police tackle online child sexual abuse\nHMICFRS visited Kent Police and Essex Police.',
    'Digital forensics\nAn inspection into how well the police and other agencies use digital forensics\nWe visited Kent Police and Essex Police.',
    'HER MAJESTY’S CHIEF INSPECTOR OF CONSTABULARY Annual Report 2002-2003\nHMIC inspected Dorset Police and Bedfordshire Police this year.',
  ])('an inspection report about the police in general is about no one force: %j', (text) => {
    const result = read(text);
    expect([result.forces, result.forcesRule]).toEqual([[], 'national-title']);
  });
});

describe('rule: national-title, not a letter by the Chief Inspector', () => {
  it('names the force it is to', () => {
    expect(read('Letter from HM Chief Inspector of Constabulary to the Chief Constable of Kent Police\nHMIC inspected Kent Police this year.').forces).toEqual([
      'Kent Police',
    ]);
  });
});

describe('rule: national-title, a news item about forces in general', () => {
  it('the opening speaks of police forces in general: the forces named after it are examples', () => {
    const result = read(
      'Police must grasp one chance to take action for victims of hate crime\nPolice forces are today urged by HMICFRS to prioritise the service to victims, in its first ever report into hate crime.\nGet the report\n• Greater Manchester Police: raised awareness among officers.',
    );
    expect([result.forces, result.forcesRule]).toEqual([[], 'national-title']);
  });

  it('not a body’s page whose boilerplate says what the inspectorate does for police forces', () => {
    const result = read(
      'HMICFRS reports\nHMICFRS independently assesses and reports on the efficiency and effectiveness of police forces, policing and fire and rescue services.\nThese are the reports on Merseyside Police.',
    );
    expect(result.forces).toEqual(['Merseyside Police']);
  });

  it('not in a letter to one force’s chief, whatever its opening says of all forces', () => {
    const result = read(
      'Chief Constable – Nottinghamshire Police\nDear Chris\nCore business: An inspection of crime prevention\nBetween January and April 2014, HMIC carried out inspection fieldwork across all 43 police forces in England and Wales.',
    );
    expect(result.forces).toEqual(['Nottinghamshire Police']);
  });
});

describe('rule: responding-body', () => {
  it('a body’s response is about its own force, whatever partners its report names', () => {
    const result = read(
      'Response to HMICFRS report: An inspection of the West Midlands regional response to serious and organised crime\nAs the Police and Crime Commissioner for Warwickshire, I welcome the report on Warwickshire Police, Staffordshire Police, West Mercia Police and West Midlands Police.',
    );
    expect([result.forces, result.forcesRule]).toEqual([['Warwickshire Police'], 'responding-body']);
  });

  it('the body named in its sign-off, the force’s name running into its title', () => {
    const result = read(
      'I welcome the HMICFRS report on collaboration, which Surrey Police and Sussex Police know well.\nI have asked the Chief Constable to comment on the report.\nDavid Munro, Surrey Police and Crime Commissioner',
    );
    expect([result.forces, result.forcesRule]).toEqual([['Surrey Police'], 'responding-body']);
  });

  it('the body by the area it had before the force took the island into its name: "…Commissioner, Hampshire"', () => {
    const result = read(
      'HMICFRS report: Police response to violence against women and girls – Final Inspection Report\nResponse from: Office of the Police and Crime Commissioner, Hampshire\nThe current response is not good enough.',
    );
    expect(result.forces).toEqual(['Hampshire and Isle of Wight Constabulary']);
  });

  it('two bodies named: not one body’s own force', () => {
    const result = read(
      'Commissioner’s response to the HMICFRS custody report\nThe Police and Crime Commissioner for Norfolk and the Police and Crime Commissioner for Suffolk share custody.\nI welcome the report.',
    );
    expect(result.forcesRule).not.toBe('responding-body');
  });
});

describe('the City of London Police by its initials and its short name', () => {
  it.each([
    'No reports in the last period had been published on the CoLP.',
    'HMIC are very engaged, particularly for a small force like the COLP.',
    'The Assistant Commissioner reported that the City Police had made progress.',
  ])('as the City’s committees write it: %j', (sentence) => {
    expect(read(`HMICFRS Inspection Update\n${sentence}`).forces).toEqual(['City of London Police']);
  });
});

describe('names that carry a force’s and are not the force', () => {
  it('the fire and rescue service of the area the force had before the island', () => {
    expect(read('Hampshire and Isle of Wight Fire and Rescue Service – Effectiveness, efficiency and people 2023–2025\nThe service is good.').forces).toEqual(
      [],
    );
  });

  it.each(['County Durham and Darlington Fire and Rescue Service', 'Dorset and Wiltshire Fire and Rescue Service'])(
    'a fire and rescue service joining two places: %j',
    (service) => {
      expect(
        read(`Fire and rescue inspections\nHMICFRS has published its inspection reports for ${service} and for Lancashire Fire and Rescue Service.`).forces,
      ).toEqual([]);
    },
  );

  it('but a site’s own copyright line keeps its force', () => {
    expect(read('PCC welcomes HMICFRS report\nThe Commissioner welcomed the report on the force.\n© Copyright Kent Police 2024').forces).toEqual([
      'Kent Police',
    ]);
  });

  it('a photograph’s credit', () => {
    expect(read('Part 3: HMIC reports\nDuring the period HMIC published 439 reports, all of them on our website.\n© Sussex Police').forces).toEqual([]);
  });

  it('"the Metropolitan Police Authority", "Kent Police Federation", "Northumbria Police and Crime Panel"', () => {
    expect(read('Report of the HMIC inspection process\nThe Metropolitan Police Authority has been replaced by MOPAC.').forces).toEqual([]);
    expect(read('Report of the HMIC inspection process\nThe Kent Police Federation welcomed the report.').forces).toEqual([]);
    expect(read('Your PCC\nThe Northumbria Police and Crime Panel scrutinises the decisions I take.').forces).toEqual([]);
  });
});

describe('rule: national-report-examples', () => {
  it('a national report naming many forces as examples is about none of them', () => {
    const result = read(
      'An inspection of vetting\nHMICFRS inspected Kent Police, Essex Police, Durham Constabulary and Dyfed-Powys Police.\nRecommendation 1: By May 2024, forces should review vetting.',
    );
    expect([result.forces, result.forcesRule]).toEqual([[], 'national-report-examples']);
  });
});

describe('rule: named-in-text', () => {
  it('a force named in full in the text', () => {
    const result = read('Custody review\nHMICFRS inspected Durham Constabulary last year.');
    expect([result.forces, result.forcesRule]).toEqual([['Durham Constabulary'], 'named-in-text']);
  });

  it('a force named with its kind in lower case', () => {
    expect(read('Custody review\nHMICFRS inspected Lancashire constabulary last year.').forces).toEqual(['Lancashire Constabulary']);
  });

  it.each([
    ['an alliance partner', 'HMICFRS inspected West Mercia Police, which works in alliance with Warwickshire Police.'],
    ['a partner in collaboration', 'HMICFRS inspected West Mercia Police. The force runs its control room in collaboration with Warwickshire Police.'],
    ['a comparison', 'HMICFRS inspected West Mercia Police, whose crime recording was better than Warwickshire Police.'],
    ['a copy list', 'HMICFRS inspected West Mercia Police.\ncc: Chief Constable, Warwickshire Police'],
    ['a force it works closely with', 'HMICFRS inspected West Mercia Police. The force works closely with Warwickshire Police on firearms.'],
    ['a peer reviewer', 'HMICFRS inspected West Mercia Police. Its approach was tested in a Peer Review undertaken by Warwickshire Police.'],
    [
      'the national lead force for a crime',
      'HMICFRS inspected West Mercia Police. It said Warwickshire Police’s role as the national lead police force for fraud is clearer.',
    ],
    ['a region named by the force’s area', 'HMICFRS inspected West Mercia Police and the West Midlands regional organised crime unit.'],
    [
      'a news page’s link to another story',
      'HMICFRS inspected West Mercia Police.\nREAD MORE: Warwickshire Police needs a beefed-up response to busting crime gangs',
    ],
    ['another force’s officer', 'HMICFRS inspected West Mercia Police after the then-serving Warwickshire police officer was convicted.'],
    ['a former officer of another force', 'HMICFRS inspected West Mercia Police. A former Warwickshire Police officer gave evidence.'],
  ])('%s is not a subject', (_, body) => {
    const result = read(`Custody review\n${body}`);
    expect([result.forces, result.forcesRule]).toEqual([['West Mercia Police'], 'named-in-text']);
  });

  it('in its own response a local policing body named by its area names its force', () => {
    const body =
      'Response to HMICFRS report: An inspection of vetting\nAs the Police and Crime Commissioner for Warwickshire I am providing the following response.';
    expect(read(body).forces).toEqual(['Warwickshire Police']);
    expect(read('Response to the HMICFRS custody inspection\nAs the PCC for the Humberside area I welcome the report.').forces).toEqual(['Humberside Police']);
  });

  it("a body's statement welcoming a report, its area named first, is about that force", () => {
    const result = read(
      "PCC welcomes custody inspection report\nNorfolk's Police and Crime Commissioner (PCC), Lorne Green, has welcomed the findings of an inspection of police custody.",
    );
    expect([result.kind, result.forces]).toEqual(['pcc-response', ['Norfolk Constabulary']]);
  });

  it('"Response from: Office of the Police and Crime Commissioner, Kent" is about Kent', () => {
    const result = read(
      'HMICFRS report: Police response to violence against women and girls – Final Inspection Report\nResponse from: Office of the Police and Crime Commissioner, Kent\nThe current response is not good enough.',
    );
    expect(result.forces).toEqual(['Kent Police']);
  });

  it("a national report's example of one body does not make it about that force", () => {
    const report =
      'An inspection of the response to stalking\nHMICFRS inspected six forces.\nNorfolk’s Police and Crime Commissioner funds stalking advocates, and the Police and Crime Commissioner for Kent funds a helpline.';
    expect(read(report).forces).toEqual([]);
  });
});

describe('rule: response-area', () => {
  it('a body that names its area as its own title does, "Devon, Cornwall and the Isles of Scilly", is about its force', () => {
    const column =
      'Scrutiny is key to tackling police performance\nAs Police and Crime Commissioner I see how hard officers work to keep people in Devon, Cornwall and the Isles of Scilly safe. I welcome the HMICFRS inspection.';
    expect(read(column).forces).toEqual(['Devon and Cornwall Police']);
  });

  it('a force the body’s force works closely with is not a second area', () => {
    const letter =
      'Home Secretary\n2 Marsham Street\nLondon SW1P 4DF\nAn inspection of firearms deployment\nI am writing to you in response to the above HMICFRS report published on 11th July 2023.\nThe Chief Constable in West Mercia will address these recommendations, and the force works closely with West Midlands Police.';
    expect(read(letter).forces).toEqual(['West Mercia Police']);
  });

  it("a body's letter that names its force only by area, below an address in another, is about that force", () => {
    const letter = [
      '31 May 2023',
      'Home Secretary',
      '2 Marsham Street',
      'London SW1P 4DF',
      'An inspection of online child sexual abuse',
      'I am writing to you in response to the above HMICFRS report published on 5th April 2023.',
      'The Chief Constable in West Mercia and I will address these recommendations across West Mercia.',
    ].join('\n');
    const result = read(letter);
    expect([result.kind, result.forces, result.forcesRule]).toEqual(['pcc-response', ['West Mercia Police'], 'response-area']);
  });
});

describe('rule: named-in-findings', () => {
  it('a force named only in a finding, no other force named, is the subject', () => {
    const result = read('Custody review\nHMICFRS inspected custody.\nRecommendation 1: By May 2024, West Mercia Police should improve call handling.');
    expect([result.forces, result.forcesRule]).toEqual([['West Mercia Police'], 'named-in-findings']);
  });
});

describe('rule: places-reported-on', () => {
  it('a page by others naming the places whose inspections it reports on, by bare area', () => {
    const result = read(
      'Custody news\nThe latest HMIC custody inspection reports have been published for Dorset and Kent.\nThe full report is available here: custody suites.',
    );
    expect([result.kind, result.forces, result.forcesRule]).toEqual(['other', ['Dorset Police', 'Kent Police'], 'places-reported-on']);
  });

  it('or listing them, by bare area, as forces', () => {
    const result = read(
      'Domestic abuse report\nGreater Manchester, Bedfordshire, Cambridgeshire and Gloucestershire police forces were criticised in the HMIC report.',
    );
    expect([result.kind, new Set(result.forces), result.forcesRule]).toEqual([
      'other',
      new Set(['Greater Manchester Police', 'Bedfordshire Police', 'Cambridgeshire Constabulary', 'Gloucestershire Constabulary']),
      'places-reported-on',
    ]);
  });

  it('not one place before them', () => {
    expect(read('Crime recording news\nIn Durham, police forces have been told by HMIC to record crime better.').forces).toEqual([]);
  });

  it('not England and Wales’s forces', () => {
    expect(read('Crime recording\nEngland and Wales police forces were told by HMIC to record crime better.').forces).toEqual([]);
  });
});
