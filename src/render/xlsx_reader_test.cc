#include "render/xlsx_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "render/xlsx_values.h"
#include "render/zip_test_util.h"

namespace thidua::render {
namespace {

using testing::BuildZip;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::SetDeclaredSize;

constexpr char kNs[] = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"";
constexpr char kRelNs[] = "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";

std::string Workbook(const std::string& extra = "") {
  return std::string("<?xml version=\"1.0\"?><workbook ") + kNs + " " + kRelNs + ">" + extra +
         "<sheets><sheet name=\"Danh sách\" sheetId=\"1\" r:id=\"rId7\"/></sheets></workbook>";
}

std::string Rels(const std::string& target) {
  return "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
         "<Relationship Id=\"rId1\" Type=\"x\" Target=\"styles.xml\"/>"
         "<Relationship Id=\"rId7\" Type=\"x\" Target=\"" +
         target + "\"/></Relationships>";
}

std::string Worksheet(const std::string& rows) {
  return std::string("<worksheet ") + kNs + "><sheetData>" + rows + "</sheetData></worksheet>";
}

constexpr char kSharedStrings[] =
    "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"4\">"
    "<si><t>Họ Tên</t></si><si><t> Ngày_Sinh </t></si>"
    "<si><r><rPr><b/></rPr><t>Nguyễn </t></r><r><t xml:space=\"preserve\">Văn An</t></r>"
    "<rPh><t>phonetic</t></rPh></si><si><t>dòng_x000D_hai</t></si></sst>";

constexpr char kStyles[] =
    "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
    "<numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\"/>"
    "<numFmt numFmtId=\"165\" formatCode=\"#,##0.00&quot;đ&quot;\"/></numFmts>"
    "<cellXfs count=\"4\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/>"
    "<xf numFmtId=\"165\"/></cellXfs></styleSheet>";

Table MustRead(const std::string& bytes, const ReadLimits& limits = {}) {
  Result<Table> table = ReadXlsx(bytes, limits);
  EXPECT_TRUE(table.ok()) << table.status().message();
  return table.ok() ? std::move(table).value() : Table{};
}

Status ReadError(const std::string& bytes, const ReadLimits& limits = {}) {
  Result<Table> table = ReadXlsx(bytes, limits);
  EXPECT_FALSE(table.ok());
  return table.ok() ? Status::Ok() : table.status();
}

std::string HandMadeXlsx() {
  std::string rows =
      "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>0</v></c><c r=\"C2\" t=\"s\"><v>1</v></c>"
      "<c r=\"D2\" t=\"inlineStr\"><is><t>Điểm</t></is></c><c r=\"E2\"><v>0</v></c></row>"
      "<row r=\"3\"><c r=\"E3\" s=\"0\"><v></v></c></row>"
      "<row r=\"5\"><c r=\"A5\" t=\"s\"><v>2</v></c><c r=\"C5\" s=\"1\"><v>45474</v></c>"
      "<c r=\"D5\" s=\"3\"><v>9.5</v></c><c r=\"E5\" t=\"b\"><v>1</v></c></row>"
      "<row><c t=\"s\"><v>3</v></c><c t=\"str\"><f>A1</f><v>công thức</v></c><c s=\"2\"><v>33010.75</v></c>"
      "<c><v>1234567890123</v></c><c t=\"e\"><v>#N/A</v></c></row>";
  return BuildZip({{"[Content_Types].xml", "<Types/>"},
                   {"xl/workbook.xml", Workbook()},
                   {"xl/_rels/workbook.xml.rels", Rels("worksheets/data.xml")},
                   {"xl/worksheets/data.xml", Worksheet(rows)},
                   {"xl/sharedStrings.xml", kSharedStrings},
                   {"xl/styles.xml", kStyles}});
}

TEST(XlsxReaderTest, ReadsSharedStringsOmittedCellsTypesAndDates) {
  Table table = MustRead(HandMadeXlsx());
  EXPECT_THAT(table.header, ElementsAre("họ tên", "", "ngày_sinh", "Điểm", "0"));  // ASCII lower-casing
  ASSERT_EQ(table.rows.size(), 2u);
  EXPECT_THAT(table.rows[0], ElementsAre("Nguyễn Văn An", "", "2024-07-01", "9.5", "TRUE"));
  EXPECT_THAT(table.rows[1], ElementsAre("dòng\rhai", "công thức", "1990-05-17", "1234567890123", "#N/A"));
  EXPECT_THAT(table.row_lines, ElementsAre(5, 6));
}

TEST(XlsxReaderTest, FindsTheSheetThroughAnAbsoluteRelationshipTarget) {
  std::string sheet = Worksheet("<row r=\"1\"><c r=\"B1\" t=\"inlineStr\"><is><t>x</t></is></c></row>");
  Table table = MustRead(BuildZip({{"xl/workbook.xml", Workbook()},
                                   {"xl/_rels/workbook.xml.rels", Rels("/xl/worksheets/first.xml")},
                                   {"xl/worksheets/first.xml", sheet}}));
  EXPECT_THAT(table.header, ElementsAre("", "x"));
}

TEST(XlsxReaderTest, FallsBackToSheet1WithoutRelationships) {
  std::string sheet =
      Worksheet("<row><c t=\"inlineStr\"><is><t>id</t></is></c></row><row><c><v>7</v></c></row>");
  Table table = MustRead(BuildZip({{"xl/workbook.xml", Workbook()}, {"xl/worksheets/sheet1.xml", sheet}}));
  EXPECT_THAT(table.header, ElementsAre("id"));
  EXPECT_THAT(table.rows[0], ElementsAre("7"));
}

TEST(XlsxReaderTest, ReadsPrefixedElementsAndThe1904DateSystem) {
  std::string workbook = "<x:workbook xmlns:x=\"urn:x\"><x:workbookPr date1904=\"1\"/></x:workbook>";
  std::string sheet =
      "<x:worksheet xmlns:x=\"urn:x\"><x:sheetData><x:row r=\"1\"><x:c r=\"A1\" t=\"inlineStr\">"
      "<x:is><x:t>d</x:t></x:is></x:c></x:row><x:row r=\"2\"><x:c r=\"A2\" s=\"1\"><x:v>0</x:v></x:c>"
      "</x:row></x:sheetData></x:worksheet>";
  Table table = MustRead(BuildZip(
      {{"xl/workbook.xml", workbook}, {"xl/worksheets/sheet1.xml", sheet}, {"xl/styles.xml", kStyles}}));
  EXPECT_THAT(table.rows[0], ElementsAre("1904-01-01"));
}

TEST(XlsxReaderTest, RefusesInputThatIsNotAZip) {
  Status status = ReadError("họ tên,ngày sinh\n");
  EXPECT_EQ(status.code(), Code::kInvalidArgument);
  EXPECT_EQ(status.message(), "Tệp không phải bảng tính xlsx hợp lệ.");
  EXPECT_EQ(ReadError("").code(), Code::kInvalidArgument);
  EXPECT_EQ(ReadError("PK\x03\x04garbage").code(), Code::kInvalidArgument);
}

TEST(XlsxReaderTest, RefusesAZipWithoutWorkbookOrSheet) {
  EXPECT_EQ(ReadError(BuildZip({{"xl/worksheets/sheet1.xml", Worksheet("")}})).message(),
            "Tệp không phải bảng tính xlsx hợp lệ.");
  EXPECT_EQ(ReadError(BuildZip({{"xl/workbook.xml", Workbook()}})).message(),
            "Tệp không phải bảng tính xlsx hợp lệ.");
}

TEST(XlsxReaderTest, RefusesBrokenXmlAndBadSharedStringIndex) {
  EXPECT_EQ(ReadError(BuildZip({{"xl/workbook.xml", "<workbook><sheets>"}})).code(), Code::kInvalidArgument);
  std::string sheet = Worksheet("<row><c t=\"s\"><v>3</v></c></row>");
  EXPECT_EQ(
      ReadError(BuildZip({{"xl/workbook.xml", Workbook()}, {"xl/worksheets/sheet1.xml", sheet}})).code(),
      Code::kInvalidArgument);
}

TEST(XlsxReaderTest, RefusesDoctype) {
  std::string sheet =
      "<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>" +
      Worksheet("<row><c t=\"inlineStr\"><is><t>&e;</t></is></c></row>");
  EXPECT_EQ(
      ReadError(BuildZip({{"xl/workbook.xml", Workbook()}, {"xl/worksheets/sheet1.xml", sheet}})).code(),
      Code::kInvalidArgument);
}

TEST(XlsxReaderTest, RefusesCellsBeyondTheLimitWithoutAllocatingThem) {
  std::string sheet = Worksheet("<row r=\"4\"><c r=\"XFD4\" t=\"inlineStr\"><is><t>x</t></is></c></row>");
  Status status = ReadError(BuildZip({{"xl/workbook.xml", Workbook()}, {"xl/worksheets/sheet1.xml", sheet}}));
  EXPECT_THAT(status.message(), HasSubstr("Dòng 4 có quá nhiều ô"));
}

TEST(XlsxReaderTest, RefusesAZipBombByItsDeclaredSize) {
  std::string zeros(200u << 20, '\0');
  std::string bomb = BuildZip({{"xl/workbook.xml", Workbook()}, {"xl/worksheets/sheet1.xml", zeros}});
  zeros.clear();
  ReadLimits limits;
  limits.max_bytes = 2u << 20;
  ASSERT_LT(bomb.size(), limits.max_bytes);  // small enough to be judged by what it declares
  EXPECT_THAT(ReadError(bomb, limits).message(), HasSubstr("quá lớn"));
}

TEST(XlsxReaderTest, RefusesAZipBombThatLiesAboutItsSize) {
  std::string bomb =
      BuildZip({{"xl/workbook.xml", Workbook()}, {"xl/worksheets/sheet1.xml", std::string(8u << 20, ' ')}});
  SetDeclaredSize(bomb, "xl/worksheets/sheet1.xml", 100);
  ReadLimits limits;
  limits.max_bytes = 1u << 20;
  EXPECT_EQ(ReadError(bomb, limits).code(), Code::kInvalidArgument);
}

TEST(XlsxReaderTest, RefusesPartsThatAddUpToMoreThanFourTimesTheLimit) {
  std::string part(900u << 10, ' ');
  std::string zip = BuildZip(
      {{"xl/workbook.xml", Workbook()}, {"a", part}, {"b", part}, {"c", part}, {"d", part}, {"e", part}});
  ReadLimits limits;
  limits.max_bytes = 1u << 20;
  EXPECT_THAT(ReadError(zip, limits).message(), HasSubstr("quá lớn"));
}

TEST(XlsxValuesTest, RecognisesDateFormats) {
  EXPECT_TRUE(IsDateFormatCode("dd/mm/yyyy"));
  EXPECT_TRUE(IsDateFormatCode("[$-42A]d mmmm yyyy"));
  EXPECT_TRUE(IsDateFormatCode("mmm-yy"));
  EXPECT_FALSE(IsDateFormatCode("General"));
  EXPECT_FALSE(IsDateFormatCode("#,##0\"đ\""));
  EXPECT_FALSE(IsDateFormatCode("[Red]0.00"));
  EXPECT_FALSE(IsDateFormatCode("h:mm"));
  EXPECT_FALSE(IsDateFormatCode("[h]:mm"));
  EXPECT_FALSE(IsDateFormatCode("0.00\\d"));
  EXPECT_TRUE(IsBuiltinDateFormat(14));
  EXPECT_FALSE(IsBuiltinDateFormat(2));
}

TEST(XlsxValuesTest, ConvertsExcelSerialDays) {
  EXPECT_EQ(ExcelSerialToIsoDate("1", false), "1900-01-01");
  EXPECT_EQ(ExcelSerialToIsoDate("59", false), "1900-02-28");
  EXPECT_EQ(ExcelSerialToIsoDate("61", false), "1900-03-01");
  EXPECT_EQ(ExcelSerialToIsoDate("45474.99", false), "2024-07-01");
  EXPECT_EQ(ExcelSerialToIsoDate("2958465", false), "9999-12-31");
  EXPECT_EQ(ExcelSerialToIsoDate("0", true), "1904-01-01");
  EXPECT_EQ(ExcelSerialToIsoDate("2958466", false), std::nullopt);
  EXPECT_EQ(ExcelSerialToIsoDate("-1", false), std::nullopt);
  EXPECT_EQ(ExcelSerialToIsoDate("abc", false), std::nullopt);
}

TEST(XlsxValuesTest, FormatsNumbersLikeExcel) {
  EXPECT_EQ(FormatExcelNumber("42"), "42");
  EXPECT_EQ(FormatExcelNumber("42.0"), "42");
  EXPECT_EQ(FormatExcelNumber("-3.5"), "-3.5");
  EXPECT_EQ(FormatExcelNumber("0.30000000000000004"), "0.3");
  EXPECT_EQ(FormatExcelNumber("1E+20"), "1e+20");
  EXPECT_EQ(FormatExcelNumber("nan"), "nan");
  EXPECT_EQ(FormatExcelNumber("12ab"), "12ab");
}

TEST(XlsxValuesTest, ParsesCellReferencesAndEscapes) {
  EXPECT_EQ(CellColumn("A1"), 0u);
  EXPECT_EQ(CellColumn("aa10"), 26u);
  EXPECT_EQ(CellColumn("XFD1048576"), 16383u);
  EXPECT_EQ(CellColumn("A"), std::nullopt);
  EXPECT_EQ(CellColumn("1A"), std::nullopt);
  EXPECT_EQ(CellColumn("ABCD1"), std::nullopt);
  EXPECT_EQ(DecodeOoxmlEscapes("a_x000D__x0041_b_x12_"), "a\rAb_x12_");
  EXPECT_EQ(DecodeOoxmlEscapes("_xD800_"), "_xD800_");
}

}  // namespace
}  // namespace thidua::render
