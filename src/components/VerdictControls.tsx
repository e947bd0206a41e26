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
      <CommentField check={check} />
    </div>
  );
}

function CommentField({ check }: Props) {
  const judge = useReviewStore((s) => s.judgeCheck);
  const saved = check.comment ?? '';
  const [draft, setDraft] = useState(saved);
  // The comment the draft was last in step with, and the one it had when the field was entered.
  const [synced, setSynced] = useState(saved);
  const [entered, setEntered] = useState(saved);
  if (saved !== synced) {
    // Changed from elsewhere (an undo, a redo): the field shows it.
    setSynced(saved);
    setDraft(saved);
  }

  // Saved as it is typed, so that a reload a moment later keeps it; the store makes the keys of
  // one comment a single step to undo.
  function change(text: string) {
    setDraft(text);
    const comment = text.trim();
    if (comment === saved) return;
    setSynced(comment);
    judge(check.id, { comment: comment || null });
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter') {
      // Already saved: Enter only hands the keys back to the page (N, J/K, undo).
      event.preventDefault();
      event.currentTarget.blur();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      change(entered);
    }
  }

  return (
    <input
      className="verdict-comment"
      aria-label={`${t.comment} ${check.id}`}
      placeholder={t.commentPlaceholder}
      value={draft}
      spellCheck={false}
      onFocus={() => setEntered(saved)}
      onChange={(event) => change(event.target.value)}
      onKeyDown={onKeyDown}
    />
  );
}
