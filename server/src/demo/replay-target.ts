import { randomUUID } from 'node:crypto';
import http, { type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReplayTargetOptions {
  /** Where the posting that a replay creates is sent (Syncline's own ingest), with its API key. */
  ingestUrl: string;
  apiKey: string;
  port?: number;
}

interface ReplayBody {
  plant: string;
  flow?: string;
  order_id?: string;
  material?: string;
  posting_type?: string;
  quantity?: number;
  unit?: string;
  /** A device event as the simulator sends it carries its flow here. */
  attributes?: { flow?: string };
}

/**
 * The demo's simulated ERP API: accepts a replayed message at POST /replay, honours the
 * Idempotency-Key header (a second replay with the same key posts nothing and answers the first
 * document), and books the posting back through Syncline's ingest, so a replay closes the loop.
 */
export class ReplayTarget {
  private server: Server | undefined;
  private readonly documents = new Map<string, string>();
  url = '';

  constructor(private readonly opts: ReplayTargetOptions) {}

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(this.opts.port ?? 0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/replay`;
    return this.url;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const reply = (status: number, body: object) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.method !== 'POST' || req.url !== '/replay') return reply(404, { error: 'POST /replay only' });
    const key = req.headers['idempotency-key'];
    if (typeof key !== 'string' || !key) return reply(400, { error: 'Idempotency-Key header is required' });
    const existing = this.documents.get(key);
    if (existing) return reply(200, { status: 'duplicate', document_id: existing });
    let body: ReplayBody;
    try {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ReplayBody;
    } catch {
      return reply(400, { error: 'body must be the JSON payload of the message' });
    }
    // A replayed message is the device event itself: its flow says which posting the ERP books.
    const flow = body.flow ?? body.attributes?.flow ?? null;
    const postingType = body.posting_type ?? flow;
    if (!body.plant || !postingType) return reply(400, { error: 'the payload needs plant, and flow or posting_type' });
    const documentId = `SIM-${randomUUID().slice(0, 13)}`;
    this.documents.set(key, documentId);
    const posting = {
      document_id: documentId,
      posted_at: new Date().toISOString(),
      plant: body.plant,
      flow,
      order_id: body.order_id ?? null,
      material: body.material ?? null,
      posting_type: postingType,
      quantity: body.quantity ?? 0,
      unit: body.unit ?? null,
      device_event_id: key,
    };
    const booked = await fetch(this.opts.ingestUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.opts.apiKey}` },
      body: JSON.stringify([posting]),
    });
    if (!booked.ok) {
      this.documents.delete(key);
      return reply(502, { error: `booking the posting failed: ${booked.status} ${await booked.text()}` });
    }
    return reply(201, { status: 'posted', document_id: documentId });
  }
}
