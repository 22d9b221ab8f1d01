import type { ReactNode } from 'react';
import { Alert, Form, Input, Modal } from 'antd';
import { useAction } from '../useAction';

interface Props {
  title: string;
  /** What the action does, above the field (e.g. that the original stays). */
  description?: ReactNode;
  label?: string;
  placeholder?: string;
  okText?: string;
  danger?: boolean;
  onSubmit: (reason: string) => Promise<void>;
  onClose: () => void;
}

/** An action that needs a written reason (冲正, 驳回): the reason is required; the API's message shows on failure. */
export function ReasonModal({ title, description, label = '原因', placeholder, okText = '确定', danger = true, onSubmit, onClose }: Props) {
  const [form] = Form.useForm<{ reason: string }>();
  const { run, busy, error } = useAction(async (v: { reason: string }) => onSubmit(v.reason.trim()));
  return (
    <Modal open title={title} okText={okText} okButtonProps={{ danger }} confirmLoading={busy} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      {description && <div style={{ marginBottom: 16 }}>{description}</div>}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form form={form} layout="vertical" name="reason" onFinish={run}>
        <Form.Item name="reason" label={label} rules={[{ required: true, whitespace: true, message: `请填写${label}` }, { min: 2, message: `${label}至少2个字` }]} style={{ marginBottom: 0 }}>
          <Input.TextArea rows={3} maxLength={200} showCount placeholder={placeholder} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
