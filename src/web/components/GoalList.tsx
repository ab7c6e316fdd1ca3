/**
 * A program day's goals: ticked automatically from what was logged; goals with nothing to log get
 * a checkbox; an optional goal with a caution first shows the "talk to a professional" note and
 * can be accepted or skipped.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { EVIDENCE_GRADES } from '../../core/knowledge/evidence-grades.ts';
import { chooseGoal, GOAL_KEYS, type GoalResult, tickGoal } from '../programs/queries.ts';
import { Notice } from './States.tsx';

const MARK: Record<GoalResult['status'], { icon: string; label: string }> = {
  met: { icon: '✓', label: 'done' },
  not_met: { icon: '○', label: 'not yet' },
  unknown: { icon: '?', label: 'needs more information' },
};

/**
 * A goal that names a brain messenger says what it rests on and how strong that is, with a link to
 * the edge's page: "Evidence: Speculative" beside "The article calls them GABA-supporting…".
 */
function GoalEvidence({ g }: { g: GoalResult }) {
  if (!g.description && !g.evidence) return null;
  const from = g.evidence?.edge.split('--')[0];
  return (
    <span className="goal-evidence muted small">
      {g.description}{' '}
      {g.evidence && from && (
        <Link to={`/learn/${from}`} className={`goal-grade goal-grade-${g.evidence.grade}`}>
          Evidence: {EVIDENCE_GRADES[g.evidence.grade].label}
        </Link>
      )}
    </span>
  );
}

function progressText(g: GoalResult): string | null {
  if (g.status === 'unknown' || g.value === undefined || g.target === undefined) return null;
  if (g.period === 'week' && g.id !== 'less_ultra_processed') return `${g.value} of ${g.target} this week`;
  return null;
}

export function GoalList({
  enrolmentId,
  date,
  goals,
}: {
  enrolmentId: string;
  date: string;
  goals: GoalResult[];
}) {
  const qc = useQueryClient();
  const refresh = () => {
    for (const key of GOAL_KEYS) qc.invalidateQueries({ queryKey: [...key] });
  };
  const tick = useMutation({
    mutationFn: (v: { goalId: string; ticked: boolean }) => tickGoal(enrolmentId, { date, ...v }),
    onSuccess: refresh,
  });
  const choose = useMutation({
    mutationFn: (v: { goalId: string; choice: 'accepted' | 'skipped' }) => chooseGoal(enrolmentId, v),
    onSuccess: refresh,
  });

  return (
    <ul className="goal-list">
      {goals.map((g) => {
        if (g.optional && g.choice === 'skipped') {
          return (
            <li key={g.id} className="goal goal-skipped">
              <span className="goal-mark" aria-hidden="true">
                –
              </span>
              <span className="goal-body">
                <span className="goal-title">{g.title}</span>
                <span className="muted small"> · skipped</span>
              </span>
            </li>
          );
        }
        if (g.optional && g.choice !== 'accepted') {
          return (
            <li key={g.id} className="goal goal-optional">
              <span className="goal-body">
                <span className="goal-title">{g.title}</span>
                {g.caution && (
                  <span className="goal-caution" role="note">
                    {g.caution.text} <Link to="/support">Finding professional help</Link>
                  </span>
                )}
                <span className="goal-actions">
                  <button
                    type="button"
                    className="button secondary small-button"
                    onClick={() => choose.mutate({ goalId: g.id, choice: 'accepted' })}
                  >
                    I have talked it through — add this goal
                  </button>
                  <button
                    type="button"
                    className="button danger-quiet small-button"
                    onClick={() => choose.mutate({ goalId: g.id, choice: 'skipped' })}
                  >
                    Skip it
                  </button>
                </span>
              </span>
            </li>
          );
        }
        const mark = MARK[g.status];
        const extra = progressText(g);
        return (
          <li key={g.id} className={`goal goal-${g.status}`} data-goal={g.id} data-status={g.status}>
            {g.manual ? (
              <input
                type="checkbox"
                className="goal-check"
                aria-label={`${g.title}: done`}
                checked={g.status === 'met'}
                disabled={tick.isPending}
                onChange={(e) => tick.mutate({ goalId: g.id, ticked: e.target.checked })}
              />
            ) : (
              <span className="goal-mark" role="img" aria-label={mark.label}>
                {mark.icon}
              </span>
            )}
            <span className="goal-body">
              <span className="goal-title">{g.title}</span>
              {g.period === 'week' && <span className="chip">this week</span>}
              {extra && <span className="muted small"> · {extra}</span>}
              {g.hint && g.status !== 'met' && <span className="goal-hint muted small">{g.hint}</span>}
              {g.evidence && <GoalEvidence g={g} />}
            </span>
          </li>
        );
      })}
      {(tick.isError || choose.isError) && (
        <Notice kind="error">{(tick.error ?? choose.error)?.message}</Notice>
      )}
    </ul>
  );
}
