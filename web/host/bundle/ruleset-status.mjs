// Is a bundle's embedded ruleset one that the engine version named in its manifest shipped?
//
// rulesetStatus(manifestEngine: {name, version}, rulesetDigest (hex, digests.ruleset), engine) →
//   Promise<'released' | 'modified' | 'unknown-version'>:
//   'released'  the digest is listed for that engine name and version in RELEASED_RULESETS
//               (released-rulesets.mjs), or it is the running engine's own embedded ruleset and
//               the manifest names the running engine's own name and version (always accepted);
//   'modified'  the engine version is known (listed, or the running one) but the ruleset is none
//               of its rulesets: someone changed the rules the report was judged by;
//   'unknown-version' the manifest names an engine version this table does not know.
//   engine: from loadEngine, or null (then only the table is consulted).
import { RELEASED_RULESETS } from './released-rulesets.mjs';
import { sectionDigest } from './digest.mjs';

const own = (o, k) => Object.prototype.hasOwnProperty.call(o, k);

// The running engine's embedded ruleset digest, computed once per engine object.
const embeddedDigests = new WeakMap();
async function embeddedDigest(engine) {
  if (!embeddedDigests.has(engine)) embeddedDigests.set(engine, sectionDigest(engine.ruleset()));
  return embeddedDigests.get(engine);
}

export async function rulesetStatus(manifestEngine, rulesetDigest, engine) {
  const byVersion = own(RELEASED_RULESETS, manifestEngine.name) ? RELEASED_RULESETS[manifestEngine.name] : {};
  const listed = own(byVersion, manifestEngine.version) ? byVersion[manifestEngine.version] : null;
  if (listed && listed.includes(rulesetDigest)) return 'released';
  const running = engine?.info && engine.info.name === manifestEngine.name && engine.info.version === manifestEngine.version;
  if (running && (await embeddedDigest(engine)) === rulesetDigest) return 'released';
  return listed || running ? 'modified' : 'unknown-version';
}
