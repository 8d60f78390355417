// DISTINCT for count / sum / avg: remembers every (group, value) pair seen and forwards only
// first occurrences to the wrapped state. Merging replays the other side's new pairs.
#include <cstring>
#include <unordered_set>

#include "execution/aggregate_function.h"

namespace strata {

namespace {

class DistinctState : public AggregateState {
 public:
  DistinctState(DataType type, std::unique_ptr<AggregateState> inner)
      : type_(type), width_(type.FixedWidth()), inner_(std::move(inner)) {}

  void Resize(size_t groups) override {
    inner_->Resize(groups);
    groups_ = groups;
  }

  Status Update(const uint32_t* g, const std::vector<ColumnPtr>& args, size_t rows) override {
    const Column& arg = *args[0];
    if (arg.type().id == TypeId::Null) return Status::OK();
    std::vector<uint32_t> sel, gids;
    std::string key;
    for (size_t i = 0; i < rows; ++i) {
      if (arg.IsNull(i)) continue;
      MakeKey(g[i], arg, i, &key);
      if (seen_.insert(key).second) {
        sel.push_back(static_cast<uint32_t>(i));
        gids.push_back(g[i]);
      }
    }
    if (sel.empty()) return Status::OK();
    ColumnPtr fresh = arg.Gather(sel.data(), sel.size());
    return inner_->Update(gids.data(), {fresh}, sel.size());
  }

  Status Merge(AggregateState& other, const uint32_t* mapping) override {
    auto& o = static_cast<DistinctState&>(other);
    auto values = MakeColumn(type_);
    std::vector<uint32_t> gids;
    for (const std::string& k : o.seen_) {
      uint32_t g;
      std::memcpy(&g, k.data(), sizeof(g));
      std::string key = k;
      uint32_t mapped = mapping[g];
      std::memcpy(key.data(), &mapped, sizeof(mapped));
      if (!seen_.insert(key).second) continue;
      std::string_view bytes(key.data() + sizeof(uint32_t), key.size() - sizeof(uint32_t));
      if (type_.IsVariableWidth()) {
        values->AppendString(bytes);
      } else {
        size_t at = values->size();
        values->Resize(at + 1);
        std::memcpy(values->Data<uint8_t>() + at * width_, bytes.data(), width_);
      }
      gids.push_back(mapped);
    }
    if (gids.empty()) return Status::OK();
    return inner_->Update(gids.data(), {values}, gids.size());
  }

  Result<ColumnPtr> Finalize() override { return inner_->Finalize(); }

 private:
  // 4 bytes of group id, then the value's bytes (floats normalised so 0.0 == -0.0).
  void MakeKey(uint32_t g, const Column& arg, size_t row, std::string* key) const {
    key->assign(reinterpret_cast<const char*>(&g), sizeof(g));
    if (type_.IsVariableWidth()) {
      key->append(arg.GetString(row));
      return;
    }
    const char* p = reinterpret_cast<const char*>(arg.Data<uint8_t>() + row * width_);
    if (type_.IsFloat()) {
      double d = type_.id == TypeId::Float32 ? arg.Data<float>()[row] : arg.Data<double>()[row];
      if (d == 0) {
        key->append(width_, '\0');
        return;
      }
    }
    key->append(p, width_);
  }

  DataType type_;
  size_t width_;
  std::unique_ptr<AggregateState> inner_;
  std::unordered_set<std::string> seen_;
};

}  // namespace

std::unique_ptr<AggregateState> MakeDistinctState(const DataType& arg,
                                                  std::unique_ptr<AggregateState> inner) {
  return std::make_unique<DistinctState>(arg, std::move(inner));
}

}  // namespace strata
