// The rules engine over a province-sized history held in memory: 100,000 synthetic people with ten
// years each (2016–2025), every award judged for 2025 under the shipped rule set in force on
// 31/12/2025. Issue 3's figures: < 1 s on one core, < 200 bytes per person-year of history.
//
//   eligibility_bench --benchmark_counters_tabular=true
//
// Memory is counted two ways: by accounting (sizeof of each struct plus the heap its strings and
// vectors own, capacity included) and by the allocator (bytes malloc handed out while the histories
// were built, per malloc_usable_size, plus 8 bytes of chunk header per block).
#include <benchmark/benchmark.h>
#include <malloc.h>

#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <new>
#include <string>
#include <vector>

#include "domain/eligibility.h"

namespace {

// ---- allocator accounting (this binary only) ----

// Counted only while the histories are built (the timed loops run without the accounting).
bool g_counting = false;
int64_t g_heap_bytes = 0;
int64_t g_heap_blocks = 0;

}  // namespace

// The replacements pair malloc with free, as the library's do; GCC cannot see that through them.
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"

void* operator new(size_t size) {
  void* p = std::malloc(size ? size : 1);
  if (!p) throw std::bad_alloc();
  if (g_counting) {
    g_heap_bytes += static_cast<int64_t>(malloc_usable_size(p));
    ++g_heap_blocks;
  }
  return p;
}
void operator delete(void* p) noexcept {
  if (!p) return;
  if (g_counting) {
    g_heap_bytes -= static_cast<int64_t>(malloc_usable_size(p));
    --g_heap_blocks;
  }
  std::free(p);
}
void operator delete(void* p, size_t) noexcept { operator delete(p); }

