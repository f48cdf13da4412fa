/**
 * Typed errors every source throws. Each carries a `code` for programs and a message a
 * portal developer can act on.
 */
export type DataErrorCode =
  | 'network'
  | 'http'
  | 'timeout'
  | 'validation'
  | 'abort'
  | 'unsupported'
  | 'not-found'
  | 'config';

export class IocDataError extends Error {
  readonly code: DataErrorCode;
  constructor(code: DataErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = 'IocDataError';
  }
}

/** The server could not be reached (DNS, refused, CORS, offline). */
export class NetworkError extends IocDataError {
  readonly url: string;
  constructor(url: string, options?: { cause?: unknown }) {
    super('network', `Could not reach ${url}: check the address, that the server is up and that it allows this origin (CORS).`, options);
    this.name = 'NetworkError';
    this.url = url;
  }
}

/** The server answered with an error status. */
export class HttpError extends IocDataError {
  readonly status: number;
  readonly url: string;
  constructor(url: string, status: number, statusText = '', detail = '') {
    super('http', `${url} answered ${status}${statusText ? ` ${statusText}` : ''}${detail ? `: ${detail}` : ''}`);
    this.name = 'HttpError';
    this.status = status;
    this.url = url;
  }
}

export class TimeoutError extends IocDataError {
  readonly timeoutMs: number;
  constructor(what: string, timeoutMs: number) {
    super('timeout', `${what} took longer than ${timeoutMs} ms and was stopped.`);
    this.name = 'TimeoutError';
    this.timeoutMs = timeoutMs;
  }
}

/** A payload did not have the shape or values expected; `path` points at the field. */
export class ValidationError extends IocDataError {
  readonly path: string;
  /** What is wrong, without the path (for warnings that name the field themselves). */
  readonly problem: string;
  constructor(path: string, problem: string) {
    super('validation', `Invalid data at ${path || '(root)'}: ${problem}`);
    this.name = 'ValidationError';
    this.path = path;
    this.problem = problem;
  }
}

export class AbortError extends IocDataError {
  constructor(message = 'The request was aborted.') {
    super('abort', message);
    this.name = 'AbortError';
  }
}

export class UnsupportedQueryError extends IocDataError {
  constructor(sourceId: string, what: string) {
    super('unsupported', `Source "${sourceId}" cannot answer ${what}.`);
    this.name = 'UnsupportedQueryError';
  }
}

export class NotFoundError extends IocDataError {
  constructor(what: string) {
    super('not-found', `${what} was not found.`);
    this.name = 'NotFoundError';
  }
}

export class ConfigError extends IocDataError {
  constructor(message: string) {
    super('config', message);
    this.name = 'ConfigError';
  }
}

/** True for an abort, whether ours or the platform's DOMException. */
export function isAbortError(error: unknown): boolean {
  if (error instanceof AbortError) return true;
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}

/** Throws an `AbortError` if the signal has fired. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AbortError();
}

/** Turns anything thrown into an `IocDataError`, keeping typed ones as they are. */
export function toDataError(error: unknown): IocDataError {
  if (error instanceof IocDataError) return error;
  if (isAbortError(error)) return new AbortError();
  const message = error instanceof Error ? error.message : String(error);
  return new IocDataError('validation', message, { cause: error });
}
