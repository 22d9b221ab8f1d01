import { useState } from 'react';
import { TreeSelect } from 'antd';
import type { OrgNode } from '@dangjian/shared';
import { api } from '../api';
import { useRemote, type Remote } from '../useRemote';
import { findOrg, toTreeSelect } from '../orgTree';
import { LoadError } from './LoadError';

/**
 * The admin's organisation tree (their scope) and the organisation a page shows: the top of that
 * scope until the admin picks another (`orgId` is undefined only while the tree loads).
 */
export function useOrgTree() {
  const tree = useRemote(() => api.orgs.tree(), []);
  const [picked, setOrgId] = useState<number>();
  const nodes = tree.data ?? [];
  const rootId: number | undefined = nodes[0]?.id;
  return { ...tree, nodes, rootId, orgId: picked ?? rootId, setOrgId, find: (id: number | undefined) => findOrg(nodes, id) };
}

/** A page's load error, or the tree's first (nothing loads without it); 重试 retries the one that failed. */
export function OrgPageLoadError({ tree, page }: { tree: Pick<Remote<unknown>, 'error' | 'reload'>; page: Pick<Remote<unknown>, 'error' | 'reload'> }) {
  const failed = tree.error ? tree : page;
  return <LoadError error={failed.error} onRetry={() => void failed.reload()} />;
}

interface Props {
  tree: Remote<OrgNode[]>;
  /** Optional inside a Form.Item, which passes them (the id ties its label to the input). */
  id?: string;
  value?: number;
  onChange?: (orgId: number | undefined) => void;
  /** Which orgs cannot be picked (greyed out, still shown for context). */
  disable?: (n: OrgNode) => boolean;
  allowClear?: boolean;
  placeholder?: string;
  width?: number;
}

/** Picks an organisation of the admin's tree, searchable by name (the dues pages, 督办). */
export function OrgTreeSelect({ tree, id, value, onChange, disable, allowClear = false, placeholder = '选择组织', width = 240 }: Props) {
  return (
    <TreeSelect<number>
      id={id}
      allowClear={allowClear}
      showSearch
      treeNodeFilterProp="title"
      placeholder={tree.error ?? placeholder}
      status={tree.error ? 'error' : undefined}
      loading={tree.loading}
      style={{ width }}
      value={value}
      onChange={onChange}
      treeDefaultExpandAll
      treeData={toTreeSelect(tree.data ?? [], disable)}
      data-testid="org-select"
    />
  );
}
