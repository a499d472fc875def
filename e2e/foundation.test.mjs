// The foundation journeys through the real server (thidua demo --size small): sign-in, search without
// diacritics, a refused edit, an import with a bad row, and a unit officer kept out of another unit.
// Every page visited is screenshotted and checked with axe (lib.mjs).
//
// Demo accounts: vanphong (office), donvi (unit_officer), admin; the password is always thidua-demo.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import {
  NFC, DEMO_PASSWORD, apiGet, assertNoPageErrors, checkA11y, columnIndex, launchBrowser, navigate,
  newContext, screenshot, signIn, startServer, tableRows, visit, watchPage,
} from './lib.mjs';

const TEST_TIMEOUT = 120_000;

describe('foundation journeys', { timeout: 30 * 60_000 }, () => {
  let server;
  let browser;
  const contexts = [];

  before(async () => {
    server = await startServer({ size: 'small' });
    browser = await launchBrowser();
  }, { timeout: 240_000 });

  after(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    await server?.stop();
  });

  async function freshPage(options = {}) {
    const context = await newContext(browser, server.baseURL, options);
    contexts.push(context);
    return watchPage(await context.newPage());
  }

  async function signedIn(username, options = {}) {
    const page = await freshPage(options);
    await signIn(page, username);
    assert.equal(new URL(page.url()).pathname, '/quan-ly/', `${username} should land on /quan-ly/`);
    return page;
  }

  // The link of every person in the people list page currently shown, with the row's text.
  async function personLinks(page) {
    const rows = tableRows(page);
    const links = [];
    for (let i = 0; i < await rows.count(); i += 1) {
      const link = rows.nth(i).locator('a[href*="/ca-nhan/"]').first();
      if (await link.count() === 0) continue;
      links.push({ href: await link.getAttribute('href'), text: NFC(await rows.nth(i).innerText()) });
    }
    return links;
  }

  test('1. an office user signs in and lands on the workspace; a wrong password is refused',
    { timeout: TEST_TIMEOUT }, async () => {
      const page = await freshPage();
      await visit(page, '/dang-nhap', 'dang-nhap');
      await page.fill('#username', 'vanphong');
      await page.fill('#password', 'sai-mat-khau');
      await navigate(page, () => page.getByRole('button', { name: 'Đăng nhập', exact: true }).click(), 'dang-nhap-sai');
      assert.equal(new URL(page.url()).pathname, '/dang-nhap');
      await assert.doesNotReject(page.locator('[role="alert"]').first().waitFor({ state: 'visible' }),
        'a wrong password shows an error');
      assert.equal(await page.locator('.userbox').count(), 0, 'nobody is signed in');

      await page.fill('#username', 'vanphong');
      await page.fill('#password', DEMO_PASSWORD);
      await navigate(page, () => page.getByRole('button', { name: 'Đăng nhập', exact: true }).click(), 'tong-quan');
      assert.equal(new URL(page.url()).pathname, '/quan-ly/');
      const shownName = NFC(await page.locator('.userbox__name').innerText()).trim();
      assert.ok(shownName.length > 0, "the user's name is shown in the header");
      const me = await apiGet(page, '/api/v1/me');
      assert.equal(me.status, 200);
      const name = NFC(me.body.display_name ?? me.body.name ?? me.body.full_name ?? me.body.user?.display_name ?? '');
      if (name) assert.equal(shownName, name);
      assertNoPageErrors(page);
    });

  test('2. a search typed without diacritics finds the names with them, and sorting keeps it',
    { timeout: TEST_TIMEOUT }, async () => {
      const page = await signedIn('vanphong');
      await visit(page, '/quan-ly/ca-nhan', 'ca-nhan');
      await page.fill('input[name="q"]', 'nguyen van');
      await navigate(page, () => page.locator('input[name="q"]').press('Enter'), 'ca-nhan-nguyen-van');
      assert.equal(new URL(page.url()).searchParams.get('q'), 'nguyen van');

      let nameColumn = await columnIndex(page, /họ( và)? tên/i);
      if (nameColumn < 0) nameColumn = await columnIndex(page, /tên/i);
      assert.ok(nameColumn >= 0, 'the people table has a name column');
      const names = async () => {
        const rows = tableRows(page);
        const out = [];
        for (let i = 0; i < await rows.count(); i += 1) {
          out.push(NFC(await rows.nth(i).locator('td').nth(nameColumn).innerText()).trim());
        }
        return out;
      };
      const found = await names();
      assert.ok(found.length > 0, 'the demo province has people called Nguyễn Văn …');
      for (const name of found) assert.ok(name.includes(NFC('Nguyễn Văn')), `"${name}" should contain "Nguyễn Văn"`);

      const header = page.locator('table.data-table').first().locator('thead th').nth(nameColumn);
      await navigate(page, () => header.locator('a').click(), 'ca-nhan-sap-xep-ten');
      const url = new URL(page.url());
      assert.equal(url.searchParams.get('q'), 'nguyen van', 'sorting keeps the search');
      assert.ok(url.searchParams.get('sort'), 'the sort is in the URL');
      assert.match(await header.getAttribute('aria-sort') ?? '', /ascending|descending/);
      const sorted = await names();
      assert.ok(sorted.length > 0);
      for (const name of sorted) assert.ok(name.includes(NFC('Nguyễn Văn')), `"${name}" should contain "Nguyễn Văn"`);
      assertNoPageErrors(page);
    });

  test('3. an invalid edit is refused with the errors beside their fields, and nothing is stored',
    { timeout: TEST_TIMEOUT }, async () => {
      const page = await signedIn('vanphong');
      await visit(page, '/quan-ly/ca-nhan', 'ca-nhan');
      const [first] = await personLinks(page);
      assert.ok(first, 'the people list has a person');
      await visit(page, first.href, 'ca-nhan-chi-tiet');
      const code = decodeURIComponent(new URL(page.url()).pathname.split('/').filter(Boolean).pop());
      const before = await apiGet(page, `/api/v1/people/${encodeURIComponent(code)}`);
      assert.equal(before.status, 200, `GET /api/v1/people/${code}`);

      await navigate(page, () => page.getByRole('link', { name: /Sửa/ }).first().click(), 'ca-nhan-sua');
      await page.fill('#full_name', '');
      await page.fill('#birth_date', '31/02/2020');
      await navigate(page, () => page.locator('form:has(#full_name) [type="submit"]').first().click(),
        'ca-nhan-sua-loi');

      await page.locator('#full_name-error').waitFor({ state: 'visible' });
      await page.locator('#birth_date-error').waitFor({ state: 'visible' });
      assert.equal(await page.locator('#full_name').getAttribute('aria-invalid'), 'true');
      assert.equal(await page.locator('#birth_date').getAttribute('aria-invalid'), 'true');
      assert.match(await page.locator('#full_name').getAttribute('aria-describedby') ?? '', /full_name-error/);
      assert.equal(await page.locator('#birth_date').inputValue(), '31/02/2020', 'what was typed is kept');

      const afterEdit = await apiGet(page, `/api/v1/people/${encodeURIComponent(code)}`);
      assert.equal(afterEdit.status, 200);
      assert.equal(afterEdit.body.full_name, before.body.full_name, 'the stored name is unchanged');
      assert.equal(afterEdit.body.birth_date, before.body.birth_date, 'the stored birth date is unchanged');
      assertNoPageErrors(page);
    });

  // A CSV of one good person and one with gender "xyz" (line 3), with codes no one has.
  async function badImportFile(page) {
    const units = await apiGet(page, '/api/v1/units?per_page=100');
    assert.equal(units.status, 200);
    const unit = units.body.items.find((u) => !u.valid_to) ?? units.body.items[0];
    assert.ok(unit?.code, 'the demo province has a unit');
    const stamp = `${Date.now()}`.slice(-8);
    const good = `E2E${stamp}A`;
    const csv = 'code,full_name,gender,birth_date,unit_code,position,recruited_on\n' +
      `${good},Nguyễn Thị Kiểm Thử,nu,1990-05-17,${unit.code},Chuyên viên,2015-09-01\n` +
      `E2E${stamp}B,Trần Văn Lỗi,xyz,1988-01-02,${unit.code},Chuyên viên,2012-03-04\n`;
    return { good, file: { name: 'ca-nhan.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') } };
  }

  async function assertReportsLine3Gender(page) {
    const row = page.locator('#import-result tbody tr', { hasText: 'gender' }).first();
    await row.waitFor({ state: 'visible', timeout: 60_000 });
    const cells = (await row.locator('td').allInnerTexts()).map((t) => t.trim());
    assert.equal(cells[0], '3', `the bad row is line 3 (got ${JSON.stringify(cells)})`);
    assert.equal(cells[1], 'gender');
    assert.ok(cells[2].length > 0, 'the reason is given');
  }

  async function assertNotWritten(page, code) {
    const api = await apiGet(page, `/api/v1/people/${encodeURIComponent(code)}`);
    assert.equal(api.status, 404, `${code} must not have been written`);
    await visit(page, `/quan-ly/ca-nhan?q=${encodeURIComponent(code)}`, 'ca-nhan-tim-ma');
    assert.equal(await tableRows(page).count(), 0, `searching ${code} finds nothing`);
  }

  test('4. an import with a bad row reports line 3, column gender, and writes nothing',
    { timeout: TEST_TIMEOUT }, async () => {
      const page = await signedIn('vanphong');
      const { good, file } = await badImportFile(page);
      await visit(page, '/quan-ly/nhap-du-lieu', 'nhap-du-lieu');
      await page.selectOption('select[name="kind"]', 'people');
      await page.setInputFiles('input[name="file"]', file);
      await page.locator('form[data-enhance="import"] [type="submit"]').click();
      await assertReportsLine3Gender(page);
      await screenshot(page, 'nhap-du-lieu-ket-qua');
      await checkA11y(page, 'nhap-du-lieu-ket-qua');
      assert.equal(new URL(page.url()).pathname, '/quan-ly/nhap-du-lieu', 'the upload went through JavaScript');
      assertNoPageErrors(page);
      await assertNotWritten(page, good);
    });

  test('4b. the same import works without JavaScript', { timeout: TEST_TIMEOUT }, async () => {
    const page = await signedIn('vanphong', { javaScriptEnabled: false });
    const { good, file } = await badImportFile(page);
    await visit(page, '/quan-ly/nhap-du-lieu', 'nhap-du-lieu-khong-js');
    await page.selectOption('select[name="kind"]', 'people');
    await page.setInputFiles('input[name="file"]', file);
    await navigate(page, () => page.locator('form[data-enhance="import"] [type="submit"]').click(),
      'nhap-du-lieu-khong-js-ket-qua');
    await assertReportsLine3Gender(page);
    await assertNotWritten(page, good);
  });

  test("5. a unit officer who opens a person outside the unit by URL gets the 404 page",
    { timeout: TEST_TIMEOUT }, async () => {
      const office = await signedIn('vanphong');
      const officer = await signedIn('donvi');

      const inScope = await apiGet(officer, '/api/v1/people?per_page=100');
      assert.equal(inScope.status, 200);
      const known = new Set(inScope.body.items.map((p) => p.code));
      const everyone = await apiGet(office, '/api/v1/people?per_page=100');
      assert.equal(everyone.status, 200);
      let outsider = null;
      for (const person of everyone.body.items.filter((p) => !known.has(p.code)).slice(0, 20)) {
        if ((await apiGet(officer, `/api/v1/people/${encodeURIComponent(person.code)}`)).status === 404) {
          outsider = person.code;
          break;
        }
      }
      assert.ok(outsider, 'the demo province has people outside the unit officer\'s scope');

      // The detail page's address, as the office user's own list links it.
      await visit(office, `/quan-ly/ca-nhan?q=${encodeURIComponent(outsider)}`, 'ca-nhan-ngoai-pham-vi');
      const link = (await personLinks(office)).find((l) => l.href.includes(encodeURIComponent(outsider)) ||
        l.href.includes(outsider));
      assert.ok(link, `the office user's list links ${outsider}`);

      const response = await visit(officer, link.href, 'don-vi-mo-ca-nhan-ngoai-pham-vi');
      assert.equal(response.status(), 404);
      await officer.locator('.error-page').waitFor({ state: 'visible' });
      assert.match(NFC(await officer.locator('h1').first().innerText()), /Không tìm thấy/);
      assertNoPageErrors(officer);
    });
});
