/** What both builds of `DownloadLink` take (H5: `DownloadLink.h5.tsx`, weapp: `DownloadLink.tsx`). */
export interface DownloadLinkProps {
  id: string;
  url: string;
  fileName: string;
  label: string;
}
