import { iconUri } from '../../canvas/icons';
import type { KindStyle } from '../../canvas/model-style';

/** The kind's icon on its colour, as on the canvas: search hits, legend, details and table share it. */
export function KindIcon({ kind, size = 18 }: { readonly kind: KindStyle | undefined; readonly size?: number }) {
  if (!kind) return <span className="kind-icon" style={{ width: size, height: size }} aria-hidden="true" />;
  return (
    <span
      className="kind-icon"
      style={{ width: size, height: size, background: kind.display.colour }}
      title={kind.name}
      aria-hidden="true"
    >
      <img src={iconUri(kind.display.icon, kind.name)} alt="" width={size * 0.7} height={size * 0.7} />
    </span>
  );
}
