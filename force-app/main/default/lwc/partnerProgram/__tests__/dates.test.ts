import { addDays, dateTimeMillis, daysBetween, isIsoDate } from '../dates';

// Date arithmetic behind the 90-day registration validity and certification expiry (DESIGN.md).
describe('calendar dates as Salesforce date fields hold them', () => {
  it.each([
    ['2026-02-28', true],
    ['2026-02-30', false],
    ['2026-2-3', false],
    ['', false]
  ])('%p is a date: %p', (value, ok) => expect(isIsoDate(value)).toBe(ok));

  it('adds days across months and leap years, and counts days between', () => {
    expect(addDays('2028-02-01', 90)).toBe('2028-05-01');
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(daysBetween('2026-11-23', '2026-12-03')).toBe(10);
    expect(daysBetween('2026-12-03', '2026-11-23')).toBe(-10);
  });

  it('refuses a malformed date rather than guessing', () => {
    expect(() => addDays('23/11/2026', 1)).toThrow(
      'expected a date as YYYY-MM-DD, got "23/11/2026"'
    );
  });

  it('reads Salesforce datetimes (+0000) and ISO ones alike; blank sorts last', () => {
    expect(dateTimeMillis('2026-10-05T09:00:00.000+0000')).toBe(Date.UTC(2026, 9, 5, 9));
    expect(dateTimeMillis('2026-10-05T11:00:00+02:00')).toBe(Date.UTC(2026, 9, 5, 9));
    expect(dateTimeMillis('2026-10-05')).toBe(Date.UTC(2026, 9, 5));
    expect(dateTimeMillis(null)).toBe(Number.POSITIVE_INFINITY);
  });
});
