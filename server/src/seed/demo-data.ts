/** Demo tenant content: a committee with two general branches, five branches, groups and ~60 members. */
import type { CommitteePost, Education, MemberType, OrgType } from '@dangjian/shared';

export interface DemoOrg {
  key: string;
  name: string;
  type: OrgType;
  parent?: string;
}

export const DEMO_TENANT = '湘江新区机关党委';

export const DEMO_ORGS: DemoOrg[] = [
  { key: 'g1', name: '第一党总支', type: 'general_branch' },
  { key: 'g2', name: '第二党总支', type: 'general_branch' },
  { key: 'b1', name: '综合办公室党支部', type: 'branch', parent: 'g1' },
  { key: 'b2', name: '财务审计党支部', type: 'branch', parent: 'g1' },
  { key: 'b3', name: '规划建设党支部', type: 'branch', parent: 'g2' },
  { key: 'b4', name: '社会事务党支部', type: 'branch', parent: 'g2' },
  { key: 'b5', name: '机关直属党支部', type: 'branch' },
  { key: 'p1', name: '综合办第一党小组', type: 'group', parent: 'b1' },
  { key: 'p2', name: '综合办第二党小组', type: 'group', parent: 'b1' },
  { key: 'p3', name: '规划建设党小组', type: 'group', parent: 'b3' },
];

export const DEMO_NAMES = [
  '王建国', '李秀英', '张伟', '刘洋', '陈静', '杨帆', '赵丽娟', '黄志强', '周敏', '吴海燕',
  '徐明', '孙丽', '胡军', '朱红梅', '高峰', '林晓燕', '何勇', '郭丽华', '马超', '罗文',
  '梁静怡', '宋志刚', '郑晓明', '谢芳', '韩磊', '唐杰', '冯雪', '于洪涛', '董建华', '萧红',
  '程浩', '曹颖', '袁立新', '邓安平', '许丹', '傅强', '沈佳', '曾国华', '彭丽', '吕建军',
  '苏小红', '卢伟', '蒋欣', '蔡文军', '贾宁', '丁一凡', '魏东', '薛梅', '叶青', '阎志勇',
  '余海涛', '潘婷', '杜卫东', '戴晓燕', '夏天明', '钟秀兰', '汪洋', '田甜', '任志军', '姜红',
];

/** How many of the names go to each org (branches and groups), in order. */
export const DEMO_DISTRIBUTION: Array<[string, number]> = [
  ['b1', 4], ['p1', 4], ['p2', 4],
  ['b2', 10],
  ['b3', 6], ['p3', 5],
  ['b4', 14],
  ['b5', 13],
];

export const DEMO_EDUCATIONS: Education[] = ['bachelor', 'master', 'college', 'bachelor', 'senior', 'doctor'];
export const DEMO_ETHNICITIES = ['汉族', '汉族', '汉族', '土家族', '苗族', '汉族', '侗族'];

/** Committee posts: [org key, index of the member within all names, post]. b5 has no secretary (BR-9). */
export const DEMO_POSTS: Array<[string, number, CommitteePost]> = [
  ['root', 12, 'secretary'],
  ['root', 22, 'deputy_secretary'],
  ['root', 30, 'organization_member'],
  ['root', 41, 'propaganda_member'],
  ['root', 47, 'discipline_member'],
  ['b1', 0, 'secretary'],
  ['b1', 4, 'organization_member'],
  ['b1', 8, 'propaganda_member'],
  ['b2', 12, 'secretary'],
  ['b2', 13, 'organization_member'],
  ['b3', 22, 'secretary'],
  ['b3', 23, 'propaganda_member'],
  ['b4', 33, 'secretary'],
  ['b4', 34, 'discipline_member'],
  ['p1', 4, 'group_leader'],
  ['p2', 8, 'group_leader'],
];

export function demoMemberType(i: number): MemberType {
  return i % 9 === 5 ? 'probationary' : 'full';
}
