import { useCallback, useEffect, useState } from 'react';
import { Breadcrumb, Card, Empty, Space, Tabs, Tag, Typography } from 'antd';
import type { OrgNode } from '@dangjian/shared';
import { ORG_TYPE_LABELS } from '@dangjian/shared';
import { api, errorMessage } from '../api';
import { findOrg, orgPath } from '../orgTree';
import { OrgTreePanel } from '../components/OrgTreePanel';
import { OrgActions } from '../components/OrgActions';
import { MemberRoster } from '../components/MemberRoster';
import { MemberHistory } from '../components/MemberHistory';

/** 组织与党员: the org tree on the left; the selected org, its actions and its members on the right. */
export function OrgMemberPage() {
  const [tree, setTree] = useState<OrgNode[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [tab, setTab] = useState('roster');

  const loadTree = useCallback(async (selectId?: number) => {
    setLoading(true);
    setError(null);
    try {
      const t = await api.orgs.tree();
      setTree(t);
      setSelectedId((prev) => {
        const want = selectId ?? prev;
        return want != null && findOrg(t, want) ? want : (t[0]?.id ?? null);
      });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void loadTree();
  }, [loadTree]);

  const selected = findOrg(tree, selectedId);
  const refreshCounts = useCallback(() => void loadTree(), [loadTree]);

  return (
    <div style={{ display: 'flex', gap: 12, alignItems: 'stretch' }}>
      <div style={{ width: 252, flex: 'none' }}>
        <OrgTreePanel
          tree={tree}
          loading={loading}
          error={error}
          selectedId={selectedId}
          onSelect={(id) => {
            setSelectedId(id);
            setTab('roster');
          }}
          onReload={() => void loadTree()}
        />
      </div>
      <Card
        size="small"
        style={{ flex: 1, minWidth: 0 }}
        title={
          selected ? (
            <Space size={8} data-testid="selected-org">
              <Typography.Text strong ellipsis style={{ maxWidth: 260 }} title={selected.name}>
                {selected.name}
              </Typography.Text>
              <Tag color="red" style={{ marginInlineEnd: 0 }}>
                {ORG_TYPE_LABELS[selected.type]}
              </Tag>
              {selected.memberCount != null && <Typography.Text type="secondary">{selected.memberCount}名党员</Typography.Text>}
            </Space>
          ) : (
            '组织与党员'
          )
        }
        // keyed by org: switching orgs starts the actions afresh (no half-finished confirm carried over)
        extra={selected && <OrgActions key={selected.id} org={selected} tree={tree} onChanged={(id) => void loadTree(id)} />}
        styles={{ body: { paddingTop: 0 } }}
      >
        <Tabs
          activeKey={tab}
          onChange={setTab}
          tabBarExtraContent={
            selected && orgPath(tree, selected.id).length > 1 ? (
              <Breadcrumb style={{ fontSize: 12 }} items={orgPath(tree, selected.id).map((n) => ({ title: n.name }))} />
            ) : undefined
          }
          items={[
            {
              key: 'roster',
              label: '党员名册',
              children: selected ? (
                <MemberRoster org={selected} tree={tree} onMembersChanged={refreshCounts} />
              ) : (
                <Empty description={loading ? '加载中…' : error ? error : '请在左侧选择组织'} />
              ),
            },
            { key: 'history', label: '党员历史库', children: <MemberHistory onMembersChanged={refreshCounts} /> },
          ]}
        />
      </Card>
    </div>
  );
}
