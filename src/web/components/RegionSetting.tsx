/**
 * Settings → support region: which crisis line and emergency number the support screen shows.
 * "From this browser" clears the setting so the browser's languages decide again.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RegionId } from '../../core/safety/regions.ts';
import { api } from '../api.ts';
import { KEYS, type RegionsAnswer, type SafetyStatus } from '../routes/ChecksApi.ts';
import { Notice } from './States.tsx';

/**
 * The regions and their numbers (public), the person's current region (when signed in), and saving
 * a choice (`null` = let the browser's languages decide). Settings and Get help now both use it.
 */
export function useSafetyRegion(signedIn = true) {
  const qc = useQueryClient();
  const regions = useQuery({
    queryKey: KEYS.regions,
    queryFn: () => api.get<RegionsAnswer>('/api/safety/regions'),
  });
  const status = useQuery({
    queryKey: KEYS.status,
    queryFn: () => api.get<SafetyStatus>('/api/safety/status'),
    enabled: signedIn,
  });
  const save = useMutation({
    mutationFn: (region: RegionId | null) =>
      api.send<{ region: SafetyStatus['region'] }>('PUT', '/api/safety/region', { region }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['safety'] }),
  });
  return { regions, status, save };
}

export function RegionSetting() {
  const { regions, status, save } = useSafetyRegion();
  const current = status.data?.region.source === 'settings' ? status.data.region.id : '';
  return (
    <section className="card form" aria-labelledby="region-setting">
      <h2 id="region-setting" className="card-title">
        Support region
      </h2>
      <p className="muted small">
        The support screen shows this region’s emergency number and crisis lines. It can never be switched
        off.
      </p>
      <label className="field">
        <span>Region</span>
        <select
          value={current}
          disabled={!regions.data || !status.data || save.isPending}
          onChange={(e) => save.mutate((e.target.value || null) as RegionId | null)}
        >
          <option value="">From this browser’s language settings</option>
          {regions.data?.regions.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </select>
      </label>
      {save.isSuccess && <Notice kind="success">Saved.</Notice>}
      {save.isError && <Notice kind="error">Could not save the region. Try again.</Notice>}
    </section>
  );
}
