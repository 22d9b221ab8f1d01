import type { DuesAccountForm } from '@dangjian/shared';

/** The merchant form of a dues account (DUES-8, AI党建云 §4.2.1): labels and field checks. */

export const MERCHANT_TYPE_LABELS: Record<DuesAccountForm['merchantType'], string> = {
  enterprise: '企业',
  individual: '个体工商户',
  institution: '事业单位',
  social_org: '社会组织',
  government: '政府机关',
};

export const LICENSE_TYPE_LABELS: Record<DuesAccountForm['licenseType'], string> = {
  business_license: '营业执照',
  institution_certificate: '事业单位法人证书',
  social_org_certificate: '社会团体法人登记证书',
  other: '其他证件',
};

/** The certificate a kind of merchant usually holds: chosen for the admin when the type changes. */
export const LICENSE_FOR_MERCHANT: Record<DuesAccountForm['merchantType'], DuesAccountForm['licenseType']> = {
  enterprise: 'business_license',
  individual: 'business_license',
  institution: 'institution_certificate',
  social_org: 'social_org_certificate',
  government: 'other',
};

export const CONTACT_TYPE_LABELS: Record<DuesAccountForm['contactType'], string> = { legal: '法定代表人', agent: '授权代理人' };

export const MOBILE = /^1[3-9]\d{9}$/;
/** 客服电话: a mobile, a landline with its area code (0571-88888888), or a 400 number. */
export const SERVICE_PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}|400-?\d{3}-?\d{4})$/;
export const MCC = /^\d{4}$/;
/** The merchant the channel opened for an approved account (as the API checks it). */
export const MERCHANT_ID = /^[\w@.-]{4,64}$/;
/** Bank card or settlement account numbers: digits only once spaces are removed. */
export const BANK_ACCOUNT = /^\d{12,30}$/;
export const compactDigits = (s: string) => s.replace(/[\s-]/g, '');

/** 统一社会信用代码 check (GB 32100-2015), the API's own rule. */
export { usccProblem } from '@dangjian/shared';
