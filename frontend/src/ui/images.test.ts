import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { productImages } from '../../scripts/product-images.mjs';
import { imageLines } from './pages/AdminPages';
import { widthSrcset } from './ProductImage';

interface DemoProduct { sku: string; name: string; images?: string[] }

const catalog: DemoProduct[] = JSON.parse(readFileSync('../Silo/Seeding/demo-catalog.json', 'utf8'));

describe('the demo catalog images', () => {
  it('give every demo product a drawing of its own that is committed under public/', () => {
    const drawn = productImages(catalog);

    for (const [i, product] of catalog.entries()) {
      expect(product.images, product.sku).toEqual([`/images/products/${drawn[i].file}`]);
      expect(existsSync(`public${product.images![0]}`), product.images![0]).toBe(true);
    }
    expect(new Set(drawn.map((image) => image.svg)).size).toBe(catalog.length);
  });

  it('are named by a hash of their content, so a changed drawing gets a new URL', () => {
    const [first] = productImages(catalog);
    const [changed] = productImages([{ ...catalog[0], name: `${catalog[0].name} II` }]);

    expect(readFileSync(`public/images/products/${first.file}`, 'utf8')).toBe(first.svg);
    expect(changed.file).not.toBe(first.file);
  });
});

describe('srcset', () => {
  it('lists the widths a product names in its image URLs', () => {
    expect(widthSrcset(['/p/a-400w.jpg', '/p/a-800w.jpg'])).toBe('/p/a-400w.jpg 400w, /p/a-800w.jpg 800w');
  });

  it('is left out for a single picture or URLs without widths', () => {
    expect(widthSrcset(['/images/products/aud-hp-001.4b1da061fa.svg'])).toBeUndefined();
    expect(widthSrcset(['/a.jpg', '/b.jpg'])).toBeUndefined();
  });
});

describe('image URLs an admin types', () => {
  it('are site paths or http(s) addresses, one per line, blank lines ignored', () => {
    expect(imageLines('/images/products/a.svg\n\n https://cdn.example.com/b.jpg ')).toEqual({ urls: ['/images/products/a.svg', 'https://cdn.example.com/b.jpg'] });
  });

  it('refuse script URLs, protocol-relative addresses and more than twenty', () => {
    expect(imageLines('javascript:alert(1)').error).toContain('is not an image URL');
    expect(imageLines('//elsewhere.example/a.png').error).toContain('is not an image URL');
    expect(imageLines(Array.from({ length: 21 }, (_, i) => `/p/${i}.svg`).join('\n')).error).toBe('Enter at most 20 image URLs.');
  });
});
