import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DataSourceOptions } from 'typeorm';
import { fromRoot } from '../config/paths.js';
import { SnakeNamingStrategy } from './naming.js';

export type DriverKind = 'sqlite' | 'mysql' | 'mariadb';

const here = dirname(fileURLToPath(import.meta.url));

export function driverOf(url: string): DriverKind {
  if (url.startsWith('sqlite:')) return 'sqlite';
  if (url.startsWith('mariadb://')) return 'mariadb';
  return 'mysql';
}

/** The effective database URL: DATABASE_URL, or the SQLite file in the data folder. */
export function databaseUrl(cfg: { DATABASE_URL?: string; DATA_DIR: string }): string {
  return cfg.DATABASE_URL ?? `sqlite:${join(fromRoot(cfg.DATA_DIR), 'dangjian.sqlite')}`;
}

/**
 * TypeORM options for a URL. The driver type follows the scheme: `mariadb` for MariaDB (with `mysql`
 * TypeORM emits FOR SHARE, which MariaDB rejects), `mysql` for MySQL 8, better-sqlite3 for `sqlite:`.
 * Each driver has its own migrations folder; schema changes never use synchronize.
 */
export function dataSourceOptions(url: string): DataSourceOptions {
  const driver = driverOf(url);
  const entities = [join(here, '..', '**', '*.entity.{ts,js}')];
  const migrations = [join(here, 'migrations', driver === 'sqlite' ? 'sqlite' : 'mysql', '*.{ts,js}')];
  const common = { entities, migrations, namingStrategy: new SnakeNamingStrategy(), synchronize: false, migrationsRun: false } as const;
  if (driver === 'sqlite') {
    const file = fromRoot(url.slice('sqlite:'.length));
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    return {
      ...common,
      type: 'better-sqlite3',
      database: file,
      // WAL lets reads proceed while a write is in progress; FKs on as in MySQL.
      prepareDatabase: (db: { pragma(s: string): unknown }) => {
        db.pragma('journal_mode = WAL');
        db.pragma('foreign_keys = ON');
        db.pragma('busy_timeout = 5000');
      },
    } as DataSourceOptions;
  }
  const u = new URL(url);
  return {
    ...common,
    type: driver,
    host: u.hostname,
    port: Number(u.port || 3306),
    username: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: u.pathname.replace(/^\//, ''),
    timezone: 'Z',
    charset: 'utf8mb4_unicode_ci',
    extra: { connectionLimit: 20 },
  } as DataSourceOptions;
}
