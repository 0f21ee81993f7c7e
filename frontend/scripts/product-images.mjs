// Draws one SVG illustration per demo product (Silo/Seeding/demo-catalog.json) into public/images/products, named
// by SKU and a hash of the content so the gateway can cache them for a year, and writes each product's image URL
// back into the demo catalog. Run with `npm run images` after changing the catalog or a drawing; `--check` only
// reports whether the committed files are what this script draws (exit 1 when not).
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const catalogPath = join(here, '../../Silo/Seeding/demo-catalog.json');
const outDir = join(here, '../public/images/products');
const urlPrefix = '/images/products/';

// Background and ink per category; the product's own colour (attributes.colour) tints the object.
const palettes = {
  audio: ['#e8eefc', '#3b4a8c'],
  computers: ['#e6f4f1', '#1f6f64'],
  home: ['#fbf0e4', '#9a5b23'],
  books: ['#f6ecf3', '#7a2e62'],
  sports: ['#eaf6e4', '#3f7a25'],
  kitchen: ['#fdeceb', '#a23a2c'],
};
const colours = {
  black: '#2b2b2b', grey: '#8a8f98', white: '#f4f4f2', blue: '#3a6fd8', charcoal: '#45474d', walnut: '#7b5234',
  graphite: '#50545c', sage: '#9bb59a', natural: '#d8b98c', 'forest green': '#2f6b3f', 'stainless steel': '#b9c0c7',
  'matte black': '#333333',
};

