import { useEffect } from 'react';
import { Alert, App, Button, Card, Form, InputNumber, Skeleton, Typography } from 'antd';
import type { DuesSettings } from '@dangjian/shared';
import { api } from '../api';
import { useRemote } from '../useRemote';
import { useAction } from '../useAction';
import { LoadError } from '../components/LoadError';

const dayText = (d: number) => (d >= 31 ? '月底' : `${d}日`);

/** What the three days mean, in one sentence (as the API reads them). */
function settingsText({ windowFirstDay: first, windowLastDay: last, transferFromDay: transfer }: DuesSettings): string {
  const upward = transfer > last ? `当月${transfer}日起` : `次月${transfer}日起`;
  return `党员每月${first}日至${dayText(last)}在线交纳党费；${upward}，组织管理员可将该月党费上划到党费账户。`;
}

/**
 * 党费设置 (DUES-7), for the tenant admin: the days of the month members pay online (1st–20th by
 * default; 31 = through the month's end) and the day from which organisations may transfer the
 * month's dues upward (22nd): later than the window's end means the same month, otherwise the next.
 */
export function DuesSettingsPage() {
  const { message } = App.useApp();
  const { data, loading, error, reload } = useRemote(() => api.dues.settings(), []);
  const [form] = Form.useForm<DuesSettings>();
  const values = Form.useWatch([], form) as DuesSettings | undefined;
  const { run: save, busy, error: saveError } = useAction(async (v: DuesSettings) => {
    form.setFieldsValue(await api.dues.saveSettings(v));
    message.success('党费设置已保存');
  });

  useEffect(() => {
    if (data) form.setFieldsValue(data);
  }, [data, form]);

  const day = (label: string) => ({ required: true, message: `请填写${label}` });
  const afterFirst = {
    validator: (_: unknown, v: number | null) => {
      const first = form.getFieldValue('windowFirstDay') as number | null;
      return v != null && first != null && v < first ? Promise.reject(new Error('截止日不能早于开始日')) : Promise.resolve();
    },
  };
  const dayInput = (max: number) => <InputNumber min={1} max={max} precision={0} suffix="日" style={{ width: 120 }} />;

  return (
    <Card size="small" title="党费设置" style={{ maxWidth: 720 }}>
      <LoadError error={error} onRetry={reload} />
      {saveError && <Alert type="error" showIcon title={saveError} style={{ marginBottom: 16 }} role="alert" />}
      {loading && !data ? (
        <Skeleton active />
      ) : (
        <Form<DuesSettings> form={form} layout="horizontal" labelCol={{ span: 6 }} name="dues-settings" onFinish={save} disabled={!data}>
          <Form.Item name="windowFirstDay" label="每月交纳开始日" rules={[day('开始日')]} extra="1日至28日">
            {dayInput(28)}
          </Form.Item>
          <Form.Item name="windowLastDay" label="每月交纳截止日" dependencies={['windowFirstDay']} rules={[day('截止日'), afterFirst]} extra="填31表示到月底">
            {dayInput(31)}
          </Form.Item>
          <Form.Item name="transferFromDay" label="上划开始日" rules={[day('上划开始日')]} extra="晚于截止日为当月，否则为次月">
            {dayInput(31)}
          </Form.Item>
          {values?.windowFirstDay && values.windowLastDay && values.transferFromDay && (
            <Form.Item wrapperCol={{ offset: 6 }}>
              <Typography.Text type="secondary" data-testid="dues-settings-summary">
                {settingsText(values)}
              </Typography.Text>
            </Form.Item>
          )}
          <Form.Item wrapperCol={{ offset: 6 }} style={{ marginBottom: 0 }}>
            <Button type="primary" htmlType="submit" loading={busy}>
              保存
            </Button>
          </Form.Item>
        </Form>
      )}
    </Card>
  );
}
