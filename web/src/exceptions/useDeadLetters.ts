import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { DeadLetterFilterInput, DeadLettersQuery } from '../gql/graphql';

const DeadLettersDocument = graphql(`
  query DeadLetters($filter: DeadLetterFilterInput, $first: Int!, $after: String) {
    deadLetters(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        receivedAt
        source
        topic
        clientId
        plant
        reasonCode
        reason
        payload
        payloadBytes
        payloadTruncated
        status
        statusChangedAt
        statusChangedBy
        statusReason
      }
    }
  }
`);

const DeadLetterCountsDocument = graphql(`
  query DeadLetterCounts {
    deadLetterCounts {
      source
      reason
      status
      count
    }
  }
`);

const RedeliverDeadLettersDocument = graphql(`
  mutation RedeliverDeadLetters($target: DeadLetterTargetInput!, $payload: String) {
    redeliverDeadLetters(target: $target, payload: $payload) {
      redelivered
      failed {
        id
        reason
      }
    }
  }
`);

const DiscardDeadLettersDocument = graphql(`
  mutation DiscardDeadLetters($target: DeadLetterTargetInput!, $reason: String!) {
    discardDeadLetters(target: $target, reason: $reason) {
      changed
    }
  }
`);

export type DeadLetter = DeadLettersQuery['deadLetters']['nodes'][number];
export const LETTERS_PAGE_SIZE = 25;

/** An action answers with counts only: naming the types makes the lists and counts on screen ask again. */
export const LETTERS_CHANGED = { additionalTypenames: ['DeadLetter', 'DeadLetterConnection', 'DeadLetterCount'] };

export function useDeadLetters(filter: DeadLetterFilterInput, after: string | null) {
  return useQuery({
    query: DeadLettersDocument,
    variables: { filter, first: LETTERS_PAGE_SIZE, after },
    requestPolicy: 'cache-and-network',
  });
}

export function useDeadLetterCounts() {
  return useQuery({ query: DeadLetterCountsDocument, requestPolicy: 'cache-and-network' });
}

export function useRedeliver() {
  return useMutation(RedeliverDeadLettersDocument);
}

export function useDiscard() {
  return useMutation(DiscardDeadLettersDocument);
}
