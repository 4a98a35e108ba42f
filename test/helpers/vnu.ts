// The W3C Nu HTML Checker (the vnu-jar package's vnu.jar), run with the machine's Java.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const JAVA = 'java';

/** Why the checker cannot run here, or undefined when it can. In CI a missing Java is a failure. */
export function javaUnavailable(): string | undefined {
  const probe = spawnSync(JAVA, ['-version'], { stdio: 'ignore' });
  if (probe.status === 0) return undefined;
  if (process.env.CI) throw new Error("java not found: .ci/run installs Debian's default-jre-headless for the Nu HTML Checker");
  return 'java not found (apt-get install default-jre-headless): the Nu HTML Checker is not run';
}

/** One message of the checker's JSON output. */
export interface VnuMessage {
  type: 'error' | 'info' | 'non-document-error';
  subType?: string;
  url?: string;
  lastLine?: number;
  firstColumn?: number;
  message: string;
  extract?: string;
}

/** Checks the files in one Java start; the messages of all of them (warnings are `info` with subType `warning`). */
export async function runVnu(files: string[]): Promise<VnuMessage[]> {
  const jar = createRequire(import.meta.url)('vnu-jar') as string;
  const stderr: Buffer[] = [];
  const status = await new Promise<number | null>((resolve, reject) => {
    // The JSON report is written to standard error.
    const child = spawn(JAVA, ['-jar', jar, '--format', 'json', ...files], { stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', resolve);
  });
  const text = Buffer.concat(stderr).toString('utf8');
  let report: { messages: VnuMessage[] };
  try {
    report = JSON.parse(text) as { messages: VnuMessage[] };
  } catch {
    throw new Error(`vnu.jar exited ${status} without a JSON report: ${text.slice(0, 2000)}`);
  }
  return report.messages;
}

/** Messages as a list: page, line, what is wrong, and the markup around it. */
export function formatVnuMessages(messages: Array<VnuMessage & { page: string }>): string {
  return messages
    .map(
      (m) =>
        `${m.page}${m.lastLine ? `, line ${m.lastLine}` : ''}: ${m.subType ?? m.type}: ${m.message}${m.extract ? `\n    ${m.extract.replaceAll('\n', '↵')}` : ''}`,
    )
    .join('\n');
}
