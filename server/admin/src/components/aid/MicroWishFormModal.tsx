import { Alert, Form, Input, Modal, Typography } from 'antd';
import type { AidItemDetail } from '@dangjian/shared';
import { api } from '../../api';
import { useAction } from '../../useAction';

interface Values {
  title: string;
  content: string;
  contactName: string;
  contactPhone: string;
}

/**
 * 发布微心愿 (AID-5), for a branch admin: a wish of a member of the public, with the wisher's name
 * and phone (shown to the one who claims it). The tenant admin reviews it before it is listed.
 */
export function MicroWishFormModal({ onClose, onSaved }: { onClose: () => void; onSaved: (item: AidItemDetail) => void }) {
  const [form] = Form.useForm<Values>();
  const { run, busy, error } = useAction(async (v: Values) => {
    onSaved(
      await api.aid.create({
        kind: 'micro_wish',
        title: v.title.trim(),
        content: v.content.trim(),
        contactName: v.contactName.trim(),
        contactPhone: v.contactPhone.trim(),
      }),
    );
  });
  return (
    <Modal open width={560} title="发布微心愿" okText="提交审核" confirmLoading={busy} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Typography.Paragraph type="secondary">代群众提交的微心愿经单位管理员审核后公开，认领人可看到心愿人的联系方式，双方自行联系。不接受现金类心愿。</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form<Values> form={form} layout="vertical" name="micro-wish" onFinish={run}>
        <Form.Item name="title" label="心愿标题" rules={[{ required: true, whitespace: true, message: '请填写心愿标题' }, { max: 60, message: '标题最多60个字' }]}>
          <Input maxLength={60} showCount placeholder="如：为留守儿童募集课外读物" />
        </Form.Item>
        <Form.Item name="content" label="心愿内容" rules={[{ required: true, whitespace: true, message: '请填写心愿内容' }, { max: 1000, message: '内容最多1000字' }]}>
          <Input.TextArea rows={4} maxLength={1000} showCount placeholder="心愿人的情况、需要的物品或帮助" />
        </Form.Item>
        <Form.Item name="contactName" label="心愿人姓名" rules={[{ required: true, whitespace: true, message: '请填写心愿人姓名' }, { max: 20, message: '姓名最多20个字' }]}>
          <Input maxLength={20} style={{ width: 240 }} />
        </Form.Item>
        <Form.Item name="contactPhone" label="心愿人电话" rules={[{ required: true, message: '请填写心愿人电话' }, { pattern: /^1\d{10}$/, message: '请填写11位手机号' }]} style={{ marginBottom: 0 }}>
          <Input maxLength={11} style={{ width: 240 }} inputMode="numeric" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
