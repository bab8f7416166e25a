//! What each command does: every one goes through the application's use
//! cases, as the command line (audited as "kommandorad").

use std::io::Write;
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, Result, anyhow, bail};
use indicatif::{ProgressBar, ProgressStyle};
use samverka_app::accounts::manage::{self, AccessRequest, Granted};
use samverka_app::accounts::{passwords, tokens};
use samverka_app::backup::{self, ImportFailed};
use samverka_app::registry::{access, centres, regions};
use samverka_app::{App, AppConfig, LoginLimits, MailConfig, SystemClock};
use samverka_core::{Grant, Role};
use samverka_web::http::i18n::{Lang, Tr};
use samverka_web::{AppState, WebConfig};

use crate::cli::{Cli, Command, RoleArg, Scale, ServeArgs, UserCommand};

/// Runs one command.
pub async fn run(cli: Cli) -> Result<()> {
    let url = cli.database_url.clone();
    match cli.command {
        Command::Serve(args) => {
            let app = open(&url, &args).await?;
            serve(app, &args).await
        }
        Command::Demo {
            no_serve,
            scale,
            serve: args,
        } => {
            let app = open(&url, &args).await?;
            demo(&app, scale).await?;
            if no_serve { Ok(()) } else { serve(app, &args).await }
        }
        Command::Migrate => {
            let app = open_plain(&url).await?;
            app.close().await;
            println!("The database is up to date.");
            Ok(())
        }
        Command::User(cmd) => {
            let app = open_plain(&url).await?;
            let r = user(&app, cmd).await;
            app.close().await;
            r
        }
        Command::Export { file } => {
            let app = open_plain(&url).await?;
            let bar = spinner("Exporting");
            let doc = backup::export(&app.cli(), |table, n| {
                bar.set_message(format!("{table}: {n} rows"))
            })
            .await;
            bar.finish_and_clear();
            let doc = doc?;
            let text = serde_json::to_string(&doc)?;
            if file.as_os_str() == "-" {
                std::io::stdout().write_all(text.as_bytes())?;
            } else {
                write_atomically(&file, text.as_bytes())?;
                eprintln!("Wrote {}", file.display());
            }
            app.close().await;
            Ok(())
        }
        Command::Import { file } => {
            let text =
                std::fs::read_to_string(&file).with_context(|| format!("cannot read {}", file.display()))?;
            let doc: serde_json::Value = serde_json::from_str(&text)
                .with_context(|| format!("{} is not a samverka export (not JSON)", file.display()))?;
            let app = open_plain(&url).await?;
            let bar = spinner("Importing");
            let r = backup::import(&app.cli(), &doc, |table, n| {
                bar.set_message(format!("{table}: {n} rows"))
            })
            .await;
            bar.finish_and_clear();
            app.close().await;
            match r {
                Ok(()) => {
                    println!("Imported {}.", file.display());
                    Ok(())
                }
                Err(ImportFailed::Refused(e)) => bail!("nothing was imported from {}: {e}", file.display()),
                Err(ImportFailed::Other(e)) => bail!("nothing was imported from {}: {e}", file.display()),
            }
        }
        Command::Instrument(cmd) => {
            let app = open_plain(&url).await?;
            let r = crate::instruments::run(&app, cmd).await;
            app.close().await;
            r
        }
        Command::ExportRound {
            round,
            file,
            kind,
            municipality,
            centre,
        } => {
            let app = open_plain(&url).await?;
            let filter = samverka_app::surveys::exports::ExportFilter {
                municipality,
                centre,
                ..Default::default()
            };
            let r = crate::export_round::run(&app, round, &file, kind, filter).await;
            app.close().await;
            r
        }
        Command::ImportPopulation { file } => {
            let bytes = std::fs::read(&file).with_context(|| format!("cannot read {}", file.display()))?;
            let app = open_plain(&url).await?;
            let t = Tr::new(Lang::from_env());
            let result = access::import_population(&app.cli(), None, &bytes).await;
            app.close().await;
            match result? {
                Ok(n) => {
                    println!("{}", t.t1("flash-population-imported", "count", n));
                    Ok(())
                }
                Err(errors) => {
                    eprintln!("{}:", t.t("population-nothing-imported"));
                    for e in &errors {
                        eprintln!("  {}", samverka_web::ui::words::population_error_text(&t, e));
                    }
                    let n = errors.len();
                    bail!(
                        "{n} {} in {}",
                        if n == 1 { "problem" } else { "problems" },
                        file.display()
                    )
                }
            }
        }
    }
}

