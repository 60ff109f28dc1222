import net from 'node:net';
import { Redis } from 'ioredis';
import { redactRedisUrl, redisOptionsFromUrl } from '../queues/redis-connection';

/** A start-up check that failed; the message tells the operator what to do. */
export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartupError';
  }
}

/** Fails fast, before anything else starts, when the HTTP port is taken. */
export async function assertPortFree(host: string, port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EADDRINUSE') {
        reject(
          new StartupError(
            `Port ${port} on ${host} is already in use (is Syncline already running?). Stop the other process or set PORT to a free port.`,
          ),
        );
      } else if (err.code === 'EACCES') {
        reject(new StartupError(`Not allowed to listen on port ${port} on ${host}. Set PORT to a port above 1023.`));
      } else {
        reject(new StartupError(`Cannot listen on ${host}:${port}: ${err.message}. Check HOST and PORT.`));
      }
    });
    probe.listen({ host, port, exclusive: true }, () => probe.close(() => resolve()));
  });
}

/** Fails fast with the command to run when Redis does not answer. */
export async function assertRedisReachable(url: string, timeoutMs = 3000): Promise<void> {
  const redis = new Redis({
    ...redisOptionsFromUrl(url),
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
  } catch (err) {
    throw new StartupError(
      `Redis is not reachable at ${redactRedisUrl(url)} (${(err as Error).message}). ` +
        'Start Redis, e.g. `redis-server --daemonize yes`, or set REDIS_URL to a running Redis (redis://host:6379).',
    );
  } finally {
    redis.disconnect();
  }
}
