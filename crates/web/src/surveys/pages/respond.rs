//! One page of a survey as a respondent sees it (*enkätsida*): in the
//! respondent's language (also right to left), one block per page, a
//! progress line, and the answers of the other pages carried as hidden
//! fields, so that back and forward keep everything without a cookie or
//! JavaScript. The words around the questions (buttons, errors) come from
//! `locales-respondent/`, which has the languages visitors use; the
//! questions come from the instrument version.

use askama::Template;
use fluent_templates::{LanguageIdentifier, Loader, static_loader};
use samverka_core::surveys::definition::{Definition, Question, QuestionType, is_rtl};
use samverka_core::surveys::response::{Answer, AnswerError, AnswerErrorCode, Answers, to_form};
use samverka_core::surveys::routing::Route;

static_loader! {
    static WORDS = {
        locales: "./locales-respondent",
        fallback_language: "en",
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// The words around a survey's questions, in one language (English when
/// samverka has no words in it).
#[derive(Debug, Clone)]
pub struct Words {
    lang: LanguageIdentifier,
}

impl Words {
    /// The words in the language `tag` (BCP 47).
    pub fn new(tag: &str) -> Words {
        let lang = tag
            .parse::<LanguageIdentifier>()
            .ok()
            .filter(|l| WORDS.locales().any(|known| known.language == l.language))
            .unwrap_or_else(|| fluent_templates::langid!("en"));
        Words { lang }
    }

    /// One message.
    pub fn t(&self, key: &str) -> String {
        WORDS.lookup(&self.lang, key)
    }

    /// One message with arguments (whole numbers go in as numbers).
    pub fn args(&self, key: &str, args: &[(&'static str, String)]) -> String {
        let map: std::collections::HashMap<
            std::borrow::Cow<'static, str>,
            fluent_templates::fluent_bundle::FluentValue<'_>,
        > = args
            .iter()
            .map(|(k, v)| {
                let value = match v.parse::<i64>() {
                    Ok(n) => n.into(),
                    Err(_) => v.clone().into(),
                };
                (std::borrow::Cow::Borrowed(*k), value)
            })
            .collect();
        WORDS.lookup_with_args(&self.lang, key, &map)
    }

    /// "Page 2 of 5".
    pub fn progress(&self, page: usize, pages: usize) -> String {
        self.args(
            "survey-progress",
            &[("page", page.to_string()), ("pages", pages.to_string())],
        )
    }

    /// What to tell a respondent about an answer refused with `code`.
    pub fn error(&self, code: AnswerErrorCode) -> String {
        self.t(match code {
            AnswerErrorCode::Required => "error-required",
            AnswerErrorCode::Hidden | AnswerErrorCode::NotOnPage => "error-hidden",
            AnswerErrorCode::WrongType
            | AnswerErrorCode::UnknownOption
            | AnswerErrorCode::DuplicateOption => "error-choice",
            AnswerErrorCode::NotInteger => "error-number",
            AnswerErrorCode::OutOfRange => "error-range",
            AnswerErrorCode::TooLong => "error-too-long",
            AnswerErrorCode::ControlCharacter => "error-characters",
            AnswerErrorCode::CommentTooLong
            | AnswerErrorCode::CommentControlCharacter
            | AnswerErrorCode::CommentWithoutAnswer => "error-comment",
            _ => "error-other",
        })
    }
}

/// The problems of a refused response (`Error::InvalidAt`), each at its
/// question, as the pages show them.
pub fn answer_errors(problems: Vec<(String, &'static str)>) -> Vec<AnswerError> {
    problems
        .into_iter()
        .map(|(question, code)| AnswerError {
            question: Some(question),
            code: serde_json::from_value(serde_json::Value::from(code)).unwrap_or(AnswerErrorCode::WrongType),
        })
        .collect()
}

/// A language the respondent may switch to.
#[derive(Debug, Clone)]
pub struct LanguageChoice {
    /// Its tag.
    pub tag: String,
    /// Its name, in itself.
    pub name: String,
    /// `rtl` or `ltr`.
    pub dir: &'static str,
    /// The page is in it.
    pub current: bool,
}

/// One option of a question.
#[derive(Debug, Clone)]
pub struct OptionView {
    /// The key the form posts.
    pub key: String,
    /// The label.
    pub text: String,
    /// Chosen already.
    pub checked: bool,
}

/// One question on the page.
#[derive(Debug, Clone)]
pub struct QuestionView {
    /// The key, also the form field's name.
    pub key: String,
    /// `single`, `multiple`, `yes_no`, `number`, `short_text` or `long_text`.
    pub input: &'static str,
    /// The question.
    pub text: String,
    /// A help text under it.
    pub help: Option<String>,
    /// Must be answered.
    pub required: bool,
    /// The options (choices, scales, yes/no).
    pub options: Vec<OptionView>,
    /// What is typed already (numbers and texts).
    pub value: String,
    /// A yes/no question's comment so far.
    pub comment: String,
    /// The smallest number allowed.
    pub min: Option<i64>,
    /// The largest number allowed.
    pub max: Option<i64>,
    /// The longest text allowed.
    pub maxlength: Option<usize>,
    /// What is wrong with the answer given.
    pub error: Option<String>,
}

/// An error summary line: the question's text and what is wrong.
#[derive(Debug, Clone)]
pub struct ErrorLine {
    /// The question's key (the anchor `#q-{key}`).
    pub key: String,
    /// The question's text.
    pub question: String,
    /// What is wrong.
    pub message: String,
}

/// The frame of a survey page shown as a preview to someone editing the
/// survey: a banner in their own language, the CSRF token of their session
/// (the preview posts behind the login), and the way back to the editor.
#[derive(Debug, Clone)]
pub struct PreviewFrame {
    /// The language of the banner (the reader's interface language).
    pub lang: &'static str,
    /// "Preview".
    pub heading: String,
    /// That nothing is stored, and which version it is.
    pub text: String,
    /// Where the banner leads back to, and its words.
    pub back: (String, String),
    /// The session's CSRF token, for the form.
    pub csrf: String,
}

/// One page of a survey, ready to render.
#[derive(Debug, Clone, Template)]
#[template(path = "surveys/respond.html")]
pub struct SurveyPage {
    /// The page's language tag.
    pub lang: String,
    /// `rtl` or `ltr`.
    pub dir: &'static str,
    /// The survey's title.
    pub title: String,
    /// Its introduction, on the first page.
    pub intro: Option<String>,
    /// Where the form posts.
    pub action: String,
    /// The block shown.
    pub block: String,
    /// Its title.
    pub block_title: Option<String>,
    /// Its visible questions.
    pub questions: Vec<QuestionView>,
    /// The other pages' answers, as hidden fields.
    pub carried: Vec<(String, String)>,
    /// "Page 2 of 5".
    pub progress: String,
    /// This page's number, from 1.
    pub page: usize,
    /// The number of pages under the answers so far.
    pub pages: usize,
    /// The first page (no way back).
    pub first: bool,
    /// The last page (the button sends).
    pub last: bool,
    /// What must change before going on.
    pub errors: Vec<ErrorLine>,
    /// The languages of the survey.
    pub languages: Vec<LanguageChoice>,
    /// The words around the questions.
    pub words: Words,
    /// Set when the page is a preview for someone editing the survey.
    pub preview: Option<PreviewFrame>,
}

/// The input a question type takes.
fn input(kind: QuestionType) -> &'static str {
    match kind {
        QuestionType::MultipleChoice => "multiple",
        QuestionType::YesNo => "yes_no",
        QuestionType::Number => "number",
        QuestionType::ShortText => "short_text",
        QuestionType::LongText => "long_text",
        _ => "single",
    }
}

pub(crate) fn question_view(
    q: &Question,
    lang: &str,
    answers: &Answers,
    error: Option<String>,
) -> QuestionView {
    let answer = answers.get(&q.key);
    let chosen = |key: &str| match answer {
        Some(Answer::Choice(k)) => k == key,
        Some(Answer::Choices(ks)) => ks.iter().any(|k| k == key),
        Some(Answer::YesNo { value, .. }) => (key == "yes") == *value,
        _ => false,
    };
    QuestionView {
        key: q.key.clone(),
        input: input(q.kind),
        text: q.text.get(lang).to_string(),
        help: q.help.as_ref().map(|h| h.get(lang).to_string()),
        required: q.required,
        options: if q.kind.has_options() {
            q.options()
                .iter()
                .map(|o| OptionView {
                    key: o.key.clone(),
                    text: o.text.get(lang).to_string(),
                    checked: chosen(&o.key),
                })
                .collect()
        } else {
            Vec::new()
        },
        value: match answer {
            Some(Answer::Number(n)) => n.to_string(),
            Some(Answer::Text(t)) => t.clone(),
            _ => String::new(),
        },
        comment: match answer {
            Some(Answer::YesNo { comment: Some(c), .. }) => c.clone(),
            _ => String::new(),
        },
        min: q.min,
        max: q.max,
        maxlength: q.kind.max_chars(),
        error,
    }
}

impl SurveyPage {
    /// The page of block `block` of `def` in language `lang`, under the
    /// routing of `answers`, with the problems `errors` of the last post;
    /// `None` when the block is not a page under these answers.
    pub fn build(
        def: &Definition,
        lang: &str,
        route: &Route<'_>,
        block: &str,
        answers: &Answers,
        errors: &[AnswerError],
        action: String,
    ) -> Option<SurveyPage> {
        let page = route.page(block)?;
        let progress = route.progress(block)?;
        let words = Words::new(lang);
        let message = |key: &str| {
            errors
                .iter()
                .find(|e| e.question.as_deref() == Some(key))
                .map(|e| words.error(e.code))
        };
        let questions: Vec<QuestionView> = page
            .questions
            .iter()
            .map(|q| question_view(q, lang, answers, message(&q.key)))
            .collect();
        let on_page = |key: &str| page.questions.iter().any(|q| q.key == key);
        let others: Answers = answers
            .iter()
            .filter(|(k, _)| !on_page(k))
            .map(|(k, a)| (k.to_string(), a.clone()))
            .collect();
        let errors = questions
            .iter()
            .filter_map(|q| {
                q.error.clone().map(|message| ErrorLine {
                    key: q.key.clone(),
                    question: q.text.clone(),
                    message,
                })
            })
            .collect();
        Some(SurveyPage {
            lang: lang.to_string(),
            dir: if is_rtl(lang) { "rtl" } else { "ltr" },
            title: def.title.get(lang).to_string(),
            intro: (progress.page == 1)
                .then(|| def.intro.as_ref().map(|t| t.get(lang).to_string()))
                .flatten(),
            action,
            block: page.block.key.clone(),
            block_title: page.block.title.as_ref().map(|t| t.get(lang).to_string()),
            questions,
            carried: to_form(&others),
            progress: words.progress(progress.page, progress.pages),
            page: progress.page,
            pages: progress.pages,
            first: route.page_before(block).is_none(),
            last: route.page_after(block).is_none(),
            errors,
            languages: def
                .languages
                .iter()
                .map(|l| LanguageChoice {
                    tag: l.tag().to_string(),
                    name: Words::new(l.tag()).t("survey-language-name"),
                    dir: l.dir(),
                    current: l.tag() == lang,
                })
                .collect(),
            words,
            preview: None,
        })
    }
}

#[cfg(test)]
mod tests {
    use samverka_core::surveys::response::validate_page;
    use samverka_core::surveys::routing::route;
    use serde_json::json;

    use super::*;

    const DOC: &str = r#"{
      "key": "besok", "title": {"sv": "Besöksenkät", "en": "Visitor survey", "ar": "استبيان الزوار"},
      "languages": ["sv", "en", "ar"],
      "intro": {"sv": "Välkommen", "en": "Welcome", "ar": "أهلاً"},
      "blocks": [
        {"key": "start", "questions": [
          {"key": "welcome", "type": "yes_no", "required": true,
           "text": {"sv": "Kände du dig välkommen?", "en": "Did you feel welcome?", "ar": "هل شعرت بالترحيب؟"},
           "options": [{"key": "yes", "text": {"sv": "Ja", "en": "Yes", "ar": "نعم"}},
                       {"key": "no", "text": {"sv": "Nej", "en": "No", "ar": "لا"}}]}]},
        {"key": "more", "questions": [
          {"key": "visits", "type": "number", "required": true, "min": 0, "max": 100,
           "text": {"sv": "Hur många gånger?", "en": "How many times?", "ar": "كم مرة؟"}},
          {"key": "words", "type": "long_text", "required": false,
           "text": {"sv": "Något mer?", "en": "Anything else?", "ar": "هل من شيء آخر؟"}}]}]}"#;

    fn def() -> Definition {
        Definition::from_json(DOC).expect("valid")
    }

    #[test]
    fn an_arabic_page_is_right_to_left_with_arabic_words_and_carries_the_earlier_answers() {
        let def = def();
        let first = json!({"welcome": {"value": "yes", "comment": "<b>نعم</b>"}});
        let answers = validate_page(
            &def,
            "ar",
            &Answers::new(),
            "start",
            first.as_object().expect("object"),
        )
        .expect("the first page is valid");
        let r = route(&def, &answers);
        let page = SurveyPage::build(&def, "ar", &r, "more", &answers, &[], "/s/abc".into()).expect("a page");
        let html = page.render().expect("renders");
        assert!(html.contains(r#"<html lang="ar" dir="rtl">"#), "{html}");
        assert!(html.contains("كم مرة؟"));
        assert!(html.contains("الصفحة 2 من 2"), "progress in Arabic");
        assert!(
            html.contains(r#"name="welcome" value="yes""#),
            "the first page's answer rides along"
        );
        assert!(
            html.contains(r#"name="welcome__comment""#),
            "the comment rides along too"
        );
        assert!(!html.contains("<b>"), "carried text is escaped: {html}");
        assert!(html.contains("أرسل إجاباتك"), "the last page sends");
        assert!(!html.contains("<script"), "no script is needed");
    }

    #[test]
    fn errors_are_summarised_first_and_named_at_their_question() {
        let def = def();
        let answers = Answers::new();
        let r = route(&def, &answers);
        let errors = vec![AnswerError {
            question: Some("welcome".into()),
            code: AnswerErrorCode::Required,
        }];
        let page =
            SurveyPage::build(&def, "sv", &r, "start", &answers, &errors, "/s/abc".into()).expect("a page");
        let html = page.render().expect("renders");
        assert!(
            html.contains(r##"<a href="#q-welcome">Kände du dig välkommen?"##),
            "{html}"
        );
        assert!(html.contains("Svara på frågan."));
        assert!(html.contains(r#"lang="sv" dir="ltr""#));
        assert!(html.contains("Välkommen"), "the introduction on the first page");
        assert!(html.contains("Sida 1 av 2"));
    }

    #[test]
    fn a_language_without_words_of_its_own_falls_back_to_english() {
        assert_eq!(Words::new("de").t("survey-next"), "Next");
        assert_eq!(Words::new("ar").t("survey-next"), "التالي");
        assert_eq!(Words::new("so").t("survey-next"), "Xiga");
        assert_eq!(Words::new("fa").t("survey-next"), "بعدی");
    }
}
