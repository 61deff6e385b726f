#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan+UBSan) and runs each one.
#
#   tools/fuzz.sh                 every target for $FUZZ_SECONDS (default 30) each
#   tools/fuzz.sh 600 fuzz_timex  one target for 10 minutes
#
# Environment: FUZZ_SECONDS, FUZZ_BUILD_DIR (default build/fuzz), FUZZ_SEEDS
# (a directory of .txt articles; default ../shared/seeds when present, else
# examples/corpus), FUZZ_RSS_MB (default 2048), FUZZ_LOG_DIR (default
# $FUZZ_BUILD_DIR/logs). The growing corpus lives in $FUZZ_BUILD_DIR/corpus/<target>;
# crash reproducers are written to $FUZZ_BUILD_DIR/artifacts/ and the script exits
# non-zero if any target found one. Replay one with: build/fuzz/fuzz_X <file>.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
seconds=${1:-${FUZZ_SECONDS:-30}}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(fuzz_extract fuzz_config fuzz_gazetteer fuzz_timex)
build=${FUZZ_BUILD_DIR:-build/fuzz}
logs=${FUZZ_LOG_DIR:-$build/logs}
rss=${FUZZ_RSS_MB:-2048}
if [ -z "${FUZZ_SEEDS:-}" ]; then
  if [ -d "$repo/../shared/seeds" ]; then FUZZ_SEEDS="$repo/../shared/seeds"
  else FUZZ_SEEDS="$repo/examples/corpus"; fi
fi

command -v clang++ >/dev/null || { echo "fuzz.sh: clang++ not found (apt-get install clang libclang-rt-14-dev)" >&2; exit 2; }
if [ ! -f "$build/build.ninja" ]; then
  CC=clang CXX=clang++ cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DLIPTAKO_BUILD_FUZZERS=ON >/dev/null
fi
cmake --build "$build" -j "${JOBS:-2}" --target "${targets[@]}"

# ---- seed corpora (only added to; libFuzzer keeps what it finds) ----
corpus=$build/corpus
mkdir -p "$corpus" "$build/artifacts" "$logs"
seed_extract() {
  local d=$corpus/fuzz_extract n=0
  mkdir -p "$d"
  for f in "$FUZZ_SEEDS"/*.txt; do
    [ -f "$f" ] || continue
    n=$((n + 1))
    for mode in 0 1 2 3; do
      { printf "\\x0$mode"; cat "$f"; } > "$d/seed_${n}_$mode"
    done
    # One seed per paragraph too: short inputs run faster.
    awk -v d="$d" -v n="$n" 'NF { f = d "/seed_" n "_p" NR; printf "\001%s\n", $0 > f; close(f) }' "$f"
  done
}
seed_timex() {
  local d=$corpus/fuzz_timex
  mkdir -p "$d"
  cp cpp/fuzz/seeds/timex/* "$d/"
  local n=0
  for f in "$FUZZ_SEEDS"/*.txt; do
    [ -f "$f" ] || continue
    n=$((n + 1))
    { printf '\x02'; cat "$f"; } > "$d/seed_$n"
  done
}
seed_gazetteer() {
  local d=$corpus/fuzz_gazetteer
  mkdir -p "$d"
  cp cpp/fuzz/seeds/gazetteer/* "$d/"
  local n=0
  for f in "$FUZZ_SEEDS"/*.txt; do
    [ -f "$f" ] || continue
    n=$((n + 1))
    # Phrases: the capitalised word pairs of the article; then the article.
    { grep -oE '[A-Z][a-z]+ [A-Z][a-z]+' "$f" | sort -u | head -40 | sed 's/^/\x00/'
      printf '\n'; cat "$f"; } > "$d/seed_$n"
  done
}
seed_config() {
  local d=$corpus/fuzz_config
  mkdir -p "$d"
  cp cpp/fuzz/seeds/config/*.json "$d/"
  { printf '{"events": '; cat python/liptako/data/events.json; printf '}'; } > "$d/events_full.json"
  python3 - "$d" <<'PY'
import json, sys, pathlib
d = pathlib.Path(sys.argv[1])
data = pathlib.Path("python/liptako/data")
g = json.loads((data / "countries.json").read_text(encoding="utf-8"))
entries = g["entries"][:40] if isinstance(g, dict) else g[:40]
(d / "countries_inline.json").write_text(json.dumps({"gazetteers": [dict(g, entries=entries) if isinstance(g, dict) else entries]}))
PY
}

status=0
for t in "${targets[@]}"; do
  case $t in
    fuzz_extract) seed_extract; dict=(-dict=cpp/fuzz/timex.dict -max_len=4096) ;;
    fuzz_timex) seed_timex; dict=(-dict=cpp/fuzz/timex.dict -max_len=4096) ;;
    fuzz_gazetteer) seed_gazetteer; dict=(-max_len=8192) ;;
    fuzz_config) seed_config; dict=(-dict=cpp/fuzz/config.dict -max_len=65536) ;;
    *) echo "fuzz.sh: unknown target $t" >&2; exit 2 ;;
  esac
  extra=()
  [ -d "cpp/fuzz/regressions/$t" ] && extra=("cpp/fuzz/regressions/$t")
  echo "== $t: ${seconds}s (log: $logs/$t.log)"
  if ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1} \
     UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1} \
     "$build/$t" "$corpus/$t" "${extra[@]}" "${dict[@]}" -max_total_time="$seconds" \
       -timeout=30 -rss_limit_mb="$rss" -print_final_stats=1 \
       -artifact_prefix="$build/artifacts/$t-" >"$logs/$t.log" 2>&1; then
    runs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$logs/$t.log" | grep -oE '[0-9]+$')
    rss_peak=$(grep -oE 'stat::peak_rss_mb: *[0-9]+' "$logs/$t.log" | grep -oE '[0-9]+$')
    echo "   OK: $runs runs, $(grep -oE 'cov: [0-9]+' "$logs/$t.log" | tail -1), corpus $(ls "$corpus/$t" | wc -l) files, peak RSS ${rss_peak} MB"
  else
    status=1
    echo "!! $t FAILED; last lines of $logs/$t.log:"
    tail -40 "$logs/$t.log"
  fi
done
exit $status
