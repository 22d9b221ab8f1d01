import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import { Redis } from 'ioredis';
import { AppConfig } from '../../config/config.js';

/**
 * Short-lived shared state: captcha answers, step tokens between activation steps, SMS codes, rate
 * counters. In Redis when REDIS_URL is set (so several API instances agree), else in this process.
 * It also backs @nestjs/throttler, so the global rate limits follow the same choice.
 */
export abstract class KvStore implements ThrottlerStorage {
  abstract get(key: string): Promise<string | null>;
  abstract set(key: string, value: string, ttlSeconds: number): Promise<void>;
  /** Reads and deletes in one step, so a single-use value can be used only once even in a race. */
  abstract take(key: string): Promise<string | null>;
  abstract del(key: string): Promise<void>;
  /** Increments a counter; the first increment starts its window of ttlSeconds. Returns count and seconds left. */
  abstract incr(key: string, ttlSeconds: number): Promise<{ count: number; ttl: number }>;

  async increment(key: string, ttlMs: number, limit: number, blockMs: number, name: string) {
    const { count, ttl } = await this.incr(`throttle:${name}:${key}`, Math.ceil(ttlMs / 1000));
    const blocked = count > limit;
    return { totalHits: count, timeToExpire: ttl, isBlocked: blocked, timeToBlockExpire: blocked ? Math.max(ttl, Math.ceil(blockMs / 1000)) : 0 };
  }
}

@Injectable()
export class MemoryKvStore extends KvStore implements OnModuleDestroy {
  private readonly map = new Map<string, { value: string; expires: number }>();
  private readonly sweeper = setInterval(() => this.sweep(), 60_000).unref();

  private live(key: string) {
    const e = this.map.get(key);
    if (e && e.expires <= Date.now()) {
      this.map.delete(key);
      return undefined;
    }
    return e;
  }
  private sweep() {
    const now = Date.now();
    for (const [k, e] of this.map) if (e.expires <= now) this.map.delete(k);
  }
  async get(key: string) {
    return this.live(key)?.value ?? null;
  }
  async set(key: string, value: string, ttl: number) {
    this.map.set(key, { value, expires: Date.now() + ttl * 1000 });
  }
  async take(key: string) {
    const v = this.live(key)?.value ?? null;
    this.map.delete(key);
    return v;
  }
  async del(key: string) {
    this.map.delete(key);
  }
  async incr(key: string, ttl: number) {
    const e = this.live(key);
    if (!e) {
      this.map.set(key, { value: '1', expires: Date.now() + ttl * 1000 });
      return { count: 1, ttl };
    }
    e.value = String(Number(e.value) + 1);
    return { count: Number(e.value), ttl: Math.ceil((e.expires - Date.now()) / 1000) };
  }
  onModuleDestroy() {
    clearInterval(this.sweeper);
  }
}

@Injectable()
export class RedisKvStore extends KvStore implements OnModuleDestroy {
  readonly redis: Redis;
  constructor(config: AppConfig) {
    super();
    this.redis = new Redis(config.REDIS_URL!, { keyPrefix: config.REDIS_KEY_PREFIX, maxRetriesPerRequest: 2 });
  }
  async get(key: string) {
    return this.redis.get(key);
  }
  async set(key: string, value: string, ttl: number) {
    await this.redis.set(key, value, 'EX', ttl);
  }
  async take(key: string) {
    return this.redis.getdel(key);
  }
  async del(key: string) {
    await this.redis.del(key);
  }
  async incr(key: string, ttl: number) {
    const res = (await this.redis.multi().incr(key).expire(key, ttl, "NX").ttl(key).exec()) as [Error | null, number][];
    const count = res[0][1];
    const left = res[2][1];
    return { count, ttl: left };
  }
  async onModuleDestroy() {
    await this.redis.quit();
  }
}
