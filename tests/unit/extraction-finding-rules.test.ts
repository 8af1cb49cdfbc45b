import { describe, expect, it } from 'vitest';
import { explainDocument } from '../../shared/extraction';
import { addresseesOf } from '../../shared/extraction/addressees';
import { FINDING_RULES } from '../../shared/extraction/recommendations';
import { expectNamedRules } from '../support/rule-tables';

// Each case names the rule it needs: without that rule the finding goes, or another rule reads it.

const encode = (text: string) => new TextEncoder().encode(text);

/** What was read, with only the explanations of recommendations, areas for improvement and causes of concern: the kind and title rules have their own tests. */
async function explained(document: string) {
  const { result, explanations } = await explainDocument(encode(document));
  return { result, explanations: explanations.filter(({ finding }) => /^(?:recommendation|area for improvement|cause of concern) /.test(finding)) };
}

/** Each finding, as "finding ← rule". */
async function readings(document: string): Promise<string[]> {
  return (await explained(document)).explanations.map(({ finding, rule }) => `${finding} ← ${rule}`);
}

/** The rules that read a document of one recommendation, and that recommendation. */
async function readAlone(document: string) {
  const { result, explanations } = await explained(document);
  return { rules: explanations.map(({ rule }) => rule), recommendation: result.recommendations[0] };
}

describe('the rule table', () => {
  it('names every rule once, with a line of doc', () => {
    expectNamedRules(FINDING_RULES);
  });

  it('says for each finding the text it read, as the document has it', async () => {
    const { explanations } = await explained('Recommendation 1: By March 2024, forces should review vetting.');
    expect(explanations).toEqual([
      { finding: 'recommendation 1', rule: 'labelled-recommendation', read: 'Recommendation 1: By March 2024, forces should review vetting.' },
    ]);
  });

  it('cuts what it read to 300 characters', async () => {
    const { explanations } = await explained(`Recommendation 1: Forces should ${'review vetting and '.repeat(40)}report.`);
    expect(explanations[0]!.read).toHaveLength(300);
  });
});

describe('rule: labelled-recommendation', () => {
  it('a label with its text, and a portal reference after the label', async () => {
    expect(await readings('Recommendation 2: By January 2024, forces should review vetting.\nRecommendation 3 (#23432): Forces should audit it.')).toEqual([
      'recommendation 2 ← labelled-recommendation',
      'recommendation #23432 ← labelled-recommendation',
    ]);
  });

  const first = 'By 1 May 2025, chief constables should make sure their workforce plans allow staff to move.';
  it.each([
    [
      'goes on in a paragraph asking its addressees for more, which is not a recommendation of its own',
      'By 1 May 2025, chief constables should also make sure officers who are promoted are posted to a different team.\nWe found this was rare.',
      `${first} By 1 May 2025, chief constables should also make sure officers who are promoted are posted to a different team.`,
    ],
    [
      'does not take in the commentary after it, which names no one to act, nor a paragraph asking others',
      'We found that the force should also do more to train its supervisors.\nThe College of Policing should also publish guidance.',
      first,
    ],
  ])('a numbered recommendation %s', async (_about, after, text) => {
    const { result } = await explained(`Recommendation 3\n${first}\n${after}`);
    expect(result.recommendations.map((recommendation) => [recommendation.ref, recommendation.text])).toEqual([['3', text]]);
  });

  it('"Recommendation 2 has been completed" is commentary, not a label', async () => {
    expect(await readings('Recommendation 2 has been completed.')).toEqual([]);
  });

  it('"Recommendation 1: The risk of honour-based abuse": the label names its subject, and the recommendation is the next block', async () => {
    const { result } = await explained(
      'Recommendation 1: The risk of honour-based abuse\nWe found forces rarely include this risk, so we recommend that chief constables update their policies.',
    );
    expect(result.recommendations.map(({ ref, text }) => [ref, text])).toEqual([
      ['1', 'We found forces rarely include this risk, so we recommend that chief constables update their policies.'],
    ]);
  });

  it.each(['Improve the vetting process', 'By March 2024, review vetting'])(
    '"Recommendation 1: %s" says what to do: it is the recommendation',
    async (afterLabel) => {
      const { result } = await explained(`Recommendation 1: ${afterLabel}\nWe found the force should do more.`);
      expect(result.recommendations.map(({ ref, text }) => [ref, text])).toEqual([['1', afterLabel]]);
    },
  );

  it('the recommendation under a subject may come after a short heading, and keeps the label’s number', async () => {
    const { result } = await explained('Recommendation 1: The risk of honour-based abuse\nVetting\nChief constables should update their policies.');
    expect(result.recommendations.map(({ ref, text }) => [ref, text])).toEqual([['1', 'Chief constables should update their policies.']]);
  });

  it('a subject over a block that asks for nothing is no recommendation either', async () => {
    expect(await readings('Recommendation 1: Cultural awareness\nOur work with communities continued through the year.')).toEqual([]);
  });
});

describe('rule: labelled-statement', () => {
  it('"Area for improvement 3:" and "Cause of concern:" labels', async () => {
    expect(await readings('Area for improvement 3: The force should improve call handling.\nCause of concern: The force does not protect victims.')).toEqual([
      'area for improvement 1 ← labelled-statement',
      'cause of concern 1 ← labelled-statement',
    ]);
  });
});

describe('rule: register-entry', () => {
  it('"Report title (4822)" then the recommendation', async () => {
    const { result, explanations } = await explained('Core Business: an inspection into crime prevention (4822)\nForces should review how they attend calls.');
    expect([result.recommendations.map(({ ref }) => ref), explanations.map(({ rule }) => rule)]).toEqual([['4822'], ['register-entry']]);
  });
});

