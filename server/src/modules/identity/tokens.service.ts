import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import type { TokenPair } from '@dangjian/shared';
import { IsNull, type EntityManager, type Repository } from 'typeorm';
import { AppConfig } from '../../config/config.js';
import { CryptoService } from '../../common/crypto/crypto.service.js';
import { AppError } from '../../common/errors/app-error.js';
import { IdentityError } from '../../common/errors/error-codes.js';
import { UserSession } from './entities/session.entity.js';
import type { UserAccount } from './entities/user.entity.js';

export interface AccessClaims {
  sub: number;
  sid: number;
}

/**
 * ID-10: short-lived access tokens (JWT, ≤ 30 min) tied to a session; refresh tokens rotate on use,
 * a replayed old refresh token revokes its session, and admin sessions end after 30 minutes idle.
 */
@Injectable()
export class TokensService {
  constructor(
    @InjectRepository(UserSession) private readonly sessions: Repository<UserSession>,
    private readonly jwt: JwtService,
    private readonly crypto: CryptoService,
    private readonly config: AppConfig,
  ) {}

  private pair(user: UserAccount, sessionId: number, refreshToken: string): TokenPair {
    const accessToken = this.jwt.sign({ sub: user.id, sid: sessionId } satisfies AccessClaims, { expiresIn: this.config.ACCESS_TOKEN_TTL });
    return { accessToken, refreshToken, expiresIn: this.config.ACCESS_TOKEN_TTL, mustChangePassword: user.mustChangePassword };
  }

  async issue(user: UserAccount, client: UserSession['client'], ip: string | null, em?: EntityManager): Promise<TokenPair> {
    const refreshToken = this.crypto.randomToken();
    const now = new Date();
    const repo = em?.getRepository(UserSession) ?? this.sessions;
    const session = await repo.save(
      repo.create({ userId: user.id, refreshHash: this.crypto.sha256(refreshToken), previousHash: null, client, ip, lastSeenAt: now, revokedAt: null, expiresAt: new Date(now.getTime() + this.config.REFRESH_TOKEN_TTL * 1000) }),
    );
    return this.pair(user, session.id, refreshToken);
  }

  isIdle(session: UserSession, now = Date.now()): boolean {
    return session.client === 'admin' && now - new Date(session.lastSeenAt).getTime() > this.config.ADMIN_IDLE_TIMEOUT * 1000;
  }

  /** A usable session: not revoked, not expired, not idle past the admin limit. */
  isLive(session: UserSession | null): session is UserSession {
    return !!session && !session.revokedAt && new Date(session.expiresAt).getTime() > Date.now() && !this.isIdle(session);
  }

  async rotate(refreshToken: string, loadUser: (id: number) => Promise<UserAccount | null>): Promise<TokenPair> {
    const hash = this.crypto.sha256(refreshToken);
    const session = await this.sessions.findOne({ where: { refreshHash: hash } });
    if (!session) {
      // A token that was already rotated away is being replayed: treat the session as stolen.
      const stolen = await this.sessions.findOne({ where: { previousHash: hash } });
      if (stolen) await this.sessions.update({ id: stolen.id }, { revokedAt: new Date() });
      throw new AppError(IdentityError.RefreshTokenInvalid);
    }
    const user = await loadUser(session.userId);
    if (!this.isLive(session) || !user || user.lockedAt || user.disabledAt) throw new AppError(IdentityError.RefreshTokenInvalid);
    const next = this.crypto.randomToken();
    // Conditional update: of two parallel refreshes with one token, only one wins.
    const res = await this.sessions.update({ id: session.id, refreshHash: hash, revokedAt: IsNull() }, { refreshHash: this.crypto.sha256(next), previousHash: hash, lastSeenAt: new Date() });
    if (!res.affected) throw new AppError(IdentityError.RefreshTokenInvalid);
    return this.pair(user, session.id, next);
  }

  verifyAccess(token: string): AccessClaims | null {
    try {
      return this.jwt.verify<AccessClaims>(token);
    } catch {
      return null;
    }
  }

  findSession(id: number, userId: number): Promise<UserSession | null> {
    return this.sessions.findOne({ where: { id, userId } });
  }

  async touch(session: UserSession): Promise<void> {
    if (Date.now() - new Date(session.lastSeenAt).getTime() > 60_000) await this.sessions.update({ id: session.id }, { lastSeenAt: new Date() });
  }

  async revokeAll(userId: number, em?: EntityManager): Promise<void> {
    await (em?.getRepository(UserSession) ?? this.sessions).update({ userId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }
}
