// The records journeys through the real server (thidua demo --size small): an office user records an
// evaluation and an award on a person's page (a decision dated before its achievement period is refused
// beside its field), sees them in the person's timeline, revokes the award, finds it marked in the
// awards list filtered by year, award and person, and exports the list; the catalogue lists DOMAIN.md's
// codes. The person is one without a CSTDCS award for 2024 among the demo's records.
// Every page visited is screenshotted and checked with axe (lib.mjs).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import {
  NFC, apiGet, assertNoPageErrors, launchBrowser, navigate, newContext, signIn, startServer, tableRows,
  visit, watchPage,
} from './lib.mjs';

const TEST_TIMEOUT = 120_000;

describe('records journeys', { timeout: 30 * 60_000 }, () => {
  let server;
  let browser;
  let page;

  before(async () => {
    server = await startServer({ size: 'small' });
    browser = await launchBrowser();
    const context = await newContext(browser, server.baseURL);
    page = watchPage(await context.newPage());
    await signIn(page, 'vanphong');
  }, { timeout: 240_000 });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  let person;  // {code, full_name}

  test('1. a person\'s page shows the records section with its forms', { timeout: TEST_TIMEOUT }, async () => {
    // Someone without a CSTDCS award for 2024 (the demo's records give many people one), so that the
    // award recorded below is new.
    const people = await apiGet(page, '/api/v1/people?per_page=100');
    assert.equal(people.status, 200);
    for (const candidate of people.body.items) {
      const held = await apiGet(page, `/api/v1/people/${candidate.code}/awards`);
      if (!held.body.items.some((a) => a.award_code === 'CSTDCS' && a.year === 2024)) {
        person = candidate;
        break;
      }
    }
    assert.ok(person, 'a person without a CSTDCS award for 2024');
    await visit(page, `/quan-ly/ca-nhan/${person.code}`, 'records-person');
    assert.match(NFC(await page.locator('#records-title').innerText()), /Quá trình thi đua, khen thưởng/);
    for (const label of ['Thêm xếp loại', 'Thêm sáng kiến', 'Thêm kỷ luật', 'Thêm khen thưởng']) {
      assert.equal(await page.getByRole('link', { name: label }).count(), 1, label);
    }
    assertNoPageErrors(page);
  });

  test('2. an evaluation and an award are recorded; an early decision is refused beside its field',
    { timeout: TEST_TIMEOUT }, async () => {
      await navigate(page, () => page.getByRole('link', { name: 'Thêm xếp loại' }).click(), 'records-evaluation-form');
      await page.fill('#year', '2024');
      await page.selectOption('#rating', 'HTXS');
      await navigate(page, () => page.getByRole('button', { name: 'Lưu' }).click(), 'records-evaluation-saved');
      assert.match(NFC(await page.locator('.timeline').first().innerText()), /Hoàn thành xuất sắc nhiệm vụ/);

      await navigate(page, () => page.getByRole('link', { name: 'Thêm khen thưởng' }).click(), 'records-award-form');
      await page.selectOption('#award_code', 'CSTDCS');
      await page.fill('#year', '2024');
      await page.fill('#decision_no', '15/QĐ-UBND');
      await page.fill('#decision_date', '20/12/2023');
      await page.fill('#issuer', 'UBND xã Thanh Trạch');
      await navigate(page, () => page.getByRole('button', { name: 'Lưu' }).click(), 'records-award-refused');
      assert.match(NFC(await page.locator('#decision_date-error').innerText()), /trước khi thời kỳ thành tích bắt đầu/);
      await page.fill('#decision_date', '15/01/2025');
      await navigate(page, () => page.getByRole('button', { name: 'Lưu' }).click(), 'records-award-saved');
      assert.match(NFC(await page.locator('.timeline').first().innerText()), /Chiến sĩ thi đua cơ sở năm 2024/);
      assertNoPageErrors(page);
    });

  test('3. the office revokes the award; the list marks it and exports it', { timeout: TEST_TIMEOUT }, async () => {
    await navigate(page, () => page.getByRole('link', { name: /Chiến sĩ thi đua cơ sở năm 2024/ }).click(),
      'records-award-page');
    await page.fill('#revoke_reason', 'Thu hồi theo Quyết định số 3/QĐ-UBND');
    await navigate(page, () => page.getByRole('button', { name: 'Thu hồi' }).click(), 'records-award-revoked');
    assert.match(NFC(await page.locator('h1').innerText()), /Đã thu hồi/);

    const awards = await apiGet(page, `/api/v1/people/${person.code}/awards`);
    assert.equal(awards.status, 200);
    const revoked = awards.body.items.filter((a) => a.award_code === 'CSTDCS' && a.year === 2024);
    assert.equal(revoked.length, 1);
    assert.equal(revoked[0].revoked, true);

    const filter = `year=2024&award=CSTDCS&q=${encodeURIComponent(person.code)}`;
    await visit(page, `/quan-ly/khen-thuong?${filter}`, 'records-awards-list');
    const rows = tableRows(page);
    assert.equal(await rows.count(), 1);
    assert.match(NFC(await page.locator('table.data-table').innerText()), /Đã thu hồi/);
    const exported = await page.request.get(`/quan-ly/khen-thuong/xuat.xlsx?${filter}`);
    assert.equal(exported.status(), 200);
    assert.match(exported.headers()['content-type'], /spreadsheetml/);
    assertNoPageErrors(page);
  });

  test('4. the catalogue lists every award code of DOMAIN.md', { timeout: TEST_TIMEOUT }, async () => {
    await visit(page, '/quan-ly/danh-muc-khen-thuong', 'records-catalogue');
    const text = NFC(await page.locator('table.data-table').innerText());
    for (const code of ['LDTT', 'CSTDCS', 'CSTD_TINH', 'CSTD_TQ', 'TTLDTT', 'TTLDXS', 'CO_TINH', 'CO_CP', 'GK',
      'BK_TINH', 'BK_TTG', 'HCLD3', 'HCLD2', 'HCLD1']) {
      assert.match(text, new RegExp(`\\b${code}\\b`), code);
    }
    assertNoPageErrors(page);
  });
});
