// Bundles the browser client into wwwroot/dist. Everything is served locally: no CDN, no external fonts,
// so the strict Content-Security-Policy (script-src 'self') holds.
import * as esbuild from 'esbuild';

const production = process.env.NODE_ENV === 'production' || process.argv.includes('--production');

await esbuild.build({
  entryPoints: {
    site: 'client/site.ts',
    room: 'client/meeting/room.ts',
    preparation: 'client/cases/preparation.ts',
    styles: 'client/styles.css',
  },
  outdir: 'wwwroot/dist',
  bundle: true,
  format: 'esm',
  target: ['es2022'],
  sourcemap: true,
  minify: production,
  loader: { '.woff': 'file', '.woff2': 'file', '.svg': 'file', '.png': 'file' },
  logLevel: 'warning',
});
