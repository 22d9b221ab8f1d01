import { useState } from 'react';
import { Alert, Col, DatePicker, Form, Input, Modal, Row, Select, TreeSelect } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import type { Education, Gender, MemberCreateRequest, MemberType, MemberUpdateRequest, MemberView, OrgNode } from '@dangjian/shared';
import {
  checkIdNumber,
  EDUCATION_LABELS,
  EDUCATIONS,
  GENDER_LABELS,
  GENDERS,
  ID_NUMBER_PROBLEM_MESSAGES,
  idNumberFacts,
  MEMBER_TYPE_LABELS,
  MEMBER_TYPES,
  normalizeIdNumber,
} from '@dangjian/shared';
import { ApiError, api, errorMessage } from '../api';
import { toTreeSelect } from '../orgTree';

const DAY = 'YYYY-MM-DD';
/** Members are registered only in a branch or a party group (MEM-1); the server says the same. */
const MEMBER_ORG_TYPES: ReadonlyArray<OrgNode['type']> = ['branch', 'group'];

interface Values {
  orgId: number;
  name: string;
  idNumber?: string;
  phone?: string;
  gender?: Gender;
  ethnicity?: string;
  birthDate?: Dayjs | null;
  education?: Education | null;
  memberType: MemberType;
  joinDate?: Dayjs | null;
  regularDate?: Dayjs | null;
}

const FIELDS: ReadonlyArray<keyof Values> = [
  'orgId', 'name', 'idNumber', 'phone', 'gender', 'ethnicity', 'birthDate', 'education', 'memberType', 'joinDate', 'regularDate',
];

type Props = {
  tree: OrgNode[];
  onClose: () => void;
  onSaved: (m: MemberView) => void;
} & ({ mode: 'create'; orgId?: number } | { mode: 'edit'; member: MemberView });

const day = (s: string | null | undefined) => (s ? dayjs(s) : null);
const fmt = (d: Dayjs | null | undefined) => (d ? d.format(DAY) : undefined);

/**
 * 新增党员 / 编辑党员 (MEM-1). The ID number is checked here with the same rule as the server
 * (GB 11643), and birth date and gender are filled from it; the server's field errors
 * (`details[{field, message}]`) land on the matching fields.
 */
