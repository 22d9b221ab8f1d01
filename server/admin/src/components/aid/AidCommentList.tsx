import { useState } from 'react';
import { App, Button, List, Tag, Typography } from 'antd';
import type { AidCommentView } from '@dangjian/shared';
import { api, errorMessage } from '../../api';
import { useRemote } from '../../useRemote';
import { usePaging } from '../../usePaging';
import { LoadError } from '../LoadError';

/** A snapshot's comments (the admin sees all): pending ones show 待审核 and 通过. */
export function AidCommentList({ itemId }: { itemId: number }) {
  const { message } = App.useApp();
  const { page, pageSize, setPage } = usePaging(10);
  const { data, loading, error, reload } = useRemote(() => api.aid.comments(itemId, { page, pageSize }), [itemId, page, pageSize]);
  const [busy, setBusy] = useState<number | null>(null);
  const approve = async (c: AidCommentView) => {
    setBusy(c.id);
    try {
      await api.aid.approveComment(itemId, c.id);
      message.success('评论已通过');
      void reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };
  return (
    <div>
      <Typography.Title level={5}>评论</Typography.Title>
      <LoadError error={error} onRetry={reload} />
      <List<AidCommentView>
        size="small"
        loading={loading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: '暂无评论' }}
        pagination={(data?.total ?? 0) > pageSize ? { current: page, pageSize, total: data?.total ?? 0, size: 'small', onChange: setPage } : false}
        renderItem={(c) => (
          <List.Item
            actions={
              c.approved
                ? []
                : [
                    <Button key="ok" size="small" type="link" loading={busy === c.id} onClick={() => void approve(c)}>
                      通过
                    </Button>,
                  ]
            }
          >
            <List.Item.Meta
              title={
                <span>
                  {c.authorName} {!c.approved && <Tag color="gold">待审核</Tag>}
                  <Typography.Text type="secondary" style={{ fontWeight: 'normal', marginInlineStart: 8 }}>
                    {new Date(c.createdAt).toLocaleString('zh-CN', { hour12: false })}
                  </Typography.Text>
                </span>
              }
              description={c.content}
            />
          </List.Item>
        )}
      />
    </div>
  );
}
