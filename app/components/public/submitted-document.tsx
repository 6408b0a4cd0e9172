// The answer to a plain post of the public comment form, as a whole page of its own: the web server's fast path
// sends it without running the Remix page (no hydration needed: it has only links). Same look as the app's pages.
import { renderToStaticMarkup } from "react-dom/server";
import type { PublicHeader } from "~/comments/public-consultation.server";
import { CommentSubmitted } from "./submitted";

export function renderSubmittedDocument({ header, receiptNo, citation, stylesheets }: { header: PublicHeader; receiptNo: string; citation: string | null; stylesheets: string[] }): string {
  const markup = renderToStaticMarkup(
    <html lang="zh-CN">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`意见已提交 · ${header.title}`}</title>
        {stylesheets.map((href) => <link key={href} rel="stylesheet" href={href} />)}
        <link rel="icon" href="data:," />
      </head>
      <body>
        <header className="topbar">
          <div className="topbar-inner">
            <a href="/" className="brand">立法意见征集平台</a>
          </div>
        </header>
        <main className="public">
          <CommentSubmitted header={header} receiptNo={receiptNo} citation={citation} />
        </main>
      </body>
    </html>,
  );
  return `<!DOCTYPE html>${markup}`;
}
