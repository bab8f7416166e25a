use std::sync::Arc;
use std::time::Instant;

use samverka_app::{App, AppConfig, SystemClock};

#[tokio::main]
async fn main() {
    let dir = tempfile_dir();
    let file = format!("{dir}/p.db");
    let app = App::open(&file, AppConfig::default(), Arc::new(SystemClock))
        .await
        .unwrap();
    samverka_demo::load_national(&app, &|_, _| {}).await.unwrap();
    let ctx = app.cli();
    let region = 12;
    let year = 2025;
    for _ in 0..3 {
        let t = Instant::now();
        let o = samverka_app::registry::centres::overview(&ctx, region, year, false)
            .await
            .unwrap();
        println!("overview {:?} ({} centres)", t.elapsed(), o.centres.len());
    }
    let db = samverka_store::Db::open(&file).await.unwrap();
    let mut c = db.read().await.unwrap();
    macro_rules! time {
        ($name:expr, $e:expr) => {{
            let t = Instant::now();
            let v = $e.await.unwrap();
            println!("  {:<28} {:?}", $name, t.elapsed());
            v
        }};
    }
    use samverka_store::governance::*;
    use samverka_store::registry::*;
    let g = time!("groups::list", groups::list(&mut c, Some(region)));
    let m = time!("meetings::list", meetings::list(&mut c, Some(region)));
    let a = time!("assignments::list", assignments::list(&mut c, Some(region)));
    let _ = time!(
        "introductions::introduced_on",
        introductions::introduced_on(&mut c, Some(region))
    );
    let mt = time!("matters::list", matters::list(&mut c, Some(region)));
    let cs = time!("centres::list", centres::list(&mut c, Some(region)));
    let _ = time!(
        "centres::units_in_region",
        centres::units_in_region(&mut c, Some(region))
    );
    let _ = time!("municipalities::list", municipalities::list(&mut c, Some(region)));
    let _ = time!("regions::get", regions::get(&mut c, region));
    println!(
        "{} groups {} meetings {} assignments {} matters {} centres",
        g.len(),
        m.len(),
        a.len(),
        mt.len(),
        cs.len()
    );
    let bytes: usize = m
        .iter()
        .map(|m| {
            m.minutes_md.as_ref().map_or(0, |s| s.len()) + m.minutes_html.as_ref().map_or(0, |s| s.len())
        })
        .sum();
    println!("minutes bytes {bytes}");
    let ctxu = samverka_app::accounts::context::for_user(&app, 1).await.unwrap();
    let t = Instant::now();
    for _ in 0..10 {
        let _ = samverka_app::accounts::context::for_user(&app, 1).await.unwrap();
    }
    println!("for_user x10 {:?} {}", t.elapsed(), ctxu.is_some());
}

fn tempfile_dir() -> String {
    let d = std::env::temp_dir().join(format!("prof{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d.display().to_string()
}
