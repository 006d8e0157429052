// The evidence-bundle API, shared by the browser app and the Node CLI (browser- and Node-safe:
// WebCrypto through globalThis.crypto.subtle, no Node imports). Format: docs/bundle.md.
// Each function's contract is commented at its declaration in the module named below.
export { createBundle } from './create.mjs';                         // create.mjs
export { verifyBundle } from './verify.mjs';                         // verify.mjs
export { verificationMessage, verdictMessage, stepName } from './verify-messages.mjs'; // verify-messages.mjs
export { parseKeyring, KEYRING_FORMAT, KEYRING_VERSION, MAX_KEYRING_KEYS } from './keyring.mjs'; // keyring.mjs
export { serializeBundle, parseBundle, FORMAT, VERSION, SECTIONS } from './format.mjs';
export { diffReports } from './diff.mjs';                            // diff.mjs
export { reauditBundle } from './reaudit.mjs';                       // reaudit.mjs
export { generateSigningKey, exportPrivateJwk, importPrivateJwk, importPublicJwk, fingerprint, thumbprint } from './keys.mjs';
export { sectionDigest } from './digest.mjs';                        // digest.mjs
