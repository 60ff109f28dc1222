import type { RecordKind } from '../ingest/records/vocabulary';

/** Who is calling. Machine clients hold API keys scoped to plants and kinds of data; admins manage everything. */
export type Principal =
  | { kind: 'admin'; id: 'admin' }
  | {
      kind: 'api_key';
      id: string;
      name: string;
      /** null: every plant */
      plants: ReadonlySet<string> | null;
      kinds: ReadonlySet<RecordKind>;
      rateLimitPerMinute: number;
    };

export type RequestWithPrincipal = { headers: Record<string, string | string[] | undefined>; principal?: Principal };
