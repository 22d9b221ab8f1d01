/**
 * Every error the API can answer, by domain, with its HTTP status and Chinese message.
 * `ERROR_TABLE` is typed as a Record over the union of all codes, so adding a code without a row
 * fails to compile (the exhaustive mapping the house style asks for).
 */
export enum CommonError {
  ValidationFailed = 'VALIDATION_FAILED',
  BadRequest = 'BAD_REQUEST',
  Unauthenticated = 'UNAUTHENTICATED',
  Forbidden = 'FORBIDDEN',
  NotFound = 'NOT_FOUND',
  Conflict = 'CONFLICT',
  PayloadTooLarge = 'PAYLOAD_TOO_LARGE',
  UnsupportedMediaType = 'UNSUPPORTED_MEDIA_TYPE',
  TooManyRequests = 'TOO_MANY_REQUESTS',
  Internal = 'INTERNAL_ERROR',
  UpstreamUnavailable = 'UPSTREAM_UNAVAILABLE',
}

export enum IdentityError {
  InvalidCredentials = 'IDENTITY_INVALID_CREDENTIALS',
  AccountLocked = 'IDENTITY_ACCOUNT_LOCKED',
  AccountDisabled = 'IDENTITY_ACCOUNT_DISABLED',
  PasswordChangeRequired = 'IDENTITY_PASSWORD_CHANGE_REQUIRED',
  PasswordPolicy = 'IDENTITY_PASSWORD_POLICY',
  PasswordMismatch = 'IDENTITY_PASSWORD_MISMATCH',
  PasswordReused = 'IDENTITY_PASSWORD_REUSED',
  InvalidIdNumber = 'IDENTITY_INVALID_ID_NUMBER',
  MemberNotFound = 'IDENTITY_MEMBER_NOT_FOUND',
  AmbiguousTenant = 'IDENTITY_AMBIGUOUS_TENANT',
  AlreadyActivated = 'IDENTITY_ALREADY_ACTIVATED',
  StepTokenInvalid = 'IDENTITY_STEP_TOKEN_INVALID',
  CaptchaFailed = 'IDENTITY_CAPTCHA_FAILED',
  CaptchaRequired = 'IDENTITY_CAPTCHA_REQUIRED',
  SmsCodeInvalid = 'IDENTITY_SMS_CODE_INVALID',
  SmsCodeExpired = 'IDENTITY_SMS_CODE_EXPIRED',
  SmsTooFrequent = 'IDENTITY_SMS_TOO_FREQUENT',
  SmsDailyLimit = 'IDENTITY_SMS_DAILY_LIMIT',
  PhoneTaken = 'IDENTITY_PHONE_TAKEN',
  UsernameTaken = 'IDENTITY_USERNAME_TAKEN',
  RefreshTokenInvalid = 'IDENTITY_REFRESH_TOKEN_INVALID',
  PlatformCodeInvalid = 'IDENTITY_PLATFORM_CODE_INVALID',
  PlatformNotConfigured = 'IDENTITY_PLATFORM_NOT_CONFIGURED',
  PlatformIdentityTaken = 'IDENTITY_PLATFORM_IDENTITY_TAKEN',
  DingtalkUserNotMatched = 'IDENTITY_DINGTALK_USER_NOT_MATCHED',
}

export enum TenancyError {
  ActivationCodeInvalid = 'TENANCY_ACTIVATION_CODE_INVALID',
  TenantNotFound = 'TENANCY_TENANT_NOT_FOUND',
}

export enum OrgError {
  NotFound = 'ORG_NOT_FOUND',
  ChildTypeNotAllowed = 'ORG_CHILD_TYPE_NOT_ALLOWED',
  NotEmpty = 'ORG_NOT_EMPTY',
  MoveIntoOwnSubtree = 'ORG_MOVE_INTO_OWN_SUBTREE',
  RootImmutable = 'ORG_ROOT_IMMUTABLE',
  MergeTypeMismatch = 'ORG_MERGE_TYPE_MISMATCH',
  PostHolderNotInOrg = 'ORG_POST_HOLDER_NOT_IN_ORG',
  PostTaken = 'ORG_POST_TAKEN',
  PostNotFound = 'ORG_POST_NOT_FOUND',
  BranchAdminLimit = 'ORG_BRANCH_ADMIN_LIMIT',
  NotABranch = 'ORG_NOT_A_BRANCH',
  ImportInvalid = 'ORG_IMPORT_INVALID',
  ImportFileUnreadable = 'ORG_IMPORT_FILE_UNREADABLE',
}

export enum MemberError {
  NotFound = 'MEMBER_NOT_FOUND',
  DuplicateIdNumber = 'MEMBER_DUPLICATE_ID_NUMBER',
  OrgNotAllowed = 'MEMBER_ORG_NOT_ALLOWED',
  ImportInvalid = 'MEMBER_IMPORT_INVALID',
  ImportFileUnreadable = 'MEMBER_IMPORT_FILE_UNREADABLE',
  NotInHistory = 'MEMBER_NOT_IN_HISTORY',
  NoAccount = 'MEMBER_NO_ACCOUNT',
}

export type ErrorCode = CommonError | IdentityError | TenancyError | OrgError | MemberError;

