#include "execution/in_set.h"

#include <algorithm>
#include <string>

#include "execution/type_dispatch.h"

namespace strata {

namespace {

template <typename T>
class FixedInSet : public InSet {
 public:
  FixedInSet(const DataType& type, const std::vector<Value>& values) {
    auto col = MakeColumn(type);
    for (const Value& v : values) {
      if (v.is_null()) {
        has_null_ = true;
      } else {
        col->AppendValue(v);
      }
    }
    const T* data = col->template Data<T>();
    values_.assign(data, data + col->size());
    std::sort(values_.begin(), values_.end());
    values_.erase(std::unique(values_.begin(), values_.end()), values_.end());
  }

  void Probe(const Operand& x, size_t rows, uint8_t* found) const override {
    const T* data = x.Data<T>();
    if (values_.size() <= 8) {
      for (size_t i = 0; i < rows; ++i) {
        T v = data[x.Row(i)];
        uint8_t hit = 0;
        for (T c : values_) hit |= v == c;
        found[i] = hit;
      }
      return;
    }
    for (size_t i = 0; i < rows; ++i) {
      found[i] = std::binary_search(values_.begin(), values_.end(), data[x.Row(i)]) ? 1 : 0;
    }
  }

 private:
  std::vector<T> values_;
};

class StringInSet : public InSet {
 public:
  explicit StringInSet(const std::vector<Value>& values) {
    for (const Value& v : values) {
      if (v.is_null()) {
        has_null_ = true;
      } else {
        values_.push_back(v.GetString());
      }
    }
    std::sort(values_.begin(), values_.end());
    values_.erase(std::unique(values_.begin(), values_.end()), values_.end());
  }

  void Probe(const Operand& x, size_t rows, uint8_t* found) const override {
    for (size_t i = 0; i < rows; ++i) {
      std::string_view v = x.column->GetString(x.Row(i));
      auto it = std::lower_bound(values_.begin(), values_.end(), v,
                                 [](const std::string& a, std::string_view b) { return a < b; });
      found[i] = it != values_.end() && *it == v ? 1 : 0;
    }
  }

 private:
  std::vector<std::string> values_;
};

}  // namespace

std::shared_ptr<const InSet> InSet::Make(const DataType& type, const std::vector<Value>& values) {
  if (type.id == TypeId::String) return std::make_shared<StringInSet>(values);
  std::shared_ptr<const InSet> set;
  DispatchFixed(type, [&](auto tag) {
    using T = typename decltype(tag)::type;
    set = std::make_shared<FixedInSet<T>>(type, values);
  });
  if (!set) {
    // Type Null: every probe is NULL anyway.
    set = std::make_shared<FixedInSet<uint8_t>>(DataType(TypeId::Boolean), values);
  }
  return set;
}

}  // namespace strata
