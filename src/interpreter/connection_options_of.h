// Turns the AST's `key = 'value'` list into the pairs catalog/connection_options.h takes.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "sql/ast.h"

namespace strata {

inline std::vector<std::pair<std::string, std::string>> OptionPairs(
    const std::vector<sql::ConnectionOption>& options) {
  std::vector<std::pair<std::string, std::string>> out;
  out.reserve(options.size());
  for (const auto& o : options) out.emplace_back(o.key, o.value);
  return out;
}

}  // namespace strata
