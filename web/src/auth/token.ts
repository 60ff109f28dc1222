// The dashboard's credential (the admin token for now), kept for this browser only.
const KEY = 'syncline.token';

export function getToken(): string | null {
  return window.localStorage.getItem(KEY);
}

export function setToken(token: string | null): void {
  if (token) window.localStorage.setItem(KEY, token);
  else window.localStorage.removeItem(KEY);
  window.dispatchEvent(new Event('syncline-token'));
}
