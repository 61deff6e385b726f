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

// User input quoted in an error message: control characters (NUL included)
// escaped as \xNN, at most 80 bytes kept, so a message is always whole text.
inline std::string quoted(const std::string& s) {
  static const char* hex = "0123456789abcdef";
  std::string out = "'";
  for (size_t i = 0; i < s.size() && i < 80; ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == 0x7f) {
      out += "\\x";
      out += hex[c >> 4];
      out += hex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  if (s.size() > 80) out += "...";
  return out + "'";
}

}  // namespace liptako
