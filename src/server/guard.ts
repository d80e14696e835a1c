/**
 * Wraps LSP handlers so one failing request is logged and answered with an error while the server
 * keeps serving everything else. Notification handlers (no reply) are only logged.
 */
import { ErrorCodes, ResponseError, type Connection } from 'vscode-languageserver/node';
import { describe } from './analysis';

export function guardRequest<P, R, A extends unknown[]>(
  connection: Connection,
  name: string,
  handler: (params: P, ...rest: A) => R | Promise<R>,
): (params: P, ...rest: A) => Promise<R | ResponseError<void>> {
  return async (params, ...rest) => {
    try {
      return await handler(params, ...rest);
    } catch (e) {
      // A deliberate protocol error (bad params, refused in an untrusted workspace) goes out as is.
      if (e instanceof ResponseError) return e as ResponseError<void>;
      connection.console.error(`${name} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return new ResponseError<void>(ErrorCodes.InternalError, `RFL Lens: ${name} failed: ${describe(e)}`);
    }
  };
}

export function guardNotification<P>(connection: Connection, name: string, handler: (params: P) => void | Promise<void>): (params: P) => void {
  return (params) => {
    const report = (e: unknown): void => connection.console.error(`${name} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    try {
      const r = handler(params);
      if (r instanceof Promise) r.catch(report);
    } catch (e) {
      report(e);
    }
  };
}
