/**
 * The identity endpoints bound to the request layer. Forms show errors beside their fields, so
 * these calls never toast (`toast: false`); the public ones send no token (`auth: false`).
 */
import { authEndpoints } from '../../../activation';
import { api } from '../../../services/api';

// Bodies are never empty: a JSON content type with an empty body is refused by the server (400).

/** Before login: activation, logins, captcha and login SMS. */
export const publicAuth = authEndpoints(
  <T>(path: string, body?: unknown) => api.post<T>(path, body ?? {}, { auth: false, toast: false }),
);

/** Signed in: bind, password and phone change, logout, me. */
export const userAuth = authEndpoints(
  <T>(path: string, body?: unknown) => api.post<T>(path, body ?? {}, { toast: false }),
  <T>(path: string) => api.get<T>(path, undefined, { toast: false }),
);

export const HOME_PAGE = '/pages/index/index';
export const ME_PAGE = '/pages/me/index';
export const LOGIN_PAGE = '/pages/login/index';
export const ACTIVATE_PAGE = '/pages/activate/index';
