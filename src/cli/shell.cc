#include "cli/shell.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "cli/interrupt_cancels.h"
#include "cli/quantity_text.h"
#include "cli/utf8_text.h"
#include "common/ascii.h"

namespace strata {

namespace {

// A statement of its own that cannot merge with what precedes it once a newline separates
// them (see EndsWithCompleteStatement).
constexpr std::string_view kProbe = "x";

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// True when `buffer` holds nothing but blanks and closed comments.
bool OnlyBlanksAndComments(std::string_view buffer) {
  std::string probe(buffer);
  probe.append("\n").append(kProbe);
  std::vector<std::string> pieces = SplitStatements(probe);
  return pieces.size() == 1 && pieces[0] == kProbe;
}

}  // namespace

bool EndsWithCompleteStatement(std::string_view buffer) {
  // Appending a probe statement on a new line: when the buffer ends after a top-level ';'
  // the probe comes out as a statement of its own; inside an open quote, comment or
  // statement it merges with the text before it.
  std::string probe(buffer);
  probe.append("\n").append(kProbe);
  std::vector<std::string> pieces = SplitStatements(probe);
  return pieces.size() >= 2 && pieces.back() == kProbe;
}

bool IsExitCommand(std::string_view line) {
  std::string_view s = Trim(line);
  if (!s.empty() && s.back() == ';') s = Trim(s.substr(0, s.size() - 1));
  std::string lower = AsciiLower(s);
  return lower == "exit" || lower == "quit";
}

Shell::Shell(Session* session, ShellOptions options, std::ostream& out, std::ostream& err)
    : session_(session), options_(options), out_(out), err_(err), progress_(err, options.progress) {
  session_->SetProgressCallback([this](const Progress& p) { progress_.Update(p); });
}

Shell::~Shell() { session_->SetProgressCallback(nullptr); }

std::string Shell::Prompt() const {
  return fmt::format("strata {}> ", session_->current_database());
}

std::string Shell::ContinuationPrompt() const {
  size_t prompt_width = DisplayWidth(Prompt());
  size_t width = prompt_width >= 3 ? prompt_width - 3 : 0;
  return std::string(width, ' ') + "-> ";
}

bool Shell::RunScript(std::string_view script, const std::string& source) {
  std::vector<int> lines;
  std::vector<std::string> statements = SplitStatements(script, &lines);
  // Ctrl-C between two statements stops the script at the next one.
  InterruptCancels ctrl_c(session_);
  for (size_t i = 0; i < statements.size(); ++i) {
    if (!RunStatement(statements[i])) {
      if (!source.empty()) err_ << fmt::format("  at {}:{}\n", source, lines[i]);
      err_.flush();
      return false;
    }
  }
  return true;
}

bool Shell::RunStatement(std::string_view sql) {
  progress_.Start();
  Result<QueryResult> result = [&] {
    InterruptCancels ctrl_c(session_);
    return session_->Execute(sql);
  }();
  progress_.Finish();
  double seconds = progress_.ElapsedSeconds();
  if (!result.ok()) {
    out_.flush();
    err_ << "Error: " << result.status().ToString() << '\n';
    err_.flush();
    return false;
  }
  if (result->returns_rows()) {
    MakeResultWriter(options_.format, options_.header)->Write(*result, out_);
  }
  out_.flush();
  for (const std::string& w : result->warnings) err_ << "Warning: " << w << '\n';
  if (options_.footers) PrintFooter(*result, seconds);
  err_.flush();
  return true;
}

void Shell::PrintFooter(const QueryResult& result, double seconds) {
  if (!result.returns_rows()) {
    err_ << fmt::format("{} affected in {} sec.\n", FormatRows(result.affected_rows),
                        FormatSeconds(seconds));
    return;
  }
  uint64_t rows = 0;
  for (const Chunk& c : result.chunks) rows += c.num_rows();
  std::string line = fmt::format("{} read in {} sec.", FormatRows(rows), FormatSeconds(seconds));
  if (progress_.reported()) {
    const Progress& p = progress_.last();
    double per_second = seconds > 0 ? 1.0 / seconds : 0;
    line +=
        fmt::format(" Processed {}, {} ({:.0f} rows/s, {}/s)", FormatRows(p.rows),
                    FormatBytes(p.bytes), static_cast<double>(p.rows) * per_second,
                    FormatBytes(static_cast<uint64_t>(static_cast<double>(p.bytes) * per_second)));
  }
  err_ << line << '\n';
}

void Shell::RunInteractive(LineSource& lines) {
  std::string buffer;
  while (true) {
    std::optional<std::string> line =
        lines.ReadLine(buffer.empty() ? Prompt() : ContinuationPrompt());
    if (!line) return;  // readline has already moved to a fresh line
    if (lines.TakeInterrupt()) {
      buffer.clear();
      continue;
    }
    if (buffer.empty()) {
      if (IsExitCommand(*line)) return;
      if (Trim(*line).empty()) continue;
    } else {
      buffer.push_back('\n');
    }
    buffer.append(*line);
    if (OnlyBlanksAndComments(buffer)) {
      buffer.clear();
      continue;
    }
    if (!EndsWithCompleteStatement(buffer)) continue;
    lines.AddHistory(buffer);
    for (const std::string& statement : SplitStatements(buffer)) RunStatement(statement);
    buffer.clear();
  }
}

}  // namespace strata
