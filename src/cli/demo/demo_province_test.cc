#include "cli/demo/demo_province.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "base/utf8.h"
#include "domain/records.h"
#include "domain/text.h"

namespace thidua::demo {
namespace {

using Rows = std::vector<std::vector<std::string>>;

// A strict RFC 4180 reader: CRLF after every record, quotes only around whole fields, "" inside
// quotes for a quote. nullopt on any deviation.
std::optional<Rows> ParseCsv(std::string_view text) {
  Rows rows;
  std::vector<std::string> row;
  std::string field;
  size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '"') {
      for (++i;; ++i) {
        if (i >= text.size()) return std::nullopt;
        if (text[i] == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            field += '"';
            ++i;
            continue;
          }
          ++i;
          break;
        }
        field += text[i];
      }
    } else {
      while (i < text.size() && text[i] != ',' && text[i] != '\r' && text[i] != '\n') {
        if (text[i] == '"') return std::nullopt;
        field += text[i++];
      }
    }
    if (i >= text.size()) return std::nullopt;  // the last record must end with CRLF
    row.push_back(std::move(field));
    field.clear();
    if (text[i] == ',') {
      ++i;
      continue;
    }
    if (text.substr(i, 2) != "\r\n") return std::nullopt;
    i += 2;
    rows.push_back(std::move(row));
    row.clear();
  }
  return rows;
}

domain::RawFields Raw(const std::vector<std::string>& header, const std::vector<std::string>& row) {
  domain::RawFields raw;
  for (size_t i = 0; i < header.size(); ++i) raw[header[i]] = row[i];
  return raw;
}

struct Parsed {
  std::vector<domain::UnitRecord> units;
  std::map<std::string, domain::UnitRecord> unit_by_code;
  std::map<std::string, std::vector<std::string>> children;
  std::vector<domain::PersonRecord> people;
  std::vector<domain::MembershipRecord> memberships;
};

constexpr Date kHorizon(2026, 6, 30);

Parsed ParseAll(const DemoProvince& demo) {
  Parsed parsed;
  std::optional<Rows> units = ParseCsv(demo.units_csv);
  std::optional<Rows> people = ParseCsv(demo.people_csv);
  std::optional<Rows> memberships = ParseCsv(demo.memberships_csv);
  EXPECT_TRUE(units && people && memberships);
  if (!units || !people || !memberships) return parsed;
  for (size_t i = 1; i < units->size(); ++i) {
    Result<domain::UnitRecord> unit = domain::ParseUnit(Raw((*units)[0], (*units)[i]));
    EXPECT_TRUE(unit.ok()) << "units line " << i + 1 << ": " << unit.status().message();
    if (!unit.ok()) continue;
    parsed.units.push_back(unit.value());
    parsed.unit_by_code[unit->code] = unit.value();
    parsed.children[unit->parent_code].push_back(unit->code);
  }
  for (size_t i = 1; i < people->size(); ++i) {
    Result<domain::PersonRecord> person = domain::ParsePerson(Raw((*people)[0], (*people)[i]), kHorizon);
    EXPECT_TRUE(person.ok()) << "people line " << i + 1;
    if (person.ok()) parsed.people.push_back(person.value());
  }
  for (size_t i = 1; i < memberships->size(); ++i) {
    Result<domain::MembershipRecord> m = domain::ParseMembership(Raw((*memberships)[0], (*memberships)[i]));
    EXPECT_TRUE(m.ok()) << "memberships line " << i + 1;
    if (m.ok()) parsed.memberships.push_back(m.value());
  }
  return parsed;
}

// Generating the province takes a fraction of a second; share one copy of each size.
const DemoProvince& Demo(DemoSize size) {
  static const DemoProvince small = GenerateDemoProvince(DemoSize::kSmall);
  static const DemoProvince province = GenerateDemoProvince(DemoSize::kProvince);
  return size == DemoSize::kSmall ? small : province;
}

const Parsed& ParsedDemo(DemoSize size) {
  static const Parsed small = ParseAll(Demo(DemoSize::kSmall));
  static const Parsed province = ParseAll(Demo(DemoSize::kProvince));
  return size == DemoSize::kSmall ? small : province;
}

