// The HTTP server's response class (Node's `ServerResponse` option of http.createServer, which Bolt's
// HTTPReceiver passes through from app.start): a 200 written with no headers is JSON.
//
// Bolt sends a text ack as `res.writeHead(200); res.end(text)`, with no Content-Type, and Slack shows a
// body that is not labelled application/json as plain text. ParamCount acks slash commands with JSON
// text it has already serialised (the reply memo keeps it), so that text has to be labelled here.
// Bolt's other header-less 200s have an empty body (a plain ack, the SSL check); every response with a
// body of another type states its own Content-Type (GET /healthz), and errors (401, 404, 500) are not
// 200s, so they are left as Bolt writes them.
import { ServerResponse } from 'node:http';
import type { IncomingMessage } from 'node:http';

export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

export class JsonDefaultResponse<Request extends IncomingMessage = IncomingMessage> extends ServerResponse<Request> {
  override writeHead(statusCode: number, ...rest: unknown[]): this {
    if (statusCode === 200 && rest.length === 0 && !this.hasHeader('content-type')) this.setHeader('Content-Type', JSON_CONTENT_TYPE);
    return Reflect.apply(ServerResponse.prototype.writeHead, this, [statusCode, ...rest]) as this;
  }
}
