import { describe, expect, it } from 'vitest';
import { obligationDates } from '../../shared/deadlines';
import { type ReminderEmailInput, renderReminderEmail } from '../../shared/reminder-email';
import { DEFAULT_REMINDER_SETTINGS, NO_PROGRESS, type PlannedReminder, planReminders } from '../../shared/reminders';

const body = { id: 'cumbria', name: 'Cumbria PFCC', force: 'Cumbria Constabulary', recipients: ['a@example.org'] };
const recommendations = [
  { ref: '#23432', text: 'By March 2025, forces should <script>alert(1)</script> act.', targetDate: '2025-03-31', addressees: ['forces'] },
  { ref: null, text: 'The force should review.', targetDate: null, addressees: ['the force'] },
];
const dates = obligationDates('2024-03-07', recommendations);
const plan = planReminders(dates, DEFAULT_REMINDER_SETTINGS, NO_PROGRESS, '2026-01-01');
const find = (dateKind: PlannedReminder['dateKind'], stage: string) => plan.find((reminder) => reminder.dateKind === dateKind && reminder.stage === stage)!;
const report = { id: 'r1', title: 'Finding time for <crime> & "more"', sourceKey: 'uploads/report.pdf', recommendations };
const reportUrl = 'https://fiftysix.example.org/reports/r1';

function email(reminders: PlannedReminder[], today: string, overrides: Partial<ReminderEmailInput> = {}) {
  return renderReminderEmail({ reminders, today, body, report, reportUrl, dates, progress: NO_PROGRESS, ...overrides });
}

