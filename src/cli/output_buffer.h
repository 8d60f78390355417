// Result text assembled in memory and handed to the stream in large pieces: one write per
// 64 KiB instead of one per cell keeps large outputs fast.
//
// Thread-safety: one thread.
#pragma once

#include <ostream>
#include <string>

namespace strata {

class OutputBuffer {
 public:
  explicit OutputBuffer(std::ostream& out) : out_(out) {}
  ~OutputBuffer() { Flush(); }
  OutputBuffer(const OutputBuffer&) = delete;
  OutputBuffer& operator=(const OutputBuffer&) = delete;

  // The text not yet written; append to it.
  std::string& text() { return text_; }
  // Writes the text once it has grown large (call at the end of each row).
  void FlushIfLarge() {
    if (text_.size() >= kFlushBytes) Flush();
  }
  void Flush() {
    out_.write(text_.data(), static_cast<std::streamsize>(text_.size()));
    text_.clear();
  }

 private:
  static constexpr size_t kFlushBytes = 1 << 16;
  std::ostream& out_;
  std::string text_;
};

}  // namespace strata
