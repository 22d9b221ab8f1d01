import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Modal, Popconfirm, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, PlusOutlined } from '@ant-design/icons';
import type { MallCategory } from '@dangjian/shared';
import { api, errorMessage } from '../api';
import { useRemote } from '../useRemote';
import { useAction } from '../useAction';
import { LoadError } from '../components/LoadError';

/** 新增分类 / 重命名: one name, 1–30 characters. */
function CategoryNameModal({ category, onClose, onSaved }: { category?: MallCategory; onClose: () => void; onSaved: (c: MallCategory) => void }) {
  const [form] = Form.useForm<{ name: string }>();
  const { run, busy, error } = useAction(async (v: { name: string }) => {
    const req = { name: v.name.trim() };
    onSaved(category ? await api.mall.renameCategory(category.id, req) : await api.mall.createCategory(req));
  });
  return (
    <Modal open title={category ? `重命名分类 · ${category.name}` : '新增分类'} okText={category ? '保存' : '新增'} confirmLoading={busy} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form form={form} layout="vertical" name="mall-category" initialValues={{ name: category?.name }} onFinish={run}>
        <Form.Item name="name" label="分类名称" rules={[{ required: true, whitespace: true, message: '请填写分类名称' }, { max: 30, message: '分类名称最多30个字' }]} style={{ marginBottom: 0 }}>
          <Input maxLength={30} showCount placeholder="如：文化用品" autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * 商品分类 (MALL-1), for the tenant admin: the categories in the order members see them; add,
 * rename, move up or down (the whole order goes to the server), delete an empty one.
 */
export function MallCategoriesPage() {
  const { message } = App.useApp();
  const { data, loading, error, reload } = useRemote(() => api.mall.categories(), []);
  const [editing, setEditing] = useState<MallCategory | 'new' | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const list = data ?? [];

  const act = async (categoryId: number, fn: () => Promise<string>) => {
    setBusy(categoryId);
    try {
      message.success(await fn());
      await reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };
  const move = (c: MallCategory, by: -1 | 1) =>
    act(c.id, async () => {
      const ids = list.map((x) => x.id);
      const at = ids.indexOf(c.id);
      [ids[at], ids[at + by]] = [ids[at + by], ids[at]];
      await api.mall.reorderCategories(ids);
      return `「${c.name}」已${by < 0 ? '上移' : '下移'}`;
    });
  const remove = (c: MallCategory) =>
    act(c.id, async () => {
      await api.mall.removeCategory(c.id);
      return `分类「${c.name}」已删除`;
    });

  const columns: TableColumnsType<MallCategory> = [
    { title: '序号', key: 'no', width: 70, align: 'center', render: (_, __, i) => i + 1 },
    { title: '分类名称', dataIndex: 'name' },
    {
      title: '操作',
      key: 'op',
      width: 300,
      render: (_, c, i) => (
        <Space size={0} wrap>
          <Button type="link" size="small" icon={<ArrowUpOutlined />} disabled={i === 0 || busy !== null} onClick={() => void move(c, -1)}>
            上移
          </Button>
          <Button type="link" size="small" icon={<ArrowDownOutlined />} disabled={i === list.length - 1 || busy !== null} onClick={() => void move(c, 1)}>
            下移
          </Button>
          <Button type="link" size="small" onClick={() => setEditing(c)}>
            重命名
          </Button>
          <Popconfirm title={`删除分类「${c.name}」？`} description="分类下还有商品时不能删除" okText="删除" okButtonProps={{ danger: true }} cancelText="取消" onConfirm={() => remove(c)}>
            <Button type="link" size="small" danger loading={busy === c.id}>
              删除
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <Card
      size="small"
      title="商品分类"
      style={{ maxWidth: 820 }}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          新增分类
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">党员在积分商城按此顺序看到各分类；分类下没有商品时才能删除。</Typography.Paragraph>
      <LoadError error={error} onRetry={reload} />
      <Table<MallCategory>
        data-testid="mall-categories"
        rowKey="id"
        size="small"
        loading={loading}
        columns={columns}
        dataSource={list}
        pagination={false}
        locale={{ emptyText: '还没有商品分类，请先新增分类' }}
      />
      {editing && (
        <CategoryNameModal
          category={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
          onSaved={(c) => {
            setEditing(null);
            message.success(editing === 'new' ? `已新增分类「${c.name}」` : `分类已改名为「${c.name}」`);
            void reload();
          }}
        />
      )}
    </Card>
  );
}
