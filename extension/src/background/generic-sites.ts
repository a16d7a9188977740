// The generic rule runs on the sites the user enabled in options, through one content script registered at run time
// for exactly those sites whose host permission was granted. Re-synced whenever the list or the permissions change.
import { getSettings, sitePattern } from '../shared/settings';

export const GENERIC_SCRIPT_ID = 'generic-rule';
export const GENERIC_MAIN_SCRIPT_ID = 'generic-rule-page-world';
const IDS = [GENERIC_SCRIPT_ID, GENERIC_MAIN_SCRIPT_ID];

export async function grantedSites(sites: readonly string[]): Promise<string[]> {
  const granted: string[] = [];
  for (const site of sites) {
    if (await chrome.permissions.contains({ origins: [sitePattern(site)] })) granted.push(site);
  }
  return granted;
}

export async function syncGenericScripts(): Promise<string[]> {
  const { genericSites, disabledShops } = await getSettings();
  const sites = disabledShops.includes('generic') ? [] : await grantedSites(genericSites);
  const existing = await chrome.scripting.getRegisteredContentScripts({ ids: IDS });
  if (existing.length > 0) await chrome.scripting.unregisterContentScripts({ ids: existing.map((s) => s.id) });
  if (sites.length === 0) return [];
  const common = {
    matches: [...new Set(sites.map(sitePattern))],
    runAt: 'document_start' as const,
    allFrames: true,
    persistAcrossSessions: true,
  };
  // The same pair as the manifest's: the guard in its isolated world, the replay helper in the page's.
  await chrome.scripting.registerContentScripts([
    { ...common, id: GENERIC_SCRIPT_ID, js: ['content.js'] },
    { ...common, id: GENERIC_MAIN_SCRIPT_ID, js: ['page-world.js'], world: 'MAIN' },
  ]);
  return sites;
}
