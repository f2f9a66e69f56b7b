/**
 * A value that was kept but could not be normalised (a malformed phone number, a wrong wallet checksum,
 * an unknown country). Flags are reported, never a reason to drop the fact.
 */
export interface Flag {
  /** The property the value was given for, e.g. `number`, `address`, `nationality`. */
  readonly field: string;
  /** The value as given. */
  readonly value: string;
  readonly reason: string;
}
