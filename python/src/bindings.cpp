// liptako._core: the thin pybind11 layer over the C++ engine.
//
// Documents cross the boundary as Python objects built here directly from the
// C++ liptako::Document (packed on the thread that extracted it, see
// packed_document.h): the classes of python/liptako/_document.py, given once
// through register_result_types. Offsets are converted to code points (Python
// str indices) with the GIL released; only object creation holds it. The JSON
// text of the output-format contract stays available (extract_json).
//
// Text is read from the Python str without copying when it is ASCII; any other
// str is encoded to UTF-8 here, with the GIL released (Utf8View), and lone
// surrogates as "surrogatepass" encodes them, so that code-point offsets match
// Python indexing. Mention texts are slices of the Python str, exact even for
// lone surrogates.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <structmember.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstring>
#include <memory>
#include <optional>
#include <string_view>
#include <system_error>
#include <thread>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "liptako/errors.h"
#include "liptako/extractor.h"
#include "liptako/gazetteer.h"
#include "liptako/offsets.h"
#include "liptako/output.h"
#include "liptako/string_index.h"
#include "liptako/text.h"
#include "packed_document.h"

namespace py = pybind11;
using liptako::Extractor;
using liptako::ExtractorBuilder;
using liptako_python::PackedDocument;

namespace {

// ---------------------------------------------------------------- text

// Copies the leading ASCII units of the `n` at `s` (`C`: the unit of a str's
// kind) to `out` as bytes, 16 at a time while a whole block of 16 is ASCII;
// returns how many were copied (a multiple of 16).
template <class C>
size_t copy_ascii_blocks(const C* s, size_t n, char* out) {
  size_t i = 0;
#if defined(__SSE2__)
  if constexpr (sizeof(C) == 1) {
    for (; i + 16 <= n; i += 16) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i));
      if (_mm_movemask_epi8(v) != 0) break;
      _mm_storeu_si128(reinterpret_cast<__m128i*>(out + i), v);
    }
    return i;
  } else if constexpr (sizeof(C) == 2) {
    const __m128i not_ascii = _mm_set1_epi16(static_cast<short>(0xFF80));
    for (; i + 16 <= n; i += 16) {
      const __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i));
      const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i + 8));
      const __m128i bits = _mm_and_si128(_mm_or_si128(a, b), not_ascii);
      if (_mm_movemask_epi8(_mm_cmpeq_epi8(bits, _mm_setzero_si128())) != 0xFFFF) break;
      _mm_storeu_si128(reinterpret_cast<__m128i*>(out + i), _mm_packus_epi16(a, b));
    }
    return i;
  }
#endif
  // Bits of a word of units that are all clear when each unit is ASCII.
  constexpr uint64_t kNotAscii = sizeof(C) == 1   ? 0x8080808080808080ULL
                                 : sizeof(C) == 2 ? 0xFF80FF80FF80FF80ULL
                                                  : 0xFFFFFF80FFFFFF80ULL;
  for (; i + 16 <= n; i += 16) {
    uint64_t bits = 0;
    for (size_t k = 0; k < 16 * sizeof(C); k += 8) {
      uint64_t w;
      std::memcpy(&w, reinterpret_cast<const char*>(s + i) + k, 8);
      bits |= w;
    }
    if (bits & kNotAscii) break;
    for (size_t k = 0; k < 16; ++k) out[i + k] = static_cast<char>(s[i + k]);
  }
  return i;
}

// The non-ASCII code points of a text's UTF-8 form, as its encoder meets them,
// while they are few (at most one in kSpacing code points): then they convert
// the form's byte offsets to code points (CodePointOffsets) without a pass over
// its bytes (a CodePointMap). For each: the byte offset just past it, and the
// bytes beyond one that it and those before it took.
class WideCodePoints {
 public:
  static constexpr size_t kSpacing = 64;  // the list then takes less room than a CodePointMap

  // For a text of `code_points`.
  void reset(size_t code_points) {
    ends_.clear(), extra_.clear();
    room_ = code_points / kSpacing;
    complete_ = true;
  }
  // A code point of `bytes` UTF-8 bytes (2 to 4) ends at byte offset `end`.
  void add(uint32_t end, uint32_t bytes) {
    if (!complete_) return;
    if (ends_.size() == room_) {  // too many: a CodePointMap converts this text
      complete_ = false;
      return;
    }
    ends_.push_back(end);
    extra_.push_back((extra_.empty() ? 0 : extra_.back()) + bytes - 1);
  }
  // Whether every non-ASCII code point of the text is listed.
  bool complete() const { return complete_; }

 private:
  friend class CodePointOffsets;
  std::vector<uint32_t> ends_, extra_;
  size_t room_ = 0;
  bool complete_ = true;
};

// The `n` code points at `s` (`C`: the unit of a str's kind) as UTF-8 into
// `out`, which has room for the worst case (2 bytes a code point for 1-byte
// units, 3 for 2-byte units, 4 for 4-byte units); returns the end. A surrogate
// is encoded as any other code point, as "surrogatepass" does. ASCII blocks
// are copied 16 units at a time; a block with other code points, and the
// tail, one code point at a time. `wide` (may be null) is told of each
// non-ASCII code point.
template <class C>
char* encode_utf8(const C* s, size_t n, char* out, WideCodePoints* wide) {
  const char* const begin = out;
  for (size_t i = 0; i < n;) {
    const size_t ascii = copy_ascii_blocks(s + i, n - i, out);
    out += ascii, i += ascii;
    for (const size_t end = std::min(n, i + 16); i < end; ++i) {
      const uint32_t c = s[i];
      if (c < 0x80) {
        *out++ = static_cast<char>(c);
        continue;
      }
      const char* const from = out;
      if (c < 0x800) {
        *out++ = static_cast<char>(0xC0 | (c >> 6));
        *out++ = static_cast<char>(0x80 | (c & 0x3F));
      } else if (c < 0x10000) {
        *out++ = static_cast<char>(0xE0 | (c >> 12));
        *out++ = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        *out++ = static_cast<char>(0x80 | (c & 0x3F));
      } else {
        *out++ = static_cast<char>(0xF0 | (c >> 18));
        *out++ = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        *out++ = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        *out++ = static_cast<char>(0x80 | (c & 0x3F));
      }
      if (wide) wide->add(static_cast<uint32_t>(out - begin), static_cast<uint32_t>(out - from));
    }
  }
  return out;
}

