/** Safety: escalation by severity, the diary rule, regions with their numbers, the support screen. */
export * from './diary.ts';
export * from './escalation.ts';
export * from './locale.ts';
export * from './now.ts';
export * from './professionals.ts';
export * from './regions.ts';
export * from './support.ts';
