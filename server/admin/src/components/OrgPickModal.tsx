import { useMemo, useState } from 'react';
import { Alert, Form, Modal, TreeSelect, Typography } from 'antd';
import type { OrgNode } from '@dangjian/shared';
import { canHoldChild, ORG_TYPE_LABELS } from '@dangjian/shared';
import { api, errorMessage } from '../api';
import { subtreeIds, toTreeSelect } from '../orgTree';

interface Props {
  mode: 'move' | 'merge';
  org: OrgNode;
  tree: OrgNode[];
  onClose: () => void;
  /** The org to select afterwards. */
  onDone: (selectId: number) => void;
}

/**
 * 迁移 (move under a new parent) and 合并 (merge into another org: its members and children go to
 * the target, then it is removed). The org itself, its subtree, parents that cannot hold its level
 * (move) and orgs of another type (merge) are greyed out; the server checks the same rules and its message is shown otherwise.
 */
export function OrgPickModal({ mode, org, tree, onClose, onDone }: Props) {
  const [target, setTarget] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const data = useMemo(() => {
    const own = subtreeIds(org);
    const disable =
      mode === 'move'
        ? (n: OrgNode) => own.has(n.id) || n.id === org.parentId || !canHoldChild(n.type, org.type)
        : (n: OrgNode) => own.has(n.id) || n.type !== org.type;
    return toTreeSelect(tree, disable, (n) => `${n.name}（${ORG_TYPE_LABELS[n.type]}）`);
  }, [mode, org, tree]);

  const submit = async () => {
    if (target == null) {
      setError(mode === 'move' ? '请选择新的上级组织' : '请选择要合并到的组织');
      return;
    }
    setSaving(true);
    setError(null);
    try {
      if (mode === 'move') await api.orgs.move(org.id, target);
      else await api.orgs.merge(org.id, target);
      onDone(mode === 'move' ? org.id : target);
    } catch (e) {
      setError(errorMessage(e));
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={mode === 'move' ? `迁移「${org.name}」` : `合并「${org.name}」`}
      okText={mode === 'move' ? '迁移' : '合并'}
      okButtonProps={{ danger: mode === 'merge' }}
      confirmLoading={saving}
      onOk={submit}
      onCancel={onClose}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Typography.Paragraph type="secondary">
        {mode === 'move'
          ? `将「${org.name}」连同其下级组织和党员迁移到新的上级组织下。`
          : `将「${org.name}」的党员和下级组织并入目标组织，之后「${org.name}」将被删除，此操作不可撤销。只能合并到同类型（${ORG_TYPE_LABELS[org.type]}）的组织。`}
      </Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={mode === 'move' ? '新的上级组织' : '合并到'} required>
          <TreeSelect
            treeData={data}
            value={target ?? undefined}
            onChange={(v) => setTarget(v ?? null)}
            treeDefaultExpandAll
            showSearch
            treeNodeFilterProp="title"
            placeholder="请选择组织"
            style={{ width: '100%' }}
            allowClear
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