// Room for texts' UTF-8 forms, reused from one text to the next. Grown to a
// text's worst case (three bytes a code point for most non-ASCII strs) without
// being filled: only the bytes the encoder writes are touched. (A std::string
// resized to the worst case wrote all of it: a 10 MB non-ASCII text cost a 30 MB
// memset, and its pages, on every Gazetteer call.)
class Utf8Buffer {
 public:
  // At least n bytes, their contents undefined.
  char* room(size_t n) {
    if (n > capacity_) {
      data_.reset(new char[n]);  // uninitialised
      capacity_ = n;
    }
    return data_.get();
  }

 private:
  std::unique_ptr<char[]> data_;
  size_t capacity_ = 0;
};

// A Python str to read as UTF-8: an ASCII str's own data, or the str's code
// points, encoded on demand (utf8()) without the GIL: the str is immutable and
// held here. Its form never goes into the str (CPython's cached UTF-8 would
// keep a copy of the text as long as the str lives). Create and destroy views
// with the GIL held.
class Utf8View {
 public:
  Utf8View() = default;

  // `obj` must be a str.
  explicit Utf8View(py::handle obj) : text_(py::reinterpret_borrow<py::object>(obj)) {
#if PY_VERSION_HEX < 0x030C0000  // strs are always ready from 3.12
    if (PyUnicode_READY(obj.ptr()) < 0) throw py::error_already_set();
#endif
    ascii_ = PyUnicode_IS_ASCII(obj.ptr());
    kind_ = PyUnicode_KIND(obj.ptr());
    data_ = PyUnicode_DATA(obj.ptr());
    length_ = static_cast<size_t>(PyUnicode_GET_LENGTH(obj.ptr()));
  }

  const py::object& text() const { return text_; }

  // Byte offsets are code-point offsets.
  bool ascii() const { return ascii_; }

  // The UTF-8 bytes: the str's own data when ASCII, else encoded into
  // `buffer` (reuse it across texts). Valid while the view and `buffer` are
  // unchanged. `wide` (may be null) is reset and told of the non-ASCII code
  // points. No GIL needed.
  std::string_view utf8(Utf8Buffer& buffer, WideCodePoints* wide = nullptr) const {
    if (wide) wide->reset(length_);
    if (ascii_) return {static_cast<const char*>(data_), length_};
    const size_t most = length_ * (kind_ == PyUnicode_1BYTE_KIND   ? 2
                                   : kind_ == PyUnicode_2BYTE_KIND ? 3
                                                                   : 4);
    char* const begin = buffer.room(most);
    char* end = nullptr;
    switch (kind_) {
      case PyUnicode_1BYTE_KIND:
        end = encode_utf8(static_cast<const Py_UCS1*>(data_), length_, begin, wide);
        break;
      case PyUnicode_2BYTE_KIND:
        end = encode_utf8(static_cast<const Py_UCS2*>(data_), length_, begin, wide);
        break;
      default:
        end = encode_utf8(static_cast<const Py_UCS4*>(data_), length_, begin, wide);
        break;
    }
    return {begin, static_cast<size_t>(end - begin)};
  }

 private:
  py::object text_;
  const void* data_ = nullptr;
  size_t length_ = 0;  // code points
  int kind_ = PyUnicode_1BYTE_KIND;
  bool ascii_ = true;
};

// The view of `obj`, which must be a str (TypeError otherwise).
Utf8View utf8_view(py::handle obj) {
  if (!PyUnicode_Check(obj.ptr())) {
    throw py::type_error(std::string("text must be str, not ") + Py_TYPE(obj.ptr())->tp_name);
  }
  return Utf8View(obj);
}

// The code-point offsets of the byte offsets of a text's UTF-8 form (each at a
// code point's start or the text's end): from the list of its non-ASCII code
// points that Utf8View::utf8 made (empty for an ASCII text), or, when they were
// too many for it, from a CodePointMap of the bytes.
class CodePointOffsets {
 public:
  CodePointOffsets(std::string_view utf8, WideCodePoints&& wide) : wide_(std::move(wide)) {
    if (!wide_.complete()) map_.emplace(utf8);
  }

  // Whether every byte offset is its own code-point offset (an ASCII text).
  bool unchanged() const { return !map_ && wide_.ends_.empty(); }

  // Converts offsets in any order; fastest when they mostly increase: most
  // steps move along the list by a few entries, a step back is a binary search.
  class Cursor {
   public:
    explicit Cursor(const CodePointOffsets& offsets) : offsets_(offsets) {}
    uint32_t operator()(uint32_t byte) {
      if (offsets_.map_) return static_cast<uint32_t>((*offsets_.map_)(byte));
      const std::vector<uint32_t>& ends = offsets_.wide_.ends_;
      if (at_ > 0 && ends[at_ - 1] > byte)
        at_ = static_cast<size_t>(std::upper_bound(ends.begin(), ends.end(), byte) - ends.begin());
      while (at_ < ends.size() && ends[at_] <= byte) ++at_;
      return at_ == 0 ? byte : byte - offsets_.wide_.extra_[at_ - 1];
    }

