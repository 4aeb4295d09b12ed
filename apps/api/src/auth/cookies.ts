import type { Request, Response } from 'express';

/** A cookie of the request by name (the API has no cookie parser: three cookies, read here). */
export function readCookie(req: Request, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name && value.length > 0) {
      try {
        return decodeURIComponent(value.join('='));
      } catch {
        return null;
      }
    }
  }
  return null;
}

export interface CookieOptions {
  path: string;
  secure: boolean;
  sameSite: 'strict' | 'lax';
  /** Seconds; none: a session cookie. */
  maxAge?: number;
}

export function setCookie(res: Response, name: string, value: string, o: CookieOptions): void {
  res.cookie(name, value, {
    path: o.path,
    httpOnly: true,
    secure: o.secure,
    sameSite: o.sameSite,
    ...(o.maxAge === undefined ? {} : { maxAge: o.maxAge * 1000 }),
  });
}

export function clearCookie(res: Response, name: string, o: Omit<CookieOptions, 'maxAge'>): void {
  res.clearCookie(name, { path: o.path, httpOnly: true, secure: o.secure, sameSite: o.sameSite });
}
