/** Who is calling. Machine clients get API keys scoped to plants (ingest); admins manage everything. */
export type Principal = { kind: 'admin'; id: 'admin' };

export type RequestWithPrincipal = { headers: Record<string, string | string[] | undefined>; principal?: Principal };
