#include "store/audit_repo.h"

#include <algorithm>

#include "base/crypto.h"

namespace thidua::store::audit {
namespace {

void AppendField(std::string& out, std::string_view value) {
  out += std::to_string(value.size());
  out += ':';
  out += value;
  out += ';';
}

void AppendOptional(std::string& out, const std::optional<std::string>& value) {
  if (!value) {
    out += "-;";
    return;
  }
  AppendField(out, *value);
}

constexpr const char* kSelect =
    "SELECT id, at, actor, action, entity, entity_id, before, after, prev_hash, hash FROM audit_log ";

Entry FromRow(const Row& row) {
  Entry e;
  e.id = row.Int(0);
  e.at = row.Int(1);
  e.actor = row.Text(2);
  e.action = row.Text(3);
  e.entity = row.Text(4);
  e.entity_id = row.Text(5);
  e.before = row.OptText(6);
  e.after = row.OptText(7);
  e.prev_hash = row.Text(8);
  e.hash = row.Text(9);
  return e;
}

Result<std::vector<Entry>> Select(Conn& conn, const std::string& tail, const std::vector<Value>& params) {
  Result<Rows> rows = conn.Query(kSelect + tail, params);
  if (!rows.ok()) return rows.status();
  std::vector<Entry> entries;
  entries.reserve(rows->size());
  for (const Row& row : *rows) entries.push_back(FromRow(row));
  return entries;
}

}  // namespace

std::string ChainHash(const Entry& e) {
  std::string data;
  AppendField(data, e.prev_hash);
  AppendField(data, std::to_string(e.id));
  AppendField(data, std::to_string(e.at));
  AppendField(data, e.actor);
  AppendField(data, e.action);
  AppendField(data, e.entity);
  AppendField(data, e.entity_id);
  AppendOptional(data, e.before);
  AppendOptional(data, e.after);
  return Sha256Hex(data);
}

Result<int64_t> Append(Conn& conn, Entry entry) {
  std::vector<Entry> one;
  one.push_back(std::move(entry));
  return AppendMany(conn, std::move(one));
}

Result<int64_t> AppendMany(Conn& conn, std::vector<Entry> entries) {
  if (entries.empty()) return int64_t{0};
  // The UPDATE takes the head row's lock before we read the last hash.
  Result<Rows> head = conn.Query("UPDATE audit_head SET seq = seq + $1 WHERE id = 1 RETURNING seq, last_hash",
                                 {static_cast<int64_t>(entries.size())});
  if (!head.ok()) return head.status();
  if (head->empty()) return Internal("audit_head row is missing");
  int64_t id = head->front().Int(0) - static_cast<int64_t>(entries.size());
  std::string prev_hash = head->front().Text(1);
  for (Entry& entry : entries) {
    entry.id = ++id;
    entry.prev_hash = prev_hash;
    entry.hash = ChainHash(entry);
    prev_hash = entry.hash;
  }
  constexpr size_t kRowsPerInsert = 100;
  for (size_t start = 0; start < entries.size(); start += kRowsPerInsert) {
    size_t end = std::min(entries.size(), start + kRowsPerInsert);
    std::string sql = "INSERT INTO audit_log (id, at, actor, action, entity, entity_id, before, after, prev_hash, hash) VALUES ";
    std::vector<Value> params;
    params.reserve((end - start) * 10);
    for (size_t i = start; i < end; ++i) {
      const Entry& e = entries[i];
      size_t n = params.size();
      sql += (i == start ? "(" : ", (");
      for (size_t k = 1; k <= 10; ++k) sql += "$" + std::to_string(n + k) + (k < 10 ? ", " : ")");
      for (Value v : {Value(e.id), Value(e.at), Value(e.actor), Value(e.action), Value(e.entity), Value(e.entity_id),
                      Opt(e.before), Opt(e.after), Value(e.prev_hash), Value(e.hash)}) {
        params.push_back(std::move(v));
      }
    }
    THIDUA_RETURN_IF_ERROR(conn.Exec(sql, params).status());
  }
  THIDUA_RETURN_IF_ERROR(conn.Exec("UPDATE audit_head SET last_hash = $1 WHERE id = 1", {prev_hash}).status());
  return id;
}

Result<std::vector<Entry>> ForEntity(Conn& conn, const std::string& entity, const std::string& entity_id,
                                     int64_t limit) {
  return Select(conn, "WHERE entity = $1 AND entity_id = $2 ORDER BY id DESC LIMIT $3", {entity, entity_id, limit});
}

Result<std::vector<Entry>> Recent(Conn& conn, int64_t limit, int64_t offset) {
  return Select(conn, "ORDER BY id DESC LIMIT $1 OFFSET $2", {limit, offset});
}

Result<int64_t> Count(Conn& conn) {
  Result<Rows> rows = conn.Query("SELECT seq FROM audit_head WHERE id = 1");
  if (!rows.ok()) return rows.status();
  return rows->empty() ? 0 : rows->front().Int(0);
}

Result<VerifyResult> Verify(Conn& conn) {
  VerifyResult result;
  std::string prev_hash;
  int64_t expected_id = 1;
  auto fail = [&](int64_t id, std::string problem) {
    result.ok = false;
    result.first_bad_id = id;
    result.problem = std::move(problem);
    return result;
  };
  for (;;) {
    Result<std::vector<Entry>> batch = Select(conn, "WHERE id >= $1 ORDER BY id LIMIT 5000", {expected_id});
    if (!batch.ok()) return batch.status();
    if (batch->empty()) break;
    for (const Entry& e : *batch) {
      if (e.id != expected_id) return fail(expected_id, "Thiếu dòng nhật ký số " + std::to_string(expected_id) + " (đã bị xóa).");
      if (e.prev_hash != prev_hash) return fail(e.id, "Dòng " + std::to_string(e.id) + " không nối với dòng trước.");
      if (ChainHash(e) != e.hash) return fail(e.id, "Dòng " + std::to_string(e.id) + " đã bị sửa (mã băm không khớp).");
      prev_hash = e.hash;
      ++expected_id;
      ++result.rows;
    }
  }
  Result<Rows> head = conn.Query("SELECT seq, last_hash FROM audit_head WHERE id = 1");
  if (!head.ok()) return head.status();
  if (head->empty()) return fail(expected_id, "Mất bản ghi đầu chuỗi nhật ký.");
  int64_t seq = head->front().Int(0);
  if (seq != result.rows || head->front().Text(1) != prev_hash) {
    return fail(result.rows + 1, "Các dòng cuối của nhật ký đã bị xóa (đầu chuỗi ghi " + std::to_string(seq) +
                                     " dòng, còn " + std::to_string(result.rows) + " dòng).");
  }
  return result;
}

}  // namespace thidua::store::audit
