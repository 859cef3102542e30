import { contextual, prefixed, UUID, type ProviderRule } from './define.js';

/**
 * Payments, shipping and commerce beyond Stripe and Square. Where a provider shares Stripe's
 * `sk_live_` prefix (Paystack), its rule sits before Stripe's in the catalogue and is told apart
 * by its documented body (40 lower-case hex).
 */
export const commerceRules: readonly ProviderRule[] = [
  prefixed('paystack-secret-key', 'Paystack secret key', { prefix: ['sk_live_', 'sk_test_'], body: '[a-f0-9]{40}', end: 'A-Za-z0-9' }),
  prefixed('flutterwave-secret-key', 'Flutterwave secret key', { prefix: ['FLWSECK-', 'FLWSECK_TEST-'], body: '[a-f0-9]{32}-X', end: 'A-Za-z0-9' }),
  prefixed('flutterwave-encryption-key', 'Flutterwave encryption key', { prefix: 'FLWSECK_TEST', body: '[a-f0-9]{12}', end: 'A-Za-z0-9-' }),
  prefixed('lob-api-key', 'Lob API key', { prefix: ['live_', 'test_'], body: '[a-f0-9]{35}', end: 'A-Za-z0-9' }),
  prefixed('duffel-api-token', 'Duffel API access token', { prefix: ['duffel_live_', 'duffel_test_'], body: '[A-Za-z0-9_-]{43}' }),
  prefixed('shippo-api-token', 'Shippo API token', { prefix: ['shippo_live_', 'shippo_test_'], body: '[a-f0-9]{40}', end: 'A-Za-z0-9' }),
  prefixed('easypost-api-key', 'EasyPost API key', { prefix: ['EZAK', 'EZTK'], body: '[A-Za-z0-9]{54}', end: 'A-Za-z0-9' }),
  prefixed('plaid-access-token', 'Plaid access token', { prefix: ['access-sandbox-', 'access-development-', 'access-production-'], body: UUID, end: 'A-Za-z0-9', uuidSecret: true }),
  contextual('plaid-secret', 'Plaid API secret', { names: ['plaid'], value: '[a-f0-9]{30}' }),
  prefixed('braintree-access-token', 'Braintree / PayPal access token', { prefix: 'access_token$', body: '(?:production|sandbox)\\$[a-z0-9]{16}\\$[a-f0-9]{32}', end: 'A-Za-z0-9' }),
  contextual('paypal-client-secret', 'PayPal REST client secret', { names: ['paypal'], value: 'E[A-Za-z0-9_-]{79}' }),
  prefixed('mollie-api-key', 'Mollie API key', { prefix: ['live_', 'test_'], body: '[A-Za-z0-9]{30}', end: 'A-Za-z0-9', validate: (s) => /\d/.test(s.slice(5)) && /[A-Z]/.test(s.slice(5)) }),
  prefixed('gocardless-access-token', 'GoCardless access token', { prefix: ['live_', 'sandbox_'], body: '[A-Za-z0-9_-]{40}', validate: (s) => /\d/.test(s) && /[A-Z]/.test(s) }),
  prefixed('checkout-sandbox-secret-key', 'Checkout.com sandbox secret key', { prefix: 'sk_sbox_', body: '[a-z2-7]{26,27}', end: 'A-Za-z0-9' }),
  contextual('checkout-secret-key', 'Checkout.com secret key', { names: ['checkout'], value: 'sk_[a-z2-7]{26,27}' }),
  prefixed('woocommerce-key', 'WooCommerce REST consumer key or secret', { prefix: ['ck_', 'cs_'], body: '[a-f0-9]{40}', end: 'A-Za-z0-9' }),
  prefixed('adobe-client-secret', 'Adobe developer client secret', { prefix: 'p8e-', body: '[A-Za-z0-9_-]{32}' }),
  contextual('razorpay-key-secret', 'Razorpay key secret', { names: ['razorpay'], value: '[A-Za-z0-9]{24}' }),
  contextual('adyen-api-key', 'Adyen API key', { names: ['adyen'], value: 'AQE[A-Za-z0-9+/=_.-]{80,200}' }),
  contextual('coinbase-api-secret', 'Coinbase API secret', { names: ['coinbase'], value: '[A-Za-z0-9]{32}' }),
  contextual('binance-api-secret', 'Binance API secret', { names: ['binance'], value: '[A-Za-z0-9]{64}' }),
  contextual('bigcommerce-access-token', 'BigCommerce API access token', { names: ['bigcommerce'], value: '[a-z0-9]{31}' }),
  contextual('squarespace-api-key', 'Squarespace API key', { names: ['squarespace'], value: UUID }),
  contextual('etsy-api-key', 'Etsy API keystring', { names: ['etsy'], value: '[a-z0-9]{24}' }),
  contextual('recurly-api-key', 'Recurly private API key', { names: ['recurly'], value: '[a-f0-9]{32}' }),
  contextual('chargebee-api-key', 'Chargebee API key', { names: ['chargebee'], value: '(?:live|test)_[A-Za-z0-9]{28,40}' }),
  contextual('paddle-api-key', 'Paddle API key', { names: ['paddle'], value: 'pdl_(?:live|sdbx)_apikey_[a-z0-9]{26}_[A-Za-z0-9]{22}_[A-Za-z0-9]{3}' }),
  contextual('lemonsqueezy-api-key', 'Lemon Squeezy API key', { names: ['lemonsqueezy', 'lemon_squeezy'], value: 'eyJ[A-Za-z0-9_-]{100,1200}\\.[A-Za-z0-9_-]{100,1200}\\.[A-Za-z0-9_-]{100,700}' }),
];
