#!/usr/bin/python3
"""Fill in an article7 Excel template with LibreOffice Calc, as a person would.

Why this exists: `article7 template --format xlsx` writes a workbook meant to
be filled in by hand in a spreadsheet program and saved by it. This script
drives a real LibreOffice Calc (headless, through UNO) to do exactly that
with the content of a JSON report, so the reader is tested on what Calc
writes, not on what our own writer writes:

* every value is *typed* into its cell through Calc's input line
  (`.uno:EnterString`, the path a keystroke + Enter takes), so Calc parses it
  the way it parses a person's typing: `2019-04-30` becomes a date cell,
  `TRUE` a boolean, `8412530` a number, `9,6118` a number in a French locale;
* enumerated fields and booleans are *chosen from the cell's drop-down*: the
  script reads the list the template attached to the cell, checks the value
  is offered there, and enters it;
* table rows are typed one after the other below the label row; in the first
  table with three rows or more, the second row is typed last, into a row
  inserted in the middle (Sheet > Insert Rows);
* a key the template does not show (`extensions`) is typed into a new row at
  the bottom of its sheet, as the instructions say;
* the workbook is saved as .xlsx with Calc's own writer
  ("Calc MS Excel 2007 XML").

Then extra edits, to see what the validator says about them:
  --type 'SHEET!CELL=TEXT'   type TEXT into a cell after filling (repeatable)
  --delete-row 'SHEET:N'     delete row N (1-based) of a sheet (repeatable)
  --hide-sheet SHEET         hide a sheet (Sheet > Hide Sheet) (repeatable)
  --merge 'SHEET!A3:A4'      merge cells, keeping the first one's content
                             (Format > Merge Cells) (repeatable)

Usage (Debian's /usr/bin/python3 with python3-uno; soffice on the PATH):
  article7 template --format xlsx -o template.xlsx [--lang fr]
  /usr/bin/python3 tools/fill_template_libreoffice.py template.xlsx \\
      fixtures/valid/sri-lanka-2019.json filled.xlsx [--locale fr-FR] \\
      [--dates locale]

  --locale    the locale Calc parses input in (Tools > Options > Language
              Settings > Languages > Locale setting); default en-US
  --dates     iso (default): type dates as 2019-04-30; locale: type them as a
              person of --locale would (30/04/2019 in fr-FR, 04/30/2019 in
              en-US)
  --group-thousands
              type whole numbers of 1000 or more with their thousands
              grouped as a person of --locale writes them (1 234 in fr-FR,
              1.234 in es-ES, 1,234 in en-US)

Templates from 1.1 on name their sheets in their language (Rapport,
C.zonas), put the label in column A and the key in column C of key/value
sheets, the labels in row 1 and the keys in row 2 of tables, and offer the
labels of codes in their drop-down lists ("fourni"): the script finds each
sheet by the layout's name listed on the Instructions sheet, each field by
its key, and picks a code by its label (read from i18n/<lang>.ftl, the
labels the tool itself writes). Older templates (keys in column A and row 1,
codes in the drop-downs) are filled as before.

The committed workbooks fixtures/ingest/xlsx/libreoffice-*.xlsx are made by
tools/make_libreoffice_fixtures.sh, which runs this script.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException

MAX_SHEET_NAME = 31
DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


# ------------------------------------------------------------ LibreOffice


class Office:
    """A private soffice process (its own profile, its own pipe)."""

    def __init__(self, locale):
        self.profile = tempfile.mkdtemp(prefix="article7-lo-")
        user = Path(self.profile) / "user"
        user.mkdir()
        # The locale Calc parses input in, and no autocorrection of what is
        # typed (EnterString does not autocorrect anyway).
        (user / "registrymodifications.xcu").write_text(
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
            'xmlns:xs="http://www.w3.org/2001/XMLSchema" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
            '<item oor:path="/org.openoffice.Setup/L10N">'
            '<prop oor:name="ooSetupSystemLocale" oor:op="fuse">'
            f"<value>{locale}</value></prop></item>\n"
            '<item oor:path="/org.openoffice.Office.Linguistic/General">'
            '<prop oor:name="DefaultLocale" oor:op="fuse">'
            f"<value>{locale}</value></prop></item>\n"
            "</oor:items>\n"
        )
        self.pipe = f"article7_fill_{os.getpid()}"
        self.proc = subprocess.Popen(
            [
                "soffice",
                f"-env:UserInstallation=file://{self.profile}",
                "--headless",
                "--invisible",
                "--norestore",
                "--nologo",
                "--nodefault",
                f"--accept=pipe,name={self.pipe};urp;",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local
        )
        for _ in range(120):
            try:
                self.ctx = resolver.resolve(
                    f"uno:pipe,name={self.pipe};urp;StarOffice.ComponentContext"
                )
                break
            except NoConnectException:
                time.sleep(0.5)
        else:
            self.close()
            sys.exit("soffice did not start")
        smgr = self.ctx.ServiceManager
        self.desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", self.ctx)
        self.dispatcher = smgr.createInstanceWithContext(
            "com.sun.star.frame.DispatchHelper", self.ctx
        )

    def version(self):
        provider = self.ctx.ServiceManager.createInstanceWithContext(
            "com.sun.star.configuration.ConfigurationProvider", self.ctx
        )
        access = provider.createInstanceWithArguments(
            "com.sun.star.configuration.ConfigurationAccess",
            (prop("nodepath", "/org.openoffice.Setup/Product"),),
        )
        return f"{access.ooName} {access.ooSetupVersionAboutBox}"

    def close(self):
        try:
            self.desktop.terminate()
        except Exception:
            pass
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        shutil.rmtree(self.profile, ignore_errors=True)


class Book:
    """A workbook open in Calc, with a view to type into."""

    def __init__(self, office, path):
        self.office = office
        self.doc = office.desktop.loadComponentFromURL(
            uno.systemPathToFileUrl(str(Path(path).resolve())), "_blank", 0, (prop("Hidden", False),)
        )
        self.controller = self.doc.getCurrentController()
        self.frame = self.controller.getFrame()
        self.typed = 0
        # Layout name -> sheet name, from the Instructions sheet's table of
        # contents (third column, templates from 1.1 on).
        self.names = {}
        self.lang = None
        for name in ("Instructions", "Instrucciones"):
            if self.doc.Sheets.hasByName(name):
                toc = self.doc.Sheets.getByName(name)
                for row in range(0, used_rows(toc) + 1):
                    shown = toc.getCellByPosition(0, row).getString().strip()
                    layout = toc.getCellByPosition(2, row).getString().strip()
                    if shown and layout and self.doc.Sheets.hasByName(shown):
                        self.names[layout] = shown
        if self.names:
            report = self.names.get("Report", "Report")
            self.lang = {"Rapport": "fr", "Informe": "es"}.get(report, "en")

    def sheet(self, name):
        name = self.names.get(name, name)
        return self.doc.Sheets.getByName(name) if self.doc.Sheets.hasByName(name) else None

    def type(self, sheet, row, col, text):
        """Types `text` into the cell at (row, col) (0-based) and presses Enter."""
        self.controller.setActiveSheet(sheet)
        self.controller.select(sheet.getCellByPosition(col, row))
        self.office.dispatcher.executeDispatch(
            self.frame, ".uno:EnterString", "", 0, (prop("StringName", text),)
        )
        self.typed += 1

    def choose(self, sheet, row, col, text):
        """Picks `text` from the cell's drop-down list (it must be offered)."""
        cell = sheet.getCellByPosition(col, row)
        validation = cell.Validation
        from com.sun.star.sheet.ValidationType import LIST

        if validation.Type != LIST:
            raise SystemExit(
                f"{sheet.Name}!{cell.AbsoluteName}: expected a drop-down list for {text!r}"
            )
        offered = [s.strip('"') for s in validation.getFormula1().split(";")]
        if text not in offered:
            raise SystemExit(f"{sheet.Name}: {text!r} is not in the drop-down {offered}")
        self.type(sheet, row, col, text)

    def save(self, path):
        self.doc.storeToURL(
            uno.systemPathToFileUrl(str(Path(path).resolve())),
            (prop("FilterName", "Calc MS Excel 2007 XML"), prop("Overwrite", True)),
        )

    def close(self):
        self.doc.close(True)


