import { Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { AuthService } from './auth.service';
import type { RequestWithPrincipal } from './principal';
import { IS_PUBLIC } from './public.decorator';

/** Global guard: every route and resolver needs a valid bearer credential unless marked @Public(). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    const req = this.request(context);
    const header = req.headers['authorization'];
    const value = Array.isArray(header) ? header[0] : header;
    const match = value ? /^Bearer\s+(\S+)$/i.exec(value) : null;
    if (!match) throw new UnauthorizedException('Missing credentials: send "Authorization: Bearer <API key or admin token>"');
    const principal = await this.auth.authenticate(match[1]);
    if (!principal) throw new UnauthorizedException('Invalid credentials: the API key or admin token is not recognised');
    req.principal = principal;
    return true;
  }

  private request(context: ExecutionContext): RequestWithPrincipal {
    if (context.getType<string>() === 'graphql') {
      return GqlExecutionContext.create(context).getContext<{ req: RequestWithPrincipal }>().req;
    }
    return context.switchToHttp().getRequest<RequestWithPrincipal>();
  }
}
