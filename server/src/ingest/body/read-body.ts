import type { IncomingMessage } from 'node:http';
import { createGunzip, createInflate } from 'node:zlib';
import type { Readable } from 'node:stream';
import { IngestHttpError } from '../ingest.errors';

/**
 * Reads a request body into memory up to `maxBytes` (after decompression, so a gzip bomb is refused
 * as early as a plain oversized body). Over the limit: 413 naming the limit and its variable.
 */
export async function readBody(req: IncomingMessage, maxBytes: number, limitName: string): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  const encoding = String(req.headers['content-encoding'] ?? 'identity').toLowerCase();
  if (encoding === 'identity' && declared > maxBytes) throw tooLarge(maxBytes, limitName);
  let stream: Readable = req;
  if (encoding === 'gzip' || encoding === 'x-gzip') stream = req.pipe(createGunzip());
  else if (encoding === 'deflate') stream = req.pipe(createInflate());
  else if (encoding !== 'identity') {
    throw new IngestHttpError(
      415,
      'unsupported_encoding',
      `Content-Encoding "${encoding}" is not supported; send gzip, deflate or none`,
    );
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      size += (chunk as Buffer).length;
      if (size > maxBytes) {
        req.unpipe();
        req.resume();
        throw tooLarge(maxBytes, limitName);
      }
      chunks.push(chunk as Buffer);
    }
  } catch (err) {
    if (err instanceof IngestHttpError) throw err;
    throw new IngestHttpError(400, 'bad_body', `The request body could not be read: ${(err as Error).message}`);
  }
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size);
}

/** The body as a stream, decompressed per Content-Encoding; refuses a declared length over the limit. */
export function bodyStream(req: IncomingMessage, maxBytes: number, limitName: string): Readable {
  const declared = Number(req.headers['content-length'] ?? NaN);
  const encoding = String(req.headers['content-encoding'] ?? 'identity').toLowerCase();
  if (encoding === 'identity' && declared > maxBytes) throw tooLarge(maxBytes, limitName);
  if (encoding === 'gzip' || encoding === 'x-gzip') return req.pipe(createGunzip());
  if (encoding === 'deflate') return req.pipe(createInflate());
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
