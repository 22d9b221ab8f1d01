/** Pages of the `subpackages/meetings` subpackage. */
export const MEETING_PAGES = {
  list: '/subpackages/meetings/index',
  detail: '/subpackages/meetings/detail',
  create: '/subpackages/meetings/create',
  invite: '/subpackages/meetings/invite',
  record: '/subpackages/meetings/record',
} as const

export const detailUrl = (id: number) => `${MEETING_PAGES.detail}?id=${id}`
