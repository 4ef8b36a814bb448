import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type RunningGateway } from '../gateway/start-gateway.js';
import type { Database } from '../platform/db/database.js';
import { createLogger } from '../platform/logger.js';
import { startTestStack, type TestStack } from './support/start-stack.js';
import { createTestDatabase } from './support/test-database.js';

// Debian's package (CI installs it, see .ci/run): playwright-core brings no browser of its own.
const CHROMIUM = '/usr/bin/chromium';

let database: Database;
let stack: TestStack;
let browser: Browser;

beforeAll(async () => {
  database = await createTestDatabase();
  stack = await startTestStack(database);
  // Chromium's sandbox cannot run as root (as in CI containers); Playwright's default says so too, but say it here.
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  await database?.close();
});

/** The titles the explorer's default query should show, asked in the browser's language. */
async function expectedTitles(): Promise<string[]> {
  const { body } = await stack.queryGateway<{ datasets: { edges: { node: { title: string } }[] } }>(
    '{ datasets(first: 5, search: "cancer") { edges { node { title } } } }',
    {},
    { 'accept-language': 'en-US' },
  );
  return body.data?.datasets.edges.map((e) => e.node.title) ?? [];
}

/**
 * Opens the explorer in a fresh browser context and runs `use`; then fails if the page tried to reach
 * another origin (such requests are aborted: the explorer must work offline), threw, or logged an error
 * (Chromium logs CSP refusals and failed loads as console errors) other than the `expected` ones.
 */
async function withExplorer(use: (page: Page) => Promise<void>, expected: RegExp[] = []): Promise<void> {
  const origin = new URL(stack.url).origin;
  const foreign: string[] = [];
  const problems: string[] = [];
  const context = await browser.newContext({ locale: 'en-US' });
  try {
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      if (new URL(url).origin === origin) {
        await route.continue();
      } else {
        foreign.push(url);
        await route.abort('blockedbyclient');
      }
    });
    const page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      const text = message.text();
      if (message.type() === 'error' && !expected.some((e) => e.test(text))) problems.push(`console: ${text}`);
    });
    await page.goto(`${stack.url}/explorer`);
    await use(page);
    expect(foreign).toEqual([]);
    expect(problems).toEqual([]);
  } finally {
    await context.close();
  }
}

/** A line of GraphiQL's result pane (a CodeMirror editor) containing `text`. */
function resultLine(page: Page, text: string): Locator {
  return page.locator('.result-window .CodeMirror-line', { hasText: text }).first();
}

describe('the API explorer', () => {
  it('serves its page with a same-origin Content-Security-Policy and no foreign URL', async () => {
    const response = await fetch(`${stack.url}/explorer`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(await response.text()).not.toMatch(/https?:\/\//);
  });

  it('redirects the gateway root to the explorer', async () => {
    const response = await fetch(stack.url, { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/explorer');
  });

  it('runs the default catalogue search in a real browser, loading nothing from another origin', async () => {
    const titles = await expectedTitles();
    expect(titles.length).toBeGreaterThan(0);
    await withExplorer(async (page) => {
      await page.locator('.graphiql-execute-button').click();
      await resultLine(page, titles[0] ?? '').waitFor({ timeout: 15_000 });
      expect(await page.locator('.result-window').innerText()).toContain('"totalCount"');
    });
  });

  it('sends the token pasted in the Headers editor', async () => {
    await withExplorer(async (page) => {
      await page.locator('.graphiql-editor-tool .graphiql-editor:visible').click();
      // insertText bypasses the editor's bracket auto-closing, which would garble typed JSON.
      await page.keyboard.insertText('{ "Authorization": "Bearer not-a-valid-token" }');
      await page.locator('.graphiql-execute-button').click();
      await resultLine(page, 'UNAUTHENTICATED').waitFor({ timeout: 15_000 });
    }, [/status of 401/]);
  });

  it('is not served by a production gateway', async () => {
    let production: RunningGateway | undefined;
    try {
      production = await startGateway({
        host: '127.0.0.1',
        port: 0,
        subgraphUrls: stack.subgraphUrls,
        logger: createLogger('silent'),
        identity: stack.identity.identity,
        production: true,
      });
      expect((await fetch(`${production.url}/explorer`)).status).toBe(404);
      expect((await fetch(`${production.url}/explorer/assets/graphiql.js`)).status).toBe(404);
      expect((await fetch(production.url, { redirect: 'manual' })).status).toBe(404);
    } finally {
      await production?.stop();
    }
  });
});
