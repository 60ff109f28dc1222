import { describe, it, expect } from 'vitest';
import { fetchReadiness, interpretReadiness, readinessLabel, readinessTooltip, type ReadinessState } from './readiness';

const readyBody = {
  status: 'ok',
  info: { clickhouse: { status: 'up' }, redis: { status: 'up' } },
  error: {},
  details: { clickhouse: { status: 'up' }, redis: { status: 'up' } },
};

const clickhouseDownBody = {
  status: 'error',
  info: { redis: { status: 'up' } },
  error: { clickhouse: { status: 'down', message: 'connect ECONNREFUSED 127.0.0.1:8123' } },
  details: {
    clickhouse: { status: 'down', message: 'connect ECONNREFUSED 127.0.0.1:8123' },
    redis: { status: 'up' },
  },
};

describe('interpretReadiness', () => {
  it('is ready on 200 with status ok and lists the checked dependencies', () => {
    const state = interpretReadiness(200, readyBody);
    expect(state).toEqual({ status: 'ready', dependencies: ['clickhouse', 'redis'] });
    expect(readinessLabel(state)).toBe('Ready');
  });

  it('names only the down dependencies on 503 and keeps their messages for the tooltip', () => {
    const state = interpretReadiness(503, clickhouseDownBody);
    expect(state).toEqual({
      status: 'not-ready',
      down: [{ name: 'clickhouse', message: 'connect ECONNREFUSED 127.0.0.1:8123' }],
    });
    expect(readinessLabel(state)).toBe('Not ready: clickhouse');
    expect(readinessTooltip(state)).toBe('clickhouse: connect ECONNREFUSED 127.0.0.1:8123');
  });

  it('lists several down dependencies, including ones only reported under `error`', () => {
    const state = interpretReadiness(503, {
      status: 'error',
      error: { redis: { status: 'down' } },
      details: { clickhouse: { status: 'down', message: 'timeout' } },
    });
    expect(readinessLabel(state)).toBe('Not ready: redis, clickhouse');
    expect(readinessTooltip(state)).toBe('redis: down\nclickhouse: timeout');
  });

  it('is still not-ready on 503 when the body has no dependency details', () => {
    const state = interpretReadiness(503, { status: 'error' });
    expect(state).toEqual({ status: 'not-ready', down: [] });
    expect(readinessLabel(state)).toBe('Not ready');
  });

  it('is unreachable for a JSON body that is not an object', () => {
    expect(interpretReadiness(200, null).status).toBe('unreachable');
    expect(interpretReadiness(200, 'ok').status).toBe('unreachable');
    expect(interpretReadiness(503, [1, 2]).status).toBe('unreachable');
  });

  it('is unreachable for status codes a readiness endpoint does not use', () => {
    const state = interpretReadiness(502, { message: 'Bad Gateway' });
    expect(state).toEqual({ status: 'unreachable', reason: 'Unexpected HTTP 502' });
    expect(readinessLabel(state)).toBe('Server unreachable');
  });

  it('labels the initial state as checking', () => {
    const state: ReadinessState = { status: 'checking' };
    expect(readinessLabel(state)).toBe('Checking…');
  });
});

describe('fetchReadiness', () => {
  const respond =
    (body: string, status: number): typeof fetch =>
    () =>
      Promise.resolve(new Response(body, { status, headers: { 'content-type': 'application/json' } }));

  it('requests /ready and interprets a 503 body', async () => {
    let requested: unknown;
    const fetchImpl: typeof fetch = (input) => {
      requested = input;
      return respond(JSON.stringify(clickhouseDownBody), 503)(input);
    };
    const state = await fetchReadiness(new AbortController().signal, fetchImpl);
    expect(requested).toBe('/ready');
    expect(state.status).toBe('not-ready');
  });

  it('is unreachable for a non-JSON body (e.g. an HTML error page from a proxy)', async () => {
    const state = await fetchReadiness(new AbortController().signal, respond('<html>502</html>', 200));
    expect(state).toEqual({ status: 'unreachable', reason: 'Non-JSON response (HTTP 200)' });
  });

  it('resolves to unreachable instead of rejecting when the network fails', async () => {
    const failing: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    await expect(fetchReadiness(new AbortController().signal, failing)).resolves.toEqual({
      status: 'unreachable',
      reason: 'Network error',
    });
  });

  it('resolves to unreachable when the request is aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const abortAware: typeof fetch = (_input, init) =>
      init?.signal?.aborted
        ? Promise.reject(new DOMException('The operation was aborted.', 'AbortError'))
        : Promise.resolve(new Response('{}'));
    const state = await fetchReadiness(controller.signal, abortAware);
    expect(state).toEqual({ status: 'unreachable', reason: 'Request aborted or timed out' });
  });
});
