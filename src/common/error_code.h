// Databend-style numeric error codes, defined in one table.
//
// User errors (bad SQL, unknown objects, refused operations) are kept apart from
// internal errors (bugs, broken invariants): see IsUserError(). Storage errors carry
// whether retrying the same request may succeed: see IsRetryable().
#pragma once

#include <cstdint>
#include <string_view>

namespace strata {

// X(Name, code, user_error)
#define STRATA_ERROR_CODES(X)                      \
  X(Ok, 0, false)                                  \
  X(Internal, 1001, false)                         \
  X(Unimplemented, 1002, true)                     \
  X(UnknownDatabase, 1003, true)                   \
  X(SyntaxException, 1005, true)                   \
  X(BadArguments, 1006, true)                      \
  X(IllegalDataType, 1007, true)                   \
  X(UnknownFunction, 1008, true)                   \
  X(BadDataValueType, 1010, true)                  \
  X(UnknownTable, 1025, true)                      \
  X(UnknownAggregateFunction, 1027, true)          \
  X(NumberArgumentsNotMatch, 1028, true)           \
  X(AbortedQuery, 1043, true)                      \
  X(Overflow, 1049, true)                          \
  X(UnknownColumn, 1058, true)                     \
  X(BadBytes, 1046, true)                          \
  X(StrParseError, 1060, true)                     \
  X(PermissionDenied, 1063, true)                  \
  X(SemanticError, 1065, true)                     \
  X(InvalidDate, 1079, true)                       \
  X(InvalidTimestamp, 1080, true)                  \
  X(Timeout, 1122, true)                           \
  X(AlterTableError, 1132, true)                   \
  X(ParquetFileInvalid, 1201, true)                \
  X(InvalidUtf8String, 1202, true)                 \
  X(TableOptionInvalid, 1301, true)                \
  X(TableEngineNotSupported, 1302, true)           \
  X(MetaStorageError, 2003, false)                 \
  X(TableVersionMismatched, 2009, false)           \
  X(OCCRetryFailure, 2011, true)                   \
  X(DatabaseAlreadyExists, 2301, true)             \
  X(TableAlreadyExists, 2302, true)                \
  X(UnknownConnection, 2510, true)                 \
  X(ConnectionAlreadyExists, 2512, true)           \
  X(StorageNotFound, 3001, true)                   \
  X(StoragePermissionDenied, 3002, true)           \
  X(StorageUnavailable, 3901, true)                \
  X(StorageUnsupported, 3902, true)                \
  X(StorageOther, 4000, true)                      \
  X(SecretKeyError, 4001, true)

enum class ErrorCode : uint16_t {
#define STRATA_X(name, code, user) name = code,
  STRATA_ERROR_CODES(STRATA_X)
#undef STRATA_X
};

// The code's name as Databend spells it, e.g. "UnknownTable".
std::string_view ErrorCodeName(ErrorCode code);
// True for errors caused by the user's input or environment, not by a strata bug.
bool IsUserError(ErrorCode code);

}  // namespace strata
