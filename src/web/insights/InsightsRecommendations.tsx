/**
 * Today's suggestions, each with what in the person's data set it off, the knowledge-graph edge
 * behind it (its note, evidence grade and DOI links) and "Start as an experiment"; or, when the
 * safety pathway has something to show, the support prompt in their place.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { EvidenceBadge } from '../components/EvidenceBadge.tsx';
import { ErrorState, Notice } from '../components/States.tsx';
import { useMarkSupportShowing } from '../components/SupportScreen.tsx';
import type { SupportScreen } from '../safety/queries.ts';
import {
  createExperiment,
  dismissRecommendation,
  type Experiment,
  insightKeys,
  type Recommendation,
  recommendationsQuery,
  snoozeRecommendation,
  undoRecommendationFeedback,
} from './queries.ts';

export function SupportPrompt({ support }: { support: SupportScreen }) {
  // A support card: the shell draws no reminder or program nudge above it. `true` (counted like the
  // shell's own screens) keeps the diary prompt, a fuller support screen, in place above it.
  useMarkSupportShowing(true);
  return (
    <section className="card support-prompt" aria-labelledby="support-prompt-title">
      <h3 className="card-title" id="support-prompt-title">
        {support.heading}
      </h3>
      {support.triggers.map((t) => (
        <p key={t.code}>{t.message}</p>
      ))}
      {support.kind === 'professional' ? (
        <>
          <p>
            Suggestions are paused until you have read what your results said about talking to a professional.
            Seeing a GP or a mental-health professional comes first.
          </p>
          <Link className="button" to="/checks">
            Read it on Checks
          </Link>{' '}
          <Link className="button secondary" to="/support">
            See who can help
          </Link>
        </>
      ) : (
        <>
          <p>Suggestions are paused for now. Talking with someone who can help comes first.</p>
          <Link className="button" to="/support">
            See who can help
          </Link>
        </>
      )}
    </section>
  );
}

/** Above the suggestions once a "talk to a professional" screen was read: help first, habits alongside. */
export function TalkToProfessionalCard({ card }: { card: { heading: string; text: string } }) {
  useMarkSupportShowing(true);
  return (
    <section
      className="card support-prompt"
      aria-labelledby="talk-to-professional"
      data-testid="talk-to-professional"
    >
      <h3 className="card-title" id="talk-to-professional">
        {card.heading}
      </h3>
      <p>{card.text}</p>
      <Link className="button" to="/support">
        Who can help, and crisis lines
      </Link>
    </section>
  );
}

/** One suggestion with its evidence; `actions` adds start / dismiss / snooze. */
export function RecommendationCard({ rec, actions }: { rec: Recommendation; actions?: React.ReactNode }) {
  return (
    <article className="card recommendation" aria-labelledby={`rec-${rec.id}`}>
      <h3 className="card-title" id={`rec-${rec.id}`}>
        {rec.action}
      </h3>
      <p>
        <strong>Why now: </strong>
        {rec.trigger}
      </p>
      <div className="recommendation-basis">
        <p>
          <strong>What the research says: </strong>
          {rec.basis.note} <EvidenceBadge grade={rec.basis.grade} />
        </p>
        <p className="small">
          <Link to={`/learn/${rec.about.id}`}>More about {rec.about.name.toLowerCase()}</Link>
        </p>
        <ul className="citations small">
          {rec.basis.references.map((r) => (
            <li key={r.id}>
              {r.citation}{' '}
              <a href={r.url} target="_blank" rel="noreferrer">
                doi:{r.doi}
              </a>
            </li>
          ))}
        </ul>
      </div>
      {actions}
    </article>
  );
}

export default function InsightsRecommendations({ today }: { today: string }) {
  const qc = useQueryClient();
  const [started, setStarted] = useState<Experiment | null>(null);
  const q = useQuery(recommendationsQuery());
  const refresh = () => qc.invalidateQueries({ queryKey: insightKeys.recommendations });
  const start = useMutation({
    mutationFn: (rec: Recommendation) =>
      createExperiment({
        title: rec.experiment.title,
        action: rec.experiment.action,
        ...(rec.experiment.measure ? { measure: rec.experiment.measure } : {}),
        recommendationId: rec.id,
        startDate: today,
      }),
    onSuccess: async ({ experiment }) => {
      setStarted(experiment);
      await qc.invalidateQueries({ queryKey: insightKeys.experiments });
      await refresh();
    },
  });
  const feedback = useMutation({
    mutationFn: async ({ id, kind }: { id: string; kind: 'dismiss' | 'snooze' }) => {
      await (kind === 'snooze' ? snoozeRecommendation(id) : dismissRecommendation(id));
    },
    onSuccess: refresh,
  });
  const undo = useMutation({
    mutationFn: (id: string) => undoRecommendationFeedback(id),
    onSuccess: refresh,
  });

  if (q.isPending) return <p className="muted">Looking at your last two weeks…</p>;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  if (q.data.support) return <SupportPrompt support={q.data.support} />;
  return (
    <div className="recommendations">
      {q.data.talkToProfessional && <TalkToProfessionalCard card={q.data.talkToProfessional} />}
      {started && (
        <Notice kind="success">
          Started “{started.title}” from today until {started.endDate}. Its result is under Experiments below.
        </Notice>
      )}
      {q.data.recommendations.length === 0 && (
        <p className="insight-empty">
          Nothing to suggest today. Suggestions come from your last two weeks of check-ins, foods and habits,
          and from your questionnaires — keep logging and they will appear when something stands out.
        </p>
      )}
      {q.data.recommendations.map((rec) => (
        <RecommendationCard
          key={rec.id}
          rec={rec}
          actions={
            <div className="recommendation-actions">
              <button
                type="button"
                className="button"
                disabled={start.isPending}
                onClick={() => start.mutate(rec)}
              >
                Start as an experiment
              </button>
              <button
                type="button"
                className="button secondary"
                onClick={() => feedback.mutate({ id: rec.id, kind: 'snooze' })}
              >
                Not this week
              </button>
              <button
                type="button"
                className="button secondary"
                onClick={() => feedback.mutate({ id: rec.id, kind: 'dismiss' })}
              >
                Don’t suggest again
              </button>
            </div>
          }
        />
      ))}
      {start.isError && <Notice kind="error">{start.error.message}</Notice>}
      {q.data.hidden.length > 0 && (
        <details className="small">
          <summary>
            {q.data.hidden.length} suggestion{q.data.hidden.length === 1 ? '' : 's'} put away
          </summary>
          <ul>
            {q.data.hidden.map((h) => (
              <li key={h.id}>
                {h.id.replaceAll('_', ' ')}:{' '}
                {h.kind === 'dismissed' ? 'not suggested again' : `snoozed until ${h.until}`}{' '}
                <button type="button" className="button secondary small" onClick={() => undo.mutate(h.id)}>
                  Bring back
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
