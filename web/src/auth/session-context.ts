import { createContext, use } from 'react';
import type { Me } from './useMe';

export interface SessionControl {
  /** Starts over with an empty cache: after signing in or out, nothing of the last person shows. */
  restart: () => void;
}

export const SessionControlContext = createContext<SessionControl | null>(null);

export function useSessionControl(): SessionControl {
  const control = use(SessionControlContext);
  if (!control) throw new Error('useSessionControl needs a <SessionProvider> above it');
  return control;
}

/** The signed-in person, for every page inside the shell. */
export const PersonContext = createContext<Me | null>(null);

export function usePerson(): Me {
  const person = use(PersonContext);
  if (!person) throw new Error('usePerson is only available once somebody is signed in');
  return person;
}
