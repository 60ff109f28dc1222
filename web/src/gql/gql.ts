/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
  '\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n': typeof types.ChangePasswordDocument;
  '\n  query AuditLog($filter: AuditFilterInput, $first: Int!, $after: String) {\n    auditLog(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        at\n        actor\n        actorKind\n        actorRole\n        operation\n        targetType\n        targetId\n        outcome\n        before\n        after\n        error\n        clientAddress\n        requestId\n      }\n    }\n  }\n': typeof types.AuditLogDocument;
  '\n  query Me {\n    me {\n      username\n      displayName\n      kind\n      role\n      plants\n      permissions\n      home\n    }\n  }\n': typeof types.MeDocument;
  '\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      expiresAt\n      user {\n        username\n        role\n      }\n    }\n  }\n': typeof types.LoginDocument;
  '\n  mutation Logout {\n    logout\n  }\n': typeof types.LogoutDocument;
  '\n  fragment PersonFields on User {\n    username\n    displayName\n    role\n    plants\n    disabled\n    createdAt\n    createdBy\n    updatedAt\n    updatedBy\n  }\n': typeof types.PersonFieldsFragmentDoc;
  '\n  query Users {\n    users {\n      ...PersonFields\n    }\n  }\n': typeof types.UsersDocument;
  '\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...PersonFields\n    }\n  }\n': typeof types.CreateUserDocument;
  '\n  mutation UpdateUser($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      ...PersonFields\n    }\n  }\n': typeof types.UpdateUserDocument;
  '\n  mutation DisableUser($username: String!) {\n    disableUser(username: $username) {\n      ...PersonFields\n    }\n  }\n': typeof types.DisableUserDocument;
  '\n  mutation EnableUser($username: String!) {\n    enableUser(username: $username) {\n      ...PersonFields\n    }\n  }\n': typeof types.EnableUserDocument;
  '\n  mutation ResetPassword($username: String!, $newPassword: String!) {\n    resetPassword(username: $username, newPassword: $newPassword) {\n      ...PersonFields\n    }\n  }\n': typeof types.ResetPasswordDocument;
  '\n  query SyncLagByLine($minutes: Int!, $slaMinutes: Int!) {\n    syncLagByLine(minutes: $minutes, slaMinutes: $slaMinutes) {\n      plant\n      line\n      events\n      posted\n      withinSlaShare\n      lagP50Seconds\n      lagP95Seconds\n      lagP99Seconds\n      lastEventAt\n    }\n  }\n': typeof types.SyncLagByLineDocument;
};
const documents: Documents = {
  '\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n':
    types.ChangePasswordDocument,
  '\n  query AuditLog($filter: AuditFilterInput, $first: Int!, $after: String) {\n    auditLog(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        at\n        actor\n        actorKind\n        actorRole\n        operation\n        targetType\n        targetId\n        outcome\n        before\n        after\n        error\n        clientAddress\n        requestId\n      }\n    }\n  }\n':
    types.AuditLogDocument,
  '\n  query Me {\n    me {\n      username\n      displayName\n      kind\n      role\n      plants\n      permissions\n      home\n    }\n  }\n':
    types.MeDocument,
  '\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      expiresAt\n      user {\n        username\n        role\n      }\n    }\n  }\n':
    types.LoginDocument,
  '\n  mutation Logout {\n    logout\n  }\n': types.LogoutDocument,
  '\n  fragment PersonFields on User {\n    username\n    displayName\n    role\n    plants\n    disabled\n    createdAt\n    createdBy\n    updatedAt\n    updatedBy\n  }\n':
    types.PersonFieldsFragmentDoc,
  '\n  query Users {\n    users {\n      ...PersonFields\n    }\n  }\n': types.UsersDocument,
  '\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...PersonFields\n    }\n  }\n':
    types.CreateUserDocument,
  '\n  mutation UpdateUser($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      ...PersonFields\n    }\n  }\n':
    types.UpdateUserDocument,
  '\n  mutation DisableUser($username: String!) {\n    disableUser(username: $username) {\n      ...PersonFields\n    }\n  }\n':
    types.DisableUserDocument,
  '\n  mutation EnableUser($username: String!) {\n    enableUser(username: $username) {\n      ...PersonFields\n    }\n  }\n':
    types.EnableUserDocument,
  '\n  mutation ResetPassword($username: String!, $newPassword: String!) {\n    resetPassword(username: $username, newPassword: $newPassword) {\n      ...PersonFields\n    }\n  }\n':
    types.ResetPasswordDocument,
  '\n  query SyncLagByLine($minutes: Int!, $slaMinutes: Int!) {\n    syncLagByLine(minutes: $minutes, slaMinutes: $slaMinutes) {\n      plant\n      line\n      events\n      posted\n      withinSlaShare\n      lagP50Seconds\n      lagP95Seconds\n      lagP99Seconds\n      lastEventAt\n    }\n  }\n':
    types.SyncLagByLineDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n',
): (typeof documents)['\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query AuditLog($filter: AuditFilterInput, $first: Int!, $after: String) {\n    auditLog(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        at\n        actor\n        actorKind\n        actorRole\n        operation\n        targetType\n        targetId\n        outcome\n        before\n        after\n        error\n        clientAddress\n        requestId\n      }\n    }\n  }\n',
): (typeof documents)['\n  query AuditLog($filter: AuditFilterInput, $first: Int!, $after: String) {\n    auditLog(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        at\n        actor\n        actorKind\n        actorRole\n        operation\n        targetType\n        targetId\n        outcome\n        before\n        after\n        error\n        clientAddress\n        requestId\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query Me {\n    me {\n      username\n      displayName\n      kind\n      role\n      plants\n      permissions\n      home\n    }\n  }\n',
): (typeof documents)['\n  query Me {\n    me {\n      username\n      displayName\n      kind\n      role\n      plants\n      permissions\n      home\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      expiresAt\n      user {\n        username\n        role\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      expiresAt\n      user {\n        username\n        role\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation Logout {\n    logout\n  }\n',
): (typeof documents)['\n  mutation Logout {\n    logout\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment PersonFields on User {\n    username\n    displayName\n    role\n    plants\n    disabled\n    createdAt\n    createdBy\n    updatedAt\n    updatedBy\n  }\n',
): (typeof documents)['\n  fragment PersonFields on User {\n    username\n    displayName\n    role\n    plants\n    disabled\n    createdAt\n    createdBy\n    updatedAt\n    updatedBy\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query Users {\n    users {\n      ...PersonFields\n    }\n  }\n',
): (typeof documents)['\n  query Users {\n    users {\n      ...PersonFields\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...PersonFields\n    }\n  }\n',
): (typeof documents)['\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...PersonFields\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation UpdateUser($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      ...PersonFields\n    }\n  }\n',
): (typeof documents)['\n  mutation UpdateUser($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      ...PersonFields\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation DisableUser($username: String!) {\n    disableUser(username: $username) {\n      ...PersonFields\n    }\n  }\n',
): (typeof documents)['\n  mutation DisableUser($username: String!) {\n    disableUser(username: $username) {\n      ...PersonFields\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation EnableUser($username: String!) {\n    enableUser(username: $username) {\n      ...PersonFields\n    }\n  }\n',
): (typeof documents)['\n  mutation EnableUser($username: String!) {\n    enableUser(username: $username) {\n      ...PersonFields\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ResetPassword($username: String!, $newPassword: String!) {\n    resetPassword(username: $username, newPassword: $newPassword) {\n      ...PersonFields\n    }\n  }\n',
): (typeof documents)['\n  mutation ResetPassword($username: String!, $newPassword: String!) {\n    resetPassword(username: $username, newPassword: $newPassword) {\n      ...PersonFields\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query SyncLagByLine($minutes: Int!, $slaMinutes: Int!) {\n    syncLagByLine(minutes: $minutes, slaMinutes: $slaMinutes) {\n      plant\n      line\n      events\n      posted\n      withinSlaShare\n      lagP50Seconds\n      lagP95Seconds\n      lagP99Seconds\n      lastEventAt\n    }\n  }\n',
): (typeof documents)['\n  query SyncLagByLine($minutes: Int!, $slaMinutes: Int!) {\n    syncLagByLine(minutes: $minutes, slaMinutes: $slaMinutes) {\n      plant\n      line\n      events\n      posted\n      withinSlaShare\n      lagP50Seconds\n      lagP95Seconds\n      lagP99Seconds\n      lastEventAt\n    }\n  }\n'];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> =
  TDocumentNode extends DocumentNode<infer TType, any> ? TType : never;
