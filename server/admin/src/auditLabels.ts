/** Chinese names of the audited actions (server: @Audited(...)); unknown codes show as they are. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'member.create': '新增党员',
  'member.update': '编辑党员',
  'member.delete': '删除党员（移入历史库）',
  'member.restore': '从历史库恢复党员',
  'member.purge': '彻底删除党员',
  'member.import': '导入党员',
  'member.export': '导出党员',
  'member.reveal_id': '查看身份证号',
  'org.create': '新建组织',
  'org.update': '编辑组织',
  'org.move': '迁移组织',
  'org.merge': '合并组织',
  'org.delete': '删除组织',
  'org.import': '导入组织',
  'org.post.assign': '任命班子成员',
  'org.post.end': '结束任职',
  'org.term_change': '换届',
  'account.unlock': '解锁账号',
  'account.reset_password': '重置密码',
  'branch_admin.grant': '授权支部管理员',
  'branch_admin.revoke': '取消支部管理员',
  'tenant.update': '修改单位信息',
  'platform.issue_codes': '生成入驻激活码',
};

/** The action filter is a prefix on the server: a whole group, or one action. */
export const AUDIT_ACTION_GROUPS: Array<{ prefix: string; label: string }> = [
  { prefix: 'member.', label: '党员管理（全部）' },
  { prefix: 'org.', label: '组织管理（全部）' },
  { prefix: 'account.', label: '账号管理（全部）' },
];

export const AUDIT_TARGET_LABELS: Record<string, string> = {
  member: '党员',
  organization: '组织',
  org: '组织',
  user: '账号',
  account: '账号',
  tenant: '单位',
};
