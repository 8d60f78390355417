// The progress line a long statement shows on a terminal:
//   "Processed 1200000 rows, 45.3 MiB in 2.3 sec."
// It appears once a statement has run kShowAfter, is redrawn at most every kRedrawEvery,
// and is erased (carriage return + clear-line) when the statement ends, so results and
// errors print on a clean line.
//
// Thread-safety: used by one thread at a time (the one executing the statement; Update is
// called from the Session's progress callback on that thread).
#pragma once

#include <chrono>
#include <functional>
#include <ostream>

#include "main/database.h"

namespace strata {

class ProgressLine {
 public:
  using Clock = std::chrono::steady_clock;
  static constexpr std::chrono::milliseconds kShowAfter{1000};
  static constexpr std::chrono::milliseconds kRedrawEvery{250};

  // `enabled` false: Update and Finish only record, never draw (stderr is not a terminal).
  // `now` is the time source; tests pass a fake clock.
  ProgressLine(std::ostream& err, bool enabled, std::function<Clock::time_point()> now = Clock::now)
      : err_(err), enabled_(enabled), now_(std::move(now)) {}

  // A statement begins.
  void Start();
  // Latest totals from the engine.
  void Update(const Progress& progress);
  // The statement ended: erases the line if one is shown.
  void Finish();

  // Seconds since Start().
  double ElapsedSeconds() const;
  // The last totals reported since Start(); zero when the engine reported none.
  const Progress& last() const { return last_; }
  bool reported() const { return reported_; }

 private:
  std::ostream& err_;
  bool enabled_;
  std::function<Clock::time_point()> now_;
  Clock::time_point start_{};
  Clock::time_point last_draw_{};
  bool shown_ = false;
  bool reported_ = false;
  Progress last_;
};

}  // namespace strata
