import { describe, expect, it } from 'vitest';
import { extractDocument, extractFromText, parseTargetPhrase } from '../../shared/extraction';
import { ADDRESSEE_RULES } from '../../shared/extraction/addressees';
import { textDocument } from '../../shared/extraction/paragraphs';
import { findFindings } from '../../shared/extraction/recommendations';
import { TARGET_RULES } from '../../shared/extraction/target-dates';
import { expectNamedRules } from '../support/rule-tables';

// Each case sits under the finding rule it exercises: the rule that reads its finding or, for a text
// that yields none, the rule that must not read it. Target phrases and addressees have rule tables of
// their own; stated counts and levels are read by no rule table, so they keep groups of their own.

const encode = (text: string) => new TextEncoder().encode(text);

/**
 * Each finding read from plain text, as "finding ← rule", so a case fails when another rule reads it;
 * not the target and addressee rules' readings of a recommendation, which have cases of their own.
 */
const rulesOf = (text: string) =>
  findFindings(textDocument(text).blocks)
    .explanations.filter(({ finding }) => !/^(?:target|addressees) of /.test(finding))
    .map(({ finding, rule }) => `${finding} ← ${rule}`);

const recommendationTexts = (text: string) => extractFromText(text).recommendations.map(({ text: found }) => found);

const levels = (text: string) => extractFromText(text).recommendations.map(({ addressees, level }) => ({ addressees, level }));

/** "Disproportionate use of police powers" with its dated list of recommendations, the second of them national. */
function datedList(heading: string) {
  const text = `Disproportionate use of police powers\n${heading}1. By July 2022, forces should ensure that officers have effective communication skills.\n2. The Home Office and the NPCC should publish data on the use of force.\n3. By July 2021, forces should monitor their use of force.`;
  const result = extractFromText(text);
  expect(result.recommendations.map(({ ref, targetDate, level }) => ({ ref, targetDate, level }))).toEqual([
    { ref: '1', targetDate: '2022-07-31', level: 'force' },
    { ref: '2', targetDate: null, level: 'national' },
    { ref: '3', targetDate: '2021-07-31', level: 'force' },
  ]);
  return rulesOf(text);
}

/** A cause of concern followed by recommendations to act immediately. */
function expectConcernThenImmediateRecommendations(lines: string[], recommendations: Array<[string | null, string]>, causeOfConcern: string) {
  const result = extractFromText(lines.join('\n'));
  expect(result.recommendations.map(({ ref, text }) => [ref, text.slice(0, 40)])).toEqual(recommendations);
  expect(result.recommendations.every(({ targetRelative }) => targetRelative === 'immediately')).toBe(true);
  expect(result.causesOfConcern).toEqual([{ text: causeOfConcern }]);
  return rulesOf(lines.join('\n'));
}

describe('the target rules', () => {
  it('each has a unique name and one line of doc', () => {
    expectNamedRules(TARGET_RULES);
  });

  it.each([
    ['By March 2023, forces should make sure …', 'By March 2023', '2023-03-31', 'by-month'],
    ['By February 2024, forces should …', 'By February 2024', '2024-02-29', 'by-month'],
    ['By 31 October 2024, chief constables should …', 'By 31 October 2024', '2024-10-31', 'by-day'],
    ['Not later than 31 March 2015 those forces … should provide …', 'Not later than 31 March 2015', '2015-03-31', 'by-day'],
    ['No later than 1st September 2025, the force should …', 'No later than 1st September 2025', '2025-09-01', 'by-day'],
    ['By the end of 2024, chief constables should …', 'By the end of 2024', '2024-12-31', 'by-year-end'],
    ['By the end of June 2025, the Home Office should …', 'By the end of June 2025', '2025-06-30', 'by-month'],
    ['By the end of the 2024/25 financial year, forces should …', 'By the end of the 2024/25 financial year', '2025-03-31', 'by-financial-year'],
    ['The force should, before 1 April 2024, publish …', 'before 1 April 2024', '2024-03-31', 'before-day'],
    ['Forces should, by Sept. 2025, review …', 'by Sept. 2025', '2025-09-30', 'by-month'],
  ])('%s: %s, rule %s', (text, phrase, date, rule) => {
    expect(parseTargetPhrase(text)).toEqual({ phrase, date, relative: null, rule });
  });

  it.each([
    ['Within six months, the force should …', 'within six months'],
    ['HMIC recommends that within 3 months the force should: …', 'within 3 months'],
    ['HMIC recommends that the force should immediately: conduct a review …', 'immediately'],
    ['With immediate effect, all forces should …', 'with immediate effect'],
  ])('%s is relative to publication, rule from-publication', (text, relative) => {
    const target = parseTargetPhrase(text);
    expect(target.date).toBeNull();
    expect(target.rule).toBe('from-publication');
    expect(target.relative).toBe(relative);
    expect(target.phrase?.toLowerCase()).toBe(relative);
  });

  it('gives nothing for a recommendation without a target, or one mentioned only later', () => {
    expect(parseTargetPhrase('There should be a single national plan.')).toEqual({ phrase: null, date: null, relative: null, rule: null });
    expect(parseTargetPhrase('Forces should improve supervision. This was last reviewed by March 2019.').date).toBeNull();
  });

  it('a date naming which cases to review is not a deadline for the review', () => {
    expect(parseTargetPhrase('Within six months, forces should review all rape cases recorded by 31 March 2023.').date).toBeNull();
  });

  it('keeps an opening "immediately" and takes the closing deadline in the same sentence as the date', () => {
    expect(
      parseTargetPhrase(
        'Immediately, the responsibility for mapping should be transferred to regional units, and this transfer should be completed no later than September 2017.',
      ),
    ).toEqual({ phrase: 'Immediately', date: '2017-09-30', relative: 'immediately', rule: 'from-publication' });
    expect(parseTargetPhrase('Within three months, forces should review crimes recorded before April 2019.')).toEqual({
      phrase: 'Within three months',
      date: null,
      relative: 'within three months',
      rule: 'from-publication',
    });
  });

  it('ignores a day that does not exist', () => {
    expect(parseTargetPhrase('By 31 June 2024, forces should …').date).toBeNull();
  });
});

