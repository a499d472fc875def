#include "service/list_request.h"

#include <algorithm>

#include "domain/text.h"

namespace thidua::service {

store::ListQuery ToListQuery(const ListRequest& request, Date today) {
  store::ListQuery query;
  query.words = domain::SearchWords(domain::SearchKey(request.q));
  if (query.words.size() > 8) query.words.resize(8);
  query.sort = request.sort;
  query.desc = request.desc;
  query.limit = std::clamp<int64_t>(request.per_page, 1, 500);
  int64_t page = std::clamp<int64_t>(request.page, 1, 1'000'000);
  query.offset = (page - 1) * query.limit;
  query.today = today;
  return query;
}

}  // namespace thidua::service
