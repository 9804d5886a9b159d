#!/usr/bin/env bash
# The live-feed benchmark (LiveFeedBenchmark, TwoNodeLiveFeedBenchmark): N = 100, 1,000 and 5,000 open live feeds
# on Payara Micro and on WildFly, on H2 and on PostgreSQL, then two Payara Micro nodes on PostgreSQL. Writes
# actrack-bench/results/live-feeds.md. Needs this machine's PostgreSQL (see .ci/run); about 30 minutes (each configuration about 6).
#   bash actrack-it/live-feed-benchmark.sh            # everything
#   bash actrack-it/live-feed-benchmark.sh payara-h2  # one configuration (appended to the results): payara-h2,
#                                                     # payara-postgresql, wildfly-h2, wildfly-postgresql, two-nodes
# Each configuration's whole log (idle statements, timeline) goes to actrack-it/target/live-feed-benchmark-<name>.log.
set -euo pipefail
cd "$(dirname "$0")/.."
# Thousands of sockets, on both ends, in this process tree.
ulimit -n 20000 2>/dev/null || ulimit -n "$(ulimit -Hn)"

out="$PWD/actrack-bench/results/live-feeds.md"
configurations=("${@:-payara-h2 payara-postgresql wildfly-h2 wildfly-postgresql two-nodes}")
configurations=(${configurations[*]})

mvn -B -q install -DskipTests -pl actrack-it -am

[ $# -gt 0 ] && [ -f "$out" ] || {
    echo "# Live feeds under load"
    echo
    echo "\`bash actrack-it/live-feed-benchmark.sh\` at $(git rev-parse --short HEAD), $(date -u +%Y-%m-%d), $(nproc) cores,"
    echo "$(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -n 1)."
    echo "Client and server on this machine (loopback). See \`LiveFeedBenchmark\` for what each column measures."
} > "$out"

run() {
    local log="actrack-it/target/live-feed-benchmark-$configuration.log"
    echo "=== $configuration: $*"
    mvn -B verify -pl actrack-it -Dactrack.bench.out="$out" "$@" > "$log" 2>&1 || true
    grep -E 'Tests run:|FAIL|ERROR\]' "$log" || true
}

for configuration in "${configurations[@]}"; do
    case "$configuration" in
        payara-h2)          run -Dit.test=LiveFeedBenchmark ;;
        payara-postgresql)  run -Dit.test=LiveFeedBenchmark -Dactrack.test.db=postgresql ;;
        wildfly-h2)         run -Dit.test=LiveFeedBenchmark -Phibernate,wildfly ;;
        wildfly-postgresql) run -Dit.test=LiveFeedBenchmark -Phibernate,wildfly -Dactrack.test.db=postgresql ;;
        two-nodes)          run -Dit.test=TwoNodeLiveFeedBenchmark -Dactrack.test.db=postgresql ;;
        *) echo "unknown configuration: $configuration" >&2; exit 2 ;;
    esac
done
echo "Results: $out"
