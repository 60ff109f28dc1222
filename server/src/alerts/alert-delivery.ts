import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { UnrecoverableError, type Job, type Queue } from 'bullmq';
import { createTransport, type Transporter } from 'nodemailer';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config';
import { QueueName } from '../queues/queue-names';
import { SECRET_REF, Secrets } from '../replay/secrets';
import type { AlertChannel } from './alert-model';
import { emailOf, title, webhookBody, type AlertMessage } from './alert-messages';
import { encodeItem } from './alert-scope';
import { AlertsRepository } from './alerts.repository';

const SEND_TIMEOUT_MS = 10_000;

export interface DeliveryJob {
  message: AlertMessage;
  channel: AlertChannel;
}

/** The history keeps each line with its plant, so a plant-scoped person sees only their plants' lines. */
const storedItems = (m: AlertMessage) => m.items.slice(0, 200).map((text, i) => encodeItem(m.plants?.[i] ?? '', text));

/** A delivery that retrying cannot fix (a 4xx other than 408/429, no SMTP configured): failed at once. */
class PermanentError extends Error {}

/**
 * Sends notifications: one BullMQ job per notification and channel (job id from both, so a retried
 * evaluation enqueues it once), retried with exponential backoff; each attempt's outcome is written
 * to the notification history, the channel's last error with it.
 */
@Processor(QueueName.AlertDelivery, { concurrency: 8 })
@Injectable()
export class AlertDelivery extends WorkerHost implements OnApplicationShutdown {
  private readonly logger = new Logger('AlertDelivery');
  private readonly secrets: Secrets;
  private mailer: Transporter | undefined;

  constructor(
    @InjectQueue(QueueName.AlertDelivery) private readonly queue: Queue<DeliveryJob>,
    private readonly repository: AlertsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
    this.secrets = new Secrets(config.replay.secretsFile, config.replay.envSecrets);
  }

  problemOfSecret(ref: string): string {
    return this.secrets.problem(ref);
  }

  /** Records the notification as queued (or silenced) for each channel and enqueues the sends. */
  async notify(message: AlertMessage, channels: AlertChannel[], silenced: boolean): Promise<void> {
    for (const channel of channels) {
      const row = {
        notificationId: message.notificationId,
        channelId: channel.channelId,
        ruleId: message.ruleId,
        ruleName: message.ruleName,
        kind: message.kind,
        createdAt: message.createdAt,
        summary: title(message),
        items: storedItems(message),
        attempts: 0,
        lastError: '',
      };
      if (silenced || !channel.enabled) {
        await this.repository.recordNotification({ ...row, status: silenced ? 'silenced' : 'channel_disabled' });
        continue;
      }
      await this.repository.recordNotification({ ...row, status: 'queued' });
      await this.queue.add(
        'send',
        { message, channel },
        {
          jobId: `${message.notificationId}__${channel.channelId}`,
          attempts: this.config.alerts.deliveryAttempts,
          backoff: { type: 'exponential', delay: this.config.alerts.backoffMs },
          removeOnComplete: { count: 1000 },
          removeOnFail: { count: 1000 },
        },
      );
    }
  }

  async process(job: Job<DeliveryJob>): Promise<void> {
    const { message, channel } = job.data;
    const attempt = job.attemptsMade + 1;
    const base = {
      notificationId: message.notificationId,
      channelId: channel.channelId,
      ruleId: message.ruleId,
      ruleName: message.ruleName,
      kind: message.kind,
      createdAt: message.createdAt,
      summary: title(message),
      items: storedItems(message),
      attempts: attempt,
    };
    try {
      await this.send(channel, message);
      await this.repository.recordNotification({ ...base, status: 'sent', lastError: '', sentAt: new Date().toISOString() });
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      const last = err instanceof PermanentError || attempt >= (job.opts.attempts ?? 1);
      await this.repository.recordNotification({ ...base, status: last ? 'failed' : 'retrying', lastError: error });
      this.logger.warn(`alert "${message.ruleName}" to channel "${channel.name}": attempt ${attempt} failed: ${error}`);
      // A permanent error is not retried.
      throw err instanceof PermanentError ? new UnrecoverableError(error) : err;
    }
  }

  private async send(channel: AlertChannel, m: AlertMessage): Promise<void> {
    if (channel.kind === 'email') {
      if (!this.config.alerts.smtpUrl)
        throw new PermanentError('SMTP_URL is not set: Syncline has no mail server to send through');
      this.mailer ??= createTransport(this.config.alerts.smtpUrl);
      const mail = emailOf(m);
      await this.mailer.sendMail({
        from: this.config.alerts.emailFrom,
        to: channel.recipients,
        subject: mail.subject,
        text: mail.text,
      });
      return;
    }
    const url = SECRET_REF.test(channel.url) ? this.secrets.value(channel.url) : channel.url;
    if (!url) throw new PermanentError(this.secrets.problem(channel.url));
    let res: Response;
    try {
      res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'Syncline-Alerts' },
        body: JSON.stringify(webhookBody(channel.format, m)),
        signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
      });
    } catch (err) {
      // Never the URL in the message: a Slack webhook's URL is its secret.
      const cause = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).name;
      throw new Error(`could not reach the webhook (${cause})`, { cause: err });
    }
    if (res.ok) return;
    const text = (await res.text().catch(() => '')).slice(0, 200);
    const message = `HTTP ${res.status} from the webhook${text ? `: ${text}` : ''}`;
    if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) throw new PermanentError(message);
    throw new Error(message);
  }

  async onApplicationShutdown(): Promise<void> {
    this.mailer?.close();
  }
}
