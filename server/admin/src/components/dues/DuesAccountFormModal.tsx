import { useState } from 'react';
import { Alert, Col, Divider, Form, Input, InputNumber, Modal, Radio, Row, Select, Typography } from 'antd';
import type { DuesAccountForm, DuesAccountView, OrgNode } from '@dangjian/shared';
import { ID_NUMBER_PROBLEM_MESSAGES, checkIdNumber, normalizeIdNumber } from '@dangjian/shared';
import { ApiError, api, errorMessage } from '../../api';
import type { Remote } from '../../useRemote';
import { OrgTreeSelect } from '../OrgTreeSelect';
import { BANK_ACCOUNT, CONTACT_TYPE_LABELS, LICENSE_FOR_MERCHANT, LICENSE_TYPE_LABELS, MCC, MERCHANT_TYPE_LABELS, MOBILE, SERVICE_PHONE, compactDigits, usccProblem } from './merchant';

const options = <K extends string>(labels: Record<K, string>) => (Object.keys(labels) as K[]).map((k) => ({ value: k, label: labels[k] }));

/** What each channel means for the members (AI党建云 §4.2.1). */
export const CHANNEL_MEANING = {
  wechat: '申请通过微信交纳党费，党员通过微信小程序进入党费功能，党费交纳至党费账户所在的党组织。',
  alipay: '申请通过支付宝交纳党费，党员通过支付宝 / 钉钉小程序进入党费功能，党费交纳至党费账户所在的党组织。',
} as const;

/** Every field of the form, as the API names them in validation details (region.province…). */
const FIELDS = [
  'orgId', 'channel', 'merchantType', 'mcc', 'licenseType', 'licenseNo', 'licenseName', 'legalPersonName', 'legalPersonIdNumber', 'contactName', 'contactPhone',
  'contactEmail', 'contactType', 'region.province', 'region.city', 'region.district', 'address', 'servicePhone', 'branchCount', 'committeeCount', 'memberCount',
  'bankName', 'bankShortName', 'bankAccountName', 'bankAccountNo', 'bankRegion.province', 'bankRegion.city',
];

interface Props {
  tree: Remote<OrgNode[]>;
  /** The organisation to start on (the top of the admin's scope). */
  orgId: number | undefined;
  /** 重新申请: the rejected application to start from (the ID and bank numbers must be typed again: only their masks are kept). */
  previous?: DuesAccountView;
  onClose: () => void;
  onSaved: (a: DuesAccountView) => void;
}

/**
 * 党费账户开通申请 (DUES-8, AI党建云 §4.2.1): the payment channel, then 1. 企业信息 and 2. 支付信息
 * as the payment provider needs them. The platform reviews it; once approved the channel is fixed.
 */
