#![no_main]
//! Any bytes, read as an Excel report and validated.
//!
//! Structure-aware: byte mutations of a compressed archive almost never
//! reach the sheets (the ZIP's checksums fail first), so the custom mutator
//! unpacks a workbook, mutates one entry's XML (or drops, copies or renames
//! an entry), and packs it again with valid checksums. One mutation in five
//! is still a plain byte mutation of the whole file, for the container
//! checks. Corpus entries and crash artifacts stay real `.xlsx` files.

mod common;

use libfuzzer_sys::{fuzz_mutator, fuzz_target, fuzzer_mutate};
use std::io::{Cursor, Read, Write};

fuzz_target!(|data: &[u8]| common::check(article7::Format::Xlsx, data));

fuzz_mutator!(|data: &mut [u8], size: usize, max_size: usize, seed: u32| {
    let mut rng = Rng(u64::from(seed) | 1 << 32);
    if rng.below(5) == 0 {
        return fuzzer_mutate(data, size, max_size);
    }
    match unpack(&data[..size]) {
        Some(mut entries) if !entries.is_empty() => {
            mutate_entries(&mut entries, &mut rng, max_size);
            match pack(&entries) {
                Some(packed) if packed.len() <= max_size => {
                    data[..packed.len()].copy_from_slice(&packed);
                    packed.len()
                }
                _ => fuzzer_mutate(data, size, max_size),
            }
        }
        _ => fuzzer_mutate(data, size, max_size),
    }
});

/// Largest entry unpacked by the mutator, and all entries together.
const ENTRY_LIMIT: u64 = 4 << 20;
const TOTAL_LIMIT: usize = 16 << 20;

struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) as usize % n.max(1)
    }
}

fn unpack(bytes: &[u8]) -> Option<Vec<(String, Vec<u8>)>> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let mut entries = Vec::new();
    let mut total = 0;
    for i in 0..archive.len() {
        let entry = archive.by_index(i).ok()?;
        let name = entry.name().ok()?.into_owned();
        let mut content = Vec::new();
        entry.take(ENTRY_LIMIT).read_to_end(&mut content).ok()?;
        total += content.len();
        if total > TOTAL_LIMIT {
            return None;
        }
        entries.push((name, content));
    }
    Some(entries)
}

fn pack(entries: &[(String, Vec<u8>)]) -> Option<Vec<u8>> {
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1));
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, content) in entries {
        writer.start_file(name.as_str(), options).ok()?;
        writer.write_all(content).ok()?;
    }
    Some(writer.finish().ok()?.into_inner())
}

fn mutate_entries(entries: &mut Vec<(String, Vec<u8>)>, rng: &mut Rng, max_size: usize) {
    let i = rng.below(entries.len());
    match rng.below(20) {
        // Drop an entry.
        0 if entries.len() > 1 => {
            entries.remove(i);
        }
        // Copy an entry under another entry's name (two parts, one name;
        // or a sheet's XML where the workbook or the strings were).
        1 => {
            let j = rng.below(entries.len());
            let content = entries[i].1.clone();
            if rng.below(2) == 0 {
                entries[j].1 = content;
            } else {
                let name = entries[j].0.clone();
                entries.push((name, content));
            }
        }
        // Rename an entry (mutate its name's bytes).
        2 => {
            let mut name = entries[i].0.clone().into_bytes();
            let len = name.len();
            name.resize(len + 16, 0);
            let n = fuzzer_mutate(&mut name, len, len + 16);
            name.truncate(n);
            entries[i].0 = String::from_utf8_lossy(&name).into_owned();
        }
        // Mutate the content of one entry, most often a sheet's XML.
        _ => {
            let content = &mut entries[i].1;
            let len = content.len();
            let room = (len + 4096).min(len.max(max_size.saturating_mul(8)));
            content.resize(room, 0);
            // Several mutations in one go reach further from the seed.
            let mut n = len;
            for _ in 0..1 + rng.below(4) {
                n = fuzzer_mutate(content, n, room);
            }
            content.truncate(n);
        }
    }
}