describe('the addressee rules', () => {
  it('each has a unique name and one line of doc', () => {
    expectNamedRules(ADDRESSEE_RULES);
  });

  it.each([
    [
      'the subject of "should"',
      'Recommendations\n1. By March 2023, chief constables and the College of Policing should review vetting.',
      'subject-of-should',
      'chief constables; the College of Policing',
    ],
    [
      'a tracker’s line after the text',
      '1\nCompleted\nHMIC recommends that the force should immediately review its workload.\nWest Mercia Police',
      'line-after',
      'West Mercia Police',
    ],
    [
      'a table’s cell beside it',
      '| # | Recommendation | Directed at |\n|---|---|---|\n| T1 | The force should review its workload. | West Mercia Police |',
      'named-beside',
      'West Mercia Police',
    ],
  ])('%s', (_shape, text, rule, read) => {
    const { explanations } = findFindings(textDocument(text).blocks);
    expect(explanations.find((explanation) => explanation.finding.startsWith('addressees of '))).toMatchObject({ rule, read });
  });

  it('explains a recommendation’s target with the phrase it read', () => {
    const { explanations } = findFindings(textDocument('Recommendations\n1. By March 2023, forces should review vetting.').blocks);
    expect(explanations).toContainEqual({ finding: 'target of recommendation 1', rule: 'by-month', read: 'By March 2023' });
  });
});

