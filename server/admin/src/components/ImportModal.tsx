import { useState } from 'react';
import { Alert, App, Button, Modal, Space, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { ApiError, errorMessage, type ErrorDetail } from '../api';
import type { ImportKind } from './importKinds';

interface Props {
  /** Which import: MEMBER_IMPORT or ORG_IMPORT. */
  kind: ImportKind;
  onClose: () => void;
  /** Called after a successful import so the roster, the tree and its counts refresh. */
  onImported: (count: number) => void;
}

/**
 * 导入党员 (MEM-1) and 导入组织 (ORG-4): download the template, fill it in, upload. The import is
 * all or nothing; on 422 every row error is listed so the file can be fixed and uploaded again.
 */
export function ImportModal({ kind, onClose, onImported }: Props) {
  const { message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [uploading, setUploading] = useState(false);
  const [downloading, setDownloading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [rowErrors, setRowErrors] = useState<ErrorDetail[]>([]);
  const [imported, setImported] = useState<number | null>(null);

  const template = async () => {
    setDownloading(true);
    try {
      await kind.downloadTemplate();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setDownloading(false);
    }
  };

  const upload = async () => {
    if (!file) return;
    setUploading(true);
    setError(null);
    setRowErrors([]);
    setImported(null);
    try {
      const res = await kind.upload(file);
      setImported(res.imported);
      setFile(null);
      onImported(res.imported);
    } catch (e) {
      setError(errorMessage(e));
      if (e instanceof ApiError) setRowErrors(e.details);
    } finally {
      setUploading(false);
    }
  };

  return (
    <Modal
      open
      width={760}
      title={kind.title}
      onCancel={onClose}
      footer={
        <Space>
          <Button onClick={onClose}>{imported != null ? '完成' : '取消'}</Button>
          <Button type="primary" disabled={!file} loading={uploading} onClick={upload}>
            开始导入
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph>
        1. {kind.fillHint}
        <Button type="link" icon={<DownloadOutlined />} loading={downloading} onClick={template}>
          下载模板
        </Button>
      </Typography.Paragraph>
      <Typography.Paragraph>2. 上传填好的文件。任何一行有错误时整个文件都不会导入，请按提示修改后重新上传。</Typography.Paragraph>
      <Upload.Dragger
        accept=".xlsx"
        maxCount={1}
        fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
        beforeUpload={(f) => {
          setFile(f);
          setError(null);
          setRowErrors([]);
          setImported(null);
          return false;
        }}
        onRemove={() => {
          setFile(null);
          return true;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">点击或拖拽 Excel 文件（.xlsx）到这里</p>
      </Upload.Dragger>

      {imported != null && (
        <Alert type="success" showIcon title={`导入成功，共导入 ${imported} ${kind.unit}`} style={{ marginTop: 16 }} data-testid="import-success" />
      )}
      {error && (
        <Alert
          type="error"
          showIcon
          title={error}
          description={rowErrors.length ? `共 ${rowErrors.length} 处错误，文件未导入。` : undefined}
          style={{ marginTop: 16 }}
          role="alert"
        />
      )}
      {rowErrors.length > 0 && (
        <Table<ErrorDetail & { key: number }>
          data-testid="import-errors"
          size="small"
          style={{ marginTop: 12 }}
          dataSource={rowErrors.map((d, i) => ({ ...d, key: i }))}
          pagination={rowErrors.length > 10 ? { pageSize: 10, size: 'small' } : false}
          columns={[
            { title: '行号', dataIndex: 'row', width: 80, render: (r?: number) => (r != null ? `第${r}行` : '—') },
            { title: '字段', dataIndex: 'field', width: 160, render: (f?: string) => (f ? (kind.fieldLabels?.[f] ?? f) : '—') },
            { title: '问题', dataIndex: 'message' },
          ]}
        />
      )}
    </Modal>
  );
}
