/**
 * The support screens. `SupportScreen` draws one of three kinds (core/safety/support.ts): the
 * crisis screen (numbers first), the calm "talk to a professional" screen (a GP or mental-health
 * professional first, numbers below) and the diary prompt. `SupportGate` shows it *instead of*
 * whatever it wraps (a score, a reflection) until the person says they have read it — no score is
 * ever drawn before it. While any support screen is on the page, the app shell draws nothing above
 * it (no reminder, program nudge or tour): see `useSupportShowing`.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { Link } from 'react-router';
import type { Contact } from '../../core/safety/regions.ts';
import './support-screen.css';
import {
  dismissDiaryPrompt,
  type Region,
  type SupportScreen as SupportData,
  safetyKeys,
  safetyStatusQuery,
} from '../safety/queries.ts';
import { RegionPicker, useSafetyRegion } from './RegionSetting.tsx';

interface Showing {
  /** Support screens on the page, the shell's diary prompt included. */
  any: number;
  /** Support screens drawn by the page itself (a result, the Checks overview). */
  page: number;
}

/** How many support screens are on the page now, so the shell can keep everything else below them. */
const SupportShowing = createContext<{ showing: Showing; add: (inShell: boolean) => () => void }>({
  showing: { any: 0, page: 0 },
  add: () => () => undefined,
});

export function SupportShowingProvider({ children }: { children: ReactNode }) {
  const [showing, setShowing] = useState<Showing>({ any: 0, page: 0 });
  const add = useCallback((inShell: boolean) => {
    const step = (d: number) => (s: Showing) => ({ any: s.any + d, page: s.page + (inShell ? 0 : d) });
    setShowing(step(1));
    return () => setShowing(step(-1));
  }, []);
  const value = useMemo(() => ({ showing, add }), [showing, add]);
  return <SupportShowing.Provider value={value}>{children}</SupportShowing.Provider>;
}

/** Whether a support screen is drawn anywhere on the page, and whether the page itself draws one. */
export function useSupportShowing(): { any: boolean; page: boolean } {
  const { showing } = useContext(SupportShowing);
  return { any: showing.any > 0, page: showing.page > 0 };
}

/** Marks the calling component as a support screen while it is mounted (pages' own support cards too). */
export function useMarkSupportShowing(inShell: boolean) {
  const { add } = useContext(SupportShowing);
  useEffect(() => add(inShell), [add, inShell]);
}

function ContactLine({ contact, primary }: { contact: Contact; primary?: boolean }) {
  return (
    <li className={`support-contact${primary ? ' support-contact-primary' : ''}`}>
      <div className="support-contact-name">{contact.name}</div>
      <div className="support-contact-number">
        {contact.dial ? (
          <a href={`tel:${contact.dial}`} className={primary ? 'button danger' : 'button'}>
            {contact.number}
          </a>
        ) : contact.url ? (
          <a href={contact.url} target="_blank" rel="noreferrer" className="button">
            {contact.number}
          </a>
        ) : (
          <strong>{contact.number}</strong>
        )}
        {contact.text && (
          <a href={`sms:${contact.text}`} className="button secondary">
            Text {contact.textLabel ?? contact.text}
          </a>
        )}
      </div>
      <p className="small muted">
        {contact.hours}. {contact.detail}
      </p>
      {contact.url && contact.dial && (
        <a href={contact.url} target="_blank" rel="noreferrer" className="small">
          {contact.url.replace(/^https:\/\/(www\.)?/, '').replace(/\/$/, '')}
        </a>
      )}
    </li>
  );
}

/** The emergency number first, then the crisis lines (or, on the fallback, the directories). */
export function RegionContacts({ region }: { region: Region }) {
  return (
    <>
      <p className="small muted">
        Numbers for <strong>{region.name}</strong>
        {region.fallback && region.id !== 'INTL'
          ? ' — we could not confirm a national crisis line here yet, so the directories below list the lines that exist.'
          : ''}
      </p>
      <ul className="support-contacts">
        <ContactLine contact={region.emergency} primary />
        {region.crisisLines.map((c) => (
          <ContactLine key={c.name} contact={c} />
        ))}
      </ul>
    </>
  );
}

/**
 * Crisis line(s) and the emergency number for a region, with the region picker on the screen
 * itself. When the region is not known ("another country"), the picker comes first, then 112 and
 * the international directories.
 */
export function RegionNumbers({ region, signedIn = true }: { region: Region; signedIn?: boolean }) {
  const { regions, save } = useSafetyRegion(signedIn);
  const [chosen, setChosen] = useState<string | null>(null);
  const shown = (chosen && regions.data?.regions.find((r) => r.id === chosen)) || region;
  const unknown = shown.id === 'INTL';
  const choose = (id: string) => {
    setChosen(id);
    if (signedIn) save.mutate(id);
  };
  const picker = regions.data && (
    <RegionPicker
      regions={regions.data.regions}
      value={shown.id}
      onChange={choose}
      label={unknown ? 'Which country are you in? Pick it to see its crisis line' : 'Show numbers for'}
    />
  );
  return (
    <div className="support-numbers" data-region={shown.id}>
      {unknown && picker}
      <RegionContacts region={shown} />
      {!unknown && picker}
      {save.isError && (
        <p className="small">Could not save the country. The numbers above are still right for it.</p>
      )}
    </div>
  );
}

