/** A refused form (ApiError details with `field`): each field's first message, anything else as one message. */
import { errorMessage, isApiError } from '../services/errors'

/** `map`: the request's field names (first path segment) → the form's fields. */
export function fieldErrors<F extends string>(e: unknown, map: Record<string, F>): { fields: Partial<Record<F, string>>; message: string | null } {
  const fields: Partial<Record<F, string>> = {}
  const rest: string[] = []
  for (const d of isApiError(e) ? e.details ?? [] : []) {
    const field = d.field ? map[d.field.split('.')[0]] : undefined
    if (field && !fields[field]) fields[field] = d.message
    else if (!field) rest.push(d.message)
  }
  if (Object.keys(fields).length && !rest.length) return { fields, message: null }
  return { fields, message: rest.length ? rest.join('；') : errorMessage(e) }
}
