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

;// CONCATENATED MODULE: ./build/src/rules/secrets/kit/credential-names.js
// What makes a key name a credential's, shared by the base64 pass (engine/base64-values.ts) and
// the generic detector (detectors/generic-credential.ts), so both read the same names.
/** Stems of credential names: a key whose name holds one is named like a credential. */
const CREDENTIAL_STEMS = ['token', 'secret', 'passw', 'pwd', 'auth', 'key', 'cred'];
/**
 * The last word of a name that holds a credential itself (lower case, without separators):
 * `STRIPE_SECRET_KEY`, `clientSecret`, `auth-token`, `db.password`. A name that goes on after it
 * names something about the credential (`tokenUrl`, `passwordField`, `secretName`), not the
 * credential; `key` alone is any key (`cacheKey`, `publicKey`).
 */
const CREDENTIAL_ENDINGS = [
    'token',
    'secret',
    'password',
    'passwd',
    'pwd',
    'auth',
    'authorization',
    'apikey',
    'secretkey',
    'privatekey',
];
/**
 * Each ending as names write it: `apiKey`, `api_key`, `api-key`, `API-KEY` (matched ignoring
 * case). `secretkey` is `secret` with a `key` after it, and `authorization` is `auth` going on,
 * which the generic detector's guard allows. `privatekey` is left to the private-key detector (a
 * key is found by its PEM header): its `pri` is in every `print` and `private`.
 */
const CREDENTIAL_SPELLINGS = CREDENTIAL_ENDINGS.flatMap((w) => {
    if (w === 'secretkey' || w === 'authorization' || w === 'privatekey')
        return [];
    const two = /^(api)(key)$/.exec(w);
    return two ? [w, `${two[1]}_${two[2]}`, `${two[1]}-${two[2]}`] : [w];
});

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
const KEY = new RegExp(`(?:${CREDENTIAL_STEMS.join('|')})[\\w.-]{0,40}["']?[ \\t]*$`, 'i');
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
/**
 * Printable ASCII and line breaks, all but a few bytes: text, not a random key's bytes. Text
 * from its first byte: a prefixed token (`ops_eyJ\u2026`) decodes to text only after its prefix, and
 * is its provider's to judge, not encoded text.
 */
function mostlyText(b) {
    for (let i = 0; i < 3; i++)
        if ((b[i] < 0x20 && b[i] !== 0x09 && b[i] !== 0x0a) || b[i] > 0x7e)
            return false;
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
    trigrams: [2108789, 2960685, 2960757, 2976613, 3039604, 3105136, 3174782, 3240318, 3305854, 3371390, 3436926, 3502462, 3567998, 3633534, 3699070, 3764606, 3813167, 3826017, 3826032, 6382185, 6382188, 6382435, 6383461, 6383986, 6383994, 6384483, 6384489, 6384743, 6384745, 6385769, 6386529, 6386537, 6386547, 6386785, 6386786, 6388324, 6388341, 6448484, 6450037, 6452583, 6513010, 6513513, 6513776, 6514273, 6514288, 6514293, 6514303, 6515058, 6515813, 6515823, 6516086, 6516580, 6516584, 6516585, 6516590, 6516607, 6517345, 6578544, 6578548, 6579051, 6579297, 6579312, 6579315, 6579319, 6579327, 6579557, 6579574, 6580595, 6582127, 6582128, 6582130, 6582318, 6582895, 6583344, 6644065, 6646885, 6647414, 6650218, 6709603, 6709619, 6711655, 6711663, 6711666, 6712439, 6712625, 6712626, 6713137, 6776174, 6776943, 6776944, 6776946, 6776947, 6776949, 6777204, 6777953, 6777955, 6777956, 6777958, 6777961, 6777967, 6777968, 6777970, 6777971, 6778723, 6779441, 6779755, 6840690, 6841185, 6841196, 6841208, 6841714, 6841716, 6841983, 6844270, 6844271, 6845035, 6846050, 6846066, 6846067, 6909556, 7038329, 7102837, 7103587, 7104878, 7106407, 7107446, 7107681, 7168361, 7168372, 7169395, 7170419, 7170687, 7233904, 7234936, 7235184, 7235442, 7237492, 7237741, 7238241, 7238249, 7238250, 7238258, 7238766, 7239015, 7239265, 7299956, 7302004, 7303283, 7304564, 7354469, 7364967, 7364979, 7364980, 7365491, 7367777, 7368033, 7368309, 7368563, 7368812, 7369571, 7370092, 7370099, 7370100, 7370596, 7371120, 7433590, 7435124, 7496041, 7496058, 7497072, 7498623, 7499364, 7499628, 7501154, 7502448, 7561840, 7561855, 7562081, 7562103, 7562595, 7562606, 7562610, 7563054, 7563120, 7563361, 7563369, 7563376, 7564077, 7564078, 7564159, 7564916, 7564921, 7565166, 7565409, 7565616, 7565665, 7565680, 7565685, 7615330, 7628400, 7628656, 7630695, 7630699, 7631457, 7631723, 7632745, 7696499, 7697512, 7745838, 7758689, 7758697, 7758699, 7758704, 7758706, 7759218, 7760243, 7761774, 7763308, 7823726, 7824738, 7825523, 7875937, 7889257, 7889264, 7891245, 7891327, 7891813, 7892856, 7893869, 8021358],
    tables: 'f9384ce354609919c9828901308d6444000084c800007fff000000000000000050ec5217304547668a31080d329226950000808400003ff90000000000000000befb7d595fae365a255b685015c1eb9f0000c3900000ffff0000000000000000',
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
 * once after the pass, merged with overlapping windows. One keyword matches at a position: the
 * longest whose guard passes.
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
    // A guarded keyword must be a keyword of its detectors only: a guard would hide it from others.
    for (const k of guards.keys())
        if (nearKeyword.has(k) || atKeyword.get(k)?.some((d) => !d.guards?.[k]))
            throw new Error(`internal: keyword '${k}' is guarded for some detectors only`);
    const escape = (k) => k.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
    // Longest first: where one keyword is a prefix of another (`secret`, `secret_access_key`), the
    // longer one is tried first, and the shorter where the longer does not match (or its guard fails).
    const source = [...keywords]
        .sort((a, b) => b.length - a.length)
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
 * characters for its length (`aaaa\u2026`, `0000\u2026`), mostly made of counting or repeated runs
 * (`abcdef\u2026`, `123456\u2026`, `1234567890abcdef`), a short unit repeated (`abcabc\u2026`), or made only of
 * words and counting or repeated runs (`key_1234`, `PersonalAccessToken0000`). A run inside a
 * random body (`\u2026x7Q1234kP\u2026`, the `AAAA` of an OpenSSH key) covers too little of it to count.
 */
function madeUp(s) {
    seen.fill(0);
    let distinct = 0;
    for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i) & 0xff;
        if (!seen[c]) {
            seen[c] = 1;
            distinct++;
        }
    }
    if (distinct < Math.min(10, Math.max(3, s.length / 4)) || runCover(s) * 2 >= s.length)
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
/**
 * How many characters of `s` are in runs of four or more that count up or down by one or stay
 * equal (digits wrap: `7890`). Random text has few: a run of four is about one in a thousand
 * places of base64, one in a hundred of hex.
 */
function runCover(s) {
    let covered = 0;
    let counted = 0; // characters before this one are counted
    let i = 0;
    while (i < s.length - 1) {
        const d = stepOf(s.charCodeAt(i), s.charCodeAt(i + 1));
        if (Number.isNaN(d)) {
            i++;
            continue;
        }
        let j = i + 1;
        while (j + 1 < s.length && stepOf(s.charCodeAt(j), s.charCodeAt(j + 1)) === d)
            j++;
        if (j - i >= 3) {
            covered += j + 1 - Math.max(i, counted);
            counted = j + 1;
        }
        i = j;
    }
    return covered;
}
/** -1, 0 or 1 from one character to the next (digits wrap), else NaN. */
function stepOf(a, b) {
    let d = b - a;
    if (a >= 0x30 && a <= 0x39 && b >= 0x30 && b <= 0x39) {
        if (d === -9)
            d = 1;
        else if (d === 9)
            d = -1;
    }
    return d >= -1 && d <= 1 ? d : NaN;
}
/** Letters of one word (`key`, `Token`, `API`), digits, or anything else (separators). */
const PIECE = /[A-Z]?[a-z]+|[A-Z]+(?![a-z])|[0-9]+|[^A-Za-z0-9]+/g;
const WORD = /^(?:[A-Z]?[a-z]{1,23}|[A-Z]{2,24})$/;
/** A word has a vowel and no four consonants in a row; random letters (`Qxkmrv`, `PQ`) seldom do. */
const SPOKEN = /^(?=.*[aeiouy])(?!.*[b-df-hj-np-tv-xz]{4})/i;
/**
 * Whether a value is made of words, separators and runs only, with at least one run: each
 * digit group counts (`1234`, `7890`, `9876`) or repeats (`0000`). Random text falls apart
 * at its first lone digit or jumble of letters that no one would say.
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
        else if (digits || (letters && (piece.length < 2 || !WORD.test(piece) || !SPOKEN.test(piece))))
            return false;
    }
    return runs > 0;
}
/** A word as names spell it: a vowel, and no five consonants in a row (`Background` is one). */
const SAYABLE = /^(?=.*[aeiouy])(?!.*[b-df-hj-np-tv-xz]{5})/i;
/**
 * Whether a value is only words and separators, with at most a short number: an identifier or
 * a label (`selectedBackground`, `PRIMARY_ACCOUNT_JWT`, `?InterpolationInJSX`), not a generated
 * value. Abbreviations of up to three letters (`SM`, `Bg`, `JSX`) pass; longer pieces must be
 * words and hold two thirds of the letters.
 */