# ----------------------------------------------------------------- values


def sheet_name(keys):
    """The sheet of the object or list at `keys` (docs/excel-layout.md)."""
    keys = list(keys)
    if keys and keys[0] == "forms":
        keys = keys[1:]
    if not keys:
        return "Report"
    while len(keys) > 2 and len(".".join(keys)) > MAX_SHEET_NAME:
        del keys[1]
    return ".".join(keys)


def code_labels(lang):
    """code -> label in `lang`, from the tool's own messages (`code-*`)."""
    path = Path(__file__).resolve().parent.parent / "i18n" / f"{lang}.ftl"
    labels = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^code-([A-Za-z_]+) = (.+)$", line)
        if m:
            labels[m.group(1)] = m.group(2).strip()
    return labels


class Typist:
    def __init__(self, book, locale, dates, group_thousands=False):
        self.book = book
        self.group_thousands = group_thousands
        self.group = {"fr": "\u00a0", "es": "."}.get(locale.split("-")[0], ",")
        # The language of the template's drop-downs (fourni, presentado…).
        self.labels = code_labels(book.lang) if book.lang else {}
        self.decimal = "," if locale.split("-")[0] in ("fr", "es", "de", "pt", "it") else "."
        self.locale = locale
        self.dates = dates
        self.inserted_a_row = False

    def text_of(self, value):
        """What a person types for a scalar value."""
        if isinstance(value, bool):
            if self.labels:
                return self.labels["true" if value else "false"]
            return "TRUE" if value else "FALSE"
        if isinstance(value, int):
            if self.group_thousands and abs(value) >= 1000:
                return f"{value:,}".replace(",", self.group)
            return str(value)
        if isinstance(value, float):
            return repr(value).replace(".", self.decimal)
        if isinstance(value, str):
            m = DATE.match(value)
            if m and self.dates == "locale":
                y, mo, d = m.groups()
                return f"{mo}/{d}/{y}" if self.locale == "en-US" else f"{d}/{mo}/{y}"
            return value
        if isinstance(value, list):
            return list_text(value)
        return json.dumps(value, ensure_ascii=False)

    def enter(self, sheet, row, col, value):
        text = self.text_of(value)
        cell = sheet.getCellByPosition(col, row)
        from com.sun.star.sheet.ValidationType import LIST

        if cell.Validation.Type == LIST:
            if isinstance(value, str) and value in self.labels:
                text = self.labels[value]
            self.book.choose(sheet, row, col, text)
        else:
            self.book.type(sheet, row, col, text)

    # ---------------------------------------------------- key/value sheets

    def fill_object(self, path, obj):
        sheet = self.book.sheet(sheet_name(path))
        if sheet is None:
            raise SystemExit(f"the template has no sheet {sheet_name(path)!r}")
        rows = key_rows(sheet)
        self.fill_members(sheet, rows, path, [], obj)

    def fill_members(self, sheet, rows, path, prefix, obj):
        for key, value in obj.items():
            dotted = prefix + [key]
            full = path + [key]
            if key == "forms" and not path:
                for form, content in value.items():
                    self.fill_object(["forms", form], content)
                continue
            if isinstance(value, dict) and key != "extensions":
                if not prefix and self.book.sheet(sheet_name(full)) is not None and full != path:
                    if value:
                        self.fill_object(full, value)
                    else:
                        self.key_value(sheet, rows, ".".join(dotted), "{}")
                    continue
                if value:
                    self.fill_members(sheet, rows, path, dotted, value)
                else:
                    self.key_value(sheet, rows, ".".join(dotted), "{}")
                continue
            if isinstance(value, list) and (not value or all(isinstance(v, dict) for v in value)):
                table = self.book.sheet(sheet_name(full))
                if table is not None:
                    if value:
                        self.fill_table(full, value)
                    else:
                        self.key_value(sheet, rows, ".".join(dotted), "[]")
                    continue
            self.key_value(sheet, rows, ".".join(dotted), value)

    def key_value(self, sheet, rows, key, value):
        row = rows.get(key)
        if row is None:
            # A key the template does not show: a new row at the bottom.
            row = last_row(sheet) + 1
            self.book.type(sheet, row, 0, key)
            rows[key] = row
        if isinstance(value, str) and value in ("{}", "[]"):
            self.book.type(sheet, row, 1, value)
        else:
            self.enter(sheet, row, 1, value)

    # -------------------------------------------------------- table sheets

    def fill_table(self, path, items, parent_key=None):
        sheet = self.book.sheet(sheet_name(path))
        headers = header_columns(sheet)
        first_header = next((h for h, c in headers.items() if c == 0), "")
        parent_column = first_header if parent_key is not None else None
        order = list(range(len(items)))
        insert_later = None
        if len(items) >= 3 and not self.inserted_a_row and parent_key is None:
            insert_later = order.pop(1)
            self.inserted_a_row = True
        placed = {}
        for i in order:
            row = last_row(sheet) + 1
            placed[i] = row
            self.fill_item(sheet, headers, path, row, items[i], parent_column, parent_key)
        if insert_later is not None:
            # Insert a row above the third item and type the second one there.
            row = placed[insert_later + 1]
            sheet.Rows.insertByIndex(row, 1)
            self.fill_item(sheet, headers, path, row, items[insert_later], parent_column, parent_key)

    def fill_item(self, sheet, headers, path, row, item, parent_column, parent_key):
        if parent_column is not None:
            self.book.type(sheet, row, headers[parent_column], parent_key)
        nested = []
        for key, value in flatten(item):
            top = key.split(".")[0]
            if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
                nested.append((path + [top], value))
                continue
            col = headers.get(key)
            if col is None:
                # An optional column the template does not show: add it.
                col = max(headers.values()) + 1
                self.book.type(sheet, 0, col, key)
                headers[key] = col
            if isinstance(value, dict) and not value:
                self.book.type(sheet, row, col, "{}")
            elif isinstance(value, list) and not value:
                self.book.type(sheet, row, col, "[]")
            else:
                self.enter(sheet, row, col, value)
        for child_path, child_items in nested:
            self.fill_table(child_path, child_items, parent_key=str(item.get("id", "")))


