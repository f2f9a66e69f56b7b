/**
 * Data for the store contract, built from the domain's types only (no engine, no domain helpers being
 * written elsewhere): ids and link ids follow the conventions (`<prefix>:<key>`,
 * `link:<TYPE>:<16 hex of sha256(from|to[|event key values])>`), sources are `<sha256>#<locator>`.
 */
import { createHash } from 'node:crypto';
import type { EntityWrite, LinkWrite, Properties, SourceRef, WriteBatch } from '@ringtrace/server/store/port.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A source: file `name` (hashed), record `locator`. */
export const source = (name: string, locator = 'line:1'): SourceRef => ({ sha256: sha256(name), locator });

export const REPORT = source('report.txt', 'para:3');
export const CDR = source('cdr.csv', 'line:2');
export const COMPLAINTS = source('complaints.csv', 'line:7');

export function entity(
  kind: string,
  id: string,
  properties: Properties,
  src: SourceRef = REPORT,
  searchText?: string,
): EntityWrite {
  const caption = String(Object.values(properties)[0] ?? id);
  const text =
    searchText ??
    Object.values(properties)
      .filter((v) => typeof v === 'string')
      .join(' ')
      .toLowerCase();
  return { id, kind, properties, caption, searchText: text, source: src };
}

export function linkId(type: string, from: string, to: string, key: readonly string[] = []): string {
  return `link:${type}:${sha256([from, to, ...key].join('|')).slice(0, 16)}`;
}

export function link(
  type: string,
  from: string,
  to: string,
  properties: Properties = {},
  src: SourceRef = REPORT,
  key: readonly string[] = [],
): LinkWrite {
  return { id: linkId(type, from, to, key), type, from, to, properties, source: src };
}

export const call = (from: string, to: string, at: string, durationSeconds: number, src: SourceRef = CDR) =>
  link('CALLED', from, to, { at, durationSeconds }, src, [at]);

/** Ids of the case used across the suite. */
export const ID = {
  group: 'crimegroup:khimprom',
  centre: 'callcentre:moscow-1',
  centre2: 'callcentre:moscow-2',
  ws: 'workstation:ws-1',
  ws2: 'workstation:ws-2',
  leader: 'person:p-leader',
  caller: 'person:p-caller',
  recruiter: 'recruiter:r-1',
  phone: 'phone:+74950000001',
  spoofed: 'phone:+74951112233',
  fsb: 'agency:fsb',
  platform: 'platform:quantumtrade',
  wallet: 'wallet:eth:0x52908400098527886e0f7030069857d2e4169ee7',
  wallet2: 'wallet:eth:0xde0b295669a9fd93d5f28d9ec85e40f4cb697bae',
  v1: 'victim:v-0001',
  v2: 'victim:v-0002',
  v3: 'victim:v-0003',
  de: 'country:DE',
  source: `source:${sha256('report.txt')}`,
} as const;

/**
 * The Moscow network in miniature: group -> centre -> workstation -> number -> victims -> wallets, with a
 * spoofed number imitating the FSB, staff, a recruiter, a platform, and three calls from one number to
 * one victim (parallel event links).
 */
export function caseBatch(): WriteBatch {
  const entities: EntityWrite[] = [
    entity('CrimeGroup', ID.group, { name: 'Khimprom', aliases: ['Химпром'] }, REPORT, 'khimprom химпром crime group'),
    entity('CallCentre', ID.centre, { name: 'Moscow centre 1', city: 'Moscow', country: 'RU', status: 'raided' }),
    entity('CallCentre', ID.centre2, { name: 'Moscow centre 2', city: 'Moscow', country: 'RU' }),
    entity('Workstation', ID.ws, { hostname: 'ws-1.local', ip: '10.0.0.17' }),
    entity('Workstation', ID.ws2, { hostname: 'ws-2.local' }),
    entity('Person', ID.leader, { name: 'Leader Unknown', role: 'leader', status: 'at large' }),
    entity('Person', ID.caller, { name: 'Ivan Petrov', role: 'caller', status: 'detained' }),
    entity('Recruiter', ID.recruiter, { name: 'Job Board Agency', type: 'agency' }),
    entity('PhoneNumber', ID.phone, { number: '+74950000001', valid: true, spoofed: false }, CDR),
    entity('PhoneNumber', ID.spoofed, { number: '+74951112233', valid: true, spoofed: true }, CDR),
    entity('Agency', ID.fsb, { name: 'Federal Security Service', shortName: 'FSB', type: 'security service' }),
    entity('TradingPlatform', ID.platform, { name: 'QuantumTrade', domains: ['quantumtrade.example'] }),
    entity('Wallet', ID.wallet, { address: '0x52908400098527886e0f7030069857d2e4169ee7', chain: 'eth', valid: true }),
    entity('Wallet', ID.wallet2, { address: '0xde0b295669a9fd93d5f28d9ec85e40f4cb697bae', chain: 'eth', valid: true }),
    entity(
      'Victim',
      ID.v1,
      { name: 'Anna Schmidt', country: 'DE', reportedLoss: '15000.00', lossCurrency: 'EUR' },
      COMPLAINTS,
    ),
    entity('Victim', ID.v2, { name: 'Hans Weber', country: 'DE' }, COMPLAINTS),
    entity('Victim', ID.v3, { name: 'Petra Ivanova Schmidt', country: 'DE' }, COMPLAINTS),
    entity('Country', ID.de, { code: 'DE', name: 'Germany' }),
    entity('SourceFile', ID.source, { sha256: sha256('report.txt'), name: 'report.txt', basis: 'reported' }),
  ];
  const links: LinkWrite[] = [
    link('CONTROLS', ID.group, ID.centre),
    link('CONTROLS', ID.group, ID.centre2),
    link('LEADS', ID.leader, ID.group),
    link('HAS_WORKSTATION', ID.centre, ID.ws),
    link('HAS_WORKSTATION', ID.centre2, ID.ws2),
    link('WORKS_AT', ID.caller, ID.centre, { position: 'caller' }),
    link('OPERATES', ID.caller, ID.ws),
    link('RECRUITED', ID.recruiter, ID.caller, { at: '2023-03-01' }),
    link('USES_NUMBER', ID.ws, ID.phone),
    link('USES_NUMBER', ID.ws2, ID.spoofed),
    link('IMPERSONATES', ID.spoofed, ID.fsb),
    call(ID.phone, ID.v1, '2024-05-01T10:11:12.345Z', 300),
    call(ID.phone, ID.v1, '2024-05-02T09:00:00.000Z', 120),
    call(ID.phone, ID.v1, '2024-05-03T18:30:00.000Z', 60),
    call(ID.phone, ID.v2, '2024-05-04T11:00:00.000Z', 45),
    call(ID.spoofed, ID.v3, '2024-05-05T12:00:00.000Z', 600),
    link(
      'PAID',
      ID.v1,
      ID.wallet,
      { amount: '0.5', asset: 'ETH', at: '2024-05-06T00:00:00.000Z', txHash: '0xabc1' },
      COMPLAINTS,
      ['0xabc1'],
    ),
    link(
      'TRANSFERRED',
      ID.wallet,
      ID.wallet2,
      { amount: '0.5', asset: 'ETH', at: '2024-05-07T00:00:00.000Z' },
      REPORT,
      ['t1'],
    ),
    link('PROMOTES', ID.centre, ID.platform),
    link('RECEIVES_TO', ID.platform, ID.wallet),
    link('LIVES_IN', ID.v1, ID.de),
    link('LIVES_IN', ID.v2, ID.de),
  ];
  return { entities, links };
}

export const sorted = <T>(items: readonly T[]) => [...items].sort();
