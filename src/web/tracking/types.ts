/** Shapes of the habit answers, as the web app reads them (foods: tracking/queries.ts; programs: programs/queries.ts). */

import type { OutputOf } from '../../contract/endpoint.ts';
import type { getHabitDay } from '../../contract/habits.ts';

export type HabitDay = OutputOf<typeof getHabitDay>;

/** Query keys other pages invalidate after logging, so goals tick without a reload. */
export { GOAL_KEYS } from '../programs/queries.ts';
