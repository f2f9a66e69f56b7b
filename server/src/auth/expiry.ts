import { invalidArgument } from '../domain/errors.js';

const DAY_MS = 86_400_000;

/**
 * `--expires`: a duration (`30d`, `12h`, `90m`) from now, or an ISO date or date-time (`2026-12-31`,
 * `2026-12-31T18:00:00Z`; a date alone ends at its start, UTC). Returns an ISO instant in the future.
 */
export function parseExpiry(text: string, now: Date = new Date()): string {
  const duration = /^(\d{1,5})([dhm])$/.exec(text.trim());
  let at: number;
  if (duration) {
    const n = Number(duration[1]);
    const unit = duration[2] === 'd' ? DAY_MS : duration[2] === 'h' ? 3_600_000 : 60_000;
    at = now.getTime() + n * unit;
  } else if (/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(text.trim())) {
    at = Date.parse(text.trim());
  } else {
    throw invalidArgument('--expires', `expected a duration like 30d, 12h, 90m or an ISO date, got "${text}"`);
  }
  if (!Number.isFinite(at)) throw invalidArgument('--expires', `not a date: "${text}"`);
  if (at <= now.getTime()) throw invalidArgument('--expires', `must be in the future, got "${text}"`);
  return new Date(at).toISOString();
}
