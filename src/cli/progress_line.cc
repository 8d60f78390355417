#include "cli/progress_line.h"

#include <fmt/format.h>

#include "cli/quantity_text.h"

namespace strata {

namespace {
// Carriage return, then ANSI "erase to end of line".
constexpr std::string_view kEraseLine = "\r\x1b[K";
}  // namespace

void ProgressLine::Start() {
  start_ = now_();
  shown_ = false;
  reported_ = false;
  last_ = Progress{};
}

void ProgressLine::Update(const Progress& progress) {
  last_ = progress;
  reported_ = true;
  if (!enabled_) return;
  Clock::time_point t = now_();
  if (t - start_ < kShowAfter) return;
  if (shown_ && t - last_draw_ < kRedrawEvery) return;
  last_draw_ = t;
  shown_ = true;
  err_ << kEraseLine
       << fmt::format("Processed {}, {} in {:.1f} sec.", FormatRows(progress.rows),
                      FormatBytes(progress.bytes), ElapsedSeconds())
       << std::flush;
}

void ProgressLine::Finish() {
  if (shown_) err_ << kEraseLine << std::flush;
  shown_ = false;
}

double ProgressLine::ElapsedSeconds() const {
  return std::chrono::duration<double>(now_() - start_).count();
}

}  // namespace strata
