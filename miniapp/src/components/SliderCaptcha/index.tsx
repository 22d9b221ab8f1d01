/**
 * Slider puzzle (ID-2). Shows the server's challenge scaled to the width available; the user drags
 * the handle, which moves the piece 1:1 on screen; on release it sends the piece's left edge in the
 * CHALLENGE's pixels (`handleX / scale`, see activation/slider.ts) and the drag time. A failed try
 * loads a new puzzle (a challenge allows one attempt).
 *
 * Input: touch events on every platform (`catchMove` keeps the page from scrolling in mini-programs);
 * on H5 also the mouse, through native listeners on the handle (desktop browsers, the browser tests).
 */
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CaptchaChallenge, CaptchaVerifyRequest, CaptchaVerifyResult } from '@dangjian/shared';
import { challengeOffset, dragPosition, normalizeError, sliderGeometry, type SliderGeometry } from '../../activation';
import './index.css';

export const CAPTCHA_FAILED_MESSAGE = '拼图验证未通过，请重试';

export interface SliderCaptchaProps {
  fetchChallenge: () => Promise<CaptchaChallenge>;
  verify: (req: CaptchaVerifyRequest) => Promise<CaptchaVerifyResult>;
  /** Called once with the single-use token when the puzzle is solved. */
  onPass: (captchaToken: string) => void;
  onClose?: () => void;
  /** An error about the captcha from elsewhere (e.g. the token was refused), shown under it. */
  error?: string;
}

type Status = 'loading' | 'ready' | 'dragging' | 'verifying' | 'passed' | 'load-failed';

let instances = 0;

function pointerX(e: unknown): number | null {
  const ev = e as { touches?: ArrayLike<Record<string, number>>; changedTouches?: ArrayLike<Record<string, number>>; clientX?: number; pageX?: number; detail?: { x?: number } };
  const t = (ev.touches && ev.touches.length ? ev.touches[0] : undefined) ?? (ev.changedTouches && ev.changedTouches.length ? ev.changedTouches[0] : undefined);
  const x = t ? t.clientX ?? t.pageX ?? t.x : ev.clientX ?? ev.pageX ?? ev.detail?.x;
  return typeof x === 'number' && Number.isFinite(x) ? x : null;
}

