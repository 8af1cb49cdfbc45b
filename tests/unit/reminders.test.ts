import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '../../shared/calendar-date';
import { obligationDates } from '../../shared/deadlines';
import { DEFAULT_REMINDER_SETTINGS, decideReminders, firstReminderOn, NO_PROGRESS, type PlannedReminder, planReminders } from '../../shared/reminders';
import { isWorkingDay } from '../../shared/working-days';

const brief = (plan: PlannedReminder[]) => plan.map(({ dateKind, stage, sendOn }) => [dateKind, stage, sendOn]);
const responseOnly = (plan: PlannedReminder[]) => plan.filter((reminder) => reminder.dateKind === 'response-due');

describe('reminder plan', () => {
  const dates = obligationDates('2024-03-07', []); // last day Wednesday 1 May 2024; chief officer’s date Wednesday 3 April
  const plan = planReminders(dates, DEFAULT_REMINDER_SETTINGS, NO_PROGRESS, '2024-05-20');

  it('reminds about the last day 14, 7 and 1 days before, on the day, and weekly once late', () => {
    expect(brief(responseOnly(plan))).toEqual([
      ['response-due', 'due-in-14-days', '2024-04-17'],
      ['response-due', 'due-in-7-days', '2024-04-24'],
      ['response-due', 'due-in-1-day', '2024-04-30'],
      ['response-due', 'due-today', '2024-05-01'],
      ['response-due', 'overdue-1-day', '2024-05-02'],
      ['response-due', 'overdue-8-days', '2024-05-09'],
      ['response-due', 'overdue-15-days', '2024-05-16'],
    ]);
  });

  it('stops the weekly overdue reminders after eight, or as many as the body chose', () => {
    const overdue = (settings = DEFAULT_REMINDER_SETTINGS) =>
      responseOnly(planReminders(dates, settings, NO_PROGRESS, '2025-12-31')).filter((reminder) => reminder.timing === 'overdue');
    expect(overdue().map((reminder) => reminder.stage)).toEqual([1, 8, 15, 22, 29, 36, 43, 50].map((late) => `overdue-${late}-day${late === 1 ? '' : 's'}`));
    const three = { ...DEFAULT_REMINDER_SETTINGS, 'response-due': { ...DEFAULT_REMINDER_SETTINGS['response-due'], overdueLimit: 3 } };
    expect(overdue(three).at(-1)?.stage).toBe('overdue-15-days');
    const last = overdue().at(-1)!;
    expect(decideReminders(planReminders(dates, DEFAULT_REMINDER_SETTINGS, NO_PROGRESS, '2025-12-31'), last.sendOn, last.sendOn).nextReminderOn).toBeNull();
  });

  it('reminds about the chief officer’s date, with its overdue reminders stopping at the last day', () => {
    expect(brief(plan.filter((reminder) => reminder.dateKind === 'chief-officer-comments'))).toEqual([
      ['chief-officer-comments', 'due-in-7-days', '2024-03-27'],
      ['chief-officer-comments', 'due-in-1-day', '2024-04-02'],
      ['chief-officer-comments', 'due-today', '2024-04-03'],
      ['chief-officer-comments', 'overdue-1-day', '2024-04-04'],
      ['chief-officer-comments', 'overdue-8-days', '2024-04-11'],
      ['chief-officer-comments', 'overdue-15-days', '2024-04-18'],
      ['chief-officer-comments', 'overdue-22-days', '2024-04-25'],
    ]);
  });

  it('moves a reminder off a weekend or bank holiday to the working day before; an overdue one to the working day after', () => {
    // Published 2022-11-02: the last day is Tuesday 27 December 2022, a bank holiday, and stays the last day.
    const christmas = responseOnly(planReminders(obligationDates('2022-11-02', []), DEFAULT_REMINDER_SETTINGS, NO_PROGRESS, '2023-01-03'));
    expect(brief(christmas)).toEqual([
      ['response-due', 'due-in-14-days', '2022-12-13'],
      ['response-due', 'due-in-7-days', '2022-12-20'],
      // 26 December (1 day before) and the 27th itself are bank holidays: the more urgent goes on Friday 23rd.
      ['response-due', 'due-today', '2022-12-23'],
      ['response-due', 'overdue-1-day', '2022-12-28'],
    ]);
    expect(christmas.every((reminder) => reminder.dueOn === '2022-12-27')).toBe(true);
  });

  it('stops reminding about what is done', () => {
    const commentsIn = planReminders(dates, DEFAULT_REMINDER_SETTINGS, { ...NO_PROGRESS, chiefOfficerCommentsReceivedOn: '2024-03-30' }, '2024-05-20');
    expect(commentsIn.some((reminder) => reminder.dateKind === 'chief-officer-comments')).toBe(false);
    const published = planReminders(dates, DEFAULT_REMINDER_SETTINGS, { ...NO_PROGRESS, responsePublishedOn: '2024-04-20' }, '2024-05-20');
    expect(published).toEqual([]);
  });

  it('follows a body’s own settings', () => {
    const settings = {
      ...DEFAULT_REMINDER_SETTINGS,
      'response-due': { daysBefore: [28], onTheDay: false, overdue: true, overdueEveryDays: null, overdueLimit: 8 },
    };
    expect(brief(responseOnly(planReminders(dates, settings, NO_PROGRESS, '2024-06-30')))).toEqual([
      ['response-due', 'due-in-28-days', '2024-04-03'],
      ['response-due', 'overdue-1-day', '2024-05-02'],
    ]);
  });

  it('reminds about each recommendation target once per date, naming the recommendations that share it', () => {
    const targets = obligationDates('2024-03-07', [
      { ref: '1', text: 'By March 2025, forces should act.', targetDate: '2025-03-31', addressees: ['forces'] },
      { ref: '2', text: 'By March 2025, forces should review.', targetDate: '2025-03-31', addressees: ['forces'] },
      { ref: '3', text: 'The force should immediately stop.', targetDate: null, addressees: ['the force'] },
      { ref: '4', text: 'By March 2023, forces should have acted.', targetDate: '2023-03-31', addressees: ['forces'] },
    ]);
    const planned = planReminders(targets, DEFAULT_REMINDER_SETTINGS, NO_PROGRESS, '2025-05-01').filter(
      (reminder) => reminder.dateKind === 'recommendation-target',
    );
    expect(planned.map(({ stage, sendOn, recommendationKeys }) => [stage, sendOn, recommendationKeys])).toEqual([
      ['due-in-30-days', '2025-02-28', ['1', '2']],
      ['due-in-7-days', '2025-03-24', ['1', '2']],
      ['due-today', '2025-03-31', ['1', '2']],
      ['overdue-1-day', '2025-04-01', ['1', '2']],
    ]);
  });
});

