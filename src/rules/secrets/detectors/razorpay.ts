import { boundDetector, lettersAndDigits, Q } from '../kit/bound.js'
import { mixed } from '../kit/service-samples.js'

/**
 * The `rzp_live_` key id ships in every checkout page and is public; the key secret beside it
 * is the credential, bound by its name or its place after the key id.
 */
export const razorpayKeySecret = boundDetector({
  id: 'secret/razorpay-key-secret',
  title: 'Razorpay key secret',
  provider: 'Razorpay',
  description:
    'A Razorpay live key secret (24 letters and digits) near a `rzp_live_` key id or "razorpay", named as one (`RAZORPAY_KEY_SECRET`, `key_secret`) or the next item after the key id; the key id itself is public.',
  near: ['razorpay', 'rzp_live_'],
  value: '[A-Za-z0-9]{24}',
  block: /razorpay/i,
  names: /^razorpay(?:key|api)?secret$/,
  blockNames: /^(?:key|api)?secret$/,
  place: new RegExp(`rzp_live_[A-Za-z0-9]{14}${Q}?[ \\t]*[,:][ \\t]*${Q}?$`),
  verify: lettersAndDigits,
  samples: {
    match: () => [
      `RAZORPAY_KEY_ID=rzp_live_${mixed(14, 'rz-1')}\nRAZORPAY_KEY_SECRET=${mixed(24, 'rz-2')}\n`,
      `const instance = new Razorpay({ key_id: "rzp_live_${mixed(14, 'rz-3')}", key_secret: "${mixed(24, 'rz-4')}" })`,
      `curl -u rzp_live_${mixed(14, 'rz-5')}:${mixed(24, 'rz-6')} https://api.razorpay.com/v1/orders`,
    ],
    noMatch: () => [
      `const options = { key: "rzp_live_${mixed(14, 'rz-7')}", amount: 50000 }`,
      'RAZORPAY_KEY_SECRET=<your_key_secret>',
    ],
  },
})
