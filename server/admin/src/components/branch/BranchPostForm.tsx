import { useState } from 'react';
import { Alert, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import type { BranchHome, BranchKind, BranchPostCreateRequest, BranchPostDetail, BranchPostUpdateRequest, OrgNode } from '@dangjian/shared';
import { BRANCH_CONTENT_MAX, BRANCH_SPACES, BRANCH_TITLE_MAX, publicityPeriodOk } from '@dangjian/shared';
import { api, errorMessage } from '../../api';
import { findOrg } from '../../orgTree';
import { changedFields } from '../../formDiff';
import { ImageUpload, imageKey, storedImage, type ImageFile } from './ImageUpload';

const TIME = 'YYYY-MM-DD HH:mm';

interface Values {
  title?: string;
  content: string;
  images: ImageFile[];
  heldAt?: Dayjs | null;
  period?: [Dayjs, Dayjs] | null;
  scopeOrgId?: number;
  closesAt?: Dayjs | null;
}

interface Props {
  home: BranchHome;
  kind: BranchKind;
  tree: OrgNode[];
  /** Absent: a new post. */
  post?: BranchPostDetail;
  onClose: () => void;
  onSaved: (post: BranchPostDetail) => void;
}

const iso = (d: Dayjs | null | undefined) => (d ? d.toISOString() : undefined);
const day = (s: string | null | undefined) => (s ? dayjs(s) : null);

/**
 * 发布 / 编辑 a post, the fields drawn from the space's rule (BRANCH_SPACES): title, content,
 * images (min/max), the meeting time of 组织生活, the publicity period (≤ 1 month, BR-3) and scope of
 * 党务公开, the optional closing time of 议事大厅.
 */
export function BranchPostForm({ home, kind, tree, post, onClose, onSaved }: Props) {
  const rule = BRANCH_SPACES[kind];
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const branch = findOrg(tree, home.orgId);
  const scopes = [{ value: home.orgId, label: `${home.orgName}（全支部）` }].concat(
    (branch?.children ?? []).filter((c) => c.type === 'group').map((g) => ({ value: g.id, label: g.name })),
  );

  const initial: Values = post
    ? {
        title: post.title ?? undefined,
        content: post.content,
        images: post.images.map(storedImage),
        heldAt: day(post.heldAt),
        period: post.startsAt && post.endsAt ? [dayjs(post.startsAt), dayjs(post.endsAt)] : null,
        scopeOrgId: post.scopeOrgId ?? home.orgId,
        closesAt: day(post.closesAt),
      }
    : { content: '', images: [], scopeOrgId: home.orgId };

  const toRequest = (v: Values): BranchPostCreateRequest => ({
    kind,
    orgId: home.orgId,
    title: rule.title === 'required' ? v.title?.trim() : undefined,
    content: v.content.trim(),
    images: v.images.map(imageKey).filter((k): k is string => k !== undefined),
    heldAt: rule.heldAt ? iso(v.heldAt) : undefined,
    startsAt: rule.period ? iso(v.period?.[0]) : undefined,
    endsAt: rule.period ? iso(v.period?.[1]) : undefined,
    scopeOrgId: rule.period ? v.scopeOrgId : undefined,
    closesAt: rule.closesAt ? iso(v.closesAt) : undefined,
  });

  const save = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return; // the fields show what is wrong
    }
    setSaving(true);
    setError(null);
    try {
      const req = toRequest(v);
      if (!post) {
        onSaved(await api.branch.create(req));
        return;
      }
      // Send only what changed: a period that has begun or a past closing time is not re-validated.
      const { kind: _k, orgId: _o, ...after } = req;
      const { kind: _k2, orgId: _o2, ...before } = toRequest(initial);
      const patch: BranchPostUpdateRequest = changedFields(before, after);
      // A cleared closing time reopens the topic with no end.
      if (rule.closesAt && before.closesAt && !after.closesAt) patch.closesAt = null;
      if (Object.keys(patch).length === 0) {
        onClose(); // nothing changed, nothing to save
        return;
      }
      onSaved(await api.branch.update(post.id, patch));
    } catch (e) {
      setError(errorMessage(e));
      setSaving(false);
    }
  };

  const imagesRule = {
    validator: (_: unknown, files: ImageFile[] = []) => {
      if (files.some((f) => f.status === 'uploading')) return Promise.reject(new Error('图片上传中，请稍候'));
      if (files.some((f) => f.status === 'error')) return Promise.reject(new Error('请移除上传失败的图片'));
      if (files.length < rule.minImages) return Promise.reject(new Error(`请至少上传 ${rule.minImages} 张图片`));
      return Promise.resolve();
    },
  };

  return (
    <Modal
      open
      width={720}
      title={post ? `编辑${rule.label}` : `发布${rule.label}`}
      okText={post ? '保存' : '发布'}
      confirmLoading={saving}
      onOk={save}
      onCancel={onClose}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form<Values> form={form} layout="vertical" initialValues={initial} name="branch-post">
        {rule.title === 'required' && (
          <Form.Item name="title" label="标题" rules={[{ required: true, whitespace: true, message: '请输入标题' }]}>
            <Input maxLength={BRANCH_TITLE_MAX} showCount placeholder="标题" autoFocus />
          </Form.Item>
        )}
        <Form.Item name="content" label="内容" rules={[{ required: true, whitespace: true, message: '请输入内容' }]}>
          <Input.TextArea rows={6} maxLength={BRANCH_CONTENT_MAX} showCount placeholder="正文" />
        </Form.Item>
        {rule.heldAt && (
          <Form.Item
            name="heldAt"
            label="召开时间"
            rules={[
              { required: true, message: '请选择召开时间' },
              { validator: (_, d: Dayjs | null) => (d && d.isAfter(dayjs()) ? Promise.reject(new Error('召开时间不能晚于现在')) : Promise.resolve()) },
            ]}
          >
            <DatePicker showTime={{ format: 'HH:mm' }} format={TIME} style={{ width: 260 }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
        )}
        {rule.period && (
          <div style={{ display: 'flex', gap: 16 }}>
            <Form.Item
              name="period"
              label="公示期"
              extra="最长一个月"
              style={{ flex: 'none' }}
              rules={[
                { required: true, message: '请选择公示期' },
                {
                  validator: (_, p: [Dayjs, Dayjs] | null) =>
                    p && !publicityPeriodOk(p[0].toDate(), p[1].toDate())
                      ? Promise.reject(new Error('公示期不能超过一个月，且结束须晚于开始'))
                      : Promise.resolve(),
                },
              ]}
            >
              <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format={TIME} style={{ width: 380 }} />
            </Form.Item>
            <Form.Item name="scopeOrgId" label="公示范围" style={{ flex: 1, minWidth: 0 }} rules={[{ required: true, message: '请选择公示范围' }]}>
              <Select options={scopes} />
            </Form.Item>
          </div>
        )}
        {rule.closesAt && (
          <Form.Item
            name="closesAt"
            label="截止时间"
            extra="不填则一直接受意见"
            rules={[
              {
                validator: (_, d: Dayjs | null) =>
                  d && d.isBefore(dayjs()) && !(post?.closesAt && d.isSame(post.closesAt))
                    ? Promise.reject(new Error('截止时间须晚于现在'))
                    : Promise.resolve(),
              },
            ]}
          >
            <DatePicker showTime={{ format: 'HH:mm' }} format={TIME} style={{ width: 260 }} disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
          </Form.Item>
        )}
        <Form.Item
          name="images"
          label={`图片${rule.minImages ? `（至少 ${rule.minImages} 张，` : '（'}最多 ${rule.maxImages} 张）`}
          rules={[imagesRule]}
          extra="JPG、PNG 或 WebP，每张不超过 5MB"
        >
          <ImageUpload max={rule.maxImages} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