bool SameProvince(const DemoProvince& a, const DemoProvince& b) {
  auto events = [](const DemoProvince& d) {
    std::vector<std::tuple<std::string, std::string, std::string, std::string, std::string, std::string>> out;
    for (const LineageEvent& e : d.lineage) {
      out.emplace_back(e.unit_code, e.kind, e.date.Iso(), e.legal_act, e.related_unit_code, e.note);
    }
    return out;
  };
  auto accounts = [](const DemoProvince& d) {
    std::vector<std::tuple<std::string, std::string, std::string, std::string>> out;
    for (const Account& a : d.accounts) out.emplace_back(a.username, a.role, a.unit_code, a.display_name);
    return out;
  };
  return a.province_name == b.province_name && a.units_csv == b.units_csv && a.people_csv == b.people_csv &&
         a.memberships_csv == b.memberships_csv && events(a) == events(b) && accounts(a) == accounts(b);
}

uint64_t Fnv1a(std::string_view text, uint64_t hash = 0xcbf29ce484222325ull) {
  for (unsigned char c : text) hash = (hash ^ c) * 0x100000001b3ull;
  return hash;
}

TEST(DemoProvinceTest, SameSizeAndSeedGiveTheSameBytes) {
  EXPECT_TRUE(SameProvince(GenerateDemoProvince(DemoSize::kSmall), Demo(DemoSize::kSmall)));
  EXPECT_TRUE(SameProvince(GenerateDemoProvince(DemoSize::kProvince, 2025), Demo(DemoSize::kProvince)));
}

TEST(DemoProvinceTest, AnotherSeedGivesOtherPeople) {
  DemoProvince other = GenerateDemoProvince(DemoSize::kSmall, 7);
  EXPECT_NE(other.people_csv, Demo(DemoSize::kSmall).people_csv);
  EXPECT_EQ(other.accounts.size(), Demo(DemoSize::kSmall).accounts.size());
}

// Catches output that differs between machines or compilers. When the generator is changed on
// purpose, replace the constant with the new value printed by the failure.
TEST(DemoProvinceTest, SmallProvinceHasAFixedFingerprint) {
  const DemoProvince& demo = Demo(DemoSize::kSmall);
  uint64_t hash = Fnv1a(demo.memberships_csv, Fnv1a(demo.people_csv, Fnv1a(demo.units_csv)));
  EXPECT_EQ(hash, 0x2734ab967f96d62dull) << std::hex << "0x" << hash;
}

TEST(DemoProvinceTest, PeopleCountsAreNearTheTargets) {
  EXPECT_NEAR(static_cast<double>(ParsedDemo(DemoSize::kSmall).people.size()), 2000, 200);
  EXPECT_NEAR(static_cast<double>(ParsedDemo(DemoSize::kProvince).people.size()), 100000, 10000);
}

class DemoSizeTest : public ::testing::TestWithParam<DemoSize> {
 protected:
  const DemoProvince& demo() const { return Demo(GetParam()); }
  const Parsed& parsed() const { return ParsedDemo(GetParam()); }
};

std::string HeaderOf(std::string_view csv) { return std::string(csv.substr(0, csv.find("\r\n"))); }

TEST_P(DemoSizeTest, CsvTextsParseWithTheExactHeaders) {
  EXPECT_EQ(HeaderOf(demo().units_csv), "code,name,parent_code,kind,field,valid_from,valid_to");
  EXPECT_EQ(HeaderOf(demo().people_csv), "code,full_name,gender,birth_date,unit_code,position,recruited_on");
  EXPECT_EQ(HeaderOf(demo().memberships_csv), "person_code,unit_code,from,to");
  for (const std::string* csv : {&demo().units_csv, &demo().people_csv, &demo().memberships_csv}) {
    std::optional<Rows> rows = ParseCsv(*csv);
    ASSERT_TRUE(rows.has_value());
    for (const auto& row : *rows) EXPECT_EQ(row.size(), (*rows)[0].size());
    EXPECT_TRUE(IsValidUtf8(*csv));
    EXPECT_FALSE(csv->starts_with("\xEF\xBB\xBF"));
  }
}

