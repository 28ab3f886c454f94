//! Bridges between streamed HTTP bodies and the blocking bulk screener.
//!
//! [`body_reader`] turns a request body into a blocking [`Read`], fed by a
//! task that enforces the size limit and an idle timeout. [`chunk_writer`]
//! gives a blocking [`Write`] whose chunks become a response body,
//! [`ChunkBody`], which ends with trailers when the work is done and breaks
//! off (no final chunk) when it fails, so a client never takes a cut-short
//! answer for a whole one. Both sides are bounded channels: memory stays
//! flat whatever the body's size, and a slow client slows the work down.

use std::io::{self, Read, Write};
use std::pin::Pin;
use std::sync::{Arc, OnceLock};
use std::task::{Context, Poll};
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::http::{HeaderMap, StatusCode};
use http_body::Frame;
use http_body_util::BodyExt;
use tokio::sync::mpsc;

use super::error::ApiError;

/// Request body pieces buffered between the network and the reader.
const BODY_PIECES: usize = 16;
/// Response chunks buffered between the writer and the network.
const RESPONSE_PIECES: usize = 4;
/// Bytes gathered before the writer hands a chunk to the response.
const RESPONSE_CHUNK: usize = 64 << 10;

/// Why a request body stopped early, kept for the answer's status when no
/// response has started yet.
pub type BodyFailure = Arc<OnceLock<ApiError>>;

/// A blocking reader of a request body; see [`body_reader`].
#[derive(Debug)]
pub struct BodyReader {
    pieces: mpsc::Receiver<Result<Bytes, String>>,
    current: Bytes,
}

/// Reads `body` in a task of its own: at most `limit` bytes (413), with at
/// most `idle` between two pieces (408). The reader gets an IO error when
/// either happens or the body breaks, and the failure records why.
pub fn body_reader(body: Body, limit: u64, idle: Duration) -> (BodyReader, BodyFailure) {
    let (sender, pieces) = mpsc::channel(BODY_PIECES);
    let failure = BodyFailure::default();
    let recorded = Arc::clone(&failure);
    tokio::spawn(async move {
        let mut body = body;
        let mut total: u64 = 0;
        let problem = loop {
            let frame = match tokio::time::timeout(idle, body.frame()).await {
                Err(_) => {
                    break ApiError::new(
                        StatusCode::REQUEST_TIMEOUT,
                        "request_timeout",
                        format!("no part of the body arrived for {} s", idle.as_secs_f32()),
                    )
                }
                Ok(None) => return,
                Ok(Some(Err(error))) => {
                    break ApiError::new(
                        StatusCode::BAD_REQUEST,
                        "bad_body",
                        format!("cannot read the body: {error}"),
                    )
                }
                Ok(Some(Ok(frame))) => frame,
            };
            let Ok(bytes) = frame.into_data() else { continue };
            total += bytes.len() as u64;
            if total > limit {
                break ApiError::too_large(format!("the body is over the limit of {limit} bytes"));
            }
            if sender.send(Ok(bytes)).await.is_err() {
                return; // the reader stopped early: nothing more is wanted
            }
        };
        let message = problem.message.clone();
        let _ = recorded.set(problem);
        let _ = sender.send(Err(message)).await;
    });
    (BodyReader { pieces, current: Bytes::new() }, failure)
}

impl Read for BodyReader {
    fn read(&mut self, buffer: &mut [u8]) -> io::Result<usize> {
        while self.current.is_empty() {
            match self.pieces.blocking_recv() {
                None => return Ok(0),
                Some(Ok(bytes)) => self.current = bytes,
                Some(Err(message)) => return Err(io::Error::other(message)),
            }
        }
        let count = buffer.len().min(self.current.len());
        let piece = self.current.split_to(count);
        buffer.get_mut(..count).unwrap_or_default().copy_from_slice(&piece);
        Ok(count)
    }
}

