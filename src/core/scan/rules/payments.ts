import type { SecretRule } from '../types.js';

/** Payments and commerce: Stripe, Square, Shopify. */
export const paymentRules: readonly SecretRule[] = [
  {
    id: 'stripe-secret-key',
    description: 'Stripe secret or restricted API key',
    keywords: ['sk_live_', 'sk_test_', 'rk_live_', 'rk_test_'],
    regex: /\b([sr]k_(?:live|test)_[A-Za-z0-9]{24,247})(?![A-Za-z0-9])/,
  },
  {
    id: 'stripe-webhook-secret',
    description: 'Stripe webhook signing secret',
    keywords: ['whsec_'],
    regex: /\b(whsec_[A-Za-z0-9+/]{32,})/,
  },
  {
    id: 'square-access-token',
    description: 'Square access token',
    keywords: ['eaaa'],
    regex: /\b(EAAA[A-Za-z0-9_-]{60})(?![A-Za-z0-9_-])/,
  },
  {
    id: 'square-oauth-secret',
    description: 'Square OAuth application secret',
    keywords: ['sq0csp-'],
    regex: /\b(sq0csp-[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/,
  },
  {
    id: 'shopify-token',
    description: 'Shopify access token, custom app or shared secret',
    keywords: ['shpat_', 'shpca_', 'shppa_', 'shpss_'],
    regex: /\b(shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32})(?![a-fA-F0-9])/,
  },
];
