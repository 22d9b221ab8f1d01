import { DatePicker } from 'antd';
import dayjs from 'dayjs';

interface Props<T> {
  value: T;
  onChange: (value: T) => void;
  /** The last month/year that may be picked (nothing to see in the future). */
  max?: T;
}

/** A month picker whose value is the API's month key (2026-11); never empty. */
export function MonthPicker({ value, onChange, max }: Props<string>) {
  return (
    <DatePicker
      picker="month"
      allowClear={false}
      format="YYYY年M月"
      value={dayjs(`${value}-01`)}
      onChange={(d) => d && onChange(d.format('YYYY-MM'))}
      disabledDate={max ? (d) => d.format('YYYY-MM') > max : undefined}
      style={{ width: 130 }}
      data-testid="month-picker"
    />
  );
}

/** A year picker (2026); never empty. */
export function YearPicker({ value, onChange, max }: Props<number>) {
  return (
    <DatePicker
      picker="year"
      allowClear={false}
      format="YYYY年"
      value={dayjs(`${value}-01-01`)}
      onChange={(d) => d && onChange(d.year())}
      disabledDate={max ? (d) => d.year() > max : undefined}
      style={{ width: 110 }}
      data-testid="year-picker"
    />
  );
}