describe('rule: labelled-recommendation', () => {
  it('a label on its own line, with the text on the next', () => {
    const text = 'Recommendation 3\nWithin six months, the force should review how it allocates investigations.\nThe force has accepted this.';
    const result = extractFromText(text);
    expect(result.recommendations).toEqual([
      {
        ref: '3',
        text: 'Within six months, the force should review how it allocates investigations.',
        targetDate: null,
        addressees: ['the force'],
        level: 'force',
        targetPhrase: 'Within six months',
        targetRelative: 'within six months',
      },
    ]);
    expect(rulesOf(text)).toEqual(['recommendation 3 ← labelled-recommendation']);
  });

  it('a label with the text on the same line, and a lettered sub-list that belongs to it', () => {
    const text = [
      'Recommendation 1: By 31 October 2024, chief constables should:',
      '(a) review their custody staffing;',
      '(b) publish the results; and',
      '(c) tell their local policing body.',
      'Recommendation 2 – By the end of 2024, the Home Office and the College of Policing should agree a national standard.',
      'We will report on progress.',
    ].join('\n');
    const result = extractFromText(text);
    expect(result.recommendations).toEqual([
      {
        ref: '1',
        text: 'By 31 October 2024, chief constables should: (a) review their custody staffing; (b) publish the results; and (c) tell their local policing body.',
        targetDate: '2024-10-31',
        addressees: ['chief constables'],
        level: 'force',
        targetPhrase: 'By 31 October 2024',
        targetRelative: null,
      },
      {
        ref: '2',
        text: 'By the end of 2024, the Home Office and the College of Policing should agree a national standard.',
        targetDate: '2024-12-31',
        addressees: ['the Home Office', 'the College of Policing'],
        level: 'national',
        targetPhrase: 'By the end of 2024',
        targetRelative: null,
      },
    ]);
    expect(rulesOf(text)).toEqual(['recommendation 1 ← labelled-recommendation', 'recommendation 2 ← labelled-recommendation']);
  });

  it('a portal reference after a label', () => {
    const text = 'Recommendation 1 (#23432): By March 2023, forces should review crime scene management.';
    const labelled = extractFromText(text);
    expect(labelled.recommendations[0]).toMatchObject({ ref: '#23432', text: 'By March 2023, forces should review crime scene management.' });
    expect(rulesOf(text)).toEqual(['recommendation #23432 ← labelled-recommendation']);
  });

  it('"Recommendation 1 – To Chief Constables" names whom it is for; the recommendation is the next line', () => {
    const text =
      'Super-complaint response\nRecommendation 1 – To Chief Constables\n• Chief Constables should ensure that live domestic abuse cases are reviewed.';
    const result = extractFromText(text);
    expect(result.recommendations.map(({ ref, text }) => [ref, text])).toEqual([
      ['1', 'Chief Constables should ensure that live domestic abuse cases are reviewed.'],
    ]);
    expect(rulesOf(text)).toEqual(['recommendation 1 ← labelled-recommendation']);
  });

  it('the label numbered again in the next block, as a response copies the report, is one recommendation, for whom the label says', () => {
    const text =
      'Response to the super-complaint\nRecommendation 1. To the Home Office\n1. In consultation with chief constables and the Crown Prosecution Service, commission work to better understand the victim experience.\nThe PCC supports this recommendation.';
    expect(extractFromText(text).recommendations.map(({ ref, text, addressees }) => [ref, text, addressees])).toEqual([
      [
        '1',
        'In consultation with chief constables and the Crown Prosecution Service, commission work to better understand the victim experience.',
        ['Home Office'],
      ],
    ]);
    expect(rulesOf(text)).toEqual(['recommendation 1 ← labelled-recommendation']);
  });

  it('but not a list numbered from another number', () => {
    const text =
      'Response to the super-complaint\nRecommendation 1. To the Home Office\n2. In consultation with chief constables, commission work to better understand the victim experience.';
    expect(extractFromText(text).recommendations.map(({ ref }) => ref)).not.toContain('1');
  });

  it('a label whose text is a bullet on the next line loses the bullet, and ends the causes of concern before it', () => {
    const rules = expectConcernThenImmediateRecommendations(
      [
        'Causes of concern',
        'HMIC found that the approach is inconsistent.',
        'Recommendation 5',
        '• Immediately, the responsibility for mapping should be transferred to regional units.',
        'Awaiting review from Force Liaison Officer.',
      ],
      [['5', 'Immediately, the responsibility for mapp']],
      'HMIC found that the approach is inconsistent.',
    );
    expect(rules).toEqual(['cause of concern 1 ← section-statement', 'recommendation 5 ← labelled-recommendation']);
  });

  it('a label, then a short name for the recommendation, then its quoted text', () => {
    const text = 'Recommendation 1\nVetting\n“By 30 April 2023, the College of Policing should amend its code.”';
    const result = extractFromText(text);
    expect(result.recommendations).toEqual([
      {
        ref: '1',
        text: '“By 30 April 2023, the College of Policing should amend its code.”',
        targetDate: '2023-04-30',
        addressees: ['the College of Policing'],
        level: 'national',
        targetPhrase: 'By 30 April 2023',
        targetRelative: null,
      },
    ]);
    expect(rulesOf(text)).toEqual(['recommendation 1 ← labelled-recommendation']);
  });

  it('Markdown headings and bold do not hide a label', () => {
    const text = '# Custody inspection\n\n## **Recommendation 1**\n\nBy May 2025, **forces** should audit custody records.';
    const result = extractFromText(text);
    expect(result.title).toBe('Custody inspection');
    expect(result.recommendations).toMatchObject([
      { ref: '1', text: 'By May 2025, forces should audit custody records.', targetDate: '2025-05-31', addressees: ['forces'] },
    ]);
    expect(rulesOf(text)).toEqual(['recommendation 1 ← labelled-recommendation']);
  });

  it('a hard-wrapped recommendation is joined back together', () => {
    const text = 'Recommendation 4\nBy March 2024, forces should make sure that\nvictims are kept informed of the progress of\ntheir case.\nThe force agrees.';
    const result = extractFromText(text);
    expect(result.recommendations[0]?.text).toBe('By March 2024, forces should make sure that victims are kept informed of the progress of their case.');
    expect(rulesOf(text)).toEqual(['recommendation 4 ← labelled-recommendation']);
  });

  it('a web page with the sub-list as an HTML list', async () => {
    const page =
      '<main><h3>Recommendation 5</h3><p>By December 2025, forces should:</p><ul><li>train staff; and</li><li>audit compliance.</li></ul><p>The force agrees.</p></main>';
    const result = await extractDocument(encode(page));
    expect(result.recommendations).toMatchObject([
      { ref: '5', text: 'By December 2025, forces should: • train staff; and • audit compliance.', targetDate: '2025-12-31', addressees: ['forces'] },
    ]);
  });

  it('not a recommendation: a committee paper\'s own "Recommendation:"', () => {
    expect(recommendationTexts('Police and Crime Panel\nRecommendation: The Panel should note the Commissioner’s response.')).toEqual([]);
  });
});

