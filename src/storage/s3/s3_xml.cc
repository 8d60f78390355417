#include "storage/s3/s3_xml.h"

#include <pugixml.hpp>

#include <cstdlib>

#include "storage/s3/http_time.h"

namespace strata::s3 {
namespace {

Status Load(pugi::xml_document* doc, std::string_view body, std::string_view what) {
  pugi::xml_parse_result r = doc->load_buffer(body.data(), body.size());
  if (!r) {
    return Error(ErrorCode::StorageOther,
                 std::string(what) + ": the response is not valid XML (" + r.description() + ")");
  }
  return Status::OK();
}

std::string XmlEscape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::string UrlDecode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size()) {
      int hi = HexValue(s[i + 1]), lo = HexValue(s[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out.push_back(static_cast<char>(hi * 16 + lo));
        i += 2;
        continue;
      }
    }
    out.push_back(s[i] == '+' ? ' ' : s[i]);
  }
  return out;
}

Result<ListPage> ParseListObjectsV2(std::string_view body, bool url_encoded_keys) {
  pugi::xml_document doc;
  RETURN_IF_ERROR(Load(&doc, body, "ListObjectsV2"));
  pugi::xml_node root = doc.child("ListBucketResult");
  if (!root) return Error(ErrorCode::StorageOther, "ListObjectsV2: no ListBucketResult");
  ListPage page;
  page.truncated = std::string_view(root.child_value("IsTruncated")) == "true";
  page.next_continuation_token = root.child_value("NextContinuationToken");
  for (pugi::xml_node c : root.children("Contents")) {
    ObjectMeta m;
    m.key = url_encoded_keys ? UrlDecode(c.child_value("Key")) : c.child_value("Key");
    m.size = std::strtoull(c.child_value("Size"), nullptr, 10);
    m.last_modified_ms = ParseIso8601Ms(c.child_value("LastModified")).value_or(0);
    m.etag = c.child_value("ETag");
    page.objects.push_back(std::move(m));
  }
  if (page.truncated && page.next_continuation_token.empty()) {
    return Error(ErrorCode::StorageOther,
                 "ListObjectsV2: a truncated page without NextContinuationToken");
  }
  return page;
}

Result<std::string> ParseInitiateMultipartUpload(std::string_view body) {
  pugi::xml_document doc;
  RETURN_IF_ERROR(Load(&doc, body, "CreateMultipartUpload"));
  std::string id = doc.child("InitiateMultipartUploadResult").child_value("UploadId");
  if (id.empty()) return Error(ErrorCode::StorageOther, "CreateMultipartUpload: no UploadId");
  return id;
}

std::string BuildCompleteMultipartUpload(const std::vector<std::string>& etags) {
  std::string out = "<CompleteMultipartUpload>";
  for (size_t i = 0; i < etags.size(); ++i) {
    out += "<Part><PartNumber>" + std::to_string(i + 1) + "</PartNumber><ETag>" +
           XmlEscape(etags[i]) + "</ETag></Part>";
  }
  out += "</CompleteMultipartUpload>";
  return out;
}

std::string BuildDeleteObjects(const std::vector<std::string>& keys) {
  std::string out = "<Delete><Quiet>true</Quiet>";
  for (const auto& k : keys) out += "<Object><Key>" + XmlEscape(k) + "</Key></Object>";
  out += "</Delete>";
  return out;
}

Result<std::vector<DeleteFailure>> ParseDeleteObjectsResult(std::string_view body) {
  std::vector<DeleteFailure> out;
  if (body.empty()) return out;  // quiet mode may answer with nothing at all
  pugi::xml_document doc;
  RETURN_IF_ERROR(Load(&doc, body, "DeleteObjects"));
  for (pugi::xml_node e : doc.child("DeleteResult").children("Error")) {
    out.push_back({e.child_value("Key"), e.child_value("Code"), e.child_value("Message")});
  }
  return out;
}

}  // namespace strata::s3
