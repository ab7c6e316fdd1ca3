/** Safety data: regions with their crisis lines and emergency numbers, professionals, the support screen. */
export * from './locale.ts';
export * from './professionals.ts';
export * from './regions.ts';
export * from './support.ts';
