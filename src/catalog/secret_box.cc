#include "catalog/secret_box.h"

#include <fcntl.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cassert>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "catalog/base64.h"

namespace strata {

namespace {

constexpr std::string_view kPrefix = "v1:";
constexpr size_t kNonceSize = 12;
constexpr size_t kTagSize = 16;

std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string ToHex(const unsigned char* p, size_t n) {
  static const char kDigits[] = "0123456789abcdef";
  std::string out;
  for (size_t i = 0; i < n; ++i) {
    out += kDigits[p[i] >> 4];
    out += kDigits[p[i] & 15];
  }
  return out;
}

std::string ErrnoText(int err) { return std::strerror(err); }

Status KeyError(std::string message) {
  return Error(ErrorCode::SecretKeyError, std::move(message));
}

// Frees the cipher context on every path out of Seal/Open.
struct CipherContext {
  EVP_CIPHER_CTX* ctx = EVP_CIPHER_CTX_new();
  ~CipherContext() { EVP_CIPHER_CTX_free(ctx); }
};

// Keeps the key file descriptor from leaking on early returns.
struct FileCloser {
  int fd;
  ~FileCloser() {
    if (fd >= 0) close(fd);
  }
};

Result<std::string> ReadAll(int fd, const std::string& path) {
  std::string data;
  char buf[256];
  for (;;) {
    ssize_t n = read(fd, buf, sizeof(buf));
    if (n < 0) {
      if (errno == EINTR) continue;
      return KeyError("cannot read master key file " + path + ": " + ErrnoText(errno));
    }
    if (n == 0) break;
    data.append(buf, static_cast<size_t>(n));
    if (data.size() > 4096) return KeyError("master key file " + path + " is too large");
  }
  return data;
}

Result<std::shared_ptr<SecretBox>> ReadKeyFile(const std::string& path) {
  int fd = open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) {
    return KeyError("cannot open master key file " + path + ": " + ErrnoText(errno));
  }
  FileCloser closer{fd};
  struct stat st;
  if (fstat(fd, &st) != 0) {
    return KeyError("cannot stat master key file " + path + ": " + ErrnoText(errno));
  }
  if (!S_ISREG(st.st_mode)) {
    return KeyError("master key file " + path + " is not a regular file");
  }
  if ((st.st_mode & 077) != 0) {
    char mode[8];
    snprintf(mode, sizeof(mode), "%04o", static_cast<unsigned>(st.st_mode & 07777));
    return KeyError("master key file " + path + " is accessible by group or others (mode " + mode +
                    "); restrict it with: chmod 600 " + path);
  }
  ASSIGN_OR_RETURN(std::string text, ReadAll(fd, path));
  return SecretBox::FromKeyText(text, path);
}

// Writes a fresh key to a private temporary file and links it into place, so that a
// reader never sees a half-written key and exactly one of several racing creators wins.
Status CreateKeyFile(const std::string& path) {
  unsigned char key[SecretBox::kKeySize];
  if (RAND_bytes(key, sizeof(key)) != 1) return KeyError("cannot generate a random master key");
  std::string text = ToHex(key, sizeof(key)) + "\n";
  OPENSSL_cleanse(key, sizeof(key));

  unsigned char suffix[8];
  if (RAND_bytes(suffix, sizeof(suffix)) != 1) return KeyError("cannot generate a random name");
  std::string tmp = path + ".tmp." + ToHex(suffix, sizeof(suffix));
  int fd = open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0) {
    OPENSSL_cleanse(text.data(), text.size());
    return KeyError("cannot create master key file " + path + ": " + ErrnoText(errno));
  }
  Status st;
  // The umask may have removed bits from 0600 but never added any; fchmod makes the mode
  // exact whatever the umask was.
  if (fchmod(fd, 0600) != 0) {
    st = KeyError("cannot set the mode of master key file " + path + ": " + ErrnoText(errno));
  }
  size_t done = 0;
  while (st.ok() && done < text.size()) {
    ssize_t n = write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      st = KeyError("cannot write master key file " + path + ": " + ErrnoText(errno));
      break;
    }
    done += static_cast<size_t>(n);
  }
  if (st.ok() && fsync(fd) != 0) {
    st = KeyError("cannot sync master key file " + path + ": " + ErrnoText(errno));
  }
  close(fd);
  OPENSSL_cleanse(text.data(), text.size());
  if (st.ok() && link(tmp.c_str(), path.c_str()) != 0 && errno != EEXIST) {
    st = KeyError("cannot create master key file " + path + ": " + ErrnoText(errno));
  }
  unlink(tmp.c_str());
  if (!st.ok()) return st;
  // Make the new directory entry durable too: losing the key loses every secret.
  size_t slash = path.find_last_of('/');
  std::string dir = slash == std::string::npos ? "." : path.substr(0, slash + 1);
  int dfd = open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    fsync(dfd);
    close(dfd);
  }
  return Status::OK();
}

}  // namespace

