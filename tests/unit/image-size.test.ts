import { describe, expect, it } from 'vitest';
import { imageSize } from '../../main/services/image-size.js';
import { bluePng, orangePng } from '../fixtures/media.js';

describe('imageSize (for images in a Word file)', () => {
  it('reads PNG, GIF and JPEG headers', () => {
    expect(imageSize(bluePng, 'image/png')).toEqual({ width: 40, height: 30 });
    expect(imageSize(orangePng, 'image/png')).toEqual({ width: 30, height: 40 });
    const gif = Buffer.from('GIF89a\x20\x03\x58\x02', 'latin1');
    expect(imageSize(gif, 'image/gif')).toEqual({ width: 800, height: 600 });
    // SOI, an APP0 segment to skip, then the frame header SOF0: 8 bit, height 480, width 640.
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x01, 0xe0, 0x02, 0x80, 0x03, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(imageSize(jpeg, 'image/jpeg')).toEqual({ width: 640, height: 480 });
  });

  it('answers null for what it cannot read', () => {
    expect(imageSize(Buffer.from('RIFF....WEBP'), 'image/webp')).toBeNull();
    expect(imageSize(Buffer.from([0xff, 0xd8, 0x00]), 'image/jpeg')).toBeNull();
  });
});
