#include "execution/function_registry.h"

#include <algorithm>
#include <cctype>

#include "common/ascii.h"

namespace strata {

namespace {

std::string Signature(std::string_view name, const std::vector<ArgInfo>& args) {
  std::string s(name);
  s += "(";
  for (size_t i = 0; i < args.size(); ++i) {
    if (i) s += ", ";
    s += args[i].type.ToString();
  }
  return s + ")";
}

}  // namespace

FunctionRegistry::FunctionRegistry() {
  RegisterArithmeticFunctions(*this);
  RegisterComparisonFunctions(*this);
  RegisterStringFunctions(*this);
  RegisterMathFunctions(*this);
  RegisterDateTimeFunctions(*this);
  RegisterTypeFunctions(*this);
}

const FunctionRegistry& FunctionRegistry::Instance() {
  static const FunctionRegistry* registry = new FunctionRegistry();
  return *registry;
}

void FunctionRegistry::Register(const std::string& name, FunctionResolver resolver) {
  resolvers_[AsciiLower(name)] = std::move(resolver);
}

void FunctionRegistry::Alias(const std::string& alias, const std::string& target) {
  aliases_[AsciiLower(alias)] = AsciiLower(target);
}

bool FunctionRegistry::Exists(std::string_view name) const {
  std::string n = AsciiLower(name);
  return resolvers_.count(n) > 0 || aliases_.count(n) > 0;
}

Result<ScalarFunctionPtr> FunctionRegistry::Resolve(std::string_view name,
                                                    const std::vector<ArgInfo>& args) const {
  std::string n = AsciiLower(name);
  if (auto a = aliases_.find(n); a != aliases_.end()) n = a->second;
  auto it = resolvers_.find(n);
  if (it == resolvers_.end()) {
    return Error(ErrorCode::UnknownFunction,
                 "no function matches the given name: '" + std::string(name) + "'");
  }
  return it->second(args);
}

ScalarFunctionPtr MakeFunction(std::string name, std::vector<DataType> arg_types,
                               DataType return_type, ScalarKernel kernel, NullHandling nulls) {
  auto f = std::make_shared<ScalarFunction>();
  f->name = std::move(name);
  f->arg_types = std::move(arg_types);
  f->return_type = return_type;
  f->kernel = std::move(kernel);
  f->nulls = nulls;
  return f;
}

Status NoMatchingSignature(std::string_view name, const std::vector<ArgInfo>& args) {
  return Error(ErrorCode::SemanticError, "no function matches signature `" + Signature(name, args) +
                                             "`, you might need to add explicit type casts.");
}

Status CheckArity(std::string_view name, const std::vector<ArgInfo>& args, size_t min, size_t max) {
  if (args.size() >= min && args.size() <= max) return Status::OK();
  std::string expected =
      min == max ? std::to_string(min) : std::to_string(min) + " to " + std::to_string(max);
  return Error(ErrorCode::NumberArgumentsNotMatch, "function " + std::string(name) + " expects " +
                                                       expected + " arguments, got " +
                                                       std::to_string(args.size()));
}

bool CanImplicitCast(const DataType& from, const DataType& to) {
  if (from == to || from.id == TypeId::Null || to.id == TypeId::String) return true;
  if ((from.IsNumeric() || from.id == TypeId::Boolean) && to.IsNumeric()) return true;
  if (from.id == TypeId::String) return to.id != TypeId::Null;
  if (from.id == TypeId::Date && to.id == TypeId::Timestamp) return true;
  if (from.id == TypeId::Timestamp && to.id == TypeId::Date) return true;
  return false;
}

FunctionResolver FixedSignature(std::string name, std::vector<DataType> params, DataType ret,
                                ScalarKernel kernel, NullHandling nulls, size_t min_args,
                                size_t max_args) {
  if (min_args == 0) min_args = params.size();
  if (max_args == 0) max_args = params.size();
  auto fn = MakeFunction(name, params, ret, std::move(kernel), nulls);
  return [fn, min_args, max_args](const std::vector<ArgInfo>& args) -> Result<ScalarFunctionPtr> {
    RETURN_IF_ERROR(CheckArity(fn->name, args, min_args, max_args));
    std::vector<DataType> types;
    types.reserve(args.size());
    for (size_t i = 0; i < args.size(); ++i) {
      const DataType& p = fn->arg_types[std::min(i, fn->arg_types.size() - 1)];
      if (!CanImplicitCast(args[i].type, p)) return NoMatchingSignature(fn->name, args);
      types.push_back(p);
    }
    if (types == fn->arg_types) return fn;
    auto copy = std::make_shared<ScalarFunction>(*fn);
    copy->arg_types = std::move(types);
    return ScalarFunctionPtr(copy);
  };
}

}  // namespace strata
