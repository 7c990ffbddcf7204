import { describe, expect, it } from 'vitest';
import { readBody } from '../../common/read-body.js';

async function* chunksOf(...parts: string[]): AsyncGenerator<Uint8Array> {
  for (const part of parts) yield new TextEncoder().encode(part);
}

describe('the request-body reader of both servers', () => {
  it('joins the chunks of a body within the limit', async () => {
    expect(new TextDecoder().decode((await readBody(chunksOf('Pres', 'se', 'stelle'), 12))!)).toBe('Pressestelle');
    expect(await readBody(chunksOf(), 12)).toEqual(new Uint8Array(0));
  });

  it('refuses a body declared larger than the limit without reading it', async () => {
    let read = false;
    async function* watched(): AsyncGenerator<Uint8Array> {
      read = true;
      yield new Uint8Array(1);
    }
    expect(await readBody(watched(), 10, 11)).toBeNull();
    expect(read).toBe(false);
  });

  it('refuses a body found larger while reading, and reads it to its end', async () => {
    let chunksRead = 0;
    async function* counted(): AsyncGenerator<Uint8Array> {
      for (let index = 0; index < 5; index++) {
        chunksRead++;
        yield new Uint8Array(4);
      }
    }
    expect(await readBody(counted(), 10)).toBeNull();
    expect(chunksRead).toBe(5);
  });
});
