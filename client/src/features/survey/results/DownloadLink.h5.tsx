import type { DownloadLinkProps } from './downloadLinkProps';

/** H5: a normal download link (the browser saves the file under its name). */
export function DownloadLink({ id, url, fileName, label }: DownloadLinkProps) {
  return (
    <a
      id={id}
      className="ui-btn ui-btn--primary ui-btn--block sr-download"
      href={url}
      download={fileName}
      rel="noopener"
    >
      {label}
    </a>
  );
}