describe('reminder email', () => {
  const fourteenDays = email([find('response-due', 'due-in-14-days')], '2024-04-17');

  it('names the report and gives the last day as a date and as days left', () => {
    expect(fourteenDays.subject).toBe('14 days left to publish the response to “Finding time for <crime> & "more"” (last day Wednesday 1 May 2024)');
    expect(fourteenDays.text).toContain('Last day to publish the response: Wednesday 1 May 2024 (14 days left)');
    expect(fourteenDays.text).toContain('Report: Finding time for <crime> & "more"');
  });

  it('says what is still missing: the chief officer’s comments and every recommendation without an explanation', () => {
    expect(fourteenDays.text).toContain('- The chief officer’s comments, asked for by Wednesday 3 April 2024.');
    expect(fourteenDays.text).toContain('- An explanation of the action taken or proposed, or why none, for 2 recommendations:');
    expect(fourteenDays.text).toContain('    #23432. By March 2025, forces should <script>alert(1)</script> act.');
    expect(fourteenDays.text).toContain('    2. The force should review.');
    const progressed = email([find('response-due', 'due-in-14-days')], '2024-04-17', {
      progress: { ...NO_PROGRESS, chiefOfficerCommentsReceivedOn: '2024-04-01', explainedRecommendations: ['#23432'] },
    });
    expect(progressed.text).not.toContain('chief officer’s comments, asked for');
    expect(progressed.text).toContain('for 1 recommendation:');
    expect(progressed.text).not.toContain('#23432.');
  });

  it('asks for explanations of force-level recommendations only', () => {
    const withNational = email([find('response-due', 'due-in-14-days')], '2024-04-17', {
      report: {
        ...report,
        recommendations: [
          ...recommendations,
          { ref: '9', text: 'The Home Office should fund it.', targetDate: null, addressees: ['the Home Office'], level: 'national' as const },
        ],
      },
    });
    expect(withNational.text).toContain('for 2 recommendations:');
    expect(withNational.text).not.toContain('The Home Office should fund it.');
  });

  it('escapes document text in the HTML part', () => {
    expect(fourteenDays.html).toContain('<li><strong>#23432</strong> By March 2025, forces should &lt;script&gt;alert(1)&lt;/script&gt; act.</li>');
    expect(fourteenDays.html).not.toContain('<script>');
    expect(fourteenDays.html).toContain('Finding time for &lt;crime&gt; &amp; &quot;more&quot;');
  });

  it('says how late an overdue response is', () => {
    const late = email([find('response-due', 'overdue-1-day')], '2024-05-04');
    expect(late.subject).toBe('Overdue: the response to “Finding time for <crime> & "more"” was due Wednesday 1 May 2024 (3 days late)');
  });

  it('reminds about the chief officer’s date and a recommendation target in their own words', () => {
    const comments = email([find('chief-officer-comments', 'due-in-7-days')], '2024-03-27');
    expect(comments.subject).toBe('Chief officer’s comments on “Finding time for <crime> & "more"” due Wednesday 3 April 2024 (7 days left)');
    const target = email([find('recommendation-target', 'due-in-30-days')], '2025-02-28');
    expect(target.subject).toBe('Target date of 1 recommendation in “Finding time for <crime> & "more"”: Monday 31 March 2025 (31 days left)');
    expect(target.text).toContain('    #23432. By March 2025');
  });

  it('puts the reminders due on one day in one email, the last day first', () => {
    const both = email([find('chief-officer-comments', 'overdue-8-days'), find('response-due', 'due-in-14-days')], '2024-04-17');
    expect(both.subject).toMatch(/^14 days left to publish the response/);
    expect(both.text).toContain('The chief officer’s comments on this report are 14 days late: they were due on Wednesday 3 April 2024');
  });

  it('keeps the subject to one line whatever the title holds', () => {
    const long = renderReminderEmail({
      reminders: [find('response-due', 'due-in-14-days')],
      today: '2024-04-17',
      body,
      report: { ...report, title: `A\r\nBcc: x@evil.example ${'long '.repeat(60)}` },
      reportUrl,
      dates,
      progress: NO_PROGRESS,
    });
    expect(long.subject).not.toMatch(/[\r\n]/);
    expect(long.subject.length).toBeLessThanOrEqual(180);
  });

  it.each([0, 1])('cuts a long subject between characters, never inside an emoji (padded by %i)', (padding) => {
    const title = `${'Crime scenes '.repeat(10)}${'x'.repeat(padding)}${'😀'.repeat(60)}`;
    const { subject } = email([find('response-due', 'due-in-14-days')], '2024-04-17', { report: { ...report, title } });
    const whole = `14 days left to publish the response to “${title}” (last day Wednesday 1 May 2024)`;
    expect(subject).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    expect(subject.endsWith('😀…')).toBe(true);
    expect(whole.startsWith(subject.slice(0, -1))).toBe(true);
    expect(Array.from(new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(subject))).toHaveLength(180);
  });

  it('shows document text in the order it is written: no bidirectional controls or invisible characters from the title or recommendations', () => {
    const spoofed = email([find('response-due', 'due-in-14-days')], '2024-04-17', {
      report: {
        ...report,
        title: 'Custody in Surrey \u202Efdp.exe\u202C\u2066 and\u2069\u200F\u061C\u200B\u200D\uFEFF\u00AD done',
        recommendations: [{ ...recommendations[0]!, ref: '#2\u202E3', text: 'By March 2025, forces\u200B should\u202E act.' }],
      },
    });
    expect(spoofed.subject).toBe('14 days left to publish the response to “Custody in Surrey fdp.exe and done” (last day Wednesday 1 May 2024)');
    for (const part of [spoofed.subject, spoofed.text, spoofed.html]) expect(part).not.toMatch(/\p{Cf}/u);
    expect(spoofed.text).toContain('    #23. By March 2025, forces should act.');
  });

  it('keeps ordinary text as it is: accents, quotes, dashes, pound signs, Welsh, Greek and emoji', () => {
    const title = 'Café “Ŵyneb” – £2m’s Ελληνικά 👮🏽 ok';
    const ordinary = email([find('response-due', 'due-in-14-days')], '2024-04-17', { report: { ...report, title } });
    expect(ordinary.subject).toContain(`“${title}”`);
    expect(ordinary.text).toContain(`Report: ${title}`);
  });

  it('links to the report’s page and names the report, instead of telling the office to upload it again', () => {
    expect(fourteenDays.text).toContain(`record it on the report’s page and these reminders stop: ${reportUrl}`);
    expect(fourteenDays.html).toContain(`<a href="${reportUrl}">the report’s page</a>`);
    expect(fourteenDays.text).toContain('about report r1');
    expect(fourteenDays.text).not.toContain('metadata');
  });

  it('names an untitled report by its upload', () => {
    expect(email([find('response-due', 'due-in-14-days')], '2024-04-17', { report: { ...report, title: null } }).text).toContain(
      'Report: the report uploaded as uploads/report.pdf',
    );
  });

  it('lists the recommendations the body’s published response does not address, in the email of a target date after it', () => {
    const response = { responseId: 'letter', publishedOn: '2024-04-20', notAddressed: [{ key: '2', text: 'The force should review.' }] };
    const target = email([find('recommendation-target', 'due-in-30-days')], '2025-03-01', {
      progress: { ...NO_PROGRESS, responsePublishedOn: '2024-04-20' },
      response,
    });
    expect(target.text).toContain('- Your response published Saturday 20 April 2024 does not address 1 recommendation:\n    2. The force should review.');
    expect(target.html).toContain('does not address 1 recommendation:<ol><li><strong>2</strong> The force should review.</li></ol>');
    const allAddressed = email([find('recommendation-target', 'due-in-30-days')], '2025-03-01', { response: { ...response, notAddressed: [] } });
    expect(allAddressed.text).not.toContain('does not address');
  });
});
