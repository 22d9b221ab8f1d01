import type { IncomingMessage } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { AppConfig } from '../../config/config.js';

/** ID numbers and phone numbers never reach the logs, not even inside a URL (ID-13). */
export function scrubText(s: string): string {
  return s.replace(/\d{17}[\dXx]/g, '[id-number]').replace(/(?<!\d)1[3-9]\d{9}(?!\d)/g, '[phone]');
}

/** Nest's start-up chatter (one line per module and route); shown only at debug level. */
const BOOT_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory']);

/** pino request logs: one line per request, secrets redacted. */
export function loggerOptions(config: AppConfig): Params {
  const quietBoot = !['debug', 'trace'].includes(config.LOG_LEVEL);
  return {
    pinoHttp: {
      level: config.LOG_LEVEL,
      hooks: {
        logMethod(args, method) {
          const first = args[0] as unknown;
          if (quietBoot && first && typeof first === 'object' && BOOT_CONTEXTS.has((first as { context?: string }).context ?? '')) return;
          method.apply(this, args);
        },
      },
      redact: {
        paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]', '*.password', '*.idNumber', '*.phone', '*.token', '*.refreshToken', '*.accessToken'],
        censor: '[redacted]',
      },
      serializers: {
        req: (req: IncomingMessage & { id?: unknown }) => ({ id: req.id, method: req.method, url: scrubText(req.url ?? '') }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
      autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/admin/assets') },
    },
  };
}