// One drawing per product type (the SKU's middle part); `c` is the object's colour, `k` the category's ink, `p` the product.
const drawings = {
  HP: (c, k) => `<path d="M130 170 v-30 a70 70 0 0 1 140 0 v30" fill="none" stroke="${k}" stroke-width="14" stroke-linecap="round"/><rect x="108" y="160" width="48" height="78" rx="20" fill="${c}" stroke="${k}" stroke-width="4"/><rect x="244" y="160" width="48" height="78" rx="20" fill="${c}" stroke="${k}" stroke-width="4"/>`,
  EB: (c, k) => `<rect x="130" y="170" width="140" height="80" rx="36" fill="${c}" stroke="${k}" stroke-width="4"/><line x1="140" y1="200" x2="260" y2="200" stroke="${k}" stroke-width="3"/><circle cx="170" cy="130" r="24" fill="${c}" stroke="${k}" stroke-width="4"/><rect x="164" y="140" width="12" height="40" rx="6" fill="${c}" stroke="${k}" stroke-width="3"/><circle cx="230" cy="130" r="24" fill="${c}" stroke="${k}" stroke-width="4"/><rect x="224" y="140" width="12" height="40" rx="6" fill="${c}" stroke="${k}" stroke-width="3"/>`,
  SP: (c, k) => `<rect x="140" y="80" width="120" height="160" rx="22" fill="${c}" stroke="${k}" stroke-width="4"/><circle cx="200" cy="185" r="38" fill="none" stroke="${k}" stroke-width="6"/><circle cx="200" cy="185" r="12" fill="${k}"/><circle cx="200" cy="115" r="12" fill="none" stroke="${k}" stroke-width="4"/>`,
  TT: (c, k) => `<rect x="100" y="110" width="200" height="120" rx="10" fill="${c}" stroke="${k}" stroke-width="4"/><circle cx="185" cy="170" r="48" fill="#222"/><circle cx="185" cy="170" r="14" fill="${k}"/><line x1="270" y1="125" x2="225" y2="190" stroke="#ccc" stroke-width="6" stroke-linecap="round"/>`,
  LT: (c, k, p) => `<rect x="120" y="90" width="160" height="105" rx="8" fill="${k}"/><rect x="130" y="100" width="140" height="85" fill="hsl(${hue(p)} 60% 88%)"/><circle cx="200" cy="142" r="22" fill="hsl(${hue(p)} 55% 60%)"/><path d="M95 205 h210 l-14 22 h-182 z" fill="#c9ced4" stroke="${k}" stroke-width="3"/>`,
  MN: (c, k) => `<rect x="95" y="80" width="210" height="130" rx="8" fill="${k}"/><rect x="104" y="89" width="192" height="112" fill="#cfe9ff"/><path d="M104 180 l50 -40 l40 30 l35 -25 l67 35 v21 h-192z" fill="#7fb8a8"/><rect x="188" y="210" width="24" height="24" fill="#9aa1a8"/><rect x="160" y="232" width="80" height="10" rx="4" fill="#9aa1a8"/>`,
  KB: (c, k) => `<rect x="80" y="120" width="240" height="90" rx="10" fill="#3a3f46" stroke="${k}" stroke-width="4"/>${keys()}`,
  MS: (c, k) => `<rect x="160" y="80" width="80" height="140" rx="40" fill="${c}" stroke="${k}" stroke-width="4"/><line x1="200" y1="82" x2="200" y2="130" stroke="${k}" stroke-width="3"/><rect x="195" y="100" width="10" height="20" rx="5" fill="${k}"/>`,
  SSD: (c, k) => `<rect x="90" y="130" width="220" height="50" rx="4" fill="#1d3b34"/><rect x="110" y="140" width="40" height="30" fill="#3a3f46"/><rect x="160" y="140" width="40" height="30" fill="#3a3f46"/><rect x="215" y="142" width="60" height="26" fill="#e7e9ec"/><rect x="290" y="140" width="14" height="30" fill="#d4b25a"/>`,
  LM: (c, k) => [0, 1, 2, 3].map((i) => `<g transform="translate(${85 + i * 62} 0)"><circle cx="30" cy="140" r="26" fill="#fff6c7" stroke="${k}" stroke-width="3"/><rect x="18" y="164" width="24" height="28" rx="4" fill="#c9ced4" stroke="${k}" stroke-width="3"/></g>`).join(''),
  VC: (c, k) => `<circle cx="200" cy="160" r="80" fill="${c}" stroke="${k}" stroke-width="5"/><circle cx="200" cy="160" r="52" fill="none" stroke="${k}" stroke-width="3" stroke-dasharray="6 6"/><circle cx="200" cy="110" r="10" fill="${k}"/>`,
  AP: (c, k) => `<rect x="150" y="70" width="100" height="170" rx="18" fill="#f4f4f2" stroke="${k}" stroke-width="4"/>${[0, 1, 2, 3, 4, 5].map((i) => `<line x1="168" y1="${120 + i * 18}" x2="232" y2="${120 + i * 18}" stroke="${k}" stroke-width="4" stroke-linecap="round"/>`).join('')}<circle cx="200" cy="92" r="8" fill="#7fc4a0"/>`,
  TH: (c, k) => `<circle cx="200" cy="155" r="75" fill="#f4f4f2" stroke="${k}" stroke-width="6"/><circle cx="200" cy="155" r="56" fill="#1f2a33"/><text x="200" y="170" text-anchor="middle" font-family="sans-serif" font-size="44" font-weight="700" fill="#ffb35c">21°</text>`,
  DL: (c, k) => `<rect x="95" y="95" width="210" height="130" rx="10" fill="${c}" stroke="${k}" stroke-width="4"/><rect x="110" y="110" width="80" height="40" rx="14" fill="#fff" opacity="0.8"/><rect x="210" y="110" width="80" height="40" rx="14" fill="#fff" opacity="0.8"/><path d="M95 175 q105 30 210 0" fill="none" stroke="${k}" stroke-width="3"/>`,
  DS: (c, k) => `<path d="M170 90 h70 l25 55 h-120 z" fill="${c}" stroke="${k}" stroke-width="4"/><line x1="205" y1="145" x2="205" y2="225" stroke="${k}" stroke-width="8"/><rect x="160" y="222" width="90" height="14" rx="6" fill="${k}"/><path d="M160 150 l-20 50 h130 l-20 -50" fill="#fff6c7" opacity="0.6"/>`,
  RS: (c, k) => `<path d="M95 200 q10 -60 60 -70 l40 -20 q25 30 60 40 q50 10 55 40 v15 h-215 z" fill="#e2583e" stroke="${k}" stroke-width="4"/><rect x="95" y="205" width="215" height="16" rx="8" fill="#f4f4f2" stroke="${k}" stroke-width="3"/><path d="M165 135 l20 25 M185 125 l20 25" stroke="#fff" stroke-width="4"/>`,
  YM: (c, k) => `<rect x="90" y="150" width="190" height="70" rx="10" fill="#8e7cc3"/><circle cx="285" cy="185" r="35" fill="#a594d6" stroke="#6f5ea8" stroke-width="4"/><circle cx="285" cy="185" r="14" fill="none" stroke="#6f5ea8" stroke-width="3"/>`,
  DB: (c, k) => `<rect x="120" y="150" width="160" height="16" rx="6" fill="#9aa1a8"/>${[105, 125, 255, 275].map((x) => `<rect x="${x}" y="${x === 125 || x === 255 ? 120 : 110}" width="20" height="${x === 125 || x === 255 ? 76 : 96}" rx="4" fill="#2b2b2b"/>`).join('')}`,
  BK: (c, k) => `<circle cx="130" cy="190" r="48" fill="none" stroke="#2b2b2b" stroke-width="8"/><circle cx="270" cy="190" r="48" fill="none" stroke="#2b2b2b" stroke-width="8"/><path d="M130 190 l45 -70 h75 l20 70 M175 120 l35 70 h-80 M250 120 l-40 70" fill="none" stroke="${k}" stroke-width="7" stroke-linejoin="round"/><path d="M165 110 h30" stroke="#2b2b2b" stroke-width="8" stroke-linecap="round"/>`,
  BT: (c, k) => `<rect x="170" y="70" width="60" height="24" rx="6" fill="#2b2b2b"/><rect x="160" y="92" width="80" height="150" rx="22" fill="${c}" stroke="${k}" stroke-width="4"/><rect x="160" y="140" width="80" height="30" fill="#fff" opacity="0.25"/>`,
  TN: (c, k) => `<ellipse cx="200" cy="125" rx="62" ry="78" fill="none" stroke="${k}" stroke-width="10"/><path d="M150 100 h100 M145 125 h110 M150 150 h100 M175 60 v130 M200 50 v150 M225 60 v130" stroke="${k}" stroke-width="2" opacity="0.6"/><rect x="192" y="200" width="16" height="60" rx="6" fill="#2b2b2b"/><circle cx="290" cy="230" r="18" fill="#d7e94a" stroke="#9bab24" stroke-width="3"/>`,
  CM: (c, k) => `<rect x="120" y="70" width="160" height="170" rx="12" fill="${c}" stroke="${k}" stroke-width="4"/><rect x="140" y="90" width="120" height="40" rx="6" fill="#2b2b2b"/><circle cx="230" cy="110" r="10" fill="#e2583e"/><rect x="185" y="130" width="30" height="30" fill="#555"/><path d="M178 190 h44 v30 a22 22 0 0 1 -44 0 z" fill="#f4f4f2" stroke="${k}" stroke-width="3"/>`,
  KN: (c, k) => `<path d="M95 175 L265 140 q30 -5 35 25 L110 190 z" fill="#c9ced4" stroke="${k}" stroke-width="3"/><path d="M120 180 q40 -10 80 -18 q40 -8 80 -14" fill="none" stroke="#9aa1a8" stroke-width="2" stroke-dasharray="10 4"/><rect x="40" y="170" width="70" height="24" rx="8" fill="#5b3a22" transform="rotate(-12 75 182)"/>`,
  PN: (c, k) => `<circle cx="180" cy="160" r="80" fill="#2b2b2b"/><circle cx="180" cy="160" r="64" fill="#3d3d3d"/><rect x="255" y="148" width="110" height="22" rx="10" fill="#2b2b2b"/>`,
  KT: (c, k) => `<path d="M140 230 q-10 -110 60 -120 q70 10 60 120 z" fill="${c}" stroke="${k}" stroke-width="4"/><path d="M150 140 q-50 -20 -60 -60" fill="none" stroke="${c}" stroke-width="8" stroke-linecap="round"/><path d="M255 150 q35 10 30 50" fill="none" stroke="${k}" stroke-width="10" stroke-linecap="round"/><rect x="180" y="96" width="40" height="14" rx="6" fill="#9aa1a8"/>`,
  BL: (c, k) => `<path d="M160 70 h80 l-10 120 h-60 z" fill="#dff3ee" stroke="${k}" stroke-width="4" opacity="0.9"/><rect x="150" y="60" width="100" height="14" rx="6" fill="#2b2b2b"/><rect x="145" y="190" width="110" height="50" rx="10" fill="#3a3f46"/><circle cx="200" cy="215" r="10" fill="#e2583e"/>`,
  SC: (c, k) => `<rect x="100" y="110" width="180" height="110" rx="16" fill="#d8b98c" stroke="#9a7443" stroke-width="4"/><rect x="140" y="90" width="160" height="100" rx="16" fill="#e6cca0" stroke="#9a7443" stroke-width="4"/><circle cx="280" cy="115" r="8" fill="#fbf0e4" stroke="#9a7443" stroke-width="3"/>`,
};

