/**
 * Get help now: the emergency number and crisis lines for the person's country, the picker to
 * change it, and the kinds of professional help. Open to anyone, signed in or not. When the
 * country is not known, the picker comes first, then 112 and the international directories.
 * Nothing is drawn above it (see Layout).
 */
import { useState } from 'react';
import { Link } from 'react-router';
import { regionFromLocales } from '../../core/safety/locale.ts';
import type { RegionId } from '../../core/safety/regions.ts';
import { RegionPicker, useSafetyRegion } from '../components/RegionSetting.tsx';
import { ErrorState, Loading, Notice } from '../components/States.tsx';
import { RegionContacts } from '../components/SupportScreen.tsx';
import { useSession } from '../session.tsx';
import '../components/support-screen.css';

export default function Support() {
  const { person } = useSession();
  const { regions, status, save } = useSafetyRegion(Boolean(person));
  const [chosen, setChosen] = useState<RegionId | null>(null);

  if (regions.isPending) return <Loading />;
  if (regions.error) return <ErrorState error={regions.error} onRetry={() => regions.refetch()} />;
  const browserRegion = regionFromLocales(typeof navigator === 'undefined' ? [] : navigator.languages);
  const regionId: RegionId = chosen ?? status.data?.region.id ?? browserRegion;
  const region = regions.data.regions.find((r) => r.id === regionId) ?? regions.data.regions.at(-1);
  const fromSettings = !chosen && status.data?.region.source === 'settings';
  const unknown = region?.id === 'INTL';

  function choose(id: RegionId) {
    setChosen(id);
    if (person) save.mutate(id);
  }

  const picker = (
    <section className="card" id="region" aria-labelledby="region-heading">
      <h2 id="region-heading" className="card-title">
        {unknown ? 'Which country are you in?' : 'Your country'}
      </h2>
      <RegionPicker
        id="region-select"
        regions={regions.data.regions}
        value={regionId}
        onChange={choose}
        label="Show numbers for"
      />
      <p className="small muted">
        {person && (fromSettings || chosen)
          ? 'Saved in your settings.'
          : person
            ? 'Chosen from your browser’s language settings. Pick one to save it.'
            : 'Chosen from your browser’s language settings.'}
      </p>
      {save.isSuccess && <Notice kind="success">Country saved.</Notice>}
      {save.error && <Notice kind="error">{save.error.message}</Notice>}
      {region && (
        <p className="small muted support-sources">
          Numbers checked {region.reviewed} against:{' '}
          {region.sources.map((s, i) => (
            <span key={s}>
              {i > 0 && ', '}
              <a href={s} target="_blank" rel="noreferrer">
                {sourceName(s)}
              </a>
            </span>
          ))}
        </p>
      )}
    </section>
  );

  return (
    <div className="support-page">
      <header className="page-head">
        <div>
          <p className="eyebrow">Support</p>
          <h1>Get help now</h1>
        </div>
      </header>
      <p>
        If you are in danger or might act on thoughts of harming yourself, call the emergency number now. If
        you need to talk, a crisis line is free, confidential and there any time.
      </p>
      {unknown && picker}
      {region && (
        <section className="card support" aria-label="Numbers" data-region={region.id}>
          <RegionContacts region={region} />
        </section>
      )}
      {!unknown && picker}
      <section className="card" aria-labelledby="help-heading">
        <h2 id="help-heading" className="card-title">
          People who can help
        </h2>
        <ul className="support-professionals">
          {regions.data.professionals.map((p) => (
            <li key={p.id}>
              <Link to={`/learn/${p.id}`}>{p.name}</Link>
              <span className="small muted"> — {p.description}</span>
            </li>
          ))}
        </ul>
        <p className="small">
          <Link to="/learn/when_gutbrain_suggests_help">
            When Gutbrain suggests professional help, and why
          </Link>
        </p>
      </section>
    </div>
  );
}

/** A source address as a short name a person can read (its site), the full address in the link. */
function sourceName(address: string): string {
  try {
    return new URL(address).hostname.replace(/^www\./, '');
  } catch {
    return address.slice(0, 60);
  }
}
