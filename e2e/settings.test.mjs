// The province's settings through the real server (thidua demo --size small): the head of the Ban TĐKT
// finds the settings screen in the navigation, a bad value is refused beside its field and nothing
// changes, a good one is saved and at once governs the CSTDCS quota shown on a unit's page; the office
// sees the values but no form. Every page visited is screenshotted and checked with axe (lib.mjs).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import {
  NFC, apiGet, assertNoPageErrors, launchBrowser, navigate, newContext, signIn, startServer, visit,
  watchPage,
} from './lib.mjs';

const TEST_TIMEOUT = 120_000;

describe('settings journeys', { timeout: 20 * 60_000 }, () => {
  let server;
  let browser;

  before(async () => {
    server = await startServer({ size: 'small' });
    browser = await launchBrowser();
  }, { timeout: 240_000 });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function signedIn(username) {
    const context = await newContext(browser, server.baseURL);
    const page = watchPage(await context.newPage());
    await signIn(page, username);
    return page;
  }

  test('the office lead changes the CSTDCS quota and the unit page follows', { timeout: TEST_TIMEOUT }, async () => {
    const page = await signedIn('lanhdao');
    await navigate(page, () => page.getByRole('link', { name: 'Cấu hình' }).click(), 'settings-form');
    const quota = page.locator('#cstdcs_quota_percent');
    assert.equal(await quota.inputValue(), '15');

    await quota.fill('150');
    await navigate(page, () => page.getByRole('button', { name: 'Lưu cấu hình' }).click(), 'settings-refused');
    assert.match(NFC(await page.locator('#cstdcs_quota_percent-error').innerText()), /Phải từ 0 đến 100/);
    assert.equal(await page.locator('#cstdcs_quota_percent').getAttribute('aria-invalid'), 'true');
    assert.equal((await apiGet(page, '/api/v1/settings')).body.cstdcs_quota_percent, 15);

    await page.locator('#cstdcs_quota_percent').fill('30');
    await navigate(page, () => page.getByRole('button', { name: 'Lưu cấu hình' }).click(), 'settings-saved');
    assert.match(NFC(await page.locator('[role="status"], .flash').first().innerText()), /Đã lưu/);
    assert.equal(await page.locator('#cstdcs_quota_percent').inputValue(), '30');
    assert.equal((await apiGet(page, '/api/v1/settings')).body.cstdcs_quota_percent, 30);

    const units = await apiGet(page, '/api/v1/units?per_page=5');
    const unit = units.body.items.find((u) => !u.valid_to) ?? units.body.items[0];
    await visit(page, `/quan-ly/don-vi/${encodeURIComponent(unit.code)}?nam=2025`, 'settings-unit-quota');
    const panel = NFC(await page.locator('section[aria-labelledby="quota-title"]').innerText());
    assert.match(panel, /Tỷ lệ Chiến sĩ thi đua cơ sở năm 2025/);
    assert.match(panel, /30% của \d+ Lao động tiên tiến/);
    const api = await apiGet(page, `/api/v1/units/${encodeURIComponent(unit.code)}/quota?year=2025`);
    assert.equal(api.status, 200);
    assert.equal(api.body.quota_percent, 30);
    assert.ok(panel.includes(`tối đa ${api.body.allowed} Chiến sĩ`), panel);
    assert.match(NFC(await page.locator('#eligibility-title').innerText()), /năm 2025/);
    assertNoPageErrors(page);
    await page.context().close();
  });

  test('the office reads the settings without a form', { timeout: TEST_TIMEOUT }, async () => {
    const page = await signedIn('vanphong');
    await visit(page, '/quan-ly/cau-hinh', 'settings-read-only');
    assert.equal(await page.locator('form input[name="cstdcs_quota_percent"]').count(), 0);
    assert.match(NFC(await page.locator('main').innerText()), /Tỷ lệ Chiến sĩ thi đua cơ sở/);
    assertNoPageErrors(page);
    await page.context().close();
  });
});