TEST_P(DemoSizeTest, UnitsAreUniqueWithParentsBeforeChildren) {
  static const std::set<std::string> kKinds = {"so_ban_nganh",     "ubnd_xa",      "ubnd_phuong",
                                               "don_vi_su_nghiep", "doanh_nghiep", "co_quan_dang_doan_the",
                                               "ubnd_tinh",        "phong_ban",    "ubnd_huyen"};
  static const std::set<std::string> kFields = {"giao_duc",
                                                "y_te",
                                                "nong_nghiep",
                                                "quoc_phong_an_ninh",
                                                "van_hoa_the_thao",
                                                "kinh_te",
                                                "quan_ly_nha_nuoc",
                                                "khoa_hoc_cong_nghe",
                                                "xay_dung_giao_thong",
                                                "tu_phap",
                                                "xa_hoi"};
  std::set<std::string> seen;
  for (const domain::UnitRecord& unit : parsed().units) {
    EXPECT_TRUE(domain::IsValidCode(unit.code)) << unit.code;
    EXPECT_TRUE(unit.parent_code.empty() || seen.count(unit.parent_code)) << unit.code;
    EXPECT_TRUE(seen.insert(unit.code).second) << "duplicate " << unit.code;
    EXPECT_TRUE(kKinds.count(unit.kind)) << unit.code;
    EXPECT_TRUE(kFields.count(unit.field)) << unit.code;
    EXPECT_EQ(domain::Nfc(unit.name), unit.name);
    // Only the 2025 reforms start or end units.
    if (unit.valid_from) {
      EXPECT_TRUE(*unit.valid_from == Date(2025, 3, 1) || *unit.valid_from == Date(2025, 7, 1)) << unit.code;
    }
    if (unit.valid_to) {
      EXPECT_TRUE(*unit.valid_to == Date(2025, 2, 28) || *unit.valid_to == Date(2025, 6, 30)) << unit.code;
    }
  }
  EXPECT_EQ(parsed().units.front().code, "UBND");
  EXPECT_EQ(parsed().units.front().kind, "ubnd_tinh");
}

TEST_P(DemoSizeTest, CommuneCountsMatchTheSize) {
  int communes = 0, with_units = 0;
  for (const domain::UnitRecord& unit : parsed().units) {
    if ((unit.kind == "ubnd_xa" || unit.kind == "ubnd_phuong") && !unit.valid_to) {
      ++communes;
      with_units += parsed().children.count(unit.code) ? 1 : 0;
    }
  }
  EXPECT_EQ(communes, GetParam() == DemoSize::kSmall ? 25 : 100);
  EXPECT_EQ(with_units, communes);
}

TEST_P(DemoSizeTest, BanThiDuaKhenThuongIsUnderSoNoiVu) {
  ASSERT_TRUE(parsed().unit_by_code.count("BTDKT"));
  EXPECT_EQ(parsed().unit_by_code.at("BTDKT").parent_code, "SNV");
  EXPECT_EQ(parsed().unit_by_code.at("BTDKT").name, "Ban Thi đua – Khen thưởng");
}

TEST_P(DemoSizeTest, PeopleHavePlausibleDatesAndCodes) {
  std::set<std::string> with_rows;
  for (const domain::MembershipRecord& m : parsed().memberships) with_rows.insert(m.person_code);
  char expected[24];
  for (size_t i = 0; i < parsed().people.size(); ++i) {
    const domain::PersonRecord& p = parsed().people[i];
    std::snprintf(expected, sizeof expected, "P%06zu", i + 1);
    EXPECT_EQ(p.code, expected);
    EXPECT_TRUE(p.gender == "nam" || p.gender == "nu") << p.code;
    ASSERT_TRUE(p.birth_date && p.recruited_on) << p.code;
    EXPECT_GE(p.birth_date->year(), 1964);
    EXPECT_LE(p.birth_date->year(), 2003);
    auto at_21 = std::make_tuple(p.birth_date->year() + 21, p.birth_date->month(), p.birth_date->day());
    EXPECT_GE(std::make_tuple(p.recruited_on->year(), p.recruited_on->month(), p.recruited_on->day()), at_21)
        << p.code;
    EXPECT_LE(*p.recruited_on, kHorizon);
    EXPECT_FALSE(p.position.empty());
    // Exactly one of the two ways of giving memberships.
    EXPECT_NE(p.unit_code.empty(), with_rows.count(p.code) == 0) << p.code;
    if (!p.unit_code.empty()) {
      ASSERT_TRUE(parsed().unit_by_code.count(p.unit_code)) << p.code;
      const domain::UnitRecord& unit = parsed().unit_by_code.at(p.unit_code);
      EXPECT_FALSE(unit.valid_to) << p.code;
      EXPECT_TRUE(!unit.valid_from || *unit.valid_from <= *p.recruited_on) << p.code;
    }
  }
}

