import { useEffect, useRef, useState } from 'react';
import { Select, Spin } from 'antd';
import type { MemberView } from '@dangjian/shared';
import { api, errorMessage } from '../api';

interface Props {
  orgId: number;
  /** From a Form.Item: its label points at the search input. */
  id?: string;
  value?: number;
  onChange?: (memberId: number | undefined) => void;
  placeholder?: string;
  /** true: only members who have activated their account (those who can log in). */
  activated?: boolean;
  /** A reason shown beside a member who cannot be chosen (the option is greyed out). */
  disabledReason?: (m: MemberView) => string | undefined;
  /** Shown in the list when nothing matches. */
  emptyText?: string;
}

/** Picks a member of the org's subtree, searching the server by name or phone as the admin types. */
export function MemberSelect({ orgId, id, value, onChange, placeholder = '输入姓名或手机号搜索', activated, disabledReason, emptyText = '没有找到党员' }: Props) {
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
        const page = await api.members.list({ orgId, keyword: keyword.trim() || undefined, activated, page: 1, pageSize: 20 });
        if (mine === seq.current) setOptions(page.items);
      } catch (e) {
        if (mine === seq.current) setError(errorMessage(e));
      } finally {
        if (mine === seq.current) setLoading(false);
      }
    }, keyword ? 300 : 0);
    return () => clearTimeout(timer);
  }, [orgId, keyword, activated]);

  return (
    <Select<number>
      id={id}
      value={value}
      onChange={(v) => onChange?.(v)}
      placeholder={placeholder}
      allowClear
      showSearch={{ filterOption: false, onSearch: setKeyword }}
      notFoundContent={loading ? <Spin size="small" /> : error ? <span style={{ color: '#cf1322' }}>{error}</span> : emptyText}
      options={options.map((m) => {
        const reason = disabledReason?.(m);
        return { value: m.id, label: `${m.name}（${m.orgName}）${reason ? ` · ${reason}` : ''}`, disabled: !!reason };
      })}
      style={{ width: '100%' }}
    />
  );
}
