import { Alert, Descriptions, Drawer, Image, Space, Spin, Steps, Typography } from 'antd';
import { AID_FLOWS, AID_KIND_LABELS, AID_STATE_LABELS, WISH_CATEGORY_LABELS } from '@dangjian/shared';
import { api } from '../../api';
import { useRemote } from '../../useRemote';
import { LoadError } from '../LoadError';
import { AidActionButtons } from './AidActionButtons';
import { AidCommentList } from './AidCommentList';
import { itemTopic } from './aidText';

const time = (iso: string | null) => (iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false }) : '');

/** One item: content, images, the timeline along the shared flow, the admin's steps (availableActions), and an approved snapshot's comments. */
export function AidItemDrawer({ itemId, onClose, onChanged }: { itemId: number; onClose: () => void; onChanged: () => void }) {
  const { data: d, loading, error, reload } = useRemote(() => api.aid.item(itemId), [itemId]);
  const path = d ? AID_FLOWS[d.kind].timeline : [];
  const at = new Map(d?.timeline.map((t) => [t.state, t.at]) ?? []);
  const current = d ? path.indexOf(d.state) : -1;
  return (
    <Drawer open size={560} title={d ? `${AID_KIND_LABELS[d.kind]}：${d.title}` : '详情'} onClose={onClose} destroyOnHidden>
      <LoadError error={error} onRetry={reload} />
      {loading && !d && <Spin />}
      {d && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          {current < 0 && (
            <Alert type="warning" showIcon title={`${AID_STATE_LABELS[d.state]}${d.rejectReason ? `：${d.rejectReason}` : ''}`} />
          )}
          <Steps
            size="small"
            current={current < 0 ? undefined : current}
            status={current === path.length - 1 ? 'finish' : 'process'}
            items={path.map((s) => ({ title: AID_STATE_LABELS[s], description: time(at.get(s) ?? null) }))}
          />
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label="支部">{d.orgName}</Descriptions.Item>
            <Descriptions.Item label="发布人">{d.publisherName}</Descriptions.Item>
            {d.claimerName && <Descriptions.Item label="认领人">{d.claimerName}</Descriptions.Item>}
            {d.contact && (
              <Descriptions.Item label="心愿人联系方式">
                {d.contact.name} {d.contact.phone}
              </Descriptions.Item>
            )}
            {(d.category || d.column) && <Descriptions.Item label={d.column ? '栏目' : '类别'}>{itemTopic(d, WISH_CATEGORY_LABELS)}</Descriptions.Item>}
            {d.takenAt && <Descriptions.Item label="拍摄时间">{time(d.takenAt)}</Descriptions.Item>}
            {d.place && <Descriptions.Item label="地点">{d.place}</Descriptions.Item>}
            <Descriptions.Item label="发布时间">{time(d.createdAt)}</Descriptions.Item>
          </Descriptions>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{d.content}</Typography.Paragraph>
          {d.images.length > 0 && (
            <Image.PreviewGroup>
              <Space wrap>
                {d.images.map((i) => (
                  <Image key={i.key} src={i.url} width={96} height={96} style={{ objectFit: 'cover' }} />
                ))}
              </Space>
            </Image.PreviewGroup>
          )}
          <AidActionButtons
            item={d}
            actions={d.availableActions}
            onDone={() => {
              void reload();
              onChanged();
            }}
          />
          {d.kind === 'snapshot' && d.state === 'approved' && <AidCommentList itemId={d.id} />}
        </Space>
      )}
    </Drawer>
  );
}
