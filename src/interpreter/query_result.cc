#include "interpreter/query_result.h"

namespace strata {

TextResultBuilder::TextResultBuilder(std::vector<std::string> column_names) {
  for (auto& name : column_names) {
    schema_.push_back(Field{std::move(name), DataType(TypeId::String), true});
    columns_.push_back(MakeColumn(DataType(TypeId::String)));
  }
}

void TextResultBuilder::AddRow(const std::vector<std::optional<std::string>>& cells) {
  for (size_t i = 0; i < columns_.size(); ++i) {
    if (i < cells.size() && cells[i]) {
      columns_[i]->AppendString(*cells[i]);
    } else {
      columns_[i]->AppendNull();
    }
  }
  ++rows_;
}

QueryResult TextResultBuilder::Finish() {
  QueryResult r;
  r.schema = std::move(schema_);
  r.chunks.push_back(Chunk(std::move(columns_), rows_));
  return r;
}

}  // namespace strata
