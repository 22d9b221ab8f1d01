/**
 * The admin page's location lives in the hash (#/audit, #/meetings/12, #/meetings/12/screen), so a
 * reload stays where the admin was; no server routing.
 */
const PAGE_KEYS = [
  'orgs',
  'branch',
  'meetings',
  'meetings/reviews',
  'meetings/supervision',
  'meetings/types',
  'dues/standards',
  'dues/bills',
  'dues/payments',
  'dues/summary',
  'dues/accounts',
  'dues/transfers',
  'dues/reconciliation',
  'dues/settings',
  'dues/review',
  'points/rules',
  'points/rankings',
  'points/declarations',
  'mall/categories',
  'mall/goods',
  'mall/orders',
  'aid/review',
  'aid/blacklist',
  'locked',
  'audit',
  'sms',
  'codes',
] as const;
export type PageKey = (typeof PAGE_KEYS)[number];

export interface Route {
  page: PageKey;
  /** #/meetings/:id: one meeting's detail; with `screen` its full-window check-in screen. */
  meetingId?: number;
  screen?: boolean;
}

export function routeFromHash(hash = window.location.hash): Route {
  const path = hash.replace(/^#\/?/, '').replace(/\/$/, '');
  const meeting = /^meetings\/(\d+)(\/screen)?$/.exec(path);
  if (meeting) return { page: 'meetings', meetingId: Number(meeting[1]), screen: meeting[2] !== undefined };
  return { page: PAGE_KEYS.includes(path as PageKey) ? (path as PageKey) : 'orgs' };
}

/** Moves to a page: `navigate('meetings/12')`. The hashchange listener re-renders. */
export function navigate(path: string): void {
  window.location.hash = `/${path}`;
}

let lastList: PageKey = 'meetings';

/** Remembers the list a meeting was opened from (会议列表 or 审核), for the detail's 返回. */
export function rememberList(page: PageKey): void {
  if (page.startsWith('meetings')) lastList = page;
}

export const listBefore = (): PageKey => lastList;
