import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

type Received = { headers: Record<string, string | string[] | undefined>; body: string };

/** A local webhook receiver that answers the status `statusFor` gives for each post (200 by default). */
export async function startReceiver(statusFor: (n: number) => number = () => 200) {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.statusCode = statusFor(received.length);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
