// Maps a logical DataType to the C++ type its Column stores, so kernels can be written once
// as templates and instantiated per physical type (see types/data_type.h for the layout).
//
// Usage:
//   DispatchFixed(type, [&](auto tag) { using T = typename decltype(tag)::type; ... });
// The callable is invoked once with TypeTag<T>; String and Null are not fixed-width and go to
// the caller's own branch (DispatchFixed returns false for them).
#pragma once

#include <cstdint>
#include <type_traits>

#include "types/data_type.h"

namespace strata {

template <typename T>
struct TypeTag {
  using type = T;
};

// Calls f(TypeTag<T>{}) with the physical type of a fixed-width `type`. Returns false (without
// calling f) for String and Null.
template <typename F>
bool DispatchFixed(const DataType& type, F&& f) {
  switch (type.id) {
    case TypeId::Boolean:
      f(TypeTag<uint8_t>{});
      return true;
    case TypeId::Int8:
      f(TypeTag<int8_t>{});
      return true;
    case TypeId::Int16:
      f(TypeTag<int16_t>{});
      return true;
    case TypeId::Int32:
    case TypeId::Date:
      f(TypeTag<int32_t>{});
      return true;
    case TypeId::Int64:
    case TypeId::Timestamp:
      f(TypeTag<int64_t>{});
      return true;
    case TypeId::Float32:
      f(TypeTag<float>{});
      return true;
    case TypeId::Float64:
      f(TypeTag<double>{});
      return true;
    case TypeId::Decimal:
      if (type.IsDecimal128()) {
        f(TypeTag<int128_t>{});
      } else {
        f(TypeTag<int64_t>{});
      }
      return true;
    case TypeId::Null:
    case TypeId::String:
      return false;
  }
  return false;
}

// Integer types only (Int8..Int64). Returns false for anything else.
template <typename F>
bool DispatchInteger(const DataType& type, F&& f) {
  switch (type.id) {
    case TypeId::Int8:
      f(TypeTag<int8_t>{});
      return true;
    case TypeId::Int16:
      f(TypeTag<int16_t>{});
      return true;
    case TypeId::Int32:
      f(TypeTag<int32_t>{});
      return true;
    case TypeId::Int64:
      f(TypeTag<int64_t>{});
      return true;
    default:
      return false;
  }
}

// Decimal storage: int64_t for precision <= 18, int128_t above.
template <typename F>
void DispatchDecimal(const DataType& type, F&& f) {
  if (type.IsDecimal128()) {
    f(TypeTag<int128_t>{});
  } else {
    f(TypeTag<int64_t>{});
  }
}

}  // namespace strata
