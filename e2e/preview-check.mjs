// Checks the pages written by thidua_web_preview without the application: serves the folder, sends the
// application's CSP, and runs the accessibility check (and the CSP watch) on every page at 1280 and 360 px.
//   build-web/src/web/thidua_web_preview /tmp/preview && node e2e/preview-check.mjs /tmp/preview
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';

import { assertNoPageErrors, checkA11y, launchBrowser, newContext, screenshot, watchPage } from './lib.mjs';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node e2e/preview-check.mjs PREVIEW_DIR');
  process.exit(2);
}
const ORIGIN = 'http://preview.test';
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:";
const TYPES = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.svg': 'image/svg+xml' };

const browser = await launchBrowser();
let failures = 0;
try {
  const pages = (await readdir(dir)).filter((f) => f.endsWith('.html') && f !== 'index.html').sort();
  for (const width of [1280, 360]) {
    const context = await newContext(browser, ORIGIN, { viewport: { width, height: 900 } });
    await context.route(`${ORIGIN}/**`, async (route) => {
      const file = path.join(dir, decodeURIComponent(new URL(route.request().url()).pathname));
      try {
        const body = await readFile(file);
        await route.fulfill({ status: 200, body, headers: {
          'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream', 'Content-Security-Policy': CSP } });
      } catch {
        await route.fulfill({ status: 404, body: 'not found' });
      }
    });
    for (const name of pages) {
      const page = watchPage(await context.newPage());
      await page.goto(`/${name}`);
      try {
        const results = await checkA11y(page, `${name}-${width}`);
        assertNoPageErrors(page);
        await screenshot(page, `preview-${name}-${width}`);
        const notes = results.violations.map((v) => `${v.impact} ${v.id}`).join(', ');
        console.log(`ok    ${name} @${width}${notes ? ` (minor: ${notes})` : ''}`);
      } catch (error) {
        failures += 1;
        console.log(`FAIL  ${name} @${width}\n${error.message}`);
      }
      await page.close();
    }
    await context.close();
  }
} finally {
  await browser.close();
}
console.log(failures === 0 ? 'all preview pages pass' : `${failures} failing`);
process.exit(failures === 0 ? 0 : 1);
