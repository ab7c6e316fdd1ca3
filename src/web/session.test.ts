import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { type Person, refreshSession, SESSION_KEY } from './session.tsx';

const bell = { id: 'p1', role: 'person' } as unknown as Person;

describe('refreshSession', () => {
  it('a session read still on its way cannot undo a role change made after it was asked', async () => {
    const qc = new QueryClient();
    let answer: (p: Person) => void = () => {};
    // The read asked before the change; its (older) answer comes after it.
    const stale = qc
      .fetchQuery({ queryKey: SESSION_KEY, queryFn: () => new Promise<Person>((r) => (answer = r)) })
      .catch(() => 'cancelled');
    await refreshSession(qc, { ...bell, role: 'clinician' } as Person);
    answer(bell);
    await stale;
    expect(qc.getQueryData<Person>(SESSION_KEY)?.role).toBe('clinician');
  });

  it('drops every other cached answer (someone else may sign in next)', async () => {
    const qc = new QueryClient();
    qc.setQueryData(['checkins', '2026-03-01'], { mood: 3 });
    await refreshSession(qc, null);
    expect(qc.getQueryData(['checkins', '2026-03-01'])).toBeUndefined();
    expect(qc.getQueryData(SESSION_KEY)).toBeNull();
  });
});
