import { describe, expect, it } from 'vitest';
import type { ExtractedRecommendation, Obligation } from '../../shared/model';
import { NO_PROGRESS } from '../../shared/reminders';
import { descriptionKey, normalisedText, textFingerprint, titleForcesKey, titleSimilarity } from '../../shared/report-identity';
import { answeredObligations, checkResponse, dayOfPeriod, latenessOf, matchRespondedReport, ResponseNotLinkedError } from '../../shared/responses';

const report = [
  'Custody in Surrey',
  'An inspection of Surrey Police by HMICFRS.',
  '',
  'Recommendation 1',
  'By March 2025, the force should make sure its custody records are complete.',
].join('\n');

describe('a report’s text fingerprint', () => {
  it('is the same however the text is laid out: case, spaces, line breaks, punctuation, one more newline', () => {
    const fingerprint = textFingerprint(report);
    expect(textFingerprint(`${report}\n`)).toBe(fingerprint);
    expect(textFingerprint(report.replace(/\n/g, '\r\n\r\n').toUpperCase())).toBe(fingerprint);
    expect(textFingerprint(report.replace(/, /g, ' — ').replace(/ /g, '   '))).toBe(fingerprint);
  });

  it('leaves out page furniture: page numbers and the header printed on every page', () => {
    const pages = [
      'Custody in Surrey\nAn inspection of Surrey Police by HMICFRS.',
      'Recommendation 1',
      'By March 2025, the force should make sure its custody records are complete.',
    ];
    const printed = pages.map((page, index) => `HMICFRS | Custody in Surrey inspection\n${page}\nPage ${index + 1} of 3`).join('\f');
    expect(normalisedText(printed)).toBe(normalisedText(report));
    expect(textFingerprint(printed)).toBe(textFingerprint(report));
  });

  it('is none for a text of nothing but furniture, so two scans stamped on every page are not taken for one report', () => {
    const stamped = (pages: number) => Array.from({ length: pages }, (_, index) => `OFFICIAL\n${index + 1}`).join('\f');
    expect(textFingerprint(stamped(3))).toBeNull();
    expect(textFingerprint(stamped(12))).toBeNull();
    expect(textFingerprint('')).toBeNull();
  });

  it('differs when the words differ', () => {
    expect(textFingerprint(report.replace('2025', '2026'))).not.toBe(textFingerprint(report));
  });
});

describe('a report’s description keys', () => {
  const described = { title: 'PEEL 2023–25: Police effectiveness, efficiency & legitimacy', publishedOn: '2024-03-07', forces: ['Surrey Police'] };

  it('match the same title, date and forces written differently', () => {
    expect(descriptionKey({ ...described, title: 'PEEL 2023-25 — police effectiveness, efficiency and legitimacy' })).toBe(descriptionKey(described));
  });

  it('differ with the date, but not the title-and-forces key', () => {
    const later = { ...described, publishedOn: '2025-03-07' };
    expect(descriptionKey(later)).not.toBe(descriptionKey(described));
    expect(titleForcesKey(later)).toBe(titleForcesKey(described));
  });

  it('are absent without a title or a date, which too many documents would share', () => {
    expect(descriptionKey({ ...described, publishedOn: null })).toBeNull();
    expect(descriptionKey({ ...described, title: null })).toBeNull();
    expect(titleForcesKey({ ...described, title: null })).toBeNull();
  });
});

describe('matching a response to the report it answers', () => {
  const candidates = [
    { id: 'burglary', title: 'The police response to burglary, robbery and other acquisitive crime – Finding time for crime', publishedOn: '2022-08-04' },
    { id: 'custody', title: 'Custody in Surrey', publishedOn: '2024-03-07' },
    { id: 'peel', title: 'PEEL 2023–25: Police effectiveness, efficiency and legitimacy', publishedOn: '2024-06-01' },
  ];

  it('finds the report by a loosely quoted title', () => {
    const respondsTo = { title: 'The police response to burglary, robbery, and other acquisitive crime – Finding time for crime', publishedOn: null };
    expect(matchRespondedReport(respondsTo, candidates)).toEqual({ outcome: 'matched', reportId: 'burglary' });
    expect(titleSimilarity(respondsTo.title, candidates[0]!.title)).toBeGreaterThan(0.9);
  });

  it('requires the date the response gives', () => {
    expect(matchRespondedReport({ title: 'Custody in Surrey', publishedOn: '2024-03-07' }, candidates)).toEqual({ outcome: 'matched', reportId: 'custody' });
    expect(matchRespondedReport({ title: 'Custody in Surrey', publishedOn: '2021-01-01' }, candidates)).toEqual({ outcome: 'unmatched' });
  });

  it('leaves a tie to a person, and an unlike title unmatched', () => {
    const twice = [...candidates, { id: 'custody-copy', title: 'Custody in Surrey', publishedOn: '2024-03-07' }];
    expect(matchRespondedReport({ title: 'Custody in Surrey', publishedOn: null }, twice)).toEqual({
      outcome: 'ambiguous',
      reportIds: ['custody', 'custody-copy'],
    });
    expect(matchRespondedReport({ title: 'Stop and search in Kent', publishedOn: null }, candidates)).toEqual({ outcome: 'unmatched' });
    expect(matchRespondedReport({ title: null, publishedOn: null }, candidates)).toEqual({ outcome: 'unmatched' });
  });
});

