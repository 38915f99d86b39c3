import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
var __webpack_exports__ = {};

;// CONCATENATED MODULE: external "node:worker_threads"
const external_node_worker_threads_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");
;// CONCATENATED MODULE: ./build/src/rules/text.js
const decoded = new WeakMap();
/**
 * A file's bytes as a latin1 string (one character per byte, so offsets are byte offsets),
 * decoded once however many rules read it; it lives as long as the entry's bytes.
 */
function latin1Text(content) {
    let text = decoded.get(content);
    if (text === undefined) {
        text = content.toString('latin1');
        decoded.set(content, text);
    }
    return text;
}

;// CONCATENATED MODULE: ./build/src/rules/windows.js
const DEFAULT_WINDOWS = { own: 64 * 1024, before: 4096, after: 32 * 1024 };
/**
 * Cuts a streamed file into overlapping windows for scanners that work on text: a match that
 * starts in a window's own part and is no longer than `after` is seen whole by that window, and
 * by no other's own part. Bytes are copied into one buffer that is reused for every window
 * (fresh big buffers cost more than scanning them), so `onWindow` must not keep `bytes`.
 */
class Windows {
    onWindow;
    sizes;
    buf;
    /** Bytes held in `buf`, from file offset `start`. */
    held = 0;
    start = 0;
    /** File offset of the first byte no window has owned yet. */
    owned = 0;
    line = 1;
    lineStart = 0;
    flushed = false;
    constructor(onWindow, sizes = DEFAULT_WINDOWS) {
        this.onWindow = onWindow;
        this.sizes = sizes;
        this.buf = Buffer.allocUnsafe(sizes.before + sizes.own + sizes.after);
    }
    write(chunk) {
        const { own, after } = this.sizes;
        for (let at = 0; at < chunk.length;) {
            const n = Math.min(chunk.length - at, this.buf.length - this.held);
            chunk.copy(this.buf, this.held, at, at + n);
            this.held += n;
            at += n;
            if (this.start + this.held - this.owned >= own + after)
                this.flush(this.owned + own);
        }
    }
    end() {
        if (this.start + this.held > this.owned || !this.flushed)
            this.flush(this.start + this.held);
    }
    /** Hands on the window that owns `[owned, ownEnd)`, then keeps only what later windows need. */
    flush(ownEnd) {
        this.flushed = true;
        const bytes = this.buf.subarray(0, this.held);
        const windowEnd = Math.min(this.start + this.held, ownEnd + this.sizes.after);
        this.onWindow(bytes.subarray(0, windowEnd - this.start), {
            base: this.start,
            from: this.owned - this.start,
            to: ownEnd - this.start,
            line: this.line,
            lineStart: this.lineStart,
        });
        const next = Math.max(this.start, ownEnd - this.sizes.before);
        // Lines are counted up to the next window's first byte.
        const stop = next - this.start;
        for (let i = bytes.indexOf(0x0a); i >= 0 && i < stop; i = bytes.indexOf(0x0a, i + 1)) {
            this.line++;
            this.lineStart = this.start + i + 1;
        }
        this.owned = ownEnd;
        bytes.copy(this.buf, 0, stop, this.held);
        this.held -= stop;
        this.start = next;
    }
}

;// CONCATENATED MODULE: ./build/src/rules/secrets/engine/base64-values.js
/**
 * Values of secret-named keys in config files that are base64 once more (`token: Z2hwXz...`, a
 * kubeconfig's `client-key-data`, a Kubernetes Secret's `data:`): decoded, they are scanned like
 * any text. Only config files are looked at, and only values of keys named like a credential,
 * so ordinary files cost nothing; a decoded value is reported only when a detector finds a
 * secret in it, so base64 that decodes to anything else stays silent.
 */
/** Config files by name: YAML, JSON, TOML, INI, properties, env and rc files. */
const CONFIG = /\.(ya?ml|json|toml|ini|cfg|conf|properties|env|xml|plist|tfvars)$|(^|\/)\.?[\w.-]*(rc|env)(\.[\w.-]+)?$/i;
/**
 * A `:` or `=`, then a base64 (or base64url) value, quoted or not, of bounded length (a greedy
 * run over a megabyte blob costs the regex engine a backtrack entry per character; a kubeconfig
 * key is a few KB). Starting at `:` or `=` keeps the pass fast: about 1 ns a byte on JSON.
 */