export function MemberFormModal(props: Props) {
  const [form] = Form.useForm<Values>();
  const memberType = Form.useWatch('memberType', form);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const editing = props.mode === 'edit' ? props.member : null;

  const initial: Partial<Values> = editing
    ? {
        orgId: editing.orgId,
        name: editing.name,
        phone: editing.phone ?? undefined,
        gender: editing.gender,
        ethnicity: editing.ethnicity,
        birthDate: day(editing.birthDate),
        education: editing.education,
        memberType: editing.memberType,
        joinDate: day(editing.joinDate),
        regularDate: day(editing.regularDate),
      }
    : { orgId: props.mode === 'create' ? props.orgId : undefined, memberType: 'full', ethnicity: '汉族' };

  const onIdNumber = (raw: string) => {
    const id = normalizeIdNumber(raw);
    if (checkIdNumber(id) !== null) return;
    const facts = idNumberFacts(id);
    form.setFieldsValue({ birthDate: dayjs(facts.birthDate), gender: facts.gender });
  };

  const save = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return; // the fields show what is missing
    }
    setSaving(true);
    setError(null);
    try {
      const body: MemberCreateRequest = {
        orgId: v.orgId,
        name: v.name.trim(),
        idNumber: normalizeIdNumber(v.idNumber ?? ''),
        phone: v.phone?.trim() || undefined,
        gender: v.gender,
        ethnicity: v.ethnicity?.trim() || undefined,
        birthDate: fmt(v.birthDate),
        education: v.education ?? undefined,
        memberType: v.memberType,
        joinDate: fmt(v.joinDate) ?? '',
        regularDate: v.memberType === 'full' ? fmt(v.regularDate) : undefined,
      };
      let saved: MemberView;
      if (editing) {
        // Send only what changed, so values shown masked or unchanged are never written back.
        const { idNumber: _ignored, ...rest } = body;
        const before: Record<string, unknown> = {
          orgId: editing.orgId,
          name: editing.name,
          phone: editing.phone ?? undefined,
          gender: editing.gender,
          ethnicity: editing.ethnicity || undefined,
          birthDate: editing.birthDate || undefined,
          education: editing.education ?? undefined,
          memberType: editing.memberType,
          joinDate: editing.joinDate,
          regularDate: editing.regularDate ?? undefined,
        };
        const patch: Record<string, unknown> = {};
        for (const [k, val] of Object.entries(rest)) if (val !== before[k] && val !== undefined) patch[k] = val;
        if (Object.keys(patch).length === 0) {
          props.onClose(); // nothing changed, nothing to save
          return;
        }
        saved = await api.members.update(editing.id, patch as MemberUpdateRequest);
      } else {
        saved = await api.members.create(body);
      }
      props.onSaved(saved);
    } catch (e) {
      setSaving(false);
      if (e instanceof ApiError && e.details.length) {
        const onFields = e.details.filter((d) => d.field && FIELDS.includes(d.field as keyof Values));
        form.setFields(onFields.map((d) => ({ name: d.field as keyof Values, errors: [d.message] })));
        const rest = e.details.filter((d) => !onFields.includes(d));
        // Problems that belong to a field are shown on it; the rest (or none) above the form.
        setError(rest.length ? rest.map((d) => d.message).join('；') : onFields.length ? null : e.message);
      } else {
        setError(errorMessage(e));
      }
    }
  };

  return (
    <Modal
      open
      width={760}
      title={editing ? `编辑党员：${editing.name}` : '新增党员'}
      okText="保存"
      confirmLoading={saving}
      onOk={save}
      onCancel={props.onClose}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form<Values> form={form} layout="vertical" initialValues={initial} name="member-form">
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: '请输入姓名' }, { max: 50, message: '姓名不超过50个字' }]}>
              <Input placeholder="姓名" autoFocus />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="orgId" label="所在组织" rules={[{ required: true, message: '请选择所在组织' }]}>
              <TreeSelect
                treeData={toTreeSelect(props.tree, (n) => !MEMBER_ORG_TYPES.includes(n.type))}
                treeDefaultExpandAll
                showSearch
                treeNodeFilterProp="title"
                placeholder="选择党支部或党小组"
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            {editing ? (
              <Form.Item label="身份证号" extra="身份证号不可修改">
                <Input value={editing.idNumberMasked} disabled />
              </Form.Item>
            ) : (
              <Form.Item
                name="idNumber"
                label="身份证号"
                validateTrigger="onBlur"
                rules={[
                  { required: true, whitespace: true, message: '请输入身份证号' },
                  {
                    validator: (_, v: string | undefined) => {
                      const problem = v ? checkIdNumber(v) : null;
                      return problem ? Promise.reject(new Error(ID_NUMBER_PROBLEM_MESSAGES[problem])) : Promise.resolve();
                    },
                  },
                ]}
              >
                <Input placeholder="18位居民身份证号" maxLength={18} onChange={(e) => onIdNumber(e.target.value)} />
              </Form.Item>
            )}
          </Col>
          <Col span={12}>
            <Form.Item name="phone" label="手机号" rules={[{ pattern: /^1[3-9]\d{9}$/, message: '手机号格式不正确' }]}>
              <Input placeholder="11位手机号" maxLength={11} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="gender" label="性别">
              <Select allowClear placeholder="按身份证号" options={GENDERS.map((g) => ({ value: g, label: GENDER_LABELS[g] }))} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="ethnicity" label="民族">
              <Input placeholder="如：汉族" maxLength={20} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="birthDate" label="出生日期">
              <DatePicker style={{ width: '100%' }} placeholder="按身份证号" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="education" label="学历">
              <Select allowClear placeholder="选择学历" options={EDUCATIONS.map((e) => ({ value: e, label: EDUCATION_LABELS[e] }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="memberType" label="党员类型" rules={[{ required: true, message: '请选择党员类型' }]}>
              <Select options={MEMBER_TYPES.map((t) => ({ value: t, label: MEMBER_TYPE_LABELS[t] }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="joinDate" label="入党日期" rules={[{ required: true, message: '请选择入党日期' }]}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
          </Col>
          <Col span={8}>
            {memberType === 'full' && (
              <Form.Item name="regularDate" label="转正日期">
                <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
              </Form.Item>
            )}
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
