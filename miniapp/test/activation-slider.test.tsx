/**
 * SliderCaptcha (ID-2) maps the drag to the challenge's pixels: the puzzle is drawn at the width
 * available (here 311 px for a 300 px challenge), the handle moves the piece 1:1 on screen, and the
 * offset sent is the piece's left edge divided by the scale, with the drag's duration. A refused
 * drop loads a new puzzle and says so; a tap without a drag sends nothing.
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import Taro from '@tarojs/taro';
import type { CaptchaChallenge } from '@dangjian/shared';
import SliderCaptcha from '../src/components/SliderCaptcha';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const WIDTH = 311;
// What the unit-test Taro lacks: layout measurement.
Object.assign(Taro as unknown as Record<string, unknown>, {
  nextTick: (fn: () => void) => fn(),
  getSystemInfoSync: () => ({ windowWidth: 375 }),
  createSelectorQuery: () => ({
    select: () => ({ boundingClientRect: (cb: (r: { width: number }) => void) => ({ exec: () => cb({ width: WIDTH }) }) }),
  }),
});

const challenge = (id: string): CaptchaChallenge => ({
  captchaId: id,
  background: `data:image/svg+xml;base64,${id}`,
  piece: 'data:image/svg+xml;base64,piece',
  width: 300,
  height: 160,
  pieceSize: 44,
  pieceY: 50,
});

let container: HTMLDivElement;
let root: Root;
let now = 1_000;

beforeEach(() => {
  container = document.createElement('div');
  document.body.appendChild(container);
  root = createRoot(container);
  now = 1_000;
  jest.spyOn(Date, 'now').mockImplementation(() => now);
  // The DOM stand-ins of the Taro components pass `catchMove` (a Taro-only prop) on to a <div>.
  const original = console.error.bind(console);
  jest.spyOn(console, 'error').mockImplementation((msg: unknown, ...rest: unknown[]) => {
    if (typeof msg === 'string' && msg.includes('catchMove')) return;
    original(msg, ...rest);
  });
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  jest.restoreAllMocks();
});

const flush = () => act(async () => {
  await new Promise((r) => setTimeout(r, 0));
});

async function mount(verify: jest.Mock, fetchChallenge: jest.Mock, onPass = jest.fn()) {
  act(() => root.render(<SliderCaptcha fetchChallenge={fetchChallenge} verify={verify} onPass={onPass} />));
  await flush();
  return onPass;
}

const handle = () => container.querySelector('.slider-captcha__handle') as HTMLElement;
const mouse = (target: EventTarget, type: string, clientX: number) => target.dispatchEvent(new MouseEvent(type, { bubbles: true, button: 0, clientX }));

async function drag(dx: number, ms: number) {
  act(() => {
    mouse(handle(), 'mousedown', 40);
  });
  act(() => {
    now += ms / 2;
    mouse(window, 'mousemove', 40 + dx / 2);
  });
  act(() => {
    now += ms / 2;
    mouse(window, 'mousemove', 40 + dx);
  });
  act(() => {
    mouse(window, 'mouseup', 40 + dx);
  });
  await flush();
}

test('draws the puzzle at the available width and places the piece at pieceY × scale', async () => {
  await mount(jest.fn(), jest.fn().mockResolvedValue(challenge('c1')));
  const scale = WIDTH / 300;
  const bg = container.querySelector('.slider-captcha__bg') as HTMLImageElement;
  const piece = container.querySelector('.slider-captcha__piece') as HTMLImageElement;
  expect(bg.getAttribute('src')).toBe('data:image/svg+xml;base64,c1');
  expect(parseFloat(bg.style.width)).toBeCloseTo(WIDTH);
  expect(parseFloat(bg.style.height)).toBeCloseTo(160 * scale, 1);
  expect(parseFloat(piece.style.top)).toBeCloseTo(50 * scale, 1);
  expect(parseFloat(piece.style.width)).toBeCloseTo(44 * scale, 1);
  expect(parseFloat(handle().style.width)).toBeCloseTo(44 * scale, 1); // the handle is as wide as the piece
});

test('a drag sends the offset in challenge pixels and the drag time; a pass hands over the token', async () => {
  const verify = jest.fn().mockResolvedValue({ captchaToken: 'tok-1' });
  const onPass = await mount(verify, jest.fn().mockResolvedValue(challenge('c1')));
  const scale = WIDTH / 300;
  await drag(150 * scale, 640);
  expect(verify).toHaveBeenCalledWith({ captchaId: 'c1', offsetX: 150, durationMs: 640 });
  expect(onPass).toHaveBeenCalledWith('tok-1');
  // jsdom rounds clientX to whole pixels: the piece sits within a pixel of 150 × scale.
  expect(Math.abs(parseFloat((container.querySelector('.slider-captcha__piece') as HTMLElement).style.left) - 150 * scale)).toBeLessThanOrEqual(1);
  expect(container.textContent).toContain('验证通过');
});

test('the handle stops at the end of the track', async () => {
  const verify = jest.fn().mockResolvedValue({ captchaToken: 'tok' });
  await mount(verify, jest.fn().mockResolvedValue(challenge('c1')));
  await drag(1000, 500);
  expect(verify).toHaveBeenCalledWith(expect.objectContaining({ offsetX: 300 - 44 }));
});

test('a refused drop loads a new puzzle and shows 拼图验证未通过，请重试', async () => {
  const verify = jest.fn().mockRejectedValue(Object.assign(new Error('拼图验证未通过，请重试'), { kind: 'api', status: 400, code: 'IDENTITY_CAPTCHA_FAILED' }));
  const fetchChallenge = jest.fn().mockResolvedValueOnce(challenge('c1')).mockResolvedValueOnce(challenge('c2'));
  const onPass = await mount(verify, fetchChallenge);
  await drag(80, 600);
  expect(onPass).not.toHaveBeenCalled();
  expect(fetchChallenge).toHaveBeenCalledTimes(2);
  expect((container.querySelector('.slider-captcha__bg') as HTMLElement).getAttribute('src')).toBe('data:image/svg+xml;base64,c2');
  expect(container.querySelector('.slider-captcha__error')?.textContent).toBe('拼图验证未通过，请重试');
  expect(parseFloat((container.querySelector('.slider-captcha__piece') as HTMLElement).style.left)).toBe(0); // back to the start
});

test('a tap without a drag sends nothing and keeps the puzzle', async () => {
  const verify = jest.fn();
  const fetchChallenge = jest.fn().mockResolvedValue(challenge('c1'));
  await mount(verify, fetchChallenge);
  await drag(0, 100);
  expect(verify).not.toHaveBeenCalled();
  expect(fetchChallenge).toHaveBeenCalledTimes(1);
});
