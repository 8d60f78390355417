#include <openssl/rand.h>

#include <cstdio>

#include "interpreter/statements.h"

namespace strata {

namespace {

std::string RandomHex(size_t bytes) {
  std::string raw(bytes, '\0');
  RAND_bytes(reinterpret_cast<unsigned char*>(raw.data()), static_cast<int>(bytes));
  std::string out;
  char buf[3];
  for (unsigned char c : raw) {
    std::snprintf(buf, sizeof(buf), "%02x", c);
    out += buf;
  }
  return out;
}

Status Failed(const std::string& step, const Status& cause) {
  return Error(ErrorCode::StorageOther,
               "Checking essential permissions for the external location failed. " + step + ": " +
                   cause.message());
}

}  // namespace

Status CheckLocationAccess(const StorageParams& params, QueryContext& ctx) {
  auto opened = ctx.OpenStore(params);
  if (!opened.ok()) return Failed("open", opened.status());
  ObjectStore& store = **opened;
  // The probe sits beside the table folders, never inside one, and is always removed.
  const std::string key = "_strata_probe_" + RandomHex(8);
  const std::string payload = "strata location probe";
  if (Status s = store.Put(key, payload); !s.ok()) return Failed("write", s);
  auto got = store.Get(key);
  if (!got.ok()) {
    (void)store.Delete(key);
    return Failed("read", got.status());
  }
  if (*got != payload) {
    (void)store.Delete(key);
    return Error(ErrorCode::StorageOther,
                 "Checking essential permissions for the external location failed. read: the "
                 "probe object came back different from what was written");
  }
  if (auto st = store.Stat(key); !st.ok()) {
    (void)store.Delete(key);
    return Failed("stat", st.status());
  }
  if (auto ls = store.List(key); !ls.ok()) {
    (void)store.Delete(key);
    return Failed("list", ls.status());
  }
  if (Status s = store.Delete(key); !s.ok()) return Failed("delete", s);
  return Status::OK();
}

}  // namespace strata
