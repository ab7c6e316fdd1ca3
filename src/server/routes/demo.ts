/** "Try it with sample data": the route table for src/contract/demo.ts. */
import { loadDemo } from '../../contract/demo.ts';
import { type Route, route } from '../route-table.ts';
import { loadSampleData } from '../services/demo.ts';

export const demoRoutes: Route[] = [route(loadDemo, async ({ ctx, actor }) => loadSampleData(ctx, actor))];
