import type { CalendarDate } from './calendar-date';
import type { TrackedObligation } from './calendar-feed';
import { owedRecommendations, summariseObligation } from './obligation-state';

const COLUMNS = [
  'Report',
  'Report id',
  'Published',
  'Last day',
  'Days left',
  'State',
  'Chief officer’s comments due',
  'Chief officer’s comments received',
  'Response published',
  'Recommendation',
  'Recommendation text',
  'Target date',
  'Explained',
  'Note',
];

/**
 * A cell Excel shows as written: every field quoted, quotes doubled, and a cell that would start a
 * formula (`=`, `+`, `-`, `@`, or a tab or carriage return before one) led by an apostrophe, so text
 * from a document can never run as one. Numbers are ours, not the document's, and stay numbers: a
 * negative count of days left must still sort and sum.
 */
function cell(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  const safe = typeof value === 'string' && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

/**
 * The office's tracker as a spreadsheet: one row per obligation and recommendation owed an
 * explanation (one row for an obligation with none), in UTF-8 with a byte-order mark and CRLF lines,
 * as Excel opens it without asking.
 */
export function trackerSpreadsheet(tracked: readonly TrackedObligation[], today: CalendarDate): string {
  const rows: Array<Array<string | number | null>> = [COLUMNS];
  for (const { obligation, report } of tracked) {
    const summary = summariseObligation(obligation, report, today);
    const common = [
      report.title ?? report.source.key,
      report.id,
      summary.publishedOn,
      summary.responseDueOn,
      summary.daysLeft,
      summary.state,
      summary.chiefOfficerCommentsDueOn,
      obligation.progress.chiefOfficerCommentsReceivedOn,
      obligation.progress.responsePublishedOn,
    ];
    const owed = owedRecommendations(report);
    if (owed.length === 0) rows.push([...common, null, null, null, null, null]);
    for (const { key, recommendation } of owed) {
      const target = obligation.dates?.recommendationTargets.find((each) => each.key === key);
      rows.push([
        ...common,
        key,
        recommendation.text,
        target?.dueOn ?? target?.phrase ?? recommendation.targetDate,
        obligation.progress.explainedRecommendations.includes(key) ? 'yes' : 'no',
        obligation.progress.recommendationNotes[key] ?? null,
      ]);
    }
  }
  return `\uFEFF${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}
