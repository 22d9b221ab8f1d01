import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createApp, H5_DIR } from './bootstrap.js';
import { ConfigError, parseConfig, paymentsMode } from './config/config.js';
import { fromRoot, ROOT_DIR } from './config/paths.js';
import { resolveSecrets } from './config/secrets.js';
import { DemoSeedService, type DemoLogins } from './seed/demo-seed.service.js';

function printLogins(url: string, l: DemoLogins, payments: string): void {
  const lines = [
    '',
    `党建云已启动: ${url}/admin/   (API 文档: ${url}/api/docs)` + (existsSync(join(H5_DIR, 'index.html')) ? `   H5 小程序: ${url}/h5/` : ''),
    '演示账号（随机生成，仅本机有效）:',
    `  单位管理员   用户名 ${l.tenantAdmin.username}   密码 ${l.tenantAdmin.password}`,
    `  支部管理员   手机号 ${l.branchAdmin.username}   密码 ${l.branchAdmin.password}   (${l.branchAdmin.orgName}书记)`,
    `  平台管理员   用户名 ${l.platformAdmin.username}   密码 ${l.platformAdmin.password}`,
    `  未激活党员   ${l.inactiveMember.name}   身份证号 ${l.inactiveMember.idNumber}   (${l.inactiveMember.orgName})`,
    `  入驻激活码   ${l.tenantActivationCode}`,
    ...(payments === 'simulator' ? ['在线支付: 本机模拟的微信支付、支付宝网关（PAYMENTS_MODE=simulator）；H5 中交党费会打开模拟支付页，点“确认支付”即可。'] : []),
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

async function main(): Promise<void> {
  const envFile = join(ROOT_DIR, '.env');
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  let config;
  try {
    const parsed = parseConfig(process.env);
    config = resolveSecrets(parsed, fromRoot(parsed.DATA_DIR));
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\nThe server did not start. See .env.example for every setting.\n`);
      process.exit(78);
    }
    throw e;
  }
  const app = await createApp(config);
  await app.init();
  // Seed before listening, so the first request already finds the demo tenant.
  const logins = config.SEED_DEMO ? await app.get(DemoSeedService).ensure() : null;
  await app.listen(config.PORT, config.HOST);
  const url = `http://${config.HOST}:${config.PORT}`;
  if (logins) printLogins(url, logins, paymentsMode(config));
  else process.stdout.write(`党建云已启动: ${url}\n`);
}

void main();
