import { Descriptions, Drawer, Space } from 'antd';
import type { ReactNode } from 'react';
import type { DuesAccountView } from '@dangjian/shared';
import { formatTime } from '../meetings/meetingTags';
import { AccountStatusTag, PaidViaTag } from './duesTags';
import { CONTACT_TYPE_LABELS, LICENSE_TYPE_LABELS, MERCHANT_TYPE_LABELS } from './merchant';

const orDash = (v: string | number | null | undefined) => (v === null || v === undefined || v === '' ? '—' : v);

/** One dues account application in full (numbers masked), for the applicant and the platform reviewer. */
export function DuesAccountDrawer({ account: a, extra, onClose }: { account: DuesAccountView; extra?: ReactNode; onClose: () => void }) {
  return (
    <Drawer
      open
      size={720}
      title={
        <Space>
          {a.orgName}
          <AccountStatusTag status={a.status} />
        </Space>
      }
      extra={extra}
      onClose={onClose}
    >
      <Descriptions
        size="small"
        bordered
        column={2}
        title="审核"
        items={[
          { key: 'tenant', label: '单位', children: a.tenantName },
          { key: 'channel', label: '支付方式', children: <PaidViaTag via={a.channel} /> },
          { key: 'created', label: '申请时间', children: formatTime(a.createdAt) },
          { key: 'reviewed', label: '审核时间', children: formatTime(a.reviewedAt) },
          { key: 'merchant', label: '商户号', span: 2, children: orDash(a.merchantId) },
          ...(a.rejectReason ? [{ key: 'reason', label: '驳回原因', span: 2, children: <span style={{ color: '#cf1322' }}>{a.rejectReason}</span> }] : []),
        ]}
      />
      <Descriptions
        size="small"
        bordered
        column={2}
        title="1. 企业信息"
        style={{ marginTop: 20 }}
        items={[
          { key: 'org', label: '申请组织', children: a.orgName },
          { key: 'type', label: '商家类型', children: MERCHANT_TYPE_LABELS[a.merchantType] },
          { key: 'mcc', label: '商户类别码', children: a.mcc },
          { key: 'licenseType', label: '证件类型', children: LICENSE_TYPE_LABELS[a.licenseType] },
          { key: 'licenseNo', label: '证件编号', children: a.licenseNo },
          { key: 'licenseName', label: '营业执照名称', children: orDash(a.licenseName) },
          { key: 'legal', label: '法人名称', children: a.legalPersonName },
          { key: 'legalId', label: '法人身份证号', children: a.legalPersonIdMasked },
          { key: 'contact', label: '商户联系人', children: `${a.contactName}（${CONTACT_TYPE_LABELS[a.contactType]}）` },
          { key: 'phone', label: '联系人手机号', children: a.contactPhone },
          { key: 'email', label: '联系人邮箱', children: orDash(a.contactEmail) },
          { key: 'service', label: '客服电话', children: a.servicePhone },
          { key: 'region', label: '经营地区', children: `${a.region.province} ${a.region.city} ${a.region.district}` },
          { key: 'address', label: '详细地址', children: a.address },
          { key: 'counts', label: '支部 / 党委 / 党员数', span: 2, children: `${orDash(a.branchCount)} / ${orDash(a.committeeCount)} / ${orDash(a.memberCount)}` },
        ]}
      />
      <Descriptions
        size="small"
        bordered
        column={2}
        title="2. 支付信息"
        style={{ marginTop: 20 }}
        items={[
          { key: 'settle', label: '结算方式', children: '银行卡' },
          { key: 'bank', label: '开户银行', children: `${a.bankName}（${a.bankShortName}）` },
          { key: 'holder', label: '银行卡户名', children: a.bankAccountName },
          { key: 'no', label: '银行卡号', children: a.bankAccountNoMasked },
          { key: 'bankRegion', label: '开户行所在地', span: 2, children: `${a.bankRegion.province} ${a.bankRegion.city}` },
        ]}
      />
    </Drawer>
  );
}
