#!/usr/bin/env bash
# Instructions per `find_by_id` of the bare map and of a hit on the in-process store, counted by callgrind
# (independent of the machine's load): `n = 10000` calls minus `n = 0` (setup alone), / 10000.
#   bash benches/cache_instructions.sh
set -euo pipefail
bin=$(cargo bench --bench cache --features cache,redis,sqlite --no-run --message-format=json 2>/dev/null |
    grep -o '"executable":"[^"]*cache-[^"]*"' | tail -1 | cut -d'"' -f4)
ir() {
    PACT_BENCH_CALLS="$1:$2" valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" --bench 2>&1 |
        awk '/Collected :/ { sum += $4 } END { print sum }'
}
for contender in bare_map local; do
    base=$(ir "$contender" 0)
    full=$(ir "$contender" 10000)
    echo "$contender: $(( (full - base) / 10000 )) instructions per call"
done
