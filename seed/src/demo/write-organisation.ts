import type { BundleWriter } from '../bundle/bundle-writer.js';
import { ruDisplay, ruTrunk } from '../lib/messy.js';
import { eip55 } from '../lib/addresses.js';
import type { Wallets } from './money.js';
import { PLATFORMS } from './money.js';
import { CENTRES, HUB_LINES, RECRUITERS, SPOOFS, type Organisation } from './organisation.js';
import { cite, LINE } from './report.js';

/** Writes the synthetic organisation: centres, seats, staff, recruiters, numbers, platforms, wallets. */

const RAIDED_AT = '2025-03-18T05:30:00Z'; // synthetic: the report gives no date
const GROUP = 'khimprom';

export async function writeOrganisation(bundle: BundleWriter, org: Organisation, wallets: Wallets): Promise<void> {
  const centres = await bundle.entities('CallCentre', [
    'key',
    'name',
    'address',
    'city',
    'country',
    'workstationCount',
    'staffCount',
    'status',
    'raidedAt',
    'source',
  ]);
  const controls = await bundle.links('CONTROLS', ['from_kind', 'from', 'to_kind', 'to', 'source']);
  const leads = await bundle.links('LEADS', ['from_kind', 'from', 'to_kind', 'to', 'source']);
  const locatedIn = await bundle.links('LOCATED_IN', ['from_kind', 'from', 'to_kind', 'to', 'source']);
  const promotes = await bundle.links('PROMOTES', ['from', 'to']);
  for (const c of CENTRES) {
    centres.record({
      key: c.key,
      name: `${c.name} call centre (synthetic)`,
      address: `Business centre "${c.name}", fictional address, Moscow`,
      city: 'Moscow',
      country: 'RU',
      workstationCount: c.workstations,
      staffCount: c.staff,
      status: 'raided',
      raidedAt: RAIDED_AT,
      source: cite([LINE.workstations, LINE.staff], true),
    });
    controls.record({
      from_kind: 'CrimeGroup',
      from: GROUP,
      to_kind: 'CallCentre',
      to: c.key,
      source: cite([LINE.khimprom], true),
    });
    locatedIn.record({ from_kind: 'CallCentre', from: c.key, to_kind: 'Country', to: 'RU' });
    for (const p of c.platforms) promotes.record({ from: c.key, to: p });
  }

  const seats = await bundle.entities('Workstation', ['key', 'hostname', 'ip', 'sipAccount', 'seat']);
  const hasSeat = await bundle.links('HAS_WORKSTATION', ['from', 'to']);
  const usesNumber = await bundle.links('USES_NUMBER', ['from', 'to']);
  const own = new Set<string>();
  const hubs = new Set<string>();
  org.workstations.forEach((w, i) => {
    seats.record({ key: w.key, hostname: w.hostname, ip: w.ip, sipAccount: w.sipAccount, seat: w.seat });
    hasSeat.record({ from: w.centre, to: w.key });
    for (const line of w.lines) {
      (HUB_LINES.includes(line) ? hubs : own).add(line);
      // Every 7th reference is written the way a seized inventory might write it.
      usesNumber.record({ from: w.key, to: i % 7 === 3 ? ruTrunk(line) : line });
    }
    if (w.spoof) usesNumber.record({ from: w.key, to: w.spoof });
  });

  const numbers = await bundle.entities('PhoneNumber', ['number', 'spoofed', 'source']);
  [...own].forEach((n, i) =>
    numbers.record({ number: i % 9 === 4 ? ruDisplay(n) : i % 13 === 6 ? ruTrunk(n) : n, spoofed: false }),
  );
  for (const n of HUB_LINES.filter((h) => hubs.has(h))) numbers.record({ number: n, spoofed: false });
  for (const s of SPOOFS) numbers.record({ number: s.number, spoofed: true, source: cite([LINE.spoofing], true) });
  const impersonates = await bundle.links('IMPERSONATES', ['from', 'to', 'source']);
  for (const s of SPOOFS) {
    const lines = s.agency === 'mvd' || s.agency === 'fsb' ? [LINE.impersonation, LINE.spoofing] : [LINE.spoofing];
    impersonates.record({ from: s.number, to: s.agency, source: cite(lines, true) });
  }
  const agencies = await bundle.entities('Agency', ['key', 'name', 'shortName', 'type', 'country']);
  agencies.record({
    key: 'northbridge-savings-bank',
    name: 'Northbridge Savings Bank (fictional)',
    shortName: 'NSB',
    type: 'bank',
    country: 'GB',
  });
  locatedIn.record({ from_kind: 'Agency', from: 'northbridge-savings-bank', to_kind: 'Country', to: 'GB' });

  await writeStaff(bundle, org, leads, locatedIn);
  await writeMoneyInfrastructure(bundle, wallets, controls);
}

