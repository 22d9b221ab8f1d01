import { OnEvent } from '@nestjs/event-emitter';

/**
 * A domain-event listener. Events are emitted with `emitAsync` inside the request, so a listener runs
 * in the caller's transaction; its errors propagate (no suppression) and roll the change back.
 */
export const Listen = (event: string) => OnEvent(event, { promisify: true, suppressErrors: false });
