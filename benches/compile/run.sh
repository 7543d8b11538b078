#!/usr/bin/env bash
# Compile cost of the derives, as a user pays it: generates one crate per contender (60 DTOs,
# 60 error enums, 60 entities; see generate.py) and prints one markdown table.
#
#   benches/compile/run.sh            # everything (a few minutes on 2 cores)
#   benches/compile/run.sh --quick    # skip the clean builds (reuses the build directories)
#   COUNT=60 RUNS=5 OUT=/var/tmp/pact-compile benches/compile/run.sh
#   ONLY="dto_none dto_pact dto_pact_openapi" benches/compile/run.sh   # some rows only
#
# Columns:
# - clean: `cargo build` of the crate and all its dependencies in an empty build directory;
#   for the `derive_*` rows with CARGO_INCREMENTAL=0, since pact-derive is a path dependency
#   here (cargo builds those incrementally) but a registry one, like validator_derive and
#   garde_derive, for a user (never incremental);
# - incremental: median of RUNS rebuilds after an edit at the top of the crate's lib.rs that
#   moves every span below it (dev profile; see edit());
#   the `entity_mod_*` and `entity2_mod_*` rows hold the same entities in a module
#   (`mod entities { ... }`), as a service keeps them, where rustc reuses the work of items
#   whose spans only shift;
# - non-incremental: the same with CARGO_INCREMENTAL=0 (what CI and `cargo install` pay);
# - lines/item: lines of `rustc -Zunpretty=expanded` output per item, beyond the plain
#   structs' (the `_none` crate of the same family). RUSTC_BOOTSTRAP=1 lets stable rustc print
#   it, as cargo-expand does.
# Every build runs with the dev profile. Run it on an idle machine: wall times, not counts.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
OUT="${OUT:-${TMPDIR:-/tmp}/pact-compile}"
COUNT="${COUNT:-60}"
RUNS="${RUNS:-5}"
QUICK=0
[[ "${1:-}" == "--quick" ]] && QUICK=1
unset CARGO_TARGET_DIR RUSTFLAGS
export CARGO_TERM_COLOR=never

python3 "$ROOT/benches/compile/generate.py" "$ROOT" "$OUT" "$COUNT"

# Seconds taken by a command, to the millisecond.
seconds() {
  local start=$EPOCHREALTIME
  "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; "$@" >&2; exit 1; }
  awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.2f", b - a }'
}
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
edit() { # a real edit (not only a new mtime) that lengthens the line above every item by one
  # character, so every span below it moves: the same (worst) case on every run
  sed -i "s|^// touch: \(.*\)|// touch: \1x|" "$1/src/lib.rs"
}
expanded_lines() {
  (cd "$1" && RUSTC_BOOTSTRAP=1 cargo rustc --quiet --lib -- -Zunpretty=expanded 2>/dev/null | wc -l)
}

declare -A LINES
row() {
  if [[ -n "${ONLY:-}" && " $ONLY " != *" $1 "* ]]; then return; fi
  local name=$1 family=$2 crate="$OUT/$1" clean="-" inc=() noinc=() per_item="-"
  cp -n "$ROOT/Cargo.lock" "$crate/Cargo.lock" 2>/dev/null || true
  if [[ $QUICK == 0 ]]; then
    rm -rf "$crate/target"
    local incremental=()
    [[ $family == derive ]] && incremental=(env CARGO_INCREMENTAL=0)
    clean=$(cd "$crate" && seconds "${incremental[@]}" cargo build)
  else
    (cd "$crate" && cargo build --quiet)
  fi
  if [[ $family != derive ]]; then
    for _ in $(seq "$RUNS"); do edit "$crate"; inc+=("$(cd "$crate" && seconds cargo build)"); done
    (cd "$crate" && CARGO_INCREMENTAL=0 cargo build --quiet)
    for _ in $(seq "$RUNS"); do
      edit "$crate"; noinc+=("$(cd "$crate" && seconds env CARGO_INCREMENTAL=0 cargo build)")
    done
    LINES[$name]=$(expanded_lines "$crate")
    if [[ $name != *_none && $name != error_thiserror ]]; then
      local base=${LINES[${family}_none]:-${LINES[error_thiserror]:-0}}
      per_item=$(( (LINES[$name] - base) / COUNT ))
    fi
    printf '| %s | %s | %s | %s | %s |\n' "$name" "$clean" "$(median "${inc[@]}")" \
      "$(median "${noinc[@]}")" "$per_item"
  else
    printf '| %s | %s | - | - | - |\n' "$name" "$clean"
  fi
}

echo "| crate ($COUNT items) | clean (s) | incremental (s) | non-incremental (s) | lines/item |"
echo "| --- | --- | --- | --- | --- |"
for name in dto_none dto_pact dto_pact_openapi dto_validator dto_garde; do row "$name" dto; done
for name in error_thiserror error_apierror; do row "$name" error; done
for name in entity_none entity_repo entity_repo_sqlite; do row "$name" entity; done
for name in entity2_none entity2_repo; do row "$name" entity2; done
for name in entity_mod_none entity_mod_repo; do row "$name" entity_mod; done
for name in entity2_mod_none entity2_mod_repo; do row "$name" entity2_mod; done
for name in derive_pact derive_validator derive_garde; do row "$name" derive; done
