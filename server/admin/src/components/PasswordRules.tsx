import { CheckCircleFilled, CloseCircleOutlined } from '@ant-design/icons';
import { checkPassword } from '@dangjian/shared';

/** The password policy (ID-4), ticked off live as the user types. */
export function PasswordRules({ password }: { password: string }) {
  return (
    <ul style={{ listStyle: 'none', padding: 0, margin: '0 0 16px' }} aria-label="密码要求">
      {checkPassword(password).map((c) => (
        <li key={c.key} style={{ color: c.ok ? '#389e0d' : 'rgba(0,0,0,0.45)', lineHeight: '24px' }} data-ok={c.ok}>
          {c.ok ? <CheckCircleFilled /> : <CloseCircleOutlined />} {c.label}
        </li>
      ))}
    </ul>
  );
}
