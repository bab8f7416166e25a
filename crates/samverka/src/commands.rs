//! What each command does.

use std::io::Write;
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, Result, anyhow, bail};
use indicatif::{ProgressBar, ProgressStyle};
use samverka_core::{Grant, Role};
use samverka_store::{Db, Who, backup, centres, municipalities, regions, users};
use samverka_web::auth::{hash_password, new_api_token};
use samverka_web::{AppState, WebConfig};

use crate::cli::{Cli, Command, RoleArg, Scale, ServeArgs, UserCommand};

/// Runs one command.
pub async fn run(cli: Cli) -> Result<()> {
    let url = cli.database_url.clone();
    match cli.command {
        Command::Serve(args) => {
            let db = open(&url).await?;
            serve(db, &args).await
        }
        Command::Demo {
            no_serve,
            scale,
            serve: args,
        } => {
            let db = open(&url).await?;
            demo(&db, scale).await?;
            if no_serve { Ok(()) } else { serve(db, &args).await }
        }
        Command::Migrate => {
            let db = open(&url).await?;
            db.close().await;
            println!("The database is up to date.");
            Ok(())
        }
        Command::User(cmd) => {
            let db = open(&url).await?;
            let r = user(&db, cmd).await;
            db.close().await;
            r
        }
        Command::Export { file } => {
            let db = open(&url).await?;
            let bar = spinner("Exporting");
            let doc = backup::export(&db, |table, n| bar.set_message(format!("{table}: {n} rows"))).await?;
            bar.finish_and_clear();
            let text = serde_json::to_string(&doc)?;
            if file.as_os_str() == "-" {
                std::io::stdout().write_all(text.as_bytes())?;
            } else {
                write_atomically(&file, text.as_bytes())?;
                eprintln!("Wrote {}", file.display());
            }
            db.close().await;
            Ok(())
        }
        Command::Import { file } => {
            let text =
                std::fs::read_to_string(&file).with_context(|| format!("cannot read {}", file.display()))?;
            let doc: serde_json::Value = serde_json::from_str(&text)
                .with_context(|| format!("{} is not a samverka export (not JSON)", file.display()))?;
            let db = open(&url).await?;
            let bar = spinner("Importing");
            let r = backup::import(&db, &doc, |table, n| {
                bar.set_message(format!("{table}: {n} rows"))
            })
            .await;
            bar.finish_and_clear();
            db.close().await;
            r?;
            println!("Imported {}.", file.display());
            Ok(())
        }
        Command::ImportPopulation { file } => {
            let bytes = std::fs::read(&file).with_context(|| format!("cannot read {}", file.display()))?;
            let db = open(&url).await?;
            let t = samverka_web::i18n::Tr::new(samverka_web::i18n::Lang::from_env());
            let result = match samverka_core::population::parse_population_csv(&bytes) {
                Ok(lines) => municipalities::import_population(&db, &Who::cli(), None, &lines).await?,
                Err(errors) => Err(errors),
            };
            db.close().await;
            match result {
                Ok(n) => {
                    println!("{}", t.t1("flash-population-imported", "count", n));
                    Ok(())
                }
                Err(errors) => {
                    eprintln!("{}:", t.t("population-nothing-imported"));
                    for e in &errors {
                        eprintln!("  {}", samverka_web::i18n::population_error_text(&t, e));
                    }
                    bail!("{} problem(s) in {}", errors.len(), file.display())
                }
            }
        }
    }
}

async fn open(url: &str) -> Result<Db> {
    Db::connect(url).await.map_err(|e| anyhow!("{e}"))
}

