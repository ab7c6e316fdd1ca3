/**
 * The quiz: ten questions generated from the knowledge graph, one at a time, each followed by the
 * explanation and the studies behind it; the score is saved and past attempts are listed.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { checkQuizAnswer, finishQuiz, getQuizQuestions } from '../../contract/quiz.ts';
import { callApi } from '../api.ts';
import { EmptyState, ErrorState, Loading, Notice } from '../components/States.tsx';
import { type QuizFeedback, type QuizQuestionView, quizAttemptsQuery } from './queries.ts';
import './learn.css';

const QUESTIONS_PER_QUIZ = 10;

interface Round {
  questions: QuizQuestionView[];
  index: number;
  answers: QuizFeedback[];
}

export default function Quiz() {
  const [round, setRound] = useState<Round | null>(null);
  const [result, setResult] = useState<{ score: number; total: number } | null>(null);
  const start = useMutation({
    mutationFn: () =>
      callApi<typeof getQuizQuestions>('GET /api/quiz/questions', { query: { count: QUESTIONS_PER_QUIZ } }),
    onSuccess: (data) => {
      setResult(null);
      setRound({ questions: data.questions, index: 0, answers: [] });
    },
  });

  return (
    <div className="cap-learn quiz">
      <header className="page-head">
        <div>
          <p className="eyebrow">Learn</p>
          <h1>Quiz</h1>
        </div>
        <Link to="/learn" className="button secondary">
          Back to Learn
        </Link>
      </header>
      {round ? (
        <QuizRound
          key={round.index}
          round={round}
          onAnswer={(fb) => setRound({ ...round, answers: [...round.answers, fb] })}
          onNext={() => setRound({ ...round, index: round.index + 1 })}
          onDone={(score) => {
            setRound(null);
            setResult(score);
          }}
        />
      ) : (
        <section className="card">
          {result ? (
            <p className="quiz-score" role="status">
              You scored <strong>{result.score}</strong> out of {result.total}.
            </p>
          ) : (
            <p>
              {QUESTIONS_PER_QUIZ} questions about the gut–brain connection, drawn from the knowledge graph.
              After each answer you will see what the studies say.
            </p>
          )}
          <button type="button" className="button" onClick={() => start.mutate()} disabled={start.isPending}>
            {result ? 'Take another quiz' : 'Start the quiz'}
          </button>
          {start.error && <ErrorState error={start.error} />}
        </section>
      )}
      <History />
    </div>
  );
}

function QuizRound({
  round,
  onAnswer,
  onNext,
  onDone,
}: {
  round: Round;
  onAnswer: (fb: QuizFeedback) => void;
  onNext: () => void;
  onDone: (score: { score: number; total: number }) => void;
}) {
  const queryClient = useQueryClient();
  const question = round.questions[round.index];
  const answered = round.answers.find((a) => a.questionId === question?.id);
  const [choice, setChoice] = useState<string>('');
  const check = useMutation({
    mutationFn: (optionId: string) =>
      callApi<typeof checkQuizAnswer>('POST /api/quiz/check', {
        body: { questionId: question?.id ?? '', optionId },
      }),
    onSuccess: (fb) => {
      onAnswer(fb);
      setChoice('');
    },
  });
  const save = useMutation({
    mutationFn: () =>
      callApi<typeof finishQuiz>('POST /api/quiz/attempts', {
        body: { answers: round.answers.map((a) => ({ questionId: a.questionId, optionId: a.optionId })) },
      }),
    onSuccess: ({ attempt }) => {
      queryClient.invalidateQueries({ queryKey: quizAttemptsQuery().queryKey });
      onDone({ score: attempt.score, total: attempt.total });
    },
  });
  if (!question) return null;
  const last = round.index === round.questions.length - 1;

  return (
    <section className="card quiz-question" aria-live="polite">
      <p className="small muted">
        Question {round.index + 1} of {round.questions.length}
      </p>
      <fieldset disabled={Boolean(answered) || check.isPending}>
        <legend className="quiz-prompt">{question.prompt}</legend>
        {question.options.map((o) => {
          const state = answered
            ? o.id === answered.answerId
              ? ' quiz-option-right'
              : o.id === answered.optionId
                ? ' quiz-option-wrong'
                : ''
            : '';
          return (
            <label key={o.id} className={`quiz-option${state}`}>
              <input
                type="radio"
                name={`q-${question.id}`}
                value={o.id}
                checked={answered ? answered.optionId === o.id : choice === o.id}
                onChange={() => setChoice(o.id)}
              />
              <span>{o.label}</span>
              {answered && o.id === answered.answerId && <span className="quiz-mark">✓ right answer</span>}
              {answered && o.id === answered.optionId && !answered.correct && (
                <span className="quiz-mark">your answer</span>
              )}
            </label>
          );
        })}
      </fieldset>
      {!answered && (
        <button
          type="button"
          className="button"
          disabled={!choice || check.isPending}
          onClick={() => check.mutate(choice)}
        >
          Check answer
        </button>
      )}
      {check.error && <ErrorState error={check.error} />}
      {answered && (
        <div className="quiz-feedback">
          <Notice kind={answered.correct ? 'success' : 'info'}>
            {answered.correct ? 'Right.' : 'Not quite.'} {answered.explanation}
          </Notice>
          <p className="small">
            Source:{' '}
            {answered.references.map((r, i) => (
              <span key={r.doi}>
                {i > 0 && '; '}
                <a href={r.url} target="_blank" rel="noopener noreferrer">
                  {r.citation}
                </a>
              </span>
            ))}{' '}
            · <Link to={`/learn/${answered.nodeId}`}>Learn more</Link>
          </p>
          {last ? (
            <button type="button" className="button" onClick={() => save.mutate()} disabled={save.isPending}>
              See my score
            </button>
          ) : (
            <button type="button" className="button" onClick={onNext}>
              Next question
            </button>
          )}
          {save.error && <ErrorState error={save.error} />}
        </div>
      )}
    </section>
  );
}

function History() {
  const q = useQuery(quizAttemptsQuery());
  return (
    <section aria-labelledby="quiz-history">
      <h2 id="quiz-history">Your past quizzes</h2>
      {q.isPending ? (
        <Loading />
      ) : q.error ? (
        <ErrorState error={q.error} onRetry={() => q.refetch()} />
      ) : q.data.attempts.length === 0 ? (
        <EmptyState title="No quizzes yet">Your scores will be listed here.</EmptyState>
      ) : (
        <ul className="quiz-history">
          {q.data.attempts.map((a) => (
            <li key={a.id}>
              <span>
                {new Date(a.takenAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}
              </span>
              <strong>
                {a.score} / {a.total}
              </strong>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
