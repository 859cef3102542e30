import { ALNUM, B64URL, HEX, LOWER_ALNUM, fake, join } from '../synthetic.js';
import { lengthCase, type RuleCase } from './case.js';

export const gitlabCases: Record<string, RuleCase> = {
  'gitlab-deploy-token': lengthCase('gl' + 'dt-', B64URL, 20, 12),
  'gitlab-ci-job-token': { hit: () => join('gl' + 'cbt-', '64_', fake(ALNUM, 20)), miss: () => join('gl' + 'cbt-', '64_', fake(ALNUM, 12)) },
  'gitlab-feed-token': lengthCase('gl' + 'ft-', ALNUM, 20, 15),
  'gitlab-incoming-mail-token': lengthCase('gl' + 'imt-', ALNUM, 25, 20),
  'gitlab-agent-token': lengthCase('gl' + 'agent-', B64URL, 50, 40),
  'gitlab-scim-token': lengthCase('gl' + 'soat-', ALNUM, 20, 16),
  'gitlab-oauth-app-secret': lengthCase('gl' + 'oas-', HEX, 64, 63),
  'gitlab-feature-flag-client-token': lengthCase('gl' + 'ffct-', ALNUM, 20, 12),
  'gitlab-runner-registration-token': lengthCase('GR13' + '48941', ALNUM, 20, 12),
  'gitlab-session-cookie': lengthCase('_gitlab' + '_session=', LOWER_ALNUM, 32, 31),
};
