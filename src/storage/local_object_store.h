// ObjectStore over a local directory: key "a/b.parquet" is the file <root>/a/b.parquet.
//
// Put writes a temporary file next to the target, fsyncs it and renames it over the target,
// so readers see the old or the new object and a crash leaves no torn object (at worst a
// stray temporary file, which List skips). Keys that could escape the root ("..", absolute)
// are rejected.
//
// Thread-safety: every method may be called from many threads at once; concurrent Puts of
// one key leave one of the written versions.
#pragma once

#include <string>

#include "storage/object_store.h"

namespace strata {

class LocalObjectStore final : public ObjectStore {
 public:
  // REQUIRES: `root` is an absolute path. Creates the directory if missing.
  static Result<std::shared_ptr<LocalObjectStore>> Open(const std::string& root);

  Result<std::string> Get(const std::string& key) override;
  Result<std::string> GetRange(const std::string& key, uint64_t offset, uint64_t length) override;
  Status Put(const std::string& key, std::string_view data) override;
  Result<ObjectMeta> Stat(const std::string& key) override;
  Result<std::vector<ObjectMeta>> List(const std::string& prefix) override;
  Status Delete(const std::string& key) override;
  std::string Describe() const override;

  // Files whose name starts with this are Put's temporaries, never objects.
  static constexpr std::string_view kTempPrefix = ".strata-tmp-";

 private:
  explicit LocalObjectStore(std::string root) : root_(std::move(root)) {}

  std::string PathOf(const std::string& key) const { return root_ + "/" + key; }
  // "<op> 'fs:///root/key': <what>" with the code errno implies.
  Status IoError(std::string_view op, const std::string& key, int err) const;
  Result<std::string> ReadRange(std::string_view op, const std::string& key, uint64_t offset,
                                uint64_t length, bool whole);

  const std::string root_;  // absolute, no trailing '/'
};

}  // namespace strata
