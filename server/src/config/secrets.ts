import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, type AppConfig } from './config.js';

/**
 * JWT_SECRET and DATA_KEY come from the environment. Outside production, missing ones are generated
 * once per data folder (data/secrets.json, mode 0600), so a fresh clone runs with unique secrets and
 * no shared defaults. In production both must be given.
 */
export function resolveSecrets(config: AppConfig, dataDir: string): AppConfig & { JWT_SECRET: string; DATA_KEY: string } {
  if (config.JWT_SECRET && config.DATA_KEY) return config as AppConfig & { JWT_SECRET: string; DATA_KEY: string };
  if (config.NODE_ENV === 'production') {
    throw new ConfigError('Invalid configuration:\n  JWT_SECRET and DATA_KEY must be set in production');
  }
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'secrets.json');
  let stored: { JWT_SECRET?: string; DATA_KEY?: string } = {};
  if (existsSync(file)) stored = JSON.parse(readFileSync(file, 'utf8'));
  if (!stored.JWT_SECRET || !stored.DATA_KEY) {
    stored = { JWT_SECRET: randomBytes(48).toString('base64'), DATA_KEY: randomBytes(32).toString('base64'), ...stored };
    writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  }
  config.JWT_SECRET ??= stored.JWT_SECRET;
  config.DATA_KEY ??= stored.DATA_KEY;
  return config as AppConfig & { JWT_SECRET: string; DATA_KEY: string };
}
