import type { OverviewData } from '../../api/overview';

export interface CountRow {
  readonly name: string;
  readonly label: string;
  readonly description: string;
  readonly colour: string;
  readonly count: number;
}

export interface Overview {
  readonly engine: string;
  readonly kinds: readonly CountRow[];
  /** Provenance kinds (source files): stored, but not part of the investigation graph. */
  readonly systemKinds: readonly CountRow[];
  readonly links: readonly CountRow[];
  readonly totalEntities: number;
  readonly totalLinks: number;
}

const engineNames: Readonly<Record<string, string>> = { embedded: 'embedded (Kùzu)', neo4j: 'Neo4j' };

/** Joins the counts with the model's display hints, in the model's order. Pure: no React, no fetch. */
export function toOverview({ stats, model }: OverviewData): Overview {
  const entityCounts = new Map(stats.entities.map((e) => [e.kind, e.count]));
  const linkCounts = new Map(stats.links.map((l) => [l.type, l.count]));
  const kindRows = model.kinds.map((k) => ({
    row: {
      name: k.name,
      label: k.name,
      description: k.description,
      colour: k.display.colour,
      count: entityCounts.get(k.name) ?? 0,
    },
    system: k.system,
  }));
  const kinds = kindRows.filter((k) => !k.system).map((k) => k.row);
  const links = model.relationships.map((r) => ({
    name: r.name,
    label: r.display.label,
    description: r.description,
    colour: r.display.colour,
    count: linkCounts.get(r.name) ?? 0,
  }));
  const sum = (rows: readonly CountRow[]) => rows.reduce((n, r) => n + r.count, 0);
  return {
    engine: `${engineNames[stats.engine] ?? stats.engine} ${stats.version}`,
    kinds,
    systemKinds: kindRows.filter((k) => k.system).map((k) => k.row),
    links,
    totalEntities: sum(kinds),
    totalLinks: sum(links),
  };
}
