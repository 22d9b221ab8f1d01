import { Alert, Col, Form, Input, InputNumber, Row, Tag } from 'antd';
import type { MeetingDetail, MeetingRecordRequest } from '@dangjian/shared';
import { generalAssemblyValidity } from '@dangjian/shared';

export interface ResolutionValues {
  resolutionText?: string;
  votesFor?: number;
  votesAgainst?: number;
  abstentions?: number;
  presentMemberIds: number[];
}

/** Full members present among those ticked as present (probationary members have no vote). */
function fullPresent(m: MeetingDetail, present: number[] | undefined): number {
  if (!m.invitees || !present) return m.quorum?.fullPresent ?? 0;
  const ids = new Set(present);
  return m.invitees.filter((i) => ids.has(i.memberId) && !i.probationary).length;
}

/** The resolution to save: none without its text; passed by MEET-6 from the votes and the quorum. */
export function toResolution(v: ResolutionValues, m: MeetingDetail): MeetingRecordRequest['resolution'] {
  const text = v.resolutionText?.trim();
  if (!text) return null;
  const votesFor = v.votesFor ?? 0;
  const { passed } = generalAssemblyValidity({ fullMembers: m.quorum?.fullMembers ?? 0, fullPresent: fullPresent(m, v.presentMemberIds), votesFor });
  return { text, votesFor, votesAgainst: v.votesAgainst ?? 0, abstentions: v.abstentions ?? 0, passed: passed === true };
}

/**
 * MEET-6: a general assembly is valid with more than half of the full members present, and a
 * resolution passes with more than half of the full members voting for it; both shown live.
 */
export function ResolutionFields({ meeting: m }: { meeting: MeetingDetail }) {
  const form = Form.useFormInstance<ResolutionValues>();
  const present = Form.useWatch('presentMemberIds', form);
  const votesFor = Form.useWatch('votesFor', form);
  const text = Form.useWatch('resolutionText', form);
  const fullMembers = m.quorum?.fullMembers ?? 0;
  const full = fullPresent(m, present);
  const { quorum, passed } = generalAssemblyValidity({ fullMembers, fullPresent: full, votesFor: votesFor ?? undefined });
  const need = Math.floor(fullMembers / 2) + 1;
  return (
    <>
      <Alert
        type={quorum ? 'success' : 'warning'}
        showIcon
        style={{ marginBottom: 16 }}
        data-testid="quorum"
        title={`应到正式党员 ${fullMembers} 人，实到 ${full} 人：${quorum ? '超过半数，会议有效' : `未超过半数（至少 ${need} 人），会议不能作出决议`}`}
      />
      <Form.Item name="resolutionText" label="决议事项">
        <Input.TextArea rows={3} maxLength={2000} placeholder="表决的决议内容（无决议可不填）" />
      </Form.Item>
      <Row gutter={16} align="middle">
        {(['votesFor', 'votesAgainst', 'abstentions'] as const).map((name) => (
          <Col key={name} span={5}>
            <Form.Item name={name} label={{ votesFor: '赞成', votesAgainst: '反对', abstentions: '弃权' }[name]} rules={[{ required: !!text?.trim(), message: '请填写票数' }]}>
              <InputNumber min={0} max={9999} precision={0} suffix="票" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        ))}
        <Col span={9}>
          {text?.trim() && votesFor != null && (
            <Tag color={passed ? 'green' : 'red'} style={{ fontSize: 14, padding: '4px 10px' }} data-testid="resolution-result">
              {passed ? `通过（赞成超过应到正式党员半数 ${need} 票）` : `未通过（赞成须达 ${need} 票且会议有效）`}
            </Tag>
          )}
        </Col>
      </Row>
    </>
  );
}
