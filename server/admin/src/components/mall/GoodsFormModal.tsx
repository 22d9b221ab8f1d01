import { Alert, Form, Input, InputNumber, Modal, Radio, Select, Switch } from 'antd';
import type { MallCategory, MallGoods, MallGoodsKind } from '@dangjian/shared';
import { MALL_GOODS_KIND_LABELS } from '@dangjian/shared';
import { api } from '../../api';
import { useAction } from '../../useAction';
import { ImageUpload, imageKey, storedImage, type ImageFile } from '../branch/ImageUpload';

interface Values {
  categoryId: number;
  kind: MallGoodsKind;
  name: string;
  description?: string;
  pointsPrice: number;
  stock: number;
  images: ImageFile[];
  enabled: boolean;
}

interface Props {
  /** The goods to change; absent: new goods. */
  goods?: MallGoods;
  categories: MallCategory[];
  /** The category the table is filtered by (new goods start in it). */
  categoryId?: number;
  onClose: () => void;
  onSaved: (goods: MallGoods) => void;
}

/**
 * 新增商品 / 修改商品 (MALL-1): a goods item or a service in a category, with its points price,
 * stock, up to 9 images (uploaded as they are chosen) and whether it is on sale.
 */
export function GoodsFormModal({ goods, categories, categoryId, onClose, onSaved }: Props) {
  const [form] = Form.useForm<Values>();
  const initial: Partial<Values> = goods
    ? { ...goods, images: goods.images.map(storedImage) }
    : { categoryId: categoryId ?? categories[0]?.id, kind: 'goods', stock: 10, images: [], enabled: true };

  const { run: save, busy, error } = useAction(async (v: Values) => {
    if (v.images.some((f) => f.status === 'uploading')) throw new Error('图片还在上传，请稍候');
    const req = {
      categoryId: v.categoryId,
      kind: v.kind,
      name: v.name.trim(),
      description: v.description?.trim() ?? '',
      pointsPrice: v.pointsPrice,
      stock: v.stock,
      images: v.images.map(imageKey).filter((k): k is string => k !== undefined),
      enabled: v.enabled,
    };
    onSaved(goods ? await api.mall.updateGoods(goods.id, req) : await api.mall.createGoods(req));
  });

  return (
    <Modal open width={600} title={goods ? `修改商品 · ${goods.name}` : '新增商品'} okText={goods ? '保存' : '新增'} confirmLoading={busy} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form<Values> form={form} layout="horizontal" labelCol={{ span: 5 }} name="mall-goods" initialValues={initial} onFinish={save}>
        <Form.Item name="kind" label="类型" rules={[{ required: true, message: '请选择商品或服务' }]}>
          <Radio.Group optionType="button" options={(['goods', 'service'] as const).map((k) => ({ value: k, label: MALL_GOODS_KIND_LABELS[k] }))} />
        </Form.Item>
        <Form.Item name="categoryId" label="分类" rules={[{ required: true, message: '请选择分类' }]}>
          <Select placeholder="选择分类" options={categories.map((c) => ({ value: c.id, label: c.name }))} style={{ width: 240 }} />
        </Form.Item>
        <Form.Item name="name" label="名称" rules={[{ required: true, whitespace: true, message: '请填写名称' }, { max: 60, message: '名称最多60个字' }]}>
          <Input maxLength={60} showCount placeholder="如：党建笔记本" />
        </Form.Item>
        <Form.Item name="description" label="介绍" rules={[{ max: 1000, message: '介绍最多1000字' }]}>
          <Input.TextArea rows={3} maxLength={1000} showCount placeholder="规格、领取地点、服务时间等" />
        </Form.Item>
        <Form.Item name="pointsPrice" label="兑换积分" rules={[{ required: true, message: '请填写兑换所需积分' }]}>
          <InputNumber min={1} max={1_000_000} precision={0} suffix="分" style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="stock" label="库存" rules={[{ required: true, message: '请填写库存' }]}>
          <InputNumber min={0} max={1_000_000} precision={0} suffix="件" style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="images" label="图片" valuePropName="value" extra="最多9张，JPG、PNG 或 WebP，每张不超过5MB">
          <ImageUpload max={9} />
        </Form.Item>
        <Form.Item name="enabled" label="上架" valuePropName="checked" style={{ marginBottom: 0 }}>
          <Switch checkedChildren="上架" unCheckedChildren="下架" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
