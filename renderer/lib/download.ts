// Hands a rendered export to the user as a file download (in the app: Electron's save flow; in a browser: Downloads).
export function offerDownload(fileName: string, content: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const mimeOf = { markdown: 'text/markdown', html: 'text/html', json: 'application/json' } as const;
