import type { AddressInfo } from 'node:net';
import type { DuesAccountView, DuesOrderResult, DuesPaymentView, DuesTransferView, MemberDues, OrgNode, ReconRunView } from '@dangjian/shared';
import { beijingDate } from '@dangjian/shared';
import { Transactions } from '../src/database/write-gate.js';
import { DuesJournal, DuesLedgerLine } from '../src/modules/dues/entities/dues-ledger.entity.js';
import { PlatformIdentity } from '../src/modules/identity/entities/platform-identity.entity.js';
import { PayOrder } from '../src/modules/payments/entities/pay-order.entity.js';
import { PaySimulatorsRef } from '../src/modules/payments/pay-simulators.ref.js';
import { PaymentsService } from '../src/modules/payments/payments.service.js';
import { DEMO_ACCOUNT_FORM } from '../src/seed/demo-dues.js';
import { activateMember, bearer, login, newIdNumber, startTestApp, type TestApp } from './harness.js';
import { afterAll, beforeAll, describe, expect, it, mock } from './support.js';

/**
 * Party dues and payments (DUES-1…DUES-11, PAY-1…PAY-4) through the API, with the real WeChat Pay
 * and Alipay SDKs talking to the local gateway simulators, which check our signatures and send
 * signed (WeChat: encrypted) notifications to this app listening on a random port. Time is the
 * server's Clock, set to the 10th of November 2026 (inside the 1st–20th window).
 */
