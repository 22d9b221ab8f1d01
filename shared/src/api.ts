/**
 * Request and response shapes of the API (/api/v1). Server DTO classes implement the request
 * interfaces; the admin page and the mini-program are typed by them.
 */
import type { CommitteePost, OrgType, Role } from './org.js';
import type { Education, Gender, MemberStatus, MemberType } from './member.js';
import type { BranchKind, PublicityStatus } from './branch.js';
import type { EvaluationGrade, MeetingAction, MeetingPhase, MeetingState, MeetingType } from './meetings.js';
import type { DuesCategory } from './dues.js';
import type { CapPeriod, PointsCategory } from './points.js';
import type { AidAction, AidKind, AidState, SnapshotColumn, WishCategory } from './mutual-aid.js';

export interface ErrorBody {
  code: string;
  message: string;
  /** Field-level details for validation and import errors. */
  details?: Array<{ field?: string; row?: number; message: string }>;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export type Platform = 'weapp' | 'alipay' | 'dd' | 'h5';

// ---- identity ----
export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  mustChangePassword: boolean;
}

export interface RoleGrant {
  role: Role;
  orgId: number | null;
  orgName?: string | null;
}

export interface Me {
  userId: number;
  tenantId: number | null;
  tenantName: string | null;
  username: string | null;
  displayName: string;
  phoneMasked: string | null;
  memberId: number | null;
  orgId: number | null;
  orgName: string | null;
  idNumberMasked: string | null;
  roles: RoleGrant[];
  mustChangePassword: boolean;
}

export interface PasswordLoginRequest { account: string; password: string }
export interface SmsLoginRequest { phone: string; code: string }
export interface PlatformLoginRequest { platform: Exclude<Platform, 'h5'>; code: string; tenantId?: number }
/** Either logged in, or the platform identity is unknown and the app offers activation. */
export interface PlatformLoginResult {
  bound: boolean;
  tokens?: TokenPair;
  /** Single-use ticket that binds this platform identity when activation or login completes. */
  bindTicket?: string;
}
export interface RefreshRequest { refreshToken: string }
export interface ChangePasswordRequest { oldPassword: string; newPassword: string; newPasswordConfirm: string }

export interface ActivationStartRequest { idNumber: string; tenantId?: number }
export interface ActivationStartResult { activationToken: string; maskedName: string; orgName: string }
export interface CaptchaChallenge {
  captchaId: string;
  /** Background SVG with the hole (data URL) and the puzzle piece SVG (data URL). */
  background: string;
  piece: string;
  width: number;
  height: number;
  pieceSize: number;
  pieceY: number;
}
export interface CaptchaVerifyRequest { captchaId: string; offsetX: number; durationMs: number }
export interface CaptchaVerifyResult { captchaToken: string }
export interface SmsSendRequest { phone: string; captchaToken: string; purpose: SmsPurpose }
export type SmsPurpose = 'activate' | 'login' | 'register' | 'change_phone';
export interface SmsSendResult { cooldownSeconds: number }
export interface ActivationVerifyPhoneRequest { activationToken: string; phone: string; code: string }
export interface ActivationVerifyPhoneResult { activationToken: string }
export interface ActivationCompleteRequest { activationToken: string; password: string; passwordConfirm: string; bindTicket?: string }
export interface RegisterPublicRequest { phone: string; code: string; realName: string; password: string; passwordConfirm: string; tenantId: number }
export interface ChangePhoneRequest { phone: string; code: string }

// ---- entry by QR code ----
/** GET /api/v1/entry/:scene (public): what a scanned scene preselects. */
export interface EntryInfo {
  scene: string;
  tenantId: number;
  tenantName: string;
  orgId: number | null;
  orgName: string | null;
  /** TEN-3: needed by dd.getAuthCode in the DingTalk mini-program. */
  dingtalkCorpId: string | null;
}
/** GET /api/v1/orgs/:id/entry-codes (admin): the codes to print for a tenant's root or a branch. */
export interface EntryCodes {
  scene: string;
  orgName: string;
  /** The H5 address with ?scene=, for Alipay / DingTalk / browsers. */
  h5Url: string;
  /** PNG data URL of a plain QR code of h5Url. */
  h5QrPng: string;
  /** PNG data URL of the WeChat mini-program code (wxacode.getUnlimited), or null when WeChat is unreachable. */
  wxacodePng: string | null;
  wxacodeError: string | null;
}

// ---- tenancy ----
export interface TenantCreateRequest { activationCode: string; name: string; adminUsername: string; adminPhone: string; adminPassword: string }
export interface TenantView { id: number; name: string; dingtalkCorpId: string | null; rootOrgId: number | null }

// ---- organisations ----
export interface OrgNode {
  id: number;
  parentId: number | null;
  name: string;
  type: OrgType;
  sortOrder: number;
  memberCount?: number;
  children?: OrgNode[];
}
export interface OrgCreateRequest { parentId: number; name: string; type: OrgType; sortOrder?: number }
export interface OrgUpdateRequest { name?: string; sortOrder?: number }
export interface OrgMoveRequest { newParentId: number }
export interface OrgMergeRequest { targetId: number }

export interface OrgPostView {
  id: number;
  orgId: number;
  memberId: number;
  memberName: string;
  post: CommitteePost;
  termStart: string;
  termEnd: string | null;
}
export interface OrgPostCreateRequest { memberId: number; post: CommitteePost; termStart: string; termEnd?: string }
export interface OrgTermView { id: number; orgId: number; termNo: number; electedAt: string; termYears: number; note: string | null; createdAt: string }
export interface OrgTermChangeRequest { electedAt: string; termYears: number; note?: string }

// ---- members ----
export interface MemberView {
  id: number;
  orgId: number;
  orgName: string;
  name: string;
  gender: Gender;
  ethnicity: string;
  birthDate: string;
  education: Education | null;
  memberType: MemberType;
  joinDate: string;
  regularDate: string | null;
  phone: string | null;
  idNumberMasked: string;
  status: MemberStatus;
  activated: boolean;
  deletedAt: string | null;
}
export interface MemberCreateRequest {
  orgId: number;
  name: string;
  idNumber: string;
  phone?: string;
  gender?: Gender;
  ethnicity?: string;
  birthDate?: string;
  education?: Education;
  memberType: MemberType;
  joinDate: string;
  regularDate?: string;
}
/** Absent fields stay as they are; null clears the optional ones (phone, education, regularDate). */
export type MemberUpdateRequest = Partial<Omit<MemberCreateRequest, 'idNumber' | 'phone' | 'education' | 'regularDate'>> & {
  phone?: string | null;
  education?: Education | null;
  regularDate?: string | null;
};
export interface MemberQuery {
  orgId?: number;
  keyword?: string;
  memberType?: MemberType;
  activated?: boolean;
  page?: number;
  pageSize?: number;
}
export interface ImportResult { imported: number }
export interface ResetPasswordResult { oneTimePassword: string }

