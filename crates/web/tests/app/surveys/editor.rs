//! The instrument editor: a county coordinator builds a survey in the
//! browser without JavaScript — every button a plain submit of the whole
//! form, read here the way a browser sends it — translates it side by
//! side, publishes it, and edits it again in a new version; the preview
//! shows it as a respondent sees it (right to left in Arabic, routed page
//! by page) and stores nothing; readers and other regions are refused.

use samverka_app::surveys::instruments;
use samverka_core::surveys::definition::Definition;

use crate::support::html::field_error;
use crate::support::{COUNTY, LOCAL_SAVJA, OTHER_COUNTY, READER, Reply, TestApp, page_text, unescape};

/// The value of an attribute in one tag (`<input name="x" value="y">`).
fn attr(tag: &str, name: &str) -> Option<String> {
    let key = format!(" {name}=\"");
    let at = tag.find(&key)? + key.len();
    let end = tag[at..].find('"')?;
    Some(unescape(&tag[at..at + end]))
}

/// The fields a browser sends from the form with this action, without any
/// button: text and hidden inputs, ticked boxes, each select's chosen (or
/// first) option and each textarea.
fn form_fields(html: &str, action: &str) -> Vec<(String, String)> {
    let start = html
        .find(&format!("action=\"{action}\""))
        .unwrap_or_else(|| panic!("no form posting to {action}"));
    let form = &html[start..start + html[start..].find("</form>").expect("the form ends")];
    let mut fields = Vec::new();
    let mut rest = form;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        let tag = &rest[..rest.find('>').unwrap_or(rest.len())];
        let kind = tag.split_whitespace().next().unwrap_or_default();
        let Some(name) = attr(tag, "name") else { continue };
        match kind {
            "input" => {
                let t = attr(tag, "type").unwrap_or_else(|| "text".into());
                if t == "checkbox" && !tag.contains(" checked") || t == "file" {
                    continue;
                }
                fields.push((name, attr(tag, "value").unwrap_or_default()));
            }
            "textarea" => {
                let body = &rest[rest.find('>').unwrap() + 1..];
                fields.push((name, unescape(&body[..body.find("</textarea>").unwrap()])));
            }
            "select" => {
                let body = &rest[..rest.find("</select>").unwrap()];
                let options: Vec<&str> = body.split("<option").skip(1).collect();
                let chosen = options
                    .iter()
                    .find(|o| o.split('>').next().unwrap_or_default().contains(" selected"))
                    .or(options.first())
                    .and_then(|o| attr(o, "value"))
                    .unwrap_or_default();
                fields.push((name, chosen));
            }
            _ => {}
        }
    }
    fields
}

/// The editor of one version, as the page last showed it.
struct Editor {
    version: i64,
    fields: Vec<(String, String)>,
}

impl Editor {
    fn path(&self) -> String {
        format!("/instruments/versions/{}/edit", self.version)
    }

    /// Reads the form of a page of the editor.
    fn from(version: i64, html: &str) -> Editor {
        let path = format!("/instruments/versions/{version}/edit");
        Editor {
            version,
            fields: form_fields(html, &path),
        }
    }

    fn set(&mut self, name: &str, value: &str) {
        match self.fields.iter_mut().find(|(k, _)| k == name) {
            Some((_, v)) => *v = value.to_string(),
            None => self.fields.push((name.to_string(), value.to_string())),
        }
    }

    fn get(&self, name: &str) -> &str {
        self.fields
            .iter()
            .find(|(k, _)| k == name)
            .map_or_else(|| panic!("no field {name}"), |(_, v)| v.as_str())
    }

    /// Presses a button: posts the whole form with `op`, as the browser does.
    async fn press(&self, t: &TestApp, client: &reqwest::Client, op: &str) -> Reply {
        let mut all: Vec<(&str, &str)> = self
            .fields
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        all.push(("op", op));
        t.post_fields(client, &self.path(), &all).await
    }
}

