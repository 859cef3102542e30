/**
 * What `envguard init` prints (on stderr, except the access request line), in one place so the
 * wording is reviewed together. Functions take the variable parts; the command picks the colour.
 */
export const INIT_MESSAGES = {
  project: (projectId: string, root: string) => `envguard: project ${projectId} in ${root}`,
  keyMissing: (envName: string, keyId: string) => `  ${envName}: key ${keyId} is not on this machine yet; you need a teammate who has it to grant you access (below)`,
  keySource: (key: string) => (key === 'created' ? 'new key created in your key store' : `key from ${key}`),
  environment: (name: string, keyId: string, keySource: string, ledger: string, envFile: string, files: string) => `  ${name}: key ${keyId} (${keySource}), ledger ${ledger}, ${envFile}: ${files}`,
  firstMember: (member: string, envName: string) => `    access: you are the first member (${member}); .envguard/access/${envName}/ holds your wrapped key`,
  filesDiffer: (envFile: string) => `    ${envFile} and ${envFile}.encrypted differ: run \`envguard encrypt\` to keep yours, or \`envguard decrypt --force\` to take the committed one`,
  noHooks: '  hooks: none installed; have your hook manager run `envguard hook <name>` (docs/hooks.md)',
  hooks: (husky: boolean, written: number, chained: readonly string[]) =>
    `  hooks: ${husky ? '.husky/' : 'git hooks'}${written ? ` (${written} written)` : ' (already installed)'}${chained.length ? `; existing ${chained.join(', ')} still run first` : ''}`,
  gitignore: '  .gitignore: plaintext .env files ignored, encrypted files and ledgers kept',
  gitattributes: '  .gitattributes: per-variable diff and merge for .env*.encrypted',
  configCreated: '  .envguard.json: created with its $schema line (settings: docs/configuration.md)',
  trackedPlaintext: (file: string) => `  ${file} is tracked by git: run \`git rm --cached ${file}\`, and change those secrets: they are in the history`,
  inHistory: (files: readonly string[], remediationDoc: string) =>
    `  history: ${files.join(', ')} ${files.length === 1 ? 'is' : 'are'} in earlier commits: rotate those secrets and rewrite history, see ${remediationDoc} (\`envguard scan --history --all\` lists every commit)`,
  sendRequest: 'to get the key, send this line to a teammate who has it (nothing in it is secret); once they commit and push it, your next `git pull` decrypts .env:',
  nextSteps: 'next steps:',
  commitJoining: (husky: boolean) => `  commit any changes init made to .gitignore/.gitattributes${husky ? '/.husky' : ''} (normally none)`,
  commitNew: (configCreated: boolean, husky: boolean) =>
    `  git add .gitignore .gitattributes${configCreated ? ' .envguard.json' : ''} .env*.encrypted .env*.ledger.json .envguard${husky ? ' .husky' : ''} && git commit -m "Add envguard"`,
  teammates: (husky: boolean, root: string) =>
    `  teammates: after cloning, run \`npm install\`${husky ? '' : ' and `npx envguard init`'} in ${root}; it prints one line (\`npx envguard access grant …\`) for them to send you; run it, commit and push, and their next pull decrypts .env`,
};
