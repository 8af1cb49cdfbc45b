import { addDays, type CalendarDate } from './calendar-date';

/** Which date a reminder is about. The response's last day is the only one so far. */
export type DateKind = 'response-due';

export type ReminderStage = 'due-in-14-days' | 'due-in-7-days' | 'due-in-1-day' | 'due-today' | 'overdue';

export interface PlannedReminder {
  dateKind: DateKind;
  stage: ReminderStage;
  /** The date the reminder is about. */
  dueOn: CalendarDate;
  sendOn: CalendarDate;
}

/** Days before the date each stage is sent; overdue goes the day after, when publishing is already late. */
const RESPONSE_STAGES: ReadonlyArray<{ stage: ReminderStage; daysBefore: number }> = [
  { stage: 'due-in-14-days', daysBefore: 14 },
  { stage: 'due-in-7-days', daysBefore: 7 },
  { stage: 'due-in-1-day', daysBefore: 1 },
  { stage: 'due-today', daysBefore: 0 },
  { stage: 'overdue', daysBefore: -1 },
];

/** Every reminder for a response due on the given day, earliest first. */
export function planResponseReminders(responseDueOn: CalendarDate): PlannedReminder[] {
  return RESPONSE_STAGES.map(({ stage, daysBefore }) => ({
    dateKind: 'response-due' as const,
    stage,
    dueOn: responseDueOn,
    sendOn: addDays(responseDueOn, -daysBefore),
  }));
}

export interface ReminderDecision {
  /** The reminder to send today, or null when none is due. */
  send: PlannedReminder | null;
  /** When the next reminder after today is planned, or null when the plan is finished. */
  nextReminderOn: CalendarDate | null;
}

/**
 * What to send today, given the plan and the earliest day not yet handled. A scan that missed days
 * sends only the latest stage that has come due, never a burst of stale ones: an office told
 * "1 day left" has no use for the "7 days left" it missed.
 */
export function decideReminder(plan: PlannedReminder[], pendingFrom: CalendarDate, today: CalendarDate): ReminderDecision {
  const due = plan.filter((reminder) => reminder.sendOn >= pendingFrom && reminder.sendOn <= today);
  const later = plan.filter((reminder) => reminder.sendOn > today);
  return { send: due.at(-1) ?? null, nextReminderOn: later[0]?.sendOn ?? null };
}
