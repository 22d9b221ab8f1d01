/**
 * Typed request layer of the admin page. Same origin as the API (/api/v1), Bearer tokens kept in
 * sessionStorage (gone when the tab closes), one silent refresh on a 401, then back to login.
 * Every error reaches the caller as an ApiError carrying the server's `{ code, message, details }`.
 */
import type {
  AuditEntry,
  ChangePasswordRequest,
  ErrorBody,
  ImportResult,
  LockedAccount,
  Me,
  MemberCreateRequest,
  MemberQuery,
  MemberUpdateRequest,
  MemberView,
  OrgCreateRequest,
  OrgNode,
  OrgPostCreateRequest,
  OrgPostView,
  EntryCodes,
  OrgTermChangeRequest,
  OrgTermView,
  OrgUpdateRequest,
  Page,
  PasswordLoginRequest,
  ResetPasswordResult,
  SmsOutboxEntry,
  TokenPair,
} from '@dangjian/shared';

const BASE = '/api/v1';
const TOKENS_KEY = 'dangjian.admin.tokens';

export type ErrorDetail = NonNullable<ErrorBody['details']>[number];

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The text to show for any error thrown by this module (or anything else). */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  if (e instanceof Error && e.message) return e.message;
  return '操作失败，请稍后重试';
}

// ---- session ----

let tokens: TokenPair | null = readTokens();
let onAuthLost: (() => void) | null = null;
let refreshing: Promise<boolean> | null = null;

function readTokens(): TokenPair | null {
  try {
    const raw = sessionStorage.getItem(TOKENS_KEY);
    return raw ? (JSON.parse(raw) as TokenPair) : null;
  } catch {
    return null;
  }
}

export function setTokens(t: TokenPair | null): void {
  tokens = t;
  if (t) sessionStorage.setItem(TOKENS_KEY, JSON.stringify(t));
  else sessionStorage.removeItem(TOKENS_KEY);
}

export function hasSession(): boolean {
  return tokens !== null;
}

/** Called once when the session cannot be renewed (the app shows the login screen). */
export function setAuthLostHandler(fn: (() => void) | null): void {
  onAuthLost = fn;
}

/** One refresh at a time: parallel 401s wait for the same rotation (the refresh token is single-use). */
function refreshTokens(): Promise<boolean> {
  if (!refreshing) {
    const current = tokens;
    refreshing = (async () => {
      if (!current) return false;
      try {
        const res = await fetch(`${BASE}/auth/refresh`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ refreshToken: current.refreshToken }),
        });
        if (!res.ok) return false;
        setTokens((await res.json()) as TokenPair);
        return true;
      } catch {
        return false;
      }
    })().finally(() => {
      refreshing = null;
    });
  }
  return refreshing;
}

function sessionLost(): void {
  setTokens(null);
  onAuthLost?.();
}

// ---- transport ----

type QueryValue = string | number | boolean | null | undefined;
type Query = Record<string, QueryValue>;

interface RequestOptions {
  query?: Query;
  json?: unknown;
  form?: FormData;
  /** false for the login call: a 401 there is a wrong password, not an expired session. */
  auth?: boolean;
}

function buildUrl(path: string, query?: Query): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  }
  const s = qs.toString();
  return `${BASE}${path}${s ? `?${s}` : ''}`;
}

async function toApiError(res: Response): Promise<ApiError> {
  let body: Partial<ErrorBody> | null = null;
  try {
    body = (await res.json()) as Partial<ErrorBody>;
  } catch {
    body = null;
  }
  const fallback =
    res.status === 401 ? '登录已失效，请重新登录'
    : res.status === 403 ? '没有权限执行此操作'
    : res.status === 404 ? '请求的数据不存在'
    : res.status === 429 ? '操作过于频繁，请稍后再试'
    : res.status >= 500 ? '服务器出错，请稍后重试'
    : `请求失败（${res.status}）`;
  const message = typeof body?.message === 'string' && body.message ? body.message : fallback;
  return new ApiError(res.status, body?.code ?? `HTTP_${res.status}`, message, Array.isArray(body?.details) ? body.details : []);
}

async function send(method: string, path: string, opts: RequestOptions = {}): Promise<Response> {
  const auth = opts.auth !== false;
  const doFetch = async () => {
    const headers: Record<string, string> = {};
    if (auth && tokens) headers.Authorization = `Bearer ${tokens.accessToken}`;
    let body: BodyInit | undefined;
    if (opts.form) body = opts.form;
    else if (opts.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(opts.json);
    }
    try {
      return await fetch(buildUrl(path, opts.query), { method, headers, body });
    } catch {
      throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络');
    }
  };

  let res = await doFetch();
  if (res.status === 401 && auth) {
    if (tokens && (await refreshTokens())) res = await doFetch();
    if (res.status === 401) {
      const err = await toApiError(res);
      sessionLost();
      throw err;
    }
  }
  if (!res.ok) throw await toApiError(res);
  return res;
}

