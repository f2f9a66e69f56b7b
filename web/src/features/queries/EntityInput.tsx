import { useEffect, useState } from 'react';
import type { KindStyle } from '../../canvas/model-style';
import { KindIcon } from '../common/KindIcon';

export interface EntityHit {
  readonly id: string;
  readonly kind: string;
  readonly caption: string;
}

/** Full-text search restricted to `kinds` (empty: any kind). */
export type SearchKinds = (
  text: string,
  kinds: readonly string[],
  signal: AbortSignal,
) => Promise<readonly EntityHit[]>;

interface Props {
  readonly id: string;
  readonly name: string;
  readonly value: string;
  readonly kinds: readonly string[];
  readonly placeholder: string;
  readonly invalid: boolean;
  readonly styles: ReadonlyMap<string, KindStyle>;
  readonly search: SearchKinds;
  readonly onChange: (value: string) => void;
}

/** Looks like an id already (`prefix:key`): no search, the text is the value. */
const ID_LIKE = /^[a-z]+:\S+$/;

/**
 * An entity id field: type an id, or a name and pick from the search hits of the parameter's kinds (the
 * hit's id becomes the value).
 */
export function EntityInput({ id, name, value, kinds, placeholder, invalid, styles, search, onChange }: Props) {
  const [hits, setHits] = useState<readonly EntityHit[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);

  useEffect(() => {
    const text = value.trim();
    if (!open || text.length < 2 || ID_LIKE.test(text)) {
      setHits([]);
      return;
    }
    const abort = new AbortController();
    const timer = setTimeout(() => {
      search(text, kinds, abort.signal).then(
        (found) => {
          if (abort.signal.aborted) return;
          setHits(found);
          setActive(0);
        },
        () => !abort.signal.aborted && setHits([]),
      );
    }, 200);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [value, kinds, open, search]);

  const pick = (hit: EntityHit | undefined) => {
    if (!hit) return;
    onChange(hit.id);
    setOpen(false);
  };

  return (
    <div className="entity-input">
      <input
        id={id}
        name={name}
        type="text"
        value={value}
        placeholder={placeholder}
        aria-invalid={invalid}
        autoComplete="off"
        data-testid={`param-${name}`}
        onChange={(e) => {
          onChange(e.target.value);
          setOpen(true);
        }}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (hits.length === 0) return;
          if (e.key === 'ArrowDown') setActive((i) => Math.min(i + 1, hits.length - 1));
          else if (e.key === 'ArrowUp') setActive((i) => Math.max(i - 1, 0));
          else if (e.key === 'Enter') pick(hits[active]);
          else if (e.key === 'Escape') setOpen(false);
          else return;
          e.preventDefault();
          e.stopPropagation();
        }}
      />
      {open && hits.length > 0 && (
        <ul className="search-popup" role="listbox" aria-label={`Entities for ${name}`}>
          {hits.map((hit, i) => (
            <li
              key={hit.id}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              data-testid="param-hit"
              data-id={hit.id}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(hit)}
            >
              <KindIcon kind={styles.get(hit.kind)} size={16} />
              <span className="hit-caption">{hit.caption}</span>
              <span className="hit-kind muted">{hit.kind}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
