/**
 * The first-run tour: three short steps (the check-in, programs, the safety promise) in a card
 * under the header — not a modal, so nothing on the page is blocked. Skipping or finishing it is
 * remembered on this device for this person.
 */
import { useEffect, useRef, useState } from 'react';

const STEPS: { title: string; text: string }[] = [
  {
    title: 'A one-minute daily check-in',
    text: 'Once a day, note your mood, energy, sleep and gut. Every field is optional. Over time your check-ins show what tends to go with your better days.',
  },
  {
    title: 'Programs, one small step at a time',
    text: 'A program such as the 30-day gut–brain challenge turns everyday habits into goals you tick off. Start one when you are ready; pause or leave whenever you like.',
  },
  {
    title: 'Our safety promise',
    text: 'Gutbrain never diagnoses. If your answers suggest you are struggling, it shows where to get help at once: crisis lines for your region and the professionals who can help. No setting turns that off.',
  },
];

const storageKey = (personId: string) => `gutbrain.tour-done.${personId}`;

function readDone(personId: string): boolean {
  try {
    return localStorage.getItem(storageKey(personId)) !== null;
  } catch {
    return false;
  }
}

export function FirstRunTour({ personId }: { personId: string }) {
  const [done, setDone] = useState(() => readDone(personId));
  const [step, setStep] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the step changes
  useEffect(() => {
    // After Next/Back, move focus to the new step so a screen reader reads it.
    if (moved.current) heading.current?.focus();
  }, [step]);

  if (done) return null;
  const finish = () => {
    try {
      localStorage.setItem(storageKey(personId), new Date().toISOString());
    } catch {
      // Storage blocked: the tour closes for now and may come back next time.
    }
    setDone(true);
  };
  const go = (to: number) => {
    moved.current = true;
    setStep(to);
  };
  const current = STEPS[step] ?? STEPS[0]!;
  const last = step === STEPS.length - 1;

  return (
    <section className="tour" aria-labelledby="tour-title">
      <div className="tour-head">
        <h2 id="tour-title" className="tour-eyebrow">
          Welcome to Gutbrain
        </h2>
        <span className="tour-count">
          Step {step + 1} of {STEPS.length}
        </span>
      </div>
      <h3 className="tour-step-title" ref={heading} tabIndex={-1}>
        {current.title}
      </h3>
      <p className="tour-text">{current.text}</p>
      <ol className="tour-dots" aria-hidden="true">
        {STEPS.map((s, i) => (
          <li key={s.title} className={i === step ? 'current' : ''} />
        ))}
      </ol>
      <div className="tour-actions">
        <button type="button" className="button tour-skip" onClick={finish}>
          Skip tour
        </button>
        {step > 0 && (
          <button type="button" className="button secondary" onClick={() => go(step - 1)}>
            Back
          </button>
        )}
        <button type="button" className="button" onClick={() => (last ? finish() : go(step + 1))}>
          {last ? 'Got it' : 'Next'}
        </button>
      </div>
    </section>
  );
}
