import { publicityStatus, topicOpen, type BranchPostSummary } from '@dangjian/shared';
import { imageUrl } from '../files/files.service.js';
import type { BranchPost } from './entities/branch-post.entity.js';

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** A post as a list shows it. `scopeNames` names the publicity scopes. */
export function toSummary(p: BranchPost, read: boolean, liked: boolean, scopeNames: Map<number, string>, now = new Date()): BranchPostSummary {
  const content = p.content.replace(/\s+/g, ' ');
  return {
    id: p.id,
    orgId: p.orgId,
    kind: p.kind,
    title: p.title,
    excerpt: content.length > 120 ? `${content.slice(0, 120)}…` : content,
    images: p.images.map((i) => ({ ...i, url: imageUrl(i.key) })),
    authorName: p.authorName,
    createdAt: p.createdAt.toISOString(),
    likeCount: p.likeCount,
    commentCount: p.commentCount,
    read,
    likedByMe: liked,
    heldAt: iso(p.heldAt),
    startsAt: iso(p.startsAt),
    endsAt: iso(p.endsAt),
    publicityStatus: p.kind === 'publicity' && p.startsAt && p.endsAt ? publicityStatus(p.startsAt, p.endsAt, now) : null,
    scopeOrgId: p.scopeOrgId,
    scopeOrgName: p.scopeOrgId != null ? scopeNames.get(p.scopeOrgId) ?? null : null,
    closesAt: iso(p.closesAt),
    open: p.kind === 'topic' ? topicOpen(p.closesAt, now) : null,
    replied: p.kind === 'letter' ? p.repliedAt != null : null,
  };
}
