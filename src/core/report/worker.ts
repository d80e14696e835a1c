/**
 * Worker-thread entry of the parallel report scan (bundled as dist/reportWorker.js). Each worker
 * loads its own parser and context resolver once, then scans the batches of files it is sent.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ContextResolver } from '../context';
import { loadRustParser } from '../parser';
import { scanFile } from './scanFile';
import type { BatchReply, BatchRequest, WorkerSetup } from './workerProtocol';

const port = parentPort;
if (!port) throw new Error('RFL Lens: the report worker must run in a worker thread');

const setup = workerData as WorkerSetup;
const resolver = new ContextResolver({
  settings: setup.settings,
  trusted: setup.trusted,
  databaseOverride: setup.databaseOverride,
  defaultToolchain: setup.defaultToolchain,
});
const parserReady = loadRustParser();

port.on('message', (req: BatchRequest) => {
  void parserReady.then(
    (parser) => {
      const overrides = new Map(req.overrides);
      const results = req.files.map((f) => scanFile(f, parser, resolver, setup.settings.maxFileSize, overrides.get(f)));
      const reply: BatchReply = { id: req.id, results, problems: resolver.takeProblems() };
      port.postMessage(reply);
    },
    (e: unknown) => {
      const reply: BatchReply = { id: req.id, error: e instanceof Error ? e.message : String(e) };
      port.postMessage(reply);
    },
  );
});
