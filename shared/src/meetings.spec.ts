import {
  MEETING_ACTIONS,
  MEETING_STATES,
  MEETING_TYPE_RULES,
  MEETING_TYPES,
  actualRatioPercent,
  availableMeetingActions,
  checkMeetingTransition,
  evaluationProblems,
  generalAssemblyValidity,
  meetingPeriodKey,
  meetingPhase,
  ratioMet,
  type MeetingAction,
  type MeetingActor,
  type MeetingFacts,
  type MeetingState,
  type MeetingType,
} from './meetings.js';

const ALL: MeetingFacts = { invitees: true, start_reached: true, ratio_met: true, minutes: true, summary: true, outlines: true, evaluation: true, reason: true, work_record: true };
const ACTORS: MeetingActor[] = ['branch_admin', 'parent_admin', 'system'];

/** Each flow as SPEC §4 writes it: the actions in order, and who takes them. */
const FLOWS: Record<MeetingType, Array<[MeetingAction, MeetingActor]>> = {
  general_assembly: [['notify', 'branch_admin'], ['hold', 'system'], ['record', 'branch_admin'], ['submit', 'branch_admin'], ['approve', 'parent_admin']],
  committee: [['notify', 'branch_admin'], ['hold', 'system'], ['record', 'branch_admin'], ['submit', 'branch_admin'], ['approve', 'parent_admin']],
  group: [['notify', 'branch_admin'], ['hold', 'system'], ['record', 'branch_admin'], ['confirm', 'branch_admin']],
  lecture: [['notify', 'branch_admin'], ['hold', 'system'], ['record', 'branch_admin'], ['summarize', 'branch_admin'], ['file', 'branch_admin'], ['acknowledge', 'parent_admin']],
  theme_day: [['notify', 'branch_admin'], ['hold', 'system'], ['record', 'branch_admin'], ['file', 'branch_admin'], ['acknowledge', 'parent_admin']],
  life_and_review: [
    ['pre_notice', 'branch_admin'],
    ['submit_materials', 'branch_admin'],
    ['approve_materials', 'parent_admin'],
    ['notify', 'branch_admin'],
    ['hold', 'system'],
    ['record', 'branch_admin'],
    ['upload_evaluation', 'branch_admin'],
    ['submit', 'branch_admin'],
    ['approve', 'parent_admin'],
    ['record_followup', 'branch_admin'],
  ],
};

/** Walks a flow's main path; returns the states visited. */
function walk(type: MeetingType): MeetingState[] {
  let state: MeetingState = 'created';
  const seen: MeetingState[] = [state];
  for (const [action, actor] of FLOWS[type]) {
    const r = checkMeetingTransition(type, state, action, actor, ALL);
    if (!r.ok) throw new Error(`${type}: ${action} from ${state}: ${r.message}`);
    state = r.to;
    seen.push(state);
  }
  return seen;
}

