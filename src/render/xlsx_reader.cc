#include "render/xlsx_reader.h"

#include <charconv>
#include <optional>
#include <pugixml.hpp>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "render/table_builder.h"
#include "render/xlsx_values.h"
#include "render/zip_package.h"

namespace thidua::render {
namespace {

constexpr char kWorkbookPath[] = "xl/workbook.xml";
constexpr char kWorkbookRelsPath[] = "xl/_rels/workbook.xml.rels";
constexpr char kDefaultSheetPath[] = "xl/worksheets/sheet1.xml";
constexpr int kMaxSheetRows = 1'048'576;

Status NotXlsx() { return InvalidArgument(kNotXlsxMessage); }

// SpreadsheetML may prefix its elements ("x:row"); matching is on the local name.
std::string_view LocalName(const char* name) {
  std::string_view view(name);
  size_t colon = view.rfind(':');
  return colon == std::string_view::npos ? view : view.substr(colon + 1);
}

pugi::xml_node Child(pugi::xml_node node, std::string_view local) {
  for (pugi::xml_node child : node.children()) {
    if (child.type() == pugi::node_element && LocalName(child.name()) == local) return child;
  }
  return {};
}

template <typename F>
void ForEachChild(pugi::xml_node node, std::string_view local, F&& f) {
  for (pugi::xml_node child : node.children()) {
    if (child.type() == pugi::node_element && LocalName(child.name()) == local) f(child);
  }
}

pugi::xml_attribute Attribute(pugi::xml_node node, std::string_view local) {
  for (pugi::xml_attribute attribute : node.attributes()) {
    if (LocalName(attribute.name()) == local) return attribute;
  }
  return {};
}

template <typename Int>
std::optional<Int> ParseInt(std::string_view text) {
  Int value{};
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// Parses `text` in place (it must outlive `doc`); refuses a DOCTYPE even though pugixml expands no
// external entities, so that no entity trick can reach us through a future parser change.
Status ParseXml(std::string& text, pugi::xml_document& doc) {
  unsigned options = pugi::parse_default | pugi::parse_doctype;
  pugi::xml_parse_result parsed = doc.load_buffer_inplace(text.data(), text.size(), options);
  if (!parsed) return NotXlsx();
  for (pugi::xml_node child : doc.children()) {
    if (child.type() == pugi::node_doctype) return NotXlsx();
  }
  return Status::Ok();
}

// The text of a string item: its <t>, or the concatenated <t> of its rich-text runs <r>.
std::string RichText(pugi::xml_node item) {
  std::string text = Child(item, "t").text().get();
  ForEachChild(item, "r", [&](pugi::xml_node run) { text += Child(run, "t").text().get(); });
  return DecodeOoxmlEscapes(text);
}

struct Workbook {
  std::string sheet_path = kDefaultSheetPath;
  bool date1904 = false;
};

// Resolves a relationship target, relative to xl/ unless absolute.
std::string ResolveTarget(std::string_view target) {
  if (!target.empty() && target.front() == '/') return std::string(target.substr(1));
  return "xl/" + std::string(target);
}

Result<std::string> FirstSheetPath(ZipPackage& package, pugi::xml_node workbook) {
  pugi::xml_node sheet = Child(Child(workbook, "sheets"), "sheet");
  std::string id = Attribute(sheet, "id").value();
  THIDUA_ASSIGN_OR_RETURN(std::optional<std::string> rels, package.Read(kWorkbookRelsPath));
  if (id.empty() || !rels) return std::string(kDefaultSheetPath);
  pugi::xml_document doc;
  THIDUA_RETURN_IF_ERROR(ParseXml(*rels, doc));
  std::string path = kDefaultSheetPath;
  ForEachChild(doc.document_element(), "Relationship", [&](pugi::xml_node relationship) {
    std::string_view target = relationship.attribute("Target").value();
    if (id == relationship.attribute("Id").value() && !target.empty()) path = ResolveTarget(target);
  });
  return path;
}

Result<Workbook> ReadWorkbook(ZipPackage& package) {
  THIDUA_ASSIGN_OR_RETURN(std::optional<std::string> text, package.Read(kWorkbookPath));
  if (!text) return NotXlsx();
  pugi::xml_document doc;
  THIDUA_RETURN_IF_ERROR(ParseXml(*text, doc));
  pugi::xml_node root = doc.document_element();
  if (LocalName(root.name()) != "workbook") return NotXlsx();
  Workbook workbook;
  std::string_view date1904 = Attribute(Child(root, "workbookPr"), "date1904").value();
  workbook.date1904 = date1904 == "1" || date1904 == "true";
  THIDUA_ASSIGN_OR_RETURN(workbook.sheet_path, FirstSheetPath(package, root));
  return workbook;
}

Result<std::vector<std::string>> ReadSharedStrings(ZipPackage& package) {
  THIDUA_ASSIGN_OR_RETURN(std::optional<std::string> text, package.Read("xl/sharedStrings.xml"));
  std::vector<std::string> strings;
  if (!text) return strings;
  pugi::xml_document doc;
  THIDUA_RETURN_IF_ERROR(ParseXml(*text, doc));
  ForEachChild(doc.document_element(), "si", [&](pugi::xml_node item) { strings.push_back(RichText(item)); });
  return strings;
}

// For each cell format (cellXfs index), whether it shows numbers as dates.
Result<std::vector<bool>> ReadDateStyles(ZipPackage& package) {
  THIDUA_ASSIGN_OR_RETURN(std::optional<std::string> text, package.Read("xl/styles.xml"));
  std::vector<bool> is_date;
  if (!text) return is_date;
  pugi::xml_document doc;
  THIDUA_RETURN_IF_ERROR(ParseXml(*text, doc));
  pugi::xml_node root = doc.document_element();
  std::unordered_map<int, bool> custom;
  ForEachChild(Child(root, "numFmts"), "numFmt", [&](pugi::xml_node format) {
    custom[format.attribute("numFmtId").as_int(-1)] =
        IsDateFormatCode(format.attribute("formatCode").value());
  });
  ForEachChild(Child(root, "cellXfs"), "xf", [&](pugi::xml_node xf) {
    int id = xf.attribute("numFmtId").as_int(0);
    auto found = custom.find(id);
    is_date.push_back(found != custom.end() ? found->second : IsBuiltinDateFormat(id));
  });
  return is_date;
}

// Everything a cell needs besides itself to become text.
struct SheetContext {
  std::vector<std::string> shared_strings;
  std::vector<bool> date_styles;
  bool date1904 = false;
};

std::string NumberText(pugi::xml_node cell, std::string_view value, const SheetContext& context) {
  std::optional<size_t> style = ParseInt<size_t>(cell.attribute("s").value());
  if (style && *style < context.date_styles.size() && context.date_styles[*style]) {
    if (std::optional<std::string> date = ExcelSerialToIsoDate(value, context.date1904)) return *date;
  }
  return FormatExcelNumber(value);
}

Result<std::string> CellText(pugi::xml_node cell, const SheetContext& context) {
  std::string_view type = cell.attribute("t").value();
  std::string_view value = Child(cell, "v").text().get();
  if (type == "s") {
    std::optional<size_t> index = ParseInt<size_t>(value);
    if (!index || *index >= context.shared_strings.size()) return NotXlsx();
    return context.shared_strings[*index];
  }
  if (type == "inlineStr") return RichText(Child(cell, "is"));
  if (type == "str" || type == "e") return DecodeOoxmlEscapes(value);
  if (type == "b") return std::string(value.empty() ? "" : (value == "0" ? "FALSE" : "TRUE"));
  if (type == "d") return std::string(value.substr(0, value.find('T')));
  if (value.empty()) return std::string();
  return NumberText(cell, value, context);
}

// Places the cells of one <row> by their references; empty cells are not stored.
Status ReadRowCells(pugi::xml_node row, int line, const SheetContext& context, const ReadLimits& limits,
                    std::vector<std::string>& cells) {
  cells.clear();
  size_t next_column = 0;
  Status status;
  ForEachChild(row, "c", [&](pugi::xml_node cell) {
    if (!status.ok()) return;
    size_t column = CellColumn(cell.attribute("r").value()).value_or(next_column);
    next_column = column + 1;
    Result<std::string> text = CellText(cell, context);
    if (!text.ok()) {
      status = text.status();
    } else if (!text->empty() && column >= limits.max_cells_per_row) {
      status = TooManyCellsError(line, limits.max_cells_per_row);
    } else if (!text->empty()) {
      if (cells.size() <= column) cells.resize(column + 1);
      cells[column] = std::move(text).value();
    }
  });
  return status;
}

Result<Table> ReadSheet(std::string& text, const SheetContext& context, const ReadLimits& limits) {
  pugi::xml_document doc;
  THIDUA_RETURN_IF_ERROR(ParseXml(text, doc));
  pugi::xml_node root = doc.document_element();
  if (LocalName(root.name()) != "worksheet") return NotXlsx();
  TableBuilder builder(limits);
  std::vector<std::string> cells;
  int line = 0;
  Status status;
  ForEachChild(Child(root, "sheetData"), "row", [&](pugi::xml_node row) {
    if (!status.ok()) return;
    std::optional<int> number = ParseInt<int>(row.attribute("r").value());
    line = number && *number > line && *number <= kMaxSheetRows ? *number : line + 1;
    status = ReadRowCells(row, line, context, limits, cells);
    if (status.ok()) status = builder.Add(cells, line);
  });
  THIDUA_RETURN_IF_ERROR(status);
  return std::move(builder).Finish();
}

Result<Table> ReadPackage(ZipPackage& package, const ReadLimits& limits) {
  THIDUA_ASSIGN_OR_RETURN(Workbook workbook, ReadWorkbook(package));
  THIDUA_ASSIGN_OR_RETURN(std::optional<std::string> sheet, package.Read(workbook.sheet_path));
  if (!sheet) {
    THIDUA_ASSIGN_OR_RETURN(sheet, package.Read(kDefaultSheetPath));
  }
  if (!sheet) return NotXlsx();
  SheetContext context;
  context.date1904 = workbook.date1904;
  THIDUA_ASSIGN_OR_RETURN(context.shared_strings, ReadSharedStrings(package));
  THIDUA_ASSIGN_OR_RETURN(context.date_styles, ReadDateStyles(package));
  return ReadSheet(*sheet, context, limits);
}

}  // namespace

Result<Table> ReadXlsx(std::string_view bytes, const ReadLimits& limits) {
  THIDUA_ASSIGN_OR_RETURN(ZipPackage package, ZipPackage::Open(bytes, limits.max_bytes));
  return ReadPackage(package, limits);
}

}  // namespace thidua::render
