import { memo, type Ref } from 'react';
import type { SourceLine } from './sourceLines';
import { spanKey } from './sourceLines';

interface Props {
  /** The list measures each drawn line, for lines that wrap. */
  ref: Ref<HTMLDivElement>;
  /** The line's place in the list, which the list reads back when it measures it. */
  index: number;
  line: SourceLine;
  /** The selected span's key when it touches this line, so only those lines re-render. */
  selected: string | null;
  /** The keys of this line's marks that belong to the selected check, comma-separated. */
  outlined: string | null;
}

/** One numbered line of the source (or a later row of a long one); cells' and facts' places are marks. */
export const SourceLineView = memo(function SourceLineView({
  ref,
  index,
  line,
  selected,
  outlined,
}: Props) {
  const inCheck = outlined === null ? null : new Set(outlined.split(','));
  return (
    <div
      ref={ref}
      className={selected === null ? 'src-line' : 'src-line is-focus'}
      data-index={index}
      data-line={line.continued ? undefined : line.number}
    >
      <span className="src-ln" aria-hidden="true">
        {line.continued ? '' : line.number}
      </span>
      <span className="src-text">
        {line.pieces.map((piece, index) => {
          if (!piece.mark) return piece.text;
          const key = spanKey(piece.mark);
          return (
            <mark
              key={index}
              data-span={key}
              className={[
                'src-mark',
                `mark-${piece.mark.kind}`,
                key === selected ? 'is-selected' : '',
                inCheck?.has(key) ? 'is-outlined' : '',
              ]
                .filter(Boolean)
                .join(' ')}
            >
              {piece.text}
            </mark>
          );
        })}
      </span>
    </div>
  );
});
