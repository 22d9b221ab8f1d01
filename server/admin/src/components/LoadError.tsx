import { Alert, Button } from 'antd';

/** A failed load, with the API's message and a 重试 button (above a table or list). */
export function LoadError({ error, onRetry }: { error: string | null; onRetry: () => void }) {
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      title={error}
      style={{ marginBottom: 12 }}
      action={
        <Button size="small" onClick={onRetry}>
          重试
        </Button>
      }
    />
  );
}
