//! The mail the application queues (notices, password links) and the
//! `.eml` files the sender writes.

use base64::Engine;
use samverka_store::platform::mail::{self, Queued};

use super::TestApp;

impl TestApp {
    /// Every mail queued so far, sent or not, oldest first.
    pub async fn queued_mail(&self) -> Vec<Queued> {
        mail::all(&mut *self.conn().await).await.unwrap()
    }

    /// The path of the newest one-time password link mailed to an address
    /// (`/password/...`), if one was mailed.
    pub async fn password_link(&self, email: &str) -> Option<String> {
        let base = format!("{}/password/", self.base);
        self.queued_mail()
            .await
            .into_iter()
            .rev()
            .filter(|q| q.mail.to.eq_ignore_ascii_case(email))
            .find_map(|q| {
                let at = q.mail.body.find(&base)?;
                let link = &q.mail.body[at + self.base.len()..];
                Some(link[..link.find(char::is_whitespace).unwrap_or(link.len())].to_string())
            })
    }

    /// Chooses a password through the link mailed to an address, as its
    /// owner does; asserts it worked.
    pub async fn choose_password(&self, email: &str, password: &str) {
        let link = self
            .password_link(email)
            .await
            .unwrap_or_else(|| panic!("no password link mailed to {email} on {}", self.backend()));
        let client = self.client();
        let csrf = self.csrf(&client, &link).await;
        let r = self
            .post_fields(&client, &link, &[("csrf", csrf.as_str()), ("password", password)])
            .await;
        assert_eq!(
            (r.status, r.location.as_deref()),
            (303, Some("/login")),
            "{}: choosing a password for {email}: {}",
            self.backend(),
            super::page_text(&r.body)
        );
    }
}

/// The decoded `Subject:` of a raw e-mail (RFC 2047 encoded words, folded lines).
pub fn subject_of(eml: &str) -> String {
    let mut lines = eml.lines();
    let mut raw = String::new();
    for line in lines.by_ref() {
        if let Some(v) = line.strip_prefix("Subject: ") {
            raw.push_str(v);
            break;
        }
    }
    for line in lines {
        if line.starts_with([' ', '\t']) {
            raw.push_str(line);
        } else {
            break;
        }
    }
    let mut out = String::new();
    let mut last_encoded = false;
    for (i, word) in raw.split_whitespace().enumerate() {
        let decoded = word
            .strip_prefix("=?utf-8?b?")
            .or_else(|| word.strip_prefix("=?UTF-8?B?"))
            .and_then(|w| w.strip_suffix("?="))
            .map(|b| {
                String::from_utf8(base64::engine::general_purpose::STANDARD.decode(b).unwrap()).unwrap()
            });
        match decoded {
            Some(d) => {
                if i > 0 && !last_encoded {
                    out.push(' ');
                }
                out.push_str(&d);
                last_encoded = true;
            }
            None => {
                if i > 0 {
                    out.push(' ');
                }
                out.push_str(word);
                last_encoded = false;
            }
        }
    }
    out
}

/// The decoded text body of a raw single-part e-mail (7bit, quoted-printable
/// or base64, as the sender chose).
pub fn body_of(eml: &str) -> String {
    let eml = eml.replace("\r\n", "\n");
    let (head, body) = eml.split_once("\n\n").unwrap_or((&eml, ""));
    let encoding = head
        .lines()
        .find_map(|l| l.strip_prefix("Content-Transfer-Encoding: "))
        .unwrap_or("7bit")
        .trim()
        .to_ascii_lowercase();
    match encoding.as_str() {
        "base64" => {
            let joined: String = body.split_whitespace().collect();
            String::from_utf8(base64::engine::general_purpose::STANDARD.decode(joined).unwrap()).unwrap()
        }
        "quoted-printable" => {
            let mut bytes = Vec::new();
            let unfolded = body.replace("=\n", "");
            let mut rest = unfolded.as_bytes();
            while let Some((&c, tail)) = rest.split_first() {
                if c == b'=' && tail.len() >= 2 {
                    let hex = std::str::from_utf8(&tail[..2]).unwrap();
                    bytes.push(u8::from_str_radix(hex, 16).unwrap());
                    rest = &tail[2..];
                } else {
                    bytes.push(c);
                    rest = tail;
                }
            }
            String::from_utf8(bytes).unwrap()
        }
        _ => body.to_string(),
    }
}