   private:
    const CodePointOffsets& offsets_;
    size_t at_ = 0;  // the code points listed before at_ end at or before the last offset
  };

 private:
  WideCodePoints wide_;
  std::optional<liptako::CodePointMap> map_;
};

// Rewrites every offset of `doc` from UTF-8 bytes to code points.
void to_code_points(liptako::Document& doc, const CodePointOffsets& offsets) {
  CodePointOffsets::Cursor to_code_point(offsets);
  auto f = [&to_code_point](uint32_t& o) { o = to_code_point(o); };
  for (auto& s : doc.sentences) f(s.start), f(s.end);
  for (auto& e : doc.entities) f(e.start), f(e.end);
  for (auto& t : doc.timexes) f(t.start), f(t.end);
  for (auto& ev : doc.events) {
    f(ev.trigger.start), f(ev.trigger.end);
    f(ev.sentence.start), f(ev.sentence.end);
    for (auto& p : ev.participants) f(p.start), f(p.end);
  }
  if (doc.dct.span) f(doc.dct.span->start), f(doc.dct.span->end);
}

// Extracts one text, converts its offsets to code points and packs the result
// (freeing the Document on this thread); `buffer` as for Utf8View::utf8. No GIL
// needed.
PackedDocument extract_document(const Extractor& x, const Utf8View& text, std::string id,
                                const std::optional<std::string>& dct, Utf8Buffer& buffer) {
  WideCodePoints wide;
  const std::string_view bytes = text.utf8(buffer, &wide);
  liptako::Document doc = x.extract(bytes, std::move(id), dct);
  if (!text.ascii()) to_code_points(doc, CodePointOffsets(bytes, std::move(wide)));
  return PackedDocument(std::move(doc));
}

// ---------------------------------------------------------------- result objects

py::object steal(PyObject* o) {
  if (!o) throw py::error_already_set();
  return py::reinterpret_steal<py::object>(o);
}

// A result class of python/liptako/_document.py: a slotted dataclass whose
// slots hold exactly its fields (or, for Document, a class with exactly the
// given __slots__). Instances are made without running Python code: allocated,
// then each value stored in its slot, which is all the dataclass __init__ does.
// So building results never lets another thread run.
//
// `atomic`: the (frozen) class's values are only str, int, None, atomic result
// objects and tuples of them, so its instances cannot be part of a reference
// cycle; they are untracked by the garbage collector, as CPython does for
// tuples of such values. Collections then never walk the many mentions of the
// documents built.
class ResultClass {
 public:
  ResultClass() = default;

  // The kinds of class: a dataclass (its fields are the values), or a class
  // with __slots__ (the values are stored in those slots).
  enum class Kind { kDataclass, kSlots };

  // `fields`: the dataclass fields (or slots) this binding fills, in order. A
  // class with others, or not storing them in writable slots of its own, is
  // refused: the binding and _document.py must agree.
  ResultClass(py::handle cls, std::vector<std::string> fields, bool atomic,
              Kind kind = Kind::kDataclass)
      : atomic_(atomic) {
    if (!PyType_Check(cls.ptr())) throw py::type_error("result classes must be classes");
    cls_ = py::reinterpret_borrow<py::object>(cls);
    const bool slots = kind == Kind::kSlots;
    py::object have = slots ? py::getattr(cls, "__slots__", py::tuple())
                            : py::getattr(cls, "__dataclass_fields__", py::dict());
    std::vector<std::string> names;
    for (auto n : have) names.push_back(py::str(n));
    std::string want;
    for (const auto& f : fields) want += (want.empty() ? "" : ", ") + f;
    const std::string name = py::str(cls).cast<std::string>();
    if (names != fields)
      throw py::type_error(name + (slots ? " must have the __slots__ "
                                         : " must be a dataclass with the fields ") +
                           want);
    auto* type = reinterpret_cast<PyTypeObject*>(cls.ptr());
    py::object dict = cls.attr("__dict__");
    for (const auto& f : fields) {
      PyObject* d = PyMapping_GetItemString(dict.ptr(), f.c_str());
      if (!d) {
        PyErr_Clear();
        break;
      }
      py::object descr = steal(d);
      if (!Py_IS_TYPE(d, &PyMemberDescr_Type)) break;
      auto* member = reinterpret_cast<PyMemberDescrObject*>(d);
      if (member->d_common.d_type != type || member->d_member->type != T_OBJECT_EX ||
          (member->d_member->flags & READONLY))
        break;
      offsets_.push_back(member->d_member->offset);
    }
    if (offsets_.size() != fields.size() || type->tp_itemsize != 0 ||
        py::hasattr(cls, "__post_init__"))
      throw py::type_error(name + " must store " + want +
                           " in writable slots of its own, with no __post_init__");
  }

  template <class... V>
  py::object make(V&&... values) const {
    std::array<py::object, sizeof...(V)> v{std::forward<V>(values)...};
    if (offsets_.size() != v.size()) throw std::logic_error("result class arity");
    auto* type = reinterpret_cast<PyTypeObject*>(cls_.ptr());
    PyObject* obj = type->tp_alloc(type, 0);  // zeroed; slots set below
    if (!obj) throw py::error_already_set();
    for (size_t i = 0; i < v.size(); ++i) {
      *reinterpret_cast<PyObject**>(reinterpret_cast<char*>(obj) + offsets_[i]) =
          v[i].release().ptr();
    }
    if (atomic_) PyObject_GC_UnTrack(obj);
    return py::reinterpret_steal<py::object>(obj);
  }

 private:
  py::object cls_;
  std::vector<Py_ssize_t> offsets_;  // one per field
  bool atomic_ = false;
};

struct ResultTypes {
  ResultClass document, dct, entity, timex, span, participant, event_date, event;
};

