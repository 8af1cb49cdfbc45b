import bankHolidays from './bank-holidays-england-and-wales.json';
import { addDays, type CalendarDate } from './calendar-date';

/** Reminders planned for a day outside the bank holiday data cannot be moved safely; say so rather than guess. */
export class BankHolidayDataError extends Error {
  constructor(readonly date: CalendarDate) {
    super(
      `No bank holiday data for ${date}: the data covers ${bankHolidays.coversFrom} to ${bankHolidays.coversThrough}. ` +
        'Update date-holidays and run "npx tsx scripts/generate-bank-holidays.ts".',
    );
    this.name = 'BankHolidayDataError';
  }
}

const BANK_HOLIDAYS: ReadonlySet<string> = new Set(bankHolidays.dates);

/** The last day the bank holiday data knows about; a test fails well before the clock reaches it. */
export const BANK_HOLIDAYS_COVER_THROUGH: CalendarDate = bankHolidays.coversThrough;

/** Whether reminders about this date can be planned: the data knows its bank holidays. */
export function withinBankHolidayData(date: CalendarDate): boolean {
  return date >= bankHolidays.coversFrom && date <= bankHolidays.coversThrough;
}

export function isBankHoliday(date: CalendarDate): boolean {
  if (!withinBankHolidayData(date)) throw new BankHolidayDataError(date);
  return BANK_HOLIDAYS.has(date);
}

/** A day an office in England or Wales is open: Monday to Friday, not a bank holiday. */
export function isWorkingDay(date: CalendarDate): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !isBankHoliday(date);
}

/** The date itself if it is a working day, else the nearest working day before it. */
export function workingDayOnOrBefore(date: CalendarDate): CalendarDate {
  let day = date;
  while (!isWorkingDay(day)) day = addDays(day, -1);
  return day;
}

/** The date itself if it is a working day, else the nearest working day after it. */
export function workingDayOnOrAfter(date: CalendarDate): CalendarDate {
  let day = date;
  while (!isWorkingDay(day)) day = addDays(day, 1);
  return day;
}
