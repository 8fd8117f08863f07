import { gunzipSync } from 'node:zlib';
import { extract } from 'tar-stream';

/** Every entry's path in a gzipped tar, without a leading slash: what a snapshot would restore. */
export async function snapshotPaths(gz: Uint8Array): Promise<string[]> {
  const reader = extract();
  const paths: string[] = [];
  const listing = (async () => {
    for await (const entry of reader) {
      paths.push(entry.header.name.replace(/^\/+/, ''));
      entry.resume();
    }
  })();
  reader.end(gunzipSync(gz));
  await listing;
  return paths;
}
