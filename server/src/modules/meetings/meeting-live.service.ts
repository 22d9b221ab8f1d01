import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { MeetingCheckinCode, MeetingDetail, MeetingVoteView } from '@dangjian/shared';
import { IsNull, type Repository } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { AppError } from '../../common/errors/app-error.js';
import { isDuplicateKey } from '../../common/errors/all-exceptions.filter.js';
import { MeetingError } from '../../common/errors/error-codes.js';
import { Clock } from '../../common/time/clock.js';
import { Transactions } from '../../database/write-gate.js';
import type { MeetingCheckinDto, MeetingVoteDto } from './dto/meeting.dto.js';
import { MeetingInvitee } from './entities/meeting-invitee.entity.js';
import { MeetingBallot, MeetingVote } from './entities/meeting-vote.entity.js';
import { Meeting } from './entities/meeting.entity.js';
import { MeetingAccess, type MeetingContext } from './meeting-access.service.js';
import { MeetingFlowService } from './meeting-flow.service.js';

/** A check-in code is valid for its 30-second window and the one before (a scan in flight). */
const WINDOW_MS = 30_000;
/** Check-in and votes happen around the meeting itself. */
const LIVE = ['notified', 'held'];

/** During the meeting (MEET-8, MEET-9): rotating signed check-in codes, location check-in, votes. */
@Injectable()
export class MeetingLiveService {
  constructor(
    @InjectRepository(MeetingInvitee) private readonly invitees: Repository<MeetingInvitee>,
    @InjectRepository(MeetingVote) private readonly votes: Repository<MeetingVote>,
    @InjectRepository(MeetingBallot) private readonly ballots: Repository<MeetingBallot>,
    private readonly access: MeetingAccess,
    private readonly flow: MeetingFlowService,
    private readonly clock: Clock,
    private readonly tx: Transactions,
  ) {}

  // ---- check-in ----
  async setCheckin(user: AuthUser, id: number, open: boolean): Promise<MeetingDetail> {
    const ctx = await this.access.resolve(user, id);
    this.access.requireBranchAdmin(ctx);
    if (open && !LIVE.includes(ctx.meeting.state)) throw new AppError(MeetingError.NotInProgress, '会议已通知或进行中时才能开启签到');
    // A new secret each time check-in opens: codes shown before are void.
    const patch = open ? { checkinOpen: true, checkinSecret: randomBytes(24).toString('hex') } : { checkinOpen: false };
    await this.tx.run((em) => em.getRepository(Meeting).update({ id }, patch));
    return this.flow.detail(user, id);
  }

  private sign(m: Meeting, window: number): string {
    return createHmac('sha256', m.checkinSecret).update(`${m.id}.${window}`).digest('base64url').slice(0, 16);
  }

  /** The big screen's code: `<meeting>.<window>.<signature>`, rotating every 30 s. */
  async code(user: AuthUser, id: number): Promise<MeetingCheckinCode> {
    const ctx = await this.access.resolve(user, id);
    this.access.requireBranchAdmin(ctx);
    const m = ctx.meeting;
    if (!m.checkinOpen) throw new AppError(MeetingError.CheckinClosed);
    const window = Math.floor(this.clock.now().getTime() / WINDOW_MS);
    const invited = await this.invitees.find({ where: { meetingId: id } });
    const recent = invited.filter((i) => i.checkedInAt).sort((a, b) => b.checkedInAt!.getTime() - a.checkedInAt!.getTime());
    return {
      code: `${m.id}.${window}.${this.sign(m, window)}`,
      expiresAt: new Date((window + 1) * WINDOW_MS).toISOString(),
      presentCount: invited.filter((i) => i.present).length,
      invitedCount: invited.length,
      recent: recent.slice(0, 10).map((i) => ({ name: i.name, at: i.checkedInAt!.toISOString() })),
    };
  }

  private codeValid(m: Meeting, code: string): boolean {
    const [mid, w, sig] = code.split('.');
    const window = Number(w);
    const current = Math.floor(this.clock.now().getTime() / WINDOW_MS);
    if (Number(mid) !== m.id || !Number.isInteger(window) || window > current || window < current - 1 || !sig) return false;
    const expected = Buffer.from(this.sign(m, window));
    const given = Buffer.from(sig);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }

