// Checks the harness itself (browser launch, axe under a strict CSP, violation reports) on pages served
// by a route, so it runs without the application.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { assertNoPageErrors, checkA11y, freePort, launchBrowser, newContext, watchPage } from './lib.mjs';

const ORIGIN = 'http://thidua.test';
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'";

function page(body) {
  return `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Thử</title></head>` +
    `<body><main><h1>Kiểm tra</h1>${body}</main></body></html>`;
}

describe('e2e harness', () => {
  let browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  async function open(html) {
    const context = await newContext(browser, ORIGIN);
    await context.route(`${ORIGIN}/**`, (route) => route.fulfill({
      status: 200,
      headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': CSP },
      body: html,
    }));
    const p = watchPage(await context.newPage());
    await p.goto('/');
    return p;
  }

  test('a clean page passes the accessibility check under a strict CSP', async () => {
    const p = await open(page('<form><label for="q">Tìm kiếm</label><input id="q" name="q"></form>'));
    const results = await checkA11y(p, 'harness-clean');
    assert.equal(results.violations.length, 0);
    assertNoPageErrors(p);
    await p.context().close();
  });

  test('serious violations fail the check with a readable report', async () => {
    const p = await open(page('<input name="q"><img src="/x.png">'));
    await assert.rejects(checkA11y(p, 'harness-broken'), (error) => {
      assert.match(error.message, /\[critical\] (label|image-alt)/);
      assert.match(error.message, /input name="q"|img src/);
      return true;
    });
    await p.context().close();
  });

  test('an inline script is reported as a CSP violation', async () => {
    const p = await open(page('<script>document.title = "x"</script>'));
    assert.throws(() => assertNoPageErrors(p), /CSP/);
    await p.context().close();
  });

  test('free ports are free', async () => {
    const port = await freePort();
    assert.ok(port > 0 && port < 65536);
  });
});