describe('rule: labelled-statement', () => {
  it('a tracker\'s "Action for Further Improvement (AFI) 7 –" and "AFI 11 –" are areas for improvement', () => {
    const text = [
      'Police Committee minutes',
      'Action for Further Improvement (AFI) 7 – the Force should ensure that effective external scrutiny takes place.',
      'In response to a question regarding AFI 7, the Assistant Commissioner confirmed the terms of reference.',
      'AFI 11 – the Force should ensure its counter-corruption unit has enough capacity.',
    ].join('\n');
    const result = extractFromText(text);
    expect(result.areasForImprovement.map((each) => each.text)).toEqual([
      'the Force should ensure that effective external scrutiny takes place.',
      'the Force should ensure its counter-corruption unit has enough capacity.',
    ]);
    expect(rulesOf(text)).toEqual(['area for improvement 1 ← labelled-statement', 'area for improvement 2 ← labelled-statement']);
  });
});

describe('rule: tracker-row', () => {
  it('a tracker row: number, status, text and addressee on their own lines', () => {
    const text = [
      'Recommendations',
      '1',
      'In progress',
      'The Home Office should publish a plan.',
      'Home Office',
      '2',
      'Completed',
      'HMIC recommends that the force should immediately: improve training.',
      'Kent Police',
    ].join('\n');
    const result = extractFromText(text);
    expect(result.recommendations.map(({ ref, addressees }) => ({ ref, addressees }))).toEqual([
      { ref: '1', addressees: ['Home Office'] },
      { ref: '2', addressees: ['Kent Police'] },
    ]);
    expect(rulesOf(text)).toEqual(['recommendation 1 ← tracker-row', 'recommendation 2 ← tracker-row']);
  });

  it('a tracker row with the status beside the number', () => {
    const text = ['7 Completed', 'The force should review its call handling.', 'Lancashire Constabulary'].join('\n');
    const rows = extractFromText(text);
    expect(rows.recommendations.map(({ ref, addressees }) => ({ ref, addressees }))).toEqual([{ ref: '7', addressees: ['Lancashire Constabulary'] }]);
    expect(rulesOf(text)).toEqual(['recommendation 7 ← tracker-row']);
  });

  it('a tracker row with a known status, whatever the wording of its text', () => {
    const text = ['3', 'Partially completed', 'Improve the quality of crime recording across all districts.', 'Norfolk Constabulary'].join('\n');
    const result = extractFromText(text);
    expect(result.recommendations).toMatchObject([
      { ref: '3', text: 'Improve the quality of crime recording across all districts.', targetDate: null, addressees: ['Norfolk Constabulary'] },
    ]);
    expect(rulesOf(text)).toEqual(['recommendation 3 ← tracker-row']);
  });

  it('a tracker’s addressee line naming a force makes it force-level', () => {
    const text = ['1', 'Completed', 'Improve call handling.', 'West Mercia Police'].join('\n');
    expect(levels(text)).toEqual([{ addressees: ['West Mercia Police'], level: 'force' }]);
    expect(rulesOf(text)).toEqual(['recommendation 1 ← tracker-row']);
  });
});

describe('rule: heading-then-recommendation', () => {
  it('"Recommendations:" with the first one on the same line, the rest after it', () => {
    const text = [
      'Stalking report (9443)',
      'Recommendations: Within six months chief constables should ensure that forces record stalking crimes.',
      'Within six months the NPCC lead and the CPS lead should consider whether they can do more.',
      '[on]10th April 2019 [status]awaiting-review[/status][/on]',
    ].join('\n');
    const result = extractFromText(text);
    expect(result.recommendations.map(({ text, level }) => [text.slice(0, 40), level])).toEqual([
      ['Within six months chief constables shoul', 'force'],
      ['Within six months the NPCC lead and the ', 'national'],
    ]);
    expect(rulesOf(text)).toEqual(['recommendation 1 ← heading-then-recommendation', 'recommendation 2 ← section-recommendation']);
  });
});

