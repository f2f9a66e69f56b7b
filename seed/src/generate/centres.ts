import { personName } from '../lib/names.js';
import type { Rng } from '../lib/rng.js';
import { Zipf } from '../lib/zipf.js';
import type { Plan } from './plan.js';
import type { Emit, Sink } from './sink.js';
import { hubLine, ownLine, spoofLine } from './numbers.js';
import { CITIES, LANGUAGES, NATIONALITIES, RECRUITER_CHANNELS } from './vocab.js';

export interface Seats {
  readonly wsStart: Int32Array;
  readonly hubOf: Int32Array;
  readonly spoofOf: Int32Array;
  readonly platformsOf: number[][];
}

interface Shared {
  readonly person: Emit;
  readonly leads: Emit;
  readonly controls: Emit;
  readonly locatedIn: Emit;
  readonly phone: Emit;
  readonly groups: Zipf;
  readonly countries: Set<string>;
}

const HUB_SHARE = 0.3;
const SPOOF_SHARE = 0.25;

/** Centre sizes: a Zipf-like spread (a few big centres, many small), at least five seats each. */
function centreSizes(plan: Plan): Int32Array {
  const weights = Array.from({ length: plan.centres }, (_, c) => 1 / Math.sqrt(c + 1));
  const total = weights.reduce((a, b) => a + b, 0);
  return Int32Array.from(weights, (w) => Math.max(5, Math.floor((plan.workstations * w) / total)));
}

