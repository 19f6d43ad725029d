/**
 * A small ZIP writer (deflate, no extras) for the store packages: the browsers and web-ext only
 * need the local headers, the central directory and the end record (APPNOTE 6.3.x §4.3).
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { crc32 } from './crc32.ts';

function filesUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    });
}

interface EntryFields {
  readonly dosTime: number;
  readonly dosDate: number;
  readonly crc: number;
  readonly packedSize: number;
  readonly size: number;
  readonly nameLength: number;
}

/**
 * The fields a local header and a central-directory entry share, in the same order (APPNOTE
 * §4.3.7 and §4.3.12): version needed, flags, method, time, date, CRC, sizes, name length.
 */
function writeEntryFields(buffer: Buffer, at: number, entry: EntryFields): void {
  buffer.writeUInt16LE(20, at); // version needed to extract
  buffer.writeUInt16LE(0x0800, at + 2); // UTF-8 names
  buffer.writeUInt16LE(8, at + 4); // deflate
  buffer.writeUInt16LE(entry.dosTime, at + 6);
  buffer.writeUInt16LE(entry.dosDate, at + 8);
  buffer.writeUInt32LE(entry.crc, at + 10);
  buffer.writeUInt32LE(entry.packedSize, at + 14);
  buffer.writeUInt32LE(entry.size, at + 18);
  buffer.writeUInt16LE(entry.nameLength, at + 22);
}

/** Zips every file under `dir` (paths relative to it, `/`-separated, sorted) into `out`. */
export function zipDirectory(dir: string, out: string): void {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  // 1980-01-01 00:00: a fixed date keeps the zip reproducible.
  const dosTime = 0;
  const dosDate = (0 << 9) | (1 << 5) | 1;
  for (const file of filesUnder(dir)) {
    const name = Buffer.from(relative(dir, file).split(sep).join('/'), 'utf8');
    const data = readFileSync(file);
    const packed = deflateRawSync(data, { level: 9 });
    const crc = crc32(data);
    const entry: EntryFields = { dosTime, dosDate, crc, packedSize: packed.length, size: data.length, nameLength: name.length };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    writeEntryFields(local, 4, entry);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // version made by
    writeEntryFields(central, 6, entry);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(centrals.length / 2, 8);
  end.writeUInt16LE(centrals.length / 2, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  writeFileSync(out, Buffer.concat([...locals, directory, end]));
}
