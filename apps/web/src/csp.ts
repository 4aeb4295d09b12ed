/**
 * The nonce the API wrote into this page for its Content Security Policy: styles must carry it
 * (`style-src 'self' 'nonce-…'`, no 'unsafe-inline'). Browsers hide it from getAttribute once
 * the policy applies; the `nonce` property still reads it. Undefined outside the built page.
 */
export const cspNonce: string | undefined = (() => {
  const value = document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce;
  return value && value !== '__CSP_NONCE__' ? value : undefined;
})();

/**
 * Ant Design's own styles take the nonce from its ConfigProvider (main.tsx); a few of its
 * helpers (the scroll lock of modals and drawers, the scroll-bar measure) create <style>
 * elements without asking for one. Every <style> element this page's scripts create gets the
 * nonce, so those work too — while a <style> smuggled in as markup (an injection) still does
 * not, which is what the policy is for.
 */
export function nonceScriptStyles(): void {
  if (!cspNonce) return;
  const nonce = cspNonce;
  const create = Document.prototype.createElement;
  Document.prototype.createElement = function (
    this: Document,
    tagName: string,
    options?: ElementCreationOptions,
  ): HTMLElement {
    const element = create.call(this, tagName, options);
    if (tagName.toLowerCase() === 'style') element.nonce = nonce;
    return element;
  } as typeof Document.prototype.createElement;
}
