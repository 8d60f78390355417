#include "interpreter/system_tables.h"

#include "catalog/connection_options.h"
#include "types/date_time.h"

namespace strata {

namespace {

// Builds one system table column by column.
class Builder {
 public:
  void Add(const std::string& name, TypeId type) {
    schema_.push_back(Field{name, DataType(type), true});
    columns_.push_back(MakeColumn(DataType(type)));
  }
  Column& operator[](size_t i) { return *columns_[i]; }
  SystemTableData Finish() {
    size_t rows = columns_.empty() ? 0 : columns_[0]->size();
    return SystemTableData{std::move(schema_), Chunk(std::move(columns_), rows)};
  }

 private:
  Schema schema_;
  std::vector<ColumnPtr> columns_;
};

void AppendOptional(Column& c, const std::string& s) {
  if (s.empty()) {
    c.AppendNull();
  } else {
    c.AppendString(s);
  }
}

Result<SystemTableData> Databases(Metastore& m) {
  ASSIGN_OR_RETURN(auto dbs, m.ListDatabases());
  Builder b;
  b.Add("name", TypeId::String);
  b[0].AppendString("system");
  for (const auto& d : dbs) b[0].AppendString(d.name);
  return b.Finish();
}

Result<SystemTableData> Tables(Metastore& m) {
  ASSIGN_OR_RETURN(auto tables, m.ListTables(""));
  Builder b;
  for (const char* n : {"database", "name", "engine"}) b.Add(n, TypeId::String);
  b.Add("is_external", TypeId::Boolean);
  for (const char* n : {"storage_type", "storage_params", "connection_name"}) {
    b.Add(n, TypeId::String);
  }
  b.Add("created_on", TypeId::Timestamp);
  for (const auto& t : tables) {
    b[0].AppendString(t.database);
    b[1].AppendString(t.name);
    b[2].AppendString("FUSE");
    b[3].Append<uint8_t>(t.external ? 1 : 0);
    AppendOptional(b[4], t.storage.type);
    AppendOptional(b[5], t.storage.type.empty() ? "" : DisplayStorageParams(t.storage));
    AppendOptional(b[6], t.connection_name);
    b[7].Append<int64_t>(t.created_ms * 1000);
  }
  return b.Finish();
}

Result<SystemTableData> Columns(Metastore& m) {
  ASSIGN_OR_RETURN(auto tables, m.ListTables(""));
  Builder b;
  for (const char* n : {"database", "table", "name", "type"}) b.Add(n, TypeId::String);
  b.Add("is_nullable", TypeId::Boolean);
  b.Add("default_expression", TypeId::String);
  for (const auto& t : tables) {
    for (const auto& c : t.columns) {
      b[0].AppendString(t.database);
      b[1].AppendString(t.name);
      b[2].AppendString(c.name);
      b[3].AppendString(c.type.ToString());
      b[4].Append<uint8_t>(c.nullable ? 1 : 0);
      AppendOptional(b[5], c.default_expr);
    }
  }
  return b.Finish();
}

Result<SystemTableData> Connections(Metastore& m) {
  ASSIGN_OR_RETURN(auto conns, m.ListConnections());
  Builder b;
  for (const char* n : {"name", "storage_type", "storage_params"}) b.Add(n, TypeId::String);
  for (const auto& c : conns) {
    b[0].AppendString(c.name);
    b[1].AppendString(c.params.type);
    b[2].AppendString(DisplayStorageParams(c.params));
  }
  return b.Finish();
}

}  // namespace

bool IsSystemTable(const std::string& name) {
  return name == "databases" || name == "tables" || name == "columns" || name == "connections";
}

Result<SystemTableData> ReadSystemTable(const std::string& name, Metastore& m) {
  if (name == "databases") return Databases(m);
  if (name == "tables") return Tables(m);
  if (name == "columns") return Columns(m);
  if (name == "connections") return Connections(m);
  return Error(ErrorCode::UnknownTable, "Unknown table `system`.`" + name + "`");
}

}  // namespace strata
