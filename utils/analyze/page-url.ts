// Where a saved page came from, when the user does not say: Chrome's
// `<!-- saved from url=(NNNN)… -->` mark, then <link rel=canonical>, og:url
// and <base href>. Only absolute http(s) URLs count.

function absolute(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url.trim());
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.toString() : undefined;
  } catch {
    return undefined;
  }
}

export function savedPageUrl(html: string, doc: Document): string | undefined {
  const mark = /<!--\s*saved from url=\((\d+)\)(\S+?)\s*-->/i.exec(html.slice(0, 4096));
  return (
    absolute(mark?.[2]) ??
    absolute(doc.querySelector('link[rel~="canonical" i][href]')?.getAttribute('href')) ??
    absolute(doc.querySelector('meta[property="og:url"][content]')?.getAttribute('content')) ??
    absolute(doc.querySelector('base[href]')?.getAttribute('href'))
  );
}
