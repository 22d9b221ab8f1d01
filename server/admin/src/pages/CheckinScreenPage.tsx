import { useEffect, useState } from 'react';
import { App, Button, Space, Spin } from 'antd';
import { CloseOutlined, FullscreenOutlined } from '@ant-design/icons';
import QRCode from 'qrcode';
import dayjs from 'dayjs';
import { api, errorMessage } from '../api';
import { useRemote } from '../useRemote';
import { useNow, usePolling } from '../usePolling';
import { navigate } from '../route';
import { MEETING_TYPE_RULES } from '@dangjian/shared';

/**
 * 签到大屏 (#/meetings/:id/screen, MEET-8): full window, no menu, for the projector at the venue. A
 * large QR code of the rotating check-in code (drawn here, ~30 s each), the countdown to the next,
 * how many have checked in of those invited and the latest names, all re-read every 3 s.
 */
export function CheckinScreenPage({ meetingId }: { meetingId: number }) {
  const { message } = App.useApp();
  const meeting = useRemote(() => api.meetings.get(meetingId), [meetingId]);
  const code = useRemote(() => api.meetings.checkinCode(meetingId), [meetingId]);
  usePolling(code.reload, 3000);
  const now = useNow(1000);
  const [qr, setQr] = useState<string | null>(null);
  const value = code.data?.code;
  useEffect(() => {
    if (!value) return;
    let alive = true;
    QRCode.toDataURL(value, { width: 720, margin: 1, errorCorrectionLevel: 'M' })
      .then((url) => alive && setQr(url))
      .catch(() => alive && setQr(null));
    return () => {
      alive = false;
    };
  }, [value]);

  const m = meeting.data;
  const c = code.data;
  const left = c ? Math.max(0, Math.ceil((new Date(c.expiresAt).getTime() - now) / 1000)) : null;
  const openCheckin = async () => {
    try {
      await api.meetings.checkin(meetingId, true);
      await code.reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <div className="checkin-screen" data-testid="checkin-screen">
      <Space className="checkin-screen-tools">
        <Button ghost icon={<FullscreenOutlined />} onClick={() => void document.documentElement.requestFullscreen?.().catch(() => undefined)}>
          全屏
        </Button>
        <Button ghost icon={<CloseOutlined />} onClick={() => navigate(`meetings/${meetingId}`)}>
          退出大屏
        </Button>
      </Space>
      <header>
        <h1 data-testid="screen-title">{m?.title ?? (meeting.error ? '会议签到' : '…')}</h1>
        {m && (
          <div className="sub">
            {m.orgName} · {MEETING_TYPE_RULES[m.type].label} · {dayjs(m.startsAt).format('M月D日 HH:mm')} · {m.online ? '线上' : m.venue}
          </div>
        )}
      </header>
      <main>
        <section className="qr">
          {code.error && !code.loading ? (
            <div className="qr-message" role="alert">
              <div>{code.error}</div>
              {m?.isAdmin && !m.checkinOpen && (
                <Button type="primary" size="large" onClick={() => void openCheckin()}>
                  开启签到
                </Button>
              )}
            </div>
          ) : qr && !code.error ? (
            <>
              <img src={qr} alt="签到二维码" data-testid="checkin-qr" />
              <div className="hint">请打开党建云小程序「扫一扫」签到 · 二维码 {left ?? '—'} 秒后更新</div>
            </>
          ) : (
            <Spin size="large" />
          )}
        </section>
        <aside>
          <div className="count" data-testid="screen-counts">
            <span className="present">{c?.presentCount ?? m?.presentCount ?? 0}</span>
            <span className="of">/ {c?.invitedCount ?? m?.invitedCount ?? 0}</span>
          </div>
          <div className="count-label">已签到 / 应到</div>
          <h2>最新签到</h2>
          <ul data-testid="screen-recent">
            {(c?.recent ?? []).slice(0, 8).map((r) => (
              <li key={`${r.name}-${r.at}`}>
                <span>{r.name}</span>
                <time>{dayjs(r.at).format('HH:mm:ss')}</time>
              </li>
            ))}
            {c && c.recent.length === 0 && <li className="empty">等待签到…</li>}
          </ul>
        </aside>
      </main>
    </div>
  );
}