export default function SliderCaptcha({ fetchChallenge, verify, onPass, onClose, error }: SliderCaptchaProps) {
  const ids = useMemo(() => {
    instances += 1;
    return { box: `slider-captcha-${instances}`, handle: `slider-captcha-handle-${instances}` };
  }, []);
  const [challenge, setChallenge] = useState<CaptchaChallenge | null>(null);
  const [width, setWidth] = useState(0);
  const [handleX, setHandleX] = useState(0);
  const [status, setStatus] = useState<Status>('loading');
  const [message, setMessage] = useState('');
  const drag = useRef<{ startX: number; startAt: number; x: number } | null>(null);
  const lastTouchAt = useRef(0);
  const alive = useRef(true);
  const geometry: SliderGeometry | null = challenge && width > 0 ? sliderGeometry(challenge, width) : null;
  const geoRef = useRef<SliderGeometry | null>(null);
  geoRef.current = geometry;
  const statusRef = useRef<Status>(status);
  statusRef.current = status;

  const load = useCallback(async () => {
    setStatus('loading');
    setHandleX(0);
    drag.current = null;
    try {
      const next = await fetchChallenge();
      if (!alive.current) return;
      setChallenge(next);
      setStatus('ready');
    } catch (e) {
      if (!alive.current) return;
      setMessage(normalizeError(e).message);
      setStatus('load-failed');
    }
  }, [fetchChallenge]);

  useEffect(() => {
    alive.current = true;
    void load();
    return () => {
      alive.current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // The width available to the picture: measured once the box is laid out.
  useEffect(() => {
    const fallback = () => {
      const info = Taro.getSystemInfoSync();
      // Page and card padding are 32 + 32 design px on each side of a 750-wide design.
      return Math.round((info.windowWidth * (750 - 128)) / 750);
    };
    Taro.nextTick(() => {
      Taro.createSelectorQuery()
        .select(`#${ids.box}`)
        .boundingClientRect((rect) => {
          const r = (Array.isArray(rect) ? rect[0] : rect) as { width?: number } | null;
          if (!alive.current) return;
          setWidth(r && r.width && r.width > 0 ? Math.floor(r.width) : fallback());
        })
        .exec();
    });
  }, [ids.box]);

  const finish = useCallback(
    async (endX: number | null) => {
      const d = drag.current;
      const geo = geoRef.current;
      drag.current = null;
      if (!d || !geo || !challenge) return;
      const x = endX === null ? d.x : dragPosition(0, d.startX, endX, geo);
      if (x < 2) {
        // A tap, not a drag: keep this puzzle.
        setHandleX(0);
        setStatus('ready');
        return;
      }
      setHandleX(x);
      setStatus('verifying');
      const req: CaptchaVerifyRequest = { captchaId: challenge.captchaId, offsetX: challengeOffset(x, geo), durationMs: Math.max(0, Math.round(Date.now() - d.startAt)) };
      try {
        const { captchaToken } = await verify(req);
        if (!alive.current) return;
        setStatus('passed');
        setMessage('');
        onPass(captchaToken);
      } catch (e) {
        if (!alive.current) return;
        const err = normalizeError(e);
        setMessage(err.code === 'IDENTITY_CAPTCHA_FAILED' ? err.message : err.code === 'NETWORK' ? err.message : CAPTCHA_FAILED_MESSAGE);
        await load();
      }
    },
    [challenge, verify, onPass, load],
  );

  const begin = (clientX: number | null) => {
    if (clientX === null || statusRef.current !== 'ready' || !geoRef.current) return;
    drag.current = { startX: clientX, startAt: Date.now(), x: 0 };
    setStatus('dragging');
    setMessage('');
  };
  const move = (clientX: number | null) => {
    const d = drag.current;
    const geo = geoRef.current;
    if (!d || !geo || clientX === null) return;
    d.x = dragPosition(0, d.startX, clientX, geo);
    setHandleX(d.x);
  };

  const finishRef = useRef(finish);
  finishRef.current = finish;

  // H5: the mouse too (desktop browsers; the browser tests drive it this way).
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5') return undefined;
    const el = typeof document !== 'undefined' ? document.getElementById(ids.handle) : null;
    if (!el) return undefined;
    const onMove = (e: MouseEvent) => {
      e.preventDefault();
      move(e.clientX);
    };
    const onUp = (e: MouseEvent) => {
      window.removeEventListener('mousemove', onMove);
      window.removeEventListener('mouseup', onUp);
      void finishRef.current(e.clientX);
    };
    const onDown = (e: MouseEvent) => {
      if (Date.now() - lastTouchAt.current < 1000 || e.button !== 0) return; // the mouse events a touch leaves behind
      e.preventDefault();
      begin(e.clientX);
      if (!drag.current) return;
      window.addEventListener('mousemove', onMove);
      window.addEventListener('mouseup', onUp);
    };
    el.addEventListener('mousedown', onDown);
    return () => {
      el.removeEventListener('mousedown', onDown);
      window.removeEventListener('mousemove', onMove);
      window.removeEventListener('mouseup', onUp);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ids.handle, challenge, width]);

  const onTouchStart = (e: unknown) => {
    lastTouchAt.current = Date.now();
    begin(pointerX(e));
  };
  const onTouchMove = (e: unknown) => {
    lastTouchAt.current = Date.now();
    move(pointerX(e));
  };
  const onTouchEnd = (e: unknown) => {
    lastTouchAt.current = Date.now();
    void finish(pointerX(e));
  };

  const px = (n: number) => `${Math.round(n * 100) / 100}px`;
  const passed = status === 'passed';
  const hint = passed ? '验证通过' : status === 'verifying' ? '正在验证…' : status === 'loading' ? '正在加载拼图…' : '向右拖动滑块，完成拼图';
  const shownError = message || error || '';

  return (
    <View className='slider-captcha' id={ids.box}>
      <View className='slider-captcha__head'>
        <Text className='slider-captcha__title'>安全验证</Text>
        <View className='slider-captcha__actions'>
          <Text className='slider-captcha__link' onClick={() => status !== 'verifying' && void load()}>
            换一张
          </Text>
          {onClose ? (
            <Text className='slider-captcha__link' onClick={onClose}>
              关闭
            </Text>
          ) : null}
        </View>
      </View>

      <View className='slider-captcha__stage' style={{ height: px(geometry ? geometry.height : width > 0 ? (width * 160) / 300 : 160) }}>
        {challenge && geometry ? (
          <>
            <Image
              className='slider-captcha__bg'
              src={challenge.background}
              style={{ width: px(geometry.width), height: px(geometry.height) }}
              onError={() => setMessage('拼图图片无法显示，请点“换一张”重试')}
            />
            <Image
              className='slider-captcha__piece'
              src={challenge.piece}
              style={{ left: px(handleX), top: px(geometry.pieceTop), width: px(geometry.pieceSize), height: px(geometry.pieceSize) }}
            />
          </>
        ) : (
          <View className='slider-captcha__placeholder'>
            <Text>{status === 'load-failed' ? '拼图加载失败，点“换一张”重试' : '正在加载拼图…'}</Text>
          </View>
        )}
      </View>

      <View className={`slider-captcha__track${passed ? ' slider-captcha__track--passed' : ''}`}>
        <View className='slider-captcha__fill' style={{ width: px(geometry ? handleX + geometry.pieceSize / 2 : 0) }} />
        <Text className='slider-captcha__hint'>{hint}</Text>
        <View
          id={ids.handle}
          className={`slider-captcha__handle${status === 'dragging' ? ' slider-captcha__handle--active' : ''}`}
          style={{ left: px(handleX), width: px(geometry ? geometry.pieceSize : 44) }}
          catchMove
          onTouchStart={onTouchStart}
          onTouchMove={onTouchMove}
          onTouchEnd={onTouchEnd}
          onTouchCancel={onTouchEnd}
        >
          <Text className='slider-captcha__arrow'>{passed ? '✓' : '→'}</Text>
        </View>
      </View>

      {shownError ? <Text className='slider-captcha__error'>{shownError}</Text> : null}
    </View>
  );
}
