/** Clinics: reliable change, response and remission, schedules, safety events and the caseload's order of need. */
export * from './need.ts';
export * from './outcomes.ts';
export * from './reliable-change.ts';
export * from './safety-events.ts';
export * from './schedule.ts';
