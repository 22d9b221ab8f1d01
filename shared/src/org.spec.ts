import { canHoldChild } from './org.js';
import { codeForLabel, EDUCATION_LABELS } from './member.js';

describe('organisation levels (SPEC §0)', () => {
  it('lets a branch sit under a general branch or directly under a committee', () => {
    expect(canHoldChild('general_branch', 'branch')).toBe(true);
    expect(canHoldChild('committee', 'branch')).toBe(true);
  });
  it('refuses upside-down trees', () => {
    expect(canHoldChild('branch', 'committee')).toBe(false);
    expect(canHoldChild('group', 'group')).toBe(false);
  });
  it('maps Chinese labels typed in imports back to codes', () => {
    expect(codeForLabel(EDUCATION_LABELS, '大学本科')).toBe('bachelor');
    expect(codeForLabel(EDUCATION_LABELS, '幼儿园')).toBeUndefined();
  });
});
