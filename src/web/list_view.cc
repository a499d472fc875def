#include "web/list_view.h"

#include <algorithm>
#include <charconv>
#include <nlohmann/json.hpp>
#include <set>

#include "base/utf8.h"

namespace thidua::web {
namespace {

using Json = nlohmann::json;

const std::string* First(const std::multimap<std::string, std::string>& query, const std::string& key) {
  auto it = query.find(key);
  return it == query.end() ? nullptr : &it->second;
}

std::optional<int64_t> ParseInt(std::string_view text) {
  text = Trim(text);
  int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// Trimmed, valid UTF-8, cut to at most `max_bytes` without splitting a character; else empty.
std::string CleanText(std::string_view text, size_t max_bytes) {
  text = Trim(text);
  if (!IsValidUtf8(text)) return {};
  if (text.size() > max_bytes) {
    size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    text = Trim(text.substr(0, cut));
  }
  return std::string(text);
}

int SnapPerPage(int64_t n) {
  if (n <= 35) return 20;
  if (n <= 75) return 50;
  return 100;
}

void AppendParam(std::string& out, bool& first, std::string_view key, std::string_view value) {
  out.push_back(first ? '?' : '&');
  first = false;
  out.append(PercentEncode(key)).push_back('=');
  out.append(PercentEncode(value));
}

// Appends q, filters, sort and dir to `out`.
void AppendSearchParams(std::string& out, bool& first, const ListState& s) {
  if (!s.q.empty()) AppendParam(out, first, "q", s.q);
  for (const auto& [name, value] : s.filters) {
    if (!value.empty()) AppendParam(out, first, name, value);
  }
  if (!s.sort.empty()) {
    AppendParam(out, first, "sort", s.sort);
    AppendParam(out, first, "dir", s.desc ? "desc" : "asc");
  }
}

}  // namespace

ListState ParseListState(const std::multimap<std::string, std::string>& query,
                         const std::vector<std::string>& allowed_sorts, std::string default_sort,
                         const std::vector<std::string>& filter_names) {
  ListState state;
  bool default_desc = !default_sort.empty() && default_sort.front() == '-';
  if (default_desc) default_sort.erase(0, 1);

  if (const std::string* q = First(query, "q")) state.q = CleanText(*q, kMaxQueryBytes);

  const std::string* sort = First(query, "sort");
  const std::string* dir = First(query, "dir");
  bool known =
      sort != nullptr && std::find(allowed_sorts.begin(), allowed_sorts.end(), *sort) != allowed_sorts.end();
  state.sort = known ? *sort : default_sort;
  if (dir != nullptr && (*dir == "asc" || *dir == "desc")) {
    state.desc = *dir == "desc";
  } else {
    state.desc = state.sort == default_sort && default_desc;
  }

  if (const std::string* page = First(query, "page")) {
    std::optional<int64_t> n = ParseInt(*page);
    state.page = n ? static_cast<int>(std::clamp<int64_t>(*n, 1, kMaxPage)) : 1;
  }
  if (const std::string* per_page = First(query, "per_page")) {
    std::optional<int64_t> n = ParseInt(*per_page);
    state.per_page = n ? SnapPerPage(*n) : 50;
  }
  for (const std::string& name : filter_names) {
    const std::string* value = First(query, name);
    if (value == nullptr) continue;
    std::string clean = CleanText(*value, kMaxQueryBytes);
    if (!clean.empty()) state.filters.emplace(name, std::move(clean));
  }
  return state;
}

std::string PercentEncode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size() * 3);
  for (char c : text) {
    auto u = static_cast<unsigned char>(c);
    if ((u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u == '-' || u == '.' ||
        u == '_' || u == '~') {
      out.push_back(c);
    } else {
      out.push_back('%');
      out.push_back(kHex[u >> 4]);
      out.push_back(kHex[u & 0xF]);
    }
  }
  return out;
}

std::string ListHref(std::string_view base_path, const ListState& state, const ListOverrides& overrides) {
  ListState s = state;
  bool back_to_first = false;
  if (overrides.sort) s.sort = *overrides.sort, back_to_first = true;
  if (overrides.desc) s.desc = *overrides.desc, back_to_first = true;
  if (overrides.per_page) s.per_page = *overrides.per_page, back_to_first = true;
  if (overrides.q) s.q = *overrides.q, back_to_first = true;
  for (const auto& [name, value] : overrides.filters) {
    if (value.empty()) {
      s.filters.erase(name);
    } else {
      s.filters[name] = value;
    }
    back_to_first = true;
  }
  if (overrides.page) {
    s.page = *overrides.page;
  } else if (back_to_first) {
    s.page = 1;
  }

  std::string out(base_path);
  bool first = true;
  AppendSearchParams(out, first, s);
  if (s.per_page != 50) AppendParam(out, first, "per_page", std::to_string(s.per_page));
  if (s.page > 1) AppendParam(out, first, "page", std::to_string(s.page));
  return out;
}

std::string FormatCount(int64_t n) {
  std::string digits = std::to_string(n < 0 ? -static_cast<uint64_t>(n) : static_cast<uint64_t>(n));
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back('.');
    out.push_back(digits[i]);
  }
  return n < 0 ? "-" + out : out;
}

