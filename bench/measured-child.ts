import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ChildMeasurement {
  readonly wallMs: number;
  /** The child's peak resident set size (its high-water mark), in MB of 2^20 bytes. */
  readonly peakRssMb: number;
  readonly stdout: string;
}

const GNU_TIME = '/usr/bin/time';

/**
 * Runs `command args` to its end and measures its wall time and peak RSS. With GNU time
 * (`apt-get install time`), the peak is the kernel's own maxrss of the child, reported by
 * `time -v` into a file of its own; without it, VmHWM of /proc/<pid>/status is sampled every
 * 20 ms (a high-water mark, so at most the last 20 ms can be missed). A failure is an error.
 */
export async function runMeasuredChild(
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<ChildMeasurement> {
  const useTime = existsSync(GNU_TIME);
  const reportDir = mkdtempSync(join(tmpdir(), 'measured-child-'));
  const report = join(reportDir, 'time-v.txt');
  const [file, argv] = useTime
    ? [GNU_TIME, ['-v', '-o', report, command, ...args]]
    : [command, [...args]];
  try {
    const start = performance.now();
    const child = spawn(file, argv, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (part: Buffer) => (stdout += part.toString()));
    child.stderr.on('data', (part: Buffer) => (stderr += part.toString()));
    let sampledKb = 0;
    const sampler = useTime
      ? undefined
      : setInterval(() => (sampledKb = Math.max(sampledKb, highWaterKb(child.pid))), 20);
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', resolve);
    });
    const wallMs = performance.now() - start;
    clearInterval(sampler);
    if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited ${code}: ${stderr}`);
    const peakKb = useTime ? maxRssKb(readFileSync(report, 'utf8')) : sampledKb;
    return { wallMs, peakRssMb: peakKb / 1024, stdout };
  } finally {
    rmSync(reportDir, { recursive: true, force: true });
  }
}

/** VmHWM of a live process in kB, or 0 once it is gone. */
export function highWaterKb(pid: number | undefined): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/^VmHWM:\s*(\d+) kB/m.exec(status)?.[1] ?? 0);
  } catch {
    return 0;
  }
}

function maxRssKb(timeReport: string): number {
  const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(timeReport);
  if (!match) throw new Error(`no maximum resident set size in: ${timeReport}`);
  return Number(match[1]);
}
