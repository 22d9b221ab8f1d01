import { useEffect, useRef, useState } from 'react';
import { Select, Spin } from 'antd';
import type { MemberView } from '@dangjian/shared';
import { api, errorMessage } from '../api';

interface Props {
  orgId: number;
  value?: number;
  onChange?: (memberId: number | undefined) => void;
  placeholder?: string;
}

/** Picks a member of the org's subtree, searching the server by name or phone as the admin types. */
export function MemberSelect({ orgId, value, onChange, placeholder = '输入姓名或手机号搜索' }: Props) {
  const [keyword, setKeyword] = useState('');
  const [options, setOptions] = useState<MemberView[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const seq = useRef(0);

  useEffect(() => {
    const mine = ++seq.current;
    const timer = setTimeout(async () => {
      setLoading(true);
      setError(null);
      try {
        const page = await api.members.list({ orgId, keyword: keyword.trim() || undefined, page: 1, pageSize: 20 });
        if (mine === seq.current) setOptions(page.items);
      } catch (e) {
        if (mine === seq.current) setError(errorMessage(e));
      } finally {
        if (mine === seq.current) setLoading(false);
      }
    }, keyword ? 300 : 0);
    return () => clearTimeout(timer);
  }, [orgId, keyword]);

  return (
    <Select<number>
      value={value}
      onChange={(v) => onChange?.(v)}
      placeholder={placeholder}
      allowClear
      showSearch={{ filterOption: false, onSearch: setKeyword }}
      notFoundContent={loading ? <Spin size="small" /> : error ? <span style={{ color: '#cf1322' }}>{error}</span> : '没有找到党员'}
      options={options.map((m) => ({ value: m.id, label: `${m.name}（${m.orgName}）` }))}
      style={{ width: '100%' }}
    />
  );
}