describe('meeting flows (SPEC §4)', () => {
  for (const type of MEETING_TYPES) {
    describe(type, () => {
      it('runs its whole main path with the actors the spec names, in the order the timeline shows', () => {
        expect(walk(type)).toEqual(MEETING_TYPE_RULES[type].timeline);
      });

      it('refuses every action the table does not hold for a state, naming the current step', () => {
        for (const state of MEETING_STATES) {
          for (const action of MEETING_ACTIONS) {
            const inTable = MEETING_TYPE_RULES[type].transitions.some((x) => x.from === state && x.action === action);
            for (const actor of ACTORS) {
              const r = checkMeetingTransition(type, state, action, actor, ALL);
              if (!inTable) {
                expect(r).toMatchObject({ ok: false, error: 'not_allowed' });
                if (!r.ok) expect(r.message).toContain('当前环节为');
              }
            }
          }
        }
      });

      it('lets only the named role take each transition, and names what is missing', () => {
        for (const tr of MEETING_TYPE_RULES[type].transitions) {
          for (const actor of ACTORS) {
            const r = checkMeetingTransition(type, tr.from, tr.action, actor, ALL);
            expect(r.ok).toBe(tr.actors.includes(actor));
            if (!r.ok) expect(r.error).toBe('wrong_actor');
          }
          const actor = tr.actors[0];
          for (const req of tr.requires) {
            const r = checkMeetingTransition(type, tr.from, tr.action, actor, { ...ALL, [req]: false });
            expect(r).toMatchObject({ ok: false, error: 'missing', missing: [req] });
          }
        }
      });
    });
  }

  it('parents approve or reject with a reason; a rejected record is resubmitted by the branch', () => {
    const reject = checkMeetingTransition('general_assembly', 'submitted', 'reject', 'parent_admin', { reason: false });
    expect(reject).toEqual({ ok: false, error: 'missing', missing: ['reason'], message: '当前环节为“待上级审核”，退回前还需：填写退回理由' });
    expect(checkMeetingTransition('general_assembly', 'submitted', 'reject', 'parent_admin', { reason: true })).toEqual({ ok: true, to: 'rejected' });
    expect(checkMeetingTransition('general_assembly', 'rejected', 'resubmit', 'branch_admin', ALL)).toEqual({ ok: true, to: 'submitted' });
    expect(checkMeetingTransition('general_assembly', 'submitted', 'approve', 'branch_admin', ALL)).toMatchObject({ ok: false, error: 'wrong_actor', message: '审核通过须由上级党组织办理' });
    // Filing is acknowledged, never rejected.
    expect(checkMeetingTransition('theme_day', 'filed', 'reject', 'parent_admin', ALL)).toMatchObject({ ok: false, error: 'not_allowed' });
  });

  it('holds a meeting with a ratio only once feedback reaches it (MEET-5), others at the start time', () => {
    expect(checkMeetingTransition('general_assembly', 'notified', 'hold', 'system', { start_reached: true, ratio_met: false })).toMatchObject({ ok: false, missing: ['ratio_met'] });
    expect(checkMeetingTransition('committee', 'notified', 'hold', 'system', { start_reached: true })).toEqual({ ok: true, to: 'held' });
    expect(checkMeetingTransition('committee', 'notified', 'hold', 'branch_admin', { start_reached: false })).toMatchObject({ ok: false, missing: ['start_reached'] });
  });

  it('offers each role its next buttons', () => {
    expect(availableMeetingActions('life_and_review', 'materials_submitted', 'parent_admin').map((x) => x.action)).toEqual(['approve_materials', 'reject_materials']);
    expect(availableMeetingActions('life_and_review', 'materials_submitted', 'branch_admin')).toEqual([]);
  });

  it('groups states into 未开始 / 进行中 / 已结束', () => {
    expect(['created', 'notified', 'materials_rejected'].map((s) => meetingPhase(s as MeetingState))).toEqual(['upcoming', 'upcoming', 'upcoming']);
    expect(meetingPhase('held')).toBe('ongoing');
    expect(['recorded', 'submitted', 'done', 'closed'].map((s) => meetingPhase(s as MeetingState))).toEqual(['ended', 'ended', 'ended', 'ended']);
  });
});

describe('attendance rules', () => {
  it('MEET-5: a required ratio of those invited, rounded up to whole people', () => {
    expect(ratioMet(8, 10, 0.8)).toBe(true);
    expect(ratioMet(7, 10, 0.8)).toBe(false);
    expect(ratioMet(3, 7, 0.4)).toBe(true); // 2.8 → 3 people
    expect(ratioMet(2, 7, 0.4)).toBe(false);
    expect(ratioMet(0, 0, null)).toBe(true);
    expect(actualRatioPercent(11, 12)).toBe(92);
  });

  it('MEET-6: quorum is more than half of the full members; a resolution more than half of them', () => {
    expect(generalAssemblyValidity({ fullMembers: 10, fullPresent: 5 })).toEqual({ quorum: false, passed: null });
    expect(generalAssemblyValidity({ fullMembers: 10, fullPresent: 6, votesFor: 6 })).toEqual({ quorum: true, passed: true });
    expect(generalAssemblyValidity({ fullMembers: 10, fullPresent: 9, votesFor: 5 })).toEqual({ quorum: true, passed: false });
    expect(generalAssemblyValidity({ fullMembers: 10, fullPresent: 5, votesFor: 5 })).toEqual({ quorum: false, passed: false });
  });

  it('MEET-11: periods in Beijing time', () => {
    const at = new Date('2026-09-30T16:30:00Z'); // 1 October 00:30 in Beijing
    expect([meetingPeriodKey('month', at), meetingPeriodKey('quarter', at), meetingPeriodKey('year', at)]).toEqual(['2026-10', '2026-Q4', '2026']);
  });
});

describe('democratic evaluation (MEET-12)', () => {
  const full = (name: string, grade: 'excellent' | 'qualified' | null) => ({ name, probationary: false, grade });
  it('accepts at most one third 优秀, every full member graded, no probationary member graded', () => {
    expect(evaluationProblems([full('甲', 'excellent'), full('乙', 'qualified'), full('丙', 'qualified'), { name: '丁', probationary: true, grade: null }])).toEqual([]);
    expect(evaluationProblems([full('甲', 'excellent'), full('乙', 'excellent'), full('丙', 'qualified')])).toEqual(['评为优秀的不能超过参评正式党员的三分之一（最多1人）']);
    expect(evaluationProblems([full('甲', null), { name: '丁', probationary: true, grade: 'qualified' }])).toEqual(['甲尚未评定等次', '丁为预备党员，不评定等次']);
  });
});
