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

// `text` must be the text the document was extracted from. Code-point
// offsets count the bytes that do not continue a UTF-8 sequence, which equals
// Python's str indexing for valid UTF-8 and for text Python encoded with
// "surrogatepass" (lone surrogates).
nlohmann::json to_json(const Document& doc, std::string_view text,
                       OffsetUnit unit = OffsetUnit::kCodePoints);

// The same JSON as text, written directly: byte-identical to
// to_json(doc, text, unit).dump(-1, ' ', false, error_handler_t::replace)
// (keys sorted, invalid UTF-8 replaced by U+FFFD), without building the tree.
std::string to_json_string(const Document& doc, std::string_view text,
                           OffsetUnit unit = OffsetUnit::kCodePoints);

}  // namespace liptako
