import { daysBetween, formatLongDate, type CalendarDate } from './calendar-date';
import type { LocalPolicingBody } from './configuration';
import type { ExtractedRecommendation } from './model';
import type { PlannedReminder } from './reminders';

export interface ReminderEmail {
  subject: string;
  text: string;
  html: string;
}

export interface ReminderEmailInput {
  reminder: PlannedReminder;
  today: CalendarDate;
  body: LocalPolicingBody;
  report: { title: string | null; publishedOn: CalendarDate; sourceKey: string; recommendations: ExtractedRecommendation[] };
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** "14 days left", "the last day is today", "2 days late": what a person reads first. */
function timeLeft(dueOn: CalendarDate, today: CalendarDate): string {
  const days = daysBetween(today, dueOn);
  if (days > 0) return `${plural(days, 'day')} left`;
  if (days === 0) return 'today is the last day';
  return `${plural(-days, 'day')} late`;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text from an uploaded document reaches the HTML part only through this. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character] ?? character);
}

/** Header injection and runaway subjects both come from document text: keep the subject to one short line. */
function subjectLine(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > 180 ? `${oneLine.slice(0, 177)}…` : oneLine;
}

/**
 * The reminder a local policing body's office receives: which report, the last day as a date and as
 * days left, and every recommendation its published comments must explain (s55(5B)).
 */
export function renderReminderEmail({ reminder, today, body, report }: ReminderEmailInput): ReminderEmail {
  const reportName = report.title ?? `the report uploaded as ${report.sourceKey}`;
  const left = timeLeft(reminder.dueOn, today);
  const lastDay = formatLongDate(reminder.dueOn);
  const overdue = daysBetween(today, reminder.dueOn) < 0;
  const subject = subjectLine(
    overdue
      ? `Overdue: response to “${reportName}” was due ${lastDay}`
      : `${left[0]?.toUpperCase()}${left.slice(1)} to publish the response to “${reportName}” (last day ${lastDay})`,
  );
  const headline = overdue
    ? `The response to this HMICFRS report was due on ${lastDay}: it is ${left}. Publish it as soon as possible.`
    : `The last day to publish the response to this HMICFRS report is ${lastDay}: ${left}.`;
  const duty =
    'Section 55 of the Police Act 1996 requires the local policing body to publish its comments on the report, ' +
    'with the chief officer’s comments, within 56 days of publication, and to send a copy to HMICFRS and the Home Secretary.';
  const recommendationsIntro =
    report.recommendations.length === 0
      ? 'No recommendations were found in the report; check the report itself before publishing.'
      : `The response must explain, for each of these ${plural(report.recommendations.length, 'recommendation')}, the action taken or proposed, or why none will be taken:`;
  const label = (recommendation: ExtractedRecommendation, index: number) => recommendation.ref ?? String(index + 1);

  const text = [
    `To ${body.name}`,
    '',
    `Report: ${reportName}`,
    `Published: ${formatLongDate(report.publishedOn)}`,
    `Last day to publish the response: ${lastDay} (${left})`,
    '',
    headline,
    '',
    recommendationsIntro,
    ...report.recommendations.map((recommendation, index) => `  ${label(recommendation, index)}. ${recommendation.text}`),
    '',
    duty,
    '',
    `Sent by FiftySix: reminder “${reminder.stage}” for ${body.force}.`,
  ].join('\n');

  const html = [
    '<!doctype html><html><body style="font-family:sans-serif;line-height:1.4">',
    `<p>To ${escapeHtml(body.name)}</p>`,
    `<h2 style="margin:0 0 .5em">${escapeHtml(reportName)}</h2>`,
    '<table>',
    `<tr><th align="left">Published</th><td>${escapeHtml(formatLongDate(report.publishedOn))}</td></tr>`,
    `<tr><th align="left">Last day to publish the response</th><td><strong>${escapeHtml(lastDay)}</strong> (${escapeHtml(left)})</td></tr>`,
    '</table>',
    `<p>${escapeHtml(headline)}</p>`,
    `<p>${escapeHtml(recommendationsIntro)}</p>`,
    report.recommendations.length === 0
      ? ''
      : `<ol>${report.recommendations
          .map((recommendation, index) => `<li><strong>${escapeHtml(label(recommendation, index))}</strong> ${escapeHtml(recommendation.text)}</li>`)
          .join('')}</ol>`,
    `<p style="color:#555">${escapeHtml(duty)}</p>`,
    `<p style="color:#555">Sent by FiftySix: reminder “${escapeHtml(reminder.stage)}” for ${escapeHtml(body.force)}.</p>`,
    '</body></html>',
  ].join('\n');

  return { subject, text, html };
}
