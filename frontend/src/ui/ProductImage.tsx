import type { Product } from '../api/models';

/**
 * A product's picture, or its initial on a plain tile when it has none. The demo drawings are SVG (sharp at any
 * density, so one URL serves every screen); a product whose images list holds several URLs of one picture in
 * different widths ("...-400w.jpg", "...-800w.jpg") gets them as a srcset for the browser to choose from.
 */
export function ProductImage({ product, index = 0, lazy = true, sizes }: { product: Product; index?: number; lazy?: boolean; sizes?: string }) {
  const src = product.images?.[index];
  const name = product.name ?? product.sku ?? '';
  if (!src) return <div class="placeholder" aria-hidden="true">{name.charAt(0)}</div>;
  const srcset = index === 0 ? widthSrcset(product.images ?? []) : undefined;
  return (
    <img src={src} srcset={srcset} sizes={srcset ? sizes : undefined} alt={index === 0 ? name : `${name}, view ${index + 1}`}
      width={400} height={300} loading={lazy ? 'lazy' : 'eager'} decoding="async" />
  );
}

/** "a-400w.jpg 400w, a-800w.jpg 800w" when the URLs name their widths; undefined otherwise. */
export function widthSrcset(urls: string[]): string | undefined {
  const sized = urls.map((url) => ({ url, width: /-(\d{2,5})w\.[a-z0-9]+(?:\?.*)?$/i.exec(url)?.[1] })).filter((entry) => entry.width);
  return sized.length >= 2 ? sized.map((entry) => `${entry.url} ${entry.width}w`).join(', ') : undefined;
}