export const ERROR_TABLE: Record<ErrorCode, { status: number; message: string }> = {
  [CommonError.ValidationFailed]: { status: 400, message: '请求参数不正确' },
  [CommonError.BadRequest]: { status: 400, message: '请求格式不正确' },
  [CommonError.Unauthenticated]: { status: 401, message: '请先登录' },
  [CommonError.Forbidden]: { status: 403, message: '没有权限执行此操作' },
  [CommonError.NotFound]: { status: 404, message: '请求的内容不存在' },
  [CommonError.Conflict]: { status: 409, message: '数据已被修改，请刷新后重试' },
  [CommonError.PayloadTooLarge]: { status: 413, message: '提交的内容过大' },
  [CommonError.UnsupportedMediaType]: { status: 415, message: '不支持的内容类型' },
  [CommonError.TooManyRequests]: { status: 429, message: '操作过于频繁，请稍后再试' },
  [CommonError.Internal]: { status: 500, message: '服务器内部错误，请稍后重试' },
  [CommonError.UpstreamUnavailable]: { status: 502, message: '第三方服务暂时不可用，请稍后重试' },

  [IdentityError.InvalidCredentials]: { status: 401, message: '账号或密码错误' },
  [IdentityError.AccountLocked]: { status: 423, message: '账号已锁定，请联系管理员解锁' },
  [IdentityError.AccountDisabled]: { status: 403, message: '账号已停用，请联系所在支部' },
  [IdentityError.PasswordChangeRequired]: { status: 403, message: '请先修改初始密码' },
  [IdentityError.PasswordPolicy]: { status: 400, message: '密码至少8位，且包含大写字母、小写字母、数字、符号中的至少两种' },
  [IdentityError.PasswordMismatch]: { status: 400, message: '两次输入的密码不一致' },
  [IdentityError.PasswordReused]: { status: 400, message: '新密码不能与原密码相同' },
  [IdentityError.InvalidIdNumber]: { status: 400, message: '身份证号不正确' },
  [IdentityError.MemberNotFound]: { status: 404, message: '未找到该身份证号对应的党员信息，请联系所在支部核对' },
  [IdentityError.AmbiguousTenant]: { status: 409, message: '该身份证号在多个单位登记，请扫描所在单位的二维码进入' },
  [IdentityError.AlreadyActivated]: { status: 409, message: '该账号已激活，请直接登录' },
  [IdentityError.StepTokenInvalid]: { status: 400, message: '操作已过期，请重新开始' },
  [IdentityError.CaptchaFailed]: { status: 400, message: '拼图验证未通过，请重试' },
  [IdentityError.CaptchaRequired]: { status: 400, message: '请先完成拼图验证' },
  [IdentityError.SmsCodeInvalid]: { status: 400, message: '短信验证码不正确' },
  [IdentityError.SmsCodeExpired]: { status: 400, message: '短信验证码已失效，请重新获取' },
  [IdentityError.SmsTooFrequent]: { status: 429, message: '验证码发送过于频繁，请稍后再试' },
  [IdentityError.SmsDailyLimit]: { status: 429, message: '今日验证码发送次数已达上限' },
  [IdentityError.PhoneTaken]: { status: 409, message: '该手机号已被其他账号使用' },
  [IdentityError.UsernameTaken]: { status: 409, message: '该用户名已被使用' },
  [IdentityError.RefreshTokenInvalid]: { status: 401, message: '登录已过期，请重新登录' },
  [IdentityError.PlatformCodeInvalid]: { status: 401, message: '小程序登录凭证无效，请重新进入' },
  [IdentityError.PlatformNotConfigured]: { status: 400, message: '该单位尚未配置此平台登录' },
  [IdentityError.PlatformIdentityTaken]: { status: 409, message: '该平台账号已绑定其他用户' },
  [IdentityError.DingtalkUserNotMatched]: { status: 404, message: '未找到与钉钉手机号匹配的党员，请联系管理员' },

  [TenancyError.ActivationCodeInvalid]: { status: 400, message: '激活码无效或已被使用' },
  [TenancyError.TenantNotFound]: { status: 404, message: '单位不存在' },

  [OrgError.NotFound]: { status: 404, message: '组织不存在' },
  [OrgError.ChildTypeNotAllowed]: { status: 400, message: '该组织下不能建立此类型的下级组织' },
  [OrgError.NotEmpty]: { status: 409, message: '组织下还有下级组织或党员（含党员历史库），不能删除' },
  [OrgError.MoveIntoOwnSubtree]: { status: 400, message: '不能把组织迁移到它自己的下级' },
  [OrgError.RootImmutable]: { status: 400, message: '顶级组织不能迁移、合并或删除' },
  [OrgError.MergeTypeMismatch]: { status: 400, message: '只能合并同一类型的组织' },
  [OrgError.PostHolderNotInOrg]: { status: 400, message: '任职人员必须是本组织或下级组织的党员' },
  [OrgError.PostTaken]: { status: 409, message: '该职务已有人担任，请先免去现任' },
  [OrgError.PostNotFound]: { status: 404, message: '职务记录不存在' },
  [OrgError.BranchAdminLimit]: { status: 409, message: '书记只能再授权一名支部管理员' },
  [OrgError.NotABranch]: { status: 400, message: '只有党支部才有支部管理员' },
  [OrgError.ImportInvalid]: { status: 422, message: '导入文件有错误，未导入任何组织，请修改后重新上传' },
  [OrgError.ImportFileUnreadable]: { status: 400, message: '无法读取文件，请使用下载的Excel模板' },

  [MemberError.NotFound]: { status: 404, message: '党员不存在' },
  [MemberError.DuplicateIdNumber]: { status: 409, message: '该身份证号已登记' },
  [MemberError.OrgNotAllowed]: { status: 400, message: '党员只能登记在党支部或党小组' },
  [MemberError.ImportInvalid]: { status: 422, message: '导入文件有错误，未导入任何数据，请修改后重新上传' },
  [MemberError.ImportFileUnreadable]: { status: 400, message: '无法读取文件，请使用下载的Excel模板' },
  [MemberError.NotInHistory]: { status: 400, message: '该党员不在历史库中' },
  [MemberError.NoAccount]: { status: 400, message: '该党员尚未激活账号' },
};
