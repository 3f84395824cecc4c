//! Real servers for the tests: an on-disk index in a tempdir, an actix HttpServer on
//! 127.0.0.1:0 in its own thread, reqwest against it.

use crate::fixtures;
use orienta_api::{AppState, ServerConfig};
use orienta_search::{build_version, IndexHandle};
use orienta_territory::Tagger;
use orienta_thesaurus::Thesaurus;
use std::path::PathBuf;
use std::sync::{mpsc, Arc, OnceLock};

pub const PARTNER_KEY: &str = "partner-sud-key";
pub const ADMIN_KEY: &str = "admin-key";

/// The territory layers, loaded once.
pub fn tagger() -> Arc<Tagger> {
    static TAGGER: OnceLock<Arc<Tagger>> = OnceLock::new();
    TAGGER
        .get_or_init(|| Arc::new(Tagger::bundled().expect("bundled territory layers")))
        .clone()
}

/// A running server.
pub struct TestServer {
    pub base: String,
    pub client: reqwest::blocking::Client,
    pub index_root: PathBuf,
    _dir: tempfile::TempDir,
}

impl TestServer {
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    pub fn get(&self, path: &str) -> reqwest::blocking::Response {
        self.client.get(self.url(path)).send().expect("request")
    }

    pub fn json(&self, path: &str) -> serde_json::Value {
        let response = self.get(path);
        assert_eq!(response.status(), 200, "GET {path}");
        response.json().expect("json body")
    }
}

/// The configuration of the test servers: keys, generous limits, no watcher.
pub fn config() -> ServerConfig {
    let mut config = ServerConfig::from_toml(&format!(
        r#"
        bind = ["127.0.0.1:0"]
        workers = 2
        index_watch_seconds = 0
        [rate_limit]
        requests = 100000
        [[partner_keys]]
        name = "cass-sud"
        key = "{PARTNER_KEY}"
        rate_limit = 100000
        bassins = ["sud"]
        [[admin_keys]]
        name = "ops"
        key = "{ADMIN_KEY}"
        "#
    ))
    .expect("test config");
    config.limits.max_body_bytes = 1024;
    config
}

/// Starts a server over the fixture corpus with `config`; `reindex` adds a reindexer.
pub fn start(config: ServerConfig, with_reindexer: bool) -> TestServer {
    start_with(config, with_reindexer, fixtures::corpus(&tagger()))
}

/// Starts a server over `organisations` with `config`; `reindex` adds a reindexer.
pub fn start_with(
    config: ServerConfig,
    with_reindexer: bool,
    organisations: Vec<orienta_model::Organisation>,
) -> TestServer {
    let dir = tempfile::tempdir().expect("tempdir");
    let index_root = dir.path().join("index");
    let thesaurus = Thesaurus::bundled();
    let tagger = tagger();
    build_version(
        &index_root,
        &organisations,
        &thesaurus,
        &["fixtures".to_owned()],
    )
    .expect("index built");
    let thesaurus = Arc::new(thesaurus);
    let handle = IndexHandle::open(&index_root, thesaurus.clone()).expect("index opened");
    let mut state =
        AppState::new(&config, handle, thesaurus.clone(), tagger.clone()).expect("state");
    if with_reindexer {
        let root = index_root.clone();
        let reindex_thesaurus = thesaurus.clone();
        state = state.with_reindexer(move || {
            let mut organisations = organisations.clone();
            organisations.pop();
            build_version(&root, &organisations, &reindex_thesaurus, &[])
                .map(|summary| summary.manifest.version)
                .map_err(|error| error.to_string())
        });
    }
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        let system = actix_web::rt::System::new();
        let outcome = system.block_on(async move {
            let bound = orienta_api::serve(&config, state, |_| {})?;
            let _ = sender.send(bound.addrs[0]);
            bound.server.await
        });
        if let Err(error) = outcome {
            eprintln!("test server stopped: {error}");
        }
    });
    let address = receiver.recv().expect("server address");
    TestServer {
        base: format!("http://{address}"),
        client: reqwest::blocking::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client"),
        index_root,
        _dir: dir,
    }
}

/// The server most tests share.
pub fn shared() -> &'static TestServer {
    static SERVER: OnceLock<TestServer> = OnceLock::new();
    SERVER.get_or_init(|| start(config(), false))
}
