import type { ErrorBody } from '@dangjian/shared';
import { ERROR_TABLE, type ErrorCode } from './error-codes.js';

/** The one exception type services throw; the filter turns it into `{ code, message }`. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details?: ErrorBody['details'],
  ) {
    super(message ?? ERROR_TABLE[code].message);
    this.status = ERROR_TABLE[code].status;
  }

  toBody(): ErrorBody {
    return this.details ? { code: this.code, message: this.message, details: this.details } : { code: this.code, message: this.message };
  }
}
