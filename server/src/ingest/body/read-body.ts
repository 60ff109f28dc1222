import type { IncomingMessage } from 'node:http';
import { createGunzip, createInflate } from 'node:zlib';
import type { Readable, Transform } from 'node:stream';
import { IngestHttpError } from '../ingest.errors';
import { largeBuffers as bodies } from './buffer-pool';

/** Returns a body from readBody for reuse; it must not be used afterwards. */
export function releaseBody(body: Buffer): void {
  bodies.release(body);
}

/**
 * Reads a request body into memory up to `maxBytes` (after decompression, so a gzip bomb is refused
 * as early as a plain oversized body). Over the limit: 413 naming the limit and its variable. The
 * body lies in a pooled buffer: hand it to releaseBody when done with it.
 */
export async function readBody(req: IncomingMessage, maxBytes: number, limitName: string): Promise<Buffer> {
  const stream = bodyStream(req, maxBytes, limitName);
  const declared = Number(req.headers['content-length'] ?? NaN);
  // Sized from Content-Length when the body is not compressed, but a declared length is only a claim:
  // a client announcing 64 MB and sending nothing must not cost 64 MB. Beyond that the buffer grows.
  let out = bodies.acquire(stream === req && declared > 0 ? Math.min(declared, INITIAL_MAX_BYTES) : 0);
  let size = 0;
  try {
    for await (const chunk of stream) {
      const c = chunk as Buffer;
      if (size + c.length > maxBytes) {
        req.unpipe();
        req.resume();
        throw tooLarge(maxBytes, limitName);
      }
      if (size + c.length > out.length) {
        const bigger = bodies.acquire(Math.max(size + c.length, out.length * 2));
        out.copy(bigger, 0, 0, size);
        bodies.release(out);
        out = bigger;
      }
      c.copy(out, size);
      size += c.length;
    }
  } catch (err) {
    bodies.release(out);
    if (err instanceof IngestHttpError) throw err;
    throw new IngestHttpError(400, 'bad_body', `The request body could not be read: ${(err as Error).message}`);
  }
  return out.subarray(0, size);
}

const INITIAL_MAX_BYTES = 4 * 1024 * 1024;

/**
 * `req` through `decoder`. A client that closes the connection mid-body would leave the decoder
 * waiting for input forever (pipe does not pass the abort on), and its reader with it: destroy it.
 */
function decoded(req: IncomingMessage, decoder: Transform): Readable {
  req.on('close', () => {
    if (!req.complete) decoder.destroy(new Error('the client closed the connection before the whole body arrived'));
  });
  return req.pipe(decoder);
}

/** The body as a stream, decompressed per Content-Encoding; refuses a declared length over the limit. */
export function bodyStream(req: IncomingMessage, maxBytes: number, limitName: string): Readable {
  const declared = Number(req.headers['content-length'] ?? NaN);
  const encoding = String(req.headers['content-encoding'] ?? 'identity').toLowerCase();
  if (encoding === 'identity' && declared > maxBytes) throw tooLarge(maxBytes, limitName);
  if (encoding === 'gzip' || encoding === 'x-gzip') return decoded(req, createGunzip());
  if (encoding === 'deflate') return decoded(req, createInflate());
  if (encoding !== 'identity') {
    throw new IngestHttpError(
      415,
      'unsupported_encoding',
      `Content-Encoding "${encoding}" is not supported; send gzip, deflate or none`,
    );
  }
  return req;
}

export function tooLarge(maxBytes: number, limitName: string) {
  return new IngestHttpError(
    413,
    'payload_too_large',
    `The request body is larger than ${maxBytes} bytes (${limitName}); split it into smaller batches`,
  );
}