describe('deciding what to send today', () => {
  const plan = planReminders(obligationDates('2024-03-07', []), DEFAULT_REMINDER_SETTINGS, NO_PROGRESS, '2024-06-30');
  const stages = (today: string, pendingFrom: string) => decideReminders(plan, pendingFrom, today).send.map((reminder) => [reminder.dateKind, reminder.stage]);

  it('sends what is planned for today and points at the next', () => {
    const decision = decideReminders(plan, '2024-04-17', '2024-04-17');
    expect(decision.send.map((reminder) => reminder.stage)).toEqual(['due-in-14-days']);
    expect(decision.nextReminderOn).toBe('2024-04-18');
  });

  it('after missed days sends only the latest reminder due for each date, and nothing that says a past date is coming', () => {
    expect(stages('2024-04-17', '2024-03-27')).toEqual([
      ['chief-officer-comments', 'overdue-8-days'],
      ['response-due', 'due-in-14-days'],
    ]);
    expect(stages('2024-05-03', '2024-04-26')).toEqual([['response-due', 'overdue-1-day']]);
  });

  it('never goes back to a reminder already handled, and finishes when the plan does', () => {
    expect(stages('2024-04-23', '2024-04-24')).toEqual([]);
    const end = decideReminders(plan, '2024-06-27', '2024-06-27');
    expect(end.nextReminderOn).toBe(null);
  });

  it('starts an obligation at the first reminder of its plan, even one already in the past', () => {
    expect(firstReminderOn(obligationDates('2024-03-07', []), DEFAULT_REMINDER_SETTINGS, NO_PROGRESS)).toBe('2024-03-27');
  });
});

