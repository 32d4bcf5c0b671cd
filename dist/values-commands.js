import{createRequire as __mlreportCreateRequire}from'node:module';const require=__mlreportCreateRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require !== "undefined" ? require : a)[b]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __commonJS = (cb, mod) => function __require2() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// node_modules/yaml/dist/nodes/identity.js
var require_identity = __commonJS({
  "node_modules/yaml/dist/nodes/identity.js"(exports) {
    "use strict";
    var ALIAS = /* @__PURE__ */ Symbol.for("yaml.alias");
    var DOC = /* @__PURE__ */ Symbol.for("yaml.document");
    var MAP = /* @__PURE__ */ Symbol.for("yaml.map");
    var PAIR = /* @__PURE__ */ Symbol.for("yaml.pair");
    var SCALAR = /* @__PURE__ */ Symbol.for("yaml.scalar");
    var SEQ = /* @__PURE__ */ Symbol.for("yaml.seq");
    var NODE_TYPE = /* @__PURE__ */ Symbol.for("yaml.node.type");
    var isAlias2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === ALIAS;
    var isDocument = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === DOC;
    var isMap3 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === MAP;
    var isPair = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === PAIR;
    var isScalar3 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SCALAR;
    var isSeq3 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SEQ;
    function isCollection(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case MAP:
          case SEQ:
            return true;
        }
      return false;
    }
    function isNode(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case ALIAS:
          case MAP:
          case SCALAR:
          case SEQ:
            return true;
        }
      return false;
    }
    var hasAnchor = (node) => (isScalar3(node) || isCollection(node)) && !!node.anchor;
    exports.ALIAS = ALIAS;
    exports.DOC = DOC;
    exports.MAP = MAP;
    exports.NODE_TYPE = NODE_TYPE;
    exports.PAIR = PAIR;
    exports.SCALAR = SCALAR;
    exports.SEQ = SEQ;
    exports.hasAnchor = hasAnchor;
    exports.isAlias = isAlias2;
    exports.isCollection = isCollection;
    exports.isDocument = isDocument;
    exports.isMap = isMap3;
    exports.isNode = isNode;
    exports.isPair = isPair;
    exports.isScalar = isScalar3;
    exports.isSeq = isSeq3;
  }
});

// node_modules/yaml/dist/visit.js
var require_visit = __commonJS({
  "node_modules/yaml/dist/visit.js"(exports) {
    "use strict";
    var identity = require_identity();
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove node");
    function visit(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        visit_(null, node, visitor_, Object.freeze([]));
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    function visit_(key, node, visitor, path) {
      const ctrl = callVisitor(key, node, visitor, path);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visit_(key, ctrl, visitor, path);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path = Object.freeze(path.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = visit_(i, node.items[i], visitor, path);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path = Object.freeze(path.concat(node));
          const ck = visit_("key", node.key, visitor, path);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = visit_("value", node.value, visitor, path);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    async function visitAsync(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
    }
    visitAsync.BREAK = BREAK;
    visitAsync.SKIP = SKIP;
    visitAsync.REMOVE = REMOVE;
    async function visitAsync_(key, node, visitor, path) {
      const ctrl = await callVisitor(key, node, visitor, path);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visitAsync_(key, ctrl, visitor, path);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path = Object.freeze(path.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = await visitAsync_(i, node.items[i], visitor, path);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path = Object.freeze(path.concat(node));
          const ck = await visitAsync_("key", node.key, visitor, path);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = await visitAsync_("value", node.value, visitor, path);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    function initVisitor(visitor) {
      if (typeof visitor === "object" && (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
          Alias: visitor.Node,
          Map: visitor.Node,
          Scalar: visitor.Node,
          Seq: visitor.Node
        }, visitor.Value && {
          Map: visitor.Value,
          Scalar: visitor.Value,
          Seq: visitor.Value
        }, visitor.Collection && {
          Map: visitor.Collection,
          Seq: visitor.Collection
        }, visitor);
      }
      return visitor;
    }
    function callVisitor(key, node, visitor, path) {
      if (typeof visitor === "function")
        return visitor(key, node, path);
      if (identity.isMap(node))
        return visitor.Map?.(key, node, path);
      if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path);
      if (identity.isPair(node))
        return visitor.Pair?.(key, node, path);
      if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path);
      if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path);
      return void 0;
    }
    function replaceNode(key, path, node) {
      const parent = path[path.length - 1];
      if (identity.isCollection(parent)) {
        parent.items[key] = node;
      } else if (identity.isPair(parent)) {
        if (key === "key")
          parent.key = node;
        else
          parent.value = node;
      } else if (identity.isDocument(parent)) {
        parent.contents = node;
      } else {
        const pt = identity.isAlias(parent) ? "alias" : "scalar";
        throw new Error(`Cannot replace node with ${pt} parent`);
      }
    }
    exports.visit = visit;
    exports.visitAsync = visitAsync;
  }
});

// node_modules/yaml/dist/doc/directives.js
var require_directives = __commonJS({
  "node_modules/yaml/dist/doc/directives.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit = require_visit();
    var escapeChars = {
      "!": "%21",
      ",": "%2C",
      "[": "%5B",
      "]": "%5D",
      "{": "%7B",
      "}": "%7D"
    };
    var escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, (ch) => escapeChars[ch]);
    var Directives = class _Directives {
      constructor(yaml, tags) {
        this.docStart = null;
        this.docEnd = false;
        this.yaml = Object.assign({}, _Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, _Directives.defaultTags, tags);
      }
      clone() {
        const copy = new _Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
      }
      /**
       * During parsing, get a Directives instance for the current document and
       * update the stream state according to the current version's spec.
       */
      atDocument() {
        const res = new _Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
          case "1.1":
            this.atNextDocument = true;
            break;
          case "1.2":
            this.atNextDocument = false;
            this.yaml = {
              explicit: _Directives.defaultYaml.explicit,
              version: "1.2"
            };
            this.tags = Object.assign({}, _Directives.defaultTags);
            break;
        }
        return res;
      }
      /**
       * @param onError - May be called even if the action was successful
       * @returns `true` on success
       */
      add(line, onError) {
        if (this.atNextDocument) {
          this.yaml = { explicit: _Directives.defaultYaml.explicit, version: "1.1" };
          this.tags = Object.assign({}, _Directives.defaultTags);
          this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
          case "%TAG": {
            if (parts.length !== 2) {
              onError(0, "%TAG directive should contain exactly two parts");
              if (parts.length < 2)
                return false;
            }
            const [handle, prefix] = parts;
            this.tags[handle] = prefix;
            return true;
          }
          case "%YAML": {
            this.yaml.explicit = true;
            if (parts.length !== 1) {
              onError(0, "%YAML directive should contain exactly one part");
              return false;
            }
            const [version] = parts;
            if (version === "1.1" || version === "1.2") {
              this.yaml.version = version;
              return true;
            } else {
              const isValid = /^\d+\.\d+$/.test(version);
              onError(6, `Unsupported YAML version ${version}`, isValid);
              return false;
            }
          }
          default:
            onError(0, `Unknown directive ${name}`, true);
            return false;
        }
      }
      /**
       * Resolves a tag, matching handles to those defined in %TAG directives.
       *
       * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
       *   `'!local'` tag, or `null` if unresolvable.
       */
      tagName(source, onError) {
        if (source === "!")
          return "!";
        if (source[0] !== "!") {
          onError(`Not a valid tag: ${source}`);
          return null;
        }
        if (source[1] === "<") {
          const verbatim = source.slice(2, -1);
          if (verbatim === "!" || verbatim === "!!") {
            onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
            return null;
          }
          if (source[source.length - 1] !== ">")
            onError("Verbatim tags must end with a >");
          return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
          onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
          try {
            return prefix + decodeURIComponent(suffix);
          } catch (error) {
            onError(String(error));
            return null;
          }
        }
        if (handle === "!")
          return source;
        onError(`Could not resolve tag: ${source}`);
        return null;
      }
      /**
       * Given a fully resolved tag, returns its printable string form,
       * taking into account current tag prefixes and defaults.
       */
      tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
          if (tag.startsWith(prefix))
            return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === "!" ? tag : `!<${tag}>`;
      }
      toString(doc) {
        const lines = this.yaml.explicit ? [`%YAML ${this.yaml.version || "1.2"}`] : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
          const tags = {};
          visit.visit(doc.contents, (_key, node) => {
            if (identity.isNode(node) && node.tag)
              tags[node.tag] = true;
          });
          tagNames = Object.keys(tags);
        } else
          tagNames = [];
        for (const [handle, prefix] of tagEntries) {
          if (handle === "!!" && prefix === "tag:yaml.org,2002:")
            continue;
          if (!doc || tagNames.some((tn) => tn.startsWith(prefix)))
            lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join("\n");
      }
    };
    Directives.defaultYaml = { explicit: false, version: "1.2" };
    Directives.defaultTags = { "!!": "tag:yaml.org,2002:" };
    exports.Directives = Directives;
  }
});

// node_modules/yaml/dist/doc/anchors.js
var require_anchors = __commonJS({
  "node_modules/yaml/dist/doc/anchors.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit = require_visit();
    function anchorIsValid(anchor) {
      if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
      }
      return true;
    }
    function anchorNames(root) {
      const anchors = /* @__PURE__ */ new Set();
      visit.visit(root, {
        Value(_key, node) {
          if (node.anchor)
            anchors.add(node.anchor);
        }
      });
      return anchors;
    }
    function findNewAnchor(prefix, exclude) {
      for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
          return name;
      }
    }
    function createNodeAnchors(doc, prefix) {
      const aliasObjects = [];
      const sourceObjects = /* @__PURE__ */ new Map();
      let prevAnchors = null;
      return {
        onAnchor: (source) => {
          aliasObjects.push(source);
          prevAnchors ?? (prevAnchors = anchorNames(doc));
          const anchor = findNewAnchor(prefix, prevAnchors);
          prevAnchors.add(anchor);
          return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
          for (const source of aliasObjects) {
            const ref = sourceObjects.get(source);
            if (typeof ref === "object" && ref.anchor && (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
              ref.node.anchor = ref.anchor;
            } else {
              const error = new Error("Failed to resolve repeated object (this should not happen)");
              error.source = source;
              throw error;
            }
          }
        },
        sourceObjects
      };
    }
    exports.anchorIsValid = anchorIsValid;
    exports.anchorNames = anchorNames;
    exports.createNodeAnchors = createNodeAnchors;
    exports.findNewAnchor = findNewAnchor;
  }
});

// node_modules/yaml/dist/doc/applyReviver.js
var require_applyReviver = __commonJS({
  "node_modules/yaml/dist/doc/applyReviver.js"(exports) {
    "use strict";
    function applyReviver(reviver, obj, key, val) {
      if (val && typeof val === "object") {
        if (Array.isArray(val)) {
          for (let i = 0, len = val.length; i < len; ++i) {
            const v0 = val[i];
            const v1 = applyReviver(reviver, val, String(i), v0);
            if (v1 === void 0)
              delete val[i];
            else if (v1 !== v0)
              val[i] = v1;
          }
        } else if (val instanceof Map) {
          for (const k of Array.from(val.keys())) {
            const v0 = val.get(k);
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              val.delete(k);
            else if (v1 !== v0)
              val.set(k, v1);
          }
        } else if (val instanceof Set) {
          for (const v0 of Array.from(val)) {
            const v1 = applyReviver(reviver, val, v0, v0);
            if (v1 === void 0)
              val.delete(v0);
            else if (v1 !== v0) {
              val.delete(v0);
              val.add(v1);
            }
          }
        } else {
          for (const [k, v0] of Object.entries(val)) {
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              delete val[k];
            else if (v1 !== v0)
              val[k] = v1;
          }
        }
      }
      return reviver.call(obj, key, val);
    }
    exports.applyReviver = applyReviver;
  }
});

// node_modules/yaml/dist/nodes/toJS.js
var require_toJS = __commonJS({
  "node_modules/yaml/dist/nodes/toJS.js"(exports) {
    "use strict";
    var identity = require_identity();
    function toJS(value, arg, ctx) {
      if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
      if (value && typeof value.toJSON === "function") {
        if (!ctx || !identity.hasAnchor(value))
          return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: void 0 };
        ctx.anchors.set(value, data);
        ctx.onCreate = (res2) => {
          data.res = res2;
          delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
          ctx.onCreate(res);
        return res;
      }
      if (typeof value === "bigint" && !ctx?.keep)
        return Number(value);
      return value;
    }
    exports.toJS = toJS;
  }
});

// node_modules/yaml/dist/nodes/Node.js
var require_Node = __commonJS({
  "node_modules/yaml/dist/nodes/Node.js"(exports) {
    "use strict";
    var applyReviver = require_applyReviver();
    var identity = require_identity();
    var toJS = require_toJS();
    var NodeBase = class {
      constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
      }
      /** Create a copy of this node.  */
      clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** A plain JavaScript representation of this node. */
      toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
          throw new TypeError("A document argument is required");
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc,
          keep: true,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
    };
    exports.NodeBase = NodeBase;
  }
});

// node_modules/yaml/dist/nodes/Alias.js
var require_Alias = __commonJS({
  "node_modules/yaml/dist/nodes/Alias.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var visit = require_visit();
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var Alias = class extends Node.NodeBase {
      constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, "tag", {
          set() {
            throw new Error("Alias nodes cannot have tags");
          }
        });
      }
      /**
       * Resolve the value of this alias within `doc`, finding the last
       * instance of the `source` anchor before this node.
       */
      resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
          throw new ReferenceError("Alias resolution is disabled");
        let nodes;
        if (ctx?.aliasResolveCache) {
          nodes = ctx.aliasResolveCache;
        } else {
          nodes = [];
          visit.visit(doc, {
            Node: (_key, node) => {
              if (identity.isAlias(node) || identity.hasAnchor(node))
                nodes.push(node);
            }
          });
          if (ctx)
            ctx.aliasResolveCache = nodes;
        }
        let found = void 0;
        for (const node of nodes) {
          if (node === this)
            break;
          if (node.anchor === this.source)
            found = node;
        }
        if (found && ctx) {
          const { anchors: anchors2, doc: doc2, maxAliasCount } = ctx;
          let data = anchors2.get(found);
          if (!data) {
            toJS.toJS(found, null, ctx);
            data = anchors2.get(found);
          }
          if (data?.res === void 0) {
            const msg = "This should not happen: Alias anchor was not resolved?";
            throw new ReferenceError(msg);
          }
          if (maxAliasCount >= 0) {
            data.count += 1;
            if (data.aliasCount === 0)
              data.aliasCount = getAliasCount(doc2, found, anchors2);
            if (data.count * data.aliasCount > maxAliasCount) {
              const msg = "Excessive alias count indicates a resource exhaustion attack";
              throw new ReferenceError(msg);
            }
          }
        }
        return found;
      }
      toJSON(_arg, ctx) {
        if (!ctx)
          return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
          const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
          throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
      }
      toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
          anchors.anchorIsValid(this.source);
          if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new Error(msg);
          }
          if (ctx.implicitKey)
            return `${src} `;
        }
        return src;
      }
    };
    function getAliasCount(doc, node, anchors2) {
      if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors2 && source && anchors2.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
      } else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
          const c = getAliasCount(doc, item, anchors2);
          if (c > count)
            count = c;
        }
        return count;
      } else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors2);
        const vc = getAliasCount(doc, node.value, anchors2);
        return Math.max(kc, vc);
      }
      return 1;
    }
    exports.Alias = Alias;
  }
});

// node_modules/yaml/dist/nodes/Scalar.js
var require_Scalar = __commonJS({
  "node_modules/yaml/dist/nodes/Scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var isScalarValue = (value) => !value || typeof value !== "function" && typeof value !== "object";
    var Scalar = class extends Node.NodeBase {
      constructor(value) {
        super(identity.SCALAR);
        this.value = value;
      }
      toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
      }
      toString() {
        return String(this.value);
      }
    };
    Scalar.BLOCK_FOLDED = "BLOCK_FOLDED";
    Scalar.BLOCK_LITERAL = "BLOCK_LITERAL";
    Scalar.PLAIN = "PLAIN";
    Scalar.QUOTE_DOUBLE = "QUOTE_DOUBLE";
    Scalar.QUOTE_SINGLE = "QUOTE_SINGLE";
    exports.Scalar = Scalar;
    exports.isScalarValue = isScalarValue;
  }
});

// node_modules/yaml/dist/doc/createNode.js
var require_createNode = __commonJS({
  "node_modules/yaml/dist/doc/createNode.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var defaultTagPrefix = "tag:yaml.org,2002:";
    function findTagObject(value, tagName, tags) {
      if (tagName) {
        const match = tags.filter((t) => t.tag === tagName);
        const tagObj = match.find((t) => !t.format) ?? match[0];
        if (!tagObj)
          throw new Error(`Tag ${tagName} not found`);
        return tagObj;
      }
      return tags.find((t) => t.identify?.(value) && !t.format);
    }
    function createNode(value, tagName, ctx) {
      if (identity.isDocument(value))
        value = value.contents;
      if (identity.isNode(value))
        return value;
      if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
      }
      if (value instanceof String || value instanceof Number || value instanceof Boolean || typeof BigInt !== "undefined" && value instanceof BigInt) {
        value = value.valueOf();
      }
      const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
      let ref = void 0;
      if (aliasDuplicateObjects && value && typeof value === "object") {
        ref = sourceObjects.get(value);
        if (ref) {
          ref.anchor ?? (ref.anchor = onAnchor(value));
          return new Alias.Alias(ref.anchor);
        } else {
          ref = { anchor: null, node: null };
          sourceObjects.set(value, ref);
        }
      }
      if (tagName?.startsWith("!!"))
        tagName = defaultTagPrefix + tagName.slice(2);
      let tagObj = findTagObject(value, tagName, schema.tags);
      if (!tagObj) {
        if (value && typeof value.toJSON === "function") {
          value = value.toJSON();
        }
        if (!value || typeof value !== "object") {
          const node2 = new Scalar.Scalar(value);
          if (ref)
            ref.node = node2;
          return node2;
        }
        tagObj = value instanceof Map ? schema[identity.MAP] : Symbol.iterator in Object(value) ? schema[identity.SEQ] : schema[identity.MAP];
      }
      if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
      }
      const node = tagObj?.createNode ? tagObj.createNode(ctx.schema, value, ctx) : typeof tagObj?.nodeClass?.from === "function" ? tagObj.nodeClass.from(ctx.schema, value, ctx) : new Scalar.Scalar(value);
      if (tagName)
        node.tag = tagName;
      else if (!tagObj.default)
        node.tag = tagObj.tag;
      if (ref)
        ref.node = node;
      return node;
    }
    exports.createNode = createNode;
  }
});

// node_modules/yaml/dist/nodes/Collection.js
var require_Collection = __commonJS({
  "node_modules/yaml/dist/nodes/Collection.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var identity = require_identity();
    var Node = require_Node();
    function collectionFromPath(schema, path, value) {
      let v = value;
      for (let i = path.length - 1; i >= 0; --i) {
        const k = path[i];
        if (typeof k === "number" && Number.isInteger(k) && k >= 0) {
          const a = [];
          a[k] = v;
          v = a;
        } else {
          v = /* @__PURE__ */ new Map([[k, v]]);
        }
      }
      return createNode.createNode(v, void 0, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
          throw new Error("This should not happen, please report a bug.");
        },
        schema,
        sourceObjects: /* @__PURE__ */ new Map()
      });
    }
    var isEmptyPath = (path) => path == null || typeof path === "object" && !!path[Symbol.iterator]().next().done;
    var Collection = class extends Node.NodeBase {
      constructor(type, schema) {
        super(type);
        Object.defineProperty(this, "schema", {
          value: schema,
          configurable: true,
          enumerable: false,
          writable: true
        });
      }
      /**
       * Create a copy of this collection.
       *
       * @param schema - If defined, overwrites the original's schema
       */
      clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
          copy.schema = schema;
        copy.items = copy.items.map((it) => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /**
       * Adds a value to the collection. For `!!map` and `!!omap` the value must
       * be a Pair instance or a `{ key, value }` object, which may not have a key
       * that already exists in the map.
       */
      addIn(path, value) {
        if (isEmptyPath(path))
          this.add(value);
        else {
          const [key, ...rest] = path;
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.addIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
      /**
       * Removes a value from the collection.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
          return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
          return node.deleteIn(rest);
        else
          throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path, keepScalar) {
        const [key, ...rest] = path;
        const node = this.get(key, true);
        if (rest.length === 0)
          return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
          return identity.isCollection(node) ? node.getIn(rest, keepScalar) : void 0;
      }
      hasAllNullValues(allowScalar) {
        return this.items.every((node) => {
          if (!identity.isPair(node))
            return false;
          const n = node.value;
          return n == null || allowScalar && identity.isScalar(n) && n.value == null && !n.commentBefore && !n.comment && !n.tag;
        });
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       */
      hasIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
          return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path, value) {
        const [key, ...rest] = path;
        if (rest.length === 0) {
          this.set(key, value);
        } else {
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.setIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
    };
    exports.Collection = Collection;
    exports.collectionFromPath = collectionFromPath;
    exports.isEmptyPath = isEmptyPath;
  }
});

// node_modules/yaml/dist/stringify/stringifyComment.js
var require_stringifyComment = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyComment.js"(exports) {
    "use strict";
    var stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, "#");
    function indentComment(comment2, indent) {
      if (/^\n+$/.test(comment2))
        return comment2.substring(1);
      return indent ? comment2.replace(/^(?! *$)/gm, indent) : comment2;
    }
    var lineComment = (str, indent, comment2) => str.endsWith("\n") ? indentComment(comment2, indent) : comment2.includes("\n") ? "\n" + indentComment(comment2, indent) : (str.endsWith(" ") ? "" : " ") + comment2;
    exports.indentComment = indentComment;
    exports.lineComment = lineComment;
    exports.stringifyComment = stringifyComment;
  }
});

// node_modules/yaml/dist/stringify/foldFlowLines.js
var require_foldFlowLines = __commonJS({
  "node_modules/yaml/dist/stringify/foldFlowLines.js"(exports) {
    "use strict";
    var FOLD_FLOW = "flow";
    var FOLD_BLOCK = "block";
    var FOLD_QUOTED = "quoted";
    function foldFlowLines(text2, indent, mode = "flow", { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
      if (!lineWidth || lineWidth < 0)
        return text2;
      if (lineWidth < minContentWidth)
        minContentWidth = 0;
      const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
      if (text2.length <= endStep)
        return text2;
      const folds = [];
      const escapedFolds = {};
      let end = lineWidth - indent.length;
      if (typeof indentAtStart === "number") {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
          folds.push(0);
        else
          end = lineWidth - indentAtStart;
      }
      let split = void 0;
      let prev = void 0;
      let overflow = false;
      let i = -1;
      let escStart = -1;
      let escEnd = -1;
      if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text2, i, indent.length);
        if (i !== -1)
          end = i + endStep;
      }
      for (let ch; ch = text2[i += 1]; ) {
        if (mode === FOLD_QUOTED && ch === "\\") {
          escStart = i;
          switch (text2[i + 1]) {
            case "x":
              i += 3;
              break;
            case "u":
              i += 5;
              break;
            case "U":
              i += 9;
              break;
            default:
              i += 1;
          }
          escEnd = i;
        }
        if (ch === "\n") {
          if (mode === FOLD_BLOCK)
            i = consumeMoreIndentedLines(text2, i, indent.length);
          end = i + indent.length + endStep;
          split = void 0;
        } else {
          if (ch === " " && prev && prev !== " " && prev !== "\n" && prev !== "	") {
            const next = text2[i + 1];
            if (next && next !== " " && next !== "\n" && next !== "	")
              split = i;
          }
          if (i >= end) {
            if (split) {
              folds.push(split);
              end = split + endStep;
              split = void 0;
            } else if (mode === FOLD_QUOTED) {
              while (prev === " " || prev === "	") {
                prev = ch;
                ch = text2[i += 1];
                overflow = true;
              }
              const j = i > escEnd + 1 ? i - 2 : escStart - 1;
              if (escapedFolds[j])
                return text2;
              folds.push(j);
              escapedFolds[j] = true;
              end = j + endStep;
              split = void 0;
            } else {
              overflow = true;
            }
          }
        }
        prev = ch;
      }
      if (overflow && onOverflow)
        onOverflow();
      if (folds.length === 0)
        return text2;
      if (onFold)
        onFold();
      let res = text2.slice(0, folds[0]);
      for (let i2 = 0; i2 < folds.length; ++i2) {
        const fold = folds[i2];
        const end2 = folds[i2 + 1] || text2.length;
        if (fold === 0)
          res = `
${indent}${text2.slice(0, end2)}`;
        else {
          if (mode === FOLD_QUOTED && escapedFolds[fold])
            res += `${text2[fold]}\\`;
          res += `
${indent}${text2.slice(fold + 1, end2)}`;
        }
      }
      return res;
    }
    function consumeMoreIndentedLines(text2, i, indent) {
      let end = i;
      let start = i + 1;
      let ch = text2[start];
      while (ch === " " || ch === "	") {
        if (i < start + indent) {
          ch = text2[++i];
        } else {
          do {
            ch = text2[++i];
          } while (ch && ch !== "\n");
          end = i;
          start = i + 1;
          ch = text2[start];
        }
      }
      return end;
    }
    exports.FOLD_BLOCK = FOLD_BLOCK;
    exports.FOLD_FLOW = FOLD_FLOW;
    exports.FOLD_QUOTED = FOLD_QUOTED;
    exports.foldFlowLines = foldFlowLines;
  }
});

// node_modules/yaml/dist/stringify/stringifyString.js
var require_stringifyString = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyString.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var foldFlowLines = require_foldFlowLines();
    var getFoldOptions = (ctx, isBlock) => ({
      indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
      lineWidth: ctx.options.lineWidth,
      minContentWidth: ctx.options.minContentWidth
    });
    var containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
    function lineLengthOverLimit(str, lineWidth, indentLength) {
      if (!lineWidth || lineWidth < 0)
        return false;
      const limit = lineWidth - indentLength;
      const strLen = str.length;
      if (strLen <= limit)
        return false;
      for (let i = 0, start = 0; i < strLen; ++i) {
        if (str[i] === "\n") {
          if (i - start > limit)
            return true;
          start = i + 1;
          if (strLen - start <= limit)
            return false;
        }
      }
      return true;
    }
    function doubleQuotedString(value, ctx) {
      const json = JSON.stringify(value);
      if (ctx.options.doubleQuotedAsJSON)
        return json;
      const { implicitKey } = ctx;
      const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      let str = "";
      let start = 0;
      for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === " " && json[i + 1] === "\\" && json[i + 2] === "n") {
          str += json.slice(start, i) + "\\ ";
          i += 1;
          start = i;
          ch = "\\";
        }
        if (ch === "\\")
          switch (json[i + 1]) {
            case "u":
              {
                str += json.slice(start, i);
                const code = json.substr(i + 2, 4);
                switch (code) {
                  case "0000":
                    str += "\\0";
                    break;
                  case "0007":
                    str += "\\a";
                    break;
                  case "000b":
                    str += "\\v";
                    break;
                  case "001b":
                    str += "\\e";
                    break;
                  case "0085":
                    str += "\\N";
                    break;
                  case "00a0":
                    str += "\\_";
                    break;
                  case "2028":
                    str += "\\L";
                    break;
                  case "2029":
                    str += "\\P";
                    break;
                  default:
                    if (code.substr(0, 2) === "00")
                      str += "\\x" + code.substr(2);
                    else
                      str += json.substr(i, 6);
                }
                i += 5;
                start = i + 1;
              }
              break;
            case "n":
              if (implicitKey || json[i + 2] === '"' || json.length < minMultiLineLength) {
                i += 1;
              } else {
                str += json.slice(start, i) + "\n\n";
                while (json[i + 2] === "\\" && json[i + 3] === "n" && json[i + 4] !== '"') {
                  str += "\n";
                  i += 2;
                }
                str += indent;
                if (json[i + 2] === " ")
                  str += "\\";
                i += 1;
                start = i + 1;
              }
              break;
            default:
              i += 1;
          }
      }
      str = start ? str + json.slice(start) : json;
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
    }
    function singleQuotedString(value, ctx) {
      if (ctx.options.singleQuote === false || ctx.implicitKey && value.includes("\n") || /[ \t]\n|\n[ \t]/.test(value))
        return doubleQuotedString(value, ctx);
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&
${indent}`) + "'";
      return ctx.implicitKey ? res : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function quotedString(value, ctx) {
      const { singleQuote } = ctx.options;
      let qs;
      if (singleQuote === false)
        qs = doubleQuotedString;
      else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
          qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
          qs = doubleQuotedString;
        else
          qs = singleQuote ? singleQuotedString : doubleQuotedString;
      }
      return qs(value, ctx);
    }
    var blockEndNewlines;
    try {
      blockEndNewlines = new RegExp("(^|(?<!\n))\n+(?!\n|$)", "g");
    } catch {
      blockEndNewlines = /\n+(?!\n|$)/g;
    }
    function blockString({ comment: comment2, type, value }, ctx, onComment, onChompKeep) {
      const { blockQuote, commentString, lineWidth } = ctx.options;
      if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
      }
      const indent = ctx.indent || (ctx.forceBlockIndent || containsDocumentMarker(value) ? "  " : "");
      const literal2 = blockQuote === "literal" ? true : blockQuote === "folded" || type === Scalar.Scalar.BLOCK_FOLDED ? false : type === Scalar.Scalar.BLOCK_LITERAL ? true : !lineLengthOverLimit(value, lineWidth, indent.length);
      if (!value)
        return literal2 ? "|\n" : ">\n";
      let chomp;
      let endStart;
      for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== "\n" && ch !== "	" && ch !== " ")
          break;
      }
      let end = value.substring(endStart);
      const endNlPos = end.indexOf("\n");
      if (endNlPos === -1) {
        chomp = "-";
      } else if (value === end || endNlPos !== end.length - 1) {
        chomp = "+";
        if (onChompKeep)
          onChompKeep();
      } else {
        chomp = "";
      }
      if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === "\n")
          end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
      }
      let startWithSpace = false;
      let startEnd;
      let startNlPos = -1;
      for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === " ")
          startWithSpace = true;
        else if (ch === "\n")
          startNlPos = startEnd;
        else
          break;
      }
      let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
      if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
      }
      const indentSize = indent ? "2" : "1";
      let header = (startWithSpace ? indentSize : "") + chomp;
      if (comment2) {
        header += " " + commentString(comment2.replace(/ ?[\r\n]+/g, " "));
        if (onComment)
          onComment();
      }
      if (!literal2) {
        const foldedValue = value.replace(/\n+/g, "\n$&").replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, "$1$2").replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== "folded" && type !== Scalar.Scalar.BLOCK_FOLDED) {
          foldOptions.onOverflow = () => {
            literalFallback = true;
          };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
          return `>${header}
${indent}${body}`;
      }
      value = value.replace(/\n+/g, `$&${indent}`);
      return `|${header}
${indent}${start}${value}${end}`;
    }
    function plainString(item, ctx, onComment, onChompKeep) {
      const { type, value } = item;
      const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
      if (implicitKey && value.includes("\n") || inFlow && /[[\]{},]/.test(value)) {
        return quotedString(value, ctx);
      }
      if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        return implicitKey || inFlow || !value.includes("\n") ? quotedString(value, ctx) : blockString(item, ctx, onComment, onChompKeep);
      }
      if (!implicitKey && !inFlow && type !== Scalar.Scalar.PLAIN && value.includes("\n")) {
        return blockString(item, ctx, onComment, onChompKeep);
      }
      if (containsDocumentMarker(value)) {
        if (indent === "") {
          ctx.forceBlockIndent = true;
          return blockString(item, ctx, onComment, onChompKeep);
        } else if (implicitKey && indent === indentStep) {
          return quotedString(value, ctx);
        }
      }
      const str = value.replace(/\n+/g, `$&
${indent}`);
      if (actualString) {
        const test = (tag) => tag.default && tag.tag !== "tag:yaml.org,2002:str" && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
          return quotedString(value, ctx);
      }
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function stringifyString(item, ctx, onComment, onChompKeep) {
      const { implicitKey, inFlow } = ctx;
      const ss = typeof item.value === "string" ? item : Object.assign({}, item, { value: String(item.value) });
      let { type } = item;
      if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
          type = Scalar.Scalar.QUOTE_DOUBLE;
      }
      const _stringify = (_type) => {
        switch (_type) {
          case Scalar.Scalar.BLOCK_FOLDED:
          case Scalar.Scalar.BLOCK_LITERAL:
            return implicitKey || inFlow ? quotedString(ss.value, ctx) : blockString(ss, ctx, onComment, onChompKeep);
          case Scalar.Scalar.QUOTE_DOUBLE:
            return doubleQuotedString(ss.value, ctx);
          case Scalar.Scalar.QUOTE_SINGLE:
            return singleQuotedString(ss.value, ctx);
          case Scalar.Scalar.PLAIN:
            return plainString(ss, ctx, onComment, onChompKeep);
          default:
            return null;
        }
      };
      let res = _stringify(type);
      if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = implicitKey && defaultKeyType || defaultStringType;
        res = _stringify(t);
        if (res === null)
          throw new Error(`Unsupported default string type ${t}`);
      }
      return res;
    }
    exports.stringifyString = stringifyString;
  }
});

// node_modules/yaml/dist/stringify/stringify.js
var require_stringify = __commonJS({
  "node_modules/yaml/dist/stringify/stringify.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var identity = require_identity();
    var stringifyComment = require_stringifyComment();
    var stringifyString = require_stringifyString();
    function createStringifyContext(doc, options) {
      const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: "PLAIN",
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: "false",
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: "null",
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: "true",
        verifyAliasOrder: true
      }, doc.schema.toStringOptions, options);
      let inFlow;
      switch (opt.collectionStyle) {
        case "block":
          inFlow = false;
          break;
        case "flow":
          inFlow = true;
          break;
        default:
          inFlow = null;
      }
      return {
        anchors: /* @__PURE__ */ new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? " " : "",
        indent: "",
        indentStep: typeof opt.indent === "number" ? " ".repeat(opt.indent) : "  ",
        inFlow,
        options: opt
      };
    }
    function getTagObject(tags, item) {
      if (item.tag) {
        const match = tags.filter((t) => t.tag === item.tag);
        if (match.length > 0)
          return match.find((t) => t.format === item.format) ?? match[0];
      }
      let tagObj = void 0;
      let obj;
      if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter((t) => t.identify?.(obj));
        if (match.length > 1) {
          const testMatch = match.filter((t) => t.test);
          if (testMatch.length > 0)
            match = testMatch;
        }
        tagObj = match.find((t) => t.format === item.format) ?? match.find((t) => !t.format);
      } else {
        obj = item;
        tagObj = tags.find((t) => t.nodeClass && obj instanceof t.nodeClass);
      }
      if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? "null" : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
      }
      return tagObj;
    }
    function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
      if (!doc.directives)
        return "";
      const props = [];
      const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
      if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
      }
      const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
      if (tag)
        props.push(doc.directives.tagString(tag));
      return props.join(" ");
    }
    function stringify2(item, ctx, onComment, onChompKeep) {
      if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
      if (identity.isAlias(item)) {
        if (ctx.doc.directives)
          return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
          throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        } else {
          if (ctx.resolvedAliases)
            ctx.resolvedAliases.add(item);
          else
            ctx.resolvedAliases = /* @__PURE__ */ new Set([item]);
          item = item.resolve(ctx.doc);
        }
      }
      let tagObj = void 0;
      const node = identity.isNode(item) ? item : ctx.doc.createNode(item, { onTagObj: (o) => tagObj = o });
      tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
      const props = stringifyProps(node, tagObj, ctx);
      if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
      const str = typeof tagObj.stringify === "function" ? tagObj.stringify(node, ctx, onComment, onChompKeep) : identity.isScalar(node) ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep) : node.toString(ctx, onComment, onChompKeep);
      if (!props)
        return str;
      return identity.isScalar(node) || str[0] === "{" || str[0] === "[" ? `${props} ${str}` : `${props}
${ctx.indent}${str}`;
    }
    exports.createStringifyContext = createStringifyContext;
    exports.stringify = stringify2;
  }
});

// node_modules/yaml/dist/stringify/stringifyPair.js
var require_stringifyPair = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyPair.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var stringify2 = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
      const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
      let keyComment = identity.isNode(key) && key.comment || null;
      if (simpleKeys) {
        if (keyComment) {
          throw new Error("With simple keys, key nodes cannot have comments");
        }
        if (identity.isCollection(key) || !identity.isNode(key) && typeof key === "object") {
          const msg = "With simple keys, collection cannot be used as a key value";
          throw new Error(msg);
        }
      }
      let explicitKey = !simpleKeys && (!key || keyComment && value == null && !ctx.inFlow || identity.isCollection(key) || (identity.isScalar(key) ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL : typeof key === "object"));
      ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
      });
      let keyCommentDone = false;
      let chompKeep = false;
      let str = stringify2.stringify(key, ctx, () => keyCommentDone = true, () => chompKeep = true);
      if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
          throw new Error("With simple keys, single line scalar must not span more than 1024 characters");
        explicitKey = true;
      }
      if (ctx.inFlow) {
        if (allNullValues || value == null) {
          if (keyCommentDone && onComment)
            onComment();
          return str === "" ? "?" : explicitKey ? `? ${str}` : str;
        }
      } else if (allNullValues && !simpleKeys || value == null && explicitKey) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        } else if (chompKeep && onChompKeep)
          onChompKeep();
        return str;
      }
      if (keyCommentDone)
        keyComment = null;
      if (explicitKey) {
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}
${indent}:`;
      } else {
        str = `${str}:`;
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
      }
      let vsb, vcb, valueComment;
      if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
      } else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === "object")
          value = doc.createNode(value);
      }
      ctx.implicitKey = false;
      if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str.length + 1;
      chompKeep = false;
      if (!indentSeq && indentStep.length >= 2 && !ctx.inFlow && !explicitKey && identity.isSeq(value) && !value.flow && !value.tag && !value.anchor) {
        ctx.indent = ctx.indent.substring(2);
      }
      let valueCommentDone = false;
      const valueStr = stringify2.stringify(value, ctx, () => valueCommentDone = true, () => chompKeep = true);
      let ws = " ";
      if (keyComment || vsb || vcb) {
        ws = vsb ? "\n" : "";
        if (vcb) {
          const cs = commentString(vcb);
          ws += `
${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === "" && !ctx.inFlow) {
          if (ws === "\n" && valueComment)
            ws = "\n\n";
        } else {
          ws += `
${ctx.indent}`;
        }
      } else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf("\n");
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
          let hasPropsLine = false;
          if (hasNewline && (vs0 === "&" || vs0 === "!")) {
            let sp0 = valueStr.indexOf(" ");
            if (vs0 === "&" && sp0 !== -1 && sp0 < nl0 && valueStr[sp0 + 1] === "!") {
              sp0 = valueStr.indexOf(" ", sp0 + 1);
            }
            if (sp0 === -1 || nl0 < sp0)
              hasPropsLine = true;
          }
          if (!hasPropsLine)
            ws = `
${ctx.indent}`;
        }
      } else if (valueStr === "" || valueStr[0] === "\n") {
        ws = "";
      }
      str += ws + valueStr;
      if (ctx.inFlow) {
        if (valueCommentDone && onComment)
          onComment();
      } else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
      } else if (chompKeep && onChompKeep) {
        onChompKeep();
      }
      return str;
    }
    exports.stringifyPair = stringifyPair;
  }
});

// node_modules/yaml/dist/log.js
var require_log = __commonJS({
  "node_modules/yaml/dist/log.js"(exports) {
    "use strict";
    var node_process = __require("process");
    function debug(logLevel, ...messages) {
      if (logLevel === "debug")
        console.log(...messages);
    }
    function warn(logLevel, warning) {
      if (logLevel === "debug" || logLevel === "warn") {
        if (typeof node_process.emitWarning === "function")
          node_process.emitWarning(warning);
        else
          console.warn(warning);
      }
    }
    exports.debug = debug;
    exports.warn = warn;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/merge.js
var require_merge = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/merge.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var MERGE_KEY = "<<";
    var merge = {
      identify: (value) => value === MERGE_KEY || typeof value === "symbol" && value.description === MERGE_KEY,
      default: "key",
      tag: "tag:yaml.org,2002:merge",
      test: /^<<$/,
      resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
      }),
      stringify: () => MERGE_KEY
    };
    var isMergeKey = (ctx, key) => (merge.identify(key) || identity.isScalar(key) && (!key.type || key.type === Scalar.Scalar.PLAIN) && merge.identify(key.value)) && ctx?.doc.schema.tags.some((tag) => tag.tag === merge.tag && tag.default);
    function addMergeToJSMap(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (identity.isSeq(source))
        for (const it of source.items)
          mergeValue(ctx, map, it);
      else if (Array.isArray(source))
        for (const it of source)
          mergeValue(ctx, map, it);
      else
        mergeValue(ctx, map, source);
    }
    function mergeValue(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (!identity.isMap(source))
        throw new Error("Merge sources must be maps or map aliases");
      const srcMap = source.toJSON(null, ctx, Map);
      for (const [key, value2] of srcMap) {
        if (map instanceof Map) {
          if (!map.has(key))
            map.set(key, value2);
        } else if (map instanceof Set) {
          map.add(key);
        } else if (!Object.prototype.hasOwnProperty.call(map, key)) {
          Object.defineProperty(map, key, {
            value: value2,
            writable: true,
            enumerable: true,
            configurable: true
          });
        }
      }
      return map;
    }
    function resolveAliasValue(ctx, value) {
      return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
    }
    exports.addMergeToJSMap = addMergeToJSMap;
    exports.isMergeKey = isMergeKey;
    exports.merge = merge;
  }
});

// node_modules/yaml/dist/nodes/addPairToJSMap.js
var require_addPairToJSMap = __commonJS({
  "node_modules/yaml/dist/nodes/addPairToJSMap.js"(exports) {
    "use strict";
    var log = require_log();
    var merge = require_merge();
    var stringify2 = require_stringify();
    var identity = require_identity();
    var toJS = require_toJS();
    function addPairToJSMap(ctx, map, { key, value }) {
      if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
      else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
      else {
        const jsKey = toJS.toJS(key, "", ctx);
        if (map instanceof Map) {
          map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        } else if (map instanceof Set) {
          map.add(jsKey);
        } else {
          const stringKey = stringifyKey(key, jsKey, ctx);
          const jsValue = toJS.toJS(value, stringKey, ctx);
          if (stringKey in map)
            Object.defineProperty(map, stringKey, {
              value: jsValue,
              writable: true,
              enumerable: true,
              configurable: true
            });
          else
            map[stringKey] = jsValue;
        }
      }
      return map;
    }
    function stringifyKey(key, jsKey, ctx) {
      if (jsKey === null)
        return "";
      if (typeof jsKey !== "object")
        return String(jsKey);
      if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify2.createStringifyContext(ctx.doc, {});
        strCtx.anchors = /* @__PURE__ */ new Set();
        for (const node of ctx.anchors.keys())
          strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
          let jsonStr = JSON.stringify(strKey);
          if (jsonStr.length > 40)
            jsonStr = jsonStr.substring(0, 36) + '..."';
          log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
          ctx.mapKeyWarned = true;
        }
        return strKey;
      }
      return JSON.stringify(jsKey);
    }
    exports.addPairToJSMap = addPairToJSMap;
  }
});

// node_modules/yaml/dist/nodes/Pair.js
var require_Pair = __commonJS({
  "node_modules/yaml/dist/nodes/Pair.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyPair = require_stringifyPair();
    var addPairToJSMap = require_addPairToJSMap();
    var identity = require_identity();
    function createPair(key, value, ctx) {
      const k = createNode.createNode(key, void 0, ctx);
      const v = createNode.createNode(value, void 0, ctx);
      return new Pair(k, v);
    }
    var Pair = class _Pair {
      constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
      }
      clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
          key = key.clone(schema);
        if (identity.isNode(value))
          value = value.clone(schema);
        return new _Pair(key, value);
      }
      toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
      }
      toString(ctx, onComment, onChompKeep) {
        return ctx?.doc ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep) : JSON.stringify(this);
      }
    };
    exports.Pair = Pair;
    exports.createPair = createPair;
  }
});

// node_modules/yaml/dist/stringify/stringifyCollection.js
var require_stringifyCollection = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyCollection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify2 = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyCollection(collection, ctx, options) {
      const flow = ctx.inFlow ?? collection.flow;
      const stringify3 = flow ? stringifyFlowCollection : stringifyBlockCollection;
      return stringify3(collection, ctx, options);
    }
    function stringifyBlockCollection({ comment: comment2, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
      const { indent, options: { commentString } } = ctx;
      const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
      let chompKeep = false;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment3 = null;
        if (identity.isNode(item)) {
          if (!chompKeep && item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
          if (item.comment)
            comment3 = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (!chompKeep && ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
          }
        }
        chompKeep = false;
        let str2 = stringify2.stringify(item, itemCtx, () => comment3 = null, () => chompKeep = true);
        if (comment3)
          str2 += stringifyComment.lineComment(str2, itemIndent, commentString(comment3));
        if (chompKeep && comment3)
          chompKeep = false;
        lines.push(blockItemPrefix + str2);
      }
      let str;
      if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
      } else {
        str = lines[0];
        for (let i = 1; i < lines.length; ++i) {
          const line = lines[i];
          str += line ? `
${indent}${line}` : "\n";
        }
      }
      if (comment2) {
        str += "\n" + stringifyComment.indentComment(commentString(comment2), indent);
        if (onComment)
          onComment();
      } else if (chompKeep && onChompKeep)
        onChompKeep();
      return str;
    }
    function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
      const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
      itemIndent += indentStep;
      const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
      });
      let reqNewline = false;
      let linesAtValue = 0;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment2 = null;
        if (identity.isNode(item)) {
          if (item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, false);
          if (item.comment)
            comment2 = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, false);
            if (ik.comment)
              reqNewline = true;
          }
          const iv = identity.isNode(item.value) ? item.value : null;
          if (iv) {
            if (iv.comment)
              comment2 = iv.comment;
            if (iv.commentBefore)
              reqNewline = true;
          } else if (item.value == null && ik?.comment) {
            comment2 = ik.comment;
          }
        }
        if (comment2)
          reqNewline = true;
        let str = stringify2.stringify(item, itemCtx, () => comment2 = null);
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes("\n"));
        if (i < items.length - 1) {
          str += ",";
        } else if (ctx.options.trailingComma) {
          if (ctx.options.lineWidth > 0) {
            reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) + (str.length + 2) > ctx.options.lineWidth);
          }
          if (reqNewline) {
            str += ",";
          }
        }
        if (comment2)
          str += stringifyComment.lineComment(str, itemIndent, commentString(comment2));
        lines.push(str);
        linesAtValue = lines.length;
      }
      const { start, end } = flowChars;
      if (lines.length === 0) {
        return start + end;
      } else {
        if (!reqNewline) {
          const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
          reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
          let str = start;
          for (const line of lines)
            str += line ? `
${indentStep}${indent}${line}` : "\n";
          return `${str}
${indent}${end}`;
        } else {
          return `${start}${fcPadding}${lines.join(" ")}${fcPadding}${end}`;
        }
      }
    }
    function addCommentBefore({ indent, options: { commentString } }, lines, comment2, chompKeep) {
      if (comment2 && chompKeep)
        comment2 = comment2.replace(/^\n+/, "");
      if (comment2) {
        const ic = stringifyComment.indentComment(commentString(comment2), indent);
        lines.push(ic.trimStart());
      }
    }
    exports.stringifyCollection = stringifyCollection;
  }
});

// node_modules/yaml/dist/nodes/YAMLMap.js
var require_YAMLMap = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLMap.js"(exports) {
    "use strict";
    var stringifyCollection = require_stringifyCollection();
    var addPairToJSMap = require_addPairToJSMap();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    function findPair(items, key) {
      const k = identity.isScalar(key) ? key.value : key;
      for (const it of items) {
        if (identity.isPair(it)) {
          if (it.key === key || it.key === k)
            return it;
          if (identity.isScalar(it.key) && it.key.value === k)
            return it;
        }
      }
      return void 0;
    }
    var YAMLMap = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:map";
      }
      constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
      }
      /**
       * A generic collection parsing method that can be extended
       * to other node classes that inherit from YAMLMap
       */
      static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add2 = (key, value) => {
          if (typeof replacer === "function")
            value = replacer.call(obj, key, value);
          else if (Array.isArray(replacer) && !replacer.includes(key))
            return;
          if (value !== void 0 || keepUndefined)
            map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
          for (const [key, value] of obj)
            add2(key, value);
        } else if (obj && typeof obj === "object") {
          for (const key of Object.keys(obj))
            add2(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === "function") {
          map.items.sort(schema.sortMapEntries);
        }
        return map;
      }
      /**
       * Adds a value to the collection.
       *
       * @param overwrite - If not set `true`, using a key that is already in the
       *   collection will throw. Otherwise, overwrites the previous value.
       */
      add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
          _pair = pair;
        else if (!pair || typeof pair !== "object" || !("key" in pair)) {
          _pair = new Pair.Pair(pair, pair?.value);
        } else
          _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
          if (!overwrite)
            throw new Error(`Key ${_pair.key} already set`);
          if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
            prev.value.value = _pair.value;
          else
            prev.value = _pair.value;
        } else if (sortEntries) {
          const i = this.items.findIndex((item) => sortEntries(_pair, item) < 0);
          if (i === -1)
            this.items.push(_pair);
          else
            this.items.splice(i, 0, _pair);
        } else {
          this.items.push(_pair);
        }
      }
      delete(key) {
        const it = findPair(this.items, key);
        if (!it)
          return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? void 0;
      }
      has(key) {
        return !!findPair(this.items, key);
      }
      set(key, value) {
        this.add(new Pair.Pair(key, value), true);
      }
      /**
       * @param ctx - Conversion context, originally set in Document#toJS()
       * @param {Class} Type - If set, forces the returned collection type
       * @returns Instance of Type, Map, or Object
       */
      toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const item of this.items)
          addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        for (const item of this.items) {
          if (!identity.isPair(item))
            throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
          ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "",
          flowChars: { start: "{", end: "}" },
          itemIndent: ctx.indent || "",
          onChompKeep,
          onComment
        });
      }
    };
    exports.YAMLMap = YAMLMap;
    exports.findPair = findPair;
  }
});

// node_modules/yaml/dist/schema/common/map.js
var require_map = __commonJS({
  "node_modules/yaml/dist/schema/common/map.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLMap = require_YAMLMap();
    var map = {
      collection: "map",
      default: true,
      nodeClass: YAMLMap.YAMLMap,
      tag: "tag:yaml.org,2002:map",
      resolve(map2, onError) {
        if (!identity.isMap(map2))
          onError("Expected a mapping for this tag");
        return map2;
      },
      createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
    };
    exports.map = map;
  }
});

// node_modules/yaml/dist/nodes/YAMLSeq.js
var require_YAMLSeq = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLSeq.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyCollection = require_stringifyCollection();
    var Collection = require_Collection();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var toJS = require_toJS();
    var YAMLSeq = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:seq";
      }
      constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
      }
      add(value) {
        this.items.push(value);
      }
      /**
       * Removes a value from the collection.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       *
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return void 0;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       */
      has(key) {
        const idx = asItemIndex(key);
        return typeof idx === "number" && idx < this.items.length;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       *
       * If `key` does not contain a representation of an integer, this will throw.
       * It may be wrapped in a `Scalar`.
       */
      set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
          prev.value = value;
        else
          this.items[idx] = value;
      }
      toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
          ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
          seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "- ",
          flowChars: { start: "[", end: "]" },
          itemIndent: (ctx.indent || "") + "  ",
          onChompKeep,
          onComment
        });
      }
      static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
          let i = 0;
          for (let it of obj) {
            if (typeof replacer === "function") {
              const key = obj instanceof Set ? it : String(i++);
              it = replacer.call(obj, key, it);
            }
            seq.items.push(createNode.createNode(it, void 0, ctx));
          }
        }
        return seq;
      }
    };
    function asItemIndex(key) {
      let idx = identity.isScalar(key) ? key.value : key;
      if (idx && typeof idx === "string")
        idx = Number(idx);
      return typeof idx === "number" && Number.isInteger(idx) && idx >= 0 ? idx : null;
    }
    exports.YAMLSeq = YAMLSeq;
  }
});

// node_modules/yaml/dist/schema/common/seq.js
var require_seq = __commonJS({
  "node_modules/yaml/dist/schema/common/seq.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLSeq = require_YAMLSeq();
    var seq = {
      collection: "seq",
      default: true,
      nodeClass: YAMLSeq.YAMLSeq,
      tag: "tag:yaml.org,2002:seq",
      resolve(seq2, onError) {
        if (!identity.isSeq(seq2))
          onError("Expected a sequence for this tag");
        return seq2;
      },
      createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
    };
    exports.seq = seq;
  }
});

// node_modules/yaml/dist/schema/common/string.js
var require_string = __commonJS({
  "node_modules/yaml/dist/schema/common/string.js"(exports) {
    "use strict";
    var stringifyString = require_stringifyString();
    var string = {
      identify: (value) => typeof value === "string",
      default: true,
      tag: "tag:yaml.org,2002:str",
      resolve: (str) => str,
      stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
      }
    };
    exports.string = string;
  }
});

// node_modules/yaml/dist/schema/common/null.js
var require_null = __commonJS({
  "node_modules/yaml/dist/schema/common/null.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var nullTag = {
      identify: (value) => value == null,
      createNode: () => new Scalar.Scalar(null),
      default: true,
      tag: "tag:yaml.org,2002:null",
      test: /^(?:~|[Nn]ull|NULL)?$/,
      resolve: () => new Scalar.Scalar(null),
      stringify: ({ source }, ctx) => typeof source === "string" && nullTag.test.test(source) ? source : ctx.options.nullStr
    };
    exports.nullTag = nullTag;
  }
});

// node_modules/yaml/dist/schema/core/bool.js
var require_bool = __commonJS({
  "node_modules/yaml/dist/schema/core/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var boolTag = {
      identify: (value) => typeof value === "boolean",
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
      resolve: (str) => new Scalar.Scalar(str[0] === "t" || str[0] === "T"),
      stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
          const sv = source[0] === "t" || source[0] === "T";
          if (value === sv)
            return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
      }
    };
    exports.boolTag = boolTag;
  }
});

// node_modules/yaml/dist/stringify/stringifyNumber.js
var require_stringifyNumber = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyNumber.js"(exports) {
    "use strict";
    function stringifyNumber({ format, minFractionDigits, tag, value }) {
      if (typeof value === "bigint")
        return String(value);
      const num = typeof value === "number" ? value : Number(value);
      if (!isFinite(num))
        return isNaN(num) ? ".nan" : num < 0 ? "-.inf" : ".inf";
      let n = Object.is(value, -0) ? "-0" : JSON.stringify(value);
      if (!format && minFractionDigits && (!tag || tag === "tag:yaml.org,2002:float") && /^-?\d/.test(n) && !n.includes("e")) {
        let i = n.indexOf(".");
        if (i < 0) {
          i = n.length;
          n += ".";
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
          n += "0";
      }
      return n;
    }
    exports.stringifyNumber = stringifyNumber;
  }
});

// node_modules/yaml/dist/schema/core/float.js
var require_float = __commonJS({
  "node_modules/yaml/dist/schema/core/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
      resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str));
        const dot = str.indexOf(".");
        if (dot !== -1 && str[str.length - 1] === "0")
          node.minFractionDigits = str.length - dot - 1;
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/core/int.js
var require_int = __commonJS({
  "node_modules/yaml/dist/schema/core/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    var intResolve = (str, offset, radix, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix);
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
      return stringifyNumber.stringifyNumber(node);
    }
    var intOct = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^0o[0-7]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
      stringify: (node) => intStringify(node, 8, "0o")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^0x[0-9a-fA-F]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/core/schema.js
var require_schema = __commonJS({
  "node_modules/yaml/dist/schema/core/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.boolTag,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/json/schema.js
var require_schema2 = __commonJS({
  "node_modules/yaml/dist/schema/json/schema.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var map = require_map();
    var seq = require_seq();
    function intIdentify(value) {
      return typeof value === "bigint" || Number.isInteger(value);
    }
    var stringifyJSON = ({ value }) => JSON.stringify(value);
    var jsonScalars = [
      {
        identify: (value) => typeof value === "string",
        default: true,
        tag: "tag:yaml.org,2002:str",
        resolve: (str) => str,
        stringify: stringifyJSON
      },
      {
        identify: (value) => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: "tag:yaml.org,2002:null",
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
      },
      {
        identify: (value) => typeof value === "boolean",
        default: true,
        tag: "tag:yaml.org,2002:bool",
        test: /^true$|^false$/,
        resolve: (str) => str === "true",
        stringify: stringifyJSON
      },
      {
        identify: intIdentify,
        default: true,
        tag: "tag:yaml.org,2002:int",
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
      },
      {
        identify: (value) => typeof value === "number",
        default: true,
        tag: "tag:yaml.org,2002:float",
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: (str) => parseFloat(str),
        stringify: stringifyJSON
      }
    ];
    var jsonError = {
      default: true,
      tag: "",
      test: /^/,
      resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
      }
    };
    var schema = [map.map, seq.seq].concat(jsonScalars, jsonError);
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/binary.js
var require_binary = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/binary.js"(exports) {
    "use strict";
    var node_buffer = __require("buffer");
    var Scalar = require_Scalar();
    var stringifyString = require_stringifyString();
    var binary = {
      identify: (value) => value instanceof Uint8Array,
      // Buffer inherits from Uint8Array
      default: false,
      tag: "tag:yaml.org,2002:binary",
      /**
       * Returns a Buffer in node and an Uint8Array in browsers
       *
       * To use the resulting buffer as an image, you'll want to do something like:
       *
       *   const blob = new Blob([buffer], { type: 'image/jpeg' })
       *   document.querySelector('#photo').src = URL.createObjectURL(blob)
       */
      resolve(src, onError) {
        if (typeof node_buffer.Buffer === "function") {
          return node_buffer.Buffer.from(src, "base64");
        } else if (typeof atob === "function") {
          const str = atob(src.replace(/[\n\r]/g, ""));
          const buffer = new Uint8Array(str.length);
          for (let i = 0; i < str.length; ++i)
            buffer[i] = str.charCodeAt(i);
          return buffer;
        } else {
          onError("This environment does not support reading binary tags; either Buffer or atob is required");
          return src;
        }
      },
      stringify({ comment: comment2, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
          return "";
        const buf = value;
        let str;
        if (typeof node_buffer.Buffer === "function") {
          str = buf instanceof node_buffer.Buffer ? buf.toString("base64") : node_buffer.Buffer.from(buf.buffer).toString("base64");
        } else if (typeof btoa === "function") {
          let s = "";
          for (let i = 0; i < buf.length; ++i)
            s += String.fromCharCode(buf[i]);
          str = btoa(s);
        } else {
          throw new Error("This environment does not support writing binary tags; either Buffer or btoa is required");
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
          const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
          const n = Math.ceil(str.length / lineWidth);
          const lines = new Array(n);
          for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
            lines[i] = str.substr(o, lineWidth);
          }
          str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? "\n" : " ");
        }
        return stringifyString.stringifyString({ comment: comment2, type, value: str }, ctx, onComment, onChompKeep);
      }
    };
    exports.binary = binary;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/pairs.js
var require_pairs = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/pairs.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLSeq = require_YAMLSeq();
    function resolvePairs(seq, onError) {
      if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
          let item = seq.items[i];
          if (identity.isPair(item))
            continue;
          else if (identity.isMap(item)) {
            if (item.items.length > 1)
              onError("Each pair must have its own sequence indicator");
            const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
            if (item.commentBefore)
              pair.key.commentBefore = pair.key.commentBefore ? `${item.commentBefore}
${pair.key.commentBefore}` : item.commentBefore;
            if (item.comment) {
              const cn = pair.value ?? pair.key;
              cn.comment = cn.comment ? `${item.comment}
${cn.comment}` : item.comment;
            }
            item = pair;
          }
          seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
      } else
        onError("Expected a sequence for this tag");
      return seq;
    }
    function createPairs(schema, iterable, ctx) {
      const { replacer } = ctx;
      const pairs2 = new YAMLSeq.YAMLSeq(schema);
      pairs2.tag = "tag:yaml.org,2002:pairs";
      let i = 0;
      if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
          if (typeof replacer === "function")
            it = replacer.call(iterable, String(i++), it);
          let key, value;
          if (Array.isArray(it)) {
            if (it.length === 2) {
              key = it[0];
              value = it[1];
            } else
              throw new TypeError(`Expected [key, value] tuple: ${it}`);
          } else if (it && it instanceof Object) {
            const keys = Object.keys(it);
            if (keys.length === 1) {
              key = keys[0];
              value = it[key];
            } else {
              throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
            }
          } else {
            key = it;
          }
          pairs2.items.push(Pair.createPair(key, value, ctx));
        }
      return pairs2;
    }
    var pairs = {
      collection: "seq",
      default: false,
      tag: "tag:yaml.org,2002:pairs",
      resolve: resolvePairs,
      createNode: createPairs
    };
    exports.createPairs = createPairs;
    exports.pairs = pairs;
    exports.resolvePairs = resolvePairs;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/omap.js
var require_omap = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/omap.js"(exports) {
    "use strict";
    var identity = require_identity();
    var toJS = require_toJS();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var pairs = require_pairs();
    var YAMLOMap = class _YAMLOMap extends YAMLSeq.YAMLSeq {
      constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = _YAMLOMap.tag;
      }
      /**
       * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
       * but TypeScript won't allow widening the signature of a child method.
       */
      toJSON(_, ctx) {
        if (!ctx)
          return super.toJSON(_);
        const map = /* @__PURE__ */ new Map();
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const pair of this.items) {
          let key, value;
          if (identity.isPair(pair)) {
            key = toJS.toJS(pair.key, "", ctx);
            value = toJS.toJS(pair.value, key, ctx);
          } else {
            key = toJS.toJS(pair, "", ctx);
          }
          if (map.has(key))
            throw new Error("Ordered maps must not include duplicate keys");
          map.set(key, value);
        }
        return map;
      }
      static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap2 = new this();
        omap2.items = pairs$1.items;
        return omap2;
      }
    };
    YAMLOMap.tag = "tag:yaml.org,2002:omap";
    var omap = {
      collection: "seq",
      identify: (value) => value instanceof Map,
      nodeClass: YAMLOMap,
      default: false,
      tag: "tag:yaml.org,2002:omap",
      resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
          if (identity.isScalar(key)) {
            if (seenKeys.includes(key.value)) {
              onError(`Ordered maps must not include duplicate keys: ${key.value}`);
            } else {
              seenKeys.push(key.value);
            }
          }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
      },
      createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
    };
    exports.YAMLOMap = YAMLOMap;
    exports.omap = omap;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/bool.js
var require_bool2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function boolStringify({ value, source }, ctx) {
      const boolObj = value ? trueTag : falseTag;
      if (source && boolObj.test.test(source))
        return source;
      return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
    var trueTag = {
      identify: (value) => value === true,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
      resolve: () => new Scalar.Scalar(true),
      stringify: boolStringify
    };
    var falseTag = {
      identify: (value) => value === false,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
      resolve: () => new Scalar.Scalar(false),
      stringify: boolStringify
    };
    exports.falseTag = falseTag;
    exports.trueTag = trueTag;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/float.js
var require_float2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str.replace(/_/g, "")),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
      resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, "")));
        const dot = str.indexOf(".");
        if (dot !== -1) {
          const f = str.substring(dot + 1).replace(/_/g, "");
          if (f[f.length - 1] === "0")
            node.minFractionDigits = f.length;
        }
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/int.js
var require_int2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    function intResolve(str, offset, radix, { intAsBigInt }) {
      const sign = str[0];
      if (sign === "-" || sign === "+")
        offset += 1;
      str = str.substring(offset).replace(/_/g, "");
      if (intAsBigInt) {
        switch (radix) {
          case 2:
            str = `0b${str}`;
            break;
          case 8:
            str = `0o${str}`;
            break;
          case 16:
            str = `0x${str}`;
            break;
        }
        const n2 = BigInt(str);
        return sign === "-" ? BigInt(-1) * n2 : n2;
      }
      const n = parseInt(str, radix);
      return sign === "-" ? -1 * n : n;
    }
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? "-" + prefix + str.substr(1) : prefix + str;
      }
      return stringifyNumber.stringifyNumber(node);
    }
    var intBin = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "BIN",
      test: /^[-+]?0b[0-1_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
      stringify: (node) => intStringify(node, 2, "0b")
    };
    var intOct = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^[-+]?0[0-7_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
      stringify: (node) => intStringify(node, 8, "0")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9][0-9_]*$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^[-+]?0x[0-9a-fA-F_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intBin = intBin;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/set.js
var require_set = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/set.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSet = class _YAMLSet extends YAMLMap.YAMLMap {
      constructor(schema) {
        super(schema);
        this.tag = _YAMLSet.tag;
      }
      add(key) {
        let pair;
        if (identity.isPair(key))
          pair = key;
        else if (key && typeof key === "object" && "key" in key && "value" in key && key.value === null)
          pair = new Pair.Pair(key.key, null);
        else
          pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
          this.items.push(pair);
      }
      /**
       * If `keepPair` is `true`, returns the Pair matching `key`.
       * Otherwise, returns the value of that Pair's key.
       */
      get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair) ? identity.isScalar(pair.key) ? pair.key.value : pair.key : pair;
      }
      set(key, value) {
        if (typeof value !== "boolean")
          throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
          this.items.splice(this.items.indexOf(prev), 1);
        } else if (!prev && value) {
          this.items.push(new Pair.Pair(key));
        }
      }
      toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        if (this.hasAllNullValues(true))
          return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
          throw new Error("Set items must all have null values");
      }
      static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set2 = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
          for (let value of iterable) {
            if (typeof replacer === "function")
              value = replacer.call(iterable, value, value);
            set2.items.push(Pair.createPair(value, null, ctx));
          }
        return set2;
      }
    };
    YAMLSet.tag = "tag:yaml.org,2002:set";
    var set = {
      collection: "map",
      identify: (value) => value instanceof Set,
      nodeClass: YAMLSet,
      default: false,
      tag: "tag:yaml.org,2002:set",
      createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
      resolve(map, onError) {
        if (identity.isMap(map)) {
          if (map.hasAllNullValues(true))
            return Object.assign(new YAMLSet(), map);
          else
            onError("Set items must all have null values");
        } else
          onError("Expected a mapping for this tag");
        return map;
      }
    };
    exports.YAMLSet = YAMLSet;
    exports.set = set;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/timestamp.js
var require_timestamp = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/timestamp.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    function parseSexagesimal(str, asBigInt) {
      const sign = str[0];
      const parts = sign === "-" || sign === "+" ? str.substring(1) : str;
      const num = (n) => asBigInt ? BigInt(n) : Number(n);
      const res = parts.replace(/_/g, "").split(":").reduce((res2, p) => res2 * num(60) + num(p), num(0));
      return sign === "-" ? num(-1) * res : res;
    }
    function stringifySexagesimal(node) {
      let { value } = node;
      let num = (n) => n;
      if (typeof value === "bigint")
        num = (n) => BigInt(n);
      else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
      let sign = "";
      if (value < 0) {
        sign = "-";
        value *= num(-1);
      }
      const _60 = num(60);
      const parts = [value % _60];
      if (value < 60) {
        parts.unshift(0);
      } else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60);
        if (value >= 60) {
          value = (value - parts[0]) / _60;
          parts.unshift(value);
        }
      }
      return sign + parts.map((n) => String(n).padStart(2, "0")).join(":").replace(/000000\d*$/, "");
    }
    var intTime = {
      identify: (value) => typeof value === "bigint" || Number.isInteger(value),
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
      resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
      stringify: stringifySexagesimal
    };
    var floatTime = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
      resolve: (str) => parseSexagesimal(str, false),
      stringify: stringifySexagesimal
    };
    var timestamp = {
      identify: (value) => value instanceof Date,
      default: true,
      tag: "tag:yaml.org,2002:timestamp",
      // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
      // may be omitted altogether, resulting in a date format. In such a case, the time part is
      // assumed to be 00:00:00Z (start of day, UTC).
      test: RegExp("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$"),
      resolve(str) {
        const match = str.match(timestamp.test);
        if (!match)
          throw new Error("!!timestamp expects a date, starting with yyyy-mm-dd");
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + "00").substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== "Z") {
          let d = parseSexagesimal(tz, false);
          if (Math.abs(d) < 30)
            d *= 60;
          date -= 6e4 * d;
        }
        return new Date(date);
      },
      stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, "") ?? ""
    };
    exports.floatTime = floatTime;
    exports.intTime = intTime;
    exports.timestamp = timestamp;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/schema.js
var require_schema3 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var binary = require_binary();
    var bool = require_bool2();
    var float = require_float2();
    var int = require_int2();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var set = require_set();
    var timestamp = require_timestamp();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.trueTag,
      bool.falseTag,
      int.intBin,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float,
      binary.binary,
      merge.merge,
      omap.omap,
      pairs.pairs,
      set.set,
      timestamp.intTime,
      timestamp.floatTime,
      timestamp.timestamp
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/tags.js
var require_tags = __commonJS({
  "node_modules/yaml/dist/schema/tags.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = require_schema();
    var schema$1 = require_schema2();
    var binary = require_binary();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var schema$2 = require_schema3();
    var set = require_set();
    var timestamp = require_timestamp();
    var schemas = /* @__PURE__ */ new Map([
      ["core", schema.schema],
      ["failsafe", [map.map, seq.seq, string.string]],
      ["json", schema$1.schema],
      ["yaml11", schema$2.schema],
      ["yaml-1.1", schema$2.schema]
    ]);
    var tagsByName = {
      binary: binary.binary,
      bool: bool.boolTag,
      float: float.float,
      floatExp: float.floatExp,
      floatNaN: float.floatNaN,
      floatTime: timestamp.floatTime,
      int: int.int,
      intHex: int.intHex,
      intOct: int.intOct,
      intTime: timestamp.intTime,
      map: map.map,
      merge: merge.merge,
      null: _null.nullTag,
      omap: omap.omap,
      pairs: pairs.pairs,
      seq: seq.seq,
      set: set.set,
      timestamp: timestamp.timestamp
    };
    var coreKnownTags = {
      "tag:yaml.org,2002:binary": binary.binary,
      "tag:yaml.org,2002:merge": merge.merge,
      "tag:yaml.org,2002:omap": omap.omap,
      "tag:yaml.org,2002:pairs": pairs.pairs,
      "tag:yaml.org,2002:set": set.set,
      "tag:yaml.org,2002:timestamp": timestamp.timestamp
    };
    function getTags(customTags, schemaName, addMergeTag) {
      const schemaTags = schemas.get(schemaName);
      if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge) ? schemaTags.concat(merge.merge) : schemaTags.slice();
      }
      let tags = schemaTags;
      if (!tags) {
        if (Array.isArray(customTags))
          tags = [];
        else {
          const keys = Array.from(schemas.keys()).filter((key) => key !== "yaml11").map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
      }
      if (Array.isArray(customTags)) {
        for (const tag of customTags)
          tags = tags.concat(tag);
      } else if (typeof customTags === "function") {
        tags = customTags(tags.slice());
      }
      if (addMergeTag)
        tags = tags.concat(merge.merge);
      return tags.reduce((tags2, tag) => {
        const tagObj = typeof tag === "string" ? tagsByName[tag] : tag;
        if (!tagObj) {
          const tagName = JSON.stringify(tag);
          const keys = Object.keys(tagsByName).map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags2.includes(tagObj))
          tags2.push(tagObj);
        return tags2;
      }, []);
    }
    exports.coreKnownTags = coreKnownTags;
    exports.getTags = getTags;
  }
});

// node_modules/yaml/dist/schema/Schema.js
var require_Schema = __commonJS({
  "node_modules/yaml/dist/schema/Schema.js"(exports) {
    "use strict";
    var identity = require_identity();
    var map = require_map();
    var seq = require_seq();
    var string = require_string();
    var tags = require_tags();
    var sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    var Schema2 = class _Schema {
      constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat) ? tags.getTags(compat, "compat") : compat ? tags.getTags(null, compat) : null;
        this.name = typeof schema === "string" && schema || "core";
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        this.sortMapEntries = typeof sortMapEntries === "function" ? sortMapEntries : sortMapEntries === true ? sortMapEntriesByKey : null;
      }
      clone() {
        const copy = Object.create(_Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
      }
    };
    exports.Schema = Schema2;
  }
});

// node_modules/yaml/dist/stringify/stringifyDocument.js
var require_stringifyDocument = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyDocument.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify2 = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyDocument(doc, options) {
      const lines = [];
      let hasDirectives = options.directives === true;
      if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
          lines.push(dir);
          hasDirectives = true;
        } else if (doc.directives.docStart)
          hasDirectives = true;
      }
      if (hasDirectives)
        lines.push("---");
      const ctx = stringify2.createStringifyContext(doc, options);
      const { commentString } = ctx.options;
      if (doc.commentBefore) {
        if (lines.length !== 1)
          lines.unshift("");
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ""));
      }
      let chompKeep = false;
      let contentComment = null;
      if (doc.contents) {
        if (identity.isNode(doc.contents)) {
          if (doc.contents.spaceBefore && hasDirectives)
            lines.push("");
          if (doc.contents.commentBefore) {
            const cs = commentString(doc.contents.commentBefore);
            lines.push(stringifyComment.indentComment(cs, ""));
          }
          ctx.forceBlockIndent = !!doc.comment;
          contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? void 0 : () => chompKeep = true;
        let body = stringify2.stringify(doc.contents, ctx, () => contentComment = null, onChompKeep);
        if (contentComment)
          body += stringifyComment.lineComment(body, "", commentString(contentComment));
        if ((body[0] === "|" || body[0] === ">") && lines[lines.length - 1] === "---") {
          lines[lines.length - 1] = `--- ${body}`;
        } else
          lines.push(body);
      } else {
        lines.push(stringify2.stringify(doc.contents, ctx));
      }
      if (doc.directives?.docEnd) {
        if (doc.comment) {
          const cs = commentString(doc.comment);
          if (cs.includes("\n")) {
            lines.push("...");
            lines.push(stringifyComment.indentComment(cs, ""));
          } else {
            lines.push(`... ${cs}`);
          }
        } else {
          lines.push("...");
        }
      } else {
        let dc = doc.comment;
        if (dc && chompKeep)
          dc = dc.replace(/^\n+/, "");
        if (dc) {
          if ((!chompKeep || contentComment) && lines[lines.length - 1] !== "")
            lines.push("");
          lines.push(stringifyComment.indentComment(commentString(dc), ""));
        }
      }
      return lines.join("\n") + "\n";
    }
    exports.stringifyDocument = stringifyDocument;
  }
});

// node_modules/yaml/dist/doc/Document.js
var require_Document = __commonJS({
  "node_modules/yaml/dist/doc/Document.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var toJS = require_toJS();
    var Schema2 = require_Schema();
    var stringifyDocument = require_stringifyDocument();
    var anchors = require_anchors();
    var applyReviver = require_applyReviver();
    var createNode = require_createNode();
    var directives = require_directives();
    var Document = class _Document {
      constructor(value, replacer, options) {
        this.commentBefore = null;
        this.comment = null;
        this.errors = [];
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === "function" || Array.isArray(replacer)) {
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const opt = Object.assign({
          intAsBigInt: false,
          keepSourceTokens: false,
          logLevel: "warn",
          prettyErrors: true,
          strict: true,
          stringKeys: false,
          uniqueKeys: true,
          version: "1.2"
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
          this.directives = options._directives.atDocument();
          if (this.directives.yaml.explicit)
            version = this.directives.yaml.version;
        } else
          this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        this.contents = value === void 0 ? null : this.createNode(value, _replacer, options);
      }
      /**
       * Create a deep copy of this Document and its contents.
       *
       * Custom Node values that inherit from `Object` still refer to their original instances.
       */
      clone() {
        const copy = Object.create(_Document.prototype, {
          [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
          copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        copy.contents = identity.isNode(this.contents) ? this.contents.clone(copy.schema) : this.contents;
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** Adds a value to the document. */
      add(value) {
        if (assertCollection(this.contents))
          this.contents.add(value);
      }
      /** Adds a value to the document. */
      addIn(path, value) {
        if (assertCollection(this.contents))
          this.contents.addIn(path, value);
      }
      /**
       * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
       *
       * If `node` already has an anchor, `name` is ignored.
       * Otherwise, the `node.anchor` value will be set to `name`,
       * or if an anchor with that name is already present in the document,
       * `name` will be used as a prefix for a new unique anchor.
       * If `name` is undefined, the generated anchor will use 'a' as a prefix.
       */
      createAlias(node, name) {
        if (!node.anchor) {
          const prev = anchors.anchorNames(this);
          node.anchor = // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          !name || prev.has(name) ? anchors.findNewAnchor(name || "a", prev) : name;
        }
        return new Alias.Alias(node.anchor);
      }
      createNode(value, replacer, options) {
        let _replacer = void 0;
        if (typeof replacer === "function") {
          value = replacer.call({ "": value }, "", value);
          _replacer = replacer;
        } else if (Array.isArray(replacer)) {
          const keyToStr = (v) => typeof v === "number" || v instanceof String || v instanceof Number;
          const asStr = replacer.filter(keyToStr).map(String);
          if (asStr.length > 0)
            replacer = replacer.concat(asStr);
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(
          this,
          // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          anchorPrefix || "a"
        );
        const ctx = {
          aliasDuplicateObjects: aliasDuplicateObjects ?? true,
          keepUndefined: keepUndefined ?? false,
          onAnchor,
          onTagObj,
          replacer: _replacer,
          schema: this.schema,
          sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
          node.flow = true;
        setAnchors();
        return node;
      }
      /**
       * Convert a key and a value into a `Pair` using the current schema,
       * recursively wrapping all values as `Scalar` or `Collection` nodes.
       */
      createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path) {
        if (Collection.isEmptyPath(path)) {
          if (this.contents == null)
            return false;
          this.contents = null;
          return true;
        }
        return assertCollection(this.contents) ? this.contents.deleteIn(path) : false;
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      get(key, keepScalar) {
        return identity.isCollection(this.contents) ? this.contents.get(key, keepScalar) : void 0;
      }
      /**
       * Returns item at `path`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path, keepScalar) {
        if (Collection.isEmptyPath(path))
          return !keepScalar && identity.isScalar(this.contents) ? this.contents.value : this.contents;
        return identity.isCollection(this.contents) ? this.contents.getIn(path, keepScalar) : void 0;
      }
      /**
       * Checks if the document includes a value with the key `key`.
       */
      has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
      }
      /**
       * Checks if the document includes a value at `path`.
       */
      hasIn(path) {
        if (Collection.isEmptyPath(path))
          return this.contents !== void 0;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path) : false;
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      set(key, value) {
        if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, [key], value);
        } else if (assertCollection(this.contents)) {
          this.contents.set(key, value);
        }
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path, value) {
        if (Collection.isEmptyPath(path)) {
          this.contents = value;
        } else if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value);
        } else if (assertCollection(this.contents)) {
          this.contents.setIn(path, value);
        }
      }
      /**
       * Change the YAML version and schema used by the document.
       * A `null` version disables support for directives, explicit tags, anchors, and aliases.
       * It also requires the `schema` option to be given as a `Schema` instance value.
       *
       * Overrides all previously set schema options.
       */
      setSchema(version, options = {}) {
        if (typeof version === "number")
          version = String(version);
        let opt;
        switch (version) {
          case "1.1":
            if (this.directives)
              this.directives.yaml.version = "1.1";
            else
              this.directives = new directives.Directives({ version: "1.1" });
            opt = { resolveKnownTags: false, schema: "yaml-1.1" };
            break;
          case "1.2":
          case "next":
            if (this.directives)
              this.directives.yaml.version = version;
            else
              this.directives = new directives.Directives({ version });
            opt = { resolveKnownTags: true, schema: "core" };
            break;
          case null:
            if (this.directives)
              delete this.directives;
            opt = null;
            break;
          default: {
            const sv = JSON.stringify(version);
            throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
          }
        }
        if (options.schema instanceof Object)
          this.schema = options.schema;
        else if (opt)
          this.schema = new Schema2.Schema(Object.assign(opt, options));
        else
          throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
      }
      // json & jsonArg are only used from toJSON()
      toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc: this,
          keep: !json,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
      /**
       * A JSON representation of the document `contents`.
       *
       * @param jsonArg Used by `JSON.stringify` to indicate the array index or
       *   property name.
       */
      toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
      }
      /** A YAML representation of the document. */
      toString(options = {}) {
        if (this.errors.length > 0)
          throw new Error("Document with errors cannot be stringified");
        if ("indent" in options && (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
          const s = JSON.stringify(options.indent);
          throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
      }
    };
    function assertCollection(contents) {
      if (identity.isCollection(contents))
        return true;
      throw new Error("Expected a YAML collection as document contents");
    }
    exports.Document = Document;
  }
});

// node_modules/yaml/dist/errors.js
var require_errors = __commonJS({
  "node_modules/yaml/dist/errors.js"(exports) {
    "use strict";
    var YAMLError = class extends Error {
      constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
      }
    };
    var YAMLParseError = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLParseError", pos, code, message);
      }
    };
    var YAMLWarning = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLWarning", pos, code, message);
      }
    };
    var prettifyError = (src, lc) => (error) => {
      if (error.pos[0] === -1)
        return;
      error.linePos = error.pos.map((pos) => lc.linePos(pos));
      const { line, col } = error.linePos[0];
      error.message += ` at line ${line}, column ${col}`;
      let ci = col - 1;
      let lineStr = src.substring(lc.lineStarts[line - 1], lc.lineStarts[line]).replace(/[\n\r]+$/, "");
      if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = "\u2026" + lineStr.substring(trimStart);
        ci -= trimStart - 1;
      }
      if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + "\u2026";
      if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
          prev = prev.substring(0, 79) + "\u2026\n";
        lineStr = prev + lineStr;
      }
      if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
          count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = " ".repeat(ci) + "^".repeat(count);
        error.message += `:

${lineStr}
${pointer}
`;
      }
    };
    exports.YAMLError = YAMLError;
    exports.YAMLParseError = YAMLParseError;
    exports.YAMLWarning = YAMLWarning;
    exports.prettifyError = prettifyError;
  }
});

// node_modules/yaml/dist/compose/resolve-props.js
var require_resolve_props = __commonJS({
  "node_modules/yaml/dist/compose/resolve-props.js"(exports) {
    "use strict";
    function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
      let spaceBefore = false;
      let atNewline = startOnNewline;
      let hasSpace = startOnNewline;
      let comment2 = "";
      let commentSep = "";
      let hasNewline = false;
      let reqSpace = false;
      let tab = null;
      let anchor = null;
      let tag = null;
      let newlineAfterProp = null;
      let comma = null;
      let found = null;
      let start = null;
      for (const token of tokens) {
        if (reqSpace) {
          if (token.type !== "space" && token.type !== "newline" && token.type !== "comma")
            onError(token.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
          reqSpace = false;
        }
        if (tab) {
          if (atNewline && token.type !== "comment" && token.type !== "newline") {
            onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
          }
          tab = null;
        }
        switch (token.type) {
          case "space":
            if (!flow && (indicator !== "doc-start" || next?.type !== "flow-collection") && token.source.includes("	")) {
              tab = token;
            }
            hasSpace = true;
            break;
          case "comment": {
            if (!hasSpace)
              onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
            const cb = token.source.substring(1) || " ";
            if (!comment2)
              comment2 = cb;
            else
              comment2 += commentSep + cb;
            commentSep = "";
            atNewline = false;
            break;
          }
          case "newline":
            if (atNewline) {
              if (comment2)
                comment2 += token.source;
              else if (!found || indicator !== "seq-item-ind")
                spaceBefore = true;
            } else
              commentSep += token.source;
            atNewline = true;
            hasNewline = true;
            if (anchor || tag)
              newlineAfterProp = token;
            hasSpace = true;
            break;
          case "anchor":
            if (anchor)
              onError(token, "MULTIPLE_ANCHORS", "A node can have at most one anchor");
            if (token.source.endsWith(":"))
              onError(token.offset + token.source.length - 1, "BAD_ALIAS", "Anchor ending in : is ambiguous", true);
            anchor = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          case "tag": {
            if (tag)
              onError(token, "MULTIPLE_TAGS", "A node can have at most one tag");
            tag = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          }
          case indicator:
            if (anchor || tag)
              onError(token, "BAD_PROP_ORDER", `Anchors and tags must be after the ${token.source} indicator`);
            if (found)
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.source} in ${flow ?? "collection"}`);
            found = token;
            atNewline = indicator === "seq-item-ind" || indicator === "explicit-key-ind";
            hasSpace = false;
            break;
          case "comma":
            if (flow) {
              if (comma)
                onError(token, "UNEXPECTED_TOKEN", `Unexpected , in ${flow}`);
              comma = token;
              atNewline = false;
              hasSpace = false;
              break;
            }
          // else fallthrough
          default:
            onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.type} token`);
            atNewline = false;
            hasSpace = false;
        }
      }
      const last = tokens[tokens.length - 1];
      const end = last ? last.offset + last.source.length : offset;
      if (reqSpace && next && next.type !== "space" && next.type !== "newline" && next.type !== "comma" && (next.type !== "scalar" || next.source !== "")) {
        onError(next.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
      }
      if (tab && (atNewline && tab.indent <= parentIndent || next?.type === "block-map" || next?.type === "block-seq"))
        onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
      return {
        comma,
        found,
        spaceBefore,
        comment: comment2,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
      };
    }
    exports.resolveProps = resolveProps;
  }
});

// node_modules/yaml/dist/compose/util-contains-newline.js
var require_util_contains_newline = __commonJS({
  "node_modules/yaml/dist/compose/util-contains-newline.js"(exports) {
    "use strict";
    function containsNewline(key) {
      if (!key)
        return null;
      switch (key.type) {
        case "alias":
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          if (key.source.includes("\n"))
            return true;
          if (key.end) {
            for (const st of key.end)
              if (st.type === "newline")
                return true;
          }
          return false;
        case "flow-collection":
          for (const it of key.items) {
            for (const st of it.start)
              if (st.type === "newline")
                return true;
            if (it.sep) {
              for (const st of it.sep)
                if (st.type === "newline")
                  return true;
            }
            if (containsNewline(it.key) || containsNewline(it.value))
              return true;
          }
          return false;
        default:
          return true;
      }
    }
    exports.containsNewline = containsNewline;
  }
});

// node_modules/yaml/dist/compose/util-flow-indent-check.js
var require_util_flow_indent_check = __commonJS({
  "node_modules/yaml/dist/compose/util-flow-indent-check.js"(exports) {
    "use strict";
    var utilContainsNewline = require_util_contains_newline();
    function flowIndentCheck(indent, fc, onError) {
      if (fc?.type === "flow-collection") {
        const end = fc.end[0];
        if (end.indent === indent && (end.source === "]" || end.source === "}") && utilContainsNewline.containsNewline(fc)) {
          const msg = "Flow end indicator should be more indented than parent";
          onError(end, "BAD_INDENT", msg, true);
        }
      }
    }
    exports.flowIndentCheck = flowIndentCheck;
  }
});

// node_modules/yaml/dist/compose/util-map-includes.js
var require_util_map_includes = __commonJS({
  "node_modules/yaml/dist/compose/util-map-includes.js"(exports) {
    "use strict";
    var identity = require_identity();
    function mapIncludes(ctx, items, search) {
      const { uniqueKeys } = ctx.options;
      if (uniqueKeys === false)
        return false;
      const isEqual = typeof uniqueKeys === "function" ? uniqueKeys : (a, b) => a === b || identity.isScalar(a) && identity.isScalar(b) && a.value === b.value;
      return items.some((pair) => isEqual(pair.key, search));
    }
    exports.mapIncludes = mapIncludes;
  }
});

// node_modules/yaml/dist/compose/resolve-block-map.js
var require_resolve_block_map = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-map.js"(exports) {
    "use strict";
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    var utilMapIncludes = require_util_map_includes();
    var startColMsg = "All mapping items must start at the same column";
    function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
      const map = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      let offset = bm.offset;
      let commentEnd = null;
      for (const collItem of bm.items) {
        const { start, key, sep: sep8, value } = collItem;
        const keyProps = resolveProps.resolveProps(start, {
          indicator: "explicit-key-ind",
          next: key ?? sep8?.[0],
          offset,
          onError,
          parentIndent: bm.indent,
          startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
          if (key) {
            if (key.type === "block-seq")
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "A block sequence may not be used as an implicit map key");
            else if ("indent" in key && key.indent !== bm.indent)
              onError(offset, "BAD_INDENT", startColMsg);
          }
          if (!keyProps.anchor && !keyProps.tag && !sep8) {
            commentEnd = keyProps.end;
            if (keyProps.comment) {
              if (map.comment)
                map.comment += "\n" + keyProps.comment;
              else
                map.comment = keyProps.comment;
            }
            continue;
          }
          if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
            onError(key ?? start[start.length - 1], "MULTILINE_IMPLICIT_KEY", "Implicit keys need to be on a single line");
          }
        } else if (keyProps.found?.indent !== bm.indent) {
          onError(offset, "BAD_INDENT", startColMsg);
        }
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key ? composeNode(ctx, key, keyProps, onError) : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
          onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
        const valueProps = resolveProps.resolveProps(sep8 ?? [], {
          indicator: "map-value-ind",
          next: value,
          offset: keyNode.range[2],
          onError,
          parentIndent: bm.indent,
          startOnNewline: !key || key.type === "block-scalar"
        });
        offset = valueProps.end;
        if (valueProps.found) {
          if (implicitKey) {
            if (value?.type === "block-map" && !valueProps.hasNewline)
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "Nested mappings are not allowed in compact mappings");
            if (ctx.options.strict && keyProps.start < valueProps.found.offset - 1024)
              onError(keyNode.range, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit block mapping key");
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : composeEmptyNode(ctx, offset, sep8, null, valueProps, onError);
          if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
          offset = valueNode.range[2];
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        } else {
          if (implicitKey)
            onError(keyNode.range, "MISSING_CHAR", "Implicit map keys need to be followed by map values");
          if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        }
      }
      if (commentEnd && commentEnd < offset)
        onError(commentEnd, "IMPOSSIBLE", "Map comment with trailing content");
      map.range = [bm.offset, offset, commentEnd ?? offset];
      return map;
    }
    exports.resolveBlockMap = resolveBlockMap;
  }
});

// node_modules/yaml/dist/compose/resolve-block-seq.js
var require_resolve_block_seq = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-seq.js"(exports) {
    "use strict";
    var YAMLSeq = require_YAMLSeq();
    var resolveProps = require_resolve_props();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
      const seq = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = bs.offset;
      let commentEnd = null;
      for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
          indicator: "seq-item-ind",
          next: value,
          offset,
          onError,
          parentIndent: bs.indent,
          startOnNewline: true
        });
        if (!props.found) {
          if (props.anchor || props.tag || value) {
            if (value?.type === "block-seq")
              onError(props.end, "BAD_INDENT", "All sequence items must start at the same column");
            else
              onError(offset, "MISSING_CHAR", "Sequence item without - indicator");
          } else {
            commentEnd = props.end;
            if (props.comment)
              seq.comment = props.comment;
            continue;
          }
        }
        const node = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
      }
      seq.range = [bs.offset, offset, commentEnd ?? offset];
      return seq;
    }
    exports.resolveBlockSeq = resolveBlockSeq;
  }
});

// node_modules/yaml/dist/compose/resolve-end.js
var require_resolve_end = __commonJS({
  "node_modules/yaml/dist/compose/resolve-end.js"(exports) {
    "use strict";
    function resolveEnd(end, offset, reqSpace, onError) {
      let comment2 = "";
      if (end) {
        let hasSpace = false;
        let sep8 = "";
        for (const token of end) {
          const { source, type } = token;
          switch (type) {
            case "space":
              hasSpace = true;
              break;
            case "comment": {
              if (reqSpace && !hasSpace)
                onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
              const cb = source.substring(1) || " ";
              if (!comment2)
                comment2 = cb;
              else
                comment2 += sep8 + cb;
              sep8 = "";
              break;
            }
            case "newline":
              if (comment2)
                sep8 += source;
              hasSpace = true;
              break;
            default:
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${type} at node end`);
          }
          offset += source.length;
        }
      }
      return { comment: comment2, offset };
    }
    exports.resolveEnd = resolveEnd;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-collection.js
var require_resolve_flow_collection = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilMapIncludes = require_util_map_includes();
    var blockMsg = "Block collections are not allowed within flow collections";
    var isBlock = (token) => token && (token.type === "block-map" || token.type === "block-seq");
    function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
      const isMap3 = fc.start.source === "{";
      const fcName = isMap3 ? "flow map" : "flow sequence";
      const NodeClass = tag?.nodeClass ?? (isMap3 ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq);
      const coll = new NodeClass(ctx.schema);
      coll.flow = true;
      const atRoot = ctx.atRoot;
      if (atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = fc.offset + fc.start.source.length;
      for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep: sep8, value } = collItem;
        const props = resolveProps.resolveProps(start, {
          flow: fcName,
          indicator: "explicit-key-ind",
          next: key ?? sep8?.[0],
          offset,
          onError,
          parentIndent: fc.indent,
          startOnNewline: false
        });
        if (!props.found) {
          if (!props.anchor && !props.tag && !sep8 && !value) {
            if (i === 0 && props.comma)
              onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
            else if (i < fc.items.length - 1)
              onError(props.start, "UNEXPECTED_TOKEN", `Unexpected empty item in ${fcName}`);
            if (props.comment) {
              if (coll.comment)
                coll.comment += "\n" + props.comment;
              else
                coll.comment = props.comment;
            }
            offset = props.end;
            continue;
          }
          if (!isMap3 && ctx.options.strict && utilContainsNewline.containsNewline(key))
            onError(
              key,
              // checked by containsNewline()
              "MULTILINE_IMPLICIT_KEY",
              "Implicit keys of flow sequence pairs need to be on a single line"
            );
        }
        if (i === 0) {
          if (props.comma)
            onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
        } else {
          if (!props.comma)
            onError(props.start, "MISSING_CHAR", `Missing , between ${fcName} items`);
          if (props.comment) {
            let prevItemComment = "";
            loop: for (const st of start) {
              switch (st.type) {
                case "comma":
                case "space":
                  break;
                case "comment":
                  prevItemComment = st.source.substring(1);
                  break loop;
                default:
                  break loop;
              }
            }
            if (prevItemComment) {
              let prev = coll.items[coll.items.length - 1];
              if (identity.isPair(prev))
                prev = prev.value ?? prev.key;
              if (prev.comment)
                prev.comment += "\n" + prevItemComment;
              else
                prev.comment = prevItemComment;
              props.comment = props.comment.substring(prevItemComment.length + 1);
            }
          }
        }
        if (!isMap3 && !sep8 && !props.found) {
          const valueNode = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, sep8, null, props, onError);
          coll.items.push(valueNode);
          offset = valueNode.range[2];
          if (isBlock(value))
            onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
        } else {
          ctx.atKey = true;
          const keyStart = props.end;
          const keyNode = key ? composeNode(ctx, key, props, onError) : composeEmptyNode(ctx, keyStart, start, null, props, onError);
          if (isBlock(key))
            onError(keyNode.range, "BLOCK_IN_FLOW", blockMsg);
          ctx.atKey = false;
          const valueProps = resolveProps.resolveProps(sep8 ?? [], {
            flow: fcName,
            indicator: "map-value-ind",
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
          });
          if (valueProps.found) {
            if (!isMap3 && !props.found && ctx.options.strict) {
              if (sep8)
                for (const st of sep8) {
                  if (st === valueProps.found)
                    break;
                  if (st.type === "newline") {
                    onError(st, "MULTILINE_IMPLICIT_KEY", "Implicit keys of flow sequence pairs need to be on a single line");
                    break;
                  }
                }
              if (props.start < valueProps.found.offset - 1024)
                onError(valueProps.found, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit flow sequence key");
            }
          } else if (value) {
            if ("source" in value && value.source?.[0] === ":")
              onError(value, "MISSING_CHAR", `Missing space after : in ${fcName}`);
            else
              onError(valueProps.start, "MISSING_CHAR", `Missing , or : between ${fcName} items`);
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : valueProps.found ? composeEmptyNode(ctx, valueProps.end, sep8, null, valueProps, onError) : null;
          if (valueNode) {
            if (isBlock(value))
              onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
          } else if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          if (isMap3) {
            const map = coll;
            if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
              onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
            map.items.push(pair);
          } else {
            const map = new YAMLMap.YAMLMap(ctx.schema);
            map.flow = true;
            map.items.push(pair);
            const endRange = (valueNode ?? keyNode).range;
            map.range = [keyNode.range[0], endRange[1], endRange[2]];
            coll.items.push(map);
          }
          offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
      }
      const expectedEnd = isMap3 ? "}" : "]";
      const [ce, ...ee] = fc.end;
      let cePos = offset;
      if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
      else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot ? `${name} must end with a ${expectedEnd}` : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? "MISSING_CHAR" : "BAD_INDENT", msg);
        if (ce && ce.source.length !== 1)
          ee.unshift(ce);
      }
      if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
          if (coll.comment)
            coll.comment += "\n" + end.comment;
          else
            coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
      } else {
        coll.range = [fc.offset, cePos, cePos];
      }
      return coll;
    }
    exports.resolveFlowCollection = resolveFlowCollection;
  }
});

// node_modules/yaml/dist/compose/compose-collection.js
var require_compose_collection = __commonJS({
  "node_modules/yaml/dist/compose/compose-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveBlockMap = require_resolve_block_map();
    var resolveBlockSeq = require_resolve_block_seq();
    var resolveFlowCollection = require_resolve_flow_collection();
    function resolveCollection(CN, ctx, token, onError, tagName, tag) {
      const coll = token.type === "block-map" ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag) : token.type === "block-seq" ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag) : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
      const Coll = coll.constructor;
      if (tagName === "!" || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
      }
      if (tagName)
        coll.tag = tagName;
      return coll;
    }
    function composeCollection(CN, ctx, token, props, onError) {
      const tagToken = props.tag;
      const tagName = !tagToken ? null : ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg));
      if (token.type === "block-seq") {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken ? anchor.offset > tagToken.offset ? anchor : tagToken : anchor ?? tagToken;
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
          const message = "Missing newline after block sequence props";
          onError(lastProp, "MISSING_CHAR", message);
        }
      }
      const expType = token.type === "block-map" ? "map" : token.type === "block-seq" ? "seq" : token.start.source === "{" ? "map" : "seq";
      if (!tagToken || !tagName || tagName === "!" || tagName === YAMLMap.YAMLMap.tagName && expType === "map" || tagName === YAMLSeq.YAMLSeq.tagName && expType === "seq") {
        return resolveCollection(CN, ctx, token, onError, tagName);
      }
      let tag = ctx.schema.tags.find((t) => t.tag === tagName && t.collection === expType);
      if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
          ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
          tag = kt;
        } else {
          if (kt) {
            onError(tagToken, "BAD_COLLECTION_TYPE", `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? "scalar"}`, true);
          } else {
            onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, true);
          }
          return resolveCollection(CN, ctx, token, onError, tagName);
        }
      }
      const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
      const res = tag.resolve?.(coll, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg), ctx.options) ?? coll;
      const node = identity.isNode(res) ? res : new Scalar.Scalar(res);
      node.range = coll.range;
      node.tag = tagName;
      if (tag?.format)
        node.format = tag.format;
      return node;
    }
    exports.composeCollection = composeCollection;
  }
});

// node_modules/yaml/dist/compose/resolve-block-scalar.js
var require_resolve_block_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function resolveBlockScalar(ctx, scalar2, onError) {
      const start = scalar2.offset;
      const header = parseBlockScalarHeader(scalar2, ctx.options.strict, onError);
      if (!header)
        return { value: "", type: null, comment: "", range: [start, start, start] };
      const type = header.mode === ">" ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
      const lines = scalar2.source ? splitLines(scalar2.source) : [];
      let chompStart = lines.length;
      for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === "" || content === "\r")
          chompStart = i;
        else
          break;
      }
      if (chompStart === 0) {
        const value2 = header.chomp === "+" && lines.length > 0 ? "\n".repeat(Math.max(1, lines.length - 1)) : "";
        let end2 = start + header.length;
        if (scalar2.source)
          end2 += scalar2.source.length;
        return { value: value2, type, comment: header.comment, range: [start, end2, end2] };
      }
      let trimIndent = scalar2.indent + header.indent;
      let offset = scalar2.offset + header.length;
      let contentStart = 0;
      for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === "" || content === "\r") {
          if (header.indent === 0 && indent.length > trimIndent)
            trimIndent = indent.length;
        } else {
          if (indent.length < trimIndent) {
            const message = "Block scalars with more-indented leading empty lines must use an explicit indentation indicator";
            onError(offset + indent.length, "MISSING_CHAR", message);
          }
          if (header.indent === 0)
            trimIndent = indent.length;
          contentStart = i;
          if (trimIndent === 0 && !ctx.atRoot) {
            const message = "Block scalar values in collections must be indented";
            onError(offset, "BAD_INDENT", message);
          }
          break;
        }
        offset += indent.length + content.length + 1;
      }
      for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
          chompStart = i + 1;
      }
      let value = "";
      let sep8 = "";
      let prevMoreIndented = false;
      for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + "\n";
      for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === "\r";
        if (crlf)
          content = content.slice(0, -1);
        if (content && indent.length < trimIndent) {
          const src = header.indent ? "explicit indentation indicator" : "first line";
          const message = `Block scalar lines must not be less indented than their ${src}`;
          onError(offset - content.length - (crlf ? 2 : 1), "BAD_INDENT", message);
          indent = "";
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
          value += sep8 + indent.slice(trimIndent) + content;
          sep8 = "\n";
        } else if (indent.length > trimIndent || content[0] === "	") {
          if (sep8 === " ")
            sep8 = "\n";
          else if (!prevMoreIndented && sep8 === "\n")
            sep8 = "\n\n";
          value += sep8 + indent.slice(trimIndent) + content;
          sep8 = "\n";
          prevMoreIndented = true;
        } else if (content === "") {
          if (sep8 === "\n")
            value += "\n";
          else
            sep8 = "\n";
        } else {
          value += sep8 + content;
          sep8 = " ";
          prevMoreIndented = false;
        }
      }
      switch (header.chomp) {
        case "-":
          break;
        case "+":
          for (let i = chompStart; i < lines.length; ++i)
            value += "\n" + lines[i][0].slice(trimIndent);
          if (value[value.length - 1] !== "\n")
            value += "\n";
          break;
        default:
          value += "\n";
      }
      const end = start + header.length + scalar2.source.length;
      return { value, type, comment: header.comment, range: [start, end, end] };
    }
    function parseBlockScalarHeader({ offset, props }, strict, onError) {
      if (props[0].type !== "block-scalar-header") {
        onError(props[0], "IMPOSSIBLE", "Block scalar header not found");
        return null;
      }
      const { source } = props[0];
      const mode = source[0];
      let indent = 0;
      let chomp = "";
      let error = -1;
      for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === "-" || ch === "+"))
          chomp = ch;
        else {
          const n = Number(ch);
          if (!indent && n)
            indent = n;
          else if (error === -1)
            error = offset + i;
        }
      }
      if (error !== -1)
        onError(error, "UNEXPECTED_TOKEN", `Block scalar header includes extra characters: ${source}`);
      let hasSpace = false;
      let comment2 = "";
      let length = source.length;
      for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
          case "space":
            hasSpace = true;
          // fallthrough
          case "newline":
            length += token.source.length;
            break;
          case "comment":
            if (strict && !hasSpace) {
              const message = "Comments must be separated from other tokens by white space characters";
              onError(token, "MISSING_CHAR", message);
            }
            length += token.source.length;
            comment2 = token.source.substring(1);
            break;
          case "error":
            onError(token, "UNEXPECTED_TOKEN", token.message);
            length += token.source.length;
            break;
          /* istanbul ignore next should not happen */
          default: {
            const message = `Unexpected token in block scalar header: ${token.type}`;
            onError(token, "UNEXPECTED_TOKEN", message);
            const ts = token.source;
            if (ts && typeof ts === "string")
              length += ts.length;
          }
        }
      }
      return { mode, indent, chomp, comment: comment2, length };
    }
    function splitLines(source) {
      const split = source.split(/\n( *)/);
      const first = split[0];
      const m = first.match(/^( *)/);
      const line0 = m?.[1] ? [m[1], first.slice(m[1].length)] : ["", first];
      const lines = [line0];
      for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
      return lines;
    }
    exports.resolveBlockScalar = resolveBlockScalar;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-scalar.js
var require_resolve_flow_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var resolveEnd = require_resolve_end();
    function resolveFlowScalar(scalar2, strict, onError) {
      const { offset, type, source, end } = scalar2;
      let _type;
      let value;
      const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
      switch (type) {
        case "scalar":
          _type = Scalar.Scalar.PLAIN;
          value = plainValue(source, _onError);
          break;
        case "single-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_SINGLE;
          value = singleQuotedValue(source, _onError);
          break;
        case "double-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_DOUBLE;
          value = doubleQuotedValue(source, _onError);
          break;
        /* istanbul ignore next should not happen */
        default:
          onError(scalar2, "UNEXPECTED_TOKEN", `Expected a flow scalar value, but found: ${type}`);
          return {
            value: "",
            type: null,
            comment: "",
            range: [offset, offset + source.length, offset + source.length]
          };
      }
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
      return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
      };
    }
    function plainValue(source, onError) {
      let badChar = "";
      switch (source[0]) {
        /* istanbul ignore next should not happen */
        case "	":
          badChar = "a tab character";
          break;
        case ",":
          badChar = "flow indicator character ,";
          break;
        case "%":
          badChar = "directive indicator character %";
          break;
        case "|":
        case ">": {
          badChar = `block scalar indicator ${source[0]}`;
          break;
        }
        case "@":
        case "`": {
          badChar = `reserved character ${source[0]}`;
          break;
        }
      }
      if (badChar)
        onError(0, "BAD_SCALAR_START", `Plain value cannot start with ${badChar}`);
      return unfoldLines(source);
    }
    function singleQuotedValue(source, onError) {
      if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, "MISSING_CHAR", "Missing closing 'quote");
      return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
    }
    function unfoldLines(source) {
      const line = /(.*?)\r?\n/sy;
      let match = line.exec(source);
      if (!match)
        return source;
      let trimEnd, trimBoth;
      try {
        trimEnd = new RegExp("(?<![ 	])[ 	]+$");
        trimBoth = new RegExp("^[ 	]+|(?<![ 	])[ 	]+$", "g");
      } catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
      }
      let res = match[1].replace(trimEnd, "");
      let sep8 = " ";
      let pos = line.lastIndex;
      while (match = line.exec(source)) {
        const lm = match[1].replace(trimBoth, "");
        if (lm === "") {
          if (sep8 === "\n")
            res += sep8;
          else
            sep8 = "\n";
        } else {
          res += sep8 + lm;
          sep8 = " ";
        }
        pos = line.lastIndex;
      }
      const last = /[ \t]*(.*)/sy;
      last.lastIndex = pos;
      match = last.exec(source);
      return res + sep8 + (match?.[1] ?? "");
    }
    function doubleQuotedValue(source, onError) {
      let res = "";
      for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === "\r" && source[i + 1] === "\n")
          continue;
        if (ch === "\n") {
          const { fold, offset } = foldNewline(source, i);
          res += fold;
          i = offset;
        } else if (ch === "\\") {
          let next = source[++i];
          const cc = escapeCodes[next];
          if (cc)
            res += cc;
          else if (next === "\n") {
            next = source[i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "\r" && source[i + 1] === "\n") {
            next = source[++i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "x" || next === "u" || next === "U") {
            const length = next === "x" ? 2 : next === "u" ? 4 : 8;
            res += parseCharCode(source, i + 1, length, onError);
            i += length;
          } else {
            const raw = source.substr(i - 1, 2);
            onError(i - 1, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
            res += raw;
          }
        } else if (ch === " " || ch === "	") {
          const wsStart = i;
          let next = source[i + 1];
          while (next === " " || next === "	")
            next = source[++i + 1];
          if (next !== "\n" && !(next === "\r" && source[i + 2] === "\n"))
            res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        } else {
          res += ch;
        }
      }
      if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, "MISSING_CHAR", 'Missing closing "quote');
      return res;
    }
    function foldNewline(source, offset) {
      let fold = "";
      let ch = source[offset + 1];
      while (ch === " " || ch === "	" || ch === "\n" || ch === "\r") {
        if (ch === "\r" && source[offset + 2] !== "\n")
          break;
        if (ch === "\n")
          fold += "\n";
        offset += 1;
        ch = source[offset + 1];
      }
      if (!fold)
        fold = " ";
      return { fold, offset };
    }
    var escapeCodes = {
      "0": "\0",
      // null character
      a: "\x07",
      // bell character
      b: "\b",
      // backspace
      e: "\x1B",
      // escape character
      f: "\f",
      // form feed
      n: "\n",
      // line feed
      r: "\r",
      // carriage return
      t: "	",
      // horizontal tab
      v: "\v",
      // vertical tab
      N: "\x85",
      // Unicode next line
      _: "\xA0",
      // Unicode non-breaking space
      L: "\u2028",
      // Unicode line separator
      P: "\u2029",
      // Unicode paragraph separator
      " ": " ",
      '"': '"',
      "/": "/",
      "\\": "\\",
      "	": "	"
    };
    function parseCharCode(source, offset, length, onError) {
      const cc = source.substr(offset, length);
      const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
      const code = ok ? parseInt(cc, 16) : NaN;
      try {
        return String.fromCodePoint(code);
      } catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
        return raw;
      }
    }
    exports.resolveFlowScalar = resolveFlowScalar;
  }
});

// node_modules/yaml/dist/compose/compose-scalar.js
var require_compose_scalar = __commonJS({
  "node_modules/yaml/dist/compose/compose-scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    function composeScalar(ctx, token, tagToken, onError) {
      const { value, type, comment: comment2, range } = token.type === "block-scalar" ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError) : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
      const tagName = tagToken ? ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg)) : null;
      let tag;
      if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
      } else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
      else if (token.type === "scalar")
        tag = findScalarTagByTest(ctx, value, token, onError);
      else
        tag = ctx.schema[identity.SCALAR];
      let scalar2;
      try {
        const res = tag.resolve(value, (msg) => onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg), ctx.options);
        scalar2 = identity.isScalar(res) ? res : new Scalar.Scalar(res);
      } catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg);
        scalar2 = new Scalar.Scalar(value);
      }
      scalar2.range = range;
      scalar2.source = value;
      if (type)
        scalar2.type = type;
      if (tagName)
        scalar2.tag = tagName;
      if (tag.format)
        scalar2.format = tag.format;
      if (comment2)
        scalar2.comment = comment2;
      return scalar2;
    }
    function findScalarTagByName(schema, value, tagName, tagToken, onError) {
      if (tagName === "!")
        return schema[identity.SCALAR];
      const matchWithTest = [];
      for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
          if (tag.default && tag.test)
            matchWithTest.push(tag);
          else
            return tag;
        }
      }
      for (const tag of matchWithTest)
        if (tag.test?.test(value))
          return tag;
      const kt = schema.knownTags[tagName];
      if (kt && !kt.collection) {
        schema.tags.push(Object.assign({}, kt, { default: false, test: void 0 }));
        return kt;
      }
      onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, tagName !== "tag:yaml.org,2002:str");
      return schema[identity.SCALAR];
    }
    function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
      const tag = schema.tags.find((tag2) => (tag2.default === true || atKey && tag2.default === "key") && tag2.test?.test(value)) || schema[identity.SCALAR];
      if (schema.compat) {
        const compat = schema.compat.find((tag2) => tag2.default && tag2.test?.test(value)) ?? schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
          const ts = directives.tagString(tag.tag);
          const cs = directives.tagString(compat.tag);
          const msg = `Value may be parsed as either ${ts} or ${cs}`;
          onError(token, "TAG_RESOLVE_FAILED", msg, true);
        }
      }
      return tag;
    }
    exports.composeScalar = composeScalar;
  }
});

// node_modules/yaml/dist/compose/util-empty-scalar-position.js
var require_util_empty_scalar_position = __commonJS({
  "node_modules/yaml/dist/compose/util-empty-scalar-position.js"(exports) {
    "use strict";
    function emptyScalarPosition(offset, before, pos) {
      if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
          let st = before[i];
          switch (st.type) {
            case "space":
            case "comment":
            case "newline":
              offset -= st.source.length;
              continue;
          }
          st = before[++i];
          while (st?.type === "space") {
            offset += st.source.length;
            st = before[++i];
          }
          break;
        }
      }
      return offset;
    }
    exports.emptyScalarPosition = emptyScalarPosition;
  }
});

// node_modules/yaml/dist/compose/compose-node.js
var require_compose_node = __commonJS({
  "node_modules/yaml/dist/compose/compose-node.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var composeCollection = require_compose_collection();
    var composeScalar = require_compose_scalar();
    var resolveEnd = require_resolve_end();
    var utilEmptyScalarPosition = require_util_empty_scalar_position();
    var CN = { composeNode, composeEmptyNode };
    function composeNode(ctx, token, props, onError) {
      const atKey = ctx.atKey;
      const { spaceBefore, comment: comment2, anchor, tag } = props;
      let node;
      let isSrcToken = true;
      switch (token.type) {
        case "alias":
          node = composeAlias(ctx, token, onError);
          if (anchor || tag)
            onError(token, "ALIAS_PROPS", "An alias node must not specify any properties");
          break;
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "block-scalar":
          node = composeScalar.composeScalar(ctx, token, tag, onError);
          if (anchor)
            node.anchor = anchor.source.substring(1);
          break;
        case "block-map":
        case "block-seq":
        case "flow-collection":
          try {
            node = composeCollection.composeCollection(CN, ctx, token, props, onError);
            if (anchor)
              node.anchor = anchor.source.substring(1);
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            onError(token, "RESOURCE_EXHAUSTION", message);
          }
          break;
        default: {
          const message = token.type === "error" ? token.message : `Unsupported token (type: ${token.type})`;
          onError(token, "UNEXPECTED_TOKEN", message);
          isSrcToken = false;
        }
      }
      node ?? (node = composeEmptyNode(ctx, token.offset, void 0, null, props, onError));
      if (anchor && node.anchor === "")
        onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      if (atKey && ctx.options.stringKeys && (!identity.isScalar(node) || typeof node.value !== "string" || node.tag && node.tag !== "tag:yaml.org,2002:str")) {
        const msg = "With stringKeys, all keys must be strings";
        onError(tag ?? token, "NON_STRING_KEY", msg);
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment2) {
        if (token.type === "scalar" && token.source === "")
          node.comment = comment2;
        else
          node.commentBefore = comment2;
      }
      if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
      return node;
    }
    function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment: comment2, anchor, tag, end }, onError) {
      const token = {
        type: "scalar",
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ""
      };
      const node = composeScalar.composeScalar(ctx, token, tag, onError);
      if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === "")
          onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment2) {
        node.comment = comment2;
        node.range[2] = end;
      }
      return node;
    }
    function composeAlias({ options }, { offset, source, end }, onError) {
      const alias = new Alias.Alias(source.substring(1));
      if (alias.source === "")
        onError(offset, "BAD_ALIAS", "Alias cannot be an empty string");
      if (alias.source.endsWith(":"))
        onError(offset + source.length - 1, "BAD_ALIAS", "Alias ending in : is ambiguous", true);
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
      alias.range = [offset, valueEnd, re.offset];
      if (re.comment)
        alias.comment = re.comment;
      return alias;
    }
    exports.composeEmptyNode = composeEmptyNode;
    exports.composeNode = composeNode;
  }
});

// node_modules/yaml/dist/compose/compose-doc.js
var require_compose_doc = __commonJS({
  "node_modules/yaml/dist/compose/compose-doc.js"(exports) {
    "use strict";
    var Document = require_Document();
    var composeNode = require_compose_node();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    function composeDoc(options, directives, { offset, start, value, end }, onError) {
      const opts = Object.assign({ _directives: directives }, options);
      const doc = new Document.Document(void 0, opts);
      const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
      };
      const props = resolveProps.resolveProps(start, {
        indicator: "doc-start",
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
      });
      if (props.found) {
        doc.directives.docStart = true;
        if (value && (value.type === "block-map" || value.type === "block-seq") && !props.hasNewline)
          onError(props.end, "MISSING_CHAR", "Block collection cannot start on same line with directives-end marker");
      }
      doc.contents = value ? composeNode.composeNode(ctx, value, props, onError) : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
      const contentEnd = doc.contents.range[2];
      const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
      if (re.comment)
        doc.comment = re.comment;
      doc.range = [offset, contentEnd, re.offset];
      return doc;
    }
    exports.composeDoc = composeDoc;
  }
});

// node_modules/yaml/dist/compose/composer.js
var require_composer = __commonJS({
  "node_modules/yaml/dist/compose/composer.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var directives = require_directives();
    var Document = require_Document();
    var errors = require_errors();
    var identity = require_identity();
    var composeDoc = require_compose_doc();
    var resolveEnd = require_resolve_end();
    function getErrorPos(src) {
      if (typeof src === "number")
        return [src, src + 1];
      if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
      const { offset, source } = src;
      return [offset, offset + (typeof source === "string" ? source.length : 1)];
    }
    function parsePrelude(prelude) {
      let comment2 = "";
      let atComment = false;
      let afterEmptyLine = false;
      for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
          case "#":
            comment2 += (comment2 === "" ? "" : afterEmptyLine ? "\n\n" : "\n") + (source.substring(1) || " ");
            atComment = true;
            afterEmptyLine = false;
            break;
          case "%":
            if (prelude[i + 1]?.[0] !== "#")
              i += 1;
            atComment = false;
            break;
          default:
            if (!atComment)
              afterEmptyLine = true;
            atComment = false;
        }
      }
      return { comment: comment2, afterEmptyLine };
    }
    var Composer = class {
      constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
          const pos = getErrorPos(source);
          if (warning)
            this.warnings.push(new errors.YAMLWarning(pos, code, message));
          else
            this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        this.directives = new directives.Directives({ version: options.version || "1.2" });
        this.options = options;
      }
      decorate(doc, afterDoc) {
        const { comment: comment2, afterEmptyLine } = parsePrelude(this.prelude);
        if (comment2) {
          const dc = doc.contents;
          if (afterDoc) {
            doc.comment = doc.comment ? `${doc.comment}
${comment2}` : comment2;
          } else if (afterEmptyLine || doc.directives.docStart || !dc) {
            doc.commentBefore = comment2;
          } else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
            let it = dc.items[0];
            if (identity.isPair(it))
              it = it.key;
            const cb = it.commentBefore;
            it.commentBefore = cb ? `${comment2}
${cb}` : comment2;
          } else {
            const cb = dc.commentBefore;
            dc.commentBefore = cb ? `${comment2}
${cb}` : comment2;
          }
        }
        if (afterDoc) {
          for (let i = 0; i < this.errors.length; ++i)
            doc.errors.push(this.errors[i]);
          for (let i = 0; i < this.warnings.length; ++i)
            doc.warnings.push(this.warnings[i]);
        } else {
          doc.errors = this.errors;
          doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
      }
      /**
       * Current stream status information.
       *
       * Mostly useful at the end of input for an empty stream.
       */
      streamInfo() {
        return {
          comment: parsePrelude(this.prelude).comment,
          directives: this.directives,
          errors: this.errors,
          warnings: this.warnings
        };
      }
      /**
       * Compose tokens into documents.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
          yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
      }
      /** Advance the composer by one CST token. */
      *next(token) {
        if (node_process.env.LOG_STREAM)
          console.dir(token, { depth: null });
        switch (token.type) {
          case "directive":
            this.directives.add(token.source, (offset, message, warning) => {
              const pos = getErrorPos(token);
              pos[0] += offset;
              this.onError(pos, "BAD_DIRECTIVE", message, warning);
            });
            this.prelude.push(token.source);
            this.atDirectives = true;
            break;
          case "document": {
            const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
            if (this.atDirectives && !doc.directives.docStart)
              this.onError(token, "MISSING_CHAR", "Missing directives-end/doc-start indicator line");
            this.decorate(doc, false);
            if (this.doc)
              yield this.doc;
            this.doc = doc;
            this.atDirectives = false;
            break;
          }
          case "byte-order-mark":
          case "space":
            break;
          case "comment":
          case "newline":
            this.prelude.push(token.source);
            break;
          case "error": {
            const msg = token.source ? `${token.message}: ${JSON.stringify(token.source)}` : token.message;
            const error = new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg);
            if (this.atDirectives || !this.doc)
              this.errors.push(error);
            else
              this.doc.errors.push(error);
            break;
          }
          case "doc-end": {
            if (!this.doc) {
              const msg = "Unexpected doc-end without preceding document";
              this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg));
              break;
            }
            this.doc.directives.docEnd = true;
            const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
            this.decorate(this.doc, true);
            if (end.comment) {
              const dc = this.doc.comment;
              this.doc.comment = dc ? `${dc}
${end.comment}` : end.comment;
            }
            this.doc.range[2] = end.offset;
            break;
          }
          default:
            this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", `Unsupported token ${token.type}`));
        }
      }
      /**
       * Call at end of input to yield any remaining document.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
          this.decorate(this.doc, true);
          yield this.doc;
          this.doc = null;
        } else if (forceDoc) {
          const opts = Object.assign({ _directives: this.directives }, this.options);
          const doc = new Document.Document(void 0, opts);
          if (this.atDirectives)
            this.onError(endOffset, "MISSING_CHAR", "Missing directives-end indicator line");
          doc.range = [0, endOffset, endOffset];
          this.decorate(doc, false);
          yield doc;
        }
      }
    };
    exports.Composer = Composer;
  }
});

// node_modules/yaml/dist/parse/cst-scalar.js
var require_cst_scalar = __commonJS({
  "node_modules/yaml/dist/parse/cst-scalar.js"(exports) {
    "use strict";
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    var errors = require_errors();
    var stringifyString = require_stringifyString();
    function resolveAsScalar(token, strict = true, onError) {
      if (token) {
        const _onError = (pos, code, message) => {
          const offset = typeof pos === "number" ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
          if (onError)
            onError(offset, code, message);
          else
            throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
          case "block-scalar":
            return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
      }
      return null;
    }
    function createScalarToken(value, context) {
      const { implicitKey = false, indent, inFlow = false, offset = -1, type = "PLAIN" } = context;
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      const end = context.end ?? [
        { type: "newline", offset: -1, indent, source: "\n" }
      ];
      switch (source[0]) {
        case "|":
        case ">": {
          const he = source.indexOf("\n");
          const head = source.substring(0, he);
          const body = source.substring(he + 1) + "\n";
          const props = [
            { type: "block-scalar-header", offset, indent, source: head }
          ];
          if (!addEndtoBlockProps(props, end))
            props.push({ type: "newline", offset: -1, indent, source: "\n" });
          return { type: "block-scalar", offset, indent, props, source: body };
        }
        case '"':
          return { type: "double-quoted-scalar", offset, indent, source, end };
        case "'":
          return { type: "single-quoted-scalar", offset, indent, source, end };
        default:
          return { type: "scalar", offset, indent, source, end };
      }
    }
    function setScalarValue(token, value, context = {}) {
      let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
      let indent = "indent" in token ? token.indent : null;
      if (afterKey && typeof indent === "number")
        indent += 2;
      if (!type)
        switch (token.type) {
          case "single-quoted-scalar":
            type = "QUOTE_SINGLE";
            break;
          case "double-quoted-scalar":
            type = "QUOTE_DOUBLE";
            break;
          case "block-scalar": {
            const header = token.props[0];
            if (header.type !== "block-scalar-header")
              throw new Error("Invalid block scalar header");
            type = header.source[0] === ">" ? "BLOCK_FOLDED" : "BLOCK_LITERAL";
            break;
          }
          default:
            type = "PLAIN";
        }
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      switch (source[0]) {
        case "|":
        case ">":
          setBlockScalarValue(token, source);
          break;
        case '"':
          setFlowScalarValue(token, source, "double-quoted-scalar");
          break;
        case "'":
          setFlowScalarValue(token, source, "single-quoted-scalar");
          break;
        default:
          setFlowScalarValue(token, source, "scalar");
      }
    }
    function setBlockScalarValue(token, source) {
      const he = source.indexOf("\n");
      const head = source.substring(0, he);
      const body = source.substring(he + 1) + "\n";
      if (token.type === "block-scalar") {
        const header = token.props[0];
        if (header.type !== "block-scalar-header")
          throw new Error("Invalid block scalar header");
        header.source = head;
        token.source = body;
      } else {
        const { offset } = token;
        const indent = "indent" in token ? token.indent : -1;
        const props = [
          { type: "block-scalar-header", offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, "end" in token ? token.end : void 0))
          props.push({ type: "newline", offset: -1, indent, source: "\n" });
        for (const key of Object.keys(token))
          if (key !== "type" && key !== "offset")
            delete token[key];
        Object.assign(token, { type: "block-scalar", indent, props, source: body });
      }
    }
    function addEndtoBlockProps(props, end) {
      if (end)
        for (const st of end)
          switch (st.type) {
            case "space":
            case "comment":
              props.push(st);
              break;
            case "newline":
              props.push(st);
              return true;
          }
      return false;
    }
    function setFlowScalarValue(token, source, type) {
      switch (token.type) {
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          token.type = type;
          token.source = source;
          break;
        case "block-scalar": {
          const end = token.props.slice(1);
          let oa = source.length;
          if (token.props[0].type === "block-scalar-header")
            oa -= token.props[0].source.length;
          for (const tok of end)
            tok.offset += oa;
          delete token.props;
          Object.assign(token, { type, source, end });
          break;
        }
        case "block-map":
        case "block-seq": {
          const offset = token.offset + source.length;
          const nl = { type: "newline", offset, indent: token.indent, source: "\n" };
          delete token.items;
          Object.assign(token, { type, source, end: [nl] });
          break;
        }
        default: {
          const indent = "indent" in token ? token.indent : -1;
          const end = "end" in token && Array.isArray(token.end) ? token.end.filter((st) => st.type === "space" || st.type === "comment" || st.type === "newline") : [];
          for (const key of Object.keys(token))
            if (key !== "type" && key !== "offset")
              delete token[key];
          Object.assign(token, { type, indent, source, end });
        }
      }
    }
    exports.createScalarToken = createScalarToken;
    exports.resolveAsScalar = resolveAsScalar;
    exports.setScalarValue = setScalarValue;
  }
});

// node_modules/yaml/dist/parse/cst-stringify.js
var require_cst_stringify = __commonJS({
  "node_modules/yaml/dist/parse/cst-stringify.js"(exports) {
    "use strict";
    var stringify2 = (cst) => "type" in cst ? stringifyToken(cst) : stringifyItem(cst);
    function stringifyToken(token) {
      switch (token.type) {
        case "block-scalar": {
          let res = "";
          for (const tok of token.props)
            res += stringifyToken(tok);
          return res + token.source;
        }
        case "block-map":
        case "block-seq": {
          let res = "";
          for (const item of token.items)
            res += stringifyItem(item);
          return res;
        }
        case "flow-collection": {
          let res = token.start.source;
          for (const item of token.items)
            res += stringifyItem(item);
          for (const st of token.end)
            res += st.source;
          return res;
        }
        case "document": {
          let res = stringifyItem(token);
          if (token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
        default: {
          let res = token.source;
          if ("end" in token && token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
      }
    }
    function stringifyItem({ start, key, sep: sep8, value }) {
      let res = "";
      for (const st of start)
        res += st.source;
      if (key)
        res += stringifyToken(key);
      if (sep8)
        for (const st of sep8)
          res += st.source;
      if (value)
        res += stringifyToken(value);
      return res;
    }
    exports.stringify = stringify2;
  }
});

// node_modules/yaml/dist/parse/cst-visit.js
var require_cst_visit = __commonJS({
  "node_modules/yaml/dist/parse/cst-visit.js"(exports) {
    "use strict";
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove item");
    function visit(cst, visitor) {
      if ("type" in cst && cst.type === "document")
        cst = { start: cst.start, value: cst.value };
      _visit(Object.freeze([]), cst, visitor);
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    visit.itemAtPath = (cst, path) => {
      let item = cst;
      for (const [field, index] of path) {
        const tok = item?.[field];
        if (tok && "items" in tok) {
          item = tok.items[index];
        } else
          return void 0;
      }
      return item;
    };
    visit.parentCollection = (cst, path) => {
      const parent = visit.itemAtPath(cst, path.slice(0, -1));
      const field = path[path.length - 1][0];
      const coll = parent?.[field];
      if (coll && "items" in coll)
        return coll;
      throw new Error("Parent collection not found");
    };
    function _visit(path, item, visitor) {
      let ctrl = visitor(item, path);
      if (typeof ctrl === "symbol")
        return ctrl;
      for (const field of ["key", "value"]) {
        const token = item[field];
        if (token && "items" in token) {
          for (let i = 0; i < token.items.length; ++i) {
            const ci = _visit(Object.freeze(path.concat([[field, i]])), token.items[i], visitor);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              token.items.splice(i, 1);
              i -= 1;
            }
          }
          if (typeof ctrl === "function" && field === "key")
            ctrl = ctrl(item, path);
        }
      }
      return typeof ctrl === "function" ? ctrl(item, path) : ctrl;
    }
    exports.visit = visit;
  }
});

// node_modules/yaml/dist/parse/cst.js
var require_cst = __commonJS({
  "node_modules/yaml/dist/parse/cst.js"(exports) {
    "use strict";
    var cstScalar = require_cst_scalar();
    var cstStringify = require_cst_stringify();
    var cstVisit = require_cst_visit();
    var BOM = "\uFEFF";
    var DOCUMENT = "";
    var FLOW_END = "";
    var SCALAR = "";
    var isCollection = (token) => !!token && "items" in token;
    var isScalar3 = (token) => !!token && (token.type === "scalar" || token.type === "single-quoted-scalar" || token.type === "double-quoted-scalar" || token.type === "block-scalar");
    function prettyToken(token) {
      switch (token) {
        case BOM:
          return "<BOM>";
        case DOCUMENT:
          return "<DOC>";
        case FLOW_END:
          return "<FLOW_END>";
        case SCALAR:
          return "<SCALAR>";
        default:
          return JSON.stringify(token);
      }
    }
    function tokenType(source) {
      switch (source) {
        case BOM:
          return "byte-order-mark";
        case DOCUMENT:
          return "doc-mode";
        case FLOW_END:
          return "flow-error-end";
        case SCALAR:
          return "scalar";
        case "---":
          return "doc-start";
        case "...":
          return "doc-end";
        case "":
        case "\n":
        case "\r\n":
          return "newline";
        case "-":
          return "seq-item-ind";
        case "?":
          return "explicit-key-ind";
        case ":":
          return "map-value-ind";
        case "{":
          return "flow-map-start";
        case "}":
          return "flow-map-end";
        case "[":
          return "flow-seq-start";
        case "]":
          return "flow-seq-end";
        case ",":
          return "comma";
      }
      switch (source[0]) {
        case " ":
        case "	":
          return "space";
        case "#":
          return "comment";
        case "%":
          return "directive-line";
        case "*":
          return "alias";
        case "&":
          return "anchor";
        case "!":
          return "tag";
        case "'":
          return "single-quoted-scalar";
        case '"':
          return "double-quoted-scalar";
        case "|":
        case ">":
          return "block-scalar-header";
      }
      return null;
    }
    exports.createScalarToken = cstScalar.createScalarToken;
    exports.resolveAsScalar = cstScalar.resolveAsScalar;
    exports.setScalarValue = cstScalar.setScalarValue;
    exports.stringify = cstStringify.stringify;
    exports.visit = cstVisit.visit;
    exports.BOM = BOM;
    exports.DOCUMENT = DOCUMENT;
    exports.FLOW_END = FLOW_END;
    exports.SCALAR = SCALAR;
    exports.isCollection = isCollection;
    exports.isScalar = isScalar3;
    exports.prettyToken = prettyToken;
    exports.tokenType = tokenType;
  }
});

// node_modules/yaml/dist/parse/lexer.js
var require_lexer = __commonJS({
  "node_modules/yaml/dist/parse/lexer.js"(exports) {
    "use strict";
    var cst = require_cst();
    function isEmpty(ch) {
      switch (ch) {
        case void 0:
        case " ":
        case "\n":
        case "\r":
        case "	":
          return true;
        default:
          return false;
      }
    }
    var hexDigits = new Set("0123456789ABCDEFabcdef");
    var tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
    var flowIndicatorChars = new Set(",[]{}");
    var invalidAnchorChars = new Set(" ,[]{}\n\r	");
    var isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
    var Lexer = class {
      constructor() {
        this.atEnd = false;
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        this.buffer = "";
        this.flowKey = false;
        this.flowLevel = 0;
        this.indentNext = 0;
        this.indentValue = 0;
        this.lineEndPos = null;
        this.next = null;
        this.pos = 0;
      }
      /**
       * Generate YAML tokens from the `source` string. If `incomplete`,
       * a part of the last line may be left as a buffer for the next call.
       *
       * @returns A generator of lexical tokens
       */
      *lex(source, incomplete = false) {
        if (source) {
          if (typeof source !== "string")
            throw TypeError("source is not a string");
          this.buffer = this.buffer ? this.buffer + source : source;
          this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? "stream";
        while (next && (incomplete || this.hasChars(1)))
          next = yield* this.parseNext(next);
      }
      atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === " " || ch === "	")
          ch = this.buffer[++i];
        if (!ch || ch === "#" || ch === "\n")
          return true;
        if (ch === "\r")
          return this.buffer[i + 1] === "\n";
        return false;
      }
      charAt(n) {
        return this.buffer[this.pos + n];
      }
      continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
          let indent = 0;
          while (ch === " ")
            ch = this.buffer[++indent + offset];
          if (ch === "\r") {
            const next = this.buffer[indent + offset + 1];
            if (next === "\n" || !next && !this.atEnd)
              return offset + indent + 1;
          }
          return ch === "\n" || indent >= this.indentNext || !ch && !this.atEnd ? offset + indent : -1;
        }
        if (ch === "-" || ch === ".") {
          const dt = this.buffer.substr(offset, 3);
          if ((dt === "---" || dt === "...") && isEmpty(this.buffer[offset + 3]))
            return -1;
        }
        return offset;
      }
      getLine() {
        let end = this.lineEndPos;
        if (typeof end !== "number" || end !== -1 && end < this.pos) {
          end = this.buffer.indexOf("\n", this.pos);
          this.lineEndPos = end;
        }
        if (end === -1)
          return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === "\r")
          end -= 1;
        return this.buffer.substring(this.pos, end);
      }
      hasChars(n) {
        return this.pos + n <= this.buffer.length;
      }
      setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
      }
      peek(n) {
        return this.buffer.substr(this.pos, n);
      }
      *parseNext(next) {
        switch (next) {
          case "stream":
            return yield* this.parseStream();
          case "line-start":
            return yield* this.parseLineStart();
          case "block-start":
            return yield* this.parseBlockStart();
          case "doc":
            return yield* this.parseDocument();
          case "flow":
            return yield* this.parseFlowCollection();
          case "quoted-scalar":
            return yield* this.parseQuotedScalar();
          case "block-scalar":
            return yield* this.parseBlockScalar();
          case "plain-scalar":
            return yield* this.parsePlainScalar();
        }
      }
      *parseStream() {
        let line = this.getLine();
        if (line === null)
          return this.setNext("stream");
        if (line[0] === cst.BOM) {
          yield* this.pushCount(1);
          line = line.substring(1);
        }
        if (line[0] === "%") {
          let dirEnd = line.length;
          let cs = line.indexOf("#");
          while (cs !== -1) {
            const ch = line[cs - 1];
            if (ch === " " || ch === "	") {
              dirEnd = cs - 1;
              break;
            } else {
              cs = line.indexOf("#", cs + 1);
            }
          }
          while (true) {
            const ch = line[dirEnd - 1];
            if (ch === " " || ch === "	")
              dirEnd -= 1;
            else
              break;
          }
          const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
          yield* this.pushCount(line.length - n);
          this.pushNewline();
          return "stream";
        }
        if (this.atLineEnd()) {
          const sp = yield* this.pushSpaces(true);
          yield* this.pushCount(line.length - sp);
          yield* this.pushNewline();
          return "stream";
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
      }
      *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
          return this.setNext("line-start");
        if (ch === "-" || ch === ".") {
          if (!this.atEnd && !this.hasChars(4))
            return this.setNext("line-start");
          const s = this.peek(3);
          if ((s === "---" || s === "...") && isEmpty(this.charAt(3))) {
            yield* this.pushCount(3);
            this.indentValue = 0;
            this.indentNext = 0;
            return s === "---" ? "doc" : "stream";
          }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
          this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
      }
      *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
          return this.setNext("block-start");
        if ((ch0 === "-" || ch0 === "?" || ch0 === ":") && isEmpty(ch1)) {
          const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
          this.indentNext = this.indentValue + 1;
          this.indentValue += n;
          return "block-start";
        }
        return "doc";
      }
      *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
          return this.setNext("doc");
        let n = yield* this.pushIndicators();
        switch (line[n]) {
          case "#":
            yield* this.pushCount(line.length - n);
          // fallthrough
          case void 0:
            yield* this.pushNewline();
            return yield* this.parseLineStart();
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel = 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            return "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "doc";
          case '"':
          case "'":
            return yield* this.parseQuotedScalar();
          case "|":
          case ">":
            n += yield* this.parseBlockScalarHeader();
            n += yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - n);
            yield* this.pushNewline();
            return yield* this.parseBlockScalar();
          default:
            return yield* this.parsePlainScalar();
        }
      }
      *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
          nl = yield* this.pushNewline();
          if (nl > 0) {
            sp = yield* this.pushSpaces(false);
            this.indentValue = indent = sp;
          } else {
            sp = 0;
          }
          sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
          return this.setNext("flow");
        if (indent !== -1 && indent < this.indentNext && line[0] !== "#" || indent === 0 && (line.startsWith("---") || line.startsWith("...")) && isEmpty(line[3])) {
          const atFlowEndMarker = indent === this.indentNext - 1 && this.flowLevel === 1 && (line[0] === "]" || line[0] === "}");
          if (!atFlowEndMarker) {
            this.flowLevel = 0;
            yield cst.FLOW_END;
            return yield* this.parseLineStart();
          }
        }
        let n = 0;
        while (line[n] === ",") {
          n += yield* this.pushCount(1);
          n += yield* this.pushSpaces(true);
          this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
          case void 0:
            return "flow";
          case "#":
            yield* this.pushCount(line.length - n);
            return "flow";
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel += 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            this.flowKey = true;
            this.flowLevel -= 1;
            return this.flowLevel ? "flow" : "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "flow";
          case '"':
          case "'":
            this.flowKey = true;
            return yield* this.parseQuotedScalar();
          case ":": {
            const next = this.charAt(1);
            if (this.flowKey || isEmpty(next) || next === ",") {
              this.flowKey = false;
              yield* this.pushCount(1);
              yield* this.pushSpaces(true);
              return "flow";
            }
          }
          // fallthrough
          default:
            this.flowKey = false;
            return yield* this.parsePlainScalar();
        }
      }
      *parseQuotedScalar() {
        const quote2 = this.charAt(0);
        let end = this.buffer.indexOf(quote2, this.pos + 1);
        if (quote2 === "'") {
          while (end !== -1 && this.buffer[end + 1] === "'")
            end = this.buffer.indexOf("'", end + 2);
        } else {
          while (end !== -1) {
            let n = 0;
            while (this.buffer[end - 1 - n] === "\\")
              n += 1;
            if (n % 2 === 0)
              break;
            end = this.buffer.indexOf('"', end + 1);
          }
        }
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf("\n", this.pos);
        if (nl !== -1) {
          while (nl !== -1) {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = qb.indexOf("\n", cs);
          }
          if (nl !== -1) {
            end = nl - (qb[nl - 1] === "\r" ? 2 : 1);
          }
        }
        if (end === -1) {
          if (!this.atEnd)
            return this.setNext("quoted-scalar");
          end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? "flow" : "doc";
      }
      *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
          const ch = this.buffer[++i];
          if (ch === "+")
            this.blockScalarKeep = true;
          else if (ch > "0" && ch <= "9")
            this.blockScalarIndent = Number(ch) - 1;
          else if (ch !== "-")
            break;
        }
        return yield* this.pushUntil((ch) => isEmpty(ch) || ch === "#");
      }
      *parseBlockScalar() {
        let nl = this.pos - 1;
        let indent = 0;
        let ch;
        loop: for (let i2 = this.pos; ch = this.buffer[i2]; ++i2) {
          switch (ch) {
            case " ":
              indent += 1;
              break;
            case "\n":
              nl = i2;
              indent = 0;
              break;
            case "\r": {
              const next = this.buffer[i2 + 1];
              if (!next && !this.atEnd)
                return this.setNext("block-scalar");
              if (next === "\n")
                break;
            }
            // fallthrough
            default:
              break loop;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("block-scalar");
        if (indent >= this.indentNext) {
          if (this.blockScalarIndent === -1)
            this.indentNext = indent;
          else {
            this.indentNext = this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
          }
          do {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = this.buffer.indexOf("\n", cs);
          } while (nl !== -1);
          if (nl === -1) {
            if (!this.atEnd)
              return this.setNext("block-scalar");
            nl = this.buffer.length;
          }
        }
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === " ")
          ch = this.buffer[++i];
        if (ch === "	") {
          while (ch === "	" || ch === " " || ch === "\r" || ch === "\n")
            ch = this.buffer[++i];
          nl = i - 1;
        } else if (!this.blockScalarKeep) {
          do {
            let i2 = nl - 1;
            let ch2 = this.buffer[i2];
            if (ch2 === "\r")
              ch2 = this.buffer[--i2];
            const lastChar = i2;
            while (ch2 === " ")
              ch2 = this.buffer[--i2];
            if (ch2 === "\n" && i2 >= this.pos && i2 + 1 + indent > lastChar)
              nl = i2;
            else
              break;
          } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
      }
      *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while (ch = this.buffer[++i]) {
          if (ch === ":") {
            const next = this.buffer[i + 1];
            if (isEmpty(next) || inFlow && flowIndicatorChars.has(next))
              break;
            end = i;
          } else if (isEmpty(ch)) {
            let next = this.buffer[i + 1];
            if (ch === "\r") {
              if (next === "\n") {
                i += 1;
                ch = "\n";
                next = this.buffer[i + 1];
              } else
                end = i;
            }
            if (next === "#" || inFlow && flowIndicatorChars.has(next))
              break;
            if (ch === "\n") {
              const cs = this.continueScalar(i + 1);
              if (cs === -1)
                break;
              i = Math.max(i, cs - 2);
            }
          } else {
            if (inFlow && flowIndicatorChars.has(ch))
              break;
            end = i;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("plain-scalar");
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? "flow" : "doc";
      }
      *pushCount(n) {
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos += n;
          return n;
        }
        return 0;
      }
      *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
          yield s;
          this.pos += s.length;
          return s.length;
        } else if (allowEmpty)
          yield "";
        return 0;
      }
      *pushIndicators() {
        let n = 0;
        loop: while (true) {
          switch (this.charAt(0)) {
            case "!":
              n += yield* this.pushTag();
              n += yield* this.pushSpaces(true);
              continue loop;
            case "&":
              n += yield* this.pushUntil(isNotAnchorChar);
              n += yield* this.pushSpaces(true);
              continue loop;
            case "-":
            // this is an error
            case "?":
            // this is an error outside flow collections
            case ":": {
              const inFlow = this.flowLevel > 0;
              const ch1 = this.charAt(1);
              if (isEmpty(ch1) || inFlow && flowIndicatorChars.has(ch1)) {
                if (!inFlow)
                  this.indentNext = this.indentValue + 1;
                else if (this.flowKey)
                  this.flowKey = false;
                n += yield* this.pushCount(1);
                n += yield* this.pushSpaces(true);
                continue loop;
              }
            }
          }
          break loop;
        }
        return n;
      }
      *pushTag() {
        if (this.charAt(1) === "<") {
          let i = this.pos + 2;
          let ch = this.buffer[i];
          while (!isEmpty(ch) && ch !== ">")
            ch = this.buffer[++i];
          return yield* this.pushToIndex(ch === ">" ? i + 1 : i, false);
        } else {
          let i = this.pos + 1;
          let ch = this.buffer[i];
          while (ch) {
            if (tagChars.has(ch))
              ch = this.buffer[++i];
            else if (ch === "%" && hexDigits.has(this.buffer[i + 1]) && hexDigits.has(this.buffer[i + 2])) {
              ch = this.buffer[i += 3];
            } else
              break;
          }
          return yield* this.pushToIndex(i, false);
        }
      }
      *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === "\n")
          return yield* this.pushCount(1);
        else if (ch === "\r" && this.charAt(1) === "\n")
          return yield* this.pushCount(2);
        else
          return 0;
      }
      *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
          ch = this.buffer[++i];
        } while (ch === " " || allowTabs && ch === "	");
        const n = i - this.pos;
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos = i;
        }
        return n;
      }
      *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
          ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
      }
    };
    exports.Lexer = Lexer;
  }
});

// node_modules/yaml/dist/parse/line-counter.js
var require_line_counter = __commonJS({
  "node_modules/yaml/dist/parse/line-counter.js"(exports) {
    "use strict";
    var LineCounter2 = class {
      constructor() {
        this.lineStarts = [];
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        this.linePos = (offset) => {
          let low = 0;
          let high = this.lineStarts.length;
          while (low < high) {
            const mid = low + high >> 1;
            if (this.lineStarts[mid] < offset)
              low = mid + 1;
            else
              high = mid;
          }
          if (this.lineStarts[low] === offset)
            return { line: low + 1, col: 1 };
          if (low === 0)
            return { line: 0, col: offset };
          const start = this.lineStarts[low - 1];
          return { line: low, col: offset - start + 1 };
        };
      }
    };
    exports.LineCounter = LineCounter2;
  }
});

// node_modules/yaml/dist/parse/parser.js
var require_parser = __commonJS({
  "node_modules/yaml/dist/parse/parser.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var cst = require_cst();
    var lexer = require_lexer();
    function includesToken(list, type) {
      for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
          return true;
      return false;
    }
    function findNonEmptyIndex(list) {
      for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
          case "space":
          case "comment":
          case "newline":
            break;
          default:
            return i;
        }
      }
      return -1;
    }
    function isFlowToken(token) {
      switch (token?.type) {
        case "alias":
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "flow-collection":
          return true;
        default:
          return false;
      }
    }
    function getPrevProps(parent) {
      switch (parent.type) {
        case "document":
          return parent.start;
        case "block-map": {
          const it = parent.items[parent.items.length - 1];
          return it.sep ?? it.start;
        }
        case "block-seq":
          return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
          return [];
      }
    }
    function getFirstKeyStartProps(prev) {
      if (prev.length === 0)
        return [];
      let i = prev.length;
      loop: while (--i >= 0) {
        switch (prev[i].type) {
          case "doc-start":
          case "explicit-key-ind":
          case "map-value-ind":
          case "seq-item-ind":
          case "newline":
            break loop;
        }
      }
      while (prev[++i]?.type === "space") {
      }
      return prev.splice(i, prev.length);
    }
    function arrayPushArray(target, source) {
      if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
      else
        for (let i = 0; i < source.length; ++i)
          target.push(source[i]);
    }
    function fixFlowSeqItems(fc) {
      if (fc.start.type === "flow-seq-start") {
        for (const it of fc.items) {
          if (it.sep && !it.value && !includesToken(it.start, "explicit-key-ind") && !includesToken(it.sep, "map-value-ind")) {
            if (it.key)
              it.value = it.key;
            delete it.key;
            if (isFlowToken(it.value)) {
              if (it.value.end)
                arrayPushArray(it.value.end, it.sep);
              else
                it.value.end = it.sep;
            } else
              arrayPushArray(it.start, it.sep);
            delete it.sep;
          }
        }
      }
    }
    var Parser = class {
      /**
       * @param onNewLine - If defined, called separately with the start position of
       *   each new line (in `parse()`, including the start of input).
       */
      constructor(onNewLine) {
        this.atNewLine = true;
        this.atScalar = false;
        this.indent = 0;
        this.offset = 0;
        this.onKeyLine = false;
        this.stack = [];
        this.source = "";
        this.type = "";
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
      }
      /**
       * Parse `source` as a YAML stream.
       * If `incomplete`, a part of the last line may be left as a buffer for the next call.
       *
       * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
       *
       * @returns A generator of tokens representing each directive, document, and other structure.
       */
      *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
          this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
          yield* this.next(lexeme);
        if (!incomplete)
          yield* this.end();
      }
      /**
       * Advance the parser by the `source` of one lexical token.
       */
      *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
          console.log("|", cst.prettyToken(source));
        if (this.atScalar) {
          this.atScalar = false;
          yield* this.step();
          this.offset += source.length;
          return;
        }
        const type = cst.tokenType(source);
        if (!type) {
          const message = `Not a YAML token: ${source}`;
          yield* this.pop({ type: "error", offset: this.offset, message, source });
          this.offset += source.length;
        } else if (type === "scalar") {
          this.atNewLine = false;
          this.atScalar = true;
          this.type = "scalar";
        } else {
          this.type = type;
          yield* this.step();
          switch (type) {
            case "newline":
              this.atNewLine = true;
              this.indent = 0;
              if (this.onNewLine)
                this.onNewLine(this.offset + source.length);
              break;
            case "space":
              if (this.atNewLine && source[0] === " ")
                this.indent += source.length;
              break;
            case "explicit-key-ind":
            case "map-value-ind":
            case "seq-item-ind":
              if (this.atNewLine)
                this.indent += source.length;
              break;
            case "doc-mode":
            case "flow-error-end":
              return;
            default:
              this.atNewLine = false;
          }
          this.offset += source.length;
        }
      }
      /** Call at end of input to push out any remaining constructions */
      *end() {
        while (this.stack.length > 0)
          yield* this.pop();
      }
      get sourceToken() {
        const st = {
          type: this.type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
        return st;
      }
      *step() {
        const top = this.peek(1);
        if (this.type === "doc-end" && top?.type !== "doc-end") {
          while (this.stack.length > 0)
            yield* this.pop();
          this.stack.push({
            type: "doc-end",
            offset: this.offset,
            source: this.source
          });
          return;
        }
        if (!top)
          return yield* this.stream();
        switch (top.type) {
          case "document":
            return yield* this.document(top);
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return yield* this.scalar(top);
          case "block-scalar":
            return yield* this.blockScalar(top);
          case "block-map":
            return yield* this.blockMap(top);
          case "block-seq":
            return yield* this.blockSequence(top);
          case "flow-collection":
            return yield* this.flowCollection(top);
          case "doc-end":
            return yield* this.documentEnd(top);
        }
        yield* this.pop();
      }
      peek(n) {
        return this.stack[this.stack.length - n];
      }
      *pop(error) {
        const token = error ?? this.stack.pop();
        if (!token) {
          const message = "Tried to pop an empty stack";
          yield { type: "error", offset: this.offset, source: "", message };
        } else if (this.stack.length === 0) {
          yield token;
        } else {
          const top = this.peek(1);
          if (token.type === "block-scalar") {
            token.indent = "indent" in top ? top.indent : 0;
          } else if (token.type === "flow-collection" && top.type === "document") {
            token.indent = 0;
          }
          if (token.type === "flow-collection")
            fixFlowSeqItems(token);
          switch (top.type) {
            case "document":
              top.value = token;
              break;
            case "block-scalar":
              top.props.push(token);
              break;
            case "block-map": {
              const it = top.items[top.items.length - 1];
              if (it.value) {
                top.items.push({ start: [], key: token, sep: [] });
                this.onKeyLine = true;
                return;
              } else if (it.sep) {
                it.value = token;
              } else {
                Object.assign(it, { key: token, sep: [] });
                this.onKeyLine = !it.explicitKey;
                return;
              }
              break;
            }
            case "block-seq": {
              const it = top.items[top.items.length - 1];
              if (it.value)
                top.items.push({ start: [], value: token });
              else
                it.value = token;
              break;
            }
            case "flow-collection": {
              const it = top.items[top.items.length - 1];
              if (!it || it.value)
                top.items.push({ start: [], key: token, sep: [] });
              else if (it.sep)
                it.value = token;
              else
                Object.assign(it, { key: token, sep: [] });
              return;
            }
            /* istanbul ignore next should not happen */
            default:
              yield* this.pop();
              yield* this.pop(token);
          }
          if ((top.type === "document" || top.type === "block-map" || top.type === "block-seq") && (token.type === "block-map" || token.type === "block-seq")) {
            const last = token.items[token.items.length - 1];
            if (last && !last.sep && !last.value && last.start.length > 0 && findNonEmptyIndex(last.start) === -1 && (token.indent === 0 || last.start.every((st) => st.type !== "comment" || st.indent < token.indent))) {
              if (top.type === "document")
                top.end = last.start;
              else
                top.items.push({ start: last.start });
              token.items.splice(-1, 1);
            }
          }
        }
      }
      *stream() {
        switch (this.type) {
          case "directive-line":
            yield { type: "directive", offset: this.offset, source: this.source };
            return;
          case "byte-order-mark":
          case "space":
          case "comment":
          case "newline":
            yield this.sourceToken;
            return;
          case "doc-mode":
          case "doc-start": {
            const doc = {
              type: "document",
              offset: this.offset,
              start: []
            };
            if (this.type === "doc-start")
              doc.start.push(this.sourceToken);
            this.stack.push(doc);
            return;
          }
        }
        yield {
          type: "error",
          offset: this.offset,
          message: `Unexpected ${this.type} token in YAML stream`,
          source: this.source
        };
      }
      *document(doc) {
        if (doc.value)
          return yield* this.lineEnd(doc);
        switch (this.type) {
          case "doc-start": {
            if (findNonEmptyIndex(doc.start) !== -1) {
              yield* this.pop();
              yield* this.step();
            } else
              doc.start.push(this.sourceToken);
            return;
          }
          case "anchor":
          case "tag":
          case "space":
          case "comment":
          case "newline":
            doc.start.push(this.sourceToken);
            return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
          this.stack.push(bv);
        else {
          yield {
            type: "error",
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML document`,
            source: this.source
          };
        }
      }
      *scalar(scalar2) {
        if (this.type === "map-value-ind") {
          const prev = getPrevProps(this.peek(2));
          const start = getFirstKeyStartProps(prev);
          let sep8;
          if (scalar2.end) {
            sep8 = scalar2.end;
            sep8.push(this.sourceToken);
            delete scalar2.end;
          } else
            sep8 = [this.sourceToken];
          const map = {
            type: "block-map",
            offset: scalar2.offset,
            indent: scalar2.indent,
            items: [{ start, key: scalar2, sep: sep8 }]
          };
          this.onKeyLine = true;
          this.stack[this.stack.length - 1] = map;
        } else
          yield* this.lineEnd(scalar2);
      }
      *blockScalar(scalar2) {
        switch (this.type) {
          case "space":
          case "comment":
          case "newline":
            scalar2.props.push(this.sourceToken);
            return;
          case "scalar":
            scalar2.source = this.source;
            this.atNewLine = true;
            this.indent = 0;
            if (this.onNewLine) {
              let nl = this.source.indexOf("\n") + 1;
              while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf("\n", nl) + 1;
              }
            }
            yield* this.pop();
            break;
          /* istanbul ignore next should not happen */
          default:
            yield* this.pop();
            yield* this.step();
        }
      }
      *blockMap(map) {
        const it = map.items[map.items.length - 1];
        switch (this.type) {
          case "newline":
            this.onKeyLine = false;
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              it.start.push(this.sourceToken);
            }
            return;
          case "space":
          case "comment":
            if (it.value) {
              map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              if (this.atIndentedComment(it.start, map.indent)) {
                const prev = map.items[map.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  map.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
        }
        if (this.indent >= map.indent) {
          const atMapIndent = !this.onKeyLine && this.indent === map.indent;
          const atNextItem = atMapIndent && (it.sep || it.explicitKey) && this.type !== "seq-item-ind";
          let start = [];
          if (atNextItem && it.sep && !it.value) {
            const nl = [];
            for (let i = 0; i < it.sep.length; ++i) {
              const st = it.sep[i];
              switch (st.type) {
                case "newline":
                  nl.push(i);
                  break;
                case "space":
                  break;
                case "comment":
                  if (st.indent > map.indent)
                    nl.length = 0;
                  break;
                default:
                  nl.length = 0;
              }
            }
            if (nl.length >= 2)
              start = it.sep.splice(nl[1]);
          }
          switch (this.type) {
            case "anchor":
            case "tag":
              if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start });
                this.onKeyLine = true;
              } else if (it.sep) {
                it.sep.push(this.sourceToken);
              } else {
                it.start.push(this.sourceToken);
              }
              return;
            case "explicit-key-ind":
              if (!it.sep && !it.explicitKey) {
                it.start.push(this.sourceToken);
                it.explicitKey = true;
              } else if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start, explicitKey: true });
              } else {
                this.stack.push({
                  type: "block-map",
                  offset: this.offset,
                  indent: this.indent,
                  items: [{ start: [this.sourceToken], explicitKey: true }]
                });
              }
              this.onKeyLine = true;
              return;
            case "map-value-ind":
              if (it.explicitKey) {
                if (!it.sep) {
                  if (includesToken(it.start, "newline")) {
                    Object.assign(it, { key: null, sep: [this.sourceToken] });
                  } else {
                    const start2 = getFirstKeyStartProps(it.start);
                    this.stack.push({
                      type: "block-map",
                      offset: this.offset,
                      indent: this.indent,
                      items: [{ start: start2, key: null, sep: [this.sourceToken] }]
                    });
                  }
                } else if (it.value) {
                  map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                  });
                } else if (isFlowToken(it.key) && !includesToken(it.sep, "newline")) {
                  const start2 = getFirstKeyStartProps(it.start);
                  const key = it.key;
                  const sep8 = it.sep;
                  sep8.push(this.sourceToken);
                  delete it.key;
                  delete it.sep;
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: start2, key, sep: sep8 }]
                  });
                } else if (start.length > 0) {
                  it.sep = it.sep.concat(start, this.sourceToken);
                } else {
                  it.sep.push(this.sourceToken);
                }
              } else {
                if (!it.sep) {
                  Object.assign(it, { key: null, sep: [this.sourceToken] });
                } else if (it.value || atNextItem) {
                  map.items.push({ start, key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [], key: null, sep: [this.sourceToken] }]
                  });
                } else {
                  it.sep.push(this.sourceToken);
                }
              }
              this.onKeyLine = true;
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (atNextItem || it.value) {
                map.items.push({ start, key: fs, sep: [] });
                this.onKeyLine = true;
              } else if (it.sep) {
                this.stack.push(fs);
              } else {
                Object.assign(it, { key: fs, sep: [] });
                this.onKeyLine = true;
              }
              return;
            }
            default: {
              const bv = this.startBlockValue(map);
              if (bv) {
                if (bv.type === "block-seq") {
                  if (!it.explicitKey && it.sep && !includesToken(it.sep, "newline")) {
                    yield* this.pop({
                      type: "error",
                      offset: this.offset,
                      message: "Unexpected block-seq-ind on same line with key",
                      source: this.source
                    });
                    return;
                  }
                } else if (atMapIndent) {
                  map.items.push({ start });
                }
                this.stack.push(bv);
                return;
              }
            }
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
          case "newline":
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                seq.items.push({ start: [this.sourceToken] });
            } else
              it.start.push(this.sourceToken);
            return;
          case "space":
          case "comment":
            if (it.value)
              seq.items.push({ start: [this.sourceToken] });
            else {
              if (this.atIndentedComment(it.start, seq.indent)) {
                const prev = seq.items[seq.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  seq.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
          case "anchor":
          case "tag":
            if (it.value || this.indent <= seq.indent)
              break;
            it.start.push(this.sourceToken);
            return;
          case "seq-item-ind":
            if (this.indent !== seq.indent)
              break;
            if (it.value || includesToken(it.start, "seq-item-ind"))
              seq.items.push({ start: [this.sourceToken] });
            else
              it.start.push(this.sourceToken);
            return;
        }
        if (this.indent > seq.indent) {
          const bv = this.startBlockValue(seq);
          if (bv) {
            this.stack.push(bv);
            return;
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === "flow-error-end") {
          let top;
          do {
            yield* this.pop();
            top = this.peek(1);
          } while (top?.type === "flow-collection");
        } else if (fc.end.length === 0) {
          switch (this.type) {
            case "comma":
            case "explicit-key-ind":
              if (!it || it.sep)
                fc.items.push({ start: [this.sourceToken] });
              else
                it.start.push(this.sourceToken);
              return;
            case "map-value-ind":
              if (!it || it.value)
                fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                Object.assign(it, { key: null, sep: [this.sourceToken] });
              return;
            case "space":
            case "comment":
            case "newline":
            case "anchor":
            case "tag":
              if (!it || it.value)
                fc.items.push({ start: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                it.start.push(this.sourceToken);
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (!it || it.value)
                fc.items.push({ start: [], key: fs, sep: [] });
              else if (it.sep)
                this.stack.push(fs);
              else
                Object.assign(it, { key: fs, sep: [] });
              return;
            }
            case "flow-map-end":
            case "flow-seq-end":
              fc.end.push(this.sourceToken);
              return;
          }
          const bv = this.startBlockValue(fc);
          if (bv)
            this.stack.push(bv);
          else {
            yield* this.pop();
            yield* this.step();
          }
        } else {
          const parent = this.peek(2);
          if (parent.type === "block-map" && (this.type === "map-value-ind" && parent.indent === fc.indent || this.type === "newline" && !parent.items[parent.items.length - 1].sep)) {
            yield* this.pop();
            yield* this.step();
          } else if (this.type === "map-value-ind" && parent.type !== "flow-collection") {
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            fixFlowSeqItems(fc);
            const sep8 = fc.end.splice(1, fc.end.length);
            sep8.push(this.sourceToken);
            const map = {
              type: "block-map",
              offset: fc.offset,
              indent: fc.indent,
              items: [{ start, key: fc, sep: sep8 }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
          } else {
            yield* this.lineEnd(fc);
          }
        }
      }
      flowScalar(type) {
        if (this.onNewLine) {
          let nl = this.source.indexOf("\n") + 1;
          while (nl !== 0) {
            this.onNewLine(this.offset + nl);
            nl = this.source.indexOf("\n", nl) + 1;
          }
        }
        return {
          type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
      }
      startBlockValue(parent) {
        switch (this.type) {
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return this.flowScalar(this.type);
          case "block-scalar-header":
            return {
              type: "block-scalar",
              offset: this.offset,
              indent: this.indent,
              props: [this.sourceToken],
              source: ""
            };
          case "flow-map-start":
          case "flow-seq-start":
            return {
              type: "flow-collection",
              offset: this.offset,
              indent: this.indent,
              start: this.sourceToken,
              items: [],
              end: []
            };
          case "seq-item-ind":
            return {
              type: "block-seq",
              offset: this.offset,
              indent: this.indent,
              items: [{ start: [this.sourceToken] }]
            };
          case "explicit-key-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            start.push(this.sourceToken);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, explicitKey: true }]
            };
          }
          case "map-value-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, key: null, sep: [this.sourceToken] }]
            };
          }
        }
        return null;
      }
      atIndentedComment(start, indent) {
        if (this.type !== "comment")
          return false;
        if (this.indent <= indent)
          return false;
        return start.every((st) => st.type === "newline" || st.type === "space");
      }
      *documentEnd(docEnd) {
        if (this.type !== "doc-mode") {
          if (docEnd.end)
            docEnd.end.push(this.sourceToken);
          else
            docEnd.end = [this.sourceToken];
          if (this.type === "newline")
            yield* this.pop();
        }
      }
      *lineEnd(token) {
        switch (this.type) {
          case "comma":
          case "doc-start":
          case "doc-end":
          case "flow-seq-end":
          case "flow-map-end":
          case "map-value-ind":
            yield* this.pop();
            yield* this.step();
            break;
          case "newline":
            this.onKeyLine = false;
          // fallthrough
          case "space":
          case "comment":
          default:
            if (token.end)
              token.end.push(this.sourceToken);
            else
              token.end = [this.sourceToken];
            if (this.type === "newline")
              yield* this.pop();
        }
      }
    };
    exports.Parser = Parser;
  }
});

// node_modules/yaml/dist/public-api.js
var require_public_api = __commonJS({
  "node_modules/yaml/dist/public-api.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var errors = require_errors();
    var log = require_log();
    var identity = require_identity();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    function parseOptions(options) {
      const prettyErrors = options.prettyErrors !== false;
      const lineCounter$1 = options.lineCounter || prettyErrors && new lineCounter.LineCounter() || null;
      return { lineCounter: lineCounter$1, prettyErrors };
    }
    function parseAllDocuments(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      const docs = Array.from(composer$1.compose(parser$1.parse(source)));
      if (prettyErrors && lineCounter2)
        for (const doc of docs) {
          doc.errors.forEach(errors.prettifyError(source, lineCounter2));
          doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
        }
      if (docs.length > 0)
        return docs;
      return Object.assign([], { empty: true }, composer$1.streamInfo());
    }
    function parseDocument3(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      let doc = null;
      for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
          doc = _doc;
        else if (doc.options.logLevel !== "silent") {
          doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), "MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()"));
          break;
        }
      }
      if (prettyErrors && lineCounter2) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter2));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
      }
      return doc;
    }
    function parse2(src, reviver, options) {
      let _reviver = void 0;
      if (typeof reviver === "function") {
        _reviver = reviver;
      } else if (options === void 0 && reviver && typeof reviver === "object") {
        options = reviver;
      }
      const doc = parseDocument3(src, options);
      if (!doc)
        return null;
      doc.warnings.forEach((warning) => log.warn(doc.options.logLevel, warning));
      if (doc.errors.length > 0) {
        if (doc.options.logLevel !== "silent")
          throw doc.errors[0];
        else
          doc.errors = [];
      }
      return doc.toJS(Object.assign({ reviver: _reviver }, options));
    }
    function stringify2(value, replacer, options) {
      let _replacer = null;
      if (typeof replacer === "function" || Array.isArray(replacer)) {
        _replacer = replacer;
      } else if (options === void 0 && replacer) {
        options = replacer;
      }
      if (typeof options === "string")
        options = options.length;
      if (typeof options === "number") {
        const indent = Math.round(options);
        options = indent < 1 ? void 0 : indent > 8 ? { indent: 8 } : { indent };
      }
      if (value === void 0) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
          return void 0;
      }
      if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
      return new Document.Document(value, _replacer, options).toString(options);
    }
    exports.parse = parse2;
    exports.parseAllDocuments = parseAllDocuments;
    exports.parseDocument = parseDocument3;
    exports.stringify = stringify2;
  }
});

// node_modules/yaml/dist/index.js
var require_dist = __commonJS({
  "node_modules/yaml/dist/index.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var Schema2 = require_Schema();
    var errors = require_errors();
    var Alias = require_Alias();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var cst = require_cst();
    var lexer = require_lexer();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    var publicApi = require_public_api();
    var visit = require_visit();
    exports.Composer = composer.Composer;
    exports.Document = Document.Document;
    exports.Schema = Schema2.Schema;
    exports.YAMLError = errors.YAMLError;
    exports.YAMLParseError = errors.YAMLParseError;
    exports.YAMLWarning = errors.YAMLWarning;
    exports.Alias = Alias.Alias;
    exports.isAlias = identity.isAlias;
    exports.isCollection = identity.isCollection;
    exports.isDocument = identity.isDocument;
    exports.isMap = identity.isMap;
    exports.isNode = identity.isNode;
    exports.isPair = identity.isPair;
    exports.isScalar = identity.isScalar;
    exports.isSeq = identity.isSeq;
    exports.Pair = Pair.Pair;
    exports.Scalar = Scalar.Scalar;
    exports.YAMLMap = YAMLMap.YAMLMap;
    exports.YAMLSeq = YAMLSeq.YAMLSeq;
    exports.CST = cst;
    exports.Lexer = lexer.Lexer;
    exports.LineCounter = lineCounter.LineCounter;
    exports.Parser = parser.Parser;
    exports.parse = publicApi.parse;
    exports.parseAllDocuments = publicApi.parseAllDocuments;
    exports.parseDocument = publicApi.parseDocument;
    exports.stringify = publicApi.stringify;
    exports.visit = visit.visit;
    exports.visitAsync = visit.visitAsync;
  }
});

// src/commands/values-diff.ts
import { posix as posix9, relative as relative5, resolve as resolve3, sep as sep7 } from "node:path";

// src/config/project-root.ts
import { realpath, stat } from "node:fs/promises";
import { dirname as dirname2, join as join3, posix, relative as relative2, sep as sep2 } from "node:path";

// src/git/repo.ts
import { spawn as spawn3 } from "node:child_process";
import { readFileSync as readFileSync2, realpathSync, statSync } from "node:fs";
import { dirname, join as join2, relative, sep } from "node:path";

// src/util/crash-site.ts
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
var FRAME = /(?:\(|at )((?:file:\/\/)?\/[^():\s]+):(\d+):\d+\)?$/gm;
var MODULE_COMMENT = /^\/\/ (\S+\.[cm]?[jt]sx?)$/;
function crashSite(error) {
  for (const [, where2 = "", line = "0"] of (error.stack ?? "").matchAll(FRAME)) {
    const file = where2.startsWith("file:") ? fileURLToPath(where2) : where2;
    if (file.includes("/node_modules/")) continue;
    const direct = /\/(src\/.+\.ts)$/.exec(file);
    if (direct) return `${direct[1]}:${line}`;
    const module = file.endsWith(".js") ? moduleAt(file, Number(line)) : null;
    if (module?.startsWith("src/")) return `${module}, ${file.split("/").slice(-2).join("/")}:${line}`;
  }
  return null;
}
function moduleAt(bundle, line) {
  let lines;
  try {
    lines = readFileSync(bundle, "utf8").split("\n", line);
  } catch {
    return null;
  }
  for (let i = lines.length - 1; i >= 0; i--) {
    const m = MODULE_COMMENT.exec(lines[i]);
    if (m) return m[1];
  }
  return null;
}

// src/util/errors.ts
var UserError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "UserError";
  }
};
function describeError(error) {
  if (error instanceof UserError) return error.message;
  if (error instanceof Error) {
    const site = crashSite(error);
    return `${error.name}: ${error.message}${site ? ` (in ${site})` : ""}`;
  }
  return String(error);
}

// src/git/cat-file.ts
import { spawn as spawn2 } from "node:child_process";
import { mkdtemp, open, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

// src/git/run.ts
import { spawn } from "node:child_process";
var STDERR_BYTES = 64 * 1024;
async function runGit(cwd, args, input) {
  const ended = await spawnGit(cwd, args, input);
  if (ended.code === 0) return ended.stdout;
  throw new Error(ended.why);
}
async function runGitMatching(cwd, args, input) {
  const ended = await spawnGit(cwd, args, input);
  if (ended.code === 0 || ended.code === 1) return ended.code === 0 ? ended.stdout : "";
  throw new Error(ended.why);
}
function spawnGit(cwd, args, input) {
  return new Promise((resolve4, reject) => {
    const child = spawn("git", args, { cwd, stdio: [input === void 0 ? "ignore" : "pipe", "pipe", "pipe"], windowsHide: true });
    const out = [];
    const stderr = gitStderr(child, `git ${args[0]}`);
    child.stdout.on("data", (chunk) => out.push(chunk));
    child.on("error", (error) => reject(new Error(`git ${args[0]} could not start: ${error.message}`)));
    child.on("close", (code, signal) => resolve4({ code, stdout: Buffer.concat(out).toString("utf8"), why: stderr.why(code, signal) }));
    if (input !== void 0) child.stdin.end(input);
  });
}
function gitStderr(child, name) {
  let stderr = "";
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (text2) => {
    if (stderr.length < STDERR_BYTES) stderr += text2;
  });
  child.stdin?.on("error", () => void 0);
  return { why: (code, signal) => stderr.trim() || (signal ? `${name} was killed by ${signal}` : `${name} exited with code ${code}`) };
}

// src/git/cat-file.ts
var NotRead = class extends Error {
  constructor(oid) {
    super(`object ${oid} was not read: the objects before it passed what this read may take`);
    this.oid = oid;
  }
  oid;
};
var ObjectTooLarge = class extends Error {
  constructor(oid, size) {
    super(`object ${oid} has ${size} bytes, more than this read allows`);
    this.oid = oid;
    this.size = size;
  }
  oid;
  size;
};
var EMPTY = Buffer.alloc(0);
var AnswerReader = class {
  constructor(onIdle = () => void 0) {
    this.onIdle = onIdle;
  }
  onIdle;
  pending = [];
  header = EMPTY;
  body = null;
  receive(chunk) {
    let at = 0;
    while (at < chunk.length) {
      if (this.body) {
        at = this.take(chunk, at);
        continue;
      }
      const newline = chunk.indexOf(10, at);
      if (newline < 0) {
        this.header = Buffer.concat([this.header, chunk.subarray(at)]);
        return;
      }
      const line = this.header.length ? Buffer.concat([this.header, chunk.subarray(at, newline)]).toString("latin1") : chunk.toString("latin1", at, newline);
      this.header = EMPTY;
      at = newline + 1;
      this.answer(line);
    }
  }
  /** Forgets a half-received answer (the process that sent it ended) and fails every pending request. */
  fail(error) {
    this.header = EMPTY;
    this.body = null;
    for (const request of this.pending.splice(0)) request.reject(error);
  }
  /** A header line: `<oid> <type> <size>`, or `<oid> missing` / `<oid> ambiguous`. */
  answer(line) {
    const request = this.pending[0];
    if (!request) return;
    const m = /^([0-9a-f]+) (\w+) (\d+)$/.exec(line);
    if (!m) {
      this.settle();
      request.resolve(null);
      return;
    }
    const size = Number(m[3]);
    const keep = size <= request.maxBytes && (request.admit?.(size) ?? true);
    const found = { oid: m[1], type: m[2], size, bytes: keep ? Buffer.allocUnsafe(size) : null };
    this.body = { request, found, received: 0 };
  }
  /** Copies body bytes (and the newline git ends each object with); returns where in `chunk` they ended. */
  take(chunk, at) {
    const body = this.body;
    const { size, bytes } = body.found;
    const n = Math.min(size + 1 - body.received, chunk.length - at);
    if (bytes) {
      const copy = Math.min(n, size - body.received);
      if (copy > 0) chunk.copy(bytes, body.received, at, at + copy);
    }
    body.received += n;
    if (body.received === size + 1) {
      this.body = null;
      this.settle();
      body.request.resolve(body.found);
    }
    return at + n;
  }
  settle() {
    this.pending.shift();
    if (!this.pending.length) this.onIdle();
  }
};
var ONE_PROCESS_FROM = 64;
var READ_BACK_BYTES = 64 * 1024;
var CatFileBatch = class {
  constructor(cwd) {
    this.cwd = cwd;
  }
  cwd;
  child = null;
  answers = new AnswerReader(() => this.hold(false));
  closing = null;
  /** The blob's bytes, null when git has no such object; `ObjectTooLarge` past `maxBytes` (nothing kept). */
  async read(oid, maxBytes) {
    const found = await this.request(oid, maxBytes);
    if (!found) return null;
    if (!found.bytes) throw new ObjectTooLarge(oid, found.size);
    return found.bytes;
  }
  /**
   * Many blobs in one round: every name is written at once and the answers are taken as they stream back, where
   * one `read` after another waits a round trip a file. Each answer is what `read` gives (bytes, or null when git
   * has no such object) or `ObjectTooLarge`, in the order asked. A large batch is read by a process of its own
   * through a file (`ONE_PROCESS_FROM`); what is read back from it is kept or skipped as from the pipe. Its git is
   * stopped once the file holds more than `maxTotal` bytes (what the caller's budget has left: the bodies it would
   * refuse land in the file too), and the objects it did not get to are `NotRead`.
   */
  async readMany(requests, maxTotal = Infinity) {
    if (!requests.length) return [];
    if (this.closing) throw new Error("the git object reader is closed");
    let found;
    if (requests.length >= ONE_PROCESS_FROM) {
      const dir = await mkdtemp(join(tmpdir(), "mlreport-objects-")).catch(() => null);
      found = dir ? await readThroughFile(this.cwd, dir, requests, maxTotal) : await this.askAll(requests);
    } else found = await this.askAll(requests);
    return found.map((f, i) => !f || f instanceof NotRead ? f : f.bytes ?? new ObjectTooLarge(requests[i].oid, f.size));
  }
  askAll(requests) {
    const child = this.start();
    const idle = !this.answers.pending.length;
    const answers = requests.map(
      ({ maxBytes, admit }) => new Promise((resolve4, reject) => this.answers.pending.push({ maxBytes, admit, resolve: resolve4, reject }))
    );
    if (idle) this.hold(true);
    child.stdin.write(requests.map((r) => `${r.oid}
`).join(""));
    return Promise.all(answers);
  }
  /**
   * What a revision expression (`HEAD^{commit}`, `main:dvc.yaml`) names, as `rev-parse --verify` would find
   * it, without starting a process; null when it names nothing. The caller refuses names with control characters.
   */
  async resolve(name) {
    const found = await this.request(name, -1);
    return found && { oid: found.oid, type: found.type };
  }
  request(name, maxBytes) {
    if (this.closing) return Promise.reject(new Error("the git object reader is closed"));
    const child = this.start();
    return new Promise((resolve4, reject) => {
      this.answers.pending.push({ maxBytes, resolve: resolve4, reject });
      if (this.answers.pending.length === 1) this.hold(true);
      child.stdin.write(`${name}
`);
    });
  }
  /** Ends the process (pending reads fail) and waits for it to exit. Safe to call more than once. */
  close() {
    this.closing ??= new Promise((resolve4) => {
      const child = this.child;
      if (!child || child.exitCode !== null || child.signalCode !== null) return resolve4();
      child.once("close", () => resolve4());
      this.hold(true);
      child.stdin.end();
      const timer = setTimeout(() => child.kill(), 5e3);
      timer.unref();
      child.once("close", () => clearTimeout(timer));
    });
    return this.closing;
  }
  /** The process id while one runs (tests check that it ended). */
  get pid() {
    return this.child?.pid;
  }
  start() {
    if (this.child) return this.child;
    const child = spawn2("git", ["cat-file", "--batch"], { cwd: this.cwd, stdio: ["pipe", "pipe", "pipe"], windowsHide: true });
    this.child = child;
    const stderr = gitStderr(child, "git cat-file");
    child.stdout.on("data", (chunk) => this.answers.receive(chunk));
    child.on("error", (error) => {
      if (this.child === child) this.child = null;
      this.answers.fail(new Error(`git cat-file could not start: ${error.message}`));
    });
    child.on("close", (code, signal) => {
      if (this.child === child) this.child = null;
      this.answers.fail(
        new Error(this.closing ? "the git object reader was closed before the read ended" : `git cat-file ended early: ${stderr.why(code, signal)}`)
      );
    });
    this.hold(false);
    return child;
  }
  /** Keeps Node alive while reads wait for git, and lets it exit while idle. */
  hold(busy) {
    const child = this.child;
    if (!child) return;
    for (const handle of [child, child.stdin, child.stdout, child.stderr]) {
      if (busy) handle.ref();
      else handle.unref();
    }
  }
};
var WATCH_MS = 5;
async function readThroughFile(cwd, dir, requests, maxTotal) {
  try {
    const file = await open(join(dir, "batch"), "w+");
    try {
      let stopped = false;
      await new Promise((resolve4, reject) => {
        const child = spawn2("git", ["cat-file", "--batch"], { cwd, stdio: ["pipe", file.fd, "pipe"], windowsHide: true });
        const stderr = gitStderr(child, "git cat-file");
        const watch = Number.isFinite(maxTotal) ? setInterval(() => {
          void file.stat().then(
            ({ size }) => {
              if (size > maxTotal && child.exitCode === null) {
                stopped = true;
                child.kill();
              }
            },
            () => void 0
          );
        }, WATCH_MS) : null;
        child.on("error", (error) => reject(new Error(`git cat-file could not start: ${error.message}`)));
        child.on("close", (code, signal) => {
          if (watch) clearInterval(watch);
          if (code === 0 || stopped) resolve4();
          else reject(new Error(`git cat-file failed: ${stderr.why(code, signal)}`));
        });
        child.stdin.end(requests.map((r) => `${r.oid}
`).join(""));
      });
      const found = [];
      const answers = new AnswerReader();
      for (const { maxBytes, admit } of requests) answers.pending.push({ maxBytes, admit, resolve: (f) => found.push(f), reject: () => void 0 });
      const chunk = Buffer.allocUnsafe(READ_BACK_BYTES);
      for (let position = 0; answers.pending.length; ) {
        const { bytesRead } = await file.read(chunk, 0, chunk.length, position);
        if (!bytesRead) {
          if (!stopped) throw new Error(`git cat-file ended after ${found.length} of ${requests.length} answers`);
          for (let i = found.length; i < requests.length; i++) found.push(new NotRead(requests[i].oid));
          break;
        }
        answers.receive(chunk.subarray(0, bytesRead));
        position += bytesRead;
      }
      return found;
    } finally {
      await file.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// src/git/repo.ts
var MAX_METADATA_BYTES = 16 * 1024 * 1024;
var places = /* @__PURE__ */ new Map();
var FULL_SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/;
var ZERO_ID = /^0+$/;
var KEEP_OBJECT_BYTES = 64 * 1024;
var KEPT_BYTES = 32 * 1024 * 1024;
var GitRepo = class _GitRepo {
  constructor(cwd, root, prefix) {
    this.cwd = cwd;
    this.root = root;
    this.prefix = prefix;
    this.objects = new CatFileBatch(cwd);
  }
  cwd;
  root;
  prefix;
  /** Blobs are read through one `git cat-file --batch` for the whole run, not one process a file. */
  objects;
  /** A commit's listing, read once however many trees of that commit a run makes. */
  listings = /* @__PURE__ */ new Map();
  /** Commits as read (history walks them, then reads a file at each). */
  commits = /* @__PURE__ */ new Map();
  /** Tree objects by id, for path lookups: commits next to each other share most of their sub-trees. */
  trees = /* @__PURE__ */ new Map();
  /** Small objects as read (never changed by their readers), by id. */
  kept = /* @__PURE__ */ new Map();
  keptBytes = 0;
  static async open(dir) {
    let lines = places.get(dir);
    if (!lines) {
      lines = plainWorkTree(dir) ?? void 0;
      if (!lines) {
        try {
          lines = (await runGit(dir, ["rev-parse", "--show-toplevel", "--show-prefix"])).split("\n").map((line) => line.trim());
        } catch (error) {
          const words = String(error.message);
          if (/dubious ownership/.test(words)) throw new UserError(`git refuses to read the repository at ${dir}: ${words.replace(/^fatal: /, "")}`);
          throw new UserError(`${dir} is not inside a git repository (mlreport compares revisions, so it needs one).`);
        }
      }
      places.set(dir, lines);
    }
    return new _GitRepo(dir, lines[0], lines[1] ?? "");
  }
  /**
   * The repository opened at `dir`, reading commits from `folder` below it (`/`-separated), a folder the work tree need
   * not have: the project root a change moved away is read at the base, where it still is.
   */
  static async openBelow(dir, folder) {
    const repo = await _GitRepo.open(dir);
    return folder ? new _GitRepo(dir, repo.root, `${repo.prefix}${folder}/`) : repo;
  }
  /** Opens the repository for `fn` and closes it after, however `fn` ends. */
  static async using(dir, fn) {
    const git = await _GitRepo.open(dir);
    try {
      return await fn(git);
    } finally {
      await git.close();
    }
  }
  /** The full SHA of a revision, or null when git does not know it. */
  async resolveCommit(rev) {
    assertSafeRev(rev);
    return (await this.objects.resolve(`${rev}^{commit}`))?.oid ?? null;
  }
  /**
   * `resolveCommit` by a git process of its own: after a fetch deepened a shallow clone, the running object reader
   * still stops at the boundary it read when it started (`HEAD~1` stays unknown to it).
   */
  async resolveCommitAfterFetch(rev) {
    assertSafeRev(rev);
    return (await this.raw(["rev-parse", "--verify", "--quiet", "--end-of-options", `${rev}^{commit}`]).catch(() => "")).trim() || null;
  }
  async isShallow() {
    return (await this.raw(["rev-parse", "--is-shallow-repository"])).trim() === "true";
  }
  /**
   * Fetches one commit at depth 1 (what a shallow `actions/checkout` clone lacks), or with `depth` that many
   * commits of its history: never more than asked for. A full clone gets it whole (`depthArgs`).
   */
  async fetchCommit(sha, remote = "origin", depth = 1) {
    if (!FULL_SHA.test(sha)) throw new UserError(`not a full commit SHA: ${JSON.stringify(sha)}`);
    await this.raw(["fetch", "--no-tags", "--no-write-fetch-head", ...await this.depthArgs(depth), "--end-of-options", remote, sha]);
  }
  /**
   * `--depth=N` for a shallow clone; nothing for a full one, where git would write the fetched history's cut into
   * `.git/shallow` and so cut the history the clone had (a checkout with `fetch-depth: 0` turned shallow).
   */
  async depthArgs(depth) {
    if (!Number.isInteger(depth) || depth < 1) throw new UserError(`not a fetch depth: ${depth}`);
    return await this.isShallow() ? [`--depth=${depth}`] : [];
  }
  /** How many commits `rev`'s history holds here, counted up to `max` (a shallow clone's ends at its boundary). */
  async historyLength(rev, max) {
    assertSafeRev(rev);
    return Number((await this.raw(["rev-list", "--count", `--max-count=${max}`, "--end-of-options", rev])).trim());
  }
  /** Whether `name` may be a branch's name (`git check-ref-format --branch`). */
  async isBranchName(name) {
    return this.raw(["check-ref-format", "--branch", name]).then(
      () => true,
      () => false
    );
  }
  /** Fetches a branch into refs/remotes/<remote>/<branch>, `depth` commits deep (a full clone: whole, `depthArgs`). */
  async fetchBranch(branch, depth, remote = "origin") {
    await this.raw(["check-ref-format", "--branch", branch]).catch(() => {
      throw new UserError(`not a valid branch name: ${JSON.stringify(branch)}`);
    });
    assertSafeRev(branch);
    await this.raw([
      "fetch",
      "--no-tags",
      ...await this.depthArgs(depth),
      "--end-of-options",
      remote,
      `+refs/heads/${branch}:refs/remotes/${remote}/${branch}`
    ]);
  }
  /**
   * Fetches a branch's tip alone (depth 1, no tags) into the ref `into`, outside refs/heads and refs/remotes, and
   * returns its SHA; null (and `into` deleted) when the remote has no such branch.
   */
  async fetchTip(branch, into, remote = "origin") {
    assertSafeRev(branch);
    assertSafeRev(into);
    try {
      await this.raw(["fetch", "--no-tags", "--no-write-fetch-head", "--depth=1", "--end-of-options", remote, `+refs/heads/${branch}:${into}`]);
    } catch (error) {
      if (!/couldn't find remote ref/i.test(String(error))) throw error;
      await this.raw(["update-ref", "-d", into]);
      return null;
    }
    return (await this.raw(["rev-parse", "--verify", "--end-of-options", `${into}^{commit}`])).trim();
  }
  /** The bytes of `path` (from the top of the repository) at a commit, or null when it has no such file. */
  async readAt(commit, path, maxBytes) {
    if (!FULL_SHA.test(commit)) throw new UserError(`not a full commit SHA: ${JSON.stringify(commit)}`);
    const found = await this.objects.resolve(`${commit}:${path}`);
    return found?.type === "blob" ? this.objects.read(found.oid, maxBytes) : null;
  }
  /** A commit's tree, or null when git does not have the commit. */
  async treeOf(commit) {
    if (!FULL_SHA.test(commit)) throw new UserError(`not a full commit SHA: ${JSON.stringify(commit)}`);
    return (await this.objects.resolve(`${commit}^{tree}`))?.oid ?? null;
  }
  /** The entries of a folder (`path` from the top of the repository) at a commit, by name; null when it has no such folder. */
  async folderAt(commit, path) {
    if (!FULL_SHA.test(commit)) throw new UserError(`not a full commit SHA: ${JSON.stringify(commit)}`);
    const found = await this.objects.resolve(`${commit}:${path}`);
    return found?.type === "tree" ? this.readTree(found.oid) : null;
  }
  /** A commit's committer date (ISO 8601), or null when git does not have the commit. */
  async committerDate(commit) {
    if (!FULL_SHA.test(commit)) throw new UserError(`not a full commit SHA: ${JSON.stringify(commit)}`);
    const bytes = await this.objects.read(commit, 1024 * 1024);
    const m = bytes && /^committer .* (\d+) ([+-]\d{4})$/m.exec(bytes.toString("utf8"));
    return m ? new Date(Number(m[1]) * 1e3).toISOString() : null;
  }
  async mergeBase(a, b) {
    assertSafeRev(a);
    assertSafeRev(b);
    try {
      return (await this.raw(["merge-base", "--end-of-options", a, b])).trim() || null;
    } catch {
      return null;
    }
  }
  /** Every blob, link and submodule at a commit (paths relative to `cwd`), with its mode and object id. */
  listEntries(sha) {
    if (!FULL_SHA.test(sha)) return Promise.reject(new UserError(`not a full commit SHA: ${JSON.stringify(sha)}`));
    let listing = this.listings.get(sha);
    if (!listing) {
      listing = this.readListing(sha);
      this.listings.set(sha, listing);
    }
    return listing;
  }
  /** Whether this run has listed the commit already (`listEntries`): reading a path there then costs no object reads. */
  hasListing(sha) {
    return this.listings.has(sha);
  }
  async readListing(sha) {
    const out = await this.raw(["ls-tree", "-r", "--full-tree", "-z", "--end-of-options", sha]);
    const prefix = this.prefix;
    const entries = /* @__PURE__ */ new Map();
    for (let at = 0; at < out.length; ) {
      let end = out.indexOf("\0", at);
      if (end < 0) end = out.length;
      const space = out.indexOf(" ", at);
      const tab = out.indexOf("	", at);
      if (space > at && tab > space && tab < end && out.startsWith(prefix, tab + 1)) {
        entries.set(out.slice(tab + 1 + prefix.length, end), { mode: out.slice(at, space), oid: out.slice(out.lastIndexOf(" ", tab) + 1, tab) });
      }
      at = end + 1;
    }
    return entries;
  }
  /**
   * A commit's tree, parents and date, read through the object reader (no process a commit); null when git does not
   * have the commit (a shallow clone's history ends before it).
   */
  readCommit(sha) {
    let commit = this.commits.get(sha);
    if (!commit) {
      commit = this.parseCommit(sha);
      this.commits.set(sha, commit);
      void commit.then((found) => found ?? this.commits.delete(sha)).catch(() => this.commits.delete(sha));
    }
    return commit;
  }
  async parseCommit(sha) {
    const bytes = await this.readObject(sha, MAX_METADATA_BYTES);
    if (!bytes) return null;
    const header = bytes.toString("utf8", 0, Math.max(0, bytes.indexOf("\n\n")));
    const tree = /^tree ([0-9a-f]+)$/m.exec(header)?.[1];
    if (!tree) throw new UserError(`object ${sha} is not a commit`);
    const parents = [...header.matchAll(/^parent ([0-9a-f]+)$/gm)].map((m) => m[1]);
    const committer = /^committer .* (\d+) ([+-])(\d\d)(\d\d)$/m.exec(header);
    return { tree, parents, date: committer ? isoDate(Number(committer[1]), committer[2], committer[3], committer[4]) : null };
  }
  /**
   * One path's entry at a commit (relative to `cwd`), found by reading the tree objects along the path through the
   * object reader rather than listing the whole commit: for a few files at each of many commits. Null when the
   * commit has no such path.
   */
  async entryAt(sha, path) {
    const entry = await this.walk(sha, `${this.prefix}${path}`);
    return entry && entry.mode !== "40000" ? entry : null;
  }
  /**
   * What a path from the top of the work tree (not from `cwd`) is at a commit: a folder, a regular file, or null for
   * anything else (absent, a link, a submodule). For finding a revision's project root, which may lie above `cwd`.
   */
  async kindAtTop(sha, path) {
    const entry = await this.walk(sha, path);
    return entry?.mode === "40000" ? "folder" : entry?.mode.startsWith("100") ? "file" : null;
  }
  async walk(sha, path) {
    const commit = await this.readCommit(sha);
    if (!commit) throw new UserError(`git does not have commit ${sha}`);
    let entry = { mode: "40000", oid: commit.tree };
    for (const part of path.split("/").filter(Boolean)) {
      if (entry.mode !== "40000") return null;
      entry = (await this.readTree(entry.oid)).get(part);
      if (!entry) return null;
    }
    return entry;
  }
  readTree(oid) {
    let tree = this.trees.get(oid);
    if (!tree) {
      tree = this.readObject(oid, MAX_METADATA_BYTES).then((bytes) => {
        if (!bytes) throw new UserError(`git lists tree ${oid} but does not have it (a partial or damaged clone?)`);
        return parseTree(bytes, oid.length / 2);
      });
      this.trees.set(oid, tree);
    }
    return tree;
  }
  /**
   * An object's bytes (a blob by the id `listEntries` gave), or null when git does not have it. More than
   * `maxBytes` is `ObjectTooLarge`, and those bytes are skipped, never held.
   */
  async readObject(oid, maxBytes) {
    if (!FULL_SHA.test(oid)) throw new UserError(`not an object id: ${JSON.stringify(oid)}`);
    const kept = this.kept.get(oid);
    if (kept && kept.length <= maxBytes) return kept;
    const bytes = await this.objects.read(oid, maxBytes);
    if (bytes) this.keep(oid, bytes);
    return bytes;
  }
  /**
   * Many objects as `readObject` reads each, asked of git in one batch; an id it lacks is null, one too large (or
   * that its `admit` refused) `ObjectTooLarge`. `admit` is asked of kept objects first, then in git's order (the
   * order of `requests`). Past `maxTotal` bytes of answers git may be stopped: the objects it did not get to are
   * `NotRead` (`CatFileBatch.readMany`).
   */
  async readObjects(requests, maxTotal = Infinity) {
    const bad = requests.find((r) => !FULL_SHA.test(r.oid));
    if (bad) throw new UserError(`not an object id: ${JSON.stringify(bad.oid)}`);
    const out = new Array(requests.length);
    const asked = [];
    const at = [];
    requests.forEach((r, i) => {
      const kept = this.kept.get(r.oid);
      if (kept && kept.length <= r.maxBytes) out[i] = r.admit && !r.admit(kept.length) ? new ObjectTooLarge(r.oid, kept.length) : kept;
      else {
        asked.push(r);
        at.push(i);
      }
    });
    const got = await this.objects.readMany(asked, maxTotal);
    got.forEach((bytes, j) => {
      out[at[j]] = bytes;
      if (bytes instanceof Buffer) this.keep(asked[j].oid, bytes);
    });
    return out;
  }
  keep(oid, bytes) {
    if (bytes.length > KEEP_OBJECT_BYTES || this.keptBytes + bytes.length > KEPT_BYTES || this.kept.has(oid)) return;
    this.kept.set(oid, bytes);
    this.keptBytes += bytes.length;
  }
  /** git with `args` in this repository's `cwd`: its stdout, or its own words when it fails. */
  raw(args, input) {
    return runGit(this.cwd, args, input);
  }
  /** Ends the object reader's git process; every command that opens a repository closes it, errors too. */
  close() {
    return this.objects.close();
  }
  /** An object's bytes as git writes them, a chunk at a time (`git cat-file blob`), for files read in one pass. */
  async *streamObject(oid) {
    if (!FULL_SHA.test(oid)) throw new UserError(`not an object id: ${JSON.stringify(oid)}`);
    const child = spawn3("git", ["cat-file", "blob", oid], { cwd: this.cwd, stdio: ["ignore", "pipe", "pipe"], windowsHide: true });
    const stderr = gitStderr(child, "git cat-file");
    const closed = new Promise((resolve4, reject) => {
      child.on("error", reject);
      child.on("close", (code, signal) => resolve4([code, signal]));
    });
    try {
      for await (const chunk of child.stdout) yield chunk;
      const [code, signal] = await closed;
      if (code !== 0) throw new UserError(`git cat-file blob ${oid} failed: ${stderr.why(code, signal)}`);
    } finally {
      if (child.exitCode === null) child.kill();
    }
  }
  /**
   * `git diff --numstat` from a commit to the working tree under `cwd` (tracked files, staged or not), paths relative
   * to `cwd`: lines added and deleted per file, null for a binary file; of `paths` alone when given. No renames,
   * external diff or textconv drivers.
   */
  async diffNumstat(sha, paths) {
    if (!FULL_SHA.test(sha)) throw new UserError(`not a full commit SHA: ${JSON.stringify(sha)}`);
    const files = /* @__PURE__ */ new Map();
    const groups = paths ? Array.from({ length: Math.ceil(paths.length / 500) }, (_, i) => paths.slice(i * 500, i * 500 + 500)) : [null];
    for (const group of groups) {
      const pathspecs = group ? group.map((p) => `:(literal)${p}`) : [];
      const out = await this.raw(["diff", "--numstat", "-z", "--no-renames", "--no-ext-diff", "--no-textconv", "--relative", sha, "--", ...pathspecs]);
      for (const record of out.split("\0")) {
        const m = /^(\d+|-)\t(\d+|-)\t(.*)$/s.exec(record);
        if (m) files.set(m[3], m[1] === "-" ? null : { added: Number(m[1]), deleted: Number(m[2]) });
      }
    }
    return files;
  }
  /**
   * The paths `diffNumstat` lists, found without reading the content of most files: counting lines reads both sides of
   * every changed file, and a change that deletes a thousand values files need count none of them. Through the
   * plumbing `git diff-index`, not `git diff --raw`: for each file whose stat differs from the index, `git diff` reads
   * the commit's blob and the file, to leave out a change of stat alone (2,000 rewritten files: \u2248 70 ms of git, where
   * `diff-index` takes \u2248 10). Here only those files are hashed, by one `git hash-object` (through the same filters),
   * and the ones whose content is the commit's are left out.
   */
  async diffPaths(sha) {
    if (!FULL_SHA.test(sha)) throw new UserError(`not a full commit SHA: ${JSON.stringify(sha)}`);
    const out = await this.raw(["diff-index", "--raw", "-z", "--no-renames", "--relative", sha, "--"]);
    const paths = [];
    const unsure = /* @__PURE__ */ new Map();
    const fields = out.split("\0");
    for (let i = 0; i + 1 < fields.length; i += 2) {
      if (!fields[i].startsWith(":")) continue;
      const [mode, newMode, oid, newOid, status] = fields[i].slice(1).split(" ");
      const path = fields[i + 1];
      paths.push(path);
      if (status === "M" && mode === newMode && mode.startsWith("100") && ZERO_ID.test(newOid) && !path.includes("\n")) unsure.set(path, oid);
    }
    if (!unsure.size) return paths;
    const asked = [...unsure.keys()];
    let ids;
    try {
      ids = (await this.raw(["hash-object", "--stdin-paths"], asked.map((path) => `${path}
`).join(""))).split("\n");
    } catch {
      return paths;
    }
    const unchanged = new Set(asked.filter((path, i) => ids[i] === unsure.get(path)));
    return paths.filter((path) => !unchanged.has(path));
  }
  /** The names of the configured remotes (`origin`, \u2026). */
  async remotes() {
    return (await this.raw(["remote"])).split("\n").filter(Boolean);
  }
  /**
   * HEAD's commit (null before the first commit), its branch (null when detached), and whether the working tree under
   * `cwd` differs from it: modified, staged or untracked (not ignored) files, leaving out `exclude` (paths relative to
   * `cwd`, such as the report's own output folder). One `git status` answers all three.
   */
  async workingState(exclude = []) {
    const pathspecs = [".", ...exclude.map((p) => `:(exclude)${p}`)];
    const out = await this.raw(["status", "--porcelain=v2", "--branch", "--no-ahead-behind", "--untracked-files=normal", "-z", "--", ...pathspecs]);
    let head = null;
    let branch = null;
    let changed = false;
    for (const record of out.split("\0")) {
      if (record.startsWith("# branch.oid ")) head = FULL_SHA.test(record.slice(13)) ? record.slice(13) : null;
      else if (record.startsWith("# branch.head ")) branch = record.slice(14) === "(detached)" ? null : record.slice(14);
      else if (record && !record.startsWith("# ")) changed = true;
    }
    return { head, branch, changed };
  }
};
function parseTree(bytes, idBytes) {
  const entries = /* @__PURE__ */ new Map();
  for (let at = 0; at < bytes.length; ) {
    const space = bytes.indexOf(32, at);
    const nul = bytes.indexOf(0, space + 1);
    if (space < 0 || nul < 0 || nul + 1 + idBytes > bytes.length) throw new UserError("a tree object git gave does not parse");
    entries.set(bytes.toString("utf8", space + 1, nul), { mode: bytes.toString("latin1", at, space), oid: bytes.toString("hex", nul + 1, nul + 1 + idBytes) });
    at = nul + 1 + idBytes;
  }
  return entries;
}
function isoDate(seconds, sign, hours, minutes) {
  const offset = (sign === "-" ? -1 : 1) * (Number(hours) * 60 + Number(minutes));
  const local = new Date((seconds + offset * 60) * 1e3).toISOString().slice(0, 19);
  return `${local}${sign}${hours}:${minutes}`;
}
var DISCOVERY_VARIABLES = ["GIT_DIR", "GIT_WORK_TREE", "GIT_COMMON_DIR", "GIT_CEILING_DIRECTORIES", "GIT_DISCOVERY_ACROSS_FILESYSTEM"];
function plainWorkTree(dir) {
  if (DISCOVERY_VARIABLES.some((name) => process.env[name] !== void 0)) return null;
  const uid = process.getuid?.();
  if (uid === void 0) return null;
  let real;
  try {
    real = realpathSync(dir);
  } catch {
    return null;
  }
  for (let top = real; ; top = dirname(top)) {
    const dotGit = join2(top, ".git");
    const found = statSync(dotGit, { throwIfNoEntry: false });
    if (found) {
      if (!found.isDirectory() || found.uid !== uid || statSync(top).uid !== uid) return null;
      if (!statSync(join2(dotGit, "HEAD"), { throwIfNoEntry: false })?.isFile()) return null;
      let config = "";
      try {
        config = readFileSync2(join2(dotGit, "config"), "utf8");
      } catch {
        return null;
      }
      if (/^\s*(worktree\w*|bare\s*=\s*true)\b|^\s*\[\s*include/im.test(config)) return null;
      const parts = relative(top, real).split(sep).filter(Boolean);
      if (parts.some((part) => part.toLowerCase() === ".git")) return null;
      return [top, parts.map((part) => `${part}/`).join("")];
    }
    if (dirname(top) === top) return null;
  }
}
function isUsableRev(rev) {
  return !!rev && !rev.startsWith("-") && !/[\x00-\x1f\x7f]/.test(rev);
}
function assertSafeRev(rev) {
  if (!isUsableRev(rev)) throw new UserError(`not a usable git revision: ${JSON.stringify(rev)}`);
}

// src/config/project-root.ts
var PROJECT_FILES = ["dvc.yaml", ".mlreport.yml"];
async function findProjectRoot(start, what, written = start) {
  const real = await realpath(start).catch(() => null);
  if (!real || !await isDirectory(real)) {
    throw new UserError(`${what}: '${written}' is not a directory (${start} ${real ? "is a file" : "does not exist"}).`);
  }
  const top = await gitRoot(real);
  const chain = [];
  for (let dir = real; ; dir = dirname2(dir)) {
    chain.push(dir);
    if (dir === top || dirname2(dir) === dir) break;
  }
  const onDisk = { isFolder: isDirectory, isFile, join: join3 };
  return await nearestProject(chain, onDisk, top !== null) ?? top ?? real;
}
async function nearestProject(chain, folders, inGit) {
  for (const dir of chain) if (await folders.isFolder(folders.join(dir, ".dvc"))) return dir;
  if (!inGit) return null;
  for (const dir of chain) {
    for (const name of PROJECT_FILES) if (await folders.isFile(folders.join(dir, name))) return dir;
  }
  return null;
}
async function gitRoot(dir) {
  try {
    return await realpath((await GitRepo.open(dir)).root);
  } catch {
    return null;
  }
}
async function isDirectory(path) {
  return (await stat(path).catch(() => null))?.isDirectory() ?? false;
}
async function isFile(path) {
  return (await stat(path).catch(() => null))?.isFile() ?? false;
}

// src/commands/dvc-args.ts
function parseDvcStyleArgs(args, known) {
  const out = { revisions: [], targets: null, flags: /* @__PURE__ */ new Set(), values: /* @__PURE__ */ new Map() };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const name = arg.split("=")[0];
    if (known.flags.includes(arg)) out.flags.add(arg);
    else if (arg === "--targets") {
      out.targets ??= [];
      while (i + 1 < args.length && !args[i + 1].startsWith("-")) out.targets.push(args[++i]);
    } else if (known.valued?.includes(name)) {
      out.values.set(name, arg.includes("=") ? arg.slice(name.length + 1) : args[++i] ?? "");
    } else if (arg === "--") {
      for (const rest of args.slice(i + 1)) out.revisions.push(rest);
      break;
    } else if (arg.startsWith("-")) throw new UserError(`unknown option '${arg}'`);
    else out.revisions.push(arg);
  }
  if (out.revisions.length > 2) {
    throw new UserError(`expected at most two revisions (A_REV B_REV), got ${out.revisions.length}: ${out.revisions.join(" ")}`);
  }
  return out;
}

// src/util/redact.ts
var forms = [];
var shortestForm = Infinity;
var MASK = "***";
var MIN_SECRET = 4;
var MIN_DERIVED = 6;
var URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]*:\/\/)([^\s/?#@:]*):([^\s/?#@]+)@/gi;
var AUTH_HEADER = /\b(authorization:\s*(?:basic|bearer|token)\s+)[A-Za-z0-9+/=._~-]+/gi;
var AUTH_HINT = /authorization:/i;
var AUTH_HINT_LENGTH = "authorization:".length;
function maskable(secret) {
  return secret.length >= MIN_SECRET;
}
function addSecret(secret) {
  if (!secret || !maskable(secret)) return;
  const found = /* @__PURE__ */ new Set([secret]);
  if (secret.length >= MIN_DERIVED) {
    const encoded = encodeURIComponent(secret);
    if (encoded !== secret) found.add(encoded);
    for (const core of base64Cores(secret)) if (core.length >= MIN_DERIVED) found.add(core);
  }
  forms = [.../* @__PURE__ */ new Set([...forms, ...found])].sort((a, b) => b.length - a.length);
  shortestForm = forms[forms.length - 1].length;
}
function redact(text2) {
  let out = text2;
  if (out.length >= shortestForm) {
    for (const form of forms) if (out.includes(form)) out = out.split(form).join(MASK);
  }
  if (out.includes("@")) out = out.replace(URL_CREDENTIALS, `$1$2:${MASK}@`);
  if (out.length >= AUTH_HINT_LENGTH && out.includes(":") && AUTH_HINT.test(out)) out = out.replace(AUTH_HEADER, `$1${MASK}`);
  return out;
}
function base64Cores(secret) {
  const bytes = Buffer.from(secret, "utf8");
  const out = [];
  for (let k = 0; k < 3; k++) {
    const text2 = Buffer.concat([Buffer.alloc(k), bytes]).toString("base64");
    const core = text2.slice(Math.ceil(8 * k / 6), Math.floor(8 * (k + bytes.length) / 6));
    out.push(core, core.replace(/\+/g, "-").replace(/\//g, "_"));
  }
  return out;
}

// src/util/node-crypto.ts
function nodeCrypto() {
  return process.getBuiltinModule("node:crypto");
}

// src/util/workflow-commands.ts
function inertCommands(text2) {
  if (!/^\s*::|##\[/m.test(text2)) return text2;
  const token = nodeCrypto().randomUUID();
  const ended = text2.endsWith("\n");
  return `::stop-commands::${token}
${ended ? text2 : `${text2}
`}::${token}::${ended ? "\n" : ""}`;
}

// src/util/console-logger.ts
function consoleLogger(quiet = false) {
  const write = (text2) => {
    process.stderr.write(`${safeText(text2)}
`);
  };
  return {
    info: (message) => {
      if (!quiet) write(message);
    },
    warning: (message) => write(`warning: ${message}`),
    error: (message) => write(`error: ${message}`),
    group: async (title, fn) => {
      if (!quiet) write(`\u2500\u2500 ${title}`);
      return fn();
    }
  };
}
function writeResult(text2) {
  process.stdout.write(safeText(text2));
}
function writeError(text2) {
  process.stderr.write(safeText(text2));
}
function safeText(text2) {
  const clean = redact(text2);
  return process.env.GITHUB_ACTIONS === "true" ? inertCommands(clean) : clean;
}

// src/report/escape.ts
function escapeCell(text2) {
  if (!NEEDS_ESCAPE.test(text2)) return text2.includes("_") ? text2.replace(/_/g, "\\_") : text2;
  return text2.replace(/\\/g, "\\\\").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/[|`*_[\]~]/g, "\\$&").replace(/@(?=\w)/g, "@\u200D").replace(/#(?=\d)/g, "#\u200D").replace(/\bGH-(?=\d)/gi, (m) => `${m.slice(0, 2)}\u200D-`).replace(/([a-z][a-z0-9+.-]*):(?=\/\/)/gi, "$1:\u200B").replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}\u200B.`).replace(/\r\n?|\n/g, " ");
}
var NEEDS_ESCAPE = /[\\&<>|`*[\]~@#:\r\n]|gh-|www\./i;

// src/values/collect.ts
import { posix as posix8 } from "node:path";
import { isAscii } from "node:buffer";

// src/dvc/project.ts
import { posix as posix5 } from "node:path";

// src/workspace/tree.ts
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync, realpathSync as realpathSync2, statSync as statSync3 } from "node:fs";
import { readdir } from "node:fs/promises";
import { join as join5, sep as sep3 } from "node:path";

// src/pipeline/dvcignore.ts
import { readFileSync as readFileSync3, statSync as statSync2 } from "node:fs";
import { join as join4 } from "node:path";
var DEFAULT_PATTERNS = [".hg/", ".git/", ".git", ".dvc/"];
var DvcIgnore = class {
  constructor(root) {
    this.root = root;
  }
  root;
  cache = /* @__PURE__ */ new Map();
  chains = /* @__PURE__ */ new Map();
  defaults = DEFAULT_PATTERNS.map(compileRule).filter((r) => r !== null);
  /** `relPath` is posix, relative to the root, without a leading `./`. */
  isIgnored(relPath, isDir) {
    const parts = relPath.split("/").filter(Boolean);
    for (let i = 1; i <= parts.length; i++) {
      const sub = parts.slice(0, i).join("/");
      if (this.matches(sub, i < parts.length ? true : isDir)) return true;
    }
    return false;
  }
  /** Whether the directory `relDir` holds a `.dvcignore` file. */
  hasIgnoreFile(relDir) {
    try {
      readFileSync3(join4(this.root, relDir, ".dvcignore"));
      return true;
    } catch {
      return false;
    }
  }
  /** Whether the rules ignore `relPath` itself, its folders being known not to be ignored (a walk's child). */
  matches(relPath, isDir) {
    const slash = relPath.lastIndexOf("/");
    let ignored = apply(this.defaults, slash < 0 ? relPath : relPath.slice(slash + 1), isDir, false);
    for (const { rules, offset } of this.chain(slash < 0 ? "" : relPath.slice(0, slash))) {
      ignored = apply(rules, relPath.slice(offset), isDir, ignored);
    }
    return ignored;
  }
  /**
   * `matches` for the children of `relDir` by name, made once a folder: a walk of 10k files under no
   * `.dvcignore` then tests only the built-in names and builds no paths.
   */
  childMatcher(relDir) {
    if (!this.chain(relDir).length) return (name, isDir) => apply(this.defaults, name, isDir, false);
    const prefix = relDir ? `${relDir}/` : "";
    return (name, isDir) => this.matches(prefix + name, isDir);
  }
  /**
   * The folders from the root down to `relDir` (itself included) that have rules, each with where a path
   * below it starts: a walk asks this once a folder, not once a file.
   */
  chain(relDir) {
    let chain = this.chains.get(relDir);
    if (!chain) {
      const slash = relDir.lastIndexOf("/");
      const parent = relDir ? this.chain(slash < 0 ? "" : relDir.slice(0, slash)) : [];
      const rules = this.rulesIn(relDir);
      chain = rules.length ? [...parent, { rules, offset: relDir ? relDir.length + 1 : 0 }] : parent;
      this.chains.set(relDir, chain);
    }
    return chain;
  }
  rulesIn(relDir) {
    let rules = this.cache.get(relDir);
    if (!rules) {
      const file = join4(this.root, relDir, ".dvcignore");
      let text2 = "";
      if (statSync2(file, { throwIfNoEntry: false })) {
        try {
          text2 = readFileSync3(file, "utf8");
        } catch {
          text2 = "";
        }
      }
      rules = text2.split(/\r?\n/).map(compileRule).filter((r) => r !== null);
      this.cache.set(relDir, rules);
    }
    return rules;
  }
};
function apply(rules, rel, isDir, ignored) {
  for (const rule of rules) {
    if (rule.dirOnly && !isDir) continue;
    if (rule.name === void 0 ? rule.regex.test(rel) : rel === rule.name || rel.endsWith(rule.slashName)) ignored = !rule.negate;
  }
  return ignored;
}
function compileRule(line) {
  let pattern = line.replace(/(?<!\\)\s+$/, "");
  if (!pattern || pattern.startsWith("#")) return null;
  let negate = false;
  if (pattern.startsWith("!")) {
    negate = true;
    pattern = pattern.slice(1);
  }
  if (pattern.startsWith("\\#") || pattern.startsWith("\\!")) pattern = pattern.slice(1);
  let dirOnly = false;
  if (pattern.endsWith("/")) {
    dirOnly = true;
    pattern = pattern.slice(0, -1);
  }
  const anchored = pattern.includes("/");
  if (pattern.startsWith("/")) pattern = pattern.slice(1);
  let re = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "*" && pattern[i + 1] === "*") {
      const atStart = i === 0 || pattern[i - 1] === "/";
      const atEnd = i + 2 === pattern.length || pattern[i + 2] === "/";
      if (atStart && atEnd) {
        if (i + 2 === pattern.length) re += ".*";
        else {
          re += "(?:.*/)?";
          i += 1;
        }
        i += 1;
        continue;
      }
      re += "[^/]*";
      i += 1;
    } else if (c === "*") re += "[^/]*";
    else if (c === "?") re += "[^/]";
    else if (c === "[") {
      const close = pattern.indexOf("]", i + 2);
      if (close < 0) re += "\\[";
      else {
        let cls = pattern.slice(i + 1, close);
        if (cls.startsWith("!")) cls = `^${cls.slice(1)}`;
        re += `[${cls.replace(/\\/g, "\\\\")}]`;
        i = close;
      }
    } else if (c === "\\" && i + 1 < pattern.length) {
      re += pattern[++i].replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
    } else re += c.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  }
  const prefix = anchored ? "^" : "^(?:.*/)?";
  const rule = { negate, dirOnly, regex: new RegExp(`${prefix}${re}$`) };
  if (!anchored && !/[*?[\\]/.test(pattern)) {
    rule.name = pattern;
    rule.slashName = `/${pattern}`;
  }
  return rule;
}

// src/workspace/tree.ts
async function readFiles(tree, paths) {
  if (tree.readMany) return tree.readMany(paths);
  const out = [];
  for (const path of paths) out.push(await tree.read(path).catch((error) => asError(error)));
  return out;
}
var asError = (error) => error instanceof Error ? error : new Error(String(error));
var RefusedRead = class extends UserError {
};
var NotAFile = class extends UserError {
  constructor(path) {
    const what = FILE_ROLES[path.slice(path.lastIndexOf("/") + 1)];
    super(`${path}: a folder, not a file${what ? ` (expected ${what})` : ""}; not read`);
    this.path = path;
  }
  path;
};
var FILE_ROLES = {
  "dvc.yaml": "DVC's pipeline file",
  "dvc.lock": "DVC's lock file",
  "params.yaml": "DVC's default params file",
  ".mlreport.yml": "mlreport's settings file"
};
var MAX_FILE_BYTES = 100 * 1024 * 1024;
var MAX_RUN_BYTES = 1024 * 1024 * 1024;
var ReadBudget = class {
  constructor(perFile = MAX_FILE_BYTES, perRun = MAX_RUN_BYTES) {
    this.perFile = perFile;
    this.perRun = perRun;
  }
  perFile;
  perRun;
  used = 0;
  /** Takes `size` bytes of the budget for `path`, or refuses the read without taking anything. */
  take(path, size, streamed = false) {
    if (size > this.perFile && !streamed)
      throw new RefusedRead(`${path}: ${mib(size)} is larger than the ${mib(this.perFile)} a project file may have; not read`);
    if (this.used + size > this.perRun) throw this.passed(path);
    this.used += size;
  }
  /** Bytes the run may still read. */
  get left() {
    return this.perRun - this.used;
  }
  /** The refusal of `path` where the reads before it used what the run may read. */
  passed(path) {
    return new RefusedRead(`${path}: reading it would pass the ${mib(this.perRun)} one run may read; not read`);
  }
};
function mib(bytes) {
  return `${(bytes / 1024 / 1024).toFixed(bytes < 1024 * 1024 ? 2 : 0)} MiB`;
}
var PRIVATE_DIRS = [".git", ".dvc"];
var MAX_WORKSPACE_FILES = 2e5;
var SKIP_DIRS = /* @__PURE__ */ new Set(["node_modules", ".mlreport"]);
var MAX_LINKED_FOLDERS = 1e3;
var MAX_LINK_HOPS = 40;
var MAX_LINK_BYTES = 4096;
function isPrivate(part) {
  return PRIVATE_DIRS.includes(part.toLowerCase());
}
function projectPath(path) {
  const parts = [];
  const clean = path.replace(/\\/g, "/");
  if (clean.startsWith("/") || /^[A-Za-z]:/.test(clean)) throw new RefusedRead(`${path}: an absolute path; only files inside the project are read`);
  for (const part of clean.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (!parts.length) throw new RefusedRead(`${path}: outside the project; not read`);
      parts.pop();
    } else if (isPrivate(part)) {
      throw new RefusedRead(`${path}: inside ${part}/, which holds git's or DVC's own files (and their credentials); not read`);
    } else parts.push(part);
  }
  return parts.join("/");
}
function dvcPlotsPath(name) {
  if (/[\\\0]/.test(name) || name.split("/").some((part) => part === "" || part === "." || part === "..")) {
    throw new RefusedRead(`.dvc/plots/${name}: only a file inside .dvc/plots/, by its path from there without . or .., is read there; not read`);
  }
  return `.dvc/plots/${name}`;
}
function located(path, full, follow) {
  try {
    const info = follow ? statSync3(full, { throwIfNoEntry: false }) : lstatSync(full, { throwIfNoEntry: false });
    if (!info) return null;
    return { info, target: realpathSync2.native(full) };
  } catch (error) {
    const code = error.code;
    if (code === "ENOENT" || code === "ENOTDIR") return null;
    if (code === "ELOOP") throw new RefusedRead(`${path}: a loop of links (each leads on to another, never to a file); not read`);
    throw error;
  }
}
function workspaceTree(root, options = {}) {
  const budget = options.budget ?? new ReadBudget();
  const listing = options.listing?.root === root ? options.listing : null;
  let files = null;
  let realRoot = null;
  return {
    name: options.name ?? "workspace",
    isCommit: false,
    read: (path) => later(() => readNow(path)),
    chunks: (path) => later(() => chunksNow(path)),
    dvcPlotsFile: (name) => later(() => dvcPlotsFileNow(name)),
    dvcConfigSource: () => Promise.resolve({ root }),
    list() {
      files ??= listing ? listing.files() : walk(root);
      return files;
    },
    ignored: (paths) => ignoredInWorkspace(root, paths)
  };
  function readNow(path) {
    return readOpened(open4(path, false));
  }
  function dvcPlotsFileNow(name) {
    const rel = dvcPlotsPath(name);
    const full = join5(root, ...rel.split("/"));
    const found = located(rel, full, false);
    if (!found) return null;
    const { info, target } = found;
    if (info.isSymbolicLink()) throw new RefusedRead(`${rel}: a link; links in .dvc/plots/ are not followed`);
    const inside = realRoot ??= realpathSync2.native(root);
    if (target !== join5(inside, ".dvc", "plots", ...name.split("/"))) {
      throw new RefusedRead(`${rel}: not a file of the project's own .dvc/plots/ (a linked folder, or a name in another letter case); not read`);
    }
    if (info.isDirectory()) throw new NotAFile(rel);
    return readOpened(openChecked(rel, full, info, false));
  }
  function readOpened(file) {
    if (!file) return null;
    const { fd, size } = file;
    try {
      const buffer = Buffer.allocUnsafe(size);
      let offset = 0;
      while (offset < size) {
        const bytesRead = readSync(fd, buffer, offset, size - offset, offset);
        if (!bytesRead) break;
        offset += bytesRead;
      }
      return buffer.subarray(0, offset);
    } finally {
      closeSync(fd);
    }
  }
  function chunksNow(path) {
    const file = open4(path, true);
    if (!file) return null;
    return (function* () {
      const { fd, size } = file;
      try {
        const buffer = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, size));
        for (let offset = 0; offset < size; ) {
          const bytesRead = readSync(fd, buffer, 0, Math.min(buffer.length, size - offset), offset);
          if (!bytesRead) break;
          offset += bytesRead;
          yield buffer.subarray(0, bytesRead);
        }
      } finally {
        closeSync(fd);
      }
    })();
  }
  function open4(path, streamed) {
    const rel = projectPath(path);
    const full = join5(root, ...rel.split("/"));
    const found = located(path, full, true);
    if (!found) return null;
    const { info, target } = found;
    const inside = realRoot ??= realpathSync2.native(root);
    if (target !== inside && !target.startsWith(inside + sep3))
      throw new RefusedRead(`${path}: a link to a ${info.isDirectory() ? "folder" : "file"} outside the project; not read`);
    const targetParts = target.slice(inside.length + 1).split(sep3);
    if (targetParts.some(isPrivate)) throw new RefusedRead(`${path}: a link into .git/ or .dvc/, which hold git's or DVC's own files; not read`);
    const asOnDisk = targetParts.join("/");
    if (asOnDisk !== rel && asOnDisk.toLowerCase() === rel.toLowerCase() && !namedAsOnDisk(root, rel)) {
      throw new RefusedRead(
        `${path}: the file on disk is '${asOnDisk}' (letter case differs), which git and Linux runners do not take for '${rel}'; not read \u2014 use its name as on disk`
      );
    }
    if (info.isDirectory()) throw new NotAFile(path);
    return openChecked(path, target, info, streamed);
  }
  function openChecked(path, target, info, streamed) {
    if (!info.isFile()) throw new RefusedRead(`${path}: not a regular file (a FIFO, socket or device); not read`);
    budget.take(path, info.size, streamed);
    const fd = openSync(target, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const opened = fstatSync(fd);
      if (!opened.isFile()) throw new RefusedRead(`${path}: not a regular file; not read`);
      if (opened.size !== info.size) budget.take(path, Math.max(0, opened.size - info.size), streamed);
      return { fd, size: opened.size };
    } catch (error) {
      closeSync(fd);
      throw error;
    }
  }
}
function later(fn) {
  return new Promise((resolve4) => resolve4(fn()));
}
function namedAsOnDisk(root, rel) {
  let dir = root;
  for (const part of rel.split("/")) {
    if (!readdirSync(dir).includes(part)) return false;
    dir = join5(dir, part);
  }
  return true;
}
var CHUNK_BYTES = 1024 * 1024;
var LINK_MODE = "120000";
function commitTree(git, sha, name, options = {}) {
  const budget = options.budget ?? new ReadBudget();
  let entries = null;
  let files = null;
  const listing = () => entries ??= git.listEntries(sha);
  const entryOf = options.byPath ? (rel) => git.entryAt(sha, rel) : async (rel) => (await listing()).get(rel) ?? null;
  return {
    name,
    isCommit: true,
    async read(path) {
      const entry = await resolve4(path);
      return entry && readUnsized(git, path, entry, budget);
    },
    async readMany(paths) {
      const out = new Array(paths.length).fill(null);
      const wanted = [];
      const all = options.byPath ? null : await listing();
      for (let at = 0; at < paths.length; at++) {
        const path = paths[at];
        try {
          const listed = all?.get(projectPath(path));
          const entry = listed?.mode.startsWith("100") ? listed : await resolve4(path);
          if (entry) wanted.push({ at, path, entry });
        } catch (error) {
          out[at] = asError(error);
        }
      }
      const refused = /* @__PURE__ */ new Map();
      const blobs = await git.readObjects(
        wanted.map(({ at, path, entry }) => ({ oid: entry.oid, maxBytes: Infinity, admit: takeInTurn(budget, path, (error) => refused.set(at, error)) })),
        // git is stopped once its answers pass what the run may still read: what it did not get to is refused as such.
        budget.left
      );
      wanted.forEach(({ at, path, entry }, i) => {
        const blob = blobs[i];
        if (blob instanceof NotRead) out[at] = budget.passed(path);
        else out[at] = refused.get(at) ?? (blob instanceof Buffer ? blob : missingObject(path, entry, blob));
      });
      return out;
    },
    async chunks(path) {
      const entry = await resolve4(path);
      return entry && budgeted(path, git.streamObject(entry.oid), budget);
    },
    dvcConfig,
    async dvcConfigSource() {
      return { root: git.cwd, repo: { text: (await dvcConfig())?.toString("utf8") ?? null, name: `.dvc/config at ${name}` } };
    },
    async dvcPlotsFile(name2) {
      const rel = dvcPlotsPath(name2);
      const entry = await entryOf(rel);
      if (entry?.mode === LINK_MODE) throw new RefusedRead(`${rel}: a link; links in .dvc/plots/ are not followed`);
      return entry?.mode.startsWith("100") ? readUnsized(git, rel, entry, budget) : null;
    },
    async list() {
      files ??= listThroughLinks();
      return (await files).files;
    },
    // DVC's collection of dvc.yaml and `.dvc` files does not follow links, at a revision as in the workspace.
    async ignored(paths) {
      files ??= listThroughLinks();
      const { throughLinks } = await files;
      return new Set(paths.filter((p) => throughLinks.has(p)));
    }
  };
  async function listThroughLinks() {
    const all = await listing();
    const own = [...all.keys()].filter((p) => !p.split("/").some(isPrivate)).sort();
    const throughLinks = /* @__PURE__ */ new Set();
    if (!own.some((p) => all.get(p).mode === LINK_MODE)) return { files: own, throughLinks };
    const folders = /* @__PURE__ */ new Set();
    for (const p of own) for (let i = p.indexOf("/"); i >= 0; i = p.indexOf("/", i + 1)) folders.add(p.slice(0, i));
    const out = [];
    let linksWalked = 0;
    const visit = async (folder, prefix, through) => {
      const from = folder ? `${folder}/` : "";
      for (let at = firstAtOrAfter(own, from); at < own.length && own[at].startsWith(from); at++) {
        const real = own[at];
        const name2 = prefix + real.slice(from.length);
        if (all.get(real).mode === LINK_MODE && linksWalked < MAX_LINKED_FOLDERS) {
          const target = await linkedFolderAt(real, folders);
          const place2 = real.includes("/") ? real.slice(0, real.lastIndexOf("/")) : "";
          const above2 = target === "" || place2 === target || place2.startsWith(`${target}/`);
          if (target !== null && !above2 && !through.includes(target) && throughLinks.size < MAX_WORKSPACE_FILES) {
            linksWalked++;
            await visit(target, `${name2}/`, [...through, target]);
            continue;
          }
        }
        out.push(name2);
        if (prefix) throughLinks.add(name2);
      }
    };
    await visit("", "", []);
    return { files: out.sort(), throughLinks };
  }
  async function linkedFolderAt(path, folders) {
    try {
      const found = await follow(path, path);
      return found && !found.entry && (found.rel === "" || folders.has(found.rel)) ? found.rel : null;
    } catch (error) {
      if (error instanceof RefusedRead) return null;
      throw error;
    }
  }
  async function dvcConfig() {
    const entry = await entryOf(".dvc/config");
    return entry?.mode.startsWith("100") ? readUnsized(git, ".dvc/config", entry, budget) : null;
  }
  async function resolve4(path) {
    const rel = projectPath(path);
    const direct = await entryOf(rel);
    const blob = (entry) => entry?.mode.startsWith("100") ? entry : null;
    if (direct && direct.mode !== LINK_MODE) return blob(direct);
    return blob((await follow(path, rel))?.entry);
  }
  async function follow(path, rel) {
    let parts = rel.split("/").filter(Boolean);
    let hops = 0;
    for (let at = 0; at < parts.length; ) {
      const here = parts.slice(0, at + 1).join("/");
      const entry = await entryOf(here);
      if (entry?.mode === LINK_MODE) {
        if (hops++ >= MAX_LINK_HOPS) throw new RefusedRead(`${path}: too many levels of links; not read`);
        const link = (await readBlob(git, path, entry, MAX_LINK_BYTES).catch((error) => {
          throw error instanceof ObjectTooLarge ? new RefusedRead(`${path}: a link of ${error.size} bytes, longer than any path; not read`) : error;
        })).toString("utf8");
        const dir = parts.slice(0, at).join("/");
        let target;
        try {
          target = projectPath(link.startsWith("/") || !dir ? link : `${dir}/${link}`);
        } catch {
          throw new RefusedRead(`${path}: a link to ${link}, outside the project or into .git/ or .dvc/; not read`);
        }
        parts = [...target.split("/").filter(Boolean), ...parts.slice(at + 1)];
        at = 0;
        continue;
      }
      if (at === parts.length - 1) return { rel: here, entry };
      if (entry) return null;
      at++;
    }
    return { rel: "", entry: null };
  }
}
function firstAtOrAfter(sorted, value) {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = lo + hi >>> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
async function readBlob(git, path, entry, maxBytes) {
  const bytes = await git.readObject(entry.oid, maxBytes);
  if (!bytes) throw missingObject(path, entry, null);
  return bytes;
}
async function readUnsized(git, path, entry, budget) {
  const refused = [];
  const [blob] = await git.readObjects([{ oid: entry.oid, maxBytes: Infinity, admit: takeInTurn(budget, path, (error) => refused.push(error)) }]);
  if (refused[0]) throw refused[0];
  if (blob instanceof Buffer) return blob;
  throw missingObject(path, entry, blob);
}
function takeInTurn(budget, path, refused) {
  return (size) => {
    try {
      budget.take(path, size);
      return true;
    } catch (error) {
      refused(asError(error));
      return false;
    }
  };
}
async function* budgeted(path, chunks, budget) {
  for await (const chunk of chunks) {
    budget.take(path, chunk.length, true);
    yield chunk;
  }
}
function missingObject(path, entry, error) {
  if (error) return new UserError(`${path}: ${error.message}`);
  return new UserError(`${path}: git lists it at this commit but does not have its object ${entry.oid} (a partial or damaged clone?)`);
}
async function ignoredInWorkspace(root, paths) {
  const out = /* @__PURE__ */ new Set();
  if (!paths.length) return out;
  const dvcignore = new DvcIgnore(root);
  for (const path of paths) if (dvcignore.isIgnored(path, false) || throughLink(root, path)) out.add(path);
  const asked = paths.filter((p) => !out.has(p));
  if (!asked.length) return out;
  try {
    const answer = await runGitMatching(root, ["check-ignore", "--no-index", "-z", "--stdin"], `${asked.join("\0")}\0`);
    for (const path of answer.split("\0")) if (path) out.add(path);
  } catch {
  }
  return out;
}
function throughLink(root, path) {
  let dir = root;
  for (const part of path.split("/").slice(0, -1)) {
    dir = join5(dir, part);
    if (lstatSync(dir, { throwIfNoEntry: false })?.isSymbolicLink()) return true;
  }
  return false;
}
async function walk(root) {
  const out = [];
  const queue = [[root, "", []]];
  let realRoot = null;
  let linksWalked = 0;
  for (let head = 0; head < queue.length && out.length < MAX_WORKSPACE_FILES; head++) {
    const [dir, prefix, through] = queue[head];
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (isPrivate(entry.name)) continue;
      const rel = prefix + entry.name;
      const full = join5(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name)) queue.push([full, `${rel}/`, through]);
        continue;
      }
      if (entry.isSymbolicLink() && !SKIP_DIRS.has(entry.name) && linksWalked < MAX_LINKED_FOLDERS && leadsToFolder(full)) {
        realRoot ??= realpathSync2.native(root);
        const target = linkedFolder(full, dir, realRoot);
        if (target && !through.includes(target)) {
          linksWalked++;
          queue.push([full, `${rel}/`, [...through, target]]);
          continue;
        }
      }
      if (out.length < MAX_WORKSPACE_FILES) out.push(rel);
    }
  }
  return out.sort();
}
function leadsToFolder(full) {
  try {
    return statSync3(full, { throwIfNoEntry: false })?.isDirectory() ?? false;
  } catch {
    return false;
  }
}
function linkedFolder(link, folder, realRoot) {
  let target;
  let place2;
  try {
    target = realpathSync2.native(link);
    place2 = realpathSync2.native(folder);
  } catch {
    return null;
  }
  if (!target.startsWith(realRoot + sep3)) return null;
  if (target.slice(realRoot.length + 1).split(sep3).some(isPrivate))
    return null;
  return place2 === target || place2.startsWith(target + sep3) ? null : target;
}
function oneChunk(bytes) {
  return bytes ? [bytes] : null;
}

// src/dvc/dvcfile.ts
import { posix as posix2 } from "node:path";

// src/util/python-text.ts
function pyFloatRepr(x) {
  if (Number.isNaN(x)) return "nan";
  if (x === Infinity) return "inf";
  if (x === -Infinity) return "-inf";
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  const abs = Math.abs(x);
  if (abs >= 1e-4 && abs < 1e16) return Number.isInteger(x) ? `${x}.0` : String(x);
  const sign = x < 0 ? "-" : "";
  const [mantissa, exp] = Math.abs(x).toExponential().split("e");
  const digits = mantissa.replace(".", "");
  const decpt = Number(exp) + 1;
  if (decpt <= -4 || decpt > 16) {
    const e = decpt - 1;
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${m}e${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
  }
  if (decpt <= 0) return `${sign}0.${"0".repeat(-decpt)}${digits}`;
  if (decpt < digits.length) return `${sign}${digits.slice(0, decpt)}.${digits.slice(decpt)}`;
  return `${sign}${digits}${"0".repeat(decpt - digits.length)}.0`;
}
var PLAIN_JSON = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;
function pyJsonString(s) {
  if (PLAIN_JSON.test(s)) return `"${s}"`;
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ch = s[i];
    if (ch === '"') out += '\\"';
    else if (ch === "\\") out += "\\\\";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "	") out += "\\t";
    else if (ch === "\b") out += "\\b";
    else if (ch === "\f") out += "\\f";
    else if (c < 32 || c > 126) out += `\\u${c.toString(16).padStart(4, "0")}`;
    else out += ch;
  }
  return `${out}"`;
}

// src/dvc/python/value.ts
var PyFloat = class {
  constructor(value) {
    this.value = value;
  }
  value;
  toString() {
    return pyFloatRepr(this.value);
  }
};
var PyDate = class {
  /** `YYYY-MM-DD`, Python's `date.isoformat()`. */
  constructor(iso) {
    this.iso = iso;
  }
  iso;
};
var PyDateTime = class {
  constructor(date, hour, minute, second, microsecond, zone) {
    this.date = date;
    this.hour = hour;
    this.minute = minute;
    this.second = second;
    this.microsecond = microsecond;
    this.zone = zone;
  }
  date;
  hour;
  minute;
  second;
  microsecond;
  zone;
  /** Python's `str()`, `isoformat(' ')`: `2024-01-02 10:20:30[.ffffff][+HH:MM]`. */
  get text() {
    const two = (n) => String(n).padStart(2, "0");
    const fraction = this.microsecond ? `.${String(this.microsecond).padStart(6, "0")}` : "";
    let offset = "";
    if (this.zone) {
      const m = Math.abs(this.zone.minutes);
      offset = `${this.zone.minutes < 0 ? "-" : "+"}${two(Math.floor(m / 60))}:${two(m % 60)}`;
    }
    return `${this.date} ${two(this.hour)}:${two(this.minute)}:${two(this.second)}${fraction}${offset}`;
  }
  /** Milliseconds since 1970 of the fields read as UTC, less the zone's offset: equal for equal instants. */
  get epochMs() {
    const [y, m, d] = this.date.split("-").map(Number);
    const at = /* @__PURE__ */ new Date(0);
    at.setUTCFullYear(y, m - 1, d);
    at.setUTCHours(this.hour, this.minute - (this.zone?.minutes ?? 0), this.second);
    return at.getTime();
  }
};
var PyTime = class {
  /** Python's `str()`: `HH:MM:SS[.ffffff]`. */
  constructor(text2) {
    this.text = text2;
  }
  text;
};
var PyCollection = class {
  constructor(kind, items) {
    this.kind = kind;
    this.items = items;
  }
  kind;
  items;
};
var keyValues = /* @__PURE__ */ new WeakMap();
function setKeyValue(map, key, value) {
  let values = keyValues.get(map);
  if (!values) keyValues.set(map, values = /* @__PURE__ */ new Map());
  values.set(key, value);
}
function keyValue(map, key) {
  const values = keyValues.get(map);
  return values?.has(key) ? values.get(key) : key;
}
function isRawMap(value) {
  return value instanceof Map;
}
function isPyFalsy(v) {
  return v === null || v === false || v === 0 || v === "" || v instanceof PyFloat && v.value === 0 || Array.isArray(v) && !v.length;
}
function mapFrom(entries, source) {
  const map = new Map(entries);
  const values = source && keyValues.get(source);
  if (values) {
    for (const [k, v] of values) if (map.has(k)) setKeyValue(map, k, v);
  }
  return map;
}
function cloneMap(map) {
  return mapFrom(
    [...map].map(([k, v]) => [k, isRawMap(v) ? cloneMap(v) : v]),
    map
  );
}
function pyEqual(a, b) {
  const na = numeric(a);
  const nb = numeric(b);
  if (na !== null || nb !== null) {
    if (na === null || nb === null) return false;
    if (typeof na === "bigint" || typeof nb === "bigint") {
      const exact = (n) => typeof n === "bigint" ? n : Number.isInteger(n) ? BigInt(n) : null;
      return exact(na) !== null && exact(na) === exact(nb);
    }
    return na === nb;
  }
  const la = listItems(a);
  const lb = listItems(b);
  if (la || lb) return !!la && !!lb && la.length === lb.length && la.every((x, i) => pyEqual(x, lb[i]));
  if (a instanceof PyCollection || b instanceof PyCollection) {
    if (!(a instanceof PyCollection) || !(b instanceof PyCollection) || a.items.length !== b.items.length) return false;
    return a.items.every((x) => b.items.some((y) => pyEqual(x, y)));
  }
  if (a instanceof PyDate || b instanceof PyDate) return a instanceof PyDate && b instanceof PyDate && a.iso === b.iso;
  if (a instanceof PyDateTime || b instanceof PyDateTime) return a instanceof PyDateTime && b instanceof PyDateTime && dateTimesEqual(a, b);
  if (a instanceof PyTime || b instanceof PyTime) return a instanceof PyTime && b instanceof PyTime && a.text === b.text;
  if (isRawMap(a) || isRawMap(b)) {
    if (!isRawMap(a) || !isRawMap(b) || a.size !== b.size) return false;
    return [...a].every(([k, v]) => b.has(k) && pyEqual(v, b.get(k)));
  }
  return a === b;
}
function pyEqualityKey(value) {
  const n = numeric(value);
  if (n !== null) {
    if (typeof n === "bigint") return n.toString();
    return Number.isInteger(n) ? BigInt(n).toString() : String(n);
  }
  if (value === null) return "None";
  if (typeof value === "string") return JSON.stringify(value);
  if (value instanceof PyDate) return `date(${value.iso})`;
  if (value instanceof PyDateTime) return value.zone ? `datetime(${value.epochMs}, ${value.microsecond}, zoned)` : `datetime(${value.text})`;
  if (value instanceof PyTime) return `time(${value.text})`;
  if (Array.isArray(value)) return `[${value.map(pyEqualityKey).join(", ")}]`;
  if (value instanceof PyCollection) {
    const items = value.items.map(pyEqualityKey);
    return value.kind === "tuple" ? `(${items.join(", ")})` : `set(${items.sort().join(", ")})`;
  }
  if (isRawMap(value)) {
    const entries = [...value].map(([k, v]) => `${pyEqualityKey(keyValue(value, k))}: ${pyEqualityKey(v)}`);
    return `dict(${entries.sort().join(", ")})`;
  }
  return String(value);
}
function dateTimesEqual(a, b) {
  if (!a.zone !== !b.zone) return false;
  return a.epochMs === b.epochMs && a.microsecond === b.microsecond;
}
function numeric(v) {
  if (typeof v === "number" || typeof v === "bigint") return v;
  if (typeof v === "boolean") return Number(v);
  return v instanceof PyFloat ? v.value : null;
}
function listItems(v) {
  return Array.isArray(v) ? v : v instanceof PyCollection && v.kind === "tuple" ? v.items : null;
}
function pyNumber(value, isFloat2) {
  if (isFloat2 && (Number.isInteger(value) || !Number.isFinite(value))) return new PyFloat(value);
  return value;
}

// src/dvc/formats/json.ts
var MAX_DEPTH = 2e3;
var SyntaxProblem = class extends Error {
  constructor(message, line, column) {
    super(message);
    this.line = line;
    this.column = column;
  }
  line;
  column;
};
function jsonBomProblem(bytes) {
  if (bytes[0] !== 239 || bytes[1] !== 187 || bytes[2] !== 191) return null;
  return "line 1 column 1: Unexpected UTF-8 BOM, which DVC does not read in a JSON file either: save it as UTF-8 without a BOM";
}
function parseJson(text2) {
  const warnings = [];
  let i = 0;
  let nextBackslash = text2.indexOf("\\");
  const fail = (message, at = i) => {
    const { line, column } = lineColumn(text2, at);
    throw new SyntaxProblem(message, line, column);
  };
  const ws = () => {
    for (; ; ) {
      const c = text2.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else return;
    }
  };
  const value = (depth) => {
    if (depth > MAX_DEPTH) fail(`nesting deeper than ${MAX_DEPTH} levels`);
    ws();
    const c = text2[i];
    if (c === "{") return object(depth);
    if (c === "[") return array(depth);
    if (c === '"') return string();
    if (c === void 0) return fail("unexpected end of file, expected a value");
    for (const [word, v] of LITERALS) {
      if (text2.startsWith(word, i)) {
        i += word.length;
        return v();
      }
    }
    if (c === "-" || c >= "0" && c <= "9") return number2();
    return fail(`unexpected character ${JSON.stringify(c)}, expected a value`);
  };
  const object = (depth) => {
    const out = /* @__PURE__ */ new Map();
    const start = i;
    i++;
    ws();
    if (text2[i] === "}") {
      i++;
      return out;
    }
    for (; ; ) {
      ws();
      if (text2[i] !== '"') fail('expected a "quoted" key');
      const keyAt = i;
      const key = string();
      ws();
      if (text2[i] !== ":") fail("expected ':' after the key");
      i++;
      const v = value(depth + 1);
      if (out.has(key)) {
        const { line } = lineColumn(text2, keyAt);
        warnings.push(`line ${line}: key ${JSON.stringify(key)} repeats; the last value counts (as in DVC)`);
      }
      out.set(key, v);
      ws();
      if (text2[i] === ",") i++;
      else if (text2[i] === "}") {
        i++;
        return out;
      } else fail(text2[i] === void 0 ? `unexpected end of file in the object opened at ${where(text2, start)}` : "expected ',' or '}'");
    }
  };
  const array = (depth) => {
    const out = [];
    const start = i;
    i++;
    ws();
    if (text2[i] === "]") {
      i++;
      return out;
    }
    for (; ; ) {
      out.push(value(depth + 1));
      ws();
      if (text2[i] === ",") i++;
      else if (text2[i] === "]") {
        i++;
        return out;
      } else fail(text2[i] === void 0 ? `unexpected end of file in the list opened at ${where(text2, start)}` : "expected ',' or ']'");
    }
  };
  const string = () => {
    const start = i;
    i++;
    let out = "";
    let chunk = i;
    for (; ; ) {
      const q = text2.indexOf('"', i);
      if (nextBackslash !== -1 && nextBackslash < i) nextBackslash = text2.indexOf("\\", i);
      const b = nextBackslash;
      if (q === -1) fail("unterminated string", start);
      const stop = b !== -1 && b < q ? b : q;
      for (let k = i; k < stop; k++) if (text2.charCodeAt(k) < 32) fail("control character in a string", k);
      if (stop === q) {
        out += text2.slice(chunk, q);
        i = q + 1;
        return out;
      }
      out += text2.slice(chunk, b);
      const e = text2[b + 1];
      i = b + 2;
      if (e === "u") {
        const hex = text2.slice(i, i + 4);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail("invalid \\u escape", b);
        out += String.fromCharCode(parseInt(hex, 16));
        i += 4;
      } else if (e !== void 0 && e in ESCAPES) out += ESCAPES[e];
      else fail(`invalid escape \\${e ?? ""}`, b);
      chunk = i;
    }
  };
  const number2 = () => {
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text2);
    if (!m) {
      if (text2.startsWith("-Infinity", i)) {
        i += 9;
        return pyNumber(-Infinity, true);
      }
      return fail("invalid number");
    }
    i += m[0].length;
    const isFloat2 = m[1] !== void 0 || m[2] !== void 0;
    const n = Number(m[0]);
    if (!isFloat2 && !Number.isSafeInteger(n)) return BigInt(m[0]);
    return pyNumber(n, isFloat2);
  };
  const data = value(0);
  ws();
  if (i < text2.length) fail("extra data after the JSON value");
  return { data, warnings };
}
var NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
var ESCAPES = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "	" };
var LITERALS = [
  ["true", () => true],
  ["false", () => false],
  ["null", () => null],
  ["NaN", () => pyNumber(NaN, true)],
  ["Infinity", () => pyNumber(Infinity, true)]
];
function lineColumn(text2, offset) {
  let line = 1;
  let lastBreak = -1;
  for (let k = text2.indexOf("\n"); k !== -1 && k < offset; k = text2.indexOf("\n", k + 1)) {
    line++;
    lastBreak = k;
  }
  return { line, column: offset - lastBreak };
}
function where(text2, offset) {
  const { line, column } = lineColumn(text2, offset);
  return `line ${line}, column ${column}`;
}

// src/dvc/python/format.ts
function pyStrRepr(s) {
  const quote2 = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote2;
  for (const ch of s) {
    const code = ch.codePointAt(0);
    if (ch === "\\") out += "\\\\";
    else if (ch === quote2) out += `\\${quote2}`;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "	") out += "\\t";
    else if (code < 32 || code === 127) out += `\\x${code.toString(16).padStart(2, "0")}`;
    else out += ch;
  }
  return out + quote2;
}
function pyRepr(value) {
  if (value === null) return "None";
  if (typeof value === "boolean") return value ? "True" : "False";
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : pyFloatRepr(value);
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "string") return pyStrRepr(value);
  if (value instanceof PyFloat) return pyFloatRepr(value.value);
  if (value instanceof PyDate) return `datetime.date(${value.iso.split("-").map(Number).join(", ")})`;
  if (value instanceof PyDateTime) return dateTimeRepr(value);
  if (value instanceof PyTime) return timeRepr(value);
  if (value instanceof PyCollection) {
    if (value.kind === "set") return value.items.length ? `{${value.items.map(pyRepr).join(", ")}}` : "set()";
    return value.items.length === 1 ? `(${pyRepr(value.items[0])},)` : `(${value.items.map(pyRepr).join(", ")})`;
  }
  if (Array.isArray(value)) return `[${value.map(pyRepr).join(", ")}]`;
  return `{${[...value].map(([k, v]) => `${pyStrRepr(k)}: ${pyRepr(v)}`).join(", ")}}`;
}
function pyStr(value) {
  if (value instanceof PyDate) return value.iso;
  if (value instanceof PyDateTime || value instanceof PyTime) return value.text;
  return typeof value === "string" ? value : pyRepr(value);
}
function dateTimeRepr(value) {
  const fields = [...value.date.split("-").map(Number), value.hour, value.minute, value.second, value.microsecond];
  if (fields.at(-1) === 0) fields.pop();
  if (fields.at(-1) === 0) fields.pop();
  const zone = value.zone ? `, tzinfo=${zoneRepr(value.zone)}` : "";
  return `datetime.datetime(${fields.join(", ")}${zone})`;
}
function timeRepr(value) {
  const [hms, fraction] = value.text.split(".");
  const fields = [...hms.split(":").map(Number), fraction ? Number(fraction) : 0];
  if (fields.at(-1) === 0) fields.pop();
  if (fields.at(-1) === 0) fields.pop();
  return `datetime.time(${fields.join(", ")})`;
}
function zoneRepr(zone) {
  const seconds = zone.minutes * 60;
  const days = Math.floor(seconds / 86400);
  const parts = [days ? `days=${days}` : "", seconds - days * 86400 ? `seconds=${seconds - days * 86400}` : ""].filter(Boolean);
  return `datetime.timezone(datetime.timedelta(${parts.join(", ") || "0"}), ${pyStrRepr(zone.name)})`;
}
function describeValue(value) {
  if (value === null) return "an empty value";
  if (typeof value === "boolean") return `the boolean ${value}`;
  if (typeof value === "number" || typeof value === "bigint" || value instanceof PyFloat) return `the number ${pyStr(value)}`;
  if (typeof value === "string") return `the string ${pyStrRepr(value.length > 40 ? `${value.slice(0, 40)}\u2026` : value)}`;
  if (value instanceof PyDate) return `the date ${value.iso}`;
  if (value instanceof PyDateTime) return `the date-time ${pyStr(value)}`;
  if (value instanceof PyTime) return `the time ${value.text}`;
  if (Array.isArray(value) || value instanceof PyCollection) return "a list";
  return "a mapping";
}

// src/dvc/python/set-order.ts
var MODULUS = (1n << 61n) - 1n;
var MIN_SIZE = 8;
var LINEAR_PROBES = 9;
var PERTURB_SHIFT = 5n;
function pySetOrder(items, from = "items") {
  const hashes = [];
  for (const item of items) {
    const hash2 = numberHash(item);
    if (hash2 === null) return byRepr(items);
    hashes.push(BigInt.asUintN(64, hash2));
  }
  const presized = from === "mapping" && items.length * 5 >= (MIN_SIZE - 1) * 3;
  let table = new Array(presized ? tableSize(items.length * 2) : MIN_SIZE);
  let used = 0;
  hashes.forEach((hash2, i) => {
    let mask = table.length - 1;
    table[freeSlot(table, mask, hash2)] = i;
    used++;
    if (used * 5 >= mask * 3) {
      const size = tableSize(used * (used > 5e4 ? 2 : 4));
      const old = table;
      table = new Array(size);
      mask = size - 1;
      for (const j of old) if (j !== void 0) table[freeSlot(table, mask, hashes[j])] = j;
    }
  });
  return table.filter((j) => j !== void 0).map((j) => items[j]);
}
function byRepr(items) {
  const keyed = items.map((item) => [pyRepr(item), item]);
  keyed.sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0);
  return keyed.map(([, item]) => item);
}
function tableSize(minUsed) {
  let size = MIN_SIZE;
  while (size <= minUsed) size *= 2;
  return size;
}
function freeSlot(table, mask, hash2) {
  let perturb = hash2;
  let i = Number(hash2 & BigInt(mask));
  for (; ; ) {
    const last = i + LINEAR_PROBES <= mask ? i + LINEAR_PROBES : i;
    for (let j = i; j <= last; j++) if (table[j] === void 0) return j;
    perturb >>= PERTURB_SHIFT;
    i = Number(BigInt(i) * 5n + 1n + perturb & BigInt(mask));
  }
}
var XXPRIME_1 = 11400714785074694791n;
var XXPRIME_2 = 14029467366897019727n;
var XXPRIME_5 = 2870177450012600261n;
function numberHash(value) {
  if (value instanceof PyCollection && value.kind === "tuple") {
    let acc = XXPRIME_5;
    for (const item of value.items) {
      const lane = numberHash(item);
      if (lane === null) return null;
      acc = BigInt.asUintN(64, acc + BigInt.asUintN(64, lane) * XXPRIME_2);
      acc = BigInt.asUintN(64, acc << 31n | acc >> 33n);
      acc = BigInt.asUintN(64, acc * XXPRIME_1);
    }
    acc = BigInt.asUintN(64, acc + (BigInt(value.items.length) ^ (XXPRIME_5 ^ 3527539n)));
    return acc === (1n << 64n) - 1n ? 1546275796n : BigInt.asIntN(64, acc);
  }
  if (typeof value === "boolean") return value ? 1n : 0n;
  if (typeof value === "bigint") return signedHash(value < 0n, value < 0n ? -value : value, 0n);
  const n = value instanceof PyFloat ? value.value : typeof value === "number" ? value : null;
  if (n === null || Number.isNaN(n)) return null;
  if (!Number.isFinite(n)) return n > 0 ? 314159n : -314159n;
  if (Number.isInteger(n)) return signedHash(n < 0, BigInt(Math.abs(n)), 0n);
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(n));
  const bits = view.getBigUint64(0);
  const exponent = Number(bits >> 52n & 0x7ffn);
  const fraction = bits & (1n << 52n) - 1n;
  const m = exponent ? fraction | 1n << 52n : fraction;
  return signedHash(n < 0, m, BigInt(exponent ? 1075 - exponent : 1074));
}
function signedHash(negative, m, k) {
  const h = m % MODULUS * (1n << (61n - k % 61n) % 61n) % MODULUS;
  const signed = negative ? -h : h;
  return signed === -1n ? -2n : signed;
}

// src/dvc/formats/python.ts
function parsePython(text2) {
  const lines = logicalLines(tokenize(text2));
  checkSyntax(lines);
  const [data] = block(lines, 0, -1, false);
  return { data, warnings: [] };
}
function block(lines, start, parentIndent, onlySelf) {
  const out = /* @__PURE__ */ new Map();
  let i = start;
  const indent = lines[start]?.indent ?? 0;
  while (i < lines.length && lines[i].indent > parentIndent) {
    const line = lines[i];
    if (line.indent !== indent) {
      i++;
      continue;
    }
    const [first, second] = line.tokens;
    const opensBlock = line.tokens.at(-1)?.text === ":";
    if (first?.text === "class" && second?.kind === "name" && opensBlock) {
      const [body, next] = lines[i + 1] && lines[i + 1].indent > indent ? block(lines, i + 1, indent, false) : [/* @__PURE__ */ new Map(), i + 1];
      out.set(second.text, body);
      i = next;
      continue;
    }
    if (first?.text === "def" && second?.text === "__init__" && opensBlock) {
      const [body, next] = lines[i + 1] && lines[i + 1].indent > indent ? block(lines, i + 1, indent, true) : [/* @__PURE__ */ new Map(), i + 1];
      for (const [k, v] of body) out.set(k, v);
      i = next;
      continue;
    }
    const assigned = assignment(line.tokens, onlySelf);
    if (assigned) out.set(assigned[0], assigned[1]);
    i++;
  }
  return [out, i];
}
function assignment(tokens, onlySelf) {
  let k = 0;
  let name;
  if (tokens[0]?.text === "self" && tokens[1]?.text === "." && tokens[2]?.kind === "name") {
    name = tokens[2].text;
    k = 3;
  } else if (onlySelf) {
    return null;
  } else {
    if (tokens[0]?.kind !== "name" || KEYWORDS.has(tokens[0].text)) return null;
    name = tokens[0].text;
    k = 1;
  }
  if (tokens[k]?.text === ":") {
    let depth = 0;
    k++;
    while (k < tokens.length && !(depth === 0 && tokens[k].text === "=")) {
      if ("([{".includes(tokens[k].text)) depth++;
      if (")]}".includes(tokens[k].text)) depth--;
      k++;
    }
  }
  if (tokens[k]?.text !== "=") return null;
  const rest = tokens.slice(k + 1);
  if (rest.some((t, idx) => t.text === "=" && depthAt(rest, idx) === 0)) return null;
  const value = literal(rest);
  return value === FAIL ? null : [name, value];
}
function depthAt(tokens, idx) {
  let depth = 0;
  for (let k = 0; k < idx; k++) {
    if ("([{".includes(tokens[k].text)) depth++;
    if (")]}".includes(tokens[k].text)) depth--;
  }
  return depth;
}
var FAIL = /* @__PURE__ */ Symbol("not a literal");
function literal(tokens) {
  let i = 0;
  const peek = () => tokens[i]?.text;
  const items = (close) => {
    const out = [];
    while (peek() !== close) {
      const v = expr();
      if (v === FAIL) return FAIL;
      out.push(v);
      if (peek() === ",") i++;
      else if (peek() !== close) return FAIL;
    }
    i++;
    return out;
  };
  const expr = () => {
    const t = tokens[i];
    if (!t) return FAIL;
    i++;
    if (t.kind === "number") return number(t.text);
    if (t.kind === "string") {
      let s = t.value;
      while (tokens[i]?.kind === "string") {
        const next = tokens[i++].value;
        s = s === null || s === void 0 || next === null || next === void 0 ? null : s + next;
      }
      return s ?? FAIL;
    }
    if (t.text === "-" || t.text === "+") {
      const n = tokens[i];
      if (n?.kind !== "number") return FAIL;
      i++;
      const v = number(n.text);
      if (t.text === "+" || v === FAIL) return v;
      if (v instanceof PyFloat) return new PyFloat(-v.value);
      if (typeof v === "bigint") return -v;
      return -v;
    }
    if (t.text === "True") return true;
    if (t.text === "False") return false;
    if (t.text === "None") return null;
    if (t.text === "set" && peek() === "(" && tokens[i + 1]?.text === ")") {
      i += 2;
      return new PyCollection("set", []);
    }
    if (t.text === "[") {
      const v = items("]");
      return v;
    }
    if (t.text === "(") {
      if (peek() === ")") {
        i++;
        return new PyCollection("tuple", []);
      }
      const first2 = expr();
      if (first2 === FAIL) return FAIL;
      if (peek() === ")") {
        i++;
        return first2;
      }
      if (peek() !== ",") return FAIL;
      i++;
      const more = items(")");
      return more === FAIL ? FAIL : new PyCollection("tuple", [first2, ...more]);
    }
    if (t.text === "{") {
      if (peek() === "}") {
        i++;
        return /* @__PURE__ */ new Map();
      }
      const first2 = expr();
      if (first2 === FAIL) return FAIL;
      if (peek() !== ":") {
        if (peek() === ",") i++;
        else if (peek() !== "}") return FAIL;
        const more = items("}");
        if (more === FAIL) return FAIL;
        const set = [];
        for (const item of [first2, ...more]) if (!set.some((x) => pyEqual(x, item))) set.push(item);
        return new PyCollection("set", pySetOrder(set));
      }
      const map = /* @__PURE__ */ new Map();
      let key = first2;
      for (; ; ) {
        if (peek() !== ":") return FAIL;
        i++;
        const v = expr();
        if (v === FAIL) return FAIL;
        if (typeof key === "string") map.set(key, v);
        else {
          const same = [...map.keys()].find((k2) => pyEqual(keyValue(map, k2), key));
          const name = same ?? pyRepr(key);
          map.set(name, v);
          if (same === void 0 && isScalarKey(key)) setKeyValue(map, name, key);
        }
        if (peek() === ",") i++;
        if (peek() === "}") {
          i++;
          return map;
        }
        const k = expr();
        if (k === FAIL) return FAIL;
        key = k;
      }
    }
    return FAIL;
  };
  const first = expr();
  if (first === FAIL) return FAIL;
  if (i === tokens.length) return first;
  if (peek() !== ",") return FAIL;
  const rest = [first];
  while (peek() === ",") {
    i++;
    if (i === tokens.length) break;
    const v = expr();
    if (v === FAIL) return FAIL;
    rest.push(v);
  }
  return i === tokens.length ? new PyCollection("tuple", rest) : FAIL;
}
function isScalarKey(key) {
  return key === null || typeof key === "number" || typeof key === "bigint" || typeof key === "boolean" || key instanceof PyFloat;
}
function number(text2) {
  const t = text2.replace(/_/g, "").toLowerCase();
  if (t.endsWith("j")) {
    const v = Number(t.slice(0, -1));
    return Number.isNaN(v) ? FAIL : `${Number.isInteger(v) ? String(v) : pyFloatRepr(v)}j`;
  }
  if (/^0[xob]/.test(t)) {
    const big = BigInt(t);
    return Number.isSafeInteger(Number(big)) ? Number(big) : big;
  }
  if (/^\d+$/.test(t)) {
    if (/^0+\d/.test(t)) return FAIL;
    return Number.isSafeInteger(Number(t)) ? Number(t) : BigInt(t);
  }
  const n = Number(t.endsWith(".") ? `${t}0` : t);
  if (Number.isNaN(n)) return FAIL;
  return Number.isInteger(n) || !Number.isFinite(n) ? new PyFloat(n) : n;
}
var KEYWORDS = /* @__PURE__ */ new Set([
  "class",
  "def",
  "if",
  "elif",
  "else",
  "for",
  "while",
  "try",
  "except",
  "finally",
  "with",
  "import",
  "from",
  "return",
  "pass",
  "global",
  "nonlocal",
  "del",
  "assert",
  "raise",
  "async",
  "await",
  "lambda",
  "yield",
  "break",
  "continue",
  "match",
  "case"
]);
var OPERATORS = [
  "**=",
  "//=",
  ">>=",
  "<<=",
  "...",
  "->",
  ":=",
  "**",
  "//",
  "<<",
  ">>",
  "<=",
  ">=",
  "==",
  "!=",
  "+=",
  "-=",
  "*=",
  "/=",
  "%=",
  "&=",
  "|=",
  "^=",
  "@="
];
function tokenize(text2) {
  const tokens = [];
  const brackets = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const fail = (message, at = i) => {
    const l = text2.slice(0, at).split("\n").length;
    throw new SyntaxProblem(message, l, at - text2.lastIndexOf("\n", at - 1));
  };
  while (i < text2.length) {
    const c = text2[i];
    if (c === "\n") {
      if (!brackets.length) tokens.push({ kind: "op", text: "\n", line, column: i - lineStart, newline: true });
      i++;
      line++;
      lineStart = i;
      continue;
    }
    if (c === " " || c === "	" || c === "\r" || c === "\f") {
      i++;
      continue;
    }
    if (c === "#") {
      const end = text2.indexOf("\n", i);
      i = end === -1 ? text2.length : end;
      continue;
    }
    if (c === "\\" && (text2[i + 1] === "\n" || text2[i + 1] === "\r" && text2[i + 2] === "\n")) {
      i += text2[i + 1] === "\n" ? 2 : 3;
      line++;
      lineStart = i;
      continue;
    }
    const column = i - lineStart;
    const str = /^([rRbBuUfF]{0,2})(['"])/.exec(text2.slice(i, i + 3));
    if (str && /^(?:[rR]|[bB]|[uU]|[fF]|[rR][bBfF]|[bBfF][rR])?$/.test(str[1])) {
      const prefix = str[1].toLowerCase();
      const q = str[2];
      const open5 = i + prefix.length;
      const triple = text2.startsWith(q.repeat(3), open5);
      const delim = triple ? q.repeat(3) : q;
      let k = open5 + delim.length;
      const startLine = line;
      for (; ; ) {
        if (k >= text2.length) fail(`unterminated string starting at line ${startLine}`, i);
        const ch = text2[k];
        if (ch === "\\") {
          if (text2[k + 1] === "\n") {
            line++;
            lineStart = k + 2;
          }
          k += 2;
          continue;
        }
        if (ch === "\n") {
          if (!triple) fail("unterminated string (end of line)", i);
          line++;
          lineStart = k + 1;
        }
        if (text2.startsWith(delim, k)) break;
        k++;
      }
      const body = text2.slice(open5 + delim.length, k);
      const value = prefix.includes("f") ? null : prefix.includes("b") ? `b${q}${body}${q}` : prefix.includes("r") ? body : unescape(body);
      tokens.push({ kind: "string", text: text2.slice(i, k + delim.length), value, line: startLine, column });
      i = k + delim.length;
      continue;
    }
    const num = /^(?:0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][+-]?\d[\d_]*)?[jJ]?)/.exec(text2.slice(i, i + 400));
    if (num && num[0] !== ".") {
      tokens.push({ kind: "number", text: num[0], line, column });
      i += num[0].length;
      continue;
    }
    const name = /^[\p{L}_][\p{L}\p{N}_]*/u.exec(text2.slice(i, i + 400));
    if (name) {
      tokens.push({ kind: "name", text: name[0], line, column });
      i += name[0].length;
      continue;
    }
    if ("([{".includes(c)) brackets.push({ ch: c, line, column });
    if (")]}".includes(c)) {
      const open5 = brackets.pop();
      if (!open5 || "([{".indexOf(open5.ch) !== ")]}".indexOf(c)) fail(`unmatched '${c}'`);
    }
    const op = OPERATORS.find((o) => text2.startsWith(o, i)) ?? c;
    tokens.push({ kind: "op", text: op, line, column });
    i += op.length;
  }
  const open4 = brackets.pop();
  if (open4) throw new SyntaxProblem(`'${open4.ch}' was never closed`, open4.line, open4.column + 1);
  return tokens;
}
function logicalLines(tokens) {
  const lines = [];
  let current = [];
  const statements = (tokens2, indent) => {
    let part = [];
    for (const t of tokens2) {
      if (t.text === ";") {
        if (part.length) lines.push({ indent, tokens: part });
        part = [];
      } else part.push(t);
    }
    if (part.length) lines.push({ indent, tokens: part });
  };
  const flush = () => {
    if (current.length) {
      const indent = current[0].column;
      const colon = COMPOUND.has(current[0].text) ? headerEnd(current) : -1;
      if (colon >= 0 && colon < current.length - 1) {
        lines.push({ indent, tokens: current.slice(0, colon + 1) });
        statements(current.slice(colon + 1), indent + 0.5);
      } else statements(current, indent);
    }
    current = [];
  };
  for (const t of tokens) {
    if (t.newline) flush();
    else current.push(t);
  }
  flush();
  return lines;
}
var COMPOUND = /* @__PURE__ */ new Set(["class", "def", "if", "elif", "else", "for", "while", "try", "except", "finally", "with", "async"]);
function headerEnd(tokens) {
  let depth = 0;
  let lambdas = 0;
  for (const [k, t] of tokens.entries()) {
    if ("([{".includes(t.text)) depth++;
    else if (")]}".includes(t.text)) depth--;
    else if (depth === 0 && t.text === "lambda") lambdas++;
    else if (depth === 0 && t.text === ":") {
      if (!lambdas) return k;
      lambdas--;
    }
  }
  return -1;
}
var NEEDS_OPERAND = /* @__PURE__ */ new Set(["=", ...OPERATORS.filter((o) => o.endsWith("=") && !["<=", ">=", "==", "!="].includes(o))]);
for (const o of ["+", "-", "*", "/", "//", "%", "**", "@", "<<", ">>", "&", "|", "^", "~", "<", ">", "<=", ">=", "==", "!=", ".", "->"]) NEEDS_OPERAND.add(o);
var JOINING = /* @__PURE__ */ new Set([...KEYWORDS, "and", "or", "not", "in", "is", "as", "type"]);
function checkSyntax(lines) {
  const at = (t, message, after = false) => new SyntaxProblem(message, t.line, t.column + 1 + (after ? t.text.length : 0));
  const indents = [0];
  let opener = null;
  let openerIndent = 0;
  for (const line of lines) {
    const first = line.tokens[0];
    if (opener && line.indent <= openerIndent) throw at(first, `expected an indented block after line ${opener.line}`);
    if (line.indent > indents.at(-1)) {
      if (!opener) throw at(first, "unexpected indent");
      indents.push(line.indent);
    }
    while (line.indent < indents.at(-1)) indents.pop();
    if (line.indent !== indents.at(-1)) throw at(first, "unindent does not match any outer indentation level");
    const last = line.tokens.at(-1);
    opener = last.text === ":" ? last : null;
    openerIndent = line.indent;
    if (first.kind === "op" && (first.text === "=" || NEEDS_OPERAND.has(first.text) && first.text.endsWith("=")))
      throw at(first, `nothing before '${first.text}'`);
    const fromImport = last.text === "*" && line.tokens.at(-2)?.text === "import";
    if (last.kind === "op" && NEEDS_OPERAND.has(last.text) && !fromImport) throw at(last, `nothing after '${last.text}'`, true);
    const fString = line.tokens.some((t) => t.kind === "string" && t.value === null);
    for (let k = 1; k < line.tokens.length && !fString; k++) {
      const a = line.tokens[k - 1];
      const b = line.tokens[k];
      const literalA = a.kind === "number" || a.kind === "string";
      const literalB = b.kind === "number" || b.kind === "string";
      const adjacent = literalA && literalB && !(a.kind === "string" && b.kind === "string") || a.kind === "number" && b.kind === "name" && !JOINING.has(b.text) || a.kind === "name" && literalB && !JOINING.has(a.text);
      if (adjacent) throw at(b, `${b.text} right after ${a.text} (a missing operator or comma?)`);
    }
  }
  if (opener) throw at(opener, `expected an indented block after line ${opener.line}`, true);
}
var SIMPLE_ESCAPES = { "\\": "\\", "'": "'", '"': '"', a: "\x07", b: "\b", f: "\f", n: "\n", r: "\r", t: "	", v: "\v", "\n": "" };
function unescape(body) {
  return body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{1,3}|[\s\S])/g, (whole, e) => {
    if (e in SIMPLE_ESCAPES) return SIMPLE_ESCAPES[e];
    if (/^[xuU]/.test(e)) return String.fromCodePoint(parseInt(e.slice(1), 16));
    if (/^[0-7]/.test(e)) return String.fromCodePoint(parseInt(e, 8));
    return whole;
  });
}

// node_modules/smol-toml/dist/error.js
function getLineColFromPtr(string, ptr) {
  let lines = string.slice(0, ptr).split(/\r?\n/);
  return [lines.length, lines.pop().length + 1];
}
function makeCodeBlock(string, line, column) {
  let lines = string.split(/\r?\n/);
  let codeblock = "";
  let numberLen = (Math.log10(line + 1) | 0) + 1;
  for (let i = line - 1; i <= line + 1; i++) {
    let l = lines[i - 1];
    if (!l)
      continue;
    codeblock += i.toString().padEnd(numberLen, " ");
    codeblock += ":  ";
    codeblock += l;
    codeblock += "\n";
    if (i === line) {
      codeblock += " ".repeat(numberLen + column + 2);
      codeblock += "^\n";
    }
  }
  return codeblock;
}
var TomlError = class _TomlError extends Error {
  line;
  column;
  codeblock;
  constructor(message, options) {
    const [line, column] = getLineColFromPtr(options.toml, options.ptr);
    const codeblock = makeCodeBlock(options.toml, line, column);
    super(`Invalid TOML document: ${message}

${codeblock}`, options);
    this.line = line;
    this.column = column;
    this.codeblock = codeblock;
  }
  /** @internal */
  static x(message, ctx, ptr) {
    throw new _TomlError(message, { toml: ctx.s, ptr: ptr ?? ctx.p });
  }
};

// node_modules/smol-toml/dist/primitive.js
function parseString(ctx) {
  let startPtr = ctx.p;
  let c = ctx.s.charCodeAt(ctx.p++);
  let first = c;
  let isLiteral = c === 39;
  let isMultiline = c === ctx.s.charCodeAt(ctx.p) && c === ctx.s.charCodeAt(ctx.p + 1);
  if (isMultiline) {
    if ((c = ctx.s.charCodeAt(ctx.p += 2)) === 10)
      ctx.p++;
    else if (c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10)
      ctx.p += 2;
  }
  let parsed = "";
  let sliceStart = ctx.p;
  let state = 0;
  for (; ctx.p < ctx.s.length; ctx.p++) {
    c = ctx.s.charCodeAt(ctx.p);
    if (isMultiline && (c === 10 || c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10)) {
      state = state && 3;
    } else if (c < 32 && c !== 9 || c === 127) {
      TomlError.x("control characters are not allowed in strings", ctx);
    } else if ((!state || state === 3) && c === first && (!isMultiline || ctx.s.charCodeAt(ctx.p + 1) === first && ctx.s.charCodeAt(ctx.p + 2) === first)) {
      if (isMultiline) {
        if (ctx.s.charCodeAt(ctx.p + 3) === first)
          ctx.p++;
        if (ctx.s.charCodeAt(ctx.p + 3) === first)
          ctx.p++;
      }
      if (!state) {
        let s = ctx.s.slice(sliceStart, ctx.p);
        parsed = parsed ? parsed + s : s;
      }
      ctx.p += isMultiline ? 3 : 1;
      return parsed;
    } else if (!state) {
      if (!isLiteral && c === 92) {
        parsed += ctx.s.slice(sliceStart, sliceStart = ctx.p);
        state = 1;
      }
    } else if (state === 1) {
      if (c === 120 || c === 117 || c === 85) {
        let errPtr = ctx.p++ - 1;
        let value = 0;
        let len = c === 120 ? 2 : c === 117 ? 4 : 8;
        for (let j = 0; j < len; j++, ctx.p++) {
          let hex = ctx.s.charCodeAt(ctx.p);
          let digit = (
            /* 0-9 */
            hex >= 48 && hex <= 57 ? hex - 48 : (
              /* A-F */
              hex >= 65 && hex <= 70 ? hex - 65 + 10 : (
                /* a-f */
                hex >= 97 && hex <= 102 ? hex - 97 + 10 : -1
              )
            )
          );
          if (digit < 0)
            TomlError.x("invalid non-hex character in unicode escape", ctx);
          value = value << 4 | digit;
        }
        if (value < 0 || value > 1114111 || value >= 55296 && value <= 57343) {
          TomlError.x("invalid unicode escape", ctx, errPtr);
        }
        parsed += String.fromCodePoint(value);
        sliceStart = ctx.p--;
        state = 0;
      } else if (isMultiline && (c === 32 || c === 9)) {
        state = 2;
      } else {
        if (c === 98)
          parsed += "\b";
        else if (c === 116)
          parsed += "	";
        else if (c === 110)
          parsed += "\n";
        else if (c === 102)
          parsed += "\f";
        else if (c === 114)
          parsed += "\r";
        else if (c === 101)
          parsed += "\x1B";
        else if (c === 34)
          parsed += '"';
        else if (c === 92)
          parsed += "\\";
        else
          TomlError.x("unrecognised escape sequence", ctx);
        sliceStart = ctx.p + 1;
        state = 0;
      }
    } else if (c !== 32 && c !== 9) {
      if (state === 2)
        TomlError.x("invalid escape: only line-ending whitespace may be escaped", ctx, sliceStart);
      state = !isLiteral && c === 92 ? 1 : 0;
      sliceStart = ctx.p;
    }
  }
  TomlError.x("unfinished string", ctx, startPtr);
}

// node_modules/smol-toml/dist/date.js
var DATE_TIME_RE = /^(\d{4}-\d{2}-\d{2})?[Tt ]?(?:(\d{2}):\d{2}(?::\d{2}(?:\.\d+)?)?)?(Z|z|[-+]\d{2}:\d{2})?$/i;
var TomlDate = class _TomlDate extends Date {
  #hasDate = false;
  #hasTime = false;
  #offset = null;
  constructor(date, fasttype, unsafeDelim) {
    let hasDate = true;
    let hasTime = true;
    let offset = "Z";
    let c;
    if (typeof date === "string") {
      if (fasttype)
        prep: {
          if (fasttype < 3) {
            if (+date.slice(11, 13) > 23) {
              date = "";
              break prep;
            }
            if (fasttype === 2) {
              offset = null;
              date += "Z";
            } else if ((c = date.charCodeAt(date.length - 1)) !== 90 && c !== 122) {
              offset = date.slice(date.length - 6);
            }
            if (unsafeDelim)
              date = date.slice(0, 10) + "T" + date.slice(11);
          } else if (fasttype === 4) {
            date = +date.slice(0, 2) > 23 ? "" : `0000-01-01T${date}Z`;
          }
          hasDate = fasttype !== 4;
          hasTime = fasttype !== 3;
        }
      else {
        let match = date.match(DATE_TIME_RE);
        if (match) {
          if (!match[1]) {
            hasDate = false;
            date = `0000-01-01T${date}`;
          }
          hasTime = !!match[2];
          hasTime && date[10] === " " && (date = date.replace(" ", "T"));
          if (match[2] && +match[2] > 23) {
            date = "";
          } else {
            offset = match[3] || null;
            if (!offset && hasTime)
              date += "Z";
          }
        } else {
          date = "";
        }
      }
    }
    super(date);
    if (!isNaN(this.getTime())) {
      this.#hasDate = hasDate;
      this.#hasTime = hasTime;
      this.#offset = offset;
    }
  }
  isDateTime() {
    return this.#hasDate && this.#hasTime;
  }
  isLocal() {
    return !this.#hasDate || !this.#hasTime || !this.#offset;
  }
  isDate() {
    return this.#hasDate && !this.#hasTime;
  }
  isTime() {
    return this.#hasTime && !this.#hasDate;
  }
  isValid() {
    return this.#hasDate || this.#hasTime;
  }
  toISOString() {
    let iso = super.toISOString();
    if (this.isDate())
      return iso.slice(0, 10);
    if (this.isTime())
      return iso.slice(11, 23);
    if (this.#offset === null)
      return iso.slice(0, -1);
    if (this.#offset === "Z" || this.#offset === "z")
      return iso;
    let offset = +this.#offset.slice(1, 3) * 60 + +this.#offset.slice(4, 6);
    offset = this.#offset[0] === "-" ? offset : -offset;
    let offsetDate = new Date(this.getTime() - offset * 6e4);
    return offsetDate.toISOString().slice(0, -1) + this.#offset;
  }
  static wrapAsOffsetDateTime(jsDate, offset = "Z") {
    let date = new _TomlDate(jsDate);
    date.#offset = offset;
    return date;
  }
  static wrapAsLocalDateTime(jsDate) {
    let date = new _TomlDate(jsDate);
    date.#offset = null;
    return date;
  }
  static wrapAsLocalDate(jsDate) {
    let date = new _TomlDate(jsDate);
    date.#hasTime = false;
    date.#offset = null;
    return date;
  }
  static wrapAsLocalTime(jsDate) {
    let date = new _TomlDate(jsDate);
    date.#hasDate = false;
    date.#offset = null;
    return date;
  }
};

// node_modules/smol-toml/dist/extract.js
function isDigit(char, base = 10) {
  return base === 16 ? char > 47 && char < 58 || char > 64 && char < 71 || char > 96 && char < 103 : char > 47 && char < 48 + base;
}
function isEndOfValue(char, delim) {
  return char === 32 || char === 9 || char === 10 || char === 13 || // Structure end or next value delimiter
  delim && (char === delim || char === 44) || // Comment
  char === 35;
}
function extractValue(ctx, end) {
  let errPtr = ctx.p;
  let c = ctx.s.charCodeAt(ctx.p);
  if (c === 91 || c === 123) {
    ctx.d-- || TomlError.x("document contains excessively nested structures. aborting.", ctx);
    let value = c === 91 ? parseArray(ctx) : parseInlineTable(ctx);
    ctx.d++;
    return value;
  }
  if (c === 34 || c === 39) {
    return parseString(ctx);
  }
  if (c === 116) {
    if (ctx.s.charCodeAt(++ctx.p) !== 114 || ctx.s.charCodeAt(++ctx.p) !== 117 || ctx.s.charCodeAt(++ctx.p) !== 101)
      TomlError.x("invalid value", ctx, errPtr);
    return ctx.p++, true;
  }
  if (c === 102) {
    if (ctx.s.charCodeAt(++ctx.p) !== 97 || ctx.s.charCodeAt(++ctx.p) !== 108 || ctx.s.charCodeAt(++ctx.p) !== 115 || ctx.s.charCodeAt(++ctx.p) !== 101)
      TomlError.x("invalid value", ctx, errPtr);
    return ctx.p++, false;
  }
  if (c === 43 || c === 45) {
    return parseNumber(ctx, ctx.p, ctx.s.charCodeAt(++ctx.p), 44 - c, end);
  }
  if (ctx.s.charCodeAt(ctx.p + 4) === 45 && ctx.s.charCodeAt(ctx.p + 7) === 45) {
    return parseDate(ctx, c, end);
  }
  if (ctx.s.charCodeAt(ctx.p + 2) === 58) {
    return parseTime(ctx, c, end);
  }
  return parseNumber(ctx, ctx.p, c, 0, end);
}
function parseNumber(ctx, startPtr, startChr, sign, endChr) {
  let c = startChr;
  let state = 0;
  let hasUnderscores = false;
  if (c === 105) {
    if (ctx.s.charCodeAt(++ctx.p) !== 110 || ctx.s.charCodeAt(++ctx.p) !== 102)
      TomlError.x("invalid value", ctx, startPtr);
    return ctx.p++, (sign || 1) / 0;
  }
  if (c === 110) {
    if (ctx.s.charCodeAt(++ctx.p) !== 97 || ctx.s.charCodeAt(++ctx.p) !== 110)
      TomlError.x("invalid value", ctx, startPtr);
    return ctx.p++, NaN;
  }
  if (c === 48) {
    if (++ctx.p >= ctx.s.length || isEndOfValue(c = ctx.s.charCodeAt(ctx.p), endChr))
      return ctx.bi === true ? 0n : 0;
    if (!sign) {
      if (c === 120)
        return parseIntegerBaseN(ctx, startPtr, 16, endChr);
      else if (c === 98)
        return parseIntegerBaseN(ctx, startPtr, 2, endChr);
      else if (c === 111)
        return parseIntegerBaseN(ctx, startPtr, 8, endChr);
    }
    if (c === 46)
      state = 2;
    else if (c === 101 || c === 69)
      state = 4;
    else
      TomlError.x("illegal leading zero", ctx, startPtr);
  } else if (!isDigit(c))
    TomlError.x("invalid value", ctx, startPtr);
  while (++ctx.p < ctx.s.length && (c = ctx.s.charCodeAt(ctx.p), !isEndOfValue(c, endChr))) {
    if (!state)
      state = 1;
    if (c === 95) {
      if (!(state & 1))
        TomlError.x("illegal underscore", ctx);
      state += 11;
      hasUnderscores = true;
    } else if (state === 1 && c === 46)
      state = 2;
    else if ((state === 1 || state === 3) && (c === 101 || c === 69))
      state = 4;
    else if (state === 4 && (c === 43 || c === 45)) {
      state = 6;
    } else if (!isDigit(c))
      TomlError.x(`illegal character in numeric literal`, ctx);
    else if (state > 9)
      state -= 11;
    else if (!(state & 1))
      state++;
  }
  if (!state) {
    let val = (startChr - 48) * (sign || 1);
    return ctx.bi === true ? BigInt(val) : val;
  }
  if (!(state & 1))
    TomlError.x("unfinished numeric value", ctx, startPtr);
  let str = ctx.s.slice(startPtr, ctx.p);
  if (hasUnderscores)
    str = str.replaceAll("_", "");
  return state > 1 ? parseFloat(str) : parseInteger(ctx, str, 10, startPtr);
}
function parseIntegerBaseN(ctx, startPtr, base, endChr) {
  let c, underscore = 1;
  while (++ctx.p < ctx.s.length && (c = ctx.s.charCodeAt(ctx.p), !isEndOfValue(c, endChr))) {
    if (c === 95) {
      if (underscore & 1)
        TomlError.x("illegal underscore", ctx);
      underscore = 3;
    } else if (!isDigit(c, base))
      TomlError.x(`illegal character in numeric literal`, ctx);
    else if (underscore & 1)
      underscore--;
  }
  if (underscore & 1)
    TomlError.x("unfinished numeric value", ctx);
  let str = ctx.s.slice(startPtr + 2, ctx.p);
  if (underscore)
    str = str.replaceAll("_", "");
  return parseInteger(ctx, str, base, startPtr);
}
function parseInteger(ctx, str, base, startPtr) {
  if (ctx.bi !== true)
    int: {
      let val = parseInt(str, base);
      if (!Number.isSafeInteger(val)) {
        if (ctx.bi)
          break int;
        TomlError.x("integer value cannot be represented losslessly", ctx, startPtr);
      }
      return val;
    }
  return base === 10 ? BigInt(str) : BigInt((base === 2 ? "0b" : base === 8 ? "0o" : "0x") + str);
}
function parseDate(ctx, c, endChr) {
  let startPtr = ctx.p++, unsafeSeparator;
  if (!isDigit(c) || !isDigit(ctx.s.charCodeAt(ctx.p++)) || !isDigit(ctx.s.charCodeAt(ctx.p++)) || !isDigit(ctx.s.charCodeAt(ctx.p++))) {
    return parseNumber(ctx, ctx.p = startPtr, c, 0, endChr);
  }
  ctx.p += 5;
  if (!isDigit(ctx.s.charCodeAt(ctx.p++)))
    TomlError.x("invalid date-time: date part is malformed", ctx, startPtr);
  if (ctx.p >= ctx.s.length || ((c = ctx.s.charCodeAt(ctx.p)) !== 32 || (unsafeSeparator = true, !isDigit(ctx.s.charCodeAt(ctx.p + 1)))) && c !== 84 && c !== 116) {
    let t2 = ctx.s.slice(startPtr, ctx.p);
    return readDate(ctx, t2, 3, false, startPtr);
  }
  if (ctx.s.charCodeAt(ctx.p += 3) !== 58)
    TomlError.x("invalid date-time: time part is malformed", ctx, startPtr);
  if (ctx.s.charCodeAt(ctx.p += 3) === 58)
    ctx.p += 3;
  if (ctx.s.charCodeAt(ctx.p) === 46)
    while (isDigit(ctx.s.charCodeAt(++ctx.p)))
      ;
  if (c = ctx.s.charCodeAt(ctx.p)) {
    if (c === 90 || c === 122) {
      let t2 = ctx.s.slice(startPtr, ++ctx.p);
      return readDate(ctx, t2, 1, unsafeSeparator, startPtr, "[+00:00]");
    }
    if (c === 43 || c === 45) {
      let t2 = ctx.s.slice(startPtr, ctx.p += 6);
      return readDate(ctx, t2, 1, unsafeSeparator, startPtr, !ctx.ld && "[" + ctx.s.slice(ctx.p - 6, ctx.p) + "]");
    }
  }
  let t = ctx.s.slice(startPtr, ctx.p);
  return readDate(ctx, t, 2, unsafeSeparator, startPtr);
}
function parseTime(ctx, c, endChr) {
  let start = ctx.p;
  if (!isDigit(c) || !isDigit(ctx.s.charCodeAt(++ctx.p))) {
    return parseNumber(ctx, --ctx.p, c, 0, endChr);
  }
  if (ctx.s.charCodeAt(ctx.p += 4) === 58)
    ctx.p += 3;
  if (ctx.s.charCodeAt(ctx.p) === 46)
    while (isDigit(ctx.s.charCodeAt(++ctx.p)))
      ;
  let t = ctx.s.slice(start, ctx.p);
  return readDate(ctx, t, 4, false, start);
}
function readDate(ctx, str, type, unsafeDelim, errPtr, temporalSuffix) {
  if (ctx.ld) {
    let date = new TomlDate(str, type, unsafeDelim);
    if (!date.isValid())
      TomlError.x("invalid date", ctx, errPtr);
    return date;
  }
  try {
    if (temporalSuffix)
      str += temporalSuffix;
    switch (type) {
      case 1:
        return Temporal.ZonedDateTime.from(str);
      case 2:
        return Temporal.PlainDateTime.from(str);
      case 3:
        return Temporal.PlainDate.from(str);
      case 4:
        return Temporal.PlainTime.from(str);
    }
  } catch (e) {
    TomlError.x(e instanceof Error ? e.message : "" + e, ctx, errPtr);
  }
}

// node_modules/smol-toml/dist/util.js
function skipComment(ctx) {
  for (; ctx.p < ctx.s.length; ctx.p++) {
    let c = ctx.s.charCodeAt(ctx.p);
    if (c === 10)
      break;
    if (c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10) {
      ctx.p++;
      break;
    }
    if (c < 32 && c !== 9 || c === 127) {
      TomlError.x("control characters are not allowed in comments", ctx);
    }
  }
}
function skipVoid(ctx, banNewLines, banComments) {
  let c;
  while (ctx.p < ctx.s.length) {
    while (ctx.p < ctx.s.length && ((c = ctx.s.charCodeAt(ctx.p)) === 32 || c === 9 || !banNewLines && (c === 10 || c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10)))
      ctx.p++;
    if (banComments || c !== 35)
      break;
    skipComment(ctx);
  }
}

// node_modules/smol-toml/dist/struct.js
function parseKey(ctx, end = 61) {
  let startPtr;
  let state = 0;
  let parsed = [];
  let sliceStart;
  let c = ctx.s.charCodeAt(startPtr = ctx.p);
  do {
    if (c === end) {
      if (!state)
        TomlError.x("unexpected end of key", ctx);
      if (state === 1)
        parsed.push(ctx.s.slice(sliceStart, ctx.p));
      return ctx.p++, parsed;
    } else if (c === 46) {
      if (!state)
        TomlError.x("illegal empty bare key", ctx);
      if (state === 1)
        parsed.push(ctx.s.slice(sliceStart, ctx.p));
      state = 0;
    } else if (!state && (c === 34 || c === 39)) {
      if (c === ctx.s.charCodeAt(ctx.p + 1) && c === ctx.s.charCodeAt(ctx.p + 2))
        TomlError.x("illegal quoted key: multiline strings are not allowed", ctx);
      parsed.push(parseString(ctx));
      state = 2;
      ctx.p--;
    } else if (c === 32 || c === 9) {
      if (state === 1) {
        parsed.push(ctx.s.slice(sliceStart, ctx.p));
        state = 2;
      }
    } else if (state === 2 || c < 48 && c !== 45 || c > 57 && c < 65 || c > 90 && c < 97 && c !== 95 || c > 122) {
      TomlError.x("illegal character in key", ctx);
    } else if (!state) {
      state = 1;
      sliceStart = ctx.p;
    }
  } while (c = ctx.s.charCodeAt(++ctx.p));
  TomlError.x("incomplete key-value: cannot find end of key", ctx, startPtr);
}
function parseInlineTable(ctx) {
  let startPtr = ctx.p++;
  let res = /* @__PURE__ */ Object.create(null);
  let seen = /* @__PURE__ */ new Set();
  let c;
  while (ctx.p < ctx.s.length) {
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p)) === 125) {
      ctx.p++;
      return res;
    }
    let k;
    let t = res;
    let hasOwn = false;
    let errPtr = ctx.p;
    let key = parseKey(ctx);
    for (let i = 0; i < key.length; i++) {
      if (i)
        t = hasOwn ? t[k] : t[k] = /* @__PURE__ */ Object.create(null);
      k = key[i];
      if ((hasOwn = Object.hasOwn(t, k)) && (typeof t[k] !== "object" || seen.has(t[k]))) {
        TomlError.x("trying to redefine an already defined value", ctx, errPtr);
      }
      let unsafe = k === "__proto__";
      if (ctx.uk && (unsafe || k === "constructor")) {
        t = ctx.uk !== 1 && TomlError.x("document contains an unsafe property", ctx, errPtr);
        break;
      }
      if (!hasOwn && unsafe) {
        Object.defineProperty(t, k, { enumerable: true, configurable: true, writable: true });
      }
    }
    if (hasOwn) {
      TomlError.x("trying to redefine an already defined value", ctx, errPtr);
    }
    skipVoid(ctx, true, true);
    let value = extractValue(
      ctx,
      125
      /* } */
    );
    if (t && typeof (t[k] = value) === "object")
      seen.add(value);
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p++)) === 125) {
      return res;
    }
    if (c !== 44)
      TomlError.x("expected comma or end of structure", ctx, ctx.p - 1);
  }
  TomlError.x("unfinished table", ctx, startPtr);
}
function parseArray(ctx) {
  let startPtr = ctx.p++;
  let res = [];
  let c;
  while (ctx.p < ctx.s.length) {
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p)) === 93) {
      ctx.p++;
      return res;
    }
    res.push(extractValue(
      ctx,
      93
      /* ] */
    ));
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p++)) === 93) {
      return res;
    }
    if (c !== 44)
      TomlError.x("expected comma or end of structure", ctx, ctx.p - 1);
  }
  TomlError.x("unfinished array", ctx, startPtr);
}

// node_modules/smol-toml/dist/parse.js
function peekTable(ctx, key, table, meta, type) {
  let t = table;
  let m = meta;
  let k;
  let hasOwn = false;
  let state;
  for (let i = 0; i < key.length; i++) {
    if (i) {
      t = hasOwn ? t[k] : t[k] = /* @__PURE__ */ Object.create(null);
      m = (state = m[k]).c;
      if (type === 0 && (state.t === 1 || state.t === 2)) {
        return null;
      }
      if (state.t === 2) {
        let l = t.length - 1;
        t = t[l];
        m = m[l].c;
      }
    }
    k = key[i];
    if ((hasOwn = Object.hasOwn(t, k)) && m[k]?.t === 0 && m[k]?.d) {
      return null;
    }
    if (!hasOwn) {
      let unsafe = k === "__proto__";
      if (ctx.uk && (unsafe || k === "constructor"))
        return false;
      if (unsafe) {
        Object.defineProperty(t, k, { enumerable: true, configurable: true, writable: true });
        Object.defineProperty(m, k, { enumerable: true, configurable: true, writable: true });
      }
      m[k] = {
        t: i < key.length - 1 && type === 2 ? 3 : type,
        d: false,
        i: 0,
        c: /* @__PURE__ */ Object.create(null)
      };
    }
  }
  state = m[k];
  if (state.t !== type && !(type === 1 && state.t === 3)) {
    return null;
  }
  if (type === 2) {
    if (!state.d) {
      state.d = true;
      t[k] = [];
    }
    t[k].push(t = /* @__PURE__ */ Object.create(null));
    state.c[state.i++] = state = { t: 1, d: false, i: 0, c: /* @__PURE__ */ Object.create(null) };
  }
  if (state.d) {
    return null;
  }
  state.d = true;
  if (type === 1) {
    t = hasOwn ? t[k] : t[k] = /* @__PURE__ */ Object.create(null);
  } else if (type === 0 && hasOwn) {
    return null;
  }
  return [k, t, state.c];
}
function validateTablePeek(ctx, peek, ptr) {
  if (peek === null || ctx.uk === 2)
    TomlError.x(peek === null ? "trying to redefine an already defined table or value" : "document contains an unsafe property", ctx, ptr);
}
function parse(toml, options = {}) {
  let ctx = {
    s: toml,
    p: 0,
    d: options.maxDepth ?? 1e3,
    bi: options.integersAsBigInt ?? false,
    ld: options.useLegacyDate ?? true,
    uk: options.unsafeKeyBehaviour === "throw" ? 2 : options.unsafeKeyBehaviour === "drop" ? 1 : 0
  };
  let res = /* @__PURE__ */ Object.create(null);
  let meta = /* @__PURE__ */ Object.create(null);
  let tmp;
  let skipping = false;
  let tbl = res;
  let m = meta;
  if (toml.charCodeAt(0) === 65279)
    ctx.p++;
  skipVoid(ctx);
  while (ctx.p < toml.length) {
    if (toml.charCodeAt(ctx.p) === 91) {
      let isTableArray = toml.charCodeAt(++ctx.p) === 91;
      tmp = ctx.p += +isTableArray;
      skipping = false;
      let k = parseKey(
        ctx,
        93
        /* ] */
      );
      if (isTableArray) {
        if (toml.charCodeAt(ctx.p) !== 93) {
          TomlError.x("expected end of table array declaration", ctx);
        }
        ctx.p++;
      }
      let p = peekTable(
        ctx,
        k,
        res,
        meta,
        isTableArray ? 2 : 1
        /* Type.EXPLICIT */
      );
      if (!p) {
        validateTablePeek(ctx, p, tmp);
        skipping = true;
      } else {
        m = p[2];
        tbl = p[1];
      }
    } else {
      tmp = ctx.p;
      let k = parseKey(ctx);
      let p = peekTable(
        ctx,
        k,
        tbl,
        m,
        0
        /* Type.DOTTED */
      );
      if (!p && !skipping)
        validateTablePeek(ctx, p, tmp);
      skipVoid(ctx, true, true);
      let v = extractValue(ctx, void 0);
      if (p && !skipping)
        p[1][p[0]] = v;
    }
    skipVoid(ctx, true);
    if (ctx.p < toml.length && (tmp = toml.charCodeAt(ctx.p)) !== 10 && (tmp !== 13 || toml.charCodeAt(ctx.p + 1) !== 10)) {
      TomlError.x("each key-value declaration must be followed by an end-of-line", ctx);
    }
    skipVoid(ctx);
  }
  return res;
}

// node_modules/smol-toml/dist/stringify.js
var HAS_WELLFORMED = !!"".isWellFormed;

// src/dvc/formats/toml.ts
function parseToml(text2) {
  let doc;
  try {
    doc = parse(text2, { integersAsBigInt: true });
  } catch (error) {
    if (error instanceof TomlError) {
      throw new SyntaxProblem(tomlReason(error, text2), error.line, error.column);
    }
    throw error;
  }
  return { data: convert(doc), warnings: [] };
}
function tomlReason(error, text2) {
  const reason = error.message.split("\n")[0].replace(/^Invalid TOML document: /, "") || "invalid TOML";
  const line = text2.split(/\r?\n/)[error.line - 1] ?? "";
  const assignment2 = /^\s*([^=#]+?)\s*=(.*)$/.exec(line);
  if (assignment2 && reason.includes("redefine")) return `duplicate key '${assignment2[1]}' (${reason})`;
  if (assignment2 && reason === "invalid value" && !assignment2[2].replace(/#.*/, "").trim()) return `a value missing after '=' for '${assignment2[1]}'`;
  return reason;
}
function convert(value) {
  if (typeof value === "bigint") return Number.isSafeInteger(Number(value)) ? Number(value) : value;
  if (typeof value === "number") return Number.isInteger(value) || !Number.isFinite(value) ? new PyFloat(value) : value;
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof TomlDate) return tomlDate(value);
  if (Array.isArray(value)) return value.map(convert);
  if (value && typeof value === "object") return new Map(Object.entries(value).map(([k, v]) => [k, convert(v)]));
  return null;
}
function tomlDate(value) {
  const iso = value.toISOString();
  if (value.isDate()) return new PyDate(iso);
  const m = /^(?:(\d{4}-\d{2}-\d{2})T)?(\d{2}):(\d{2}):(\d{2})\.(\d{3})(Z|[+-]\d{2}:\d{2})?$/i.exec(iso);
  if (!m) return iso;
  const [, date, hh, mm, ss, ms, offset] = m;
  const microsecond = Number(ms) * 1e3;
  if (date === void 0) return new PyTime(`${hh}:${mm}:${ss}${microsecond ? `.${String(microsecond).padStart(6, "0")}` : ""}`);
  let zone = null;
  if (offset) {
    const minutes = /^z$/i.test(offset) ? 0 : (offset.startsWith("-") ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
    zone = { minutes, name: offset };
  }
  return new PyDateTime(date, Number(hh), Number(mm), Number(ss), microsecond, zone);
}

// src/dvc/formats/yaml.ts
var import_yaml = __toESM(require_dist(), 1);

// src/dvc/formats/yaml-plain.ts
var MAX_PLAIN_DEPTH = 64;
var KEY = /^([A-Za-z_][A-Za-z0-9_./-]{0,127}):(?: +(.*))?$/;
var NOT_STRING_KEY = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE|[Nn]ull|NULL)$/;
var VALUE = /^[A-Za-z0-9_./+-](?:[A-Za-z0-9_./+ ()=-]*[A-Za-z0-9_./+)-])?$/;
var INT = /^-?(?:0|[1-9][0-9]*)$/;
var FLOAT = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/;
function plainYaml(text2) {
  const root = /* @__PURE__ */ new Map();
  const stack = [{ indent: 0, map: root }];
  let opened = null;
  let valueIndent = -1;
  const entry = (map, match, indent) => {
    const key = match[1];
    if (NOT_STRING_KEY.test(key) || map.has(key)) return false;
    const rest = comment(match[2] ?? "");
    if (rest === null) return false;
    if (rest === "") {
      map.set(key, null);
      opened = { map, key, indent };
      valueIndent = -1;
      return true;
    }
    const value = plainScalar(rest);
    if (value === void 0) return false;
    map.set(key, value);
    valueIndent = indent;
    return true;
  };
  let start = 0;
  while (start <= text2.length) {
    let end = text2.indexOf("\n", start);
    if (end < 0) end = text2.length;
    const line = text2.slice(start, end);
    start = end + 1;
    const content = line.trimStart();
    if (content === "" || content.startsWith("#")) {
      if (line.length !== content.length && !/^ *(?:#[^\t\r]*)?$/.test(line)) return null;
      if (content.startsWith("#") && !/^[ -~]*$/.test(content)) return null;
      continue;
    }
    const indent = spaces(line, 0);
    if (indent !== line.length - content.length) return null;
    if (content === "-" || content.startsWith("- ")) {
      if (opened && indent >= opened.indent) {
        if (stack.length > MAX_PLAIN_DEPTH) return null;
        const list = [];
        opened.map.set(opened.key, list);
        stack.push({ indent, list });
      } else {
        if (!opened && valueIndent >= 0 && indent > valueIndent) return null;
        while (stack.length > 1 && stack[stack.length - 1].indent > indent) stack.pop();
      }
      opened = null;
      const seq = stack[stack.length - 1];
      if (!seq.list || seq.indent !== indent) return null;
      const at = spaces(line, indent + 1);
      const item = line.slice(at);
      if (at === indent + 1 || item === "" || item.startsWith("#") || item === "-" || item.startsWith("- ") || item.charCodeAt(0) === 9) return null;
      const key2 = KEY.exec(item);
      if (!key2) {
        const rest = comment(item);
        const value = rest === null ? void 0 : plainScalar(rest);
        if (value === void 0) return null;
        seq.list.push(value);
        valueIndent = indent;
        continue;
      }
      if (stack.length > MAX_PLAIN_DEPTH) return null;
      const map = /* @__PURE__ */ new Map();
      seq.list.push(map);
      stack.push({ indent: at, map });
      if (!entry(map, key2, at)) return null;
      continue;
    }
    const key = KEY.exec(content);
    if (!key) return null;
    if (opened && indent > opened.indent) {
      if (stack.length > MAX_PLAIN_DEPTH) return null;
      const nested = /* @__PURE__ */ new Map();
      opened.map.set(opened.key, nested);
      stack.push({ indent, map: nested });
    } else if (!opened && valueIndent >= 0 && indent > valueIndent) return null;
    opened = null;
    while (stack.length > 1) {
      const top = stack[stack.length - 1];
      if (top.indent > indent || top.list && top.indent === indent) stack.pop();
      else break;
    }
    const level = stack[stack.length - 1];
    if (!level.map || indent !== level.indent) return null;
    if (!entry(level.map, key, indent)) return null;
  }
  return root;
}
function spaces(line, from) {
  let at = from;
  while (line.charCodeAt(at) === 32) at++;
  return at;
}
function comment(rest) {
  const hash2 = rest.startsWith("#") ? 0 : rest.indexOf(" #");
  const value = (hash2 < 0 ? rest : rest.slice(0, hash2)).trimEnd();
  if (hash2 >= 0 && !/^[ -~]*$/.test(rest.slice(hash2))) return null;
  return value;
}
function plainScalar(text2) {
  if (!VALUE.test(text2)) return void 0;
  switch (text2) {
    case "null":
    case "Null":
    case "NULL":
      return null;
    case "true":
    case "True":
    case "TRUE":
      return true;
    case "false":
    case "False":
    case "FALSE":
      return false;
  }
  const c = text2.charCodeAt(0);
  if (c >= 48 && c <= 57 || c === 45 || c === 43 || c === 46) {
    if (INT.test(text2)) {
      const n2 = Number(text2);
      return Number.isSafeInteger(n2) ? Object.is(n2, -0) ? 0 : n2 : BigInt(text2);
    }
    if (!FLOAT.test(text2)) return void 0;
    const n = parseFloat(text2);
    return Number.isInteger(n) || !Number.isFinite(n) ? new PyFloat(n) : n;
  }
  return text2;
}

// src/dvc/formats/yaml.ts
var MAX_ALIAS_NODES = 1e6;
var INT2 = "tag:yaml.org,2002:int";
var FLOAT2 = "tag:yaml.org,2002:float";
var SET = "tag:yaml.org,2002:set";
var RUAMEL_FLOAT = {
  tag: FLOAT2,
  default: true,
  test: /^(?:[-+]?[0-9][0-9_]*\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+|[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/,
  // SafeConstructor.construct_yaml_float: `_` dropped, then Python's float().
  resolve: (text2) => {
    const s = text2.replace(/_/g, "").toLowerCase();
    const sign = s.startsWith("-") ? -1 : 1;
    const body = s.replace(/^[-+]/, "");
    if (body === ".inf") return sign * Infinity;
    if (body === ".nan") return NaN;
    return sign * Number(body);
  }
};
var RUAMEL_INT = {
  tag: INT2,
  default: true,
  test: /^(?:[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+)$/,
  // SafeConstructor.construct_yaml_int: `_` dropped, the sign apart, then the base its prefix names (decimal for
  // YAML 1.2's `017`). Only underscores, which ruamel fails on, stay the text they are.
  resolve: (text2) => {
    const s = text2.replace(/_/g, "");
    const negative = s.startsWith("-");
    const body = s.replace(/^[-+]/, "");
    const digits = /^0[box]/.test(body) ? body.slice(2) : body;
    if (!digits) return text2;
    const value = BigInt(/^0[box]/.test(body) ? `0${body[1]}${digits}` : digits);
    return negative ? -value : value;
  }
};
var TIMESTAMP = /^(?:([0-9]{4})-([0-9]{2})-([0-9]{2})|([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:[Tt]|[ \t]+)([0-9]{1,2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]*))?(?:[ \t]*(Z|([-+])([0-9]{1,2})(?::([0-9]{2}))?))?)$/;
var RUAMEL_TIMESTAMP = {
  tag: "tag:yaml.org,2002:timestamp",
  default: true,
  test: TIMESTAMP,
  resolve: (text2) => {
    const m = TIMESTAMP.exec(text2);
    if (m[1] !== void 0) return validDate(+m[1], +m[2], +m[3]) ? new PyDate(text2) : text2;
    const [y, mo, d, h, mi, s] = [+m[4], +m[5], +m[6], +m[7], +m[8], +m[9]];
    if (!validDate(y, mo, d) || h > 23 || mi > 59 || s > 59) return text2;
    const digits = (m[10] ?? "").slice(0, 7).padEnd(7, "0");
    let microsecond = Number(digits.slice(0, 6)) + (Number(digits[6]) > 4 ? 1 : 0);
    const at = /* @__PURE__ */ new Date(0);
    at.setUTCFullYear(y, mo - 1, d);
    at.setUTCHours(h, mi, s);
    if (microsecond > 999999) {
      microsecond = 0;
      at.setUTCSeconds(s + 1);
      if (at.getUTCFullYear() > 9999) return text2;
    }
    let zone = null;
    if (m[12]) {
      const minutes = (Number(m[13]) * 60 + Number(m[14] ?? 0)) * (m[12] === "-" ? -1 : 1);
      if (Math.abs(minutes) >= 24 * 60) return text2;
      zone = { minutes, name: m[11] };
    } else if (m[11]) zone = { minutes: 0, name: m[11] };
    const date = `${String(at.getUTCFullYear()).padStart(4, "0")}-${String(at.getUTCMonth() + 1).padStart(2, "0")}-${String(at.getUTCDate()).padStart(2, "0")}`;
    return new PyDateTime(date, at.getUTCHours(), at.getUTCMinutes(), at.getUTCSeconds(), microsecond, zone);
  }
};
function validDate(y, m, d) {
  const date = new Date(Date.UTC(2e3, m - 1, d));
  date.setUTCFullYear(y);
  return y >= 1 && m >= 1 && m <= 12 && d >= 1 && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}
var CORE = new import_yaml.Schema({
  schema: "core",
  resolveKnownTags: true,
  customTags: (tags) => [...tags.filter((t) => typeof t === "string" || t.tag !== INT2 && t.tag !== FLOAT2), RUAMEL_FLOAT, RUAMEL_INT, RUAMEL_TIMESTAMP]
});
var CONFLICT_MARKER = /^(?:<{7}|={7}|>{7})(?: |$)/m;
function parseYaml(text2) {
  const plain = plainYaml(text2);
  return plain ? { data: plain, warnings: [] } : parseYamlDocument(text2);
}
function parseYamlDocument(text2) {
  const doc = (0, import_yaml.parseDocument)(text2, { schema: CORE, uniqueKeys: true, prettyErrors: false, intAsBigInt: true });
  const error = doc.errors[0];
  if (error) {
    const marker = CONFLICT_MARKER.exec(text2);
    if (marker) {
      const at = lineColumn(text2, marker.index);
      throw new SyntaxProblem("an unresolved git merge conflict (<<<<<<<, =======, >>>>>>> lines): keep one side and remove the markers.", at.line, at.column);
    }
    const { line, column } = lineColumn(text2, error.pos[0]);
    if (/call stack/i.test(error.message)) throw new SyntaxProblem("nested too deeply to read", line, column);
    if (error.code === "MULTIPLE_DOCS")
      throw new SyntaxProblem("a second YAML document starts here (a `---` line); DVC reads a file of one document", line, column);
    throw new SyntaxProblem(error.message.split("\n")[0].replace(/ at line \d+, column \d+.*$/, ""), line, column);
  }
  const unknownTag = doc.warnings.find((w) => w.code === "TAG_RESOLVE_FAILED" && !COERCED_TAGS.test(w.message));
  if (unknownTag) {
    const { line, column } = lineColumn(text2, unknownTag.pos[0]);
    throw new SyntaxProblem(tagProblem(text2.slice(unknownTag.pos[0], unknownTag.pos[1]), unknownTag.message), line, column);
  }
  if (doc.contents === null) return { data: /* @__PURE__ */ new Map(), warnings: [] };
  const problemAt = (node, message) => {
    const { line, column } = lineColumn(text2, node.range?.[0] ?? 0);
    return new SyntaxProblem(message, line, column);
  };
  let added = 0;
  const budget = (node, alias, depth) => {
    if (depth > MAX_DEPTH) throw problemAt(node, `nesting deeper than ${MAX_DEPTH} levels`);
    if ((0, import_yaml.isAlias)(node)) {
      const target = node.resolve(doc);
      if (target) budget(target, alias ?? node, depth + 1);
      return;
    }
    if (alias && ++added > MAX_ALIAS_NODES) {
      throw problemAt(alias, `aliases expand to more than ${MAX_ALIAS_NODES.toLocaleString("en-US")} values (an alias bomb?); not read`);
    }
    if ((0, import_yaml.isMap)(node))
      for (const pair of node.items) {
        budget(pair.key, alias, depth + 1);
        budget(pair.value, alias, depth + 1);
      }
    else if ((0, import_yaml.isSeq)(node)) for (const item of node.items) budget(item, alias, depth + 1);
  };
  budget(doc.contents, null, 0);
  const seen = /* @__PURE__ */ new Map();
  const convert2 = (node, depth) => {
    if ((0, import_yaml.isAlias)(node)) {
      const target = node.resolve(doc);
      if (!target) return null;
      return convert2(target, depth + 1);
    }
    if (seen.has(node)) return seen.get(node);
    if ((0, import_yaml.isMap)(node) && node.tag === SET) {
      const set = new PyCollection("set", []);
      seen.set(node, set);
      for (const pair of node.items) {
        const item = convert2(pair.key, depth + 1);
        if (!set.items.some((x) => pyEqual(x, item))) set.items.push(item);
      }
      const ordered = pySetOrder(set.items, "mapping");
      set.items.length = 0;
      for (const item of ordered) set.items.push(item);
      return set;
    }
    if ((0, import_yaml.isMap)(node)) {
      const map = /* @__PURE__ */ new Map();
      seen.set(node, map);
      const merged = [];
      const own = [];
      for (const pair of node.items) {
        if ((0, import_yaml.isScalar)(pair.key) && pair.key.value === "<<" && pair.key.type === "PLAIN") {
          const value = convert2(pair.value, depth + 1);
          for (const m of Array.isArray(value) ? [...value].reverse() : [value]) if (m instanceof Map) merged.push(m);
          continue;
        }
        const key = convert2(pair.key, depth + 1);
        own.push([pyStr(key), key, convert2(pair.value, depth + 1)]);
      }
      for (const m of merged) {
        for (const [k, v] of m) {
          const written = keyValue(m, k);
          if (written !== k) setKeyValue(map, k, written);
          map.set(k, v);
        }
      }
      for (const [name, key, value] of own) {
        if (typeof key !== "string") setKeyValue(map, name, key);
        map.set(name, value);
      }
      return map;
    }
    if ((0, import_yaml.isSeq)(node)) {
      const list = [];
      seen.set(node, list);
      for (const item of node.items) list.push(convert2(item, depth + 1));
      return list;
    }
    if ((0, import_yaml.isScalar)(node)) {
      if (typeof node.value === "string" && node.tag && COERCED_TAGS.test(node.tag))
        return coerced(node.tag, node.source ?? node.value, problemAt.bind(null, node));
      return scalar(node.value, node.source);
    }
    return null;
  };
  return { data: convert2(doc.contents, 0), warnings: [] };
}
function scalar(value, source) {
  if (typeof value === "number") {
    const float = !Number.isFinite(value) || source !== void 0 && !/^[-+]?0[xo]/i.test(source) && /[.eEnN]/.test(source);
    if (float && (Number.isInteger(value) || !Number.isFinite(value))) return new PyFloat(value);
    return value;
  }
  if (typeof value === "bigint") return Number.isSafeInteger(Number(value)) ? Number(value) : value;
  if (value === null || typeof value === "boolean" || typeof value === "string" || value instanceof PyDate || value instanceof PyDateTime) return value;
  return JSON.stringify(value) ?? "";
}
var COERCED_TAGS = /tag:yaml\.org,2002:(float|bool)\b/;
var BOOLS = /* @__PURE__ */ new Map([
  ["yes", true],
  ["no", false],
  ["true", true],
  ["false", false],
  ["on", true],
  ["off", false]
]);
function coerced(tag, text2, problem) {
  const plain = text2.trim();
  if (tag.endsWith(":bool")) {
    const bool = BOOLS.get(plain.toLowerCase());
    if (bool === void 0) throw problem(`tag !!bool on '${plain}', which is not one of ${[...BOOLS.keys()].join(", ")}`);
    return bool;
  }
  const digits = plain.replace(/_/g, "");
  if (!/^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/.test(digits)) throw problem(`tag !!float on '${plain}', which is not a number`);
  const value = Number(digits);
  return Number.isInteger(value) ? new PyFloat(value) : value;
}
var SAFE_TAGS = /* @__PURE__ */ new Set(["null", "bool", "int", "float", "binary", "timestamp", "omap", "pairs", "set", "str", "seq", "map"]);
function tagProblem(tag, message) {
  const resolved = /tag:yaml\.org,2002:(\S+)/.exec(message)?.[1];
  if (resolved && SAFE_TAGS.has(resolved)) return `tag ${tag} on a value not written as one: mlreport does not convert it, so write the value untagged`;
  return `unknown tag ${tag}: DVC's YAML loader (ruamel's safe loader) reads only YAML's standard tags`;
}

// src/dvc/formats/index.ts
function formatOf(path) {
  const ext = extension(path);
  return ext === ".json" ? "JSON" : ext === ".toml" ? "TOML" : ext === ".py" ? "Python" : "YAML";
}
function withPosition(path, format, parse2) {
  try {
    return parse2();
  } catch (error) {
    if (error instanceof SyntaxProblem) throw new UserError(`${path}:${error.line}:${error.column}: invalid ${format}: ${error.message}`);
    if (error instanceof RangeError) throw new UserError(`${path}: ${format} nested too deeply to read (${error.message})`);
    throw error;
  }
}
function parseDataFile(path, raw) {
  const format = formatOf(path);
  const text2 = raw.replace(/\r\n?/g, "\n");
  return withPosition(path, format, () => {
    switch (format) {
      case "JSON":
        return parseJson(text2);
      case "TOML":
        return parseToml(text2);
      case "Python":
        return parsePython(text2);
      default:
        return parseYaml(text2);
    }
  });
}
function extension(path) {
  const base = path.slice(path.lastIndexOf("/") + 1);
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(dot).toLowerCase() : "";
}

// src/dvc/schema-fields.ts
function onlyKeys(item, keys, at) {
  for (const key of item.keys()) {
    if (!keys.includes(key)) throw new UserError(`${at}: unknown key '${key}' (expected one of ${keys.join(", ")}).`);
  }
}
function boolField(item, key, named) {
  const v = item.get(key);
  if (v !== void 0 && typeof v !== "boolean") throw new UserError(`${named} must be true or false, not ${describeValue(v)}.`);
  return v;
}
function stringField(item, key, named) {
  const v = item.get(key);
  if (v !== void 0 && typeof v !== "string") throw new UserError(`${named} must be a string, not ${describeValue(v)}.`);
  return v;
}
function mapField(item, key, named) {
  const v = item.get(key);
  if (v !== void 0 && !isRawMap(v)) throw new UserError(`${named} must be a mapping, not ${describeValue(v)}.`);
  return v;
}

// src/dvc/lock.ts
async function readLockFile(tree, path) {
  const bytes = await tree.read(path);
  return bytes ? parseLockText(bytes.toString("utf8"), path) : null;
}
var TOP_KEYS = ["schema", "datasets", "stages"];
var STAGE_KEYS = ["cmd", "deps", "params", "outs"];
var ENTRY_KEYS = ["path", "hash", "md5", "checksum", "etag", "size", "nfiles", "isexec", "version_id", "cloud", "files", "dataset"];
function parseLockText(text2, displayPath = "dvc.lock") {
  const doc = parseDataFile(displayPath, text2).data;
  if (doc === null) return { stages: /* @__PURE__ */ new Map(), raw: /* @__PURE__ */ new Map() };
  if (!isRawMap(doc)) throw new UserError(`${displayPath}: expected a mapping at the top level, not ${describeValue(doc)}.`);
  const legacy = !doc.has("schema");
  if (!legacy) {
    const schema = doc.get("schema") ?? null;
    if (typeof schema !== "string") throw new UserError(`${displayPath}: 'schema' must be the string '2.0' (quoted), not ${describeValue(schema)}.`);
    if (schema !== "2.0") throw new UserError(`${displayPath}: unsupported schema '${schema}' (expected '2.0').`);
    for (const key of doc.keys()) {
      if (!TOP_KEYS.includes(key)) throw new UserError(`${displayPath}: unknown top-level key '${key}' (expected one of ${TOP_KEYS.join(", ")}).`);
    }
  }
  const stagesRaw = legacy ? doc : doc.has("stages") ? doc.get("stages") : /* @__PURE__ */ new Map();
  if (!isRawMap(stagesRaw)) throw new UserError(`${displayPath}: 'stages' must be a mapping of stage names to their records, not ${describeValue(stagesRaw)}.`);
  const stages = /* @__PURE__ */ new Map();
  for (const [name, entry] of stagesRaw) {
    const key = keyValue(stagesRaw, name);
    if (typeof key !== "string") throw new UserError(`${displayPath}: a stage name is ${describeValue(key)}, not a string, as DVC writes them.`);
    stages.set(name, parseStage(entry, `${displayPath}: stage '${name}'`));
  }
  const raw = legacy ? /* @__PURE__ */ new Map([
    ["schema", "2.0"],
    ["stages", stagesRaw]
  ]) : doc;
  return { stages, raw };
}
function parseStage(entry, where2) {
  if (!isRawMap(entry)) throw new UserError(`${where2}: expected a mapping with 'cmd', 'deps', 'params' and 'outs', not ${describeValue(entry)}.`);
  onlyKeys(entry, STAGE_KEYS, where2);
  if (!entry.has("cmd")) throw new UserError(`${where2}: 'cmd' is required.`);
  const cmd = entry.get("cmd");
  if (typeof cmd !== "string" && !Array.isArray(cmd)) throw new UserError(`${where2}: 'cmd' must be a string or a list of commands, not ${describeValue(cmd)}.`);
  const cmdValue = typeof cmd === "string" ? cmd : cmd.every((c) => typeof c === "string") ? cmd : "";
  const params = /* @__PURE__ */ new Map();
  if (entry.has("params")) {
    const paramsRaw = entry.get("params");
    if (!isRawMap(paramsRaw)) throw new UserError(`${where2}: 'params' must be a mapping of params files to their values, not ${describeValue(paramsRaw)}.`);
    for (const [file, values] of paramsRaw) {
      const fileKey = keyValue(paramsRaw, file);
      if (typeof fileKey !== "string") throw new UserError(`${where2}: a params file name is ${describeValue(fileKey)}, not a string.`);
      if (!isRawMap(values)) throw new UserError(`${where2}: 'params.${file}' must be a mapping of param names to values, not ${describeValue(values)}.`);
      for (const param of values.keys()) {
        const paramKey = keyValue(values, param);
        if (typeof paramKey !== "string") throw new UserError(`${where2}: a param name in 'params.${file}' is ${describeValue(paramKey)}, not a string.`);
      }
      params.set(file, values);
    }
  }
  const entries = (key) => {
    if (!entry.has(key)) return [];
    const value = entry.get(key);
    if (!Array.isArray(value)) throw new UserError(`${where2}: '${key}' must be a list of entries with a 'path', not ${describeValue(value)}.`);
    return parseLockEntries(value, `${where2}: ${key}`, ENTRY_KEYS);
  };
  return { cmd: cmdValue, deps: entries("deps"), params, outs: entries("outs") };
}
function parseLockEntries(value, where2, keys) {
  if (value === void 0 || value === null) return [];
  if (!Array.isArray(value)) throw new UserError(`${where2}: expected a list, not ${describeValue(value)}.`);
  return value.map((item, i) => {
    const at = `${where2}[${i}]`;
    const path = isRawMap(item) ? item.get("path") : void 0;
    if (!isRawMap(item) || typeof path !== "string") throw new UserError(`${at}: expected an entry with a 'path'.`);
    return { path, ...checkEntry(item, at, keys) };
  });
}
function checkEntry(item, at, keys) {
  onlyKeys(item, keys, at);
  const { md5: md52, size, nfiles, isexec } = hashAndMeta(item, at);
  const hash2 = stringField(item, "hash", `${at}.hash`);
  mapField(item, "dataset", `${at}.dataset`);
  cloud(item, at);
  const files = item.get("files");
  if (files !== void 0) {
    if (!Array.isArray(files)) throw new UserError(`${at}.files must be a list of entries with a 'relpath', not ${describeValue(files)}.`);
    files.forEach((f, j) => {
      if (!isRawMap(f) || typeof f.get("relpath") !== "string") throw new UserError(`${at}.files[${j}]: expected an entry with a 'relpath'.`);
      onlyKeys(f, FILE_KEYS, `${at}.files[${j}]`);
      hashAndMeta(f, `${at}.files[${j}]`);
      cloud(f, `${at}.files[${j}]`);
    });
  }
  const entry = { hashName: hash2 === "md5" ? "md5" : "md5-dos2unix", md5: md52 };
  if (size !== void 0) entry.size = size;
  if (nfiles !== void 0) entry.nfiles = nfiles;
  if (isexec === true) entry.isexec = true;
  return entry;
}
var HASH_META_KEYS = ["md5", "checksum", "etag", "size", "nfiles", "isexec", "version_id"];
var FILE_KEYS = ["relpath", ...HASH_META_KEYS, "cloud"];
function hashAndMeta(item, at) {
  const md52 = checksum(item, "md5", `${at}.md5`, true);
  checksum(item, "checksum", `${at}.checksum`, true);
  checksum(item, "etag", `${at}.etag`, false);
  stringField(item, "version_id", `${at}.version_id`);
  const size = wholeNumber(item, "size", at);
  const nfiles = wholeNumber(item, "nfiles", at);
  const isexec = boolField(item, "isexec", `${at}.isexec`);
  return { md5: md52, size, nfiles, isexec };
}
function cloud(item, at) {
  const value = item.get("cloud");
  if (value === void 0) return;
  if (!isRawMap(value)) throw new UserError(`${at}.cloud must be a mapping of a remote's name to its fields, not ${describeValue(value)}.`);
  if (value.size > 1) throw new UserError(`${at}.cloud must name at most one remote, not ${value.size}.`);
  for (const [name, fields] of value) {
    const key = keyValue(value, name);
    if (typeof key !== "string") throw new UserError(`${at}.cloud: a remote's name is ${describeValue(key)}, not a string.`);
    const where2 = `${at}.cloud.${name}`;
    if (!isRawMap(fields)) throw new UserError(`${where2} must be a mapping of hash and meta fields, not ${describeValue(fields)}.`);
    onlyKeys(fields, HASH_META_KEYS, where2);
    hashAndMeta(fields, where2);
  }
}
function checksum(item, key, named, lower) {
  const v = item.get(key);
  if (v === void 0 || v === null || v === "") return null;
  const text2 = typeof v === "string" ? v : isInt(v) ? typeof v === "boolean" ? v ? "True" : "False" : String(v) : null;
  if (text2 === null) throw new UserError(`${named} must be a hash (a string), not ${describeValue(v)}.`);
  if (text2.length < 3) throw new UserError(`${named} must be a hash of at least 3 characters, not ${describeValue(v)}.`);
  return lower ? text2.toLowerCase() : text2;
}
function wholeNumber(item, key, at) {
  const v = item.get(key);
  if (v === void 0) return void 0;
  if (!isInt(v)) throw new UserError(`${at}.${key} must be a whole number, not ${describeValue(v)}.`);
  return Number(v);
}
function isInt(v) {
  return typeof v === "number" && Number.isInteger(v) || typeof v === "bigint" || typeof v === "boolean";
}

// src/dvc/dvcfile.ts
var KEYS = ["md5", "wdir", "deps", "outs", "frozen", "locked", "meta", "always_changed", "desc"];
var ARTIFACT_KEYS = ["path", "md5", "checksum", "etag", "size", "nfiles", "isexec", "version_id", "persist", "cloud", "hash"];
var OUT_KEYS = [...ARTIFACT_KEYS, "desc", "type", "labels", "meta", "cache", "remote", "push", "files", "fs_config"];
var DEP_KEYS = [...ARTIFACT_KEYS, "repo", "db", "files", "fs_config"];
var REPO_KEYS = ["url", "rev", "rev_lock", "config", "remote"];
var DB_KEYS = ["query", "connection", "file_format", "table"];
async function readDvcFile(tree, file) {
  const bytes = await tree.read(file);
  return bytes ? parseDvcFile(file, bytes.toString("utf8")) : null;
}
function parseDvcFile(file, text2) {
  const doc = parseDataFile(file, text2).data;
  if (isPyFalsy(doc)) return { file, outs: [] };
  if (!isRawMap(doc)) throw new UserError(`${file}: expected a mapping with \`outs:\`, not ${describeValue(doc)}.`);
  onlyKeys(doc, KEYS, file);
  checksum(doc, "md5", `${file}: 'md5'`, true);
  for (const key of ["frozen", "locked", "always_changed"]) boolField(doc, key, `${file}: '${key}'`);
  stringField(doc, "desc", `${file}: 'desc'`);
  const wdir = doc.get("wdir") ?? ".";
  if (typeof wdir !== "string") throw new UserError(`${file}: 'wdir' must be a path (a string), not ${describeValue(wdir)}.`);
  if (isAbsolute(wdir)) throw new UserError(`${file}: 'wdir' '${wdir}' is absolute: ${EXTERNAL}; write it relative to the folder of ${file}.`);
  const base = posix2.join(posix2.dirname(file), wdir);
  checkDeps(doc.get("deps"), `${file}: deps`);
  const importedFrom = repoOf(doc.get("deps"));
  const written = doc.get("outs");
  if (Array.isArray(written)) {
    written.forEach((item, i) => {
      const old = isRawMap(item) ? ["metric", "plot"].find((k) => item.has(k)) : void 0;
      if (old)
        throw new UserError(
          `${file}: outs[${i}]: '${old}' is not a key DVC 3 takes in a .dvc file (metrics and plots are declared in dvc.yaml now); remove it.`
        );
    });
  }
  const outs = parseLockEntries(written, `${file}: outs`, OUT_KEYS).map((entry, i) => {
    const item = written[i];
    const where2 = `${file}: outs[${i}]`;
    if (isAbsolute(entry.path)) throw new UserError(`${where2}.path '${entry.path}' is absolute: ${EXTERNAL}; write it relative to the folder of ${file}.`);
    const path = posix2.normalize(posix2.join(base, entry.path));
    if (path === ".." || path.startsWith("../") || posix2.isAbsolute(path)) throw new UserError(`${where2}.path '${entry.path}' leaves the project.`);
    const hash2 = item.get("hash");
    if (hash2 !== void 0 && hash2 !== "md5") throw new UserError(`${where2}.hash '${pyStr(hash2)}' is not one DVC writes (md5).`);
    boolField(item, "persist", `${where2}.persist`);
    const push = boolField(item, "push", `${where2}.push`) ?? true;
    for (const key of ["desc", "type"]) stringField(item, key, `${where2}.${key}`);
    const labels = item.get("labels");
    if (labels !== void 0 && !(Array.isArray(labels) && labels.every((l) => typeof l === "string"))) {
      throw new UserError(`${where2}.labels must be a list of strings, not ${describeValue(labels)}.`);
    }
    mapField(item, "fs_config", `${where2}.fs_config`);
    const cache = boolField(item, "cache", `${where2}.cache`) ?? true;
    const remote = stringField(item, "remote", `${where2}.remote`);
    const out = { ...entry, path, cache, push };
    if (remote !== void 0) out.remote = remote;
    return out;
  });
  return importedFrom === void 0 ? { file, outs } : { file, outs, importedFrom };
}
var EXTERNAL = "DVC reads an absolute path as an external output, outside the project, and DVC 3 no longer caches those";
function isAbsolute(path) {
  const slashed = path.replace(/\\/g, "/");
  return slashed.startsWith("/") || /^[A-Za-z]:/.test(slashed);
}
function repoOf(deps) {
  for (const dep of Array.isArray(deps) ? deps : []) {
    const repo = isRawMap(dep) ? dep.get("repo") : void 0;
    const url = isRawMap(repo) ? repo.get("url") : void 0;
    if (typeof url === "string") return url;
  }
  return void 0;
}
function checkDeps(value, where2) {
  if (value === void 0 || value === null) return;
  if (!Array.isArray(value)) throw new UserError(`${where2}: expected a list, not ${describeValue(value)}.`);
  value.forEach((item, i) => {
    const at = `${where2}[${i}]`;
    if (!isRawMap(item)) throw new UserError(`${at}: expected a mapping with a 'path', not ${describeValue(item)}.`);
    stringField(item, "path", `${at}.path`);
    checkEntry(item, at, DEP_KEYS);
    checkDep(item, at);
  });
}
function checkDep(item, where2) {
  mapField(item, "fs_config", `${where2}.fs_config`);
  const repo = mapField(item, "repo", `${where2}.repo`);
  if (repo) {
    onlyKeys(repo, REPO_KEYS, `${where2}.repo`);
    if (!repo.has("url")) throw new UserError(`${where2}.repo: 'url' is required.`);
    for (const key of ["url", "rev", "rev_lock"]) stringField(repo, key, `${where2}.repo.${key}`);
    for (const key of ["config", "remote"]) {
      const v = repo.get(key);
      if (v !== void 0 && typeof v !== "string" && !isRawMap(v))
        throw new UserError(`${where2}.repo.${key} must be a string or a mapping, not ${describeValue(v)}.`);
    }
  }
  const db = mapField(item, "db", `${where2}.db`);
  if (db) {
    onlyKeys(db, DB_KEYS, `${where2}.db`);
    for (const key of DB_KEYS) stringField(db, key, `${where2}.db.${key}`);
  }
}

// src/dvc/data/config.ts
import { lstat, readFile, realpath as realpath2 } from "node:fs/promises";
import { homedir } from "node:os";
import { basename, dirname as dirname3, isAbsolute as isAbsolute2, join as join6, resolve } from "node:path";

// src/dvc/data/errors.ts
var DataError = class extends UserError {
  constructor(message) {
    super(message);
    this.name = "DataError";
  }
};
var ObjectError = class extends DataError {
  constructor(message, kind) {
    super(message);
    this.kind = kind;
    this.name = "ObjectError";
  }
  kind;
};
var TransferError = class extends DataError {
  constructor(direction, remote, failures) {
    const sorted = [...failures].sort(byPathThenObject);
    const shown = sorted.slice(0, 20).map((f) => `  ${f.path ? `${f.path}: ` : ""}object ${f.oid}: ${f.reason}`);
    if (failures.length > shown.length) shown.push(`  \u2026 and ${failures.length - shown.length} more`);
    const verb = direction === "pull" ? "could not be pulled from" : "could not be pushed to";
    super(`${failures.length} object${failures.length === 1 ? "" : "s"} ${verb} ${remote}:
${shown.join("\n")}`);
    this.direction = direction;
    this.remote = remote;
    this.name = "TransferError";
    this.failures = sorted;
  }
  direction;
  remote;
  failures;
};
function byPathThenObject(a, b) {
  const pa = a.path ?? "";
  const pb = b.path ?? "";
  if (pa !== pb) return pa < pb ? -1 : 1;
  return a.oid < b.oid ? -1 : a.oid > b.oid ? 1 : 0;
}

// src/dvc/data/ini.ts
var SECTION = /^(\[+)\s*(.*?)\s*(\]+)\s*(?:#.*)?$/;
var KEY_VALUE = /^("[^"]*"|'[^']*'|[^=]+?)\s*=\s*(.*)$/;
function parseIni(text2, file) {
  const sections = /* @__PURE__ */ new Map([["", /* @__PURE__ */ new Map()]]);
  const lines = text2.replace(/^\uFEFF/, "").split(/\r?\n/);
  let current = sections.get("");
  let sectionName = "";
  const at = (n) => `${file}:${n + 1}`;
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n].trim();
    if (!line || line.startsWith("#")) continue;
    const header = SECTION.exec(line);
    if (header) {
      if (header[1].length !== header[3].length) throw new DataError(`${at(n)}: unbalanced brackets in section header '${line}'`);
      sectionName = unquote(header[2]).toLowerCase();
      if (sections.has(sectionName)) throw new DataError(`${at(n)}: duplicate section '${sectionName}'`);
      current = /* @__PURE__ */ new Map();
      sections.set(sectionName, current);
      continue;
    }
    const kv = KEY_VALUE.exec(line);
    if (!kv) throw new DataError(`${at(n)}: expected 'key = value' or a [section] header (the line is not shown: DVC configs hold credentials)`);
    const key = unquote(kv[1].trim()).toLowerCase();
    if (current.has(key)) throw new DataError(`${at(n)}: duplicate key '${shownKey(key)}' in section '${sectionName}'`);
    current.set(key, parseValue(kv[2], at(n), key));
  }
  for (const [name, section] of sections) {
    for (const [key, value] of section) {
      const resolve4 = (v) => interpolate(v, section, sections.get("default"), `${file}: key '${shownKey(key)}' in section '${name}'`);
      section.set(key, Array.isArray(value) ? value.map(resolve4) : resolve4(value));
    }
  }
  return sections;
}
function shownKey(key) {
  const name = /^[A-Za-z0-9_.-]*/.exec(key)[0];
  return name === key ? key : `${name}\u2026`;
}
function unquote(s) {
  if (s.length >= 2 && (s[0] === '"' || s[0] === "'") && s.endsWith(s[0])) return s.slice(1, -1);
  return s;
}
function parseValue(raw, where2, key) {
  const items = [];
  let i = 0;
  let sawComma = false;
  const s = raw;
  while (i < s.length) {
    while (s[i] === " " || s[i] === "	") i++;
    if (i >= s.length || s[i] === "#") break;
    let item;
    if (s[i] === '"' || s[i] === "'") {
      const end = s.indexOf(s[i], i + 1);
      if (end < 0) throw new DataError(`${where2}: unterminated quote in the value of '${shownKey(key)}'`);
      item = s.slice(i + 1, end);
      i = end + 1;
    } else {
      let j = i;
      while (j < s.length && s[j] !== "," && s[j] !== "#") j++;
      item = s.slice(i, j).trim();
      i = j;
    }
    items.push(item);
    while (s[i] === " " || s[i] === "	") i++;
    if (s[i] === ",") {
      sawComma = true;
      i++;
    } else if (i < s.length && s[i] !== "#") {
      throw new DataError(`${where2}: unexpected text after the value of '${shownKey(key)}'`);
    }
  }
  if (sawComma) return items.filter((x, k) => x !== "" || k < items.length - 1);
  return items[0] ?? "";
}
function interpolate(value, section, defaults, where2, depth = 0) {
  if (!value.includes("%(")) return value;
  if (depth > 10) throw new DataError(`${where2}: interpolation '%(\u2026)s' nests too deep`);
  return value.replace(/%\(([^)]*)\)s/g, (_m, name) => {
    const found = section.get(name.toLowerCase()) ?? defaults?.get(name.toLowerCase());
    if (found === void 0 || Array.isArray(found)) {
      throw new DataError(`${where2}: '%(${name})s' names no option of this section or [DEFAULT] (ConfigObj interpolates '%(name)s' in values)`);
    }
    return interpolate(found, section, defaults, where2, depth + 1);
  });
}

// src/dvc/data/config.ts
var PATH_KEYS = /* @__PURE__ */ new Set([
  "url",
  "credentialpath",
  "configpath",
  "keyfile",
  "cert_path",
  "key_path",
  "gdrive_service_account_json_file_path",
  "gdrive_user_credentials_file"
]);
var NAMED_SECTION = /^\s*(remote|machine|db)\s*"(.*)"\s*$/;
async function loadDvcConfig(root, environment = {}, revision, local = true) {
  const { read, merged } = await readLevels(root, environment, revision, local);
  return buildConfig(root, read, merged);
}
var DEFAULT_PARSING = { bool: "store_true", list: "nargs" };
async function loadParsingConfig(root, environment = {}, revision) {
  const { merged } = await readLevels(root, environment, revision, true);
  const section = merged.get("parsing");
  const choice = (key, choices, fallback) => {
    const set = section?.get(key);
    if (!set) return fallback;
    const value = typeof set.value === "string" ? set.value.toLowerCase() : null;
    const found = choices.find((c) => c === value);
    if (found) return found;
    const written = typeof set.value === "string" ? `'${set.value}'` : `a list (${set.value.join(", ")})`;
    throw new DataError(`${set.file}: parsing.${key} is ${written}; expected ${choices.join(" or ")}`);
  };
  return {
    bool: choice("bool", ["store_true", "boolean_optional"], DEFAULT_PARSING.bool),
    list: choice("list", ["nargs", "append"], DEFAULT_PARSING.list)
  };
}
async function readLevels(root, environment, revision, local) {
  const readProjectFile = (file) => plainProjectFile(root, file);
  const env = environment.env ?? process.env;
  const repoFile = join6(root, ".dvc", "config");
  const onDisk = (file, read2 = readConfigFile) => ({ file, dir: dirname3(file), text: () => read2(file) });
  const levels = [
    ...configDirs(env, environment.platform ?? process.platform).map((d) => onDisk(join6(d, "config"))),
    revision ? { file: revision.name, dir: dirname3(repoFile), text: () => Promise.resolve(revision.text) } : onDisk(repoFile, readProjectFile),
    ...local ? [onDisk(join6(root, ".dvc", "config.local"), readProjectFile)] : []
  ];
  const read = [];
  const merged = /* @__PURE__ */ new Map();
  for (const level of levels) {
    const text2 = await level.text();
    if (text2 === null) continue;
    read.push(level.file);
    mergeLevel(merged, parseIni(text2, level.file), level.file, level.dir);
  }
  return { read, merged };
}
async function plainProjectFile(root, file) {
  const info = await lstat(file).catch(() => null);
  if (!info) return null;
  const where2 = await realpath2(file).catch(() => null);
  if (!info.isFile() || where2 !== join6(await realpath2(root), ".dvc", basename(file)))
    throw new DataError(`${file}: not a plain file of the project (a link is not followed); not read`);
  return readConfigFile(file);
}
async function readConfigFile(file) {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    if (error.code === "ENOENT" || error.code === "ENOTDIR") return null;
    throw new DataError(`cannot read the DVC config ${file}: ${error.message}`);
  }
}
function configDirs(env, platform) {
  const home = env.HOME ?? env.USERPROFILE ?? homedir();
  let system;
  let global;
  if (platform === "win32") {
    system = join6(env.ALLUSERSPROFILE ?? "C:\\ProgramData", "iterative", "dvc");
    global = join6(env.LOCALAPPDATA ?? join6(home, "AppData", "Local"), "iterative", "dvc");
  } else if (platform === "darwin") {
    system = "/Library/Application Support/dvc";
    global = join6(home, "Library", "Application Support", "dvc");
  } else {
    system = join6((env.XDG_CONFIG_DIRS || "/etc/xdg").split(":")[0], "dvc");
    global = join6(env.XDG_CONFIG_HOME || join6(home, ".config"), "dvc");
  }
  return [env.DVC_SYSTEM_CONFIG_DIR || system, env.DVC_GLOBAL_CONFIG_DIR || global];
}
function mergeLevel(merged, sections, file, dir) {
  for (const [name, section] of sections) {
    if (name === "" && section.size === 0) continue;
    const named = NAMED_SECTION.exec(name);
    const key = named ? `${named[1]} "${named[2]}"` : name;
    const target = merged.get(key) ?? /* @__PURE__ */ new Map();
    merged.set(key, target);
    for (const [k, v] of section) target.set(k, { value: resolvePath(k, v, key, dir), file });
  }
}
function resolvePath(key, value, section, dir) {
  const applies = section.startsWith('remote "') && PATH_KEYS.has(key) || section === "cache" && key === "dir";
  if (!applies || typeof value !== "string" || !value || /^\w+:\/\//.test(value)) return value;
  if (value === "~" || value.startsWith("~/")) return join6(homedir(), value.slice(1));
  if (isAbsolute2(value) || /^[A-Za-z]:[\\/]/.test(value)) return value;
  return resolve(dir, value);
}
function buildConfig(root, files, merged) {
  const remotes = /* @__PURE__ */ new Map();
  for (const [section, values] of merged) {
    const named = NAMED_SECTION.exec(section);
    if (!named || named[1] !== "remote") continue;
    const name = named[2];
    const url = values.get("url");
    const defining = [...new Set([...values.values()].map((v) => v.file))];
    if (typeof url?.value !== "string" || !url.value) throw new DataError(`remote '${name}' has no 'url' (${defining.join(", ")})`);
    const options = {};
    const optionFiles = {};
    for (const [k, v] of values) {
      if (k === "url") continue;
      options[k] = v.value;
      optionFiles[k] = v.file;
    }
    remotes.set(name, { name, url: url.value, options, files: defining, urlFile: url.file, optionFiles });
  }
  const core = {};
  for (const [k, v] of merged.get("core") ?? []) core[k] = v.value;
  const remote = core.remote;
  delete core.remote;
  if (Array.isArray(remote)) throw new DataError(`core.remote must name one remote, found a list (${merged.get("core").get("remote").file})`);
  const cacheDir = merged.get("cache")?.get("dir")?.value;
  if (Array.isArray(cacheDir)) throw new DataError(`cache.dir must be one path (${merged.get("cache").get("dir").file})`);
  return {
    root,
    files,
    defaultRemote: remote ? remote.toLowerCase() : void 0,
    remotes,
    cacheDir: cacheDir || join6(root, ".dvc", "cache"),
    core
  };
}
function selectRemote(config, name, pick) {
  const wanted = (name ?? config.defaultRemote)?.toLowerCase();
  const where2 = config.files.length ? config.files.join(", ") : `${join6(config.root, ".dvc", "config")} (missing)`;
  if (!wanted) {
    const known = [...config.remotes.keys()];
    throw new DataError(
      known.length ? `no DVC remote specified, and ${known.length === 1 ? "one is" : `${known.length} are`} defined (${known.join(", ")}): set the default with 'dvc remote default <name>' (core.remote in .dvc/config)${pick ? `, or ${pick}` : ""}; read ${where2}` : `no DVC remote specified and none is defined: create a default remote with 'dvc remote add -d <name> <url>' (core.remote in .dvc/config); read ${where2}`
    );
  }
  return resolveRef(config, wanted, where2, /* @__PURE__ */ new Set());
}
function resolveRef(config, name, where2, seen) {
  const remote = config.remotes.get(name);
  if (!remote) {
    const known = [...config.remotes.keys()];
    throw new DataError(`DVC remote '${name}' is not defined (${known.length ? `defined: ${known.join(", ")}` : "no remotes are defined"}); read ${where2}`);
  }
  const ref = /^remote:\/\/([^/]+)(?:\/(.*))?$/.exec(remote.url);
  if (!ref) return remote;
  if (seen.has(name)) throw new DataError(`DVC remote '${name}' refers to itself through remote:// URLs`);
  seen.add(name);
  const base = resolveRef(config, ref[1].toLowerCase(), where2, seen);
  const sub = ref[2] ?? "";
  const url = !sub ? base.url : /^\w+:\/\//.test(base.url) ? `${base.url.replace(/\/+$/, "")}/${sub}` : join6(base.url, sub);
  const urlFiles = [.../* @__PURE__ */ new Set([remote.urlFile, base.urlFile])].filter((f) => f !== void 0);
  return {
    name: remote.name,
    url,
    options: { ...base.options, ...remote.options },
    optionFiles: { ...base.optionFiles, ...remote.optionFiles },
    files: [.../* @__PURE__ */ new Set([...base.files, ...remote.files])],
    urlFile: urlFiles.length ? urlFiles.join(", ") : void 0
  };
}

// src/dvc/paths.ts
import { posix as posix3 } from "node:path";
function joinPath(dir, path) {
  const slashed = path.replace(/\\/g, "/");
  if (slashed.startsWith("/") || /^[A-Za-z]:/.test(slashed)) return slashed;
  const joined = posix3.normalize(posix3.join(dir || ".", slashed));
  return joined === "." ? "" : joined.replace(/^\.\//, "").replace(/\/$/, "");
}

// src/dvc/overlaps.ts
var Outputs = class {
  byPath = /* @__PURE__ */ new Map();
  below = /* @__PURE__ */ new Map();
  get(path) {
    return this.byPath.get(path);
  }
  /** Registers `path` unless it is registered already (the first owner is the one named). */
  add(path, owner) {
    if (this.byPath.has(path)) return;
    this.byPath.set(path, owner);
    for (const folder of foldersAbove(path)) {
      const list = this.below.get(folder);
      if (list) list.push({ path, owner });
      else this.below.set(folder, [{ path, owner }]);
    }
  }
  /** The topmost entry `path` is inside of (a folder above it), as DVC's trie finds it (`shortest_prefix`). */
  holding(path) {
    for (const folder of foldersAbove(path)) {
      const owner = this.byPath.get(folder);
      if (owner) return { path: folder, owner };
    }
    return void 0;
  }
  /** The first entry inside `path` (a folder). */
  inside(path) {
    return this.below.get(path)?.[0];
  }
};
function foldersAbove(path) {
  const folders = [];
  for (let slash = path.indexOf("/"); slash > 0; slash = path.indexOf("/", slash + 1)) folders.push(path.slice(0, slash));
  return folders;
}
function stageOutputs(dvc) {
  return dvc.stages.flatMap(
    (stage) => stage.outs.flatMap((out) => {
      const path = projectPath2(joinPath(dvc.dir, stage.wdir), out.path);
      return path === void 0 ? [] : [{ stage: stage.name, path }];
    })
  );
}
var REFUSED = "DVC refuses such a project, and so do repro, status, pull and push here";
function refuseOverlappingOutputs(dvcYamls, dvcFiles) {
  const outputs = new Outputs();
  const stageFiles = new Outputs();
  for (const dvc of dvcYamls) stageFiles.add(dvc.file, { name: dvc.file, file: dvc.file });
  const errors = [];
  const refuse = (file, error, tracks) => {
    errors.push({ file, error: `${file}: ${error}`, refused: true, ...tracks && { tracks } });
  };
  const acceptedYamls = [];
  for (const dvc of dvcYamls) {
    const error = pipelineConflict(dvc, outputs, stageFiles);
    if (error) {
      refuse(dvc.file, error);
      continue;
    }
    acceptedYamls.push(dvc);
    for (const { stage, path } of stageOutputs(dvc)) outputs.add(path, { name: `stage '${stage}' of ${dvc.file}`, file: dvc.file });
  }
  const acceptedFiles = [];
  for (const dvcFile of dvcFiles) {
    const error = trackedConflict(dvcFile, outputs, stageFiles);
    if (error) {
      refuse(
        dvcFile.file,
        error,
        dvcFile.outs.map((out) => out.path)
      );
      continue;
    }
    acceptedFiles.push(dvcFile);
    const own = { name: dvcFile.file, file: dvcFile.file };
    stageFiles.add(dvcFile.file, own);
    for (const out of dvcFile.outs) outputs.add(out.path, own);
  }
  return { dvcYamls: acceptedYamls, dvcFiles: acceptedFiles, errors };
}
function pipelineConflict(dvc, outputs, stageFiles) {
  const holder = outputs.holding(dvc.file);
  if (holder) return `the dvc.yaml is inside the output '${holder.path}' of ${holder.owner.name} (${REFUSED}); move that output out of this folder.`;
  for (const { stage, path } of stageOutputs(dvc)) {
    const mine = `output '${path}' of stage '${stage}'`;
    const same = outputs.get(path);
    if (same) return `${mine} is already specified in ${same.name} (${REFUSED}); an output belongs to one stage or .dvc file: remove it from one of them.`;
    const other = outputs.holding(path) ?? outputs.inside(path);
    if (other)
      return `${mine} and the output '${other.path}' of ${other.owner.name} overlap, so they are in the same tracked directory (${REFUSED}); ${SEPARATE}`;
    const file = stageFiles.inside(path);
    if (file) return `${mine} holds ${file.path}, which is not allowed inside an output (${REFUSED}); write the output to another folder.`;
  }
  return void 0;
}
var SEPARATE = "keep them in separate directories or track them individually.";
function trackedConflict(dvcFile, outputs, stageFiles) {
  const holder = outputs.holding(dvcFile.file);
  if (holder) return `the .dvc file is inside the output '${holder.path}' of ${holder.owner.name} (${REFUSED}); move it out of that directory.`;
  const mine = new Outputs();
  for (const out of dvcFile.outs) {
    const same = mine.get(out.path) ?? outputs.get(out.path);
    if (same) {
      const where2 = same.file === dvcFile.file ? "this file" : same.name;
      return `output '${out.path}' is already specified in ${where2} (${REFUSED}); an output belongs to one stage or .dvc file: remove it from one of them.`;
    }
    const other = outputs.holding(out.path) ?? mine.holding(out.path) ?? outputs.inside(out.path) ?? mine.inside(out.path);
    if (other) {
      return `output '${out.path}' and the output '${other.path}' of ${other.owner.file === dvcFile.file ? "this file" : other.owner.name} overlap, so they are in the same tracked directory (${REFUSED}); ${SEPARATE}`;
    }
    const file = stageFiles.inside(out.path);
    if (file) return `output '${out.path}' holds ${file.path}, which is not allowed inside an output (${REFUSED}); move it out of that directory.`;
    mine.add(out.path, { name: dvcFile.file, file: dvcFile.file });
  }
  return void 0;
}
function projectPath2(dir, path) {
  const joined = joinPath(dir, path);
  return joined === "" || joined === ".." || joined.startsWith("../") || joined.startsWith("/") || /^[A-Za-z]:/.test(joined) ? void 0 : joined;
}

// src/dvc/interpolate.ts
var KEYCRE = /(?<!\\)\$\{(.*?)\}/g;
var InterpolationError = class extends Error {
};
function interpolateString(src, context, site = {}) {
  const matches = [...src.matchAll(KEYCRE)];
  if (!matches.length) return unescape2(src);
  if (matches.length === 1 && matches[0][0] === src) return validated(lookup(context, matches[0][1]), site, matches[0][1]);
  let out = "";
  let last = 0;
  for (const m of matches) {
    out += src.slice(last, m.index);
    const value = validated(lookup(context, m[1]), site, m[1]);
    out += isRawMap(value) && site.field === "cmd" ? unpackDict(value, site.parsing ?? DEFAULT_PARSING) : toStr(value, m[1]);
    last = m.index + m[0].length;
  }
  out += src.slice(last);
  return unescape2(out);
}
function interpolateValue(value, context, site = {}) {
  if (typeof value === "string") return interpolateString(value, context, site);
  if (Array.isArray(value)) return value.map((v) => interpolateValue(v, context, site));
  if (isRawMap(value)) {
    return new Map(
      [...value].map(([k, v]) => {
        const key = interpolateString(k, context, site);
        return [pyStr(key), interpolateValue(v, context, site)];
      })
    );
  }
  return value;
}
function validated(value, site, key) {
  if (site.field === void 0 || value === null || isPrimitive(value)) return value;
  if (isRawMap(value) && site.field === "cmd") return value;
  throw new InterpolationError(`Cannot interpolate data of type '${typeName(value)}' ('${key}')`);
}
function isPrimitive(value) {
  return ["string", "number", "bigint", "boolean"].includes(typeof value) || value instanceof PyFloat;
}
function typeName(value) {
  if (value === null) return "NoneType";
  if (typeof value === "string") return "str";
  if (typeof value === "boolean") return "bool";
  if (typeof value === "bigint" || typeof value === "number" && Number.isInteger(value)) return "int";
  if (typeof value === "number" || value instanceof PyFloat) return "float";
  if (Array.isArray(value)) return "list";
  if (value instanceof PyCollection) return value.kind;
  if (value instanceof PyDate) return "date";
  if (value instanceof PyDateTime) return "datetime";
  if (value instanceof PyTime) return "time";
  return "dict";
}
function hasInterpolation(value) {
  if (typeof value === "string") return new RegExp(KEYCRE.source).test(value);
  if (Array.isArray(value)) return value.some(hasInterpolation);
  if (isRawMap(value)) return [...value.values()].some(hasInterpolation);
  return false;
}
function unescape2(s) {
  return s.replace(/\\\$\{/g, "${");
}
function referenceParts(inner) {
  const parts = [];
  const re = /([^.[\]]+)|\[([^\]]*)\]|\./g;
  let afterIndex = false;
  let m;
  while (m = re.exec(inner)) {
    if (m[1] !== void 0 && !(afterIndex && !m[1].trim())) parts.push(m[1].trim());
    else if (m[2] !== void 0) parts.push(m[2].trim());
    afterIndex = m[2] !== void 0;
  }
  return parts;
}
function lookup(context, inner) {
  const parts = referenceParts(inner);
  if (!parts.length || parts.every((p) => !p)) throw new InterpolationError(`Could not find '${inner}'`);
  let cur = context;
  for (const part of parts) {
    if (Array.isArray(cur) && /^-?\d+$/.test(part)) {
      const i = Number(part);
      const item = cur[i < 0 ? cur.length + i : i];
      if (item === void 0) throw new InterpolationError(`Could not find '${inner}'`);
      cur = item;
    } else if (isRawMap(cur) && cur.has(part)) {
      cur = cur.get(part);
    } else {
      throw new InterpolationError(`Could not find '${inner}'`);
    }
  }
  return cur;
}
function toStr(value, key) {
  if (value === true) return "true";
  if (value === false) return "false";
  if (value === null) return "None";
  if (value instanceof PyFloat) return pyFloatRepr(value.value);
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : pyFloatRepr(value);
  if (typeof value === "bigint" || typeof value === "string") return String(value);
  if (isRawMap(value))
    throw new InterpolationError(`Cannot interpolate data of type 'dict' ('${key}'): a dict is unpacked into arguments only in a stage's 'cmd'`);
  throw new InterpolationError(`Cannot interpolate data of type '${typeName(value)}' ('${key}')`);
}
function unpackDict(dict, parsing) {
  const parts = [];
  for (const [k, v] of flatten(dict)) {
    if (v === true) parts.push(`--${k}`);
    else if (v === false) {
      if (parsing.bool === "boolean_optional") parts.push(`--no-${k}`);
    } else if (typeof v === "string") parts.push(`--${k} ${shlexQuote(v)}`);
    else if (Array.isArray(v)) {
      const items = v.map((item) => {
        if (Array.isArray(item) || isRawMap(item) || item instanceof PyCollection) throw new InterpolationError(`Cannot interpolate nested iterable in '${k}'`);
        return typeof item === "string" ? shlexQuote(item) : scalarText(item, k);
      });
      if (parsing.list === "append") for (const item of items) parts.push(`--${k} ${item}`);
      else if (items.length) parts.push(`--${k} ${items.join(" ")}`);
    } else parts.push(`--${k} ${scalarText(v, k)}`);
  }
  return parts.join(" ").trimEnd();
}
function scalarText(value, key) {
  if (value === null || typeof value === "boolean" || typeof value === "number" || typeof value === "bigint" || value instanceof PyFloat) return pyStr(value);
  return toStr(value, key);
}
function flatten(dict, prefix = "") {
  const out = [];
  for (const [k, v] of dict) {
    const name = prefix ? `${prefix}.${k}` : k;
    if (isRawMap(v)) for (const entry of flatten(v, name)) out.push(entry);
    else out.push([name, v]);
  }
  return out;
}
function shlexQuote(s) {
  if (!s) return "''";
  if (/^[\w@%+=:,./-]+$/.test(s)) return s;
  return `'${s.replace(/'/g, `'"'"'`)}'`;
}

// src/dvc/walk.ts
import { posix as posix4 } from "node:path";
function collectedInWalk(files, outsOf) {
  const filesIn = /* @__PURE__ */ new Map();
  const subfolders = /* @__PURE__ */ new Map();
  for (const file of files) {
    const folder = parentOf(file);
    const list = filesIn.get(folder);
    if (list) list.push(file);
    else filesIn.set(folder, [file]);
    for (let child = folder; child !== ""; child = parentOf(child)) {
      const parent = parentOf(child);
      const set = subfolders.get(parent);
      if (set) set.add(child);
      else subfolders.set(parent, /* @__PURE__ */ new Set([child]));
    }
  }
  const seen = /* @__PURE__ */ new Set();
  const collected = [];
  const visit = (folder) => {
    for (const file of [...filesIn.get(folder) ?? []].sort(byName)) {
      collected.push(file);
      for (const out of outsOf(file)) seen.add(out);
    }
    const children = [...subfolders.get(folder) ?? []].sort((a, b) => byName(`${a}/`, `${b}/`));
    for (const child of children) if (!seen.has(child)) visit(child);
  };
  visit("");
  return collected;
}
function parentOf(path) {
  const parent = posix4.dirname(path);
  return parent === "." ? "" : parent;
}
function byName(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// src/dvc/project.ts
var TOP_KEYS2 = ["stages", "vars", "params", "metrics", "plots", "artifacts", "datasets"];
var STAGE_KEYS2 = ["cmd", "wdir", "deps", "params", "outs", "metrics", "plots", "frozen", "always_changed", "desc", "meta", "vars"];
var OUT_FLAGS = ["cache", "persist", "checkpoint", "remote", "push", "desc", "type", "labels", "meta"];
var BOOL_FLAGS = ["cache", "persist", "checkpoint", "push"];
var STRING_FLAGS = ["remote", "desc", "type"];
var PLOT_FLAGS = [...OUT_FLAGS, "template", "x", "y", "x_label", "y_label", "title", "header"];
var TOP_PLOT_KEYS = ["x", "y", "template", "title", "x_label", "y_label"];
async function loadDvcYaml(tree, dir = "") {
  const file = joinPath(dir, "dvc.yaml");
  const doc = await readDataFile(tree, file);
  if (doc === void 0) return null;
  const where2 = file;
  if (doc === null) return { dir, file, stages: [], metrics: [], params: [], plots: [], trackedVars: /* @__PURE__ */ new Map() };
  if (!isRawMap(doc)) throw new UserError(`${where2}: expected a mapping with \`stages:\` at the top level.`);
  for (const key of doc.keys()) {
    if (!TOP_KEYS2.includes(key)) throw new UserError(`${where2}: unknown top-level key '${key}' (expected one of ${TOP_KEYS2.join(", ")}).`);
  }
  const vars = new VarsLoader(tree, dir, where2);
  await vars.loadDefaultParams();
  await vars.load(doc.get("vars"), "", "vars");
  const context = vars.context;
  const stages = [];
  const trackedVars = /* @__PURE__ */ new Map();
  const stagesDoc = doc.get("stages") ?? /* @__PURE__ */ new Map();
  if (!isRawMap(stagesDoc)) throw new UserError(`${where2}: 'stages' must be a mapping of stage names to definitions.`);
  const parsing = unpacksInCmd(stagesDoc) ? await parsingConfigOf(tree, where2) : DEFAULT_PARSING;
  for (const [name, definition] of stagesDoc) {
    const key = keyValue(stagesDoc, name);
    if (typeof key !== "string")
      throw new UserError(`${where2}: a stage name is ${describeValue(key)}, not a string: quote it, as DVC takes only string names.`);
    for (const generated of expandEntry(where2, name, definition, context)) {
      stages.push(await resolveStage(where2, generated, vars, trackedVars, parsing));
    }
  }
  const seen = /* @__PURE__ */ new Set();
  for (const s of stages) {
    if (seen.has(s.name)) throw new UserError(`${where2}: stage '${s.name}' is defined twice.`);
    seen.add(s.name);
  }
  const topStrings = (key) => {
    const value = doc.get(key);
    if (value === void 0 || value === null) return [];
    if (!Array.isArray(value)) throw new UserError(`${where2}: '${key}' must be a list of paths.`);
    return value.map((v, i) => {
      const resolved = withField(where2, `${key}[${i}]`, () => interpolateValue(v, context));
      if (typeof resolved !== "string") throw new UserError(`${where2}: '${key}[${i}]' must be a path (a string).`);
      return resolved;
    });
  };
  return { dir, file, stages, metrics: topStrings("metrics"), params: topStrings("params"), plots: topPlots(where2, doc.get("plots"), context), trackedVars };
}
function unpacksInCmd(stages) {
  return [...stages.values()].some((definition) => {
    if (!isRawMap(definition)) return false;
    const body = definition.get("do");
    const cmd = isRawMap(body) ? body.get("cmd") : definition.get("cmd");
    return cmd !== void 0 && hasInterpolation(cmd);
  });
}
var parsingConfigs = /* @__PURE__ */ new WeakMap();
async function parsingConfigOf(tree, file) {
  let config = parsingConfigs.get(tree);
  if (!config) {
    config = tree.dvcConfigSource ? tree.dvcConfigSource().then(({ root, repo }) => loadParsingConfig(root, {}, repo)) : Promise.resolve(DEFAULT_PARSING);
    parsingConfigs.set(tree, config);
  }
  try {
    return await config;
  } catch (error) {
    throw new UserError(`${file}: DVC's config, whose 'parsing' settings say how a \${dict} in a cmd is written, does not load: ${describeError(error)}`);
  }
}
async function loadProject(tree) {
  const files = await filesDvcCollects(tree);
  const loaded = await loadDvcYamls(tree, files);
  const errors = [];
  const dvcFiles = [];
  for (const file of files.filter((f) => f.endsWith(".dvc"))) {
    try {
      const dvcFile = await readDvcFile(tree, file);
      if (dvcFile) dvcFiles.push(dvcFile);
    } catch (error) {
      errors.push({ file, error: describeError(error) });
    }
  }
  const outs = new Map([
    ...loaded.dvcYamls.map((d) => [d.file, stageOutputs(d).map((o) => o.path)]),
    ...dvcFiles.map((f) => [f.file, f.outs.map((o) => o.path)])
  ]);
  const order = collectedInWalk([.../* @__PURE__ */ new Set([...outs.keys(), ...loaded.errors.map((e) => e.file), ...errors.map((e) => e.file)])], (f) => outs.get(f) ?? []);
  const rank = new Map(order.map((file, i) => [file, i]));
  const walked = (list) => list.filter((f) => rank.has(f.file)).sort((a, b) => rank.get(a.file) - rank.get(b.file));
  const checked = refuseOverlappingOutputs(walked(loaded.dvcYamls), walked(dvcFiles));
  const accepted = /* @__PURE__ */ new Set([...checked.dvcYamls, ...checked.dvcFiles]);
  const project = {
    dvcYamls: loaded.dvcYamls.filter((d) => accepted.has(d)),
    locks: /* @__PURE__ */ new Map(),
    dvcFiles: dvcFiles.filter((f) => accepted.has(f)),
    errors: loaded.errors.filter((e) => rank.has(e.file))
  };
  for (const error of checked.errors) if (isDvcYaml(error.file)) project.errors.push(error);
  const listed = new Set(files.filter(isDvcYaml));
  for (const file of order.filter((f) => listed.has(f))) {
    const dir = posix5.dirname(file) === "." ? "" : posix5.dirname(file);
    const lock = joinPath(dir, "dvc.lock");
    try {
      const read = await readLockFile(tree, lock);
      if (read) project.locks.set(dir, read);
    } catch (error) {
      project.errors.push({ file: lock, error: describeError(error) });
    }
  }
  for (const error of errors) if (rank.has(error.file)) project.errors.push(error);
  for (const error of checked.errors) if (!isDvcYaml(error.file)) project.errors.push(error);
  return project;
}
async function filesDvcCollects(tree) {
  const files = await tree.list();
  const nested = files.filter((f) => f.includes("/") && (f.endsWith(".dvc") || isDvcYaml(f)));
  const ignored = nested.length && tree.ignored ? await tree.ignored(nested) : null;
  return ignored?.size ? files.filter((f) => !ignored.has(f)) : files;
}
async function loadDvcYamls(tree, files) {
  const out = { dvcYamls: [], errors: [] };
  const dirs = dvcYamlDirs(files ?? await filesDvcCollects(tree));
  if (dirs[0] !== "") dirs.unshift("");
  for (const dir of dirs) {
    try {
      const dvc = await loadDvcYaml(tree, dir);
      if (dvc) out.dvcYamls.push(dvc);
    } catch (error) {
      out.errors.push({ file: joinPath(dir, "dvc.yaml"), error: describeError(error) });
    }
  }
  return out;
}
function isDvcYaml(path) {
  return path === "dvc.yaml" || path.endsWith("/dvc.yaml");
}
function dvcYamlDirs(files) {
  return files.filter(isDvcYaml).map((p) => p === "dvc.yaml" ? "" : p.slice(0, -"/dvc.yaml".length)).sort();
}
async function readDataFile(tree, path) {
  const bytes = await tree.read(path);
  if (!bytes) return void 0;
  return parseDataFile(path, bytes.toString("utf8")).data;
}
function topPlots(file, value, context) {
  if (value === void 0 || value === null) return [];
  if (!Array.isArray(value)) throw new UserError(`${file}: 'plots' must be a list.`);
  return value.map((entry, i) => {
    const resolved = withField(file, `plots[${i}]`, () => interpolateValue(entry, context));
    if (typeof resolved === "string") return { id: resolved, props: null };
    if (isRawMap(resolved) && resolved.size) {
      for (const [id2, props2] of resolved) {
        if (props2 !== null && !isRawMap(props2))
          throw new UserError(`${file}: plot '${id2}' (plots[${i}]) must map to its properties {x, y, template, \u2026}, or to nothing.`);
        if (props2) onlyKeys(props2, TOP_PLOT_KEYS, `${file}: plot '${id2}' (plots[${i}])`);
      }
      const [id, props] = [...resolved][0];
      return { id, props: isRawMap(props) ? props : null };
    }
    throw new UserError(`${file}: 'plots[${i}]' must be a path or a mapping {id: {x, y, template, \u2026}}.`);
  });
}
function withField(file, field, fn, stage) {
  try {
    return fn();
  } catch (error) {
    if (error instanceof InterpolationError) {
      const where2 = stage ? `stages.${stage}.${field}` : field;
      throw new UserError(`${file}: failed to parse '${where2}': ${error.message}.`);
    }
    throw error;
  }
}
function loopOrigins(name, written, index) {
  if (typeof written === "string") return [[name, exactReference(written)?.concat(`.${index}`) ?? null]];
  const element = Array.isArray(written) ? written[Number(index)] : isRawMap(written) ? written.get(index) : void 0;
  const origins = /* @__PURE__ */ new Map([[name, null]]);
  const visit = (value, path) => {
    if (typeof value === "string") {
      const reference = exactReference(value);
      if (reference !== null) origins.set(path, reference);
    } else if (Array.isArray(value)) value.forEach((v, k) => visit(v, `${path}.${k}`));
    else if (isRawMap(value)) {
      for (const [k, v] of value) if (!hasInterpolation(k)) visit(v, `${path}.${k}`);
    }
  };
  visit(element, name);
  return [...origins];
}
function exactReference(text2) {
  const m = /^\$\{(.*?)\}$/.exec(text2);
  return m && !hasInterpolation(text2.slice(2)) ? referenceParts(m[1]).join(".") : null;
}
function expandEntry(file, name, definition, context) {
  if (!isRawMap(definition)) throw new UserError(`${file}: stage '${name}': expected a mapping with 'cmd'.`);
  const withLoop = (entries) => mapFrom([...context, ...entries], context);
  if (definition.has("foreach") || definition.has("do")) {
    const extra = [...definition.keys()].filter((k) => k !== "foreach" && k !== "do");
    if (extra.length) throw new UserError(`${file}: stage '${name}': a foreach group takes only 'foreach' and 'do' (found '${extra[0]}').`);
    if (!definition.has("do")) throw new UserError(`${file}: stage '${name}': 'foreach' needs a 'do' stage definition.`);
    if (!definition.has("foreach")) throw new UserError(`${file}: stage '${name}': 'do' needs a 'foreach' list or mapping.`);
    const written = definition.get("foreach") ?? null;
    const items = hasInterpolation(written) ? withField(file, "foreach", () => interpolateValue(written, context), name) : written;
    const body = definition.get("do") ?? null;
    const out = [];
    if (Array.isArray(items)) {
      const byIndex = items.some((v) => Array.isArray(v) || isRawMap(v));
      const keyed = /* @__PURE__ */ new Map();
      items.forEach((item, i) => keyed.set(byIndex ? String(i) : toStr(item, "item"), [item, i]));
      for (const [key, [item, i]] of keyed) {
        out.push({ name: `${name}@${key}`, definition: body, context: withLoop([["item", item]]), loop: new Map(loopOrigins("item", written, String(i))) });
      }
    } else if (isRawMap(items)) {
      for (const [itemKey, item] of items) {
        const value = keyValue(items, itemKey);
        const key = typeof value === "boolean" ? toStr(value, "key") : itemKey;
        out.push({
          name: `${name}@${key}`,
          definition: body,
          context: withLoop([
            ["key", key],
            ["item", item]
          ]),
          loop: new Map([...loopOrigins("item", written, itemKey), ["key", null]])
        });
      }
    } else if (typeof written === "string") {
      throw new UserError(`${file}: failed to resolve 'stages.${name}.foreach': expected list/dictionary, got ${typeName(items)}.`);
    } else {
      throw new UserError(`${file}: stage '${name}': 'foreach' must be a list, a mapping or a \${\u2026} reference to one.`);
    }
    return out;
  }
  if (definition.has("matrix")) {
    const matrix = definition.get("matrix");
    if (!isRawMap(matrix) || !matrix.size) throw new UserError(`${file}: stage '${name}': 'matrix' must be a mapping of names to lists.`);
    const axes = [];
    for (const [axis, raw] of matrix) {
      const values = hasInterpolation(raw) ? withField(file, `matrix.${axis}`, () => interpolateValue(raw, context), name) : raw;
      if (!Array.isArray(values)) throw new UserError(`${file}: stage '${name}': 'matrix.${axis}' must be a list.`);
      axes.push([axis, values]);
    }
    const rest = mapFrom(definition, definition);
    rest.delete("matrix");
    let combos = [{ item: [], key: [], loop: [] }];
    for (const [axis, values] of axes) {
      combos = combos.flatMap(
        (c) => values.map((v, i) => ({
          item: [...c.item, [axis, v]],
          key: [...c.key, Array.isArray(v) || isRawMap(v) ? `${axis}${i}` : toStr(v, axis)],
          loop: [...c.loop, ...loopOrigins(`item.${axis}`, matrix.get(axis), String(i))]
        }))
      );
    }
    return combos.map((c) => {
      const key = c.key.join("-");
      return {
        name: `${name}@${key}`,
        definition: rest,
        context: withLoop([
          ["item", new Map(c.item)],
          ["key", key]
        ]),
        loop: new Map([["key", null], ["item", null], ...c.loop])
      };
    });
  }
  return [{ name, definition, context, loop: /* @__PURE__ */ new Map() }];
}
async function resolveStage(file, entry, vars, trackedVars, parsing) {
  const { name, definition, context } = entry;
  const where2 = `${file}: stage '${name}'`;
  if (!isRawMap(definition)) throw new UserError(`${where2}: expected a mapping with 'cmd'.`);
  for (const key of definition.keys()) {
    if (!STAGE_KEYS2.includes(key)) throw new UserError(`${where2}: unknown key '${key}' (expected one of ${STAGE_KEYS2.join(", ")}).`);
  }
  const wdirWritten = definition.get("wdir");
  const wdirValue = wdirWritten === void 0 ? "." : withField(file, "wdir", () => interpolateValue(wdirWritten, context, { field: "wdir" }), name);
  if (typeof wdirValue !== "string") throw new UserError(`${where2}: 'wdir' must be a path.`);
  const wdir = posix5.normalize(wdirValue.replace(/\\/g, "/")).replace(/\/$/, "") || ".";
  let stageContext = context;
  let scope = vars;
  if (definition.has("vars")) {
    scope = vars.fork();
    const reserved = [...entry.loop.keys()].filter((k) => !k.includes("."));
    await scope.load(definition.get("vars"), wdir === "." ? "" : wdir, `stages.${name}.vars`, reserved);
    stageContext = mapFrom([...scope.context, ...[...context].filter(([k]) => k === "item" || k === "key")], scope.context);
  }
  scope.track(definition, entry.loop, trackedVars);
  const field = (key) => {
    const written = definition.get(key);
    return written === void 0 ? void 0 : withField(file, key, () => interpolateValue(written, stageContext, { field: key, parsing }), name);
  };
  const cmd = field("cmd");
  if (cmd === void 0 || cmd === null) throw new UserError(`${where2}: 'cmd' is required.`);
  const cmdValue = typeof cmd === "string" ? cmd : Array.isArray(cmd) && cmd.every((c) => typeof c === "string") ? cmd : null;
  if (cmdValue === null) throw new UserError(`${where2}: 'cmd' must be a string or a list of strings.`);
  const deps = stringList(field("deps"), `${where2}: 'deps'`);
  const params = paramsDeps(field("params"), where2);
  const outs = [
    ...outList(field("outs"), "out", `${where2}: 'outs'`),
    ...outList(field("metrics"), "metric", `${where2}: 'metrics'`),
    ...outList(field("plots"), "plot", `${where2}: 'plots'`)
  ];
  const flag = (key) => {
    const v = field(key);
    if (v === void 0 || v === null) return false;
    if (typeof v !== "boolean") throw new UserError(`${where2}: '${key}' must be true or false.`);
    return v;
  };
  const desc = field("desc");
  const stage = { name, wdir, cmd: cmdValue, deps, params, outs, frozen: flag("frozen"), alwaysChanged: flag("always_changed") };
  if (typeof desc === "string") stage.desc = desc;
  return stage;
}
function stringList(value, where2) {
  if (value === void 0 || value === null) return [];
  if (!Array.isArray(value)) throw new UserError(`${where2} must be a list of paths.`);
  return value.map((v, i) => {
    if (typeof v !== "string" || !v) throw new UserError(`${where2}[${i}] must be a path (a string).`);
    return v;
  });
}
function paramsDeps(value, where2) {
  if (value === void 0 || value === null) return [];
  if (!Array.isArray(value)) throw new UserError(`${where2}: 'params' must be a list of keys or {file: [keys]}.`);
  const byFile = /* @__PURE__ */ new Map();
  const add2 = (file, keys) => {
    const current = byFile.get(file);
    if (current === null) return;
    if (keys === null) byFile.set(file, null);
    else byFile.set(file, [...current ?? [], ...keys.filter((k) => !current?.includes(k))]);
  };
  value.forEach((item, i) => {
    if (typeof item === "string") add2("params.yaml", [item]);
    else if (isRawMap(item)) {
      for (const [file, keys] of item) {
        if (keys === null || Array.isArray(keys) && !keys.length) add2(file, null);
        else if (Array.isArray(keys) && keys.every((k) => typeof k === "string")) add2(file, keys);
        else throw new UserError(`${where2}: 'params[${i}].${file}' must be a list of keys (or empty for the whole file).`);
      }
    } else throw new UserError(`${where2}: 'params[${i}]' must be a key or {file: [keys]}.`);
  });
  return [...byFile].map(([file, keys]) => ({ file, keys }));
}
function outList(value, kind, where2) {
  if (value === void 0 || value === null) return [];
  if (!Array.isArray(value)) throw new UserError(`${where2} must be a list.`);
  const allowed = kind === "plot" ? PLOT_FLAGS : OUT_FLAGS;
  return value.map((item, i) => {
    if (typeof item === "string" && item) return { path: item, kind, cache: true, persist: false, props: /* @__PURE__ */ new Map() };
    if (isRawMap(item) && item.size === 1) {
      const [path, flags] = [...item][0];
      if (flags !== null && !isRawMap(flags)) throw new UserError(`${where2}[${i}]: '${path}' must map to flags such as {cache: false}.`);
      const props = flags ?? /* @__PURE__ */ new Map();
      for (const [k, v] of props) {
        if (!allowed.includes(k)) throw new UserError(`${where2}[${i}]: unknown flag '${k}' on '${path}' (expected one of ${allowed.join(", ")}).`);
        const wrong = (expected) => new UserError(`${where2}[${i}]: '${k}' on '${path}' must be ${expected}, not ${describeValue(v)}.`);
        if (BOOL_FLAGS.includes(k) && typeof v !== "boolean") throw wrong("true or false");
        if (STRING_FLAGS.includes(k) && typeof v !== "string") throw wrong("a string");
        if (k === "labels" && !(Array.isArray(v) && v.every((l) => typeof l === "string"))) throw wrong("a list of strings");
      }
      return { path, kind, cache: props.get("cache") !== false, persist: props.get("persist") === true, props };
    }
    throw new UserError(`${where2}[${i}] must be a path or {path: {cache: \u2026, persist: \u2026}}.`);
  });
}
var VarsLoader = class _VarsLoader {
  constructor(tree, dir, file) {
    this.tree = tree;
    this.dir = dir;
    this.file = file;
  }
  tree;
  dir;
  file;
  context = /* @__PURE__ */ new Map();
  sources = /* @__PURE__ */ new Map();
  /** Files loaded, with the keys loaded of each, or null for the whole file (DVC's `Context.imports`). */
  imports = /* @__PURE__ */ new Map();
  /** Every file values came from (whole or some keys), for tracked vars. */
  files = /* @__PURE__ */ new Set();
  fork() {
    const copy = new _VarsLoader(this.tree, this.dir, this.file);
    copy.context = cloneMap(this.context);
    for (const [k, v] of this.sources) copy.sources.set(k, v);
    for (const [f, keys] of this.imports) copy.imports.set(f, keys && [...keys]);
    for (const f of this.files) copy.files.add(f);
    return copy;
  }
  async loadDefaultParams() {
    const data = await readDataFile(this.tree, joinPath(this.dir, "params.yaml"));
    if (data === void 0) return;
    this.merge(asMapping(data, joinPath(this.dir, "params.yaml")), "params.yaml");
    this.imports.set("params.yaml", null);
    this.files.add("params.yaml");
  }
  /** `reserved`: the names a loop sets (`item`, `key`), which a generated stage's own `vars` may not define. */
  async load(vars, wdir, where2, reserved = []) {
    if (vars === void 0 || vars === null) return;
    if (!Array.isArray(vars)) throw new UserError(`${this.file}: '${where2}' must be a list of files or mappings.`);
    for (const [i, entry] of vars.entries()) {
      if (hasInterpolation(entry)) throw new UserError(`${this.file}: '${where2}[${i}]' cannot use \${\u2026} interpolation.`);
      const refuseReserved = (data2, from) => {
        const names = reserved.filter((k) => data2.has(k));
        if (!names.length) return;
        const list = names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names.at(-1)}` : names[0];
        throw new UserError(`${this.file}: failed to parse '${where2}[${i}]': attempted to modify reserved key${names.length > 1 ? "s" : ""} ${list}${from}.`);
      };
      if (isRawMap(entry)) {
        refuseReserved(entry, "");
        this.merge(entry, `${where2}[${i}]`);
        continue;
      }
      if (typeof entry !== "string") throw new UserError(`${this.file}: '${where2}[${i}]' must be a file path or a mapping.`);
      const [file, keyList] = splitVarsEntry(entry);
      const keys = keyList?.length ? keyList : null;
      const rel = joinPath(wdir, file);
      const imported = this.imports.get(rel);
      if (imported !== void 0) {
        if (!keys && imported === null) continue;
        const why = imported === null ? `cannot partially load '${entry}' as it's already loaded` : !keys || keys.some((k) => imported.includes(k)) ? `cannot load '${entry}' as it's partially loaded already` : null;
        if (why) throw new UserError(`${this.file}: failed to parse '${where2}': ${why}.`);
      }
      const failed2 = (why) => new UserError(`${this.file}: failed to parse '${where2}[${i}]': ${why}.`);
      const data = await readDataFile(this.tree, joinPath(this.dir, rel)).catch((error) => {
        throw error instanceof NotAFile ? failed2(`'${rel}' is a directory`) : error;
      });
      if (data === void 0) {
        const split = entry.includes(":") ? ` (a vars entry is FILE or FILE:KEY1,KEY2, split at its first ':', so '${entry}' is file '${file}')` : "";
        throw failed2(`'${rel}' does not exist${split}`);
      }
      if (data !== null && !isRawMap(data)) throw failed2(`expected a dictionary, got '${typeName(data)}' in file '${rel}'`);
      const mapping = data ?? /* @__PURE__ */ new Map();
      let picked = mapping;
      if (keys) {
        picked = /* @__PURE__ */ new Map();
        for (const key of keys) {
          if (!mapping.has(key)) {
            const spaced = key.trim() !== key ? ` (keys are split at ',' only, spaces kept: write '${file}:${keys.map((k) => k.trim()).join(",")}')` : "";
            throw failed2(`could not find '${key}' in '${rel}'${spaced}`);
          }
          picked.set(key, mapping.get(key));
        }
      }
      refuseReserved(picked, ` in '${entry}'`);
      this.merge(picked, rel);
      this.files.add(rel);
      if (keyList) this.imports.set(rel, [...imported ?? [], ...keyList]);
      else this.imports.set(rel, null);
    }
  }
  /**
   * DVC's tracked vars (dvc/parsing/context.py `_track_data`): each `${\u2026}` a stage's fields (not its `vars`)
   * interpolate is a param of the vars file its value comes from, under the path it has there \u2014 a loop's item under
   * the path it was taken from (`models.m1.lr` for `${item.lr}` of `foreach: ${models}`). A mapping is not tracked
   * (DVC's CtxDict has no sources), inline `vars` and a literal loop item are no file's (but for a `${\u2026}` inside it:
   * `loopOrigins`), and the `foreach`/`matrix` data itself is resolved outside DVC's tracking.
   */
  track(definition, loop, into) {
    const visit = (value) => {
      if (typeof value === "string") {
        for (const m of value.matchAll(/(?<!\\)\$\{(.*?)\}/g)) {
          const path = this.contextPath(referenceParts(m[1]), loop);
          if (path === null) continue;
          const { key, value: found } = this.place(path);
          if (isRawMap(found)) continue;
          const source = this.sourceOf(key);
          if (this.files.has(source)) into.set(source, [.../* @__PURE__ */ new Set([...into.get(source) ?? [], key])]);
        }
      } else if (Array.isArray(value)) value.forEach(visit);
      else if (isRawMap(value)) {
        for (const [k, v] of value) {
          visit(k);
          visit(v);
        }
      }
    };
    if (isRawMap(definition)) {
      for (const [k, v] of definition) if (k !== "vars") visit(v);
    }
  }
  /** A reference's path in the context, through the loop's names; null for a loop name that holds no file's value. */
  contextPath(parts, loop) {
    for (let n = parts.length; n > 0; n--) {
      const name = parts.slice(0, n).join(".");
      if (!loop.has(name)) continue;
      const origin = loop.get(name);
      return origin === null ? null : [...origin.split("."), ...parts.slice(n)];
    }
    return parts;
  }
  /** The value at a path of the context, with the path as DVC's node records it (`l.1` for `${l[-1]}` of two items). */
  place(path) {
    let value = this.context;
    const parts = path.map((part) => {
      const list = Array.isArray(value) ? value : null;
      const index = list && /^-\d+$/.test(part) ? String(list.length + Number(part)) : part;
      value = list ? list[Number(index)] : isRawMap(value) ? value.get(part) : void 0;
      return index;
    });
    return { key: parts.join("."), value };
  }
  merge(data, source, into = this.context, prefix = "") {
    for (const [k, v] of data) {
      const path = prefix ? `${prefix}.${k}` : k;
      const existing = into.get(k);
      if (existing !== void 0 && isRawMap(existing) && isRawMap(v)) {
        this.merge(v, source, existing, path);
      } else if (existing !== void 0) {
        throw new UserError(
          `${this.file}: cannot redefine '${path}' from '${source}' as it already exists in '${this.sources.get(path) ?? this.sourceOf(path)}'.`
        );
      } else {
        into.set(k, isRawMap(v) ? cloneMap(v) : v);
        this.sources.set(path, source);
      }
    }
  }
  sourceOf(path) {
    for (let p = path; p; p = p.includes(".") ? p.slice(0, p.lastIndexOf(".")) : "") {
      const s = this.sources.get(p);
      if (s) return s;
    }
    return "vars";
  }
};
function splitVarsEntry(entry) {
  const colon = entry.indexOf(":");
  if (colon < 0) return [entry, null];
  const keys = entry.slice(colon + 1);
  return [entry.slice(0, colon), keys ? keys.split(",").filter(Boolean) : null];
}
function asMapping(value, file) {
  if (value === null) return /* @__PURE__ */ new Map();
  if (!isRawMap(value)) throw new UserError(`${file}: expected a mapping at the top level.`);
  return value;
}

// src/dvc/files.ts
function projectFiles(dvcYamls, dvcFiles = []) {
  const metrics = /* @__PURE__ */ new Set();
  const params = /* @__PURE__ */ new Map();
  const topParams = /* @__PURE__ */ new Set();
  const vars = /* @__PURE__ */ new Map();
  const dvcOuts = /* @__PURE__ */ new Set();
  const plots = /* @__PURE__ */ new Set();
  const addParams = (file, keys) => {
    const current = params.get(file);
    if (keys === null || !keys.length || current && !current.length) params.set(file, []);
    else params.set(file, [.../* @__PURE__ */ new Set([...current ?? [], ...keys])]);
  };
  for (const dvc of dvcYamls) {
    for (const m of dvc.metrics) metrics.add(joinPath(dvc.dir, m));
    for (const p of dvc.params) topParams.add(joinPath(dvc.dir, p));
    for (const stage of dvc.stages) {
      const base = joinPath(dvc.dir, stage.wdir);
      for (const out of stage.outs) {
        const path = joinPath(base, out.path);
        if (out.kind === "metric") metrics.add(path);
        if (out.kind === "plot") plots.add(path);
        if (out.cache) dvcOuts.add(path);
      }
      for (const dep of stage.params) addParams(joinPath(base, dep.file), dep.keys);
    }
    for (const [file, keys] of dvc.trackedVars) {
      const path = joinPath(dvc.dir, file);
      vars.set(path, [.../* @__PURE__ */ new Set([...vars.get(path) ?? [], ...keys])]);
    }
    for (const plot of dvc.plots) {
      const y = plot.props?.get("y");
      if (isRawMap(y)) for (const file of y.keys()) plots.add(joinPath(dvc.dir, file));
      else plots.add(joinPath(dvc.dir, plot.id));
    }
  }
  for (const file of dvcFiles) for (const out of file.outs) dvcOuts.add(out.path);
  const sorted = (s) => [...s].sort();
  return { metrics: sorted(metrics), params, topParams: sorted(topParams), vars, dvcOuts, plots: sorted(plots) };
}

// src/workspace/glob.ts
function globToRegExp(glob) {
  let re = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === "*") {
      if (glob[i + 1] === "*") {
        re += glob[i + 2] === "/" ? "(?:.*/)?" : ".*";
        i += glob[i + 2] === "/" ? 2 : 1;
      } else re += "[^/]*";
    } else if (c === "?") re += "[^/]";
    else re += c.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${re}$`);
}
function isGlob(path) {
  return /[*?]/.test(path);
}

// src/pipeline/restore.ts
import { existsSync } from "node:fs";
import { readFile as readFile3, stat as stat5 } from "node:fs/promises";
import { join as join11, posix as posix7 } from "node:path";

// src/dvc/data/cache.ts
import { closeSync as closeSync2, createReadStream, fchmodSync, mkdirSync, openSync as openSync2, renameSync, rmSync, writevSync } from "node:fs";
import { chmod, copyFile, mkdir, open as open2, readFile as readFile2, readdir as readdir2, rename, rm as rm2, stat as stat2 } from "node:fs/promises";
import { basename as basename2, dirname as dirname4, join as join7, relative as relative3, sep as sep4 } from "node:path";

// src/dvc/data/hash.ts
var DOS2UNIX_CHUNK = 1024 * 1024;
var ObjectHasher = class {
  constructor(legacy) {
    this.legacy = legacy;
  }
  legacy;
  hash = nodeCrypto().createHash("md5");
  /** Legacy only: the bytes of an unfinished 1 MiB block, and the scratch its CRLF-free form is written to. */
  pending = null;
  pendingBytes = 0;
  scratch = null;
  update(chunk) {
    if (!this.legacy) {
      this.hash.update(chunk);
      return;
    }
    let data = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (this.pendingBytes) {
      const fill = Math.min(DOS2UNIX_CHUNK - this.pendingBytes, data.length);
      data.copy(this.pending, this.pendingBytes, 0, fill);
      this.pendingBytes += fill;
      data = data.subarray(fill);
      if (this.pendingBytes < DOS2UNIX_CHUNK) return;
      this.block(this.pending);
      this.pendingBytes = 0;
    }
    while (data.length >= DOS2UNIX_CHUNK) {
      this.block(data.subarray(0, DOS2UNIX_CHUNK));
      data = data.subarray(DOS2UNIX_CHUNK);
    }
    if (data.length) {
      this.pending ??= Buffer.allocUnsafe(DOS2UNIX_CHUNK);
      data.copy(this.pending, 0);
      this.pendingBytes = data.length;
    }
  }
  digest() {
    if (this.legacy && this.pendingBytes) this.block(this.pending.subarray(0, this.pendingBytes));
    return this.hash.digest("hex");
  }
  block(chunk) {
    if (!isTextBlock(chunk.subarray(0, 512))) {
      this.hash.update(chunk);
      return;
    }
    this.scratch ??= Buffer.allocUnsafe(DOS2UNIX_CHUNK);
    this.hash.update(this.scratch.subarray(0, dos2unixInto(chunk, this.scratch)));
  }
};
function isTextBlock(block2) {
  if (!block2.length) return true;
  let nontext = 0;
  for (const b of block2) {
    if (b === 0) return false;
    if (!(b >= 32 && b < 127 || b === 10 || b === 13 || b === 9 || b === 12 || b === 8)) nontext++;
  }
  return nontext / block2.length <= 0.3;
}
var LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
function dos2unixInto(chunk, out) {
  const len = chunk.length;
  let n = 0;
  let i = 0;
  const copy = (end) => {
    for (; i < end; i++) {
      const b = chunk[i];
      if (b !== 13 || chunk[i + 1] !== 10) out[n++] = b;
    }
  };
  if (LITTLE_ENDIAN) {
    copy(Math.min(len, (4 - chunk.byteOffset % 4) % 4));
    const words = len - i >> 2;
    const input = new Uint32Array(chunk.buffer, chunk.byteOffset + i, words);
    const output = new DataView(out.buffer, out.byteOffset, out.length);
    for (let w = 0; w < words; w++) {
      const word = input[w];
      const x = word ^ 218959117;
      if ((x - 16843009 & ~x & 2155905152) === 0) {
        output.setUint32(n, word, true);
        n += 4;
        i += 4;
      } else copy(i + 4);
    }
  }
  copy(len);
  return n;
}
function objectMd5(bytes, legacy = false) {
  const h = new ObjectHasher(legacy);
  h.update(bytes);
  return h.digest();
}

// src/dvc/data/manifest.ts
function dirManifest(entries) {
  const byPath = entries.some((e) => SURROGATE.test(e.relpath)) ? (a, b) => compareCodePoints(a.relpath, b.relpath) : (a, b) => a.relpath < b.relpath ? -1 : a.relpath > b.relpath ? 1 : 0;
  const sorted = [...entries].sort(byPath);
  const text2 = `[${sorted.map((e) => `{"md5": ${quote(e.md5)}, "relpath": ${quote(e.relpath)}}`).join(", ")}]`;
  const bytes = Buffer.from(text2, "latin1");
  return { bytes, oid: `${nodeCrypto().createHash("md5").update(bytes).digest("hex")}.dir` };
}
var SURROGATE = /[\ud800-\udfff]/;
var PLAIN = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;
function quote(s) {
  return PLAIN.test(s) ? `"${s}"` : pyJsonString(s);
}
function compareCodePoints(a, b) {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 55296 && y >= 55296) {
      x = x >= 57344 ? x - 2048 : x + 8192;
      y = y >= 57344 ? y - 2048 : y + 8192;
    }
    return x - y;
  }
  return a.length - b.length;
}
var MD5 = /^[0-9a-f]{32}$/;
function parseManifest(bytes, where2) {
  let data;
  try {
    data = JSON.parse(Buffer.from(bytes).toString("utf8"));
  } catch {
    throw new DataError(`${where2} is corrupted: not JSON`);
  }
  if (!Array.isArray(data)) throw new DataError(`${where2} is corrupted: expected a JSON list of {md5, relpath}`);
  return data.map((e, i) => {
    const entry = e;
    if (!entry || typeof entry.md5 !== "string" || !MD5.test(entry.md5) || typeof entry.relpath !== "string") {
      throw new DataError(`${where2} is corrupted: entry ${i} is not {"md5": <32 hex>, "relpath": <path>}`);
    }
    const parts = entry.relpath.split("/");
    if (!entry.relpath || entry.relpath.startsWith("/") || parts.some((p) => p === ".." || p === "" || p === ".") || process.platform === "win32" && /[\\:]/.test(entry.relpath)) {
      throw new DataError(`${where2}: entry ${i} has an unsafe relpath '${entry.relpath}'`);
    }
    return { relpath: entry.relpath, md5: entry.md5 };
  });
}

// src/dvc/data/oid.ts
var OID = /^[0-9a-f]{32}(\.dir)?$/;
function isDirOid(oid) {
  return oid.endsWith(".dir");
}
function checkOid(oid, path) {
  if (!OID.test(oid)) throw new DataError(`${path ? `${path}: ` : ""}'${oid}' is not a DVC md5 (32 lower-case hex digits, '.dir' for a directory)`);
}
function objectKey(oid, legacy = false) {
  const rel = `${oid.slice(0, 2)}/${oid.slice(2)}`;
  return legacy ? rel : `files/md5/${rel}`;
}

// src/dvc/data/pool.ts
async function eachLimit(items, limit, fn) {
  let next = 0;
  let failed2;
  const worker = async () => {
    while (next < items.length) {
      try {
        await fn(items[next++]);
      } catch (error) {
        failed2 ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(limit, 1), items.length) }, worker));
  if (failed2) throw failed2.error;
}

// src/dvc/data/cache.ts
var CACHE_MODE = 292;
var WRITE_BATCH = 256 * 1024;
var Cache = class {
  constructor(dir) {
    this.dir = dir;
  }
  dir;
  path(oid, legacy = false) {
    return join7(this.dir, ...objectKey(oid, legacy).split("/"));
  }
  /**
   * Whether the cache holds object `oid`, as dvc-data's `LocalHashFileDB.check` decides: a read-only (0444) file is
   * trusted by its name; any other is hashed again (a cache restored by a CI cache action, a file someone edited),
   * and removed when its md5 is not the object's, so that it counts as missing and a pull fetches it again. One that
   * matches is made read-only, so it is not read again next time.
   */
  /** Objects this process found corrupt (their bytes not their md5) and removed: a message can say so. */
  corrupt = /* @__PURE__ */ new Set();
  async has(oid, legacy = false) {
    const path = this.path(oid, legacy);
    const info = await stat2(path).catch(() => void 0);
    if (!info?.isFile()) return false;
    return (info.mode & 511) === CACHE_MODE || this.verify(path, oid, legacy);
  }
  async verify(path, oid, legacy) {
    const hasher = new ObjectHasher(legacy);
    try {
      for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) hasher.update(chunk);
    } catch {
      return false;
    }
    if (hasher.digest() !== oid.replace(/\.dir$/, "")) {
      await rm2(path, { force: true }).catch(() => void 0);
      this.corrupt.add(oid);
      return false;
    }
    await chmod(path, CACHE_MODE).catch(() => void 0);
    return true;
  }
  /**
   * Which of `oids` the cache holds: one listing per `ab/` folder that exists instead of one `stat` per object,
   * which for the thousands of files of a directory output is most of the cost of asking. Those listed are then
   * checked as `has` checks them (their mode, and their md5 when they are not read-only).
   */
  async holding(oids, legacy = false) {
    const held = /* @__PURE__ */ new Set();
    if (!oids.length) return held;
    const folders = /* @__PURE__ */ new Map();
    for (const oid of oids) {
      const folder = dirname4(this.path(oid, legacy));
      folders.set(folder, [...folders.get(folder) ?? [], oid]);
    }
    const root = dirname4([...folders.keys()][0]);
    const present = new Set(await readdir2(root).catch(() => []));
    await eachLimit([...folders], 8, async ([folder, wanted]) => {
      if (!present.has(basename2(folder))) return;
      const entries = new Map((await readdir2(folder, { withFileTypes: true })).map((e) => [e.name, e]));
      for (const oid of wanted) {
        const e = entries.get(basename2(this.path(oid, legacy)));
        if ((e?.isFile() || e?.isSymbolicLink()) && await this.has(oid, legacy)) held.add(oid);
      }
    });
    return held;
  }
  /**
   * Stores a stream as object `oid`. A stream whose md5 differs is ObjectError kind 'corrupt' and leaves
   * nothing behind; so does a stream that breaks off.
   */
  async write(oid, legacy, source, from) {
    return writeObject(this.path(oid, legacy), oid, legacy, source, from);
  }
  /** Stores bytes already in memory (a verified `.dir` manifest). */
  async writeBytes(oid, legacy, bytes, from) {
    await this.write(oid, legacy, [bytes], from);
  }
  /** The entries of a `.dir` object in the cache. */
  async manifest(oid, legacy = false) {
    const path = this.path(oid, legacy);
    let bytes;
    try {
      bytes = await readFile2(path);
    } catch {
      throw new DataError(`${oid} is not in the cache (${this.dir})`);
    }
    return parseManifest(bytes, `cache object ${path}`);
  }
  /** Adds a workspace file to the cache (what `dvc commit` does for a file output) and returns its md5. */
  async addFile(file) {
    const hasher = new ObjectHasher(false);
    let size = 0;
    for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 })) {
      hasher.update(chunk);
      size += chunk.length;
    }
    const oid = hasher.digest();
    if (!await this.has(oid)) {
      const target = this.path(oid);
      await mkdir(dirname4(target), { recursive: true });
      const tmp = join7(dirname4(target), `.${nodeCrypto().randomBytes(12).toString("hex")}.tmp`);
      try {
        await copyFile(file, tmp);
        await chmod(tmp, CACHE_MODE);
        await rename(tmp, target);
      } catch (error) {
        await rm2(tmp, { force: true });
        throw error;
      }
    }
    return { oid, size };
  }
  /**
   * Adds every file under a workspace directory and its `.dir` manifest (DVC's directory output), returning the
   * `<md5>.dir` oid with DVC's `size` (sum of file sizes) and `nfiles`. Symlinks are followed as DVC does;
   * empty directories leave no trace, as in DVC. `ignored` applies the project's `.dvcignore` (relpaths).
   */
  async addDirectory(dir, ignored = () => false) {
    const entries = [];
    let size = 0;
    for (const file of await listFiles(dir)) {
      const relpath = relative3(dir, file).split(sep4).join("/");
      if (ignored(relpath)) continue;
      const added = await this.addFile(file);
      entries.push({ relpath, md5: added.oid });
      size += added.size;
    }
    const manifest = dirManifest(entries);
    if (!await this.has(manifest.oid)) await this.writeBytes(manifest.oid, false, manifest.bytes, dir);
    return { oid: manifest.oid, size, nfiles: entries.length };
  }
};
async function writeObject(target, oid, legacy, source, from) {
  const tmp = join7(dirname4(target), `.${nodeCrypto().randomBytes(12).toString("hex")}.tmp`);
  const hasher = new ObjectHasher(legacy);
  let size = 0;
  try {
    const file = await open2(tmp, "wx", 420).catch(async (error) => {
      if (error.code !== "ENOENT") throw error;
      await mkdir(dirname4(target), { recursive: true });
      return open2(tmp, "wx", 420);
    });
    try {
      let batch = [];
      let batched = 0;
      for await (const chunk of source) {
        hasher.update(chunk);
        size += chunk.length;
        batch.push(chunk);
        batched += chunk.length;
        if (batched >= WRITE_BATCH) {
          await writeAll(file, batch);
          batch = [];
          batched = 0;
        }
      }
      await writeAll(file, batch);
      await file.chmod(CACHE_MODE);
    } finally {
      await file.close();
    }
  } catch (error) {
    await rm2(tmp, { force: true });
    if (error instanceof ObjectError) throw error;
    throw new ObjectError(`reading it from ${from} broke off: ${error.code ?? error.message}`, "unreachable");
  }
  const actual = hasher.digest();
  const expected = oid.replace(/\.dir$/, "");
  if (actual !== expected) {
    await rm2(tmp, { force: true });
    throw new ObjectError(`corrupt: ${from} sent ${size} bytes whose md5 is ${actual}`, "corrupt");
  }
  await rename(tmp, target);
  return size;
}
async function listFiles(dir) {
  const out = [];
  for (const entry of await readdir2(dir, { withFileTypes: true })) {
    if (entry.name === ".git" || entry.name === ".hg" || entry.name === ".dvc") continue;
    const path = join7(dir, entry.name);
    const led = entry.isSymbolicLink() ? await stat2(path).catch(() => void 0) : void 0;
    if (entry.isSymbolicLink() && !led) continue;
    if (entry.isDirectory() || led?.isDirectory()) for (const file of await listFiles(path)) out.push(file);
    else out.push(path);
  }
  return out;
}
async function writeAll(file, chunks) {
  let rest = chunks;
  while (rest.length) {
    let { bytesWritten } = await file.writev(rest);
    let i = 0;
    while (i < rest.length && bytesWritten >= rest[i].length) bytesWritten -= rest[i++].length;
    rest = rest.slice(i);
    if (bytesWritten && rest.length) rest[0] = rest[0].subarray(bytesWritten);
  }
}
var processUmask;
function umask() {
  return processUmask ??= process.umask();
}

// src/dvc/data/checkout.ts
import { chmodSync, constants as constants2, copyFileSync, createReadStream as createReadStream2, rmSync as rmSync2 } from "node:fs";
import { chmod as chmod2, copyFile as copyFile2, lstat as lstat2, mkdir as mkdir2, readdir as readdir3, readlink, rename as rename2, rm as rm3, stat as stat3 } from "node:fs/promises";
import { basename as basename3, dirname as dirname5, join as join9, relative as relative4, resolve as resolve2, sep as sep6 } from "node:path";

// src/workspace/output-place.ts
import { lstatSync as lstatSync2, realpathSync as realpathSync3 } from "node:fs";
import { join as join8, posix as posix6, sep as sep5 } from "node:path";
var OWN_FOLDERS = { ".git": "git's own files", ".dvc": "DVC's own files" };
function outputPlaceRefused(root, path) {
  const normal = posix6.normalize(path);
  if (normal === ".." || normal.startsWith("../") || posix6.isAbsolute(normal)) return "it is outside the project";
  const parts = normal.split("/").filter((part) => part && part !== ".");
  const own = parts.find((part) => OWN_FOLDERS[part.toLowerCase()]);
  if (own) return `it is inside ${own}/, which holds ${OWN_FOLDERS[own.toLowerCase()]}`;
  let realRoot;
  try {
    realRoot = realpathSync3.native(root);
  } catch {
    return null;
  }
  let dir = root;
  for (let at = 0; at < parts.length - 1; at++) {
    dir = join8(dir, parts[at]);
    const info = entryAt(dir);
    if (!info) return null;
    if (!info.isSymbolicLink()) continue;
    let real;
    try {
      real = realpathSync3.native(dir);
    } catch {
      return null;
    }
    const link = parts.slice(0, at + 1).join("/");
    if (real !== realRoot && !real.startsWith(realRoot + sep5)) return `'${link}' on the way to it is a link to ${real}, outside the project`;
    const inner = real.slice(realRoot.length + 1).split(sep5);
    const into = inner.find((part) => OWN_FOLDERS[part.toLowerCase()]);
    if (into) return `'${link}' on the way to it is a link to ${real}, inside ${into}/, which holds ${OWN_FOLDERS[into.toLowerCase()]}`;
  }
  return null;
}
function entryAt(full) {
  try {
    return lstatSync2(full, { throwIfNoEntry: false });
  } catch {
    return void 0;
  }
}

// src/dvc/data/checkout.ts
var COPIES_AT_ONCE = 8;
var WORK_DIR = join9("tmp", "mlreport-checkout");
async function checkout(cache, root, target, options = {}) {
  try {
    return await place(cache, root, target, options);
  } finally {
    if (options.staged) await rm3(options.staged, { recursive: true, force: true });
  }
}
var cleared = /* @__PURE__ */ new Set();
async function workPath(root, dest, suffix) {
  const name = `.${basename3(dest)}.${nodeCrypto().randomBytes(6).toString("hex")}.${suffix}`;
  const dvc = await stat3(join9(root, ".dvc")).catch(() => void 0);
  if (!dvc?.isDirectory()) return join9(dirname5(dest), name);
  let near = dirname5(dest);
  let there = await stat3(near).catch(() => void 0);
  while (!there && dirname5(near) !== near) {
    near = dirname5(near);
    there = await stat3(near).catch(() => void 0);
  }
  const runs = join9(root, ".dvc", WORK_DIR);
  const work = await mkdir2(runs, { recursive: true }).then(
    () => stat3(runs),
    () => void 0
  );
  if (!work?.isDirectory() || there?.dev !== work.dev) return join9(dirname5(dest), name);
  if (!cleared.has(runs)) {
    cleared.add(runs);
    for (const pid of await readdir3(runs).catch(() => [])) if (!running(pid)) await rm3(join9(runs, pid), { recursive: true, force: true });
  }
  const own = join9(runs, String(process.pid));
  await mkdir2(own, { recursive: true });
  return join9(own, name);
}
function running(pid) {
  if (!/^[1-9][0-9]*$/.test(pid) || Number(pid) === process.pid) return false;
  try {
    process.kill(Number(pid), 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}
async function removeLeftovers(dest, keep) {
  const prefix = `.${basename3(dest)}.`;
  for (const name of await readdir3(dirname5(dest)).catch(() => [])) {
    if (join9(dirname5(dest), name) === keep) continue;
    if (name.startsWith(prefix) && /^[0-9a-f]{12}\.(tmp|old)$/.test(name.slice(prefix.length)))
      await rm3(join9(dirname5(dest), name), { recursive: true, force: true });
  }
}
async function makeFolders(dir, relpaths) {
  for (const folder of new Set(relpaths.map((r) => dirname5(join9(dir, ...r.split("/")))))) await mkdir2(folder, { recursive: true });
}
function stagedCopy(staged, relpath) {
  return { file: join9(staged, ...relpath.split("/")), mode: 438 & ~umask() };
}
function outputPath(root, path) {
  const dest = resolve2(root, path);
  const rel = relative4(resolve2(root), dest);
  if (!rel || rel.startsWith("..") || rel.split(sep6).includes("..")) throw new DataError(`${path}: an output path must stay inside the project`);
  const refused = outputPlaceRefused(root, rel.split(sep6).join("/"));
  if (refused) throw new DataError(`${path}: ${refused}; checkout does not write or delete there`);
  return dest;
}
async function place(cache, root, target, options) {
  checkOid(target.oid, target.path);
  const dest = outputPath(root, target.path);
  const legacy = target.legacy ?? false;
  if (!await cache.has(target.oid, legacy)) throw new DataError(`${target.path}: object ${target.oid} is not in the cache (${cache.dir}); pull it first`);
  await removeLeftovers(dest, options.staged);
  const current = await lstat2(dest).catch(() => void 0);
  if (current?.isSymbolicLink()) await refuseLinkToNoFile(dest, target.path);
  if (!isDirOid(target.oid)) {
    if (current?.isFile() && await md5(dest, legacy) === target.oid) {
      if (target.isexec) await chmod2(dest, 493 & ~umask());
      return "unchanged";
    }
    if (current) await guardUnsaved(cache, dest, target.path, legacy, options);
    await mkdir2(dirname5(dest), { recursive: true });
    const tmp = await workPath(root, dest, "tmp");
    try {
      await materialise(cache.path(target.oid, legacy), tmp, target.isexec ?? false);
      if (current?.isDirectory()) await rm3(dest, { recursive: true, force: true });
      await rename2(tmp, dest);
    } catch (error) {
      await rm3(tmp, { force: true });
      throw new DataError(`${target.path}: checkout failed: ${error.message}`);
    }
    return current ? "modified" : "created";
  }
  const entries = await cache.manifest(target.oid, legacy);
  const held = await cache.holding(
    entries.map((e) => e.md5),
    legacy
  );
  const missing = entries.filter((e) => !held.has(e.md5)).map((e) => `${target.path}/${e.relpath} (object ${e.md5})`);
  missing.sort();
  if (missing.length)
    throw new DataError(
      `${target.path}: ${missing.length} file(s) of ${target.oid} are not in the cache (${cache.dir}); pull first:
  ${missing.slice(0, 10).join("\n  ")}`
    );
  if (current?.isDirectory()) {
    const want = new Map(entries.map((e) => [e.relpath, e.md5]));
    const have = await listFiles2(dest);
    let same = have.length === want.size;
    for (const relpath of have) {
      const file = join9(dest, ...relpath.split("/"));
      const actual = await md5(file, legacy);
      if (want.get(relpath) !== actual) {
        same = false;
        if (!options.force && !await cache.has(actual, legacy)) throw unsaved(`${target.path}/${relpath}`);
      }
    }
    if (same) return "unchanged";
  } else if (current) {
    await guardUnsaved(cache, dest, target.path, legacy, options);
  }
  await mkdir2(dirname5(dest), { recursive: true });
  const fresh = options.staged ?? await workPath(root, dest, "tmp");
  const old = await workPath(root, dest, "old");
  try {
    await mkdir2(fresh, { recursive: true });
    await makeFolders(
      fresh,
      entries.map((e) => e.relpath)
    );
    const copied = new Set(options.staged ? await listFiles2(fresh) : []);
    const rest = entries.filter((e) => !copied.has(e.relpath));
    await eachLimit(rest, COPIES_AT_ONCE, (e) => materialise(cache.path(e.md5, legacy), join9(fresh, ...e.relpath.split("/")), false));
    if (current) await rename2(dest, old);
    await rename2(fresh, dest);
  } catch (error) {
    await rm3(fresh, { recursive: true, force: true });
    throw new DataError(`${target.path}: checkout failed: ${error.message}`);
  }
  await rm3(old, { recursive: true, force: true });
  return current ? "modified" : "created";
}
async function materialise(from, to, exec) {
  await copyFile2(from, to, constants2.COPYFILE_FICLONE);
  await chmod2(to, (exec ? 511 : 438) & ~umask());
}
async function refuseLinkToNoFile(dest, path) {
  const led = await stat3(dest).catch(() => void 0);
  if (led?.isFile()) return;
  const to = await readlink(dest);
  throw new DataError(
    `${path}: a link to ${to}, which ${led ? "is a folder" : "does not exist"}, is where the output goes; checkout does not write through or over a link: remove it, or put the folder it leads to in its place`
  );
}
async function guardUnsaved(cache, dest, path, legacy, options) {
  if (options.force) return;
  const stats = await lstat2(dest);
  const files = stats.isDirectory() ? (await listFiles2(dest)).map((f) => join9(dest, ...f.split("/"))) : [dest];
  for (const file of files) {
    if (!await cache.has(await md5(file, legacy), legacy)) throw unsaved(file === dest ? path : `${path}/${relative4(dest, file).split(sep6).join("/")}`);
  }
}
function unsaved(path) {
  return new DataError(
    `${path}: the workspace holds different content that is not in the DVC cache; refusing to replace it (use --force to replace it anyway)`
  );
}
async function md5(file, legacy) {
  const hasher = new ObjectHasher(legacy);
  for await (const chunk of createReadStream2(file, { highWaterMark: 1024 * 1024 })) hasher.update(chunk);
  return hasher.digest();
}
async function listFiles2(dir, prefix = "") {
  const out = [];
  for (const entry of await readdir3(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) for (const file of await listFiles2(join9(dir, entry.name), rel)) out.push(file);
    else out.push(rel);
  }
  return out;
}

// src/dvc/data/remotes/open.ts
import { availableParallelism } from "node:os";

// src/dvc/data/remotes/unreachable.ts
function endpointOf(url) {
  return { host: url.hostname, port: url.port || (url.protocol === "https:" ? "443" : "80") };
}
var EndpointUnreachable = class extends ObjectError {
  constructor(message, code) {
    super(message, "unreachable");
    this.code = code;
  }
  code;
};
var unresolvedHosts = /* @__PURE__ */ new Set();
var refusingEndpoints = /* @__PURE__ */ new Set();
function isUnreachableCode(code) {
  return code === "ENOTFOUND" || code === "ECONNREFUSED";
}
function rememberUnreachable(endpoint, code) {
  if (code === "ENOTFOUND") unresolvedHosts.add(endpoint.host);
  else refusingEndpoints.add(address(endpoint));
}
function refuseUnreachable(endpoint, request) {
  const why = unreachable(endpoint);
  if (why) throw new EndpointUnreachable(`${request}: not asked, as ${why} for an earlier request`);
}
function isUnreachable(endpoint) {
  return unreachable(endpoint) !== void 0;
}
function unreachableReason(endpoint, code) {
  return code === "ENOTFOUND" ? `the host name ${endpoint.host} does not resolve` : `${address(endpoint)} refuses connections`;
}
function unreachable(endpoint) {
  if (unresolvedHosts.has(endpoint.host)) return `${endpoint.host} did not resolve`;
  if (refusingEndpoints.has(address(endpoint))) return `${address(endpoint)} refused the connection`;
  return void 0;
}
function address(endpoint) {
  return `${endpoint.host}:${endpoint.port}`;
}

// src/dvc/data/remotes/azure.ts
var AzureRemote = class {
  constructor(name, container, prefix, auth, jobs) {
    this.name = name;
    this.container = container;
    this.prefix = prefix;
    this.auth = auth;
    this.jobs = jobs;
    this.description = `remote '${name}' (azure://${container}${prefix ? `/${prefix}` : ""})`;
  }
  name;
  container;
  prefix;
  auth;
  jobs;
  description;
  api;
  async read(key) {
    return this.call("GET", key, (api) => api.get(this.key(key)));
  }
  async exists(key) {
    return this.call("HEAD", key, (api) => api.exists(this.key(key)));
  }
  async list(prefix) {
    const base = this.key("");
    const keys = await this.call("LIST", prefix, (api) => api.list(this.key(prefix)));
    return keys.map((k) => k.slice(base.length));
  }
  async write(key, file) {
    await this.call("PUT", key, (api) => api.put(this.key(key), file));
  }
  async close() {
  }
  key(key) {
    return this.prefix ? `${this.prefix}/${key}` : key;
  }
  sdk() {
    this.api ??= import("./dvc-azure.js").then((m) => m.createAzure(this.auth, this.container));
    return this.api;
  }
  /** One request through the SDK, which retries it; its failure described, an endpoint that did not resolve or refused connections remembered. */
  async call(method, key, request) {
    const api = await this.sdk();
    const endpoint = endpointOf(api.url);
    refuseUnreachable(endpoint, `${method} ${key} on ${this.description}`);
    return request(api).catch((error) => {
      throw this.fail(method, key, endpoint, error);
    });
  }
  fail(method, key, endpoint, error) {
    const e = error;
    const status = e.statusCode;
    const code = e.code ?? e.name ?? "Error";
    let kind = "failed";
    let why = `${code}${status ? ` (HTTP ${status})` : ""}`;
    if (isUnreachableCode(code)) {
      rememberUnreachable(endpoint, code);
      return new EndpointUnreachable(`${method} ${key} on ${this.description}: ${code} (${unreachableReason(endpoint, code)})`, code);
    }
    if (code === "ContainerNotFound") {
      why = `container '${this.container}' does not exist`;
    } else if (status === 404) {
      kind = "missing";
      why = "not found";
    } else if (status === 401 || status === 403) {
      kind = "denied";
      why = `access denied (${code}): check account_key/sas_token/connection_string in .dvc/config.local or AZURE_STORAGE_* variables`;
    } else if (!status || status >= 500) {
      kind = "unreachable";
    }
    return new ObjectError(`${method} ${key} on ${this.description}: ${why}`, kind);
  }
};

// src/dvc/data/remotes/http.ts
import { createReadStream as createReadStream3, readFileSync as readFileSync4 } from "node:fs";

// src/version.ts
var VERSION = true ? "0.1.0" : "0.0.0-dev";

// src/dvc/data/remotes/http.ts
var READ_ATTEMPTS = 5;
var HttpRemote = class {
  constructor(options) {
    this.options = options;
    this.name = options.name;
    this.jobs = options.jobs;
    this.description = `remote '${options.name}' (${options.shownUrl})`;
    this.endpoint = endpointOf(options.url);
    this.agentOptions = { keepAlive: true, maxSockets: Math.max(options.jobs, 1) };
    if (options.url.protocol === "https:") {
      const tls = options.sslVerify === false ? { rejectUnauthorized: false } : typeof options.sslVerify === "string" ? { ca: readFileSync4(options.sslVerify) } : {};
      this.agentOptions = { ...this.agentOptions, ...tls };
    }
  }
  options;
  name;
  description;
  jobs;
  /** The remote's host and port, as a failure to resolve or reach them is remembered (unreachable.ts). */
  endpoint;
  agentOptions;
  /** node:http or node:https and the agent, from the first request: loading them is \u2248 10 ms of every start. */
  transport;
  async connect() {
    const { request, Agent } = this.options.url.protocol === "https:" ? await import("node:https") : await import("node:http");
    return { request, agent: new Agent(this.agentOptions) };
  }
  async read(key) {
    for (let attempt = 1; ; attempt++) {
      try {
        const response = await this.send("GET", key);
        if (response.statusCode === 200) return response;
        response.resume();
        throw this.statusError(key, response.statusCode ?? 0, "GET");
      } catch (error) {
        if (error instanceof EndpointUnreachable && error.code && attempt >= READ_ATTEMPTS) rememberUnreachable(this.endpoint, error.code);
        if (!(error instanceof ObjectError) || !retryable(error.kind) || attempt >= READ_ATTEMPTS || isUnreachable(this.endpoint)) throw error;
        await sleep(Math.min(100 * 2 ** (attempt - 1), 6e4));
      }
    }
  }
  async exists(key) {
    let response = await this.send("HEAD", key);
    response.resume();
    if (response.statusCode === 405 || response.statusCode === 501) {
      response = await this.send("GET", key);
      response.destroy();
    }
    const status = response.statusCode ?? 0;
    if (status < 400) return true;
    if (status === 404) return false;
    throw this.statusError(key, status, "HEAD");
  }
  async write(key, file, size) {
    const response = await this.send(this.options.uploadMethod, key, file, size);
    const body = await text(response);
    const status = response.statusCode ?? 0;
    if (status >= 400) throw this.statusError(key, status, this.options.uploadMethod, body);
  }
  async close() {
    if (this.transport) (await this.transport).agent.destroy();
  }
  url(key) {
    const url = new URL(this.options.url.href);
    url.pathname = `${url.pathname.replace(/\/+$/, "")}/${key}`;
    return url;
  }
  async send(method, key, file, size) {
    refuseUnreachable(this.endpoint, `${method} ${key} on ${this.description}`);
    const url = this.url(key);
    const { request, agent } = await (this.transport ??= this.connect());
    const headers = { "user-agent": `mlreport/${VERSION}`, ...this.options.authHeaders };
    if (method === "HEAD") headers["accept-encoding"] = "identity";
    if (file !== void 0) {
      headers["content-type"] = "application/octet-stream";
      headers["content-length"] = String(size);
    }
    const { connectTimeoutMs, readTimeoutMs } = this.options;
    return new Promise((resolve4, reject) => {
      let connected = false;
      let answered = false;
      const req = request(url, { method, headers, agent, timeout: connectTimeoutMs }, (res) => {
        answered = true;
        res.socket.setTimeout(readTimeoutMs, () => res.destroy(new Error(`no data for ${readTimeoutMs / 1e3} s`)));
        resolve4(res);
      });
      req.on("socket", (socket) => {
        const answer = () => {
          connected = true;
          socket.setTimeout(readTimeoutMs);
        };
        if (req.reusedSocket) answer();
        else socket.once(this.options.url.protocol === "https:" ? "secureConnect" : "connect", answer);
      });
      req.on("timeout", () => {
        if (!answered) req.destroy(new Error(connected ? `no answer within ${readTimeoutMs / 1e3} s` : `no connection within ${connectTimeoutMs / 1e3} s`));
      });
      req.on("error", (error) => {
        const failed2 = `${method} ${key} on ${this.description} failed: ${error.code ?? error.message}`;
        if (isUnreachableCode(error.code)) reject(new EndpointUnreachable(`${failed2} (${unreachableReason(this.endpoint, error.code)})`, error.code));
        else reject(new ObjectError(failed2, "unreachable"));
      });
      if (file === void 0) req.end();
      else
        createReadStream3(file).on("error", (e) => req.destroy(e)).pipe(req);
    });
  }
  statusError(key, status, method, body = "") {
    const kind = status === 404 ? "missing" : status === 401 || status === 403 ? "denied" : status >= 500 || status === 429 || status === 408 ? "unreachable" : "failed";
    const why = status === 404 ? "not found" : status === 401 ? this.options.credentials ? `credentials refused: ${this.options.credentials} (with DagsHub, the password is a token)` : `authentication required: ${this.options.authHint}` : status === 403 ? "access forbidden for these credentials" : `HTTP ${status}`;
    const detail = body.replace(/\s+/g, " ").trim().slice(0, 200);
    let message = `${method} ${key} on ${this.description}: ${status} ${why}${detail && kind === "failed" ? ` (${detail})` : ""}`;
    for (const secret of this.options.secrets) if (maskable(secret)) message = message.split(secret).join("***");
    return new ObjectError(message, kind);
  }
};
function retryable(kind) {
  return kind === "unreachable";
}
async function text(response) {
  let out = "";
  for await (const chunk of response) if (out.length < 4096) out += String(chunk);
  return out;
}
function sleep(ms) {
  return new Promise((resolve4) => setTimeout(resolve4, ms));
}

// src/dvc/data/remotes/local.ts
import { copyFile as copyFile3, mkdir as mkdir3, open as open3, readdir as readdir4, rename as rename3, rm as rm4, stat as stat4 } from "node:fs/promises";
import { dirname as dirname6, join as join10 } from "node:path";
var LocalRemote = class {
  constructor(name, root, jobs) {
    this.name = name;
    this.root = root;
    this.jobs = jobs;
    this.description = `remote '${name}' (${root})`;
  }
  name;
  root;
  jobs;
  description;
  async read(key) {
    const path = join10(this.root, key);
    const handle = await open3(path, "r").catch((error) => {
      throw this.fail(key, error);
    });
    return handle.createReadStream({ highWaterMark: 1024 * 1024 });
  }
  async exists(key) {
    try {
      return (await stat4(join10(this.root, key))).isFile();
    } catch (error) {
      if (error.code === "ENOENT") return false;
      throw this.fail(key, error);
    }
  }
  async list(prefix) {
    try {
      return (await readdir4(join10(this.root, prefix))).filter((n) => !n.startsWith(".")).map((n) => `${prefix}${n}`);
    } catch (error) {
      if (error.code === "ENOENT") return [];
      throw this.fail(prefix, error);
    }
  }
  async write(key, file) {
    const target = join10(this.root, key);
    const tmp = join10(dirname6(target), `.${nodeCrypto().randomBytes(12).toString("hex")}.tmp`);
    try {
      await mkdir3(dirname6(target), { recursive: true });
      await copyFile3(file, tmp);
      await rename3(tmp, target);
    } catch (error) {
      await rm4(tmp, { force: true });
      throw this.fail(key, error);
    }
  }
  async close() {
  }
  fail(key, error) {
    if (error.code === "ENOENT") return new ObjectError(`${key} is not in ${this.description}`, "missing");
    if (error.code === "EACCES" || error.code === "EPERM") return new ObjectError(`permission denied on ${key} in ${this.description}`, "denied");
    return new ObjectError(`${key} in ${this.description}: ${error.code ?? error.message}`, "failed");
  }
};

// src/dvc/data/remotes/s3.ts
var S3Remote = class {
  constructor(name, bucket, prefix, settings, jobs, shownUrl) {
    this.name = name;
    this.bucket = bucket;
    this.prefix = prefix;
    this.settings = settings;
    this.jobs = jobs;
    this.description = `remote '${name}' (${shownUrl})`;
  }
  name;
  bucket;
  prefix;
  settings;
  jobs;
  description;
  api;
  async read(key) {
    const api = await this.sdk();
    return api.get(this.bucket, this.key(key)).catch((error) => {
      throw this.fail("GET", key, error);
    });
  }
  async download(key, into) {
    const api = await this.sdk();
    const size = await api.download(this.bucket, this.key(key), into);
    return size ?? writeObject(into.file, into.oid, into.legacy, await this.read(key), into.from);
  }
  async exists(key) {
    const api = await this.sdk();
    return api.head(this.bucket, this.key(key)).catch((error) => {
      throw this.fail("HEAD", key, error);
    });
  }
  async list(prefix) {
    const api = await this.sdk();
    const base = this.key("");
    const keys = await api.list(this.bucket, this.key(prefix)).catch((error) => {
      throw this.fail("LIST", prefix, error);
    });
    return keys.map((k) => k.slice(base.length));
  }
  async write(key, file, size) {
    const api = await this.sdk();
    await api.put(this.bucket, this.key(key), file, size).catch((error) => {
      throw this.fail("PUT", key, error);
    });
  }
  async close() {
    if (this.api) (await this.api).destroy();
  }
  key(key) {
    return this.prefix ? `${this.prefix}/${key}` : key;
  }
  sdk() {
    this.api ??= import("./dvc-s3.js").then((m) => m.createS3(this.settings));
    return this.api;
  }
  fail(method, key, error) {
    const e = error;
    const status = e.$metadata?.httpStatusCode;
    const code = e.name ?? e.code ?? "Error";
    let kind = "failed";
    let why = `${code}${status ? ` (HTTP ${status})` : ""}`;
    if (code === "NoSuchBucket") {
      why = `bucket '${this.bucket}' does not exist`;
    } else if (status === 404 || code === "NoSuchKey" || code === "NotFound") {
      kind = "missing";
      why = "not found";
    } else if (status === 401 || status === 403 || /AccessDenied|InvalidAccessKeyId|SignatureDoesNotMatch|ExpiredToken|CredentialsProviderError/.test(code)) {
      kind = "denied";
      why = `access denied (${code}): check the credentials (access_key_id/secret_access_key in .dvc/config.local, or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY)`;
    } else if (!status || status >= 500) {
      kind = "unreachable";
      why = `${e.code ?? code}${status ? ` (HTTP ${status})` : ""}`;
    }
    return new ObjectError(`${method} ${key} on ${this.description}: ${why}`, kind);
  }
};

// src/dvc/data/remotes/types.ts
function defaultJobs(cpus) {
  return Math.max(1, 4 * cpus);
}

// src/dvc/data/remotes/url.ts
var SCHEME = /^([A-Za-z][\w+.-]*):\/\//;
var SCP_USERINFO = /(^|[\\/])([^\\/]*)@([^\\/@:]*:)/;
var MASK2 = "***";
var CREDENTIAL_NAME = /token|key|sig|secret|pass|pwd|auth|cred|session|code/i;
var TOKEN_LENGTH = 16;
function parseRemoteUrl(url) {
  const scheme = SCHEME.exec(url);
  if (!scheme) return localPath(url);
  const start = scheme[0];
  let rest = url.slice(start.length);
  const info = /^([^/]*)@/.exec(rest);
  if (info) rest = rest.slice(info[0].length);
  const tail = rest.search(/[?#]/);
  let hostPath = tail < 0 ? rest : rest.slice(0, tail);
  const bare = start + rest;
  const secrets = [];
  let user;
  let password;
  if (info) ({ user, password } = splitUserinfo(info[1], secrets));
  const valid = URL.canParse(bare);
  let shownUserinfo = info && !valid ? `${MASK2}@` : "";
  const at = valid ? -1 : hostPath.lastIndexOf("@");
  if (at >= 0) {
    splitUserinfo(hostPath.slice(0, at), secrets);
    hostPath = hostPath.slice(at + 1);
    shownUserinfo = `${MASK2}@`;
  }
  const shown = start + shownUserinfo + hostPath + maskTail(tail < 0 ? "" : rest.slice(tail), secrets);
  const type = remoteType(scheme[1], url.slice(start.length));
  return {
    type,
    bare,
    shown,
    user,
    password,
    secrets,
    sshLike: false,
    ...type === "local" && scheme[1].toLowerCase() !== "file" ? { hostless: scheme[1] } : {}
  };
}
function readRemoteUrl(remote, viaDvc = "'repro: dvc'") {
  const url = parseRemoteUrl(remote.url);
  const where2 = `remote '${remote.name}' (${remote.urlFile ?? remote.files.join(", ")}): url '${url.shown}'`;
  if (url.type === "http" && !URL.canParse(url.bare)) {
    const scheme = SCHEME.exec(url.bare)[1].toLowerCase();
    throw new DataError(
      `${where2} is not a valid URL: expected ${scheme}://host[:port]/path, with any '@', ':', '/', '?' or '#' in a user name or password percent-encoded, and an IPv6 host in brackets ([::1])`
    );
  }
  if (url.sshLike) {
    throw new DataError(
      `${where2} is a local folder to DVC, which reads an address in scp's form (user@host:path) without ssh:// as a path under the config file's directory; an SSH remote is written ssh://user@host/path, and ssh remotes are not read by mlreport's builtin DVC data layer (local, http(s), s3 and azure are): they need DVC itself: ${viaDvc}`
    );
  }
  const file = /^file:\/\/([^/]*)(.*)$/i.exec(url.bare);
  if (file) {
    const path = decode(file[2].replace(/[?#].*$/, "")).replace(/^\/(?=[A-Za-z]:)/, "");
    const folder = !file[1] && path ? `: ${path}` : " (/srv/dvc-store, ../store)";
    throw new DataError(`${where2} is a file:// URL, which DVC does not read as a folder: expected the folder written as a path${folder}`);
  }
  if (url.hostless) {
    throw new DataError(
      `${where2} has no host after '${url.hostless}://', so DVC reads it as a local folder named after the scheme: expected ${url.hostless}://host/path, or a folder written as a path (/srv/dvc-store, ../store)`
    );
  }
  return url;
}
function localPath(path) {
  const scp = SCP_USERINFO.exec(path);
  const secrets = [];
  if (scp) splitUserinfo(scp[2], secrets, false);
  const shown = scp ? path.replace(SCP_USERINFO, `$1${MASK2}@$3`) : path;
  return { type: "local", bare: path, shown, secrets, sshLike: !!scp };
}
function remoteType(scheme, afterScheme) {
  if (afterScheme === "" || afterScheme.startsWith("/")) return "local";
  const lower = scheme.toLowerCase();
  return lower === "https" ? "http" : lower;
}
function splitUserinfo(userinfo, secrets, userIsSecret = true) {
  const colon = userinfo.indexOf(":");
  const rawUser = colon < 0 ? userinfo : userinfo.slice(0, colon);
  const rawPassword = colon < 0 ? "" : userinfo.slice(colon + 1);
  if (userIsSecret) addForms(secrets, rawUser);
  addForms(secrets, rawPassword);
  return { user: rawUser ? decode(rawUser) : void 0, password: rawPassword ? decode(rawPassword) : void 0 };
}
function maskTail(tail, secrets) {
  if (!tail) return "";
  const hash2 = tail.indexOf("#");
  const query = hash2 < 0 ? tail : tail.slice(0, hash2);
  const fragment = hash2 < 0 ? "" : tail.slice(hash2 + 1);
  let out = "";
  if (query) {
    const parts = query.slice(1).split("&").map((part) => {
      const eq = part.indexOf("=");
      const value = eq < 0 ? part : part.slice(eq + 1);
      if (CREDENTIAL_NAME.test(eq < 0 ? "" : part.slice(0, eq)) || value.length >= TOKEN_LENGTH) {
        addForms(secrets, value);
        addForms(secrets, value.replace(/\+/g, " "));
      }
      return !value ? part : eq < 0 ? MASK2 : `${part.slice(0, eq)}=${MASK2}`;
    });
    out += `?${parts.join("&")}`;
  }
  if (hash2 >= 0) {
    addForms(secrets, fragment);
    out += fragment ? `#${MASK2}` : "#";
  }
  return out;
}
function addForms(secrets, raw) {
  if (!raw) return;
  secrets.push(raw);
  const decoded = decode(raw);
  if (decoded !== raw) secrets.push(decoded);
}
function decode(raw) {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

// src/dvc/data/remotes/open.ts
function cliRemoteInputs(env = process.env) {
  return {
    user: env.MLREPORT_REMOTE_USER || void 0,
    password: env.MLREPORT_REMOTE_PASSWORD || void 0,
    viaDvc: "dvc pull, dvc push, dvc repro",
    credentials: "MLREPORT_REMOTE_USER and MLREPORT_REMOTE_PASSWORD"
  };
}
var COMMON = ["jobs", "checksum_jobs", "no_traverse", "verify", "version_aware", "worktree"];
var KNOWN = {
  local: ["type", "protected", "shared", "slow_link_warning"],
  http: ["auth", "custom_auth_header", "user", "password", "ask_password", "ssl_verify", "method", "read_timeout", "connect_timeout"],
  s3: [
    ...["region", "profile", "credentialpath", "configpath", "endpointurl", "access_key_id", "secret_access_key", "session_token"],
    ...["read_timeout", "connect_timeout", "use_ssl", "ssl_verify", "sse", "sse_kms_key_id", "sse_customer_key", "sse_customer_algorithm"],
    ...["acl", "grant_read", "grant_read_acp", "grant_write_acp", "grant_full_control", "cache_regions", "listobjects", "allow_anonymous_login"]
  ],
  azure: [
    ...["account_name", "account_key", "connection_string", "sas_token", "tenant_id", "client_id", "client_secret", "allow_anonymous_login"],
    ...["exclude_environment_credential", "exclude_visual_studio_code_credential", "exclude_shared_token_cache_credential"],
    ...["exclude_managed_identity_credential", "timeout", "read_timeout", "connection_timeout"]
  ]
};
var SECRET_OPTIONS = [
  "password",
  "user",
  "secret_access_key",
  "session_token",
  "access_key_id",
  "sse_customer_key",
  "account_key",
  "connection_string",
  "sas_token",
  "client_secret"
];
function openRemote(remote, inputs = {}) {
  for (const secret of remoteSecrets(remote, inputs)) addSecret(secret);
  const dvc = inputs.viaDvc ?? "'repro: dvc'";
  const url = readRemoteUrl(remote, dvc);
  const { type } = url;
  const where2 = `remote '${remote.name}' (${remote.files.join(", ")})`;
  const known = KNOWN[type];
  if (!known) {
    throw new DataError(
      `${where2}: ${type} remotes are not read by mlreport's builtin DVC data layer (local, http(s), s3 and azure are); they need DVC itself: ${dvc}`
    );
  }
  for (const key of Object.keys(remote.options)) {
    if (!COMMON.includes(key) && !known.includes(key))
      throw new DataError(`${where2}: unknown option '${shownKey(key)}' for a ${type} remote (DVC rejects it too)`);
  }
  const o = new Options(remote.options, where2);
  if (o.bool("version_aware") || o.bool("worktree")) {
    throw new DataError(`${where2}: version_aware/worktree remotes store files by path, not by md5; they need DVC itself: ${dvc}`);
  }
  const cpus = typeof availableParallelism === "function" ? availableParallelism() : 1;
  const jobs = inputs.jobs ?? o.int("jobs") ?? defaultJobs(cpus);
  const env = inputs.env ?? process.env;
  switch (type) {
    case "local":
      return new LocalRemote(remote.name, remote.url, jobs);
    case "http":
      return openHttp(remote, url, o, inputs, jobs, where2);
    case "s3":
      return openS3(remote, url, o, env, jobs, where2, dvc);
    default:
      return openAzure(remote, o, env, jobs, where2, dvc);
  }
}
function remoteSecrets(remote, inputs = {}) {
  const out = SECRET_OPTIONS.map((k) => remote.options[k]).filter((v) => typeof v === "string" && v.length > 0);
  const endpoint = remote.options.endpointurl;
  const inUrls = [remote.url, ...typeof endpoint === "string" ? [endpoint] : []].flatMap((u) => parseRemoteUrl(u).secrets);
  return [.../* @__PURE__ */ new Set([...out, ...inUrls, ...[inputs.user, inputs.password].filter((v) => !!v)])];
}
function openHttp(remote, remoteUrl, o, inputs, jobs, where2) {
  const url = new URL(remoteUrl.bare);
  const fromUrl = { user: remoteUrl.user, password: remoteUrl.password };
  const auth = o.str("auth");
  const authHeaders = {};
  const elsewhere = inputs.credentials ?? "the hub-user/hub-token inputs, for a remote under hub-url";
  const inConfig = (key) => `in ${remote.optionFiles?.[key] ?? remote.files.join(", ")}`;
  const fromInputs = `from ${inputs.credentials ?? "the hub-user/hub-token inputs"}`;
  const user = o.str("user") ?? inputs.user ?? fromUrl.user;
  const userSource = o.str("user") !== void 0 ? inConfig("user") : inputs.user ? fromInputs : "in the url's userinfo";
  const password = o.str("password") ?? inputs.password ?? fromUrl.password;
  const passwordSource = o.str("password") !== void 0 ? inConfig("password") : inputs.password ? fromInputs : "in the url's userinfo";
  let credentials;
  if (auth === "digest") throw new DataError(`${where2}: auth = digest was removed from DVC in 2.7.1; use basic`);
  if (auth === "custom") {
    const header = o.str("custom_auth_header");
    if (!header || !password) throw new DataError(`${where2}: auth = custom needs 'custom_auth_header' and 'password'`);
    authHeaders[header.toLowerCase()] = password;
    credentials = `the password ${passwordSource}, sent as the ${header} header (auth = custom)`;
  } else if (auth === "basic" || inputs.user || inputs.password || fromUrl.user) {
    if (!user || password === void 0) {
      throw new DataError(`${where2}: HTTP 'basic' authentication requires both 'user' and 'password' (in .dvc/config.local, or ${elsewhere})`);
    }
    authHeaders.authorization = `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
    credentials = userSource === passwordSource ? `the user and password ${userSource}` : `the user ${userSource} and the password ${passwordSource}`;
  } else if (auth !== void 0) {
    throw new DataError(`${where2}: auth must be basic or custom, found '${auth}'`);
  }
  const env = inputs.env ?? process.env;
  const cliOnly = !inputs.credentials && (env.MLREPORT_REMOTE_USER || env.MLREPORT_REMOTE_PASSWORD) ? "; MLREPORT_REMOTE_USER/MLREPORT_REMOTE_PASSWORD are read by the CLI only" : "";
  const howToGive = `give the remote a user and password (with DagsHub, a token) in .dvc/config.local${inputs.credentials ? "" : " written by an earlier step"} ('dvc remote modify --local ${remote.name} auth basic', then 'user' and 'password'), or with ${elsewhere}${cliOnly}`;
  const method = (o.str("method") ?? "POST").toUpperCase();
  if (method !== "POST" && method !== "PUT") throw new DataError(`${where2}: method has to be either 'post' or 'put', found '${method.toLowerCase()}'`);
  const sslVerify = o.raw("ssl_verify");
  return new HttpRemote({
    name: remote.name,
    url,
    shownUrl: remoteUrl.shown,
    authHeaders,
    uploadMethod: method,
    jobs,
    sslVerify: sslVerify === void 0 ? true : /^(true|false)$/i.test(sslVerify) ? sslVerify.toLowerCase() === "true" : sslVerify,
    connectTimeoutMs: (o.num("connect_timeout") ?? 60) * 1e3,
    readTimeoutMs: (o.num("read_timeout") ?? 60) * 1e3,
    secrets: remoteSecrets(remote, inputs),
    credentials,
    // The common slip: user/password in the config without `auth`, which DVC (dvc-http) then does not send.
    authHint: !auth && (o.str("user") !== void 0 || o.str("password") !== void 0) ? `the remote's user/password are not sent without 'auth = basic', as in DVC: dvc remote modify --local ${remote.name} auth basic` : howToGive
  });
}
function openS3(remote, url, o, env, jobs, where2, dvc) {
  const m = /^s3:\/\/([^/]+)\/?(.*)$/.exec(remote.url);
  const bucket = m[1];
  const prefix = m[2].replace(/\/+$/, "");
  if (bucket.includes("?") || prefix.includes("?")) throw new DataError(`${where2}: versioned S3 URLs (?versionId=) need DVC itself: ${dvc}`);
  const credentialpath = o.str("credentialpath");
  const configpath = o.str("configpath");
  if (credentialpath) env.AWS_SHARED_CREDENTIALS_FILE ??= credentialpath;
  if (configpath) env.AWS_CONFIG_FILE ??= configpath;
  const useSsl = o.bool("use_ssl") ?? true;
  let endpoint = o.str("endpointurl");
  if (endpoint && !useSsl) endpoint = endpoint.replace(/^https:/, "http:");
  const keyId = o.str("access_key_id");
  const secret = o.str("secret_access_key");
  if (keyId === void 0 !== (secret === void 0)) throw new DataError(`${where2}: access_key_id and secret_access_key go together`);
  const putParams = {};
  const put = (option, param) => {
    const v = o.str(option);
    if (v !== void 0) putParams[param] = v;
  };
  put("sse", "ServerSideEncryption");
  put("sse_kms_key_id", "SSEKMSKeyId");
  put("acl", "ACL");
  put("grant_read", "GrantRead");
  put("grant_read_acp", "GrantReadACP");
  put("grant_write_acp", "GrantWriteACP");
  put("grant_full_control", "GrantFullControl");
  const customerKey = o.str("sse_customer_key");
  if (customerKey) {
    putParams.SSECustomerKey = Buffer.from(customerKey, "base64").toString("binary");
    putParams.SSECustomerAlgorithm = o.str("sse_customer_algorithm") ?? "AES256";
  }
  if (putParams.ACL && Object.keys(putParams).some((k) => k.startsWith("Grant"))) throw new DataError(`${where2}: 'acl' and 'grant_*' exclude each other`);
  const settings = {
    region: o.str("region") ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? "us-east-1",
    endpoint,
    credentials: keyId && secret ? { accessKeyId: keyId, secretAccessKey: secret, sessionToken: o.str("session_token") } : void 0,
    profile: o.str("profile"),
    anonymous: o.bool("allow_anonymous_login") ?? false,
    sslVerify: o.bool("ssl_verify") ?? true,
    maxSockets: Math.max(jobs, 1),
    connectTimeoutMs: secondsToMs(o.num("connect_timeout")),
    readTimeoutMs: secondsToMs(o.num("read_timeout")),
    putParams
  };
  return new S3Remote(remote.name, bucket, prefix, settings, jobs, `${url.shown}${endpoint ? ` at ${parseRemoteUrl(endpoint).shown}` : ""}`);
}
function openAzure(remote, o, env, jobs, where2, dvc) {
  const m = /^azure:\/\/([^/]*)\/?(.*)$/.exec(remote.url);
  const container = m[1] || env.AZURE_STORAGE_CONTAINER_NAME;
  if (!container) throw new DataError(`${where2}: no container in the URL (azure://<container>/<path>) and AZURE_STORAGE_CONTAINER_NAME is not set`);
  const prefix = m[2].replace(/\/+$/, "");
  const connectionString = o.str("connection_string") ?? env.AZURE_STORAGE_CONNECTION_STRING;
  const accountName = o.str("account_name") ?? env.AZURE_STORAGE_ACCOUNT;
  const accountKey = o.str("account_key") ?? env.AZURE_STORAGE_KEY;
  const sasToken = o.str("sas_token") ?? env.AZURE_STORAGE_SAS_TOKEN;
  let auth;
  if (connectionString) auth = { kind: "connection-string", connectionString };
  else if (!accountName) throw new DataError(`${where2}: Authentication to Azure Blob Storage requires either account_name or connection_string`);
  else if (o.str("tenant_id") || o.str("client_id") || o.str("client_secret")) {
    throw new DataError(
      `${where2}: Azure service-principal login is not supported by the builtin data layer; use account_key, sas_token or connection_string, or DVC itself: ${dvc}`
    );
  } else if (accountKey) auth = { kind: "account-key", accountName, accountKey };
  else if (sasToken) auth = { kind: "sas", accountName, sasToken };
  else if (o.bool("allow_anonymous_login")) auth = { kind: "anonymous", accountName };
  else {
    throw new DataError(
      `${where2}: no Azure credential: set account_key, sas_token or connection_string (in .dvc/config.local or AZURE_STORAGE_KEY / AZURE_STORAGE_SAS_TOKEN / AZURE_STORAGE_CONNECTION_STRING); Azure AD login needs DVC itself: ${dvc}`
    );
  }
  return new AzureRemote(remote.name, container, prefix, auth, jobs);
}
function secondsToMs(s) {
  return s === void 0 ? void 0 : s * 1e3;
}
var Options = class {
  constructor(options, where2) {
    this.options = options;
    this.where = where2;
  }
  options;
  where;
  raw(key) {
    const v = this.options[key];
    if (Array.isArray(v)) throw new DataError(`${this.where}: '${key}' must be one value, found a list (quote a value that holds a comma)`);
    return v;
  }
  str(key) {
    const v = this.raw(key);
    return v === "" ? void 0 : v;
  }
  bool(key) {
    const v = this.str(key);
    if (v === void 0) return void 0;
    if (/^true$/i.test(v)) return true;
    if (/^false$/i.test(v)) return false;
    throw new DataError(`${this.where}: '${key}' must be true or false, found '${v}'`);
  }
  num(key) {
    const v = this.str(key);
    if (v === void 0) return void 0;
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0) throw new DataError(`${this.where}: '${key}' must be a number, found '${v}'`);
    return n;
  }
  int(key) {
    const n = this.num(key);
    if (n !== void 0 && (!Number.isInteger(n) || n < 1)) throw new DataError(`${this.where}: '${key}' must be a whole number \u2265 1, found '${n}'`);
    return n;
  }
};

// src/dvc/data/transfer.ts
var foundMissing = /* @__PURE__ */ new Map();
async function pull(cache, remote, refs, options = {}) {
  const result = { downloaded: 0, cached: 0, bytes: 0 };
  const failures = [];
  const fail = (item, error) => {
    const e = error instanceof ObjectError ? error : void 0;
    failures.push({ oid: item.oid, path: item.path, kind: e?.kind ?? "failed", reason: error instanceof Error ? error.message : String(error) });
  };
  const files = [];
  const dirs = [];
  const seen = /* @__PURE__ */ new Set();
  const unique = refs.filter((r) => {
    checkOid(r.oid, r.path);
    const k = `${r.legacy ? "L" : ""}${r.oid}`;
    return !seen.has(k) && seen.add(k);
  });
  await eachLimit(unique, remote.jobs, async (ref) => {
    const legacy = ref.legacy ?? false;
    if (!isDirOid(ref.oid)) {
      files.push({ oid: ref.oid, legacy, path: ref.path });
      return;
    }
    const state = { ref: { oid: ref.oid, legacy, path: ref.path }, pending: 0, failed: false };
    try {
      let bytes;
      if (await cache.has(ref.oid, legacy)) {
        result.cached++;
      } else {
        bytes = await readVerified(remote, ref.oid, legacy);
        state.manifest = bytes;
      }
      const entries = bytes ? parseManifest(bytes, `${ref.oid} from ${remote.description}`) : await cache.manifest(ref.oid, legacy);
      const staged = ref.path === void 0 ? void 0 : options.staging?.get(ref.path);
      const copies = staged && await makeFolders(
        staged,
        entries.map((e) => e.relpath)
      ).then(
        () => true,
        () => false
      );
      for (const e of entries) {
        const copy = copies ? stagedCopy(staged, e.relpath) : void 0;
        files.push({ oid: e.md5, legacy, path: ref.path ? `${ref.path}/${e.relpath}` : e.relpath, dir: state, copy });
        state.pending++;
      }
      dirs.push(state);
    } catch (error) {
      fail(ref, error);
    }
  });
  const byOid = /* @__PURE__ */ new Map();
  for (const f of files) {
    const k = `${f.legacy ? "L" : ""}${f.oid}`;
    byOid.set(k, [...byOid.get(k) ?? [], f]);
  }
  const groups = [...byOid.values()];
  const held = /* @__PURE__ */ new Set();
  for (const legacy of [false, true]) {
    const oids = groups.filter((g) => g[0].legacy === legacy).map((g) => g[0].oid);
    for (const oid of await cache.holding(oids, legacy)) held.add(`${legacy ? "L" : ""}${oid}`);
  }
  await eachLimit(groups, remote.jobs, async (group) => {
    const first = group[0];
    try {
      if (held.has(`${first.legacy ? "L" : ""}${first.oid}`)) {
        result.cached++;
      } else {
        const key = objectKey(first.oid, first.legacy);
        const from = `${key} on ${remote.description}`;
        const bytes = remote.download ? await remote.download(key, {
          file: cache.path(first.oid, first.legacy),
          oid: first.oid,
          legacy: first.legacy,
          from,
          copy: group.find((f) => f.copy)?.copy
        }) : await cache.write(first.oid, first.legacy, await remote.read(key), from);
        result.bytes += bytes;
        result.downloaded++;
      }
    } catch (error) {
      fail(first, error);
      if (error instanceof ObjectError && error.kind === "missing") {
        const missing = foundMissing.get(remote.description) ?? /* @__PURE__ */ new Set();
        missing.add(objectKey(first.oid, first.legacy));
        foundMissing.set(remote.description, missing);
      }
      for (const f of group) if (f.dir) f.dir.failed = true;
    }
  });
  for (const dir of dirs) {
    if (dir.failed || !dir.manifest) continue;
    try {
      await cache.writeBytes(dir.ref.oid, dir.ref.legacy, dir.manifest, remote.description);
      result.downloaded++;
      result.bytes += dir.manifest.length;
    } catch (error) {
      fail(dir.ref, error);
    }
  }
  if (failures.length) throw new TransferError("pull", remote.description, failures);
  return result;
}
async function readVerified(remote, oid, legacy) {
  const key = objectKey(oid, legacy);
  const chunks = [];
  const hasher = new ObjectHasher(legacy);
  try {
    for await (const chunk of await remote.read(key)) {
      hasher.update(chunk);
      chunks.push(Buffer.from(chunk));
    }
  } catch (error) {
    if (error instanceof ObjectError) throw error;
    throw new ObjectError(`reading ${key} from ${remote.description} broke off: ${error.message}`, "unreachable");
  }
  const bytes = Buffer.concat(chunks);
  const actual = hasher.digest();
  if (`${actual}.dir` !== oid) throw new ObjectError(`corrupt: ${key} on ${remote.description} has md5 ${actual}`, "corrupt");
  return bytes;
}

// src/pipeline/hash.ts
import { closeSync as closeSync3, constants as constants3, fstatSync as fstatSync2, openSync as openSync3, readdirSync as readdirSync2, readSync as readSync2, statSync as statSync4 } from "node:fs";
var STREAM_CHUNK = 4 * 1024 * 1024;
var SMALL_FILE = 1024 * 1024;
var READ = constants3.O_RDONLY | (constants3.O_NONBLOCK ?? 0);

// src/pipeline/restore.ts
var PipelineData = class _PipelineData {
  constructor(config, cache, options) {
    this.config = config;
    this.cache = cache;
    this.options = options;
  }
  config;
  cache;
  options;
  remotes = /* @__PURE__ */ new Map();
  /** The same cache with other revisions' remotes (`atRevision`) by their config's text, closed with this one. */
  revisions = /* @__PURE__ */ new Map();
  /** Null for a project without a `.dvc` directory: there is no cache or remote to use. */
  static async open(root, options = {}) {
    if (!existsSync(join11(root, ".dvc"))) return null;
    const config = await loadDvcConfig(root, {}, options.trusted?.repo, options.trusted?.local);
    registerSecrets(config, options);
    return new _PipelineData(config, new Cache(config.cacheDir), options);
  }
  /**
   * `use` given the project's DVC cache and remotes (null without them), closed after. A config that does not load is
   * null here without a word: the comparison, which opens them first, says it.
   */
  static async using(root, options, use) {
    const data = await _PipelineData.open(root, options).catch(() => null);
    try {
      return await use(data);
    } finally {
      await data?.close();
    }
  }
  /**
   * The data of a git revision: its `.dvc/config` (`text`, null when it has none) as the repo level under the
   * workspace's `config.local`, global and system files, and the workspace's cache \u2014 as DVC reads a revision's
   * objects, so a remote that moved since is still found where that revision's outputs were pushed.
   */
  atRevision(text2, revision) {
    if (this.options.trusted) return Promise.resolve(this);
    let data = this.revisions.get(text2);
    if (!data) {
      data = loadDvcConfig(this.root, {}, { text: text2, name: `.dvc/config at ${revision}` }).then((config) => {
        registerSecrets(config, this.options);
        return new _PipelineData(config, this.cache, this.options);
      });
      this.revisions.set(text2, data);
    }
    return data;
  }
  get root() {
    return this.config.root;
  }
  remoteFor(name) {
    const key = (name ?? this.options.remote ?? this.config.defaultRemote ?? "").toLowerCase();
    let r = this.remotes.get(key);
    if (!r) {
      const config = selectRemote(this.config, name ?? this.options.remote, this.options.pickRemote);
      const hub = this.options.hub;
      const underHub = hub && config.url.startsWith(`${hub.url.replace(/\/+$/, "")}/`);
      r = openRemote(
        config,
        underHub ? { ...this.options, user: this.options.user ?? hub.user, password: this.options.password ?? hub.password } : this.options
      );
      this.remotes.set(key, r);
    }
    return r;
  }
  async close() {
    for (const r of this.remotes.values()) await r.close();
    for (const d of this.revisions.values()) await (await d.catch(() => null))?.close();
  }
  /** Whether every object is in the cache or else on its remote; a `.dir` vouches for its entries, as in DVC. */
  async available(objects) {
    let from = "the cache";
    for (const o of objects) {
      if (await this.cache.has(o.oid, o.legacy)) continue;
      if (o.imported) return { ok: false, why: o.imported };
      let remote;
      try {
        remote = this.remoteFor(o.remote);
      } catch (error) {
        return { ok: false, why: `${o.path}: object ${o.oid} is not in the cache and ${describeError(error)}` };
      }
      let there;
      try {
        there = await remote.exists(objectKey(o.oid, o.legacy));
      } catch (error) {
        return { ok: false, why: `${o.path}: object ${o.oid}: ${describeError(error)}` };
      }
      if (!there) return { ok: false, why: `${o.path}: object ${o.oid} missing from remote '${remote.name}'` };
      from = `remote '${remote.name}'`;
    }
    return { ok: true, from };
  }
  /**
   * Whether the cache holds all of an object, as DVC's `Output.changed_cache` asks: a file's object, or a directory's
   * `.dir` and every file it lists.
   */
  async cached(o) {
    if (!await this.cache.has(o.oid, o.legacy)) return false;
    if (!isDirOid(o.oid)) return true;
    const entries = await this.cache.manifest(o.oid, o.legacy).catch(() => null);
    if (!entries) return false;
    const held = await this.cache.holding(
      entries.map((e) => e.md5),
      o.legacy
    );
    return entries.every((e) => held.has(e.md5));
  }
  /** Pulls what the cache lacks and checks every object out; a DataError says which object and remote failed. */
  async restore(objects, force = false) {
    let from = "the cache";
    const missing = [];
    for (const o of objects) if (!await this.cache.has(o.oid, o.legacy)) missing.push(o);
    const imported = missing.find((o) => o.imported);
    if (imported) throw new DataError(imported.imported);
    const groups = /* @__PURE__ */ new Map();
    for (const o of missing) groups.set(o.remote, [...groups.get(o.remote) ?? [], o]);
    for (const [name, refs] of groups) {
      const remote = this.remoteFor(name);
      try {
        await pull(this.cache, remote, refs);
      } catch (error) {
        if (error instanceof TransferError) {
          const f = error.failures[0];
          throw new DataError(
            `${f.path ? `${f.path}: ` : ""}object ${f.oid} ${f.kind === "missing" ? `missing from remote '${remote.name}'` : `could not be pulled from remote '${remote.name}': ${f.reason}`}`
          );
        }
        throw error;
      }
      from = `remote '${remote.name}'`;
    }
    for (const o of objects) await checkout(this.cache, this.root, o, { force });
    return from;
  }
  /**
   * An object's bytes for reading a value file: the cache, else the remote (kept in the cache). A `.dir` manifest
   * fetched from the remote is verified and read but not cached: a cached `.dir` means a complete directory.
   */
  async objectBytes(oid, legacy, path, remoteName) {
    if (!await this.cache.has(oid, legacy)) {
      const remote = this.remoteFor(remoteName);
      if (isDirOid(oid)) {
        const chunks = [];
        try {
          for await (const chunk of await remote.read(objectKey(oid, legacy))) chunks.push(chunk);
        } catch (error) {
          throw objectError(error, path, oid, remote.name);
        }
        const bytes = Buffer.concat(chunks);
        if (objectMd5(bytes, legacy) !== oid.replace(/\.dir$/, ""))
          throw new DataError(`${path}: object ${oid} from remote '${remote.name}' is corrupt (md5 mismatch)`);
        return bytes;
      }
      try {
        await pull(this.cache, remote, [{ oid, path, legacy }]);
      } catch (error) {
        throw objectError(error, path, oid, remote.name);
      }
    }
    const file = this.cache.path(oid, legacy);
    const { size } = await stat5(file);
    if (size > MAX_FILE_BYTES) throw new DataError(`${path}: object ${oid} is ${size} bytes, more than a project file may have; not read`);
    return readFile3(file);
  }
  /**
   * An object's file in the cache, pulled from the remote first when the cache lacks it: for reading a tracked file
   * as a stream (a CSV's rows) instead of whole.
   */
  async objectFile(oid, legacy, path, remoteName) {
    if (!await this.cache.has(oid, legacy)) {
      const remote = this.remoteFor(remoteName);
      try {
        await pull(this.cache, remote, [{ oid, path, legacy }]);
      } catch (error) {
        throw objectError(error, path, oid, remote.name);
      }
    }
    return this.cache.path(oid, legacy);
  }
  /** `dvc commit` of a stage's cached outs after it ran, so `mlreport push` can send them. */
  async save(stage, ws, project) {
    for (const out of stage.outs) {
      if (!out.cache) continue;
      const abs = ws.abs(project(out.path));
      const rel = ws.rootPath(project(out.path));
      const refused = outputPlaceRefused(ws.root, rel);
      if (refused) throw new DataError(`output '${rel}': ${refused}; not saved to the cache`);
      if ((await stat5(abs)).isDirectory()) await this.cache.addDirectory(abs, (p) => ws.ignore.isIgnored(posix7.join(rel, p), false));
      else await this.cache.addFile(abs);
    }
  }
};
function registerSecrets(config, options) {
  for (const remote of config.remotes.values()) for (const s of remoteSecrets(remote, options)) addSecret(s);
  addSecret(options.hub?.password);
}
function objectError(error, path, oid, remote) {
  const kind = error instanceof TransferError ? error.failures[0]?.kind : error instanceof ObjectError ? error.kind : void 0;
  if (kind === "missing") return new DataError(`${path}: object ${oid} missing from remote '${remote}'`);
  const reason = error instanceof TransferError ? error.failures[0]?.reason ?? error.message : describeError(error);
  return new DataError(`${path}: object ${oid} could not be read from remote '${remote}': ${reason}`);
}
function lockedOutputs(project) {
  const found = [];
  for (const [dir, lock] of project.locks) {
    const dvcYaml = project.dvcYamls.find((d) => d.dir === dir);
    for (const [name, stage] of lock.stages) {
      const defined = dvcYaml?.stages.find((s) => s.name === name);
      const base = joinPath(dir, defined?.wdir ?? ".");
      for (const out of stage.outs) {
        const def = defined?.outs.find((o) => o.path === out.path);
        if (!out.md5 || def?.cache === false) continue;
        const remote = def?.props.get("remote");
        found.push({
          path: joinPath(base, out.path),
          oid: out.md5,
          legacy: out.hashName !== "md5",
          remote: typeof remote === "string" ? remote : void 0,
          push: def?.props.get("push") !== false,
          stage: name,
          dvcYaml: joinPath(dir, "dvc.yaml"),
          isexec: out.isexec
        });
      }
    }
  }
  return found;
}

// src/values/cached-outputs.ts
function withCachedOutputs(tree, data, project) {
  let loaded = null;
  const projectHere = () => loaded ??= project ? project() : loadProject(tree);
  let outs = null;
  const reasons = /* @__PURE__ */ new Map();
  const manifests = /* @__PURE__ */ new Map();
  let atRevision = null;
  const source = (data2) => tree.isCommit && tree.dvcConfig ? atRevision ??= tree.dvcConfig().then((bytes) => data2.atRevision(bytes?.toString("utf8") ?? null, tree.name)) : Promise.resolve(data2);
  const index = async () => {
    const project2 = await projectHere();
    const found = lockedOutputs(project2);
    for (const file of project2.dvcFiles) {
      for (const out of file.outs) if (out.md5) found.push({ path: out.path, oid: out.md5, legacy: out.hashName !== "md5" });
    }
    return found;
  };
  const resolve4 = async (path) => {
    const out = (await (outs ??= index())).find((o) => path === o.path || path.startsWith(`${o.path}/`));
    if (!out || !data) return null;
    const from = await source(data);
    if (path === out.path) return isDirOid(out.oid) ? null : from.objectBytes(out.oid, out.legacy, path, out.remote);
    if (!isDirOid(out.oid)) return null;
    let manifest = manifests.get(out.oid);
    if (!manifest) {
      manifest = from.objectBytes(out.oid, out.legacy, out.path, out.remote).then((bytes) => new Map(parseManifest(bytes, `${out.path}: object ${out.oid}`).map((e) => [joinPath(out.path, e.relpath), e.md5])));
      manifests.set(out.oid, manifest);
    }
    const oid = (await manifest).get(path);
    if (!oid) throw new DataError(`${path} is not in output ${out.path} (object ${out.oid}) at ${tree.name}`);
    return from.objectBytes(oid, out.legacy, path, out.remote);
  };
  const orCached = async (path, bytes) => {
    if (bytes || !data) return bytes;
    try {
      return await resolve4(path);
    } catch (error) {
      reasons.set(path, describeError(error));
      return null;
    }
  };
  return {
    name: tree.name,
    isCommit: tree.isCommit,
    list: () => tree.list(),
    dvcPlotsFile: (name) => tree.dvcPlotsFile(name),
    ...tree.dvcConfigSource && { dvcConfigSource: () => tree.dvcConfigSource() },
    async read(path) {
      return orCached(path, await tree.read(path));
    },
    // A batch where the tree has one (a commit); the workspace reads a file at a time.
    ...tree.readMany && {
      async readMany(paths) {
        const found = await readFiles(tree, paths);
        const out = [];
        for (let i = 0; i < paths.length; i++) {
          const bytes = found[i];
          out.push(bytes instanceof Error ? bytes : await orCached(paths[i], bytes));
        }
        return out;
      }
    },
    async chunks(path) {
      return await tree.chunks(path) ?? oneChunk(await this.read(path));
    },
    whyMissing: (path) => reasons.get(path),
    project: projectHere
  };
}

// src/values/unread-notes.ts
function notKnownNote(revision, why) {
  return `not known at ${revision}: ${why}`;
}
function cachedUnreadableNote(revision, isCommit, why) {
  return `${isCommit ? `not in git at ${revision}` : `not present at ${revision}`} (DVC-cached) and cannot be read: ${why}`;
}
function unparsedNote(revision, message) {
  return `${revision}: ${message}`;
}

// src/values/types.ts
function isFloatLeaf(value) {
  return value !== null && typeof value === "object" && "float" in value;
}
function isIntLeaf(value) {
  return value !== null && typeof value === "object" && "int" in value;
}
function intLeaf(value) {
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : { int: value.toString() };
}
function numericValue(leaf) {
  if (typeof leaf === "number") return leaf;
  if (typeof leaf === "boolean") return leaf ? 1 : 0;
  if (isFloatLeaf(leaf)) return typeof leaf.float === "number" ? leaf.float : Number(leaf.float);
  if (isIntLeaf(leaf)) return Number(leaf.int);
  return void 0;
}
function exactInt(leaf) {
  if (typeof leaf === "number") return Number.isInteger(leaf) ? BigInt(leaf) : null;
  if (typeof leaf === "boolean") return leaf ? 1n : 0n;
  if (isIntLeaf(leaf)) return BigInt(leaf.int);
  return null;
}
function isFloat(leaf) {
  return isFloatLeaf(leaf) || typeof leaf === "number" && !Number.isInteger(leaf);
}
function floatLeaf(value) {
  if (Number.isNaN(value)) return { float: "NaN" };
  if (value === Infinity) return { float: "Infinity" };
  if (value === -Infinity) return { float: "-Infinity" };
  return Number.isInteger(value) ? { float: value } : value;
}

// src/values/flat.ts
var CHUNK = 1 << 20;
var FIRST_CHUNK = 1 << 8;
var EMPTY2 = Buffer.alloc(0);
var KeyTable = class {
  chunks = [];
  used = 0;
  /**
   * Four numbers a key, in one array (a table costs a few allocations: a report may diff a thousand small files):
   * its chunk, its start there, its length in bytes and its hash. First sizes of at most 64 bytes: V8 keeps typed
   * arrays that small in its heap, where larger ones each cost a native allocation and a sweep.
   */
  entries = new Int32Array(4 * 4);
  /** Open addressing: key index + 1, 0 empty; kept at most half full. */
  slots = new Int32Array(16);
  size = 0;
  /** Where `internString` encodes a key; made on first use. */
  scratch = EMPTY2;
  /** The index of the key in `bytes[start, end)`, added if new. */
  intern(bytes, start, end) {
    let h = 2166136261 | 0;
    for (let k = start; k < end; k++) h = Math.imul(h ^ bytes[k], 16777619);
    const mask = this.slots.length - 1;
    const length = end - start;
    for (let s = h & mask; ; s = s + 1 & mask) {
      const slot = this.slots[s];
      if (slot === 0) {
        const index = this.add(bytes, start, length, h);
        this.slots[s] = index + 1;
        if (this.size * 2 > this.slots.length) this.rehash();
        return index;
      }
      const e = 4 * (slot - 1);
      if (this.entries[e + 3] === h && this.entries[e + 2] === length) {
        const chunk = this.chunks[this.entries[e]];
        const at = this.entries[e + 1];
        let k = 0;
        while (k < length && chunk[at + k] === bytes[start + k]) k++;
        if (k === length) return slot - 1;
      }
    }
  }
  /** The index of a key given as a JavaScript string, added if new. */
  internString(key) {
    if (this.scratch.length < key.length * 3) this.scratch = Buffer.allocUnsafe(Math.max(256, key.length * 3));
    return this.intern(this.scratch, 0, encodeWtf8(key, this.scratch));
  }
  /** Key `i` as a string. */
  key(i) {
    const chunk = this.chunks[this.entries[4 * i]];
    const start = this.entries[4 * i + 1];
    const end = start + this.entries[4 * i + 2];
    for (let k = start; k < end; k++) if (chunk[k] >= 128) return decodeWtf8(chunk, start, end);
    return chunk.toString("latin1", start, end);
  }
  /** Byte order of keys `i` and `j`: code point order. */
  compare(i, j) {
    const e = this.entries;
    const a = this.chunks[e[4 * i]];
    const b = this.chunks[e[4 * j]];
    const x = e[4 * i + 1];
    const y = e[4 * j + 1];
    const m = e[4 * i + 2];
    const n = e[4 * j + 2];
    const common = m < n ? m : n;
    for (let k = 0; k < common; k++) {
      const d = a[x + k] - b[y + k];
      if (d !== 0) return d;
    }
    return m - n;
  }
  add(bytes, start, length, hash2) {
    const last = this.chunks.at(-1);
    if (!last || this.used + length > last.length) {
      this.chunks.push(Buffer.allocUnsafe(Math.max(last ? Math.min(CHUNK, last.length * 2) : FIRST_CHUNK, length)));
      this.used = 0;
    }
    const index = this.size++;
    if (4 * index === this.entries.length) this.entries = grown(this.entries);
    const chunk = this.chunks[this.chunks.length - 1];
    for (let k = 0, at = this.used; k < length; k++, at++) chunk[at] = bytes[start + k];
    const e = 4 * index;
    this.entries[e] = this.chunks.length - 1;
    this.entries[e + 1] = this.used;
    this.entries[e + 2] = length;
    this.entries[e + 3] = hash2;
    this.used += length;
    return index;
  }
  rehash() {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let i = 0; i < this.size; i++) {
      let s = this.entries[4 * i + 3] & mask;
      while (slots[s] !== 0) s = s + 1 & mask;
      slots[s] = i + 1;
    }
    this.slots = slots;
  }
};
function grown(array) {
  const next = new array.constructor(array.length * 2);
  next.set(array);
  return next;
}
var Kind = {
  Absent: 0,
  /** The key was seen (a mapping, list or null: no metric), so a repeat of it is noticed. */
  Seen: 1,
  Int: 2,
  Float: 3,
  True: 4,
  False: 5,
  /** Anything else (strings, null params, a list's text): the leaf itself, in `boxed`. */
  Boxed: 6
};
var FlatValues = class _FlatValues {
  constructor(table) {
    this.table = table;
  }
  table;
  kinds = new Uint8Array(8);
  /** 8 numbers: 64 bytes, in V8's heap (see KeyTable's entries). */
  numbers = new Float64Array(8);
  boxed = /* @__PURE__ */ new Map();
  /** Keys with a value (not `Seen`). */
  count = 0;
  /** Sets key `i` to a value of `kind` unless it was already set; false when it was. */
  setNew(i, kind, value = 0) {
    if (i >= this.kinds.length) {
      while (i >= this.kinds.length) {
        this.kinds = grown(this.kinds);
        this.numbers = grown(this.numbers);
      }
    } else if (this.kinds[i] !== Kind.Absent) return false;
    this.kinds[i] = kind;
    this.numbers[i] = value;
    if (kind !== Kind.Seen) this.count++;
    return true;
  }
  setBoxed(i, leaf) {
    if (!this.setNew(i, Kind.Boxed)) return false;
    this.boxed.set(i, leaf);
    return true;
  }
  has(i) {
    return i < this.kinds.length && this.kinds[i] >= Kind.Int;
  }
  /** Key `i`'s value, undefined when this side has none. */
  leaf(i) {
    if (i >= this.kinds.length) return void 0;
    switch (this.kinds[i]) {
      case Kind.Int:
        return this.numbers[i];
      case Kind.Float:
        return floatLeaf(this.numbers[i]);
      case Kind.True:
        return true;
      case Kind.False:
        return false;
      case Kind.Boxed:
        return this.boxed.get(i);
      default:
        return void 0;
    }
  }
  /** Every key with its value, in the order the keys were first seen. */
  toMap() {
    const out = /* @__PURE__ */ new Map();
    const n = Math.min(this.kinds.length, this.table.size);
    for (let i = 0; i < n; i++) if (this.has(i)) out.set(this.table.key(i), this.leaf(i));
    return out;
  }
  /** Values read as a map (another reader, another format) put in `table`. */
  static fromMap(values, table) {
    const flat = new _FlatValues(table);
    for (const [key, leaf] of values) {
      const i = table.internString(key);
      if (typeof leaf === "number" && Number.isFinite(leaf)) flat.setNew(i, Number.isInteger(leaf) ? Kind.Int : Kind.Float, leaf);
      else if (typeof leaf === "boolean") flat.setNew(i, leaf ? Kind.True : Kind.False);
      else if (isFloatLeaf(leaf) && typeof leaf.float === "number" && Number.isInteger(leaf.float)) flat.setNew(i, Kind.Float, leaf.float);
      else flat.setBoxed(i, leaf);
    }
    return flat;
  }
};
function valueCount(values) {
  return values instanceof FlatValues ? values.count : values.size;
}
function encodeWtf8(s, out) {
  let n = 0;
  for (let k = 0; k < s.length; k++) {
    let c = s.charCodeAt(k);
    if (c < 128) out[n++] = c;
    else if (c < 2048) {
      out[n++] = 192 | c >> 6;
      out[n++] = 128 | c & 63;
    } else {
      const next = s.charCodeAt(k + 1);
      if (c >= 55296 && c < 56320 && next >= 56320 && next < 57344) {
        c = 65536 + (c - 55296 << 10) + (next - 56320);
        k++;
        out[n++] = 240 | c >> 18;
        out[n++] = 128 | c >> 12 & 63;
      } else out[n++] = 224 | c >> 12;
      out[n++] = 128 | c >> 6 & 63;
      out[n++] = 128 | c & 63;
    }
  }
  return n;
}
function decodeWtf8(bytes, start, end) {
  const units = [];
  for (let k = start; k < end; ) {
    const b = bytes[k];
    let c;
    if (b < 128) c = bytes[k++];
    else if (b < 224) {
      c = (b & 31) << 6 | bytes[k + 1] & 63;
      k += 2;
    } else if (b < 240) {
      c = (b & 15) << 12 | (bytes[k + 1] & 63) << 6 | bytes[k + 2] & 63;
      k += 3;
    } else {
      c = (b & 7) << 18 | (bytes[k + 1] & 63) << 12 | (bytes[k + 2] & 63) << 6 | bytes[k + 3] & 63;
      k += 4;
    }
    if (c >= 65536) units.push(55296 + (c - 65536 >> 10), 56320 + (c - 65536 & 1023));
    else units.push(c);
  }
  let out = "";
  for (let k = 0; k < units.length; k += 4096) out += String.fromCharCode.apply(null, units.slice(k, k + 4096));
  return out;
}

// src/values/flatten.ts
var MAX_VALUES = 1e6;
function flattenMetrics(data) {
  const out = /* @__PURE__ */ new Map();
  if (Array.isArray(data) || data instanceof PyCollection) {
    throw new UserError(
      `expected a mapping of metrics (or a single value), found a list of ${data instanceof PyCollection ? data.items.length : data.length} items; is this a plots file?`
    );
  }
  if (!isRawMap(data)) {
    const leaf = metricLeaf(data);
    if (leaf !== void 0 && leaf !== null && leaf !== 0 && leaf !== "" && leaf !== false && !isZeroFloat(data)) out.set("", leaf);
    return out;
  }
  const visit = (map, prefix) => {
    for (const [k, v] of map) {
      const key = ownKey(prefix, k);
      if (isRawMap(v)) visit(v, `${key}.`);
      else {
        const leaf = metricLeaf(v);
        if (leaf !== void 0 && leaf !== null) add(out, key, leaf);
      }
    }
  };
  visit(data, "");
  return out;
}
function flattenParams(data, keyPaths = [], flatKeys = false) {
  const out = /* @__PURE__ */ new Map();
  if (!isRawMap(data)) {
    if (!isPyFalsy(data)) out.set("", leafOf(data));
    return out;
  }
  const root = !keyPaths.length ? data : flatKeys ? pickPaths(data, keyPaths) : selectPaths(data, keyPaths);
  let equality;
  const visit = (map, prefix) => {
    for (const [k, v] of map) {
      const key = ownKey(prefix, k);
      if (isRawMap(v)) visit(v, `${key}.`);
      else {
        add(out, key, leafOf(v));
        if (v instanceof PyCollection) (equality ??= /* @__PURE__ */ new Map()).set(key, pyEqualityKey(v));
      }
    }
  };
  visit(root, "");
  if (equality) equalityKeys.set(out, equality);
  return out;
}
var equalityKeys = /* @__PURE__ */ new WeakMap();
function collectionEquality(values) {
  return equalityKeys.get(values);
}
function ownKey(prefix, k) {
  const key = prefix ? prefix + k : ` ${k}`.slice(1);
  key.charCodeAt(0);
  return key;
}
function add(out, key, leaf) {
  if (out.size >= MAX_VALUES) throw new UserError(`more than ${MAX_VALUES.toLocaleString("en-US")} values (a runaway file, or YAML aliases that multiply)`);
  out.set(key, leaf);
}
function leafOf(v) {
  const leaf = scalarLeaf(v);
  if (leaf !== void 0) return leaf;
  return pyRepr(v);
}
function scalarLeaf(v) {
  if (v === null || typeof v === "boolean" || typeof v === "string" || typeof v === "number") return v;
  if (typeof v === "bigint") return intLeaf(v);
  if (v instanceof PyFloat) return floatLeaf(v.value);
  if (v instanceof PyDate) return v.iso;
  if (v instanceof PyDateTime || v instanceof PyTime) return v.text;
  if (v instanceof PyCollection || Array.isArray(v) || isRawMap(v)) return void 0;
  return void 0;
}
function metricLeaf(v) {
  return v instanceof PyDate || v instanceof PyDateTime || v instanceof PyTime ? void 0 : scalarLeaf(v);
}
function isZeroFloat(v) {
  return v instanceof PyFloat && v.value === 0;
}
function selectPaths(data, keyPaths) {
  const result = /* @__PURE__ */ new Map();
  for (const path of new Set(keyPaths)) {
    const found = searchPath(data, path.split("."));
    if (isRawMap(found)) mergeAdditive(result, found);
  }
  return result;
}
function searchPath(node, parts) {
  const [head, ...rest] = parts;
  if (head === void 0) return void 0;
  const list = Array.isArray(node) ? node : null;
  if (!list && !isRawMap(node)) return void 0;
  const children = list ? list.map((v, i) => [String(i), v]) : [...node];
  let map;
  let items;
  for (const [k, v] of children) {
    if (head !== "*" && head !== k) continue;
    const found = rest.length ? searchPath(v, rest) : deepCopy(v);
    if (found === void 0) continue;
    if (!list) (map ??= /* @__PURE__ */ new Map()).set(k, found);
    else {
      items ??= [];
      while (items.length < Number(k)) items.push(null);
      items[Number(k)] = found;
    }
  }
  return list ? items : map;
}
function pickPaths(data, keyPaths) {
  const result = /* @__PURE__ */ new Map();
  for (const path of keyPaths) {
    let node = data;
    for (const part of path.split(".")) node = isRawMap(node) ? node.get(part) : Array.isArray(node) && /^\d+$/.test(part) ? node[Number(part)] : void 0;
    if (node !== void 0) result.set(path, node);
  }
  return result;
}
function mergeAdditive(dst, src) {
  for (const [k, found] of src) {
    const target = dst.get(k);
    if (isRawMap(target) && isRawMap(found)) mergeAdditive(target, found);
    else if (Array.isArray(target) && Array.isArray(found)) for (const item of found) target.push(item);
    else dst.set(k, found);
  }
}
function deepCopy(v) {
  if (Array.isArray(v)) return v.map(deepCopy);
  if (isRawMap(v))
    return mapFrom(
      [...v].map(([k, x]) => [k, deepCopy(x)]),
      v
    );
  return v;
}

// src/values/pyformat.ts
function pyRound(x, ndigits) {
  if (!Number.isFinite(x) || x === 0 || Math.abs(x) >= 1e21 || ndigits > 100) return x;
  const fixed = x.toFixed(ndigits);
  const scaled = Math.abs(x) * 10 ** ndigits;
  if (Math.abs(scaled - Math.floor(scaled) - 0.5) > 4 * Number.EPSILON * Math.max(1, scaled)) return Number(fixed);
  const exact = x.toFixed(100);
  const dot = exact.indexOf(".");
  const tail = exact.slice(dot + 1 + ndigits);
  if (/^50*$/.test(tail)) {
    const lastDigit = Number(fixed.replace(/[^0-9]/g, "").slice(-1));
    if (lastDigit % 2 === 1) {
      const truncated = exact.slice(0, dot + 1 + ndigits).replace(/\.$/, "");
      return Number(truncated);
    }
  }
  return Number(fixed);
}
var POW10 = Array.from({ length: 16 }, (_, k) => Number(`1e${k}`));
function roundedRepr(x, ndigits) {
  const abs = Math.abs(x);
  if (ndigits > 15 || !(abs < 1e15)) return pyFloatRepr(pyRound(x, ndigits));
  const scaled = abs * POW10[ndigits];
  if (Math.abs(scaled - Math.floor(scaled) - 0.5) <= 4 * Number.EPSILON * Math.max(1, scaled)) return pyFloatRepr(pyRound(x, ndigits));
  const fixed = x.toFixed(ndigits);
  const sign = fixed.charCodeAt(0) === 45 ? 1 : 0;
  const dot = fixed.length - ndigits - 1;
  const whole = fixed.charCodeAt(sign) === 48 ? 0 : dot - sign;
  if (whole + ndigits > 15) return pyFloatRepr(pyRound(x, ndigits));
  let end = fixed.length;
  while (fixed.charCodeAt(end - 1) === 48) end--;
  if (end === dot + 1) return whole ? `${fixed.slice(0, end)}0` : pyFloatRepr(pyRound(x, ndigits));
  if (!whole && end - dot - 1 > 4 && fixed.charCodeAt(dot + 4) === 48 && fixed.charCodeAt(dot + 1) === 48 && fixed.charCodeAt(dot + 2) === 48 && fixed.charCodeAt(dot + 3) === 48)
    return pyFloatRepr(pyRound(x, ndigits));
  return end === fixed.length ? fixed : fixed.slice(0, end);
}
function pyStr2(leaf) {
  if (leaf === null) return "None";
  if (typeof leaf === "boolean") return leaf ? "True" : "False";
  if (typeof leaf === "string") return leaf;
  if (typeof leaf === "number") return Number.isInteger(leaf) ? String(leaf) : pyFloatRepr(leaf);
  if (isIntLeaf(leaf)) return leaf.int;
  return pyFloatRepr(typeof leaf.float === "number" ? leaf.float : Number(leaf.float));
}
function displayValue(leaf, precision = 5) {
  if (leaf === void 0 || leaf === null) return "-";
  if (precision !== null && precision > 0) {
    if (typeof leaf === "number" && !Number.isInteger(leaf)) return roundedRepr(leaf, precision);
    if (isFloatLeaf(leaf) && typeof leaf.float === "number") return pyFloatRepr(leaf.float);
  }
  return pyStr2(leaf);
}
function diffLeaf(diff, float) {
  return float ? floatLeaf(diff) : diff;
}

// src/values/diff.ts
var EAGER_ROWS = 64;
var columnsOf = /* @__PURE__ */ new WeakMap();
var DiffColumns = class {
  constructor(old, now, order, equality) {
    this.old = old;
    this.now = now;
    this.order = order;
    this.equality = equality;
  }
  old;
  now;
  order;
  equality;
  get length() {
    return this.order.length;
  }
  row(n) {
    const i = this.order[n];
    const key = this.old.table.key(i);
    return diffRow(key, this.old.leaf(i), this.now.leaf(i), sameCollection(this.equality, key));
  }
};
function diffValueFile(path, base, head, names = { base: "base", head: "head" }) {
  const notes = [];
  const side = (file, name) => {
    if (!file) return /* @__PURE__ */ new Map();
    if (file.status === "ok") {
      for (const w of file.warnings ?? []) notes.push(`${name}: ${w}`);
      return file.values;
    }
    notes.push(file.status === "missing" ? file.note ?? `not present at ${name}` : unparsedNote(name, file.message));
    return /* @__PURE__ */ new Map();
  };
  const a = side(base, names.base);
  const b = side(head, names.head);
  const equality = [a instanceof Map ? collectionEquality(a) : void 0, b instanceof Map ? collectionEquality(b) : void 0];
  const diff = { path };
  Object.defineProperty(diff, "rows", LAZY_ROWS);
  diff.notes = notes;
  const small = valueCount(a) <= EAGER_ROWS && valueCount(b) <= EAGER_ROWS ? smallRows(a, b, equality) : null;
  if (small) {
    settleRows(diff, small);
    return diff;
  }
  const table = a instanceof FlatValues ? a.table : b instanceof FlatValues ? b.table : new KeyTable();
  const inTable = (values) => values instanceof FlatValues && values.table === table ? values : FlatValues.fromMap(values instanceof FlatValues ? values.toMap() : values, table);
  const old = inTable(a);
  const now = inTable(b);
  let count = 0;
  for (let i = 0; i < table.size; i++) if (old.has(i) || now.has(i)) count++;
  const order = new Int32Array(count);
  for (let i = 0, n = 0; i < table.size; i++) if (old.has(i) || now.has(i)) order[n++] = i;
  order.sort((x, y) => table.compare(x, y));
  const columns = new DiffColumns(old, now, order, equality);
  if (order.length <= EAGER_ROWS) settleRows(diff, allRows(columns));
  else columnsOf.set(diff, columns);
  return diff;
}
var SURROGATE2 = /[\ud800-\udfff]/;
function smallRows(a, b, equality) {
  const old = a instanceof FlatValues ? a.toMap() : a;
  const now = b instanceof FlatValues ? b.toMap() : b;
  const keys = [];
  for (const key of old.keys()) keys.push(key);
  for (const key of now.keys()) if (!old.has(key)) keys.push(key);
  for (let i = 0; i < keys.length; i++) if (SURROGATE2.test(keys[i])) return null;
  keys.sort();
  const rows = new Array(keys.length);
  for (let i = 0; i < keys.length; i++) rows[i] = diffRow(keys[i], old.get(keys[i]), now.get(keys[i]), sameCollection(equality, keys[i]));
  return rows;
}
function sameCollection([old, now], key) {
  const x = old?.get(key);
  const y = now?.get(key);
  return x === void 0 && y === void 0 ? void 0 : x === y;
}
var rowsOf = /* @__PURE__ */ new WeakMap();
var LAZY_ROWS = {
  enumerable: true,
  configurable: true,
  get() {
    const kept = rowsOf.get(this);
    if (kept) return kept;
    const made = allRows(columnsOf.get(this));
    settleRows(this, made);
    return made;
  },
  set(rows) {
    settleRows(this, rows);
  }
};
function allRows(columns) {
  const made = new Array(columns.length);
  for (let n = 0; n < made.length; n++) made[n] = columns.row(n);
  return made;
}
function settleRows(diff, rows) {
  rowsOf.set(diff, rows);
  columnsOf.delete(diff);
}
function* diffRows(file) {
  const columns = columnsOf.get(file);
  if (!columns) {
    yield* file.rows;
    return;
  }
  for (let n = 0; n < columns.length; n++) yield columns.row(n);
}
function diffRow(key, o, n, same) {
  if (isIntLeaf(o) || isIntLeaf(n)) return bigIntRow(key, o, n);
  const changed = same === void 0 ? !pyEqual2(o ?? null, n ?? null) : !same;
  const a = numericValue(o);
  const b = numericValue(n);
  if (a === void 0 || b === void 0) return { key, old: o, new: n, changed };
  const diff = b - a;
  if (a !== 0 && Number.isFinite(a)) return { key, old: o, new: n, changed, diff, relative: diff / Math.abs(a) };
  return { key, old: o, new: n, changed, diff };
}
function bigIntRow(key, o, n) {
  const changed = !pyEqual2(o ?? null, n ?? null);
  const a = numericValue(o);
  const b = numericValue(n);
  if (a === void 0 || b === void 0) return { key, old: o, new: n, changed };
  const x = exactInt(o);
  const y = exactInt(n);
  const diff = x !== null && y !== null ? Number(y - x) : b - a;
  if (a !== 0 && Number.isFinite(a)) return { key, old: o, new: n, changed, diff, relative: diff / Math.abs(a) };
  return { key, old: o, new: n, changed, diff };
}
function exactDiff(row2) {
  if (row2.diff === void 0 || !(isIntLeaf(row2.old) || isIntLeaf(row2.new))) return null;
  const x = exactInt(row2.old);
  const y = exactInt(row2.new);
  return x !== null && y !== null ? y - x : null;
}
function rowDiffLeaf(row2) {
  if (row2.diff === void 0) return void 0;
  const exact = exactDiff(row2);
  return exact === null ? diffLeaf(row2.diff, diffIsFloat(row2)) : intLeaf(exact);
}
function pyEqual2(a, b) {
  if (isIntLeaf(a) || isIntLeaf(b)) return exactEqual(a, b);
  const x = numericValue(a);
  const y = numericValue(b);
  if (x !== void 0 || y !== void 0) return x !== void 0 && y !== void 0 && x === y;
  return a === b;
}
function exactEqual(a, b) {
  const exact = (leaf) => {
    const int = exactInt(leaf);
    if (int !== null) return int;
    const n = numericValue(leaf);
    return n !== void 0 && Number.isInteger(n) ? BigInt(n) : null;
  };
  const x = exact(a);
  return x !== null && x === exact(b);
}
function diffIsFloat(row2) {
  return isFloat(row2.old) || isFloat(row2.new);
}

// src/values/json-metrics.ts
import { isUtf8 } from "node:buffer";
var NeedsGeneralReader = class extends Error {
};
var GENERAL = new NeedsGeneralReader("left to the general reader");
var bail = () => {
  throw GENERAL;
};
var POW102 = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));
var TWO_53 = 2 ** 53;
function flattenJsonMetrics(bytes, table) {
  if (!isUtf8(bytes)) return null;
  try {
    return new MetricsScanner(bytes, table).run();
  } catch (error) {
    if (error === GENERAL) return null;
    throw error;
  }
}
var MetricsScanner = class {
  constructor(b, table) {
    this.b = b;
    this.table = table;
    this.n = b.length;
    this.values = new FlatValues(table);
  }
  b;
  table;
  i = 0;
  n;
  /** The flattened key being built: the parents' keys, each followed by `.`, then the member's own. */
  key = Buffer.allocUnsafe(256);
  keyLength = 0;
  values;
  run() {
    const b = this.b;
    if (b[0] === 239 && b[1] === 187 && b[2] === 191) this.i = 3;
    this.ws();
    if (b[this.i] !== 123) bail();
    this.object(1);
    this.ws();
    if (this.i !== this.n) bail();
    return this.values;
  }
  ws() {
    const b = this.b;
    let i = this.i;
    for (; ; ) {
      const c = b[i];
      if (c === 32 || c === 10 || c === 13 || c === 9) i++;
      else break;
    }
    this.i = i;
  }
  /** A mapping whose members' keys start with `key[0, keyLength)`. */
  object(depth) {
    if (!this.opened(depth, 125)) return;
    const b = this.b;
    const values = this.values;
    const prefix = this.keyLength;
    do {
      this.ws();
      if (b[this.i] !== 34) bail();
      this.keyLength = prefix;
      this.readKey();
      this.colon();
      const index = this.table.intern(this.key, 0, this.keyLength);
      const c = b[this.i];
      if (c === 123) {
        if (!values.setNew(index, Kind.Seen)) bail();
        this.append(46);
        this.object(depth + 1);
      } else if (c === 91) {
        if (!values.setNew(index, Kind.Seen)) bail();
        this.array(depth + 1);
      } else if (c === 34) {
        this.full();
        if (!values.setBoxed(index, this.string())) bail();
      } else if (c === 110) {
        this.literal("null");
        if (!values.setNew(index, Kind.Seen)) bail();
      } else {
        this.full();
        if (!this.scalar(index)) bail();
      }
    } while (this.more(125));
    this.keyLength = prefix;
  }
  /**
   * Steps into the mapping or list at `i` (`close` is its closing byte); false when it is empty, which is then
   * passed. Too deep a document is the general reader's.
   */
  opened(depth, close) {
    if (depth >= MAX_DEPTH) bail();
    this.i++;
    this.ws();
    if (this.b[this.i] !== close) return true;
    this.i++;
    return false;
  }
  /** After a member or item: true at `,` (another follows), false at `close` (the container ends), passing either. */
  more(close) {
    this.ws();
    const next = this.b[this.i];
    this.i++;
    if (next === close) return false;
    if (next !== 44) bail();
    return true;
  }
  /** The `:` after a member's key, and the space around it. */
  colon() {
    this.ws();
    if (this.b[this.i] !== 58) bail();
    this.i++;
    this.ws();
  }
  full() {
    if (this.values.count >= MAX_VALUES) bail();
  }
  /** true, false, a number, NaN or \u00B1Infinity for key `index`; false when the key was already set. */
  scalar(index) {
    const c = this.b[this.i];
    if (c === 116) {
      this.literal("true");
      return this.values.setNew(index, Kind.True);
    }
    if (c === 102) {
      this.literal("false");
      return this.values.setNew(index, Kind.False);
    }
    if (c === 78) {
      this.literal("NaN");
      return this.values.setNew(index, Kind.Float, NaN);
    }
    if (c === 73) {
      this.literal("Infinity");
      return this.values.setNew(index, Kind.Float, Infinity);
    }
    if (c === 45 && this.b[this.i + 1] === 73) {
      this.i++;
      this.literal("Infinity");
      return this.values.setNew(index, Kind.Float, -Infinity);
    }
    const isFloat2 = this.number();
    if (this.bigInt !== null) return this.values.setBoxed(index, { int: this.bigInt });
    return this.values.setNew(index, isFloat2 ? Kind.Float : Kind.Int, this.numberValue);
  }
  numberValue = 0;
  /** The digits of the int `number` last read when a double cannot hold it exactly (beyond \u00B12^53), else null. */
  bigInt = null;
  /**
   * A number as JSON writes it, its value in `numberValue`; true when written as a float (`.` or exponent).
   * Up to 2^53 in its digits and 10^\u00B122 it is computed exactly (one correctly rounded operation on exact
   * doubles); otherwise the engine reads its text.
   */
  number() {
    const b = this.b;
    const start = this.i;
    let i = start;
    const negative = b[i] === 45;
    if (negative) i++;
    let w = 0;
    let c = b[i];
    if (c === 48) i++;
    else if (c >= 49 && c <= 57) {
      do {
        w = w * 10 + (c - 48);
        c = b[++i];
      } while (c >= 48 && c <= 57);
    } else bail();
    let e10 = 0;
    let isFloat2 = false;
    if (b[i] === 46) {
      isFloat2 = true;
      c = b[++i];
      if (!(c >= 48 && c <= 57)) bail();
      do {
        w = w * 10 + (c - 48);
        e10--;
        c = b[++i];
      } while (c >= 48 && c <= 57);
    }
    c = b[i];
    if (c === 101 || c === 69) {
      isFloat2 = true;
      c = b[++i];
      let sign = 1;
      if (c === 43 || c === 45) {
        if (c === 45) sign = -1;
        c = b[++i];
      }
      if (!(c >= 48 && c <= 57)) bail();
      let exponent = 0;
      do {
        if (exponent < 1e5) exponent = exponent * 10 + (c - 48);
        c = b[++i];
      } while (c >= 48 && c <= 57);
      e10 += sign * exponent;
    }
    this.i = i;
    this.bigInt = null;
    let v;
    if (w < TWO_53 && e10 >= -22 && e10 <= 22) v = e10 === 0 ? w : e10 > 0 ? w * POW102[e10] : w / POW102[-e10];
    else return this.slowNumber(start, isFloat2);
    this.numberValue = negative ? -v : v;
    return isFloat2;
  }
  slowNumber(start, isFloat2) {
    const text2 = this.b.toString("latin1", start, this.i);
    this.numberValue = Number(text2);
    if (!isFloat2 && !Number.isSafeInteger(this.numberValue)) this.bigInt = BigInt(text2).toString();
    return isFloat2;
  }
  literal(word) {
    const b = this.b;
    for (let k = 0; k < word.length; k++) if (b[this.i + k] !== word.charCodeAt(k)) bail();
    this.i += word.length;
  }
  /** Whether the string `stringEnd` last found holds an escape. */
  escaped = false;
  /** The end of the string starting at `i` (its closing quote); `escaped` says whether it holds an escape. */
  stringEnd() {
    const b = this.b;
    const n = this.n;
    let i = this.i + 1;
    let escaped = false;
    for (; ; ) {
      if (i >= n) bail();
      const c = b[i];
      if (c === 34) break;
      if (c === 92) {
        escaped = true;
        i += 2;
      } else if (c < 32) bail();
      else i++;
    }
    this.escaped = escaped;
    return i;
  }
  string() {
    const start = this.i;
    const end = this.stringEnd();
    this.i = end + 1;
    return this.escaped ? decodeJsonString(this.b.toString("utf8", start, end + 1)) : this.b.toString("utf8", start + 1, end);
  }
  /** The member's key, appended to `key`. */
  readKey() {
    const start = this.i + 1;
    const end = this.stringEnd();
    this.i = end + 1;
    if (!this.escaped) {
      this.reserve(end - start);
      const { b, key } = this;
      for (let k = start, at = this.keyLength; k < end; k++, at++) key[at] = b[k];
      this.keyLength += end - start;
      return;
    }
    const text2 = decodeJsonString(this.b.toString("utf8", start - 1, end + 1));
    const encoded = Buffer.from(text2, "utf8");
    if (encoded.toString("utf8") !== text2) bail();
    this.reserve(encoded.length);
    encoded.copy(this.key, this.keyLength);
    this.keyLength += encoded.length;
  }
  append(byte) {
    this.reserve(1);
    this.key[this.keyLength++] = byte;
  }
  reserve(more) {
    if (this.keyLength + more <= this.key.length) return;
    const key = Buffer.allocUnsafe(Math.max(this.key.length * 2, this.keyLength + more));
    this.key.copy(key, 0, 0, this.keyLength);
    this.key = key;
  }
  /** A list: metrics leave lists out, so it is only checked. */
  array(depth) {
    if (!this.opened(depth, 93)) return;
    do {
      this.ws();
      this.skipValue(depth + 1);
    } while (this.more(93));
  }
  skipValue(depth) {
    const c = this.b[this.i];
    if (c === 123) this.skipObject(depth);
    else if (c === 91) this.array(depth);
    else if (c === 34) {
      this.i = this.stringEnd() + 1;
    } else if (c === 110) this.literal("null");
    else if (c === 116) this.literal("true");
    else if (c === 102) this.literal("false");
    else if (c === 78) this.literal("NaN");
    else if (c === 73) this.literal("Infinity");
    else if (c === 45 && this.b[this.i + 1] === 73) {
      this.i++;
      this.literal("Infinity");
    } else this.number();
  }
  /** A mapping inside a list: checked, and a repeated key sends the file to the general reader for its warning. */
  skipObject(depth) {
    if (!this.opened(depth, 125)) return;
    const keys = /* @__PURE__ */ new Set();
    do {
      this.ws();
      if (this.b[this.i] !== 34) bail();
      const key = this.string();
      if (keys.has(key)) bail();
      keys.add(key);
      this.colon();
      this.skipValue(depth + 1);
    } while (this.more(125));
  }
};
function decodeJsonString(literal2) {
  try {
    return JSON.parse(literal2);
  } catch {
    return bail();
  }
}

// src/dvc/formats/csv.ts
function parseCsvRecords(text2, delimiter) {
  const cells = scanCsv(text2, delimiter);
  const records = [];
  for (let r = 0; r < cells.records; r++) records.push({ fields: cells.fields(r), line: cells.line[r] });
  return records;
}
var CsvCells = class {
  constructor(text2, records, start, line, split, delimiter) {
    this.text = text2;
    this.records = records;
    this.start = start;
    this.line = line;
    this.split = split;
    this.delimiter = delimiter;
  }
  text;
  records;
  start;
  line;
  split;
  delimiter;
  /** Record `r`'s fields. */
  fields(r) {
    const s = this.start[r];
    if (s < 0) return this.split[-1 - s];
    const out = [];
    for (let k = s; ; ) {
      const e = this.fieldEnd(k);
      out.push(this.text.slice(k, e));
      if (this.text.charCodeAt(e) !== this.delimiter) return out;
      k = e + 1;
    }
  }
  /** Field `col` of record `r`; undefined when the record is shorter. */
  field(r, col) {
    const s = this.start[r];
    if (s < 0) return this.split[-1 - s][col];
    const k = this.fieldStart(s, col);
    return k < 0 ? void 0 : this.text.slice(k, this.fieldEnd(k));
  }
  /** Where field `col` of the plain record starting at `k` starts; -1 when the record has fewer fields. */
  fieldStart(k, col) {
    for (let c = 0; c < col; c++) {
      k = this.fieldEnd(k);
      if (this.text.charCodeAt(k) !== this.delimiter) return -1;
      k++;
    }
    return k;
  }
  /** Where the plain field starting at `k` ends: its delimiter, CR, LF or the text's end. */
  fieldEnd(k) {
    const { text: text2, delimiter } = this;
    const n = text2.length;
    for (; k < n; k++) {
      const c = text2.charCodeAt(k);
      if (c === delimiter || c === 10 || c === 13) break;
    }
    return k;
  }
  /**
   * Field `col` of records `from` to `to - 1` as numbers, with how many are NaN and whether the others never
   * decrease. A plain decimal is read straight from the text (no string made; see POWERS), any other field as `slow`
   * reads its text; a record without that field gives NaN. One loop with the splitting and the reading written into
   * it: in a fresh process V8 interprets a loop for a while before it optimises it, and a call per cell made a long
   * log's first column \u2248 2.5\u00D7 slower to read (bench/plots.bench.ts).
   */
  numbers(col, from, to, slow) {
    const { text: text2, start, delimiter } = this;
    const n = text2.length;
    const values = new Float64Array(to - from);
    let nans = 0;
    let ascending = true;
    let last = -Infinity;
    for (let r = from; r < to; r++) {
      let value = Number.NaN;
      let k = start[r];
      if (k < 0) {
        const cell = this.split[-1 - k][col];
        if (cell !== void 0) value = slow(cell, r - from);
      } else {
        for (let c = 0; c < col && k >= 0; c++) {
          let ch = 0;
          for (; k < n; k++) {
            ch = text2.charCodeAt(k);
            if (ch === delimiter || ch === 10 || ch === 13) break;
          }
          k = k < n && ch === delimiter ? k + 1 : -1;
        }
        if (k >= 0) {
          const s = k;
          let sign = 1;
          let mantissa = 0;
          let digits = 0;
          let scale = -1;
          let ch = text2.charCodeAt(k);
          if (ch === 45 || ch === 43) {
            if (ch === 45) sign = -1;
            k++;
          }
          for (; k < n; k++) {
            ch = text2.charCodeAt(k);
            if (ch >= 48 && ch <= 57) {
              mantissa = mantissa * 10 + (ch - 48);
              digits++;
            } else if (ch === 46 && scale < 0) scale = k;
            else break;
          }
          if (k === n || ch === delimiter || ch === 10 || ch === 13) {
            value = digits > 0 && digits <= 15 ? sign * mantissa / (scale < 0 ? 1 : POWERS[k - scale - 1]) : slow(text2.slice(s, k), r - from);
          } else value = slow(text2.slice(s, this.fieldEnd(k)), r - from);
        }
      }
      if (value !== value) nans++;
      else {
        if (value < last) ascending = false;
        last = value;
      }
      values[r - from] = value;
    }
    return { values, nans, ascending };
  }
};
function scanCsv(text2, delimiter) {
  const out = new CellsBuilder(text2.length);
  const n = text2.length;
  let i = text2.charCodeAt(0) === 65279 ? 1 : 0;
  let quote2 = text2.indexOf('"', i);
  let cr = text2.indexOf("\r", i);
  while (i < n) {
    let eol = text2.indexOf("\n", i);
    if (eol === -1) eol = n;
    if (quote2 !== -1 && quote2 < i) quote2 = text2.indexOf('"', i);
    if (cr !== -1 && cr < i) cr = text2.indexOf("\r", i);
    if (quote2 !== -1 && quote2 < eol || cr !== -1 && cr < eol - 1) {
      i = scanRecord(text2, i, delimiter.charCodeAt(0), out);
      continue;
    }
    if ((cr === eol - 1 ? eol - 1 : eol) > i) out.record(i, out.line, i);
    out.line++;
    i = eol + 1;
  }
  return new CsvCells(text2, out.records, out.start, out.lines, out.split, delimiter.charCodeAt(0));
}
function scanRecord(text2, i, d, out) {
  const n = text2.length;
  const startLine = out.line;
  const at = i;
  const fields = [];
  for (; ; ) {
    if (text2.charCodeAt(i) === 34) {
      const open4 = i;
      const openLine = out.line;
      let value = "";
      i++;
      for (; ; ) {
        const q = text2.indexOf('"', i);
        if (q === -1) {
          const col = open4 - text2.lastIndexOf("\n", open4 - 1);
          throw new SyntaxProblem("unterminated quoted field", openLine, col);
        }
        const part = text2.slice(i, q);
        for (let k = part.indexOf("\n"); k !== -1; k = part.indexOf("\n", k + 1)) out.line++;
        value += part;
        if (text2.charCodeAt(q + 1) === 34) {
          value += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      const rest = i;
      while (i < n && !ends(text2.charCodeAt(i), d)) i++;
      fields.push(value + text2.slice(rest, i));
    } else {
      const from = i;
      while (i < n && !ends(text2.charCodeAt(i), d)) i++;
      fields.push(text2.slice(from, i));
    }
    if (text2.charCodeAt(i) === d) {
      i++;
      continue;
    }
    break;
  }
  if (text2.charCodeAt(i) === 13) i++;
  if (text2.charCodeAt(i) === 10) i++;
  out.line++;
  if (fields.length > 1 || fields[0] !== "") {
    out.split.push(fields);
    out.record(-out.split.length, startLine, at);
  }
  return i;
}
var CellsBuilder = class {
  constructor(textLength) {
    this.textLength = textLength;
  }
  textLength;
  start = new Int32Array(1024);
  lines = new Int32Array(1024);
  records = 0;
  split = [];
  /** The line the scan is on (1-based). */
  line = 1;
  /** A record that starts at `at` in the text: `start` is `at`, or `-1 - i` for the i-th of `split`. */
  record(start, line, at) {
    if (this.records === this.start.length) {
      const length = Math.max(this.records + 1024, Math.ceil(this.records / Math.max(at, 1) * this.textLength * 1.0625));
      this.start = grown2(this.start, length);
      this.lines = grown2(this.lines, length);
    }
    this.start[this.records] = start;
    this.lines[this.records++] = line;
  }
};
function ends(c, delimiter) {
  return c === delimiter || c === 10 || c === 13;
}
function grown2(a, length) {
  const b = new Int32Array(length);
  b.set(a);
  return b;
}
var POWERS = Array.from({ length: 16 }, (_, i) => Number(`1e${i}`));
function csvNumber(cell) {
  const { value, isFloat: isFloat2 } = csvNumberValue(cell);
  if (!isFloat2) return Number.isNaN(value) ? void 0 : csvBigInt(cell, value, isFloat2) ?? value;
  return pyNumber(value, true);
}
function csvBigInt(cell, value, isFloat2) {
  return isFloat2 || Number.isNaN(value) || Number.isSafeInteger(value) ? null : BigInt(cell.trim());
}
function csvNumberValue(cell) {
  const t = cell.trim();
  const kind = csvNumberKind(t);
  READ2.isFloat = kind !== INT3;
  READ2.value = kind === NOT_A_NUMBER ? NaN : kind === SPECIAL ? specialValue(t) : Number(t);
  if (kind === NOT_A_NUMBER || kind !== SPECIAL && Number.isNaN(READ2.value)) READ2.isFloat = false;
  return READ2;
}
var READ2 = { value: NaN, isFloat: false };
var NOT_A_NUMBER = 0;
var INT3 = 1;
var FLOAT3 = 2;
var SPECIAL = 3;
function csvNumberKind(t) {
  if (!t) return NOT_A_NUMBER;
  let digits = 0;
  let float = false;
  for (let k = 0; k < t.length; k++) {
    const c = t.charCodeAt(k);
    if (c >= 48 && c <= 57) digits++;
    else if (c === 46 || c === 101 || c === 69) float = true;
    else if (!((c === 43 || c === 45) && (k === 0 || t[k - 1] === "e" || t[k - 1] === "E"))) return SPECIAL_TEXT.test(t) ? SPECIAL : NOT_A_NUMBER;
  }
  if (!digits) return NOT_A_NUMBER;
  return float ? FLOAT3 : INT3;
}
var SPECIAL_TEXT = /^([-+]?)(nan|inf|infinity)$/i;
function specialValue(t) {
  const m = SPECIAL_TEXT.exec(t);
  return m[2].toLowerCase() === "nan" ? NaN : m[1] === "-" ? -Infinity : Infinity;
}

// src/values/dagshub.ts
var COLUMNS = ["Name", "Value", "Timestamp", "Step"];
var MAX_RECORD_CHARS = 1024 * 1024;
function isLoggerHeader(fields) {
  const names = fields.map((f) => f.trim().toLowerCase());
  return names.includes("name") && names.includes("value");
}
function loggerMetricsFromRecords(records, withSeries = true, skipRow) {
  const header = records[0];
  if (!header || !isLoggerHeader(header.fields)) {
    throw new SyntaxProblem(`expected a header with the columns ${COLUMNS.join(", ")}`, header?.line ?? 1, 1);
  }
  const col = (name2) => header.fields.findIndex((f) => f.trim().toLowerCase() === name2.toLowerCase());
  const [name, value, timestamp, step] = COLUMNS.map(col);
  const last = /* @__PURE__ */ new Map();
  const series = /* @__PURE__ */ new Map();
  for (const record of records.slice(1)) {
    if (skipRow && record.fields.every((f) => !f.trim())) continue;
    const key = skipRow ? (record.fields[name] ?? "").trim() : record.fields[name] ?? "";
    const cell = record.fields[value] ?? "";
    const parsed = csvNumber(cell);
    if (parsed === void 0 && !skipRow)
      throw new SyntaxProblem(`value ${JSON.stringify(cell.slice(0, 40))} of ${JSON.stringify(key.slice(0, 80))} is not a number`, record.line, 1);
    if (!withSeries && !skipRow) {
      last.set(key, parsed);
      continue;
    }
    const unreadable = skipRow ? NaN : null;
    const point = {
      step: optionalNumber(record.fields[step], unreadable),
      value: parsed === void 0 ? NaN : parsed instanceof PyFloat ? parsed.value : Number(parsed),
      timestamp: optionalNumber(record.fields[timestamp], unreadable)
    };
    if (skipRow && !(key && Number.isFinite(point.value) && (point.step === null || Number.isInteger(point.step)) && (point.timestamp === null || Number.isFinite(point.timestamp)))) {
      skipRow(record.line);
      continue;
    }
    last.set(key, parsed);
    if (!withSeries) continue;
    const points = series.get(key);
    if (points) points.push(point);
    else series.set(key, [point]);
  }
  return { last, series };
}
function optionalNumber(cell, unreadable) {
  if (cell === void 0 || cell.trim() === "") return null;
  const n = csvNumber(cell);
  if (n === void 0) return unreadable;
  return n instanceof PyFloat ? n.value : Number(n);
}
function loggerLastValues(text2) {
  const reader = new LoggerReader();
  reader.write(text2);
  return reader.end();
}
var LoggerReader = class {
  /** Each name's place in `values` and `floats`: a row costs a lookup, not an object. */
  names = /* @__PURE__ */ new Map();
  values = [];
  floats = [];
  /** The exact value of each name whose last value is an int a double cannot hold (rare: at most a few). */
  bigInts = /* @__PURE__ */ new Map();
  header = null;
  nameCol = 0;
  valueCol = 0;
  /** Text after the last line break; a quoted name may hold line breaks, so a record can span lines. */
  partial = "";
  lineNo = 0;
  started = false;
  /**
   * ASCII pieces are read as bytes, where they lie, while no quote has been met: a row's name is found by its bytes
   * and its value checked from them, no string made, and only each name's last value kept (as its bytes, read as a
   * number by `end`). Null once text came in (`write`) or a quote was met: the text reader goes on from there.
   */
  bytes = new ByteNames();
  /** The bytes after the last line break, as `partial` is for text. */
  tail = Buffer.alloc(0);
  /** Where `cutCells` found a line's name and value cells: name start and end, value start and end. */
  cells = new Int32Array(4);
  /** A piece whose bytes are all ASCII (so it is the same text read as Latin-1). */
  writeAscii(chunk) {
    if (!this.bytes) return this.write(chunk.toString("latin1"));
    if (chunk.length) this.started = true;
    let from = 0;
    if (this.tail.length) {
      const lineEnd = chunk.indexOf(10);
      if (lineEnd === -1) {
        this.tail = Buffer.concat([this.tail, chunk]);
        return this.checkTail();
      }
      const line = Buffer.concat([this.tail, chunk.subarray(0, lineEnd + 1)]);
      this.tail = Buffer.alloc(0);
      const stop2 = this.lines(line, 0);
      from = lineEnd + 1;
      if (stop2 < 0) {
        this.leaveBytes(line.toString("latin1", -1 - stop2));
        return this.write(chunk.toString("latin1", from));
      }
    }
    const stop = this.lines(chunk, from);
    if (stop < 0) {
      this.leaveBytes("");
      return this.write(chunk.toString("latin1", -1 - stop));
    }
    this.tail = Buffer.from(chunk.subarray(stop));
    this.checkTail();
  }
  write(text2) {
    if (this.bytes) this.leaveBytes(this.tail.toString("latin1"));
    let chunk = this.partial + text2;
    if (!this.started && chunk.length) {
      this.started = true;
      if (chunk.charCodeAt(0) === 65279) chunk = chunk.slice(1);
    }
    const quoted = chunk.includes('"');
    let recordStart = 0;
    for (let end = chunk.indexOf("\n"); end !== -1; end = chunk.indexOf("\n", end + 1)) {
      if (!quoted && this.header) this.line(chunk, recordStart, end);
      else {
        const record = chunk.slice(recordStart, end);
        if (record.includes('"') && quotes(record) % 2) continue;
        this.record(record);
      }
      recordStart = end + 1;
    }
    this.partial = chunk.slice(recordStart);
    this.checkTail();
  }
  end() {
    if (this.bytes && this.tail.length) {
      const line = Buffer.concat([this.tail, NEWLINE]);
      this.tail = Buffer.alloc(0);
      const stop = this.lines(line, 0);
      if (stop < 0) this.leaveBytes(line.toString("latin1", -1 - stop, line.length - 1));
    }
    if (this.partial) this.record(this.partial);
    this.partial = "";
    if (!this.header) throw new SyntaxProblem(`expected a header with the columns ${COLUMNS.join(", ")}`, 1, 1);
    const last = /* @__PURE__ */ new Map();
    const bytes = this.bytes;
    if (bytes) {
      for (let i = 0; i < bytes.count; i++) {
        const cell = bytes.value(i);
        const read = csvNumberValue(cell);
        last.set(bytes.name(i), read.isFloat ? pyNumber(read.value, true) : csvBigInt(cell, read.value, false) ?? read.value);
      }
    } else for (const [name, i] of this.names) last.set(name, this.floats[i] ? pyNumber(this.values[i], true) : this.bigInts.get(i) ?? this.values[i]);
    return last;
  }
  /** Memory goes by names, not by bytes; one endless line (or an unclosed quote) must not undo that. */
  checkTail() {
    if (this.partial.length + this.tail.length > MAX_RECORD_CHARS) {
      throw new SyntaxProblem(`a record longer than ${MAX_RECORD_CHARS.toLocaleString("en-US")} characters (an unclosed quote?)`, this.lineNo + 1, 1);
    }
  }
  /** From bytes to text: the names and last values so far go to the text reader's tables, `partial` is what is left. */
  leaveBytes(partial) {
    const bytes = this.bytes;
    this.bytes = null;
    this.tail = Buffer.alloc(0);
    for (let i = 0; i < bytes.count; i++) {
      const cell = bytes.value(i);
      const read = csvNumberValue(cell);
      this.names.set(bytes.name(i), i);
      this.values[i] = read.value;
      this.floats[i] = read.isFloat;
      this.keepExact(i, cell, read);
    }
    this.partial = partial;
  }
  /**
   * The whole lines of `buf` from `from`, as `line` reads them: returns where the first line not read starts (the
   * piece's end, or a line with no line break yet), or `-1 - start` of a line with a quote, for the text reader.
   */
  lines(buf, from) {
    for (; ; ) {
      const at = this.scan(buf, from);
      if (at >= 0) return at;
      const start = Math.floor((-1 - at) / 2);
      if ((-1 - at) % 2 === QUOTE) return -1 - start;
      from = this.rareLine(buf, start);
    }
  }
  /**
   * The common lines of `buf` from `from`: a name already met and a plain decimal value. Returns where the whole lines
   * end, or where it stopped: `-1 - (2 * start + why)` for the line at `start` with a quote (QUOTE) or one that needs
   * more (RARE: the header, a new name, any other value; `rareLine`). One small loop with nothing rare in it and one
   * way out: in a fresh process V8 interprets a loop until it has compiled it, a bigger function takes longer to
   * compile, and a way out first taken after that (one with no feedback) throws the compiled code away.
   */
  scan(buf, from) {
    const n = buf.length;
    const { nameCol, valueCol } = this;
    const lastCol = nameCol > valueCol ? nameCol : valueCol;
    const bytes = this.bytes;
    const rare = this.header === null;
    let lineNo = this.lineNo;
    let start = from;
    let stop = -1;
    lines: while (start < n) {
      let nameStart = start;
      let nameEnd = start;
      let valueStart = start;
      let valueEnd = start;
      let col = 0;
      let cellStart = start;
      let k = start;
      let c = 0;
      for (; k < n; k++) {
        c = buf[k];
        if (c === 44 || c === 10) {
          const cellEnd = c === 10 && k > cellStart && buf[k - 1] === 13 ? k - 1 : k;
          if (col === nameCol) {
            nameStart = cellStart;
            nameEnd = cellEnd;
          }
          if (col === valueCol) {
            valueStart = cellStart;
            valueEnd = cellEnd;
          }
          if (c === 10 || col === lastCol) break;
          col++;
          cellStart = k + 1;
        } else if (c === 34) {
          stop = QUOTE;
          break lines;
        }
      }
      if (c !== 10) {
        for (k++; k < n; k++) {
          c = buf[k];
          if (c === 10) break;
          if (c === 34) {
            stop = QUOTE;
            break lines;
          }
        }
      }
      if (k >= n) break;
      if (k === start || k === start + 1 && buf[start] === 13) {
        lineNo++;
        start = k + 1;
        continue;
      }
      let v = valueStart;
      c = buf[v];
      if (c === 43 || c === 45) v++;
      let digits = v;
      while (v < valueEnd && (c = buf[v]) >= 48 && c <= 57) v++;
      let plain = v > digits;
      if (plain && v < valueEnd && buf[v] === 46) {
        digits = ++v;
        while (v < valueEnd && (c = buf[v]) >= 48 && c <= 57) v++;
        plain = v > digits;
      }
      if (plain && v < valueEnd && (buf[v] | 32) === 101) {
        v++;
        if (v < valueEnd && ((c = buf[v]) === 43 || c === 45)) v++;
        digits = v;
        while (v < valueEnd && (c = buf[v]) >= 48 && c <= 57) v++;
        plain = v > digits;
      }
      const i = rare || !plain || v !== valueEnd || valueEnd - valueStart > VALUE_BYTES ? -1 : bytes.find(buf, nameStart, nameEnd);
      if (i < 0) {
        stop = RARE;
        break;
      }
      bytes.keep(i, buf, valueStart, valueEnd);
      lineNo++;
      start = k + 1;
    }
    this.lineNo = lineNo;
    return stop < 0 ? start : -1 - (2 * start + stop);
  }
  /** The line at `start` that `scan` left (it has a line break), read as `line` reads it; returns where the next starts. */
  rareLine(buf, start) {
    const lineEnd = buf.indexOf(10, start);
    const text2 = buf.toString("latin1", start, lineEnd);
    if (!this.header) {
      this.record(text2);
      return lineEnd + 1;
    }
    const line = ++this.lineNo;
    const [nameStart, nameEnd, valueStart, valueEnd] = this.cutCells(text2, 0, text2.endsWith("\r") ? text2.length - 1 : text2.length);
    this.check(text2.slice(nameStart, nameEnd), text2.slice(valueStart, valueEnd), line);
    this.bytes.keep(this.bytes.slot(buf, start + nameStart, start + nameEnd), buf, start + valueStart, start + valueEnd);
    return lineEnd + 1;
  }
  record(text2) {
    const first = this.lineNo + 1;
    this.lineNo += lineBreaks(text2) + 1;
    const body = text2.endsWith("\r") ? text2.slice(0, -1) : text2;
    if (!body) return;
    const fields = body.includes('"') ? parseCsvRecords(body, ",")[0]?.fields ?? [""] : body.split(",");
    if (!this.header) {
      if (!isLoggerHeader(fields)) throw new SyntaxProblem(`expected a header with the columns ${COLUMNS.join(", ")}`, first, 1);
      this.header = fields;
      const names = fields.map((f) => f.trim().toLowerCase());
      this.nameCol = names.indexOf("name");
      this.valueCol = names.indexOf("value");
      return;
    }
    this.take(fields[this.nameCol] ?? "", fields[this.valueCol] ?? "", first);
  }
  /** A record with no quote in `chunk[start, end)`: only its name and value cells are cut out. */
  line(chunk, start, end) {
    const first = ++this.lineNo;
    if (end > start && chunk.charCodeAt(end - 1) === 13) end--;
    if (end === start) return;
    const [nameStart, nameEnd, valueStart, valueEnd] = this.cutCells(chunk, start, end);
    this.take(chunk.slice(nameStart, nameEnd), chunk.slice(valueStart, valueEnd), first);
  }
  /** Where the name's and the value's cells of the quote-free line `text[start, end)` start and end (empty when short). */
  cutCells(text2, start, end) {
    const cells = this.cells.fill(start);
    const lastCol = Math.max(this.nameCol, this.valueCol);
    for (let col = 0, at = start; ; col++) {
      let comma = text2.indexOf(",", at);
      if (comma === -1 || comma > end) comma = end;
      if (col === this.nameCol) {
        cells[0] = at;
        cells[1] = comma;
      }
      if (col === this.valueCol) {
        cells[2] = at;
        cells[3] = comma;
      }
      if (comma === end || col === lastCol) break;
      at = comma + 1;
    }
    return cells;
  }
  take(name, cell, line) {
    const read = this.check(name, cell, line);
    let i = this.names.get(name);
    if (i === void 0) {
      i = this.values.length;
      this.names.set(name, i);
    }
    this.values[i] = read.value;
    this.floats[i] = read.isFloat;
    this.keepExact(i, cell, read);
  }
  /** Keeps name `i`'s int when a double cannot hold it (beyond \u00B12^53); forgets an earlier one. */
  keepExact(i, cell, read) {
    const big = csvBigInt(cell, read.value, read.isFloat);
    if (big !== null) this.bigInts.set(i, big);
    else if (this.bigInts.size) this.bigInts.delete(i);
  }
  /** The cell read as a number; an error naming the line when it is none. */
  check(name, cell, line) {
    const read = csvNumberValue(cell);
    if (Number.isNaN(read.value) && !read.isFloat)
      throw new SyntaxProblem(`value ${JSON.stringify(cell.slice(0, 40))} of ${JSON.stringify(name.slice(0, 80))} is not a number`, line, 1);
    return read;
  }
};
var NEWLINE = Buffer.from("\n");
var QUOTE = 0;
var RARE = 1;
var VALUE_BYTES = 32;
var ByteNames = class {
  count = 0;
  table = new Int32Array(64).fill(-1);
  hashes = new Int32Array(32);
  nameStart = new Int32Array(32);
  nameLength = new Int32Array(32);
  namePool = Buffer.alloc(1024);
  nameBytes = 0;
  values = Buffer.alloc(32 * VALUE_BYTES);
  valueLength = new Int32Array(32);
  longValues = [];
  /** The place of the name in `buf[start, end)`, -1 when it is new. */
  find(buf, start, end) {
    const h = hash(buf, start, end);
    const length = end - start;
    const mask = this.table.length - 1;
    for (let p = h & mask; ; p = p + 1 & mask) {
      const i = this.table[p];
      if (i === -1) return -1;
      if (this.hashes[i] !== h || this.nameLength[i] !== length) continue;
      const at = this.nameStart[i];
      let k = 0;
      while (k < length && this.namePool[at + k] === buf[start + k]) k++;
      if (k === length) return i;
    }
  }
  /** The same, added when new. */
  slot(buf, start, end) {
    const i = this.find(buf, start, end);
    return i < 0 ? this.add(buf, start, end) : i;
  }
  /** Name `i`'s last value is `buf[start, end)`. */
  keep(i, buf, start, end) {
    const length = end - start;
    if (length > VALUE_BYTES) {
      this.longValues[i] = buf.toString("latin1", start, end);
      this.valueLength[i] = -1;
      return;
    }
    const values = this.values;
    for (let k = 0, at = i * VALUE_BYTES; k < length; k++) values[at + k] = buf[start + k];
    this.valueLength[i] = length;
  }
  name(i) {
    return this.namePool.toString("latin1", this.nameStart[i], this.nameStart[i] + this.nameLength[i]);
  }
  value(i) {
    const length = this.valueLength[i];
    return length < 0 ? this.longValues[i] : this.values.toString("latin1", i * VALUE_BYTES, i * VALUE_BYTES + length);
  }
  add(buf, start, end) {
    const h = hash(buf, start, end);
    const mask = this.table.length - 1;
    let p = h & mask;
    while (this.table[p] !== -1) p = p + 1 & mask;
    const i = this.count++;
    const length = end - start;
    if (i === this.hashes.length) {
      this.hashes = grown3(this.hashes, 2 * i);
      this.nameStart = grown3(this.nameStart, 2 * i);
      this.nameLength = grown3(this.nameLength, 2 * i);
      this.valueLength = grown3(this.valueLength, 2 * i);
      const values = Buffer.alloc(2 * i * VALUE_BYTES);
      this.values.copy(values);
      this.values = values;
    }
    if (this.nameBytes + length > this.namePool.length) {
      const pool = Buffer.alloc(2 * (this.nameBytes + length));
      this.namePool.copy(pool, 0, 0, this.nameBytes);
      this.namePool = pool;
    }
    buf.copy(this.namePool, this.nameBytes, start, end);
    this.hashes[i] = h;
    this.nameStart[i] = this.nameBytes;
    this.nameLength[i] = length;
    this.nameBytes += length;
    this.table[p] = i;
    if (2 * this.count > this.table.length) this.rehash();
    return i;
  }
  rehash() {
    const table = new Int32Array(2 * this.table.length).fill(-1);
    const mask = table.length - 1;
    for (let i = 0; i < this.count; i++) {
      let p = this.hashes[i] & mask;
      while (table[p] !== -1) p = p + 1 & mask;
      table[p] = i;
    }
    this.table = table;
  }
};
function hash(buf, start, end) {
  let h = 2166136261 | 0;
  for (let i = start; i < end; i++) h = Math.imul(h ^ buf[i], 16777619);
  return h;
}
function grown3(a, length) {
  const b = new Int32Array(length);
  b.set(a);
  return b;
}
function quotes(text2) {
  let n = 0;
  for (let i = text2.indexOf('"'); i !== -1; i = text2.indexOf('"', i + 1)) n++;
  return n;
}
function lineBreaks(text2) {
  let n = 0;
  for (let i = text2.indexOf("\n"); i !== -1; i = text2.indexOf("\n", i + 1)) n++;
  return n;
}

// src/values/parse.ts
function parseValueFile(path, text2, kind) {
  const ext = extension(path);
  if (kind === "metrics" && (ext === ".csv" || ext === ".tsv")) {
    return withPosition(path, ext.slice(1).toUpperCase(), () => parseMetricsTable(text2, ext === ".csv" ? "," : "	"));
  }
  return parseDataFile(path, text2);
}
function parseMetricsTable(text2, delimiter) {
  const firstLine = text2.slice(0, text2.indexOf("\n") === -1 ? text2.length : text2.indexOf("\n"));
  if (delimiter === "," && !firstLine.includes('"') && isLoggerHeader(firstLine.replace(/^\ufeff/, "").split(","))) {
    return { data: new Map(loggerLastValues(text2)), warnings: [] };
  }
  const records = parseCsvRecords(text2, delimiter);
  const header = records[0];
  if (!header) return { data: /* @__PURE__ */ new Map(), warnings: [] };
  if (delimiter === "," && isLoggerHeader(header.fields)) {
    return { data: new Map(loggerMetricsFromRecords(records, false).last), warnings: [] };
  }
  const last = records.at(-1);
  if (last === header) return { data: /* @__PURE__ */ new Map(), warnings: [] };
  if (last.fields.length > header.fields.length) {
    throw new SyntaxProblem(`${last.fields.length} fields but the header has ${header.fields.length}`, last.line, 1);
  }
  const data = /* @__PURE__ */ new Map();
  header.fields.forEach((name, i) => {
    const cell = last.fields[i];
    if (cell === void 0 || cell === "") return;
    data.set(name, csvNumber(cell) ?? cell);
  });
  const warnings = records.length > 2 ? [`${records.length - 1} rows: the last one (line ${last.line}) gives the metrics`] : [];
  return { data, warnings };
}

// src/values/collect.ts
var LOGGER_METRICS = "metrics.csv";
var LOGGER_PARAMS = "params.yml";
var UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
async function openProjectData(workspace, log, options = {}) {
  try {
    return await PipelineData.open(workspace, options);
  } catch (error) {
    log.warning(`DVC outputs missing from git are not read from the cache or the remote: ${describeError(error)}`);
    return null;
  }
}
async function compareTrees(a, b, targets, log, kinds = ["metrics", "params"]) {
  const errors = [];
  const headErrors = [];
  const parsedAtBase = /* @__PURE__ */ new Set();
  const notKnownAtBase = /* @__PURE__ */ new Map();
  const cachedAtBase = /* @__PURE__ */ new Map();
  const cachedAtHead = /* @__PURE__ */ new Map();
  const sideA = a ? await selectFiles(a, targets, log) : null;
  const sideB = await selectFiles(b, targets, log, headErrors);
  if (a && sideA) for (const { file, error } of sideA.unloaded) errors.push({ rev: a.name, path: file, message: error, warned: true });
  const plans = await Promise.all(
    kinds.map(async (kind) => {
      const pathsA = sideA ? filesOf(sideA, kind) : /* @__PURE__ */ new Map();
      const pathsB = filesOf(sideB, kind);
      const goneA = a ? absentFolders(pathsA, pathsB, await a.list()) : /* @__PURE__ */ new Set();
      const goneB = a ? absentFolders(pathsB, pathsA, await b.list()) : /* @__PURE__ */ new Set();
      for (const folder of goneA) errors.push(notPresent(a, folder));
      for (const folder of goneB) errors.push(notPresent(b, folder));
      const paths = [.../* @__PURE__ */ new Set([...pathsA.keys(), ...pathsB.keys()])].sort();
      const named = targets[kind] ? [] : void 0;
      const said = /* @__PURE__ */ new Set();
      for (const p of targets[kind] ? sideB.named[kind].unmatched : []) {
        if (sideA && !sideA.named[kind].unmatched.has(p)) continue;
        const message = `${kind} target ${JSON.stringify(p)}: no such file${a ? ` at ${a.name} or` : " in"} ${b.name}`;
        log.warning(message);
        for (const tree of [a, b]) if (tree) errors.push({ rev: tree.name, path: p, message, warned: true });
        said.add(projectPath(p));
      }
      return { kind, pathsA, pathsB, goneA, goneB, paths, named, said };
    })
  );
  const readAll = async (tree, which) => {
    if (!tree?.readMany) return /* @__PURE__ */ new Map();
    const wanted = /* @__PURE__ */ new Set();
    for (const plan of plans) {
      for (const p of plan.paths) if ((plan[which].get(p) ?? plan.named) !== void 0 && !isMetricsCsv(plan.kind, p)) wanted.add(p);
    }
    const paths = [...wanted];
    const got = await readFiles(tree, paths);
    return new Map(paths.map((p, i) => [p, got[i]]));
  };
  const readA = await readAll(sideA && a, "pathsA");
  const readB = await readAll(b, "pathsB");
  const compare = async ({ kind, pathsA, pathsB, goneA, goneB, paths, named, said }) => {
    const diffs = [];
    const sides = {
      a,
      b,
      sideA,
      sideB,
      pathsA,
      pathsB,
      readA,
      readB,
      goneA,
      goneB,
      said,
      kind,
      errors,
      headErrors,
      notKnownAtBase,
      cachedAtBase,
      cachedAtHead,
      log
    };
    for (const path of paths) {
      let fileA = sideFile(sides, path, "a", pathsA.get(path) ?? named);
      if (fileA instanceof Promise) fileA = await fileA;
      if (kind === "metrics" && fileA?.status === "ok" && valueCount(fileA.values)) parsedAtBase.add(path);
      const table = fileA?.status === "ok" && fileA.values instanceof FlatValues ? fileA.values.table : void 0;
      let fileB = sideFile(sides, path, "b", pathsB.get(path) ?? named, table);
      if (fileB instanceof Promise) fileB = await fileB;
      diffs.push(diffValueFile(path, fileA, fileB, { base: a?.name ?? "base", head: b.name }));
    }
    return diffs;
  };
  const comparison = { metrics: [], params: [], errors, headErrors, parsedAtBase, notKnownAtBase, cachedAtBase, cachedAtHead };
  for (const plan of plans) comparison[plan.kind] = await compare(plan);
  return comparison;
}
function notPresent(tree, path) {
  return { rev: tree.name, path, message: `${path}: not present at ${tree.name}`, warned: false };
}
function sideFile(sides, path, which, keys, table) {
  const tree = which === "a" ? sides.a : sides.b;
  const side = which === "a" ? sides.sideA : sides.sideB;
  if (!tree || !side) return null;
  if (keys === void 0) return { status: "missing", note: unnamedNote(sides, which, path, tree.name) };
  const noted = (file) => {
    const tracker = (which === "a" ? sides.sideB : sides.sideA)?.dvcFileOf.get(path);
    if (file.status === "missing" && tracker !== void 0 && side.unloadedDvcFiles.has(tracker)) {
      noteNotKnownAtBase(sides, which, path, `${tracker}, which tracks it, does not load at the base (${tree.name}): ${loadErrorOf(side, tracker)}`);
      return { status: "missing", note: notKnownNote(tree.name, `${tracker}, which tracks it, does not load there`) };
    }
    if (file.status === "missing" && (which === "a" ? sides.pathsA : sides.pathsB).has(path) && !sides.said.has(path)) {
      sides.errors.push(file.note ? { rev: tree.name, path, message: `${path}: ${file.note}`, warned: false } : notPresent(tree, path));
    }
    const unreadable = file.status === "missing" && sides.kind === "metrics" ? whyUnreadable(tree, path) : void 0;
    if (unreadable) (which === "a" ? sides.cachedAtBase : sides.cachedAtHead).set(path, `${tree.name}: ${unreadable}`);
    if (file.status === "error") {
      sides.errors.push({ rev: tree.name, side: which === "a" ? "base" : "head", kind: sides.kind, path, message: file.message, warned: true });
      if (sides.kind !== "params" || which !== "b") sides.log.warning(`${tree.name}: ${file.message}`, { file: path });
      else if (!sides.headErrors.includes(file.message)) sides.headErrors.push(file.message);
    }
    return file;
  };
  const batch = which === "a" ? sides.readA : sides.readB;
  const dvcTracked = side.dvcOuts.has(path);
  if (!batch.has(path)) return readValueFile(tree, path, sides.kind, keys, dvcTracked, table).then(noted);
  const read = batch.get(path);
  batch.delete(path);
  return noted(valueFileFrom(tree, path, sides.kind, keys, dvcTracked, read, table));
}
function whyUnreadable(tree, path) {
  return "whyMissing" in tree ? tree.whyMissing(path) : void 0;
}
function absentFolders(paths, other, listed) {
  const gone = /* @__PURE__ */ new Set();
  for (const path of paths.keys()) {
    if (other.has(path) || isListed(listed, path)) continue;
    const prefix = `${path}/`;
    for (const p of other.keys()) {
      if (p.startsWith(prefix)) {
        gone.add(path);
        break;
      }
    }
  }
  for (const path of gone) paths.delete(path);
  return gone;
}
function isListed(listed, path) {
  let lo = 0;
  let hi = listed.length;
  while (lo < hi) {
    const mid = lo + hi >>> 1;
    if (listed[mid] < path) lo = mid + 1;
    else hi = mid;
  }
  return listed[lo] === path;
}
function unnamedNote(sides, which, path, name) {
  const side = which === "a" ? sides.sideA : sides.sideB;
  const named = side.named[sides.kind];
  const lacked = ancestorIn(path, which === "a" ? sides.goneA : sides.goneB) ?? ancestorIn(path, named.folders);
  if (lacked !== null || named.globs.some((re) => re.test(path))) return `not present at ${name}`;
  const file = ancestorIn(path, which === "a" ? sides.pathsA : sides.pathsB);
  if (file !== null) return `not present at ${name} (${file} is a file there)`;
  if (named.folders.has(path)) return `a folder at ${name}: its files are compared under their own paths`;
  const unloaded = side.unloadedDvcYamls.find((file2) => posix8.dirname(file2) === "." || path.startsWith(`${posix8.dirname(file2)}/`));
  if (unloaded) {
    noteNotKnownAtBase(sides, which, path, `${unloaded} at the base (${name}) does not load: ${loadErrorOf(side, unloaded)}`);
    return notKnownNote(name, `${unloaded} does not load there`);
  }
  return `not named in dvc.yaml at ${name}`;
}
function noteNotKnownAtBase(sides, which, path, why) {
  if (which === "a" && sides.kind === "metrics") sides.notKnownAtBase.set(path, why);
}
function loadErrorOf(side, file) {
  return side.unloaded.find((u) => u.file === file)?.error ?? "it does not load";
}
function ancestorIn(path, paths) {
  if (!paths.size) return null;
  for (let cut = path.lastIndexOf("/"); cut > 0; cut = path.lastIndexOf("/", cut - 1)) if (paths.has(path.slice(0, cut))) return path.slice(0, cut);
  return paths.has("") ? "" : null;
}
var trackedVarKeys = /* @__PURE__ */ new WeakSet();
function filesOf(side, kind) {
  return kind === "params" ? side.params : new Map(side.metrics.map((p) => [p, []]));
}
var isMetricsCsv = (kind, path) => kind === "metrics" && extension(path) === ".csv";
async function readValueFile(tree, path, kind, keys, dvcTracked, table) {
  let read;
  try {
    if (isMetricsCsv(kind, path)) {
      const csv = await readMetricsCsv(tree, path);
      if (csv && "parsed" in csv) return { status: "ok", values: flattenMetrics(csv.parsed.data), warnings: csv.parsed.warnings };
      read = csv && csv.bytes;
    } else read = await tree.read(path);
  } catch (error) {
    return failed(path, error);
  }
  return valueFileFrom(tree, path, kind, keys, dvcTracked, read, table);
}
function valueFileFrom(tree, path, kind, keys, dvcTracked, read, table) {
  if (read instanceof Error) return failed(path, read);
  if (!read) {
    const why = whyUnreadable(tree, path);
    if (why) return { status: "missing", note: cachedUnreadableNote(tree.name, tree.isCommit, why) };
    if (tree.isCommit && dvcTracked) return { status: "missing", note: `not in git at ${tree.name} (DVC-tracked)` };
    return { status: "missing", note: `not present at ${tree.name}` };
  }
  const bom = extension(path) === ".json" ? jsonBomProblem(read) : null;
  if (bom) return { status: "error", message: `${path}: ${bom}` };
  if (kind === "metrics" && extension(path) === ".json") {
    const values = flattenJsonMetrics(read, table ?? new KeyTable());
    if (values) return { status: "ok", values, warnings: [] };
  }
  try {
    let text2;
    try {
      text2 = UTF8.decode(read);
    } catch {
      return { status: "error", message: `${path}: not UTF-8 text (DVC reads values files as UTF-8)` };
    }
    const parsed = parseValueFile(path, text2, kind);
    const values = kind === "metrics" ? flattenMetrics(parsed.data) : flattenParams(parsed.data, keys, trackedVarKeys.has(keys));
    return { status: "ok", values, warnings: parsed.warnings };
  } catch (error) {
    return failed(path, error);
  }
}
function failed(path, error) {
  const message = describeError(error);
  return { status: "error", message: message.startsWith(path) ? message : `${path}: ${message}` };
}
async function readMetricsCsv(tree, path) {
  const chunks = await tree.chunks(path);
  if (!chunks) return null;
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
  let ascii = true;
  const decode2 = (chunk) => {
    if (chunk && ascii && isAscii(chunk)) return chunk.toString("latin1");
    ascii = false;
    try {
      return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
    } catch {
      throw new UserError("not UTF-8 text (DVC reads values files as UTF-8)");
    }
  };
  const whole = [];
  let size = 0;
  let reader = null;
  let head = "";
  const feed = (chunk) => {
    if (ascii && isAscii(chunk)) reader.writeAscii(chunk);
    else {
      const text2 = decode2(chunk);
      reader.write(text2);
    }
  };
  const start = (chunk) => {
    if (head === null) return null;
    const lineEnd = ascii && isAscii(chunk) ? chunk.indexOf(10) : -1;
    head += decode2(lineEnd === -1 ? chunk : chunk.subarray(0, lineEnd + 1));
    const firstBreak = head.indexOf("\n");
    if (firstBreak === -1) return null;
    const firstLine = head.slice(0, firstBreak).replace(/^\ufeff/, "");
    if (firstLine.includes('"') || !isLoggerHeader(firstLine.split(","))) {
      head = null;
      return null;
    }
    const started = new LoggerReader();
    const text2 = head;
    withPosition(path, "CSV", () => {
      if (ascii) for (const piece of whole) started.writeAscii(piece);
      else started.write(text2);
    });
    whole.length = 0;
    return started;
  };
  for await (const chunk of chunks) {
    if (reader) {
      withPosition(path, "CSV", () => feed(chunk));
      continue;
    }
    size += chunk.length;
    if (size > MAX_FILE_BYTES) throw new RefusedRead(`${path}: larger than the ${MAX_FILE_BYTES / 1024 / 1024} MiB a project file may have; not read`);
    whole.push(chunk);
    reader = start(chunk);
    if (!reader) whole[whole.length - 1] = Buffer.from(chunk);
  }
  if (reader) {
    const last = withPosition(path, "CSV", () => {
      if (!ascii) reader.write(decode2());
      return reader.end();
    });
    return { parsed: { data: new Map(last), warnings: [] } };
  }
  return { bytes: Buffer.concat(whole) };
}
async function selectFiles(tree, targets, log, fatal) {
  const needDvcYaml = !targets.metrics || !targets.params;
  const all = await tree.list();
  let files = projectFiles([]);
  let dvcYamls = 0;
  const dvcFileOf = /* @__PURE__ */ new Map();
  const unloadedDvcFiles = /* @__PURE__ */ new Set();
  const unloadedDvcYamls = [];
  let unloaded = [];
  if (needDvcYaml) {
    const project = await projectOf(tree);
    unloaded = project.errors;
    for (const { file, error } of project.errors) {
      const dvcFile = file.endsWith(".dvc");
      if (dvcFile) unloadedDvcFiles.add(file);
      else if (isDvcYaml(file)) unloadedDvcYamls.push(file);
      if (fatal) fatal.push(error);
      else log.warning(`${tree.name}: ${error} (${dvcFile ? "the data it tracks is not known there" : "the metrics and params it names are skipped"})`);
    }
    for (const { file, outs } of project.dvcFiles) for (const out of outs) dvcFileOf.set(out.path, file);
    files = projectFiles(project.dvcYamls, project.dvcFiles);
    dvcYamls = project.dvcYamls.length + project.errors.length;
  }
  if (!dvcYamls) {
    if (!targets.metrics && !files.metrics.length && all.includes(LOGGER_METRICS)) files.metrics.push(LOGGER_METRICS);
    if (!targets.params && !files.topParams.length && !files.params.size && all.includes(LOGGER_PARAMS)) files.topParams.push(LOGGER_PARAMS);
  }
  const named = {
    metrics: { folders: /* @__PURE__ */ new Set(), globs: [], unmatched: /* @__PURE__ */ new Set() },
    params: { folders: /* @__PURE__ */ new Set(), globs: [], unmatched: /* @__PURE__ */ new Set() }
  };
  const expand = (patterns, into, given = false) => {
    const out = /* @__PURE__ */ new Set();
    for (const p of patterns) {
      let clean;
      try {
        clean = projectPath(p);
      } catch (error) {
        log.warning(`${tree.name}: skipped ${JSON.stringify(p)}: ${describeError(error)}`);
        continue;
      }
      const re = isGlob(clean) ? globToRegExp(clean) : null;
      const under = clean ? all.filter((f) => re ? re.test(f) : f.startsWith(`${clean}/`)) : all;
      if (given && !under.length && (re || !all.includes(clean))) into.unmatched.add(p);
      if (!clean && !under.length) continue;
      if (re) {
        under.forEach((f) => out.add(f));
        into.globs.push(re);
      } else if (under.length && !all.includes(clean)) {
        under.forEach((f) => out.add(f));
        into.folders.add(clean);
      } else out.add(clean);
    }
    return [...out].sort();
  };
  files.metrics = targets.metrics ? expand(targets.metrics, named.metrics, true) : expand(files.metrics, named.metrics);
  if (targets.params) files.params = new Map(expand(targets.params, named.params, true).map((p) => [p, []]));
  else {
    if (!targets.depsOnly) {
      for (const p of files.topParams) files.params.set(p, []);
      if (all.includes("params.yaml")) files.params.set("params.yaml", []);
    }
    for (const [file, keys] of files.vars) {
      if (files.params.has(file) || !all.includes(file)) continue;
      files.params.set(file, keys);
      trackedVarKeys.add(keys);
    }
    const expanded = /* @__PURE__ */ new Map();
    for (const [p, keys] of files.params) for (const f of expand([p], named.params)) expanded.set(f, keys);
    files.params = expanded;
  }
  return { ...files, named, dvcFileOf, unloadedDvcFiles, unloadedDvcYamls, unloaded };
}
function projectOf(tree) {
  return "project" in tree ? tree.project() : loadProject(tree);
}

// src/values/dvc-output.ts
var DEFAULT_PRECISION = 5;
var CHUNK2 = 1 << 16;
var ChunkedWriter = class {
  constructor(write) {
    this.write = write;
  }
  write;
  pending = [];
  size = 0;
  add(text2) {
    this.pending.push(text2);
    this.size += text2.length;
  }
  /** A row ends here: pass on what is collected if it is big enough. */
  rowEnd() {
    if (this.size >= CHUNK2) this.flush();
  }
  flush() {
    if (this.pending.length) this.write(this.pending.join(""));
    this.pending = [];
    this.size = 0;
  }
};
function writeDvcDiffJson(files, all, write) {
  const out = new ChunkedWriter(write);
  out.add("{");
  let firstFile = true;
  for (const file of [...files].sort((x, y) => x.path < y.path ? -1 : x.path > y.path ? 1 : 0)) {
    let firstRow = true;
    for (const r of diffRows(file)) {
      if (!all && !r.changed) continue;
      if (firstRow) out.add(`${firstFile ? "" : ", "}${pyJsonString(file.path)}: {`);
      else out.add(", ");
      firstRow = false;
      firstFile = false;
      out.add(`${pyJsonString(r.key)}: {"old": ${pyJsonLeaf(r.old)}, "new": ${pyJsonLeaf(r.new)}`);
      if (r.diff !== void 0) out.add(`, "diff": ${pyJsonLeaf(rowDiffLeaf(r))}`);
      out.add("}");
      out.rowEnd();
    }
    if (!firstRow) out.add("}");
  }
  out.add("}");
  out.flush();
}
function writeDvcDiffTable(files, options, write) {
  const escape = options.markdown ? options.markdown.escape : null;
  const headers = ["Path", options.title, options.aRev, options.bRev];
  if (options.showChange) headers.push("Change");
  if (escape) headers.forEach((h, i) => headers[i] = escape(h));
  const cells = (file, r) => {
    const row2 = [file.path, r.key, displayValue(r.old, options.precision), displayValue(r.new, options.precision)];
    if (options.showChange) row2.push(r.diff === void 0 ? "-" : displayValue(rowDiffLeaf(r), options.precision));
    return escape ? row2.map(escape) : row2;
  };
  const w = headers.map((h) => h.length + 2);
  let rows = 0;
  for (const file of files) {
    for (const r of diffRows(file)) {
      if (!options.all && !r.changed) continue;
      rows += 1;
      cells(file, r).forEach((c, i) => w[i] = Math.max(w[i], c.length));
    }
  }
  if (!rows && !options.markdown) return;
  const from = options.noPath ? 1 : 0;
  const line = options.markdown ? (row2) => `| ${row2.slice(from).map((c, i) => c.padEnd(w[i + from])).join(" | ")} |
` : (row2) => `${row2.slice(from).map((c, i) => c.padEnd(w[i + from])).join("  ").trimEnd()}
`;
  const out = new ChunkedWriter(write);
  out.add(line(headers));
  if (options.markdown)
    out.add(
      `|${w.slice(from).map((n) => "-".repeat(n + 2)).join("|")}|
`
    );
  for (const file of files) {
    for (const r of diffRows(file)) {
      if (!options.all && !r.changed) continue;
      out.add(line(cells(file, r)));
      out.rowEnd();
    }
  }
  if (options.markdown) out.add("\n");
  out.flush();
}
function pyJsonLeaf(leaf) {
  if (leaf === void 0 || leaf === null) return "null";
  if (typeof leaf === "boolean") return leaf ? "true" : "false";
  if (typeof leaf === "string") return pyJsonString(leaf);
  if (typeof leaf === "number") return Number.isInteger(leaf) ? String(leaf) : pyFloatRepr(leaf);
  if (isIntLeaf(leaf)) return leaf.int;
  if (isFloatLeaf(leaf)) {
    if (typeof leaf.float === "string") return leaf.float;
    return pyFloatRepr(leaf.float);
  }
  return "null";
}

// src/git/revisions.ts
function ancestryOf(rev) {
  const m = /^(.+?)((?:~\d*|\^\d?)+)$/.exec(rev);
  if (!m) return null;
  const generations = [...m[2].matchAll(/~(\d*)|\^(\d?)/g)].reduce((n, x) => n + (x[0].startsWith("~") ? Number(x[1] || 1) : x[2] === "0" ? 0 : 1), 0);
  return { name: m[1], suffix: m[2], generations };
}
async function requireCommit(git, rev) {
  const sha = await resolveRevision(git, rev);
  if (sha) return sha;
  throw new UserError(`unknown revision '${rev}' (${await unknownWhy(git, rev)})`);
}
async function resolveRevision(git, rev) {
  const sha = await git.resolveCommit(rev);
  if (sha) return sha;
  const back = ancestryOf(rev);
  const name = back?.name ?? rev;
  const found = /* @__PURE__ */ new Map();
  for (const remote of await git.remotes()) {
    const at = await git.resolveCommit(`refs/remotes/${remote}/${name}${back?.suffix ?? ""}`);
    if (at && !found.has(at)) found.set(at, `${remote}/${name}`);
  }
  if (found.size > 1) {
    throw new UserError(`ambiguous revision '${rev}': ${[...found.values()].join(" and ")} are different commits; name the one to use`);
  }
  return [...found.keys()][0] ?? null;
}
async function unknownWhy(git, rev) {
  if (await git.isShallow().catch(() => false)) {
    return `this clone is shallow, so its history stops before it: fetch it with ${await shallowFetchHint(git, rev)}`;
  }
  const branch = (ancestryOf(rev)?.name ?? rev).replace(/^origin\//, "");
  if (branch === "HEAD" || !(await git.remotes()).includes("origin") || !await git.isBranchName(branch)) return "not a commit git knows here";
  return `not a commit git knows here, nor a branch of a remote this clone has fetched: if '${branch}' is a branch on origin, 'git fetch origin ${branch}' brings it`;
}
async function shallowFetchHint(git, rev) {
  const back = ancestryOf(rev);
  const name = back?.name ?? rev;
  const generations = back?.generations ?? 0;
  if (back && generations > 0 && await resolveRevision(git, name).catch(() => null)) return `'git fetch --deepen=${generations}'`;
  const whole = "'git fetch --unshallow' for the whole history";
  const branch = name.replace(/^origin\//, "");
  if (branch === "HEAD" || !await git.isBranchName(branch)) return whole;
  const refspec = name.startsWith("origin/") ? `+refs/heads/${branch}:refs/remotes/origin/${branch}` : `${branch}:${branch}`;
  return `'git fetch --depth=${generations + 1} origin ${refspec}' if '${branch}' is a branch on origin, or ${whole}`;
}

// src/commands/values-diff.ts
function parseValuesDiffArgs(args, kind) {
  const parsed = parseDvcStyleArgs(args, {
    flags: ["--json", "--md", "--all", "--no-path", ...kind === "params" ? ["--deps"] : []],
    valued: kind === "metrics" ? ["--precision"] : []
  });
  const precision = parsed.values.get("--precision");
  if (precision !== void 0 && !/^\d+$/.test(precision))
    throw new UserError(`--precision expects a whole number of digits, got ${JSON.stringify(precision)}`);
  return {
    aRev: parsed.revisions[0] || "HEAD",
    bRev: parsed.revisions[1] || "workspace",
    targets: parsed.targets,
    json: parsed.flags.has("--json"),
    markdown: parsed.flags.has("--md"),
    all: parsed.flags.has("--all"),
    noPath: parsed.flags.has("--no-path"),
    precision: precision === void 0 ? null : Number(precision),
    deps: parsed.flags.has("--deps")
  };
}
async function runValuesDiffHere(kind, args) {
  const cwd = process.cwd();
  const root = await findProjectRoot(cwd, "the current directory");
  const targets = args.targets?.map((t) => relative5(root, resolve3(cwd, t)).split(sep7).join("/")) ?? null;
  return runValuesDiff(kind, { ...args, targets }, root, relative5(root, cwd).split(sep7).join("/"));
}
async function runValuesDiff(kind, args, workspace, here) {
  return GitRepo.using(workspace, (git) => valuesDiffIn(git, kind, args, workspace, here));
}
async function valuesDiffIn(git, kind, args, workspace, here) {
  const log = consoleLogger(true);
  const empty = !await git.resolveCommit("HEAD");
  let comparison = {
    metrics: [],
    params: [],
    errors: [],
    headErrors: [],
    parsedAtBase: /* @__PURE__ */ new Set(),
    notKnownAtBase: /* @__PURE__ */ new Map(),
    cachedAtBase: /* @__PURE__ */ new Map(),
    cachedAtHead: /* @__PURE__ */ new Map()
  };
  if (empty)
    writeError(
      `mlreport: unknown revision '${args.aRev}': this repository has no commit yet, so there is nothing to compare the workspace's ${kind} with (DVC shows nothing too); commit, then diff
`
    );
  else {
    const budget = new ReadBudget();
    const data = await openProjectData(workspace, log, cliRemoteInputs());
    const tree = async (rev) => {
      if (rev === "workspace") return withCachedOutputs(workspaceTree(workspace, { budget }), data);
      const sha = await requireCommit(git, rev);
      return withCachedOutputs(commitTree(git, sha, rev, { budget }), data);
    };
    try {
      const a = await tree(args.aRev);
      const b = await tree(args.bRev);
      const targets = kind === "metrics" ? { metrics: args.targets, params: [] } : { metrics: [], params: args.targets, depsOnly: args.deps };
      comparison = await compareTrees(a, b, targets, log, [kind]);
    } finally {
      await data?.close();
    }
  }
  if (comparison.headErrors.length) {
    for (const error of comparison.headErrors) writeError(`mlreport: ERROR: ${error}
`);
    return 1;
  }
  const files = comparison[kind];
  if (here) for (const file of files) file.path = posix9.relative(here, file.path);
  const failed2 = new Set(comparison.errors.map((e) => e.rev));
  const revs = [.../* @__PURE__ */ new Set([args.aRev, args.bRev, ...failed2])].filter((rev) => failed2.has(rev));
  if (revs.length) writeError(`mlreport: failed to load some ${kind} for following revisions: '${revs.join(", ")}'.
`);
  for (const error of comparison.errors) if (!error.warned) log.warning(error.message);
  if (args.json) {
    writeDvcDiffJson(files, args.all, (chunk) => process.stdout.write(redact(chunk)));
    process.stdout.write("\n");
    return 0;
  }
  writeDvcDiffTable(
    files,
    {
      title: kind === "metrics" ? "Metric" : "Param",
      aRev: args.aRev,
      bRev: args.bRev,
      precision: kind === "metrics" ? args.precision || DEFAULT_PRECISION : null,
      showChange: kind === "metrics",
      markdown: args.markdown && { escape: escapeCell },
      all: args.all,
      noPath: args.noPath
    },
    writeResult
  );
  return 0;
}

// src/commands/metrics-diff.ts
var metricsDiffCommand = {
  run: async (args) => runValuesDiffHere("metrics", parseValuesDiffArgs(args, "metrics"))
};

// src/commands/params-diff.ts
var paramsDiffCommand = {
  run: async (args) => runValuesDiffHere("params", parseValuesDiffArgs(args, "params"))
};

// src/pipeline/file-commands.ts
var FILE_COMMANDS = ["GITHUB_OUTPUT", "GITHUB_ENV", "GITHUB_PATH", "GITHUB_STATE", "GITHUB_STEP_SUMMARY"];

// src/pipeline/shell.ts
var FILE_COMMAND_NAMES = new Set(FILE_COMMANDS);

// src/gate/config.ts
var import_yaml3 = __toESM(require_dist(), 1);

// src/util/edit-distance.ts
var above = new Int32Array(64);
var row = new Int32Array(64);

// src/gate/parse.ts
var HISTORY_STATS = ["mean", "std", "min", "max", "n"];
var HISTORY_NAMES = HISTORY_STATS.map((s) => `\`history.${s}\``).join(", ");

// src/config/action.ts
function inputEnvName(name) {
  return `INPUT_${name.replace(/ /g, "_").toUpperCase()}`;
}

// src/config/secrets.ts
var SECRET_VARIABLES = [
  inputEnvName("github-token"),
  inputEnvName("hub-token"),
  "GITHUB_TOKEN",
  "GH_TOKEN",
  "ACTIONS_RUNTIME_TOKEN",
  "ACTIONS_ID_TOKEN_REQUEST_TOKEN",
  "MLFLOW_TRACKING_PASSWORD",
  "MLFLOW_TRACKING_TOKEN",
  "AWS_SECRET_ACCESS_KEY",
  "AWS_SESSION_TOKEN",
  "AZURE_STORAGE_KEY",
  "AZURE_STORAGE_SAS_TOKEN",
  "AZURE_CLIENT_SECRET",
  "AZURE_STORAGE_CONNECTION_STRING",
  // `mlreport pull`/`push`: an HTTP remote's password, when .dvc/config.local does not hold it.
  "MLREPORT_REMOTE_PASSWORD"
];
function secretsFromEnvironment(env) {
  const out = SECRET_VARIABLES.map((name) => env[name]?.trim());
  const uri = env[inputEnvName("mlflow-tracking-uri")]?.trim();
  if (uri) {
    try {
      const url = new URL(uri);
      out.push(url.password, decodeURIComponent(url.password));
    } catch {
    }
  }
  return [...new Set(out.filter((s) => !!s))];
}

// src/commands/index.ts
var COMMON_USAGE = `  TARGET             relative to the current folder (or --cwd): a .dvc file, a tracked path or a folder holding
                     some, a file or folder inside a tracked directory (that part only), a stage output's path, a
                     stage (train, sub/dvc.yaml:train) or a dvc.yaml (default: every .dvc file and dvc.lock output)
  -r, --remote NAME  the remote for outputs that name none (default: core.remote); with -r, an output whose
                     remote: names another remote is left out, as dvc does
  -j, --jobs N       transfers at once (default: the remote's jobs, else 4 \xD7 CPUs)
  --cwd DIR          the folder to work from: the project is found from it upwards (default: the current directory)

Credentials come from .dvc/config.local and each cloud's own variables (AWS_*, AZURE_STORAGE_*); for an
HTTP or DagsHub remote, MLREPORT_REMOTE_USER and MLREPORT_REMOTE_PASSWORD give the basic-auth user and
password (or token).`;
var COMMANDS = [
  {
    path: ["report"],
    summary: "compare metrics and params with a base revision and write report.md and report.json",
    usage: `mlreport report [--base REV] [--out DIR] [--metrics PATH]... [--params PATH]... [--plots PATH]... [--threshold RULE]... [--missing-base skip|fail] [--history N] [--history-store BRANCH] [--repro MODE] [--deadline-minutes N] [--cwd DIR] [--quiet]

  --base REV      the revision to compare with (default: merge-base with origin/HEAD, else HEAD~1)
  --out DIR       where report.md and report.json go (default: .mlreport at the project root, which
                  ignores itself in git)
  --metrics PATH  a metrics file or glob (repeatable; default: those named in dvc.yaml)
  --params PATH   a params file or glob (repeatable; default: dvc.yaml's, and params.yaml)
  --plots PATH    a plot data or image file or glob (repeatable; default: the plots in dvc.yaml)
  --threshold RULE
                  a gate rule such as 'accuracy >= base - 0.01' (repeatable; default: the thresholds
                  in .mlreport.yml); a broken rule makes the exit code 1
  --missing-base skip|fail
                  a rule using \`base\` when the base has no value: skipped (default) or broken
  --history N     how many first-parent commits of the base to read for history.* rules (default: 20;
                  0: off), e.g. 'accuracy >= history.mean - 3 * history.std'
  --history-store BRANCH
                  also read the history store, origin's BRANCH (the action's \`history-branch\`, by default
                  mlreport-history), for the base's values and the history of metrics not in git; only read
  --repro MODE    reproduce the pipeline first: auto, builtin, dvc or off (default: off)
  --deadline-minutes N
                  the time budget for gathering the report (default: 330): a stage still running then is
                  ended, the work not started is skipped, and the report says what was cut
  --cwd DIR       where to start looking for the project: the nearest folder upwards with .dvc/ (else
                  with dvc.yaml or .mlreport.yml, else the git root); default: the current directory
  --quiet         print only the report's path`,
    runner: "report"
  },
  {
    path: ["repro"],
    summary: "run the dvc.yaml stages that changed (like dvc repro) and update dvc.lock",
    usage: `mlreport repro [STAGE...] [--dry] [--force] [--no-pull] [-r REMOTE] [--cwd DIR]

  STAGE      run only these stages and what they depend on (a foreach/matrix group name selects all its stages;
             dvc.yaml:NAME as DVC writes it, dvc.yaml for all; sub/dvc.yaml:NAME, as status prints it, runs
             in sub/ as with --cwd sub)
  --dry      print what would run and why, run nothing
  --force    run the selected stages even when unchanged (frozen stages still never run)
  --no-pull  do not pull .dvc-tracked deps or restore unchanged stages' outputs from the DVC cache/remote
             (by default repro is 'dvc repro --pull')
  -r, --remote NAME  the DVC remote for outputs that name none (default: core.remote)
  --cwd DIR  the directory holding dvc.yaml (default: the current directory)`,
    runner: "repro"
  },
  {
    path: ["status"],
    summary: "show which dvc.yaml stages changed since dvc.lock and why (like dvc status)",
    usage: `mlreport status [STAGE...] [--json] [--no-pull] [-r REMOTE] [--cwd DIR]

  STAGE      only these stages and what they depend on (sub/dvc.yaml:NAME: a stage of sub/dvc.yaml, as with
             --cwd sub)
  --json     print {stage: [reasons]} for changed stages
  --no-pull  do not check the DVC cache/remote for what repro would restore instead of running
  -r, --remote NAME  the DVC remote for outputs that name none (default: core.remote)
  --cwd DIR  the directory holding dvc.yaml (default: the current directory)

Exit code 0 either way; changed stages are listed with their reasons.`,
    runner: "status"
  },
  {
    path: ["metrics", "diff"],
    summary: "show changed metrics between two revisions, like `dvc metrics diff`",
    usage: `mlreport metrics diff [A_REV] [B_REV] [--md|--json] [--all] [--precision N] [--no-path] [--targets FILE...]

  A_REV            the old revision (default: HEAD)
  B_REV            the new revision (default: workspace, the files on disk)
  --targets FILE   metrics files, directories or globs to compare (default: those dvc.yaml names)
  --all            also show unchanged metrics
  --precision N    round floats to N digits after the point in tables (default: 5)
  --md             print a GitHub markdown table
  --json           print {path: {metric: {old, new, diff}}} exactly as DVC does
  --no-path        leave out the Path column

Exit code 0 even when metrics differ; a file that fails to parse on one side is a warning.`,
    runner: "metricsDiff"
  },
  {
    path: ["metrics", "history"],
    summary: "show each metric over a branch's last N commits: the n, mean, std, min and max that history.* rules use",
    usage: `mlreport metrics history [REV] [--depth N] [--metrics PATH]... [--history-store BRANCH] [--md|--json] [--cwd DIR]

  REV             the branch or commit whose first-parent history is read (default: HEAD)
  --depth N       how many first-parent commits to read, REV included (default: 20, as the report's --history)
  --metrics PATH  a metrics file or glob (repeatable; default: those named in dvc.yaml)
  --history-store BRANCH
                  also read the history store, origin's BRANCH (the action's \`history-branch\`, by default
                  mlreport-history), for commits whose metrics are not in git
  --md            print a GitHub markdown table
  --json          print the history as report.json's \`history\` (every point, with its commit)
  --cwd DIR       where to start looking for the project (default: the current directory)

Each metric's row ends with the workspace's value and how many standard deviations it lies from the mean: the
figure to pick k in a rule such as 'accuracy >= history.mean - 3 * history.std'. What could not be read (a file
missing or broken at some commits) is said on stderr.`,
    runner: "metricsHistory"
  },
  {
    path: ["params", "diff"],
    summary: "show changed params between two revisions, like `dvc params diff`",
    usage: `mlreport params diff [A_REV] [B_REV] [--md|--json] [--all] [--deps] [--no-path] [--targets FILE...]

  A_REV            the old revision (default: HEAD)
  B_REV            the new revision (default: workspace, the files on disk)
  --targets FILE   params files, directories or globs to compare (default: dvc.yaml's, and params.yaml)
  --all            also show unchanged params
  --deps           only params that stages depend on
  --md             print a GitHub markdown table
  --json           print {path: {param: {old, new, diff}}} exactly as DVC does
  --no-path        leave out the Path column

Exit code 0 even when params differ; a file that fails to parse on one side is a warning.`,
    runner: "paramsDiff"
  },
  {
    path: ["data", "diff"],
    summary: "show DVC-tracked files added, deleted, modified or renamed between two revisions, like `dvc diff`",
    usage: `mlreport data diff [A_REV] [B_REV] [--json|--md] [--show-hash] [--hide-missing] [--targets PATH...]

  A_REV            the old revision (default: HEAD)
  B_REV            the new revision (default: the workspace, as its dvc.lock and .dvc files record it)
  --targets PATH   only these DVC-tracked paths (outputs, or files and folders inside them)
  --json           print {"added": [{"path": \u2026}], "deleted", "modified", "renamed", "not in cache"} as DVC does
  --md             print a GitHub markdown table
  --show-hash      print each path's md5 (the first 8 digits in tables)
  --hide-missing   leave out "not in cache" (directories whose .dir manifest is in neither cache nor remote);
                   implied by B_REV, as in DVC

Directory contents come from the .dir manifests in the DVC cache, else the remote. Exit code 0 when data differs.`,
    runner: "dataDiff"
  },
  {
    path: ["plots", "render"],
    summary: "render the plots in dvc.yaml to PNG, base and workspace overlaid, with an index",
    usage: `mlreport plots render [--base REV] [--out DIR] [--plots PATH]... [--cwd DIR] [--quiet]

  --base REV      the revision to overlay (default: merge-base with origin/HEAD, else HEAD~1)
  --out DIR       where the images, index.md and index.json go (default: .mlreport/plots)
  --plots PATH    a plot data or image file or glob (repeatable; default: the plots in dvc.yaml)
  --cwd DIR       where to start looking for the project, as for \`mlreport report\` (default: the current directory)
  --quiet         print only the index's path`,
    runner: "plotsRender"
  },
  {
    path: ["pull"],
    summary: "download .dvc-tracked data and the stage outputs in dvc.lock from the DVC remote into the cache and the workspace (like dvc pull)",
    usage: `mlreport pull [TARGET...] [-r REMOTE] [-j N] [--force] [--cwd DIR]

${COMMON_USAGE}
  -f, --force        replace workspace files that differ even when their content is not in the cache`,
    runner: "pull"
  },
  {
    path: ["push"],
    summary: "upload the cached objects of .dvc-tracked data and of the stage outputs in dvc.lock to the DVC remote (like dvc push)",
    usage: `mlreport push [TARGET...] [-r REMOTE] [-j N] [--cwd DIR]

${COMMON_USAGE}`,
    runner: "push"
  },
  {
    path: ["aggregate"],
    summary: "compare a sweep's runs (matrix jobs' report folders) by configuration and write report.md and report.json",
    usage: `mlreport aggregate DIR... [--out DIR] [--repeat-params NAME]... [--rank-by METRIC] [--expected-runs N] [--threshold RULE]... [--missing-base skip|fail] [--quiet]

  DIR             a folder holding a job's report.json, or a folder of such folders (as
                  actions/download-artifact or 'gh run download' lays out the mlreport-* artifacts)
  --out DIR       where report.md and report.json go (default: .mlreport-aggregate, which git ignores)
  --repeat-params NAME
                  a param whose values tell repeats of one configuration apart (repeatable; default: seed)
  --rank-by METRIC
                  the metric that marks the best configuration, as 'metric' or 'file:metric', optionally
                  followed by 'higher' or 'lower' (default: the first metric a rule gates on)
  --expected-runs N
                  how many jobs the matrix has: fewer report folders are failed rows (a job that
                  failed before uploading leaves no folder)
  --threshold RULE
                  a gate rule evaluated on each configuration's means, such as 'accuracy >= base - 0.01'
                  (repeatable; default: the rules the jobs were gated with)
  --missing-base skip|fail
                  a rule using \`base\` when the base has no value: skipped (default) or broken
  --quiet         print only the report's path

A job whose report.json is missing, or says a stage failed, is a failed row, and the exit code is 1, as it is when a
configuration breaks a rule. Reports compared with different base commits are refused.`,
    runner: "aggregate"
  }
];
function findCommand(argv) {
  return COMMANDS.filter((c) => c.path.every((word, i) => argv[i] === word)).sort((a, b) => b.path.length - a.path.length)[0];
}

// src/commands/run-subcommand.ts
async function runSubcommand(argv, runners) {
  secretsFromEnvironment(process.env).forEach(addSecret);
  try {
    if (!currentFolderExists())
      throw new UserError("the current folder no longer exists (it was deleted or moved after this shell entered it): cd into the project and run again.");
    const command = findCommand(argv);
    const runner = command && runners[command.runner];
    if (!runner) throw new UserError(`unknown command '${argv.join(" ")}'. Run 'mlreport --help' for the list.`);
    return await runner.run(argv.slice(command.path.length));
  } catch (error) {
    const code = error.code;
    const message = code?.startsWith("ERR_PARSE_ARGS") ? error.message : describeError(error);
    process.stderr.write(redact(`mlreport: ${message}
`));
    return 2;
  }
}
function currentFolderExists() {
  try {
    process.cwd();
    return true;
  } catch {
    return false;
  }
}

// src/commands/run-values-command.ts
var RUNNERS = { metricsDiff: metricsDiffCommand, paramsDiff: paramsDiffCommand };
function runCommand(argv) {
  return runSubcommand(argv, RUNNERS);
}
export {
  runCommand
};
