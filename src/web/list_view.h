// List screens: the state of a list in its URL (search, filters, sort, page) and the view-models of the
// partials that show it (filters, table, pagination, export_link).
//
// URL parameters: q, one per filter name, sort, dir (asc|desc), per_page (20|50|100), page (from 1).
// ListHref writes them in that order and leaves out the ones that hold their default (page 1, 50 per page,
// empty q and filters), so every link on a list keeps the rest of the state.
//
// Typical handler:
//   ListState state = ParseListState(query, {"name", "code", "unit"}, "name", {"unit", "gender"});
//   … fetch rows for state (offset state.Offset(), limit state.per_page) and the total …
//   nlohmann::json model = ListPageModel(spec, state, rows, total);  // filters, table, pagination,
//   export_href
//
// All functions are pure and thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace thidua::web {

struct ListState {
  std::string q{};     // trimmed, at most kMaxQueryBytes, valid UTF-8
  std::string sort{};  // one of the allowed sort keys
  bool desc = false;
  int page = 1;                                  // >= 1 (may be past the last page; PaginationModel copes)
  int per_page = 50;                             // 20, 50 or 100
  std::map<std::string, std::string> filters{};  // only allowed names, only non-empty values

  int64_t Offset() const { return static_cast<int64_t>(page - 1) * per_page; }
};

inline constexpr size_t kMaxQueryBytes = 200;
inline constexpr int kMaxPage = 1000000;

// Reads a ListState from decoded query parameters (the first value of a repeated key wins).
// `default_sort` may start with '-' to mean "descending by default" ("-at" for newest first).
// Clamps page to [1, kMaxPage], snaps per_page to 20/50/100 (anything else → the nearest, non-numbers → 50);
// an unknown sort falls back to the default, with its default direction.
ListState ParseListState(const std::multimap<std::string, std::string>& query,
                         const std::vector<std::string>& allowed_sorts, std::string default_sort,
                         const std::vector<std::string>& filter_names);

// What a link changes relative to the current state. Changing sort, per_page, q or filters goes back to
// page 1 unless a page is given too.
struct ListOverrides {
  std::optional<int> page{};
  std::optional<std::string> sort{};
  std::optional<bool> desc{};
  std::optional<int> per_page{};
  std::optional<std::string> q{};
  std::map<std::string, std::string> filters{};  // set (or clear, with "") these filters
};

// `base_path` plus the state's query string, percent-encoded ("/quan-ly/ca-nhan?q=nguy%E1%BB%85n&page=2").
std::string ListHref(std::string_view base_path, const ListState& state, const ListOverrides& overrides = {});

// Percent-encodes everything but unreserved characters (RFC 3986: A-Z a-z 0-9 - . _ ~).
std::string PercentEncode(std::string_view text);

// 1234567 → "1.234.567" (Vietnamese digit grouping).
std::string FormatCount(int64_t n);

// --- view-models of the list partials ---

struct Column {
  std::string label{};
  std::string sort_key{};  // empty: not sortable
  bool numeric = false;    // right-aligned, tabular figures
};

struct Cell {
  std::string text{};
  std::string href{};   // empty: plain text
  bool muted = false;   // secondary information, e.g. "—" for nothing
  std::string badge{};  // non-empty: show text as a badge of this kind (success|warning|danger|info|neutral)
};

struct Row {
  std::vector<Cell> cells{};
};

struct SelectOption {
  std::string value{};
  std::string label{};
};

struct FilterSelect {
  std::string name{};  // query parameter, one of ParseListState's filter_names
  std::string label{};
  std::vector<SelectOption> options{};  // "Tất cả" (empty value) is added by the template
};

// The `table` partial: {caption, columns[{label, sort_href, sort_dir, aria_sort, numeric}],
// rows[{cells[{text, href, muted, badge, numeric}]}], empty_text, column_count}.
// A sortable column links to ascending order, or descending when it is already sorted ascending.
nlohmann::json TableModel(std::string_view base_path, const ListState& state,
                          const std::vector<Column>& columns, const std::vector<Row>& rows,
                          std::string_view caption, std::string_view empty_text);

// The `pagination` partial: {total, from, to, empty, prev_href, next_href,
// pages[{number, href, current, ellipsis}], per_page_options[{value, href, current}]}.
// Pages shown: first, last, and two either side of the current one, with ellipses between.
nlohmann::json PaginationModel(std::string_view base_path, const ListState& state, int64_t total);

// The `filters` partial: {action, q, q_label, placeholder, selects[{name, label, options[{value, label,
// selected}]}], hidden[{name, value}], reset_href}. Hidden fields keep sort, dir and per_page; the page
// goes back to 1 when the form is submitted.
nlohmann::json FiltersModel(std::string_view base_path, const ListState& state,
                            const std::vector<FilterSelect>& selects, std::string_view q_label = "Tìm kiếm",
                            std::string_view placeholder = "");

// The `export_link` partial's export_href: `export_path` with q, filters and sort (no paging).
std::string ExportHref(std::string_view export_path, const ListState& state);

struct ListSpec {
  std::string base_path{};    // "/quan-ly/ca-nhan"
  std::string export_path{};  // "/quan-ly/ca-nhan/xuat.xlsx"; empty: no export link
  std::vector<Column> columns{};
  std::vector<FilterSelect> selects{};
  std::string caption{};
  std::string empty_text = "Không có bản ghi nào phù hợp.";
  std::string q_label = "Tìm kiếm";
  std::string placeholder{};
};

// {filters, table, pagination, export_href}: merge into a page model (model.update(ListPageModel(…))).
nlohmann::json ListPageModel(const ListSpec& spec, const ListState& state, const std::vector<Row>& rows,
                             int64_t total);

}  // namespace thidua::web
