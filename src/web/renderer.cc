#include "web/renderer.h"

#include <algorithm>
#include <deque>
#include <kainjow/mustache.hpp>
#include <map>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "web/assets.h"

namespace thidua::web {
namespace {

namespace mustache = kainjow::mustache;
using Data = mustache::data;
using Json = nlohmann::json;

constexpr std::string_view kSuffix = ".mustache";
constexpr std::string_view kPagesDir = "pages/";
constexpr std::string_view kPartialsDir = "partials/";
// How many times a partial may appear inside itself before the rest is left to render time.
constexpr int kUnrollDepth = 6;
// Guards against a partial that includes a recursive partial many times (exponential expansion).
constexpr size_t kMaxExpandedSize = 4 << 20;

std::string_view TrimSpaces(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

using SourceMap = std::map<std::string, std::string_view, std::less<>>;

// Copies `source` into `out`, replacing each {{> name}} by the partial's own expansion and dropping
// comments, so that rendering never parses a template. A partial already `kUnrollDepth` deep in `stack`
// stays a tag and is resolved at render time.
Status Expand(std::string_view file, std::string_view source, const SourceMap& partials,
              std::vector<std::string_view>& stack, std::string& out) {
  size_t pos = 0;
  while (pos < source.size()) {
    size_t open = source.find("{{", pos);
    if (open == std::string_view::npos) {
      out.append(source.substr(pos));
      break;
    }
    out.append(source.substr(pos, open - pos));
    bool triple = source.substr(open).starts_with("{{{");
    std::string_view closer = triple ? "}}}" : "}}";
    size_t close = source.find(closer, open + closer.size());
    if (close == std::string_view::npos) return InvalidArgument(std::string(file) + ": unclosed tag");
    size_t end = close + closer.size();
    std::string_view inner = TrimSpaces(source.substr(open + 2, close - open - 2));
    pos = end;
    if (triple || inner.empty()) {
      out.append(source.substr(open, end - open));
    } else if (inner.front() == '!') {
      continue;  // comment
    } else if (inner.front() == '=') {
      return InvalidArgument(std::string(file) + ": set-delimiter tags are not supported");
    } else if (inner.front() == '>') {
      std::string_view name = TrimSpaces(inner.substr(1));
      auto found = partials.find(name);
      if (found == partials.end()) {
        return InvalidArgument(std::string(file) + ": unknown partial '" + std::string(name) + "'");
      }
      if (std::count(stack.begin(), stack.end(), name) >= kUnrollDepth) {
        out.append("{{> ").append(name).append("}}");
        continue;
      }
      stack.push_back(found->first);
      Status status = Expand(found->first, found->second, partials, stack, out);
      stack.pop_back();
      if (!status.ok()) return status;
      if (out.size() > kMaxExpandedSize) return InvalidArgument(std::string(file) + ": expands too much");
    } else {
      out.append(source.substr(open, end - open));
    }
  }
  return Status::Ok();
}

// The model seen through Mustache's context interface, resolved lazily: a name is looked up in the JSON
// only when a template asks for it, and only the values found become Mustache data (kept in an arena for
// the length of one render). Converting the whole model up front cost more than rendering it.
// Partials come from the renderer, not from the model, so a model key named like a partial ("table")
// cannot shadow it. One context serves one render on one thread.
class JsonContext : public mustache::basic_context<std::string> {
 public:
  // `content`, when not null, is the value of the name "content" (the page inside the layout).
  JsonContext(const Json& root, const std::unordered_map<std::string, Data>& partials,
              const std::string* content)
      : partials_(partials), content_(content) {
    stack_.push_back({&root, nullptr});
    origin_.reserve(512);
  }

  void push(const Data* data) override {
    auto it = origin_.find(data);
    stack_.push_back({it == origin_.end() ? nullptr : it->second, data});
  }
  void pop() override { stack_.pop_back(); }

  const Data* get(const std::string& name) const override {
    if (name == ".") {
      const Frame& top = stack_.back();
      return top.json != nullptr ? Wrap(*top.json) : top.data;
    }
    if (content_ != nullptr && name == "content") return &arena_.emplace_back(*content_);
    std::string_view path = name;
    size_t dot = path.find('.');
    for (auto frame = stack_.rbegin(); frame != stack_.rend(); ++frame) {
      if (frame->json == nullptr) continue;
      // As the library's own context does: try the whole dotted path from each frame, innermost first.
      const Json* found = Lookup(*frame->json, path.substr(0, dot));
      for (size_t from = dot; found != nullptr && from != std::string_view::npos;) {
        size_t next = path.find('.', from + 1);
        found =
            Lookup(*found, path.substr(from + 1, next == std::string_view::npos ? next : next - from - 1));
        from = next;
      }
      if (found != nullptr) return Wrap(*found);
    }
    return nullptr;
  }

  const Data* get_partial(const std::string& name) const override {
    auto it = partials_.find(name);
    return it == partials_.end() ? nullptr : &it->second;
  }

 private:
  struct Frame {
    const Json* json;  // the JSON value behind the pushed data, or null
    const Data* data;
  };

  // The member `key` of `object`, a synthetic has_xs flag for a member array xs, or null.
  static const Json* Lookup(const Json& object, std::string_view key) {
    if (!object.is_object()) return nullptr;
    auto it = object.find(key);
    if (it != object.end()) return &*it;
    if (key.starts_with("has_")) {
      auto list = object.find(key.substr(4));
      if (list != object.end() && list->is_array()) return list->empty() ? &kFalseJson : &kTrueJson;
    }
    return nullptr;
  }

  const Data* Wrap(const Json& value) const {
    switch (value.type()) {
      case Json::value_t::object: {
        const Data* data = &arena_.emplace_back(true);
        origin_.emplace(data, &value);
        return data;
      }
      case Json::value_t::array: {
        Data& data = arena_.emplace_back(Data::type::list);
        // The library offers no way to move an element into a list; filling it in place through
        // list_value() is safe because the list itself is not const.
        auto& list = const_cast<mustache::list&>(data.list_value());
        list.reserve(value.size());
        for (const Json& item : value) origin_.emplace(&list.emplace_back(true), &item);
        return &data;
      }
      case Json::value_t::string: {
        const std::string& text = value.get_ref<const std::string&>();
        return text.empty() ? &kFalse : &arena_.emplace_back(text);
      }
      case Json::value_t::boolean:
        return value.get<bool>() ? &kTrue : &kFalse;
      case Json::value_t::number_integer:
        return &arena_.emplace_back(std::to_string(value.get<int64_t>()));
      case Json::value_t::number_unsigned:
        return &arena_.emplace_back(std::to_string(value.get<uint64_t>()));
      case Json::value_t::number_float:
        return &arena_.emplace_back(value.dump());
      default:  // null, binary, discarded
        return &kFalse;
    }
  }

  static inline const Json kTrueJson = true;
  static inline const Json kFalseJson = false;
  const Data kTrue{true};
  const Data kFalse{false};

  const std::unordered_map<std::string, Data>& partials_;
  const std::string* content_;
  std::vector<Frame> stack_;
  mutable std::deque<Data> arena_;
  mutable std::unordered_map<const Data*, const Json*> origin_;
};

struct Sink {
  std::string* out;
  Sink& operator<<(const std::string& s) {
    out->append(s);
    return *this;
  }
};

}  // namespace

struct Renderer::Templates {
  std::vector<mustache::mustache> prototypes;  // parsed once; only copied, never rendered
  std::unordered_map<std::string, int> pages;
  std::unordered_map<std::string, int> partials;
  int layout = -1;
  // Expanded sources of the partials, for recursion deeper than kUnrollDepth.
  std::unordered_map<std::string, Data> runtime_partials;
};

namespace {

using Templates = Renderer::Templates;

// This thread's copies of `templates`' parsed templates (see "Thread safety" in the header).
std::vector<mustache::mustache>& ThreadCopies(const std::shared_ptr<const Templates>& templates) {
  struct Entry {
    std::weak_ptr<const Templates> owner;
    std::vector<mustache::mustache> copies;
  };
  thread_local std::vector<Entry> cache;
  for (Entry& entry : cache) {
    if (!entry.owner.owner_before(templates) && !templates.owner_before(entry.owner)) return entry.copies;
  }
  std::erase_if(cache, [](const Entry& entry) { return entry.owner.expired(); });
  if (cache.size() >= 4) cache.erase(cache.begin());
  cache.push_back(Entry{templates, templates->prototypes});
  return cache.back().copies;
}

// The library's escape appends character by character; this one copies runs between special characters.
std::string EscapeHtml(const std::string& text) {
  size_t special = text.find_first_of("&<>\"'");
  if (special == std::string::npos) return text;
  std::string out;
  out.reserve(text.size() + 16);
  size_t from = 0;
  for (; special != std::string::npos; special = text.find_first_of("&<>\"'", from)) {
    out.append(text, from, special - from);
    switch (text[special]) {
      case '&':
        out.append("&amp;");
        break;
      case '<':
        out.append("&lt;");
        break;
      case '>':
        out.append("&gt;");
        break;
      case '"':
        out.append("&quot;");
        break;
      default:
        out.append("&apos;");
        break;
    }
    from = special + 1;
  }
  out.append(text, from, std::string::npos);
  return out;
}

Status AddTemplate(Templates& t, std::string_view file, std::string source) {
  mustache::mustache parsed(source);
  parsed.set_custom_escape(EscapeHtml);
  if (!parsed.is_valid()) return InvalidArgument(std::string(file) + ": " + parsed.error_message());
  t.prototypes.push_back(std::move(parsed));
  return Status::Ok();
}

}  // namespace

Result<Renderer> Renderer::Create(const std::vector<EmbeddedFile>& files) {
  SourceMap partial_sources;
  SourceMap page_sources;
  std::optional<std::string_view> layout_source;
  for (const EmbeddedFile& file : files) {
    if (!file.path.ends_with(kSuffix)) continue;
    std::string_view stem = file.path.substr(0, file.path.size() - kSuffix.size());
    if (stem == "layout") {
      layout_source = file.data;
    } else if (stem.starts_with(kPagesDir)) {
      page_sources.emplace(std::string(stem.substr(kPagesDir.size())), file.data);
    } else if (stem.starts_with(kPartialsDir)) {
      partial_sources.emplace(std::string(stem.substr(kPartialsDir.size())), file.data);
    }
  }
  if (!layout_source) return InvalidArgument("layout.mustache is missing");

  auto templates = std::make_shared<Templates>();
  auto add = [&](std::string_view file, std::string_view name, std::string_view source) -> Status {
    std::string expanded;
    std::vector<std::string_view> stack = {name};
    THIDUA_RETURN_IF_ERROR(Expand(file, source, partial_sources, stack, expanded));
    return AddTemplate(*templates, file, std::move(expanded));
  };
  THIDUA_RETURN_IF_ERROR(add("layout.mustache", "", *layout_source));
  templates->layout = 0;
  for (const auto& [name, source] : page_sources) {
    templates->pages.emplace(name, static_cast<int>(templates->prototypes.size()));
    THIDUA_RETURN_IF_ERROR(add("pages/" + name + ".mustache", "", source));
  }
  for (const auto& [name, source] : partial_sources) {
    std::string file = "partials/" + name + ".mustache";
    templates->partials.emplace(name, static_cast<int>(templates->prototypes.size()));
    THIDUA_RETURN_IF_ERROR(add(file, name, source));
    // The runtime copy starts with an empty stack so that it unrolls kUnrollDepth levels itself.
    std::string expanded;
    std::vector<std::string_view> stack;
    THIDUA_RETURN_IF_ERROR(Expand(file, source, partial_sources, stack, expanded));
    templates->runtime_partials.emplace(name, Data(expanded));
  }
  return Renderer(std::move(templates));
}

Result<Renderer> Renderer::CreateEmbedded() { return Create(templates::EmbeddedFiles()); }

bool Renderer::HasPage(std::string_view page) const { return templates_->pages.contains(std::string(page)); }

bool Renderer::HasFragment(std::string_view name) const {
  return templates_->partials.contains(std::string(name)) || HasPage(name);
}

std::string Renderer::RenderPage(std::string_view page, const nlohmann::json& model) const {
  auto found = templates_->pages.find(std::string(page));
  if (found == templates_->pages.end()) return {};
  return Render(found->second, model, "layout");
}

std::string Renderer::RenderFragment(std::string_view name, const nlohmann::json& model) const {
  std::string key(name);
  auto found = templates_->partials.find(key);
  if (found == templates_->partials.end()) {
    found = templates_->pages.find(key);
    if (found == templates_->pages.end()) return {};
  }
  return Render(found->second, model, "");
}

// Renders template `index`; when `frame` is "layout", renders the result into the layout.
std::string Renderer::Render(int index, const nlohmann::json& model, std::string_view frame) const {
  static const Json kEmptyObject = Json::object();
  const Json& root = model.is_object() ? model : kEmptyObject;
  std::vector<mustache::mustache>& copies = ThreadCopies(templates_);

  std::string body;
  body.reserve(16 << 10);
  {
    JsonContext context(root, templates_->runtime_partials, nullptr);
    Sink sink{&body};
    copies[index].render(context, sink);
  }
  if (frame.empty()) return body;

  std::string page;
  page.reserve(body.size() + (8 << 10));
  JsonContext context(root, templates_->runtime_partials, &body);
  Sink sink{&page};
  copies[templates_->layout].render(context, sink);
  return page;
}

}  // namespace thidua::web
