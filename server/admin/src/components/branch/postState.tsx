import { Tag } from 'antd';
import dayjs from 'dayjs';
import type { BranchPostSummary, PublicityStatus } from '@dangjian/shared';
import { PUBLICITY_STATUS_LABELS } from '@dangjian/shared';

/** Times on the branch pages: minutes are enough (meetings, periods, posts). */
export const formatTime = (iso: string | null | undefined) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');

const PUBLICITY_COLORS: Record<PublicityStatus, string> = { upcoming: 'blue', active: 'green', ended: 'default' };

/** The state of a post where its space has one: publicity period, topic open/closed, letter replied. */
export function PostStateTag({ post }: { post: BranchPostSummary }) {
  if (post.publicityStatus) {
    return <Tag color={PUBLICITY_COLORS[post.publicityStatus]}>{PUBLICITY_STATUS_LABELS[post.publicityStatus]}</Tag>;
  }
  if (post.open !== null) return post.open ? <Tag color="green">进行中</Tag> : <Tag>已截止</Tag>;
  if (post.replied !== null) return post.replied ? <Tag color="green">已回复</Tag> : <Tag color="orange">待回复</Tag>;
  return null;
}