SecretBox::SecretBox(std::string_view key, std::string source) : source_(std::move(source)) {
  assert(key.size() == kKeySize);
  std::memcpy(key_.data(), key.data(), kKeySize);
}

SecretBox::~SecretBox() { OPENSSL_cleanse(key_.data(), key_.size()); }

Result<std::shared_ptr<SecretBox>> SecretBox::FromKeyText(std::string_view text,
                                                          const std::string& source) {
  std::string t = Trim(text);
  std::string key;
  bool hex = t.size() == 2 * kKeySize;
  for (size_t i = 0; hex && i < t.size(); ++i) hex = HexValue(t[i]) >= 0;
  if (hex) {
    for (size_t i = 0; i < t.size(); i += 2) {
      key.push_back(static_cast<char>(HexValue(t[i]) * 16 + HexValue(t[i + 1])));
    }
  } else if (!Base64Decode(t, &key) || key.size() != kKeySize) {
    OPENSSL_cleanse(key.data(), key.size());
    OPENSSL_cleanse(t.data(), t.size());
    return KeyError("the master key in " + source +
                    " is malformed: expected 64 hex digits or the base64 encoding of 32 "
                    "bytes (e.g. the output of: openssl rand -hex 32)");
  }
  auto box = std::make_shared<SecretBox>(key, source);
  OPENSSL_cleanse(key.data(), key.size());
  OPENSSL_cleanse(t.data(), t.size());
  return box;
}

Result<std::shared_ptr<SecretBox>> SecretBox::FromKeyFile(const std::string& path) {
  struct stat st;
  if (lstat(path.c_str(), &st) != 0) {
    if (errno != ENOENT) {
      return KeyError("cannot stat master key file " + path + ": " + ErrnoText(errno));
    }
    RETURN_IF_ERROR(CreateKeyFile(path));
  }
  return ReadKeyFile(path);
}

Result<std::shared_ptr<SecretBox>> SecretBox::FromEnvironmentOrKeyFile(
    const std::string& data_dir) {
  if (const char* env = std::getenv(kEnvVar); env != nullptr) {
    return FromKeyText(env, kEnvVar);
  }
  std::string dir = data_dir.empty() ? "." : data_dir;
  if (dir.back() != '/') dir += '/';
  return FromKeyFile(dir + kKeyFileName);
}