describe('rule: numbered-recommendation', () => {
  it('a numbered list of dated recommendations with no heading at all, a national one among them', () => {
    expect(datedList('')).toEqual([
      'recommendation 1 ← numbered-recommendation',
      'recommendation 2 ← section-recommendation',
      'recommendation 3 ← section-recommendation',
    ]);
  });

  it("numbered recommendations naming who should act need no heading; a committee paper's numbered paragraphs are not them", () => {
    const text =
      'Annex A: Summary of the MPS response\n1. The MPS should take immediate steps to review its training.\nMPS response: The MPS accepts this recommendation.\n5. The MPS should publish its policy.\nMPS response: Accepted.';
    const response = extractFromText(text);
    expect(response.recommendations.map(({ ref, text }) => [ref, text.slice(0, 20)])).toEqual([
      ['1', 'The MPS should take '],
      ['5', 'The MPS should publi'],
    ]);
    expect(rulesOf(text)).toEqual(['recommendation 1 ← numbered-recommendation', 'recommendation 5 ← section-recommendation']);
    const paper = extractFromText(
      'Report 10 to the Authority\n3. Whilst the Authority endorses the MPS response, it should be noted that the target is for three years.\n4. The Panel should note the report.',
    );
    expect(paper.recommendations).toEqual([]);
  });

  it('not recommendations: a committee report’s examples introduced "including the following:"', () => {
    expect(
      recommendationTexts(
        'The report made a total of 13 recommendations, including the following:\n• That the Government review how learning is reported.\n• That the Government appoint an independent chair.',
      ),
    ).toEqual([]);
  });

  it('not a recommendation: a news headline saying what forces must do, without a full stop', () => {
    expect(
      recommendationTexts(
        'Every police force must improve its understanding of honour-based violence\n\nThe police must better understand honour-based violence, a report from HMIC found today.',
      ),
    ).toEqual([]);
  });

  it('not a recommendation: an action plan that says what the force should have done', () => {
    expect(recommendationTexts('Our action plan\n1. By March 2024, the force should have re-vetted all officers.')).toEqual([]);
  });

  it('numbered commitments in a response are not recommendations', () => {
    expect(
      extractFromText('Our plan\n1. By March 2024, we will train every supervisor.\n2. By June 2024, we will publish the results.').recommendations,
    ).toEqual([]);
  });
});

describe('rule: target-then-action', () => {
  it('not a recommendation: a reply, opening with a target, after a labelled recommendation', () => {
    const text = 'Recommendation 1: By March 2024, forces should publish data.\nImmediately, the force has begun publishing data.';
    expect(recommendationTexts(text)).toEqual(['By March 2024, forces should publish data.']);
    expect(rulesOf(text)).toEqual(['recommendation 1 ← labelled-recommendation']);
  });
});

describe('rule: section-heading', () => {
  it('a numbered list of dated recommendations under a heading that says where they come from, a national one among them', () => {
    expect(datedList('Recommendations from the Feb 2021 Justice Inspectorate’s report.\n')).toEqual([
      'recommendation 1 ← section-recommendation',
      'recommendation 2 ← section-recommendation',
      'recommendation 3 ← section-recommendation',
    ]);
  });

  it.each([
    [
      'a numbered list',
      'Police engagement with women and girls\nHMI Zoë Billingham made three recommendations in this report:\n1. There should be an immediate and unequivocal commitment to tackling VAWG.\n2. The relentless pursuit of perpetrators should be a national priority.\n3. Structures and funding should be put in place.',
      ['1', '2', '3'],
    ],
    [
      'one in a response',
      'Response to HMICFRS report: antisocial behaviour\nThe Commissioner welcomes the report. The report made the following recommendation for chief constables:\nBy March 2025, chief constables should make sure their forces record antisocial behaviour accurately.\nKent Police has reviewed its recording.',
      [null],
    ],
  ])('a sentence ending in a colon introduces the recommendations: %s', (_, text, refs) => {
    expect(extractFromText(text).recommendations.map(({ ref }) => ref)).toEqual(refs);
    expect(rulesOf(text).map((reading) => reading.split(' ← ')[1])).toEqual(refs.map(() => 'section-recommendation'));
  });

  it('the list introduced by "We made the following recommendations to chief constables, the College of Policing and the NPCC:"', () => {
    const result = extractFromText(
      "Vetting report\nWe made the following recommendations to chief constables, the College of Policing and the National Police Chiefs' Council:\n1. By April 2023, chief constables should review vetting decisions.\n2. By October 2023, the College of Policing should update its guidance.",
    );
    expect(result.recommendations.map(({ ref, level }) => [ref, level])).toEqual([
      ['1', 'force'],
      ['2', 'national'],
    ]);
  });

  it('a dated, numbered recommendation after a list of areas for improvement is a recommendation', () => {
    const text =
      'PEEL 2023–25: Kent Police\nThe force must improve how it responds to the public. We found the following areas for improvement:\n• The force should improve call handling.\n• The force should improve supervision.\nIn addition, we make the following recommendation.\n1. By 31 March 2025, the force should review its call handling.';
    const result = extractFromText(text);
    expect([result.areasForImprovement.length, result.recommendations.map(({ ref, targetDate }) => [ref, targetDate])]).toEqual([2, [['1', '2025-03-31']]]);
    expect(rulesOf(text)).toContain('recommendation 1 ← section-recommendation');
  });

  it('a sentence introduces areas for improvement or causes of concern, not recommendations', () => {
    const afis = extractFromText(
      'PEEL 2023–25: Kent Police\nIn addition to our recommendations, we identified these areas for improvement:\n• The force should improve how it answers calls.\n• The force should improve supervision.',
    );
    expect([afis.areasForImprovement.length, afis.recommendations.length]).toEqual([2, 0]);
    const causes = extractFromText(
      'Letter to the chief constable\nWe identified the following two causes of concern:\n• The force does not know its demand.\n• The force does not protect vulnerable people well enough.',
    );
    expect([causes.causesOfConcern.length, causes.recommendations.length]).toEqual([2, 0]);
    const response = extractFromText(
      'Local Policing Body’s Comments\nI welcome the inspection, which gives several areas for improvement. A summary of the report and the identified areas for improvement are: –\n1. The force needs to improve how it identifies vulnerability.\nThe force is missing opportunities. It needs to improve how it assesses calls.\n2. The force needs to make sure that it investigates effectively.',
    );
    expect(response.areasForImprovement.map(({ text }) => text.slice(0, 30))).toEqual(['The force needs to improve how', 'The force needs to make sure t']);
  });

  it.each([
    [
      'an office\'s actions introduced by "in response to the recommendations:"',
      'Our response\nThe force has developed the following actions in response to the recommendations:\n1. By March 2024, all supervisors will have completed training.\n2. Immediately, the PSD has begun reviewing cases.',
    ],
    [
      'a press release\'s examples ("including:")',
      'Press release\nHMICFRS has made five recommendations, including:\n• forces should improve their vetting;\n• forces should review misconduct cases.',
    ],
  ])('not recommendations: %s', (_, text) => {
    expect(recommendationTexts(text)).toEqual([]);
  });

  it('a heading prose sentence is not: "Recommendations from the inspection were accepted"', () => {
    const result = extractFromText('Recommendations from the inspection were accepted by the force.\nThe force should keep improving, the Commissioner said.');
    expect(result.recommendations).toEqual([]);
  });

  it('counts in prose are not statements', () => {
    const result = extractFromText('HMICFRS found two causes of concern and 16 areas for improvement in the inspection.');
    expect(result.areasForImprovement).toEqual([]);
    expect(result.causesOfConcern).toEqual([]);
  });
});

