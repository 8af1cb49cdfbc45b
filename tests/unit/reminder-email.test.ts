import { describe, expect, it } from 'vitest';
import { renderReminderEmail } from '../../shared/reminder-email';
import { planResponseReminders } from '../../shared/reminders';

const body = { id: 'cumbria', name: 'Cumbria PFCC', force: 'Cumbria Constabulary', recipients: ['a@example.org'] };
const [fourteenDays, , , , overdue] = planResponseReminders('2024-05-01');
const report = {
  title: 'Finding time for <crime> & "more"',
  publishedOn: '2024-03-07',
  sourceKey: 'uploads/report.pdf',
  recommendations: [
    { ref: '#23432', text: 'By March 2023, forces should <script>alert(1)</script> act.', targetDate: '2023-03-31', addressees: ['forces'] },
    { ref: null, text: 'The force should review.', targetDate: null, addressees: ['the force'] },
  ],
};

describe('reminder email', () => {
  const email = renderReminderEmail({ reminder: fourteenDays!, today: '2024-04-17', body, report });

  it('names the report and gives the last day as a date and as days left', () => {
    expect(email.subject).toBe('14 days left to publish the response to “Finding time for <crime> & "more"” (last day Wednesday 1 May 2024)');
    expect(email.text).toContain('Last day to publish the response: Wednesday 1 May 2024 (14 days left)');
    expect(email.text).toContain('Report: Finding time for <crime> & "more"');
  });

  it('lists every recommendation that needs an explanation, in both parts', () => {
    expect(email.text).toContain('  #23432. By March 2023, forces should <script>alert(1)</script> act.');
    expect(email.text).toContain('  2. The force should review.');
    expect(email.html).toContain('<li><strong>#23432</strong> By March 2023, forces should &lt;script&gt;alert(1)&lt;/script&gt; act.</li>');
  });

  it('escapes document text in the HTML part', () => {
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('Finding time for &lt;crime&gt; &amp; &quot;more&quot;');
  });

  it('says how late an overdue response is', () => {
    const late = renderReminderEmail({ reminder: overdue!, today: '2024-05-04', body, report });
    expect(late.subject).toMatch(/^Overdue: response to “.*” was due Wednesday 1 May 2024$/);
    expect(late.text).toContain('(3 days late)');
  });

  it('keeps the subject to one line whatever the title holds', () => {
    const long = renderReminderEmail({ reminder: fourteenDays!, today: '2024-04-17', body, report: { ...report, title: `A\r\nBcc: x@evil.example ${'long '.repeat(60)}` } });
    expect(long.subject).not.toMatch(/[\r\n]/);
    expect(long.subject.length).toBeLessThanOrEqual(180);
  });

  it('names an untitled report by its upload', () => {
    const untitled = renderReminderEmail({ reminder: fourteenDays!, today: '2024-04-17', body, report: { ...report, title: null } });
    expect(untitled.text).toContain('Report: the report uploaded as uploads/report.pdf');
  });
});
