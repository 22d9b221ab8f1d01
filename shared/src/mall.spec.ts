import * as shared from './index.js';

describe('mall labels (MALL-1, MALL-3)', () => {
  it('are exported at run time from the package', () => {
    expect(shared.MALL_ORDER_STATUS_LABELS).toEqual({ awaiting: '待领取', picked_up: '已领取', cancelled: '已取消' });
    expect(shared.MALL_GOODS_KIND_LABELS).toEqual({ goods: '商品', service: '服务' });
    expect(shared.SNAPSHOT_COLUMN_LABELS.exposure).toBe('曝光台');
  });
});
