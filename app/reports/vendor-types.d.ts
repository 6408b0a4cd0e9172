// Types for the parts of untyped libraries the exports use.
declare module "fontkit" {
  interface FontkitFont {
    postscriptName: string;
    familyName: string;
  }
  interface FontkitCollection {
    type: "TTC" | "DFont";
    fonts: FontkitFont[];
  }
  export function openSync(path: string): FontkitFont | FontkitCollection;
}

declare module "pdfmake" {
  type FontFile = string | [string, string];
  interface OutputDocument {
    getBuffer(): Promise<Buffer>;
  }
  interface PdfMake {
    setFonts(fonts: Record<string, { normal: FontFile; bold?: FontFile; italics?: FontFile; bolditalics?: FontFile }>): void;
    setUrlAccessPolicy(policy: (url: string) => boolean): void;
    setLocalAccessPolicy(policy: (path: string) => boolean): void;
    createPdf(definition: Record<string, unknown>, options?: Record<string, unknown>): OutputDocument;
  }
  const pdfmake: PdfMake;
  export default pdfmake;
}
