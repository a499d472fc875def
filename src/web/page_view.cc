#include "web/page_view.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace thidua::web {
namespace {

using Json = nlohmann::json;

Json TreeNodes(const std::vector<TreeNode>& nodes, int depth, int open_levels) {
  Json out = Json::array();
  for (const TreeNode& node : nodes) {
    out.push_back({{"label", node.label},
                   {"href", node.href},
                   {"meta", node.meta},
                   {"open", depth < open_levels},
                   {"child_count", node.children.size()},
                   {"children", TreeNodes(node.children, depth + 1, open_levels)}});
  }
  return out;
}

}  // namespace

Json FlashModel(FlashKind kind, std::string_view text) {
  const char* name = kind == FlashKind::kSuccess ? "success" : kind == FlashKind::kError ? "error" : "info";
  return {{"kind", name}, {"text", text}, {"alert", kind == FlashKind::kError}};
}

Json FactsModel(const std::vector<Fact>& facts) {
  Json items = Json::array();
  for (const Fact& fact : facts) {
    items.push_back({{"term", fact.term},
                     {"value", fact.value},
                     {"href", fact.href},
                     {"muted", fact.muted},
                     {"badge", fact.badge}});
  }
  return {{"items", std::move(items)}};
}

Json TimelineModel(const std::vector<TimelineEvent>& events, std::string_view empty_text) {
  Json out = Json::array();
  for (const TimelineEvent& event : events) {
    Json changes = Json::array();
    for (const auto& change : event.changes) {
      auto get = [&](const char* key) {
        auto it = change.find(key);
        return it == change.end() ? std::string() : it->second;
      };
      changes.push_back({{"field", get("field")}, {"before", get("before")}, {"after", get("after")}});
    }
    out.push_back({{"date", event.date},
                   {"datetime", event.datetime},
                   {"title", event.title},
                   {"text", event.text},
                   {"actor", event.actor},
                   {"href", event.href},
                   {"changes", std::move(changes)}});
  }
  return {{"events", std::move(out)}, {"empty_text", empty_text}};
}

Json TreeModel(const std::vector<TreeNode>& nodes, int open_levels) {
  return {{"nodes", TreeNodes(nodes, 0, open_levels)}};
}

Json ProgressModel(std::string_view id, std::string_view job_url, int64_t done, int64_t total,
                   std::string_view label, std::string_view message) {
  done = std::clamp<int64_t>(done, 0, std::max<int64_t>(total, 0));
  int64_t percent = total > 0 ? done * 100 / total : 0;
  return {{"id", id},       {"job_url", job_url}, {"done", done},
          {"total", total}, {"percent", percent}, {"determinate", total > 0},
          {"label", label}, {"message", message}, {"state", "running"}};
}

Json ErrorPageModel(int status, std::string_view message, std::string_view request_id) {
  return {{"status", status},
          {"is_not_found", status == 404},
          {"is_forbidden", status == 403 || status == 401},
          {"is_server_error", status >= 500},
          {"is_other", status != 404 && status != 403 && status != 401 && status < 500},
          {"message", message},
          {"request_id", request_id}};
}

Json ImportReportModel(const Json& summary, std::string_view kind_label) {
  Json report = {{"kind", ""}, {"rows", 0}, {"created", 0}, {"updated", 0}, {"errors", Json::array()}};
  if (summary.is_object()) {
    for (const char* key : {"kind", "rows", "created", "updated", "errors"}) {
      if (summary.contains(key)) report[key] = summary[key];
    }
  }
  Json errors = Json::array();
  if (report["errors"].is_array()) {
    for (const Json& error : report["errors"]) {
      if (!error.is_object()) continue;
      errors.push_back({{"line", error.value("line", Json())},
                        {"column", error.value("column", Json(""))},
                        {"reason", error.value("reason", Json(""))}});
    }
  }
  report["error_count"] = errors.size();
  report["errors"] = std::move(errors);
  report["kind_label"] = kind_label;
  return report;
}

}  // namespace thidua::web
