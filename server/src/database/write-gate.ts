import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Mutex } from 'async-mutex';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * The SQLite write gate.
 *
 * SQLite under TypeORM shares one connection, so statements of concurrent requests interleave with
 * each other's open transactions (measured: a rolled-back transaction took another request's write
 * with it; 8 concurrent "pay" requests all succeeded). On SQLite every mutating request and every
 * transaction therefore runs behind one process-wide mutex. The gate is re-entrant within one async
 * context, so a transaction inside a gated request does not deadlock. On MySQL/MariaDB the gate is
 * open: transactions run concurrently and guarded rows are locked with SELECT … FOR UPDATE.
 */
@Injectable()
export class WriteGate {
  private readonly mutex = new Mutex();
  private readonly holder = new AsyncLocalStorage<true>();
  readonly enabled: boolean;

  constructor(dataSource: DataSource) {
    this.enabled = dataSource.options.type === 'better-sqlite3';
  }

  hold<T>(work: () => Promise<T>): Promise<T> {
    if (!this.enabled || this.holder.getStore()) return work();
    return this.mutex.runExclusive(() => this.holder.run(true, work));
  }
}

/** Holds the gate for the whole of every non-GET request (global interceptor). */
@Injectable()
export class WriteGateInterceptor implements NestInterceptor {
  constructor(private readonly gate: WriteGate) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const method: string = ctx.switchToHttp().getRequest<{ method: string }>().method;
    if (!this.gate.enabled || method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return next.handle();
    return from(this.gate.hold(() => lastValueFrom(next.handle(), { defaultValue: undefined })));
  }
}

/**
 * Explicit transactions (house style): a service method that writes more than one row runs its work
 * here and passes the EntityManager down. Rows guarding money, points, stock or workflow state are
 * read with `lock` (pessimistic_write on MySQL/MariaDB; on SQLite the gate already serialises and
 * TypeORM would throw).
 */
@Injectable()
export class Transactions {
  constructor(
    private readonly dataSource: DataSource,
    private readonly gate: WriteGate,
  ) {}

  run<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.gate.hold(() => this.dataSource.transaction(work));
  }

  get lock(): { mode: 'pessimistic_write' } | undefined {
    return this.gate.enabled ? undefined : { mode: 'pessimistic_write' };
  }
}
