export { CrdtDecodeError, type CrdtKind } from './lib/decode-error';
export { GSet, type ElementGuard, type GSetElement } from './lib/g-set';
export { GCounter, type GCounterJson } from './lib/g-counter';
export { PNCounter, type PNCounterJson } from './lib/pn-counter';
export { LwwRegister, type LwwRegisterJson, type TieBreak, type ValueGuard } from './lib/lww-register';
export { VersionVector, type Causality, type VersionVectorJson } from './lib/version-vector';
