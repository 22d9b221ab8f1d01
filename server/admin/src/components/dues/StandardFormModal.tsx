import { Alert, Col, Form, Input, Modal, Row, Select, Switch, Typography } from 'antd';
import type { DuesCategory, DuesHardship, DuesStandardRow, DuesStandardView } from '@dangjian/shared';
import { DUES_CATEGORIES, DUES_CATEGORY_LABELS, DUES_FARMER_RANGE_FEN, monthlyDues } from '@dangjian/shared';
import { api } from '../../api';
import { useAction } from '../../useAction';
import { formatFen, parseYuan, yuanRule, yuanText } from '../../money';

interface Values {
  category: DuesCategory;
  income?: string;
  farmer?: string;
  hardshipOn: boolean;
  hardshipAmount?: string;
  approvedBy?: string;
  hardshipNote?: string;
  reason?: string;
}

const hasIncome = (c: DuesCategory | undefined) => c === 'employed' || c === 'retired';

/** What the calculator says for the form as typed (DUES-1), in fen. */
function preview(v: Partial<Values>) {
  if (!v.category) return null;
  return monthlyDues({
    category: v.category,
    incomeFen: hasIncome(v.category) ? (parseYuan(v.income) ?? undefined) : undefined,
    farmerFen: v.category === 'farmer' ? (parseYuan(v.farmer) ?? -1) : undefined,
  });
}

interface Props {
  row: DuesStandardRow;
  year: number;
  onClose: () => void;
  onSaved: (s: DuesStandardView) => void;
}

/**
 * 设置 / 更正党费标准 (DUES-1, DUES-2): the category, the monthly income in yuan (exact to the fen)
 * or a farmer's amount, an optional hardship reduction with the approving body; the amount is
 * computed live with the same calculator the server uses. A locked year's standard is changed only
 * by a correction with a reason, which is audited.
 */
