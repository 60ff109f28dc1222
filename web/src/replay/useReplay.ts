import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { FindingFilterInput, ReplayTargetInput } from '../gql/graphql';

/** What a request answers, dry run or real: the same for findings and for messages. */
graphql(`
  fragment ReplayPlan on ReplayRequestResult {
    batchId
    dryRun
    toSend
    skipped
    items {
      findingId
      correlationId
      businessKey
      flow
      plant
      targetUrl
      idempotencyKey
      payload
      send
      skip
      reason
    }
  }
`);

const ReplayFindingsDocument = graphql(`
  mutation ReplayFindings($ids: [String!], $filter: FindingFilterInput, $dryRun: Boolean!, $reason: String!) {
    replay(findingIds: $ids, filter: $filter, dryRun: $dryRun, reason: $reason) {
      ...ReplayPlan
    }
  }
`);

const ReplayMessagesDocument = graphql(`
  mutation ReplayMessages($ids: [String!]!, $dryRun: Boolean!, $reason: String!, $payload: String) {
    replayMessages(correlationIds: $ids, dryRun: $dryRun, reason: $reason, payload: $payload) {
      ...ReplayPlan
    }
  }
`);

/** What a replay request is about: findings (ids or a filter), or messages by correlation id. */
export type ReplaySource = { findingIds?: string[]; filter?: FindingFilterInput } | { correlationIds: string[] };

/** One request, dry run or real: the same mutation the server plans both with. */
export function useReplayRequest(source: ReplaySource) {
  const [findingsState, replayFindings] = useMutation(ReplayFindingsDocument);
  const [messagesState, replayMessages] = useMutation(ReplayMessagesDocument);
  const byMessage = 'correlationIds' in source;
  const state = byMessage ? messagesState : findingsState;
  const run = async (dryRun: boolean, reason: string, payload?: string) => {
    if ('correlationIds' in source) {
      const r = await replayMessages({ ids: source.correlationIds, dryRun, reason, payload });
      return r.data?.replayMessages;
    }
    const r = await replayFindings({ ids: source.findingIds, filter: source.filter, dryRun, reason });
    return r.data?.replay;
  };
  return { run, fetching: state.fetching, error: state.error };
}

const ReplayBatchesDocument = graphql(`
  query ReplayBatches($first: Int!) {
    replayBatches(first: $first) {
      id
      reason
      requestedBy
      requestedAt
      total
      state
      ratePerSecond
      queued
      sent
      skipped
      failed
      dead
      cancelled
    }
  }
`);

export function useReplayBatches() {
  const [result, refetch] = useQuery({
    query: ReplayBatchesDocument,
    variables: { first: 50 },
    requestPolicy: 'cache-and-network',
  });
  return { batches: result.data?.replayBatches ?? [], fetching: result.fetching, error: result.error, refetch };
}

const ReplayItemsDocument = graphql(`
  query ReplayItems($batchId: String!) {
    replayItems(batchId: $batchId) {
      id
      correlationId
      businessKey
      findingId
      plant
      targetUrl
      state
      outcome
      responseCode
      documentId
      attempts
      updatedAt
      edited
    }
  }
`);

export function useReplayItems(batchId: string) {
  const [result, refetch] = useQuery({ query: ReplayItemsDocument, variables: { batchId }, requestPolicy: 'cache-and-network' });
  return { items: result.data?.replayItems ?? [], fetching: result.fetching, error: result.error, refetch };
}

const DeadReplaysDocument = graphql(`
  query DeadReplays {
    deadReplays(first: 100) {
      id
      batchId
      correlationId
      businessKey
      plant
      targetUrl
      state
      outcome
      attempts
      updatedAt
    }
  }
`);

export function useDeadReplays() {
  const [result, refetch] = useQuery({ query: DeadReplaysDocument, requestPolicy: 'cache-and-network' });
  return { items: result.data?.deadReplays ?? [], fetching: result.fetching, error: result.error, refetch };
}

const PauseReplayDocument = graphql(`
  mutation PauseReplay($id: String!) {
    pauseReplay(id: $id) {
      id
      state
    }
  }
`);
const ResumeReplayDocument = graphql(`
  mutation ResumeReplay($id: String!) {
    resumeReplay(id: $id) {
      id
      state
    }
  }
`);
const CancelReplayDocument = graphql(`
  mutation CancelReplay($id: String!) {
    cancelReplay(id: $id) {
      id
      state
    }
  }
`);
const SetReplayRateDocument = graphql(`
  mutation SetReplayRate($id: String!, $rate: Float!) {
    setReplayRate(id: $id, ratePerSecond: $rate) {
      id
      ratePerSecond
    }
  }
`);

/** Pause, resume, cancel and the rate of one running replay. */
export function useBatchControls() {
  const [pauseState, pause] = useMutation(PauseReplayDocument);
  const [resumeState, resume] = useMutation(ResumeReplayDocument);
  const [cancelState, cancel] = useMutation(CancelReplayDocument);
  const [rateState, setRate] = useMutation(SetReplayRateDocument);
  return {
    pause: (id: string) => pause({ id }),
    resume: (id: string) => resume({ id }),
    cancel: (id: string) => cancel({ id }),
    setRate: (id: string, rate: number) => setRate({ id, rate }),
    fetching: pauseState.fetching || resumeState.fetching || cancelState.fetching || rateState.fetching,
    error: pauseState.error ?? resumeState.error ?? cancelState.error ?? rateState.error,
  };
}

const ReplayTargetsDocument = graphql(`
  query ReplayTargets {
    replayTargets {
      flow
      plant
      url
      method
      headers {
        name
        secret
      }
      timeoutMs
      ratePerSecond
      concurrency
      checkMode
      lookupUrl
      enabled
      autoReplay
      autoClasses
      autoMax
      updatedBy
      updatedAt
    }
  }
`);

const SaveReplayTargetDocument = graphql(`
  mutation SaveReplayTarget($input: ReplayTargetInput!) {
    saveReplayTarget(input: $input) {
      flow
      plant
      url
    }
  }
`);

export function useReplayTargets() {
  const [result, refetch] = useQuery({ query: ReplayTargetsDocument });
  const [saveState, save] = useMutation(SaveReplayTargetDocument);
  return {
    targets: result.data?.replayTargets ?? [],
    fetching: result.fetching,
    error: result.error,
    refetch,
    save: async (input: ReplayTargetInput) => (await save({ input })).data?.saveReplayTarget,
    saving: saveState.fetching,
    saveError: saveState.error,
  };
}
