import { boundDetector } from '../kit/bound.js'
import { fake, HEX } from '../kit/samples.js'

/** 32 hex characters and the data center (`-us12`): a shape only Mailchimp's keys have. */
export const mailchimpApiKey = boundDetector({
  id: 'secret/mailchimp-api-key',
  title: 'Mailchimp API key',
  provider: 'Mailchimp',
  description: 'A Mailchimp API key (32 hex + `-us` and its data center number) near "mailchimp".',
  near: ['mailchimp'],
  value: '[0-9a-f]{32}-us[0-9]{1,2}',
  chars: 'A-Za-z0-9-',
  shapeBinds: true,
  samples: {
    match: () => [
      `MAILCHIMP_API_KEY=${fake(32, HEX, 'mc-1')}-us12`,
      `mailchimp.setConfig({ apiKey: "${fake(32, HEX, 'mc-2')}-us6", server: "us6" })`,
    ],
    noMatch: () => [
      'MAILCHIMP_API_KEY=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx-us12',
      'mailchimp.setConfig({ apiKey: "YOUR_API_KEY", server: "YOUR_SERVER_PREFIX" })',
      // the shape without Mailchimp nearby
      `const id = "${fake(32, HEX, 'mc-3')}-us1"`,
    ],
  },
})
