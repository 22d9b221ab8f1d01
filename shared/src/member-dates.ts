/**
 * Plausibility of a member record's dates (MEM-1). Party members join at 18 or older (党章 第一条);
 * a probationary member is regularised after joining; none of these dates lie in the future.
 * Returns one problem per wrong field, for the form and for Excel import rows alike.
 */
export interface DateProblem {
  field: 'birthDate' | 'joinDate' | 'regularDate';
  message: string;
}

export function memberDateProblems(d: { birthDate: string; joinDate: string; regularDate?: string | null }, today: string): DateProblem[] {
  const problems: DateProblem[] = [];
  if (d.birthDate > today) problems.push({ field: 'birthDate', message: '出生日期不能晚于今天' });
  const adult = `${String(Number(d.birthDate.slice(0, 4)) + 18).padStart(4, '0')}${d.birthDate.slice(4)}`;
  if (d.joinDate > today) problems.push({ field: 'joinDate', message: '入党日期不能晚于今天' });
  else if (d.joinDate < adult) problems.push({ field: 'joinDate', message: '入党日期应在年满18周岁之后' });
  if (d.regularDate) {
    if (d.regularDate > today) problems.push({ field: 'regularDate', message: '转正日期不能晚于今天' });
    else if (d.regularDate <= d.joinDate) problems.push({ field: 'regularDate', message: '转正日期应晚于入党日期' });
  }
  return problems;
}
