import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { AdminOnly } from '../auth/decorators.js';
import { AppError } from '../errors/app-error.js';
import { CommonError } from '../errors/error-codes.js';
import { AppConfig } from '../../config/config.js';
import { Clock } from './clock.js';

class AdvanceClockDto {
  @IsInt() @Min(1) @Max(7 * 24 * 3600_000) advanceMs: number;
}

/** Browser tests only (DEV_CLOCK=true, never in production): move the server's time forward. */
@ApiExcludeController()
@AdminOnly()
@Controller('dev/clock')
export class DevClockController {
  constructor(
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  @Post()
  @HttpCode(200)
  advance(@Body() dto: AdvanceClockDto): { now: string } {
    if (!this.config.DEV_CLOCK || this.config.NODE_ENV === 'production') throw new AppError(CommonError.NotFound);
    return { now: this.clock.advance(dto.advanceMs).toISOString() };
  }
}
