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