function Professionals({ support }: { support: SupportData }) {
  return (
    <>
      <h3 className="support-subhead">People who can help</h3>
      <ul className="support-professionals">
        {support.professionals.map((p) => (
          <li key={p.id}>
            <Link to={`/learn/${p.id}`}>{p.name}</Link>
            <span className="small muted"> — {p.description}</span>
          </li>
        ))}
      </ul>
    </>
  );
}

export interface SupportScreenProps {
  support: SupportData;
  /** "I have read this": reveals what the screen was shown before. */
  onAcknowledge?: () => void;
  acknowledgeLabel?: string;
  /** Only for the diary prompt, once per episode: put it away for 7 days. */
  onDismiss?: () => void;
  dismissing?: boolean;
  /** Drawn by the app shell (the diary prompt) rather than by the page. */
  inShell?: boolean;
}

export function SupportScreen({
  support,
  onAcknowledge,
  acknowledgeLabel,
  onDismiss,
  dismissing,
  inShell = false,
}: SupportScreenProps) {
  useMarkSupportShowing(inShell);
  const heading = useRef<HTMLHeadingElement>(null);
  // Move focus to the heading so a screen reader starts here, not at a score below.
  useEffect(() => heading.current?.focus(), []);
  const professionalFirst = support.kind === 'professional';
  return (
    <section
      className={`support card support-${support.kind}`}
      aria-labelledby="support-heading"
      data-testid="support-screen"
      data-kind={support.kind}
    >
      <h2 id="support-heading" ref={heading} tabIndex={-1}>
        {support.heading}
      </h2>
      {support.triggers.map((t) => (
        <p key={t.code} className="support-reason">
          {t.message}
        </p>
      ))}
      <p>{support.intro}</p>
      {professionalFirst ? (
        <>
          {support.firstStep && <p className="support-first-step">{support.firstStep}</p>}
          <Professionals support={support} />
          <h3 className="support-subhead">If you need someone now</h3>
          <RegionNumbers region={support.region} />
        </>
      ) : (
        <>
          <RegionNumbers region={support.region} />
          <Professionals support={support} />
        </>
      )}
      <p className="small muted">
        Gutbrain does not diagnose. A professional who talks with you can look at the whole picture.{' '}
        <Link to="/learn/when_gutbrain_suggests_help">Why am I seeing this?</Link>
      </p>
      {(onAcknowledge || onDismiss) && (
        <div className="support-actions">
          {onAcknowledge && (
            <button type="button" className="button secondary" onClick={onAcknowledge}>
              {acknowledgeLabel ?? 'I’ve read this — continue'}
            </button>
          )}
          {onDismiss && (
            <button type="button" className="button secondary" onClick={onDismiss} disabled={dismissing}>
              Not now — remind me in 7 days
            </button>
          )}
        </div>
      )}
    </section>
  );
}

/** A short reminder of the way to help, kept above a result once the screen was acknowledged. */
export function SupportReminder({ support }: { support: SupportData }) {
  // A result that carries a trigger keeps the shell's banners away even after its screen was read.
  useMarkSupportShowing(false);
  const line = support.region.crisisLines[0];
  return (
    <aside className="support-reminder" aria-label="Support" data-testid="support-reminder">
      <strong>
        {support.kind === 'professional'
          ? 'Please talk to a GP or a mental-health professional.'
          : 'Support is here any time.'}
      </strong>{' '}
      Emergency: {support.region.emergency.number}
      {line ? ` · ${line.name}: ${line.number}` : ''} · <Link to="/support">more ways to get help</Link>
    </aside>
  );
}

/**
 * Shows the support screen instead of `children` while a trigger stands and the person has not yet
 * acknowledged it — each time the result is opened. There is no prop that skips it. `onRead` is
 * told when the person acknowledges (a professional screen then stops holding suggestions back).
 */
export function SupportGate({
  support,
  children,
  acknowledgeLabel,
  onRead,
}: {
  support: SupportData | null;
  children: ReactNode;
  acknowledgeLabel?: string;
  onRead?: () => void;
}) {
  const [acknowledged, setAcknowledged] = useState(false);
  if (support && !acknowledged) {
    return (
      <SupportScreen
        support={support}
        onAcknowledge={() => {
          setAcknowledged(true);
          onRead?.();
        }}
        acknowledgeLabel={acknowledgeLabel}
      />
    );
  }
  return (
    <>
      {support && <SupportReminder support={support} />}
      {children}
    </>
  );
}

/**
 * The diary prompt (core/safety/diary.ts), for the app shell. It can be put away once per episode
 * for 7 days; after that it can only be acknowledged for this visit, and returns on the next while
 * the pattern lasts.
 */
export function DiarySupportPrompt() {
  const qc = useQueryClient();
  const [readThisVisit, setReadThisVisit] = useState(false);
  const status = useQuery(safetyStatusQuery());
  const dismiss = useMutation({
    mutationFn: dismissDiaryPrompt,
    onSettled: () => qc.invalidateQueries({ queryKey: safetyKeys.status }),
  });
  const support = status.data?.support;
  if (!support || readThisVisit) return null;
  return (
    <SupportScreen
      support={support}
      onDismiss={support.dismissible ? () => dismiss.mutate() : undefined}
      dismissing={dismiss.isPending}
      onAcknowledge={support.dismissible ? undefined : () => setReadThisVisit(true)}
      acknowledgeLabel="I’ve read this"
      inShell
    />
  );
}
