import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import { RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module.js';
import { startPaySimulators } from './dev/pay-sim/index.js';
import { PaySimulatorsRef } from './modules/payments/pay-simulators.ref.js';
import { paymentsMode, type AppConfig } from './config/config.js';
import { ROOT_DIR, SERVER_DIR } from './config/paths.js';

export const ADMIN_DIR = join(SERVER_DIR, 'dist', 'admin');
/** The mini-program's H5 build (`npm run build -w miniapp`), served same-origin at /h5/ when present. */
export const H5_DIR = join(ROOT_DIR, 'miniapp', 'dist', 'h5');
const UPLOAD_LIMIT = 5 * 1024 * 1024;

/**
 * wx.request (and so the WeChat mini-program) cannot send PATCH: clients send POST with
 * `X-HTTP-Method-Override: PATCH`. Rewritten before routing; no other method can be reached this way.
 */
function withPatchOverride(handler: (req: IncomingMessage, res: ServerResponse) => void): Server {
  return createServer((req, res) => {
    if (req.method === 'POST' && String(req.headers['x-http-method-override'] ?? '').toUpperCase() === 'PATCH') req.method = 'PATCH';
    handler(req, res);
  });
}

/** Builds the whole application (used by main.ts and by the e2e suites), not yet listening. */
export async function createApp(config: AppConfig): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({ bodyLimit: 1024 * 1024, trustProxy: config.NODE_ENV === 'production' ? 'loopback' : false, serverFactory: withPatchOverride });
  // PAYMENTS_MODE=simulator: the local payment gateways start first, so the payment settings point at them.
  const sims = paymentsMode(config) === 'simulator' ? await startPaySimulators(config) : null;
  // rawBody: payment notifications are verified over the exact bytes received (PAY-2).
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, { bufferLogs: true, rawBody: true });
  if (sims) app.get(PaySimulatorsRef).current = sims;
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  app.setGlobalPrefix('api/v1', { exclude: [{ path: 'api/health', method: RequestMethod.GET }] });

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // antd and swagger-ui put styles in <style> tags.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        // Off: deployments behind plain HTTP on a LAN address would have every asset upgraded to https.
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(fastifyMultipart, { limits: { fileSize: UPLOAD_LIMIT, files: 1, fields: 10 }, throwFileSizeLimit: true });

  // The admin page (built by Vite into dist/admin), same origin as the API.
  if (existsSync(join(ADMIN_DIR, 'index.html'))) {
    await app.register(fastifyStatic, { root: ADMIN_DIR, prefix: '/admin/', decorateReply: false, index: ['index.html'], maxAge: '1h' });
    app.getHttpAdapter().get('/admin', (_req, reply) => (reply as unknown as { redirect(url: string): void }).redirect('/admin/'));
    app.getHttpAdapter().get('/', (_req, reply) => (reply as unknown as { redirect(url: string): void }).redirect('/admin/'));
  }
  if (existsSync(join(H5_DIR, 'index.html'))) {
    await app.register(fastifyStatic, { root: H5_DIR, prefix: '/h5/', decorateReply: false, index: ['index.html'], maxAge: '1h' });
    // Keep the query (?scene=…) when completing the path.
    app.getHttpAdapter().get('/h5', (req, reply) => (reply as unknown as { redirect(url: string): void }).redirect(`/h5/${(req as { url: string }).url.slice(3)}`));
  }

  // Browsers ask for it on every page; answer without an error in the console.
  app.getHttpAdapter().get('/favicon.ico', (_req, reply) => (reply as unknown as { code(n: number): { send(): void } }).code(204).send());

  const doc = new DocumentBuilder()
    .setTitle('党建云 API')
    .setDescription('党建云：身份、组织、党员、网上支部、组织生活、党费、积分… 所有接口位于 /api/v1，错误统一为 { code, message }。')
    .setVersion('1')
    .addBearerAuth()
    .addTag('identity', '身份：激活、登录、会话、账号')
    .addTag('tenancy', '租户入驻与设置')
    .addTag('organizations', '组织树、班子、支部管理员')
    .addTag('members', '党员信息、导入导出、历史库')
    .addTag('branch', '网上支部：通知、动态、公开、组织生活、议事、汇报、建议、书记信箱、成员')
    .addTag('files', '图片上传与读取')
    .addTag('meetings', '组织生活：三会一课流程、签到、表决、审核、民主评议、督办')
    .addTag('notifications', '站内消息')
    .addTag('dues', '党费：标准、账单、交纳、现金入账、冲正、党费账户、上划、对账')
    .addTag('points', '积分：规则、我的积分与明细、排行')
    .addTag('mutual-aid', '党员e家：心愿树、微捐赠、随手拍、黑名单')
    .addTag('mall', '积分商城：分类、商品、兑换、订单与领取')
    .addTag('audit', '审计日志')
    .addTag('entry', '入口二维码')
    .addTag('health', '健康检查')
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, doc), { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
