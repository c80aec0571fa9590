#!/usr/bin/env bash
# The pre-commit hook on a fresh report repository, for real: with
# article7.toml, a waivers file and a report, `pre-commit` passes; it fails
# once a report is broken; it passes again once the finding is waived with
# a justification. pre-commit comes from PyPI (a venv under target/); the
# hook's `cargo install` builds into this checkout's target/ (it shares
# the release build of `cargo build --release` instead of starting from
# nothing in a temporary folder).
#
# try-repo runs the hook of this working tree (uncommitted changes
# included) exactly as `pre-commit run --all-files` runs a configured one.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
venv="$root/target/pre-commit-venv"
if [ ! -x "$venv/bin/pre-commit" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet 'pre-commit>=4,<5'
fi
export CARGO_TARGET_DIR="$root/target"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# A fresh pre-commit cache: the hook is built from this tree every time.
export PRE_COMMIT_HOME="$work/cache"
repo="$work/reports-repo"
mkdir -p "$repo/reports"
cd "$repo"
git init -q
git config user.email ci@example.org
git config user.name CI
cp "$root/fixtures/valid/cambodia-2019.json" reports/
echo '{"note": "expected results, not a report"}' > reports/expected.json
cat > article7.toml <<'TOML'
exclude = ["expected.json"]
waivers = "waivers.toml"
TOML
echo '# accepted findings' > waivers.toml
git add -A

hook() {
    "$venv/bin/pre-commit" try-repo "$root" article7 --all-files --color never >"$work/log" 2>&1
}

echo "-- a valid report: the hook passes"
hook || { cat "$work/log"; echo "FAIL: the hook failed on a valid repository"; exit 1; }

echo "-- a broken report: the hook fails"
cp "$root/fixtures/examples/rule-finding-b01.json" reports/broken.json
git add -A
if hook; then
    cat "$work/log"; echo "FAIL: the hook passed with a broken report"; exit 1
fi
grep -q "B01" "$work/log" || { cat "$work/log"; echo "FAIL: B01 not reported"; exit 1; }

echo "-- the finding waived with a justification: the hook passes"
cat >> waivers.toml <<'TOML'
[[waiver]]
rule = "B01"
file = "reports/broken.json"
pointer = "/forms/B/total"
justification = "the State confirmed the total as sent"
TOML
git add -A
hook || { cat "$work/log"; echo "FAIL: the hook failed with the finding waived"; exit 1; }
echo "pre-commit hook: ok"
