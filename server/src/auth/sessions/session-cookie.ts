import type { Request, Response } from 'express';
import type { AppConfig } from '../../config/config';

export const SESSION_COOKIE = 'syncline_session';

/** The browser's session: HttpOnly (no script reads it), SameSite=Strict, Secure behind https. */
export function setSessionCookie(req: Request, res: Response, token: string, expiresAt: number, config: AppConfig): void {
  res.cookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: secureCookie(req, config),
    path: '/',
    expires: new Date(expiresAt),
  });
}

export function clearSessionCookie(req: Request, res: Response, config: AppConfig): void {
  res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', secure: secureCookie(req, config), path: '/' });
}

function secureCookie(req: Request, config: AppConfig): boolean {
  if (config.sessions.cookieSecure !== 'auto') return config.sessions.cookieSecure === 'always';
  return req.secure || req.headers['x-forwarded-proto'] === 'https';
}
