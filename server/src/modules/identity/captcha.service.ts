import { randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { CaptchaChallenge } from '@dangjian/shared';
import { CryptoService } from '../../common/crypto/crypto.service.js';
import { AppError } from '../../common/errors/app-error.js';
import { IdentityError } from '../../common/errors/error-codes.js';
import { KvStore } from '../../common/kv/kv-store.js';

const W = 300;
const H = 160;
const PIECE = 44;
const TOLERANCE_PX = 6;
const MIN_DRAG_MS = 250;
const MAX_DRAG_MS = 60_000;
const CHALLENGE_TTL = 120;
const TOKEN_TTL = 300;

const svgUrl = (svg: string) => `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;

/**
 * ID-2: slider puzzle. The server picks where the hole is, draws background and piece, and later
 * checks the dropped offset (within a few px) and that the drag took a human-plausible time.
 * One challenge allows one attempt; a passed challenge yields a single-use, short-lived token.
 */
@Injectable()
export class CaptchaService {
  constructor(
    private readonly kv: KvStore,
    private readonly crypto: CryptoService,
  ) {}

  async challenge(): Promise<CaptchaChallenge> {
    const x = randomInt(PIECE + 40, W - PIECE - 10);
    const y = randomInt(10, H - PIECE - 10);
    const captchaId = this.crypto.randomToken(16);
    await this.kv.set(`captcha:${captchaId}`, JSON.stringify({ x }), CHALLENGE_TTL);
    const hue = randomInt(0, 360);
    const shapes = Array.from({ length: 8 }, () => `<circle cx="${randomInt(W)}" cy="${randomInt(H)}" r="${randomInt(10, 40)}" fill="hsl(${randomInt(360)},60%,70%)" opacity="0.6"/>`).join('');
    const background = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue},70%,55%)"/><stop offset="1" stop-color="hsl(${(hue + 120) % 360},70%,45%)"/></linearGradient></defs><rect width="${W}" height="${H}" fill="url(#g)"/>${shapes}<rect x="${x}" y="${y}" width="${PIECE}" height="${PIECE}" rx="6" fill="#000" opacity="0.45" stroke="#fff" stroke-width="2"/></svg>`;
    const piece = `<svg xmlns="http://www.w3.org/2000/svg" width="${PIECE}" height="${PIECE}"><rect x="1" y="1" width="${PIECE - 2}" height="${PIECE - 2}" rx="6" fill="hsl(${hue},70%,60%)" stroke="#fff" stroke-width="2"/></svg>`;
    return { captchaId, background: svgUrl(background), piece: svgUrl(piece), width: W, height: H, pieceSize: PIECE, pieceY: y };
  }

  async verify(captchaId: string, offsetX: number, durationMs: number): Promise<{ captchaToken: string }> {
    const raw = await this.kv.take(`captcha:${captchaId}`);
    if (!raw) throw new AppError(IdentityError.CaptchaFailed, '拼图已过期，请刷新后重试');
    const { x } = JSON.parse(raw) as { x: number };
    if (Math.abs(offsetX - x) > TOLERANCE_PX || durationMs < MIN_DRAG_MS || durationMs > MAX_DRAG_MS) throw new AppError(IdentityError.CaptchaFailed);
    const captchaToken = this.crypto.randomToken(24);
    await this.kv.set(`captcha-ok:${captchaToken}`, '1', TOKEN_TTL);
    return { captchaToken };
  }

  async consumeToken(token: string): Promise<void> {
    if (!token || !(await this.kv.take(`captcha-ok:${token}`))) throw new AppError(IdentityError.CaptchaRequired);
  }
}
