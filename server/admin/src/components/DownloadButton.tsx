import { useState, type ReactNode } from 'react';
import { App, Button } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { errorMessage } from '../api';

/** A button that downloads a file (exports): spins while it runs, shows the API's message when it fails. */
export function DownloadButton({ onDownload, children = '导出 Excel', disabled }: { onDownload: () => Promise<void>; children?: ReactNode; disabled?: boolean }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      await onDownload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<DownloadOutlined />} loading={busy} disabled={disabled} onClick={() => void run()}>
      {children}
    </Button>
  );
}
