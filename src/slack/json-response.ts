// The HTTP server's response class (Node's `ServerResponse` option of http.createServer, which Bolt's
// HTTPReceiver passes through from app.start): a JSON text ack is labelled JSON.
//
// Bolt sends a text ack as `res.writeHead(200); res.end(text)`, with no Content-Type, and Slack shows a
// body that is not labelled application/json as plain text. ParamCount acks slash commands with JSON
// text it has already serialised (the reply memo keeps it), so that text has to be labelled here.
//
// Exactly that shape is labelled: writeHead(200) with no other arguments, then end() with a string that
// starts with "{", and no Content-Type set. To see the body first, such a writeHead only notes the
// status; the head is written by the end() (or write(), or flushHeaders()) that follows. Everything else
// is written as Node would: empty acks stay unlabelled, and so does any response whose head Node
// writes implicitly or whose headers the handler gives (GET /healthz, Bolt's url_verification, 401s).
import { ServerResponse } from 'node:http';
import type { IncomingMessage } from 'node:http';

export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

const writeHead = ServerResponse.prototype.writeHead;

export class JsonDefaultResponse<Request extends IncomingMessage = IncomingMessage> extends ServerResponse<Request> {
  /** writeHead(200) was called with nothing else: the head waits for the body. */
  #headPending = false;
  /** Inside write/end/flushHeaders: a writeHead from there is Node's own implicit one, never held back. */
  #writing = false;

  override writeHead(statusCode: number, ...rest: unknown[]): this {
    if (statusCode === 200 && rest.length === 0 && !this.#writing && !this.#headPending && !this.headersSent) {
      this.statusCode = 200;
      this.#headPending = true;
      return this;
    }
    return Reflect.apply(writeHead, this, [statusCode, ...rest]) as this;
  }

  /** Writes a held-back head, labelled JSON when the whole body is a JSON object's text. */
  #writePendingHead(wholeBody: unknown): void {
    if (!this.#headPending) return;
    this.#headPending = false;
    if (typeof wholeBody === 'string' && wholeBody.startsWith('{') && !this.hasHeader('content-type')) {
      this.setHeader('Content-Type', JSON_CONTENT_TYPE);
    }
    Reflect.apply(writeHead, this, [200]);
  }

  #asWriter<T>(body: () => T): T {
    this.#writing = true;
    try {
      return body();
    } finally {
      this.#writing = false;
    }
  }

  override end(...args: unknown[]): this {
    this.#writePendingHead(typeof args[0] === 'function' ? undefined : args[0]);
    return this.#asWriter(() => Reflect.apply(ServerResponse.prototype.end, this, args) as this);
  }

  override write(...args: unknown[]): boolean {
    // A body in pieces is never labelled: only end() sees a whole body.
    this.#writePendingHead(undefined);
    return this.#asWriter(() => Reflect.apply(ServerResponse.prototype.write, this, args) as boolean);
  }

  override flushHeaders(): void {
    this.#writePendingHead(undefined);
    this.#asWriter(() => ServerResponse.prototype.flushHeaders.call(this));
  }
}
