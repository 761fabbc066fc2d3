import { encodeQr, type QrCode } from './qr-code.ts';

/** The quiet zone the standard asks for around a symbol, in modules. */
const quietZone = 4;

/** The dark modules as one SVG path: a rectangle for each run of dark modules in a row. */
export function qrPath(code: QrCode): string {
  const parts: string[] = [];
  code.modules.forEach((row, y) => {
    for (let x = 0; x < row.length; x++) {
      if (!row[x]) continue;
      const start = x;
      while (row[x + 1]) x++;
      parts.push(`M${start + quietZone} ${y + quietZone}h${x - start + 1}v1h${-(x - start + 1)}z`);
    }
  });
  return parts.join('');
}

/**
 * A QR code as inline SVG, drawn on the server so it prints without JavaScript or another host. It scales
 * to the width CSS gives it; `label` is what a screen reader says instead.
 */
export function QrCodeSvg({ text, label, class: extraClass }: { text: string; label: string; class?: string }) {
  const code = encodeQr(text);
  const extent = code.size + quietZone * 2;
  return (
    <svg
      class={extraClass}
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${extent} ${extent}`}
      role="img"
      aria-label={label}
      shape-rendering="crispEdges"
      data-qr-version={String(code.version)}
    >
      <rect width={extent} height={extent} fill="#fff" />
      <path d={qrPath(code)} fill="#000" />
    </svg>
  );
}
