#!/usr/bin/env bash
# Runs the test suites under AddressSanitizer + UndefinedBehaviorSanitizer and
# valgrind memcheck. Steps (all by default; name some to run only those):
#   cpp       GoogleTest binary built with -DLIPTAKO_SANITIZE=ON (build/sanitize)
#   python    pytest against an ASan+UBSan build of the extension (libasan preloaded,
#             detect_leaks=0: CPython itself is not leak-clean)
#   valgrind  memcheck --leak-check=full on a plain (non-ASan) GoogleTest binary (build/cpp)
# Environment: SANITIZE_BUILD_DIR (build/sanitize), PYTEST_ARGS (default: -q -p no:cacheprovider
#   tests/python), VALGRIND_FILTER (a gtest filter; default: every test).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
steps=("$@")
[ ${#steps[@]} -gt 0 ] || steps=(cpp python valgrind)
build=${SANITIZE_BUILD_DIR:-build/sanitize}
py=${PYTHON:-$repo/.venv/bin/python}
jobs=${JOBS:-2}
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:strict_string_checks=1:detect_stack_use_after_return=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
status=0

for step in "${steps[@]}"; do
  case $step in
  cpp)
    echo "== GoogleTest under ASan+UBSan ($build)"
    cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLIPTAKO_SANITIZE=ON \
      -DLIPTAKO_BUILD_TESTS=ON >/dev/null
    cmake --build "$build" -j "$jobs" --target liptako_tests
    "$build/liptako_tests" --gtest_brief=1 || status=1
    ;;
  python)
    echo "== pytest against an ASan+UBSan extension"
    pyb=$build-python
    cmake -S . -B "$pyb" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLIPTAKO_SANITIZE=ON \
      -DLIPTAKO_BUILD_PYTHON=ON -DPython_EXECUTABLE="$py" \
      -Dpybind11_DIR="$("$py" -c 'import pybind11; print(pybind11.get_cmake_dir())')" >/dev/null
    cmake --build "$pyb" -j "$jobs" --target _core
    # A private package: the pure-Python files linked, the ASan extension copied.
    pkg=$pyb/pkg/liptako
    rm -rf "$pkg" && mkdir -p "$pkg"
    for f in "$repo"/python/liptako/*; do
      case "$(basename "$f")" in _core*.so|__pycache__) continue ;; esac
      ln -s "$f" "$pkg/$(basename "$f")"
    done
    cp "$pyb"/_core*.so "$pkg/"
    # The venv's editable install (scikit-build-core) puts a finder first on
    # sys.meta_path, which beats PYTHONPATH; this sitecustomize (run after the
    # .pth files) removes it so that the ASan package is the one imported.
    cat > "$pyb/pkg/sitecustomize.py" <<'PY'
import sys
sys.meta_path[:] = [f for f in sys.meta_path
                    if type(f).__module__ != "_editable_skbc_liptako"]
PY
    libasan=$(g++ -print-file-name=libasan.so)
    libubsan=$(g++ -print-file-name=libubsan.so)
    PYTHONPATH=$pyb/pkg LD_PRELOAD="$libasan $libubsan" \
      ASAN_OPTIONS=detect_leaks=0:allocator_may_return_null=1 \
      LIPTAKO_EXPECT_CORE="$pkg" \
      "$py" -c 'import os, sys, liptako._core as c; p = os.path.realpath(c.__file__);
sys.exit(0 if p.startswith(os.path.realpath(os.environ["LIPTAKO_EXPECT_CORE"])) else
         "the ASan extension is not the one imported: " + p)' || { status=1; continue; }
    PYTHONPATH=$pyb/pkg LD_PRELOAD="$libasan $libubsan" \
      ASAN_OPTIONS=detect_leaks=0:allocator_may_return_null=1 \
      "$py" -m pytest ${PYTEST_ARGS:--q -p no:cacheprovider tests/python} || status=1
    ;;
  valgrind)
    echo "== valgrind memcheck on the GoogleTest binary (build/cpp)"
    command -v valgrind >/dev/null || { echo "valgrind missing: apt-get install valgrind" >&2; exit 2; }
    [ -f build/cpp/build.ninja ] || cmake -S . -B build/cpp -G Ninja \
      -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLIPTAKO_BUILD_TESTS=ON >/dev/null
    cmake --build build/cpp -j "$jobs" --target liptako_tests
    valgrind --suppressions=tools/valgrind.supp --leak-check=full --show-leak-kinds=definite,indirect,possible \
      --errors-for-leak-kinds=definite,indirect,possible --error-exitcode=1 --quiet \
      build/cpp/liptako_tests --gtest_brief=1 ${VALGRIND_FILTER:+--gtest_filter=$VALGRIND_FILTER} \
      || status=1
    ;;
  *) echo "sanitize.sh: unknown step $step (cpp, python, valgrind)" >&2; exit 2 ;;
  esac
done
exit $status
