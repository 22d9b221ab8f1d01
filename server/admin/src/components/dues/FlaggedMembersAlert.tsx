import { Alert, Button, Table } from 'antd';
import { useState } from 'react';
import type { DuesFlaggedMember } from '@dangjian/shared';
import { api } from '../../api';
import { useRemote } from '../../useRemote';
import { monthLabel, monthsLabel } from './duesTags';

/**
 * DUES-11: members of the organisation's subtree with six or more unpaid months, flagged to their
 * branch (党章: 连续六个月不交纳党费 is reviewed as 自行脱党). Nothing shows while there are none.
 */
export function FlaggedMembersAlert({ orgId }: { orgId: number | undefined }) {
  const { data, error, reload } = useRemote(() => (orgId === undefined ? Promise.resolve([]) : api.dues.flagged(orgId)), [orgId]);
  const [open, setOpen] = useState(false);
  if (error) {
    return (
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 12 }}
        title={`六个月未交党费的党员未能加载：${error}`}
        action={
          <Button size="small" onClick={() => void reload()}>
            重试
          </Button>
        }
      />
    );
  }
  const rows = data ?? [];
  if (rows.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="dues-flagged"
      title={`${rows.length} 名党员已连续六个月以上未交纳党费`}
      description={
        <>
          <div>请所在党支部及时了解情况、进行教育；没有正当理由的，按照党章规定处理。</div>
          {open && (
            <Table<DuesFlaggedMember>
              rowKey="memberId"
              size="small"
              style={{ marginTop: 8 }}
              dataSource={rows}
              pagination={rows.length > 10 ? { pageSize: 10, size: 'small' } : false}
              columns={[
                { title: '姓名', dataIndex: 'memberName', width: 100 },
                { title: '所在组织', dataIndex: 'orgName', width: 180 },
                { title: '未交月数', key: 'count', width: 90, render: (_, r) => `${r.unpaidMonths.length} 个月` },
                { title: '未交月份', key: 'months', render: (_, r) => monthsLabel(r.unpaidMonths) },
                { title: '最近交纳', dataIndex: 'lastPaidMonth', width: 110, render: (m: string | null) => (m ? monthLabel(m) : '从未交纳') },
              ]}
            />
          )}
        </>
      }
      action={
        <Button size="small" onClick={() => setOpen(!open)}>
          {open ? '收起' : '查看名单'}
        </Button>
      }
    />
  );
}
