#!/usr/bin/env bash
# Checks in a real browser that `--format html` shows markup from a report as
# text (quality.md: "a report field holding <script> shows as text in a real
# browser"). tests/outputs.rs checks the page's bytes; this loads the page in
# headless Chromium and inspects the DOM it built and the effects of scripts.
#
#   tools/check_html_in_browser.sh
#
# 1. A report (fixtures/valid/cambodia-2019.json) gets payloads in fields whose
#    findings quote them: an enum value, unknown member names, a string where
#    a number belongs, and its file name. Each payload would set
#    document.title if it ran.
# 2. `article7 validate --format html -o page.html` renders it.
# 3. Chromium loads the page (and a copy without its Content-Security-Policy,
#    so that escaping alone is tested) and dumps the DOM after scripts and
#    image errors have had time to run.
# 4. The DOM must hold no element and no attribute the page does not write
#    itself (no <script>, <img>, <svg>, no on* handler), its title must be
#    unchanged, and every payload must appear as text.
# A control page with one payload left unescaped must fail the same checks,
# so the check cannot pass vacuously.
#
# Installs Debian's chromium if it is missing (apt-get; about a minute).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
    echo "== installing chromium (Debian package)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
echo "== $(chromium --version 2>/dev/null | head -n 1)"

echo "== building article7"
cargo build --release --locked --quiet

work=$(mktemp -d)
profile=$(mktemp -d)
trap 'rm -rf "$work" "$profile"' EXIT

# The payloads and the report holding them.
python3 - "$work" <<'PY'
import json, sys
work = sys.argv[1]
payloads = {
    # an enum value, quoted by schema/enum
    "enum": "<script>document.title='PWNED-SCRIPT'</script>",
    # an unknown member's name, quoted by schema/additional-properties
    "key": "<img src=x onerror=\"document.title='PWNED-IMG'\">",
    # a string where a whole number belongs, quoted by schema/type
    "type": "<svg onload=\"document.title='PWNED-SVG'\"></svg>",
    # breaking out of an attribute, then a tag
    "attr": "\"><iframe srcdoc=\"<script>parent.document.title='PWNED-IFRAME'</script>\"></iframe>",
}
# the file name (no slash allowed in it)
payloads["file"] = "<body onload=\"document.title='PWNED-FILE'\">.json"

doc = json.load(open("fixtures/valid/cambodia-2019.json"))
area = doc["forms"]["C"]["areas"][0]
area["classification"] = payloads["enum"]
area[payloads["key"]] = "x"
area["mines"][0]["quantity"] = payloads["type"]
doc["contact"][payloads["attr"]] = "y"
with open(f"{work}/{payloads['file']}", "w") as f:
    json.dump(doc, f, indent=2)
with open(f"{work}/payloads.json", "w") as f:
    json.dump(payloads, f)
PY

report=$(ls "$work"/*.json | grep -v payloads.json)
echo "== rendering $(basename "$report") with --format html"
set +e
target/release/article7 validate --format html -o "$work/page.html" "$report"
code=$?
set -e
if [ "$code" -ne 1 ]; then
    echo "!! expected exit status 1 (findings), got $code" >&2
    exit 1
fi

# The same page without its Content-Security-Policy: escaping alone must hold.
sed 's/<meta http-equiv="Content-Security-Policy"[^>]*>//' "$work/page.html" >"$work/page-no-csp.html"
if grep -q 'Content-Security-Policy' "$work/page-no-csp.html"; then
    echo "!! could not remove the Content-Security-Policy" >&2
    exit 1
fi
# A control page: one payload written unescaped, which the checks must catch.
python3 - "$work" <<'PY'
import json, sys
work = sys.argv[1]
payloads = json.load(open(f"{work}/payloads.json"))
page = open(f"{work}/page-no-csp.html").read()
page = page.replace("</body>", payloads["key"] + payloads["enum"] + "</body>")
open(f"{work}/control.html", "w").write(page)
PY

dump() {
    # Virtual time lets pending work (image errors, onload) run before the dump.
    timeout 60 chromium --headless --no-sandbox --disable-gpu --disable-quic \
        --no-first-run --disable-background-networking --disable-component-update \
        --disable-sync --user-data-dir="$profile" --virtual-time-budget=3000 \
        --dump-dom "file://$1" 2>/dev/null
}

check() {
    python3 - "$work/payloads.json" "$1" <<'PY'
import json, sys
from html.parser import HTMLParser

payloads = json.load(open(sys.argv[1]))
dom = open(sys.argv[2]).read()

# Every element and attribute the HTML printer writes itself.
ELEMENTS = {"html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "p",
            "table", "tbody", "tr", "th", "td", "a", "span", "code", "br", "small"}
ATTRIBUTES = {"lang", "charset", "http-equiv", "content", "href", "id", "class", "title"}

class Dom(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems, self.text, self.title, self.stack = [], [], "", []
    def handle_starttag(self, tag, attrs):
        self.stack.append(tag)
        if tag not in ELEMENTS:
            self.problems.append(f"injected element <{tag}> {attrs}")
        for name, _ in attrs:
            if name not in ATTRIBUTES or name.startswith("on"):
                self.problems.append(f"injected attribute {name}= on <{tag}>")
    def handle_endtag(self, tag):
        if self.stack and self.stack[-1] == tag:
            self.stack.pop()
    def handle_data(self, data):
        if self.stack and self.stack[-1] == "title":
            self.title += data
        self.text.append(data)

p = Dom()
p.feed(dom)
text = "".join(p.text)
if p.title != "article7 validation report":
    p.problems.append(f"a script ran: the title is now {p.title!r}")
for name, payload in payloads.items():
    shown = payload[:-len(".json")] if name == "file" else payload
    if shown not in text:
        p.problems.append(f"payload {name!r} is not shown as text: {shown!r}")
print(f"   {len(dom)} bytes of DOM, title {p.title!r}, "
      f"{len(payloads) - sum('not shown' in x for x in p.problems)}/{len(payloads)} payloads shown as text")
for x in p.problems:
    print("   - " + x)
sys.exit(1 if p.problems else 0)
PY
}

failed=0
for page in page.html page-no-csp.html; do
    echo "== loading $page in headless chromium"
    dump "$work/$page" >"$work/$page.dom"
    if [ ! -s "$work/$page.dom" ]; then
        echo "!! chromium dumped nothing for $page" >&2
        exit 1
    fi
    if check "$work/$page.dom"; then
        echo "   ok: every payload is text, nothing was injected or ran"
    else
        echo "!! $page: markup from the report reached the DOM" >&2
        failed=1
    fi
done

echo "== control: a page with a payload left unescaped must fail"
dump "$work/control.html" >"$work/control.dom"
if check "$work/control.dom"; then
    echo "!! the check did not notice an unescaped payload: it proves nothing" >&2
    exit 1
fi
echo "   ok: the check catches it"

if [ "$failed" -ne 0 ]; then
    exit 1
fi
echo "== HTML escaping holds in a real browser"
