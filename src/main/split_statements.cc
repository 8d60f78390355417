// SplitStatements (declared in main/database.h): the one place that knows where a script's
// statements end, shared by the CLI, the SQL test runner and the HTTP server.
#include <cctype>

#include "main/database.h"

namespace strata {

namespace {

// Scans a script once, stepping over quoted text and comments as units, so only a ';'
// outside them ends a statement.
class StatementScanner {
 public:
  explicit StatementScanner(std::string_view text) : text_(text) {}

  void Run(std::vector<std::string>* out, std::vector<int>* start_lines) {
    size_t i = 0;
    const size_t n = text_.size();
    while (i < n) {
      char c = text_[i];
      if (c == '\n') {
        ++line_;
        ++i;
        continue;
      }
      if (std::isspace(static_cast<unsigned char>(c))) {
        ++i;
        continue;
      }
      if (c == '-' && i + 1 < n && text_[i + 1] == '-') {
        i = SkipLineComment(i);
        continue;
      }
      if (c == '/' && i + 1 < n && text_[i + 1] == '*') {
        i = SkipBlockComment(i);
        continue;
      }
      if (c == ';') {
        Finish(out, start_lines);
        ++i;
        continue;
      }
      MarkStart(i);
      if (c == '\'' || c == '"') {
        i = SkipQuoted(i, c, /*backslash_escapes=*/true);
      } else if (c == '`') {
        i = SkipQuoted(i, c, /*backslash_escapes=*/false);
      } else if (c == '$' && i + 1 < n && text_[i + 1] == '$') {
        i = SkipDollarQuoted(i);
      } else {
        last_significant_end_ = ++i;
      }
    }
    Finish(out, start_lines);
  }

 private:
  void MarkStart(size_t pos) {
    if (start_ == kNone) {
      start_ = pos;
      start_line_ = line_;
    }
  }

  // Emits the statement that began at start_: from its first to its last significant
  // character, so leading/trailing comments and whitespace are dropped while comments
  // inside the statement stay where they are.
  void Finish(std::vector<std::string>* out, std::vector<int>* start_lines) {
    if (start_ != kNone) {
      out->emplace_back(text_.substr(start_, last_significant_end_ - start_));
      if (start_lines != nullptr) start_lines->push_back(start_line_);
    }
    start_ = kNone;
  }

  size_t SkipLineComment(size_t i) {
    while (i < text_.size() && text_[i] != '\n') ++i;
    return i;  // the newline itself is counted by the main loop
  }

  size_t SkipBlockComment(size_t i) {
    i += 2;
    while (i < text_.size()) {
      if (text_[i] == '*' && i + 1 < text_.size() && text_[i + 1] == '/') return i + 2;
      if (text_[i] == '\n') ++line_;
      ++i;
    }
    return i;
  }

  // A doubled quote ('' "" ``) closes and reopens the literal, which this loop handles
  // without a special case.
  size_t SkipQuoted(size_t i, char quote, bool backslash_escapes) {
    ++i;
    while (i < text_.size()) {
      char c = text_[i];
      if (c == '\n') ++line_;
      if (backslash_escapes && c == '\\' && i + 1 < text_.size()) {
        if (text_[i + 1] == '\n') ++line_;
        i += 2;
        continue;
      }
      ++i;
      if (c == quote) break;
    }
    last_significant_end_ = i;
    return i;
  }

  size_t SkipDollarQuoted(size_t i) {
    i += 2;
    while (i < text_.size()) {
      if (text_[i] == '$' && i + 1 < text_.size() && text_[i + 1] == '$') {
        i += 2;
        break;
      }
      if (text_[i] == '\n') ++line_;
      ++i;
    }
    last_significant_end_ = i;
    return i;
  }

  static constexpr size_t kNone = static_cast<size_t>(-1);
  std::string_view text_;
  int line_ = 1;
  size_t start_ = kNone;
  int start_line_ = 0;
  size_t last_significant_end_ = 0;
};

}  // namespace

std::vector<std::string> SplitStatements(std::string_view script, std::vector<int>* start_lines) {
  std::vector<std::string> out;
  if (start_lines != nullptr) start_lines->clear();
  StatementScanner(script).Run(&out, start_lines);
  return out;
}

}  // namespace strata
