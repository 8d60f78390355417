// Scalar functions: lookup by (lowercase) name and argument types.
//
// Resolving `name(args)` yields a ScalarFunction: the argument types the arguments must be cast
// to (implicit casts, e.g. INT + BIGINT casts the INT side to BIGINT), the return type and the
// vectorized kernel. The expression builders in execution/expression.h insert those casts; a
// binder normally never calls the registry directly.
//
// Families live one per file under execution/functions/ and register themselves from the
// registry's constructor: arithmetic, comparison, string, math, date/time, type introspection.
// Conditional forms (if, case, coalesce, ...) are expression nodes, built by
// execution/expression.h.
//
// Thread-safety: the registry is built once (first use) and immutable afterwards; resolved
// ScalarFunctions are immutable and shared freely between threads.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/status.h"
#include "execution/operand.h"

namespace strata {

// Per-query facts functions may read (now() and today() are constant within a query).
struct FunctionContext {
  int64_t now_micros = 0;  // query start, microseconds since epoch (UTC)
};

// What a kernel receives. `args` are already cast to ScalarFunction::arg_types.
struct KernelInput {
  const std::vector<Operand>& args;
  // Logical row count: the chunk's rows, or 1 when every argument is a constant.
  size_t rows;
  // kPropagate functions: 1 = every argument is non-NULL at that row; nullptr = no NULLs.
  // Kernels use it only to skip errors (e.g. division by zero) on rows that will be NULL.
  const uint8_t* validity;
  const FunctionContext& ctx;
};

struct ScalarFunction;
// Computes `rows` result values. For kPropagate functions the caller attaches the combined
// validity afterwards; for kCustom the kernel sets validity itself.
using ScalarKernel = std::function<Result<ColumnPtr>(const ScalarFunction&, const KernelInput&)>;

enum class NullHandling : uint8_t {
  kPropagate,  // NULL if any argument is NULL; the kernel never sees an all-NULL argument
  kCustom,     // the kernel decides (concat_ws, greatest over NULLs, ...)
};

struct ScalarFunction {
  std::string name;
  std::vector<DataType> arg_types;  // cast arguments to these before calling the kernel
  DataType return_type;
  ScalarKernel kernel;
  NullHandling nulls = NullHandling::kPropagate;
  // False for functions whose value is not fixed at bind time (now(), today()); such calls are
  // never constant-folded.
  bool foldable = true;
  // Data prepared at resolution time from constant arguments (e.g. a date_trunc unit).
  int64_t param = 0;
};
using ScalarFunctionPtr = std::shared_ptr<const ScalarFunction>;

// An argument as seen by resolution: its type and, when it is a constant, its value.
struct ArgInfo {
  DataType type;
  std::optional<Value> constant;
};

using FunctionResolver = std::function<Result<ScalarFunctionPtr>(const std::vector<ArgInfo>&)>;

class FunctionRegistry {
 public:
  // The process-wide registry with every built-in function.
  static const FunctionRegistry& Instance();

  // Errors: 1008 UnknownFunction for an unknown name; 1028 for a wrong number of arguments;
  // 1065 `no function matches signature plus(VARCHAR, BOOLEAN)` for unsupported types.
  Result<ScalarFunctionPtr> Resolve(std::string_view name, const std::vector<ArgInfo>& args) const;
  bool Exists(std::string_view name) const;

  // Registration (used by the families while the registry is built).
  void Register(const std::string& name, FunctionResolver resolver);
  void Alias(const std::string& alias, const std::string& target);

 private:
  FunctionRegistry();
  std::unordered_map<std::string, FunctionResolver> resolvers_;
  std::unordered_map<std::string, std::string> aliases_;
};

// Helpers for families ------------------------------------------------------------------

// Builds a resolved function.
ScalarFunctionPtr MakeFunction(std::string name, std::vector<DataType> arg_types,
                               DataType return_type, ScalarKernel kernel,
                               NullHandling nulls = NullHandling::kPropagate);
// 1065 `no function matches signature name(T1, T2)`.
Status NoMatchingSignature(std::string_view name, const std::vector<ArgInfo>& args);
// 1028 when args.size() is outside [min, max].
Status CheckArity(std::string_view name, const std::vector<ArgInfo>& args, size_t min, size_t max);

// Whether an argument of type `from` may be cast implicitly to a parameter of type `to`:
// NULL to anything, numbers among themselves, anything to VARCHAR, VARCHAR to anything it can
// be parsed as, DATE to TIMESTAMP.
bool CanImplicitCast(const DataType& from, const DataType& to);

// A resolver for a function whose parameters have fixed types. Calls with min_args..max_args
// arguments are accepted; arguments past params.size() take the type of the last parameter
// (variadic functions). 0 for min_args / max_args means params.size().
FunctionResolver FixedSignature(std::string name, std::vector<DataType> params, DataType ret,
                                ScalarKernel kernel, NullHandling nulls = NullHandling::kPropagate,
                                size_t min_args = 0, size_t max_args = 0);

// Family registration (one per functions/*.cc file).
void RegisterArithmeticFunctions(FunctionRegistry& r);
void RegisterComparisonFunctions(FunctionRegistry& r);
void RegisterStringFunctions(FunctionRegistry& r);
void RegisterMathFunctions(FunctionRegistry& r);
void RegisterDateTimeFunctions(FunctionRegistry& r);
void RegisterTypeFunctions(FunctionRegistry& r);

}  // namespace strata
