/**
 * The check-in's limits and scales that the browser needs without the form's zod schema
 * (checkin.ts re-exports them), so a page that only shows the form (Today) does not load zod.
 */

/** The longest note a check-in keeps. */
export const NOTE_MAX = 2000;

/** The Bristol stool form scale (Lewis & Heaton 1997, doi:10.3109/00365529709011203). */
export const BRISTOL_TYPES = [
  { type: 1, name: 'Separate hard lumps', description: 'Separate hard lumps, like nuts (hard to pass)' },
  { type: 2, name: 'Lumpy sausage', description: 'Sausage-shaped but lumpy' },
  { type: 3, name: 'Cracked sausage', description: 'Like a sausage but with cracks on its surface' },
  { type: 4, name: 'Smooth snake', description: 'Like a sausage or snake, smooth and soft' },
  { type: 5, name: 'Soft blobs', description: 'Soft blobs with clear-cut edges (passed easily)' },
  { type: 6, name: 'Mushy', description: 'Fluffy pieces with ragged edges, a mushy stool' },
  { type: 7, name: 'Watery', description: 'Watery, no solid pieces, entirely liquid' },
] as const;
