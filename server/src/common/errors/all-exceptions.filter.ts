import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { ErrorBody } from '@dangjian/shared';
import type { FastifyReply } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { AppError } from './app-error.js';
import { CommonError, ERROR_TABLE, type ErrorCode } from './error-codes.js';

const STATUS_CODES: Record<number, ErrorCode> = {
  400: CommonError.BadRequest,
  401: CommonError.Unauthenticated,
  403: CommonError.Forbidden,
  404: CommonError.NotFound,
  405: CommonError.NotFound,
  409: CommonError.Conflict,
  413: CommonError.PayloadTooLarge,
  415: CommonError.UnsupportedMediaType,
  429: CommonError.TooManyRequests,
};

/** A duplicate key the service did not foresee (a race between two inserts) is a conflict, not a crash. */
export function isDuplicateKey(e: unknown): boolean {
  if (!(e instanceof QueryFailedError)) return false;
  const d = e.driverError as { code?: string; errno?: number } | undefined;
  return d?.code === 'ER_DUP_ENTRY' || d?.code === 'SQLITE_CONSTRAINT_UNIQUE' || d?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

function fromCode(code: ErrorCode): { status: number; body: ErrorBody } {
  return { status: ERROR_TABLE[code].status, body: { code, message: ERROR_TABLE[code].message } };
}

/**
 * Every error leaves the API as `{ code, message }` with a fitting status. Errors of the framework
 * (unknown route, throttling, body too large, malformed JSON) get the common codes; only what is
 * really unexpected becomes a 500, and that is logged with its stack.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly log = new Logger('Errors');

  catch(err: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const { status, body } = this.toResponse(err);
    if (status >= 500) this.log.error(err instanceof Error ? err.stack ?? err.message : String(err));
    void reply.status(status).header('content-type', 'application/json; charset=utf-8').send(body);
  }

  private toResponse(err: unknown): { status: number; body: ErrorBody } {
    if (err instanceof AppError) return { status: err.status, body: err.toBody() };
    if (err instanceof HttpException) {
      const status = err.getStatus();
      const code = STATUS_CODES[status];
      return code ? fromCode(code) : { status, body: { code: CommonError.Internal, message: ERROR_TABLE[CommonError.Internal].message } };
    }
    if (err instanceof QueryFailedError && isDuplicateKey(err)) return fromCode(CommonError.Conflict);
    // Fastify's own errors (bad JSON, body too large, wrong content type) carry a 4xx statusCode.
    const statusCode = (err as { statusCode?: number })?.statusCode;
    if (statusCode && statusCode >= 400 && statusCode < 500) return fromCode(STATUS_CODES[statusCode] ?? CommonError.BadRequest);
    return fromCode(CommonError.Internal);
  }
}
