// A new user's first look: on first install only, the options page opens at its "Get started" walkthrough. Not on an
// update, a browser update or a browser start: that user has set up already (or chose not to).

/** The walkthrough at the top of the options page; the popup's "Finish setting up" links here too. */
export const WALKTHROUGH_PAGE = 'options.html#start';

export async function welcomeOnInstall(details: Pick<chrome.runtime.InstalledDetails, 'reason'>, openTab: (url: string) => Promise<unknown>, pageUrl: (path: string) => string): Promise<boolean> {
  if (details.reason !== 'install') return false;
  await openTab(pageUrl(WALKTHROUGH_PAGE));
  return true;
}
