#include "planner/bind_scope.h"

namespace strata {

namespace {

std::string Spell(const std::vector<sql::Identifier>& parts) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : ".") + p.original;
  return out;
}

std::string At(const sql::SourcePos& pos) {
  return " at line " + std::to_string(pos.line) + ", column " + std::to_string(pos.column);
}

}  // namespace

Result<size_t> BindScope::Resolve(const std::vector<sql::Identifier>& parts) const {
  const std::string& name = parts.back().name;
  const std::string* table = parts.size() >= 2 ? &parts[parts.size() - 2].name : nullptr;
  const std::string* db = parts.size() >= 3 ? &parts[0].name : nullptr;
  std::optional<size_t> found;
  for (size_t i = 0; i < columns_.size(); ++i) {
    const ScopeColumn& c = columns_[i];
    if (c.name != name) continue;
    if (table && c.qualifier != *table) continue;
    if (db && c.database != *db) continue;
    if (found) {
      return Error(ErrorCode::SemanticError,
                   "column reference '" + Spell(parts) + "' is ambiguous" + At(parts[0].pos));
    }
    found = i;
  }
  if (!found) {
    return Error(ErrorCode::UnknownColumn,
                 "column '" + Spell(parts) + "' does not exist" + At(parts[0].pos));
  }
  return *found;
}

}  // namespace strata
