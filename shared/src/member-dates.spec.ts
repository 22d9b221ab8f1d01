import { memberDateProblems } from './member-dates.js';

describe('member dates (MEM-1)', () => {
  const today = '2026-11-21';
  it('accepts a plausible record', () => {
    expect(memberDateProblems({ birthDate: '1990-03-07', joinDate: '2012-07-01', regularDate: '2013-07-01' }, today)).toEqual([]);
  });
  it('needs the member to be 18 when joining', () => {
    expect(memberDateProblems({ birthDate: '1990-03-07', joinDate: '2008-03-06' }, today)).toEqual([{ field: 'joinDate', message: '入党日期应在年满18周岁之后' }]);
    expect(memberDateProblems({ birthDate: '1990-03-07', joinDate: '2008-03-07' }, today)).toEqual([]);
  });
  it('refuses regularisation before joining and dates in the future', () => {
    expect(memberDateProblems({ birthDate: '1990-03-07', joinDate: '2012-07-01', regularDate: '2012-01-01' }, today)).toEqual([{ field: 'regularDate', message: '转正日期应晚于入党日期' }]);
    expect(memberDateProblems({ birthDate: '1990-03-07', joinDate: '2099-07-01' }, today)).toEqual([{ field: 'joinDate', message: '入党日期不能晚于今天' }]);
  });
});
