import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Response } from 'express';
import { randomUUID } from 'node:crypto';
import type { HttpRequest } from '../common/access/request-of';
import { Authenticator } from './authenticator.service';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Runs once per API request, before guards and GraphQL: gives it a request id (taken from a sane
 * `x-request-id`, else new; echoed in the response) and resolves its credentials to a principal.
 */
@Injectable()
export class AuthMiddleware implements NestMiddleware {
  constructor(private readonly authenticator: Authenticator) {}

  use(req: HttpRequest, res: Response, next: NextFunction): void {
    // The request log (logging/request-log.ts) gives every request its id first; this covers an
    // application mounted without it (tests of the module alone).
    if (!req.requestId) {
      const given = req.headers['x-request-id'];
      req.requestId = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
      res.setHeader('x-request-id', req.requestId);
    }
    this.authenticator.authenticate(req).then(
      () => next(),
      (err: unknown) => next(err),
    );
  }
}