describe('rule: section-recommendation', () => {
  it('a numbered list under a Recommendations heading, ended by the next heading', () => {
    const text = [
      'Our recommendations',
      '1. Not later than 31 March 2015, those forces that have not yet done so should publish their policy.',
      '2. The National Police Chiefs’ Council should lead a review of call handling.',
      'How we inspected',
      '1. We visited six forces.',
    ].join('\n\n');
    const result = extractFromText(text);
    expect(result.recommendations.map(({ ref, targetDate, addressees }) => ({ ref, targetDate, addressees }))).toEqual([
      { ref: '1', targetDate: '2015-03-31', addressees: ['those forces'] },
      { ref: '2', targetDate: null, addressees: ['the National Police Chiefs’ Council'] },
    ]);
    expect(rulesOf(text)).toEqual(['recommendation 1 ← section-recommendation', 'recommendation 2 ← section-recommendation']);
  });

  it('a numbered HTML list keeps its numbers as references', async () => {
    const page =
      '<html><body><h2>Recommendations</h2><ol><li>By June 2025, all forces should train call handlers.</li><li>There should be one national plan.</li></ol><h2>Next steps</h2><ol><li>Inspect again.</li></ol></body></html>';
    const result = await extractDocument(encode(page));
    expect(result.recommendations.map(({ ref, text, targetDate, addressees }) => ({ ref, text, targetDate, addressees }))).toEqual([
      { ref: '1', text: 'By June 2025, all forces should train call handlers.', targetDate: '2025-06-30', addressees: ['all forces'] },
      { ref: '2', text: 'There should be one national plan.', targetDate: null, addressees: [] },
    ]);
  });

  it('an unnumbered recommendation after a cause of concern, with its bulleted actions', () => {
    const text = [
      'Cause of concern',
      'The force does not understand the demand it faces.',
      'Recommendations',
      'Within three months, the force should:',
      '• review its demand analysis; and',
      '• share it with partners.',
      'Summary',
      'The force has made progress.',
    ].join('\n');
    const result = extractFromText(text);
    expect(result.causesOfConcern).toEqual([{ text: 'The force does not understand the demand it faces.' }]);
    expect(result.recommendations).toEqual([
      {
        ref: null,
        text: 'Within three months, the force should: • review its demand analysis; and • share it with partners.',
        targetDate: null,
        addressees: ['the force'],
        level: 'force',
        targetPhrase: 'Within three months',
        targetRelative: 'within three months',
      },
    ]);
    expect(rulesOf(text)).toEqual(['cause of concern 1 ← section-statement', 'recommendation 1 ← section-recommendation']);
  });

  it('a response laid out as a table: each recommendation beside the answer to it', async () => {
    const page =
      '<table><tr><th>Recommendation</th><th>Response</th></tr>' +
      '<tr><td>By March 2024, forces should review their vetting.</td><td>The force has started its review.</td></tr>' +
      '<tr><td>By June 2024, chief constables should publish the results.</td><td>Agreed; the force will publish in May.</td></tr></table>';
    const result = await extractDocument(encode(page));
    expect(result.recommendations.map(({ ref, targetDate }) => ({ ref, targetDate }))).toEqual([
      { ref: null, targetDate: '2024-03-31' },
      { ref: null, targetDate: '2024-06-30' },
    ]);
  });

  it('commentary between recommendations is not one, even when it says "should"', () => {
    const text = [
      'Recommendations',
      'By March 2024, forces should review their vetting.',
      'I agree that forces should do this, and the force has started.',
      'This should be complete by the summer.',
      'Recommendation 2',
      'By June 2024, the Home Office should publish guidance.',
    ].join('\n');
    const result = extractFromText(text);
    expect(result.recommendations.map((each) => each.ref)).toEqual([null, '2']);
    expect(rulesOf(text)).toEqual(['recommendation 1 ← section-recommendation', 'recommendation 2 ← labelled-recommendation']);
  });
});