describe('party dues and payments (DUES, PAY)', () => {
  let t: TestApp;
  /**
   * The whole process's clock (the app and the simulators in it), so orders' expiry times, signed
   * timestamps and the payment window agree: the 10th of November 2026, moved on by the tests.
   */
  const setNow = (at: Date | number) => mock.timers.setTime(typeof at === 'number' ? at : at.getTime());
  const orgs = new Map<string, OrgNode>();
  const idOf = (name: string) => orgs.get(name)!.id;
  const flatten = (nodes: OrgNode[]): OrgNode[] => nodes.flatMap((n) => [n, ...flatten(n.children ?? [])]);
  const tok = {} as Record<'admin' | 'platform' | 'sec' | 'a' | 'b' | 'c' | 'other', string>;
  const ids = {} as Record<'a' | 'b' | 'c' | 'other' | 'userA', number>;
  const idNumbers = {} as Record<'c', string>;
  const sims = () => t.get(PaySimulatorsRef).current!;

  const get = (token: string, url: string) => t.http.get(`/api/v1${url}`).set(bearer(token));
  const post = (token: string, url: string, body?: object) => t.http.post(`/api/v1${url}`).set(bearer(token)).send(body);
  const put = (token: string, url: string, body?: object) => t.http.put(`/api/v1${url}`).set(bearer(token)).send(body);
  let keySeq = 0;
  const key = () => `test-key-${Date.now()}-${++keySeq}`;
  const order = (token: string, body: object) => post(token, '/dues/orders', { platform: 'h5', idempotencyKey: key(), ...body });
  const journals = async (paymentId: number, kind = 'payment') => t.get(Transactions).run((em) => em.getRepository(DuesJournal).count({ where: { paymentId, kind: kind as never } }));
  const payment = async (token: string, id: number): Promise<DuesPaymentView> => (await get(token, `/dues/payments/${id}`).expect(200)).body;

  const FORM = DEMO_ACCOUNT_FORM;

  /** Who each token belongs to, to log in again after the clock jumps past a token's lifetime. */
  const creds = new Map<keyof typeof tok, [string, string]>();
  const relogin = async () => {
    for (const [k, [account, password]] of creds) tok[k] = await login(t, account, password);
  };
  const addMember = async (orgName: string, name: string) => {
    const idNumber = newIdNumber();
    const res = await post(tok.admin, '/members', { orgId: idOf(orgName), name, idNumber, memberType: 'full', joinDate: '2015-07-01' }).expect(201);
    const act = await activateMember(t, idNumber);
    return { id: res.body.id as number, token: act.token, userId: act.userId, idNumber, phone: act.phone, password: act.password };
  };
  const openAccount = async (orgName: string, channel: 'wechat' | 'alipay', merchantId: string): Promise<DuesAccountView> => {
    const applied: DuesAccountView = (await post(tok.admin, '/dues/accounts', { ...FORM, orgId: idOf(orgName), channel, legalPersonIdNumber: newIdNumber() }).expect(201)).body;
    return (await post(tok.platform, `/dues/accounts/${applied.id}/approve`, { merchantId }).expect(200)).body;
  };

  beforeAll(async () => {
    mock.timers.enable({ apis: ['Date'], now: new Date('2026-11-10T02:00:00Z') });
    t = await startTestApp({ LOG_LEVEL: process.env.DUES_LOG ?? 'silent', PAY_ORDER_TTL_MINUTES: '5' });
    // The simulators deliver notifications over HTTP: listen on a random port.
    await t.app.listen(0, '127.0.0.1');
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    t.get(PaymentsService).setPublicBase(`http://127.0.0.1:${port}`);

    creds.set('admin', [t.demo.tenantAdmin.username, t.demo.tenantAdmin.password]);
    creds.set('platform', [t.demo.platformAdmin.username, t.demo.platformAdmin.password]);
    creds.set('sec', [t.demo.branchAdmin.username, t.demo.branchAdmin.password]);
    await relogin();
    for (const n of flatten((await get(tok.admin, '/orgs/tree').expect(200)).body)) orgs.set(n.name, n);
    const a = await addMember('综合办公室党支部', '党费党员甲');
    const b = await addMember('规划建设党支部', '党费党员乙');
    const c = await addMember('综合办公室党支部', '党费党员丙');
    const other = await addMember('财务审计党支部', '外支部党员');
    [ids.a, tok.a, ids.userA, ids.b, tok.b, ids.c, tok.c, ids.other, tok.other] = [a.id, a.token, a.userId, b.id, b.token, c.id, c.token, other.id, other.token];
    idNumbers.c = c.idNumber;
    for (const [k, m] of [['a', a], ['b', b], ['c', c], ['other', other]] as const) creds.set(k, [m.phone, m.password]);
    for (const m of [a, b, c, other]) await put(tok.admin, '/dues/standards', { memberId: m.id, year: 2026, category: 'employed', incomeFen: 500_000 }).expect(200);
    // Bills from May (6 back from November) and April (7 back).
    for (const month of ['2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']) await post(tok.admin, '/dues/bills/generate', { month }).expect(200);
  });
  afterAll(async () => {
    await t.close();
    mock.timers.reset();
  });

  describe('standards (DUES-1…DUES-3)', () => {
    it('computes by the 2008 brackets, refuses edits once locked, and corrects with an audited reason', async () => {
      const row = (await get(tok.admin, `/dues/standards?year=2026&keyword=党费党员甲`).expect(200)).body.items[0];
      expect(row.standard).toMatchObject({ amountFen: 5000, standardFen: 5000, locked: true, category: 'employed' });
      // Bills went out for 2026: the standard is locked.
      const locked = await put(tok.admin, '/dues/standards', { memberId: ids.a, year: 2026, category: 'employed', incomeFen: 300_000 }).expect(409);
      expect(locked.body.code).toBe('DUES_STANDARD_LOCKED');
      expect((await post(tok.admin, `/dues/standards/${row.standard.id}/correct`, { category: 'employed', incomeFen: 500_000 }).expect(400)).body.code).toBe('VALIDATION_FAILED');
      const corrected = (await post(tok.admin, `/dues/standards/${row.standard.id}/correct`, { category: 'employed', incomeFen: 500_001, reason: '工资核定有误' }).expect(200)).body;
      // 5000.01 yuan is above 5000: 1.5 %, rounded half up to the fen.
      expect(corrected).toMatchObject({ amountFen: 7500, source: 'correction' });
      const audit = (await get(tok.admin, '/audit-logs?action=dues.standard.correct').expect(200)).body.items;
      expect(audit.some((e: { detail: { reason?: string } }) => e.detail?.reason === '工资核定有误')).toBe(true);
      // Unpaid bills of the year follow the correction; put it back for the payment tests.
      await post(tok.admin, `/dues/standards/${row.standard.id}/correct`, { category: 'employed', incomeFen: 500_000, reason: '恢复' }).expect(200);
      const me: MemberDues = (await get(tok.a, '/dues/me').expect(200)).body;
      expect(me.months.find((m) => m.month === '2026-11')!.amountFen).toBe(5000);
    });

    it('refuses a hardship reduction above the standard and records the approving body', async () => {
      expect((await put(tok.admin, '/dues/standards', { memberId: ids.a, year: 2027, category: 'employed', incomeFen: 200_000, hardship: { amountFen: 5000, approvedBy: '机关党委' } }).expect(400)).body.code).toBe('DUES_STANDARD_INVALID');
      const s = (await put(tok.admin, '/dues/standards', { memberId: ids.a, year: 2027, category: 'employed', incomeFen: 200_000, hardship: { amountFen: 0, approvedBy: '机关党委' } }).expect(200)).body;
      expect(s).toMatchObject({ standardFen: 1000, amountFen: 0, hardship: { amountFen: 0, approvedBy: '机关党委' } });
    });
  });

  describe('bills (DUES-4, DUES-10, DUES-11)', () => {
    it('generating a month twice creates nothing new', async () => {
      const again = (await post(tok.admin, '/dues/bills/generate', { month: '2026-11' }).expect(200)).body;
      expect(again.created).toBe(0);
      expect(again.existing).toBeGreaterThanOrEqual(4);
    });

    it('flags members with six or more unpaid months to their branch', async () => {
      const flagged = (await get(tok.sec, '/dues/flagged').expect(200)).body as Array<{ memberId: number; unpaidMonths: string[] }>;
      expect(flagged.find((f) => f.memberId === ids.a)?.unpaidMonths.length).toBe(8);
    });
  });

  describe('dues accounts (DUES-8)', () => {
    it('the platform approves; the channel is then fixed; members without an account are told so', async () => {
      expect((await order(tok.a, { months: ['2026-11'] }).expect(409)).body.code).toBe('DUES_NO_ACCOUNT');
      await openAccount('湘江新区机关党委', 'wechat', '1900000109');
      await openAccount('第二党总支', 'alipay', '2088102000000001');
      const again = await post(tok.admin, '/dues/accounts', { ...FORM, orgId: idOf('湘江新区机关党委'), channel: 'alipay', legalPersonIdNumber: newIdNumber() }).expect(409);
      expect(again.body.code).toBe('DUES_ACCOUNT_CHANNEL_FIXED');
      // Only the platform reviews.
      const pending: DuesAccountView = (await post(tok.admin, '/dues/accounts', { ...FORM, orgId: idOf('第一党总支'), channel: 'wechat', legalPersonIdNumber: newIdNumber() }).expect(201)).body;
      await post(tok.admin, `/dues/accounts/${pending.id}/approve`, { merchantId: '1900000110' }).expect(403);
      await post(tok.platform, `/dues/accounts/${pending.id}/reject`, { reason: '证件照片不清晰' }).expect(200);
      const listed: DuesAccountView[] = (await get(tok.admin, '/dues/accounts').expect(200)).body;
      expect(listed.find((a) => a.id === pending.id)).toMatchObject({ status: 'rejected', rejectReason: '证件照片不清晰' });
      expect(listed[0].legalPersonIdMasked).toMatch(/\*/);
      expect(JSON.stringify(listed)).not.toContain(FORM.bankAccountNo);
      const bad = await post(tok.admin, '/dues/accounts', { ...FORM, orgId: idOf('第一党总支'), channel: 'wechat', mcc: '12', legalPersonIdNumber: newIdNumber() }).expect(400);
      expect(bad.body.details[0].field).toBe('mcc');
      const wrongCheck = `${FORM.licenseNo.slice(0, 17)}${FORM.licenseNo.endsWith('0') ? '1' : '0'}`;
      const badCode = await post(tok.admin, '/dues/accounts', { ...FORM, licenseNo: wrongCheck, orgId: idOf('第一党总支'), channel: 'wechat', legalPersonIdNumber: newIdNumber() }).expect(400);
      expect(badCode.body).toMatchObject({ code: 'VALIDATION_FAILED', message: '统一社会信用代码校验位不正确，请核对', details: [{ field: 'licenseNo' }] });
    });

    it('a member is told where to pay when on the wrong platform', async () => {
      const wrong = await post(tok.b, '/dues/orders', { months: ['2026-11'], platform: 'weapp', idempotencyKey: key() }).expect(409);
      expect(wrong.body).toMatchObject({ code: 'DUES_WRONG_PLATFORM', message: '本组织党费通过支付宝交纳，请在支付宝或钉钉小程序中交纳' });
    });
  });

  describe('paying online (PAY-1, PAY-2)', () => {
    it('a full WeChat payment: JSAPI parameters, the signed encrypted notification, paid once, ledger balanced', async () => {
      await t.get(Transactions).run((em) => em.getRepository(PlatformIdentity).insert({ userId: ids.userA, platform: 'weapp', appKey: t.config.WECHAT_APPID, externalId: 'o-test-openid-a', unionId: null }));
      const res: DuesOrderResult = (await post(tok.a, '/dues/orders', { months: ['2026-11'], platform: 'weapp', idempotencyKey: key() }).expect(201)).body;
      expect(res).toMatchObject({ amountFen: 5000, channel: 'wechat', status: 'pending' });
      expect(res.pay).toMatchObject({ kind: 'wechat_jsapi', signType: 'RSA' });
      expect(res.pay!.kind === 'wechat_jsapi' && res.pay!.package).toMatch(/^prepay_id=/);
      const simOrder = sims().wechat.order(res.orderNo)!;
      expect(simOrder).toBeTruthy();
      const deliveries = await sims().wechat.pay(res.orderNo);
      expect(deliveries[0].status).toBe(204);
      expect(await payment(tok.a, res.paymentId)).toMatchObject({ status: 'paid', paidVia: 'wechat', months: ['2026-11'] });
      const me: MemberDues = (await get(tok.a, '/dues/me').expect(200)).body;
      expect(me.months.find((m) => m.month === '2026-11')).toMatchObject({ status: 'paid', paidVia: 'wechat' });
      const lines = await t.get(Transactions).run(async (em) => {
        const j = await em.getRepository(DuesJournal).findOneByOrFail({ paymentId: res.paymentId, kind: 'payment' });
        return em.getRepository(DuesLedgerLine).findBy({ journalId: j.id });
      });
      expect(lines.reduce((s, l) => s + l.amountFen, 0)).toBe(0);
      expect(lines.map((l) => l.amountFen).sort()).toEqual([-5000, 5000]);
    });

    it('a full Alipay payment from H5 goes through the simulator page', async () => {
      const res: DuesOrderResult = (await order(tok.b, { months: ['2026-11', '2026-10'] }).expect(201)).body;
      expect(res).toMatchObject({ amountFen: 10_000, channel: 'alipay' });
      expect(res.pay).toMatchObject({ kind: 'simulator_page' });
      expect(res.pay!.kind === 'simulator_page' && res.pay!.url).toContain(sims().alipay.baseUrl);
      const deliveries = await sims().alipay.pay(res.orderNo);
      expect(deliveries[0].body).toBe('success');
      expect(await payment(tok.b, res.paymentId)).toMatchObject({ status: 'paid', paidVia: 'alipay', amountFen: 10_000 });
    });

    it('from DingTalk, Alipay dues are paid with a signed app-payment order string (dd.pay)', async () => {
      const res: DuesOrderResult = (await post(tok.b, '/dues/orders', { months: ['2026-08'], platform: 'dd', idempotencyKey: key() }).expect(201)).body;
      expect(res.pay?.kind).toBe('alipay_app');
      const orderStr = res.pay!.kind === 'alipay_app' ? res.pay!.orderStr : '';
      expect(new URLSearchParams(orderStr).get('method')).toBe('alipay.trade.app.pay');
      // A tampered order string is refused by Alipay; the real one pays.
      await expect(sims().alipay.payOrderString(orderStr.replace('total_amount%22%3A%2250.00', 'total_amount%22%3A%220.01'))).rejects.toThrow(/signature/);
      expect((await sims().alipay.payOrderString(orderStr))[0].body).toBe('success');
      expect(await payment(tok.b, res.paymentId)).toMatchObject({ status: 'paid', paidVia: 'alipay', months: ['2026-08'] });
    });

    it('a double tap with one idempotency key makes one order; a key reused for something else is refused', async () => {
      const k = key();
      const [r1, r2] = await Promise.all([post(tok.c, '/dues/orders', { months: ['2026-11'], platform: 'h5', idempotencyKey: k }), post(tok.c, '/dues/orders', { months: ['2026-11'], platform: 'h5', idempotencyKey: k })]);
      expect([r1.status, r2.status]).toEqual([201, 201]);
      expect(r1.body.paymentId).toBe(r2.body.paymentId);
      expect(r1.body.orderNo).toBe(r2.body.orderNo);
      expect(sims().wechat.allOrders().filter((o) => o.outTradeNo === r1.body.orderNo)).toHaveLength(1);
      expect((await post(tok.c, '/dues/orders', { months: ['2026-10'], platform: 'h5', idempotencyKey: k }).expect(409)).body.code).toBe('DUES_IDEMPOTENCY_KEY_REUSED');
      // Another press (new key) for the month being paid: refused while the first is pending.
      expect((await order(tok.c, { months: ['2026-11'] }).expect(409)).body.code).toBe('DUES_PAYMENT_PENDING');
    });

    it('20 concurrent deliveries of the same notification credit once', async () => {
      const res: DuesOrderResult = (await order(tok.c, { months: ['2026-10'] }).expect(201)).body;
      sims().wechat.markPaidSilently(res.orderNo);
      const all = (await Promise.all(Array.from({ length: 20 }, () => sims().wechat.notify(res.orderNo)))).flat();
      expect(all.every((d) => d.status === 204)).toBe(true);
      expect(await journals(res.paymentId)).toBe(1);
      expect((await payment(tok.c, res.paymentId)).status).toBe('paid');
      // A late retry hours later: acknowledged, nothing posted again.
      expect((await sims().wechat.notify(res.orderNo))[0].status).toBe(204);
      expect(await journals(res.paymentId)).toBe(1);
    });

    it('refuses notifications with a bad signature, an old timestamp, a tampered ciphertext, a wrong amount or a foreign app, changing nothing', async () => {
      const res: DuesOrderResult = (await order(tok.c, { months: ['2026-09'] }).expect(201)).body;
      sims().wechat.markPaidSilently(res.orderNo);
      for (const opts of [{ badSignature: true }, { timestampOffsetSeconds: -360 }, { tamperCiphertext: true }, { amountFen: 1 }, { appid: 'wx-foreign-app' }, { mchid: '1999999999' }]) {
        const [d] = await sims().wechat.notify(res.orderNo, opts);
        expect({ opts, ok: d.status! < 300 }).toEqual({ opts, ok: false });
      }
      expect(await journals(res.paymentId)).toBe(0);
      expect((await payment(tok.c, res.paymentId)).status).toBe('pending');
      // Alipay: a bad signature and a foreign app id.
      const ali: DuesOrderResult = (await order(tok.b, { months: ['2026-09'] }).expect(201)).body;
      sims().alipay.markPaidSilently(ali.orderNo);
      for (const opts of [{ badSignature: true }, { appId: '2021009999999999' }, { amountFen: 1 }]) {
        const [d] = await sims().alipay.notify(ali.orderNo, opts);
        expect({ opts, body: d.body }).toEqual({ opts, body: 'fail' });
      }
      expect(await journals(ali.paymentId)).toBe(0);
      // The genuine one still works.
      expect((await sims().alipay.notify(ali.orderNo))[0].body).toBe('success');
      expect(await journals(ali.paymentId)).toBe(1);
    });

    it('an order whose notification never comes is repaired by the query job; a stale unpaid one is closed and its month freed', async () => {
      const pending: DuesOrderResult = (await order(tok.c, { months: ['2026-08'] }).expect(201)).body;
      const silent: DuesOrderResult = (await order(tok.c, { months: ['2026-06'] }).expect(201)).body;
      sims().wechat.markPaidSilently(silent.orderNo);
      setNow(Date.now() + 2 * 60_000);
      const first = await t.get(PaymentsService).syncPending();
      expect(first.paid).toBeGreaterThanOrEqual(1);
      expect((await payment(tok.c, silent.paymentId)).status).toBe('paid');
      expect((await payment(tok.c, pending.paymentId)).status).toBe('pending');
      setNow(Date.now() + 6 * 60_000);
      await t.get(PaymentsService).syncPending();
      expect((await payment(tok.c, pending.paymentId)).status).toBe('closed');
      expect(sims().wechat.order(pending.orderNo)!.state).toBe('CLOSED');
      // The month can be paid again.
      await order(tok.c, { months: ['2026-08'] }).expect(201);
    });
  });

  describe('the rules of paying (DUES-4, DUES-5, DUES-7)', () => {
    it('refuses payment outside the window, and a 7-month back-payment', async () => {
      const saved = Date.now();
      setNow(new Date('2026-11-21T02:00:00Z'));
      await relogin();
      const outside = await order(tok.a, { months: ['2026-10'] }).expect(409);
      expect(outside.body).toMatchObject({ code: 'DUES_OUTSIDE_WINDOW', message: '每月1日至20日可以在线交纳党费，现在不在交纳时间内' });
      setNow(saved);
      await relogin();
      expect((await order(tok.a, { months: ['2026-04'] }).expect(422)).body.code).toBe('DUES_MONTH_TOO_OLD');
      const me: MemberDues = (await get(tok.a, '/dues/me').expect(200)).body;
      expect(me.tooOldMonths).toEqual(['2026-04']);
      expect(me.payableMonths).toEqual(['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10']);
    });

    it('prepays future months at the standard; they show as prepaid', async () => {
      const res: DuesOrderResult = (await order(tok.b, { months: ['2026-12', '2027-01'] }).expect(201)).body;
      expect(res.amountFen).toBe(10_000);
      await sims().alipay.pay(res.orderNo);
      const me: MemberDues = (await get(tok.b, '/dues/me?year=2026').expect(200)).body;
      expect(me.months.find((m) => m.month === '2026-12')!.status).toBe('prepaid');
      expect((await order(tok.b, { months: ['2027-12'] }).expect(422)).body.code).toBe('DUES_MONTH_NOT_PAYABLE');
    });

    it('a member pays for another (代缴) after proving the ID number; the receipt names the payer', async () => {
      expect((await post(tok.a, '/dues/proxy/lookup', { name: '党费党员丙', idNumber: newIdNumber() }).expect(404)).body.code).toBe('DUES_PROXY_INVALID');
      const found = (await post(tok.a, '/dues/proxy/lookup', { name: '党费党员丙', idNumber: idNumbers.c }).expect(200)).body;
      expect(found.memberName).toBe('党***丙');
      expect((await order(tok.a, { months: ['2026-07'], forMemberId: ids.c }).expect(404)).body.code).toBe('DUES_PROXY_INVALID');
      const res: DuesOrderResult = (await order(tok.a, { months: ['2026-07'], forMemberId: ids.c, proxyTicket: found.proxyTicket }).expect(201)).body;
      await sims().wechat.pay(res.orderNo);
      const p = await payment(tok.c, res.paymentId);
      expect(p).toMatchObject({ memberName: '党费党员丙', status: 'paid' });
      expect(p.payerName).toBeTruthy();
      const me: MemberDues = (await get(tok.c, '/dues/me').expect(200)).body;
      expect(me.months.find((m) => m.month === '2026-07')!.payerName).toBe(p.payerName);
    });

    it('voluntary extra dues of 1000 yuan or more are flagged for the Central Committee', async () => {
      const res: DuesOrderResult = (await order(tok.a, { months: [], voluntaryFen: 100_000 }).expect(201)).body;
      await sims().wechat.pay(res.orderNo);
      expect(await payment(tok.a, res.paymentId)).toMatchObject({ toCentral: true, voluntaryFen: 100_000, amountFen: 100_000 });
    });
  });

  describe('cash and corrections (DUES-6, PAY-4)', () => {
    it('records cash with the receiver and receipt, refuses a repeated receipt, and reverses by a new entry', async () => {
      const cash: DuesPaymentView = (await post(tok.sec, '/dues/cash', { memberId: ids.a, months: ['2026-05'], receiverName: '王会计', receiptNo: 'SJ-2026-0001' }).expect(201)).body;
      expect(cash).toMatchObject({ paidVia: 'cash', status: 'paid', receiverName: '王会计', receiptNo: 'SJ-2026-0001', amountFen: 5000 });
      expect((await post(tok.sec, '/dues/cash', { memberId: ids.a, months: ['2026-06'], receiverName: '王会计', receiptNo: 'SJ-2026-0001' }).expect(409)).body.code).toBe('DUES_RECEIPT_EXISTS');
      const reversed: DuesPaymentView = (await post(tok.sec, `/dues/payments/${cash.id}/reverse`, { reason: '重复登记' }).expect(200)).body;
      expect(reversed).toMatchObject({ status: 'reversed', reversal: { reason: '重复登记' } });
      expect((await post(tok.sec, `/dues/payments/${cash.id}/reverse`, { reason: '再次冲正' }).expect(409)).body.code).toBe('DUES_REVERSAL_REFUSED');
      expect(await journals(cash.id, 'payment')).toBe(1);
      expect(await journals(cash.id, 'reversal')).toBe(1);
      const me: MemberDues = (await get(tok.a, '/dues/me').expect(200)).body;
      expect(me.months.find((m) => m.month === '2026-05')!.status).toBe('unpaid');
    });
  });

  describe('scope', () => {
    it('nobody sees another branch’s bills or payments, or pays into another tenant', async () => {
      const bills = (await get(tok.sec, '/dues/bills?month=2026-11&pageSize=100').expect(200)).body.items as Array<{ memberId: number }>;
      expect(bills.some((b) => b.memberId === ids.a)).toBe(true);
      expect(bills.some((b) => b.memberId === ids.other || b.memberId === ids.b)).toBe(false);
      await get(tok.sec, `/dues/bills?month=2026-11&orgId=${idOf('财务审计党支部')}`).expect(404);
      const paid = (await get(tok.sec, '/dues/payments?pageSize=100').expect(200)).body.items as DuesPaymentView[];
      expect(paid.every((p) => p.orgId === idOf('综合办公室党支部'))).toBe(true);
      const bPayment = (await get(tok.admin, `/dues/payments?keyword=党费党员乙`).expect(200)).body.items[0] as DuesPaymentView;
      await get(tok.a, `/dues/payments/${bPayment.id}`).expect(404);
      await get(tok.sec, `/dues/payments/${bPayment.id}`).expect(404);
      await post(tok.sec, '/dues/cash', { memberId: ids.other, months: ['2026-11'], receiverName: '王会计', receiptNo: 'SJ-X' }).expect(404);
    });

    it('another tenant reaches none of this tenant’s dues, and its members cannot pay into this tenant’s account', async () => {
      const codes = await post(tok.platform, '/platform/activation-codes', { count: 1 }).expect(201);
      await t.http.post('/api/v1/tenants').send({ activationCode: codes.body.codes[0], name: '另一单位党委', adminUsername: 'duesother', adminPhone: '13700008899', adminPassword: 'Other#Admin1' }).expect(201);
      const foreignAdmin = await login(t, 'duesother', 'Other#Admin1');
      const [root] = (await get(foreignAdmin, '/orgs/tree').expect(200)).body as OrgNode[];
      const branch = (await post(foreignAdmin, '/orgs', { parentId: root.id, name: '外单位党支部', type: 'branch' }).expect(201)).body;
      const idNumber = newIdNumber();
      const m = (await post(foreignAdmin, '/members', { orgId: branch.id, name: '外单位党员', idNumber, memberType: 'full', joinDate: '2015-07-01' }).expect(201)).body;
      await put(foreignAdmin, '/dues/standards', { memberId: m.id, year: 2026, category: 'student' }).expect(200);
      await post(foreignAdmin, '/dues/bills/generate', { month: '2026-11' }).expect(200);
      const foreignMember = (await activateMember(t, idNumber)).token;
      // No account up its own tree: this tenant's account is not offered.
      expect((await order(foreignMember, { months: ['2026-11'] }).expect(409)).body.code).toBe('DUES_NO_ACCOUNT');
      // Nor can it pay for this tenant's member.
      expect((await post(foreignMember, '/dues/proxy/lookup', { name: '党费党员丙', idNumber: idNumbers.c }).expect(404)).body.code).toBe('DUES_PROXY_INVALID');
      await order(foreignMember, { months: ['2026-11'], forMemberId: ids.c, proxyTicket: `${Date.now() + 60_000}.forged` }).expect(404);
      // Its admin sees none of this tenant's bills, payments or accounts, and cannot apply for an org here.
      const mine = (await get(tok.admin, '/dues/payments?pageSize=1').expect(200)).body.items[0] as DuesPaymentView;
      await get(foreignAdmin, `/dues/payments/${mine.id}`).expect(404);
      expect((await get(foreignAdmin, '/dues/bills?month=2026-11&pageSize=100').expect(200)).body.items.map((b: { memberId: number }) => b.memberId)).toEqual([m.id]);
      expect((await get(foreignAdmin, '/dues/accounts').expect(200)).body).toEqual([]);
      await post(foreignAdmin, '/dues/accounts', { ...FORM, orgId: idOf('第一党总支'), channel: 'wechat', legalPersonIdNumber: newIdNumber() }).expect(404);
      await post(foreignAdmin, '/dues/cash', { memberId: ids.a, months: ['2026-11'], receiverName: '王会计', receiptNo: 'SJ-F' }).expect(404);
    });
  });

  describe('upward transfer and reconciliation (DUES-7, DUES-9, PAY-3)', () => {
    it('is refused before the transfer day, done once from the 22nd, and a second transfer of the same money is impossible', async () => {
      const before = (await get(tok.admin, `/dues/transfers/preview?orgId=${idOf('湘江新区机关党委')}&month=2026-11`).expect(200)).body;
      expect(before).toMatchObject({ canTransfer: false, reason: '11月22日起才能上划该月党费' });
      expect(before.transferableFen).toBeGreaterThan(0);
      expect((await post(tok.admin, '/dues/transfers', { orgId: idOf('湘江新区机关党委'), month: '2026-11' }).expect(409)).body.code).toBe('DUES_TRANSFER_NOT_OPEN');
      setNow(new Date('2026-11-23T02:00:00Z'));
      await relogin();
      const [t1, t2] = await Promise.all([post(tok.admin, '/dues/transfers', { orgId: idOf('湘江新区机关党委'), month: '2026-11' }), post(tok.admin, '/dues/transfers', { orgId: idOf('湘江新区机关党委'), month: '2026-11' })]);
      expect([t1.status, t2.status].sort()).toEqual([201, 409]);
      const done: DuesTransferView = (t1.status === 201 ? t1 : t2).body;
      expect(done).toMatchObject({ status: 'done', amountFen: before.transferableFen, channel: 'wechat' });
      expect(done.splitsDone).toBe(done.splitsTotal);
      // The branch below cannot transfer the same money again.
      const below = (await get(tok.admin, `/dues/transfers/preview?orgId=${idOf('综合办公室党支部')}&month=2026-11`).expect(200)).body;
      expect(below.transferableFen).toBe(0);
      expect((await post(tok.admin, '/dues/transfers', { orgId: idOf('综合办公室党支部'), month: '2026-11' }).expect(409)).body.code).toBe('DUES_TRANSFER_EMPTY');
      // Transferred money cannot be reversed.
      const wechatPaid = (await get(tok.admin, '/dues/payments?paidVia=wechat&status=paid').expect(200)).body.items[0] as DuesPaymentView;
      expect((await post(tok.admin, `/dues/payments/${wechatPaid.id}/reverse`, { reason: '测试' }).expect(409)).body.message).toBe('该笔党费已上划，不能冲正');
    });

    it('reconciliation finds a seeded mismatch and repairs "paid there, not here" by querying', async () => {
      setNow(new Date('2026-11-10T03:00:00Z'));
      await relogin();
      const today = beijingDate(new Date());
      const res: DuesOrderResult = (await order(tok.a, { months: ['2026-06'] }).expect(201)).body;
      // Paid at WeChat, the notification lost: the bill has it, we do not.
      sims().wechat.markPaidSilently(res.orderNo);
      // And a paid order of ours that the bill lacks.
      const ours = await t.get(Transactions).run((em) => em.getRepository(PayOrder).findOneByOrFail({ channel: 'wechat', status: 'paid' }));
      sims().wechat.dropFromBill(ours.outTradeNo);
      const run: ReconRunView = (await post(tok.admin, '/dues/reconciliation', { channel: 'wechat', billDate: today }).expect(200)).body;
      expect(run.status).toBe('mismatched');
      expect(run.mismatches).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ kind: 'missing_here', orderNo: res.orderNo, repaired: true }),
          expect.objectContaining({ kind: 'missing_there', orderNo: ours.outTradeNo }),
        ]),
      );
      expect((await payment(tok.a, res.paymentId)).status).toBe('paid');
      // Another tenant's admin would not see these orders; the platform sees the run too.
      const listed: ReconRunView[] = (await get(tok.platform, `/dues/reconciliation?from=${today}&to=${today}`).expect(200)).body;
      expect(listed.find((r) => r.channel === 'wechat')!.mismatches.length).toBeGreaterThanOrEqual(2);
    });
  });
});
