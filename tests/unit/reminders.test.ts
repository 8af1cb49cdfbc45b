import { describe, expect, it } from 'vitest';
import { decideReminder, planResponseReminders } from '../../shared/reminders';

const plan = planResponseReminders('2024-05-01');

describe('reminder plan for the response’s last day', () => {
  it('plans 14, 7 and 1 days before, on the day, and the day after', () => {
    expect(plan.map(({ stage, sendOn }) => [stage, sendOn])).toEqual([
      ['due-in-14-days', '2024-04-17'],
      ['due-in-7-days', '2024-04-24'],
      ['due-in-1-day', '2024-04-30'],
      ['due-today', '2024-05-01'],
      ['overdue', '2024-05-02'],
    ]);
    expect(plan.every((reminder) => reminder.dueOn === '2024-05-01' && reminder.dateKind === 'response-due')).toBe(true);
  });
});

describe('deciding what to send today', () => {
  it('sends the stage planned for today and points at the next', () => {
    expect(decideReminder(plan, '2024-04-17', '2024-04-17')).toEqual({ send: plan[0], nextReminderOn: '2024-04-24' });
  });

  it('sends nothing before the first stage', () => {
    expect(decideReminder(plan, '2024-04-17', '2024-04-16')).toEqual({ send: null, nextReminderOn: '2024-04-17' });
  });

  it('after missed days, sends only the latest stage that has come due', () => {
    expect(decideReminder(plan, '2024-04-17', '2024-04-30')).toEqual({ send: plan[2], nextReminderOn: '2024-05-01' });
  });

  it('never goes back to a stage already handled', () => {
    expect(decideReminder(plan, '2024-04-24', '2024-04-23').send).toBeNull();
  });

  it('finishes the plan after the overdue reminder', () => {
    expect(decideReminder(plan, '2024-05-02', '2026-11-26')).toEqual({ send: plan[4], nextReminderOn: null });
  });
});
