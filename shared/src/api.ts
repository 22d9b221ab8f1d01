/**
 * Request and response shapes of the API (/api/v1). Server DTO classes implement the request
 * interfaces; the admin page and the mini-program are typed by them.
 */
import type { CommitteePost, OrgType, Role } from './org.js';
import type { Education, Gender, MemberStatus, MemberType } from './member.js';

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
