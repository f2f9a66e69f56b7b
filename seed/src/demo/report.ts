import type { DeclaredSource } from '../bundle/manifest.js';

/**
 * The press report the demo case comes from (/work/shared/case/moscow-call-centre-raids.txt in the
 * team's shared material). The bundle does not contain it: it cites it by SHA-256 and line, so the
 * bundle loads without the file. Its original URL is not known to us, so none is given.
 */
export const REPORT: DeclaredSource = {
  key: 'report',
  name: 'moscow-call-centre-raids.txt',
  title: 'Moscow Raids: Russian Police Arrest 300 (press report on the call-centre crypto scam ring)',
  sha256: '1ccc26287a948bc2ed7450526533a8a0a34484fd339f57dea92b0fd768b2df65',
  basis: 'reported',
};

/** The report's lines that the demo cites, by what they say. */
export const LINE = {
  arrests: 1, // at least 300 arrested in raids on a Moscow-based call-centre crypto scam ring
  detained: 2, // MVD and FSB "detained employees" of "a network of fraudulent call centers"
  platforms: 5, // bogus "trading platforms"
  staff: 6, // "over 300 people were working in the call centers"
  workstations: 10, // "several call centers in Moscow", around 500 workstations
  foreigners: 12, // many staff appeared to be foreign nationals
  recruiting: 14, // a "recruiting network" hiring a multilingual staff
  countries: 16, // "citizens from more than 20 countries"
  khimprom: 17, // linked to a network "controlled by Yegor Burkin", "at-large leader of the Khimprom" group
  drugs: 18, // Khimprom: drug smuggling network operating in Russia and Ukraine
  impersonation: 23, // callers pose as MVD employees or FSB officers
  spoofing: 24, // "spoof numbers" that look like numbers of "official agencies"
} as const;

/** A `source` cell citing report lines, optionally together with the row itself (`this`). */
export function cite(lines: readonly number[], withRow = false): string {
  const refs = lines.map((n) => `${REPORT.key}#line:${n}`);
  return (withRow ? ['this', ...refs] : refs).join(';');
}
