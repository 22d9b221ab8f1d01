import { Descriptions, Image, Space, Tag, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import type { MeetingDetail } from '@dangjian/shared';

const text = (v: string | null) => (v ? <span style={{ whiteSpace: 'pre-wrap' }}>{v}</span> : <Typography.Text type="secondary">未填写</Typography.Text>);

/** The record as reviewers (and the branch outside its recording steps) read it. */
export function MeetingRecordView({ meeting: m, note }: { meeting: MeetingDetail; note: string }) {
  const items: DescriptionsProps['items'] = [{ key: 'minutes', label: '会议纪要', children: text(m.minutes) }];
  if (m.type === 'lecture') items.push({ key: 'summary', label: '党课总结', children: text(m.summary) });
  if (m.type === 'life_and_review') items.push({ key: 'followup', label: '会后整改', children: text(m.followup) });
  if (m.quorum) {
    items.push({
      key: 'quorum',
      label: '法定人数',
      children: `应到正式党员 ${m.quorum.fullMembers} 人，实到 ${m.quorum.fullPresent} 人，${m.quorum.reached ? '超过半数' : '未超过半数'}`,
    });
  }
  if (m.type === 'general_assembly') {
    const r = m.resolution;
    items.push({
      key: 'resolution',
      label: '决议',
      children: r ? (
        <Space orientation="vertical" size={4}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{r.text}</span>
          <span>
            赞成 {r.votesFor} 票，反对 {r.votesAgainst} 票，弃权 {r.abstentions} 票 <Tag color={r.passed ? 'green' : 'red'}>{r.passed ? '通过' : '未通过'}</Tag>
          </span>
        </Space>
      ) : (
        <Typography.Text type="secondary">无</Typography.Text>
      ),
    });
  }
  if (m.invitees) {
    const present = m.invitees.filter((i) => i.present).map((i) => i.name);
    items.push({ key: 'present', label: `实到人员（${present.length}）`, children: present.length ? present.join('、') : <Typography.Text type="secondary">无</Typography.Text> });
  }
  items.push({
    key: 'images',
    label: '会议照片',
    children: m.images.length ? (
      <Image.PreviewGroup>
        <Space wrap size={8}>
          {m.images.map((img) => (
            <Image key={img.key} src={img.url} width={96} height={96} style={{ objectFit: 'cover', borderRadius: 4 }} alt="" />
          ))}
        </Space>
      </Image.PreviewGroup>
    ) : (
      <Typography.Text type="secondary">无</Typography.Text>
    ),
  });
  return (
    <>
      <Typography.Paragraph type="secondary">{note}</Typography.Paragraph>
      <Descriptions bordered size="small" column={1} items={items} styles={{ label: { width: 140 } }} data-testid="meeting-record" />
    </>
  );
}
