import { useQuery } from 'urql';
import { graphql } from '../gql';
import type { AuditFilterInput, AuditLogQuery } from '../gql/graphql';

const AuditLogDocument = graphql(`
  query AuditLog($filter: AuditFilterInput, $first: Int!, $after: String) {
    auditLog(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        at
        actor
        actorKind
        actorRole
        operation
        targetType
        targetId
        outcome
        before
        after
        error
        clientAddress
        requestId
      }
    }
  }
`);

export type AuditEntry = AuditLogQuery['auditLog']['nodes'][number];

export const AUDIT_PAGE_SIZE = 50;

/** One page of the audit trail, newest first (audit:view); `after` is the previous page's endCursor. */
export function useAuditLog(filter: AuditFilterInput, after: string | null) {
  return useQuery({
    query: AuditLogDocument,
    variables: { filter, first: AUDIT_PAGE_SIZE, after },
    // The trail grows with every change made elsewhere: show what is cached, then the latest.
    requestPolicy: 'cache-and-network',
  });
}
