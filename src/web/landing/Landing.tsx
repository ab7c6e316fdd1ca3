/**
 * The first visit: what Gutbrain is, that it never diagnoses, a way in (create an account or sign
 * in) and, as on every page, the way to help now. Signed-in people and anyone who has signed in on
 * this device before never see it (App.tsx, Home).
 */
import { Link } from 'react-router';
import './landing.css';

const WHAT = [
  ['A daily check-in in under a minute', 'Mood, energy, sleep, focus, stress and gut — taps, no typing.'],
  ['Foods, habits and programs', 'Log what you eat and do, or follow the 30-day gut–brain challenge.'],
  ['Patterns, worded honestly', 'What tends to go with your better days, with how sure that is.'],
  [
    'Your data stays yours',
    'Export it, import from Daylio, Bearable or Loop, share it with a clinician and stop sharing at any time.',
  ],
] as const;

export default function Landing() {
  return (
    <div className="landing">
      <header className="landing-head">
        <h1>Notice how your gut and your mood move together</h1>
        <p className="landing-lead">
          Gutbrain is a self-tracking companion for the gut–brain connection: a short daily check-in, your
          history over time, and what the research says — every claim with its source.
        </p>
        <div className="landing-actions">
          <Link className="button" to="/register">
            Create an account
          </Link>
          <Link className="button secondary" to="/login">
            Sign in
          </Link>
        </div>
        <p className="landing-help">
          Struggling right now?{' '}
          <Link to="/support">Get help now: crisis lines and kinds of professional help</Link>
        </p>
      </header>

      <p className="card landing-promise">
        <strong>Gutbrain never diagnoses.</strong> It is a wellness and self-tracking tool, not a medical
        service. If your answers suggest you are struggling, it shows where to get help at once.
      </p>

      <ul className="landing-what">
        {WHAT.map(([title, text]) => (
          <li key={title} className="card">
            <h2>{title}</h2>
            <p className="muted">{text}</p>
          </li>
        ))}
      </ul>

      <p>
        <Link to="/learn">Read about the gut–brain connection</Link> — no account needed.
      </p>
    </div>
  );
}
