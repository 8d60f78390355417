// Reads one large object from the S3 test server two ways in the same run and prints both
// throughputs: strata's S3ObjectStore::Get (first range, then parallel 8 MiB ranges into one
// buffer) and a plain single-stream `curl` GET of the same object.
//
// Uses the test server variables of tests/unit/storage/s3_test_env.h
// (STRATA_TEST_S3_ENDPOINT, _ACCESS_KEY, _SECRET_KEY, _BUCKET). Optional:
// STRATA_BENCH_OBJECT_MIB (default 256), STRATA_BENCH_RUNS (default 3),
// STRATA_BENCH_PARALLEL (requests in flight, default S3Options'), STRATA_BENCH_CHUNK_MIB
// (range size, default S3Options').
// Not part of the test suite: `ninja -C build s3_read_bench && build/s3_read_bench`.
#include <unistd.h>

#include <sys/resource.h>
#include <sys/stat.h>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "storage/s3/s3_object_store.h"

namespace {

std::string Env(const char* name, const char* fallback = "") {
  const char* v = std::getenv(name);
  return v == nullptr ? fallback : v;
}

double Seconds(std::chrono::steady_clock::duration d) {
  return std::chrono::duration<double>(d).count();
}

// CPU seconds (user + system) of this process, or of its waited-for children.
double CpuSeconds(int who) {
  rusage u{};
  ::getrusage(who, &u);
  return u.ru_utime.tv_sec + u.ru_utime.tv_usec / 1e6 + u.ru_stime.tv_sec +
         u.ru_stime.tv_usec / 1e6;
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

int main() {
  strata::StorageParams p;
  p.type = "s3";
  p.endpoint_url = Env("STRATA_TEST_S3_ENDPOINT");
  p.bucket = Env("STRATA_TEST_S3_BUCKET");
  p.credentials.access_key_id = Env("STRATA_TEST_S3_ACCESS_KEY");
  p.credentials.secret_access_key = Env("STRATA_TEST_S3_SECRET_KEY");
  if (p.endpoint_url.empty() || p.bucket.empty() || p.credentials.access_key_id.empty()) {
    std::fprintf(stderr, "set STRATA_TEST_S3_ENDPOINT, _ACCESS_KEY, _SECRET_KEY, _BUCKET\n");
    return 2;
  }
  p.root = "strata-bench/" + std::to_string(::getpid()) + "/";
  const size_t mib = std::stoul(Env("STRATA_BENCH_OBJECT_MIB", "256"));
  const int runs = std::max(1, std::stoi(Env("STRATA_BENCH_RUNS", "3")));
  const size_t size = mib << 20;

  strata::S3Options options;
  if (!Env("STRATA_BENCH_PARALLEL").empty()) {
    options.max_parallel_requests = std::stoi(Env("STRATA_BENCH_PARALLEL"));
  }
  if (!Env("STRATA_BENCH_CHUNK_MIB").empty()) {
    options.read_chunk_size = std::stoull(Env("STRATA_BENCH_CHUNK_MIB")) << 20;
  }
  std::printf("strata: %d requests in flight, %llu MiB ranges\n", options.max_parallel_requests,
              static_cast<unsigned long long>(options.read_chunk_size >> 20));
  auto store = strata::S3ObjectStore::Open(p, options);
  if (!store.ok()) {
    std::fprintf(stderr, "%s\n", store.status().ToString().c_str());
    return 1;
  }
  std::string data(size, '\0');
  std::mt19937_64 rng(1);
  for (size_t i = 0; i + 8 <= size; i += 8) {
    uint64_t v = rng();
    std::memcpy(data.data() + i, &v, 8);
  }
  auto t0 = std::chrono::steady_clock::now();
  strata::Status put = (*store)->Put("object", data);
  if (!put.ok()) {
    std::fprintf(stderr, "%s\n", put.ToString().c_str());
    return 1;
  }
  std::printf("put %zu MiB (multipart): %.0f MB/s\n", mib,
              size / 1e6 / Seconds(std::chrono::steady_clock::now() - t0));

  // curl reads the key from a private config file, so the secret is not on a command line.
  char cfg[] = "/tmp/strata-bench-curl-XXXXXX";
  int fd = ::mkstemp(cfg);
  if (fd < 0) return 1;
  ::close(fd);
  {
    std::ofstream f(cfg);
    f << "user = \"" << p.credentials.access_key_id << ":" << p.credentials.secret_access_key
      << "\"\n";
  }
  std::string url = p.endpoint_url + "/" + p.bucket + "/" + p.root + "object";
  std::string curl_cmd = "curl -s -f -o /dev/null -K " + std::string(cfg) +
                         " --aws-sigv4 aws:amz:us-east-1:s3"
                         " -H 'x-amz-content-sha256: UNSIGNED-PAYLOAD' -w '%{size_download}' '" +
                         url + "'";

  std::vector<double> strata_mbs, curl_mbs, strata_cpu, curl_cpu;
  for (int r = 0; r < runs; ++r) {
    double cpu0 = CpuSeconds(RUSAGE_SELF);
    auto s0 = std::chrono::steady_clock::now();
    auto got = (*store)->Get("object");
    double secs = Seconds(std::chrono::steady_clock::now() - s0);
    strata_cpu.push_back(CpuSeconds(RUSAGE_SELF) - cpu0);
    if (!got.ok() || got->size() != size || *got != data) {
      std::fprintf(stderr, "strata read failed or differs: %s\n",
                   got.ok() ? "content" : got.status().ToString().c_str());
      return 1;
    }
    strata_mbs.push_back(size / 1e6 / secs);

    double child0 = CpuSeconds(RUSAGE_CHILDREN);
    auto c0 = std::chrono::steady_clock::now();
    FILE* pipe = ::popen(curl_cmd.c_str(), "r");
    char buf[64] = {0};
    size_t n = pipe ? std::fread(buf, 1, sizeof(buf) - 1, pipe) : 0;
    int rc = pipe ? ::pclose(pipe) : -1;
    double csecs = Seconds(std::chrono::steady_clock::now() - c0);
    curl_cpu.push_back(CpuSeconds(RUSAGE_CHILDREN) - child0);
    if (rc != 0 || std::strtoull(std::string(buf, n).c_str(), nullptr, 10) != size) {
      std::fprintf(stderr, "curl failed (exit %d, %s bytes)\n", rc, buf);
      ::unlink(cfg);
      return 1;
    }
    curl_mbs.push_back(size / 1e6 / csecs);
    std::printf("run %d: strata %.0f MB/s (client CPU %.0f ms), curl %.0f MB/s (%.0f ms)\n", r + 1,
                strata_mbs.back(), strata_cpu.back() * 1000, curl_mbs.back(),
                curl_cpu.back() * 1000);
  }
  ::unlink(cfg);
  (void)(*store)->Delete("object");

  double s = Median(strata_mbs), c = Median(curl_mbs);
  std::printf("median over %d runs of a %zu MiB object:\n", runs, mib);
  std::printf("  strata parallel ranged GET : %8.0f MB/s\n", s);
  std::printf("  curl single-stream GET     : %8.0f MB/s\n", c);
  std::printf("  ratio strata / curl        : %8.2f\n", s / c);
  return 0;
}
