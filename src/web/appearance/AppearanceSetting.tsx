/** Settings' appearance card: System, Light or Dark, for this device only. */
import { useState } from 'react';
import { type Appearance, readAppearance, setAppearance } from './appearance.ts';
import './appearance.css';

const LABELS: Record<Appearance, string> = { system: 'System', light: 'Light', dark: 'Dark' };

export function AppearanceSetting() {
  const [choice, setChoice] = useState<Appearance>(readAppearance);
  return (
    <section className="card form">
      <h2 className="card-title">Appearance</h2>
      <fieldset className="segmented-field">
        <legend className="muted small">Colours on this device</legend>
        <div className="segmented">
          {(Object.keys(LABELS) as Appearance[]).map((a) => (
            <label key={a} className={`segmented-option${choice === a ? ' selected' : ''}`}>
              <input
                type="radio"
                name="appearance"
                value={a}
                checked={choice === a}
                onChange={() => {
                  setChoice(a);
                  setAppearance(a);
                }}
              />
              {LABELS[a]}
            </label>
          ))}
        </div>
      </fieldset>
      <p className="muted small">
        System follows your phone or computer’s light or dark mode. The choice is kept on this device only.
      </p>
    </section>
  );
}
