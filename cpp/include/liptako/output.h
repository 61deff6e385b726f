// Serialisation of a Document to the JSON contract of docs/output-format.md.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "liptako/types.h"

namespace liptako {

enum class OffsetUnit {
  kCodePoints,  // the contract: Python str indices (code points)
  kBytes,       // UTF-8 byte offsets, as in the C++ structs
};

// The document as JSON text, written directly: keys sorted, no spaces, invalid
// UTF-8 in strings replaced by U+FFFD. `text` must be the text the document was
// extracted from; code-point offsets are converted by CodePointMap (offsets.h).
std::string to_json_string(const Document& doc, std::string_view text,
                           OffsetUnit unit = OffsetUnit::kCodePoints);

// The same document as a JSON value (parsed from to_json_string).
nlohmann::json to_json(const Document& doc, std::string_view text,
                       OffsetUnit unit = OffsetUnit::kCodePoints);

}  // namespace liptako
