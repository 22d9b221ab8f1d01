import { useState } from 'react';
import { App, Button, Empty, Pagination, Popconfirm, Spin, Typography } from 'antd';
import { api, errorMessage } from '../../api';
import { useRemote } from '../../useRemote';
import { LoadError } from '../LoadError';
import { formatTime } from './postState';

const PAGE_SIZE = 10;

/** A post's comments (the deliberation hall's opinions, `noun` 意见), oldest first, each deletable by an admin. */
export function BranchComments({ postId, noun, onChanged }: { postId: number; noun: '评论' | '意见'; onChanged: () => void }) {
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const { data, loading, error, reload } = useRemote(() => api.branch.comments(postId, { page, pageSize: PAGE_SIZE }), [postId, page]);

  const remove = async (commentId: number) => {
    try {
      await api.branch.removeComment(commentId);
      message.success(`已删除${noun}`);
      await reload();
      onChanged();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <>
      <LoadError error={error} onRetry={reload} />
      <Spin spinning={loading && data !== undefined}>
        {data?.items.length ? (
          data.items.map((c) => (
            <div key={c.id} className="branch-comment">
              <div className="branch-comment-head">
                <Typography.Text strong>{c.authorName}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatTime(c.createdAt)}
                </Typography.Text>
                {c.canDelete && (
                  <Popconfirm title={`删除这条${noun}？`} okText="删除" okButtonProps={{ danger: true }} onConfirm={() => remove(c.id)}>
                    <Button type="link" size="small" danger style={{ marginInlineStart: 'auto' }}>
                      删除
                    </Button>
                  </Popconfirm>
                )}
              </div>
              <div style={{ whiteSpace: 'pre-wrap' }}>{c.content}</div>
            </div>
          ))
        ) : loading && !data ? (
          <div style={{ textAlign: 'center', padding: 24 }}>
            <Spin />
          </div>
        ) : (
          !error && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={`暂无${noun}`} />
        )}
      </Spin>
      {(data?.total ?? 0) > PAGE_SIZE && (
        <Pagination size="small" align="end" style={{ marginTop: 8 }} current={page} pageSize={PAGE_SIZE} total={data?.total} onChange={setPage} />
      )}
    </>
  );
}
