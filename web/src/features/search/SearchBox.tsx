import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { KindStyle } from '../../canvas/model-style';
import { KindIcon } from '../common/KindIcon';

export interface SearchHit {
  readonly id: string;
  readonly kind: string;
  readonly caption: string;
}

export interface SearchResult<H extends SearchHit = SearchHit> {
  readonly hits: readonly H[];
  /** A lower bound when `truncated` is set. */
  readonly total: number;
  /** Set when the server stopped checking hits early (the API's `SearchConnection.truncated`). */
  readonly truncated?: { readonly bound: string; readonly value: number } | null;
}

interface Props<H extends SearchHit> {
  readonly search: (text: string, signal: AbortSignal) => Promise<SearchResult<H>>;
  readonly kinds: ReadonlyMap<string, KindStyle>;
  /** A hit chosen (click or Enter): the app adds it to the scene. */
  readonly onPick: (hit: H) => void;
  readonly onError: (error: unknown) => void;
  /** Wait after the last keystroke before asking the server. */
  readonly debounceMs?: number;
}

type State<H extends SearchHit> =
  { status: 'idle' } | { status: 'searching' } | { status: 'done'; result: SearchResult<H> };

/** Typeahead over the API's full-text search: kinds shown with their icons, keyboard-driven. */
export function SearchBox<H extends SearchHit>({ search, kinds, onPick, onError, debounceMs = 200 }: Props<H>) {
  const [text, setText] = useState('');
  const [state, setState] = useState<State<H>>({ status: 'idle' });
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const query = text.trim();
    if (query.length < 2) {
      setState({ status: 'idle' });
      return;
    }
    const abort = new AbortController();
    const timer = setTimeout(() => {
      setState({ status: 'searching' });
      search(query, abort.signal).then(
        (result) => {
          if (abort.signal.aborted) return;
          setState({ status: 'done', result });
          setActive(0);
        },
        (error: unknown) => {
          if (abort.signal.aborted) return;
          setState({ status: 'idle' });
          onError(error);
        },
      );
    }, debounceMs);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [text, search, onError, debounceMs]);

  const hits = state.status === 'done' ? state.result.hits : [];
  const pick = (hit: H | undefined) => {
    if (!hit) return;
    onPick(hit);
    setOpen(false);
    input.current?.select();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') setActive((i) => Math.min(i + 1, hits.length - 1));
    else if (event.key === 'ArrowUp') setActive((i) => Math.max(i - 1, 0));
    else if (event.key === 'Enter') pick(hits[active]);
    else if (event.key === 'Escape') setOpen(false);
    else return;
    event.preventDefault();
    event.stopPropagation(); // the app's own Escape (clear selection) is not meant here
  };

  return (
    <div className="search" role="combobox" aria-expanded={open && hits.length > 0} aria-haspopup="listbox">
      <input
        ref={input}
        type="search"
        placeholder="Search names, numbers, wallets…"
        aria-label="Search"
        data-testid="search-input"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown}
      />
      {open && state.status === 'searching' && <div className="search-popup muted">Searching…</div>}
      {open && state.status === 'done' && (
        <ul className="search-popup" role="listbox">
          {hits.length === 0 && <li className="muted">Nothing found for “{text.trim()}”.</li>}
          {hits.map((hit, i) => (
            <li
              key={hit.id}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              data-testid="search-hit"
              data-id={hit.id}
              onMouseEnter={() => setActive(i)}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(hit)}
            >
              <KindIcon kind={kinds.get(hit.kind)} />
              <span className="hit-caption">{hit.caption}</span>
              <span className="hit-kind muted">{hit.kind}</span>
            </li>
          ))}
          {state.result.truncated?.bound === 'maxCheckedHits' ? (
            // Every bound hit is said: matches beyond the ones checked are missing, not just on later pages.
            <li className="muted" data-testid="search-bound">
              only the first {state.result.truncated.value.toLocaleString('en-US')} matches were checked: type more to
              narrow
            </li>
          ) : (
            state.result.total > hits.length && (
              <li className="muted">
                {hits.length} of {state.result.truncated ? 'at least ' : ''}
                {state.result.total.toLocaleString('en-US')}: type more to narrow
              </li>
            )
          )}
        </ul>
      )}
    </div>
  );
}
