/** The SMS-code state of a form that is not the activation page (SMS login, phone change). */
import { useReducer } from 'react';
import { initialSmsState, smsReducer } from '../../../activation';
import { useSmsTick } from '../../../components/SmsCodeInput';

export function useSmsFlow() {
  const [sms, dispatch] = useReducer(smsReducer, initialSmsState);
  useSmsTick(sms, dispatch);
  return { sms, dispatch };
}
