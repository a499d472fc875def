#!/usr/bin/env node
// Helpers for bench/run (Node.js is already a dependency of thidua, for e2e/): small HTTP clients
// against 127.0.0.1 only.
//
//   tool.mjs free-port                          a free loopback TCP port
//   tool.mjs login BASE USER PASSWORD           prints the bearer token
//   tool.mjs get BASE PATH TOKEN OUT            saves the body of GET PATH to OUT; prints "status bytes total"
//   tool.mjs seq BASE TOKEN N OUT_TSV [MAX_S]   N sequential requests on one keep-alive connection (stops
//                                               after MAX_S seconds, default 300), rotating the queries of
//                                               people_search.lua; writes
//                                               "query<TAB>status<TAB>ms" lines and prints percentiles
//   tool.mjs timed BASE TOKEN N PATH…          each PATH N times in turn on fresh connections; prints
//                                               "PATH<TAB>status<TAB>bytes<TAB>total<TAB>min_ms<TAB>median_ms<TAB>max_ms"
//   tool.mjs export BASE TOKEN DIR              DIR/units.csv and DIR/people.csv, import-ready (API.md "Imports")
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';

const [, , command, ...args] = process.argv;

function loopback(base) {
  const url = new URL(base);
  if (url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') throw new Error(`loopback only: ${base}`);
  return url;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

function request(base, method, path, { token, body } = {}) {
  const url = loopback(base);
  const headers = { Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    headers['Content-Length'] = Buffer.byteLength(body);
  }
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: url.hostname, port: url.port, method, path, headers, agent, timeout: 60000 },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`timeout: ${method} ${path}`)));
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

async function getJson(base, path, token) {
  const res = await request(base, 'GET', path, { token });
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${res.body.toString().slice(0, 200)}`);
  return JSON.parse(res.body.toString());
}

// The queries of bench/people_search.lua, in the same order.
function luaQueries() {
  const lua = fs.readFileSync(new URL('./people_search.lua', import.meta.url), 'utf8');
  return [...lua.matchAll(/^\s*"(\/api\/v1\/people[^"]*)"/gm)].map((m) => m[1]);
}

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);  // nearest rank
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

function csvField(value) {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

async function exportCsv(base, token, dir, path, columns, file) {
  const lines = [columns.join(',')];
  for (let page = 1; ; ++page) {
    const body = await getJson(base, `${path}?per_page=500&page=${page}&sort=code`, token);
    for (const item of body.items) lines.push(columns.map((c) => csvField(item[c])).join(','));
    if (page * 500 >= body.total) break;
  }
  fs.writeFileSync(`${dir}/${file}`, lines.join('\r\n') + '\r\n');
  return lines.length - 1;
}

async function main() {
  switch (command) {
    case 'free-port': {
      const server = net.createServer();
      await new Promise((r) => server.listen(0, '127.0.0.1', r));
      console.log(server.address().port);
      server.close();
      return;
    }
    case 'login': {
      const [base, username, password] = args;
      const res = await request(base, 'POST', '/api/v1/auth/login', { body: JSON.stringify({ username, password }) });
      if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${res.body}`);
      console.log(JSON.parse(res.body.toString()).token);
      return;
    }
    case 'get': {
      const [base, path, token, out] = args;
      const res = await request(base, 'GET', path, { token: token || undefined });
      fs.writeFileSync(out, res.body);
      let total = '';
      try { total = JSON.parse(res.body.toString()).total ?? ''; } catch { /* not JSON */ }
      console.log(`${res.status} ${res.body.length} ${total}`);
      return;
    }
    case 'seq': {
      const [base, token, n, out, maxSeconds = '300'] = args;
      const deadline = process.hrtime.bigint() + BigInt(Math.round(Number(maxSeconds) * 1e9));
      const queries = luaQueries();
      const rows = [];
      const byQuery = new Map(queries.map((q) => [q, []]));
      const all = [];
      let errors = 0;
      for (let i = 0; i < 10; ++i) await request(base, 'GET', queries[i % queries.length], { token });  // warm-up
      for (let i = 0; i < Number(n) && process.hrtime.bigint() < deadline; ++i) {
        const q = queries[i % queries.length];
        const start = process.hrtime.bigint();
        const res = await request(base, 'GET', q, { token });
        const ms = Number(process.hrtime.bigint() - start) / 1e6;
        if (res.status !== 200) ++errors;
        rows.push(`${q}\t${res.status}\t${ms.toFixed(3)}`);
        byQuery.get(q).push(ms);
        all.push(ms);
      }
      fs.writeFileSync(out, rows.join('\n') + '\n');
      const fmt = (xs) => {
        const s = [...xs].sort((a, b) => a - b);
        return `p50 ${percentile(s, 50).toFixed(2)} p99 ${percentile(s, 99).toFixed(2)} max ${s[s.length - 1].toFixed(2)}`;
      };
      for (const [q, xs] of byQuery) if (xs.length) console.log(`query ${q}\tn ${xs.length}\t${fmt(xs)}`);
      const s = [...all].sort((a, b) => a - b);
      console.log(`ALL n ${all.length} errors ${errors} p50 ${percentile(s, 50).toFixed(3)} p99 ${percentile(s, 99).toFixed(3)} max ${s[s.length - 1].toFixed(3)}`);
      return;
    }
    case 'timed': {
      const [base, token, n, ...paths] = args;
      for (const path of paths) {
        const ms = [];
        let last;
        for (let i = 0; i < Number(n); ++i) {
          const start = process.hrtime.bigint();
          last = await request(base, 'GET', path, { token });
          ms.push(Number(process.hrtime.bigint() - start) / 1e6);
        }
        let total = '';
        try { total = JSON.parse(last.body.toString()).total ?? ''; } catch { /* not JSON */ }
        ms.sort((a, b) => a - b);
        console.log([path, last.status, last.body.length, total, ms[0].toFixed(1), percentile(ms, 50).toFixed(1),
          ms[ms.length - 1].toFixed(1)].join('\t'));
      }
      return;
    }
    case 'export': {
      const [base, token, dir] = args;
      const units = await exportCsv(base, token, dir, '/api/v1/units',
        ['code', 'name', 'parent_code', 'kind', 'field', 'valid_from', 'valid_to'], 'units.csv');
      const people = await exportCsv(base, token, dir, '/api/v1/people',
        ['code', 'full_name', 'gender', 'birth_date', 'unit_code', 'position', 'recruited_on'], 'people.csv');
      console.log(`units ${units} people ${people}`);
      return;
    }
    default:
      throw new Error(`unknown command: ${command}`);
  }
}

main().then(
  () => agent.destroy(),
  (e) => {
    console.error(`tool.mjs: ${e.message}`);
    agent.destroy();
    process.exit(1);
  },
);
