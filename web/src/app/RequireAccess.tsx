import type { ReactNode } from 'react';
import { holdsAny, type Permission } from '../auth/permissions';
import { usePerson } from '../auth/session-context';
import { NoAccessPage } from './NoAccessPage';

/** Renders `children` only for a person holding one of `anyOf`; the page's queries never run otherwise. */
export function RequireAccess({ anyOf, children }: { anyOf: readonly Permission[]; children: ReactNode }) {
  const person = usePerson();
  return holdsAny(person.permissions, anyOf) ? children : <NoAccessPage />;
}
