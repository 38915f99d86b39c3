import { fake, HEX } from '../kit/samples.js'
import { B, E, tokenDetector } from '../kit/token.js'

export const databricksToken = tokenDetector({
  id: 'secret/databricks-token',
  title: 'Databricks personal access token',
  provider: 'Databricks',
  description: 'A Databricks personal access token (`dapi` + 32 hex characters, maybe `-2`).',
  keywords: ['dapi'],
  guards: { dapi: '[0-9a-f]{32}' },
  pattern: `${B}dapi(?<body>[0-9a-f]{32})(?:-\\d)?${E}`,
  samples: {
    match: () => [
      `DATABRICKS_TOKEN=dapi${fake(32, HEX, 'dbx-1')}`,
      `{"host": "https://adb-1.azuredatabricks.net", "token": "dapi${fake(32, HEX, 'dbx-2')}-2"}`,
      // a counting run inside a random body is still random
      `DATABRICKS_TOKEN=dapi${fake(14, HEX, 'dbx-5')}1234${fake(14, HEX, 'dbx-6')}`,
    ],
    noMatch: () => [
      'dapi' + 'x'.repeat(32),
      'dapi' + '0'.repeat(32),
      'DATABRICKS_TOKEN=dapi<token>',
      `dapi${fake(31, HEX, 'dbx-3')}`,
      `dapi${fake(32, HEX, 'dbx-4')}ab`,
      'const adapter = require("./adapter")',
    ],
  },
})
