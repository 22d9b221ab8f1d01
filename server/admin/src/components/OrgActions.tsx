import { useState } from 'react';
import { App, Button, Popconfirm, Space, Tooltip } from 'antd';
import { DeleteOutlined, EditOutlined, MergeCellsOutlined, PlusOutlined, QrcodeOutlined, SwapOutlined, TeamOutlined } from '@ant-design/icons';
import type { OrgNode } from '@dangjian/shared';
import { ORG_CHILD_TYPES, ORG_TYPE_LABELS } from '@dangjian/shared';
import { api, errorMessage } from '../api';
import { findOrg } from '../orgTree';
import { OrgFormModal } from './OrgFormModal';
import { OrgPickModal } from './OrgPickModal';
import { CommitteeDrawer } from './CommitteeDrawer';
import { EntryCodesModal } from './EntryCodesModal';

interface Props {
  org: OrgNode;
  tree: OrgNode[];
  /** Reload the tree after a change; `selectId` is the org to show afterwards. */
  onChanged: (selectId?: number) => void;
}

type Dialog = 'create' | 'edit' | 'move' | 'merge' | 'committee' | 'entry' | null;

/** What can be done to the selected organisation (ORG-4, ORG-5, BR-9). The top org cannot move, merge or go. */
export function OrgActions({ org, tree, onChanged }: Props) {
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [deleting, setDeleting] = useState(false);
  const childTypes = ORG_CHILD_TYPES[org.type];
  // The top of what this admin sees (the tenant's root, or a branch admin's own branch).
  const isTop = org.parentId == null || !findOrg(tree, org.parentId);
  const topHint = isTop ? '顶级组织不能迁移、合并或删除' : undefined;

  const remove = async () => {
    setDeleting(true);
    try {
      await api.orgs.remove(org.id);
      message.success(`已删除「${org.name}」`);
      onChanged(org.parentId ?? undefined);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setDeleting(false);
    }
  };

  return (
    <>
      <Space size={6} wrap>
        <Tooltip title={childTypes.length === 0 ? `${ORG_TYPE_LABELS[org.type]}下不能再建下级组织` : undefined}>
          <Button size="small" type="primary" icon={<PlusOutlined />} disabled={childTypes.length === 0} onClick={() => setDialog('create')}>
            新建下级
          </Button>
        </Tooltip>
        <Button size="small" icon={<EditOutlined />} onClick={() => setDialog('edit')}>
          编辑
        </Button>
        <Button size="small" icon={<TeamOutlined />} onClick={() => setDialog('committee')}>
          {org.type === 'branch' ? '班子与管理员' : '班子成员'}
        </Button>
        {(org.parentId == null || org.type === 'branch') && (
          <Button size="small" icon={<QrcodeOutlined />} onClick={() => setDialog('entry')}>
            入口码
          </Button>
        )}
        <Tooltip title={topHint}>
          <Button size="small" icon={<SwapOutlined />} disabled={isTop} onClick={() => setDialog('move')}>
            迁移
          </Button>
        </Tooltip>
        <Tooltip title={topHint}>
          <Button size="small" icon={<MergeCellsOutlined />} disabled={isTop} onClick={() => setDialog('merge')}>
            合并
          </Button>
        </Tooltip>
        <Popconfirm
          title={`删除「${org.name}」？`}
          description="只能删除没有下级组织和党员的组织。"
          okText="删除"
          okButtonProps={{ danger: true }}
          onConfirm={remove}
          disabled={isTop}
        >
          <Tooltip title={topHint}>
            <Button size="small" danger icon={<DeleteOutlined />} disabled={isTop} loading={deleting}>
              删除
            </Button>
          </Tooltip>
        </Popconfirm>
      </Space>

      {dialog === 'create' && (
        <OrgFormModal
          mode="create"
          parent={org}
          onClose={() => setDialog(null)}
          onSaved={(created) => {
            setDialog(null);
            message.success(`已新建「${created.name}」`);
            onChanged(created.id);
          }}
        />
      )}
      {dialog === 'edit' && (
        <OrgFormModal
          mode="edit"
          org={org}
          onClose={() => setDialog(null)}
          onSaved={() => {
            setDialog(null);
            message.success('已保存');
            onChanged(org.id);
          }}
        />
      )}
      {(dialog === 'move' || dialog === 'merge') && (
        <OrgPickModal
          mode={dialog}
          org={org}
          tree={tree}
          onClose={() => setDialog(null)}
          onDone={(selectId) => {
            setDialog(null);
            message.success(dialog === 'move' ? '迁移完成' : '合并完成');
            onChanged(selectId);
          }}
        />
      )}
      {dialog === 'committee' && <CommitteeDrawer org={org} onClose={() => setDialog(null)} />}
      {dialog === 'entry' && <EntryCodesModal org={org} onClose={() => setDialog(null)} />}
    </>
  );
}

