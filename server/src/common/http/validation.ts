import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { ValidateIf } from 'class-validator';
import { AppError } from '../errors/app-error.js';
import { CommonError } from '../errors/error-codes.js';

function flatten(errors: ValidationError[], prefix = ''): Array<{ field: string; message: string }> {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.entries(e.constraints ?? {}).map(([key, message]) => ({
      field,
      // Rules without a Chinese message of their own fall back to a generic one (users read these).
      message: key === 'whitelistValidation' ? `不支持的字段：${field}` : /[\u4e00-\u9fff]/.test(message) ? message : `${field} 的值不正确`,
    }));
    return own.concat(flatten(e.children ?? [], field));
  });
}

/**
 * For PATCH fields of NOT NULL columns: absent means "leave as is", but null is validated (and so
 * refused) instead of being skipped as class-validator's IsOptional would.
 */
export const OptionalNotNull = () => ValidateIf((_obj: unknown, v: unknown) => v !== undefined);

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

/** @Transform(trim): surrounding spaces are not part of what a person meant to type. */
export const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
