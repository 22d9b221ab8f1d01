import { useEffect, useState } from 'react';
import { Alert, App, Button, Empty, Select, Space, Table, Tag, Typography } from 'antd';
import type { EvaluationGrade, EvaluationView, MeetingDetail } from '@dangjian/shared';
import { EVALUATION_GRADE_LABELS, EVALUATION_GRADES, evaluationProblems } from '@dangjian/shared';
import { api } from '../../api';
import { useRemote } from '../../useRemote';
import { useAction } from '../../useAction';
import { LoadError } from '../LoadError';

type Row = EvaluationView['members'][number];

/**
 * 民主评议党员 (MEET-12): self-evaluations and mutual ratings come from the mini-program; the branch
 * sets each full member's grade here. The rules (every full member graded, probationary members
 * not, 优秀 at most a third) are checked as the admin picks, before saving.
 */
export function EvaluationPanel({ meeting: m }: { meeting: MeetingDetail }) {
  const { message } = App.useApp();
  const { data, loading, error, reload } = useRemote(() => api.meetings.evaluation(m.id), [m.id]);
  const [grades, setGrades] = useState<Record<number, EvaluationGrade | null>>({});
  useEffect(() => setGrades(Object.fromEntries((data?.members ?? []).map((r) => [r.memberId, r.grade]))), [data]);
  const editable = m.isAdmin && ['held', 'recorded', 'rejected'].includes(m.state);
  const rows = data?.members ?? [];
  const problems = evaluationProblems(rows.map((r) => ({ name: r.name, probationary: r.probationary, grade: grades[r.memberId] ?? null })));
  const dirty = rows.some((r) => (grades[r.memberId] ?? null) !== r.grade);
  const { run: save, busy, error: saveError } = useAction(async () => {
    await api.meetings.setGrades(m.id, { grades: rows.map((r) => ({ memberId: r.memberId, grade: grades[r.memberId] ?? null })) });
    message.success('评定等次已保存');
    await reload();
  });

  if (m.phase === 'upcoming') return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="会议召开后进行民主评议" />;
  return (
    <>
      <LoadError error={error} onRetry={reload} />
      <Table<Row>
        rowKey="memberId"
        size="small"
        loading={loading}
        dataSource={rows}
        pagination={false}
        data-testid="evaluation"
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无参评党员" /> }}
        columns={[
          { title: '姓名', dataIndex: 'name', width: 140 },
          { title: '身份', key: 'kind', width: 100, render: (_, r) => (r.probationary ? <Tag color="orange">预备党员</Tag> : <Tag>正式党员</Tag>) },
          { title: '自评', key: 'self', width: 90, render: (_, r) => (r.selfSubmitted ? <Tag color="green">已提交</Tag> : <Tag>未提交</Tag>) },
          { title: '收到互评', dataIndex: 'mutualGiven', width: 90 },
          {
            title: '评定等次',
            key: 'grade',
            render: (_, r) =>
              r.probationary ? (
                <Typography.Text type="secondary">预备党员不评定等次</Typography.Text>
              ) : (
                <Select<EvaluationGrade | null>
                  value={grades[r.memberId] ?? null}
                  disabled={!editable}
                  style={{ width: 140 }}
                  placeholder="选择等次"
                  allowClear
                  onChange={(g) => setGrades((prev) => ({ ...prev, [r.memberId]: g ?? null }))}
                  options={EVALUATION_GRADES.map((g) => ({ value: g, label: EVALUATION_GRADE_LABELS[g] }))}
                  aria-label={`${r.name}的评定等次`}
                />
              ),
          },
        ]}
      />
      {rows.length > 0 && (
        <Alert
          style={{ marginTop: 12 }}
          type={problems.length ? 'warning' : 'success'}
          showIcon
          data-testid="evaluation-problems"
          title={problems.length ? '评议结果尚不能上传：' : '评定等次符合要求，可上传评议结果'}
          description={problems.length ? <ul style={{ margin: 0, paddingInlineStart: 18 }}>{problems.map((p) => <li key={p}>{p}</li>)}</ul> : undefined}
        />
      )}
      {saveError && <Alert type="error" showIcon title={saveError} style={{ marginTop: 12 }} role="alert" />}
      {editable && rows.length > 0 && (
        <Space style={{ marginTop: 12 }}>
          <Button type="primary" loading={busy} disabled={!dirty} onClick={() => void save()}>
            保存评定等次
          </Button>
          {dirty && <Typography.Text type="secondary">有未保存的修改</Typography.Text>}
        </Space>
      )}
    </>
  );
}