const VALUE = /[:=][ \t]*["']?([A-Za-z0-9+/_-]{16,8192}={0,2})(?![A-Za-z0-9+/=_-])/g;
/** The key just before it is named like a credential. */
const KEY = /(?:token|secret|passw|pwd|auth|key|cred)[\w.-]{0,40}["']?[ \t]*$/i;
/** The shortest decoded text worth scanning (the shortest token is longer). */
const MIN_DECODED = 12;
function isConfigFile(file) {
    return CONFIG.test(file);
}
/** Each base64 value of a credential-named key that decodes to text, with its line. */
function* base64Values(text) {
    let line = 1;
    let counted = 0;
    VALUE.lastIndex = 0;
    for (let m = VALUE.exec(text); m; m = VALUE.exec(text)) {
        const key = text.slice(Math.max(0, m.index - 60), m.index);
        // A kubeconfig's client key has its own detector (secret/kubeconfig-client-key).
        if (!KEY.test(key) || /client-key-data["']?[ \t]*$/.test(key))
            continue;
        const decoded = Buffer.from(m[1], m[1].includes('-') || m[1].includes('_') ? 'base64url' : 'base64');
        if (decoded.length < MIN_DECODED || !mostlyText(decoded))
            continue;
        for (let i = text.indexOf('\n', counted); i >= 0 && i < m.index; i = text.indexOf('\n', i + 1))
            line++;
        counted = m.index;
        yield { line, decoded: decoded.toString('latin1') };
    }
}
/** Printable ASCII and line breaks, all but a few bytes: text, not a random key's bytes. */
function mostlyText(b) {
    let bad = 0;
    for (const c of b)
        if ((c < 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) || c > 0x7e)
            bad++;
    return bad <= b.length / 20;
}

;// CONCATENATED MODULE: ./build/src/rules/secrets/engine/binary.js
/** Whether bytes are binary: a NUL byte in the first 8 KB (as git and grep decide). */
function isBinary(content) {
    return content.subarray(0, 8192).includes(0);
}
/** The bytes `printableRuns` keeps: printable ASCII, tab and line breaks (one test, two forms). */
const PRINTABLE = '[\\t\\n\\r\\x20-\\x7e]';
function isPrintable(b) {
    return (b >= 0x20 && b <= 0x7e) || b === 0x09 || b === 0x0a || b === 0x0d;
}
/**
 * The printable-ASCII runs (tab and line breaks included, so a PEM block stays whole) of at
 * least `min` bytes, as a latin1 string as long as the file with every other byte blanked to
 * NUL but line feeds: each run keeps its offset and line, so lines and columns are those of the
 * file (counted as a streamed file's are, by every line feed).
 */
function printableRuns(content, min = 8) {
    // The regex engine finds the runs (a per-byte loop in JS is ten times slower on a 20 MB addon).
    const runs = new RegExp(`${PRINTABLE}{${min},}`, 'g');
    const text = content.toString('latin1');
    const out = Buffer.alloc(content.length);
    for (let i = content.indexOf(0x0a); i >= 0; i = content.indexOf(0x0a, i + 1))
        out[i] = 0x0a;
    for (let m = runs.exec(text); m; m = runs.exec(text))
        content.copy(out, m.index, m.index, m.index + m[0].length);
    return out.toString('latin1');
}

;// CONCATENATED MODULE: ./build/src/rules/secrets/engine/encodings.js
/**
 * Texts a binary-looking file may hold that its printable runs do not show: UTF-16 text (every
 * other byte NUL) and the strings of a compiled Python file (each written right after a type
 * byte and a length, and followed by the next object's type byte, often a letter).
 */
/** How many first bytes decide whether a file is UTF-16 text. */
const SNIFF = 256;
/**
 * `le` or `be` when the bytes are UTF-16 text: a byte-order mark, or the NUL pattern of mostly
 * ASCII text (one byte of each pair NUL, the other not) over the first bytes. Only these first
 * bytes are read, so telling costs nothing on other files.
 */
function utf16Of(content) {
    if (content.length < 2)
        return undefined;
    if (content[0] === 0xff && content[1] === 0xfe)
        return 'le';
    if (content[0] === 0xfe && content[1] === 0xff)
        return 'be';
    const pairs = Math.min(content.length, SNIFF) >> 1;
    if (pairs < 8)
        return undefined;
    let evenNul = 0;
    let oddNul = 0;
    for (let i = 0; i < pairs; i++) {
        if (content[2 * i] === 0)
            evenNul++;
        if (content[2 * i + 1] === 0)
            oddNul++;
    }
    const most = pairs * 0.9;
    if (oddNul >= most && evenNul === 0)
        return 'le';
    if (evenNul >= most && oddNul === 0)
        return 'be';
    return undefined;
}
/**
 * UTF-16 text as the scanner reads text: one character a code unit, those past latin1 shown as
 * `?` (no keyword or token has one). Lines are the file's; columns count characters.
 */
function utf16Text(content, kind) {
    const start = (kind === 'le' && content[0] === 0xff) || (kind === 'be' && content[0] === 0xfe) ? 2 : 0;
    const even = content.subarray(start, start + ((content.length - start) & ~1));
    const le = kind === 'le' ? even : Buffer.from(even).swap16();
    return le.toString('utf16le').replace(/[^\0-\xff]/g, '?');
}
/** Whether the bytes are a compiled Python module: `.pyc`/`.pyo` with its magic's `\r\n`. */
function isPyc(file, content) {
    return /\.py[co]$/.test(file) && content[2] === 0x0d && content[3] === 0x0a;
}
// marshal type codes of strings, with FLAG_REF (0x80) cleared: short ASCII ones have a 1-byte
// length, the others a 4-byte one.
const SHORT = new Set([0x7a, 0x5a]); // z Z
const LONG_ASCII = new Set([0x61, 0x41]); // a A
const LONG = new Set([0x75, 0x74, 0x73]); // u t s
const MIN_STRING = 8;
/**
 * The strings of a `.pyc` as a latin1 text as long as the file, everything else blanked to NUL
 * (line feeds kept, as in `printableRuns`): each string stands alone, so the type byte marshal
 * writes right after it (`N`, `Z`, `r`, ...) does not run on from a token's last character.
 * Found by walking the bytes for a string type code, a length that fits and a body that is text;
 * a string's body is stepped over whole.
 */
function marshalStrings(content) {
    const out = Buffer.alloc(content.length);
    for (let i = content.indexOf(0x0a); i >= 0; i = content.indexOf(0x0a, i + 1))
        out[i] = 0x0a;
    let i = 16;
    while (i < content.length) {
        const code = content[i] & 0x7f;
        const short = SHORT.has(code);
        const long = LONG_ASCII.has(code) || LONG.has(code);
        const at = i + (short ? 2 : 5);
        const n = short
            ? content[i + 1]
            : long && at <= content.length
                ? content.readUInt32LE(i + 1)
                : 0;
        if ((short || long) && n >= MIN_STRING && at + n <= content.length) {
            if (isText(content, at, at + n, LONG.has(code))) {
                content.copy(out, at, at, at + n);
                i = at + n;
                continue;
            }
        }
        i++;
    }
    return out.toString('latin1');
}
function isText(b, from, to, utf8) {
    for (let i = from; i < to; i++) {
        const c = b[i];
        if (c >= 0x20 ? c === 0x7f || (c > 0x7f && !utf8) : c !== 0x09 && c !== 0x0a && c !== 0x0d)
            return false;
    }
    return true;
}

;// CONCATENATED MODULE: ./build/src/rules/secrets/engine/context.js
/**
 * Per-text scan state shared by detectors. Keyword hits arrive in increasing order, so a
 * forward search for a closing marker (`-----END `) can be reused by every later hit before
 * the marker: each marker is searched for once per text instead of once per hit, which keeps
 * a text of a million headers without a footer linear.
 */
class ScanContext {
    text;
    file;
    found = new Map();
    memos = new Map();
    /** `file` is the path being scanned, for detectors that judge a hit by its place. */
    constructor(text, file) {
        this.text = text;
        this.file = file;
    }
    /** `text.indexOf(needle, from)`, answered from the previous search when it still applies. */
    nextIndexOf(needle, from) {
        const prev = this.found.get(needle);
        if (prev && prev.from <= from && (prev.at === -1 || prev.at >= from))
            return prev.at;
        const at = this.text.indexOf(needle, from);
        this.found.set(needle, { from, at });
        return at;
    }
    /** The last value computed under `key` for offset `at`, so detectors sharing a keyword share work. */
    memo(key, at, compute) {
        const prev = this.memos.get(key);
        if (prev && prev.at === at)
            return prev.value;
        const value = compute();
        this.memos.set(key, { at, value });
        return value;
    }
}
/** Runs a sticky regex at `at`; undefined when it does not match exactly there. */
function matchAt(re, text, at) {
    re.lastIndex = at;
    return re.exec(text) ?? undefined;
}
/**
 * Every match of a global regex that lies inside `text[from, to)`. One character either side is
 * kept so lookarounds see the real neighbours; a match running past the window is dropped.
 */
function matchesIn(re, text, from, to) {
    const out = [];
    const base = Math.max(0, from - 1);
    const part = text.slice(base, Math.min(text.length, to + 1));
    re.lastIndex = 0;
    for (let m = re.exec(part); m; m = re.exec(part)) {
        if (m[0].length === 0)
            re.lastIndex++;
        m.index += base;
        if (m.index >= from && m.index + m[0].length <= to)
            out.push(m);
    }
    return out;
}

;// CONCATENATED MODULE: ./build/src/rules/secrets/engine/example-cue.js
/** How far before a secret its sentence is read for a cue. */
const LOOK_BACK = 120;
/** Words that present what follows as a sample of a format. */
const CUE = /(?<![\w$.])(?:e\.g\.|for example|for instance|such as|examples?|like|format)(?![\w$])/gi;
/** The end of a line, a statement or a sentence: a cue before it is about something else. */
const BREAK = /[.!?](?=\s)|[;\r\n]|\\[nr]/;
/**
 * Whether the text just before a secret presents it as an example of a format: `like`, `e.g.`,
 * `for example`, `for instance`, `such as`, `example`, `format` shortly before it, in the same
 * line and sentence (`Must be in valid uri format like dotenv://:key_1234@\u2026`,
 * `// example: KEY="\u2026"`, `"example": "\u2026"`). A cue word used as code does not count: a call
 * or member (`format(\u2026)`, `x.like`), or a key with a value of its own (`{format: "pem", \u2026}`).
 * Read only at a hit, never per byte.
 */
function presentedAsExample(text, start) {
    const before = text.slice(Math.max(0, start - LOOK_BACK), start);
    let after;
    CUE.lastIndex = 0;
    for (let m = CUE.exec(before); m; m = CUE.exec(before)) {
        const rest = before.slice(m.index + m[0].length);
        // `example` as a key (`"example": "\u2026"`, OpenAPI) presents its value; other cue words as
        // keys are settings, and as prose they are followed by a space
        if (/^example/i.test(m[0]) && /^["'`]?[ \t]*[:=]/.test(rest))
            after = rest;
        else if (/^[:,]?[ \t]/.test(rest) && !/^:[ \t]*["'`{[]/.test(rest))
            after = rest;
    }
    return after !== undefined && !BREAK.test(after);
}
/** Why a hit presented as an example is only reported as unverified. */
const PRESENTED_AS_EXAMPLE = 'presented as an example of its format';

;// CONCATENATED MODULE: ./build/src/rules/secrets/engine/simd-tables.js
// Generated by `npm run docs` from the secret detectors' keywords: the buckets of the SIMD
// keyword pass (simd-filter.ts), made ahead because making them takes milliseconds. A test
// fails when this file is out of date.
const SIMD_TABLES = {
    trigrams: [2960685, 2976613, 3105136, 3813167, 3826017, 6382185, 6382435, 6383461, 6383994, 6384489, 6386537, 6579051, 6580595, 6582127, 6582128, 6582130, 6650218, 6776943, 6776944, 6776946, 6776947, 6776949, 6777204, 6777953, 6777955, 6777956, 6777958, 6777961, 6777967, 6777968, 6777970, 6777971, 6778723, 6779441, 6841983, 6844271, 7237741, 7368033, 7370100, 7371120, 7498623, 7562595, 7562610, 7563054, 7563361, 7563376, 7564077, 7564159, 7615330, 7632745, 7825523, 7889264, 7892856],
    tables: '0a3020288402000dc000c000006002800000e0c0000077ea000000000000000002801194000a40a00917003001480044000040800000fd9300000000000000008f898d1d032101004091120400622065000060010000ffff0000000000000000',
};

;// CONCATENATED MODULE: ./build/src/rules/secrets/engine/simd-buckets.js
/**
 * How the SIMD keyword pass (simd-filter.ts) groups keywords: each keyword's first three
 * characters go into one of 8 buckets, and per character position two 16-byte tables give, for
 * the low and for the high nibble of a byte, the buckets that accept it.
 */
const BUCKETS = 8;
/**
 * Puts the trigrams into buckets so that few other trigrams pass: those sharing their first two
 * characters stay together; each group goes first to the bucket whose pass rate (in text with
 * the character shares of SHARES) grows least, then groups move while a move lowers the sum.
 */
function tables(trigrams) {
    const byStart = new Map();
    for (const t of trigrams)
        byStart.set(t >>> 8, [...(byStart.get(t >>> 8) ?? []), t]);
    const groups = [...byStart.values()]
        .sort((a, b) => b.length - a.length || a[0] - b[0])
        .map((list) => ({ masks: nibbleMasks(list), bucket: -1 }));
    // Each bucket's nibble masks (the union of its groups'), kept as groups come and go.
    const masks = Array.from({ length: BUCKETS }, () => [0, 0, 0, 0, 0, 0]);
    const union = (a, b) => a.map((m, k) => m | b[k]);
    const without = (g) => groups
        .filter((o) => o !== g && o.bucket === g.bucket)
        .reduce((m, o) => union(m, o.masks), [0, 0, 0, 0, 0, 0]);
    const growth = (g, base) => passRate(union(base, g.masks)) - passRate(base);
    /** The bucket where `g` adds least, and how much it adds there. */
    const cheapest = (g) => {
        let best = 0;
        let least = Infinity;
        for (let b = 0; b < BUCKETS; b++) {
            const x = growth(g, b === g.bucket ? without(g) : masks[b]);
            if (x < least)
                [best, least] = [b, x];
        }
        return { best, least };
    };
    const put = (g, b) => {
        const from = g.bucket;
        g.bucket = b;
        if (from >= 0)
            masks[from] = without({ ...g, bucket: from });
        masks[b] = union(masks[b], g.masks);
    };
    for (const g of groups)
        put(g, cheapest(g).best);
    for (let moved = true, rounds = 0; moved && rounds < 20; rounds++) {
        moved = false;
        for (const g of groups) {
            const { best, least } = cheapest(g);
            if (best !== g.bucket && least < growth(g, without(g)) - 1e-12) {
                put(g, best);
                moved = true;
            }
        }
    }
    const out = new Uint8Array(6 * 16);
    masks.forEach((m, b) => {
        for (let k = 0; k < 6; k++)
            for (let n = 0; n < 16; n++)
                if (m[k] & (1 << n))
                    out[16 * k + n] |= 1 << b;
    });
    return out;
}
/** Per table (position p's low nibbles, then its high ones), the nibbles these trigrams use. */
function nibbleMasks(trigrams) {
    const m = [0, 0, 0, 0, 0, 0];
    for (const t of trigrams)
        for (let p = 0; p < 3; p++) {
            const c = (t >>> (16 - 8 * p)) & 0xff;
            m[2 * p] |= 1 << (c & 15);
            m[2 * p + 1] |= 1 << (c >>> 4);
        }
    return m;
}
/**
 * Rough share of each folded byte in source text: letters as in English, then the space; every
 * other byte alike. Only the bucketing uses it: a wrong guess costs speed, never a keyword.
 */
const SHARES = (() => {
    const shares = new Float64Array(256).fill(0.003);
    const letters = 'etaoinshrdlcumwfgypbvkjxqz';
    const percent = [
        127, 91, 82, 75, 70, 67, 63, 61, 60, 43, 40, 28, 28, 24, 24, 22, 20, 20, 19, 15, 10, 8, 2, 2, 1,
        1,
    ];
    for (let i = 0; i < letters.length; i++)
        shares[letters.charCodeAt(i)] = (percent[i] / 1000) * 0.7;
    shares[0x20] = 0.15;
    return shares;
})();
/** The share of trigrams a bucket with these nibble masks passes (per position, its bytes). */
function passRate(masks) {
    let rate = 1;
    for (let p = 0; p < 3; p++) {
        let share = 0;
        for (let his = masks[2 * p + 1]; his !== 0; his &= his - 1)
            for (let los = masks[2 * p]; los !== 0; los &= los - 1)
                share += SHARES[16 * lowestBit(his) + lowestBit(los)];
        rate *= share;
    }
    return rate;
}
function lowestBit(x) {
    return 31 - Math.clz32(x & -x);
}
/** The text of simd-tables.ts for these trigrams (`npm run docs` writes it; a test compares). */
function renderSimdTables(trigrams) {
    return [
        "// Generated by `npm run docs` from the secret detectors' keywords: the buckets of the SIMD",
        '// keyword pass (simd-filter.ts), made ahead because making them takes milliseconds. A test',
        '// fails when this file is out of date.',
        'export const SIMD_TABLES = {',
        `  trigrams: [${trigrams.join(', ')}],`,
        `  tables: '${Buffer.from(tables(trigrams)).toString('hex')}',`,
        '}',
        '',
    ].join('\n');
}

;// CONCATENATED MODULE: ./build/src/rules/secrets/engine/simd-layout.js
/**
 * The memory of the SIMD keyword pass's WebAssembly module, written once for both sides of it:
 * simd-module.wat names these as `{INPUT}`, `{RESULT + 4}`, ... (scripts/assemble-wasm.mjs
 * fills the numbers in), and simd-filter.ts copies the tables and each block in and reads what
 * the module found out at the same places.
 */
/** Bytes scanned per call; the text is copied into the module's memory a block at a time. */
const BLOCK = 256 * 1024;
/** Where the bucket tables go in the module's memory: 6 x 16 bytes (see simd-buckets.ts). */
const TABLES = 0;
/** Where `json` writes what it found: escapes, flags, where the next block's escapes start. */
const RESULT = 96;
/** The block, then zero padding the vector loads may read. */
const INPUT = 1024;
/** One i32 per reported position, at most one per byte. */
const OUTPUT = INPUT + BLOCK + 64;
/** The module's memory, in 64 KiB pages: everything up to the end of OUTPUT. */
const PAGES = Math.ceil((OUTPUT + 4 * BLOCK) / 65536);

;// CONCATENATED MODULE: ./build/src/rules/secrets/engine/simd-module.generated.js
// Generated by `node scripts/assemble-wasm.mjs` (npm run build and npm run docs run it) from
// simd-module.wat and simd-layout.ts: the bytes of the SIMD keyword pass, base64. Edit the
// .wat, not this file; a test fails when this file is out of date.
const SIMD_MODULE = 'AGFzbQEAAAABCwJgAX8Bf2ACf38AAwMCAAEFAwEAFQcYAwRzY2FuAAAEanNvbgABBm1lbW9yeQIACu0EArsCAgN/CntBD/0PIQZBIP0PIQdBAP0AAAAhCEEA/QAAECEJQQD9AAAgIQpBAP0AADAhC0EA/QAAQCEMQQD9AABQIQ0CQANAIAEgAE8NASAB/QAAgAggB/1QIQQgCCAEIAb9Tv0OIAkgBEEE/W39Dv1OIQUgAf0AAIEIIAf9UCEEIAogBCAG/U79DiALIARBBP1t/Q79TiAF/U4hBSAB/QAAggggB/1QIQQgDCAEIAb9Tv0OIA0gBEEE/W39Dv1OIAX9TiEFIAX9UwRAIAX9DAAAAAAAAAAAAAAAAAAAAAD9JP1kIQMgACABa0EQSQRAIANBASAAIAFrdEEBa3EhAwsCQANAIANFDQEgAkECdCABIANoajYCwIgQIAJBAWohAiADIANBAWtxIQMMAAsLCyABQRBqIQEMAAsLIAILrQICBn8Ee0HcAP0PIQpBIP0PIQsCQANAIAIgAE8NASAC/QAAgAghCCAIIAv9JiEJIAn9UwRAIAn9ZCEDIAAgAmtBEEkEQCADQQEgACACa3RBAWtxIQMLIAMEQCAGQQFyIQYLCyAIIAr9IyEJIAn9UwRAIAn9ZCEDIAAgAmtBEEkEQCADQQEgACACa3RBAWtxIQMLAkADQCADRQ0BIAIgA2hqIQQgAyADQQFrcSEDIAQgAU8EQCAFQQFqIQUgBEECaiEBIAQtAIEIIQcgB0EiRiAHQdwARnIgB0HiAEZyIAdB5gBGciAHQe4ARnIgB0HyAEZyIAdB9ABGckUEQCAGQQJyIQYLCwwACwsLIAJBEGohAgwACwtBACAFNgJgQQAgBjYCZEEAIAEgAGs2AmgL';

;// CONCATENATED MODULE: ./build/src/rules/secrets/engine/simd-filter.js
/**
 * The keyword pass of the secret scanner over long texts, in WebAssembly SIMD: 16 positions at
 * a time, the way Hyperscan's "Teddy" does it. Each keyword's first three characters (folded
 * as KeywordFilter folds them) go into one of 8 buckets; per character position, two 16-byte
 * tables give for the low and for the high nibble of a byte the buckets that accept it, and
 * `i8x16.swizzle` looks up 16 bytes at once. A position is reported when some bucket accepts
 * all three of its bytes. That accepts every keyword start, and some more (a bucket accepts
 * any mix of its keywords' nibbles): KeywordFilter then checks each exactly.
 *
 * Over an embedded source's raw JSON text the same pass also counts and checks its escapes, so
 * that a source with no keyword need not be decoded at all (Scanner.skim).
 *
 * The module is written as text, simd-module.wat; its bytes are assembled ahead into
 * simd-module.generated.ts, so nothing here needs a WebAssembly toolchain. Where WebAssembly or
 * its SIMD is not there, `simdScanner` returns undefined and the plain loop does all the work.
 */





/**
 * A scanner for these folded trigrams (each `(c0 << 16) | (c1 << 8) | c2`, ascending), if the
 * runtime can run it.
 */
function simdScanner(trigrams) {
    const wasm = globalThis.WebAssembly;
    let exports;
    try {
        const module = new wasm.Module(Buffer.from(SIMD_MODULE, 'base64'));
        exports = new wasm.Instance(module).exports;
    }
    catch {
        return undefined; // no WebAssembly, no SIMD, or code generation turned off
    }
    const { memory, scan, json } = exports;
    const bytes = new Uint8Array(memory.buffer);
    // Bucketing takes milliseconds: the detectors' own trigrams have their tables made ahead.
    const ready = trigrams.join() === SIMD_TABLES.trigrams.join();
    bytes.set(ready ? Buffer.from(SIMD_TABLES.tables, 'hex') : tables(trigrams), TABLES);
    const block = Buffer.from(memory.buffer, INPUT, BLOCK + 64);
    const out = new Int32Array(memory.buffer, OUTPUT, BLOCK);
    const result = new Int32Array(memory.buffer, RESULT, 3);
    /**
     * Copies `[from, to)` in a block at a time (with the two characters after each, which end its
     * last trigrams), reports the positions `scan` accepts, then hands the block to `after`.
     */
    const blocks = (input, from, to, found, after) => {
        for (let at = from; at < to; at += BLOCK) {
            const length = Math.min(BLOCK, to - at);
            const end = Math.min(input.length, at + length + 2);
            const copied = typeof input === 'string'
                ? block.write(input.slice(at, end), 0, 'latin1')
                : (block.set(input.subarray(at, end)), end - at);
            block.fill(0, copied, copied + 32);
            const count = scan(length);
            for (let k = 0; k < count; k++)
                found(at + out[k]);
            after?.(length);
        }
    };
    return {
        scan: (input, from, to, found) => blocks(input, from, to, found),
        scanJson(raw, found) {
            let escapes = 0;
            let flags = 0;
            let skip = 0;
            blocks(raw, 0, raw.length, found, (length) => {
                json(length, skip);
                escapes += result[0];
                flags |= result[1];
                skip = Math.max(0, result[2]);
            });
            return { escapes, flags };
        },
    };
}

;// CONCATENATED MODULE: ./build/src/rules/secrets/engine/keyword-filter.js

/**
 * Where keywords may start, found by a plain loop over the text: a bit per possible first three
 * characters (ASCII case folded by setting bit 5) of the keywords. A regex alternating every
 * keyword tries each position in turn and costs about five times more per character here;
 * positions this loop reports are then confirmed by that regex, made sticky, at each of them.
 *
 * Folding sets bit 5 of every character, not only of letters, so other characters can fold onto
 * a keyword's (CR onto `-`): that adds candidates, never loses one. A case-insensitive match of
 * a keyword is ASCII only (non-Unicode regexes never fold a non-ASCII character onto ASCII), so
 * every match starts at a reported position.
 */
class KeywordFilter {
    /** Bit `t` is set when some keyword starts with the folded trigram `t` (24 bits). */
    bits = new Uint8Array(1 << 21);
    /** Positions found by the last `find`, reused between calls. */
    out = new Int32Array(4096);
    constructor(keywords, opts = {}) {
        const trigrams = keywordTrigrams(keywords);
        for (const t of trigrams)
            this.bits[t >>> 3] |= 1 << (t & 7);
        // Made at the first long range: the module is compiled once, and only if needed.
        if (opts.simd !== false && trigrams.length > 0)
            this.makeSimd = () => simdScanner(trigrams);
    }
    makeSimd;
    simdScanner;
    /** The SIMD pass, if asked for and the runtime has it. */
    get simd() {
        if (this.makeSimd) {
            this.simdScanner = this.makeSimd();
            this.makeSimd = undefined;
        }
        return this.simdScanner;
    }
    /** Whether long ranges are read by the SIMD pass. */
    get usesSimd() {
        return this.simd !== undefined;
    }
    /**
     * Positions in `[from, to)` where a keyword may start, ascending, as `positions[0, count)`;
     * the array is reused by the next call.
     */
    find(text, from, to) {
        const simd = to - from >= SIMD_FROM ? this.simd : undefined;
        if (simd)
            return this.confirm(text, from, to, (found, at, end) => simd.scan(text, at, end, found));
        return this.collect(text.length, from, to, (at, end, count) => this.scanText(text, at, end, count));
    }
    /** The same over bytes (a binary file, before any text is made of it). */
    findBytes(bytes, from, to) {
        const simd = to - from >= SIMD_FROM ? this.simd : undefined;
        if (simd)
            return this.confirm(bytes, from, to, (found, at, end) => simd.scan(bytes, at, end, found));
        return this.collect(bytes.length, from, to, (at, end, count) => this.scanBytes(bytes, at, end, count));
    }
    /**
     * For the raw text of a JSON string (between its quotes), when SIMD is there and the text is
     * long enough: `find`'s positions over that raw text, and what its escapes are (see
     * SimdScanner.scanJson). Undefined otherwise.
     */
    findJson(raw) {
        const simd = raw.length >= SIMD_FROM ? this.simd : undefined;
        if (!simd)
            return undefined;
        let escapes = { escapes: 0, flags: 0 };
        const found = this.confirm(raw, 0, raw.length, (f) => (escapes = simd.scanJson(raw, f)));
        return { ...found, ...escapes };
    }
    /**
     * The SIMD pass's positions, each kept when its trigram (computed as the plain loops compute
     * it) is a keyword's: for latin1 input, exactly the positions the plain loop reports.
     */
    confirm(input, from, to, run) {
        const code = typeof input === 'string' ? (i) => input.charCodeAt(i) : (i) => input[i];
        const last = Math.min(input.length, to + 2) - 2; // the last trigram must fit, as in the loops
        const { bits } = this;
        let count = 0;
        run((at) => {
            if (at >= last)
                return;
            const t = (((code(at) | 32) << 16) | ((code(at + 1) | 32) << 8) | (code(at + 2) | 32)) & 0xffffff;
            if ((bits[t >>> 3] & (1 << (t & 7))) === 0)
                return;
            if (count === this.out.length) {
                const grown = new Int32Array(this.out.length * 2);
                grown.set(this.out);
                this.out = grown;
            }
            this.out[count++] = at;
        }, from, Math.min(to, last));
        return { positions: this.out, count };
    }
    collect(length, from, to, scan) {
        const end = Math.min(length, to + 2);
        let count = 0;
        let at = from;
        while (at + 2 < end) {
            const n = scan(at, end, count);
            count = n.count;
            if (n.next >= end)
                break;
            // The array is full: grow it and go on from where the scan stopped.
            const grown = new Int32Array(this.out.length * 2);
            grown.set(this.out);
            this.out = grown;
            at = n.next;
        }
        return { positions: this.out, count };
    }
    // The hot loops, one per input type and kept small so each is optimized: they stop at `end`
    // or when `out` is full, and then resume two characters back, so the trigram that did not
    // fit is seen again.
    scanText(text, from, end, count) {
        const { bits, out } = this;
        let h = ((text.charCodeAt(from) | 32) << 8) | (text.charCodeAt(from + 1) | 32);
        let i = from + 2;
        for (; i < end; i++) {
            h = ((h << 8) | (text.charCodeAt(i) | 32)) & 0xffffff;
            if ((bits[h >>> 3] & (1 << (h & 7))) !== 0) {
                if (count === out.length)
                    break;
                out[count++] = i - 2;
            }
        }
        return { count, next: i < end ? i - 2 : end };
    }
    scanBytes(bytes, from, end, count) {
        const { bits, out } = this;
        let h = ((bytes[from] | 32) << 8) | (bytes[from + 1] | 32);
        let i = from + 2;
        for (; i < end; i++) {
            h = ((h << 8) | (bytes[i] | 32)) & 0xffffff;
            if ((bits[h >>> 3] & (1 << (h & 7))) !== 0) {
                if (count === out.length)
                    break;
                out[count++] = i - 2;
            }
        }
        return { count, next: i < end ? i - 2 : end };
    }
}
/** Ranges this long and longer go through the SIMD pass; below, its set-up costs more. */
const SIMD_FROM = 2048;
/** The distinct folded first three characters of the keywords, `(c0 << 16) | (c1 << 8) | c2`, ascending. */
function keywordTrigrams(keywords) {
    const trigrams = new Set();
    for (const k of keywords) {
        if (k.length < 3)
            throw new Error(`internal: keyword '${k}' is shorter than 3 characters`);
        trigrams.add((fold(k, 0) << 16) | (fold(k, 1) << 8) | fold(k, 2));
    }
    return [...trigrams].sort((a, b) => a - b);
}
function fold(s, i) {
    return (s.charCodeAt(i) | 32) & 0xffff;
}

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: ./build/src/rules/secrets/engine/redact.js

/**
 * A fixed packguard constant, not a secret: it makes the hashes packguard's own (so a hash here
 * cannot be matched against a plain sha256 table) while keeping fingerprints stable across runs.
 */
const EVIDENCE_SALT = 'packguard/secret-evidence/v1';
/** Salted sha256 of a secret, shortened: enough to tell two secrets apart, useless to rebuild one. */
function secretHash(value) {
    return (0,external_node_crypto_namespaceObject.createHash)('sha256')
        .update(`${EVIDENCE_SALT}\0`)
        .update(value, 'latin1')
        .digest('hex')
        .slice(0, 12);
}
/**
 * What a report may show of a secret: at most its public prefix (4 characters or fewer), its
 * length and its salted hash, e.g. `ghp_\u2026 (40 chars, sha256:1a2b3c4d5e6f)`.
 */
function redact(value, shown = 0, hash = secretHash(value)) {
    const prefix = value.slice(0, Math.max(0, Math.min(4, shown, value.length - 8)));
    return `${prefix}\u2026 (${value.length} chars, sha256:${hash})`;
}

;// CONCATENATED MODULE: ./build/src/rules/secrets/engine/scanner.js





/** Rule id of low-confidence hits (checksum fails, looks like a test value): a notice. */
const UNVERIFIED = 'secret/unverified';
/**
 * Compiles detectors into one scanner. The text is read once by a KeywordFilter; at each
 * position it reports, one sticky case-insensitive regex that alternates every keyword (escaped
 * literals, with their guards) says which keyword is there, if any. The detectors that own it
 * run a sticky regex right there, and window detectors record the window to search
 * once after the pass, merged with overlapping windows. No keyword may be a prefix of another
 * (only one alternative can match at a position); the scanner checks that here.
 */
function createScanner(detectors) {
    const atKeyword = new Map();
    const nearKeyword = new Map();
    const add = (map, kw, d) => {
        const key = kw.toLowerCase();
        map.set(key, [...(map.get(key) ?? []), d]);
    };
    const guards = new Map();
    for (const d of detectors) {
        for (const [kw, guard] of Object.entries(d.guards ?? {})) {
            const key = kw.toLowerCase();
            if (guards.has(key) && guards.get(key) !== guard)
                throw new Error(`internal: detectors guard keyword '${kw}' differently`);
            guards.set(key, guard);
        }
        for (const kw of d.keywords ?? [])
            add(atKeyword, kw, d);
        for (const kw of d.near?.keywords ?? [])
            add(nearKeyword, kw, d);
    }
    const keywords = keywordsOf(detectors);
    for (const a of keywords)
        for (const b of keywords)
            if (a !== b && b.startsWith(a))
                throw new Error(`internal: keyword '${a}' is a prefix of '${b}'`);
    // A guarded keyword must be a keyword of its detectors only: a guard would hide it from others.
    for (const k of guards.keys())
        if (nearKeyword.has(k) || atKeyword.get(k)?.some((d) => !d.guards?.[k]))
            throw new Error(`internal: keyword '${k}' is guarded for some detectors only`);
    const escape = (k) => k.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
    const source = keywords
        .map((k) => escape(k) + (guards.has(k) ? `(?=${guards.get(k)})` : ''))
        .join('|');
    const keywordRe = new RegExp(source || '(?!)', 'iy');
    const filter = new KeywordFilter(keywords);
    /** Every hit whose keyword starts in `[from, to)`, before overlaps are resolved. */
    const findAll = (text, file, from, to) => {
        // Made at the first keyword: most texts have none, and most files are small.
        let ctx;
        const found = [];
        const push = (detector, hits) => {
            if (!hits)
                return;
            for (const hit of Array.isArray(hits) ? hits : [hits])
                found.push({ detector, hit });
        };
        let windows;
        const { positions, count } = filter.find(text, from, to);
        for (let c = 0; c < count; c++) {
            const at = positions[c];
            keywordRe.lastIndex = at;
            const m = keywordRe.exec(text);
            if (!m)
                continue;
            const kw = m[0].toLowerCase();
            ctx ??= new ScanContext(text, file);
            for (const d of atKeyword.get(kw) ?? [])
                push(d, d.find?.(text, at, ctx));
            for (const d of nearKeyword.get(kw) ?? []) {
                const near = d.near;
                const from = Math.max(0, at - near.before);
                const to = Math.min(text.length, at + kw.length + near.after);
                windows ??= new Map();
                const list = windows.get(d) ?? windows.set(d, []).get(d);
                const last = list.at(-1);
                if (last && from <= last[1])
                    last[1] = Math.max(last[1], to);
                else
                    list.push([from, to]);
            }
        }
        for (const [d, list] of windows ?? [])
            for (const [from, to] of list)
                push(d, d.near.find(text, from, to, ctx));
        return found;
    };
    const scan = (text, file, report, mask, at) => {
        const found = findAll(text, file, at ? at.from : 0, at ? at.to : text.length);
        const base = at?.base ?? 0;
        if (found.length === 0)
            return at?.seenUpTo ?? 0;
        const fresh = at ? found.filter((f) => base + f.hit.start >= at.seenUpTo) : found;
        if (fresh.length === 0)
            return at?.seenUpTo ?? 0;
        const kept = resolveOverlaps(fresh);
        emit(text, file, kept, report, mask, at ?? { base: 0, line: 1, lineStart: 0 });
        let end = at?.seenUpTo ?? 0;
        for (const f of kept)
            end = Math.max(end, base + f.hit.end);
        return end;
    };
    const redactText = (text) => {
        const found = findAll(text, '', 0, text.length);
        if (found.length === 0)
            return text;
        let out = '';
        let last = 0;
        for (const { hit } of resolveOverlaps(found)) {
            out += text.slice(last, hit.start) + `[${redact(hit.value, hit.shown)}]`;
            last = hit.end;
        }
        return out + text.slice(last);
    };
    const keywordInRuns = (bytes, from, to, min) => {
        let text;
        // Keywords first (the SIMD pass reads random bytes at about 0.5 ns each), then the
        // printable run around each, measured once per run: only a long enough one counts.
        const { positions, count } = filter.findBytes(bytes, from, to);
        let runStart = 0;
        let runEnd = 0;
        for (let c = 0; c < count; c++) {
            const at = positions[c];
            if (at >= runEnd) {
                if (!isPrintable(bytes[at]))
                    continue; // folding made a control byte look like one
                runStart = at;
                while (runStart > runEnd && isPrintable(bytes[runStart - 1]))
                    runStart--;
                runEnd = at + 1;
                while (runEnd < bytes.length && isPrintable(bytes[runEnd]))
                    runEnd++;
            }
            if (runEnd - runStart < min)
                continue;
            text ??= Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
            keywordRe.lastIndex = at;
            if (keywordRe.test(text))
                return true;
        }
        return false;
    };
    const skim = (raw) => {
        const r = filter.findJson(raw);
        if (!r || r.flags !== 0)
            return undefined;
        for (let c = 0; c < r.count; c++) {
            keywordRe.lastIndex = r.positions[c];
            if (keywordRe.test(raw))
                return undefined;
        }
        return raw.length - r.escapes;
    };
    return { scan, keywordInRuns, skim, redactText };
}
/** Every keyword of these detectors (lower case, sorted): what the keyword pass looks for. */
function keywordsOf(detectors) {
    const all = detectors.flatMap((d) => [...(d.keywords ?? []), ...(d.near?.keywords ?? [])]);
    return [...new Set(all.map((k) => k.toLowerCase()))].sort();
}
/** Where hits overlap (a token inside a URL, a key inside a service-account file), one wins. */
function resolveOverlaps(found) {
    found.sort((a, b) => a.hit.start - b.hit.start || b.hit.end - a.hit.end);
    const kept = [];
    for (const f of found) {
        const last = kept.at(-1);
        if (last && f.hit.start < last.hit.end) {
            if (beats(f, last))
                kept[kept.length - 1] = f;
        }
        else {
            kept.push(f);
        }
    }
    return kept;
}
function beats(a, b) {
    const pa = a.detector.priority ?? 0;
    const pb = b.detector.priority ?? 0;
    if (pa !== pb)
        return pa > pb;
    if (!a.hit.unverified !== !b.hit.unverified)
        return !a.hit.unverified;
    return a.hit.end - a.hit.start > b.hit.end - b.hit.start;
}
/**
 * Reports hits in text order. Line and column are counted only up to each hit, from the
 * previous one, so a text without secrets costs nothing here. A hit presented as an example of
 * its format (`like \u2026`, `e.g. \u2026`) is only unverified.
 */
function emit(text, file, hits, report, mask, origin) {
    let line = origin.line;
    let lineStart = origin.lineStart - origin.base;
    let nextNewline = text.indexOf('\n');
    for (const { detector, hit } of hits) {
        while (nextNewline !== -1 && nextNewline < hit.start) {
            line++;
            lineStart = nextNewline + 1;
            nextNewline = text.indexOf('\n', lineStart);
        }
        const label = hit.label ?? detector.title;
        const hash = secretHash(hit.value);
        if (mask)
            maskValue(hit.value, mask);
        const unverified = hit.unverified ??
            (!hit.issued && presentedAsExample(text, hit.start) ? PRESENTED_AS_EXAMPLE : undefined);
        report({
            rule: unverified ? UNVERIFIED : detector.id,
            file,
            line,
            column: hit.start - lineStart + 1,
            message: unverified ? `possible ${label} in ${file} (${unverified})` : `${label} in ${file}`,
            evidence: redact(hit.value, hit.shown, hash),
            key: `sha256:${hash}`,
            ...(hit.severity && !unverified && { severity: hit.severity, because: hit.why }),
        });
    }
}
/** Masks values of 8+ characters, and each such line of a multi-line one (a PEM body). */
function maskValue(value, mask) {
    const parts = [value, ...value.split(/\r?\n|\\n/)];
    for (const p of new Set(parts.map((x) => x.trim())))
        if (p.length >= 8)
            mask(p);
}

;// CONCATENATED MODULE: ./build/src/rules/secrets/engine/scan.js






/** Printable runs shorter than this are not scanned in binaries (as `strings` does). */
const MIN_RUN = 8;
/**
 * Scanning over one detector set, compiled (keyword filter, SIMD tables, per-keyword regexes)
 * the first time something is scanned: a run that scans nothing (`--version`, a config error)
 * never pays for it.
 */
class SecretScan {
    load;
    compiled;
    constructor(load) {
        this.load = load;
    }
    get scanner() {
        return (this.compiled ??= createScanner(this.load()));
    }
    /**
     * Scans one text (decoded as latin1, so offsets are byte offsets) and reports each secret as
     * a RawFinding with redacted evidence. `file` is the path to report (`dist/cli.js` or
     * `dist/cli.js.map!sources[12]`).
     */
    text(text, file, report, mask) {
        this.scanner.scan(text, file, report, mask);
    }
    /** Scans a file's bytes: text whole, binaries by their printable runs (offsets kept). */
    bytes(content, file, report, mask) {
        const { scan, keywordInRuns } = this.scanner;
        if (!isBinary(content)) {
            const text = latin1Text(content);
            scan(text, file, report, mask);
            // base64 values of credential-named keys, decoded: config files only.
            if (isConfigFile(file))
                for (const { line, decoded } of base64Values(text))
                    scan(decoded, `${file}!base64[line ${line}]`, report, mask);
            return;
        }
        // UTF-16 text (a BOM, or the NUL pattern of its first bytes) is read as text.
        const utf16 = utf16Of(content);
        if (utf16)
            return void scan(utf16Text(content, utf16), file, report, mask);
        if (!keywordInRuns(content, 0, content.length, MIN_RUN))
            return;
        scan(printableRuns(content, MIN_RUN), file, report, mask);
        // A .pyc's strings once more, each alone (what a token ends on is the next type byte); a
        // hit seen both ways is one finding (same rule, file and value).
        if (isPyc(file, content))
            scan(marshalStrings(content), file, report, mask);
    }
    /** See Scanner.redactText: the text with every secret in it redacted. */
    redactText(text) {
        return this.scanner.redactText(text);
    }
    /** See Scanner.skim: the decoded length of a JSON string's raw text that holds no secret. */
    skim(raw) {
        return this.scanner.skim(raw);
    }
    /**
     * A sink that scans a streamed file window by window, as `bytes` scans a whole one: a binary
     * (judged by its first window) by its printable runs, a text as it is.
     */
    sink(file, report, mask, sizes) {
        const windows = new scan_WindowScan(this);
        return new Windows((bytes, pos) => windows.scan(bytes, pos, file, report, mask), sizes);
    }
}
/** The windows of one streamed file, scanned in order (on this thread or a worker). */
class scan_WindowScan {
    engine;
    binary;
    seenUpTo = 0;
    constructor(engine) {
        this.engine = engine;
    }
    scan(bytes, pos, file, report, mask) {
        const { scan, keywordInRuns } = this.engine.scanner;
        this.binary ??= isBinary(bytes);
        if (this.binary && !keywordInRuns(bytes, pos.from, pos.to, MIN_RUN))
            return;
        const text = this.binary ? printableRuns(bytes, MIN_RUN) : bytes.toString('latin1');
        this.seenUpTo = scan(text, file, report, mask, { ...pos, seenUpTo: this.seenUpTo });
    }
}

;// CONCATENATED MODULE: ./build/src/rules/secrets/engine/offload/protocol.js

/**
 * Bytes go to the worker in buffers of this size that it hands back: fresh memory costs more
 * than the scan here, so windows (and small files) travel in recycled buffers.
 */
const POOLED = DEFAULT_WINDOWS.before + DEFAULT_WINDOWS.own + DEFAULT_WINDOWS.after;
/** The window that tells the worker a stream has ended (its state can go). */
const END = { base: -1, from: 0, to: 0, line: 0, lineStart: 0 };

;// CONCATENATED MODULE: ./build/src/rules/secrets/engine/offload/handler.js


/**
 * The worker's side of the protocol, without the thread: does each request's jobs in order and
 * answers with their findings in that order. It keeps the state of each streamed file between
 * requests, until its END window.
 */
class JobHandler {
    engine;
    /** The state of each streamed file whose windows are being scanned. */
    streams = new Map();
    constructor(engine) {
        this.engine = engine;
    }
    /** The reply to one request; a reply's `buffers` are to be transferred back with it. */
    handle(req) {
        if ('settle' in req)
            return { settled: req.settle };
        const findings = [];
        const masks = [];
        const report = (f) => findings.push(f);
        const mask = req.masks ? (v) => masks.push(v) : undefined;
        try {
            for (const job of req.jobs)
                this.run(job, report, mask);
        }
        catch (err) {
            return { failed: err.stack ?? String(err) };
        }
        // Pooled buffers go back to be reused; the others are dropped here.
        const buffers = req.jobs.flatMap((j) => 'bytes' in j && j.bytes.buffer.byteLength === POOLED ? [j.bytes.buffer] : []);
        return { findings, masks, size: req.size, buffers };
    }
    run(job, report, mask) {
        const { engine } = this;
        if (job.kind === 'text')
            return engine.text(job.text, job.file, report, mask);
        const bytes = Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.length);
        if (job.kind === 'bytes') {
            engine.bytes(bytes, job.file, report, mask);
        }
        else if (job.kind === 'pack') {
            job.files.forEach((file, i) => engine.bytes(bytes.subarray(job.ends[i - 1] ?? 0, job.ends[i]), file, report, mask));
        }
        else if (job.pos.base === END.base) {
            this.streams.delete(job.stream);
        }
        else {
            let s = this.streams.get(job.stream);
            if (!s)
                this.streams.set(job.stream, (s = new scan_WindowScan(engine)));
            s.scan(bytes, job.pos, job.file, report, mask);
        }
    }
}

;// CONCATENATED MODULE: ./build/src/rules/secrets/engine/types.js
/** Priorities: generic shapes lose to provider formats, which lose to whole documents. */
const PRIORITY = { generic: 0, token: 10, document: 20 };
/** Declares a detector; its id stays a literal type, so the rule ids derive from the registry. */
function defineDetector(d) {
    return d;
}

;// CONCATENATED MODULE: external "node:zlib"
const external_node_zlib_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");
;// CONCATENATED MODULE: ./build/src/rules/secrets/kit/checksum.js

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
let table;
/** CRC-32 (IEEE) of a latin1 string: zlib's when the runtime has it (node 20.15+), else a table. */
function crc32(text) {
    const native = external_node_zlib_namespaceObject.crc32;
    if (native)
        return native(Buffer.from(text, 'latin1'));
    table ??= Uint32Array.from({ length: 256 }, (_, n) => {
        let c = n;
        for (let k = 0; k < 8; k++)
            c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
        return c >>> 0;
    });
    let crc = 0xffffffff;
    for (let i = 0; i < text.length; i++)
        crc = table[(crc ^ text.charCodeAt(i)) & 0xff] ^ (crc >>> 8);
    return (crc ^ 0xffffffff) >>> 0;
}
/** `n` in base62 (0-9A-Za-z), left-padded with zeros to `width`. */
function base62(n, width = 6) {
    let out = '';
    for (let v = n; v > 0; v = Math.floor(v / 62))
        out = BASE62[v % 62] + out;
    return out.padStart(width, '0');
}
/**
 * The GitHub / npm token checksum: the last 6 characters are the base62 CRC-32 of the random
 * part before them (github.blog, "Behind GitHub's new authentication token formats", 2021).
 */
function crcChecksum(random) {
    return base62(crc32(random));
}

;// CONCATENATED MODULE: ./build/src/rules/secrets/kit/placeholder.js

const PLACEHOLDER_WORDS = /example|sample|placeholder|your|xxxx|redacted|changeme|lorem/i;
const TEST_WORDS = /test|fake|mock|dummy|fixture/i;
/** A whole value that is a template slot: `<token>`, `${TOKEN}`, `{{token}}`, `%s`, `***`. */
const TEMPLATE = /^(?:<[^<>]*>|\$\{[^{}]*\}|\{\{[^{}]*\}\}|%[sd]|\*+|\.{3,}|\u2026)$/;
/**
 * Past this length a body is a key blob: a 4-letter word inside 1,000 random base64 characters
 * turns up by chance (about one key in twenty), so words say nothing about it there.
 */
const WORDS_MEAN_SOMETHING = 100;
/** Judges the random part of a secret (without its fixed prefix). */
function doubt(body) {
    const words = body.length <= WORDS_MEAN_SOMETHING;
    if (body.length < 8 ||
        (words && PLACEHOLDER_WORDS.test(body)) ||
        TEMPLATE.test(body) ||
        madeUp(body))
        return 'placeholder';
    if (words && TEST_WORDS.test(body))
        return 'test';
    return undefined;
}
const seen = new Uint8Array(256);
/**
 * Whether a value was typed rather than generated, judged on the whole of it: few distinct
 * characters for its length (`aaaa\u2026`, `0000\u2026`), mostly counting or equal steps (`abcdef\u2026`,
 * `123456\u2026`), a short unit repeated (`abcabc\u2026`), or made only of words and counting or
 * repeated runs (`key_1234`, `PersonalAccessToken0000`).
 */
function madeUp(s) {
    seen.fill(0);
    let distinct = 0;
    let steps = 0;
    for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i) & 0xff;
        if (!seen[c]) {
            seen[c] = 1;
            distinct++;
        }
        if (i === 0)
            continue;
        const d = c - (s.charCodeAt(i - 1) & 0xff);
        if (d >= -1 && d <= 1)
            steps++;
    }
    if (distinct < Math.min(10, Math.max(3, s.length / 4)) || steps * 2 >= s.length - 1)
        return true;
    // a unit of p characters repeated has at most p distinct ones
    for (let p = distinct; p <= 8 && p * 2 <= s.length; p++) {
        let i = p;
        while (i < s.length && s[i] === s[i - p])
            i++;
        if (i === s.length)
            return true;
    }
    return wordsAndRuns(s);
}
/** Letters of one word (`key`, `Token`, `API`), digits, or anything else (separators). */
const PIECE = /[A-Z]?[a-z]+|[A-Z]+(?![a-z])|[0-9]+|[^A-Za-z0-9]+/g;
const WORD = /^(?:[A-Z]?[a-z]{1,23}|[A-Z]{2,24})$/;
/**
 * Whether a value is made of words, separators and runs only, with at least one run: each
 * digit group counts (`1234`, `7890`, `9876`) or repeats (`0000`). Random text falls apart
 * at its first lone digit or jumble of letters.
 */
function wordsAndRuns(s) {
    let runs = 0;
    PIECE.lastIndex = 0;
    for (let m = PIECE.exec(s); m; m = PIECE.exec(s)) {
        const piece = m[0];
        const code = piece.charCodeAt(0);
        const digits = code >= 0x30 && code <= 0x39;
        const letters = !digits && /^[A-Za-z]/.test(piece);
        if (isRun(piece, digits))
            runs++;
        else if (digits || (letters && (piece.length < 2 || !WORD.test(piece))))
            return false;
    }
    return runs > 0;
}
/** Four or more characters counting up or down by one (digits wrap: `7890`), or all equal. */
function isRun(piece, digits) {
    if (piece.length < 4)
        return false;
    let step;
    for (let i = 1; i < piece.length; i++) {
        let d = piece.charCodeAt(i) - piece.charCodeAt(i - 1);
        if (digits && d === -9)
            d = 1;
        else if (digits && d === 9)
            d = -1;
        if (d < -1 || d > 1 || (step !== undefined && d !== step))
            return false;
        step = d;
    }
    return true;
}
/**
 * Salted hashes (see redact.ts) of values published as examples in vendor documentation, so
 * they can be recognized without writing them down: the Azurite / Azure Storage Emulator
 * account key and the jwt.io sample token. (AWS's documented keys say EXAMPLE in them.)
 */
const DOCUMENTED = new Set(['d7119e84ead6', '4c233a1916e3']);
/** Whether a whole secret is a documented example value. */
function isDocumentedExample(value) {
    return DOCUMENTED.has(secretHash(value));
}

;// CONCATENATED MODULE: ./build/src/rules/secrets/kit/samples.js


// Builders for detector samples. Samples are assembled at test time from pieces, so no file in
// the repository holds a secret-looking literal (GitHub push protection, and our own rules).
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';
const LETTERS = UPPER + LOWER;
const ALNUM = LETTERS + DIGITS;
const HEX = '0123456789abcdef';
const BASE32 = UPPER + '234567';
const B64 = ALNUM + '+/';
const B64URL = ALNUM + '-_';
/**
 * A deterministic random string: the same `seed` always gives the same value, and the value
 * never looks made up to `doubt()` (so a must-match sample cannot fail by chance).
 */
function fake(length, alphabet, seed) {
    let state = 2166136261;
    for (let i = 0; i < seed.length; i++)
        state = Math.imul(state ^ seed.charCodeAt(i), 16777619);
    const next = () => {
        state = (state + 0x6d2b79f5) | 0;
        let t = Math.imul(state ^ (state >>> 15), 1 | state);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    for (;;) {
        let out = '';
        for (let i = 0; i < length; i++)
            out += alphabet[Math.floor(next() * alphabet.length)];
        if (length < 8 || doubt(out) === undefined)
            return out;
    }
}
/** A GitHub / npm style token: prefix, 30 random characters and their valid CRC-32 checksum. */
function checksummed(prefix, seed) {
    const random = fake(30, ALNUM, seed);
    return prefix + random + crcChecksum(random);
}
/** The same shape with a checksum that does not match. */
function badChecksum(prefix, seed) {
    const token = checksummed(prefix, seed);
    const last = token.at(-1) === 'A' ? 'B' : 'A';
    return token.slice(0, -1) + last;
}
/** base64url of a JSON value, for building JWT samples. */
function b64json(value) {
    return Buffer.from(JSON.stringify(value)).toString('base64url');
}

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/kubeconfig.js



const KEY_DATA = /-key-data\\?["']?[ \t]*:[ \t]*\\?["']?(?<value>[A-Za-z0-9+/]{64,16384}={0,2})(?![A-Za-z0-9+/=])/dy;
/** What the decoded value must be: a PEM private key with a body. */
const PEM_KEY = /^\s*-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----\s*[A-Za-z0-9+/=\s:,-]{64,}-----END/;
const b64 = (s) => Buffer.from(s).toString('base64');
const pem = (kind, seed) => [
    `-----BEGIN ${kind}-----`,
    ...(fake(256, B64, seed).match(/.{1,64}/g) ?? []),
    `-----END ${kind}-----`,
    '',
].join('\n');
/**
 * A kubeconfig's client key (`client-key-data:`, in any file: a kubeconfig is often named
 * `admin.conf`, `config` or anything else): base64 of a PEM private key, decoded to check it is
 * one. Found by the shared keyword pass, so it costs nothing on files without the key name.
 */
const kubeconfigClientKey = defineDetector({
    id: 'secret/kubeconfig-client-key',
    title: 'Kubernetes client private key (kubeconfig)',
    provider: 'Kubernetes',
    description: 'A kubeconfig `client-key-data` value: base64 of a PEM private key that authenticates to a cluster (its admin, for `admin.conf`).',
    priority: PRIORITY.document,
    // `-key-data`, not `client\u2026`: `cli` starts words everywhere in code, `-ke` seldom.
    keywords: ['-key-data'],
    find(text, at) {
        if (text.slice(at - 6, at).toLowerCase() !== 'client')
            return undefined;
        const m = matchAt(KEY_DATA, text, at);
        const span = m?.indices?.groups?.value;
        if (!m?.groups || !span)
            return undefined;
        const value = m.groups.value;
        if (!PEM_KEY.test(Buffer.from(value, 'base64').toString('latin1')))
            return undefined;
        return { start: span[0], end: span[1], value, shown: 0 };
    },
    samples: {
        match: () => [
            `users:\n- name: admin\n  user:\n    client-key-data: ${b64(pem('RSA PRIVATE KEY', 'kube-1'))}\n`,
            `{"users":[{"user":{"client-key-data":"${b64(pem('EC PRIVATE KEY', 'kube-2'))}"}}]}`,
        ],
        noMatch: () => [
            'client-key-data: REDACTED',
            'client-key-data: <base64-encoded-key>',
            `client-certificate-data: ${b64(pem('CERTIFICATE', 'kube-3'))}`,
            `client-key-data: ${b64(pem('CERTIFICATE', 'kube-4'))}`,
            `tls-key-data: ${b64(pem('RSA PRIVATE KEY', 'kube-5'))}`,
            `client-key-data: ${b64('hello world, this decodes to words and not to any key at all, truly')}`,
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/kit/token.js



/**
 * Left boundary: the character before is not one of `chars` (a token does not start in the
 * middle of a longer run), unless it ends an escaped line break or tab (`\n` inside a string
 * literal, as in a bundled `.npmrc` or JSON) or a percent escape (`%3D` in a URL-encoded query
 * or form body: `token%3Dghp_...`).
 */
const boundary = (chars) => `(?:(?<=\\\\[nrt])|(?<=%[0-9A-Fa-f]{2})|(?<![${chars}]))`;
/** Left boundary of most tokens. */
const B = boundary('A-Za-z0-9_-');
/** Right boundary: and does not go on. */
const E = '(?![A-Za-z0-9_-])';
/** Builds a Detector from a TokenSpec. */
function tokenDetector(spec) {
    const re = new RegExp(spec.pattern, `y${spec.valueGroup ? 'd' : ''}${spec.flags ?? ''}`);
    return {
        id: spec.id,
        title: spec.title,
        provider: spec.provider,
        description: spec.description,
        severity: spec.severity,
        priority: PRIORITY.token,
        keywords: spec.keywords,
        guards: spec.guards,
        find(text, at) {
            const m = matchAt(re, text, at);
            if (!m)
                return undefined;
            let value = m[0];
            let start = m.index;
            const span = spec.valueGroup ? m.indices?.groups?.[spec.valueGroup] : undefined;
            if (span) {
                ;
                [start] = span;
                value = text.slice(span[0], span[1]);
            }
            const groups = Object.values(m.groups ?? {});
            const body = m.groups?.body ?? groups.find((g) => g !== undefined) ?? value;
            return judge(value, body, start, {
                shown: spec.shown ?? 4,
                label: spec.label?.(m),
                verify: () => spec.verify?.(m),
                checksum: spec.checksum,
            });
        },
        samples: spec.samples,
    };
}
/**
 * The common verdict: documented examples and placeholders are dropped, test-looking values
 * and failed structural checks become unverified hits.
 */
function judge(value, body, start, opts = {}) {
    if (isDocumentedExample(value))
        return undefined;
    const d = doubt(body);
    if (d === 'placeholder')
        return undefined;
    const problem = opts.verify?.();
    if (problem === false)
        return undefined;
    const hit = { start, end: start + value.length, value, shown: opts.shown ?? 0 };
    if (opts.label)
        hit.label = opts.label;
    if (problem)
        hit.unverified = problem;
    else if (d === 'test')
        hit.unverified = 'looks like a test value';
    else if (opts.checksum && opts.verify)
        hit.issued = true;
    return hit;
}

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/age.js


const CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
const GEN = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
function polymod(values) {
    let chk = 1;
    for (const v of values) {
        const top = chk >>> 25;
        chk = ((chk & 0x1ffffff) << 5) ^ v;
        for (let i = 0; i < 5; i++)
            if ((top >>> i) & 1)
                chk ^= GEN[i];
    }
    return chk;
}
const expand = (hrp) => [
    ...[...hrp].map((c) => c.charCodeAt(0) >> 5),
    0,
    ...[...hrp].map((c) => c.charCodeAt(0) & 31),
];
/** Whether a bech32 string (`hrp` `1` data) carries a valid checksum. */
function bech32Valid(s) {
    const lower = s.toLowerCase();
    const sep = lower.lastIndexOf('1');
    const data = [...lower.slice(sep + 1)].map((c) => CHARSET.indexOf(c));
    if (sep < 1 || data.some((d) => d < 0))
        return false;
    return polymod([...expand(lower.slice(0, sep)), ...data]) === 1;
}
/** Builds a bech32 string with a valid checksum, for samples. */
function bech32(hrp, data) {
    const mod = polymod([...expand(hrp), ...data, 0, 0, 0, 0, 0, 0]) ^ 1;
    const sum = [0, 1, 2, 3, 4, 5].map((i) => (mod >>> (5 * (5 - i))) & 31);
    return `${hrp}1${[...data, ...sum].map((d) => CHARSET[d]).join('')}`;
}
const secretKey = (seed) => bech32('age-secret-key-', [...fake(52, CHARSET, seed)].map((c) => CHARSET.indexOf(c))).toUpperCase();
/** age identities are bech32 (`AGE-SECRET-KEY-1` + 58 characters) with a checksum. */
const ageSecretKey = tokenDetector({
    id: 'secret/age-secret-key',
    title: 'age secret key',
    provider: 'age',
    description: 'An age encryption identity (`AGE-SECRET-KEY-1\u2026`) with a valid bech32 checksum.',
    keywords: ['age-secret-key-1'],
    pattern: `${B}AGE-SECRET-KEY-1(?<body>[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58})${E}`,
    checksum: true,
    verify: (m) => (bech32Valid(m[0]) ? undefined : 'its checksum does not match'),
    samples: {
        match: () => [`# created: 2024-01-01\n${secretKey('age-1')}\n`],
        noMatch: () => ['AGE-SECRET-KEY-1' + 'Q'.repeat(58), 'AGE-SECRET-KEY-1...'],
        unverified: () => [
            secretKey('age-2').slice(0, -1) + (secretKey('age-2').endsWith('Q') ? 'P' : 'Q'),
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/anthropic.js


/** Anthropic keys: 93 random base64url characters, then `AA`. */
const shape = (m) => m.groups.body.length === 95 && m.groups.body.endsWith('AA')
    ? undefined
    : 'its length or ending is not that of an Anthropic key';
const anthropicApiKey = tokenDetector({
    id: 'secret/anthropic-api-key',
    title: 'Anthropic API key',
    provider: 'Anthropic',
    description: 'An Anthropic API key (`sk-ant-api03-`).',
    keywords: ['sk-ant-'],
    pattern: `${B}sk-ant-api03-(?<body>[A-Za-z0-9_-]{80,120})${E}`,
    verify: shape,
    samples: {
        match: () => [
            `ANTHROPIC_API_KEY=${['sk', 'ant', 'api03', fake(93, B64URL, 'ant-1') + 'AA'].join('-')}`,
        ],
        noMatch: () => [
            'sk-ant-api03-...',
            'sk-ant-api03-' + 'x'.repeat(93) + 'AA',
            'const prefix = "sk-ant-api03-"',
        ],
        unverified: () => [['sk', 'ant', 'api03', fake(93, B64URL, 'ant-2') + 'BB'].join('-')],
    },
});
const anthropicAdminKey = tokenDetector({
    id: 'secret/anthropic-admin-key',
    title: 'Anthropic admin API key',
    provider: 'Anthropic',
    description: 'An Anthropic admin API key (`sk-ant-admin01-`).',
    keywords: ['sk-ant-'],
    pattern: `${B}sk-ant-admin01-(?<body>[A-Za-z0-9_-]{80,120})${E}`,
    verify: shape,
    samples: {
        match: () => [['sk', 'ant', 'admin01', fake(93, B64URL, 'ant-3') + 'AA'].join('-')],
        noMatch: () => ['sk-ant-admin01-<key>', 'sk-ant-admin01-' + 'A'.repeat(95)],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/kit/binding.js
// For secrets without a prefix, found near a keyword: which name the value itself is given.
// Being in a window around the keyword is not enough: another provider's key next to an AWS
// key id is not an AWS secret.
/** Between two items of a list or a pair: `"a", "b"`, `a:b`, `a,b`, escaped quotes too. */
const NEXT = `(?:\\\\{0,3}["'\`])?[ \\t]{0,4}[,:][ \\t]{0,4}(?:\\\\{0,3}["'\`])?`;
/**
 * The name a value starting at `start` is assigned to or labelled with: `name = "v"`,
 * `"name": "v"`, `name: v`, `NAME=v`, `name => 'v'`, `name := v`, escaped quotes too. Lower
 * case without `_`, `-` and `$` (`AWS_SECRET_ACCESS_KEY`, `secretAccessKey` and
 * `aws-secret-access-key` all read `awssecretaccesskey`); of a dotted path, its last part.
 * Undefined when there is none. Read backwards from the value, at most about 80 characters.
 */
function nameOf(text, start) {
    let i = skipSpace(text, skipQuote(text, start));
    if (text[i - 1] === '>' && text[i - 2] === '=')
        i -= 2;
    else if (text[i - 1] === '=')
        i -= text[i - 2] === ':' ? 2 : 1;
    else if (text[i - 1] === ':')
        i--;
    else
        return undefined;
    const end = skipQuote(text, skipSpace(text, i));
    let from = end;
    while (from > 0 && end - from < 64 && isNameChar(text.charCodeAt(from - 1)))
        from--;
    // `\nNAME=` inside a string literal: the n is the escaped line break's
    if (text[from - 1] === '\\' && /[nrt]/.test(text[from]))
        from++;
    if (from === end)
        return undefined;
    return text.slice(from, end).replace(/[_$-]/g, '').toLowerCase();
}
/**
 * A test of whether a value is the next item after one of the shape `item` (regex source, at
 * most `longest` characters): `"AKIA\u2026", "secret"`, `AKIA\u2026,secret`. Reads only the characters
 * just before the value, so it costs the same however many items a window holds.
 */
function nextAfter(item, longest) {
    const re = new RegExp(`(?:${item})${NEXT}$`);
    return (text, start) => re.test(text.slice(Math.max(0, start - longest - 16), start));
}
/** Back over a quote and up to three backslashes escaping it. */
function skipQuote(text, i) {
    const c = text[i - 1];
    if (c !== '"' && c !== "'" && c !== '`')
        return i;
    i--;
    for (let n = 0; n < 3 && text[i - 1] === '\\'; n++)
        i--;
    return i;
}
/** Back over up to four spaces or tabs. */
function skipSpace(text, i) {
    for (let n = 0; n < 4 && (text[i - 1] === ' ' || text[i - 1] === '\t'); n++)
        i--;
    return i;
}
/** A letter, digit, `_`, `$` or `-`. */
function isNameChar(c) {
    const l = c | 0x20;
    return ((l >= 0x61 && l <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x24 || c === 0x2d);
}

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/aws.js





const KEY_ID_PREFIXES = {
    AKIA: 'AWS access key ID',
    ASIA: 'AWS temporary access key ID',
    ABIA: 'AWS STS service bearer token ID',
    ACCA: 'AWS context-specific credential ID',
};
const keyId = (seed, prefix = 'AK' + 'IA') => prefix + fake(16, BASE32, seed);
const secret = (seed) => fake(40, B64, seed);
/**
 * An access key id alone cannot sign a request, so it is a warning; the secret key next to it
 * is the error (`secret/aws-secret-access-key`).
 */
const awsAccessKeyId = tokenDetector({
    id: 'secret/aws-access-key-id',
    title: 'AWS access key ID',
    provider: 'AWS',
    description: 'An AWS access key ID (`AKIA`, `ASIA` \u2026): not usable alone, but its secret key is rarely far.',
    severity: 'warning',
    keywords: Object.keys(KEY_ID_PREFIXES),
    // The 16 characters after the prefix are base32 (they encode the account).
    pattern: `${B}(AKIA|ASIA|ABIA|ACCA)(?<body>[A-Z2-7]{16})(?![A-Za-z0-9_-])`,
    label: (m) => KEY_ID_PREFIXES[m[1]],
    samples: {
        match: () => [keyId('aws-1'), `aws_access_key_id = ${keyId('aws-2', 'AS' + 'IA')}`],
        noMatch: () => [
            ['AKIA', 'IOSFODNN7', 'EXAMPLE'].join(''),
            'AKIA' + 'X'.repeat(16),
            'AKIA' + 'A'.repeat(16),
            'timeZone: "Asia/Tokyo"',
            'ASIAN_PACIFIC',
            'AKIA' + fake(16, BASE32, 'aws-3').toLowerCase(),
        ],
    },
});
/** A quote, maybe escaped inside a string literal. */
const QUOTE = `(?:\\\\{0,3}["'\`])`;
const SECRET_CHARS = '[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])';
const KEY_ID_RE = new RegExp(`${boundary('A-Za-z0-9')}(?:AKIA|ASIA)[A-Z2-7]{16}(?![A-Za-z0-9])`, 'g');
// after `=` too: `AWS_SECRET=\u2026`
const CANDIDATE_RE = new RegExp(`${boundary('A-Za-z0-9/+')}${SECRET_CHARS}`, 'g');
/** A 40-character secret key: base64 with both cases and a digit; a hex digest is not one. */
function secretProblem(value) {
    if (!/[A-Z]/.test(value) || !/[a-z]/.test(value) || !/[0-9]/.test(value))
        return false;
    return undefined;
}
const byName = tokenDetector({
    id: 'secret/aws-secret-access-key',
    title: 'AWS secret access key',
    provider: 'AWS',
    description: '',
    keywords: ['secret_access_key', 'secretaccesskey', 'secret-access-key'],
    // the key name, maybe quoted (or quoted inside a string literal: `\"`), `:`, `=` or `=>`
    pattern: `(?:secret_access_key|secretaccesskey|secret-access-key)${QUOTE}?\\s{0,4}(?:=>|[:=])\\s{0,4}${QUOTE}?(?<body>${SECRET_CHARS})`,
    flags: 'i',
    valueGroup: 'body',
    shown: 0,
    verify: (m) => secretProblem(m.groups.body),
    samples: { match: () => [], noMatch: () => [] },
});
/** Names a secret key is given beside its key id: `secret`, `secretKey`, `aws_secret` \u2026 */
const SECRET_NAME = /^(?:aws)?(?:secret|secretkey|secretaccesskey|accesskeysecret)$/;
const afterKeyId = nextAfter(`${boundary('A-Za-z0-9')}(?:AKIA|ASIA)[A-Z2-7]{16}`, 20);
/**
 * The secret key has no prefix: it is found after its key name (`aws_secret_access_key =`,
 * `secretAccessKey:`) anywhere, or within 300 characters of an access key id when it is bound
 * to it: named as a secret (`secret: "\u2026"`, `AWS_SECRET=\u2026`) or the next item after the key id
 * (`new Credentials("AKIA\u2026", "\u2026")`, `AKIA\u2026,\u2026` in a credentials CSV). A 40-character value that
 * is merely near, under another name, is another provider's key.
 */
const awsSecretAccessKey = defineDetector({
    id: 'secret/aws-secret-access-key',
    title: 'AWS secret access key',
    provider: 'AWS',
    description: 'An AWS secret access key, after its key name, or within 300 characters of an access key ID and bound to it: named as a secret (`secret:`, `secretKey =`) or the next item after the key ID.',
    priority: PRIORITY.token,
    keywords: byName.keywords,
    find: byName.find,
    near: {
        keywords: ['akia', 'asia'],
        before: 300,
        after: 320,
        find(text, from, to) {
            if (matchesIn(KEY_ID_RE, text, from, to).length === 0)
                return [];
            const hits = [];
            for (const m of matchesIn(CANDIDATE_RE, text, from, to)) {
                if (/^[0-9a-f]+$/i.test(m[0]))
                    continue;
                const bound = afterKeyId(text, m.index) || SECRET_NAME.test(nameOf(text, m.index) ?? '');
                if (!bound)
                    continue;
                const hit = judge(m[0], m[0], m.index, { verify: () => secretProblem(m[0]) });
                if (hit)
                    hits.push(hit);
            }
            return hits;
        },
    },
    samples: {
        match: () => [
            `aws_secret_access_key = ${secret('aws-4')}`,
            `{"SecretAccessKey": "${secret('aws-5')}"}`,
            `new S3({credentials:{secretAccessKey:'${secret('aws-6')}'}})`,
            `AWS_SECRET_ACCESS_KEY=${secret('aws-7')}`,
            // next to a key id (a documented one here, so this sample finds only the secret)
            `const creds = ["${['AKIA', 'IOSFODNN7', 'EXAMPLE'].join('')}", "${secret('aws-9')}"]`,
            `new AWS.Credentials('${['AKIA', 'IOSFODNN7', 'EXAMPLE'].join('')}', '${secret('aws-14')}')`,
            `ci,,${['AKIA', 'IOSFODNN7', 'EXAMPLE'].join('')},${secret('aws-15')},https://console.aws.amazon.com/`,
            // named as a secret beside a key id
            `{ accessKeyId: "${['AKIA', 'IOSFODNN7', 'EXAMPLE'].join('')}", secretKey: "${secret('aws-16')}" }`,
            `AWS_KEY=${['AKIA', 'IOSFODNN7', 'EXAMPLE'].join('')}\nAWS_SECRET=${secret('aws-17')}\n`,
        ],
        noMatch: () => [
            ['aws_secret_access_key = wJalrXUtnFEMI/K7MDENG', '/bPxRfiCYEXAMPLEKEY'].join(''),
            'aws_secret_access_key = ' + 'x'.repeat(40),
            'aws_secret_access_key = ${AWS_SECRET_ACCESS_KEY}',
            'secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY',
            `aws_secret_access_key = ${fake(40, HEX, 'aws-10')}`,
            `const a = "${['AKIA', 'IOSFODNN7', 'EXAMPLE'].join('')}"; // commit ${fake(40, HEX, 'aws-12')}`,
            `aws_secret_access_key = ${secret('aws-13').slice(0, 30)}`,
            // another provider's 40-character key beside an AWS documentation example
            `AWS_ACCESS_KEY_ID=${['AKIA', 'IOSFODNN7', 'EXAMPLE'].join('')}\nCLOUDFLARE_API_TOKEN="${secret('aws-18')}"\n`,
            `const keys = { aws: "${['AKIA', 'IOSFODNN7', 'EXAMPLE'].join('')}", sendgrid: "${secret('aws-19')}" }`,
            `${['AKIA', 'IOSFODNN7', 'EXAMPLE'].join('')} is AWS's example; our build token is ${secret('aws-20')}`,
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/azure.js


const bytes = (b64) => Buffer.from(b64, 'base64').length;
const azureStorageKey = tokenDetector({
    id: 'secret/azure-storage-key',
    title: 'Azure Storage account key',
    provider: 'Microsoft Azure',
    description: 'An Azure Storage account key in a connection string (`AccountKey=`, 64 bytes).',
    keywords: ['accountkey='],
    pattern: 'AccountKey=(?<body>[A-Za-z0-9+/]{86}==)(?![A-Za-z0-9+/=])',
    flags: 'i',
    valueGroup: 'body',
    shown: 0,
    verify: (m) => (bytes(m.groups.body) === 64 ? undefined : false),
    samples: {
        match: () => [
            `DefaultEndpointsProtocol=https;AccountName=demo;AccountKey=${fake(86, B64, 'az-1')}==;EndpointSuffix=core.windows.net`,
        ],
        noMatch: () => [
            // the storage emulator's documented key
            'AccountName=devstoreaccount1;AccountKey=' +
                [
                    'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq',
                    '/K1SZFPTOtr/KBHBeksoGMGw==',
                ].join(''),
            'AccountKey=<storage-account-key>',
            'AccountKey=${AZURE_STORAGE_KEY}',
            'AccountKey=' + 'A'.repeat(86) + '==',
        ],
    },
});
const azureSharedAccessKey = tokenDetector({
    id: 'secret/azure-shared-access-key',
    title: 'Azure shared access key',
    provider: 'Microsoft Azure',
    description: 'An Azure Service Bus, Event Hubs or IoT Hub shared access key in a connection string (`SharedAccessKey=`).',
    keywords: ['sharedaccesskey='],
    pattern: 'SharedAccessKey=(?<body>[A-Za-z0-9+/]{43}=)(?![A-Za-z0-9+/=])',
    flags: 'i',
    valueGroup: 'body',
    shown: 0,
    verify: (m) => (bytes(m.groups.body) === 32 ? undefined : false),
    samples: {
        match: () => [
            `Endpoint=sb://demo.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=${fake(43, B64, 'az-2')}=`,
        ],
        noMatch: () => ['SharedAccessKey=<key>', 'SharedAccessKeyName=RootManageSharedAccessKey'],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/digitalocean.js


const KINDS = {
    p: 'DigitalOcean personal access token',
    o: 'DigitalOcean OAuth access token',
    r: 'DigitalOcean OAuth refresh token',
};
const digitaloceanToken = tokenDetector({
    id: 'secret/digitalocean-token',
    title: 'DigitalOcean token',
    provider: 'DigitalOcean',
    description: 'A DigitalOcean personal access or OAuth token (`dop_v1_`, `doo_v1_`, `dor_v1_`).',
    keywords: ['dop_v1_', 'doo_v1_', 'dor_v1_'],
    pattern: `${B}do([por])_v1_(?<body>[a-f0-9]{64})${E}`,
    label: (m) => KINDS[m[1]],
    samples: {
        match: () => [['do' + 'p', 'v1', fake(64, HEX, 'do-1')].join('_')],
        noMatch: () => ['dop_v1_' + 'a'.repeat(64), 'DIGITALOCEAN_TOKEN=dop_v1_...'],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/discord.js




// A bot token is base64(bot user id) . 6 characters of timestamp . 27-38 of HMAC. It has no
// prefix, so it is looked for near the word "discord", and its first part must decode to an id.
const BOT = new RegExp(`${B}([MNO][A-Za-z0-9_-]{22,27})\\.([A-Za-z0-9_-]{6})\\.([A-Za-z0-9_-]{27,38})(?![A-Za-z0-9_.-])`, 'g');
const botToken = (seed) => [
    Buffer.from(fake(1, '123456789', seed) + fake(17, DIGITS, seed)).toString('base64url'),
    fake(6, B64URL, `${seed}-t`),
    fake(38, B64URL, `${seed}-h`),
].join('.');
const discordBotToken = defineDetector({
    id: 'secret/discord-bot-token',
    title: 'Discord bot token',
    provider: 'Discord',
    description: 'A Discord bot token near the word "discord" (its first part is a base64 user id).',
    priority: PRIORITY.token,
    near: {
        keywords: ['discord'],
        before: 512,
        after: 512,
        find(text, from, to) {
            const hits = [];
            for (const m of matchesIn(BOT, text, from, to)) {
                if (!/^[1-9][0-9]{16,19}$/.test(Buffer.from(m[1], 'base64url').toString('latin1')))
                    continue;
                const hit = judge(m[0], m[3], m.index);
                if (hit)
                    hits.push(hit);
            }
            return hits;
        },
    },
    samples: {
        match: () => [
            `DISCORD_TOKEN=${botToken('dc-1')}`,
            `const discord = new Client(); discord.login("${botToken('dc-2')}")`,
        ],
        noMatch: () => [
            `DISCORD_TOKEN=${botToken('dc-3').replace(/\.[^.]+$/, '.' + 'x'.repeat(38))}`,
            `discord.login(process.env.DISCORD_TOKEN)`,
            // right shape, but the first part is not a user id, and no "discord" near it
            `token = "${botToken('dc-4')}"`,
        ],
    },
});
const HOST = /(?:^|[^A-Za-z0-9.-])((?:(?:ptb|canary)\.)?discord(?:app)?\.com)$/;
const WEBHOOK = new RegExp(`/api/webhooks/[0-9]{17,20}/(?<body>[A-Za-z0-9_-]{60,80})${E}`, 'y');
/** Found at `/api/webhooks/`, then the host before it is checked. */
const discordWebhook = defineDetector({
    id: 'secret/discord-webhook',
    title: 'Discord webhook URL',
    provider: 'Discord',
    description: 'A Discord webhook URL (`discord.com/api/webhooks/<id>/<token>`).',
    priority: PRIORITY.token,
    keywords: ['/api/webhooks/'],
    find(text, at) {
        const host = HOST.exec(text.slice(Math.max(0, at - 40), at));
        const m = host && matchAt(WEBHOOK, text, at);
        if (!host || !m)
            return undefined;
        const start = at - host[1].length;
        return judge(text.slice(start, at + m[0].length), m.groups.body, start, { shown: 4 });
    },
    samples: {
        match: () => [
            `https://discord.com/api/webhooks/${fake(1, '123456789', 'dw-1')}${fake(18, DIGITS, 'dw-2')}/${fake(68, B64URL, 'dw-3')}`,
        ],
        noMatch: () => [
            'https://discord.com/api/webhooks/{webhook.id}/{webhook.token}',
            `https://example.com/api/webhooks/1234567890123456789/${fake(68, B64URL, 'dw-4')}`,
            'https://discord.com/api/webhooks/123456789012345678/' + 'x'.repeat(68),
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/dockerhub.js


const dockerhubToken = tokenDetector({
    id: 'secret/dockerhub-token',
    title: 'Docker Hub access token',
    provider: 'Docker Hub',
    description: 'A Docker Hub personal or organization access token (`dckr_pat_`, `dckr_oat_`).',
    keywords: ['dckr_pat_', 'dckr_oat_'],
    pattern: `${B}dckr_(?:pat|oat)_(?<body>[A-Za-z0-9_-]{27,36})${E}`,
    samples: {
        match: () => [`docker login -u me -p ${['dckr', 'pat', fake(27, B64URL, 'dckr-1')].join('_')}`],
        noMatch: () => ['dckr_pat_' + 'x'.repeat(27), 'DOCKER_TOKEN=dckr_pat_<token>'],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/github.js



const github_KINDS = {
    p: 'GitHub personal access token (classic)',
    o: 'GitHub OAuth access token',
    u: 'GitHub user-to-server token',
    s: 'GitHub server-to-server token',
    r: 'GitHub refresh token',
};
/** `ghp_` and friends: 30 random base62 characters, then a 6-character CRC-32 checksum. */
const githubToken = tokenDetector({
    id: 'secret/github-token',
    title: 'GitHub token',
    provider: 'GitHub',
    description: 'A GitHub token (`ghp_` classic personal access token, `gho_`, `ghu_`, `ghs_`, `ghr_`) whose checksum is valid.',
    keywords: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'],
    pattern: `${B}gh([pousr])_(?<body>(?<random>[A-Za-z0-9]{30})(?<sum>[A-Za-z0-9]{6}))${E}`,
    label: (m) => github_KINDS[m[1]],
    checksum: true,
    verify: (m) => crcChecksum(m.groups.random) === m.groups.sum ? undefined : 'its checksum does not match',
    samples: {
        match: () => [
            checksummed('gh' + 'p_', 'github-1'),
            `GITHUB_TOKEN=${checksummed('gh' + 'o_', 'github-2')}\n`,
            `headers:{Authorization:"token ${checksummed('gh' + 's_', 'github-3')}"}`,
            `https://x-access-token:${checksummed('gh' + 's_', 'github-4')}@github.com/o/r.git`,
        ],
        noMatch: () => [
            'ghp_' + 'x'.repeat(36),
            'ghp_' + 'X'.repeat(36),
            'ghp_' + ALNUM.slice(0, 36),
            'ghp_' + '1234567890'.repeat(4).slice(0, 36),
            'const re = /ghp_[A-Za-z0-9]{36}/',
            'const PREFIX = "ghp_"',
            'token: `ghp_${TOKEN}`',
            'token: process.env.GITHUB_TOKEN',
            '<your-token>',
            'ghp_' + fake(30, ALNUM, 'github-short'),
            'ghp_yourPersonalAccessTokenGoesHere12345',
        ],
        unverified: () => [
            badChecksum('gh' + 'p_', 'github-5'),
            'ghp_' + fake(36, ALNUM, 'github-6'),
            'ghp_' + fake(16, ALNUM, 'github-7') + 'TestToken' + fake(11, ALNUM, 'github-8'),
        ],
    },
});
/** `github_pat_`: 22 characters of id, `_`, 59 of secret. No published checksum. */
const githubFineGrainedToken = tokenDetector({
    id: 'secret/github-fine-grained-token',
    title: 'GitHub fine-grained personal access token',
    provider: 'GitHub',
    description: 'A GitHub fine-grained personal access token (`github_pat_`).',
    keywords: ['github_pat_'],
    pattern: `${B}github_pat_[A-Za-z0-9]{22}_(?<body>[A-Za-z0-9]{59})${E}`,
    samples: {
        match: () => [
            ['github', 'pat', fake(22, ALNUM, 'ghfg-1'), fake(59, ALNUM, 'ghfg-2')].join('_'),
            `token = "${['github', 'pat', fake(22, ALNUM, 'ghfg-3'), fake(59, ALNUM, 'ghfg-4')].join('_')}"`,
        ],
        noMatch: () => [
            'github_pat_',
            `github_pat_${'x'.repeat(22)}_${'x'.repeat(59)}`,
            'if (t.startsWith("github_pat_")) kind = "fine-grained"',
            '/github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}/',
            ['github', 'pat', fake(22, ALNUM, 'ghfg-5'), fake(40, ALNUM, 'ghfg-6')].join('_'),
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/gitlab.js


// Prefixes per https://docs.gitlab.com/security/tokens/#token-prefixes; routable tokens end
// in `.<2><7>` (base36).
const gitlab_KINDS = {
    glpat: 'GitLab personal access token',
    gldt: 'GitLab deploy token',
    glft: 'GitLab feed token',
    glsoat: 'GitLab SCIM token',
    glcbt: 'GitLab CI/CD job token',
    glptt: 'GitLab pipeline trigger token',
    gloas: 'GitLab OAuth application secret',
    glimt: 'GitLab incoming mail token',
    glagent: 'GitLab agent for Kubernetes token',
    glffct: 'GitLab feature flag client token',
};
const BASE36 = '0123456789abcdefghijklmnopqrstuvwxyz';
const gitlabToken = tokenDetector({
    id: 'secret/gitlab-token',
    title: 'GitLab token',
    provider: 'GitLab',
    description: 'A GitLab access token (`glpat-`, `gldt-`, `glptt-`, `gloas-` \u2026).',
    keywords: Object.keys(gitlab_KINDS).map((k) => `${k}-`),
    pattern: `${B}(${Object.keys(gitlab_KINDS).join('|')})-(?<body>[A-Za-z0-9_-]{20,300})(?:\\.[0-9a-z]{9})?${E}`,
    label: (m) => gitlab_KINDS[m[1]],
    samples: {
        match: () => [
            ['glpat', fake(20, ALNUM, 'gl-1')].join('-'),
            `GITLAB_TOKEN="${['glpat', fake(27, B64URL, 'gl-2') + '.01' + fake(7, BASE36, 'gl-3')].join('-')}"`,
            ['glptt', fake(40, HEX, 'gl-4')].join('-'),
        ],
        noMatch: () => [
            'glpat-XXXXXXXXXXX-XXXXXXXX',
            'glpat-xxxxxxxx-xxxxxxxxxxxxxxxxxx.xxxxxxxxx',
            'glptt-' + 'x'.repeat(40),
            'const prefix = "glpat-"',
            ['glpat', fake(12, ALNUM, 'gl-5')].join('-'),
        ],
    },
});
const gitlabRunnerToken = tokenDetector({
    id: 'secret/gitlab-runner-token',
    title: 'GitLab runner token',
    provider: 'GitLab',
    description: 'A GitLab runner authentication or registration token (`glrt-`, `GR1348941`).',
    keywords: ['glrt-', 'gr1348941'],
    pattern: `${B}(?:glrt-|GR1348941)(?<body>[A-Za-z0-9_-]{20,300})(?:\\.[0-9a-z]{9})?${E}`,
    samples: {
        match: () => [
            ['glrt', 't1_' + fake(27, ALNUM, 'glr-1')].join('-'),
            'GR1348' + '941' + fake(20, ALNUM, 'glr-2'),
        ],
        noMatch: () => [
            'GR134894112312312312312312312',
            'GR1348941XXXXXXXXXXXXXXXXXXXX',
            'glrt-tx_xxxxxxxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxx',
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/kit/openssh.js
const MAGIC = 'openssh-key-v1\0';
/**
 * Reads the `openssh-key-v1` structure: magic, cipher, KDF and its options, the public keys,
 * then the private section. Unencrypted, that section starts with the same check number twice
 * (what `ssh-keygen` writes and checks when it loads a key), which random bytes after the magic
 * almost never have. Undefined when it does not parse.
 */
function readOpenssh(data) {
    if (data.toString('latin1', 0, MAGIC.length) !== MAGIC)
        return undefined;
    const r = new SshReader(data, MAGIC.length);
    const cipher = r.text();
    const kdf = r.text();
    const kdfOptions = r.bytes();
    const count = r.u32();
    if (cipher === undefined || kdf === undefined || !kdfOptions || !count || count > 64)
        return undefined;
    let keyType;
    for (let i = 0; i < count; i++) {
        const pub = r.bytes();
        if (!pub)
            return undefined;
        keyType ??= new SshReader(pub, 0).text();
    }
    const section = r.bytes();
    if (!section || !keyType)
        return undefined;
    if (cipher !== 'none')
        return { encrypted: true, keyType };
    if (kdf !== 'none' || r.at !== data.length || section.length < 8 || section.length % 8 !== 0)
        return undefined;
    if (section.readUInt32BE(0) !== section.readUInt32BE(4))
        return undefined;
    return { encrypted: false, keyType };
}
/** Reads SSH wire-format fields (RFC 4251): uint32, and strings prefixed with their length. */
class SshReader {
    data;
    at;
    constructor(data, at) {
        this.data = data;
        this.at = at;
    }
    u32() {
        if (this.at + 4 > this.data.length)
            return undefined;
        const n = this.data.readUInt32BE(this.at);
        this.at += 4;
        return n;
    }
    bytes() {
        const n = this.u32();
        if (n === undefined || this.at + n > this.data.length)
            return undefined;
        const out = this.data.subarray(this.at, this.at + n);
        this.at += n;
        return out;
    }
    /** A short printable name (cipher, KDF, key type). */
    text() {
        const b = this.bytes();
        if (!b || b.length > 64)
            return undefined;
        const s = b.toString('latin1');
        return /^[\x21-\x7e]*$/.test(s) ? s : undefined;
    }
}

;// CONCATENATED MODULE: ./build/src/rules/secrets/kit/pem.js



const LABELS = {
    'RSA PRIVATE KEY': 'RSA private key',
    'EC PRIVATE KEY': 'EC private key',
    'DSA PRIVATE KEY': 'DSA private key',
    'OPENSSH PRIVATE KEY': 'OpenSSH private key',
    'PRIVATE KEY': 'PKCS#8 private key',
    'ENCRYPTED PRIVATE KEY': 'encrypted PKCS#8 private key',
    'PGP PRIVATE KEY BLOCK': 'PGP private key block',
};
const HEADER = /-----BEGIN ((?:RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY|PGP PRIVATE KEY BLOCK)-----/y;
/** A line break, real or escaped inside a string literal (`\n`, `\\n`, `\r\n`). */
const LINE_BREAK = /\\{1,4}(?:r\\{1,4})?n|\r?\n|\r/;
const MAX_BODY = 20000;
/** Shortest real key body: an Ed25519 PKCS#8 key is 64 base64 characters. */
const MIN_BODY = 64;
/**
 * Reads a PEM private key block at `at` (where `-----BEGIN ` is). Undefined when it only
 * mentions the format: no footer, an empty, short or non-base64 body, a placeholder body.
 */
function readPemKey(text, at, ctx) {
    const m = matchAt(HEADER, text, at);
    if (!m)
        return undefined;
    const type = m[1];
    const bodyStart = at + m[0].length;
    const footerAt = ctx.nextIndexOf('-----END ', bodyStart);
    const footer = `-----END ${type}-----`;
    if (footerAt < 0 || footerAt - bodyStart > MAX_BODY || !text.startsWith(footer, footerAt))
        return undefined;
    const parsed = armoredBody(text.slice(bodyStart, footerAt), type.startsWith('PGP'));
    if (!parsed)
        return undefined;
    const der = Buffer.from(parsed.body, 'base64');
    const ssh = type === 'OPENSSH PRIVATE KEY';
    const openssh = ssh ? readOpenssh(der) : undefined;
    const encrypted = openssh?.encrypted ?? /^Proc-Type:\s*4,\s*ENCRYPTED/im.test(parsed.headers);
    const label = (encrypted ? 'encrypted ' : '') + LABELS[type];
    const block = { start: at, end: footerAt + footer.length, label, body: parsed.body };
    if (!encrypted && !(ssh ? openssh : wellFormed(type, der)))
        block.problem = `its body does not parse as ${LABELS[type]}`;
    return block;
}
/**
 * Splits an armored body into header lines (`Proc-Type:`, `Version:`) and base64; undefined
 * unless everything else is base64 of a plausible length. `pgp` drops the `=XXXX` checksum line.
 */
function armoredBody(raw, pgp) {
    if (raw.includes('-----'))
        return undefined;
    let headers = '';
    const chunks = [];
    for (const line of raw.split(LINE_BREAK)) {
        if (line.includes(':')) {
            if (chunks.length > 0)
                return undefined;
            headers += line + '\n';
            continue;
        }
        for (const chunk of line.split(/[ \t]+/)) {
            if (chunk === '')
                continue;
            if (pgp && /^=[A-Za-z0-9+/]{4}$/.test(chunk))
                continue;
            if (!/^[A-Za-z0-9+/]+={0,2}$/.test(chunk))
                return undefined;
            chunks.push(chunk);
        }
    }
    const body = chunks.join('');
    if (body.length < MIN_BODY || doubt(body) === 'placeholder')
        return undefined;
    return { headers, body };
}
/** Whether a PEM or PGP body parses as its type says (OpenSSH keys: see readOpenssh). */
function wellFormed(type, der) {
    if (type === 'PGP PRIVATE KEY BLOCK')
        return pgpSecretKeyPacket(der[0] ?? 0);
    return derSequence(der);
}
/** A DER SEQUENCE whose declared length is exactly the data (PKCS#1, SEC1, PKCS#8, DSA). */
function derSequence(der) {
    if (der.length < 2 || der[0] !== 0x30)
        return false;
    let length = der[1];
    let header = 2;
    if (length & 0x80) {
        const n = length & 0x7f;
        if (n < 1 || n > 3 || der.length < 2 + n)
            return false;
        length = 0;
        for (let i = 0; i < n; i++)
            length = length * 256 + der[2 + i];
        header += n;
    }
    return header + length === der.length;
}
/** The first OpenPGP packet of a private key block is a secret-key packet (tag 5). */
function pgpSecretKeyPacket(first) {
    if (!(first & 0x80))
        return false;
    const tag = first & 0x40 ? first & 0x3f : (first >> 2) & 0x0f;
    return tag === 5;
}

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/google.js






/**
 * Browser API keys (Maps, Firebase) are meant to ship and be restricted by referrer, so this is
 * a warning: check the key's restrictions rather than assume a leak.
 */
const googleApiKey = tokenDetector({
    id: 'secret/google-api-key',
    title: 'Google API key',
    provider: 'Google Cloud',
    description: 'A Google API key (`AIza`). Browser keys ship by design, so check that it is restricted.',
    severity: 'warning',
    keywords: ['aiza'],
    pattern: `${B}AIza(?<body>[0-9A-Za-z_-]{35})${E}`,
    samples: {
        match: () => [
            'AI' + 'za' + fake(35, B64URL, 'gapi-1'),
            `apiKey: "AI${'za'}${fake(35, B64URL, 'gapi-2')}"`,
        ],
        noMatch: () => [
            'AIza' + 'X'.repeat(35),
            'apiKey: "AIza..."',
            'AIza' + fake(30, B64URL, 'gapi-3'),
            'apiKey: "AIzaSyYOUR_API_KEY_HERE_0123456789abc"',
        ],
    },
});
const googleOauthClientSecret = tokenDetector({
    id: 'secret/google-oauth-client-secret',
    title: 'Google OAuth client secret',
    provider: 'Google Cloud',
    description: 'A Google OAuth client secret (`GOCSPX-`).',
    keywords: ['gocspx-'],
    pattern: `${B}GOCSPX-(?<body>[A-Za-z0-9_-]{28})${E}`,
    samples: {
        match: () => [`client_secret: "${['GOCSPX', fake(28, B64URL, 'goc-1')].join('-')}"`],
        noMatch: () => ['GOCSPX-' + 'x'.repeat(28), 'GOCSPX-<client-secret>'],
    },
});
// in JSON, a JS object, or JSON inside a string literal (quotes escaped as \")
const Q = `(?:\\\\{0,3}["'])`;
const TYPE_RE = new RegExp(`${Q}?type${Q}?\\s{0,8}:\\s{0,8}${Q}service_account${Q}`, 'g');
const PRIVATE_KEY_RE = new RegExp(`${Q}?private_key${Q}?\\s{0,8}:\\s{0,8}${Q}`, 'g');
/**
 * A service-account key file (`"type": "service_account"` with a `"private_key"`): the PEM is
 * reported once, as the whole credential, instead of as a bare private key.
 */
const googleServiceAccount = defineDetector({
    id: 'secret/google-service-account',
    title: 'Google Cloud service account key',
    provider: 'Google Cloud',
    description: 'A Google Cloud service-account key file (`"type": "service_account"` with a `"private_key"`).',
    priority: PRIORITY.document,
    near: {
        keywords: ['service_account'],
        before: 4096,
        after: 4096,
        find(text, from, to, ctx) {
            if (matchesIn(TYPE_RE, text, from, to).length === 0)
                return [];
            const hits = [];
            for (const m of matchesIn(PRIVATE_KEY_RE, text, from, to)) {
                const block = readPemKey(text, m.index + m[0].length, ctx);
                if (!block)
                    continue;
                const hit = judge(block.body, block.body, block.start, { verify: () => block.problem });
                if (hit)
                    hits.push({ ...hit, end: Math.max(hit.end, block.end) });
            }
            return hits;
        },
    },
    samples: {
        match: () => {
            const pem = (0,external_node_crypto_namespaceObject.generateKeyPairSync)('rsa', { modulusLength: 1024 })
                .privateKey.export({ type: 'pkcs8', format: 'pem' })
                .toString();
            const file = {
                type: 'service_account',
                project_id: 'demo-project',
                private_key_id: fake(40, '0123456789abcdef', 'gsa-1'),
                private_key: pem,
                client_email: 'ci@demo-project.iam.gserviceaccount.com',
                client_id: fake(21, '0123456789', 'gsa-2'),
            };
            return [JSON.stringify(file, null, 2), `module.exports=${JSON.stringify(file)}`];
        },
        noMatch: () => [
            '{"type": "service_account", "private_key": "-----BEGIN PRIVATE KEY-----\\n...\\n-----END PRIVATE KEY-----\\n"}',
            '{"type": "service_account", "private_key": process.env.GCP_KEY}',
            `if (creds.type === "service_account") use(creds.private_key) // ${fake(10, ALNUM, 'gsa-3')}`,
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/huggingface.js


const huggingfaceToken = tokenDetector({
    id: 'secret/huggingface-token',
    title: 'Hugging Face access token',
    provider: 'Hugging Face',
    description: 'A Hugging Face user access token (`hf_` and 34 letters).',
    keywords: ['hf_'],
    pattern: `${B}hf_(?<body>[A-Za-z]{34})${E}`,
    shown: 3,
    samples: {
        match: () => [`HF_TOKEN=${['hf', fake(34, LETTERS, 'hf-1')].join('_')}`],
        noMatch: () => [
            'hf_' + 'x'.repeat(34),
            'hf_' + 'abcdefghijklmnopqrstuvwxyzabcdefgh',
            'hf_hub_download(repo_id, filename)',
            ['hf', fake(34, LETTERS, 'hf-2') + '0'].join('_'),
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/jwt.js





const JWT = new RegExp(`${B}eyJ[A-Za-z0-9_-]{8,1500}\\.eyJ[A-Za-z0-9_-]{8,15000}\\.(?<sig>[A-Za-z0-9_-]{0,1500})(?![A-Za-z0-9_.=-])`, 'y');
const YEAR = 365 * 24 * 3600;
/** Decodes the JWT starting at `at`: undefined unless header and payload are JSON objects with an `alg`. */
function readJwt(text, at) {
    const m = matchAt(JWT, text, at);
    if (!m)
        return undefined;
    const [header, payload] = m[0].split('.').slice(0, 2).map(decode);
    if (!isObject(header) || typeof header.alg !== 'string' || !isObject(payload))
        return undefined;
    return { start: at, value: m[0], alg: header.alg, payload, signature: m.groups.sig };
}
function decode(part) {
    try {
        return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    }
    catch {
        return undefined;
    }
}
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/** Claims that say who the token is for or what it may do: a credential has at least one. */
const IDENTITY = [
    'iss',
    'sub',
    'aud',
    'role',
    'roles',
    'scope',
    'scp',
    'client_id',
    'azp',
    'uid',
    'user_id',
    'email',
    'permissions',
    'groups',
    'tid',
    'org_id',
    'app_id',
];
/** Unsigned tokens grant nothing, and documentation tokens are not credentials. */
function signedAndReal(jwt) {
    if (jwt.alg.toLowerCase() === 'none' || jwt.signature.length < 16)
        return false;
    if (doubt(jwt.signature) === 'placeholder')
        return false;
    if (!IDENTITY.some((claim) => claim in jwt.payload))
        return false;
    const claims = JSON.stringify(jwt.payload);
    return !/john doe|jane doe|1234567890|example|lorem|placeholder|your-|"foo"|"bar"/i.test(claims);
}
const looksTest = (jwt) => /test|fake|mock|dummy/i.test(JSON.stringify(jwt.payload));
const num = (v) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
/**
 * JWTs are everywhere in bundles and docs; most are short-lived session tokens or examples.
 * Reported (as a warning) is a signed token (alg not `none`, a real signature) with identity or
 * authorization claims (`iss`, `sub`, `aud`, `role`, `scope` \u2026) that stays valid a long time: no
 * `exp` at all, or `exp` more than a year after `iat` (after now when there is no `iat`). Not
 * reported: unsigned tokens, expired or short-lived ones, tokens that identify no one
 * (`{"k":"value"}`), documentation tokens (jwt.io's John Doe, example claims), Supabase `anon`
 * keys (public by design). Supabase
 * `service_role` keys have their own rule (`secret/supabase-service-role-key`, an error).
 * Claims that say test/fake/mock make it unverified.
 */
const jwt = defineDetector({
    id: 'secret/jwt',
    title: 'long-lived JSON Web Token',
    provider: 'generic',
    description: 'A signed JSON Web Token without expiry or valid for more than a year (see the rule docs for what is left out).',
    severity: 'warning',
    priority: PRIORITY.generic,
    keywords: ['eyj'],
    find(text, at, ctx) {
        const t = ctx.memo('jwt', at, () => readJwt(text, at));
        if (!t || !signedAndReal(t))
            return undefined;
        const role = t.payload.role;
        if (role === 'anon' || role === 'service_role')
            return undefined;
        const exp = num(t.payload.exp);
        const issued = num(t.payload.iat) ?? num(t.payload.nbf) ?? Date.now() / 1000;
        if (exp !== undefined && exp - issued <= YEAR)
            return undefined;
        const label = exp === undefined
            ? `JSON Web Token without expiry (${t.alg})`
            : `long-lived JSON Web Token (${t.alg}, valid ${Math.round((exp - issued) / YEAR)} years)`;
        return hitOf(t, label);
    },
    samples: {
        match: () => [
            token({ alg: 'HS256', typ: 'JWT' }, { sub: 'svc-deploy', scope: 'admin' }, 'jwt-1'),
            `Authorization: Bearer ${token({ alg: 'RS256' }, { iss: 'https://auth.acme.io', sub: 'ci', iat: 1700000000, exp: 2015360000 }, 'jwt-2', 342)}`,
        ],
        noMatch: () => [
            // jwt.io's sample token
            token({ alg: 'HS256', typ: 'JWT' }, { sub: '1234567890', name: 'John Doe', iat: 1516239022 }, '', 0, ['SflKxwRJSMeKKF2QT4fwpMeJf36POk6y', 'JV_adQssw5c'].join('')),
            token({ alg: 'none' }, { sub: 'svc' }, '', 0, ''),
            token({ alg: 'HS256' }, { sub: 'u1', iat: 1700000000, exp: 1700003600 }, 'jwt-3'),
            token({ alg: 'HS256' }, { iss: 'supabase', role: 'anon', exp: 2000000000, iat: 1700000000 }, 'jwt-4'),
            `sourceMappingURL=data:application/json;base64,${b64json({ version: 3, sources: [] })}`,
            'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.signature',
            token({ typ: 'JWT' }, { sub: 'svc' }, 'jwt-5'),
            token({ alg: 'HS256' }, { k: 'value' }, 'jwt-7'),
        ],
        unverified: () => [token({ alg: 'HS256' }, { sub: 'test-user', role: 'tester' }, 'jwt-6')],
    },
});
function hitOf(t, label) {
    const hit = judge(t.value, t.signature, t.start, { shown: 0, label });
    if (hit && !hit.unverified && looksTest(t))
        hit.unverified = 'its claims look like test data';
    return hit;
}
/** A JWT sample: header and payload as given, a random signature unless one is passed. */
function token(header, payload, seed, length = 43, signature = fake(length, B64URL, seed)) {
    return [b64json(header), b64json(payload), signature].join('.');
}

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/npm.js



/** npm's granular and automation tokens use GitHub's format: 30 random + 6 checksum. */
const npmToken = tokenDetector({
    id: 'secret/npm-token',
    title: 'npm access token',
    provider: 'npm',
    description: 'An npm access token (`npm_`) whose checksum is valid.',
    keywords: ['npm_'],
    // npm's own variables (npm_config_*, npm_package_*) are in much code: only a token body counts.
    guards: { npm_: '[A-Za-z0-9]{36}' },
    pattern: `${B}npm_(?<body>(?<random>[A-Za-z0-9]{30})(?<sum>[A-Za-z0-9]{6}))${E}`,
    checksum: true,
    verify: (m) => crcChecksum(m.groups.random) === m.groups.sum ? undefined : 'its checksum does not match',
    samples: {
        match: () => [
            checksummed('np' + 'm_', 'npm-1'),
            `//registry.npmjs.org/:_authToken=${checksummed('np' + 'm_', 'npm-2')}\n`,
        ],
        noMatch: () => [
            '//registry.npmjs.org/:_authToken=${NPM_TOKEN}',
            'process.env.npm_config_registry',
            'npm_package_json',
            'npm_' + '0'.repeat(36),
            'npm_' + fake(20, ALNUM, 'npm-3'),
        ],
        unverified: () => [badChecksum('np' + 'm_', 'npm-4')],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/openai.js




/** `T3BlbkFJ` is base64 of `OpenAI`; every OpenAI key carries it at a fixed distance from its start. */
const MARKER = 'T3BlbkFJ';
const SHAPES = [
    {
        prefix: 'sk-',
        before: 20,
        label: 'OpenAI API key',
        re: new RegExp(`${B}sk-[A-Za-z0-9]{20}${MARKER}[A-Za-z0-9]{20}${E}`, 'y'),
    },
    ...['proj', 'svcacct', 'admin'].flatMap((kind) => [74, 58].map((before) => ({
        prefix: `sk-${kind}-`,
        before,
        label: {
            proj: 'OpenAI project API key',
            svcacct: 'OpenAI service account key',
            admin: 'OpenAI admin key',
        }[kind],
        re: new RegExp(`${B}sk-${kind}-[A-Za-z0-9_-]{${before}}${MARKER}[A-Za-z0-9_-]{58,74}${E}`, 'y'),
    }))),
];
/** Found at the marker, then matched from each start the known shapes put before it. */
const openaiApiKey = defineDetector({
    id: 'secret/openai-api-key',
    title: 'OpenAI API key',
    provider: 'OpenAI',
    description: 'An OpenAI API key (legacy `sk-`, `sk-proj-`, `sk-svcacct-`, `sk-admin-`).',
    priority: PRIORITY.token,
    keywords: [MARKER],
    find(text, at) {
        if (!text.startsWith(MARKER, at))
            return undefined;
        for (const shape of SHAPES) {
            const start = at - shape.before - shape.prefix.length;
            if (start < 0 || !text.startsWith(shape.prefix, start))
                continue;
            const m = matchAt(shape.re, text, start);
            if (!m)
                continue;
            // project keys have 58 or 74 characters on each side of the marker
            const tail = m[0].length - (shape.prefix.length + shape.before + MARKER.length);
            if (shape.prefix !== 'sk-' && tail !== 58 && tail !== 74)
                continue;
            const body = m[0].slice(shape.prefix.length).replace(MARKER, '');
            return judge(m[0], body, start, { shown: 4, label: shape.label });
        }
        return undefined;
    },
    samples: {
        match: () => [
            `OPENAI_API_KEY=${['sk', fake(20, ALNUM, 'oai-1') + 'T3Blbk' + 'FJ' + fake(20, ALNUM, 'oai-2')].join('-')}`,
            ['sk', 'proj', fake(74, B64URL, 'oai-3') + 'T3Blbk' + 'FJ' + fake(74, B64URL, 'oai-4')].join('-'),
            ['sk', 'admin', fake(58, B64URL, 'oai-5') + 'T3Blbk' + 'FJ' + fake(58, B64URL, 'oai-6')].join('-'),
        ],
        noMatch: () => [
            'sk-proj-...',
            'OPENAI_API_KEY=sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
            'const marker = "T3BlbkFJ"',
            ['sk', 'x'.repeat(20) + 'T3BlbkFJ' + 'x'.repeat(20)].join('-'),
            ['sk', fake(19, ALNUM, 'oai-7') + 'T3BlbkFJ' + fake(20, ALNUM, 'oai-8')].join('-'),
            ['sk', 'proj', fake(74, B64URL, 'oai-9') + 'T3BlbkFJ' + fake(66, B64URL, 'oai-10')].join('-'),
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/postman.js


const postmanApiKey = tokenDetector({
    id: 'secret/postman-api-key',
    title: 'Postman API key',
    provider: 'Postman',
    description: 'A Postman API key (`PMAK-`).',
    keywords: ['pmak-'],
    pattern: `${B}PMAK-[a-f0-9]{24}-(?<body>[a-f0-9]{34})${E}`,
    samples: {
        match: () => [['PM' + 'AK', fake(24, HEX, 'pm-1'), fake(34, HEX, 'pm-2')].join('-')],
        noMatch: () => ['PMAK-' + '0'.repeat(24) + '-' + '0'.repeat(34), 'x-api-key: PMAK-...'],
    },
});

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
;// CONCATENATED MODULE: ./build/src/rules/secrets/kit/ssh-keys.js




const made = new Map();
/** A fresh OpenSSH private key file (one per type and passphrase per process). */
function sshPrivateKey(type, passphrase = '') {
    const id = `${type}\0${passphrase}`;
    let key = made.get(id);
    if (key === undefined) {
        key = sshKeygen(type, passphrase) ?? opensshKey(type, passphrase);
        made.set(id, key);
    }
    return key;
}
/** `ssh-keygen -t <type> -N <passphrase> -f <tmp>`; undefined when it cannot run. */
function sshKeygen(type, passphrase = '') {
    const dir = (0,external_node_fs_namespaceObject.mkdtempSync)((0,external_node_path_namespaceObject.join)((0,external_node_os_namespaceObject.tmpdir)(), 'packguard-ssh-'));
    try {
        const file = (0,external_node_path_namespaceObject.join)(dir, `id_${type}`);
        const bits = type === 'rsa' ? ['-b', '2048'] : [];
        // Taken only here: detector files are bundled, and a check must not load child_process.
        const { execFileSync } = process.getBuiltinModule('node:child_process');
        execFileSync('ssh-keygen', ['-q', '-t', type, ...bits, '-N', passphrase, '-C', 'ci@build', '-f', file], { stdio: 'ignore' });
        return (0,external_node_fs_namespaceObject.readFileSync)(file, 'latin1');
    }
    catch {
        return undefined;
    }
    finally {
        (0,external_node_fs_namespaceObject.rmSync)(dir, { recursive: true, force: true });
    }
}
const u32 = (n) => {
    const b = Buffer.alloc(4);
    b.writeUInt32BE(n);
    return b;
};
const str = (s) => {
    const b = typeof s === 'string' ? Buffer.from(s, 'latin1') : s;
    return Buffer.concat([u32(b.length), b]);
};
/** An SSH mpint: big-endian, no leading zero bytes, a zero byte before a set high bit. */
const mpint = (b) => {
    let i = 0;
    while (i < b.length - 1 && b[i] === 0)
        i++;
    const v = b.subarray(i);
    return str(v[0] & 0x80 ? Buffer.concat([Buffer.alloc(1), v]) : v);
};
/**
 * An `openssh-key-v1` private key as `ssh-keygen` writes it. With a passphrase the private
 * section is random bytes under `aes256-ctr`/`bcrypt` (the scanner never decrypts it).
 */
function opensshKey(type, passphrase = '') {
    const jwk = type === 'rsa'
        ? (0,external_node_crypto_namespaceObject.generateKeyPairSync)('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' })
        : (0,external_node_crypto_namespaceObject.generateKeyPairSync)('ed25519').privateKey.export({ format: 'jwk' });
    const n = (k) => Buffer.from(jwk[k], 'base64url');
    const name = type === 'rsa' ? 'ssh-rsa' : 'ssh-ed25519';
    const pub = type === 'rsa'
        ? Buffer.concat([str(name), mpint(n('e')), mpint(n('n'))])
        : Buffer.concat([str(name), str(n('x'))]);
    const priv = type === 'rsa'
        ? Buffer.concat([str(name), ...[n('n'), n('e'), n('d'), n('qi'), n('p'), n('q')].map(mpint)])
        : Buffer.concat([str(name), str(n('x')), str(Buffer.concat([n('d'), n('x')]))]);
    const check = (0,external_node_crypto_namespaceObject.randomBytes)(4);
    const block = passphrase ? 16 : 8;
    let section = Buffer.concat([check, check, priv, str('ci@build')]);
    const pad = (block - (section.length % block)) % block;
    section = Buffer.concat([section, Buffer.from(Array.from({ length: pad }, (_, i) => i + 1))]);
    if (passphrase)
        section = (0,external_node_crypto_namespaceObject.randomBytes)(section.length);
    const kdf = passphrase ? Buffer.concat([str((0,external_node_crypto_namespaceObject.randomBytes)(16)), u32(16)]) : Buffer.alloc(0);
    const body = Buffer.concat([
        Buffer.from('openssh-key-v1\0', 'latin1'),
        str(passphrase ? 'aes256-ctr' : 'none'),
        str(passphrase ? 'bcrypt' : 'none'),
        str(kdf),
        u32(1),
        str(pub),
        str(section),
    ]);
    const lines = body.toString('base64').match(/.{1,70}/g) ?? [];
    const label = 'OPENSSH PRIVATE KEY';
    return [`-----BEGIN ${label}-----`, ...lines, `-----END ${label}-----`, ''].join('\n');
}

;// CONCATENATED MODULE: ./build/src/rules/secrets/kit/places.js
// Where in a package a file is, for detectors that judge a finding by its place.
/** Names of files whose content is a private key. */
const KEY_FILE = /(?:^|[/\\!])(?:id_(?:rsa|dsa|ecdsa|ed25519)(?:_sk)?|[^/\\!]+\.(?:pem|key|ppk|p8|pk8|asc|gpg|openssh))$/i;
/** Documentation by extension, or anything under a docs folder. */
const DOCS = /\.(?:md|markdown|rst|txt|adoc|asciidoc)$|(?:^|[/\\!])docs?[/\\]/i;
/** Anything under a test or fixture folder at any depth, or named as a test file. */
const TESTS = /(?:^|[/\\!])(?:tests?|__tests__|specs?|fixtures|__fixtures__)[/\\]|\.(?:test|spec)\.[cm]?[jt]sx?$/i;
/** Whether a file is by its name a private key file (`*.pem`, `*.key`, `id_rsa`, `*.ppk` \u2026). */
function isKeyFile(path) {
    return KEY_FILE.test(path);
}
/** `documentation` or `test code` when a file is one of them, else undefined. */
function docsOrTests(path) {
    if (TESTS.test(path))
        return 'test code';
    if (DOCS.test(path))
        return 'documentation';
    return undefined;
}

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/private-key.js








const PUTTY = /PuTTY-User-Key-File-[23]: [A-Za-z0-9@.-]{3,64}(?:\\{1,4}(?:r\\{1,4})?n|\r?\n)[ \t]{0,16}Encryption: ([A-Za-z0-9-]{1,32})/y;
const PRIVATE_MAC = 'Private-MAC: ';
const MAX_PUTTY = 16384;
/** A PuTTY .ppk key: its private lines come between `Private-Lines: N` and `Private-MAC:`. */
function readPutty(text, at, ctx) {
    const m = matchAt(PUTTY, text, at);
    if (!m)
        return undefined;
    const macAt = ctx.nextIndexOf(PRIVATE_MAC, at);
    if (macAt < 0 || macAt - at > MAX_PUTTY)
        return undefined;
    if (!/^[0-9a-f]{40,64}(?![0-9a-z])/.test(text.slice(macAt + 13, macAt + 13 + 65)))
        return undefined;
    const head = text.slice(at, macAt);
    const lines = /Private-Lines: \d{1,3}/.exec(head);
    if (!lines)
        return undefined;
    const rest = head.slice(lines.index + lines[0].length);
    const parsed = armoredBody(rest, false);
    if (!parsed)
        return undefined;
    const label = m[1] === 'none' ? 'PuTTY private key' : 'encrypted PuTTY private key';
    return { start: at, end: macAt, label, body: parsed.body };
}
function toHit(block) {
    if (!block)
        return undefined;
    const hit = judge(block.body, block.body, block.start, {
        label: block.label,
        verify: () => block.problem,
    });
    if (hit)
        hit.end = Math.max(hit.end, block.end);
    return hit;
}
const LEADING = /^\s*/;
const TRAILING = /\s*$/y;
/** A line of a doc comment (`/** ... *\/`, JSDoc): whitespace, then `*`, then not `/`. */
const DOC_COMMENT_LINE = /^[ \t]*\*(?!\/)/;
/** Whether the line the key starts on is a doc-comment line: an `@example` in a bundled SDK. */
function inDocComment(text, start) {
    const line = text.lastIndexOf('\n', start - 1) + 1;
    return DOC_COMMENT_LINE.test(text.slice(line, Math.min(start, line + 200)));
}
/**
 * A key string in documentation or test code is most often an example or a test key: a
 * warning. A key file stays an error wherever it is: named as one, or holding only the key.
 */
function placed(hit, text, file) {
    if (!hit || hit.unverified || isKeyFile(file))
        return hit;
    TRAILING.lastIndex = hit.end;
    if (LEADING.exec(text)[0].length === hit.start && TRAILING.test(text))
        return hit;
    const where = docsOrTests(file) ?? (inDocComment(text, hit.start) ? 'a doc comment' : undefined);
    if (!where)
        return hit;
    const why = `a key string in ${where}: a warning, as such keys are most often examples or test keys (a key file is an error wherever it is)`;
    return { ...hit, severity: 'warning', why };
}
const private_key_pem = (label, body, nl = '\n') => [`-----BEGIN ${label}-----`, ...(body.match(/.{1,64}/g) ?? []), `-----END ${label}-----`].join(nl) + nl;
const stripArmor = (p) => p.replace(/-----[A-Z ]+-----|\s/g, '');
/** Private keys in PEM, OpenSSH, PGP armor or PuTTY format, with a real base64 body. */
const privateKey = defineDetector({
    id: 'secret/private-key',
    title: 'private key',
    provider: 'generic',
    description: 'A private key block (PEM: RSA, EC, DSA, PKCS#8, encrypted; OpenSSH `openssh-key-v1` (ed25519, RSA, ECDSA); PGP; PuTTY .ppk) with a real key body.',
    priority: PRIORITY.generic,
    keywords: ['-----begin ', 'putty-user-key-file-'],
    judged: 'a warning when the key is a string inside documentation (`*.md`, `*.markdown`, `*.rst`, `*.txt`, `*.adoc`, files under `docs/` or `doc/`) or test code (files under `test/`, `tests/`, `__tests__/`, `spec/`, `specs/`, `fixtures/`, `__fixtures__/` at any depth, `*.test.*` and `*.spec.*` scripts), or on a doc-comment line (` * ` inside `/** ... */`, as a JSDoc `@example` in a bundled SDK): such keys are most often examples and test keys. A key in a `//` comment stays an error: commented-out code still ships the key. A key file stays an error wherever it is: named as one (`*.pem`, `*.key`, `*.ppk`, `*.p8`, `*.asc`, `id_rsa`, `id_ed25519`, ...) or holding nothing but the key.',
    find(text, at, ctx) {
        const block = text[at] === '-' ? readPemKey(text, at, ctx) : readPutty(text, at, ctx);
        return placed(toHit(block), text, ctx.file);
    },
    samples: {
        match: () => {
            const rsa = (0,external_node_crypto_namespaceObject.generateKeyPairSync)('rsa', { modulusLength: 1024 }).privateKey;
            const ec = (0,external_node_crypto_namespaceObject.generateKeyPairSync)('ec', { namedCurve: 'P-256' }).privateKey;
            const ed = (0,external_node_crypto_namespaceObject.generateKeyPairSync)('ed25519').privateKey;
            const pkcs1 = rsa.export({ type: 'pkcs1', format: 'pem' }).toString();
            const pgp = Buffer.concat([Buffer.from([0x95, 0x01, 0xd8, 0x04]), (0,external_node_crypto_namespaceObject.randomBytes)(400)]);
            const b64 = fake(400, B64, 'ppk-1');
            return [
                pkcs1,
                ec.export({ type: 'sec1', format: 'pem' }).toString(),
                ed.export({ type: 'pkcs8', format: 'pem' }).toString(),
                rsa
                    .export({ type: 'pkcs8', format: 'pem', cipher: 'aes-128-cbc', passphrase: 'pw' })
                    .toString(),
                // what ssh-keygen writes: its AAAA runs are length fields, not a placeholder
                sshPrivateKey('ed25519'),
                sshPrivateKey('rsa'),
                sshPrivateKey('ed25519', 'passphrase-1'),
                `const deployKey = ${JSON.stringify(sshPrivateKey('ed25519'))}`,
                private_key_pem('PGP PRIVATE KEY BLOCK', `Version: GnuPG v2\n\n${pgp.toString('base64')}\n=AbCd`),
                // inside a JSON or JS string, with escaped line breaks
                `const key = "${pkcs1.trim().split('\n').join('\\n')}\\n";`,
                // one line, as pasted into an environment variable
                `KEY="${pkcs1.trim().split('\n').join(' ')}"`,
                [
                    'PuTTY-User-Key-File-2: ssh-rsa',
                    'Encryption: none',
                    'Comment: rsa-key',
                    'Public-Lines: 1',
                    fake(64, B64, 'ppk-2'),
                    'Private-Lines: 7',
                    ...(b64.match(/.{1,64}/g) ?? []),
                    `Private-MAC: ${fake(40, HEX, 'ppk-3')}`,
                ].join('\r\n'),
            ];
        },
        noMatch: () => [
            '-----BEGIN RSA PRIVATE KEY-----',
            'if (pem.startsWith("-----BEGIN RSA PRIVATE KEY-----")) type = "pkcs1"',
            '-----BEGIN RSA PRIVATE KEY-----\n-----END RSA PRIVATE KEY-----\n',
            '-----BEGIN PRIVATE KEY-----\n<your private key>\n-----END PRIVATE KEY-----',
            '-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA...\n-----END RSA PRIVATE KEY-----',
            `-----BEGIN PRIVATE KEY-----\n${'A'.repeat(64)}\n${'A'.repeat(20)}==\n-----END PRIVATE KEY-----`,
            '-----BEGIN PRIVATE KEY-----\nMIIBVgIBADANBgkqhkiG9w0BAQEFAASCAUAwggE8AgEAAkEA\n-----END PRIVATE KEY-----',
            'const HEADER = /-----BEGIN ([A-Z ]+)-----\\n([A-Za-z0-9+/=\\n]+)-----END \\1-----/',
            '-----BEGIN PUBLIC KEY-----\n' + fake(200, B64, 'pub-1') + '\n-----END PUBLIC KEY-----',
            '-----BEGIN CERTIFICATE-----\n' + fake(600, B64, 'cert-1') + '\n-----END CERTIFICATE-----',
            '-----BEGIN PRIVATE KEY-----\n${PRIVATE_KEY}\n-----END PRIVATE KEY-----',
        ],
        unverified: () => {
            const rsa = (0,external_node_crypto_namespaceObject.generateKeyPairSync)('rsa', { modulusLength: 1024 }).privateKey;
            const der = stripArmor(rsa.export({ type: 'pkcs8', format: 'pem' }).toString());
            const ssh = Buffer.concat([Buffer.from('openssh-key-v1\0', 'latin1'), (0,external_node_crypto_namespaceObject.randomBytes)(380)]);
            return [
                // a random base64 body that is not DER, and a truncated key
                private_key_pem('RSA PRIVATE KEY', fake(640, B64, 'rsa-bad')),
                private_key_pem('PRIVATE KEY', der.slice(0, -12)),
                // the OpenSSH magic, then random bytes: no key structure, no matching check numbers
                private_key_pem('OPENSSH PRIVATE KEY', ssh.toString('base64')),
            ];
        },
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/providers-infra.js
/** Cloud and infrastructure, CI/CD and registries, AI providers (issue 15, first group). */
const INFRA_DETECTORS = [];

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/providers-services.js
/** Observability and messaging, payments and SaaS (issue 15, second group). */
const SERVICE_DETECTORS = [];

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/pypi.js


/** `AgEIcHlwaS5vcmc` is the start of the macaroon: version 2, location `pypi.org`. */
const PYPI = 'AgEIcHlwaS5vcmc';
const pypiToken = tokenDetector({
    id: 'secret/pypi-token',
    title: 'PyPI API token',
    provider: 'PyPI',
    description: 'A PyPI API token (`pypi-AgEIcHlwaS5vcmc\u2026`, a macaroon for pypi.org).',
    keywords: [`pypi-${PYPI}`],
    pattern: `${B}pypi-${PYPI}(?<body>[A-Za-z0-9_-]{50,1000})${E}`,
    samples: {
        match: () => [`password = ${['pypi', PYPI + fake(160, B64URL, 'pypi-1')].join('-')}`],
        noMatch: () => [
            `pypi-${PYPI}...`,
            `pypi-${PYPI}` + 'x'.repeat(60),
            'pypi-' + fake(160, B64URL, 'pypi-2'),
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/sendgrid.js


const sendgridApiKey = tokenDetector({
    id: 'secret/sendgrid-api-key',
    title: 'SendGrid API key',
    provider: 'SendGrid',
    description: 'A SendGrid API key (`SG.` + 22 + `.` + 43 characters).',
    keywords: ['sg.'],
    pattern: `${B}SG\\.[A-Za-z0-9_-]{22}\\.(?<body>[A-Za-z0-9_-]{43})${E}`,
    shown: 3,
    samples: {
        match: () => [['SG', fake(22, B64URL, 'sg-1'), fake(43, B64URL, 'sg-2')].join('.')],
        noMatch: () => [
            'msg.data.length',
            'SG.xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
            'SENDGRID_API_KEY=SG.<your key>',
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/shopify.js


const shopify_KINDS = {
    at: 'Shopify Admin API access token',
    ca: 'Shopify custom app access token',
    pa: 'Shopify private app password',
    ss: 'Shopify shared secret',
};
const shopifyToken = tokenDetector({
    id: 'secret/shopify-token',
    title: 'Shopify token',
    provider: 'Shopify',
    description: 'A Shopify access token or shared secret (`shpat_`, `shpca_`, `shppa_`, `shpss_`).',
    keywords: ['shpat_', 'shpca_', 'shppa_', 'shpss_'],
    pattern: `${B}shp(at|ca|pa|ss)_(?<body>[a-fA-F0-9]{32})${E}`,
    label: (m) => shopify_KINDS[m[1]],
    samples: {
        match: () => [['shp' + 'at', fake(32, HEX, 'shp-1')].join('_')],
        noMatch: () => ['shpat_' + '0'.repeat(32), 'shpat_<token>'],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/slack.js


/** A number that does not start with 0, like Slack's team and user ids. */
const digits = (n, seed) => fake(1, '123456789', seed) + fake(n - 1, DIGITS, seed);
const slack_KINDS = {
    bot: 'Slack bot token',
    user: 'Slack user token',
    legacy: 'Slack legacy token',
    workspace: 'Slack workspace token',
    config: 'Slack configuration token',
    refresh: 'Slack configuration refresh token',
};
// Token shapes per https://api.slack.com/authentication/token-types: bot `xoxb-<team>-<bot>-<24>`,
// user `xoxp-<team>-<user>-<id>-<32 hex>`, legacy `xoxs-`/`xoxo-`, workspace `xoxa-`/`xoxr-`,
// configuration `xoxe.xoxp-1-<163+>` and its refresh token `xoxe-1-<146>`.
const slackToken = tokenDetector({
    id: 'secret/slack-token',
    title: 'Slack token',
    provider: 'Slack',
    description: 'A Slack bot, user, workspace, legacy or configuration token (`xoxb-`, `xoxp-` \u2026).',
    keywords: ['xoxb-', 'xoxp-', 'xoxe-', 'xoxe.', 'xoxa-', 'xoxr-', 'xoxo-', 'xoxs-'],
    pattern: `${B}xox(?:` +
        [
            'b-[0-9]{8,14}-(?:[0-9]{8,14}-)?(?<bot>[A-Za-z0-9]{18,34})',
            '[pe](?:-[0-9]{10,13}){3}-(?<user>[A-Za-z0-9]{28,34})',
            '[os](?:-[0-9]{1,13}){3}-(?<legacy>[a-fA-F0-9]{10,64})',
            '[ar]-(?:[0-9]-)?(?<workspace>[0-9A-Za-z]{20,150})',
            'e\\.xox[bp]-[0-9]-(?<config>[A-Za-z0-9]{163,166})',
            'e-[0-9]-(?<refresh>[A-Za-z0-9]{146})',
        ].join('|') +
        `)${E}`,
    label: (m) => slack_KINDS[Object.keys(slack_KINDS).find((k) => m.groups?.[k] !== undefined) ?? 'bot'],
    samples: {
        match: () => [
            ['xoxb', digits(12, 'sl-1'), digits(13, 'sl-2'), fake(24, ALNUM, 'sl-3')].join('-'),
            `token: "${['xoxp', digits(12, 'sl-4'), digits(12, 'sl-5'), digits(12, 'sl-6'), fake(32, HEX, 'sl-7')].join('-')}"`,
            [
                'xoxs',
                digits(10, 'sl-8'),
                digits(10, 'sl-9'),
                digits(10, 'sl-10'),
                fake(10, HEX, 'sl-11'),
            ].join('-'),
            ['xoxe.xoxp', '1', fake(163, ALNUM, 'sl-12')].join('-'),
            ['xoxe', '1', fake(146, ALNUM, 'sl-13')].join('-'),
        ],
        noMatch: () => [
            'xoxb-xxxxxxxxx-xxxxxxxxxx-xxxxxxxxxxxx',
            'xoxb-12345-abcd234',
            'xoxb-xoxb-my-bot-token',
            'xoxp-1234-1234-1234-4ddbc191d40ee098cbaae6f3523ada2d',
            'xoxp-' + ['0'.repeat(12), '0'.repeat(12), '0'.repeat(12), '0'.repeat(32)].join('-'),
            'xoxe.xoxp-1-SlackAppConfigurationAccessTokenHere',
            'https://github.com/xoxa-nyc/xoxa-nyc.github.io/blob/master/README.md',
            'SLACK_BOT_TOKEN=xoxb-your-bot-token',
        ],
    },
});
const slackAppToken = tokenDetector({
    id: 'secret/slack-app-token',
    title: 'Slack app-level token',
    provider: 'Slack',
    description: 'A Slack app-level token (`xapp-`).',
    keywords: ['xapp-'],
    pattern: `${B}xapp-[0-9]-[A-Z0-9]{9,12}-[0-9]{10,14}-(?<body>[a-f0-9]{64})${E}`,
    samples: {
        match: () => [
            [
                'xapp',
                '1',
                'A' + fake(10, UPPER + DIGITS, 'sla-1'),
                digits(13, 'sla-2'),
                fake(64, HEX, 'sla-3'),
            ].join('-'),
            // real bodies have runs now and then: judged whole, such a body is still random
            [
                'xapp',
                '1',
                'A' + fake(10, UPPER + DIGITS, 'sla-4'),
                digits(13, 'sla-5'),
                fake(24, HEX, 'sla-6') + '0'.repeat(8) + fake(20, HEX, 'sla-7') + '12345678' + 'abcd',
            ].join('-'),
        ],
        noMatch: () => [
            'xapp-1-XXXXXXXXXXX-0000000000000-' + 'x'.repeat(64),
            'SLACK_APP_TOKEN=xapp-...',
        ],
    },
});
const slackWebhook = tokenDetector({
    id: 'secret/slack-webhook',
    title: 'Slack incoming webhook URL',
    provider: 'Slack',
    description: 'A Slack incoming webhook or workflow trigger URL (`hooks.slack.com/\u2026`).',
    keywords: ['hooks.slack.com/'],
    pattern: boundary('A-Za-z0-9.-') +
        'hooks\\.slack\\.com/(?:' +
        [
            'services/T[A-Z0-9]{8,12}/B[A-Z0-9]{8,12}/(?<service>[A-Za-z0-9]{24})',
            'workflows/T[A-Z0-9]{8,12}/A[A-Z0-9]{8,12}/[0-9]{17,20}/(?<workflow>[A-Za-z0-9]{32})',
            'triggers/T[A-Z0-9]{8,12}/[0-9]{10,14}/(?<trigger>[a-f0-9]{32})',
        ].join('|') +
        `)${E}`,
    samples: {
        match: () => [
            `https://hooks.slack.com/services/T${fake(8, UPPER + DIGITS, 'slw-1')}/B${fake(10, UPPER + DIGITS, 'slw-2')}/${fake(24, ALNUM, 'slw-3')}`,
            `https://hooks.slack.com/services/T${fake(8, UPPER + DIGITS, 'slw-4')}/B${fake(10, UPPER + DIGITS, 'slw-5')}/${fake(9, ALNUM, 'slw-6')}${'A'.repeat(6)}${fake(9, ALNUM, 'slw-7')}`,
            `https://hooks.slack.com/services/T${fake(8, UPPER + DIGITS, 'slw-8')}/B${fake(10, UPPER + DIGITS, 'slw-9')}/${fake(8, ALNUM, 'slw-10')}123456789${fake(7, ALNUM, 'slw-11')}`,
        ],
        noMatch: () => [
            'https://hooks.slack.com/services/T00000000/B00000000/' + 'X'.repeat(24),
            'https://hooks.slack.com/services/YOUR/WEBHOOK/URL',
            'const SLACK = "https://hooks.slack.com/services/"',
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/stripe.js


/** Live-mode keys only: `sk_test_` keys reach no money and are published in docs and tests. */
const stripeSecretKey = tokenDetector({
    id: 'secret/stripe-secret-key',
    title: 'Stripe live secret key',
    provider: 'Stripe',
    description: 'A Stripe live-mode secret or restricted key (`sk_live_`, `rk_live_`).',
    keywords: ['sk_live_', 'rk_live_'],
    pattern: `${B}([sr])k_live_(?<body>[A-Za-z0-9]{24,247})${E}`,
    label: (m) => (m[1] === 'r' ? 'Stripe live restricted key' : 'Stripe live secret key'),
    samples: {
        match: () => [
            ['sk', 'live', fake(24, ALNUM, 'stripe-1')].join('_'),
            `Stripe("${['rk', 'live', '51' + fake(97, ALNUM, 'stripe-2')].join('_')}")`,
        ],
        noMatch: () => [
            'const PREFIX = "sk_live_"',
            ['sk', 'test', fake(24, ALNUM, 'stripe-3')].join('_'),
            ['pk', 'live', fake(24, ALNUM, 'stripe-4')].join('_'),
            'sk_live_' + 'x'.repeat(24),
            'sk_live_yourSecretKeyGoesHere00000',
            'if (key.startsWith("sk_live_") && !isProd) warn()',
        ],
    },
});
const stripeWebhookSecret = tokenDetector({
    id: 'secret/stripe-webhook-secret',
    title: 'Stripe webhook signing secret',
    provider: 'Stripe',
    description: 'A Stripe webhook signing secret (`whsec_`).',
    keywords: ['whsec_'],
    pattern: `${B}whsec_(?<body>[A-Za-z0-9+/]{32,88})={0,2}(?![A-Za-z0-9+/=_-])`,
    samples: {
        match: () => [`STRIPE_WEBHOOK_SECRET=${['whsec', fake(32, ALNUM, 'whsec-1')].join('_')}`],
        noMatch: () => ['whsec_...', 'whsec_' + 'x'.repeat(32), 'const p = "whsec_"'],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/supabase.js


/**
 * A JWT with `role: service_role` bypasses row-level security on a Supabase project: it must
 * never ship. The Supabase CLI's local demo keys (issuer `supabase-demo`) are documented.
 */
const supabaseServiceRoleKey = defineDetector({
    id: 'secret/supabase-service-role-key',
    title: 'Supabase service_role key',
    provider: 'Supabase',
    description: 'A Supabase `service_role` key (a JWT that bypasses row-level security).',
    priority: PRIORITY.token,
    keywords: ['eyj'],
    find(text, at, ctx) {
        const t = ctx.memo('jwt', at, () => readJwt(text, at));
        if (!t || t.payload.role !== 'service_role' || t.payload.iss === 'supabase-demo')
            return undefined;
        if (t.alg.toLowerCase() === 'none' || t.signature.length < 16)
            return undefined;
        return hitOf(t, 'Supabase service_role key');
    },
    samples: {
        match: () => [
            `createClient(url, "${token({ alg: 'HS256', typ: 'JWT' }, { iss: 'supabase', ref: 'abcdefghijklmnopqrst', role: 'service_role', iat: 1700000000, exp: 2015576000 }, 'sb-1')}")`,
        ],
        noMatch: () => [
            token({ alg: 'HS256', typ: 'JWT' }, { iss: 'supabase-demo', role: 'service_role', exp: 1983812996 }, 'sb-2'),
            token({ alg: 'HS256', typ: 'JWT' }, { iss: 'supabase', role: 'anon', exp: 2015576000 }, 'sb-3'),
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/telegram.js




const TOKEN = new RegExp(`(?<![0-9])[0-9]{8,10}:AA(?<body>[A-Za-z0-9_-]{33})${E}`, 'y');
/** `<bot id>:AA<33>`: found at `:AA`, matched from the start of the digits before it. */
const telegramBotToken = defineDetector({
    id: 'secret/telegram-bot-token',
    title: 'Telegram bot token',
    provider: 'Telegram',
    description: 'A Telegram bot token (`<bot id>:AA\u2026`).',
    priority: PRIORITY.token,
    keywords: [':aa'],
    find(text, at) {
        if (!text.startsWith(':AA', at))
            return undefined;
        let start = at;
        while (start > 0 &&
            at - start < 11 &&
            text.charCodeAt(start - 1) >= 48 &&
            text.charCodeAt(start - 1) <= 57)
            start--;
        const m = matchAt(TOKEN, text, start);
        return m ? judge(m[0], m.groups.body, start) : undefined;
    },
    samples: {
        match: () => [
            `https://api.telegram.org/bot${fake(1, '123456789', 'tg-1')}${fake(9, DIGITS, 'tg-2')}:AA${fake(33, B64URL, 'tg-3')}/sendMessage`,
        ],
        noMatch: () => [
            'x?a:aa',
            'TELEGRAM_TOKEN=123456789:AA' + 'x'.repeat(33),
            '123:AA' + fake(33, B64URL, 'tg-4'),
            'TELEGRAM_TOKEN=<bot-id>:AA<secret>',
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/twilio.js






// A Twilio SID (`AC\u2026` account, `SK\u2026` API key) is an identifier; the secret is the auth token or
// API key secret next to it, which has no prefix. Both are looked for near the word "twilio",
// where a SID is, and must be bound to it: named as Twilio names it (`authToken`,
// `TWILIO_AUTH_TOKEN`, `apiSecret`) or the next item after the SID (`twilio("AC\u2026", "\u2026")`).
// Mailgun (`key-` + 32 hex) and Mailchimp (32 hex + `-us12`) keys nearby are not Twilio's.
const START = boundary('A-Za-z0-9');
const SID = new RegExp(`${START}(AC|SK)([0-9a-f]{32})(?![A-Za-z0-9])`, 'g');
const HEX32 = new RegExp(`${START}[0-9a-f]{32}(?![A-Za-z0-9])`, 'g');
const ALNUM32 = new RegExp(`${START}[A-Za-z0-9]{32}(?![A-Za-z0-9])`, 'g');
const NEAR = { keywords: ['twilio'], before: 512, after: 512 };
const AUTH_TOKEN_NAME = /^(?:twilio)?(?:account)?(?:auth)?token$/;
const API_SECRET_NAME = /^(?:twilio)?(?:api)?(?:key)?secret$/;
const afterSid = {
    AC: nextAfter(`${START}AC[0-9a-f]{32}`, 34),
    SK: nextAfter(`${START}SK[0-9a-f]{32}`, 34),
};
function secretsNear(kind, re, names, keep) {
    return (text, from, to) => {
        const sids = matchesIn(SID, text, from, to);
        if (!sids.some((m) => m[1] === kind && !doubt(m[2])))
            return [];
        const bound = (at) => afterSid[kind](text, at) || names.test(nameOf(text, at) ?? '');
        return matchesIn(re, text, from, to).flatMap((m) => (keep(m[0]) && bound(m.index) && judge(m[0], m[0], m.index)) || []);
    };
}
const sid = (kind, seed) => kind + fake(32, HEX, seed);
const twilioAuthToken = defineDetector({
    id: 'secret/twilio-auth-token',
    title: 'Twilio auth token',
    provider: 'Twilio',
    description: 'A Twilio auth token (32 hex characters) near a Twilio account SID (`AC\u2026`), named as one (`authToken`, `TWILIO_AUTH_TOKEN`) or the next item after the SID.',
    priority: PRIORITY.token,
    near: { ...NEAR, find: secretsNear('AC', HEX32, AUTH_TOKEN_NAME, () => true) },
    samples: {
        match: () => [
            `TWILIO_ACCOUNT_SID=${sid('A' + 'C', 'tw-1')}\nTWILIO_AUTH_TOKEN=${fake(32, HEX, 'tw-2')}\n`,
            `const client = require('twilio')('${sid('A' + 'C', 'tw-3')}', '${fake(32, HEX, 'tw-4')}')`,
        ],
        noMatch: () => [
            `TWILIO_ACCOUNT_SID=${sid('A' + 'C', 'tw-5')}\nTWILIO_AUTH_TOKEN=your_auth_token\n`,
            "const client = require('twilio')(process.env.TWILIO_SID, process.env.TWILIO_TOKEN)",
            `TWILIO_ACCOUNT_SID=ACXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX\nTWILIO_AUTH_TOKEN=${'0'.repeat(32)}`,
            // a hash near the word twilio, without a SID
            `twilio@4.0.0 integrity md5-${fake(32, HEX, 'tw-6')}`,
            // other providers' keys beside a Twilio SID
            `TWILIO_ACCOUNT_SID=${sid('A' + 'C', 'tw-10')}\nMAILGUN_API_KEY=key-${fake(32, HEX, 'tw-11')}\nMAILCHIMP_API_KEY=${fake(32, HEX, 'tw-12')}-us12\n`,
            `const twilio = { sid: "${sid('A' + 'C', 'tw-13')}" }, mailgun = { key: "${fake(32, HEX, 'tw-14')}" }`,
        ],
    },
});
const twilioApiKey = defineDetector({
    id: 'secret/twilio-api-key',
    title: 'Twilio API key secret',
    provider: 'Twilio',
    description: 'A Twilio API key secret (32 characters) near a Twilio API key SID (`SK\u2026`), named as one (`apiSecret`, `TWILIO_API_SECRET`) or the next item after the SID.',
    priority: PRIORITY.token,
    near: {
        ...NEAR,
        find: secretsNear('SK', ALNUM32, API_SECRET_NAME, (s) => /[A-Z]/.test(s) && /[a-z]/.test(s) && /[0-9]/.test(s)),
    },
    samples: {
        match: () => [
            `twilio(${JSON.stringify(sid('S' + 'K', 'tw-7'))}, ${JSON.stringify(fake(32, ALNUM, 'tw-8'))}, { accountSid })`,
            `twilio:\n  apiKey: ${sid('S' + 'K', 'tw-15')}\n  apiSecret: ${fake(32, ALNUM, 'tw-16')}\n`,
        ],
        noMatch: () => [
            `twilio(${JSON.stringify(sid('S' + 'K', 'tw-9'))}, apiSecret, { accountSid })`,
            `twilio:\n  apiKey: ${sid('S' + 'K', 'tw-17')}\nalgolia:\n  adminKey: ${fake(32, ALNUM, 'tw-18')}\n`,
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/url-credentials.js





const DATABASE_SCHEMES = new Set([
    'postgres',
    'postgresql',
    'mysql',
    'mariadb',
    'mongodb',
    'mongodb+srv',
    'redis',
    'rediss',
    'amqp',
    'amqps',
    'mssql',
    'sqlserver',
    'oracle',
    'cockroachdb',
    'clickhouse',
    'couchdb',
    'neo4j',
    'neo4j+s',
    'bolt',
    'memcached',
    'cassandra',
]);
const SCHEME = /(?:\\[nrt]|^|[^A-Za-z0-9+.-])([A-Za-z][A-Za-z0-9+.-]{1,19})$/;
// user ':' password '@' host, after `://`. The password allows what RFC 3986 allows unencoded
// plus %XX escapes: no quotes, braces, angle brackets or `/`, so code that builds a URL
// (`"://" + user + ":"`), templates (`${PASS}`, `{{pass}}`, `<password>`) and regexes never match.
const CREDENTIALS = /(?<user>[A-Za-z0-9._~%+-]{0,128}):(?<password>(?:[A-Za-z0-9._~!$&*+,;=-]|%[0-9A-Fa-f]{2}){1,256})@(?<host>[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,10}|\[[0-9A-Fa-f:.]{2,45}\])(?![A-Za-z0-9.-]{0,253}@)/y;
const DEFAULTS = new Set('password passwd pass pwd pass123 password1 secret admin root guest user username demo default letmein qwerty changeit postgres mysql redis mongo mongodb rabbitmq sa oracle neo4j token apikey'.split(' '));
const PLACEHOLDER = /passw|secret|example|your|xxx|changeme|placeholder|redacted|\*\*\*/i;
/** Names reserved for examples (RFC 2606, RFC 6761): `example.com/.net/.org`, `*.example`, `*.test`, `*.invalid`. */
const EXAMPLE_HOST = /(?:^|\.)example\.(?:com|net|org)$|\.(?:example|test|invalid)$/i;
/** This machine only: `localhost`, `*.localhost`, 127.0.0.0/8, `[::1]`. */
const LOCAL_HOST = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])$|\.localhost$/i;
/**
 * What must follow `://` for CREDENTIALS to match there (user, `:`, password characters, `@`):
 * URLs are everywhere in code, and this keeps the scanner from stopping at each one.
 */
const GUARDS = { '://': '[A-Za-z0-9._~%+-]{0,128}:[A-Za-z0-9._~!$&*+,;=%-]{1,768}@' };
/** How both URL rules judge a password in documentation, for docs/rules.md. */
const IN_DOCS = 'a warning inside documentation (`*.md`, `*.markdown`, `*.rst`, `*.txt`, `*.adoc`, files under `docs/` or `doc/`): a URL there is most often a connection example.';
/** Both rules ask about the same `://`: the second gets the first one's answer. */
const credentials = (text, at, ctx) => ctx.memo('url-credentials', at, () => inDocs(judgeUrl(text, at), ctx.file));
/**
 * A password in a URL inside documentation (a README's connection example) is a warning: it
 * has no provider format to tell a real one from an example, and what a README shows is almost
 * always an example.
 */
function inDocs(found, file) {
    if (!found || found.hit.unverified || docsOrTests(file) !== 'documentation')
        return found;
    const why = 'a URL in documentation: a warning, as such URLs are most often examples';
    return { ...found, hit: { ...found.hit, severity: 'warning', why } };
}
function judgeUrl(text, at) {
    const m = matchAt(CREDENTIALS, text, at + 3);
    if (!m)
        return undefined;
    const scheme = SCHEME.exec(text.slice(Math.max(0, at - 21), at));
    if (!scheme)
        return undefined;
    const { user, password, host } = m.groups;
    const decoded = password.replace(/%([0-9A-Fa-f]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16)));
    if (decoded.length < 6 ||
        decoded.toLowerCase() === user.toLowerCase() ||
        DEFAULTS.has(decoded.toLowerCase()) ||
        PLACEHOLDER.test(decoded) ||
        decoded.startsWith('$') ||
        EXAMPLE_HOST.test(host))
        return undefined;
    const start = at + 3 + user.length + 1;
    const hit = judge(password, password, start, {
        verify: () => (LOCAL_HOST.test(host) ? 'a local development host' : undefined),
    });
    return hit && { hit, database: DATABASE_SCHEMES.has(scheme[1].toLowerCase()) };
}
const pw = (seed) => fake(16, ALNUM, seed);
/** `postgres://user:password@host` and other database URLs with a password in them. */
const databaseUrl = defineDetector({
    id: 'secret/database-url',
    title: 'password in a database URL',
    provider: 'generic',
    description: 'A database or broker URL with an embedded password (`postgres://`, `mysql://`, `mongodb+srv://`, `redis://`, `amqp://` \u2026) on a real host: any but `localhost`, `127.0.0.0/8`, `[::1]` and `*.localhost` (unverified) and the reserved example names `example.com/.net/.org`, `*.example`, `*.test`, `*.invalid`; `db`, `*.local` and `*.internal` are real.',
    priority: PRIORITY.generic,
    judged: IN_DOCS,
    keywords: ['://'],
    guards: GUARDS,
    find(text, at, ctx) {
        const found = credentials(text, at, ctx);
        return found?.database ? found.hit : undefined;
    },
    samples: {
        match: () => [
            `DATABASE_URL=postgres://app:${pw('db-1')}@db.prod.acme.io:5432/app`,
            `mongoose.connect("mongodb+srv://svc:${pw('db-2')}@cluster0.ab1cd.mongodb.net/app")`,
            `redis://:${pw('db-3')}@cache.acme.io:6379`,
            `jdbc:mysql://root:${pw('db-4')}@10.0.4.12:3306/shop`,
            // internal, one-word and mDNS hosts are real hosts
            `postgres://orders:${pw('db-7')}@orders-db.prod.acme.internal:5432/orders`,
            `DATABASE_URL=postgres://app:${pw('db-8')}@db:5432/app`,
            `mongodb://admin:${pw('db-9')}@postgres/admin`,
            `redis://:${pw('db-10')}@cache.local:6379`,
            `amqp://svc:${pw('db-11')}@host.docker.internal:5672`,
        ],
        noMatch: () => [
            'postgres://user:password@localhost:5432/db',
            'postgres://postgres:postgres@db:5432/postgres',
            'mongodb://localhost:27017/test',
            'DATABASE_URL=postgres://${DB_USER}:${DB_PASS}@${DB_HOST}/app',
            'mysql://user:<password>@host/db',
            'postgresql://{{user}}:{{password}}@{{host}}/db',
            'amqp://guest:guest@localhost:5672',
            'const url = "postgres://" + user + ":" + pass + "@" + host',
            `postgres://app:${pw('db-5')}@db.example.com/app`,
            'redis://:$REDIS_PASSWORD@cache:6379',
            'postgres://app:%s@%s/app',
            // reserved example names, and default passwords on any host
            `postgres://app:${pw('db-12')}@db.example:5432/app`,
            `mysql://app:${pw('db-13')}@mysql.test/app`,
            `redis://:${pw('db-14')}@cache.invalid:6379`,
            'postgres://postgres:postgres@orders-db.prod.acme.internal/app',
            'mysql://root:changeme@db/app',
        ],
        unverified: () => [
            `postgres://app:${pw('db-6')}@localhost:5432/app`,
            `postgres://app:${pw('db-15')}@127.0.0.2:5432/app`,
            `redis://:${pw('db-16')}@[::1]:6379`,
            `mongodb://app:${pw('db-17')}@api.localhost/app`,
        ],
    },
});
/** `https://user:password@host` and other URLs with a password in them. */
const urlCredentials = defineDetector({
    id: 'secret/url-credentials',
    title: 'password in a URL',
    provider: 'generic',
    description: 'A URL with an embedded password (`https://user:password@host`, `ftp://`, `smtp://` \u2026) on a real host, judged as for `secret/database-url`.',
    priority: PRIORITY.generic,
    judged: IN_DOCS,
    keywords: ['://'],
    guards: GUARDS,
    find(text, at, ctx) {
        const found = credentials(text, at, ctx);
        return found && !found.database ? found.hit : undefined;
    },
    samples: {
        match: () => [
            `registry=https://deploy:${pw('url-1')}@npm.acme.io/`,
            `smtp://mailer:${pw('url-2')}@smtp.acme.io:587`,
            `https://deploy:${pw('url-3')}@nexus.corp.internal/repository/npm/`,
        ],
        noMatch: () => [
            'https://user:pass@example.com/',
            'https://username:password@github.com/o/r.git',
            'git+ssh://git@github.com:org/repo.git',
            'https://cdn.acme.io:8443/a@b',
            'https://x-access-token:${TOKEN}@github.com/o/r.git',
            'const re = /^(\\w+):\\/\\/([^:]+):([^@]+)@/',
            'new RegExp("^https?://([^:]+):([^@]+)@")',
            'http://localhost:3000/@fs/src/main.ts',
            `https://deploy:${pw('url-4')}@registry.example.org/`,
        ],
        unverified: () => [`http://admin:${pw('url-5')}@localhost:8080/`],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/index.js




























/** Every secret detector, one rule id each, in the order docs/rules.md lists them. */
const DETECTORS = [
    githubToken,
    githubFineGrainedToken,
    npmToken,
    awsAccessKeyId,
    awsSecretAccessKey,
    googleApiKey,
    googleOauthClientSecret,
    googleServiceAccount,
    slackToken,
    slackAppToken,
    slackWebhook,
    stripeSecretKey,
    stripeWebhookSecret,
    anthropicApiKey,
    anthropicAdminKey,
    openaiApiKey,
    huggingfaceToken,
    gitlabToken,
    gitlabRunnerToken,
    pypiToken,
    dockerhubToken,
    twilioAuthToken,
    twilioApiKey,
    sendgridApiKey,
    discordBotToken,
    discordWebhook,
    telegramBotToken,
    azureStorageKey,
    azureSharedAccessKey,
    shopifyToken,
    digitaloceanToken,
    postmanApiKey,
    ageSecretKey,
    supabaseServiceRoleKey,
    ...INFRA_DETECTORS,
    ...SERVICE_DETECTORS,
    jwt,
    privateKey,
    kubeconfigClientKey,
    databaseUrl,
    urlCredentials,
];

;// CONCATENATED MODULE: ./build/src/rules/secrets/scan.js


/** The built-in detectors, compiled when a scan first needs them. */
const secretScan = new SecretScan(() => DETECTORS);
/** Scans one latin1 text with the built-in detectors (see SecretScan.text). */
function scanSecrets(text, file, report, mask) {
    secretScan.text(text, file, report, mask);
}
/** Scans a file's bytes with the built-in detectors (see SecretScan.bytes). */
function scanBytes(content, file, report, mask) {
    secretScan.bytes(content, file, report, mask);
}
/** A sink for a streamed file, scanned with the built-in detectors (see SecretScan.sink). */
function secretSink(file, report, mask, sizes) {
    return secretScan.sink(file, report, mask, sizes);
}
/** See Scanner.skim, with the built-in detectors. */
function skimSecrets(raw) {
    return secretScan.skim(raw);
}
/** A streamed file's window scan with the built-in detectors. */
function windowScan() {
    return new WindowScan(secretScan);
}

;// CONCATENATED MODULE: ./build/src/scan-worker.js
// The secret-scanning worker thread (bundled alone as dist/worker/index.js): it receives text
// and bytes from the main thread in batches and sends back findings, in order.



const port = external_node_worker_threads_namespaceObject.parentPort;
if (!port)
    throw new Error('scan-worker: not started as a worker thread');
const handler = new JobHandler(secretScan);
port.on('message', (req) => {
    const reply = handler.handle(req);
    port.postMessage(reply, 'buffers' in reply ? reply.buffers : undefined);
});