function madeOfWords(s) {
    let digits = 0;
    let letters = 0;
    let inWords = 0;
    PIECE.lastIndex = 0;
    for (let m = PIECE.exec(s); m; m = PIECE.exec(s)) {
        const piece = m[0];
        const code = piece.charCodeAt(0);
        if (code >= 0x30 && code <= 0x39)
            digits += piece.length;
        if (!/^[A-Za-z]/.test(piece))
            continue;
        letters += piece.length;
        if (piece.length <= 3)
            continue;
        if (!(WORD.test(piece) && SAYABLE.test(piece)))
            return false;
        inWords += piece.length;
    }
    return digits <= 4 && inWords * 3 >= letters * 2;
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

;// CONCATENATED MODULE: ./build/src/rules/secrets/kit/marker.js

/**
 * A token whose distinctive part is not at its start (`<14 chars>.atlasv1.\u2026`, `\u2026:APA91b\u2026`):
 * the keyword is that part, and the pattern is matched from `before` characters ahead of it.
 */
function markerDetector(spec) {
    const d = tokenDetector(spec);
    const find = d.find;
    return {
        ...d,
        find: (text, at, ctx) => (at >= spec.before ? find(text, at - spec.before, ctx) : undefined),
    };
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
/** base64 of `BedrockAPIKey-`: every long-term key is `ABSK` and the base64 of that and more. */
const BEDROCK = 'QmVkcm9ja0FQSUtleS';
const bedrockKey = (seed) => 'AB' +
    'SK' +
    Buffer.from(`BedrockAPIKey-${fake(8, BASE32, seed)}-at-${fake(12, '0123456789', seed)}:${fake(60, B64, seed)}`).toString('base64');
/** Found at the base64 of `BedrockAPIKey-`, then matched from the `ABSK` before it. */
const awsBedrockApiKey = markerDetector({
    id: 'secret/aws-bedrock-api-key',
    title: 'Amazon Bedrock API key',
    provider: 'AWS',
    description: 'An Amazon Bedrock long-term API key (`ABSK` + the base64 of `BedrockAPIKey-\u2026:\u2026`, 110-270 characters).',
    keywords: [BEDROCK],
    before: 4,
    pattern: `${B}ABSK(?<body>${BEDROCK}[A-Za-z0-9+/]{90,250}={0,2})(?![A-Za-z0-9+/=_-])`,
    verify: (m) => /^BedrockAPIKey-/.test(Buffer.from(m.groups.body, 'base64').toString('latin1'))
        ? undefined
        : 'it does not decode to a Bedrock API key',
    samples: {
        match: () => [`AWS_BEARER_TOKEN_BEDROCK=${bedrockKey('bedrock-1')}`],
        noMatch: () => [
            `AWS_BEARER_TOKEN_BEDROCK=AB${'SK'}${BEDROCK}...`,
            `AWS_BEARER_TOKEN_BEDROCK=${bedrockKey('bedrock-2').slice(0, 60)}`,
            `const prefix = "AB${'SK'}${BEDROCK}"`,
        ],
        unverified: () => [`AB${'SK'}${BEDROCK}${fake(120, B64, 'bedrock-3')}`],
    },
});
/** base64 of `bedrock.amazonaws.com`: a short-term key is a presigned URL, base64-encoded. */
const BEDROCK_HOST = 'YmVkcm9jay5hbWF6b25hd3MuY29t';
/** Valid for at most 12 hours, so a warning: it has likely expired when the package ships. */
const awsBedrockShortTermKey = tokenDetector({
    id: 'secret/aws-bedrock-short-term-key',
    title: 'Amazon Bedrock short-term API key',
    provider: 'AWS',
    description: 'An Amazon Bedrock short-term API key (`bedrock-api-key-` + a base64 presigned URL). It lasts at most 12 hours, so it is a warning.',
    severity: 'warning',
    keywords: ['bedrock-api-key-'],
    guards: { 'bedrock-api-key-': BEDROCK_HOST },
    pattern: `${B}bedrock-api-key-(?<body>${BEDROCK_HOST}[A-Za-z0-9+/]{100,3000}={0,2})(?![A-Za-z0-9+/=_-])`,
    samples: {
        // (the documented example key id inside it, so that only the short-term key is reported)
        match: () => [
            `AWS_BEARER_TOKEN_BEDROCK=bedrock-api-key-${Buffer.from(`bedrock.amazonaws.com/?Action=CallWithBearerToken&X-Amz-Credential=${['AKIA', 'IOSFODNN7', 'EXAMPLE'].join('')}&X-Amz-Security-Token=${fake(200, B64, 'brs-2')}&Version=1`).toString('base64')}`,
        ],
        noMatch: () => [
            `token = "bedrock-api-key-${BEDROCK_HOST}..."`,
            'const PREFIX = "bedrock-api-key-"',
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
const ENTRA = 'A-Za-z0-9_~.';
const entraSecret = (seed, digit = '8') => fake(3, 'abcXYZ_.~', seed) +
    digit +
    'Q' +
    '~' +
    fake(34, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_~.-', seed + 'b');
/** Found at the digit before `Q~` (the fixed part of every client secret since 2021). */
const azureEntraClientSecret = markerDetector({
    id: 'secret/azure-entra-client-secret',
    title: 'Microsoft Entra ID client secret',
    provider: 'Microsoft Azure',
    description: 'A Microsoft Entra ID (Azure AD) application client secret: 3 characters, a digit, `Q~`, 31-34 characters.',
    keywords: [...'0123456789'].map((d) => `${d}q~`),
    before: 3,
    pattern: `${boundary(ENTRA + '-')}[${ENTRA}]{3}\\dQ~(?<body>[${ENTRA}-]{31,34})(?![${ENTRA}-])`,
    shown: 0,
    verify: (m) => /[0-9]/.test(m.groups.body) && /[A-Za-z]/.test(m.groups.body) ? undefined : false,
    samples: {
        match: () => [
            `AZURE_CLIENT_SECRET=${entraSecret('entra-1')}`,
            `{"clientId": "${'0'.repeat(8)}-1111-2222-3333-${'4'.repeat(12)}", "clientSecret": "${entraSecret('entra-2', '7')}"}`,
        ],
        noMatch: () => [
            'AZURE_CLIENT_SECRET=abc8Q~' + 'x'.repeat(34),
            'AZURE_CLIENT_SECRET=<client-secret>',
            `AZURE_CLIENT_SECRET=${entraSecret('entra-3').slice(0, 30)}`,
            'path: ~/a1Q~b',
        ],
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
/** A line of a doc comment (`/** ... *\/`, JSDoc): whitespace, then `*`, then not `/`. */
const DOC_COMMENT_LINE = /^[ \t]*\*(?!\/)/;
/**
 * Whether the line `start` is on is a doc-comment line: an `@example` in a bundled SDK. Only the
 * 1,000 characters before `start` are read, so a text of many hits and no line break stays
 * linear (a line that starts further back is not taken for one).
 */
function inDocComment(text, start) {
    const from = Math.max(0, start - 1000);
    const nl = text.slice(from, start).lastIndexOf('\n');
    if (nl < 0 && from > 0)
        return false;
    const line = from + nl + 1;
    return DOC_COMMENT_LINE.test(text.slice(line, Math.min(start, line + 200)));
}

;// CONCATENATED MODULE: ./build/src/rules/secrets/kit/credential-value.js



/**
 * Hex digests (MD5, SHA-1, SHA-256, SHA-384, SHA-512): checksums, not credentials; behind a
 * two-letter type (Twilio's `AC\u2026`, `SK\u2026`), an id.
 */
const DIGEST = /^(?:[A-Z]{2})?(?:[0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{64}|[0-9a-f]{96}|[0-9a-f]{128})$/i;
/** Subresource integrity (`sha512-\u2026`) and crypt hashes (`$2b$\u2026` bcrypt, `$argon2id$`, `$6$`). */
const HASHED = /^(?:(?:sha(?:1|256|384|512)|md5)-|\$(?:2[abxy]?|argon2(?:id|i|d)|[156]|pbkdf2[\w-]*|scrypt)\$)/i;
/** An Ethereum address (`0x` and 40 hex digits): public. */
const ADDRESS = /^0x[0-9a-fA-F]{40}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Lookups and template slots: `$VAR`, `${VAR}`, `%VAR%`, `{{ .Values.x }}`, `#{x}`, `process.env.X`, `os.environ[...]`. */
const LOOKUP = /^(?:\$[{(]?[A-Za-z_]|%[A-Za-z_]\w*%|\{\{|#\{|@\{|process\.env|import\.meta\.env|os\.environ|os\.getenv|ENV\[|System\.getenv)/;
/** A reference (`config.apiKey`, `this.token`, `a.b.c`), a host or a file name: dotted words. */
const DOTTED = /^[A-Za-z_$][\w$-]*(?:\.[A-Za-z_$][\w$-]*)+$/;
/** URLs and paths. */
const URL_OR_PATH = /:\/\/|^(?:[~.]{0,2}\/|[A-Za-z]:\\)|\\/;
/** Example files and folders (`apis/s3.examples.json`, `examples/`): what they hold is an example. */
const EXAMPLES = /example/i;
/** Names a label or a field would have: the value names a credential instead of being one. */
const LABEL = /token|secret|passw|api[_-]?key|bearer/i;
const counts = new Uint32Array(256);
/** Shannon entropy, bits per character (of latin1 text, as the scanner reads it). */
function entropy(s) {
    counts.fill(0);
    for (let i = 0; i < s.length; i++)
        counts[s.charCodeAt(i) & 0xff]++;
    let h = 0;
    for (let c = 0; c < 256; c++) {
        if (!counts[c])
            continue;
        const p = counts[c] / s.length;
        h -= p * Math.log2(p);
    }
    return h;
}
/** How many kinds of characters: lower case, upper case, digits, others. */
function kinds(s) {
    return (Number(/[a-z]/.test(s)) +
        Number(/[A-Z]/.test(s)) +
        Number(/[0-9]/.test(s)) +
        Number(/[^A-Za-z0-9]/.test(s)));
}
/** Shortest credential judged, by kind: a password of 8 mixed characters, anything else 16. */
const MIN_LENGTH = { password: 8, other: 16 };
/** Least entropy (bits a character) of a credential: what keeps real packages quiet. */
const MIN_ENTROPY = { password: 2.75, other: 3.2 };
/** Least kinds of characters. */
const MIN_KINDS = { password: 3, other: 2 };
/** Judges a literal assigned to a credential-named key. */
function judgeCredential(value, kind) {
    if (value.length < MIN_LENGTH[kind] || value.length > 256 || /[^\x21-\x7e]/.test(value))
        return 'no';
    if (DIGEST.test(value) ||
        HASHED.test(value) ||
        UUID.test(value) ||
        ADDRESS.test(value) ||
        LOOKUP.test(value) ||
        DOTTED.test(value) ||
        URL_OR_PATH.test(value) ||
        LABEL.test(value) ||
        value.startsWith('eyJ') // a JWT: the jwt detector judges those
    )
        return 'no';
    if (kinds(value) < MIN_KINDS[kind] || entropy(value) < MIN_ENTROPY[kind])
        return 'no';
    const d = doubt(value);
    if (d === 'placeholder')
        return d;
    // `SomeLongIdentifierName`, `PAYMENT_GATEWAY`: words, not generated
    if (kind === 'other' && madeOfWords(value))
        return 'no';
    return d;
}
/**
 * The hit for a literal at `start` of a file, judged: none when it is no credential; unverified
 * when it looks like a test value or sits in test code. A base64 literal of text (a Secret's
 * `data:`, a config's `password: czNjcjN0\u2026`) is judged by the text it stands for.
 */
function credentialHit(value, start, kind, where) {
    const decoded = decodedText(value);
    // In a config file the base64 pass decodes such a value and every detector judges the text:
    // a provider token inside is found there, so the literal is not reported twice. A
    // Kubernetes Secret's values are judged here, whatever their names.
    if (decoded !== undefined && isConfigFile(where.file) && !where.manifest)
        return undefined;
    const judged = decoded ?? value;
    // an enum-like constant: `CLIENT_AUTH = "client_auth"`
    if (where.name && judged.replace(/[^A-Za-z0-9]/g, '').toLowerCase() === where.name)
        return undefined;
    const verdict = judgeCredential(judged, decoded !== undefined ? 'password' : kind);
    if (verdict === 'no' || verdict === 'placeholder')
        return undefined;
    const hit = { start, end: start + value.length, value, shown: 0 };
    const place = docsOrTests(where.file);
    if (verdict === 'test')
        hit.unverified = 'looks like a test value';
    else if (place === 'test code')
        hit.unverified = 'in test code';
    else if (place || EXAMPLES.test(where.file) || inDocComment(where.text, start))
        hit.unverified = 'an example in documentation';
    return hit;
}
/** The text a base64 value stands for, when it is base64 of printable text (lines too) of 8 or more. */
function decodedText(value) {
    if (value.length < 12 || value.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(value))
        return undefined;
    const text = Buffer.from(value, 'base64').toString('latin1');
    return /^[\x20-\x7e\t\r\n]{8,}$/.test(text) ? text : undefined;
}

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/generic-credential-samples.js

// Samples of secret/generic-credential, built at test time from pieces (see kit/samples.ts).
const key = (n, seed) => fake(n, ALNUM, `gen-${seed}`);
/** A short password of mixed kinds: letters, digits and a sign. */
const pw = (seed) => fake(5, LETTERS, `pw-${seed}-1`) +
    fake(3, DIGITS, `pw-${seed}-2`) +
    '%' +
    fake(4, UPPER, `pw-${seed}-3`);
const generic_credential_samples_b64 = (s) => Buffer.from(s).toString('base64');
const uuid = (seed) => [8, 4, 4, 4, 12].map((n, i) => fake(n, HEX, `uuid-${seed}-${i}`)).join('-');
const secretManifest = (block) => ['apiVersion: v1', 'kind: Secret', 'metadata:', '  name: app', 'type: Opaque', block, ''].join('\n');
const genericSamples = {
    match: () => [
        `const apiKey = "${key(32, '1')}"`,
        `export default { service: 'billing', apiKey: '${fake(28, B64URL, 'gen-2')}' }`,
        `{"client_id": "acme-web", "client_secret": "${key(40, '3')}"}`,
        `STRIPE_API_KEY=${key(32, '4')}`,
        `database:\n  host: db.prod.acme.io\n  password: ${pw('5')}\n`,
        `db.user=orders\ndb.password=${pw('6')}\n`,
        `[auth]\nsecret = ${key(24, '7')}\n`,
        `api_key = "${key(36, '8')}"`,
        `myService.accessToken = '${key(30, '9')}'`,
        `curl -H 'Authorization: Bearer ${key(22, '10')}' https://api.acme.io/v1/items`,
        `curl -u deploy:${fake(10, ALNUM, 'gen-11')}%${fake(10, ALNUM, 'gen-11b')} https://acme.io/up`,
        secretManifest(`data:\n  stripe: ${generic_credential_samples_b64(key(24, '12'))}`),
        secretManifest(`stringData:\n  webhook: ${key(32, '13')}`),
        `headers = { "API-KEY": "${key(32, '14')}" }`,
    ],
    noMatch: () => [
        // labels and messages
        'password: "Password", token: "Token expired", apiKey: "Enter your API key"',
        '{"password": "Mot de passe", "secret": "Geheimnis"}',
        // lookups and template slots
        'const apiKey = process.env.STRIPE_API_KEY',
        'api_key: ${API_KEY}\ntoken: "{{ .Values.token }}"\npassword: "%DB_PASSWORD%"',
        'API_KEY=$STRIPE_API_KEY\nSECRET=${SECRET:-}',
        'api_key = os.environ["API_KEY"]',
        'Authorization: `Bearer ${token}`',
        // references and minified code
        'apiKey: config.apiKey, token: this.token, secret: options.clientSecret',
        't.token=e,t.secret=n,e.password=r.password',
        'function f(e){return{token:e,secret:n,password:a}}',
        // digests, hashes and ids
        `token: "${fake(40, HEX, 'gen-n1')}", secret: "${fake(64, HEX, 'gen-n2')}"`,
        `password: "sha512-${fake(86, B64, 'gen-n3')}=="`,
        `password: "$2b$10$${fake(53, ALNUM, 'gen-n4')}"`,
        `token: "${uuid('n5')}"`,
        // types and enum-like constants
        'interface Options { token: string; password?: string; apiKey: ApiKeyProvider }',
        'const TOKEN = "token", PASSWORD_FIELD = "password"; export const AUTH_TOKEN = "auth_token"',
        'apiKey: "PaymentGatewayPublicName"',
        // URLs and paths
        'token: "https://auth.acme.io/oauth2/v1/token", secret: "/var/run/secrets/app/key"',
        // placeholders
        'apiKey: "your-api-key-here", password: "changeme", token: "<token>"',
        `secret = "${'x'.repeat(24)}"\napi_key = "${'1234567890abcdef'.repeat(2)}"`,
        // a token for paging or CSRF, not a credential
        `csrfToken: "${key(32, 'n6')}", nextPageToken: "${key(40, 'n7')}"`,
        // a password too short or of one kind of character
        'password: "hunter2", pwd: "abcdefghij"',
    ],
    unverified: () => [`const apiKey = "test_${key(28, 'u1')}"`],
};

;// CONCATENATED MODULE: ./build/src/rules/secrets/kit/kubernetes-secret.js

// A Kubernetes Secret holds credentials under any name (`DB_URL`, `stripe`, `api`): each value
// of its `data:` (base64, judged by what it decodes to) and `stringData:` is judged as a
// credential. Only the YAML document around `kind: Secret` is read, a line at a time; a
// manifest inside a string literal (`\n` escapes) reads the same.
/** A line break, or an escaped one inside a string literal. */
const kubernetes_secret_BREAK = /\r?\n|\\n/g;
/** How far around `kind: Secret` its document is looked for. */
const BEFORE = 4096;
const AFTER = 16384;
/** `data:` or `stringData:` opening a block. */
const kubernetes_secret_BLOCK = /^([ \t]*)(data|stringData):[ \t]*$/;
/** One entry of the block: `  name: value`, the value quoted or not. */
const ENTRY = /^([ \t]+)["']?([\w.-]{1,128})["']?:[ \t]*(["']?)([^\s"'#|>]{1,512})\3[ \t]*$/;
/** Certificates and CA bundles are public; keys and keystores are found by their own rules. */
const NOT_JUDGED = /\.(?:crt|cert|pem|key|jks|p12|pfx)$|^ca$/i;
const PASSWORD_NAME = /passw(?:or)?d|pwd/i;
/** Per text, where the last document read ends: a text of many `kind: Secret` reads each once. */
const read = new WeakMap();
/** Each judged value of the Secret whose `kind` is at `at`; `ctx` is the scan of this text. */
function kubernetes_secret_secretManifest(text, at, ctx) {
    if (at < (read.get(ctx) ?? -1))
        return [];
    const from = Math.max(0, at - BEFORE);
    const lines = linesOf(text, from, Math.min(text.length, at + AFTER));
    let first = 0;
    let last = lines.length;
    for (let i = 0; i < lines.length; i++) {
        if (!lines[i].text.startsWith('---'))
            continue;
        if (lines[i].start <= at)
            first = i + 1;
        else if (last === lines.length)
            last = i;
    }
    read.set(ctx, last < lines.length ? lines[last].start : Math.min(text.length, at + AFTER));
    const hits = [];
    let block;
    for (let i = first; i < last; i++) {
        const { text: line, start } = lines[i];
        const open = kubernetes_secret_BLOCK.exec(line);
        if (open) {
            block = { indent: open[1].length, data: open[2] === 'data' };
            continue;
        }
        if (!block || !line.trim())
            continue;
        const e = ENTRY.exec(line);
        if (!e || e[1].length <= block.indent) {
            if (line.search(/\S/) <= block.indent)
                block = undefined;
            continue;
        }
        const [, , name, , value] = e;
        if (NOT_JUDGED.test(name))
            continue;
        const kind = PASSWORD_NAME.test(name) ? 'password' : 'other';
        const hit = credentialHit(value, start + line.lastIndexOf(value), kind, {
            text: ctx.text,
            file: ctx.file,
            manifest: true,
        });
        // `data:` values are base64: one that is not base64 of text is not judged
        if (hit && (!block.data || /^[A-Za-z0-9+/]+={0,2}$/.test(value)))
            hits.push(hit);
    }
    return hits;
}
function linesOf(text, from, to) {
    const part = text.slice(from, to);
    const out = [];
    let start = 0;
    kubernetes_secret_BREAK.lastIndex = 0;
    for (let m = kubernetes_secret_BREAK.exec(part); m; m = kubernetes_secret_BREAK.exec(part)) {
        out.push({ text: part.slice(start, m.index), start: from + start });
        start = m.index + m[0].length;
    }
    out.push({ text: part.slice(start), start: from + start });
    return out;
}

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/generic-credential.js







// A credential with no provider format, found by the name it is given: `apiKey = "\u2026"`,
// `"client_secret": "\u2026"`, `DB_PASSWORD=\u2026`, `Authorization: Bearer \u2026`, `curl -u user:\u2026`, the
// `data:` of a Kubernetes Secret. Credential words are everywhere in code, so each keyword is a
// credential word with the character after it (`token"`, `token:`, `token=` \u2026) and a guard: an
// assignment and the start of a literal of six or more characters must follow within a few
// characters. Most literals that pass are still no credential (labels, lookups, references,
// digests): kit/credential-value.ts judges the value.
const SPACE = '(?:[ \\t]|\\\\t){0,4}';
const ASSIGN = '(?::=|=>|:(?!:)|=(?!=))';
const generic_credential_QUOTE = '\\\\{0,3}["\'`]';
/** A literal's characters: printable, and not a space, quote, bracket, separator or `=` (but as padding at its end). */
const VALUE_CHAR = '[^\\s"\'`\\\\,;:=(){}\\[\\]<>\\x00-\\x1f\\x7f-\\xff]';
/** `secret` may go on as `secret_key`, `SECRET-KEY`, `secretKey`; `auth` as `authorization`. */
const SUFFIX = '(?:(?<=secret)[_-]?key|(?<=auth)orization)?';
/** After a credential word: the end of its name, an assignment, and six characters of a literal. */
const ASSIGNED = `${SUFFIX}(?:${generic_credential_QUOTE})?${SPACE}${ASSIGN}${SPACE}(?:${generic_credential_QUOTE})?${VALUE_CHAR}{6}`;
/** `kind: Secret`, read at the word `Secret`. */
const SECRET_KIND = `(?<=kind["']?[ \\t]*:[ \\t]*["']?secret)["']?[ \\t]*(?![\\w.-])`;
// `auth` is looked for as `uth` after an `a`: the keyword pass takes a word by its first three
// letters, and `aut` starts every `auto`.
const WORDS = CREDENTIAL_SPELLINGS.filter((w) => w !== 'auth');
const GUARDS = {
    ...Object.fromEntries(WORDS.map((w) => [w, ASSIGNED])),
    uth: `(?<=auth)${ASSIGNED}`,
    secret: `${ASSIGNED}|${SECRET_KIND}`,
    ' -u ': `["']?[^\\s'":@]{1,64}:[^\\s'"]{6}`,
    '--user': `[ \\t=]+["']?[^\\s'":@]{1,64}:[^\\s'"]{6}`,
};
/** The word at the keyword, then the assignment and the literal: quoted, or bare to its end. */
const ASSIGNMENT = new RegExp(`(?:${CREDENTIAL_SPELLINGS.map((w) => w.replace('-', '\\-')).join('|')})${SUFFIX}` +
    `(${generic_credential_QUOTE})?${SPACE}${ASSIGN}${SPACE}(${generic_credential_QUOTE})?(${VALUE_CHAR}{6,256}={0,2})`, 'iy');
/** An HTTP authorization scheme and its credentials: `Bearer \u2026`, `Basic \u2026`. */
const SCHEME = /(Bearer|Basic|Token|Bot) ([A-Za-z0-9._~+/=-]{8,512})/y;
/** After a bare value: the end of a line, a string or a list item. */
const BARE_END = /(?:$|[\s"'`\\,;})\]]|[^ -~])/y;
/** What may stand before a name that starts a line (or a string in a binary): indentation, `export `. */
const LINE_START = /(?:^|\n|[^ -~\t])[ \t]*(?:export[ \t]+|set[ \t]+|ENV[ \t]+)?$/;
/** The end of a line, of the text or of a string. */
const LINE_END = /[ \t]*(?:$|\r?\n|\\n|["'`]|[^ -~])/y;
/** What may stand before a name that starts a string: a quote or an escaped line break. */
const IN_STRING = /(?:["'`]|\\n)[ \t]*(?:export[ \t]+|-[ \t]+)?$/;
/** Names whose credential word is about something else: paging, parsing, CSRF. */
const NOT_A_CREDENTIAL = /(?:csrf|xsrf|next|page|continuation|cancellation|cursor|sync|start|end|input|output|max|min|num|count|last|first|prev|previous)token$/;
/** Before the word `Secret` of `kind: Secret`. */
const KIND = /kind["']?[ \t]*:[ \t]*["']?$/i;
/** Lock files list integrity hashes and registry tokens never: nothing there is a credential. */
const LOCK_FILE = /(?:^|[/\\!])(?:package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.ya?ml|bun\.lockb?|composer\.lock|Cargo\.lock|poetry\.lock|Gemfile\.lock|Pipfile\.lock|go\.sum)$/;
/** Config files, where a bare `key: value` is a literal (not a reference as in code). */
const generic_credential_CONFIG = /\.(?:ya?ml|toml|ini|cfg|conf|properties|env|tfvars|npmrc|netrc)$|(?:^|[/\\!])\.?[\w.-]*(?:rc|env)(?:\.[\w.-]+)?$|(?:^|[/\\!])\.env[^/\\]*$/i;
/** Whether a name (lower case, no separators) is one a credential is kept under. */
const generic_credential_PASSWORD_NAME = /(?:passw(?:or)?d|pwd)$/;
const genericCredential = defineDetector({
    id: 'secret/generic-credential',
    title: 'hard-coded credential',
    provider: 'generic',
    description: 'A literal of high entropy assigned to a credential-named key (`apiKey`, `client_secret`, `DB_PASSWORD`, `auth_token`, ...) in code or config, an `Authorization` header, `curl -u user:password`, or a Kubernetes `Secret` value; labels, lookups, references, digests, UUIDs, URLs and placeholders are not.',
    severity: 'warning',
    judged: 'a warning in `recommended` (an error in `strict`); in test code (`test/`, `fixtures/`, `*.spec.*` \u2026) only `secret/unverified`',
    priority: PRIORITY.generic,
    keywords: Object.keys(GUARDS),
    guards: GUARDS,
    find(text, at, ctx) {
        if (LOCK_FILE.test(ctx.file))
            return undefined;
        if (text[at] === ' ' || text[at] === '-')
            return curlUser(text, at, ctx);
        if (KIND.test(text.slice(Math.max(0, at - 24), at)))
            return kubernetes_secret_secretManifest(text, at, ctx);
        return assigned(text, (text.charCodeAt(at) | 0x20) === 0x75 ? at - 1 : at, ctx);
    },
    samples: genericSamples,
});
/** `name = "literal"`, `"name": "literal"`, `NAME=literal`, `Authorization: Bearer literal`. */
function assigned(text, at, ctx) {
    const m = matchAt(ASSIGNMENT, text, at);
    if (!m)
        return undefined;
    const [, , open = '', raw] = m;
    const start = m.index + m[0].length - raw.length;
    const name = nameOf(text, start);
    if (!name || NOT_A_CREDENTIAL.test(name))
        return undefined;
    const end = start + raw.length;
    if (/auth(?:orization)?$/.test(name)) {
        const s = matchAt(SCHEME, text, start);
        if (s) {
            const from = start + s[1].length + 1;
            if (s[1] === 'Basic')
                return basic(s[2], from, ctx);
            return credentialHit(s[2], from, 'other', ctx);
        }
    }
    if (open) {
        // a quoted literal ends where it opened, with the same quote (and escape)
        if (!text.startsWith(open, end))
            return undefined;
    }
    else if (!bareLiteral(text, at, end, raw, ctx.file)) {
        return undefined;
    }
    const kind = generic_credential_PASSWORD_NAME.test(name) ? 'password' : 'other';
    return credentialHit(raw, start, kind, { text, file: ctx.file, name });
}
/**
 * A bare value is a literal in a config file. Elsewhere only where its name starts a string
 * (`"api_key: \u2026"`, `"\nTOKEN=\u2026"`), or starts a line and the value is plain and ends it
 * (`API_KEY=\u2026`, `password: \u2026` in a script or a README). In code a bare value is an identifier
 * or an expression: `t.token=e`, `token: Scheduler,`, `auth: AuthData;`, `a = config?.token`.
 */
function bareLiteral(text, at, end, raw, file) {
    if (!matchAt(BARE_END, text, end))
        return false;
    if (generic_credential_CONFIG.test(file))
        return true;
    let from = at;
    while (from > 0 && at - from < 64 && /[\w.$-]/.test(text[from - 1]))
        from--;
    // `\nNAME=` inside a string literal: the n is the escaped line break's
    if (text[from - 1] === '\\' && /[nrt]/.test(text[from]))
        from++;
    const before = text.slice(Math.max(0, from - 24), from);
    if (IN_STRING.test(before))
        return true;
    return (LINE_START.test(before) && /^[^.?$]+$/.test(raw) && matchAt(LINE_END, text, end) !== undefined);
}
/** `Basic base64(user:password)`: the password is judged. */
function basic(b64, start, ctx) {
    const decoded = Buffer.from(b64, 'base64').toString('latin1');
    const colon = decoded.indexOf(':');
    if (colon < 1 || /[^\x20-\x7e]/.test(decoded))
        return undefined;
    const hit = credentialHit(decoded.slice(colon + 1), start, 'password', ctx);
    return hit && { ...hit, end: start + b64.length, value: b64 };
}
/** `curl -u user:password` (or `--user`): the password is judged. */
const CURL_USER = / ?(?:-u|--user)(?:[ \t]+|=)["']?([^\s'":@]{1,64}):([^\s'"]{6,128})(?=$|[\s'"\\])/iy;
function curlUser(text, at, ctx) {
    // `curl` earlier on the same line (read back at most 500 characters)
    const before = text.slice(Math.max(0, at - 500), at + 1);
    if (!/\bcurl[ \t][^\n]*$/i.test(before))
        return undefined;
    const m = matchAt(CURL_USER, text, at);
    if (!m)
        return undefined;
    return credentialHit(m[2], m.index + m[0].length - m[2].length, 'password', ctx);
}

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






/** Words that say a Google API key is for Gemini (AI Studio, the Generative Language API). */
const GEMINI = /gemini|generativelanguage|generative-ai|genai|ai ?studio/i;
/**
 * Browser API keys (Maps, Firebase) are meant to ship and be restricted by referrer, so this is
 * a warning: check the key's restrictions rather than assume a leak. Gemini (AI Studio) keys
 * have the same shape but bill for model use and are never meant for a browser: one named in a
 * Gemini context is an error, labelled as a Gemini key.
 */
const googleKey = tokenDetector({
    id: 'secret/google-api-key',
    title: 'Google API key',
    provider: 'Google Cloud',
    description: 'A Google API key (`AIza` + 35 characters), Gemini / AI Studio keys included. Browser keys ship by design, so check that it is restricted; a key in a Gemini context (`GEMINI_API_KEY`, `generativelanguage.googleapis.com`) is an error.',
    severity: 'warning',
    keywords: ['aiza'],
    pattern: `${B}AIza(?<body>[0-9A-Za-z_-]{35})${E}`,
    samples: {
        match: () => [
            'AI' + 'za' + fake(35, B64URL, 'gapi-1'),
            `apiKey: "AI${'za'}${fake(35, B64URL, 'gapi-2')}"`,
            `GEMINI_API_KEY=AI${'za'}${fake(35, B64URL, 'gapi-4')}`,
            `const genAI = new GoogleGenerativeAI("AI${'za'}${fake(35, B64URL, 'gapi-5')}")`,
        ],
        noMatch: () => [
            'AIza' + 'X'.repeat(35),
            'apiKey: "AIza..."',
            'AIza' + fake(30, B64URL, 'gapi-3'),
            'apiKey: "AIzaSyYOUR_API_KEY_HERE_0123456789abc"',
            'GEMINI_API_KEY=AIza...',
        ],
    },
});
const googleApiKey = defineDetector({
    ...googleKey,
    judged: 'error when named or used as a Gemini key (`GEMINI_API_KEY`, `generativelanguage.googleapis.com`): it bills for model use',
    find(text, at, ctx) {
        const hit = googleKey.find(text, at, ctx);
        if (!hit || hit.unverified)
            return hit;
        const around = text.slice(Math.max(0, hit.start - 200), Math.min(text.length, hit.end + 80));
        if (!GEMINI.test(around))
            return hit;
        return {
            ...hit,
            label: 'Google API key (Gemini)',
            severity: 'error',
            why: 'a Gemini API key bills for model use and is never meant to ship',
        };
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
const huggingfaceOrgToken = tokenDetector({
    id: 'secret/huggingface-org-token',
    title: 'Hugging Face organization API token',
    provider: 'Hugging Face',
    description: 'A Hugging Face organization API token (`api_org_` and 34 letters).',
    keywords: ['api_org_'],
    pattern: `${B}api_org_(?<body>[A-Za-z]{34})${E}`,
    samples: {
        match: () => [`HF_ORG_TOKEN=${['api', 'org', fake(34, LETTERS, 'hf-3')].join('_')}`],
        noMatch: () => [
            'api_org_' + 'x'.repeat(34),
            'const url = `${base}/api_org_members?org=${id}`',
            ['api', 'org', fake(30, LETTERS, 'hf-4')].join('_'),
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

;// CONCATENATED MODULE: ./build/src/rules/secrets/kit/keyword-bound.js





/** A value with at least one upper-case letter, one lower-case letter and one digit. */
const mixed = (v) => /[A-Z]/.test(v) && /[a-z]/.test(v) && /[0-9]/.test(v);
/** A hex value with both letters and digits (a word or a number is not a key). */
const hexish = (v) => /[a-f]/i.test(v) && /[0-9]/.test(v);
/** Builds a `near` detector from a BoundSpec. */
function boundDetector(spec) {
    const re = new RegExp(`${boundary(spec.chars)}(?:${spec.value})(?![${spec.chars}])`, `g${spec.flags ?? ''}`);
    const owner = new RegExp(spec.near.map(keyword_bound_escape).join('|'), 'gi');
    return defineDetector({
        id: spec.id,
        title: spec.title,
        provider: spec.provider,
        description: spec.description,
        severity: spec.severity,
        priority: PRIORITY.token,
        near: {
            keywords: spec.near,
            before: spec.before ?? 256,
            after: spec.after ?? 256,
            find(text, from, to) {
                const hits = [];
                for (const m of matchesIn(re, text, from, to)) {
                    const name = nameOf(text, m.index) ?? '';
                    const bound = spec.anywhere ||
                        spec.names?.test(name) ||
                        spec.placed?.(text, m.index) ||
                        (spec.generic?.test(name) && insideBlockOf(owner, text, m.index));
                    if (!bound || spec.except?.(text, m.index))
                        continue;
                    const hit = judge(m[0], m[0], m.index, { verify: () => spec.verify?.(m[0]) });
                    if (hit)
                        hits.push(hit);
                }
                return hits;
            },
        },
        samples: spec.samples,
    });
}
/** How far after the provider's name its block may still hold the value. */
const keyword_bound_BLOCK = 160;
/** Another credential-looking value assigned on the way: the block held something else first. */
const OTHER_VALUE = /[:=][ \t]*\\{0,3}["'`]?[A-Za-z0-9+/_.-]{16,}/;
/** An INI or TOML section header line: `[cloudflare]`. */
const SECTION = /(?:^|["'`])[ \t]*\[[^\]\n]*\][ \t]*$/;
/** A key and `:` or `=` before the name on its line: the name is that key's value. */
const keyword_bound_ASSIGNED = /^[ \t]*["']?[\w.-]+["']?[ \t]*[:=]/;
/**
 * Whether the value at `start` is inside the block the provider's name opens, shortly before it:
 * on the same line (`new Cloudflare({ apiToken: '\u2026' })`), on deeper-indented lines after it
 * (YAML, pretty JSON), or under its INI section. A `}` or `;` on the way closes the block; a
 * line indented no deeper than the name's starts a sibling (`stripe:` after `cloudflare:`).
 */
function insideBlockOf(owner, text, start) {
    const from = Math.max(0, start - keyword_bound_BLOCK);
    const before = text.slice(from, start);
    let at = -1;
    let len = 0;
    owner.lastIndex = 0;
    for (let m = owner.exec(before); m; m = owner.exec(before)) {
        at = m.index;
        len = m[0].length;
    }
    if (at < 0)
        return false;
    const span = before.slice(at + len);
    if (/[};]/.test(span) || OTHER_VALUE.test(span.replace(/\s+$/, '')))
        return false;
    const escaped = before.lastIndexOf('\\n', at);
    let lineStart = Math.max(before.lastIndexOf('\n', at) + 1, escaped < 0 ? 0 : escaped + 2);
    // a block inside a string literal (`"cloudflare:\n  apiToken: \u2026"`) starts after its quote
    if (!span.includes('\n') && span.includes('\\n')) {
        const quote = Math.max(...['"', "'", '`'].map((q) => before.lastIndexOf(q, at)));
        if (quote >= lineStart)
            lineStart = quote + 1;
    }
    const lineEnd = before.slice(at).search(/\r?\n|\\n/);
    // a binary's printable run starts after the NUL bytes that blank the rest of its line
    const ownerLine = before
        .slice(lineStart, lineEnd < 0 ? before.length : at + lineEnd)
        .replace(/^[^]*\0/, '');
    const section = SECTION.test(ownerLine);
    // `provider: heroku`: the name is a value, so its siblings are in its block too
    const sibling = keyword_bound_ASSIGNED.test(before.slice(lineStart, at));
    const depth = indent(ownerLine);
    for (const line of span.split(/\r?\n|\\n/).slice(1)) {
        if (!line.trim())
            continue;
        if (section ? /^[ \t]*\[/.test(line) : indent(line) < depth + (sibling ? 0 : 1))
            return false;
    }
    return true;
}
function indent(line) {
    return /^[ \t]*/.exec(line)[0].length;
}
function keyword_bound_escape(s) {
    return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
/** A random UUID, for samples. */
function keyword_bound_uuid(seed) {
    const h = fake(32, HEX, seed);
    return [h.slice(0, 8), h.slice(8, 12), h.slice(12, 16), h.slice(16, 20), h.slice(20)].join('-');
}
/**
 * Must-not-match samples every keyword-bound detector shares: placeholders and lookups under
 * the provider's name (`env`: `HEROKU_API_KEY`), and a real-shaped `value` near the provider's
 * `word` but bound to something else: another provider's name, or a generic name outside the
 * provider's block.
 */
function unboundSamples(env, word, value) {
    return [
        `${env}=your_${env.toLowerCase()}`,
        `${env}=\${${env}}`,
        `${env}: process.env.${env}`,
        `${env}=<${env.toLowerCase().replace(/_/g, '-')}>`,
        `${word.toUpperCase()}_URL=https://api.${word.toLowerCase()}.io\nSTRIPE_RESTRICTED_KEY=${value}\n`,
        `${word}:\n  region: eu\nsentry:\n  token: ${value}\n`,
        `# ${word}\nAPI_KEY=${value}\n`,
        `const ${word.toLowerCase()} = init(); const other = { token: '${value}' }`,
    ];
}

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/langfuse.js


/** The secret key only: a Langfuse public key (`pk-lf-`) is meant to be shown. */
const langfuseSecretKey = tokenDetector({
    id: 'secret/langfuse-secret-key',
    title: 'Langfuse secret key',
    provider: 'Langfuse',
    description: 'A Langfuse secret key (`sk-lf-` + a UUID).',
    keywords: ['sk-lf-'],
    pattern: `${B}sk-lf-(?<body>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})${E}`,
    samples: {
        match: () => [
            `LANGFUSE_PUBLIC_KEY=pk-lf-${keyword_bound_uuid('lf-1')}\nLANGFUSE_SECRET_KEY=${['sk', 'lf', keyword_bound_uuid('lf-2')].join('-')}\n`,
        ],
        noMatch: () => [
            `LANGFUSE_PUBLIC_KEY=pk-lf-${keyword_bound_uuid('lf-3')}`,
            'LANGFUSE_SECRET_KEY=sk-lf-...',
            'LANGFUSE_SECRET_KEY=sk-lf-00000000-0000-0000-0000-000000000000',
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/ngrok.js


/** An authtoken's shape (`2\u2026_1\u2026`) is distinctive but has no prefix: looked for near "ngrok". */
const ngrokAuthtoken = boundDetector({
    id: 'secret/ngrok-authtoken',
    title: 'ngrok authtoken',
    provider: 'ngrok',
    description: 'An ngrok authtoken or API key (`2`, 26 letters and digits, `_`, a digit, 20 letters and digits) near the word ngrok.',
    near: ['ngrok'],
    before: 512,
    after: 512,
    value: '2[A-Za-z0-9]{26}_[0-9][A-Za-z0-9]{20}',
    chars: 'A-Za-z0-9_-',
    anywhere: true,
    samples: {
        match: () => [
            `NGROK_AUTHTOKEN=2${fake(26, ALNUM, 'ngrok-1')}_${fake(1, DIGITS, 'ngrok-2')}${fake(20, ALNUM, 'ngrok-3')}`,
            `version: "2"\nagent:\n  authtoken: 2${fake(26, ALNUM, 'ngrok-4')}_5${fake(20, ALNUM, 'ngrok-5')}\n# ~/.config/ngrok/ngrok.yml\n`,
        ],
        noMatch: () => [
            'NGROK_AUTHTOKEN=<your-authtoken>',
            `NGROK_AUTHTOKEN=2${'x'.repeat(26)}_1${'x'.repeat(20)}`,
            `2${fake(26, ALNUM, 'ngrok-6')}_3${fake(20, ALNUM, 'ngrok-7')}`,
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/nvidia.js


const nvidiaApiKey = tokenDetector({
    id: 'secret/nvidia-api-key',
    title: 'NVIDIA API key',
    provider: 'NVIDIA',
    description: 'An NVIDIA NGC / NIM API key (`nvapi-` + 64 base64url characters).',
    keywords: ['nvapi-'],
    pattern: `${B}nvapi-(?<body>[A-Za-z0-9_-]{64})${E}`,
    samples: {
        match: () => [`NVIDIA_API_KEY=${['nvapi', fake(64, B64URL, 'nv-1')].join('-')}`],
        noMatch: () => [
            'nvapi-' + 'x'.repeat(64),
            ['nvapi', fake(40, B64URL, 'nv-2')].join('-'),
            'NVIDIA_API_KEY=nvapi-...',
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/prefect.js


const prefectApiKey = tokenDetector({
    id: 'secret/prefect-api-key',
    title: 'Prefect Cloud API key',
    provider: 'Prefect',
    description: 'A Prefect Cloud API key (`pnu_` + 36 letters and digits).',
    keywords: ['pnu_'],
    pattern: `${B}pnu_(?<body>[A-Za-z0-9]{36})${E}`,
    samples: {
        match: () => [`PREFECT_API_KEY=${['pnu', fake(36, ALNUM, 'pnu-1')].join('_')}`],
        noMatch: () => ['pnu_' + 'x'.repeat(36), ['pnu', fake(20, ALNUM, 'pnu-2')].join('_')],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/sourcegraph.js


const sourcegraphToken = tokenDetector({
    id: 'secret/sourcegraph-token',
    title: 'Sourcegraph access token',
    provider: 'Sourcegraph',
    description: 'A Sourcegraph access token (`sgp_`, maybe an instance id of 16 hex characters or `local` and `_`, then 40 hex characters).',
    keywords: ['sgp_'],
    pattern: `${B}sgp_(?:(?:[0-9a-f]{16}|local)_)?(?<body>[0-9a-f]{40})${E}`,
    samples: {
        match: () => [
            `SRC_ACCESS_TOKEN=${['sgp', fake(16, HEX, 'sg-1'), fake(40, HEX, 'sg-2')].join('_')}`,
            `SRC_ACCESS_TOKEN=${['sgp', fake(40, HEX, 'sg-3')].join('_')}`,
        ],
        noMatch: () => ['sgp_' + 'x'.repeat(40), ['sgp', fake(30, HEX, 'sg-4')].join('_')],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/tailscale.js


const tailscale_KINDS = {
    auth: 'Tailscale auth key',
    api: 'Tailscale API access token',
    client: 'Tailscale OAuth client secret',
    scim: 'Tailscale SCIM token',
    webhook: 'Tailscale webhook secret',
};
const tailscaleKey = tokenDetector({
    id: 'secret/tailscale-key',
    title: 'Tailscale key',
    provider: 'Tailscale',
    description: 'A Tailscale auth key, API access token, OAuth client secret, SCIM token or webhook secret (`tskey-auth-`, `tskey-api-`, `tskey-client-` \u2026: an id, `-`, 20-64 letters and digits).',
    keywords: ['tskey-'],
    pattern: `${B}tskey-(auth|api|client|scim|webhook)-[A-Za-z0-9]{8,24}-(?<body>[A-Za-z0-9]{20,64})${E}`,
    label: (m) => tailscale_KINDS[m[1]],
    samples: {
        match: () => [
            `TS_AUTHKEY=${['tskey', 'auth', fake(7, ALNUM, 'ts-1') + 'CNTRL', fake(33, ALNUM, 'ts-2')].join('-')}`,
            `TS_OAUTH_SECRET=${['tskey', 'client', fake(7, ALNUM, 'ts-3') + 'CNTRL', fake(33, ALNUM, 'ts-4')].join('-')}`,
        ],
        noMatch: () => [
            'TS_AUTHKEY=tskey-auth-xxxxx',
            `TS_AUTHKEY=tskey-auth-${'x'.repeat(12)}-${'x'.repeat(33)}`,
            'TS_AUTHKEY=tskey-auth-<key>',
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/wandb.js


const wandb_BREAK = '(?:\\s|\\\\[nrt])+';
const NETRC = new RegExp(`machine[ \\t]+api\\.wandb\\.ai${wandb_BREAK}login[ \\t]+[^\\s\\\\]+${wandb_BREAK}password[ \\t]+$`);
const wandbApiKey = boundDetector({
    id: 'secret/wandb-api-key',
    title: 'Weights & Biases API key',
    provider: 'Weights & Biases',
    description: 'A Weights & Biases API key (40 hex characters), named as one (`WANDB_API_KEY`) or as `password` for `api.wandb.ai` in a `.netrc`.',
    near: ['wandb'],
    value: '[0-9a-f]{40}',
    chars: 'A-Za-z0-9_-',
    names: /^wandb(?:api)?key$/,
    // a `.netrc` entry (escaped line breaks too, as a bundled string holds it)
    placed: (text, start) => NETRC.test(text.slice(Math.max(0, start - 120), start)),
    verify: (v) => (hexish(v) ? undefined : false),
    samples: {
        match: () => [
            `WANDB_API_KEY=${fake(40, HEX, 'wandb-1')}\n`,
            `machine api.wandb.ai\n  login user\n  password ${fake(40, HEX, 'wandb-2')}\n`,
        ],
        noMatch: () => [
            ...unboundSamples('WANDB_API_KEY', 'wandb', fake(40, HEX, 'wandb-3')),
            `wandb: Run ${fake(40, HEX, 'wandb-4')}`,
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/assemblyai.js


const assemblyaiApiKey = boundDetector({
    id: 'secret/assemblyai-api-key',
    title: 'AssemblyAI API key',
    provider: 'AssemblyAI',
    description: 'An AssemblyAI API key (32 hex characters), named as one (`ASSEMBLYAI_API_KEY`) or as `apiKey` inside an AssemblyAI block.',
    near: ['assemblyai', 'assembly_ai'],
    value: '[0-9a-f]{32}',
    chars: 'A-Za-z0-9_-',
    names: /^assembly(?:ai)?(?:api)?(?:key|token)$/,
    generic: /^(?:api)?key$/,
    verify: (v) => (hexish(v) ? undefined : false),
    samples: {
        match: () => [
            `ASSEMBLYAI_API_KEY=${fake(32, HEX, 'aai-1')}\n`,
            `const client = new AssemblyAI({ apiKey: "${fake(32, HEX, 'aai-2')}" })`,
        ],
        noMatch: () => [...unboundSamples('ASSEMBLYAI_API_KEY', 'assemblyai', fake(32, HEX, 'aai-3'))],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/azure-devops.js



const patOf = (seed) => fake(52, ALNUM, seed) +
    'JQ' +
    'QJ' +
    fake(20, ALNUM, seed + 'b') +
    'AZ' +
    'DO' +
    fake(4, ALNUM, seed + 'c');
/** The 84-character format: 52 random characters, `JQQJ`, 20 more, `AZDO` and 4. */
const azureDevopsPat = markerDetector({
    id: 'secret/azure-devops-pat',
    title: 'Azure DevOps personal access token',
    provider: 'Azure DevOps',
    description: 'An Azure DevOps personal access token in the 84-character format (52 random characters, `JQQJ` at 52, `AZDO` at 76).',
    keywords: ['azdo'],
    before: 76,
    pattern: `(?<![A-Za-z0-9])(?<body>[A-Za-z0-9]{52})JQQJ[A-Za-z0-9]{20}AZDO[A-Za-z0-9]{4}(?![A-Za-z0-9])`,
    shown: 0,
    samples: {
        match: () => [
            `AZURE_DEVOPS_EXT_PAT=${patOf('azdo-1')}`,
            `git clone https://pat:${patOf('azdo-2')}@dev.azure.com/org/p/_git/r`,
        ],
        noMatch: () => [
            `AZURE_DEVOPS_EXT_PAT=${'x'.repeat(52)}JQQJ${'x'.repeat(20)}AZDO${'x'.repeat(4)}`,
            `AZURE_DEVOPS_EXT_PAT=${patOf('azdo-3').slice(1)}`,
            'AZDO_ORG_SERVICE_URL=https://dev.azure.com/org',
        ],
    },
});
/** The older 52-character format: lower-case base32, bound to Azure DevOps by name or block. */
const azureDevopsLegacyPat = boundDetector({
    id: 'secret/azure-devops-legacy-pat',
    title: 'Azure DevOps personal access token (52 characters)',
    provider: 'Azure DevOps',
    description: 'An Azure DevOps personal access token in the older format (52 lower-case base32 characters), named as one (`AZURE_DEVOPS_PAT`, `AZURE_DEVOPS_EXT_PAT`, `AZDO_PERSONAL_ACCESS_TOKEN`) or as `pat`/`token` inside an Azure DevOps block.',
    near: [
        'azure_devops',
        'azure-devops',
        'azuredevops',
        'azdo',
        'dev.azure.com',
        'visualstudio.com',
    ],
    value: '[a-z2-7]{52}',
    chars: 'A-Za-z0-9_-',
    names: /^(?:azure(?:devops)?|azdo|ado|vsts)(?:ext)?(?:pat|personalaccesstoken|token|accesstoken)$/,
    generic: /^(?:pat|personalaccesstoken|(?:access)?token|password)$/,
    verify: (v) => (/[2-7]/.test(v) && /[a-z]/.test(v) ? undefined : false),
    samples: {
        match: () => [
            `AZURE_DEVOPS_EXT_PAT=${fake(52, 'abcdefghijklmnopqrstuvwxyz234567', 'azdo-4')}\n`,
            `{"organization": "https://dev.azure.com/acme", "token": "${fake(52, 'abcdefghijklmnopqrstuvwxyz234567', 'azdo-5')}"}`,
        ],
        noMatch: () => [
            ...unboundSamples('AZURE_DEVOPS_PAT', 'azure_devops', fake(52, 'abcdefghijklmnopqrstuvwxyz234567', 'azdo-6')),
            `AZURE_DEVOPS_PAT=${'x'.repeat(52)}`,
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/bitbucket.js


const bitbucketAppPassword = tokenDetector({
    id: 'secret/bitbucket-app-password',
    title: 'Bitbucket app password',
    provider: 'Bitbucket',
    description: 'A Bitbucket Cloud app password (`ATBB` + 32 letters and digits).',
    keywords: ['atbb'],
    pattern: `${B}ATBB(?<body>[A-Za-z0-9]{32})${E}`,
    samples: {
        match: () => [
            `BITBUCKET_APP_PASSWORD=ATBB${fake(32, ALNUM, 'bb-1')}`,
            `git clone https://ci-bot:ATBB${fake(32, ALNUM, 'bb-2')}@bitbucket.org/acme/app.git`,
        ],
        noMatch: () => [
            'ATBB' + 'x'.repeat(32),
            `ATBB${fake(24, ALNUM, 'bb-3')}`,
            'BITBUCKET_APP_PASSWORD=ATBB<password>',
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/circleci.js




/**
 * A status badge's token (`\u2026/svg?circle-token=\u2026` in a README) has the Status scope only and is
 * meant to be shown: CircleCI's docs put it in badge markup. Not a leak.
 */
const inBadgeUrl = (text, start) => /\.(?:svg|png)\?[^\s"'<>()]*circle-token=$/i.test(text.slice(Math.max(0, start - 300), start));
const circleciPrefixed = tokenDetector({
    id: 'secret/circleci-token',
    title: 'CircleCI token',
    provider: 'CircleCI',
    description: 'A CircleCI personal (`CCIPAT_`) or project (`CCIPRJ_`) API token: 22 letters and digits, `_`, 40 hex characters.',
    keywords: ['ccipat_', 'cciprj_'],
    pattern: `${B}CCIP(AT|RJ)_[A-Za-z0-9]{22}_(?<body>[0-9a-f]{40})${E}`,
    label: (m) => (m[1] === 'AT' ? 'CircleCI personal API token' : 'CircleCI project API token'),
    samples: {
        match: () => [
            `CIRCLECI_TOKEN=${['CCIPAT', fake(22, ALNUM, 'cci-1'), fake(40, HEX, 'cci-2')].join('_')}`,
            `circle-token: ${['CCIPRJ', fake(22, ALNUM, 'cci-3'), fake(40, HEX, 'cci-4')].join('_')}`,
        ],
        noMatch: () => [
            `CCIPAT_${'x'.repeat(22)}_${'x'.repeat(40)}`,
            ['CCIPAT', fake(22, ALNUM, 'cci-5'), fake(20, HEX, 'cci-6')].join('_'),
            'CIRCLECI_TOKEN=CCIPAT_...',
            `<img src="https://dl.circleci.com/status-badge/img/gh/acme/app/tree/main.svg?circle-token=${['CCIPRJ', fake(22, ALNUM, 'cci-13'), fake(40, HEX, 'cci-14')].join('_')}">`,
        ],
    },
});
const circleciToken = defineDetector({
    ...circleciPrefixed,
    find(text, at, ctx) {
        const hit = circleciPrefixed.find(text, at, ctx);
        return hit && inBadgeUrl(text, hit.start) ? undefined : hit;
    },
});
/** Tokens made before the prefixes: 40 hex characters, bound to CircleCI by name or block. */
const circleciLegacyToken = boundDetector({
    id: 'secret/circleci-legacy-token',
    title: 'CircleCI API token (unprefixed)',
    provider: 'CircleCI',
    description: 'A CircleCI personal or project API token made before prefixes (40 hex characters), named as one (`CIRCLECI_TOKEN`, `CIRCLE_TOKEN`, `Circle-Token:`) or as `token` inside a CircleCI block.',
    near: ['circleci', 'circle_token', 'circle-token', 'circle_api'],
    value: '[0-9a-f]{40}',
    chars: 'A-Za-z0-9_-',
    names: /^circle(?:ci)?(?:api|cli|personal|project)?(?:token|key)$/,
    generic: /^(?:api)?token$/,
    verify: (v) => (hexish(v) ? undefined : false),
    except: inBadgeUrl,
    samples: {
        match: () => [
            `CIRCLECI_TOKEN=${fake(40, HEX, 'cci-7')}\n`,
            `curl -H "Circle-Token: ${fake(40, HEX, 'cci-8')}" https://circleci.com/api/v2/me`,
        ],
        noMatch: () => [
            ...unboundSamples('CIRCLECI_TOKEN', 'circleci', fake(40, HEX, 'cci-9')),
            `CIRCLE_SHA1=${fake(40, HEX, 'cci-10')}`,
            `circleci:\n  sha: ${fake(40, HEX, 'cci-11')}\n`,
            // a status badge's token is shown by design
            `[![CircleCI](https://circleci.com/gh/acme/app.svg?style=shield&circle-token=${fake(40, HEX, 'cci-12')})](https://circleci.com/gh/acme/app)`,
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/codecov.js

const codecov_UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const codecovToken = boundDetector({
    id: 'secret/codecov-token',
    title: 'Codecov upload token',
    provider: 'Codecov',
    description: "A Codecov upload or API token (a UUID), named as one (`CODECOV_TOKEN`) or as `token` inside a Codecov block (`codecov.yml`, the action's `with:`).",
    near: ['codecov'],
    value: codecov_UUID,
    chars: 'A-Za-z0-9_-',
    names: /^codecov(?:upload|api|access)?token$/,
    generic: /^(?:upload)?token$/,
    samples: {
        match: () => [
            `CODECOV_TOKEN=${keyword_bound_uuid('codecov-1')}\n`,
            `- uses: codecov/codecov-action@v4\n  with:\n    token: ${keyword_bound_uuid('codecov-2')}\n`,
        ],
        noMatch: () => [
            ...unboundSamples('CODECOV_TOKEN', 'codecov', keyword_bound_uuid('codecov-3')),
            '- uses: codecov/codecov-action@v4\n  with:\n    token: ${{ secrets.CODECOV_TOKEN }}\n',
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/cohere.js


const cohereApiKey = boundDetector({
    id: 'secret/cohere-api-key',
    title: 'Cohere API key',
    provider: 'Cohere',
    description: 'A Cohere API key (40 letters and digits), named as one (`COHERE_API_KEY`, `CO_API_KEY`) or as `apiKey`/`token` inside a Cohere block.',
    near: ['cohere', 'co_api_key'],
    value: '[A-Za-z0-9]{40}',
    chars: 'A-Za-z0-9_-',
    names: /^(?:cohere|co)(?:api)?(?:key|token)$/,
    generic: /^(?:api)?(?:key|token)$/,
    verify: (v) => (mixed(v) ? undefined : false),
    samples: {
        match: () => [
            `COHERE_API_KEY=${fake(40, ALNUM, 'cohere-1')}\n`,
            `const co = new CohereClient({ token: "${fake(40, ALNUM, 'cohere-2')}" })`,
        ],
        noMatch: () => [...unboundSamples('COHERE_API_KEY', 'cohere', fake(40, ALNUM, 'cohere-3'))],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/confluent.js


/** The API key (16 characters) is an identifier; the secret (64 base64 characters) is bound. */
const confluentApiSecret = boundDetector({
    id: 'secret/confluent-api-secret',
    title: 'Confluent Cloud API secret',
    provider: 'Confluent',
    description: 'A Confluent Cloud API secret (64 base64 characters), named as one (`CONFLUENT_CLOUD_API_SECRET`, `confluentApiSecret`) or as `secret`/`password` inside a Confluent block.',
    near: ['confluent'],
    value: '[A-Za-z0-9+/]{64}',
    chars: 'A-Za-z0-9+/_-',
    names: /^confluent(?:cloud)?(?:kafka|schemaregistry|sr)?(?:api)?secret$/,
    generic: /^(?:api)?secret$|^(?:sasl)?password$/,
    verify: (v) => (mixed(v) ? undefined : false),
    samples: {
        match: () => [
            `CONFLUENT_CLOUD_API_SECRET=${fake(64, B64, 'cfl-2')}\n`,
            `confluent:\n  bootstrap: pkc-1.eu-west-1.aws.confluent.cloud:9092\n  api_secret: ${fake(64, B64, 'cfl-3')}\n`,
        ],
        noMatch: () => [
            ...unboundSamples('CONFLUENT_CLOUD_API_SECRET', 'confluent', fake(64, B64, 'cfl-4')),
            `CONFLUENT_CLOUD_API_SECRET=${fake(64, '0123456789abcdef', 'cfl-5')}`,
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/crates.js


/** `cio` is too short to look for alone: a token is found near the words crates.io or cargo. */
const cratesToken = boundDetector({
    id: 'secret/crates-io-token',
    title: 'crates.io API token',
    provider: 'crates.io',
    description: 'A crates.io API token (`cio` + 32 letters and digits) near the words crates.io or cargo.',
    near: ['crates', 'cargo'],
    before: 512,
    after: 512,
    value: 'cio[A-Za-z0-9]{32}',
    chars: 'A-Za-z0-9_-',
    anywhere: true,
    verify: (v) => (/[0-9]/.test(v) && /[A-Z]/.test(v) ? undefined : false),
    samples: {
        match: () => [
            `# ~/.cargo/credentials.toml\n[registry]\ntoken = "cio${fake(32, ALNUM, 'cio-1')}"\n`,
            `CARGO_REGISTRY_TOKEN=cio${fake(32, ALNUM, 'cio-2')}`,
        ],
        noMatch: () => [
            `CARGO_REGISTRY_TOKEN=cio${'x'.repeat(32)}`,
            'CARGO_REGISTRY_TOKEN=${{ secrets.CRATES_TOKEN }}',
            `cio${fake(32, ALNUM, 'cio-3')}`,
            'cargo build --features precious',
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/deepgram.js


const deepgramApiKey = boundDetector({
    id: 'secret/deepgram-api-key',
    title: 'Deepgram API key',
    provider: 'Deepgram',
    description: 'A Deepgram API key (40 hex characters), named as one (`DEEPGRAM_API_KEY`) or as `apiKey`/`key` inside a Deepgram block.',
    near: ['deepgram'],
    value: '[0-9a-f]{40}',
    chars: 'A-Za-z0-9_-',
    names: /^deepgram(?:api)?(?:key|token)$/,
    generic: /^(?:api)?key$/,
    verify: (v) => (hexish(v) ? undefined : false),
    samples: {
        match: () => [
            `DEEPGRAM_API_KEY=${fake(40, HEX, 'dg-1')}\n`,
            `const deepgram = createClient({ key: "${fake(40, HEX, 'dg-2')}" })`,
        ],
        noMatch: () => [...unboundSamples('DEEPGRAM_API_KEY', 'deepgram', fake(40, HEX, 'dg-3'))],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/deepseek.js


/** `sk-` + 32 hex is also other providers' shape: a DeepSeek key is found near its name. */
const deepseekApiKey = boundDetector({
    id: 'secret/deepseek-api-key',
    title: 'DeepSeek API key',
    provider: 'DeepSeek',
    description: 'A DeepSeek API key (`sk-` + 32 hex characters) near the word DeepSeek.',
    near: ['deepseek'],
    value: 'sk-[0-9a-f]{32}',
    chars: 'A-Za-z0-9_-',
    anywhere: true,
    verify: (v) => (/[a-f]/.test(v.slice(3)) && /[0-9]/.test(v) ? undefined : false),
    samples: {
        match: () => [
            `DEEPSEEK_API_KEY=${['sk', fake(32, HEX, 'ds-1')].join('-')}\n`,
            `new OpenAI({ baseURL: 'https://api.deepseek.com', apiKey: '${['sk', fake(32, HEX, 'ds-2')].join('-')}' })`,
        ],
        noMatch: () => [
            `DEEPSEEK_API_KEY=sk-${'x'.repeat(32)}`,
            'DEEPSEEK_API_KEY=sk-...',
            ['sk', fake(32, HEX, 'ds-3')].join('-'),
            `DEEPSEEK_API_KEY=${['sk', fake(40, HEX, 'ds-4')].join('-')}`,
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/elevenlabs.js


/**
 * `sk_` + 48 hex (`sk_` alone cannot be a keyword: it starts Stripe's), or the older 32 hex:
 * near ElevenLabs' name or its `xi-api-key` header, bound by name or block (the prefixed shape
 * near the name is enough).
 */
const elevenlabsApiKey = boundDetector({
    id: 'secret/elevenlabs-api-key',
    title: 'ElevenLabs API key',
    provider: 'ElevenLabs',
    description: 'An ElevenLabs API key (`sk_` + 48 hex characters, or 32 hex characters in the older format), near the word ElevenLabs or the `xi-api-key` header; an older key must be named as one (`ELEVENLABS_API_KEY`, `xi-api-key:`) or be `apiKey` inside an ElevenLabs block.',
    near: ['elevenlabs', 'eleven_labs', 'xi-api-key', 'xi_api_key'],
    value: 'sk_[0-9a-f]{48}|[0-9a-f]{32}',
    chars: 'A-Za-z0-9_-',
    names: /^(?:eleven(?:labs)?(?:api)?key|xiapikey)$/,
    generic: /^(?:api)?key$/,
    placed: (text, start) => /^sk_[0-9a-f]{48}/.test(text.slice(start, start + 51)),
    verify: (v) => (hexish(v) ? undefined : false),
    samples: {
        match: () => [
            `ELEVENLABS_API_KEY=${['sk', fake(48, HEX, 'el-1')].join('_')}\n`,
            `fetch(url, { headers: { "xi-api-key": "${fake(32, HEX, 'el-2')}" } })`,
            `const elevenlabs = new ElevenLabsClient({ apiKey: "${fake(32, HEX, 'el-3')}" })`,
        ],
        noMatch: () => [
            ...unboundSamples('ELEVENLABS_API_KEY', 'elevenlabs', fake(32, HEX, 'el-4')),
            `ELEVENLABS_VOICE_ID=${fake(32, HEX, 'el-5')}`,
            `ELEVENLABS_API_KEY=sk_${'x'.repeat(48)}`,
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/fastly.js


const fastlyApiToken = boundDetector({
    id: 'secret/fastly-api-token',
    title: 'Fastly API token',
    provider: 'Fastly',
    description: 'A Fastly API token (32 letters, digits, `_`, `-`), named as one (`FASTLY_API_TOKEN`, `FASTLY_API_KEY`, `Fastly-Key:`) or as `apiToken`/`token` inside a Fastly block.',
    near: ['fastly'],
    value: '[A-Za-z0-9_-]{32}',
    chars: 'A-Za-z0-9_-',
    names: /^fastly(?:api)?(?:token|key)$/,
    generic: /^(?:api)?(?:token|key)$/,
    verify: (v) => (mixed(v) ? undefined : false),
    samples: {
        match: () => [
            `FASTLY_API_TOKEN=${fake(32, B64URL, 'fastly-1')}\n`,
            `curl -H "Fastly-Key: ${fake(32, B64URL, 'fastly-2')}" https://api.fastly.com/service`,
        ],
        noMatch: () => [
            ...unboundSamples('FASTLY_API_TOKEN', 'fastly', fake(32, B64URL, 'fastly-3')),
            `FASTLY_SERVICE_ID=${fake(22, B64URL, 'fastly-4')}`,
            `fastly:\n  service_id: ${fake(22, B64URL, 'fastly-5')}\n  checksum: ${fake(32, '0123456789abcdef', 'fastly-6')}\n`,
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/fireworks.js


/** `fw_` is too short to look for alone: a key is found near the word Fireworks. */
const fireworksApiKey = boundDetector({
    id: 'secret/fireworks-api-key',
    title: 'Fireworks AI API key',
    provider: 'Fireworks AI',
    description: 'A Fireworks AI API key (`fw_` + 24 letters and digits) near the word Fireworks.',
    near: ['fireworks'],
    before: 512,
    after: 512,
    value: 'fw_[A-Za-z0-9]{24}',
    chars: 'A-Za-z0-9_-',
    anywhere: true,
    verify: (v) => (/[A-Z]/.test(v.slice(3)) && /[a-z]/.test(v.slice(3)) ? undefined : false),
    samples: {
        match: () => [
            `FIREWORKS_API_KEY=${['fw', fake(24, ALNUM, 'fw-1')].join('_')}`,
            `new OpenAI({ baseURL: "https://api.fireworks.ai/inference/v1", apiKey: "${['fw', fake(24, ALNUM, 'fw-2')].join('_')}" })`,
        ],
        noMatch: () => [
            `FIREWORKS_API_KEY=fw_${'x'.repeat(24)}`,
            ['fw', fake(24, ALNUM, 'fw-3')].join('_'),
            'import fireworks from "./fw_animation_controller_module"',
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/harness.js


const pat = (kind, seed) => [kind, fake(22, B64URL, seed), fake(24, HEX, seed + 'b'), fake(20, ALNUM, seed + 'c')].join('.');
/** `pat.` alone is everywhere in code (`pat.test(`): a token is found near the word Harness. */
const harnessToken = boundDetector({
    id: 'secret/harness-token',
    title: 'Harness API token',
    provider: 'Harness',
    description: 'A Harness personal access token (`pat.`) or service account token (`sat.`): account id (22), token id (24 hex), secret (20), joined by dots, near the word Harness.',
    near: ['harness'],
    before: 512,
    after: 512,
    value: '(?:pat|sat)\\.[A-Za-z0-9_-]{22}\\.[0-9a-f]{24}\\.[A-Za-z0-9]{20}',
    chars: 'A-Za-z0-9_.-',
    anywhere: true,
    samples: {
        match: () => [
            `HARNESS_API_KEY=${pat('pat', 'harness-1')}`,
            `harness:\n  token: ${pat('sat', 'harness-2')}\n`,
        ],
        noMatch: () => [
            `HARNESS_API_KEY=pat.${'x'.repeat(22)}.${'x'.repeat(24)}.${'x'.repeat(20)}`,
            'HARNESS_API_KEY=pat.<account>.<id>.<secret>',
            pat('pat', 'harness-3'),
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/hetzner.js


const hetznerApiToken = boundDetector({
    id: 'secret/hetzner-api-token',
    title: 'Hetzner Cloud API token',
    provider: 'Hetzner',
    description: 'A Hetzner Cloud API token (64 letters and digits), named as one (`HCLOUD_TOKEN`, `HETZNER_API_TOKEN`) or as `token` inside a Hetzner block.',
    near: ['hcloud', 'hetzner'],
    value: '[A-Za-z0-9]{64}',
    chars: 'A-Za-z0-9_-',
    names: /^(?:hcloud|hetzner(?:cloud)?)(?:api|dns)?token$/,
    generic: /^(?:api)?token$/,
    verify: (v) => (mixed(v) ? undefined : false),
    samples: {
        match: () => [
            `HCLOUD_TOKEN=${fake(64, ALNUM, 'hz-1')}\n`,
            `provider "hcloud" {\n  token = "${fake(64, ALNUM, 'hz-2')}"\n}\n`,
        ],
        noMatch: () => [
            ...unboundSamples('HCLOUD_TOKEN', 'hetzner', fake(64, ALNUM, 'hz-3')),
            `HCLOUD_TOKEN=${fake(64, '0123456789abcdef', 'hz-4')}`,
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/jfrog.js


const jfrogApiKey = tokenDetector({
    id: 'secret/jfrog-api-key',
    title: 'JFrog Artifactory API key',
    provider: 'JFrog',
    description: 'A JFrog Artifactory API key (`AKCp` + 69 letters and digits).',
    keywords: ['akcp'],
    pattern: `${B}AKCp(?<body>[A-Za-z0-9]{69})${E}`,
    samples: {
        match: () => [
            `ARTIFACTORY_API_KEY=AK${'Cp'}${fake(69, ALNUM, 'jf-1')}`,
            `curl -H "X-JFrog-Art-Api: AK${'Cp'}${fake(69, ALNUM, 'jf-2')}" https://acme.jfrog.io/artifactory/api/repositories`,
        ],
        noMatch: () => [
            'AKCp' + 'x'.repeat(69),
            `AKCp${fake(50, ALNUM, 'jf-3')}`,
            'ARTIFACTORY_API_KEY=AKCp...',
        ],
    },
});
/** `cmVmdGtu` is base64 of `reftkn`: every reference token starts with it. */
const jfrogReferenceToken = tokenDetector({
    id: 'secret/jfrog-reference-token',
    title: 'JFrog reference token',
    provider: 'JFrog',
    description: 'A JFrog Platform reference (access) token (`cmVmdGtu`, base64 of `reftkn`, + 56 letters and digits).',
    keywords: ['cmvmdgtu'],
    pattern: `${B}cmVmdGtu(?<body>[A-Za-z0-9]{56})${E}`,
    samples: {
        match: () => [
            `JFROG_ACCESS_TOKEN=cmVm${'dGtu'}${fake(56, ALNUM, 'jf-4')}`,
            `//acme.jfrog.io/artifactory/api/npm/npm/:_authToken=cmVm${'dGtu'}${fake(56, ALNUM, 'jf-5')}`,
        ],
        noMatch: () => ['cmVmdGtu' + 'x'.repeat(56), `cmVmdGtu${fake(40, ALNUM, 'jf-6')}`],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/linode.js


const linodeToken = boundDetector({
    id: 'secret/linode-token',
    title: 'Linode personal access token',
    provider: 'Akamai (Linode)',
    description: 'A Linode (Akamai Cloud) personal access token (64 hex characters), named as one (`LINODE_TOKEN`, `LINODE_CLI_TOKEN`, `linodeApiToken`) or as `token` inside a Linode block.',
    near: ['linode'],
    value: '[0-9a-f]{64}',
    chars: 'A-Za-z0-9_-',
    names: /^linode(?:cli|api|access)?(?:token|key)$/,
    generic: /^(?:api|access)?token$/,
    verify: (v) => (hexish(v) ? undefined : false),
    samples: {
        match: () => [
            `LINODE_TOKEN=${fake(64, HEX, 'linode-1')}\n`,
            `provider "linode" {\n  token = "${fake(64, HEX, 'linode-2')}"\n}\n`,
        ],
        noMatch: () => [
            ...unboundSamples('LINODE_TOKEN', 'linode', fake(64, HEX, 'linode-3')),
            `linode/ubuntu22.04 sha256:${fake(64, HEX, 'linode-4')}`,
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/mistral.js


const mistralApiKey = boundDetector({
    id: 'secret/mistral-api-key',
    title: 'Mistral AI API key',
    provider: 'Mistral AI',
    description: 'A Mistral AI API key (32 letters and digits), named as one (`MISTRAL_API_KEY`, `mistralApiKey`) or as `apiKey` inside a Mistral block.',
    near: ['mistral'],
    value: '[A-Za-z0-9]{32}',
    chars: 'A-Za-z0-9_-',
    names: /^mistral(?:ai)?(?:api)?key$/,
    generic: /^(?:api)?key$/,
    verify: (v) => (mixed(v) ? undefined : false),
    samples: {
        match: () => [
            `MISTRAL_API_KEY=${fake(32, ALNUM, 'mistral-1')}\n`,
            `const client = new Mistral({ apiKey: '${fake(32, ALNUM, 'mistral-2')}' })`,
        ],
        noMatch: () => [
            ...unboundSamples('MISTRAL_API_KEY', 'mistral', fake(32, ALNUM, 'mistral-3')),
            `model: "mistral-large-latest", requestId: "${fake(32, ALNUM, 'mistral-4')}"`,
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/nuget.js


const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
/** `oy2` is too short to look for alone: a key is found near the word NuGet. */
const nugetApiKey = boundDetector({
    id: 'secret/nuget-api-key',
    title: 'NuGet API key',
    provider: 'NuGet',
    description: 'A nuget.org API key (`oy2` + 43 lower-case letters and digits) near the word NuGet.',
    near: ['nuget'],
    before: 512,
    after: 512,
    value: 'oy2[a-z0-9]{43}',
    chars: 'A-Za-z0-9_-',
    anywhere: true,
    verify: (v) => (/[0-9]/.test(v.slice(3)) ? undefined : false),
    samples: {
        match: () => [
            `dotnet nuget push app.nupkg --api-key oy2${fake(43, LOWER_ALNUM, 'nuget-1')} --source https://api.nuget.org/v3/index.json`,
            `NUGET_API_KEY=oy2${fake(43, LOWER_ALNUM, 'nuget-2')}`,
        ],
        noMatch: () => [
            `NUGET_API_KEY=oy2${'x'.repeat(43)}`,
            'dotnet nuget push app.nupkg --api-key $NUGET_API_KEY',
            `dotnet nuget push app.nupkg --api-key oy2${fake(30, LOWER_ALNUM, 'nuget-3')}`,
            `oy2${fake(43, LOWER_ALNUM, 'nuget-4')}`,
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/octopus.js


const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
/** `API-` alone is everywhere in code: a key is found near the word Octopus. */
const octopusApiKey = boundDetector({
    id: 'secret/octopus-deploy-api-key',
    title: 'Octopus Deploy API key',
    provider: 'Octopus Deploy',
    description: 'An Octopus Deploy API key (`API-` + 26-34 upper-case letters and digits) near the word Octopus.',
    near: ['octopus'],
    before: 512,
    after: 512,
    value: 'API-[A-Z0-9]{26,34}',
    chars: 'A-Za-z0-9_-',
    anywhere: true,
    verify: (v) => (/[0-9]/.test(v.slice(4)) && /[A-Z]/.test(v.slice(4)) ? undefined : false),
    samples: {
        match: () => [
            `OCTOPUS_URL=https://acme.octopus.app\nOCTOPUS_API_KEY=API-${fake(26, UPPER_ALNUM, 'octo-1')}\n`,
            `octo push --package app.1.0.0.zip --server https://acme.octopus.app --apiKey API-${fake(32, UPPER_ALNUM, 'octo-2')}`,
        ],
        noMatch: () => [
            `OCTOPUS_API_KEY=API-${'X'.repeat(26)}`,
            'OCTOPUS_API_KEY=API-XXXXXXXXXXXXXXXXXXXXXXXXXX',
            `API-${fake(26, UPPER_ALNUM, 'octo-3')}`,
            'octopus: { "API-VERSION": "2023-01-01" }',
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/railway.js

const railway_UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const railwayToken = boundDetector({
    id: 'secret/railway-token',
    title: 'Railway API token',
    provider: 'Railway',
    description: 'A Railway account, team or project token (a UUID), named as one (`RAILWAY_TOKEN`, `RAILWAY_API_TOKEN`) or as `token` inside a Railway block.',
    near: ['railway'],
    value: railway_UUID,
    chars: 'A-Za-z0-9_-',
    names: /^railway(?:api|project|team|account)?token$/,
    generic: /^(?:api)?token$/,
    samples: {
        match: () => [`RAILWAY_TOKEN=${keyword_bound_uuid('rw-1')}\n`, `RAILWAY_API_TOKEN="${keyword_bound_uuid('rw-2')}"`],
        noMatch: () => [
            ...unboundSamples('RAILWAY_TOKEN', 'railway', keyword_bound_uuid('rw-3')),
            `RAILWAY_PROJECT_ID=${keyword_bound_uuid('rw-4')}`,
            `RAILWAY_SERVICE_ID=${keyword_bound_uuid('rw-5')}`,
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/replicate.js


/** `r8_` is too short to look for alone: a token is found near the word Replicate. */
const replicateApiToken = boundDetector({
    id: 'secret/replicate-api-token',
    title: 'Replicate API token',
    provider: 'Replicate',
    description: 'A Replicate API token (`r8_` + 37 characters) near the word Replicate.',
    near: ['replicate'],
    before: 512,
    after: 512,
    value: 'r8_[A-Za-z0-9_-]{37}',
    chars: 'A-Za-z0-9_-',
    anywhere: true,
    verify: (v) => (/[0-9]/.test(v.slice(3)) && /[A-Za-z]/.test(v.slice(3)) ? undefined : false),
    samples: {
        match: () => [
            `REPLICATE_API_TOKEN=${['r8', fake(37, B64URL, 'r8-1')].join('_')}`,
            `const replicate = new Replicate({ auth: "${['r8', fake(37, B64URL, 'r8-2')].join('_')}" })`,
        ],
        noMatch: () => [
            `REPLICATE_API_TOKEN=r8_${'x'.repeat(37)}`,
            'REPLICATE_API_TOKEN=r8_...',
            ['r8', fake(37, B64URL, 'r8-3')].join('_'),
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/scaleway.js



const scaleway_UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const afterAccessKey = nextAfter(`${boundary('A-Za-z0-9')}SCW[A-Z0-9]{17}`, 20);
/** The access key (`SCW\u2026`) is an identifier; the secret key is a UUID bound to it. */
const scalewaySecretKey = boundDetector({
    id: 'secret/scaleway-secret-key',
    title: 'Scaleway secret key',
    provider: 'Scaleway',
    description: 'A Scaleway API secret key (a UUID), named as one (`SCW_SECRET_KEY`, `scalewaySecretKey`), as `secret_key` inside a Scaleway block, or the next item after an access key (`SCW\u2026`).',
    near: ['scaleway', 'scw_secret_key', 'scw_access_key'],
    value: scaleway_UUID,
    chars: 'A-Za-z0-9_-',
    names: /^(?:scaleway|scw)(?:api)?secret(?:key)?$/,
    generic: /^secret(?:key)?$/,
    placed: afterAccessKey,
    samples: {
        match: () => [
            `SCW_ACCESS_KEY=SCW${'X'.repeat(17)}\nSCW_SECRET_KEY=${keyword_bound_uuid('scw-1')}\n`,
            `provider "scaleway" {\n  secret_key = "${keyword_bound_uuid('scw-2')}"\n}\n`,
        ],
        noMatch: () => [
            ...unboundSamples('SCW_SECRET_KEY', 'scaleway', keyword_bound_uuid('scw-3')),
            `SCW_DEFAULT_PROJECT_ID=${keyword_bound_uuid('scw-4')}`,
            `SCW_DEFAULT_ORGANIZATION_ID=${keyword_bound_uuid('scw-5')}`,
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/snyk.js

const snyk_UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const snykToken = boundDetector({
    id: 'secret/snyk-token',
    title: 'Snyk API token',
    provider: 'Snyk',
    description: 'A Snyk API or service account token (a UUID), named as one (`SNYK_TOKEN`, `SNYK_API_TOKEN`, `snykApiKey`) or as `token` inside a Snyk block.',
    near: ['snyk'],
    value: snyk_UUID,
    chars: 'A-Za-z0-9_-',
    names: /^snyk(?:api|oauth|auth)?(?:token|key)$/,
    generic: /^(?:api)?token$/,
    samples: {
        match: () => [`SNYK_TOKEN=${keyword_bound_uuid('snyk-1')}\n`, `snyk:\n  token: ${keyword_bound_uuid('snyk-2')}\n`],
        noMatch: () => [
            ...unboundSamples('SNYK_TOKEN', 'snyk', keyword_bound_uuid('snyk-3')),
            `SNYK_ORG_ID=${keyword_bound_uuid('snyk-4')}`,
            `snyk monitor --org=${keyword_bound_uuid('snyk-5')}`,
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/sonar.js



const sonar_KINDS = {
    u: 'SonarQube user token',
    p: 'SonarQube project analysis token',
    a: 'SonarQube global analysis token',
};
const sonarToken = tokenDetector({
    id: 'secret/sonar-token',
    title: 'SonarQube token',
    provider: 'SonarQube / SonarCloud',
    description: 'A SonarQube user (`squ_`), project analysis (`sqp_`) or global analysis (`sqa_`) token: 40 hex characters.',
    keywords: ['squ_', 'sqp_', 'sqa_'],
    guards: { squ_: '[0-9a-f]{40}', sqp_: '[0-9a-f]{40}', sqa_: '[0-9a-f]{40}' },
    pattern: `${B}sq([upa])_(?<body>[0-9a-f]{40})${E}`,
    label: (m) => sonar_KINDS[m[1]],
    samples: {
        match: () => [
            `SONAR_TOKEN=${['squ', fake(40, HEX, 'sq-1')].join('_')}`,
            `sonar.token=${['sqp', fake(40, HEX, 'sq-2')].join('_')}`,
        ],
        noMatch: () => [
            'sqp_' + 'x'.repeat(40),
            ['squ', fake(30, HEX, 'sq-3')].join('_'),
            'SONAR_TOKEN=squ_<token>',
            'const squ_root = Math.sqrt(x)',
        ],
    },
});
/** SonarCloud and older SonarQube tokens: 40 hex characters, bound by name or block. */
const sonarLegacyToken = boundDetector({
    id: 'secret/sonar-legacy-token',
    title: 'SonarQube / SonarCloud token (unprefixed)',
    provider: 'SonarQube / SonarCloud',
    description: 'A SonarCloud or older SonarQube token (40 hex characters), named as one (`SONAR_TOKEN`, `sonar.login`, `sonar.token`) or as `token` inside a Sonar block.',
    near: ['sonar'],
    value: '[0-9a-f]{40}',
    chars: 'A-Za-z0-9_-',
    names: /^sonar(?:qube|cloud)?(?:login|token|authtoken)$/,
    generic: /^(?:login|token)$/,
    verify: (v) => (hexish(v) ? undefined : false),
    samples: {
        match: () => [
            `SONAR_TOKEN=${fake(40, HEX, 'sq-4')}\n`,
            `sonar.host.url=https://sonarcloud.io\nsonar.login=${fake(40, HEX, 'sq-5')}\n`,
        ],
        noMatch: () => [
            ...unboundSamples('SONAR_TOKEN', 'sonar', fake(40, HEX, 'sq-6')),
            `sonar.scm.revision=${fake(40, HEX, 'sq-7')}`,
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/together.js



const togetherApiKey = tokenDetector({
    id: 'secret/together-api-key',
    title: 'Together AI API key',
    provider: 'Together AI',
    description: 'A Together AI API key (`tgp_v1_` + 43 base64url characters).',
    keywords: ['tgp_v1_'],
    pattern: `${B}tgp_v1_(?<body>[A-Za-z0-9_-]{43})${E}`,
    samples: {
        match: () => [`TOGETHER_API_KEY=${['tgp', 'v1', fake(43, B64URL, 'tg-1')].join('_')}`],
        noMatch: () => [
            'tgp_v1_' + 'x'.repeat(43),
            ['tgp', 'v1', fake(30, B64URL, 'tg-2')].join('_'),
            'TOGETHER_API_KEY=tgp_v1_...',
        ],
    },
});
/** Keys made before the prefix: 64 hex characters, bound to Together AI by name or block. */
const togetherLegacyApiKey = boundDetector({
    id: 'secret/together-legacy-api-key',
    title: 'Together AI API key (unprefixed)',
    provider: 'Together AI',
    description: 'A Together AI API key made before the prefix (64 hex characters), named as one (`TOGETHER_API_KEY`, `togetherApiKey`) or as `apiKey` inside a Together block.',
    near: [
        'together_',
        'togetherai',
        'togetherapi',
        'together.xyz',
        'together.ai',
        'together(',
        'together:',
    ],
    value: '[0-9a-f]{64}',
    chars: 'A-Za-z0-9_-',
    names: /^together(?:ai)?(?:api)?key$/,
    generic: /^(?:api)?key$/,
    verify: (v) => (hexish(v) ? undefined : false),
    samples: {
        match: () => [
            `TOGETHER_API_KEY=${fake(64, HEX, 'tg-3')}\n`,
            `const together = new Together({ apiKey: "${fake(64, HEX, 'tg-4')}" })`,
        ],
        noMatch: () => [
            ...unboundSamples('TOGETHER_API_KEY', 'together_', fake(64, HEX, 'tg-5')),
            `TOGETHER_API_KEY=${'0'.repeat(64)}`,
            `// we work together: ${fake(64, HEX, 'tg-6')}`,
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/travis.js


const travisToken = boundDetector({
    id: 'secret/travis-token',
    title: 'Travis CI API token',
    provider: 'Travis CI',
    description: 'A Travis CI API token (22 letters and digits), named as one (`TRAVIS_TOKEN`, `TRAVIS_API_TOKEN`) or as `token` inside a Travis block.',
    near: ['travis'],
    value: '[A-Za-z0-9]{22}',
    chars: 'A-Za-z0-9_-',
    names: /^travis(?:ci)?(?:api|access)?token$/,
    generic: /^(?:api|access)?token$/,
    verify: (v) => (mixed(v) ? undefined : false),
    samples: {
        match: () => [
            `TRAVIS_TOKEN=${fake(22, ALNUM, 'travis-1')}\n`,
            `travis:\n  api_token: ${fake(22, ALNUM, 'travis-2')}\n`,
        ],
        noMatch: () => [
            ...unboundSamples('TRAVIS_TOKEN', 'travis', fake(22, ALNUM, 'travis-3')),
            `TRAVIS_BUILD_ID=${fake(22, ALNUM, 'travis-4')}`,
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/upstash.js


const upstashToken = boundDetector({
    id: 'secret/upstash-token',
    title: 'Upstash token',
    provider: 'Upstash',
    description: 'An Upstash Redis REST token or QStash token (40-200 base64 characters), named as one (`UPSTASH_REDIS_REST_TOKEN`, `QSTASH_TOKEN`) or as `token` inside an Upstash block.',
    near: ['upstash', 'qstash'],
    value: '[A-Za-z0-9_-]{40,200}={0,2}',
    chars: 'A-Za-z0-9_-',
    names: /^(?:upstash(?:redis|vector|kafka)?(?:rest)?|kv(?:rest)?(?:api)?|qstash)token$/,
    generic: /^(?:rest)?token$/,
    verify: (v) => (mixed(v) ? undefined : false),
    samples: {
        match: () => [
            `UPSTASH_REDIS_REST_URL=https://eu1-brave-cat-31337.upstash.io\nUPSTASH_REDIS_REST_TOKEN=A${fake(59, B64URL, 'up-1')}=\n`,
            `new Redis({ url: "https://usw1-x.upstash.io", token: "A${fake(67, B64URL, 'up-2')}" })`,
        ],
        noMatch: () => [
            ...unboundSamples('UPSTASH_REDIS_REST_TOKEN', 'upstash', 'A' + fake(59, B64URL, 'up-3')),
            'UPSTASH_REDIS_REST_TOKEN=********',
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/vultr.js


const vultr_UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const vultrApiKey = boundDetector({
    id: 'secret/vultr-api-key',
    title: 'Vultr API key',
    provider: 'Vultr',
    description: 'A Vultr API key (36 upper-case letters and digits), named as one (`VULTR_API_KEY`) or as `apiKey` inside a Vultr block.',
    near: ['vultr'],
    value: '[A-Z0-9]{36}',
    chars: 'A-Za-z0-9_-',
    names: /^vultr(?:api)?(?:key|token)$/,
    generic: /^(?:api)?(?:key|token)$/,
    verify: (v) => (/[A-Z]/.test(v) && /[0-9]/.test(v) ? undefined : false),
    samples: {
        match: () => [
            `VULTR_API_KEY=${fake(36, vultr_UPPER_ALNUM, 'vultr-1')}\n`,
            `provider "vultr" {\n  api_key = "${fake(36, vultr_UPPER_ALNUM, 'vultr-2')}"\n}\n`,
        ],
        noMatch: () => [
            ...unboundSamples('VULTR_API_KEY', 'vultr', fake(36, vultr_UPPER_ALNUM, 'vultr-3')),
            `VULTR_API_KEY=${'X'.repeat(36)}`,
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/alibaba.js




const alibaba_keyId = (seed) => 'LT' + 'AI' + fake(20, ALNUM, seed);
/** An AccessKey ID alone cannot sign a request: a warning, as AWS key ids are. */
const alibabaAccessKeyId = tokenDetector({
    id: 'secret/alibaba-access-key-id',
    title: 'Alibaba Cloud AccessKey ID',
    provider: 'Alibaba Cloud',
    description: 'An Alibaba Cloud AccessKey ID (`LTAI` + 12-20 letters and digits): not usable alone, but its secret is rarely far.',
    severity: 'warning',
    keywords: ['ltai'],
    pattern: `${B}LTAI(?<body>[A-Za-z0-9]{12,20})${E}`,
    samples: {
        match: () => [`ALIBABA_CLOUD_ACCESS_KEY_ID=${alibaba_keyId('ali-1')}`],
        noMatch: () => [
            'LTAI' + 'x'.repeat(20),
            'LTAI' + 'X'.repeat(20),
            'ALIBABA_CLOUD_ACCESS_KEY_ID=LTAI****************',
        ],
    },
});
const alibaba_afterKeyId = nextAfter(`${boundary('A-Za-z0-9')}LTAI[A-Za-z0-9]{12,20}`, 24);
/** The AccessKey secret: 30 letters and digits, bound by its name or its place after the id. */
const alibabaAccessKeySecret = boundDetector({
    id: 'secret/alibaba-access-key-secret',
    title: 'Alibaba Cloud AccessKey secret',
    provider: 'Alibaba Cloud',
    description: 'An Alibaba Cloud AccessKey secret (30 letters and digits), named as one (`ALIBABA_CLOUD_ACCESS_KEY_SECRET`, `accessKeySecret`) near an AccessKey ID or an Alibaba name, or the next item after an AccessKey ID.',
    near: ['ltai', 'alibaba', 'aliyun'],
    value: '[A-Za-z0-9]{30}',
    chars: 'A-Za-z0-9_-',
    names: /^(?:alibaba(?:cloud)?|aliyun|alicloud)?(?:accesskey|ak)?secret$/,
    placed: alibaba_afterKeyId,
    verify: (v) => (/[0-9]/.test(v) && /[A-Za-z]/.test(v) ? undefined : false),
    samples: {
        match: () => [
            `ALIBABA_CLOUD_ACCESS_KEY_ID=${['LT', 'AI'].join('')}xxxxxxxxxxxxxxxxxxxx\nALIBABA_CLOUD_ACCESS_KEY_SECRET=${fake(30, ALNUM, 'ali-2')}\n`,
            `new OSS({ region: 'oss-cn-hangzhou', accessKeyId: process.env.ID, accessKeySecret: '${fake(30, ALNUM, 'ali-3')}' }) // aliyun`,
        ],
        noMatch: () => [
            ...unboundSamples('ALIBABA_CLOUD_ACCESS_KEY_SECRET', 'alibaba', fake(30, ALNUM, 'ali-4')),
            `ALIBABA_CLOUD_ACCESS_KEY_SECRET=${'x'.repeat(30)}`,
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/buildkite.js


const buildkiteToken = tokenDetector({
    id: 'secret/buildkite-token',
    title: 'Buildkite API access token',
    provider: 'Buildkite',
    description: 'A Buildkite user API access token (`bkua_` + 40 hex characters).',
    keywords: ['bkua_'],
    pattern: `${B}bkua_(?<body>[0-9a-f]{40})${E}`,
    samples: {
        match: () => [`BUILDKITE_API_TOKEN=${['bkua', fake(40, HEX, 'bk-1')].join('_')}`],
        noMatch: () => [
            'bkua_' + 'x'.repeat(40),
            ['bkua', fake(32, HEX, 'bk-2')].join('_'),
            'BUILDKITE_API_TOKEN=bkua_<token>',
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/clojars.js


const clojars_LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
const clojarsToken = tokenDetector({
    id: 'secret/clojars-token',
    title: 'Clojars deploy token',
    provider: 'Clojars',
    description: 'A Clojars deploy token (`CLOJARS_` + 60 lower-case letters and digits).',
    keywords: ['clojars_'],
    pattern: `${B}CLOJARS_(?<body>[a-z0-9]{60})${E}`,
    verify: (m) => (/[0-9]/.test(m.groups.body) ? undefined : false),
    samples: {
        match: () => [`:password "${['CLOJARS', fake(60, clojars_LOWER_ALNUM, 'clj-1')].join('_')}"`],
        noMatch: () => [
            'CLOJARS_' + 'x'.repeat(60),
            'CLOJARS_USERNAME=me',
            'CLOJARS_DEPLOY_TOKEN=${{ secrets.CLOJARS_DEPLOY_TOKEN }}',
            ['CLOJARS', fake(40, clojars_LOWER_ALNUM, 'clj-2')].join('_'),
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/cloudflare.js



const cloudflareToken = tokenDetector({
    id: 'secret/cloudflare-token',
    title: 'Cloudflare API token',
    provider: 'Cloudflare',
    description: 'A Cloudflare user (`cfut_`) or account (`cfat_`) API token in the prefixed format: 40 letters and digits, then 8 hex characters.',
    keywords: ['cfut_', 'cfat_'],
    pattern: `${B}cf([ua])t_(?<body>[A-Za-z0-9]{40}[0-9a-fA-F]{8})${E}`,
    label: (m) => (m[1] === 'u' ? 'Cloudflare user API token' : 'Cloudflare account API token'),
    samples: {
        match: () => [
            `CLOUDFLARE_API_TOKEN=${['cfut', fake(40, ALNUM, 'cf-1') + fake(8, HEX, 'cf-2')].join('_')}`,
        ],
        noMatch: () => [
            'cfut_' + 'x'.repeat(48),
            ['cfat', fake(30, ALNUM, 'cf-3')].join('_'),
            'CLOUDFLARE_API_TOKEN=cfut_...',
        ],
    },
});
/** API tokens made before the prefixes: 40 characters, bound to Cloudflare by name or block. */
const cloudflareApiToken = boundDetector({
    id: 'secret/cloudflare-api-token',
    title: 'Cloudflare API token (unprefixed)',
    provider: 'Cloudflare',
    description: 'A Cloudflare API token made before prefixes (40 letters, digits, `_`, `-`), named as one (`CLOUDFLARE_API_TOKEN`, `CF_API_TOKEN`) or as `apiToken` inside a Cloudflare block.',
    near: ['cloudflare', 'cf_api_token'],
    value: '[A-Za-z0-9_-]{40}',
    chars: 'A-Za-z0-9_-',
    names: /^(?:cloudflare|cf)(?:api|dns|zone|account|user)?token$/,
    generic: /^(?:api)?token$/,
    verify: (v) => (mixed(v) ? undefined : false),
    samples: {
        match: () => [
            `CLOUDFLARE_API_TOKEN=${fake(40, B64URL, 'cf-4')}\n`,
            `const cf = new Cloudflare({ apiToken: "${fake(40, B64URL, 'cf-5')}" })`,
            `[cloudflare]\napi_token = ${fake(40, B64URL, 'cf-6')}\n`,
        ],
        noMatch: () => [
            ...unboundSamples('CLOUDFLARE_API_TOKEN', 'cloudflare', fake(40, B64URL, 'cf-7')),
            `CLOUDFLARE_API_TOKEN=${fake(40, HEX, 'cf-8')}`,
            `cloudflare:\n  account_id: ${fake(32, HEX, 'cf-9')}\n  commit: ${fake(40, HEX, 'cf-10')}\n`,
        ],
    },
});
/** The global API key: 37 hex characters, bound to Cloudflare by name or block. */
const cloudflareGlobalApiKey = boundDetector({
    id: 'secret/cloudflare-global-api-key',
    title: 'Cloudflare global API key',
    provider: 'Cloudflare',
    description: 'A Cloudflare global API key (37 hex characters), named as one (`CLOUDFLARE_API_KEY`, `CF_API_KEY`, `X-Auth-Key`) or as `apiKey` inside a Cloudflare block.',
    near: ['cloudflare', 'cf_api_key', 'x-auth-key'],
    value: '[0-9a-f]{37}',
    chars: 'A-Za-z0-9_-',
    names: /^(?:cloudflare|cf)(?:global)?(?:api|auth)?key$|^xauthkey$/,
    generic: /^(?:global)?(?:api)?key$/,
    verify: (v) => (hexish(v) ? undefined : false),
    samples: {
        match: () => [
            `CLOUDFLARE_EMAIL=ops@example.com\nCLOUDFLARE_API_KEY=${fake(37, HEX, 'cf-11')}\n`,
            `curl -H "X-Auth-Email: ops@example.com" -H "X-Auth-Key: ${fake(37, HEX, 'cf-12')}" https://api.cloudflare.com/client/v4/zones`,
        ],
        noMatch: () => [
            ...unboundSamples('CLOUDFLARE_API_KEY', 'cloudflare', fake(37, HEX, 'cf-13')),
            `CLOUDFLARE_API_KEY=${fake(40, HEX, 'cf-14')}`,
        ],
    },
});
const cloudflareOriginCaKey = tokenDetector({
    id: 'secret/cloudflare-origin-ca-key',
    title: 'Cloudflare Origin CA key',
    provider: 'Cloudflare',
    description: 'A Cloudflare Origin CA key (`v1.0-`, 24 hex characters, `-`, 146 hex characters).',
    keywords: ['v1.0-'],
    guards: { 'v1.0-': '[0-9a-f]{24}-' },
    pattern: `${B}v1\\.0-[0-9a-f]{24}-(?<body>[0-9a-f]{146})${E}`,
    shown: 0,
    samples: {
        match: () => [
            `CF_ORIGIN_CA_KEY=${['v1.0', fake(24, HEX, 'cf-15'), fake(146, HEX, 'cf-16')].join('-')}`,
        ],
        noMatch: () => [
            'version: v1.0-beta.1',
            ['v1.0', 'x'.repeat(24), 'x'.repeat(146)].join('-'),
            ['v1.0', fake(24, HEX, 'cf-17'), fake(100, HEX, 'cf-18')].join('-'),
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/databricks.js


const databricksToken = tokenDetector({
    id: 'secret/databricks-token',
    title: 'Databricks personal access token',
    provider: 'Databricks',
    description: 'A Databricks personal access token (`dapi` + 32 hex characters, maybe `-2`).',
    keywords: ['dapi'],
    guards: { dapi: '[0-9a-f]{32}' },
    pattern: `${B}dapi(?<body>[0-9a-f]{32})(?:-\\d)?${E}`,
    samples: {
        match: () => [
            `DATABRICKS_TOKEN=dapi${fake(32, HEX, 'dbx-1')}`,
            `{"host": "https://adb-1.azuredatabricks.net", "token": "dapi${fake(32, HEX, 'dbx-2')}-2"}`,
            // a counting run inside a random body is still random
            `DATABRICKS_TOKEN=dapi${fake(14, HEX, 'dbx-5')}1234${fake(14, HEX, 'dbx-6')}`,
        ],
        noMatch: () => [
            'dapi' + 'x'.repeat(32),
            'dapi' + '0'.repeat(32),
            'DATABRICKS_TOKEN=dapi<token>',
            `dapi${fake(31, HEX, 'dbx-3')}`,
            `dapi${fake(32, HEX, 'dbx-4')}ab`,
            'const adapter = require("./adapter")',
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/deno.js


const denoDeployToken = tokenDetector({
    id: 'secret/deno-deploy-token',
    title: 'Deno Deploy access token',
    provider: 'Deno Deploy',
    description: 'A Deno Deploy personal access token (`ddp_`) or workflow token (`ddw_`): 36 letters and digits.',
    keywords: ['ddp_', 'ddw_'],
    pattern: `${B}dd[pw]_(?<body>[A-Za-z0-9]{36})${E}`,
    samples: {
        match: () => [
            `DENO_DEPLOY_TOKEN=${['ddp', fake(36, ALNUM, 'dd-1')].join('_')}`,
            `deployctl deploy --token=${['ddw', fake(36, ALNUM, 'dd-2')].join('_')}`,
        ],
        noMatch: () => [
            'ddp_' + 'x'.repeat(36),
            ['ddp', fake(30, ALNUM, 'dd-3')].join('_'),
            'DENO_DEPLOY_TOKEN=ddp_...',
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/doppler.js


const doppler_KINDS = {
    pt: 'Doppler personal token',
    st: 'Doppler service token',
    sa: 'Doppler service account token',
    ct: 'Doppler CLI token',
    scim: 'Doppler SCIM token',
    audit: 'Doppler audit token',
};
const dopplerToken = tokenDetector({
    id: 'secret/doppler-token',
    title: 'Doppler token',
    provider: 'Doppler',
    description: 'A Doppler token (`dp.pt.` personal, `dp.st.` service (maybe with its config: `dp.st.prd.`), `dp.sa.`, `dp.ct.`, `dp.scim.`, `dp.audit.`) and 40-44 letters and digits.',
    keywords: Object.keys(doppler_KINDS).map((k) => `dp.${k}.`),
    pattern: `${B}dp\\.(pt|st|sa|ct|scim|audit)\\.(?:(?<=st\\.)[a-z0-9_-]{2,35}\\.)?(?<body>[A-Za-z0-9]{40,44})${E}`,
    label: (m) => doppler_KINDS[m[1]],
    samples: {
        match: () => [
            `DOPPLER_TOKEN=${['dp', 'pt', fake(43, ALNUM, 'dp-1')].join('.')}`,
            `DOPPLER_TOKEN="${['dp', 'st', 'prd', fake(40, ALNUM, 'dp-2')].join('.')}"`,
            `DOPPLER_TOKEN=${['dp', 'pt', fake(20, ALNUM, 'dp-5') + 'AAAA' + fake(19, ALNUM, 'dp-6')].join('.')}`,
            `doppler run --token ${['dp', 'sa', fake(43, ALNUM, 'dp-3')].join('.')} -- node app.js`,
        ],
        noMatch: () => [
            'DOPPLER_TOKEN=dp.pt.' + 'x'.repeat(43),
            'DOPPLER_TOKEN=dp.st.xxxx',
            ['dp', 'pt', fake(30, ALNUM, 'dp-4')].join('.'),
            'if (token.startsWith("dp.pt.")) kind = "personal"',
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/firebase.js



/** Found at `:APA91b`, then matched from the `AAAA` and 7 characters before it. */
const firebaseServerKey = markerDetector({
    id: 'secret/firebase-server-key',
    title: 'Firebase Cloud Messaging server key',
    provider: 'Firebase',
    description: 'A Firebase Cloud Messaging legacy server key (`AAAA` + 7 characters, `:APA91b`, 134 characters), which sends push messages to every user of the app.',
    keywords: [':apa91b'],
    before: 11,
    pattern: `${B}AAAA[A-Za-z0-9_-]{7}:APA91b(?<body>[A-Za-z0-9_-]{134})${E}`,
    shown: 4,
    samples: {
        match: () => [
            `const FCM_SERVER_KEY = "AAAA${fake(7, B64URL, 'fcm-1')}:APA91b${fake(134, B64URL, 'fcm-2')}"`,
            `headers: { Authorization: "key=AAAA${fake(7, B64URL, 'fcm-3')}:APA91b${fake(60, B64URL, 'fcm-4')}AAAA${fake(70, B64URL, 'fcm-5')}" }`,
        ],
        noMatch: () => [
            `key=AAAA${'x'.repeat(7)}:APA91b${'x'.repeat(134)}`,
            'serverKey: "AAAA...:APA91b..."',
            `AAAA${fake(7, B64URL, 'fcm-6')}:APA91b${fake(100, B64URL, 'fcm-7')}`,
            // a device registration token has no AAAA sender part
            `"to": "${fake(11, B64URL, 'fcm-8')}:APA91b${fake(134, B64URL, 'fcm-9')}"`,
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/flyio.js


/** A macaroon: `fm1r_`, `fm1a_` or `fm2_`, then base64; a token may join several with commas. */
const MACAROON = 'fm(?:1[ar]|2)_[A-Za-z0-9+/]{100,2000}={0,3}';
const flyioToken = tokenDetector({
    id: 'secret/flyio-token',
    title: 'Fly.io access token',
    provider: 'Fly.io',
    description: 'A Fly.io access token: macaroons (`fm1r_`, `fm1a_`, `fm2_` + 100 or more base64 characters, maybe several joined by commas, after `FlyV1 ` or not) or an organization token (`fo1_` + 43 characters).',
    keywords: ['fm1r_', 'fm1a_', 'fm2_', 'fo1_'],
    pattern: `${B}(?:(?<macaroon>${MACAROON}(?:,${MACAROON}){0,8})|fo1_(?<org>[A-Za-z0-9_-]{43}))(?![A-Za-z0-9+/=_-])`,
    label: (m) => (m.groups.org ? 'Fly.io organization token' : undefined),
    samples: {
        match: () => [
            `FLY_API_TOKEN="FlyV1 ${['fm2', fake(180, B64, 'fly-1')].join('_')},${['fm2', fake(120, B64, 'fly-2')].join('_')}"`,
            `FLY_ACCESS_TOKEN=${['fm1r', fake(200, B64, 'fly-3')].join('_')}`,
            `fly deploy --access-token ${['fo1', fake(43, B64URL, 'fly-4')].join('_')}`,
        ],
        noMatch: () => [
            'FLY_API_TOKEN="FlyV1 fm2_..."',
            'fm2_' + 'A'.repeat(150),
            ['fm2', fake(60, B64, 'fly-5')].join('_'),
            'fo1_' + 'x'.repeat(43),
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/groq.js


const groqApiKey = tokenDetector({
    id: 'secret/groq-api-key',
    title: 'Groq API key',
    provider: 'Groq',
    description: 'A Groq API key (`gsk_` + 52 letters and digits).',
    keywords: ['gsk_'],
    pattern: `${B}gsk_(?<body>[A-Za-z0-9]{52})${E}`,
    samples: {
        match: () => [
            `GROQ_API_KEY=${['gsk', fake(52, ALNUM, 'groq-1')].join('_')}`,
            `new Groq({ apiKey: "${['gsk', fake(20, ALNUM, 'groq-2') + '1234' + fake(28, ALNUM, 'groq-3')].join('_')}" })`,
        ],
        noMatch: () => [
            'gsk_' + 'x'.repeat(52),
            'GROQ_API_KEY=gsk_...',
            ['gsk', fake(48, ALNUM, 'groq-4')].join('_'),
            'if (key.startsWith("gsk_")) provider = "groq"',
        ],
        unverified: () => [
            ['gsk', fake(20, ALNUM, 'groq-5') + 'FakeKey' + fake(25, ALNUM, 'groq-6')].join('_'),
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/heroku.js



const herokuToken = tokenDetector({
    id: 'secret/heroku-token',
    title: 'Heroku API token',
    provider: 'Heroku',
    description: 'A Heroku API token in the current format (`HRKU-AA` + 58 characters).',
    keywords: ['hrku-aa'],
    pattern: `${B}HRKU-AA(?<body>[A-Za-z0-9_-]{58})${E}`,
    samples: {
        match: () => [`HEROKU_API_KEY=${['HRKU', 'AA' + fake(58, B64URL, 'hk-1')].join('-')}`],
        noMatch: () => [
            'HRKU-AA' + 'x'.repeat(58),
            ['HRKU', 'AA' + fake(40, B64URL, 'hk-2')].join('-'),
            'HEROKU_API_KEY=HRKU-AA...',
        ],
        unverified: () => [
            ['HRKU', 'AA' + fake(30, B64URL, 'hk-10') + 'mocktoken' + fake(19, B64URL, 'hk-11')].join('-'),
        ],
    },
});
const heroku_UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
/** The older format is a bare UUID: bound to Heroku by its name or its place in a Heroku block. */
const herokuApiKey = boundDetector({
    id: 'secret/heroku-api-key',
    title: 'Heroku API key',
    provider: 'Heroku',
    description: 'A Heroku API key in the older format (a UUID), named as one (`HEROKU_API_KEY`, `herokuApiToken`) or as `apiKey`/`token` inside a Heroku block.',
    near: ['heroku'],
    value: heroku_UUID,
    chars: 'A-Za-z0-9_-',
    names: /^heroku(?:cli|platform)?(?:api)?(?:key|token|authtoken|accesstoken)$/,
    generic: /^(?:api)?(?:key|token)$|^(?:auth|access)token$/,
    samples: {
        match: () => [
            `HEROKU_API_KEY=${keyword_bound_uuid('hk-3')}\n`,
            `HEROKU_API_KEY=${keyword_bound_uuid('hk-9').slice(0, 24)}0000${keyword_bound_uuid('hk-9').slice(28)}\n`,
            `deploy:\n  provider: heroku\n  api_key: ${keyword_bound_uuid('hk-4')}\n`,
            `const heroku = new Heroku({ token: '${keyword_bound_uuid('hk-5')}' })`,
        ],
        noMatch: () => [
            ...unboundSamples('HEROKU_API_KEY', 'heroku', keyword_bound_uuid('hk-6')),
            `HEROKU_APP_ID=${keyword_bound_uuid('hk-7')}`,
            'HEROKU_API_KEY=00000000-0000-0000-0000-000000000000',
            `heroku addons:attach ${keyword_bound_uuid('hk-8')}`,
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/langsmith.js


const langsmithApiKey = tokenDetector({
    id: 'secret/langsmith-api-key',
    title: 'LangSmith API key',
    provider: 'LangSmith',
    description: 'A LangSmith personal access token (`lsv2_pt_`) or service key (`lsv2_sk_`): 32 hex characters, `_`, 10 hex characters.',
    keywords: ['lsv2_pt_', 'lsv2_sk_'],
    pattern: `${B}lsv2_(pt|sk)_(?<body>[0-9a-f]{32})_[0-9a-f]{10}${E}`,
    label: (m) => (m[1] === 'pt' ? 'LangSmith personal access token' : 'LangSmith service key'),
    samples: {
        match: () => [
            `LANGSMITH_API_KEY=${['lsv2', 'pt', fake(32, HEX, 'ls-1'), fake(10, HEX, 'ls-2')].join('_')}`,
            `LANGCHAIN_API_KEY="${['lsv2', 'sk', fake(32, HEX, 'ls-3'), fake(10, HEX, 'ls-4')].join('_')}"`,
        ],
        noMatch: () => [
            `lsv2_pt_${'x'.repeat(32)}_${'x'.repeat(10)}`,
            ['lsv2', 'pt', fake(32, HEX, 'ls-5')].join('_'),
            'LANGSMITH_API_KEY=lsv2_pt_...',
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/neon.js


const neon_LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
const neonApiKey = tokenDetector({
    id: 'secret/neon-api-key',
    title: 'Neon API key',
    provider: 'Neon',
    description: 'A Neon API key (`napi_` + 64 lower-case letters and digits).',
    keywords: ['napi_'],
    guards: { napi_: '[a-z0-9]{64}' },
    pattern: `${B}napi_(?<body>[a-z0-9]{64})${E}`,
    verify: (m) => (/[0-9]/.test(m.groups.body) ? undefined : false),
    samples: {
        match: () => [`NEON_API_KEY=${['napi', fake(64, neon_LOWER_ALNUM, 'neon-1')].join('_')}`],
        noMatch: () => [
            'napi_' + 'x'.repeat(64),
            'napi_create_function(env, name, cb)',
            ['napi', fake(40, neon_LOWER_ALNUM, 'neon-2')].join('_'),
            'NEON_API_KEY=napi_<your-key>',
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/netlify.js



const netlifyToken = tokenDetector({
    id: 'secret/netlify-token',
    title: 'Netlify personal access token',
    provider: 'Netlify',
    description: 'A Netlify personal access token (`nfp_` + 36-40 letters and digits).',
    keywords: ['nfp_'],
    pattern: `${B}nfp_(?<body>[A-Za-z0-9]{36,40})${E}`,
    verify: (m) => (mixed(m.groups.body) ? undefined : false),
    samples: {
        match: () => [
            `NETLIFY_AUTH_TOKEN=${['nfp', fake(36, ALNUM, 'nf-1')].join('_')}`,
            `netlify deploy --auth ${['nfp', fake(40, ALNUM, 'nf-2')].join('_')}`,
        ],
        noMatch: () => [
            'NETLIFY_AUTH_TOKEN=nfp_' + 'x'.repeat(36),
            ['nfp', fake(30, ALNUM, 'nf-3')].join('_'),
            'NETLIFY_AUTH_TOKEN=nfp_...',
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/okta.js


/** `SSWS ` is how Okta's API takes its tokens: `Authorization: SSWS 00\u2026`. */
const afterSsws = (text, start) => /SSWS[ \t]{1,4}$/.test(text.slice(start - 9, start));
const oktaApiToken = boundDetector({
    id: 'secret/okta-api-token',
    title: 'Okta API token',
    provider: 'Okta',
    description: 'An Okta API token (`00` + 40 characters), near an Okta name and named as one (`OKTA_API_TOKEN`, `oktaToken`), as `apiToken`/`token` inside an Okta block, or after `SSWS `.',
    near: ['okta'],
    value: '00[A-Za-z0-9_-]{40}',
    chars: 'A-Za-z0-9_-',
    names: /^okta(?:api|client|management|org)?(?:token|key|apikey)$/,
    generic: /^(?:api)?token$/,
    placed: afterSsws,
    verify: (v) => (mixed(v.slice(2)) ? undefined : false),
    samples: {
        match: () => [
            `OKTA_ORG_URL=https://dev-1.okta.com\nOKTA_API_TOKEN=00${fake(40, B64URL, 'okta-1')}\n`,
            `fetch('https://acme.okta.com/api/v1/users', { headers: { Authorization: 'SSWS 00${fake(40, B64URL, 'okta-2')}' } })`,
            `okta:\n  client:\n    orgUrl: https://acme.okta.com\n    token: 00${fake(40, B64URL, 'okta-3')}\n`,
        ],
        noMatch: () => [
            ...unboundSamples('OKTA_API_TOKEN', 'okta', '00' + fake(40, B64URL, 'okta-4')),
            `OKTA_API_TOKEN=00${'x'.repeat(40)}`,
            `OKTA_CLIENT_ID=0oa${fake(17, B64URL, 'okta-5')}`,
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/openrouter.js


const openrouterApiKey = tokenDetector({
    id: 'secret/openrouter-api-key',
    title: 'OpenRouter API key',
    provider: 'OpenRouter',
    description: 'An OpenRouter API key (`sk-or-v1-` + 64 hex characters).',
    keywords: ['sk-or-v1-'],
    pattern: `${B}sk-or-v1-(?<body>[0-9a-f]{64})${E}`,
    samples: {
        match: () => [
            `OPENROUTER_API_KEY=${['sk', 'or', 'v1', fake(64, HEX, 'or-1')].join('-')}`,
            `new OpenAI({ baseURL: "https://openrouter.ai/api/v1", apiKey: "${['sk', 'or', 'v1', fake(64, HEX, 'or-2')].join('-')}" })`,
        ],
        noMatch: () => [
            'sk-or-v1-' + 'x'.repeat(64),
            'sk-or-v1-' + '0'.repeat(64),
            ['sk', 'or', 'v1', fake(48, HEX, 'or-3')].join('-'),
            'OPENROUTER_API_KEY=sk-or-v1-...',
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/perplexity.js


const perplexityApiKey = tokenDetector({
    id: 'secret/perplexity-api-key',
    title: 'Perplexity API key',
    provider: 'Perplexity',
    description: 'A Perplexity API key (`pplx-` + 48 letters and digits).',
    keywords: ['pplx-'],
    pattern: `${B}pplx-(?<body>[A-Za-z0-9]{48})${E}`,
    samples: {
        match: () => [`PERPLEXITY_API_KEY=${['pplx', fake(48, ALNUM, 'pplx-1')].join('-')}`],
        noMatch: () => [
            'pplx-' + 'x'.repeat(48),
            ['pplx', fake(32, ALNUM, 'pplx-2')].join('-'),
            'PERPLEXITY_API_KEY=pplx-xxxxxxxx',
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/pinecone.js


const pineconeApiKey = tokenDetector({
    id: 'secret/pinecone-api-key',
    title: 'Pinecone API key',
    provider: 'Pinecone',
    description: 'A Pinecone API key (`pcsk_`, a 5-6 character id, `_`, 63 letters and digits).',
    keywords: ['pcsk_'],
    pattern: `${B}pcsk_[A-Za-z0-9]{5,6}_(?<body>[A-Za-z0-9]{63})${E}`,
    samples: {
        match: () => [
            `PINECONE_API_KEY=${['pcsk', fake(6, ALNUM, 'pc-1'), fake(63, ALNUM, 'pc-2')].join('_')}`,
            `new Pinecone({ apiKey: '${['pcsk', fake(5, ALNUM, 'pc-3'), fake(63, ALNUM, 'pc-4')].join('_')}' })`,
        ],
        noMatch: () => [
            `pcsk_${'x'.repeat(6)}_${'x'.repeat(63)}`,
            ['pcsk', fake(6, ALNUM, 'pc-5'), fake(40, ALNUM, 'pc-6')].join('_'),
            'PINECONE_API_KEY=pcsk_...',
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/planetscale.js



const planetscale_KINDS = {
    tkn: 'PlanetScale service token',
    pw: 'PlanetScale database password',
    oauth: 'PlanetScale OAuth token',
};
const planetscaleToken = tokenDetector({
    id: 'secret/planetscale-token',
    title: 'PlanetScale token',
    provider: 'PlanetScale',
    description: 'A PlanetScale service token (`pscale_tkn_`) or database password (`pscale_pw_`), 43 letters, digits and `_` after the prefix, or an OAuth token (`pscale_oauth_`, 32-64).',
    keywords: ['pscale_tkn_', 'pscale_pw_', 'pscale_oauth_'],
    pattern: `${B}pscale_(?:(tkn|pw)_(?<body>[A-Za-z0-9_]{43})|(oauth)_(?<oauth>[A-Za-z0-9_]{32,64}))${E}`,
    label: (m) => planetscale_KINDS[m[1] ?? m[3]],
    // random: both cases and a digit (not the next token's prefix, run together)
    verify: (m) => (mixed(m.groups.body ?? m.groups.oauth) ? undefined : false),
    samples: {
        match: () => [
            `PLANETSCALE_SERVICE_TOKEN=${['pscale', 'tkn', fake(43, ALNUM + '_', 'ps-1')].join('_')}`,
            `mysql://u8x2k:${['pscale', 'pw', fake(43, ALNUM + '_', 'ps-2')].join('_')}@aws.connect.psdb.cloud/app?ssl={"rejectUnauthorized":true}`,
        ],
        noMatch: () => [
            'pscale_pw_' + 'x'.repeat(43),
            'DATABASE_URL=mysql://user:pscale_pw_<password>@host/db',
            ['pscale', 'tkn', fake(20, ALNUM + '_', 'ps-3')].join('_'),
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/pulumi.js


const pulumiToken = tokenDetector({
    id: 'secret/pulumi-token',
    title: 'Pulumi access token',
    provider: 'Pulumi',
    description: 'A Pulumi Cloud access token (`pul-` + 40 hex characters).',
    keywords: ['pul-'],
    guards: { 'pul-': '[0-9a-f]{40}' },
    pattern: `${B}pul-(?<body>[0-9a-f]{40})${E}`,
    samples: {
        match: () => [`PULUMI_ACCESS_TOKEN=pul-${fake(40, HEX, 'pul-1')}`],
        noMatch: () => [
            'PULUMI_ACCESS_TOKEN=pul-' + 'x'.repeat(40),
            'pul-' + 'abcdef0123456789'.repeat(3).slice(0, 40),
            `pul-${fake(39, HEX, 'pul-2')}`,
            'git pull-request --base main',
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/render.js



const renderApiKey = tokenDetector({
    id: 'secret/render-api-key',
    title: 'Render API key',
    provider: 'Render',
    description: 'A Render API key (`rnd_` + 32 letters and digits).',
    keywords: ['rnd_'],
    guards: { rnd_: '[A-Za-z0-9]{32}(?![A-Za-z0-9_-])' },
    pattern: `${B}rnd_(?<body>[A-Za-z0-9]{32})${E}`,
    verify: (m) => (mixed(m.groups.body) ? undefined : false),
    samples: {
        match: () => [`RENDER_API_KEY=${['rnd', fake(32, ALNUM, 'rnd-1')].join('_')}`],
        noMatch: () => [
            'rnd_' + 'x'.repeat(32),
            'const rnd_seed = Math.random()',
            'rnd_' + 'abcdefghijklmnopqrstuvwxyzABCDEF',
            ['rnd', fake(30, ALNUM, 'rnd-2')].join('_'),
            'rnd_generatorinstancefactorymethod',
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/rubygems.js


const rubygemsApiKey = tokenDetector({
    id: 'secret/rubygems-api-key',
    title: 'RubyGems API key',
    provider: 'RubyGems',
    description: 'A RubyGems.org API key (`rubygems_` + 48 hex characters).',
    keywords: ['rubygems_'],
    pattern: `${B}rubygems_(?<body>[0-9a-f]{48})${E}`,
    samples: {
        match: () => [
            `---\n:rubygems_api_key: ${['rubygems', fake(48, HEX, 'rg-1')].join('_')}\n`,
            `GEM_HOST_API_KEY=${['rubygems', fake(48, HEX, 'rg-2')].join('_')}`,
        ],
        noMatch: () => [
            'rubygems_' + 'x'.repeat(48),
            ':rubygems_api_key: rubygems_<key>',
            ['rubygems', fake(40, HEX, 'rg-3')].join('_'),
            'rubygems_version: 3.4.10',
        ],
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
const supabaseAccessToken = tokenDetector({
    id: 'secret/supabase-access-token',
    title: 'Supabase personal access token',
    provider: 'Supabase',
    description: 'A Supabase personal access token for the Management API and CLI (`sbp_` + 40 hex characters).',
    keywords: ['sbp_'],
    pattern: `${B}sbp_(?<body>[0-9a-f]{40})${E}`,
    samples: {
        match: () => [`SUPABASE_ACCESS_TOKEN=${['sbp', fake(40, HEX, 'sbp-1')].join('_')}`],
        noMatch: () => [
            'sbp_' + 'x'.repeat(40),
            ['sbp', fake(32, HEX, 'sbp-2')].join('_'),
            'SUPABASE_ACCESS_TOKEN=sbp_<token>',
        ],
    },
});
const supabaseSecretKey = tokenDetector({
    id: 'secret/supabase-secret-key',
    title: 'Supabase secret API key',
    provider: 'Supabase',
    description: 'A Supabase secret API key (`sb_secret_` + 30-64 characters), which bypasses row-level security like a `service_role` key.',
    keywords: ['sb_secret_'],
    pattern: `${B}sb_secret_(?<body>[A-Za-z0-9_-]{30,64})${E}`,
    samples: {
        match: () => [`SUPABASE_SECRET_KEY=${['sb', 'secret', fake(31, B64URL, 'sbs-1')].join('_')}`],
        noMatch: () => [
            'sb_secret_' + 'x'.repeat(31),
            'SUPABASE_SECRET_KEY=sb_secret_...',
            ['sb', 'secret', fake(12, B64URL, 'sbs-2')].join('_'),
            'const isSecret = key.startsWith("sb_secret_")',
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/terraform.js



/** Found at `.atlasv1.`, then matched from the 14 characters of id before it. */
const terraformCloudToken = markerDetector({
    id: 'secret/terraform-cloud-token',
    title: 'Terraform Cloud API token',
    provider: 'HashiCorp Terraform',
    description: 'A Terraform Cloud / Enterprise user, team or organization API token (14 letters and digits, `.atlasv1.`, 60-70 characters).',
    keywords: ['.atlasv1.'],
    before: 14,
    pattern: `${B}[A-Za-z0-9]{14}\\.atlasv1\\.(?<body>[A-Za-z0-9_=-]{60,70})${E}`,
    shown: 0,
    samples: {
        match: () => [
            `credentials "app.terraform.io" {\n  token = "${[fake(14, ALNUM, 'tf-1'), 'atlasv1', fake(67, B64URL, 'tf-2')].join('.')}"\n}`,
            `TFE_TOKEN=${[fake(14, ALNUM, 'tf-3'), 'atlasv1', fake(64, ALNUM, 'tf-4')].join('.')}`,
        ],
        noMatch: () => [
            `token = "${['x'.repeat(14), 'atlasv1', 'x'.repeat(67)].join('.')}"`,
            'const re = /[a-z0-9]{14}\\.atlasv1\\.[a-z0-9_=-]{60,70}/',
            `token = "${[fake(14, ALNUM, 'tf-5'), 'atlasv1', fake(40, ALNUM, 'tf-6')].join('.')}"`,
            'token = "<id>.atlasv1.<secret>"',
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/vault.js


const vault_KINDS = {
    s: { label: 'HashiCorp Vault service token', length: [90, 120] },
    b: { label: 'HashiCorp Vault batch token', length: [138, 300] },
    r: { label: 'HashiCorp Vault recovery token', length: [90, 120] },
};
const vaultToken = tokenDetector({
    id: 'secret/vault-token',
    title: 'HashiCorp Vault token',
    provider: 'HashiCorp Vault',
    description: 'A HashiCorp Vault token of Vault 1.10 and later: service (`hvs.`, 90-120 characters after it), batch (`hvb.`, 138-300) or recovery (`hvr.`, 90-120).',
    keywords: ['hvs.', 'hvb.', 'hvr.'],
    pattern: `${B}hv([sbr])\\.(?<body>[A-Za-z0-9_-]{90,300})${E}`,
    label: (m) => vault_KINDS[m[1]].label,
    verify: (m) => {
        const [min, max] = vault_KINDS[m[1]].length;
        const n = m.groups.body.length;
        return n >= min && n <= max ? undefined : false;
    },
    samples: {
        match: () => [
            `VAULT_TOKEN=${['hvs', fake(95, B64URL, 'vault-1')].join('.')}`,
            `vault login ${['hvb', fake(160, B64URL, 'vault-2')].join('.')}`,
            `{"recovery_token": "${['hvr', fake(100, B64URL, 'vault-3')].join('.')}"}`,
        ],
        noMatch: () => [
            'VAULT_TOKEN=hvs.' + 'x'.repeat(95),
            'VAULT_TOKEN=hvs.<token>',
            ['hvs', fake(40, B64URL, 'vault-4')].join('.'),
            ['hvs', fake(130, B64URL, 'vault-5')].join('.'),
            'const kinds = ["hvs.", "hvb.", "hvr."]',
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/vercel.js



const vercel_KINDS = {
    p: 'Vercel personal access token',
    i: 'Vercel integration token',
    a: 'Vercel app access token',
    r: 'Vercel app refresh token',
    k: 'Vercel API key',
};
const vercelToken = tokenDetector({
    id: 'secret/vercel-token',
    title: 'Vercel token',
    provider: 'Vercel',
    description: 'A Vercel token in the prefixed format: personal access token (`vcp_`), integration token (`vci_`), app access or refresh token (`vca_`, `vcr_`), API key (`vck_`), then 24-64 letters and digits.',
    keywords: Object.keys(vercel_KINDS).map((k) => `vc${k}_`),
    pattern: `${B}vc([piark])_(?<body>[A-Za-z0-9]{24,64})${E}`,
    label: (m) => vercel_KINDS[m[1]],
    verify: (m) => (mixed(m.groups.body) ? undefined : false),
    samples: {
        match: () => [
            `VERCEL_TOKEN=${['vcp', fake(56, ALNUM, 'vc-1')].join('_')}`,
            `headers: { Authorization: "Bearer ${['vck', fake(48, ALNUM, 'vc-2')].join('_')}" }`,
        ],
        noMatch: () => [
            'vcp_' + 'x'.repeat(40),
            'my_vcr_cassette_library_dir = "fixtures/vcr_cassettes"',
            ['vcp', fake(16, ALNUM, 'vc-3')].join('_'),
            'VERCEL_TOKEN=vcp_<token>',
            'vcr_cassettesdirectoryforrecordedtests',
        ],
    },
});
/** Tokens made before the prefixes: 24 letters and digits, bound to Vercel by name or block. */
const vercelLegacyToken = boundDetector({
    id: 'secret/vercel-legacy-token',
    title: 'Vercel access token (unprefixed)',
    provider: 'Vercel',
    description: 'A Vercel access token made before prefixes (24 letters and digits), named as one (`VERCEL_TOKEN`, `vercelApiToken`) or as `token` inside a Vercel block.',
    near: ['vercel'],
    value: '[A-Za-z0-9]{24}',
    chars: 'A-Za-z0-9_-',
    names: /^vercel(?:api|access|auth|deploy|cli)?(?:token|key)$/,
    generic: /^(?:api|access|auth)?token$/,
    verify: (v) => (mixed(v) ? undefined : false),
    samples: {
        match: () => [
            `VERCEL_TOKEN=${fake(24, ALNUM, 'vc-4')}\n`,
            `vercel:\n  token: "${fake(24, ALNUM, 'vc-5')}"\n`,
        ],
        noMatch: () => [
            ...unboundSamples('VERCEL_TOKEN', 'vercel', fake(24, ALNUM, 'vc-6')),
            `VERCEL_ORG_ID=team_${fake(24, ALNUM, 'vc-7')}`,
            `VERCEL_PROJECT_ID=${fake(24, ALNUM, 'vc-8')}`,
            'VERCEL_TOKEN=abcdefghijklmnopqrstuvwx',
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/xai.js


const xaiApiKey = tokenDetector({
    id: 'secret/xai-api-key',
    title: 'xAI API key',
    provider: 'xAI',
    description: 'An xAI (Grok) API key (`xai-` + 80 letters and digits).',
    keywords: ['xai-'],
    pattern: `${B}xai-(?<body>[A-Za-z0-9]{80})${E}`,
    samples: {
        match: () => [`XAI_API_KEY=${['xai', fake(80, ALNUM, 'xai-1')].join('-')}`],
        noMatch: () => [
            'xai-' + 'x'.repeat(80),
            ['xai', fake(60, ALNUM, 'xai-2')].join('-'),
            'import { createXai } from "@ai-sdk/xai-provider"',
            'XAI_API_KEY=xai-<your key>',
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/providers-infra.js


































































/** Cloud and infrastructure, CI/CD and registries, AI providers (issue 15, first group). */
const INFRA_DETECTORS = [
    // cloud and infrastructure
    terraformCloudToken,
    cloudflareToken,
    cloudflareApiToken,
    cloudflareGlobalApiKey,
    cloudflareOriginCaKey,
    vercelToken,
    vercelLegacyToken,
    netlifyToken,
    herokuToken,
    herokuApiKey,
    databricksToken,
    vaultToken,
    dopplerToken,
    pulumiToken,
    planetscaleToken,
    supabaseAccessToken,
    supabaseSecretKey,
    awsBedrockApiKey,
    awsBedrockShortTermKey,
    azureEntraClientSecret,
    alibabaAccessKeyId,
    alibabaAccessKeySecret,
    flyioToken,
    oktaApiToken,
    firebaseServerKey,
    renderApiKey,
    neonApiKey,
    fastlyApiToken,
    linodeToken,
    scalewaySecretKey,
    railwayToken,
    upstashToken,
    confluentApiSecret,
    hetznerApiToken,
    vultrApiKey,
    tailscaleKey,
    ngrokAuthtoken,
    prefectApiKey,
    // CI/CD and registries
    circleciToken,
    circleciLegacyToken,
    azureDevopsPat,
    azureDevopsLegacyPat,
    buildkiteToken,
    bitbucketAppPassword,
    codecovToken,
    sonarToken,
    sonarLegacyToken,
    snykToken,
    rubygemsApiKey,
    nugetApiKey,
    jfrogApiKey,
    jfrogReferenceToken,
    travisToken,
    harnessToken,
    clojarsToken,
    cratesToken,
    denoDeployToken,
    octopusApiKey,
    sourcegraphToken,
    // AI
    groqApiKey,
    xaiApiKey,
    openrouterApiKey,
    perplexityApiKey,
    huggingfaceOrgToken,
    pineconeApiKey,
    langsmithApiKey,
    cohereApiKey,
    mistralApiKey,
    deepseekApiKey,
    replicateApiToken,
    fireworksApiKey,
    deepgramApiKey,
    assemblyaiApiKey,
    elevenlabsApiKey,
    togetherApiKey,
    togetherLegacyApiKey,
    nvidiaApiKey,
    langfuseSecretKey,
    wandbApiKey,
];

;// CONCATENATED MODULE: ./build/src/rules/secrets/kit/bound.js




// Secrets without a prefix of their own (a Datadog API key is 32 hex characters, like any MD5)
// are looked for near the provider's name and must be bound to it: named for the provider
// (`DATADOG_API_KEY=`, `ddApiKey:`), named generically (`apiKey:`) inside the provider's own
// block (`datadog:\n  apiKey: \u2026`, `new Datadog({ apiKey: \u2026 })`), or in a place only the
// provider's secret goes (`X-Postmark-Server-Token: \u2026`). Being merely near is not enough:
// another provider's key next to the word "datadog" is that provider's.
/** A quote, maybe escaped inside a string literal. */
const bound_Q = `(?:\\\\{0,3}["'\`])`;
const BLOCK_SPAN = 240;
/** `datadog:` and a line break: a YAML block, whose lines are indented deeper. */
const YAML_OPENER = /^(?:[^\n\\{}()[\]]|\\["'])*?[:=][ \t]*(?:\r?\n|\\n)/;
/** A line break, raw or escaped in a string literal, and the indentation after it. */
const LINE = /(?:\r?\n|\\n)((?:[ \t]|\\t)*)/g;
/**
 * Whether the value at `at` sits inside the provider's block, opened by its name shortly before:
 * `datadog:\n  apiKey: \u2026` (YAML, while indented deeper), `new Datadog({ apiKey: \u2026 })`,
 * `mailgun.client({ key: \u2026 })`, `"datadog": {"apiKey": \u2026}`, `[datadog]\napi_key = \u2026` (INI,
 * TOML). A block closed (`}`, `)`, `]`), a statement ended (`;`) or a line indented less than
 * the block's first leaves it.
 */
function inBlock(text, at, block) {
    const before = text.slice(Math.max(0, at - BLOCK_SPAN), at);
    const re = new RegExp(block.source, 'gi');
    let last = -1;
    let open = -1;
    for (let m = re.exec(before); m; m = re.exec(before)) {
        last = m.index + m[0].length;
        open = m.index;
    }
    if (last < 0)
        return false;
    const between = before.slice(last);
    if (before[open - 1] === '[' && between.startsWith(']')) {
        // an INI or TOML section: its keys follow at column 0 until the next section
        return !/[{}[\]();]/.test(between.slice(1));
    }
    const yaml = YAML_OPENER.exec(between);
    if (yaml)
        return inYamlBlock(between.slice(yaml[0].length));
    return inBrackets(between);
}
/** After `name:` and a line break: still indented, never back at or above the block's depth. */
function inYamlBlock(rest) {
    const indent = /^(?:[ \t]|\\t)*/.exec(rest)[0].replace(/\\t/g, '\t').length;
    if (indent === 0 || /[{}()[\];]/.test(rest))
        return false;
    LINE.lastIndex = 0;
    for (let m = LINE.exec(rest); m; m = LINE.exec(rest)) {
        if (m.index + m[0].length === rest.length)
            continue;
        if (m[1].replace(/\\t/g, '\t').length < indent)
            return false;
    }
    return true;
}
/**
 * After the name, a bracket opens within a few characters (`({`, `: {`, `.client({`) and is
 * still open at the value; a block that closes ends it, unless a method call follows (`).x(`).
 */
function inBrackets(rest) {
    const first = rest.search(/[({[]/);
    if (first < 0 || first > 40 || /[\n;]|\\n/.test(rest.slice(0, first)))
        return false;
    let depth = 0;
    for (let i = first; i < rest.length; i++) {
        const c = rest[i];
        if (c === '{' || c === '(' || c === '[')
            depth++;
        else if (c === '}' || c === ')' || c === ']') {
            if (depth === 0)
                return false;
            depth--;
            if (depth === 0 && rest[i + 1] !== '.')
                return false;
        }
        else if (c === ';' && depth === 0)
            return false;
    }
    return depth > 0;
}
/** A detector for a secret without a prefix, bound to its provider by name, block or place. */
function bound_boundDetector(spec) {
    const chars = spec.chars ?? 'A-Za-z0-9';
    // `=` may end a value (base64 padding) but comes before one too (`KEY=value`)
    const re = new RegExp(`${boundary(chars.replace('=', ''))}(?:${spec.value})(?![${chars}])`, 'g');
    const block = spec.block ?? new RegExp(spec.near.map(bound_escape).join('|'), 'i');
    /** 'name' or 'place' when bound strongly, 'block' when by a generic name in the block. */
    const bound = (text, at) => {
        if (spec.shapeBinds)
            return 'name';
        const name = nameOf(text, at) ?? '';
        if (name && spec.names?.test(name))
            return 'name';
        if (spec.place?.test(text.slice(Math.max(0, at - 160), at)))
            return 'name';
        if (name && spec.blockNames?.test(name) && inBlock(text, at, block))
            return 'block';
        return undefined;
    };
    return {
        id: spec.id,
        title: spec.title,
        provider: spec.provider,
        description: spec.description,
        severity: spec.severity,
        priority: spec.priority ?? PRIORITY.token,
        near: {
            keywords: spec.near,
            before: spec.reach ?? 400,
            after: spec.reach ?? 400,
            find(text, from, to) {
                const hits = [];
                for (const m of matchesIn(re, text, from, to)) {
                    const how = bound(text, m.index);
                    if (!how)
                        continue;
                    const verify = () => spec.verify?.(m[0]) ?? (how === 'block' ? spec.blockDoubt : undefined);
                    const hit = judge(m[0], m[0], m.index, { verify });
                    if (hit)
                        hits.push(hit);
                }
                return hits;
            },
        },
        samples: spec.samples,
    };
}
/**
 * A detector whose hits count only with the provider named within `reach` characters (a bare
 * `sdk-<uuid>` may be anyone's id): without it, a hit is unverified.
 */
function withContext(d, context, reason, reach = 600) {
    const find = d.find;
    return {
        ...d,
        find(text, at, ctx) {
            const found = find(text, at, ctx);
            if (!found)
                return found;
            for (const hit of Array.isArray(found) ? found : [found]) {
                const around = text.slice(Math.max(0, hit.start - reach), hit.end + reach);
                if (!hit.unverified && !context.test(around))
                    hit.unverified = reason;
            }
            return found;
        },
    };
}
/** Decodes base64 or base64url text to latin1, or undefined when it is neither. */
function decode64(s) {
    if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(s))
        return undefined;
    return Buffer.from(s.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('latin1');
}
/** The JSON object a base64 text decodes to, or undefined. */
function json64(s) {
    const text = decode64(s);
    // a cut-off payload fails here, cheaply, before JSON.parse throws
    if (!text || !text.startsWith('{') || !text.trimEnd().endsWith('}'))
        return undefined;
    try {
        const v = JSON.parse(text);
        return v && typeof v === 'object' && !Array.isArray(v)
            ? v
            : undefined;
    }
    catch {
        return undefined;
    }
}
function bound_escape(s) {
    return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
/** Drops a value that lacks upper case, lower case or a digit (a word, a hex digest). */
function mixedCase(v) {
    return /[A-Z]/.test(v) && /[a-z]/.test(v) && /[0-9]/.test(v) ? undefined : false;
}
/** Drops a value without both a letter and a digit. */
function lettersAndDigits(v) {
    return /[A-Za-z]/.test(v) && /[0-9]/.test(v) ? undefined : false;
}

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/datadog.js



const NEAR = ['datadog', 'dd_api_key', 'dd_app_key', 'dd_application_key'];
const datadog_BLOCK = /datadog/i;
/** A Datadog API key: 32 hex characters, named for Datadog or inside its block. */
const datadogApiKey = bound_boundDetector({
    id: 'secret/datadog-api-key',
    title: 'Datadog API key',
    provider: 'Datadog',
    description: 'A Datadog API key (32 hex characters) near "datadog", named for it (`DD_API_KEY`, `DATADOG_API_KEY`, `datadogApiKey`) or `apiKey` inside a Datadog block, or sent as `DD-API-KEY`.',
    near: NEAR,
    block: datadog_BLOCK,
    value: '[0-9a-f]{32}',
    names: /^(?:datadog|dd)apikey$/,
    blockNames: /^apikey$/,
    place: new RegExp(`dd-api-key${bound_Q}?[ \\t]*[:,][ \\t]*${bound_Q}?$`, 'i'),
    samples: {
        match: () => [
            `DD_API_KEY=${fake(32, HEX, 'dd-1')}\nDD_SITE=datadoghq.eu\n`,
            `datadog:\n  apiKey: ${fake(32, HEX, 'dd-2')}\n  site: datadoghq.com\n`,
            `const tracer = new Datadog({ service: "web", apiKey: "${fake(32, HEX, 'dd-3')}" })`,
            `fetch(url, { headers: { "DD-API-KEY": "${fake(32, HEX, 'dd-4')}" } }) // datadog`,
        ],
        noMatch: () => [
            'DD_API_KEY=<your-datadog-api-key>',
            'DATADOG_API_KEY=${DATADOG_API_KEY}',
            'datadog: { apiKey: process.env.DD_API_KEY }',
            `DD_API_KEY=${'x'.repeat(32)}`,
            `DD_API_KEY=${fake(31, HEX, 'dd-5')}`,
            // another provider's key beside Datadog
            `datadog:\n  site: datadoghq.com\nrollbar:\n  apiKey: ${fake(32, HEX, 'dd-6')}\n`,
            `const dd = datadog({ site: "x" }), sg = { apiKey: "${fake(32, HEX, 'dd-7')}" }`,
            `// datadog integrity ${fake(32, HEX, 'dd-8')}`,
        ],
    },
});
/** A Datadog application key: 40 hex characters, named for Datadog or inside its block. */
const datadogAppKey = bound_boundDetector({
    id: 'secret/datadog-app-key',
    title: 'Datadog application key',
    provider: 'Datadog',
    description: 'A Datadog application key (40 hex characters) near "datadog", named for it (`DD_APP_KEY`, `DATADOG_APPLICATION_KEY`) or `appKey` inside a Datadog block, or sent as `DD-APPLICATION-KEY`.',
    near: NEAR,
    block: datadog_BLOCK,
    value: '[0-9a-f]{40}',
    names: /^(?:datadog|dd)app(?:lication)?key$/,
    blockNames: /^app(?:lication)?key$/,
    place: new RegExp(`dd-application-key${bound_Q}?[ \\t]*[:,][ \\t]*${bound_Q}?$`, 'i'),
    samples: {
        match: () => [
            `DD_API_KEY=<set me>\nDD_APP_KEY=${fake(40, HEX, 'dd-9')}\n`,
            `[datadog]\napi_key = ""\napp_key = "${fake(40, HEX, 'dd-10')}"\n`,
            `datadog:\n  appKey: ${fake(12, HEX, 'dd-11')}1234${fake(24, HEX, 'dd-12')}\n`,
        ],
        noMatch: () => [
            'DD_APP_KEY=${DD_APP_KEY}',
            // a commit hash near the word datadog
            `datadog@3.2.1 (commit ${fake(40, HEX, 'dd-13')})`,
            `datadog:\n  site: us5\ngithub:\n  appKey: ${fake(40, HEX, 'dd-14')}\n`,
        ],
    },
});
const PREFIXED = {
    ddpat_: 'Datadog personal access token',
    ddsat_: 'Datadog service access token',
    ddapp_: 'Datadog application key',
    ddap_: 'Datadog application key',
};
/**
 * The newer credentials carry a prefix (`ddpat_`, `ddsat_`, `ddapp_`; Datadog's English page
 * writes `ddap_`). The length of what follows is not published, so the body is bounded loosely.
 */
const datadogAccessToken = tokenDetector({
    id: 'secret/datadog-access-token',
    title: 'Datadog access token',
    provider: 'Datadog',
    description: 'A Datadog personal or service access token or prefixed application key (`ddpat_`, `ddsat_`, `ddapp_` + 30 or more letters, digits, `_`, `-`; the length is not published).',
    keywords: Object.keys(PREFIXED),
    pattern: `${B}(dd(?:pat|sat|app?)_)(?<body>[A-Za-z0-9_-]{30,160})${E}`,
    label: (m) => PREFIXED[m[1]],
    samples: {
        match: () => [
            `DD_PAT=${['ddpat', fake(40, B64URL, 'dd-15')].join('_')}`,
            `headers: { "dd-application-key": "${['ddapp', fake(48, ALNUM, 'dd-16')].join('_')}" }`,
        ],
        noMatch: () => ['DD_PAT=ddpat_<token>', 'ddpat_' + 'x'.repeat(40), 'const PREFIX = "ddsat_"'],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/newrelic.js




const newrelic_KINDS = {
    NRAK: 'New Relic user API key',
    NRAA: 'New Relic admin API key',
    NRII: 'New Relic insert key',
    NRIQ: 'New Relic query key',
    NRRA: 'New Relic REST API key',
};
// User and admin keys: 27 upper-case letters and digits; insert and query keys: 32 characters;
// the REST API key: 42 hex characters.
const newrelicApiKey = tokenDetector({
    id: 'secret/newrelic-api-key',
    title: 'New Relic API key',
    provider: 'New Relic',
    description: 'A New Relic user or admin API key (`NRAK-`, `NRAA-` + 27 upper-case letters and digits), insert or query key (`NRII-`, `NRIQ-` + 32) or REST API key (`NRRA-` + 42 hex).',
    keywords: ['nrak-', 'nraa-', 'nrii-', 'nriq-', 'nrra-'],
    pattern: `${B}(?:NRA[AK]-(?<user>[A-Z0-9]{27})|NRI[IQ]-(?<ingest>[A-Za-z0-9_-]{32})` +
        `|NRRA-(?<rest>[0-9a-f]{42}))${E}`,
    label: (m) => newrelic_KINDS[m[0].slice(0, 4)],
    samples: {
        match: () => [
            `NEW_RELIC_API_KEY=${['NRAK', fake(27, UPPER + DIGITS, 'nr-1')].join('-')}`,
            `{"insertKey": "${['NRII', fake(32, B64URL, 'nr-2')].join('-')}"}`,
            ['NRRA', fake(42, HEX, 'nr-3')].join('-'),
            ['NRAA', fake(10, UPPER + DIGITS, 'nr-4') + 'AAAA' + fake(13, UPPER + DIGITS, 'nr-5')].join('-'),
        ],
        noMatch: () => [
            'NRAK-XXXXXXXXXXXXXXXXXXXXXXXXXXX',
            'NEW_RELIC_API_KEY=NRAK-<your-key>',
            'const re = /NRAK-[A-Z0-9]{27}/',
            ['NRAK', fake(27, ALNUM, 'nr-6').toLowerCase()].join('-'),
            ['NRAK', fake(20, UPPER + DIGITS, 'nr-7')].join('-'),
        ],
    },
});
/** The browser agent's key is in every page that runs the agent: ingest only, a warning. */
const newrelicBrowserKey = tokenDetector({
    id: 'secret/newrelic-browser-key',
    title: 'New Relic browser key',
    provider: 'New Relic',
    description: 'A New Relic browser ingest key (`NRJS-` + 19 hex): it only sends browser data and ships in every page that runs the agent, so a warning.',
    severity: 'warning',
    keywords: ['nrjs-'],
    pattern: `${B}NRJS-(?<body>[0-9a-f]{19})${E}`,
    samples: {
        match: () => [`licenseKey:"${['NRJS', fake(19, HEX, 'nr-8')].join('-')}",applicationID:"1"`],
        noMatch: () => [
            'licenseKey:"NRJS-xxxxxxxxxxxxxxxxxxx"',
            ['NRJS', fake(18, HEX, 'nr-9')].join('-'),
        ],
    },
});
const LICENSE = new RegExp(`${boundary('A-Za-z0-9')}(?:eu01xx[0-9a-f]{30}|[0-9a-f]{36})NRAL${E}`, 'y');
/** Found at its `NRAL` ending, then matched from the start the length puts before it. */
const newrelicLicenseKey = defineDetector({
    id: 'secret/newrelic-license-key',
    title: 'New Relic license key',
    provider: 'New Relic',
    description: 'A New Relic ingest license key (40 characters: 36 hex, or `eu01xx` and 30 hex, then `NRAL`).',
    priority: PRIORITY.token,
    keywords: ['nral'],
    find(text, at) {
        if (!text.startsWith('NRAL', at) || at < 36)
            return undefined;
        const m = matchAt(LICENSE, text, at - 36);
        if (!m)
            return undefined;
        return judge(m[0], m[0].slice(0, 36), m.index, { shown: 0 });
    },
    samples: {
        match: () => [
            `license_key: ${fake(36, HEX, 'nr-10')}NRAL`,
            `NEW_RELIC_LICENSE_KEY=eu01xx${fake(30, HEX, 'nr-11')}NRAL`,
        ],
        noMatch: () => [
            `license_key: ${'a'.repeat(36)}NRAL`,
            "license_key: '<your-license-key>NRAL'",
            `license_key: ${fake(35, HEX, 'nr-12')}NRAL`,
            'NRAL',
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/grafana.js



/** A Grafana Cloud token's body is base64 of `{"o":org,"n":name,"k":key,"m":{"r":region}}`. */
const grafanaCloudToken = tokenDetector({
    id: 'secret/grafana-cloud-token',
    title: 'Grafana Cloud access policy token',
    provider: 'Grafana',
    description: 'A Grafana Cloud access policy or API token (`glc_` + base64 of a JSON object naming its org `o`, name `n` and key `k`).',
    keywords: ['glc_'],
    pattern: `${B}glc_(?<body>eyJ[A-Za-z0-9+/]{40,400}={0,2})(?![A-Za-z0-9+/=_-])`,
    verify: (m) => {
        const v = json64(m.groups.body);
        if (!v)
            return false;
        return 'o' in v && 'k' in v
            ? undefined
            : 'its body lacks the org and key of a Grafana Cloud token';
    },
    samples: {
        match: () => [`GRAFANA_CLOUD_TOKEN=glc_${cloud('gr-1')}`, `{"token":"glc_${cloud('gr-2')}"}`],
        noMatch: () => [
            'GRAFANA_CLOUD_TOKEN=glc_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
            'const prefix = "glc_"',
            // cut off: its payload no longer decodes to a whole JSON object
            `glc_${cloud('gr-10').slice(0, 60)} and more`,
            'glc_' +
                Buffer.from(JSON.stringify({ o: '1', k: 'x'.repeat(30) }))
                    .toString('base64')
                    .slice(0, 20),
        ],
        unverified: () => [
            `glc_${Buffer.from(JSON.stringify({ a: fake(40, ALNUM, 'gr-3') })).toString('base64')}`,
        ],
    },
});
function cloud(seed) {
    const o = fake(6, '123456789', seed);
    const v = {
        o,
        n: 'stack-' + o + '-deploy',
        k: fake(24, ALNUM, `${seed}-k`),
        m: { r: 'prod-eu-west-2' },
    };
    return Buffer.from(JSON.stringify(v)).toString('base64');
}
/** `glsa_` + 32 base62 characters + `_` + an 8-hex checksum. */
const grafanaServiceAccountToken = tokenDetector({
    id: 'secret/grafana-service-account-token',
    title: 'Grafana service account token',
    provider: 'Grafana',
    description: 'A Grafana service account token (`glsa_` + 32 letters and digits + `_` + 8 hex).',
    keywords: ['glsa_'],
    pattern: `${B}glsa_(?<body>[A-Za-z0-9]{32})_[0-9a-f]{8}${E}`,
    samples: {
        match: () => [
            `GRAFANA_TOKEN=${['glsa', fake(32, ALNUM, 'gr-4'), fake(8, HEX, 'gr-5')].join('_')}`,
            `Authorization: Bearer ${['glsa', fake(32, ALNUM, 'gr-6'), fake(8, HEX, 'gr-7')].join('_')}`,
        ],
        noMatch: () => [
            `glsa_${'x'.repeat(32)}_${'0'.repeat(8)}`,
            'glsa_<token>',
            ['glsa', fake(32, ALNUM, 'gr-8'), fake(6, HEX, 'gr-9')].join('_'),
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/sentry.js





/**
 * An organization token: `sntrys_`, base64 of `{"iat":\u2026,"url":\u2026,"region_url":\u2026,"org":\u2026}`, `_`
 * and 43 characters of secret. The payload is decoded and its fields checked.
 */
const sentryOrgToken = tokenDetector({
    id: 'secret/sentry-org-token',
    title: 'Sentry organization auth token',
    provider: 'Sentry',
    description: 'A Sentry organization auth token (`sntrys_` + base64 of a JSON payload with `iat`, `url` and `org` + `_` + 43 characters of secret).',
    keywords: ['sntrys_'],
    pattern: `${B}sntrys_(?<payload>eyJ[A-Za-z0-9+/]{20,400}={0,2})_(?<body>[A-Za-z0-9+/]{43})(?![A-Za-z0-9+/=_-])`,
    verify: (m) => {
        const v = json64(m.groups.payload);
        return v && 'iat' in v && 'org' in v ? undefined : 'its payload is not that of a Sentry token';
    },
    samples: {
        match: () => [`SENTRY_AUTH_TOKEN=${orgToken('se-1')}`, `authToken: "${orgToken('se-2')}",`],
        noMatch: () => [
            'SENTRY_AUTH_TOKEN=sntrys_YOUR_TOKEN_HERE',
            'SENTRY_AUTH_TOKEN=sntrys_eyJ...',
            `sntrys_${payload('se-3')}_${'x'.repeat(43)}`,
        ],
        unverified: () => [
            `sntrys_${Buffer.from(JSON.stringify({ a: fake(30, HEX, 'se-4') })).toString('base64')}_${fake(43, B64, 'se-5')}`,
        ],
    },
});
function payload(seed) {
    const org = 'acme-' + fake(5, 'abcdefghijklmnopqrstuvwxyz', seed);
    const v = {
        iat: 1717000000 + Number(fake(6, '123456789', seed)),
        url: 'https://sentry.io',
        region_url: 'https://us.sentry.io',
        org,
    };
    return Buffer.from(JSON.stringify(v)).toString('base64').replace(/=+$/, '');
}
const orgToken = (seed) => ['sntrys', payload(seed), fake(43, B64, `${seed}-s`)].join('_');
const sentryUserToken = tokenDetector({
    id: 'secret/sentry-user-token',
    title: 'Sentry user auth token',
    provider: 'Sentry',
    description: 'A Sentry user auth token (`sntryu_` + 64 hex).',
    keywords: ['sntryu_'],
    pattern: `${B}sntryu_(?<body>[0-9a-f]{64})${E}`,
    samples: {
        match: () => [`SENTRY_AUTH_TOKEN=${['sntryu', fake(64, HEX, 'se-6')].join('_')}`],
        noMatch: () => [
            'sntryu_' + '0'.repeat(64),
            'sntryu_<token>',
            ['sntryu', fake(40, HEX, 'se-7')].join('_'),
        ],
    },
});
const DSN_BEFORE = /https?:\/\/[0-9a-f]{32}:(?<secret>[0-9a-f]{32})@(?:[a-z0-9-]+\.){0,4}$/;
const DSN_AFTER = new RegExp(`sentry\\.io(?::[0-9]{1,5})?/[0-9]{1,12}${E}`, 'y');
/**
 * A DSN with its secret part (`https://<key>:<secret>@\u2026sentry.io/<project>`), which the SDKs no
 * longer need: the public key alone (`https://<key>@\u2026`) is meant to ship and is not reported.
 */
const sentryDsnSecret = defineDetector({
    id: 'secret/sentry-dsn-secret',
    title: 'Sentry DSN with a secret key',
    provider: 'Sentry',
    description: 'A Sentry DSN that still carries its secret key (`https://<32 hex>:<32 hex>@\u2026.sentry.io/<project>`); a DSN with only the public key is not a secret.',
    priority: PRIORITY.token,
    keywords: ['sentry.io'],
    find(text, at) {
        const before = DSN_BEFORE.exec(text.slice(Math.max(0, at - 120), at));
        const after = before && matchAt(DSN_AFTER, text, at);
        if (!before || !after)
            return undefined;
        const start = at - before[0].length;
        return judge(text.slice(start, at + after[0].length), before.groups.secret, start, {
            shown: 4,
        });
    },
    samples: {
        match: () => [
            `Sentry.init({ dsn: "https://${fake(32, HEX, 'se-8')}:${fake(32, HEX, 'se-9')}@o${fake(6, '123456789', 'se-10')}.ingest.sentry.io/${fake(7, '123456789', 'se-11')}" })`,
            `SENTRY_DSN=https://${fake(32, HEX, 'se-12')}:${fake(32, HEX, 'se-13')}@sentry.io/12345\n`,
        ],
        noMatch: () => [
            `Sentry.init({ dsn: "https://${fake(32, HEX, 'se-14')}@o123456.ingest.sentry.io/1234567" })`,
            'https://<key>:<secret>@sentry.io/<project>',
            `https://${fake(32, HEX, 'se-15')}:${'0'.repeat(32)}@sentry.io/1`,
            'see https://docs.sentry.io/platforms/javascript/',
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/dynatrace.js


const UD = UPPER + DIGITS;
/** `dt0c01.` + a 24-character public id + `.` + a 64-character secret, upper case and digits. */
const dynatraceToken = tokenDetector({
    id: 'secret/dynatrace-token',
    title: 'Dynatrace API token',
    provider: 'Dynatrace',
    description: 'A Dynatrace API or PaaS token (`dt0c01.` + 24 upper-case letters and digits + `.` + 64 of them).',
    keywords: ['dt0c01.'],
    pattern: `${B}dt0c01\\.[A-Z0-9]{24}\\.(?<body>[A-Z0-9]{64})${E}`,
    samples: {
        match: () => [
            `DT_API_TOKEN=${['dt0c01', fake(24, UD, 'dt-1'), fake(64, UD, 'dt-2')].join('.')}`,
            `Authorization: Api-Token ${['dt0c01', fake(24, UD, 'dt-3'), fake(30, UD, 'dt-4') + '1234' + fake(30, UD, 'dt-5')].join('.')}`,
        ],
        noMatch: () => [
            'dt0c01.ABC123.' + 'X'.repeat(64),
            ['dt0c01', fake(24, UD, 'dt-6'), fake(64, UD, 'dt-7').toLowerCase()].join('.'),
            'dt0c01.<token>',
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/kit/service-samples.js

// Sample builders for the service detectors (built at test time, like every sample).
/** A random version-4 UUID, lower-case hex. */
function service_samples_uuid(seed) {
    const h = fake(32, HEX, seed);
    const variant = '89ab'[parseInt(h[16], 16) & 3];
    return [
        h.slice(0, 8),
        h.slice(8, 12),
        '4' + h.slice(13, 16),
        variant + h.slice(17, 20),
        h.slice(20, 32),
    ].join('-');
}
/** Mixed-case letters and digits with at least one of each (a generated key's look). */
function service_samples_mixed(length, seed) {
    for (let i = 0;; i++) {
        const v = fake(length, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', `${seed}-${i}`);
        if (/[A-Z]/.test(v) && /[a-z]/.test(v) && /[0-9]/.test(v))
            return v;
    }
}
/** Lower-case letters and digits with at least one of each. */
function lowerAlnum(length, seed) {
    for (let i = 0;; i++) {
        const v = fake(length, 'abcdefghijklmnopqrstuvwxyz0123456789', `${seed}-${i}`);
        if (/[a-z]/.test(v) && /[0-9]/.test(v))
            return v;
    }
}

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/honeycomb.js




/** Ingest keys: `hcaik_` (or `hcxik_`) + 58 lower-case letters and digits (a ULID id and the secret). */
const honeycombIngestKey = tokenDetector({
    id: 'secret/honeycomb-ingest-key',
    title: 'Honeycomb ingest key',
    provider: 'Honeycomb',
    description: 'A Honeycomb ingest key (`hcaik_` or `hcxik_` + 58 lower-case letters and digits).',
    keywords: ['hcaik_', 'hcxik_'],
    pattern: `${B}hc[ax]ik_(?<body>[0-9a-z]{58})${E}`,
    samples: {
        match: () => [`HONEYCOMB_API_KEY=hcaik_01${lowerAlnum(56, 'hc-1')}`],
        noMatch: () => [
            'hcaik_' + 'x'.repeat(58),
            'hcaik_<your-ingest-key>',
            `hcaik_${lowerAlnum(40, 'hc-2')}`,
        ],
    },
});
/** Configuration keys (22 letters and digits; classic ones 32 hex) have no prefix. */
const honeycombApiKey = bound_boundDetector({
    id: 'secret/honeycomb-api-key',
    title: 'Honeycomb API key',
    provider: 'Honeycomb',
    description: 'A Honeycomb configuration or classic API key (22 letters and digits, or 32 hex) near "honeycomb", named for it (`HONEYCOMB_API_KEY`, `honeycombWriteKey`), `writeKey`/`apiKey` inside a Honeycomb block, or sent as `X-Honeycomb-Team`.',
    near: ['honeycomb'],
    value: '[A-Za-z0-9]{22}|[0-9a-f]{32}',
    names: /^(?:otelexporterotlpheaders)?honeycomb(?:api|write|ingest|config(?:uration)?)?key$/,
    blockNames: /^(?:api|write)key$/,
    place: new RegExp(`x-honeycomb-team${bound_Q}?[ \\t]*[:=,][ \\t]*${bound_Q}?$`, 'i'),
    verify: lettersAndDigits,
    samples: {
        match: () => [
            `HONEYCOMB_API_KEY=${service_samples_mixed(22, 'hc-3')}`,
            `OTEL_EXPORTER_OTLP_HEADERS="x-honeycomb-team=${service_samples_mixed(22, 'hc-4')}"  # honeycomb`,
            `new Honeycomb({ writeKey: "${fake(32, HEX, 'hc-5')}", dataset: "web" })`,
        ],
        noMatch: () => [
            'HONEYCOMB_API_KEY=your-api-key-here',
            'HONEYCOMB_API_KEY=${HONEYCOMB_API_KEY}',
            `honeycomb:\n  dataset: web\nsegment:\n  writeKey: ${service_samples_mixed(22, 'hc-6')}\n`,
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/rollbar.js


/**
 * Rollbar tokens are 32 hex. A `post_client_item` token is meant for browsers, so one bound only
 * by `accessToken` inside a Rollbar block (`new Rollbar({ accessToken })`, `_rollbarConfig`) is
 * only unverified; server, read and write tokens are named as such.
 */
const rollbarAccessToken = bound_boundDetector({
    id: 'secret/rollbar-access-token',
    title: 'Rollbar access token',
    provider: 'Rollbar',
    description: 'A Rollbar server, read or write access token (32 hex) near "rollbar", named for it (`ROLLBAR_ACCESS_TOKEN`, `rollbarServerToken`, `post_server_item`); a bare `accessToken` in a Rollbar block may be a client token and is only unverified.',
    near: ['rollbar'],
    value: '[0-9a-f]{32}',
    names: /^(?:rollbar(?:server|postserveritem|write|read|project)?(?:access)?token|postserveritem(?:access)?token|rollbarserveritemtoken)$/,
    blockNames: /^(?:access|server|serveraccess)token$/,
    blockDoubt: 'a Rollbar access token that may be a client-side (post_client_item) one',
    samples: {
        match: () => [
            `ROLLBAR_ACCESS_TOKEN=${fake(32, HEX, 'rb-1')}`,
            `rollbar:\n  post_server_item_token: ${fake(32, HEX, 'rb-2')}\n`,
        ],
        noMatch: () => [
            'ROLLBAR_ACCESS_TOKEN=POST_SERVER_ITEM_ACCESS_TOKEN',
            `rollbar:\n  environment: production\nsentry:\n  accessToken: ${fake(32, HEX, 'rb-3')}\n`,
            `const ROLLBAR_VERSION = "2.26.4" // sha ${fake(32, HEX, 'rb-4')}`,
        ],
        unverified: () => [`const rollbar = new Rollbar({ accessToken: "${fake(32, HEX, 'rb-5')}" })`],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/bugsnag.js



/**
 * The notifier API key ships in every app that reports errors and is not a secret; the personal
 * auth token of the Data Access API is, and is named as one.
 */
const bugsnagAuthToken = bound_boundDetector({
    id: 'secret/bugsnag-auth-token',
    title: 'Bugsnag personal auth token',
    provider: 'Bugsnag',
    description: 'A Bugsnag (Insight Hub) Data Access API personal auth token (a UUID or 32 hex) near "bugsnag", named as an auth token (`BUGSNAG_AUTH_TOKEN`, `bugsnagDataAccessToken`, `authToken` inside a Bugsnag block); notifier API keys ship in apps and are not reported.',
    near: ['bugsnag'],
    value: '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{32}',
    chars: 'A-Za-z0-9-',
    names: /^bugsnag(?:personal|dataaccess|api)?(?:auth|access)?token$/,
    blockNames: /^(?:personal|dataaccess)?authtoken$/,
    samples: {
        match: () => [
            `BUGSNAG_AUTH_TOKEN=${service_samples_uuid('bs-1')}`,
            `bugsnag:\n  authToken: ${fake(32, HEX, 'bs-2')}\n`,
        ],
        noMatch: () => [
            `Bugsnag.start({ apiKey: "${fake(32, HEX, 'bs-3')}" })`,
            'BUGSNAG_AUTH_TOKEN=<token>',
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/pagerduty.js



/** REST API keys are 20 characters (user tokens `u+` and 18); integration keys are 32 hex. */
const pagerdutyApiKey = bound_boundDetector({
    id: 'secret/pagerduty-api-key',
    title: 'PagerDuty API key',
    provider: 'PagerDuty',
    description: 'A PagerDuty REST API key (20 characters, user tokens `u+`\u2026) or Events integration key (32 hex) near "pagerduty", named for it (`PAGERDUTY_API_KEY`, `pagerdutyRoutingKey`), `token`/`routingKey` inside a PagerDuty block, or after `Token token=`.',
    near: ['pagerduty'],
    value: 'u\\+[A-Za-z0-9_-]{18}|[A-Za-z0-9_+-]{20}|[0-9a-f]{32}',
    chars: 'A-Za-z0-9_+-',
    names: /^(?:pagerduty|pd)(?:api|rest|user|routing|integration|service|events|eventsv2)*(?:key|token)$/,
    blockNames: /^(?:api|rest|routing|integration|service)?(?:key|token)$/,
    place: new RegExp(`Token token=${bound_Q}?$`),
    verify: (v) => v.length === 32 || (/[A-Z]/.test(v) && /[a-z]/.test(v) && /[0-9_+-]/.test(v))
        ? undefined
        : false,
    samples: {
        match: () => [
            `PAGERDUTY_API_KEY=${service_samples_mixed(17, 'pd-1')}_${fake(2, HEX, 'pd-2')}`,
            `headers: { Authorization: "Token token=${service_samples_mixed(20, 'pd-3')}" } // pagerduty`,
            `pagerduty:\n  routing_key: ${fake(32, HEX, 'pd-4')}\n`,
        ],
        noMatch: () => [
            'PAGERDUTY_API_KEY=' + 'x'.repeat(20),
            'PAGERDUTY_API_KEY=${PD_KEY}',
            `pagerduty:\n  service: web\ndatadog:\n  token: ${fake(20, B64URL, 'pd-5')}\n`,
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/opsgenie.js


const opsgenieApiKey = bound_boundDetector({
    id: 'secret/opsgenie-api-key',
    title: 'Opsgenie API key',
    provider: 'Opsgenie',
    description: 'An Opsgenie API key (a UUID) near "opsgenie", named for it (`OPSGENIE_API_KEY`), `apiKey` inside an Opsgenie block, or after `GenieKey ` in an Authorization header.',
    near: ['opsgenie', 'geniekey'],
    value: '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}',
    chars: 'A-Za-z0-9-',
    block: /opsgenie/i,
    names: /^opsgenie(?:api|integration|heartbeat)?key$/,
    blockNames: /^(?:api|integration)?key$/,
    place: new RegExp(`GenieKey[ \\t]+$`, 'i'),
    samples: {
        match: () => [
            `OPSGENIE_API_KEY=${service_samples_uuid('og-1')}`,
            `headers: { Authorization: \`GenieKey ${service_samples_uuid('og-2')}\` }`,
            `opsgenie.configure({ api_key: "${service_samples_uuid('og-3')}" })`,
        ],
        noMatch: () => [
            'Authorization: GenieKey <api-key>',
            `opsgenie:\n  team: sre\nrequestId: ${service_samples_uuid('og-4')}\n`,
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/logzio.js



const logzioToken = bound_boundDetector({
    id: 'secret/logzio-token',
    title: 'Logz.io token',
    provider: 'Logz.io',
    description: 'A Logz.io shipping token (32 letters) or API token (a UUID) near "logz.io" or "logzio", named for it (`LOGZIO_TOKEN`, `logzioShippingToken`), `token` inside a Logz.io block, or in a listener URL (`listener.logz.io\u2026?token=`).',
    near: ['logz.io', 'logzio'],
    value: '[A-Za-z]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}',
    chars: 'A-Za-z0-9-',
    block: /logz\.?io/i,
    names: /^logzio(?:shipping|api|metrics|logs|traces)?token$/,
    blockNames: /^(?:shipping|api)?token$/,
    place: new RegExp(`logz\\.io(?::[0-9]{1,5})?/?\\?(?:[a-z]+=[^&\\s"']{0,40}&)?token=${bound_Q}?$`, 'i'),
    verify: (v) => (v.length === 32 && !(/[A-Z]/.test(v) && /[a-z]/.test(v)) ? false : undefined),
    samples: {
        match: () => [
            `LOGZIO_TOKEN=${fake(32, LETTERS, 'lz-1')}`,
            `const url = "https://listener.logz.io:8071/?token=${fake(32, LETTERS, 'lz-2')}&type=nodejs"`,
            `LOGZIO_API_TOKEN=${service_samples_uuid('lz-3')}`,
        ],
        noMatch: () => [
            'LOGZIO_TOKEN=<<LOG-SHIPPING-TOKEN>>',
            `logzio: { type: "nodejs" }, x: { token: "${fake(32, LETTERS, 'lz-4')}" }`,
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/onepassword.js



/** Base64 of a JSON object with the account's sign-in address and the keys to unlock it. */
const onepasswordServiceAccountToken = tokenDetector({
    id: 'secret/1password-service-account-token',
    title: '1Password service account token',
    provider: '1Password',
    description: 'A 1Password service account token (`ops_` + base64 of a JSON object with `signInAddress`, `email` and its unlock keys).',
    keywords: ['ops_eyj'],
    pattern: `${B}ops_(?<body>eyJ[A-Za-z0-9+/_-]{200,3000}={0,2})(?![A-Za-z0-9+/=_-])`,
    verify: (m) => {
        const v = json64(m.groups.body);
        if (!v)
            return false;
        return 'signInAddress' in v && ('secretKey' in v || 'muk' in v || 'srpX' in v)
            ? undefined
            : 'its body lacks the fields of a service account token';
    },
    samples: {
        match: () => [`OP_SERVICE_ACCOUNT_TOKEN=ops_${opsBody('op-1')}`],
        noMatch: () => ['OP_SERVICE_ACCOUNT_TOKEN=ops_eyJ...', 'OP_SERVICE_ACCOUNT_TOKEN=ops_<token>'],
        unverified: () => [
            'ops_' + Buffer.from(JSON.stringify({ note: fake(200, ALNUM, 'op-2') })).toString('base64'),
        ],
    },
});
function opsBody(seed) {
    const v = {
        signInAddress: 'acme.1password.com',
        userAuth: {
            method: 'SRPg-4096',
            alg: 'PBES2g-HS256',
            iterations: 650000,
            salt: fake(22, B64URL, seed),
        },
        email: `${fake(13, 'abcdefghijklmnopqrstuvwxyz', seed)}@1passwordserviceaccounts.com`,
        srpX: fake(64, '0123456789abcdef', `${seed}-x`),
        muk: {
            alg: 'A256GCM',
            ext: true,
            k: fake(43, B64URL, `${seed}-k`),
            key_ops: ['decrypt', 'encrypt'],
            kty: 'oct',
            kid: 'mp',
        },
        secretKey: `A3-${fake(6, 'ABCDEFGHJKLMNPQRSTVWXYZ23456789', seed)}-${fake(6, 'ABCDEFGHJKLMNPQRSTVWXYZ23456789', `${seed}a`)}`,
        throttleSecret: {
            seed: fake(64, '0123456789abcdef', `${seed}-t`),
            deviceUuid: fake(26, 'abcdefghijklmnopqrstuvwxyz0123456789', `${seed}-d`),
        },
        deviceUuid: fake(26, 'abcdefghijklmnopqrstuvwxyz0123456789', `${seed}-d`),
    };
    return Buffer.from(JSON.stringify(v)).toString('base64').replace(/=+$/, '');
}

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/atlassian.js


/** 192 characters in all, ending in `=` and an 8-hex-digit checksum. */
const atlassianApiToken = tokenDetector({
    id: 'secret/atlassian-api-token',
    title: 'Atlassian API token',
    provider: 'Atlassian',
    description: 'An Atlassian (Jira, Confluence, Bitbucket) API token (`ATATT3` + 186 characters ending in `=` and 8 hex of checksum).',
    keywords: ['atatt3'],
    pattern: `${B}ATATT3(?<body>[A-Za-z0-9_-]{177})=(?<sum>[0-9A-F]{8})${E}`,
    samples: {
        match: () => [
            `JIRA_API_TOKEN=${atlassian_token('at-1')}`,
            `auth: { username: "me@acme.io", password: "${atlassian_token('at-2')}" }`,
        ],
        noMatch: () => [
            'JIRA_API_TOKEN=ATATT3xFfGF0...',
            'ATATT3' + 'x'.repeat(177) + '=' + '0'.repeat(8),
            'ATATT3' + fake(150, B64URL, 'at-3') + '=' + fake(8, HEX, 'at-4').toUpperCase(),
        ],
    },
});
const atlassian_token = (seed) => 'ATATT3' + fake(177, B64URL, seed) + '=' + fake(8, HEX, `${seed}s`).toUpperCase();

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/mailgun.js



/** `key-` is everywhere in code: the guard lets only `key-` + 32 hex reach the pattern. */
const mailgunApiKey = withContext(tokenDetector({
    id: 'secret/mailgun-api-key',
    title: 'Mailgun API key',
    provider: 'Mailgun',
    description: 'A Mailgun private API key (`key-` + 32 hex), or one of the newer keys (32 hex, `-`, 8 hex, `-`, 8 hex) named as a Mailgun key; without "mailgun" nearby a `key-` value is only unverified.',
    keywords: ['key-'],
    guards: { 'key-': '[0-9a-f]{32}(?![A-Za-z0-9_-])' },
    pattern: `${B}key-(?<body>[0-9a-f]{32})${E}`,
    samples: {
        match: () => [
            `MAILGUN_API_KEY=key-${fake(32, HEX, 'mg-1')}`,
            `const mg = mailgun.client({ username: "api", key: "key-${fake(32, HEX, 'mg-2')}" })`,
        ],
        noMatch: () => [
            'MAILGUN_API_KEY=key-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
            'MAILGUN_API_KEY=key-<your key>',
            `const cacheKey = "cache-key-${fake(32, HEX, 'mg-3')}"`,
            `mailgun: { publicKey: "pubkey-${fake(32, HEX, 'mg-4')}" }`,
            'const k = `key-${hash}`',
        ],
        unverified: () => [`const k = "key-${fake(32, HEX, 'mg-5')}"`],
    },
}), /mailgun|\bmg\.|api\.(?:eu\.)?mailgun/i, 'no Mailgun context nearby');
/** The newer key shape has no prefix: named for Mailgun, or `key`/`apiKey` in its block. */
const mailgunKey = bound_boundDetector({
    id: 'secret/mailgun-key',
    title: 'Mailgun API or signing key',
    provider: 'Mailgun',
    description: 'A Mailgun API key or webhook signing key in the newer shape (32 hex, `-`, 8 hex, `-`, 8 hex) near "mailgun", named for it (`MAILGUN_API_KEY`, `mailgunSigningKey`) or `key`/`apiKey` inside a Mailgun block.',
    near: ['mailgun'],
    value: '[0-9a-f]{32}-[0-9a-f]{8}-[0-9a-f]{8}',
    chars: 'A-Za-z0-9-',
    names: /^mailgun(?:api|private|sending|webhook|signing|webhooksigning)*key$/,
    blockNames: /^(?:api|private|signing)?key$/,
    samples: {
        match: () => [
            `MAILGUN_API_KEY=${mgKey('mg-6')}\nMAILGUN_DOMAIN=mg.acme.io\n`,
            `const client = new Mailgun(FormData).client({ username: "api", key: "${mgKey('mg-7')}" })`,
        ],
        noMatch: () => [
            'MAILGUN_API_KEY=${MAILGUN_API_KEY}',
            `mailgun_domain = "mg.acme.io"\nsession_id = "${mgKey('mg-8')}"`,
        ],
    },
});
const mgKey = (seed) => [fake(32, HEX, seed), fake(8, HEX, `${seed}a`), fake(8, HEX, `${seed}b`)].join('-');

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/mailchimp.js


/** 32 hex characters and the data center (`-us12`): a shape only Mailchimp's keys have. */
const mailchimpApiKey = bound_boundDetector({
    id: 'secret/mailchimp-api-key',
    title: 'Mailchimp API key',
    provider: 'Mailchimp',
    description: 'A Mailchimp API key (32 hex + `-us` and its data center number) near "mailchimp".',
    near: ['mailchimp'],
    value: '[0-9a-f]{32}-us[0-9]{1,2}',
    chars: 'A-Za-z0-9-',
    shapeBinds: true,
    samples: {
        match: () => [
            `MAILCHIMP_API_KEY=${fake(32, HEX, 'mc-1')}-us12`,
            `mailchimp.setConfig({ apiKey: "${fake(32, HEX, 'mc-2')}-us6", server: "us6" })`,
        ],
        noMatch: () => [
            'MAILCHIMP_API_KEY=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx-us12',
            'mailchimp.setConfig({ apiKey: "YOUR_API_KEY", server: "YOUR_SERVER_PREFIX" })',
            // the shape without Mailchimp nearby
            `const id = "${fake(32, HEX, 'mc-3')}-us1"`,
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/brevo.js


const brevoApiKey = tokenDetector({
    id: 'secret/brevo-api-key',
    title: 'Brevo (Sendinblue) API key',
    provider: 'Brevo',
    description: 'A Brevo (formerly Sendinblue) API or SMTP key (`xkeysib-`, `xsmtpsib-` + 64 hex + `-` + 16 letters and digits).',
    keywords: ['xkeysib-', 'xsmtpsib-'],
    pattern: `${B}x(?:keysib|smtpsib)-(?<body>[0-9a-f]{64})-[A-Za-z0-9]{16}${E}`,
    label: (m) => (m[0].startsWith('xsmtp') ? 'Brevo (Sendinblue) SMTP key' : undefined),
    samples: {
        match: () => [
            `BREVO_API_KEY=${['xkeysib', fake(64, HEX, 'bv-1'), fake(16, ALNUM, 'bv-2')].join('-')}`,
            ['xsmtpsib', fake(64, HEX, 'bv-3'), fake(16, ALNUM, 'bv-4')].join('-'),
        ],
        noMatch: () => [
            'xkeysib-' + 'x'.repeat(64) + '-' + 'x'.repeat(16),
            'api-key: xkeysib-<your-api-key>',
            ['xkeysib', fake(64, HEX, 'bv-5'), fake(12, ALNUM, 'bv-6')].join('-'),
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/postmark.js


const postmarkToken = bound_boundDetector({
    id: 'secret/postmark-token',
    title: 'Postmark server or account token',
    provider: 'Postmark',
    description: 'A Postmark server or account API token (a UUID) near "postmark", named for it (`POSTMARK_SERVER_TOKEN`, `X-Postmark-Server-Token`), or the first argument of `new postmark.ServerClient(\u2026)`.',
    near: ['postmark'],
    value: '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}',
    chars: 'A-Za-z0-9-',
    names: /^x?postmark(?:api|server|account)*(?:token|key)$/,
    blockNames: /^(?:api|server|account)?(?:token|key)$/,
    place: new RegExp(`(?:Server|Account)Client\\([ \\t]*${bound_Q}$`),
    samples: {
        match: () => [
            `POSTMARK_SERVER_TOKEN=${service_samples_uuid('pm-1')}`,
            `const client = new postmark.ServerClient("${service_samples_uuid('pm-2')}")`,
            `headers: { "X-Postmark-Server-Token": "${service_samples_uuid('pm-3')}" }`,
        ],
        noMatch: () => [
            'const client = new postmark.ServerClient("POSTMARK-SERVER-API-TOKEN-HERE")',
            'POSTMARK_SERVER_TOKEN=${POSTMARK_TOKEN}',
            `// postmark\nconst traceId = "${service_samples_uuid('pm-4')}"`,
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/sparkpost.js


const sparkpostApiKey = bound_boundDetector({
    id: 'secret/sparkpost-api-key',
    title: 'SparkPost API key',
    provider: 'SparkPost',
    description: 'A SparkPost API key (40 hex) near "sparkpost", named for it (`SPARKPOST_API_KEY`), `apiKey` inside a SparkPost block, or the first argument of `new SparkPost(\u2026)`.',
    near: ['sparkpost'],
    value: '[0-9a-f]{40}',
    names: /^sparkpost(?:api)?key$/,
    blockNames: /^(?:api)?key$/,
    place: new RegExp(`SparkPost\\([ \\t]*${bound_Q}$`, 'i'),
    samples: {
        match: () => [
            `SPARKPOST_API_KEY=${fake(40, HEX, 'sp-1')}`,
            `const client = new SparkPost('${fake(40, HEX, 'sp-2')}')`,
        ],
        noMatch: () => [
            'const client = new SparkPost(process.env.SPARKPOST_API_KEY)',
            `sparkpost@2.1.4 ${fake(40, HEX, 'sp-3')}`,
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/mailjet.js


/** The public API key is an identifier; its private key is the secret. */
const mailjetSecretKey = bound_boundDetector({
    id: 'secret/mailjet-secret-key',
    title: 'Mailjet API secret key',
    provider: 'Mailjet',
    description: 'A Mailjet API secret key (32 hex) near "mailjet", named for it (`MJ_APIKEY_PRIVATE`, `MAILJET_SECRET_KEY`), `apiSecret` inside a Mailjet block, or the second argument of `mailjet.apiConnect(key, secret)`.',
    near: ['mailjet', 'mj_apikey_private'],
    value: '[0-9a-f]{32}',
    block: /mailjet/i,
    names: /^(?:mjapikeyprivate|mailjet(?:api)?(?:secret|private)(?:key)?|mjsecretkey)$/,
    blockNames: /^(?:api)?(?:secret|private)(?:key)?$/,
    place: new RegExp(`(?:apiConnect|connect)\\([ \\t]*${bound_Q}?[0-9a-f]{32}${bound_Q}?[ \\t]*,[ \\t]*${bound_Q}$`),
    samples: {
        match: () => [
            `MJ_APIKEY_PUBLIC=${fake(32, HEX, 'mj-1')}\nMJ_APIKEY_PRIVATE=${fake(32, HEX, 'mj-2')}\n`,
            `const mailjet = Mailjet.apiConnect("${fake(32, HEX, 'mj-3')}", "${fake(32, HEX, 'mj-4')}")`,
        ],
        noMatch: () => [
            `MJ_APIKEY_PUBLIC=${fake(32, HEX, 'mj-5')}\nMJ_APIKEY_PRIVATE=your_private_key\n`,
            'Mailjet.apiConnect(process.env.MJ_APIKEY_PUBLIC, process.env.MJ_APIKEY_PRIVATE)',
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/vonage.js



const vonageApiSecret = bound_boundDetector({
    id: 'secret/vonage-api-secret',
    title: 'Vonage (Nexmo) API secret',
    provider: 'Vonage',
    description: 'A Vonage (Nexmo) API secret (16 letters and digits) near "vonage" or "nexmo", named for it (`VONAGE_API_SECRET`, `NEXMO_API_SECRET`) or `apiSecret` inside a Vonage block.',
    near: ['vonage', 'nexmo'],
    value: '[A-Za-z0-9]{16}',
    names: /^(?:vonage|nexmo)(?:api)?secret$/,
    blockNames: /^(?:api)?secret$/,
    verify: mixedCase,
    samples: {
        match: () => [
            `VONAGE_API_KEY=${fake(8, HEX, 'vn-1')}\nVONAGE_API_SECRET=${service_samples_mixed(16, 'vn-2')}\n`,
            `const vonage = new Vonage({ apiKey: "${fake(8, HEX, 'vn-3')}", apiSecret: "${service_samples_mixed(16, 'vn-4')}" })`,
        ],
        noMatch: () => [
            'const vonage = new Vonage({ apiKey: "API_KEY", apiSecret: "API_SECRET" })',
            `NEXMO_API_SECRET=${'abcdefgh'.repeat(2)}`,
            `vonage: { apiKey: "x" }, stripe: { apiSecret: "${service_samples_mixed(16, 'vn-5')}" }`,
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/messagebird.js


const messagebirdAccessKey = bound_boundDetector({
    id: 'secret/messagebird-access-key',
    title: 'MessageBird access key',
    provider: 'MessageBird',
    description: 'A MessageBird (Bird) live access key (25 letters and digits) near "messagebird", named for it (`MESSAGEBIRD_API_KEY`, `messagebirdAccessKey`) or the argument of `messagebird(\u2026)` / `initClient(\u2026)`.',
    near: ['messagebird'],
    value: '[A-Za-z0-9]{25}',
    names: /^messagebird(?:api|access|live)?key$/,
    blockNames: /^(?:api|access)?key$/,
    place: new RegExp(`(?:messagebird|initClient)\\)?\\([ \\t]*${bound_Q}$`, 'i'),
    verify: lettersAndDigits,
    samples: {
        match: () => [
            `MESSAGEBIRD_API_KEY=${service_samples_mixed(25, 'mb-1')}`,
            `const messagebird = require('messagebird').initClient('${service_samples_mixed(25, 'mb-2')}')`,
        ],
        noMatch: () => [
            "const messagebird = require('messagebird')('<YOUR_ACCESS_KEY>')",
            'MESSAGEBIRD_API_KEY=' + 'x'.repeat(25),
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/pusher.js


/** The app key is public (browsers use it); the app secret signs server requests. */
const pusherSecret = bound_boundDetector({
    id: 'secret/pusher-secret',
    title: 'Pusher app secret',
    provider: 'Pusher',
    description: 'A Pusher Channels app secret (20 hex) near "pusher", named for it (`PUSHER_APP_SECRET`) or `secret` inside a Pusher block; the app key is public and not reported.',
    near: ['pusher'],
    value: '[0-9a-f]{20}',
    names: /^pusher(?:app)?secret$/,
    blockNames: /^(?:app)?secret$/,
    samples: {
        match: () => [
            `PUSHER_APP_ID=1234567\nPUSHER_APP_KEY=${fake(20, HEX, 'pu-1')}\nPUSHER_APP_SECRET=${fake(20, HEX, 'pu-2')}\n`,
            `const pusher = new Pusher({ appId: "1", key: "${fake(20, HEX, 'pu-3')}", secret: "${fake(20, HEX, 'pu-4')}", cluster: "eu" })`,
        ],
        noMatch: () => [
            `const pusher = new Pusher("${fake(20, HEX, 'pu-5')}", { cluster: "eu" })`,
            'PUSHER_APP_SECRET=${PUSHER_SECRET}',
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/ably.js



/** `<app id>.<key id>:<secret>`: a shape of Ably's own, found near the word "ably". */
const ablyApiKey = bound_boundDetector({
    id: 'secret/ably-api-key',
    title: 'Ably API key',
    provider: 'Ably',
    description: 'An Ably API key (`<6-character app id>.<6-character key id>:<43-character secret>`) near "ably".',
    near: ['ably'],
    value: '[A-Za-z0-9_-]{6}\\.[A-Za-z0-9_-]{6}:[A-Za-z0-9_+/=-]{43}',
    chars: 'A-Za-z0-9_+/=.:-',
    shapeBinds: true,
    verify: (v) => mixedCase(v.slice(14)),
    samples: {
        match: () => [
            `ABLY_API_KEY=${fake(6, B64URL, 'ab-1')}.${fake(6, B64URL, 'ab-2')}:${service_samples_mixed(43, 'ab-3')}`,
            `const client = new Ably.Realtime("${fake(6, B64URL, 'ab-4')}.${fake(6, B64URL, 'ab-5')}:${service_samples_mixed(43, 'ab-6')}")`,
        ],
        noMatch: () => [
            'const client = new Ably.Realtime("xVLyHw.XXXXXX:' + 'x'.repeat(43) + '")',
            'const client = new Ably.Realtime({ key: process.env.ABLY_API_KEY })',
            // the shape without Ably nearby
            `const k = "${fake(6, B64URL, 'ab-7')}.${fake(6, B64URL, 'ab-8')}:${service_samples_mixed(43, 'ab-9')}"`,
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/mattermost.js


const mattermostToken = bound_boundDetector({
    id: 'secret/mattermost-token',
    title: 'Mattermost access token',
    provider: 'Mattermost',
    description: 'A Mattermost personal access or bot token (26 lower-case letters and digits) near "mattermost", named for it (`MATTERMOST_TOKEN`, `mattermostBotToken`) or `token` inside a Mattermost block.',
    near: ['mattermost'],
    value: '[a-z0-9]{26}',
    names: /^mattermost(?:personal|bot|access|api)*token$/,
    blockNames: /^(?:personal|bot|access|api)?(?:access)?token$/,
    verify: (v) => (/[a-z]/.test(v) && /[0-9]/.test(v) ? undefined : false),
    samples: {
        match: () => [
            `MATTERMOST_TOKEN=${lowerAlnum(26, 'mm-1')}`,
            `mattermost:\n  url: https://chat.acme.io\n  botToken: ${lowerAlnum(26, 'mm-2')}\n`,
        ],
        noMatch: () => [
            'MATTERMOST_TOKEN=<personal-access-token>',
            `mattermost:\n  channel: town-square\nid: ${lowerAlnum(26, 'mm-3')}\n`,
        ],
    },
});
/** `https://<host>/hooks/<26 lower-case letters and digits>`: a Mattermost server's incoming webhook. */
const mattermostWebhook = bound_boundDetector({
    id: 'secret/mattermost-webhook',
    title: 'Mattermost incoming webhook URL',
    provider: 'Mattermost',
    description: 'A Mattermost incoming webhook URL (`https://<server>/hooks/<26 lower-case letters and digits>`) near "mattermost".',
    near: ['mattermost'],
    value: 'https?://[A-Za-z0-9.-]{1,100}(?::[0-9]{1,5})?/hooks/[a-z0-9]{26}',
    chars: 'A-Za-z0-9/',
    shapeBinds: true,
    verify: (v) => (/[0-9]/.test(v.slice(-26)) && /[a-z]/.test(v.slice(-26)) ? undefined : false),
    samples: {
        match: () => [`MATTERMOST_WEBHOOK_URL=https://chat.acme.io/hooks/${lowerAlnum(26, 'mm-4')}`],
        noMatch: () => [
            'MATTERMOST_WEBHOOK_URL=https://your-mattermost-server.com/hooks/xxx-generatedkey-xxx',
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/intercom.js



/** Intercom access tokens are base64 of `tok:<uuid>:<version>:<number>`. */
const intercomAccessToken = bound_boundDetector({
    id: 'secret/intercom-access-token',
    title: 'Intercom access token',
    provider: 'Intercom',
    description: 'An Intercom access token (base64 ending in `=`, of `tok:\u2026`) near "intercom", named for it (`INTERCOM_ACCESS_TOKEN`) or `token`/`accessToken` inside an Intercom block; one that does not decode to `tok:` is only unverified.',
    near: ['intercom'],
    value: '[A-Za-z0-9+/]{40,120}={1,2}',
    chars: 'A-Za-z0-9+/=',
    names: /^intercom(?:api|access|app)*(?:token|key)$/,
    blockNames: /^(?:access|api)?token$/,
    verify: (v) => decode64(v)?.startsWith('tok:') ? undefined : 'it does not decode to an Intercom token (tok:\u2026)',
    samples: {
        match: () => [
            `INTERCOM_ACCESS_TOKEN=${tok('ic-1')}`,
            `const client = new Intercom.Client({ tokenAuth: { token: "${tok('ic-2')}" } }) // intercom`,
        ],
        noMatch: () => [
            'INTERCOM_ACCESS_TOKEN=<your access token>',
            `intercom: { appId: "abc" }, other: { token: "${tok('ic-3')}" }`,
        ],
        unverified: () => [`INTERCOM_ACCESS_TOKEN=${fake(58, B64, 'ic-4')}==`],
    },
});
const tok = (seed) => Buffer.from(`tok:${service_samples_uuid(seed)}:${fake(1, '12', seed)}:${fake(1, '123456789', `${seed}n`)}`).toString('base64');

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/teams.js





const teams_UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
/** The host before the keyword: `https://acme.` or `https://prod-27.westus.`. */
const teams_HOST = /(?:https?:\/\/)?(?:[a-z0-9-]{1,63}\.){1,4}$/i;
const OFFICE = new RegExp(`(?:webhook\\.office\\.com/webhookb2|outlook\\.office(?:365)?\\.com/webhook)/${teams_UUID}@${teams_UUID}/IncomingWebhook/(?<body>[0-9a-f]{32})/${teams_UUID}(?:/V2[A-Za-z0-9_-]{20,80})?${E}`, 'yi');
/** Found at the host name, then the subdomain before it is taken in. */
const teamsWebhook = defineDetector({
    id: 'secret/teams-webhook',
    title: 'Microsoft Teams incoming webhook URL',
    provider: 'Microsoft Teams',
    description: 'A Microsoft Teams incoming webhook URL (`<tenant>.webhook.office.com/webhookb2/<uuid>@<uuid>/IncomingWebhook/<32 hex>/<uuid>`).',
    priority: PRIORITY.token,
    keywords: [
        'webhook.office.com/',
        'outlook.office.com/webhook/',
        'outlook.office365.com/webhook/',
    ],
    find(text, at) {
        const m = matchAt(OFFICE, text, at);
        if (!m)
            return undefined;
        const host = teams_HOST.exec(text.slice(Math.max(0, at - 80), at))?.[0] ?? '';
        const start = at - host.length;
        return judge(text.slice(start, at + m[0].length), m.groups.body, start, { shown: 0 });
    },
    samples: {
        match: () => [
            `TEAMS_WEBHOOK=https://acme.webhook.office.com/webhookb2/${service_samples_uuid('ms-1')}@${service_samples_uuid('ms-2')}/IncomingWebhook/${fake(32, HEX, 'ms-3')}/${service_samples_uuid('ms-4')}`,
            `url: "https://outlook.office.com/webhook/${service_samples_uuid('ms-5')}@${service_samples_uuid('ms-6')}/IncomingWebhook/${fake(32, HEX, 'ms-7')}/${service_samples_uuid('ms-8')}"`,
            `https://acme.webhook.office.com/webhookb2/${service_samples_uuid('ms-9')}@${service_samples_uuid('ms-10')}/IncomingWebhook/${fake(32, HEX, 'ms-11')}/${service_samples_uuid('ms-12')}/V2${fake(40, B64URL, 'ms-13')}`,
        ],
        noMatch: () => [
            'https://acme.webhook.office.com/webhookb2/<group-id>@<tenant-id>/IncomingWebhook/<id>/<owner>',
            `https://acme.webhook.office.com/webhookb2/${service_samples_uuid('ms-14')}@${service_samples_uuid('ms-15')}/IncomingWebhook/${'0'.repeat(32)}/${service_samples_uuid('ms-16')}`,
            'See https://learn.microsoft.com/en-us/microsoftteams/platform/webhooks-and-connectors/',
        ],
    },
});
const WORKFLOW = new RegExp(`(?:logic\\.azure\\.com(?::443)?/workflows|environment\\.api\\.powerplatform\\.com(?::443)?/powerautomate/automations/direct/workflows)/[0-9a-f]{32}/triggers/[A-Za-z0-9_.-]{1,80}/paths/invoke/?\\?[^\\s"'\`<>]{0,300}?(?:&|&amp;|\\?)sig=(?<body>[A-Za-z0-9_-]{43})${E}`, 'yi');
/** Teams Workflows (Power Automate) replaced connectors; the `sig` query parameter is the secret. */
const teamsWorkflowUrl = defineDetector({
    id: 'secret/teams-workflow-url',
    title: 'Power Automate workflow URL (Teams webhook)',
    provider: 'Microsoft Teams',
    description: 'A Power Automate / Teams Workflows trigger URL with its signature (`\u2026.logic.azure.com/workflows/<32 hex>/triggers/\u2026/paths/invoke?\u2026&sig=<43>`, or `\u2026.environment.api.powerplatform.com/powerautomate/\u2026`).',
    priority: PRIORITY.token,
    keywords: ['logic.azure.com', 'environment.api.powerplatform.com'],
    find(text, at) {
        const m = matchAt(WORKFLOW, text, at);
        if (!m)
            return undefined;
        const host = teams_HOST.exec(text.slice(Math.max(0, at - 80), at))?.[0] ?? '';
        const start = at - host.length;
        return judge(text.slice(start, at + m[0].length), m.groups.body, start, { shown: 0 });
    },
    samples: {
        match: () => [
            `WEBHOOK=https://prod-27.westus.logic.azure.com:443/workflows/${fake(32, HEX, 'ms-17')}/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=${fake(43, B64URL, 'ms-18')}`,
            `"https://default${fake(30, HEX, 'ms-19')}.ab.environment.api.powerplatform.com:443/powerautomate/automations/direct/workflows/${fake(32, HEX, 'ms-20')}/triggers/manual/paths/invoke?api-version=1&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=${fake(43, B64URL, 'ms-21')}"`,
        ],
        noMatch: () => [
            `https://prod-27.westus.logic.azure.com:443/workflows/${fake(32, HEX, 'ms-22')}/triggers/manual/paths/invoke?api-version=2016-06-01`,
            'https://prod-00.westus.logic.azure.com/workflows/<id>/triggers/manual/paths/invoke?sig=<signature>',
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/square.js


/** Not inside a base64 blob either: `+` and `/` glue a run to its neighbours. */
const START = boundary('A-Za-z0-9_+/-');
const square_END = '(?![A-Za-z0-9_+/=-])';
const square_KINDS = {
    atp: 'Square access token (legacy)',
    csp: 'Square application secret',
    EAAA: 'Square access token',
};
/**
 * `sq0atp-` + 22 and `sq0csp-` + 43 (legacy), `EAAA` + 60 (current access tokens, 64 in all).
 * A Facebook token also starts with `EAA`, but is longer and has no `-` or `_`.
 */
const squareToken = tokenDetector({
    id: 'secret/square-token',
    title: 'Square access token',
    provider: 'Square',
    description: 'A Square access token (`EAAA` + 60 characters, 64 in all; legacy `sq0atp-` + 22) or application secret (`sq0csp-` + 43).',
    keywords: ['sq0atp-', 'sq0csp-', 'eaaa'],
    guards: { eaaa: '[A-Za-z0-9_-]{60}(?![A-Za-z0-9_-])' },
    pattern: `${START}(?:sq0(?<kind>atp|csp)-(?<body>[A-Za-z0-9_-]{22}(?:[A-Za-z0-9_-]{21})?)|EAAA(?<token>[A-Za-z0-9_-]{60}))${square_END}`,
    verify: (m) => {
        const kind = m.groups.kind;
        if (!kind)
            return undefined;
        return m.groups.body.length === (kind === 'atp' ? 22 : 43) ? undefined : false;
    },
    label: (m) => square_KINDS[m.groups.kind ?? 'EAAA'],
    samples: {
        match: () => [
            `SQUARE_ACCESS_TOKEN=EAAA${fake(60, B64URL, 'sq-1')}`,
            ['sq0atp', fake(22, B64URL, 'sq-2')].join('-'),
            `SQUARE_APPLICATION_SECRET=${['sq0csp', fake(43, B64URL, 'sq-3')].join('-')}`,
            `EAAA${fake(20, B64URL, 'sq-4')}AAAA${fake(36, B64URL, 'sq-5')}`,
        ],
        noMatch: () => [
            'SQUARE_ACCESS_TOKEN=EAAAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
            `EAAA${fake(50, B64URL, 'sq-6')}`,
            ['sq0csp', fake(22, B64URL, 'sq-7')].join('-'),
            'const re = /EAAA[a-zA-Z0-9_-]{60}/',
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/braintree.js


/** Sandbox tokens reach no money; only production ones are reported. */
const braintreeAccessToken = tokenDetector({
    id: 'secret/braintree-access-token',
    title: 'PayPal Braintree access token',
    provider: 'PayPal Braintree',
    description: 'A PayPal Braintree production access token (`access_token$production$` + 16 letters and digits + `$` + 32 hex).',
    keywords: ['access_token$production$'],
    pattern: `${B}access_token\\$production\\$[0-9a-z]{16}\\$(?<body>[0-9a-f]{32})${E}`,
    samples: {
        match: () => [
            `BRAINTREE_ACCESS_TOKEN=${['access_token', 'production', fake(16, LOWER + DIGITS, 'bt-1'), fake(32, HEX, 'bt-2')].join('$')}`,
        ],
        noMatch: () => [
            ['access_token', 'sandbox', fake(16, LOWER + DIGITS, 'bt-3'), fake(32, HEX, 'bt-4')].join('$'),
            'access_token$production$<merchant id>$<token>',
            ['access_token', 'production', 'x'.repeat(16), 'x'.repeat(32)].join('$'),
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/plaid.js




/** An access token for one linked bank account: sandbox and development ones reach no money. */
const plaidAccessToken = tokenDetector({
    id: 'secret/plaid-access-token',
    title: 'Plaid access token',
    provider: 'Plaid',
    description: 'A Plaid production access token (`access-production-` + a UUID).',
    keywords: ['access-production-'],
    pattern: `${B}access-production-(?<body>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})${E}`,
    samples: {
        match: () => [`{"access_token": "access-production-${service_samples_uuid('pl-1')}"}`],
        noMatch: () => [
            `access-sandbox-${service_samples_uuid('pl-2')}`,
            'access-production-xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx',
            'if (token.startsWith("access-production-")) live = true',
        ],
    },
});
const plaidSecret = bound_boundDetector({
    id: 'secret/plaid-secret',
    title: 'Plaid API secret',
    provider: 'Plaid',
    description: 'A Plaid API secret (30 hex) near "plaid", named for it (`PLAID_SECRET`, `plaidSecret`) or `secret` inside a Plaid block.',
    near: ['plaid'],
    value: '[0-9a-f]{30}',
    names: /^plaid(?:production|development|sandbox|api|client)?secret(?:key)?$/,
    blockNames: /^(?:api|client)?secret$/,
    samples: {
        match: () => [
            `PLAID_CLIENT_ID=${fake(24, HEX, 'pl-3')}\nPLAID_SECRET=${fake(30, HEX, 'pl-4')}\n`,
            `new PlaidApi(new Configuration({ baseOptions: { headers: { "PLAID-CLIENT-ID": "${fake(24, HEX, 'pl-5')}", "PLAID-SECRET": "${fake(30, HEX, 'pl-6')}" } } }))`,
        ],
        noMatch: () => [
            'PLAID_SECRET=<your-secret>',
            `plaid: { env: "sandbox" }, stripe: { secret: "${lowerAlnum(30, 'pl-7')}" }`,
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/shippo.js


/** Live tokens only: `shippo_test_` tokens buy no labels. */
const shippoToken = tokenDetector({
    id: 'secret/shippo-token',
    title: 'Shippo live API token',
    provider: 'Shippo',
    description: 'A Shippo live API token (`shippo_live_` + 40 hex).',
    keywords: ['shippo_live_'],
    pattern: `${B}shippo_live_(?<body>[0-9a-f]{40})${E}`,
    samples: {
        match: () => [`SHIPPO_API_KEY=${['shippo', 'live', fake(40, HEX, 'sh-1')].join('_')}`],
        noMatch: () => [
            ['shippo', 'test', fake(40, HEX, 'sh-2')].join('_'),
            'shippo_live_<token>',
            'shippo_live_' + '0'.repeat(40),
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/paystack.js



/**
 * `sk_live_` + 40 hex. Stripe's keys share the prefix but are never 40 lower-case hex, so a
 * key of this exact shape is Paystack's: it outranks the Stripe detector on the same span.
 */
const paystackSecretKey = {
    ...tokenDetector({
        id: 'secret/paystack-secret-key',
        title: 'Paystack live secret key',
        provider: 'Paystack',
        description: 'A Paystack live secret key (`sk_live_` + 40 hex; a Stripe key never has that shape).',
        keywords: ['sk_live_'],
        pattern: `${B}sk_live_(?<body>[0-9a-f]{40})${E}`,
        samples: {
            match: () => [`PAYSTACK_SECRET_KEY=${['sk', 'live', fake(40, HEX, 'ps-1')].join('_')}`],
            noMatch: () => [
                ['sk', 'test', fake(40, HEX, 'ps-2')].join('_'),
                ['sk', 'live', '0'.repeat(40)].join('_'),
                ['pk', 'live', fake(40, HEX, 'ps-3')].join('_'),
            ],
        },
    }),
    priority: PRIORITY.token + 1,
};

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/flutterwave.js


/** Live secret keys only (`FLWSECK_TEST-` keys move no money; `FLWPUBK-` keys are public). */
const flutterwaveSecretKey = tokenDetector({
    id: 'secret/flutterwave-secret-key',
    title: 'Flutterwave secret key',
    provider: 'Flutterwave',
    description: 'A Flutterwave live secret key (`FLWSECK-` + 32 hex + `-X`).',
    keywords: ['flwseck-'],
    pattern: `${B}FLWSECK-(?<body>[0-9a-f]{32})-X${E}`,
    samples: {
        match: () => [`FLW_SECRET_KEY=FLWSECK-${fake(32, HEX, 'fw-1')}-X`],
        noMatch: () => [
            `FLWSECK_TEST-${fake(32, HEX, 'fw-2')}-X`,
            `FLWPUBK-${fake(32, HEX, 'fw-3')}-X`,
            'FLWSECK-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx-X',
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/razorpay.js


/**
 * The `rzp_live_` key id ships in every checkout page and is public; the key secret beside it
 * is the credential, bound by its name or its place after the key id.
 */
const razorpayKeySecret = bound_boundDetector({
    id: 'secret/razorpay-key-secret',
    title: 'Razorpay key secret',
    provider: 'Razorpay',
    description: 'A Razorpay live key secret (24 letters and digits) near a `rzp_live_` key id or "razorpay", named as one (`RAZORPAY_KEY_SECRET`, `key_secret`) or the next item after the key id; the key id itself is public.',
    near: ['razorpay', 'rzp_live_'],
    value: '[A-Za-z0-9]{24}',
    block: /razorpay/i,
    names: /^razorpay(?:key|api)?secret$/,
    blockNames: /^(?:key|api)?secret$/,
    place: new RegExp(`rzp_live_[A-Za-z0-9]{14}${bound_Q}?[ \\t]*[,:][ \\t]*${bound_Q}?$`),
    verify: lettersAndDigits,
    samples: {
        match: () => [
            `RAZORPAY_KEY_ID=rzp_live_${service_samples_mixed(14, 'rz-1')}\nRAZORPAY_KEY_SECRET=${service_samples_mixed(24, 'rz-2')}\n`,
            `const instance = new Razorpay({ key_id: "rzp_live_${service_samples_mixed(14, 'rz-3')}", key_secret: "${service_samples_mixed(24, 'rz-4')}" })`,
            `curl -u rzp_live_${service_samples_mixed(14, 'rz-5')}:${service_samples_mixed(24, 'rz-6')} https://api.razorpay.com/v1/orders`,
        ],
        noMatch: () => [
            `const options = { key: "rzp_live_${service_samples_mixed(14, 'rz-7')}", amount: 50000 }`,
            'RAZORPAY_KEY_SECRET=<your_key_secret>',
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/coinbase.js



/**
 * CDP API key secrets are an EC private key (found by secret/private-key) or 64 bytes of base64
 * (Ed25519); legacy API secrets 32 letters and digits. None has a prefix.
 */
const coinbaseApiSecret = bound_boundDetector({
    id: 'secret/coinbase-api-secret',
    title: 'Coinbase API secret',
    provider: 'Coinbase',
    description: 'A Coinbase (CDP or legacy) API secret (64 bytes of base64, or 32 letters and digits) near "coinbase", named for it (`COINBASE_API_SECRET`, `CDP_API_KEY_SECRET`) or `apiSecret`/`privateKey` inside a Coinbase block.',
    near: ['coinbase', 'cdp_api_key'],
    value: '[A-Za-z0-9+/]{86}==|[A-Za-z0-9]{32}',
    chars: 'A-Za-z0-9+/=',
    block: /coinbase|cdp/i,
    names: /^(?:coinbase|cdp)(?:api)?(?:key)?(?:secret|privatekey)$/,
    blockNames: /^(?:api)?(?:key)?secret$|^privatekey$/,
    verify: (v) => v.length === 32 && !(/[A-Z]/.test(v) && /[a-z]/.test(v) && /[0-9]/.test(v)) ? false : undefined,
    samples: {
        match: () => [
            `CDP_API_KEY_NAME=organizations/acme/apiKeys/k1\nCDP_API_KEY_SECRET=${fake(86, B64, 'cb-1')}==\n`,
            `const coinbase = new Coinbase({ apiKeyName: "k", apiSecret: "${service_samples_mixed(32, 'cb-2')}" })`,
        ],
        noMatch: () => [
            'COINBASE_API_SECRET=<api secret>',
            `coinbase: { network: "base" }, openai: { apiSecret: "${service_samples_mixed(32, 'cb-3')}" }`,
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/airtable.js


/**
 * `pat` + 14 letters and digits + `.` + 64 hex. `pat` alone is no keyword (every `path` has it),
 * so the token is looked for near the word "airtable".
 */
const airtableToken = bound_boundDetector({
    id: 'secret/airtable-token',
    title: 'Airtable personal access token',
    provider: 'Airtable',
    description: 'An Airtable personal access token (`pat` + 14 letters and digits + `.` + 64 hex) near "airtable".',
    near: ['airtable'],
    value: 'pat[A-Za-z0-9]{14}\\.[0-9a-f]{64}',
    chars: 'A-Za-z0-9.',
    shapeBinds: true,
    samples: {
        match: () => [
            `AIRTABLE_API_KEY=pat${fake(14, ALNUM, 'air-1')}.${fake(64, HEX, 'air-2')}`,
            `const base = new Airtable({ apiKey: "pat${fake(14, ALNUM, 'air-3')}.${fake(64, HEX, 'air-4')}" }).base("app1")`,
        ],
        noMatch: () => [
            'AIRTABLE_API_KEY=patXXXXXXXXXXXXXX.' + 'x'.repeat(64),
            `const path = "pat${fake(14, ALNUM, 'air-5')}.${fake(64, HEX, 'air-6')}"`,
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/algolia.js


/**
 * Search-only keys ship in every site that searches (DocSearch) and are public; only a key
 * named as an admin or write key is reported.
 */
const algoliaAdminKey = bound_boundDetector({
    id: 'secret/algolia-admin-key',
    title: 'Algolia admin API key',
    provider: 'Algolia',
    description: 'An Algolia admin or write API key (32 hex) near "algolia", named as one (`ALGOLIA_ADMIN_KEY`, `adminApiKey`, `writeApiKey`); search-only keys are public and not reported.',
    near: ['algolia'],
    value: '[0-9a-f]{32}',
    names: /^(?:algolia)?(?:admin|write)(?:api)?key$/,
    samples: {
        match: () => [
            `ALGOLIA_APP_ID=ABCDEF1234\nALGOLIA_ADMIN_KEY=${fake(32, HEX, 'al-1')}\n`,
            `algoliasearch: { appId: "ABCDEF1234", adminApiKey: "${fake(32, HEX, 'al-2')}" }`,
        ],
        noMatch: () => [
            `docsearch({ appId: "ABCDEF1234", apiKey: "${fake(32, HEX, 'al-3')}", indexName: "docs" }) // algolia`,
            `const client = algoliasearch("ABCDEF1234", "${fake(32, HEX, 'al-4')}")`,
            'ALGOLIA_ADMIN_KEY=${ALGOLIA_ADMIN_KEY}',
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/dropbox.js


const dropboxToken = bound_boundDetector({
    id: 'secret/dropbox-token',
    title: 'Dropbox access token',
    provider: 'Dropbox',
    description: 'A Dropbox access token near "dropbox": short-lived (`sl.` or `sl.u.` + 130 or more characters) or long-lived (11 characters, `AAAAAAAAAA`, 43 more).',
    near: ['dropbox'],
    value: 'sl\\.(?:u\\.)?[A-Za-z0-9_-]{130,1400}|[A-Za-z0-9_-]{11}AAAAAAAAAA[A-Za-z0-9_-]{43}',
    chars: 'A-Za-z0-9_.+/=-',
    shapeBinds: true,
    samples: {
        match: () => [
            `DROPBOX_ACCESS_TOKEN=sl.${fake(138, B64URL, 'db-1')}`,
            `const dbx = new Dropbox({ accessToken: "${fake(11, B64URL, 'db-2')}AAAAAAAAAA${fake(43, B64URL, 'db-3')}" })`,
        ],
        noMatch: () => [
            'const dbx = new Dropbox({ accessToken: "sl.xxxxxxxx" })',
            `DROPBOX_ACCESS_TOKEN=sl.${'x'.repeat(138)}`,
            `const data = "sl.${fake(138, B64URL, 'db-4')}"`,
            `// dropbox icon\nconst font = "d09G+${fake(11, B64URL, 'db-5')}AAAAAAAAAA${fake(43, B64URL, 'db-6')}/AAAB"`,
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/figma.js


const figmaToken = tokenDetector({
    id: 'secret/figma-token',
    title: 'Figma personal access token',
    provider: 'Figma',
    description: 'A Figma personal access token (`figd_` + 40 characters).',
    keywords: ['figd_'],
    pattern: `${B}figd_(?<body>[A-Za-z0-9_-]{40})${E}`,
    samples: {
        match: () => [`FIGMA_TOKEN=figd_${fake(40, B64URL, 'fg-1')}`],
        noMatch: () => [
            'FIGMA_TOKEN=figd_' + 'x'.repeat(40),
            'FIGMA_TOKEN=figd_<your-token>',
            `figd_${fake(30, B64URL, 'fg-2')}`,
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/hubspot.js


/** `pat-` is everywhere in code: the guard lets only `pat-<region>-<uuid>` reach the pattern. */
const hubspotToken = tokenDetector({
    id: 'secret/hubspot-token',
    title: 'HubSpot private app token',
    provider: 'HubSpot',
    description: 'A HubSpot private app or personal access token (`pat-` + region such as `na1`, `eu1` + `-` + a UUID).',
    keywords: ['pat-'],
    guards: { 'pat-': '(?:na|eu|ap|au|ca|jp|in|sa)[0-9]-[0-9a-f]{8}-' },
    pattern: `${B}pat-(?:na|eu|ap|au|ca|jp|in|sa)[0-9]-(?<body>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})${E}`,
    samples: {
        match: () => [
            `HUBSPOT_ACCESS_TOKEN=pat-na1-${service_samples_uuid('hs-1')}`,
            `new Client({ accessToken: "pat-eu1-${service_samples_uuid('hs-2')}" })`,
        ],
        noMatch: () => [
            'pat-na1-xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx',
            'const match = "pat-"',
            'pat-na1-<token>',
            `compat-na1-${service_samples_uuid('hs-3')}`,
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/launchdarkly.js


/**
 * `api-<uuid>` access tokens and `sdk-<uuid>` server-side SDK keys (mobile `mob-` keys and
 * client-side ids ship in apps). `api-` and `sdk-` are everywhere in code and a UUID after
 * them may be anyone's id, so they are looked for near the word "launchdarkly".
 */
const launchdarklyKey = bound_boundDetector({
    id: 'secret/launchdarkly-key',
    title: 'LaunchDarkly SDK key or access token',
    provider: 'LaunchDarkly',
    description: 'A LaunchDarkly server-side SDK key (`sdk-` + a UUID) or API access token (`api-` + a UUID) near "launchdarkly" or "LDClient".',
    near: ['launchdarkly', 'ldclient'],
    value: '(?:sdk|api)-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}',
    chars: 'A-Za-z0-9_-',
    shapeBinds: true,
    samples: {
        match: () => [
            `LAUNCHDARKLY_SDK_KEY=sdk-${service_samples_uuid('ld-1')}`,
            `const ldClient = LD.init("sdk-${service_samples_uuid('ld-2')}")`,
            `LD_API_TOKEN=api-${service_samples_uuid('ld-3')} # read by the ldClient`,
        ],
        noMatch: () => [
            'LAUNCHDARKLY_SDK_KEY=sdk-xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx',
            `const ldClient = LaunchDarkly.initialize("mob-${service_samples_uuid('ld-4')}")`,
            `const requestId = "api-${service_samples_uuid('ld-5')}"`,
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/linear.js


const linearApiKey = tokenDetector({
    id: 'secret/linear-api-key',
    title: 'Linear API key',
    provider: 'Linear',
    description: 'A Linear personal API key (`lin_api_` + 40 letters and digits) or OAuth token (`lin_oauth_` + 64 hex).',
    keywords: ['lin_api_', 'lin_oauth_'],
    pattern: `${B}lin_(?:api_(?<body>[A-Za-z0-9]{40})|oauth_(?<oauth>[0-9a-f]{64}))${E}`,
    label: (m) => (m.groups.oauth ? 'Linear OAuth access token' : undefined),
    samples: {
        match: () => [
            `LINEAR_API_KEY=${['lin', 'api', fake(40, ALNUM, 'ln-1')].join('_')}`,
            ['lin', 'oauth', fake(64, HEX, 'ln-2')].join('_'),
        ],
        noMatch: () => [
            'lin_api_' + 'x'.repeat(40),
            'LINEAR_API_KEY=lin_api_...',
            ['lin', 'api', fake(32, ALNUM, 'ln-3')].join('_'),
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/notion.js




const notionToken = tokenDetector({
    id: 'secret/notion-token',
    title: 'Notion integration token',
    provider: 'Notion',
    description: 'A Notion integration token (`ntn_` + 11 digits + 35 letters and digits).',
    keywords: ['ntn_'],
    pattern: `${B}ntn_[0-9]{11}(?<body>[A-Za-z0-9]{35})${E}`,
    samples: {
        match: () => [
            `NOTION_TOKEN=${['ntn', fake(11, DIGITS, 'nt-1') + fake(35, ALNUM, 'nt-2')].join('_')}`,
        ],
        noMatch: () => [
            'ntn_' + '0'.repeat(11) + 'x'.repeat(35),
            'NOTION_TOKEN=ntn_<token>',
            ['ntn', fake(11, DIGITS, 'nt-3') + fake(20, ALNUM, 'nt-4')].join('_'),
        ],
    },
});
/**
 * The older `secret_` tokens: `secret_` is a word in every codebase (and a prefix of other
 * keywords), so they are looked for near the word "notion".
 */
const notionLegacyToken = bound_boundDetector({
    id: 'secret/notion-legacy-token',
    title: 'Notion integration token (legacy)',
    provider: 'Notion',
    description: 'A Notion internal integration token of the older shape (`secret_` + 43 letters and digits) near "notion".',
    near: ['notion'],
    value: 'secret_[A-Za-z0-9]{43}',
    chars: 'A-Za-z0-9_',
    shapeBinds: true,
    verify: (v) => mixedCase(v.slice(7)),
    samples: {
        match: () => [
            `NOTION_API_KEY=${['secret', service_samples_mixed(43, 'nt-5')].join('_')}`,
            `const notion = new Client({ auth: "${['secret', service_samples_mixed(43, 'nt-6')].join('_')}" })`,
        ],
        noMatch: () => [
            'const notion = new Client({ auth: process.env.NOTION_TOKEN })',
            `const token = "${['secret', service_samples_mixed(43, 'nt-7')].join('_')}"`,
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/mapbox.js



/**
 * Secret tokens only: `sk.` + base64url of `{"u":user,"a":id}` + `.` + 22 characters. Public
 * `pk.` tokens are meant to ship in web maps.
 */
const mapboxSecretToken = tokenDetector({
    id: 'secret/mapbox-secret-token',
    title: 'Mapbox secret access token',
    provider: 'Mapbox',
    description: 'A Mapbox secret access token (`sk.` + base64 of `{"u":\u2026,"a":\u2026}` + `.` + 22 characters); public `pk.` tokens are not reported.',
    keywords: ['sk.eyj'],
    pattern: `${B}sk\\.(?<payload>eyJ[A-Za-z0-9_-]{10,300})\\.(?<body>[A-Za-z0-9_-]{22})${E}`,
    verify: (m) => {
        const v = json64(m.groups.payload);
        return v && 'u' in v ? undefined : 'its payload is not that of a Mapbox token';
    },
    samples: {
        match: () => [`MAPBOX_SECRET_TOKEN=sk.${mapbox_payload('mb-1')}.${fake(22, B64URL, 'mb-2')}`],
        noMatch: () => [
            `mapboxgl.accessToken = "pk.${mapbox_payload('mb-3')}.${fake(22, B64URL, 'mb-4')}"`,
            `sk.${mapbox_payload('mb-5')}.${'x'.repeat(22)}`,
            'MAPBOX_SECRET_TOKEN=sk.eyJ...',
        ],
        unverified: () => [
            `sk.${Buffer.from(JSON.stringify({ z: fake(20, B64URL, 'mb-6') })).toString('base64url')}.${fake(22, B64URL, 'mb-7')}`,
        ],
    },
});
function mapbox_payload(seed) {
    return Buffer.from(JSON.stringify({
        u: 'acme-' + fake(6, 'abcdefghijklmnopqrstuvwxyz', seed),
        a: fake(25, B64URL, `${seed}a`),
    })).toString('base64url');
}

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/contentful.js


const contentfulToken = tokenDetector({
    id: 'secret/contentful-token',
    title: 'Contentful personal access token',
    provider: 'Contentful',
    description: 'A Contentful management personal access token (`CFPAT-` + 43 characters).',
    keywords: ['cfpat-'],
    pattern: `${B}CFPAT-(?<body>[A-Za-z0-9_-]{43})${E}`,
    samples: {
        match: () => [`CONTENTFUL_MANAGEMENT_TOKEN=CFPAT-${fake(43, B64URL, 'cf-1')}`],
        noMatch: () => [
            'CFPAT-' + 'x'.repeat(43),
            'CONTENTFUL_MANAGEMENT_TOKEN=CFPAT-<token>',
            `CFPAT-${fake(40, B64URL, 'cf-2')}`,
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/zendesk.js


const zendeskApiToken = bound_boundDetector({
    id: 'secret/zendesk-api-token',
    title: 'Zendesk API token',
    provider: 'Zendesk',
    description: 'A Zendesk API token (40 letters and digits) near "zendesk", named for it (`ZENDESK_API_TOKEN`) or `token`/`apiToken` inside a Zendesk block.',
    near: ['zendesk'],
    value: '[A-Za-z0-9]{40}',
    names: /^(?:zendesk|zd)(?:api)?(?:token|key)$/,
    blockNames: /^(?:api)?token$/,
    verify: mixedCase,
    samples: {
        match: () => [
            `ZENDESK_SUBDOMAIN=acme\nZENDESK_API_TOKEN=${service_samples_mixed(40, 'zd-1')}\n`,
            `const client = zendesk.createClient({ username: "ops@acme.io", token: "${service_samples_mixed(40, 'zd-2')}", remoteUri: "https://acme.zendesk.com/api/v2" })`,
        ],
        noMatch: () => [
            'ZENDESK_API_TOKEN=<your_api_token>',
            `zendesk: { subdomain: "acme" }, github: { token: "${service_samples_mixed(40, 'zd-3')}" }`,
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/twitter.js



const twitter_NEAR = ['twitter'];
/** App-only bearer tokens start with 22 `A`s (URL-escaped `%2F`, `%3D` inside). */
const twitterBearerToken = bound_boundDetector({
    id: 'secret/twitter-bearer-token',
    title: 'Twitter (X) bearer token',
    provider: 'Twitter',
    description: 'A Twitter (X) app-only bearer token (22 `A` then 80 to 120 letters, digits and `%` escapes) near "twitter".',
    near: twitter_NEAR,
    value: 'A{22}[A-Za-z0-9%]{80,120}',
    chars: 'A-Za-z0-9%+/=',
    shapeBinds: true,
    verify: (v) => mixedCase(v.slice(22)),
    samples: {
        match: () => [
            `TWITTER_BEARER_TOKEN=${'A'.repeat(22)}${fake(20, ALNUM, 'tw-b1')}%2B${fake(40, ALNUM, 'tw-b2')}%3D${fake(30, ALNUM, 'tw-b3')}`,
        ],
        noMatch: () => [
            `TWITTER_BEARER_TOKEN=${'A'.repeat(22)}${'x'.repeat(90)}`,
            // a font's base64 beside an icon named twitter: the run is glued to `+` and `/`
            `.icon-twitter{} @font-face{src:url(data:font/woff2;base64,d09GMgAB+${'A'.repeat(24)}${fake(90, ALNUM, 'tw-b4')}/AAAA)}`,
            'TWITTER_BEARER_TOKEN=<bearer token>',
        ],
    },
});
/** Consumer (API key) secrets are 50 characters, access token secrets 45; no prefix. */
const twitterApiSecret = bound_boundDetector({
    id: 'secret/twitter-api-secret',
    title: 'Twitter (X) API secret',
    provider: 'Twitter',
    description: 'A Twitter (X) API key secret (50 letters and digits) or access token secret (45) near "twitter", named as one (`TWITTER_API_SECRET`, `consumer_secret`, `access_token_secret`).',
    near: twitter_NEAR,
    value: '[A-Za-z0-9]{50}|[A-Za-z0-9]{45}',
    names: /^(?:twitter)?(?:consumer|api|apikey|app)secret(?:key)?$|^(?:twitter)?access(?:token)?secret$/,
    verify: mixedCase,
    samples: {
        match: () => [
            `TWITTER_USER=acme\nTWITTER_API_SECRET=${service_samples_mixed(50, 'tw-2')}\n`,
            `const twitter = new Twitter({ consumer_key: "x", consumer_secret: "${service_samples_mixed(50, 'tw-3')}" })`,
            `twitter:\n  access_token_secret: ${service_samples_mixed(45, 'tw-4')}\n`,
        ],
        noMatch: () => [
            'TWITTER_API_SECRET=your-consumer-secret-goes-here',
            `// twitter\nconst sha = "${service_samples_mixed(50, 'tw-5')}"`,
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/facebook.js



/** `EAA` and an app letter; `EAAA` is Square's (see square.ts), so it is left out here. */
const KEYWORDS = [...'BCDEFGHIJKLMNOPQRSTUVWXYZ'].map((c) => `eaa${c.toLowerCase()}`);
/** Facebook access tokens: `EAA` + 100 or more letters and digits, never in a base64 run. */
const facebookAccessToken = tokenDetector({
    id: 'secret/facebook-access-token',
    title: 'Facebook access token',
    provider: 'Facebook',
    description: 'A Facebook (Meta Graph API) user, page or app access token (`EAA` + 100 to 400 letters and digits).',
    keywords: KEYWORDS,
    guards: Object.fromEntries(KEYWORDS.map((k) => [k, '[A-Za-z0-9]{96}'])),
    pattern: `${boundary('A-Za-z0-9_+/-')}EAA[B-Z](?<body>[A-Za-z0-9]{96,400})(?![A-Za-z0-9_+/=-])`,
    samples: {
        match: () => [
            `FB_PAGE_ACCESS_TOKEN=EAAG${fake(180, ALNUM, 'fb-1')}`,
            `graph.setAccessToken("EAAJ${fake(60, ALNUM, 'fb-2')}ZDZD${fake(100, ALNUM, 'fb-3')}")`,
        ],
        noMatch: () => [
            `EAAG${'x'.repeat(120)}`,
            'FB_PAGE_ACCESS_TOKEN=EAAG...',
            `EAAB${fake(60, ALNUM, 'fb-4')}`,
            `data:font/woff2;base64,AAAA+EAAB${fake(120, ALNUM, 'fb-5')}/AAAA`,
        ],
    },
});
const facebookAppSecret = bound_boundDetector({
    id: 'secret/facebook-app-secret',
    title: 'Facebook app secret',
    provider: 'Facebook',
    description: 'A Facebook app secret (32 hex) near "facebook", named for it (`FACEBOOK_APP_SECRET`, `fbAppSecret`) or `appSecret`/`clientSecret` inside a Facebook block.',
    near: ['facebook'],
    value: '[0-9a-f]{32}',
    names: /^(?:facebook|fb)(?:app|client)?secret$/,
    blockNames: /^(?:app|client)secret$/,
    samples: {
        match: () => [
            `FACEBOOK_APP_ID=1234567890123\nFACEBOOK_APP_SECRET=${fake(32, HEX, 'fb-6')}\n`,
            `passport.use(new FacebookStrategy({ clientID: "1", clientSecret: "${fake(32, HEX, 'fb-7')}" }))`,
        ],
        noMatch: () => [
            'FACEBOOK_APP_SECRET=<app secret>',
            `facebook: { appId: "1" }, google: { clientSecret: "${fake(32, HEX, 'fb-8')}" }`,
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/twitch.js


const twitchSecret = bound_boundDetector({
    id: 'secret/twitch-secret',
    title: 'Twitch client secret or OAuth token',
    provider: 'Twitch',
    description: 'A Twitch client secret or OAuth token (30 lower-case letters and digits) near "twitch", named for it (`TWITCH_CLIENT_SECRET`, `twitchOauthToken`), `clientSecret` inside a Twitch block, or after `oauth:` (a chat password).',
    near: ['twitch'],
    value: '[a-z0-9]{30}',
    names: /^twitch(?:client|app)?secret$|^twitch(?:oauth|access|bot|chat|irc)?(?:token|password)$/,
    blockNames: /^(?:client|app)secret$|^(?:oauth|access)token$/,
    place: /oauth:$/,
    verify: (v) => (/[a-z]/.test(v) && /[0-9]/.test(v) ? undefined : false),
    samples: {
        match: () => [
            `TWITCH_CLIENT_ID=${lowerAlnum(30, 'tc-1')}x\nTWITCH_CLIENT_SECRET=${lowerAlnum(30, 'tc-2')}\n`,
            `const client = new tmi.Client({ identity: { username: "bot", password: "oauth:${lowerAlnum(30, 'tc-3')}" } }) // twitch`,
        ],
        noMatch: () => [
            'TWITCH_CLIENT_SECRET=<client secret>',
            `TWITCH_CLIENT_ID=${lowerAlnum(30, 'tc-4')}`,
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/adobe.js



const adobeClientSecret = withContext(tokenDetector({
    id: 'secret/adobe-client-secret',
    title: 'Adobe client secret',
    provider: 'Adobe',
    description: 'An Adobe Developer Console (IMS) OAuth client secret (`p8e-` + 32 letters and digits) named as a client secret or near "adobe"; elsewhere only unverified.',
    keywords: ['p8e-'],
    pattern: `${B}p8e-(?<body>[A-Za-z0-9]{32})${E}`,
    samples: {
        match: () => [
            `ADOBE_CLIENT_SECRET=p8e-${service_samples_mixed(32, 'ad-1')}`,
            `{ "client_secret": "p8e-${service_samples_mixed(32, 'ad-2')}", "ims": "https://ims-na1.adobelogin.com" }`,
        ],
        noMatch: () => ['ADOBE_CLIENT_SECRET=p8e-' + 'x'.repeat(32), 'p8e-<client-secret>'],
        unverified: () => [`const v = "p8e-${service_samples_mixed(32, 'ad-3')}"`],
    },
}), /adobe|client.?secret|\bims\b/i, 'no Adobe or client-secret context nearby', 300);

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/asana.js


/** `1/<user id>:<32 hex>` (legacy) and `2/<user id>/<app id>:<32 hex>`: found near "asana". */
const asanaToken = bound_boundDetector({
    id: 'secret/asana-token',
    title: 'Asana personal access token',
    provider: 'Asana',
    description: 'An Asana personal access token (`1/` + 16 digits + `:` + 32 hex, or `2/` + 16 digits + `/` + 16 digits + `:` + 32 hex) near "asana".',
    near: ['asana'],
    value: '1/[0-9]{13,19}:[0-9a-f]{32}|2/[0-9]{13,19}/[0-9]{13,19}:[0-9a-f]{32}',
    chars: 'A-Za-z0-9/:',
    shapeBinds: true,
    samples: {
        match: () => [
            `ASANA_ACCESS_TOKEN=1/${id('as-1')}:${fake(32, HEX, 'as-2')}`,
            `const client = asana.Client.create().useAccessToken("2/${id('as-3')}/${id('as-4')}:${fake(32, HEX, 'as-5')}")`,
        ],
        noMatch: () => [
            'ASANA_ACCESS_TOKEN=0/123456789:abcdef',
            `ASANA_ACCESS_TOKEN=1/${id('as-6')}:${'0'.repeat(32)}`,
        ],
    },
});
const id = (seed) => fake(1, '123456789', seed) + fake(15, DIGITS, `${seed}d`);

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/typeform.js


const typeformToken = tokenDetector({
    id: 'secret/typeform-token',
    title: 'Typeform personal access token',
    provider: 'Typeform',
    description: 'A Typeform personal access token (`tfp_` + 59 characters).',
    keywords: ['tfp_'],
    pattern: `${B}tfp_(?<body>[A-Za-z0-9_-]{59})${E}`,
    samples: {
        match: () => [`TYPEFORM_TOKEN=tfp_${fake(44, B64URL, 'tf-1')}_${fake(14, B64URL, 'tf-2')}`],
        noMatch: () => [
            'TYPEFORM_TOKEN=tfp_' + 'x'.repeat(59),
            'tfp_<token>',
            `tfp_${fake(40, B64URL, 'tf-3')}`,
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/frameio.js


const frameioToken = tokenDetector({
    id: 'secret/frameio-token',
    title: 'Frame.io developer token',
    provider: 'Frame.io',
    description: 'A Frame.io developer token (`fio-u-` + 64 characters).',
    keywords: ['fio-u-'],
    pattern: `${B}fio-u-(?<body>[A-Za-z0-9_=-]{64})${E}`,
    samples: {
        match: () => [`FRAMEIO_TOKEN=fio-u-${fake(64, B64URL, 'fi-1')}`],
        noMatch: () => [
            'fio-u-' + 'x'.repeat(64),
            'FRAMEIO_TOKEN=fio-u-<token>',
            `fio-u-${fake(40, B64URL, 'fi-2')}`,
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/clerk.js



/**
 * Clerk secret keys share Stripe's `sk_live_` prefix and have no shape of their own: a key
 * named for Clerk, or `secretKey` in a Clerk block, is Clerk's and outranks the Stripe finding
 * on the same span.
 */
const clerkSecretKey = bound_boundDetector({
    id: 'secret/clerk-secret-key',
    title: 'Clerk secret key',
    provider: 'Clerk',
    description: 'A Clerk live secret key (`sk_live_` + 40 to 60 letters and digits) near "clerk", named for it (`CLERK_SECRET_KEY`) or `secretKey` inside a Clerk block; otherwise a `sk_live_` key is Stripe\'s.',
    near: ['clerk'],
    value: 'sk_live_[A-Za-z0-9]{40,60}',
    chars: 'A-Za-z0-9_',
    names: /^(?:nextpublic)?clerksecret(?:key)?$|^clerkapikey$/,
    blockNames: /^secretkey$/,
    verify: (v) => mixedCase(v.slice(8)),
    priority: PRIORITY.token + 1,
    samples: {
        match: () => [
            `NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY=pk_live_Y2xlcmsuYWNtZS5pbyQ\nCLERK_SECRET_KEY=${['sk', 'live', service_samples_mixed(42, 'ck-1')].join('_')}\n`,
            `export default clerkMiddleware({ secretKey: "${['sk', 'live', service_samples_mixed(46, 'ck-2')].join('_')}" })`,
        ],
        noMatch: () => ['CLERK_SECRET_KEY=sk_live_\u2022\u2022\u2022\u2022\u2022\u2022\u2022\u2022\u2022\u2022', 'CLERK_SECRET_KEY=${CLERK_SECRET_KEY}'],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/providers-services.js





















































/** Observability and messaging, payments and SaaS (issue 15, second group). */
const SERVICE_DETECTORS = [
    datadogApiKey,
    datadogAppKey,
    datadogAccessToken,
    newrelicApiKey,
    newrelicBrowserKey,
    newrelicLicenseKey,
    grafanaCloudToken,
    grafanaServiceAccountToken,
    sentryOrgToken,
    sentryUserToken,
    sentryDsnSecret,
    dynatraceToken,
    honeycombIngestKey,
    honeycombApiKey,
    rollbarAccessToken,
    bugsnagAuthToken,
    pagerdutyApiKey,
    opsgenieApiKey,
    logzioToken,
    onepasswordServiceAccountToken,
    atlassianApiToken,
    mailgunApiKey,
    mailgunKey,
    mailchimpApiKey,
    brevoApiKey,
    postmarkToken,
    sparkpostApiKey,
    mailjetSecretKey,
    vonageApiSecret,
    messagebirdAccessKey,
    pusherSecret,
    ablyApiKey,
    mattermostToken,
    mattermostWebhook,
    intercomAccessToken,
    teamsWebhook,
    teamsWorkflowUrl,
    squareToken,
    braintreeAccessToken,
    plaidAccessToken,
    plaidSecret,
    shippoToken,
    paystackSecretKey,
    flutterwaveSecretKey,
    razorpayKeySecret,
    coinbaseApiSecret,
    airtableToken,
    algoliaAdminKey,
    dropboxToken,
    figmaToken,
    hubspotToken,
    launchdarklyKey,
    linearApiKey,
    notionToken,
    notionLegacyToken,
    mapboxSecretToken,
    contentfulToken,
    zendeskApiToken,
    twitterBearerToken,
    twitterApiSecret,
    facebookAccessToken,
    facebookAppSecret,
    twitchSecret,
    adobeClientSecret,
    asanaToken,
    typeformToken,
    frameioToken,
    clerkSecretKey,
];

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
            [
                'xapp',
                '1',
                'A' + fake(3, UPPER + DIGITS, 'sla-8') + '1234' + fake(3, UPPER + DIGITS, 'sla-9'),
                digits(13, 'sla-10'),
                fake(30, HEX, 'sla-11') + '1234' + fake(30, HEX, 'sla-12'),
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
            // random letters around a run read like words to a naive filter; they are not
            `https://hooks.slack.com/services/T${fake(4, UPPER + DIGITS, 'slw-12')}1234/B${fake(6, UPPER + DIGITS, 'slw-13')}AAAA/${fake(10, LETTERS, 'slw-14')}1234${fake(10, LETTERS, 'slw-15')}`,
            `https://hooks.slack.com/services/T${fake(8, UPPER + DIGITS, 'slw-16')}/B${fake(10, UPPER + DIGITS, 'slw-17')}/${fake(16, LETTERS, 'slw-18')}AAAA${fake(4, LETTERS, 'slw-19')}`,
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
// Mailgun (`key-` + 32 hex) and Mailchimp (32 hex + `-us12`) keys nearby are not Twilio's
// (they are their own providers' findings: __tests__/secret-services.test.ts).
const twilio_START = boundary('A-Za-z0-9');
const SID = new RegExp(`${twilio_START}(AC|SK)([0-9a-f]{32})(?![A-Za-z0-9])`, 'g');
const HEX32 = new RegExp(`${twilio_START}[0-9a-f]{32}(?![A-Za-z0-9])`, 'g');
const ALNUM32 = new RegExp(`${twilio_START}[A-Za-z0-9]{32}(?![A-Za-z0-9])`, 'g');
const twilio_NEAR = { keywords: ['twilio'], before: 512, after: 512 };
const AUTH_TOKEN_NAME = /^(?:twilio)?(?:account)?(?:auth)?token$/;
const API_SECRET_NAME = /^(?:twilio)?(?:api)?(?:key)?secret$/;
const afterSid = {
    AC: nextAfter(`${twilio_START}AC[0-9a-f]{32}`, 34),
    SK: nextAfter(`${twilio_START}SK[0-9a-f]{32}`, 34),
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
    near: { ...twilio_NEAR, find: secretsNear('AC', HEX32, AUTH_TOKEN_NAME, () => true) },
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
        ...twilio_NEAR,
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
const url_credentials_SCHEME = /(?:\\[nrt]|^|[^A-Za-z0-9+.-])([A-Za-z][A-Za-z0-9+.-]{1,19})$/;
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
const url_credentials_GUARDS = { '://': '[A-Za-z0-9._~%+-]{0,128}:[A-Za-z0-9._~!$&*+,;=%-]{1,768}@' };
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
    const scheme = url_credentials_SCHEME.exec(text.slice(Math.max(0, at - 21), at));
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
const url_credentials_pw = (seed) => fake(16, ALNUM, seed);
/** `postgres://user:password@host` and other database URLs with a password in them. */
const databaseUrl = defineDetector({
    id: 'secret/database-url',
    title: 'password in a database URL',
    provider: 'generic',
    description: 'A database or broker URL with an embedded password (`postgres://`, `mysql://`, `mongodb+srv://`, `redis://`, `amqp://` \u2026) on a real host: any but `localhost`, `127.0.0.0/8`, `[::1]` and `*.localhost` (unverified) and the reserved example names `example.com/.net/.org`, `*.example`, `*.test`, `*.invalid`; `db`, `*.local` and `*.internal` are real.',
    priority: PRIORITY.generic,
    judged: IN_DOCS,
    keywords: ['://'],
    guards: url_credentials_GUARDS,
    find(text, at, ctx) {
        const found = credentials(text, at, ctx);
        return found?.database ? found.hit : undefined;
    },
    samples: {
        match: () => [
            `DATABASE_URL=postgres://app:${url_credentials_pw('db-1')}@db.prod.acme.io:5432/app`,
            `mongoose.connect("mongodb+srv://svc:${url_credentials_pw('db-2')}@cluster0.ab1cd.mongodb.net/app")`,
            `redis://:${url_credentials_pw('db-3')}@cache.acme.io:6379`,
            `jdbc:mysql://root:${url_credentials_pw('db-4')}@10.0.4.12:3306/shop`,
            // internal, one-word and mDNS hosts are real hosts
            `postgres://orders:${url_credentials_pw('db-7')}@orders-db.prod.acme.internal:5432/orders`,
            `DATABASE_URL=postgres://app:${url_credentials_pw('db-8')}@db:5432/app`,
            `mongodb://admin:${url_credentials_pw('db-9')}@postgres/admin`,
            `redis://:${url_credentials_pw('db-10')}@cache.local:6379`,
            `amqp://svc:${url_credentials_pw('db-11')}@host.docker.internal:5672`,
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
            `postgres://app:${url_credentials_pw('db-5')}@db.example.com/app`,
            'redis://:$REDIS_PASSWORD@cache:6379',
            'postgres://app:%s@%s/app',
            // reserved example names, and default passwords on any host
            `postgres://app:${url_credentials_pw('db-12')}@db.example:5432/app`,
            `mysql://app:${url_credentials_pw('db-13')}@mysql.test/app`,
            `redis://:${url_credentials_pw('db-14')}@cache.invalid:6379`,
            'postgres://postgres:postgres@orders-db.prod.acme.internal/app',
            'mysql://root:changeme@db/app',
        ],
        unverified: () => [
            `postgres://app:${url_credentials_pw('db-6')}@localhost:5432/app`,
            `postgres://app:${url_credentials_pw('db-15')}@127.0.0.2:5432/app`,
            `redis://:${url_credentials_pw('db-16')}@[::1]:6379`,
            `mongodb://app:${url_credentials_pw('db-17')}@api.localhost/app`,
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
    guards: url_credentials_GUARDS,
    find(text, at, ctx) {
        const found = credentials(text, at, ctx);
        return found && !found.database ? found.hit : undefined;
    },
    samples: {
        match: () => [
            `registry=https://deploy:${url_credentials_pw('url-1')}@npm.acme.io/`,
            `smtp://mailer:${url_credentials_pw('url-2')}@smtp.acme.io:587`,
            `https://deploy:${url_credentials_pw('url-3')}@nexus.corp.internal/repository/npm/`,
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
            `https://deploy:${url_credentials_pw('url-4')}@registry.example.org/`,
        ],
        unverified: () => [`http://admin:${url_credentials_pw('url-5')}@localhost:8080/`],
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
    genericCredential,
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

