import { WavError } from './errors';

/** A WAV file's audio, downmixed to one channel of floats in -1..1. */
export interface DecodedWav {
  sampleRate: number;
  /** Channels in the file, before the downmix. */
  channelCount: number;
  bitsPerSample: number;
  encoding: 'pcm' | 'float';
  samples: Float32Array;
}

const FORMAT_PCM = 1;
const FORMAT_FLOAT = 3;
const FORMAT_EXTENSIBLE = 0xfffe;
/** Streaming writers leave these sizes when they never went back to patch the header. */
const UNKNOWN_SIZES = new Set([0, 0xffffffff]);
const MAX_SAMPLE_RATE_HZ = 1_000_000;

interface Format {
  code: number;
  channels: number;
  sampleRate: number;
  blockAlign: number;
  bits: number;
}

function tag(view: DataView, offset: number): string {
  return String.fromCharCode(
    view.getUint8(offset),
    view.getUint8(offset + 1),
    view.getUint8(offset + 2),
    view.getUint8(offset + 3),
  );
}

function readFormat(view: DataView, offset: number, size: number): Format {
  if (size < 16) throw new WavError('malformed', 'fmt chunk shorter than 16 bytes');
  let code = view.getUint16(offset, true);
  const channels = view.getUint16(offset + 2, true);
  const sampleRate = view.getUint32(offset + 4, true);
  const blockAlign = view.getUint16(offset + 12, true);
  const bits = view.getUint16(offset + 14, true);
  if (code === FORMAT_EXTENSIBLE) {
    if (size < 40) throw new WavError('malformed', 'extensible fmt chunk shorter than 40 bytes');
    // The sub-format GUID starts with the plain format code.
    code = view.getUint16(offset + 24, true);
  }
  if (channels < 1) throw new WavError('malformed', 'no channels');
  if (sampleRate < 1 || sampleRate > MAX_SAMPLE_RATE_HZ)
    throw new WavError('malformed', `sample rate ${sampleRate} Hz`);
  const supported =
    (code === FORMAT_PCM && (bits === 8 || bits === 16 || bits === 24 || bits === 32)) ||
    (code === FORMAT_FLOAT && (bits === 32 || bits === 64));
  if (!supported) throw new WavError('unsupported-format', `format ${code}, ${bits} bits`);
  if (blockAlign !== channels * (bits / 8))
    throw new WavError('malformed', `block align ${blockAlign} for ${channels} × ${bits} bits`);
  return { code, channels, sampleRate, blockAlign, bits };
}

function sampleReader(view: DataView, format: Format): (offset: number) => number {
  if (format.code === FORMAT_FLOAT) {
    return format.bits === 32 ? (o) => view.getFloat32(o, true) : (o) => view.getFloat64(o, true);
  }
  switch (format.bits) {
    case 8:
      return (o) => (view.getUint8(o) - 128) / 128;
    case 16:
      return (o) => view.getInt16(o, true) / 32768;
    case 24:
      return (o) => {
        const value = view.getUint8(o) | (view.getUint8(o + 1) << 8) | (view.getInt8(o + 2) << 16);
        return value / 8388608;
      };
    default:
      return (o) => view.getInt32(o, true) / 2147483648;
  }
}

function decodeData(view: DataView, offset: number, size: number, format: Format): Float32Array {
  const frames = Math.floor(size / format.blockAlign);
  const bytesPerSample = format.bits / 8;
  const read = sampleReader(view, format);
  const samples = new Float32Array(frames);
  for (let i = 0; i < frames; i += 1) {
    const base = offset + i * format.blockAlign;
    let sum = 0;
    for (let c = 0; c < format.channels; c += 1) sum += read(base + c * bytesPerSample);
    const value = sum / format.channels;
    // NaN or infinite floats would poison every statistic downstream; treat them as silence.
    samples[i] = Number.isFinite(value) ? Math.max(-1, Math.min(1, value)) : 0;
  }
  return samples;
}

/**
 * Reads a RIFF/WAVE file: PCM (8, 16, 24, 32 bit) or IEEE float (32, 64 bit), any sample rate and
 * channel count, downmixed to mono. Throws WavError for anything else; never anything untyped.
 */
export function readWav(bytes: Uint8Array): DecodedWav {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 12 || tag(view, 0) !== 'RIFF' || tag(view, 8) !== 'WAVE') throw new WavError('not-wav');
  let offset = 12;
  let format: Format | undefined;
  while (offset + 8 <= bytes.byteLength) {
    const id = tag(view, offset);
    const declared = view.getUint32(offset + 4, true);
    const body = offset + 8;
    const available = bytes.byteLength - body;
    if (id === 'fmt ') {
      if (declared > available) throw new WavError('truncated', 'fmt chunk');
      format = readFormat(view, body, declared);
    } else if (id === 'data') {
      if (!format) throw new WavError('malformed', 'data before fmt chunk');
      let size = declared;
      if (declared > available) {
        if (!UNKNOWN_SIZES.has(declared)) throw new WavError('truncated', `${available} of ${declared} data bytes`);
        size = available;
      } else if (UNKNOWN_SIZES.has(declared)) {
        size = available;
      }
      return {
        sampleRate: format.sampleRate,
        channelCount: format.channels,
        bitsPerSample: format.bits,
        encoding: format.code === FORMAT_FLOAT ? 'float' : 'pcm',
        samples: decodeData(view, body, size, format),
      };
    }
    offset = body + declared + (declared % 2);
  }
  throw new WavError(format ? 'truncated' : 'malformed', format ? 'no data chunk' : 'no fmt chunk');
}
