import { type CalendarDate, daysBetween, formatLongDate } from './calendar-date';
import type { LocalPolicingBody } from './configuration';
import type { ObligationDates } from './deadlines';
import type { ExtractedRecommendation, LinkedResponse } from './model';
import { owedRecommendations } from './obligation-state';
import { daysLeftText } from './obligation-status';
import { DATE_KINDS, type ObligationProgress, type PlannedReminder } from './reminders';

export interface ReminderEmail {
  subject: string;
  text: string;
  html: string;
}

export interface ReminderEmailInput {
  /** The reminders due today for one obligation, one email for them all. */
  reminders: PlannedReminder[];
  today: CalendarDate;
  body: LocalPolicingBody;
  report: { id: string; title: string | null; sourceKey: string; recommendations: ExtractedRecommendation[] };
  /** The report's page, where the office records what it has done. */
  reportUrl: string;
  dates: ObligationDates;
  progress: ObligationProgress;
  /** The body's response as uploaded and linked, whose unexplained recommendations the office still owes. */
  response?: LinkedResponse | null;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** "14 days left", "due today", "2 days late": what a person reads first. */
function timeLeft(dueOn: CalendarDate, today: CalendarDate): string {
  return daysLeftText(daysBetween(today, dueOn)).replace(/^Due/, 'due');
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text from an uploaded document reaches the HTML part only through this. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character] ?? character);
}

/**
 * Document text as an email shows it: without Unicode's invisible format characters (category Cf: the
 * bidirectional controls that can show a subject in another order than it is written, zero-width
 * spaces and joiners, soft hyphens) and without control characters other than tabs and line ends.
 */
function visible(text: string): string {
  return text.replace(/(?![\t\n\r])[\p{Cf}\p{Cc}]/gu, '');
}

const SUBJECT_LIMIT = 180;
const characters = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * Header injection and runaway subjects both come from document text: keep the subject to one short
 * line, cut between the characters a person sees, never inside one (an emoji is two UTF-16 units).
 */
function subjectLine(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  const seen = Array.from(characters.segment(oneLine), ({ segment }) => segment);
  return seen.length > SUBJECT_LIMIT ? `${seen.slice(0, SUBJECT_LIMIT - 1).join('')}…` : oneLine;
}

interface Numbered {
  label: string;
  text: string;
}

interface Content {
  subject: string;
  headline: string;
  missing: Array<{ text: string; items: Numbered[] }>;
}

/** What a reminder says, by the date it is about. */
function contentFor(reminder: PlannedReminder, { today, report, dates, progress }: ReminderEmailInput, reportName: string): Content {
  const on = formatLongDate(reminder.dueOn);
  const left = timeLeft(reminder.dueOn, today);
  const late = daysBetween(today, reminder.dueOn) < 0;
  const numbered = owedRecommendations(report).map(({ key, recommendation }) => ({ key, label: visible(key), text: visible(recommendation.text) }));
  const unexplained = numbered.filter((recommendation) => !progress.explainedRecommendations.includes(recommendation.key));
  const commentsMissing = progress.chiefOfficerCommentsReceivedOn
    ? []
    : [{ text: `The chief officer’s comments, asked for by ${formatLongDate(dates.chiefOfficerCommentsDueOn)}.`, items: [] }];
  const explanationsMissing =
    unexplained.length === 0
      ? []
      : [{ text: `An explanation of the action taken or proposed, or why none, for ${plural(unexplained.length, 'recommendation')}:`, items: unexplained }];

  switch (reminder.dateKind) {
    case 'response-due':
      return {
        subject: late
          ? `Overdue: the response to “${reportName}” was due ${on} (${left})`
          : `${left === 'due today' ? 'Today is the last day' : left[0]!.toUpperCase() + left.slice(1)} to publish the response to “${reportName}” (last day ${on})`,
        headline: late
          ? `The response to this HMICFRS report was due on ${on}: it is ${left}. Publish it as soon as possible.`
          : `The last day to publish the response to this HMICFRS report is ${on}: ${left === 'due today' ? 'today' : left}.`,
        missing: [...commentsMissing, ...explanationsMissing],
      };
    case 'chief-officer-comments':
      return {
        subject: late
          ? `Overdue: the chief officer’s comments on “${reportName}” were due ${on} (${left})`
          : `Chief officer’s comments on “${reportName}” ${left === 'due today' ? 'due today' : `due ${on} (${left})`}`,
        headline: `The chief officer’s comments on this report are ${late ? `${left}: they were due` : 'due'} on ${on}, the date you set under section 55(4), so that your response can answer them before its last day, ${formatLongDate(dates.responseDueOn)}.`,
        missing: commentsMissing,
      };
    case 'recommendation-target': {
      const targeted = numbered.filter((recommendation) => reminder.recommendationKeys.includes(recommendation.key));
      const count = plural(targeted.length, 'recommendation');
      return {
        subject: late
          ? `Overdue: the target date of ${count} in “${reportName}” was ${on} (${left})`
          : `Target date of ${count} in “${reportName}”: ${on} (${left === 'due today' ? 'today' : left})`,
        headline: `${count[0]!.toUpperCase()}${count.slice(1)} in this report ${targeted.length === 1 ? 'sets' : 'set'} ${on} as ${targeted.length === 1 ? 'its' : 'their'} target date${late ? `, now ${left}` : ''}.`,
        missing: [{ text: `Check what the force has done on ${targeted.length === 1 ? 'it' : 'them'}:`, items: targeted }],
      };
    }
  }
}

