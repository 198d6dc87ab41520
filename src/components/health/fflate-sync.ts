/**
 * fflate as read-excel-file sees it in the health check's worker (see `syncUnzip` in astro.config.mjs):
 * everything is fflate's own, except `unzip`, which decompresses synchronously.
 *
 * Why: fflate's asynchronous `unzip` inflates every entry over 512 KB in a worker it builds from a `blob:`
 * URL, and the site's Content-Security-Policy (`worker-src 'self'`) refuses those, so any real workbook would
 * fail to open. The health check already unzips inside its own worker, where blocking is harmless.
 */
import { unzipSync, type AsyncTerminable, type FlateError, type UnzipCallback, type UnzipOptions, type Unzipped } from 'fflate';

export * from 'fflate';

export function unzip(data: Uint8Array, opts: UnzipOptions | UnzipCallback, cb?: UnzipCallback): AsyncTerminable {
  const callback = typeof opts === 'function' ? opts : cb!;
  const options = typeof opts === 'function' ? {} : opts;
  let result: Unzipped = {};
  let error: FlateError | null = null;
  try {
    result = unzipSync(data, options);
  } catch (e) {
    // fflate's own error (with its `code`) goes through untouched: read-excel-file turns it into INVALID_ZIP.
    error = e as FlateError;
  }
  // fflate calls back asynchronously; read-excel-file's promise wrapper expects no less.
  queueMicrotask(() => callback(error, result));
  return () => {};
}
