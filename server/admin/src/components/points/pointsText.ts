import type { CapPeriod, PointsCategory, PointsRuleView } from '@dangjian/shared';
import { CAP_PERIOD_LABELS, CAP_PERIODS, POINTS_CATEGORIES, POINTS_CATEGORY_LABELS } from '@dangjian/shared';

/** A rule's cap as people say it: 每天最多 2 分, 不设上限. */
export const capText = (r: Pick<PointsRuleView, 'cap' | 'capPeriod'>) => (r.cap === null ? '不设上限' : `${CAP_PERIOD_LABELS[r.capPeriod]}最多 ${r.cap} 分`);

export const categoryOptions = POINTS_CATEGORIES.map((c: PointsCategory) => ({ value: c, label: POINTS_CATEGORY_LABELS[c] }));
export const capPeriodOptions = CAP_PERIODS.map((p: CapPeriod) => ({ value: p, label: CAP_PERIOD_LABELS[p] }));

/** The rules of each category, in the categories' order (a category without rules is left out). */
export function rulesByCategory(rules: PointsRuleView[]): Array<{ category: PointsCategory; rules: PointsRuleView[] }> {
  return POINTS_CATEGORIES.map((category) => ({ category, rules: rules.filter((r) => r.category === category) })).filter((g) => g.rules.length > 0);
}