export function DuesAccountFormModal({ tree, orgId, previous, onClose, onSaved }: Props) {
  const [form] = Form.useForm<DuesAccountForm>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const merchantType = Form.useWatch('merchantType', form);
  const channel = Form.useWatch('channel', form);

  const initial: Partial<DuesAccountForm> = previous
    ? (({ id: _id, tenantName: _t, orgName: _o, legalPersonIdMasked: _l, bankAccountNoMasked: _b, status: _s, merchantId: _m, rejectReason: _r, reviewedAt: _ra, createdAt: _c, ...rest }) => rest)(previous)
    : { orgId, merchantType: 'institution', licenseType: 'institution_certificate', contactType: 'legal' };

  const save = async (v: DuesAccountForm) => {
    setSaving(true);
    setError(null);
    const text = (s: string | undefined) => s?.trim() || undefined;
    try {
      onSaved(
        await api.dues.applyAccount({
          ...v,
          mcc: v.mcc.trim(),
          licenseNo: v.licenseNo.trim().toUpperCase(),
          licenseName: text(v.licenseName),
          legalPersonName: v.legalPersonName.trim(),
          legalPersonIdNumber: normalizeIdNumber(v.legalPersonIdNumber),
          contactName: v.contactName.trim(),
          contactPhone: v.contactPhone.trim(),
          contactEmail: text(v.contactEmail),
          region: { province: v.region.province.trim(), city: v.region.city.trim(), district: v.region.district.trim() },
          address: v.address.trim(),
          servicePhone: v.servicePhone.trim(),
          bankName: v.bankName.trim(),
          bankShortName: v.bankShortName.trim(),
          bankAccountName: v.bankAccountName.trim(),
          bankAccountNo: compactDigits(v.bankAccountNo),
          bankRegion: { province: v.bankRegion.province.trim(), city: v.bankRegion.city.trim() },
        }),
      );
    } catch (e) {
      // Problems with a field are shown on it; the rest above the form.
      if (e instanceof ApiError && e.details.length) {
        const onFields = e.details.filter((d) => d.field && FIELDS.includes(d.field));
        form.setFields(onFields.map((d) => ({ name: d.field!.split('.') as never, errors: [d.message] })));
        const rest = e.details.filter((d) => !onFields.includes(d));
        setError(rest.length ? rest.map((d) => d.message).join('；') : onFields.length ? '请按提示修改标红的内容' : e.message);
      } else {
        setError(errorMessage(e));
      }
    } finally {
      setSaving(false);
    }
  };

  const required = (what: string) => ({ required: true, whitespace: true, message: `请填写${what}` });
  const length = (min: number, max: number) => ({ min, max, message: `请填写${min}–${max}个字` });
  const idNumber = {
    validator: (_: unknown, v: string | undefined) => {
      const problem = v ? checkIdNumber(v) : null;
      return problem ? Promise.reject(new Error(ID_NUMBER_PROBLEM_MESSAGES[problem])) : Promise.resolve();
    },
  };
  const licenseNo = {
    validator: (_: unknown, v: string | undefined) => {
      const problem = v ? usccProblem(v) : null;
      return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
    },
  };
  const count = (name: keyof DuesAccountForm, label: string) => (
    <Col span={8}>
      <Form.Item name={name} label={label}>
        <InputNumber min={0} max={1_000_000} precision={0} style={{ width: '100%' }} placeholder="请输入" />
      </Form.Item>
    </Col>
  );

  return (
    <Modal
      open
      width={860}
      title={previous ? `重新申请党费账户 · ${previous.orgName}` : '党费账户开通申请'}
      okText="提交申请"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      styles={{ body: { maxHeight: 'calc(100vh - 220px)', overflowY: 'auto', paddingRight: 8 } }}
    >
      {previous?.rejectReason && <Alert type="error" showIcon style={{ marginBottom: 16 }} title="上次申请被驳回" description={previous.rejectReason} />}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form<DuesAccountForm>
        form={form}
        layout="vertical"
        name="dues-account"
        initialValues={initial}
        onFinish={save}
        onValuesChange={(c: Partial<DuesAccountForm>) => {
          if (c.merchantType) form.setFieldValue('licenseType', LICENSE_FOR_MERCHANT[c.merchantType]);
        }}
        scrollToFirstError
      >
        <Form.Item name="orgId" label="申请组织" rules={[{ required: true, message: '请选择申请组织' }]}>
          <OrgTreeSelect tree={tree} disable={(n) => n.type === 'group'} width={360} />
        </Form.Item>

        <Form.Item name="channel" label="党费线上支付方式" rules={[{ required: true, message: '请选择支付方式' }]} style={{ marginBottom: 8 }}>
          <Radio.Group style={{ display: 'flex', flexDirection: 'column', gap: 8 }} data-testid="account-channel">
            <Radio value="wechat">
              <b>微信</b>
              <Typography.Text type="secondary"> — {CHANNEL_MEANING.wechat}</Typography.Text>
            </Radio>
            <Radio value="alipay">
              <b>支付宝</b>
              <Typography.Text type="secondary"> — {CHANNEL_MEANING.alipay}</Typography.Text>
            </Radio>
          </Radio.Group>
        </Form.Item>
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={`确认后移动端仅${channel === 'alipay' ? '支付宝 / 钉钉小程序' : channel === 'wechat' ? '微信小程序' : '所选的小程序'}有党费交纳入口；党费账户审核通过后不可再修改支付方式。`}
          description="党员每月1–20日在线交纳党费，22日以后由组织管理员将党费上划到党费账户（具体日期以党费「设置」为准）。"
        />

        <Divider titlePlacement="start">1. 企业信息填写</Divider>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="merchantType" label="商家类型" rules={[{ required: true, message: '请选择商家类型' }]}>
              <Select options={options(MERCHANT_TYPE_LABELS)} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="mcc" label="商户类别码 MCC" tooltip="支付机构规定的4位行业类别码，党组织一般为事业单位 / 社会组织类" rules={[required('商户类别码'), { pattern: MCC, message: '商户类别码为4位数字' }]}>
              <Input maxLength={4} inputMode="numeric" placeholder="4位数字" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="licenseType" label="商户证件类型" rules={[{ required: true, message: '请选择证件类型' }]}>
              <Select options={options(LICENSE_TYPE_LABELS)} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="licenseNo"
              label="商户证件编号"
              extra="填写证件上的18位统一社会信用代码（企业、个体工商户为营业执照，事业单位为事业单位法人证书）"
              rules={[required('商户证件编号'), licenseNo]}
            >
              <Input maxLength={18} placeholder="18位统一社会信用代码" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="licenseName" label="营业执照名称" extra="个体工商户营业执照上的名称（个体工商户必填）" rules={merchantType === 'individual' ? [required('营业执照名称'), length(2, 100)] : [length(2, 100)]}>
              <Input maxLength={100} placeholder="个体工商户必填" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="legalPersonName" label="法人名称" rules={[required('法人名称'), length(2, 50)]}>
              <Input maxLength={50} placeholder="请输入法人名称" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="legalPersonIdNumber"
              label="法人身份证号"
              extra={previous ? `原申请：${previous.legalPersonIdMasked}，请重新填写` : '加密保存，仅显示部分号码'}
              rules={[required('法人身份证号'), idNumber]}
            >
              <Input maxLength={18} placeholder="请输入法人身份证号" autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="contactType" label="商户联系人类型" rules={[{ required: true, message: '请选择联系人类型' }]}>
              <Select options={options(CONTACT_TYPE_LABELS)} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="contactName" label="商户联系人姓名" rules={[required('商户联系人姓名'), length(2, 50)]}>
              <Input maxLength={50} placeholder="请输入商户联系人姓名" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="contactPhone" label="联系人手机号" rules={[required('联系人手机号'), { pattern: MOBILE, message: '手机号格式不正确' }]}>
              <Input maxLength={11} inputMode="tel" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="contactEmail" label="联系人邮箱" rules={[{ type: 'email', message: '邮箱格式不正确' }]}>
              <Input maxLength={100} placeholder="可选" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label="经营地区（省、市、区县）" required style={{ marginBottom: 0 }}>
              <Row gutter={8}>
                <Col span={8}>
                  <Form.Item name={['region', 'province']} rules={[required('省份'), length(2, 20)]}>
                    <Input maxLength={20} placeholder="省 / 自治区 / 直辖市" />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item name={['region', 'city']} rules={[required('城市'), length(2, 20)]}>
                    <Input maxLength={20} placeholder="市" />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item name={['region', 'district']} rules={[required('区县'), length(2, 20)]}>
                    <Input maxLength={20} placeholder="区 / 县" />
                  </Form.Item>
                </Col>
              </Row>
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="address" label="经营详细地址" rules={[required('经营详细地址'), length(5, 200)]}>
              <Input maxLength={200} placeholder="请输入经营详细地址" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="servicePhone" label="客服电话" rules={[required('客服电话'), { pattern: SERVICE_PHONE, message: '请填写手机号、带区号的座机号（如0571-88888888）或400电话' }]}>
              <Input maxLength={20} placeholder="如 0571-88888888" />
            </Form.Item>
          </Col>
          {count('branchCount', '支部数')}
          {count('committeeCount', '党委数')}
          {count('memberCount', '党员数')}
        </Row>

        <Divider titlePlacement="start">2. 支付信息填写</Divider>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item label="商户结算方式">
              <Input value="银行卡" disabled />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="bankName" label="开户银行名称" rules={[required('开户银行名称'), length(2, 50)]}>
              <Input maxLength={50} placeholder="如 中国工商银行股份有限公司杭州分行" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="bankShortName" label="开户银行简称" rules={[required('开户银行简称'), length(2, 20)]}>
              <Input maxLength={20} placeholder="如 工商银行" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="bankAccountName" label="银行卡户名" extra="须与申请组织名称一致" rules={[required('银行卡户名'), length(2, 100)]}>
              <Input maxLength={100} placeholder="请输入银行卡户名" />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item
              name="bankAccountNo"
              label="银行卡号"
              extra={previous ? `原申请：${previous.bankAccountNoMasked}，请重新填写` : undefined}
              rules={[
                required('银行卡号'),
                { validator: (_: unknown, v: string | undefined) => (!v || BANK_ACCOUNT.test(compactDigits(v)) ? Promise.resolve() : Promise.reject(new Error('银行卡号应为12–30位数字'))) },
              ]}
            >
              <Input maxLength={40} inputMode="numeric" placeholder="请输入银行卡号" autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label="开户银行所在省、市" required style={{ marginBottom: 0 }}>
              <Row gutter={8}>
                <Col span={8}>
                  <Form.Item name={['bankRegion', 'province']} rules={[required('开户银行所在省份'), length(2, 20)]}>
                    <Input maxLength={20} placeholder="省" />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item name={['bankRegion', 'city']} rules={[required('开户银行所在城市'), length(2, 20)]}>
                    <Input maxLength={20} placeholder="市" />
                  </Form.Item>
                </Col>
              </Row>
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
