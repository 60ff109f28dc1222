/** Every queue and job name in one place; a job with no handler is a start-up error. */
export enum QueueName {
  System = 'system',
}

export enum SystemJob {
  /** Proves the queue round trip (enqueue -> worker -> result) for diagnostics. */
  Echo = 'echo',
}

export interface EchoJobData {
  message: string;
  enqueuedAt: number;
}

export interface EchoJobResult {
  message: string;
  processedBy: number;
  latencyMs: number;
}
