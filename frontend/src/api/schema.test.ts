import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const document = '../docs/openapi/v1.json';

describe('the generated API types', () => {
  it('are what openapi-typescript makes of the committed OpenAPI document today', () => {
    const folder = mkdtempSync(join(tmpdir(), 'shop-api-types-'));
    try {
      const fresh = join(folder, 'schema.ts');
      execFileSync(process.execPath, ['node_modules/openapi-typescript/bin/cli.js', document, '-o', fresh], { stdio: 'pipe' });

      const committed = readFileSync('src/api/schema.ts', 'utf8');

      expect(committed, 'src/api/schema.ts drifted from docs/openapi/v1.json: run npm run api:types').toBe(readFileSync(fresh, 'utf8'));
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 60_000);
});
