import type { CountRow } from './overview';

interface Props {
  readonly title: string;
  readonly rows: readonly CountRow[];
  /** `data-testid` prefix, for the end-to-end test. */
  readonly testId: string;
}

export function CountTable({ title, rows, testId }: Props) {
  return (
    <section className="counts">
      <h2>{title}</h2>
      <table>
        <tbody>
          {rows.map((row) => (
            <tr key={row.name} data-testid={testId} data-name={row.name} title={row.description}>
              <td>
                <span className="swatch" style={{ background: row.colour }} aria-hidden="true" />
                {row.label}
              </td>
              <td className="count">{row.count.toLocaleString('en-US')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
