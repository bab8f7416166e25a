//! Text helpers that follow Swedish conventions.

/// A key that sorts Swedish words the Swedish way: å, ä and ö after z,
/// case ignored ("Uppsala" < "Älvkarleby" < "Östhammar").
pub fn sort_key(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'å' => '\u{10FFF0}',
            'ä' | 'æ' => '\u{10FFF1}',
            'ö' | 'ø' => '\u{10FFF2}',
            'é' | 'è' => 'e',
            'ü' => 'y',
            other => other,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swedish_letters_sort_last_in_their_order() {
        let mut names = vec!["Östhammar", "Älvkarleby", "Uppsala", "Åre", "enköping"];
        names.sort_by_key(|n| sort_key(n));
        assert_eq!(names, ["enköping", "Uppsala", "Åre", "Älvkarleby", "Östhammar"]);
    }
}
