/** Cited recommendations: import from here. */
export * from './recommend.ts';
export * from './rules.ts';
export * from './state.ts';
