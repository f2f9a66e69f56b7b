/**
 * Phone numbers of synthetic cases. Made up: Russia reserves no range for fiction, so a number may
 * exist; none is any agency's real number.
 */

/** Own line of seat i: +7 916 5xx-xx-xx. */
export const ownLine = (i: number) => `+7916${String(5_000_000 + i).padStart(7, '0')}`;
/** Hub line h, shared by seats of several centres: +7 495 555-xx-xx. */
export const hubLine = (h: number) => `+7495555${String(h).padStart(4, '0')}`;
/** Spoofed caller ID s, shaped like an official hotline: +7 800 555-xx-xx. */
export const spoofLine = (s: number) => `+7800555${String(s).padStart(4, '0')}`;
