// The Draw view's first downloads, started by the HTML itself. A page that
// opens on Draw needs the digit reader's .wasm and the pretrained model (190 KB
// of its 230 KB gzip); web/src/digit-assets.ts would start them only once the
// page's script has arrived and run (some 0.3 s in on a 40 ms link). This
// plugin puts a small inline script at the top of the built index.html that
// starts both fetches while the HTML is parsed (before the stylesheet, which
// would hold an inline script back), for the routes that open on Draw only:
// an embed or another view must not pay 190 KB for a view it does not show.
// The script's URLs come from a <meta> the plugin writes (the .wasm's name is
// hashed), so its text is fixed and scripts/serve.mjs allows it by its hash.
import { createHash } from 'node:crypto';
import fs from 'node:fs';

export const EARLY_ASSETS_SCRIPT = fs.readFileSync(new URL('./web/inline/early-assets.js', import.meta.url), 'utf8');

/** The CSP source that allows the inline script ('sha256-…'). */
export const EARLY_ASSETS_CSP = `'sha256-${createHash('sha256').update(EARLY_ASSETS_SCRIPT).digest('base64')}'`;

/** The model's path under the site (web/src/worker/shipped-model.ts's PRETRAINED_PATH). */
const MODEL_PATH = 'models/mnist-mlp.mlpl';

export function earlyDigitAssets() {
  return {
    name: 'mlp-lab:early-digit-assets',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        const wasm = Object.values(bundle ?? {}).find((f) => f.type === 'asset' && /(^|\/)mlp-reader-[\w-]+\.wasm$/.test(f.fileName));
        if (!wasm) throw new Error('early digit assets: the digit reader (mlp-reader.wasm) is not in the bundle');
        // Right after the charset, before the stylesheet and the page's script.
        const charset = /<meta charset="utf-8"\s*\/?>/i;
        if (!charset.test(html)) throw new Error('early digit assets: index.html has no <meta charset="utf-8">');
        const tags = `<meta name="mlp-early-assets" content="${wasm.fileName} ${MODEL_PATH}" />\n    <script>${EARLY_ASSETS_SCRIPT}</script>`;
        return html.replace(charset, (m) => `${m}\n    ${tags}`);
      },
    },
  };
}
