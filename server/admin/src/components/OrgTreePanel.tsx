import { useEffect, useMemo, useRef, useState } from 'react';
import { App, Button, Card, Empty, Input, Space, Spin, Tag, Tree } from 'antd';
import type { TreeDataNode } from 'antd';
import { ReloadOutlined, UploadOutlined } from '@ant-design/icons';
import type { OrgNode, OrgType } from '@dangjian/shared';
import { ORG_TYPE_LABELS } from '@dangjian/shared';
import { flattenOrgs, orgPath } from '../orgTree';
import { ImportModal } from './ImportModal';
import { ORG_IMPORT } from './importKinds';

const TYPE_COLORS: Record<OrgType, string> = { committee: 'red', general_branch: 'volcano', branch: 'orange', group: 'gold' };

interface Props {
  tree: OrgNode[];
  loading: boolean;
  error: string | null;
  selectedId: number | null;
  onSelect: (id: number) => void;
  onReload: () => void;
  /** Card title; 组织架构 by default. */
  title?: string;
  /** The Excel import of orgs (the org page); off where the tree only picks an org. */
  canImport?: boolean;
  /** Which nodes may be picked; the others stay visible for context. All by default. */
  selectable?: (n: OrgNode) => boolean;
}

/**
 * 组织架构 (ORG-4): the tree the admin navigates by, and the Excel import that grows it; the actions
 * on one org live beside the selected org.
 */
export function OrgTreePanel({ tree, loading, error, selectedId, onSelect, onReload, title = '组织架构', canImport = true, selectable }: Props) {
  const { message } = App.useApp();
  const [search, setSearch] = useState('');
  const [expanded, setExpanded] = useState<number[]>([]);
  const [importing, setImporting] = useState(false);
  // Ids the tree had before an import: once it reloads, whatever is new gets revealed.
  const beforeImport = useRef<Set<number> | null>(null);

  // Open the first two levels when the tree first arrives, the path to the selection later, and
  // the parents of freshly imported orgs.
  useEffect(() => {
    const known = beforeImport.current;
    const added = known ? flattenOrgs(tree).filter((n) => !known.has(n.id)) : [];
    if (added.length) beforeImport.current = null;
    setExpanded((prev) => {
      const next = new Set(prev);
      for (const n of added) for (const p of orgPath(tree, n.id).slice(0, -1)) next.add(p.id);
      if (prev.length === 0) {
        for (const root of tree) {
          next.add(root.id);
          for (const c of root.children ?? []) next.add(c.id);
        }
      }
      if (selectedId != null) for (const n of orgPath(tree, selectedId).slice(0, -1)) next.add(n.id);
      return [...next];
    });
  }, [tree, selectedId]);

  const treeData = useMemo(() => toTreeData(tree, search.trim(), selectable), [tree, search, selectable]);
  const searching = search.trim() !== '';

  return (
    <Card
      title={title}
      size="small"
      extra={
        <Space size={2}>
          {canImport && (
            <Button type="text" size="small" icon={<UploadOutlined />} onClick={() => setImporting(true)}>
              导入组织
            </Button>
          )}
          <Button type="text" size="small" icon={<ReloadOutlined />} loading={loading} onClick={onReload} aria-label="刷新组织树" />
        </Space>
      }
      styles={{ body: { padding: 8 } }}
      style={{ height: '100%' }}
    >
      <Input.Search allowClear size="small" placeholder="搜索组织名称" value={search} onChange={(e) => setSearch(e.target.value)} style={{ marginBottom: 8 }} />
      {error ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={<span style={{ color: '#cf1322' }}>{error}</span>}>
          <Button size="small" onClick={onReload}>
            重试
          </Button>
        </Empty>
      ) : loading && tree.length === 0 ? (
        <div style={{ textAlign: 'center', padding: 32 }}>
          <Spin />
        </div>
      ) : treeData.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={searching ? '没有匹配的组织' : '暂无组织'} />
      ) : (
        <Tree
          blockNode
          showLine
          treeData={treeData}
          selectedKeys={selectedId != null ? [selectedId] : []}
          expandedKeys={searching ? flattenOrgs(tree).map((n) => n.id) : expanded}
          onExpand={(keys) => setExpanded(keys.map(Number))}
          onSelect={(keys) => {
            if (keys.length) onSelect(Number(keys[0]));
          }}
          className="org-tree"
          style={{ maxHeight: 'calc(100vh - 190px)', overflowY: 'auto', overflowX: 'hidden' }}
        />
      )}
      {importing && (
        <ImportModal
          kind={ORG_IMPORT}
          onClose={() => setImporting(false)}
          onImported={(n) => {
            message.success(`已导入 ${n} 个组织`);
            beforeImport.current = new Set(flattenOrgs(tree).map((o) => o.id));
            onReload();
          }}
        />
      )}
    </Card>
  );
}

function toTreeData(nodes: OrgNode[], search: string, selectable?: (n: OrgNode) => boolean): TreeDataNode[] {
  const out: TreeDataNode[] = [];
  for (const n of nodes) {
    const children = toTreeData(n.children ?? [], search, selectable);
    if (search && !n.name.includes(search) && children.length === 0) continue;
    out.push({
      key: n.id,
      selectable: selectable?.(n) ?? true,
      className: selectable && !selectable(n) ? 'org-tree-context' : undefined,
      title: (
        <span className="org-tree-title">
          <span className="name" title={n.name}>
            {n.name}
          </span>
          <Tag color={TYPE_COLORS[n.type]}>
            {ORG_TYPE_LABELS[n.type]}
          </Tag>
          {n.memberCount != null && <span className="count" title={`${n.memberCount}名党员`}>{n.memberCount}</span>}
        </span>
      ),
      children: children.length ? children : undefined,
    });
  }
  return out;
}