TEST_P(DemoSizeTest, MembershipsLieInsideTheirUnitsAndNeverOverlap) {
  std::map<std::string, std::vector<domain::MembershipRecord>> by_person;
  for (const domain::MembershipRecord& m : parsed().memberships) by_person[m.person_code].push_back(m);
  std::map<std::string, const domain::PersonRecord*> people;
  for (const domain::PersonRecord& p : parsed().people) people[p.code] = &p;
  int moved_by_reform = 0;
  for (const auto& [code, list] : by_person) {
    ASSERT_TRUE(people.count(code)) << code;
    EXPECT_EQ(list.front().from, *people.at(code)->recruited_on) << code;
    for (size_t i = 0; i < list.size(); ++i) {
      const domain::MembershipRecord& m = list[i];
      ASSERT_TRUE(parsed().unit_by_code.count(m.unit_code)) << code;
      const domain::UnitRecord& unit = parsed().unit_by_code.at(m.unit_code);
      EXPECT_TRUE(!m.to || *m.to >= m.from) << code;
      EXPECT_TRUE(!unit.valid_from || *unit.valid_from <= m.from) << code << " in " << unit.code;
      EXPECT_TRUE(!unit.valid_to || (m.to && *m.to <= *unit.valid_to)) << code << " in " << unit.code;
      if (unit.kind == "ubnd_huyen" || unit.valid_to == Date(2025, 6, 30)) {
        EXPECT_LT(*m.to, Date(2025, 7, 1)) << code;
        ++moved_by_reform;
      }
      if (i + 1 < list.size()) {
        EXPECT_TRUE(m.to && *m.to < list[i + 1].from) << code << " overlaps";
        EXPECT_FALSE(domain::Overlaps({m.from, m.to}, {list[i + 1].from, list[i + 1].to})) << code;
      }
    }
  }
  EXPECT_GT(moved_by_reform, 0);
  // About 5% transfers plus the moves of the reforms and retirements.
  double share = static_cast<double>(by_person.size()) / static_cast<double>(parsed().people.size());
  EXPECT_GT(share, 0.05);
  EXPECT_LT(share, 0.30);
}

TEST_P(DemoSizeTest, NamesAreNfcWithACommonFamilyName) {
  static const std::set<std::string> kFamilies = {
      "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ",   "Võ",    "Đặng",
      "Bùi",    "Đỗ",   "Hồ", "Ngô",  "Dương", "Lý",    "Đinh", "Đào",  "Trịnh", "Lương",
      "Mai",    "Cao",  "Hà", "Tạ",   "Lâm",   "Chu",   "Tô",   "Thái", "Lưu",   "Kiều"};
  int nguyen = 0;
  for (const domain::PersonRecord& p : parsed().people) {
    ASSERT_TRUE(IsValidUtf8(p.full_name));
    EXPECT_EQ(domain::Nfc(p.full_name), p.full_name);
    EXPECT_EQ(domain::Nfc(p.position), p.position);
    std::string family = p.full_name.substr(0, p.full_name.find(' '));
    EXPECT_TRUE(kFamilies.count(family)) << p.full_name;
    size_t words = static_cast<size_t>(std::count(p.full_name.begin(), p.full_name.end(), ' ')) + 1;
    EXPECT_TRUE(words == 3 || words == 4) << p.full_name;
    if (p.gender == "nu") {
      EXPECT_EQ(p.full_name.find(" Văn "), std::string::npos) << p.full_name;
    }
    nguyen += family == "Nguyễn" ? 1 : 0;
  }
  double share = static_cast<double>(nguyen) / static_cast<double>(parsed().people.size());
  EXPECT_GT(share, 0.30);
  EXPECT_LT(share, 0.45);
}

