import type { Child } from 'hono/jsx';

export type StructuredListRow = { label: string; value: Child };

/** DKFDS 11's structured_list macro (components/structured-list/structured-list.njk), without edit links. */
export function StructuredList({ rows }: { rows: StructuredListRow[] }) {
  return (
    <div class="table--responsive-scroll">
      <table class="table structured-list">
        <tbody>
          {rows.map((row) => (
            <tr>
              <th scope="row">{row.label}</th>
              <td>{row.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
