import { existsSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';

/** The Chromium the browser tests drive: Debian's, or CHROMIUM_PATH. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

/**
 * Launches headless Chromium exactly as ARCHITECTURE.md prescribes. A missing browser is an error,
 * never a skipped test: the browser tests are part of `npm test`.
 */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium was not found at ${executablePath}. The browser tests need it: install it with ` +
        '`apt-get install -y chromium` (.ci/run does), or set CHROMIUM_PATH to a Chromium executable.',
    );
  }
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Options of a fresh browser context (a new profile: no cookies, no storage). */
export interface ContextOptions {
  javaScriptEnabled: boolean;
  /** Sent as Accept-Language; English unless told. */
  locale?: string;
  baseURL?: string;
}

/** Contexts made with JavaScript off: axe-core cannot run inside their pages. */
const withoutJavaScript = new WeakSet<BrowserContext>();

/** A fresh context per test, with JavaScript on or off, accepting downloads. */
export async function newContext(browser: Browser, options: ContextOptions): Promise<BrowserContext> {
  const context = await browser.newContext({
    javaScriptEnabled: options.javaScriptEnabled,
    locale: options.locale ?? 'en-GB',
    acceptDownloads: true,
    ...(options.baseURL ? { baseURL: options.baseURL } : {}),
  });
  context.setDefaultTimeout(15_000);
  if (!options.javaScriptEnabled) withoutJavaScript.add(context);
  return context;
}

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;

/**
 * Time a whole browser flow may take: every page is audited by axe, twice as slow with JavaScript
 * off (the twin page), and the two-core machine runs two browsers at once.
 */
export const FLOW_TIMEOUT = 180_000;

/** The WCAG levels every page must meet. */
export const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Axe-core needs timers in the page, which a JavaScript-off page never runs. So the page's current
 * DOM is audited in a JavaScript-on twin: same URL, same HTML, same viewport, the real stylesheets
 * from the server, and the page's own scripts blocked, so the twin shows exactly what the
 * JavaScript-off visitor sees.
 */
async function auditInTwin(page: Page): Promise<AxeResults> {
  const browser = page.context().browser();
  if (!browser) throw new Error('the page has no browser to audit it in');
  const html = await page.content();
  const url = page.url();
  const twin = await browser.newContext({
    javaScriptEnabled: true,
    viewport: page.viewportSize(),
  });
  try {
    const twinPage = await twin.newPage();
    await twinPage.route('**/*', async (route) => {
      const request = route.request();
      if (request.isNavigationRequest() && request.url() === url) {
        // The real response's headers carry the real Content-Security-Policy, so inline styles
        // the server forbids stay forbidden in the twin.
        const original = await route.fetch({ maxRedirects: 0 });
        const csp = original.headers()['content-security-policy'];
        await route.fulfill({
          status: 200,
          contentType: 'text/html; charset=utf-8',
          headers: csp ? { 'content-security-policy': csp } : {},
          body: html,
        });
      } else if (request.resourceType() === 'script') {
        await route.abort();
      } else {
        await route.continue();
      }
    });
    await twinPage.goto(url, { waitUntil: 'load' });
    return await new AxeBuilder({ page: twinPage }).withTags(axeTags).analyze();
  } finally {
    await twin.close();
  }
}

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA, WCAG 2.2 AA) on the page and fails the test listing every
 * violation: its rule id, help text and the offending elements.
 */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = withoutJavaScript.has(page.context())
    ? await auditInTwin(page)
    : await new AxeBuilder({ page }).withTags(axeTags).analyze();
  if (results.violations.length === 0) return;
  const lines = results.violations.map((v) => {
    const nodes = v.nodes
      .map(
        (n) =>
          `    - ${n.target.join(' ')} ${n.html.slice(0, 160)}\n      ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''}`,
      )
      .join('\n');
    return `  ${v.id} (${v.impact ?? 'unknown impact'}): ${v.help}\n    ${v.helpUrl}\n${nodes}`;
  });
  // Soft, so one page's violations do not hide the next page's: the test still fails at its end.
  expect
    .soft(
      results.violations.map((v) => v.id),
      `${results.violations.length} accessibility violation(s) on ${page.url()}:\n${lines.join('\n')}\n`,
    )
    .toEqual([]);
}

/**
 * One Chromium for the calling test file, launched before its tests and closed after them; read
 * `.browser` inside a test.
 */
export function useBrowser(): { readonly browser: Browser } {
  let launched: Browser | undefined;
  beforeAll(async () => {
    launched = await launchBrowser();
  });
  afterAll(async () => {
    await launched?.close();
  });
  return {
    get browser(): Browser {
      if (!launched) throw new Error('the browser is launched in beforeAll; use it inside a test');
      return launched;
    },
  };
}

/** Opens a URL, checks it answered 2xx and that the page has no accessibility violations. */
export async function visit(page: Page, url: string): Promise<void> {
  const response = await page.goto(url);
  const status = response?.status() ?? 0;
  if (status < 200 || status > 299) throw new Error(`GET ${url} answered ${status}, expected 2xx`);
  await expectNoAxeViolations(page);
}

/**
 * Signs a staff member in through the real /signin form (checking that page's accessibility) and
 * waits for the page the form leads to.
 */
export async function signInThroughForm(
  page: Page,
  baseUrl: string,
  credentials: { email: string; password: string },
): Promise<void> {
  await visit(page, `${baseUrl}/signin`);
  await page.getByLabel('Email address').fill(credentials.email);
  await page.getByLabel('Password').fill(credentials.password);
  await Promise.all([
    page.waitForURL((url) => url.pathname !== '/signin'),
    page.getByRole('button', { name: 'Sign in' }).click(),
  ]);
}

/** Waits until the page's `<html lang>` is `lang` (after a navigation, e.g. the language switch). */
export async function waitForLanguage(page: Page, lang: string): Promise<void> {
  await page.locator(`html[lang="${lang}"]`).waitFor({ state: 'attached' });
}

/**
 * Clicks something that loads another page (a link or a form's button), waits for that page and
 * checks its accessibility.
 */
export async function clickThrough(page: Page, click: () => Promise<void>): Promise<void> {
  await Promise.all([page.waitForEvent('load'), click()]);
  await expectNoAxeViolations(page);
}
