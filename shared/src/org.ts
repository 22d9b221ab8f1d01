/** Organisation levels and roles (SPEC §0). */
export const ORG_TYPES = ['committee', 'general_branch', 'branch', 'group'] as const;
export type OrgType = (typeof ORG_TYPES)[number];

export const ORG_TYPE_LABELS: Record<OrgType, string> = {
  committee: '党委',
  general_branch: '党总支',
  branch: '党支部',
  group: '党小组',
};

/**
 * Which child levels each level may hold. A committee may hold a lower committee, general branches
 * and branches; a branch's parent is its general branch if it has one, else its committee (003).
 */
export const ORG_CHILD_TYPES: Record<OrgType, readonly OrgType[]> = {
  committee: ['committee', 'general_branch', 'branch'],
  general_branch: ['branch'],
  branch: ['group'],
  group: [],
};

export function canHoldChild(parent: OrgType, child: OrgType): boolean {
  return ORG_CHILD_TYPES[parent].includes(child);
}

export const ROLES = ['platform_admin', 'tenant_admin', 'org_admin', 'branch_admin', 'member', 'public'] as const;
export type Role = (typeof ROLES)[number];
export const ADMIN_ROLES: readonly Role[] = ['platform_admin', 'tenant_admin', 'org_admin', 'branch_admin'];

export const ROLE_LABELS: Record<Role, string> = {
  platform_admin: '平台管理员',
  tenant_admin: '租户管理员',
  org_admin: '组织管理员',
  branch_admin: '支部管理员',
  member: '党员',
  public: '群众',
};

/** Committee posts (支委会/党委班子职务, ORG-5). */
export const COMMITTEE_POSTS = [
  'secretary',
  'deputy_secretary',
  'organization_member',
  'propaganda_member',
  'discipline_member',
  'committee_member',
  'group_leader',
] as const;
export type CommitteePost = (typeof COMMITTEE_POSTS)[number];

export const COMMITTEE_POST_LABELS: Record<CommitteePost, string> = {
  secretary: '书记',
  deputy_secretary: '副书记',
  organization_member: '组织委员',
  propaganda_member: '宣传委员',
  discipline_member: '纪检委员',
  committee_member: '委员',
  group_leader: '党小组组长',
};

/** Posts that exist only once per organisation at a time. */
export const SINGLE_HOLDER_POSTS: readonly CommitteePost[] = ['secretary', 'group_leader'];
