#!/usr/bin/env bash
# Regenerates docs/annotate-list-fr.png and docs/annotate-comment-fr.png:
# a French workbook with three mistakes, annotated with its comments shown,
# converted to PDF by LibreOffice (one page per sheet) and cut to size.
# Needs LibreOffice Calc and poppler-utils (pdftoppm, pdftotext):
#   apt-get install -y libreoffice-calc poppler-utils
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Sri Lanka 2019 with a wrong stockpile total, a wrong count of areas and
# an e-mail address that is not one.
/usr/bin/python3 - "$tmp/report.json" <<'PY'
import json, sys
d = json.load(open("fixtures/valid/sri-lanka-2019.json"))
d["forms"]["B"]["total"] = 57866
d["forms"]["C"]["totals"]["areas"] += 1
d["contact"]["email"] = "dmt.mod.gov.lk"
json.dump(d, open(sys.argv[1], "w"), ensure_ascii=False)
PY
cargo run --quiet -- convert "$tmp/report.json" -o "$tmp/rapport.xlsx" --lang fr
cargo run --quiet -- annotate "$tmp/rapport.xlsx" -o "$tmp/rapport.checked.xlsx" --lang fr --show-comments || true
soffice "-env:UserInstallation=file://$tmp/profile" --headless \
  --convert-to 'pdf:calc_pdf_Export:{"SinglePageSheets":{"type":"boolean","value":"true"}}' \
  --outdir "$tmp" "$tmp/rapport.checked.xlsx" >/dev/null
pdf="$tmp/rapport.checked.pdf"
# Page 1 is the findings sheet; the first page with a comment shown is the
# report sheet.
pdftoppm -f 1 -l 1 -r 110 -png -singlefile -x 0 -y 0 -W 1900 -H 360 "$pdf" docs/annotate-list-fr
pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
for p in $(seq 2 "$pages"); do
  if pdftotext -f "$p" -l "$p" "$pdf" - | grep -q '^article7:'; then
    pdftoppm -f "$p" -l "$p" -r 110 -png -singlefile -x 0 -y 0 -W 2000 -H 420 "$pdf" docs/annotate-comment-fr
    break
  fi
done
ls -l docs/annotate-*.png
