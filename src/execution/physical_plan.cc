#include "execution/physical_plan.h"

namespace strata {

namespace {

class ConcatSource : public ChunkSource {
 public:
  explicit ConcatSource(std::vector<ChunkSourcePtr> streams) : streams_(std::move(streams)) {}

  Result<std::optional<Chunk>> Next() override {
    while (current_ < streams_.size()) {
      ASSIGN_OR_RETURN(std::optional<Chunk> chunk, streams_[current_]->Next());
      if (chunk) return chunk;
      streams_[current_].reset();  // release its resources early
      ++current_;
    }
    return std::optional<Chunk>();
  }

 private:
  std::vector<ChunkSourcePtr> streams_;
  size_t current_ = 0;
};

}  // namespace

std::string PlanNode::ToString(int indent) const {
  std::string s(static_cast<size_t>(indent) * 2, ' ');
  s += name();
  std::string d = details();
  if (!d.empty()) s += " " + d;
  s += "\n";
  for (const PlanPtr& c : children_) s += c->ToString(indent + 1);
  return s;
}

Result<ChunkSourcePtr> PlanNode::Open(ExecutionContext& ctx) const {
  ASSIGN_OR_RETURN(std::vector<ChunkSourcePtr> streams, OpenStreams(ctx, 1));
  if (streams.size() == 1) return std::move(streams[0]);
  return ConcatStreams(std::move(streams));
}

ChunkSourcePtr ConcatStreams(std::vector<ChunkSourcePtr> streams) {
  return std::make_unique<ConcatSource>(std::move(streams));
}

}  // namespace strata
