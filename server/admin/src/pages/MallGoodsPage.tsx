import { useState } from 'react';
import { Alert, App, Button, Card, Image, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { MallGoods } from '@dangjian/shared';
import { MALL_GOODS_KIND_LABELS } from '@dangjian/shared';
import { api, errorMessage } from '../api';
import { useRemote } from '../useRemote';
import { usePaging } from '../usePaging';
import { LoadError } from '../components/LoadError';
import { GoodsFormModal } from '../components/mall/GoodsFormModal';

/**
 * 商品管理 (MALL-1), for the tenant admin: goods and services of every category (or one), with
 * points price, stock and images; new ones and changes in a modal; 上架 / 下架 in the table.
 */
export function MallGoodsPage() {
  const { message } = App.useApp();
  const categories = useRemote(() => api.mall.categories(), []);
  const [categoryId, setCategoryId] = useState<number>();
  const { page, pageSize, pagination, filter } = usePaging(20);
  const { data, loading, error, reload } = useRemote(() => api.mall.goods({ categoryId, page, pageSize }), [categoryId, page, pageSize]);
  const [editing, setEditing] = useState<MallGoods | 'new' | null>(null);
  const [switching, setSwitching] = useState<number | null>(null);
  const cats = categories.data ?? [];
  const categoryName = (id: number) => cats.find((c) => c.id === id)?.name ?? '—';

  const toggle = async (g: MallGoods, enabled: boolean) => {
    setSwitching(g.id);
    try {
      await api.mall.setEnabled(g.id, enabled);
      message.success(`「${g.name}」已${enabled ? '上架' : '下架'}`);
      await reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setSwitching(null);
    }
  };

  const columns: TableColumnsType<MallGoods> = [
    {
      title: '图片',
      key: 'image',
      width: 76,
      render: (_, g) =>
        g.images[0] ? (
          <Image src={g.images[0].url} width={48} height={48} style={{ objectFit: 'cover', borderRadius: 4 }} alt={g.name} />
        ) : (
          <div style={{ width: 48, height: 48, borderRadius: 4, background: '#f5f5f5', color: 'rgba(0,0,0,0.25)', fontSize: 12, display: 'flex', alignItems: 'center', justifyContent: 'center' }}>无图</div>
        ),
    },
    {
      title: '名称',
      key: 'name',
      render: (_, g) => (
        <Space orientation="vertical" size={0}>
          <span style={g.enabled ? undefined : { color: 'rgba(0,0,0,0.45)' }}>{g.name}</span>
          {g.description && (
            <Typography.Text type="secondary" ellipsis={{ tooltip: g.description }} style={{ maxWidth: 320, fontSize: 12 }}>
              {g.description}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    { title: '类型', dataIndex: 'kind', width: 70, render: (k: MallGoods['kind']) => <Tag color={k === 'service' ? 'blue' : 'red'}>{MALL_GOODS_KIND_LABELS[k]}</Tag> },
    { title: '分类', dataIndex: 'categoryId', width: 120, render: (id: number) => categoryName(id) },
    { title: '兑换积分', dataIndex: 'pointsPrice', width: 100, align: 'right', render: (p: number) => `${p} 分` },
    { title: '库存', dataIndex: 'stock', width: 80, align: 'right', render: (s: number) => (s === 0 ? <Typography.Text type="danger">0</Typography.Text> : s) },
    {
      title: '上架',
      key: 'enabled',
      width: 90,
      render: (_, g) => (
        <Switch size="small" checked={g.enabled} loading={switching === g.id} onChange={(on) => void toggle(g, on)} aria-label={`${g.name}上架`} />
      ),
    },
    {
      title: '操作',
      key: 'op',
      width: 70,
      render: (_, g) => (
        <Button type="link" size="small" onClick={() => setEditing(g)}>
          修改
        </Button>
      ),
    },
  ];

  return (
    <Card
      size="small"
      title="商品管理"
      style={{ maxWidth: 1080 }}
      extra={
        <Button type="primary" icon={<PlusOutlined />} disabled={cats.length === 0} onClick={() => setEditing('new')}>
          新增商品
        </Button>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Select<number>
          allowClear
          placeholder="全部分类"
          style={{ width: 180 }}
          value={categoryId}
          onChange={filter(setCategoryId)}
          loading={categories.loading}
          options={cats.map((c) => ({ value: c.id, label: c.name }))}
          data-testid="goods-category-filter"
        />
        <Typography.Text type="secondary">兑换只扣减党员的商城积分余额，不减少积分。</Typography.Text>
      </Space>
      {categories.data && cats.length === 0 && <Alert type="info" showIcon title="还没有商品分类，请先在“商品分类”中新增分类，再添加商品。" style={{ marginBottom: 12 }} />}
      <LoadError error={categories.error ?? error} onRetry={() => void (categories.error ? categories.reload() : reload())} />
      <Table<MallGoods>
        data-testid="mall-goods"
        rowKey="id"
        size="small"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        pagination={pagination(data?.total ?? 0)}
        locale={{ emptyText: categoryId ? '该分类下还没有商品' : '还没有商品' }}
      />
      {editing && (
        <GoodsFormModal
          goods={editing === 'new' ? undefined : editing}
          categories={cats}
          categoryId={categoryId}
          onClose={() => setEditing(null)}
          onSaved={(g) => {
            setEditing(null);
            message.success(editing === 'new' ? `已新增「${g.name}」` : `「${g.name}」已保存`);
            void reload();
          }}
        />
      )}
    </Card>
  );
}
