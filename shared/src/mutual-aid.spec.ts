import { AID_ACTIONS, AID_FLOWS, AID_KIND_LABELS, AID_KINDS, AID_STATES, SNAPSHOT_COLUMN_LABELS, availableAidActions, checkAidTransition, mentionsCash, type AidActor, type AidState } from './mutual-aid.js';

/** Walks a kind's main path with the actor the flow names for each step. */
function walk(kind: (typeof AID_KINDS)[number], steps: Array<[string, AidActor]>): AidState {
  let state: AidState = 'submitted';
  for (const [action, actor] of steps) {
    const r = checkAidTransition(kind, state, action as never, [actor]);
    if (!r.ok) throw new Error(`${kind} ${state} ${action} by ${actor}: ${r.message}`);
    state = r.transition.to;
  }
  return state;
}

describe('mutual-aid flows (AID-1…AID-5)', () => {
  it('walks the wish tree to done, the claimer earning 10', () => {
    const end = walk('wish', [['approve', 'branch_admin'], ['claim', 'member'], ['deliver', 'claimer'], ['confirm', 'publisher'], ['complete', 'branch_admin']]);
    expect(end).toBe('done');
    expect(AID_FLOWS.wish.transitions.find((x) => x.action === 'complete')!.award).toEqual({ rule: 'aid.wish_done', to: 'claimer' });
    expect(AID_FLOWS.wish.timeline.at(-1)).toBe('done');
  });

  it('walks a donation: +2 to the publisher when listed, +10 when done', () => {
    expect(walk('donation', [['approve', 'branch_admin'], ['claim', 'member'], ['send', 'publisher'], ['receive', 'claimer'], ['complete', 'branch_admin']])).toBe('done');
    const awards = AID_FLOWS.donation.transitions.filter((x) => x.award).map((x) => [x.action, x.award!.rule, x.award!.to]);
    expect(awards).toEqual([['approve', 'aid.donation_listed', 'publisher'], ['complete', 'aid.donation_done', 'publisher']]);
  });

  it('approves a snapshot with +2 to the publisher', () => {
    expect(walk('snapshot', [['approve', 'branch_admin']])).toBe('approved');
    expect(AID_FLOWS.snapshot.transitions.find((x) => x.action === 'approve')!.award).toEqual({ rule: 'aid.snapshot_approved', to: 'publisher' });
  });

  it('refuses every step taken by a role the flow does not name, and every step out of order', () => {
    const roles: AidActor[] = ['branch_admin', 'publisher', 'claimer', 'member', 'tenant_admin'];
    for (const kind of AID_KINDS) {
      for (const tr of AID_FLOWS[kind].transitions) {
        for (const role of roles.filter((r) => !tr.actors.includes(r))) {
          expect(checkAidTransition(kind, tr.from, tr.action, [role], 'x')).toMatchObject({ ok: false, error: 'wrong_actor' });
        }
      }
    }
    expect(checkAidTransition('wish', 'open', 'complete', ['branch_admin'])).toMatchObject({ ok: false, error: 'not_allowed', message: '当前状态为“待认领”，不能确认办结' });
    expect(checkAidTransition('wish', 'claimed', 'confirm', ['publisher'])).toMatchObject({ ok: false, error: 'not_allowed' });
  });

  it('asks a reason for a rejection and offers each role its next buttons', () => {
    expect(checkAidTransition('wish', 'submitted', 'reject', ['branch_admin'])).toMatchObject({ ok: false, error: 'reason_required' });
    expect(checkAidTransition('wish', 'submitted', 'reject', ['branch_admin'], '不符合要求')).toMatchObject({ ok: true });
    expect(availableAidActions('wish', 'open', ['member']).map((x) => x.action)).toEqual(['claim']);
    expect(availableAidActions('wish', 'open', ['publisher']).map((x) => x.action)).toEqual(['withdraw']);
  });

  it('walks a micro-wish: the tenant admin reviews, any member claims, the claimer or the submitting admin closes it, no points', () => {
    expect(AID_KIND_LABELS.micro_wish).toBe('微心愿');
    expect(walk('micro_wish', [['approve', 'tenant_admin'], ['claim', 'member'], ['complete', 'claimer']])).toBe('done');
    expect(walk('micro_wish', [['approve', 'tenant_admin'], ['claim', 'member'], ['complete', 'publisher']])).toBe('done');
    expect(AID_FLOWS.micro_wish.timeline).toEqual(['submitted', 'open', 'claimed', 'done']);
    expect(AID_FLOWS.micro_wish.transitions.filter((x) => x.award)).toEqual([]);
    // The branch admin submits but does not review: that is the tenant admin's.
    expect(checkAidTransition('micro_wish', 'submitted', 'approve', ['branch_admin', 'publisher'])).toMatchObject({ ok: false, error: 'wrong_actor', message: '审核通过须由单位管理员办理' });
    expect(checkAidTransition('micro_wish', 'submitted', 'reject', ['tenant_admin'])).toMatchObject({ ok: false, error: 'reason_required' });
    expect(availableAidActions('micro_wish', 'submitted', ['tenant_admin']).map((x) => x.action)).toEqual(['approve', 'reject']);
    expect(availableAidActions('micro_wish', 'claimed', ['publisher']).map((x) => x.action)).toEqual(['complete']);
    expect(availableAidActions('micro_wish', 'claimed', ['member']).map((x) => x.action)).toEqual([]);
  });

  it('refuses every micro-wish step out of order, whoever takes it', () => {
    const everyone: AidActor[] = ['branch_admin', 'publisher', 'claimer', 'member', 'tenant_admin'];
    const steps = AID_FLOWS.micro_wish.transitions;
    for (const state of AID_STATES) {
      for (const action of AID_ACTIONS) {
        if (steps.some((x) => x.from === state && x.action === action)) continue;
        expect(checkAidTransition('micro_wish', state, action, everyone, 'x')).toMatchObject({ ok: false, error: 'not_allowed' });
      }
    }
    // Nothing to deliver, confirm, send or receive: micro-wishes go straight from claimed to done.
    expect(checkAidTransition('micro_wish', 'claimed', 'deliver', ['claimer'])).toMatchObject({ ok: false, error: 'not_allowed', message: '当前状态为“已认领”，不能确认已送达' });
    expect(checkAidTransition('micro_wish', 'open', 'complete', ['publisher'])).toMatchObject({ ok: false, error: 'not_allowed' });
    expect(checkAidTransition('micro_wish', 'done', 'complete', ['claimer'])).toMatchObject({ ok: false, error: 'not_allowed' });
  });

  it('names the snapshot columns at run time', () => {
    expect(SNAPSHOT_COLUMN_LABELS).toEqual({ positive: '正能量', exposure: '曝光台' });
  });

  it('recognises a wish for cash', () => {
    expect(mentionsCash('希望资助500元现金')).toBe(true);
    expect(mentionsCash('希望有人帮忙修理电视机')).toBe(false);
  });
});
