import { useState } from 'react';
import { App, Button, Card, Empty, Input, Popconfirm, Segmented, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { BellOutlined, FileAddOutlined } from '@ant-design/icons';
import type { DuesBillView } from '@dangjian/shared';
import { api, errorMessage } from '../api';
import { useRemote } from '../useRemote';
import { usePaging } from '../usePaging';
import { DownloadButton } from '../components/DownloadButton';
import { OrgPageLoadError, OrgTreeSelect, useOrgTree } from '../components/OrgTreeSelect';
import { MonthPicker } from '../components/dues/PeriodPicker';
import { FlaggedMembersAlert } from '../components/dues/FlaggedMembersAlert';
import { Money, PaidViaTag, formatDay, monthLabel, thisMonth } from '../components/dues/duesTags';
import { formatTime } from '../components/meetings/meetingTags';

type StatusFilter = 'all' | 'paid' | 'unpaid';

/**
 * 交纳情况 (DUES-10): one month's bills of the organisation's subtree — who has paid (online, cash,
 * 代缴, 预交) and who has not; export, remind the unpaid, and the members six months behind (DUES-11).
 * Bills are made by a daily job; the tenant admin may make the month's at once (生成账单).
 */
export function DuesBillsPage({ canGenerate }: { canGenerate: boolean }) {
  const { message, modal } = App.useApp();
  const tree = useOrgTree();
  const orgId = tree.orgId;
  const current = thisMonth();
  const [month, setMonth] = useState(current);
  const [status, setStatus] = useState<StatusFilter>('all');
  const [keyword, setKeyword] = useState('');
  const { page, pageSize, pagination, filter } = usePaging(20);
  const query = { orgId, month, status: status === 'all' ? undefined : status, keyword: keyword || undefined };
  const { data, loading, error, reload } = useRemote(
    () => (orgId === undefined ? Promise.resolve(undefined) : api.dues.bills({ ...query, page, pageSize })),
    [orgId, month, status, keyword, page, pageSize],
  );

  const [generating, setGenerating] = useState(false);
  const generate = async () => {
    setGenerating(true);
    try {
      const r = await api.dues.generateBills({ month });
      modal.success({
        title: `${monthLabel(r.month)}账单已生成`,
        content: (
          <div data-testid="bills-generated">
            新生成 {r.created} 条，已有 {r.existing} 条。
            {r.withoutStandard > 0 && <div style={{ color: '#d46b08' }}>{r.withoutStandard} 名党员尚未设置本年度党费标准，未生成账单，请先在「党费标准」中设置。</div>}
          </div>
        ),
      });
      void reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setGenerating(false);
    }
  };

  const remind = async () => {
    try {
      const r = await api.dues.remind({ orgId: orgId!, month });
      message.success(`已向 ${r.reminded} 名未交党员发送提醒${r.withoutAccount ? `；${r.withoutAccount} 名党员尚未激活账号，无法提醒` : ''}`);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const columns: TableColumnsType<DuesBillView> = [
    { title: '姓名', dataIndex: 'memberName', width: 90 },
    { title: '所在组织', dataIndex: 'orgName', width: 180, ellipsis: { showTitle: true } },
    { title: '月份', dataIndex: 'month', width: 100, render: monthLabel },
    { title: '应交金额', dataIndex: 'amountFen', width: 100, align: 'right', render: (v: number) => <Money fen={v} /> },
    {
      title: '状态',
      key: 'status',
      width: 120,
      render: (_, b) => (
        <Space size={4}>
          <Tag color={b.status === 'paid' ? 'green' : 'red'} style={{ marginInlineEnd: 0 }} data-testid="bill-status">
            {b.status === 'paid' ? '已交' : '未交'}
          </Tag>
          {b.prepaid && (
            <Tag color="cyan" style={{ marginInlineEnd: 0 }}>
              预交
            </Tag>
          )}
        </Space>
      ),
    },
    { title: '交纳方式', dataIndex: 'paidVia', width: 90, render: (v: DuesBillView['paidVia']) => <PaidViaTag via={v} /> },
    { title: '交纳时间', dataIndex: 'paidAt', width: 150, render: (v: string | null, b) => (b.paidVia === 'cash' ? formatDay(v) : formatTime(v)) },
    {
      title: '代缴人',
      dataIndex: 'payerName',
      render: (v: string | null) => (v ? <Tag color="purple">{v} 代缴</Tag> : '—'),
    },
  ];

  const generateLabel = month === current ? '生成本月账单' : `生成${monthLabel(month)}账单`;

  return (
    <Card
      size="small"
      title="交纳情况"
      extra={
        <Space>
          {canGenerate && (
            <Popconfirm title={`${generateLabel}？`} description="为全单位已设置本年度党费标准的党员生成；已有的账单不会重复生成。" okText="生成" onConfirm={generate}>
              <Button icon={<FileAddOutlined />} loading={generating}>
                {generateLabel}
              </Button>
            </Popconfirm>
          )}
          <Popconfirm title={`提醒${monthLabel(month)}未交党费的党员？`} description="向已激活账号的未交党员发送站内消息。" okText="提醒" onConfirm={remind} disabled={orgId === undefined}>
            <Button icon={<BellOutlined />} disabled={orgId === undefined}>
              提醒未交党员
            </Button>
          </Popconfirm>
          <DownloadButton disabled={orgId === undefined} onDownload={() => api.dues.exportBills(query)} />
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <OrgTreeSelect tree={tree} value={orgId} onChange={filter(tree.setOrgId)} />
        <MonthPicker value={month} onChange={filter(setMonth)} max={current} />
        <Segmented<StatusFilter>
          value={status}
          onChange={filter(setStatus)}
          options={[
            { value: 'all', label: '全部' },
            { value: 'paid', label: '已交' },
            { value: 'unpaid', label: '未交' },
          ]}
          data-testid="bill-status-filter"
        />
        <Input.Search allowClear placeholder="姓名" style={{ width: 180 }} onSearch={filter((v: string) => setKeyword(v.trim()))} />
      </Space>
      <FlaggedMembersAlert orgId={orgId} />
      <OrgPageLoadError tree={tree} page={{ error, reload }} />
      <Table<DuesBillView>
        rowKey="id"
        size="small"
        loading={loading || tree.loading}
        columns={columns}
        dataSource={data?.items ?? []}
        pagination={pagination(data?.total ?? 0)}
        data-testid="dues-bills"
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={
                status === 'unpaid' ? '本月没有未交的党员' : status === 'paid' ? '本月还没有党员交纳' : keyword ? '没有找到该党员' : (
                  <>
                    {monthLabel(month)}暂无账单
                    {canGenerate && <Typography.Text type="secondary">，可点击「{generateLabel}」</Typography.Text>}
                  </>
                )
              }
            />
          ),
        }}
      />
    </Card>
  );
}