describe('properties of every plan, for publication dates 2000 to 2098 (the bank holiday data runs to 2100)', () => {
  const publicationDate = fc.integer({ min: Date.UTC(2000, 0, 10), max: Date.UTC(2098, 11, 31) }).map((ms) => new Date(ms).toISOString().slice(0, 10));

  it('the last day is publication + 55 days and falls on the weekday before the publication weekday', () => {
    fc.assert(
      fc.property(publicationDate, (publishedOn) => {
        const { responseDueOn } = obligationDates(publishedOn, []);
        expect(daysBetween(publishedOn, responseDueOn)).toBe(55);
        const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
        expect(weekday(responseDueOn)).toBe((weekday(publishedOn) + 6) % 7);
      }),
      { numRuns: 2000 },
    );
  });

  it('holds for any body settings and recommendation targets too', () => {
    const stageSettings = fc.record({
      daysBefore: fc.array(fc.integer({ min: 1, max: 90 }), { maxLength: 5 }),
      onTheDay: fc.boolean(),
      overdue: fc.boolean(),
      overdueEveryDays: fc.option(fc.integer({ min: 1, max: 21 }), { nil: null }),
      overdueLimit: fc.integer({ min: 1, max: 20 }),
    });
    const settings = fc.record({ 'response-due': stageSettings, 'chief-officer-comments': stageSettings, 'recommendation-target': stageSettings });
    const targets = fc.array(fc.integer({ min: 1, max: 700 }), { maxLength: 4 });
    fc.assert(
      fc.property(publicationDate, settings, targets, fc.integer({ min: 1, max: 56 }), (publishedOn, reminderSettings, targetOffsets, coDay) => {
        const recommendations = targetOffsets.map((offset, index) => {
          const dueOn = addDays(publishedOn, offset);
          return {
            ref: String(index + 1),
            text: `By ${dueOn.slice(8)} ${monthName(dueOn)} ${dueOn.slice(0, 4)}, forces should act.`,
            targetDate: dueOn,
            addressees: ['forces'],
          };
        });
        const dates = obligationDates(publishedOn, recommendations, coDay);
        expect(dates.chiefOfficerCommentsDueOn <= dates.responseDueOn).toBe(true);
        const plan = planReminders(dates, reminderSettings, NO_PROGRESS, addDays(dates.responseDueOn, 800));
        for (const reminder of plan) {
          expect(isWorkingDay(reminder.sendOn)).toBe(true);
          expect(reminder.sendOn >= publishedOn).toBe(true);
          if (reminder.timing === 'overdue') expect(reminder.sendOn > reminder.dueOn).toBe(true);
          else expect(reminder.sendOn <= reminder.dueOn).toBe(true);
          if (reminder.dateKind !== 'recommendation-target' && reminder.sendOn > dates.responseDueOn) expect(reminder.timing).toBe('overdue');
        }
        const keys = plan.map((reminder) => `${reminder.dateKind}#${reminder.dueOn}#${reminder.stage}`);
        expect(new Set(keys).size).toBe(keys.length);
      }),
      { numRuns: 300 },
    );
  });

  it('plans nothing after the last day but overdue reminders, no stage twice, and sends only on working days', () => {
    fc.assert(
      fc.property(publicationDate, (publishedOn) => {
        const dates = obligationDates(publishedOn, []);
        const plan = planReminders(dates, DEFAULT_REMINDER_SETTINGS, NO_PROGRESS, addDays(dates.responseDueOn, 28));
        for (const reminder of plan) {
          expect(isWorkingDay(reminder.sendOn)).toBe(true);
          if (reminder.sendOn > dates.responseDueOn) expect(reminder.timing).toBe('overdue');
          if (reminder.timing !== 'overdue') expect(reminder.sendOn <= reminder.dueOn).toBe(true);
          expect(reminder.sendOn >= publishedOn).toBe(true);
        }
        const keys = plan.map((reminder) => `${reminder.dateKind}#${reminder.dueOn}#${reminder.stage}`);
        expect(new Set(keys).size).toBe(keys.length);
      }),
      { numRuns: 1000 },
    );
  });
});

function monthName(date: string): string {
  return new Date(`${date}T00:00:00Z`).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });
}
