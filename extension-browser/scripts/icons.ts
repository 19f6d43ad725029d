/**
 * The toolbar icon, drawn from shapes: a blue rounded square with a white envelope. Each pixel
 * is sampled 4 × 4 times for smooth edges at 16 px as at 128 px.
 */
import { encodePng } from './png.ts';

type Rgba = readonly [number, number, number, number];
const BLUE: Rgba = [9, 105, 218, 255];
const WHITE: Rgba = [255, 255, 255, 255];

function insideRoundedSquare(x: number, y: number, r: number): boolean {
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function distanceToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const t = Math.max(0, Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay)));
}

/** Colour at a point of the unit square, or undefined for transparent. */
function shade(x: number, y: number): Rgba | undefined {
  if (!insideRoundedSquare(x, y, 0.2)) return undefined;
  const [l, t, r, b] = [0.2, 0.3, 0.8, 0.72];
  const stroke = 0.055;
  const inEnvelope = x >= l - stroke && x <= r + stroke && y >= t - stroke && y <= b + stroke;
  const onEdge = inEnvelope && (x <= l + stroke || x >= r - stroke || y <= t + stroke || y >= b - stroke);
  const onFlap = Math.min(distanceToSegment(x, y, l, t, 0.5, 0.52), distanceToSegment(x, y, r, t, 0.5, 0.52)) <= stroke;
  return onEdge || (inEnvelope && onFlap) ? WHITE : BLUE;
}

export function drawIcon(size: number): Buffer {
  const samples = 4;
  const rgba = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const c = shade((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          if (c === undefined) continue;
          for (let i = 0; i < 3; i++) sum[i]! += c[i]! * c[3];
          sum[3]! += c[3];
        }
      }
      const alpha = sum[3]! / (samples * samples);
      const o = (py * size + px) * 4;
      for (let i = 0; i < 3; i++) rgba[o + i] = sum[3]! === 0 ? 0 : Math.round(sum[i]! / sum[3]!);
      rgba[o + 3] = Math.round(alpha);
    }
  }
  return encodePng(size, size, rgba);
}
