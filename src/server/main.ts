/**
 * Entry point of dist/server.js: `node dist/server.js --stdio` for any LSP client, `--node-ipc`
 * for the VS Code client (createConnection picks the transport from the command line). Without a
 * transport flag the server speaks over stdio, which is what most editor configurations expect.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

const TRANSPORT_FLAG = /^--(stdio|node-ipc|socket|pipe)\b/;

const connection = process.argv.slice(2).some((a) => TRANSPORT_FLAG.test(a))
  ? createConnection(ProposedFeatures.all)
  : createConnection(ProposedFeatures.all, process.stdin, process.stdout);
// A stray rejected promise (e.g. a notification racing the client's exit) must not end the server.
process.on('unhandledRejection', (reason) => connection.console.error(`unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`));
startServer(connection);
connection.listen();
