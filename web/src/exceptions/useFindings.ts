import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type {
  FindingCountsQuery,
  FindingFieldsFragment,
  FindingFilterInput,
  FindingGroupsQuery,
  FindingOrder,
  FindingTargetInput,
} from '../gql/graphql';

graphql(`
  fragment FindingFields on Finding {
    id
    type
    status
    severity
    priority
    plant
    line
    flow
    orderId
    material
    eventIds
    postingIds
    correlationIds
    deviceQuantity
    erpQuantity
    unit
    valueAtRisk
    currency
    happenedAt
    conditionSince
    firstSeenAt
    lastSeenAt
    resolution
    statusChangedAt
    statusChangedBy
    assignee
    details
    rulesVersion
    ageSeconds
  }
`);

const FindingsDocument = graphql(`
  query Findings($filter: FindingFilterInput, $orderBy: FindingOrder!, $descending: Boolean!, $first: Int!, $after: String) {
    findings(filter: $filter, orderBy: $orderBy, descending: $descending, first: $first, after: $after) {
      totalCount
      readAt
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...FindingFields
      }
    }
  }
`);

// FindingCount carries no currency; one finding of the same filter names it (every finding of an
// installation has the same currency). The tiles need nothing else from it.
const FindingCountsDocument = graphql(`
  query FindingCounts($filter: FindingFilterInput) {
    findingCounts(filter: $filter) {
      type
      status
      count
      valueAtRisk
    }
    currencyOf: findings(filter: $filter, first: 1) {
      nodes {
        id
        currency
      }
    }
  }
`);

const FindingGroupsDocument = graphql(`
  query FindingGroups($filter: FindingFilterInput, $first: Int!) {
    findingGroups(filter: $filter, first: $first) {
      type
      plant
      line
      flow
      hour
      count
      activeCount
      valueAtRisk
      currency
      worstSeverity
      statuses
      readAt
    }
  }
`);

const AcknowledgeFindingsDocument = graphql(`
  mutation AcknowledgeFindings($target: FindingTargetInput!, $comment: String) {
    acknowledgeFindings(target: $target, comment: $comment) {
      changed
    }
  }
`);

const AssignFindingsDocument = graphql(`
  mutation AssignFindings($target: FindingTargetInput!, $assignee: String!, $comment: String) {
    assignFindings(target: $target, assignee: $assignee, comment: $comment) {
      changed
    }
  }
`);

const ResolveFindingsDocument = graphql(`
  mutation ResolveFindings($target: FindingTargetInput!, $reason: String!) {
    resolveFindings(target: $target, reason: $reason) {
      changed
    }
  }
`);

const IgnoreFindingsDocument = graphql(`
  mutation IgnoreFindings($target: FindingTargetInput!, $reason: String!) {
    ignoreFindings(target: $target, reason: $reason) {
      changed
    }
  }
`);

export type Finding = FindingFieldsFragment;
export type FindingCount = FindingCountsQuery['findingCounts'][number];
export type FindingGroup = FindingGroupsQuery['findingGroups'][number];

export const FINDINGS_PAGE_SIZE = 50;
export const GROUPS_SHOWN = 100;

/**
 * An action answers only with how many findings changed, which tells urql's document cache nothing:
 * naming the types here makes every findings query on screen ask again.
 */
export const FINDINGS_CHANGED = {
  additionalTypenames: ['Finding', 'FindingConnection', 'FindingCount', 'FindingGroup', 'FindingDetail'],
};

/** One page of findings in the person's plants (data:view), sorted and filtered by the server. */
export function useFindings(filter: FindingFilterInput, orderBy: FindingOrder, descending: boolean, after: string | null) {
  return useQuery({
    query: FindingsDocument,
    variables: { filter, orderBy, descending, first: FINDINGS_PAGE_SIZE, after },
    // Reconciliation changes the queue in the background: show what is cached, then the latest.
    requestPolicy: 'cache-and-network',
  });
}

/** Counts and value at risk by type and status, for the tiles. */
export function useFindingCounts(filter: FindingFilterInput) {
  return useQuery({ query: FindingCountsDocument, variables: { filter }, requestPolicy: 'cache-and-network' });
}

/** Findings folded by cause (type, plant, line, flow, hour), largest value first. */
export function useFindingGroups(filter: FindingFilterInput, pause = false) {
  return useQuery({
    query: FindingGroupsDocument,
    variables: { filter, first: GROUPS_SHOWN },
    requestPolicy: 'cache-and-network',
    pause,
  });
}

export type FindingActionKind = 'acknowledge' | 'assign' | 'resolve' | 'ignore';

export interface FindingActionInput {
  target: FindingTargetInput;
  /** acknowledge, assign: optional. */
  comment?: string;
  /** assign: a username or team:<name>. */
  assignee?: string;
  /** resolve, ignore: required. */
  reason?: string;
}

/**
 * The triage actions (findings:triage) on ids or on every finding matching a filter. `run` answers
 * with how many findings changed, or undefined when the server refused (the error is in `error`).
 */
export function useFindingAction(kind: FindingActionKind) {
  const [acknowledging, acknowledge] = useMutation(AcknowledgeFindingsDocument);
  const [assigning, assign] = useMutation(AssignFindingsDocument);
  const [resolving, resolve] = useMutation(ResolveFindingsDocument);
  const [ignoring, ignore] = useMutation(IgnoreFindingsDocument);
  const state = { acknowledge: acknowledging, assign: assigning, resolve: resolving, ignore: ignoring }[kind];

  const run = async ({ target, comment, assignee, reason }: FindingActionInput): Promise<number | undefined> => {
    switch (kind) {
      case 'acknowledge':
        return (await acknowledge({ target, comment: comment || null }, FINDINGS_CHANGED)).data?.acknowledgeFindings.changed;
      case 'assign':
        return (await assign({ target, assignee: assignee ?? '', comment: comment || null }, FINDINGS_CHANGED)).data
          ?.assignFindings.changed;
      case 'resolve':
        return (await resolve({ target, reason: reason ?? '' }, FINDINGS_CHANGED)).data?.resolveFindings.changed;
      case 'ignore':
        return (await ignore({ target, reason: reason ?? '' }, FINDINGS_CHANGED)).data?.ignoreFindings.changed;
    }
  };

  return { fetching: state.fetching, error: state.error, run };
}
