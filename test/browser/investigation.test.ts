/**
 * End to end, as an investigator works: the server starts on an empty data directory and loads the demo
 * case, and a real browser (Debian's chromium) searches the crime group, expands it, traces the path
 * from a number the ring calls from up to it, asks why a link is there, undoes, saves and reopens the
 * view, follows the money, and survives a server restart. One server and one page for the whole story:
 * the tests run in order and each builds on the canvas the previous one left. Every test asserts on
 * what is drawn (the read-only hook `window.__ringtrace`) and writes a screenshot to
 * test/browser/artifacts/.
 */

import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CanvasPage } from './canvas-page.js';
import { ARTIFACTS, browserSuiteRuns, World } from './harness.js';

const GROUP = 'crimegroup:khimprom';
const PHONE = 'phone:+74955551003';
const CENTRE = 'callcentre:moscow-orion';
const CONTROLS = `agg:CONTROLS|${GROUP}|${CENTRE}`;
const VICTIM = 'victim:v-0001';

/** `#b71c1c` as the browser reports a computed colour: `rgb(183, 28, 28)`. */
function rgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}

describe.skipIf(!browserSuiteRuns())('an investigation in the browser', () => {
  const world = new World();
  let ui: CanvasPage;

  beforeAll(async () => {
    await world.start();
    ui = new CanvasPage(await world.browser!.newPage());
  }, 300_000);

  afterAll(async () => {
    await world.stop();
  });

  it('loads the demo case on first start: the legend and the overview count it in the model colours', async () => {
    expect(world.log).toContain('empty database: loading the demo case');
    const { stats, model } = await world.gql<{
      stats: { entities: Array<{ kind: string; count: number }> };
      model: { kinds: Array<{ name: string; display: { colour: string } }> };
    }>('{ stats { entities { kind count } } model { kinds { name display { colour } } } }');
    const expected = new Map(stats.entities.map((e) => [e.kind, e.count]));
    expect(expected.get('Victim')).toBeGreaterThan(100);

    await ui.open(world.link());
    await expect(ui.page.locator('h1').textContent()).resolves.toBe('Ringtrace');
    expect(await ui.ids()).toEqual([]); // an investigation starts on an empty canvas
    const legend = ui.page.locator('[data-testid="legend-kind"][data-name="Victim"] .muted');
    await expect.poll(() => legend.textContent()).toBe(` / ${expected.get('Victim')!.toLocaleString('en-US')}`);

    await ui.page.getByTestId('show-overview').click();
    await ui.page.getByTestId('kind-count').first().waitFor();
    await expect(ui.page.getByTestId('engine').textContent()).resolves.toContain('embedded');
    const rows = await ui.page.getByTestId('kind-count').evaluateAll((trs) =>
      trs.map((tr) => ({
        kind: tr.getAttribute('data-name') ?? '',
        count: Number(tr.querySelector('.count')?.textContent?.replace(/,/g, '')),
        colour: tr.ownerDocument.defaultView!.getComputedStyle(tr.querySelector('.swatch')!).backgroundColor,
      })),
    );
    const colours = new Map(model.kinds.map((k) => [k.name, rgb(k.display.colour)]));
    expect(rows.length).toBeGreaterThanOrEqual(11);
    for (const row of rows) {
      expect(row.count, row.kind).toBe(expected.get(row.kind));
      expect(row.colour, row.kind).toBe(colours.get(row.kind));
    }
    await ui.shot('01-overview');
    await ui.page.keyboard.press('Escape');
  });

  it('search finds the crime group, shows its kind, and adds it to the canvas selected', async () => {
    await ui.page.getByTestId('search-input').fill('Khimprom');
    const hit = ui.page.locator(`[data-testid="search-hit"][data-id="${GROUP}"]`);
    await expect(hit.textContent()).resolves.toContain('CrimeGroup');
    await expect(hit.locator('img').count()).resolves.toBe(1); // the kind's icon
    await hit.click();
    await ui.settle();
    const [node] = await ui.elements();
    expect(node).toMatchObject({ id: GROUP, label: 'Khimprom' });
    expect(node!.classes).toEqual(expect.arrayContaining(['kind-CrimeGroup', 'selected']));
    await expect(ui.page.getByTestId('details').getAttribute('data-id')).resolves.toBe(GROUP);
    await ui.shot('02-search');
  });

  it('double-click expands up to the cap, says so, and the "N more" marker brings the rest', async () => {
    const { neighbourhood } = await world.gql<{ neighbourhood: { entities: Array<{ id: string }> } }>(
      `{ neighbourhood(ids: ["${GROUP}"], limit: 500) { entities { id } } }`,
    );
    const around = neighbourhood.entities.map((e) => e.id).filter((id) => id !== GROUP);
    expect(around.length).toBeGreaterThan(10);

    await ui.page.getByTestId('expand-cap').selectOption('10');
    await ui.doubleClick(GROUP);
    const nodes = (await ui.elements()).filter((e) => e.group === 'nodes');
    const marker = nodes.find((n) => n.classes.includes('more'));
    expect(nodes.filter((n) => !n.classes.includes('more'))).toHaveLength(11);
    expect(marker?.label).toBe(`${around.length - 10} more`);
    await expect(ui.page.getByTestId('notice').first().textContent()).resolves.toContain(
      `capped at 10 entities: ${around.length - 10} more`,
    );
    await ui.shot('03-expanded-capped');

    await ui.click(marker!.id);
    await ui.settle();
    expect(await ui.ids('nodes')).toEqual([GROUP, ...around].sort());
    expect(await ui.withClass('more')).toEqual([]);
    await ui.shot('04-expanded-all');
  });

  it('traces the shortest path from a number the ring calls from, through its call centre, to the group', async () => {
    const { paths } = await world.gql<{ paths: { paths: Array<{ entityIds: string[]; linkIds: string[] }> } }>(
      `{ paths(from: "${PHONE}", to: "${GROUP}") { paths { entityIds linkIds } } }`,
    );
    const onPaths = [...new Set(paths.paths.flatMap((p) => p.entityIds))].sort();
    expect(onPaths).toContain(CENTRE);

    await ui.searchAndAdd('+74955551003', PHONE);
    await ui.click(GROUP, 'Control');
    expect((await ui.scene()).selection).toEqual([PHONE, GROUP]);
    await ui.page.getByTestId('trace-paths').click();
    await ui.settle();

    const drawn = await ui.elements();
    const lit = drawn.filter((e) => e.classes.includes('highlighted'));
    expect(
      lit
        .filter((e) => e.group === 'nodes')
        .map((e) => e.id)
        .sort(),
    ).toEqual(onPaths);
    expect(lit.map((e) => e.id)).toContain(CONTROLS);
    const rest = drawn.filter((e) => !e.classes.includes('highlighted'));
    expect(rest.length).toBeGreaterThan(10);
    for (const e of rest) expect(e.classes, e.id).toContain('dimmed');
    await ui.shot('05-path');
  });

  it('opens the provenance of a link on the path: every source file and row', async () => {
    const linkId = (await ui.scene()).highlight!.links.find((id) => id.startsWith('link:CONTROLS:'))!;
    const { provenance } = await world.gql<{ provenance: { sources: Array<{ fileName: string; locator: string }> } }>(
      `{ provenance(id: "${linkId}") { sources { fileName locator } } }`,
    );
    expect(provenance.sources.length).toBeGreaterThan(0);

    await ui.click(CONTROLS);
    expect(await ui.withClass('selected')).toEqual([CONTROLS]);
    const details = ui.page.getByTestId('details');
    await expect(details.getAttribute('data-id')).resolves.toBe(CONTROLS);
    await details.locator(`[data-testid="detail-link"][data-id="${linkId}"] [data-testid="why"]`).click();
    const sources = details.getByTestId('provenance-source');
    await expect.poll(() => sources.count()).toBe(provenance.sources.length);
    const texts = await sources.allTextContents();
    for (const source of provenance.sources) {
      expect(texts.some((t) => t.includes(source.fileName) && t.includes(source.locator.replace(':', ' ')))).toBe(true);
    }
    await ui.shot('06-provenance');
  });

  it('undo takes the trace back (Ctrl+Z), redo brings it again (Ctrl+Shift+Z)', async () => {
    const traced = await ui.ids();
    await ui.page.keyboard.press('Control+z');
    await ui.settle();
    expect(await ui.withClass('dimmed')).toEqual([]);
    expect(await ui.withClass('highlighted')).toEqual([]);
    expect(await ui.ids('nodes')).not.toContain('workstation:orion-ws-003'); // the path brought it
    expect(await ui.ids('nodes')).toContain(PHONE);
    await ui.shot('07-undone');

    await ui.page.keyboard.press('Control+Shift+z');
    await ui.settle();
    expect(await ui.ids()).toEqual(traced);
    expect((await ui.withClass('highlighted')).length).toBeGreaterThan(0);
  });

  it('saves the view as a file and a link; both reopen the same canvas, positions and trace', async () => {
    const before = await ui.elements();
    const [download] = await Promise.all([ui.page.waitForEvent('download'), ui.page.getByTestId('save-file').click()]);
    const file = join(ARTIFACTS, 'saved-view.json');
    await download.saveAs(file);
    const saved = JSON.parse(await readFile(file, 'utf8')) as { format: string; nodes: Array<{ id: string }> };
    expect(saved.format).toBe('ringtrace-view');
    expect(saved.nodes.map((n) => n.id).sort()).toEqual(
      before
        .filter((e) => e.group === 'nodes')
        .map((e) => e.id)
        .sort(),
    );

    await ui.page.getByTestId('copy-link').click();
    const link = ui.page.url();
    expect(link).toContain('#view=');

    type Elements = Awaited<ReturnType<CanvasPage['elements']>>;
    const drawing = (drawn: Elements) =>
      drawn.map((e) => ({ id: e.id, classes: [...e.classes].sort() })).sort((a, b) => a.id.localeCompare(b.id));
    /** Same elements, same classes, and every node where it was (a view keeps positions to 0.1 px). */
    const expectSameCanvas = (drawn: Elements) => {
      expect(drawing(drawn)).toEqual(drawing(before));
      for (const e of before.filter((b) => b.position)) {
        const p = drawn.find((d) => d.id === e.id)?.position;
        expect(Math.abs(p!.x - e.position!.x), e.id).toBeLessThanOrEqual(0.051);
        expect(Math.abs(p!.y - e.position!.y), e.id).toBeLessThanOrEqual(0.051);
      }
    };

    // A new tab holds no token (sessionStorage): the link shows the sign-in screen, then opens the view.
    const byLink = new CanvasPage(await world.browser!.newPage());
    await byLink.signIn(link, world.adminToken);
    expectSameCanvas(await byLink.elements());
    await byLink.shot('08-reopened-from-link');
    await byLink.page.close();

    const byFile = new CanvasPage(await world.browser!.newPage());
    await byFile.open(world.link());
    await byFile.page.getByTestId('open-file-input').setInputFiles(file);
    await byFile.settle();
    expectSameCanvas(await byFile.elements());
    expect(byFile.errors).toEqual([]);
    await byFile.page.close();
  });

  it('a broken saved view names what it could not restore and opens the rest', async () => {
    const file = join(ARTIFACTS, 'broken-view.json');
    const view = {
      format: 'ringtrace-view',
      version: 1,
      nodes: [{ id: GROUP, position: { x: 0, y: 0 } }, { id: 'person:nobody-at-all' }, { id: 42 }],
      links: ['link:CONTROLS:0000000000000000'],
      selection: [GROUP],
    };
    await writeFile(file, JSON.stringify(view));
    const page = new CanvasPage(await world.browser!.newPage());
    await page.open(world.link());
    await page.page.getByTestId('open-file-input').setInputFiles(file);
    await page.settle();
    expect(await page.ids()).toEqual([GROUP]);
    const notice = await page.page.getByTestId('notice').first().textContent();
    expect(notice).toContain('person:nobody-at-all');
    expect(notice).toContain('link:CONTROLS:0000000000000000');
    expect(notice).toContain('nodes[2]');
    await page.shot('09-broken-view');
    await page.page.close();
  });

  it('follows the money from a victim, left to right, the rest dimmed', async () => {
    await ui.page.keyboard.press('Escape');
    await ui.searchAndAdd('v-0001', VICTIM);
    await ui.page.getByTestId('trace-money').click();
    await ui.settle();
    const scene = await ui.scene();
    expect(scene.highlight?.kind).toBe('money');
    expect(scene.layout).toBe('dagre');
    const drawn = await ui.elements();
    const x = (id: string) => drawn.find((e) => e.id === id)!.position!.x;
    const wallets = scene.highlight!.nodes.filter((id) => id.startsWith('wallet:'));
    expect(wallets.length).toBeGreaterThan(0);
    for (const wallet of wallets) expect(x(wallet), wallet).toBeGreaterThan(x(VICTIM));
    await ui.shot('10-money-trail');
  });

  it('keeps working through a server restart: the expansion waits, retries and lands', async () => {
    const before = (await ui.ids('nodes')).length;
    await world.stopServer();
    const wallet = (await ui.scene()).highlight!.nodes.find((id) => id.startsWith('wallet:'))!;
    await ui.page.keyboard.press('Escape');
    const { x, y } = await ui.at(wallet);
    await ui.page.mouse.dblclick(x, y);
    await expect
      .poll(() => ui.page.getByTestId('notice').allTextContents(), { timeout: 10_000 })
      .toEqual(expect.arrayContaining([expect.stringContaining('trying again')]));
    await world.startServer();
    await ui.settle();
    await expect.poll(async () => (await ui.ids('nodes')).length, { timeout: 30_000 }).toBeGreaterThan(before);
    expect(ui.errors).toEqual([]);
    await ui.shot('11-after-restart');
  });

  it('the right-click menu expands a call centre by one relationship type from the model', async () => {
    const { neighbourhood } = await world.gql<{ neighbourhood: { entities: Array<{ id: string }> } }>(
      `{ neighbourhood(ids: ["${CENTRE}"], linkTypes: ["HAS_WORKSTATION"], limit: 500) { entities { id } } }`,
    );
    const seats = neighbourhood.entities.map((e) => e.id).filter((id) => id !== CENTRE);
    await ui.page.getByTestId('expand-cap').selectOption('100');
    const before = await ui.ids('nodes');
    const { x, y } = await ui.at(CENTRE);
    await ui.page.mouse.move(x, y);
    await ui.page.mouse.down({ button: 'right' });
    // cxtmenu draws its wedges counter-clockwise from the top; "Expand by type…" is the second one.
    const angle = ((-90 - 45 - 22.5) * Math.PI) / 180;
    await ui.page.mouse.move(x + 70 * Math.cos(angle), y + 70 * Math.sin(angle), { steps: 5 });
    await ui.page.mouse.up({ button: 'right' });
    const menu = ui.page.getByTestId('expand-by');
    await menu.waitFor();
    await ui.shot('11b-expand-by-type');
    await menu.locator('[data-type="HAS_WORKSTATION"]').click();
    await ui.settle();
    const nodes = await ui.ids('nodes');
    expect(nodes.filter((id) => !before.includes(id)).sort()).toEqual(
      seats.filter((id) => !before.includes(id)).sort(),
    );
    for (const seat of seats) expect(nodes).toContain(seat);
  });

  it('filters by kind from the legend, hides with Delete, and undoes both', async () => {
    const wallets = (await ui.ids('nodes')).filter((id) => id.startsWith('wallet:'));
    expect(wallets.length).toBeGreaterThan(0);
    await ui.page.locator('[data-testid="legend-kind"][data-name="Wallet"] input').uncheck();
    await ui.settle();
    expect((await ui.ids('nodes')).filter((id) => id.startsWith('wallet:'))).toEqual([]);
    await ui.page.keyboard.press('Control+z');
    await ui.settle();
    expect((await ui.ids('nodes')).filter((id) => id.startsWith('wallet:'))).toEqual(wallets);

    await ui.click(VICTIM);
    await ui.page.keyboard.press('Delete');
    await ui.settle();
    expect(await ui.ids('nodes')).not.toContain(VICTIM);
    await ui.page.keyboard.press('Control+z');
    await ui.settle();
    expect(await ui.ids('nodes')).toContain(VICTIM);
  });

  it('shows the scene as a table, sorted by a column, exported as CSV; the canvas as a PNG', async () => {
    const onScene = (await ui.scene()).nodes; // drawn or hidden: the table lists every entity on the scene
    await ui.page.getByTestId('toggle-table').click();
    const rows = ui.page.getByTestId('table-row');
    await expect.poll(() => rows.count()).toBe(onScene);
    await ui.page.locator('.table-panel th', { hasText: /^caption/ }).click();
    const captions = await rows.evaluateAll((trs) => trs.map((tr) => tr.children[2]?.textContent?.trim() ?? ''));
    expect(captions).toEqual(
      [...captions].sort((a, b) => a.localeCompare(b, undefined, { numeric: true, sensitivity: 'base' })),
    );

    const [csv] = await Promise.all([ui.page.waitForEvent('download'), ui.page.getByTestId('csv').click()]);
    const csvFile = join(ARTIFACTS, 'entities.csv');
    await csv.saveAs(csvFile);
    const lines = (await readFile(csvFile, 'utf8')).trim().split('\n');
    expect(lines[0]).toMatch(/^id,kind,caption,/);
    expect(lines).toHaveLength(onScene + 1);
    await ui.shot('12-table');

    const [png] = await Promise.all([ui.page.waitForEvent('download'), ui.page.getByTestId('png').click()]);
    const pngFile = join(ARTIFACTS, 'canvas-export.png');
    await png.saveAs(pngFile);
    const bytes = await readFile(pngFile);
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(bytes.length).toBeGreaterThan(10_000);
    expect(ui.errors).toEqual([]);
  });
});
