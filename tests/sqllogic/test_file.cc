#include "sqllogic/test_file.h"

#include <cctype>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace strata::sqllogic {

namespace {

constexpr int kMaxIncludeDepth = 16;

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> SplitWords(std::string_view s) {
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    size_t start = i;
    while (i < s.size() && !std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    if (i > start) words.push_back(s.substr(start, i - start));
  }
  return words;
}

// Everything after the first `n` words of `line`, trimmed.
std::string_view AfterWords(std::string_view line, size_t n) {
  size_t i = 0;
  for (size_t w = 0; w < n; ++w) {
    while (i < line.size() && std::isspace(static_cast<unsigned char>(line[i]))) ++i;
    while (i < line.size() && !std::isspace(static_cast<unsigned char>(line[i]))) ++i;
  }
  return Trim(line.substr(i));
}

bool IsBlank(std::string_view line) { return Trim(line).empty(); }

class Parser {
 public:
  Parser(std::string_view text, std::string path, const FileLoader& loader, int depth,
         TestFile* out)
      : path_(std::move(path)), loader_(loader), depth_(depth), out_(out) {
    size_t start = 0;
    while (start <= text.size()) {
      size_t end = text.find('\n', start);
      if (end == std::string_view::npos) end = text.size();
      std::string_view line = text.substr(start, end - start);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      lines_.push_back(line);
      start = end + 1;
    }
  }

  Status Run() {
    bool in_header = depth_ == 0;
    bool skip_next = false;
    while (pos_ < lines_.size()) {
      std::string_view line = Trim(lines_[pos_]);
      if (line.empty()) {
        ++pos_;
        continue;
      }
      if (line.front() == '#') {
        if (in_header) out_->description.emplace_back(Trim(line.substr(1)));
        ++pos_;
        continue;
      }
      in_header = false;
      std::vector<std::string_view> words = SplitWords(line);
      std::string_view directive = words[0];
      int directive_line = static_cast<int>(pos_) + 1;
      if (directive == "skipif" || directive == "onlyif") {
        if (words.size() < 2) return Fail(directive_line, "expected an engine name");
        bool named = words[1] == kEngineName;
        if (directive == "skipif" ? named : !named) skip_next = true;
        ++pos_;
        continue;
      }
      if (directive == "hash-threshold" || directive == "control") {
        ++pos_;
        continue;
      }
      if (directive == "require") {
        if (words.size() < 3 || words[1] != "env") {
          return Fail(directive_line, "expected `require env VAR...`");
        }
        for (size_t k = 2; k < words.size(); ++k) out_->required_env.emplace_back(words[k]);
        ++pos_;
        continue;
      }
      if (directive == "include") {
        RETURN_IF_ERROR(Include(directive_line, AfterWords(line, 1)));
        ++pos_;
        continue;
      }
      Record record;
      record.file = path_;
      record.line = directive_line;
      if (directive == "statement") {
        RETURN_IF_ERROR(ParseStatement(line, words, &record));
      } else if (directive == "query") {
        RETURN_IF_ERROR(ParseQuery(line, words, &record));
      } else if (directive == "halt") {
        record.kind = RecordKind::kHalt;
        ++pos_;
      } else if (directive == "sleep") {
        RETURN_IF_ERROR(ParseSleep(words, &record));
        ++pos_;
      } else {
        return Fail(directive_line, "unknown directive `" + std::string(directive) + "`");
      }
      if (!skip_next) out_->records.push_back(std::move(record));
      skip_next = false;
    }
    return Status::OK();
  }

 private:
  Status Fail(int line, const std::string& message) const {
    return Error(ErrorCode::BadArguments, path_ + ":" + std::to_string(line) + ": " + message);
  }

  // Reads SQL lines after the directive until a blank line, a ---- line or the end.
  // Returns true when it stopped at ----.
  bool ReadSql(Record* record) {
    std::string sql;
    while (pos_ < lines_.size() && !IsBlank(lines_[pos_])) {
      if (Trim(lines_[pos_]) == "----") {
        ++pos_;
        record->sql = std::move(sql);
        return true;
      }
      if (!sql.empty()) sql.push_back('\n');
      sql.append(lines_[pos_]);
      ++pos_;
    }
    record->sql = std::move(sql);
    return false;
  }

  // Lines after ---- up to a blank line or the end.
  std::vector<std::string> ReadBlock() {
    std::vector<std::string> block;
    while (pos_ < lines_.size() && !IsBlank(lines_[pos_])) block.emplace_back(lines_[pos_++]);
    return block;
  }

