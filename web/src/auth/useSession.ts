import { useMutation } from 'urql';
import { graphql } from '../gql';

const LoginDocument = graphql(`
  mutation Login($username: String!, $password: String!) {
    login(username: $username, password: $password) {
      expiresAt
      user {
        username
        role
      }
    }
  }
`);

const LogoutDocument = graphql(`
  mutation Logout {
    logout
  }
`);

/**
 * Signs in. The server answers with the session as an HttpOnly cookie; the token it also returns
 * (for scripts) is not asked for, so it never reaches script memory.
 */
export function useLogin() {
  return useMutation(LoginDocument);
}

/** Ends this session on the server; the cookie stops working everywhere. */
export function useLogout() {
  return useMutation(LogoutDocument);
}
