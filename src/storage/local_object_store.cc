#include "storage/local_object_store.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include "storage/large_buffer.h"
#include "storage/object_key.h"

namespace strata {
namespace fs = std::filesystem;

namespace {

// Closes a file descriptor on every path out of a function.
class FdCloser {
 public:
  explicit FdCloser(int fd) : fd_(fd) {}
  ~FdCloser() {
    if (fd_ >= 0) ::close(fd_);
  }
  FdCloser(const FdCloser&) = delete;
  FdCloser& operator=(const FdCloser&) = delete;
  int release() {
    int fd = fd_;
    fd_ = -1;
    return fd;
  }

 private:
  int fd_;
};

int64_t MtimeMs(const struct stat& st) {
  return static_cast<int64_t>(st.st_mtim.tv_sec) * 1000 + st.st_mtim.tv_nsec / 1000000;
}

// Returns 0 or the errno of the failed write.
int WriteAll(int fd, std::string_view data) {
  size_t done = 0;
  while (done < data.size()) {
    ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    done += static_cast<size_t>(n);
  }
  return 0;
}

}  // namespace

Result<std::shared_ptr<LocalObjectStore>> LocalObjectStore::Open(const std::string& root) {
  if (root.empty() || root.front() != '/') {
    return Error(ErrorCode::BadArguments,
                 "fs storage root must be an absolute path, got '" + root + "'");
  }
  std::string r = root;
  while (r.size() > 1 && r.back() == '/') r.pop_back();
  std::error_code ec;
  fs::create_directories(r, ec);
  if (ec || !fs::is_directory(r, ec)) {
    return Error(ErrorCode::StorageOther, "cannot create storage directory 'fs://" + r + "/': " +
                                              (ec ? ec.message() : std::string("not a directory")));
  }
  return std::shared_ptr<LocalObjectStore>(new LocalObjectStore(r == "/" ? "" : r));
}

std::string LocalObjectStore::Describe() const { return "fs://" + root_ + "/"; }

Status LocalObjectStore::IoError(std::string_view op, const std::string& key, int err) const {
  std::string where = std::string(op) + " '" + Describe() + key + "': ";
  switch (err) {
    case ENOENT:
    case ENOTDIR:
      return Error(ErrorCode::StorageNotFound, where + "object not found");
    case EACCES:
    case EPERM:
      return Error(ErrorCode::StoragePermissionDenied, where + std::strerror(err));
    default:
      return Error(ErrorCode::StorageOther, where + std::strerror(err));
  }
}

Result<std::string> LocalObjectStore::ReadRange(std::string_view op, const std::string& key,
                                                uint64_t offset, uint64_t length, bool whole) {
  RETURN_IF_ERROR(CheckObjectKey(op, key));
  int fd = ::open(PathOf(key).c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return IoError(op, key, errno);
  FdCloser closer(fd);
  struct stat st;
  if (::fstat(fd, &st) != 0) return IoError(op, key, errno);
  if (!S_ISREG(st.st_mode)) return IoError(op, key, ENOENT);
  uint64_t size = static_cast<uint64_t>(st.st_size);
  if (whole) {
    offset = 0;
    length = size;
  }
  if (offset >= size) return std::string();
  length = std::min(length, size - offset);
  std::string out = MakeLargeString(length);
  uint64_t done = 0;
  while (done < length) {
    ssize_t n = ::pread(fd, out.data() + done, length - done, static_cast<off_t>(offset + done));
    if (n < 0) {
      if (errno == EINTR) continue;
      return IoError(op, key, errno);
    }
    if (n == 0) break;  // the file shrank under us: return what exists
    done += static_cast<uint64_t>(n);
  }
  out.resize(done);
  return out;
}

Result<std::string> LocalObjectStore::Get(const std::string& key) {
  return ReadRange("Get", key, 0, 0, /*whole=*/true);
}

Result<std::string> LocalObjectStore::GetRange(const std::string& key, uint64_t offset,
                                               uint64_t length) {
  return ReadRange("GetRange", key, offset, length, /*whole=*/false);
}

Status LocalObjectStore::Put(const std::string& key, std::string_view data) {
  RETURN_IF_ERROR(CheckObjectKey("Put", key));
  static std::atomic<uint64_t> counter{0};
  std::string path = PathOf(key);
  size_t slash = path.rfind('/');
  std::string dir = path.substr(0, slash);
  std::string tmp = dir + "/" + std::string(kTempPrefix) + path.substr(slash + 1) + "." +
                    std::to_string(::getpid()) + "." + std::to_string(counter++);

  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) {
    if (ec.value() == EEXIST || ec.value() == ENOTDIR) {
      return Error(ErrorCode::StorageOther,
                   "Put '" + Describe() + key + "': a parent of the key is not a directory");
    }
    return IoError("Put", key, ec.value());
  }
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) return IoError("Put", key, errno);
  FdCloser closer(fd);
  int err = WriteAll(fd, data);
  if (err == 0 && ::fsync(fd) != 0) err = errno;
  if (err == 0 && ::close(closer.release()) != 0) err = errno;
  if (err == 0 && ::rename(tmp.c_str(), path.c_str()) != 0) err = errno;
  if (err != 0) {
    ::unlink(tmp.c_str());
    // ENOENT here means a parent vanished or is a file; it is no "not found" for a Put.
    if (err == ENOENT || err == ENOTDIR) {
      return Error(ErrorCode::StorageOther,
                   "Put '" + Describe() + key + "': a parent of the key is not a directory");
    }
    return IoError("Put", key, err);
  }
  // The rename is durable only once the directory entry is on disk.
  int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
  return Status::OK();
}