export function StandardFormModal({ row, year, onClose, onSaved }: Props) {
  const [form] = Form.useForm<Values>();
  const current = row.standard;
  const correcting = current?.locked === true;
  // preserve: the farmer amount and income stay in the store while their fields are hidden.
  const watched = Form.useWatch([], { form, preserve: true }) as Partial<Values> | undefined;
  const initial: Values = current
    ? {
        category: current.category,
        income: current.incomeFen != null ? yuanText(current.incomeFen) : undefined,
        farmer: current.category === 'farmer' ? yuanText(current.standardFen) : '0.20',
        hardshipOn: current.hardship !== null,
        hardshipAmount: current.hardship ? yuanText(current.hardship.amountFen) : undefined,
        approvedBy: current.hardship?.approvedBy,
        hardshipNote: current.hardship?.note,
      }
    : { category: 'employed', farmer: '0.20', hardshipOn: false };
  const values = watched ?? initial;
  const category = values.category;
  const result = preview(values);
  const hardshipFen = values.hardshipOn ? parseYuan(values.hardshipAmount) : null;

  const { run: save, busy, error } = useAction(async (v: Values) => {
    const incomeFen = hasIncome(v.category) ? (parseYuan(v.income) ?? undefined) : undefined;
    const farmerFen = v.category === 'farmer' ? (parseYuan(v.farmer) ?? undefined) : undefined;
    const hardship: DuesHardship | null = v.hardshipOn
      ? { amountFen: parseYuan(v.hardshipAmount) ?? 0, approvedBy: v.approvedBy!.trim(), note: v.hardshipNote?.trim() || undefined }
      : null;
    const body = { category: v.category, incomeFen, farmerFen, hardship };
    onSaved(
      correcting && current
        ? await api.dues.correctStandard(current.id, { ...body, reason: v.reason!.trim() })
        : await api.dues.setStandard({ memberId: row.memberId, year, ...body }),
    );
  });

  // Reads the form itself: it also runs when the category or income changes (dependencies).
  const belowStandard = {
    validator: (_: unknown, text: string | undefined) => {
      const fen = parseYuan(text);
      const std = preview(form.getFieldsValue(true) as Partial<Values>);
      const standardFen = std?.ok ? std.amountFen : null;
      return fen != null && standardFen != null && fen >= standardFen
        ? Promise.reject(new Error(`减免后金额应低于标准${formatFen(standardFen)}（填0为免交）`))
        : Promise.resolve();
    },
  };

  return (
    <Modal
      open
      width={640}
      title={`${correcting ? '更正' : '设置'}党费标准 · ${row.memberName} · ${year}年度`}
      okText={correcting ? '提交更正' : '保存'}
      okButtonProps={{ danger: correcting }}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {correcting && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="本年度党费标准已锁定"
          description="锁定后的标准只能更正：须填写更正原因，更正前后的内容和原因将记入审计日志。"
          data-testid="correction-warning"
        />
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form<Values>
        form={form}
        layout="vertical"
        name="dues-standard"
        initialValues={initial}
        onFinish={save}
      >
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="category" label="党员类别" rules={[{ required: true, message: '请选择党员类别' }]}>
              <Select options={DUES_CATEGORIES.map((c) => ({ value: c, label: DUES_CATEGORY_LABELS[c] }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            {hasIncome(category) && (
              <Form.Item
                name="income"
                label={category === 'retired' ? '每月离退休费（元）' : '每月税后工资收入（元）'}
                rules={[{ required: true, whitespace: true, message: '请填写月收入' }, yuanRule({ label: '月收入' })]}
              >
                <Input inputMode="decimal" prefix="¥" placeholder="如 4567.89" maxLength={14} />
              </Form.Item>
            )}
            {category === 'farmer' && (
              <Form.Item
                name="farmer"
                label="每月交纳金额（元）"
                extra="由党支部确定，每月0.20元至1.00元"
                rules={[{ required: true, whitespace: true, message: '请填写每月交纳金额' }, yuanRule({ minFen: DUES_FARMER_RANGE_FEN[0], maxFen: DUES_FARMER_RANGE_FEN[1] })]}
              >
                <Input inputMode="decimal" prefix="¥" maxLength={6} />
              </Form.Item>
            )}
          </Col>
        </Row>

        <div className="dues-preview" data-testid="dues-preview">
          {result?.ok ? (
            <>
              <div>
                按规定每月应交 <strong>{formatFen(result.amountFen)}</strong>
                {values.hardshipOn && hardshipFen != null && hardshipFen < result.amountFen && (
                  <>
                    ，困难减免后每月交纳 <strong>{hardshipFen === 0 ? '免交' : formatFen(hardshipFen)}</strong>
                  </>
                )}
              </div>
              <Typography.Text type="secondary">{result.rule}</Typography.Text>
            </>
          ) : (
            <Typography.Text type="warning">{result?.problem ?? '请选择党员类别'}</Typography.Text>
          )}
        </div>

        <Form.Item name="hardshipOn" label="困难减免" valuePropName="checked" tooltip="生活困难的党员，经党支部研究并报上一级党委批准，可以少交或免交党费" style={{ marginBottom: values.hardshipOn ? 12 : 0 }}>
          <Switch checkedChildren="减免" unCheckedChildren="无" />
        </Form.Item>
        {values.hardshipOn && (
          <Row gutter={16}>
            <Col span={8}>
              <Form.Item name="hardshipAmount" label="减免后每月金额（元）" extra="填 0 为免交" dependencies={['category', 'income', 'farmer']} rules={[{ required: true, whitespace: true, message: '请填写减免后金额' }, yuanRule(), belowStandard]}>
                <Input inputMode="decimal" prefix="¥" maxLength={10} />
              </Form.Item>
            </Col>
            <Col span={16}>
              <Form.Item name="approvedBy" label="批准组织" rules={[{ required: true, whitespace: true, message: '请填写批准减免的上一级党委' }, { min: 2, message: '请填写批准组织的名称' }]}>
                <Input maxLength={100} placeholder="如：XX市委机关工委" />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="hardshipNote" label="说明">
                <Input maxLength={200} placeholder="可选：批准文号、减免原因等" />
              </Form.Item>
            </Col>
          </Row>
        )}
        {correcting && (
          <Form.Item name="reason" label="更正原因" rules={[{ required: true, whitespace: true, message: '请填写更正原因' }, { min: 2, message: '更正原因至少2个字' }]} style={{ marginBottom: 0 }}>
            <Input.TextArea rows={2} maxLength={200} showCount placeholder="如：工资收入登记错误，按工资单更正" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
