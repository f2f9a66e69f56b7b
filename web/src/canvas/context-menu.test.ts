import { describe, expect, it } from 'vitest';
import { menuCommands } from './context-menu';

const context = (expanded: string[] = [], selected: string[] = [], queryKinds: string[] = []) => ({
  expandedFrom: (id: string) => expanded.includes(id),
  selectedOthers: (id: string) => selected.filter((s) => s !== id),
  queriesFor: (kind: string) => queryKinds.filter((k) => k === kind).length,
});
const wedge = (wedges: ReturnType<typeof menuCommands>, label: string) => wedges.find((w) => w.label === label);

describe('menuCommands', () => {
  const victim = { id: 'victim:v-1', kind: 'Victim', pinned: false, x: 10, y: 20 };

  it('offers expand, expand by type (at the node), hide, pin, neighbours on any entity', () => {
    const wedges = menuCommands(victim, context());
    expect(wedges.map((w) => w.label)).toEqual([
      'Expand all',
      'Expand by type…',
      'Collapse',
      'Hide',
      'Pin',
      'Select neighbours',
      'Money trail',
      'Paths to selected',
      'Run query…',
    ]);
    expect(wedge(wedges, 'Expand by type…')?.command).toEqual({
      kind: 'expandBy',
      id: victim.id,
      at: { x: 10, y: 20 },
    });
  });

  it('enables collapse only on an expanded node, paths only with another node selected', () => {
    expect(wedge(menuCommands(victim, context()), 'Collapse')?.enabled).toBe(false);
    expect(wedge(menuCommands(victim, context([victim.id])), 'Collapse')?.enabled).toBe(true);
    expect(wedge(menuCommands(victim, context([], [victim.id])), 'Paths to selected')?.enabled).toBe(false);
    expect(wedge(menuCommands(victim, context([], ['crimegroup:k'])), 'Paths to selected')?.enabled).toBe(true);
  });

  it('offers a money trail from victims and wallets only, and unpin on a pinned node', () => {
    expect(wedge(menuCommands(victim, context()), 'Money trail')?.enabled).toBe(true);
    const person = { ...victim, id: 'person:x', kind: 'Person', pinned: true };
    const wedges = menuCommands(person, context());
    expect(wedge(wedges, 'Money trail')?.enabled).toBe(false);
    expect(wedge(wedges, 'Unpin')?.command).toEqual({ kind: 'pin', id: 'person:x', pinned: false });
  });

  it('offers "Run query…" at the node when a saved query takes an id of its kind', () => {
    expect(wedge(menuCommands(victim, context()), 'Run query…')?.enabled).toBe(false);
    const wedges = menuCommands(victim, context([], [], ['Victim']));
    expect(wedge(wedges, 'Run query…')).toEqual({
      label: 'Run query…',
      command: { kind: 'runQuery', id: victim.id, at: { x: 10, y: 20 } },
      enabled: true,
    });
  });
});
