// The "who qualifies in year Y for award X" journeys through the real server (thidua demo --size small):
// an office user reaches the screen from the navigation, chooses year and award, narrows by field and by
// unit, opens one person's reasons, follows the link to their page and downloads the xlsx, whose rows
// match the screen; a unit officer, without JavaScript, reaches it from the dashboard, sees only their
// commune (and can open everyone listed), and gets a Vietnamese error for a year without rules.
// Every page visited is screenshotted and checked with axe (lib.mjs).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import {
  NFC, DEMO_PASSWORD, assertNoPageErrors, launchBrowser, navigate, newContext, signIn, startServer,
  tableRows, visit, watchPage,
} from './lib.mjs';

const TEST_TIMEOUT = 180_000;
const YEAR = String(new Date().getFullYear() - 1);  // the screen's default: the last full year
const OFFICER_UNIT = 'XA_THANH_TRACH';              // donvi's commune in the demo province

// The rows of an xlsx the screen exported: [[cell text, …], …] of its first sheet (header included).
async function readXlsx(bytes) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'thidua-xlsx-'));
  try {
    const file = path.join(dir, 'x.xlsx');
    await writeFile(file, bytes);
    const unzip = (entry) => execFileSync('unzip', ['-p', file, entry], { encoding: 'utf8' });
    const decode = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'").replace(/&amp;/g, '&');
    const strings = [...unzip('xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)]
      .map((m) => decode([...m[1].matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join('')));
    return [...unzip('xl/worksheets/sheet1.xml').matchAll(/<row [^>]*>([\s\S]*?)<\/row>/g)].map((row) =>
      [...row[1].matchAll(/<c r="[A-Z]+\d+"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)].map((c) => {
        const value = /<v>([\s\S]*?)<\/v>/.exec(c[2] ?? '')?.[1] ?? '';
        return /t="s"/.test(c[1]) ? strings[Number(value)] : decode(value);
      }));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// The screen's rows: [{code, name, href, unit, field}].
async function screenRows(page) {
  const rows = tableRows(page);
  const out = [];
  for (let i = 0; i < await rows.count(); i += 1) {
    const cells = rows.nth(i).locator(':scope > td');
    const link = cells.nth(2).locator('a');
    out.push({
      code: NFC(await cells.nth(1).innerText()).trim(),
      name: NFC(await link.innerText()).trim(),
      href: await link.getAttribute('href'),
      unit: NFC(await cells.nth(3).innerText()).trim(),
      field: NFC(await cells.nth(4).innerText()).trim(),
    });
  }
  return out;
}

// "1.234 người đủ điều kiện" → 1234.
async function eligibleCount(page) {
  const text = NFC(await page.locator('.eligibility-summary__count').innerText());
  const match = /([\d.]+) (người|đơn vị) đủ điều kiện/.exec(text);
  assert.ok(match, `no count in "${text}"`);
  return Number(match[1].replace(/\./g, ''));
}

describe('eligibility journeys', { timeout: 30 * 60_000 }, () => {
  let server;
  let browser;
  const contexts = [];

  before(async () => {
    server = await startServer({ size: 'small' });
    browser = await launchBrowser();
    // Make sure the officer's commune has people rated HTXS in YEAR (the demo may or may not carry
    // evaluations): a bearer-authenticated API call needs no CSRF token.
    const login = await fetch(`${server.baseURL}/api/v1/auth/login`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'vanphong', password: DEMO_PASSWORD }),
    });
    const { token } = await login.json();
    const auth = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
    const people = await (await fetch(`${server.baseURL}/api/v1/people?unit=${OFFICER_UNIT}&per_page=8`,
      { headers: auth })).json();
    for (const person of people.items) {
      await fetch(`${server.baseURL}/api/v1/evaluations`, {
        method: 'POST', headers: auth,
        body: JSON.stringify({ subject_type: 'person', subject_code: person.code, year: YEAR, rating: 'HTXS' }),
      });  // 409 when the demo already rated them: fine
    }
  }, { timeout: 240_000 });

  after(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    await server?.stop();
  });

  async function signedIn(username, options = {}) {
    const context = await newContext(browser, server.baseURL, options);
    contexts.push(context);
    const page = watchPage(await context.newPage());
    await signIn(page, username);
    return page;
  }

  test('1. the office chooses year and award, filters by field and unit, reads the reasons, opens the page '
    + 'and exports the same rows', { timeout: TEST_TIMEOUT }, async () => {
    const page = await signedIn('vanphong');
    await navigate(page, () => page.getByRole('navigation').getByRole('link', { name: 'Xét khen thưởng' }).click(),
      'xet-khen-thuong');
    assert.match(NFC(await page.locator('h1').innerText()), /Xét khen thưởng/);
    assert.equal(await page.locator('#elig-year').inputValue(), YEAR);

    await page.fill('#elig-year', YEAR);
    await page.selectOption('#elig-award', 'LDTT');
    await navigate(page, () => page.getByRole('button', { name: 'Xem danh sách' }).click(), 'xet-ldtt');
    assert.match(NFC(await page.locator('#result-title').innerText()), new RegExp(`Lao động tiên tiến năm ${YEAR}`));
    const all = await eligibleCount(page);
    assert.ok(all > 0, 'somebody is eligible for LDTT');
    assert.match(NFC(await page.locator('.eligibility-summary').innerText()), /trong số [\d.]+ người được xét/);
    const first = await screenRows(page);
    assert.ok(first.length > 0 && first.length <= 50, 'a page holds at most 50 rows');

    // Field: the field of the first row's unit; every row then shows it.
    const field = first.find((r) => r.field !== '—')?.field;
    assert.ok(field, 'some row has a field');
    await page.selectOption('#elig-field', { label: field });
    await navigate(page, () => page.getByRole('button', { name: 'Xem danh sách' }).click(), 'xet-linh-vuc');
    const byField = await eligibleCount(page);
    assert.ok(byField > 0 && byField <= all);
    for (const row of await screenRows(page)) assert.equal(row.field, field, row.code);

    // Unit: the officer's commune (its subtree), any field.
    await page.selectOption('#elig-field', '');
    await page.selectOption('#elig-unit', OFFICER_UNIT);
    await navigate(page, () => page.getByRole('button', { name: 'Xem danh sách' }).click(), 'xet-don-vi');
    const byUnit = await eligibleCount(page);
    assert.ok(byUnit > 0 && byUnit <= 50 && byUnit <= all, `the commune lists ${byUnit}`);
    const rows = await screenRows(page);
    assert.equal(rows.length, byUnit);

    // The reasons of the first row, one click away.
    const details = tableRows(page).first().locator('details');
    await details.locator('summary').click();
    assert.equal(await details.getAttribute('open'), '');
    const reasons = NFC(await details.innerText());
    assert.match(reasons, /Đạt/);
    assert.match(reasons, /Căn cứ: .*(Luật|Nghị định|Thông tư)/);

    // The xlsx of the same filters holds the same rows, in the same order.
    const href = await page.getByRole('link', { name: /Xuất Excel/ }).getAttribute('href');
    assert.match(href, /^\/quan-ly\/xet-khen-thuong\/xuat\.xlsx\?/);
    const exported = await page.request.get(href);
    assert.equal(exported.status(), 200);
    assert.match(exported.headers()['content-type'], /spreadsheetml/);
    const sheet = await readXlsx(await exported.body());
    assert.deepEqual(sheet[0], ['STT', 'Mã', 'Họ và tên', 'Đơn vị', 'Lĩnh vực', 'Danh hiệu, hình thức', 'Năm',
      'Bộ quy tắc', 'Căn cứ, điều kiện']);
    assert.deepEqual(sheet.slice(1).map((r) => r[1]), rows.map((r) => r.code));
    assert.deepEqual(sheet.slice(1).map((r) => NFC(r[2])), rows.map((r) => r.name));
    for (const r of sheet.slice(1)) {
      assert.equal(r[5], 'Lao động tiên tiến');
      assert.equal(r[6], YEAR);
      assert.match(NFC(r[8]), /Căn cứ: /);
    }

    // The name leads to the person's page for that year.
    await navigate(page, () => tableRows(page).first().locator('td').nth(2).getByRole('link').click(), 'xet-ca-nhan');
    assert.equal(new URL(page.url()).pathname + new URL(page.url()).search, rows[0].href);
    assert.equal(NFC(await page.locator('h1').innerText()).trim(), rows[0].name);
    assert.match(NFC(await page.locator('#eligibility-title').innerText()), new RegExp(`năm ${YEAR}`));
    assertNoPageErrors(page);
  });

  test('2. a unit officer, without JavaScript, sees only their commune, opens whoever is listed, and is told '
    + 'plainly about a year without rules', { timeout: TEST_TIMEOUT }, async () => {
    const page = await signedIn('donvi', { javaScriptEnabled: false });
    await navigate(page, () => page.getByRole('link', { name: 'Ai đủ điều kiện khen thưởng năm trước' }).click(),
      'xet-can-bo');
    assert.equal(await page.locator('#elig-year').inputValue(), YEAR);
    const count = await eligibleCount(page);
    assert.ok(count > 0, 'the commune has somebody eligible for LDTT');
    const rows = await screenRows(page);
    assert.equal(rows.length, Math.min(count, 50));
    const units = await page.locator('#elig-unit option').allInnerTexts();
    assert.ok(units.some((u) => u.includes(OFFICER_UNIT)), 'the commune is offered');
    assert.ok(!units.some((u) => u.includes('(BTDKT)')), 'units outside the scope are not offered');

    for (const row of rows.slice(0, 3)) {
      const response = await page.goto(row.href);
      assert.equal(response.status(), 200, `${row.code} opens for the officer who saw them listed`);
    }

    await visit(page, '/quan-ly/xet-khen-thuong', 'xet-can-bo-lai');
    await page.fill('#elig-year', '2020');
    await navigate(page, () => page.getByRole('button', { name: 'Xem danh sách' }).click(), 'xet-nam-2020');
    assert.match(NFC(await page.locator('[role="alert"]').first().innerText()), /Chưa có bộ quy tắc cho năm 2020/);
    assert.equal(await page.locator('#elig-year').inputValue(), '2020');
    assert.equal(await page.locator('.eligibility-summary').count(), 0);
    assertNoPageErrors(page);
  });
});
