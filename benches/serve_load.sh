#!/usr/bin/env bash
# Load check for `article7 serve` (a benchmark, not a test: it prints
# figures and asserts nothing; not run in CI).
#
#   benches/serve_load.sh [CONNECTIONS] [DURATION]     (default 8 30s)
#
# Builds the release binary, generates realistic reports of about 80 KB
# (examples/gen_corpus), starts the server on a free loopback port, and
# posts one report over and over from CONNECTIONS concurrent connections
# with wrk (Debian's package; installed when missing), printing requests/s
# and latency percentiles (p99). Next to it, `article7 validate` on the same
# file: one process per file (what a script calling the command pays) and
# the same file 200 times in one process (the validator's own rate).
set -euo pipefail
cd "$(dirname "$0")/.."
connections=${1:-8}
duration=${2:-30s}

if ! command -v wrk >/dev/null 2>&1; then
    apt-get update -qq && apt-get install -y -qq --no-install-recommends wrk >/dev/null
fi
cargo build --release --locked --quiet --bin article7 --example gen_corpus
bin="$PWD/target/release/article7"

work=$(mktemp -d)
server_pid=
cleanup() {
    if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

target/release/examples/gen_corpus "$work/corpus" 40 42 >/dev/null
# The report closest to 80 KB.
report=$(ls -S "$work"/corpus/*.json | while read -r f; do
    printf '%d %s\n' "$(( $(stat -c %s "$f") > 81920 ? $(stat -c %s "$f") - 81920 : 81920 - $(stat -c %s "$f") ))" "$f"
done | sort -n | head -n 1 | cut -d' ' -f2)
size=$(stat -c %s "$report")
cp "$report" "$work/report.json"
echo "report: $(basename "$report"), $size bytes; $(nproc) cores"

"$bin" serve --addr 127.0.0.1:0 >"$work/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 100); do
    grep -q 'listening on' "$work/serve.log" && break
    sleep 0.1
done
url=$(grep -o 'http://[^ ]*' "$work/serve.log" | head -n 1)
# The same findings as the command line, before measuring anything.
curl -fsS --data-binary @"$work/report.json" "${url}api/validate?filename=report.json" >"$work/api.json"
(cd "$work" && "$bin" validate report.json --format json --fail-on never >cli.json)
cmp -s "$work/api.json" "$work/cli.json" && echo "server and CLI give the same JSON: yes" \
    || echo "server and CLI give the same JSON: NO (see diff)"

cat >"$work/post.lua" <<'LUA'
local f = assert(io.open(os.getenv("REPORT"), "rb"))
wrk.body = f:read("*a")
f:close()
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
LUA
# Warm-up: the first request builds the validator.
curl -fsS --data-binary @"$work/report.json" "${url}api/validate?filename=report.json" >/dev/null
REPORT="$work/report.json" wrk -t2 -c"$connections" -d"$duration" --latency \
    -s "$work/post.lua" "${url}api/validate?filename=report.json" >"$work/wrk.txt"
rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt")
p50=$(awk '$1 == "50%" {print $2}' "$work/wrk.txt")
p99=$(awk '$1 == "99%" {print $2}' "$work/wrk.txt")
non2xx=$(awk '/Non-2xx/ {print $NF}' "$work/wrk.txt")

# The command line on the same file: a process per file, 30 times.
runs=30
start=$(date +%s.%N)
for _ in $(seq "$runs"); do
    (cd "$work" && "$bin" validate report.json --format json --fail-on never >/dev/null)
done
end=$(date +%s.%N)
cli_per_file=$(awk "BEGIN {print ($end - $start) / $runs * 1000}")
# And the same file 200 times in one process (start-up paid once).
copies=200
args=()
for _ in $(seq "$copies"); do args+=(report.json); done
start=$(date +%s.%N)
(cd "$work" && "$bin" validate "${args[@]}" --format json --fail-on never >/dev/null)
end=$(date +%s.%N)
cli_batch=$(awk "BEGIN {print $copies / ($end - $start)}")

printf '\n%-52s %s\n' "what" "figure"
printf '%-52s %.1f requests/s (p50 %s, p99 %s; non-2xx: %s)\n' \
    "serve: POST /api/validate, $connections connections, $duration" "$rps" "$p50" "$p99" "${non2xx:-0}"
printf '%-52s %.1f ms per file (%.1f files/s)\n' \
    "article7 validate FILE, one process per file" "$cli_per_file" "$(awk "BEGIN {print 1000 / $cli_per_file}")"
printf '%-52s %.1f files/s\n' "article7 validate FILE x$copies, one process" "$cli_batch"
echo
cat "$work/wrk.txt"
