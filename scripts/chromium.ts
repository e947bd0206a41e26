// Debian's Chromium, as the e2e tests and the variant farm launch it: Playwright's own browser
// download does not work on these machines, and without the background-networking flags Chromium
// keeps trying the closed network at every start.
export const DEBIAN_CHROMIUM = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};
