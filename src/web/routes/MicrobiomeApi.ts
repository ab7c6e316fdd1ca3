/**
 * The microbiome API's answers as the web app sees them, and the file upload (raw bytes, not JSON,
 * so the server can stream large reports through its parser).
 */
import type { SampleAnalysis, SampleChange } from '../../core/microbiome/analysis.ts';
import type { TaxonEvidence } from '../../core/microbiome/evidence.ts';
import type { ModuleResult } from '../../core/microbiome/modules.ts';
import { ApiError, api } from '../api.ts';

export interface SampleSummary {
  id: string;
  date: string;
  label: string;
  format: string | null;
  formatLabel: string | null;
  rank: string | null;
  hasProfile: boolean;
  hasModules: boolean;
  shannonNats: number | null;
  observed: number | null;
  topTaxon: { name: string; share: number } | null;
}

export interface SampleView {
  sample: SampleSummary & {
    analysis: SampleAnalysis | null;
    moduleFormat: string | null;
    modules: ModuleResult[] | null;
  };
  previous: { id: string; date: string } | null;
  change: SampleChange | null;
  evidence: Record<string, TaxonEvidence>;
}

export const KEYS = {
  list: ['microbiome', 'samples'] as const,
  sample: (id: string) => ['microbiome', 'sample', id] as const,
};

/** Sends a file as the raw request body with the session's CSRF token. */
export async function sendFile<T>(method: 'POST' | 'PUT', path: string, file: Blob): Promise<T> {
  const { csrfToken } = await api.get<{ csrfToken?: string }>('/api/auth/session');
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      body: file,
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        'content-type': 'application/octet-stream',
        ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}),
      },
    });
  } catch {
    throw new ApiError(0, 'offline', 'Could not reach Gutbrain. Check your connection and try again.');
  }
  const json = (await res.json().catch(() => undefined)) as
    | (T & { error?: { code: string; message: string; field?: string; choices?: readonly string[] } })
    | undefined;
  if (!res.ok) {
    const e = json?.error;
    throw new ApiError(
      res.status,
      e?.code ?? 'http_error',
      e?.message ?? `Upload failed (${res.status}).`,
      e?.field,
      e?.choices,
    );
  }
  return json as T;
}

export const percent = (share: number) => `${(share * 100).toFixed(share > 0 && share < 0.001 ? 3 : 1)}%`;
