import { Alert, Col, DatePicker, Form, Input, Modal, Row, Select, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import type { DuesMonthView, DuesPaymentView } from '@dangjian/shared';
import { goesToCentral } from '@dangjian/shared';
import { api } from '../../api';
import { useAction } from '../../useAction';
import { useRemote } from '../../useRemote';
import { formatFen, parseYuan, yuanRule } from '../../money';
import { MemberSelect } from '../MemberSelect';
import { thisYear } from './duesTags';

interface Values {
  memberId?: number;
  year: number;
  months: string[];
  voluntary?: string;
  receiverName: string;
  receiptNo: string;
  paidAt: Dayjs;
}

const MONTH_STATE: Record<DuesMonthView['status'], string> = { paid: '已交', prepaid: '已预交', unpaid: '未交', upcoming: '预交' };

interface Props {
  /** The members offered are this organisation's subtree. */
  orgId: number;
  onClose: () => void;
  onSaved: (p: DuesPaymentView) => void;
}

/**
 * 现金入账 (DUES-6, 线下交纳线上登记): a member paid cash to the branch; the admin records who,
 * which months (of one year, at the member's standard; future months are 预交), any voluntary extra,
 * who received the money, the receipt number and the day.
 */
export function CashPaymentModal({ orgId, onClose, onSaved }: Props) {
  const [form] = Form.useForm<Values>();
  const year = thisYear();
  const memberId = Form.useWatch('memberId', form);
  const pickedYear = Form.useWatch('year', form) ?? year;
  const months = Form.useWatch('months', form) ?? [];
  const voluntaryFen = parseYuan(Form.useWatch('voluntary', form)) ?? 0;
  const dues = useRemote(() => (memberId ? api.dues.memberDues(memberId, pickedYear) : Promise.resolve(undefined)), [memberId, pickedYear]);
  const byMonth = new Map((dues.data?.months ?? []).map((m) => [m.month, m]));
  const tooOld = new Set(dues.data?.tooOldMonths ?? []);
  const duesFen = months.reduce((sum, m) => sum + (byMonth.get(m)?.amountFen ?? 0), 0);

  const { run: save, busy, error } = useAction(async (v: Values) => {
    onSaved(
      await api.dues.recordCash({
        memberId: v.memberId!,
        months: [...v.months].sort(),
        voluntaryFen: parseYuan(v.voluntary) || undefined,
        receiverName: v.receiverName.trim(),
        receiptNo: v.receiptNo.trim(),
        // The day as an instant of the admin's own calendar (a bare date would be read as UTC
        // midnight: 08:00 in Beijing, "in the future" before then); today is now.
        paidAt: v.paidAt.isSame(dayjs(), 'day') ? undefined : v.paidAt.startOf('day').toISOString(),
      }),
    );
  });

  const somethingPaid = {
    validator: (_: unknown, picked: string[] | undefined) =>
      (picked?.length ?? 0) > 0 || (parseYuan(form.getFieldValue('voluntary')) ?? 0) > 0 ? Promise.resolve() : Promise.reject(new Error('请选择交纳的月份，或填写自愿多交金额')),
  };

  return (
    <Modal open width={680} title="现金入账" okText="登记" confirmLoading={busy} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Typography.Paragraph type="secondary">党员以现金向党组织交纳党费后，在此登记；登记后该党员所选月份显示为已交（现金）。</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form<Values>
        form={form}
        layout="vertical"
        name="dues-cash"
        initialValues={{ year, months: [], paidAt: dayjs() }}
        onFinish={save}
        onValuesChange={(c) => ('memberId' in c || 'year' in c) && form.setFieldValue('months', [])}
      >
        <Row gutter={16}>
          <Col span={16}>
            <Form.Item name="memberId" label="党员" rules={[{ required: true, message: '请选择党员' }]}>
              <MemberSelect orgId={orgId} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="year" label="年度">
              <Select options={[year - 1, year, year + 1].map((y) => ({ value: y, label: `${y}年` }))} />
            </Form.Item>
          </Col>
        </Row>
        {dues.error && <Alert type="error" showIcon title={dues.error} style={{ marginBottom: 16 }} />}
        {dues.data && !dues.data.standard && (
          <Alert type="warning" showIcon title={`该党员尚未设置${pickedYear}年度党费标准，只能登记自愿多交`} style={{ marginBottom: 16 }} data-testid="cash-no-standard" />
        )}
        <Form.Item
          name="months"
          label="交纳月份"
          dependencies={['voluntary']}
          extra={dues.data?.standard ? `每月应交 ${formatFen(dues.data.standard.amountFen)}；超过六个月的欠交只能线下补交后在此登记` : undefined}
          rules={[somethingPaid]}
        >
          <Select
            mode="multiple"
            placeholder={memberId ? '选择月份' : '请先选择党员'}
            disabled={!memberId}
            loading={dues.loading}
            notFoundContent={dues.loading ? '加载中…' : '没有可选的月份'}
            options={(dues.data?.months ?? []).map((m) => {
              const done = m.status === 'paid' || m.status === 'prepaid';
              return {
                value: m.month,
                disabled: done || m.amountFen == null,
                label: `${Number(m.month.slice(5))}月 ${m.amountFen != null ? formatFen(m.amountFen) : '未设标准'}${done || m.status === 'upcoming' ? `（${MONTH_STATE[m.status]}）` : tooOld.has(m.month) ? '（逾期）' : ''}`,
              };
            })}
          />
        </Form.Item>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="voluntary" label="自愿多交（元）" rules={[yuanRule({ label: '自愿多交金额' })]}>
              <Input inputMode="decimal" prefix="¥" placeholder="可不填" maxLength={12} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="receiverName" label="收款人" rules={[{ required: true, whitespace: true, message: '请填写收款人' }]}>
              <Input maxLength={50} placeholder="经手收款的同志" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="receiptNo" label="收据编号" rules={[{ required: true, whitespace: true, message: '请填写收据编号' }]}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="paidAt" label="交纳日期" rules={[{ required: true, message: '请选择交纳日期' }]}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} allowClear={false} />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item label="合计">
              <Typography.Text strong style={{ fontSize: 16 }} data-testid="cash-total">
                {formatFen(duesFen + voluntaryFen)}
              </Typography.Text>
              {voluntaryFen > 0 && (
                <Typography.Text type="secondary">
                  （党费 {formatFen(duesFen)} + 自愿多交 {formatFen(voluntaryFen)}）
                </Typography.Text>
              )}
              {goesToCentral(voluntaryFen) && (
                <Tag color="red" style={{ marginInlineStart: 8 }}>
                  全额上交中央
                </Tag>
              )}
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
