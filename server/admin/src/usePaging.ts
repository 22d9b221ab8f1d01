import { useState } from 'react';
import type { TablePaginationConfig } from 'antd';

/**
 * Page and page size of a server-paginated table, and the antd pagination props for it: a new page
 * size (or, through `filter`, a new filter) starts again from the first page; `unit` names what is
 * counted (共 n 条 / 共 n 名党员).
 */
export function usePaging(initialSize = 20, sizes = [10, 20, 50, 100]) {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(initialSize);
  const pagination = (total: number, unit = '条'): TablePaginationConfig => ({
    current: page,
    pageSize,
    total,
    showSizeChanger: true,
    pageSizeOptions: sizes,
    showTotal: (t) => `共 ${t} ${unit}`,
    onChange: (p, s) => {
      setPage(s !== pageSize ? 1 : p);
      setPageSize(s);
    },
  });
  /** Wraps a filter's setter: a new filter value starts again from the first page. */
  const filter =
    <T>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };
  return { page, pageSize, setPage, pagination, filter };
}
