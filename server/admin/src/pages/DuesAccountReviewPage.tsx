import { useState } from 'react';
import { Alert, App, Button, Card, Empty, Form, Input, Modal, Segmented, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { DuesAccountStatus, DuesAccountView } from '@dangjian/shared';
import { api } from '../api';
import { useRemote } from '../useRemote';
import { useAction } from '../useAction';
import { LoadError } from '../components/LoadError';
import { ReasonModal } from '../components/ReasonModal';
import { AccountStatusTag, PaidViaTag } from '../components/dues/duesTags';
import { DuesAccountDrawer } from '../components/dues/DuesAccountDrawer';
import { MERCHANT_ID, MERCHANT_TYPE_LABELS } from '../components/dues/merchant';
import { formatTime } from '../components/meetings/meetingTags';

type Filter = DuesAccountStatus | 'all';

/**
 * 党费账户审核 (DUES-8), for the platform operator: every tenant's applications; 通过 records the
 * merchant (sub-merchant / split receiver) the money goes to and fixes the channel; 驳回 needs a reason
 * the organisation will see.
 */
export function DuesAccountReviewPage() {
  const { message } = App.useApp();
  const [status, setStatus] = useState<Filter>('pending');
  const { data, loading, error, reload } = useRemote(() => api.dues.accounts({ status: status === 'all' ? undefined : status }), [status]);
  const rows = data ?? [];
  const [viewing, setViewing] = useState<DuesAccountView | null>(null);
  const [approving, setApproving] = useState<DuesAccountView | null>(null);
  const [rejecting, setRejecting] = useState<DuesAccountView | null>(null);

  const done = (text: string) => {
    setApproving(null);
    setRejecting(null);
    setViewing(null);
    message.success(text);
    void reload();
  };

  const actions = (a: DuesAccountView) =>
    a.status === 'pending' ? (
      <Space size={0}>
        <Button type="link" size="small" onClick={() => setApproving(a)}>
          通过
        </Button>
        <Button type="link" size="small" danger onClick={() => setRejecting(a)}>
          驳回
        </Button>
      </Space>
    ) : null;

  const columns: TableColumnsType<DuesAccountView> = [
    { title: '单位', dataIndex: 'tenantName', width: 150, ellipsis: { showTitle: true } },
    { title: '申请组织', dataIndex: 'orgName', width: 160, ellipsis: { showTitle: true } },
    { title: '支付方式', dataIndex: 'channel', width: 80, render: (c: DuesAccountView['channel']) => <PaidViaTag via={c} /> },
    { title: '商家类型', dataIndex: 'merchantType', width: 90, render: (t: DuesAccountView['merchantType']) => MERCHANT_TYPE_LABELS[t] },
    { title: '联系人', key: 'contact', width: 150, render: (_, a) => `${a.contactName} ${a.contactPhone}` },
    { title: '申请时间', dataIndex: 'createdAt', width: 140, render: (v: string) => formatTime(v) },
    {
      title: '状态',
      dataIndex: 'status',
      width: 120,
      render: (s: DuesAccountStatus, a) => (
        <Space size={4} wrap>
          <AccountStatusTag status={s} />
          {a.merchantId && <Typography.Text type="secondary">{a.merchantId}</Typography.Text>}
        </Space>
      ),
    },
    {
      title: '操作',
      key: 'op',
      width: 140,
      render: (_, a) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setViewing(a)}>
            查看
          </Button>
          {actions(a)}
        </Space>
      ),
    },
  ];

  return (
    <Card
      size="small"
      title="党费账户审核"
      extra={
        <Segmented<Filter>
          value={status}
          onChange={setStatus}
          options={[
            { value: 'pending', label: '待审核' },
            { value: 'approved', label: '已开通' },
            { value: 'rejected', label: '已驳回' },
            { value: 'all', label: '全部' },
          ]}
        />
      }
    >
      <LoadError error={error} onRetry={reload} />
      <Table<DuesAccountView>
        rowKey="id"
        size="small"
        loading={loading}
        columns={columns}
        dataSource={rows}
        pagination={rows.length > 20 ? { pageSize: 20 } : false}
        scroll={{ x: 1030 }}
        data-testid="dues-account-review"
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={status === 'pending' ? '没有待审核的申请' : '暂无申请'} /> }}
      />
      {viewing && <DuesAccountDrawer account={viewing} extra={actions(viewing)} onClose={() => setViewing(null)} />}
      {approving && <ApproveModal account={approving} onClose={() => setApproving(null)} onApproved={() => done(`已通过 ${approving.orgName} 的党费账户申请`)} />}
      {rejecting && (
        <ReasonModal
          title={`驳回 ${rejecting.orgName} 的申请`}
          okText="驳回"
          label="驳回原因"
          placeholder="如：银行卡户名与申请组织名称不一致"
          description="驳回原因将显示给申请的组织，修改后可重新申请。"
          onClose={() => setRejecting(null)}
          onSubmit={async (reason) => {
            await api.dues.rejectAccount(rejecting.id, { reason });
            done('已驳回');
          }}
        />
      )}
    </Card>
  );
}

const MERCHANT_HINT = {
  wechat: '微信支付为该组织开设的特约商户号 / 分账接收方商户号',
  alipay: '支付宝为该组织开设的收款账号（2088 开头的 PID）',
} as const;

/** 通过: the merchant the channel opened for the organisation; after this the channel cannot change. */
function ApproveModal({ account: a, onClose, onApproved }: { account: DuesAccountView; onClose: () => void; onApproved: () => void }) {
  const [form] = Form.useForm<{ merchantId: string }>();
  const { run, busy, error } = useAction(async (v: { merchantId: string }) => {
    await api.dues.approveAccount(a.id, { merchantId: v.merchantId.trim() });
    onApproved();
  });
  return (
    <Modal open title={`通过 ${a.orgName} 的党费账户申请`} okText="通过" confirmLoading={busy} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title={
          <>
            支付方式将固定为 <PaidViaTag via={a.channel} />，通过后不可修改；该组织及下级组织的党员随即可以线上交纳党费。
          </>
        }
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form form={form} layout="vertical" name="approve" onFinish={run}>
        <Form.Item
          name="merchantId"
          label="商户号"
          extra={MERCHANT_HINT[a.channel]}
          rules={[
            { required: true, whitespace: true, message: '请填写商户号' },
            { pattern: MERCHANT_ID, message: '商户号为4–64位字母、数字或 _ @ . -' },
          ]}
          style={{ marginBottom: 0 }}
        >
          <Input maxLength={64} autoFocus autoComplete="off" onBlur={(e) => form.setFieldValue('merchantId', e.target.value.trim())} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
