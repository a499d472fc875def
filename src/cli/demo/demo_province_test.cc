#include "cli/demo/demo_province.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iterator>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "base/clock.h"
#include "base/crypto.h"
#include "base/utf8.h"
#include "cli/demo/demo_loader.h"
#include "domain/award_records.h"
#include "domain/eligibility.h"
#include "domain/records.h"
#include "domain/rules.h"
#include "domain/text.h"
#include "render/table_reader.h"
#include "service/services.h"
#include "store/db.h"

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
         a.memberships_csv == b.memberships_csv && a.evaluations_csv == b.evaluations_csv &&
         a.initiatives_csv == b.initiatives_csv && a.disciplines_csv == b.disciplines_csv &&
         a.awards_csv == b.awards_csv && events(a) == events(b) && accounts(a) == accounts(b);
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

// The same for the records: a change of the rules engine or of the shipped rule sets that changes
// who is awarded also changes this value.
TEST(DemoProvinceTest, SmallProvinceRecordsHaveAFixedFingerprint) {
  const DemoProvince& demo = Demo(DemoSize::kSmall);
  uint64_t hash = Fnv1a(
      demo.awards_csv, Fnv1a(demo.disciplines_csv, Fnv1a(demo.initiatives_csv, Fnv1a(demo.evaluations_csv))));
  EXPECT_EQ(hash, 0x701b7f885deac547ull) << std::hex << "0x" << hash;
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
  EXPECT_EQ(HeaderOf(demo().evaluations_csv), "subject_type,subject_code,year,rating");
  EXPECT_EQ(HeaderOf(demo().initiatives_csv), "code,title,author_codes,scope,recognized_on,recognized_by");
  EXPECT_EQ(HeaderOf(demo().disciplines_csv), "person_code,level,from,to,pending");
  EXPECT_EQ(HeaderOf(demo().awards_csv),
            "subject_type,subject_code,award_code,year,method,decision_no,decision_date,issuer,revoked,"
            "period_from,signer,bonus_amount,revoke_reason,unit_code");
  for (const std::string* csv :
       {&demo().units_csv, &demo().people_csv, &demo().memberships_csv, &demo().evaluations_csv,
        &demo().initiatives_csv, &demo().disciplines_csv, &demo().awards_csv}) {
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

// ---- the records: parsed as the import parses them, then judged again by the rules engine ----

struct ParsedAward {
  domain::AwardRecord record;
  std::optional<domain::AwardCode> code;  // nullopt for codes the engine does not reason with
  std::optional<domain::AwardMethod> method;
};

struct Records {
  std::vector<domain::EvaluationRecord> evaluations;
  std::vector<domain::InitiativeRecord> initiatives;
  std::vector<domain::DisciplineRecord> disciplines;
  std::vector<ParsedAward> awards;
};

// The award catalogue of DOMAIN.md as the schema ships it (002_records.sql).
std::vector<domain::AwardTypeRecord> Catalogue() {
  std::vector<domain::AwardTypeRecord> types;
  for (auto [code, subjects, years] : {std::tuple{"LDTT", "person", 1},
                                       {"CSTDCS", "person", 1},
                                       {"CSTD_TINH", "person", 3},
                                       {"CSTD_TQ", "person", 6},
                                       {"TTLDTT", "unit", 1},
                                       {"TTLDXS", "unit", 1},
                                       {"CO_TINH", "unit", 1},
                                       {"CO_CP", "unit", 1},
                                       {"GK", "person,unit,household", 1},
                                       {"BK_TINH", "person,unit,household", 1},
                                       {"BK_TTG", "person,unit", 1},
                                       {"HCLD3", "person,unit", 1},
                                       {"HCLD2", "person,unit", 1},
                                       {"HCLD1", "person,unit", 1}}) {
    Result<domain::AwardTypeRecord> type = domain::ParseAwardType(
        {{"code", code}, {"name", code}, {"subjects", subjects}, {"period_years", std::to_string(years)}});
    EXPECT_TRUE(type.ok());
    if (type.ok()) types.push_back(type.value());
  }
  return types;
}

template <typename Record, typename Parse>
std::vector<Record> ParseRecords(const std::string& csv, const char* kind, Parse parse) {
  std::vector<Record> out;
  std::optional<Rows> rows = ParseCsv(csv);
  EXPECT_TRUE(rows.has_value()) << kind;
  if (!rows) return out;
  out.reserve(rows->size());
  for (size_t i = 1; i < rows->size(); ++i) {
    Result<Record> record = parse(Raw((*rows)[0], (*rows)[i]));
    EXPECT_TRUE(record.ok()) << kind << " line " << i + 1 << ": " << record.status().message();
    if (record.ok()) out.push_back(std::move(record).value());
  }
  return out;
}

Records ParseRecordsOf(const DemoProvince& demo) {
  Records records;
  const std::vector<domain::AwardTypeRecord> catalogue = Catalogue();
  records.evaluations = ParseRecords<domain::EvaluationRecord>(
      demo.evaluations_csv, "evaluations",
      [](const domain::RawFields& raw) { return domain::ParseEvaluation(raw, kHorizon); });
  records.initiatives = ParseRecords<domain::InitiativeRecord>(
      demo.initiatives_csv, "initiatives",
      [](const domain::RawFields& raw) { return domain::ParseInitiative(raw, kHorizon); });
  records.disciplines = ParseRecords<domain::DisciplineRecord>(
      demo.disciplines_csv, "disciplines",
      [](const domain::RawFields& raw) { return domain::ParseDiscipline(raw, kHorizon); });
  for (domain::AwardRecord& a : ParseRecords<domain::AwardRecord>(
           demo.awards_csv, "awards",
           [&](const domain::RawFields& raw) { return domain::ParseAward(raw, catalogue, kHorizon); })) {
    ParsedAward parsed{std::move(a), std::nullopt, std::nullopt};
    parsed.code = domain::ParseAwardCode(parsed.record.award_code);
    parsed.method = domain::ParseAwardMethod(parsed.record.method);
    records.awards.push_back(std::move(parsed));
  }
  return records;
}

const Records& RecordsOf(DemoSize size) {
  static const Records small = ParseRecordsOf(Demo(DemoSize::kSmall));
  static const Records province = ParseRecordsOf(Demo(DemoSize::kProvince));
  return size == DemoSize::kSmall ? small : province;
}

size_t PersonIndex(const std::string& code) { return static_cast<size_t>(std::stoul(code.substr(1))) - 1; }

// Every person's history as the eligibility service builds it, without awards (added year by year).
std::vector<domain::PersonHistory> Histories(const Parsed& parsed, const Records& records) {
  std::vector<domain::PersonHistory> people(parsed.people.size());
  for (size_t i = 0; i < people.size(); ++i) {
    people[i].code = parsed.people[i].code;
    people[i].name = parsed.people[i].full_name;
    people[i].recruited_on = parsed.people[i].recruited_on;
  }
  for (const domain::EvaluationRecord& e : records.evaluations) {
    if (e.subject_type == "person") {
      people[PersonIndex(e.subject_code)].ratings.push_back({e.year, *domain::ParseRating(e.rating)});
    }
  }
  for (const domain::InitiativeRecord& i : records.initiatives) {
    for (const std::string& author : i.author_codes) {
      people[PersonIndex(author)].initiatives.push_back(
          {i.code, i.title, *domain::ParseInitiativeScope(i.scope), i.recognized_on});
    }
  }
  return people;
}

// Adds the disciplines known when the year's awards were decided (early the next year): a review
// opened later holds back later proposals, not decisions already taken.
void AddDisciplinesKnownBy(Date day, const Records& records, std::vector<domain::PersonHistory>& people,
                           size_t& next) {
  for (; next < records.disciplines.size() && records.disciplines[next].from <= day; ++next) {
    const domain::DisciplineRecord& d = records.disciplines[next];
    people[PersonIndex(d.person_code)].disciplines.push_back({d.level, d.from, d.to, d.pending});
  }
}

domain::AwardFact FactOf(const ParsedAward& a) {
  domain::AwardFact fact;
  fact.award = *a.code;
  fact.method = *a.method;
  fact.revoked = a.record.revoked;
  fact.period_from = a.record.period_from;
  fact.period_to = a.record.period_to;
  fact.decision_date = a.record.decision_date;
  fact.decision_no = a.record.decision_no;
  return fact;
}

const domain::RuleBook& Book() {
  static const domain::RuleBook book = domain::LoadShippedRuleBook().value();
  return book;
}

const domain::RuleSet& RulesFor(int year) {
  const domain::RuleSet* rules = Book().ForYear(year);
  return rules ? *rules : Book().sets().front();
}

struct YearCounts {
  int rated = 0;
  std::map<std::string, int> awarded;   // regular, not revoked
  std::map<std::string, int> eligible;  // LDTT, CSTDCS, CSTD_TINH, BK_TINH by the engine
  int inconsistent = 0;
};

constexpr domain::AwardCode kJudged[] = {domain::AwardCode::kLdtt, domain::AwardCode::kCstdcs,
                                         domain::AwardCode::kCstdTinh, domain::AwardCode::kBkTinh};

// Judges every person of every year again on the records as they stood when the year's awards were
// decided (the awards of earlier years, the disciplines known by then), and checks each regular
// award of 2024 and 2025 against the verdict.
std::map<int, YearCounts> Judge(const Parsed& parsed, const Records& records) {
  std::vector<domain::PersonHistory> people = Histories(parsed, records);
  Records sorted_disciplines;
  sorted_disciplines.disciplines = records.disciplines;
  std::sort(
      sorted_disciplines.disciplines.begin(), sorted_disciplines.disciplines.end(),
      [](const domain::DisciplineRecord& a, const domain::DisciplineRecord& b) { return a.from < b.from; });
  size_t known = 0;
  std::map<int, std::vector<const ParsedAward*>> by_year;
  for (const ParsedAward& a : records.awards) by_year[a.record.period_to].push_back(&a);
  std::map<int, YearCounts> counts;
  domain::Settings settings;
  domain::AwardVerdict verdict;
  for (int year = 2016; year <= 2025; ++year) {
    const domain::RuleSet& rules = RulesFor(year);
    AddDisciplinesKnownBy(Date(year + 1, 1, 5), sorted_disciplines, people, known);
    YearCounts& c = counts[year];
    for (const domain::PersonHistory& person : people) {
      auto rated = std::find_if(person.ratings.begin(), person.ratings.end(),
                                [&](const domain::RatingFact& r) { return r.year == year; });
      if (rated == person.ratings.end()) continue;
      ++c.rated;
      for (domain::AwardCode award : kJudged) {
        domain::EvaluatePersonAwardInto(rules, settings, person, year, award, verdict);
        c.eligible[std::string(domain::AwardCodeName(award))] += verdict.eligible == true ? 1 : 0;
      }
    }
    for (const ParsedAward* a : by_year[year]) {
      const domain::AwardRecord& r = a->record;
      if (r.revoked || r.method != "THUONG_XUYEN") continue;
      ++c.awarded[r.award_code];
      if (year < 2024 || r.subject_type != "person" || !a->code) continue;
      domain::EvaluatePersonAwardInto(rules, settings, people[PersonIndex(r.subject_code)], year, *a->code,
                                      verdict);
      if (verdict.eligible != true) {
        ++c.inconsistent;
        ADD_FAILURE() << r.subject_code << " " << r.award_code << " " << year << " is not eligible";
      }
    }
    for (const ParsedAward* a : by_year[year]) {
      if (a->record.subject_type == "person" && a->code) {
        people[PersonIndex(a->record.subject_code)].awards.push_back(FactOf(*a));
      }
    }
  }
  return counts;
}

TEST_P(DemoSizeTest, RecordsParseAsTheImportParsesThem) {
  const Records& records = RecordsOf(GetParam());
  auto rows = [](const std::string& csv) { return std::count(csv.begin(), csv.end(), '\n') - 1; };
  EXPECT_EQ(static_cast<ptrdiff_t>(records.evaluations.size()), rows(demo().evaluations_csv));
  EXPECT_EQ(static_cast<ptrdiff_t>(records.initiatives.size()), rows(demo().initiatives_csv));
  EXPECT_EQ(static_cast<ptrdiff_t>(records.disciplines.size()), rows(demo().disciplines_csv));
  EXPECT_EQ(static_cast<ptrdiff_t>(records.awards.size()), rows(demo().awards_csv));
}

TEST_P(DemoSizeTest, RatingsCoverTheYearsOfMembershipWithARealisticSpread) {
  std::map<std::string, int> ratings;
  std::set<std::tuple<std::string, std::string, int>> keys;
  for (const domain::EvaluationRecord& e : RecordsOf(GetParam()).evaluations) {
    EXPECT_TRUE(keys.emplace(e.subject_type, e.subject_code, e.year).second)
        << e.subject_code << " " << e.year;
    EXPECT_GE(e.year, 2016);
    EXPECT_LE(e.year, 2025);
    if (e.subject_type == "person") ++ratings[e.rating];
  }
  double total = 0;
  for (const auto& [rating, n] : ratings) total += n;
  EXPECT_NEAR(ratings["HTXS"] / total, 0.15, 0.04);
  EXPECT_NEAR(ratings["HTT"] / total, 0.65, 0.06);
  EXPECT_NEAR(ratings["HT"] / total, 0.17, 0.05);
  EXPECT_NEAR(ratings["KHT"] / total, 0.03, 0.02);
  // Everyone with a membership during 2025 is rated for 2025.
  std::set<std::string> members_2025;
  for (const domain::PersonRecord& p : parsed().people) {
    if (!p.unit_code.empty() && *p.recruited_on <= Date(2025, 12, 31)) members_2025.insert(p.code);
  }
  for (const domain::MembershipRecord& m : parsed().memberships) {
    if (m.from <= Date(2025, 12, 31) && (!m.to || *m.to >= Date(2025, 1, 1)))
      members_2025.insert(m.person_code);
  }
  for (const auto& code : members_2025) EXPECT_TRUE(keys.count({"person", code, 2025})) << code;
}

TEST_P(DemoSizeTest, InitiativesHaveUniqueCodesAndAuthorsOfTheProvince) {
  std::set<std::string> codes;
  std::map<std::string, int> scopes;
  int shared = 0;
  for (const domain::InitiativeRecord& i : RecordsOf(GetParam()).initiatives) {
    EXPECT_TRUE(codes.insert(i.code).second) << i.code;
    for (const std::string& author : i.author_codes) EXPECT_LT(PersonIndex(author), parsed().people.size());
    EXPECT_LE(i.author_codes.size(), 3u);
    shared += i.author_codes.size() > 1 ? 1 : 0;
    ++scopes[i.scope];
    EXPECT_TRUE(i.recognized_by.starts_with("Quyết định số ")) << i.code;
    EXPECT_EQ(domain::Nfc(i.title), i.title);
  }
  EXPECT_GT(scopes["CO_SO"], 5 * scopes["TINH"]);
  EXPECT_GT(scopes["TINH"], scopes["TOAN_QUOC"]);
  EXPECT_GT(shared, 0);
}

TEST_P(DemoSizeTest, DisciplinesAreRareWithAFewPendingReviews) {
  const Records& records = RecordsOf(GetParam());
  int pending = 0;
  for (const domain::DisciplineRecord& d : records.disciplines) {
    if (d.pending) {
      ++pending;
      EXPECT_GE(d.from, Date(2025, 1, 1));
      EXPECT_FALSE(d.to);
    } else {
      EXPECT_TRUE(domain::IsKnownDisciplineLevel(d.level)) << d.person_code;
    }
  }
  EXPECT_GT(pending, 0);
  EXPECT_LT(static_cast<double>(records.disciplines.size()),
            0.01 * static_cast<double>(records.evaluations.size()));
}

TEST_P(DemoSizeTest, AwardsAreUniqueDatedAfterTheirPeriodAndNumberedInOrder) {
  std::set<std::tuple<std::string, std::string, std::string, int>> keys;
  std::map<std::tuple<std::string, int, int>, Date> numbers;  // (issuer, decision year, n) → date
  int revoked = 0, thematic = 0;
  for (const ParsedAward& a : RecordsOf(GetParam()).awards) {
    const domain::AwardRecord& r = a.record;
    EXPECT_TRUE(keys.emplace(r.subject_type, r.subject_code, r.award_code, r.period_to).second)
        << r.subject_code << " " << r.award_code << " " << r.period_to;
    ASSERT_TRUE(a.method.has_value());
    if (r.method == "THUONG_XUYEN") {
      EXPECT_GT(r.decision_date.year(), r.period_to) << r.subject_code << " " << r.award_code;
    } else {
      ++thematic;
      EXPECT_GE(r.decision_date.year(), r.period_to);
    }
    revoked += r.revoked ? 1 : 0;
    EXPECT_EQ(r.revoked, !r.revoke_reason.empty());
    EXPECT_LE(r.decision_date, kHorizon);
    int n = std::stoi(r.decision_no);
    EXPECT_EQ(r.decision_no.substr(r.decision_no.find('/')), r.decision_no.substr(std::to_string(n).size()));
    EXPECT_TRUE(r.decision_no.find("/QĐ-") != std::string::npos) << r.decision_no;
    auto [it, inserted] = numbers.emplace(std::tuple(r.issuer, r.decision_date.year(), n), r.decision_date);
    EXPECT_EQ(it->second, r.decision_date) << r.issuer << " " << r.decision_no;
  }
  // Within an issuer's year, a later number never has an earlier date.
  for (auto it = numbers.begin(); it != numbers.end(); ++it) {
    auto next = std::next(it);
    if (next == numbers.end() || std::get<0>(next->first) != std::get<0>(it->first) ||
        std::get<1>(next->first) != std::get<1>(it->first)) {
      continue;
    }
    EXPECT_LE(it->second, next->second) << std::get<0>(it->first) << " " << std::get<2>(it->first);
  }
  EXPECT_GE(revoked, 1);
  EXPECT_LE(revoked, 2);
  EXPECT_GT(thematic, 0);
}

TEST_P(DemoSizeTest, CstdcsStaysWithinTheQuotaOfEachDecidingUnit) {
  std::map<std::pair<std::string, int>, std::pair<int, int>> by_issuer;  // → (LDTT, CSTDCS)
  for (const ParsedAward& a : RecordsOf(GetParam()).awards) {
    if (a.record.award_code == "LDTT") ++by_issuer[{a.record.issuer, a.record.period_to}].first;
    if (a.record.award_code == "CSTDCS") ++by_issuer[{a.record.issuer, a.record.period_to}].second;
  }
  int with_cstdcs = 0;
  for (const auto& [key, count] : by_issuer) {
    domain::QuotaCheck quota = domain::CstdcsQuota(domain::Settings{}, count.first, count.second);
    EXPECT_TRUE(quota.within) << key.first << " " << key.second << ": " << quota.text;
    with_cstdcs += count.second > 0 ? 1 : 0;
  }
  EXPECT_GT(with_cstdcs, 0);
}

// The heart of the records: each regular award of 2024 and 2025 is one the engine grants on the
// generated records, and the numbers look like a province's.
TEST_P(DemoSizeTest, AwardsAreThoseTheRulesEngineGrants) {
  std::map<int, YearCounts> counts = Judge(parsed(), RecordsOf(GetParam()));
  std::printf(
      "%s: year rated | awarded LDTT CSTDCS CSTD_TINH BK_TINH BK_TTG CSTD_TQ TTLDTT TTLDXS | "
      "eligible LDTT CSTDCS CSTD_TINH BK_TINH\n",
      GetParam() == DemoSize::kSmall ? "small" : "province");
  for (auto& [year, c] : counts) {
    std::printf("%d %7d | %6d %6d %4d %5d %4d %3d %5d %4d | %6d %6d %4d %5d\n", year, c.rated,
                c.awarded["LDTT"], c.awarded["CSTDCS"], c.awarded["CSTD_TINH"], c.awarded["BK_TINH"],
                c.awarded["BK_TTG"], c.awarded["CSTD_TQ"], c.awarded["TTLDTT"], c.awarded["TTLDXS"],
                c.eligible["LDTT"], c.eligible["CSTDCS"], c.eligible["CSTD_TINH"], c.eligible["BK_TINH"]);
    EXPECT_EQ(c.inconsistent, 0) << year;
  }
  const YearCounts& last = counts[2025];
  double ldtt_share = static_cast<double>(last.eligible.at("LDTT")) / last.rated;
  EXPECT_GT(ldtt_share, 0.5);
  EXPECT_LT(ldtt_share, 0.9);
  EXPECT_GT(last.eligible.at("CSTDCS"), 0);
  EXPECT_GT(counts[2024].eligible.at("CSTD_TINH") + last.eligible.at("CSTD_TINH"), 0);
  EXPECT_GT(counts[2024].eligible.at("BK_TINH") + last.eligible.at("BK_TINH"), 0);
  for (int year = 2016; year <= 2025; ++year) {
    EXPECT_EQ(counts[year].awarded["LDTT"], counts[year].eligible["LDTT"])
        << year << ": LDTT goes to everyone eligible";
    EXPECT_LE(counts[year].awarded["CSTDCS"], counts[year].eligible["CSTDCS"]) << year;
  }
}

TEST_P(DemoSizeTest, APendingReviewHoldsBackSomeoneOtherwiseEligible) {
  std::vector<domain::PersonHistory> people = Histories(parsed(), RecordsOf(GetParam()));
  size_t all = 0;
  AddDisciplinesKnownBy(kHorizon, RecordsOf(GetParam()), people, all);
  const domain::RuleSet& rules = RulesFor(2025);
  int held_back = 0;
  for (domain::PersonHistory& person : people) {
    if (std::none_of(person.disciplines.begin(), person.disciplines.end(),
                     [](const domain::DisciplineFact& d) { return d.pending; })) {
      continue;
    }
    bool with_hold =
        domain::EvaluatePersonAward(rules, {}, person, 2025, domain::AwardCode::kLdtt).eligible == true;
    std::erase_if(person.disciplines, [](const domain::DisciplineFact& d) { return d.pending; });
    bool without =
        domain::EvaluatePersonAward(rules, {}, person, 2025, domain::AwardCode::kLdtt).eligible == true;
    EXPECT_FALSE(with_hold) << person.code;
    held_back += without ? 1 : 0;
  }
  EXPECT_GT(held_back, 0);
}

// `thidua demo` loads the province through the import service: every kind imports cleanly (all or
// nothing, so a single bad row would fail the load), and importing the records again changes nothing.
TEST(DemoProvinceTest, SmallProvinceLoadsThroughTheRealImports) {
  ASSERT_TRUE(InitCrypto());
  const std::filesystem::path path =
      std::filesystem::temp_directory_path() / ("thidua-demo-test-" + std::to_string(::getpid()) + ".db");
  std::filesystem::remove(path);
  {
    Result<std::unique_ptr<store::Db>> db = store::OpenDb("sqlite://" + path.string());
    ASSERT_TRUE(db.ok()) << db.status().message();
    ASSERT_TRUE((*db)->Migrate().ok());
    FakeClock clock(1795748400000);  // 2026-11-27 10:00 in Hà Nội
    service::AuthOptions auth;
    auth.ops_limit = 1;
    auth.mem_limit = 8192;
    service::Services services(service::Context{**db, clock}, auth);
    const DemoProvince& demo = Demo(DemoSize::kSmall);
    Status loaded = LoadDemoProvince(services, demo);
    ASSERT_TRUE(loaded.ok()) << loaded.message();
    for (auto [kind, csv] :
         {std::pair{"evaluations", &demo.evaluations_csv}, std::pair{"initiatives", &demo.initiatives_csv},
          std::pair{"disciplines", &demo.disciplines_csv}, std::pair{"awards", &demo.awards_csv}}) {
      Result<domain::Table> table = render::ReadTable(*csv, render::FileFormat::kCsv);
      ASSERT_TRUE(table.ok()) << kind;
      Result<service::ImportReport> again =
          services.imports.ImportTable(service::Actor::System(), kind, *table);
      ASSERT_TRUE(again.ok()) << kind;
      EXPECT_TRUE(again->ok()) << kind;
      EXPECT_EQ(again->unchanged, again->rows) << kind;
    }
  }
  std::filesystem::remove(path);
}

INSTANTIATE_TEST_SUITE_P(Sizes, DemoSizeTest, ::testing::Values(DemoSize::kSmall, DemoSize::kProvince),
                         [](const ::testing::TestParamInfo<DemoSize>& info) {
                           return info.param == DemoSize::kSmall ? "Small" : "Province";
                         });

}  // namespace
}  // namespace thidua::demo
