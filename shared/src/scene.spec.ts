import { encodeScene, parseScene } from './scene.js';

describe('entry scene', () => {
  it('round-trips tenant and branch within WeChat\'s 32 characters', () => {
    const s = encodeScene({ tenantId: 123456789, orgId: 987654321 });
    expect(s.length).toBeLessThanOrEqual(32);
    expect(parseScene(s)).toEqual({ tenantId: 123456789, orgId: 987654321 });
    expect(parseScene(encodeScene({ tenantId: 7 }))).toEqual({ tenantId: 7 });
  });
  it('accepts the URL-encoded form WeChat passes and rejects anything else', () => {
    expect(parseScene('t1o5')).toEqual({ tenantId: 1, orgId: 5 });
    expect(parseScene(encodeURIComponent('t1o5'))).toEqual({ tenantId: 1, orgId: 5 });
    expect(parseScene('x1')).toBeNull();
    expect(parseScene('t1o5;drop')).toBeNull();
    expect(parseScene('%E0%A4%A')).toBeNull();
    expect(parseScene(undefined)).toBeNull();
  });
});
