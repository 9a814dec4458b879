import { Agent, get } from 'node:http';

/** One agent for every request: keep-alive, as a client of a warm server would be. */
const agent = new Agent({ keepAlive: true, maxSockets: 1 });

/** GETs `url` over real HTTP and resolves with the whole body; anything but 200 is an error. */
export function getText(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    get(url, { agent }, (response) => {
      const parts: Buffer[] = [];
      response.on('data', (part: Buffer) => parts.push(part));
      response.on('error', reject);
      response.on('end', () => {
        const body = Buffer.concat(parts).toString('utf8');
        if (response.statusCode === 200) resolve(body);
        else reject(new Error(`GET ${url}: ${response.statusCode} ${body.slice(0, 200)}`));
      });
    }).on('error', reject);
  });
}

/** Lets the process exit: closes the kept-alive sockets. */
export function closeHttpAgent(): void {
  agent.destroy();
}
