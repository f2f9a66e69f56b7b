/**
 * Signing in, in chromium against a real server on the demo case: the start link the first start prints
 * signs in directly and keeps a shared route, the top bar says who is signed in, sign out forgets the
 * token, a bad or revoked token brings the sign-in screen back with the server's reason, and a viewer
 * gets no Queries panel and sees a victim's personal fields withheld in the details and the table.
 * Each test opens its own tab (a tab's sessionStorage is its own). Screenshots: artifacts/session-*.png.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CanvasPage } from './canvas-page.js';
import { browserSuiteRuns, World } from './harness.js';

const GROUP = 'crimegroup:khimprom';
const VICTIM = 'victim:v-0001';
const TOKEN_KEY = 'ringtrace.token';

interface Refusal {
  message: string;
  reason: string | undefined;
}

describe.skipIf(!browserSuiteRuns())('signing in', () => {
  const world = new World();
  const tab = async () => new CanvasPage(await world.browser!.newPage());
  const stored = (ui: CanvasPage) => ui.page.evaluate((key) => sessionStorage.getItem(key), TOKEN_KEY);

  /** What the server itself answers to a token: the words the sign-in screen must show. */
  async function refusalOf(token: string): Promise<Refusal> {
    const response = await fetch(`${world.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    expect(response.status).toBe(401);
    const body = (await response.json()) as {
      errors: Array<{ message: string; extensions: { code: string; reason?: string } }>;
    };
    expect(body.errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
    return { message: body.errors[0]!.message, reason: body.errors[0]!.extensions.reason };
  }

  async function expectRefusalShown(ui: CanvasPage, refusal: Refusal) {
    const shown = ui.page.getByTestId('sign-in-reason');
    await shown.waitFor();
    const text = await shown.textContent();
    expect(text).toContain(refusal.message);
    if (refusal.reason) expect(text).toContain(refusal.reason);
    expect(await stored(ui)).toBeNull();
  }

  beforeAll(async () => {
    await world.start();
  }, 300_000);

  afterAll(async () => {
    await world.stop();
  });

  it('the start link signs in directly: name and role in the top bar, the token gone from the address', async () => {
    expect(world.log).toContain(`${world.url}/#token=`);
    const { me } = await world.gql<{ me: { name: string; role: string } }>('{ me { name role } }');
    expect(me.role).toBe('admin');

    const ui = await tab();
    await ui.open(world.link());
    await expect(ui.page.getByTestId('session-name').textContent()).resolves.toBe(me.name);
    await expect(ui.page.getByTestId('session-role').textContent()).resolves.toBe('admin');
    expect(ui.page.url()).not.toContain('token');
    expect(await stored(ui)).toBe(world.adminToken);
    await ui.shot('session-01-signed-in');
    expect(ui.errors).toEqual([]);
    // Back must not return to an address holding the token (replaceState, not a new entry).
    await ui.page.goBack();
    expect(ui.page.url()).not.toContain('token=');
    await ui.page.close();
  });

  it('a shared route survives the sign-in link and a reload', async () => {
    const route = `#/entity/${encodeURIComponent(GROUP)}`;
    const ui = await tab();
    await ui.open(world.link(route));
    expect(new URL(ui.page.url()).hash).toBe(route);
    await expect.poll(() => ui.ids('nodes')).toContain(GROUP);

    await ui.page.reload();
    await ui.ready();
    await expect.poll(() => ui.ids('nodes')).toContain(GROUP);
    await expect(ui.page.getByTestId('session-role').textContent()).resolves.toBe('admin');
    await ui.page.close();
  });

  it('sign out returns to the sign-in screen and forgets the token', async () => {
    const ui = await tab();
    await ui.open(world.link());
    await ui.page.getByTestId('sign-out').click();
    await ui.page.getByTestId('signed-out').waitFor();
    await expect(ui.page.getByTestId('sign-in').textContent()).resolves.toContain('ringtrace token create');
    expect(await stored(ui)).toBeNull();
    expect(await ui.page.evaluate(() => window.__ringtrace)).toBeUndefined();
    await ui.shot('session-02-signed-out');

    await ui.page.reload();
    await ui.page.getByTestId('sign-in').waitFor();
    expect(await stored(ui)).toBeNull();
    await ui.page.close();
  });

  it("a bad token stays on the sign-in screen with the server's reason", async () => {
    // Shaped like a token, but no such token: the reason must not tell an unknown id from a wrong secret.
    const bad = `rt_0123456789abcdef_${'A'.repeat(43)}`;
    const refusal = await refusalOf(bad);
    expect(refusal.reason).toBe('invalid');
    const ui = await tab();
    await ui.page.goto(world.url);
    await ui.page.getByTestId('token-input').fill(bad);
    await ui.page.getByTestId('sign-in-submit').click();
    await expectRefusalShown(ui, refusal);
    await ui.shot('session-03-bad-token');

    // Nothing usable pasted: said on the spot, nothing sent.
    await ui.page.getByTestId('token-input').fill('   ');
    await ui.page.getByTestId('sign-in-submit').click();
    await expect(ui.page.getByRole('alert').last().textContent()).resolves.toContain('Paste a token');
    await ui.page.close();
  });

  it("a token revoked mid-session returns to sign-in with the server's reason; a new one opens the route", async () => {
    const name = 'browser revoked analyst';
    const token = await world.token('analyst', name);
    const ui = await tab();
    await ui.open(world.link('', token));
    await expect(ui.page.getByTestId('session-role').textContent()).resolves.toBe('analyst');

    await world.revoke(name);
    const refusal = await refusalOf(token);
    await ui.page.getByTestId('search-input').fill('Khimprom');
    await expectRefusalShown(ui, refusal);
    await ui.shot('session-04-revoked');

    // Signing in again on the same screen, the address's route is opened.
    await ui.page.evaluate((id) => (window.location.hash = `#/entity/${encodeURIComponent(id)}`), GROUP);
    await ui.submitToken(await world.token('analyst', 'browser second analyst'));
    await expect.poll(() => ui.ids('nodes')).toContain(GROUP);
    await ui.page.close();
  });

  it('a viewer gets no Queries panel: the button is disabled and names the right', async () => {
    const ui = await tab();
    await ui.open(world.link('', await world.token('viewer')));
    await expect(ui.page.getByTestId('session-role').textContent()).resolves.toBe('viewer');
    const button = ui.page.getByTestId('toggle-queries');
    expect(await button.isDisabled()).toBe(true);
    expect(await button.getAttribute('title')).toContain('query:run');
    expect(await ui.page.getByTestId('queries').count()).toBe(0);
    await ui.shot('session-05-viewer-no-queries');
    expect(ui.errors).toEqual([]);
    await ui.page.close();
  });

  it("a viewer sees a victim's personal fields withheld in the details and the table; an analyst sees them", async () => {
    const { entity } = await world.gql<{ entity: { properties: Record<string, unknown> } }>(
      `{ entity(id: "${VICTIM}") { properties } }`,
    );
    const name = String(entity.properties['name']);
    const email = String(entity.properties['email']);
    expect(name.length).toBeGreaterThan(2);

    const show = async (token: string) => {
      const ui = await tab();
      await ui.open(world.link(`#/entity/${encodeURIComponent(VICTIM)}`, token));
      await expect.poll(() => ui.ids('nodes')).toContain(VICTIM);
      await ui.click(VICTIM);
      const details = ui.page.locator(`[data-testid="details"][data-id="${VICTIM}"]`);
      await details.waitFor();
      await ui.page.getByTestId('toggle-table').click();
      const table = ui.page.getByTestId('table');
      await table.waitFor();
      return { ui, details: await details.innerText(), table: await table.innerText() };
    };

    const viewer = await show(await world.token('viewer', 'browser viewer 2'));
    for (const text of [viewer.details, viewer.table]) {
      expect(text).not.toContain(name);
      expect(text).not.toContain(email);
      expect(text.toLowerCase()).toContain('withheld');
    }
    await viewer.ui.shot('session-06-viewer-withheld');
    await viewer.ui.page.close();

    const analyst = await show(await world.token('analyst', 'browser analyst 2'));
    expect(analyst.details).toContain(name);
    expect(analyst.table).toContain(name);
    expect(analyst.details.toLowerCase()).not.toContain('withheld');
    await analyst.ui.page.close();
  });
});
