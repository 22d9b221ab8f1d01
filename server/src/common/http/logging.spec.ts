import { AppConfig } from '../../config/config.js';
import { describe, expect, it } from '../../../test/support.js';
import { loggerOptions, scrubText } from './logging.js';

describe('request logs (ID-13)', () => {
  it('never carry ID numbers or phone numbers, even in URLs', () => {
    expect(scrubText('/api/v1/members?keyword=13812345678&x=11010519491231002X')).toBe('/api/v1/members?keyword=[phone]&x=[id-number]');
    expect(scrubText('/api/v1/members/123')).toBe('/api/v1/members/123');
  });

  it('redact credentials and personal fields', () => {
    const { pinoHttp } = loggerOptions(new AppConfig()) as { pinoHttp: { redact: { paths: string[] } } };
    expect(pinoHttp.redact.paths).toEqual(expect.arrayContaining(['req.headers.authorization', '*.password', '*.idNumber', '*.phone', '*.refreshToken']));
  });
});

describe('start-up logs', () => {
  const hook = (level: string) => {
    const { pinoHttp } = loggerOptions(Object.assign(new AppConfig(), { LOG_LEVEL: level })) as {
      pinoHttp: { hooks: { logMethod(this: unknown, args: unknown[], method: (...a: unknown[]) => void): void } };
    };
    const written: unknown[][] = [];
    const log = (...args: unknown[]) => pinoHttp.hooks.logMethod.call({}, args, (...a: unknown[]) => written.push(a));
    return { log, written };
  };

  it("leave out Nest's per-route chatter at info level, but keep everything else", () => {
    const { log, written } = hook('info');
    log({ context: 'RouterExplorer' }, 'Mapped {/api/v1/members, GET} route');
    log({ context: 'Seed' }, 'demo tenant seeded');
    log('plain message');
    expect(written).toEqual([[{ context: 'Seed' }, 'demo tenant seeded'], ['plain message']]);
  });

  it('show it when debugging', () => {
    const { log, written } = hook('debug');
    log({ context: 'RouterExplorer' }, 'Mapped {/api/v1/members, GET} route');
    expect(written).toHaveLength(1);
  });
});
