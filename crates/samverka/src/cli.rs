//! The command line: every setting as a flag and as an environment variable.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// samverka – governance and quality follow-up of Swedish family centres.
///
/// Start with `samverka demo`: it creates a database with a demo county,
/// prints the demo logins and serves the web application.
#[derive(Debug, Parser)]
#[command(name = "samverka", version, about, long_about)]
pub struct Cli {
    /// Where the data lives: a PostgreSQL URL (postgres://user@host/db), an
    /// SQLite URL (sqlite://file.db) or a plain file path.
    #[arg(
        long,
        env = "DATABASE_URL",
        default_value = "samverka.db",
        global = true,
        hide_env_values = true
    )]
    pub database_url: String,

    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Settings of the web server.
#[derive(Debug, Args, Clone)]
pub struct ServeArgs {
    /// Address and port to listen on.
    #[arg(long, env = "SAMVERKA_LISTEN", default_value = "127.0.0.1:8080")]
    pub listen: SocketAddr,
    /// Mark session cookies Secure. Turn on when the site is reached over HTTPS.
    #[arg(long, env = "SAMVERKA_SECURE_COOKIES", default_value_t = false)]
    pub secure_cookies: bool,
    /// Other origins that may post forms, comma separated (e.g. https://samverka.region.se behind a proxy).
    #[arg(long, env = "SAMVERKA_TRUSTED_ORIGINS", value_delimiter = ',')]
    pub trusted_origins: Vec<String>,
    /// Failed logins one client address may make in a minute before it must wait.
    /// (Failed logins on one account are limited to five in fifteen minutes.)
    #[arg(long, env = "SAMVERKA_LOGIN_BURST", default_value_t = 10)]
    pub login_burst: u32,
    /// Survey responses one client address may send in a minute through anonymous
    /// links (0: no limit). The addresses are kept in memory only.
    #[arg(long, env = "SAMVERKA_SUBMIT_RATE", default_value_t = 30)]
    pub submit_rate: u32,
    /// Reverse proxies (IP addresses, comma separated) whose X-Forwarded-For header
    /// names the client, for the login throttle.
    #[arg(long, env = "SAMVERKA_TRUSTED_PROXIES", value_delimiter = ',')]
    pub trusted_proxies: Vec<std::net::IpAddr>,
    /// SMTP server for e-mail notices, e.g. smtp://user:password@mail.example.se:587 (STARTTLS;
    /// add ?tls=none for a plain local relay, or use smtps:// for TLS from the start).
    /// Without it, mails are written as .eml files into the outbox folder.
    #[arg(long, env = "SAMVERKA_SMTP_URL", hide_env_values = true)]
    pub smtp_url: Option<String>,
    /// Sender of e-mail notices.
    #[arg(
        long,
        env = "SAMVERKA_MAIL_FROM",
        default_value = "samverka <noreply@samverka.local>"
    )]
    pub mail_from: String,
    /// Folder for .eml files when no SMTP server is set.
    #[arg(long, env = "SAMVERKA_OUTBOX_DIR", default_value = "./outbox")]
    pub outbox_dir: PathBuf,
    /// The site's address as readers reach it, for links in e-mails
    /// (default: http:// and the address the server listens on).
    #[arg(long, env = "SAMVERKA_PUBLIC_URL")]
    pub public_url: Option<String>,
}