async function request<T>(method: string, path: string, opts?: RequestOptions): Promise<T> {
  const res = await send(method, path, opts);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Downloads need the Bearer header, so fetch as a blob and save it through an object URL. */
async function download(path: string, fallbackName: string, query?: Query): Promise<void> {
  const res = await send('GET', path, { query });
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileNameFrom(res.headers.get('Content-Disposition')) ?? fallbackName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function fileNameFrom(disposition: string | null): string | null {
  if (!disposition) return null;
  const star = /filename\*=(?:UTF-8'')?([^;]+)/i.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      /* fall through to the plain form */
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1] : null;
}

/** A multipart upload of one file in the field `file`, as the import endpoints expect. */
function upload<T>(path: string, file: File): Promise<T> {
  const form = new FormData();
  form.append('file', file, file.name);
  return request<T>('POST', path, { form });
}

const id = (n: number) => encodeURIComponent(String(n));

/** How an account came to be a branch's admin (BR-9). */
export type BranchAdminSource = 'assigned' | 'secretary' | 'granted' | 'first_entry';

export interface BranchAdminView {
  userId: number;
  memberId: number | null;
  name: string;
  source: BranchAdminSource;
}

// ---- endpoints ----

export const api = {
  platform: {
    issueCodes: (count: number) => request<{ codes: string[] }>('POST', '/platform/activation-codes', { json: { count } }),
  },
  auth: {
    login: (req: PasswordLoginRequest) => request<TokenPair>('POST', '/auth/login/password', { json: req, auth: false }),
    me: () => request<Me>('GET', '/auth/me'),
    changePassword: (req: ChangePasswordRequest) => request<TokenPair>('POST', '/auth/password', { json: req }),
    /** Best effort: the local session ends whatever the server answers. */
    logout: async () => {
      try {
        if (tokens) await request<void>('POST', '/auth/logout', { json: {} });
      } catch {
        /* already logged out on the server */
      }
      setTokens(null);
    },
  },
  orgs: {
    entryCodes: (orgId: number) => request<EntryCodes>('GET', `/orgs/${id(orgId)}/entry-codes`),
    tree: () => request<OrgNode[]>('GET', '/orgs/tree'),
    create: (req: OrgCreateRequest) => request<OrgNode>('POST', '/orgs', { json: req }),
    update: (orgId: number, req: OrgUpdateRequest) => request<OrgNode>('PATCH', `/orgs/${id(orgId)}`, { json: req }),
    move: (orgId: number, newParentId: number) => request<unknown>('POST', `/orgs/${id(orgId)}/move`, { json: { newParentId } }),
    merge: (orgId: number, targetId: number) => request<unknown>('POST', `/orgs/${id(orgId)}/merge`, { json: { targetId } }),
    remove: (orgId: number) => request<void>('DELETE', `/orgs/${id(orgId)}`),
    posts: (orgId: number) => request<OrgPostView[]>('GET', `/orgs/${id(orgId)}/posts`),
    addPost: (orgId: number, req: OrgPostCreateRequest) => request<OrgPostView>('POST', `/orgs/${id(orgId)}/posts`, { json: req }),
    endPost: (orgId: number, postId: number) => request<void>('DELETE', `/orgs/${id(orgId)}/posts/${id(postId)}`),
    termChange: (orgId: number, req: OrgTermChangeRequest) => request<unknown>('POST', `/orgs/${id(orgId)}/term-change`, { json: req }),
    terms: (orgId: number) => request<OrgTermView[]>('GET', `/orgs/${id(orgId)}/terms`),
    branchAdmins: (orgId: number) => request<BranchAdminView[]>('GET', `/orgs/${id(orgId)}/branch-admins`),
    /** Answers with the branch's admins after the grant. */
    grantBranchAdmin: (orgId: number, memberId: number) =>
      request<BranchAdminView[]>('POST', `/orgs/${id(orgId)}/branch-admins`, { json: { memberId } }),
    revokeBranchAdmin: (orgId: number, userId: number) => request<void>('DELETE', `/orgs/${id(orgId)}/branch-admins/${id(userId)}`),
    import: (file: File) => upload<ImportResult>('/orgs/import', file),
    downloadTemplate: () => download('/orgs/template.xlsx', '组织导入模板.xlsx'),
  },
  members: {
    list: (q: MemberQuery) => request<Page<MemberView>>('GET', '/members', { query: { ...q } }),
    create: (req: MemberCreateRequest) => request<MemberView>('POST', '/members', { json: req }),
    update: (memberId: number, req: MemberUpdateRequest) => request<MemberView>('PATCH', `/members/${id(memberId)}`, { json: req }),
    remove: (memberId: number) => request<void>('DELETE', `/members/${id(memberId)}`),
    revealId: (memberId: number) => request<{ idNumber: string }>('POST', `/members/${id(memberId)}/reveal-id`, { json: {} }),
    history: (q: { page: number; pageSize: number; keyword?: string }) =>
      request<Page<MemberView>>('GET', '/members/history', { query: { ...q } }),
    restore: (memberId: number) => request<unknown>('POST', `/members/${id(memberId)}/restore`, { json: {} }),
    purge: (memberId: number) => request<void>('DELETE', `/members/${id(memberId)}/purge`),
    resetPassword: (memberId: number) => request<ResetPasswordResult>('POST', `/members/${id(memberId)}/reset-password`, { json: {} }),
    unlock: (memberId: number) => request<unknown>('POST', `/members/${id(memberId)}/unlock`, { json: {} }),
    import: (file: File) => upload<ImportResult>('/members/import', file),
    downloadTemplate: () => download('/members/template.xlsx', '党员导入模板.xlsx'),
    exportXlsx: (q: { orgId?: number; keyword?: string; memberType?: string; activated?: boolean }) =>
      download('/members/export.xlsx', '党员名册.xlsx', { ...q }),
  },
  accounts: {
    locked: () => request<LockedAccount[]>('GET', '/accounts/locked'),
    unlock: (userId: number) => request<unknown>('POST', `/accounts/${id(userId)}/unlock`, { json: {} }),
    resetPassword: (userId: number) => request<ResetPasswordResult>('POST', `/accounts/${id(userId)}/reset-password`, { json: {} }),
  },
  audit: {
    list: (q: { page: number; pageSize: number; action?: string }) => request<Page<AuditEntry>>('GET', '/audit-logs', { query: { ...q } }),
  },
  dev: {
    smsOutbox: () => request<SmsOutboxEntry[]>('GET', '/dev/sms-outbox'),
  },
};
