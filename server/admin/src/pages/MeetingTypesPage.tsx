import { useState } from 'react';
import { App, Card, List, Switch, Typography } from 'antd';
import type { MeetingType } from '@dangjian/shared';
import { MEETING_TYPE_RULES } from '@dangjian/shared';
import { api, errorMessage } from '../api';
import { useRemote } from '../useRemote';
import { LoadError } from '../components/LoadError';
import { TypeTag, typeRuleText } from '../components/meetings/meetingTags';

/** 会议类型设置 (MEET-10): the tenant admin decides which meeting types its organisations may hold. */
export function MeetingTypesPage() {
  const { message } = App.useApp();
  const { data, loading, error, reload } = useRemote(() => api.meetings.types(), []);
  const [saving, setSaving] = useState<MeetingType | null>(null);

  const toggle = async (type: MeetingType, enabled: boolean) => {
    setSaving(type);
    try {
      await api.meetings.setType(type, enabled);
      message.success(`${MEETING_TYPE_RULES[type].label}已${enabled ? '启用' : '停用'}`);
      await reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setSaving(null);
    }
  };

  return (
    <Card size="small" title="会议类型设置" style={{ maxWidth: 880 }}>
      <Typography.Paragraph type="secondary">停用的类型不能再新建会议。</Typography.Paragraph>
      <LoadError error={error} onRetry={reload} />
      <List
        loading={loading && !data}
        dataSource={data ?? []}
        data-testid="meeting-types"
        renderItem={(s) => (
          <List.Item
            extra={
              <Switch
                checked={s.enabled}
                loading={saving === s.type}
                checkedChildren="启用"
                unCheckedChildren="停用"
                onChange={(on) => void toggle(s.type, on)}
                aria-label={MEETING_TYPE_RULES[s.type].label}
              />
            }
          >
            <List.Item.Meta title={<TypeTag type={s.type} />} description={typeRuleText(s.type)} />
          </List.Item>
        )}
      />
    </Card>
  );
}