  Status ParseStatement(std::string_view line, const std::vector<std::string_view>& words,
                        Record* record) {
    record->kind = RecordKind::kStatement;
    if (words.size() < 2 || (words[1] != "ok" && words[1] != "error")) {
      return Fail(record->line, "expected `statement ok` or `statement error [pattern]`");
    }
    if (words[1] == "ok" && words.size() > 2) {
      return Fail(record->line, "unexpected text after `statement ok`");
    }
    record->expect_error = words[1] == "error";
    record->error_pattern = std::string(AfterWords(line, 2));
    ++pos_;
    bool has_block = ReadSql(record);
    if (record->sql.empty()) return Fail(record->line, "statement without SQL");
    if (has_block) {
      if (!record->expect_error) return Fail(record->line, "`statement ok` takes no ---- block");
      std::string message;
      for (const std::string& l : ReadBlock()) {
        if (!message.empty()) message.push_back('\n');
        message.append(l);
      }
      record->error_pattern = std::move(message);
      record->error_is_literal = true;
    }
    return Status::OK();
  }

  Status ParseQuery(std::string_view line, const std::vector<std::string_view>& words,
                    Record* record) {
    record->kind = RecordKind::kQuery;
    if (words.size() >= 2 && words[1] == "error") {
      record->expect_error = true;
      record->error_pattern = std::string(AfterWords(line, 2));
    } else {
      if (words.size() < 2) return Fail(record->line, "expected `query <types> [sort] [label]`");
      for (char c : words[1]) {
        if (!std::isalpha(static_cast<unsigned char>(c))) {
          return Fail(record->line,
                      "column types must be letters, got `" + std::string(words[1]) + "`");
        }
      }
      record->types = std::string(words[1]);
      size_t next = 2;
      if (next < words.size()) {
        if (words[next] == "rowsort") {
          record->sort_mode = SortMode::kRowSort, ++next;
        } else if (words[next] == "valuesort") {
          record->sort_mode = SortMode::kValueSort, ++next;
        } else if (words[next] == "nosort") {
          ++next;
        }
      }
      if (next < words.size()) record->label = std::string(words[next++]);
      if (next < words.size()) return Fail(record->line, "unexpected text after the label");
    }
    ++pos_;
    bool has_block = ReadSql(record);
    if (record->sql.empty()) return Fail(record->line, "query without SQL");
    if (has_block) {
      std::vector<std::string> block = ReadBlock();
      if (record->expect_error) {
        record->error_is_literal = true;
        record->error_pattern.clear();
        for (const std::string& l : block) {
          if (!record->error_pattern.empty()) record->error_pattern.push_back('\n');
          record->error_pattern.append(l);
        }
      } else {
        record->expected = std::move(block);
      }
    }
    return Status::OK();
  }

  Status ParseSleep(const std::vector<std::string_view>& words, Record* record) {
    record->kind = RecordKind::kSleep;
    if (words.size() != 2) return Fail(record->line, "expected `sleep <n>ms` or `sleep <n>s`");
    std::string_view arg = words[1];
    int value = 0;
    auto [end, ec] = std::from_chars(arg.data(), arg.data() + arg.size(), value);
    std::string_view unit(end, static_cast<size_t>(arg.data() + arg.size() - end));
    if (ec != std::errc() || value < 0 || (unit != "ms" && unit != "s" && !unit.empty())) {
      return Fail(record->line, "bad sleep duration `" + std::string(arg) + "`");
    }
    record->sleep_ms = unit == "ms" ? value : value * 1000;
    return Status::OK();
  }

  Status Include(int line, std::string_view target) {
    if (target.empty()) return Fail(line, "include needs a path");
    if (depth_ >= kMaxIncludeDepth) return Fail(line, "includes nested too deeply");
    std::filesystem::path resolved(target);
    if (resolved.is_relative()) resolved = std::filesystem::path(path_).parent_path() / resolved;
    Result<std::string> text = loader_(resolved.string());
    if (!text.ok()) return Fail(line, text.status().message());
    Parser nested(*text, resolved.string(), loader_, depth_ + 1, out_);
    return nested.Run();
  }

  std::string path_;
  const FileLoader& loader_;
  int depth_;
  TestFile* out_;
  std::vector<std::string_view> lines_;
  size_t pos_ = 0;
};

}  // namespace

Result<std::string> LoadFileFromDisk(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error(ErrorCode::BadArguments, "cannot open " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

Result<TestFile> ParseTestFile(std::string_view text, const std::string& path,
                               const FileLoader& loader) {
  TestFile file;
  file.path = path;
  Parser parser(text, path, loader, 0, &file);
  RETURN_IF_ERROR(parser.Run());
  return file;
}

}  // namespace strata::sqllogic
