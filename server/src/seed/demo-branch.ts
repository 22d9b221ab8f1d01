import type { BranchKind } from '@dangjian/shared';
import sharp from 'sharp';

/** A photo-like picture for demo posts: a sky, a hall, a red banner and rows of seats (no text: no fonts needed). */
export function demoPhoto(variant: number): Promise<Buffer> {
  const skies = [['#fbe3c8', '#f6b38a'], ['#d9ecff', '#9cc7f0'], ['#f3f0e6', '#d8cfb4'], ['#ffe9e3', '#f4a99a']];
  const [top, bottom] = skies[variant % skies.length];
  const seats = Array.from({ length: 5 }, (_, row) =>
    Array.from({ length: 9 }, (_, col) => `<rect x="${70 + col * 74 + (row % 2) * 18}" y="${300 + row * 38}" width="46" height="24" rx="6" fill="#7a3b2e" opacity="${0.55 + row * 0.08}"/>`).join(''),
  ).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="500">
    <defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${top}"/><stop offset="1" stop-color="${bottom}"/></linearGradient></defs>
    <rect width="800" height="500" fill="url(#g)"/>
    <rect x="60" y="60" width="680" height="150" rx="8" fill="#c8161d"/>
    <polygon points="130,95 138,118 162,118 143,132 150,155 130,141 110,155 117,132 98,118 122,118" fill="#ffd700"/>
    ${[0, 1, 2, 3, 4, 5].map((k) => `<rect x="${200 + k * 85}" y="118" width="62" height="20" rx="4" fill="#ffe9a8" opacity="0.9"/>`).join('')}
    <rect x="0" y="260" width="800" height="240" fill="#e9dcc6"/>
    ${seats}
  </svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 82 }).toBuffer();
}

export interface DemoBranchPost {
  kind: BranchKind;
  title?: string;
  content: string;
  photos?: number;
  /** Days before the seed: when it was written (and held, for organisational life). */
  daysAgo: number;
  /** publicity: period relative to the seed, in days; topic: closes in this many days. */
  period?: [number, number];
  closesInDays?: number;
  comments?: string[];
}

/** What the demo branch (综合办公室党支部) shows in its online spaces. */
export const DEMO_BRANCH_POSTS: DemoBranchPost[] = [
  { kind: 'notice', title: '关于开展11月主题党日活动的通知', content: '各位党员：\n支部定于本月最后一个周五下午3:00在机关三楼会议室开展主题党日活动，内容为集体学习党章、重温入党誓词。请准时参加，不能参加的请提前向支部书记请假。', daysAgo: 2 },
  { kind: 'notice', title: '党费缴纳提醒', content: '请各位党员于每月20日前通过“党费”栏目在线缴纳本月党费，退休党员可由家属代缴。', daysAgo: 9 },
  { kind: 'news', content: '今天支部组织党员到社区开展“文明城市我先行”志愿服务，清理小广告、劝导文明出行，大家干劲十足！', photos: 3, daysAgo: 1, comments: ['为大家点赞！', '下次我也报名参加。'] },
  { kind: 'news', content: '读书分享：本周支部读书角新到一批党史学习读物，欢迎大家借阅，读后可以在这里分享心得。', photos: 1, daysAgo: 6 },
  { kind: 'publicity', title: '第三季度党费收缴情况公示', content: '本支部第三季度应缴党费党员12人，实缴12人，收缴率100%。党费已按规定全额上缴机关党委。如有疑问请向支部组织委员反映。', daysAgo: 3, period: [-3, 12] },
  { kind: 'org_life', title: '支部委员会会议', content: '支部委员会研究了年度发展党员计划和第四季度学习安排，全体支委参加。', photos: 2, daysAgo: 12 },
  { kind: 'topic', title: '关于支部年度学习活动安排的议题', content: '请大家就明年的学习活动形式（集中学习、外出参观、线上学习）发表意见建议，本周五截止。', daysAgo: 2, closesInDays: 5, comments: ['建议每季度组织一次红色教育基地参观。'] },
  { kind: 'suggestion', title: '建议增加线上学习交流', content: '部分党员工作时间不固定，建议每月增加一次线上学习交流，方便大家参加。', daysAgo: 4 },
];

export const DEMO_BRANCH_WIDE_NOTICE = {
  title: '关于做好年度党建工作总结的通知',
  content: '各党支部：请于12月20日前完成本支部年度党建工作总结，内容包括“三会一课”开展、党费收缴、发展党员等情况，报机关党委办公室。',
};