fn config(args: Option<&ServeArgs>) -> AppConfig {
    let mut c = AppConfig::default();
    if let Some(a) = args {
        c.public_url = a
            .public_url
            .clone()
            .unwrap_or_else(|| format!("http://{}", a.listen));
        c.mail = MailConfig {
            smtp_url: a.smtp_url.clone(),
            from: a.mail_from.clone(),
            outbox_dir: a.outbox_dir.clone(),
        };
        c.login = LoginLimits {
            address_failures: a.login_burst.max(1),
            ..LoginLimits::default()
        };
    }
    c
}

async fn open(url: &str, args: &ServeArgs) -> Result<App> {
    App::open(url, config(Some(args)), Arc::new(SystemClock))
        .await
        .map_err(|e| anyhow!("{e}"))
}

async fn open_plain(url: &str) -> Result<App> {
    App::open(url, config(None), Arc::new(SystemClock))
        .await
        .map_err(|e| anyhow!("{e}"))
}

pub(crate) fn write_atomically(path: &std::path::Path, bytes: &[u8]) -> Result<()> {
    let tmp = path.with_extension("tmp");
    {
        let mut f = std::fs::File::create(&tmp).with_context(|| format!("cannot write {}", tmp.display()))?;
        f.write_all(bytes)?;
        f.sync_all()?;
    }
    std::fs::rename(&tmp, path).with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}

