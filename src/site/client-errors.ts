import { STATUS_CODES, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { Duplex } from 'node:stream';
import { ERRORS, type ErrorCode } from '../lib/errors.ts';
import { HTTPS_RESOURCE_SECURITY_HEADERS, HTTPS_SECURITY_HEADERS, RESOURCE_SECURITY_HEADERS, SECURITY_HEADERS } from './security-headers.ts';

/** What node:http tells of a request its parser refused (see `prepareError` in Node's _http_common). */
type ClientError = Error & { code?: string; rawPacket?: Buffer; bytesParsed?: number };

// Node's parser codes and the catalogue's; any other refusal is a 400.
const CODES: Readonly<Record<string, ErrorCode>> = {
  HPE_HEADER_OVERFLOW: 'HEADERS_TOO_LARGE',
  HPE_CHUNK_EXTENSIONS_OVERFLOW: 'BODY_TOO_LARGE',
  ERR_HTTP_REQUEST_TIMEOUT: 'REQUEST_TIMEOUT',
};

const BAD_REQUEST_TITLE = 'অনুরোধটি বোঝা যায়নি';

// Sockets whose request was replayed: their first parser's later complaints are not answered again.
const replayed = new WeakSet<Socket>();

/**
 * Fastify's `clientErrorHandler`: answers what node:http refuses before Fastify sees it, as the site answers any bad request: the
 * documented error shape (JSON under /api/, else the Bengali page), the security headers, then the
 * connection closes. Node's default is a bare `400 Bad Request` (or 431, 408) with no body.
 *
 * One refusal is answered as the request it meant instead: a request line whose target holds raw
 * UTF-8 bytes (`GET /search?q=পুতিন`, as some clients and crawlers send). Node's parser (llhttp,
 * built strict: even `insecureHTTPParser` does not let these bytes through, and it would loosen
 * header and body framing too) refuses any byte above 0x7F in a URL. The bytes are percent-encoded,
 * exactly as a browser would, and the request is parsed again, strictly, on a stream of its own that
 * writes to the same socket; it is answered once and the connection closes.
 */
export function clientErrorHandler(server: () => Server | undefined, errorPage: (status: number, title: string, message: string) => Promise<string>) {
  return (refusal: Error, socket: Socket): void => {
    const error = refusal as ClientError;
    if (replayed.has(socket)) return;
    // A response already under way cannot be followed by another; a reset peer reads nothing.
    const inFlight = (socket as { _httpMessage?: { headersSent?: boolean } | null })._httpMessage;
    if (error.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
      socket.destroy();
      return;
    }
    const http = server();
    if (error.code === 'HPE_INVALID_URL' && !inFlight && error.rawPacket && http) {
      const request = withEncodedTarget(error.rawPacket);
      if (request) {
        replayed.add(socket);
        replay(http, socket, request);
        return;
      }
    }
    const code = CODES[error.code ?? ''] ?? 'BAD_REQUEST';
    void answer(socket, code, requestTarget(error.rawPacket), errorPage).catch(() => socket.destroy());
  };
}

/** Writes the error answer and closes the connection. */
async function answer(socket: Socket, code: ErrorCode, target: string | undefined, errorPage: Parameters<typeof clientErrorHandler>[1]) {
  const { status, bn } = ERRORS[code];
  const api = target === undefined || target.startsWith('/api/');
  const body = Buffer.from(
    api ? JSON.stringify({ error: { code, message: ERRORS[code].en, messageBn: bn } }) : await errorPage(status, BAD_REQUEST_TITLE, bn),
    'utf8',
  );
  const https = (socket as { encrypted?: boolean }).encrypted === true;
  const security = api ? (https ? HTTPS_RESOURCE_SECURITY_HEADERS : RESOURCE_SECURITY_HEADERS) : https ? HTTPS_SECURITY_HEADERS : SECURITY_HEADERS;
  const headers = {
    'content-type': api ? 'application/json; charset=utf-8' : 'text/html; charset=utf-8',
    'content-length': String(body.length),
    'cache-control': 'no-store',
    connection: 'close',
    ...security,
  };
  const head = `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n${Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('')}\r\n`;
  if (!socket.writable) return;
  socket.end(Buffer.concat([Buffer.from(head, 'latin1'), body]), () => socket.destroy());
}

/** The request target of the packet's request line, when it has one (to tell /api/ from pages). */
function requestTarget(packet: Buffer | undefined): string | undefined {
  if (!packet) return undefined;
  const line = packet.subarray(0, Math.min(packet.length, 8192)).toString('latin1');
  return /^[A-Z]+ (\S+)/.exec(line)?.[1];
}

/**
 * The packet with its request line's target percent-encoded (bytes above 0x7F as %XX) and
 * `Connection: close` added, when that is all that kept it from parsing and the whole request
 * (head and any body by Content-Length) is in the packet; otherwise undefined.
 */
export function withEncodedTarget(packet: Buffer): Buffer | undefined {
  const lineEnd = packet.indexOf('\r\n');
  const headEnd = packet.indexOf('\r\n\r\n');
  if (lineEnd <= 0 || headEnd < lineEnd) return undefined;
  const line = packet.subarray(0, lineEnd);
  const firstSpace = line.indexOf(0x20);
  const lastSpace = line.lastIndexOf(0x20);
  if (firstSpace <= 0 || lastSpace <= firstSpace + 1) return undefined;
  const method = line.subarray(0, firstSpace).toString('latin1');
  const version = line.subarray(lastSpace + 1).toString('latin1');
  if (!/^[A-Z]{3,10}$/.test(method) || !/^HTTP\/1\.[01]$/.test(version)) return undefined;
  let target = '';
  for (const byte of line.subarray(firstSpace + 1, lastSpace)) {
    if (byte > 0x7f) target += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    else if (byte > 0x20 && byte < 0x7f) target += String.fromCharCode(byte);
    else return undefined; // a space or control byte: not a URL however read
  }
  if (!target.startsWith('/') || !line.some((byte) => byte > 0x7f)) return undefined; // raw UTF-8 is the only fault forgiven
  const head = packet.subarray(lineEnd, headEnd).toString('latin1');
  if (/\r\ntransfer-encoding\s*:/i.test(head)) return undefined; // a streamed body is not all here
  const length = /\r\ncontent-length\s*:\s*(\d+)\s*(?=\r\n|$)/i.exec(head)?.[1];
  const body = packet.subarray(headEnd + 4);
  if (length !== undefined && Number(length) > body.length) return undefined;
  return Buffer.concat([Buffer.from(`${method} ${target} ${version}${head}\r\nConnection: close\r\n\r\n`, 'latin1'), body]);
}

/** Parses `request` as a new connection of `server` whose answer goes to `socket`. */
function replay(server: Server, socket: Socket, request: Buffer): void {
  const stream = new Duplex({
    read() {},
    write(chunk: Buffer, _encoding, done) {
      socket.write(chunk, (error) => done(error ?? null));
    },
    final(done) {
      socket.end(() => socket.destroy());
      done();
    },
    destroy(error, done) {
      socket.destroy();
      done(error);
    },
  });
  // What the request reads of its connection: the reader's address (rate limits, view counting), TLS.
  Object.defineProperties(stream, {
    remoteAddress: { value: socket.remoteAddress },
    remotePort: { value: socket.remotePort },
    remoteFamily: { value: socket.remoteFamily },
    encrypted: { value: (socket as { encrypted?: boolean }).encrypted },
  });
  socket.once('close', () => stream.destroy());
  server.emit('connection', stream);
  // The end of input is not pushed: node:http would abort the request before it is answered.
  // `Connection: close` ends the stream once the answer is written.
  stream.push(request);
}
