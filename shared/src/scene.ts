/**
 * The short "scene" carried by entry QR codes (WeChat wxacode `scene` ≤ 32 chars, or `?scene=` on the
 * H5 address): which tenant and, optionally, which branch a member arrives for. Not a secret — it
 * only preselects; activation still proves identity.  t12 = tenant 12;  t12o345 = tenant 12, org 345.
 */
export interface Scene {
  tenantId: number;
  orgId?: number;
}

export function encodeScene(s: Scene): string {
  return `t${s.tenantId}` + (s.orgId ? `o${s.orgId}` : '');
}

export function parseScene(raw: string | null | undefined): Scene | null {
  if (!raw) return null;
  let text = raw.trim();
  try {
    text = decodeURIComponent(text); // WeChat hands the scene over URL-encoded
  } catch {
    return null;
  }
  const m = /^t(\d{1,9})(?:o(\d{1,9}))?$/.exec(text);
  if (!m) return null;
  return m[2] ? { tenantId: Number(m[1]), orgId: Number(m[2]) } : { tenantId: Number(m[1]) };
}
