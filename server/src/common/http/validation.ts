import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { AppError } from '../errors/app-error.js';
import { CommonError } from '../errors/error-codes.js';

function flatten(errors: ValidationError[], prefix = ''): Array<{ field: string; message: string }> {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.entries(e.constraints ?? {}).map(([key, message]) => ({
      field,
      message: key === 'whitelistValidation' ? `不支持的字段：${field}` : message,
    }));
    return own.concat(flatten(e.children ?? [], field));
  });
}

/**
 * Global validation: unknown fields are rejected (whitelist + forbidNonWhitelisted), values are
 * converted to the DTO's types, and failures answer 400 `VALIDATION_FAILED` with one detail per field.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: true,
    exceptionFactory: (errors) => {
      const details = flatten(errors);
      const first = details[0];
      return new AppError(CommonError.ValidationFailed, first ? `${first.message}` : undefined, details);
    },
  });
}