// Set once by register_result_types; used with the GIL held.
ResultTypes* result_types = nullptr;

// Python strs for the short ASCII strings the engine repeats (labels, ids,
// names, sources, values), shared by every document built: an open-addressing
// table of strs, compared by their own ASCII data. Bounded: it starts over when
// full. Used with the GIL held only.
class StrCache {
 public:
  static constexpr size_t kMaxBytes = 64;
  static constexpr size_t kMaxEntries = size_t{1} << 16;

  // A str of the UTF-8 `s`; invalid UTF-8 is replaced by U+FFFD per maximal
  // invalid subpart, as in the JSON output.
  py::object get(std::string_view s) {
    if (s.size() > kMaxBytes || !liptako::text::is_ascii(s))
      return steal(PyUnicode_DecodeUTF8(s.data(), static_cast<Py_ssize_t>(s.size()), "replace"));
    const uint64_t hash = liptako::StringIndex::hash(s);
    if (2 * (used_ + 1) > slots_.size()) grow();
    const size_t mask = slots_.size() - 1;
    size_t i = hash & mask;
    for (; slots_[i].str; i = (i + 1) & mask) {
      PyObject* o = slots_[i].str;
      if (slots_[i].hash == hash && static_cast<size_t>(PyUnicode_GET_LENGTH(o)) == s.size() &&
          std::memcmp(PyUnicode_DATA(o), s.data(), s.size()) == 0)
        return py::reinterpret_borrow<py::object>(o);
    }
    PyObject* o = PyUnicode_FromStringAndSize(s.data(), static_cast<Py_ssize_t>(s.size()));
    if (!o) throw py::error_already_set();
    slots_[i] = {hash, o};
    ++used_;
    return py::reinterpret_borrow<py::object>(o);
  }

 private:
  struct Slot {
    uint64_t hash = 0;
    PyObject* str = nullptr;  // owned; nullptr: empty
  };


  // Doubles the table, or empties it once it holds kMaxEntries.
  void grow() {
    std::vector<Slot> old = std::move(slots_);
    const bool full = used_ >= kMaxEntries;
    slots_.assign(old.empty() || full ? 1024 : 2 * old.size(), Slot{});
    used_ = 0;
    const size_t mask = slots_.size() - 1;
    for (const Slot& slot : old) {
      if (!slot.str) continue;
      if (full) {
        Py_DECREF(slot.str);
        continue;
      }
      size_t i = slot.hash & mask;
      while (slots_[i].str) i = (i + 1) & mask;
      slots_[i] = slot;
      ++used_;
    }
  }

  std::vector<Slot> slots_;
  size_t used_ = 0;
};

StrCache* str_cache = nullptr;  // created with the module, never destroyed

// Python ints for offsets, indices and values, shared: those below kSize (most
// documents' lengths) are made once. Used with the GIL held only.
class IntCache {
 public:
  static constexpr size_t kSize = 1 << 14;

  py::object get(long long v) {
    if (v < 0 || static_cast<size_t>(v) >= kSize) return steal(PyLong_FromLongLong(v));
    PyObject*& slot = ints_[static_cast<size_t>(v)];
    if (!slot) slot = steal(PyLong_FromLongLong(v)).release().ptr();
    return py::reinterpret_borrow<py::object>(slot);
  }

 private:
  std::vector<PyObject*> ints_ = std::vector<PyObject*>(kSize, nullptr);  // owned
};

IntCache* int_cache = nullptr;  // created with the module, never destroyed

// Builds the Python objects of a C++ document whose offsets are code points
// of `text` (the Python str it was extracted from). GIL held.
class DocumentBuilder {
 public:
  explicit DocumentBuilder(py::handle text) : text_(text), t_(types()), s_(*str_cache) {}

  // (entities, timexes, events, sentences): the lists of a liptako.Document.
  py::tuple lists(const PackedDocument& doc) {
    auto str = [&](PackedDocument::Str s) { return s_.get(doc.str(s)); };
    py::list entities(doc.entities().size());
    for (size_t i = 0; i < doc.entities().size(); ++i) {
      const auto& e = doc.entities()[i];
      py::object title = e.title.size == 0 ? py::none() : str(e.title);
      PyList_SET_ITEM(entities.ptr(), i,
                      t_.entity.make(num(e.start), num(e.end), slice(e.start, e.end),
                                     str(e.label), str(e.id), str(e.name), str(e.mention),
                                     str(e.source), num(e.sentence), std::move(title))
                          .release()
                          .ptr());
    }
    py::list timexes(doc.timexes().size());
    for (size_t i = 0; i < doc.timexes().size(); ++i) {
      const auto& t = doc.timexes()[i];
      PyList_SET_ITEM(timexes.ptr(), i,
                      t_.timex.make(num(t.start), num(t.end), slice(t.start, t.end),
                                    str(t.type), str(t.value), str(t.anchor), num(t.sentence))
                          .release()
                          .ptr());
    }
    py::list events(doc.events().size());
    for (size_t i = 0; i < doc.events().size(); ++i)
      PyList_SET_ITEM(events.ptr(), i, event(doc, doc.events()[i]).release().ptr());
    py::list sentences(doc.sentences().size());
    for (size_t i = 0; i < doc.sentences().size(); ++i) {
      const auto& s = doc.sentences()[i];
      PyList_SET_ITEM(sentences.ptr(), i, pair(s.start, s.end).release().ptr());
    }
    return py::make_tuple(std::move(entities), std::move(timexes), std::move(events),
                          std::move(sentences));
  }

