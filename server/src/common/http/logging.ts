import type { IncomingMessage } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { AppConfig } from '../../config/config.js';

/** ID numbers and phone numbers never reach the logs, not even inside a URL (ID-13). */
export function scrubText(s: string): string {
  return s.replace(/\d{17}[\dXx]/g, '[id-number]').replace(/(?<!\d)1[3-9]\d{9}(?!\d)/g, '[phone]');
}

/** pino request logs: one line per request, secrets redacted. */
export function loggerOptions(config: AppConfig): Params {
  return {
    pinoHttp: {
      level: config.LOG_LEVEL,
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