Result<ObjectMeta> LocalObjectStore::Stat(const std::string& key) {
  RETURN_IF_ERROR(CheckObjectKey("Stat", key));
  struct stat st;
  if (::stat(PathOf(key).c_str(), &st) != 0) return IoError("Stat", key, errno);
  if (!S_ISREG(st.st_mode)) return IoError("Stat", key, ENOENT);
  ObjectMeta m;
  m.key = key;
  m.size = static_cast<uint64_t>(st.st_size);
  m.last_modified_ms = MtimeMs(st);
  return m;
}

Result<std::vector<ObjectMeta>> LocalObjectStore::List(const std::string& prefix) {
  RETURN_IF_ERROR(CheckListPrefix(prefix));
  std::vector<ObjectMeta> out;
  // Only the directory the prefix's complete components name can hold matches.
  size_t slash = prefix.rfind('/');
  std::string start_dir = slash == std::string::npos ? root_ : PathOf(prefix.substr(0, slash));
  std::error_code ec;
  if (!fs::is_directory(start_dir.empty() ? "/" : start_dir, ec)) return out;
  fs::recursive_directory_iterator it(start_dir.empty() ? "/" : start_dir, ec), end;
  if (ec) return IoError("List", prefix, ec.value());
  for (; it != end; it.increment(ec)) {
    if (ec) return IoError("List", prefix, ec.value());
    const fs::directory_entry& e = *it;
    std::string name = e.path().filename().string();
    if (name.starts_with(kTempPrefix)) continue;
    std::string path = e.path().string();
    std::string key = path.substr(root_.size() + 1);
    if (!key.starts_with(prefix)) continue;
    struct stat st;
    // A file deleted while we walk is simply not listed.
    if (::lstat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) continue;
    ObjectMeta m;
    m.key = std::move(key);
    m.size = static_cast<uint64_t>(st.st_size);
    m.last_modified_ms = MtimeMs(st);
    out.push_back(std::move(m));
  }
  std::sort(out.begin(), out.end(),
            [](const ObjectMeta& a, const ObjectMeta& b) { return a.key < b.key; });
  return out;
}

Status LocalObjectStore::Delete(const std::string& key) {
  RETURN_IF_ERROR(CheckObjectKey("Delete", key));
  if (::unlink(PathOf(key).c_str()) == 0) return Status::OK();
  // Missing, or a "directory" (a prefix of other keys), which is no object either.
  if (errno == ENOENT || errno == ENOTDIR || errno == EISDIR) return Status::OK();
  return IoError("Delete", key, errno);
}

}  // namespace strata
