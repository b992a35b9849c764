(() => {
  const meta = document.querySelector('meta[name="mlp-early-assets"]');
  const route = /^#\/([\w-]+)/.exec(location.hash);
  if (!meta || (route && route[1] !== 'draw') || new URLSearchParams(location.search).has('embed')) return;
  const [wasm, model] = meta.content.split(' ').map((url) => fetch(url));
  window.mlpEarlyAssets = { wasm, model };
})();
