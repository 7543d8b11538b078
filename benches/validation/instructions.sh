#!/usr/bin/env bash
# Instructions per call of every contender on every shape, counted by callgrind (independent
# of the machine's load): `n = 1000` calls minus `n = 0` (setup alone), divided by 1000.
#   bash benches/validation/instructions.sh
set -euo pipefail
bin=$(cargo bench --bench validation --no-run --message-format=json 2>/dev/null |
    grep -o '"executable":"[^"]*validation-[^"]*"' | tail -1 | cut -d'"' -f4)
ir() {
    PACT_BENCH_CALLS="$1:$2" valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" 2>&1 |
        sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
printf '| shape | input | pact | validator | garde | hand |\n| --- | --- | ---: | ---: | ---: | ---: |\n'
for shape in signup order cart; do
    for validity in valid invalid; do
        row="| $shape | $validity |"
        for contender in pact validator garde hand; do
            base=$(ir "$shape:$validity:$contender" 0)
            full=$(ir "$shape:$validity:$contender" 1000)
            row="$row $(( (full - base) / 1000 )) |"
        done
        echo "$row"
    done
done
