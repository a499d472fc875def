#include "store/person_repo.h"

#include "domain/text.h"

namespace thidua::store::people {
namespace {

// Columns 0–6 of a person, then the current unit's code and name (7, 8). $1 is today.
constexpr const char* kColumns =
    "p.id, p.code, p.full_name, p.gender, p.birth_date, p.position, p.recruited_on, cu.code, cu.name";
constexpr const char* kCurrentUnitJoin =
    " LEFT JOIN units cu ON cu.id = (SELECT m.unit_id FROM memberships m WHERE m.person_id = p.id"
    " AND m.from_date <= $1 AND (m.to_date IS NULL OR m.to_date >= $1)"
    " ORDER BY m.from_date DESC, m.id DESC LIMIT 1)";

PersonRow FromRow(const Row& row) {
  PersonRow p;
  p.id = PersonId(row.Int(0));
  p.code = row.Text(1);
  p.full_name = row.Text(2);
  p.gender = row.Text(3);
  p.birth_date = ParseDateCell(row, 4);
  p.position = row.Text(5);
  p.recruited_on = ParseDateCell(row, 6);
  p.unit_code = row.OptText(7).value_or("");
  p.unit_name = row.OptText(8).value_or("");
  return p;
}

std::vector<Value> PersonValues(const domain::PersonRecord& p, int64_t now_ms) {
  return {p.code,
          p.full_name,
          p.gender,
          DateValue(p.birth_date),
          p.position,
          DateValue(p.recruited_on),
          domain::SearchKey(p.code + " " + p.full_name),
          domain::NameSortKey(p.full_name),
          now_ms};
}

// The full-text condition on the folded words: FTS5 on SQLite, a GIN-indexed tsvector on PostgreSQL.
// kPhrase wants the words next to each other in order ("nguyen van" finds "Nguyễn Văn An", not
// "Nguyễn Thùy Vân"); kAllWords wants each word anywhere ("nguyen an" finds "Nguyễn Văn An").
// The last word is always a prefix, so results follow the typing.
enum class Match { kPhrase, kAllWords };

std::string SearchCondition(Engine engine, const std::vector<std::string>& words, Match match,
                            std::vector<Value>& params) {
  std::string expression;
  for (size_t i = 0; i < words.size(); ++i) {
    bool last = i + 1 == words.size();
    if (engine == Engine::kSqlite) {
      if (match == Match::kPhrase) expression += (i == 0 ? "\"" : " ") + words[i] + (last ? "\"*" : "");
      else expression += (i == 0 ? "" : " ") + ("\"" + words[i] + "\"*");
    } else {
      std::string separator = match == Match::kPhrase ? " <-> " : " & ";
      expression += (i == 0 ? "" : separator) + words[i] + (match == Match::kPhrase && !last ? "" : ":*");
    }
  }
  params.push_back(expression);
  std::string ref = "$" + std::to_string(params.size());
  if (engine == Engine::kSqlite) return " AND p.id IN (SELECT rowid FROM people_fts WHERE people_fts MATCH " + ref + ")";
  return " AND to_tsvector('simple', p.search_key) @@ to_tsquery('simple', " + ref + ")";
}

// People with a membership open on $1 in the units of `cte`, as a set the planner builds once from
// the memberships index (for lists, where an EXISTS per person would visit every person).
// The word-prefix rule of SearchCondition over the folded key itself, for a walk of the name index.
// Keys are lower-case and folded to ASCII (domain::SearchKey), so SQLite's ASCII LIKE is exact here.
std::string LikeCondition(const std::vector<std::string>& words, Match match, std::vector<Value>& params) {
  auto starts_a_word = [&](const std::string& text) {
    params.push_back(text + "%");
    std::string at_start = "$" + std::to_string(params.size());
    params.push_back("% " + text + "%");
    return " AND (p.search_key LIKE " + at_start + " OR p.search_key LIKE $" + std::to_string(params.size()) + ")";
  };
  if (match == Match::kAllWords) {
    std::string condition;
    for (const std::string& word : words) condition += starts_a_word(word);
    return condition;
  }
  std::string phrase;
  for (const std::string& word : words) phrase += (phrase.empty() ? "" : " ") + word;
  return starts_a_word(phrase);
}

std::string OpenMembersOf(const std::string& cte) {
  return " AND p.id IN (SELECT sm.person_id FROM memberships sm WHERE sm.unit_id IN (SELECT id FROM " + cte +
         ") AND sm.from_date <= $1 AND (sm.to_date IS NULL OR sm.to_date >= $1))";
}

std::string OpenMembershipIn(const std::string& cte) {
  return " AND EXISTS (SELECT 1 FROM memberships sm WHERE sm.person_id = p.id AND sm.unit_id IN (SELECT id FROM " +
         cte + ") AND sm.from_date <= $1 AND (sm.to_date IS NULL OR sm.to_date >= $1))";
}

MembershipRow MembershipFromRow(const Row& row) {
  MembershipRow m;
  m.id = MembershipId(row.Int(0));
  m.person = PersonId(row.Int(1));
  m.person_code = row.Text(2);
  m.person_name = row.Text(3);
  m.unit = UnitId(row.Int(4));
  m.unit_code = row.Text(5);
  m.unit_name = row.Text(6);
  m.from = ParseDateCell(row, 7).value_or(Date(1970, 1, 1));
  m.to = ParseDateCell(row, 8);
  return m;
}

constexpr const char* kMembershipSelect =
    "SELECT m.id, p.id, p.code, p.full_name, u.id, u.code, u.name, m.from_date, m.to_date "
    "FROM memberships m JOIN people p ON p.id = m.person_id JOIN units u ON u.id = m.unit_id ";

}  // namespace

domain::PersonRecord PersonRow::ToRecord() const {
  return {code, full_name, gender, birth_date, unit_code, position, recruited_on};
}

Result<std::optional<PersonRow>> FindByCode(Conn& conn, const std::string& code, Date today) {
  Result<Rows> rows = conn.Query(std::string("SELECT ") + kColumns + " FROM people p" + kCurrentUnitJoin +
                                     " WHERE p.code = $2",
                                 {today.Iso(), code});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<PersonRow>();
  return std::optional<PersonRow>(FromRow(rows->front()));
}

Result<PersonId> Insert(Conn& conn, const domain::PersonRecord& person, int64_t now_ms) {
  Result<Rows> rows = conn.Query(
      "INSERT INTO people (code, full_name, gender, birth_date, position, recruited_on, search_key, sort_key, "
      "updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
      PersonValues(person, now_ms));
  if (!rows.ok()) {
    if (rows.status().code() == Code::kAlreadyExists) {
      Status status = AlreadyExists("Mã cá nhân \"" + person.code + "\" đã tồn tại.");
      status.WithField("code", "Mã cá nhân đã tồn tại.");
      return status;
    }
    return rows.status();
  }
  return PersonId(rows->front().Int(0));
}

Status Update(Conn& conn, PersonId id, const domain::PersonRecord& person, int64_t now_ms) {
  std::vector<Value> values = PersonValues(person, now_ms);
  values.push_back(id.value());
  Result<int64_t> changed = conn.Exec(
      "UPDATE people SET code = $1, full_name = $2, gender = $3, birth_date = $4, position = $5, "
      "recruited_on = $6, search_key = $7, sort_key = $8, updated_at = $9 WHERE id = $10",
      values);
  if (!changed.ok()) {
    if (changed.status().code() == Code::kAlreadyExists) {
      Status status = AlreadyExists("Mã cá nhân \"" + person.code + "\" đã tồn tại.");
      status.WithField("code", "Mã cá nhân đã tồn tại.");
      return status;
    }
    return changed.status();
  }
  if (*changed == 0) return NotFound("Không tìm thấy cá nhân.");
  return Status::Ok();
}

Result<Page<PersonRow>> List(Conn& conn, const ListQuery& query) {
  std::vector<Value> params = {query.today.Iso()};
  std::string with;
  std::string where = " WHERE 1 = 1";
  if (query.scope) {
    params.push_back(query.scope->value());
    with = "WITH RECURSIVE " + SubtreeCte("scope", static_cast<int>(params.size()));
    where += OpenMembersOf("scope");
  }
  if (query.within) {
    params.push_back(query.within->value());
    with += (with.empty() ? "WITH RECURSIVE " : ", ") + SubtreeCte("within_unit", static_cast<int>(params.size()));
    where += OpenMembersOf("within_unit");
  }
  // On SQLite without a scope, the full-text index counts its matches alone (no visit of people).
  bool fts_count = conn.engine() == Engine::kSqlite && !query.scope && !query.within;
  // $1 (today) may be unused in the count; keep the same parameters with a harmless reference.
  auto count_rows = [&](const std::string& condition, const std::vector<Value>& values) {
    if (fts_count && !query.words.empty()) {
      return conn.Query("SELECT COUNT(*) FROM people_fts WHERE people_fts MATCH $1", {values.back()});
    }
    return conn.Query(with + " SELECT COUNT(*) FROM people p" + condition + " AND CAST($1 AS TEXT) IS NOT NULL", values);
  };
  std::vector<Value> base_params = params;
  std::string base_where = where;
  Match match = Match::kPhrase;
  if (!query.words.empty()) where += SearchCondition(conn.engine(), query.words, match, params);
  Result<Rows> count = count_rows(where, params);
  if (!count.ok()) return count.status();
  if (count->front().Int(0) == 0 && query.words.size() > 1) {
    // Nobody has these words side by side: fall back to every word anywhere.
    params = base_params;
    match = Match::kAllWords;
    where = base_where + SearchCondition(conn.engine(), query.words, match, params);
    count = count_rows(where, params);
    if (!count.ok()) return count.status();
  }
  std::string order = "p.sort_key";
  if (query.sort == "code") order = "p.code";
  else if (query.sort == "birth_date") order = "p.birth_date";
  order += query.desc ? " DESC" : " ASC";
  // Many matches in name order: walk the name index and keep the matches (a page is found after a few
  // thousand index entries at most); few matches: fetch them and sort.
  // The walk tests each visited row's folded key with LIKE (the same word-prefix rule as the full-text
  // query), so it stops after the page instead of first collecting every match.
  std::string from = " FROM people p";
  if (conn.engine() == Engine::kSqlite && query.sort != "code" && query.sort != "birth_date" && !query.words.empty() &&
      count->front().Int(0) > query.index_walk_threshold) {
    from = " FROM people p INDEXED BY people_sort";
    params.pop_back();  // the full-text expression
    where = base_where + LikeCondition(query.words, match, params);
  }
  params.push_back(query.limit);
  std::string limit = "$" + std::to_string(params.size());
  params.push_back(query.offset);
  std::string offset = "$" + std::to_string(params.size());
  // The page's ids first, then their columns and current unit: the unit lookup runs for 50 rows,
  // not for every match.
  std::string page_ids = "page_ids(id) AS (SELECT p.id" + from + where + " ORDER BY " + order + ", p.id LIMIT " +
                         limit + " OFFSET " + offset + ")";
  Result<Rows> rows = conn.Query((with.empty() ? "WITH " : with + ", ") + page_ids + " SELECT " + kColumns +
                                     " FROM page_ids JOIN people p ON p.id = page_ids.id" + kCurrentUnitJoin +
                                     " ORDER BY " + order + ", p.id",
                                 params);
  if (!rows.ok()) return rows.status();
  Page<PersonRow> page;
  page.total = count->front().Int(0);
  page.items.reserve(rows->size());
  for (const Row& row : *rows) page.items.push_back(FromRow(row));
  return page;
}

Result<bool> InScope(Conn& conn, PersonId person, UnitId root, Date today) {
  Result<Rows> rows = conn.Query("WITH RECURSIVE " + SubtreeCte("scope", 2) +
                                     " SELECT COUNT(*) FROM people p WHERE p.id = $3" + OpenMembershipIn("scope"),
                                 {today.Iso(), root.value(), person.value()});
  if (!rows.ok()) return rows.status();
  return rows->front().Int(0) > 0;
}

Result<std::vector<PersonId>> IdsInScope(Conn& conn, UnitId root, Date today) {
  // From the subtree's memberships (memberships_unit), not by testing every person of the province.
  Result<Rows> rows = conn.Query("WITH RECURSIVE " + SubtreeCte("scope", 2) +
                                     " SELECT DISTINCT sm.person_id FROM memberships sm"
                                     " WHERE sm.unit_id IN (SELECT id FROM scope) AND sm.from_date <= $1"
                                     " AND (sm.to_date IS NULL OR sm.to_date >= $1) ORDER BY sm.person_id",
                                 {today.Iso(), root.value()});
  if (!rows.ok()) return rows.status();
  std::vector<PersonId> out;
  out.reserve(rows->size());
  for (const Row& row : *rows) out.push_back(PersonId(row.Int(0)));
  return out;
}

Result<std::vector<PersonRow>> All(Conn& conn) {
  Result<Rows> rows = conn.Query(
      "SELECT p.id, p.code, p.full_name, p.gender, p.birth_date, p.position, p.recruited_on, NULL, NULL "
      "FROM people p ORDER BY p.id");
  if (!rows.ok()) return rows.status();
  std::vector<PersonRow> out;
  out.reserve(rows->size());
  for (const Row& row : *rows) out.push_back(FromRow(row));
  return out;
}

Result<std::vector<MembershipRow>> AllMemberships(Conn& conn) {
  Result<Rows> rows = conn.Query("SELECT id, person_id, unit_id, from_date, to_date FROM memberships ORDER BY id");
  if (!rows.ok()) return rows.status();
  std::vector<MembershipRow> out;
  out.reserve(rows->size());
  for (const Row& row : *rows) {
    MembershipRow m;
    m.id = MembershipId(row.Int(0));
    m.person = PersonId(row.Int(1));
    m.unit = UnitId(row.Int(2));
    m.from = ParseDateCell(row, 3).value_or(Date(1970, 1, 1));
    m.to = ParseDateCell(row, 4);
    out.push_back(std::move(m));
  }
  return out;
}

Result<std::vector<MembershipRow>> Memberships(Conn& conn, PersonId person) {
  Result<Rows> rows =
      conn.Query(std::string(kMembershipSelect) + "WHERE m.person_id = $1 ORDER BY m.from_date DESC, m.id DESC",
                 {person.value()});
  if (!rows.ok()) return rows.status();
  std::vector<MembershipRow> out;
  for (const Row& row : *rows) out.push_back(MembershipFromRow(row));
  return out;
}

Result<std::vector<MembershipRow>> Members(Conn& conn, UnitId unit, Date today, int64_t limit) {
  Result<Rows> rows = conn.Query(std::string(kMembershipSelect) +
                                     "WHERE m.unit_id = $1 AND m.from_date <= $2 AND (m.to_date IS NULL OR "
                                     "m.to_date >= $2) ORDER BY p.sort_key LIMIT $3",
                                 {unit.value(), today.Iso(), limit});
  if (!rows.ok()) return rows.status();
  std::vector<MembershipRow> out;
  for (const Row& row : *rows) out.push_back(MembershipFromRow(row));
  return out;
}

Result<MembershipId> InsertMembership(Conn& conn, PersonId person, UnitId unit, Date from, std::optional<Date> to) {
  Result<Rows> rows = conn.Query(
      "INSERT INTO memberships (person_id, unit_id, from_date, to_date) VALUES ($1, $2, $3, $4) RETURNING id",
      {person.value(), unit.value(), from.Iso(), DateValue(to)});
  if (!rows.ok()) {
    if (rows.status().code() == Code::kAlreadyExists) {
      return AlreadyExists("Quá trình công tác này đã có (cùng đơn vị, cùng ngày bắt đầu).");
    }
    return rows.status();
  }
  return MembershipId(rows->front().Int(0));
}

Status UpdateMembershipEnd(Conn& conn, MembershipId id, std::optional<Date> to) {
  Result<int64_t> changed = conn.Exec("UPDATE memberships SET to_date = $1 WHERE id = $2", {DateValue(to), id.value()});
  if (!changed.ok()) return changed.status();
  if (*changed == 0) return NotFound("Không tìm thấy quá trình công tác.");
  return Status::Ok();
}

}  // namespace thidua::store::people
