import { addDays, type CalendarDate } from './calendar-date';
import type { ObligationDates } from './deadlines';
import { BANK_HOLIDAYS_COVER_THROUGH, workingDayOnOrAfter, workingDayOnOrBefore } from './working-days';

/** Which date a reminder is about. */
export type DateKind = 'response-due' | 'chief-officer-comments' | 'recommendation-target';

export const DATE_KINDS: readonly DateKind[] = ['response-due', 'chief-officer-comments', 'recommendation-target'];

/** When to remind about one kind of date. */
export interface StageSettings {
  /** Reminders this many calendar days before the date. */
  daysBefore: number[];
  onTheDay: boolean;
  /** A reminder the day after, once the date has passed without the thing being done. */
  overdue: boolean;
  /** Then again every this many days (at least 1), until it is done; null for a single overdue reminder. */
  overdueEveryDays: number | null;
  /**
   * The most overdue reminders sent about one date: past it they stop, and the obligation stays
   * overdue in the list, where a person can see it, rather than in everyone's inbox for ever.
   */
  overdueLimit: number;
}

export type ReminderSettings = Record<DateKind, StageSettings>;

/**
 * What an office would ask for: the statutory date and the chief officer's get a run-up and a weekly
 * nudge once late, for eight weeks at most; a recommendation's own target, which is about the force's
 * work rather than the body's response, gets a month's notice and one overdue reminder.
 */
export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = {
  'response-due': { daysBefore: [14, 7, 1], onTheDay: true, overdue: true, overdueEveryDays: 7, overdueLimit: 8 },
  'chief-officer-comments': { daysBefore: [7, 1], onTheDay: true, overdue: true, overdueEveryDays: 7, overdueLimit: 8 },
  'recommendation-target': { daysBefore: [30, 7], onTheDay: true, overdue: true, overdueEveryDays: null, overdueLimit: 1 },
};

/** What the body has done so far; each thing done ends the reminders about it. */
export interface ObligationProgress {
  chiefOfficerCommentsReceivedOn: CalendarDate | null;
  responsePublishedOn: CalendarDate | null;
  /** Where the published response can be read. */
  responseUrl: string | null;
  /** Keys of the recommendations the draft response already explains. */
  explainedRecommendations: string[];
  /** What the office wrote about a recommendation's explanation, by its key: the start of its s55(5B) text. */
  recommendationNotes: Record<string, string>;
}

export const NO_PROGRESS: ObligationProgress = {
  chiefOfficerCommentsReceivedOn: null,
  responsePublishedOn: null,
  responseUrl: null,
  explainedRecommendations: [],
  recommendationNotes: {},
};

export interface PlannedReminder {
  dateKind: DateKind;
  /** The date the reminder is about; it is never moved. */
  dueOn: CalendarDate;
  /** "due-in-14-days", "due-today", "overdue-8-days": unique within one date's reminders. */
  stage: string;
  timing: 'before' | 'on-the-day' | 'overdue';
  /** The working day it goes out. */
  sendOn: CalendarDate;
  /** For a recommendation target: the recommendations that share it. */
  recommendationKeys: string[];
}

/** A week inside the data's end, so an overdue reminder moved to the next working day still falls within it. */
const LAST_PLANNABLE_DAY = addDays(BANK_HOLIDAYS_COVER_THROUGH, -7);

const days = (count: number) => `${count}-day${count === 1 ? '' : 's'}`;

/**
 * One date's reminders. A reminder ahead of the date that falls on a weekend or bank holiday goes on
 * the working day before, so it is never late; an overdue one goes on the working day after, so it
 * never arrives while there is still time. When two land on the same day, the more urgent one goes.
 */
function remindersFor(
  dateKind: DateKind,
  dueOn: CalendarDate,
  settings: StageSettings,
  options: { notBefore: CalendarDate; overdueUntil: CalendarDate; recommendationKeys: string[] },
): PlannedReminder[] {
  const planned: Array<Omit<PlannedReminder, 'dateKind' | 'dueOn' | 'recommendationKeys'>> = [];
  // A run-up that would start before the report was published has nothing to remind about.
  const daysBefore = [...new Set(settings.daysBefore)].filter((n) => n > 0 && addDays(dueOn, -n) >= options.notBefore);
  for (const before of daysBefore.sort((a, b) => b - a)) {
    planned.push({ stage: `due-in-${days(before)}`, timing: 'before', sendOn: workingDayOnOrBefore(addDays(dueOn, -before)) });
  }
  if (settings.onTheDay) planned.push({ stage: 'due-today', timing: 'on-the-day', sendOn: workingDayOnOrBefore(dueOn) });
  if (settings.overdue) {
    const every = settings.overdueEveryDays;
    const limit = every === null ? 1 : settings.overdueLimit;
    for (let late = 1, sent = 0; sent < limit && addDays(dueOn, late) <= options.overdueUntil; late += every ?? 0, sent += 1) {
      planned.push({ stage: `overdue-${days(late)}`, timing: 'overdue', sendOn: workingDayOnOrAfter(addDays(dueOn, late)) });
    }
  }
  const bySendDay = new Map<CalendarDate, (typeof planned)[number]>();
  for (const reminder of planned) if (reminder.sendOn >= options.notBefore) bySendDay.set(reminder.sendOn, reminder);
  return [...bySendDay.values()].map((reminder) => ({ dateKind, dueOn, ...reminder, recommendationKeys: options.recommendationKeys }));
}

