/**
 * The one request-body reader of both servers (the browser entry and the portal): at most
 * `limit` bytes, or null. A body declared larger is refused before it is read (the caller drains
 * or closes the connection); one found larger while reading is read to its end and dropped, so
 * that the answer can still go out on the same connection and nothing of it is kept.
 */
export async function readBody(chunks: AsyncIterable<Uint8Array>, limit: number, declaredLength = 0): Promise<Uint8Array | null> {
  if (declaredLength > limit) return null;
  let kept: Uint8Array[] | null = [];
  let size = 0;
  for await (const chunk of chunks) {
    if (kept === null) continue;
    size += chunk.byteLength;
    if (size > limit) kept = null;
    else kept.push(chunk);
  }
  if (kept === null) return null;
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of kept) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}
