import { describe, expect, it } from 'vitest';
import { extractDocument, extractFromText, parseTargetPhrase } from '../../shared/extraction';

const encode = (text: string) => new TextEncoder().encode(text);

describe('parseTargetPhrase', () => {
  it.each([
    ['By March 2023, forces should make sure …', 'By March 2023', '2023-03-31'],
    ['By February 2024, forces should …', 'By February 2024', '2024-02-29'],
    ['By 31 October 2024, chief constables should …', 'By 31 October 2024', '2024-10-31'],
    ['Not later than 31 March 2015 those forces … should provide …', 'Not later than 31 March 2015', '2015-03-31'],
    ['No later than 1st September 2025, the force should …', 'No later than 1st September 2025', '2025-09-01'],
    ['By the end of 2024, chief constables should …', 'By the end of 2024', '2024-12-31'],
    ['By the end of June 2025, the Home Office should …', 'By the end of June 2025', '2025-06-30'],
    ['By the end of the 2024/25 financial year, forces should …', 'By the end of the 2024/25 financial year', '2025-03-31'],
    ['The force should, before 1 April 2024, publish …', 'before 1 April 2024', '2024-03-31'],
    ['Forces should, by Sept. 2025, review …', 'by Sept. 2025', '2025-09-30'],
  ])('%s', (text, phrase, date) => {
    expect(parseTargetPhrase(text)).toEqual({ phrase, date, relative: null });
  });

  it.each([
    ['Within six months, the force should …', 'within six months'],
    ['HMIC recommends that within 3 months the force should: …', 'within 3 months'],
    ['HMIC recommends that the force should immediately: conduct a review …', 'immediately'],
    ['With immediate effect, all forces should …', 'with immediate effect'],
  ])('%s is relative to publication', (text, relative) => {
    const target = parseTargetPhrase(text);
    expect(target.date).toBeNull();
    expect(target.relative).toBe(relative);
    expect(target.phrase?.toLowerCase()).toBe(relative);
  });

  it('gives nothing for a recommendation without a target, or one mentioned only later', () => {
    expect(parseTargetPhrase('There should be a single national plan.')).toEqual({ phrase: null, date: null, relative: null });
    expect(parseTargetPhrase('Forces should improve supervision. This was last reviewed by March 2019.').date).toBeNull();
  });

  it('ignores a day that does not exist', () => {
    expect(parseTargetPhrase('By 31 June 2024, forces should …').date).toBeNull();
  });
});

