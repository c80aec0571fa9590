//! Helpers every reader uses to word its findings, so that the same mistake
//! reads the same whatever the format.

use crate::i18n::MessageKey;

/// A message of the catalogue (`i18n/*.ftl`), as a message argument.
pub fn msg(id: &'static str) -> MessageKey {
    MessageKey::new(id)
}

/// Cuts very long text quoted in a message, saying how long it was.
pub fn shorten(s: &str) -> String {
    const MAX: usize = 80;
    let count = s.chars().count();
    if count <= MAX {
        return s.to_owned();
    }
    let head: String = s.chars().take(MAX).collect();
    format!("{head}… ({count} characters)")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_text_is_cut_with_its_length() {
        assert_eq!(shorten("short"), "short");
        let long = "é".repeat(100);
        assert_eq!(
            shorten(&long),
            format!("{}… (100 characters)", "é".repeat(80))
        );
    }
}
