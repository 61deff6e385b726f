// One error type per failure domain. Errors come from configuration (resources,
// rules, options), never from the text being analysed.
#pragma once

#include <stdexcept>
#include <string>

namespace liptako {

// Base class of every error liptako throws.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A resource, rule or configuration is invalid. The message names the file
// (or "<config>"), the JSON path (e.g. "/entries/12/aliases/0") and the reason.
class ConfigError : public Error {
 public:
  ConfigError(const std::string& where, const std::string& json_path, const std::string& reason)
      : Error(where + ": " + (json_path.empty() ? std::string("/") : json_path) + ": " + reason) {}
};

// A limit set in the options was exceeded (text size, regex memory budget).
class LimitError : public Error {
 public:
  using Error::Error;
};

}  // namespace liptako
