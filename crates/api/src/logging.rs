//! Requests the HTTP parser rejects (heads too large, too many headers, malformed request
//! lines) never reach the application: actix-http answers them itself (`431` or `400`,
//! without a body) and logs them at ERROR from its dispatcher. They are the client's
//! fault, so the server's log shows them at WARN: [`NotParserRejection`] keeps them out
//! of the main output and [`ParserRejectionsAsWarn`] writes them as WARN lines.

use std::io::Write;
use tracing::field::{Field, Visit};
use tracing::{Event, Level, Metadata, Subscriber};
use tracing_subscriber::fmt::MakeWriter;
use tracing_subscriber::layer::{Context, Filter, Layer};

/// Where actix-http logs the requests its parser rejects.
pub const ACTIX_DISPATCHER: &str = "actix_http::h1::dispatcher";

/// The start of actix-http's message for a request its parser rejected.
const PARSE_ERROR: &str = "stream error: request parse error";

#[derive(Default)]
struct Message(String);

impl Visit for Message {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        if field.name() == "message" {
            self.0 = format!("{value:?}");
        }
    }
}

fn could_be_rejection(metadata: &Metadata<'_>) -> bool {
    metadata.target() == ACTIX_DISPATCHER && *metadata.level() == Level::ERROR
}

/// The parser's reason when `event` is actix-http logging a rejected request.
pub fn parser_rejection(event: &Event<'_>) -> Option<String> {
    if !could_be_rejection(event.metadata()) {
        return None;
    }
    let mut message = Message::default();
    event.record(&mut message);
    message
        .0
        .strip_prefix(PARSE_ERROR)
        .map(|reason| reason.trim_start_matches([':', ' ']).to_owned())
}

/// A per-layer filter letting every event through except parser rejections.
#[derive(Debug, Clone, Copy, Default)]
pub struct NotParserRejection;

impl<S: Subscriber> Filter<S> for NotParserRejection {
    fn enabled(&self, _: &Metadata<'_>, _: &Context<'_, S>) -> bool {
        true
    }

    fn event_enabled(&self, event: &Event<'_>, _: &Context<'_, S>) -> bool {
        parser_rejection(event).is_none()
    }
}

/// A layer writing parser rejections as WARN lines (text, or JSON lines like the
/// `tracing-subscriber` JSON format) to `writer`.
pub struct ParserRejectionsAsWarn<W> {
    json: bool,
    writer: W,
}

impl<W> ParserRejectionsAsWarn<W> {
    /// Writes to `writer`, as JSON lines when `json`.
    pub fn new(json: bool, writer: W) -> Self {
        Self { json, writer }
    }
}

impl<S, W> Layer<S> for ParserRejectionsAsWarn<W>
where
    S: Subscriber,
    W: for<'writer> MakeWriter<'writer> + 'static,
{
    fn on_event(&self, event: &Event<'_>, _: Context<'_, S>) {
        let Some(reason) = parser_rejection(event) else {
            return;
        };
        let now = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Micros, true);
        let message = "request rejected by the HTTP parser (answered without a body)";
        let line = if self.json {
            serde_json::json!({
                "timestamp": now,
                "level": "WARN",
                "fields": {"message": message, "reason": reason},
                "target": "orienta_api::http",
            })
            .to_string()
        } else {
            format!("{now}  WARN orienta_api::http: {message} reason={reason:?}")
        };
        let _ = writeln!(self.writer.make_writer(), "{line}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::{Arc, Mutex};
    use tracing_subscriber::layer::SubscriberExt;

    #[derive(Clone, Default)]
    struct Buffer(Arc<Mutex<Vec<u8>>>);

    impl Write for Buffer {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(bytes);
            Ok(bytes.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    impl Buffer {
        fn text(&self) -> String {
            String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
        }
    }

    #[test]
    fn parser_rejections_are_written_at_warn_and_other_errors_stay_errors() {
        for json in [false, true] {
            let main = Buffer::default();
            let rejections = Buffer::default();
            let main_writer = main.clone();
            let rejection_writer = rejections.clone();
            let subscriber = tracing_subscriber::registry()
                .with(ParserRejectionsAsWarn::new(json, move || {
                    rejection_writer.clone()
                }))
                .with(
                    tracing_subscriber::fmt::layer()
                        .with_writer(move || main_writer.clone())
                        .with_filter(NotParserRejection),
                );
            tracing::subscriber::with_default(subscriber, || {
                tracing::error!(target: "actix_http::h1::dispatcher", "stream error: request parse error: message head is too large");
                tracing::error!(target: "actix_http::h1::dispatcher", "Internal server error: unexpected eof");
                tracing::error!("a real error");
            });
            let main = main.text();
            let rejections = rejections.text();
            assert!(!main.contains("head is too large"), "{main}");
            assert!(
                main.contains("unexpected eof") && main.contains("a real error"),
                "{main}"
            );
            assert!(
                rejections.contains("WARN") && rejections.contains("message head is too large"),
                "{rejections}"
            );
            assert!(
                !rejections.contains("ERROR") && !rejections.contains("unexpected eof"),
                "{rejections}"
            );
        }
    }
}
