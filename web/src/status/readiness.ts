// Pure interpretation of the server's `GET /ready` answer (NestJS terminus shape),
// kept free of React so the badge logic can be unit-tested without a DOM.

export type ReadinessStatus = 'checking' | 'ready' | 'not-ready' | 'unreachable';

export interface DownDependency {
  name: string;
  message?: string;
}

export type ReadinessState =
  | { status: 'checking' }
  | { status: 'ready'; dependencies: string[] }
  | { status: 'not-ready'; down: DownDependency[] }
  | { status: 'unreachable'; reason: string };

export const READY_PATH = '/ready';
export const READINESS_POLL_MS = 5_000;
// Shorter than the poll interval so a hung request turns the badge red instead of
// leaving it on a stale answer.
export const READINESS_TIMEOUT_MS = 4_000;

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function dependencyEntries(body: JsonObject): Array<[string, JsonObject]> {
  // terminus repeats failing indicators under `error`; `details` is the full set.
  const details = isObject(body.details) ? body.details : {};
  const errors = isObject(body.error) ? body.error : {};
  const merged: JsonObject = { ...errors, ...details };
  return Object.entries(merged).filter((entry): entry is [string, JsonObject] => isObject(entry[1]));
}

function downDependencies(body: JsonObject): DownDependency[] {
  return dependencyEntries(body)
    .filter(([, info]) => info.status !== 'up')
    .map(([name, info]) =>
      typeof info.message === 'string' && info.message !== '' ? { name, message: info.message } : { name },
    );
}

/** Turns an HTTP status and an already-parsed JSON body into a badge state. */
export function interpretReadiness(httpStatus: number, body: unknown): ReadinessState {
  if (!isObject(body)) {
    return { status: 'unreachable', reason: `Unexpected response (HTTP ${httpStatus})` };
  }
  if (httpStatus === 200 && body.status === 'ok') {
    return { status: 'ready', dependencies: dependencyEntries(body).map(([name]) => name) };
  }
  // 503 is terminus' "a health indicator failed"; a 200 with status "error" would be
  // a server bug, but it still says the dependencies are not all up.
  if (httpStatus === 503 || (httpStatus === 200 && body.status === 'error')) {
    return { status: 'not-ready', down: downDependencies(body) };
  }
  // Anything else (404 from a misrouted proxy, 500/502 from a gateway) means we are
  // not talking to a healthy readiness endpoint at all.
  return { status: 'unreachable', reason: `Unexpected HTTP ${httpStatus}` };
}

/**
 * Fetches and interprets `/ready`. Never rejects: every failure becomes an
 * `unreachable` state, so callers can fire-and-forget it from a timer.
 */
export async function fetchReadiness(signal: AbortSignal, fetchImpl: typeof fetch = fetch): Promise<ReadinessState> {
  let response: Response;
  try {
    response = await fetchImpl(READY_PATH, {
      signal,
      headers: { accept: 'application/json' },
      cache: 'no-store',
    });
  } catch (error) {
    const aborted = signal.aborted || (error instanceof DOMException && error.name === 'AbortError');
    return { status: 'unreachable', reason: aborted ? 'Request aborted or timed out' : 'Network error' };
  }
  let body: unknown;
  try {
    body = JSON.parse(await response.text());
  } catch {
    return { status: 'unreachable', reason: `Non-JSON response (HTTP ${response.status})` };
  }
  return interpretReadiness(response.status, body);
}

export function readinessLabel(state: ReadinessState): string {
  switch (state.status) {
    case 'checking':
      return 'Checking…';
    case 'ready':
      return 'Ready';
    case 'not-ready':
      return state.down.length > 0 ? `Not ready: ${state.down.map((d) => d.name).join(', ')}` : 'Not ready';
    case 'unreachable':
      return 'Server unreachable';
  }
}

export function readinessTooltip(state: ReadinessState): string {
  switch (state.status) {
    case 'checking':
      return 'Waiting for the first answer from /ready';
    case 'ready':
      return state.dependencies.length > 0 ? `All dependencies up: ${state.dependencies.join(', ')}` : 'Server reports ready';
    case 'not-ready':
      return state.down.length > 0
        ? state.down.map((d) => (d.message ? `${d.name}: ${d.message}` : `${d.name}: down`)).join('\n')
        : 'Server reports not ready';
    case 'unreachable':
      return state.reason;
  }
}
