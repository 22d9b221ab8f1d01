import type { OrgNode } from '@dangjian/shared';

/** Every node of the tree, depth first. */
export function flattenOrgs(nodes: OrgNode[]): OrgNode[] {
  return nodes.flatMap((n) => [n, ...flattenOrgs(n.children ?? [])]);
}

export function findOrg(nodes: OrgNode[], id: number | null | undefined): OrgNode | undefined {
  if (id == null) return undefined;
  return flattenOrgs(nodes).find((n) => n.id === id);
}

/** Ids of the node and everything under it. */
export function subtreeIds(node: OrgNode): Set<number> {
  return new Set(flattenOrgs([node]).map((n) => n.id));
}

/** Names from the root down to the node, for breadcrumbs. */
export function orgPath(nodes: OrgNode[], id: number): OrgNode[] {
  for (const n of nodes) {
    if (n.id === id) return [n];
    const below = orgPath(n.children ?? [], id);
    if (below.length) return [n, ...below];
  }
  return [];
}

export interface OrgTreeSelectNode {
  value: number;
  title: string;
  disabled?: boolean;
  children?: OrgTreeSelectNode[];
}

/** TreeSelect data; `disable` greys out the orgs that cannot be chosen (they stay visible for context). */
export function toTreeSelect(nodes: OrgNode[], disable?: (n: OrgNode) => boolean, label?: (n: OrgNode) => string): OrgTreeSelectNode[] {
  return nodes.map((n) => ({
    value: n.id,
    title: label ? label(n) : n.name,
    disabled: disable?.(n) ?? false,
    children: n.children?.length ? toTreeSelect(n.children, disable, label) : undefined,
  }));
}