Json TableModel(std::string_view base_path, const ListState& state, const std::vector<Column>& columns,
                const std::vector<Row>& rows, std::string_view caption, std::string_view empty_text) {
  // Built member by member: nlohmann's initializer lists copy every nested value, which made a 50-row
  // table cost more to build than to render.
  Json cols = Json::array();
  for (const Column& column : columns) {
    bool sorted = !column.sort_key.empty() && column.sort_key == state.sort;
    Json& col = cols.emplace_back(Json::object());
    col["label"] = column.label;
    col["sort_href"] =
        column.sort_key.empty()
            ? ""
            : ListHref(base_path, state, {.sort = column.sort_key, .desc = sorted && !state.desc});
    col["sort_dir"] = sorted ? (state.desc ? "desc" : "asc") : "";
    col["aria_sort"] = sorted ? (state.desc ? "descending" : "ascending") : "";
    col["numeric"] = column.numeric;
  }
  Json out_rows = Json::array();
  out_rows.get_ref<Json::array_t&>().reserve(rows.size());
  for (const Row& row : rows) {
    Json& cells = out_rows.emplace_back(Json::object())["cells"];
    cells = Json::array();
    cells.get_ref<Json::array_t&>().reserve(row.cells.size());
    for (size_t i = 0; i < row.cells.size(); ++i) {
      const Cell& cell = row.cells[i];
      Json& out = cells.emplace_back(Json::object());
      out["text"] = cell.text;
      out["href"] = cell.href;
      out["muted"] = cell.muted;
      out["badge"] = cell.badge;
      out["numeric"] = i < columns.size() && columns[i].numeric;
    }
  }
  Json table = Json::object();
  table["caption"] = caption;
  table["columns"] = std::move(cols);
  table["rows"] = std::move(out_rows);
  table["empty_text"] = empty_text;
  table["column_count"] = std::max<size_t>(columns.size(), 1);
  return table;
}

Json PaginationModel(std::string_view base_path, const ListState& state, int64_t total) {
  total = std::max<int64_t>(total, 0);
  int64_t last = std::max<int64_t>(1, (total + state.per_page - 1) / state.per_page);
  int64_t page = state.page;
  int64_t from = std::min(state.Offset() + 1, total + 1);
  int64_t to = std::min(state.Offset() + state.per_page, total);
  bool empty = from > to;
  auto href = [&](int64_t p) { return ListHref(base_path, state, {.page = static_cast<int>(p)}); };

  Json pages = Json::array();
  if (last > 1) {
    std::set<int64_t> shown = {1, last};
    for (int64_t p = page - 2; p <= page + 2; ++p) {
      if (p >= 1 && p <= last) shown.insert(p);
    }
    int64_t previous = 0;
    for (int64_t p : shown) {
      if (p - previous == 2) {
        pages.push_back({{"number", previous + 1},
                         {"href", href(previous + 1)},
                         {"current", false},
                         {"ellipsis", false}});
      } else if (p - previous > 2) {
        pages.push_back({{"number", ""}, {"href", ""}, {"current", false}, {"ellipsis", true}});
      }
      pages.push_back({{"number", p}, {"href", href(p)}, {"current", p == page}, {"ellipsis", false}});
      previous = p;
    }
  }
  Json per_page = Json::array();
  for (int n : {20, 50, 100}) {
    per_page.push_back({{"value", n},
                        {"href", ListHref(base_path, state, {.per_page = n})},
                        {"current", n == state.per_page}});
  }
  return {{"total", FormatCount(total)},
          {"from", empty ? "0" : FormatCount(from)},
          {"to", empty ? "0" : FormatCount(to)},
          {"empty", empty},
          {"prev_href", page > 1 ? href(std::min(page - 1, last)) : ""},
          {"next_href", page < last ? href(page + 1) : ""},
          {"pages", std::move(pages)},
          {"per_page_options", std::move(per_page)}};
}

Json FiltersModel(std::string_view base_path, const ListState& state,
                  const std::vector<FilterSelect>& selects, std::string_view q_label,
                  std::string_view placeholder) {
  Json out_selects = Json::array();
  for (const FilterSelect& select : selects) {
    auto current = state.filters.find(select.name);
    Json options = Json::array();
    for (const SelectOption& option : select.options) {
      bool selected = current != state.filters.end() && current->second == option.value;
      options.push_back({{"value", option.value}, {"label", option.label}, {"selected", selected}});
    }
    out_selects.push_back({{"name", select.name}, {"label", select.label}, {"options", std::move(options)}});
  }
  Json hidden = Json::array();
  if (!state.sort.empty()) {
    hidden.push_back({{"name", "sort"}, {"value", state.sort}});
    hidden.push_back({{"name", "dir"}, {"value", state.desc ? "desc" : "asc"}});
  }
  if (state.per_page != 50)
    hidden.push_back({{"name", "per_page"}, {"value", std::to_string(state.per_page)}});
  return {{"action", base_path},        {"q", state.q},           {"q_label", q_label},
          {"placeholder", placeholder}, {"selects", out_selects}, {"hidden", std::move(hidden)},
          {"reset_href", base_path}};
}

std::string ExportHref(std::string_view export_path, const ListState& state) {
  std::string out(export_path);
  bool first = out.find('?') == std::string::npos;
  AppendSearchParams(out, first, state);
  return out;
}

Json ListPageModel(const ListSpec& spec, const ListState& state, const std::vector<Row>& rows,
                   int64_t total) {
  return {{"filters", FiltersModel(spec.base_path, state, spec.selects, spec.q_label, spec.placeholder)},
          {"table", TableModel(spec.base_path, state, spec.columns, rows, spec.caption, spec.empty_text)},
          {"pagination", PaginationModel(spec.base_path, state, total)},
          {"export_href", spec.export_path.empty() ? "" : ExportHref(spec.export_path, state)}};
}

}  // namespace thidua::web
