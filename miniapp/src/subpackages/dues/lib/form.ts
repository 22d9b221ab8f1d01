/** The 代缴 form's checks before POST /dues/proxy/lookup (the server checks again). */
import { checkIdNumber, ID_NUMBER_PROBLEM_MESSAGES } from '@dangjian/shared'

export const NAME_MAX = 50

export function proxyFormErrors(name: string, idNumber: string): { name?: string; idNumber?: string } {
  const errors: { name?: string; idNumber?: string } = {}
  const n = name.trim()
  if (!n) errors.name = '请填写党员姓名'
  else if (Array.from(n).length > NAME_MAX) errors.name = `姓名不超过${NAME_MAX}个字`
  if (!idNumber.trim()) errors.idNumber = '请填写身份证号'
  else {
    const problem = checkIdNumber(idNumber)
    if (problem) errors.idNumber = ID_NUMBER_PROBLEM_MESSAGES[problem]
  }
  return errors
}
