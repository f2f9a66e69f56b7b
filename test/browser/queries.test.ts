/**
 * The Queries panel end to end, in chromium against a real server on the demo case: the saved-query
 * library and its generated form (a wrong value named before any request), the call-centre-to-crime-
 * group query run with a centre picked from a typeahead of call centres (answer on the canvas and in the
 * table), ad-hoc Cypher in the editor (completion from the model, lint, a sortable table), a write
 * refused with its clause, the row cap said, and "Run query…" from a node's menu prefilled with the node.
 * One server and one page; the tests run in order. Screenshots in test/browser/artifacts/queries-*.png.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CanvasPage } from './canvas-page.js';
import { browserSuiteRuns, World } from './harness.js';

const GROUP = 'crimegroup:khimprom';
const CENTRE = 'callcentre:moscow-orion';
const VICTIM = 'victim:v-0001';

interface Answer {
  columns: string[];
  rows: unknown[][];
}

describe.skipIf(!browserSuiteRuns())('saved queries and Cypher in the browser', () => {
  const world = new World();
  let ui: CanvasPage;
  const shot = (name: string) => ui.shot(`queries-${name}`);
  const panel = () => ui.page.getByTestId('queries');
  const rowTexts = () =>
    ui.page.getByTestId('query-row').evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).innerText));
  const lit = async () => (await ui.elements()).filter((e) => e.classes.includes('highlighted')).map((e) => e.id);

  /** Replaces the editor's text, as typed (CodeMirror reads the input events). */
  async function typeCypher(text: string) {
    await ui.page.locator('.cm-content').click();
    await ui.page.keyboard.press('Control+a');
    await ui.page.keyboard.press('Delete');
    await ui.page.keyboard.insertText(text);
  }

  async function runCypher() {
    await ui.page.getByTestId('run-cypher').click();
    await ui.settle();
    await ui.page.locator('[data-testid="query-results"]:not([data-status="running"])').waitFor();
  }

  beforeAll(async () => {
    await world.start();
    ui = new CanvasPage(await world.browser!.newPage());
    await ui.open(world.link());
  }, 300_000);

  afterAll(async () => {
    await world.stop();
  });

  it('lists every saved query the server has, and generates the chosen one’s form with its defaults', async () => {
    const { savedQueries } = await world.gql<{ savedQueries: Array<{ name: string }> }>('{ savedQueries { name } }');
    await ui.page.getByTestId('toggle-queries').click();
    const listed = ui.page.getByTestId('saved-query');
    await expect.poll(() => listed.count()).toBe(savedQueries.length);
    const names = await listed.evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-name')));
    expect(names).toEqual(savedQueries.map((q) => q.name));

    await ui.page.locator(`[data-testid="saved-query"][data-name="centre-to-crime-group"]`).click();
    const form = ui.page.getByTestId('query-form');
    await expect(form.getAttribute('data-name')).resolves.toBe('centre-to-crime-group');
    await expect(ui.page.getByTestId('param-centre').inputValue()).resolves.toBe(CENTRE);
    await expect(ui.page.getByTestId('param-maxHops').inputValue()).resolves.toBe('4');
    await expect(form.textContent()).resolves.toContain('a whole number from 1 to 6');
    await shot('01-library');
  });

  it('names the parameter and the type expected for a wrong value, and asks the server nothing', async () => {
    await ui.page.getByTestId('param-maxHops').fill('9');
    await ui.page.getByTestId('param-centre').fill(VICTIM);
    await ui.page.getByTestId('run-query').click();
    const errors = await ui.page.getByTestId('param-error').allTextContents();
    expect(errors).toEqual([
      'centre: expected an id of a CallCentre (callcentre:<key>), got "victim:v-0001" (a Victim)',
      'maxHops: expected a whole number from 1 to 6, got "9"',
    ]);
    await ui.idle();
    expect((await ui.scene()).nodes).toBe(0);
    await expect(ui.page.getByTestId('query-results').count()).resolves.toBe(0); // nothing ran
    await shot('02-form-errors');
  });

  it('runs centre-to-crime-group with a centre from the typeahead: the answer on the canvas and in the table', async () => {
    const { runSavedQuery: expected } = await world.gql<{ runSavedQuery: Answer }>(
      `{ runSavedQuery(name: "centre-to-crime-group", params: { centre: "${CENTRE}", maxHops: 2 }) { columns rows } }`,
    );
    expect(expected.rows.length).toBeGreaterThan(0);
    // Unrestricted, "orion" finds more than call centres: the field's typeahead must keep to its kind.
    const { search } = await world.gql<{ search: { edges: Array<{ node: { kind: string } }> } }>(
      '{ search(text: "orion", first: 20) { edges { node { kind } } } }',
    );
    expect(search.edges.some((e) => e.node.kind !== 'CallCentre')).toBe(true);

    await ui.page.getByTestId('param-centre').fill('orion');
    const hits = ui.page.getByTestId('param-hit');
    await hits.first().waitFor();
    const hitIds = await hits.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-id') ?? ''));
    for (const id of hitIds) expect(id).toMatch(/^callcentre:/); // restricted to the parameter's kind
    await ui.page.locator(`[data-testid="param-hit"][data-id="${CENTRE}"]`).click();
    await expect(ui.page.getByTestId('param-centre').inputValue()).resolves.toBe(CENTRE);
    await ui.page.getByTestId('param-maxHops').fill('2');
    await ui.page.getByTestId('run-query').click();
    await ui.settle();

    expect(await ui.page.getByTestId('param-error').count()).toBe(0);
    const scene = await ui.scene();
    expect(scene.highlight?.kind).toBe('query');
    expect(scene.highlight?.nodes).toEqual(expect.arrayContaining([CENTRE, GROUP]));
    expect(await lit()).toEqual(expect.arrayContaining([CENTRE, GROUP]));
    const rows = await rowTexts();
    expect(rows).toHaveLength(expected.rows.length);
    expect(rows[0]).toContain('Khimprom'); // the crime group's id shown as its caption
    const headers = await panel().locator('.query-results th').allTextContents();
    expect(headers).toEqual(expected.columns);
    await shot('03-centre-to-crime-group');
  });

  it('runs ad-hoc Cypher from the editor, completed from the model and linted; the table sorts', async () => {
    await ui.page.getByTestId('tab-cypher').click();
    await ui.page.locator('.cm-content').waitFor({ timeout: 30_000 }); // the editor's chunk loads on demand

    await typeCypher('MATCH (n:Call');
    await ui.page.keyboard.press('Control+Space');
    const options = ui.page.locator('.cm-tooltip-autocomplete li');
    await options.first().waitFor();
    expect((await options.allTextContents()).join(' ')).toContain('CallCentre'); // a label from the model
    await ui.page.keyboard.press('Escape');

    await typeCypher('MATCH (n:CallCentre RETURN n');
    await ui.page.locator('.cm-lintRange-error').first().waitFor(); // the missing ')' underlined
    await shot('04-lint');

    const { runCypher: expected } = await world.gql<{ runCypher: Answer }>(
      '{ runCypher(query: "MATCH (c:CallCentre) RETURN c.id AS id, c.name AS name") { columns rows } }',
    );
    await typeCypher('MATCH (c:CallCentre)\nRETURN c.id AS id, c.name AS name, c');
    await runCypher();
    const rows = await rowTexts();
    expect(rows).toHaveLength(expected.rows.length);
    const names = expected.rows.map((r) => String(r[1]));
    const nameHeader = panel().locator('.query-results th', { hasText: /^name/ });
    await nameHeader.click();
    await nameHeader.click(); // descending
    const shown = await panel()
      .getByTestId('query-row')
      .evaluateAll((trs) => trs.map((tr) => tr.children[1]?.textContent?.trim() ?? ''));
    expect(shown).toEqual([...names].sort((a, b) => b.localeCompare(a, undefined, { sensitivity: 'base' })));
    const centres = expected.rows.map((r) => String(r[0]));
    expect(await lit()).toEqual(expect.arrayContaining(centres));
    await shot('05-adhoc');
  });

  it('shows a refused write with its clause and why; nothing is written', async () => {
    await typeCypher(`MATCH (v:Victim {id: '${VICTIM}'}) SET v.name = 'changed' RETURN v`);
    await runCypher();
    const refusal = ui.page.getByTestId('query-refusal');
    await expect(refusal.getAttribute('data-clause')).resolves.toBe('SET');
    await expect(refusal.textContent()).resolves.toMatch(/SET at line 1, column \d+: SET writes/);
    await expect(ui.page.getByTestId('query-error').textContent()).resolves.toContain('Refused: SET');
    const { entity } = await world.gql<{ entity: { caption: string } }>(`{ entity(id: "${VICTIM}") { caption } }`);
    expect(entity.caption).not.toBe('changed');
    await shot('06-refused-write');
  });

  it('says when the rows hit the row cap', async () => {
    await ui.page.getByTestId('row-cap').selectOption('100');
    await typeCypher('MATCH (v:Victim) RETURN v.name AS name');
    await runCypher();
    await expect(ui.page.getByTestId('query-bound').textContent()).resolves.toMatch(
      /^Rows capped at 100: 200 more left out/,
    );
    expect(await rowTexts()).toHaveLength(100);
    await ui.page.getByTestId('row-cap').selectOption('1000');
  });

  it('"Run query…" on a node opens a query taking its kind, prefilled with it, and runs it', async () => {
    const other = (await ui.ids('nodes')).find((id) => id.startsWith('callcentre:') && id !== CENTRE)!;
    expect(other).toBeDefined();
    const { x, y } = await ui.at(other);
    await ui.page.mouse.move(x, y);
    await ui.page.mouse.down({ button: 'right' });
    // cxtmenu draws its 9 wedges counter-clockwise from the top; "Run query…" is the last one.
    const angle = ((-90 + 20) * Math.PI) / 180;
    await ui.page.mouse.move(x + 70 * Math.cos(angle), y + 70 * Math.sin(angle), { steps: 5 });
    await ui.page.mouse.up({ button: 'right' });
    const menu = ui.page.getByTestId('run-query-menu');
    await menu.waitFor();
    await shot('07-run-query-menu');
    await menu.locator('[data-name="centre-to-crime-group"]').click();

    await expect(ui.page.getByTestId('query-form').getAttribute('data-name')).resolves.toBe('centre-to-crime-group');
    await expect(ui.page.getByTestId('param-centre').inputValue()).resolves.toBe(other);
    await ui.page.getByTestId('run-query').click();
    await ui.settle();
    expect((await ui.scene()).highlight?.nodes).toEqual(expect.arrayContaining([other, GROUP]));
    await expect(ui.page.getByTestId('query-results').getAttribute('data-status')).resolves.toBe('done');
    await shot('08-run-from-node');
    expect(ui.errors).toEqual([]);
  });

  it('stops a runaway at the timeout chosen and says so (last: the engine may still be stopping it)', async () => {
    await ui.page.getByTestId('tab-cypher').click();
    await ui.page.getByTestId('query-timeout').selectOption('2000');
    await typeCypher(
      'UNWIND range(1, 100000) AS a UNWIND range(1, 100000) AS b WITH a, b WHERE a * b = -1 RETURN count(*)',
    );
    const started = Date.now();
    await runCypher();
    expect(Date.now() - started).toBeLessThan(15_000);
    const problem = ui.page.getByTestId('query-error');
    await expect(problem.textContent()).resolves.toContain('Stopped at the timeout of 2 s');
    await expect(problem.getAttribute('class')).resolves.toContain('warning'); // a bound hit, not a broken query
    await shot('09-timeout');
    expect(ui.errors).toEqual([]);
  });
});