describe('recommendations', () => {
  it('a label on its own line, with the text on the next', () => {
    const result = extractFromText(
      'Recommendation 3\nWithin six months, the force should review how it allocates investigations.\nThe force has accepted this.',
    );
    expect(result.recommendations).toEqual([
      { ref: '3', text: 'Within six months, the force should review how it allocates investigations.', targetDate: null, addressees: ['the force'] },
    ]);
  });

  it('a label with the text on the same line, and a lettered sub-list that belongs to it', () => {
    const result = extractFromText(
      [
        'Recommendation 1: By 31 October 2024, chief constables should:',
        '(a) review their custody staffing;',
        '(b) publish the results; and',
        '(c) tell their local policing body.',
        'Recommendation 2 – By the end of 2024, the Home Office and the College of Policing should agree a national standard.',
        'We will report on progress.',
      ].join('\n'),
    );
    expect(result.recommendations).toEqual([
      {
        ref: '1',
        text: 'By 31 October 2024, chief constables should: (a) review their custody staffing; (b) publish the results; and (c) tell their local policing body.',
        targetDate: '2024-10-31',
        addressees: ['chief constables'],
      },
      {
        ref: '2',
        text: 'By the end of 2024, the Home Office and the College of Policing should agree a national standard.',
        targetDate: '2024-12-31',
        addressees: ['the Home Office', 'the College of Policing'],
      },
    ]);
  });

  it('a numbered list under a Recommendations heading, ended by the next heading', () => {
    const result = extractFromText(
      [
        'Our recommendations',
        '1. Not later than 31 March 2015, those forces that have not yet done so should publish their policy.',
        '2. The National Police Chiefs’ Council should lead a review of call handling.',
        'How we inspected',
        '1. We visited six forces.',
      ].join('\n\n'),
    );
    expect(result.recommendations.map(({ ref, targetDate, addressees }) => ({ ref, targetDate, addressees }))).toEqual([
      { ref: '1', targetDate: '2015-03-31', addressees: ['those forces'] },
      { ref: '2', targetDate: null, addressees: ['the National Police Chiefs’ Council'] },
    ]);
  });

  it('a numbered HTML list keeps its numbers as references', async () => {
    const page =
      '<html><body><h2>Recommendations</h2><ol><li>By June 2025, all forces should train call handlers.</li><li>There should be one national plan.</li></ol><h2>Next steps</h2><ol><li>Inspect again.</li></ol></body></html>';
    const result = await extractDocument(encode(page));
    expect(result.recommendations).toEqual([
      { ref: '1', text: 'By June 2025, all forces should train call handlers.', targetDate: '2025-06-30', addressees: ['all forces'] },
      { ref: '2', text: 'There should be one national plan.', targetDate: null, addressees: [] },
    ]);
  });

  it('an unnumbered recommendation after a cause of concern, with its bulleted actions', () => {
    const result = extractFromText(
      [
        'Cause of concern',
        'The force does not understand the demand it faces.',
        'Recommendations',
        'Within three months, the force should:',
        '• review its demand analysis; and',
        '• share it with partners.',
        'Summary',
        'The force has made progress.',
      ].join('\n'),
    );
    expect(result.causesOfConcern).toEqual([{ text: 'The force does not understand the demand it faces.' }]);
    expect(result.recommendations).toEqual([
      {
        ref: null,
        text: 'Within three months, the force should: • review its demand analysis; and • share it with partners.',
        targetDate: null,
        addressees: ['the force'],
      },
    ]);
  });

  it('a tracker row: number, status, text and addressee on their own lines', () => {
    const result = extractFromText(
      ['Recommendations', '1', 'In progress', 'The Home Office should publish a plan.', 'Home Office', '2', 'Completed', 'HMIC recommends that the force should immediately: improve training.', 'Kent Police'].join('\n'),
    );
    expect(result.recommendations.map(({ ref, addressees }) => ({ ref, addressees }))).toEqual([
      { ref: '1', addressees: ['Home Office'] },
      { ref: '2', addressees: ['Kent Police'] },
    ]);
  });

  it('a tracker row with the status beside the number, and a portal reference after a label', () => {
    const rows = extractFromText(['7 Completed', 'The force should review its call handling.', 'Lancashire Constabulary'].join('\n'));
    expect(rows.recommendations.map(({ ref, addressees }) => ({ ref, addressees }))).toEqual([{ ref: '7', addressees: ['Lancashire Constabulary'] }]);
    const labelled = extractFromText('Recommendation 1 (#23432): By March 2023, forces should review crime scene management.');
    expect(labelled.recommendations[0]).toMatchObject({ ref: '#23432', text: 'By March 2023, forces should review crime scene management.' });
  });

  it('a web page with the sub-list as an HTML list', async () => {
    const page =
      '<main><h3>Recommendation 5</h3><p>By December 2025, forces should:</p><ul><li>train staff; and</li><li>audit compliance.</li></ul><p>The force agrees.</p></main>';
    const result = await extractDocument(encode(page));
    expect(result.recommendations).toEqual([
      { ref: '5', text: 'By December 2025, forces should: • train staff; and • audit compliance.', targetDate: '2025-12-31', addressees: ['forces'] },
    ]);
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

  it('a label, then a short name for the recommendation, then its quoted text', () => {
    const result = extractFromText('Recommendation 1\nVetting\n“By 30 April 2023, the College of Policing should amend its code.”');
    expect(result.recommendations).toEqual([
      {
        ref: '1',
        text: '“By 30 April 2023, the College of Policing should amend its code.”',
        targetDate: '2023-04-30',
        addressees: ['the College of Policing'],
      },
    ]);
  });

  it('a tracker row with a known status, whatever the wording of its text', () => {
    const result = extractFromText(['3', 'Partially completed', 'Improve the quality of crime recording across all districts.', 'Norfolk Constabulary'].join('\n'));
    expect(result.recommendations).toEqual([
      { ref: '3', text: 'Improve the quality of crime recording across all districts.', targetDate: null, addressees: ['Norfolk Constabulary'] },
    ]);
  });

  it('Markdown headings and bold do not hide a label', () => {
    const result = extractFromText('# Custody inspection\n\n## **Recommendation 1**\n\nBy May 2025, **forces** should audit custody records.');
    expect(result.title).toBe('Custody inspection');
    expect(result.recommendations).toEqual([
      { ref: '1', text: 'By May 2025, forces should audit custody records.', targetDate: '2025-05-31', addressees: ['forces'] },
    ]);
  });

  it('a hard-wrapped recommendation is joined back together', () => {
    const result = extractFromText(
      'Recommendation 4\nBy March 2024, forces should make sure that\nvictims are kept informed of the progress of\ntheir case.\nThe force agrees.',
    );
    expect(result.recommendations[0]?.text).toBe(
      'By March 2024, forces should make sure that victims are kept informed of the progress of their case.',
    );
  });

  it('an addressee named "Avon and Somerset" stays one addressee', () => {
    const result = extractFromText('Recommendation 1: By May 2025, Avon and Somerset Constabulary and the Home Office should agree a plan.');
    expect(result.recommendations[0]?.addressees).toEqual(['Avon and Somerset Constabulary', 'the Home Office']);
  });

  it('commentary between recommendations is not one, even when it says "should"', () => {
    const result = extractFromText(
      [
        'Recommendations',
        'By March 2024, forces should review their vetting.',
        'I agree that forces should do this, and the force has started.',
        'This should be complete by the summer.',
        'Recommendation 2',
        'By June 2024, the Home Office should publish guidance.',
      ].join('\n'),
    );
    expect(result.recommendations.map((each) => each.ref)).toEqual([null, '2']);
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

describe('areas for improvement and causes of concern', () => {
  it('labelled statements, and items under a plural heading', () => {
    const result = extractFromText(
      [
        'Area for improvement 1: The force should improve how it records crime.',
        'Area for improvement 2',
        'The force should make sure supervisors review investigations.',
        'Cause of concern 1: The force does not answer emergency calls quickly enough.',
        'Areas for improvement',
        '• The force should publish its stop and search data.',
        '• The force should review its vetting backlog.',
        'Conclusion',
        'The force is improving.',
      ].join('\n'),
    );
    expect(result.areasForImprovement.map((each) => each.text)).toEqual([
      'The force should improve how it records crime.',
      'The force should make sure supervisors review investigations.',
      'The force should publish its stop and search data.',
      'The force should review its vetting backlog.',
    ]);
    expect(result.causesOfConcern.map((each) => each.text)).toEqual(['The force does not answer emergency calls quickly enough.']);
    expect(result.recommendations).toEqual([]);
  });

  it('prose under an areas-for-improvement heading that only counts them is not one', () => {
    const result = extractFromText('Areas for improvement\nWe identified 16 areas for improvement.\n1. The force should improve its call handling.');
    expect(result.areasForImprovement).toEqual([{ text: 'The force should improve its call handling.' }]);
  });

  it('counts in prose are not statements', () => {
    const result = extractFromText('HMICFRS found two causes of concern and 16 areas for improvement in the inspection.');
    expect(result.areasForImprovement).toEqual([]);
    expect(result.causesOfConcern).toEqual([]);
  });
});

describe('kind, title, dates and forces', () => {
  it('a letter: address block and date first, then the subject line as title', () => {
    const result = extractFromText(
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
    expect(result.kind).toBe('pcc-response');
    expect(result.title).toBe('PEEL 2023–25 inspection of Kent Police');
    expect(result.publishedOn).toBe('2023-11-03');
    expect(result.forces).toEqual(['Kent Police']);
    expect(result.respondsTo?.publishedOn).toBe('2023-09-15');
  });

  it('an inspectorate web page: link trail skipped, "Published on:" date, Markdown heading', () => {
    const result = extractFromText(
      ['Home > Publications > Reports', '# PEEL 2023–25: An inspection of Gwent Police (5120)', 'Published on: 7 July 2023', 'HMICFRS inspected the force.'].join('\n'),
    );
    expect(result.kind).toBe('hmicfrs-report');
    expect(result.title).toBe('PEEL 2023–25: An inspection of Gwent Police');
    expect(result.publishedOn).toBe('2023-07-07');
    expect(result.forces).toEqual(['Gwent Police']);
    expect(result.respondsTo).toBeNull();
  });

  it('a bare place name counts in the title but not in the text', () => {
    expect(extractFromText('Custody inspection in Dorset\nHMICFRS visited custody suites across Kent.').forces).toEqual(['Dorset Police']);
  });

  it('a force named only inside a recommendation is a partner when the document is about another force', () => {
    const result = extractFromText(
      'PEEL inspection of Gloucestershire Constabulary\nRecommendation 1: By May 2024, the force should agree a joint plan with Wiltshire Police.',
    );
    expect(result.forces).toEqual(['Gloucestershire Constabulary']);
  });

  it('a national report naming many forces as examples is about none of them', () => {
    const result = extractFromText(
      'An inspection of vetting\nHMICFRS inspected Kent Police, Essex Police, Durham Constabulary and Dyfed-Powys Police.\nRecommendation 1: By May 2024, forces should review vetting.',
    );
    expect(result.forces).toEqual([]);
  });

  it('a fire and rescue service is not the police force of the same area', () => {
    expect(extractFromText('Effectiveness, efficiency and people 2023–25: Cumbria Fire and Rescue Service').forces).toEqual([]);
  });

  it('an article keeps its own header and title; the site banner and link trail go', async () => {
    const page =
      '<body><header>Surrey Police and Crime Commissioner</header><main><p>Home › Responses › HMICFRS</p><article><header><h1>Response to HMICFRS PEEL inspection of Sussex Police</h1></header><p>The Commissioner welcomes the inspection.</p></article></main></body>';
    const result = await extractDocument(encode(page));
    expect(result.title).toBe('Response to HMICFRS PEEL inspection of Sussex Police');
    expect(result.forces).toEqual(['Sussex Police']);
    expect(result.kind).toBe('pcc-response');
  });

  it('aliases and look-alikes', () => {
    expect(extractFromText('Report on Avon & Somerset Police and the Met Office').forces).toEqual(['Avon and Somerset Constabulary']);
    expect(extractFromText('Report on the City of London Police').forces).toEqual(['City of London Police']);
  });

  it('a response names the report it answers, without the inspection month', () => {
    const result = extractFromText(
      'PCC response to HMICFRS report: Report on an unannounced inspection visit to police custody suites in Essex – March 2023\nI welcome the report.',
    );
    expect(result.kind).toBe('pcc-response');
    expect(result.respondsTo?.title).toBe('Report on an unannounced inspection visit to police custody suites in Essex');
    expect(result.forces).toEqual(['Essex Police']);
  });

  it('a plain report with recommendations that mentions an inspection is an HMICFRS report', () => {
    expect(extractFromText('Custody review\nThis inspection looked at custody.\nRecommendation 1: Forces should improve.').kind).toBe('hmicfrs-report');
  });

  it('anything else is other', () => {
    const result = extractFromText('Minutes of the parish council\nThe council should fix the road by March 2024.');
    expect(result.kind).toBe('other');
    expect(result.respondsTo).toBeNull();
  });

  it('a document that starts with prose has no title', () => {
    expect(extractFromText('The inspectorate published its findings today, and they were welcomed by everyone concerned.').title).toBeNull();
  });
});