export interface AuditEntry {
  id: number;
  actorName: string;
  action: string;
  targetType: string;
  targetId: string | null;
  ip: string | null;
  createdAt: string;
  detail: unknown;
}
export interface SmsOutboxEntry { id: number; phone: string; code: string; purpose: SmsPurpose; createdAt: string }
export interface LockedAccount { userId: number; memberId: number | null; name: string; phoneMasked: string | null; orgName: string | null; lockedAt: string }

// ---- files ----
/** POST /api/v1/files/images (multipart field `file`): jpeg/png/webp ≤ 5 MB, decoded to confirm. */
export interface UploadedImage {
  /** Random key; pass it in `images` when posting. */
  key: string;
  /** Where the image is served (GET, cacheable, no token needed: the key is unguessable). */
  url: string;
  width: number;
  height: number;
}

// ---- online branch 网上支部 (BR-1…BR-10) ----
/** GET /api/v1/branch?orgId= — the caller's own branch when orgId is absent. */
export interface BranchHome {
  orgId: number;
  orgName: string;
  /** The caller is a member of this branch (may post as a member). */
  isMember: boolean;
  /** The caller administers it: a branch admin of it or an admin of an organisation above. */
  isAdmin: boolean;
  /** A branch admin of this very branch (BR-9), not only an upper-level admin. */
  isBranchAdmin: boolean;
  /** BR-10: the mailbox exists only where the branch has a secretary. */
  secretaryName: string | null;
  memberCount: number;
  /** The branch's groups (党小组): the scopes a publicity may be limited to (BR-3). */
  groups: Array<{ id: number; name: string }>;
  /** Per space: how many posts the caller can see, and how many of those they have not read. */
  spaces: Array<{ kind: BranchKind; total: number; unread: number }>;
}

export interface BranchImage { key: string; url: string; width: number; height: number }

export interface BranchPostSummary {
  id: number;
  orgId: number;
  kind: BranchKind;
  title: string | null;
  /** The first ~120 characters of the content. */
  excerpt: string;
  images: BranchImage[];
  authorName: string;
  createdAt: string;
  likeCount: number;
  commentCount: number;
  /** Whether the caller has opened it. */
  read: boolean;
  likedByMe: boolean;
  /** org_life: when it was held. */
  heldAt: string | null;
  /** publicity: the period and its state (公示中 / 已结束). */
  startsAt: string | null;
  endsAt: string | null;
  publicityStatus: PublicityStatus | null;
  /** publicity: the organisation (the branch or one of its groups) whose members see it. */
  scopeOrgId: number | null;
  scopeOrgName: string | null;
  /** topic: closing time, and whether it still takes opinions. */
  closesAt: string | null;
  open: boolean | null;
  /** letter: whether the secretary has replied. */
  replied: boolean | null;
}

export interface BranchPostDetail extends BranchPostSummary {
  content: string;
  /** When its author or an admin last edited it (likes and comments do not count). */
  editedAt: string | null;
  /** The caller may edit / delete it (the author, or an admin). */
  canEdit: boolean;
  canDelete: boolean;
  /** letter: the caller is the secretary and may answer (again). */
  canReply: boolean;
  /** The caller may comment (or give an opinion) now. */
  canComment: boolean;
  canLike: boolean;
  /** letter: the secretary's reply. */
  reply: string | null;
  replierName: string | null;
  repliedAt: string | null;
  /** Admins, where the space shows read statistics (BR-1). */
  readCount: number | null;
  audienceCount: number | null;
}

export interface BranchPostQuery {
  kind: BranchKind;
  orgId?: number;
  /** thought_report / letter / suggestion / news: only the caller's own. */
  mine?: boolean;
  page?: number;
  pageSize?: number;
}

export interface BranchPostCreateRequest {
  kind: BranchKind;
  /** The branch; defaults to the caller's own branch. */
  orgId?: number;
  title?: string;
  content: string;
  /** Keys from POST /files/images, uploaded by the caller. */
  images?: string[];
  /** org_life (required): ISO time the meeting was held, not in the future. */
  heldAt?: string;
  /** publicity (required): the period, ≤ 1 month. */
  startsAt?: string;
  endsAt?: string;
  /** publicity: the branch (default) or one of its groups. */
  scopeOrgId?: number;
  /** topic: optional closing time, in the future. */
  closesAt?: string;
}
/** PATCH: absent fields stay; `closesAt: null` reopens a topic with no end. */
export type BranchPostUpdateRequest = Partial<Omit<BranchPostCreateRequest, 'kind' | 'orgId' | 'closesAt'>> & { closesAt?: string | null };

export interface BranchComment {
  id: number;
  postId: number;
  authorName: string;
  content: string;
  createdAt: string;
  canDelete: boolean;
}
export interface BranchCommentCreateRequest { content: string }
export interface BranchLikeResult { liked: boolean; likeCount: number }
export interface BranchReplyRequest { content: string }
export interface BranchReadRequest {
  /** Seconds the reader spent on it, reported on leaving (PTS: reading ≥ 30 s). */
  seconds?: number;
}

/** GET /branch/posts/:id/reads (admins; BR-1). */
export interface BranchReadStats {
  audienceCount: number;
  readCount: number;
  read: Array<{ memberId: number; name: string; readAt: string }>;
  unread: Array<{ memberId: number; name: string; activated: boolean }>;
  lastRemindedAt: string | null;
}
export interface BranchRemindResult {
  /** Members sent an in-app message (those with an account who have not read it). */
  reminded: number;
  /** Members without an account, who cannot be reached in the app. */
  unreachable: number;
}

/** GET /branch/members?orgId= (BR-8). */
export interface BranchMember {
  memberId: number;
  name: string;
  gender: Gender;
  memberType: MemberType;
  /** The group (党小组) within the branch, if any. */
  groupName: string | null;
  /** Current committee posts in the branch (书记, 组织委员…). */
  posts: CommitteePost[];
  activated: boolean;
  /** Shown only for activated members (BR-8). */
  phone: string | null;
  isBranchAdmin: boolean;
}

