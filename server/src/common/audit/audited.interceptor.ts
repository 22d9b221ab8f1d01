import { Injectable, SetMetadata, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { from, mergeMap, type Observable } from 'rxjs';
import type { AuthUser } from '../auth/auth-user.js';
import { AuditService } from './audit.service.js';

export const AUDIT_KEY = 'audit:action';

/**
 * Marks an admin route whose success is audited (ID-12): `@Audited('member.update', 'member')`.
 * The record names the route's `:id` (or the created object's id), the scrubbed request body and
 * the caller's IP. Services add their own records for changes that are not one route's body.
 */
export const Audited = (action: string, targetType: string) => SetMetadata(AUDIT_KEY, { action, targetType });

@Injectable()
export class AuditedInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly audit: AuditService,
  ) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const meta = this.reflector.get<{ action: string; targetType: string } | undefined>(AUDIT_KEY, ctx.getHandler());
    if (!meta) return next.handle();
    const req = ctx.switchToHttp().getRequest<{ user?: AuthUser & { displayName?: string }; params?: Record<string, string>; body?: unknown }>();
    return next.handle().pipe(
      mergeMap((result) =>
        from(
          (async () => {
            const created = result && typeof result === 'object' && 'id' in result ? (result as { id: unknown }).id : undefined;
            const targetId = req.params?.id ?? req.params?.userId ?? (created as string | number | undefined) ?? null;
            const isFile = req.body && typeof req.body === 'object' && 'file' in (req.body as object);
            await this.audit.record(req.user ?? null, req.user?.displayName ?? '匿名', {
              ...meta,
              targetId,
              detail: { params: req.params, body: isFile ? '[file]' : req.body },
            });
            return result;
          })(),
        ),
      ),
    );
  }
}
