import { personName, workName } from '../lib/names.js';
import type { Rng } from '../lib/rng.js';

/**
 * The synthetic organisation behind the demo case: five call centres in Moscow whose workstation counts
 * add up to the reported "around 500" and whose staff add up to "over 300", of which only a sample of
 * workstations and staff are entities. Everything here is made up; only the totals follow the report.
 */

export interface Centre {
  readonly key: string;
  readonly name: string;
  readonly workstations: number;
  readonly staff: number;
  readonly languages: readonly string[];
  readonly platforms: readonly string[];
  /** Workstations sampled as entities. */
  readonly sampled: number;
}

export const CENTRES: readonly Centre[] = [
  {
    key: 'moscow-orion',
    name: 'Orion',
    workstations: 140,
    staff: 88,
    languages: ['en', 'de'],
    platforms: ['bitexora', 'qorvex'],
    sampled: 17,
  },
  {
    key: 'moscow-vega',
    name: 'Vega',
    workstations: 120,
    staff: 76,
    languages: ['en', 'fr', 'it'],
    platforms: ['qorvex', 'lumina'],
    sampled: 14,
  },
  {
    key: 'moscow-altair',
    name: 'Altair',
    workstations: 100,
    staff: 62,
    languages: ['en', 'es', 'pt'],
    platforms: ['lumina'],
    sampled: 12,
  },
  {
    key: 'moscow-sirius',
    name: 'Sirius',
    workstations: 80,
    staff: 48,
    languages: ['en', 'pl', 'cs', 'sv'],
    platforms: ['aurumfx', 'bitexora'],
    sampled: 10,
  },
  {
    key: 'moscow-deneb',
    name: 'Deneb',
    workstations: 60,
    staff: 36,
    languages: ['en', 'ja', 'ko'],
    platforms: ['aurumfx'],
    sampled: 7,
  },
];

export interface Workstation {
  readonly key: string;
  readonly centre: string;
  readonly hostname: string;
  readonly ip: string;
  readonly sipAccount: string;
  readonly seat: string;
  /** Lines it calls from, as E.164. */
  readonly lines: string[];
  /** A spoofed caller ID it presents, as E.164. */
  spoof?: string;
}

export interface Recruiter {
  readonly key: string;
  readonly name: string;
  readonly type: 'person' | 'agency';
  readonly channel: string;
  readonly country: string;
  readonly centres: readonly string[];
  /** Works for the group (the agencies do). */
  readonly forGroup: boolean;
}

export const RECRUITERS: readonly Recruiter[] = [
  {
    key: 'stafflink-global',
    name: 'StaffLink Global (fictional agency)',
    type: 'agency',
    channel: 'job board: jobs.stafflink.example',
    country: 'RU',
    centres: CENTRES.map((c) => c.key),
    forGroup: true,
  },
  {
    key: 'polyglot-careers',
    name: 'Polyglot Careers (fictional agency)',
    type: 'agency',
    channel: 'Telegram channel @polyglot_careers_example',
    country: 'KZ',
    centres: ['moscow-orion', 'moscow-vega', 'moscow-deneb'],
    forGroup: true,
  },
  {
    key: 'recruiter-belova',
    name: 'Marina Belova (fictional)',
    type: 'person',
    channel: 'Telegram direct messages',
    country: 'RU',
    centres: ['moscow-orion', 'moscow-sirius'],
    forGroup: false,
  },
  {
    key: 'recruiter-sultanov',
    name: 'Akmal Sultanov (fictional)',
    type: 'person',
    channel: 'WhatsApp groups',
    country: 'UZ',
    centres: ['moscow-altair', 'moscow-vega'],
    forGroup: false,
  },
  {
    key: 'recruiter-hakobyan',
    name: 'Narek Hakobyan (fictional)',
    type: 'person',
    channel: 'word of mouth',
    country: 'AM',
    centres: ['moscow-sirius', 'moscow-deneb', 'moscow-altair'],
    forGroup: false,
  },
];

export interface Spoof {
  readonly number: string;
  readonly agency: string;
}

