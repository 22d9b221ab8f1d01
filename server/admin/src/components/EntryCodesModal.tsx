import { Alert, Button, Card, Col, Modal, Row, Spin, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { EntryCodes, OrgNode } from '@dangjian/shared';
import { api } from '../api';
import { useRemote } from '../useRemote';

interface Props {
  org: OrgNode;
  onClose: () => void;
}

/**
 * The printable code: the QR image with the organisation's name and a caption under it, drawn by
 * the browser (its fonts render the Chinese name), saved as PNG.
 */
async function printablePng(dataUrl: string, name: string, caption: string): Promise<string> {
  const img = new Image();
  img.src = dataUrl;
  await img.decode();
  const size = 480;
  const canvas = document.createElement('canvas');
  canvas.width = size + 80;
  canvas.height = size + 170;
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(img, 40, 40, size, size);
  ctx.textAlign = 'center';
  ctx.fillStyle = '#c8161d';
  ctx.font = 'bold 32px "WenQuanYi Micro Hei", "PingFang SC", "Microsoft YaHei", sans-serif';
  ctx.fillText(name, canvas.width / 2, size + 95, canvas.width - 40);
  ctx.fillStyle = '#555';
  ctx.font = '22px "WenQuanYi Micro Hei", "PingFang SC", "Microsoft YaHei", sans-serif';
  ctx.fillText(caption, canvas.width / 2, size + 140, canvas.width - 40);
  return canvas.toDataURL('image/png');
}

async function download(dataUrl: string, name: string, caption: string, file: string) {
  const a = document.createElement('a');
  a.href = await printablePng(dataUrl, name, caption);
  a.download = file;
  a.click();
}

/** Entry codes of the tenant or a branch (issue 3): WeChat mini-program code and H5 QR code. */
export function EntryCodesModal({ org, onClose }: Props) {
  const { data, loading, error } = useRemote<EntryCodes>(() => api.orgs.entryCodes(org.id), [org.id]);
  const card = (title: string, png: string | null, caption: string, file: string, extra?: React.ReactNode) => (
    <Card size="small" title={title} data-testid={`entry-${file}`}>
      {png ? <img src={png} alt={title} style={{ width: '100%', maxWidth: 240, display: 'block', margin: '0 auto' }} /> : null}
      {extra}
      {png && data ? (
        <Button block icon={<DownloadOutlined />} style={{ marginTop: 12 }} onClick={() => download(png, data.orgName, caption, `${data.orgName}-${file}.png`)}>
          下载打印版
        </Button>
      ) : null}
    </Card>
  );
  return (
    <Modal title={`入口二维码 · ${org.name}`} open footer={null} onCancel={onClose} width={640} destroyOnHidden>
      <Typography.Paragraph type="secondary">
        党员扫码进入党建云，{org.parentId == null ? '自动选中本单位' : '自动选中本支部'}，然后按提示激活账号。微信用户扫小程序码；支付宝、钉钉或手机浏览器扫二维码。
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} />}
      {loading && !data ? <Spin /> : null}
      {data && (
        <Row gutter={16}>
          <Col span={12}>
            {card(
              '微信小程序码',
              data.wxacodePng,
              '微信扫码 · 激活党建云账号',
              'wechat',
              data.wxacodeError ? <Alert type="warning" showIcon title={`微信小程序码暂不可用：${data.wxacodeError}`} /> : null,
            )}
          </Col>
          <Col span={12}>
            {card(
              '二维码（支付宝 / 钉钉 / 浏览器）',
              data.h5QrPng,
              '扫码 · 激活党建云账号',
              'h5',
              <Typography.Paragraph copyable={{ text: data.h5Url }} ellipsis style={{ marginTop: 8, marginBottom: 0, fontSize: 12 }}>
                {data.h5Url}
              </Typography.Paragraph>,
            )}
          </Col>
        </Row>
      )}
    </Modal>
  );
}