  async checkin(user: AuthUser, id: number, dto: MeetingCheckinDto): Promise<MeetingDetail> {
    const ctx = await this.access.resolve(user, id);
    const me = this.access.requireInvitee(ctx);
    const m = ctx.meeting;
    if (!m.checkinOpen) throw new AppError(MeetingError.CheckinClosed);
    let method: 'code' | 'location';
    if (dto.code !== undefined) {
      if (!this.codeValid(m, dto.code)) throw new AppError(MeetingError.CheckinCodeInvalid);
      method = 'code';
    } else if (dto.latitude !== undefined && dto.longitude !== undefined) {
      if (m.latitude == null || m.longitude == null || !m.radiusMeters) throw new AppError(MeetingError.CheckinTooFar, '本次会议未设置会场位置，请扫码签到');
      const d = distanceMeters(m.latitude, m.longitude, dto.latitude, dto.longitude);
      if (d > m.radiusMeters) throw new AppError(MeetingError.CheckinTooFar, `您距会场约${Math.round(d)}米，超出${m.radiusMeters}米的签到范围`);
      method = 'location';
    } else {
      throw new AppError(MeetingError.CheckinCodeInvalid, '请扫描大屏二维码，或使用定位签到');
    }
    if (!me.checkedInAt) await this.tx.run((em) => em.getRepository(MeetingInvitee).update({ id: me.id }, { checkedInAt: this.clock.now(), checkinMethod: method, present: true }));
    return this.flow.detail(user, id);
  }

  // ---- votes ----
  private async live(user: AuthUser, id: number): Promise<MeetingContext> {
    const ctx = await this.access.resolve(user, id);
    if (ctx.meeting.state !== 'held') throw new AppError(MeetingError.NotInProgress);
    return ctx;
  }

  async listVotes(user: AuthUser, id: number): Promise<MeetingVoteView[]> {
    const ctx = await this.access.resolve(user, id);
    const votes = await this.votes.find({ where: { meetingId: id }, order: { id: 'ASC' } });
    const views: MeetingVoteView[] = [];
    for (const v of votes) views.push(await this.voteView(ctx, v));
    return views;
  }

  private async voteView(ctx: MeetingContext, v: MeetingVote): Promise<MeetingVoteView> {
    const ballots = await this.ballots.find({ where: { voteId: v.id } });
    const admin = ctx.isBranchAdmin || ctx.isParentAdmin;
    return {
      id: v.id,
      title: v.title,
      options: v.options,
      open: v.open,
      results: admin || !v.open ? v.options.map((_, i) => ballots.filter((b) => b.choice === i).length) : null,
      ballots: ballots.length,
      myOption: ctx.invitee ? (ballots.find((b) => b.memberId === ctx.invitee!.memberId)?.choice ?? null) : null,
    };
  }

  async startVote(user: AuthUser, id: number, dto: MeetingVoteDto): Promise<MeetingVoteView> {
    const ctx = await this.live(user, id);
    this.access.requireBranchAdmin(ctx);
    const v = await this.tx.run((em) => em.getRepository(MeetingVote).save(em.getRepository(MeetingVote).create({ meetingId: id, title: dto.title, options: dto.options, open: true, closedAt: null })));
    return this.voteView(ctx, v);
  }

  private async vote(id: number, voteId: number): Promise<MeetingVote> {
    const v = await this.votes.findOne({ where: { id: voteId, meetingId: id } });
    if (!v) throw new AppError(MeetingError.VoteNotFound);
    return v;
  }

  /** Once per member: the unique key (vote, member) refuses a second ballot, also a parallel one. */
  async ballot(user: AuthUser, id: number, voteId: number, option: number): Promise<MeetingVoteView> {
    const ctx = await this.live(user, id);
    const me = this.access.requireInvitee(ctx);
    const v = await this.vote(id, voteId);
    if (!v.open) throw new AppError(MeetingError.VoteClosed);
    if (option >= v.options.length) throw new AppError(MeetingError.VoteNotFound, '没有这个选项');
    await this.tx
      .run(async (em) => {
        if (await em.getRepository(MeetingBallot).exists({ where: { voteId, memberId: me.memberId } })) throw new AppError(MeetingError.AlreadyVoted);
        await em.getRepository(MeetingBallot).insert({ voteId, memberId: me.memberId, choice: option });
      })
      .catch((e) => {
        throw isDuplicateKey(e) ? new AppError(MeetingError.AlreadyVoted) : e;
      });
    return this.voteView(ctx, v);
  }

  async closeVote(user: AuthUser, id: number, voteId: number): Promise<MeetingVoteView> {
    const ctx = await this.access.resolve(user, id);
    this.access.requireBranchAdmin(ctx);
    await this.vote(id, voteId);
    await this.tx.run((em) => em.getRepository(MeetingVote).update({ id: voteId, closedAt: IsNull() }, { open: false, closedAt: this.clock.now() }));
    return this.voteView(ctx, (await this.votes.findOneBy({ id: voteId }))!);
  }
}

/** Great-circle distance (haversine), metres. */
export function distanceMeters(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * 6371_000 * Math.asin(Math.sqrt(a));
}
