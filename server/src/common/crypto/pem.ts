/**
 * Key material from settings: .env values often hold PEM with literal "\n", surrounding quotes or
 * CRLF; the Alipay console gives bare base64. The one place that reads them (login and payment clients).
 */
export function normalisePem(value: string): string {
  return value
    .trim()
    .replace(/^(['"])([\s\S]*)\1$/, '$2')
    .replace(/\\r/g, '')
    .replace(/\\n/g, '\n')
    .replace(/\r\n?/g, '\n')
    .trim();
}
