#include "main/session_impl.h"

#include <chrono>
#include <future>

#include "interpreter/interpreter.h"
#include "main/database_impl.h"
#include "sql/parser.h"

namespace strata {

namespace {

int64_t NowMicros() {
  return std::chrono::duration_cast<std::chrono::microseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

Result<QueryResult> SessionImpl::Execute(std::string_view sql) {
  ASSIGN_OR_RETURN(std::vector<sql::StatementPtr> statements, sql::ParseSql(sql));
  if (statements.empty()) return QueryResult{};
  // A Cancel is spent by the Execute it stops (or that finishes despite it); one that
  // arrives between two calls stops the next, so Ctrl-C between a script's statements
  // stops the script.
  struct ResetWhenDone {
    std::atomic<bool>& flag;
    ~ResetWhenDone() { flag.store(false, std::memory_order_relaxed); }
  } reset{cancel_};
  QueryResult last;
  for (const auto& stmt : statements) {
    QueryContext ctx(db_->metastore(), state_, db_->stores(), db_->data_storage(), NowMicros());
    ctx.set_table_storage(db_->table_storage(), db_->table_storage_connection());
    ctx.set_cancel_flag(&cancel_);
    RETURN_IF_ERROR(ctx.CheckCancelled());
    // The statement runs on a worker so this thread can report progress; the session's
    // state is only touched by the worker while this thread waits.
    auto done = std::async(std::launch::async, [&] { return ExecuteStatement(*stmt, ctx); });
    while (done.wait_for(std::chrono::milliseconds(100)) != std::future_status::ready) {
      if (progress_) {
        progress_(Progress{ctx.progress().rows.load(), ctx.progress().bytes.load()});
      }
    }
    Result<QueryResult> result = done.get();
    if (!result.ok()) return result.status();
    last = std::move(result).value();
    for (auto& w : ctx.warnings()) last.warnings.push_back(std::move(w));
  }
  return last;
}

}  // namespace strata
