// Which platform a page belongs to. One module per platform joins this list as the guard grows.

export interface Shop {
  /** Stable platform id sent to the host, e.g. "taobao". */
  id: string;
  /** Registrable domains the platform's pages live on. */
  domains: readonly string[];
}

export const shops: readonly Shop[] = [
  { id: 'tmall', domains: ['tmall.com'] },
  { id: 'taobao', domains: ['taobao.com'] },
];

function onDomain(hostname: string, domain: string): boolean {
  return hostname === domain || hostname.endsWith(`.${domain}`);
}

export function shopForHost(hostname: string): Shop | undefined {
  const host = hostname.toLowerCase();
  return shops.find((shop) => shop.domains.some((domain) => onDomain(host, domain)));
}
