import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween, endOfMonth, formatLongDate, isCalendarDate, londonDateAt, parseCalendarDate } from '../../shared/calendar-date';
import { chiefOfficerCommentsDueOn, recommendationTarget, statutoryLastDay } from '../../shared/deadlines';
import { extractFromText } from '../../shared/extraction';
import { BANK_HOLIDAYS_COVER_THROUGH, BankHolidayDataError, isBankHoliday, isWorkingDay, workingDayOnOrBefore } from '../../shared/working-days';

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

  it.each([
    ['2024-07-01T23:30:00Z', '2024-07-02'], // BST: already tomorrow in London
    ['2024-01-15T23:30:00Z', '2024-01-15'], // GMT: still today
    ['2024-04-17T09:00:00+01:00', '2024-04-17'],
    ['2024-03-31T00:59:59Z', '2024-03-31'], // clocks go forward at 01:00 UTC on 31 March 2024
    ['2024-03-30T23:59:59Z', '2024-03-30'],
    ['2024-10-26T23:30:00Z', '2024-10-27'], // still BST until 01:00 UTC on 27 October
    ['2024-10-27T23:30:00Z', '2024-10-27'], // GMT again
    ['2023-12-31T23:59:59Z', '2023-12-31'],
  ])('at %s it is %s in London', (moment, date) => {
    expect(londonDateAt(new Date(moment))).toBe(date);
  });

  it('adds calendar months, keeping to the end of a shorter month', () => {
    expect(addMonths('2024-03-07', 6)).toBe('2024-09-07');
    expect(addMonths('2023-08-31', 6)).toBe('2024-02-29');
    expect(addMonths('2022-08-31', 6)).toBe('2023-02-28');
    expect(addMonths('2024-11-30', 3)).toBe('2025-02-28');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
  });

  it('writes dates the way a UK office reads them', () => {
    expect(formatLongDate('2024-05-01')).toBe('Wednesday 1 May 2024');
  });
});

describe('the chief officer’s comment date (s55(4))', () => {
  it('is day 28 of the period by default, the day the body sets otherwise, and never after the last day', () => {
    expect(chiefOfficerCommentsDueOn('2024-03-07')).toBe('2024-04-03');
    expect(chiefOfficerCommentsDueOn('2024-03-07', 21)).toBe('2024-03-27');
    expect(chiefOfficerCommentsDueOn('2024-03-07', 90)).toBe(statutoryLastDay('2024-03-07'));
  });
});

describe('recommendation target dates', () => {
  const target = (text: string, publishedOn = '2024-03-07') => recommendationTarget({ ref: '1', text, targetDate: null, addressees: [] }, 0, publishedOn);

  it.each([
    ['By March 2023, forces should act.', 'By March 2023', '2023-03-31', false],
    ['By 31 October 2024, forces should act.', 'By 31 October 2024', '2024-10-31', false],
    ['Not later than 31 March 2015 those forces should act.', 'Not later than 31 March 2015', '2015-03-31', false],
    ['By the end of 2024, chief constables should act.', 'By the end of 2024', '2024-12-31', false],
    ['Within six months the force should act.', 'Within six months', '2024-09-07', false],
    ['Within 3 months, the force should act.', 'Within 3 months', '2024-06-07', false],
    ['Within 12 months of publication, forces should act.', 'Within 12 months', '2025-03-07', false],
    ['HMIC recommends that the force should immediately: act.', 'immediately', '2024-03-07', true],
    ['With immediate effect, all forces should act.', 'With immediate effect', '2024-03-07', true],
    ['The force should review its approach.', null, null, false],
  ])('%s → %s, %s', (text, phrase, dueOn, immediate) => {
    expect(target(text)).toEqual({ key: '1', phrase, dueOn, immediate });
  });

  it('keeps a relative target to the end of a shorter month', () => {
    expect(target('Within six months the force should act.', '2023-08-31').dueOn).toBe('2024-02-29');
  });
});

describe('working days in England and Wales', () => {
  it('knows the bank holidays, substitutes and one-off days', () => {
    expect(isBankHoliday('2022-12-27')).toBe(true); // Christmas Day substitute
    expect(isBankHoliday('2023-05-08')).toBe(true); // the coronation
    expect(isBankHoliday('2022-09-19')).toBe(true); // the Queen's funeral
    expect(isBankHoliday('2012-06-04')).toBe(true); // the spring holiday moved for the jubilee
    expect(isBankHoliday('2012-05-28')).toBe(false);
    expect(isWorkingDay('2024-05-01')).toBe(true);
    expect(isWorkingDay('2024-05-04')).toBe(false); // a Saturday
    expect(workingDayOnOrBefore('2024-04-01')).toBe('2024-03-28'); // Easter Monday, then Good Friday
  });

  it('refuses to guess outside its data, and its data runs well beyond the next two years', () => {
    expect(() => isWorkingDay('2101-01-03')).toThrow(BankHolidayDataError);
    const twoYearsAhead = new Date(Date.now() + 2 * 366 * 86_400_000).toISOString().slice(0, 10);
    // Fails two years before the data runs out: regenerate it with scripts/generate-bank-holidays.ts.
    expect(BANK_HOLIDAYS_COVER_THROUGH > twoYearsAhead).toBe(true);
  });
});

describe('relative targets in what extract prints', () => {
  it('are dated from the publication date the document states', () => {
    const result = extractFromText(
      [
        'PEEL spotlight: An inspection of Kent Police',
        'Published on: 7 March 2024',
        '',
        'Recommendations',
        '',
        'Recommendation 1',
        'Within six months, the force should review how it supervises investigations.',
        '',
        'Recommendation 2',
        'With immediate effect, the force should stop the practice.',
        '',
        'Recommendation 3',
        'By the end of 2024, the force should publish its plan.',
      ].join('\n'),
    );
    expect(result.publishedOn).toBe('2024-03-07');
    expect(result.recommendations.map(({ targetDate, targetPhrase }) => [targetPhrase, targetDate])).toEqual([
      ['Within six months', '2024-09-07'],
      ['With immediate effect', '2024-03-07'],
      ['By the end of 2024', '2024-12-31'],
    ]);
  });

  it('stay undated when the document states no publication date', () => {
    const [recommendation] = extractFromText('An inspection of Kent Police\n\nRecommendation 1\nWithin six months, the force should act.').recommendations;
    expect(recommendation).toMatchObject({ targetDate: null, targetRelative: 'within six months' });
  });
});
