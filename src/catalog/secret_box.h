// SecretBox: seals secrets (storage credentials) for storage at rest with AES-256-GCM
// under one master key, and opens them again.
//
// Sealed form: "v1:" + base64(nonce(12) | ciphertext | tag(16)), a fresh random nonce per
// seal. Optional associated data binds a sealed value to the place it was stored (e.g.
// "table:42:credentials"), so a value copied to another row does not open there.
//
// The master key comes from STRATA_MASTER_KEY (64 hex digits, or base64 of 32 bytes) or,
// when that is unset, from "<data_dir>/master.key", created on first use with mode 0600.
// A wrong or lost key makes Open fail with SecretKeyError (4001); it never yields garbage.
//
// Thread-safety: immutable after construction; every method may be called from many
// threads at once.
#pragma once

#include <array>
#include <memory>
#include <string>
#include <string_view>

#include "common/status.h"

namespace strata {

class SecretBox {
 public:
  static constexpr size_t kKeySize = 32;
  static constexpr const char* kEnvVar = "STRATA_MASTER_KEY";
  static constexpr const char* kKeyFileName = "master.key";

  // The key from STRATA_MASTER_KEY when it is set, else from <data_dir>/master.key, which
  // is created (mode 0600, random key) when missing. A malformed variable, or a key file
  // that is malformed, not a regular file, or accessible by group or others, is an error
  // (4001) that says how to fix it.
  // REQUIRES: data_dir exists when STRATA_MASTER_KEY is unset.
  static Result<std::shared_ptr<SecretBox>> FromEnvironmentOrKeyFile(const std::string& data_dir);

  // A key written as 64 hex digits or as base64 of 32 bytes (surrounding whitespace is
  // ignored). `source` names where the text came from, for error messages.
  static Result<std::shared_ptr<SecretBox>> FromKeyText(std::string_view text,
                                                        const std::string& source);

  // Reads an existing key file, or creates one with a fresh random key when it does not
  // exist. Safe when several processes race to create the same file: all end up with the
  // one key that was written first.
  static Result<std::shared_ptr<SecretBox>> FromKeyFile(const std::string& path);

  // REQUIRES: key.size() == kKeySize.
  SecretBox(std::string_view key, std::string source);
  ~SecretBox();
  SecretBox(const SecretBox&) = delete;
  SecretBox& operator=(const SecretBox&) = delete;

  // Encrypts `plaintext`; `aad` must be passed again, byte for byte, to Open.
  Result<std::string> Seal(std::string_view plaintext, std::string_view aad = {}) const;

  // Decrypts a value made by Seal. Wrong key, wrong `aad` or tampered data: 4001.
  Result<std::string> Open(std::string_view sealed, std::string_view aad = {}) const;

  // Where the key came from ("STRATA_MASTER_KEY" or the key file's path).
  const std::string& source() const { return source_; }

 private:
  std::array<unsigned char, kKeySize> key_;
  std::string source_;
};

}  // namespace strata
