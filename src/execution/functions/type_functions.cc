// typeof(x): the SQL name of the argument's type, e.g. 'BIGINT' or 'DECIMAL(10, 2)'.
#include "execution/function_registry.h"

namespace strata {

void RegisterTypeFunctions(FunctionRegistry& r) {
  r.Register("typeof", [](const std::vector<ArgInfo>& args) -> Result<ScalarFunctionPtr> {
    RETURN_IF_ERROR(CheckArity("typeof", args, 1, 1));
    std::string name = args[0].type.ToString();
    return MakeFunction(
        "typeof", {args[0].type}, DataType(TypeId::String),
        [name](const ScalarFunction& f, const KernelInput& in) -> Result<ColumnPtr> {
          return MakeConstantColumn(f.return_type, Value::String(name), in.rows);
        },
        NullHandling::kCustom);
  });
}

}  // namespace strata
