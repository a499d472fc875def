#include "render/csv_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

namespace thidua::render {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

Table MustRead(std::string_view bytes, const ReadLimits& limits = {}) {
  Result<Table> table = ReadCsv(bytes, limits);
  EXPECT_TRUE(table.ok()) << table.status().message();
  return table.ok() ? std::move(table).value() : Table{};
}

Status ReadError(std::string_view bytes, const ReadLimits& limits = {}) {
  Result<Table> table = ReadCsv(bytes, limits);
  EXPECT_FALSE(table.ok());
  return table.ok() ? Status::Ok() : table.status();
}

TEST(CsvReaderTest, TrimsCellsAndLowerCasesTheHeader) {
  Table table = MustRead(" Name , Birth_Date,Unit \nNguyễn Văn A , 1990-05-17 ,Sở Nội vụ\n");
  EXPECT_THAT(table.header, ElementsAre("name", "birth_date", "unit"));
  ASSERT_EQ(table.rows.size(), 1u);
  EXPECT_THAT(table.rows[0], ElementsAre("Nguyễn Văn A", "1990-05-17", "Sở Nội vụ"));
  EXPECT_THAT(table.row_lines, ElementsAre(2));
}

TEST(CsvReaderTest, DetectsSemicolonDelimiterOfVietnameseExcel) {
  Table table = MustRead("họ tên;điểm;ghi chú\nTrần Thị B;9,5;tốt, xuất sắc\n");
  EXPECT_THAT(table.header, ElementsAre("họ tên", "điểm", "ghi chú"));
  EXPECT_THAT(table.rows[0], ElementsAre("Trần Thị B", "9,5", "tốt, xuất sắc"));
}

TEST(CsvReaderTest, SkipsUtf8Bom) {
  Table table = MustRead("\xEF\xBB\xBFid,name\n1,An\n");
  EXPECT_THAT(table.header, ElementsAre("id", "name"));
}

TEST(CsvReaderTest, QuotedFieldsKeepDelimitersNewlinesAndDoubledQuotes) {
  Table table = MustRead("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"line1\r\nline2\"\r\n");
  EXPECT_THAT(table.rows[0], ElementsAre("x, y", "say \"hi\"", "line1\nline2"));
}

TEST(CsvReaderTest, AcceptsSpacesAroundQuotedFields) {
  Table table = MustRead("a,b\n  \"x,1\"  , \"y\"\n");
  EXPECT_THAT(table.rows[0], ElementsAre("x,1", "y"));
}

TEST(CsvReaderTest, EmptyQuotedFieldAndQuoteInsideUnquotedField) {
  Table table = MustRead("a,b,c\n\"\",5\" screen,z\n");
  EXPECT_THAT(table.rows[0], ElementsAre("", "5\" screen", "z"));
}

TEST(CsvReaderTest, LineNumbersCountNewlinesInsideQuotes) {
  Table table = MustRead("a,b\n1,\"two\nlines\"\n\n2,x\r\n3,\"a\r\nb\r\nc\"\n4,y");
  EXPECT_THAT(table.row_lines, ElementsAre(2, 5, 6, 9));
  EXPECT_THAT(table.rows[3], ElementsAre("4", "y"));
}

TEST(CsvReaderTest, SkipsBlankRowsIncludingRowsOfDelimiters) {
  Table table = MustRead("\n  \na;b\n;;\n1;2\n ; \n");
  EXPECT_THAT(table.header, ElementsAre("a", "b"));
  EXPECT_EQ(table.rows.size(), 1u);
  EXPECT_THAT(table.row_lines, ElementsAre(5));
}

TEST(CsvReaderTest, TreatsAByteOrderMarkInsideWhiteSpaceAsWhiteSpace) {
  Table table = MustRead("a,b\n \xEF\xBB\xBF ,1\n");
  EXPECT_THAT(table.rows[0], ElementsAre("", "1"));
}

TEST(CsvReaderTest, PadsShortRowsAndDropsTrailingEmptyCells) {
  Table table = MustRead("a,b,c,,\n1\n1,2,3,,\n");
  EXPECT_THAT(table.header, ElementsAre("a", "b", "c"));
  EXPECT_THAT(table.rows[0], ElementsAre("1", "", ""));
  EXPECT_THAT(table.rows[1], ElementsAre("1", "2", "3"));
}

TEST(CsvReaderTest, RefusesContentBeyondTheHeaderNamingTheLine) {
  Status status = ReadError("a,b\n1,2\n1,2,3\n");
  EXPECT_EQ(status.code(), Code::kInvalidArgument);
  EXPECT_THAT(status.message(), HasSubstr("Dòng 3"));
}

TEST(CsvReaderTest, RefusesInvalidUtf8NamingTheLine) {
  Status status = ReadError("a,b\n1,2\n\"x\ny\",\xC3\x28\n");
  EXPECT_EQ(status.code(), Code::kInvalidArgument);
  EXPECT_EQ(status.message(), "Tệp không phải UTF-8 hợp lệ (dòng 3).");
}

TEST(CsvReaderTest, RefusesLatin1Header) {
  EXPECT_THAT(ReadError("t\xEAn,id\n").message(), HasSubstr("dòng 1"));
}

TEST(CsvReaderTest, RefusesUnterminatedQuote) {
  Status status = ReadError("a,b\n1,2\n3,\"open\n4,5\n");
  EXPECT_EQ(status.code(), Code::kInvalidArgument);
  EXPECT_THAT(status.message(), HasSubstr("dòng 3"));
}

TEST(CsvReaderTest, RefusesInputOverTheLimits) {
  ReadLimits limits;
  limits.max_bytes = 10;
  EXPECT_THAT(ReadError("a,b\n1,2\n3,4\n", limits).message(), HasSubstr("quá lớn"));
  limits = ReadLimits();
  limits.max_rows = 2;
  EXPECT_THAT(ReadError("a\n1\n2\n3\n", limits).message(), HasSubstr("quá nhiều dòng"));
  limits = ReadLimits();
  limits.max_cells_per_row = 3;
  EXPECT_THAT(ReadError("a,b,c,d\n", limits).message(), HasSubstr("Dòng 1 có quá nhiều ô"));
}

TEST(CsvReaderTest, AcceptsExactlyMaxRows) {
  ReadLimits limits;
  limits.max_rows = 2;
  EXPECT_EQ(MustRead("a\n1\n2\n", limits).rows.size(), 2u);
}

TEST(CsvReaderTest, RefusesInputWithoutHeader) {
  EXPECT_EQ(ReadError("").code(), Code::kInvalidArgument);
  EXPECT_EQ(ReadError("\xEF\xBB\xBF\n ; \n").code(), Code::kInvalidArgument);
}

TEST(CsvReaderTest, ReadsAHundredThousandRows) {
  std::string csv = "id;họ tên;ngày sinh;đơn vị;chức vụ;điểm;ghi chú\n";
  for (int i = 0; i < 100'000; ++i) {
    csv += std::to_string(i) + ";Nguyễn Văn An;1990-05-17;Sở Nội vụ;\"Chuyên viên; chính\";9,5;\n";
  }
  Table table = MustRead(csv);
  ASSERT_EQ(table.rows.size(), 100'000u);
  EXPECT_EQ(table.rows.back()[4], "Chuyên viên; chính");
  EXPECT_EQ(table.row_lines.back(), 100'001);
}

}  // namespace
}  // namespace thidua::render
