import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, endOfMonth, formatLongDate, isCalendarDate, londonDateAt, parseCalendarDate } from '../../shared/calendar-date';
import { statutoryLastDay } from '../../shared/deadlines';

describe('statutory last day (s55(5A): 56 days beginning with the day of publication)', () => {
  it.each([
    ['2022-12-01', '2023-01-25'],
    ['2023-07-07', '2023-08-31'],
    ['2022-11-02', '2022-12-27'], // a bank holiday, and still the last day
    ['2024-02-29', '2024-04-24'],
    ['2024-03-07', '2024-05-01'],
    ['2023-12-31', '2024-02-24'],
  ])('a report published %s must be answered by %s', (publishedOn, lastDay) => {
    expect(statutoryLastDay(publishedOn)).toBe(lastDay);
  });

  it('counts the publication day as day 1, so the last day is day 56', () => {
    const publishedOn = '2024-03-07';
    expect(daysBetween(publishedOn, statutoryLastDay(publishedOn)) + 1).toBe(56);
  });
});

describe('calendar dates', () => {
  it('knows real dates from look-alikes', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2024-13-01')).toBe(false);
    expect(isCalendarDate('7 March 2024')).toBe(false);
    expect(() => parseCalendarDate('2024-3-7')).toThrow(/YYYY-MM-DD/);
  });

  it('adds days across month, year and daylight-saving boundaries', () => {
    expect(addDays('2024-03-30', 1)).toBe('2024-03-31'); // clocks go forward on 31 March 2024
    expect(addDays('2024-10-26', 2)).toBe('2024-10-28'); // and back on 27 October 2024
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(endOfMonth(2023, 2)).toBe('2023-02-28');
    expect(endOfMonth(2024, 2)).toBe('2024-02-29');
  });

  it('takes today from London, not UTC', () => {
    expect(londonDateAt(new Date('2024-07-01T23:30:00Z'))).toBe('2024-07-02'); // BST: already tomorrow
    expect(londonDateAt(new Date('2024-01-15T23:30:00Z'))).toBe('2024-01-15'); // GMT: still today
    expect(londonDateAt(new Date('2024-04-17T09:00:00+01:00'))).toBe('2024-04-17');
  });

  it('writes dates the way a UK office reads them', () => {
    expect(formatLongDate('2024-05-01')).toBe('Wednesday 1 May 2024');
  });
});
