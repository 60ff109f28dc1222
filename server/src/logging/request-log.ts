import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { pinoHttp, type HttpLogger } from 'pino-http';
import type { RequestWithPrincipal } from '../domain/principal';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
/** Probes and scrapes: logged at debug, so a load balancer's checks do not bury the requests. */
const QUIET_PATHS = new Set(['/health', '/ready', '/metrics']);

type Req = IncomingMessage &
  RequestWithPrincipal & { originalUrl?: string; route?: { path?: string }; baseUrl?: string; body?: unknown };

/** The path without its query string (filters, cursors): never logged. */
function pathOf(req: Req): string {
  return (req.originalUrl ?? req.url ?? '').split('?')[0].slice(0, 200);
}

/**
 * One log line per request when it finishes (pino-http): method, path, route pattern, status,
 * duration, request id, who asked (principal id) and, for GraphQL, the operation name. Never
 * headers, query strings or bodies. The request id is taken from a sane `x-request-id`, else new, and
 * returned in the `x-request-id` response header; the audit trail carries the same id.
 */
export function requestLog(logger: Logger): HttpLogger<Req, ServerResponse> {
  return pinoHttp<Req, ServerResponse>({
    logger,
    genReqId: (req, res) => {
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
      req.requestId = id;
      res.setHeader('x-request-id', id);
      return id;
    },
    // The line carries the request id (reqId) and the props below; not the request object.
    quietReqLogger: true,
    quietResLogger: true,
    serializers: {
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      err: (err: { type?: string; message?: string }) => ({ type: err.type, message: err.message }),
    },
    customProps: (req) => {
      const r = req;
      const body = r.body as { operationName?: unknown } | undefined;
      return {
        context: 'http',
        method: r.method,
        path: pathOf(r),
        route: r.route?.path ? `${r.baseUrl ?? ''}${r.route.path}` : undefined,
        principal: r.principal?.id,
        operation: typeof body?.operationName === 'string' ? body.operationName.slice(0, 100) : undefined,
      };
    },
    customLogLevel: (req, res, err) => {
      if (err || res.statusCode >= 500) return 'error';
      if (QUIET_PATHS.has(pathOf(req))) return 'debug';
      return res.statusCode >= 400 ? 'warn' : 'info';
    },
    customSuccessMessage: (req, res, ms) => `${req.method} ${pathOf(req)} ${res.statusCode} ${Math.round(ms)} ms`,
    customErrorMessage: (req, res) => `${req.method} ${pathOf(req)} ${res.statusCode} failed`,
  });
}
