#!/usr/bin/env bash
# Instructions per `find_by_id` of the bare map and of a hit on the in-process store, counted by
# callgrind (independent of the machine's load): only the loop of `n = 100000` calls is counted
# (`--toggle-collect`), divided by `n`. With PACT_TEST_REDIS_URL set, also this process's side of
# a Redis hit (client instructions only: not the server's, nor the kernel's), over 20000 calls.
#   bash benches/cache_instructions.sh
set -euo pipefail
bin=$(cargo bench --bench cache --features cache,redis,sqlite --no-run --message-format=json 2>/dev/null |
    grep -o '"executable":"[^"]*cache-[^"]*"' | tail -1 | cut -d'"' -f4)
n=100000
contenders="bare_map:$n local:$n"
if [ -n "${PACT_TEST_REDIS_URL:-}" ]; then contenders="$contenders redis:20000"; fi
for spec in $contenders; do
    contender=${spec%%:*}
    n=${spec#*:}
    total=$(PACT_BENCH_CALLS="$spec" valgrind --tool=callgrind --callgrind-out-file=/dev/null \
        --toggle-collect="cache::${contender}_calls" "$bin" --bench 2>&1 |
        awk '/Collected :/ { sum += $4 } END { print sum }')
    echo "$contender: $(( total / n )) instructions per call"
done
