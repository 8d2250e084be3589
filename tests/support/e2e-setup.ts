// Once before the e2e files: Firefox must be there (tests/e2e/firefox-*.e2e.test.ts).
// Debian's firefox-esr (and its Japanese UI, which browser.i18n follows) is
// installed through apt when it is missing and this runs as root, as .ci/run
// does; otherwise the run stops with the install hint instead of skipping.

import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findFirefox, FIREFOX_INSTALL_HINT } from './firefox';

const PACKAGES = ['firefox-esr', 'firefox-esr-l10n-ja'];

export default function setup(): void {
  const found = findFirefox();
  const l10n = existsSync('/usr/lib/firefox-esr/browser/extensions/langpack-ja@firefox-esr.mozilla.org.xpi');
  if (found && (l10n || found !== '/usr/bin/firefox-esr')) return;
  if (process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get')) {
    if (found) return; // the Japanese checks will say what is missing
    throw new Error(FIREFOX_INSTALL_HINT);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = () =>
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...PACKAGES], {
      stdio: 'inherit',
      env,
    });
  console.log(`e2e setup: apt-get install ${PACKAGES.join(' ')}`);
  try {
    install();
  } catch {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    install();
  }
  if (!findFirefox()) throw new Error(FIREFOX_INSTALL_HINT);
}
