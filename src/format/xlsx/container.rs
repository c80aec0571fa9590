//! The workbook archive, checked before calamine sees it: size, entries,
//! ZIP bombs, encryption, and the CRC of every part.

use super::findings::{big, bomb, encrypted, msg, syntax};
use super::{
    MAX_ENTRIES, MAX_ENTRY_BYTES, MAX_RATIO, MAX_TOTAL_BYTES, MAX_WORKBOOK_BYTES, RATIO_FLOOR,
};
use crate::diagnostics::Diagnostic;
use std::io::Cursor;

// Called once per workbook: the size of the error does not matter.
#[allow(clippy::result_large_err)]
pub(super) fn check_container(bytes: &[u8]) -> Result<(), Diagnostic> {
    const OLE: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    if bytes.starts_with(OLE) {
        if contains_utf16(bytes, "EncryptedPackage") {
            return Err(encrypted());
        }
        return Err(crate::format::syntax(
            msg("xlsx-legacy"),
            None,
            msg("xlsx-help-legacy"),
        ));
    }
    if bytes.len() > MAX_WORKBOOK_BYTES {
        return Err(syntax(
            msg("xlsx-too-large")
                .arg("size", bytes.len())
                .arg("limit", MAX_WORKBOOK_BYTES),
        ));
    }
    if !bytes.starts_with(b"PK") {
        return Err(syntax(msg("xlsx-not-zip")));
    }
    let headers = count(bytes, b"PK\x01\x02");
    if headers > MAX_ENTRIES {
        return Err(bomb(
            msg("xlsx-about-entries")
                .arg("count", headers)
                .arg("limit", MAX_ENTRIES),
        ));
    }
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| syntax(msg("xlsx-damaged-zip").arg("reason", e.to_string())))?;
    if archive.len() > MAX_ENTRIES {
        return Err(bomb(
            msg("xlsx-entries")
                .arg("count", archive.len())
                .arg("limit", MAX_ENTRIES),
        ));
    }
    let mut total: u64 = 0;
    for i in 0..archive.len() {
        let entry = archive.by_index_data(i).map_err(|e| {
            syntax(
                msg("xlsx-damaged-entry")
                    .arg("entry", i)
                    .arg("reason", e.to_string()),
            )
        })?;
        let size = entry.size();
        let packed = entry.compressed_size().max(1);
        let name = entry.name().map(|n| n.into_owned()).unwrap_or_default();
        if size > MAX_ENTRY_BYTES || (size > RATIO_FLOOR && size / packed > MAX_RATIO) {
            return Err(bomb(
                msg("xlsx-entry-inflates")
                    .arg("entry", name)
                    .arg("packed", big(packed))
                    .arg("size", big(size)),
            ));
        }
        total = total.saturating_add(size);
        if total > MAX_TOTAL_BYTES {
            return Err(bomb(
                msg("xlsx-total-inflates").arg("limit", big(MAX_TOTAL_BYTES)),
            ));
        }
    }
    verify_entries(&mut archive)
}

/// Reads every entry to its end, so that the `zip` crate compares it with
/// its CRC: calamine's XML parser stops reading at the closing tag, so a
/// part changed after packing would otherwise be read as if it were sound.
/// The sizes are checked first, so this inflates at most what they allow.
#[allow(clippy::result_large_err)]
pub(super) fn verify_entries(
    archive: &mut zip::ZipArchive<Cursor<&[u8]>>,
) -> Result<(), Diagnostic> {
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).map_err(|e| {
            syntax(
                msg("xlsx-damaged-entry")
                    .arg("entry", i)
                    .arg("reason", e.to_string()),
            )
        })?;
        let name = entry
            .name()
            .map_or_else(|_| i.to_string(), |n| n.into_owned());
        std::io::copy(&mut entry, &mut std::io::sink()).map_err(|e| {
            syntax(
                msg("xlsx-damaged-part")
                    .arg("entry", name)
                    .arg("reason", e.to_string()),
            )
        })?;
    }
    Ok(())
}

pub(super) fn count(haystack: &[u8], needle: &[u8]) -> usize {
    haystack
        .windows(needle.len())
        .filter(|w| *w == needle)
        .count()
}

pub(super) fn contains_utf16(bytes: &[u8], text: &str) -> bool {
    let needle: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    bytes.windows(needle.len()).any(|w| w == needle.as_slice())
}
