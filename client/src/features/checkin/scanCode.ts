/**
 * Scans a service point's code from the project page. H5 (a browser) has no scanner: the worker scans
 * the poster with the phone's camera or WeChat, which opens the check-in page itself; so this says so.
 */
export const canScan = false;

export async function scanPointCode(): Promise<string | null> {
  return null;
}