/// Opens the editor of a version.
async fn open(t: &TestApp, client: &reqwest::Client, version: i64) -> Editor {
    let (status, html) = t
        .get(client, &format!("/instruments/versions/{version}/edit"))
        .await;
    assert_eq!(status, 200, "{}: {html}", t.backend());
    Editor::from(version, &html)
}

/// A version's definition, read through the application.
async fn stored(t: &TestApp, version: i64) -> (Definition, bool) {
    let (_, v) = instruments::version(&t.cli(), version).await.unwrap();
    (v.definition, v.published_on.is_some())
}

/// The version id at the end of an editor's address.
fn version_in(location: &str) -> i64 {
    location
        .trim_start_matches("/instruments/versions/")
        .split('/')
        .next()
        .and_then(|id| id.parse().ok())
        .unwrap_or_else(|| panic!("not an editor address: {location}"))
}

#[tokio::test]
async fn a_county_coordinator_builds_translates_publishes_and_edits_a_survey_in_a_new_version() {
    for t in TestApp::all().await {
        let n = t.backend();
        let region = t.uppsala().await;
        let county = t.login(COUNTY).await;

        let (status, list) = t.get(&county, &format!("/regions/{region}/instruments")).await;
        assert_eq!(status, 200, "{n}");
        assert!(
            list.contains(&format!("/regions/{region}/instruments/new")),
            "{n}"
        );

        // A new survey: its title and first question, straight into the editor.
        let reply = t
            .submit(
                &county,
                &format!("/regions/{region}/instruments/new"),
                &[
                    ("survey_title", "Föräldrarnas röst"),
                    ("first_question", "Hur ofta kommer du hit?"),
                    ("survey_key", ""),
                ],
            )
            .await;
        assert_eq!(reply.status, 303, "{n}: {}", reply.body);
        let version = version_in(reply.location.as_deref().unwrap());
        let (def, published) = stored(&t, version).await;
        assert_eq!((def.key.as_str(), published), ("foraldrarnas_rost", false), "{n}");

        // A second question: added, then (its text missing) shown with the
        // problem and not saved; written, then saved.
        let mut e = open(&t, &county, version).await;
        e.set("blocks[0].new_type", "yes_no");
        let reply = e.press(&t, &county, "add-question:blocks[0]").await;
        assert_eq!(reply.status, 422, "{n}");
        assert!(
            field_error(&reply.body, "blocks-0-questions-1-text").is_some(),
            "{n}: the new question's text is asked for: {}",
            reply.body
        );
        assert_eq!(
            stored(&t, version).await.0.blocks[0].questions.len(),
            1,
            "{n}: nothing saved"
        );
        let mut e = Editor::from(version, &reply.body);
        e.set("blocks[0].questions[1].text.sv", "Känner du dig välkommen?");
        e.set("blocks[0].questions[1].required", "yes");
        let reply = e.press(&t, &county, "save").await;
        assert_eq!(reply.status, 303, "{n}: {}", reply.body);

        // A new block with a choice question and its two options.
        let mut e = open(&t, &county, version).await;
        e.set("new_block_type", "single_choice");
        let reply = e.press(&t, &county, "add-block").await;
        assert_eq!(reply.status, 422, "{n}");
        let mut e = Editor::from(version, &reply.body);
        e.set("blocks[1].questions[0].text.sv", "Vilken verksamhet besökte du?");
        e.set("blocks[1].questions[0].options[0].text.sv", "Öppen förskola");
        e.set("blocks[1].questions[0].options[1].text.sv", "Barnhälsovård");
        assert_eq!(e.press(&t, &county, "save").await.status, 303, "{n}");

        // The welcome question moves first.
        let e = open(&t, &county, version).await;
        let reply = e.press(&t, &county, "up:blocks[0].questions[1]").await;
        assert_eq!(reply.status, 303, "{n}");
        assert_eq!(
            reply.location.as_deref(),
            Some(format!("/instruments/versions/{version}/edit#blocks-0-questions-0").as_str()),
            "{n}: back at the moved question"
        );
        let (def, _) = stored(&t, version).await;
        let keys: Vec<&str> = def.questions().map(|q| q.key.as_str()).collect();
        assert_eq!(keys, ["q2", "q1", "q3"], "{n}");

        // English beside Swedish: every text gets an input per language,
        // each with its lang and dir; saved once every text has both.
        let mut e = open(&t, &county, version).await;
        e.set("new_language", "en");
        let reply = e.press(&t, &county, "add-language").await;
        assert_eq!(reply.status, 422, "{n}: every text still lacks English");
        let html = &reply.body;
        assert!(
            html.contains(r#"name="title.sv" lang="sv" dir="ltr""#)
                && html.contains(r#"name="title.en" lang="en" dir="ltr""#),
            "{n}: {html}"
        );
        let sv_at = html.find(r#"id="blocks-0-questions-0-text-sv""#).unwrap();
        let en_at = html.find(r#"id="blocks-0-questions-0-text-en""#).unwrap();
        assert!(sv_at < en_at, "{n}: Swedish first");
        let mut e = Editor::from(version, html);
        let english: Vec<(String, String)> = e
            .fields
            .iter()
            .filter_map(|(k, _)| {
                let sv = k.strip_suffix(".en")?;
                let swedish = e.get(&format!("{sv}.sv"));
                (!swedish.is_empty()).then(|| (k.clone(), format!("EN: {swedish}")))
            })
            .collect();
        assert!(english.len() >= 6, "{n}: {english:?}");
        for (k, v) in &english {
            e.set(k, v);
        }
        let reply = e.press(&t, &county, "save").await;
        assert_eq!(reply.status, 303, "{n}: {}", reply.body);
        let (def, _) = stored(&t, version).await;
        assert_eq!(
            def.question("q3").unwrap().options[1].text.get("en"),
            "EN: Barnhälsovård",
            "{n}"
        );
        assert!(def.check().is_empty(), "{n}");

        // The first question has no earlier one to make a condition of.
        let e = open(&t, &county, version).await;
        assert!(
            !e.fields
                .iter()
                .any(|(k, _)| k.starts_with("blocks[0].questions[0].show_if")),
            "{n}"
        );
        // A condition (typed as JSON) on a later question: shown at its
        // field and in the summary; nothing saved.
        let before = stored(&t, version).await.0;
        let mut e = open(&t, &county, version).await;
        e.set(
            "blocks[0].questions[1].show_if.json",
            r#"{"question": "q3", "equals": "o1"}"#,
        );
        let reply = e.press(&t, &county, "save").await;
        assert_eq!(reply.status, 422, "{n}");
        assert_eq!(
            field_error(&reply.body, "blocks-0-questions-1-show_if").as_deref(),
            Some("Villkoret får bara gälla frågor som kommer före."),
            "{n}"
        );
        assert!(
            reply
                .body
                .contains(r##"<a href="#blocks-0-questions-1-show_if">"##),
            "{n}: in the summary"
        );
        assert!(
            page_text(&reply.body).contains("Block 1 › Fråga 2 › Visas bara när"),
            "{n}: the summary says where"
        );
        assert_eq!(stored(&t, version).await.0, before, "{n}: nothing saved");
        // Shown again as a row; on an earlier question it is fine.
        let mut e = Editor::from(version, &reply.body);
        assert_eq!(
            e.get("blocks[0].questions[1].show_if.rows[0].question"),
            "q3",
            "{n}"
        );
        e.set("blocks[0].questions[1].show_if.rows[0].question", "");
        e.set("blocks[1].show_if.rows[0].question", "q2");
        e.set("blocks[1].show_if.rows[0].value", "yes");
        assert_eq!(e.press(&t, &county, "save").await.status, 303, "{n}");
        let (def, _) = stored(&t, version).await;
        assert_eq!(
            serde_json::to_value(&def.blocks[1].show_if).unwrap(),
            serde_json::json!({"question": "q2", "equals": "yes"}),
            "{n}"
        );

        // Published after a confirm step; from then on it never changes.
        let (status, confirm) = t
            .get(&county, &format!("/instruments/versions/{version}/publish"))
            .await;
        assert_eq!(status, 200, "{n}");
        assert!(confirm.contains("ändras aldrig"), "{n}");
        let reply = t
            .submit(&county, &format!("/instruments/versions/{version}/publish"), &[])
            .await;
        assert_eq!(reply.status, 303, "{n}");
        let (v1, published) = stored(&t, version).await;
        assert!(published, "{n}");
        let (status, _) = t
            .get(&county, &format!("/instruments/versions/{version}/edit"))
            .await;
        assert_eq!(status, 409, "{n}: a published version has no editor");

        // Editing again makes version 2; version 1 stays as published.
        let (instrument, _) = instruments::version(&t.cli(), version).await.unwrap();
        let reply = t
            .submit(&county, &format!("/instruments/{}/drafts", instrument.id), &[])
            .await;
        assert_eq!(reply.status, 303, "{n}");
        let version2 = version_in(reply.location.as_deref().unwrap());
        assert_ne!(version2, version, "{n}");
        let mut e = open(&t, &county, version2).await;
        e.set("title.sv", "Föräldrarnas röst 2027");
        assert_eq!(e.press(&t, &county, "save").await.status, 303, "{n}");
        let (_, v2) = instruments::version(&t.cli(), version2).await.unwrap();
        assert_eq!(
            (v2.version, v2.definition.title.get("sv")),
            (2, "Föräldrarnas röst 2027"),
            "{n}"
        );
        assert_eq!(stored(&t, version).await.0, v1, "{n}: version 1 unchanged");
        // A second click opens the same draft.
        let again = t
            .submit(&county, &format!("/instruments/{}/drafts", instrument.id), &[])
            .await;
        assert_eq!(again.location, reply.location, "{n}");

        // The export is the JSON document, as a file.
        let file = t
            .download(&county, &format!("/instruments/versions/{version}/export"))
            .await;
        assert_eq!(file.status, 200, "{n}");
        assert!(file.content_type.starts_with("application/json"), "{n}");
        assert_eq!(
            file.disposition, "attachment; filename=\"foraldrarnas_rost-v1.json\"",
            "{n}"
        );
        let exported: Definition = serde_json::from_slice(&file.bytes).unwrap();
        assert_eq!(exported, v1, "{n}");
        t.stop().await;
    }
}

/// Member of a group (or not: the survey ends), which group, then one
/// block for each group; Swedish and Arabic.
const ROUTED: &str = r#"{
  "key": "slussad", "title": {"sv": "Styrningen", "ar": "الحوكمة"}, "languages": ["sv", "ar"],
  "closing": {"sv": "Tack!", "ar": "شكراً!"},
  "blocks": [
    {"key": "start", "questions": [
      {"key": "member", "type": "yes_no", "required": true,
       "text": {"sv": "Sitter du i en grupp?", "ar": "هل أنت عضو في مجموعة؟"},
       "options": [{"key": "yes", "text": {"sv": "Ja", "ar": "نعم"}}, {"key": "no", "text": {"sv": "Nej", "ar": "لا"}}],
       "end_survey_if": {"question": "member", "equals": "no"},
       "end_text": {"sv": "Enkäten gäller bara gruppernas ledamöter.", "ar": "الاستبيان لأعضاء المجموعات فقط."}}]},
    {"key": "group", "questions": [
      {"key": "which", "type": "single_choice", "required": true,
       "text": {"sv": "Vilken grupp?", "ar": "أي مجموعة؟"},
       "options": [{"key": "management", "text": {"sv": "Ledning", "ar": "الإدارة"}},
                   {"key": "steering", "text": {"sv": "Styrning", "ar": "التوجيه"}}]}]},
    {"key": "management", "show_if": {"question": "which", "equals": "management"}, "questions": [
      {"key": "meetings", "type": "number", "required": false, "min": 0, "max": 50,
       "text": {"sv": "Hur många möten?", "ar": "كم اجتماعاً؟"}}]},
    {"key": "steering", "show_if": {"question": "which", "equals": "steering"}, "questions": [
      {"key": "clear", "type": "long_text", "required": false,
       "text": {"sv": "Vad är oklart?", "ar": "ما غير الواضح؟"}}]}]}"#;

#[tokio::test]
async fn the_preview_shows_a_routed_survey_as_a_respondent_sees_it_in_arabic_and_stores_nothing() {
    for t in TestApp::all().await {
        let n = t.backend();
        let region = t.uppsala().await;
        let (_, version) = instruments::import(&t.cli(), region, ROUTED, false)
            .await
            .unwrap();
        let county = t.login(COUNTY).await;
        let path = format!("/instruments/versions/{version}/preview");

        let (status, first) = t.get(&county, &format!("{path}?lang=ar")).await;
        assert_eq!(status, 200, "{n}");
        assert!(first.contains(r#"<html lang="ar" dir="rtl">"#), "{n}: {first}");
        assert!(first.contains("هل أنت عضو في مجموعة؟"), "{n}");
        assert!(
            first.contains(r#"class="preview-banner" role="note" lang="sv" dir="ltr""#),
            "{n}: marked as a preview, in the reader's own language"
        );
        assert!(
            first.contains(&format!("/instruments/versions/{version}/edit")),
            "{n}: the way back"
        );

        // A page asked for by its block: shown when it is one with no
        // answers yet, else the first page.
        let (_, group) = t.get(&county, &format!("{path}?page=group")).await;
        assert!(group.contains(r#"name="which""#), "{n}");
        let (_, steering) = t.get(&county, &format!("{path}?page=steering")).await;
        assert!(steering.contains(r#"name="member""#), "{n}");

        let csrf = t.session_csrf(&county).await;
        let step = |fields: Vec<(&'static str, &'static str)>| {
            let mut all = vec![("csrf", csrf.as_str()), ("_lang", "ar")];
            all.extend(fields);
            let (county, path) = (&county, &path);
            let t = &t;
            async move { t.post_fields(county, path, &all).await }
        };
        // Member → which group → the steering block only → the end.
        let r = step(vec![("_page", "start"), ("member", "yes"), ("_go", "next")]).await;
        assert_eq!(r.status, 200, "{n}: {}", r.body);
        assert!(
            r.body.contains(r#"name="which""#) && r.body.contains("preview-banner"),
            "{n}"
        );
        let r = step(vec![
            ("_page", "group"),
            ("member", "yes"),
            ("which", "steering"),
            ("_go", "next"),
        ])
        .await;
        assert_eq!(r.status, 200, "{n}");
        assert!(
            r.body.contains(r#"name="clear""#) && !r.body.contains(r#"name="meetings""#),
            "{n}: {}",
            r.body
        );
        // Back keeps the answers.
        let r = step(vec![
            ("_page", "steering"),
            ("member", "yes"),
            ("which", "steering"),
            ("_go", "back"),
        ])
        .await;
        assert!(r.body.contains(r#"value="steering" checked"#), "{n}: {}", r.body);
        let r = step(vec![
            ("_page", "steering"),
            ("member", "yes"),
            ("which", "steering"),
            ("clear", "Budgeten"),
            ("_go", "next"),
        ])
        .await;
        assert_eq!(r.status, 200, "{n}");
        assert!(
            r.body.contains("شكراً!") && r.body.contains("preview-banner"),
            "{n}: {}",
            r.body
        );
        // A required question skipped: refused by the same checks as a real answer.
        let r = step(vec![("_page", "group"), ("member", "yes"), ("_go", "next")]).await;
        assert_eq!(r.status, 422, "{n}");
        // Not a member: the survey ends with its own words.
        let r = step(vec![("_page", "start"), ("member", "no"), ("_go", "next")]).await;
        assert!(
            r.body.contains("الاستبيان لأعضاء المجموعات فقط."),
            "{n}: {}",
            r.body
        );

        let mut c = t.conn().await;
        let stored: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM responses")
            .fetch_one(&mut *c)
            .await
            .unwrap();
        assert_eq!(stored, 0, "{n}: a preview stores nothing");
        drop(c);

        // A reader previews too; another county does not.
        let reader = t.login(READER).await;
        let (status, page) = t.get(&reader, &path).await;
        assert_eq!(status, 200, "{n}");
        assert!(
            !page.contains("/edit\""),
            "{n}: no way to the editor for a reader"
        );
        let other = t.login(OTHER_COUNTY).await;
        assert_eq!(t.get(&other, &path).await.0, 403, "{n}");
        t.stop().await;
    }
}

#[tokio::test]
async fn readers_and_other_regions_cannot_edit_and_a_built_in_survey_is_edited_as_the_regions_copy() {
    for t in TestApp::all().await {
        let n = t.backend();
        let region = t.uppsala().await;
        instruments::install_builtin(&t.cli()).await.unwrap();
        let (own, version) = instruments::import(&t.cli(), region, ROUTED, false)
            .await
            .unwrap();
        let edit = format!("/instruments/versions/{version}/edit");
        let before = stored(&t, version).await.0;

        let reader = t.login(READER).await;
        let (status, list) = t.get(&reader, &format!("/regions/{region}/instruments")).await;
        assert_eq!(status, 200, "{n}");
        assert!(
            list.contains("Styrningen") && !list.contains(&edit),
            "{n}: read, no editing"
        );
        let county = t.login(COUNTY).await;
        let (_, html) = t.get(&county, &edit).await;
        let form = form_fields(&html, &edit);
        let mut fields: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        fields.retain(|(k, _)| *k != "csrf");
        fields.push(("title.sv", "Ändrad"));
        for who in [READER, LOCAL_SAVJA, OTHER_COUNTY] {
            let client = t.login(who).await;
            assert_eq!(t.get(&client, &edit).await.0, 403, "{n}: {}", who.0);
            let reply = t.submit(&client, &edit, &fields).await;
            assert_eq!(reply.status, 403, "{n}: {}", who.0);
            let reply = t
                .submit(&client, &format!("/instruments/{own}/drafts"), &[])
                .await;
            assert_eq!(reply.status, 403, "{n}: {}", who.0);
        }
        assert_eq!(stored(&t, version).await.0, before, "{n}: nothing changed");
        let other = t.login(OTHER_COUNTY).await;
        assert_eq!(
            t.get(&other, &format!("/regions/{region}/instruments")).await.0,
            403,
            "{n}"
        );
        let reply = t
            .submit(
                &reader,
                &format!("/regions/{region}/instruments/new"),
                &[("survey_title", "X"), ("first_question", "Y")],
            )
            .await;
        assert_eq!(reply.status, 403, "{n}");

        // A built-in survey: the county coordinator cannot change it, but
        // makes the region's own version of it, once.
        let builtin = instruments::list(&t.cli(), region)
            .await
            .unwrap()
            .into_iter()
            .find(|i| i.instrument.region_id.is_none() && i.instrument.key == "visitor_adult")
            .expect("the adult visitor survey");
        let newest = builtin.versions.last().unwrap().id;
        let reply = t
            .submit(
                &county,
                &format!("/instruments/{}/drafts", builtin.instrument.id),
                &[],
            )
            .await;
        assert_eq!(reply.status, 403, "{n}");
        let copy = [("copy_version", newest.to_string())];
        let copy: Vec<(&str, &str)> = copy.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let reply = t
            .submit(&county, &format!("/regions/{region}/instruments/copy"), &copy)
            .await;
        assert_eq!(reply.status, 303, "{n}: {}", reply.body);
        let draft = version_in(reply.location.as_deref().unwrap());
        let (i, v) = instruments::version(&t.cli(), draft).await.unwrap();
        assert_eq!(
            (i.region_id, i.key.as_str(), v.is_published()),
            (Some(region), "visitor_adult", false),
            "{n}"
        );
        // Its editor opens with the survey's four languages side by side,
        // Arabic and Persian right to left.
        let (status, html) = t
            .get(&county, &format!("/instruments/versions/{draft}/edit"))
            .await;
        assert_eq!(status, 200, "{n}");
        assert!(html.contains(r#"name="title.ar" lang="ar" dir="rtl""#), "{n}");
        assert!(html.contains(r#"name="title.fa" lang="fa" dir="rtl""#), "{n}");
        let reply = t
            .submit(&county, &format!("/regions/{region}/instruments/copy"), &copy)
            .await;
        assert_eq!(reply.status, 409, "{n}: the region's copy has a draft already");
        t.stop().await;
    }
}

#[tokio::test]
async fn a_shared_document_is_imported_as_a_draft_and_a_broken_one_is_refused_with_its_paths() {
    for t in TestApp::all().await {
        let n = t.backend();
        let region = t.uppsala().await;
        let county = t.login(COUNTY).await;
        let csrf = t.session_csrf(&county).await;
        let path = format!("/regions/{region}/instruments/import?csrf={csrf}");

        let broken = ROUTED.replace(
            r#"{"question": "which", "equals": "steering"}"#,
            r#"{"question": "nobody", "equals": "steering"}"#,
        );
        let reply = t.upload(&county, &path, "slussad.json", &broken).await;
        assert_eq!(reply.status, 422, "{n}");
        assert!(
            reply
                .body
                .contains("<code>blocks[3].show_if.question</code>: Det finns ingen sådan fråga i enkäten."),
            "{n}: {}",
            reply.body
        );
        let reply = t.upload(&county, &path, "slussad.json", ROUTED).await;
        assert_eq!(reply.status, 303, "{n}: {}", reply.body);
        let version = version_in(reply.location.as_deref().unwrap());
        let (def, published) = stored(&t, version).await;
        assert_eq!((def.key.as_str(), published), ("slussad", false), "{n}");
        t.stop().await;
    }
}

#[tokio::test]
async fn every_built_in_survey_goes_through_the_editor_unchanged() {
    for t in TestApp::all().await {
        let n = t.backend();
        let region = t.uppsala().await;
        instruments::install_builtin(&t.cli()).await.unwrap();
        let county = t.login(COUNTY).await;
        let builtins: Vec<_> = instruments::list(&t.cli(), region)
            .await
            .unwrap()
            .into_iter()
            .filter(|i| i.instrument.region_id.is_none())
            .collect();
        assert_eq!(builtins.len(), 7, "{n}");
        for b in builtins {
            let original = b.versions.last().unwrap();
            let (_, draft) = samverka_app::surveys::editor::copy(&t.cli(), region, original.id, None)
                .await
                .unwrap();
            let started = std::time::Instant::now();
            let (status, html) = t
                .get(&county, &format!("/instruments/versions/{draft}/edit"))
                .await;
            let shown = started.elapsed();
            assert_eq!(status, 200, "{n}: {}", b.instrument.key);
            let e = Editor::from(draft, &html);
            let started = std::time::Instant::now();
            let reply = e.press(&t, &county, "save").await;
            let saved = started.elapsed();
            assert_eq!(reply.status, 303, "{n}: {}: {}", b.instrument.key, reply.body);
            assert_eq!(
                stored(&t, draft).await.0,
                original.definition,
                "{n}: {} read back from the form as it was",
                b.instrument.key
            );
            if b.instrument.key == "visitor_adult" {
                // Somali added: every text lacks it; the summary lists the
                // first problems and counts the rest; nothing is saved.
                let mut e = Editor::from(draft, &html);
                e.set("new_language", "so");
                let reply = e.press(&t, &county, "add-language").await;
                assert_eq!(reply.status, 422, "{n}");
                let summary = page_text(&reply.body[..reply.body.find("id=\"survey\"").unwrap()]);
                assert!(
                    summary.contains("problem till, som visas vid sina fält."),
                    "{n}: {summary}"
                );
                assert!(
                    reply.body.contains(r#"name="title.so" lang="so" dir="ltr""#),
                    "{n}"
                );
                assert_eq!(stored(&t, draft).await.0, original.definition, "{n}");
            }
            eprintln!(
                "{n}: editor of {}: {} kB, {} fields, shown in {shown:?}, saved in {saved:?}",
                b.instrument.key,
                html.len() / 1024,
                e.fields.len()
            );
        }
        t.stop().await;
    }
}
