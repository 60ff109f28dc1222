import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface Received {
  path: string;
  body: Record<string, unknown>;
}

/**
 * A real local HTTP webhook receiver (Slack, Teams or generic): records each POST by path and answers
 * what the test scripts per path (200 by default).
 */
export class WebhookReceiver {
  readonly received: Received[] = [];
  url = '';
  private server: http.Server | undefined;
  private scripts = new Map<string, number[]>();

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        const path = req.url ?? '/';
        const status = this.scripts.get(path)?.shift() ?? 200;
        if (status < 300) this.received.push({ path, body: JSON.parse(body) as Record<string, unknown> });
        res.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : 'receiver says no');
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** The statuses the next requests to `path` get, in order; after them, 200. */
  script(path: string, statuses: number[]): void {
    this.scripts.set(path, [...statuses]);
  }

  at(path: string): Record<string, unknown>[] {
    return this.received.filter((r) => r.path === path).map((r) => r.body);
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}

export interface Mail {
  to: string[];
  raw: string;
  subject: string;
}

/** A real local SMTP server (the smtp-server package): accepts every message and keeps it. */
export class SmtpReceiver {
  readonly mails: Mail[] = [];
  port = 0;
  private server: SMTPServer | undefined;

  async start(): Promise<this> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, session, done) => {
        let raw = '';
        stream.on('data', (c: Buffer) => (raw += c.toString()));
        stream.on('end', () => {
          const subject = /^Subject: (.*)$/m.exec(raw)?.[1]?.trim() ?? '';
          this.mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw, subject });
          done();
        });
      },
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}
