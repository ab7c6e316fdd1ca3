/**
 * The support screen: why it is showing, the emergency number and crisis lines for the person's
 * region, and the kinds of professional help. `SupportGate` shows it *instead of* whatever it
 * wraps (a score, a reflection) until the person says they have read it — no score is ever drawn
 * before it. `DiarySupportPrompt` is the gentle, 7-day-dismissible prompt for the diary rule.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { Contact, Region } from '../../core/safety/regions.ts';
import type { SupportScreen as SupportData } from '../../core/safety/support.ts';
import { api } from '../api.ts';

const STATUS_KEY = ['safety', 'status'] as const;

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
            Text {contact.text}
          </a>
        )}
      </div>
      <p className="small muted">{contact.detail}</p>
      {contact.url && contact.dial && (
        <a href={contact.url} target="_blank" rel="noreferrer" className="small">
          {contact.url.replace(/^https:\/\/(www\.)?/, '').replace(/\/$/, '')}
        </a>
      )}
    </li>
  );
}

/** Crisis line(s) and the emergency number for one region. */
export function RegionNumbers({ region }: { region: Region }) {
  return (
    <div className="support-numbers" data-region={region.id}>
      <p className="small muted">
        Numbers for <strong>{region.name}</strong> · <Link to="/support#region">change region</Link>
      </p>
      <ul className="support-contacts">
        <ContactLine contact={region.emergency} primary />
        {region.crisisLines.map((c) => (
          <ContactLine key={c.name} contact={c} />
        ))}
      </ul>
    </div>
  );
}

export interface SupportScreenProps {
  support: SupportData;
  /** "I have read this": reveals what the screen was shown before. */
  onAcknowledge?: () => void;
  acknowledgeLabel?: string;
  /** Only for the diary prompt: put it away for 7 days. */
  onDismiss?: () => void;
  dismissing?: boolean;
}

export function SupportScreen({
  support,
  onAcknowledge,
  acknowledgeLabel,
  onDismiss,
  dismissing,
}: SupportScreenProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  // Move focus to the heading so a screen reader starts here, not at a score below.
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="support card" aria-labelledby="support-heading" data-testid="support-screen">
      <h2 id="support-heading" ref={heading} tabIndex={-1}>
        {support.heading}
      </h2>
      {support.triggers.map((t) => (
        <p key={t.code} className="support-reason">
          {t.message}
        </p>
      ))}
      <p>{support.intro}</p>
      <RegionNumbers region={support.region} />
      <h3 className="support-subhead">People who can help</h3>
      <ul className="support-professionals">
        {support.professionals.map((p) => (
          <li key={p.id}>
            <Link to={`/learn/${p.id}`}>{p.name}</Link>
            <span className="small muted"> — {p.description}</span>
          </li>
        ))}
      </ul>
      <p className="small muted">
        Gutbrain does not diagnose. A professional who talks with you can look at the whole picture.
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
  const line = support.region.crisisLines[0];
  return (
    <aside className="support-reminder" aria-label="Support" data-testid="support-reminder">
      <strong>Support is here any time.</strong> Emergency: {support.region.emergency.number}
      {line ? ` · ${line.name}: ${line.number}` : ''} · <Link to="/support">more ways to get help</Link>
    </aside>
  );
}

/**
 * Shows the support screen instead of `children` while a trigger stands and the person has not yet
 * acknowledged it. There is no prop that skips it.
 */
export function SupportGate({
  support,
  children,
  acknowledgeLabel,
}: {
  support: SupportData | null;
  children: ReactNode;
  acknowledgeLabel?: string;
}) {
  const [acknowledged, setAcknowledged] = useState(false);
  if (support && !acknowledged) {
    return (
      <SupportScreen
        support={support}
        onAcknowledge={() => setAcknowledged(true)}
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

/** The diary prompt (mood ≤ 3 on 10 of the last 14 logged days), for the app shell or a page. */
export function DiarySupportPrompt() {
  const qc = useQueryClient();
  const status = useQuery({
    queryKey: STATUS_KEY,
    queryFn: () => api.get<{ support: SupportData | null }>('/api/safety/status'),
  });
  const dismiss = useMutation({
    mutationFn: () => api.send('POST', '/api/safety/dismissals', { kind: 'low_mood_pattern' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: STATUS_KEY }),
  });
  const support = status.data?.support;
  if (!support) return null;
  return (
    <SupportScreen support={support} onDismiss={() => dismiss.mutate()} dismissing={dismiss.isPending} />
  );
}
