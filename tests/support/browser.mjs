// Launches Debian's Chromium through Playwright for page-level tests and collects every
// console error, page error and CSP violation, so a test can assert the page stayed clean.
import { chromium } from 'playwright';
import { launchOptions } from '../../scripts/browser.mjs';
import { clockShiftMs, clockShiftScript } from './clock-shift.mjs';

export async function launch() {
  return chromium.launch(launchOptions());
}

/**
 * A browser context in Vietnam's time zone; with IOC_CLOCK_SHIFT_DAYS set (npm test sets it for
 * its second pass), every page in it reads a `Date` that many days ahead.
 */
export async function newContext(browser, { locale = 'vi-VN', viewport = { width: 1000, height: 700 }, ...options } = {}) {
  const context = await browser.newContext({ locale, viewport, timezoneId: 'Asia/Ho_Chi_Minh', ...options });
  const shift = clockShiftScript(clockShiftMs());
  if (shift) await context.addInitScript({ content: shift });
  return context;
}

export async function openPage(browser, url, { locale = 'vi-VN', viewport = { width: 1000, height: 700 } } = {}) {
  const context = await newContext(browser, { locale, viewport });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console.${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  await page.goto(url);
  return { page, context, problems };
}