const recommendation = (ref: string | null, text: string): ExtractedRecommendation => ({ ref, text, targetDate: null, addressees: ['forces'] });

describe('checking a response against the report’s recommendations', () => {
  const recommendations = [
    recommendation('1', 'By March 2025, forces should make sure crime scene management follows authorised professional practice.'),
    recommendation('#23475', 'All forces should ensure acquisitive crime investigations are subject to effective supervision and direction.'),
    recommendation(null, 'Forces should publish how many victims of burglary receive a visit within a day.'),
  ];

  it('counts a recommendation addressed when the response names its ref', () => {
    const check = checkResponse('Recommendation 1\nThe Constabulary has adopted the APP.\n\n#23475: supervisors now review every case.', recommendations);
    expect(check.addressed).toEqual(['1', '#23475']);
    expect(check.notAddressed).toEqual([{ key: '3', text: recommendations[2]!.text }]);
  });

  it('counts a recommendation addressed when the response repeats most of its words, and not for a passing word', () => {
    const quoted = 'On crime scene management: we make sure it follows the authorised professional practice. Victims of burglary are important.';
    expect(checkResponse(quoted, recommendations)).toEqual({
      addressed: ['1'],
      notAddressed: [
        { key: '#23475', text: recommendations[1]!.text },
        { key: '3', text: recommendations[2]!.text },
      ],
    });
  });

  it('does not take a number inside a sentence for a recommendation’s ref', () => {
    expect(checkResponse('We met 1 time and agreed nothing.', [recommendations[0]!]).notAddressed).toHaveLength(1);
  });
});

const obligation = (bodyId: string, force: string, overrides: Partial<Obligation> = {}): Obligation => ({
  reportId: 'national',
  bodyId,
  force,
  dates: null,
  progress: NO_PROGRESS,
  nextReminderOn: '2024-03-20',
  closure: null,
  historical: false,
  takenUp: null,
  ...overrides,
});

describe('recording a linked response on the report', () => {
  const national = { id: 'national', publishedOn: '2024-03-07', recommendations: [recommendation('1', 'Forces should act.')] };
  const check = { addressed: [], notAddressed: [{ key: '1', text: 'Forces should act.' }] };
  const obligations = [obligation('cumbria', 'Cumbria Constabulary'), obligation('surrey', 'Surrey Police')];

  it('records only the writing body’s response, published on the letter’s date, with what it leaves unexplained', () => {
    const response = { id: 'letter', forces: ['Cumbria Constabulary'], publishedOn: '2024-04-20', check };
    const [answered, ...others] = answeredObligations(national, obligations, response, '2024-05-01');
    expect(others).toEqual([]);
    expect(answered).toMatchObject({
      bodyId: 'cumbria',
      progress: { responsePublishedOn: '2024-04-20', chiefOfficerCommentsReceivedOn: '2024-04-20' },
      response: { responseId: 'letter', publishedOn: '2024-04-20', notAddressed: check.notAddressed },
    });
  });

  it('refuses a response from no body that owes the report, or dated before it', () => {
    expect(() => answeredObligations(national, obligations, { id: 'x', forces: ['Kent Police'], publishedOn: '2024-04-20', check }, '2024-05-01')).toThrow(
      ResponseNotLinkedError,
    );
    expect(() => answeredObligations(national, obligations, { id: 'x', forces: [], publishedOn: '2024-04-20', check }, '2024-05-01')).toThrow(
      ResponseNotLinkedError,
    );
    expect(() => answeredObligations(national, obligations, { id: 'x', forces: ['Surrey Police'], publishedOn: '2024-01-01', check }, '2024-05-01')).toThrow(
      /before the report was published/,
    );
  });
});

describe('late-response figures', () => {
  it('counts the publication day as day 1 and the last day as day 56', () => {
    expect(dayOfPeriod('2024-03-07', '2024-03-07')).toBe(1);
    expect(dayOfPeriod('2024-03-07', '2024-05-01')).toBe(56);
    expect(dayOfPeriod('2024-03-07', '2024-05-04')).toBe(59);
  });

  it('gives each published response its day and the days it was late', () => {
    const obligations = [
      obligation('cumbria', 'Cumbria Constabulary', { progress: { ...NO_PROGRESS, responsePublishedOn: '2024-04-20' } }),
      obligation('surrey', 'Surrey Police', { progress: { ...NO_PROGRESS, responsePublishedOn: '2024-05-11' } }),
      obligation('kent', 'Kent Police'),
    ];
    expect(latenessOf({ id: 'national', publishedOn: '2024-03-07' }, obligations)).toEqual([
      { reportId: 'national', bodyId: 'cumbria', publishedOn: '2024-03-07', responsePublishedOn: '2024-04-20', dayOfPeriod: 45, daysLate: 0 },
      { reportId: 'national', bodyId: 'surrey', publishedOn: '2024-03-07', responsePublishedOn: '2024-05-11', dayOfPeriod: 66, daysLate: 10 },
    ]);
    expect(latenessOf({ id: 'undated', publishedOn: null }, obligations)).toEqual([]);
  });
});
