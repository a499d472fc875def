#include "cli/demo/demo_records.h"

// Everything here is fictional but shaped like a province's files: about 15% of staff rated HTXS,
// most HTT; initiatives mostly recognised by the staff's own unit; a few disciplines; titles decided
// by unit heads in January, provincial forms by the Chủ tịch UBND tỉnh in spring, the Prime
// Minister's by early summer. Decision numbers follow each issuer's register of the year.

#include <algorithm>
#include <array>
#include <cassert>
#include <cstdio>
#include <functional>
#include <iterator>
#include <map>
#include <string_view>
#include <tuple>
#include <utility>

#include "cli/demo/demo_support.h"
#include "domain/eligibility.h"
#include "domain/rules.h"

namespace thidua::demo::internal {
namespace {

using domain::AwardCode;
using domain::AwardMethod;
using domain::InitiativeScope;
using domain::Rating;

constexpr int kYears = kLastRecordYear - kFirstRecordYear + 1;
constexpr int kHtxs = static_cast<int>(Rating::kHtxs);
constexpr int kHtt = static_cast<int>(Rating::kHtt);

// Ratings in per mille (HTXS, HTT, HT, KHT). The chain settles near 15 / 66 / 16 / 3 %, and a person
// rated HTXS stays so with a 60% chance, so the consecutive runs that higher titles need exist.
using PerMille = std::array<int, 4>;
constexpr PerMille kFirstRating = {150, 650, 170, 30};
constexpr PerMille kNewcomerRating = {0, 500, 480, 20};  // recruited after 30 June of the year
constexpr std::array<PerMille, 4> kNextRating = {
    {{600, 365, 31, 4}, {82, 790, 112, 16}, {28, 470, 440, 62}, {0, 280, 500, 220}}};
constexpr PerMille kFirstUnitRating = {250, 600, 130, 20};
constexpr std::array<PerMille, 4> kNextUnitRating = {
    {{650, 330, 20, 0}, {150, 750, 90, 10}, {50, 550, 350, 50}, {0, 500, 400, 100}}};

int8_t DrawRating(Rng& rng, const PerMille& per_mille) {
  int r = rng.Below(1000);
  for (int8_t i = 0; i < 3; ++i) {
    if (r < per_mille[static_cast<size_t>(i)]) return i;
    r -= per_mille[static_cast<size_t>(i)];
  }
  return 3;
}

// Mức lương cơ sở by the day it took effect (Nghị định 66/2013, 47/2016, 47/2017, 72/2018, 38/2019,
// 24/2023, 73/2024).
struct BaseSalary {
  Date from;
  int64_t amount;
};
constexpr BaseSalary kBaseSalaries[] = {
    {Date(2013, 7, 1), 1'150'000}, {Date(2016, 5, 1), 1'210'000}, {Date(2017, 7, 1), 1'300'000},
    {Date(2018, 7, 1), 1'390'000}, {Date(2019, 7, 1), 1'490'000}, {Date(2023, 7, 1), 1'800'000},
    {Date(2024, 7, 1), 2'340'000},
};

int64_t BaseSalaryOn(Date day) {
  int64_t amount = kBaseSalaries[0].amount;
  for (const BaseSalary& s : kBaseSalaries) {
    if (s.from <= day) amount = s.amount;
  }
  return amount;
}

// Bonus in tenths of the base salary: Nghị định 98/2023/NĐ-CP Điều 54 for titles (legal-basis.md §2);
// the Bằng khen and Giấy khen coefficients (Điều 55) are UNCONFIRMED there.
int BonusTenths(AwardCode award, bool unit) {
  switch (award) {
    case AwardCode::kLdtt:
      return 3;
    case AwardCode::kCstdcs:
      return 10;
    case AwardCode::kCstdTinh:
      return 30;
    case AwardCode::kCstdTq:
      return 45;
    case AwardCode::kTtldtt:
      return 8;
    case AwardCode::kTtldxs:
      return 15;
    case AwardCode::kBkTinh:
      return unit ? 20 : 10;
    case AwardCode::kBkTtg:
      return unit ? 30 : 15;
    case AwardCode::kGk:
      return unit ? 6 : 3;
    default:
      return 0;
  }
}

// Issuers that are not units of the province.
constexpr int kPrimeMinister = -2;
constexpr int kMinistry = -3;  // Bộ Khoa học và Công nghệ: initiatives of nationwide scope

// What a decision is for: one decision per (purpose, group, year).
enum class Purpose : uint8_t {
  kLdtt,
  kCstdcs,
  kUnitTitles,
  kInitiatives,
  kCstdTinh,
  kBkTinh,
  kTtldxs,
  kCentral,
  kThematic,
  kSudden
};

struct Decision {
  int issuer = 0;  // unit index, or kPrimeMinister / kMinistry
  Date date{1970, 1, 1};
  int number = 0;  // assigned once every decision is known (Number)
};

struct AwardRow {
  bool unit = false;
  int subject = 0;
  AwardCode award = AwardCode::kLdtt;
  AwardMethod method = AwardMethod::kThuongXuyen;
  int period_from = 0, year = 0;
  int decision = 0;
  bool revoked = false;
  std::string revoke_reason;
};

struct InitiativeRow {
  std::string code, title;
  std::vector<int> authors;
  InitiativeScope scope = InitiativeScope::kCoSo;
  int decision = 0;
};

struct DisciplineRow {
  int person = 0;
  std::string level;  // empty while pending
  Date from{1970, 1, 1};
  std::optional<Date> to;
  bool pending = false;
};

// Initiative titles by the unit's field; "%s" takes a school subject.
constexpr std::string_view kSchoolSubjects[] = {"Toán",    "Ngữ văn", "Tiếng Anh", "Vật lý",   "Hóa học",
                                                "Lịch sử", "Địa lý",  "Tin học",   "Sinh học", "Âm nhạc"};
struct TitleSet {
  std::string_view field;
  std::vector<std::string_view> titles;
};
const std::vector<TitleSet>& Titles() {
  static const std::vector<TitleSet> kTitles = {
      {"giao_duc",
       {"Một số biện pháp nâng cao chất lượng dạy học môn %s",
        "Ứng dụng công nghệ thông tin trong dạy học môn %s", "Kinh nghiệm bồi dưỡng học sinh giỏi môn %s",
        "Tổ chức hoạt động trải nghiệm trong dạy học môn %s",
        "Đổi mới kiểm tra, đánh giá học sinh môn %s theo hướng phát triển năng lực"}},
      {"y_te",
       {"Cải tiến quy trình tiếp đón người bệnh", "Giải pháp giảm thời gian chờ khám bệnh",
        "Ứng dụng bệnh án điện tử trong quản lý người bệnh nội trú",
        "Nâng cao chất lượng chăm sóc người bệnh sau phẫu thuật", "Quản lý sử dụng kháng sinh hợp lý"}},
      {"nong_nghiep",
       {"Ứng dụng ảnh viễn thám trong theo dõi diễn biến rừng", "Mô hình canh tác lúa tiết kiệm nước",
        "Quy trình phòng trừ sâu bệnh tổng hợp trên cây ăn quả", "Xây dựng cơ sở dữ liệu đất đai cấp xã"}},
      {"kinh_te",
       {"Giải pháp tiết kiệm điện năng trong sản xuất", "Cải tiến dây chuyền sản xuất",
        "Quản lý vật tư bằng mã vạch", "Giải pháp nâng cao hiệu quả thu ngân sách"}},
      {"xay_dung_giao_thong",
       {"Giải pháp giảm tỷ lệ thất thoát nước sạch", "Ứng dụng bản đồ số trong quản lý hạ tầng đô thị",
        "Cải tiến quy trình bảo trì công trình"}},
      {"",  // every other field
       {"Giải pháp nâng cao hiệu quả giải quyết thủ tục hành chính trên môi trường điện tử",
        "Số hóa hồ sơ, tài liệu lưu trữ", "Ứng dụng phần mềm quản lý văn bản và điều hành",
        "Cải tiến quy trình tiếp nhận và trả kết quả theo cơ chế một cửa",
        "Nâng cao hiệu quả công tác tuyên truyền, phổ biến pháp luật"}},
  };
  return kTitles;
}

std::string Abbreviation(const std::string& code) {
  std::vector<std::string> parts;
  for (size_t start = 0; start <= code.size();) {
    size_t end = code.find('_', start);
    if (end == std::string::npos) end = code.size();
    parts.push_back(code.substr(start, end - start));
    start = end + 1;
  }
  if (parts.size() > 1 && (parts[0] == "DN" || parts[0] == "VP")) {
    if (parts[1] == "UBND") return "VP";
    parts.erase(parts.begin());
  }
  std::string out = parts[0];
  for (size_t i = 1; i < parts.size(); ++i) out += parts[i].substr(0, 1);
  return out;
}

class RecordsBuilder {
 public:
  RecordsBuilder(const std::vector<UnitView>& units, const std::vector<PersonView>& people, bool province,
                 uint64_t seed);
  RecordsCsv Build();