/**
 * Spoofed caller IDs. The Moscow ones are made up (Russia reserves no range for fiction, so they may
 * belong to someone: they are not any agency's real number); the bank's is in Ofcom's drama range.
 */
export const SPOOFS: readonly Spoof[] = [
  { number: '+74955550202', agency: 'mvd' },
  { number: '+74955550212', agency: 'mvd' },
  { number: '+74955550224', agency: 'fsb' },
  { number: '+442079460999', agency: 'northbridge-savings-bank' },
];

/** Lines shared by workstations of several centres: the hubs an analyst should find. */
export const HUB_LINES = ['+79165550001', '+79165550002', '+79165550003', '+79165550004', '+79165550005'];

export interface Staff {
  readonly key: string;
  readonly name: string;
  readonly aliases: string[];
  readonly role: 'caller' | 'closer' | 'team lead' | 'manager' | 'it';
  readonly status: 'detained' | 'at large';
  readonly nationality: string;
  readonly languages: string[];
  readonly centre: string;
  readonly workstation?: string;
  readonly recruiter: string;
  readonly since: string;
}

export interface Organisation {
  readonly workstations: Workstation[];
  readonly staff: Staff[];
}

const NATIONALITIES = ['RU', 'RU', 'RU', 'RU', 'BY', 'KZ', 'UZ', 'KG', 'AM', 'GE', 'IN', 'NG', 'UA', 'AZ'];

export function buildOrganisation(rng: Rng): Organisation {
  const workstations: Workstation[] = [];
  const staff: Staff[] = [];
  CENTRES.forEach((centre, c) => {
    const short = centre.key.replace('moscow-', '');
    for (let w = 1; w <= centre.sampled; w++) {
      const n = String(w).padStart(3, '0');
      // Own line of the seat: +7 495 555-1<centre>-<seat>.
      const lines = [`+74955551${c}${String(w).padStart(2, '0')}`];
      if (rng.chance(0.4)) lines.push(rng.pick(HUB_LINES.slice(0, 2 + (c % 4))));
      const ws: Workstation = {
        key: `${short}-ws-${n}`,
        centre: centre.key,
        hostname: `${short}-ws-${n}`,
        ip: `10.${c + 1}.${w >> 4}.${10 + (w % 16)}`,
        sipAccount: `${1000 * (c + 1) + w}@pbx.${short}.example`,
        seat: `${String.fromCharCode(65 + ((w - 1) >> 3))}-${String(((w - 1) % 8) + 1).padStart(2, '0')}`,
        lines,
      };
      if (rng.chance(0.35)) ws.spoof = rng.pick(SPOOFS).number;
      workstations.push(ws);
    }
    const sampled = workstations.filter((w) => w.centre === centre.key);
    const roles: Array<Staff['role']> = [
      'manager',
      'team lead',
      'team lead',
      'closer',
      ...(c % 2 === 0 ? (['it'] as const) : []),
      ...sampled.map(() => 'caller' as const),
    ];
    let callerSeat = 0;
    roles.forEach((role, i) => {
      const nationality = role === 'manager' ? 'RU' : rng.pick(NATIONALITIES);
      const recruiters = RECRUITERS.filter((r) => r.centres.includes(centre.key));
      // The big agency is the hub: it staffed about half of everyone.
      const recruiter = rng.chance(0.5) ? RECRUITERS[0]! : rng.pick(recruiters);
      const atLarge = role === 'manager' ? c < 2 : rng.chance(0.05);
      staff.push({
        key: `${short}-staff-${String(i + 1).padStart(3, '0')}`,
        name: personName(rng, nationality),
        aliases: role === 'caller' || role === 'closer' ? [`${workName(rng)} (work name)`] : [],
        role,
        status: atLarge ? 'at large' : 'detained',
        nationality,
        languages: ['ru', ...rng.sample(centre.languages, rng.int(1, centre.languages.length))],
        centre: centre.key,
        ...(role === 'caller' ? { workstation: sampled[callerSeat++]!.key } : {}),
        recruiter: recruiter.key,
        since: `2024-${String(rng.int(3, 8)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`,
      });
    });
  });
  return { workstations, staff };
}
