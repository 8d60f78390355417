#include "table/locations.h"

#include <charconv>

namespace strata {

std::string TablePrefix(int64_t database_id, int64_t table_id) {
  return std::to_string(database_id) + "/" + std::to_string(table_id) + "/";
}

StorageParams TableStorageParams(const TableInfo& info, const StorageParams& data_storage) {
  const StorageParams& base = info.storage.type.empty() ? data_storage : info.storage;
  std::string prefix = TablePrefix(info.database_id, info.id);
  prefix.pop_back();  // WithSubRoot adds the trailing '/'
  return base.WithSubRoot(prefix);
}

namespace {

std::string Key(std::string_view dir, const std::string& uuid, int version,
                std::string_view extension) {
  std::string key(dir);
  key += uuid;
  key += "_v";
  key += std::to_string(version);
  key += extension;
  return key;
}

}  // namespace

std::string BlockKey(const std::string& uuid) {
  return Key(kBlockDir, uuid, kBlockFormatVersion, ".parquet");
}

std::string SegmentKey(const std::string& uuid) {
  return Key(kSegmentDir, uuid, kSegmentFormatVersion, ".json");
}

std::string SnapshotKey(const std::string& uuid) {
  return Key(kSnapshotDir, uuid, kSnapshotFormatVersion, ".json");
}

int KeyFormatVersion(std::string_view key) {
  size_t slash = key.rfind('/');
  std::string_view name = slash == std::string_view::npos ? key : key.substr(slash + 1);
  size_t v = name.rfind("_v");
  if (v == std::string_view::npos) return 0;
  size_t dot = name.find('.', v);
  std::string_view digits =
      name.substr(v + 2, dot == std::string_view::npos ? std::string_view::npos : dot - v - 2);
  int version = 0;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), version);
  if (ec != std::errc() || end != digits.data() + digits.size() || version <= 0) return 0;
  return version;
}

bool IsTableObjectKey(std::string_view key, std::string_view dir) {
  if (key.size() <= dir.size() || key.substr(0, dir.size()) != dir) return false;
  std::string_view name = key.substr(dir.size());
  if (name.find('/') != std::string_view::npos || name.find("..") != std::string_view::npos) {
    return false;
  }
  return KeyFormatVersion(name) > 0;
}

std::string TableContext(const TableInfo& info) {
  return "table `" + info.database + "`.`" + info.name + "`";
}

}  // namespace strata
