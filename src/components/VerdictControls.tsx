import { useState, type KeyboardEvent } from 'react';
import type { Check, Verdict } from '../core';
import { t } from '../i18n';
import { useReviewStore } from '../store/reviewStore';

interface Props {
  check: Check;
}

const VERDICTS = Object.keys(t.verdicts) as Verdict[];

/** 解析错误 · 原文错误 · 忽略, and a comment: the reviewer's judgement on one check. */
export function VerdictControls({ check }: Props) {
  const judge = useReviewStore((s) => s.judgeCheck);
  const comment = check.comment ?? null;
  return (
    <div className="verdict" role="group" aria-label={`${t.verdictGroup} ${check.id}`}>
      {VERDICTS.map((verdict) => {
        const on = check.verdict === verdict;
        return (
          <button
            key={verdict}
            type="button"
            className={`verdict-button verdict-${verdict}`}
            aria-pressed={on}
            title={t.verdictHints[verdict]}
            onClick={() => judge(check.id, { verdict: on ? null : verdict })}
          >
            {t.verdicts[verdict]}
          </button>
        );
      })}
      {/* Keyed by the comment, so that an undo shows the comment it brought back. */}
      <CommentField key={comment ?? ''} check={check} />
    </div>
  );
}

function CommentField({ check }: Props) {
  const judge = useReviewStore((s) => s.judgeCheck);
  const saved = check.comment ?? '';
  const [draft, setDraft] = useState(saved);

  // One step in the history per comment, however many keys it took.
  function commit() {
    const text = draft.trim();
    if (text !== saved) judge(check.id, { comment: text || null });
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter') {
      event.preventDefault();
      commit();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setDraft(saved);
    }
  }

  return (
    <input
      className="verdict-comment"
      aria-label={`${t.comment} ${check.id}`}
      placeholder={t.commentPlaceholder}
      value={draft}
      spellCheck={false}
      onChange={(event) => setDraft(event.target.value)}
      onKeyDown={onKeyDown}
      onBlur={commit}
    />
  );
}
