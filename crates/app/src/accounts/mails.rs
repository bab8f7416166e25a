//! The e-mails about accounts. Mails are written in Swedish, the language of
//! the product: the recipient's own choice of language is not known.

use crate::Ctx;

fn link(ctx: &Ctx, path: &str) -> String {
    format!("{}{path}", ctx.app.config().public_url.trim_end_matches('/'))
}

const FOOTER: &str = "Det här är ett automatiskt meddelande från samverka och går inte att svara på.";

/// Subject and body of the mail to someone who was given a role; with a link
/// to choose a password when the account is new.
pub(crate) fn access_given(
    ctx: &Ctx,
    _to: &str,
    regions: &[String],
    set_password: Option<&str>,
) -> (String, String) {
    let where_ = regions.join(", ");
    match set_password {
        Some(secret) => (
            "Välkommen till samverka".to_string(),
            format!(
                "Hej!\n\nDu har fått ett konto i samverka, med behörighet i {where_}.\n\n\
                 Välj ditt lösenord här (länken fungerar en gång och i sju dagar):\n{}\n\n{FOOTER}\n",
                link(ctx, &format!("/password/{secret}"))
            ),
        ),
        None => (
            "Ny behörighet i samverka".to_string(),
            format!(
                "Hej!\n\nDitt konto i samverka har fått behörighet i {where_}. Logga in som vanligt:\n{}\n\n{FOOTER}\n",
                link(ctx, "/login")
            ),
        ),
    }
}

/// Subject and body of a mail with a link to choose a new password.
pub(crate) fn password_link(ctx: &Ctx, secret: &str) -> (String, String) {
    (
        "Välj ett nytt lösenord i samverka".to_string(),
        format!(
            "Hej!\n\nNågon som administrerar ditt konto i samverka har skickat dig en länk för att välja ett nytt \
             lösenord. Länken fungerar en gång och i sju dagar:\n{}\n\n\
             Om du inte väntade dig det här kan du bortse från meddelandet; ditt lösenord är oförändrat.\n\n{FOOTER}\n",
            link(ctx, &format!("/password/{secret}"))
        ),
    )
}