describe('rule: recommendation-answering-concern', () => {
  it('bullets saying what the force should do, straight after a cause of concern, are its recommendations', () => {
    const rules = expectConcernThenImmediateRecommendations(
      [
        'Cause of concern',
        'The force approach to domestic abuse is unacceptable.',
        '• The force should immediately consider ways of increasing the use of arrest.',
        '• The force should immediately take steps to understand why victims withdraw.',
      ],
      [
        [null, 'The force should immediately consider wa'],
        [null, 'The force should immediately take steps '],
      ],
      'The force approach to domestic abuse is unacceptable.',
    );
    expect(rules).toEqual([
      'cause of concern 1 ← section-statement',
      'recommendation 1 ← recommendation-answering-concern',
      'recommendation 2 ← recommendation-answering-concern',
    ]);
  });

  it('causes of concern written as "must" bullets stay causes of concern; "we recommend that … the force should:" after one is its recommendation', () => {
    const bullets = extractFromText(
      'Causes of concern\n• The force must improve its response to emergency calls.\n• The force must improve how it supervises investigations.',
    );
    expect([bullets.causesOfConcern.length, bullets.recommendations.length]).toEqual([2, 0]);
    const recommended = extractFromText(
      'Cause of concern\nThe force does not identify vulnerable victims.\nTo address this cause of concern, we recommend that, within three months, the force should:\n• review its vulnerability training; and\n• audit its risk assessments.',
    );
    expect(recommended.causesOfConcern).toHaveLength(1);
    const registerNotes = extractFromText(
      'Cause of concern\nThe force’s approach to domestic abuse is a cause of concern to HMIC.\n• The force should immediately increase its use of arrest.\nThe force has responded positively to this recommendation and achieved it in full.',
    );
    expect([registerNotes.causesOfConcern.length, registerNotes.recommendations.length]).toEqual([1, 1]);
    expect(recommended.recommendations.map(({ targetRelative, text }) => [targetRelative, text.slice(0, 30)])).toEqual([
      ['within three months', 'To address this cause of conce'],
    ]);
  });
});

describe('rule: section-statement', () => {
  it('an item that lost its bullet at a page break is still one of the list', () => {
    const text =
      'Areas for improvement\n• The force should improve call handling.\nThe force should make sure that it supervises investigations.\n• The force should improve its crime recording.';
    const result = extractFromText(text);
    expect(result.areasForImprovement).toHaveLength(3);
    expect(rulesOf(text)).toEqual([
      'area for improvement 1 ← section-statement',
      'area for improvement 2 ← section-statement',
      'area for improvement 3 ← section-statement',
    ]);
  });

  it('prose under an areas-for-improvement heading that only counts them is not one', () => {
    const result = extractFromText('Areas for improvement\nWe identified 16 areas for improvement.\n1. The force should improve its call handling.');
    expect(result.areasForImprovement).toEqual([{ text: 'The force should improve its call handling.' }]);
  });

  it("the inspectorate's sentence after the list is not an area for improvement", () => {
    const result = extractFromText(
      'Areas for improvement\nThe service should make sure its firefighters have good access to risk information.\nWe set out our detailed findings below. These are the basis for our judgment of the service’s performance in this area.',
    );
    expect(result.areasForImprovement).toEqual([{ text: 'The service should make sure its firefighters have good access to risk information.' }]);
  });
});

