import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  key: string;
  body: string;
  headers: IncomingMessage['headers'];
  at: number;
}

/** What the target answers one request: a status, optional headers and body; or 'hang' (never answers). */
export type Answer = { status: number; headers?: Record<string, string>; body?: object } | 'hang';

/**
 * A real HTTP replay target for tests: records every request it receives (by Idempotency-Key) and
 * answers what the test scripts for it, by default 201 with a document id.
 */
export class TestReplayTarget {
  readonly received: ReceivedRequest[] = [];
  url = '';
  private server: http.Server | undefined;
  private answer: (req: ReceivedRequest, nth: number) => Answer | Promise<Answer> = (r) => ({
    status: 201,
    body: { status: 'posted', document_id: `DOC-${r.key}` },
  });

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    this.server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/replay`;
    return this;
  }

  /** Scripts the answers: called with the request and how many times its key was received before (0 the first time). */
  answers(fn: (req: ReceivedRequest, nth: number) => Answer | Promise<Answer>): this {
    this.answer = fn;
    return this;
  }

  count(key: string): number {
    return this.received.filter((r) => r.key === key).length;
  }

  /** Keys received more than once. */
  duplicates(): string[] {
    const seen = new Map<string, number>();
    for (const r of this.received) seen.set(r.key, (seen.get(r.key) ?? 0) + 1);
    return [...seen].filter(([, n]) => n > 1).map(([k]) => k);
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const key = String(req.headers['idempotency-key'] ?? '');
    const nth = this.count(key);
    const r: ReceivedRequest = { key, body: Buffer.concat(chunks).toString('utf8'), headers: req.headers, at: Date.now() };
    this.received.push(r);
    const a = await this.answer(r, nth);
    if (a === 'hang') return;
    res.writeHead(a.status, { 'content-type': 'application/json', ...(a.headers ?? {}) });
    res.end(JSON.stringify(a.body ?? {}));
  }
}
