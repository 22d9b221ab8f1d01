import { useState } from 'react';
import { Alert, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { OrgNode, OrgType } from '@dangjian/shared';
import { ORG_CHILD_TYPES, ORG_TYPE_LABELS } from '@dangjian/shared';
import { api, errorMessage } from '../api';

type Props = { onClose: () => void; onSaved: (org: OrgNode) => void } & (
  | { mode: 'create'; parent: OrgNode }
  | { mode: 'edit'; org: OrgNode }
);

interface Values {
  name: string;
  type: OrgType;
  sortOrder?: number | null;
}

/** 新建下级 / 编辑组织. Only the child levels the parent may hold are offered (ORG_CHILD_TYPES). */
export function OrgFormModal(props: Props) {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const childTypes = props.mode === 'create' ? ORG_CHILD_TYPES[props.parent.type] : [];

  const initial: Partial<Values> =
    props.mode === 'create'
      ? { type: childTypes.includes('branch') ? 'branch' : childTypes[0] }
      : { name: props.org.name, sortOrder: props.org.sortOrder };

  const save = async () => {
    const v = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      const sortOrder = v.sortOrder ?? undefined;
      const org =
        props.mode === 'create'
          ? await api.orgs.create({ parentId: props.parent.id, name: v.name.trim(), type: v.type, sortOrder })
          : await api.orgs.update(props.org.id, { name: v.name.trim(), sortOrder });
      props.onSaved(org);
    } catch (e) {
      setError(errorMessage(e));
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={props.mode === 'create' ? `在「${props.parent.name}」下新建组织` : `编辑「${props.org.name}」`}
      okText="保存"
      confirmLoading={saving}
      onOk={save}
      onCancel={props.onClose}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" initialValues={initial}>
        <Form.Item name="name" label="组织名称" rules={[{ required: true, whitespace: true, message: '请输入组织名称' }, { max: 100, message: '名称不超过100个字' }]}>
          <Input placeholder="例如：第一党支部" autoFocus />
        </Form.Item>
        {props.mode === 'create' && (
          <Form.Item name="type" label="组织类型" rules={[{ required: true, message: '请选择组织类型' }]}>
            <Select options={childTypes.map((t) => ({ value: t, label: ORG_TYPE_LABELS[t] }))} />
          </Form.Item>
        )}
        <Form.Item name="sortOrder" label="排序号" extra="数字越小越靠前">
          <InputNumber min={0} max={100000} precision={0} style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
