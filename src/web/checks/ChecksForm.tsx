/**
 * What the questionnaire and the signals check share: the answers, the first unanswered question
 * (focused, with its error shown), sending to the server, and the outcome page once sent.
 *
 * @example const form = useChecksForm<number>('phq9', ids); if (form.submit.data) return <ChecksSent outcome={form.submit.data} />;
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useRef, useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../api.ts';
import { Notice } from '../components/States.tsx';
import { ChecksOutcome } from './ChecksOutcome.tsx';
import { type CheckId, checkKeys, type OutcomeAnswer, submitCheck } from './queries.ts';

const isAnswerError = (e: unknown): e is ApiError =>
  e instanceof ApiError && !!e.field?.startsWith('answers.');

/** `required`: the question ids that must be answered, in the order they appear. */
export function useChecksForm<V>(check: CheckId, required: readonly string[]) {
  const qc = useQueryClient();
  const [answers, setAnswers] = useState<Record<string, V>>({});
  const [missing, setMissing] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  function focusItem(id: string) {
    setMissing(id);
    formRef.current?.querySelector<HTMLInputElement>(`input[name="${id}"]`)?.focus();
  }

  const submit = useMutation({
    mutationFn: (body: { answers: Record<string, V> }) => submitCheck(check, body.answers),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: checkKeys.all });
      window.scrollTo(0, 0);
    },
    onError: (e) => {
      if (isAnswerError(e)) focusItem((e.field as string).slice('answers.'.length));
    },
  });

  function answer(id: string, value: V) {
    setAnswers((a) => ({ ...a, [id]: value }));
    if (missing === id) setMissing(null);
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const unanswered = required.find((id) => answers[id] === undefined);
    if (unanswered) return focusItem(unanswered);
    setMissing(null);
    submit.mutate({ answers });
  }

  return { answers, answer, missing, formRef, submit, onSubmit };
}

/** A send that failed for a reason other than one answer (that one is shown beside its question). */
export function ChecksSendError({ error }: { error: Error | null }) {
  if (!error || isAnswerError(error)) return null;
  return <Notice kind="error">{error.message}</Notice>;
}

/** A page of the Checks section that ends with the way back to the list. */
export function ChecksPage({ children }: { children: ReactNode }) {
  return (
    <div className="cap-checks">
      {children}
      <p>
        <Link to="/checks" className="button secondary">
          Back to checks
        </Link>
      </p>
    </div>
  );
}

/** The outcome once sent (the support screen first when the answers raise a trigger). */
export function ChecksSent({ outcome }: { outcome: OutcomeAnswer }) {
  return (
    <ChecksPage>
      <ChecksOutcome outcome={outcome} />
    </ChecksPage>
  );
}
