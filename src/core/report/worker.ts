/**
 * Worker-thread entry of the parallel report scan (bundled as dist/reportWorker.js). The parser
 * loads as soon as the thread starts. Each job brings the database and the files; the worker
 * claims batches from the shared queue until none is left, posting each batch's results, and then
 * waits for the next job (the pool keeps idle workers for a while).
 */
import { parentPort } from 'node:worker_threads';
import { loadRustParser, type RustParser } from '../parser';
import { restoreDatabase } from './databaseSnapshot';
import { ResolverWithDatabase } from './resolverWithDatabase';
import { scanBatch } from './scanFile';
import { WorkQueue } from './workQueue';
import type { ScanJob, WorkerReply } from './workerProtocol';

const port = parentPort;
if (!port) throw new Error('RFL Lens: the report worker must run in a worker thread');

const parserReady = loadRustParser();
const reply = (r: WorkerReply): void => port.postMessage(r);

port.on('message', (job: ScanJob) => {
  parserReady.then(
    (parser) => runJob(job, parser),
    (e: unknown) => reply({ kind: 'error', message: e instanceof Error ? e.message : String(e) }),
  );
});

function runJob(job: ScanJob, parser: RustParser): void {
  const resolver = new ResolverWithDatabase(job.setup, restoreDatabase(job.database));
  // Files may have changed since this worker's last job: no clippy.toml or kernel facts from then.
  resolver.invalidate();
  const overrides = new Map(job.overrides);
  const queue = new WorkQueue(job.batches.length, job.queue);
  const maxSize = job.setup.settings.maxFileSize;
  for (let b = queue.claim(); b >= 0; b = queue.claim()) {
    const results = scanBatch(job.files, job.batches[b]!, parser, resolver, maxSize, overrides);
    reply({ kind: 'batch', batch: b, results, problems: resolver.takeProblems() });
  }
  reply({ kind: 'done' });
}
