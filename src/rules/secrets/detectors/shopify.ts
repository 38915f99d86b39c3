import { fake, HEX } from '../kit/samples.js'
import { B, E, tokenDetector } from '../kit/token.js'

const KINDS: Record<string, string> = {
  at: 'Shopify Admin API access token',
  ca: 'Shopify custom app access token',
  pa: 'Shopify private app password',
  ss: 'Shopify shared secret',
}

export const shopifyToken = tokenDetector({
  id: 'secret/shopify-token',
  title: 'Shopify token',
  provider: 'Shopify',
  description: 'A Shopify access token or shared secret (`shpat_`, `shpca_`, `shppa_`, `shpss_`).',
  keywords: ['shpat_', 'shpca_', 'shppa_', 'shpss_'],
  pattern: `${B}shp(at|ca|pa|ss)_(?<body>[a-fA-F0-9]{32})${E}`,
  label: (m) => KINDS[m[1]],
  samples: {
    match: () => [['shp' + 'at', fake(32, HEX, 'shp-1')].join('_')],
    noMatch: () => ['shpat_' + '0'.repeat(32), 'shpat_<token>'],
  },
})
