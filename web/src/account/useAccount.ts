import { useMutation } from 'urql';
import { graphql } from '../gql';

const ChangePasswordDocument = graphql(`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
  }
`);

/** Changes one's own password; this session carries on, every other one of the person ends. */
export function useChangePassword() {
  return useMutation(ChangePasswordDocument);
}
