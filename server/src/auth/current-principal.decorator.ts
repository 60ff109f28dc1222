import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Principal, RequestWithPrincipal } from './principal';

/** The authenticated caller (set by AuthGuard) in a controller or resolver. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal | undefined => {
  const req =
    context.getType<string>() === 'graphql'
      ? GqlExecutionContext.create(context).getContext<{ req: RequestWithPrincipal }>().req
      : context.switchToHttp().getRequest<RequestWithPrincipal>();
  return req.principal;
});
