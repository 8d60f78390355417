#include "sqllogic/test_runner.h"

#include <fmt/format.h>
#include <stdlib.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <system_error>
#include <thread>

#include "sqllogic/result_check.h"

namespace strata::sqllogic {

namespace fs = std::filesystem;

namespace {

std::string Indent(std::string_view text, std::string_view prefix) {
  std::string out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    out.append(prefix).append(text.substr(start, end - start)).push_back('\n');
    start = end + 1;
  }
  return out;
}

// A fresh directory under the system temp dir, removed when the object goes away.
class TempDataDir {
 public:
  static Result<TempDataDir> Create() {
    std::error_code ec;
    fs::path base = fs::temp_directory_path(ec);
    if (ec) base = "/tmp";
    std::string templ = (base / "strata-slt-XXXXXX").string();
    if (mkdtemp(templ.data()) == nullptr) {
      return Error(ErrorCode::Internal, "cannot create a temporary data directory");
    }
    return TempDataDir(templ);
  }
  TempDataDir(TempDataDir&& o) noexcept : path_(std::move(o.path_)) { o.path_.clear(); }
  TempDataDir(const TempDataDir&) = delete;
  ~TempDataDir() {
    if (path_.empty()) return;
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const std::string& path() const { return path_; }

 private:
  explicit TempDataDir(std::string path) : path_(std::move(path)) {}
  std::string path_;
};

}  // namespace

std::optional<std::string> SubstituteEnv(std::string_view text, const EnvLookup& env,
                                         std::string* missing) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    size_t dollar = text.find("${", i);
    if (dollar == std::string_view::npos) break;
    size_t close = text.find('}', dollar + 2);
    if (close == std::string_view::npos) break;
    out.append(text.substr(i, dollar - i));
    std::string name(text.substr(dollar + 2, close - dollar - 2));
    std::optional<std::string> value = env(name);
    if (!value) {
      if (missing != nullptr) *missing = name;
      return std::nullopt;
    }
    out.append(*value);
    i = close + 1;
  }
  out.append(text.substr(i));
  return out;
}

std::vector<std::string> CollectTestFiles(const std::vector<std::string>& paths,
                                          std::vector<std::string>* missing) {
  std::vector<std::string> files;
  for (const std::string& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      std::vector<std::string> found;
      for (auto it = fs::recursive_directory_iterator(p, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file(ec) && it->path().extension() == ".test") {
          found.push_back(it->path().string());
        }
      }
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else if (fs::is_regular_file(p, ec)) {
      files.push_back(p);
    } else if (missing != nullptr) {
      missing->push_back(p);
    }
  }
  return files;
}

TestRunner::TestRunner(Options options, std::ostream& out, EnvLookup env, SessionOpener opener)
    : options_(std::move(options)), out_(out), env_(std::move(env)), opener_(std::move(opener)) {}

std::string TestRunner::Summary() const {
  std::string s = fmt::format("{} passed, {} failed", counts_.passed, counts_.failed);
  if (counts_.skipped_files > 0) s += fmt::format(", {} skipped", counts_.skipped_files);
  return s;
}

void TestRunner::AddFileFailure(const std::string& path, const std::string& message) {
  ++counts_.failed;
  out_ << "FAIL " << path << ": " << message << '\n';
}

void TestRunner::RunFile(const std::string& path) {
  Result<std::string> text = LoadFileFromDisk(path);
  if (!text.ok()) return AddFileFailure(path, text.status().message());
  Result<TestFile> file = ParseTestFile(*text, path);
  if (!file.ok()) {
    // Parse errors already name path:line.
    ++counts_.failed;
    out_ << "FAIL " << file.status().message() << '\n';
    return;
  }

  for (const std::string& var : file->required_env) {
    if (!env_(var)) {
      ++counts_.skipped_files;
      out_ << "skip " << path << " (" << var << " is not set)\n";
      return;
    }
  }

  std::optional<TempDataDir> temp;
  std::string data_dir = options_.shared_data_dir;
  if (data_dir.empty()) {
    Result<TempDataDir> created = TempDataDir::Create();
    if (!created.ok()) return AddFileFailure(path, created.status().ToString());
    temp.emplace(std::move(created).value());
    data_dir = temp->path();
  }
  size_t failed_before = counts_.failed;
  size_t passed_before = counts_.passed;
  {
    Result<OpenedSession> opened = opener_(data_dir);
    if (!opened.ok()) {
      return AddFileFailure(path, "cannot open a database: " + opened.status().ToString());
    }
    // ${STRATA_TEST_DIR}: a scratch directory of this file's own, for external tables.
    test_dir_ = data_dir + "/scratch";
    RunRecords(*file, opened->session.get());
  }
  if (options_.verbose && counts_.failed == failed_before) {
    out_ << "ok   " << path << " (" << counts_.passed - passed_before << " records)\n";
  }
}

