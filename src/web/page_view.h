// View-models of page pieces that need a flag or a count a template cannot compute: flash messages,
// facts (definition_list), timelines, trees and progress bars. Every key of a partial is set, so a missing
// key never reads a value from an outer Mustache context.
//
// All functions are pure and thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace thidua::web {

enum class FlashKind { kSuccess, kError, kInfo };
// An item of the layout's `flash` list: {kind, text, alert}; errors are announced (role="alert").
nlohmann::json FlashModel(FlashKind kind, std::string_view text);

struct Fact {
  std::string term{};
  std::string value{};
  std::string href{};
  bool muted = false;
  std::string badge{};  // as Cell::badge
};
// The `definition_list` partial: {items[{term, value, href, muted, badge}]}.
nlohmann::json FactsModel(const std::vector<Fact>& facts);

struct TimelineEvent {
  std::string date{};      // shown, dd/mm/yyyy or dd/mm/yyyy HH:MM
  std::string datetime{};  // machine-readable (ISO 8601) for <time datetime>, may be empty
  std::string title{};
  std::string text{};
  std::string actor{};
  std::string href{};
  std::vector<std::map<std::string, std::string>> changes{};  // [{field, before, after}]
};
// The `timeline` partial: {events[{date, datetime, title, text, actor, href, changes[…]}], empty_text}.
nlohmann::json TimelineModel(const std::vector<TimelineEvent>& events,
                             std::string_view empty_text = "Chưa có sự kiện nào.");

struct TreeNode {
  std::string label{};
  std::string href{};
  std::string meta{};
  std::vector<TreeNode> children{};
};
// The `tree` partial: {nodes[{label, href, meta, open, child_count, children[…]}]}; the first
// `open_levels` levels start expanded.
nlohmann::json TreeModel(const std::vector<TreeNode>& nodes, int open_levels = 1);

// The `progress` partial: {id, job_url, done, total, percent, determinate, label, message, state}.
// `total` 0 means unknown (an indeterminate bar).
nlohmann::json ProgressModel(std::string_view id, std::string_view job_url, int64_t done, int64_t total,
                             std::string_view label, std::string_view message = "");

// The error page's `error`: {status, is_not_found, is_forbidden, is_server_error, is_other, message,
// request_id}. `message` (safe to show, may be empty) is shown under the standard text.
nlohmann::json ErrorPageModel(int status, std::string_view message = "", std::string_view request_id = "");

// The import page's `report`: the import summary of the API ({kind, rows, created, updated,
// errors[{line, column, reason}]}) plus error_count and kind_label.
nlohmann::json ImportReportModel(const nlohmann::json& summary, std::string_view kind_label);

}  // namespace thidua::web
