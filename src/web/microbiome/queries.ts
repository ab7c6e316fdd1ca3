/**
 * Microbiome's queries and uploads, typed by src/contract/microbiome.ts (imported as types only, so
 * no zod reaches the page). Reports go as the raw request body: the server streams them to a worker.
 */
import { queryOptions } from '@tanstack/react-query';
import type { OutputOf } from '../../contract/endpoint.ts';
import type {
  getSample,
  getSamples,
  postSample,
  postTaxonomy,
  putModuleDefinitions,
} from '../../contract/microbiome.ts';
import type { Rank } from '../../core/microbiome/types.ts';
import { callApi, uploadFile } from '../api.ts';

export type SampleView = OutputOf<typeof getSample>;
export type SampleAnalysis = NonNullable<SampleView['sample']['analysis']>;
export type SampleChange = NonNullable<SampleView['change']>;

/** Every microbiome query starts with this key, so one upload or delete refreshes them all. */
export const MICROBIOME = ['microbiome'] as const;

export const samplesQuery = () =>
  queryOptions({
    queryKey: [...MICROBIOME, 'samples'],
    queryFn: () => callApi<typeof getSamples>('GET /api/microbiome/samples', {}),
  });

export const sampleQuery = (id: string) =>
  queryOptions({
    queryKey: [...MICROBIOME, 'sample', id],
    queryFn: () => callApi<typeof getSample>('GET /api/microbiome/samples/:id', { params: { id } }),
  });

export interface SampleUpload {
  report: File;
  date: string;
  rank: Rank;
  sample?: string;
  taxonomy?: File;
  modules?: File;
}

/** Module definitions and a taxonomy first (when given), then the report that uses them. */
export async function uploadSample(u: SampleUpload): Promise<SampleView> {
  if (u.modules)
    await uploadFile<typeof putModuleDefinitions>('PUT /api/microbiome/module-definitions', {}, u.modules);
  const taxonomy = u.taxonomy
    ? (await uploadFile<typeof postTaxonomy>('POST /api/microbiome/taxonomies', {}, u.taxonomy)).id
    : undefined;
  return uploadFile<typeof postSample>(
    'POST /api/microbiome/samples',
    {
      query: {
        date: u.date,
        rank: u.rank,
        sample: u.sample,
        taxonomy,
      },
    },
    u.report,
  );
}