// ---- in-app messages ----
export interface AppMessage {
  id: number;
  title: string;
  body: string;
  /** Mini-program path to open, e.g. /subpackages/branch/post?id=3 */
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

// ---- organisational life 组织生活 (MEET-1…MEET-12) ----

/** GET/PUT /meetings/types (MEET-10): which types the tenant's organisations may hold. */
export interface MeetingTypeSetting { type: MeetingType; enabled: boolean }
export interface MeetingTypeSettingRequest { enabled: boolean }

export interface MeetingLocation {
  latitude: number;
  longitude: number;
  /** Check-in by location within this radius of the venue (MEET-8), metres. */
  radiusMeters: number;
}

export interface MeetingCreateRequest {
  /** The branch holding it. */
  orgId: number;
  type: MeetingType;
  title: string;
  /** ISO time, not in the past (MEET-1). */
  startsAt: string;
  /** MEET-2: 0.5, 1, 1.5, 2 or 3. */
  durationDays: number;
  /** Before startsAt (MEET-4). */
  feedbackDeadline: string;
  /** A member of the branch committee (MEET-3). */
  hostMemberId: number;
  venue: string;
  /** Video meeting instead of on-site (MEET-8). */
  online?: boolean;
  location?: MeetingLocation;
  /** Group meetings: the group (党小组) whose members are invited. */
  groupId?: number;
  /** Types with a ratio (MEET-5): required share of invitees giving "attend", as a percentage 1–100. */
  requiredRatio?: number;
  agenda?: string;
}
/** PATCH /meetings/:id while it is created or notified: the plan can change, not the type or branch. */
export type MeetingUpdateRequest = Partial<Omit<MeetingCreateRequest, 'orgId' | 'type' | 'groupId' | 'location'>> & {
  /** null turns location check-in off. */
  location?: MeetingLocation | null;
};

/** PATCH /meetings/:id/record: what the record holds; each transition checks what it needs. */
export interface MeetingRecordRequest {
  minutes?: string;
  /** Lecture summary (党课总结). */
  summary?: string;
  /** Post-meeting work record (会后整改) of the life-and-review meeting. */
  followup?: string;
  /** General assembly (MEET-6): a resolution and its vote. */
  resolution?: { text: string; votesFor: number; votesAgainst: number; abstentions: number; passed: boolean } | null;
  /** Admin corrections of who was present (check-in is the default). */
  presentMemberIds?: number[];
  /** Photo keys from POST /files/images. */
  images?: string[];
}

export interface MeetingTransitionRequest {
  action: MeetingAction;
  /** notify / pre_notice: the members to notify (MEET-4). */
  invitees?: number[];
  /** reject / reject_materials. */
  reason?: string;
}

export interface MeetingSummary {
  id: number;
  orgId: number;
  orgName: string;
  type: MeetingType;
  title: string;
  state: MeetingState;
  phase: MeetingPhase;
  startsAt: string;
  endsAt: string;
  venue: string;
  online: boolean;
  hostName: string;
  invitedCount: number;
  attendingCount: number;
  /** The caller's own answer when invited: attend / leave / none yet. */
  myFeedback: 'attend' | 'leave' | null | undefined;
}

export interface MeetingInviteeView {
  memberId: number;
  name: string;
  probationary: boolean;
  feedback: 'attend' | 'leave' | null;
  leaveReason: string | null;
  checkedInAt: string | null;
  present: boolean;
  outlineSubmitted: boolean;
}

export interface MeetingDetail extends MeetingSummary {
  feedbackDeadline: string;
  durationDays: number;
  location: MeetingLocation | null;
  groupId: number | null;
  requiredRatio: number | null;
  agenda: string | null;
  hostMemberId: number;
  /** Timeline from MEETING_TYPE_RULES, with when each reached state happened. */
  timeline: Array<{ state: MeetingState; at: string | null; current: boolean }>;
  /** What the caller may do now (buttons). */
  actions: MeetingAction[];
  /** The caller administers it (branch admin) / reviews it (parent admin) / is invited. */
  isAdmin: boolean;
  isReviewer: boolean;
  invited: boolean;
  /** Admins: everyone invited with their feedback and presence. */
  invitees: MeetingInviteeView[] | null;
  leaveCount: number;
  presentCount: number;
  /** MEET-5: present ÷ expected, percent. */
  actualRatio: number | null;
  minutes: string | null;
  summary: string | null;
  followup: string | null;
  resolution: MeetingRecordRequest['resolution'];
  /** MEET-6 (general assembly): full members, of them present, quorum reached. */
  quorum: { fullMembers: number; fullPresent: number; reached: boolean } | null;
  images: Array<{ key: string; url: string; width: number; height: number }>;
  rejectReason: string | null;
  checkinOpen: boolean;
  /** The caller's own check-in and outline (members). */
  myCheckedInAt: string | null;
  myOutline: string | null;
}

export interface MeetingQuery {
  orgId?: number;
  type?: MeetingType;
  state?: MeetingState;
  phase?: MeetingPhase;
  page?: number;
  pageSize?: number;
}

export interface MeetingFeedbackRequest { attend: boolean; reason?: string }
export interface MeetingOutlineRequest { content: string }
export interface MeetingNoteRequest { content: string }

/** GET /meetings/:id/checkin/code (admin big screen): a signed code that rotates every ~30 s. */
export interface MeetingCheckinCode {
  code: string;
  expiresAt: string;
  presentCount: number;
  invitedCount: number;
  recent: Array<{ name: string; at: string }>;
}
/** POST /meetings/:id/checkin: by the scanned code, or by location within the radius. */
export interface MeetingCheckinRequest { code?: string; latitude?: number; longitude?: number }

export interface MeetingVoteCreateRequest { title: string; options: string[] }
export interface MeetingBallotRequest { option: number }
export interface MeetingVoteView {
  id: number;
  title: string;
  options: string[];
  open: boolean;
  /** Counts per option: live for admins, for members once closed. */
  results: number[] | null;
  ballots: number;
  /** The caller's choice. */
  myOption: number | null;
}

/** MEET-12: democratic evaluation of a life-and-review meeting. */
export interface EvaluationView {
  meetingId: number;
  members: Array<{ memberId: number; name: string; probationary: boolean; selfSubmitted: boolean; mutualGiven: number; grade: EvaluationGrade | null }>;
  /** The caller's self-evaluation text and mutual ratings. */
  mySelf: string | null;
  myMutual: Array<{ memberId: number; grade: EvaluationGrade }>;
  problems: string[];
}
export interface EvaluationSelfRequest { content: string }
export interface EvaluationMutualRequest { ratings: Array<{ memberId: number; grade: EvaluationGrade }> }
export interface EvaluationGradesRequest { grades: Array<{ memberId: number; grade: EvaluationGrade | null }> }

/** MEET-11: per branch and type, whether the current period's required meeting was held. */
export interface SupervisionRow {
  orgId: number;
  orgName: string;
  periods: Array<{ type: MeetingType; periodKey: string; held: number; ok: boolean }>;
  /** Behind on at least one type: flagged red. */
  behind: boolean;
}
export interface SupervisionView { computedAt: string | null; rows: SupervisionRow[] }
/** GET /meetings/:id/candidates: who may be invited, with the type's default selection (MEET-4). */
export interface MeetingCandidate { memberId: number; name: string; probationary: boolean; committee: boolean; groupId: number | null; selected: boolean }

// ---------------------------------------------------------------------------------------------
// Party dues 党费 (SPEC §5 DUES-1…11) and payments (§6 PAY-1…4). Money is integer fen everywhere.
// ---------------------------------------------------------------------------------------------

/*
 * ## The dues API (all under /api/v1; types in shared/src/api.ts, section "Party dues"; errors are JSON `ErrorBody {code, message, details?}` — show `message` to the user)
 *
 * Member (mini-program):
 * - GET  /dues/me?year=YYYY → MemberDues (the year's months that have a bill, and its future months, with status paid / prepaid / unpaid / upcoming, payableMonths (current + ≤ 6 back), prepayableMonths, tooOldMonths, window {firstDay,lastDay,open}, account {channel, orgName} or null, flagged)
 * - GET  /dues/receipts?page&pageSize → Page<DuesPaymentView> (payments I made, or made for me)
 * - POST /dues/proxy/lookup {name, idNumber} → DuesProxyLookup (代缴: pay for another member; returns a proxyTicket to pass in the order)
 * - POST /dues/orders DuesOrderRequest {months, voluntaryFen?, forMemberId?, proxyTicket?, platform, idempotencyKey} → 201 DuesOrderResult {paymentId, orderNo, amountFen, channel, status, pay}. `pay.kind`: 'wechat_jsapi' → Taro.requestPayment(params); 'alipay_trade' → my.tradePay({tradeNO}); 'alipay_app' → dd.pay({info: orderStr}); 'simulator_page' → H5 in development: navigate the browser to `pay.url` (the local simulator's page; after 确认支付 it returns to the page the client gave — the server builds the return URL to `/h5/#/subpackages/dues/result?paymentId=<id>`). Errors (409/422) with codes DUES_OUTSIDE_WINDOW (not in the 1st–20th window), DUES_MONTH_TOO_OLD (> 6 months back), DUES_MONTH_NOT_PAYABLE, DUES_NO_STANDARD, DUES_NO_ACCOUNT (organisation has no dues account yet), DUES_WRONG_PLATFORM (message says where to pay: e.g. 本组织党费通过微信交纳，请在微信小程序中交纳).
 * - GET  /dues/payments/:id → DuesPaymentView (poll after paying until status 'paid'; 'closed' = not paid)
 *
 * Admin page (admins, scoped to their organisations; platform admin for account review):
 * - GET/PUT /dues/settings DuesSettings (tenant admin edits)
 * - GET  /dues/standards?orgId&year&keyword&missing&page&pageSize → Page<DuesStandardRow> (members, each with its standard or null)
 * - PUT  /dues/standards DuesStandardRequest → DuesStandardView (409 DUES_STANDARD_LOCKED when the year is locked)
 * - POST /dues/standards/:id/correct DuesStandardCorrectionRequest (with reason; audited) → DuesStandardView
 * - POST /dues/standards/lock {orgId, year} → {locked}
 * - GET  /dues/standards/template.xlsx?orgId&year (the org's members pre-filled: 姓名, 身份证号(masked), 党员类别, 月收入（元）, 农民党员月交纳额（元）, 减免后月交纳额（元）, 减免批准机关); POST /dues/standards/import?year=YYYY multipart field `file` → ImportResult {imported} or 422 DUES_IMPORT_INVALID with `details` [{row, field, message}] (all-or-nothing)
 * - GET  /dues/members/:memberId?year → MemberDues
 * - POST /dues/bills/generate {month?} → DuesBillGenerateResult (idempotent)
 * - GET  /dues/bills?orgId&month&status&keyword&page&pageSize → Page<DuesBillView>; GET /dues/bills/export.xlsx?same filters
 * - GET  /dues/summary?orgId&year → DuesSummary (per month: billed/paid/unpaid/expected/collected/cash/online/voluntary; per child organisation)
 * - POST /dues/remind {orgId, month} → DuesRemindResult
 * - GET  /dues/flagged?orgId → DuesFlaggedMember[] (DUES-11: ≥ 6 months unpaid)
 * - GET  /dues/payments?orgId&month&year&paidVia&status&keyword&page&pageSize → Page<DuesPaymentView>; GET /dues/payments/export.xlsx
 * - POST /dues/cash DuesCashRequest → 201 DuesPaymentView
 * - POST /dues/payments/:id/reverse {reason} → DuesPaymentView (status 'reversed'; the original stays visible)
 * - GET  /dues/accounts?status → DuesAccountView[] (admins: their organisations'; platform admin: every tenant's)
 * - POST /dues/accounts DuesAccountForm → 201 DuesAccountView (errors DUES_ACCOUNT_CHANNEL_FIXED, DUES_ACCOUNT_PENDING_EXISTS; 422 VALIDATION_FAILED with details per field)
 * - POST /dues/accounts/:id/approve {merchantId} (platform admin) ; POST /dues/accounts/:id/reject {reason} (platform admin)
 * - GET  /dues/transfers/preview?orgId&month → DuesTransferPreview ; POST /dues/transfers {orgId, month} → 201 DuesTransferView (409 DUES_TRANSFER_EXISTS for a second one) ; GET /dues/transfers?orgId → DuesTransferView[] ; POST /dues/transfers/:id/retry
 * - GET  /dues/reconciliation?channel&from&to → ReconRunView[] ; POST /dues/reconciliation {channel, billDate} → ReconRunView (tenant / platform admin)
 */

export type PayChannel = 'wechat' | 'alipay';
/** How a payment came in: online through a channel, or cash recorded by an admin (DUES-6). */
export type DuesPaidVia = PayChannel | 'cash';

/** GET/PUT /dues/settings (tenant admin): the payment window and the first day of upward transfer (DUES-7). */
export interface DuesSettings { windowFirstDay: number; windowLastDay: number; transferFromDay: number }

/** DUES-1 hardship reduction 困难减免: the reduced monthly amount (0 = exempt) and who approved it. */
export interface DuesHardship { amountFen: number; approvedBy: string; note?: string }

/** PUT /dues/standards: one member's standard for a year (DUES-2). Refused with 409 once locked. */
export interface DuesStandardRequest {
  memberId: number;
  year: number;
  category: DuesCategory;
  /** Monthly after-tax pay (employed) or pension (retired), in fen. */
  incomeFen?: number;
  /** Farmers: the amount the branch decided, 20–100 fen. */
  farmerFen?: number;
  hardship?: DuesHardship | null;
}
/** POST /dues/standards/:id/correct: the audited correction of a locked standard. */
export interface DuesStandardCorrectionRequest extends Omit<DuesStandardRequest, 'memberId' | 'year'> { reason: string }
/** POST /dues/standards/lock: locks every standard of the organisation's subtree for the year. */
export interface DuesStandardLockRequest { orgId: number; year: number }
export interface DuesStandardLockResult { locked: number }

export interface DuesStandardView {
  id: number;
  memberId: number;
  memberName: string;
  orgId: number;
  orgName: string;
  year: number;
  category: DuesCategory;
  incomeFen: number | null;
  /** What the regulation gives (before any hardship reduction). */
  standardFen: number;
  /** What the member pays each month (the hardship amount when reduced). */
  amountFen: number;
  rule: string;
  hardship: DuesHardship | null;
  source: 'manual' | 'import' | 'correction';
  locked: boolean;
  setAt: string;
  setByName: string | null;
}
/** GET /dues/standards?orgId&year&keyword&page&pageSize; members without a standard come with `standard: null`. */
export interface DuesStandardRow { memberId: number; memberName: string; orgId: number; orgName: string; standard: DuesStandardView | null }
export interface DuesStandardQuery { orgId?: number; year: number; keyword?: string; missing?: boolean; page?: number; pageSize?: number }

/** A month of a member's dues, as the member and the admin see it. */
export type DuesMonthStatus = 'paid' | 'prepaid' | 'unpaid' | 'upcoming';
export interface DuesMonthView {
  month: string;
  amountFen: number | null;
  status: DuesMonthStatus;
  paidAt: string | null;
  paidVia: DuesPaidVia | null;
  /** 代缴 DUES-5: who paid, when it was not the member. */
  payerName: string | null;
  paymentId: number | null;
}

/** The account the member's dues go to (DUES-8): the nearest organisation above with an approved one. */
export interface DuesAccountTarget { accountId: number; orgId: number; orgName: string; channel: PayChannel }

/** GET /dues/me?year= (member) — also GET /dues/members/:memberId?year= for admins. */
export interface MemberDues {
  memberId: number;
  memberName: string;
  orgName: string;
  year: number;
  standard: DuesStandardView | null;
  months: DuesMonthView[];
  /** Unpaid months that may be paid now, whatever `year` asks: the current one and at most 6 back (DUES-4). */
  payableMonths: string[];
  /** Future months that may be prepaid (预交) at the standard amount: up to 12 months ahead. */
  prepayableMonths: string[];
  /** Unpaid months older than 6: settled with the branch, not online. */
  tooOldMonths: string[];
  window: { firstDay: number; lastDay: number; open: boolean };
  account: DuesAccountTarget | null;
  /** DUES-11: six or more months unpaid. */
  flagged: boolean;
}

/** POST /dues/proxy/lookup (member): find another member to pay for (代缴) by name and ID number. */
export interface DuesProxyLookupRequest { name: string; idNumber: string }
export interface DuesProxyLookup {
  memberId: number;
  /** Masked, e.g. 张*明. */
  memberName: string;
  orgName: string;
  /** Pass back in the order: proves the payer knew the ID number (valid 30 minutes, for this payer only). */
  proxyTicket: string;
  dues: Pick<MemberDues, 'year' | 'months' | 'payableMonths' | 'prepayableMonths' | 'account' | 'standard'>;
}

/** POST /dues/orders (member): pay months (and/or voluntary extra dues) online. */
export interface DuesOrderRequest {
  months: string[];
  /** DUES-3 voluntary extra dues 自愿多交 in fen; ≥ 100 000 is flagged for the Central Committee. */
  voluntaryFen?: number;
  /** 代缴: whose dues; the ticket from /dues/proxy/lookup. */
  forMemberId?: number;
  proxyTicket?: string;
  /** Where the client runs: decides which channel it can pay through (DUES-8). */
  platform: Platform;
  /** Client-generated, one per "pay" press: a double tap creates one order (PAY-1). 8–64 chars. */
  idempotencyKey: string;
}

/** What the client passes to the platform's payment call. */
export type PayParams =
  /** Taro.requestPayment (WeChat mini-program). */
  | { kind: 'wechat_jsapi'; timeStamp: string; nonceStr: string; package: string; signType: 'RSA'; paySign: string }
  /** my.tradePay (Alipay mini-program). */
  | { kind: 'alipay_trade'; tradeNO: string }
  /** dd.pay({ info: orderStr }) (DingTalk mini-program): Alipay's signed app-payment order string. */
  | { kind: 'alipay_app'; orderStr: string }
  /** H5 against the local simulators: open this page, confirm, come back (development only). */
  | { kind: 'simulator_page'; url: string };

export type DuesPaymentStatus = 'pending' | 'paid' | 'closed' | 'reversed';
export interface DuesOrderResult { paymentId: number; orderNo: string; amountFen: number; channel: PayChannel; status: DuesPaymentStatus; pay: PayParams | null }

/** A payment (receipt 收据 once paid): online or cash. */
export interface DuesPaymentView {
  id: number;
  memberId: number;
  memberName: string;
  orgId: number;
  orgName: string;
  /** 代缴: the payer when not the member. */
  payerName: string | null;
  months: string[];
  duesFen: number;
  voluntaryFen: number;
  amountFen: number;
  /** DUES-3: a voluntary payment ≥ 1000 yuan goes entirely to the Central Committee. */
  toCentral: boolean;
  paidVia: DuesPaidVia;
  status: DuesPaymentStatus;
  orderNo: string | null;
  channelTxId: string | null;
  /** Cash (DUES-6): who received it and the receipt number. */
  receiverName: string | null;
  receiptNo: string | null;
  recordedByName: string | null;
  reversal: { reason: string; byName: string; at: string } | null;
  createdAt: string;
  paidAt: string | null;
}
export interface DuesPaymentQuery { orgId?: number; month?: string; year?: number; paidVia?: DuesPaidVia; status?: DuesPaymentStatus; keyword?: string; page?: number; pageSize?: number }

/** POST /dues/cash (admin, DUES-6): 线下交纳线上登记. */
export interface DuesCashRequest { memberId: number; months: string[]; voluntaryFen?: number; receiverName: string; receiptNo: string; paidAt?: string }
/** POST /dues/payments/:id/reverse (admin): a reversal entry; the original stays (PAY-4). */
export interface DuesReverseRequest { reason: string }

/** POST /dues/bills/generate (tenant admin; the daily job does the same): idempotent. */
export interface DuesBillGenerateRequest { month?: string }
export interface DuesBillGenerateResult { month: string; created: number; existing: number; withoutStandard: number }

/** GET /dues/bills?orgId&month&status&keyword&page (admin, DUES-10): the month's paid and unpaid list. */
export interface DuesBillView {
  id: number;
  memberId: number;
  memberName: string;
  orgId: number;
  orgName: string;
  month: string;
  amountFen: number;
  status: 'paid' | 'unpaid';
  prepaid: boolean;
  paidVia: DuesPaidVia | null;
  paidAt: string | null;
  payerName: string | null;
  paymentId: number | null;
}
export interface DuesBillQuery { orgId?: number; month: string; status?: 'paid' | 'unpaid'; keyword?: string; page?: number; pageSize?: number }

/** GET /dues/summary?orgId&year (admin): totals per month and per child organisation. */
export interface DuesSummary {
  orgId: number;
  orgName: string;
  year: number;
  /**
   * Per month. By the bills of the month: billed/paid/unpaid counts, expectedFen and paidFen (what
   * of that month's dues is paid, whenever). By the money received in the month (Beijing), whatever
   * months it paid for: collectedFen = cashFen + onlineFen, of which voluntaryFen.
   */
  months: Array<{ month: string; billed: number; paid: number; unpaid: number; expectedFen: number; paidFen: number; collectedFen: number; cashFen: number; onlineFen: number; voluntaryFen: number }>;
  children: Array<{ orgId: number; orgName: string; paid: number; unpaid: number; collectedFen: number }>;
  totalCollectedFen: number;
}

/** POST /dues/remind {orgId, month} (admin): in-app messages to the unpaid members with accounts. */
export interface DuesRemindRequest { orgId: number; month: string }
export interface DuesRemindResult { reminded: number; withoutAccount: number }

/** GET /dues/flagged?orgId (admin, DUES-11): members with six or more unpaid months. */
export interface DuesFlaggedMember { memberId: number; memberName: string; orgId: number; orgName: string; unpaidMonths: string[]; lastPaidMonth: string | null }

/** DUES-8 dues account 党费账户: the merchant form of AI党建云 §4.2.1. */
export interface DuesAccountForm {
  orgId: number;
  channel: PayChannel;
  /** 商家类型: enterprise / individual business / public institution / social organisation / government body. */
  merchantType: 'enterprise' | 'individual' | 'institution' | 'social_org' | 'government';
  /** 商户类别码 MCC, 4 digits. */
  mcc: string;
  /** 商户证件类型 and 编号 (unified social credit code: 18 characters). */
  licenseType: 'business_license' | 'institution_certificate' | 'social_org_certificate' | 'other';
  licenseNo: string;
  /** 营业执照名称 (individual businesses). */
  licenseName?: string;
  legalPersonName: string;
  /** 法人身份证号: checked like members' ID numbers, stored encrypted, shown masked. */
  legalPersonIdNumber: string;
  contactName: string;
  contactPhone: string;
  contactEmail?: string;
  /** 商户联系人类型: legal person or authorised agent. */
  contactType: 'legal' | 'agent';
  region: { province: string; city: string; district: string };
  address: string;
  servicePhone: string;
  branchCount?: number;
  committeeCount?: number;
  memberCount?: number;
  /** 2. 支付信息: settlement to a bank card. */
  bankName: string;
  bankShortName: string;
  bankAccountName: string;
  bankAccountNo: string;
  bankRegion: { province: string; city: string };
}
export type DuesAccountStatus = 'pending' | 'approved' | 'rejected';
export interface DuesAccountView extends Omit<DuesAccountForm, 'legalPersonIdNumber' | 'bankAccountNo'> {
  id: number;
  tenantName: string;
  orgName: string;
  legalPersonIdMasked: string;
  bankAccountNoMasked: string;
  status: DuesAccountStatus;
  /** Set on approval by the platform (DUES-8): the sub-merchant / receiver the money is split to. */
  merchantId: string | null;
  rejectReason: string | null;
  reviewedAt: string | null;
  createdAt: string;
}
/** POST /dues/accounts/:id/approve (platform admin). */
export interface DuesAccountApproveRequest { merchantId: string }
export interface DuesAccountRejectRequest { reason: string }

/** DUES-7 upward transfer 上划: the month's collected online money of an organisation's subtree to the account holder. */
export type DuesTransferStatus = 'processing' | 'done' | 'failed';
export interface DuesTransferPreview {
  orgId: number;
  orgName: string;
  month: string;
  account: DuesAccountTarget | null;
  /** Paid online and not yet transferred. */
  transferableFen: number;
  paymentCount: number;
  /** From the tenant's transferFromDay of the month after… the window's end. */
  openFrom: string;
  canTransfer: boolean;
  reason: string | null;
}
export interface DuesTransferRequest { orgId: number; month: string }
export interface DuesTransferView {
  id: number;
  orgId: number;
  orgName: string;
  month: string;
  channel: PayChannel;
  amountFen: number;
  paymentCount: number;
  status: DuesTransferStatus;
  /** Splits done / total, and the last channel error while retrying. */
  splitsDone: number;
  splitsTotal: number;
  lastError: string | null;
  createdByName: string | null;
  createdAt: string;
  doneAt: string | null;
}

/** DUES-9 / PAY-3 reconciliation 对账 of one channel and day against our ledger. */
export type ReconMismatchKind = 'missing_here' | 'missing_there' | 'amount_differs';
export interface ReconMismatch { kind: ReconMismatchKind; orderNo: string; channelTxId: string | null; ourFen: number | null; theirFen: number | null; repaired: boolean; note: string | null }
export interface ReconRunView {
  id: number;
  channel: PayChannel;
  /** The bill's day (Beijing), 2026-11-20. */
  billDate: string;
  status: 'matched' | 'mismatched' | 'failed';
  theirCount: number;
  theirFen: number;
  ourCount: number;
  ourFen: number;
  cashCount: number;
  cashFen: number;
  mismatches: ReconMismatch[];
  error: string | null;
  ranAt: string;
}
/** POST /dues/reconciliation {channel, billDate} (platform/tenant admin): run now (the daily job runs yesterday's). */
export interface ReconRunRequest { channel: PayChannel; billDate: string }

// ---------------------------------------------------------------------------------------------
// Points 积分 (SPEC §7 PTS-1, PTS-2, PTS-4): rules per tenant, the member's totals and details, rankings.
// ---------------------------------------------------------------------------------------------

/** A tenant's rule: a built-in one (only points, cap and enabled change) or a custom declared one. */
export interface PointsRuleView {
  code: string;
  category: PointsCategory;
  name: string;
  points: number;
  /** At most this many points per member and period; null: no cap. */
  cap: number | null;
  capPeriod: CapPeriod;
  enabled: boolean;
  builtin: boolean;
  /** A custom rule members declare under (积分申报, PTS-3); awarded on approval. */
  declared: boolean;
}
/** PUT /points/rules (tenant admin): change one rule; built-in rules take only points, cap and enabled. */
export interface PointsRuleUpdateRequest {
  code: string;
  points?: number;
  cap?: number | null;
  enabled?: boolean;
  /** Custom rules only. */
  name?: string;
  capPeriod?: CapPeriod;
}
/** POST /points/rules (tenant admin): a custom declared rule. */
export interface PointsRuleCreateRequest {
  category: PointsCategory;
  name: string;
  points: number;
  cap: number | null;
  capPeriod: CapPeriod;
}
export interface PointsTotals {
  total: number;
  byCategory: Record<PointsCategory, number>;
}
/** GET /points/me: this year's and all-time totals by category. */
export interface MyPoints {
  memberId: number;
  year: string;
  yearTotals: PointsTotals;
  allTime: PointsTotals;
}
/** GET /points/me/entries: one award of the member's ledger, newest first. */
export interface PointsEntryView {
  id: number;
  ruleCode: string;
  ruleName: string;
  category: PointsCategory;
  points: number;
  /** What earned it: post, comment, meeting, login. */
  sourceType: string;
  sourceId: string;
  createdAt: string;
}
export type PointsRankingScope = 'branch' | 'org' | 'tenant';
/** GET /points/rankings: scope (default branch), period YYYY or YYYY-MM or all (default this year). */
export interface PointsRankingQuery {
  scope?: PointsRankingScope;
  period?: string;
  orgId?: number;
  category?: PointsCategory;
  limit?: number;
}
export interface PointsRankRow {
  /** 1 + how many have more points (equal totals share a rank). */
  rank: number;
  memberId: number;
  name: string;
  orgId: number;
  orgName: string;
  total: number;
}
export interface PointsRanking {
  scope: PointsRankingScope;
  period: string;
  category: PointsCategory | null;
  /** The organisation whose subtree is ranked (null: the whole tenant). */
  orgId: number | null;
  items: PointsRankRow[];
  /** The caller's place (null for accounts without a member record); rank null until they earn. */
  me: { rank: number | null; total: number } | null;
}


// ---- PTS-3 declarations 积分申报 ----
/** pending 待审核 / approved 已通过 / rejected 已驳回 (labels: POINTS_DECLARATION_STATE_LABELS). */
export type PointsDeclarationState = 'pending' | 'approved' | 'rejected';
/**
 * POST /points/declarations (a member) → PointsDeclarationView. ruleCode: an enabled declared
 * (custom) rule of the tenant; content 1–1000 characters; images: 0–9 upload keys (POST /files/images).
 */
export interface PointsDeclarationRequest {
  ruleCode: string;
  content: string;
  images?: string[];
}
export interface PointsDeclarationView {
  id: number;
  memberId: number;
  memberName: string;
  /** The declarant's branch. */
  orgId: number;
  orgName: string;
  ruleCode: string;
  ruleName: string;
  category: PointsCategory;
  /** The rule's points when declared. */
  points: number;
  /** What the ledger holds for it now: 0 while pending or rejected, or when the cap left nothing. */
  awarded: number;
  content: string;
  images: Array<{ key: string; url: string; width: number; height: number }>;
  state: PointsDeclarationState;
  reviewerName: string | null;
  reviewedAt: string | null;
  /** The rejection's or the overturn's reason. */
  reason: string | null;
  /** A tenant admin overturned the branch's decision (with `reason`). */
  overturned: boolean;
  createdAt: string;
}
/**
 * - GET  /points/declarations/mine?page&pageSize → Page<PointsDeclarationView> (the member's own)
 * - GET  /points/declarations?orgId&state&page&pageSize → Page<PointsDeclarationView> (admins: the
 *   declarations of branches in their scope; a branch admin sees their branch's)
 * - POST /points/declarations/:id/review {approve, reason} → PointsDeclarationView (the declarant's
 *   branch admin or an admin above; pending only; a reason is required to reject; approving awards)
 * - POST /points/declarations/:id/overturn {reason} → PointsDeclarationView (tenant admin; reviewed
 *   only: approved → rejected appends a reversing ledger entry, rejected → approved awards)
 */
export interface PointsDeclarationQuery { orgId?: number; state?: PointsDeclarationState; page?: number; pageSize?: number }
export interface PointsDeclarationReviewRequest { approve: boolean; reason?: string }
export interface PointsDeclarationOverturnRequest { reason: string }

// ---- PTS-4/PTS-5 settings, averages, export ----
/**
 * GET /points/settings (anyone of the tenant), PUT /points/settings (tenant admin, audited).
 * rankingsEnabled false: members get 403 POINTS_RANKINGS_OFF from /points/rankings and
 * /points/averages and the mini-program hides 排行; admins still see them (never for appraisal, PTS-5).
 */
export interface PointsSettings { rankingsEnabled: boolean }
export interface PointsOrgAverageRow {
  orgId: number;
  orgName: string;
  /** Active members in the organisation's subtree. */
  memberCount: number;
  /** Their points in the period. */
  total: number;
  /** total / memberCount, one decimal; 0 without members. */
  average: number;
  /** 1 + how many rows have a higher average. */
  rank: number;
}
/**
 * GET /points/averages?orgId&period (period YYYY or YYYY-MM, default this year): the direct child
 * organisations of orgId (default: the organisation above the member's branch; for admins their
 * top organisation), by average, as the daily job last computed them (asOf null: never computed).
 * POST /points/averages/recompute (tenant admin) runs the job now and answers the root's averages.
 */
export interface PointsOrgAverages {
  orgId: number;
  orgName: string;
  period: string;
  asOf: string | null;
  items: PointsOrgAverageRow[];
}
/** GET /points/rankings/export.xlsx?scope&period&orgId&category (admins): the whole ranking, not only the top N. */

// ---------------------------------------------------------------------------------------------
// Mutual aid 党员e家 (SPEC §8 AID-1…AID-4): wishes, donations and snapshots of a branch, their
// flows (shared/mutual-aid.ts), snapshot comments and likes, the blacklist.
// ---------------------------------------------------------------------------------------------

/** all: everything the caller sees; open: claimable (wishes, donations) or shown (snapshots) in the caller's branch, micro-wishes open in the whole tenant; mine: published by the caller; claimed: claimed by the caller; review: waiting for the caller's review (admins; micro-wishes: the tenant admin). */
export type AidListView = 'all' | 'open' | 'mine' | 'claimed' | 'review';

/** GET /aid/items?kind&view&state&column&page&pageSize → Page<AidItemSummary> */
export interface AidItemQuery {
  kind: AidKind;
  view?: AidListView;
  state?: AidState;
  /** Snapshots only: 正能量 or 曝光台. */
  column?: SnapshotColumn;
  page?: number;
  pageSize?: number;
}
export interface AidImage {
  key: string;
  width: number;
  height: number;
  url: string;
}
export interface AidItemSummary {
  id: number;
  kind: AidKind;
  orgId: number;
  orgName: string;
  state: AidState;
  title: string;
  category: WishCategory | null;
  column: SnapshotColumn | null;
  publisherMemberId: number;
  publisherName: string;
  claimerMemberId: number | null;
  claimerName: string | null;
  images: AidImage[];
  likeCount: number;
  shareCount: number;
  createdAt: string;
}
/** GET /aid/items/:id */
export interface AidItemDetail extends AidItemSummary {
  content: string;
  takenAt: string | null;
  place: string | null;
  rejectReason: string | null;
  timeline: Array<{ state: AidState; at: string | null; current: boolean }>;
  /** What the caller may do next (shared availableAidActions for the caller's roles). */
  availableActions: AidAction[];
  liked: boolean;
  /** AID-5: the wisher's contact, shown to the claimer, the submitting admin and reviewers once claimed (else null). */
  contact: { name: string; phone: string } | null;
}
/** POST /aid/items → AidItemDetail. Wishes: category required, no cash. Snapshots: 1–9 images, column, takenAt, place. Micro-wishes: branch admins only, contactName and contactPhone required, no cash. */
export interface AidItemCreateRequest {
  kind: AidKind;
  /** AID-5 micro-wishes: the member of the public who wishes (name and phone, shown to the claimer). */
  contactName?: string;
  contactPhone?: string;
  title: string;
  content: string;
  category?: WishCategory;
  images?: string[];
  column?: SnapshotColumn;
  takenAt?: string;
  place?: string;
}
/** POST /aid/items/:id/transitions → AidItemDetail */
export interface AidTransitionRequest {
  action: AidAction;
  reason?: string;
}
/** Snapshot comments: pending until the publisher or a branch admin approves. GET /aid/items/:id/comments?page&pageSize → Page<AidCommentView> (approved ones and the caller's own; the publisher and admins see all). */
export interface AidCommentView {
  id: number;
  memberId: number | null;
  authorName: string;
  content: string;
  approved: boolean;
  createdAt: string;
}
/** POST /aid/items/:id/comments → AidCommentView */
export interface AidCommentCreateRequest {
  content: string;
}
/** PUT|DELETE /aid/items/:id/like, POST /aid/items/:id/share → AidCounts */
export interface AidCounts {
  likeCount: number;
  shareCount: number;
  liked: boolean;
}
/** AID-4: GET /aid/blacklist?page&pageSize → Page<AidBlacklistEntry> (admin scope); POST /aid/blacklist; DELETE /aid/blacklist/:memberId */
export interface AidBlacklistEntry {
  memberId: number;
  memberName: string;
  orgId: number;
  reason: string;
  byName: string;
  createdAt: string;
}
export interface AidBlacklistRequest {
  memberId: number;
  reason: string;
}

// ---------------------------------------------------------------------------------------------
// Mall 积分商城 (SPEC §9 MALL-1…MALL-4)
// ---------------------------------------------------------------------------------------------

/** 商品 goods / 服务 service */
export type MallGoodsKind = 'goods' | 'service';
/** awaiting 待领取 / picked_up 已领取 / cancelled 已取消 */
export type MallOrderStatus = 'awaiting' | 'picked_up' | 'cancelled';

/** GET /mall/categories → MallCategory[] (ordered) */
export interface MallCategory {
  id: number;
  name: string;
  sortOrder: number;
}
/** POST /mall/categories, PUT /mall/categories/:id (tenant admin) */
export interface MallCategoryRequest {
  name: string;
}
/** POST /mall/categories/reorder: every category id in the new order */
export interface MallCategoryReorderRequest {
  ids: number[];
}
export interface MallImage {
  key: string;
  url: string;
  width: number;
  height: number;
}
export interface MallGoods {
  id: number;
  categoryId: number;
  kind: MallGoodsKind;
  name: string;
  description: string;
  pointsPrice: number;
  stock: number;
  images: MallImage[];
  enabled: boolean;
}
/** GET /mall/goods?categoryId&page&pageSize → members see enabled goods; balance is the caller's (null without a member) */
export interface MallGoodsQuery {
  categoryId?: number;
  page?: number;
  pageSize?: number;
}
export interface MallGoodsPage extends Page<MallGoods> {
  balance: number | null;
}
/** POST /mall/goods, PUT /mall/goods/:id (tenant admin) */
export interface MallGoodsRequest {
  categoryId: number;
  kind: MallGoodsKind;
  name: string;
  description?: string;
  pointsPrice: number;
  stock: number;
  images?: string[];
  enabled?: boolean;
}
/** PUT /mall/goods/:id/enabled */
export interface MallGoodsEnableRequest {
  enabled: boolean;
}
/** GET /mall/me: the mall balance is earned (all-time points) minus spent in the mall; points themselves never drop */
export interface MallWalletView {
  earned: number;
  spent: number;
  balance: number;
}
/** POST /mall/orders → MallOrder */
export interface MallOrderRequest {
  goodsId: number;
  quantity: number;
}
export interface MallOrder {
  id: number;
  orderNo: string;
  pickupCode: string;
  memberId: number;
  memberName: string;
  goodsId: number;
  goodsName: string;
  unitPoints: number;
  quantity: number;
  points: number;
  status: MallOrderStatus;
  createdAt: string;
  pickedUpAt: string | null;
  cancelledAt: string | null;
}
/** GET /mall/orders/mine?status&page&pageSize: the member's orders, newest first. */
export interface MallMyOrdersQuery {
  status?: MallOrderStatus;
  page?: number;
  pageSize?: number;
}
/** GET /mall/orders?q&status&page&pageSize (tenant admin): q is an order number or a pick-up code */
export interface MallOrderQuery {
  q?: string;
  status?: MallOrderStatus;
  page?: number;
  pageSize?: number;
}
