import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readWav } from '@/utils/talk-time/wav';
import { encodeWav } from '@/utils/talk-time/wav-encode';
import { WavError } from '@/utils/talk-time/errors';

const ramp = Float32Array.from({ length: 64 }, (_, i) => (i - 32) / 40);

function failureOf(bytes: Uint8Array): string {
  try {
    readWav(bytes);
  } catch (error) {
    if (error instanceof WavError) return error.failure;
    throw error;
  }
  return 'none';
}

/** A 44-byte header with the given format fields, followed by `dataBytes` bytes. */
function header(
  format: number,
  bits: number,
  channels: number,
  dataBytes: number,
  declaredData = dataBytes,
): Uint8Array {
  const bytes = new Uint8Array(44 + dataBytes);
  const view = new DataView(bytes.buffer);
  bytes.set(
    [...'RIFF'].map((c) => c.charCodeAt(0)),
    0,
  );
  view.setUint32(4, 36 + declaredData, true);
  bytes.set(
    [...'WAVEfmt '].map((c) => c.charCodeAt(0)),
    8,
  );
  view.setUint32(16, 16, true);
  view.setUint16(20, format, true);
  view.setUint16(22, channels, true);
  view.setUint32(24, 22050, true);
  view.setUint32(28, 22050 * channels * (bits / 8), true);
  view.setUint16(32, channels * (bits / 8), true);
  view.setUint16(34, bits, true);
  bytes.set(
    [...'data'].map((c) => c.charCodeAt(0)),
    36,
  );
  view.setUint32(40, declaredData, true);
  return bytes;
}

describe('readWav', () => {
  it('reads 16-bit PCM to within one quantisation step', () => {
    const wav = readWav(encodeWav([ramp], 8000, 'pcm16'));
    expect(wav).toMatchObject({ sampleRate: 8000, channelCount: 1, bitsPerSample: 16, encoding: 'pcm' });
    wav.samples.forEach((v, i) => expect(v).toBeCloseTo(ramp[i] ?? 0, 4));
  });

  it('reads 32-bit float samples exactly', () => {
    const wav = readWav(encodeWav([ramp], 48000, 'float32'));
    expect(wav).toMatchObject({ sampleRate: 48000, bitsPerSample: 32, encoding: 'float' });
    expect(Array.from(wav.samples)).toEqual(Array.from(ramp));
  });

  it('averages stereo channels into one', () => {
    const left = new Float32Array([0.5, 0.5, -1]);
    const right = new Float32Array([0.5, -0.5, 0]);
    const wav = readWav(encodeWav([left, right], 44100, 'float32'));
    expect(wav.channelCount).toBe(2);
    expect(Array.from(wav.samples)).toEqual([0.5, 0, -0.5]);
  });

  it('reads 24-bit PCM, negative samples included', () => {
    const bytes = header(1, 24, 1, 6);
    bytes.set([0x00, 0x00, 0x40, 0x00, 0x00, 0xc0], 44); // +0.5, -0.5
    expect(Array.from(readWav(bytes).samples)).toEqual([0.5, -0.5]);
  });

  it('skips chunks it does not know, such as LIST metadata', () => {
    const plain = encodeWav([ramp], 8000);
    const list = new Uint8Array([...'LIST'].map((c) => c.charCodeAt(0)).concat([3, 0, 0, 0, 1, 2, 3, 0]));
    const bytes = new Uint8Array(plain.length + list.length);
    bytes.set(plain.subarray(0, 36));
    bytes.set(list, 36);
    bytes.set(plain.subarray(36), 36 + list.length);
    expect(readWav(bytes).samples.length).toBe(ramp.length);
  });

  it('reads to the end of the file when a streaming writer left the data size unset', () => {
    const bytes = header(1, 16, 1, 8, 0xffffffff);
    expect(readWav(bytes).samples.length).toBe(4);
  });

  it.each([
    ['an empty file', new Uint8Array(0), 'not-wav'],
    ['a text file', new TextEncoder().encode('{"not": "a wav file at all"}'), 'not-wav'],
    ['a header promising more audio than the file holds', header(1, 16, 1, 100, 4000), 'truncated'],
    ['a header with no data chunk', header(1, 16, 1, 0).subarray(0, 36), 'truncated'],
    ['ADPCM', header(2, 4, 1, 16), 'unsupported-format'],
    ['64-bit integers', header(1, 64, 1, 16), 'unsupported-format'],
    ['zero channels', header(1, 16, 0, 16), 'malformed'],
  ])('rejects %s with a typed error', (_name, bytes, failure) => {
    expect(failureOf(bytes)).toBe(failure);
  });

  it('explains the failure in a sentence', () => {
    expect(() => readWav(header(1, 16, 1, 100, 4000))).toThrow(/cut short/);
  });

  it('never throws anything but a WavError, whatever the bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        expect(['none', 'not-wav', 'truncated', 'unsupported-format', 'malformed']).toContain(failureOf(bytes));
      }),
      { numRuns: 500 },
    );
  });

  it('never throws anything but a WavError when a valid header is followed by random chunks', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 120 }), fc.nat({ max: 43 }), (tail, cut) => {
        const valid = encodeWav([ramp], 8000);
        const bytes = new Uint8Array(12 + tail.length + cut);
        bytes.set(valid.subarray(0, 12));
        bytes.set(tail, 12);
        bytes.set(valid.subarray(12, 12 + cut), 12 + tail.length);
        const failure = failureOf(bytes);
        expect(['none', 'not-wav', 'truncated', 'unsupported-format', 'malformed']).toContain(failure);
        if (failure === 'none') expect(readWav(bytes).samples.every((v) => v >= -1 && v <= 1)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