function keys() {
  let out = '';
  for (let row = 0; row < 3; row += 1) {
    for (let col = 0; col < 11; col += 1) out += `<rect x="${92 + col * 20.5}" y="${132 + row * 22}" width="16" height="16" rx="3" fill="#d9dde2"/>`;
  }
  return out;
}

// Books: a cover in a colour of its own, with the title on it.
function book(product, ink) {
  const words = product.name.split(' ');
  const lines = [];
  for (const word of words) {
    const last = lines[lines.length - 1];
    if (last && (last + ' ' + word).length <= 14) lines[lines.length - 1] = last + ' ' + word;
    else lines.push(word);
  }
  const title = lines.slice(0, 4).map((line, i) => `<text x="200" y="${112 + i * 24}" text-anchor="middle" font-family="Georgia, serif" font-size="19" fill="#fff">${escape(line)}</text>`).join('');
  return `<rect x="132" y="52" width="136" height="200" rx="6" fill="hsl(${hue(product)} 45% 38%)" stroke="${ink}" stroke-width="3"/><rect x="132" y="52" width="14" height="200" fill="#000" opacity="0.2"/><line x1="160" y1="220" x2="240" y2="220" stroke="#fff" stroke-width="2" opacity="0.7"/>${title}`;
}

function svgOf(product) {
  const [background, ink] = palettes[product.category] ?? ['#eeeeee', '#444444'];
  const type = product.sku.split('-')[1];
  const colour = colours[product.attributes?.colour] ?? '#ffffff';
  const body = product.category === 'books' ? book(product, ink) : (drawings[type] ?? drawings.SP)(colour, ink, product);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600" viewBox="0 0 400 300" role="img" aria-label="${escape(product.name)}">`
    + `<rect width="400" height="300" fill="${background}"/><ellipse cx="200" cy="262" rx="130" ry="12" fill="${ink}" opacity="0.12"/>${body}</svg>\n`;
}

