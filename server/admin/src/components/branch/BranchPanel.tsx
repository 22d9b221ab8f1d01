import { useState } from 'react';
import { Card, Empty, Space, Spin, Tabs, Tag, Typography } from 'antd';
import type { BranchKind, OrgNode } from '@dangjian/shared';
import { BRANCH_KINDS, BRANCH_SPACES } from '@dangjian/shared';
import { api } from '../../api';
import { useRemote } from '../../useRemote';
import { LoadError } from '../LoadError';
import { BranchPostTable } from './BranchPostTable';
import { BranchMembersTable } from './BranchMembersTable';

/**
 * One branch's online spaces as tabs (from BRANCH_SPACES), plus its members. The mailbox 书记信箱
 * exists only where the branch has a secretary (BR-10).
 */
export function BranchPanel({ org, tree }: { org: OrgNode; tree: OrgNode[] }) {
  const { data: home, loading, error, reload } = useRemote(() => api.branch.home(org.id), [org.id]);
  const [tab, setTab] = useState<string>(BRANCH_KINDS[0]);
  const kinds = BRANCH_KINDS.filter((k) => k !== 'letter' || home?.secretaryName != null);
  const total = (k: BranchKind) => home?.spaces.find((s) => s.kind === k)?.total;

  return (
    <Card
      size="small"
      style={{ flex: 1, minWidth: 0 }}
      title={
        <Space size={8} data-testid="branch-title">
          <Typography.Text strong ellipsis style={{ maxWidth: 300 }} title={org.name}>
            {org.name}
          </Typography.Text>
          <Tag color="red" style={{ marginInlineEnd: 0 }}>
            网上支部
          </Tag>
          {home && (
            <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
              {home.memberCount}名党员 · 书记：{home.secretaryName ?? '空缺'}
            </Typography.Text>
          )}
        </Space>
      }
      styles={{ body: { paddingTop: home && !error ? 0 : 12 } }}
    >
      <LoadError error={error} onRetry={reload} />
      {!home ? (
        !error && <div style={{ textAlign: 'center', padding: 48 }}>{loading ? <Spin /> : <Empty />}</div>
      ) : (
        <Tabs
          activeKey={kinds.includes(tab as BranchKind) || tab === 'members' ? tab : kinds[0]}
          onChange={setTab}
          destroyOnHidden
          // nine tabs with their counts fit a 1280 px screen without the overflow menu
          tabBarGutter={18}
          items={[
            ...kinds.map((k) => ({
              key: k,
              label: (
                <span>
                  {BRANCH_SPACES[k].label}
                  {total(k) ? <span className="tab-count">{total(k)}</span> : null}
                </span>
              ),
              children: <BranchPostTable home={home} kind={k} tree={tree} onChanged={() => void reload()} />,
            })),
            { key: 'members', label: '支部成员', children: <BranchMembersTable orgId={home.orgId} /> },
          ]}
        />
      )}
    </Card>
  );
}
