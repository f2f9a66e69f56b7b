import type { BundleWriter } from '../bundle/bundle-writer.js';
import { cite, LINE } from './report.js';

/**
 * Facts the press report states, transcribed by hand: every row cites the report's line and nothing
 * else. The file's basis is `manual` (a transcription); the facts' source is the report itself.
 */
const meta = {
  basis: 'manual',
  title: 'Transcribed from the press report; every row cites the report line it comes from',
} as const;
const part = 'report';

export async function writeReported(bundle: BundleWriter): Promise<void> {
  const groups = await bundle.entities(
    'CrimeGroup',
    ['key', 'name', 'aliases', 'activities', 'description', 'source'],
    { part, meta },
  );
  groups.record({
    key: 'khimprom',
    name: 'Khimprom',
    aliases: ['Khimprom organized crime group'],
    activities: ['fraud', 'drug smuggling'],
    description:
      'Organised crime group the security service links to the Moscow call-centre network: an "international fraud network ' +
      'controlled by Yegor Burkin", the "at-large leader of the Khimprom organized crime group" (as attributed to the ' +
      'security service, report line 17). Security service officers said the group "deceived tens of thousands of ' +
      'citizens from more than 20 countries" (line 16). Police think it is a major drug smuggling network operating in ' +
      'Russia and Ukraine (line 18). The link is an allegation, not a finding.',
    source: cite([LINE.khimprom, LINE.countries, LINE.drugs]),
  });

  const people = await bundle.entities('Person', ['key', 'name', 'role', 'status', 'source'], { part, meta });
  people.record({
    key: 'yegor-burkin',
    name: 'Yegor Burkin',
    role: 'leader',
    status: 'at large',
    source: cite([LINE.khimprom]),
  });

  const agencies = await bundle.entities('Agency', ['key', 'name', 'shortName', 'type', 'country', 'source'], {
    part,
    meta,
  });
  agencies.record({
    key: 'mvd',
    name: 'Ministry of Internal Affairs of the Russian Federation',
    shortName: 'MVD',
    type: 'police',
    country: 'RU',
    source: cite([LINE.detained, LINE.impersonation]),
  });
  agencies.record({
    key: 'fsb',
    name: 'Federal Security Service',
    shortName: 'FSB',
    type: 'security service',
    country: 'RU',
    source: cite([LINE.detained, LINE.impersonation]),
  });

  const countries = await bundle.entities('Country', ['code', 'name', 'source'], { part, meta });
  countries.record({ code: 'RU', name: 'Russia', source: cite([LINE.arrests]) });
  countries.record({ code: 'UA', name: 'Ukraine', source: cite([LINE.drugs]) });

  const leads = await bundle.links('LEADS', ['from_kind', 'from', 'to_kind', 'to', 'source'], { part, meta });
  leads.record({
    from_kind: 'Person',
    from: 'yegor-burkin',
    to_kind: 'CrimeGroup',
    to: 'khimprom',
    source: cite([LINE.khimprom]),
  });

  const operatesIn = await bundle.links('OPERATES_IN', ['from', 'to', 'source'], { part, meta });
  for (const country of ['RU', 'UA']) operatesIn.record({ from: 'khimprom', to: country, source: cite([LINE.drugs]) });

  const locatedIn = await bundle.links('LOCATED_IN', ['from_kind', 'from', 'to_kind', 'to', 'source'], { part, meta });
  for (const agency of ['mvd', 'fsb']) {
    locatedIn.record({
      from_kind: 'Agency',
      from: agency,
      to_kind: 'Country',
      to: 'RU',
      source: cite([LINE.detained]),
    });
  }
}
