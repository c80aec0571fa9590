#!/usr/bin/env bash
# The pre-commit hook on a fresh report repository, for real: with
# article7.toml, a waivers file and a report, `pre-commit run --all-files`
# passes; it fails once a report is broken; it passes again once the
# finding is waived with a justification.
#
# pre-commit comes from PyPI (a venv under target/). The hook is this
# working tree (uncommitted changes included: they are committed in a
# throw-away clone), configured once, so pre-commit builds it once
# (`cargo install`) and reuses it for the three runs. The build goes to
# this checkout's target/ (CARGO_TARGET_DIR), where the dependencies stay
# compiled from one CI run to the next, and with the optimiser off
# (CARGO_PROFILE_RELEASE_*): the check is about the hook's wiring, and an
# optimised build of the crate takes minutes.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
venv="$root/target/pre-commit-venv"
if [ ! -x "$venv/bin/pre-commit" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet 'pre-commit>=4,<5'
fi
export CARGO_TARGET_DIR="$root/target"
export CARGO_PROFILE_RELEASE_OPT_LEVEL=0
export CARGO_PROFILE_RELEASE_CODEGEN_UNITS=256
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# A fresh pre-commit cache: the hook is built from this tree every time.
export PRE_COMMIT_HOME="$work/cache"
export GIT_AUTHOR_NAME=CI GIT_AUTHOR_EMAIL=ci@example.org
export GIT_COMMITTER_NAME=CI GIT_COMMITTER_EMAIL=ci@example.org

# The hook's source: this tree as a commit.
hook_src="$work/article7"
git clone -q "$root" "$hook_src"
(cd "$root" && git diff HEAD --binary) | (cd "$hook_src" && git apply --allow-empty)
(cd "$root" && git ls-files --others --exclude-standard -z) |
    (cd "$root" && xargs -0 -r cp --parents -t "$hook_src")
(cd "$hook_src" && git add -A && git commit -q --allow-empty -m "tree under test")
rev="$(git -C "$hook_src" rev-parse HEAD)"

repo="$work/reports-repo"
mkdir -p "$repo/reports"
cd "$repo"
git init -q
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $hook_src
    rev: $rev
    hooks:
      - id: article7
YAML
cp "$root/fixtures/valid/cambodia-2019.json" reports/
echo '{"note": "expected results, not a report"}' > reports/expected.json
cat > article7.toml <<'TOML'
exclude = ["expected.json"]
waivers = "waivers.toml"
TOML
echo '# accepted findings' > waivers.toml
git add -A

hook() {
    "$venv/bin/pre-commit" run --all-files --color never >"$work/log" 2>&1
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