TEST_P(DemoSizeTest, LineageEventsReferToExistingUnitsAndMatchTheirDates) {
  std::set<std::string> kinds;
  for (const LineageEvent& e : demo().lineage) {
    domain::RawFields raw = {{"unit_code", e.unit_code},
                             {"kind", e.kind},
                             {"date", e.date.Iso()},
                             {"legal_act", e.legal_act},
                             {"related_unit_code", e.related_unit_code},
                             {"note", e.note}};
    EXPECT_TRUE(domain::ParseUnitEvent(raw).ok()) << e.unit_code;
    ASSERT_TRUE(parsed().unit_by_code.count(e.unit_code)) << e.unit_code;
    const domain::UnitRecord& unit = parsed().unit_by_code.at(e.unit_code);
    kinds.insert(e.kind);
    EXPECT_EQ(e.related_unit_code.empty(), e.kind == "dissolved") << e.unit_code;
    if (e.kind == "split_from") {
      EXPECT_EQ(unit.valid_from, e.date) << e.unit_code;
    } else {
      EXPECT_EQ(unit.valid_to, e.date.AddDays(-1)) << e.unit_code;
    }
    if (e.related_unit_code.empty()) continue;
    ASSERT_TRUE(parsed().unit_by_code.count(e.related_unit_code)) << e.related_unit_code;
    const domain::UnitRecord& related = parsed().unit_by_code.at(e.related_unit_code);
    if (e.kind == "split_from") {
      EXPECT_EQ(related.valid_to, e.date.AddDays(-1)) << e.unit_code;
    } else {
      EXPECT_TRUE(!related.valid_from || *related.valid_from <= e.date) << e.unit_code;
      EXPECT_FALSE(related.valid_to) << e.unit_code;
    }
  }
  EXPECT_EQ(kinds, (std::set<std::string>{"dissolved", "merged_into", "renamed", "split_from"}));
  // Every unit that ended has a lineage event saying why.
  std::set<std::string> explained;
  for (const LineageEvent& e : demo().lineage) explained.insert(e.unit_code);
  for (const domain::UnitRecord& unit : parsed().units) {
    if (unit.valid_to) {
      EXPECT_TRUE(explained.count(unit.code)) << unit.code;
    }
  }
}

TEST_P(DemoSizeTest, AccountsCoverEveryRoleWithPeopleOfTheProvince) {
  std::set<std::string> names;
  for (const domain::PersonRecord& p : parsed().people) names.insert(p.full_name);
  std::map<std::string, Account> by_name;
  for (const Account& a : demo().accounts) by_name[a.username] = a;
  const std::map<std::string, std::string> kRoles = {{"admin", "admin"},         {"vanphong", "office"},
                                                     {"lanhdao", "office_lead"}, {"hoidong", "council"},
                                                     {"donvi", "unit_officer"},  {"thutruong", "unit_head"},
                                                     {"bientap", "editor"}};
  ASSERT_EQ(by_name.size(), kRoles.size());
  for (const auto& [username, role] : kRoles) {
    ASSERT_TRUE(by_name.count(username)) << username;
    const Account& a = by_name.at(username);
    EXPECT_EQ(a.role, role);
    EXPECT_TRUE(names.count(a.display_name)) << username << ": " << a.display_name;
    EXPECT_TRUE(a.unit_code.empty() || parsed().unit_by_code.count(a.unit_code)) << username;
  }
  EXPECT_EQ(by_name.at("hoidong").unit_code, "BTDKT");
  const std::string& commune = by_name.at("donvi").unit_code;
  EXPECT_EQ(by_name.at("thutruong").unit_code, commune);
  ASSERT_TRUE(parsed().unit_by_code.count(commune));
  const std::string& kind = parsed().unit_by_code.at(commune).kind;
  EXPECT_TRUE(kind == "ubnd_xa" || kind == "ubnd_phuong");
  EXPECT_GE(parsed().children.count(commune) ? parsed().children.at(commune).size() : 0u, 3u);
}

INSTANTIATE_TEST_SUITE_P(Sizes, DemoSizeTest, ::testing::Values(DemoSize::kSmall, DemoSize::kProvince),
                         [](const ::testing::TestParamInfo<DemoSize>& info) {
                           return info.param == DemoSize::kSmall ? "Small" : "Province";
                         });

}  // namespace
}  // namespace thidua::demo
