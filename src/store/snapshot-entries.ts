/**
 * Rewrites a gzipped tar (PGlite's dump of a data folder) without some of its entries. The kept
 * entries' headers and bytes are copied as they are, so PGlite restores them exactly.
 */
import { buffer } from 'node:stream/consumers';
import { promisify } from 'node:util';
import { gunzip as gunzipCb, gzip as gzipCb } from 'node:zlib';
import { extract, pack } from 'tar-stream';

const gunzip = promisify(gunzipCb);
const gzip = promisify(gzipCb);

/** `drop` sees each entry's path relative to the folder, without a leading slash ("base/1/112"). */
export async function withoutEntries(gz: Uint8Array, drop: (path: string) => boolean): Promise<Buffer> {
  const reader = extract();
  const writer = pack();
  const written = buffer(writer);
  const copying = (async () => {
    for await (const entry of reader) {
      const data = await buffer(entry);
      if (!drop(entry.header.name.replace(/^\/+/, ''))) writer.entry(entry.header, data);
    }
    writer.finalize();
  })();
  reader.end(await gunzip(gz));
  await copying;
  return gzip(await written);
}
