// The `strata` command line:
//   strata [--data-dir DIR] [-c "SQL; SQL"] [-f FILE] [--output table|tsv|csv|json]
//          [--header] [--table-storage LOCATION [--table-storage-connection NAME]]
//          [--version] [--help]
// DIR defaults to $STRATA_DATA_DIR, else ~/.strata. -c and -f exclude each other.
// --table-storage (default $STRATA_TABLE_STORAGE) puts the data of new ordinary tables
// at LOCATION ('s3://bucket/root/' or 'fs:///abs/dir/') instead of DIR/data/; the
// credentials come from the connection NAME ($STRATA_TABLE_STORAGE_CONNECTION), so no
// secret is ever on the command line.
//
// Thread-safety: pure function.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "cli/result_writer.h"

namespace strata {

struct CliOptions {
  std::string data_dir;
  std::optional<std::string> command;  // -c: statements to run, then exit
  std::optional<std::string> file;     // -f: a script to run, then exit
  std::optional<OutputFormat> output;  // unset: table on a terminal, tsv otherwise
  bool header = false;
  std::string table_storage;             // a location; empty = the data directory
  std::string table_storage_connection;  // a connection name; empty = none
  std::string history_file;              // ~/.strata_history; empty when there is no home directory
};

struct CliParseOutcome {
  CliOptions options;
  // Set when the program should stop now (--help, --version, a bad argument): print
  // `out_text` to stdout and `err_text` to stderr, then exit with this code (0 for help
  // and version, 2 for a usage error, 1 when no data directory can be found).
  std::optional<int> exit_code;
  std::string out_text;
  std::string err_text;
};

// Looks up an environment variable; nullopt when unset.
using EnvLookup = std::function<std::optional<std::string>(const std::string& name)>;

// `args` is argv as strings, program name first.
CliParseOutcome ParseCliOptions(const std::vector<std::string>& args, const EnvLookup& env);

}  // namespace strata