Result<std::string> SecretBox::Seal(std::string_view plaintext, std::string_view aad) const {
  unsigned char nonce[kNonceSize];
  if (RAND_bytes(nonce, sizeof(nonce)) != 1) return KeyError("cannot generate a random nonce");
  std::string buf(kNonceSize + plaintext.size() + kTagSize, '\0');
  auto* out = reinterpret_cast<unsigned char*>(buf.data());
  std::memcpy(out, nonce, kNonceSize);

  CipherContext c;
  int len = 0;
  bool ok = c.ctx != nullptr &&
            EVP_EncryptInit_ex(c.ctx, EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1 &&
            EVP_CIPHER_CTX_ctrl(c.ctx, EVP_CTRL_GCM_SET_IVLEN, kNonceSize, nullptr) == 1 &&
            EVP_EncryptInit_ex(c.ctx, nullptr, nullptr, key_.data(), nonce) == 1;
  if (ok && !aad.empty()) {
    ok = EVP_EncryptUpdate(c.ctx, nullptr, &len, reinterpret_cast<const unsigned char*>(aad.data()),
                           static_cast<int>(aad.size())) == 1;
  }
  int written = 0;
  if (ok && !plaintext.empty()) {
    ok = EVP_EncryptUpdate(c.ctx, out + kNonceSize, &len,
                           reinterpret_cast<const unsigned char*>(plaintext.data()),
                           static_cast<int>(plaintext.size())) == 1;
    written = len;
  }
  ok = ok && EVP_EncryptFinal_ex(c.ctx, out + kNonceSize + written, &len) == 1 &&
       EVP_CIPHER_CTX_ctrl(c.ctx, EVP_CTRL_GCM_GET_TAG, kTagSize,
                           out + kNonceSize + plaintext.size()) == 1;
  if (!ok) return Error(ErrorCode::Internal, "AES-256-GCM encryption failed");
  return std::string(kPrefix) + Base64Encode(buf);
}

Result<std::string> SecretBox::Open(std::string_view sealed, std::string_view aad) const {
  if (sealed.substr(0, kPrefix.size()) != kPrefix) {
    return KeyError("cannot decrypt stored credentials: unknown encryption format");
  }
  std::string raw;
  if (!Base64Decode(sealed.substr(kPrefix.size()), &raw) || raw.size() < kNonceSize + kTagSize) {
    return KeyError("cannot decrypt stored credentials: the stored value is corrupt");
  }
  const auto* in = reinterpret_cast<const unsigned char*>(raw.data());
  size_t text_size = raw.size() - kNonceSize - kTagSize;
  std::string plain(text_size, '\0');
  auto* out = reinterpret_cast<unsigned char*>(plain.data());
  unsigned char tag[kTagSize];
  std::memcpy(tag, in + kNonceSize + text_size, kTagSize);

  CipherContext c;
  int len = 0;
  bool ok = c.ctx != nullptr &&
            EVP_DecryptInit_ex(c.ctx, EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1 &&
            EVP_CIPHER_CTX_ctrl(c.ctx, EVP_CTRL_GCM_SET_IVLEN, kNonceSize, nullptr) == 1 &&
            EVP_DecryptInit_ex(c.ctx, nullptr, nullptr, key_.data(), in) == 1;
  if (!ok) return Error(ErrorCode::Internal, "AES-256-GCM setup failed");
  if (!aad.empty()) {
    ok = EVP_DecryptUpdate(c.ctx, nullptr, &len, reinterpret_cast<const unsigned char*>(aad.data()),
                           static_cast<int>(aad.size())) == 1;
  }
  int written = 0;
  if (ok && text_size > 0) {
    ok = EVP_DecryptUpdate(c.ctx, out, &len, in + kNonceSize, static_cast<int>(text_size)) == 1;
    written = len;
  }
  ok = ok && EVP_CIPHER_CTX_ctrl(c.ctx, EVP_CTRL_GCM_SET_TAG, kTagSize, tag) == 1 &&
       EVP_DecryptFinal_ex(c.ctx, out + written, &len) == 1;
  if (!ok) {
    // Never hand back what the failed decryption produced.
    OPENSSL_cleanse(plain.data(), plain.size());
    return KeyError(
        "cannot decrypt stored credentials: the master key does not match the one they were "
        "encrypted with (the key in use comes from " +
        source_ + "; set " + kEnvVar + " or restore " + kKeyFileName +
        " in the data directory to the original key)");
  }
  return plain;
}

}  // namespace strata
