/**
 * Settings → support region: which crisis line and emergency number the support screen shows.
 * "From this browser" clears the setting so the browser's languages decide again.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RegionId } from '../../core/safety/regions.ts';
import {
  type Region,
  safetyKeys,
  safetyRegionsQuery,
  safetyStatusQuery,
  saveRegion,
} from '../safety/queries.ts';
import { Notice } from './States.tsx';

/**
 * The regions and their numbers (public), the person's current region (when signed in), and saving
 * a choice (`null` = let the browser's languages decide). Settings and Get help now both use it.
 */
export function useSafetyRegion(signedIn = true) {
  const qc = useQueryClient();
  const regions = useQuery(safetyRegionsQuery());
  const status = useQuery({ ...safetyStatusQuery(), enabled: signedIn });
  const save = useMutation({
    mutationFn: (region: RegionId | null) => saveRegion(region),
    onSuccess: () => qc.invalidateQueries({ queryKey: safetyKeys.all }),
  });
  return { regions, status, save };
}

/** Countries by name, "Another country" last. */
export function regionsByName(regions: readonly Region[]): Region[] {
  return [...regions].sort((a, b) =>
    a.id === 'INTL' ? 1 : b.id === 'INTL' ? -1 : a.name.localeCompare(b.name, 'en'),
  );
}

/** The country picker used on the support screens, Get help now and at sign-up. */
export function RegionPicker({
  regions,
  value,
  onChange,
  label,
  id = 'region-picker',
}: {
  regions: readonly Region[];
  value: RegionId;
  onChange: (id: RegionId) => void;
  label: string;
  id?: string;
}) {
  return (
    <div className="field region-picker">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {regionsByName(regions).map((r) => (
          <option key={r.id} value={r.id}>
            {r.name}
          </option>
        ))}
      </select>
    </div>
  );
}

export function RegionSetting() {
  const { regions, status, save } = useSafetyRegion();
  const current = status.data?.region.source === 'settings' ? status.data.region.id : '';
  const localeName = regions.data?.regions.find((r) => r.id === regions.data?.localeRegion)?.name;
  return (
    <section className="card form" aria-labelledby="region-setting">
      <h2 id="region-setting" className="card-title">
        Your country (for the support screen)
      </h2>
      <p className="muted small">
        The support screen shows this country’s emergency number and crisis lines. It can never be switched
        off. “Automatic” goes by this browser’s language settings.
      </p>
      <label className="field">
        <span>Country</span>
        <select
          value={current}
          disabled={!regions.data || !status.data || save.isPending}
          onChange={(e) => save.mutate((e.target.value || null) as RegionId | null)}
        >
          {/* Short enough for a phone-width select; the note below says where "automatic" comes from. */}
          <option value="">Automatic{localeName ? ` (${localeName})` : ''}</option>
          {regionsByName(regions.data?.regions ?? []).map((r) => (
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
