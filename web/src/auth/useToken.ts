import { useSyncExternalStore } from 'react';
import { getToken } from './token';

function subscribe(onChange: () => void) {
  window.addEventListener('syncline-token', onChange);
  window.addEventListener('storage', onChange);
  return () => {
    window.removeEventListener('syncline-token', onChange);
    window.removeEventListener('storage', onChange);
  };
}

export function useToken(): string | null {
  return useSyncExternalStore(subscribe, getToken);
}