async function writeStaff(
  bundle: BundleWriter,
  org: Organisation,
  leads: Awaited<ReturnType<BundleWriter['links']>>,
  locatedIn: Awaited<ReturnType<BundleWriter['links']>>,
): Promise<void> {
  const people = await bundle.entities('Person', [
    'key',
    'name',
    'aliases',
    'role',
    'status',
    'nationality',
    'languages',
    'source',
  ]);
  const worksAt = await bundle.links('WORKS_AT', ['from', 'to', 'since', 'position']);
  const operates = await bundle.links('OPERATES', ['from', 'to']);
  const recruited = await bundle.links('RECRUITED', ['from', 'to', 'at', 'source']);
  const citizenOf = await bundle.links('CITIZEN_OF', ['from', 'to']);
  const memberOf = await bundle.links('MEMBER_OF', ['from', 'to']);
  for (const s of org.staff) {
    people.record({
      key: s.key,
      name: s.name,
      aliases: s.aliases,
      role: s.role,
      status: s.status,
      nationality: s.nationality,
      languages: s.languages,
      source: s.status === 'detained' ? cite([LINE.detained], true) : '',
    });
    worksAt.record({ from: s.key, to: s.centre, since: s.since, position: s.role });
    if (s.workstation) operates.record({ from: s.key, to: s.workstation });
    recruited.record({ from: s.recruiter, to: s.key, at: s.since, source: cite([LINE.recruiting], true) });
    citizenOf.record({ from: s.key, to: s.nationality });
    if (s.role === 'manager') {
      leads.record({ from_kind: 'Person', from: s.key, to_kind: 'CallCentre', to: s.centre });
      memberOf.record({ from: s.key, to: GROUP });
    }
  }
  const recruiters = await bundle.entities('Recruiter', ['key', 'name', 'type', 'channel', 'country', 'source']);
  const worksFor = await bundle.links('WORKS_FOR', ['from', 'to', 'source']);
  for (const r of RECRUITERS) {
    recruiters.record({
      key: r.key,
      name: r.name,
      type: r.type,
      channel: r.channel,
      country: r.country,
      source: cite([LINE.recruiting], true),
    });
    locatedIn.record({ from_kind: 'Recruiter', from: r.key, to_kind: 'Country', to: r.country });
    if (r.forGroup) worksFor.record({ from: r.key, to: GROUP, source: cite([LINE.recruiting], true) });
  }
}

async function writeMoneyInfrastructure(
  bundle: BundleWriter,
  wallets: Wallets,
  controls: Awaited<ReturnType<BundleWriter['links']>>,
): Promise<void> {
  const platforms = await bundle.entities('TradingPlatform', ['key', 'name', 'domains', 'category', 'source']);
  const receivesTo = await bundle.links('RECEIVES_TO', ['from', 'to']);
  for (const p of PLATFORMS) {
    platforms.record({
      key: p.key,
      name: p.name,
      domains: p.domains,
      category: 'trading',
      source: cite([LINE.platforms], true),
    });
    controls.record({ from_kind: 'CrimeGroup', from: GROUP, to_kind: 'TradingPlatform', to: p.key });
  }
  const list = await bundle.entities('Wallet', ['address', 'label']);
  const owns = await bundle.links('OWNS', ['from_kind', 'from', 'to_kind', 'to']);
  for (const w of wallets.deposits) {
    // One EVM deposit wallet is written in EIP-55 mixed case, as block explorers show it.
    const shown = w === firstEthDeposit(wallets) ? eip55(w.address) : w.address;
    list.record({ address: shown, label: w.label });
    receivesTo.record({ from: w.platform, to: w.address });
  }
  for (const w of Object.values(wallets.consolidation)) {
    list.record({ address: w.address, label: w.label });
    owns.record({ from_kind: 'CrimeGroup', from: GROUP, to_kind: 'Wallet', to: w.address });
  }
  for (const w of Object.values(wallets.exchange)) list.record({ address: w.address, label: w.label });
}

export function firstEthDeposit(wallets: Wallets) {
  return wallets.deposits.find((w) => w.chain === 'eth')!;
}
