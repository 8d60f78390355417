#include "planner/stored_table_source.h"

#include <atomic>

namespace strata {

namespace {

struct SharedScan {
  std::unique_ptr<TableScan> scan;
  std::atomic<size_t> next_partition{0};
};

class PartitionStream : public ChunkSource {
 public:
  PartitionStream(std::shared_ptr<SharedScan> shared, ExecutionContext& ctx)
      : shared_(std::move(shared)), ctx_(ctx) {}

  Result<std::optional<Chunk>> Next() override {
    while (true) {
      RETURN_IF_ERROR(ctx_.CheckCancelled());
      if (!reader_) {
        size_t i = shared_->next_partition.fetch_add(1);
        if (i >= shared_->scan->num_partitions()) return std::optional<Chunk>();
        reader_ = shared_->scan->OpenPartition(i);
      }
      Chunk chunk;
      ASSIGN_OR_RETURN(bool more, reader_->Next(&chunk));
      if (!more) {
        reader_.reset();
        continue;
      }
      ctx_.ReportProgress(chunk.num_rows(), chunk.ByteSize());
      if (chunk.num_rows() == 0) continue;
      return std::optional<Chunk>(std::move(chunk));
    }
  }

 private:
  std::shared_ptr<SharedScan> shared_;
  ExecutionContext& ctx_;
  std::unique_ptr<PartitionReader> reader_;
};

}  // namespace

Result<std::vector<ChunkSourcePtr>> StoredTableSource::Open(ExecutionContext& ctx,
                                                            size_t max_streams) const {
  ASSIGN_OR_RETURN(ObjectStorePtr store, open_store_(table_));
  auto shared = std::make_shared<SharedScan>();
  ASSIGN_OR_RETURN(shared->scan, TableScan::Open(store, table_, options_));
  size_t streams = std::max<size_t>(1, std::min(max_streams, shared->scan->num_partitions()));
  std::vector<ChunkSourcePtr> out;
  for (size_t i = 0; i < streams; ++i)
    out.push_back(std::make_unique<PartitionStream>(shared, ctx));
  return out;
}

}  // namespace strata
