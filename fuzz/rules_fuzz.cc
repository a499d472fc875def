// Fuzzes ParseRuleBook (and ParseConditionList). The first byte picks how the input becomes files, so
// that mutations reach deep into valid rule sets without a corpus: the input alone; the shipped 2024
// file with the input appended; the shipped file with the input written over it at an offset; or the
// shipped 2024 file beside the input as a second, later rule set. A book that parses is then used to
// judge a person and a unit for 2024–2026, which must give one verdict per award and say what is
// missing whenever it answers "not eligible".
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/embedded.h"
#include "domain/eligibility.h"
#include "domain/rules.h"

namespace thidua::rules_files {
const std::vector<thidua::EmbeddedFile>& EmbeddedFiles();
}  // namespace thidua::rules_files

namespace {

using namespace thidua;
using namespace thidua::domain;

std::string Shipped2024() {
  for (const EmbeddedFile& f : rules_files::EmbeddedFiles()) {
    if (f.path.rfind("2024-01-01_", 0) == 0) return std::string(f.data);
  }
  std::abort();
}

std::vector<std::pair<std::string, std::string>> Files(uint8_t mode, std::string_view input) {
  static const std::string base = Shipped2024();
  const std::string name = "2024-01-01_fuzz.toml";
  switch (mode % 4) {
    case 0:
      return {{name, std::string(input)}};
    case 1:
      return {{name, base + "\n" + std::string(input)}};
    case 2: {
      std::string text = base;
      size_t at =
          input.empty() ? 0 : (static_cast<size_t>(static_cast<uint8_t>(input[0])) * 37) % text.size();
      std::string_view patch = input.empty() ? input : input.substr(1);
      text.replace(at, std::min(patch.size(), text.size() - at), patch);
      return {{name, text}};
    }
    default:
      return {{name, base}, {"2025-07-01_fuzz.toml", std::string(input)}};
  }
}

void Check(const Verdicts& verdicts, SubjectType subject) {
  if (verdicts.results.size() != AwardsFor(subject).size()) std::abort();
  for (const AwardVerdict& v : verdicts.results) {
    if (v.eligible != false) continue;
    bool says = false;
    for (const Condition& c : v.conditions) says |= !c.met;
    if (!says) std::abort();  // "not eligible" must say what is missing
  }
}

void Judge(const RuleBook& book) {
  PersonHistory person;
  person.code = "P1";
  person.recruited_on = Date(2020, 7, 1);
  person.ratings = {{2022, Rating::kHtxs}, {2023, Rating::kHtt}, {2024, Rating::kHtxs}, {2025, Rating::kHt}};
  person.initiatives = {{"SK1", "x", InitiativeScope::kTinh, Date(2024, 3, 1)}};
  person.awards = {{AwardCode::kCstdcs, AwardMethod::kThuongXuyen, false, 2023, 2023, Date(2024, 1, 5), "1"},
                   {AwardCode::kBkTinh, AwardMethod::kChuyenDe, false, 2022, 2023, Date(2024, 1, 5), "2"}};
  person.disciplines = {{"canh_cao", Date(2021, 1, 1), Date(2021, 12, 31), false}};
  UnitHistory unit;
  unit.code = "U1";
  unit.ratings = {{2024, Rating::kHtxs}};
  unit.members_by_year[2024] = {{"P1", Rating::kHtt, true, false, std::nullopt},
                                {"P2", std::nullopt, false, false, std::string("canh_cao")}};
  unit.block_leader_years = {2024};
  Settings settings;
  for (int year = 2024; year <= 2026; ++year) {
    const RuleSet* rules = book.ForYear(year);
    if (!rules) continue;
    Check(EvaluatePerson(*rules, settings, person, year), SubjectType::kPerson);
    Check(EvaluateUnit(*rules, settings, unit, year), SubjectType::kUnit);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0 || size > 64 * 1024) return 0;
  std::string_view input(reinterpret_cast<const char*>(data) + 1, size - 1);
  Result<RuleBook> book = ParseRuleBook(Files(data[0], input));
  if (book.ok()) {
    Judge(book.value());
  } else if (book.status().code() != Code::kInvalidArgument || book.status().fields().empty()) {
    std::abort();  // every refusal names the file and key
  }
  Result<std::vector<RuleCondition>> list =
      ParseConditionList("fuzz", std::string(input), SubjectType::kPerson);
  if (!list.ok() && list.status().code() != Code::kInvalidArgument) std::abort();
  return 0;
}