/// What the writing side sends to the response body.
#[derive(Debug)]
enum Piece {
    Data(Bytes),
    Done(HeaderMap),
    Failed(String),
}

/// A blocking writer whose bytes become a [`ChunkBody`], in chunks of about
/// 64 KiB; [`ChunkWriter::finish`] sends the rest and ends the body, and
/// [`ChunkWriter::fail`] (or dropping it) breaks the body off. Writing fails
/// once the client has gone away.
///
/// `flush` keeps the bytes until a chunk is full or the end: until the
/// first chunk goes, a failure can still be answered with its own status.
#[derive(Debug)]
pub struct ChunkWriter {
    pieces: mpsc::Sender<Piece>,
    pending: Vec<u8>,
}

/// A writer and the response body it feeds.
pub fn chunk_writer() -> (ChunkWriter, ChunkBody) {
    let (sender, pieces) = mpsc::channel(RESPONSE_PIECES);
    let writer = ChunkWriter { pieces: sender, pending: Vec::new() };
    (writer, ChunkBody { pieces, first: None, ended: false })
}

impl ChunkWriter {
    fn send_pending(&mut self) -> io::Result<()> {
        let chunk = Bytes::from(std::mem::take(&mut self.pending));
        self.send(Piece::Data(chunk))
    }

    fn send(&self, piece: Piece) -> io::Result<()> {
        self.pieces.blocking_send(piece).map_err(|_| {
            io::Error::new(io::ErrorKind::BrokenPipe, "the client stopped reading the answer")
        })
    }

    /// The work is done: sends what is left, then ends the body with
    /// `trailers` (sent to clients that asked with `TE: trailers`).
    pub fn finish(mut self, trailers: HeaderMap) -> io::Result<()> {
        if !self.pending.is_empty() {
            self.send_pending()?;
        }
        self.send(Piece::Done(trailers))
    }

    /// The work failed: the body breaks off after the chunks already sent.
    pub fn fail(self, message: String) {
        let _ = self.send(Piece::Failed(message));
    }
}

impl Write for ChunkWriter {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.pending.extend_from_slice(bytes);
        if self.pending.len() >= RESPONSE_CHUNK {
            self.send_pending()?;
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// A response body fed by a [`ChunkWriter`].
#[derive(Debug)]
pub struct ChunkBody {
    pieces: mpsc::Receiver<Piece>,
    first: Option<Piece>,
    ended: bool,
}

/// What came first out of a [`ChunkBody`]'s writer.
#[derive(Debug)]
pub enum Start {
    /// Output began (or the work ended well): the body can be sent.
    Output(ChunkBody),
    /// The work failed before writing anything: answer with an error.
    Failed,
}

impl ChunkBody {
    /// Waits for the first output, so an error found before any (a bad
    /// header, a body over the limit) can still get its own status.
    pub async fn start(mut self) -> Start {
        match self.pieces.recv().await {
            Some(Piece::Failed(_)) | None => Start::Failed,
            Some(first) => {
                self.first = Some(first);
                Start::Output(self)
            }
        }
    }
}

impl http_body::Body for ChunkBody {
    type Data = Bytes;
    type Error = io::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        context: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, io::Error>>> {
        if self.ended {
            return Poll::Ready(None);
        }
        let piece = match self.first.take() {
            Some(piece) => Some(piece),
            None => match self.pieces.poll_recv(context) {
                Poll::Pending => return Poll::Pending,
                Poll::Ready(piece) => piece,
            },
        };
        Poll::Ready(Some(match piece {
            Some(Piece::Data(bytes)) => Ok(Frame::data(bytes)),
            Some(Piece::Done(trailers)) => {
                self.ended = true;
                Ok(Frame::trailers(trailers))
            }
            Some(Piece::Failed(message)) => {
                self.ended = true;
                Err(io::Error::other(message))
            }
            None => {
                self.ended = true;
                Err(io::Error::other("the work stopped before its end"))
            }
        }))
    }
}