void TestRunner::RunRecords(const TestFile& file, Session* session) {
  for (const Record& record : file.records) {
    if (record.kind == RecordKind::kHalt) return;
    if (record.kind == RecordKind::kSleep) {
      std::this_thread::sleep_for(std::chrono::milliseconds(record.sleep_ms));
      continue;
    }
    if (RunRecord(record, session)) {
      ++counts_.passed;
    } else {
      ++counts_.failed;
    }
  }
}

bool TestRunner::RunRecord(const Record& record, Session* session) {
  std::string missing;
  EnvLookup env = [this](const std::string& name) -> std::optional<std::string> {
    if (name == "STRATA_TEST_DIR") return test_dir_;
    return env_(name);
  };
  std::optional<std::string> sql = SubstituteEnv(record.sql, env, &missing);
  if (!sql) {
    ReportFailure(record, record.sql, "environment variable " + missing + " is not set");
    return false;
  }
  Record expanded = record;
  std::optional<std::string> pattern = SubstituteEnv(record.error_pattern, env, &missing);
  bool substituted = pattern.has_value();
  if (substituted) expanded.error_pattern = std::move(*pattern);
  for (size_t k = 0; substituted && k < expanded.expected.size(); ++k) {
    std::optional<std::string> line = SubstituteEnv(expanded.expected[k], env, &missing);
    substituted = line.has_value();
    if (substituted) expanded.expected[k] = std::move(*line);
  }
  if (!substituted) {
    ReportFailure(record, *sql, "environment variable " + missing + " is not set");
    return false;
  }

  std::vector<std::string> statements = SplitStatements(*sql);
  if (statements.empty()) {
    ReportFailure(record, *sql, "the record has no SQL statement");
    return false;
  }
  std::optional<QueryResult> last;
  for (const std::string& statement : statements) {
    Result<QueryResult> result = session->Execute(statement);
    if (!result.ok()) {
      if (!expanded.expect_error) {
        ReportFailure(record, *sql, "unexpected error: " + result.status().ToString());
        return false;
      }
      if (ErrorMatches(expanded, result.status())) return true;
      ReportFailure(record, *sql,
                    fmt::format("expected an error matching `{}`, got: {}", expanded.error_pattern,
                                result.status().ToString()));
      return false;
    }
    last = std::move(result).value();
  }
  if (expanded.expect_error) {
    ReportFailure(record, *sql,
                  expanded.error_pattern.empty()
                      ? std::string("expected an error, but the statement succeeded")
                      : fmt::format("expected an error matching `{}`, but the statement "
                                    "succeeded",
                                    expanded.error_pattern));
    return false;
  }
  if (record.kind != RecordKind::kQuery) return true;
  QueryComparison cmp = CompareQueryResult(expanded, *last);
  if (cmp.matches) return true;
  if (!cmp.problem.empty()) {
    ReportFailure(record, *sql, cmp.problem);
  } else {
    ReportFailure(record, *sql,
                  "result differs (- expected, + actual):", DiffLines(cmp.expected, cmp.actual));
  }
  return false;
}

void TestRunner::ReportFailure(const Record& record, const std::string& sql,
                               const std::string& problem, const std::vector<std::string>& diff) {
  out_ << "FAIL " << record.file << ':' << record.line << '\n';
  out_ << Indent(sql, "    ");
  out_ << "  " << problem << '\n';
  for (const std::string& line : diff) out_ << "  " << line << '\n';
  out_.flush();
}

}  // namespace strata::sqllogic
