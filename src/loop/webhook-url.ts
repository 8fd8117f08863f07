import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import ipaddr from 'ipaddr.js';

/** `allowLocal`: plain http and loopback addresses, for a receiver on the developer's own machine. */
export type UrlPolicy = { allowLocal: boolean };

// Cloud instance-metadata endpoints: a webhook aimed at one would read the host's credentials.
const METADATA_HOSTS = new Set(['metadata.google.internal', 'metadata.goog', 'metadata', 'instance-data']);
const METADATA_ADDRESSES = new Set(['169.254.169.254', 'fd00:ec2::254', '169.254.170.2', '100.100.100.200']);
const LOCAL_NAMES = /^(localhost|.+\.localhost)$/;

/** Why an address may not receive webhooks, or null: only public unicast (and loopback when allowed). */
export function forbiddenAddress(address: string, policy: UrlPolicy): string | null {
  if (!ipaddr.isValid(address)) return 'not an IP address';
  let ip = ipaddr.parse(address);
  if (ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress()) ip = (ip as ipaddr.IPv6).toIPv4Address();
  if (METADATA_ADDRESSES.has(ip.toString())) return 'a cloud metadata address';
  const range = ip.range();
  if (range === 'unicast') return null;
  if (range === 'loopback' && policy.allowLocal) return null;
  return `a ${range} address`;
}

/** Checks a webhook URL as written: https (http only to localhost when allowed), no credentials, no internal host. */
export function checkWebhookUrl(
  raw: string,
  policy: UrlPolicy,
): { ok: true; url: URL } | { ok: false; reason: string } {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'not a URL' };
  }
  const host = url.hostname
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
  const local = LOCAL_NAMES.test(host) || (ipaddr.isValid(host) && ipaddr.parse(host).range() === 'loopback');
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local && policy.allowLocal)) {
    return { ok: false, reason: policy.allowLocal ? 'use https (http only to localhost)' : 'use https' };
  }
  if (url.username || url.password) return { ok: false, reason: 'credentials in the URL; the post is signed instead' };
  if (METADATA_HOSTS.has(host)) return { ok: false, reason: 'a cloud metadata host' };
  if (LOCAL_NAMES.test(host)) return policy.allowLocal ? { ok: true, url } : { ok: false, reason: 'a local host' };
  if (ipaddr.isValid(host)) {
    const why = forbiddenAddress(host, policy);
    if (why) return { ok: false, reason: why };
  } else if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(host)) {
    return { ok: false, reason: 'not a public host name' };
  }
  return { ok: true, url };
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for node:http that resolves the name and refuses the connection when any address is not
 * allowed: the check happens on the very addresses the socket will use, so DNS rebinding cannot slip by.
 */
export function guardedLookup(policy: UrlPolicy) {
  return (hostname: string, options: { all?: boolean; family?: number }, callback: LookupCallback) => {
    dnsLookup(hostname, { family: options.family ?? 0, all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      const bad = addresses.map((a) => forbiddenAddress(a.address, policy)).find((why) => why !== null);
      if (bad || !addresses.length) {
        const refused = Object.assign(new Error(`refused: ${hostname} resolves to ${bad ?? 'nothing'}`), {
          code: 'EWEBHOOKADDRESS',
        });
        return callback(refused, []);
      }
      if (options.all) return callback(null, addresses);
      return callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}
