import ical from 'ical-generator';
import type { CalendarDate } from './calendar-date';
import type { LocalPolicingBody } from './configuration';
import type { Obligation, Report } from './model';

/** One of a body's obligations with the report it is about. */
export interface TrackedObligation {
  obligation: Obligation;
  report: Report;
}

const allDay = (date: CalendarDate) => new Date(`${date}T00:00:00Z`);

/**
 * A body's dates as an iCalendar feed an office subscribes to from Outlook: each report's last day,
 * the chief officer's date and the recommendations' targets, as all-day events linking to the report's
 * page. Closed and historical obligations are left out: the calendar is what is still to be done.
 */
export function calendarFeed(body: LocalPolicingBody, tracked: readonly TrackedObligation[], reportUrl: (reportId: string) => string, now: Date): string {
  const calendar = ical({
    name: `FiftySix: ${body.name}`,
    description: `Section 55 dates for ${body.name}`,
    prodId: { company: 'FiftySix', product: 'FiftySix', language: 'EN' },
    ttl: 60 * 60 * 6,
  });
  for (const { obligation, report } of tracked) {
    const { dates } = obligation;
    if (!dates || obligation.closure || obligation.historical) continue;
    const title = report.title ?? `the report uploaded as ${report.source.key}`;
    const url = reportUrl(report.id);
    const event = (id: string, date: CalendarDate, summary: string) =>
      calendar.createEvent({
        id: `${report.id}-${body.id}-${id}@fiftysix`,
        start: allDay(date),
        allDay: true,
        stamp: now,
        summary,
        description: `${summary}\n${url}`,
        url,
      });
    const responded = obligation.progress.responsePublishedOn !== null;
    event('response-due', dates.responseDueOn, `${responded ? 'Responded: ' : ''}Last day to publish the response to “${title}”`);
    if (!responded) event('chief-officer-comments', dates.chiefOfficerCommentsDueOn, `Chief officer’s comments due on “${title}”`);
    for (const target of dates.recommendationTargets) {
      if (target.dueOn) event(`recommendation-${target.key}`, target.dueOn, `Target date of recommendation ${target.key} in “${title}”`);
    }
  }
  return calendar.toString();
}
