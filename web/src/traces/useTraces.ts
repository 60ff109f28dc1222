import { useQuery } from 'urql';
import { graphql } from '../gql';
import type { TraceFilterInput } from '../gql/graphql';

export const SEARCH_PAGE_SIZE = 50;
export const HOPS_PAGE_SIZE = 500;

graphql(`
  fragment TraceMessageFields on TraceMessage {
    correlationId
    plant
    line
    flow
    businessKey
    orderId
    batch
    asset
    material
    firstHopAt
    lastHopAt
    durationMs
    stages
    firstStage
    lastStage
    missingStages
    hasError
    outcome
    findingCount
  }
`);

const TraceSearchDocument = graphql(`
  query TraceSearch($query: String, $filter: TraceFilterInput, $first: Int!, $after: String) {
    traceSearch(query: $query, filter: $filter, first: $first, after: $after) {
      matchedAs
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...TraceMessageFields
      }
    }
  }
`);

const TraceDocument = graphql(`
  query Trace($correlationId: String!, $hopsFirst: Int!, $hopsAfter: String) {
    trace(correlationId: $correlationId, hopsFirst: $hopsFirst, hopsAfter: $hopsAfter) {
      message {
        ...TraceMessageFields
      }
      stitched {
        ...TraceMessageFields
      }
      hopCount
      hopsPageInfo {
        hasNextPage
        endCursor
      }
      hops {
        hopId
        correlationId
        parentHopId
        stage
        system
        status
        errorCode
        errorMessage
        attempt
        startAt
        endAt
        offsetMs
        durationMs
        gapMs
        parentMissing
        startsBeforeParentEnd
        retry
        stitched
      }
      deviceEvents {
        eventId
        eventTime
        line
        asset
        orderId
        material
        eventType
        quantity
        unit
      }
      postings {
        documentId
        postedAt
        postingType
        orderId
        material
        quantity
        unit
        deviceEventId
        reversesDocumentId
      }
      findings {
        id
        type
        status
        severity
        details
        valueAtRisk
        currency
      }
    }
  }
`);

const TraceHopDocument = graphql(`
  query TraceHop($correlationId: String!, $hopId: String!, $fullPayload: Boolean!) {
    traceHop(correlationId: $correlationId, hopId: $hopId, fullPayload: $fullPayload) {
      hopId
      correlationId
      parentHopId
      flow
      stage
      system
      plant
      line
      asset
      orderId
      material
      batch
      eventType
      quantity
      unit
      businessKey
      startAt
      endAt
      status
      errorCode
      errorMessage
      attempt
      ingestedAt
      attributes
      payload
      payloadBytes
      payloadTruncated
    }
  }
`);

export function useTraceSearch(query: string, filter: TraceFilterInput, after: string | null) {
  const [result, refetch] = useQuery({
    query: TraceSearchDocument,
    variables: { query: query || null, filter, first: SEARCH_PAGE_SIZE, after },
  });
  return { ...result, refetch };
}

export function useTrace(correlationId: string, hopsAfter: string | null) {
  const [result] = useQuery({ query: TraceDocument, variables: { correlationId, hopsFirst: HOPS_PAGE_SIZE, hopsAfter } });
  return result;
}

export function useTraceHop(correlationId: string, hopId: string, fullPayload: boolean) {
  const [result] = useQuery({ query: TraceHopDocument, variables: { correlationId, hopId, fullPayload } });
  return result;
}