fn spinner(what: &str) -> ProgressBar {
    let bar = ProgressBar::new_spinner();
    bar.set_style(
        ProgressStyle::with_template("{spinner} {prefix} {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    bar.set_prefix(what.to_string());
    bar.enable_steady_tick(Duration::from_millis(120));
    bar
}

async fn serve(app: App, args: &ServeArgs) -> Result<()> {
    let config = WebConfig {
        secure_cookies: args.secure_cookies,
        trusted_origins: args.trusted_origins.clone(),
        trusted_proxies: args.trusted_proxies.clone(),
        submit_rate: args.submit_rate,
        ..WebConfig::default()
    };
    // The built-in surveys, in their newest wording (a changed one becomes a new version).
    match samverka_app::surveys::instruments::install_builtin(&app.cli()).await {
        Ok(0) => {}
        Ok(n) => tracing::info!("installed {n} built-in survey version(s)"),
        Err(e) => tracing::warn!("could not install the built-in surveys: {e}"),
    }
    let listener = tokio::net::TcpListener::bind(args.listen)
        .await
        .with_context(|| format!("cannot listen on {}", args.listen))?;
    let addr = listener.local_addr()?;
    println!("samverka is running at http://{addr}/ (stop with Ctrl-C)");
    let state = AppState::new(app.clone(), config);
    samverka_web::serve(listener, state).await?;
    app.close().await;
    Ok(())
}

async fn demo(app: &App, scale: Scale) -> Result<()> {
    if !samverka_demo::is_empty(app).await? {
        println!("The database already has data; serving it as it is.");
        let logins = samverka_demo::existing_logins(app).await?;
        if logins.is_empty() {
            println!("It holds no demo accounts.");
        } else {
            println!(
                "Demo logins, as the demo set them (a password changed since then no longer works; delete the database file to start over):"
            );
            print_logins(&logins);
        }
        return Ok(());
    }
    let logins = match scale {
        Scale::County => {
            let bar = spinner("Filling the demo county");
            let l = samverka_demo::load_county(app).await;
            bar.finish_and_clear();
            l?
        }
        Scale::National => {
            let bar = Arc::new(ProgressBar::new(1));
            bar.set_style(
                ProgressStyle::with_template("{prefix} [{bar:40}] {pos}/{len} ({eta})")
                    .unwrap_or_else(|_| ProgressStyle::default_bar())
                    .progress_chars("=> "),
            );
            bar.set_prefix("Building a synthetic country");
            let b = bar.clone();
            let progress = move |done: u64, total: u64| {
                b.set_length(total);
                b.set_position(done);
            };
            let started = std::time::Instant::now();
            let l = samverka_demo::load_national(app, &progress).await;
            bar.finish_and_clear();
            let l = l?;
            println!(
                "Synthetic country built in {:.1} s.",
                started.elapsed().as_secs_f64()
            );
            l
        }
    };
    println!("Demo logins:");
    print_logins(&logins);
    Ok(())
}

fn print_logins(logins: &[samverka_demo::DemoLogin]) {
    let width = logins.iter().map(|l| l.email.len()).max().unwrap_or(0);
    for l in logins {
        println!(
            "  {:width$}  {:14}  {} ({})",
            l.email, l.password, l.role, l.scope
        );
    }
}

async fn user(app: &App, cmd: UserCommand) -> Result<()> {
    let ctx = app.cli();
    match cmd {
        UserCommand::Add {
            email,
            role,
            region,
            centre,
            name,
            password,
        } => {
            let role = match role {
                RoleArg::Admin => Role::Admin,
                RoleArg::CountyCoordinator => Role::CountyCoordinator,
                RoleArg::LocalCoordinator => Role::LocalCoordinator,
                RoleArg::Reader => Role::Reader,
            };
            let region = match (&region, role) {
                (_, Role::Admin) => None,
                (Some(r), _) => Some(
                    regions::find(&ctx, r)
                        .await
                        .map_err(|_| anyhow!("no region is called {r}"))?,
                ),
                (None, _) => bail!("--region is needed for the role {}", role.code()),
            };
            let grants: Vec<Grant> = match (role, &region) {
                (Role::Admin, _) => vec![Grant {
                    role,
                    region_id: None,
                    centre_id: None,
                }],
                (Role::LocalCoordinator, Some(region)) => {
                    if centre.is_empty() {
                        bail!("--centre is needed for a local coordinator");
                    }
                    let (_, all, _) = centres::in_region(&ctx, region.id).await?;
                    let mut ids = Vec::new();
                    for wanted in &centre {
                        let found = all
                            .iter()
                            .find(|c| {
                                c.centre.name.eq_ignore_ascii_case(wanted.trim())
                                    || c.centre.id.to_string() == wanted.trim()
                            })
                            .ok_or_else(|| anyhow!("no centre called {wanted} in {}", region.name))?;
                        ids.push(found.centre.id);
                    }
                    manage::form_grants(region.id, role.code(), &ids)?
                }
                (_, Some(region)) => manage::form_grants(region.id, role.code(), &[])?,
                (_, None) => bail!("--region is needed"),
            };
            let (password, generated) = match password {
                Some(p) => (p, false),
                None => (passwords::random_password(), true),
            };
            let name = name.unwrap_or_else(|| email.split('@').next().unwrap_or(&email).to_string());
            let granted = manage::grant_access(
                &ctx,
                &AccessRequest {
                    email: email.clone(),
                    name,
                    password: Some(password.clone()),
                    grants,
                },
            )
            .await
            .map_err(|e| anyhow!("{}", account_error(&e)))?;
            let email = samverka_core::account::email_key(&email);
            match granted {
                Granted::Created { .. } => {
                    println!("Created {email} as {}.", role.code());
                    if generated {
                        println!("Password: {password}");
                    }
                }
                Granted::Extended { .. } => {
                    println!("{email} already existed; gave it the role {}.", role.code());
                    if generated {
                        println!("Its password is unchanged.");
                    } else {
                        println!("Its password is changed and its sessions are ended.");
                    }
                }
            }
            Ok(())
        }
        UserCommand::Token {
            email,
            label,
            expires,
        } => {
            let account = manage::find(&ctx, &email)
                .await
                .map_err(|_| anyhow!("no account has the address {email}"))?;
            let draft = tokens::TokenDraft {
                label,
                expires_on: expires.unwrap_or_default(),
            };
            let (_, secret) = tokens::create(&ctx, account.id, &draft)
                .await
                .map_err(|e| anyhow!("{}", account_error(&e)))?;
            println!(
                "New API token for {} (shown once; use it as: Authorization: Bearer <token>):",
                account.email
            );
            println!("{secret}");
            Ok(())
        }
        UserCommand::List => {
            for a in manage::list_all(&ctx).await? {
                let roles: Vec<String> = a
                    .grants
                    .iter()
                    .map(|g| {
                        let mut r = g.grant.role.code().to_string();
                        if let Some(region) = g.grant.region_id {
                            r.push_str(&format!(" region {region}"));
                        }
                        if let Some(c) = g.grant.centre_id {
                            r.push_str(&format!(" centre {c}"));
                        }
                        if g.disabled_at.is_some() {
                            r.push_str(" (blocked)");
                        }
                        r
                    })
                    .collect();
                let state = if a.account.disabled { "blocked" } else { "active" };
                let tokens = if a.active_tokens == 1 { "token" } else { "tokens" };
                println!(
                    "{}\t{}\t{state}\t{} {tokens}\t{}",
                    a.account.email,
                    a.account.name,
                    a.active_tokens,
                    roles.join(", ")
                );
            }
            Ok(())
        }
        UserCommand::Disable { email } => {
            let account = manage::find(&ctx, &email)
                .await
                .map_err(|_| anyhow!("no account has the address {email}"))?;
            manage::set_disabled(&ctx, account.id, true).await?;
            println!(
                "Blocked {}: its sessions are ended and its API tokens revoked.",
                account.email
            );
            Ok(())
        }
        UserCommand::Enable { email } => {
            let account = manage::find(&ctx, &email)
                .await
                .map_err(|_| anyhow!("no account has the address {email}"))?;
            manage::set_disabled(&ctx, account.id, false).await?;
            println!("Unblocked {}.", account.email);
            Ok(())
        }
    }
}

/// An account rule's refusal in plain words for the command line.
fn account_error(e: &samverka_app::Error) -> String {
    match e {
        samverka_app::Error::Invalid(errors) => errors
            .0
            .iter()
            .map(|f| match (f.field, f.code) {
                ("email", _) => "that is not an e-mail address".to_string(),
                ("password", "password-too-short") => format!(
                    "the password must have at least {} characters",
                    samverka_core::account::MIN_PASSWORD_CHARS
                ),
                ("password", _) => "the password is too long".to_string(),
                ("name", _) => "the name is missing or too long".to_string(),
                ("expires_on", "date-in-past") => "the expiry date has passed already".to_string(),
                ("expires_on", _) => "the expiry date must be YYYY-MM-DD".to_string(),
                (field, code) => format!("{field}: {code}"),
            })
            .collect::<Vec<_>>()
            .join("; "),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use clap::Parser;

    use super::*;

    fn serve_args(args: &[&str]) -> ServeArgs {
        let cli = Cli::try_parse_from([&["samverka", "serve"], args].concat()).expect("arguments");
        match cli.command {
            Command::Serve(a) => a,
            other => panic!("not serve: {other:?}"),
        }
    }

    #[test]
    fn links_in_mail_point_at_the_listen_address_unless_a_public_url_is_set() {
        let c = config(Some(&serve_args(&["--listen", "0.0.0.0:9000"])));
        assert_eq!(c.public_url, "http://0.0.0.0:9000");
        let c = config(Some(&serve_args(&[
            "--listen",
            "0.0.0.0:9000",
            "--public-url",
            "https://samverka.region.se",
        ])));
        assert_eq!(c.public_url, "https://samverka.region.se");
    }

    #[test]
    fn the_login_burst_sets_the_failures_one_address_may_make() {
        let c = config(Some(&serve_args(&["--login-burst", "4"])));
        assert_eq!(c.login.address_failures, 4);
        assert_eq!(c.login.account_failures, LoginLimits::default().account_failures);
    }
}
