// Adapts the table format's TableScan (table/table_scan.h) to the execution layer's
// TableSource: the scan's partitions (blocks left after pruning) are shared by the
// streams, each stream claiming the next unread partition, so a scan runs on as many
// threads as the pipeline above it.
#pragma once

#include <functional>
#include <memory>

#include "execution/operators/table_scan.h"
#include "table/table_scan.h"

namespace strata {

class StoredTableSource : public TableSource {
 public:
  using StoreOpener = std::function<Result<ObjectStorePtr>(const TableInfo&)>;

  StoredTableSource(TableInfo table, Schema schema, ScanOptions options, StoreOpener open_store)
      : table_(std::move(table)),
        schema_(std::move(schema)),
        options_(std::move(options)),
        open_store_(std::move(open_store)) {}

  const Schema& schema() const override { return schema_; }
  std::string name() const override { return table_.database + "." + table_.name; }
  Result<std::vector<ChunkSourcePtr>> Open(ExecutionContext& ctx,
                                           size_t max_streams) const override;

 private:
  TableInfo table_;
  Schema schema_;
  ScanOptions options_;
  StoreOpener open_store_;
};

}  // namespace strata
