// A minimal RFC 6455 WebSocket server endpoint for tests (the `ws` package is not installed: the
// Socket Mode client uses undici's WebSocket). Handles the handshake, masked client frames,
// fragmentation, ping -> pong and the close handshake. Text frames only, which is all Socket Mode uses.
import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

export class MiniWebSocket extends EventEmitter {
  private buffer = Buffer.alloc(0);
  private fragments: Buffer[] = [];
  private closed = false;
  /** Text messages received, parsed as JSON when possible. */
  readonly received: unknown[] = [];

  constructor(
    readonly socket: Duplex,
    readonly path: string,
  ) {
    super();
    socket.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      this.parse();
    });
    socket.on('close', () => {
      this.closed = true;
      this.emit('close');
    });
    socket.on('error', () => {
      /* peer reset; 'close' follows */
    });
  }

  get isOpen(): boolean {
    return !this.closed && !this.socket.destroyed;
  }

  private parse(): void {
    for (;;) {
      const b = this.buffer;
      if (b.length < 2) return;
      const fin = (b[0]! & 0x80) !== 0;
      const opcode = b[0]! & 0x0f;
      const masked = (b[1]! & 0x80) !== 0;
      let len = b[1]! & 0x7f;
      let offset = 2;
      if (len === 126) {
        if (b.length < 4) return;
        len = b.readUInt16BE(2);
        offset = 4;
      } else if (len === 127) {
        if (b.length < 10) return;
        len = Number(b.readBigUInt64BE(2));
        offset = 10;
      }
      const maskLen = masked ? 4 : 0;
      if (b.length < offset + maskLen + len) return;
      const mask = masked ? b.subarray(offset, offset + 4) : null;
      const payload = Buffer.from(b.subarray(offset + maskLen, offset + maskLen + len));
      if (mask) for (let i = 0; i < payload.length; i++) payload[i] = payload[i]! ^ mask[i % 4]!;
      this.buffer = b.subarray(offset + maskLen + len);
      this.onFrame(fin, opcode, payload);
    }
  }

  private onFrame(fin: boolean, opcode: number, payload: Buffer): void {
    switch (opcode) {
      case 0x0: // continuation
      case 0x1: // text
      case 0x2: {
        this.fragments.push(payload);
        if (!fin) return;
        const text = Buffer.concat(this.fragments).toString('utf8');
        this.fragments = [];
        let data: unknown = text;
        try {
          data = JSON.parse(text);
        } catch {
          /* keep text */
        }
        this.received.push(data);
        this.emit('message', data);
        return;
      }
      case 0x8: // close: answer it, then end the TCP connection
        if (!this.closed) this.writeFrame(0x8, payload.subarray(0, 2));
        this.socket.end();
        return;
      case 0x9: // ping
        this.writeFrame(0xa, payload);
        return;
      default:
        return; // pong
    }
  }

  private writeFrame(opcode: number, payload: Buffer): void {
    if (this.socket.destroyed || !this.socket.writable) return;
    let header: Buffer;
    if (payload.length < 126) {
      header = Buffer.from([0x80 | opcode, payload.length]);
    } else if (payload.length < 65536) {
      header = Buffer.alloc(4);
      header[0] = 0x80 | opcode;
      header[1] = 126;
      header.writeUInt16BE(payload.length, 2);
    } else {
      header = Buffer.alloc(10);
      header[0] = 0x80 | opcode;
      header[1] = 127;
      header.writeBigUInt64BE(BigInt(payload.length), 2);
    }
    this.socket.write(Buffer.concat([header, payload]));
  }

  send(data: unknown): void {
    this.writeFrame(0x1, Buffer.from(typeof data === 'string' ? data : JSON.stringify(data), 'utf8'));
  }

  /** Starts a clean close handshake from the server side. */
  close(code = 1001): void {
    const p = Buffer.alloc(2);
    p.writeUInt16BE(code, 0);
    this.writeFrame(0x8, p);
    this.closed = true;
    setTimeout(() => this.socket.destroy(), 200).unref();
  }

  /** Drops the TCP connection without a close frame (a network failure). */
  terminate(): void {
    this.socket.destroy();
  }

  /** Resolves with the first received message matching the predicate (already received ones count). */
  waitForMessage(pred: (m: unknown) => boolean, timeoutMs = 10_000): Promise<unknown> {
    const found = this.received.find(pred);
    if (found !== undefined) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.off('message', on);
        reject(new Error('timed out waiting for a WebSocket message'));
      }, timeoutMs);
      const on = (m: unknown) => {
        if (!pred(m)) return;
        clearTimeout(timer);
        this.off('message', on);
        resolve(m);
      };
      this.on('message', on);
    });
  }
}

/** Completes a WebSocket handshake on an HTTP upgrade request. */
export function acceptWebSocket(req: IncomingMessage, socket: Duplex, head: Buffer): MiniWebSocket | null {
  const key = req.headers['sec-websocket-key'];
  if (typeof key !== 'string' || (req.headers.upgrade ?? '').toLowerCase() !== 'websocket') {
    socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    return null;
  }
  const accept = createHash('sha1')
    .update(key + GUID)
    .digest('base64');
  socket.write(
    'HTTP/1.1 101 Switching Protocols\r\n' +
      'Upgrade: websocket\r\n' +
      'Connection: Upgrade\r\n' +
      `Sec-WebSocket-Accept: ${accept}\r\n\r\n`,
  );
  const ws = new MiniWebSocket(socket, req.url ?? '/');
  if (head.length > 0) socket.emit('data', head);
  return ws;
}
