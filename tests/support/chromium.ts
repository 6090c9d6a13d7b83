import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium, driven by playwright-core (no browser download): .ci/run installs it; elsewhere these tests skip and say why. */
export const CHROMIUM_PATH = '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM_PATH);

export const CHROMIUM_SKIP = HAS_CHROMIUM ? '' : ` [SKIPPED: no Chromium at ${CHROMIUM_PATH} — apt-get install chromium (.ci/run does)]`;

if (!HAS_CHROMIUM && process.env.FIRST100_CI) {
  throw new Error(`CI must run the browser tests: ${CHROMIUM_PATH} is missing (.ci/run installs the chromium package)`);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}
