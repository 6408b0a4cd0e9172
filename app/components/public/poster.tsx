// A printable A4 poster with a QR code (a consultation's public page, or a deputy's personal code): on screen a
// sheet with a print button, in print exactly one A4 page (print rules in public.css).
export interface PosterProps {
  /** Big line at the top, e.g. 扫码提意见. */
  kicker: string;
  title: string;
  subtitle?: string;
  /** The QR code image (data: URI) and the address it encodes, printed under it for typing by hand. */
  qrSrc: string;
  url: string;
  /** 截止时间 …, or null for codes that do not expire. */
  deadline?: string | null;
  steps: [string, string, string];
  footer: string;
  downloads: Array<{ href: string; label: string }>;
  back: { href: string; label: string };
  /** Shown on screen only, e.g. when the code points at 127.0.0.1. */
  warning?: string | null;
}

function PrintButton() {
  return (
    <button type="button" className="button" onClick={() => window.print()}>
      打印海报
    </button>
  );
}

export function Poster({ kicker, title, subtitle, qrSrc, url, deadline, steps, footer, downloads, back, warning }: PosterProps) {
  return (
    <main className="poster-page">
      <div className="poster-tools">
        <a href={back.href}>← {back.label}</a>
        <span className="poster-tools-actions">
          <PrintButton />
          {downloads.map((d) => (
            <a key={d.href} href={d.href} download>
              {d.label}
            </a>
          ))}
        </span>
        {warning ? (
          <p className="error" role="alert">
            {warning}
          </p>
        ) : null}
        <p className="muted small">打印时选择 A4 纸、“无边距”或默认边距均可；不用 JavaScript 时，请用浏览器菜单中的“打印”。</p>
      </div>
      <article className="poster" aria-label="海报">
        <p className="poster-kicker">{kicker}</p>
        <h1 className="poster-title">{title}</h1>
        {subtitle ? <p className="poster-subtitle">{subtitle}</p> : null}
        <div className="poster-code">
          <img src={qrSrc} alt={`二维码，内容为网址 ${url}`} width={300} height={300} />
          <p className="poster-url">{url}</p>
        </div>
        {deadline ? <p className="poster-deadline">{deadline}</p> : null}
        <ol className="poster-steps">
          {steps.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
        <p className="poster-footer">{footer}</p>
      </article>
    </main>
  );
}
