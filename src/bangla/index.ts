// Public surface of the Bangla language module: pure functions, no I/O, no project imports.
export * from './digits.ts';
export * from './civil-date.ts';
export * from './zoned-date.ts';
export * from './date-format.ts';
export * from './bangla-calendar.ts';
export * from './hijri.ts';
export * from './three-calendars.ts';
export * from './relative-time.ts';
export * from './grapheme-clusters.ts';
export * from './truncate.ts';
export * from './genitive.ts';
export * from './collate.ts';
