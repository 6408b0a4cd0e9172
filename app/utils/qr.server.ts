// QR codes of the public links (consultations' public pages, deputies' personal codes), as PNG and SVG, and the
// absolute URL they encode: PUBLIC_URL when set, else the origin the request came in on.
import QRCode from "qrcode";
import { getEnv } from "./env.server";

/** Medium error correction survives a smudged print; a quiet zone of 2 modules is enough for phone scanners. */
const OPTIONS = { errorCorrectionLevel: "M", margin: 2 } as const;

export function publicOrigin(request: Request): string {
  return getEnv().PUBLIC_URL ?? new URL(request.url).origin;
}

/** A code for 127.0.0.1 or localhost opens nothing on a resident's phone: the pages that print codes say so. */
export function loopbackWarning(url: string): string | null {
  const host = new URL(url).hostname;
  const loopback = host === "localhost" || host.endsWith(".localhost") || host.startsWith("127.") || host === "[::1]";
  return loopback
    ? `二维码中的网址是 ${new URL(url).origin}，手机扫码后打不开。请用本机在局域网中的地址打开本页后再打印，或在服务器上设置 PUBLIC_URL。`
    : null;
}

export function qrPng(text: string, width = 720): Promise<Buffer> {
  return QRCode.toBuffer(text, { ...OPTIONS, type: "png", width });
}

export function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { ...OPTIONS, type: "svg" });
}

/** The SVG as an <img> source (the CSP allows data: images), for pages that show the code. */
export async function qrSvgDataUri(text: string): Promise<string> {
  return `data:image/svg+xml;base64,${Buffer.from(await qrSvg(text)).toString("base64")}`;
}

/** A QR code as a file download or inline image; `name` is the file name people see (Chinese allowed). */
export function qrResponse(body: Buffer | string, type: "png" | "svg", name: string): Response {
  const ascii = `qr.${type}`;
  return new Response(typeof body === "string" ? body : new Uint8Array(body), {
    headers: {
      "Content-Type": type === "png" ? "image/png" : "image/svg+xml; charset=utf-8",
      "Content-Disposition": `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(`${name}.${type}`)}`,
      "Cache-Control": "private, max-age=300",
    },
  });
}