describe('whole documents', () => {
  it('labelled statements, and items under a plural heading', () => {
    const text = [
      'Area for improvement 1: The force should improve how it records crime.',
      'Area for improvement 2',
      'The force should make sure supervisors review investigations.',
      'Cause of concern 1: The force does not answer emergency calls quickly enough.',
      'Areas for improvement',
      '• The force should publish its stop and search data.',
      '• The force should review its vetting backlog.',
      'Conclusion',
      'The force is improving.',
    ].join('\n');
    const result = extractFromText(text);
    expect(result.areasForImprovement.map((each) => each.text)).toEqual([
      'The force should improve how it records crime.',
      'The force should make sure supervisors review investigations.',
      'The force should publish its stop and search data.',
      'The force should review its vetting backlog.',
    ]);
    expect(result.causesOfConcern.map((each) => each.text)).toEqual(['The force does not answer emergency calls quickly enough.']);
    expect(result.recommendations).toEqual([]);
    expect(rulesOf(text)).toEqual([
      'area for improvement 1 ← labelled-statement',
      'area for improvement 2 ← labelled-statement',
      'cause of concern 1 ← labelled-statement',
      'area for improvement 3 ← section-statement',
      'area for improvement 4 ← section-statement',
    ]);
  });

  it('prose that counts or paraphrases recommendations yields none', () => {
    const result = extractFromText(
      [
        'HMICFRS inspection finds delays',
        'HMICFRS has made nine recommendations. These include:',
        '• a Home Office review of funding; and',
        '• a national lead for digital forensics.',
        'Recommendation 2 has been completed and Recommendation 3 is in progress.',
        'The force should continue its good work, the inspectors said.',
      ].join('\n'),
    );
    expect(result.recommendations).toEqual([]);
  });
});

describe('the number of recommendations a text says there are', () => {
  it.each([
    ['HMICFRS made 11 recommendations, 3 of which were for local forces.', 11, 3],
    ['HMICFRS has made nine recommendations to help policing improve. These include:', 9, null],
    ['Inspectors have made two recommendations, arising from two causes of concern.', 2, null],
    ['PEEL Force Inspection\n10 recommendations\nRecommendations', 10, null],
    ['The report contains twenty-one recommendations; four of the recommendations are for chief constables.', 21, 4],
    ['We have made one recommendation to forces.', 1, 1],
    ['The report made two national recommendations and one specifically for Chief Constables.', 3, 1],
    ['The report published in March 2023 details 35 timebound recommendations for the sector.', 35, null],
    ['The super-complaint report made 22 recommendations in total, with 8 for Chief Constables.', 22, 8],
    ['Of the 11 recommendations made in our 2019 report, 7 have been completed. In this report we make four recommendations.', 4, null],
  ])('%s', (text, total, forceLevel) => {
    const result = extractFromText(text);
    expect(result.statedRecommendationCount).toBe(total);
    expect(result.statedForceLevelRecommendationCount).toBe(forceLevel);
  });

  it('gives none where no total is stated', () => {
    const result = extractFromText('Recommendation 2: By January 2024, forces should review retention.\nWe accepted 16 areas for improvement.');
    expect(result.statedRecommendationCount).toBeNull();
    expect(result.statedForceLevelRecommendationCount).toBeNull();
  });
});

describe('force-level and national recommendations', () => {
  it('"every police force in England and Wales" is one addressee', () => {
    expect(
      extractFromText('Vetting\nRecommendation 1: By May 2024, every police force in England and Wales should review vetting.').recommendations[0]?.addressees,
    ).toEqual(['every police force in England and Wales']);
  });

  it('an addressee named "Avon and Somerset" stays one addressee', () => {
    const result = extractFromText('Recommendation 1: By May 2025, Avon and Somerset Constabulary and the Home Office should agree a plan.');
    expect(result.recommendations[0]?.addressees).toEqual(['Avon and Somerset Constabulary', 'the Home Office']);
  });

  it('forces, chief constables and local policing bodies are owed an explanation; national bodies are not', () => {
    expect(
      levels(
        [
          'Recommendations',
          '1. By March 2024, chief constables should review vetting.',
          '2. The Home Office should publish guidance.',
          '3. The National Police Chiefs’ Council should lead a review.',
          '4. The College of Policing and forces should agree a standard.',
          '5. Police and crime commissioners should scrutinise the plans.',
          '6. Government and partners should fund the service.',
        ].join('\n'),
      ),
    ).toEqual([
      { addressees: ['chief constables'], level: 'force' },
      { addressees: ['the Home Office'], level: 'national' },
      { addressees: ['the National Police Chiefs’ Council'], level: 'national' },
      { addressees: ['the College of Policing', 'forces'], level: 'force' },
      { addressees: ['police and crime commissioners'], level: 'force' },
      { addressees: ['government', 'partners'], level: 'national' },
    ]);
  });

  it('a recommendation with no addressee is the force’s in a report about a force, and national otherwise', () => {
    const passive = 'Recommendation 1: By June 2025, there should be a single plan for custody.';
    expect(levels(`PEEL inspection of Kent Police\n${passive}`)).toEqual([{ addressees: [], level: 'force' }]);
    expect(levels(`An inspection of custody in England and Wales\n${passive}`)).toEqual([{ addressees: [], level: 'national' }]);
  });
});
