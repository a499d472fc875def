#include "render/xlsx_writer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <limits>
#include <string>

#include "render/xlsx_reader.h"
#include "render/zip_test_util.h"

namespace thidua::render {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::ReadZipEntry;

std::string MustWrite(const Sheet& sheet) {
  Result<std::string> bytes = WriteXlsx(sheet);
  EXPECT_TRUE(bytes.ok()) << bytes.status().message();
  return bytes.ok() ? std::move(bytes).value() : std::string();
}

Sheet AwardSheet() {
  Sheet sheet;
  sheet.title = "Danh sách khen thưởng 2025";
  sheet.header = {"STT", "Họ và tên", "Ngày sinh", "Điểm", "Ghi chú"};
  sheet.rows.push_back({int64_t{1}, std::string("Nguyễn Thị Ánh Tuyết"), Date(1990, 5, 17), 9.25,
                        std::string("Chiến sĩ thi đua cơ sở")});
  sheet.rows.push_back({int64_t{2}, std::string("Đặng Văn Đức"), Date(2001, 12, 31), -0.5, std::monostate{}});
  sheet.rows.push_back({int64_t{3}, std::string("  Lê Văn C ")});
  return sheet;
}

TEST(XlsxWriterTest, RoundTripKeepsVietnameseTextNumbersAndDates) {
  Result<Table> table = ReadXlsx(MustWrite(AwardSheet()), ReadLimits());
  ASSERT_TRUE(table.ok()) << table.status().message();
  EXPECT_THAT(table->header, ElementsAre("stt", "họ và tên", "ngày sinh", "Điểm", "ghi chú"));
  ASSERT_EQ(table->rows.size(), 3u);
  EXPECT_THAT(table->rows[0],
              ElementsAre("1", "Nguyễn Thị Ánh Tuyết", "1990-05-17", "9.25", "Chiến sĩ thi đua cơ sở"));
  EXPECT_THAT(table->rows[1], ElementsAre("2", "Đặng Văn Đức", "2001-12-31", "-0.5", ""));
  EXPECT_THAT(table->rows[2], ElementsAre("3", "Lê Văn C", "", "", ""));
  EXPECT_THAT(table->row_lines, ElementsAre(2, 3, 4));
}

TEST(XlsxWriterTest, WritesBoldFrozenHeaderAutofilterWidthsAndDateFormat) {
  std::string xlsx = MustWrite(AwardSheet());
  std::optional<std::string> sheet = ReadZipEntry(xlsx, "xl/worksheets/sheet1.xml");
  std::optional<std::string> styles = ReadZipEntry(xlsx, "xl/styles.xml");
  ASSERT_TRUE(sheet && styles);
  EXPECT_THAT(*sheet, HasSubstr("state=\"frozen\""));
  EXPECT_THAT(*sheet, HasSubstr("<autoFilter ref=\"A1:E4\""));
  EXPECT_THAT(*sheet, HasSubstr("<cols>"));
  EXPECT_THAT(*styles, HasSubstr("<b/>"));
  EXPECT_THAT(*styles, HasSubstr("formatCode=\"dd/mm/yyyy\""));
}

TEST(XlsxWriterTest, SanitisesTheSheetName) {
  Sheet sheet;
  sheet.title = "'Báo cáo [2025]: đơn vị/phòng ban*? cấp tỉnh và huyện'";
  sheet.header = {"a"};
  std::optional<std::string> workbook = ReadZipEntry(MustWrite(sheet), "xl/workbook.xml");
  ASSERT_TRUE(workbook);
  EXPECT_THAT(*workbook, HasSubstr("name=\"Báo cáo _2025__ đơn vị_phòng ba\""));
  sheet.title = " ";
  workbook = ReadZipEntry(MustWrite(sheet), "xl/workbook.xml");
  EXPECT_THAT(*workbook, HasSubstr("name=\"Sheet1\""));
}

TEST(XlsxWriterTest, KeepsHugeIntegersAsTextAndDropsNonFiniteNumbers) {
  Sheet sheet;
  sheet.header = {"big", "nan", "old"};
  sheet.rows.push_back({std::numeric_limits<int64_t>::max(), std::nan(""), Date(1890, 1, 2)});
  Result<Table> table = ReadXlsx(MustWrite(sheet), ReadLimits());
  ASSERT_TRUE(table.ok()) << table.status().message();
  EXPECT_THAT(table->rows[0], ElementsAre("9223372036854775807", "", "02/01/1890"));
}

TEST(XlsxWriterTest, RefusesTooManyColumnsAndInvalidUtf8) {
  Sheet wide;
  wide.header.resize(16'385, "x");
  EXPECT_EQ(WriteXlsx(wide).status().code(), Code::kInvalidArgument);
  Sheet broken;
  broken.header = {"a"};
  broken.rows.push_back({std::string("\xC3")});
  EXPECT_EQ(WriteXlsx(broken).status().code(), Code::kInternal);
}

TEST(XlsxWriterTest, RemovesItsTemporaryFile) {
  auto count = [] {
    int files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::temp_directory_path())) {
      files += entry.path().filename().string().starts_with("thidua-") ? 1 : 0;
    }
    return files;
  };
  int before = count();
  MustWrite(AwardSheet());
  EXPECT_EQ(count(), before);
}

}  // namespace
}  // namespace thidua::render
