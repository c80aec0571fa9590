#!/usr/bin/env bash
# Regenerates the workbooks filled in and saved by LibreOffice Calc
# (fixtures/ingest/xlsx/libreoffice-*.xlsx) that tests/ingest_xlsx.rs reads.
# Needs LibreOffice Calc and Debian's python3-uno:
#   apt-get install -y libreoffice-calc python3-uno
# The tests do not need LibreOffice: the workbooks are committed.
set -euo pipefail
cd "$(dirname "$0")/.."
out=fixtures/ingest/xlsx
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cargo run --quiet -- template --format xlsx -o "$tmp/en.xlsx"
cargo run --quiet -- template --format xlsx --lang fr -o "$tmp/fr.xlsx"
cargo run --quiet -- template --format xlsx --lang es -o "$tmp/es.xlsx"
fill() { /usr/bin/python3 tools/fill_template_libreoffice.py "$@"; }

# A complete report typed in an English Calc, dates typed 2020-04-29.
fill "$tmp/en.xlsx" fixtures/valid/sri-lanka-2019.json "$out/libreoffice-sri-lanka-2019.xlsx"

# The French template in a French Calc, dates typed 27/04/2017.
fill "$tmp/fr.xlsx" fixtures/valid/mozambique-2016.json "$out/libreoffice-mozambique-2016-fr.xlsx" \
  --locale fr-FR --dates locale

# The French and Spanish templates (sheets, labels and drop-downs in their
# language) typed as officials type: codes picked by their label (fourni,
# presentado), booleans oui/sí, dates 30/04/2020, thousands grouped (1 234
# in French, 1.234 in Spanish).
fill "$tmp/fr.xlsx" fixtures/valid/mozambique-2016.json "$out/libreoffice-mozambique-2016-fr-typed.xlsx" \
  --locale fr-FR --dates locale --group-thousands
fill "$tmp/es.xlsx" fixtures/valid/sri-lanka-2019.json "$out/libreoffice-sri-lanka-2019-es-typed.xlsx" \
  --locale es-ES --dates locale --group-thousands

# The English one again, then edited as people do (see the test
# libreoffice_hand_edits_draw_clear_findings for what each edit gives).
fill "$tmp/en.xlsx" fixtures/valid/sri-lanka-2019.json "$out/libreoffice-hand-edits.xlsx" \
  --type 'Report!B9=29/04/2020' \
  --type "B!B7==SUM(\$'B.stockpile'.B3:B6)" \
  --type "D.retained!C3='9104" \
  --type 'D.retained!C4=6 420' \
  --type 'D.retained!C5=3,275' \
  --delete-row 'C.areas:5' \
  --merge 'C.areas.mines!A3:A4' \
  --hide-sheet Instructions --hide-sheet C.areas.mines
