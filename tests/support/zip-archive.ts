import { constants, deflateRawSync } from 'node:zlib';

/** A part already deflated (raw deflate), with the size the zip says it unzips to, true or not. */
export interface DeflatedPart {
  deflated: Uint8Array;
  declaredSize: number;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/**
 * A zip archive: all a DOCX needs to be opened. Text and bytes are stored uncompressed; a deflated
 * part is written as given, without a checksum (nothing that reads these checks it), declaring its size.
 */
export function zipArchive(parts: Array<[name: string, content: string | Uint8Array | DeflatedPart]>): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of parts) {
    const stored = typeof content === 'string' ? Buffer.from(content, 'utf8') : content instanceof Uint8Array ? Buffer.from(content) : null;
    const data = stored ?? Buffer.from((content as DeflatedPart).deflated);
    const declaredSize = stored ? stored.length : (content as DeflatedPart).declaredSize;
    const method = stored ? 0 : 8;
    const crc = stored ? crc32(stored) : 0;
    const nameBytes = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0x0021, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(declaredSize, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(0x0021, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(declaredSize, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

const MB = 1024 * 1024;
/** The last block of a deflate stream, with nothing in it. */
const FINAL_EMPTY_BLOCK = Uint8Array.of(0x03, 0x00);

/**
 * `start` and then `megabytes` MiB of spaces, raw-deflated to about a thousandth of that in a few
 * milliseconds: one deflated mebibyte, flushed to a byte boundary with nothing carried over, is
 * repeated, as a stream may be cut into blocks anywhere.
 */
export function deflatedSpaces(start: string, megabytes: number): Uint8Array {
  const flush = { finishFlush: constants.Z_FULL_FLUSH };
  const mebibyte = deflateRawSync(Buffer.alloc(MB, ' '), { level: 9, ...flush });
  return Buffer.concat([deflateRawSync(start, flush), ...Array<Buffer>(megabytes).fill(mebibyte), FINAL_EMPTY_BLOCK]);
}
