/** Screeners: the validated questionnaires, their scoring, the signals check and the safety rules. */
export * from './instruments.ts';
export * from './reflection.ts';
export * from './reminders.ts';
export * from './scoring.ts';
export * from './signals.ts';