/// How much demo data.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum Scale {
    /// Uppsala county as its 2025 follow-up describes it, plus a small fictional region on Skåne's rules.
    County,
    /// A synthetic country: 21 regions, 290 municipalities, 500 centres, 10 years of population.
    National,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the web application and the API.
    Serve(ServeArgs),
    /// Fill an empty database with demo data and serve it. An existing database is served as it is.
    Demo {
        /// Only fill the database; do not serve.
        #[arg(long)]
        no_serve: bool,
        /// How much data.
        #[arg(long, value_enum, default_value = "county")]
        scale: Scale,
        /// Server settings.
        #[command(flatten)]
        serve: ServeArgs,
    },
    /// Bring the database schema up to date (also done at every start).
    Migrate,
    /// Manage login accounts and API tokens.
    #[command(subcommand)]
    User(UserCommand),
    /// Write the whole database to one JSON file: the backup format.
    Export {
        /// The file to write ("-" for standard output).
        file: PathBuf,
    },
    /// Read a file written by `export` into an empty database (restore, or move between SQLite and PostgreSQL).
    Import {
        /// The file to read.
        file: PathBuf,
    },
    /// Share surveys: list them, import a definition document, export one.
    #[command(subcommand)]
    Instrument(InstrumentCommand),
    /// Import population numbers per municipality and year from a CSV file
    /// (columns: municipality code or name, year, total, children 0–6). Nothing is imported if any line is wrong.
    ImportPopulation {
        /// The CSV file.
        file: PathBuf,
    },
    /// Write a survey round's responses or results to a CSV or XLSX file (the
    /// format from the file's extension), with the same suppression of small
    /// groups as the results pages. Texts are in Swedish, or English when LANG says so.
    ExportRound {
        /// The round's id.
        round: i64,
        /// The file to write: name.csv or name.xlsx.
        file: PathBuf,
        /// What to write.
        #[arg(long, value_enum, default_value = "responses")]
        kind: ExportKindArg,
        /// Only this municipality's centres (its id).
        #[arg(long)]
        municipality: Option<i64>,
        /// Only this centre (its id).
        #[arg(long)]
        centre: Option<i64>,
    },
}

/// Survey commands: surveys travel between counties as one JSON document.
#[derive(Debug, Subcommand)]
pub enum InstrumentCommand {
    /// List the surveys a region may use (its own and the built-in ones), or every region's.
    List {
        /// Only this region (name or code).
        #[arg(long)]
        region: Option<String>,
    },
    /// Read a definition document into a region: a new survey, or the next
    /// version of the region's survey with the document's key. Nothing is
    /// stored if the document has any error; each is printed with its place.
    Import {
        /// The JSON file ("-" for standard input).
        file: PathBuf,
        /// The region that gets it (name or code).
        #[arg(long)]
        region: String,
        /// Publish the version today (it can then never change); without it, a draft.
        #[arg(long)]
        publish: bool,
    },
    /// Write a version of a survey as its definition document.
    Export {
        /// The survey's id (see `samverka instrument list`).
        id: i64,
        /// The JSON file to write ("-" for standard output).
        file: PathBuf,
        /// The version's number (default: the newest published, else the newest).
        #[arg(long)]
        version: Option<i64>,
    },
}

/// Account commands.
#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Create an account, or give an existing account one more role. The
    /// password rules apply to a password given for an existing account too.
    Add {
        /// The e-mail address, which is also the login name.
        email: String,
        /// The role.
        #[arg(long, value_enum)]
        role: RoleArg,
        /// The region the role applies to (name or code; not for admin).
        #[arg(long)]
        region: Option<String>,
        /// A centre a local coordinator coordinates (repeat for several).
        #[arg(long)]
        centre: Vec<String>,
        /// The person's name (default: the part of the address before @).
        #[arg(long)]
        name: Option<String>,
        /// The password; when left out a random one is made and printed.
        #[arg(long, env = "SAMVERKA_PASSWORD", hide_env_values = true)]
        password: Option<String>,
    },
    /// Make a new API token for an account. The token is printed once, as the last line.
    Token {
        /// The account's e-mail address.
        email: String,
        /// A label to recognise the token by.
        #[arg(long, default_value = "kommandorad")]
        label: String,
        /// The token's last day (YYYY-MM-DD); without it the token does not expire.
        #[arg(long)]
        expires: Option<String>,
    },
    /// List every account with its roles.
    List,
    /// Block an account everywhere: it cannot log in, its sessions end and its API tokens are revoked.
    Disable {
        /// The account's e-mail address.
        email: String,
    },
    /// Unblock an account blocked everywhere.
    Enable {
        /// The account's e-mail address.
        email: String,
    },
}

/// Roles as written on the command line.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum RoleArg {
    /// System administrator: everything.
    Admin,
    /// County coordinator (länssamordnare) of a region.
    CountyCoordinator,
    /// Local coordinator (lokal samordnare) of one or more centres.
    LocalCoordinator,
    /// Reader of a region.
    Reader,
}

/// What `export-round` writes.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum ExportKindArg {
    /// One row per response, one column per question.
    Responses,
    /// One row per question and option, with counts and percentages.
    Results,
}