def flatten(item, prefix=""):
    """(dotted key, value) of a table item; inline objects become dotted."""
    out = []
    for key, value in item.items():
        dotted = f"{prefix}{key}"
        if isinstance(value, dict) and value and key != "extensions":
            out.extend(flatten(value, dotted + "."))
        else:
            out.append((dotted, value))
    return out


def list_text(items):
    """A list in one cell as a person types it (docs/excel-layout.md)."""
    if items and all(isinstance(i, str) for i in items):
        if not any(";" in i or "\n" in i for i in items):
            return "; ".join(items)
        if not any("\n" in i for i in items) and len(items) > 1:
            return "\n".join(items)
    return json.dumps(items, ensure_ascii=False)


def used_rows(sheet):
    cursor = sheet.createCursor()
    cursor.gotoEndOfUsedArea(False)
    return cursor.RangeAddress.EndRow


def last_row(sheet):
    """The last row (0-based) holding something in its first columns."""
    end = used_rows(sheet)
    cols = min(sheet.createCursor().RangeAddress.EndColumn, 40)
    for row in range(end, -1, -1):
        for col in range(0, max(cols, 1) + 1):
            if sheet.getCellByPosition(col, row).getString():
                return row
    return -1


KEY = re.compile(r"^[a-z][a-z0-9_.]*$")


