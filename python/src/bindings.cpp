// liptako._core: the thin pybind11 layer over the C++ engine.
//
// Documents cross the boundary as JSON text in the output-format contract
// (code-point offsets): the C++ side serialises, Python parses. Text is taken
// from the Python str (lone surrogates encoded with "surrogatepass"), then the
// GIL is released for all matching.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <atomic>
#include <thread>

#include "liptako/errors.h"
#include "liptako/extractor.h"
#include "liptako/gazetteer.h"
#include "liptako/offsets.h"
#include "liptako/output.h"

namespace py = pybind11;
using liptako::Extractor;
using liptako::ExtractorBuilder;

namespace {

// The UTF-8 bytes of a Python str. Lone surrogates are kept ("surrogatepass")
// so that code-point offsets computed in C++ match Python indexing.
std::string utf8_of(const py::handle& obj) {
  if (!PyUnicode_Check(obj.ptr())) throw py::type_error("text must be str");
  Py_ssize_t size = 0;
  const char* data = PyUnicode_AsUTF8AndSize(obj.ptr(), &size);
  if (data) return std::string(data, static_cast<size_t>(size));
  PyErr_Clear();
  py::object bytes = py::reinterpret_steal<py::object>(
      PyUnicode_AsEncodedString(obj.ptr(), "utf-8", "surrogatepass"));
  if (!bytes) throw py::error_already_set();
  char* b = nullptr;
  PyBytes_AsStringAndSize(bytes.ptr(), &b, &size);
  return std::string(b, static_cast<size_t>(size));
}

std::string extract_to_json(const Extractor& x, const std::string& text, std::string id,
                            const std::optional<std::string>& dct) {
  liptako::Document doc = x.extract(text, std::move(id), dct);
  return liptako::to_json_string(doc, text);
}

// A bare phrase matcher, for users who only need gazetteer matching.
class PyGazetteer {
 public:
  // phrases: (text, value, case_sensitive)
  explicit PyGazetteer(const std::vector<std::tuple<std::string, uint32_t, bool>>& phrases) {
    liptako::GazetteerBuilder b;
    for (const auto& [text, value, case_sensitive] : phrases) {
      liptako::PhraseOptions o;
      o.case_sensitive = case_sensitive;
      b.add(text, value, o);
    }
    gazetteer_ = std::move(b).build();
  }

  // (start, end, value) in code points, in text order.
  std::vector<std::tuple<size_t, size_t, uint32_t>> find(const py::str& text, bool overlapping) const {
    std::string utf8 = utf8_of(text);
    py::gil_scoped_release release;
    auto matches = gazetteer_.find(utf8, overlapping ? liptako::MatchKind::kAll
                                                     : liptako::MatchKind::kLeftmostLongest);
    liptako::CodePointMap map;
    for (const auto& m : matches) map.add(m.start), map.add(m.end);
    map.build(utf8);
    std::vector<std::tuple<size_t, size_t, uint32_t>> out;
    out.reserve(matches.size());
    for (const auto& m : matches) out.emplace_back(map(m.start), map(m.end), m.value);
    return out;
  }

  size_t size() const { return gazetteer_.phrase_count(); }
  size_t memory_bytes() const { return gazetteer_.memory_bytes(); }

 private:
  liptako::Gazetteer gazetteer_;
};

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

  py::class_<PyGazetteer>(m, "Gazetteer")
      .def(py::init<const std::vector<std::tuple<std::string, uint32_t, bool>>&>(),
           py::arg("phrases"))
      .def("find", &PyGazetteer::find, py::arg("text"), py::arg("overlapping") = false)
      .def("__len__", &PyGazetteer::size)
      .def("memory_bytes", &PyGazetteer::memory_bytes);

  py::class_<PyBuilder>(m, "Builder")
      .def(py::init<>())
      .def("add_config", &PyBuilder::add_config, py::arg("config_json"), py::arg("where"),
           py::arg("base_dir"))
      .def("build", &PyBuilder::build);

  py::class_<Extractor, std::shared_ptr<Extractor>>(m, "Extractor")
      .def(
          "extract_json",
          [](const Extractor& x, const py::str& text, std::string id,
             std::optional<std::string> dct) {
            std::string utf8 = utf8_of(text);
            py::gil_scoped_release release;
            return extract_to_json(x, utf8, std::move(id), dct);
          },
          py::arg("text"), py::arg("id") = "", py::arg("dct") = py::none())
      .def(
          "extract_batch_json",
          // Extracts every text on `workers` threads. Returns, in input order,
          // (True, json) or (False, "ErrorClass: message") per text.
          [](const Extractor& x, const py::list& texts, std::vector<std::string> ids,
             std::vector<std::optional<std::string>> dcts, int workers) {
            const size_t n = texts.size();
            if (ids.size() != n || dcts.size() != n)
              throw py::value_error("texts, ids and dcts must have the same length");
            std::vector<std::string> utf8(n);
            for (size_t i = 0; i < n; ++i) utf8[i] = utf8_of(texts[i]);
            std::vector<std::pair<bool, std::string>> results(n);
            {
              py::gil_scoped_release release;
              std::atomic<size_t> next{0};
              auto work = [&] {
                for (size_t i; (i = next.fetch_add(1)) < n;) {
                  try {
                    results[i] = {true, extract_to_json(x, utf8[i], ids[i], dcts[i])};
                  } catch (const liptako::LimitError& e) {
                    results[i] = {false, std::string("LimitError: ") + e.what()};
                  } catch (const liptako::Error& e) {
                    results[i] = {false, std::string("Error: ") + e.what()};
                  } catch (const std::exception& e) {
                    results[i] = {false, std::string("Error: ") + e.what()};
                  }
                }
              };
              size_t threads = std::max(1, std::min<int>(workers, static_cast<int>(n)));
              std::vector<std::thread> pool;
              for (size_t t = 1; t < threads; ++t) pool.emplace_back(work);
              work();
              for (auto& t : pool) t.join();
            }
            return results;
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
