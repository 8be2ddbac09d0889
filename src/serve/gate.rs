//! Who gets a connection slot: a connection that has sent nothing yet is
//! parked (it holds no slot) until its first byte arrives, for at most
//! [`FIRST_BYTE`]; when [`MAX_PARKED`] are parked, the oldest is closed to
//! make room. So sockets opened and left idle — by a browser's
//! preconnects or on purpose, re-opened as fast as they are closed — can
//! never hold the slots that clients sending requests need.

use std::collections::VecDeque;
use std::future::Future;
use std::pin::pin;
use std::sync::{Arc, Mutex};
use std::task::Poll;
use std::time::Duration;

use tokio::net::TcpStream;
use tokio::sync::oneshot;

/// Longest a new connection may wait before sending its first byte.
pub const FIRST_BYTE: Duration = Duration::from_secs(5);
/// Connections parked at once before the oldest is closed.
pub const MAX_PARKED: usize = 512;

/// The parked connections, oldest first, each with the way to close it.
#[derive(Default)]
pub struct Parked {
    queue: Mutex<VecDeque<(u64, oneshot::Sender<()>)>>,
    next: Mutex<u64>,
}

impl Parked {
    /// A new, empty parking.
    pub fn new() -> Arc<Parked> {
        Arc::new(Parked::default())
    }

    /// Waits until `stream` has a byte to read: true then; false when it
    /// was closed, evicted to make room, or sent nothing for [`FIRST_BYTE`].
    pub async fn first_byte(self: &Arc<Self>, stream: &TcpStream) -> bool {
        let (tx, rx) = oneshot::channel();
        let id = {
            let mut next = self.next.lock().unwrap_or_else(|p| p.into_inner());
            *next += 1;
            *next
        };
        {
            let mut q = self.queue.lock().unwrap_or_else(|p| p.into_inner());
            if q.len() >= MAX_PARKED {
                if let Some((_, oldest)) = q.pop_front() {
                    let _ = oldest.send(());
                }
            }
            q.push_back((id, tx));
        }
        // `peek` waits for a byte that is there (readiness alone can be a
        // false alarm); 0 bytes is a client that closed without a word.
        let ready = async {
            let mut byte = [0u8; 1];
            tokio::time::timeout(FIRST_BYTE, stream.peek(&mut byte))
                .await
                .is_ok_and(|r| r.is_ok_and(|n| n > 0))
        };
        let ready = first_of(ready, rx).await.unwrap_or(false);
        let mut q = self.queue.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(i) = q.iter().position(|(k, _)| *k == id) {
            q.remove(i);
        }
        ready
    }
}

/// The output of `a` if it finishes before `b`, else `None`.
async fn first_of<A: Future, B: Future>(a: A, b: B) -> Option<A::Output> {
    let (mut a, mut b) = (pin!(a), pin!(b));
    std::future::poll_fn(|cx| {
        if let Poll::Ready(v) = a.as_mut().poll(cx) {
            return Poll::Ready(Some(v));
        }
        if b.as_mut().poll(cx).is_ready() {
            return Poll::Ready(None);
        }
        Poll::Pending
    })
    .await
}
