import { B64, fake } from '../kit/samples.js'
import { tokenDetector } from '../kit/token.js'

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
