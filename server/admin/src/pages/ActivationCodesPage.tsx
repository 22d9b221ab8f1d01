import { useState } from 'react';
import { Alert, Button, Card, Empty, InputNumber, List, Space, Typography } from 'antd';
import { KeyOutlined } from '@ant-design/icons';
import { api } from '../api';
import { useAction } from '../useAction';

/**
 * 入驻激活码 (TEN-1), for platform operators: each code lets one organisation create its tenant.
 * Codes are shown once — the server keeps only their hashes.
 */
export function ActivationCodesPage() {
  const [count, setCount] = useState(5);
  const [codes, setCodes] = useState<string[]>([]);
  const { run: issue, busy: loading, error } = useAction(async () => setCodes((await api.platform.issueCodes(count)).codes));

  return (
    <Card title="入驻激活码">
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="单位凭激活码、单位名称和管理员信息完成入驻。每个激活码只能使用一次；生成后只显示这一次，请妥善转交。"
      />
      <Space style={{ marginBottom: 16 }}>
        <span>生成数量</span>
        <InputNumber min={1} max={100} value={count} onChange={(v) => setCount(v ?? 1)} />
        <Button type="primary" icon={<KeyOutlined />} loading={loading} onClick={issue}>
          生成激活码
        </Button>
      </Space>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <List
        bordered
        dataSource={codes}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未生成激活码" /> }}
        renderItem={(code) => (
          <List.Item>
            <Typography.Text code copyable data-testid="activation-code">
              {code}
            </Typography.Text>
          </List.Item>
        )}
      />
    </Card>
  );
}