 private:
  static size_t Yi(int year) { return static_cast<size_t>(year - kFirstRecordYear); }
  size_t Count() const { return people_.size(); }
  const UnitView& UnitAt(int unit) const { return units_[static_cast<size_t>(unit)]; }

  // Units and memberships.
  bool ValidOn(int unit, Date day) const;
  std::optional<int> UnitOn(size_t person, Date day) const;
  std::optional<int> LastUnitIn(size_t person, int year) const;
  int Issuing(int unit) const;
  std::optional<int> PersonIssuer(size_t person, int year, Date day) const;
  int UnitAwardIssuer(int unit, Date day) const;
  int Block(int unit) const;

  // Records.
  int MakeDecision(Purpose purpose, int group, int issuer, int year, Date lo, Date hi);
  void Confer(bool unit, int subject, AwardCode award, int period_from, int year, AwardMethod method,
              int decision);
  bool Held(size_t person, int year, AwardCode award) const;
  int InitiativesIn(size_t person, int from, int to, InitiativeScope least) const;
  bool Eligible(const domain::RuleSet& rules, size_t person, int year, AwardCode award);
  const domain::RuleSet& RulesFor(int year) const;

  void RatePeople();
  void RateUnits();
  void Discipline(size_t person, int year);
  void AddPendingReviews();
  void MakeInitiatives(int year);
  std::string InitiativeTitle(int unit);
  void AddCoauthors(const std::vector<int>& colleagues, std::vector<int>& authors);
  void DecideTitles(int year, const domain::RuleSet& rules);
  void DecideProvincial(int year, const domain::RuleSet& rules, const std::vector<char>& meets_cstdcs);
  void DecideUnits(int year, const domain::RuleSet& rules);
  void DecideThematic(int year);
  void Revoke(int year);
  void Number();

  std::string IssuerName(int issuer) const;
  std::string Suffix(int issuer) const;
  std::string Signer(const Decision& decision) const;
  std::string DecisionNo(const Decision& decision) const;
  void WriteEvaluations(std::string& out) const;
  void WriteInitiatives(std::string& out) const;
  void WriteAwards(std::string& out) const;
  RecordsCsv Write() const;

  const std::vector<UnitView>& units_;
  const std::vector<PersonView>& people_;
  const bool province_;
  Rng rng_;
  domain::RuleBook book_;
  domain::Settings settings_;

  std::vector<std::array<int8_t, kYears>> rating_;       // per person, -1 when not rated
  std::vector<std::array<int8_t, kYears>> unit_rating_;  // per unit
  std::vector<std::array<uint16_t, kYears>> held_;       // per person: a bit per counting AwardCode
  std::vector<domain::PersonHistory> history_;
  std::vector<domain::UnitHistory> unit_history_;
  std::vector<char> pending_;              // under a pending review (2025–2026)
  std::vector<std::vector<int>> members_;  // of each unit during the year being decided