describe('rule: register-entry, its whole-sentence bullets', () => {
  it('each bullet that is a whole recommendation is one, with no ref; the entry has the number', async () => {
    const entry = [
      'Missing children: a thematic inspection (5120)',
      'To address this, HMIC recommends that:',
      '• Within six months, all forces should audit their missing-person records.',
      '• The College of Policing should publish guidance on repeat missing episodes.',
      '[on]2nd May 2019 [status]awaiting-review[/status][/on]',
    ].join('\n');
    const { result } = await explained(entry);
    expect(result.recommendations.map(({ ref, addressees }) => [ref, addressees])).toEqual([
      [null, ['all forces']],
      [null, ['the College of Policing']],
    ]);
  });

  it('bullets that finish the sentence before them are one recommendation with it', async () => {
    const entry = ['Missing children (5121)', 'Within six months, forces should make sure that:', '• records are complete; and', '• reviews are timely.'].join(
      '\n',
    );
    const { result } = await explained(entry);
    expect(result.recommendations.map(({ ref }) => ref)).toEqual(['5121']);
  });
});

describe('rule: table-row', () => {
  const rows = [
    [
      'R4',
      'Cause of concern: The force answers too few emergency calls on time. Recommendation: HMIC recommends that within three months the force should: review its call staffing;',
      'Kent Police',
      'Open',
    ],
    ['R5', 'The College of Policing should publish guidance on call handling.', 'College of Policing', 'Completed'],
    ['R6', 'The force has reviewed its staffing and will report in May.', 'Kent Police', 'Completed'],
  ];
  const markdown = ['| # | Recommendation | Directed at | Status |', '|---|---|---|---|', ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
  const html = `<table><tr><th>#</th><th>Recommendation</th><th>Directed at</th><th>Status</th></tr>${rows.map((row) => `<tr>${row.map((cell) => `<td>${cell}</td>`).join('')}</tr>`).join('')}</table>`;

  it.each([
    ['a Markdown table in plain text', markdown],
    ['an HTML table', html],
  ])('%s: the row id is the ref, a cell naming a body the addressee, and a row that only reports progress is none', async (_, document) => {
    const { result, explanations } = await explained(document);
    expect(result.recommendations.map(({ ref, text, addressees, targetRelative }) => [ref, text.slice(0, 38), addressees, targetRelative])).toEqual([
      ['R4', 'HMIC recommends that within three mont', ['Kent Police'], 'within three months'],
      ['R5', 'The College of Policing should publish', ['College of Policing'], null],
    ]);
    expect(result.causesOfConcern.map(({ text }) => text)).toEqual(['The force answers too few emergency calls on time.']);
    expect(new Set(explanations.map(({ rule }) => rule))).toEqual(new Set(['table-row']));
  });
});

describe('rule: tracker-row', () => {
  it('number, status, text and addressee, each on its own line', async () => {
    const { result, explanations } = await explained(['7', 'Completed', 'The Home Office should publish a plan.', 'Home Office'].join('\n'));
    expect(result.recommendations.map(({ ref, addressees }) => [ref, addressees])).toEqual([['7', ['Home Office']]]);
    expect(explanations.map(({ rule }) => rule)).toEqual(['tracker-row']);
  });
});

describe('rule: tracker-row, its id and the cause of concern it answers', () => {
  it('"T4", then "Cause of concern: … Recommendation: …", then the addressee', async () => {
    const cause =
      'Cause of concern: The force is slow to answer calls. Recommendation: HMIC recommends that within six months the force should: improve call answering;';
    const { result } = await explained(['T4', cause, 'Kent Police', 'Open'].join('\n'));
    expect(result.recommendations.map(({ ref, text, addressees }) => [ref, text, addressees])).toEqual([
      ['T4', 'HMIC recommends that within six months the force should: improve call answering;', ['Kent Police']],
    ]);
    expect(result.causesOfConcern.map(({ text }) => text)).toEqual(['The force is slow to answer calls.']);
  });
});

describe('rule: tracker-row, its addressee line', () => {
  it.each([['Crown Prosecution Service'], ['the Ministry of Justice'], ['Chief constables'], ['Kent Police']])('%s', async (addressee) => {
    const { result } = await explained(['3', 'Open', 'By May 2024 the review should be finished.', addressee, '4'].join('\n'));
    expect(result.recommendations.map(({ addressees }) => addressees)).toEqual([[addressee]]);
  });
});

describe('rule: status-log', () => {
  it("a portal entry's status log is neither part of its recommendation nor another one", async () => {
    const { result, explanations } = await explained(
      [
        'Recommendations',
        '#23432 – By March 2023, forces should review crime scene management.',
        'Status',
        'Completed',
        'Update',
        '12 May 2023',
        'The force should now monitor its practices, and has done so.',
        '#23475 – By March 2023, all forces should ensure investigations are supervised.',
        'Status: In progress',
        'Update 3 June 2023: Forces should continue to audit supervision.',
      ].join('\n'),
    );
    expect(result.recommendations.map(({ ref, text }) => [ref, text])).toEqual([
      ['#23432', 'By March 2023, forces should review crime scene management.'],
      ['#23475', 'By March 2023, all forces should ensure investigations are supervised.'],
    ]);
    expect(explanations.map(({ rule }) => rule)).toEqual(['labelled-recommendation', 'labelled-recommendation']);
  });

  it("a register's dated log after the recommendation it follows", async () => {
    const { result } = await explained(
      [
        'Within six months the force should put in place arrangements to ensure that:',
        '• victims are believed; and',
        '• online reports are triaged.',
        '[on]9th February 2017 [status]awaiting-review[/status][/on]',
        'The force should now report to the board on its progress.',
      ].join('\n'),
    );
    expect(result.recommendations.map(({ text }) => text)).toEqual([
      'Within six months the force should put in place arrangements to ensure that: • victims are believed; and • online reports are triaged.',
    ]);
  });

  it('a numbered item ends the log', async () => {
    const { result } = await explained(
      ['Recommendations', '1. Forces should review vetting.', 'Status: Open', '2. Forces should audit supervision.'].join('\n'),
    );
    expect(result.recommendations.map(({ ref }) => ref)).toEqual(['1', '2']);
  });
});

describe('bullets run together in one line or list item', () => {
  it('are an item each, so that each whole-sentence recommendation after a cause of concern is one', async () => {
    const cause = 'Cause of concern\nThe force does not supervise its investigations of fraud well enough.';
    const bullets =
      '• The force should immediately review its fraud investigations. • Within three months, the force should train its supervisors. • Supervisors should record their reviews';
    const { result } = await explained(`${cause}\n${bullets}`);
    expect(result.recommendations.map(({ text }) => text)).toEqual([
      'The force should immediately review its fraud investigations.',
      'Within three months, the force should train its supervisors.',
      'Supervisors should record their reviews',
    ]);
  });

  it('in a list item another reader hands on, as in plain text', async () => {
    const html =
      '<p>Cause of concern</p><p>The force does not supervise its investigations of fraud well enough.</p><ul><li>The force should immediately review its fraud investigations. • Within three months, the force should train its supervisors.</li></ul>';
    const { result } = await explained(html);
    expect(result.recommendations.map(({ text }) => text)).toEqual([
      'The force should immediately review its fraud investigations.',
      'Within three months, the force should train its supervisors.',
    ]);
  });

  it('a bullet inside a sentence is not the start of an item', async () => {
    const { result } = await explained('Recommendations\n• Forces should grade calls by risk • and by need.');
    expect(result.recommendations.map(({ text }) => text)).toEqual(['Forces should grade calls by risk • and by need.']);
  });
});

describe('rule: numbered-recommendation', () => {
  it('a numbered item naming who should act needs no heading', async () => {
    expect(await readings('1. The MPS should take immediate steps to review vetting.')).toEqual(['recommendation 1 ← numbered-recommendation']);
  });

  it('a recommendation quoting a question is still one', async () => {
    expect(await readings('1. By March 2025, the force should ensure officers ask “is this victim safe?” at each visit.')).toEqual([
      'recommendation 1 ← numbered-recommendation',
    ]);
  });

  it('a numbered question is a consultation’s, not a recommendation: "1. Do you agree that leadership should be assessed …?"', async () => {
    expect(
      await readings('1. Do you agree that leadership in the police should be assessed as part of PEEL?\n2. Are there problems HMIC should take into account?'),
    ).toEqual([]);
  });

  it('a number run into its text, as the register’s stored entries keep it: "1.By July 2018, …"', async () => {
    const { result, explanations } = await explained(
      'To address this cause of concern HMICFRS recommends that:\n\n1.By July 2018, all police forces should monitor stop and search data.\n\n2.Where forces identify disparities, they should explain them.',
    );
    expect(explanations.filter(({ finding }) => finding.startsWith('recommendation')).length).toBe(2);
    expect(result.recommendations.map(({ ref, text }) => [ref, text])).toEqual([
      ['1', 'By July 2018, all police forces should monitor stop and search data.'],
      ['2', 'Where forces identify disparities, they should explain them.'],
    ]);
  });

  it('a run-in number before a one-letter word: "1.A review …"', async () => {
    const { result } = await explained('HMICFRS recommends that:\n\n1.A review of vetting should be carried out by all forces by March 2024.');
    expect(result.recommendations.map(({ ref }) => ref)).toEqual(['1']);
  });

  it('a number before a decimal point is no marker: "1.5 million"', async () => {
    expect(await readings('1.5 million calls were answered, and the force should answer more.')).toEqual([]);
  });

  it("not a committee paper's numbered paragraph", async () => {
    expect(await readings('4. The Panel should note the report.')).toEqual([]);
  });

  it('the number alone in its block, as a table’s number cell gives it, and the recommendation in the next', async () => {
    const { result, explanations } = await explained('No.\n\n1.\n\nChief Constables should establish or improve monitoring of stop and search.');
    expect(explanations.map(({ finding, rule }) => `${finding} ← ${rule}`)).toEqual(['recommendation 1 ← numbered-recommendation']);
    expect(result.recommendations[0]!.text).toBe('Chief Constables should establish or improve monitoring of stop and search.');
  });

  it('a table of numbers alone, each above its recommendation', async () => {
    const table =
      'No.\n\n1.\n\nChief Constables should monitor stop and search.\n\n2.\n\nForces should publish their data.\n\n3.\n\nThe College of Policing should review its guidance.';
    expect(await readings(table)).toEqual([
      'recommendation 1 ← numbered-recommendation',
      'recommendation 2 ← numbered-recommendation',
      'recommendation 3 ← numbered-recommendation',
    ]);
  });

  it('a number alone above a block that is not a recommendation is nothing', async () => {
    expect(await readings('1.\n\nThe definition has been published by the College.')).toEqual([]);
  });
});

describe('what only looks like a recommendation', () => {
  it('a press release’s number is no portal reference: "#030/2013 – Efforts to improve …"', async () => {
    expect(
      await readings('#030/2013 – Efforts to improve South Yorkshire Police’s response must go on\n\nHMIC found that the force has committed to it.'),
    ).toEqual([]);
  });

  it('an introduction that counts the recommendations and says whom some are for introduces them', async () => {
    const { result } = await explained(
      'In this report we make 43 recommendations, including several to the Home Office:\n\n• The Home Office should fund forces.\n• The Home Office should publish guidance.',
    );
    expect(result.recommendations).toHaveLength(2);
  });

  it('a selection of a report’s recommendations, however its introduction goes on, is a summary', async () => {
    expect(
      await readings(
        'The report made a number of immediate recommendations, including that police:\n\n• Facilitate peaceful protest\n• Improve dialogue with protest groups',
      ),
    ).toEqual([]);
  });
});

describe('rule: inspectorate-recommends, as a revisit letter restates it', () => {
  it.each([
    'We recommended that the force take immediate steps to:\n\n- provide strategic direction of all prevention work;\n- review its demand.',
    'We made the following recommendations, stating that the constabulary should:\n\n- make sure it has enough capacity;\n- improve its training.',
    'In our 2017 legitimacy report, we recommended that all forces should:\n\n- monitor their stop and search data;\n- publish the analysis.',
  ])('%j is one recommendation with its items', async (letter) => {
    const { result, explanations } = await explained(`Dear Chief Constable\n\nIn our 2022 inspection we found weaknesses.\n\n${letter}`);
    expect(explanations.map(({ rule }) => rule)).toEqual(['inspectorate-recommends']);
    expect(result.recommendations[0]!.text).toMatch(/^(?:In our 2017 legitimacy report, )?[Ww]e (?:recommended|made).*: - [a-z].*; - [a-z]/);
  });
});

describe('rule: restated-with-items', () => {
  const letter = (items: string) =>
    `Background\n\n1. We first inspected the service in 2018 and identified a cause of concern. The recommendations we gave were that, by 30 June 2019, the service should:\n\n${items}\n\nWe found that the service has made progress.`;

  it('a progress letter’s paragraph telling of the recommendation given, with the numbered items that finish it, is one recommendation', async () => {
    const { result, explanations } = await explained(
      letter(
        '1. put in place a programme to ensure that inclusion is a priority;\n2. ensure that recruitment is open to all; and\n3. treat employees according to their needs.',
      ),
    );
    expect(explanations.map(({ rule }) => rule)).toEqual(['restated-with-items']);
    expect(result.recommendations[0]!.text).toBe(
      'by 30 June 2019, the service should: 1. put in place a programme to ensure that inclusion is a priority; 2. ensure that recruitment is open to all; and 3. treat employees according to their needs.',
    );
    expect(result.recommendations[0]!.targetDate).toBe('2019-06-30');
  });

  it('not items that are sentences of their own, nor a paragraph that tells of no recommendation', async () => {
    expect(await readings(letter('1. The service has put in place a programme.\n2. Recruitment is open to all.'))).toEqual([]);
    expect(
      await readings(
        'Background\n\nWe asked what the service planned. It said that, by 30 June 2019, the service should:\n\n1. hire more staff;\n2. train them.',
      ),
    ).toEqual([]);
  });
});

describe('what was recommended before, told as history', () => {
  it('"We recommended that the force should review …" in a follow-up’s prose introduces nothing and is none', async () => {
    expect(
      await readings('Introduction\n\nWe recommended that the force should review its approach to crime recording.\n\nThe force has since made good progress.'),
    ).toEqual([]);
  });

  it('a body’s own dated plan under a cause of concern is not the register’s answer', async () => {
    expect(
      await readings('Cause of concern\n\nThe force does not understand demand.\n\nBy 31 March 2019, review the demand model and report to the Commissioner.'),
    ).not.toContain('recommendation 1 ← recommendation-answering-concern');
  });
});

describe('rule: recommendation-answering-concern, the PEEL report’s answer', () => {
  it('under a cause of concern, by when to do what, as the register puts it', async () => {
    expect(
      await readings(
        'Cause of concern\n\nHMIC found unacceptable variation in how forces assign the outcome type.\n\nby 30 June 2017, submit to HMIC a report on the results of the analysis.',
      ),
    ).toEqual(['cause of concern 1 ← section-statement', 'recommendation 1 ← recommendation-answering-concern']);
  });

  it('"To address this cause of concern the force must immediately take steps to:" and its items', async () => {
    const { result, explanations } = await explained(
      'Cause of concern\n\nCommunity policing teams are not well enough resourced.\n\nTo address this cause of concern the force must immediately take steps to:\n\n• increase the number of officers; and\n• monitor the effect of this increase.',
    );
    expect(explanations.map(({ finding, rule }) => `${finding} ← ${rule}`)).toEqual([
      'cause of concern 1 ← section-statement',
      'recommendation 1 ← recommendation-answering-concern',
    ]);
    expect(result.recommendations[0]!.text).toBe(
      'To address this cause of concern the force must immediately take steps to: • increase the number of officers; and • monitor the effect of this increase.',
    );
  });
});

describe('a recommendation whose sentence a block broke off', () => {
  it('goes on through blocks that start in lower case, as a PDF’s lines set apart leave it', async () => {
    const { result } = await explained(
      '1. Chief Constables should establish or improve\n\nmonitoring of the way officers stop and search people,\n\nso that they act lawfully.',
    );
    expect(result.recommendations.map(({ text }) => text)).toEqual([
      'Chief Constables should establish or improve monitoring of the way officers stop and search people, so that they act lawfully.',
    ]);
  });

  it('goes on into the next block where a line wrapped inside a name', async () => {
    const { result } = await explained(
      '1. Chief Constables and the College of Policing should establish in the Stop and Search Authorised\n\nProfessional Practice document a clear specification of fair stop and search.',
    );
    expect(result.recommendations.map(({ text }) => text)).toEqual([
      'Chief Constables and the College of Policing should establish in the Stop and Search Authorised Professional Practice document a clear specification of fair stop and search.',
    ]);
  });

  it('not into a sentence of its own after a name: "… the College of Policing" / "The force has made some progress …"', async () => {
    const { result } = await explained(
      '1. Forces should follow the guidance of the College of Policing\n\nThe force has made some progress since our last inspection.',
    );
    expect(result.recommendations.map(({ text }) => text)).toEqual(['Forces should follow the guidance of the College of Policing']);
  });

  it('not where its sentence ended, nor into a heading', async () => {
    const ended = await explained('1. Chief constables should review vetting.\n\nThe force has completed this work.');
    expect(ended.result.recommendations.map(({ text }) => text)).toEqual(['Chief constables should review vetting.']);
    const heading = await explained('1. Chief constables should review Vetting\n\nProgress update');
    expect(heading.result.recommendations.map(({ text }) => text)).toEqual(['Chief constables should review Vetting']);
  });
});

describe('rule: inspectorate-recommends', () => {
  it('"HMIC recommends that the force should …" and "We recommend that, within six months, …" outside any section', async () => {
    const prose = 'The force has made progress with its vetting.';
    const hmic = 'HMIC recommends that the force should review its vetting backlog.';
    const we = 'We recommend that, within six months, chief constables should publish their vetting data.';
    const { result, explanations } = await explained(`${prose}\n${hmic}\n${we}`);
    expect(explanations.map(({ rule }) => rule)).toEqual(['inspectorate-recommends', 'inspectorate-recommends']);
    expect(result.recommendations.map(({ addressees, targetRelative }) => [addressees, targetRelative])).toEqual([
      [['the force'], null],
      [['chief constables'], 'within six months'],
    ]);
  });

  it('prose saying what HMIC recommended, without anyone asked to act, is not one', async () => {
    expect(await readings('HMIC recommends that readers see the earlier report.')).toEqual([]);
  });

  it.each([
    ['We recommend that the Home Office changes its guidance on protection orders.', 'the Home Office'],
    ['We recommend that the College of Policing reviews its guidance.', 'the College of Policing'],
    ['HMICFRS recommends that the National Police Chiefs’ Council reviews it.', 'the National Police Chiefs’ Council'],
    ['We recommend that the Independent Office for Police Conduct publishes its guidance.', 'the Independent Office for Police Conduct'],
    ['We recommend that police forces adopt the guidance.', 'police forces'],
    ['We recommend that all forces in England and Wales adopt it.', 'all forces'],
  ])('%j: the body named to act, without "should", whole', async (paragraph, addressee) => {
    const { result, explanations } = await explained(paragraph);
    expect(explanations.map(({ rule }) => rule)).toEqual(['inspectorate-recommends']);
    expect(result.recommendations.map(({ addressees }) => addressees)).toEqual([[addressee]]);
  });
});

describe('rule: inspectorate-recommends, after the report it was made in', () => {
  it('"In our 2017 legitimacy report, we recommended that all forces should:" is to all forces', async () => {
    const { result } = await explained(
      'Dear Chief Constable\n\nIn our 2017 legitimacy report, we recommended that all forces should:\n\n- monitor their stop and search data;\n- publish the analysis.',
    );
    expect(result.recommendations.map(({ addressees }) => addressees)).toEqual([['all forces']]);
  });
});

describe('rule: inspectorate-recommends-in-prose', () => {
  it('a sentence inside a paragraph, after a footnote’s mark: only the sentence is the recommendation', async () => {
    const paragraph =
      'We have identified some areas in which the service could improve. Many of its detectives are close to retirement.[1] We also recommend that the force should enable officers to complete DASH assessments on their mobile devices.';
    const { result, explanations } = await explained(paragraph);
    expect(explanations.map(({ rule }) => rule)).toEqual(['inspectorate-recommends-in-prose']);
    expect(result.recommendations.map(({ text, addressees }) => [text, addressees])).toEqual([
      ['We also recommend that the force should enable officers to complete DASH assessments on their mobile devices.', ['the force']],
    ]);
  });

  it('"… law. We also recommend that the government makes changes …": the body named to act', async () => {
    const paragraph = 'Our evidence suggests the law needs to change. We also recommend that the government makes changes to stalking protection orders.';
    expect((await explained(paragraph)).result.recommendations.map(({ addressees }) => addressees)).toEqual([['the government']]);
  });

  it('someone quoted recommending, as the press reports it, is not the inspectorate recommending', async () => {
    const quoted = 'The Chief Constable said: “The force has improved. We recommend that the force should do more,” he said.';
    const reported = 'The force has improved. We recommend that the force should do more, the inspector said.';
    expect([await readings(quoted), await readings(reported)]).toEqual([[], []]);
  });

  it('a paragraph that opens asking, alone in the document, is one recommendation, not its later sentence only', async () => {
    const { result, explanations } = await explained('The force should improve its vetting. We also recommend that the force should audit it.');
    expect(explanations.map(({ rule }) => rule)).toEqual(['actor-then-action']);
    expect(result.recommendations).toHaveLength(1);
  });

  it('a sentence after an abbreviation or a capital is read from where it starts', async () => {
    const paragraph = 'The force works with the NPCC. We also recommend that the force should publish its data, e.g. Its stop and search data.';
    expect((await explained(`Introduction\n${paragraph}`)).result.recommendations.map(({ text }) => text)).toEqual([
      'We also recommend that the force should publish its data, e.g. Its stop and search data.',
    ]);
  });

  it('what was recommended before, or a recommendation that asks no one to act, is not one', async () => {
    const history =
      'The force has improved. In 2019 we recommended that the force should review its vetting. HMIC recommends that readers see the earlier report.';
    expect(await readings(history)).toEqual([]);
  });
});

/** Rule, a recommendation standing alone that it reads and what it reads from it, and a paragraph like it that is none. */
const STANDING_ALONE: Array<[string, string, Record<string, unknown>, string]> = [
  [
    'target-then-action',
    'Within six months the force should review its call handling.',
    { targetRelative: 'within six months', addressees: ['the force'] },
    'By 2025 there should be fewer crimes.',
  ],
  [
    'actor-then-action',
    'All police forces should publish how they grade calls about missing people.',
    { addressees: ['all police forces'] },
    'Faster grading of calls should follow from the new system.',
  ],
];

describe.each(STANDING_ALONE)('rule: %s', (rule, document, recommendation, none) => {
  it(`"${document}" standing alone`, async () => {
    expect(await readAlone(document)).toMatchObject({ rules: [rule], recommendation });
  });

  it(`"${none}" names nobody to act, and is not one`, async () => {
    expect(await readings(none)).toEqual([]);
  });
});

describe('rule: actor-then-action', () => {
  it('the paragraphs after it explain it, and are not more recommendations', async () => {
    const entry = 'All police forces should publish how they grade calls.\nChief constables should oversee the publication themselves.';
    expect(await readings(entry)).toEqual(['recommendation 1 ← actor-then-action']);
  });

  it('after a section of findings it is commentary', async () => {
    const document = 'Areas for improvement\n• The force should improve call handling.\nOur findings\nThe force should do better at many things.';
    expect(await readings(document)).toEqual(['area for improvement 1 ← section-statement']);
  });

  it('not after the document has begun: then it is commentary', async () => {
    expect(await readings('Vetting\nI welcome the report on vetting.\nThe force must now build on this work.')).toEqual([]);
  });

  it('nor praise', async () => {
    expect(await readings('The chief constable should be commended for the progress on vetting.')).toEqual([]);
  });

  it.each([
    'Forces should be proud of their vetting, the minister added.',
    'Police should give as much importance to violence against women as to terrorism, says the police inspectorate.',
  ])('nor words someone is reported to have said: "%s"', async (text) => {
    expect(await readings(text)).toEqual([]);
  });
});

describe('rule: section-recommendation', () => {
  it('a heading block from the format ends the section', async () => {
    const html =
      '<h1>Vetting</h1><h2>Recommendations</h2><ul><li>Forces should review vetting.</li></ul><h2>Our findings</h2><p>Forces should do better at many things.</p>';
    expect((await explained(html)).result.recommendations.map(({ text }) => text)).toEqual(['Forces should review vetting.']);
  });
});

/** Rule, case, document, and what it reads: "finding ← rule". */
const READS: Array<[string, string, string, string[]]> = [
  [
    'tracker-row',
    'a row on one line whose text opens "Met Police" keeps its words: "Met" is no status there',
    'Recommendations\n2 Met Police officers should receive stalking training by March 2024.',
    ['recommendation 1 ← section-recommendation'],
  ],
  [
    'target-then-action',
    'progress told after a deadline is no recommendation ("By March 2024, review of all vetting files had been completed")',
    'Our update\nBy March 2024, review of all vetting files had been completed by the force.\nBy the end of 2023, work with partners had begun.',
    [],
  ],
  [
    'section-recommendation',
    'an introduced list ends where its items do: the force’s later bullets are its own',
    'HMICFRS made the following recommendations:\n- Warwickshire Police immediately improves its child protection investigations.\nOur response is set out below.\n- The force has appointed a new lead.\n- Staff were trained in March.',
    ['recommendation 1 ← section-recommendation'],
  ],
  [
    'section-recommendation',
    'an introduced list’s items opening on a gerund are the page’s summary of what to do, not the inspectorate’s words',
    'Inspectors also made recommendations about how we can improve the service we offer:\n- Reducing the amount of time children spend in custody, including seeking other accommodation for them.\n- Improving the oversight of the use of force.',
    [],
  ],
  [
    'section-heading',
    'a sentence naming both kinds before "These were:" says neither which the list is',
    'The report made two recommendations and identified five areas for improvement. These were:\n- Warwickshire Police immediately improves its child protection investigations.',
    [],
  ],
  [
    'commentary',
    '"Previous recommendations" is no heading of the inspectorate’s recommendations, and "Update:" asks nothing',
    'Previous recommendations\n- Update: the force has recruited twenty investigators.\n- Review of the 101 service is now complete.',
    [],
  ],
  [
    'labelled-recommendation',
    'a label’s recommendation is the block after it, even when a dated one follows',
    'Recommendation 1\nChief constables should make sure that stalking is recorded correctly.\nBy 31 March 2025, forces should train all their call handlers in this.',
    ['recommendation 1 ← labelled-recommendation', 'recommendation 2 ← target-then-action'],
  ],
  [
    'target-then-action',
    'a deadline, then what to do, its subject left to the page ("By 27 March 2025, where required, seek …")',
    'Stalking super-complaint: our action plan\nBy 27 March 2025, where required, seek changes to their crime recording systems to record stalking.\nThe force has started this work.',
    ['recommendation 1 ← target-then-action'],
  ],
  [
    'section-recommendation',
    'introduced as "a recommendation for Chief Constables that states:", then a deadline and what to do',
    'The report makes a recommendation for Chief Constables that states:\nBy 22 November 2024 (56 days from publication), publish on their force website an action plan.',
    ['recommendation 1 ← section-recommendation'],
  ],
  [
    'register-entry',
    'an entry that only says what to do ("Develop a clear and integrated vision …")',
    'Working together: East Midlands collaboration (3989)\nDevelop a clear and integrated vision and programme of work for collaboration in the East Midlands.\nThis recommendation is being reviewed.',
    ['recommendation 3989 ← register-entry'],
  ],
  [
    'labelled-recommendation',
    '"Recommendation 1. To chief constables": whom it is for, the recommendation in the next block',
    'Recommendation 1. To chief constables\nAs an interim measure, where officers have doubts about a victim’s immigration status, they should seek advice.',
    ['recommendation 1 ← labelled-recommendation'],
  ],
  [
    'tracker-row',
    'a tracker’s row on one line: number, status, then the recommendation',
    'Recommendations\n9\n1 Open By 31 December 2024, all chief constables should make sure that their forces have problem profiles. Status: Incomplete\n2 Open By 30 May 2025, the National Crime Agency should produce an assessment. Status: In progress',
    ['recommendation 1 ← tracker-row', 'recommendation 2 ← tracker-row'],
  ],
  [
    'section-heading',
    'an introduced list of fragments that finish the introduction is not a list of recommendations',
    'So, we have made nine recommendations to:\n• establish greater consistency;\n• transparency and fairness in selection; and\n• a framework of continuous professional development.',
    [],
  ],
  [
    'register-entry',
    'the entry’s label, then a summary run into its context, then the recommendation with its deadline: the entry’s number is the ref',
    'Policing and mental health: Picking up the pieces (9323)\nRecommendation 3\nAll forces should evaluate their mental health triage services Mental health triage now operates in 42 forces.\nBy August 2019, all forces should review their existing partnership mental health triage services.',
    ['recommendation 9323 ← register-entry'],
  ],
  [
    'labelled-recommendation',
    'a number above a labelled recommendation is not a tracker row',
    'Recommendations\n1\nRecommendation 4 With immediate effect, chief constables should make sure that roads policing is in their strategic assessments.',
    ['recommendation 4 ← labelled-recommendation'],
  ],
  [
    'section-recommendation',
    'a list a sentence says is the recommendations ("In brief, these were:"), however a response rewords them',
    'The report was published on 5 August 2022, in which eight recommendations were identified for the force. In brief, these were: –\n1. Within three months Warwickshire Police acts to make sure that children’s views are recorded.\n2. Warwickshire Police immediately improves its child protection investigations.',
    ['recommendation 1 ← section-recommendation', 'recommendation 2 ← section-recommendation'],
  ],
  [
    'recommendation-answering-concern',
    'a lead-in naming who should act and by when ("The force should immediately:") after a cause of concern',
    'Cause of concern\nThe force too often fails to record crimes correctly. This means victims are let down.\nThe force should immediately:\ntake steps to address gaps in its systems for recording crime;ensure that domestic abuse is recorded as a crime.',
    ['cause of concern 1 ← section-statement', 'recommendation 1 ← recommendation-answering-concern'],
  ],
  [
    'register-entry',
    'bullets that are whole sentences, a time from now making "should have started" ask for action',
    'PEEL: police legitimacy 2016 (6129)\nTo address this cause of concern, HMIC recommends that:\n• Within six months, all forces not complying with vetting policy should have started to implement a plan to do so.\n• Within two years, all members of the police workforce should have received vetting clearance.',
    ['recommendation 1 ← register-entry', 'recommendation 2 ← register-entry'],
  ],
  [
    'unnumbered-label',
    '"Recommendation:" with the recommendation on the same line, then the force\'s answer',
    'I am writing to you in response to the above HMICFRS report.\nRecommendation: By 31 March 2024, Chief Constables should make sure their officers are trained in the use of outcome 22.\nWest Mercia Police welcome the use of outcome 22.',
    ['recommendation 1 ← unnumbered-label'],
  ],
  [
    'unnumbered-label',
    '"Recommendation" alone, the recommendation in the next block',
    'Fraud\nThe report identifies a number of issues.\nRecommendation\nBy 30 September 2019, chief constables should publish their force’s policy for investigating fraud.\nThe force will publish new guidance.',
    ['recommendation 1 ← unnumbered-label'],
  ],
  [
    'other-body-recommendations',
    'another body’s recommendations under their own heading are not the inspectorate’s; those under the next heading are',
    'IOPC recommendations to the MPS\n1. The MPS should take immediate steps to assure itself that warrants are completed well.\nMPS response: The MPS has introduced a system.\nHMICFRS recommendations to the MPS\n2. The MPS should train all its officers in search warrants.',
    ['recommendation 2 ← numbered-recommendation'],
  ],
  [
    'section-heading',
    'a letter’s sentence before a "Recommendations" heading, finished by the items under it, is one recommendation',
    'Background\nIn November 2021, we inspected the service and identified a cause of concern. We shared it with you and our recommendations that the service should:\nRecommendations\n• ensure that joint agency reviews take place after fatal fires;\n• target the most vulnerable; and\n• ensure that all staff can identify vulnerability.\nYou submitted an action plan.',
    ['recommendation 1 ← section-heading'],
  ],
  [
    'labelled-recommendation',
    'another body recommending in its own name under a label is not the inspectorate’s recommendation; the inspectorate’s under the next label is',
    'Recommendation 1\nThe IOPC recommends that the Civil Nuclear Constabulary publicly outline the action it has taken to improve standards.\nRecommendation 2\nBy March 2025, the Civil Nuclear Constabulary should review its vetting.',
    ['recommendation 2 ← labelled-recommendation'],
  ],
  [
    'section-recommendation',
    'items saying what to do, under a heading that says whose recommendations they are',
    'Cause for concern:\nWest Mercia Police needs to improve how it tackles serious and organised crime.\nWest Mercia specific recommendations:\n- Improve how it works with partners to tackle SOC\n- Provide enough analytical capacity to improve its understanding of emerging SOC threats',
    ['cause of concern 1 ← labelled-statement', 'recommendation 1 ← section-recommendation', 'recommendation 2 ← section-recommendation'],
  ],
  [
    'labelled-recommendation',
    'numbered paragraphs: "2.1 Recommendation 1", its text in "2.2 By …"',
    '2. Response to Recommendations\n2.1 Recommendation 1\n2.2 By 31 October 2023, the National Police Chiefs’ Council lead for child protection should work with chief constables to introduce oversight.\n2.3 Recommendation 2',
    ['recommendation 1 ← labelled-recommendation'],
  ],
  [
    'heading-then-recommendation',
    '"Recommendations: Within six months chief constables should …"',
    'Recommendations: Within six months chief constables should review vetting.',
    ['recommendation 1 ← heading-then-recommendation'],
  ],
  [
    'section-heading',
    'a heading opens a section whose unmarked items count; a sentence can introduce one',
    'Recommendations\nForces should review vetting.\nWe identified the following two causes of concern:\n• The force does not know its demand.',
    ['recommendation 1 ← section-recommendation', 'cause of concern 1 ← section-statement'],
  ],
  [
    'cause-then-recommendation',
    'a cause of concern and the recommendation answering it in one paragraph',
    'Cause of concern: Victims wait too long for officers to attend. Recommendation: Within three months, the force should review its attendance times.',
    ['cause of concern 1 ← cause-then-recommendation', 'recommendation 1 ← cause-then-recommendation'],
  ],
  [
    'sub-heading',
    "a table's column headings straight after the section's heading do not end it",
    'Recommendations\nRecommendation\nResponse\nForces should review vetting.',
    ['recommendation 1 ← section-recommendation'],
  ],
  [
    'recommendation-answering-concern',
    '"we recommend that, within three months, the force should:" after a cause of concern',
    'Cause of concern\nThe force does not identify vulnerable victims.\nTo address this cause of concern, we recommend that, within three months, the force should:\n• review its training; and\n• audit its risk assessments.',
    ['cause of concern 1 ← section-statement', 'recommendation 1 ← recommendation-answering-concern'],
  ],
  [
    'recommendation-answering-concern',
    '"Immediately, all forces should …" after a cause of concern: a cause of concern has no deadline',
    'Cause of concern\nToo many reports of missing children wait days before anyone reviews them.\nImmediately, all forces should audit how they review reports of missing children.',
    ['cause of concern 1 ← section-statement', 'recommendation 1 ← recommendation-answering-concern'],
  ],
  [
    'section-statement',
    'bulleted areas for improvement, and prose that only counts them is not one',
    'Areas for improvement\nWe found 16 areas for improvement.\n• The force should improve call handling.',
    ['area for improvement 1 ← section-statement'],
  ],
  [
    'commentary',
    'commentary between recommendations is not one, even when it says "should"',
    'Recommendations\n1. Forces should review vetting.\nI agree that forces should do this.\n2. Forces should audit it.',
    ['recommendation 1 ← section-recommendation', 'recommendation 2 ← section-recommendation'],
  ],
];

describe.each([...new Set(READS.map(([rule]) => rule))])('rule: %s', (rule) => {
  it.each(READS.filter(([name]) => name === rule).map(([, ...rest]) => rest))('%s', async (_, document, expected) => {
    expect(await readings(document)).toEqual(expected);
  });
});

describe('addressees: only the words that name who should act', () => {
  it.each([
    ['By March 2024, all forces should review vetting.', ['all forces']],
    ['The College of Policing and the Home Office should publish guidance.', ['the College of Policing', 'the Home Office']],
    ['Police and crime commissioners should hold forces to account.', ['police and crime commissioners']],
    [
      'By March 2024, chief constables, the College of Policing and the Home Office should agree a plan.',
      ['chief constables', 'the College of Policing', 'the Home Office'],
    ],
    ['Those forces using a threat, harm and risk policy, that have not yet done so, should publish it.', ['those forces']],
    ['The National Police Chiefs’ Council should lead.', ['the National Police Chiefs’ Council']],
    ['The NPCC lead for vetting should act.', ['the NPCC lead for vetting']],
    ['Avon and Somerset Police should act.', ['Avon and Somerset Police']],
    // HMICFRS inspects fire and rescue services too, and restates their recommendations beside the police's.
    ['By 1 February 2025, chief fire officers should make sure a policy is in place.', ['chief fire officers']],
    ['By June 2025, fire and rescue services should publish their plans.', ['fire and rescue services']],
    ['The relentless pursuit and disruption of adult perpetrators should be a priority for forces.', []],
    ['There should be a plan.', []],
    ['We shared the cause of concern with you and our recommendations that the service should: • ensure that reviews take place;', ['the service']],
    [
      'To address this cause for concern, HMICFRS recommends that, within three months of publication of this report, the force should link its plans.',
      ['the force'],
    ],
  ])('%s', (text, addressees) => {
    expect(addresseesOf(text)).toEqual(addressees);
  });
});

describe('a register page’s label run onto its text', () => {
  it('"RecommendationTo address this cause for concern, HMICFRS recommends …" is the label and its recommendation', async () => {
    const { result, explanations } = await explained(
      'PEEL: police efficiency 2017 - Anyshire Police (8406)\n\nCause of concernThe lack of clear financial plans is a cause of concern to HMICFRS.\n\nRecommendationTo address this cause for concern, HMICFRS recommends that, within three months of publication of this report, the force should link its financial plans with its operating model.',
    );
    expect(explanations.map(({ finding, rule }) => `${finding} ← ${rule}`)).toEqual([
      'cause of concern 1 ← labelled-statement',
      'recommendation 1 ← unnumbered-label',
    ]);
    expect(result.recommendations[0]).toMatchObject({ addressees: ['the force'], targetRelative: 'within three months' });
    expect(result.recommendations[0]!.text).toMatch(/^To address this cause for concern, HMICFRS recommends/);
  });
});

describe('a letter’s recommendation split by its heading', () => {
  it('reads the sentence before the heading with the items that finish it, addressed to the service', async () => {
    const text =
      'Background\nWe shared the cause of concern with you and our recommendations that the service should:\nRecommendations\n• ensure that joint agency reviews take place after fatal fires;\n• target the most vulnerable; and\n• ensure that all staff can identify vulnerability.\nYou submitted an action plan.';
    const { result } = await explainDocument(new TextEncoder().encode(text));
    expect(result.recommendations.map(({ text, addressees }) => ({ text, addressees }))).toEqual([
      {
        text: 'We shared the cause of concern with you and our recommendations that the service should: • ensure that joint agency reviews take place after fatal fires; • target the most vulnerable; and • ensure that all staff can identify vulnerability.',
        addressees: ['the service'],
      },
    ]);
  });
});
