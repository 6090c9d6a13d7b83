import type { Request } from 'express';
import { HttpError } from './http-error.js';

export interface BodyLimits {
  maxBytes: number;
  /** A client that has not sent the whole body by then is cut off: a slow sender must not hold a request open. */
  deadlineMs: number;
  /** Said after the size in a 413, e.g. "HubSpot sends at most 100 events per request". */
  sizeHint: string;
}

/** "1 MB", "64 kB": how the limits are written in messages. */
export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MB` : `${Math.ceil(bytes / 1024)} kB`;
}

export function bodyTooLarge(limits: Pick<BodyLimits, 'maxBytes' | 'sizeHint'>): HttpError {
  return new HttpError(413, 'BODY_TOO_LARGE', `the body is over ${formatBytes(limits.maxBytes)}; ${limits.sizeHint}`);
}

/**
 * The request's bytes exactly as sent (signatures cover them), at most `maxBytes` and within `deadlineMs`. A declared
 * length over the limit is refused before anything is read; a compressed body is refused (HubSpot sends it plain).
 */
export function readRawBody(req: Request, limits: BodyLimits): Promise<Buffer> {
  const declared = req.get('content-length');
  if (declared !== undefined && Number(declared) > limits.maxBytes) return Promise.reject(bodyTooLarge(limits));
  const encoding = (req.get('content-encoding') ?? 'identity').toLowerCase();
  if (encoding !== 'identity') return Promise.reject(new HttpError(415, 'UNSUPPORTED_ENCODING', 'send the body uncompressed, as UTF-8 JSON'));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const timer = setTimeout(
      () => finish(new HttpError(408, 'BODY_TOO_SLOW', `the body did not arrive within ${limits.deadlineMs / 1000} s; send it in one go`)),
      limits.deadlineMs,
    );
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limits.maxBytes) return finish(bodyTooLarge(limits));
      chunks.push(chunk);
    };
    const onEnd = () => finish(null);
    const onClose = () => finish(new HttpError(400, 'BODY_INCOMPLETE', 'the connection closed before the whole body arrived'));
    function finish(error: HttpError | null) {
      clearTimeout(timer);
      req.off('data', onData).off('end', onEnd).off('error', onClose).off('close', onClose);
      if (error) {
        // Nothing more is read: the error's answer closes the connection (see verify-hubspot-request).
        req.pause();
        reject(error);
      } else {
        resolve(Buffer.concat(chunks, size));
      }
    }
    req.on('data', onData).on('end', onEnd).on('error', onClose).on('close', onClose);
  });
}