  std::vector<Decision> decisions_;
  std::map<std::tuple<Purpose, int, int>, int> decision_index_;  // (purpose, group, year) → decision
  std::vector<AwardRow> awards_;
  std::vector<InitiativeRow> initiatives_;
  std::vector<DisciplineRow> disciplines_;
  domain::AwardVerdict verdict_;  // reused by Eligible
};

RecordsBuilder::RecordsBuilder(const std::vector<UnitView>& units, const std::vector<PersonView>& people,
                               bool province, uint64_t seed)
    : units_(units), people_(people), province_(province), rng_(seed) {
  Result<domain::RuleBook> book = domain::LoadShippedRuleBook();
  assert(book.ok() && "the shipped rule book is validated by its tests");
  book_ = std::move(book).value();
}

// ---- units and memberships ----

bool RecordsBuilder::ValidOn(int unit, Date day) const {
  const UnitView& u = UnitAt(unit);
  return (!u.valid_from || *u.valid_from <= day) && (!u.valid_to || day <= *u.valid_to);
}

std::optional<int> RecordsBuilder::UnitOn(size_t person, Date day) const {
  for (const MembershipView& m : people_[person].career) {
    if (m.from <= day && (!m.to || day <= *m.to)) return m.unit;
  }
  return std::nullopt;
}

std::optional<int> RecordsBuilder::LastUnitIn(size_t person, int year) const {
  std::optional<int> unit;
  for (const MembershipView& m : people_[person].career) {
    if (m.from <= Date(year, 12, 31) && (!m.to || Date(year, 1, 1) <= *m.to)) unit = m.unit;
  }
  return unit;
}

// The unit whose head decides for staff of `unit`: a section (phòng) is decided by its department.
int RecordsBuilder::Issuing(int unit) const {
  while (UnitAt(unit).kind == "phong_ban" && UnitAt(unit).parent >= 0) unit = UnitAt(unit).parent;
  return unit;
}

// Where the person works on `day` (else where they last worked in `year`), decided by its head —
// or by its successor when a reform has ended it by `day`; nullopt when there is none.
std::optional<int> RecordsBuilder::PersonIssuer(size_t person, int year, Date day) const {
  std::optional<int> unit = UnitOn(person, day);
  if (!unit) unit = LastUnitIn(person, year);
  if (!unit) return std::nullopt;
  int issuer = Issuing(*unit);
  if (ValidOn(issuer, day)) return issuer;
  // Someone who left a unit before a reform ended it is decided for by its successor.
  for (size_t u = 0; u < units_.size(); ++u) {
    const std::vector<int>& preds = units_[u].preds;
    if (std::find(preds.begin(), preds.end(), issuer) == preds.end()) continue;
    int successor = Issuing(static_cast<int>(u));
    if (ValidOn(successor, day)) return successor;
  }
  return std::nullopt;
}

// A collective's title is decided one level up: by the parent as it was on `day` — for a school of a
// commune born on 01/07/2025, the former district before then — or by the province.
int RecordsBuilder::UnitAwardIssuer(int unit, Date day) const {
  int parent = UnitAt(unit).parent;
  if (parent < 0) return 0;
  parent = Issuing(parent);
  if (ValidOn(parent, day)) return parent;
  for (int pred : UnitAt(parent).preds) {
    if (UnitAt(pred).kind == "ubnd_huyen" && ValidOn(pred, day)) return pred;
  }
  return 0;
}

// The unit directly under UBND tỉnh that `unit` belongs to (its sector, for provincial decisions).
int RecordsBuilder::Block(int unit) const {
  while (UnitAt(unit).parent > 0) unit = UnitAt(unit).parent;
  return unit;
}

// ---- records ----

int RecordsBuilder::MakeDecision(Purpose purpose, int group, int issuer, int year, Date lo, Date hi) {
  auto [it, inserted] = decision_index_.emplace(std::tuple(purpose, group, year), 0);
  if (inserted) {
    it->second = static_cast<int>(decisions_.size());
    decisions_.push_back({issuer, RandomDay(rng_, lo, hi), 0});
  }
  return it->second;
}

void RecordsBuilder::Confer(bool unit, int subject, AwardCode award, int period_from, int year,
                            AwardMethod method, int decision) {
  awards_.push_back({unit, subject, award, method, period_from, year, decision, false, ""});
  domain::AwardFact fact;
  fact.award = award;
  fact.method = method;
  fact.period_from = period_from;
  fact.period_to = year;
  fact.decision_date = decisions_[static_cast<size_t>(decision)].date;
  if (unit) {
    unit_history_[static_cast<size_t>(subject)].awards.push_back(fact);
    return;
  }
  const size_t person = static_cast<size_t>(subject);
  history_[person].awards.push_back(fact);
  if (method != AwardMethod::kThuongXuyen) return;
  for (int y = std::max(period_from, kFirstRecordYear); y <= year; ++y) {
    held_[person][Yi(y)] |= static_cast<uint16_t>(1u << static_cast<int>(award));
  }
}

bool RecordsBuilder::Held(size_t person, int year, AwardCode award) const {
  if (year < kFirstRecordYear || year > kLastRecordYear) return false;
  return (held_[person][Yi(year)] >> static_cast<int>(award)) & 1u;
}

int RecordsBuilder::InitiativesIn(size_t person, int from, int to, InitiativeScope least) const {
  int count = 0;
  for (const domain::InitiativeFact& i : history_[person].initiatives) {
    int year = i.recognized_on.year();
    count += year >= from && year <= to && domain::AtLeast(i.scope, least) ? 1 : 0;
  }
  return count;
}

bool RecordsBuilder::Eligible(const domain::RuleSet& rules, size_t person, int year, AwardCode award) {
  domain::EvaluatePersonAwardInto(rules, settings_, history_[person], year, award, verdict_);
  return verdict_.eligible == true;
}

// No shipped rule set covers the years before 01/01/2024: they are judged by the earliest one.
const domain::RuleSet& RecordsBuilder::RulesFor(int year) const {
  const domain::RuleSet* rules = book_.ForYear(year);
  return rules ? *rules : book_.sets().front();
}

// Every person is rated for each year they belong to a unit; ratings persist (kNextRating). A
// person rated KHT (sometimes HT) may be disciplined that year.
void RecordsBuilder::RatePeople() {
  for (size_t p = 0; p < Count(); ++p) {
    history_[p].code = people_[p].code;
    history_[p].name = people_[p].full_name;
    history_[p].recruited_on = people_[p].recruited;
    int8_t previous = -1;
    for (int year = kFirstRecordYear; year <= kLastRecordYear; ++year) {
      int8_t& rating = rating_[p][Yi(year)];
      if (!LastUnitIn(p, year)) continue;
      bool newcomer = people_[p].recruited > Date(year, 6, 30);
      rating = previous >= 0 ? DrawRating(rng_, kNextRating[static_cast<size_t>(previous)])
                             : DrawRating(rng_, newcomer ? kNewcomerRating : kFirstRating);
      previous = rating;
      history_[p].ratings.push_back({year, static_cast<Rating>(rating)});
      if (rating == 3 ? rng_.Percent(12) : rating == 2 && rng_.PerMille(3)) Discipline(p, year);
    }
  }
}

// Nghị định 112/2020/NĐ-CP: khiển trách lasts 6 months, cảnh cáo and hạ bậc lương 12.
void RecordsBuilder::Discipline(size_t person, int year) {
  Date from = RandomDay(rng_, Date(year, 3, 1), Date(year, 11, 30));
  if (!UnitOn(person, from)) return;
  if (!disciplines_.empty() && disciplines_.back().person == static_cast<int>(person) &&
      (!disciplines_.back().to || *disciplines_.back().to >= from)) {
    return;
  }
  int r = rng_.Below(100);
  const char* level = r < 70 ? "KHIEN_TRACH" : r < 95 ? "CANH_CAO" : "HA_BAC_LUONG";
  Date to = AddMonths(from, r < 70 ? 6 : 12).AddDays(-1);
  disciplines_.push_back({static_cast<int>(person), level, from, to, false});
  history_[person].disciplines.push_back({level, from, to, false});
}

// Units with members are rated each year they exist on 31 December.
void RecordsBuilder::RateUnits() {
  std::vector<std::array<char, kYears>> staffed(units_.size());
  for (const PersonView& person : people_) {
    for (const MembershipView& m : person.career) {
      for (int year = kFirstRecordYear; year <= kLastRecordYear; ++year) {
        if (m.from <= Date(year, 12, 31) && (!m.to || Date(year, 1, 1) <= *m.to)) {
          staffed[static_cast<size_t>(m.unit)][Yi(year)] = 1;
        }
      }
    }
  }
  for (size_t u = 1; u < units_.size(); ++u) {
    unit_history_[u].code = units_[u].code;
    unit_history_[u].name = units_[u].name;
    int8_t previous = -1;
    for (int year = kFirstRecordYear; year <= kLastRecordYear; ++year) {
      if (!staffed[u][Yi(year)] || !ValidOn(static_cast<int>(u), Date(year, 12, 31))) continue;
      int8_t rating = previous >= 0 ? DrawRating(rng_, kNextUnitRating[static_cast<size_t>(previous)])
                                    : DrawRating(rng_, kFirstUnitRating);
      previous = rating;
      unit_rating_[u][Yi(year)] = rating;
      unit_history_[u].ratings.push_back({year, static_cast<Rating>(rating)});
    }
  }
}

// A few reviews opened in the second half of 2025 and still open, of people rated HT in 2024 (so nothing of
// 2024 was awarded to them) and at least HTT in 2025: the hold is all that keeps them from LDTT 2025.
void RecordsBuilder::AddPendingReviews() {
  int wanted = province_ ? 24 : 3;
  for (size_t p = 0; p < Count() && wanted > 0; ++p) {
    if (!rng_.PerMille(province_ ? 20 : 60)) continue;
    const auto& r = rating_[p];
    if (r[Yi(2024)] != 2 || r[Yi(2025)] < 0 || r[Yi(2025)] > kHtt) continue;
    if (people_[p].recruited > Date(2024, 1, 1) || !UnitOn(p, Date(2026, 1, 10))) continue;
    if (!history_[p].disciplines.empty()) continue;
    Date from = RandomDay(rng_, Date(2025, 6, 1), Date(2025, 12, 31));
    disciplines_.push_back({static_cast<int>(p), "", from, std::nullopt, true});
    history_[p].disciplines.push_back({"", from, std::nullopt, true});
    pending_[p] = 1;
    --wanted;
  }
}

std::string RecordsBuilder::InitiativeTitle(int unit) {
  const std::string& field = UnitAt(unit).field;
  const TitleSet* set = &Titles().back();
  for (const TitleSet& s : Titles()) {
    if (s.field == field) set = &s;
  }
  std::string_view pattern =
      set->titles[static_cast<size_t>(rng_.Below(static_cast<int>(set->titles.size())))];
  std::string title(pattern);
  if (size_t at = title.find("%s"); at != std::string::npos) {
    title.replace(at, 2, kSchoolSubjects[rng_.Below(static_cast<int>(std::size(kSchoolSubjects)))]);
  }
  return title + " tại " + UnitAt(unit).name;
}

// About one initiative in five has one or two co-authors, colleagues of the same unit.
void RecordsBuilder::AddCoauthors(const std::vector<int>& colleagues, std::vector<int>& authors) {
  int coauthors = rng_.Below(100) < 8 ? 2 : rng_.Below(100) < 22 ? 1 : 0;
  for (int tries = 0; coauthors > 0 && colleagues.size() > 3 && tries < 10; ++tries) {
    int other = colleagues[static_cast<size_t>(rng_.Below(static_cast<int>(colleagues.size())))];
    if (std::find(authors.begin(), authors.end(), other) != authors.end()) continue;
    authors.push_back(other);
    --coauthors;
  }
}

// Initiatives of the year: mostly from people rated HTXS; a person two years into a run of CSTDCS
// is often recognised at provincial scope, a provincial emulation fighter now and then nationwide.
void RecordsBuilder::MakeInitiatives(int year) {
  static constexpr PerMille kChance = {300, 40, 5, 0};
  int sequence = 0;
  for (size_t p = 0; p < Count(); ++p) {
    int8_t rating = rating_[p][Yi(year)];
    if (rating < 0 || !rng_.PerMille(kChance[static_cast<size_t>(rating)])) continue;
    std::optional<int> unit = LastUnitIn(p, year);
    std::optional<int> issuer = PersonIssuer(p, year, Date(year, 12, 1));
    if (!unit || !issuer) continue;
    bool provincial_fighter = false;
    for (const domain::AwardFact& a : history_[p].awards) {
      provincial_fighter |= a.award == AwardCode::kCstdTinh && !a.revoked;
    }
    int tinh = Held(p, year - 1, AwardCode::kCstdcs) ? (Held(p, year - 2, AwardCode::kCstdcs) ? 350 : 40) : 5;
    int toan_quoc = provincial_fighter ? 150 : 0;
    int r = rng_.Below(1000);
    InitiativeScope scope = r < toan_quoc          ? InitiativeScope::kToanQuoc
                            : r < toan_quoc + tinh ? InitiativeScope::kTinh
                                                   : InitiativeScope::kCoSo;
    int decision =
        scope == InitiativeScope::kToanQuoc ? MakeDecision(Purpose::kInitiatives, kMinistry, kMinistry, year,
                                                           Date(year, 10, 1), Date(year, 12, 15))
        : scope == InitiativeScope::kTinh
            ? MakeDecision(Purpose::kInitiatives, 0, 0, year, Date(year, 12, 5), Date(year, 12, 28))
            : MakeDecision(Purpose::kInitiatives, *issuer, *issuer, year, Date(year, 11, 10),
                           Date(year, 12, 25));
    if (!ValidOn(*issuer, decisions_[static_cast<size_t>(decision)].date)) continue;
    InitiativeRow row;
    char code[24];
    std::snprintf(code, sizeof code, "SK-%d-%05d", year, ++sequence);
    row.code = code;
    row.title = InitiativeTitle(*unit);
    row.authors.push_back(static_cast<int>(p));
    AddCoauthors(members_[static_cast<size_t>(*unit)], row.authors);
    row.scope = scope;
    row.decision = decision;
    const Date recognized = decisions_[static_cast<size_t>(decision)].date;
    for (int author : row.authors) {
      history_[static_cast<size_t>(author)].initiatives.push_back({row.code, "", scope, recognized});
    }
    initiatives_.push_back(std::move(row));
  }
}

// LDTT to everyone the engine finds eligible; CSTDCS to the best of the eligible within the quota of
// each deciding unit (Settings::cstdcs_quota_percent of its LDTT).
void RecordsBuilder::DecideTitles(int year, const domain::RuleSet& rules) {
  const Date day(year + 1, 1, 5);  // before any of the year's decisions
  std::map<int, int> ldtt_count;
  std::map<int, std::vector<std::pair<int, int>>> candidates;  // issuer → (score, person)
  std::vector<char> meets_cstdcs(Count(), 0);
  for (size_t p = 0; p < Count(); ++p) {
    int8_t rating = rating_[p][Yi(year)];
    if (rating < 0 || rating > kHtt || !Eligible(rules, p, year, AwardCode::kLdtt)) continue;
    std::optional<int> issuer = PersonIssuer(p, year, day);
    if (!issuer) continue;
    Confer(false, static_cast<int>(p), AwardCode::kLdtt, year, year, AwardMethod::kThuongXuyen,
           MakeDecision(Purpose::kLdtt, *issuer, *issuer, year, Date(year + 1, 1, 6), Date(year + 1, 1, 25)));
    ++ldtt_count[*issuer];
    bool initiative = InitiativesIn(p, year, year, InitiativeScope::kCoSo) > 0;
    if ((rating != kHtxs && !initiative) || !Eligible(rules, p, year, AwardCode::kCstdcs)) continue;
    meets_cstdcs[p] = 1;
    int score = (rating == kHtxs ? 8 : 0) + (Held(p, year - 1, AwardCode::kCstdcs) ? 6 : 0) +
                (Held(p, year - 2, AwardCode::kCstdcs) ? 3 : 0) + (initiative ? 2 : 0) +
                (InitiativesIn(p, year - 2, year, InitiativeScope::kTinh) > 0 ? 4 : 0);
    candidates[*issuer].emplace_back(score * 1000 + rng_.Below(1000), static_cast<int>(p));
  }
  for (auto& [issuer, list] : candidates) {
    int allowed = domain::CstdcsQuota(settings_, ldtt_count[issuer], 0).allowed;
    std::sort(list.begin(), list.end(), std::greater<>());
    for (size_t i = 0; i < list.size() && static_cast<int>(i) < allowed; ++i) {
      Confer(
          false, list[i].second, AwardCode::kCstdcs, year, year, AwardMethod::kThuongXuyen,
          MakeDecision(Purpose::kCstdcs, issuer, issuer, year, Date(year + 1, 1, 10), Date(year + 1, 1, 28)));
    }
  }
  DecideProvincial(year, rules, meets_cstdcs);
}

// The council proposes, the Chủ tịch UBND tỉnh (or the Prime Minister) decides: a share of those the
// engine finds eligible. Everyone is judged before anyone of the year is awarded, so that no award of
// the year weighs on another of the same year.
void RecordsBuilder::DecideProvincial(int year, const domain::RuleSet& rules,
                                      const std::vector<char>& meets_cstdcs) {
  std::vector<std::pair<size_t, AwardCode>> approved;
  std::vector<char> fighter(Count(), 0);
  for (size_t p = 0; p < Count(); ++p) {
    int8_t rating = rating_[p][Yi(year)];
    if (rating < 0) continue;
    if (Held(p, year, AwardCode::kCstdcs) && Held(p, year - 1, AwardCode::kCstdcs) &&
        Held(p, year - 2, AwardCode::kCstdcs) &&
        InitiativesIn(p, year - 2, year, InitiativeScope::kTinh) > 0 &&
        Eligible(rules, p, year, AwardCode::kCstdTinh) && rng_.Percent(60)) {
      approved.emplace_back(p, AwardCode::kCstdTinh);
      fighter[p] = 1;
    }
    bool second_fighter = false;
    for (const domain::AwardFact& a : history_[p].awards) {
      second_fighter |=
          fighter[p] && a.award == AwardCode::kCstdTinh && !a.revoked && a.period_to == year - 3;
    }
    if (second_fighter && Eligible(rules, p, year, AwardCode::kCstdTq) && rng_.Percent(70)) {
      approved.emplace_back(p, AwardCode::kCstdTq);
    }
    if ((meets_cstdcs[p] || rating == kHtxs) && Eligible(rules, p, year, AwardCode::kBkTinh) &&
        rng_.Percent(25)) {
      approved.emplace_back(p, AwardCode::kBkTinh);
    }
    bool had_bk = false;
    for (const domain::AwardFact& a : history_[p].awards) {
      had_bk |= a.award == AwardCode::kBkTinh && !a.revoked && a.method == AwardMethod::kThuongXuyen;
    }
    if (had_bk && rating <= kHtt && Eligible(rules, p, year, AwardCode::kBkTtg) && rng_.Percent(30)) {
      approved.emplace_back(p, AwardCode::kBkTtg);
    }
  }
  const Date spring_from(year + 1, 2, 10), spring_to(year + 1, 4, 28);
  for (auto [p, award] : approved) {
    switch (award) {
      case AwardCode::kCstdTinh:
        Confer(false, static_cast<int>(p), award, year - 2, year, AwardMethod::kThuongXuyen,
               MakeDecision(Purpose::kCstdTinh, 0, 0, year, spring_from, spring_to));
        break;
      case AwardCode::kBkTinh: {
        std::optional<int> issuer = PersonIssuer(p, year, Date(year + 1, 1, 5));
        int block = issuer ? Block(*issuer) : 0;
        Confer(false, static_cast<int>(p), award, year - 1, year, AwardMethod::kThuongXuyen,
               MakeDecision(Purpose::kBkTinh, block, 0, year, spring_from, spring_to));
        break;
      }
      default:  // CSTD_TQ (six years) and BK_TTG (five years): the Prime Minister, by early summer
        Confer(false, static_cast<int>(p), award, year - (award == AwardCode::kCstdTq ? 5 : 4), year,
               AwardMethod::kThuongXuyen,
               MakeDecision(Purpose::kCentral, kPrimeMinister, kPrimeMinister, year, Date(year + 1, 4, 29),
                            Date(year + 1, 6, 25)));
    }
  }
}

// TTLDTT to every eligible collective, TTLDXS to a share of them; members summarised by the engine.
void RecordsBuilder::DecideUnits(int year, const domain::RuleSet& rules) {
  std::vector<std::optional<domain::MemberYear>> summaries(Count());
  for (size_t u = 1; u < units_.size(); ++u) {
    if (unit_rating_[u][Yi(year)] < 0) continue;
    domain::UnitHistory& history = unit_history_[u];
    std::vector<domain::MemberYear>& members = history.members_by_year[year];
    for (int p : members_[u]) {
      std::optional<domain::MemberYear>& s = summaries[static_cast<size_t>(p)];
      if (!s) s = domain::SummariseMemberYear(rules, settings_, history_[static_cast<size_t>(p)], year);
      members.push_back(*s);
    }
    const int unit = static_cast<int>(u);
    const Date day(year + 1, 1, 5);
    int issuer = UnitAwardIssuer(unit, day);
    struct Title {
      AwardCode award;
      int decision;
      int share;
    };
    const Title titles[] = {
        {AwardCode::kTtldtt,
         MakeDecision(Purpose::kUnitTitles, issuer, issuer, year, Date(year + 1, 1, 6),
                      Date(year + 1, 1, 28)),
         100},
        {AwardCode::kTtldxs,
         MakeDecision(Purpose::kTtldxs, 0, 0, year, Date(year + 1, 2, 10), Date(year + 1, 3, 31)), 60},
    };
    for (const Title& t : titles) {
      Date decided = decisions_[static_cast<size_t>(t.decision)].date;
      history.dissolved_on.reset();
      if (units_[u].valid_to && *units_[u].valid_to < decided) history.dissolved_on = units_[u].valid_to;
      if (domain::EvaluateUnitAward(rules, settings_, history, year, t.award).eligible == true &&
          rng_.Percent(t.share)) {
        Confer(true, unit, t.award, year, year, AwardMethod::kThuongXuyen, t.decision);
      }
    }
    history.members_by_year.clear();
  }
}

// A handful of thematic (movement reviews at year end) and sudden awards: Bằng khen of the Chủ tịch
// UBND tỉnh and Giấy khen of the unit head, to people and collectives without a regular one that year.
void RecordsBuilder::DecideThematic(int year) {
  const int people = province_ ? 12 : 3, collectives = province_ ? 3 : 1;
  for (int i = 0, tries = 0; i < people && tries < 1000; ++tries) {
    size_t p = static_cast<size_t>(rng_.Below(static_cast<int>(Count())));
    int8_t rating = rating_[p][Yi(year)];
    if (rating < 0 || rating > kHtt || pending_[p]) continue;
    AwardCode award = i % 3 == 2 ? AwardCode::kGk : AwardCode::kBkTinh;
    bool taken = false;
    for (const domain::AwardFact& a : history_[p].awards) taken |= a.award == award && a.period_to == year;
    bool sudden = i % 2 == 0;
    Date lo = sudden ? Date(year, 3, 1) : Date(year, 11, 1),
         hi = sudden ? Date(year, 10, 31) : Date(year, 12, 28);
    std::optional<int> issuer = PersonIssuer(p, year, lo);
    if (taken || !issuer) continue;
    int by = award == AwardCode::kGk ? *issuer : 0;
    int decision = MakeDecision(sudden ? Purpose::kSudden : Purpose::kThematic, by, by, year, lo, hi);
    if (!UnitOn(p, decisions_[static_cast<size_t>(decision)].date) ||
        !ValidOn(by, decisions_[static_cast<size_t>(decision)].date)) {
      continue;
    }
    Confer(false, static_cast<int>(p), award, year, year,
           sudden ? AwardMethod::kDotXuat : AwardMethod::kChuyenDe, decision);
    ++i;
  }
  for (int i = 0, tries = 0; i < collectives && tries < 100; ++tries) {
    int u = 1 + rng_.Below(static_cast<int>(units_.size()) - 1);
    if (unit_rating_[static_cast<size_t>(u)][Yi(year)] < 0) continue;
    int decision = MakeDecision(Purpose::kThematic, -1, 0, year, Date(year, 11, 1), Date(year, 12, 28));
    bool taken = false;
    for (const domain::AwardFact& a : unit_history_[static_cast<size_t>(u)].awards) {
      taken |= a.award == AwardCode::kBkTinh && a.period_to == year;
    }
    if (taken || !ValidOn(u, decisions_[static_cast<size_t>(decision)].date)) continue;
    Confer(true, u, AwardCode::kBkTinh, year, year, AwardMethod::kChuyenDe, decision);
    ++i;
  }
}

// Two revocations (Điều 94 Luật TĐKT 2022): a CSTDCS of 2023 whose holder was on the way to a Bằng
// khen, and a Bằng khen of 2021; from then on they count for nothing.
void RecordsBuilder::Revoke(int year) {
  AwardCode award = year == 2023 ? AwardCode::kCstdcs : AwardCode::kBkTinh;
  AwardRow* chosen = nullptr;
  for (AwardRow& row : awards_) {
    if (row.unit || row.award != award || row.year != year || row.method != AwardMethod::kThuongXuyen)
      continue;
    size_t p = static_cast<size_t>(row.subject);
    bool telling = award == AwardCode::kBkTinh ||
                   (Held(p, year - 1, AwardCode::kCstdcs) && rating_[p][Yi(year + 1)] == kHtxs);
    if (!chosen || telling) chosen = &row;
    if (telling) break;
  }
  if (!chosen) return;
  chosen->revoked = true;
  chosen->revoke_reason =
      award == AwardCode::kCstdcs
          ? "Sáng kiến dùng làm căn cứ đề nghị đã được công nhận trước đó tại đơn vị khác "
            "(kê khai thành tích không trung thực)"
          : "Hồ sơ đề nghị khen thưởng kê khai không đúng thành tích (Điều 94 Luật Thi đua, "
            "khen thưởng 2022)";
  size_t p = static_cast<size_t>(chosen->subject);
  for (domain::AwardFact& a : history_[p].awards) {
    if (a.award == award && a.period_to == year && a.method == AwardMethod::kThuongXuyen) a.revoked = true;
  }
  for (int y = std::max(chosen->period_from, kFirstRecordYear); y <= year; ++y) {
    held_[p][Yi(y)] &= static_cast<uint16_t>(~(1u << static_cast<int>(award)));
  }
}

// Each issuer numbers its decisions through the year in date order; the province and the Prime
// Minister issue many other decisions in between.
void RecordsBuilder::Number() {
  std::vector<int> order(decisions_.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
  auto key = [this](int i) {
    const Decision& d = decisions_[static_cast<size_t>(i)];
    return std::tuple(d.issuer, d.date.year(), d.date, i);
  };
  std::sort(order.begin(), order.end(), [&](int a, int b) { return key(a) < key(b); });
  for (size_t k = 0; k < order.size(); ++k) {
    Decision& d = decisions_[static_cast<size_t>(order[k])];
    const Decision* previous = k > 0 ? &decisions_[static_cast<size_t>(order[k - 1])] : nullptr;
    int last = previous && previous->issuer == d.issuer && previous->date.year() == d.date.year()
                   ? previous->number
                   : 0;
    bool busy = d.issuer <= 0;
    int day_of_year = static_cast<int>(d.date.DaysSinceEpoch() - Date(d.date.year(), 1, 1).DaysSinceEpoch());
    d.number = busy ? std::max(last + 1, day_of_year * 9 + rng_.Below(9)) : last + 1 + rng_.Below(2);
  }
}

std::string RecordsBuilder::IssuerName(int issuer) const {
  if (issuer == kPrimeMinister) return "Thủ tướng Chính phủ";
  if (issuer == kMinistry) return "Bộ Khoa học và Công nghệ";
  return UnitAt(issuer).name;
}

std::string RecordsBuilder::Suffix(int issuer) const {
  if (issuer == kPrimeMinister) return "QĐ-TTg";
  if (issuer == kMinistry) return "QĐ-BKHCN";
  const UnitView& unit = UnitAt(issuer);
  if (unit.kind.starts_with("ubnd_")) return "QĐ-UBND";
  return "QĐ-" + Abbreviation(unit.code);
}

// The head of the deciding unit, when the generated head held the post that day.
std::string RecordsBuilder::Signer(const Decision& decision) const {
  if (decision.issuer < 0) return "";
  int head = UnitAt(decision.issuer).head;
  if (head < 0 || UnitOn(static_cast<size_t>(head), decision.date) != decision.issuer) return "";
  return people_[static_cast<size_t>(head)].full_name;
}

std::string RecordsBuilder::DecisionNo(const Decision& decision) const {
  return std::to_string(decision.number) + "/" + Suffix(decision.issuer);
}

// Rows by subject, then year (evaluations and awards): the import then fills each index in order.
void RecordsBuilder::WriteEvaluations(std::string& out) const {
  out.reserve(Count() * kYears * 24);
  AppendRow(out, {"subject_type", "subject_code", "year", "rating"});
  for (size_t p = 0; p < Count(); ++p) {
    for (int year = kFirstRecordYear; year <= kLastRecordYear; ++year) {
      int8_t r = rating_[p][Yi(year)];
      if (r < 0) continue;
      AppendRow(
          out, {"person", people_[p].code, std::to_string(year), domain::RatingName(static_cast<Rating>(r))});
    }
  }
  for (size_t u = 1; u < units_.size(); ++u) {
    for (int year = kFirstRecordYear; year <= kLastRecordYear; ++year) {
      int8_t r = unit_rating_[u][Yi(year)];
      if (r < 0) continue;
      AppendRow(out,
                {"unit", units_[u].code, std::to_string(year), domain::RatingName(static_cast<Rating>(r))});
    }
  }
}

void RecordsBuilder::WriteInitiatives(std::string& out) const {
  AppendRow(out, {"code", "title", "author_codes", "scope", "recognized_on", "recognized_by"});
  for (const InitiativeRow& row : initiatives_) {
    std::string authors;
    for (int a : row.authors) authors += (authors.empty() ? "" : ";") + people_[static_cast<size_t>(a)].code;
    const Decision& d = decisions_[static_cast<size_t>(row.decision)];
    std::string by = "Quyết định số " + DecisionNo(d) + " ngày " + d.date.Vietnamese() + " của " +
                     IssuerName(d.issuer) + " công nhận sáng kiến " +
                     std::string(domain::InitiativeScopeLabel(row.scope));
    AppendRow(out, {row.code, row.title, authors, domain::InitiativeScopeName(row.scope), d.date.Iso(), by});
  }
}

void RecordsBuilder::WriteAwards(std::string& out) const {
  AppendRow(out,
            {"subject_type", "subject_code", "award_code", "year", "method", "decision_no", "decision_date",
             "issuer", "revoked", "period_from", "signer", "bonus_amount", "revoke_reason", "unit_code"});
  std::vector<const AwardRow*> rows;
  rows.reserve(awards_.size());
  for (const AwardRow& row : awards_) rows.push_back(&row);
  std::stable_sort(rows.begin(), rows.end(), [](const AwardRow* a, const AwardRow* b) {
    return std::tuple(a->unit, a->subject, a->year) < std::tuple(b->unit, b->subject, b->year);
  });
  out.reserve(awards_.size() * 160);
  for (const AwardRow* award : rows) {
    const AwardRow& row = *award;
    const Decision& d = decisions_[static_cast<size_t>(row.decision)];
    const std::string& code = row.unit ? units_[static_cast<size_t>(row.subject)].code
                                       : people_[static_cast<size_t>(row.subject)].code;
    int64_t bonus = BaseSalaryOn(d.date) * BonusTenths(row.award, row.unit) / 10;
    AppendRow(out,
              {row.unit ? "unit" : "person", code, domain::AwardCodeName(row.award), std::to_string(row.year),
               domain::AwardMethodName(row.method), DecisionNo(d), d.date.Iso(), IssuerName(d.issuer),
               row.revoked ? "1" : "0", std::to_string(row.period_from), Signer(d), std::to_string(bonus),
               row.revoke_reason, ""});
  }
}

RecordsCsv RecordsBuilder::Write() const {
  RecordsCsv out;
  WriteEvaluations(out.evaluations);
  WriteInitiatives(out.initiatives);
  AppendRow(out.disciplines, {"person_code", "level", "from", "to", "pending"});
  for (const DisciplineRow& row : disciplines_) {
    AppendRow(out.disciplines, {people_[static_cast<size_t>(row.person)].code, row.level, row.from.Iso(),
                                DateText(row.to), row.pending ? "1" : "0"});
  }
  WriteAwards(out.awards);
  return out;
}

RecordsCsv RecordsBuilder::Build() {
  rating_.assign(Count(), {});
  for (auto& r : rating_) r.fill(-1);
  unit_rating_.assign(units_.size(), {});
  for (auto& r : unit_rating_) r.fill(-1);
  held_.assign(Count(), {});
  history_.assign(Count(), {});
  unit_history_.assign(units_.size(), {});
  pending_.assign(Count(), 0);
  RatePeople();
  RateUnits();
  for (int year = kFirstRecordYear; year <= kLastRecordYear; ++year) {
    const domain::RuleSet& rules = RulesFor(year);
    members_.assign(units_.size(), {});
    for (size_t p = 0; p < Count(); ++p) {
      for (const MembershipView& m : people_[p].career) {
        std::vector<int>& list = members_[static_cast<size_t>(m.unit)];
        bool during = m.from <= Date(year, 12, 31) && (!m.to || Date(year, 1, 1) <= *m.to);
        if (during && (list.empty() || list.back() != static_cast<int>(p)))
          list.push_back(static_cast<int>(p));
      }
    }
    if (year == kLastRecordYear) AddPendingReviews();
    MakeInitiatives(year);
    DecideTitles(year, rules);
    if (year == 2021 || year == 2023) Revoke(year);
    DecideUnits(year, rules);
    DecideThematic(year);
  }
  Number();
  return Write();
}

}  // namespace

RecordsCsv GenerateDemoRecords(const std::vector<UnitView>& units, const std::vector<PersonView>& people,
                               bool province, uint64_t seed) {
  return RecordsBuilder(units, people, province, seed).Build();
}

}  // namespace thidua::demo::internal