def key_rows(sheet):
    """key -> row: the key is in column C from 1.1 on, in column A before."""
    rows = {}
    for row in range(0, used_rows(sheet) + 1):
        for col in (2, 0):
            key = sheet.getCellByPosition(col, row).getString().strip()
            if KEY.match(key):
                rows.setdefault(key, row)
                break
    return rows


def header_columns(sheet):
    """key -> column: the keys are in row 2 from 1.1 on, in row 1 before."""
    cursor = sheet.createCursor()
    cursor.gotoEndOfUsedArea(False)
    end = cursor.RangeAddress.EndColumn
    second = [sheet.getCellByPosition(c, 1).getString().strip() for c in range(end + 1)]
    key_row = 1 if any(second) and all(KEY.match(k) for k in second if k) else 0
    cols = {}
    for col in range(0, end + 1):
        key = sheet.getCellByPosition(col, key_row).getString().strip()
        if key:
            cols[key] = col
    return cols


def cell_position(ref):
    m = re.match(r"^([A-Z]+)(\d+)$", ref)
    if not m:
        raise SystemExit(f"not a cell: {ref}")
    col = 0
    for ch in m.group(1):
        col = col * 26 + (ord(ch) - 64)
    return int(m.group(2)) - 1, col - 1


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("template")
    ap.add_argument("report")
    ap.add_argument("output")
    ap.add_argument("--locale", default="en-US")
    ap.add_argument("--dates", choices=["iso", "locale"], default="iso")
    ap.add_argument("--group-thousands", action="store_true")
    ap.add_argument("--type", action="append", default=[], metavar="SHEET!CELL=TEXT")
    ap.add_argument("--delete-row", action="append", default=[], metavar="SHEET:N")
    ap.add_argument("--hide-sheet", action="append", default=[], metavar="SHEET")
    ap.add_argument("--merge", action="append", default=[], metavar="SHEET!RANGE")
    args = ap.parse_args()

    report = json.loads(Path(args.report).read_text(encoding="utf-8"))
    office = Office(args.locale)
    try:
        print(f"{office.version()}, locale {args.locale}", file=sys.stderr)
        book = Book(office, args.template)
        typist = Typist(book, args.locale, args.dates, args.group_thousands)
        # format_version and treaty are already in the template.
        typist.fill_object([], {k: v for k, v in report.items() if k not in ("format_version", "treaty")})
        for edit in args.type:
            where, text = edit.split("=", 1)
            name, ref = where.rsplit("!", 1)
            row, col = cell_position(ref)
            book.type(book.sheet(name), row, col, text)
        for edit in args.delete_row:
            name, n = edit.rsplit(":", 1)
            book.sheet(name).Rows.removeByIndex(int(n) - 1, 1)
        for edit in args.merge:
            name, ref = edit.rsplit("!", 1)
            cells = book.sheet(name).getCellRangeByName(ref)
            # Only the first cell's content is kept (as when a person answers
            # "empty the hidden cells").
            for r in range(cells.Rows.Count):
                for c in range(cells.Columns.Count):
                    if (r, c) != (0, 0):
                        cells.getCellByPosition(c, r).setString("")
            cells.merge(True)
        for name in args.hide_sheet:
            book.sheet(name).IsVisible = False
        book.save(args.output)
        print(f"{book.typed} cells typed; saved {args.output}", file=sys.stderr)
        book.close()
    finally:
        office.close()


if __name__ == "__main__":
    main()
