import { useState } from 'react';
import { App, Button, Popconfirm, Space } from 'antd';
import { AID_ACTION_LABELS, type AidAction, type AidItemSummary } from '@dangjian/shared';
import { api, errorMessage } from '../../api';
import { ReasonModal } from '../ReasonModal';
import { needsReason } from './aidText';

interface Props {
  item: Pick<AidItemSummary, 'id' | 'kind' | 'state' | 'title'>;
  /** The admin's next steps (the detail's availableActions, or the shared flow for a list row). */
  actions: AidAction[];
  onDone: () => void;
  compact?: boolean;
}

/** One button per step: 驳回 asks for the reason, the others confirm first; the API's message on failure. */
export function AidActionButtons({ item, actions, onDone, compact }: Props) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<AidAction | null>(null);
  const [rejecting, setRejecting] = useState<AidAction | null>(null);
  const send = async (action: AidAction, reason?: string) => {
    await api.aid.transition(item.id, action, reason);
    message.success(`已${AID_ACTION_LABELS[action]}`);
    onDone();
  };
  const confirm = async (action: AidAction) => {
    setBusy(action);
    try {
      await send(action);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };
  return (
    <Space size={compact ? 0 : 8} wrap>
      {actions.map((action) =>
        needsReason(item.kind, item.state, action) ? (
          <Button key={action} size="small" type={compact ? 'link' : 'default'} danger onClick={() => setRejecting(action)}>
            {AID_ACTION_LABELS[action]}
          </Button>
        ) : (
          <Popconfirm key={action} title={`${AID_ACTION_LABELS[action]}“${item.title}”？`} okText="确定" cancelText="取消" onConfirm={() => confirm(action)}>
            <Button size="small" type={compact ? 'link' : 'primary'} danger={action === 'withdraw'} loading={busy === action}>
              {AID_ACTION_LABELS[action]}
            </Button>
          </Popconfirm>
        ),
      )}
      {rejecting && (
        <ReasonModal
          title={`${AID_ACTION_LABELS[rejecting]}“${item.title}”`}
          label="驳回原因"
          okText={AID_ACTION_LABELS[rejecting]}
          placeholder="发布人会看到这条原因"
          onSubmit={(reason) => send(rejecting, reason)}
          onClose={() => setRejecting(null)}
        />
      )}
    </Space>
  );
}