fn write_atomically(path: &std::path::Path, bytes: &[u8]) -> Result<()> {
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

async fn serve(db: Db, args: &ServeArgs) -> Result<()> {
    let config = WebConfig {
        secure_cookies: args.secure_cookies,
        trusted_origins: args.trusted_origins.clone(),
        login_burst: args.login_burst,
        smtp_url: args.smtp_url.clone(),
        mail_from: args.mail_from.clone(),
        outbox_dir: args.outbox_dir.clone(),
        public_url: args.public_url.clone(),
        ..WebConfig::default()
    };
    let listener = tokio::net::TcpListener::bind(args.listen)
        .await
        .with_context(|| format!("cannot listen on {}", args.listen))?;
    let addr = listener.local_addr()?;
    println!("samverka is running at http://{addr}/ (stop with Ctrl-C)");
    let state = AppState::new(db.clone(), config);
    samverka_web::serve(listener, state).await?;
    db.close().await;
    Ok(())
}

fn hasher() -> impl Fn(&str) -> String + Sync {
    |p: &str| hash_password(p).unwrap_or_default()
}

async fn demo(db: &Db, scale: Scale) -> Result<()> {
    if !samverka_demo::is_empty(db).await? {
        println!("The database already has data; serving it as it is.");
        println!("(Demo logins were printed when it was filled, e.g. admin@demo.samverka.se / demo-admin.)");
        return Ok(());
    }
    let hash = hasher();
    let logins = match scale {
        Scale::County => {
            let bar = spinner("Filling the demo county");
            let l = samverka_demo::load_county(db, &hash).await?;
            bar.finish_and_clear();
            l
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
            let l = samverka_demo::load_national(db, &hash, &progress).await?;
            bar.finish_and_clear();
            println!(
                "Synthetic country built in {:.1} s.",
                started.elapsed().as_secs_f64()
            );
            l
        }
    };
    println!("Demo logins:");
    let width = logins.iter().map(|l| l.email.len()).max().unwrap_or(0);
    for l in &logins {
        println!(
            "  {:width$}  {:14}  {} ({})",
            l.email, l.password, l.role, l.scope
        );
    }
    Ok(())
}

async fn user(db: &Db, cmd: UserCommand) -> Result<()> {
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
            if !email.contains('@') {
                bail!("{email} is not an e-mail address");
            }
            let region = match (&region, role) {
                (_, Role::Admin) => None,
                (Some(r), _) => Some(
                    regions::find(db, r)
                        .await
                        .map_err(|_| anyhow!("no region is called {r}"))?,
                ),
                (None, _) => bail!("--region is needed for the role {}", role.code()),
            };
            let grants: Vec<Grant> = match role {
                Role::Admin => vec![Grant {
                    role,
                    region_id: None,
                    centre_id: None,
                }],
                Role::LocalCoordinator => {
                    let Some(region) = &region else {
                        bail!("--region is needed")
                    };
                    if centre.is_empty() {
                        bail!("--centre is needed for a local coordinator");
                    }
                    let all = centres::list(db, Some(region.id)).await?;
                    let mut grants = Vec::new();
                    for wanted in &centre {
                        let found = all
                            .iter()
                            .find(|c| {
                                c.name.eq_ignore_ascii_case(wanted.trim())
                                    || c.id.to_string() == wanted.trim()
                            })
                            .ok_or_else(|| anyhow!("no centre called {wanted} in {}", region.name))?;
                        grants.push(Grant {
                            role,
                            region_id: Some(region.id),
                            centre_id: Some(found.id),
                        });
                    }
                    grants
                }
                _ => vec![Grant {
                    role,
                    region_id: region.as_ref().map(|r| r.id),
                    centre_id: None,
                }],
            };
            let who = Who::cli();
            if let Some(existing) = users::find_by_email(db, &email).await? {
                for g in &grants {
                    users::add_grant(db, &who, existing.id, g).await?;
                }
                if let Some(p) = password {
                    users::set_password(db, &who, existing.id, &hash_password(&p).map_err(|e| anyhow!(e))?)
                        .await?;
                }
                println!(
                    "{} already existed; gave it the role {}.",
                    existing.email,
                    role.code()
                );
                return Ok(());
            }
            let (password, generated) = match password {
                Some(p) if p.chars().count() >= 10 => (p, false),
                Some(_) => bail!("the password must have at least 10 characters"),
                None => (random_password(), true),
            };
            let name = name.unwrap_or_else(|| email.split('@').next().unwrap_or(&email).to_string());
            let hash = hash_password(&password).map_err(|e| anyhow!(e))?;
            users::create(db, &who, &email, &name, Some(&hash), &grants).await?;
            println!("Created {} as {}.", email.trim().to_lowercase(), role.code());
            if generated {
                println!("Password: {password}");
            }
            Ok(())
        }
        UserCommand::Token { email, label } => {
            let user = users::find_by_email(db, &email)
                .await?
                .ok_or_else(|| anyhow!("no account has the address {email}"))?;
            let (token, hash) = new_api_token();
            users::create_token(db, &Who::cli(), user.id, &hash, &label).await?;
            println!(
                "New API token for {} (shown once; use it as: Authorization: Bearer <token>):",
                user.email
            );
            println!("{token}");
            Ok(())
        }
    }
}

fn random_password() -> String {
    use rand::Rng;
    const CHARS: &[u8] = b"abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut rng = rand::rng();
    (0..16)
        .map(|_| CHARS[rng.random_range(0..CHARS.len())] as char)
        .collect()
}
