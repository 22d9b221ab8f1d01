import { Injectable } from '@nestjs/common';

/**
 * The current time, for rules that hang on it (meeting start, feedback deadline, check-in codes).
 * One seam: API tests replace `now`; browser tests, which run the server as a separate process,
 * move it forward through POST /api/v1/dev/clock when DEV_CLOCK is on. Neither ever sleeps.
 */
@Injectable()
export class Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  advance(ms: number): Date {
    this.offsetMs += ms;
    return this.now();
  }
}