// A hue of the product's own, so products drawn alike still differ.
function hue(product) {
  return Number.parseInt(hash(product.sku).slice(0, 4), 16) % 360;
}

function escape(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function hash(text) {
  return createHash('sha256').update(text).digest('hex');
}

/** Each demo product's file name and drawing. */
export function productImages(catalog) {
  return catalog.map((product) => {
    const svg = svgOf(product);
    return { sku: product.sku, file: `${product.sku.toLowerCase()}.${hash(svg).slice(0, 10)}.svg`, svg };
  });
}

function main() {
  const text = readFileSync(catalogPath, 'utf8');
  const catalog = JSON.parse(text);
  const images = productImages(catalog);
  const updated = catalog.map((product, i) => ({ ...product, images: [urlPrefix + images[i].file] }));
  const catalogText = JSON.stringify(updated, null, 2) + '\n';
  if (process.argv.includes('--check')) {
    const files = new Set(readdirSync(outDir));
    const stale = images.filter((image) => !files.has(image.file)).map((image) => image.file);
    if (stale.length > 0 || catalogText !== text) {
      console.error(`Product images are out of date (${stale.length} missing, catalog ${catalogText === text ? 'current' : 'stale'}): run npm run images.`);
      process.exit(1);
    }
    return;
  }
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  for (const image of images) writeFileSync(join(outDir, image.file), image.svg);
  writeFileSync(catalogPath, catalogText);
  console.log(`${images.length} product images in ${outDir}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
