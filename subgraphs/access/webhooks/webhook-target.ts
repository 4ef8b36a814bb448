import { lookup as dnsLookup } from 'node:dns';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * Where webhooks may go. By default only public unicast addresses over HTTPS: a target that is, or
 * resolves to, a loopback, private, link-local, unique-local, carrier-grade NAT, multicast or reserved
 * address is refused, whatever its name says, so a subscription cannot make the dispatcher call into
 * the platform's own network. `allowed` (the administrator's `WEBHOOK_ALLOWED_TARGETS`: host names, IP
 * addresses or CIDR ranges) lifts that for what it names, plain HTTP included.
 */
export class WebhookTargetPolicy {
  private readonly hosts = new Set<string>();
  private readonly ranges: [ipaddr.IPv4 | ipaddr.IPv6, number][] = [];

  constructor(allowed: readonly string[] = []) {
    for (const entry of allowed.map((a) => a.trim().toLowerCase()).filter(Boolean)) {
      if (entry.includes('/')) this.ranges.push(ipaddr.parseCIDR(entry));
      else if (ipaddr.isValid(entry)) this.ranges.push([ipaddr.parse(entry), ipaddr.parse(entry).kind() === 'ipv4' ? 32 : 128]);
      else this.hosts.add(entry);
    }
  }

  /** Why `url` cannot be a webhook target (a sentence), or undefined when it may be one (addresses are checked again at each call). */
  refusal(url: string): string | undefined {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return 'is not a URL';
    }
    if (url.length > 2048) return 'is longer than 2,048 characters';
    if (parsed.username || parsed.password) return 'must not carry credentials';
    if (parsed.hash) return 'must not have a fragment';
    const host = hostOf(parsed);
    if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && this.allowsHost(host))) return 'must use https';
    if (ipaddr.isValid(host) && !this.allowsAddress(host)) return 'names an address of a private, loopback or reserved network';
    return undefined;
  }

  /** True when requests may go to `address` (an IP address a target name resolved to). */
  allowsAddress(address: string): boolean {
    let ip = ipaddr.parse(address);
    if (ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress()) ip = (ip as ipaddr.IPv6).toIPv4Address();
    if (this.ranges.some(([range, bits]) => range.kind() === ip.kind() && ip.match(range, bits))) return true;
    return ip.range() === 'unicast';
  }

  /** True when `host` (a name or an address) is named by the allow-list. */
  allowsHost(host: string): boolean {
    return this.hosts.has(host.toLowerCase()) || (ipaddr.isValid(host) && this.ranges.some(([range, bits]) => {
      const ip = ipaddr.parse(host);
      return range.kind() === ip.kind() && ip.match(range, bits);
    }));
  }

  /**
   * A DNS lookup for the HTTP client that refuses a name resolving to an address the policy does not
   * allow, at the moment of connecting: a name that changes its answer after the check (DNS rebinding)
   * gains nothing, since the connection goes to the address checked here.
   */
  lookup(host: string): LookupFunction {
    const allowedName = this.allowsHost(host);
    return (hostname, options, callback) => {
      dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
        if (error) return callback(error, '', 0);
        const list = addresses as unknown as { address: string; family: number }[];
        const usable = list.filter((a) => allowedName || this.allowsAddress(a.address));
        if (usable.length === 0) {
          return callback(Object.assign(new Error(`${hostname} resolves to an address webhooks may not reach`), { code: 'EADDRNOTALLOWED' }), '', 0);
        }
        if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: typeof usable) => void)(null, usable);
        const [first] = usable as [{ address: string; family: number }];
        return callback(null, first.address, first.family);
      });
    };
  }
}

/** The URL's host without IPv6 brackets. */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, '');
}