  // The document's id and Dct (its lists are left to `pending`, see PendingLists).
  py::object document(const PackedDocument& doc, py::object pending) {
    py::object dct_value = py::none();
    if (const auto value = doc.dct_value()) dct_value = s_.get(*value);
    return t_.document.make(
        steal(PyUnicode_DecodeUTF8(doc.id().data(), static_cast<Py_ssize_t>(doc.id().size()),
                                   "replace")),
        py::reinterpret_borrow<py::object>(text_),
        t_.dct.make(std::move(dct_value), s_.get(doc.dct_source())), py::none(), py::none(),
        py::none(), py::none(), std::move(pending));
  }

 private:
  static const ResultTypes& types() {
    if (!result_types) throw std::logic_error("liptako._core: register_result_types not called");
    return *result_types;
  }

  py::object event(const PackedDocument& doc, const PackedDocument::Event& ev) {
    auto str = [&](PackedDocument::Str s) { return s_.get(doc.str(s)); };
    py::tuple participants(ev.participant_count);
    for (uint32_t i = 0; i < ev.participant_count; ++i) {
      const auto& p = doc.participant(ev, i);
      PyTuple_SET_ITEM(participants.ptr(), i,
                       t_.participant.make(str(p.id), str(p.name), str(p.label), str(p.role),
                                           num(p.start), num(p.end))
                           .release()
                           .ptr());
    }
    // Atomic participants: no cycle possible (CPython would untrack it too).
    PyObject_GC_UnTrack(participants.ptr());
    py::object date = py::none();
    if (ev.has_date)
      date = t_.event_date.make(str(ev.date_value), str(ev.date_text), str(ev.date_source));
    return t_.event.make(
        str(ev.type), str(ev.cameo),
        t_.span.make(num(ev.trigger.start), num(ev.trigger.end),
                     slice(ev.trigger.start, ev.trigger.end)),
        std::move(participants), std::move(date),
        t_.span.make(num(ev.sentence.start), num(ev.sentence.end),
                     slice(ev.sentence.start, ev.sentence.end)),
        num(ev.sentence_index), num(ev.mentions), str(ev.modality));
  }

  static py::object num(long long v) { return int_cache->get(v); }

  py::object pair(uint32_t a, uint32_t b) {
    PyObject* t = PyTuple_New(2);
    if (!t) throw py::error_already_set();
    py::object tuple = py::reinterpret_steal<py::object>(t);
    PyTuple_SET_ITEM(t, 0, num(a).release().ptr());
    PyTuple_SET_ITEM(t, 1, num(b).release().ptr());
    PyObject_GC_UnTrack(t);  // two ints: no cycle possible (CPython would untrack it too)
    return tuple;
  }

  // text[start:end] (code points; clamped like Python slicing).
  py::object slice(uint32_t start, uint32_t end) {
    return steal(PyUnicode_Substring(text_.ptr(), start, end));
  }

  py::handle text_;
  const ResultTypes& t_;
  StrCache& s_;
};

// ---------------------------------------------------------------- batches

// Pauses the cyclic garbage collector while result objects are built
// (building runs no Python code, so no other thread can observe the pause: the
// GIL is held throughout). Collections would otherwise run every 700 objects
// made and walk the objects being built again and again; after the pause the
// collector runs once, on its next allocation.
class GcPause {
 public:
  GcPause() : paused_(PyGC_Disable()) {}
  ~GcPause() {
    if (paused_) PyGC_Enable();
  }
  GcPause(const GcPause&) = delete;
  GcPause& operator=(const GcPause&) = delete;

 private:
  bool paused_;
};

// The engine's documents of one batch (offsets in code points of their texts)
// until their Python lists are first read. take(i) builds the lists of
// document i and of the batch's next documents not read yet, up to
// kBuildAhead (iter_extract's default batch), under one pause of the
// collector: documents are mostly read in order, and the collector then meets
// one burst of objects per batch, as when results were built eagerly. With a
// pause per document, reading every document of a long list took 2-3x longer:
// each small burst was promoted on its own, and full collections walked the
// growing heap again and again. release(i) drops what this holds of document
// i. GIL held throughout; building runs no Python code, so each call is atomic
// for Python threads.
class PendingBatch {
 public:
  static constexpr size_t kBuildAhead = 256;

  // Adds a document extracted from `text`; returns its index.
  size_t add(PackedDocument doc, py::handle text) {
    docs_.push_back(std::move(doc));
    texts_.push_back(py::reinterpret_borrow<py::object>(text));
    built_.emplace_back();
    return docs_.size() - 1;
  }

  // Document i, until take(i) or release(i).
  const PackedDocument& doc(size_t i) const { return *docs_[i]; }

  // (entities, timexes, events, sentences) of document i, once: the caller keeps it.
  py::object take(size_t i) {
    if (!built_[i]) {
      GcPause pause;
      for (size_t j = i, end = std::min(docs_.size(), i + kBuildAhead); j < end; ++j) {
        if (!docs_[j]) continue;  // built already, or released
        built_[j] = DocumentBuilder(texts_[j]).lists(*docs_[j]);
        docs_[j].reset();
        texts_[j] = py::object();
      }
    }
    return std::move(built_[i]);
  }

  void release(size_t i) {
    docs_[i].reset();
    texts_[i] = py::object();
    built_[i] = py::object();
  }

 private:
  std::vector<std::optional<PackedDocument>> docs_;
  std::vector<py::object> texts_;
  std::vector<py::object> built_;  // lists built ahead, until taken
};

// A liptako.Document's hold on its entry of a PendingBatch (Document._pending):
// take() returns the same lists to every call; Python deallocates it with the
// GIL held, which releases the entry.
class PendingLists {
 public:
  PendingLists(std::shared_ptr<PendingBatch> batch, size_t index)
      : batch_(std::move(batch)), index_(index) {}
  ~PendingLists() { batch_->release(index_); }
  PendingLists(const PendingLists&) = delete;
  PendingLists& operator=(const PendingLists&) = delete;

