/**
 * The fields of `after` that differ from `before` (compared as JSON), for a PATCH that sends only
 * what the admin changed: unchanged values are not re-validated (a start time that has meanwhile
 * passed, a publicity period that has begun).
 */
export function changedFields<T extends object>(before: T, after: T): Partial<T> {
  const patch: Partial<T> = {};
  for (const key of Object.keys(after) as Array<keyof T>) {
    if (JSON.stringify(after[key]) !== JSON.stringify(before[key])) patch[key] = after[key];
  }
  return patch;
}
