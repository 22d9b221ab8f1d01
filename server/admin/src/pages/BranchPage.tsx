import { useState } from 'react';
import { Card, Empty } from 'antd';
import type { Me, OrgNode } from '@dangjian/shared';
import { api } from '../api';
import { useRemote } from '../useRemote';
import { findOrg } from '../orgTree';
import { OrgTreePanel } from '../components/OrgTreePanel';
import { BranchPanel } from '../components/branch/BranchPanel';

const isBranch = (n: OrgNode) => n.type === 'branch';

/** 网上支部 (BR-1…BR-10): pick a branch on the left; its spaces and members on the right. */
export function BranchPage({ me }: { me: Me }) {
  const { data: tree, loading, error, reload } = useRemote(() => api.orgs.tree(), []);
  const [picked, setPicked] = useState<number | null>(null);
  const nodes = tree ?? [];
  // Until the admin picks one, a branch admin starts on their own branch.
  const own = me.roles.find((r) => r.role === 'branch_admin' && findOrg(nodes, r.orgId)?.type === 'branch')?.orgId ?? null;
  const selected = findOrg(nodes, picked ?? own);

  return (
    <div style={{ display: 'flex', gap: 12, alignItems: 'stretch' }}>
      <div style={{ width: 252, flex: 'none' }}>
        <OrgTreePanel
          title="选择党支部"
          canImport={false}
          selectable={isBranch}
          tree={nodes}
          loading={loading}
          error={error}
          selectedId={selected?.id ?? null}
          onSelect={setPicked}
          onReload={() => void reload()}
        />
      </div>
      {selected ? (
        // keyed by branch: another branch starts on its first space, page 1, nothing open
        <BranchPanel key={selected.id} org={selected} tree={nodes} />
      ) : (
        <Card size="small" style={{ flex: 1, minWidth: 0 }} title="网上支部">
          <Empty description={loading ? '加载中…' : error ? error : '请在左侧选择一个党支部'} />
        </Card>
      )}
    </div>
  );
}