  py::object take() {
    if (!lists_) lists_ = batch_->take(index_);
    return lists_;
  }

 private:
  std::shared_ptr<PendingBatch> batch_;
  size_t index_;
  py::object lists_;  // (entities, timexes, events, sentences); null until taken
};

// The liptako.Document of document `i` of `batch`, its lists built on first
// read. GIL held.
py::object make_document(const std::shared_ptr<PendingBatch>& batch, size_t i,
                         py::handle text) {
  py::object pending = py::cast(std::make_unique<PendingLists>(batch, i));
  return DocumentBuilder(text).document(batch->doc(i), std::move(pending));
}

// The outcome of one text of a batch: a document (offsets in code points) or
// an error ("LimitError" or "Error", and its message).
struct Outcome {
  std::optional<PackedDocument> doc;
  std::string error_class;
  std::string error_message;
};

// A batch extracted on native threads in the background: the constructor (GIL
// held) takes the texts and starts `workers` threads, which never touch Python;
// results() waits for them with the GIL released, then makes the Python objects.
// So the caller builds the objects of one batch while the next is extracted,
// with no Python thread competing for the GIL. Holds the texts (the documents
// slice them) and the engine (kept alive while the threads run).
class ExtractedBatch {
 public:
  ExtractedBatch(std::shared_ptr<const Extractor> x, const py::list& texts,
                 std::vector<std::string> ids, std::vector<std::optional<std::string>> dcts,
                 int workers)
      : engine_(std::move(x)), ids_(std::move(ids)), dcts_(std::move(dcts)) {
    const size_t n = texts.size();
    if (ids_.size() != n || dcts_.size() != n)
      throw py::value_error("texts, ids and dcts must have the same length");
    views_.resize(n);
    outcomes_.resize(n);
    for (size_t i = 0; i < n; ++i) {
      py::handle text = texts[i];
      if (PyUnicode_Check(text.ptr())) {
        views_[i] = utf8_view(text);
      } else {  // an error in its place; the others are extracted
        outcomes_[i].error_class = "Error";
        outcomes_[i].error_message =
            "text must be str, not " + py::str(py::type::handle_of(text).attr("__name__"))
                                           .cast<std::string>();
      }
    }
    const size_t threads =
        static_cast<size_t>(std::max(1, std::min<int>(workers, static_cast<int>(n))));
    for (size_t t = 0; t < threads; ++t) {
      try {
        pool_.emplace_back([this] { work(); });
      } catch (const std::system_error&) {
        break;  // no more threads: the ones running do the rest
      }
    }
    if (pool_.empty()) {  // no thread at all: extract here
      py::gil_scoped_release release;
      work();
    }
  }

  ExtractedBatch(const ExtractedBatch&) = delete;
  ExtractedBatch& operator=(const ExtractedBatch&) = delete;

  // The threads only read the texts and write outcomes_: waiting needs no GIL
  // from them, so joining here (even from a destructor holding the GIL) ends.
  ~ExtractedBatch() { join(); }

  // Waits until every text is extracted (GIL released meanwhile).
  void wait() {
    py::gil_scoped_release release;
    join();
  }

  // In input order: a Document (its lists built on first read), or (error
  // class name, message). Takes the engine's documents: a second call is an
  // error.
  py::list results() {
    if (taken_) throw std::runtime_error("ExtractedBatch.results() was already called");
    wait();
    taken_ = true;
    std::vector<Outcome> outcomes = std::move(outcomes_);
    errors_ = 0;
    for (const Outcome& o : outcomes) errors_ += !o.doc;
    auto batch = std::make_shared<PendingBatch>();
    py::list out(outcomes.size());
    for (size_t i = 0; i < outcomes.size(); ++i) {
      Outcome& o = outcomes[i];
      py::handle text = views_[i].text();
      py::object r = o.doc ? make_document(batch, batch->add(std::move(*o.doc), text), text)
                           : py::make_tuple(o.error_class, o.error_message);
      PyList_SET_ITEM(out.ptr(), i, r.release().ptr());
    }
    return out;
  }

  // How many of results() are errors (after results()): with none, the list
  // needs no look at each item.
  size_t errors() const {
    if (!taken_) throw std::runtime_error("ExtractedBatch.errors() comes after results()");
    return errors_;
  }

 private:
  void work() {
    Utf8Buffer utf8;  // this thread's texts as UTF-8, one at a time
    for (size_t i; (i = next_.fetch_add(1)) < outcomes_.size();) {
      Outcome& o = outcomes_[i];
      if (!o.error_class.empty()) continue;  // not a str
      try {
        o.doc = extract_document(*engine_, views_[i], std::move(ids_[i]), dcts_[i], utf8);
      } catch (const liptako::LimitError& e) {
        o.error_class = "LimitError", o.error_message = e.what();
      } catch (const std::exception& e) {
        o.error_class = "Error", o.error_message = e.what();
      }
    }
  }
  void join() {
    for (auto& t : pool_)
      if (t.joinable()) t.join();
  }

  std::shared_ptr<const Extractor> engine_;
  std::vector<std::string> ids_;
  std::vector<std::optional<std::string>> dcts_;
  std::atomic<size_t> next_{0};
  std::vector<std::thread> pool_;
  std::vector<Utf8View> views_;
  std::vector<Outcome> outcomes_;
  bool taken_ = false;
  size_t errors_ = 0;
};

// ---------------------------------------------------------------- gazetteer