/** Recruiters, then each centre with its seats, numbers and staff. */
export async function writeCentres(sink: Sink, rng: Rng, plan: Plan, shared: Shared): Promise<Seats> {
  const { person, leads, controls, locatedIn, phone, groups, countries } = shared;
  const nationalities = new Zipf(NATIONALITIES.length, 1.0);
  const languages = new Zipf(LANGUAGES.length, 1.0);
  const recruiters = new Zipf(plan.recruiters, 1.1);
  const hubs = new Zipf(plan.hubLines, 1.2);
  const spoofs = new Zipf(plan.spoofs, 1.0);
  const platforms = new Zipf(plan.platforms, 1.0);

  const recruiter = await sink.entity('Recruiter', ['key', 'name', 'type', 'channel', 'country']);
  const worksFor = await sink.link('WORKS_FOR', ['from', 'to']);
  for (let r = 0; r < plan.recruiters; r++) {
    const country = NATIONALITIES[nationalities.draw(rng)]!;
    const agency = r % 3 === 0;
    const name = agency ? `Staffing agency ${r + 1} (fictional)` : `${personName(rng, country)} (fictional recruiter)`;
    recruiter({
      key: `recruiter-${r}`,
      name,
      type: agency ? 'agency' : 'person',
      channel: rng.pick(RECRUITER_CHANNELS),
      country,
    });
    countries.add(country);
    locatedIn({ from_kind: 'Recruiter', from: `recruiter-${r}`, to_kind: 'Country', to: country });
    if (agency) worksFor({ from: `recruiter-${r}`, to: `group-${groups.draw(rng)}` });
  }

  const centre = await sink.entity('CallCentre', [
    'key',
    'name',
    'city',
    'country',
    'workstationCount',
    'staffCount',
    'status',
  ]);
  const workstation = await sink.entity('Workstation', ['key', 'hostname', 'ip', 'sipAccount']);
  const promotes = await sink.link('PROMOTES', ['from', 'to']);
  const hasWorkstation = await sink.link('HAS_WORKSTATION', ['from', 'to']);
  const usesNumber = await sink.link('USES_NUMBER', ['from', 'to']);
  const operates = await sink.link('OPERATES', ['from', 'to']);
  const worksAt = await sink.link('WORKS_AT', ['from', 'to', 'since', 'position']);
  const recruited = await sink.link('RECRUITED', ['from', 'to', 'at']);
  const citizenOf = await sink.link('CITIZEN_OF', ['from', 'to']);
  const memberOf = await sink.link('MEMBER_OF', ['from', 'to']);

  const sizes = centreSizes(plan);
  const seatsTotal = sizes.reduce((a, b) => a + b, 0);
  const wsStart = new Int32Array(plan.centres + 1);
  const hubOf = new Int32Array(seatsTotal).fill(-1);
  const spoofOf = new Int32Array(seatsTotal).fill(-1);
  const platformsOf: number[][] = [];
  let ws = 0;
  let staffNo = 0;
  for (let c = 0; c < plan.centres; c++) {
    const key = `centre-${c}`;
    const size = sizes[c]!;
    const [city, country] = rng.pick(CITIES);
    const raided = rng.chance(0.7);
    const leadsCount = Math.max(1, Math.floor(size / 15));
    const closers = Math.max(1, Math.floor(size / 20));
    const group = groups.draw(rng);
    centre({
      key,
      name: `Centre ${c + 1} (synthetic)`,
      city,
      country,
      workstationCount: size,
      staffCount: size + 1 + leadsCount + closers,
      status: raided ? 'raided' : 'active',
    });
    countries.add(country);
    controls({ from_kind: 'CrimeGroup', from: `group-${group}`, to_kind: 'CallCentre', to: key });
    locatedIn({ from_kind: 'CallCentre', from: key, to_kind: 'Country', to: country });
    const promoted = new Set<number>();
    for (let k = rng.int(1, 3); k > 0; k--) promoted.add(platforms.draw(rng));
    platformsOf.push([...promoted].sort((a, b) => a - b));
    for (const p of platformsOf[c]!) promotes({ from: key, to: `platform-${p}` });

    wsStart[c] = ws;
    const staff = (role: string, seat: number | undefined) => {
      const pkey = `p-${staffNo++}`;
      const nationality = role === 'manager' ? 'RU' : NATIONALITIES[nationalities.draw(rng)]!;
      const langs = new Set(['ru', LANGUAGES[languages.draw(rng)]!, LANGUAGES[languages.draw(rng)]!]);
      const status = raided ? (rng.chance(0.9) ? 'detained' : 'at large') : 'unknown';
      const since = `20${rng.int(22, 24)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
      person({ key: pkey, name: personName(rng, nationality), role, status, nationality, languages: [...langs] });
      countries.add(nationality);
      worksAt({ from: pkey, to: key, since, position: role });
      recruited({ from: `recruiter-${recruiters.draw(rng)}`, to: pkey, at: since });
      citizenOf({ from: pkey, to: nationality });
      if (seat !== undefined) operates({ from: pkey, to: `ws-${seat}` });
      if (role === 'manager') {
        leads({ from_kind: 'Person', from: pkey, to_kind: 'CallCentre', to: key });
        memberOf({ from: pkey, to: `group-${group}` });
      }
    };
    for (let local = 0; local < size; local++, ws++) {
      workstation({
        key: `ws-${ws}`,
        hostname: `c${c}-ws-${local}`,
        ip: `10.${(ws >> 16) & 255}.${(ws >> 8) & 255}.${ws & 255}`,
        sipAccount: `${ws}@pbx.centre-${c}.example`,
      });
      hasWorkstation({ from: key, to: `ws-${ws}` });
      phone({ number: ownLine(ws), spoofed: false });
      usesNumber({ from: `ws-${ws}`, to: ownLine(ws) });
      if (rng.chance(HUB_SHARE)) {
        hubOf[ws] = hubs.draw(rng);
        usesNumber({ from: `ws-${ws}`, to: hubLine(hubOf[ws]!) });
      }
      if (rng.chance(SPOOF_SHARE)) {
        spoofOf[ws] = spoofs.draw(rng);
        usesNumber({ from: `ws-${ws}`, to: spoofLine(spoofOf[ws]!) });
      }
      staff('caller', ws);
    }
    staff('manager', undefined);
    for (let k = 0; k < leadsCount; k++) staff('team lead', undefined);
    for (let k = 0; k < closers; k++) staff('closer', undefined);
    await sink.drain();
  }
  wsStart[plan.centres] = ws;
  return { wsStart, hubOf, spoofOf, platformsOf };
}
