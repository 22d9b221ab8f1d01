import { useState } from 'react';
import { App, Button, Card, Empty, Space, Spin, Switch, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { PointsRuleView } from '@dangjian/shared';
import { POINTS_CATEGORY_LABELS } from '@dangjian/shared';
import { api, errorMessage } from '../api';
import { useRemote } from '../useRemote';
import { LoadError } from '../components/LoadError';
import { RuleFormModal } from '../components/points/RuleFormModal';
import { capText, rulesByCategory } from '../components/points/pointsText';

/**
 * 积分规则 (PTS-2): the tenant's rules by category (教育学习 / 组织生活 / 先锋作用) with points, cap
 * and period. The tenant admin switches rules on and off, changes the values of built-in rules and
 * adds custom declared rules; other admins only read.
 */
export function PointsRulesPage({ canEdit }: { canEdit: boolean }) {
  const { message } = App.useApp();
  const { data, loading, error, reload } = useRemote(() => api.points.rules(), []);
  const [editing, setEditing] = useState<PointsRuleView | 'new' | null>(null);
  const [switching, setSwitching] = useState<string | null>(null);

  const toggle = async (r: PointsRuleView, enabled: boolean) => {
    setSwitching(r.code);
    try {
      await api.points.updateRule({ code: r.code, enabled });
      message.success(`「${r.name}」已${enabled ? '启用' : '停用'}`);
      await reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setSwitching(null);
    }
  };

  const columns: TableColumnsType<PointsRuleView> = [
    {
      title: '规则',
      key: 'name',
      render: (_, r) => (
        <Space size={6}>
          <span style={r.enabled ? undefined : { color: 'rgba(0,0,0,0.45)' }}>{r.name}</span>
          {r.declared && <Tag color="gold">申报</Tag>}
          {!r.builtin && <Tag>自定义</Tag>}
        </Space>
      ),
    },
    { title: '分值', key: 'points', width: 90, align: 'right', render: (_, r) => `${r.points} 分` },
    { title: '上限', key: 'cap', width: 150, render: (_, r) => capText(r) },
    {
      title: '启用',
      key: 'enabled',
      width: 90,
      render: (_, r) => (
        <Switch
          size="small"
          checked={r.enabled}
          disabled={!canEdit}
          loading={switching === r.code}
          onChange={(on) => void toggle(r, on)}
          aria-label={`${r.name}启用`}
        />
      ),
    },
    ...(canEdit
      ? [
          {
            title: '操作',
            key: 'op',
            width: 70,
            render: (_: unknown, r: PointsRuleView) => (
              <Button type="link" size="small" onClick={() => setEditing(r)}>
                修改
              </Button>
            ),
          },
        ]
      : []),
  ];

  const groups = rulesByCategory(data ?? []);

  return (
    <Card
      size="small"
      title="积分规则"
      style={{ maxWidth: 960 }}
      extra={
        canEdit && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            新增申报规则
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">
        {canEdit ? '内置规则只能修改分值、上限和启用状态；自定义的申报规则由党员申报、支部审核后计分。' : '积分规则由单位管理员设置，此处仅供查看。'}
        积分只奖励完成的事项和答对的题目，不按停留时长计分。
      </Typography.Paragraph>
      <LoadError error={error} onRetry={reload} />
      {loading && !data ? (
        <Spin style={{ display: 'block', margin: '48px auto' }} />
      ) : groups.length === 0 ? (
        !error && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无积分规则" />
      ) : (
        groups.map((g) => (
          <div key={g.category} style={{ marginBottom: 20 }} data-testid={`points-rules-${g.category}`}>
            <Typography.Title level={5} style={{ marginBottom: 8 }}>
              {POINTS_CATEGORY_LABELS[g.category]}
            </Typography.Title>
            <Table<PointsRuleView> rowKey="code" size="small" loading={loading} columns={columns} dataSource={g.rules} pagination={false} />
          </div>
        ))
      )}
      {editing && (
        <RuleFormModal
          rule={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
          onSaved={(name) => {
            setEditing(null);
            message.success(editing === 'new' ? `已新增申报规则「${name}」` : `「${name}」已保存`);
            void reload();
          }}
        />
      )}
    </Card>
  );
}
