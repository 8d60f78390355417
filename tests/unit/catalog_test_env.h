// Shared fixtures for the catalog tests: a scratch directory and a metastore in it.
#pragma once

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <memory>
#include <string>

#include "catalog/secret_box.h"
#include "catalog/sqlite_metastore.h"

namespace strata {

// A fresh directory under the system's temporary directory, removed with its contents.
class CatalogTempDir {
 public:
  CatalogTempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "strata_catalog_XXXXXX").string();
    path_ = mkdtemp(tmpl.data());
  }
  ~CatalogTempDir() { std::filesystem::remove_all(path_); }
  const std::string& path() const { return path_; }
  std::string File(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

inline constexpr const char* kTestMasterKeyHex =
    "4f6e6520726f6f7420746f2072756c65207468656d20616c6c2c206f6e652121";

inline std::shared_ptr<SecretBox> TestSecretBox(const char* hex = kTestMasterKeyHex) {
  auto box = SecretBox::FromKeyText(hex, "test key");
  EXPECT_TRUE(box.ok()) << box.status().ToString();
  return box.ok() ? *box : nullptr;
}

inline std::shared_ptr<SqliteMetastore> OpenTestMetastore(
    const std::string& path, std::shared_ptr<SecretBox> box = TestSecretBox()) {
  auto ms = SqliteMetastore::Open(path, std::move(box));
  EXPECT_TRUE(ms.ok()) << ms.status().ToString();
  return ms.ok() ? *ms : nullptr;
}

}  // namespace strata
