/**
 * A horizontal bar chart drawn on the server as SVG (ADR 029): role="img" with a title and a description
 * that say what it shows, no script, and always next to a table holding the same numbers. A bar whose
 * number is withheld («under 5») is drawn as no bar with the words instead of a length.
 */
export type Bar = { label: string; value: number | null; text: string };

export function BarChart({ id, title, description, bars }: { id: string; title: string; description: string; bars: Bar[] }) {
  const rowHeight = 28;
  const labelWidth = 230;
  const barSpace = 330;
  const width = labelWidth + barSpace + 70;
  const height = Math.max(1, bars.length) * rowHeight + 8;
  const largest = Math.max(1, ...bars.map((bar) => bar.value ?? 0));
  const short = (text: string) => (text.length > 32 ? `${text.slice(0, 31)}…` : text);
  return (
    <svg class="bar-chart" viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-labelledby={`${id}-title ${id}-desc`} xmlns="http://www.w3.org/2000/svg">
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {bars.map((bar, index) => {
        const y = 4 + index * rowHeight;
        const length = bar.value === null ? 0 : Math.max(bar.value > 0 ? 2 : 0, Math.round((bar.value / largest) * barSpace));
        return (
          <g>
            <text x={labelWidth - 8} y={y + 18} text-anchor="end" font-size="14" fill="#1a1a1a">
              {short(bar.label)}
            </text>
            <rect x={labelWidth} y={y + 4} width={length} height={rowHeight - 10} fill="#004993" />
            <text x={labelWidth + length + 6} y={y + 18} font-size="14" fill="#1a1a1a">
              {bar.text}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