// A bare phrase matcher, for users who only need gazetteer matching.
class PyGazetteer {
 public:
  // phrases: (text, value, case_sensitive); match_type: the class find()
  // returns, a tuple subclass of (start, end, value) (liptako.Match).
  PyGazetteer(const std::vector<std::tuple<std::string, uint32_t, bool>>& phrases,
              py::handle match_type) {
    if (!PyType_Check(match_type.ptr()) ||
        !PyType_IsSubtype(reinterpret_cast<PyTypeObject*>(match_type.ptr()), &PyTuple_Type))
      throw py::type_error("match_type must be a tuple subclass");
    match_type_ = py::reinterpret_borrow<py::object>(match_type);
    array_type_ = py::module_::import("array").attr("array");
    liptako::GazetteerBuilder b;
    for (const auto& [text, value, case_sensitive] : phrases) {
      liptako::PhraseOptions o;
      o.case_sensitive = case_sensitive;
      b.add(text, value, o);
    }
    py::gil_scoped_release release;
    gazetteer_ = std::move(b).build();
  }

  // Matches as match_type(start, end, value), code points, in text order.
  py::list find(py::handle text, bool overlapping) const {
    auto matches = matches_in(text, overlapping);
    auto* type = reinterpret_cast<PyTypeObject*>(match_type_.ptr());
    py::list out(matches.size());
    for (size_t i = 0; i < matches.size(); ++i) {
      const auto& m = matches[i];
      // What tuple.__new__(match_type, (start, end, value)) does, without the two
      // argument tuples: allocate the subclass instance with 3 items, fill them.
      PyObject* match = type->tp_alloc(type, 3);
      if (!match) throw py::error_already_set();
      PyTuple_SET_ITEM(match, 0, int_cache->get(m.start).release().ptr());
      PyTuple_SET_ITEM(match, 1, int_cache->get(m.end).release().ptr());
      PyTuple_SET_ITEM(match, 2, int_cache->get(m.value).release().ptr());
      PyObject_GC_UnTrack(match);  // three ints: no cycle possible (CPython would untrack it too)
      PyList_SET_ITEM(out.ptr(), i, match);
    }
    return out;
  }

  // The matches as three array('q'): starts, ends, values (code points).
  py::tuple find_arrays(py::handle text, bool overlapping) const {
    static_assert(sizeof(long long) == 8, "array typecode 'q' is 8 bytes");
    const Found found = find_bytes(text, overlapping);
    const size_t n = found.matches.size();
    const py::object one = array_type_("q", py::make_tuple(0));
    py::object columns[3];
    int64_t* data[3];
    for (int k = 0; k < 3; ++k) {
      columns[k] = one * py::int_(n);  // n zeros, then written in place
      data[k] = static_cast<int64_t*>(py::buffer(columns[k]).request(true).ptr);
    }
    // One pass over the matches, converting their offsets as it goes.
    found.for_each_in_code_points([&](size_t i, uint32_t start, uint32_t end) {
      data[0][i] = start;
      data[1][i] = end;
      data[2][i] = found.matches[i].value;
    });
    return py::make_tuple(std::move(columns[0]), std::move(columns[1]), std::move(columns[2]));
  }

  size_t count(py::handle text, bool overlapping) const {
    Utf8View v = utf8_view(text);
    py::gil_scoped_release release;
    Utf8Buffer buffer;
    return gazetteer_.find(v.utf8(buffer), kind(overlapping)).size();
  }

  size_t size() const { return gazetteer_.phrase_count(); }
  size_t memory_bytes() const { return gazetteer_.memory_bytes(); }

 private:
  static liptako::MatchKind kind(bool overlapping) {
    return overlapping ? liptako::MatchKind::kAll : liptako::MatchKind::kLeftmostLongest;
  }

  // A text's matches, their offsets in UTF-8 bytes, and what converts those to
  // code points.
  struct Found {
    std::vector<liptako::GazetteerMatch> matches;
    CodePointOffsets offsets;

    // Calls f(i, start, end) for each match in order, with its offsets in code points.
    template <class F>
    void for_each_in_code_points(F&& f) const {
      // Starts never decrease; ends do not either without overlapping.
      CodePointOffsets::Cursor starts(offsets), ends(offsets);
      for (size_t i = 0; i < matches.size(); ++i)
        f(i, starts(matches[i].start), ends(matches[i].end));
    }
  };

  // GIL released while finding.
  Found find_bytes(py::handle text, bool overlapping) const {
    Utf8View v = utf8_view(text);
    py::gil_scoped_release release;
    Utf8Buffer buffer;
    WideCodePoints wide;
    const std::string_view bytes = v.utf8(buffer, &wide);
    auto matches = gazetteer_.find(bytes, kind(overlapping));
    return Found{std::move(matches), CodePointOffsets(bytes, std::move(wide))};
  }

  // The matches with start and end in code points. GIL released while finding.
  std::vector<liptako::GazetteerMatch> matches_in(py::handle text, bool overlapping) const {
    Found found = find_bytes(text, overlapping);
    if (!found.offsets.unchanged()) {
      py::gil_scoped_release release;
      found.for_each_in_code_points([&](size_t i, uint32_t start, uint32_t end) {
        found.matches[i].start = start;
        found.matches[i].end = end;
      });
    }
    return std::move(found.matches);
  }

  liptako::Gazetteer gazetteer_;
  py::object match_type_;
  py::object array_type_;  // array.array
};

// ---------------------------------------------------------------- building

class PyBuilder {
 public:
  void add_config(const std::string& config_json, const std::string& where,
                  const std::string& base_dir) {
    nlohmann::json config;
    try {
      config = nlohmann::json::parse(config_json);
    } catch (const nlohmann::json::exception& e) {
      throw liptako::ConfigError(where, "", std::string("invalid JSON: ") + e.what());
    }
    builder_.add_config(config, where, base_dir);
  }
  std::shared_ptr<const Extractor> build() {
    py::gil_scoped_release release;
    return std::move(builder_).build();
  }