/**
 * Every reminder for an obligation, earliest first, up to `through` (overdue reminders repeat until
 * the thing is done, so the plan is cut somewhere). Nothing is planned before the report was published;
 * nothing about something already done.
 */
export function planReminders(dates: ObligationDates, settings: ReminderSettings, progress: ObligationProgress, through: CalendarDate): PlannedReminder[] {
  const notBefore = dates.publishedOn;
  // Nothing is planned where the bank holiday data cannot say which days are working days.
  if (through > LAST_PLANNABLE_DAY) through = LAST_PLANNABLE_DAY;
  const plan: PlannedReminder[] = [];
  if (!progress.responsePublishedOn) {
    plan.push(...remindersFor('response-due', dates.responseDueOn, settings['response-due'], { notBefore, overdueUntil: through, recommendationKeys: [] }));
    if (!progress.chiefOfficerCommentsReceivedOn) {
      // Once the last day has passed, the response's own overdue reminders say all there is to say.
      const overdueUntil = through < dates.responseDueOn ? through : dates.responseDueOn;
      plan.push(
        ...remindersFor('chief-officer-comments', dates.chiefOfficerCommentsDueOn, settings['chief-officer-comments'], {
          notBefore,
          overdueUntil,
          recommendationKeys: [],
        }),
      );
    }
  }
  const targets = new Map<CalendarDate, string[]>();
  for (const target of dates.recommendationTargets) {
    // An immediate target, or one already past when the report came out, has no run-up to remind about;
    // one beyond the bank holiday data cannot be planned yet.
    if (target.dueOn && !target.immediate && target.dueOn > dates.publishedOn && target.dueOn < LAST_PLANNABLE_DAY) {
      targets.set(target.dueOn, [...(targets.get(target.dueOn) ?? []), target.key]);
    }
  }
  for (const [dueOn, recommendationKeys] of targets) {
    plan.push(...remindersFor('recommendation-target', dueOn, settings['recommendation-target'], { notBefore, overdueUntil: through, recommendationKeys }));
  }
  return plan.sort((a, b) => a.sendOn.localeCompare(b.sendOn) || DATE_KINDS.indexOf(a.dateKind) - DATE_KINDS.indexOf(b.dateKind));
}

export interface ReminderDecision {
  /** What to send today: for each date, only its latest reminder that has come due. */
  send: PlannedReminder[];
  /** When the next reminder after today is planned, or null when the plan is finished. */
  nextReminderOn: CalendarDate | null;
}

/**
 * What to send today, given the plan and the earliest day not yet handled. A scan that missed days,
 * or a corrected date that moved reminders into the past, sends only the latest reminder due for each
 * date, never a burst of stale ones: an office told "1 day left" has no use for the "7 days left" it
 * missed. Nor is it told a date is coming once it has passed; only the overdue reminders say that.
 */
export function decideReminders(plan: PlannedReminder[], pendingFrom: CalendarDate, today: CalendarDate): ReminderDecision {
  const latest = new Map<string, PlannedReminder>();
  for (const reminder of plan) {
    if (reminder.sendOn >= pendingFrom && reminder.sendOn <= today) latest.set(`${reminder.dateKind}#${reminder.dueOn}`, reminder);
  }
  const send = [...latest.values()].filter((reminder) => reminder.timing === 'overdue' || reminder.dueOn >= today);
  return { send, nextReminderOn: plan.find((reminder) => reminder.sendOn > today)?.sendOn ?? null };
}

/**
 * The day the first reminder is planned for, where the deadline scan picks the obligation up. Past
 * reminders count: a report uploaded late is reminded of where it stands at the next scan.
 */
export function firstReminderOn(dates: ObligationDates, settings: ReminderSettings, progress: ObligationProgress): CalendarDate | null {
  const latestDate = [dates.responseDueOn, ...dates.recommendationTargets.map((target) => target.dueOn ?? dates.responseDueOn)].sort().at(-1)!;
  return planReminders(dates, settings, progress, addDays(latestDate, 1))[0]?.sendOn ?? null;
}
