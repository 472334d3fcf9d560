/** How encodeWav stores samples: 16-bit integers or 32-bit floats. */
export type WavEncoding = 'pcm16' | 'float32';

function writeTag(view: DataView, offset: number, text: string): void {
  for (let i = 0; i < 4; i += 1) view.setUint8(offset + i, text.charCodeAt(i));
}

/**
 * A canonical WAV file from one or more equal-length channels of floats in -1..1 (clipped). Used
 * to write the test corpus and test inputs; the analyser itself never writes audio.
 */
export function encodeWav(channels: Float32Array[], sampleRate: number, encoding: WavEncoding = 'pcm16'): Uint8Array {
  const channelCount = channels.length;
  const frames = channels[0]?.length ?? 0;
  const bytesPerSample = encoding === 'pcm16' ? 2 : 4;
  const blockAlign = channelCount * bytesPerSample;
  const dataBytes = frames * blockAlign;
  const bytes = new Uint8Array(44 + dataBytes);
  const view = new DataView(bytes.buffer);
  writeTag(view, 0, 'RIFF');
  view.setUint32(4, 36 + dataBytes, true);
  writeTag(view, 8, 'WAVE');
  writeTag(view, 12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, encoding === 'pcm16' ? 1 : 3, true);
  view.setUint16(22, channelCount, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * blockAlign, true);
  view.setUint16(32, blockAlign, true);
  view.setUint16(34, bytesPerSample * 8, true);
  writeTag(view, 36, 'data');
  view.setUint32(40, dataBytes, true);
  let offset = 44;
  for (let i = 0; i < frames; i += 1) {
    for (const channel of channels) {
      const value = Math.max(-1, Math.min(1, channel[i] ?? 0));
      if (encoding === 'pcm16') view.setInt16(offset, Math.round(value * 32767), true);
      else view.setFloat32(offset, value, true);
      offset += bytesPerSample;
    }
  }
  return bytes;
}
