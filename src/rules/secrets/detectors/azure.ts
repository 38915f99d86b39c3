import { markerDetector } from '../kit/marker.js'
import { B64, fake } from '../kit/samples.js'
import { boundary, tokenDetector } from '../kit/token.js'

const bytes = (b64: string) => Buffer.from(b64, 'base64').length

export const azureStorageKey = tokenDetector({
  id: 'secret/azure-storage-key',
  title: 'Azure Storage account key',
  provider: 'Microsoft Azure',
  description: 'An Azure Storage account key in a connection string (`AccountKey=`, 64 bytes).',
  keywords: ['accountkey='],
  pattern: 'AccountKey=(?<body>[A-Za-z0-9+/]{86}==)(?![A-Za-z0-9+/=])',
  flags: 'i',
  valueGroup: 'body',
  shown: 0,
  verify: (m) => (bytes(m.groups!.body) === 64 ? undefined : false),
  samples: {
    match: () => [
      `DefaultEndpointsProtocol=https;AccountName=demo;AccountKey=${fake(86, B64, 'az-1')}==;EndpointSuffix=core.windows.net`,
    ],
    noMatch: () => [
      // the storage emulator's documented key
      'AccountName=devstoreaccount1;AccountKey=' +
        [
          'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq',
          '/K1SZFPTOtr/KBHBeksoGMGw==',
        ].join(''),
      'AccountKey=<storage-account-key>',
      'AccountKey=${AZURE_STORAGE_KEY}',
      'AccountKey=' + 'A'.repeat(86) + '==',
    ],
  },
})

export const azureSharedAccessKey = tokenDetector({
  id: 'secret/azure-shared-access-key',
  title: 'Azure shared access key',
  provider: 'Microsoft Azure',
  description:
    'An Azure Service Bus, Event Hubs or IoT Hub shared access key in a connection string (`SharedAccessKey=`).',
  keywords: ['sharedaccesskey='],
  pattern: 'SharedAccessKey=(?<body>[A-Za-z0-9+/]{43}=)(?![A-Za-z0-9+/=])',
  flags: 'i',
  valueGroup: 'body',
  shown: 0,
  verify: (m) => (bytes(m.groups!.body) === 32 ? undefined : false),
  samples: {
    match: () => [
      `Endpoint=sb://demo.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=${fake(43, B64, 'az-2')}=`,
    ],
    noMatch: () => ['SharedAccessKey=<key>', 'SharedAccessKeyName=RootManageSharedAccessKey'],
  },
})

const ENTRA = 'A-Za-z0-9_~.'
const entraSecret = (seed: string, digit = '8') =>
  fake(3, 'abcXYZ_.~', seed) +
  digit +
  'Q' +
  '~' +
  fake(34, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_~.-', seed + 'b')

/** Found at the digit before `Q~` (the fixed part of every client secret since 2021). */
export const azureEntraClientSecret = markerDetector({
  id: 'secret/azure-entra-client-secret',
  title: 'Microsoft Entra ID client secret',
  provider: 'Microsoft Azure',
  description:
    'A Microsoft Entra ID (Azure AD) application client secret: 3 characters, a digit, `Q~`, 31-34 characters.',
  keywords: [...'0123456789'].map((d) => `${d}q~`),
  before: 3,
  pattern: `${boundary(ENTRA + '-')}[${ENTRA}]{3}\\dQ~(?<body>[${ENTRA}-]{31,34})(?![${ENTRA}-])`,
  shown: 0,
  verify: (m) =>
    /[0-9]/.test(m.groups!.body) && /[A-Za-z]/.test(m.groups!.body) ? undefined : false,
  samples: {
    match: () => [
      `AZURE_CLIENT_SECRET=${entraSecret('entra-1')}`,
      `{"clientId": "${'0'.repeat(8)}-1111-2222-3333-${'4'.repeat(12)}", "clientSecret": "${entraSecret('entra-2', '7')}"}`,
    ],
    noMatch: () => [
      'AZURE_CLIENT_SECRET=abc8Q~' + 'x'.repeat(34),
      'AZURE_CLIENT_SECRET=<client-secret>',
      `AZURE_CLIENT_SECRET=${entraSecret('entra-3').slice(0, 30)}`,
      'path: ~/a1Q~b',
    ],
  },
})
