// Renderer: turns a view-model (JSON) into HTML with the Mustache templates of src/web/templates.
//
// Template files, by path relative to the templates folder:
//   layout.mustache           the page frame; the page's HTML arrives in it as {{{content}}}
//   pages/<name>.mustache     one per screen, rendered by RenderPage(name, model)
//   partials/<name>.mustache  pieces included with {{> name}} (each documents its model keys at its top)
//
// The model is a JSON object. Values become Mustache data as follows:
//   - strings as they are, except the empty string, which is falsy ({{#x}} skips it, {{x}} prints nothing);
//   - numbers as their decimal text (0 is truthy and prints "0");
//   - null and false are falsy; true is truthy; objects and arrays as they are (an empty array is falsy);
//   - for every array `xs` in an object the templates also see `has_xs` (true when it is not empty), so a
//     template can write a wrapper once around a list
//     ({{#has_rows}}<ul>{{#rows}}…{{/rows}}</ul>{{/has_rows}}).
// Mustache looks a missing key up in the enclosing sections, so models should set every key a partial
// reads (the builders in list_view.h, form_view.h and page_view.h do).
// {{x}} escapes HTML (& < > " '); {{{x}}} does not and is only for HTML that we rendered ourselves.
// Partials are expanded once when the renderer is built (recursive ones, such as tree_node, are unrolled a
// few levels and finish at render time), so a render parses nothing. Set-delimiter tags are not supported.
//
// Thread safety: a Renderer is immutable after Create(); RenderPage and RenderFragment may run concurrently
// on any number of threads. Each thread renders with its own copy of the parsed templates (made on its first
// render), because the Mustache library's render functions are not declared const. Copies of a Renderer
// share the parsed templates.
#pragma once

#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "base/embedded.h"
#include "base/result.h"

namespace thidua::web {

class Renderer {
 public:
  // Parses `files` (paths as described above; files not ending in ".mustache" are ignored).
  // Errors: kInvalidArgument naming the file when a template does not parse, includes an unknown
  // partial, or when layout.mustache is missing.
  static Result<Renderer> Create(const std::vector<EmbeddedFile>& files);
  // The templates compiled into the binary (library thidua_web_templates).
  static Result<Renderer> CreateEmbedded();

  // Renders pages/<page>.mustache with `model`, then layout.mustache with the same model plus
  // `content` (the page's HTML; a model key of that name is replaced). Keys of the model are visible
  // to both; a model that is not a JSON object renders as an empty one.
  // REQUIRES: HasPage(page); an unknown page renders as the empty string.
  std::string RenderPage(std::string_view page, const nlohmann::json& model) const;
  // Renders one template alone, without the layout: partials/<name>.mustache if it exists, otherwise
  // pages/<name>.mustache (for HTML sent to scripts, e.g. a job's result_html).
  // REQUIRES: HasFragment(name); an unknown name renders as the empty string.
  std::string RenderFragment(std::string_view name, const nlohmann::json& model) const;

  bool HasPage(std::string_view page) const;
  bool HasFragment(std::string_view name) const;

  struct Templates;  // implementation detail: the parsed templates, shared and immutable

 private:
  explicit Renderer(std::shared_ptr<const Templates> templates) : templates_(std::move(templates)) {}
  std::string Render(int index, const nlohmann::json& model, std::string_view frame) const;

  std::shared_ptr<const Templates> templates_;
};

}  // namespace thidua::web
