import type { ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Request, Response } from 'express';
import type { RequestWithPrincipal } from '../../domain/principal';

export type HttpRequest = Request & RequestWithPrincipal;

/** The HTTP request behind a controller or resolver call. */
export function requestOf(context: ExecutionContext): HttpRequest {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{ req: HttpRequest }>().req;
  }
  return context.switchToHttp().getRequest<HttpRequest>();
}

/** The HTTP response behind a controller or resolver call (resolvers use it to set the session cookie). */
export function responseOf(context: ExecutionContext): Response {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{ res: Response }>().res;
  }
  return context.switchToHttp().getResponse<Response>();
}
