/** Each demo product's drawing: its file name (SKU and content hash) and its SVG text. */
export function productImages(catalog: { sku: string; name: string; category?: string; attributes?: Record<string, string> }[]): { sku: string; file: string; svg: string }[];
