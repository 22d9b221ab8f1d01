import { Alert, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import type { CapPeriod, PointsCategory, PointsRuleView } from '@dangjian/shared';
import { CAP_PERIOD_LABELS, POINTS_CATEGORY_LABELS } from '@dangjian/shared';
import { api } from '../../api';
import { useAction } from '../../useAction';
import { capPeriodOptions, categoryOptions } from './pointsText';

interface Values {
  category: PointsCategory;
  name: string;
  points: number;
  /** Empty: no cap. */
  cap?: number | null;
  capPeriod: CapPeriod;
}

interface Props {
  /** The rule to change; absent: a new custom declared rule. */
  rule?: PointsRuleView;
  onClose: () => void;
  onSaved: (name: string) => void;
}

/**
 * 修改积分规则 / 新增申报规则 (PTS-2): a built-in rule takes only its points and cap (its name,
 * category and cap period are fixed); a custom declared rule is named, placed in a category and
 * given its points, cap and cap period. An empty cap means no cap.
 */
export function RuleFormModal({ rule, onClose, onSaved }: Props) {
  const [form] = Form.useForm<Values>();
  const builtin = rule?.builtin === true;
  const period = Form.useWatch('capPeriod', form) ?? rule?.capPeriod ?? 'day';
  const initial: Partial<Values> = rule
    ? { category: rule.category, name: rule.name, points: rule.points, cap: rule.cap, capPeriod: rule.capPeriod }
    : { category: 'vanguard', capPeriod: 'year' };

  const { run: save, busy, error } = useAction(async (v: Values) => {
    const cap = v.cap ?? null;
    if (!rule) await api.points.createRule({ category: v.category, name: v.name.trim(), points: v.points, cap, capPeriod: v.capPeriod });
    else if (builtin) await api.points.updateRule({ code: rule.code, points: v.points, cap });
    else await api.points.updateRule({ code: rule.code, points: v.points, cap, name: v.name.trim(), capPeriod: v.capPeriod });
    onSaved(rule && builtin ? rule.name : v.name.trim());
  });

  return (
    <Modal open width={520} title={rule ? `修改积分规则 · ${rule.name}` : '新增申报规则'} okText={rule ? '保存' : '新增'} confirmLoading={busy} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      {builtin && (
        <Typography.Paragraph type="secondary">
          内置规则（{POINTS_CATEGORY_LABELS[rule.category]}）只能修改分值和上限；上限按{CAP_PERIOD_LABELS[rule.capPeriod]}计算。
        </Typography.Paragraph>
      )}
      {!rule && <Typography.Paragraph type="secondary">党员按申报规则提交积分申报，经支部审核通过后计入积分。</Typography.Paragraph>}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form<Values> form={form} layout="vertical" name="points-rule" initialValues={initial} onFinish={save}>
        {!builtin && (
          <>
            <Form.Item name="category" label="积分类别" rules={[{ required: true, message: '请选择积分类别' }]}>
              <Select options={categoryOptions} disabled={!!rule} />
            </Form.Item>
            <Form.Item name="name" label="规则名称" rules={[{ required: true, whitespace: true, message: '请填写规则名称' }, { max: 60, message: '规则名称最多60个字' }]}>
              <Input placeholder="如：参加志愿服务" maxLength={60} showCount />
            </Form.Item>
          </>
        )}
        <Form.Item name="points" label="每次分值" rules={[{ required: true, message: '请填写分值' }]}>
          <InputNumber min={1} max={1000} precision={0} suffix="分" style={{ width: 200 }} />
        </Form.Item>
        {!builtin && (
          <Form.Item name="capPeriod" label="上限周期" rules={[{ required: true, message: '请选择上限周期' }]}>
            <Select options={capPeriodOptions} style={{ width: 200 }} />
          </Form.Item>
        )}
        <Form.Item name="cap" label={`上限（${CAP_PERIOD_LABELS[period]}最多）`} extra="留空表示不设上限">
          <InputNumber min={1} max={100000} precision={0} suffix="分" placeholder="不设上限" style={{ width: 200 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