 private:
  ExtractorBuilder builder_;
};

}  // namespace

PYBIND11_MODULE(_core, m) {
  m.doc() = "liptako C++ engine (internal; use the liptako package)";
  str_cache = new StrCache();  // these hold Python objects: never destroyed
  int_cache = new IntCache();

  static py::exception<liptako::Error> error(m, "Error");
  static py::exception<liptako::ConfigError> config_error(m, "ConfigError", error.ptr());
  static py::exception<liptako::LimitError> limit_error(m, "LimitError", error.ptr());
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const liptako::ConfigError& e) {
      PyErr_SetString(config_error.ptr(), e.what());
    } catch (const liptako::LimitError& e) {
      PyErr_SetString(limit_error.ptr(), e.what());
    } catch (const liptako::Error& e) {
      PyErr_SetString(error.ptr(), e.what());
    }
  });

  m.def(
      "register_result_types",
      [](py::handle document, py::handle dct, py::handle entity, py::handle timex,
         py::handle span, py::handle participant, py::handle event_date, py::handle event) {
        auto t = std::make_unique<ResultTypes>();
        t->document = ResultClass(document,
                                  {"id", "text", "dct", "_entities", "_timexes", "_events",
                                   "_sentences", "_pending"},
                                  false, ResultClass::Kind::kSlots);
        t->dct = ResultClass(dct, {"value", "source"}, true);
        t->entity = ResultClass(entity, {"start", "end", "text", "label", "id", "name",
                                         "mention", "source", "sentence", "title"},
                                true);
        t->timex =
            ResultClass(timex, {"start", "end", "text", "type", "value", "anchor", "sentence"}, true);
        t->span = ResultClass(span, {"start", "end", "text"}, true);
        t->participant =
            ResultClass(participant, {"id", "name", "label", "role", "start", "end"}, true);
        t->event_date = ResultClass(event_date, {"value", "text", "source"}, true);
        t->event = ResultClass(event, {"type", "cameo", "trigger", "participants", "date",
                                       "sentence", "sentence_index", "mentions", "modality"},
                               true);
        delete result_types;  // classes re-registered (a module reload): the old ones go
        result_types = t.release();
      },
      py::arg("document"), py::arg("dct"), py::arg("entity"), py::arg("timex"), py::arg("span"),
      py::arg("participant"), py::arg("event_date"), py::arg("event"));

  py::class_<PyGazetteer>(m, "Gazetteer")
      .def(py::init<const std::vector<std::tuple<std::string, uint32_t, bool>>&, py::handle>(),
           py::arg("phrases"), py::arg("match_type"))
      .def("find", &PyGazetteer::find, py::arg("text"), py::arg("overlapping") = false)
      .def("find_arrays", &PyGazetteer::find_arrays, py::arg("text"),
           py::arg("overlapping") = false)
      .def("count", &PyGazetteer::count, py::arg("text"), py::arg("overlapping") = false)
      .def("__len__", &PyGazetteer::size)
      .def("memory_bytes", &PyGazetteer::memory_bytes);

  py::class_<PyBuilder>(m, "Builder")
      .def(py::init<>())
      .def("add_config", &PyBuilder::add_config, py::arg("config_json"), py::arg("where"),
           py::arg("base_dir"))
      .def("build", &PyBuilder::build);

  py::class_<PendingLists>(m, "PendingLists").def("take", &PendingLists::take);

  py::class_<ExtractedBatch>(m, "ExtractedBatch")
      .def("wait", &ExtractedBatch::wait)
      .def("results", &ExtractedBatch::results)
      .def("errors", &ExtractedBatch::errors);

  py::class_<Extractor, std::shared_ptr<Extractor>>(m, "Extractor")
      .def(
          "extract",
          // One text as a Document, its lists built on first read
          // (register_result_types first).
          [](const Extractor& x, py::handle text, std::string id,
             std::optional<std::string> dct) {
            Utf8View v = utf8_view(text);
            std::optional<PackedDocument> doc;
            {
              py::gil_scoped_release release;
              Utf8Buffer buffer;
              doc.emplace(extract_document(x, v, std::move(id), dct, buffer));
            }
            auto batch = std::make_shared<PendingBatch>();
            return make_document(batch, batch->add(std::move(*doc), text), text);
          },
          py::arg("text"), py::arg("id") = "", py::arg("dct") = py::none())
      .def(
          "extract_json",
          // One text as JSON text in the output-format contract.
          [](const Extractor& x, py::handle text, std::string id,
             std::optional<std::string> dct) {
            Utf8View v = utf8_view(text);
            py::gil_scoped_release release;
            Utf8Buffer buffer;
            const std::string_view bytes = v.utf8(buffer);
            liptako::Document doc = x.extract(bytes, std::move(id), dct);
            return liptako::to_json_string(doc, bytes);
          },
          py::arg("text"), py::arg("id") = "", py::arg("dct") = py::none())
      .def(
          "extract_batch",
          // Extracts every text on `workers` threads, GIL released; errors are
          // kept per text. ExtractedBatch.results() makes the Python objects.
          [](std::shared_ptr<Extractor> x, const py::list& texts, std::vector<std::string> ids,
             std::vector<std::optional<std::string>> dcts, int workers) {
            return std::make_unique<ExtractedBatch>(std::move(x), texts, std::move(ids),
                                                    std::move(dcts), workers);
          },
          py::arg("texts"), py::arg("ids"), py::arg("dcts"), py::arg("workers"))
      .def("stats", [](const Extractor& x) {
        auto s = x.stats();
        py::dict d;
        d["entities"] = s.entities;
        d["phrases"] = s.phrases;
        d["rules"] = s.rules;
        d["gazetteer_bytes"] = s.gazetteer_bytes;
        return d;
      });
}
