#include "common/error_code.h"

namespace strata {

std::string_view ErrorCodeName(ErrorCode code) {
  switch (code) {
#define STRATA_X(name, num, user) \
  case ErrorCode::name:           \
    return #name;
    STRATA_ERROR_CODES(STRATA_X)
#undef STRATA_X
  }
  return "Unknown";
}

bool IsUserError(ErrorCode code) {
  switch (code) {
#define STRATA_X(name, num, user) \
  case ErrorCode::name:           \
    return user;
    STRATA_ERROR_CODES(STRATA_X)
#undef STRATA_X
  }
  return false;
}

}  // namespace strata
