import type { Check } from '../core';
import { t } from '../i18n';
import type { CheckText } from './checkText';

interface Props {
  check: Check;
  text: CheckText;
}

/** 未通过 C3 表三 · 一、本年新收… [原文错误]  自然人 + … = 4 ≠ 总计 = 3 */
export function CheckSummary({ check, text }: Props) {
  return (
    <>
      <span className={`badge status-${check.status}`}>{t.issues.checkStatus[check.status]}</span>
      <span className="check-rule">{check.rule}</span>
      <span className="check-place">{text.place}</span>
      {check.verdict && (
        <span className={`badge verdict-badge verdict-${check.verdict}`}>
          {t.verdicts[check.verdict]}
        </span>
      )}
      <span className="check-equation">{text.equation}</span>
    </>
  );
}
