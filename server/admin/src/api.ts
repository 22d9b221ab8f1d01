/**
 * Typed request layer of the admin page. Same origin as the API (/api/v1), Bearer tokens kept in
 * sessionStorage (gone when the tab closes), one silent refresh on a 401, then back to login.
 * Every error reaches the caller as an ApiError carrying the server's `{ code, message, details }`.
 */
import type {
  AidAction,
  AidBlacklistEntry,
  AidBlacklistRequest,
  AidCommentView,
  AidItemCreateRequest,
  AidItemDetail,
  AidItemQuery,
  AidItemSummary,
  AuditEntry,
  DuesAccountApproveRequest,
  DuesAccountForm,
  DuesAccountRejectRequest,
  DuesAccountStatus,
  DuesAccountView,
  DuesBillGenerateRequest,
  DuesBillGenerateResult,
  DuesBillQuery,
  DuesBillView,
  DuesCashRequest,
  DuesFlaggedMember,
  DuesPaymentQuery,
  DuesPaymentView,
  DuesRemindRequest,
  DuesRemindResult,
  DuesReverseRequest,
  DuesSettings,
  DuesStandardCorrectionRequest,
  DuesStandardLockRequest,
  DuesStandardLockResult,
  DuesStandardQuery,
  DuesStandardRequest,
  DuesStandardRow,
  DuesStandardView,
  DuesSummary,
  DuesTransferPreview,
  DuesTransferRequest,
  DuesTransferView,
  MemberDues,
  PayChannel,
  ReconRunRequest,
  ReconRunView,
  BranchComment,
  BranchHome,
  BranchMember,
  BranchPostCreateRequest,
  BranchPostDetail,
  BranchPostQuery,
  BranchPostSummary,
  BranchPostUpdateRequest,
  BranchReadStats,
  BranchRemindResult,
  ChangePasswordRequest,
  ErrorBody,
  ImportResult,
  LockedAccount,
  MallCategory,
  MallCategoryRequest,
  MallGoods,
  MallGoodsPage,
  MallGoodsQuery,
  MallGoodsRequest,
  MallOrder,
  MallOrderQuery,
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
  EvaluationGradesRequest,
  EvaluationView,
  MeetingAction,
  MeetingCandidate,
  MeetingCheckinCode,
  MeetingCreateRequest,
  MeetingDetail,
  MeetingQuery,
  MeetingRecordRequest,
  MeetingSummary,
  MeetingTransitionRequest,
  MeetingType,
  MeetingTypeSetting,
  MeetingUpdateRequest,
  MeetingVoteCreateRequest,
  MeetingVoteView,
  SupervisionView,
  OrgTermChangeRequest,
  OrgTermView,
  OrgUpdateRequest,
  Page,
  PasswordLoginRequest,
  PointsDeclarationQuery,
  PointsDeclarationView,
  PointsOrgAverages,
  PointsRanking,
  PointsRankingQuery,
  PointsRuleCreateRequest,
  PointsRuleUpdateRequest,
  PointsRuleView,
  PointsSettings,
  ResetPasswordResult,
  SmsOutboxEntry,
  TokenPair,
  UploadedImage,
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

/** A multipart upload of one file in the field `file`, as the import and image endpoints expect. */
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
  branch: {
    /** The branch's home; orgId is needed for a branch the admin is not a member of. */
    home: (orgId: number) => request<BranchHome>('GET', '/branch', { query: { orgId } }),
    posts: (q: BranchPostQuery) => request<Page<BranchPostSummary>>('GET', '/branch/posts', { query: { ...q } }),
    post: (postId: number) => request<BranchPostDetail>('GET', `/branch/posts/${id(postId)}`),
    create: (req: BranchPostCreateRequest) => request<BranchPostDetail>('POST', '/branch/posts', { json: req }),
    update: (postId: number, req: BranchPostUpdateRequest) => request<BranchPostDetail>('PATCH', `/branch/posts/${id(postId)}`, { json: req }),
    remove: (postId: number) => request<void>('DELETE', `/branch/posts/${id(postId)}`),
    comments: (postId: number, q: { page: number; pageSize: number }) =>
      request<Page<BranchComment>>('GET', `/branch/posts/${id(postId)}/comments`, { query: { ...q } }),
    removeComment: (commentId: number) => request<void>('DELETE', `/branch/comments/${id(commentId)}`),
    reads: (postId: number) => request<BranchReadStats>('GET', `/branch/posts/${id(postId)}/reads`),
    remind: (postId: number) => request<BranchRemindResult>('POST', `/branch/posts/${id(postId)}/remind`, { json: {} }),
    /** Letters (BR-10): only the branch secretary may reply. */
    reply: (postId: number, content: string) => request<BranchPostDetail>('POST', `/branch/posts/${id(postId)}/reply`, { json: { content } }),
    members: (q: { orgId: number; page: number; pageSize: number }) => request<Page<BranchMember>>('GET', '/branch/members', { query: { ...q } }),
  },
  files: {
    /** jpeg/png/webp up to 5 MB; the key goes into a post's `images`. */
    image: (file: File) => upload<UploadedImage>('/files/images', file),
  },
  /** 组织生活 (MEET-1…MEET-12). */
  meetings: {
    types: () => request<MeetingTypeSetting[]>('GET', '/meetings/types'),
    setType: (type: MeetingType, enabled: boolean) => request<MeetingTypeSetting>('PUT', `/meetings/types/${encodeURIComponent(type)}`, { json: { enabled } }),
    list: (q: MeetingQuery) => request<Page<MeetingSummary>>('GET', '/meetings', { query: { ...q } }),
    /** Awaiting the caller as the parent organisation's admin. */
    reviews: (q: { page: number; pageSize: number }) => request<Page<MeetingSummary>>('GET', '/meetings/reviews', { query: { ...q } }),
    get: (meetingId: number) => request<MeetingDetail>('GET', `/meetings/${id(meetingId)}`),
    create: (req: MeetingCreateRequest) => request<MeetingDetail>('POST', '/meetings', { json: req }),
    update: (meetingId: number, req: MeetingUpdateRequest) => request<MeetingDetail>('PATCH', `/meetings/${id(meetingId)}`, { json: req }),
    remove: (meetingId: number) => request<void>('DELETE', `/meetings/${id(meetingId)}`),
    candidates: (meetingId: number) => request<MeetingCandidate[]>('GET', `/meetings/${id(meetingId)}/candidates`),
    /** Errors name the current step and what is missing. */
    transition: (meetingId: number, action: MeetingAction, extra: Omit<MeetingTransitionRequest, 'action'> = {}) =>
      request<MeetingDetail>('POST', `/meetings/${id(meetingId)}/transitions`, { json: { action, ...extra } }),
    record: (meetingId: number, req: MeetingRecordRequest) => request<MeetingDetail>('PATCH', `/meetings/${id(meetingId)}/record`, { json: req }),
    checkin: (meetingId: number, open: boolean) => request<MeetingDetail>('POST', `/meetings/${id(meetingId)}/checkin/${open ? 'open' : 'close'}`, { json: {} }),
    /** The rotating code of the big screen (~30 s). */
    checkinCode: (meetingId: number) => request<MeetingCheckinCode>('GET', `/meetings/${id(meetingId)}/checkin/code`),
    votes: (meetingId: number) => request<MeetingVoteView[]>('GET', `/meetings/${id(meetingId)}/votes`),
    createVote: (meetingId: number, req: MeetingVoteCreateRequest) => request<MeetingVoteView>('POST', `/meetings/${id(meetingId)}/votes`, { json: req }),
    closeVote: (meetingId: number, voteId: number) => request<MeetingVoteView>('POST', `/meetings/${id(meetingId)}/votes/${id(voteId)}/close`, { json: {} }),
    evaluation: (meetingId: number) => request<EvaluationView>('GET', `/meetings/${id(meetingId)}/evaluation`),
    setGrades: (meetingId: number, req: EvaluationGradesRequest) => request<EvaluationView>('PUT', `/meetings/${id(meetingId)}/evaluation/grades`, { json: req }),
    supervision: (orgId?: number) => request<SupervisionView>('GET', '/meetings/supervision', { query: { orgId } }),
    recompute: () => request<SupervisionView>('POST', '/meetings/supervision/recompute', { json: {} }),
  },
  /** 党费管理 (DUES-1…DUES-11). Money is integer fen both ways. */
  dues: {
    settings: () => request<DuesSettings>('GET', '/dues/settings'),
    saveSettings: (s: DuesSettings) => request<DuesSettings>('PUT', '/dues/settings', { json: s }),
    /** Members of the subtree with their standard for the year (`standard: null`: not set). */
    standards: (q: DuesStandardQuery) => request<Page<DuesStandardRow>>('GET', '/dues/standards', { query: { ...q } }),
    /** Refused with 409 once the year is locked: then `correctStandard`. */
    setStandard: (req: DuesStandardRequest) => request<DuesStandardView>('PUT', '/dues/standards', { json: req }),
    correctStandard: (standardId: number, req: DuesStandardCorrectionRequest) =>
      request<DuesStandardView>('POST', `/dues/standards/${id(standardId)}/correct`, { json: req }),
    lockStandards: (req: DuesStandardLockRequest) => request<DuesStandardLockResult>('POST', '/dues/standards/lock', { json: req }),
    /** The year's standards from the Excel template (all or nothing, like the member import). */
    importStandards: (year: number, file: File) => upload<ImportResult>(`/dues/standards/import?year=${id(year)}`, file),
    /** The template, listing the organisation's members so only the amounts need filling in. */
    downloadStandardsTemplate: (q: { orgId?: number; year: number }) => download('/dues/standards/template.xlsx', `党费标准导入模板${q.year}.xlsx`, { ...q }),
    /** One member's year month by month (the cash entry picks its months from here). */
    memberDues: (memberId: number, year: number) => request<MemberDues>('GET', `/dues/members/${id(memberId)}`, { query: { year } }),
    payments: (q: DuesPaymentQuery) => request<Page<DuesPaymentView>>('GET', '/dues/payments', { query: { ...q } }),
    exportPayments: (q: Omit<DuesPaymentQuery, 'page' | 'pageSize'>) => download('/dues/payments/export.xlsx', '党费交纳记录.xlsx', { ...q }),
    /** 现金入账 (DUES-6). */
    recordCash: (req: DuesCashRequest) => request<DuesPaymentView>('POST', '/dues/cash', { json: req }),
    /** 冲正 (PAY-4): a reversal entry; the original payment stays. */
    reverse: (paymentId: number, req: DuesReverseRequest) => request<DuesPaymentView>('POST', `/dues/payments/${id(paymentId)}/reverse`, { json: req }),
    generateBills: (req: DuesBillGenerateRequest) => request<DuesBillGenerateResult>('POST', '/dues/bills/generate', { json: req }),
    bills: (q: DuesBillQuery) => request<Page<DuesBillView>>('GET', '/dues/bills', { query: { ...q } }),
    exportBills: (q: Omit<DuesBillQuery, 'page' | 'pageSize'>) => download('/dues/bills/export.xlsx', `党费交纳情况${q.month}.xlsx`, { ...q }),
    remind: (req: DuesRemindRequest) => request<DuesRemindResult>('POST', '/dues/remind', { json: req }),
    /** DUES-11: six or more months unpaid. */
    flagged: (orgId?: number) => request<DuesFlaggedMember[]>('GET', '/dues/flagged', { query: { orgId } }),
    summary: (q: { orgId?: number; year: number }) => request<DuesSummary>('GET', '/dues/summary', { query: { ...q } }),
    /** The organisations' dues account applications; for the platform admin every tenant's (the review queue). */
    accounts: (q: { status?: DuesAccountStatus } = {}) => request<DuesAccountView[]>('GET', '/dues/accounts', { query: { ...q } }),
    /** 申请开通 — also the new application after a rejection. */
    applyAccount: (form: DuesAccountForm) => request<DuesAccountView>('POST', '/dues/accounts', { json: form }),
    approveAccount: (accountId: number, req: DuesAccountApproveRequest) => request<DuesAccountView>('POST', `/dues/accounts/${id(accountId)}/approve`, { json: req }),
    rejectAccount: (accountId: number, req: DuesAccountRejectRequest) => request<DuesAccountView>('POST', `/dues/accounts/${id(accountId)}/reject`, { json: req }),
    transferPreview: (q: DuesTransferRequest) => request<DuesTransferPreview>('GET', '/dues/transfers/preview', { query: { ...q } }),
    transfer: (req: DuesTransferRequest) => request<DuesTransferView>('POST', '/dues/transfers', { json: req }),
    transfers: (q: { orgId?: number }) => request<DuesTransferView[]>('GET', '/dues/transfers', { query: { ...q } }),
    retryTransfer: (transferId: number) => request<DuesTransferView>('POST', `/dues/transfers/${id(transferId)}/retry`, { json: {} }),
    /** Runs whose bill date lies in [from, to] (YYYY-MM-DD, inclusive), newest first. */
    reconRuns: (q: { channel?: PayChannel; from: string; to: string }) => request<ReconRunView[]>('GET', '/dues/reconciliation', { query: { ...q } }),
    runRecon: (req: ReconRunRequest) => request<ReconRunView>('POST', '/dues/reconciliation', { json: req }),
  },
  /** 积分 (PTS-2, PTS-4). Rules change only for the tenant admin (403 otherwise). */
  points: {
    /** The tenant's rules: built-in ones first (in the table's order), then custom declared ones. */
    rules: () => request<PointsRuleView[]>('GET', '/points/rules'),
    /** Answers with every rule after the change; built-in rules take only points, cap and enabled. */
    updateRule: (req: PointsRuleUpdateRequest) => request<PointsRuleView[]>('PUT', '/points/rules', { json: req }),
    /** A custom declared rule (自定义申报规则). */
    createRule: (req: PointsRuleCreateRequest) => request<PointsRuleView>('POST', '/points/rules', { json: req }),
    /** Top `limit` (≤ 100) of a branch, an organisation's subtree or the tenant, for a year (YYYY), a month (YYYY-MM) or all. */
    rankings: (q: PointsRankingQuery) => request<PointsRanking>('GET', '/points/rankings', { query: { ...q } }),
    /** The whole ranking (not only the top N) with the same filters, as a workbook. */
    exportRankings: (q: Omit<PointsRankingQuery, 'limit'>) => download('/points/rankings/export.xlsx', '积分排名.xlsx', { ...q }),
    /** PTS-5: whether members see the rankings (admins always do). */
    settings: () => request<PointsSettings>('GET', '/points/settings'),
    saveSettings: (s: PointsSettings) => request<PointsSettings>('PUT', '/points/settings', { json: s }),
    /** The direct child organisations of orgId by average points, as the daily job last computed them. */
    averages: (q: { orgId?: number; period?: string }) => request<PointsOrgAverages>('GET', '/points/averages', { query: { ...q } }),
    /** Tenant admin: runs the daily job now; answers the root's averages. */
    recomputeAverages: () => request<PointsOrgAverages>('POST', '/points/averages/recompute', { json: {} }),
    /** 积分申报 (PTS-3): the declarations of the branches in the admin's scope. */
    declarations: (q: PointsDeclarationQuery) => request<Page<PointsDeclarationView>>('GET', '/points/declarations', { query: { ...q } }),
    /** 通过 / 驳回 (a reason is required to reject); approving awards the rule's points. */
    reviewDeclaration: (declarationId: number, approve: boolean, reason?: string) =>
      request<PointsDeclarationView>('POST', `/points/declarations/${id(declarationId)}/review`, { json: reason ? { approve, reason } : { approve } }),
    /** 改判 (tenant admin, reviewed declarations only): approved ⇄ rejected, with a reason. */
    overturnDeclaration: (declarationId: number, reason: string) =>
      request<PointsDeclarationView>('POST', `/points/declarations/${id(declarationId)}/overturn`, { json: { reason } }),
  },
  /** 积分商城 (MALL-1…MALL-4), managed by the tenant admin. */
  mall: {
    categories: () => request<MallCategory[]>('GET', '/mall/categories'),
    createCategory: (req: MallCategoryRequest) => request<MallCategory>('POST', '/mall/categories', { json: req }),
    renameCategory: (categoryId: number, req: MallCategoryRequest) => request<MallCategory>('PUT', `/mall/categories/${id(categoryId)}`, { json: req }),
    /** Refused while goods are in the category. */
    removeCategory: (categoryId: number) => request<void>('DELETE', `/mall/categories/${id(categoryId)}`),
    /** Every category id in the new order; answers the categories in that order. */
    reorderCategories: (ids: number[]) => request<MallCategory[]>('POST', '/mall/categories/reorder', { json: { ids } }),
    /** Admins see disabled goods too. */
    goods: (q: MallGoodsQuery) => request<MallGoodsPage>('GET', '/mall/goods', { query: { ...q } }),
    createGoods: (req: MallGoodsRequest) => request<MallGoods>('POST', '/mall/goods', { json: req }),
    updateGoods: (goodsId: number, req: MallGoodsRequest) => request<MallGoods>('PUT', `/mall/goods/${id(goodsId)}`, { json: req }),
    /** 上架 / 下架 */
    setEnabled: (goodsId: number, enabled: boolean) => request<MallGoods>('PUT', `/mall/goods/${id(goodsId)}/enabled`, { json: { enabled } }),
    /** q: an order number or a pick-up code. */
    orders: (q: MallOrderQuery) => request<Page<MallOrder>>('GET', '/mall/orders', { query: { ...q } }),
    /** 确认领取 (awaiting only). */
    pickup: (orderId: number) => request<MallOrder>('POST', `/mall/orders/${id(orderId)}/pickup`, { json: {} }),
  },
  /** 党员e家 (AID-1…AID-4): the review queue, an item's steps, snapshot comments, the blacklist. */
  aid: {
    /** view=review: submitted items of the admin's subtree; view=all with a state: items at that step. */
    items: (q: AidItemQuery) => request<Page<AidItemSummary>>('GET', '/aid/items', { query: { ...q } }),
    /** 发布 (AID-5: a branch admin submits a micro-wish of the public with its contact). */
    create: (req: AidItemCreateRequest) => request<AidItemDetail>('POST', '/aid/items', { json: req }),
    /** With the timeline and the admin's availableActions. */
    item: (itemId: number) => request<AidItemDetail>('GET', `/aid/items/${id(itemId)}`),
    /** 通过 / 驳回 (reason) / 确认办结… as the shared flow allows. */
    transition: (itemId: number, action: AidAction, reason?: string) =>
      request<AidItemDetail>('POST', `/aid/items/${id(itemId)}/transitions`, { json: reason ? { action, reason } : { action } }),
    comments: (itemId: number, q: { page: number; pageSize: number }) => request<Page<AidCommentView>>('GET', `/aid/items/${id(itemId)}/comments`, { query: { ...q } }),
    approveComment: (itemId: number, commentId: number) => request<AidCommentView>('POST', `/aid/items/${id(itemId)}/comments/${id(commentId)}/approve`, { json: {} }),
    blacklist: (q: { page: number; pageSize: number }) => request<Page<AidBlacklistEntry>>('GET', '/aid/blacklist', { query: { ...q } }),
    ban: (req: AidBlacklistRequest) => request<AidBlacklistEntry>('POST', '/aid/blacklist', { json: req }),
    /** By the member's id. */
    unban: (memberId: number) => request<void>('DELETE', `/aid/blacklist/${id(memberId)}`),
  },
  audit: {
    list: (q: { page: number; pageSize: number; action?: string }) => request<Page<AuditEntry>>('GET', '/audit-logs', { query: { ...q } }),
  },
  dev: {
    smsOutbox: () => request<SmsOutboxEntry[]>('GET', '/dev/sms-outbox'),
  },
};
