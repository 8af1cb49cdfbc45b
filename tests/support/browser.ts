/// <reference lib="dom" />
// Code passed to page.evaluate runs in the browser, with its DOM.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { REPO_ROOT } from './run-script';

/** Debian's Chromium: Playwright never downloads a browser of its own here. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Where the screenshots go, for a person to look at (git-ignored). */
export const SCREENSHOTS = resolve(REPO_ROOT, 'test-results', 'screenshots');

/**
 * Headless Chromium as this machine runs it: without the sandbox (the tests run as root) and without
 * its background connections, which a closed network refuses.
 */
export async function launchBrowser(): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** What went wrong on a page that its user would not see: script errors and content security policy refusals. */
export function watchForErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`script: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused/.test(message.text())) errors.push(`csp: ${message.text()}`);
  });
  return errors;
}

/** axe-core's WCAG 2.2 A and AA rules: nothing serious or critical may be found. */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect(
    serious.map((violation) => ({
      page: name,
      rule: violation.id,
      help: violation.help,
      where: violation.nodes.map((node) => node.target.join(' ')).slice(0, 3),
    })),
  ).toEqual([]);
}

/**
 * The page fits every width from a phone's 320 px to a small laptop's window: nothing is cut off or
 * makes it scroll sideways (WCAG 1.4.10, reflow), including the widths where tables change layout.
 */
export async function expectNoSidewaysScroll(page: Page, name: string): Promise<void> {
  for (const width of [320, 700, 900, 1100]) {
    await page.setViewportSize({ width, height: 800 });
    const widths = await page.evaluate(() => ({ content: document.documentElement.scrollWidth, viewport: document.documentElement.clientWidth }));
    expect({ page: name, ...widths }).toEqual({ page: name, content: widths.viewport, viewport: width });
    if (width === 320) await page.screenshot({ path: resolve(SCREENSHOTS, `${name}-320.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1100, height: 900 });
}
