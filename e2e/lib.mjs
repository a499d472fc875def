// The browser-test harness: starts the server under test on a fresh demo database, drives Debian's Chromium
// through playwright-core (no browser is ever downloaded), checks every page with axe-core and keeps
// screenshots and the server log in e2e/artifacts/ (git-ignored).
//
//   THIDUA_BIN      the thidua binary (default build/thidua, relative to the repository root)
//   CHROMIUM_PATH   the browser (default /usr/bin/chromium)
//   E2E_HEADED=1    show the browser (needs a display)
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ARTIFACTS = path.join(ROOT, 'e2e', 'artifacts');
export const DEMO_PASSWORD = 'thidua-demo';

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core/axe.min.js');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BLOCKING_IMPACTS = new Set(['serious', 'critical']);

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// --- the server under test ---------------------------------------------------------------------------

// A TCP port nobody listens on right now.
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function tail(file, lines = 40) {
  try {
    const text = await readFile(file, 'utf8');
    return text.split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

// Runs `thidua demo --data <fresh temp dir> --port <free port> --size small` and waits until GET /healthz
// answers 200. Resolves with {baseURL, port, dataDir, logPath, stop()}; stop() sends SIGTERM, waits for
// the exit (SIGKILL after 15 s) and removes the data folder.
export async function startServer({ size = 'small', timeoutMs = 120_000 } = {}) {
  const bin = path.resolve(ROOT, process.env.THIDUA_BIN || 'build/thidua');
  if (!existsSync(bin)) {
    throw new Error(`thidua binary not found at ${bin}: build it, or set THIDUA_BIN`);
  }
  await mkdir(ARTIFACTS, { recursive: true });
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'thidua-e2e-'));
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const logPath = path.join(ARTIFACTS, `server-${port}.log`);
  const log = createWriteStream(logPath);
  const child = spawn(bin, ['demo', '--data', dataDir, '--port', String(port), '--size', size], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  let exit = null;
  const exited = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      exit = { code, signal };
      resolve(exit);
    });
  });

  const stop = async () => {
    if (exit === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    }
    log.end();
    await rm(dataDir, { recursive: true, force: true });
    return exit;
  };

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exit !== null) {
      await stop();
      throw new Error(`thidua demo exited (${JSON.stringify(exit)}) before it was healthy:\n${await tail(logPath)}`);
    }
    try {
      const response = await fetch(`${baseURL}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`thidua demo was not healthy within ${timeoutMs / 1000} s:\n${await tail(logPath)}`);
    }
    await sleep(250);
  }
  return { baseURL, port, dataDir, logPath, stop };
}

// --- the browser -------------------------------------------------------------------------------------

// Debian's Chromium. Playwright gives every launch a fresh temporary profile (user-data-dir) and removes
// it on close.
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: process.env.E2E_HEADED !== '1',
    args: CHROMIUM_ARGS,
  });
}

// A fresh context (own cookies) on `baseURL`, Vietnamese locale, 1280×900. Pass {javaScriptEnabled: false}
// to check that a journey works without scripts. CSP stays in force: axe is evaluated through the
// DevTools protocol, which CSP does not govern.
export async function newContext(browser, baseURL, options = {}) {
  return browser.newContext({
    baseURL,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport: { width: 1280, height: 900 },
    ...options,
  });
}

// Records what a page does wrong on its own: uncaught script errors and Content-Security-Policy
// violations (an inline script or style). assertNoPageErrors(page) fails the test on any.
export function watchPage(page) {
  const problems = [];
  page.on('pageerror', (error) => problems.push(`script error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
      problems.push(`CSP: ${message.text()}`);
    }
  });
  page.thiduaProblems = problems;
  return page;
}

export function assertNoPageErrors(page) {
  const problems = page.thiduaProblems || [];
  assert.deepEqual(problems, [], `the page reported problems:\n${problems.join('\n')}`);
}

// --- screenshots and accessibility -------------------------------------------------------------------

let shotCounter = 0;

