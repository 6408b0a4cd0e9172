// A Server-Sent Events response: events written as they come, a comment line as heartbeat (so that proxies and the
// browser keep an idle connection open), and a bounded lifetime after which the browser's EventSource reconnects —
// through the loader again, so that a connection never outlives the session that opened it. Closes cleanly when the
// client goes away (the request's signal) or the server ends it; `onClose` runs exactly once either way.
const encoder = new TextEncoder();

export interface EventStream {
  response: Response;
  send(event: string, data: unknown): void;
  close(): void;
}

export function eventStream({
  signal,
  heartbeatMs,
  lifetimeMs,
  retryMs = 3_000,
  onClose,
}: {
  signal: AbortSignal;
  heartbeatMs: number;
  lifetimeMs: number;
  retryMs?: number;
  onClose: () => void;
}): EventStream {
  let controller: ReadableStreamDefaultController<Uint8Array> | null = null;
  let closed = false;
  const timers: Array<ReturnType<typeof setTimeout>> = [];

  function close() {
    if (closed) return;
    closed = true;
    timers.forEach((t) => clearTimeout(t));
    signal.removeEventListener("abort", close);
    try {
      controller?.close();
    } catch {
      // Already closed by the reader.
    }
    onClose();
  }

  function write(text: string) {
    if (closed || !controller) return;
    try {
      controller.enqueue(encoder.encode(text));
    } catch {
      close();
    }
  }

  const body = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
      write(`retry: ${retryMs}\n\n`);
      timers.push(setInterval(() => write(": ping\n\n"), heartbeatMs));
      timers.push(setTimeout(close, lifetimeMs));
    },
    cancel: close,
  });
  if (signal.aborted) close();
  else signal.addEventListener("abort", close, { once: true });

  return {
    response: new Response(body, {
      headers: {
        "Content-Type": "text/event-stream; charset=utf-8",
        // no-transform: the compression middleware leaves the stream alone (it would buffer the events).
        "Cache-Control": "no-store, no-transform",
        "X-Accel-Buffering": "no",
      },
    }),
    send(event, data) {
      write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    close,
  };
}
