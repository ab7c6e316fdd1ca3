/** The signed-in person, shared through React context; null while signed out. */
import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext } from 'react';
import type { getSession } from '../contract/auth.ts';
import type { OutputOf } from '../contract/endpoint.ts';
import { ApiError, callApi } from './api.ts';
import { forgetLastPerson, lastPerson, rememberLastPerson } from './offline/lastPerson.ts';

/** The signed-in person as the server answers them (src/contract/auth.ts). */
export type Person = OutputOf<typeof getSession>['person'];

interface SessionState {
  person: Person | null;
  loading: boolean;
}

const SessionContext = createContext<SessionState>({ person: null, loading: true });

export const SESSION_KEY = ['session'] as const;

export function SessionProvider({ children }: { children: ReactNode }) {
  const q = useQuery({
    queryKey: SESSION_KEY,
    queryFn: async () => {
      try {
        return rememberLastPerson((await callApi<typeof getSession>('GET /api/auth/session', {})).person);
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) return forgetLastPerson();
        // Offline: the app shell opened from the service worker; carry on as the last person seen.
        if (e instanceof ApiError && e.status === 0) return lastPerson<Person>() ?? null;
        throw e;
      }
    },
    staleTime: 60_000,
    retry: false,
  });
  return (
    <SessionContext.Provider value={{ person: q.data ?? null, loading: q.isPending }}>
      {children}
    </SessionContext.Provider>
  );
}

export function useSession(): SessionState {
  return useContext(SessionContext);
}

/** The signed-in person; only for pages behind the RequireSession guard. */
export function usePerson(): Person {
  const { person } = useSession();
  if (!person) throw new Error('usePerson outside a signed-in page');
  return person;
}

/** Sets who is signed in and drops everyone else's cached data (see useSessionRefresh). */
export async function refreshSession(qc: QueryClient, person: Person | null): Promise<void> {
  if (person) rememberLastPerson(person);
  else forgetLastPerson();
  // A session read still on its way was asked before this change: its answer must not undo it.
  await qc.cancelQueries({ queryKey: SESSION_KEY });
  qc.setQueryData(SESSION_KEY, person);
  qc.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
}

/** After login/register/logout or a role change: refresh who is signed in. */
export function useSessionRefresh() {
  const qc = useQueryClient();
  return (person: Person | null) => refreshSession(qc, person);
}
