export const id = 598;
export const ids = [598];
export const modules = {

/***/ 598:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  parseConfig: () => (/* binding */ parseConfig)
});

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./build/src/errors.js
var errors = __webpack_require__(7406);
// EXTERNAL MODULE: ./build/src/rules/registry.js + 35 modules
var registry = __webpack_require__(3517);
// EXTERNAL MODULE: ./node_modules/re2js/build/index.js
var build = __webpack_require__(2856);
// EXTERNAL MODULE: ./build/src/config/content-limits.js
var content_limits = __webpack_require__(8642);
;// CONCATENATED MODULE: ./build/src/config/content.js



const FLAGS = {
    i: build/* RE2JS */.L3.CASE_INSENSITIVE,
    m: build/* RE2JS */.L3.MULTILINE,
    s: build/* RE2JS */.L3.DOTALL,
};
/**
 * Compiles a content rule. A `pattern` is RE2 syntax run on re2js, a linear-time engine, so no
 * config can make a scan hang. `strings` are literals, word-bounded and case-insensitive unless
 * `flags` says otherwise; escaped literals cannot backtrack, so they run on V8's engine.
 */
function compileContentRule(raw, where) {
    if (!/^[a-z0-9][a-z0-9-]*$/.test(raw.name)) {
        throw new errors/* ConfigError */.xL(`${where}.name: '${raw.name}' must be lowercase letters, digits and dashes`);
    }
    if ((raw.pattern === undefined) === (raw.strings === undefined)) {
        throw new errors/* ConfigError */.xL(`${where} (${raw.name}): give exactly one of pattern or strings`);
    }
    const flags = raw.flags ?? (raw.strings ? 'i' : '');
    for (const f of flags) {
        if (!FLAGS[f])
            throw new errors/* ConfigError */.xL(`${where}.flags (${raw.name}): unknown flag '${f}'; expected i, m or s`);
    }
    const base = {
        name: raw.name,
        severity: raw.severity,
        message: raw.message,
        files: raw.files,
    };
    if (raw.strings) {
        if (raw.strings.length === 0 || raw.strings.some((s) => s.length === 0)) {
            throw new errors/* ConfigError */.xL(`${where}.strings (${raw.name}): expected non-empty strings`);
        }
        const alt = raw.strings.map((s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|');
        const re = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alt})(?![\\p{L}\\p{N}_])`, `gu${flags.replace('s', '')}`);
        return {
            ...base,
            find(text, from = 0, to = text.length) {
                re.lastIndex = from;
                let found;
                for (let m = re.exec(text); m && m.index < to && (found?.count ?? 0) < content_limits/* MAX_COUNT */.H; m = re.exec(text)) {
                    found = found
                        ? { first: found.first, count: found.count + 1 }
                        : { first: m.index, count: 1 };
                }
                return found;
            },
        };
    }
    let compiled;
    try {
        compiled = build/* RE2JS */.L3.compile(raw.pattern, [...flags].reduce((n, f) => n | FLAGS[f], 0));
    }
    catch (err) {
        throw new errors/* ConfigError */.xL(`${where}.pattern (${raw.name}): invalid RE2 pattern: ${err.message}`);
    }
    if (compiled.matcher('').find()) {
        throw new errors/* ConfigError */.xL(`${where}.pattern (${raw.name}): the pattern matches empty text`);
    }
    return {
        ...base,
        find(text, from = 0, to = text.length) {
            const m = compiled.matcher(text);
            let found;
            let more = m.find(from);
            for (; more && m.start() < to && (found?.count ?? 0) < content_limits/* MAX_COUNT */.H; more = m.find()) {
                found = found
                    ? { first: found.first, count: found.count + 1 }
                    : { first: m.start(), count: 1 };
            }
            return found;
        },
    };
}

// EXTERNAL MODULE: ./build/src/config/resolve.js + 1 modules
var resolve = __webpack_require__(26);
// EXTERNAL MODULE: ./build/src/config/schema.js
var schema = __webpack_require__(9829);
// EXTERNAL MODULE: ./build/src/config/to-config.js
var to_config = __webpack_require__(5782);
// EXTERNAL MODULE: ./build/src/config/units.js
var units = __webpack_require__(5543);
;// CONCATENATED MODULE: ./build/src/config/validate.js


/** Checks `value` against `spec`; throws ConfigError naming the file, the key path and what was expected. */
function validate(value, spec, file, path = '') {
    const fail = (expected) => {
        throw new errors/* ConfigError */.xL(`${file}: ${path || '(top level)'}: expected ${expected}, got ${describe(value)}`);
    };
    switch (spec.type) {
        case 'string':
            if (typeof value !== 'string')
                fail('a string');
            return;
        case 'enum':
            if (typeof value !== 'string' || !spec.values.includes(value))
                fail(`one of ${spec.values.join(', ')}`);
            return;
        case 'size':
            // One reading of sizes: valid is what parseSize reads (so not YAML's .inf).
            if ((typeof value !== 'number' && typeof value !== 'string') ||
                (0,units/* parseSize */.DB)(value) === undefined)
                fail('a size such as 500KB, 10MB, 1GB or a number of bytes');
            return;
        case 'integer':
            if (!Number.isInteger(value) || value < spec.min)
                fail(`a whole number of at least ${spec.min}`);
            return;
        case 'number':
            if (typeof value !== 'number' || !Number.isFinite(value) || value < spec.min)
                fail(`a number of at least ${spec.min}`);
            return;
        case 'array':
            if (!Array.isArray(value))
                fail('a list');
            value.forEach((v, i) => validate(v, spec.items, file, `${path}[${i}]`));
            return;
        case 'object': {
            if (!isPlainObject(value))
                fail('a mapping');
            const obj = value;
            for (const key of Object.keys(obj)) {
                const sub = spec.props[key];
                const at = path ? `${path}.${key}` : key;
                if (!sub) {
                    throw new errors/* ConfigError */.xL(`${file}: ${at}: unknown key; expected one of ${Object.keys(spec.props).join(', ')}`);
                }
                validate(obj[key], sub, file, at);
            }
            for (const key of spec.required ?? []) {
                if (!(key in obj))
                    throw new errors/* ConfigError */.xL(`${file}: ${path ? `${path}.` : ''}${key}: required key is missing`);
            }
            return;
        }
        case 'map':
            if (!isPlainObject(value))
                fail('a mapping');
            for (const [k, v] of Object.entries(value))
                validate(v, spec.values, file, path ? `${path}.${k}` : k);
            return;
    }
}
function isPlainObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function describe(v) {
    if (v === null || v === undefined)
        return 'nothing';
    if (Array.isArray(v))
        return 'a list';
    if (typeof v === 'object')
        return 'a mapping';
    return `${typeof v} ${JSON.stringify(v)}`;
}

;// CONCATENATED MODULE: ./build/src/config/parse.js








/** Parses and validates config text; `name` is used in every error message. */
function parseConfig(text, name) {
    let raw;
    try {
        raw = (0,dist/* parse */.qg)(text, { prettyErrors: true, uniqueKeys: true }) ?? {};
    }
    catch (err) {
        throw new errors/* ConfigError */.xL(`${name}: invalid YAML: ${err.message.split('\n')[0]}`);
    }
    validate(raw, schema/* CONFIG_SCHEMA */.l, name);
    const r = (0,resolve/* resolve */.h)(schema/* CONFIG_SCHEMA */.l, raw);
    const content = r.content.map((c, i) => compileContentRule(c, `${name}: content[${i}]`));
    checkRuleIds(r, content, name);
    return (0,to_config/* toConfig */.q)(r, name, content);
}
/** Rule ids in `rules:` and `ignore:` must name a registered rule or a declared content rule. */
function checkRuleIds(r, content, name) {
    const isRule = (id) => registry/* RULES */.y0.has(id) || content.some((c) => id === `content/${c.name}`);
    for (const id of Object.keys(r.rules)) {
        if (!isRule(id)) {
            throw new errors/* ConfigError */.xL(`${name}: rules.${id}: unknown rule id (see docs/rules.md for the list)`);
        }
    }
    for (const [i, ig] of r.ignore.entries()) {
        const family = ig.rule.endsWith('/*') ? ig.rule.slice(0, -1) : undefined;
        const known = family
            ? [...registry/* RULES */.y0.keys()].some((id) => id.startsWith(family)) ||
                (family === 'content/' && content.length > 0)
            : isRule(ig.rule);
        if (!known)
            throw new errors/* ConfigError */.xL(`${name}: ignore[${i}].rule: unknown rule id '${ig.rule}'`);
    }
}


/***/ })

};
