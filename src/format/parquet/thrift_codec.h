// Serialises Parquet metadata structs (generated from parquet.thrift) with Thrift's
// compact protocol, the encoding every Parquet file uses for its footer and page headers.
//
// Internal to src/format/parquet/: keeps Thrift's headers out of the public ones.
// Thread-safety: stateless functions, safe from any thread.
#pragma once

#include <thrift/protocol/TCompactProtocol.h>
#include <thrift/transport/TBufferTransports.h>

#include <cstdint>
#include <limits>
#include <memory>
#include <string>

#include "common/status.h"

namespace strata::parquet {

// Appends the compact encoding of `obj` to `out`.
template <typename T>
void SerializeThrift(const T& obj, std::string* out) {
  auto buffer = std::make_shared<apache::thrift::transport::TMemoryBuffer>();
  apache::thrift::protocol::TCompactProtocolT<apache::thrift::transport::TMemoryBuffer> proto(
      buffer);
  obj.write(&proto);
  uint8_t* data = nullptr;
  uint32_t size = 0;
  buffer->getBuffer(&data, &size);
  out->append(reinterpret_cast<const char*>(data), size);
}

// Decodes one `T` from the start of [data, data + size) and returns how many bytes it took.
// Any malformed input (truncation, bad field types, sizes beyond the buffer) is an error
// message in `*error`, never an exception or an out-of-bounds read.
template <typename T>
bool DeserializeThrift(const uint8_t* data, size_t size, T* obj, size_t* consumed,
                       std::string* error) {
  if (size > std::numeric_limits<int32_t>::max()) {
    *error = "metadata larger than 2 GiB";
    return false;
  }
  try {
    auto buffer = std::make_shared<apache::thrift::transport::TMemoryBuffer>(
        const_cast<uint8_t*>(data), static_cast<uint32_t>(size),
        apache::thrift::transport::TMemoryBuffer::OBSERVE);
    // Strings and containers can never be longer than the bytes that hold them; the
    // limits stop a corrupted length from allocating gigabytes before failing.
    int32_t limit = static_cast<int32_t>(size) + 1;
    apache::thrift::protocol::TCompactProtocolT<apache::thrift::transport::TMemoryBuffer> proto(
        buffer, limit, limit);
    obj->read(&proto);
    *consumed = size - buffer->available_read();
    return true;
  } catch (const std::exception& e) {
    *error = std::string("thrift decode failed: ") + e.what();
    return false;
  }
}

}  // namespace strata::parquet
