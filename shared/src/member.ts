/** Member record vocabulary (MEM-1). Stored as codes; shown with these labels. */
export const MEMBER_TYPES = ['full', 'probationary'] as const;
export type MemberType = (typeof MEMBER_TYPES)[number];
export const MEMBER_TYPE_LABELS: Record<MemberType, string> = { full: '正式党员', probationary: '预备党员' };

export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];
export const GENDER_LABELS: Record<Gender, string> = { male: '男', female: '女' };

export const EDUCATIONS = ['primary', 'junior', 'senior', 'vocational', 'college', 'bachelor', 'master', 'doctor'] as const;
export type Education = (typeof EDUCATIONS)[number];
export const EDUCATION_LABELS: Record<Education, string> = {
  primary: '小学',
  junior: '初中',
  senior: '高中',
  vocational: '中专',
  college: '大专',
  bachelor: '大学本科',
  master: '硕士研究生',
  doctor: '博士研究生',
};

/**
 * Where a member record stands. `history` is the 党员历史库 (MEM-2). Transfer (MEM-3), flow (MEM-4)
 * add their own states later; the column is a varchar so adding values needs no table rebuild.
 */
export const MEMBER_STATUSES = ['active', 'history'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

/** Reverse lookup for imports, where people type the Chinese label. */
export function codeForLabel<T extends string>(labels: Record<T, string>, text: string): T | undefined {
  const t = text.trim();
  return (Object.keys(labels) as T[]).find((k) => labels[k] === t || k === t);
}
