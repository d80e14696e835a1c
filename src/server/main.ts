/**
 * Entry point of dist/server.js: `node dist/server.js --stdio` for any LSP client, `--node-ipc`
 * for the VS Code client, `--socket=N` or `--pipe=NAME` (createConnection picks those from the
 * command line). Without a transport flag the server speaks over stdio, which is what most editor
 * configurations expect. Over stdio each message is written in one piece (see messageWriter.ts).
 */
import { inspect } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { createConnection, ProposedFeatures, StreamMessageReader, type Connection, type RemoteConsole } from 'vscode-languageserver/node';
import { SingleWriteMessageWriter } from './messageWriter';
import { startServer } from './server';

// Before the parser's wasm is compiled (on initialize): every function gets optimised code in
// the background soon after start-up, rather than only those that have run a lot. Otherwise
// tree-sitter's error recovery, which runs now and then while typing, stays in baseline code
// and a keystroke that breaks the syntax pays for it.
setFlagsFromString('--no-wasm-dynamic-tiering');

const OTHER_TRANSPORT = /^--(node-ipc|socket|pipe)\b/;
const stdio = !process.argv.slice(2).some((a) => OTHER_TRANSPORT.test(a));

const connection: Connection = stdio
  ? createConnection(ProposedFeatures.all, new StreamMessageReader(process.stdin), new SingleWriteMessageWriter(process.stdout))
  : createConnection(ProposedFeatures.all);
// A stray rejected promise (e.g. a notification racing the client's exit) must not end the server.
process.on('unhandledRejection', (reason) => connection.console.error(`unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`));
const server = startServer(connection);
if (stdio) {
  routeConsole(connection.console);
  // The client closing our stdin ends the session, as vscode-languageserver does for stdio streams.
  for (const event of ['end', 'close'] as const) process.stdin.on(event, () => process.exit(server.shutdownReceived ? 0 : 1));
}
connection.listen();

/**
 * stdout carries the protocol: anything a dependency prints with `console` goes to the client's
 * log instead (window/logMessage), as vscode-languageserver does for its own `--stdio` transport.
 */
function routeConsole(remote: RemoteConsole): void {
  const text = (args: readonly unknown[]): string => args.map((a) => (typeof a === 'string' ? a : inspect(a))).join(' ');
  console.log = (...args: unknown[]) => remote.log(text(args));
  console.info = (...args: unknown[]) => remote.info(text(args));
  console.debug = (...args: unknown[]) => remote.log(text(args));
  console.warn = (...args: unknown[]) => remote.warn(text(args));
  console.error = (...args: unknown[]) => remote.error(text(args));
  console.dir = (value: unknown, options?: object) => remote.log(inspect(value, options));
  console.trace = (...args: unknown[]) => remote.log(`Trace${args.length ? `: ${text(args)}` : ''}\n${new Error().stack?.split('\n').slice(2).join('\n') ?? ''}`);
  console.assert = (condition?: unknown, ...args: unknown[]) => {
    if (!condition) remote.error(`Assertion failed${args.length ? `: ${text(args)}` : ''}`);
  };
}
