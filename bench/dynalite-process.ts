import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { highWaterKb } from './measured-child';

export interface DynaliteProcess {
  readonly endpoint: string;
  /** Its peak RSS so far, in MB. */
  peakRssMb(): number;
  close(): Promise<void>;
}

// dynalite with tables ACTIVE at once (not after its 500 ms default) and on 127.0.0.1 only.
const SERVER = `
const server = require('dynalite')({ path: process.argv[1], createTableMs: 0, deleteTableMs: 0 });
server.listen(0, '127.0.0.1', () => process.stdout.write(server.address().port + '\\n'));
`;

/**
 * dynalite in a process of its own, with its data on disk under `path`: the store a Lambda
 * talks to is not in its process, so an extender pointed here (DYNAMODB_ENDPOINT) is measured
 * without the engine's memory and CPU in its own.
 */
export async function startDynaliteProcess(path: string): Promise<DynaliteProcess> {
  const child = spawn(process.execPath, ['-e', SERVER, path], {
    cwd: __dirname,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [line] = (await once(child.stdout, 'data')) as [Buffer];
  const port = Number(line.toString().trim());
  if (!Number.isInteger(port)) throw new Error(`dynalite printed ${line.toString()}`);
  return {
    endpoint: `http://127.0.0.1:${port}`,
    peakRssMb: () => highWaterKb(child.pid) / 1024,
    close: async () => {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}
