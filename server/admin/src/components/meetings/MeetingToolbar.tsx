import { useState } from 'react';
import { App, Button, Popconfirm, Space } from 'antd';
import { DeleteOutlined, DesktopOutlined, EditOutlined } from '@ant-design/icons';
import type { MeetingDetail } from '@dangjian/shared';
import { api, errorMessage } from '../../api';
import { navigate } from '../../route';
import { MeetingFormModal } from './MeetingFormModal';

interface Props {
  meeting: MeetingDetail;
  onChanged: (m: MeetingDetail) => void;
  onRemoved: () => void;
}

/** The branch admin's tools beside the steps: change the plan, delete, check-in and its big screen. */
export function MeetingToolbar({ meeting: m, onChanged, onRemoved }: Props) {
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!m.isAdmin) return null;

  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const toggleCheckin = () =>
    act(async () => {
      onChanged(await api.meetings.checkin(m.id, !m.checkinOpen));
      message.success(m.checkinOpen ? '已关闭签到' : '已开启签到');
    });
  const remove = () =>
    act(async () => {
      await api.meetings.remove(m.id);
      message.success('会议已删除');
      onRemoved();
    });
  const checkinTime = m.state === 'notified' || m.state === 'held';

  return (
    <Space size={8}>
      {(m.state === 'created' || m.state === 'notified') && (
        <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
          修改
        </Button>
      )}
      {m.state === 'created' && (
        <Popconfirm title="删除这次会议？" description="会议尚未通知，删除后不可恢复。" okText="删除" okButtonProps={{ danger: true }} onConfirm={remove}>
          <Button danger icon={<DeleteOutlined />} loading={busy}>
            删除
          </Button>
        </Popconfirm>
      )}
      {(checkinTime || m.checkinOpen) && (
        <Button loading={busy} onClick={toggleCheckin} data-testid="checkin-toggle">
          {m.checkinOpen ? '关闭签到' : '开启签到'}
        </Button>
      )}
      {(checkinTime || m.checkinOpen) && (
        <Button type="primary" ghost icon={<DesktopOutlined />} onClick={() => navigate(`meetings/${m.id}/screen`)}>
          打开签到大屏
        </Button>
      )}
      {editing && (
        <MeetingFormModal
          meeting={m}
          onClose={() => setEditing(false)}
          onSaved={(saved) => {
            setEditing(false);
            message.success('已保存');
            onChanged(saved);
          }}
        />
      )}
    </Space>
  );
}
