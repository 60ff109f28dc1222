import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { PersonFieldsFragment } from '../gql/graphql';

graphql(`
  fragment PersonFields on User {
    username
    displayName
    role
    plants
    disabled
    createdAt
    createdBy
    updatedAt
    updatedBy
  }
`);

const UsersDocument = graphql(`
  query Users {
    users {
      ...PersonFields
    }
  }
`);

const CreateUserDocument = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      ...PersonFields
    }
  }
`);

const UpdateUserDocument = graphql(`
  mutation UpdateUser($input: UpdateUserInput!) {
    updateUser(input: $input) {
      ...PersonFields
    }
  }
`);

const DisableUserDocument = graphql(`
  mutation DisableUser($username: String!) {
    disableUser(username: $username) {
      ...PersonFields
    }
  }
`);

const EnableUserDocument = graphql(`
  mutation EnableUser($username: String!) {
    enableUser(username: $username) {
      ...PersonFields
    }
  }
`);

const ResetPasswordDocument = graphql(`
  mutation ResetPassword($username: String!, $newPassword: String!) {
    resetPassword(username: $username, newPassword: $newPassword) {
      ...PersonFields
    }
  }
`);

export type Person = PersonFieldsFragment;

// Each change answers with the changed User, which makes urql's document cache ask for the list
// again: the table always shows what the server holds.

/** Everybody who can sign in, enabled or not (people:manage). */
export function usePeople() {
  return useQuery({ query: UsersDocument });
}

export function useCreatePerson() {
  return useMutation(CreateUserDocument);
}

/** Role, plants or display name. */
export function useUpdatePerson() {
  return useMutation(UpdateUserDocument);
}

export function useDisablePerson() {
  return useMutation(DisableUserDocument);
}

export function useEnablePerson() {
  return useMutation(EnableUserDocument);
}

export function useResetPassword() {
  return useMutation(ResetPasswordDocument);
}
