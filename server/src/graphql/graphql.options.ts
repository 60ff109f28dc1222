import type { ApolloDriverConfig } from '@nestjs/apollo';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { Logger } from '@nestjs/common';
import { GraphQLError, Kind, type GraphQLFormattedError, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import type { AppConfig } from '../config/config';
import type { RequestWithPrincipal } from '../domain/principal';

type Context = { req: RequestWithPrincipal };
/** Apollo's plugin type as @nestjs/apollo resolves it (the CommonJS build of @apollo/server). */
type Plugin = NonNullable<ApolloDriverConfig['plugins']>[number];

/**
 * A list field costs its page size times what one item costs: `first`, or the page size default
 * when absent. Anything else costs 1 (simpleEstimator).
 */
const pagedEstimator: ComplexityEstimator = ({ args, childComplexity }) => {
  const first = typeof args.first === 'number' ? args.first : undefined;
  return first !== undefined ? 1 + first * Math.max(1, childComplexity) : undefined;
};

/** Refuses an operation whose estimated cost is over GRAPHQL_MAX_COST (graphql-query-complexity). */
function costLimit(maxCost: number, schema: () => GraphQLSchema): Plugin {
  return {
    requestDidStart: async () => ({
      didResolveOperation: async ({ request, document }) => {
        let cost: number;
        try {
          cost = getComplexity({
            schema: schema(),
            query: document,
            variables: request.variables,
            operationName: request.operationName,
            estimators: [pagedEstimator, simpleEstimator({ defaultComplexity: 1 })],
          });
        } catch (err) {
          // Variables that do not fit the operation (one missing, a wrong type): nothing runs, and
          // execution refuses them right after with GraphQL's own 400 naming the variable. By name:
          // graphql-query-complexity may load the other build of graphql (ESM/CommonJS) and its class.
          if (err instanceof Error && err.name === 'GraphQLError') return;
          throw err;
        }
        if (cost > maxCost) {
          throw new GraphQLError(
            `Query cost ${cost} is over the limit of ${maxCost} (GRAPHQL_MAX_COST): ask for fewer fields or smaller pages`,
            {
              extensions: { code: 'COST_LIMIT', cost, limit: maxCost },
            },
          );
        }
      },
    }),
  };
}

const selectsIntrospection = (op: OperationDefinitionNode) =>
  op.selectionSet.selections.some((s) => s.kind === Kind.FIELD && (s.name.value === '__schema' || s.name.value === '__type'));

/** Introspection per GRAPHQL_INTROSPECTION: for signed-in callers (default), everybody, or nobody. */
function introspectionGate(mode: AppConfig['graphql']['introspection']): Plugin {
  return {
    requestDidStart: async () => ({
      didResolveOperation: async ({ operation, contextValue }) => {
        if (mode === 'on' || !operation || !selectsIntrospection(operation)) return;
        const principal = (contextValue as Context).req.principal;
        if (mode === 'off' || !principal || principal.kind === 'api_key') {
          throw new GraphQLError(
            mode === 'off'
              ? 'Introspection is turned off (GRAPHQL_INTROSPECTION=off)'
              : 'Introspection needs a signed-in person or the admin token (GRAPHQL_INTROSPECTION=signed_in)',
            { extensions: { code: 'INTROSPECTION_DISABLED' } },
          );
        }
      },
    }),
  };
}

const logger = new Logger('GraphQL');

/**
 * What a client is told about an unexpected failure: that it failed, not the message (which may quote
 * internals). The whole error goes to the server log. ClickHouse errors are mapped before this, by
 * GraphqlErrorFilter, to DATABASE_ERROR / DATABASE_UNAVAILABLE naming the query.
 */
export function clientSafeError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  if (formatted.extensions?.code !== 'INTERNAL_SERVER_ERROR') return formatted;
  logger.error(
    `${formatted.path?.join('.') ?? 'request'} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  const message = "Syncline could not complete this request; the details are in Syncline's log";
  return { ...formatted, message, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

/** Apollo options: limits on depth and cost, CSRF prevention for cookie sessions, gated introspection. */
export function graphqlOptions(config: AppConfig): ApolloDriverConfig {
  let schemaRef: GraphQLSchema | undefined;
  return {
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    context: ({ req, res }: { req: unknown; res: unknown }) => ({ req, res }),
    // Apollo refuses requests a browser could send cross-site without a preflight (simple GETs and
    // form posts): the session cookie cannot be used by another site's page.
    csrfPrevention: true,
    formatError: clientSafeError,
    // Stack traces only where a developer asked for them; never to a plant's browser.
    includeStacktraceInErrorResponses: config.env === 'development',
    // Always on in Apollo; introspectionGate below decides who gets it, with a message that says why.
    introspection: true,
    validationRules: [
      maxDepthRule({
        n: config.graphql.maxDepth,
        exposeLimits: true,
        ignoreIntrospection: true,
        flattenFragments: true,
        // Report as a validation error (400 with the message), not a throw (500).
        propagateOnRejection: false,
        onReject: [
          (ctx, err) =>
            ctx?.reportError(
              new GraphQLError(`${err.message.replace(/^Syntax Error: /, '').replace(/\.$/, '')} (GRAPHQL_MAX_DEPTH)`, {
                extensions: { limit: config.graphql.maxDepth }, // Apollo sets code GRAPHQL_VALIDATION_FAILED
              }),
            ),
        ],
      }),
    ],
    plugins: [
      {
        serverWillStart: async ({ schema }) => {
          schemaRef = schema;
        },
      } satisfies Plugin,
      costLimit(config.graphql.maxCost, () => {
        if (!schemaRef) throw new Error('GraphQL schema not ready');
        return schemaRef;
      }),
      introspectionGate(config.graphql.introspection),
    ],
  };
}
