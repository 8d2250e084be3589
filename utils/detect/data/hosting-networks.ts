// The curated list of hosting networks that scripts/build-geo.ts turns into
// hosting.json. Data only: the test (utils/detect/network.test.ts) checks it
// against @ip-location-db/asn, the build script reads it.

/**
 * Hosting, cloud and anonymising networks: logins from them are rarely a
 * person at home. Kinds: cloud (rentable servers), vpn (commercial VPN exits
 * and public VPN relays), proxy (privacy relays used by ordinary people, e.g.
 * Cloudflare WARP). Sources: each provider's own published AS number
 * (PeeringDB records), names as in the ASN data.
 */
export const HOSTING_NETWORKS: Array<{ label: string; kind: 'cloud' | 'vpn' | 'proxy'; asns: number[] }> = [
  { label: 'Amazon Web Services', kind: 'cloud', asns: [16509, 14618, 8987] },
  { label: 'Google Cloud', kind: 'cloud', asns: [396982, 19527] },
  { label: 'Microsoft Azure', kind: 'cloud', asns: [8075] },
  { label: 'Oracle Cloud', kind: 'cloud', asns: [31898] },
  { label: 'Alibaba Cloud', kind: 'cloud', asns: [45102, 37963, 134963] },
  { label: 'Tencent Cloud', kind: 'cloud', asns: [132203, 45090] },
  { label: 'Huawei Cloud', kind: 'cloud', asns: [136907, 55990] },
  { label: 'UCloud', kind: 'cloud', asns: [135377] },
  { label: 'DigitalOcean', kind: 'cloud', asns: [14061] },
  { label: 'Vultr', kind: 'cloud', asns: [20473] },
  { label: 'Akamai Connected Cloud (Linode)', kind: 'cloud', asns: [63949] },
  { label: 'OVHcloud', kind: 'cloud', asns: [16276] },
  { label: 'Hetzner', kind: 'cloud', asns: [24940, 213230] },
  { label: 'Contabo', kind: 'cloud', asns: [51167, 141995] },
  { label: 'Leaseweb', kind: 'cloud', asns: [60781, 28753, 16265, 59253] },
  { label: 'ColoCrossing', kind: 'cloud', asns: [36352] },
  { label: 'QuadraNet', kind: 'cloud', asns: [8100] },
  { label: 'FranTech (BuyVM)', kind: 'cloud', asns: [53667] },
  { label: 'Clouvider', kind: 'cloud', asns: [62240] },
  { label: 'WorldStream', kind: 'cloud', asns: [49981] },
  { label: 'IP Volume', kind: 'cloud', asns: [202425] },
  { label: 'Stark Industries', kind: 'cloud', asns: [44477] },
  // Japanese VPS and rental-server providers: every AS the provider announces in @ip-location-db/asn
  // (checked there by organisation name: SAKURA Internet Inc., GMO Internet, Xserver Inc., ...)
  { label: 'さくらインターネット', kind: 'cloud', asns: [9370, 9371, 7684, 55897] },
  { label: 'GMOインターネット (ConoHa)', kind: 'cloud', asns: [7506, 58791, 55907, 58649, 58651] },
  { label: 'GMOグローバルサイン (旧GMOクラウド)', kind: 'cloud', asns: [131921, 146987] },
  { label: 'エックスサーバー (Xserver)', kind: 'cloud', asns: [131965] },
  { label: 'KDDIウェブコミュニケーションズ (CPI)', kind: 'cloud', asns: [9597] },
  { label: 'IDCフロンティア', kind: 'cloud', asns: [4694] },
  { label: 'カゴヤ・ジャパン', kind: 'cloud', asns: [24282] },
  { label: 'M247 (VPN exits)', kind: 'vpn', asns: [9009] },
  { label: 'Datacamp / CDN77 (VPN exits)', kind: 'vpn', asns: [60068, 212238] },
  { label: 'VPN Gate (SoftEther)', kind: 'vpn', asns: [36599] },
  { label: 'Cloudflare (WARP)', kind: 'proxy', asns: [13335] },
];
