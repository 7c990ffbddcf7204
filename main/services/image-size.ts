/** Width and height in pixels of a PNG, JPEG or GIF, read from its header; null for anything else. */
export function imageSize(bytes: Uint8Array, mimeType: string): { width: number; height: number } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (mimeType === 'image/png' && bytes.byteLength >= 24) return { width: view.getUint32(16), height: view.getUint32(20) };
  if (mimeType === 'image/gif' && bytes.byteLength >= 10) return { width: view.getUint16(6, true), height: view.getUint16(8, true) };
  if (mimeType === 'image/jpeg') return jpegSize(view);
  return null;
}

/** Walks the JPEG's segments to its frame header (SOF0–SOF15, not DHT, JPG or DAC). */
function jpegSize(view: DataView): { width: number; height: number } | null {
  let offset = 2;
  while (offset + 9 < view.byteLength) {
    if (view.getUint8(offset) !== 0xff) return null;
    const marker = view.getUint8(offset + 1);
    if (marker === 0xff) {
      offset += 1;
      continue;
    }
    const length = view.getUint16(offset + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: view.getUint16(offset + 5), width: view.getUint16(offset + 7) };
    }
    offset += 2 + length;
  }
  return null;
}
