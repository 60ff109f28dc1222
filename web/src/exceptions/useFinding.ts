import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { FindingQuery } from '../gql/graphql';
import { FINDINGS_CHANGED } from './useFindings';

const FindingDocument = graphql(`
  query Finding($id: ID!) {
    finding(id: $id) {
      finding {
        ...FindingFields
      }
      meaning
      history {
        at
        kind
        status
        assignee
        comment
        actor
      }
      deviceEvents {
        eventId
        eventTime
        plant
        line
        asset
        orderId
        material
        eventType
        quantity
        unit
        quantityInFindingUnit
      }
      postings {
        documentId
        postedAt
        plant
        orderId
        material
        postingType
        quantity
        unit
        deviceEventId
        reversesDocumentId
      }
      rules
    }
  }
`);

const CommentOnFindingDocument = graphql(`
  mutation CommentOnFinding($id: ID!, $comment: String!) {
    commentOnFinding(id: $id, comment: $comment) {
      changed
    }
  }
`);

export type FindingDetail = FindingQuery['finding'];
export type FindingHistoryEntry = FindingDetail['history'][number];
export type FindingDeviceEvent = FindingDetail['deviceEvents'][number];
export type FindingPosting = FindingDetail['postings'][number];

/** One finding with what it is about and its history (data:view); NOT_FOUND outside the person's plants. */
export function useFinding(id: string) {
  return useQuery({ query: FindingDocument, variables: { id }, requestPolicy: 'cache-and-network' });
}

/** Adds a comment to one finding's history (findings:triage). */
export function useCommentOnFinding() {
  const [state, comment] = useMutation(CommentOnFindingDocument);
  const run = async (id: string, text: string) =>
    (await comment({ id, comment: text }, FINDINGS_CHANGED)).data?.commentOnFinding.changed;
  return { ...state, run };
}
