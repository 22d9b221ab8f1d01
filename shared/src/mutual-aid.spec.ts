import { AID_FLOWS, AID_KINDS, availableAidActions, checkAidTransition, mentionsCash, type AidActor, type AidState } from './mutual-aid.js';

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

describe('mutual-aid flows (AID-1…AID-3)', () => {
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
    const roles: AidActor[] = ['branch_admin', 'publisher', 'claimer', 'member'];
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

  it('recognises a wish for cash', () => {
    expect(mentionsCash('希望资助500元现金')).toBe(true);
    expect(mentionsCash('希望有人帮忙修理电视机')).toBe(false);
  });
});