// A full-page screenshot in e2e/artifacts/, named after `label`; resolves with its path.
export async function screenshot(page, label) {
  await mkdir(ARTIFACTS, { recursive: true });
  const slug = String(label).normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd')
    .replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase() || 'page';
  shotCounter += 1;
  const file = path.join(ARTIFACTS, `${String(shotCounter).padStart(3, '0')}-${slug}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

let axeSource = null;

function formatViolations(violations) {
  return violations.map((v) => {
    const nodes = v.nodes.slice(0, 5).map((n) => {
      const summary = (n.failureSummary || '').split('\n').map((l) => l.trim()).filter(Boolean).join(' ');
      return `      at ${n.target.join(' ')}\n        ${n.html.slice(0, 200)}\n        ${summary}`;
    }).join('\n');
    const more = v.nodes.length > 5 ? `\n      … and ${v.nodes.length - 5} more` : '';
    return `  [${v.impact}] ${v.id}: ${v.help} (${v.tags.filter((t) => t.startsWith('wcag')).join(', ')})\n` +
      `    ${v.helpUrl}\n${nodes}${more}`;
  }).join('\n');
}

// Runs axe-core on the page with the WCAG 2 A/AA rules and fails on any serious or critical violation,
// printing each one readably (a screenshot goes to e2e/artifacts/). Resolves with the axe results.
// True when the page runs timers, i.e. its context has JavaScript enabled (axe needs them).
async function runsTimers(page) {
  const tick = page.evaluate(() => new Promise((resolve) => { setTimeout(() => resolve(true), 0); }));
  return Promise.race([tick, new Promise((resolve) => { setTimeout(() => resolve(false), 1000); })]);
}

export async function checkA11y(page, label = page.url()) {
  if (!(await runsTimers(page))) {
    // A page of a context without JavaScript: check the same HTML, at the same address (so styles
    // load), in a page that can run axe.
    const html = await page.content();
    const probeContext = await page.context().browser().newContext({ viewport: page.viewportSize() });
    try {
      const probe = await probeContext.newPage();
      await probe.route(page.url(), (route) => route.fulfill({ status: 200, contentType: 'text/html', body: html }));
      await probe.goto(page.url(), { waitUntil: 'load' });
      await checkA11y(probe, label);
    } finally {
      await probeContext.close();
    }
    return;
  }
  if (axeSource === null) axeSource = await readFile(AXE_PATH, 'utf8');
  const loaded = await page.evaluate(() => typeof window.axe === 'object');
  if (!loaded) await page.evaluate(axeSource);
  const results = await page.evaluate(async (tags) => {
    return window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
  }, AXE_TAGS);
  const blocking = results.violations.filter((v) => BLOCKING_IMPACTS.has(v.impact));
  if (blocking.length > 0) {
    const shot = await screenshot(page, `a11y-${label}`);
    assert.fail(`accessibility violations on ${page.url()} (${label}), screenshot ${path.relative(ROOT, shot)}:\n` +
      formatViolations(blocking));
  }
  return results;
}

// Goes to `url`, then screenshots and checks the page. Resolves with the navigation's response.
export async function visit(page, url, label = url) {
  const response = await page.goto(url, { waitUntil: 'load' });
  await screenshot(page, label);
  await checkA11y(page, label);
  return response;
}

// Runs `action` (which should submit a form or follow a link) and waits for the page it leads to, then
// screenshots and checks it.
export async function navigate(page, action, label) {
  const [response] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), action()]);
  await screenshot(page, label);
  await checkA11y(page, label);
  return response;
}

// --- journeys ----------------------------------------------------------------------------------------

// Signs in through /dang-nhap; resolves with the response of the page it lands on.
export async function signIn(page, username, password = DEMO_PASSWORD) {
  await visit(page, '/dang-nhap', 'dang-nhap');
  await page.fill('#username', username);
  await page.fill('#password', password);
  return navigate(page, () => page.getByRole('button', { name: 'Đăng nhập', exact: true }).click(),
    `dang-nhap-${username}`);
}

// GET `url` with the context's cookies; resolves with {status, body} (body parsed when it is JSON).
export async function apiGet(page, url) {
  const response = await page.request.get(url, { headers: { Accept: 'application/json' } });
  const text = await response.text();
  let body = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: response.status(), body };
}

// The data rows of the first data table on the page (not the "nothing found" row).
export function tableRows(page) {
  return page.locator('table.data-table').first().locator('tbody tr:not(.table-empty)');
}

// Text as NFC, so that a page's Vietnamese compares equal to the literals of a test whatever the browser
// returned (null and undefined read as "").
export const NFC = (text) => String(text ?? '').normalize('NFC');

// The 0-based index of the first column whose header matches `pattern`, or -1.
export async function columnIndex(page, pattern) {
  const headers = await page.locator('table.data-table').first().locator('thead th').allInnerTexts();
  return headers.findIndex((text) => pattern.test(NFC(text).trim()));
}