/** What the body's published response leaves unexplained: s55 asks for an explanation of every recommendation. */
function unaddressedBy(response: LinkedResponse | null): Content['missing'] {
  if (!response || response.notAddressed.length === 0) return [];
  const count = plural(response.notAddressed.length, 'recommendation');
  return [
    {
      text: `Your response published ${formatLongDate(response.publishedOn)} does not address ${count}:`,
      items: response.notAddressed.map(({ key, text }) => ({ label: visible(key), text: visible(text) })),
    },
  ];
}

/**
 * The email a local policing body's office receives: which report and which dates, each date and the
 * days left (or how late it is), and what is still missing from the response. The reminders due for
 * one report on one day go in one email, led (and its subject set) by the statutory last day, then the
 * chief officer's date, then recommendation targets.
 */
export function renderReminderEmail(input: ReminderEmailInput): ReminderEmail {
  const { reminders, body, report, dates } = input;
  if (reminders.length === 0) throw new RangeError('renderReminderEmail needs at least one reminder');
  const reportName = visible(report.title ?? `the report uploaded as ${report.sourceKey}`);
  const contents = [...reminders]
    .sort((a, b) => DATE_KINDS.indexOf(a.dateKind) - DATE_KINDS.indexOf(b.dateKind) || a.dueOn.localeCompare(b.dueOn))
    .map((reminder) => contentFor(reminder, input, reportName));
  const missing = [
    ...new Map(contents.flatMap((content) => content.missing).map((item) => [item.text, item] as const)).values(),
    ...unaddressedBy(input.response ?? null),
  ];
  const keyDates: Array<[string, string]> = [
    ['Published', formatLongDate(dates.publishedOn)],
    ['Chief officer’s comments due', formatLongDate(dates.chiefOfficerCommentsDueOn)],
    ['Last day to publish the response', `${formatLongDate(dates.responseDueOn)} (${timeLeft(dates.responseDueOn, input.today)})`],
  ];
  const duty =
    'Section 55 of the Police Act 1996 requires the local policing body to publish its comments on the report, ' +
    'with the chief officer’s comments, within 56 days of publication, explaining for each recommendation the action taken or proposed, ' +
    'and to send a copy to HMICFRS and the Home Secretary.';
  const footer = `Sent by FiftySix to ${body.name} about report ${report.id}: ${reminders.map((reminder) => `“${reminder.stage}” about the ${reminder.dateKind.replace(/-/g, ' ')} date`).join(', ')}.`;
  const stillMissing = missing.length === 0 ? 'Nothing is recorded as missing.' : 'Still missing:';
  const howToRecord = `When something is done, record it on the report’s page and these reminders stop: ${input.reportUrl}`;
  const content = { subject: contents[0]!.subject, missing };

  const text = [
    `Report: ${reportName}`,
    ...keyDates.map(([label, value]) => `${label}: ${value}`),
    '',
    ...contents.map((each) => each.headline),
    '',
    stillMissing,
    ...content.missing.flatMap((missing) => [`- ${missing.text}`, ...missing.items.map((item) => `    ${item.label}. ${item.text}`)]),
    '',
    howToRecord,
    '',
    duty,
    '',
    footer,
  ].join('\n');

  const html = [
    '<!doctype html><html><body style="font-family:sans-serif;line-height:1.4">',
    `<h2 style="margin:0 0 .5em">${escapeHtml(reportName)}</h2>`,
    `<table>${keyDates.map(([label, value]) => `<tr><th align="left">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`).join('')}</table>`,
    ...contents.map((each) => `<p><strong>${escapeHtml(each.headline)}</strong></p>`),
    `<p>${escapeHtml(stillMissing)}</p>`,
    content.missing.length === 0
      ? ''
      : `<ul>${content.missing
          .map(
            (missing) =>
              `<li>${escapeHtml(missing.text)}${
                missing.items.length === 0
                  ? ''
                  : `<ol>${missing.items.map((item) => `<li><strong>${escapeHtml(item.label)}</strong> ${escapeHtml(item.text)}</li>`).join('')}</ol>`
              }</li>`,
          )
          .join('')}</ul>`,
    `<p>When something is done, record it on <a href="${escapeHtml(input.reportUrl)}">the report’s page</a> and these reminders stop.</p>`,
    `<p style="color:#555">${escapeHtml(duty)}</p>`,
    `<p style="color:#555">${escapeHtml(footer)}</p>`,
    '</body></html>',
  ].join('\n');

  return { subject: subjectLine(content.subject), text, html };
}
