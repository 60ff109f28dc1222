import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import type { IngestHttpError } from '../ingest.errors';
import { readBody, releaseBody } from './read-body';

/** A local HTTP server answering each request with what readBody made of its body. */
async function serve(maxBytes: number) {
  type Outcome = { body?: string; error?: { status: number; message: string } };
  const outcomes: Promise<Outcome>[] = [];
  const server = http.createServer((req, res) => {
    const outcome: Promise<Outcome> = readBody(req, maxBytes, 'TEST_LIMIT').then(
      (body) => {
        const text = body.toString('utf8');
        releaseBody(body);
        return { body: text };
      },
      (err: IngestHttpError) => ({ error: { status: err.status, message: err.message } }),
    );
    outcomes.push(outcome);
    void outcome.then((o) => res.writeHead(o.error ? o.error.status : 200).end(o.body ?? o.error?.message));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return { server, port, outcomes };
}

let close: (() => void) | undefined;
afterEach(() => close?.());

function post(port: number, body: Buffer, headers: Record<string, string>) {
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: 'POST', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('readBody', () => {
  it('reads plain and gzip bodies of any size, one request after another in reused buffers', async () => {
    const s = await serve(10_000_000);
    close = () => s.server.close();
    for (const size of [0, 10, 70_000, 1_000_000, 3, 200_000]) {
      const text = 'x'.repeat(size) + `#${size}`;
      expect(await post(s.port, Buffer.from(text), {})).toEqual({ status: 200, text });
      expect(await post(s.port, gzipSync(text), { 'content-encoding': 'gzip' })).toEqual({ status: 200, text });
    }
  });

  it('answers 413 naming the limit, for a declared and for an undeclared (compressed) size', async () => {
    const s = await serve(1000);
    close = () => s.server.close();
    const plain = await post(s.port, Buffer.alloc(2000, 0x41), {});
    expect(plain.status).toBe(413);
    expect(plain.text).toContain('TEST_LIMIT');
    const zipped = await post(s.port, gzipSync(Buffer.alloc(5000, 0x41)), { 'content-encoding': 'gzip' });
    expect(zipped.status).toBe(413);
  });

  it('gives up with 400 when the client closes the connection mid-body, compressed or not', async () => {
    const s = await serve(10_000_000);
    close = () => s.server.close();
    for (const headers of [{ 'content-encoding': 'gzip' }, {}]) {
      const part = gzipSync(Buffer.alloc(500_000, 0x41)).subarray(0, 200);
      const req = http.request({
        host: '127.0.0.1',
        port: s.port,
        method: 'POST',
        headers: { ...headers, 'content-length': '100000' },
      });
      req.on('error', () => undefined);
      req.write(part);
      await new Promise((r) => setTimeout(r, 50));
      req.destroy();
      await new Promise((r) => setTimeout(r, 50));
      const outcome = await Promise.race([
        s.outcomes[s.outcomes.length - 1],
        new Promise((r) => setTimeout(() => r('still waiting'), 2000)),
      ]);
      expect(outcome).toMatchObject({ error: { status: 400 } });
    }
  });
});