namespace {

using thidua::Date;
using namespace thidua::domain;

constexpr int kPeople = 100'000;
constexpr int kFirstYear = 2016;
constexpr int kYear = 2025;
constexpr int kYears = kYear - kFirstYear + 1;

// A small deterministic generator (splitmix64), so every run judges the same province.
struct Random {
  uint64_t state;
  uint64_t Next() {
    uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  int Below(int n) { return static_cast<int>(Next() % static_cast<uint64_t>(n)); }
  bool Chance(int percent) { return Below(100) < percent; }
};

constexpr std::array<const char*, 8> kFamily = {"Nguyễn", "Trần",  "Lê", "Phạm",
                                                "Hoàng",  "Huỳnh", "Võ", "Đặng"};
constexpr std::array<const char*, 6> kMiddle = {"Văn", "Thị", "Minh", "Ngọc", "Thanh", "Đức"};
constexpr std::array<const char*, 8> kGiven = {"An", "Bình", "Hương", "Khoa", "Lan", "Phúc", "Quân", "Trang"};
constexpr std::array<const char*, 4> kTitles = {
    "Số hóa hồ sơ một cửa cấp xã", "Cải tiến quy trình tiếp nhận hồ sơ khen thưởng",
    "Ứng dụng phần mềm quản lý văn bản điều hành", "Giải pháp tiết kiệm điện năng tại trụ sở cơ quan"};

Rating DrawRating(Random& r) {
  int x = r.Below(100);
  return x < 20 ? Rating::kHtxs : x < 80 ? Rating::kHtt : x < 97 ? Rating::kHt : Rating::kKht;
}

AwardFact Decision(AwardCode code, int from, int to, Random& r,
                   AwardMethod method = AwardMethod::kThuongXuyen) {
  return AwardFact{code,
                   method,
                   r.Chance(1),
                   from,
                   to,
                   Date(to + 1, 1, 10 + r.Below(18)),
                   std::to_string(1 + r.Below(2000)) + "/QĐ-UBND"};
}

// One person's ten years, drawn to look like an office's records: ratings, a few initiatives, rare
// disciplines and pending reviews, and the awards an office would have made up to 2024.
PersonHistory MakePerson(int i, Random& r) {
  PersonHistory p;
  char code[16];
  std::snprintf(code, sizeof code, "P%07d", i);
  p.code = code;
  p.name = std::string(kFamily[r.Below(8)]) + " " + kMiddle[r.Below(6)] + " " + kGiven[r.Below(8)];
  int recruited_year = r.Chance(5) ? kYear : 1990 + r.Below(26);
  p.recruited_on = Date(recruited_year, 1 + r.Below(12), 1 + r.Below(28));
  int first = std::max(kFirstYear, recruited_year);
  int disciplined_year = r.Chance(3) ? first + r.Below(kYear - first + 1) : 0;
  if (disciplined_year) {
    p.disciplines.push_back({r.Chance(70) ? "khien_trach" : "canh_cao", Date(disciplined_year, 3, 1),
                             Date(disciplined_year + 1, 2, 28), false});
  }
  if (r.Chance(1)) p.disciplines.push_back({"", Date(kYear, 11, 1), std::nullopt, true});
  int cstdcs_run = 0;
  for (int y = first; y <= kYear; ++y) {
    Rating rating = DrawRating(r);
    p.ratings.push_back({y, rating});
    bool initiative = r.Chance(10);
    if (initiative) {
      int s = r.Below(100);
      InitiativeScope scope = s < 85   ? InitiativeScope::kCoSo
                              : s < 98 ? InitiativeScope::kTinh
                                       : InitiativeScope::kToanQuoc;
      std::snprintf(code, sizeof code, "SK-%d-%04d", y, r.Below(9000));
      p.initiatives.push_back({code, kTitles[r.Below(4)], scope, Date(y, 1 + r.Below(12), 1 + r.Below(28))});
    }
    if (y == kYear) break;  // 2025 is under review: nothing awarded for it yet
    bool ldtt = AtLeast(rating, Rating::kHtt) && y != disciplined_year;
    if (ldtt) p.awards.push_back(Decision(AwardCode::kLdtt, y, y, r));
    bool cstdcs = ldtt && (rating == Rating::kHtxs || initiative) && r.Chance(60);
    cstdcs_run = cstdcs ? cstdcs_run + 1 : 0;
    if (cstdcs) p.awards.push_back(Decision(AwardCode::kCstdcs, y, y, r));
    if (cstdcs_run == 2 && r.Chance(40)) p.awards.push_back(Decision(AwardCode::kBkTinh, y - 1, y, r));
    if (cstdcs_run == 3 && r.Chance(30)) p.awards.push_back(Decision(AwardCode::kCstdTinh, y - 2, y, r));
    if (r.Chance(2)) p.awards.push_back(Decision(AwardCode::kBkTinh, y, y, r, AwardMethod::kChuyenDe));
  }
  p.ratings.shrink_to_fit();
  p.initiatives.shrink_to_fit();
  p.disciplines.shrink_to_fit();
  p.awards.shrink_to_fit();
  return p;
}

// Heap owned by a string beyond its own sizeof (libstdc++ keeps up to 15 bytes inline).
size_t Heap(const std::string& s) { return s.capacity() > 15 ? s.capacity() + 1 : 0; }

size_t AccountedBytes(const PersonHistory& p) {
  size_t bytes = sizeof(PersonHistory) + Heap(p.code) + Heap(p.name);
  bytes += p.ratings.capacity() * sizeof(RatingFact);
  bytes += p.initiatives.capacity() * sizeof(InitiativeFact);
  for (const InitiativeFact& i : p.initiatives) bytes += Heap(i.code) + Heap(i.title);
  bytes += p.disciplines.capacity() * sizeof(DisciplineFact);
  for (const DisciplineFact& d : p.disciplines) bytes += Heap(d.level);
  bytes += p.awards.capacity() * sizeof(AwardFact);
  for (const AwardFact& a : p.awards) bytes += Heap(a.decision_no);
  bytes += p.registered_years.capacity() * sizeof(int);
  return bytes;
}

struct Province {
  std::vector<PersonHistory> people;
  RuleBook book;
  double accounted_per_person_year = 0;
  double allocated_per_person_year = 0;
  int64_t person_years = 0;
};

const Province& TheProvince() {
  static const Province* province = [] {
    auto* p = new Province;
    thidua::Result<RuleBook> book = LoadShippedRuleBook();
    if (!book.ok()) {
      std::fprintf(stderr, "rules: %s\n", book.status().message().c_str());
      std::abort();
    }
    p->book = std::move(book).value();
    g_counting = true;  // single-threaded here
    p->people.reserve(kPeople);
    Random r{20251231};
    for (int i = 0; i < kPeople; ++i) p->people.push_back(MakePerson(i, r));
    g_counting = false;
    int64_t heap = g_heap_bytes;
    int64_t blocks = g_heap_blocks;
    size_t accounted = 0;
    for (const PersonHistory& h : p->people) {
      accounted += AccountedBytes(h);
      p->person_years += static_cast<int64_t>(h.ratings.size());
    }
    // Ten years each, except the 5% recruited in 2025: count the years the histories really cover.
    p->person_years = std::max<int64_t>(p->person_years, 1);
    p->accounted_per_person_year = static_cast<double>(accounted) / static_cast<double>(p->person_years);
    p->allocated_per_person_year =
        static_cast<double>(heap + 8 * blocks) / static_cast<double>(p->person_years);
    return p;
  }();
  return *province;
}

void ReportMemory(benchmark::State& state, const Province& p) {
  state.counters["people"] = static_cast<double>(p.people.size());
  state.counters["person_years"] = static_cast<double>(p.person_years);
  state.counters["B_per_py_sizeof"] = p.accounted_per_person_year;
  state.counters["B_per_py_malloc"] = p.allocated_per_person_year;
}

// Every award of DOMAIN.md for every person, with texts and facts, as the verdict JSON needs them,
// each person's verdicts built afresh.
void BM_EvaluateEveryAwardForEveryone(benchmark::State& state) {
  const Province& p = TheProvince();
  const RuleSet& rules = *p.book.ForYear(kYear);
  Settings settings;
  int64_t eligible = 0;
  for (auto _ : state) {
    eligible = 0;
    for (const PersonHistory& person : p.people) {
      Verdicts v = EvaluatePerson(rules, settings, person, kYear);
      for (const AwardVerdict& a : v.results) eligible += a.eligible.value_or(false);
      benchmark::DoNotOptimize(v);
    }
  }
  ReportMemory(state, p);
  state.counters["eligible_awards"] = static_cast<double>(eligible);
  state.counters["people_per_s"] =
      benchmark::Counter(static_cast<double>(p.people.size()), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_EvaluateEveryAwardForEveryone)->Unit(benchmark::kMillisecond)->MinTime(3.0);

// The same as a scan does it: one Verdicts reused from person to person (EvaluatePersonInto).
void BM_EvaluateEveryAwardForEveryoneReusing(benchmark::State& state) {
  const Province& p = TheProvince();
  const RuleSet& rules = *p.book.ForYear(kYear);
  Settings settings;
  Verdicts v;
  int64_t eligible = 0;
  for (auto _ : state) {
    eligible = 0;
    for (const PersonHistory& person : p.people) {
      EvaluatePersonInto(rules, settings, person, kYear, v);
      for (const AwardVerdict& a : v.results) eligible += a.eligible.value_or(false);
      benchmark::DoNotOptimize(v);
    }
  }
  state.counters["eligible_awards"] = static_cast<double>(eligible);
  state.counters["people_per_s"] =
      benchmark::Counter(static_cast<double>(p.people.size()), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_EvaluateEveryAwardForEveryoneReusing)->Unit(benchmark::kMillisecond)->MinTime(3.0);

// "Who qualifies for X": one award for everyone (the scan behind GET /eligibility?award=).
void BM_ScanOneAward(benchmark::State& state) {
  const Province& p = TheProvince();
  const RuleSet& rules = *p.book.ForYear(kYear);
  Settings settings;
  AwardCode award = static_cast<AwardCode>(state.range(0));
  int64_t eligible = 0;
  AwardVerdict v;
  for (auto _ : state) {
    eligible = 0;
    for (const PersonHistory& person : p.people) {
      EvaluatePersonAwardInto(rules, settings, person, kYear, award, v);
      eligible += v.eligible.value_or(false);
      benchmark::DoNotOptimize(v);
    }
  }
  state.SetLabel(std::string(AwardCodeName(award)));
  state.counters["eligible"] = static_cast<double>(eligible);
}
BENCHMARK(BM_ScanOneAward)
    ->Arg(static_cast<int>(AwardCode::kLdtt))
    ->Arg(static_cast<int>(AwardCode::kCstdTinh))
    ->Arg(static_cast<int>(AwardCode::kBkTtg))
    ->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
