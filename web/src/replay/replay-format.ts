/** The finding types a replay can fix: the message never reached the ERP (as the server decides too). */
export const REPLAYABLE: readonly string[] = ['missing_posting', 'failed_hop'];

/** Why a message is skipped, in words. */
const SKIPS: Record<string, string> = {
  already_posted: 'Already posted',
  already_queued: 'Already queued',
  recently_sent: 'Sent recently',
  no_payload: 'No payload',
  no_target: 'No replay target',
  no_message: 'No message',
  not_replayable: 'Not replayable',
};

export function skipText(skip: string): string {
  return SKIPS[skip] ?? skip;
}

/** Why an edited payload cannot be sent, or '' when it is valid JSON. */
export function payloadProblem(text: string): string {
  if (!text.trim()) return 'The payload is empty.';
  try {
    JSON.parse(text);
    return '';
  } catch (err) {
    return `Not valid JSON: ${(err as Error).message}`;
  }
}

/** "412 of 1,000 done" style progress: finished messages of a replay. */
export function doneCount(b: { sent: number; skipped: number; failed: number; dead: number; cancelled: number }): number {
  return b.sent + b.skipped + b.failed + b.dead + b.cancelled;
}

export const STATE_LABELS: Record<string, string> = {
  running: 'Running',
  paused: 'Paused',
  cancelled: 'Cancelled',
  finished: 'Finished',
  queued: 'Queued',
  sent: 'Sent',
  skipped: 'Skipped',
  failed: 'Failed',
  dead: 'Dead',
};
