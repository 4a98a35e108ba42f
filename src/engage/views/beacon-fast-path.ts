import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ViewCounter } from './view-counter.ts';
import { MAX_ID } from '../../lib/parse-input.ts';

const BEACON = /^\/api\/v1\/articles\/([1-9]\d{0,9})\/views(?:\?[^#]*)?$/;

/**
 * The view beacon, answered before the request reaches the framework: it is the one request a
 * reader's every page view makes, it needs no routing, hooks, cookies or body, and the whole of
 * its work is a hash and a map entry. Anything not exactly a beacon goes on to Fastify, whose
 * route for the same URL answers malformed ones (and in-process tests) the same way. `headers`
 * gives the 204's whole header list (made once by the caller: the site's security headers).
 */
export function createBeaconFastPath(views: () => ViewCounter, trustProxy: boolean, headers: (req: IncomingMessage) => readonly string[]) {
  return function handleBeacon(req: IncomingMessage, res: ServerResponse): boolean {
    if (req.method !== 'POST' || !req.url) return false;
    const match = BEACON.exec(req.url);
    if (!match) return false;
    const id = Number(match[1]);
    if (id > MAX_ID) return false;
    views().record(id, clientAddress(req, trustProxy), req.headers['user-agent']);
    req.resume(); // a beacon may carry a body; it is not read
    res.writeHead(204, headers(req) as string[]); // cache-control: no-store and the security headers
    res.end();
    return true;
  };
}

/** The reader's address: the socket's, or the first forwarded one when a proxy is trusted. */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = req.headers['x-forwarded-for'];
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
    if (first) return first;
  }
  return req.socket.remoteAddress ?? '';
}
