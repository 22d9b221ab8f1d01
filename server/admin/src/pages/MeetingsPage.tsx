import { useState } from 'react';
import { App, Button, Card, Select, Space, Tooltip, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Me, MeetingPhase, MeetingState, MeetingType } from '@dangjian/shared';
import { MEETING_PHASE_LABELS, MEETING_STATE_LABELS, MEETING_STATES, MEETING_TYPE_RULES, MEETING_TYPES } from '@dangjian/shared';
import { api } from '../api';
import { useRemote } from '../useRemote';
import { usePaging } from '../usePaging';
import { findOrg } from '../orgTree';
import { navigate } from '../route';
import { OrgTreePanel } from '../components/OrgTreePanel';
import { LoadError } from '../components/LoadError';
import { MeetingTable } from '../components/meetings/MeetingTable';
import { MeetingFormModal } from '../components/meetings/MeetingFormModal';

const options = <K extends string>(keys: readonly K[], label: (k: K) => string) => keys.map((k) => ({ value: k, label: label(k) }));

/** 组织生活 (MEET-1…MEET-12): the meetings of the org picked on the left (all in scope at first), filters, 新建会议. */
export function MeetingsPage({ me }: { me: Me }) {
  const { message } = App.useApp();
  const tree = useRemote(() => api.orgs.tree(), []);
  const nodes = tree.data ?? [];
  const own = me.roles.find((r) => r.role === 'branch_admin' && findOrg(nodes, r.orgId)?.type === 'branch')?.orgId ?? null;
  // undefined: not picked yet (a branch admin starts on their branch); null: 全部
  const [picked, setPicked] = useState<number | null | undefined>(undefined);
  const selected = findOrg(nodes, picked === undefined ? own : picked);
  const [type, setType] = useState<MeetingType>();
  const [phase, setPhase] = useState<MeetingPhase>();
  const [state, setState] = useState<MeetingState>();
  const { page, pageSize, pagination, filter } = usePaging(20);
  const orgId = selected?.id;
  const { data, loading, error, reload } = useRemote(() => api.meetings.list({ orgId, type, phase, state, page, pageSize }), [orgId, type, phase, state, page, pageSize]);
  const [creating, setCreating] = useState(false);
  const canCreate = selected?.type === 'branch';

  return (
    <div style={{ display: 'flex', gap: 12, alignItems: 'stretch' }}>
      <div style={{ width: 252, flex: 'none' }}>
        <OrgTreePanel
          title="选择组织"
          canImport={false}
          tree={nodes}
          loading={tree.loading}
          error={tree.error}
          selectedId={selected?.id ?? null}
          onSelect={filter(setPicked)}
          onReload={() => void tree.reload()}
        />
      </div>
      <Card
        size="small"
        style={{ flex: 1, minWidth: 0 }}
        title={
          <Space size={8} data-testid="meetings-title">
            <Typography.Text strong>{selected ? selected.name : '全部组织'}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
              组织生活
            </Typography.Text>
            {selected && picked != null && (
              <Button type="link" size="small" onClick={() => filter(setPicked)(null)}>
                查看全部
              </Button>
            )}
          </Space>
        }
        extra={
          <Tooltip title={canCreate ? undefined : '请先在左侧选择一个党支部'}>
            <Button type="primary" icon={<PlusOutlined />} disabled={!canCreate} onClick={() => setCreating(true)}>
              新建会议
            </Button>
          </Tooltip>
        }
      >
        <Space wrap style={{ marginBottom: 12 }}>
          <Select<MeetingType> allowClear placeholder="会议类型" style={{ width: 200 }} value={type} onChange={filter(setType)} options={options(MEETING_TYPES, (t) => MEETING_TYPE_RULES[t].label)} />
          <Select<MeetingPhase> allowClear placeholder="进度" style={{ width: 110 }} value={phase} onChange={filter(setPhase)} options={options(['upcoming', 'ongoing', 'ended'] as const, (p) => MEETING_PHASE_LABELS[p])} />
          <Select<MeetingState> allowClear placeholder="环节" style={{ width: 150 }} value={state} onChange={filter(setState)} options={options(MEETING_STATES, (s) => MEETING_STATE_LABELS[s])} />
        </Space>
        <LoadError error={error} onRetry={reload} />
        <MeetingTable items={data?.items ?? []} loading={loading} pagination={pagination(data?.total ?? 0, '次会议')} emptyText={type || phase || state ? '没有符合条件的会议' : '暂无会议'} />
      </Card>
      {creating && selected && (
        <MeetingFormModal
          branch={selected}
          onClose={() => setCreating(false)}
          onSaved={(m) => {
            setCreating(false);
            message.success('会议已创建，请选择参会人员并发送通知');
            navigate(`meetings/${m.id}`);
          }}
        />
      )}
    </div>
  );
}
