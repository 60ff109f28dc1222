import { ArgumentsHost, Catch, Logger } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { ClickHouseQueryError, ClickHouseUnavailableError } from '../clickhouse/clickhouse.errors';

/**
 * ClickHouse errors reaching a GraphQL client name the query that failed, never ClickHouse's message
 * (it quotes the SQL with its values); the message goes to the log. Other errors and other contexts
 * pass through unchanged.
 */
@Catch()
export class GraphqlErrorFilter extends BaseExceptionFilter implements GqlExceptionFilter {
  private readonly logger = new Logger('GraphQL');

  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() !== 'graphql') return super.catch(exception, host);
    if (exception instanceof ClickHouseQueryError) {
      this.logger.error(exception.message);
      return new GraphQLError(`ClickHouse could not run ${exception.queryName}; the details are in Syncline's log`, {
        extensions: { code: 'DATABASE_ERROR', query: exception.queryName },
      });
    }
    if (exception instanceof ClickHouseUnavailableError) {
      this.logger.warn(exception.message);
      return new GraphQLError('ClickHouse is unavailable; try again shortly', { extensions: { code: 'DATABASE_UNAVAILABLE' } });
    }
    return exception;
  }
}
