import { createConnection, createServer, type Server, type Socket } from 'node:net';

export interface LossyProxy {
  port: number;
  /** How many answers to lose from now on (to requests matching `match`, when set). */
  dropAnswers: number;
  /** Which requests may lose their answer, by their request line ("PUT /api/v1/articles/…"). */
  match: RegExp | null;
  /** How many answers were lost so far. */
  dropped: number;
  close(): Promise<void>;
}

/**
 * A TCP proxy on loopback in front of a server that can lose answers: a request still reaches
 * the server, which acts on it, but the connection to the client is cut the moment the server
 * answers. That is the case "did my request land?" that idempotency keys are for.
 */
export async function startLossyProxy(targetPort: number): Promise<LossyProxy> {
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  const proxy: LossyProxy = {
    port: 0,
    dropAnswers: 0,
    match: null,
    dropped: 0,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        if (server) server.close(() => resolve());
        else resolve();
      }),
  };
  server = createServer((client) => {
    const upstream = createConnection({ host: '127.0.0.1', port: targetPort });
    sockets.add(client).add(upstream);
    // HTTP/1.1 without pipelining: the next answer on this connection belongs to the last request.
    let doomed = false;
    client.on('data', (chunk: Buffer) => {
      const requestLine = chunk.subarray(0, 200).toString('latin1').split('\r\n', 1)[0] ?? '';
      if (/^[A-Z]+ \S+ HTTP\/1\.[01]$/.test(requestLine)) doomed = proxy.dropAnswers > 0 && (proxy.match === null || proxy.match.test(requestLine));
      upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      if (doomed) {
        doomed = false;
        proxy.dropAnswers--;
        proxy.dropped++;
        client.destroy();
        upstream.destroy();
        return;
      }
      client.write(chunk);
    });
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.port = (server.address() as { port: number }).port;
  return proxy;
}
