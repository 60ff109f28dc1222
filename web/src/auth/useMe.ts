import { useQuery } from 'urql';
import { graphql } from '../gql';
import type { MeQuery } from '../gql/graphql';

const MeDocument = graphql(`
  query Me {
    me {
      username
      displayName
      kind
      role
      plants
      permissions
      home
    }
  }
`);

/** The signed-in person: who, their role, plants, permissions and landing page. */
export type Me = MeQuery['me'];

/** Who is asking; answers UNAUTHENTICATED when nobody is signed in. */
export function useMe() {
  return useQuery({ query: MeDocument });
}
