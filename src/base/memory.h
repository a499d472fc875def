// Returning freed heap memory to the operating system.
//
// glibc's malloc keeps what a thread frees in that thread's arena for later use, and a server has an
// arena per busy worker thread: a request that builds a large transient working set (the eligibility
// scan holds a province's whole history, tens of megabytes) would otherwise leave that much resident in
// every arena it ran in. ReleaseFreeMemory hands the free pages of every arena back (malloc_trim); it
// costs a few milliseconds, so call it only after such a request. Elsewhere a no-op. Thread-safe.
#pragma once

namespace thidua {

void ReleaseFreeMemory();

// Calls ReleaseFreeMemory when it goes out of scope, if `release` is still true then: declare it before
// the large working set, so that the pages are handed back after the set is freed.
struct ReleaseFreeMemoryOnExit {
  bool release = true;
  ~ReleaseFreeMemoryOnExit() {
    if (release) ReleaseFreeMemory();
  }
};

}  // namespace thidua
