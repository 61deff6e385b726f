#!/usr/bin/env bash
# Builds a private copy of the Python package for development next to other
# work: the C++ extension in BUILD_DIR, the pure-Python files symlinked from
# python/liptako. Use it with: PYTHONPATH=OUT_DIR .venv/bin/python ...
#   tools/dev_build.sh /tmp/mybuild /tmp/mypkg
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
build=${1:?usage: tools/dev_build.sh BUILD_DIR OUT_DIR}
out=${2:?usage: tools/dev_build.sh BUILD_DIR OUT_DIR}
py=${PYTHON:-$repo/.venv/bin/python}
cmake -S "$repo" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DLIPTAKO_BUILD_PYTHON=ON \
  -DPython_EXECUTABLE="$py" -Dpybind11_DIR="$("$py" -c 'import pybind11; print(pybind11.get_cmake_dir())')" >/dev/null
cmake --build "$build" --target _core
rm -rf "$out/liptako"
mkdir -p "$out/liptako"
for f in "$repo"/python/liptako/*; do
  case "$(basename "$f")" in _core*.so|__pycache__) continue ;; esac
  ln -s "$f" "$out/liptako/$(basename "$f")"
done
cp "$build"/_core*.so "$out/liptako/"
# The editable install's import hook would otherwise win over PYTHONPATH.
cat > "$out/sitecustomize.py" <<'PY'
import sys
sys.meta_path[:] = [f for f in sys.meta_path
                    if not type(f).__module__.startswith("_editable_skbc_liptako")]
PY
echo "PYTHONPATH=$out"
