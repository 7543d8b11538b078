#!/usr/bin/env bash
# Instructions per `find_by_id` of the bare map and of a hit on the in-process store, counted by
# callgrind (independent of the machine's load): only the loop of `n = 100000` calls is counted
# (`--toggle-collect`), divided by `n`.
#   bash benches/cache_instructions.sh
set -euo pipefail
bin=$(cargo bench --bench cache --features cache,redis,sqlite --no-run --message-format=json 2>/dev/null |
    grep -o '"executable":"[^"]*cache-[^"]*"' | tail -1 | cut -d'"' -f4)
n=100000
for contender in bare_map local; do
    total=$(PACT_BENCH_CALLS="$contender:$n" valgrind --tool=callgrind --callgrind-out-file=/dev/null \
        --toggle-collect="cache::${contender}_calls" "$bin" --bench 2>&1 |
        awk '/Collected :/ { sum += $4 } END { print sum }')
    echo "$contender: $(( total / n )) instructions per call"
done
