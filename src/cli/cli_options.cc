#include "cli/cli_options.h"

#include <CLI/CLI.hpp>
#include <sstream>

#include "main/version.h"

namespace strata {

namespace {

std::optional<std::string> NonEmpty(const EnvLookup& env, const std::string& name) {
  std::optional<std::string> v = env(name);
  if (v && v->empty()) return std::nullopt;
  return v;
}

}  // namespace

CliParseOutcome ParseCliOptions(const std::vector<std::string>& args, const EnvLookup& env) {
  CliParseOutcome outcome;
  CliOptions& opts = outcome.options;

  CLI::App app{
      "strata: an analytical SQL database speaking Databend's SQL dialect.\n"
      "Runs -c statements, a -f script, SQL piped on stdin, or an interactive "
      "prompt.",
      "strata"};
  std::string data_dir;
  std::string command;
  std::string file;
  std::string output;
  app.add_option("--data-dir", data_dir,
                 "Data directory (default: $STRATA_DATA_DIR, else ~/.strata)");
  auto* c_opt = app.add_option("-c,--command", command, "Run these statements and exit");
  auto* f_opt = app.add_option("-f,--file", file, "Run the statements in FILE and exit");
  c_opt->excludes(f_opt);
  app.add_option("--output", output,
                 "Output format: table, tsv, csv, json (default: table on a terminal, "
                 "tsv otherwise)")
      ->check(CLI::IsMember({"table", "tsv", "csv", "json"}, CLI::ignore_case));
  app.add_option("--table-storage", opts.table_storage,
                 "Keep new ordinary tables' data at this location, 's3://bucket/root/' or "
                 "'fs:///dir/' (default: $STRATA_TABLE_STORAGE, else the data directory)");
  app.add_option("--table-storage-connection", opts.table_storage_connection,
                 "The connection whose credentials reach --table-storage (default: "
                 "$STRATA_TABLE_STORAGE_CONNECTION)");
  app.add_flag("--header", opts.header, "Print a header line of column names (tsv, csv)");
  app.set_version_flag("--version", "strata " + std::string(kStrataVersion),
                       "Print the version and exit");

  std::vector<const char*> argv;
  argv.reserve(args.size());
  for (const std::string& a : args) argv.push_back(a.c_str());
  try {
    app.parse(static_cast<int>(argv.size()), argv.data());
  } catch (const CLI::ParseError& e) {
    std::ostringstream out;
    std::ostringstream err;
    // Usage errors exit 2, the shell convention; --help and --version exit 0.
    outcome.exit_code = app.exit(e, out, err) == 0 ? 0 : 2;
    outcome.out_text = out.str();
    outcome.err_text = err.str();
    return outcome;
  }

  if (c_opt->count() > 0) opts.command = command;
  if (f_opt->count() > 0) opts.file = file;
  if (!output.empty()) opts.output = ParseOutputFormat(output);

  if (opts.table_storage.empty()) {
    opts.table_storage = NonEmpty(env, "STRATA_TABLE_STORAGE").value_or("");
  }
  if (opts.table_storage_connection.empty()) {
    opts.table_storage_connection = NonEmpty(env, "STRATA_TABLE_STORAGE_CONNECTION").value_or("");
  }
  if (opts.table_storage.empty() && !opts.table_storage_connection.empty()) {
    outcome.exit_code = 2;
    outcome.err_text =
        "Error: --table-storage-connection (or STRATA_TABLE_STORAGE_CONNECTION) "
        "needs --table-storage (or STRATA_TABLE_STORAGE)\n";
    return outcome;
  }
  std::optional<std::string> home = NonEmpty(env, "HOME");
  if (home) opts.history_file = *home + "/.strata_history";
  if (!data_dir.empty()) {
    opts.data_dir = data_dir;
  } else if (std::optional<std::string> from_env = NonEmpty(env, "STRATA_DATA_DIR")) {
    opts.data_dir = *from_env;
  } else if (home) {
    opts.data_dir = *home + "/.strata";
  } else {
    outcome.exit_code = 1;
    outcome.err_text =
        "Error: no data directory: HOME is not set; pass --data-dir or set STRATA_DATA_DIR\n";
  }
  return outcome;
}

}  // namespace strata
