import { useState } from 'react';
import { App, Button, Card, Checkbox, Empty, Input, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { LockOutlined, UploadOutlined } from '@ant-design/icons';
import type { DuesStandardRow } from '@dangjian/shared';
import { DUES_CATEGORY_LABELS } from '@dangjian/shared';
import { api, errorMessage } from '../api';
import { useRemote } from '../useRemote';
import { usePaging } from '../usePaging';
import { ImportModal } from '../components/ImportModal';
import { duesStandardImport } from '../components/importKinds';
import { OrgPageLoadError, OrgTreeSelect, useOrgTree } from '../components/OrgTreeSelect';
import { YearPicker } from '../components/dues/PeriodPicker';
import { StandardFormModal } from '../components/dues/StandardFormModal';
import { HardshipTag, Money, standardSourceLabel, thisYear } from '../components/dues/duesTags';
import { formatTime } from '../components/meetings/meetingTags';
import { formatFen } from '../money';

/**
 * 党费标准 (DUES-1, DUES-2): every member of the organisation's subtree with the year's standard;
 * set one by one or import the year from Excel; 锁定 fixes the year, after which a standard is only
 * changed by an audited correction (更正).
 */
export function DuesStandardsPage() {
  const { message, modal } = App.useApp();
  const tree = useOrgTree();
  const orgId = tree.orgId;
  const org = tree.find(orgId);
  const [year, setYear] = useState(thisYear);
  const [keyword, setKeyword] = useState('');
  const [missing, setMissing] = useState(false);
  const { page, pageSize, pagination, filter } = usePaging(20);
  const { data, loading, error, reload } = useRemote(
    () => (orgId === undefined ? Promise.resolve(undefined) : api.dues.standards({ orgId, year, keyword: keyword || undefined, missing: missing || undefined, page, pageSize })),
    [orgId, year, keyword, missing, page, pageSize],
  );
  const [editing, setEditing] = useState<DuesStandardRow | null>(null);
  const [importing, setImporting] = useState(false);

  const lock = () =>
    modal.confirm({
      title: `锁定${year}年度党费标准？`,
      content: `锁定后，${org?.name ?? '所选组织'}及其下级组织${year}年度已设置的党费标准不能再直接修改，只能逐条「更正」并填写原因（记入审计日志）。`,
      okText: '锁定',
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          const { locked } = await api.dues.lockStandards({ orgId: orgId!, year });
          message.success(`已锁定 ${locked} 名党员的${year}年度党费标准`);
          void reload();
        } catch (e) {
          message.error(errorMessage(e));
        }
      },
    });

  const columns: TableColumnsType<DuesStandardRow> = [
    { title: '姓名', dataIndex: 'memberName', width: 80, fixed: 'left' },
    { title: '所在组织', dataIndex: 'orgName', width: 150, ellipsis: { showTitle: true } },
    {
      title: '党员类别',
      key: 'category',
      width: 110,
      render: (_, r) => (r.standard ? DUES_CATEGORY_LABELS[r.standard.category] : <Tag color="orange">未设置</Tag>),
    },
    { title: '月收入', key: 'income', width: 100, align: 'right', render: (_, r) => (r.standard?.incomeFen != null ? <Money fen={r.standard.incomeFen} /> : '—') },
    {
      title: '标准（月）',
      key: 'standard',
      width: 90,
      align: 'right',
      render: (_, r) =>
        r.standard ? (
          <Tooltip title={r.standard.rule}>
            <Money fen={r.standard.standardFen} />
          </Tooltip>
        ) : (
          '—'
        ),
    },
    { title: '困难减免', key: 'hardship', width: 100, render: (_, r) => (r.standard ? <HardshipTag standard={r.standard} /> : '—') },
    { title: '每月应交', key: 'amount', width: 90, align: 'right', render: (_, r) => (r.standard ? <Typography.Text strong><Money fen={r.standard.amountFen} /></Typography.Text> : '—') },
    {
      title: '状态',
      key: 'locked',
      width: 80,
      render: (_, r) =>
        r.standard ? (
          r.standard.locked ? (
            <Tag icon={<LockOutlined />} color="default" data-testid="standard-locked">
              已锁定
            </Tag>
          ) : (
            <Tag color="blue">未锁定</Tag>
          )
        ) : (
          '—'
        ),
    },
    {
      title: '来源',
      key: 'source',
      width: 180,
      render: (_, r) =>
        r.standard ? (
          <div style={{ lineHeight: '20px' }}>
            <div>
              {standardSourceLabel(r.standard.source)}
              {r.standard.setByName ? ` · ${r.standard.setByName}` : ''}
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatTime(r.standard.setAt)}
            </Typography.Text>
          </div>
        ) : (
          '—'
        ),
    },
    {
      title: '操作',
      key: 'op',
      width: 70,
      fixed: 'right',
      render: (_, r) => (
        <Button type="link" size="small" danger={r.standard?.locked} onClick={() => setEditing(r)}>
          {r.standard?.locked ? '更正' : '设置'}
        </Button>
      ),
    },
  ];

  return (
    <Card
      size="small"
      title="党费标准"
      extra={
        <Space>
          <Button icon={<UploadOutlined />} disabled={orgId === undefined} onClick={() => setImporting(true)}>
            导入
          </Button>
          <Button icon={<LockOutlined />} disabled={orgId === undefined} onClick={lock}>
            锁定本年度标准
          </Button>
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <OrgTreeSelect tree={tree} value={orgId} onChange={filter(tree.setOrgId)} />
        <YearPicker value={year} onChange={filter(setYear)} max={thisYear() + 1} />
        <Input.Search allowClear placeholder="姓名" style={{ width: 180 }} onSearch={filter((v: string) => setKeyword(v.trim()))} />
        <Checkbox checked={missing} onChange={(e) => filter(setMissing)(e.target.checked)} data-testid="missing-only">
          只看未设置
        </Checkbox>
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        党费标准每年年初按党员上年度月平均收入核定一次，年度内不作调整；锁定后如确有错误，使用「更正」并说明原因。
      </Typography.Paragraph>
      <OrgPageLoadError tree={tree} page={{ error, reload }} />
      <Table<DuesStandardRow>
        rowKey="memberId"
        size="small"
        loading={loading || tree.loading}
        columns={columns}
        dataSource={data?.items ?? []}
        pagination={pagination(data?.total ?? 0, '名党员')}
        scroll={{ x: 1050 }}
        data-testid="dues-standards"
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={missing ? '所有党员都已设置本年度党费标准' : keyword ? '没有找到该党员' : '该组织暂无党员'} /> }}
      />
      {editing && (
        <StandardFormModal
          row={editing}
          year={year}
          onClose={() => setEditing(null)}
          onSaved={(s) => {
            setEditing(null);
            message.success(`${editing.memberName}的党费标准已${editing.standard?.locked ? '更正' : '保存'}：每月${s.amountFen === 0 ? '免交' : `应交${formatFen(s.amountFen)}`}`);
            void reload();
          }}
        />
      )}
      {importing && (
        <ImportModal
          kind={duesStandardImport(year, orgId)}
          onClose={() => setImporting(false)}
          onImported={(n) => {
            message.success(`已导入 ${n} 名党员的${year}年度党费标准`);
            void reload();
          }}
        />
      )}
    </Card>
  );
}
