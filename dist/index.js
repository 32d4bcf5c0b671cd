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
    for (let key2 of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key2) && key2 !== except)
        __defProp(to, key2, { get: () => from[key2], enumerable: !(desc = __getOwnPropDesc(from, key2)) || desc.enumerable });
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
    function visit_(key2, node, visitor, path) {
      const ctrl = callVisitor(key2, node, visitor, path);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key2, path, ctrl);
        return visit_(key2, ctrl, visitor, path);
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
    async function visitAsync_(key2, node, visitor, path) {
      const ctrl = await callVisitor(key2, node, visitor, path);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key2, path, ctrl);
        return visitAsync_(key2, ctrl, visitor, path);
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
    function callVisitor(key2, node, visitor, path) {
      if (typeof visitor === "function")
        return visitor(key2, node, path);
      if (identity.isMap(node))
        return visitor.Map?.(key2, node, path);
      if (identity.isSeq(node))
        return visitor.Seq?.(key2, node, path);
      if (identity.isPair(node))
        return visitor.Pair?.(key2, node, path);
      if (identity.isScalar(node))
        return visitor.Scalar?.(key2, node, path);
      if (identity.isAlias(node))
        return visitor.Alias?.(key2, node, path);
      return void 0;
    }
    function replaceNode(key2, path, node) {
      const parent = path[path.length - 1];
      if (identity.isCollection(parent)) {
        parent.items[key2] = node;
      } else if (identity.isPair(parent)) {
        if (key2 === "key")
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
          } catch (error2) {
            onError(String(error2));
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
        const lines2 = this.yaml.explicit ? [`%YAML ${this.yaml.version || "1.2"}`] : [];
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
            lines2.push(`%TAG ${handle} ${prefix}`);
        }
        return lines2.join("\n");
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
              const error2 = new Error("Failed to resolve repeated object (this should not happen)");
              error2.source = source;
              throw error2;
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
    function applyReviver(reviver, obj, key2, val) {
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
      return reviver.call(obj, key2, val);
    }
    exports.applyReviver = applyReviver;
  }
});

// node_modules/yaml/dist/nodes/toJS.js
var require_toJS = __commonJS({
  "node_modules/yaml/dist/nodes/toJS.js"(exports) {
    "use strict";
    var identity = require_identity();
    function toJS(value2, arg, ctx) {
      if (Array.isArray(value2))
        return value2.map((v, i) => toJS(v, String(i), ctx));
      if (value2 && typeof value2.toJSON === "function") {
        if (!ctx || !identity.hasAnchor(value2))
          return value2.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: void 0 };
        ctx.anchors.set(value2, data);
        ctx.onCreate = (res2) => {
          data.res = res2;
          delete ctx.onCreate;
        };
        const res = value2.toJSON(arg, ctx);
        if (ctx.onCreate)
          ctx.onCreate(res);
        return res;
      }
      if (typeof value2 === "bigint" && !ctx?.keep)
        return Number(value2);
      return value2;
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
          for (const { count: count2, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count2);
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
        let count2 = 0;
        for (const item of node.items) {
          const c = getAliasCount(doc, item, anchors2);
          if (c > count2)
            count2 = c;
        }
        return count2;
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
    var isScalarValue = (value2) => !value2 || typeof value2 !== "function" && typeof value2 !== "object";
    var Scalar = class extends Node.NodeBase {
      constructor(value2) {
        super(identity.SCALAR);
        this.value = value2;
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
    function findTagObject(value2, tagName, tags) {
      if (tagName) {
        const match = tags.filter((t) => t.tag === tagName);
        const tagObj = match.find((t) => !t.format) ?? match[0];
        if (!tagObj)
          throw new Error(`Tag ${tagName} not found`);
        return tagObj;
      }
      return tags.find((t) => t.identify?.(value2) && !t.format);
    }
    function createNode(value2, tagName, ctx) {
      if (identity.isDocument(value2))
        value2 = value2.contents;
      if (identity.isNode(value2))
        return value2;
      if (identity.isPair(value2)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value2);
        return map;
      }
      if (value2 instanceof String || value2 instanceof Number || value2 instanceof Boolean || typeof BigInt !== "undefined" && value2 instanceof BigInt) {
        value2 = value2.valueOf();
      }
      const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
      let ref = void 0;
      if (aliasDuplicateObjects && value2 && typeof value2 === "object") {
        ref = sourceObjects.get(value2);
        if (ref) {
          ref.anchor ?? (ref.anchor = onAnchor(value2));
          return new Alias.Alias(ref.anchor);
        } else {
          ref = { anchor: null, node: null };
          sourceObjects.set(value2, ref);
        }
      }
      if (tagName?.startsWith("!!"))
        tagName = defaultTagPrefix + tagName.slice(2);
      let tagObj = findTagObject(value2, tagName, schema.tags);
      if (!tagObj) {
        if (value2 && typeof value2.toJSON === "function") {
          value2 = value2.toJSON();
        }
        if (!value2 || typeof value2 !== "object") {
          const node2 = new Scalar.Scalar(value2);
          if (ref)
            ref.node = node2;
          return node2;
        }
        tagObj = value2 instanceof Map ? schema[identity.MAP] : Symbol.iterator in Object(value2) ? schema[identity.SEQ] : schema[identity.MAP];
      }
      if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
      }
      const node = tagObj?.createNode ? tagObj.createNode(ctx.schema, value2, ctx) : typeof tagObj?.nodeClass?.from === "function" ? tagObj.nodeClass.from(ctx.schema, value2, ctx) : new Scalar.Scalar(value2);
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
    function collectionFromPath(schema, path, value2) {
      let v = value2;
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
      addIn(path, value2) {
        if (isEmptyPath(path))
          this.add(value2);
        else {
          const [key2, ...rest] = path;
          const node = this.get(key2, true);
          if (identity.isCollection(node))
            node.addIn(rest, value2);
          else if (node === void 0 && this.schema)
            this.set(key2, collectionFromPath(this.schema, rest, value2));
          else
            throw new Error(`Expected YAML collection at ${key2}. Remaining path: ${rest}`);
        }
      }
      /**
       * Removes a value from the collection.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path) {
        const [key2, ...rest] = path;
        if (rest.length === 0)
          return this.delete(key2);
        const node = this.get(key2, true);
        if (identity.isCollection(node))
          return node.deleteIn(rest);
        else
          throw new Error(`Expected YAML collection at ${key2}. Remaining path: ${rest}`);
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path, keepScalar) {
        const [key2, ...rest] = path;
        const node = this.get(key2, true);
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
        const [key2, ...rest] = path;
        if (rest.length === 0)
          return this.has(key2);
        const node = this.get(key2, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path, value2) {
        const [key2, ...rest] = path;
        if (rest.length === 0) {
          this.set(key2, value2);
        } else {
          const node = this.get(key2, true);
          if (identity.isCollection(node))
            node.setIn(rest, value2);
          else if (node === void 0 && this.schema)
            this.set(key2, collectionFromPath(this.schema, rest, value2));
          else
            throw new Error(`Expected YAML collection at ${key2}. Remaining path: ${rest}`);
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
    function doubleQuotedString(value2, ctx) {
      const json = JSON.stringify(value2);
      if (ctx.options.doubleQuotedAsJSON)
        return json;
      const { implicitKey } = ctx;
      const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
      const indent = ctx.indent || (containsDocumentMarker(value2) ? "  " : "");
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
                const code2 = json.substr(i + 2, 4);
                switch (code2) {
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
                    if (code2.substr(0, 2) === "00")
                      str += "\\x" + code2.substr(2);
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
    function singleQuotedString(value2, ctx) {
      if (ctx.options.singleQuote === false || ctx.implicitKey && value2.includes("\n") || /[ \t]\n|\n[ \t]/.test(value2))
        return doubleQuotedString(value2, ctx);
      const indent = ctx.indent || (containsDocumentMarker(value2) ? "  " : "");
      const res = "'" + value2.replace(/'/g, "''").replace(/\n+/g, `$&
${indent}`) + "'";
      return ctx.implicitKey ? res : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function quotedString(value2, ctx) {
      const { singleQuote } = ctx.options;
      let qs;
      if (singleQuote === false)
        qs = doubleQuotedString;
      else {
        const hasDouble = value2.includes('"');
        const hasSingle = value2.includes("'");
        if (hasDouble && !hasSingle)
          qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
          qs = doubleQuotedString;
        else
          qs = singleQuote ? singleQuotedString : doubleQuotedString;
      }
      return qs(value2, ctx);
    }
    var blockEndNewlines;
    try {
      blockEndNewlines = new RegExp("(^|(?<!\n))\n+(?!\n|$)", "g");
    } catch {
      blockEndNewlines = /\n+(?!\n|$)/g;
    }
    function blockString({ comment: comment2, type, value: value2 }, ctx, onComment, onChompKeep) {
      const { blockQuote, commentString, lineWidth } = ctx.options;
      if (!blockQuote || /\n[\t ]+$/.test(value2)) {
        return quotedString(value2, ctx);
      }
      const indent = ctx.indent || (ctx.forceBlockIndent || containsDocumentMarker(value2) ? "  " : "");
      const literal2 = blockQuote === "literal" ? true : blockQuote === "folded" || type === Scalar.Scalar.BLOCK_FOLDED ? false : type === Scalar.Scalar.BLOCK_LITERAL ? true : !lineLengthOverLimit(value2, lineWidth, indent.length);
      if (!value2)
        return literal2 ? "|\n" : ">\n";
      let chomp;
      let endStart;
      for (endStart = value2.length; endStart > 0; --endStart) {
        const ch = value2[endStart - 1];
        if (ch !== "\n" && ch !== "	" && ch !== " ")
          break;
      }
      let end = value2.substring(endStart);
      const endNlPos = end.indexOf("\n");
      if (endNlPos === -1) {
        chomp = "-";
      } else if (value2 === end || endNlPos !== end.length - 1) {
        chomp = "+";
        if (onChompKeep)
          onChompKeep();
      } else {
        chomp = "";
      }
      if (end) {
        value2 = value2.slice(0, -end.length);
        if (end[end.length - 1] === "\n")
          end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
      }
      let startWithSpace = false;
      let startEnd;
      let startNlPos = -1;
      for (startEnd = 0; startEnd < value2.length; ++startEnd) {
        const ch = value2[startEnd];
        if (ch === " ")
          startWithSpace = true;
        else if (ch === "\n")
          startNlPos = startEnd;
        else
          break;
      }
      let start = value2.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
      if (start) {
        value2 = value2.substring(start.length);
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
        const foldedValue = value2.replace(/\n+/g, "\n$&").replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, "$1$2").replace(/\n+/g, `$&${indent}`);
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
      value2 = value2.replace(/\n+/g, `$&${indent}`);
      return `|${header}
${indent}${start}${value2}${end}`;
    }
    function plainString(item, ctx, onComment, onChompKeep) {
      const { type, value: value2 } = item;
      const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
      if (implicitKey && value2.includes("\n") || inFlow && /[[\]{},]/.test(value2)) {
        return quotedString(value2, ctx);
      }
      if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value2)) {
        return implicitKey || inFlow || !value2.includes("\n") ? quotedString(value2, ctx) : blockString(item, ctx, onComment, onChompKeep);
      }
      if (!implicitKey && !inFlow && type !== Scalar.Scalar.PLAIN && value2.includes("\n")) {
        return blockString(item, ctx, onComment, onChompKeep);
      }
      if (containsDocumentMarker(value2)) {
        if (indent === "") {
          ctx.forceBlockIndent = true;
          return blockString(item, ctx, onComment, onChompKeep);
        } else if (implicitKey && indent === indentStep) {
          return quotedString(value2, ctx);
        }
      }
      const str = value2.replace(/\n+/g, `$&
${indent}`);
      if (actualString) {
        const test = (tag) => tag.default && tag.tag !== "tag:yaml.org,2002:str" && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
          return quotedString(value2, ctx);
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
    function stringifyPair({ key: key2, value: value2 }, ctx, onComment, onChompKeep) {
      const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
      let keyComment = identity.isNode(key2) && key2.comment || null;
      if (simpleKeys) {
        if (keyComment) {
          throw new Error("With simple keys, key nodes cannot have comments");
        }
        if (identity.isCollection(key2) || !identity.isNode(key2) && typeof key2 === "object") {
          const msg = "With simple keys, collection cannot be used as a key value";
          throw new Error(msg);
        }
      }
      let explicitKey = !simpleKeys && (!key2 || keyComment && value2 == null && !ctx.inFlow || identity.isCollection(key2) || (identity.isScalar(key2) ? key2.type === Scalar.Scalar.BLOCK_FOLDED || key2.type === Scalar.Scalar.BLOCK_LITERAL : typeof key2 === "object"));
      ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
      });
      let keyCommentDone = false;
      let chompKeep = false;
      let str = stringify2.stringify(key2, ctx, () => keyCommentDone = true, () => chompKeep = true);
      if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
          throw new Error("With simple keys, single line scalar must not span more than 1024 characters");
        explicitKey = true;
      }
      if (ctx.inFlow) {
        if (allNullValues || value2 == null) {
          if (keyCommentDone && onComment)
            onComment();
          return str === "" ? "?" : explicitKey ? `? ${str}` : str;
        }
      } else if (allNullValues && !simpleKeys || value2 == null && explicitKey) {
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
      if (identity.isNode(value2)) {
        vsb = !!value2.spaceBefore;
        vcb = value2.commentBefore;
        valueComment = value2.comment;
      } else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value2 && typeof value2 === "object")
          value2 = doc.createNode(value2);
      }
      ctx.implicitKey = false;
      if (!explicitKey && !keyComment && identity.isScalar(value2))
        ctx.indentAtStart = str.length + 1;
      chompKeep = false;
      if (!indentSeq && indentStep.length >= 2 && !ctx.inFlow && !explicitKey && identity.isSeq(value2) && !value2.flow && !value2.tag && !value2.anchor) {
        ctx.indent = ctx.indent.substring(2);
      }
      let valueCommentDone = false;
      const valueStr = stringify2.stringify(value2, ctx, () => valueCommentDone = true, () => chompKeep = true);
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
      } else if (!explicitKey && identity.isCollection(value2)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf("\n");
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value2.flow ?? value2.items.length === 0;
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
    function debug2(logLevel, ...messages) {
      if (logLevel === "debug")
        console.log(...messages);
    }
    function warn(logLevel, warning2) {
      if (logLevel === "debug" || logLevel === "warn") {
        if (typeof node_process.emitWarning === "function")
          node_process.emitWarning(warning2);
        else
          console.warn(warning2);
      }
    }
    exports.debug = debug2;
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
      identify: (value2) => value2 === MERGE_KEY || typeof value2 === "symbol" && value2.description === MERGE_KEY,
      default: "key",
      tag: "tag:yaml.org,2002:merge",
      test: /^<<$/,
      resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
      }),
      stringify: () => MERGE_KEY
    };
    var isMergeKey = (ctx, key2) => (merge.identify(key2) || identity.isScalar(key2) && (!key2.type || key2.type === Scalar.Scalar.PLAIN) && merge.identify(key2.value)) && ctx?.doc.schema.tags.some((tag) => tag.tag === merge.tag && tag.default);
    function addMergeToJSMap(ctx, map, value2) {
      const source = resolveAliasValue(ctx, value2);
      if (identity.isSeq(source))
        for (const it of source.items)
          mergeValue(ctx, map, it);
      else if (Array.isArray(source))
        for (const it of source)
          mergeValue(ctx, map, it);
      else
        mergeValue(ctx, map, source);
    }
    function mergeValue(ctx, map, value2) {
      const source = resolveAliasValue(ctx, value2);
      if (!identity.isMap(source))
        throw new Error("Merge sources must be maps or map aliases");
      const srcMap = source.toJSON(null, ctx, Map);
      for (const [key2, value3] of srcMap) {
        if (map instanceof Map) {
          if (!map.has(key2))
            map.set(key2, value3);
        } else if (map instanceof Set) {
          map.add(key2);
        } else if (!Object.prototype.hasOwnProperty.call(map, key2)) {
          Object.defineProperty(map, key2, {
            value: value3,
            writable: true,
            enumerable: true,
            configurable: true
          });
        }
      }
      return map;
    }
    function resolveAliasValue(ctx, value2) {
      return ctx && identity.isAlias(value2) ? value2.resolve(ctx.doc, ctx) : value2;
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
    function addPairToJSMap(ctx, map, { key: key2, value: value2 }) {
      if (identity.isNode(key2) && key2.addToJSMap)
        key2.addToJSMap(ctx, map, value2);
      else if (merge.isMergeKey(ctx, key2))
        merge.addMergeToJSMap(ctx, map, value2);
      else {
        const jsKey = toJS.toJS(key2, "", ctx);
        if (map instanceof Map) {
          map.set(jsKey, toJS.toJS(value2, jsKey, ctx));
        } else if (map instanceof Set) {
          map.add(jsKey);
        } else {
          const stringKey = stringifyKey(key2, jsKey, ctx);
          const jsValue = toJS.toJS(value2, stringKey, ctx);
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
    function stringifyKey(key2, jsKey, ctx) {
      if (jsKey === null)
        return "";
      if (typeof jsKey !== "object")
        return String(jsKey);
      if (identity.isNode(key2) && ctx?.doc) {
        const strCtx = stringify2.createStringifyContext(ctx.doc, {});
        strCtx.anchors = /* @__PURE__ */ new Set();
        for (const node of ctx.anchors.keys())
          strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key2.toString(strCtx);
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
    function createPair(key2, value2, ctx) {
      const k = createNode.createNode(key2, void 0, ctx);
      const v = createNode.createNode(value2, void 0, ctx);
      return new Pair(k, v);
    }
    var Pair = class _Pair {
      constructor(key2, value2 = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key2;
        this.value = value2;
      }
      clone(schema) {
        let { key: key2, value: value2 } = this;
        if (identity.isNode(key2))
          key2 = key2.clone(schema);
        if (identity.isNode(value2))
          value2 = value2.clone(schema);
        return new _Pair(key2, value2);
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
      const lines2 = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment3 = null;
        if (identity.isNode(item)) {
          if (!chompKeep && item.spaceBefore)
            lines2.push("");
          addCommentBefore(ctx, lines2, item.commentBefore, chompKeep);
          if (item.comment)
            comment3 = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (!chompKeep && ik.spaceBefore)
              lines2.push("");
            addCommentBefore(ctx, lines2, ik.commentBefore, chompKeep);
          }
        }
        chompKeep = false;
        let str2 = stringify2.stringify(item, itemCtx, () => comment3 = null, () => chompKeep = true);
        if (comment3)
          str2 += stringifyComment.lineComment(str2, itemIndent, commentString(comment3));
        if (chompKeep && comment3)
          chompKeep = false;
        lines2.push(blockItemPrefix + str2);
      }
      let str;
      if (lines2.length === 0) {
        str = flowChars.start + flowChars.end;
      } else {
        str = lines2[0];
        for (let i = 1; i < lines2.length; ++i) {
          const line = lines2[i];
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
      const lines2 = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment2 = null;
        if (identity.isNode(item)) {
          if (item.spaceBefore)
            lines2.push("");
          addCommentBefore(ctx, lines2, item.commentBefore, false);
          if (item.comment)
            comment2 = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (ik.spaceBefore)
              lines2.push("");
            addCommentBefore(ctx, lines2, ik.commentBefore, false);
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
        reqNewline || (reqNewline = lines2.length > linesAtValue || str.includes("\n"));
        if (i < items.length - 1) {
          str += ",";
        } else if (ctx.options.trailingComma) {
          if (ctx.options.lineWidth > 0) {
            reqNewline || (reqNewline = lines2.reduce((sum, line) => sum + line.length + 2, 2) + (str.length + 2) > ctx.options.lineWidth);
          }
          if (reqNewline) {
            str += ",";
          }
        }
        if (comment2)
          str += stringifyComment.lineComment(str, itemIndent, commentString(comment2));
        lines2.push(str);
        linesAtValue = lines2.length;
      }
      const { start, end } = flowChars;
      if (lines2.length === 0) {
        return start + end;
      } else {
        if (!reqNewline) {
          const len = lines2.reduce((sum, line) => sum + line.length + 2, 2);
          reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
          let str = start;
          for (const line of lines2)
            str += line ? `
${indentStep}${indent}${line}` : "\n";
          return `${str}
${indent}${end}`;
        } else {
          return `${start}${fcPadding}${lines2.join(" ")}${fcPadding}${end}`;
        }
      }
    }
    function addCommentBefore({ indent, options: { commentString } }, lines2, comment2, chompKeep) {
      if (comment2 && chompKeep)
        comment2 = comment2.replace(/^\n+/, "");
      if (comment2) {
        const ic = stringifyComment.indentComment(commentString(comment2), indent);
        lines2.push(ic.trimStart());
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
    function findPair(items, key2) {
      const k = identity.isScalar(key2) ? key2.value : key2;
      for (const it of items) {
        if (identity.isPair(it)) {
          if (it.key === key2 || it.key === k)
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
        const add3 = (key2, value2) => {
          if (typeof replacer === "function")
            value2 = replacer.call(obj, key2, value2);
          else if (Array.isArray(replacer) && !replacer.includes(key2))
            return;
          if (value2 !== void 0 || keepUndefined)
            map.items.push(Pair.createPair(key2, value2, ctx));
        };
        if (obj instanceof Map) {
          for (const [key2, value2] of obj)
            add3(key2, value2);
        } else if (obj && typeof obj === "object") {
          for (const key2 of Object.keys(obj))
            add3(key2, obj[key2]);
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
      delete(key2) {
        const it = findPair(this.items, key2);
        if (!it)
          return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
      }
      get(key2, keepScalar) {
        const it = findPair(this.items, key2);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? void 0;
      }
      has(key2) {
        return !!findPair(this.items, key2);
      }
      set(key2, value2) {
        this.add(new Pair.Pair(key2, value2), true);
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
      add(value2) {
        this.items.push(value2);
      }
      /**
       * Removes a value from the collection.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       *
       * @returns `true` if the item was found and removed.
       */
      delete(key2) {
        const idx = asItemIndex(key2);
        if (typeof idx !== "number")
          return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
      }
      get(key2, keepScalar) {
        const idx = asItemIndex(key2);
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
      has(key2) {
        const idx = asItemIndex(key2);
        return typeof idx === "number" && idx < this.items.length;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       *
       * If `key` does not contain a representation of an integer, this will throw.
       * It may be wrapped in a `Scalar`.
       */
      set(key2, value2) {
        const idx = asItemIndex(key2);
        if (typeof idx !== "number")
          throw new Error(`Expected a valid index, not ${key2}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value2))
          prev.value = value2;
        else
          this.items[idx] = value2;
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
              const key2 = obj instanceof Set ? it : String(i++);
              it = replacer.call(obj, key2, it);
            }
            seq.items.push(createNode.createNode(it, void 0, ctx));
          }
        }
        return seq;
      }
    };
    function asItemIndex(key2) {
      let idx = identity.isScalar(key2) ? key2.value : key2;
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
    var string2 = {
      identify: (value2) => typeof value2 === "string",
      default: true,
      tag: "tag:yaml.org,2002:str",
      resolve: (str) => str,
      stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
      }
    };
    exports.string = string2;
  }
});

// node_modules/yaml/dist/schema/common/null.js
var require_null = __commonJS({
  "node_modules/yaml/dist/schema/common/null.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var nullTag = {
      identify: (value2) => value2 == null,
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
      identify: (value2) => typeof value2 === "boolean",
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
      resolve: (str) => new Scalar.Scalar(str[0] === "t" || str[0] === "T"),
      stringify({ source, value: value2 }, ctx) {
        if (source && boolTag.test.test(source)) {
          const sv = source[0] === "t" || source[0] === "T";
          if (value2 === sv)
            return source;
        }
        return value2 ? ctx.options.trueStr : ctx.options.falseStr;
      }
    };
    exports.boolTag = boolTag;
  }
});

// node_modules/yaml/dist/stringify/stringifyNumber.js
var require_stringifyNumber = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyNumber.js"(exports) {
    "use strict";
    function stringifyNumber({ format, minFractionDigits, tag, value: value2 }) {
      if (typeof value2 === "bigint")
        return String(value2);
      const num2 = typeof value2 === "number" ? value2 : Number(value2);
      if (!isFinite(num2))
        return isNaN(num2) ? ".nan" : num2 < 0 ? "-.inf" : ".inf";
      let n = Object.is(value2, -0) ? "-0" : JSON.stringify(value2);
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
      identify: (value2) => typeof value2 === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value2) => typeof value2 === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str),
      stringify(node) {
        const num2 = Number(node.value);
        return isFinite(num2) ? num2.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value2) => typeof value2 === "number",
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
    var intIdentify = (value2) => typeof value2 === "bigint" || Number.isInteger(value2);
    var intResolve = (str, offset, radix, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix);
    function intStringify(node, radix, prefix) {
      const { value: value2 } = node;
      if (intIdentify(value2) && value2 >= 0)
        return prefix + value2.toString(radix);
      return stringifyNumber.stringifyNumber(node);
    }
    var intOct = {
      identify: (value2) => intIdentify(value2) && value2 >= 0,
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
      identify: (value2) => intIdentify(value2) && value2 >= 0,
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
    var string2 = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = [
      map.map,
      seq.seq,
      string2.string,
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
    function intIdentify(value2) {
      return typeof value2 === "bigint" || Number.isInteger(value2);
    }
    var stringifyJSON = ({ value: value2 }) => JSON.stringify(value2);
    var jsonScalars = [
      {
        identify: (value2) => typeof value2 === "string",
        default: true,
        tag: "tag:yaml.org,2002:str",
        resolve: (str) => str,
        stringify: stringifyJSON
      },
      {
        identify: (value2) => value2 == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: "tag:yaml.org,2002:null",
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
      },
      {
        identify: (value2) => typeof value2 === "boolean",
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
        stringify: ({ value: value2 }) => intIdentify(value2) ? value2.toString() : JSON.stringify(value2)
      },
      {
        identify: (value2) => typeof value2 === "number",
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
      identify: (value2) => value2 instanceof Uint8Array,
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
      stringify({ comment: comment2, type, value: value2 }, ctx, onComment, onChompKeep) {
        if (!value2)
          return "";
        const buf = value2;
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
          const lines2 = new Array(n);
          for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
            lines2[i] = str.substr(o, lineWidth);
          }
          str = lines2.join(type === Scalar.Scalar.BLOCK_LITERAL ? "\n" : " ");
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
          let key2, value2;
          if (Array.isArray(it)) {
            if (it.length === 2) {
              key2 = it[0];
              value2 = it[1];
            } else
              throw new TypeError(`Expected [key, value] tuple: ${it}`);
          } else if (it && it instanceof Object) {
            const keys = Object.keys(it);
            if (keys.length === 1) {
              key2 = keys[0];
              value2 = it[key2];
            } else {
              throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
            }
          } else {
            key2 = it;
          }
          pairs2.items.push(Pair.createPair(key2, value2, ctx));
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
          let key2, value2;
          if (identity.isPair(pair)) {
            key2 = toJS.toJS(pair.key, "", ctx);
            value2 = toJS.toJS(pair.value, key2, ctx);
          } else {
            key2 = toJS.toJS(pair, "", ctx);
          }
          if (map.has(key2))
            throw new Error("Ordered maps must not include duplicate keys");
          map.set(key2, value2);
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
      identify: (value2) => value2 instanceof Map,
      nodeClass: YAMLOMap,
      default: false,
      tag: "tag:yaml.org,2002:omap",
      resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key: key2 } of pairs$1.items) {
          if (identity.isScalar(key2)) {
            if (seenKeys.includes(key2.value)) {
              onError(`Ordered maps must not include duplicate keys: ${key2.value}`);
            } else {
              seenKeys.push(key2.value);
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
    function boolStringify({ value: value2, source }, ctx) {
      const boolObj = value2 ? trueTag : falseTag;
      if (source && boolObj.test.test(source))
        return source;
      return value2 ? ctx.options.trueStr : ctx.options.falseStr;
    }
    var trueTag = {
      identify: (value2) => value2 === true,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
      resolve: () => new Scalar.Scalar(true),
      stringify: boolStringify
    };
    var falseTag = {
      identify: (value2) => value2 === false,
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
      identify: (value2) => typeof value2 === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value2) => typeof value2 === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str.replace(/_/g, "")),
      stringify(node) {
        const num2 = Number(node.value);
        return isFinite(num2) ? num2.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value2) => typeof value2 === "number",
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
    var intIdentify = (value2) => typeof value2 === "bigint" || Number.isInteger(value2);
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
      const { value: value2 } = node;
      if (intIdentify(value2)) {
        const str = value2.toString(radix);
        return value2 < 0 ? "-" + prefix + str.substr(1) : prefix + str;
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
      add(key2) {
        let pair;
        if (identity.isPair(key2))
          pair = key2;
        else if (key2 && typeof key2 === "object" && "key" in key2 && "value" in key2 && key2.value === null)
          pair = new Pair.Pair(key2.key, null);
        else
          pair = new Pair.Pair(key2, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
          this.items.push(pair);
      }
      /**
       * If `keepPair` is `true`, returns the Pair matching `key`.
       * Otherwise, returns the value of that Pair's key.
       */
      get(key2, keepPair) {
        const pair = YAMLMap.findPair(this.items, key2);
        return !keepPair && identity.isPair(pair) ? identity.isScalar(pair.key) ? pair.key.value : pair.key : pair;
      }
      set(key2, value2) {
        if (typeof value2 !== "boolean")
          throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value2}`);
        const prev = YAMLMap.findPair(this.items, key2);
        if (prev && !value2) {
          this.items.splice(this.items.indexOf(prev), 1);
        } else if (!prev && value2) {
          this.items.push(new Pair.Pair(key2));
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
          for (let value2 of iterable) {
            if (typeof replacer === "function")
              value2 = replacer.call(iterable, value2, value2);
            set2.items.push(Pair.createPair(value2, null, ctx));
          }
        return set2;
      }
    };
    YAMLSet.tag = "tag:yaml.org,2002:set";
    var set = {
      collection: "map",
      identify: (value2) => value2 instanceof Set,
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
      const num2 = (n) => asBigInt ? BigInt(n) : Number(n);
      const res = parts.replace(/_/g, "").split(":").reduce((res2, p) => res2 * num2(60) + num2(p), num2(0));
      return sign === "-" ? num2(-1) * res : res;
    }
    function stringifySexagesimal(node) {
      let { value: value2 } = node;
      let num2 = (n) => n;
      if (typeof value2 === "bigint")
        num2 = (n) => BigInt(n);
      else if (isNaN(value2) || !isFinite(value2))
        return stringifyNumber.stringifyNumber(node);
      let sign = "";
      if (value2 < 0) {
        sign = "-";
        value2 *= num2(-1);
      }
      const _60 = num2(60);
      const parts = [value2 % _60];
      if (value2 < 60) {
        parts.unshift(0);
      } else {
        value2 = (value2 - parts[0]) / _60;
        parts.unshift(value2 % _60);
        if (value2 >= 60) {
          value2 = (value2 - parts[0]) / _60;
          parts.unshift(value2);
        }
      }
      return sign + parts.map((n) => String(n).padStart(2, "0")).join(":").replace(/000000\d*$/, "");
    }
    var intTime = {
      identify: (value2) => typeof value2 === "bigint" || Number.isInteger(value2),
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
      resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
      stringify: stringifySexagesimal
    };
    var floatTime = {
      identify: (value2) => typeof value2 === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
      resolve: (str) => parseSexagesimal(str, false),
      stringify: stringifySexagesimal
    };
    var timestamp = {
      identify: (value2) => value2 instanceof Date,
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
      stringify: ({ value: value2 }) => value2?.toISOString().replace(/(T00:00:00)?\.000Z$/, "") ?? ""
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
    var string2 = require_string();
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
      string2.string,
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
    var string2 = require_string();
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
      ["failsafe", [map.map, seq.seq, string2.string]],
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
          const keys = Array.from(schemas.keys()).filter((key2) => key2 !== "yaml11").map((key2) => JSON.stringify(key2)).join(", ");
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
          const keys = Object.keys(tagsByName).map((key2) => JSON.stringify(key2)).join(", ");
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
    var string2 = require_string();
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
        Object.defineProperty(this, identity.SCALAR, { value: string2.string });
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
      const lines2 = [];
      let hasDirectives = options.directives === true;
      if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
          lines2.push(dir);
          hasDirectives = true;
        } else if (doc.directives.docStart)
          hasDirectives = true;
      }
      if (hasDirectives)
        lines2.push("---");
      const ctx = stringify2.createStringifyContext(doc, options);
      const { commentString } = ctx.options;
      if (doc.commentBefore) {
        if (lines2.length !== 1)
          lines2.unshift("");
        const cs = commentString(doc.commentBefore);
        lines2.unshift(stringifyComment.indentComment(cs, ""));
      }
      let chompKeep = false;
      let contentComment = null;
      if (doc.contents) {
        if (identity.isNode(doc.contents)) {
          if (doc.contents.spaceBefore && hasDirectives)
            lines2.push("");
          if (doc.contents.commentBefore) {
            const cs = commentString(doc.contents.commentBefore);
            lines2.push(stringifyComment.indentComment(cs, ""));
          }
          ctx.forceBlockIndent = !!doc.comment;
          contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? void 0 : () => chompKeep = true;
        let body = stringify2.stringify(doc.contents, ctx, () => contentComment = null, onChompKeep);
        if (contentComment)
          body += stringifyComment.lineComment(body, "", commentString(contentComment));
        if ((body[0] === "|" || body[0] === ">") && lines2[lines2.length - 1] === "---") {
          lines2[lines2.length - 1] = `--- ${body}`;
        } else
          lines2.push(body);
      } else {
        lines2.push(stringify2.stringify(doc.contents, ctx));
      }
      if (doc.directives?.docEnd) {
        if (doc.comment) {
          const cs = commentString(doc.comment);
          if (cs.includes("\n")) {
            lines2.push("...");
            lines2.push(stringifyComment.indentComment(cs, ""));
          } else {
            lines2.push(`... ${cs}`);
          }
        } else {
          lines2.push("...");
        }
      } else {
        let dc = doc.comment;
        if (dc && chompKeep)
          dc = dc.replace(/^\n+/, "");
        if (dc) {
          if ((!chompKeep || contentComment) && lines2[lines2.length - 1] !== "")
            lines2.push("");
          lines2.push(stringifyComment.indentComment(commentString(dc), ""));
        }
      }
      return lines2.join("\n") + "\n";
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
      constructor(value2, replacer, options) {
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
        this.contents = value2 === void 0 ? null : this.createNode(value2, _replacer, options);
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
      add(value2) {
        if (assertCollection(this.contents))
          this.contents.add(value2);
      }
      /** Adds a value to the document. */
      addIn(path, value2) {
        if (assertCollection(this.contents))
          this.contents.addIn(path, value2);
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
      createNode(value2, replacer, options) {
        let _replacer = void 0;
        if (typeof replacer === "function") {
          value2 = replacer.call({ "": value2 }, "", value2);
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
        const node = createNode.createNode(value2, tag, ctx);
        if (flow && identity.isCollection(node))
          node.flow = true;
        setAnchors();
        return node;
      }
      /**
       * Convert a key and a value into a `Pair` using the current schema,
       * recursively wrapping all values as `Scalar` or `Collection` nodes.
       */
      createPair(key2, value2, options = {}) {
        const k = this.createNode(key2, null, options);
        const v = this.createNode(value2, null, options);
        return new Pair.Pair(k, v);
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      delete(key2) {
        return assertCollection(this.contents) ? this.contents.delete(key2) : false;
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
      get(key2, keepScalar) {
        return identity.isCollection(this.contents) ? this.contents.get(key2, keepScalar) : void 0;
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
      has(key2) {
        return identity.isCollection(this.contents) ? this.contents.has(key2) : false;
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
      set(key2, value2) {
        if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, [key2], value2);
        } else if (assertCollection(this.contents)) {
          this.contents.set(key2, value2);
        }
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path, value2) {
        if (Collection.isEmptyPath(path)) {
          this.contents = value2;
        } else if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value2);
        } else if (assertCollection(this.contents)) {
          this.contents.setIn(path, value2);
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
          for (const { count: count2, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count2);
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
      constructor(name, pos, code2, message) {
        super();
        this.name = name;
        this.code = code2;
        this.message = message;
        this.pos = pos;
      }
    };
    var YAMLParseError = class extends YAMLError {
      constructor(pos, code2, message) {
        super("YAMLParseError", pos, code2, message);
      }
    };
    var YAMLWarning = class extends YAMLError {
      constructor(pos, code2, message) {
        super("YAMLWarning", pos, code2, message);
      }
    };
    var prettifyError = (src, lc) => (error2) => {
      if (error2.pos[0] === -1)
        return;
      error2.linePos = error2.pos.map((pos) => lc.linePos(pos));
      const { line, col } = error2.linePos[0];
      error2.message += ` at line ${line}, column ${col}`;
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
        let count2 = 1;
        const end = error2.linePos[1];
        if (end?.line === line && end.col > col) {
          count2 = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = " ".repeat(ci) + "^".repeat(count2);
        error2.message += `:

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
    function containsNewline(key2) {
      if (!key2)
        return null;
      switch (key2.type) {
        case "alias":
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          if (key2.source.includes("\n"))
            return true;
          if (key2.end) {
            for (const st of key2.end)
              if (st.type === "newline")
                return true;
          }
          return false;
        case "flow-collection":
          for (const it of key2.items) {
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
        const { start, key: key2, sep: sep8, value: value2 } = collItem;
        const keyProps = resolveProps.resolveProps(start, {
          indicator: "explicit-key-ind",
          next: key2 ?? sep8?.[0],
          offset,
          onError,
          parentIndent: bm.indent,
          startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
          if (key2) {
            if (key2.type === "block-seq")
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "A block sequence may not be used as an implicit map key");
            else if ("indent" in key2 && key2.indent !== bm.indent)
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
          if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key2)) {
            onError(key2 ?? start[start.length - 1], "MULTILINE_IMPLICIT_KEY", "Implicit keys need to be on a single line");
          }
        } else if (keyProps.found?.indent !== bm.indent) {
          onError(offset, "BAD_INDENT", startColMsg);
        }
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key2 ? composeNode(ctx, key2, keyProps, onError) : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bm.indent, key2, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
          onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
        const valueProps = resolveProps.resolveProps(sep8 ?? [], {
          indicator: "map-value-ind",
          next: value2,
          offset: keyNode.range[2],
          onError,
          parentIndent: bm.indent,
          startOnNewline: !key2 || key2.type === "block-scalar"
        });
        offset = valueProps.end;
        if (valueProps.found) {
          if (implicitKey) {
            if (value2?.type === "block-map" && !valueProps.hasNewline)
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "Nested mappings are not allowed in compact mappings");
            if (ctx.options.strict && keyProps.start < valueProps.found.offset - 1024)
              onError(keyNode.range, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit block mapping key");
          }
          const valueNode = value2 ? composeNode(ctx, value2, valueProps, onError) : composeEmptyNode(ctx, offset, sep8, null, valueProps, onError);
          if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, value2, onError);
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
      for (const { start, value: value2 } of bs.items) {
        const props = resolveProps.resolveProps(start, {
          indicator: "seq-item-ind",
          next: value2,
          offset,
          onError,
          parentIndent: bs.indent,
          startOnNewline: true
        });
        if (!props.found) {
          if (props.anchor || props.tag || value2) {
            if (value2?.type === "block-seq")
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
        const node = value2 ? composeNode(ctx, value2, props, onError) : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bs.indent, value2, onError);
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
        const { start, key: key2, sep: sep8, value: value2 } = collItem;
        const props = resolveProps.resolveProps(start, {
          flow: fcName,
          indicator: "explicit-key-ind",
          next: key2 ?? sep8?.[0],
          offset,
          onError,
          parentIndent: fc.indent,
          startOnNewline: false
        });
        if (!props.found) {
          if (!props.anchor && !props.tag && !sep8 && !value2) {
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
          if (!isMap3 && ctx.options.strict && utilContainsNewline.containsNewline(key2))
            onError(
              key2,
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
          const valueNode = value2 ? composeNode(ctx, value2, props, onError) : composeEmptyNode(ctx, props.end, sep8, null, props, onError);
          coll.items.push(valueNode);
          offset = valueNode.range[2];
          if (isBlock(value2))
            onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
        } else {
          ctx.atKey = true;
          const keyStart = props.end;
          const keyNode = key2 ? composeNode(ctx, key2, props, onError) : composeEmptyNode(ctx, keyStart, start, null, props, onError);
          if (isBlock(key2))
            onError(keyNode.range, "BLOCK_IN_FLOW", blockMsg);
          ctx.atKey = false;
          const valueProps = resolveProps.resolveProps(sep8 ?? [], {
            flow: fcName,
            indicator: "map-value-ind",
            next: value2,
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
          } else if (value2) {
            if ("source" in value2 && value2.source?.[0] === ":")
              onError(value2, "MISSING_CHAR", `Missing space after : in ${fcName}`);
            else
              onError(valueProps.start, "MISSING_CHAR", `Missing , or : between ${fcName} items`);
          }
          const valueNode = value2 ? composeNode(ctx, value2, valueProps, onError) : valueProps.found ? composeEmptyNode(ctx, valueProps.end, sep8, null, valueProps, onError) : null;
          if (valueNode) {
            if (isBlock(value2))
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
      const lines2 = scalar2.source ? splitLines(scalar2.source) : [];
      let chompStart = lines2.length;
      for (let i = lines2.length - 1; i >= 0; --i) {
        const content = lines2[i][1];
        if (content === "" || content === "\r")
          chompStart = i;
        else
          break;
      }
      if (chompStart === 0) {
        const value3 = header.chomp === "+" && lines2.length > 0 ? "\n".repeat(Math.max(1, lines2.length - 1)) : "";
        let end2 = start + header.length;
        if (scalar2.source)
          end2 += scalar2.source.length;
        return { value: value3, type, comment: header.comment, range: [start, end2, end2] };
      }
      let trimIndent = scalar2.indent + header.indent;
      let offset = scalar2.offset + header.length;
      let contentStart = 0;
      for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines2[i];
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
      for (let i = lines2.length - 1; i >= chompStart; --i) {
        if (lines2[i][0].length > trimIndent)
          chompStart = i + 1;
      }
      let value2 = "";
      let sep8 = "";
      let prevMoreIndented = false;
      for (let i = 0; i < contentStart; ++i)
        value2 += lines2[i][0].slice(trimIndent) + "\n";
      for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines2[i];
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
          value2 += sep8 + indent.slice(trimIndent) + content;
          sep8 = "\n";
        } else if (indent.length > trimIndent || content[0] === "	") {
          if (sep8 === " ")
            sep8 = "\n";
          else if (!prevMoreIndented && sep8 === "\n")
            sep8 = "\n\n";
          value2 += sep8 + indent.slice(trimIndent) + content;
          sep8 = "\n";
          prevMoreIndented = true;
        } else if (content === "") {
          if (sep8 === "\n")
            value2 += "\n";
          else
            sep8 = "\n";
        } else {
          value2 += sep8 + content;
          sep8 = " ";
          prevMoreIndented = false;
        }
      }
      switch (header.chomp) {
        case "-":
          break;
        case "+":
          for (let i = chompStart; i < lines2.length; ++i)
            value2 += "\n" + lines2[i][0].slice(trimIndent);
          if (value2[value2.length - 1] !== "\n")
            value2 += "\n";
          break;
        default:
          value2 += "\n";
      }
      const end = start + header.length + scalar2.source.length;
      return { value: value2, type, comment: header.comment, range: [start, end, end] };
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
      let error2 = -1;
      for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === "-" || ch === "+"))
          chomp = ch;
        else {
          const n = Number(ch);
          if (!indent && n)
            indent = n;
          else if (error2 === -1)
            error2 = offset + i;
        }
      }
      if (error2 !== -1)
        onError(error2, "UNEXPECTED_TOKEN", `Block scalar header includes extra characters: ${source}`);
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
      const lines2 = [line0];
      for (let i = 1; i < split.length; i += 2)
        lines2.push([split[i], split[i + 1]]);
      return lines2;
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
      let value2;
      const _onError = (rel, code2, msg) => onError(offset + rel, code2, msg);
      switch (type) {
        case "scalar":
          _type = Scalar.Scalar.PLAIN;
          value2 = plainValue(source, _onError);
          break;
        case "single-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_SINGLE;
          value2 = singleQuotedValue(source, _onError);
          break;
        case "double-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_DOUBLE;
          value2 = doubleQuotedValue(source, _onError);
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
        value: value2,
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
      const code2 = ok ? parseInt(cc, 16) : NaN;
      try {
        return String.fromCodePoint(code2);
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
      const { value: value2, type, comment: comment2, range } = token.type === "block-scalar" ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError) : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
      const tagName = tagToken ? ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg)) : null;
      let tag;
      if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
      } else if (tagName)
        tag = findScalarTagByName(ctx.schema, value2, tagName, tagToken, onError);
      else if (token.type === "scalar")
        tag = findScalarTagByTest(ctx, value2, token, onError);
      else
        tag = ctx.schema[identity.SCALAR];
      let scalar2;
      try {
        const res = tag.resolve(value2, (msg) => onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg), ctx.options);
        scalar2 = identity.isScalar(res) ? res : new Scalar.Scalar(res);
      } catch (error2) {
        const msg = error2 instanceof Error ? error2.message : String(error2);
        onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg);
        scalar2 = new Scalar.Scalar(value2);
      }
      scalar2.range = range;
      scalar2.source = value2;
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
    function findScalarTagByName(schema, value2, tagName, tagToken, onError) {
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
        if (tag.test?.test(value2))
          return tag;
      const kt = schema.knownTags[tagName];
      if (kt && !kt.collection) {
        schema.tags.push(Object.assign({}, kt, { default: false, test: void 0 }));
        return kt;
      }
      onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, tagName !== "tag:yaml.org,2002:str");
      return schema[identity.SCALAR];
    }
    function findScalarTagByTest({ atKey, directives, schema }, value2, token, onError) {
      const tag = schema.tags.find((tag2) => (tag2.default === true || atKey && tag2.default === "key") && tag2.test?.test(value2)) || schema[identity.SCALAR];
      if (schema.compat) {
        const compat = schema.compat.find((tag2) => tag2.default && tag2.test?.test(value2)) ?? schema[identity.SCALAR];
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
          } catch (error2) {
            const message = error2 instanceof Error ? error2.message : String(error2);
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
    function composeDoc(options, directives, { offset, start, value: value2, end }, onError) {
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
        next: value2 ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
      });
      if (props.found) {
        doc.directives.docStart = true;
        if (value2 && (value2.type === "block-map" || value2.type === "block-seq") && !props.hasNewline)
          onError(props.end, "MISSING_CHAR", "Block collection cannot start on same line with directives-end marker");
      }
      doc.contents = value2 ? composeNode.composeNode(ctx, value2, props, onError) : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
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
        this.onError = (source, code2, message, warning2) => {
          const pos = getErrorPos(source);
          if (warning2)
            this.warnings.push(new errors.YAMLWarning(pos, code2, message));
          else
            this.errors.push(new errors.YAMLParseError(pos, code2, message));
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
            this.directives.add(token.source, (offset, message, warning2) => {
              const pos = getErrorPos(token);
              pos[0] += offset;
              this.onError(pos, "BAD_DIRECTIVE", message, warning2);
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
            const error2 = new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg);
            if (this.atDirectives || !this.doc)
              this.errors.push(error2);
            else
              this.doc.errors.push(error2);
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
        const _onError = (pos, code2, message) => {
          const offset = typeof pos === "number" ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
          if (onError)
            onError(offset, code2, message);
          else
            throw new errors.YAMLParseError([offset, offset + 1], code2, message);
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
    function createScalarToken(value2, context) {
      const { implicitKey = false, indent, inFlow = false, offset = -1, type = "PLAIN" } = context;
      const source = stringifyString.stringifyString({ type, value: value2 }, {
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
    function setScalarValue(token, value2, context = {}) {
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
      const source = stringifyString.stringifyString({ type, value: value2 }, {
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
        for (const key2 of Object.keys(token))
          if (key2 !== "type" && key2 !== "offset")
            delete token[key2];
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
          for (const key2 of Object.keys(token))
            if (key2 !== "type" && key2 !== "offset")
              delete token[key2];
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
    function stringifyItem({ start, key: key2, sep: sep8, value: value2 }) {
      let res = "";
      for (const st of start)
        res += st.source;
      if (key2)
        res += stringifyToken(key2);
      if (sep8)
        for (const st of sep8)
          res += st.source;
      if (value2)
        res += stringifyToken(value2);
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
    function includesToken(list3, type) {
      for (let i = 0; i < list3.length; ++i)
        if (list3[i].type === type)
          return true;
      return false;
    }
    function findNonEmptyIndex(list3) {
      for (let i = 0; i < list3.length; ++i) {
        switch (list3[i].type) {
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
        const top2 = this.peek(1);
        if (this.type === "doc-end" && top2?.type !== "doc-end") {
          while (this.stack.length > 0)
            yield* this.pop();
          this.stack.push({
            type: "doc-end",
            offset: this.offset,
            source: this.source
          });
          return;
        }
        if (!top2)
          return yield* this.stream();
        switch (top2.type) {
          case "document":
            return yield* this.document(top2);
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return yield* this.scalar(top2);
          case "block-scalar":
            return yield* this.blockScalar(top2);
          case "block-map":
            return yield* this.blockMap(top2);
          case "block-seq":
            return yield* this.blockSequence(top2);
          case "flow-collection":
            return yield* this.flowCollection(top2);
          case "doc-end":
            return yield* this.documentEnd(top2);
        }
        yield* this.pop();
      }
      peek(n) {
        return this.stack[this.stack.length - n];
      }
      *pop(error2) {
        const token = error2 ?? this.stack.pop();
        if (!token) {
          const message = "Tried to pop an empty stack";
          yield { type: "error", offset: this.offset, source: "", message };
        } else if (this.stack.length === 0) {
          yield token;
        } else {
          const top2 = this.peek(1);
          if (token.type === "block-scalar") {
            token.indent = "indent" in top2 ? top2.indent : 0;
          } else if (token.type === "flow-collection" && top2.type === "document") {
            token.indent = 0;
          }
          if (token.type === "flow-collection")
            fixFlowSeqItems(token);
          switch (top2.type) {
            case "document":
              top2.value = token;
              break;
            case "block-scalar":
              top2.props.push(token);
              break;
            case "block-map": {
              const it = top2.items[top2.items.length - 1];
              if (it.value) {
                top2.items.push({ start: [], key: token, sep: [] });
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
              const it = top2.items[top2.items.length - 1];
              if (it.value)
                top2.items.push({ start: [], value: token });
              else
                it.value = token;
              break;
            }
            case "flow-collection": {
              const it = top2.items[top2.items.length - 1];
              if (!it || it.value)
                top2.items.push({ start: [], key: token, sep: [] });
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
          if ((top2.type === "document" || top2.type === "block-map" || top2.type === "block-seq") && (token.type === "block-map" || token.type === "block-seq")) {
            const last = token.items[token.items.length - 1];
            if (last && !last.sep && !last.value && last.start.length > 0 && findNonEmptyIndex(last.start) === -1 && (token.indent === 0 || last.start.every((st) => st.type !== "comment" || st.indent < token.indent))) {
              if (top2.type === "document")
                top2.end = last.start;
              else
                top2.items.push({ start: last.start });
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
                  const key2 = it.key;
                  const sep8 = it.sep;
                  sep8.push(this.sourceToken);
                  delete it.key;
                  delete it.sep;
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: start2, key: key2, sep: sep8 }]
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
              const fs3 = this.flowScalar(this.type);
              if (atNextItem || it.value) {
                map.items.push({ start, key: fs3, sep: [] });
                this.onKeyLine = true;
              } else if (it.sep) {
                this.stack.push(fs3);
              } else {
                Object.assign(it, { key: fs3, sep: [] });
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
          let top2;
          do {
            yield* this.pop();
            top2 = this.peek(1);
          } while (top2?.type === "flow-collection");
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
              const fs3 = this.flowScalar(this.type);
              if (!it || it.value)
                fc.items.push({ start: [], key: fs3, sep: [] });
              else if (it.sep)
                this.stack.push(fs3);
              else
                Object.assign(it, { key: fs3, sep: [] });
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
      doc.warnings.forEach((warning2) => log.warn(doc.options.logLevel, warning2));
      if (doc.errors.length > 0) {
        if (doc.options.logLevel !== "silent")
          throw doc.errors[0];
        else
          doc.errors = [];
      }
      return doc.toJS(Object.assign({ reviver: _reviver }, options));
    }
    function stringify2(value2, replacer, options) {
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
      if (value2 === void 0) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
          return void 0;
      }
      if (identity.isDocument(value2) && !_replacer)
        return value2.toString(options);
      return new Document.Document(value2, _replacer, options).toString(options);
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

// node_modules/@actions/core/lib/command.js
import * as os from "os";

// node_modules/@actions/core/lib/utils.js
function toCommandValue(input) {
  if (input === null || input === void 0) {
    return "";
  } else if (typeof input === "string" || input instanceof String) {
    return input;
  }
  return JSON.stringify(input);
}
function toCommandProperties(annotationProperties) {
  if (!Object.keys(annotationProperties).length) {
    return {};
  }
  return {
    title: annotationProperties.title,
    file: annotationProperties.file,
    line: annotationProperties.startLine,
    endLine: annotationProperties.endLine,
    col: annotationProperties.startColumn,
    endColumn: annotationProperties.endColumn
  };
}

// node_modules/@actions/core/lib/command.js
function issueCommand(command, properties, message) {
  const cmd = new Command(command, properties, message);
  process.stdout.write(cmd.toString() + os.EOL);
}
function issue(name, message = "") {
  issueCommand(name, {}, message);
}
var CMD_STRING = "::";
var Command = class {
  constructor(command, properties, message) {
    if (!command) {
      command = "missing.command";
    }
    this.command = command;
    this.properties = properties;
    this.message = message;
  }
  toString() {
    let cmdStr = CMD_STRING + this.command;
    if (this.properties && Object.keys(this.properties).length > 0) {
      cmdStr += " ";
      let first = true;
      for (const key2 in this.properties) {
        if (this.properties.hasOwnProperty(key2)) {
          const val = this.properties[key2];
          if (val) {
            if (first) {
              first = false;
            } else {
              cmdStr += ",";
            }
            cmdStr += `${key2}=${escapeProperty(val)}`;
          }
        }
      }
    }
    cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
    return cmdStr;
  }
};
function escapeData(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A").replace(/:/g, "%3A").replace(/,/g, "%2C");
}

// node_modules/@actions/core/lib/file-command.js
import * as crypto from "crypto";
import * as fs from "fs";
import * as os2 from "os";
function issueFileCommand(command, message) {
  const filePath = process.env[`GITHUB_${command}`];
  if (!filePath) {
    throw new Error(`Unable to find environment variable for file command ${command}`);
  }
  if (!fs.existsSync(filePath)) {
    throw new Error(`Missing file at path: ${filePath}`);
  }
  fs.appendFileSync(filePath, `${toCommandValue(message)}${os2.EOL}`, {
    encoding: "utf8"
  });
}
function prepareKeyValueMessage(key2, value2) {
  const delimiter = `ghadelimiter_${crypto.randomUUID()}`;
  const convertedValue = toCommandValue(value2);
  if (key2.includes(delimiter)) {
    throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
  }
  if (convertedValue.includes(delimiter)) {
    throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
  }
  return `${key2}<<${delimiter}${os2.EOL}${convertedValue}${os2.EOL}${delimiter}`;
}

// node_modules/@actions/core/lib/core.js
import * as os4 from "os";

// node_modules/@actions/http-client/lib/proxy.js
function getProxyUrl(reqUrl) {
  const usingSsl = reqUrl.protocol === "https:";
  if (checkBypass(reqUrl)) {
    return void 0;
  }
  const proxyVar = (() => {
    if (usingSsl) {
      return process.env["https_proxy"] || process.env["HTTPS_PROXY"];
    } else {
      return process.env["http_proxy"] || process.env["HTTP_PROXY"];
    }
  })();
  if (proxyVar) {
    try {
      return new DecodedURL(proxyVar);
    } catch (_a) {
      if (!proxyVar.startsWith("http://") && !proxyVar.startsWith("https://"))
        return new DecodedURL(`http://${proxyVar}`);
    }
  } else {
    return void 0;
  }
}
function checkBypass(reqUrl) {
  if (!reqUrl.hostname) {
    return false;
  }
  const reqHost = reqUrl.hostname;
  if (isLoopbackAddress(reqHost)) {
    return true;
  }
  const noProxy = process.env["no_proxy"] || process.env["NO_PROXY"] || "";
  if (!noProxy) {
    return false;
  }
  let reqPort;
  if (reqUrl.port) {
    reqPort = Number(reqUrl.port);
  } else if (reqUrl.protocol === "http:") {
    reqPort = 80;
  } else if (reqUrl.protocol === "https:") {
    reqPort = 443;
  }
  const upperReqHosts = [reqUrl.hostname.toUpperCase()];
  if (typeof reqPort === "number") {
    upperReqHosts.push(`${upperReqHosts[0]}:${reqPort}`);
  }
  for (const upperNoProxyItem of noProxy.split(",").map((x) => x.trim().toUpperCase()).filter((x) => x)) {
    if (upperNoProxyItem === "*" || upperReqHosts.some((x) => x === upperNoProxyItem || x.endsWith(`.${upperNoProxyItem}`) || upperNoProxyItem.startsWith(".") && x.endsWith(`${upperNoProxyItem}`))) {
      return true;
    }
  }
  return false;
}
function isLoopbackAddress(host) {
  const hostLower = host.toLowerCase();
  return hostLower === "localhost" || hostLower.startsWith("127.") || hostLower.startsWith("[::1]") || hostLower.startsWith("[0:0:0:0:0:0:0:1]");
}
var DecodedURL = class extends URL {
  constructor(url, base) {
    super(url, base);
    this._decodedUsername = decodeURIComponent(super.username);
    this._decodedPassword = decodeURIComponent(super.password);
  }
  get username() {
    return this._decodedUsername;
  }
  get password() {
    return this._decodedPassword;
  }
};

// node_modules/@actions/http-client/lib/index.js
var HttpCodes;
(function(HttpCodes2) {
  HttpCodes2[HttpCodes2["OK"] = 200] = "OK";
  HttpCodes2[HttpCodes2["MultipleChoices"] = 300] = "MultipleChoices";
  HttpCodes2[HttpCodes2["MovedPermanently"] = 301] = "MovedPermanently";
  HttpCodes2[HttpCodes2["ResourceMoved"] = 302] = "ResourceMoved";
  HttpCodes2[HttpCodes2["SeeOther"] = 303] = "SeeOther";
  HttpCodes2[HttpCodes2["NotModified"] = 304] = "NotModified";
  HttpCodes2[HttpCodes2["UseProxy"] = 305] = "UseProxy";
  HttpCodes2[HttpCodes2["SwitchProxy"] = 306] = "SwitchProxy";
  HttpCodes2[HttpCodes2["TemporaryRedirect"] = 307] = "TemporaryRedirect";
  HttpCodes2[HttpCodes2["PermanentRedirect"] = 308] = "PermanentRedirect";
  HttpCodes2[HttpCodes2["BadRequest"] = 400] = "BadRequest";
  HttpCodes2[HttpCodes2["Unauthorized"] = 401] = "Unauthorized";
  HttpCodes2[HttpCodes2["PaymentRequired"] = 402] = "PaymentRequired";
  HttpCodes2[HttpCodes2["Forbidden"] = 403] = "Forbidden";
  HttpCodes2[HttpCodes2["NotFound"] = 404] = "NotFound";
  HttpCodes2[HttpCodes2["MethodNotAllowed"] = 405] = "MethodNotAllowed";
  HttpCodes2[HttpCodes2["NotAcceptable"] = 406] = "NotAcceptable";
  HttpCodes2[HttpCodes2["ProxyAuthenticationRequired"] = 407] = "ProxyAuthenticationRequired";
  HttpCodes2[HttpCodes2["RequestTimeout"] = 408] = "RequestTimeout";
  HttpCodes2[HttpCodes2["Conflict"] = 409] = "Conflict";
  HttpCodes2[HttpCodes2["Gone"] = 410] = "Gone";
  HttpCodes2[HttpCodes2["TooManyRequests"] = 429] = "TooManyRequests";
  HttpCodes2[HttpCodes2["InternalServerError"] = 500] = "InternalServerError";
  HttpCodes2[HttpCodes2["NotImplemented"] = 501] = "NotImplemented";
  HttpCodes2[HttpCodes2["BadGateway"] = 502] = "BadGateway";
  HttpCodes2[HttpCodes2["ServiceUnavailable"] = 503] = "ServiceUnavailable";
  HttpCodes2[HttpCodes2["GatewayTimeout"] = 504] = "GatewayTimeout";
})(HttpCodes || (HttpCodes = {}));
var Headers;
(function(Headers2) {
  Headers2["Accept"] = "accept";
  Headers2["ContentType"] = "content-type";
})(Headers || (Headers = {}));
var MediaTypes;
(function(MediaTypes2) {
  MediaTypes2["ApplicationJson"] = "application/json";
})(MediaTypes || (MediaTypes = {}));
var HttpRedirectCodes = [
  HttpCodes.MovedPermanently,
  HttpCodes.ResourceMoved,
  HttpCodes.SeeOther,
  HttpCodes.TemporaryRedirect,
  HttpCodes.PermanentRedirect
];
var HttpResponseRetryCodes = [
  HttpCodes.BadGateway,
  HttpCodes.ServiceUnavailable,
  HttpCodes.GatewayTimeout
];

// node_modules/@actions/core/lib/summary.js
import { EOL as EOL3 } from "os";
import { constants, promises } from "fs";
var __awaiter = function(thisArg, _arguments, P, generator) {
  function adopt(value2) {
    return value2 instanceof P ? value2 : new P(function(resolve7) {
      resolve7(value2);
    });
  }
  return new (P || (P = Promise))(function(resolve7, reject) {
    function fulfilled(value2) {
      try {
        step(generator.next(value2));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value2) {
      try {
        step(generator["throw"](value2));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve7(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
var { access, appendFile, writeFile } = promises;
var SUMMARY_ENV_VAR = "GITHUB_STEP_SUMMARY";
var Summary = class {
  constructor() {
    this._buffer = "";
  }
  /**
   * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
   * Also checks r/w permissions.
   *
   * @returns step summary file path
   */
  filePath() {
    return __awaiter(this, void 0, void 0, function* () {
      if (this._filePath) {
        return this._filePath;
      }
      const pathFromEnv = process.env[SUMMARY_ENV_VAR];
      if (!pathFromEnv) {
        throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
      }
      try {
        yield access(pathFromEnv, constants.R_OK | constants.W_OK);
      } catch (_a) {
        throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
      }
      this._filePath = pathFromEnv;
      return this._filePath;
    });
  }
  /**
   * Wraps content in an HTML tag, adding any HTML attributes
   *
   * @param {string} tag HTML tag to wrap
   * @param {string | null} content content within the tag
   * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
   *
   * @returns {string} content wrapped in HTML element
   */
  wrap(tag, content, attrs = {}) {
    const htmlAttrs = Object.entries(attrs).map(([key2, value2]) => ` ${key2}="${value2}"`).join("");
    if (!content) {
      return `<${tag}${htmlAttrs}>`;
    }
    return `<${tag}${htmlAttrs}>${content}</${tag}>`;
  }
  /**
   * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
   *
   * @param {SummaryWriteOptions} [options] (optional) options for write operation
   *
   * @returns {Promise<Summary>} summary instance
   */
  write(options) {
    return __awaiter(this, void 0, void 0, function* () {
      const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
      const filePath = yield this.filePath();
      const writeFunc = overwrite ? writeFile : appendFile;
      yield writeFunc(filePath, this._buffer, { encoding: "utf8" });
      return this.emptyBuffer();
    });
  }
  /**
   * Clears the summary buffer and wipes the summary file
   *
   * @returns {Summary} summary instance
   */
  clear() {
    return __awaiter(this, void 0, void 0, function* () {
      return this.emptyBuffer().write({ overwrite: true });
    });
  }
  /**
   * Returns the current summary buffer as a string
   *
   * @returns {string} string of summary buffer
   */
  stringify() {
    return this._buffer;
  }
  /**
   * If the summary buffer is empty
   *
   * @returns {boolen} true if the buffer is empty
   */
  isEmptyBuffer() {
    return this._buffer.length === 0;
  }
  /**
   * Resets the summary buffer without writing to summary file
   *
   * @returns {Summary} summary instance
   */
  emptyBuffer() {
    this._buffer = "";
    return this;
  }
  /**
   * Adds raw text to the summary buffer
   *
   * @param {string} text content to add
   * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
   *
   * @returns {Summary} summary instance
   */
  addRaw(text2, addEOL = false) {
    this._buffer += text2;
    return addEOL ? this.addEOL() : this;
  }
  /**
   * Adds the operating system-specific end-of-line marker to the buffer
   *
   * @returns {Summary} summary instance
   */
  addEOL() {
    return this.addRaw(EOL3);
  }
  /**
   * Adds an HTML codeblock to the summary buffer
   *
   * @param {string} code content to render within fenced code block
   * @param {string} lang (optional) language to syntax highlight code
   *
   * @returns {Summary} summary instance
   */
  addCodeBlock(code2, lang) {
    const attrs = Object.assign({}, lang && { lang });
    const element = this.wrap("pre", this.wrap("code", code2), attrs);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML list to the summary buffer
   *
   * @param {string[]} items list of items to render
   * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
   *
   * @returns {Summary} summary instance
   */
  addList(items, ordered = false) {
    const tag = ordered ? "ol" : "ul";
    const listItems2 = items.map((item) => this.wrap("li", item)).join("");
    const element = this.wrap(tag, listItems2);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML table to the summary buffer
   *
   * @param {SummaryTableCell[]} rows table rows
   *
   * @returns {Summary} summary instance
   */
  addTable(rows) {
    const tableBody = rows.map((row3) => {
      const cells = row3.map((cell3) => {
        if (typeof cell3 === "string") {
          return this.wrap("td", cell3);
        }
        const { header, data, colspan, rowspan } = cell3;
        const tag = header ? "th" : "td";
        const attrs = Object.assign(Object.assign({}, colspan && { colspan }), rowspan && { rowspan });
        return this.wrap(tag, data, attrs);
      }).join("");
      return this.wrap("tr", cells);
    }).join("");
    const element = this.wrap("table", tableBody);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds a collapsable HTML details element to the summary buffer
   *
   * @param {string} label text for the closed state
   * @param {string} content collapsable content
   *
   * @returns {Summary} summary instance
   */
  addDetails(label2, content) {
    const element = this.wrap("details", this.wrap("summary", label2) + content);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML image tag to the summary buffer
   *
   * @param {string} src path to the image you to embed
   * @param {string} alt text description of the image
   * @param {SummaryImageOptions} options (optional) addition image attributes
   *
   * @returns {Summary} summary instance
   */
  addImage(src, alt, options) {
    const { width, height } = options || {};
    const attrs = Object.assign(Object.assign({}, width && { width }), height && { height });
    const element = this.wrap("img", null, Object.assign({ src, alt }, attrs));
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML section heading element
   *
   * @param {string} text heading text
   * @param {number | string} [level=1] (optional) the heading level, default: 1
   *
   * @returns {Summary} summary instance
   */
  addHeading(text2, level) {
    const tag = `h${level}`;
    const allowedTag = ["h1", "h2", "h3", "h4", "h5", "h6"].includes(tag) ? tag : "h1";
    const element = this.wrap(allowedTag, text2);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML thematic break (<hr>) to the summary buffer
   *
   * @returns {Summary} summary instance
   */
  addSeparator() {
    const element = this.wrap("hr", null);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML line break (<br>) to the summary buffer
   *
   * @returns {Summary} summary instance
   */
  addBreak() {
    const element = this.wrap("br", null);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML blockquote to the summary buffer
   *
   * @param {string} text quote text
   * @param {string} cite (optional) citation url
   *
   * @returns {Summary} summary instance
   */
  addQuote(text2, cite) {
    const attrs = Object.assign({}, cite && { cite });
    const element = this.wrap("blockquote", text2, attrs);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML anchor tag to the summary buffer
   *
   * @param {string} text link text/content
   * @param {string} href hyperlink
   *
   * @returns {Summary} summary instance
   */
  addLink(text2, href) {
    const element = this.wrap("a", text2, { href });
    return this.addRaw(element).addEOL();
  }
};
var _summary = new Summary();

// node_modules/@actions/core/lib/platform.js
import os3 from "os";

// node_modules/@actions/io/lib/io-util.js
import * as fs2 from "fs";
var { chmod, copyFile, lstat, mkdir, open, readdir, rename, rm, rmdir, stat, symlink, unlink } = fs2.promises;
var IS_WINDOWS = process.platform === "win32";
var READONLY = fs2.constants.O_RDONLY;

// node_modules/@actions/exec/lib/toolrunner.js
var IS_WINDOWS2 = process.platform === "win32";

// node_modules/@actions/core/lib/platform.js
var platform = os3.platform();
var arch = os3.arch();

// node_modules/@actions/core/lib/core.js
var __awaiter2 = function(thisArg, _arguments, P, generator) {
  function adopt(value2) {
    return value2 instanceof P ? value2 : new P(function(resolve7) {
      resolve7(value2);
    });
  }
  return new (P || (P = Promise))(function(resolve7, reject) {
    function fulfilled(value2) {
      try {
        step(generator.next(value2));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value2) {
      try {
        step(generator["throw"](value2));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve7(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
var ExitCode;
(function(ExitCode2) {
  ExitCode2[ExitCode2["Success"] = 0] = "Success";
  ExitCode2[ExitCode2["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
function setSecret(secret) {
  issueCommand("add-mask", {}, secret);
}
function setOutput(name, value2) {
  const filePath = process.env["GITHUB_OUTPUT"] || "";
  if (filePath) {
    return issueFileCommand("OUTPUT", prepareKeyValueMessage(name, value2));
  }
  process.stdout.write(os4.EOL);
  issueCommand("set-output", { name }, toCommandValue(value2));
}
function setFailed(message) {
  process.exitCode = ExitCode.Failure;
  error(message);
}
function error(message, properties = {}) {
  issueCommand("error", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function warning(message, properties = {}) {
  issueCommand("warning", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function info(message) {
  process.stdout.write(message + os4.EOL);
}
function startGroup(name) {
  issue("group", name);
}
function endGroup() {
  issue("endgroup");
}
function group(name, fn) {
  return __awaiter2(this, void 0, void 0, function* () {
    startGroup(name);
    let result;
    try {
      result = yield fn();
    } finally {
      endGroup();
    }
    return result;
  });
}

// src/config/action.ts
import { readFile as readFile5 } from "node:fs/promises";
import { join as join19, resolve as resolve5 } from "node:path";
import { tmpdir as tmpdir2 } from "node:os";

// src/util/crash-site.ts
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
var FRAME = /(?:\(|at )((?:file:\/\/)?\/[^():\s]+):(\d+):\d+\)?$/gm;
var MODULE_COMMENT = /^\/\/ (\S+\.[cm]?[jt]sx?)$/;
function crashSite(error2) {
  for (const [, where2 = "", line = "0"] of (error2.stack ?? "").matchAll(FRAME)) {
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
  let lines2;
  try {
    lines2 = readFileSync(bundle, "utf8").split("\n", line);
  } catch {
    return null;
  }
  for (let i = lines2.length - 1; i >= 0; i--) {
    const m = MODULE_COMMENT.exec(lines2[i]);
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
function describeError(error2) {
  if (error2 instanceof UserError) return error2.message;
  if (error2 instanceof Error) {
    const site = crashSite(error2);
    return `${error2.name}: ${error2.message}${site ? ` (in ${site})` : ""}`;
  }
  return String(error2);
}

// src/git/repo.ts
import { spawn as spawn3 } from "node:child_process";
import { readFileSync as readFileSync2, realpathSync, statSync } from "node:fs";
import { dirname, join as join2, relative, sep } from "node:path";

// src/git/cat-file.ts
import { spawn as spawn2 } from "node:child_process";
import { mkdtemp, open as open2, rm as rm2 } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

// src/git/run.ts
import { spawn } from "node:child_process";
var STDERR_BYTES = 64 * 1024;
function runGit(cwd, args) {
  return new Promise((resolve7, reject) => {
    const child = spawn("git", args, { cwd, stdio: ["ignore", "pipe", "pipe"], windowsHide: true });
    const out = [];
    const stderr = gitStderr(child, `git ${args[0]}`);
    child.stdout.on("data", (chunk) => out.push(chunk));
    child.on("error", (error2) => reject(new Error(`git ${args[0]} could not start: ${error2.message}`)));
    child.on("close", (code2, signal) => {
      if (code2 === 0) return resolve7(Buffer.concat(out).toString("utf8"));
      reject(new Error(stderr.why(code2, signal)));
    });
  });
}
function gitStderr(child, name) {
  let stderr = "";
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (text2) => {
    if (stderr.length < STDERR_BYTES) stderr += text2;
  });
  child.stdin?.on("error", () => void 0);
  return { why: (code2, signal) => stderr.trim() || (signal ? `${name} was killed by ${signal}` : `${name} exited with code ${code2}`) };
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
  constructor(oid, size2) {
    super(`object ${oid} has ${size2} bytes, more than this read allows`);
    this.oid = oid;
    this.size = size2;
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
  fail(error2) {
    this.header = EMPTY;
    this.body = null;
    for (const request of this.pending.splice(0)) request.reject(error2);
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
    const size2 = Number(m[3]);
    const keep = size2 <= request.maxBytes && (request.admit?.(size2) ?? true);
    const found = { oid: m[1], type: m[2], size: size2, bytes: keep ? Buffer.allocUnsafe(size2) : null };
    this.body = { request, found, received: 0 };
  }
  /** Copies body bytes (and the newline git ends each object with); returns where in `chunk` they ended. */
  take(chunk, at) {
    const body = this.body;
    const { size: size2, bytes } = body.found;
    const n = Math.min(size2 + 1 - body.received, chunk.length - at);
    if (bytes) {
      const copy = Math.min(n, size2 - body.received);
      if (copy > 0) chunk.copy(bytes, body.received, at, at + copy);
    }
    body.received += n;
    if (body.received === size2 + 1) {
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
      ({ maxBytes, admit }) => new Promise((resolve7, reject) => this.answers.pending.push({ maxBytes, admit, resolve: resolve7, reject }))
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
    return new Promise((resolve7, reject) => {
      this.answers.pending.push({ maxBytes, resolve: resolve7, reject });
      if (this.answers.pending.length === 1) this.hold(true);
      child.stdin.write(`${name}
`);
    });
  }
  /** Ends the process (pending reads fail) and waits for it to exit. Safe to call more than once. */
  close() {
    this.closing ??= new Promise((resolve7) => {
      const child = this.child;
      if (!child || child.exitCode !== null || child.signalCode !== null) return resolve7();
      child.once("close", () => resolve7());
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
    child.on("error", (error2) => {
      if (this.child === child) this.child = null;
      this.answers.fail(new Error(`git cat-file could not start: ${error2.message}`));
    });
    child.on("close", (code2, signal) => {
      if (this.child === child) this.child = null;
      this.answers.fail(
        new Error(this.closing ? "the git object reader was closed before the read ended" : `git cat-file ended early: ${stderr.why(code2, signal)}`)
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
    const file = await open2(join(dir, "batch"), "w+");
    try {
      let stopped = false;
      await new Promise((resolve7, reject) => {
        const child = spawn2("git", ["cat-file", "--batch"], { cwd, stdio: ["pipe", file.fd, "pipe"], windowsHide: true });
        const stderr = gitStderr(child, "git cat-file");
        const watch = Number.isFinite(maxTotal) ? setInterval(() => {
          void file.stat().then(
            ({ size: size2 }) => {
              if (size2 > maxTotal && child.exitCode === null) {
                stopped = true;
                child.kill();
              }
            },
            () => void 0
          );
        }, WATCH_MS) : null;
        child.on("error", (error2) => reject(new Error(`git cat-file could not start: ${error2.message}`)));
        child.on("close", (code2, signal) => {
          if (watch) clearInterval(watch);
          if (code2 === 0 || stopped) resolve7();
          else reject(new Error(`git cat-file failed: ${stderr.why(code2, signal)}`));
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
    await rm2(dir, { recursive: true, force: true });
  }
}

// src/git/repo.ts
var MAX_METADATA_BYTES = 16 * 1024 * 1024;
var places = /* @__PURE__ */ new Map();
var FULL_SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/;
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
    let lines2 = places.get(dir);
    if (!lines2) {
      lines2 = plainWorkTree(dir) ?? void 0;
      if (!lines2) {
        try {
          lines2 = (await runGit(dir, ["rev-parse", "--show-toplevel", "--show-prefix"])).split("\n").map((line) => line.trim());
        } catch (error2) {
          const words = String(error2.message);
          if (/dubious ownership/.test(words)) throw new UserError(`git refuses to read the repository at ${dir}: ${words.replace(/^fatal: /, "")}`);
          throw new UserError(`${dir} is not inside a git repository (mlreport compares revisions, so it needs one).`);
        }
      }
      places.set(dir, lines2);
    }
    return new _GitRepo(dir, lines2[0], lines2[1] ?? "");
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
  async isShallow() {
    return (await this.raw(["rev-parse", "--is-shallow-repository"])).trim() === "true";
  }
  /**
   * Fetches one commit at depth 1 (what a shallow `actions/checkout` clone lacks), or with `depth` that many
   * commits of its history: never more than asked for.
   */
  async fetchCommit(sha, remote = "origin", depth = 1) {
    if (!FULL_SHA.test(sha)) throw new UserError(`not a full commit SHA: ${JSON.stringify(sha)}`);
    if (!Number.isInteger(depth) || depth < 1) throw new UserError(`not a fetch depth: ${depth}`);
    await this.raw(["fetch", "--no-tags", "--no-write-fetch-head", `--depth=${depth}`, "--end-of-options", remote, sha]);
  }
  /** Fetches a branch into refs/remotes/<remote>/<branch>, deepened by `depth` commits. */
  async fetchBranch(branch, depth, remote = "origin") {
    await this.raw(["check-ref-format", "--branch", branch]).catch(() => {
      throw new UserError(`not a valid branch name: ${JSON.stringify(branch)}`);
    });
    assertSafeRev(branch);
    await this.raw(["fetch", "--no-tags", `--depth=${depth}`, "--end-of-options", remote, `+refs/heads/${branch}:refs/remotes/${remote}/${branch}`]);
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
    } catch (error2) {
      if (!/couldn't find remote ref/i.test(String(error2))) throw error2;
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
    for (const line of out.split("\0")) {
      const m = /^(\d+) \w+ ([0-9a-f]+)\t(.*)$/s.exec(line);
      if (!m || !m[3].startsWith(prefix)) continue;
      entries.set(m[3].slice(prefix.length), { mode: m[1], oid: m[2] });
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
    const commit = await this.readCommit(sha);
    if (!commit) throw new UserError(`git does not have commit ${sha}`);
    const parts = `${this.prefix}${path}`.split("/").filter(Boolean);
    let entry = { mode: "40000", oid: commit.tree };
    for (const part of parts) {
      if (entry.mode !== "40000") return null;
      entry = (await this.readTree(entry.oid)).get(part);
      if (!entry) return null;
    }
    return entry.mode === "40000" ? null : entry;
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
  raw(args) {
    return runGit(this.cwd, args);
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
    const closed = new Promise((resolve7, reject) => {
      child.on("error", reject);
      child.on("close", (code2, signal) => resolve7([code2, signal]));
    });
    try {
      for await (const chunk of child.stdout) yield chunk;
      const [code2, signal] = await closed;
      if (code2 !== 0) throw new UserError(`git cat-file blob ${oid} failed: ${stderr.why(code2, signal)}`);
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
    for (const group2 of groups) {
      const pathspecs = group2 ? group2.map((p) => `:(literal)${p}`) : [];
      const out = await this.raw(["diff", "--numstat", "-z", "--no-renames", "--no-ext-diff", "--no-textconv", "--relative", sha, "--", ...pathspecs]);
      for (const record of out.split("\0")) {
        const m = /^(\d+|-)\t(\d+|-)\t(.*)$/s.exec(record);
        if (m) files.set(m[3], m[1] === "-" ? null : { added: Number(m[1]), deleted: Number(m[2]) });
      }
    }
    return files;
  }
  /**
   * The paths `diffNumstat` lists, found without reading any file's content (`git diff --raw`): counting lines reads
   * both sides of every changed file, and a change that deletes a thousand values files need count none of them.
   */
  async diffPaths(sha) {
    if (!FULL_SHA.test(sha)) throw new UserError(`not a full commit SHA: ${JSON.stringify(sha)}`);
    const out = await this.raw(["diff", "--raw", "-z", "--no-renames", "--no-ext-diff", "--no-textconv", "--relative", sha, "--"]);
    const fields = out.split("\0");
    const paths = [];
    for (let i = 0; i + 1 < fields.length; i += 2) if (fields[i].startsWith(":")) paths.push(fields[i + 1]);
    return paths;
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
  for (let top2 = real; ; top2 = dirname(top2)) {
    const dotGit = join2(top2, ".git");
    const found = statSync(dotGit, { throwIfNoEntry: false });
    if (found) {
      if (!found.isDirectory() || found.uid !== uid || statSync(top2).uid !== uid) return null;
      if (!statSync(join2(dotGit, "HEAD"), { throwIfNoEntry: false })?.isFile()) return null;
      let config = "";
      try {
        config = readFileSync2(join2(dotGit, "config"), "utf8");
      } catch {
        return null;
      }
      if (/^\s*(worktree\w*|bare\s*=\s*true)\b|^\s*\[\s*include/im.test(config)) return null;
      const parts = relative(top2, real).split(sep).filter(Boolean);
      if (parts.some((part) => part.toLowerCase() === ".git")) return null;
      return [top2, parts.map((part) => `${part}/`).join("")];
    }
    if (dirname(top2) === top2) return null;
  }
}
function assertSafeRev(rev) {
  if (!rev || rev.startsWith("-") || /[\x00-\x1f\x7f]/.test(rev)) {
    throw new UserError(`not a usable git revision: ${JSON.stringify(rev)}`);
  }
}
function shortSha(sha) {
  return sha.slice(0, 7);
}

// src/git/revisions.ts
var ZERO_SHA = /^0+$/;
function baseFromEvent(eventName, event) {
  const defaultBranch = event.repository?.default_branch;
  const previous = { kind: "rev", rev: "HEAD~1", label: "HEAD~1" };
  if (eventName === "pull_request" || eventName === "pull_request_target") {
    const sha = event.pull_request?.base?.sha;
    if (sha) return [{ kind: "commit", sha, label: event.pull_request?.base?.ref || shortSha(sha) }];
  }
  if (eventName === "push" && event.before) {
    if (!ZERO_SHA.test(event.before)) return [{ kind: "commit", sha: event.before, label: shortSha(event.before) }];
    if (defaultBranch) {
      return [{ kind: "merge-base", ref: `refs/remotes/origin/${defaultBranch}`, fetchBranch: defaultBranch, label: defaultBranch }, previous];
    }
  }
  return [previous];
}
function headLabelFromEvent(eventName, event, sha) {
  if (event.pull_request?.head?.ref) return event.pull_request.head.ref;
  if (eventName === "push" && event.ref?.startsWith("refs/heads/")) return event.ref.slice("refs/heads/".length);
  return shortSha(sha);
}
async function resolveBase(git, candidates, log) {
  for (const candidate of candidates) {
    const found = await resolveCandidate(git, candidate, log);
    if (found) return found;
  }
  if (candidates.length) {
    log.warning(`No base revision found (tried ${candidates.map(describe).join(", ")}); the report shows the head's values alone.`);
  }
  return null;
}
async function resolveCandidate(git, candidate, log) {
  switch (candidate.kind) {
    case "commit": {
      let sha = await git.resolveCommit(candidate.sha);
      if (!sha) {
        log.info(`Base commit ${shortSha(candidate.sha)} is not in this clone (shallow checkout); fetching that one commit (depth 1).`);
        try {
          await git.fetchCommit(candidate.sha);
          sha = await git.resolveCommit(candidate.sha);
        } catch (error2) {
          log.warning(`Could not fetch base commit ${shortSha(candidate.sha)}: ${firstLine(error2)}`);
        }
      }
      return sha ? { sha, label: candidate.label } : null;
    }
    case "merge-base": {
      if (candidate.fetchBranch) {
        log.info(`Fetching ${candidate.fetchBranch} to find where this branch started.`);
        await git.fetchBranch(candidate.fetchBranch, 200).catch((error2) => log.info(`Fetch failed: ${firstLine(error2)}`));
      }
      const ref = await git.resolveCommit(candidate.ref);
      const sha = ref && await git.mergeBase("HEAD", ref);
      return sha ? { sha, label: candidate.label } : null;
    }
    case "rev": {
      const sha = await git.resolveCommit(candidate.rev);
      return sha ? { sha, label: candidate.label } : null;
    }
    case "explicit":
      return resolveExplicit(git, candidate, log);
  }
}
async function resolveExplicit(git, candidate, log) {
  const { rev, origin } = candidate;
  const local = await git.resolveCommit(rev);
  if (local) return { sha: local, label: candidate.label };
  const tried = [`\`${rev}\``];
  if (!(await git.remotes()).includes("origin")) {
    tried.push("no remote 'origin' to fetch it from");
  } else {
    const branch = rev.replace(/^origin\//, "");
    log.info(`${origin}: '${rev}' is not in this clone; fetching the branch '${branch}' from origin.`);
    try {
      await git.fetchBranch(branch, 200);
      const fetched = await git.resolveCommit(`refs/remotes/origin/${branch}`);
      if (fetched) return { sha: fetched, label: candidate.label };
      tried.push(`fetching the branch '${branch}' from origin`);
    } catch (error2) {
      tried.push(`fetching the branch '${branch}' from origin (${firstLine(error2)})`);
    }
  }
  throw new UserError(
    `${origin}: '${rev}' is not a commit in this repository (tried ${tried.join("; ")}). Name a branch, tag or commit that exists, or fetch it before mlreport runs (actions/checkout with \`fetch-depth: 0\`).`
  );
}
function describe(candidate) {
  return candidate.kind === "commit" ? shortSha(candidate.sha) : candidate.kind === "merge-base" ? `merge-base with ${candidate.ref}` : candidate.rev;
}
function firstLine(error2) {
  return (error2 instanceof Error ? error2.message : String(error2)).split("\n")[0] ?? "";
}

// src/pipeline/engine.ts
import { existsSync as existsSync6 } from "node:fs";
import { join as join17 } from "node:path";
import { performance as performance2 } from "node:perf_hooks";

// src/util/node-crypto.ts
function nodeCrypto() {
  return process.getBuiltinModule("node:crypto");
}

// src/dvc/data/cache.ts
import { closeSync, createReadStream, fchmodSync, mkdirSync, openSync, renameSync, rmSync, writevSync } from "node:fs";
import { chmod as chmod2, copyFile as copyFile2, mkdir as mkdir2, open as open3, readFile, readdir as readdir2, rename as rename2, rm as rm3, stat as stat2 } from "node:fs/promises";
import { basename, dirname as dirname2, join as join3, relative as relative2, sep as sep2 } from "node:path";

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
    const shown2 = failures.slice(0, 20).map((f) => `  ${f.path ? `${f.path}: ` : ""}object ${f.oid}: ${f.reason}`);
    if (failures.length > shown2.length) shown2.push(`  \u2026 and ${failures.length - shown2.length} more`);
    const verb = direction === "pull" ? "could not be pulled from" : "could not be pushed to";
    super(`${failures.length} object${failures.length === 1 ? "" : "s"} ${verb} ${remote}:
${shown2.join("\n")}`);
    this.direction = direction;
    this.remote = remote;
    this.failures = failures;
    this.name = "TransferError";
  }
  direction;
  remote;
  failures;
};

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
      const fill2 = Math.min(DOS2UNIX_CHUNK - this.pendingBytes, data.length);
      data.copy(this.pending, this.pendingBytes, 0, fill2);
      this.pendingBytes += fill2;
      data = data.subarray(fill2);
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
      } catch (error2) {
        failed2 ??= { error: error2 };
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
    return join3(this.dir, ...objectKey(oid, legacy).split("/"));
  }
  async has(oid, legacy = false) {
    try {
      return (await stat2(this.path(oid, legacy))).isFile();
    } catch {
      return false;
    }
  }
  /**
   * Which of `oids` the cache holds: one listing per `ab/` folder that exists instead of one `stat` per object,
   * which for the thousands of files of a directory output is most of the cost of asking.
   */
  async holding(oids, legacy = false) {
    const held = /* @__PURE__ */ new Set();
    if (!oids.length) return held;
    const folders = /* @__PURE__ */ new Map();
    for (const oid of oids) {
      const folder = dirname2(this.path(oid, legacy));
      folders.set(folder, [...folders.get(folder) ?? [], oid]);
    }
    const root = dirname2([...folders.keys()][0]);
    const present = new Set(await readdir2(root).catch(() => []));
    await eachLimit([...folders], 8, async ([folder, wanted]) => {
      if (!present.has(basename(folder))) return;
      const entries = new Map((await readdir2(folder, { withFileTypes: true })).map((e) => [e.name, e]));
      for (const oid of wanted) {
        const e = entries.get(basename(this.path(oid, legacy)));
        if (e?.isFile() || e?.isSymbolicLink() && await this.has(oid, legacy)) held.add(oid);
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
      bytes = await readFile(path);
    } catch {
      throw new DataError(`${oid} is not in the cache (${this.dir})`);
    }
    return parseManifest(bytes, `cache object ${path}`);
  }
  /** Adds a workspace file to the cache (what `dvc commit` does for a file output) and returns its md5. */
  async addFile(file) {
    const hasher = new ObjectHasher(false);
    let size2 = 0;
    for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 })) {
      hasher.update(chunk);
      size2 += chunk.length;
    }
    const oid = hasher.digest();
    if (!await this.has(oid)) {
      const target = this.path(oid);
      await mkdir2(dirname2(target), { recursive: true });
      const tmp = join3(dirname2(target), `.${nodeCrypto().randomBytes(12).toString("hex")}.tmp`);
      try {
        await copyFile2(file, tmp);
        await chmod2(tmp, CACHE_MODE);
        await rename2(tmp, target);
      } catch (error2) {
        await rm3(tmp, { force: true });
        throw error2;
      }
    }
    return { oid, size: size2 };
  }
  /**
   * Adds every file under a workspace directory and its `.dir` manifest (DVC's directory output), returning the
   * `<md5>.dir` oid with DVC's `size` (sum of file sizes) and `nfiles`. Symlinks are followed as DVC does;
   * empty directories leave no trace, as in DVC. `ignored` applies the project's `.dvcignore` (relpaths).
   */
  async addDirectory(dir, ignored = () => false) {
    const entries = [];
    let size2 = 0;
    for (const file of await listFiles(dir)) {
      const relpath = relative2(dir, file).split(sep2).join("/");
      if (ignored(relpath)) continue;
      const added = await this.addFile(file);
      entries.push({ relpath, md5: added.oid });
      size2 += added.size;
    }
    const manifest = dirManifest(entries);
    if (!await this.has(manifest.oid)) await this.writeBytes(manifest.oid, false, manifest.bytes, dir);
    return { oid: manifest.oid, size: size2, nfiles: entries.length };
  }
};
async function writeObject(target, oid, legacy, source, from) {
  const tmp = join3(dirname2(target), `.${nodeCrypto().randomBytes(12).toString("hex")}.tmp`);
  const hasher = new ObjectHasher(legacy);
  let size2 = 0;
  try {
    const file = await open3(tmp, "wx", 420).catch(async (error2) => {
      if (error2.code !== "ENOENT") throw error2;
      await mkdir2(dirname2(target), { recursive: true });
      return open3(tmp, "wx", 420);
    });
    try {
      let batch = [];
      let batched = 0;
      for await (const chunk of source) {
        hasher.update(chunk);
        size2 += chunk.length;
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
  } catch (error2) {
    await rm3(tmp, { force: true });
    if (error2 instanceof ObjectError) throw error2;
    throw new ObjectError(`reading it from ${from} broke off: ${error2.code ?? error2.message}`, "unreachable");
  }
  const actual = hasher.digest();
  const expected = oid.replace(/\.dir$/, "");
  if (actual !== expected) {
    await rm3(tmp, { force: true });
    throw new ObjectError(`corrupt: ${from} sent ${size2} bytes whose md5 is ${actual}`, "corrupt");
  }
  await rename2(tmp, target);
  return size2;
}
async function listFiles(dir) {
  const out = [];
  for (const entry of await readdir2(dir, { withFileTypes: true })) {
    if (entry.name === ".git" || entry.name === ".hg" || entry.name === ".dvc") continue;
    const path = join3(dir, entry.name);
    const isDir2 = entry.isDirectory() || entry.isSymbolicLink() && (await stat2(path)).isDirectory();
    if (isDir2) for (const file of await listFiles(path)) out.push(file);
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
import { chmodSync, constants as constants3, copyFileSync, createReadStream as createReadStream2, rmSync as rmSync2 } from "node:fs";
import { chmod as chmod3, copyFile as copyFile3, lstat as lstat2, mkdir as mkdir3, readdir as readdir3, rename as rename3, rm as rm4 } from "node:fs/promises";
import { basename as basename2, dirname as dirname3, join as join4, relative as relative3, resolve, sep as sep3 } from "node:path";
var COPIES_AT_ONCE = 8;
async function checkout(cache, root, target, options = {}) {
  try {
    return await place(cache, root, target, options);
  } finally {
    if (options.staged) await rm4(options.staged, { recursive: true, force: true });
  }
}
async function makeFolders(dir, relpaths) {
  for (const folder of new Set(relpaths.map((r) => dirname3(join4(dir, ...r.split("/")))))) await mkdir3(folder, { recursive: true });
}
function stagedCopy(staged, relpath) {
  return { file: join4(staged, ...relpath.split("/")), mode: 438 & ~umask() };
}
function outputPath(root, path) {
  const dest = resolve(root, path);
  const rel = relative3(resolve(root), dest);
  if (!rel || rel.startsWith("..") || rel.split(sep3).includes("..")) throw new DataError(`${path}: an output path must stay inside the project`);
  return dest;
}
async function place(cache, root, target, options) {
  checkOid(target.oid, target.path);
  const dest = outputPath(root, target.path);
  const legacy = target.legacy ?? false;
  if (!await cache.has(target.oid, legacy)) throw new DataError(`${target.path}: object ${target.oid} is not in the cache (${cache.dir}); pull it first`);
  const current = await lstat2(dest).catch(() => void 0);
  if (!isDirOid(target.oid)) {
    if (current?.isFile() && await md5(dest, legacy) === target.oid) {
      if (target.isexec) await chmod3(dest, 493 & ~umask());
      return "unchanged";
    }
    if (current) await guardUnsaved(cache, dest, target.path, legacy, options);
    await mkdir3(dirname3(dest), { recursive: true });
    const tmp = join4(dirname3(dest), `.${basename2(dest)}.${nodeCrypto().randomBytes(6).toString("hex")}.tmp`);
    try {
      await materialise(cache.path(target.oid, legacy), tmp, target.isexec ?? false);
      if (current?.isDirectory()) await rm4(dest, { recursive: true, force: true });
      await rename3(tmp, dest);
    } catch (error2) {
      await rm4(tmp, { force: true });
      throw new DataError(`${target.path}: checkout failed: ${error2.message}`);
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
      const file = join4(dest, ...relpath.split("/"));
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
  await mkdir3(dirname3(dest), { recursive: true });
  const token = nodeCrypto().randomBytes(6).toString("hex");
  const fresh = options.staged ?? join4(dirname3(dest), `.${basename2(dest)}.${token}.tmp`);
  const old = join4(dirname3(dest), `.${basename2(dest)}.${token}.old`);
  try {
    await mkdir3(fresh, { recursive: true });
    await makeFolders(
      fresh,
      entries.map((e) => e.relpath)
    );
    const copied = new Set(options.staged ? await listFiles2(fresh) : []);
    const rest = entries.filter((e) => !copied.has(e.relpath));
    await eachLimit(rest, COPIES_AT_ONCE, (e) => materialise(cache.path(e.md5, legacy), join4(fresh, ...e.relpath.split("/")), false));
    if (current) await rename3(dest, old);
    await rename3(fresh, dest);
  } catch (error2) {
    await rm4(fresh, { recursive: true, force: true });
    throw new DataError(`${target.path}: checkout failed: ${error2.message}`);
  }
  await rm4(old, { recursive: true, force: true });
  return current ? "modified" : "created";
}
async function materialise(from, to, exec) {
  await copyFile3(from, to, constants3.COPYFILE_FICLONE);
  await chmod3(to, (exec ? 511 : 438) & ~umask());
}
async function guardUnsaved(cache, dest, path, legacy, options) {
  if (options.force) return;
  const stats3 = await lstat2(dest);
  const files = stats3.isDirectory() ? (await listFiles2(dest)).map((f) => join4(dest, ...f.split("/"))) : [dest];
  for (const file of files) {
    if (!await cache.has(await md5(file, legacy), legacy)) throw unsaved(file === dest ? path : `${path}/${relative3(dest, file).split(sep3).join("/")}`);
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
    if (entry.isDirectory()) for (const file of await listFiles2(join4(dir, entry.name), rel)) out.push(file);
    else out.push(rel);
  }
  return out;
}

// src/dvc/data/config.ts
import { readFile as readFile2 } from "node:fs/promises";
import { homedir } from "node:os";
import { dirname as dirname4, isAbsolute, join as join5, resolve as resolve2 } from "node:path";

// src/dvc/data/ini.ts
var SECTION = /^(\[+)\s*(.*?)\s*(\]+)\s*(?:#.*)?$/;
var KEY_VALUE = /^("[^"]*"|'[^']*'|[^=]+?)\s*=\s*(.*)$/;
function parseIni(text2, file) {
  const sections = /* @__PURE__ */ new Map([["", /* @__PURE__ */ new Map()]]);
  const lines2 = text2.replace(/^\uFEFF/, "").split(/\r?\n/);
  let current = sections.get("");
  let sectionName = "";
  const at = (n) => `${file}:${n + 1}`;
  for (let n = 0; n < lines2.length; n++) {
    const line = lines2[n].trim();
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
    if (!kv) throw new DataError(`${at(n)}: expected 'key = value' or a [section] header, found '${line}'`);
    const key2 = unquote(kv[1].trim()).toLowerCase();
    if (current.has(key2)) throw new DataError(`${at(n)}: duplicate key '${key2}' in section '${sectionName}'`);
    current.set(key2, parseValue(kv[2], at(n), key2));
  }
  for (const [name, section] of sections) {
    for (const [key2, value2] of section) {
      const resolve7 = (v) => interpolate(v, section, sections.get("default"), `${file}: key '${key2}' in section '${name}'`);
      section.set(key2, Array.isArray(value2) ? value2.map(resolve7) : resolve7(value2));
    }
  }
  return sections;
}
function unquote(s) {
  if (s.length >= 2 && (s[0] === '"' || s[0] === "'") && s.endsWith(s[0])) return s.slice(1, -1);
  return s;
}
function parseValue(raw, where2, key2) {
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
      if (end < 0) throw new DataError(`${where2}: unterminated quote in the value of '${key2}'`);
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
      throw new DataError(`${where2}: unexpected text after the value of '${key2}'`);
    }
  }
  if (sawComma) return items.filter((x, k) => x !== "" || k < items.length - 1);
  return items[0] ?? "";
}
function interpolate(value2, section, defaults, where2, depth = 0) {
  if (!value2.includes("%(")) return value2;
  if (depth > 10) throw new DataError(`${where2}: interpolation '%(\u2026)s' nests too deep`);
  return value2.replace(/%\(([^)]*)\)s/g, (_m, name) => {
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
async function loadDvcConfig(root, environment = {}, revision2) {
  const env = environment.env ?? process.env;
  const repoFile = join5(root, ".dvc", "config");
  const onDisk = (file) => ({ file, dir: dirname4(file), text: () => readConfigFile(file) });
  const levels = [
    ...configDirs(env, environment.platform ?? process.platform).map((d) => onDisk(join5(d, "config"))),
    revision2 ? { file: revision2.name, dir: dirname4(repoFile), text: () => Promise.resolve(revision2.text) } : onDisk(repoFile),
    onDisk(join5(root, ".dvc", "config.local"))
  ];
  const read = [];
  const merged = /* @__PURE__ */ new Map();
  for (const level of levels) {
    const text2 = await level.text();
    if (text2 === null) continue;
    read.push(level.file);
    mergeLevel(merged, parseIni(text2, level.file), level.file, level.dir);
  }
  return buildConfig(root, read, merged);
}
async function readConfigFile(file) {
  try {
    return await readFile2(file, "utf8");
  } catch (error2) {
    if (error2.code === "ENOENT" || error2.code === "ENOTDIR") return null;
    throw new DataError(`cannot read the DVC config ${file}: ${error2.message}`);
  }
}
function configDirs(env, platform2) {
  const home = env.HOME ?? env.USERPROFILE ?? homedir();
  let system;
  let global;
  if (platform2 === "win32") {
    system = join5(env.ALLUSERSPROFILE ?? "C:\\ProgramData", "iterative", "dvc");
    global = join5(env.LOCALAPPDATA ?? join5(home, "AppData", "Local"), "iterative", "dvc");
  } else if (platform2 === "darwin") {
    system = "/Library/Application Support/dvc";
    global = join5(home, "Library", "Application Support", "dvc");
  } else {
    system = join5((env.XDG_CONFIG_DIRS || "/etc/xdg").split(":")[0], "dvc");
    global = join5(env.XDG_CONFIG_HOME || join5(home, ".config"), "dvc");
  }
  return [env.DVC_SYSTEM_CONFIG_DIR || system, env.DVC_GLOBAL_CONFIG_DIR || global];
}
function mergeLevel(merged, sections, file, dir) {
  for (const [name, section] of sections) {
    if (name === "" && section.size === 0) continue;
    const named3 = NAMED_SECTION.exec(name);
    const key2 = named3 ? `${named3[1]} "${named3[2]}"` : name;
    const target = merged.get(key2) ?? /* @__PURE__ */ new Map();
    merged.set(key2, target);
    for (const [k, v] of section) target.set(k, { value: resolvePath(k, v, key2, dir), file });
  }
}
function resolvePath(key2, value2, section, dir) {
  const applies = section.startsWith('remote "') && PATH_KEYS.has(key2) || section === "cache" && key2 === "dir";
  if (!applies || typeof value2 !== "string" || !value2 || /^\w+:\/\//.test(value2)) return value2;
  if (value2 === "~" || value2.startsWith("~/")) return join5(homedir(), value2.slice(1));
  if (isAbsolute(value2) || /^[A-Za-z]:[\\/]/.test(value2)) return value2;
  return resolve2(dir, value2);
}
function buildConfig(root, files, merged) {
  const remotes = /* @__PURE__ */ new Map();
  for (const [section, values] of merged) {
    const named3 = NAMED_SECTION.exec(section);
    if (!named3 || named3[1] !== "remote") continue;
    const name = named3[2];
    const url = values.get("url");
    const defining = [...new Set([...values.values()].map((v) => v.file))];
    if (typeof url?.value !== "string" || !url.value) throw new DataError(`remote '${name}' has no 'url' (${defining.join(", ")})`);
    const options = {};
    for (const [k, v] of values) if (k !== "url") options[k] = v.value;
    remotes.set(name, { name, url: url.value, options, files: defining });
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
    cacheDir: cacheDir || join5(root, ".dvc", "cache"),
    core
  };
}
function selectRemote(config, name) {
  const wanted = (name ?? config.defaultRemote)?.toLowerCase();
  const where2 = config.files.length ? config.files.join(", ") : `${join5(config.root, ".dvc", "config")} (missing)`;
  if (!wanted) {
    throw new DataError(`no DVC remote specified: set one with 'dvc remote add -d <name> <url>' (core.remote in .dvc/config); read ${where2}`);
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
  const url = !sub ? base.url : /^\w+:\/\//.test(base.url) ? `${base.url.replace(/\/+$/, "")}/${sub}` : join5(base.url, sub);
  return { name: remote.name, url, options: { ...base.options, ...remote.options }, files: [.../* @__PURE__ */ new Set([...base.files, ...remote.files])] };
}

// src/dvc/data/dvcfile.ts
import { readdir as readdir5 } from "node:fs/promises";
import { join as join7, relative as relative4, sep as sep5 } from "node:path";

// src/workspace/tree.ts
import { closeSync as closeSync2, constants as constants4, fstatSync, openSync as openSync2, readdirSync, readSync, realpathSync as realpathSync2, statSync as statSync2 } from "node:fs";
import { readdir as readdir4 } from "node:fs/promises";
import { join as join6, sep as sep4 } from "node:path";
async function readFiles(tree, paths) {
  if (tree.readMany) return tree.readMany(paths);
  const out = [];
  for (const path of paths) out.push(await tree.read(path).catch((error2) => asError(error2)));
  return out;
}
var asError = (error2) => error2 instanceof Error ? error2 : new Error(String(error2));
var RefusedRead = class extends UserError {
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
  take(path, size2, streamed = false) {
    if (size2 > this.perFile && !streamed)
      throw new RefusedRead(`${path}: ${mib(size2)} is larger than the ${mib(this.perFile)} a project file may have; not read`);
    if (this.used + size2 > this.perRun) throw this.passed(path);
    this.used += size2;
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
var MAX_LINK_HOPS = 40;
var MAX_LINK_BYTES = 4096;
function isPrivate(part) {
  return PRIVATE_DIRS.includes(part.toLowerCase());
}
function projectPath(path) {
  const parts = [];
  const clean2 = path.replace(/\\/g, "/");
  if (clean2.startsWith("/") || /^[A-Za-z]:/.test(clean2)) throw new RefusedRead(`${path}: an absolute path; only files inside the project are read`);
  for (const part of clean2.split("/")) {
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
function workspaceTree(root, options = {}) {
  const budget = options.budget ?? new ReadBudget();
  let files = null;
  let realRoot = null;
  return {
    name: options.name ?? "workspace",
    isCommit: false,
    read: (path) => later(() => readNow(path)),
    chunks: (path) => later(() => chunksNow(path)),
    list() {
      files ??= walk(root);
      return files;
    }
  };
  function readNow(path) {
    const file = open7(path, false);
    if (!file) return null;
    const { fd, size: size2 } = file;
    try {
      const buffer = Buffer.allocUnsafe(size2);
      let offset = 0;
      while (offset < size2) {
        const bytesRead = readSync(fd, buffer, offset, size2 - offset, offset);
        if (!bytesRead) break;
        offset += bytesRead;
      }
      return buffer.subarray(0, offset);
    } finally {
      closeSync2(fd);
    }
  }
  function chunksNow(path) {
    const file = open7(path, true);
    if (!file) return null;
    return (function* () {
      const { fd, size: size2 } = file;
      try {
        const buffer = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, size2));
        for (let offset = 0; offset < size2; ) {
          const bytesRead = readSync(fd, buffer, 0, Math.min(buffer.length, size2 - offset), offset);
          if (!bytesRead) break;
          offset += bytesRead;
          yield buffer.subarray(0, bytesRead);
        }
      } finally {
        closeSync2(fd);
      }
    })();
  }
  function open7(path, streamed) {
    const rel = projectPath(path);
    const full = join6(root, ...rel.split("/"));
    let info2;
    let target;
    try {
      info2 = statSync2(full, { throwIfNoEntry: false });
      if (!info2) return null;
      target = realpathSync2.native(full);
    } catch (error2) {
      if (isAbsent(error2)) return null;
      throw error2;
    }
    const inside = realRoot ??= realpathSync2.native(root);
    if (target !== inside && !target.startsWith(inside + sep4)) throw new RefusedRead(`${path}: a link to a file outside the project; not read`);
    const targetParts = target.slice(inside.length + 1).split(sep4);
    if (targetParts.some(isPrivate)) throw new RefusedRead(`${path}: a link into .git/ or .dvc/, which hold git's or DVC's own files; not read`);
    const asOnDisk = targetParts.join("/");
    if (asOnDisk !== rel && asOnDisk.toLowerCase() === rel.toLowerCase() && !namedAsOnDisk(root, rel)) {
      throw new RefusedRead(
        `${path}: the file on disk is '${asOnDisk}' (letter case differs), which git and Linux runners do not take for '${rel}'; not read \u2014 use its name as on disk`
      );
    }
    if (info2.isDirectory()) return null;
    if (!info2.isFile()) throw new RefusedRead(`${path}: not a regular file (a FIFO, socket or device); not read`);
    budget.take(path, info2.size, streamed);
    const fd = openSync2(target, constants4.O_RDONLY | constants4.O_NONBLOCK);
    try {
      const opened = fstatSync(fd);
      if (!opened.isFile()) throw new RefusedRead(`${path}: not a regular file; not read`);
      if (opened.size !== info2.size) budget.take(path, Math.max(0, opened.size - info2.size), streamed);
      return { fd, size: opened.size };
    } catch (error2) {
      closeSync2(fd);
      throw error2;
    }
  }
}
function later(fn) {
  return new Promise((resolve7) => resolve7(fn()));
}
function namedAsOnDisk(root, rel) {
  let dir = root;
  for (const part of rel.split("/")) {
    if (!readdirSync(dir).includes(part)) return false;
    dir = join6(dir, part);
  }
  return true;
}
var CHUNK_BYTES = 1024 * 1024;
function isAbsent(error2) {
  const code2 = error2.code;
  return code2 === "ENOENT" || code2 === "ENOTDIR" || code2 === "ELOOP";
}
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
      const entry = await resolve7(path);
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
          const entry = listed?.mode.startsWith("100") ? listed : await resolve7(path);
          if (entry) wanted.push({ at, path, entry });
        } catch (error2) {
          out[at] = asError(error2);
        }
      }
      const refused = /* @__PURE__ */ new Map();
      const blobs = await git.readObjects(
        wanted.map(({ at, path, entry }) => ({ oid: entry.oid, maxBytes: Infinity, admit: takeInTurn(budget, path, (error2) => refused.set(at, error2)) })),
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
      const entry = await resolve7(path);
      return entry && budgeted(path, git.streamObject(entry.oid), budget);
    },
    async dvcConfig() {
      const entry = (await listing()).get(".dvc/config");
      return entry?.mode.startsWith("100") ? readUnsized(git, ".dvc/config", entry, budget) : null;
    },
    list() {
      files ??= listing().then((all) => [...all.keys()].filter((p) => !p.split("/").some(isPrivate)).sort());
      return files;
    }
  };
  async function resolve7(path) {
    let rel = projectPath(path);
    for (let hops = 0; ; hops++) {
      const entry = await entryOf(rel);
      if (!entry) return null;
      if (entry.mode === "120000") {
        if (hops >= MAX_LINK_HOPS) throw new RefusedRead(`${path}: too many levels of links; not read`);
        const link = (await readBlob(git, path, entry, MAX_LINK_BYTES).catch((error2) => {
          throw error2 instanceof ObjectTooLarge ? new RefusedRead(`${path}: a link of ${error2.size} bytes, longer than any path; not read`) : error2;
        })).toString("utf8");
        const dir = rel.includes("/") ? rel.slice(0, rel.lastIndexOf("/")) : "";
        try {
          rel = projectPath(link.startsWith("/") || !dir ? link : `${dir}/${link}`);
        } catch {
          throw new RefusedRead(`${path}: a link to ${link}, outside the project or into .git/ or .dvc/; not read`);
        }
        continue;
      }
      return entry.mode.startsWith("100") ? entry : null;
    }
  }
}
async function readBlob(git, path, entry, maxBytes) {
  const bytes = await git.readObject(entry.oid, maxBytes);
  if (!bytes) throw missingObject(path, entry, null);
  return bytes;
}
async function readUnsized(git, path, entry, budget) {
  const refused = [];
  const [blob] = await git.readObjects([{ oid: entry.oid, maxBytes: Infinity, admit: takeInTurn(budget, path, (error2) => refused.push(error2)) }]);
  if (refused[0]) throw refused[0];
  if (blob instanceof Buffer) return blob;
  throw missingObject(path, entry, blob);
}
function takeInTurn(budget, path, refused) {
  return (size2) => {
    try {
      budget.take(path, size2);
      return true;
    } catch (error2) {
      refused(asError(error2));
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
function missingObject(path, entry, error2) {
  if (error2) return new UserError(`${path}: ${error2.message}`);
  return new UserError(`${path}: git lists it at this commit but does not have its object ${entry.oid} (a partial or damaged clone?)`);
}
async function walk(root) {
  const out = [];
  const queue = [[root, ""]];
  for (let head = 0; head < queue.length && out.length < MAX_WORKSPACE_FILES; head++) {
    const [dir, prefix] = queue[head];
    let entries;
    try {
      entries = await readdir4(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (isPrivate(entry.name)) continue;
      const rel = prefix + entry.name;
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name)) queue.push([join6(dir, entry.name), `${rel}/`]);
      } else if (out.length < MAX_WORKSPACE_FILES) out.push(rel);
    }
  }
  return out.sort();
}
function oneChunk(bytes) {
  return bytes ? [bytes] : null;
}

// src/dvc/dvcfile.ts
import { posix } from "node:path";

// src/dvc/python/value.ts
var PyFloat = class {
  constructor(value2) {
    this.value = value2;
  }
  value;
  toString() {
    return pyFloatRepr(this.value);
  }
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
function setKeyValue(map, key2, value2) {
  let values = keyValues.get(map);
  if (!values) keyValues.set(map, values = /* @__PURE__ */ new Map());
  values.set(key2, value2);
}
function keyValue(map, key2) {
  const values = keyValues.get(map);
  return values?.has(key2) ? values.get(key2) : key2;
}
function isRawMap(value2) {
  return value2 instanceof Map;
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
  if (isRawMap(a) || isRawMap(b)) {
    if (!isRawMap(a) || !isRawMap(b) || a.size !== b.size) return false;
    return [...a].every(([k, v]) => b.has(k) && pyEqual(v, b.get(k)));
  }
  return a === b;
}
function numeric(v) {
  if (typeof v === "number" || typeof v === "bigint") return v;
  if (typeof v === "boolean") return Number(v);
  return v instanceof PyFloat ? v.value : null;
}
function listItems(v) {
  return Array.isArray(v) ? v : v instanceof PyCollection && v.kind === "tuple" ? v.items : null;
}
function pyNumber(value2, isFloat2) {
  if (isFloat2 && (Number.isInteger(value2) || !Number.isFinite(value2))) return new PyFloat(value2);
  return value2;
}
function toPlain(value2) {
  if (value2 instanceof PyFloat) return value2.value;
  if (typeof value2 === "bigint") return Number(value2);
  if (value2 instanceof PyCollection) return value2.items.map(toPlain);
  if (Array.isArray(value2)) return value2.map(toPlain);
  if (value2 instanceof Map) {
    const out = {};
    for (const [k, v] of value2) Object.defineProperty(out, k, { value: toPlain(v), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return value2;
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
function parseJson(text2) {
  const warnings = [];
  let i = 0;
  let nextBackslash = text2.indexOf("\\");
  const fail2 = (message, at = i) => {
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
  const value2 = (depth) => {
    if (depth > MAX_DEPTH) fail2(`nesting deeper than ${MAX_DEPTH} levels`);
    ws();
    const c = text2[i];
    if (c === "{") return object2(depth);
    if (c === "[") return array(depth);
    if (c === '"') return string2();
    if (c === void 0) return fail2("unexpected end of file, expected a value");
    for (const [word, v] of LITERALS) {
      if (text2.startsWith(word, i)) {
        i += word.length;
        return v();
      }
    }
    if (c === "-" || c >= "0" && c <= "9") return number4();
    return fail2(`unexpected character ${JSON.stringify(c)}, expected a value`);
  };
  const object2 = (depth) => {
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
      if (text2[i] !== '"') fail2('expected a "quoted" key');
      const keyAt = i;
      const key2 = string2();
      ws();
      if (text2[i] !== ":") fail2("expected ':' after the key");
      i++;
      const v = value2(depth + 1);
      if (out.has(key2)) {
        const { line } = lineColumn(text2, keyAt);
        warnings.push(`line ${line}: key ${JSON.stringify(key2)} repeats; the last value counts (as in DVC)`);
        out.delete(key2);
      }
      out.set(key2, v);
      ws();
      if (text2[i] === ",") i++;
      else if (text2[i] === "}") {
        i++;
        return out;
      } else fail2(text2[i] === void 0 ? `unexpected end of file in the object opened at ${where(text2, start)}` : "expected ',' or '}'");
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
      out.push(value2(depth + 1));
      ws();
      if (text2[i] === ",") i++;
      else if (text2[i] === "]") {
        i++;
        return out;
      } else fail2(text2[i] === void 0 ? `unexpected end of file in the list opened at ${where(text2, start)}` : "expected ',' or ']'");
    }
  };
  const string2 = () => {
    const start = i;
    i++;
    let out = "";
    let chunk = i;
    for (; ; ) {
      const q = text2.indexOf('"', i);
      if (nextBackslash !== -1 && nextBackslash < i) nextBackslash = text2.indexOf("\\", i);
      const b = nextBackslash;
      if (q === -1) fail2("unterminated string", start);
      const stop = b !== -1 && b < q ? b : q;
      for (let k = i; k < stop; k++) if (text2.charCodeAt(k) < 32) fail2("control character in a string", k);
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
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail2("invalid \\u escape", b);
        out += String.fromCharCode(parseInt(hex, 16));
        i += 4;
      } else if (e !== void 0 && e in ESCAPES) out += ESCAPES[e];
      else fail2(`invalid escape \\${e ?? ""}`, b);
      chunk = i;
    }
  };
  const number4 = () => {
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text2);
    if (!m) {
      if (text2.startsWith("-Infinity", i)) {
        i += 9;
        return pyNumber(-Infinity, true);
      }
      return fail2("invalid number");
    }
    i += m[0].length;
    const isFloat2 = m[1] !== void 0 || m[2] !== void 0;
    const n = Number(m[0]);
    if (!isFloat2 && !Number.isSafeInteger(n)) return BigInt(m[0]);
    return pyNumber(n, isFloat2);
  };
  const data = value2(0);
  ws();
  if (i < text2.length) fail2("extra data after the JSON value");
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
    const code2 = ch.codePointAt(0);
    if (ch === "\\") out += "\\\\";
    else if (ch === quote2) out += `\\${quote2}`;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "	") out += "\\t";
    else if (code2 < 32 || code2 === 127) out += `\\x${code2.toString(16).padStart(2, "0")}`;
    else out += ch;
  }
  return out + quote2;
}
function pyRepr(value2) {
  if (value2 === null) return "None";
  if (typeof value2 === "boolean") return value2 ? "True" : "False";
  if (typeof value2 === "number") return Number.isInteger(value2) ? String(value2) : pyFloatRepr(value2);
  if (typeof value2 === "bigint") return value2.toString();
  if (typeof value2 === "string") return pyStrRepr(value2);
  if (value2 instanceof PyFloat) return pyFloatRepr(value2.value);
  if (value2 instanceof PyCollection) {
    if (value2.kind === "set") return value2.items.length ? `{${value2.items.map(pyRepr).join(", ")}}` : "set()";
    return value2.items.length === 1 ? `(${pyRepr(value2.items[0])},)` : `(${value2.items.map(pyRepr).join(", ")})`;
  }
  if (Array.isArray(value2)) return `[${value2.map(pyRepr).join(", ")}]`;
  return `{${[...value2].map(([k, v]) => `${pyStrRepr(k)}: ${pyRepr(v)}`).join(", ")}}`;
}
function pyStr(value2) {
  return typeof value2 === "string" ? value2 : pyRepr(value2);
}

// src/dvc/formats/python.ts
function parsePython(text2) {
  const lines2 = logicalLines(tokenize(text2));
  const [data] = block(lines2, 0, -1, false);
  return { data, warnings: [] };
}
function block(lines2, start, parentIndent, onlySelf) {
  const out = /* @__PURE__ */ new Map();
  let i = start;
  const indent = lines2[start]?.indent ?? 0;
  while (i < lines2.length && lines2[i].indent > parentIndent) {
    const line = lines2[i];
    if (line.indent !== indent) {
      i++;
      continue;
    }
    const [first, second] = line.tokens;
    const opensBlock = line.tokens.at(-1)?.text === ":";
    if (first?.text === "class" && second?.kind === "name" && opensBlock) {
      const [body, next] = lines2[i + 1] && lines2[i + 1].indent > indent ? block(lines2, i + 1, indent, false) : [/* @__PURE__ */ new Map(), i + 1];
      out.set(second.text, body);
      i = next;
      continue;
    }
    if (first?.text === "def" && second?.text === "__init__" && opensBlock) {
      const [body, next] = lines2[i + 1] && lines2[i + 1].indent > indent ? block(lines2, i + 1, indent, true) : [/* @__PURE__ */ new Map(), i + 1];
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
  if (onlySelf) {
    if (tokens[0]?.text !== "self" || tokens[1]?.text !== "." || tokens[2]?.kind !== "name") return null;
    name = tokens[2].text;
    k = 3;
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
  const value2 = literal(rest);
  return value2 === FAIL ? null : [name, value2];
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
      const more2 = items(")");
      return more2 === FAIL ? FAIL : new PyCollection("tuple", [first2, ...more2]);
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
        const more2 = items("}");
        return more2 === FAIL ? FAIL : new PyCollection("set", [first2, ...more2]);
      }
      const map = /* @__PURE__ */ new Map();
      let key2 = first2;
      for (; ; ) {
        if (peek() !== ":") return FAIL;
        i++;
        const v = expr();
        if (v === FAIL) return FAIL;
        map.set(typeof key2 === "string" ? key2 : pyRepr(key2), v);
        if (peek() === ",") i++;
        if (peek() === "}") {
          i++;
          return map;
        }
        const k = expr();
        if (k === FAIL) return FAIL;
        key2 = k;
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
  const fail2 = (message, at = i) => {
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
      const open8 = i + prefix.length;
      const triple = text2.startsWith(q.repeat(3), open8);
      const delim = triple ? q.repeat(3) : q;
      let k = open8 + delim.length;
      const startLine = line;
      for (; ; ) {
        if (k >= text2.length) fail2(`unterminated string starting at line ${startLine}`, i);
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
          if (!triple) fail2("unterminated string (end of line)", i);
          line++;
          lineStart = k + 1;
        }
        if (text2.startsWith(delim, k)) break;
        k++;
      }
      const body = text2.slice(open8 + delim.length, k);
      const value2 = prefix.includes("f") ? null : prefix.includes("b") ? `b${q}${body}${q}` : prefix.includes("r") ? body : unescape(body);
      tokens.push({ kind: "string", text: text2.slice(i, k + delim.length), value: value2, line: startLine, column });
      i = k + delim.length;
      continue;
    }
    const num2 = /^(?:0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][+-]?\d[\d_]*)?[jJ]?)/.exec(text2.slice(i, i + 400));
    if (num2 && num2[0] !== ".") {
      tokens.push({ kind: "number", text: num2[0], line, column });
      i += num2[0].length;
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
      const open8 = brackets.pop();
      if (!open8 || "([{".indexOf(open8.ch) !== ")]}".indexOf(c)) fail2(`unmatched '${c}'`);
    }
    const op = OPERATORS.find((o) => text2.startsWith(o, i)) ?? c;
    tokens.push({ kind: "op", text: op, line, column });
    i += op.length;
  }
  const open7 = brackets.pop();
  if (open7) throw new SyntaxProblem(`'${open7.ch}' was never closed`, open7.line, open7.column + 1);
  return tokens;
}
function logicalLines(tokens) {
  const lines2 = [];
  let current = [];
  const flush = () => {
    if (current.length) {
      let part = [];
      for (const t of current) {
        if (t.text === ";") {
          if (part.length) lines2.push({ indent: current[0].column, tokens: part });
          part = [];
        } else part.push(t);
      }
      if (part.length) lines2.push({ indent: current[0].column, tokens: part });
    }
    current = [];
  };
  for (const t of tokens) {
    if (t.newline) flush();
    else current.push(t);
  }
  flush();
  return lines2;
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
function getLineColFromPtr(string2, ptr) {
  let lines2 = string2.slice(0, ptr).split(/\r?\n/);
  return [lines2.length, lines2.pop().length + 1];
}
function makeCodeBlock(string2, line, column) {
  let lines2 = string2.split(/\r?\n/);
  let codeblock = "";
  let numberLen = (Math.log10(line + 1) | 0) + 1;
  for (let i = line - 1; i <= line + 1; i++) {
    let l = lines2[i - 1];
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
        let value2 = 0;
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
          value2 = value2 << 4 | digit;
        }
        if (value2 < 0 || value2 > 1114111 || value2 >= 55296 && value2 <= 57343) {
          TomlError.x("invalid unicode escape", ctx, errPtr);
        }
        parsed += String.fromCodePoint(value2);
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
    let value2 = c === 91 ? parseArray(ctx) : parseInlineTable(ctx);
    ctx.d++;
    return value2;
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
    let key2 = parseKey(ctx);
    for (let i = 0; i < key2.length; i++) {
      if (i)
        t = hasOwn ? t[k] : t[k] = /* @__PURE__ */ Object.create(null);
      k = key2[i];
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
    let value2 = extractValue(
      ctx,
      125
      /* } */
    );
    if (t && typeof (t[k] = value2) === "object")
      seen.add(value2);
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
function peekTable(ctx, key2, table2, meta, type) {
  let t = table2;
  let m = meta;
  let k;
  let hasOwn = false;
  let state;
  for (let i = 0; i < key2.length; i++) {
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
    k = key2[i];
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
        t: i < key2.length - 1 && type === 2 ? 3 : type,
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
  } catch (error2) {
    if (error2 instanceof TomlError) {
      const first = error2.message.split("\n").find((l) => l.trim() && !l.startsWith("Invalid TOML document")) ?? "invalid TOML";
      throw new SyntaxProblem(first.replace(/^Invalid TOML document: /, ""), error2.line, error2.column);
    }
    throw error2;
  }
  return { data: convert(doc), warnings: [] };
}
function convert(value2) {
  if (typeof value2 === "bigint") return Number.isSafeInteger(Number(value2)) ? Number(value2) : value2;
  if (typeof value2 === "number") return Number.isInteger(value2) || !Number.isFinite(value2) ? new PyFloat(value2) : value2;
  if (typeof value2 === "string" || typeof value2 === "boolean") return value2;
  if (value2 instanceof TomlDate) return value2.toISOString();
  if (Array.isArray(value2)) return value2.map(convert);
  if (value2 && typeof value2 === "object") return new Map(Object.entries(value2).map(([k, v]) => [k, convert(v)]));
  return null;
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
    const key2 = match[1];
    if (NOT_STRING_KEY.test(key2) || map.has(key2)) return false;
    const rest = comment(match[2] ?? "");
    if (rest === null) return false;
    if (rest === "") {
      map.set(key2, null);
      opened = { map, key: key2, indent };
      valueIndent = -1;
      return true;
    }
    const value2 = plainScalar(rest);
    if (value2 === void 0) return false;
    map.set(key2, value2);
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
        const list3 = [];
        opened.map.set(opened.key, list3);
        stack.push({ indent, list: list3 });
      } else {
        if (!opened && valueIndent >= 0 && indent > valueIndent) return null;
        while (stack.length > 1 && stack[stack.length - 1].indent > indent) stack.pop();
      }
      opened = null;
      const seq = stack[stack.length - 1];
      if (!seq.list || seq.indent !== indent) return null;
      const at = spaces(line, indent + 1);
      const item = line.slice(at);
      if (at === indent + 1 || item === "" || item.startsWith("#") || item.startsWith("-") || item.charCodeAt(0) === 9) return null;
      const key3 = KEY.exec(item);
      if (!key3) {
        const rest = comment(item);
        const value2 = rest === null ? void 0 : plainScalar(rest);
        if (value2 === void 0) return null;
        seq.list.push(value2);
        valueIndent = indent;
        continue;
      }
      if (stack.length > MAX_PLAIN_DEPTH) return null;
      const map = /* @__PURE__ */ new Map();
      seq.list.push(map);
      stack.push({ indent: at, map });
      if (!entry(map, key3, at)) return null;
      continue;
    }
    const key2 = KEY.exec(content);
    if (!key2) return null;
    if (opened && indent > opened.indent) {
      if (stack.length > MAX_PLAIN_DEPTH) return null;
      const nested = /* @__PURE__ */ new Map();
      opened.map.set(opened.key, nested);
      stack.push({ indent, map: nested });
    } else if (!opened && valueIndent >= 0 && indent > valueIndent) return null;
    opened = null;
    while (stack.length > 1) {
      const top2 = stack[stack.length - 1];
      if (top2.indent > indent || top2.list && top2.indent === indent) stack.pop();
      else break;
    }
    const level = stack[stack.length - 1];
    if (!level.map || indent !== level.indent) return null;
    if (!entry(level.map, key2, indent)) return null;
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
  const value2 = (hash2 < 0 ? rest : rest.slice(0, hash2)).trimEnd();
  if (hash2 >= 0 && !/^[ -~]*$/.test(rest.slice(hash2))) return null;
  return value2;
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
var CORE = new import_yaml.Schema({ schema: "core", resolveKnownTags: true });
function parseYaml(text2) {
  const plain = plainYaml(text2);
  return plain ? { data: plain, warnings: [] } : parseYamlDocument(text2);
}
function parseYamlDocument(text2) {
  const doc = (0, import_yaml.parseDocument)(text2, { schema: CORE, uniqueKeys: true, prettyErrors: false, intAsBigInt: true });
  const error2 = doc.errors[0];
  if (error2) {
    const { line, column } = lineColumn(text2, error2.pos[0]);
    if (/call stack/i.test(error2.message)) throw new SyntaxProblem("nested too deeply to read", line, column);
    throw new SyntaxProblem(error2.message.split("\n")[0].replace(/ at line \d+, column \d+.*$/, ""), line, column);
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
    if ((0, import_yaml.isMap)(node)) {
      const map = /* @__PURE__ */ new Map();
      seen.set(node, map);
      const merged = [];
      for (const pair of node.items) {
        if ((0, import_yaml.isScalar)(pair.key) && pair.key.value === "<<" && pair.key.type === "PLAIN") {
          const value2 = convert2(pair.value, depth + 1);
          for (const m of Array.isArray(value2) ? value2 : [value2]) if (m instanceof Map) merged.push(m);
          continue;
        }
        const key2 = convert2(pair.key, depth + 1);
        const name = keyText(key2);
        if (typeof key2 !== "string") setKeyValue(map, name, key2);
        map.set(name, convert2(pair.value, depth + 1));
      }
      for (const m of merged) for (const [k, v] of m) if (!map.has(k)) map.set(k, v);
      return map;
    }
    if ((0, import_yaml.isSeq)(node)) {
      const list3 = [];
      seen.set(node, list3);
      for (const item of node.items) list3.push(convert2(item, depth + 1));
      return list3;
    }
    if ((0, import_yaml.isScalar)(node)) return scalar(node.value, node.source);
    return null;
  };
  return { data: convert2(doc.contents, 0), warnings: [] };
}
function scalar(value2, source) {
  if (typeof value2 === "number") {
    const float = !Number.isFinite(value2) || source !== void 0 && !/^[-+]?0[xo]/i.test(source) && /[.eEnN]/.test(source);
    if (float && (Number.isInteger(value2) || !Number.isFinite(value2))) return new PyFloat(value2);
    return value2;
  }
  if (typeof value2 === "bigint") return Number.isSafeInteger(Number(value2)) ? Number(value2) : value2;
  if (value2 === null || typeof value2 === "boolean" || typeof value2 === "string") return value2;
  return JSON.stringify(value2) ?? "";
}
function keyText(key2) {
  if (typeof key2 === "string") return key2;
  return pyRepr(key2);
}

// src/dvc/formats/index.ts
function formatOf(path) {
  const ext = extension(path);
  return ext === ".json" ? "JSON" : ext === ".toml" ? "TOML" : ext === ".py" ? "Python" : "YAML";
}
function withPosition(path, format, parse2) {
  try {
    return parse2();
  } catch (error2) {
    if (error2 instanceof SyntaxProblem) throw new UserError(`${path}:${error2.line}:${error2.column}: invalid ${format}: ${error2.message}`);
    if (error2 instanceof RangeError) throw new UserError(`${path}: ${format} nested too deeply to read (${error2.message})`);
    throw error2;
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

// src/dvc/lock.ts
async function readLockFile(tree, path) {
  const bytes = await tree.read(path);
  return bytes ? parseLockText(bytes.toString("utf8"), path) : null;
}
function parseLockText(text2, displayPath = "dvc.lock") {
  const doc = parseDataFile(displayPath, text2).data;
  if (doc === null) return { stages: /* @__PURE__ */ new Map(), raw: /* @__PURE__ */ new Map() };
  if (!isRawMap(doc)) throw new UserError(`${displayPath}: expected a mapping at the top level.`);
  const legacy = !doc.has("schema");
  const schema = doc.get("schema") ?? null;
  if (!legacy && schema !== "2.0") throw new UserError(`${displayPath}: unsupported schema '${pyStr(schema)}' (expected '2.0').`);
  const stagesRaw = legacy ? doc : doc.get("stages") ?? /* @__PURE__ */ new Map();
  if (!isRawMap(stagesRaw)) throw new UserError(`${displayPath}: 'stages' must be a mapping.`);
  const stages = /* @__PURE__ */ new Map();
  for (const [name, entry] of stagesRaw) {
    stages.set(name, parseStage(entry, `${displayPath}: stage '${name}'`));
  }
  const raw = legacy ? /* @__PURE__ */ new Map([
    ["schema", "2.0"],
    ["stages", stagesRaw]
  ]) : doc;
  return { stages, raw };
}
function parseStage(entry, where2) {
  if (!isRawMap(entry)) throw new UserError(`${where2}: expected a mapping.`);
  const cmd = entry.get("cmd");
  const cmdValue = typeof cmd === "string" ? cmd : Array.isArray(cmd) && cmd.every((c) => typeof c === "string") ? cmd : "";
  const params = /* @__PURE__ */ new Map();
  const paramsRaw = entry.get("params");
  if (paramsRaw !== void 0 && paramsRaw !== null) {
    if (!isRawMap(paramsRaw)) throw new UserError(`${where2}: 'params' must be a mapping of files to values.`);
    for (const [file, values] of paramsRaw) params.set(file, isRawMap(values) ? values : /* @__PURE__ */ new Map());
  }
  return { cmd: cmdValue, deps: parseLockEntries(entry.get("deps"), `${where2} deps`), params, outs: parseLockEntries(entry.get("outs"), `${where2} outs`) };
}
function parseLockEntries(value2, where2) {
  if (value2 === void 0 || value2 === null) return [];
  if (!Array.isArray(value2)) throw new UserError(`${where2}: expected a list.`);
  return value2.map((item, i) => {
    const path = isRawMap(item) ? item.get("path") : void 0;
    if (!isRawMap(item) || typeof path !== "string") throw new UserError(`${where2}[${i}]: expected an entry with a 'path'.`);
    const md52 = item.get("md5");
    const size2 = item.get("size");
    const nfiles = item.get("nfiles");
    const entry = { path, hashName: item.get("hash") === "md5" ? "md5" : "md5-dos2unix", md5: typeof md52 === "string" ? md52 : null };
    if (typeof size2 === "number") entry.size = size2;
    if (typeof nfiles === "number") entry.nfiles = nfiles;
    if (item.get("isexec") === true) entry.isexec = true;
    return entry;
  });
}

// src/dvc/dvcfile.ts
var KEYS = ["md5", "wdir", "deps", "outs", "frozen", "locked", "meta", "always_changed", "desc"];
async function readDvcFile(tree, file) {
  const bytes = await tree.read(file);
  return bytes ? parseDvcFile(file, bytes.toString("utf8")) : null;
}
function parseDvcFile(file, text2) {
  const doc = parseDataFile(file, text2).data;
  if (doc === null) return { file, outs: [] };
  if (!isRawMap(doc)) throw new UserError(`${file}: expected a mapping with \`outs:\`.`);
  for (const key2 of doc.keys()) if (!KEYS.includes(key2)) throw new UserError(`${file}: unknown key '${key2}' (expected one of ${KEYS.join(", ")}).`);
  const wdir = doc.get("wdir") ?? ".";
  if (typeof wdir !== "string") throw new UserError(`${file}: 'wdir' must be a path.`);
  const base = posix.join(posix.dirname(file), wdir);
  const written = doc.get("outs");
  const outs = parseLockEntries(written, `${file}: outs`).map((entry, i) => {
    const item = written[i];
    const where2 = `${file}: outs[${i}]`;
    const path = posix.normalize(posix.join(base, entry.path));
    if (path === ".." || path.startsWith("../") || posix.isAbsolute(path)) throw new UserError(`${where2}.path '${entry.path}' leaves the project.`);
    const md52 = item.get("md5");
    if (md52 !== void 0 && md52 !== null && typeof md52 !== "string") throw new UserError(`${where2}.md5 must be a string.`);
    const hash2 = item.get("hash");
    if (hash2 !== void 0 && hash2 !== "md5") throw new UserError(`${where2}.hash '${pyStr(hash2)}' is not one DVC writes (md5).`);
    const cache = item.get("cache") ?? true;
    if (typeof cache !== "boolean") throw new UserError(`${where2}.cache must be true or false.`);
    const remote = item.get("remote");
    if (remote !== void 0 && typeof remote !== "string") throw new UserError(`${where2}.remote must be a remote's name.`);
    const out = { ...entry, path, cache };
    if (remote !== void 0) out.remote = remote;
    return out;
  });
  return { file, outs };
}

// src/dvc/data/dvcfile.ts
async function findDvcFiles(root, dir = root) {
  const out = [];
  for (const entry of await readdir5(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!entry.name.startsWith(".") && entry.name !== "node_modules") for (const file of await findDvcFiles(root, join7(dir, entry.name))) out.push(file);
    } else if (entry.isFile() && entry.name.endsWith(".dvc") && entry.name !== ".dvc") {
      out.push(relative4(root, join7(dir, entry.name)).split(sep5).join("/"));
    }
  }
  return out.sort();
}
async function readDvcFile2(root, file) {
  const parsed = await readDvcFile(workspaceTree(root), file);
  if (!parsed) throw new DataError(`${file}: no such file`);
  return parsed.outs.flatMap(
    (out) => out.cache && out.md5 !== null ? [{ oid: out.md5, path: out.path, dvcfile: file, legacy: out.hashName !== "md5", isexec: out.isexec === true, remote: out.remote }] : []
  );
}

// src/dvc/data/remotes/open.ts
import { availableParallelism } from "node:os";

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
  async read(key2) {
    return (await this.sdk()).get(this.key(key2)).catch((error2) => {
      throw this.fail("GET", key2, error2);
    });
  }
  async exists(key2) {
    return (await this.sdk()).exists(this.key(key2)).catch((error2) => {
      throw this.fail("HEAD", key2, error2);
    });
  }
  async list(prefix) {
    const base = this.key("");
    const keys = await (await this.sdk()).list(this.key(prefix)).catch((error2) => {
      throw this.fail("LIST", prefix, error2);
    });
    return keys.map((k) => k.slice(base.length));
  }
  async write(key2, file) {
    await (await this.sdk()).put(this.key(key2), file).catch((error2) => {
      throw this.fail("PUT", key2, error2);
    });
  }
  async close() {
  }
  key(key2) {
    return this.prefix ? `${this.prefix}/${key2}` : key2;
  }
  sdk() {
    this.api ??= import("./dvc-azure.js").then((m) => m.createAzure(this.auth, this.container));
    return this.api;
  }
  fail(method, key2, error2) {
    const e = error2;
    const status = e.statusCode;
    const code2 = e.code ?? e.name ?? "Error";
    let kind = "failed";
    let why = `${code2}${status ? ` (HTTP ${status})` : ""}`;
    if (code2 === "ContainerNotFound") {
      why = `container '${this.container}' does not exist`;
    } else if (status === 404) {
      kind = "missing";
      why = "not found";
    } else if (status === 401 || status === 403) {
      kind = "denied";
      why = `access denied (${code2}): check account_key/sas_token/connection_string in .dvc/config.local or AZURE_STORAGE_* variables`;
    } else if (!status || status >= 500) {
      kind = "unreachable";
    }
    return new ObjectError(`${method} ${key2} on ${this.description}: ${why}`, kind);
  }
};

// src/dvc/data/remotes/http.ts
import { createReadStream as createReadStream3, readFileSync as readFileSync3 } from "node:fs";

// src/version.ts
var VERSION = true ? "0.1.0" : "0.0.0-dev";

// src/dvc/data/remotes/http.ts
var READ_ATTEMPTS = 5;
var HttpRemote = class {
  constructor(options) {
    this.options = options;
    this.name = options.name;
    this.jobs = options.jobs;
    this.description = `remote '${options.name}' (${options.url.href})`;
    this.agentOptions = { keepAlive: true, maxSockets: Math.max(options.jobs, 1) };
    if (options.url.protocol === "https:") {
      const tls = options.sslVerify === false ? { rejectUnauthorized: false } : typeof options.sslVerify === "string" ? { ca: readFileSync3(options.sslVerify) } : {};
      this.agentOptions = { ...this.agentOptions, ...tls };
    }
  }
  options;
  name;
  description;
  jobs;
  agentOptions;
  /** node:http or node:https and the agent, from the first request: loading them is \u2248 10 ms of every start. */
  transport;
  async connect() {
    const { request, Agent } = this.options.url.protocol === "https:" ? await import("node:https") : await import("node:http");
    return { request, agent: new Agent(this.agentOptions) };
  }
  async read(key2) {
    for (let attempt = 1; ; attempt++) {
      try {
        const response = await this.send("GET", key2);
        if (response.statusCode === 200) return response;
        response.resume();
        throw this.statusError(key2, response.statusCode ?? 0, "GET");
      } catch (error2) {
        if (!(error2 instanceof ObjectError) || !retryable(error2.kind) || attempt >= READ_ATTEMPTS) throw error2;
        await sleep(Math.min(100 * 2 ** (attempt - 1), 6e4));
      }
    }
  }
  async exists(key2) {
    let response = await this.send("HEAD", key2);
    response.resume();
    if (response.statusCode === 405 || response.statusCode === 501) {
      response = await this.send("GET", key2);
      response.destroy();
    }
    const status = response.statusCode ?? 0;
    if (status < 400) return true;
    if (status === 404) return false;
    throw this.statusError(key2, status, "HEAD");
  }
  async write(key2, file, size2) {
    const response = await this.send(this.options.uploadMethod, key2, file, size2);
    const body = await text(response);
    const status = response.statusCode ?? 0;
    if (status >= 400) throw this.statusError(key2, status, this.options.uploadMethod, body);
  }
  async close() {
    if (this.transport) (await this.transport).agent.destroy();
  }
  url(key2) {
    const url = new URL(this.options.url.href);
    url.pathname = `${url.pathname.replace(/\/+$/, "")}/${key2}`;
    return url;
  }
  async send(method, key2, file, size2) {
    const url = this.url(key2);
    const { request, agent } = await (this.transport ??= this.connect());
    const headers = { "user-agent": `mlreport/${VERSION}`, ...this.options.authHeaders };
    if (method === "HEAD") headers["accept-encoding"] = "identity";
    if (file !== void 0) {
      headers["content-type"] = "application/octet-stream";
      headers["content-length"] = String(size2);
    }
    return new Promise((resolve7, reject) => {
      const req = request(url, { method, headers, agent, timeout: this.options.connectTimeoutMs }, (res) => {
        res.socket.setTimeout(this.options.readTimeoutMs, () => res.destroy(new Error(`no data for ${this.options.readTimeoutMs / 1e3} s`)));
        resolve7(res);
      });
      req.on("timeout", () => req.destroy(new Error(`no connection within ${this.options.connectTimeoutMs / 1e3} s`)));
      req.on("error", (error2) => {
        reject(new ObjectError(`${method} ${key2} on ${this.description} failed: ${error2.code ?? error2.message}`, "unreachable"));
      });
      if (file === void 0) req.end();
      else
        createReadStream3(file).on("error", (e) => req.destroy(e)).pipe(req);
    });
  }
  statusError(key2, status, method, body = "") {
    const kind = status === 404 ? "missing" : status === 401 || status === 403 ? "denied" : status >= 500 || status === 429 || status === 408 ? "unreachable" : "failed";
    const why = status === 404 ? "not found" : status === 401 ? "authentication required or refused (set the remote user/password, e.g. with DagsHub a token)" : status === 403 ? "access forbidden for these credentials" : `HTTP ${status}`;
    const detail = body.replace(/\s+/g, " ").trim().slice(0, 200);
    let message = `${method} ${key2} on ${this.description}: ${status} ${why}${detail && kind === "failed" ? ` (${detail})` : ""}`;
    for (const secret of this.options.secrets) message = message.split(secret).join("***");
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
  return new Promise((resolve7) => setTimeout(resolve7, ms));
}

// src/dvc/data/remotes/local.ts
import { copyFile as copyFile4, mkdir as mkdir4, open as open4, readdir as readdir6, rename as rename4, rm as rm5, stat as stat3 } from "node:fs/promises";
import { dirname as dirname5, join as join8 } from "node:path";
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
  async read(key2) {
    const path = join8(this.root, key2);
    const handle = await open4(path, "r").catch((error2) => {
      throw this.fail(key2, error2);
    });
    return handle.createReadStream({ highWaterMark: 1024 * 1024 });
  }
  async exists(key2) {
    try {
      return (await stat3(join8(this.root, key2))).isFile();
    } catch (error2) {
      if (error2.code === "ENOENT") return false;
      throw this.fail(key2, error2);
    }
  }
  async list(prefix) {
    try {
      return (await readdir6(join8(this.root, prefix))).filter((n) => !n.startsWith(".")).map((n) => `${prefix}${n}`);
    } catch (error2) {
      if (error2.code === "ENOENT") return [];
      throw this.fail(prefix, error2);
    }
  }
  async write(key2, file) {
    const target = join8(this.root, key2);
    const tmp = join8(dirname5(target), `.${nodeCrypto().randomBytes(12).toString("hex")}.tmp`);
    try {
      await mkdir4(dirname5(target), { recursive: true });
      await copyFile4(file, tmp);
      await rename4(tmp, target);
    } catch (error2) {
      await rm5(tmp, { force: true });
      throw this.fail(key2, error2);
    }
  }
  async close() {
  }
  fail(key2, error2) {
    if (error2.code === "ENOENT") return new ObjectError(`${key2} is not in ${this.description}`, "missing");
    if (error2.code === "EACCES" || error2.code === "EPERM") return new ObjectError(`permission denied on ${key2} in ${this.description}`, "denied");
    return new ObjectError(`${key2} in ${this.description}: ${error2.code ?? error2.message}`, "failed");
  }
};

// src/dvc/data/remotes/s3.ts
var S3Remote = class {
  constructor(name, bucket, prefix, settings, jobs, displayUrl2) {
    this.name = name;
    this.bucket = bucket;
    this.prefix = prefix;
    this.settings = settings;
    this.jobs = jobs;
    this.description = `remote '${name}' (${displayUrl2}${settings.endpoint ? ` at ${settings.endpoint}` : ""})`;
  }
  name;
  bucket;
  prefix;
  settings;
  jobs;
  description;
  api;
  async read(key2) {
    const api = await this.sdk();
    return api.get(this.bucket, this.key(key2)).catch((error2) => {
      throw this.fail("GET", key2, error2);
    });
  }
  async download(key2, into) {
    const api = await this.sdk();
    const size2 = await api.download(this.bucket, this.key(key2), into);
    return size2 ?? writeObject(into.file, into.oid, into.legacy, await this.read(key2), into.from);
  }
  async exists(key2) {
    const api = await this.sdk();
    return api.head(this.bucket, this.key(key2)).catch((error2) => {
      throw this.fail("HEAD", key2, error2);
    });
  }
  async list(prefix) {
    const api = await this.sdk();
    const base = this.key("");
    const keys = await api.list(this.bucket, this.key(prefix)).catch((error2) => {
      throw this.fail("LIST", prefix, error2);
    });
    return keys.map((k) => k.slice(base.length));
  }
  async write(key2, file, size2) {
    const api = await this.sdk();
    await api.put(this.bucket, this.key(key2), file, size2).catch((error2) => {
      throw this.fail("PUT", key2, error2);
    });
  }
  async close() {
    if (this.api) (await this.api).destroy();
  }
  key(key2) {
    return this.prefix ? `${this.prefix}/${key2}` : key2;
  }
  sdk() {
    this.api ??= import("./dvc-s3.js").then((m) => m.createS3(this.settings));
    return this.api;
  }
  fail(method, key2, error2) {
    const e = error2;
    const status = e.$metadata?.httpStatusCode;
    const code2 = e.name ?? e.code ?? "Error";
    let kind = "failed";
    let why = `${code2}${status ? ` (HTTP ${status})` : ""}`;
    if (code2 === "NoSuchBucket") {
      why = `bucket '${this.bucket}' does not exist`;
    } else if (status === 404 || code2 === "NoSuchKey" || code2 === "NotFound") {
      kind = "missing";
      why = "not found";
    } else if (status === 401 || status === 403 || /AccessDenied|InvalidAccessKeyId|SignatureDoesNotMatch|ExpiredToken|CredentialsProviderError/.test(code2)) {
      kind = "denied";
      why = `access denied (${code2}): check the credentials (access_key_id/secret_access_key in .dvc/config.local, or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY)`;
    } else if (!status || status >= 500) {
      kind = "unreachable";
      why = `${e.code ?? code2}${status ? ` (HTTP ${status})` : ""}`;
    }
    return new ObjectError(`${method} ${key2} on ${this.description}: ${why}`, kind);
  }
};

// src/dvc/data/remotes/types.ts
function defaultJobs(cpus) {
  return Math.max(1, 4 * cpus);
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
function addSecret(secret) {
  if (!secret || secret.length < MIN_SECRET) return;
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
function redactDeep(value2, seen = /* @__PURE__ */ new Set()) {
  if (Array.isArray(value2)) {
    if (seen.has(value2)) return value2;
    seen.add(value2);
    for (let i = 0; i < value2.length; i++) {
      const was = value2[i];
      if (typeof was === "string") value2[i] = redact(was);
      else if (was !== null && typeof was === "object") redactDeep(was, seen);
    }
  } else if (value2 !== null && typeof value2 === "object" && !ArrayBuffer.isView(value2)) {
    const record = value2;
    const keys = Object.keys(record);
    for (let k = 0; k < keys.length; k++) {
      const key2 = keys[k];
      const clean2 = redact(key2);
      const was = record[key2];
      const v = typeof was === "string" ? redact(was) : was !== null && typeof was === "object" ? redactDeep(was, seen) : was;
      if (clean2 !== key2) {
        delete record[key2];
        record[clean2] = v;
      } else if (v !== was) record[key2] = v;
    }
  }
  return value2;
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

// src/dvc/data/remotes/open.ts
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
  const type = remoteType(remote.url);
  const where2 = `remote '${remote.name}' (${remote.files.join(", ")})`;
  const known = KNOWN[type];
  if (!known) {
    throw new DataError(
      `${where2}: ${type} remotes are not read by mlreport's builtin DVC data layer (local, http(s), s3 and azure are); use 'repro: dvc' to let DVC itself pull and push them`
    );
  }
  for (const key2 of Object.keys(remote.options)) {
    if (!COMMON.includes(key2) && !known.includes(key2)) throw new DataError(`${where2}: unknown option '${key2}' for a ${type} remote (DVC rejects it too)`);
  }
  const o = new Options(remote.options, where2);
  if (o.bool("version_aware") || o.bool("worktree")) {
    throw new DataError(`${where2}: version_aware/worktree remotes store files by path, not by md5; use 'repro: dvc' for them`);
  }
  const cpus = typeof availableParallelism === "function" ? availableParallelism() : 1;
  const jobs = inputs.jobs ?? o.int("jobs") ?? defaultJobs(cpus);
  const env = inputs.env ?? process.env;
  switch (type) {
    case "local":
      return new LocalRemote(remote.name, remote.url, jobs);
    case "http":
      return openHttp(remote, o, inputs, jobs, where2);
    case "s3":
      return openS3(remote, o, env, jobs, where2);
    default:
      return openAzure(remote, o, env, jobs, where2);
  }
}
function remoteSecrets(remote, inputs = {}) {
  const out = SECRET_OPTIONS.map((k) => remote.options[k]).filter((v) => typeof v === "string" && v.length > 0);
  const userinfo = urlUserinfo(remote.url);
  return [.../* @__PURE__ */ new Set([...out, ...[userinfo.user, userinfo.password, inputs.user, inputs.password].filter((v) => !!v)])];
}
function displayUrl(url) {
  return url.replace(/^(\w+:\/\/)[^/@]*@/, "$1");
}
function remoteType(url) {
  const m = /^([A-Za-z][\w+.-]*):\/\/([^/]*)/.exec(url);
  if (!m || !m[2]) return "local";
  const scheme = m[1].toLowerCase();
  if (scheme === "https") return "http";
  return scheme;
}
function urlUserinfo(url) {
  const m = /^\w+:\/\/([^/@]*)@/.exec(url);
  if (!m) return {};
  const [user, password] = m[1].split(":", 2);
  return { user: user ? decodeURIComponent(user) : void 0, password: password ? decodeURIComponent(password) : void 0 };
}
function openHttp(remote, o, inputs, jobs, where2) {
  const url = new URL(displayUrl(remote.url));
  const fromUrl = urlUserinfo(remote.url);
  const auth = o.str("auth");
  const authHeaders = {};
  const user = o.str("user") ?? inputs.user ?? fromUrl.user;
  const password = o.str("password") ?? inputs.password ?? fromUrl.password;
  if (auth === "digest") throw new DataError(`${where2}: auth = digest was removed from DVC in 2.7.1; use basic`);
  if (auth === "custom") {
    const header = o.str("custom_auth_header");
    if (!header || !password) throw new DataError(`${where2}: auth = custom needs 'custom_auth_header' and 'password'`);
    authHeaders[header.toLowerCase()] = password;
  } else if (auth === "basic" || inputs.user || inputs.password || fromUrl.user) {
    if (!user || password === void 0) {
      throw new DataError(`${where2}: HTTP 'basic' authentication requires both 'user' and 'password' (config.local, or the remote user/password inputs)`);
    }
    authHeaders.authorization = `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
  } else if (auth !== void 0) {
    throw new DataError(`${where2}: auth must be basic or custom, found '${auth}'`);
  }
  const method = (o.str("method") ?? "POST").toUpperCase();
  if (method !== "POST" && method !== "PUT") throw new DataError(`${where2}: method has to be either 'post' or 'put', found '${method.toLowerCase()}'`);
  const sslVerify = o.raw("ssl_verify");
  return new HttpRemote({
    name: remote.name,
    url,
    authHeaders,
    uploadMethod: method,
    jobs,
    sslVerify: sslVerify === void 0 ? true : /^(true|false)$/i.test(sslVerify) ? sslVerify.toLowerCase() === "true" : sslVerify,
    connectTimeoutMs: (o.num("connect_timeout") ?? 60) * 1e3,
    readTimeoutMs: (o.num("read_timeout") ?? 60) * 1e3,
    secrets: remoteSecrets(remote, inputs)
  });
}
function openS3(remote, o, env, jobs, where2) {
  const m = /^s3:\/\/([^/]+)\/?(.*)$/.exec(remote.url);
  const bucket = m[1];
  const prefix = m[2].replace(/\/+$/, "");
  if (bucket.includes("?") || prefix.includes("?")) throw new DataError(`${where2}: versioned S3 URLs (?versionId=) need 'repro: dvc'`);
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
  return new S3Remote(remote.name, bucket, prefix, settings, jobs, displayUrl(remote.url));
}
function openAzure(remote, o, env, jobs, where2) {
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
      `${where2}: Azure service-principal login is not supported by the builtin data layer; use account_key, sas_token or connection_string, or 'repro: dvc'`
    );
  } else if (accountKey) auth = { kind: "account-key", accountName, accountKey };
  else if (sasToken) auth = { kind: "sas", accountName, sasToken };
  else if (o.bool("allow_anonymous_login")) auth = { kind: "anonymous", accountName };
  else {
    throw new DataError(
      `${where2}: no Azure credential: set account_key, sas_token or connection_string (in .dvc/config.local or AZURE_STORAGE_KEY / AZURE_STORAGE_SAS_TOKEN / AZURE_STORAGE_CONNECTION_STRING); Azure AD login needs 'repro: dvc'`
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
  raw(key2) {
    const v = this.options[key2];
    if (Array.isArray(v)) throw new DataError(`${this.where}: '${key2}' must be one value, found a list (quote a value that holds a comma)`);
    return v;
  }
  str(key2) {
    const v = this.raw(key2);
    return v === "" ? void 0 : v;
  }
  bool(key2) {
    const v = this.str(key2);
    if (v === void 0) return void 0;
    if (/^true$/i.test(v)) return true;
    if (/^false$/i.test(v)) return false;
    throw new DataError(`${this.where}: '${key2}' must be true or false, found '${v}'`);
  }
  num(key2) {
    const v = this.str(key2);
    if (v === void 0) return void 0;
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0) throw new DataError(`${this.where}: '${key2}' must be a number, found '${v}'`);
    return n;
  }
  int(key2) {
    const n = this.num(key2);
    if (n !== void 0 && (!Number.isInteger(n) || n < 1)) throw new DataError(`${this.where}: '${key2}' must be a whole number \u2265 1, found '${n}'`);
    return n;
  }
};

// src/dvc/data/transfer.ts
import { stat as stat4 } from "node:fs/promises";
async function pull(cache, remote, refs, options = {}) {
  const result = { downloaded: 0, cached: 0, bytes: 0 };
  const failures = [];
  const fail2 = (item, error2) => {
    const e = error2 instanceof ObjectError ? error2 : void 0;
    failures.push({ oid: item.oid, path: item.path, kind: e?.kind ?? "failed", reason: error2 instanceof Error ? error2.message : String(error2) });
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
    } catch (error2) {
      fail2(ref, error2);
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
  await eachLimit(groups, remote.jobs, async (group2) => {
    const first = group2[0];
    try {
      if (held.has(`${first.legacy ? "L" : ""}${first.oid}`)) {
        result.cached++;
      } else {
        const key2 = objectKey(first.oid, first.legacy);
        const from = `${key2} on ${remote.description}`;
        const bytes = remote.download ? await remote.download(key2, {
          file: cache.path(first.oid, first.legacy),
          oid: first.oid,
          legacy: first.legacy,
          from,
          copy: group2.find((f) => f.copy)?.copy
        }) : await cache.write(first.oid, first.legacy, await remote.read(key2), from);
        result.bytes += bytes;
        result.downloaded++;
      }
    } catch (error2) {
      fail2(first, error2);
      for (const f of group2) if (f.dir) f.dir.failed = true;
    }
  });
  for (const dir of dirs) {
    if (dir.failed || !dir.manifest) continue;
    try {
      await cache.writeBytes(dir.ref.oid, dir.ref.legacy, dir.manifest, remote.description);
      result.downloaded++;
      result.bytes += dir.manifest.length;
    } catch (error2) {
      fail2(dir.ref, error2);
    }
  }
  if (failures.length) throw new TransferError("pull", remote.description, failures);
  return result;
}
async function readVerified(remote, oid, legacy) {
  const key2 = objectKey(oid, legacy);
  const chunks = [];
  const hasher = new ObjectHasher(legacy);
  try {
    for await (const chunk of await remote.read(key2)) {
      hasher.update(chunk);
      chunks.push(Buffer.from(chunk));
    }
  } catch (error2) {
    if (error2 instanceof ObjectError) throw error2;
    throw new ObjectError(`reading ${key2} from ${remote.description} broke off: ${error2.message}`, "unreachable");
  }
  const bytes = Buffer.concat(chunks);
  const actual = hasher.digest();
  if (`${actual}.dir` !== oid) throw new ObjectError(`corrupt: ${key2} on ${remote.description} has md5 ${actual}`, "corrupt");
  return bytes;
}
async function push(cache, remote, refs) {
  const result = { uploaded: 0, present: 0, bytes: 0 };
  const failures = [];
  const fail2 = (item, error2) => {
    const e = error2 instanceof ObjectError ? error2 : void 0;
    failures.push({ oid: item.oid, path: item.path, kind: e?.kind ?? "failed", reason: error2 instanceof Error ? error2.message : String(error2) });
  };
  const seen = /* @__PURE__ */ new Set();
  const unique = refs.filter((r) => {
    checkOid(r.oid, r.path);
    const k = `${r.legacy ? "L" : ""}${r.oid}`;
    return !seen.has(k) && seen.add(k);
  });
  const dirs = [];
  const files = [];
  for (const ref of unique) {
    const legacy = ref.legacy ?? false;
    if (!isDirOid(ref.oid)) {
      files.push({ oid: ref.oid, legacy, path: ref.path });
      continue;
    }
    dirs.push({ ref: { oid: ref.oid, legacy, path: ref.path }, pending: 0, failed: false });
  }
  const present = await remotePresence(
    remote,
    [...dirs.map((d) => d.ref), ...files].map((i) => objectKey(i.oid, i.legacy))
  );
  for (const dir of dirs) {
    if (present.has(objectKey(dir.ref.oid, dir.ref.legacy))) {
      result.present++;
      continue;
    }
    try {
      for (const e of await cache.manifest(dir.ref.oid, dir.ref.legacy)) {
        files.push({ oid: e.md5, legacy: dir.ref.legacy, path: dir.ref.path ? `${dir.ref.path}/${e.relpath}` : e.relpath, dir });
        dir.pending++;
      }
    } catch {
      dir.failed = true;
      fail2(dir.ref, new DataError(`not in the local cache ${cache.dir}, so it cannot be pushed`));
    }
  }
  const unknown = files.filter((f) => f.dir && !present.has(objectKey(f.oid, f.legacy))).map((f) => objectKey(f.oid, f.legacy));
  for (const key2 of await remotePresence(remote, [...new Set(unknown)])) present.add(key2);
  const byKey = /* @__PURE__ */ new Map();
  for (const f of files) {
    const key2 = objectKey(f.oid, f.legacy);
    byKey.set(key2, [...byKey.get(key2) ?? [], f]);
  }
  await eachLimit([...byKey.entries()], remote.jobs, async ([key2, group2]) => {
    const first = group2[0];
    if (present.has(key2)) {
      result.present++;
      return;
    }
    try {
      const file = cache.path(first.oid, first.legacy);
      const size2 = await stat4(file).then(
        (s) => s.size,
        () => {
          throw new DataError(`not in the local cache ${cache.dir}, so it cannot be pushed`);
        }
      );
      await remote.write(key2, file, size2);
      result.uploaded++;
      result.bytes += size2;
    } catch (error2) {
      fail2(first, error2);
      for (const f of group2) if (f.dir) f.dir.failed = true;
    }
  });
  await eachLimit(
    dirs.filter((d) => !d.failed && !present.has(objectKey(d.ref.oid, d.ref.legacy))),
    remote.jobs,
    async (dir) => {
      const key2 = objectKey(dir.ref.oid, dir.ref.legacy);
      try {
        const file = cache.path(dir.ref.oid, dir.ref.legacy);
        const size2 = (await stat4(file)).size;
        await remote.write(key2, file, size2);
        result.uploaded++;
        result.bytes += size2;
      } catch (error2) {
        fail2(dir.ref, error2);
      }
    }
  );
  if (failures.length) throw new TransferError("push", remote.description, failures);
  return result;
}
async function remotePresence(remote, keys) {
  const present = /* @__PURE__ */ new Set();
  if (!keys.length) return present;
  const prefixes = new Set(keys.map((k) => k.slice(0, k.lastIndexOf("/") + 1)));
  if (remote.list && keys.length >= 4 * prefixes.size) {
    const wanted = new Set(keys);
    await eachLimit([...prefixes], remote.jobs, async (prefix) => {
      for (const key2 of await remote.list(prefix)) if (wanted.has(key2)) present.add(key2);
    });
    return present;
  }
  await eachLimit(keys, remote.jobs, async (key2) => {
    if (await remote.exists(key2)) present.add(key2);
  });
  return present;
}

// src/dvc/data/tracked.ts
async function pushTracked(root, options = {}) {
  const { config, cache, groups } = await plan(root, options);
  const total = { uploaded: 0, present: 0, bytes: 0 };
  for (const [name, outs] of groups) {
    const remote = openRemote(selectRemote(config, name), options);
    try {
      const r = await push(cache, remote, outs);
      total.uploaded += r.uploaded;
      total.present += r.present;
      total.bytes += r.bytes;
    } finally {
      await remote.close();
    }
  }
  return total;
}
async function plan(root, options) {
  const config = await loadDvcConfig(root, options);
  const cache = new Cache(config.cacheDir);
  const all = await findDvcFiles(root);
  const wanted = options.targets?.length ? options.targets.map((t) => t.replace(/\/+$/, "")) : void 0;
  const outs = [];
  for (const file of all) {
    for (const out of await readDvcFile2(root, file)) {
      if (!wanted || wanted.some((t) => t === file || t === out.path || out.path.startsWith(`${t}/`))) outs.push(out);
    }
  }
  if (wanted && !outs.length) throw new DataError(`no .dvc-tracked output matches ${wanted.join(", ")}`);
  const groups = /* @__PURE__ */ new Map();
  for (const out of outs) {
    const name = out.remote ?? options.remote;
    groups.set(name, [...groups.get(name) ?? [], out]);
  }
  return { config, cache, groups };
}

// src/pipeline/repro.ts
import { realpath, rm as rm7 } from "node:fs/promises";
import { join as join16 } from "node:path";
import { performance } from "node:perf_hooks";

// src/dvc/project.ts
import { posix as posix2 } from "node:path";

// src/dvc/interpolate.ts
var KEYCRE = /(?<!\\)\$\{(.*?)\}/g;
var InterpolationError = class extends Error {
};
function interpolateString(src, context, inCmd) {
  const matches = [...src.matchAll(KEYCRE)];
  if (!matches.length) return unescape2(src);
  if (matches.length === 1 && matches[0][0] === src) return lookup(context, matches[0][1]);
  let out = "";
  let last = 0;
  for (const m of matches) {
    out += src.slice(last, m.index);
    out += toStr(lookup(context, m[1]), m[1], inCmd);
    last = m.index + m[0].length;
  }
  out += src.slice(last);
  return unescape2(out);
}
function interpolateValue(value2, context, inCmd) {
  if (typeof value2 === "string") return interpolateString(value2, context, inCmd);
  if (Array.isArray(value2)) return value2.map((v) => interpolateValue(v, context, inCmd));
  if (isRawMap(value2)) {
    return new Map(
      [...value2].map(([k, v]) => {
        const key2 = interpolateString(k, context, false);
        return [pyStr(key2), interpolateValue(v, context, inCmd)];
      })
    );
  }
  return value2;
}
function hasInterpolation(value2) {
  if (typeof value2 === "string") return new RegExp(KEYCRE.source).test(value2);
  if (Array.isArray(value2)) return value2.some(hasInterpolation);
  if (isRawMap(value2)) return [...value2.values()].some(hasInterpolation);
  return false;
}
function unescape2(s) {
  return s.replace(/\\\$\{/g, "${");
}
function lookup(context, inner) {
  const parts = [];
  const re = /([^.[\]]+)|\[([^\]]*)\]|\./g;
  let m;
  while (m = re.exec(inner)) {
    if (m[1] !== void 0) parts.push(m[1]);
    else if (m[2] !== void 0) parts.push(m[2]);
  }
  if (!inner || !parts.length) throw new InterpolationError(`Could not find '${inner}'`);
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
function toStr(value2, key2, inCmd) {
  if (value2 === true) return "true";
  if (value2 === false) return "false";
  if (value2 === null) return "None";
  if (value2 instanceof PyFloat) return pyFloatRepr(value2.value);
  if (typeof value2 === "number") return Number.isInteger(value2) ? String(value2) : pyFloatRepr(value2);
  if (typeof value2 === "bigint" || typeof value2 === "string") return String(value2);
  if (Array.isArray(value2)) throw new InterpolationError(`Cannot interpolate data of type 'list' ('${key2}')`);
  if (value2 instanceof PyCollection) throw new InterpolationError(`Cannot interpolate data of type '${value2.kind}' ('${key2}')`);
  if (!inCmd) throw new InterpolationError(`Cannot interpolate data of type 'dict' ('${key2}'): dictionaries unpack only in 'cmd'`);
  return unpackDict(value2, key2);
}
function unpackDict(dict, key2) {
  const parts = [];
  for (const [k, v] of flatten(dict)) {
    if (v === true) parts.push(`--${k}`);
    else if (v === false) continue;
    else if (typeof v === "string") parts.push(`--${k} ${shlexQuote(v)}`);
    else if (Array.isArray(v)) {
      const items = v.map((item) => {
        if (Array.isArray(item) || isRawMap(item) || item instanceof PyCollection)
          throw new InterpolationError(`Cannot interpolate nested lists or dicts in '${key2}.${k}'`);
        return typeof item === "string" ? shlexQuote(item) : toStr(item, key2, false);
      });
      parts.push(`--${k} ${items.join(" ")}`);
    } else parts.push(`--${k} ${toStr(v, key2, false)}`);
  }
  return parts.join(" ").trimEnd();
}
function flatten(dict, prefix = "") {
  const out = [];
  for (const [k, v] of dict) {
    const name = prefix ? `${prefix}.${k}` : k;
    if (isRawMap(v) && v.size) for (const entry of flatten(v, name)) out.push(entry);
    else out.push([name, v]);
  }
  return out;
}
function shlexQuote(s) {
  if (!s) return "''";
  if (/^[\w@%+=:,./-]+$/.test(s)) return s;
  return `'${s.replace(/'/g, `'"'"'`)}'`;
}

// src/dvc/project.ts
var TOP_KEYS = ["stages", "vars", "params", "metrics", "plots", "artifacts", "datasets"];
var STAGE_KEYS = ["cmd", "wdir", "deps", "params", "outs", "metrics", "plots", "frozen", "always_changed", "desc", "meta", "vars"];
var OUT_FLAGS = ["cache", "persist", "checkpoint", "remote", "push", "desc", "type", "labels", "meta"];
var PLOT_FLAGS = [...OUT_FLAGS, "template", "x", "y", "x_label", "y_label", "title", "header"];
function joinPath(dir, path) {
  const joined = posix2.normalize(posix2.join(dir || ".", path.replace(/\\/g, "/")));
  return joined === "." ? "" : joined.replace(/^\.\//, "").replace(/\/$/, "");
}
async function loadDvcYaml(tree, dir = "") {
  const file = joinPath(dir, "dvc.yaml");
  const doc = await readDataFile(tree, file);
  if (doc === void 0) return null;
  const where2 = file;
  if (doc === null) return { dir, file, stages: [], metrics: [], params: [], plots: [], trackedVars: /* @__PURE__ */ new Map() };
  if (!isRawMap(doc)) throw new UserError(`${where2}: expected a mapping with \`stages:\` at the top level.`);
  for (const key2 of doc.keys()) {
    if (!TOP_KEYS.includes(key2)) throw new UserError(`${where2}: unknown top-level key '${key2}' (expected one of ${TOP_KEYS.join(", ")}).`);
  }
  const vars = new VarsLoader(tree, dir, where2);
  await vars.loadDefaultParams();
  await vars.load(doc.get("vars"), "", "vars");
  const context = vars.context;
  const stages = [];
  const trackedVars = /* @__PURE__ */ new Map();
  const stagesDoc = doc.get("stages") ?? /* @__PURE__ */ new Map();
  if (!isRawMap(stagesDoc)) throw new UserError(`${where2}: 'stages' must be a mapping of stage names to definitions.`);
  for (const [name, definition] of stagesDoc) {
    for (const generated of expandEntry(where2, name, definition, context)) {
      stages.push(await resolveStage(where2, generated, vars, trackedVars));
    }
  }
  const seen = /* @__PURE__ */ new Set();
  for (const s of stages) {
    if (seen.has(s.name)) throw new UserError(`${where2}: stage '${s.name}' is defined twice.`);
    seen.add(s.name);
  }
  const topStrings = (key2) => {
    const value2 = doc.get(key2);
    if (value2 === void 0 || value2 === null) return [];
    if (!Array.isArray(value2)) throw new UserError(`${where2}: '${key2}' must be a list of paths.`);
    return value2.map((v, i) => {
      const resolved = withField(where2, `${key2}[${i}]`, () => interpolateValue(v, context, false));
      if (typeof resolved !== "string") throw new UserError(`${where2}: '${key2}[${i}]' must be a path (a string).`);
      return resolved;
    });
  };
  return { dir, file, stages, metrics: topStrings("metrics"), params: topStrings("params"), plots: topPlots(where2, doc.get("plots"), context), trackedVars };
}
async function loadProject(tree) {
  const files = await tree.list();
  const { dvcYamls, errors } = await loadDvcYamls(tree, files);
  const project = { dvcYamls, locks: /* @__PURE__ */ new Map(), dvcFiles: [], errors: errors.map((e) => e.error) };
  const attempt = async (load) => {
    try {
      await load();
    } catch (error2) {
      project.errors.push(describeError(error2));
    }
  };
  for (const dir of dvcYamlDirs(files)) {
    await attempt(async () => {
      const lock = await readLockFile(tree, joinPath(dir, "dvc.lock"));
      if (lock) project.locks.set(dir, lock);
    });
  }
  for (const file of files.filter((f) => f.endsWith(".dvc"))) {
    await attempt(async () => {
      const dvcFile = await readDvcFile(tree, file);
      if (dvcFile) project.dvcFiles.push(dvcFile);
    });
  }
  return project;
}
async function loadDvcYamls(tree, files) {
  const out = { dvcYamls: [], errors: [] };
  for (const dir of dvcYamlDirs(files ?? await tree.list())) {
    try {
      const dvc = await loadDvcYaml(tree, dir);
      if (dvc) out.dvcYamls.push(dvc);
    } catch (error2) {
      out.errors.push({ file: joinPath(dir, "dvc.yaml"), error: describeError(error2) });
    }
  }
  return out;
}
function dvcYamlDirs(files) {
  return files.filter((p) => p === "dvc.yaml" || p.endsWith("/dvc.yaml")).map((p) => p === "dvc.yaml" ? "" : p.slice(0, -"/dvc.yaml".length)).sort();
}
async function readDataFile(tree, path) {
  const bytes = await tree.read(path);
  if (!bytes) return void 0;
  return parseDataFile(path, bytes.toString("utf8")).data;
}
function topPlots(file, value2, context) {
  if (value2 === void 0 || value2 === null) return [];
  if (!Array.isArray(value2)) throw new UserError(`${file}: 'plots' must be a list.`);
  return value2.map((entry, i) => {
    const resolved = withField(file, `plots[${i}]`, () => interpolateValue(entry, context, false));
    if (typeof resolved === "string") return { id: resolved, props: null };
    if (isRawMap(resolved) && resolved.size === 1) {
      const [id, props] = [...resolved][0];
      if (props === null || isRawMap(props)) return { id, props };
    }
    throw new UserError(`${file}: 'plots[${i}]' must be a path or a single-key mapping {id: {x, y, template, \u2026}}.`);
  });
}
function withField(file, field, fn, stage2) {
  try {
    return fn();
  } catch (error2) {
    if (error2 instanceof InterpolationError) {
      const where2 = stage2 ? `stages.${stage2}.${field}` : field;
      throw new UserError(`${file}: failed to parse '${where2}': ${error2.message}.`);
    }
    throw error2;
  }
}
function expandEntry(file, name, definition, context) {
  if (!isRawMap(definition)) throw new UserError(`${file}: stage '${name}': expected a mapping with 'cmd'.`);
  const withLoop = (entries) => mapFrom([...context, ...entries], context);
  if (definition.has("foreach") || definition.has("do")) {
    const extra = [...definition.keys()].filter((k) => k !== "foreach" && k !== "do");
    if (extra.length) throw new UserError(`${file}: stage '${name}': a foreach group takes only 'foreach' and 'do' (found '${extra[0]}').`);
    if (!definition.has("do")) throw new UserError(`${file}: stage '${name}': 'foreach' needs a 'do' stage definition.`);
    if (!definition.has("foreach")) throw new UserError(`${file}: stage '${name}': 'do' needs a 'foreach' list or mapping.`);
    let items = definition.get("foreach") ?? null;
    if (typeof items === "string") items = withField(file, "foreach", () => interpolateString(items, context, false), name);
    const body = definition.get("do") ?? null;
    const out = [];
    if (Array.isArray(items)) {
      const byIndex = items.some((v) => Array.isArray(v) || isRawMap(v));
      const keyed = /* @__PURE__ */ new Map();
      items.forEach((item, i) => keyed.set(byIndex ? String(i) : toStr(item, "item", false), item));
      for (const [key2, item] of keyed) out.push({ name: `${name}@${key2}`, definition: body, context: withLoop([["item", item]]), written: definition });
    } else if (isRawMap(items)) {
      for (const [key2, item] of items) {
        out.push({
          name: `${name}@${key2}`,
          definition: body,
          context: withLoop([
            ["key", key2],
            ["item", item]
          ]),
          written: definition
        });
      }
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
      const values = typeof raw === "string" ? withField(file, `matrix.${axis}`, () => interpolateString(raw, context, false), name) : raw;
      if (!Array.isArray(values)) throw new UserError(`${file}: stage '${name}': 'matrix.${axis}' must be a list.`);
      axes.push([axis, values]);
    }
    const rest = mapFrom(definition, definition);
    rest.delete("matrix");
    let combos = [{ item: [], key: [] }];
    for (const [axis, values] of axes) {
      combos = combos.flatMap(
        (c) => values.map((v, i) => ({
          item: [...c.item, [axis, v]],
          key: [...c.key, Array.isArray(v) || isRawMap(v) ? `${axis}${i}` : toStr(v, axis, false)]
        }))
      );
    }
    return combos.map((c) => {
      const key2 = c.key.join("-");
      return {
        name: `${name}@${key2}`,
        definition: rest,
        context: withLoop([
          ["item", new Map(c.item)],
          ["key", key2]
        ]),
        written: definition
      };
    });
  }
  return [{ name, definition, context, written: definition }];
}
async function resolveStage(file, entry, vars, trackedVars) {
  const { name, definition, context } = entry;
  const where2 = `${file}: stage '${name}'`;
  if (!isRawMap(definition)) throw new UserError(`${where2}: expected a mapping with 'cmd'.`);
  for (const key2 of definition.keys()) {
    if (!STAGE_KEYS.includes(key2)) throw new UserError(`${where2}: unknown key '${key2}' (expected one of ${STAGE_KEYS.join(", ")}).`);
  }
  const wdirWritten = definition.get("wdir");
  const wdirValue = wdirWritten === void 0 ? "." : withField(file, "wdir", () => interpolateValue(wdirWritten, context, false), name);
  if (typeof wdirValue !== "string") throw new UserError(`${where2}: 'wdir' must be a path.`);
  const wdir = posix2.normalize(wdirValue.replace(/\\/g, "/")).replace(/\/$/, "") || ".";
  let stageContext = context;
  let scope = vars;
  if (definition.has("vars")) {
    scope = vars.fork();
    await scope.load(definition.get("vars"), wdir === "." ? "" : wdir, `stages.${name}.vars`);
    stageContext = mapFrom([...scope.context, ...[...context].filter(([k]) => k === "item" || k === "key")], scope.context);
  }
  scope.track(entry.written, trackedVars);
  const field = (key2, inCmd = false) => {
    const written = definition.get(key2);
    return written === void 0 ? void 0 : withField(file, key2, () => interpolateValue(written, stageContext, inCmd), name);
  };
  const cmd = field("cmd", true);
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
  const flag = (key2) => {
    const v = field(key2);
    if (v === void 0 || v === null) return false;
    if (typeof v !== "boolean") throw new UserError(`${where2}: '${key2}' must be true or false.`);
    return v;
  };
  const desc = field("desc");
  const stage2 = { name, wdir, cmd: cmdValue, deps, params, outs, frozen: flag("frozen"), alwaysChanged: flag("always_changed") };
  if (typeof desc === "string") stage2.desc = desc;
  return stage2;
}
function stringList(value2, where2) {
  if (value2 === void 0 || value2 === null) return [];
  if (!Array.isArray(value2)) throw new UserError(`${where2} must be a list of paths.`);
  return value2.map((v, i) => {
    if (typeof v !== "string" || !v) throw new UserError(`${where2}[${i}] must be a path (a string).`);
    return v;
  });
}
function paramsDeps(value2, where2) {
  if (value2 === void 0 || value2 === null) return [];
  if (!Array.isArray(value2)) throw new UserError(`${where2}: 'params' must be a list of keys or {file: [keys]}.`);
  const byFile = /* @__PURE__ */ new Map();
  const add3 = (file, keys) => {
    const current = byFile.get(file);
    if (current === null) return;
    if (keys === null) byFile.set(file, null);
    else byFile.set(file, [...current ?? [], ...keys.filter((k) => !current?.includes(k))]);
  };
  value2.forEach((item, i) => {
    if (typeof item === "string") add3("params.yaml", [item]);
    else if (isRawMap(item)) {
      for (const [file, keys] of item) {
        if (keys === null || Array.isArray(keys) && !keys.length) add3(file, null);
        else if (Array.isArray(keys) && keys.every((k) => typeof k === "string")) add3(file, keys);
        else throw new UserError(`${where2}: 'params[${i}].${file}' must be a list of keys (or empty for the whole file).`);
      }
    } else throw new UserError(`${where2}: 'params[${i}]' must be a key or {file: [keys]}.`);
  });
  return [...byFile].map(([file, keys]) => ({ file, keys }));
}
function outList(value2, kind, where2) {
  if (value2 === void 0 || value2 === null) return [];
  if (!Array.isArray(value2)) throw new UserError(`${where2} must be a list.`);
  const allowed = kind === "plot" ? PLOT_FLAGS : OUT_FLAGS;
  return value2.map((item, i) => {
    if (typeof item === "string" && item) return { path: item, kind, cache: true, persist: false, props: /* @__PURE__ */ new Map() };
    if (isRawMap(item) && item.size === 1) {
      const [path, flags] = [...item][0];
      if (flags !== null && !isRawMap(flags)) throw new UserError(`${where2}[${i}]: '${path}' must map to flags such as {cache: false}.`);
      const props = flags ?? /* @__PURE__ */ new Map();
      for (const [k, v] of props) {
        if (!allowed.includes(k)) throw new UserError(`${where2}[${i}]: unknown flag '${k}' on '${path}' (expected one of ${allowed.join(", ")}).`);
        if ((k === "cache" || k === "persist") && typeof v !== "boolean") throw new UserError(`${where2}[${i}]: '${k}' on '${path}' must be true or false.`);
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
  loadedFiles = /* @__PURE__ */ new Set();
  /** Every file values came from (whole or some keys), for tracked vars. */
  files = /* @__PURE__ */ new Set();
  fork() {
    const copy = new _VarsLoader(this.tree, this.dir, this.file);
    copy.context = cloneMap(this.context);
    for (const [k, v] of this.sources) copy.sources.set(k, v);
    for (const f of this.loadedFiles) copy.loadedFiles.add(f);
    for (const f of this.files) copy.files.add(f);
    return copy;
  }
  async loadDefaultParams() {
    const data = await readDataFile(this.tree, joinPath(this.dir, "params.yaml"));
    if (data === void 0) return;
    this.merge(asMapping(data, joinPath(this.dir, "params.yaml")), "params.yaml");
    this.loadedFiles.add("params.yaml");
    this.files.add("params.yaml");
  }
  async load(vars, wdir, where2) {
    if (vars === void 0 || vars === null) return;
    if (!Array.isArray(vars)) throw new UserError(`${this.file}: '${where2}' must be a list of files or mappings.`);
    for (const [i, entry] of vars.entries()) {
      if (hasInterpolation(entry)) throw new UserError(`${this.file}: '${where2}[${i}]' cannot use \${\u2026} interpolation.`);
      if (isRawMap(entry)) {
        this.merge(entry, `${where2}[${i}]`);
        continue;
      }
      if (typeof entry !== "string") throw new UserError(`${this.file}: '${where2}[${i}]' must be a file path or a mapping.`);
      const [file, keyList] = splitVarsEntry(entry);
      const rel = joinPath(wdir, file);
      if (!keyList && this.loadedFiles.has(rel)) continue;
      const data = await readDataFile(this.tree, joinPath(this.dir, rel));
      if (data === void 0) throw new UserError(`${this.file}: '${where2}[${i}]': vars file '${rel}' does not exist.`);
      const mapping = asMapping(data, joinPath(this.dir, rel));
      const picked = keyList ? pickKeys(this.file, mapping, keyList, rel) : mapping;
      this.merge(picked, rel);
      this.files.add(rel);
      if (!keyList) this.loadedFiles.add(rel);
    }
  }
  /**
   * DVC's tracked vars (dvc/parsing/context.py `_track_data`): every `${key}` an entry interpolates, except the
   * loop's own `item`/`key`, is a param of the vars file it comes from (inline `vars` track nothing).
   */
  track(written, into) {
    const visit = (value2) => {
      if (typeof value2 === "string") {
        for (const m of value2.matchAll(/(?<!\\)\$\{(.*?)\}/g)) {
          const key2 = m[1].replace(/\[([^\]]*)\]/g, ".$1");
          const head = key2.split(".")[0];
          if (head === "item" || head === "key") continue;
          const source = this.sourceOf(key2);
          if (this.files.has(source)) into.set(source, [.../* @__PURE__ */ new Set([...into.get(source) ?? [], key2])]);
        }
      } else if (Array.isArray(value2)) value2.forEach(visit);
      else if (isRawMap(value2)) {
        for (const [k, v] of value2) {
          if (k === "vars") continue;
          visit(k);
          visit(v);
        }
      }
    };
    visit(written);
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
  const colon = entry.lastIndexOf(":");
  if (colon > 1)
    return [
      entry.slice(0, colon),
      entry.slice(colon + 1).split(",").map((k) => k.trim()).filter(Boolean)
    ];
  return [entry, null];
}
function pickKeys(dvcYaml, data, keys, file) {
  const out = /* @__PURE__ */ new Map();
  for (const key2 of keys) {
    if (!data.has(key2)) throw new UserError(`${dvcYaml}: vars: '${key2}' not found in '${file}'.`);
    out.set(key2, data.get(key2));
  }
  return out;
}
function asMapping(value2, file) {
  if (value2 === null) return /* @__PURE__ */ new Map();
  if (!isRawMap(value2)) throw new UserError(`${file}: expected a mapping at the top level.`);
  return value2;
}

// src/pipeline/dag.ts
import { posix as posix3 } from "node:path";
function projectPath2(stage2, p) {
  return posix3.normalize(posix3.join(stage2.wdir, p.replace(/\\/g, "/"))).replace(/\/$/, "");
}
function isAbsolute2(p) {
  return /^[\\/]/.test(p) || /^[A-Za-z]:[\\/]/.test(p);
}
var EXTERNAL_LINK = "<https://dvc.org/doc/user-guide/pipelines/external-dependencies-and-outputs>";
function refuseAbsolute(stage2) {
  const outs = stage2.outs.map((o) => o.path).filter(isAbsolute2);
  if (outs.length) {
    throw new UserError(`dvc.yaml: stage '${stage2.name}': Cached output(s) outside of DVC project: ${outs.join(", ")}. See ${EXTERNAL_LINK} for more info.`);
  }
  const deps = [...stage2.deps, ...stage2.params.map((p) => p.file)].filter(isAbsolute2);
  if (deps.length) {
    throw new UserError(
      `dvc.yaml: stage '${stage2.name}': dependency ${deps.map((d) => `'${d}'`).join(", ")} is an absolute path, outside of DVC project: DVC's external dependencies are not read by mlreport; use a path relative to dvc.yaml. See ${EXTERNAL_LINK} for more info.`
    );
  }
}
function isInside(child, parent) {
  return parent === "." || child.startsWith(`${parent}/`);
}
function buildDag(stages) {
  const nodes = /* @__PURE__ */ new Map();
  const writer = /* @__PURE__ */ new Map();
  for (const stage2 of stages) {
    refuseAbsolute(stage2);
    const node = {
      stage: stage2,
      deps: [...stage2.deps.map((d) => projectPath2(stage2, d)), ...stage2.params.map((p) => projectPath2(stage2, p.file))],
      outs: stage2.outs.map((o) => projectPath2(stage2, o.path))
    };
    nodes.set(stage2.name, node);
    for (const out of node.outs) {
      const other = writer.get(out);
      if (other !== void 0) {
        throw new UserError(
          other === stage2.name ? `dvc.yaml: stage '${stage2.name}' lists the output '${out}' twice.` : `dvc.yaml: output '${out}' is written by two stages: '${other}' and '${stage2.name}'. Each output must belong to one stage.`
        );
      }
      for (const [path, owner] of writer) {
        if (owner !== stage2.name && (isInside(out, path) || isInside(path, out))) {
          throw new UserError(`dvc.yaml: output '${out}' of stage '${stage2.name}' overlaps output '${path}' of stage '${owner}'.`);
        }
      }
      writer.set(out, stage2.name);
    }
  }
  const producerOf = (path) => {
    for (const [out, owner] of writer) if (out === path || isInside(path, out)) return owner;
    return void 0;
  };
  const upstream = /* @__PURE__ */ new Map();
  for (const [name, node] of nodes) {
    const ups = /* @__PURE__ */ new Set();
    for (const dep of node.deps) {
      for (const [out, owner] of writer) {
        if (owner !== name && (out === dep || isInside(dep, out) || isInside(out, dep))) ups.add(owner);
        if (owner === name && (out === dep || isInside(dep, out))) {
          throw new UserError(`dvc.yaml: stage '${name}' depends on its own output '${out}' (a cycle).`);
        }
      }
    }
    upstream.set(name, [...ups]);
  }
  const order = [];
  const state = /* @__PURE__ */ new Map();
  const visit = (name, path) => {
    const s = state.get(name);
    if (s === "done") return;
    if (s === "visiting") {
      const cycle2 = [...path.slice(path.indexOf(name)), name];
      throw new UserError(`dvc.yaml: the pipeline has a cycle: ${cycle2.join(" \u2192 ")}.`);
    }
    state.set(name, "visiting");
    for (const up of upstream.get(name) ?? []) visit(up, [...path, name]);
    state.set(name, "done");
    order.push(name);
  };
  for (const name of nodes.keys()) visit(name, []);
  return { nodes, upstream, order, producerOf };
}
function selectStages(dag, targets) {
  if (!targets.length) return dag.order;
  const wanted = /* @__PURE__ */ new Set();
  const add3 = (name) => {
    if (wanted.has(name)) return;
    wanted.add(name);
    if (dag.nodes.get(name)?.stage.frozen) return;
    for (const up of dag.upstream.get(name) ?? []) add3(up);
  };
  for (const target of targets) {
    const matches = [...dag.nodes.keys()].filter((n) => n === target || n.startsWith(`${target}@`));
    if (!matches.length) throw new UserError(`No stage '${target}' in dvc.yaml (stages: ${[...dag.nodes.keys()].join(", ") || "none"}).`);
    matches.forEach(add3);
  }
  return dag.order.filter((n) => wanted.has(n));
}
function downstreamOf(dag, name) {
  const out = /* @__PURE__ */ new Set();
  let grew = true;
  while (grew) {
    grew = false;
    for (const [stage2, ups] of dag.upstream) {
      if (!out.has(stage2) && ups.some((u) => u === name || out.has(u))) {
        out.add(stage2);
        grew = true;
      }
    }
  }
  return out;
}

// src/util/files.ts
import { closeSync as closeSync3, openSync as openSync3, writeSync } from "node:fs";
import { mkdir as mkdir5, rename as rename5, rm as rm6, writeFile as writeFile2 } from "node:fs/promises";
import { dirname as dirname6, join as join9, basename as basename3 } from "node:path";
async function writeFileAtomic(path, data) {
  const tmp = await tempBeside(path);
  await writeFile2(tmp, data);
  await rename5(tmp, path);
}
async function writeTextAtomic(path, produce) {
  const tmp = await tempBeside(path);
  const fd = openSync3(tmp, "w");
  try {
    produce((piece) => {
      const bytes = Buffer.from(piece, "utf8");
      for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at);
    });
  } catch (error2) {
    closeSync3(fd);
    await rm6(tmp, { force: true });
    throw error2;
  }
  closeSync3(fd);
  await rename5(tmp, path);
}
async function tempBeside(path) {
  await mkdir5(dirname6(path), { recursive: true });
  return join9(dirname6(path), `.${basename3(path)}.${process.pid}.tmp`);
}

// src/pipeline/yaml-emit.ts
function emitYaml(value2, folding = "current") {
  const emitter = new Emitter(folding);
  emitter.node(value2, {});
  emitter.writeIndent();
  return emitter.out.join("");
}
var BEST_WIDTH = 80;
var INDENT = 2;
var MAX_SIMPLE_KEY_LENGTH = 128;
var BREAKS = "\n\x85\u2028\u2029";
var SPACE_OR_BREAK = "\0 	\r\n\x85\u2028\u2029";
var Emitter = class {
  constructor(folding) {
    this.folding = folding;
  }
  folding;
  out = [];
  column = 0;
  whitespace = true;
  indention = true;
  indent = null;
  /** Enclosing indents, each with whether it belongs to a block sequence (ruamel's `Indents`). */
  indents = [];
  sequenceContext = false;
  simpleKeyContext = false;
  node(value2, context) {
    this.sequenceContext = context.sequence ?? false;
    this.simpleKeyContext = context.simpleKey ?? false;
    const items = value2 instanceof PyCollection ? value2.items : value2;
    if (Array.isArray(items)) {
      if (!items.length) return this.emptyFlow("[", "]");
      this.blockSequence(items, context.mapping ?? false);
    } else if (items instanceof Map) {
      if (!items.size) return this.emptyFlow("{", "}");
      this.blockMapping([...items].map(([k, v]) => [keyValue(items, k), v]));
    } else {
      this.scalar(scalarEvent(items));
    }
  }
  blockSequence(items, mappingContext) {
    this.increaseIndent(true, mappingContext && !this.indention);
    if (this.indents.at(-2)?.[1]) this.indention = true;
    for (const item of items) {
      this.writeIndent();
      this.writeIndicator("-", true, false, true);
      this.node(item, { sequence: true });
    }
    this.indent = this.indents.pop()[0];
  }
  blockMapping(entries) {
    this.increaseIndent(false, false);
    for (const [key2, value2] of entries) {
      this.writeIndent();
      const event = scalarEvent(key2);
      if (isSimpleKey(event)) {
        this.sequenceContext = false;
        this.simpleKeyContext = true;
        this.scalar(event);
        this.writeIndicator(":", false);
      } else {
        this.writeIndicator("?", true, false, true);
        this.sequenceContext = false;
        this.simpleKeyContext = false;
        this.scalar(event);
        this.writeIndent();
        this.writeIndicator(":", true, false, true);
      }
      this.node(value2, { mapping: true });
    }
    this.indent = this.indents.pop()[0];
  }
  /** `[]` and `{}`: ruamel writes empty collections in flow style even with `default_flow_style = False`. */
  emptyFlow(open7, close) {
    const top2 = this.indents.at(-1);
    const align2 = this.indents.length < 2 || !top2?.[1] ? 0 : (top2[0] ?? 0) + INDENT - this.column - 1;
    this.writeIndicator(" ".repeat(Math.max(0, align2)) + open7, true, true);
    this.writeIndicator(close, false);
    this.writeLineBreak();
  }
  scalar(event) {
    this.indents.push([this.indent, false]);
    this.indent = (this.indent ?? 0) + INDENT;
    const analysis = analyze(event.text);
    let text2 = event.text;
    let style = this.chooseStyle(event, analysis);
    if (event.isNull && style === "'") {
      text2 = [..."null"];
      style = this.chooseStyle({ ...event, text: text2 }, analyze(text2));
    }
    const split = !this.simpleKeyContext;
    if (this.sequenceContext) this.writeIndent();
    if (style === '"') this.writeDoubleQuoted(text2, split);
    else if (style === "'") this.writeSingleQuoted(text2, split);
    else this.writePlain(text2, split);
    this.indent = this.indents.pop()[0];
  }
  chooseStyle(event, analysis) {
    if (event.plainResolves && !(this.simpleKeyContext && (analysis.empty || analysis.multiline)) && analysis.allowBlockPlain) return "";
    if (event.text.includes("'") || event.text.includes("\n")) return '"';
    if (analysis.allowSingleQuoted && !(this.simpleKeyContext && analysis.multiline)) return "'";
    return '"';
  }
  increaseIndent(sequence, indentless) {
    this.indents.push([this.indent, sequence]);
    if (this.indent === null) this.indent = 0;
    else if (!indentless) this.indent += INDENT;
  }
  writeIndent() {
    const indent = this.indent ?? 0;
    if (!this.indention || this.column > indent || this.column === indent && !this.whitespace) this.writeLineBreak();
    if (this.column < indent) {
      this.whitespace = true;
      this.write(" ".repeat(indent - this.column));
      this.column = indent;
    }
  }
  writeIndicator(indicator, needWhitespace, whitespace = false, indention = false) {
    const data = this.whitespace || !needWhitespace ? indicator : ` ${indicator}`;
    this.whitespace = whitespace;
    this.indention = this.indention && indention;
    this.column += data.length;
    this.write(data);
  }
  writeLineBreak(data = "\n") {
    this.whitespace = true;
    this.indention = true;
    this.column = 0;
    this.write(data);
  }
  write(data) {
    this.out.push(data);
  }
  /** Writes `chars` (code points, as Python indexes a str) and moves the column on by their count. */
  put(chars) {
    this.column += chars.length;
    this.write(chars.join(""));
  }
  writeBreaks(breaks) {
    if (breaks[0] === "\n") this.writeLineBreak();
    for (const br of breaks) this.writeLineBreak(br);
    this.writeIndent();
  }
  writePlain(text2, split) {
    if (!text2.length) return;
    if (!this.whitespace) this.put([" "]);
    this.whitespace = false;
    this.indention = false;
    let spaces2 = false;
    let start = 0;
    for (let end = 0; end <= text2.length; end++) {
      const ch = text2[end];
      if (spaces2) {
        if (ch !== " ") {
          const pastWidth = this.folding === "current" ? this.column >= BEST_WIDTH : this.column > BEST_WIDTH;
          if (start + 1 === end && pastWidth && split) {
            this.writeIndent();
            this.whitespace = false;
            this.indention = false;
          } else {
            this.put(text2.slice(start, end));
          }
          start = end;
        }
      } else if (ch === void 0 || ch === " ") {
        const word = text2.slice(start, end);
        if (this.folding === "current" && split && word.length + this.column > BEST_WIDTH && this.indent !== null && this.column > this.indent) {
          this.writeIndent();
        }
        this.put(word);
        start = end;
      }
      spaces2 = ch === " ";
    }
  }
  writeSingleQuoted(text2, split) {
    this.writeIndicator("'", true);
    let spaces2 = false;
    let breaks = false;
    let start = 0;
    for (let end = 0; end <= text2.length; end++) {
      const ch = text2[end];
      if (spaces2) {
        if (ch !== " ") {
          if (start + 1 === end && this.column > BEST_WIDTH && split && start !== 0 && end !== text2.length) this.writeIndent();
          else this.put(text2.slice(start, end));
          start = end;
        }
      } else if (breaks) {
        if (ch === void 0 || !BREAKS.includes(ch)) {
          this.writeBreaks(text2.slice(start, end));
          start = end;
        }
      } else if (ch === void 0 || ` ${BREAKS}'`.includes(ch)) {
        if (start < end) {
          this.put(text2.slice(start, end));
          start = end;
        }
      }
      if (ch === "'") {
        this.put(["'", "'"]);
        start = end + 1;
      }
      if (ch !== void 0) {
        spaces2 = ch === " ";
        breaks = BREAKS.includes(ch);
      }
    }
    this.writeIndicator("'", false);
  }
  writeDoubleQuoted(text2, split) {
    this.writeIndicator('"', true);
    let start = 0;
    for (let end = 0; end <= text2.length; end++) {
      const ch = text2[end];
      if (ch === void 0 || '"\\\x85\u2028\u2029\uFEFF'.includes(ch) || !this.printableInDoubleQuotes(ch)) {
        if (start < end) {
          this.put(text2.slice(start, end));
          start = end;
        }
        if (ch !== void 0) {
          this.put([...escape(ch)]);
          start = end + 1;
        }
      }
      if (0 < end && end < text2.length - 1 && (ch === " " || start >= end) && this.column + (end - start) > BEST_WIDTH && split) {
        const backslash = this.folding === "legacy" || needsBackslash(text2, start, end);
        this.put([...text2.slice(start, end), ...backslash ? ["\\"] : []]);
        if (start < end) start = end;
        this.writeIndent();
        this.whitespace = false;
        this.indention = false;
        if (text2[start] === " ") {
          if (backslash) this.put(["\\"]);
          else start += 1;
        }
      }
    }
    this.writeIndicator('"', false);
  }
  printableInDoubleQuotes(ch) {
    const c = ch.codePointAt(0);
    if (c >= 32 && c <= 126) return true;
    if (c >= 160 && c <= 55295 || c >= 57344 && c <= 65533) return true;
    return this.folding === "current" && c >= 65536;
  }
};
function needsBackslash(text2, start, end) {
  let spacePos = text2.indexOf(" ", end);
  if (spacePos < 0) return true;
  const newline = text2.indexOf("\n", end);
  if (newline >= 0 && newline < spacePos) spacePos = newline;
  const after = text2[spacePos + 1];
  if (after === void 0) return true;
  if (text2[spacePos] === "\n" && after !== " ") return true;
  const word = text2.slice(end, spacePos);
  return word.includes('"') || word.includes("'") || " \n".includes(after) || text2.slice(end - 1, end + 1).join("") === "  " || start === end;
}
var ESCAPES2 = {
  "\0": "0",
  "\x07": "a",
  "\b": "b",
  "	": "t",
  "\n": "n",
  "\v": "v",
  "\f": "f",
  "\r": "r",
  "\x1B": "e",
  '"': '"',
  "\\": "\\",
  "\x85": "N",
  "\xA0": "_",
  "\u2028": "L",
  "\u2029": "P"
};
function escape(ch) {
  const named3 = ESCAPES2[ch];
  if (named3) return `\\${named3}`;
  const c = ch.codePointAt(0);
  const hex = c.toString(16).toUpperCase();
  if (c <= 255) return `\\x${hex.padStart(2, "0")}`;
  if (c <= 65535) return `\\u${hex.padStart(4, "0")}`;
  return `\\U${hex.padStart(8, "0")}`;
}
function scalarEvent(value2) {
  const plain = (text2, tag) => ({ text: [...text2], isNull: false, plainResolves: true, tag });
  if (value2 === null) return { text: [], isNull: true, plainResolves: true, tag: "!!null" };
  if (typeof value2 === "boolean") return plain(String(value2), "!!bool");
  if (value2 instanceof PyFloat) return plain(floatText(value2.value), "!!float");
  if (typeof value2 === "bigint") return plain(String(value2), "!!int");
  if (typeof value2 === "number") {
    if (!Number.isInteger(value2)) return plain(floatText(value2), "!!float");
    return plain(Number.isSafeInteger(value2) ? String(value2) : BigInt(value2).toString(), "!!int");
  }
  return { text: [...value2], isNull: false, plainResolves: !resolvesToNonString(value2), tag: "!!str" };
}
function floatText(x) {
  if (Number.isNaN(x)) return ".nan";
  if (!Number.isFinite(x)) return x > 0 ? ".inf" : "-.inf";
  return pyFloatRepr(x).toLowerCase();
}
var RESOLVERS = [
  ["tTfF", /^(?:true|True|TRUE|false|False|FALSE)$/],
  [
    "-+0123456789.",
    /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)|[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/
  ],
  ["-+0123456789", /^(?:[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+)$/],
  ["<", /^<<$/],
  ["~nN", /^(?:~|null|Null|NULL)$/],
  [
    "0123456789",
    /^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$/
  ],
  ["=", /^=$/],
  ["!&*", /^[!&*]$/]
];
function resolvesToNonString(s) {
  return s === "" || RESOLVERS.some(([first, re]) => first.includes(s[0]) && re.test(s));
}
function isSimpleKey(event) {
  return event.tag.length + event.text.length < MAX_SIMPLE_KEY_LENGTH && !analyze(event.text).multiline;
}
function analyze(text2) {
  if (!text2.length) return { empty: true, multiline: false, allowBlockPlain: true, allowSingleQuoted: true };
  let blockIndicators = false;
  let lineBreaks2 = false;
  let special = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  const first = text2.slice(0, 3).join("");
  if (first === "---" || first === "...") blockIndicators = true;
  let precededByWhitespace = true;
  let followedByWhitespace = text2.length === 1 || SPACE_OR_BREAK.includes(text2[1]);
  let previousSpace = false;
  let previousBreak = false;
  for (let index = 0; index < text2.length; index++) {
    const ch = text2[index];
    if (index === 0) {
      if ("#,[]{}&*!|>'\"%@`".includes(ch)) blockIndicators = true;
      if ("?:-".includes(ch) && followedByWhitespace) blockIndicators = true;
    } else if (ch === ":" && followedByWhitespace || ch === "#" && precededByWhitespace) {
      blockIndicators = true;
    }
    if (BREAKS.includes(ch)) lineBreaks2 = true;
    if (!(ch === "\n" || ch >= " " && ch <= "~")) {
      const c = ch.codePointAt(0);
      const printable = c === 133 || c >= 160 && c <= 55295 || c >= 57344 && c <= 65533 || c >= 65536;
      if (!printable || c === 65279) special = true;
    }
    if (ch === " ") {
      if (index === 0) leadingSpace = true;
      if (index === text2.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (BREAKS.includes(ch)) {
      if (index === 0) leadingBreak = true;
      if (index === text2.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = SPACE_OR_BREAK.includes(ch);
    followedByWhitespace = index + 2 >= text2.length || SPACE_OR_BREAK.includes(text2[index + 2]);
  }
  let allowBlockPlain = !(leadingSpace || leadingBreak || trailingSpace || trailingBreak);
  let allowSingleQuoted = true;
  if (breakSpace || special || spaceBreak) allowBlockPlain = allowSingleQuoted = false;
  if (lineBreaks2 || blockIndicators) allowBlockPlain = false;
  return { empty: false, multiline: lineBreaks2, allowBlockPlain, allowSingleQuoted };
}

// src/pipeline/lock.ts
async function readLock(tree, path = "dvc.lock") {
  const bytes = await tree.read(path);
  if (!bytes) return { stages: /* @__PURE__ */ new Map(), raw: /* @__PURE__ */ new Map(), folding: "current" };
  return parseLock(bytes.toString("utf8"), path);
}
function parseLock(text2, displayPath = "dvc.lock") {
  const lock = parseLockText(text2, displayPath);
  const lines2 = text2.replace(/\r\n/g, "\n");
  const folding = emitYaml(lock.raw, "current") !== lines2 && emitYaml(lock.raw, "legacy") === lines2 ? "legacy" : "current";
  return { ...lock, folding };
}
function lockEntryFromHash(path, meta) {
  const entry = { path, hashName: "md5", md5: meta.md5, size: meta.size };
  if (meta.nfiles !== void 0) entry.nfiles = meta.nfiles;
  if (meta.isexec) entry.isexec = true;
  return entry;
}
function serializeStage(stage2) {
  const out = /* @__PURE__ */ new Map([["cmd", stage2.cmd]]);
  const entry = (e) => {
    const d = /* @__PURE__ */ new Map([["path", e.path]]);
    if (e.hashName === "md5") d.set("hash", "md5");
    if (e.md5 !== null) d.set("md5", e.md5);
    if (e.size !== void 0) d.set("size", e.size);
    if (e.nfiles !== void 0) d.set("nfiles", e.nfiles);
    if (e.isexec) d.set("isexec", true);
    return d;
  };
  const byPath = (a, b) => compareCodePoints(a.path, b.path);
  if (stage2.deps.length) out.set("deps", [...stage2.deps].sort(byPath).map(entry));
  const files = [...stage2.params.keys()].sort(compareCodePoints);
  if (files.length) {
    const ordered = [...files.filter((f) => f === "params.yaml"), ...files.filter((f) => f !== "params.yaml")];
    const params = /* @__PURE__ */ new Map();
    for (const file of ordered) {
      const values = stage2.params.get(file);
      params.set(
        file,
        mapFrom(
          [...values].sort(([a], [b]) => compareCodePoints(a, b)),
          values
        )
      );
    }
    out.set("params", params);
  }
  if (stage2.outs.length) out.set("outs", [...stage2.outs].sort(byPath).map(entry));
  return out;
}
function renderLock(lock, updates) {
  const raw = mapFrom([["schema", "2.0"], ...lock.raw], lock.raw);
  const before = raw.get("stages");
  const stages = isRawMap(before) ? mapFrom(before, before) : /* @__PURE__ */ new Map();
  for (const [name, stage2] of updates) stages.set(name, serializeStage(stage2));
  raw.set("stages", stages);
  return emitYaml(raw, lock.folding);
}
async function writeLock(path, lock, updates) {
  await writeFileAtomic(path, renderLock(lock, updates));
}

// src/pipeline/shell.ts
import { spawn as spawn4 } from "node:child_process";
import { existsSync as existsSync2 } from "node:fs";
import { basename as basename4, join as join10 } from "node:path";
var TailBuffer = class {
  constructor(max) {
    this.max = max;
  }
  max;
  lines = [];
  partial = "";
  /** Adds output; returns the complete lines it finished (for live logging). */
  push(text2) {
    const parts = (this.partial + text2).split(/\r?\n/);
    this.partial = parts.pop() ?? "";
    for (const line of parts) this.keep(line);
    return parts;
  }
  /** Ends the stream; returns the unterminated last line, if any. */
  flush() {
    if (!this.partial) return [];
    const last = this.partial;
    this.partial = "";
    this.keep(last);
    return [last];
  }
  addLine(line) {
    this.keep(line);
  }
  text() {
    return this.lines.join("\n");
  }
  keep(line) {
    this.lines.push(line);
    if (this.lines.length > this.max) this.lines.shift();
  }
};
function runShell(command, cwd, onLine, tail, env = process.env, stop) {
  return new Promise((resolve7, reject) => {
    const options = { cwd, stdio: ["ignore", "pipe", "pipe"], env: stageEnvironment(env) };
    const child = process.platform === "win32" ? spawnStage(command, [], { ...options, shell: true }) : spawnStage(...posixShell(command, env), options);
    if (stop) endOnAbort(child, stop);
    const take = (text2) => {
      for (const line of tail.push(text2)) onLine(line);
    };
    child.stdout.setEncoding("utf8").on("data", take);
    child.stderr.setEncoding("utf8").on("data", take);
    child.on("error", reject);
    child.on("close", (code2, signal) => {
      for (const line of tail.flush()) onLine(line);
      resolve7({ code: code2, signal });
    });
  });
}
var FILE_COMMANDS = /* @__PURE__ */ new Set(["GITHUB_OUTPUT", "GITHUB_ENV", "GITHUB_PATH", "GITHUB_STATE", "GITHUB_STEP_SUMMARY"]);
function stageEnvironment(env) {
  return Object.fromEntries(
    Object.entries(env).filter(([name]) => {
      const upper = name.toUpperCase();
      return !upper.startsWith("INPUT_") && !upper.startsWith("ACTIONS_") && upper !== "GITHUB_TOKEN" && !FILE_COMMANDS.has(upper);
    })
  );
}
var running = /* @__PURE__ */ new Set();
var forwarding = false;
function spawnStage(file, args, options) {
  const posix12 = process.platform !== "win32";
  const child = spawn4(file, args, { ...options, detached: posix12 });
  running.add(child);
  child.on("close", () => running.delete(child));
  child.on("error", () => running.delete(child));
  if (posix12 && !forwarding) {
    forwarding = true;
    for (const signal of ["SIGTERM", "SIGINT"]) process.once(signal, () => void endStages(signal));
  }
  return child;
}
function resolveCommand(name, env, platform2 = process.platform) {
  if (platform2 !== "win32") return { file: name, shell: false };
  const get = (key2) => Object.entries(env).find(([k]) => k.toUpperCase() === key2)?.[1] ?? "";
  const exts = (get("PATHEXT") || ".COM;.EXE;.BAT;.CMD").split(";").filter(Boolean);
  for (const dir of get("PATH").split(";").filter(Boolean)) {
    for (const ext of exts) {
      const file = join10(dir.replace(/^"(.*)"$/, "$1"), name + ext.toLowerCase());
      if (!existsSync2(file)) continue;
      return /^\.(bat|cmd)$/i.test(ext) ? { file: `"${file}"`, shell: true } : { file, shell: false };
    }
  }
  return { file: name, shell: false };
}
var GRACE_MS = 5e3;
function endOnAbort(child, stop) {
  const end = () => {
    killGroup(child, "SIGTERM");
    const timer = setTimeout(() => killGroup(child, "SIGKILL"), GRACE_MS);
    child.once("close", () => clearTimeout(timer));
  };
  if (stop.aborted) return end();
  stop.addEventListener("abort", end, { once: true });
  child.once("close", () => stop.removeEventListener("abort", end));
}
async function endStages(signal) {
  const children = [...running];
  for (const child of children) killGroup(child, signal);
  const closed = children.map((child) => new Promise((r) => child.once("close", r)));
  await Promise.race([Promise.all(closed), new Promise((r) => setTimeout(r, GRACE_MS).unref())]);
  for (const child of children) killGroup(child, "SIGKILL");
  process.kill(process.pid, signal);
}
function killGroup(child, signal) {
  if (child.pid === void 0) return;
  try {
    if (process.platform === "win32") child.kill(signal);
    else process.kill(-child.pid, signal);
  } catch {
  }
}
function posixShell(command, env) {
  const executable = env.SHELL || "/bin/sh";
  const name = basename4(executable).toLowerCase();
  const opts = name === "bash" ? ["--noprofile", "--norc"] : name === "zsh" ? ["--no-rcs"] : [];
  return [executable, [...opts, "-c", command]];
}
function stageCommands(cmd) {
  if (Array.isArray(cmd)) return cmd;
  const lines2 = cmd.split(/\r\n|\r|\n/);
  if (lines2.length > 1 && lines2.at(-1) === "") lines2.pop();
  return lines2;
}

// src/pipeline/status.ts
import { existsSync as existsSync4 } from "node:fs";
import { join as join14, posix as posix5, relative as relative5, resolve as resolve3, dirname as dirname7 } from "node:path";

// src/pipeline/dvcignore.ts
import { readFileSync as readFileSync4, statSync as statSync3 } from "node:fs";
import { join as join11 } from "node:path";
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
  isIgnored(relPath, isDir2) {
    const parts = relPath.split("/").filter(Boolean);
    for (let i = 1; i <= parts.length; i++) {
      const sub = parts.slice(0, i).join("/");
      if (this.matches(sub, i < parts.length ? true : isDir2)) return true;
    }
    return false;
  }
  /** Whether the directory `relDir` holds a `.dvcignore` file. */
  hasIgnoreFile(relDir) {
    try {
      readFileSync4(join11(this.root, relDir, ".dvcignore"));
      return true;
    } catch {
      return false;
    }
  }
  /** Whether the rules ignore `relPath` itself, its folders being known not to be ignored (a walk's child). */
  matches(relPath, isDir2) {
    const slash = relPath.lastIndexOf("/");
    let ignored = apply(this.defaults, slash < 0 ? relPath : relPath.slice(slash + 1), isDir2, false);
    for (const { rules, offset } of this.chain(slash < 0 ? "" : relPath.slice(0, slash))) {
      ignored = apply(rules, relPath.slice(offset), isDir2, ignored);
    }
    return ignored;
  }
  /**
   * `matches` for the children of `relDir` by name, made once a folder: a walk of 10k files under no
   * `.dvcignore` then tests only the built-in names and builds no paths.
   */
  childMatcher(relDir) {
    if (!this.chain(relDir).length) return (name, isDir2) => apply(this.defaults, name, isDir2, false);
    const prefix = relDir ? `${relDir}/` : "";
    return (name, isDir2) => this.matches(prefix + name, isDir2);
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
      const file = join11(this.root, relDir, ".dvcignore");
      let text2 = "";
      if (statSync3(file, { throwIfNoEntry: false })) {
        try {
          text2 = readFileSync4(file, "utf8");
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
function apply(rules, rel, isDir2, ignored) {
  for (const rule2 of rules) {
    if (rule2.dirOnly && !isDir2) continue;
    if (rule2.name === void 0 ? rule2.regex.test(rel) : rel === rule2.name || rel.endsWith(rule2.slashName)) ignored = !rule2.negate;
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
  const rule2 = { negate, dirOnly, regex: new RegExp(`${prefix}${re}$`) };
  if (!anchored && !/[*?[\\]/.test(pattern)) {
    rule2.name = pattern;
    rule2.slashName = `/${pattern}`;
  }
  return rule2;
}

// src/pipeline/hash.ts
import { closeSync as closeSync4, constants as constants5, fstatSync as fstatSync2, openSync as openSync4, readdirSync as readdirSync2, readSync as readSync2, statSync as statSync4 } from "node:fs";
import { open as open5, stat as stat5 } from "node:fs/promises";
import { join as join12, posix as posix4, sep as sep6 } from "node:path";
var STREAM_CHUNK = 4 * 1024 * 1024;
var SMALL_FILE = 1024 * 1024;
var YIELD_EVERY = 512;
async function hashFile(path, size2, legacy) {
  if (size2 !== void 0 && size2 < SMALL_FILE) {
    const fd = openSync4(path, READ);
    let md52;
    try {
      md52 = smallMd5(fd, size2, legacy ? "md5-dos2unix" : "md5");
    } finally {
      closeSync4(fd);
    }
    if (md52) return md52;
  }
  const hasher = new ObjectHasher(legacy);
  const handle = await open5(path, "r");
  try {
    const buffers = [Buffer.allocUnsafe(STREAM_CHUNK), Buffer.allocUnsafe(STREAM_CHUNK)];
    let turn = 0;
    let reading = handle.read(buffers[0], 0, STREAM_CHUNK, null);
    for (; ; ) {
      const { bytesRead, buffer } = await reading;
      if (!bytesRead) break;
      turn ^= 1;
      reading = handle.read(buffers[turn], 0, STREAM_CHUNK, null);
      hasher.update(buffer.subarray(0, bytesRead));
    }
  } finally {
    await handle.close();
  }
  return hasher.digest();
}
var READ = constants5.O_RDONLY | (constants5.O_NONBLOCK ?? 0);
var smallBuffer = null;
function smallMd5(fd, size2, name) {
  smallBuffer ??= Buffer.allocUnsafe(SMALL_FILE);
  const n = readSync2(fd, smallBuffer, 0, SMALL_FILE, 0);
  if (n !== size2) return null;
  const bytes = smallBuffer.subarray(0, n);
  const oneShot = name === "md5" ? oneShotDigest() : null;
  return oneShot ? oneShot("md5", bytes, "hex") : objectMd5(bytes, name !== "md5");
}
var oneShotFound;
function oneShotDigest() {
  if (oneShotFound === void 0) oneShotFound = nodeCrypto().hash ?? null;
  return oneShotFound;
}
async function hashPath(root, rel, ignore, name = "md5", state) {
  const abs = join12(root, ...rel.split("/"));
  let info2;
  try {
    info2 = await stat5(abs);
  } catch {
    return null;
  }
  if (!info2.isDirectory()) {
    if (!info2.isFile()) throw new UserError(`'${rel}': not a regular file (a FIFO, socket or device); it cannot be hashed.`);
    const meta = { md5: await hashOne(abs, rel, info2, name, state), size: info2.size };
    if (isExecutable(info2.mode, abs)) meta.isexec = true;
    return meta;
  }
  return ignore.isIgnored(rel, true) ? dirMeta([], 0) : hashDir(root, rel, ignore, name, state);
}
var dirMeta = (entries, size2) => ({ md5: dirManifest(entries).oid, size: size2, nfiles: entries.length });
async function hashDir(root, rel, ignore, name, state) {
  const entries = [];
  let size2 = 0;
  let untilYield = YIELD_EVERY;
  const keyPrefix = `${name}\0${rel}/`;
  const walk2 = async (relDir, inside) => {
    const absDir = join12(root, ...relDir.split("/"));
    const names = readdirSync2(absDir, { withFileTypes: true });
    if (names.some((d) => d.name === ".dvcignore")) {
      throw new UserError(`'${posix4.join(relDir, ".dvcignore")}': a .dvcignore file cannot be inside a tracked directory ('${rel}'), as in DVC.`);
    }
    const ignored = ignore.childMatcher(relDir);
    const below = (child) => relDir ? `${relDir}/${child}` : child;
    for (const d of names) {
      const childInside = inside ? `${inside}/${d.name}` : d.name;
      if (d.isDirectory()) {
        if (!ignored(d.name, true)) await walk2(below(d.name), childInside);
        continue;
      }
      if (d.isFile() && ignored(d.name, false)) continue;
      const abs = absDir + sep6 + d.name;
      const key2 = keyPrefix + childInside;
      let stats3;
      let md52 = null;
      let remembered = false;
      if (d.isFile() && !state?.has(key2)) {
        const fd = openUnlessGone(abs);
        if (fd === null) continue;
        try {
          stats3 = fstatSync2(fd);
          if (stats3.isFile() && stats3.size < SMALL_FILE) md52 = smallMd5(fd, stats3.size, name);
        } finally {
          closeSync4(fd);
        }
      } else {
        try {
          stats3 = statSync4(abs, { throwIfNoEntry: false });
        } catch {
        }
        if (!stats3) continue;
        if (!d.isFile()) {
          if (ignored(d.name, stats3.isDirectory())) continue;
          if (stats3.isDirectory()) {
            await walk2(below(d.name), childInside);
            continue;
          }
        }
        md52 = state?.get(key2, stats3);
        remembered = md52 !== void 0;
      }
      if (!stats3.isFile()) throw new UserError(`'${below(d.name)}': not a regular file (a FIFO, socket or device); it cannot be hashed.`);
      md52 ??= await hashFile(abs, stats3.size, name !== "md5");
      if (!remembered) state?.set(key2, stats3, md52);
      entries.push({ md5: md52, relpath: childInside });
      size2 += stats3.size;
      if (--untilYield === 0) {
        untilYield = YIELD_EVERY;
        await new Promise(setImmediate);
      }
    }
  };
  await walk2(rel, "");
  return dirMeta(entries, size2);
}
function openUnlessGone(path) {
  try {
    return openSync4(path, READ);
  } catch (e) {
    if (e.code === "ENOENT") return null;
    throw e;
  }
}
async function hashOne(abs, rel, stats3, name, state) {
  const key2 = `${name}\0${rel}`;
  const known = state?.get(key2, stats3);
  if (known) return known;
  const md52 = await hashFile(abs, stats3.size, name !== "md5");
  state?.set(key2, stats3, md52);
  return md52;
}
function isExecutable(mode, path, platform2 = process.platform) {
  return platform2 === "win32" ? /\.(exe|bat|cmd|com)$/i.test(path) : (mode & 73) !== 0;
}

// src/pipeline/hash-state.ts
import { existsSync as existsSync3 } from "node:fs";
import { mkdir as mkdir6, readFile as readFile3, rename as rename6, writeFile as writeFile3 } from "node:fs/promises";
import { join as join13 } from "node:path";
var STATE_DIR = [".dvc", "tmp", "mlreport"];
var STATE_FILE = "hashes.state";
var VERSION2 = 3;
var RACY_MS = 2e3;
var MAX_ENTRIES = 5e5;
var MD52 = /^[0-9a-f]{32}$/;
var FIELDS = 5;
var HashState = class _HashState {
  constructor(dir, now) {
    this.dir = dir;
    this.now = now;
  }
  dir;
  now;
  slots = /* @__PURE__ */ new Map();
  keys = [];
  /** '' where a file is no longer remembered (it was racy when hashed again). */
  md5s = [];
  stats = new Float64Array(0);
  /** Whether this run looked at the slot's file. */
  seen = new Uint8Array(0);
  dirty = false;
  /**
   * The state of the DVC project at `root`; an unreadable or foreign file is an empty state. `now` (ms since
   * the epoch) is when a file is taken to be hashed, for the racy check.
   */
  static async open(root, now = Date.now) {
    if (!existsSync3(join13(root, ".dvc"))) return new _HashState(null, now);
    const state = new _HashState(join13(root, ...STATE_DIR), now);
    try {
      state.load(await readFile3(join13(root, ...STATE_DIR, STATE_FILE)));
    } catch {
    }
    return state;
  }
  load(bytes) {
    const newline = bytes.indexOf(10);
    if (newline < 0) return;
    const head = JSON.parse(bytes.toString("utf8", 0, newline));
    const { keys, md5s } = head;
    if (head.version !== VERSION2 || !Array.isArray(keys) || !Array.isArray(md5s) || md5s.length !== keys.length) return;
    const n = keys.length;
    if (bytes.length - newline - 1 !== n * FIELDS * 8) return;
    const stats3 = new Float64Array(n * FIELDS);
    new Uint8Array(stats3.buffer).set(bytes.subarray(newline + 1));
    for (let i = 0; i < n; i++) {
      const key2 = keys[i];
      const md52 = md5s[i];
      if (typeof key2 !== "string" || typeof md52 !== "string" || !MD52.test(md52)) return;
    }
    this.keys = keys;
    this.md5s = md5s;
    this.stats = stats3;
    this.seen = new Uint8Array(n);
    for (let i = 0; i < n; i++) this.slots.set(this.keys[i], i);
  }
  /** Whether the file at `key` is remembered at all (its stat not yet compared). */
  has(key2) {
    return this.slots.has(key2);
  }
  /** The remembered md5 of the file at `key` (hash name and path) when its stat is exactly as it was then. */
  get(key2, stats3) {
    const i = this.slots.get(key2);
    if (i === void 0) return void 0;
    this.seen[i] = 1;
    const s = this.stats;
    const o = i * FIELDS;
    if (s[o] !== stats3.dev || s[o + 1] !== stats3.ino || s[o + 2] !== stats3.size || s[o + 3] !== stats3.mtimeMs || s[o + 4] !== stats3.ctimeMs) return void 0;
    return this.md5s[i] || void 0;
  }
  /** Remembers an md5 computed from the file as `stats` (taken before reading it) describe it. */
  set(key2, stats3, md52) {
    const now = this.now();
    let i = this.slots.get(key2);
    if (now - stats3.mtimeMs < RACY_MS || now - stats3.ctimeMs < RACY_MS) {
      if (i !== void 0 && this.md5s[i]) {
        this.md5s[i] = "";
        this.dirty = true;
      }
      return;
    }
    if (i === void 0) {
      i = this.keys.length;
      this.keys.push(key2);
      this.md5s.push(md52);
      this.slots.set(key2, i);
      if (this.stats.length < (i + 1) * FIELDS) this.grow(i + 1);
    } else this.md5s[i] = md52;
    const s = this.stats;
    const o = i * FIELDS;
    s[o] = stats3.dev;
    s[o + 1] = stats3.ino;
    s[o + 2] = stats3.size;
    s[o + 3] = stats3.mtimeMs;
    s[o + 4] = stats3.ctimeMs;
    this.seen[i] = 1;
    this.dirty = true;
  }
  grow(slots) {
    const capacity = Math.max(slots, 2 * (this.stats.length / FIELDS), 1024);
    const stats3 = new Float64Array(capacity * FIELDS);
    stats3.set(this.stats);
    this.stats = stats3;
    const seen = new Uint8Array(capacity);
    seen.set(this.seen);
    this.seen = seen;
  }
  /** Writes the state when it changed (atomically); a cache that cannot be written is skipped, not an error. */
  async save() {
    if (!this.dir || !this.dirty) return;
    const n = this.keys.length;
    const all = n <= MAX_ENTRIES;
    let keys = this.keys;
    let md5s = this.md5s;
    let stats3 = this.stats.subarray(0, n * FIELDS);
    if (!all || md5s.includes("")) {
      const kept = [];
      for (let i = 0; i < n; i++) if (md5s[i] && (all || this.seen[i])) kept.push(i);
      keys = kept.map((i) => this.keys[i]);
      md5s = kept.map((i) => this.md5s[i]);
      stats3 = new Float64Array(kept.length * FIELDS);
      kept.forEach((i, j) => stats3.set(this.stats.subarray(i * FIELDS, (i + 1) * FIELDS), j * FIELDS));
    }
    try {
      await mkdir6(this.dir, { recursive: true });
      await writeFile3(join13(this.dir, ".gitignore"), "*\n");
      const tmp = join13(this.dir, `${STATE_FILE}.${process.pid}.tmp`);
      const head = Buffer.from(`${JSON.stringify({ version: VERSION2, keys, md5s })}
`);
      await writeFile3(tmp, Buffer.concat([head, new Uint8Array(stats3.buffer, stats3.byteOffset, stats3.byteLength)]));
      await rename6(tmp, join13(this.dir, STATE_FILE));
      this.dirty = false;
    } catch {
    }
  }
};

// src/pipeline/status.ts
var Workspace = class {
  constructor(dir, tree) {
    this.dir = dir;
    this.tree = tree;
    this.root = findDvcRoot(dir);
    this.ignore = new DvcIgnore(this.root);
    this.prefix = relative5(this.root, dir).split(/[\\/]/).filter(Boolean).join("/");
  }
  dir;
  tree;
  ignore;
  /** Where `.dvc` lives; `.dvcignore` rules are anchored here. */
  root;
  /** The project directory relative to the DVC root, posix ('' when they are the same). */
  prefix;
  hashes = /* @__PURE__ */ new Map();
  /** What files hashed to when last read, across runs: unchanged files are not read again. */
  state = null;
  abs(path) {
    return join14(this.dir, ...path.split("/"));
  }
  hash(path, name = "md5") {
    const key2 = `${name}\0${path}`;
    let p = this.hashes.get(key2);
    if (!p) {
      const rel = posix5.normalize(posix5.join(this.prefix || ".", path));
      if (rel.startsWith("../")) throw new UserError(`'${path}' is outside the DVC project.`);
      this.state ??= HashState.open(this.root);
      p = this.state.then((state) => hashPath(this.root, rel, this.ignore, name, state));
      this.hashes.set(key2, p);
    }
    return p;
  }
  /** Forgets this run's hashes (a stage ran): each path is looked at again, read only if its stat changed. */
  invalidate() {
    this.hashes.clear();
  }
  /** Keeps the hashes of this run for the next one. */
  async saveState() {
    if (this.state) await (await this.state).save();
  }
  exists(path) {
    return existsSync4(this.abs(path));
  }
  /** A project path as a path from the DVC root, where `.dvc` files and the data layer name it. */
  rootPath(path) {
    return posix5.normalize(posix5.join(this.prefix || ".", path));
  }
  existsAtRoot(rootPath) {
    return existsSync4(join14(this.root, ...rootPath.split("/")));
  }
  /** A params file's contents, or null when the file does not exist. */
  async params(path) {
    const data = await readDataFile(this.tree, path);
    if (data === void 0) return null;
    if (data === null) return /* @__PURE__ */ new Map();
    if (!isRawMap(data)) throw new UserError(`${path}: expected a mapping of params at the top level.`);
    return data;
  }
};
function findDvcRoot(dir) {
  for (let d = resolve3(dir); ; d = dirname7(d)) {
    if (existsSync4(join14(d, ".dvc"))) return d;
    if (dirname7(d) === d) return resolve3(dir);
  }
}
function getParam(data, key2) {
  let cur = data;
  for (const part of key2.split(".")) {
    const list3 = Array.isArray(cur) ? cur : cur instanceof PyCollection && cur.kind === "tuple" ? cur.items : null;
    if (list3 && /^\d+$/.test(part)) cur = list3[Number(part)];
    else if (isRawMap(cur)) cur = cur.get(part);
    else return void 0;
    if (cur === void 0) return void 0;
  }
  return cur;
}
async function currentParams(stage2, ws, project) {
  const out = /* @__PURE__ */ new Map();
  for (const dep of stage2.params) {
    const path = project(dep.file);
    const data = await ws.params(path);
    if (data === null) throw new UserError(`stage '${stage2.name}': params file '${path}' does not exist.`);
    if (dep.keys === null) {
      out.set(dep.file, mapFrom(data, data));
      continue;
    }
    const values = /* @__PURE__ */ new Map();
    const missing = [];
    for (const key2 of dep.keys) {
      const v = getParam(data, key2);
      if (v === void 0) missing.push(key2);
      else values.set(key2, v);
    }
    if (missing.length) throw new UserError(`stage '${stage2.name}': params ${missing.map((k) => `'${k}'`).join(", ")} missing from '${path}'.`);
    out.set(dep.file, values);
  }
  return out;
}
function sameCmd(a, b) {
  if (typeof a === "string" || typeof b === "string") return a === b;
  return a.length === b.length && a.every((c, i) => c === b[i]);
}
async function entryStatus(path, entry, ws) {
  const current = await ws.hash(path, entry?.hashName ?? "md5");
  if (!current) return "missing";
  if (!entry || entry.md5 === null) return "new";
  if (current.md5 === entry.md5) return null;
  return await onlyLineEndsDiffer(path, entry, current.size, ws) ? `modified, only in its line endings (${LINE_ENDS_FIX})` : "modified";
}
var LINE_ENDS_FIX = "a CRLF checkout of LF data: add '* text=auto eol=lf' to .gitattributes, or set git config core.autocrlf false, and check out again";
async function onlyLineEndsDiffer(path, entry, size2, ws) {
  if (entry.hashName !== "md5" || entry.size !== void 0 && size2 <= entry.size) return false;
  return (await ws.hash(path, "md5-dos2unix"))?.md5 === entry.md5;
}
async function stageStatus(stage2, lock, ws, project) {
  const reasons = [];
  if (stage2.alwaysChanged) reasons.push("always changed");
  else if (!stage2.deps.length && !stage2.params.length && !stage2.outs.length) reasons.push("always changed (no deps or outs)");
  if (lock && !sameCmd(lock.cmd, stage2.cmd)) reasons.push("changed command");
  if (!lock) reasons.push("not in dvc.lock");
  const lockDeps = new Map((lock?.deps ?? []).map((e) => [e.path, e]));
  for (const dep of stage2.deps) {
    const s = await entryStatus(project(dep), lockDeps.get(dep), ws);
    if (s && lock) reasons.push(`dep ${dep}: ${s}`);
    else if (s === "missing") reasons.push(`dep ${dep}: missing`);
  }
  for (const dep of stage2.params) {
    const path = project(dep.file);
    const data = await ws.params(path);
    const locked = lock?.params.get(dep.file);
    if (data === null) {
      reasons.push(`params ${dep.file}: missing`);
      continue;
    }
    if (!lock) continue;
    if (!locked) {
      reasons.push(`params ${dep.file}: new`);
      continue;
    }
    const keys = dep.keys ?? [.../* @__PURE__ */ new Set([...data.keys(), ...locked.keys()])];
    for (const key2 of keys) {
      const actual = dep.keys ? getParam(data, key2) : data.get(key2);
      const before = locked.get(key2);
      if (actual === void 0 && before === void 0) continue;
      if (actual === void 0) reasons.push(`param ${dep.file}:${key2}: deleted`);
      else if (before === void 0) reasons.push(`param ${dep.file}:${key2}: new`);
      else if (!pyEqual(actual, before)) reasons.push(`param ${dep.file}:${key2}: modified`);
    }
  }
  const lockOuts = new Map((lock?.outs ?? []).map((e) => [e.path, e]));
  for (const out of stage2.outs) {
    const s = await entryStatus(project(out.path), lockOuts.get(out.path), ws);
    if (s && lock) reasons.push(`out ${out.path}: ${s}`);
    else if (s === "missing") reasons.push(`out ${out.path}: missing`);
  }
  if (stage2.frozen) {
    const kept = reasons.filter((r) => r === "changed command" || r === "not in dvc.lock" || r.startsWith("out "));
    return { changed: kept.length > 0, reasons: kept };
  }
  return { changed: reasons.length > 0, reasons };
}

// src/pipeline/restore.ts
import { existsSync as existsSync5 } from "node:fs";
import { readFile as readFile4, stat as stat6 } from "node:fs/promises";
import { join as join15, posix as posix6 } from "node:path";
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
  /** The same cache with other revisions' remotes (`atRevision`), closed with this one. */
  revisions = [];
  /** Null for a project without a `.dvc` directory: there is no cache or remote to use. */
  static async open(root, options = {}) {
    if (!existsSync5(join15(root, ".dvc"))) return null;
    const config = await loadDvcConfig(root);
    registerSecrets(config, options);
    return new _PipelineData(config, new Cache(config.cacheDir), options);
  }
  /**
   * The data of a git revision: its `.dvc/config` (`text`, null when it has none) as the repo level under the
   * workspace's `config.local`, global and system files, and the workspace's cache \u2014 as DVC reads a revision's
   * objects, so a remote that moved since is still found where that revision's outputs were pushed.
   */
  async atRevision(text2, revision2) {
    const config = await loadDvcConfig(this.root, {}, { text: text2, name: `.dvc/config at ${revision2}` });
    registerSecrets(config, this.options);
    const data = new _PipelineData(config, this.cache, this.options);
    this.revisions.push(data);
    return data;
  }
  get root() {
    return this.config.root;
  }
  remoteFor(name) {
    const key2 = (name ?? this.options.remote ?? this.config.defaultRemote ?? "").toLowerCase();
    let r = this.remotes.get(key2);
    if (!r) {
      const config = selectRemote(this.config, name ?? this.options.remote);
      const hub = this.options.hub;
      const underHub = hub && config.url.startsWith(`${hub.url.replace(/\/+$/, "")}/`);
      r = openRemote(
        config,
        underHub ? { ...this.options, user: this.options.user ?? hub.user, password: this.options.password ?? hub.password } : this.options
      );
      this.remotes.set(key2, r);
    }
    return r;
  }
  async close() {
    for (const r of this.remotes.values()) await r.close();
    for (const d of this.revisions) await d.close();
  }
  /** Whether every object is in the cache or else on its remote; a `.dir` vouches for its entries, as in DVC. */
  async available(objects) {
    let from = "the cache";
    for (const o of objects) {
      if (await this.cache.has(o.oid, o.legacy)) continue;
      let remote;
      try {
        remote = this.remoteFor(o.remote);
      } catch (error2) {
        return { ok: false, why: `${o.path}: object ${o.oid} is not in the cache and ${describeError(error2)}` };
      }
      let there;
      try {
        there = await remote.exists(objectKey(o.oid, o.legacy));
      } catch (error2) {
        return { ok: false, why: `${o.path}: object ${o.oid}: ${describeError(error2)}` };
      }
      if (!there) return { ok: false, why: `${o.path}: object ${o.oid} missing from remote '${remote.name}'` };
      from = `remote '${remote.name}'`;
    }
    return { ok: true, from };
  }
  /** Pulls what the cache lacks and checks every object out; a DataError says which object and remote failed. */
  async restore(objects, force = false) {
    let from = "the cache";
    const missing = [];
    for (const o of objects) if (!await this.cache.has(o.oid, o.legacy)) missing.push(o);
    const groups = /* @__PURE__ */ new Map();
    for (const o of missing) groups.set(o.remote, [...groups.get(o.remote) ?? [], o]);
    for (const [name, refs] of groups) {
      const remote = this.remoteFor(name);
      try {
        await pull(this.cache, remote, refs);
      } catch (error2) {
        if (error2 instanceof TransferError) {
          const f = error2.failures[0];
          throw new DataError(
            `${f.path ? `${f.path}: ` : ""}object ${f.oid} ${f.kind === "missing" ? `missing from remote '${remote.name}'` : `could not be pulled from remote '${remote.name}': ${f.reason}`}`
          );
        }
        throw error2;
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
        } catch (error2) {
          throw objectError(error2, path, oid, remote.name);
        }
        const bytes = Buffer.concat(chunks);
        if (objectMd5(bytes, legacy) !== oid.replace(/\.dir$/, ""))
          throw new DataError(`${path}: object ${oid} from remote '${remote.name}' is corrupt (md5 mismatch)`);
        return bytes;
      }
      try {
        await pull(this.cache, remote, [{ oid, path, legacy }]);
      } catch (error2) {
        throw objectError(error2, path, oid, remote.name);
      }
    }
    const file = this.cache.path(oid, legacy);
    const { size: size2 } = await stat6(file);
    if (size2 > MAX_FILE_BYTES) throw new DataError(`${path}: object ${oid} is ${size2} bytes, more than a project file may have; not read`);
    return readFile4(file);
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
      } catch (error2) {
        throw objectError(error2, path, oid, remote.name);
      }
    }
    return this.cache.path(oid, legacy);
  }
  /** `.dvc`-tracked data some of `deps` (project-root paths) need that is missing from the workspace. */
  async trackedDeps(deps, ws) {
    const out = [];
    for (const file of await findDvcFiles(this.root)) {
      for (const t of await readDvcFile2(this.root, file)) {
        const needed = [...deps].some((d) => d === t.path || d.startsWith(`${t.path}/`) || t.path.startsWith(`${d}/`));
        if (needed && !ws.existsAtRoot(t.path)) out.push(t);
      }
    }
    return out;
  }
  /** `dvc commit` of a stage's cached outs after it ran, so `mlreport push` can send them. */
  async save(stage2, ws, project) {
    for (const out of stage2.outs) {
      if (!out.cache) continue;
      const abs = ws.abs(project(out.path));
      const rel = ws.rootPath(project(out.path));
      if ((await stat6(abs)).isDirectory()) await this.cache.addDirectory(abs, (p) => ws.ignore.isIgnored(posix6.join(rel, p), false));
      else await this.cache.addFile(abs);
    }
  }
};
function registerSecrets(config, options) {
  for (const remote of config.remotes.values()) for (const s of remoteSecrets(remote, options)) addSecret(s);
  addSecret(options.hub?.password);
}
function objectError(error2, path, oid, remote) {
  const kind = error2 instanceof TransferError ? error2.failures[0]?.kind : error2 instanceof ObjectError ? error2.kind : void 0;
  if (kind === "missing") return new DataError(`${path}: object ${oid} missing from remote '${remote}'`);
  const reason = error2 instanceof TransferError ? error2.failures[0]?.reason ?? error2.message : describeError(error2);
  return new DataError(`${path}: object ${oid} could not be read from remote '${remote}': ${reason}`);
}
function lockedOutputs(project) {
  const found = [];
  for (const [dir, lock] of project.locks) {
    const dvcYaml = project.dvcYamls.find((d) => d.dir === dir);
    for (const [name, stage2] of lock.stages) {
      const defined = dvcYaml?.stages.find((s) => s.name === name);
      const base = joinPath(dir, defined?.wdir ?? ".");
      for (const out of stage2.outs) {
        const def = defined?.outs.find((o) => o.path === out.path);
        if (!out.md5 || def?.cache === false) continue;
        const remote = def?.props.get("remote");
        found.push({ path: joinPath(base, out.path), oid: out.md5, legacy: out.hashName !== "md5", remote: typeof remote === "string" ? remote : void 0 });
      }
    }
  }
  return found;
}
async function pushStageOutputs(root, options = {}) {
  const data = await PipelineData.open(root, options);
  if (!data) return null;
  try {
    const project = await loadProject(workspaceTree(root));
    if (project.errors.length) throw new DataError(project.errors.join("\n"));
    const groups = /* @__PURE__ */ new Map();
    for (const out of lockedOutputs(project)) {
      if (!await data.cache.has(out.oid, out.legacy)) continue;
      groups.set(out.remote, [...groups.get(out.remote) ?? [], out]);
    }
    const total = { uploaded: 0, present: 0, bytes: 0 };
    for (const [name, refs] of groups) {
      const r = await push(data.cache, data.remoteFor(name), refs);
      total.uploaded += r.uploaded;
      total.present += r.present;
      total.bytes += r.bytes;
    }
    return total;
  } finally {
    await data.close();
  }
}
function trackedObject(t) {
  return { path: t.path, oid: t.oid, legacy: t.legacy ?? false, isexec: t.isexec, remote: t.remote };
}
function restorableOuts(stage2, lock, status, expected, ws, project) {
  if (!lock || !status.changed || stage2.frozen || !stage2.outs.length) return null;
  const lockDeps = new Map(lock.deps.map((e) => [e.path, e]));
  const allowed = /* @__PURE__ */ new Set();
  for (const dep of stage2.deps) {
    const md52 = lockDeps.get(dep)?.md5;
    if (md52 && expected.get(ws.rootPath(project(dep))) === md52) allowed.add(`dep ${dep}: missing`);
  }
  const lockOuts = new Map(lock.outs.map((e) => [e.path, e]));
  const objects = [];
  for (const out of stage2.outs) {
    allowed.add(`out ${out.path}: missing`);
    const entry = lockOuts.get(out.path);
    if (!out.cache || !entry?.md5) return null;
    const remote = out.props.get("remote");
    objects.push({
      path: ws.rootPath(project(out.path)),
      oid: entry.md5,
      legacy: entry.hashName !== "md5",
      isexec: entry.isexec,
      remote: typeof remote === "string" ? remote : void 0
    });
  }
  if (!status.reasons.every((r) => allowed.has(r)) || !status.reasons.some((r) => r.startsWith("out "))) return null;
  return objects;
}

// src/pipeline/repro.ts
var TAIL_LINES = 50;
async function loadPipeline(given) {
  const dir = await realpath(given).catch(() => given);
  const tree = workspaceTree(dir);
  const dvc = await loadDvcYaml(tree);
  if (!dvc) throw new UserError(`No dvc.yaml in ${dir}.`);
  const dag = buildDag(dvc.stages);
  const lock = await readLock(tree, "dvc.lock");
  return { dir, dvc, dag, lock, ws: new Workspace(dir, tree) };
}
async function pipelineStatus(pipeline2, targets = [], options = {}) {
  const { dag, ws } = pipeline2;
  const selected = selectStages(dag, targets);
  const data = options.pull === false ? null : await PipelineData.open(ws.root, options.data);
  try {
    const { expected, depErrors } = await prepareDeps(pipeline2, selected, data, true);
    const out = [];
    for (const name of selected) {
      const stage2 = dag.nodes.get(name).stage;
      const project = (p) => projectPath2(stage2, p);
      const status = await stageStatus(stage2, pipeline2.lock.stages.get(name), ws, project);
      const depError = depErrorOf(stage2, ws, depErrors);
      let action;
      if (depError) action = `cannot restore: ${depError}`;
      else if (data && status.changed) {
        const objects = restorableOuts(stage2, pipeline2.lock.stages.get(name), status, expected, ws, project);
        const available = objects ? await data.available(objects) : null;
        if (objects && available?.ok) {
          for (const o of objects) expected.set(o.path, o.oid);
          action = `restore from ${available.from}`;
        } else action = available && !available.ok ? `cannot restore: ${available.why}; run` : "run";
      }
      out.push({ name, ...status, ...action ? { action } : {} });
    }
    return out;
  } finally {
    await data?.close();
    await ws.saveState();
  }
}
async function prepareDeps(pipeline2, selected, data, dry, log) {
  const expected = /* @__PURE__ */ new Map();
  const depErrors = /* @__PURE__ */ new Map();
  if (!data) return { expected, depErrors };
  const { dag, ws } = pipeline2;
  const deps = new Set(selected.flatMap((name) => dag.nodes.get(name).stage.deps.map((d) => ws.rootPath(projectPath2(dag.nodes.get(name).stage, d)))));
  for (const t of await data.trackedDeps(deps, ws)) {
    try {
      if (dry) {
        const available = await data.available([trackedObject(t)]);
        if (!available.ok) throw new UserError(available.why);
      } else {
        const from = await data.restore([trackedObject(t)]);
        log?.info(`Pulled '${t.path}' (${t.dvcfile}) from ${from}.`);
      }
      expected.set(t.path, t.oid);
    } catch (error2) {
      depErrors.set(t.path, `'${t.path}' is tracked by ${t.dvcfile} but cannot be pulled: ${describeError(error2)}`);
    }
  }
  ws.invalidate();
  return { expected, depErrors };
}
function depErrorOf(stage2, ws, depErrors) {
  for (const dep of stage2.deps) {
    if (ws.exists(projectPath2(stage2, dep))) continue;
    const rp = ws.rootPath(projectPath2(stage2, dep));
    for (const [path, error2] of depErrors) if (rp === path || rp.startsWith(`${path}/`) || path.startsWith(`${rp}/`)) return error2;
  }
  return void 0;
}
async function reproduce(pipeline2, log, options = {}) {
  const data = options.pull === false ? null : await PipelineData.open(pipeline2.ws.root, options.data);
  try {
    return await reproduceWith(pipeline2, log, options, data);
  } finally {
    await data?.close();
    await pipeline2.ws.saveState();
  }
}
async function reproduceWith(pipeline2, log, options, data) {
  const { dag, ws } = pipeline2;
  const lockPath = join16(pipeline2.dir, "dvc.lock");
  const updates = /* @__PURE__ */ new Map();
  const blocked = /* @__PURE__ */ new Map();
  const wouldRun = /* @__PURE__ */ new Set();
  const results = [];
  const record = (result) => {
    results.push(result);
    options.onStage?.(result);
  };
  const own = !options.onStage;
  const note2 = (message) => {
    if (own) log.info(message);
  };
  const stageError = (message) => {
    if (own) log.error(message);
  };
  let passed = true;
  const selected = selectStages(dag, options.targets ?? []);
  const { expected, depErrors } = await prepareDeps(pipeline2, selected, data, options.dry ?? false, log);
  for (const name of selected) {
    const stage2 = dag.nodes.get(name).stage;
    const project = (p) => projectPath2(stage2, p);
    const blocker = blocked.get(name);
    if (blocker) {
      record({ name, status: "not-run", seconds: 0, reasons: [`upstream stage '${blocker}' failed`] });
      continue;
    }
    if (options.deadline?.passed()) {
      passed = false;
      record({ name, status: "not-run", seconds: 0, reasons: [options.deadline.skipped(`stage '${name}'`)] });
      continue;
    }
    const started = performance.now();
    const depError = stage2.frozen ? void 0 : depErrorOf(stage2, ws, depErrors);
    if (depError) {
      if (options.dry) {
        wouldRun.add(name);
        record({ name, status: "not-run", seconds: 0, reasons: [`cannot restore: ${depError}`] });
        continue;
      }
      passed = false;
      stageError(`Stage '${name}': ${depError}`);
      record({ name, status: "failed", seconds: 0, reasons: [], error: depError });
      for (const d of downstreamOf(dag, name)) if (!blocked.has(d)) blocked.set(d, name);
      continue;
    }
    let status;
    try {
      status = await stageStatus(stage2, pipeline2.lock.stages.get(name), ws, project);
    } catch (error2) {
      passed = false;
      record({ name, status: "failed", seconds: 0, reasons: [], error: describeError(error2) });
      stageError(`Stage '${name}': ${describeError(error2)}`);
      for (const d of downstreamOf(dag, name)) if (!blocked.has(d)) blocked.set(d, name);
      continue;
    }
    const upstreamWouldRun = (dag.upstream.get(name) ?? []).find((u) => wouldRun.has(u));
    if (stage2.frozen) {
      note2(`Stage '${name}' is frozen, skipping.`);
      if (!status.changed || options.dry) {
        record({ name, status: "skipped", seconds: 0, reasons: ["frozen", ...status.reasons] });
        continue;
      }
      try {
        const missing = stage2.outs.map((o) => project(o.path)).filter((p) => !ws.exists(p));
        if (missing.length)
          throw new UserError(`frozen stage is missing outputs ${missing.map((m) => `'${m}'`).join(", ")} (it never runs; unfreeze it or restore them).`);
        const locked = await lockStage(stage2, ws, project);
        updates.set(name, locked);
        pipeline2.lock.stages.set(name, locked);
        await writeLock(lockPath, pipeline2.lock, updates);
        record({ name, status: "skipped", seconds: 0, reasons: ["frozen", ...status.reasons, "dvc.lock updated from the workspace"] });
      } catch (error2) {
        passed = false;
        stageError(`Stage '${name}': ${describeError(error2)}`);
        record({ name, status: "failed", seconds: 0, reasons: ["frozen", ...status.reasons], error: describeError(error2) });
        for (const d of downstreamOf(dag, name)) if (!blocked.has(d)) blocked.set(d, name);
      }
      continue;
    }
    const objects = data && !options.force && !upstreamWouldRun ? restorableOuts(stage2, pipeline2.lock.stages.get(name), status, expected, ws, project) : null;
    let cannot;
    if (data && objects) {
      if (options.dry) {
        const available = await data.available(objects);
        if (available.ok) {
          for (const o of objects) expected.set(o.path, o.oid);
          note2(`Would restore stage '${name}' from ${available.from}.`);
          record({ name, status: "skipped", seconds: 0, reasons: [`restore from ${available.from}`] });
          continue;
        }
        cannot = `cannot restore: ${available.why}`;
      } else {
        try {
          const from = await data.restore(objects);
          ws.invalidate();
          note2(`Stage '${name}' didn't change; its outputs were restored from ${from}.`);
          record({ name, status: "skipped", seconds: (performance.now() - started) / 1e3, reasons: [`restored from ${from}`] });
          continue;
        } catch (error2) {
          cannot = `cannot restore: ${describeError(error2)}`;
        }
      }
    }
    if (cannot) status.reasons.unshift(cannot);
    if (options.dry) {
      const reasons2 = options.force ? ["forced"] : status.reasons;
      if (upstreamWouldRun && !status.changed) reasons2.push(`upstream stage '${upstreamWouldRun}' would run`);
      if (options.force || status.changed || upstreamWouldRun) {
        wouldRun.add(name);
        note2(`Would run stage '${name}': ${reasons2.join("; ")}`);
        record({ name, status: "not-run", seconds: 0, reasons: reasons2 });
      } else {
        record({ name, status: "skipped", seconds: 0, reasons: [] });
      }
      continue;
    }
    if (!options.force && !status.changed) {
      note2(`Stage '${name}' didn't change, skipping.`);
      record({ name, status: "skipped", seconds: 0, reasons: [] });
      continue;
    }
    const reasons = options.force ? ["forced", ...status.reasons] : status.reasons;
    const outcome2 = await log.group(`Stage ${name}`, () => runStage(stage2, pipeline2, log, own ? reasons : [], options.deadline));
    const seconds = (performance.now() - started) / 1e3;
    if (outcome2.lock) {
      try {
        await data?.save(stage2, ws, project);
      } catch (error2) {
        log.warning(`Stage '${name}': its outputs could not be saved to the DVC cache: ${describeError(error2)}`);
      }
      updates.set(name, outcome2.lock);
      pipeline2.lock.stages.set(name, outcome2.lock);
      await writeLock(lockPath, pipeline2.lock, updates);
      record({ name, status: "ran", seconds, reasons });
    } else {
      passed = false;
      stageError(`Stage '${name}' failed: ${outcome2.error}`);
      record({ name, status: "failed", seconds, reasons, error: outcome2.error, log: outcome2.tail });
      for (const d of downstreamOf(dag, name)) if (!blocked.has(d)) blocked.set(d, name);
    }
  }
  return { stages: results, passed };
}
async function runStage(stage2, pipeline2, log, reasons, deadline) {
  const { ws, dag } = pipeline2;
  const project = (p) => projectPath2(stage2, p);
  const tail = new TailBuffer(TAIL_LINES);
  if (reasons.length) log.info(`Running stage '${stage2.name}' (${reasons.join("; ")}):`);
  try {
    for (const dep of stage2.deps) {
      if (ws.exists(project(dep))) continue;
      const producer = dag.producerOf(project(dep));
      throw new UserError(
        producer ? `dependency '${project(dep)}' is missing: stage '${producer}' should have written it.` : `dependency '${project(dep)}' does not exist and no stage writes it.`
      );
    }
    await currentParams(stage2, ws, project);
    for (const out of stage2.outs) if (!out.persist) await rm7(ws.abs(project(out.path)), { recursive: true, force: true });
    const cwd = ws.abs(stage2.wdir);
    const env = { ...process.env, DVC_ROOT: process.env.DVC_ROOT ?? ws.root, DVC_STAGE: stage2.name };
    for (const cmd of stageCommands(stage2.cmd)) {
      log.info(`> ${cmd}`);
      tail.addLine(`> ${cmd}`);
      const { code: code2, signal } = await runShell(cmd, cwd, (line) => log.info(line), tail, env, deadline?.signal);
      if (deadline?.signal.aborted && code2 !== 0) throw new UserError(deadline.stopped(`stage '${stage2.name}'`));
      if (code2 !== 0) throw new UserError(signal ? `command was killed by ${signal}: ${cmd}` : `command exited with code ${code2}: ${cmd}`);
    }
    ws.invalidate();
    const missing = stage2.outs.filter((o) => !ws.exists(project(o.path))).map((o) => project(o.path));
    if (missing.length) throw new UserError(`the command did not write ${missing.map((m) => `'${m}'`).join(", ")} (declared in outs).`);
    return { lock: await lockStage(stage2, ws, project) };
  } catch (error2) {
    return { error: describeError(error2), tail: tail.text() };
  }
}
async function lockStage(stage2, ws, project) {
  const entries = async (paths) => {
    const out = [];
    for (const p of paths) {
      const meta = await ws.hash(project(p));
      if (!meta) throw new UserError(`'${project(p)}' does not exist.`);
      out.push(lockEntryFromHash(p, meta));
    }
    return out;
  };
  return {
    cmd: stage2.cmd,
    deps: await entries(stage2.deps),
    params: await currentParams(stage2, ws, project),
    outs: await entries(stage2.outs.map((o) => o.path))
  };
}

// src/pipeline/engine.ts
var REPRO_MODES = ["auto", "builtin", "dvc", "off"];
async function reproduceStep(step, log) {
  const stages = [];
  let passed = true;
  let engine = null;
  if (step.runCommands.length) {
    engine = "run";
    for (const [i, cmd] of step.runCommands.entries()) {
      const name = `run[${i + 1}]: ${cmd}`;
      if (step.deadline?.passed()) {
        stages.push({ name, status: "not-run", seconds: 0, reasons: [step.deadline.skipped(name)] });
        passed = false;
        continue;
      }
      const result = await log.group(`run: ${cmd}`, () => runCommand(name, cmd, step.workspace, log, step.deadline));
      stages.push(result);
      if (result.status === "failed") {
        passed = false;
        break;
      }
    }
  }
  const hasDvcYaml = existsSync6(join17(step.workspace, "dvc.yaml"));
  const mode = step.repro === "auto" ? hasDvcYaml ? "builtin" : "off" : step.repro;
  if (passed && mode === "builtin") {
    engine = "builtin";
    try {
      const result = await reproduce(await loadPipeline(step.workspace), log, { data: step.data, ...step.deadline ? { deadline: step.deadline } : {} });
      for (const stage2 of result.stages) stages.push(stage2);
      passed = result.passed;
    } catch (error2) {
      log.error(describeError(error2));
      stages.push({ name: "dvc.yaml", status: "failed", seconds: 0, reasons: [], error: describeError(error2) });
      passed = false;
    }
  } else if (passed && mode === "dvc") {
    engine = "dvc";
    const result = await dvcRepro(step.workspace, log, step.deadline);
    for (const stage2 of result.stages) stages.push(stage2);
    passed = result.passed;
  }
  return engine ? { engine, stages, passed } : null;
}
async function dvcPushStep(workspace, log, data = {}) {
  const started = performance2.now();
  const name = "dvc push";
  try {
    const tracked = existsSync6(join17(workspace, ".dvc")) ? await pushTracked(workspace) : null;
    const stages = await pushStageOutputs(workspace, data);
    if (!stages || !tracked) throw new UserError(`dvc-push: no .dvc directory in ${workspace}, so there is no DVC cache or remote to push.`);
    const uploaded = tracked.uploaded + stages.uploaded;
    const present = tracked.present + stages.present;
    const summary3 = `${uploaded} object(s) uploaded, ${present} already on the remote`;
    log.info(`dvc push: ${summary3}.`);
    return { name, status: "ran", seconds: (performance2.now() - started) / 1e3, reasons: [summary3] };
  } catch (error2) {
    log.error(`dvc push failed: ${describeError(error2)}`);
    return { name, status: "failed", seconds: (performance2.now() - started) / 1e3, reasons: [], error: describeError(error2) };
  }
}
async function runCommand(name, cmd, cwd, log, deadline) {
  const tail = new TailBuffer(TAIL_LINES);
  const started = performance2.now();
  try {
    const { code: code2, signal } = await runShell(cmd, cwd, (line) => log.info(line), tail, process.env, deadline?.signal);
    const seconds = (performance2.now() - started) / 1e3;
    if (code2 === 0) return { name, status: "ran", seconds, reasons: [] };
    const stopped = deadline?.signal.aborted ? deadline.stopped(name) : null;
    const error2 = stopped ?? (signal ? `killed by ${signal}` : `exited with code ${code2}`);
    log.error(`${name} ${error2}`);
    return { name, status: "failed", seconds, reasons: [], error: error2, log: tail.text() };
  } catch (error2) {
    return { name, status: "failed", seconds: (performance2.now() - started) / 1e3, reasons: [], error: describeError(error2), log: tail.text() };
  }
}
async function dvcRepro(cwd, log, deadline) {
  const stages = [];
  let current = null;
  const close = () => {
    if (current) current.result.seconds = (performance2.now() - current.started) / 1e3;
  };
  const onLine = (line) => {
    log.info(line);
    const running2 = /^Running stage '(.+)':$/.exec(line.trim());
    const skipped = /^Stage '(.+)' didn't change, skipping$/.exec(line.trim());
    if (running2) {
      close();
      const result = { name: running2[1], status: "ran", seconds: 0, reasons: [] };
      stages.push(result);
      current = { result, started: performance2.now(), tail: new TailBuffer(TAIL_LINES) };
    } else if (skipped) {
      stages.push({ name: skipped[1], status: "skipped", seconds: 0, reasons: [] });
    } else if (current) {
      current.tail.addLine(line);
    }
  };
  const whole = new TailBuffer(TAIL_LINES);
  const outcome2 = await new Promise((resolve7) => {
    const env = stageEnvironment(process.env);
    const dvc = resolveCommand("dvc", env);
    const options = { cwd, stdio: ["ignore", "pipe", "pipe"], env };
    const child = dvc.shell ? spawnStage(`${dvc.file} repro`, [], { ...options, shell: true }) : spawnStage(dvc.file, ["repro"], options);
    if (deadline) endOnAbort(child, deadline.signal);
    const take = (text2) => {
      for (const line of whole.push(text2)) onLine(line);
    };
    child.stdout.setEncoding("utf8").on("data", take);
    child.stderr.setEncoding("utf8").on("data", take);
    child.on(
      "error",
      (error3) => resolve7({ code: null, error: `could not start 'dvc' (${error3.message}); install DVC in an earlier step or use repro: builtin` })
    );
    child.on("close", (code2) => {
      for (const line of whole.flush()) onLine(line);
      resolve7({ code: code2 });
    });
  });
  close();
  if (outcome2.code === 0) return { stages, passed: true };
  const stopped = deadline?.signal.aborted ? deadline.stopped("dvc repro") : null;
  const error2 = outcome2.error ?? stopped ?? `dvc repro exited with code ${outcome2.code}`;
  log.error(error2);
  const last = current;
  if (last && last.result.status === "ran") {
    last.result.status = "failed";
    last.result.error = error2;
    last.result.log = last.tail.text();
  } else {
    stages.push({ name: "dvc repro", status: "failed", seconds: 0, reasons: [], error: error2, log: whole.text() });
  }
  return { stages, passed: false };
}

// src/gate/config.ts
var import_yaml3 = __toESM(require_dist(), 1);

// src/gate/parse.ts
var RuleSyntaxError = class extends UserError {
  constructor(source, column, problem, lineText) {
    super(`${source.origin} line ${source.line}, column ${column}: ${problem}
    ${lineText}
    ${" ".repeat(Math.max(column - 1, 0))}^`);
    this.source = source;
    this.column = column;
    this.problem = problem;
    this.name = "RuleSyntaxError";
  }
  source;
  column;
  problem;
};
function parseRules(lines2) {
  const rules = [];
  const errors = [];
  for (const line of lines2) {
    try {
      rules.push(parseRule(line.text, line.source));
    } catch (error2) {
      if (error2 instanceof RuleSyntaxError) errors.push(error2);
      else throw error2;
    }
  }
  if (errors.length === 1) throw errors[0];
  if (errors.length) throw new UserError(`${errors.length} threshold rules do not parse:
${errors.map((e) => e.message).join("\n")}`);
  return rules;
}
var COMPARATORS = { ">=": ">=", "<=": "<=", "==": "==", "!=": "!=", ">": ">", "<": "<", "\u2265": ">=", "\u2264": "<=", "\u2260": "!=" };
var COMPARATOR_LIST = "`>=`, `<=`, `>`, `<`, `==` or `!=`";
var OPERAND = "a number, `base`, `(` or `-`";
var LEVEL = /^\s*(warn|warning|fail)\s*:\s+/i;
var HISTORY_STATS = ["mean", "std", "min", "max", "n"];
var HISTORY_NAMES = HISTORY_STATS.map((s) => `\`history.${s}\``).join(", ");
var MAX_DEPTH2 = 64;
var MAX_TOKENS = 1e3;
function parseRule(text2, source) {
  const fail2 = (pos2, problem) => {
    throw new RuleSyntaxError(source, pos2 + 1, problem, text2);
  };
  let pos = 0;
  let level = "fail";
  const levelMatch = LEVEL.exec(text2);
  if (levelMatch) {
    level = levelMatch[1].toLowerCase() === "fail" ? "fail" : "warn";
    pos = levelMatch[0].length;
  }
  const ruleStart = skipSpace(text2, pos);
  const { ref, end: refEnd } = readMetric(text2, ruleStart, fail2);
  pos = skipSpace(text2, refEnd);
  const comparatorText = [2, 1].map((n) => text2.slice(pos, pos + n)).find((t) => COMPARATORS[t]);
  if (!comparatorText) {
    const found = text2.slice(pos, pos + 2);
    const hint = found.startsWith("=") ? " (use `==` to compare for equality)" : "";
    fail2(pos, `expected a comparison, one of ${COMPARATOR_LIST}, after the metric \`${ref.text}\`, but found ${describeFound(text2, pos)}${hint}`);
  }
  const comparator = COMPARATORS[comparatorText];
  const tokens = tokenize2(text2, pos + comparatorText.length, fail2);
  const parser = new ExprParser(tokens, fail2);
  const threshold = parser.expression();
  const ifPresent = parser.ifPresent();
  const end = parser.expectEnd();
  return { text: text2.slice(ruleStart, end).trim(), level, metric: ref, comparator, threshold, ifPresent, source };
}
function skipSpace(text2, pos) {
  while (pos < text2.length && /\s/.test(text2[pos])) pos++;
  return pos;
}
function describeFound(text2, pos) {
  if (pos >= text2.length) return "the end of the rule";
  const word = /^[^\s]+/.exec(text2.slice(pos))[0];
  return `\`${word.length > 20 ? `${word.slice(0, 20)}\u2026` : word}\``;
}
function readMetric(text2, pos, fail2) {
  if (pos >= text2.length) fail2(pos, "expected a metric name such as `accuracy` or `metrics.json:loss`, but the rule is empty");
  let raw;
  let end;
  const quote2 = text2[pos];
  if (quote2 === '"' || quote2 === "'") {
    const close = text2.indexOf(quote2, pos + 1);
    if (close < 0) fail2(pos, `this quote is never closed: expected a closing ${quote2} after the metric name`);
    raw = text2.slice(pos + 1, close);
    end = close + 1;
  } else {
    end = pos;
    while (end < text2.length && !/[\s<>=!\u2265\u2264\u2260]/.test(text2[end])) end++;
    raw = text2.slice(pos, end);
    if (!raw) fail2(pos, `expected a metric name such as \`accuracy\` or \`metrics.json:loss\` before the comparison, but found ${describeFound(text2, pos)}`);
    if (/^[\d.+-]/.test(raw) && Number.isFinite(Number(raw))) {
      fail2(pos, `expected a metric name on the left (as in \`accuracy >= 0.9\`), but found the number \`${raw}\``);
    }
  }
  const colon = raw.indexOf(":");
  const file = colon >= 0 ? raw.slice(0, colon).trim() : null;
  const key2 = (colon >= 0 ? raw.slice(colon + 1) : raw).trim();
  if (file === "") fail2(pos, "expected a file name before `:` (as in `metrics.json:loss`)");
  if (!key2) fail2(pos + (colon >= 0 ? colon + 1 : 0), "expected a metric key after the file name (as in `metrics.json:loss`)");
  return { ref: { file: file ? file.replace(/\\/g, "/").replace(/^\.\//, "") : null, key: key2, text: raw }, end };
}
function tokenize2(text2, start, fail2) {
  const tokens = [];
  let pos = start;
  for (; ; ) {
    pos = skipSpace(text2, pos);
    if (pos >= text2.length || text2[pos] === "#") break;
    const rest = text2.slice(pos);
    const number4 = /^(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/.exec(rest);
    if (number4) {
      const value2 = Number(number4[0].replace(/_/g, ""));
      if (!Number.isFinite(value2)) fail2(pos, `\`${number4[0]}\` is not a finite number`);
      tokens.push({ kind: "number", value: value2, pos, end: pos + number4[0].length });
      pos += number4[0].length;
      continue;
    }
    const word = /^[A-Za-z_][\w.]*/.exec(rest);
    if (word) {
      tokens.push({ kind: "word", value: word[0], pos, end: pos + word[0].length });
      pos += word[0].length;
      continue;
    }
    if ("+-*/()%\u2212".includes(rest[0])) {
      tokens.push({ kind: "punct", value: rest[0] === "\u2212" ? "-" : rest[0], pos, end: pos + 1 });
      pos += 1;
      continue;
    }
    if (/^(?:>=|<=|==|!=|[<>\u2265\u2264\u2260=])/.test(rest)) {
      if (!tokens.length) fail2(pos, `expected ${OPERAND} after the comparison, but found \`${/^[<>=!\u2265\u2264\u2260]+/.exec(rest)[0]}\``);
      fail2(pos, "a rule has one comparison; expected an arithmetic operator (`+`, `-`, `*`, `/`), `if present` or the end of the rule");
    }
    fail2(pos, `unexpected character \`${rest[0]}\`: expected ${OPERAND}, an operator (\`+\`, \`-\`, \`*\`, \`/\`, \`%\`) or \`if present\``);
  }
  tokens.push({ kind: "end", pos, end: pos });
  if (tokens.length > MAX_TOKENS)
    fail2(tokens[MAX_TOKENS].pos, `the rule is too long: at most ${MAX_TOKENS} numbers, names and operators after the comparison`);
  return tokens;
}
var ExprParser = class {
  constructor(tokens, fail2) {
    this.tokens = tokens;
    this.fail = fail2;
  }
  tokens;
  fail;
  i = 0;
  depth = 0;
  peek(offset = 0) {
    return this.tokens[Math.min(this.i + offset, this.tokens.length - 1)];
  }
  isPunct(value2, offset = 0) {
    const t = this.peek(offset);
    return t.kind === "punct" && t.value === value2;
  }
  found(t) {
    return t.kind === "end" ? "the end of the rule" : `\`${t.value}\``;
  }
  /** expression := term (('+' | '-') (NUMBER '%' | term))* */
  expression() {
    let left = this.term();
    while (this.isPunct("+") || this.isPunct("-")) {
      const op = this.peek().value;
      this.i++;
      const next = this.peek();
      if (next.kind === "number" && this.isPunct("%", 1)) {
        this.i += 2;
        left = { kind: "percent", op, left, percent: next.value };
      } else {
        left = { kind: "binary", op, left, right: this.term() };
      }
    }
    return left;
  }
  /** term := unary (('*' | '/') unary)* */
  term() {
    let left = this.unary();
    while (this.isPunct("*") || this.isPunct("/")) {
      const op = this.peek().value;
      this.i++;
      left = { kind: "binary", op, left, right: this.unary() };
    }
    return left;
  }
  /** unary := '-' unary | NUMBER | 'base' | '(' expression ')' */
  unary() {
    const t = this.peek();
    if (++this.depth > MAX_DEPTH2) this.fail(t.pos, `the expression is nested too deeply: at most ${MAX_DEPTH2} parentheses and signs inside each other`);
    try {
      return this.operand(t);
    } finally {
      this.depth--;
    }
  }
  operand(t) {
    if (t.kind === "punct" && t.value === "-") {
      this.i++;
      return { kind: "negate", operand: this.unary() };
    }
    if (t.kind === "number") {
      this.i++;
      if (this.isPunct("%")) {
        this.fail(
          this.peek().pos,
          `a percentage is relative to the value before it: write \`base + ${t.value}%\` or \`base - ${t.value}%\` (for an absolute value, write ${t.value / 100})`
        );
      }
      return { kind: "number", value: t.value };
    }
    if (t.kind === "word" && t.value.toLowerCase() === "base") {
      this.i++;
      return { kind: "base" };
    }
    if (t.kind === "word" && /^history(\.|$)/i.test(t.value)) {
      const stat9 = HISTORY_STATS.find((s) => `history.${s}` === t.value.toLowerCase());
      if (!stat9) this.fail(t.pos, `unknown name \`${t.value}\`: the base branch's history gives ${HISTORY_NAMES}`);
      this.i++;
      return { kind: "history", stat: stat9 };
    }
    if (t.kind === "punct" && t.value === "(") {
      this.i++;
      const inner = this.expression();
      if (!this.isPunct(")"))
        this.fail(this.peek().pos, `expected \`)\` to close the \`(\` at column ${t.pos + 1}, or an operator, but found ${this.found(this.peek())}`);
      this.i++;
      return inner;
    }
    if (t.kind === "word") {
      this.fail(
        t.pos,
        `unknown name \`${t.value}\`: expected ${OPERAND} (the right side compares with numbers, \`base\`, the metric's value at the base revision, and ${HISTORY_NAMES} of its values on the base branch)`
      );
    }
    return this.fail(t.pos, `expected ${OPERAND}, but found ${this.found(t)}`);
  }
  /** Consumes a trailing `if present`, if there is one. */
  ifPresent() {
    const t = this.peek();
    if (t.kind !== "word" || t.value.toLowerCase() !== "if") return false;
    const next = this.peek(1);
    if (next.kind !== "word" || next.value.toLowerCase() !== "present") {
      this.fail(next.pos, `expected \`present\` after \`if\` (the only condition is \`if present\`), but found ${this.found(next)}`);
    }
    this.i += 2;
    return true;
  }
  /** Checks nothing follows the rule; returns where it ends (a trailing comment is not part of it). */
  expectEnd() {
    const t = this.peek();
    if (t.kind === "end") return t.pos;
    this.fail(t.pos, `expected an operator (\`+\`, \`-\`, \`*\`, \`/\`), \`if present\` or the end of the rule, but found ${this.found(t)}`);
  }
};
function usesBase(expr) {
  return uses(expr, (e) => e.kind === "base");
}
function historyStatsUsed(expr) {
  const found = [];
  uses(expr, (e) => {
    if (e.kind === "history" && !found.includes(e.stat)) found.push(e.stat);
    return false;
  });
  return found;
}
function uses(expr, is) {
  switch (expr.kind) {
    case "base":
    case "number":
    case "history":
      return is(expr);
    case "negate":
      return uses(expr.operand, is);
    case "binary":
      return [expr.left, expr.right].map((e) => uses(e, is)).some(Boolean);
    case "percent":
      return uses(expr.left, is);
  }
}
function ruleLinesFromText(text2, origin, file) {
  const out = [];
  text2.split(/\r?\n/).forEach((raw, i) => {
    const trimmed = raw.trim();
    if (!trimmed || trimmed.startsWith("#")) return;
    out.push({ text: trimmed, source: { origin, line: i + 1, ...file ? { file } : {} } });
  });
  return out;
}

// src/gate/config.ts
var PROJECT_FILE = ".mlreport.yml";
var DEFAULT_CHECK_NAME = "mlreport";
async function loadGateConfig(workspace, settings) {
  const fromFile = await readProjectRules(workspace);
  const notes = [];
  let lines2 = settings.thresholds ?? [];
  if (settings.thresholds && fromFile?.length) {
    notes.push(
      `The rules given with the \`thresholds\` input (or \`--threshold\`) replace the ${fromFile.length} rule${fromFile.length === 1 ? "" : "s"} in ${PROJECT_FILE}.`
    );
  } else if (!settings.thresholds && fromFile) {
    lines2 = fromFile;
  }
  const rules = parseRules(lines2);
  return {
    rules,
    missingBase: settings.missingBase,
    failOnThreshold: settings.failOnThreshold,
    checkName: settings.checkName,
    notes,
    rulesFrom: settings.thresholds ? "input" : "project-file",
    trustBase: settings.trustBase
  };
}
async function rulesAtBase(gate, base, readAtBase) {
  if (!gate.trustBase || gate.rulesFrom === "input") return gate;
  const where2 = base ? `${PROJECT_FILE} at the base revision (${base.label}, ${base.sha.slice(0, 7)})` : null;
  const text2 = base ? await readAtBase(PROJECT_FILE) : null;
  const lines2 = text2 === null ? [] : projectRulesFromText(text2.toString("utf8"), where2) ?? [];
  const rules = parseRules(lines2);
  const written = (r) => r.level === "warn" ? `warn: ${r.text}` : r.text;
  const inForce = rules.map(written);
  const atHead = gate.rules.map(written);
  const added = atHead.filter((r) => !inForce.includes(r));
  const removed = inForce.filter((r) => !atHead.includes(r));
  const proposed = added.length || removed.length ? { file: PROJECT_FILE, added, removed } : null;
  const change2 = proposed ? ` This pull request proposes ${added.length} added and ${removed.length} removed; they apply after merge.` : "";
  const notes = [
    ...gate.notes,
    where2 ? `The gate uses the rules in ${where2}: on a pull request, changes to ${PROJECT_FILE} apply only after merge.${change2}` : `No base revision, so no rules from ${PROJECT_FILE} are in force on this pull request (its own rules apply only after merge).${change2}`
  ];
  return { ...gate, rules, proposed, notes };
}
async function readProjectRules(workspace) {
  let bytes;
  try {
    bytes = await workspaceTree(workspace).read(PROJECT_FILE);
  } catch (error2) {
    throw new UserError(`${PROJECT_FILE} cannot be read: ${describeError(error2)}`);
  }
  return bytes === null ? null : projectRulesFromText(bytes.toString("utf8"));
}
function projectRulesFromText(text2, origin = PROJECT_FILE) {
  const lineCounter = new import_yaml3.LineCounter();
  const doc = (0, import_yaml3.parseDocument)(text2, { lineCounter, prettyErrors: false });
  if (doc.errors.length) {
    const e = doc.errors[0];
    const line = lineCounter.linePos(e.pos[0]).line;
    throw new UserError(`${origin}${line ? ` line ${line}` : ""}: not valid YAML (${e.message.split("\n")[0]}).`);
  }
  if (doc.contents === null) return null;
  if (!(0, import_yaml3.isMap)(doc.contents)) throw new UserError(`${origin}: expected a mapping with keys such as \`thresholds:\` at the top.`);
  const node = doc.contents.get("thresholds", true);
  if (node === void 0 || node === null || (0, import_yaml3.isScalar)(node) && node.value === null) return null;
  const lineOf = (offset) => offset === void 0 ? 1 : lineCounter.linePos(offset).line;
  const file = origin === PROJECT_FILE ? { file: PROJECT_FILE } : {};
  if ((0, import_yaml3.isScalar)(node) && typeof node.value === "string") {
    const first = lineOf(node.range?.[0]) + (node.type === "BLOCK_LITERAL" || node.type === "BLOCK_FOLDED" ? 1 : 0);
    return ruleLinesFromText(node.value, origin, file.file).map((l) => ({ ...l, source: { ...l.source, line: first + l.source.line - 1 } }));
  }
  if (!(0, import_yaml3.isSeq)(node)) {
    throw new UserError(`${origin} line ${lineOf(node.range?.[0])}: \`thresholds\` must be a list of rules, one per item (e.g. \`- accuracy >= 0.9\`).`);
  }
  return node.items.map((item, i) => {
    const line = lineOf(item?.range?.[0]);
    const text3 = itemText(item);
    if (text3 === null) {
      throw new UserError(
        `${origin} line ${line}: thresholds item ${i + 1} must be a rule written as text (e.g. \`- accuracy >= 0.9\`); quote it if YAML reads it as something else.`
      );
    }
    return { text: text3, source: { origin, line, ...file } };
  });
}
function itemText(item) {
  if ((0, import_yaml3.isScalar)(item)) return typeof item.value === "string" ? item.value.trim() : null;
  if ((0, import_yaml3.isMap)(item) && item.items.length === 1) {
    const pair = item.items[0];
    const key2 = (0, import_yaml3.isScalar)(pair.key) ? pair.key.value : null;
    const value2 = (0, import_yaml3.isScalar)(pair.value) ? pair.value.value : null;
    if (typeof key2 === "string" && /^(warn|warning|fail)$/i.test(key2) && (typeof value2 === "string" || typeof value2 === "number")) {
      return `${key2}: ${String(value2).trim()}`;
    }
  }
  return null;
}
async function readProjectDirections(workspace) {
  let bytes;
  try {
    bytes = await workspaceTree(workspace).read(PROJECT_FILE);
  } catch (error2) {
    throw new UserError(`${PROJECT_FILE} cannot be read: ${describeError(error2)}`);
  }
  return bytes === null ? [] : projectDirectionsFromText(bytes.toString("utf8"));
}
function projectDirectionsFromText(text2) {
  const lineCounter = new import_yaml3.LineCounter();
  const doc = (0, import_yaml3.parseDocument)(text2, { lineCounter, prettyErrors: false });
  if (doc.errors.length || !(0, import_yaml3.isMap)(doc.contents)) return [];
  const node = doc.contents.get("directions", true);
  if (node === void 0 || node === null || (0, import_yaml3.isScalar)(node) && node.value === null) return [];
  const lineOf = (n) => {
    const offset = n?.range?.[0];
    return offset === void 0 ? 1 : lineCounter.linePos(offset).line;
  };
  const example = "(e.g. `avg_prec: higher` or `drift: lower`)";
  if (!(0, import_yaml3.isMap)(node)) throw new UserError(`${PROJECT_FILE} line ${lineOf(node)}: \`directions\` must map metric names to higher or lower ${example}.`);
  return node.items.map((pair) => {
    const metric = (0, import_yaml3.isScalar)(pair.key) ? String(pair.key.value) : "";
    const value2 = (0, import_yaml3.isScalar)(pair.value) ? pair.value.value : null;
    const better = typeof value2 === "string" ? value2.trim().toLowerCase() : "";
    if (!metric || better !== "higher" && better !== "lower") {
      throw new UserError(`${PROJECT_FILE} line ${lineOf(pair.key)}: directions of ${JSON.stringify(metric)} must be higher or lower ${example}.`);
    }
    return { metric, better };
  });
}

// src/history/config.ts
var DEFAULT_HISTORY = 20;
var MAX_HISTORY = 1e3;
function parseHistoryDepth(text2, name) {
  const value2 = text2.trim();
  if (!value2) return DEFAULT_HISTORY;
  if (!/^\d+$/.test(value2) || Number(value2) > MAX_HISTORY) {
    throw new UserError(`${name} must be a whole number of commits from 0 (off) to ${MAX_HISTORY}, not '${text2}'.`);
  }
  return Number(value2);
}
function checkHistoryRules(rules, depth, setting) {
  if (depth > 0) return;
  const needing = rules.filter((r) => historyStatsUsed(r.threshold).length);
  if (!needing.length) return;
  const lines2 = needing.map((r) => `${r.source.origin} line ${r.source.line}: \`${r.text}\` uses \`history.${historyStatsUsed(r.threshold)[0]}\``);
  throw new UserError(
    `${lines2.join("\n")}
but history is off (${setting}). Set it to how many base-branch commits to read (default ${DEFAULT_HISTORY}), or take history.* out of ${needing.length === 1 ? "the rule" : "these rules"}.`
  );
}

// src/util/deadline.ts
import { performance as performance3 } from "node:perf_hooks";
var DEFAULT_DEADLINE_MINUTES = 330;
var MAX_DEADLINE_MINUTES = 35e3;
var Deadline = class {
  constructor(minutes) {
    this.minutes = minutes;
    this.end = performance3.now() + minutes * 6e4;
    setTimeout(() => this.controller.abort(), minutes * 6e4).unref();
  }
  minutes;
  end;
  controller = new AbortController();
  cuts = [];
  /** Aborts when the deadline passes. */
  get signal() {
    return this.controller.signal;
  }
  passed() {
    return this.controller.signal.aborted || performance3.now() >= this.end;
  }
  /** Records a stage the deadline ended; returns the stage's error. */
  stopped(name) {
    this.cuts.push(`${name} stopped while running`);
    return `stopped: ${this.describe()} was spent`;
  }
  /** Records work the deadline left undone (a stage, a plot, a values file); returns the reason to show with it. */
  skipped(what) {
    this.cuts.push(`${what} skipped`);
    return `not done: ${this.describe()} was spent`;
  }
  /** The report's note: what was cut; none when nothing was. */
  notes() {
    if (!this.cuts.length) return [];
    const shown2 = this.cuts.slice(0, 20);
    const more2 = this.cuts.length > shown2.length ? `; and ${this.cuts.length - shown2.length} more` : "";
    return [`${capitalize(this.describe())} was spent, so the report is incomplete: ${shown2.join("; ")}${more2}.`];
  }
  describe() {
    return `the run's time budget (${formatMinutes(this.minutes)}, \`deadline-minutes\`)`;
  }
};
function parseDeadlineMinutes(text2, origin) {
  const value2 = text2.trim() === "" ? DEFAULT_DEADLINE_MINUTES : Number(text2.trim());
  if (!Number.isFinite(value2) || value2 <= 0 || value2 > MAX_DEADLINE_MINUTES) {
    throw new UserError(`${origin} must be a number of minutes greater than 0 and at most ${MAX_DEADLINE_MINUTES} (got '${text2.trim()}').`);
  }
  return value2;
}
function formatMinutes(minutes) {
  if (minutes < 1) return `${+(minutes * 60).toFixed(1)} s`;
  return `${+minutes.toFixed(2)} min`;
}
function capitalize(text2) {
  return text2.charAt(0).toUpperCase() + text2.slice(1);
}

// src/config/boolean.ts
function parseBooleanInput(value2, name, fallback) {
  if (!value2) return fallback;
  if (["true", "True", "TRUE"].includes(value2)) return true;
  if (["false", "False", "FALSE"].includes(value2)) return false;
  throw new UserError(`Input '${name}' is '${value2}'; expected true or false (also True, TRUE, False, FALSE).`);
}

// src/config/hub.ts
var HUB_KINDS = ["dagshub"];
var DEFAULT_HUB_URL = "https://dagshub.com";
function changeFromEvent(env, eventName, event) {
  const pr = event.pull_request;
  const pushedBranch = eventName === "push" && event.ref?.startsWith("refs/heads/") ? event.ref.slice("refs/heads/".length) : null;
  const repository = env.GITHUB_REPOSITORY || event.repository?.full_name || null;
  const server = (env.GITHUB_SERVER_URL || "https://github.com").replace(/\/+$/, "");
  return {
    repository,
    branch: pr?.head?.ref || pushedBranch || env.GITHUB_HEAD_REF || null,
    sha: pr?.head?.sha || env.GITHUB_SHA || null,
    prNumber: typeof pr?.number === "number" ? pr.number : null,
    runUrl: repository && env.GITHUB_RUN_ID ? `${server}/${repository}/actions/runs/${env.GITHUB_RUN_ID}` : null
  };
}
function hubFromInputs(get, env, change2) {
  const kind = get("hub").toLowerCase();
  if (kind && !HUB_KINDS.includes(kind)) {
    throw new UserError(`Input 'hub' is '${get("hub")}'; allowed values: ${HUB_KINDS.join(", ")} (or empty to turn the mirror off).`);
  }
  const required = parseBooleanInput(get("hub-required"), "hub-required", false);
  let hub = null;
  if (kind) {
    const url = httpUrl(get("hub-url") || DEFAULT_HUB_URL, "hub-url");
    if (url.username || url.password) throw new UserError("Input 'hub-url' must not contain credentials: put the token in 'hub-token'.");
    const fullName = get("hub-repo") || change2.repository || "";
    const match = /^([\w.-]+)\/([\w.-]+)$/.exec(fullName);
    if (!match) {
      throw new UserError(
        fullName ? `Input 'hub-repo' is '${fullName}'; expected 'owner/name'.` : "Input 'hub-repo' is empty and GITHUB_REPOSITORY is not set: give the hub repository as 'owner/name'."
      );
    }
    hub = {
      kind: "dagshub",
      url: stripSlash(url.href),
      owner: match[1],
      repo: match[2],
      user: get("hub-user") || null,
      token: get("hub-token") || null,
      required,
      change: change2
    };
  }
  return { hub, mlflow: mlflowFromInputs(get, env, hub, required, change2) };
}
function mlflowFromInputs(get, env, hub, required, change2) {
  const given = get("mlflow-tracking-uri");
  if (!given && !hub) return null;
  let trackingUri;
  let auth = { kind: "none" };
  if (given) {
    const url = httpUrl(given, "mlflow-tracking-uri");
    if (url.username || url.password) {
      auth = { kind: "basic", username: decodeURIComponent(url.username), password: decodeURIComponent(url.password) };
      url.username = "";
      url.password = "";
    }
    trackingUri = stripSlash(url.href);
  } else {
    trackingUri = `${hub.url}/${hub.owner}/${hub.repo}.mlflow`;
  }
  if (env.MLFLOW_TRACKING_TOKEN) auth = { kind: "bearer", token: env.MLFLOW_TRACKING_TOKEN };
  else if (env.MLFLOW_TRACKING_USERNAME || env.MLFLOW_TRACKING_PASSWORD) {
    auth = { kind: "basic", username: env.MLFLOW_TRACKING_USERNAME ?? "", password: env.MLFLOW_TRACKING_PASSWORD ?? "" };
  } else if (auth.kind === "none" && hub?.token && isUnder(trackingUri, hub.url)) {
    auth = { kind: "basic", username: hub.user, password: hub.token };
  }
  const experiment = get("mlflow-experiment") || change2.repository || (hub ? `${hub.owner}/${hub.repo}` : "mlreport");
  return { trackingUri, experiment, auth, required, change: change2 };
}
function hubSecrets(hub, mlflow) {
  const out = [hub?.token];
  if (mlflow?.auth.kind === "basic") out.push(mlflow.auth.password);
  if (mlflow?.auth.kind === "bearer") out.push(mlflow.auth.token);
  return [...new Set(out.filter((s) => !!s))];
}
function httpUrl(text2, input) {
  let url;
  try {
    url = new URL(text2);
  } catch {
    throw new UserError(`Input '${input}' is not a URL; expected e.g. https://dagshub.com${input === "hub-url" ? "" : "/owner/repo.mlflow"}.`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new UserError(`Input '${input}' must be an http(s) URL; got ${url.protocol}.`);
  return url;
}
function stripSlash(url) {
  return url.replace(/\/+$/, "");
}
function isUnder(url, base) {
  return new URL(url).origin === new URL(base).origin;
}

// src/config/history-store.ts
var DEFAULT_HISTORY_BRANCH = "mlreport-history";
function historyStoreSettings(input, eventName, event) {
  const branch = input || DEFAULT_HISTORY_BRANCH;
  if (branch === "off") return null;
  checkStoreBranch(branch, "Input 'history-branch'", " or `off`");
  const defaultBranch = event.repository?.default_branch;
  return { branch, record: eventName === "push" && !!defaultBranch && event.ref === `refs/heads/${defaultBranch}` };
}
function checkStoreBranch(branch, origin, orElse = "") {
  if (!/^[\w.\/-]+$/.test(branch) || /(^[-./])|([./]$)|\.\.|\/\/|\/\.|\.lock$|\.lock\//.test(branch)) {
    throw new UserError(`${origin} must be a branch name (letters, digits, '.', '_', '-', '/')${orElse}, not '${branch}'.`);
  }
  return branch;
}

// src/config/project-root.ts
import { realpath as realpath2, stat as stat7 } from "node:fs/promises";
import { dirname as dirname8, join as join18 } from "node:path";
var PROJECT_FILES = ["dvc.yaml", ".mlreport.yml"];
async function findProjectRoot(start, what, written = start) {
  const real = await realpath2(start).catch(() => null);
  if (!real || !await isDirectory2(real)) {
    throw new UserError(`${what}: '${written}' is not a directory (${start} ${real ? "is a file" : "does not exist"}).`);
  }
  const top2 = await gitRoot(real);
  const chain = [];
  for (let dir = real; ; dir = dirname8(dir)) {
    chain.push(dir);
    if (dir === top2 || dirname8(dir) === dir) break;
  }
  for (const dir of chain) if (await isDirectory2(join18(dir, ".dvc"))) return dir;
  if (!top2) return real;
  for (const dir of chain) if (await anyFile(dir, PROJECT_FILES)) return dir;
  return top2;
}
async function gitRoot(dir) {
  try {
    return await realpath2((await GitRepo.open(dir)).root);
  } catch {
    return null;
  }
}
async function isDirectory2(path) {
  return (await stat7(path).catch(() => null))?.isDirectory() ?? false;
}
async function anyFile(dir, names) {
  for (const name of names) if ((await stat7(join18(dir, name)).catch(() => null))?.isFile()) return true;
  return false;
}

// src/config/publish-inputs.ts
import { resolve as resolve4 } from "node:path";
var PUBLISH_CHOICES = {
  mode: ["run", "publish", "aggregate"],
  comment: ["update", "new", "off"],
  "comment-on": ["auto", "pr", "commit"],
  "image-store": ["branch", "release", "none"],
  artifact: ["auto", "always", "off"]
};
function publishConfigFromInputs(get, workspaceRoot) {
  const choice = (name) => {
    const value2 = get(name);
    const allowed = PUBLISH_CHOICES[name];
    if (!value2) return allowed[0];
    if (!allowed.includes(value2)) throw new UserError(`Input '${name}' is '${value2}'; expected one of: ${allowed.join(", ")}.`);
    return value2;
  };
  const reportId = get("report-id") || "default";
  if (!/^[A-Za-z0-9._-]{1,64}$/.test(reportId)) {
    throw new UserError(`Input 'report-id' is '${reportId}'; expected 1-64 letters, digits, '.', '_' or '-'.`);
  }
  const assetsBranch = get("assets-branch") || "mlreport-assets";
  if (!/^[A-Za-z0-9._/-]{1,100}$/.test(assetsBranch) || assetsBranch.includes("..") || assetsBranch.startsWith("/") || assetsBranch.endsWith("/")) {
    throw new UserError(`Input 'assets-branch' is '${assetsBranch}'; expected a branch name (letters, digits, '.', '_', '-', '/').`);
  }
  const mode = choice("mode");
  const artifactDir = get("artifact-dir");
  if (mode === "publish" && !artifactDir) {
    throw new UserError("Input 'mode' is 'publish', which needs 'artifact-dir': the folder holding the downloaded report (report.md, plots/).");
  }
  if (mode === "aggregate" && !artifactDir) {
    throw new UserError(
      "Input 'mode' is 'aggregate', which needs 'artifact-dir': the folder actions/download-artifact filled with the matrix jobs' reports (pattern: mlreport-*, merge-multiple: false)."
    );
  }
  return {
    mode,
    comment: choice("comment"),
    commentOn: choice("comment-on"),
    reportId,
    imageStore: choice("image-store"),
    assetsBranch,
    artifactDir: artifactDir ? resolve4(workspaceRoot, artifactDir) : null,
    allowPullRequestTargetRepro: parseBooleanInput(get("allow-pull-request-target-repro"), "allow-pull-request-target-repro", false),
    artifact: choice("artifact")
  };
}

// src/config/sweep.ts
function expectedRuns(text2, what) {
  if (!text2) return null;
  if (!/^\d+$/.test(text2) || Number(text2) < 1) throw new UserError(`${what} is '${text2}'; expected the number of matrix jobs, a whole number of at least 1.`);
  return Number(text2);
}
function repeatParams(lines2) {
  const names = (lines2 ?? []).flatMap((l) => l.split(",")).map((n) => n.trim()).filter(Boolean);
  return names.length ? names : ["seed"];
}

// src/config/action.ts
var ACTION_INPUTS = [
  "github-token",
  "working-directory",
  "base",
  "metrics",
  "params",
  "out-dir",
  "mode",
  "comment",
  "comment-on",
  "report-id",
  "image-store",
  "assets-branch",
  "artifact-dir",
  "allow-pull-request-target-repro",
  "hub",
  "hub-url",
  "hub-repo",
  "hub-user",
  "hub-token",
  "hub-required",
  "mlflow-tracking-uri",
  "mlflow-experiment",
  "repro",
  "run",
  "dvc-push",
  "deadline-minutes",
  "thresholds",
  "fail-on-threshold",
  "check-name",
  "missing-base",
  "history",
  "plots",
  "artifact",
  "repeat-params",
  "rank-by",
  "expected-runs",
  "history-branch"
];
function inputEnvName(name) {
  return `INPUT_${name.replace(/ /g, "_").toUpperCase()}`;
}
function getInput(env, name) {
  return (env[inputEnvName(name)] ?? "").trim();
}
function getListInput(env, name) {
  const lines2 = getInput(env, name).split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith("#"));
  return lines2.length ? lines2 : null;
}
function unknownInputs(env) {
  const known = new Set(ACTION_INPUTS.map(inputEnvName));
  return Object.keys(env).filter((k) => k.startsWith("INPUT_") && !known.has(k)).map((k) => k.slice("INPUT_".length).toLowerCase());
}
async function configFromAction({ env }) {
  const unknown = unknownInputs(env);
  if (unknown.length) {
    throw new UserError(`Unknown input${unknown.length > 1 ? "s" : ""} ${unknown.map((u) => `'${u}'`).join(", ")}. Known inputs: ${ACTION_INPUTS.join(", ")}.`);
  }
  const eventName = env.GITHUB_EVENT_NAME ?? "";
  const event = await readEvent(env.GITHUB_EVENT_PATH);
  const workspaceRoot = env.GITHUB_WORKSPACE || process.cwd();
  const workingDirectory = getInput(env, "working-directory") || ".";
  const baseOverride = getInput(env, "base");
  const sha = env.GITHUB_SHA ?? "";
  const { hub, mlflow } = hubFromInputs((name) => getInput(env, name), env, changeFromEvent(env, eventName, event));
  const workspace = await findProjectRoot(resolve5(workspaceRoot, workingDirectory), "Input 'working-directory'", workingDirectory);
  return {
    workspace,
    baseCandidates: baseOverride ? [{ kind: "explicit", rev: baseOverride, origin: "Input 'base'", label: baseOverride }] : baseFromEvent(eventName, event),
    headLabel: headLabelFromEvent(eventName, event, sha || "HEAD"),
    metricsPaths: getListInput(env, "metrics"),
    paramsPaths: getListInput(env, "params"),
    plotsPaths: getListInput(env, "plots"),
    outDir: resolve5(workspaceRoot, getInput(env, "out-dir") || join19(env.RUNNER_TEMP || tmpdir2(), "mlreport")),
    summaryPath: env.GITHUB_STEP_SUMMARY || null,
    repro: reproInput(env),
    runCommands: getListInput(env, "run") ?? [],
    dvcPush: parseBooleanInput(getInput(env, "dvc-push"), "dvc-push", false),
    deadlineMinutes: parseDeadlineMinutes(getInput(env, "deadline-minutes"), "Input 'deadline-minutes'"),
    github: githubContext(env, eventName, event),
    hub,
    mlflow,
    githubPublish: publishConfigFromInputs((name) => getInput(env, name), workspaceRoot),
    gate: await loadGateConfig(workspace, gateSettings(env)),
    history: parseHistoryDepth(getInput(env, "history"), "Input 'history'"),
    sweep: {
      repeatParams: repeatParams(getListInput(env, "repeat-params")),
      rankBy: getInput(env, "rank-by") || null,
      expectedRuns: expectedRuns(getInput(env, "expected-runs"), "Input 'expected-runs'")
    },
    historyStore: historyStoreSettings(getInput(env, "history-branch"), eventName, event)
  };
}
var PULL_REQUEST_EVENTS = ["pull_request", "pull_request_target"];
function gateSettings(env) {
  const lines2 = ruleLinesFromText(getInput(env, "thresholds"), "input 'thresholds'");
  const missingBase = getInput(env, "missing-base") || "skip";
  if (missingBase !== "skip" && missingBase !== "fail") {
    throw new UserError(`Input 'missing-base' must be \`skip\` or \`fail\`, not '${missingBase}'.`);
  }
  return {
    thresholds: lines2.length ? lines2 : null,
    missingBase,
    failOnThreshold: parseBooleanInput(getInput(env, "fail-on-threshold"), "fail-on-threshold", true),
    checkName: getInput(env, "check-name") || DEFAULT_CHECK_NAME,
    // A PR's own .mlreport.yml must not decide its gate: the base revision's rules are in force.
    trustBase: PULL_REQUEST_EVENTS.includes(env.GITHUB_EVENT_NAME ?? "")
  };
}
function githubContext(env, eventName, event) {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? "").split("/");
  if (!owner || !repo) return null;
  return {
    token: getInput(env, "github-token"),
    apiUrl: env.GITHUB_API_URL || "https://api.github.com",
    serverUrl: env.GITHUB_SERVER_URL || "https://github.com",
    owner,
    repo,
    eventName,
    sha: env.GITHUB_SHA ?? "",
    headSha: event.pull_request?.head?.sha ?? null,
    prNumber: typeof event.pull_request?.number === "number" ? event.pull_request.number : null,
    runId: env.GITHUB_RUN_ID || null,
    forkPr: isForkPr(event, `${owner}/${repo}`),
    workflowRun: workflowRunInfo(event),
    artifactRuntime: env.ACTIONS_RUNTIME_TOKEN && env.ACTIONS_RESULTS_URL ? { token: env.ACTIONS_RUNTIME_TOKEN, resultsUrl: env.ACTIONS_RESULTS_URL } : null
  };
}
function isForkPr(event, repository) {
  const head = event.pull_request?.head;
  if (!head) return false;
  return head.repo === null || head.repo?.full_name !== void 0 && head.repo.full_name.toLowerCase() !== repository.toLowerCase();
}
function workflowRunInfo(event) {
  const run3 = event.workflow_run;
  if (!run3?.head_sha) return null;
  return {
    id: run3.id ?? 0,
    event: run3.event ?? "",
    headSha: run3.head_sha,
    headBranch: run3.head_branch ?? "",
    headRepository: run3.head_repository?.full_name ?? "",
    pullRequests: (run3.pull_requests ?? []).map((p) => p.number).filter((n) => typeof n === "number")
  };
}
function reproInput(env) {
  const value2 = getInput(env, "repro") || "auto";
  if (!REPRO_MODES.includes(value2)) {
    throw new UserError(`Input 'repro' must be one of ${REPRO_MODES.join(", ")} (got '${value2}').`);
  }
  return value2;
}
async function readEvent(path) {
  if (!path) return {};
  let text2;
  try {
    text2 = await readFile5(path, "utf8");
  } catch {
    throw new UserError(`GITHUB_EVENT_PATH points to ${path}, which cannot be read.`);
  }
  try {
    return JSON.parse(text2);
  } catch {
    throw new UserError(`GITHUB_EVENT_PATH (${path}) is not valid JSON.`);
  }
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

// src/run.ts
import { existsSync as existsSync8 } from "node:fs";
import { join as join28 } from "node:path";

// src/config/repro-guard.ts
var SAFE_EVENTS = /* @__PURE__ */ new Set(["", "pull_request", "push", "merge_group", "schedule", "workflow_dispatch", "repository_dispatch", "release"]);
function mayReproduce(eventName, allowPullRequestTargetRepro) {
  if (SAFE_EVENTS.has(eventName) || allowPullRequestTargetRepro) return { allowed: true };
  return {
    allowed: false,
    reason: `Not reproducing the pipeline on '${eventName}': that event has the repository's write token and secrets while the code checked out can be a pull request's, and running it with them lets the PR take over the repository. Reproduce on 'pull_request' and publish with the two-workflow pattern (README: 'Fork pull requests'), or set 'allow-pull-request-target-repro: true' if every PR author is trusted.`
  };
}
function guardReproduction(step, eventName, allowPullRequestTargetRepro) {
  const verdict = mayReproduce(eventName, allowPullRequestTargetRepro);
  if (verdict.allowed) return { step, refused: null };
  const wouldRun = step.repro !== "off" || step.runCommands.length > 0;
  return { step: { ...step, repro: "off", runCommands: [] }, refused: wouldRun ? verdict.reason : null };
}

// src/util/numbers.ts
var DIGITS = 4;
var MINUS = "\u2212";
function formatNumber(value2, digits = DIGITS) {
  if (Number.isNaN(value2)) return "NaN";
  if (!Number.isFinite(value2)) return value2 > 0 ? "Infinity" : `${MINUS}Infinity`;
  const abs = Math.abs(value2);
  let text2;
  if (Number.isInteger(value2) && abs < 1e21) text2 = String(value2);
  else if (abs !== 0 && (abs < 1e-4 || abs >= 1e15)) text2 = value2.toExponential(digits - 1).replace(/\.?0+e/, "e");
  else if (abs >= 10 ** digits) text2 = value2.toFixed(0);
  else text2 = String(Number(value2.toPrecision(digits)));
  return text2.charCodeAt(0) === 45 ? `${MINUS}${text2.slice(1)}` : text2;
}
function formatPair(a, b) {
  for (let digits = DIGITS; digits < 17; digits++) {
    const pair = [formatNumber(a, digits), formatNumber(b, digits)];
    if (a === b || Number.isNaN(a) || Number.isNaN(b) || pair[0] !== pair[1]) return pair;
  }
  return [formatNumber(a, 17), formatNumber(b, 17)];
}
function groupDigits(n) {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ",");
}

// src/gate/noise.ts
var DEFAULT_K = 3;
function noiseBand(used, stdWeight2, stats3, head) {
  const k = stdWeight2;
  let band;
  let text2;
  if (k !== null && Number.isFinite(k) && k > 0) {
    band = { low: stats3.mean - k * stats3.std, high: stats3.mean + k * stats3.std, center: stats3.mean, k };
    text2 = `${formatNumber(stats3.mean)} \xB1 ${formatNumber(k)}\xD7${formatNumber(stats3.std)} = [${formatNumber(band.low)}, ${formatNumber(band.high)}]`;
  } else if (used.includes("min") || used.includes("max")) {
    band = { low: stats3.min, high: stats3.max, center: null, k: null };
    text2 = `min\u2013max of ${stats3.n} = [${formatNumber(stats3.min)}, ${formatNumber(stats3.max)}]`;
  } else {
    band = { low: stats3.mean - DEFAULT_K * stats3.std, high: stats3.mean + DEFAULT_K * stats3.std, center: stats3.mean, k: DEFAULT_K };
    text2 = `${formatNumber(stats3.mean)} \xB1 ${DEFAULT_K}\xD7${formatNumber(stats3.std)} = [${formatNumber(band.low)}, ${formatNumber(band.high)}]`;
  }
  const within = head >= band.low && head <= band.high;
  const where2 = within ? "within noise" : `beyond noise (${head > band.high ? "above" : "below"})`;
  return { n: stats3.n, stats: stats3, band, verdict: within ? "within" : "beyond", text: `${text2}: ${where2}` };
}
function notEnoughHistory(n) {
  return { n, stats: null, band: null, verdict: "not-enough-history", text: `not enough history (n=${n})` };
}

// src/gate/resolve.ts
function metricName(m) {
  return `${m.file}:${m.key}`;
}
function resolveMetric(ref, metrics) {
  const inFile = ref.file === null ? metrics : metrics.filter((m) => m.file === ref.file || m.file.endsWith(`/${ref.file}`));
  const exactFile = ref.file === null ? inFile : inFile.filter((m) => m.file === ref.file);
  const files = exactFile.length ? exactFile : inFile;
  const exact = files.filter((m) => m.key === ref.key);
  const suffix = files.filter((m) => m.key.endsWith(`.${ref.key}`));
  const matches = exact.length ? exact : suffix;
  if (matches.length === 1) return { kind: "found", metric: matches[0] };
  if (matches.length > 1) return { kind: "ambiguous", candidates: matches };
  return { kind: "unknown", closest: closestNames(ref, metrics) };
}
function closestNames(ref, metrics, limit = 3) {
  const wanted = (ref.file === null ? ref.key : `${ref.file}:${ref.key}`).toLowerCase();
  const key2 = ref.key.toLowerCase();
  const best = [];
  const bound = () => best.length < limit ? Infinity : best[limit - 1].distance;
  for (const m of metrics) {
    const full = metricName(m);
    const mKey = m.key.toLowerCase();
    const last = mKey.slice(mKey.lastIndexOf(".") + 1);
    const floor = Math.min(Math.abs(wanted.length - full.length), Math.abs(key2.length - mKey.length), Math.abs(key2.length - last.length));
    if (floor > bound()) continue;
    const most = bound();
    const distance = Math.min(editDistance(wanted, full.toLowerCase(), most), editDistance(key2, mKey, most), editDistance(key2, last, most));
    if (distance > most) continue;
    const at = best.findIndex((b) => distance < b.distance || distance === b.distance && full.localeCompare(b.full) < 0);
    if (at === -1) {
      if (best.length < limit) best.push({ full, distance });
    } else {
      best.splice(at, 0, { full, distance });
      if (best.length > limit) best.pop();
    }
  }
  const near = best.filter((s) => s.distance <= Math.max(2, Math.floor(ref.key.length / 3)));
  return (near.length ? near : best).map((s) => s.full);
}
var above = new Int32Array(64);
var row = new Int32Array(64);
function editDistance(a, b, most = Infinity) {
  if (row.length <= b.length) {
    above = new Int32Array(2 * (b.length + 1));
    row = new Int32Array(2 * (b.length + 1));
  }
  for (let j = 0; j <= b.length; j++) above[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let least = i;
    const c = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const d = Math.min(above[j] + 1, row[j - 1] + 1, above[j - 1] + (c === b.charCodeAt(j - 1) ? 0 : 1));
      row[j] = d;
      if (d < least) least = d;
    }
    if (least > most) return most + 1;
    [above, row] = [row, above];
  }
  return above[b.length];
}

// src/gate/evaluate.ts
function evaluateRules(rules, metrics, options) {
  const outcomes = rules.map((rule2) => evaluateRule(rule2, metrics, options));
  const checked = outcomes.filter((o) => o.status === "passed" || o.status === "failed").length;
  const passed = checked > 0 && outcomes.every((o) => o.status === "passed" || o.status === "skipped" || o.status === "failed" && o.rule.level === "warn");
  return { passed, checked, outcomes, directions: directionsOf(outcomes) };
}
function evaluateRule(rule2, metrics, options) {
  const outcome2 = (status, message, extra = {}) => ({
    rule: rule2,
    status,
    metric: null,
    base: null,
    head: null,
    threshold: null,
    message,
    ...extra
  });
  const resolved = resolveMetric(rule2.metric, metrics);
  if (resolved.kind === "ambiguous") {
    const names = resolved.candidates.map(metricName);
    return outcome2("error", `\`${rule2.metric.text}\` matches ${names.length} metrics (${names.join(", ")}); name one as \`file:key\`.`);
  }
  if (resolved.kind === "unknown") {
    const known2 = resolved.closest.length ? `closest known: ${resolved.closest.join(", ")}` : "no metrics were found at all";
    if (rule2.ifPresent) return outcome2("skipped", `\`${rule2.metric.text}\` is not in any metrics file; skipped because of \`if present\`.`);
    return outcome2("error", `Unknown metric \`${rule2.metric.text}\` (${known2}).`);
  }
  const m = resolved.metric;
  const metric = { file: m.file, key: m.key };
  const head = m.head;
  const base = m.base ?? null;
  const known = { metric, base: base !== null && Number.isFinite(base) ? base : null };
  if (head === void 0) {
    if (rule2.ifPresent) return outcome2("skipped", `\`${metricName(m)}\` is missing at the head; skipped because of \`if present\`.`, known);
    return outcome2("failed", `\`${metricName(m)}\` is missing at the head.`, known);
  }
  if (head === null) return outcome2("failed", `\`${metricName(m)}\` is not a number at the head.`, known);
  if (!Number.isFinite(head)) return outcome2("failed", `\`${metricName(m)}\` is ${head} at the head.`, known);
  const withHead = { ...known, head };
  if (usesBase(rule2.threshold)) {
    if (base === null) {
      const why = !options.hasBase ? "there is no base revision" : m.base === void 0 ? `\`${metricName(m)}\` is not present at the base` : `\`${metricName(m)}\` is not a number at the base`;
      if (options.missingBase === "fail") return outcome2("failed", `The rule compares with \`base\`, but ${why} (missing-base: fail).`, withHead);
      return outcome2("skipped", `Skipped: the rule compares with \`base\`, but ${why}.`, withHead);
    }
    if (!Number.isFinite(base)) return outcome2("failed", `\`${metricName(m)}\` is ${base} at the base, so there is nothing to compare with.`, withHead);
  }
  const stats3 = historyStatsUsed(rule2.threshold);
  let history2 = null;
  if (stats3.length) {
    const used = `\`history.${stats3[0]}\``;
    if (!m.history) return outcome2("error", `The rule uses ${used}, but no history of the base branch was read here.`, withHead);
    if (!m.history.stats) {
      const noise3 = notEnoughHistory(m.history.n);
      const why = `${noise3.text}${options.hasBase ? "" : ": there is no base revision"}`;
      if (options.missingBase === "fail") return outcome2("failed", `The rule uses ${used}, but there is ${why} (missing-base: fail).`, { ...withHead, noise: noise3 });
      return outcome2("skipped", `Skipped: ${why}; the rule uses ${used}, which needs at least 3 values.`, { ...withHead, noise: noise3 });
    }
    history2 = m.history.stats;
  }
  const threshold = evaluateExpr(rule2.threshold, base ?? Number.NaN, history2);
  if (!Number.isFinite(threshold)) return outcome2("failed", `The threshold works out to ${threshold}.`, withHead);
  const noise2 = history2 ? { noise: noiseBand(stats3, stdWeight(rule2.threshold, base ?? Number.NaN, history2, stats3), history2, head) } : {};
  const full = { ...withHead, threshold, ...noise2 };
  const [h, t] = formatPair(head, threshold);
  const notes = [usesBase(rule2.threshold) ? `base ${formatNumber(base)}` : "", history2 ? `history n=${history2.n}` : ""].filter(Boolean);
  const baseNote = notes.length ? ` (${notes.join(", ")})` : "";
  if (compare(head, rule2.comparator, threshold)) return outcome2("passed", `${h} ${rule2.comparator} ${t}${baseNote}`, full);
  return outcome2("failed", `${h} is not ${rule2.comparator} ${t}${baseNote}.`, full);
}
function evaluateExpr(expr, base, history2 = null) {
  switch (expr.kind) {
    case "number":
      return expr.value;
    case "base":
      return base;
    case "history":
      return history2 ? history2[expr.stat] : Number.NaN;
    case "negate":
      return -evaluateExpr(expr.operand, base, history2);
    case "percent": {
      const left = evaluateExpr(expr.left, base, history2);
      const delta = Math.abs(left) * expr.percent / 100;
      return expr.op === "+" ? left + delta : left - delta;
    }
    case "binary": {
      const l = evaluateExpr(expr.left, base, history2);
      const r = evaluateExpr(expr.right, base, history2);
      switch (expr.op) {
        case "+":
          return l + r;
        case "-":
          return l - r;
        case "*":
          return l * r;
        case "/":
          return l / r;
      }
    }
  }
}
function stdWeight(expr, base, history2, used) {
  if (!used.includes("std")) return null;
  const k = Math.abs(evaluateExpr(expr, base, { ...history2, std: 1 }) - evaluateExpr(expr, base, { ...history2, std: 0 }));
  return Number(k.toPrecision(12));
}
function compare(value2, comparator, threshold) {
  switch (comparator) {
    case ">=":
      return value2 >= threshold;
    case "<=":
      return value2 <= threshold;
    case ">":
      return value2 > threshold;
    case "<":
      return value2 < threshold;
    case "==":
      return value2 === threshold;
    case "!=":
      return value2 !== threshold;
  }
}
function directionsOf(outcomes) {
  const byMetric = /* @__PURE__ */ new Map();
  for (const o of outcomes) {
    if (!o.metric) continue;
    const c = o.rule.comparator;
    const better = c === ">=" || c === ">" ? "higher" : c === "<=" || c === "<" ? "lower" : null;
    if (!better) continue;
    const name = metricName(o.metric);
    const seen = byMetric.get(name);
    if (seen === void 0) byMetric.set(name, { ...o.metric, better });
    else if (seen && seen.better !== better) byMetric.set(name, null);
  }
  return [...byMetric.values()].filter((d) => d !== null);
}

// src/values/types.ts
function isFloatLeaf(value2) {
  return value2 !== null && typeof value2 === "object" && "float" in value2;
}
function numericValue(leaf2) {
  if (typeof leaf2 === "number") return leaf2;
  if (typeof leaf2 === "boolean") return leaf2 ? 1 : 0;
  if (isFloatLeaf(leaf2)) return typeof leaf2.float === "number" ? leaf2.float : Number(leaf2.float);
  return void 0;
}
function isFloat(leaf2) {
  return isFloatLeaf(leaf2) || typeof leaf2 === "number" && !Number.isInteger(leaf2);
}
function floatLeaf(value2) {
  if (Number.isNaN(value2)) return { float: "NaN" };
  if (value2 === Infinity) return { float: "Infinity" };
  if (value2 === -Infinity) return { float: "-Infinity" };
  return Number.isInteger(value2) ? { float: value2 } : value2;
}

// src/gate/lookup.ts
function metricLookupFromDiffs(files, history2) {
  const series2 = new Map(history2?.metrics.map((m) => [`${m.file}\0${m.key}`, m]));
  return files.flatMap(
    (f) => f.rows.map((r) => {
      const lookup2 = { file: f.path, key: r.key, base: toNumber(r.old), head: toNumber(r.new) };
      if (history2 !== void 0) {
        const m = series2.get(`${f.path}\0${r.key}`);
        lookup2.history = { n: m?.points.length ?? 0, stats: m?.stats ?? null };
      }
      return lookup2;
    })
  );
}
function toNumber(leaf2) {
  if (leaf2 === void 0) return void 0;
  return typeof leaf2 === "boolean" ? null : numericValue(leaf2) ?? null;
}

// src/gate/summary.ts
function gateSummary(evaluation, proposed = null) {
  return {
    passed: evaluation.passed,
    checked: evaluation.checked,
    rules: evaluation.outcomes.map((o) => ({
      rule: o.rule.text,
      level: o.rule.level,
      passed: o.status === "passed" || o.status === "skipped",
      status: o.status,
      detail: o.message,
      metric: o.metric,
      base: finiteOrNull(o.base),
      head: finiteOrNull(o.head),
      threshold: finiteOrNull(o.threshold),
      source: { origin: o.rule.source.origin, line: o.rule.source.line, ...o.rule.source.file ? { file: o.rule.source.file } : {} },
      ...o.noise ? { noise: o.noise } : {}
    })),
    directions: evaluation.directions,
    proposed
  };
}
function finiteOrNull(value2) {
  return value2 !== null && Number.isFinite(value2) ? value2 : null;
}
function brokenRules(summary3) {
  let failures = 0;
  let warnings = 0;
  for (const r of summary3.rules) {
    if (r.status === "error" || r.status === "failed" && r.level === "fail") failures++;
    else if (r.status === "failed") warnings++;
  }
  return { failures, warnings };
}

// src/gate/index.ts
function gateMetrics(gate, metrics, hasBase, history2) {
  if (!gate.rules.length && !gate.proposed) return null;
  const lookups = metricLookupFromDiffs(metrics, history2);
  return gateSummary(evaluateRules(gate.rules, lookups, { missingBase: gate.missingBase, hasBase }), gate.proposed ?? null);
}

// src/values/direction.ts
var LOWER_BETTER = /* @__PURE__ */ new Set([
  "loss",
  "error",
  "err",
  "errors",
  "mae",
  "mse",
  "rmse",
  "mape",
  "smape",
  "wape",
  "msle",
  "rmsle",
  "medae",
  "hinge",
  "regret",
  "cost",
  "fid",
  "bpc",
  "bpd",
  "wer",
  "cer",
  "perplexity",
  "ppl",
  "latency",
  "fpr",
  "fnr",
  "nll",
  "logloss",
  "brier",
  "eer",
  "time",
  "seconds",
  "duration"
]);
var HIGHER_BETTER = /* @__PURE__ */ new Set([
  "acc",
  "accuracy",
  "precision",
  "prec",
  "recall",
  "rec",
  "f1",
  "fscore",
  "auc",
  "auroc",
  "auprc",
  "roc",
  "ap",
  "map",
  "iou",
  "miou",
  "dice",
  "r2",
  "bleu",
  "rouge",
  "score",
  "tpr",
  "top1",
  "top5",
  "specificity",
  "sensitivity",
  "mcc",
  "kappa",
  "ndcg",
  "mrr",
  "hit",
  "hits",
  "jaccard",
  "psnr",
  "ssim",
  "meteor",
  "chrf",
  "throughput"
]);
function guessDirection(key2) {
  const last = key2.slice(key2.lastIndexOf(".") + 1);
  const words = last.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  if (words.some((w) => LOWER_BETTER.has(w))) return "lower";
  if (words.some((w) => HIGHER_BETTER.has(w) || /^(?:f1|top\d+|recall@?\d*|precision@?\d*)$/.test(w))) return "higher";
  return void 0;
}

// src/report/directions.ts
function metricDirections(report2) {
  const configured = new Map(report2.directions.map((d) => [d.metric, d.better]));
  const guessed = /* @__PURE__ */ new Map();
  const guess = (key2) => {
    if (!guessed.has(key2)) guessed.set(key2, guessDirection(key2));
    return guessed.get(key2);
  };
  if (!configured.size && !report2.gates?.directions.length) return (_path, key2) => guess(key2);
  return (path, key2) => report2.gates?.directions.find((d) => d.file === path && d.key === key2)?.better ?? configured.get(`${path}:${key2}`) ?? configured.get(key2) ?? configured.get(key2.slice(key2.lastIndexOf(".") + 1)) ?? guess(key2);
}
function effect(diff, direction) {
  if (!direction || diff === void 0 || diff === 0 || Number.isNaN(diff)) return null;
  return direction === "higher" === diff > 0 ? "better" : "worse";
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
function pyStr2(leaf2) {
  if (leaf2 === null) return "None";
  if (typeof leaf2 === "boolean") return leaf2 ? "True" : "False";
  if (typeof leaf2 === "string") return leaf2;
  if (typeof leaf2 === "number") return Number.isInteger(leaf2) ? String(leaf2) : pyFloatRepr(leaf2);
  return pyFloatRepr(typeof leaf2.float === "number" ? leaf2.float : Number(leaf2.float));
}
function displayValue(leaf2, precision = 5) {
  if (leaf2 === void 0 || leaf2 === null) return "-";
  if (precision !== null && precision > 0) {
    if (typeof leaf2 === "number" && !Number.isInteger(leaf2)) return roundedRepr(leaf2, precision);
    if (isFloatLeaf(leaf2) && typeof leaf2.float === "number") return pyFloatRepr(leaf2.float);
  }
  return pyStr2(leaf2);
}

// src/aggregate/plots.ts
var TOP_CONFIGURATIONS = 5;
var MAX_PLOTS = 10;
function overlaidPlots(configurations, rankedBy) {
  const top2 = configurations.slice(0, TOP_CONFIGURATIONS);
  const ids = [...new Set(top2.flatMap((c) => c.reports.flatMap((r) => r.plots.filter((p) => p.series).map((p) => p.id))))].slice(0, MAX_PLOTS);
  const plots = [];
  for (const id of ids) {
    let x = null;
    let base = null;
    let title2 = id;
    let labels = {};
    let skipped = 0;
    const lines2 = [];
    for (const c of top2) {
      const ys = [];
      for (const report2 of c.reports) {
        const plot2 = report2.plots.find((p) => p.id === id);
        const head = plot2?.series?.lines.filter((l) => l.name === report2.head.label) ?? [];
        if (!plot2?.series || head.length !== 1) continue;
        x ??= plot2.series.x;
        if (JSON.stringify(plot2.series.x) !== JSON.stringify(x)) {
          skipped++;
          continue;
        }
        title2 = plot2.title;
        labels = { ...plot2.series.xLabel ? { xLabel: plot2.series.xLabel } : {}, ...plot2.series.yLabel ? { yLabel: plot2.series.yLabel } : {} };
        base ??= report2.base && plot2.series.lines.find((l) => l.name === report2.base.label) || null;
        ys.push(head[0].y);
      }
      if (ys.length) lines2.push({ name: c.id, y: x.map((_, i) => mean(ys.map((y) => y[i] ?? null))) });
    }
    if (!x || !lines2.length) continue;
    const notes = [
      `${lines2.length === 1 ? "The" : `The top ${lines2.length}`} configuration${lines2.length === 1 ? "" : "s"}${rankedBy ? ` by ${rankedBy}` : ""}, each the mean of its runs.`,
      ...skipped ? [`${skipped} run${skipped === 1 ? "" : "s"} with other x values left out.`] : []
    ];
    plots.push({ id, title: title2, image: null, notes, series: { x, lines: [...base ? [{ name: `base: ${base.name}`, y: base.y }] : [], ...lines2], ...labels } });
  }
  return plots;
}
function mean(values) {
  const xs = values.filter((v) => v !== null && Number.isFinite(v));
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null;
}

// src/aggregate/compose.ts
function aggregateRuns(runs, options) {
  if (options.expectedRuns !== null && runs.length > options.expectedRuns) {
    throw new UserError(`${runs.length} job folders, more than the ${options.expectedRuns} expected: is an older run's artifact among them?`);
  }
  if (!runs.length && !options.expectedRuns) throw new UserError("No runs to aggregate: the folders hold no report.json.");
  const reported = runs.filter((r) => r.report !== null);
  const ok = reported.filter((r) => r.failed === null);
  const base = commonBase(reported);
  const warnings = [];
  const values = reported.map((r) => paramValues(r.report));
  const isRepeat = (p) => options.repeatParams.some((name) => p.key === name || p.key.endsWith(`.${name}`));
  const refs = unionRefs(reported.map((r) => r.report.params)).filter((p) => !isRepeat(p));
  const varying = [];
  const constant = [];
  for (const ref of refs) {
    const id = refId(ref);
    const seen = new Set(values.map((v) => v.has(id) ? JSON.stringify(v.get(id)) : "absent"));
    if (seen.size === 1 && !seen.has("absent")) constant.push({ ...ref, value: values[0].get(id) });
    else varying.push(ref);
  }
  const label2 = paramLabel(varying);
  const configKey = (report2) => {
    const v = paramValues(report2);
    return varying.map((p) => v.get(refId(p)) ?? null);
  };
  const groups = /* @__PURE__ */ new Map();
  for (const run3 of ok) {
    const params = configKey(run3.report);
    const key2 = JSON.stringify(params);
    if (!groups.has(key2)) groups.set(key2, { params, runs: [] });
    groups.get(key2).runs.push(run3);
  }
  const columns = metricColumns(
    ok.map((r) => r.report),
    reported.map((r) => r.report)
  );
  const rules = options.rules ?? jobRules(reported);
  const gate = rules.length ? { rules, missingBase: options.missingBase, failOnThreshold: true, checkName: "", notes: [], rulesFrom: "input", trustBase: false } : null;
  let configurations = [...groups.values()].map((g) => {
    const metrics = columns.map((c) => stats(g.runs.map((r) => metricNumber(r.report, c))));
    return {
      id: label2(g.params),
      params: g.params,
      runs: g.runs.map((r) => r.name),
      metrics,
      best: false,
      gates: gate ? gateMetrics(gate, meansAsDiff(columns, metrics), base !== null) : null
    };
  });
  const ruled = new Map(configurations.flatMap((c) => c.gates?.directions ?? []).map((d) => [metricName(d), d.better]));
  const configured = metricDirections({ gates: null, directions: reported.flatMap((r) => r.report.directions) });
  for (const c of columns) c.better = ruled.get(metricName(c)) ?? configured(c.file, c.key) ?? null;
  const rankBy = rankMetric(options.rankBy, columns, rules, configurations);
  if (rankBy) {
    const j = columns.findIndex((c) => c.file === rankBy.file && c.key === rankBy.key);
    const score = (c) => {
      const mean2 = c.metrics[j]?.mean;
      return mean2 === void 0 ? Number.NEGATIVE_INFINITY : rankBy.better === "higher" ? mean2 : -mean2;
    };
    configurations = configurations.map((c, i) => ({ c, i })).sort((a, b) => score(b.c) - score(a.c) || a.i - b.i).map((x) => x.c);
    if (configurations[0]?.metrics[j]) configurations[0].best = true;
  } else if (configurations.length > 1) {
    warnings.push("No metric to rank by (input `rank-by`, or a gate rule naming one): no configuration is marked best.");
  }
  const failedRuns = runs.filter((r) => r.failed !== null).map((r) => {
    const params = r.report ? configKey(r.report) : null;
    return { run: r.name, reason: r.failed, configuration: params && label2(params), params };
  });
  const absent = options.expectedRuns === null ? 0 : options.expectedRuns - runs.length;
  for (let i = 1; i <= absent; i++) {
    failedRuns.push({
      run: `missing ${i} of ${absent}`,
      reason: `no artifact: ${options.expectedRuns} jobs expected, ${runs.length} uploaded a report`,
      configuration: null,
      params: null
    });
  }
  const gated = configurations.filter((c) => c.gates);
  const failedConfigurations = gated.filter((c) => !c.gates.passed).map((c) => c.id);
  return {
    schemaVersion: 1,
    kind: "aggregate",
    tool: { name: "mlreport", version: VERSION },
    base,
    head: commonHead(reported),
    repeatParams: options.repeatParams,
    varying,
    constant,
    metrics: columns,
    rankBy,
    configurations,
    failedRuns,
    // A failed job's configuration could not be checked: the overall gate does not pass without it.
    gates: gate ? { passed: failedConfigurations.length === 0 && failedRuns.length === 0 && gated.length > 0, configurations: gated.length, failedConfigurations } : null,
    plots: overlaidPlots(
      configurations.map((c) => ({ id: c.id, reports: c.runs.map((name) => ok.find((r) => r.name === name).report) })),
      rankBy?.key ?? null
    ),
    warnings
  };
}
function commonBase(runs) {
  const bySha = /* @__PURE__ */ new Map();
  for (const r of runs) {
    const sha = r.report.base?.sha ?? "no base";
    bySha.set(sha, [...bySha.get(sha) ?? [], r.name]);
  }
  if (bySha.size > 1) {
    const list3 = [...bySha].map(([sha, names]) => `${sha} (${names.slice(0, 5).join(", ")}${names.length > 5 ? `, \u2026 ${names.length - 5} more` : ""})`);
    throw new UserError(
      `The reports compare with different base commits: ${list3.join("; ")}. A sweep's jobs must share one base to be compared; aggregate the reports of one workflow run.`
    );
  }
  return runs.find((r) => r.report.base)?.report.base ?? null;
}
function commonHead(runs) {
  const first = runs[0]?.report.head;
  return first && runs.every((r) => r.report.head.sha === first.sha && r.report.head.label === first.label) ? first : null;
}
var refId = (ref) => `${ref.file}\0${ref.key}`;
function paramValues(report2) {
  const out = /* @__PURE__ */ new Map();
  for (const f of report2.params) for (const row3 of f.rows) if (row3.new !== void 0) out.set(refId({ file: f.path, key: row3.key }), row3.new);
  return out;
}
function unionRefs(fileLists) {
  const seen = /* @__PURE__ */ new Map();
  for (const files of fileLists)
    for (const f of files) for (const row3 of f.rows) if (row3.new !== void 0) seen.set(refId({ file: f.path, key: row3.key }), { file: f.path, key: row3.key });
  return [...seen.values()];
}
function paramLabel(varying) {
  const names = varying.map((p) => varying.filter((q) => q.key === p.key).length > 1 ? `${p.file}:${p.key}` : p.key);
  return (params) => names.length ? names.map((n, i) => `${n}=${params[i] === null ? "-" : displayValue(params[i], null)}`).join(", ") : "all runs";
}
function metricColumns(ok, all) {
  const columns = /* @__PURE__ */ new Map();
  for (const report2 of ok) {
    for (const f of report2.metrics) {
      for (const row3 of f.rows) {
        const id = refId({ file: f.path, key: row3.key });
        if (!columns.has(id) && toNumber2(row3.new) !== null) columns.set(id, { file: f.path, key: row3.key, better: null, base: null });
      }
    }
  }
  for (const report2 of all) {
    for (const f of report2.metrics) {
      for (const row3 of f.rows) {
        const column = columns.get(refId({ file: f.path, key: row3.key }));
        if (column && column.base === null) column.base = toNumber2(row3.old);
      }
    }
  }
  return [...columns.values()];
}
function metricNumber(report2, column) {
  const file = report2.metrics.find((f) => f.path === column.file);
  return toNumber2(file?.rows.find((r) => r.key === column.key)?.new);
}
function toNumber2(leaf2) {
  if (leaf2 === void 0 || typeof leaf2 === "boolean") return null;
  const n = numericValue(leaf2);
  return n !== void 0 && Number.isFinite(n) ? n : null;
}
function stats(xs) {
  const values = xs.filter((x) => x !== null);
  const n = values.length;
  if (!n) return null;
  const mean2 = values.reduce((a, b) => a + b, 0) / n;
  const std = n > 1 ? Math.sqrt(values.reduce((a, x) => a + (x - mean2) ** 2, 0) / (n - 1)) : null;
  return { mean: mean2, std, n };
}
function meansAsDiff(columns, metrics) {
  const files = /* @__PURE__ */ new Map();
  columns.forEach((c, j) => {
    if (!files.has(c.file)) files.set(c.file, { path: c.file, rows: [], notes: [] });
    const mean2 = metrics[j]?.mean;
    files.get(c.file).rows.push({ key: c.key, old: c.base ?? void 0, new: mean2, changed: mean2 !== c.base });
  });
  return [...files.values()];
}
function jobRules(runs) {
  const lists = runs.filter((r) => r.report.gates).map((r) => ({ name: r.name, rules: r.report.gates.rules.map((g) => g.level === "warn" ? `warn: ${g.rule}` : g.rule) }));
  if (!lists.length) return [];
  const first = lists[0];
  const other = lists.find((l) => JSON.stringify(l.rules) !== JSON.stringify(first.rules));
  if (other) {
    throw new UserError(
      `The jobs were gated with different rules (${first.name}: ${first.rules.join("; ") || "none"}; ${other.name}: ${other.rules.join("; ") || "none"}). Give the aggregate its own rules (input 'thresholds' or --threshold).`
    );
  }
  return parseRules(first.rules.map((text2, i) => ({ text: text2, source: { origin: `the rules in ${first.name}'s report.json`, line: i + 1 } })));
}
function rankMetric(written, columns, rules, configurations) {
  const lookup2 = columns.map((c) => ({ file: c.file, key: c.key, base: c.base, head: null }));
  if (written === null) {
    const metric = firstRuleMetric(configurations[0]?.gates ?? null);
    const column2 = metric && columns.find((c) => c.file === metric.file && c.key === metric.key);
    return column2?.better ? { file: column2.file, key: column2.key, better: column2.better } : null;
  }
  const match = /^\s*(.+?)(?:\s+(higher|lower))?\s*$/.exec(written);
  const name = match?.[1] ?? "";
  const colon = name.indexOf(":");
  const ref = { file: colon >= 0 ? name.slice(0, colon) : null, key: colon >= 0 ? name.slice(colon + 1) : name, text: name };
  const found = resolveMetric(ref, lookup2);
  if (found.kind === "ambiguous") {
    throw new UserError(`rank-by '${name}' matches several metrics (${found.candidates.map(metricName).join(", ")}); name one as file:key.`);
  }
  if (found.kind === "unknown") {
    throw new UserError(`rank-by '${name}' is not a metric of these runs${found.closest.length ? `; closest: ${found.closest.join(", ")}` : ""}.`);
  }
  const column = columns.find((c) => c.file === found.metric.file && c.key === found.metric.key);
  const better = match?.[2] ?? column.better;
  if (!better) {
    throw new UserError(
      `rank-by '${name}': neither a gate rule nor the metric's name says whether higher or lower is better; write '${name} higher' or '${name} lower'.`
    );
  }
  return { file: column.file, key: column.key, better };
}
function firstRuleMetric(gates2) {
  return gates2?.rules.find((r) => r.metric)?.metric ?? null;
}

// src/report/escape.ts
function escapeCell(text2) {
  if (!NEEDS_ESCAPE.test(text2)) return text2;
  return text2.replace(/\\/g, "\\\\").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/[|`*_[\]~]/g, "\\$&").replace(/@(?=\w)/g, "@\u200D").replace(/#(?=\d)/g, "#\u200D").replace(/\bGH-(?=\d)/gi, (m) => `${m.slice(0, 2)}\u200D-`).replace(/([a-z][a-z0-9+.-]*):(?=\/\/)/gi, "$1:\u200B").replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}\u200B.`).replace(/\r\n?|\n/g, " ");
}
var NEEDS_ESCAPE = /[\\&<>|`*_[\]~@#:\r\n]|gh-|www\./i;
var PLAIN_CODE = /^[^`\s](?:[^`\r\n]*[^`\s])?$/;
function code(text2) {
  if (PLAIN_CODE.test(text2)) return `\`${text2}\``;
  const flat = text2.replace(/\r\n?|\n/g, " ");
  if (flat === "") return "` `";
  const fence = "`".repeat((flat.match(/`+/g) ?? []).reduce((m, run3) => Math.max(m, run3.length), 0) + 1);
  const pad = /^[` ]|[` ]$/.test(flat) ? " " : "";
  return `${fence}${pad}${flat}${pad}${fence}`;
}
function escapeCellKeepingCode(text2) {
  return text2.split(/(`[^`\n]*`)/).map((part) => part.length > 1 && part.startsWith("`") && part.endsWith("`") ? htmlCode(part.slice(1, -1)) : escapeCell(part)).join("");
}
function htmlCode(text2) {
  return `<code>${escapeCell(text2)}</code>`;
}

// src/history/trends.ts
var HEADLINE_TRENDS = 4;
var DEFAULT_K2 = 2;
function planTrends(history2, gates2, metrics) {
  if (!history2) return [];
  const byName = new Map(history2.metrics.map((m) => [trendId(m), m]));
  const chosen = gates2 ? gatedMetrics(gates2) : headlineMetrics(metrics);
  const plans = [];
  for (const name of chosen) {
    const metric = byName.get(trendId(name));
    if (!metric || !gates2 && !metric.stats) continue;
    const band = bandOf(gates2, name);
    plans.push({ entry: { file: metric.file, key: metric.key, ...band, standing: standingOf(metric, band.k) }, metric });
    if (!gates2 && plans.length === HEADLINE_TRENDS) break;
  }
  return plans;
}
function trendId(m) {
  return `${m.file}\0${m.key}`;
}
function gatedMetrics(gates2) {
  const seen = /* @__PURE__ */ new Set();
  return gates2.rules.flatMap((r) => r.metric && !seen.has(trendId(r.metric)) && seen.add(trendId(r.metric)) ? [r.metric] : []);
}
function headlineMetrics(files) {
  const rows = files.flatMap(
    (f) => f.rows.filter((r) => typeof r.new !== "boolean" && numericValue(r.new ?? void 0) !== void 0).map((r) => ({ file: f.path, key: r.key, changed: r.changed }))
  );
  return [...rows.filter((r) => r.changed), ...rows.filter((r) => !r.changed)];
}
function bandOf(gates2, metric) {
  for (const rule2 of gates2?.rules ?? []) {
    if (!rule2.metric || trendId(rule2.metric) !== trendId(metric)) continue;
    const k = rule2.noise?.band?.k;
    if (k) return { k, rule: rule2.rule };
  }
  return { k: DEFAULT_K2, rule: null };
}
function standingOf(metric, k) {
  if (metric.head === null) return "no-value";
  if (!metric.stats) return "not-enough";
  return Math.abs(metric.head - metric.stats.mean) > k * metric.stats.std ? "beyond" : "within";
}
function trendBand(stats3, k) {
  return stats3 ? { low: stats3.mean - k * stats3.std, high: stats3.mean + k * stats3.std } : null;
}
function standingText(standing) {
  return { beyond: "beyond noise", within: "within noise", "not-enough": "not enough history", "no-value": "no value at the head" }[standing];
}
function axisLabels(commits) {
  for (let length = 7; length < 40; length++) {
    const labels = commits.map((c) => c.slice(0, length));
    if (new Set(labels).size === labels.length) return labels;
  }
  return commits.map((c, i) => `${i + 1}:${c.slice(0, 7)}`);
}
function headAxisLabel(label2, taken) {
  let out = label2.length > 16 ? `${label2.slice(0, 15)}\u2026` : label2 || "head";
  while (taken.includes(out)) out = `${out}\u2032`;
  return out;
}

// src/report/mermaid.ts
var MERMAID_MAX_POINTS = 40;
var GRID_LABELS = 22;
var MERMAID_MAX_LINES = 8;
var PALETTE = [
  { color: "#1f6feb", square: "\u{1F7E6}" },
  { color: "#e16f24", square: "\u{1F7E7}" },
  { color: "#2da44e", square: "\u{1F7E9}" },
  { color: "#cf222e", square: "\u{1F7E5}" },
  { color: "#8250df", square: "\u{1F7EA}" },
  { color: "#8b572a", square: "\u{1F7EB}" },
  { color: "#57606a", square: "\u2B1B" },
  { color: "#d4a72c", square: "\u{1F7E8}" }
];
function mermaidChart(plot2) {
  const chart = plot2.series && usable(plot2.series);
  if (!chart) return null;
  const { series: series2, notes } = chart;
  const palette = PALETTE.slice(0, series2.lines.length);
  const lines2 = [
    "```mermaid",
    `%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "${palette.map((p) => p.color).join(", ")}"}}}}%%`,
    "xychart-beta",
    `    title "${clean(plot2.title, 60)}"`,
    `    x-axis ${series2.xLabel ? `"${clean(series2.xLabel)}" ` : ""}[${series2.x.map(label).join(", ")}]`
  ];
  if (series2.yLabel) lines2.push(`    y-axis "${clean(series2.yLabel)}"`);
  for (const line of series2.lines) lines2.push(`    line [${line.y.map((v) => number2(v)).join(", ")}]`);
  lines2.push("```");
  lines2.push(series2.lines.map((l, i) => `${palette[i].square} \`${clean(l.name)}\``).join(" \xB7 "));
  for (const note2 of notes) lines2.push("", `_${note2}_`);
  return lines2.join("\n");
}
function trendChart(entry, metric, headLabel) {
  const points = metric.points.slice(-(MERMAID_MAX_POINTS - 1));
  if (!points.length) return null;
  const labels = axisLabels(points.map((p) => p.commit));
  const head = metric.head;
  const values = [...points.map((p) => p.value), ...head === null ? [] : [head]];
  const range = trendBand(metric.stats, entry.k);
  const all = [...values, ...range ? [range.low, range.high] : []];
  const [min, max] = all.reduce(([lo, hi], v) => [Math.min(lo, v), Math.max(hi, v)], [Infinity, -Infinity]);
  const pad = (max - min) * 0.08 || Math.abs(max) * 0.01 || 1;
  const [bottom, top2] = [min - pad, max + pad];
  const flat = (v) => `[${values.map(() => number2(v)).join(", ")}]`;
  const [orange, blue, green, grey] = [PALETTE[1], PALETTE[0], PALETTE[2], PALETTE[6]];
  const series2 = [];
  const hidden = bottom - (top2 - bottom);
  if (head !== null) series2.push({ color: orange, text: `bar [${[...points.map(() => hidden), head].map(number2).join(", ")}]` });
  series2.push({ color: blue, text: `line [${values.map(number2).join(", ")}]` });
  if (range && metric.stats) {
    series2.push(
      { color: green, text: `line ${flat(range.high)}` },
      { color: green, text: `line ${flat(range.low)}` },
      { color: grey, text: `line ${flat(metric.stats.mean)}` }
    );
  }
  const lines2 = [
    "```mermaid",
    `%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "${series2.map((s) => s.color.color).join(", ")}"}}}}%%`,
    "xychart-beta",
    `    title "${clean(`${metric.key} (${metric.file})`, 60)}"`,
    // Quoted: an unquoted SHA of digits (`1234567`) could be read as a number.
    `    x-axis [${[...labels, ...head === null ? [] : [headAxisLabel(headLabel, labels)]].map((l) => `"${clean(l)}"`).join(", ")}]`,
    `    y-axis "${clean(metric.key, 40)}" ${number2(bottom)} --> ${number2(top2)}`,
    ...series2.map((s) => `    ${s.text}`),
    "```"
  ];
  const legend = [`${blue.square} base values, oldest first${head === null ? "" : `, then ${clean(headLabel || "head")}`}`];
  if (head !== null) legend.unshift(`${orange.square} ${clean(headLabel || "head")}`);
  if (range) legend.push(`${green.square} band mean \xB1 ${number2(entry.k)}\xB7std`, `${grey.square} mean`);
  lines2.push(legend.join(" \xB7 "));
  if (metric.points.length > points.length) lines2.push("", `_The newest ${points.length} of ${metric.points.length} base values are drawn._`);
  return lines2.join("\n");
}
function usable(series2) {
  const n = series2.x.length;
  const all = series2.lines.filter((l) => l.y.length === n);
  if (!n || !all.length || all.length !== series2.lines.length) return null;
  const lines2 = all.slice(0, MERMAID_MAX_LINES);
  const has = (l, i) => typeof l.y[i] === "number" && Number.isFinite(l.y[i]);
  const used = [...Array(n).keys()].filter((i) => lines2.some((l) => has(l, i)));
  if (used.length < 2) return null;
  const numeric2 = used.every((i) => typeof series2.x[i] === "number");
  const grid = numeric2 ? evenGrid(used.map((i) => series2.x[i])) : pick(used);
  const at = (i) => numeric2 ? series2.x[i] : i;
  const notes = [];
  const drawn = lines2.flatMap((l) => {
    const known = [...Array(n).keys()].filter((i) => has(l, i));
    if (!known.length) return [];
    const [first, last] = [at(known[0]), at(known.at(-1))];
    if (first > grid[0]) notes.push(`${clean(l.name)} has no values before ${clean(String(series2.x[known[0]]))}: its line is flat there.`);
    const y = grid.filter((g) => g <= last).map(
      (g) => readAt(
        known.map(at),
        known.map((i) => l.y[i]),
        g
      )
    );
    return y.length ? [{ name: l.name, y }] : [];
  });
  if (all.length > lines2.length) notes.push(`${all.length - lines2.length} more lines are not drawn here.`);
  if (!drawn.length) return null;
  return { series: { ...series2, x: numeric2 ? grid : grid.map((i) => series2.x[i]), lines: drawn }, notes };
}
function evenGrid(xs) {
  const distinct2 = [...new Set(xs)].sort((a, b) => a - b);
  const lo = distinct2[0];
  const hi = distinct2.at(-1);
  if (distinct2.length <= GRID_LABELS) return distinct2;
  const raw = (hi - lo) / (GRID_LABELS - 2);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw);
  const grid = [lo];
  for (let v = Math.floor(lo / step + 1) * step; v < hi; v += step) grid.push(Number(v.toPrecision(12)));
  grid.push(hi);
  return grid;
}
function pick(indices) {
  if (indices.length <= MERMAID_MAX_POINTS) return indices;
  const step = (indices.length - 1) / (MERMAID_MAX_POINTS - 1);
  return [...Array(MERMAID_MAX_POINTS).keys()].map((k) => indices[Math.round(k * step)]);
}
function readAt(xs, ys, x) {
  const after = xs.findIndex((v) => v >= x);
  if (after <= 0) return ys[after === -1 ? ys.length - 1 : 0];
  const [x0, x1] = [xs[after - 1], xs[after]];
  return x1 === x0 ? ys[after] : ys[after - 1] + (ys[after] - ys[after - 1]) * (x - x0) / (x1 - x0);
}
function label(x) {
  const text2 = typeof x === "number" ? number2(x) : clean(x);
  return /^[\w.-]+$/.test(text2) ? text2 : `"${text2}"`;
}
function number2(v) {
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6)));
}
function clean(text2, max = 80) {
  const flat = text2.replace(/["`\r\n[\]<>]/g, " ").replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${space > max / 2 ? cut.slice(0, space) : cut}\u2026`;
}

// src/aggregate/markdown.ts
var FOLDED_METRICS = 8;
function aggregateMarkdown(report2, options = {}) {
  const measure = options.measure ?? ((text2) => text2.length);
  const whole = draw(
    report2,
    options,
    report2.metrics.map((_, j) => j),
    report2.configurations.length,
    null,
    report2.failedRuns.length
  );
  if (options.limit === void 0 || measure(whole) <= options.limit) return { body: whole, folded: false };
  const kept = foldedColumns(report2);
  const unit = options.measure ? "bytes" : "characters";
  const note2 = (rows2) => `> [!NOTE]
> This comparison is longer than ${options.limit.toLocaleString("en-US")} ${unit}: it shows ${rows2} of ${report2.configurations.length} configurations (best first) and ${kept.length} of ${report2.metrics.length} metrics (ranked and gated). The full table is in ${options.fullReport ?? "the job summary and in report.md in the workflow artifact"}.`;
  const failed2 = report2.failedRuns.length;
  const fits = (rows2, failedRows2) => measure(draw(report2, options, kept, rows2, note2(rows2), failedRows2)) <= options.limit;
  const rows = largest(report2.configurations.length, (n) => fits(n, failed2));
  const failedRows = rows > 0 || fits(0, failed2) ? failed2 : largest(failed2, (n) => fits(0, n));
  return { body: draw(report2, options, kept, rows, note2(rows), failedRows), folded: true };
}
function largest(max, ok) {
  let low = 0;
  let high = max;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (ok(mid)) low = mid;
    else high = mid - 1;
  }
  return low;
}
function draw(report2, options, columns, rows, note2, failedRows) {
  const parts = [...options.header ? [options.header] : [], `## ${title(report2)}`, ""];
  if (report2.gates) parts.push(`### Gates: ${gatesHeadline(report2)}`, "");
  const best = report2.configurations.find((c) => c.best);
  if (best && report2.rankBy) {
    const j = report2.metrics.findIndex((m) => m.file === report2.rankBy.file && m.key === report2.rankBy.key);
    parts.push(
      `**Best by ${code(report2.rankBy.key)} (${report2.rankBy.better} is better):** ${escapeCell(best.id)}: ${cell(best.metrics[j] ?? null, best.runs.length)}`,
      ""
    );
  }
  if (note2) parts.push(note2, "");
  parts.push(table(report2, columns, report2.configurations.slice(0, rows), failedRows), "");
  if (failedRows < report2.failedRuns.length) parts.push(`\u2026and ${report2.failedRuns.length - failedRows} more failed jobs, in the full table.`, "");
  const repeats = report2.repeatParams.map(code).join(", ") || "no param";
  parts.push(
    `Values are the mean \xB1 the sample standard deviation (divides by n \u2212 1) over each configuration's runs; runs that differ only by ${repeats} are repeats of one configuration. n: the runs in the row (a cell that has fewer says so).`,
    ""
  );
  if (report2.constant.length) {
    parts.push(`Params the same in every run: ${report2.constant.map((p) => `${code(p.key)} = ${code(displayValue(p.value, null))}`).join(", ")}.`, "");
  }
  const broken = report2.configurations.slice(0, rows).filter((c) => c.gates && brokenRules(c.gates).failures + brokenRules(c.gates).warnings > 0);
  if (broken.length) {
    parts.push("### Broken rules", "");
    for (const c of broken) {
      for (const r of c.gates.rules.filter((r2) => r2.status === "failed" || r2.status === "error")) {
        parts.push(`- ${escapeCell(c.id)}: ${r.level === "warn" ? "\u26A0\uFE0F" : "\u274C"} ${code(r.rule)}: ${escapeCellKeepingCode(r.detail)}`);
      }
    }
    parts.push("");
  }
  const charts = report2.plots.flatMap((p) => {
    const chart = mermaidChart(p);
    return chart ? [[chart, ...p.notes.map((n) => `_${escapeCell(n)}_`)].join("\n\n")] : [];
  });
  if (charts.length) parts.push("### Plots", "", charts.join("\n\n"), "");
  if (report2.warnings.length) {
    parts.push("### Notes", "");
    for (const w of report2.warnings) parts.push(`- ${escapeCellKeepingCode(w)}`);
    parts.push("");
  }
  return parts.join("\n");
}
function title(report2) {
  const runs = report2.configurations.reduce((n, c) => n + c.runs.length, 0) + report2.failedRuns.length;
  const against = report2.base ? ` vs ${code(report2.base.label)}` : ", no base";
  const head = report2.head ? ` of ${code(report2.head.label)}` : "";
  const configurations = `${report2.configurations.length} configuration${report2.configurations.length === 1 ? "" : "s"}`;
  return `mlreport sweep: ${runs} run${runs === 1 ? "" : "s"}${head} in ${configurations}${against}`;
}
function gatesHeadline(report2) {
  const gates2 = report2.gates;
  const failedJobs = report2.failedRuns.length ? `${report2.failedRuns.length} job${report2.failedRuns.length === 1 ? "" : "s"} failed` : "";
  if (gates2.failedConfigurations.length) {
    return `\u274C ${gates2.failedConfigurations.length} of ${gates2.configurations} configurations broke a rule${failedJobs ? `; ${failedJobs}` : ""}`;
  }
  if (failedJobs) return `\u274C ${failedJobs}, so not every configuration was checked`;
  if (!gates2.configurations) return "\u274C nothing checked (no run succeeded)";
  return `\u2705 every configuration passed (${gates2.configurations})`;
}
function table(report2, columns, configurations, failedRows) {
  const metrics = columns.map((j) => report2.metrics[j]);
  const header = ["", ...report2.varying.map((p) => escapeCell(p.key)), "n", ...metrics.map(metricHeader), ...report2.gates ? ["gates"] : []];
  const lines2 = [`| ${header.join(" | ")} |`, `|${header.map(() => "---").join("|")}|`];
  const blanks = report2.varying.map(() => "");
  const gateBlank = report2.gates ? [""] : [];
  if (report2.base)
    lines2.push(
      `| base ${code(report2.base.label)} | ${[...blanks, "", ...metrics.map((m) => m.base === null ? "-" : num(m.base)), ...gateBlank].join(" | ")} |`
    );
  for (const c of configurations) {
    const cells = [
      c.best ? "\u{1F3C6} best" : "",
      ...c.params.map((v) => v === null ? "-" : escapeCell(displayValue(v, null))),
      String(c.runs.length),
      ...columns.map((j) => cell(c.metrics[j] ?? null, c.runs.length)),
      ...report2.gates ? [gateCell(c)] : []
    ];
    lines2.push(`| ${cells.join(" | ")} |`);
  }
  for (const f of report2.failedRuns.slice(0, failedRows)) {
    const params = f.params?.map((v) => v === null ? "-" : escapeCell(displayValue(v, null))) ?? blanks;
    const cells = ["\u274C failed", ...params, "0", ...metrics.map(() => ""), ...gateBlank];
    cells[report2.varying.length + (metrics.length ? 2 : 1)] = `${code(f.run)}: ${escapeCell(f.reason)}`;
    lines2.push(`| ${cells.join(" | ")} |`);
  }
  return lines2.join("\n");
}
function metricHeader(m) {
  return `${escapeCell(m.key)}${m.better === "higher" ? " \u2191" : m.better === "lower" ? " \u2193" : ""}`;
}
function cell(s, runs) {
  if (!s) return "-";
  const spread = s.std === null ? "" : ` \xB1 ${num(s.std)}`;
  return `${num(s.mean)}${spread}${s.n < runs ? ` (n=${s.n})` : ""}`;
}
function gateCell(c) {
  if (!c.gates) return "";
  const { failures, warnings } = brokenRules(c.gates);
  if (failures) return `\u274C ${failures} broke`;
  if (!c.gates.checked) return "\u274C nothing checked";
  return warnings ? `\u26A0\uFE0F ${warnings} warning${warnings === 1 ? "" : "s"}` : "\u2705";
}
function num(x) {
  return displayValue(x, 5);
}
function foldedColumns(report2) {
  const wanted = /* @__PURE__ */ new Set();
  if (report2.rankBy) wanted.add(`${report2.rankBy.file}:${report2.rankBy.key}`);
  for (const c of report2.configurations) for (const r of c.gates?.rules ?? []) if (r.metric) wanted.add(`${r.metric.file}:${r.metric.key}`);
  const kept = report2.metrics.flatMap((m, j) => wanted.has(`${m.file}:${m.key}`) ? [j] : []);
  return (kept.length ? kept : report2.metrics.map((_, j) => j)).slice(0, FOLDED_METRICS);
}

// src/aggregate/read.ts
import { lstat as lstat3, readdir as readdir7, readFile as readFile6 } from "node:fs/promises";
import { basename as basename5, join as join20 } from "node:path";

// src/report/format.ts
function formatLeaf(value2, exact = false) {
  const n = numericValue(value2);
  if (exact || n === void 0 || typeof value2 === "boolean" || isFloatLeaf(value2) && !Number.isFinite(n)) return displayValue(value2, null);
  return formatNumber(n);
}
function formatRowValues(row3, exact = false) {
  const a = numericValue(row3.old);
  const b = numericValue(row3.new);
  if (exact || a === void 0 || b === void 0 || typeof row3.old === "boolean" || typeof row3.new === "boolean") {
    return [formatLeaf(row3.old, exact), formatLeaf(row3.new, exact)];
  }
  const [x, y] = formatPair(a, b);
  return [Number.isFinite(a) ? x : formatLeaf(row3.old), Number.isFinite(b) ? y : formatLeaf(row3.new)];
}
function signed(value2) {
  const text2 = formatNumber(value2);
  return value2 > 0 ? `+${text2}` : text2;
}
function percent(relative7) {
  if (relative7 === void 0 || !Number.isFinite(relative7) || relative7 === 0) return null;
  const pct = relative7 * 100;
  const abs = Math.abs(pct);
  const text2 = abs < 0.1 ? String(Number(abs.toPrecision(1))) : abs.toFixed(abs < 10 ? 1 : 0);
  return `${pct > 0 ? "+" : MINUS}${text2}%`;
}
function formatChange(row3) {
  if (row3.diff === void 0) return "-";
  if (Number.isNaN(row3.diff)) return "NaN";
  const pct = percent(row3.relative);
  return pct && row3.diff !== 0 ? `${signed(row3.diff)} (${pct})` : signed(row3.diff);
}

// src/report/verdict.ts
var NAMED = 3;
var TOP = 2;
function verdictOf(report2) {
  const directionOf = metricDirections(report2);
  return { ...outcome(report2, directionOf), counts: counts(report2) };
}
function outcome(report2, directionOf) {
  const errors = report2.projectErrors ?? [];
  if (errors.length) return { outcome: "failed", line: `\u274C project files do not parse: ${short(errors[0], 160)}${more(errors.length - 1)}` };
  const failedStages = report2.pipeline?.stages.filter((s) => s.status === "failed") ?? [];
  if (failedStages.length) {
    const names = failedStages.map((s) => short(s.name));
    const gate = report2.gates ? "; the gate compared what the pipeline left" : "";
    return { outcome: "failed", line: `\u274C pipeline failed: stage ${names.slice(0, NAMED).join(", ")}${more(names.length - NAMED)} failed${gate}` };
  }
  const gates2 = report2.gates;
  if (gates2) {
    const { failures, warnings } = brokenRules(gates2);
    const name = metricNames(report2.metrics);
    const warned = gates2.rules.filter((r) => r.status === "failed" && r.level === "warn").map((r) => ruleItem(r, report2.metrics, name));
    if (failures) {
      const failed2 = gates2.rules.filter(isFailure).map((r) => ruleItem(r, report2.metrics, name));
      return { outcome: "failed", line: `\u274C gate failed: ${named(failed2)}${warned.length ? `; warning: ${named(warned)}` : ""}` };
    }
    if (!gates2.checked) {
      const why = !gates2.rules.length ? "no rules at the base revision" : "every rule was skipped";
      return { outcome: "failed", line: `\u274C gate checked nothing: ${why}` };
    }
    if (warnings) return { outcome: "warning", line: `\u26A0\uFE0F gate passed with warnings: ${named(warned)}` };
    const n = gates2.checked;
    const top3 = topChanges(report2.metrics, directionOf);
    const held = n === 1 ? "the rule held" : n === 2 ? "both rules held" : `all ${n} rules held`;
    return { outcome: "passed", line: `\u2705 gate passed: ${held}${top3.length ? `; ${top3.map((t) => t.text).join(", ")}` : ""}` };
  }
  if (!report2.base) return { outcome: "info", line: "\u2139\uFE0F no base revision to compare with: the head's values alone" };
  if (!report2.metrics.some((f) => f.rows.length)) return { outcome: "warning", line: "\u26A0\uFE0F no metrics found" };
  const top2 = topChanges(report2.metrics, directionOf);
  const gone = missingAtHead(report2.metrics);
  if (!top2.length && !gone) return { outcome: "info", line: "\u2139\uFE0F no metric changed" };
  const worse = gone > 0 || top2.some((t) => t.effect === "worse");
  const missing = gone ? `${groupDigits(gone)} metric${gone === 1 ? "" : "s"} missing at the head` : "";
  return { outcome: worse ? "warning" : "info", line: `${worse ? "\u26A0\uFE0F" : "\u2139\uFE0F"} ${[missing, ...top2.map((t) => t.text)].filter(Boolean).join(", ")}` };
}
function missingAtHead(metrics) {
  let n = 0;
  for (let i = 0; i < metrics.length; i++) {
    const rows = metrics[i].rows;
    for (let k = 0; k < rows.length; k++) if (rows[k].old !== void 0 && rows[k].new === void 0) n++;
  }
  return n;
}
function isFailure(r) {
  return r.status === "error" || r.status === "failed" && r.level === "fail";
}
function ruleItem(r, metrics, name) {
  if (!r.metric) return `rule ${short(r.rule)} could not be checked`;
  const row3 = metrics.find((f) => f.path === r.metric.file)?.rows.find((x) => x.key === r.metric.key);
  const metric = name(r.metric.file, r.metric.key);
  const relative7 = r.detail.includes("(base ");
  if (relative7 && row3 && row3.diff !== void 0 && r.base !== null && r.head !== null) return change(metric, row3);
  if (r.head !== null) return `${short(metric)} ${formatNumber(r.head)} (rule: ${short(r.rule)})`;
  return `${short(metric)}: ${short(r.detail.replace(/`/g, ""), 120)}`;
}
function metricNames(metrics) {
  return (file, key2) => metrics.some((f) => f.path !== file && f.rows.some((r) => r.key === key2)) ? `${file}: ${key2}` : key2;
}
function topChanges(metrics, directionOf) {
  const top2 = [];
  for (let i = 0; i < metrics.length; i++) {
    const f = metrics[i];
    const list3 = f.rows;
    for (let k = 0; k < list3.length; k++) {
      const r = list3[k];
      if (!r.changed || r.diff === void 0 || Number.isNaN(r.diff)) continue;
      const mark = effect(r.diff, directionOf(f.path, r.key));
      const weight = (mark === "worse" ? 3 : mark === "better" ? 2 : 1) * 1e6 + Math.min(1e5, Math.abs(r.relative ?? r.diff));
      let at = top2.length;
      while (at > 0 && top2[at - 1].weight < weight) at--;
      if (at >= TOP) continue;
      top2.splice(at, 0, { file: f.path, row: r, effect: mark, weight });
      if (top2.length > TOP) top2.pop();
    }
  }
  const name = metricNames(metrics);
  return top2.map((x) => ({ text: change(name(x.file, x.row.key), x.row, x.effect), effect: x.effect }));
}
function change(key2, row3, mark) {
  const [a, b] = formatPair(numericValue(row3.old), numericValue(row3.new));
  const by = percent(row3.relative) ?? signed(row3.diff);
  return `${short(key2)} ${by} (${a} \u2192 ${b}${mark ? `, ${mark}` : ""})`;
}
function short(text2, max = 60) {
  const flat = text2.replace(/\s+/g, " ");
  return flat.length > max ? `${flat.slice(0, max - 1)}\u2026` : flat;
}
function named(items) {
  const unique = [...new Set(items)];
  return unique.slice(0, NAMED).join(", ") + more(unique.length - NAMED);
}
function more(n) {
  return n > 0 ? ` and ${n} more` : "";
}
function counts(report2) {
  const plural = (n, word) => `${groupDigits(n)} ${word}${n === 1 ? "" : "s"}`;
  const count2 = (files, pick2) => {
    let n = 0;
    for (let i = 0; i < files.length; i++) {
      const rows = files[i].rows;
      for (let k = 0; k < rows.length; k++) if (pick2(rows[k])) n++;
    }
    return n;
  };
  if (!report2.base)
    return `${plural(
      count2(report2.metrics, () => true),
      "metric"
    )} and ${plural(
      count2(report2.params, () => true),
      "param"
    )} at the head`;
  return `${plural(
    count2(report2.metrics, (r) => r.changed),
    "metric"
  )} and ${plural(
    count2(report2.params, (r) => r.changed),
    "param"
  )} changed`;
}

// src/report/parse.ts
var ReportJsonError = class extends Error {
};
function parseReportJson(text2) {
  let json;
  try {
    json = JSON.parse(text2);
  } catch (error2) {
    throw new ReportJsonError(`not JSON (${error2.message})`);
  }
  return report(json, "");
}
var report = (v, at) => {
  const o = object(v, at);
  if (o.schemaVersion !== 2) fail(`${key(at, "schemaVersion")}`, "the number 2", o.schemaVersion);
  const tool = object(o.tool, key(at, "tool"));
  if (tool.name !== "mlreport") fail(key(at, "tool.name"), '"mlreport"', tool.name);
  const causes = list(causesReader)(o.causes, key(at, "causes"));
  const data = {
    schemaVersion: 2,
    tool: { name: "mlreport", version: string(tool.version, key(at, "tool.version")) },
    base: nullable(revision)(o.base, key(at, "base")),
    head: revision(o.head, key(at, "head")),
    params: list(fileDiff(row2(null)))(o.params, key(at, "params")),
    metrics: list(fileDiff(row2(causes)))(o.metrics, key(at, "metrics")),
    plots: list(plot)(o.plots, key(at, "plots")),
    gates: nullable(gates)(o.gates, key(at, "gates")),
    pipeline: nullable(pipeline)(o.pipeline, key(at, "pipeline")),
    warnings: list(string)(o.warnings, key(at, "warnings")),
    directions: optional(
      list((d, a) => {
        const x = object(d, a);
        return { metric: string(x.metric, key(a, "metric")), better: oneOf(["higher", "lower"])(x.better, key(a, "better")) };
      })
    )(o.directions, key(at, "directions")) ?? [],
    stale: optional(
      list((d, a) => {
        const x = object(d, a);
        return { stage: string(x.stage, key(a, "stage")), reasons: list(string)(x.reasons, key(a, "reasons")) };
      })
    )(o.stale, key(at, "stale")) ?? [],
    ...o.data === void 0 ? {} : { data: nullable(dataSection)(o.data, key(at, "data")) },
    // Reports from before history existed have none.
    history: optional(nullable(history))(o.history, key(at, "history")) ?? null,
    trends: optional(list(trend))(o.trends, key(at, "trends")) ?? []
  };
  return { ...data, verdict: verdictOf(data) };
};
var revision = (v, at) => {
  const o = object(v, at);
  return { sha: nullable(string)(o.sha, key(at, "sha")), label: string(o.label, key(at, "label")) };
};
function fileDiff(row3) {
  return (v, at) => {
    const o = object(v, at);
    return { path: string(o.path, key(at, "path")), rows: list(row3)(o.rows, key(at, "rows")), notes: list(string)(o.notes, key(at, "notes")) };
  };
}
function row2(causes) {
  return (v, at) => {
    const o = object(v, at);
    const out = {
      key: string(o.key, key(at, "key")),
      old: optional(leaf)(o.old, key(at, "old")),
      new: optional(leaf)(o.new, key(at, "new")),
      changed: boolean(o.changed, key(at, "changed"))
    };
    const diff = optional(number3)(o.diff, key(at, "diff"));
    const relative7 = optional(number3)(o.relative, key(at, "relative"));
    if (diff !== void 0) out.diff = diff;
    if (relative7 !== void 0) out.relative = relative7;
    if (causes && o.causes !== void 0) {
      const where2 = key(at, "causes");
      const index = o.causes;
      if (typeof index !== "number" || !Number.isInteger(index) || index < 0 || index >= causes.length) {
        fail(where2, causes.length ? `an index into 'causes' (0 to ${causes.length - 1})` : "absent ('causes' is empty)", index);
      }
      out.causes = causes[index];
    }
    return out;
  };
}
var causesReader = (v, at) => {
  const o = object(v, at);
  const stages = list(string);
  const extent = nullable((e, a) => {
    const x = object(e, a);
    return { size: nullable(number3)(x.size, key(a, "size")), nfiles: nullable(number3)(x.nfiles, key(a, "nfiles")) };
  });
  return {
    basis: oneOf(["pipeline", "no-pipeline", "no-stage"])(o.basis, key(at, "basis")),
    stage: nullable(string)(o.stage, key(at, "stage")),
    stages: list((s, a) => {
      const x = object(s, a);
      return {
        name: string(x.name, key(a, "name")),
        status: oneOf(["ran", "failed", "not-run", "out-of-date", "updated", "new", "unchanged", "unknown"])(x.status, key(a, "status")),
        reasons: list(string)(x.reasons, key(a, "reasons")),
        definition: nullable(oneOf(["command", "definition", "new"]))(x.definition, key(a, "definition"))
      };
    })(o.stages, key(at, "stages")),
    params: list((p, a) => {
      const x = object(p, a);
      const param = {
        file: string(x.file, key(a, "file")),
        key: string(x.key, key(a, "key")),
        stages: stages(x.stages, key(a, "stages"))
      };
      const old = optional(leaf)(x.old, key(a, "old"));
      const now = optional(leaf)(x.new, key(a, "new"));
      if (old !== void 0) param.old = old;
      if (now !== void 0) param.new = now;
      return param;
    })(o.params, key(at, "params")),
    files: list((f, a) => {
      const x = object(f, a);
      return {
        path: string(x.path, key(a, "path")),
        added: nullable(number3)(x.added, key(a, "added")),
        deleted: nullable(number3)(x.deleted, key(a, "deleted")),
        binary: boolean(x.binary, key(a, "binary")),
        stages: stages(x.stages, key(a, "stages"))
      };
    })(o.files, key(at, "files")),
    data: list((d, a) => {
      const x = object(d, a);
      return {
        path: string(x.path, key(a, "path")),
        source: oneOf([".dvc", "dvc.lock"])(x.source, key(a, "source")),
        old: extent(x.old, key(a, "old")),
        new: extent(x.new, key(a, "new")),
        stages: stages(x.stages, key(a, "stages"))
      };
    })(o.data, key(at, "data")),
    unknown: list(string)(o.unknown, key(at, "unknown")),
    omitted: number3(o.omitted, key(at, "omitted")),
    nothingUpstream: boolean(o.nothingUpstream, key(at, "nothingUpstream"))
  };
};
var leaf = (v, at) => {
  if (v === null || typeof v === "string" || typeof v === "boolean") return v;
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "object" && !Array.isArray(v) && Object.keys(v).length === 1 && "float" in v) {
    const f = v.float;
    if (typeof f === "number" && Number.isFinite(f) || f === "NaN" || f === "Infinity" || f === "-Infinity") return { float: f };
  }
  return fail(at, 'a number, string, boolean, null or {"float": \u2026}', v);
};
var plot = (v, at) => {
  const o = object(v, at);
  const entry = {
    id: string(o.id, key(at, "id")),
    title: string(o.title, key(at, "title")),
    image: nullable(imagePath)(o.image, key(at, "image")),
    notes: list(string)(o.notes, key(at, "notes"))
  };
  const baseImage = optional(nullable(imagePath))(o.baseImage, key(at, "baseImage"));
  const error2 = optional(string)(o.error, key(at, "error"));
  const s = optional(series)(o.series, key(at, "series"));
  if (baseImage !== void 0) entry.baseImage = baseImage;
  if (error2 !== void 0) entry.error = error2;
  if (s !== void 0) entry.series = s;
  return entry;
};
var trend = (v, at) => {
  const o = object(v, at);
  const entry = {
    file: string(o.file, key(at, "file")),
    key: string(o.key, key(at, "key")),
    k: number3(o.k, key(at, "k")),
    rule: nullable(string)(o.rule, key(at, "rule")),
    standing: oneOf(["beyond", "within", "not-enough", "no-value"])(o.standing, key(at, "standing")),
    image: nullable(imagePath)(o.image, key(at, "image"))
  };
  const error2 = optional(string)(o.error, key(at, "error"));
  if (error2 !== void 0) entry.error = error2;
  return entry;
};
var imagePath = (v, at) => {
  const path = string(v, at);
  const parts = path.split("/");
  if (path.includes("\\") || /^[a-z]:/i.test(path) || parts.some((p) => p === "" || p === "." || p === "..")) {
    fail(at, "a path inside the report folder (like plots/loss.png)", v);
  }
  return path;
};
var series = (v, at) => {
  const o = object(v, at);
  const out = {
    x: list((x, a) => typeof x === "string" ? x : number3(x, a))(o.x, key(at, "x")),
    lines: list((l, a) => {
      const line = object(l, a);
      return { name: string(line.name, key(a, "name")), y: list(nullable(number3))(line.y, key(a, "y")) };
    })(o.lines, key(at, "lines"))
  };
  const xLabel = optional(string)(o.xLabel, key(at, "xLabel"));
  const yLabel = optional(string)(o.yLabel, key(at, "yLabel"));
  if (xLabel !== void 0) out.xLabel = xLabel;
  if (yLabel !== void 0) out.yLabel = yLabel;
  return out;
};
var gates = (v, at) => {
  const o = object(v, at);
  return {
    passed: boolean(o.passed, key(at, "passed")),
    rules: list(rule)(o.rules, key(at, "rules")),
    directions: list((d, a) => {
      const dir = object(d, a);
      return {
        file: string(dir.file, key(a, "file")),
        key: string(dir.key, key(a, "key")),
        better: oneOf(["higher", "lower"])(dir.better, key(a, "better"))
      };
    })(o.directions, key(at, "directions")),
    checked: number3(o.checked, key(at, "checked")),
    proposed: nullable((p, a) => {
      const proposed = object(p, a);
      return {
        file: string(proposed.file, key(a, "file")),
        added: list(string)(proposed.added, key(a, "added")),
        removed: list(string)(proposed.removed, key(a, "removed"))
      };
    })(o.proposed, key(at, "proposed"))
  };
};
var rule = (v, at) => {
  const o = object(v, at);
  const source = object(o.source, key(at, "source"));
  const file = optional(string)(source.file, key(at, "source.file"));
  return {
    rule: string(o.rule, key(at, "rule")),
    level: oneOf(["fail", "warn"])(o.level, key(at, "level")),
    passed: boolean(o.passed, key(at, "passed")),
    status: oneOf(["passed", "failed", "skipped", "error"])(o.status, key(at, "status")),
    detail: string(o.detail, key(at, "detail")),
    metric: nullable((m, a) => {
      const metric = object(m, a);
      return { file: string(metric.file, key(a, "file")), key: string(metric.key, key(a, "key")) };
    })(o.metric, key(at, "metric")),
    base: nullable(number3)(o.base, key(at, "base")),
    head: nullable(number3)(o.head, key(at, "head")),
    threshold: nullable(number3)(o.threshold, key(at, "threshold")),
    source: {
      origin: string(source.origin, key(at, "source.origin")),
      line: number3(source.line, key(at, "source.line")),
      ...file !== void 0 ? { file } : {}
    },
    ...o.noise !== void 0 ? { noise: noise(o.noise, key(at, "noise")) } : {}
  };
};
var stats2 = (v, at) => {
  const o = object(v, at);
  const [n, mean2, std, min, max] = ["n", "mean", "std", "min", "max"].map((k) => number3(o[k], key(at, k)));
  return { n, mean: mean2, std, min, max };
};
var noise = (v, at) => {
  const o = object(v, at);
  return {
    n: number3(o.n, key(at, "n")),
    stats: nullable(stats2)(o.stats, key(at, "stats")),
    band: nullable((b, a) => {
      const band = object(b, a);
      return {
        low: number3(band.low, key(a, "low")),
        high: number3(band.high, key(a, "high")),
        center: nullable(number3)(band.center, key(a, "center")),
        k: nullable(number3)(band.k, key(a, "k"))
      };
    })(o.band, key(at, "band")),
    verdict: oneOf(["beyond", "within", "not-enough-history"])(o.verdict, key(at, "verdict")),
    text: string(o.text, key(at, "text"))
  };
};
var history = (v, at) => {
  const o = object(v, at);
  return {
    branch: string(o.branch, key(at, "branch")),
    depth: number3(o.depth, key(at, "depth")),
    metrics: list((m, a) => {
      const metric = object(m, a);
      return {
        file: string(metric.file, key(a, "file")),
        key: string(metric.key, key(a, "key")),
        points: list((p, pa) => {
          const point = object(p, pa);
          return {
            commit: string(point.commit, key(pa, "commit")),
            date: nullable(string)(point.date, key(pa, "date")),
            value: number3(point.value, key(pa, "value"))
          };
        })(metric.points, key(a, "points")),
        stats: nullable(stats2)(metric.stats, key(a, "stats")),
        head: nullable(number3)(metric.head, key(a, "head"))
      };
    })(o.metrics, key(at, "metrics")),
    notes: list(string)(o.notes, key(at, "notes"))
  };
};
var pipeline = (v, at) => {
  const o = object(v, at);
  return {
    engine: oneOf(["builtin", "dvc", "run"])(o.engine, key(at, "engine")),
    stages: list((s, a) => {
      const stage2 = object(s, a);
      const out = {
        name: string(stage2.name, key(a, "name")),
        status: oneOf(["ran", "skipped", "failed", "not-run"])(stage2.status, key(a, "status")),
        seconds: number3(stage2.seconds, key(a, "seconds"))
      };
      const reasons = optional(list(string))(stage2.reasons, key(a, "reasons"));
      const error2 = optional(string)(stage2.error, key(a, "error"));
      const log = optional(string)(stage2.log, key(a, "log"));
      if (reasons !== void 0) out.reasons = reasons;
      if (error2 !== void 0) out.error = error2;
      if (log !== void 0) out.log = log;
      return out;
    })(o.stages, key(at, "stages"))
  };
};
var dataVersion = (v, at) => {
  const o = object(v, at);
  return { md5: nullable(string)(o.md5, key(at, "md5")), size: nullable(number3)(o.size, key(at, "size")) };
};
var tableShape = (v, at) => {
  const o = object(v, at);
  return { rows: number3(o.rows, key(at, "rows")), columns: number3(o.columns, key(at, "columns")) };
};
var dataSection = (v, at) => {
  const o = object(v, at);
  const entry = (e, a) => ({ path: string(object(e, a).path, key(a, "path")), ...dataVersion(e, a) });
  return {
    added: list(entry)(o.added, key(at, "added")),
    deleted: list(entry)(o.deleted, key(at, "deleted")),
    modified: list((e, a) => {
      const x = object(e, a);
      return { path: string(x.path, key(a, "path")), old: dataVersion(x.old, key(a, "old")), new: dataVersion(x.new, key(a, "new")) };
    })(o.modified, key(at, "modified")),
    renamed: list((e, a) => {
      const x = object(e, a);
      const path = object(x.path, key(a, "path"));
      return { path: { old: string(path.old, key(a, "path.old")), new: string(path.new, key(a, "path.new")) }, ...dataVersion(e, a) };
    })(o.renamed, key(at, "renamed")),
    notInCache: list((e, a) => {
      const x = object(e, a);
      return { path: string(x.path, key(a, "path")), reason: string(x.reason, key(a, "reason")) };
    })(o.notInCache, key(at, "notInCache")),
    tables: list((e, a) => {
      const x = object(e, a);
      const t = {
        path: string(x.path, key(a, "path")),
        base: nullable(tableShape)(x.base, key(a, "base")),
        head: nullable(tableShape)(x.head, key(a, "head"))
      };
      const note2 = optional(string)(x.note, key(a, "note"));
      if (note2 !== void 0) t.note = note2;
      return t;
    })(o.tables, key(at, "tables")),
    notes: list(string)(o.notes, key(at, "notes"))
  };
};
function object(v, at) {
  if (typeof v !== "object" || v === null || Array.isArray(v)) fail(at, "an object", v);
  return v;
}
function string(v, at) {
  return typeof v === "string" ? v : fail(at, "a string", v);
}
function number3(v, at) {
  return typeof v === "number" && Number.isFinite(v) ? v : fail(at, "a finite number", v);
}
function boolean(v, at) {
  return typeof v === "boolean" ? v : fail(at, "true or false", v);
}
function oneOf(values) {
  return (v, at) => values.includes(v) ? v : fail(at, `one of ${values.map((x) => `"${x}"`).join(", ")}`, v);
}
function list(item) {
  return (v, at) => Array.isArray(v) ? v.map((x, i) => item(x, `${at}[${i}]`)) : fail(at, "a list", v);
}
function nullable(read) {
  return (v, at) => v === null ? null : read(v, at);
}
function optional(read) {
  return (v, at) => v === void 0 ? void 0 : read(v, at);
}
function key(at, name) {
  return at ? `${at}.${name}` : name;
}
function fail(at, expected, got) {
  const shown2 = got === void 0 ? "missing" : JSON.stringify(got).slice(0, 40);
  throw new ReportJsonError(`'${at || "(top level)"}' must be ${expected}, not ${shown2}`);
}

// src/aggregate/read.ts
var MAX_REPORT_BYTES = 32 * 1024 * 1024;
async function readRuns(dirs) {
  const runs = [];
  for (const dir of dirs) {
    const stat9 = await lstat3(dir).catch(() => null);
    if (!stat9?.isDirectory()) throw new UserError(`${dir} is not a folder; name the folders holding the jobs' report.json (or a folder of such folders).`);
    if (await lstat3(join20(dir, "report.json")).catch(() => null)) {
      runs.push(await readRun(dir));
      continue;
    }
    const children = (await readdir7(dir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);
    if (!children.length) runs.push({ name: runName(dir), report: null, failed: "no report.json in its folder" });
    for (const child of children.sort()) runs.push(await readRun(join20(dir, child)));
  }
  const seen = /* @__PURE__ */ new Map();
  for (const run3 of runs) {
    const count2 = (seen.get(run3.name) ?? 0) + 1;
    seen.set(run3.name, count2);
    if (count2 > 1) run3.name = `${run3.name} (${count2})`;
  }
  return runs;
}
async function readRun(dir) {
  const name = runName(dir);
  const path = join20(dir, "report.json");
  const stat9 = await lstat3(path).catch(() => null);
  if (!stat9) return { name, report: null, failed: "no report.json: the job failed before it wrote or uploaded its report" };
  if (!stat9.isFile()) throw new UserError(`${path} is not a regular file (a symlink or a folder); a job's report folder holds report.json itself.`);
  if (stat9.size > MAX_REPORT_BYTES) throw new UserError(`${path} is ${stat9.size} bytes, more than a report may be (${MAX_REPORT_BYTES}).`);
  const text2 = await readFile6(path, "utf8");
  let json;
  try {
    json = JSON.parse(text2);
  } catch (error2) {
    throw new UserError(`${path} is not JSON (${error2.message}).`);
  }
  const raw = typeof json === "object" && json !== null ? json : {};
  if (raw.kind === "aggregate") throw new UserError(`${path} is an aggregate report itself; name the matrix jobs' report folders instead.`);
  if (raw.schemaVersion !== 2) {
    throw new UserError(
      `${path} has schemaVersion ${JSON.stringify(raw.schemaVersion) ?? "missing"}; this mlreport (${VERSION}) reads report.json of schema version 2 (docs/report-schema.md). Aggregate reports made by the same mlreport version as the matrix jobs.`
    );
  }
  let report2;
  try {
    report2 = parseReportJson(text2);
  } catch (error2) {
    if (error2 instanceof ReportJsonError) throw new UserError(`${path} is not a report mlreport wrote: ${error2.message}.`);
    throw error2;
  }
  return { name, report: report2, failed: failure(report2, raw.projectErrors) };
}
function failure(report2, projectErrors) {
  const stage2 = report2.pipeline?.stages.find((s) => s.status === "failed");
  if (stage2) return `stage '${stage2.name}' failed${stage2.error ? `: ${stage2.error}` : ""}`;
  if (Array.isArray(projectErrors) && projectErrors.length) {
    return `project files do not parse: ${String(projectErrors[0])}`;
  }
  return null;
}
function runName(dir) {
  const name = basename5(dir);
  return name.startsWith("mlreport-") && name.length > "mlreport-".length ? name.slice("mlreport-".length) : name;
}

// src/report/gates-section.ts
function gatesSection(gates2) {
  const lines2 = [`### Gates: ${gatesHeadline2(gates2)}`];
  if (gates2.rules.length) lines2.push("", "| | Rule | Base | Head | Threshold | Note |", "|---|---|---|---|---|---|");
  for (const r of gates2.rules) {
    const cells = [statusIcon(r), escapeCell(r.level === "warn" ? `warn: ${r.rule}` : r.rule), value(r.base), value(r.head), value(r.threshold), note(r)];
    lines2.push(`| ${cells.join(" | ")} |`);
  }
  if (gates2.proposed) for (const line of ["", ...proposedRules(gates2.proposed)]) lines2.push(line);
  return lines2.join("\n");
}
function proposedRules(proposed) {
  return [
    `**Proposed rules**: this pull request changes the rules in ${htmlCode(proposed.file)}. The gate above uses the base revision's rules; these changes apply after merge.`,
    "",
    ...proposed.added.map((r) => `- added: ${htmlCode(r)}`),
    ...proposed.removed.map((r) => `- removed: ${htmlCode(r)}`)
  ];
}
function gatesHeadline2(gates2) {
  const total = gates2.rules.length;
  const { failures, warnings } = brokenRules(gates2);
  const skipped = gates2.rules.filter((r) => r.status === "skipped").length;
  const extras = [warnings ? `${warnings} warning${warnings === 1 ? "" : "s"}` : "", skipped ? `${skipped} skipped` : ""].filter(Boolean);
  const tail = extras.length ? ` (${extras.join(", ")})` : "";
  if (failures) return `\u274C ${failures} of ${total} rule${total === 1 ? "" : "s"} broke${tail}`;
  if (!gates2.checked) {
    return `\u274C nothing checked (${!total ? "no rules at the base revision" : total === 1 ? "the rule was skipped" : `${total} rules skipped`})`;
  }
  if (warnings) return `\u26A0\uFE0F no failing rule broke${tail}`;
  if (skipped) return `\u2705 no rule broke (${total - skipped} passed, ${skipped} skipped)`;
  return `\u2705 ${total === 1 ? "the rule" : `all ${total} rules`} passed`;
}
function statusIcon(r) {
  switch (r.status) {
    case "passed":
      return "\u2705";
    case "skipped":
      return "\u23ED\uFE0F";
    case "error":
      return "\u274C";
    case "failed":
      return r.level === "warn" ? "\u26A0\uFE0F" : "\u274C";
  }
}
function note(r) {
  const why = r.status === "passed" ? "" : escapeCellKeepingCode(r.detail);
  const noise2 = r.noise?.band ? `noise band ${escapeCell(r.noise.text)}` : "";
  return [why, noise2].filter(Boolean).join(" \xB7 ");
}
function value(v) {
  return v === null ? "-" : formatNumber(v);
}

// src/gate/log.ts
function logGates(gates2, gate, log) {
  const lines2 = [
    `Gates: ${gatesHeadline2(gates2)}.`,
    ...gates2.rules.map((r) => `  [${r.status}${r.level === "warn" ? ", warning only" : ""}] ${r.rule}: ${r.detail}`)
  ].join("\n");
  if (gates2.passed) {
    log.info(lines2);
    return;
  }
  log.error(lines2);
  if (!gate.failOnThreshold) log.info("fail-on-threshold is false: the step does not fail; the output `passed` is false.");
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
  internString(key2) {
    if (this.scratch.length < key2.length * 3) this.scratch = Buffer.allocUnsafe(Math.max(256, key2.length * 3));
    return this.intern(this.scratch, 0, encodeWtf8(key2, this.scratch));
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
    const common2 = m < n ? m : n;
    for (let k = 0; k < common2; k++) {
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
  constructor(table2) {
    this.table = table2;
  }
  table;
  kinds = new Uint8Array(8);
  /** 8 numbers: 64 bytes, in V8's heap (see KeyTable's entries). */
  numbers = new Float64Array(8);
  boxed = /* @__PURE__ */ new Map();
  /** Keys with a value (not `Seen`). */
  count = 0;
  /** Sets key `i` to a value of `kind` unless it was already set; false when it was. */
  setNew(i, kind, value2 = 0) {
    if (i >= this.kinds.length) {
      while (i >= this.kinds.length) {
        this.kinds = grown(this.kinds);
        this.numbers = grown(this.numbers);
      }
    } else if (this.kinds[i] !== Kind.Absent) return false;
    this.kinds[i] = kind;
    this.numbers[i] = value2;
    if (kind !== Kind.Seen) this.count++;
    return true;
  }
  setBoxed(i, leaf2) {
    if (!this.setNew(i, Kind.Boxed)) return false;
    this.boxed.set(i, leaf2);
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
  static fromMap(values, table2) {
    const flat = new _FlatValues(table2);
    for (const [key2, leaf2] of values) {
      const i = table2.internString(key2);
      if (typeof leaf2 === "number" && Number.isFinite(leaf2)) flat.setNew(i, Number.isInteger(leaf2) ? Kind.Int : Kind.Float, leaf2);
      else if (typeof leaf2 === "boolean") flat.setNew(i, leaf2 ? Kind.True : Kind.False);
      else if (isFloatLeaf(leaf2) && typeof leaf2.float === "number" && Number.isInteger(leaf2.float)) flat.setNew(i, Kind.Float, leaf2.float);
      else flat.setBoxed(i, leaf2);
    }
    return flat;
  }
};
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
    const leaf2 = scalarLeaf(data);
    if (leaf2 !== void 0 && leaf2 !== null && leaf2 !== 0 && leaf2 !== "" && leaf2 !== false && !isZeroFloat(data)) out.set("", leaf2);
    return out;
  }
  const visit = (map, prefix) => {
    for (const [k, v] of map) {
      const key2 = ownKey(prefix, k);
      if (isRawMap(v)) visit(v, `${key2}.`);
      else {
        const leaf2 = scalarLeaf(v);
        if (leaf2 !== void 0 && leaf2 !== null) add(out, key2, leaf2);
      }
    }
  };
  visit(data, "");
  return out;
}
function flattenParams(data, keyPaths = []) {
  const out = /* @__PURE__ */ new Map();
  if (!isRawMap(data)) {
    if (!isPyFalsy(data)) out.set("", leafOf(data));
    return out;
  }
  const root = keyPaths.length ? selectPaths(data, keyPaths) : data;
  const visit = (map, prefix) => {
    for (const [k, v] of map) {
      const key2 = ownKey(prefix, k);
      if (isRawMap(v)) visit(v, `${key2}.`);
      else add(out, key2, leafOf(v));
    }
  };
  visit(root, "");
  return out;
}
function ownKey(prefix, k) {
  const key2 = prefix ? prefix + k : ` ${k}`.slice(1);
  key2.charCodeAt(0);
  return key2;
}
function add(out, key2, leaf2) {
  if (out.size >= MAX_VALUES) throw new UserError(`more than ${MAX_VALUES.toLocaleString("en-US")} values (a runaway file, or YAML aliases that multiply)`);
  out.set(key2, leaf2);
}
function leafOf(v) {
  const leaf2 = scalarLeaf(v);
  if (leaf2 !== void 0) return leaf2;
  return pyRepr(v);
}
function scalarLeaf(v) {
  if (v === null || typeof v === "boolean" || typeof v === "string" || typeof v === "number") return v;
  if (typeof v === "bigint") return Number(v);
  if (v instanceof PyFloat) return floatLeaf(v.value);
  if (v instanceof PyCollection || Array.isArray(v) || isRawMap(v)) return void 0;
  return void 0;
}
function isPyFalsy(v) {
  return v === null || v === false || v === 0 || v === "" || isZeroFloat(v) || Array.isArray(v) && !v.length;
}
function isZeroFloat(v) {
  return v instanceof PyFloat && v.value === 0;
}
function selectPaths(data, keyPaths) {
  const result = /* @__PURE__ */ new Map();
  const entries = (node) => isRawMap(node) ? [...node] : Array.isArray(node) ? node.map((v, i) => [String(i), v]) : null;
  for (const path of keyPaths) {
    const walk2 = (node, parts, target) => {
      const [head, ...rest] = parts;
      if (head === void 0) return;
      for (const [k, v] of entries(node) ?? []) {
        if (head !== "*" && head !== k) continue;
        if (!rest.length) target.set(k, v);
        else if (entries(v)) {
          const existing = target.get(k);
          const sub = existing instanceof Map ? existing : /* @__PURE__ */ new Map();
          walk2(v, rest, sub);
          if (sub.size) target.set(k, sub);
        }
      }
    };
    walk2(data, path.split("."), result);
  }
  return result;
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
function flattenJsonMetrics(bytes, table2) {
  if (!isUtf8(bytes)) return null;
  try {
    return new MetricsScanner(bytes, table2).run();
  } catch (error2) {
    if (error2 === GENERAL) return null;
    throw error2;
  }
}
var MetricsScanner = class {
  constructor(b, table2) {
    this.b = b;
    this.table = table2;
    this.n = b.length;
    this.values = new FlatValues(table2);
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
    if (depth >= MAX_DEPTH) bail();
    const b = this.b;
    const values = this.values;
    const prefix = this.keyLength;
    this.i++;
    this.ws();
    if (b[this.i] === 125) {
      this.i++;
      return;
    }
    for (; ; ) {
      this.ws();
      if (b[this.i] !== 34) bail();
      this.keyLength = prefix;
      this.readKey();
      this.ws();
      if (b[this.i] !== 58) bail();
      this.i++;
      this.ws();
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
      this.ws();
      const next = b[this.i];
      this.i++;
      if (next === 125) break;
      if (next !== 44) bail();
    }
    this.keyLength = prefix;
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
    return this.values.setNew(index, isFloat2 ? Kind.Float : Kind.Int, this.numberValue);
  }
  numberValue = 0;
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
    let v;
    if (w < TWO_53 && e10 >= -22 && e10 <= 22) v = e10 === 0 ? w : e10 > 0 ? w * POW102[e10] : w / POW102[-e10];
    else return this.slowNumber(start, isFloat2);
    this.numberValue = negative ? -v : v;
    return isFloat2;
  }
  slowNumber(start, isFloat2) {
    this.numberValue = Number(this.b.toString("latin1", start, this.i));
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
      const { b, key: key2 } = this;
      for (let k = start, at = this.keyLength; k < end; k++, at++) key2[at] = b[k];
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
  reserve(more2) {
    if (this.keyLength + more2 <= this.key.length) return;
    const key2 = Buffer.allocUnsafe(Math.max(this.key.length * 2, this.keyLength + more2));
    this.key.copy(key2, 0, 0, this.keyLength);
    this.key = key2;
  }
  /** A list: metrics leave lists out, so it is only checked. */
  array(depth) {
    if (depth >= MAX_DEPTH) bail();
    const b = this.b;
    this.i++;
    this.ws();
    if (b[this.i] === 93) {
      this.i++;
      return;
    }
    for (; ; ) {
      this.ws();
      this.skipValue(depth + 1);
      this.ws();
      const next = b[this.i];
      this.i++;
      if (next === 93) return;
      if (next !== 44) bail();
    }
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
    if (depth >= MAX_DEPTH) bail();
    const b = this.b;
    const keys = /* @__PURE__ */ new Set();
    this.i++;
    this.ws();
    if (b[this.i] === 125) {
      this.i++;
      return;
    }
    for (; ; ) {
      this.ws();
      if (b[this.i] !== 34) bail();
      const key2 = this.string();
      if (keys.has(key2)) bail();
      keys.add(key2);
      this.ws();
      if (b[this.i] !== 58) bail();
      this.i++;
      this.ws();
      this.skipValue(depth + 1);
      this.ws();
      const next = b[this.i];
      this.i++;
      if (next === 125) return;
      if (next !== 44) bail();
    }
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
    let ascending2 = true;
    let last = -Infinity;
    for (let r = from; r < to; r++) {
      let value2 = Number.NaN;
      let k = start[r];
      if (k < 0) {
        const cell3 = this.split[-1 - k][col];
        if (cell3 !== void 0) value2 = slow(cell3, r - from);
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
            value2 = digits > 0 && digits <= 15 ? sign * mantissa / (scale < 0 ? 1 : POWERS[k - scale - 1]) : slow(text2.slice(s, k), r - from);
          } else value2 = slow(text2.slice(s, this.fieldEnd(k)), r - from);
        }
      }
      if (value2 !== value2) nans++;
      else {
        if (value2 < last) ascending2 = false;
        last = value2;
      }
      values[r - from] = value2;
    }
    return { values, nans, ascending: ascending2 };
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
      const open7 = i;
      const openLine = out.line;
      let value2 = "";
      i++;
      for (; ; ) {
        const q = text2.indexOf('"', i);
        if (q === -1) {
          const col = open7 - text2.lastIndexOf("\n", open7 - 1);
          throw new SyntaxProblem("unterminated quoted field", openLine, col);
        }
        const part = text2.slice(i, q);
        for (let k = part.indexOf("\n"); k !== -1; k = part.indexOf("\n", k + 1)) out.line++;
        value2 += part;
        if (text2.charCodeAt(q + 1) === 34) {
          value2 += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      const rest = i;
      while (i < n && !ends(text2.charCodeAt(i), d)) i++;
      fields.push(value2 + text2.slice(rest, i));
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
function csvNumber(cell3) {
  const { value: value2, isFloat: isFloat2 } = csvNumberValue(cell3);
  if (!isFloat2) return Number.isNaN(value2) ? void 0 : value2;
  return pyNumber(value2, true);
}
function csvNumberValue(cell3) {
  const t = cell3.trim();
  const kind = csvNumberKind(t);
  READ2.isFloat = kind !== INT2;
  READ2.value = kind === NOT_A_NUMBER ? NaN : kind === SPECIAL ? specialValue(t) : Number(t);
  if (kind === NOT_A_NUMBER || kind !== SPECIAL && Number.isNaN(READ2.value)) READ2.isFloat = false;
  return READ2;
}
var READ2 = { value: NaN, isFloat: false };
var NOT_A_NUMBER = 0;
var INT2 = 1;
var FLOAT2 = 2;
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
  return float ? FLOAT2 : INT2;
}
var SPECIAL_TEXT = /^([-+]?)(nan|inf|infinity)$/i;
function specialValue(t) {
  const m = SPECIAL_TEXT.exec(t);
  return m[2].toLowerCase() === "nan" ? NaN : m[1] === "-" ? -Infinity : Infinity;
}

// src/values/dagshub.ts
var COLUMNS = ["Name", "Value", "Timestamp", "Step"];
var MAX_RECORD_CHARS = 1024 * 1024;
function isExactLoggerHeader(fields) {
  return fields.length === COLUMNS.length && fields.every((f, i) => f.trim().toLowerCase() === COLUMNS[i].toLowerCase());
}
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
  const [name, value2, timestamp, step] = COLUMNS.map(col);
  const last = /* @__PURE__ */ new Map();
  const series2 = /* @__PURE__ */ new Map();
  for (const record of records.slice(1)) {
    if (skipRow && record.fields.every((f) => !f.trim())) continue;
    const key2 = skipRow ? (record.fields[name] ?? "").trim() : record.fields[name] ?? "";
    const cell3 = record.fields[value2] ?? "";
    const parsed = csvNumber(cell3);
    if (parsed === void 0 && !skipRow)
      throw new SyntaxProblem(`value ${JSON.stringify(cell3.slice(0, 40))} of ${JSON.stringify(key2.slice(0, 80))} is not a number`, record.line, 1);
    if (!withSeries && !skipRow) {
      last.set(key2, parsed);
      continue;
    }
    const unreadable = skipRow ? NaN : null;
    const point = {
      step: optionalNumber(record.fields[step], unreadable),
      value: parsed === void 0 ? NaN : parsed instanceof PyFloat ? parsed.value : parsed,
      timestamp: optionalNumber(record.fields[timestamp], unreadable)
    };
    if (skipRow && !(key2 && Number.isFinite(point.value) && (point.step === null || Number.isInteger(point.step)) && (point.timestamp === null || Number.isFinite(point.timestamp)))) {
      skipRow(record.line);
      continue;
    }
    last.set(key2, parsed);
    if (!withSeries) continue;
    const points = series2.get(key2);
    if (points) points.push(point);
    else series2.set(key2, [point]);
  }
  return { last, series: series2 };
}
function optionalNumber(cell3, unreadable) {
  if (cell3 === void 0 || cell3.trim() === "") return null;
  const n = csvNumber(cell3);
  if (n === void 0) return unreadable;
  return n instanceof PyFloat ? n.value : n;
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
        const read = csvNumberValue(bytes.value(i));
        last.set(bytes.name(i), read.isFloat ? pyNumber(read.value, true) : read.value);
      }
    } else for (const [name, i] of this.names) last.set(name, this.floats[i] ? pyNumber(this.values[i], true) : this.values[i]);
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
      const read = csvNumberValue(bytes.value(i));
      this.names.set(bytes.name(i), i);
      this.values[i] = read.value;
      this.floats[i] = read.isFloat;
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
  take(name, cell3, line) {
    const read = this.check(name, cell3, line);
    let i = this.names.get(name);
    if (i === void 0) {
      i = this.values.length;
      this.names.set(name, i);
    }
    this.values[i] = read.value;
    this.floats[i] = read.isFloat;
  }
  /** The cell read as a number; an error naming the line when it is none. */
  check(name, cell3, line) {
    const read = csvNumberValue(cell3);
    if (Number.isNaN(read.value) && !read.isFloat)
      throw new SyntaxProblem(`value ${JSON.stringify(cell3.slice(0, 40))} of ${JSON.stringify(name.slice(0, 80))} is not a number`, line, 1);
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
    const table2 = new Int32Array(2 * this.table.length).fill(-1);
    const mask = table2.length - 1;
    for (let i = 0; i < this.count; i++) {
      let p = this.hashes[i] & mask;
      while (table2[p] !== -1) p = p + 1 & mask;
      table2[p] = i;
    }
    this.table = table2;
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
function parseValuesText(path, text2) {
  return toPlain(parseValueFile(path, text2, "params").data);
}
function parseMetricsTable(text2, delimiter) {
  const firstLine3 = text2.slice(0, text2.indexOf("\n") === -1 ? text2.length : text2.indexOf("\n"));
  if (delimiter === "," && !firstLine3.includes('"') && isLoggerHeader(firstLine3.replace(/^\ufeff/, "").split(","))) {
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
    const cell3 = last.fields[i];
    if (cell3 === void 0 || cell3 === "") return;
    data.set(name, csvNumber(cell3) ?? cell3);
  });
  const warnings = records.length > 2 ? [`${records.length - 1} rows: the last one (line ${last.line}) gives the metrics`] : [];
  return { data, warnings };
}

// src/history/stats.ts
var MIN_HISTORY = 3;
function historyStats(values) {
  const n = values.length;
  if (n < MIN_HISTORY) return null;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const mean2 = sum / n;
  let squares = 0;
  for (const v of values) squares += (v - mean2) ** 2;
  return { n, mean: mean2, std: Math.sqrt(squares / (n - 1)), min, max };
}

// src/history/read.ts
var UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
var NAMED2 = 3;
async function readHistory(git, request, store, log) {
  try {
    return await readFromCommits(git, request, store, log);
  } catch (error2) {
    const note2 = `The base branch's history could not be read: ${describeError(error2)}`;
    log.warning(note2);
    return { branch: request.base.label, depth: request.depth, metrics: [], notes: [note2] };
  }
}
async function readFromCommits(git, request, store, log) {
  const notes = [];
  const chain = await firstParents(git, request, notes, log);
  const paths = request.metrics.map((f) => f.path);
  const atBase = await parsedAtBase(git, request);
  const atCommits = await Promise.all(
    chain.map(async (commit) => {
      const byPath = !git.hasListing(commit.sha);
      const tree = commitTree(git, commit.sha, shortSha(commit.sha), { byPath, ...request.budget ? { budget: request.budget } : {} });
      const known = commit.sha === request.base.sha ? atBase : void 0;
      const files = /* @__PURE__ */ new Map();
      const reads = [];
      for (const file of paths) {
        const got = known?.get(file);
        if (got) files.set(file, got);
        else reads.push(readMetricsAt(tree, file).then((read2) => void files.set(file, read2)));
      }
      await Promise.all(reads);
      return files;
    })
  );
  const inGit = new Set(chain.filter((_, i) => [...atCommits[i].values()].some((r) => r.status !== "missing")).map((c) => c.sha));
  const stored = /* @__PURE__ */ new Map();
  const notInGit = chain.filter((c) => !inGit.has(c.sha)).map((c) => c.sha);
  if (store && notInGit.length) {
    try {
      const found = await store(notInGit);
      for (const note2 of found.notes) notes.push(note2);
      for (const sha of notInGit) {
        const record = found.records.get(sha);
        if (record) stored.set(sha, byFileAndKey(record));
      }
    } catch (error2) {
      notes.push(`The history store could not be read (${describeError(error2)}): commits whose metrics are not in git are left out.`);
    }
  }
  const read = (i, file) => atCommits[i].get(file);
  const fromStore = (sha, file) => stored.get(sha)?.has(file) ?? false;
  for (const file of paths) {
    const missing = chain.filter((c, i) => read(i, file).status === "missing" && !fromStore(c.sha, file)).map((c) => c.sha);
    if (missing.length === chain.length && chain.length) {
      notes.push(
        `\`${file}\` is not in git at any of the ${chain.length} commits read${store ? " nor in the history store" : ""} (a DVC-cached or CI-made file?): its metrics have no history${store ? "" : "; the history store (input `history-store`, `--history-store`) would keep them"}.`
      );
    } else if (missing.length) {
      notes.push(`\`${file}\` is not in git at ${count(missing.length, "commit")} of the ${chain.length} read (${named2(missing)}): left out there.`);
    }
    const errors = chain.flatMap((c, i) => {
      const r = read(i, file);
      return r.status === "error" ? [`${shortSha(c.sha)}: ${r.message}`] : [];
    });
    if (errors.length) {
      const more2 = errors.length > NAMED2 ? `; and ${errors.length - NAMED2} more` : "";
      notes.push(`\`${file}\` could not be read at ${count(errors.length, "commit")}, skipped there (${errors.slice(0, NAMED2).join("; ")}${more2}).`);
    }
  }
  const oldestFirst2 = chain.map((commit, i) => ({ commit, i })).reverse();
  const metrics = [];
  for (const diff of request.metrics) {
    for (const row3 of diff.rows) {
      const head = finite(row3.new);
      if (head === null && finite(row3.old) === null) continue;
      const points = [];
      const lacking = [];
      const notNumbers = [];
      for (const { commit, i } of oldestFirst2) {
        if (inGit.has(commit.sha)) {
          const file = atCommits[i].get(diff.path);
          if (file.status !== "ok") continue;
          const value2 = file.values.get(row3.key);
          if (value2 !== void 0 && Number.isFinite(value2)) points.push({ commit: commit.sha, date: commit.date, value: value2 });
          else (value2 === void 0 ? lacking : notNumbers).push(commit.sha);
        } else {
          const value2 = stored.get(commit.sha)?.get(diff.path)?.get(row3.key);
          if (value2 !== void 0) points.push({ commit: commit.sha, date: commit.date, value: value2 });
        }
      }
      const name = `\`${diff.path}:${row3.key}\``;
      if (lacking.length)
        notes.push(`${name} is missing at ${count(lacking.length, "commit")} of the ${chain.length} read (${named2(lacking)}): left out there.`);
      if (notNumbers.length) notes.push(`${name} is not a finite number at ${count(notNumbers.length, "commit")} (${named2(notNumbers)}): left out there.`);
      metrics.push({ file: diff.path, key: row3.key, points, stats: historyStats(points.map((p) => p.value)), head });
    }
  }
  for (const note2 of notes) log.info(`History: ${note2}`);
  return { branch: request.base.label, depth: request.depth, metrics, notes };
}
function byFileAndKey(record) {
  const files = /* @__PURE__ */ new Map();
  for (const { file, key: key2, value: value2 } of record.metrics) {
    let keys = files.get(file);
    if (!keys) files.set(file, keys = /* @__PURE__ */ new Map());
    keys.set(key2, value2);
  }
  return files;
}
async function parsedAtBase(git, request) {
  const known = /* @__PURE__ */ new Map();
  if (!request.parsedAtBase?.size || !git.hasListing(request.base.sha)) return known;
  const listing = await git.listEntries(request.base.sha);
  for (const diff of request.metrics) {
    if (!request.parsedAtBase.has(diff.path) || !listing.get(diff.path)?.mode.startsWith("100")) continue;
    const values = /* @__PURE__ */ new Map();
    for (const row3 of diff.rows) {
      const value2 = typeof row3.old === "boolean" ? void 0 : numericValue(row3.old);
      if (value2 !== void 0) values.set(row3.key, value2);
    }
    known.set(diff.path, { status: "ok", values });
  }
  return known;
}
async function firstParents(git, request, notes, log) {
  const { base, depth } = request;
  const chain = [];
  let fetched = false;
  for (let next = base.sha; next && chain.length < depth; ) {
    let commit = await git.readCommit(next);
    if (!commit && !fetched) {
      fetched = true;
      if (await deepen(git, request, chain.length, notes, log)) commit = await git.readCommit(next);
      else break;
    }
    if (!commit) {
      notes.push(
        `Only ${chain.length} of the ${depth} commits asked for: git does not have ${shortSha(next)}, the parent of ${shortSha(chain.at(-1).sha)}, even after fetching.`
      );
      break;
    }
    chain.push({ sha: next, date: commit.date });
    next = commit.parents[0];
  }
  return chain;
}
async function deepen(git, request, have, notes, log) {
  const { base, depth } = request;
  const only = `Only ${have} of the ${depth} commits asked for`;
  if (!(await git.remotes()).includes("origin")) {
    notes.push(`${only}: this clone's history of ${base.label} ends there (a shallow clone?) and there is no remote 'origin' to fetch the rest from.`);
    return false;
  }
  log.info(`Fetching ${depth} commits of ${base.label}'s history (this clone holds ${have}).`);
  try {
    await git.fetchCommit(base.sha, "origin", depth);
    return true;
  } catch (error2) {
    notes.push(`${only}: fetching ${base.label}'s history from origin failed (${describeError(error2).split("\n")[0]}).`);
    return false;
  }
}
async function readMetricsAt(tree, path) {
  try {
    const bytes = await tree.read(path);
    if (!bytes) return { status: "missing" };
    let leaves = extension(path) === ".json" ? flattenJsonMetrics(bytes, new KeyTable())?.toMap() : void 0;
    if (!leaves) {
      let text2;
      try {
        text2 = UTF8.decode(bytes);
      } catch {
        return { status: "error", message: "not UTF-8 text" };
      }
      leaves = flattenMetrics(parseValueFile(path, text2, "metrics").data);
    }
    const values = /* @__PURE__ */ new Map();
    for (const [key2, leaf2] of leaves) {
      const value2 = typeof leaf2 === "boolean" ? void 0 : numericValue(leaf2);
      if (value2 !== void 0) values.set(key2, value2);
    }
    return { status: "ok", values };
  } catch (error2) {
    const message = describeError(error2);
    return { status: "error", message: message.startsWith(`${path}:`) ? message.slice(path.length + 1).trim() : message };
  }
}
function finite(leaf2) {
  const value2 = typeof leaf2 === "boolean" ? void 0 : numericValue(leaf2);
  return value2 !== void 0 && Number.isFinite(value2) ? value2 : null;
}
function named2(commits) {
  const shown2 = commits.slice(0, NAMED2).map(shortSha).join(", ");
  return commits.length > NAMED2 ? `${shown2}, and ${commits.length - NAMED2} more` : shown2;
}
function count(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

// src/report/data-section.ts
var OPEN_ROWS = 15;
var MAX_ROWS = 200;
var UNKNOWN_SIZE = "`?`: a file inside a directory output whose object is not in this run's DVC cache (DVC's `.dir` listings record no sizes, and the data is not downloaded to measure it).";
function dataChangesSection(data) {
  const lines2 = [];
  const rows = [];
  let unknownSize = false;
  const row3 = (change2, path, base, head) => {
    if (rows.length < MAX_ROWS && (base?.size === null || head?.size === null)) unknownSize = true;
    rows.push(`| ${change2} | ${path} | ${size(base)} | ${size(head)} |`);
  };
  for (const e of data.added) row3("added", code(e.path), null, e);
  for (const e of data.deleted) row3("deleted", code(e.path), e, null);
  for (const e of data.renamed) row3("renamed", `${code(e.path.old)} \u2192 ${code(e.path.new)}`, e, e);
  for (const e of data.modified) row3("modified", code(e.path), e.old, e.new);
  const counts2 = summary2(data);
  lines2.push(counts2 ? `${counts2} (DVC-tracked files; directories listed too).` : "No DVC-tracked file changed.");
  if (rows.length) {
    const table2 = ["| Change | Path | Base | Head |", "|---|---|---|---|"];
    for (const r of rows.slice(0, MAX_ROWS)) table2.push(r);
    if (rows.length > MAX_ROWS) table2.push(`| \u2026 | ${(rows.length - MAX_ROWS).toLocaleString("en-US")} more in report.json | | |`);
    if (rows.length > OPEN_ROWS) lines2.push("", `<details><summary>${rows.length.toLocaleString("en-US")} changed paths</summary>`, "");
    else lines2.push("");
    for (const line of table2) lines2.push(line);
    if (unknownSize) lines2.push("", UNKNOWN_SIZE);
    if (rows.length > OPEN_ROWS) lines2.push("", "</details>");
  }
  if (data.tables.length) {
    lines2.push("", "| Table | Base rows \xD7 columns | Head rows \xD7 columns |", "|---|---|---|");
    for (const t of data.tables) lines2.push(`| ${code(t.path)} | ${shape(t.base)} | ${shape(t.head)} |`);
    const unread = data.tables.filter((t) => t.note);
    if (unread.length) lines2.push("");
    for (const t of unread) lines2.push(`- ${code(t.path)} not counted: ${escapeCell(t.note)}`);
  }
  if (data.notInCache.length) {
    lines2.push("", `Not compared (DVC's "not in cache": the files inside are unknown on one side):`, "");
    for (const m of data.notInCache) lines2.push(`- ${code(m.path)}: ${escapeCell(m.reason)}`);
  }
  if (data.notes.length) {
    lines2.push("");
    for (const n of data.notes) lines2.push(`- ${escapeCell(n)}`);
  }
  return lines2.join("\n");
}
function summary2(data) {
  const files = (paths) => paths.filter((p) => !p.endsWith("/")).length;
  const parts = [
    [files(data.added.map((e) => e.path)), "added"],
    [files(data.deleted.map((e) => e.path)), "deleted"],
    [files(data.renamed.map((e) => e.path.new)), "renamed"],
    [files(data.modified.map((e) => e.path)), "modified"]
  ];
  return parts.filter(([n]) => n > 0).map(([n, s]) => `${n} ${s}`).join(", ");
}
function size(v) {
  if (!v) return "\u2013";
  if (v.size === null) return "?";
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let n = v.size;
  let u = 0;
  while (n >= 1024 && u < units.length - 1) {
    n /= 1024;
    u++;
  }
  return u === 0 ? `${n} B` : `${n.toFixed(1)} ${units[u]}`;
}
function shape(s) {
  return s ? `${s.rows.toLocaleString("en-US")} \xD7 ${s.columns}` : "\u2013";
}

// src/report/images.ts
var RELATIVE_IMAGES = {
  // encodeURIComponent leaves ( and ), which would end the link.
  url: (path) => path.split("/").map((part) => encodeURIComponent(part).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)).join("/"),
  where: "the report folder",
  charts: true
};
function hostedImages(hosted, where2, charts = true) {
  return { url: (path) => hosted.get(path) ?? null, where: where2, charts };
}
function plotImages(plots) {
  const paths = plots.flatMap((p) => [p.image, p.baseImage]).filter((p) => typeof p === "string" && p !== "");
  return [...new Set(paths)];
}
function reportImages(report2) {
  return [.../* @__PURE__ */ new Set([...plotImages(report2.plots), ...(report2.trends ?? []).flatMap((t) => t.image ? [t.image] : [])])];
}
function imagesNotShown(plots, images) {
  return plotImages(plots).filter((path) => images.url(path) === null).length;
}

// src/report/plots-markdown.ts
function plotsMarkdown(plots, images = RELATIVE_IMAGES) {
  const parts = [];
  for (const plot2 of plots) {
    const title2 = escapeCell(plot2.title);
    const id = plot2.id !== plot2.title ? ` (${code(plot2.id)})` : "";
    parts.push(`**${title2}**${id}`, "");
    if (plot2.image) parts.push(plotImage(plot2, plot2.image, images), "");
    if (plot2.baseImage && plot2.baseImage !== plot2.image) {
      const url = images.url(plot2.baseImage);
      parts.push(url ? `At the base: [${title2}](${url})` : `At the base: ${title2} (${fileIn(plot2.baseImage, images)})`, "");
    }
    const notes = [...plot2.notes, ...plot2.error ? [`could not be drawn: ${plot2.error}`] : []];
    if (notes.length) parts.push(notes.map((n) => `_${escapeCell(n)}_`).join("\n"), "");
  }
  return parts.join("\n").trimEnd();
}
function plotImage(plot2, image, images) {
  const title2 = escapeCell(plot2.title);
  const url = images.url(image);
  if (url) return `![${title2}](${url})`;
  const chart = images.charts ? mermaidChart(plot2) : null;
  return chart ?? `_${title2 || escapeCell(image)}: ${fileIn(image, images)}._`;
}
function fileIn(path, images) {
  const kind = path.slice(path.lastIndexOf(".") + 1).toUpperCase().replace("JPG", "JPEG");
  return `${kind} ${code(path)} in ${images.where}`;
}

// src/report/pipeline-section.ts
var STATUS_TEXT = {
  ran: "ran",
  skipped: "skipped (unchanged)",
  failed: "**failed**",
  "not-run": "not run"
};
function pipelineSection(pipeline2) {
  if (!pipeline2.stages.length) return "_No stages._";
  const lines2 = ["| Stage | Result | Time | Why |", "|---|---|---|---|"];
  for (const s of pipeline2.stages) {
    const status = s.status === "skipped" && s.reasons?.includes("frozen") ? "skipped (frozen)" : STATUS_TEXT[s.status];
    const why = s.status === "failed" ? s.error ?? "" : (s.reasons ?? []).join("; ");
    const time = s.status === "ran" || s.status === "failed" ? formatSeconds(s.seconds) : "\u2013";
    lines2.push(`| ${escapeCell(s.name)} | ${status} | ${time} | ${escapeCell(why)} |`);
  }
  for (const s of pipeline2.stages) {
    if (s.status !== "failed" || !s.log) continue;
    const fence = "`".repeat(Math.max(3, longestBacktickRun(s.log) + 1));
    lines2.push("", `<details><summary>${escapeCell(s.name)}: last lines of output</summary>`, "", fence, s.log, fence, "", "</details>");
  }
  return lines2.join("\n");
}
function formatSeconds(seconds) {
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const m = Math.floor(seconds / 60);
  return `${m} min ${Math.round(seconds - m * 60)} s`;
}
function longestBacktickRun(text2) {
  return (text2.match(/`+/g) ?? []).reduce((m, r) => Math.max(m, r.length), 0);
}

// src/report/trends-section.ts
var OPEN_TRENDS = 4;
var SHOWN_NOTES = 5;
function trendsSection(report2, images) {
  const history2 = report2.history;
  if (!history2 || !report2.trends.length) return null;
  const direction = metricDirections(report2);
  const rows = [];
  const charts = [];
  const counts2 = /* @__PURE__ */ new Map();
  for (const trend2 of report2.trends) {
    const metric = history2.metrics.find((m) => m.file === trend2.file && m.key === trend2.key);
    if (!metric) continue;
    counts2.set(trend2.standing, (counts2.get(trend2.standing) ?? 0) + 1);
    const latest = metric.points.at(-1);
    const range = trendBand(metric.stats, trend2.k);
    const stats3 = metric.stats;
    rows.push(
      `| ${[
        escapeCell(trend2.file),
        escapeCell(trend2.key),
        latest ? `${formatNumber(latest.value)} (${code(latest.commit.slice(0, 7))})` : "-",
        stats3 ? `${formatNumber(stats3.mean)} \xB1 ${formatNumber(stats3.std)} (${stats3.n})` : `- (${metric.points.length})`,
        range ? `${formatNumber(range.low)} to ${formatNumber(range.high)} (\xB1${formatNumber(trend2.k)}\xB7std${trend2.rule ? ", the rule\u2019s" : ""})` : "-",
        metric.head === null ? "-" : formatNumber(metric.head),
        trendVerdict(trend2, metric, range, direction(trend2.file, trend2.key))
      ].join(" | ")} |`
    );
    const title2 = `${escapeCell(trend2.key)} (${escapeCell(trend2.file)})`;
    const url = trend2.image ? images.url(trend2.image) : null;
    const chart = url ? `![Trend of ${title2}](${url})` : images.charts ? trendChart(trend2, metric, report2.head.label) : null;
    if (chart) charts.push(chart);
    else if (trend2.image) charts.push(`_Trend of ${title2}: PNG ${code(trend2.image)} in ${images.where}._`);
    if (trend2.error) charts.push(`_${escapeCell(trend2.error)}_`);
  }
  if (!rows.length) return null;
  const order = ["beyond", "within", "not-enough", "no-value"];
  const summary3 = order.flatMap((s) => counts2.get(s) ? [`${counts2.get(s)} ${standingText(s)}`] : []).join(", ");
  const lines2 = [
    "### Trends",
    "",
    `${summary3}, against the values of the last ${history2.depth} first-parent commits of ${code(history2.branch)}. The band is their mean \xB1 k\xB7std: k is the gate rule\u2019s (its multiplier of \`history.std\`), else 2.`,
    "",
    `| Path | Metric | Latest base | Mean \xB1 std (n) | Band | ${escapeCell(report2.head.label)} | Against the noise |`,
    "|---|---|---|---|---|---|---|",
    ...rows
  ];
  if (history2.notes.length) {
    const more2 = history2.notes.length - SHOWN_NOTES;
    lines2.push("");
    for (const note2 of history2.notes.slice(0, SHOWN_NOTES)) lines2.push(`- ${escapeCellKeepingCode(note2)}`);
    if (more2 > 0) lines2.push(`- _\u2026 and ${groupDigits(more2)} more notes: report.json has them all._`);
  }
  if (charts.length && rows.length > OPEN_TRENDS)
    lines2.push("", `<details><summary>Trend charts of ${rows.length} metrics</summary>`, "", charts.join("\n\n"), "", "</details>");
  else if (charts.length) lines2.push("", charts.join("\n\n"));
  return lines2.join("\n");
}
function trendVerdict(trend2, metric, range, better) {
  const head = metric.head;
  if (trend2.standing === "within") return `\u2705 ${standingText("within")}`;
  if (trend2.standing === "not-enough") return `${standingText("not-enough")} (${metric.points.length} of 3 values)`;
  if (trend2.standing !== "beyond" || head === null || !range) return standingText(trend2.standing);
  const above2 = head > range.high;
  const effect2 = better ? better === "higher" === above2 ? ", better" : ", worse" : "";
  return `\u2757 **${standingText("beyond")}** (${above2 ? "above" : "below"} the band${effect2})`;
}

// src/report/values-section.ts
var MAX_CELL = 120;
var EFFECT_TEXT = { better: "\u2705 better", worse: "\u274C worse" };
function valueTable(kind, labels, direction) {
  const metrics = kind === "metrics";
  const withBase = labels.base !== null;
  const header = ["Path", metrics ? "Metric" : "Param"];
  if (withBase) header.push(cell2(labels.base));
  header.push(cell2(labels.head));
  if (metrics && withBase) header.push("Change");
  if (direction) header.push(withBase ? "Better or worse" : "Direction");
  let lastPath;
  let pathCell = "";
  return {
    header: [`| ${header.join(" | ")} |`, `|${header.map(() => "---").join("|")}|`],
    row(path, row3) {
      if (path !== lastPath) {
        lastPath = path;
        pathCell = cell2(path);
      }
      const values = formatRowValues(row3, !metrics);
      let line = `| ${pathCell} | ${cell2(row3.key)}`;
      if (withBase) line += ` | ${cell2(values[0])}`;
      line += ` | ${cell2(values[1])}`;
      if (metrics && withBase) line += ` | ${cell2(formatChange(row3))}`;
      if (direction) {
        const dir = direction(path, row3.key);
        const mark = withBase ? effect(row3.diff, dir) : null;
        line += ` | ${mark ? EFFECT_TEXT[mark] : !withBase && dir ? `${dir} is better` : ""}`;
      }
      return `${line} |`;
    }
  };
}
function valuesSection(kind, files, labels, options = {}) {
  let rows = 0;
  let changed = 0;
  const noted = /* @__PURE__ */ new Map();
  for (let i = 0; i < files.length; i++) {
    const f = files[i];
    const list3 = f.rows;
    rows += list3.length;
    for (let k = 0; k < list3.length; k++) if (list3[k].changed) changed++;
    for (const n of f.notes) {
      const paths = noted.get(n);
      if (paths) paths.push(f.path);
      else noted.set(n, [f.path]);
    }
  }
  const notes = noteLines(noted);
  if (!rows) return [`_No ${kind} found._`, ...notes ? ["", notes] : []].join("\n");
  const direction = kind === "metrics" ? options.direction ?? ((_path, key2) => guessDirection(key2)) : void 0;
  const known = direction && files.some((f) => f.rows.some((row3) => direction(f.path, row3.key))) ? direction : null;
  const withBase = labels.base !== null;
  const table2 = valueTable(kind, labels, known);
  const draw2 = (pick2) => {
    let text2 = table2.header.join("\n");
    for (let i = 0; i < files.length; i++) {
      const { path, rows: list3 } = files[i];
      for (let k = 0; k < list3.length; k++) {
        const r = list3[k];
        if (pick2 === null || Boolean(r.changed) === pick2) text2 += `
${table2.row(path, r)}`;
      }
    }
    return text2;
  };
  const unchanged = withBase ? rows - changed : 0;
  const parts = [];
  parts.push(!withBase ? draw2(null) : changed ? draw2(true) : `_No ${kind} changed._`);
  if (unchanged) {
    parts.push("", `<details><summary>${unchanged} unchanged ${unchanged === 1 ? kind.slice(0, -1) : kind}</summary>`, "", draw2(false), "", "</details>");
  }
  if (notes) parts.push("", notes);
  return parts.join("\n");
}
var NAMED_FILES = 3;
function noteLines(noted) {
  const lines2 = [];
  for (const [note2, paths] of noted) {
    if (paths.length <= NAMED_FILES) for (const path of paths) lines2.push(`- ${code(path)}: ${escapeCell(note2)}`);
    else {
      const more2 = paths.length - NAMED_FILES;
      lines2.push(
        `- ${paths.slice(0, NAMED_FILES).map((p) => code(p)).join(", ")} and ${groupDigits(more2)} other files: ${escapeCell(note2)}`
      );
    }
  }
  return lines2.join("\n");
}
function cell2(text2) {
  const cut = text2.length > MAX_CELL ? `${text2.slice(0, MAX_CELL)}\u2026 (${groupDigits(text2.length)} characters)` : text2;
  return escapeCell(cut);
}

// src/report/causes-section.ts
var MAX_CAUSE_ITEMS = 8;
var MAX_LINE_METRICS = 5;
var OPEN_CAUSE_LINES = 10;
var MAX_CAUSE_LINES = 100;
var MAX_CAUSE_VALUE = 40;
var NON_DETERMINISM = "likely non-determinism (seed, data order, hardware)";
var BY_HAND = "likely a values file renamed or edited by hand";
function causesSection(metrics) {
  const groups = /* @__PURE__ */ new Map();
  let rows = 0;
  let firstPath;
  let manyFiles = false;
  for (let i = 0; i < metrics.length; i++) {
    const f = metrics[i];
    const list3 = f.rows;
    for (let k = 0; k < list3.length; k++) {
      const row3 = list3[k];
      if (!row3.causes) continue;
      rows++;
      firstPath ??= f.path;
      if (f.path !== firstPath) manyFiles = true;
      let group2 = groups.get(row3.causes);
      if (!group2) groups.set(row3.causes, group2 = { count: 0, named: [], moved: false });
      if (row3.old !== void 0 && row3.new !== void 0) group2.moved = true;
      if (group2.count++ < MAX_LINE_METRICS) group2.named.push({ path: f.path, row: row3 });
    }
  }
  if (!rows) return null;
  const lines2 = [];
  for (const [causes, group2] of groups) {
    if (lines2.length === MAX_CAUSE_LINES) break;
    const named3 = group2.named.map(({ path, row: row3 }) => `${code(manyFiles ? `${path}: ${row3.key}` : row3.key)} ${causeMove(row3)}`);
    const more2 = group2.count > MAX_LINE_METRICS ? `, and ${groupDigits(group2.count - MAX_LINE_METRICS)} more` : "";
    lines2.push(`- ${named3.join(", ")}${more2} \u2190 ${causeText(causes, group2.moved ? NON_DETERMINISM : BY_HAND)}`);
  }
  if (groups.size > MAX_CAUSE_LINES) lines2.push(`- _\u2026 ${groupDigits(groups.size - MAX_CAUSE_LINES)} more causes: report.json has every changed metric's._`);
  const title2 = "#### Why it changed";
  if (lines2.length <= OPEN_CAUSE_LINES) return [title2, "", ...lines2].join("\n");
  return [title2, "", `<details><summary>${groupDigits(rows)} changed metrics</summary>`, "", ...lines2, "", "</details>"].join("\n");
}
function causeMove(row3) {
  if (row3.old === void 0) return `added (${causeValue(row3.new)})`;
  if (row3.new === void 0) return `removed (was ${causeValue(row3.old)})`;
  return row3.diff === void 0 ? `${causeValue(row3.old)}\u2192${causeValue(row3.new)}` : formatChange(row3);
}
function causeText(causes, unexplained) {
  const parts = [];
  let items = 0;
  let more2 = causes.omitted;
  const take = (list3) => {
    const room = Math.max(0, MAX_CAUSE_ITEMS - items);
    items += Math.min(room, list3.length);
    more2 += Math.max(0, list3.length - room);
    return list3.slice(0, room);
  };
  if (causes.basis === "pipeline") {
    for (const stage2 of causes.stages) {
      const own = (list3) => list3.filter((x) => x.stages[0] === stage2.name);
      const definition = stage2.definition ? [CAUSE_DEFINITION[stage2.definition]] : [];
      const shown2 = take([...definition, ...own(causes.params).map(paramText), ...own(causes.files).map(fileText), ...own(causes.data).map(dataText)]);
      if (shown2.length) parts.push(`${code(stage2.name)}${CAUSE_VERB[stage2.status]}: ${shown2.join(", ")}`);
    }
    if (!parts.length)
      parts.push(
        causes.nothingUpstream ? `nothing upstream of ${code(causes.stage ?? "")} changed: ${unexplained}` : "no upstream param, file or data change found"
      );
  } else {
    const listed = take([...causes.params.map(paramText), ...causes.files.map(fileText), ...causes.data.map(dataText)]);
    const basis = causes.basis === "no-pipeline" ? "no pipeline" : "no stage writes this file";
    parts.push(
      listed.length ? `${basis}: all changed params and files listed: ${listed.join(", ")}` : `${basis}, and no param, file or data changed: ${unexplained}`
    );
  }
  if (more2) parts[parts.length - 1] += `, and ${groupDigits(more2)} more`;
  return [...parts, ...causes.unknown.map(escapeCell)].join("; ");
}
var CAUSE_VERB = {
  ran: " re-ran",
  updated: " re-ran",
  "out-of-date": " would re-run",
  failed: " failed",
  "not-run": " did not run",
  new: " is new",
  unchanged: "",
  unknown: ""
};
var CAUSE_DEFINITION = {
  command: "command changed",
  definition: "definition in dvc.yaml changed",
  new: "new stage"
};
function paramText(p) {
  const name = code(p.file === "params.yaml" ? p.key : `${p.file}:${p.key}`);
  if (p.old === void 0) return `${name} added (${causeValue(p.new)})`;
  if (p.new === void 0) return `${name} removed (was ${causeValue(p.old)})`;
  return `${name} ${causeValue(p.old)}\u2192${causeValue(p.new)}`;
}
function causeValue(leaf2) {
  const text2 = displayValue(leaf2, null);
  return escapeCell(text2.length > MAX_CAUSE_VALUE ? `${text2.slice(0, MAX_CAUSE_VALUE)}\u2026` : text2);
}
function fileText(f) {
  return `${code(f.path)} ${f.binary ? "binary" : `+${f.added}/${MINUS}${f.deleted}`}`;
}
function dataText(d) {
  if (!d.old) return `${code(d.path)} added${d.new ? ` (${extentText(d.new)})` : ""}`;
  if (!d.new) return `${code(d.path)} removed`;
  if (d.old.size === null || d.new.size === null) return `${code(d.path)} modified (size unknown: ${d.source} records none)`;
  const files = d.old.nfiles !== null && d.new.nfiles !== null && d.old.nfiles !== d.new.nfiles ? `, ${d.old.nfiles}\u2192${d.new.nfiles} files` : "";
  const [a, b] = byteText(d.old.size) === byteText(d.new.size) ? [`${d.old.size} B`, `${d.new.size} B`] : [byteText(d.old.size), byteText(d.new.size)];
  return `${code(d.path)} ${a}\u2192${b}${files}`;
}
function extentText(m) {
  const size2 = m.size === null ? "size unknown" : byteText(m.size);
  return m.nfiles === null ? size2 : `${size2}, ${m.nfiles} files`;
}
function byteText(n) {
  if (n < 1024) return `${n} B`;
  const units = ["KiB", "MiB", "GiB", "TiB"];
  let v = n / 1024;
  let i = 0;
  for (; v >= 1024 && i < units.length - 1; i++) v /= 1024;
  return `${v < 10 ? v.toFixed(1) : Math.round(v)} ${units[i]}`;
}

// src/report/markdown.ts
var REPORT_MARKER = "<!-- mlreport -->";
var REPORT_FILE = { images: RELATIVE_IMAGES };
function composeMarkdown(report2, options = REPORT_FILE) {
  const parts = [...top(report2, options), ""];
  if (report2.gates) parts.push(gatesSection(report2.gates), "");
  if (report2.pipeline) parts.push("### Pipeline", "", pipelineSection(report2.pipeline), "");
  const labels = { base: report2.base?.label ?? null, head: report2.head.label };
  const direction = metricDirections(report2);
  parts.push("### Metrics", "", valuesSection("metrics", report2.metrics, labels, { direction }), "");
  const causes = causesSection(report2.metrics);
  if (causes) parts.push(causes, "");
  const trends = trendsSection(report2, options.images);
  if (trends) parts.push(trends, "");
  parts.push("### Params", "", valuesSection("params", report2.params, labels), "");
  if (report2.data) parts.push("### Data changes", "", dataChangesSection(report2.data), "");
  if (report2.plots.length) parts.push("### Plots", "", plotsMarkdown(report2.plots, options.images), "");
  if (report2.warnings.length) {
    parts.push("### Notes", "");
    for (const w of report2.warnings) parts.push(`- ${escapeCellKeepingCode(w)}`);
    parts.push("");
  }
  if (options.footer) parts.push(options.footer, "");
  return parts.join("\n");
}
function top(report2, options) {
  const base = report2.base ? `${code(report2.base.label)}${report2.base.sha && report2.base.sha.slice(0, 7) !== report2.base.label ? ` (${report2.base.sha.slice(0, 7)})` : ""}` : "no base";
  const lines2 = [...options.header ? [options.header] : [], REPORT_MARKER, `## ${escapeCell(report2.verdict.line)}`, ""];
  lines2.push(`**mlreport** \xB7 ${code(report2.head.label)} vs ${base} \xB7 ${report2.verdict.counts}`);
  if (report2.projectErrors?.length) {
    lines2.push("", "### \u274C Project files that do not parse", "");
    for (const e of report2.projectErrors) lines2.push(`- ${escapeCell(e)}`);
  }
  if (report2.stale.length) {
    lines2.push(
      "",
      "> [!WARNING]",
      `> ${report2.stale.length === 1 ? "A stage is" : `${report2.stale.length} stages are`} out of date: the pipeline was not reproduced, so the values below are from the last run, not from this change.`
    );
    for (const s of report2.stale) lines2.push(`> - ${code(s.stage)}: ${escapeCell(s.reasons.join("; "))}`);
  }
  return lines2;
}

// src/report/to-json.ts
function reportJson(report2) {
  const causes = [];
  const index = /* @__PURE__ */ new Map();
  const metrics = report2.metrics.map((file) => ({
    ...file,
    rows: file.rows.map((row3) => {
      if (!row3.causes) return row3;
      let at = index.get(row3.causes);
      if (at === void 0) {
        at = causes.push(row3.causes) - 1;
        index.set(row3.causes, at);
      }
      return { ...row3, causes: at };
    })
  }));
  return { ...report2, metrics, causes };
}

// src/plots/collect.ts
import { isAscii } from "node:buffer";
import { posix as posix9 } from "node:path";

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

// src/values/cached-outputs.ts
function withCachedOutputs(tree, data) {
  let outs = null;
  const reasons = /* @__PURE__ */ new Map();
  const manifests = /* @__PURE__ */ new Map();
  let atRevision = null;
  const source = (data2) => tree.isCommit && tree.dvcConfig ? atRevision ??= tree.dvcConfig().then((bytes) => data2.atRevision(bytes?.toString("utf8") ?? null, tree.name)) : Promise.resolve(data2);
  const index = async () => {
    const project = await loadProject(tree);
    const found = lockedOutputs(project);
    for (const file of project.dvcFiles) {
      for (const out of file.outs) if (out.md5) found.push({ path: out.path, oid: out.md5, legacy: out.hashName !== "md5" });
    }
    return found;
  };
  const resolve7 = async (path) => {
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
      return await resolve7(path);
    } catch (error2) {
      reasons.set(path, describeError(error2));
      return null;
    }
  };
  return {
    name: tree.name,
    isCommit: tree.isCommit,
    list: () => tree.list(),
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
    whyMissing: (path) => reasons.get(path)
  };
}

// src/plots/lttb.ts
function lttbIndices(xs, ys, threshold) {
  const n = xs.length;
  if (threshold >= n || threshold < 3) return Array.from({ length: n }, (_, i) => i);
  const kept = [0];
  const bucket = (n - 2) / (threshold - 2);
  let a = 0;
  for (let i = 0; i < threshold - 2; i++) {
    const nextStart = Math.floor((i + 1) * bucket) + 1;
    const nextEnd = Math.min(Math.floor((i + 2) * bucket) + 1, n);
    let avgX = 0;
    let avgY = 0;
    for (let j = nextStart; j < nextEnd; j++) {
      avgX += xs[j];
      avgY += ys[j];
    }
    const count2 = nextEnd - nextStart;
    avgX /= count2;
    avgY /= count2;
    const start = Math.floor(i * bucket) + 1;
    const end = Math.floor((i + 1) * bucket) + 1;
    const ax = xs[a];
    const ay = ys[a];
    let best = start;
    let bestArea = -1;
    for (let j = start; j < end; j++) {
      const area = Math.abs((ax - avgX) * (ys[j] - ay) - (ax - xs[j]) * (avgY - ay));
      if (area > bestArea) {
        bestArea = area;
        best = j;
      }
    }
    kept.push(best);
    a = best;
  }
  kept.push(n - 1);
  return kept;
}

// src/plots/data.ts
import { posix as posix7 } from "node:path";
function parsePlotData(path, text2, header = true) {
  const ext = posix7.extname(path).toLowerCase();
  if (ext === ".csv" || ext === ".tsv") {
    const table2 = new PlotTable(scanDelimited(path, text2, ext === ".tsv" ? "	" : ","), header);
    const dagshub = header && isExactLoggerHeader(table2.names);
    let rows = null;
    return {
      table: table2,
      dagshub,
      get rows() {
        rows ??= table2.rowObjects();
        return rows;
      }
    };
  }
  if (ext === ".json" || ext === ".yaml" || ext === ".yml") {
    return { rows: findDatapoints(parseValuesText(path, text2)), dagshub: false };
  }
  throw new UserError(`${path}: plot data must be .json, .yaml, .yml, .csv or .tsv (or an image: .png, .jpg, .svg).`);
}
function findDatapoints(doc) {
  const lists = [];
  const visit = (value2) => {
    if (Array.isArray(value2)) {
      if (value2.length && value2.every(isRecord) && sameKeys(value2)) lists.push(value2);
      return;
    }
    if (isRecord(value2)) for (const v of Object.values(value2)) visit(v);
  };
  visit(doc);
  const length = lists.reduce((m, l) => Math.max(m, l.length), 0);
  const rows = [];
  for (let i = 0; i < length; i++) rows.push(Object.assign({}, ...lists.map((l) => l[i] ?? {})));
  return rows;
}
function scanDelimited(path, text2, delimiter) {
  try {
    return scanCsv(text2, delimiter);
  } catch (error2) {
    if (error2 instanceof SyntaxProblem) throw new UserError(`${path}:${error2.line}: a quoted field is never closed.`);
    throw error2;
  }
}
var NumberTally = class {
  bad = -1;
  nans = 0;
  ascending = true;
  last = -Infinity;
  /** Row `r`'s number (undefined: text that is no number), as stored: NaN for none. */
  add(n, r) {
    if (n === void 0) {
      if (this.bad < 0) this.bad = r;
      this.nans++;
      return Number.NaN;
    }
    if (Number.isNaN(n)) this.nans++;
    else {
      if (n < this.last) this.ascending = false;
      this.last = n;
    }
    return n;
  }
  column(values) {
    return { values, bad: this.bad, nans: this.nans, ascending: this.ascending };
  }
};
var PlotTable = class {
  constructor(cells, header) {
    this.cells = cells;
    const first = cells.records ? cells.fields(0) : [];
    this.names = header ? first : first.map((_, i) => String(i));
    this.body = header && cells.records ? 1 : 0;
    this.length = cells.records - this.body;
    this.names.forEach((name, i) => this.index.set(name, i));
  }
  cells;
  names;
  /** Data rows. */
  length;
  body;
  /** A name the header repeats is its last column, as in the row objects. */
  index = /* @__PURE__ */ new Map();
  numberCache = /* @__PURE__ */ new Map();
  has(name) {
    return this.index.has(name);
  }
  strings(name) {
    const col = this.index.get(name);
    return Array.from({ length: this.length }, (_, r) => this.cell(r, col));
  }
  numbers(name) {
    const col = this.index.get(name);
    let cached = this.numberCache.get(col);
    if (cached) return cached;
    let bad = -1;
    const column = this.cells.numbers(col, this.body, this.body + this.length, (text2, r) => {
      const n = toNumber3(text2);
      if (n === void 0 && bad < 0) bad = r;
      return n ?? Number.NaN;
    });
    cached = { ...column, bad };
    this.numberCache.set(col, cached);
    return cached;
  }
  /** Row `r`'s cell in column `col` ('' when the row is short). */
  cell(r, col) {
    return this.cells.field(this.body + r, col) ?? "";
  }
  rowObjects() {
    return Array.from({ length: this.length }, (_, r) => {
      const cells = this.cells.fields(this.body + r);
      const row3 = {};
      for (let i = 0; i < this.names.length; i++) row3[this.names[i]] = cells[i] ?? "";
      return row3;
    });
  }
};
function sameKeys(rows) {
  const first = Object.keys(rows[0]).sort().join("\0");
  return rows.every((r) => Object.keys(r).sort().join("\0") === first);
}
function isRecord(value2) {
  return value2 !== null && typeof value2 === "object" && !Array.isArray(value2);
}

// src/plots/datapoints.ts
var INDEX_FIELD = "step";
var INFERRED_X = "dvc_inferred_x_value";
var INFERRED_Y = "dvc_inferred_y_value";
var DAGSHUB_VALUE = "value";
var PlotDataError = class extends UserError {
};
function resolveSources(def, files) {
  return def.sources.map((source) => {
    const data = files.get(source.file);
    if (!data) throw new PlotDataError(`${source.file} does not exist`);
    if (!rowCount(data)) throw new PlotDataError(`${source.file} has no data rows`);
    if (data.dagshub) {
      const names = dagshubNames(data);
      const ys2 = source.y.length ? source.y : names;
      for (const y of ys2) if (!names.includes(y)) throw new PlotDataError(`${source.file} has no series named '${y}' (Name column has: ${list2(names)})`);
      return { file: source.file, x: null, ys: ys2, dagshub: true };
    }
    const keys = data.table ? distinct(data.table.names) : Object.keys(data.rows[0]);
    const ys = source.y.length ? source.y : keys.slice(-1);
    for (const field of [...ys, ...source.x ? [source.x] : []]) {
      if (data.table ? !data.table.has(field) : !data.rows.some((r) => field in r)) {
        const which2 = field === source.x ? "x" : "y";
        throw new PlotDataError(`${source.file} has no ${which2} field '${field}' (fields: ${list2(keys)})`);
      }
    }
    return { file: source.file, x: source.x, ys, dagshub: false };
  });
}
function rowCount(data) {
  return data.table ? data.table.names.length ? data.table.length : 0 : data.rows.length;
}
function dagshubNames(data) {
  const { table: table2 } = data;
  const column = table2?.has("Name") ? table2.strings("Name") : table2?.has("name") ? table2.strings("name") : data.rows.map((r) => scalarText(r.Name ?? r.name));
  return distinct(column);
}
function frameFields(sources) {
  const xs = distinct(sources.map((s) => s.dagshub ? INDEX_FIELD : s.x ?? INDEX_FIELD));
  const ys = distinct(sources.flatMap((s) => s.dagshub ? [DAGSHUB_VALUE] : s.ys));
  const yNames = distinct(sources.flatMap((s) => s.ys));
  const seriesCount = sources.reduce((n, s) => n + s.ys.length, 0);
  return {
    x: xs.length > 1 ? INFERRED_X : xs[0],
    y: ys.length > 1 ? INFERRED_Y : ys[0],
    multi: seriesCount > 1,
    defaultXLabel: xs.join(", "),
    defaultYLabel: yNames.length <= 3 ? yNames.join(", ") : "value"
  };
}
function revisionDatapoints(sources, fields, rev, files) {
  const names = shortNames(sources.map((s) => s.file));
  const points = [];
  sources.forEach((source, si) => {
    const data = files.get(source.file);
    if (!data) return;
    const filename = names[si];
    for (const yField of source.ys) {
      const series2 = seriesName(sources, filename, yField);
      if (source.dagshub) {
        for (const row3 of data.rows) {
          if (String(row3.Name ?? row3.name) !== yField) continue;
          const point = {
            ...row3,
            [INDEX_FIELD]: row3.Step ?? row3.step,
            [DAGSHUB_VALUE]: row3.Value ?? row3.value,
            rev,
            filename,
            field: yField,
            series: series2
          };
          point[fields.x] = point[INDEX_FIELD];
          point[fields.y] = point[DAGSHUB_VALUE];
          points.push(point);
        }
        continue;
      }
      data.rows.forEach((row3, index) => {
        if (!(yField in row3)) return;
        const point = { ...row3, rev, filename, field: yField, series: series2 };
        if (source.x === null) point[INDEX_FIELD] = index;
        if (fields.x !== (source.x ?? INDEX_FIELD)) point[fields.x] = source.x === null ? index : row3[source.x];
        if (fields.y !== yField) point[fields.y] = row3[yField];
        points.push(point);
      });
    }
  });
  return points;
}
function revisionSeries(sources, rev, files) {
  const names = shortNames(sources.map((s) => s.file));
  const out = [];
  sources.forEach((source, si) => {
    const data = files.get(source.file);
    if (!data) return;
    const filename = names[si];
    for (const yField of source.ys) {
      const series2 = seriesName(sources, filename, yField);
      const table2 = data.table;
      if (table2 && !source.dagshub) {
        const y = tableColumn(table2, yField);
        const x = source.x === null ? indexColumn(table2.length) : tableColumn(table2, source.x);
        out.push({ rev, filename, field: yField, series: series2, x, y });
        continue;
      }
      const xs = [];
      const ys = [];
      const rows = [];
      data.rows.forEach((row3, index) => {
        if (source.dagshub) {
          if (String(row3.Name ?? row3.name) !== yField) return;
          xs.push(row3.Step ?? row3.step);
          ys.push(row3.Value ?? row3.value);
        } else {
          if (!(yField in row3)) return;
          xs.push(source.x === null ? index : row3[source.x]);
          ys.push(row3[yField]);
        }
        rows.push(index + 1);
      });
      out.push({ rev, filename, field: yField, series: series2, x: arrayColumn(xs), y: arrayColumn(ys), rows });
    }
  });
  return out;
}
function tableColumn(table2, name) {
  let strings = null;
  return {
    length: table2.length,
    at: (i) => (strings ??= table2.strings(name))[i],
    numbers: () => table2.numbers(name)
  };
}
function indexColumn(length) {
  return { length, at: (i) => i, numbers: () => ({ values: Float64Array.from({ length }, (_, i) => i), bad: -1, nans: 0, ascending: true }) };
}
function arrayColumn(values) {
  return {
    length: values.length,
    at: (i) => values[i],
    numbers: () => {
      const tally = new NumberTally();
      return tally.column(Float64Array.from(values, (v, i) => tally.add(toNumber3(v), i)));
    }
  };
}
function seriesName(sources, filename, field) {
  const severalFiles = sources.length > 1;
  const severalFields = distinct(sources.flatMap((s) => s.ys)).length > 1;
  if (severalFiles && severalFields) return `${filename}::${field}`;
  return severalFiles ? filename : field;
}
function shortNames(files) {
  if (files.length < 2) return files;
  const parts = files.map((f) => f.split("/"));
  let common2 = 0;
  while (parts.every((p) => common2 < p.length - 1 && p[common2] === parts[0][common2])) common2++;
  return parts.map((p) => p.slice(common2).join("/"));
}
function distinct(values) {
  return [...new Set(values)];
}
function list2(values) {
  return values.length > 12 ? `${values.slice(0, 12).join(", ")}, \u2026` : values.join(", ");
}
function scalarText(value2) {
  return typeof value2 === "string" || typeof value2 === "number" || typeof value2 === "boolean" ? String(value2) : "";
}

// src/plots/series.ts
var MAX_LINE_POINTS = 1280;
var MAX_SCATTER_POINTS = 5e3;
function coerceNumeric(points, field, axis) {
  const kept = [];
  let dropped = 0;
  for (let i = 0; i < points.length; i++) {
    const p = points[i];
    const value2 = toNumber3(p[field]);
    if (value2 === void 0) {
      throw new PlotDataError(
        `${axis} field '${field}' in ${String(p.filename)} (${String(p.rev)}) is ${JSON.stringify(p[field])} at data row ${rowOf(points, i)}: expected a number`
      );
    }
    if (Number.isNaN(value2)) {
      dropped++;
      continue;
    }
    p[field] = value2;
    kept.push(p);
  }
  return { points: kept, dropped };
}
function rowOf(points, i) {
  const p = points[i];
  let row3 = 1;
  for (let j = 0; j < i; j++) {
    const q = points[j];
    if (q.rev === p.rev && q.filename === p.filename && q.field === p.field) row3++;
  }
  return row3;
}
function reduceSeries(all, o, maxLinePoints = MAX_LINE_POINTS) {
  const points = [];
  let dropped = 0;
  let from = null;
  for (const s of all) {
    const n = s.y.length;
    const xn = o.numericX ? s.x.numbers() : null;
    const yn = o.numericY ? s.y.numbers() : null;
    const xBad = xn?.bad ?? -1;
    const yBad = yn?.bad ?? -1;
    if (xBad >= 0 && (yBad < 0 || xBad <= yBad)) throw notNumber(s, "x", o.x, s.x, xBad);
    if (yBad >= 0) throw notNumber(s, "y", o.y, s.y, yBad);
    const whole = !xn?.nans && !yn?.nans;
    let count2 = n;
    if (!whole) {
      count2 = 0;
      for (let i = 0; i < n; i++) if (!(xn && Number.isNaN(xn.values[i])) && !(yn && Number.isNaN(yn.values[i]))) count2++;
    }
    dropped += n - count2;
    let keep = null;
    let xs = xn?.values ?? null;
    let ys = yn?.values ?? null;
    if (count2 < n) {
      keep = new Int32Array(count2);
      const kx = xs ? new Float64Array(count2) : null;
      const ky = ys ? new Float64Array(count2) : null;
      let k = 0;
      for (let i = 0; i < n; i++) {
        if (xs && Number.isNaN(xs[i]) || ys && Number.isNaN(ys[i])) continue;
        if (kx) kx[k] = xs[i];
        if (ky) ky[k] = ys[i];
        keep[k++] = i;
      }
      xs = kx;
      ys = ky;
    }
    const max = o.reduce === "lines" ? maxLinePoints : o.reduce === "points" ? MAX_SCATTER_POINTS : Infinity;
    let chosen = { length: count2 };
    let identity = true;
    if (count2 > max) {
      from = Math.max(from ?? 0, count2);
      identity = false;
      if (o.reduce === "lines" && xs && ys) {
        if (whole ? xn.ascending : ascending(xs, count2)) chosen = lttbIndices(xs, ys, max);
        else {
          const order = Array.from({ length: count2 }, (_, k) => k).sort((a, b) => xs[a] - xs[b]);
          const picked = lttbIndices(
            Float64Array.from(order, (k) => xs[k]),
            Float64Array.from(order, (k) => ys[k]),
            max
          );
          chosen = picked.map((j) => order[j]);
        }
      } else {
        const step = count2 / max;
        chosen = Array.from({ length: max }, (_, j) => Math.floor(j * step));
      }
    }
    for (let c = 0; c < chosen.length; c++) {
      const k = identity ? c : chosen[c];
      const i = keep ? keep[k] : k;
      points.push({
        rev: s.rev,
        filename: s.filename,
        field: s.field,
        series: s.series,
        [o.x]: xs ? xs[k] : s.x.at(i),
        [o.y]: ys ? ys[k] : s.y.at(i)
      });
    }
  }
  return { points, dropped, from };
}
function notNumber(s, axis, field, column, i) {
  const name = axis === "y" ? s.field : field;
  return new PlotDataError(
    `${axis} field '${name}' in ${s.filename} (${s.rev}) is ${JSON.stringify(column.at(i))} at data row ${s.rows ? s.rows[i] : i + 1}: expected a number`
  );
}
function ascending(xs, n) {
  for (let i = 1; i < n; i++) if (xs[i] < xs[i - 1]) return false;
  return true;
}
function toNumber3(value2) {
  if (typeof value2 === "number") return Number.isFinite(value2) ? value2 : Number.NaN;
  if (value2 === null || value2 === void 0) return Number.NaN;
  if (typeof value2 === "boolean") return value2 ? 1 : 0;
  if (typeof value2 !== "string") return void 0;
  const t = value2.trim();
  if (t === "") return Number.NaN;
  const n = Number(t);
  if (Number.isFinite(n)) return n;
  return /^[+-]?(nan|inf(inity)?)$/i.test(t) ? Number.NaN : void 0;
}

// src/plots/chart-series.ts
function chartSeries(input, maxPoints = MERMAID_MAX_POINTS) {
  const groups = /* @__PURE__ */ new Map();
  let group2;
  let last;
  for (const p of input.points) {
    if (!group2 || p.rev !== last.rev || p.series !== last.series) {
      const key2 = `${String(p.rev)}\0${String(p.series)}`;
      group2 = groups.get(key2);
      if (!group2) groups.set(key2, group2 = { rev: String(p.rev), series: String(p.series), xs: [], ys: [] });
    }
    last = p;
    group2.xs.push(p[input.x]);
    group2.ys.push(p[input.y]);
  }
  const order = [...new Set([...groups.values()].map((g) => g.series))];
  const columns = [...groups.values()].sort((a, b) => order.indexOf(a.series) - order.indexOf(b.series)).slice(0, MERMAID_MAX_LINES);
  const lines2 = [];
  for (const g of columns) {
    const line = numericLine(g.xs, g.ys, input.multi ? `${g.rev}: ${g.series}` : g.rev);
    if (line === void 0) return null;
    if (line.xs.length) lines2.push(line);
  }
  if (!lines2.length) return null;
  const aligned = align(lines2);
  if (aligned.x.length < 2) return null;
  const keep = downsample(aligned.x, aligned.ys, maxPoints);
  return {
    x: keep.map((i) => aligned.x[i]),
    lines: lines2.map((line, l) => ({ name: line.name, y: keep.map((i) => aligned.ys[l][i] ?? null) })),
    ...input.xLabel ? { xLabel: input.xLabel } : {},
    ...input.yLabel ? { yLabel: input.yLabel } : {}
  };
}
function numericLine(xs, ys, name) {
  const px = [];
  const py = [];
  let sorted = true;
  for (let i = 0; i < xs.length; i++) {
    const x = toNumber3(xs[i]);
    const y = toNumber3(ys[i]);
    if (x === void 0 || y === void 0) return void 0;
    if (Number.isNaN(x) || Number.isNaN(y)) continue;
    if (px.length && x < px[px.length - 1]) sorted = false;
    px.push(x);
    py.push(y);
  }
  const order = sorted ? null : px.map((_, i) => i).sort((a, b) => px[a] - px[b]);
  const line = { name, xs: [], ys: [] };
  for (let k = 0; k < px.length; ) {
    const x = px[order ? order[k] : k];
    let sum = 0;
    let count2 = 0;
    for (; k < px.length && px[order ? order[k] : k] === x; k++, count2++) sum += py[order ? order[k] : k];
    line.xs.push(x);
    line.ys.push(count2 === 1 ? sum : round(sum / count2));
  }
  return line;
}
function align(lines2) {
  const first = lines2[0].xs;
  if (lines2.every((l) => l.xs.length === first.length && l.xs.every((x2, i) => x2 === first[i]))) return { x: first, ys: lines2.map((l) => l.ys) };
  const x = lines2.slice(1).reduce((union, l) => mergeSorted(union, l.xs), first);
  return { x, ys: lines2.map((l) => readAt2(l, x)) };
}
function mergeSorted(a, b) {
  const out = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j === b.length || i < a.length && a[i] < b[j]) out.push(a[i++]);
    else if (i === a.length || b[j] < a[i]) out.push(b[j++]);
    else {
      out.push(a[i++]);
      j++;
    }
  }
  return out;
}
function readAt2(line, xs) {
  const lo = line.xs[0];
  const hi = line.xs[line.xs.length - 1];
  const out = [];
  let j = 0;
  for (const x of xs) {
    if (!(x >= lo && x <= hi)) {
      out.push(null);
      continue;
    }
    while (j + 1 < line.xs.length && line.xs[j + 1] <= x) j++;
    const x0 = line.xs[j];
    const y0 = line.ys[j];
    if (x0 === x || j + 1 === line.xs.length) {
      out.push(y0);
      continue;
    }
    const x1 = line.xs[j + 1];
    const y1 = line.ys[j + 1];
    out.push(round(y0 + (y1 - y0) * (x - x0) / (x1 - x0)));
  }
  return out;
}
function downsample(x, ys, max) {
  if (x.length <= max) return x.map((_, i) => i);
  const ranges = ys.map((y) => {
    const at = [];
    for (let i = 0; i < y.length; i++) if (y[i] !== null) at.push(i);
    const rx = new Float64Array(at.length);
    const ry = new Float64Array(at.length);
    for (let k = 0; k < at.length; k++) {
      rx[k] = x[at[k]];
      ry[k] = y[at[k]];
    }
    return { at, x: rx, y: ry };
  });
  const merged = (share) => {
    const marks = new Uint8Array(x.length);
    let count2 = 0;
    for (const r of ranges) {
      for (const i of lttbIndices(r.x, r.y, share)) {
        count2 += 1 - marks[r.at[i]];
        marks[r.at[i]] = 1;
      }
    }
    return { marks, count: count2 };
  };
  let best = merged(Math.max(3, Math.floor(max / ys.length)));
  for (let share = Math.floor(max / ys.length) + 1; best.count < max && share <= max; share++) {
    const next = merged(share);
    if (next.count > max) break;
    best = next;
  }
  const keep = [];
  for (let i = 0; i < x.length; i++) if (best.marks[i]) keep.push(i);
  return keep;
}
function round(v) {
  return Number(v.toPrecision(6));
}

// src/plots/bounds.ts
var PLOT_BOUNDS = {
  /** Rows handed to a custom template (builtin templates downsample to 1,280\u20135,000 points instead). */
  customPoints: 2e4,
  /** Width or height a custom template may ask for, in CSS pixels. */
  templateSide: 4e3,
  /** Pixels of the PNG (at the 2\u00D7 pixel ratio): 16 million, a 2000\u00D72000 chart. */
  canvasPixels: 16e6,
  /** Marks and groups in the laid-out chart, which become SVG elements. */
  markItems: 5e4,
  /** Time for one plot, checked after each step of drawing it. */
  plotSeconds: 30,
  /** Time for all plots of a run: the plots after it are not drawn. */
  totalSeconds: 120
};
var PlotBoundError = class extends UserError {
};

// src/plots/custom.ts
var ANCHOR = /<DVC_METRIC_([A-Z_]+)>/g;
function fillCustomTemplate(path, text2, values) {
  let template;
  try {
    template = JSON.parse(text2);
  } catch (error2) {
    throw new UserError(`${path}: invalid JSON: ${error2.message}`);
  }
  if (!isRecord2(template)) throw new UserError(`${path}: a Vega-Lite template must be a JSON object.`);
  if (!text2.includes("<DVC_METRIC_DATA>")) {
    throw new UserError(`${path}: the template does not use the '<DVC_METRIC_DATA>' anchor, so it cannot show the plot's data.`);
  }
  assertNoUrls(path, template, "");
  assertKnownMarks(path, template, "");
  assertBounded(path, template, "");
  if (values.data.length > PLOT_BOUNDS.customPoints) {
    throw new PlotBoundError(
      `${values.data.length.toLocaleString("en-US")} rows are more than the ${PLOT_BOUNDS.customPoints.toLocaleString("en-US")} a custom template is given; not drawn`
    );
  }
  const fills = anchorFills(values);
  return fill(template, fills);
}
function anchorFills(v) {
  const escape2 = (field) => field.replace(/([.[\]])/g, "\\$1");
  const groupBy = v.multi ? ["rev", "series"] : ["rev"];
  return {
    DATA: v.data,
    X: escape2(v.x),
    Y: escape2(v.y),
    TITLE: v.title,
    X_LABEL: v.xLabel,
    Y_LABEL: v.yLabel,
    COLOR: { field: "rev", scale: { domain: v.revs.map((r) => r.label), range: v.revs.map((r) => r.color) } },
    TOOLTIP: [{ field: "rev" }, { field: v.x }, { field: v.y }],
    ZOOM_AND_PAN: { name: "grid", select: "interval", bind: "scales" },
    PLOT_WIDTH: 300,
    PLOT_HEIGHT: 300,
    GROUP_BY: groupBy,
    GROUP_BY_X: [...groupBy, v.x],
    GROUP_BY_Y: [...groupBy, v.y],
    PIVOT_FIELD: v.multi ? "datum.rev + '::' + datum.series" : "datum.rev"
  };
}
function fill(value2, fills) {
  if (typeof value2 === "string") {
    const whole = /^<DVC_METRIC_([A-Z_]+)>$/.exec(value2);
    if (whole) return whole[1] in fills ? fills[whole[1]] : {};
    return value2.replace(ANCHOR, (m, name) => {
      const f = fills[name];
      return typeof f === "string" || typeof f === "number" ? String(f) : m;
    });
  }
  if (Array.isArray(value2)) return value2.map((v) => fill(v, fills));
  if (isRecord2(value2)) return Object.fromEntries(Object.entries(value2).map(([k, v]) => [k, fill(v, fills)]));
  return value2;
}
function assertNoUrls(path, value2, at) {
  if (Array.isArray(value2)) {
    value2.forEach((v, i) => assertNoUrls(path, v, `${at}[${i}]`));
    return;
  }
  if (!isRecord2(value2)) return;
  for (const [k, v] of Object.entries(value2)) {
    const key2 = at ? `${at}.${k}` : k;
    if (k === "url" || k === "href") {
      const what = typeof v === "string" ? `asks for data from ${JSON.stringify(v)}` : "links marks to URLs or loads images from them";
      throw new UserError(`${path}: \`${key2}\` ${what}; refused: plots only show their own data files, nothing is fetched or linked.`);
    }
    assertNoUrls(path, v, key2);
  }
}
function assertBounded(path, value2, at) {
  if (Array.isArray(value2)) {
    value2.forEach((v, i) => assertBounded(path, v, `${at}[${i}]`));
    return;
  }
  if (!isRecord2(value2)) return;
  const over = (what) => {
    throw new PlotBoundError(`${path}: ${at ? `\`${at}\`` : "the template"} ${what}; not drawn`);
  };
  for (const range of ["sequence", "keyvals"]) {
    const r = value2[range];
    if (!isRecord2(r)) continue;
    const { start = 0, stop, step = 1 } = r;
    const count2 = typeof start === "number" && typeof stop === "number" && typeof step === "number" && step !== 0 ? (stop - start) / step : Infinity;
    if (!(count2 <= PLOT_BOUNDS.customPoints))
      over(
        `generates ${Number.isFinite(count2) ? count2.toLocaleString("en-US") : "unbounded"} rows with \`${range}\`, over ${PLOT_BOUNDS.customPoints.toLocaleString("en-US")}`
      );
  }
  for (const steps of ["steps", "minsteps", "maxsteps"]) {
    const n = value2[steps];
    if (typeof n === "number" && !(n <= PLOT_BOUNDS.customPoints)) over(`asks for ${n} \`${steps}\`, over ${PLOT_BOUNDS.customPoints.toLocaleString("en-US")}`);
  }
  for (const side of ["width", "height"]) {
    const n = value2[side];
    if (typeof n === "number" && !(n <= PLOT_BOUNDS.templateSide))
      over(`is ${n} px ${side === "width" ? "wide" : "high"}, over ${PLOT_BOUNDS.templateSide.toLocaleString("en-US")}`);
  }
  for (const [k, v] of Object.entries(value2)) assertBounded(path, v, at ? `${at}.${k}` : k);
}
var MARKS = [
  "arc",
  "area",
  "bar",
  "image",
  "line",
  "point",
  "rect",
  "rule",
  "text",
  "tick",
  "trail",
  "circle",
  "square",
  "geoshape",
  "boxplot",
  "errorband",
  "errorbar"
];
function assertKnownMarks(path, value2, at) {
  if (Array.isArray(value2)) {
    value2.forEach((v, i) => assertKnownMarks(path, v, `${at}[${i}]`));
    return;
  }
  if (!isRecord2(value2)) return;
  for (const [k, v] of Object.entries(value2)) {
    const key2 = at ? `${at}.${k}` : k;
    if (k === "mark") {
      const type = isRecord2(v) ? v.type : v;
      if (typeof type !== "string" || !MARKS.includes(type)) {
        throw new UserError(`${path}: \`${key2}\` is ${JSON.stringify(type)}, not a Vega-Lite mark (${MARKS.join(", ")}).`);
      }
      continue;
    }
    assertKnownMarks(path, v, key2);
  }
}
function isRecord2(value2) {
  return value2 !== null && typeof value2 === "object" && !Array.isArray(value2);
}

// src/plots/definitions.ts
import { posix as posix8 } from "node:path";

// src/plots/types.ts
var BUILTIN_TEMPLATES = [
  "linear",
  "simple",
  "scatter",
  "scatter_jitter",
  "smooth",
  "confusion",
  "confusion_normalized",
  "bar_horizontal",
  "bar_horizontal_sorted"
];

// src/plots/definitions.ts
var IMAGE_EXTENSIONS = [".png", ".jpg", ".jpeg", ".gif", ".svg"];
var DATA_EXTENSIONS = [".json", ".yaml", ".yml", ".csv", ".tsv"];
function plotsFromDvcDoc(doc, file = "dvc.yaml") {
  const out = { definitions: [], errors: [] };
  if (!isRecord3(doc)) return out;
  if (doc.plots !== void 0 && !Array.isArray(doc.plots)) {
    out.errors.push({ id: "plots", error: `${file}: \`plots\` must be a list of paths or {id: properties} entries.` });
  }
  asList(doc.plots).forEach((entry, i) => add2(out, () => topLevelEntry(entry, `${file} plots[${i}]`)));
  const drawn = new Set(out.definitions.flatMap((d) => d.sources.map((s) => s.file)));
  const stages = isRecord3(doc.stages) ? doc.stages : {};
  for (const [name, stage2] of Object.entries(stages)) {
    if (!isRecord3(stage2)) continue;
    const wdir = typeof stage2.wdir === "string" ? stage2.wdir : ".";
    asList(stage2.plots).forEach((entry, i) => {
      const before = out.definitions.length;
      add2(out, () => stageEntry(entry, wdir, `${file} stages.${name}.plots[${i}]`));
      const added = out.definitions[before];
      if (added && drawn.has(added.id) && !hasPlotProps(entry)) out.definitions.pop();
    });
  }
  return out;
}
function plotsFromPaths(paths) {
  return paths.map((p) => fromPath(normalise(p), {}, "plots input"));
}
function add2(out, make) {
  try {
    out.definitions.push(make());
  } catch (error2) {
    const id = error2 instanceof DefinitionError ? error2.id : "plots";
    out.errors.push({ id, error: error2.message });
  }
}
var DefinitionError = class extends UserError {
  constructor(id, message) {
    super(message);
    this.id = id;
  }
  id;
};
function topLevelEntry(entry, origin) {
  if (typeof entry === "string") return fromPath(normalise(entry), {}, origin);
  if (!isRecord3(entry) || Object.keys(entry).length !== 1) {
    throw new DefinitionError("plots", `${origin}: expected a path or a single-key mapping {id: properties}, got ${describe2(entry)}.`);
  }
  const [id, props] = Object.entries(entry)[0];
  if (props !== null && !isRecord3(props)) throw new DefinitionError(id, `${origin} (${id}): properties must be a mapping, got ${describe2(props)}.`);
  const p = props ?? {};
  if (isRecord3(p.y)) return fromYDict(id, p, origin);
  return fromPath(normalise(id), p, origin);
}
function stageEntry(entry, wdir, origin) {
  const prefix = (path2) => normalise(posix8.join(normalise(wdir), path2));
  if (typeof entry === "string") return fromPath(prefix(entry), {}, origin);
  if (!isRecord3(entry) || Object.keys(entry).length !== 1) {
    throw new DefinitionError("plots", `${origin}: expected a path or {path: properties}, got ${describe2(entry)}.`);
  }
  const [path, props] = Object.entries(entry)[0];
  if (props !== null && !isRecord3(props)) throw new DefinitionError(path, `${origin} (${path}): properties must be a mapping.`);
  return fromPath(prefix(path), props ?? {}, origin);
}
var PLOT_PROPS = ["x", "y", "template", "title", "x_label", "y_label"];
function hasPlotProps(entry) {
  if (!isRecord3(entry)) return false;
  const props = Object.values(entry)[0];
  return isRecord3(props) && PLOT_PROPS.some((k) => k in props);
}
function fromYDict(id, p, origin) {
  const yDict = p.y;
  const sources = Object.entries(yDict).map(([file, fields]) => ({
    file: normalise(file),
    y: fieldList(fields, id, origin, `y.${file}`),
    x: xFor(p.x, file, id, origin)
  }));
  if (!sources.length) throw new DefinitionError(id, `${origin} (${id}): \`y\` names no files.`);
  return { id, sources, ...common(id, p, origin), image: false };
}
function fromPath(path, p, origin) {
  const image = IMAGE_EXTENSIONS.includes(posix8.extname(path).toLowerCase());
  const x = p.x === void 0 || p.x === null ? null : typeof p.x === "string" ? p.x : xFor(p.x, path, path, origin);
  return { id: path, sources: [{ file: path, y: fieldList(p.y, path, origin, "y"), x }], ...common(path, p, origin), image };
}
function common(id, p, origin) {
  return {
    template: templateRef(p.template, id, origin),
    title: optionalString(p.title, id, origin, "title"),
    xLabel: optionalString(p.x_label, id, origin, "x_label"),
    yLabel: optionalString(p.y_label, id, origin, "y_label"),
    header: p.header === void 0 ? true : p.header !== false,
    origin
  };
}
function templateRef(value2, id, origin) {
  if (value2 === void 0 || value2 === null) return { kind: "builtin", name: "linear" };
  if (typeof value2 !== "string") throw new DefinitionError(id, `${origin} (${id}): \`template\` must be a string.`);
  if (BUILTIN_TEMPLATES.includes(value2)) return { kind: "builtin", name: value2 };
  if (/\.json$/i.test(value2)) return { kind: "custom", path: normalise(value2) };
  throw new DefinitionError(
    id,
    `${origin} (${id}): unknown template '${value2}': use one of ${BUILTIN_TEMPLATES.join(", ")}, or the path of a Vega-Lite .json file.`
  );
}
function fieldList(value2, id, origin, key2) {
  if (value2 === void 0 || value2 === null) return [];
  if (typeof value2 === "string") return [value2];
  if (Array.isArray(value2) && value2.every((v) => typeof v === "string")) return value2;
  throw new DefinitionError(id, `${origin} (${id}): \`${key2}\` must be a field name or a list of field names, got ${describe2(value2)}.`);
}
function xFor(x, file, id, origin) {
  if (x === void 0 || x === null) return null;
  if (typeof x === "string") return x;
  if (isRecord3(x)) {
    const field = x[file];
    if (field === void 0) return null;
    if (typeof field === "string") return field;
  }
  throw new DefinitionError(id, `${origin} (${id}): \`x\` must be a field name or {file: field}, got ${describe2(x)}.`);
}
function optionalString(value2, id, origin, key2) {
  if (value2 === void 0 || value2 === null) return null;
  if (typeof value2 === "string" || typeof value2 === "number") return String(value2);
  throw new DefinitionError(id, `${origin} (${id}): \`${key2}\` must be a string.`);
}
function normalise(path) {
  return posix8.normalize(path.replace(/\\/g, "/")).replace(/^\.\//, "").replace(/\/$/, "");
}
function describe2(value2) {
  return value2 === null ? "null" : Array.isArray(value2) ? "a list" : typeof value2 === "object" ? "a mapping" : JSON.stringify(value2);
}
function isRecord3(value2) {
  return value2 !== null && typeof value2 === "object" && !Array.isArray(value2);
}
function asList(value2) {
  return Array.isArray(value2) ? value2 : [];
}

// src/plots/spec.ts
var REVISION_COLORS = ["#945dd6", "#13adc7", "#f46837", "#48bb78", "#4299e1", "#ed8936", "#f56565"];
var DASHES = [
  [1, 0],
  [8, 8],
  [8, 4],
  [4, 4],
  [4, 2],
  [2, 1],
  [1, 1]
];
var SHAPES = ["circle", "square", "triangle", "diamond"];
var FONT = "DejaVu Sans";
var CATEGORY_LIMITS = {
  confusion: { x: 50, y: 50 },
  confusion_normalized: { x: 50, y: 50 },
  scatter_jitter: { x: 50, y: 50 },
  bar_horizontal: { y: 100 },
  bar_horizontal_sorted: { y: 100 }
};
function builtinSpec(given) {
  const input = {
    ...given,
    title: wrap(given.title, 56).join("\n"),
    subtitle: given.subtitle.flatMap((line) => wrap(line, 72)),
    xLabel: wrap(given.xLabel, 60).join("\n"),
    yLabel: wrap(given.yLabel, 30).join("\n")
  };
  const limits = CATEGORY_LIMITS[input.template] ?? {};
  for (const axis of ["x", "y"]) {
    const limit = limits[axis];
    const field = input[axis];
    const count2 = limit === void 0 ? 0 : new Set(input.points.map((p) => String(p[field]))).size;
    if (limit !== void 0 && count2 > limit) {
      throw new UserError(
        `${axis} field '${field}' has ${count2} different values; the ${input.template} template draws at most ${limit} categories (is it a number rather than a class?)`
      );
    }
  }
  const body = (() => {
    switch (input.template) {
      case "linear":
        return lineSpec(input, { endPoint: true, smooth: false });
      case "simple":
        return lineSpec(input, { endPoint: false, smooth: false });
      case "smooth":
        return lineSpec(input, { endPoint: true, smooth: true });
      case "scatter":
        return scatterSpec(input);
      case "scatter_jitter":
        return jitterSpec(input);
      case "confusion":
      case "confusion_normalized":
        return confusionSpec(input, input.template === "confusion_normalized");
      case "bar_horizontal":
      case "bar_horizontal_sorted":
        return barSpec(input, input.template === "bar_horizontal_sorted");
    }
  })();
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: { text: lines(input.title), ...input.subtitle.length ? { subtitle: input.subtitle } : {} },
    background: "white",
    padding: 16,
    config: BASE_CONFIG,
    ...body
  };
}
var BASE_CONFIG = {
  aria: false,
  font: FONT,
  view: { stroke: "#d0d0d0" },
  axis: {
    labelFontSize: 12,
    titleFontSize: 13,
    titleFontWeight: "bold",
    titlePadding: 10,
    labelColor: "#333333",
    titleColor: "#222222",
    gridColor: "#ececec",
    domainColor: "#9a9a9a",
    tickColor: "#9a9a9a",
    labelLimit: 220
  },
  legend: { labelFontSize: 12, titleFontSize: 12, labelLimit: 320, symbolSize: 140, rowPadding: 6, columnPadding: 16 },
  title: { fontSize: 16, subtitleFontSize: 12, subtitleColor: "#8a5a00", anchor: "start", offset: 12, subtitlePadding: 6 },
  header: { labelFontSize: 13, labelFontWeight: "bold", titleFontSize: 13 }
};
function colorEncoding(input, symbol = "circle") {
  const lineSymbol = symbol === "stroke" ? { symbolSize: 500, symbolStrokeWidth: 3 } : {};
  return {
    field: "rev",
    type: "nominal",
    // An explicit domain keeps base first and head second; a nominal scale would sort them alphabetically.
    scale: { domain: input.revs.map((r) => r.label), range: input.revs.map((r) => r.color) },
    legend: { title: "revision", orient: "top", direction: "horizontal", symbolType: symbol, symbolOpacity: 1, labelLimit: 520, ...lineSymbol }
  };
}
function seriesLegend(channelTitle, line = false) {
  const lineSymbol = line ? { symbolType: "stroke", symbolSize: 500, symbolStrokeWidth: 2.5 } : {};
  return { title: channelTitle, orient: "top", direction: "horizontal", symbolStrokeColor: "#555555", symbolFillColor: "transparent", ...lineSymbol };
}
function lineSpec(input, opts) {
  const whole = input.points.every((p) => Number.isInteger(p[input.x]));
  const x = {
    field: input.x,
    type: "quantitative",
    title: lines(input.xLabel),
    scale: { zero: false, nice: false },
    axis: { tickCount: 8, ...whole ? { tickMinStep: 1 } : {} }
  };
  const y = { field: input.y, type: "quantitative", title: lines(input.yLabel), scale: { zero: false } };
  const encoding = { x, y, color: colorEncoding(input, "stroke") };
  if (input.series.length) {
    encoding.strokeDash = {
      field: "series",
      type: "nominal",
      scale: { domain: input.series, range: cycle(DASHES, input.series.length) },
      legend: seriesLegend("series", true)
    };
  }
  const layers = [];
  if (opts.smooth) {
    layers.push({ mark: { type: "line", strokeWidth: 1.5, strokeOpacity: 0.25 } });
    layers.push({
      transform: [{ loess: input.y, on: input.x, groupby: ["rev", "series"], bandwidth: 0.15 }],
      mark: { type: "line", strokeWidth: 2.5 }
    });
  } else {
    layers.push({ mark: { type: "line", strokeWidth: 2 } });
  }
  if (opts.endPoint) {
    layers.push({
      mark: { type: "circle", size: 60, opacity: 1 },
      encoding: {
        x: { ...x, aggregate: "max" },
        y: { ...y, aggregate: { argmax: input.x } },
        strokeDash: null,
        ...input.series.length ? { detail: { field: "series", type: "nominal" } } : {}
      }
    });
  }
  return { width: 640, height: 320, data: { values: input.points }, encoding, layer: layers };
}
function scatterSpec(input) {
  const encoding = {
    x: { field: input.x, type: "quantitative", title: lines(input.xLabel), scale: { zero: false } },
    y: { field: input.y, type: "quantitative", title: lines(input.yLabel), scale: { zero: false } },
    color: colorEncoding(input)
  };
  if (input.series.length) encoding.shape = seriesShapes(input.series);
  return {
    width: 520,
    height: 360,
    data: { values: input.points },
    mark: { type: "point", filled: true, size: 40, fillOpacity: 0.7, strokeOpacity: 0 },
    encoding
  };
}
function seriesShapes(series2) {
  return { field: "series", type: "nominal", scale: { domain: series2, range: cycle(SHAPES, series2.length) }, legend: seriesLegend("series") };
}
function jitterSpec(input) {
  const xCats = categories(input.points, input.x);
  const yCats = categories(input.points, input.y);
  const points = input.points.map((p, i) => ({
    ...p,
    [input.x]: String(p[input.x]),
    [input.y]: String(p[input.y]),
    jitter_x: jitter(i * 2),
    jitter_y: jitter(i * 2 + 1)
  }));
  const step = Math.max(36, Math.min(90, Math.floor(480 / Math.max(xCats.length, yCats.length))));
  const encoding = {
    x: { field: input.x, type: "nominal", title: lines(input.xLabel), sort: xCats, axis: { labelAngle: 0, grid: true, bandPosition: 0, ticks: false } },
    y: { field: input.y, type: "nominal", title: lines(input.yLabel), sort: yCats, axis: { grid: true, bandPosition: 0, ticks: false } },
    xOffset: { field: "jitter_x", type: "quantitative", scale: { domain: [-0.5, 0.5] } },
    yOffset: { field: "jitter_y", type: "quantitative", scale: { domain: [-0.5, 0.5] } },
    color: colorEncoding(input)
  };
  if (input.series.length) encoding.shape = seriesShapes(input.series);
  return {
    width: { step },
    height: { step },
    data: { values: points },
    mark: { type: "point", filled: true, size: 28, fillOpacity: 0.6, strokeOpacity: 0 },
    encoding
  };
}
function jitter(i) {
  let h = Math.imul(i ^ 2654435769, 2246822507);
  h ^= h >>> 13;
  h = Math.imul(h, 3266489909);
  h ^= h >>> 16;
  return ((h >>> 0) / 4294967295 - 0.5) * 0.84;
}
function confusionSpec(input, normalized) {
  const xCats = categories(input.points, input.x);
  const yCats = categories(input.points, input.y);
  const cells = confusionCells(input, xCats, yCats, normalized);
  const n = Math.max(xCats.length, yCats.length);
  const step = Math.max(22, Math.min(56, Math.floor(380 / n)));
  const showText = step >= 26;
  const value2 = normalized ? "percent_of_y" : "xy_count";
  const longestX = xCats.reduce((m, c) => Math.max(m, c.length), -Infinity);
  const layers = [
    {
      mark: { type: "rect", stroke: "white", strokeWidth: 1 },
      encoding: {
        color: {
          field: value2,
          type: "quantitative",
          title: normalized ? "share" : "count",
          scale: { scheme: "blues", domainMin: 0, ...normalized ? { domainMax: 1 } : { nice: true } },
          legend: { gradientLength: Math.max(120, Math.min(step * n, 300)), format: normalized ? ".0%" : "d" }
        }
      }
    }
  ];
  if (showText) {
    layers.push({
      mark: { type: "text", fontSize: step >= 40 ? 13 : 11 },
      encoding: {
        text: { field: value2, type: "quantitative", format: normalized ? ".0%" : "d" },
        color: { condition: { test: `datum.${value2 === "xy_count" ? "percent_of_max" : "percent_of_y"} > 0.5`, value: "white" }, value: "#1a1a1a" }
      }
    });
  }
  const facet = {
    column: {
      field: "rev",
      type: "nominal",
      sort: input.revs.map((r) => r.label),
      title: null,
      header: revisionHeader(
        step * xCats.length,
        input.revs.map((r) => r.label)
      )
    }
  };
  if (input.series.length) facet.row = { field: "series", type: "nominal", sort: input.series, title: null, header: { labelAngle: 0, labelAlign: "left" } };
  return {
    data: { values: cells },
    facet,
    spacing: 28,
    spec: {
      width: { step },
      height: { step },
      encoding: {
        x: { field: input.x, type: "nominal", sort: xCats, title: lines(input.xLabel), axis: { labelAngle: longestX > 3 ? -40 : 0 } },
        y: { field: input.y, type: "nominal", sort: yCats, title: lines(input.yLabel) }
      },
      layer: layers
    },
    resolve: { scale: { color: "shared" } }
  };
}
function revisionHeader(width, labels) {
  const k = Math.max(8, Math.floor(width / 9.5));
  const wrapped = Object.fromEntries(labels.map((l) => [l, wrap(l, k)]));
  return {
    labelFontSize: 14,
    labelPadding: 8,
    // vega estimates text widths generously (no canvas); the lines are already cut to fit.
    labelLimit: 0,
    // datum.value is the field's raw value; vega-lite splices datum.label in as an unparenthesised expression.
    labelExpr: Object.entries(wrapped).reduceRight(
      (rest, [label2, lines2]) => `(datum.value === ${JSON.stringify(label2)}) ? ${JSON.stringify(lines2)} : (${rest})`,
      "(datum.label)"
    )
  };
}
function confusionCells(input, xCats, yCats, normalized) {
  const cells = [];
  const groups = /* @__PURE__ */ new Map();
  for (const p of input.points) {
    const key2 = JSON.stringify([p.rev, p.series]);
    let g = groups.get(key2);
    if (!g) groups.set(key2, g = []);
    g.push(p);
  }
  for (const group2 of groups.values()) {
    const counts2 = /* @__PURE__ */ new Map();
    for (const p of group2) {
      const k = `${String(p[input.x])}\0${String(p[input.y])}`;
      counts2.set(k, (counts2.get(k) ?? 0) + 1);
    }
    let max = -Infinity;
    for (const n of counts2.values()) max = Math.max(max, n);
    const rowSums = /* @__PURE__ */ new Map();
    for (const yv of yCats)
      rowSums.set(
        yv,
        xCats.reduce((s, xv) => s + (counts2.get(`${xv}\0${yv}`) ?? 0), 0)
      );
    for (const xv of xCats) {
      for (const yv of yCats) {
        const count2 = counts2.get(`${xv}\0${yv}`) ?? 0;
        const sumY = rowSums.get(yv) ?? 0;
        cells.push({
          rev: group2[0].rev,
          series: group2[0].series,
          [input.x]: xv,
          [input.y]: yv,
          xy_count: count2,
          percent_of_max: max ? count2 / max : 0,
          ...normalized ? { percent_of_y: sumY ? count2 / sumY : 0 } : {}
        });
      }
    }
  }
  return cells;
}
function barSpec(input, sorted) {
  const cats = categories(input.points, input.y);
  const encoding = {
    x: { field: input.x, type: "quantitative", title: lines(input.xLabel) },
    y: { field: input.y, type: "nominal", title: lines(input.yLabel), sort: sorted ? "-x" : cats },
    yOffset: { field: "rev", type: "nominal", sort: input.revs.map((r) => r.label) },
    color: colorEncoding(input)
  };
  const bandStep = input.revs.length > 1 ? 40 : 26;
  const spec = {
    width: 560,
    height: { step: bandStep, for: "position" },
    mark: { type: "bar", cornerRadiusEnd: 2 },
    encoding: { ...encoding, color: colorEncoding(input, "square") }
  };
  const values = input.points.map((p) => ({ ...p, [input.y]: String(p[input.y]) }));
  if (!input.series.length) return { data: { values }, ...spec };
  return { data: { values }, facet: { row: { field: "series", type: "nominal", sort: input.series, title: null } }, spec };
}
function wrap(text2, max) {
  const out = [];
  let rest = text2.trim();
  while (rest.length > max) {
    const window = rest.slice(0, max + 1);
    const space = window.lastIndexOf(" ");
    const mark = Math.max(window.lastIndexOf("/"), window.lastIndexOf("-"), window.lastIndexOf("_"));
    const cut = space > max / 2 ? space : mark > max / 2 ? mark + 1 : max;
    out.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  out.push(rest);
  return out;
}
function lines(text2) {
  return text2.includes("\n") ? text2.split("\n") : text2;
}
function categories(points, field) {
  const values = [...new Set(points.map((p) => String(p[field])))];
  const numeric2 = values.every((v) => v.trim() !== "" && Number.isFinite(Number(v)));
  return numeric2 ? values.sort((a, b) => Number(a) - Number(b)) : values.sort();
}
function cycle(values, n) {
  return Array.from({ length: n }, (_, i) => values[i % values.length]);
}

// src/plots/collect.ts
var IMAGE_EXTENSIONS2 = [".png", ".jpg", ".jpeg", ".gif", ".svg"];
var LINE_LIKE = ["linear", "simple", "smooth", "scatter", "scatter_jitter"];
async function findPlotDefinitions(workspace, plotsPaths, budget) {
  const tree = workspaceTree(workspace, budget ? { budget } : {});
  let result;
  if (plotsPaths) {
    const files = plotsPaths.some(isGlob) ? await tree.list() : [];
    const paths = plotsPaths.flatMap((p) => {
      const clean2 = p.replace(/\\/g, "/").replace(/^\.\//, "");
      if (!isGlob(clean2)) return [clean2];
      const re = globToRegExp(clean2);
      return files.filter((f) => re.test(f));
    });
    result = { definitions: plotsFromPaths([...new Set(paths)]), errors: [] };
  } else {
    try {
      const { dvcYamls, errors } = await loadDvcYamls(tree);
      if (!dvcYamls.length && !errors.length) {
        return { definitions: (await tree.list()).includes("metrics.csv") ? plotsFromPaths(["metrics.csv"]) : [], errors: [] };
      }
      result = combine(dvcYamls.map((dvc) => ({ file: dvc.file, ...plotsFromDvcDoc(resolvedDoc(dvc), dvc.file) })));
      result.errors = [...errors.map((e) => ({ id: e.file, error: e.error })), ...result.errors];
    } catch (error2) {
      return { definitions: [], errors: [{ id: "dvc.yaml", error: describeError(error2) }] };
    }
  }
  const expanded = [];
  for (const def of result.definitions) for (const one of await expandDirectory(tree, def)) expanded.push(one);
  return { definitions: expanded, errors: result.errors };
}
function resolvedDoc(dvc) {
  const at = (path) => dvc.dir ? joinPath(dvc.dir, path) : path;
  const files = (value2) => mapFrom([...value2].map(([file, v]) => [at(file), v]));
  const topPlot = (id, props) => {
    if (props === null) return at(id);
    const y = props.get("y");
    if (!isRawMap(y)) return { [at(id)]: toPlain(props) };
    const x = props.get("x");
    const moved = mapFrom([...props, ["y", files(y)], ...isRawMap(x) ? [["x", files(x)]] : []]);
    return { [id]: toPlain(moved) };
  };
  return {
    plots: dvc.plots.map((p) => topPlot(p.id, p.props)),
    stages: Object.fromEntries(
      dvc.stages.map((stage2) => [
        stage2.name,
        { wdir: at(stage2.wdir), plots: stage2.outs.filter((o) => o.kind === "plot").map((o) => ({ [o.path]: toPlain(o.props) })) }
      ])
    )
  };
}
function combine(results) {
  const files = /* @__PURE__ */ new Map();
  for (const r of results) for (const d of r.definitions) files.set(d.id, (files.get(d.id) ?? /* @__PURE__ */ new Set()).add(r.file));
  return {
    definitions: results.flatMap((r) => r.definitions.map((d) => (files.get(d.id)?.size ?? 0) > 1 ? { ...d, id: `${r.file}::${d.id}` } : d)),
    errors: results.flatMap((r) => r.errors)
  };
}
async function expandDirectory(tree, def) {
  if (def.sources.length !== 1 || def.sources[0].file !== def.id) return [def];
  const all = await tree.list();
  if (all.includes(def.id)) return [def];
  const files = all.filter((f) => f.startsWith(`${def.id}/`) && [...DATA_EXTENSIONS, ...IMAGE_EXTENSIONS2].includes(posix9.extname(f).toLowerCase())).sort();
  if (!files.length) return [def];
  return files.map((file) => {
    return { ...def, id: file, sources: [{ ...def.sources[0], file }], image: IMAGE_EXTENSIONS2.includes(posix9.extname(file).toLowerCase()) };
  });
}
async function preparePlots(git, request, definitions) {
  const budget = request.budget ? { budget: request.budget } : {};
  const data = await PipelineData.open(request.workspace).catch(() => null);
  const head = withCachedOutputs(workspaceTree(request.workspace, { name: request.headLabel, ...budget }), data);
  const base = request.base ? withCachedOutputs(commitTree(git, request.base.sha, request.base.label, budget), data) : null;
  const readHead = (path) => head.read(path);
  const readBase = (path) => base ? base.read(path) : Promise.resolve(null);
  const headCache = /* @__PURE__ */ new Map();
  const baseCache = /* @__PURE__ */ new Map();
  const out = [];
  for (const def of definitions) {
    const title2 = def.title ?? def.id;
    if (request.deadline?.passed()) {
      out.push({ kind: "error", id: def.id, title: title2, error: `plot '${def.id}': ${request.deadline.skipped(`plot '${def.id}'`)}`, notes: [] });
      continue;
    }
    try {
      if (def.image) {
        const file = def.sources[0].file;
        const [head2, base2] = await Promise.all([readHead(file), readBase(file)]);
        if (!head2 && !base2) throw new PlotDataError(`${file} does not exist at the head or the base`);
        const notes = !head2 ? [`no image at the head (${request.headLabel}): showing ${request.base.label}'s`] : request.base && !base2 ? [`no image at the base (${request.base.label})`] : [];
        out.push({ kind: "image", id: def.id, title: title2, head: head2, base: base2, ext: posix9.extname(file).toLowerCase(), notes });
        continue;
      }
      const headFiles = await readFiles2(def, readHead, headCache);
      const baseNotes = [];
      const baseFiles = request.base ? await readFiles2(def, readBase, baseCache, (error2) => baseNotes.push(`base (${request.base.label}): ${describeError(error2)}`)) : /* @__PURE__ */ new Map();
      for (const expanded of splitDagshub(def, headFiles)) {
        out.push(await prepareOne(expanded, headFiles, baseFiles, request, readHead, baseNotes));
      }
    } catch (error2) {
      out.push({ kind: "error", id: def.id, title: title2, error: plotError(def, error2), notes: [] });
    }
  }
  await data?.close();
  return out;
}
async function readFiles2(def, read, cache, onError) {
  const files = /* @__PURE__ */ new Map();
  for (const source of def.sources) {
    const key2 = `${def.header}\0${source.file}`;
    let parsed = cache.get(key2);
    if (!parsed) {
      parsed = read(source.file).then((bytes) => bytes ? parsePlotData(source.file, decodeText(bytes), def.header) : null);
      cache.set(key2, parsed);
    }
    try {
      const data = await parsed;
      if (data) files.set(source.file, data);
    } catch (error2) {
      if (!onError) throw error2;
      onError(error2);
    }
  }
  return files;
}
function decodeText(bytes) {
  return isAscii(bytes) ? bytes.toString("latin1") : bytes.toString("utf8");
}
function splitDagshub(def, headFiles) {
  const source = def.sources[0];
  const data = headFiles.get(source.file);
  if (def.sources.length !== 1 || source.y.length || !data?.dagshub) return [def];
  const names = dagshubNames(data);
  return names.map((name) => ({ ...def, id: `${def.id}#${name}`, title: def.title ? `${def.title}: ${name}` : name, sources: [{ ...source, y: [name] }] }));
}
async function prepareOne(def, headFiles, baseFiles, request, readHead, baseNotes) {
  const title2 = def.title ?? def.id;
  const notes = [...baseNotes];
  const baseLabel = request.base && request.base.label === request.headLabel ? `${request.base.label} (base)` : request.base?.label ?? "base";
  const headComplete = def.sources.every((s) => headFiles.has(s.file));
  const baseComplete = request.base !== null && def.sources.every((s) => baseFiles.has(s.file));
  if (!headComplete && !baseComplete) {
    const missing = def.sources.find((s) => !headFiles.has(s.file)).file;
    throw new PlotDataError(`${missing} does not exist${request.base ? " at the head or the base" : ""}`);
  }
  const sources = resolveSources(def, headComplete ? headFiles : baseFiles);
  const fields = frameFields(sources);
  const headSeries = headComplete ? revisionSeries(sources, request.headLabel, headFiles) : [];
  let baseSeries = [];
  let baseSources = [];
  if (request.base && (baseComplete || baseFiles.size)) {
    baseSources = checkedAtBase(def, sources, baseFiles);
    baseSeries = revisionSeries(baseSources, baseLabel, baseFiles);
  }
  const hasData = (series3) => series3.some((s) => s.y.length > 0);
  if (!hasData(headSeries)) notes.push(`no data at the head (${request.headLabel}): showing ${baseLabel} only`);
  else if (request.base && !hasData(baseSeries)) notes.push(`no data at the base (${baseLabel}): showing ${request.headLabel} only`);
  const revs = [
    ...hasData(baseSeries) ? [{ label: baseLabel, color: REVISION_COLORS[0] }] : [],
    ...hasData(headSeries) ? [{ label: request.headLabel, color: REVISION_COLORS[1] }] : []
  ];
  const series2 = fields.multi ? [...new Set([...baseSeries, ...headSeries].map((s) => s.series))] : [];
  const xLabel = def.xLabel ?? fields.defaultXLabel;
  const yLabel = def.yLabel ?? fields.defaultYLabel;
  if (def.template.kind === "custom") {
    const text2 = await readHead(def.template.path);
    if (!text2) throw new PlotDataError(`template ${def.template.path} does not exist`);
    const points = [
      ...revisionDatapoints(baseSources, fields, baseLabel, baseFiles),
      ...headComplete ? revisionDatapoints(sources, fields, request.headLabel, headFiles) : []
    ];
    const numeric2 = tryNumeric(tryNumeric(points, fields.x), fields.y);
    const spec2 = fillCustomTemplate(def.template.path, text2.toString("utf8"), {
      data: numeric2,
      x: fields.x,
      y: fields.y,
      title: title2,
      xLabel,
      yLabel,
      revs,
      multi: fields.multi
    });
    return { kind: "vega", id: def.id, title: title2, spec: spec2, notes };
  }
  const template = def.template.name;
  const lines2 = ["linear", "simple", "smooth"].includes(template);
  const reduced = reduceSeries([...baseSeries, ...headSeries], {
    x: fields.x,
    y: fields.y,
    numericX: lines2 || ["scatter", "bar_horizontal", "bar_horizontal_sorted"].includes(template),
    numericY: lines2 || template === "scatter",
    reduce: lines2 ? "lines" : template === "scatter" || template === "scatter_jitter" ? "points" : "all"
  });
  if (!reduced.points.length) throw new PlotDataError("no numeric values to draw");
  if (reduced.dropped) notes.push(`${groupDigits(reduced.dropped)} blank or NaN value${reduced.dropped === 1 ? "" : "s"} skipped`);
  if (reduced.from && lines2) {
    notes.push(`downsampled to ${groupDigits(MAX_LINE_POINTS)} points per line (from ${groupDigits(reduced.from)}, LTTB, shape kept)`);
  } else if (reduced.from) {
    notes.push(`thinned to ${groupDigits(MAX_SCATTER_POINTS)} points per revision (from ${groupDigits(reduced.from)})`);
  }
  const input = { template, title: title2, subtitle: notes, x: fields.x, y: fields.y, xLabel, yLabel, revs, series: series2, points: reduced.points };
  const spec = builtinSpec(input);
  const chart = LINE_LIKE.includes(template) ? chartSeries({ points: reduced.points, x: fields.x, y: fields.y, multi: fields.multi, xLabel, yLabel }) : null;
  return { kind: "vega", id: def.id, title: title2, spec, notes, ...chart ? { series: chart } : {} };
}
function checkedAtBase(def, sources, baseFiles) {
  return sources.filter((s) => {
    const data = baseFiles.get(s.file);
    if (!data) return false;
    try {
      resolveSources({ ...def, sources: [{ file: s.file, x: s.x, y: s.ys }] }, baseFiles);
      return true;
    } catch {
      return false;
    }
  });
}
function tryNumeric(points, field) {
  try {
    return coerceNumeric(points, field, "x").points;
  } catch {
    return points;
  }
}
function plotError(def, error2) {
  return `plot '${def.id}' (${def.origin}): ${describeError(error2)}`;
}

// src/plots/write.ts
import { join as join21 } from "node:path";
async function writePlots(prepared, getRenderer, dir, linkPrefix, deadline) {
  const names = /* @__PURE__ */ new Set();
  const entries = [];
  let renderer = null;
  for (const plot2 of prepared) {
    const name = uniqueName(plot2.id, names);
    const entry = {
      id: plot2.id,
      title: plot2.title,
      image: null,
      notes: plot2.notes,
      ...plot2.kind === "vega" && plot2.series ? { series: plot2.series } : {}
    };
    try {
      if (plot2.kind === "error") {
        entry.error = plot2.error;
      } else if (plot2.kind === "image") {
        if (plot2.head) {
          await writeFileAtomic(join21(dir, name + plot2.ext), plot2.head);
          entry.image = linkPrefix + name + plot2.ext;
        }
        if (plot2.base) {
          await writeFileAtomic(join21(dir, `${name}.base${plot2.ext}`), plot2.base);
          entry.baseImage = `${linkPrefix}${name}.base${plot2.ext}`;
          if (!plot2.head) entry.image = entry.baseImage;
        }
      } else if (deadline?.passed()) {
        entry.error = `plot '${plot2.id}': ${deadline.skipped(`plot '${plot2.id}'`)}`;
      } else {
        renderer ??= await getRenderer();
        const image = await renderer.render(plot2.spec);
        await writeFileAtomic(join21(dir, `${name}.png`), image.png);
        entry.image = `${linkPrefix}${name}.png`;
      }
    } catch (error2) {
      entry.error = `plot '${plot2.id}': ${plot2.kind === "vega" ? "could not render: " : ""}${describeError(error2)}`;
    }
    entries.push(entry);
  }
  return entries;
}
function uniqueName(id, taken) {
  const base = id.replace(/[^A-Za-z0-9_-]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 80) || "plot";
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base}-${i}`;
  taken.add(name.toLowerCase());
  return name;
}

// src/plots/render-plots.ts
async function renderPlots(git, request, getRenderer, log) {
  const found = await findPlotDefinitions(request.workspace, request.plotsPaths, request.budget);
  const entries = found.errors.map((e) => ({ id: e.id, title: e.id, image: null, notes: [], error: e.error }));
  if (found.definitions.length) {
    const prepared = await preparePlots(git, request, found.definitions);
    for (const entry of await writePlots(prepared, getRenderer, request.dir, request.linkPrefix, request.deadline)) entries.push(entry);
  }
  for (const entry of entries) if (entry.error) log.warning(entry.error);
  return entries;
}

// src/history/draw-trends.ts
import { join as join22 } from "node:path";

// src/history/trend-spec.ts
var BASE_COLOR = "#1f6feb";
var HEAD_COLOR = "#e16f24";
var BAND_COLOR = "#2da44e";
function trendSpec(entry, metric, headLabel) {
  const labels = axisLabels(metric.points.map((p) => p.commit));
  const head = metric.head === null ? null : headAxisLabel(headLabel, labels);
  const x = {
    field: "x",
    type: "ordinal",
    title: null,
    scale: { domain: [...labels, ...head ? [head] : []] },
    axis: { labelAngle: -40, labelOverlap: "greedy" }
  };
  const xy = { x, y: { field: "value", type: "quantitative", title: null, scale: { zero: false, padding: 8 } } };
  const base = metric.points.map((p, i) => ({ x: labels[i], value: p.value }));
  const range = trendBand(metric.stats, entry.k);
  const layers = [];
  if (range && metric.stats) {
    layers.push(
      {
        data: { values: [range] },
        mark: { type: "rect", color: BAND_COLOR, opacity: 0.14 },
        encoding: { y: { field: "low", type: "quantitative", scale: { zero: false, padding: 8 } }, y2: { field: "high" } }
      },
      {
        data: { values: [{ mean: metric.stats.mean }] },
        mark: { type: "rule", color: BAND_COLOR, strokeDash: [6, 4], strokeWidth: 1.5 },
        encoding: { y: { field: "mean", type: "quantitative", scale: { zero: false, padding: 8 } } }
      }
    );
  }
  layers.push({
    data: { values: base },
    mark: { type: "line", color: BASE_COLOR, strokeWidth: 2, point: { filled: true, size: 45, color: BASE_COLOR } },
    encoding: xy
  });
  if (head !== null && metric.head !== null) {
    const last = base.at(-1);
    if (last)
      layers.push({
        data: { values: [last, { x: head, value: metric.head }] },
        mark: { type: "line", color: HEAD_COLOR, strokeDash: [4, 3], strokeWidth: 1.5 },
        encoding: xy
      });
    layers.push({
      data: { values: [{ x: head, value: metric.head }] },
      mark: { type: "point", shape: "diamond", filled: true, size: 170, opacity: 1, color: HEAD_COLOR },
      encoding: xy
    });
  }
  const subtitle = [
    `${metric.points.length} base commit${metric.points.length === 1 ? "" : "s"}, oldest first${head ? `; \u25C6 ${head}` : ""}`,
    range ? `band: mean \xB1 ${entry.k}\xB7std (${entry.rule ? "the rule\u2019s" : "default"})` : "no band: fewer than 3 base values"
  ];
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: { text: wrap(entry.key, 56), subtitle: [...wrap(entry.file, 72), ...subtitle] },
    background: "white",
    padding: 12,
    width: 420,
    height: 150,
    config: {
      font: FONT,
      view: { stroke: "#d0d0d0" },
      axis: {
        labelFontSize: 11,
        titleFontSize: 12,
        labelColor: "#333333",
        titleColor: "#222222",
        gridColor: "#ececec",
        domainColor: "#9a9a9a",
        tickColor: "#9a9a9a"
      },
      title: { fontSize: 14, subtitleFontSize: 11, subtitleColor: "#555555", anchor: "start", offset: 10 }
    },
    layer: layers
  };
}

// src/history/draw-trends.ts
async function drawTrends(plans, request, getRenderer) {
  const names = /* @__PURE__ */ new Set();
  const entries = [];
  let renderer = null;
  for (const { entry: planned, metric } of plans) {
    const entry = { ...planned, image: null };
    entries.push(entry);
    if (!metric.points.length) continue;
    const what = `trend of '${metric.key}' in ${metric.file}`;
    if (request.deadline?.passed()) {
      entry.error = `${what}: ${request.deadline.skipped(what)}`;
      continue;
    }
    try {
      renderer ??= await getRenderer();
      const image = await renderer.render(trendSpec(entry, metric, request.headLabel));
      const name = uniqueName(`${metric.file}-${metric.key}`, names);
      await writeFileAtomic(join22(request.dir, `${name}.png`), image.png);
      entry.image = `${request.linkPrefix}${name}.png`;
    } catch (error2) {
      entry.error = `${what}: could not render: ${describeError(error2)}`;
    }
  }
  return entries;
}

// src/publish/github/checks.ts
import { realpath as realpath3 } from "node:fs/promises";
import { posix as posix10, relative as relative6, sep as sep7 } from "node:path";

// src/report/fit.ts
var COMMENT_LIMIT = 65536;
function fitReport(report2, render, options) {
  const limit = options.limit ?? COMMENT_LIMIT;
  const measure = options.measure ?? ((text2) => text2.length);
  const whole = composeMarkdown(report2, render);
  if (measure(whole) <= limit) return { body: whole, folded: false };
  const summary3 = options.fullReportUrl ? `[the job summary](${options.fullReportUrl})` : "the job summary";
  const where2 = options.fullReport ?? `${summary3} and in report.md in the workflow artifact`;
  const unit = options.measure ? "bytes" : "characters";
  const note2 = `> [!NOTE]
> This report is longer than ${options.what ?? "a comment"} may be (${limit.toLocaleString("en-US")} ${unit}). The full report is in ${where2}.`;
  return { body: compact(report2, render, note2, limit, measure), folded: true };
}
function compact(data, render, note2, limit, measure) {
  const gates2 = data.gates ? { text: gatesSection(data.gates), keep: true } : null;
  const head = [{ text: cutLines(top(data, render).join("\n"), Math.floor(limit / 8)), keep: true }, ...gates2 ? [gates2] : []];
  head.push({ text: note2, keep: true });
  const tail = [];
  const trends = trendsSection(data, render.images);
  if (trends) tail.push({ text: trends });
  const shown2 = data.plots.flatMap((p) => {
    const url = p.image ? render.images.url(p.image) : null;
    const chart = !url && render.images.charts ? mermaidChart(p) : null;
    return url ? [`![${escapeCell(p.title)}](${url})`] : chart ? [chart] : [];
  });
  if (shown2.length) tail.push({ text: ["### Plots", ...shown2].join("\n\n") });
  if (render.footer) tail.push({ text: render.footer, keep: true });
  const join29 = (blocks2) => `${blocks2.map((b) => b.text).join("\n\n")}
`;
  const budget = () => limit - measure(join29([...head, ...tail])) - 200;
  for (const [title2, kind] of [
    ["Changed metrics", "metrics"],
    ["Changed params", "params"]
  ]) {
    const rows = tableRows(data, kind, (r) => r.changed);
    if (rows.body.length) head.push({ text: [`### ${title2}`, "", ...boundedTable(rows, budget(), "changed rows: see the full report", measure)].join("\n") });
  }
  if (data.data) {
    const section = ["### Data changes", "", dataChangesSection(data.data)].join("\n");
    if (measure(section) < budget()) head.push({ text: section });
  }
  const why = causesSection(data.metrics);
  if (why && measure(why) < budget()) head.push({ text: why });
  for (const kind of ["metrics", "params"]) {
    const rows = tableRows(data, kind, (r) => !r.changed);
    if (!rows.body.length) continue;
    const shown3 = boundedTable(rows, budget() - 100, `unchanged ${kind}: see the full report`, measure);
    head.push({ text: [`<details><summary>Unchanged ${kind}</summary>`, "", ...shown3, "", "</details>"].join("\n") });
  }
  const blocks = [...head, ...tail];
  for (let i = blocks.length - 1; i >= 0 && measure(join29(blocks)) > limit; i--) if (!blocks[i].keep) blocks.splice(i, 1);
  const excess = () => measure(join29(blocks)) - limit;
  if (gates2) while (excess() > 0 && gates2.text.includes("\n")) gates2.text = cutLines(gates2.text, gates2.text.length - Math.max(1, excess()));
  return join29(blocks);
}
function tableRows(data, kind, keep) {
  const table2 = valueTable(kind, { base: data.base?.label ?? null, head: data.head.label }, kind === "metrics" ? metricDirections(data) : null);
  const body = data[kind].flatMap((f) => f.rows.filter(keep).map((r) => table2.row(f.path, r)));
  return { header: table2.header, body };
}
function boundedTable(table2, budget, what, measure) {
  const out = [...table2.header];
  let size2 = measure(out.join("\n"));
  let shown2 = 0;
  for (const row3 of table2.body) {
    const length = measure(row3) + 1;
    if (size2 + length > budget - 80) break;
    out.push(row3);
    size2 += length;
    shown2++;
  }
  if (shown2 < table2.body.length) out.push("", `_\u2026 ${table2.body.length - shown2} more ${what}._`);
  return shown2 ? out : [`_${table2.body.length} ${what}._`];
}
function cutLines(text2, max) {
  if (text2.length <= max) return text2;
  const slice = text2.slice(0, max);
  const nl = slice.lastIndexOf("\n");
  return nl > 0 ? slice.slice(0, nl) : slice;
}

// src/util/fetch.ts
var DEFAULT_TIMEOUT_MS = 3e4;
var proxies = /* @__PURE__ */ new Map();
function proxyFor(url, Agent) {
  const proxy = getProxyUrl(url);
  if (!proxy?.hostname) return void 0;
  let agent = proxies.get(proxy.href);
  if (!agent) {
    const auth = proxy.username || proxy.password ? { token: `Basic ${Buffer.from(`${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`).toString("base64")}` } : {};
    agent = new Agent({ uri: `${proxy.protocol}//${proxy.host}`, ...auth });
    proxies.set(proxy.href, agent);
  }
  return agent;
}
var RequestTimeoutError = class extends Error {
  constructor(timeoutMs) {
    super(`no answer within ${timeoutMs / 1e3} s`);
    this.timeoutMs = timeoutMs;
    this.name = "RequestTimeoutError";
  }
  timeoutMs;
};
async function httpFetch(input, init = {}, timeoutMs = DEFAULT_TIMEOUT_MS) {
  const url = new URL(input);
  const net = await import("./net.js");
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
  try {
    const options = { ...init, signal, dispatcher: proxyFor(url, net.ProxyAgent) };
    return await net.fetch(url, options);
  } catch (error2) {
    if (timeout.aborted) throw new RequestTimeoutError(timeoutMs);
    throw error2;
  }
}
function fetchWithTimeout(timeoutMs) {
  return (input, init) => httpFetch(input instanceof Request ? input.url : input, init, timeoutMs);
}

// src/publish/github/client.ts
var oneWriteAtATime;
var DO_NOT_RETRY = [400, 401, 403, 404, 410, 422, 429, 451];
async function createGitHubClient(token, apiUrl, options = {}) {
  const { getOctokit, retry, throttling, Bottleneck } = await import("./net.js");
  oneWriteAtATime ??= new Bottleneck.Group({ maxConcurrent: 1 });
  const retries = options.retries ?? 4;
  const maxWaitMs = options.maxWaitMs ?? 6e4;
  const scale = options.waitScale ?? 1;
  const say = options.onRetry ?? (() => void 0);
  const onLimit = (reason) => (retryAfter, request, _octokit, retryCount) => {
    const what = `${reason} on ${request.method} ${request.url}`;
    if (retryCount >= retries) return false;
    if (retryAfter * 1e3 > maxWaitMs) {
      say(`${what}; GitHub asks to wait ${retryAfter} s, longer than mlreport waits (${Math.round(maxWaitMs / 1e3)} s).`);
      return false;
    }
    say(`${what}; retry ${retryCount + 1} of ${retries} in ${(retryAfter * 1e3 * scale / 1e3).toFixed(1)} s.`);
    return true;
  };
  return getOctokit(
    token,
    {
      baseUrl: apiUrl.replace(/\/+$/, ""),
      request: { fetch: fetchWithTimeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS) },
      retry: { retries, doNotRetry: DO_NOT_RETRY, retryAfterBaseValue: 1e3 * scale },
      throttle: {
        retryAfterBaseValue: 1e3 * scale,
        write: oneWriteAtATime,
        notifications: oneWriteAtATime,
        onRateLimit: onLimit("Rate limit exhausted"),
        onSecondaryRateLimit: onLimit("Secondary rate limit")
      }
    },
    logRetries(retries, scale, say),
    retry,
    throttling
  );
}
function logRetries(retries, scale, say) {
  return (octokit) => {
    octokit.hook.error("request", (error2, options) => {
      const status = apiStatus(error2);
      const attempt = (options.request?.retryCount ?? 0) + 1;
      if (status !== void 0 && status >= 400 && !DO_NOT_RETRY.includes(status) && attempt <= retries) {
        const reason = error2.response ? `GitHub answered ${status}` : `Network error (${apiMessage(error2)})`;
        say(`${reason} on ${options.method} ${options.url}; retry ${attempt} of ${retries} in ${(attempt ** 2 * scale).toFixed(1)} s.`);
      }
      throw error2;
    });
  };
}
function apiMessage(error2) {
  const e = error2 ?? {};
  const data = e.response?.data;
  const details = (data?.errors ?? []).map((x) => x.message).filter((m) => typeof m === "string");
  const main = typeof data?.message === "string" ? data.message : e.message ?? String(error2);
  return details.length ? `${main}: ${details.join("; ")}` : main;
}
function apiStatus(error2) {
  const status = error2?.status;
  return typeof status === "number" ? status : void 0;
}
function isPermissionError(error2) {
  const status = apiStatus(error2);
  return status === 404 || status === 403 && !/rate limit/i.test(apiMessage(error2));
}

// src/publish/github/key-line.ts
function keyLine(text2, key2) {
  let from = 0;
  let at = -1;
  for (const segment of key2.split(".")) {
    const escaped = segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const re = new RegExp(`(?:["']${escaped}["']|(?:^|[\\s{,])${escaped})\\s*[:=]`, "gm");
    re.lastIndex = from;
    const m = re.exec(text2);
    if (!m) return at < 0 ? 1 : lineAt(text2, at);
    at = m.index + (/^\s/.test(m[0]) ? m[0].length - m[0].trimStart().length : 0);
    from = m.index + m[0].length;
  }
  return at < 0 ? 1 : lineAt(text2, at);
}
function lineAt(text2, offset) {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text2.charCodeAt(i) === 10) line++;
  return line;
}

// src/publish/github/checks.ts
var CHECK_TEXT_LIMIT = 65535;
var ANNOTATIONS_PER_REQUEST = 50;
var STATUS_DESCRIPTION_LIMIT = 140;
var CheckRunTarget = class {
  constructor(options, log) {
    this.options = options;
    this.log = log;
  }
  options;
  log;
  name = "check run";
  async publish(report2, context) {
    const drawn = await this.outcome(report2, context);
    if (!drawn) return { skipped: true };
    const outcome2 = { headSha: this.options.github.headSha ?? this.options.github.sha, ...drawn };
    const client = await createGitHubClient(this.options.github.token, this.options.github.apiUrl, this.options.clientOptions);
    const checkRun = await this.createCheckRun(client, outcome2);
    if (!("refused" in checkRun)) return checkRun;
    this.log.warning(`Cannot create the check run '${this.options.checkName}'${checkRun.refused}; setting a commit status instead.`);
    const status = await this.setStatus(client, outcome2);
    if (status) return status;
    this.log.warning(
      `Cannot set a commit status either (403: the token needs \`statuses: write\`; fork pull requests get a read-only token). The gate's outcome is in this log only.`
    );
    for (const a of outcome2.annotations) {
      const where2 = { file: a.path, line: a.start_line };
      if (a.annotation_level === "failure") this.log.error(`${a.title}: ${a.message}`, where2);
      else this.log.warning(`${a.title}: ${a.message}`, where2);
    }
    return {};
  }
  /** The check run, annotations beyond the first 50 appended by updates; why not, when the token may not create it. */
  async createCheckRun(client, o) {
    const { owner, repo } = this.options.github;
    const output = (annotations) => ({ title: o.title, summary: o.summary, annotations });
    let created;
    try {
      created = await client.request("POST /repos/{owner}/{repo}/check-runs", {
        owner,
        repo,
        name: this.options.checkName,
        head_sha: o.headSha,
        conclusion: o.failed ? "failure" : "success",
        completed_at: (/* @__PURE__ */ new Date()).toISOString(),
        ...this.runUrl() ? { details_url: this.runUrl() } : {},
        output: output(o.annotations.slice(0, ANNOTATIONS_PER_REQUEST))
      });
    } catch (error2) {
      if (!isNotPermitted(error2)) throw error2;
      if (/authenticate via a GitHub App/i.test(apiMessage(error2))) {
        return {
          refused: `: only a GitHub App token (such as the workflow's GITHUB_TOKEN) may create check runs, and 'github-token' is a personal access or OAuth token`
        };
      }
      return { refused: " (403: the token needs `checks: write`)" };
    }
    for (let i = ANNOTATIONS_PER_REQUEST; i < o.annotations.length; i += ANNOTATIONS_PER_REQUEST) {
      await client.request("PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}", {
        owner,
        repo,
        check_run_id: created.data.id,
        output: output(o.annotations.slice(i, i + ANNOTATIONS_PER_REQUEST))
      });
    }
    return { location: created.data.html_url ?? void 0 };
  }
  /** A commit status named like the check; null when the token may not set it. */
  async setStatus(client, o) {
    const { owner, repo } = this.options.github;
    try {
      await client.request("POST /repos/{owner}/{repo}/statuses/{sha}", {
        owner,
        repo,
        sha: o.headSha,
        state: o.failed ? "failure" : "success",
        context: this.options.checkName,
        description: truncate(o.title, STATUS_DESCRIPTION_LIMIT, "\u2026"),
        target_url: this.runUrl()
      });
    } catch (error2) {
      if (isNotPermitted(error2)) return null;
      throw error2;
    }
    return { location: `commit status '${this.options.checkName}' on ${o.headSha}` };
  }
  runUrl() {
    const { serverUrl, owner, repo, runId } = this.options.github;
    return runId ? `${serverUrl.replace(/\/+$/, "")}/${owner}/${repo}/actions/runs/${runId}` : null;
  }
};
var GateCheckPublisher = class extends CheckRunTarget {
  constructor(gateOptions, log) {
    super(gateOptions, log);
    this.gateOptions = gateOptions;
  }
  gateOptions;
  async outcome(report2, context) {
    const gates2 = report2.gates;
    if (!gates2) return null;
    return {
      // Not only broken rules: a gate that checked nothing fails too (GitHub counts `neutral` as passing a required check).
      failed: !gates2.passed,
      // The report's verdict, as the comment's and the job summary's first line says it.
      title: stripEmoji(report2.verdict.line),
      // The check page cannot show images relative to report.md: the hosted ones, else the Mermaid charts.
      summary: fitReport(
        report2,
        { images: hostedImages(context.hosted, "the workflow artifact") },
        { limit: CHECK_TEXT_LIMIT, what: "a check run summary", fullReportUrl: this.runUrl() }
      ).body,
      annotations: await this.annotations(gates2)
    };
  }
  /** One annotation per broken rule: on the metrics file at the key's line, else on the rule's own line. */
  async annotations(gates2) {
    const out = [];
    const prefix = await this.workspaceInRepo();
    const texts = /* @__PURE__ */ new Map();
    const tree = workspaceTree(this.gateOptions.workspace);
    const read = async (path) => {
      if (!texts.has(path))
        texts.set(
          path,
          await tree.read(path).then(
            (bytes) => bytes?.toString("utf8") ?? null,
            () => null
          )
        );
      return texts.get(path);
    };
    for (const r of gates2.rules) {
      if (r.status !== "failed" && r.status !== "error") continue;
      const level = r.status === "error" || r.level === "fail" ? "failure" : "warning";
      const title2 = `${r.level === "warn" ? "Warning" : "Gate"}: ${r.rule}`.slice(0, 255);
      let path = null;
      let line = 1;
      if (r.metric) {
        path = r.metric.file;
        const text2 = await read(r.metric.file);
        if (text2 !== null) line = keyLine(text2, r.metric.key);
      } else if (r.source.file) {
        path = r.source.file;
        line = r.source.line;
      }
      if (!path) continue;
      out.push({ path: prefix ? posix10.join(prefix, path) : path, start_line: line, end_line: line, annotation_level: level, title: title2, message: ruleMessage(r) });
    }
    return out;
  }
  /** Annotation paths are relative to the repository root, metrics paths to the workspace: the workspace's place in the repo. */
  async workspaceInRepo() {
    const real = async (p) => realpath3(p).catch(() => p);
    const prefix = relative6(await real(this.gateOptions.repoRoot), await real(this.gateOptions.workspace)).split(sep7).join("/");
    return prefix.startsWith("..") ? "" : prefix;
  }
};
function ruleMessage(r) {
  return `${r.detail} (rule from ${r.source.origin} line ${r.source.line})`;
}
function isNotPermitted(error2) {
  if (typeof error2 !== "object" || error2 === null || error2.status !== 403) return false;
  const message = error2.message;
  return !/rate limit/i.test(typeof message === "string" ? message : "");
}
function truncate(text2, limit, tail) {
  if (text2.length <= limit) return text2;
  let cut = text2.slice(0, limit - tail.length);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return cut + tail;
}
function stripEmoji(text2) {
  return text2.replace(/^[^\p{L}\p{N}]+/u, "");
}

// src/publish/local.ts
import { join as join23, resolve as resolve6 } from "node:path";

// src/util/json-text.ts
var PIECE = 64 * 1024;
var ONE_LINE_INDENT = 2 * 3;
function writeJson(value2, emit) {
  let text2 = "";
  const full = () => {
    if (text2.length < PIECE) return;
    emit(text2);
    text2 = "";
  };
  const walk2 = (value3, indent) => {
    if (typeof value3 !== "object" || value3 === null || indent.length >= ONE_LINE_INDENT + (Array.isArray(value3) ? 2 : 0) || value3 instanceof Number || value3 instanceof String || value3 instanceof Boolean) {
      text2 += JSON.stringify(value3);
      return;
    }
    const inner = `${indent}  `;
    if (Array.isArray(value3)) {
      if (!value3.length) {
        text2 += "[]";
        return;
      }
      const between = `,
${inner}`;
      const lines2 = inner.length >= ONE_LINE_INDENT + 2;
      text2 += `[
${inner}`;
      for (let i = 0; i < value3.length; i++) {
        if (i) text2 += between;
        const item = jsonValue(value3[i], i);
        if (omitted(item)) text2 += "null";
        else if (lines2) text2 += JSON.stringify(item);
        else walk2(item, inner);
        full();
      }
      text2 += `
${indent}]`;
      return;
    }
    const record = value3;
    const names = Object.keys(record);
    let first = true;
    for (let k = 0; k < names.length; k++) {
      const name = names[k];
      const item = jsonValue(record[name], name);
      if (omitted(item)) continue;
      text2 += `${first ? "{" : ","}
${inner}${JSON.stringify(name)}: `;
      first = false;
      walk2(item, inner);
      full();
    }
    text2 += first ? "{}" : `
${indent}}`;
  };
  const top2 = jsonValue(value2, "");
  if (omitted(top2)) return;
  walk2(top2, "");
  if (text2) emit(text2);
}
function jsonValue(value2, key2) {
  if (value2 !== null && (typeof value2 === "object" || typeof value2 === "bigint")) {
    const toJSON = value2.toJSON;
    if (typeof toJSON === "function") return toJSON.call(value2, String(key2));
  }
  return value2;
}
function omitted(value2) {
  return value2 === void 0 || typeof value2 === "function" || typeof value2 === "symbol";
}

// src/publish/local.ts
var LocalFilesPublisher = class {
  constructor(dir, markdown, json) {
    this.dir = dir;
    this.markdown = markdown;
    this.json = json;
  }
  dir;
  markdown;
  json;
  name = "local files";
  get markdownPath() {
    return resolve6(this.dir, "report.md");
  }
  get jsonPath() {
    return resolve6(this.dir, "report.json");
  }
  async publish(report2) {
    await writeTextAtomic(join23(this.dir, "report.json"), (write) => {
      writeJson(this.json(report2), write);
      write("\n");
    });
    await writeFileAtomic(join23(this.dir, "report.md"), this.markdown(report2));
    return { location: this.markdownPath };
  }
};

// src/util/http.ts
var HttpError = class extends UserError {
  constructor(message, status, body) {
    super(message);
    this.status = status;
    this.body = body;
    this.name = "HttpError";
  }
  status;
  body;
};
var RETRY_STATUSES = /* @__PURE__ */ new Set([408, 429, 500, 502, 503, 504]);
var JsonHttp = class {
  constructor(settings) {
    this.settings = settings;
    this.attempts = settings.attempts ?? 4;
    this.backoffMs = settings.backoffMs ?? 500;
    this.maxRetryAfterMs = settings.maxRetryAfterMs ?? 3e4;
    this.timeoutMs = settings.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }
  settings;
  attempts;
  backoffMs;
  maxRetryAfterMs;
  timeoutMs;
  get service() {
    return this.settings.service;
  }
  /** Returns the response for any status below 400; throws HttpError otherwise (after retries). */
  async request(method, path, options = {}) {
    const url = new URL(this.settings.baseUrl.replace(/\/+$/, "") + path);
    for (const [k, v] of Object.entries(options.query ?? {})) url.searchParams.set(k, String(v));
    const headers = { accept: "application/json", "user-agent": `mlreport/${VERSION}`, ...this.settings.headers };
    let body;
    if (options.body !== void 0) {
      headers["content-type"] = "application/json";
      body = JSON.stringify(options.body);
    }
    const what = `${method} ${url.pathname}`;
    let lastError = null;
    for (let attempt = 1; attempt <= this.attempts; attempt++) {
      let response;
      try {
        response = await httpFetch(url, { method, headers, body }, this.timeoutMs);
      } catch (error2) {
        lastError = new HttpError(this.scrub(`${this.service}: ${what} failed: ${networkReason(error2, this.timeoutMs)}`), null, null);
        if (attempt < this.attempts) await sleep2(this.backoff(attempt));
        continue;
      }
      const text2 = await response.text().catch(() => "");
      const data = parseJson2(text2);
      if (response.status < 400) return { status: response.status, data, headers: response.headers };
      lastError = new HttpError(this.scrub(`${this.service}: ${what} returned ${response.status}${serverMessage(data, text2)}`), response.status, data);
      if (!RETRY_STATUSES.has(response.status) || attempt === this.attempts) break;
      await sleep2(this.retryAfter(response.headers.get("retry-after")) ?? this.backoff(attempt));
    }
    throw lastError ?? new HttpError(`${this.service}: ${what} failed`, null, null);
  }
  /** Removes every secret from a message, whatever the server echoed back. */
  scrub(message) {
    let out = message;
    for (const secret of this.settings.secrets) if (secret) out = out.split(secret).join("***");
    return out;
  }
  backoff(attempt) {
    return this.backoffMs * 2 ** (attempt - 1);
  }
  retryAfter(header) {
    if (!header) return null;
    const seconds = Number(header);
    const ms = Number.isFinite(seconds) ? seconds * 1e3 : Date.parse(header) - Date.now();
    if (!Number.isFinite(ms)) return null;
    return Math.min(Math.max(ms, 0), this.maxRetryAfterMs);
  }
};
function parseJson2(text2) {
  if (!text2) return null;
  try {
    return JSON.parse(text2);
  } catch {
    return text2;
  }
}
function serverMessage(data, text2) {
  if (data && typeof data === "object") {
    const d = data;
    const parts = [typeof d.error_code === "string" ? d.error_code : "", typeof d.message === "string" ? d.message : ""].filter(Boolean);
    if (parts.length) return `: ${parts.join(": ").slice(0, 500)}`;
  }
  const clean2 = text2.replace(/\s+/g, " ").trim();
  return clean2 ? `: ${clean2.slice(0, 200)}` : "";
}
function networkReason(error2, timeoutMs) {
  if (error2 instanceof RequestTimeoutError || error2 instanceof Error && error2.name === "AbortError") return `no answer within ${timeoutMs / 1e3} s`;
  const cause = error2 instanceof Error ? error2.cause : void 0;
  if (cause?.code) return `${cause.code}${cause.message ? ` (${cause.message})` : ""}`;
  return error2 instanceof Error ? error2.message : String(error2);
}
function sleep2(ms) {
  return new Promise((resolve7) => setTimeout(resolve7, ms));
}
function basicAuth(user, password) {
  return `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
}

// src/publish/hub/gitea.ts
var PAGE_SIZE = 50;
var MAX_PAGES = 40;
var GiteaClient = class {
  constructor(http, owner, repo) {
    this.http = http;
    this.repoPath = `/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}`;
  }
  http;
  repoPath;
  /** The login of the token's owner. */
  async currentUser() {
    const { data } = await this.http.request("GET", "/user");
    const login = data?.login || data?.username;
    if (!login) throw new HttpError(`${this.http.service}: GET /user returned no login`, 200, data);
    return login;
  }
  openPulls() {
    return this.paginate(`${this.repoPath}/pulls`, { state: "open" });
  }
  /**
   * Every comment of an issue or PR, in one answer: Gitea's and Gogs' comment list has no pages (its swagger
   * defines only `since`/`before`; `page`/`limit` are ignored and no `Link` header comes back), so paging it would
   * read the same list again and again.
   */
  async comments(index) {
    const path = `${this.repoPath}/issues/${index}/comments`;
    const { data } = await this.http.request("GET", path);
    if (!Array.isArray(data)) throw new HttpError(`${this.http.service}: GET ${path} did not return a list`, 200, data);
    return data;
  }
  async createComment(index, body) {
    return (await this.http.request("POST", `${this.repoPath}/issues/${index}/comments`, { body: { body } })).data;
  }
  /**
   * Edits a comment in place. Gitea's path is `/issues/comments/{id}`, Gogs' (which DagsHub grew from)
   * `/issues/{index}/comments/{id}`; DagsHub documents neither. Returns null when the hub has no such endpoint.
   */
  async editComment(index, id, body) {
    for (const path of this.commentPaths(index, id)) {
      try {
        return (await this.http.request("PATCH", path, { body: { body } })).data;
      } catch (error2) {
        if (!isMissingEndpoint(error2)) throw error2;
      }
    }
    return null;
  }
  /** Deletes a comment; false when the hub has no delete endpoint. */
  async deleteComment(index, id) {
    for (const path of this.commentPaths(index, id)) {
      try {
        await this.http.request("DELETE", path);
        return true;
      } catch (error2) {
        if (!isMissingEndpoint(error2)) throw error2;
      }
    }
    return false;
  }
  commentPaths(index, id) {
    return [`${this.repoPath}/issues/comments/${id}`, `${this.repoPath}/issues/${index}/comments/${id}`];
  }
  /**
   * Lists that Gitea pages (pulls) take `page` (from 1) and `limit`, and say in a `Link` header whether a next page
   * exists (the server may cap `limit` lower than asked); without the header, a short page is the last.
   */
  async paginate(path, query) {
    const out = [];
    for (let page = 1; page <= MAX_PAGES; page++) {
      const { data, headers } = await this.http.request("GET", path, { query: { ...query, page, limit: PAGE_SIZE } });
      if (!Array.isArray(data)) throw new HttpError(`${this.http.service}: GET ${path} did not return a list`, 200, data);
      for (const item of data) out.push(item);
      const link = headers.get("link");
      const hasNext = link ? /rel="next"/.test(link) : data.length >= PAGE_SIZE;
      if (!hasNext || !data.length) break;
    }
    return out;
  }
};
function isMissingEndpoint(error2) {
  return error2 instanceof HttpError && (error2.status === 404 || error2.status === 405);
}

// src/publish/hub/comment.ts
function hubHttp(hub, tuning = {}) {
  return new JsonHttp({
    service: `DagsHub (${hub.url})`,
    baseUrl: `${hub.url}/api/v1`,
    headers: hub.token ? { authorization: `Bearer ${hub.token}` } : {},
    secrets: hub.token ? [hub.token] : [],
    ...tuning
  });
}
var HubCommentPublisher = class {
  constructor(hub, log, tuning = {}) {
    this.hub = hub;
    this.log = log;
    this.name = `DagsHub PR comment (${hub.owner}/${hub.repo})`;
    this.api = new GiteaClient(hubHttp(hub, tuning), hub.owner, hub.repo);
  }
  hub;
  log;
  name;
  api;
  async publish(report2) {
    if (this.hub.change.prNumber === null) {
      this.log.info("DagsHub: not a pull request, so no PR comment (the MLflow run is still logged).");
      return { skipped: true };
    }
    if (!this.hub.token)
      throw new UserError("'hub-token' is empty, so nothing was posted to DagsHub. Set it from a secret (pull requests from forks get no secrets).");
    const branch = this.hub.change.branch;
    if (!branch) throw new UserError("The event names no head branch, so the DagsHub PR cannot be found.");
    const pull2 = matchPull(await this.guard(this.api.openPulls()), branch, this.hub.change.sha);
    if (!pull2) {
      throw new UserError(
        `No open DagsHub PR in ${this.hub.owner}/${this.hub.repo} has head branch '${branch}': the PR is not mirrored. Open it on DagsHub (or connect the repository), or check 'hub-repo'.`
      );
    }
    const body = hubBody(report2);
    const login = await this.api.currentUser().catch(() => null);
    const ours = (await this.guard(this.api.comments(pull2.number))).filter((c) => c.body?.includes(REPORT_MARKER) && (!login || authorOf(c) === login));
    const existing = ours.at(-1);
    let comment2;
    if (!existing) {
      comment2 = await this.guard(this.api.createComment(pull2.number, body));
      this.log.info(`DagsHub: posted the report on PR #${pull2.number}.`);
    } else {
      const edited = await this.guard(this.api.editComment(pull2.number, existing.id, body));
      if (edited) {
        comment2 = edited;
        this.log.info(`DagsHub: updated the report on PR #${pull2.number}.`);
      } else {
        comment2 = await this.guard(this.api.createComment(pull2.number, body));
        const deleted = await this.api.deleteComment(pull2.number, existing.id).catch(() => false);
        this.log.info(
          `DagsHub cannot edit comments: posted the report anew on PR #${pull2.number}${deleted ? " and deleted the old one" : `; the old one (${existing.id}) could not be deleted`}.`
        );
      }
    }
    for (const stale of ours.slice(0, -1)) await this.api.deleteComment(pull2.number, stale.id).catch(() => false);
    return { location: comment2.html_url ?? pull2.html_url ?? `${this.hub.url}/${this.hub.owner}/${this.hub.repo}/pulls/${pull2.number}` };
  }
  /** Turns the statuses people can fix into messages that say how. */
  async guard(call) {
    try {
      return await call;
    } catch (error2) {
      if (error2 instanceof HttpError && (error2.status === 401 || error2.status === 403)) {
        throw new UserError(`${error2.message}. Check 'hub-token': a DagsHub access token of a user with write access to ${this.hub.owner}/${this.hub.repo}.`);
      }
      if (error2 instanceof HttpError && error2.status === 404) {
        throw new UserError(`${error2.message}. Check 'hub-repo' (${this.hub.owner}/${this.hub.repo}) and 'hub-url' (${this.hub.url}).`);
      }
      throw error2;
    }
  }
};
function matchPull(pulls, branch, sha) {
  const candidates = pulls.filter((p) => (p.state ?? "open") === "open" && p.head?.ref === branch);
  if (!candidates.length) return null;
  const atSha = sha ? candidates.filter((p) => p.head?.sha === sha) : [];
  const pool = atSha.length ? atSha : candidates;
  return pool.reduce((a, b) => b.number > a.number ? b : a);
}
function hubBody(report2) {
  return composeMarkdown(report2, { images: hostedImages(/* @__PURE__ */ new Map(), "the GitHub report", false) });
}
function authorOf(comment2) {
  return comment2.user?.login || comment2.user?.username;
}

// src/publish/mlflow/batch.ts
var LOG_BATCH_LIMITS = { metrics: 1e3, params: 100, tags: 100, items: 1e3, bytes: 1e6 };
var LENGTH_LIMITS = { key: 250, paramValue: 500, tagValue: 5e3 };
var ENVELOPE_BYTES = 200;
function splitBatches(all, limits = LOG_BATCH_LIMITS) {
  const batches = [];
  let current = { metrics: [], params: [], tags: [] };
  let bytes = ENVELOPE_BYTES;
  const size2 = (b) => b.metrics.length + b.params.length + b.tags.length;
  const add3 = (kind, item) => {
    const itemBytes = Buffer.byteLength(JSON.stringify(item)) + 1;
    const full = current[kind].length >= limits[kind] || size2(current) >= limits.items || size2(current) > 0 && bytes + itemBytes > limits.bytes;
    if (full) {
      batches.push(current);
      current = { metrics: [], params: [], tags: [] };
      bytes = ENVELOPE_BYTES;
    }
    current[kind].push(item);
    bytes += itemBytes;
  };
  for (const p of all.params) add3("params", p);
  for (const t of all.tags) add3("tags", t);
  for (const m of all.metrics) add3("metrics", m);
  if (size2(current)) batches.push(current);
  return batches;
}
function mlflowKey(name, notes) {
  let key2 = name.replace(/[^\p{L}\p{N}_\-./ ]/gu, "_").split("/").filter((segment) => segment && segment !== "." && segment !== "..").join("/");
  if (!key2) key2 = "_";
  if (key2.length > LENGTH_LIMITS.key) {
    notes.push(`Key '${key2.slice(0, 60)}\u2026' is longer than ${LENGTH_LIMITS.key} characters; cut to fit MLflow.`);
    key2 = key2.slice(0, LENGTH_LIMITS.key);
  }
  return key2;
}
function fitValue(key2, value2, limit, notes) {
  if (value2.length <= limit) return value2;
  const marker = "\u2026(truncated)";
  notes.push(`The value of '${key2}' is ${value2.length} characters; MLflow keeps ${limit}, so it was cut.`);
  return value2.slice(0, limit - marker.length) + marker;
}

// src/publish/mlflow/client.ts
var MlflowClient = class {
  constructor(http) {
    this.http = http;
  }
  http;
  /** null when there is no experiment of that name (RESOURCE_DOES_NOT_EXIST). */
  async experimentByName(name) {
    try {
      const { data } = await this.http.request("GET", "/api/2.0/mlflow/experiments/get-by-name", {
        query: { experiment_name: name }
      });
      return data.experiment;
    } catch (error2) {
      if (errorCode(error2) === "RESOURCE_DOES_NOT_EXIST") return null;
      throw error2;
    }
  }
  /** The experiment's id, creating it when missing (and surviving a concurrent creation). */
  async ensureExperiment(name, tags = []) {
    const found = await this.experimentByName(name);
    if (found) return found;
    try {
      const { data } = await this.http.request("POST", "/api/2.0/mlflow/experiments/create", { body: { name, tags } });
      return { experiment_id: data.experiment_id, name, lifecycle_stage: "active" };
    } catch (error2) {
      if (errorCode(error2) !== "RESOURCE_ALREADY_EXISTS") throw error2;
      const again = await this.experimentByName(name);
      if (!again) throw error2;
      return again;
    }
  }
  /** The first active run in the experiment with this tag value. */
  async findRunByTag(experimentId, key2, value2) {
    const filter = `tags.\`${key2}\` = '${value2.replace(/'/g, "\\'")}'`;
    const { data } = await this.http.request("POST", "/api/2.0/mlflow/runs/search", {
      body: { experiment_ids: [experimentId], filter, run_view_type: "ACTIVE_ONLY", max_results: 1, order_by: ["attributes.start_time DESC"] }
    });
    return data.runs?.[0] ?? null;
  }
  async createRun(experimentId, runName2, startTime, tags) {
    const { data } = await this.http.request("POST", "/api/2.0/mlflow/runs/create", {
      body: { experiment_id: experimentId, run_name: runName2, start_time: startTime, tags }
    });
    return data.run;
  }
  async updateRun(runId, status, endTime) {
    await this.http.request("POST", "/api/2.0/mlflow/runs/update", { body: { run_id: runId, status, ...endTime ? { end_time: endTime } : {} } });
  }
  async logBatch(runId, batch) {
    await this.http.request("POST", "/api/2.0/mlflow/runs/log-batch", { body: { run_id: runId, ...batch } });
  }
  async setTag(runId, key2, value2) {
    await this.http.request("POST", "/api/2.0/mlflow/runs/set-tag", { body: { run_id: runId, key: key2, value: value2 } });
  }
};
function errorCode(error2) {
  if (!(error2 instanceof HttpError) || !error2.body || typeof error2.body !== "object") return null;
  const code2 = error2.body.error_code;
  return typeof code2 === "string" ? code2 : null;
}

// src/publish/mlflow/plan.ts
var RUN_KEY_TAG = "mlreport.head_sha";
var HISTORY_TAG_PREFIX = "mlreport.history.";
function planRun(data, logs, context, notes) {
  const sha = context.sha;
  const metricKey = keyMaker([...rowsOf(data.metrics), ...logs.map((l) => ({ file: l.file, key: l.name }))], notes);
  const paramKey = keyMaker(rowsOf(data.params), notes);
  const series2 = [];
  const logged = /* @__PURE__ */ new Set();
  for (const s of logs) {
    const key2 = metricKey(s.file, s.name);
    logged.add(key2);
    for (const p of s.points) series2.push({ key: key2, value: p.value, timestamp: p.timestamp, step: p.step });
  }
  const finals = [];
  for (const { file, key: name, value: value2 } of rowsOf(data.metrics)) {
    const key2 = metricKey(file, name);
    if (logged.has(key2)) continue;
    const number4 = typeof value2 === "boolean" ? void 0 : numericValue(value2 ?? void 0);
    if (number4 === void 0 || !Number.isFinite(number4)) {
      notes.push(`Metric '${name}' in ${file} is ${JSON.stringify(value2)}, not a number; MLflow metrics are numbers, so it was not logged.`);
      continue;
    }
    finals.push({ key: key2, value: number4, timestamp: context.now, step: 0 });
  }
  const params = [];
  for (const { file, key: name, value: value2 } of rowsOf(data.params)) {
    const key2 = paramKey(file, name);
    params.push({ key: key2, value: fitValue(key2, value2 === null ? "null" : displayValue(value2, null), LENGTH_LIMITS.paramValue, notes) });
  }
  const change2 = context.change;
  const runName2 = `${change2.branch ?? data.head.label} @ ${sha.slice(0, 7)}`;
  const tags = [
    { key: RUN_KEY_TAG, value: sha },
    { key: "mlflow.runName", value: runName2 },
    { key: "mlflow.source.git.commit", value: sha },
    { key: "mlflow.source.type", value: "JOB" },
    { key: "mlflow.source.name", value: change2.runUrl ?? change2.repository ?? "mlreport" },
    { key: "mlflow.note.content", value: noteContent(context.markdown, change2.runUrl, notes) }
  ];
  if (change2.branch) tags.push({ key: "mlflow.source.git.branch", value: change2.branch });
  if (change2.repository) tags.push({ key: "mlflow.source.git.repoURL", value: `https://github.com/${change2.repository}` });
  if (change2.prNumber !== null) tags.push({ key: "ci.pr", value: String(change2.prNumber) });
  if (change2.runUrl) tags.push({ key: "ci.run_url", value: change2.runUrl });
  if (data.base?.sha) tags.push({ key: "ci.base_sha", value: data.base.sha });
  for (const t of data.trends) tags.push({ key: mlflowKey(`${HISTORY_TAG_PREFIX}${metricKey(t.file, t.key)}`, notes), value: standingText(t.standing) });
  for (const t of tags) t.value = fitValue(t.key, t.value, LENGTH_LIMITS.tagValue, notes);
  return { runKey: sha, runName: runName2, params: dedupe(params, notes), finals, series: series2, tags };
}
function noteContent(markdown, runUrl, notes) {
  if (markdown.length <= LENGTH_LIMITS.tagValue) return markdown;
  const trailer = `

_The report was cut here to fit MLflow's ${LENGTH_LIMITS.tagValue}-character note; the full report is ${runUrl ? `in the workflow run: ${runUrl}` : "in report.md"}._
`;
  const room = LENGTH_LIMITS.tagValue - trailer.length;
  const cut = markdown.lastIndexOf("\n", room);
  notes.push(`The report is ${markdown.length} characters; the run's note keeps the first ${LENGTH_LIMITS.tagValue}.`);
  return markdown.slice(0, cut > room / 2 ? cut : room) + trailer;
}
function keyMaker(entries, notes) {
  const files = /* @__PURE__ */ new Map();
  for (const { file, key: key2 } of entries) files.set(key2, (files.get(key2) ?? /* @__PURE__ */ new Set()).add(file));
  return (file, key2) => mlflowKey((files.get(key2)?.size ?? 0) > 1 ? `${file}/${key2}` : key2, notes);
}
function rowsOf(files) {
  return files.flatMap((f) => f.rows.filter((r) => r.new !== void 0).map((r) => ({ file: f.path, key: r.key, value: r.new ?? null })));
}
function dedupe(params, notes) {
  const seen = /* @__PURE__ */ new Map();
  return params.filter((p) => {
    if (!seen.has(p.key)) return seen.set(p.key, p.value), true;
    if (seen.get(p.key) !== p.value) notes.push(`Two params map to the MLflow key '${p.key}'; the first one was logged.`);
    return false;
  });
}

// src/publish/mlflow/mirror.ts
var MlflowRunPublisher = class {
  constructor(config, logs, log, options = {}) {
    this.config = config;
    this.logs = logs;
    this.log = log;
    this.options = options;
    this.name = `MLflow run (${config.trackingUri})`;
  }
  config;
  logs;
  log;
  options;
  name;
  async publish(report2) {
    const sha = this.config.change.sha ?? report2.head.sha;
    if (!sha) throw new UserError("The head has no commit, so there is no MLflow run to log to (commit first).");
    const client = new MlflowClient(await this.http());
    const now = this.options.now?.() ?? Date.now();
    const notes = [];
    const plan2 = planRun(report2, this.logs, { sha, change: this.config.change, markdown: hubBody(report2), now }, notes);
    const experiment = await this.guard(client.ensureExperiment(this.config.experiment));
    if (experiment.lifecycle_stage === "deleted") {
      throw new UserError(`MLflow experiment '${this.config.experiment}' is deleted: restore it, or name another with 'mlflow-experiment'.`);
    }
    const existing = await this.guard(client.findRunByTag(experiment.experiment_id, RUN_KEY_TAG, plan2.runKey));
    const identity = plan2.tags.filter((t) => [RUN_KEY_TAG, "mlflow.runName", "mlflow.source.git.commit"].includes(t.key));
    const run3 = existing ?? await this.guard(client.createRun(experiment.experiment_id, plan2.runName, now, identity));
    const runId = run3.info.run_id;
    if (existing) await this.guard(client.updateRun(runId, "RUNNING"));
    const params = existing ? newParams(plan2.params, existing, notes) : plan2.params;
    const metrics = existing ? newMetrics(plan2.finals, plan2.series, existing) : [...plan2.series, ...plan2.finals];
    const batches = splitBatches({ params, tags: plan2.tags, metrics });
    try {
      for (const batch of batches) await this.guard(client.logBatch(runId, batch));
    } catch (error2) {
      await client.updateRun(runId, "FAILED", now).catch(() => void 0);
      throw error2;
    }
    await this.guard(client.updateRun(runId, "FINISHED", now));
    for (const note2 of notes) this.log.warning(`MLflow: ${note2}`);
    this.log.info(
      `MLflow: ${existing ? "updated" : "created"} run ${runId} in experiment '${this.config.experiment}' (${params.length} params, ${metrics.length} metric points, ${batches.length} request${batches.length === 1 ? "" : "s"}).`
    );
    return { location: `${this.config.trackingUri}/#/experiments/${experiment.experiment_id}/runs/${runId}` };
  }
  async http() {
    const auth = this.config.auth;
    const headers = {};
    const secrets = [];
    if (auth.kind === "bearer") {
      headers.authorization = `Bearer ${auth.token}`;
      secrets.push(auth.token);
    } else if (auth.kind === "basic") {
      const user = auth.username ?? await this.whoOwnsTheToken();
      headers.authorization = basicAuth(user, auth.password);
      secrets.push(auth.password, headers.authorization.slice("Basic ".length));
    }
    return new JsonHttp({ service: `MLflow (${this.config.trackingUri})`, baseUrl: this.config.trackingUri, headers, secrets, ...this.options.tuning });
  }
  async whoOwnsTheToken() {
    if (!this.options.resolveUser) throw new UserError("MLflow needs a user name with the token: set 'hub-user' (or MLFLOW_TRACKING_USERNAME).");
    try {
      return await this.options.resolveUser();
    } catch (error2) {
      throw new UserError(`Could not ask DagsHub who owns 'hub-token' (${error2 instanceof Error ? error2.message : String(error2)}); set 'hub-user'.`);
    }
  }
  async guard(call) {
    try {
      return await call;
    } catch (error2) {
      if (error2 instanceof HttpError && (error2.status === 401 || error2.status === 403)) {
        throw new UserError(
          `${error2.message}. Check the MLflow credentials: 'hub-user' and 'hub-token' for DagsHub, or MLFLOW_TRACKING_USERNAME/MLFLOW_TRACKING_PASSWORD (or MLFLOW_TRACKING_TOKEN).`
        );
      }
      if (error2 instanceof HttpError && error2.status === 404 && !(error2.body && typeof error2.body === "object" && "error_code" in error2.body)) {
        throw new UserError(`${error2.message}. No MLflow server answers at ${this.config.trackingUri}: check 'mlflow-tracking-uri' (or 'hub-repo').`);
      }
      throw error2;
    }
  }
};
function newParams(params, run3, notes) {
  const had = new Map((run3.data?.params ?? []).map((p) => [p.key, p.value]));
  return params.filter((p) => {
    const old = had.get(p.key);
    if (old === void 0) return true;
    if (old !== p.value) notes.push(`Param '${p.key}' was logged as '${old}' for this commit; MLflow params cannot change, so '${p.value}' was not logged.`);
    return false;
  });
}
function newMetrics(finals, series2, run3) {
  const latest = new Map((run3.data?.metrics ?? []).map((m) => [m.key, m.value]));
  return [...series2.filter((m) => !latest.has(m.key)), ...finals.filter((m) => latest.get(m.key) !== m.value)];
}

// src/publish/mlflow/series.ts
var DEFAULT_LOGGER_CSV = "metrics.csv";
function parseLoggerCsv(file, text2, notes, now = Date.now()) {
  let records;
  try {
    records = parseCsvRecords(text2, ",");
  } catch (error2) {
    if (!(error2 instanceof SyntaxProblem)) throw error2;
    notes.push(`${file}:${error2.line}: ${error2.message}; file skipped.`);
    return [];
  }
  const header = records[0];
  if (!header) return [];
  if (isLoggerHeader(header.fields)) {
    const skipped = (line) => {
      notes.push(`${file}:${line}: expected name, a finite value, a timestamp in ms and an integer step; row skipped.`);
    };
    const { series: series2 } = loggerMetricsFromRecords(records, true, skipped);
    return [...series2].map(([name, points]) => ({
      file,
      name,
      points: points.map((p) => ({ step: p.step ?? 1, value: p.value, timestamp: p.timestamp === null ? now : Math.round(p.timestamp) }))
    }));
  }
  const names = header.fields.map((h) => h.trim());
  const lower = names.map((h) => h.toLowerCase());
  const stepCol = lower.includes("step") ? lower.indexOf("step") : lower.indexOf("epoch");
  if (stepCol < 0) return null;
  const byName = /* @__PURE__ */ new Map();
  for (const { fields: cells, line } of records.slice(1)) {
    if (cells.every((c) => !c.trim())) continue;
    const step = Number(cells[stepCol]);
    if (!Number.isInteger(step)) {
      notes.push(`${file}:${line}: the ${names[stepCol]} column is not an integer; row skipped.`);
      continue;
    }
    names.forEach((name, i) => {
      const cell3 = cells[i]?.trim();
      if (i === stepCol || !name || !cell3 || !Number.isFinite(Number(cell3))) return;
      let series2 = byName.get(name);
      if (!series2) byName.set(name, series2 = { file, name, points: [] });
      series2.points.push({ step, value: Number(cell3), timestamp: now });
    });
  }
  return [...byName.values()];
}
async function plotCsvFiles(workspace) {
  const { definitions } = await findPlotDefinitions(workspace, null);
  const files = definitions.flatMap((d) => d.sources.map((s) => s.file)).filter((f) => f.toLowerCase().endsWith(".csv"));
  return [...new Set(files)].sort();
}
async function readLoggerSeries(workspace, files, notes) {
  const out = [];
  const tree = workspaceTree(workspace);
  for (const file of files) {
    let bytes;
    try {
      bytes = await tree.read(file);
    } catch (error2) {
      notes.push(describeError(error2));
      continue;
    }
    if (bytes === null) continue;
    for (const series2 of parseLoggerCsv(file, bytes.toString("utf8"), notes) ?? []) out.push(series2);
  }
  return out;
}

// src/publish/hub/mirrors.ts
var MlflowTarget = class {
  constructor(config, mlflow, log) {
    this.config = config;
    this.mlflow = mlflow;
    this.log = log;
    this.name = `MLflow run (${mlflow.trackingUri})`;
  }
  config;
  mlflow;
  log;
  name;
  async publish(report2) {
    const { config, log } = this;
    const notes = [];
    const logs = await readLoggerSeries(config.workspace, await trainingLogFiles(config.workspace, report2), notes);
    for (const note2 of notes) log.warning(`MLflow: ${note2}`);
    const hub = config.hub;
    const resolveUser = hub?.token ? () => new GiteaClient(hubHttp(hub), hub.owner, hub.repo).currentUser() : void 0;
    return new MlflowRunPublisher(this.mlflow, logs, log, { resolveUser }).publish(report2);
  }
};
async function trainingLogFiles(workspace, report2) {
  const metricsCsv = report2.metrics.map((f) => f.path).filter((p) => p.toLowerCase().endsWith(".csv"));
  return [.../* @__PURE__ */ new Set([...metricsCsv, ...await plotCsvFiles(workspace), DEFAULT_LOGGER_CSV])];
}

// src/publish/summary.ts
import { appendFile as appendFile2 } from "node:fs/promises";
var SUMMARY_LIMIT_BYTES = 1024 * 1024 - 1024;
var JobSummaryPublisher = class {
  /** `reportDir`: the folder holding report.md and plots/ (the out-dir), named where an image is not shown. */
  constructor(path, reportDir) {
    this.path = path;
    this.reportDir = reportDir;
  }
  path;
  reportDir;
  name = "job summary";
  async publish(report2, context) {
    const where2 = `the out-dir (\`${this.reportDir}\`)`;
    const images = hostedImages(context.hosted, where2);
    const footer = imagesNotShown(report2.plots, images) ? `_Plot images are not shown inline: the image files are in ${where2}._` : void 0;
    const { body } = fitReport(
      report2,
      { images, footer },
      {
        limit: SUMMARY_LIMIT_BYTES,
        measure: (text2) => Buffer.byteLength(text2),
        what: "a job summary",
        fullReport: `report.md in ${where2}`,
        fullReportUrl: null
      }
    );
    await appendFile2(this.path, `${body}
`);
    return { location: this.path };
  }
};

// src/publish/aggregate.ts
import { appendFile as appendFile3 } from "node:fs/promises";

// src/publish/github/comments.ts
function commentMarker(reportId) {
  return `<!-- mlreport:comment id=${reportId} -->`;
}
async function tokenIdentity(client, token) {
  const app = { describe: "a GitHub App bot (installation token)", owns: (u) => u?.type === "Bot" };
  if (token.startsWith("ghs_")) return app;
  try {
    const { data } = await client.request("GET /user");
    return { describe: data.login, owns: (u) => u?.login === data.login };
  } catch (error2) {
    const status = apiStatus(error2);
    if (status === 403 || status === 404) return app;
    throw error2;
  }
}
async function upsertComment(client, repo, thread, body, marker, mode, identity) {
  if (mode === "update") {
    const marked = (await listComments(client, repo, thread)).filter((c) => c.body?.includes(marker));
    if (marked.length) {
      const who = await identity();
      const mine = marked.filter((c) => who.owns(c.user)).sort((a, b) => Number(b.id) - Number(a.id));
      const [newest, ...older] = mine;
      if (newest) {
        const url = newest.body === body ? newest.html_url : (await updateComment(client, repo, thread, Number(newest.id), body)).html_url;
        for (const old of older) await deleteComment(client, repo, thread, Number(old.id));
        return { url, action: newest.body === body ? "unchanged" : "updated", deleted: older.length };
      }
    }
  }
  const created = await createComment(client, repo, thread, body);
  return { url: created.html_url, action: "created", deleted: 0 };
}
async function listComments(client, { owner, repo }, thread) {
  if (thread.kind === "pr") {
    return client.paginate("GET /repos/{owner}/{repo}/issues/{issue_number}/comments", { owner, repo, issue_number: thread.number, per_page: 100 });
  }
  return client.paginate("GET /repos/{owner}/{repo}/commits/{commit_sha}/comments", { owner, repo, commit_sha: thread.sha, per_page: 100 });
}
async function createComment(client, { owner, repo }, thread, body) {
  if (thread.kind === "pr") {
    return (await client.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", { owner, repo, issue_number: thread.number, body })).data;
  }
  return (await client.request("POST /repos/{owner}/{repo}/commits/{commit_sha}/comments", { owner, repo, commit_sha: thread.sha, body })).data;
}
async function updateComment(client, { owner, repo }, thread, id, body) {
  if (thread.kind === "pr") {
    return (await client.request("PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}", { owner, repo, comment_id: id, body })).data;
  }
  return (await client.request("PATCH /repos/{owner}/{repo}/comments/{comment_id}", { owner, repo, comment_id: id, body })).data;
}
async function deleteComment(client, { owner, repo }, thread, id) {
  try {
    if (thread.kind === "pr") await client.request("DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}", { owner, repo, comment_id: id });
    else await client.request("DELETE /repos/{owner}/{repo}/comments/{comment_id}", { owner, repo, comment_id: id });
  } catch (error2) {
    if (apiStatus(error2) !== 404) throw error2;
  }
}

// src/publish/github/body.ts
function commentBody(reportId, report2, hosted, notHostedReason, fullReportUrl, limit = COMMENT_LIMIT) {
  const marker = commentMarker(reportId);
  const images = hostedImages(hosted, "the workflow artifact");
  const footer = imagesNotShown(report2.plots, images) ? `_Plot images are not shown inline${notHostedReason ? ` (${notHostedReason})` : ""}: the PNGs are in the workflow artifact._` : void 0;
  const fitted = fitReport(report2, { images, footer }, { limit: limit - marker.length - 1, fullReportUrl });
  return { body: `${marker}
${stripMarkers(fitted.body)}`, folded: fitted.folded };
}
function localPngs(report2) {
  return reportImages(report2).filter((path) => /\.png$/i.test(path) && insideFolder(path));
}
var MARKER = /<!--\s*mlreport:comment[^>]*-->/g;
function stripMarkers(text2) {
  for (let out = text2; ; ) {
    const next = out.replace(MARKER, "");
    if (next === out) return out;
    out = next;
  }
}
function insideFolder(path) {
  const parts = path.split("/");
  return !path.startsWith("/") && !/^[a-z]:/i.test(path) && !path.includes("\\") && parts.every((p) => p !== "" && p !== "." && p !== "..");
}

// src/publish/github/publisher.ts
import { lstat as lstat4, readFile as readFile8 } from "node:fs/promises";
import { join as join25, posix as posix11 } from "node:path";

// src/publish/github/branch-commit.ts
var DEFAULT_REF_RETRY = { deadlineMs: 6e4, firstDelayMs: 250, maxDelayMs: 8e3 };
async function commitOnBranch(client, repoRef, commit) {
  const { owner, repo } = repoRef;
  const retry = commit.retry ?? DEFAULT_REF_RETRY;
  const deadline = Date.now() + retry.deadlineMs;
  for (let attempt = 0; ; attempt++) {
    const tip = await commit.tip();
    const tree = await commit.tree(tip);
    const created = await client.request("POST /repos/{owner}/{repo}/git/commits", {
      owner,
      repo,
      message: commit.message,
      tree,
      parents: tip ? [tip.commit] : []
    });
    try {
      if (tip) {
        await client.request("PATCH /repos/{owner}/{repo}/git/refs/{ref}", { owner, repo, ref: `heads/${commit.branch}`, sha: created.data.sha, force: false });
      } else {
        await client.request("POST /repos/{owner}/{repo}/git/refs", { owner, repo, ref: `refs/heads/${commit.branch}`, sha: created.data.sha });
      }
      return created.data.sha;
    } catch (error2) {
      if (apiStatus(error2) !== 422 || isRulesetRefusal(error2)) throw error2;
      const waitMs = Math.random() * Math.min(retry.maxDelayMs, retry.firstDelayMs * 2 ** attempt);
      if (Date.now() + waitMs > deadline) throw error2;
      await new Promise((resolve7) => setTimeout(resolve7, waitMs));
    }
  }
}
async function tipByRest(client, { owner, repo }, branch) {
  try {
    return { commit: (await client.request("GET /repos/{owner}/{repo}/git/ref/{ref}", { owner, repo, ref: `heads/${branch}` })).data.object.sha, tree: null };
  } catch (error2) {
    if (apiStatus(error2) === 404) return null;
    throw error2;
  }
}
function isRulesetRefusal(error2) {
  return apiStatus(error2) === 422 && /repository rule violations/i.test(apiMessage(error2));
}

// src/publish/github/images.ts
var MAX_RELEASE_ASSETS = 1e3;
var PRUNE_HEADROOM = 100;
var BranchImageStore = class {
  constructor(client, repo, branch, serverUrl, message, refRetry = DEFAULT_REF_RETRY) {
    this.client = client;
    this.repo = repo;
    this.branch = branch;
    this.serverUrl = serverUrl;
    this.message = message;
    this.refRetry = refRetry;
  }
  client;
  repo;
  branch;
  serverUrl;
  message;
  refRetry;
  name = "branch";
  async upload(files, folder) {
    const { owner, repo } = this.repo;
    const tree = [];
    for (const file of files) {
      const blob = await this.client.request("POST /repos/{owner}/{repo}/git/blobs", {
        owner,
        repo,
        content: file.bytes.toString("base64"),
        encoding: "base64"
      });
      tree.push({ path: `${folder}/${file.name}`, mode: "100644", type: "blob", sha: blob.data.sha });
    }
    const treeSha = (await this.client.request("POST /repos/{owner}/{repo}/git/trees", { owner, repo, tree })).data.sha;
    const branch = this.branch;
    const commitSha = await commitOnBranch(this.client, this.repo, {
      branch,
      message: this.message,
      tip: () => tipByRest(this.client, this.repo, branch),
      // Each run's commit holds its own files only: the parent keeps earlier runs' images reachable.
      tree: () => Promise.resolve(treeSha),
      retry: this.refRetry
    });
    const base = `${this.serverUrl.replace(/\/+$/, "")}/${owner}/${repo}/blob/${commitSha}`;
    return new Map(files.map((f, i) => [f.rel, `${base}/${tree[i].path.split("/").map(encodeURIComponent).join("/")}?raw=true`]));
  }
};
var ReleaseImageStore = class {
  constructor(client, repo, tag, note2 = () => {
  }) {
    this.client = client;
    this.repo = repo;
    this.tag = tag;
    this.note = note2;
  }
  client;
  repo;
  tag;
  note;
  name = "release";
  async upload(files, folder) {
    const { owner, repo } = this.repo;
    const release = await this.release();
    const named3 = files.map((file) => ({ file, name: `${folder}/${file.name}`.replace(/[^\w.-]+/g, "-") }));
    const names = new Set(named3.map((n) => n.name));
    const assets = await this.client.paginate("GET /repos/{owner}/{repo}/releases/{release_id}/assets", { owner, repo, release_id: release.id, per_page: 100 });
    const others = assets.filter((a) => !names.has(a.name));
    const pruned = others.length + files.length > MAX_RELEASE_ASSETS ? oldestFirst(others).slice(0, others.length + files.length - (MAX_RELEASE_ASSETS - PRUNE_HEADROOM)) : [];
    for (const asset of [...assets.filter((a) => names.has(a.name)), ...pruned]) {
      try {
        await this.client.request("DELETE /repos/{owner}/{repo}/releases/assets/{asset_id}", { owner, repo, asset_id: asset.id });
      } catch (error2) {
        if (apiStatus(error2) !== 404) throw error2;
      }
    }
    if (pruned.length) {
      this.note(
        `The release '${this.tag}' is near GitHub's limit of ${MAX_RELEASE_ASSETS} assets: deleted the ${pruned.length} oldest images (older comments no longer show them).`
      );
    }
    const urls = /* @__PURE__ */ new Map();
    for (const { file, name } of named3) {
      const uploaded = await this.client.request({
        method: "POST",
        url: release.upload_url,
        name,
        data: file.bytes,
        // fetch sets Content-Length from the bytes itself; Node 24's fetch rejects a hand-set one.
        headers: { "content-type": "image/png" }
      });
      urls.set(file.rel, uploaded.data.browser_download_url);
    }
    return urls;
  }
  async release() {
    const { owner, repo } = this.repo;
    try {
      return (await this.client.request("GET /repos/{owner}/{repo}/releases/tags/{tag}", { owner, repo, tag: this.tag })).data;
    } catch (error2) {
      if (apiStatus(error2) !== 404) throw error2;
    }
    const created = await this.client.request("POST /repos/{owner}/{repo}/releases", {
      owner,
      repo,
      tag_name: this.tag,
      name: "mlreport plot images",
      body: "Images shown in mlreport comments. Deleting this release breaks the images in those comments.",
      prerelease: true
    });
    return created.data;
  }
};
function oldestFirst(assets) {
  return [...assets].sort((a, b) => a.created_at.localeCompare(b.created_at) || a.id - b.id);
}

// src/publish/github/targets.ts
async function resolveTargets(client, ctx, cfg, log) {
  const run3 = cfg.mode === "publish" ? ctx.workflowRun : null;
  if (run3) {
    if (cfg.commentOn === "commit") return { threads: [{ kind: "commit", sha: run3.headSha }], headSha: run3.headSha };
    const prs2 = run3.pullRequests.length ? run3.pullRequests : await prsForFork(client, ctx, run3.headRepository, run3.headBranch, run3.headSha);
    if (prs2.length) return { threads: prs2.map((n) => ({ kind: "pr", number: n })), headSha: run3.headSha };
    if (cfg.commentOn === "auto" && run3.event === "push") return { threads: [{ kind: "commit", sha: run3.headSha }], headSha: run3.headSha };
    log.warning(`No open pull request has ${run3.headRepository}:${run3.headBranch} at ${run3.headSha.slice(0, 7)} as its head; the report is not posted.`);
    return { threads: [], headSha: run3.headSha };
  }
  if (ctx.prNumber !== null) {
    const headSha = ctx.headSha ?? ctx.sha;
    return cfg.commentOn === "commit" ? { threads: [{ kind: "commit", sha: headSha }], headSha } : { threads: [{ kind: "pr", number: ctx.prNumber }], headSha };
  }
  const sha = ctx.sha;
  if (cfg.commentOn === "commit") return { threads: [{ kind: "commit", sha }], headSha: sha };
  const { data } = await client.request("GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls", {
    owner: ctx.owner,
    repo: ctx.repo,
    commit_sha: sha,
    per_page: 100
  });
  const prs = data.filter((pr) => pr.state === "open" && pr.head.sha === sha).map((pr) => pr.number);
  if (prs.length) return { threads: prs.map((n) => ({ kind: "pr", number: n })), headSha: sha };
  if (cfg.commentOn === "auto") return { threads: [{ kind: "commit", sha }], headSha: sha };
  log.info(`No open pull request has ${sha.slice(0, 7)} as its head ('comment-on: pr'); no comment posted.`);
  return { threads: [], headSha: sha };
}
async function prsForFork(client, ctx, headRepository, branch, sha) {
  const headOwner = headRepository.split("/")[0];
  if (!headOwner || !branch) return [];
  const { data } = await client.request("GET /repos/{owner}/{repo}/pulls", {
    owner: ctx.owner,
    repo: ctx.repo,
    state: "open",
    head: `${headOwner}:${branch}`,
    per_page: 100
  });
  return data.filter((pr) => pr.head.sha === sha && pr.head.repo?.full_name === headRepository).map((pr) => pr.number);
}

// src/publish/artifact/report.ts
import { readFile as readFile7 } from "node:fs/promises";
import { join as join24 } from "node:path";

// src/util/zip.ts
import { crc32, deflateRawSync } from "node:zlib";
function zipFiles(entries, modified = /* @__PURE__ */ new Date()) {
  if (entries.length > 65535) throw new Error(`A ZIP without ZIP64 holds at most 65,535 files (got ${entries.length}).`);
  const { time, date } = dosDateTime(modified);
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, "utf8");
    const deflated = deflateRawSync(entry.bytes);
    const stored = deflated.length >= entry.bytes.length;
    const data = stored ? entry.bytes : deflated;
    const crc = crc32(entry.bytes);
    if (entry.bytes.length > 4294967294 || offset > 4294967294) throw new Error(`${entry.name} does not fit a ZIP without ZIP64.`);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(67324752, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(2048, 6);
    local.writeUInt16LE(stored ? 0 : 8, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(entry.bytes.length, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(33639248, 0);
    central.writeUInt16LE(3 << 8 | 20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(2048, 8);
    central.writeUInt16LE(stored ? 0 : 8, 10);
    central.writeUInt16LE(time, 12);
    central.writeUInt16LE(date, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(entry.bytes.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(33188 << 16 >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(101010256, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
function dosDateTime(d) {
  const year = Math.max(d.getFullYear(), 1980);
  return {
    time: d.getHours() << 11 | d.getMinutes() << 5 | Math.floor(d.getSeconds() / 2),
    date: year - 1980 << 9 | d.getMonth() + 1 << 5 | d.getDate()
  };
}

// src/publish/artifact/service.ts
var TWIRP_SERVICE = "/twirp/github.actions.results.api.v1.ArtifactService";
var MAX_SINGLE_PUT_BYTES = 256 * 2 ** 20;
function isGhes(serverUrl) {
  let host;
  try {
    host = new URL(serverUrl || "https://github.com").hostname.toUpperCase();
  } catch {
    return false;
  }
  return host !== "GITHUB.COM" && !host.endsWith(".GHE.COM") && !host.endsWith(".LOCALHOST");
}
function backendIds(token) {
  const invalid = new UserError("ACTIONS_RUNTIME_TOKEN is not a JWT with an `Actions.Results:<run>:<job>` scope.");
  const payload = token.split(".")[1];
  if (!payload) throw invalid;
  let scp;
  try {
    scp = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")).scp;
  } catch {
    throw invalid;
  }
  if (typeof scp !== "string") throw invalid;
  for (const scope of scp.split(" ")) {
    const parts = scope.split(":");
    if (parts[0] !== "Actions.Results") continue;
    if (parts.length !== 3 || !parts[1] || !parts[2]) throw invalid;
    return { workflowRunBackendId: parts[1], workflowJobRunBackendId: parts[2] };
  }
  throw invalid;
}
async function uploadArtifact(runtime, name, zip, options = {}) {
  const maxBytes = options.maxBytes ?? MAX_SINGLE_PUT_BYTES;
  if (zip.length > maxBytes) {
    throw new UserError(
      `the report folder zips to ${(zip.length / 2 ** 20).toFixed(1)} MiB, more than the ${(maxBytes / 2 ** 20).toFixed(0)} MiB mlreport uploads in one request`
    );
  }
  const ids = backendIds(runtime.token);
  const twirp = new JsonHttp({
    service: "The artifact service",
    baseUrl: new URL(runtime.resultsUrl).origin + TWIRP_SERVICE,
    headers: { authorization: `Bearer ${runtime.token}` },
    secrets: [runtime.token],
    backoffMs: options.backoffMs
  });
  const created = await twirp.request("POST", "/CreateArtifact", {
    body: {
      workflow_run_backend_id: ids.workflowRunBackendId,
      workflow_job_run_backend_id: ids.workflowJobRunBackendId,
      name,
      version: 7,
      mime_type: "application/zip"
    }
  });
  const uploadUrl = created.data?.signed_upload_url;
  if (!created.data?.ok || !uploadUrl)
    throw new UserError(`The artifact service did not create the artifact '${name}' (CreateArtifact answered without ok and an upload URL).`);
  await putBlob(uploadUrl, zip, options.backoffMs ?? 500);
  const digest = `sha256:${nodeCrypto().createHash("sha256").update(zip).digest("hex")}`;
  const finalized = await twirp.request("POST", "/FinalizeArtifact", {
    body: {
      workflow_run_backend_id: ids.workflowRunBackendId,
      workflow_job_run_backend_id: ids.workflowJobRunBackendId,
      name,
      size: String(zip.length),
      hash: digest
    }
  });
  if (!finalized.data?.ok) throw new UserError(`The artifact service did not finalize the artifact '${name}' (FinalizeArtifact answered without ok).`);
  return { id: String(finalized.data.artifact_id ?? ""), size: zip.length, digest };
}
async function putBlob(url, body, backoffMs) {
  const host = new URL(url).host;
  let last = "";
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      const response = await httpFetch(
        url,
        {
          method: "PUT",
          headers: {
            "x-ms-blob-type": "BlockBlob",
            "x-ms-version": "2020-10-02",
            "x-ms-blob-content-type": "application/zip",
            "user-agent": `mlreport/${VERSION}`
          },
          body
        },
        12e4
      );
      const text2 = await response.text().catch(() => "");
      if (response.status === 201 || response.status === 200) return;
      const code2 = /<Code>([^<]{1,100})<\/Code>/.exec(text2)?.[1];
      last = `${response.status}${code2 ? ` ${code2}` : ""}`;
      if (response.status < 500 && response.status !== 408 && response.status !== 429) break;
    } catch (error2) {
      last = error2 instanceof Error ? error2.message : String(error2);
    }
    if (attempt < 3) await new Promise((r) => setTimeout(r, backoffMs * 2 ** (attempt - 1)));
  }
  throw new HttpError(`Uploading the zip to the artifact storage (${host}) failed: ${last}`, null, null);
}

// src/publish/artifact/report.ts
function artifactName(reportId) {
  return `mlreport-${reportId}`;
}
function wantsArtifact(mode, comment2) {
  return mode === "always" || mode === "auto" && (comment2?.status === "not-posted" || comment2?.status === "failed");
}
var ReportArtifact = class {
  constructor(cfg, outDir, github, log) {
    this.cfg = cfg;
    this.outDir = outDir;
    this.github = github;
    this.log = log;
  }
  cfg;
  outDir;
  github;
  log;
  name = "workflow artifact";
  async publish(report2) {
    const uploaded = await uploadReportArtifact(this.cfg, this.outDir, report2, this.github, this.log);
    return uploaded ? { location: artifactName(this.cfg.reportId) } : { notPosted: "see the warning above" };
  }
};
async function uploadReportArtifact(cfg, outDir, report2, github, log, options = {}) {
  const runtime = github.artifactRuntime ?? null;
  const name = artifactName(cfg.reportId);
  const instead = `Upload ${outDir} with an actions/upload-artifact step named '${name}' instead, or set 'artifact: off'.`;
  if (isGhes(github.serverUrl)) {
    log.warning(
      `Could not upload the report as the artifact '${name}': GitHub Enterprise Server (${new URL(github.serverUrl).host}) has no service for these artifacts (v4, as @actions/artifact 2+ and actions/upload-artifact@v4 make). Upload ${outDir} with the artifact action your server supports (actions/upload-artifact@v3) instead, or set 'artifact: off'.`
    );
    return null;
  }
  if (!runtime) {
    log.warning(
      `Could not upload the report as the artifact '${name}': ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL are not set (they are on a GitHub-hosted or self-hosted runner). ${instead}`
    );
    return null;
  }
  try {
    const entries = await reportFiles(outDir, report2, log);
    const uploaded = await uploadArtifact(runtime, name, zipFiles(entries), options);
    log.info(
      `Uploaded the report (${entries.map((e) => e.name).join(", ")}; ${uploaded.size} bytes) as the workflow artifact '${name}'${uploaded.id ? ` (ID ${uploaded.id})` : ""}. To post it, a workflow_run workflow downloads it (actions/download-artifact with name: ${name}, run-id: the triggering run) and runs mlreport with 'mode: publish' (README: 'Fork pull requests').`
    );
    return uploaded;
  } catch (error2) {
    if (error2 instanceof HttpError && error2.status === 409) {
      log.warning(
        `Could not upload the report as the artifact '${name}': another job of this workflow run already uploaded one with that name. Jobs of one run (a matrix) must each set their own 'report-id' (now '${cfg.reportId}'): give each job its own 'report-id', e.g. from the matrix values.`
      );
      return null;
    }
    log.warning(`Could not upload the report as the artifact '${name}': ${describeError(error2).replace(/\.?$/, ".")} ${instead}`);
    return null;
  }
}
async function reportFiles(outDir, report2, log) {
  const names = ["report.md", "report.json"];
  for (const image of reportImages(report2)) if (!image.split("/").includes("..") && !names.includes(image)) names.push(image);
  const entries = [];
  for (const name of names) {
    try {
      entries.push({ name, bytes: await readFile7(join24(outDir, ...name.split("/"))) });
    } catch {
      log.warning(`${name} is named by the report but cannot be read from ${outDir}; not in the artifact.`);
    }
  }
  return entries;
}

// src/publish/github/publisher.ts
var PNG_SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
var MAX_IMAGE_BYTES = 10 * 1024 * 1024;
var CommentTarget = class {
  constructor(ctx, cfg, log, options) {
    this.ctx = ctx;
    this.cfg = cfg;
    this.log = log;
    this.options = options;
  }
  ctx;
  cfg;
  log;
  options;
  name = "GitHub comment";
  async publish(report2) {
    const { ctx, cfg, log } = this;
    if (cfg.comment === "off") return { skipped: true };
    if (!ctx.token) {
      log.warning("No 'github-token': the report is in the job summary and the out-dir only.");
      return { notPosted: "no 'github-token'" };
    }
    if (ctx.forkPr && ctx.eventName === "pull_request") {
      log.warning(`This pull request comes from a fork, so the workflow's token is read-only and cannot comment. ${this.howToPublish()}`);
      return { notPosted: "a pull request from a fork" };
    }
    const client = await createGitHubClient(ctx.token, ctx.apiUrl, { onRetry: (m) => log.info(m), ...this.options.clientOptions });
    try {
      return await this.post(client, report2);
    } catch (error2) {
      if (isPermissionError(error2)) {
        log.warning(
          `The token may not write here (${apiStatus(error2)}: ${apiMessage(error2)}). ${this.howToPublish()} Comments need 'pull-requests: write' (commit comments: 'contents: write').`
        );
        return { notPosted: "a read-only token" };
      }
      const status = error2.response ? apiStatus(error2) : void 0;
      throw new UserError(
        `Could not post the report to GitHub (${ctx.apiUrl}): ${apiMessage(error2)}${status ? ` (HTTP ${status})` : ""}. The report is in the job summary and in ${this.options.baseDir}.`
      );
    }
  }
  async post(client, report2) {
    const { ctx, cfg, log } = this;
    const targets = await resolveTargets(client, ctx, cfg, log);
    if (!targets.threads.length) return { skipped: true };
    const images = cfg.imageStore === "none" ? [] : await readImages(this.options.baseDir, this.images(report2), log);
    const first = targets.threads[0];
    const folder = `${first.kind === "pr" ? `pr-${first.number}` : "commit"}/${targets.headSha}/${cfg.reportId}`;
    let hosted = /* @__PURE__ */ new Map();
    let reason = cfg.imageStore === "none" ? "'image-store: none'" : null;
    if (images.length) {
      try {
        hosted = await this.store(client).upload(images, folder);
        log.info(`Uploaded ${images.length} plot image${images.length === 1 ? "" : "s"} (image-store: ${cfg.imageStore}).`);
      } catch (error2) {
        reason = imageFailureReason(error2, cfg.imageStore, cfg.assetsBranch);
        log.warning(
          `Could not upload plot images (${apiStatus(error2) ?? "no answer"}: ${apiMessage(error2)}): ${reason}. Drawing Mermaid charts instead; set 'image-store: none' to skip the upload.`
        );
      }
    }
    const fitted = this.body(report2, hosted, reason, this.runUrl());
    if (fitted.folded) log.info(this.foldedNote);
    let identity = null;
    const who = () => identity ??= tokenIdentity(client, ctx.token);
    const urls = [];
    for (const thread of targets.threads) {
      const result = await upsertComment(client, ctx, thread, fitted.body, commentMarker(cfg.reportId), cfg.comment === "new" ? "new" : "update", who);
      const where2 = thread.kind === "pr" ? `pull request #${thread.number}` : `commit ${thread.sha.slice(0, 7)}`;
      log.info(
        `Report comment ${result.action} on ${where2}: ${result.url}${result.deleted ? ` (${result.deleted} duplicate${result.deleted === 1 ? "" : "s"} deleted)` : ""}`
      );
      urls.push(result.url);
    }
    return { location: urls[0], hostedImages: hosted };
  }
  store(client) {
    const { ctx, cfg } = this;
    const repo = { owner: ctx.owner, repo: ctx.repo };
    if (cfg.imageStore === "release") return new ReleaseImageStore(client, repo, cfg.assetsBranch, (m) => this.log.info(m));
    return new BranchImageStore(
      client,
      repo,
      cfg.assetsBranch,
      ctx.serverUrl,
      `mlreport plots for ${ctx.owner}/${ctx.repo}${ctx.runId ? ` (run ${ctx.runId})` : ""}`
    );
  }
  runUrl() {
    const { ctx } = this;
    return ctx.runId ? `${ctx.serverUrl.replace(/\/+$/, "")}/${ctx.owner}/${ctx.repo}/actions/runs/${ctx.runId}` : null;
  }
  howToPublish() {
    const where2 = `The report is in the job summary, and report.md, report.json and plots/ are in ${this.options.baseDir}.`;
    if (this.cfg.artifact === "off") {
      return `${where2} To post it, upload that folder with actions/upload-artifact and run mlreport with 'mode: publish' from a workflow_run workflow (README: 'Fork pull requests').`;
    }
    return `${where2} mlreport uploads them as the workflow artifact '${artifactName(this.cfg.reportId)}'; to post it, run mlreport with 'mode: publish' from a workflow_run workflow (README: 'Fork pull requests').`;
  }
};
var GitHubPublisher = class extends CommentTarget {
  foldedNote = "The report is longer than a comment may be; the comment keeps the headline, gates and changed values and links the job summary.";
  images(report2) {
    return localPngs(report2);
  }
  body(report2, hosted, notHostedReason, fullReportUrl) {
    return commentBody(this.cfg.reportId, report2, hosted, notHostedReason, fullReportUrl);
  }
};
function imageFailureReason(error2, store, assetsBranch) {
  const where2 = store === "release" ? `the release '${assetsBranch}'` : `the branch '${assetsBranch}'`;
  if (isRulesetRefusal(error2)) return `a repository ruleset refuses writes to ${where2}; exempt it from the ruleset or use another 'assets-branch'`;
  if (isPermissionError(error2)) return `the token cannot write to ${where2}: it needs 'contents: write'`;
  if (/file_count/i.test(apiMessage(error2))) return `${where2} holds GitHub's maximum of ${MAX_RELEASE_ASSETS} assets`;
  return `GitHub refused the upload to ${where2}`;
}
async function readImages(baseDir, rels, log) {
  const files = [];
  const names = /* @__PURE__ */ new Set();
  for (const rel of rels.slice(0, 50)) {
    let bytes;
    try {
      const path = join25(baseDir, ...rel.split("/"));
      if (!(await lstat4(path)).isFile()) throw new Error("not a regular file");
      bytes = await readFile8(path);
    } catch {
      log.warning(`${rel} is linked from the report but cannot be read; not uploaded.`);
      continue;
    }
    if (!bytes.subarray(0, 8).equals(PNG_SIGNATURE) || bytes.length > MAX_IMAGE_BYTES) {
      log.warning(`${rel} is not a PNG of at most 10 MB; not uploaded.`);
      continue;
    }
    let name = posix11.basename(rel).replace(/[^\w.-]+/g, "-");
    while (names.has(name)) name = `x-${name}`;
    names.add(name);
    files.push({ rel, name, bytes });
  }
  return files;
}

// src/publish/aggregate.ts
var AggregateCommentPublisher = class extends CommentTarget {
  foldedNote = "The comparison is longer than a comment may be; the comment keeps the verdict, the best configurations and the ranked and gated metrics, and links the job summary.";
  images() {
    return [];
  }
  body(report2, _hosted, _reason, fullReportUrl) {
    const marker = commentMarker(this.cfg.reportId);
    const summary3 = fullReportUrl ? `[the job summary](${fullReportUrl})` : "the job summary";
    const artifact = this.cfg.artifact === "always" ? " and in report.md in the workflow artifact" : "";
    const fitted = aggregateMarkdown(report2, { limit: COMMENT_LIMIT - marker.length - 1, fullReport: `${summary3}${artifact}` });
    return { body: `${marker}
${stripMarkers(fitted.body)}`, folded: fitted.folded };
  }
};
var AggregateSummaryPublisher = class {
  /** `reportDir`: the out-dir, named where the full table is when even the summary must fold. */
  constructor(path, reportDir) {
    this.path = path;
    this.reportDir = reportDir;
  }
  path;
  reportDir;
  name = "job summary";
  async publish(report2) {
    const { body } = aggregateMarkdown(report2, {
      limit: SUMMARY_LIMIT_BYTES,
      measure: (text2) => Buffer.byteLength(text2),
      fullReport: `report.md in the out-dir (\`${this.reportDir}\`)`
    });
    await appendFile3(this.path, `${body}
`);
    return { location: this.path };
  }
};
var AggregateCheckPublisher = class extends CheckRunTarget {
  outcome(report2) {
    if (!report2.gates) return Promise.resolve(null);
    return Promise.resolve({
      failed: !report2.gates.passed,
      title: stripEmoji(gatesHeadline(report2)),
      summary: aggregateMarkdown(report2, { limit: CHECK_TEXT_LIMIT, fullReport: "the job summary" }).body,
      // A sweep's means have no line in any file: the summary carries the broken rules.
      annotations: []
    });
  }
};

// src/publish/github/artifact.ts
import { lstat as lstat5, readFile as readFile9 } from "node:fs/promises";
import { join as join26 } from "node:path";
var MAX_REPORT_BYTES2 = 32 * 1024 * 1024;
async function readArtifact(dir) {
  const path = join26(dir, "report.json");
  const missing = `'artifact-dir' (${dir}) has no readable report.json; download the artifact the first workflow uploaded (actions/download-artifact with run-id) into it.`;
  let text2;
  try {
    const stat9 = await lstat5(path);
    if (!stat9.isFile()) throw new UserError(`${path} is not a regular file (a symlink or a folder); a report artifact holds report.json itself.`);
    if (stat9.size > MAX_REPORT_BYTES2) throw new UserError(`${path} is ${stat9.size} bytes, more than a report may be (${MAX_REPORT_BYTES2}).`);
    text2 = await readFile9(path, "utf8");
  } catch (error2) {
    if (error2 instanceof UserError) throw error2;
    throw new UserError(missing);
  }
  try {
    return parseReportJson(text2);
  } catch (error2) {
    if (error2 instanceof ReportJsonError) throw new UserError(`${path} is not a report mlreport wrote: ${error2.message}.`);
    throw error2;
  }
}

// src/publish/runner.ts
async function publishAll(report2, table2, log) {
  const results = /* @__PURE__ */ new Map();
  const hosted = /* @__PURE__ */ new Map();
  let failed2 = false;
  for (const row3 of table2) {
    if (!row3 || row3.when && !row3.when(results)) continue;
    const { target, policy } = row3;
    try {
      const outcome2 = await target.publish(report2, { hosted });
      for (const [path, url] of outcome2.hostedImages ?? []) hosted.set(path, url);
      results.set(
        target,
        outcome2.notPosted ? { status: "not-posted", reason: outcome2.notPosted } : outcome2.skipped ? { status: "skipped" } : { status: "published", location: outcome2.location ?? null }
      );
    } catch (error2) {
      const message = describeError(error2);
      results.set(target, { status: "failed", error: message });
      if (policy === "required") {
        failed2 = true;
        log.error(`${target.name}: ${message}`);
      } else if (policy === "optional") {
        log.warning(`${target.name}: ${message} (This does not fail the step${row3.requiredBy ? `; set '${row3.requiredBy}' to make it` : ""}.)`);
      } else {
        log.warning(`${target.name}: ${message}`);
      }
    }
  }
  return { results, failed: failed2 };
}

// src/values/collect.ts
import { isAscii as isAscii2 } from "node:buffer";

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
    for (const stage2 of dvc.stages) {
      const base = joinPath(dvc.dir, stage2.wdir);
      for (const out of stage2.outs) {
        const path = joinPath(base, out.path);
        if (out.kind === "metric") metrics.add(path);
        if (out.kind === "plot") plots.add(path);
        if (out.cache) dvcOuts.add(path);
      }
      for (const dep of stage2.params) addParams(joinPath(base, dep.file), dep.keys);
    }
    for (const [file, keys] of dvc.trackedVars) {
      const path = joinPath(dvc.dir, file);
      vars.set(path, [.../* @__PURE__ */ new Set([...vars.get(path) ?? [], ...keys])]);
    }
    for (const plot2 of dvc.plots) {
      const y = plot2.props?.get("y");
      if (isRawMap(y)) for (const file of y.keys()) plots.add(joinPath(dvc.dir, file));
      else plots.add(joinPath(dvc.dir, plot2.id));
    }
  }
  for (const file of dvcFiles) for (const out of file.outs) dvcOuts.add(out.path);
  const sorted = (s) => [...s].sort();
  return { metrics: sorted(metrics), params, topParams: sorted(topParams), vars, dvcOuts, plots: sorted(plots) };
}

// src/values/diff.ts
var columnsOf = /* @__PURE__ */ new WeakMap();
var DiffColumns = class {
  constructor(old, now, order) {
    this.old = old;
    this.now = now;
    this.order = order;
  }
  old;
  now;
  order;
  get length() {
    return this.order.length;
  }
  row(n) {
    const i = this.order[n];
    return diffRow(this.old.table.key(i), this.old.leaf(i), this.now.leaf(i));
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
    notes.push(file.status === "missing" ? file.note ?? `not present at ${name}` : `${name}: ${file.message}`);
    return /* @__PURE__ */ new Map();
  };
  const a = side(base, names.base);
  const b = side(head, names.head);
  const table2 = a instanceof FlatValues ? a.table : b instanceof FlatValues ? b.table : new KeyTable();
  const inTable = (values) => values instanceof FlatValues && values.table === table2 ? values : FlatValues.fromMap(values instanceof FlatValues ? values.toMap() : values, table2);
  const old = inTable(a);
  const now = inTable(b);
  let count2 = 0;
  for (let i = 0; i < table2.size; i++) if (old.has(i) || now.has(i)) count2++;
  const order = new Int32Array(count2);
  for (let i = 0, n = 0; i < table2.size; i++) if (old.has(i) || now.has(i)) order[n++] = i;
  order.sort((x, y) => table2.compare(x, y));
  const diff = { path };
  Object.defineProperty(diff, "rows", LAZY_ROWS);
  diff.notes = notes;
  columnsOf.set(diff, new DiffColumns(old, now, order));
  return diff;
}
var rowsOf2 = /* @__PURE__ */ new WeakMap();
var LAZY_ROWS = {
  enumerable: true,
  configurable: true,
  get() {
    const kept = rowsOf2.get(this);
    if (kept) return kept;
    const columns = columnsOf.get(this);
    const made = new Array(columns.length);
    for (let n = 0; n < made.length; n++) made[n] = columns.row(n);
    settleRows(this, made);
    return made;
  },
  set(rows) {
    settleRows(this, rows);
  }
};
function settleRows(diff, rows) {
  rowsOf2.set(diff, rows);
  columnsOf.delete(diff);
}
function diffRow(key2, o, n) {
  const changed = !pyEqual2(o ?? null, n ?? null);
  const a = numericValue(o);
  const b = numericValue(n);
  if (a === void 0 || b === void 0) return { key: key2, old: o, new: n, changed };
  const diff = b - a;
  if (a !== 0 && Number.isFinite(a)) return { key: key2, old: o, new: n, changed, diff, relative: diff / Math.abs(a) };
  return { key: key2, old: o, new: n, changed, diff };
}
function pyEqual2(a, b) {
  const x = numericValue(a);
  const y = numericValue(b);
  if (x !== void 0 || y !== void 0) return x !== void 0 && y !== void 0 && x === y;
  return a === b;
}

// src/values/collect.ts
var LOGGER_METRICS = "metrics.csv";
var LOGGER_PARAMS = "params.yml";
var UTF82 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
async function collectAndCompare(git, request, log) {
  const budget = request.budget;
  const data = await openProjectData(request.workspace, log, request.data);
  try {
    const head = withCachedOutputs(workspaceTree(request.workspace, { name: request.headLabel ?? "head", ...budget ? { budget } : {} }), data);
    const base = request.base ? withCachedOutputs(commitTree(git, request.base.sha, request.base.label, budget ? { budget } : {}), data) : null;
    return await compareTrees(base, head, { metrics: request.metricsPaths, params: request.paramsPaths }, log);
  } finally {
    await data?.close();
  }
}
async function openProjectData(workspace, log, options = {}) {
  try {
    return await PipelineData.open(workspace, options);
  } catch (error2) {
    log.warning(`DVC outputs missing from git are not read from the cache or the remote: ${describeError(error2)}`);
    return null;
  }
}
async function compareTrees(a, b, targets, log, kinds = ["metrics", "params"]) {
  const errors = [];
  const headErrors = [];
  const parsedAtBase2 = /* @__PURE__ */ new Set();
  const sideA = a ? await selectFiles(a, targets, log) : null;
  const sideB = await selectFiles(b, targets, log, headErrors);
  const plans = await Promise.all(
    kinds.map(async (kind) => {
      const pathsA = sideA ? filesOf(sideA, kind) : /* @__PURE__ */ new Map();
      const pathsB = filesOf(sideB, kind);
      const goneA = a ? absentFolders(pathsA, pathsB, await a.list()) : /* @__PURE__ */ new Set();
      const goneB = a ? absentFolders(pathsB, pathsA, await b.list()) : /* @__PURE__ */ new Set();
      const paths = [.../* @__PURE__ */ new Set([...pathsA.keys(), ...pathsB.keys()])].sort();
      const named3 = targets[kind] ? [] : void 0;
      return { kind, pathsA, pathsB, goneA, goneB, paths, named: named3 };
    })
  );
  const readAll = async (tree, which2) => {
    if (!tree?.readMany) return /* @__PURE__ */ new Map();
    const wanted = /* @__PURE__ */ new Set();
    for (const plan2 of plans) {
      for (const p of plan2.paths) if ((plan2[which2].get(p) ?? plan2.named) !== void 0 && !isMetricsCsv(plan2.kind, p)) wanted.add(p);
    }
    const paths = [...wanted];
    const got = await readFiles(tree, paths);
    return new Map(paths.map((p, i) => [p, got[i]]));
  };
  const readA = await readAll(sideA && a, "pathsA");
  const readB = await readAll(b, "pathsB");
  const compare2 = async ({ kind, pathsA, pathsB, goneA, goneB, paths, named: named3 }) => {
    const diffs = [];
    const sides = { a, b, sideA, sideB, pathsA, pathsB, readA, readB, goneA, goneB, kind, errors, headErrors, log };
    for (const path of paths) {
      let fileA = sideFile(sides, path, "a", pathsA.get(path) ?? named3);
      if (fileA instanceof Promise) fileA = await fileA;
      if (kind === "metrics" && fileA?.status === "ok" && (fileA.values instanceof FlatValues ? fileA.values.count : fileA.values.size)) parsedAtBase2.add(path);
      const table2 = fileA?.status === "ok" && fileA.values instanceof FlatValues ? fileA.values.table : void 0;
      let fileB = sideFile(sides, path, "b", pathsB.get(path) ?? named3, table2);
      if (fileB instanceof Promise) fileB = await fileB;
      diffs.push(diffValueFile(path, fileA, fileB, { base: a?.name ?? "base", head: b.name }));
    }
    return diffs;
  };
  const comparison = { metrics: [], params: [], errors, headErrors, parsedAtBase: parsedAtBase2 };
  for (const plan2 of plans) comparison[plan2.kind] = await compare2(plan2);
  return comparison;
}
function sideFile(sides, path, which2, keys, table2) {
  const tree = which2 === "a" ? sides.a : sides.b;
  const side = which2 === "a" ? sides.sideA : sides.sideB;
  if (!tree || !side) return null;
  if (keys === void 0) return { status: "missing", note: unnamedNote(sides, which2, path, tree.name) };
  const noted = (file) => {
    if (file.status === "error") {
      sides.errors.push({ rev: tree.name, path, message: file.message });
      sides.log.warning(`${tree.name}: ${file.message}`, { file: path });
      if (sides.kind === "params" && which2 === "b") sides.headErrors.push(file.message);
    }
    return file;
  };
  const batch = which2 === "a" ? sides.readA : sides.readB;
  const dvcTracked = side.dvcOuts.has(path);
  if (!batch.has(path)) return readValueFile(tree, path, sides.kind, keys, dvcTracked, table2).then(noted);
  const read = batch.get(path);
  batch.delete(path);
  return noted(valueFileFrom(tree, path, sides.kind, keys, dvcTracked, read, table2));
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
function unnamedNote(sides, which2, path, name) {
  const side = which2 === "a" ? sides.sideA : sides.sideB;
  const named3 = side.named[sides.kind];
  const lacked = ancestorIn(path, which2 === "a" ? sides.goneA : sides.goneB) ?? ancestorIn(path, named3.folders);
  if (lacked !== null || named3.globs.some((re) => re.test(path))) return `not present at ${name}`;
  const file = ancestorIn(path, which2 === "a" ? sides.pathsA : sides.pathsB);
  if (file !== null) return `not present at ${name} (${file} is a file there)`;
  if (named3.folders.has(path)) return `a folder at ${name}: its files are compared under their own paths`;
  return `not named in dvc.yaml at ${name}`;
}
function ancestorIn(path, paths) {
  if (!paths.size) return null;
  for (let cut = path.lastIndexOf("/"); cut > 0; cut = path.lastIndexOf("/", cut - 1)) if (paths.has(path.slice(0, cut))) return path.slice(0, cut);
  return null;
}
function filesOf(side, kind) {
  return kind === "params" ? side.params : new Map(side.metrics.map((p) => [p, []]));
}
var isMetricsCsv = (kind, path) => kind === "metrics" && extension(path) === ".csv";
async function readValueFile(tree, path, kind, keys, dvcTracked, table2) {
  let read;
  try {
    if (isMetricsCsv(kind, path)) {
      const csv = await readMetricsCsv(tree, path);
      if (csv && "parsed" in csv) return { status: "ok", values: flattenMetrics(csv.parsed.data), warnings: csv.parsed.warnings };
      read = csv && csv.bytes;
    } else read = await tree.read(path);
  } catch (error2) {
    return failed(path, error2);
  }
  return valueFileFrom(tree, path, kind, keys, dvcTracked, read, table2);
}
function valueFileFrom(tree, path, kind, keys, dvcTracked, read, table2) {
  if (read instanceof Error) return failed(path, read);
  if (!read) {
    const why = "whyMissing" in tree ? tree.whyMissing(path) : void 0;
    if (why)
      return {
        status: "missing",
        note: `${tree.isCommit ? `not in git at ${tree.name}` : `not present at ${tree.name}`} (DVC-cached) and cannot be read: ${why}`
      };
    if (tree.isCommit && dvcTracked) return { status: "missing", note: `not in git at ${tree.name} (DVC-tracked)` };
    return { status: "missing", note: `not present at ${tree.name}` };
  }
  if (kind === "metrics" && extension(path) === ".json") {
    const values = flattenJsonMetrics(read, table2 ?? new KeyTable());
    if (values) return { status: "ok", values, warnings: [] };
  }
  try {
    let text2;
    try {
      text2 = UTF82.decode(read);
    } catch {
      return { status: "error", message: `${path}: not UTF-8 text (DVC reads values files as UTF-8)` };
    }
    const parsed = parseValueFile(path, text2, kind);
    const values = kind === "metrics" ? flattenMetrics(parsed.data) : flattenParams(parsed.data, keys);
    return { status: "ok", values, warnings: parsed.warnings };
  } catch (error2) {
    return failed(path, error2);
  }
}
function failed(path, error2) {
  const message = describeError(error2);
  return { status: "error", message: message.startsWith(path) ? message : `${path}: ${message}` };
}
async function readMetricsCsv(tree, path) {
  const chunks = await tree.chunks(path);
  if (!chunks) return null;
  const decoder3 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
  let ascii = true;
  const decode2 = (chunk) => {
    if (chunk && ascii && isAscii2(chunk)) return chunk.toString("latin1");
    ascii = false;
    try {
      return chunk ? decoder3.decode(chunk, { stream: true }) : decoder3.decode();
    } catch {
      throw new UserError("not UTF-8 text (DVC reads values files as UTF-8)");
    }
  };
  const whole = [];
  let size2 = 0;
  let reader = null;
  let head = "";
  const feed = (chunk) => {
    if (ascii && isAscii2(chunk)) reader.writeAscii(chunk);
    else {
      const text2 = decode2(chunk);
      reader.write(text2);
    }
  };
  const start = (chunk) => {
    if (head === null) return null;
    const lineEnd = ascii && isAscii2(chunk) ? chunk.indexOf(10) : -1;
    head += decode2(lineEnd === -1 ? chunk : chunk.subarray(0, lineEnd + 1));
    const firstBreak = head.indexOf("\n");
    if (firstBreak === -1) return null;
    const firstLine3 = head.slice(0, firstBreak).replace(/^\ufeff/, "");
    if (firstLine3.includes('"') || !isLoggerHeader(firstLine3.split(","))) {
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
    size2 += chunk.length;
    if (size2 > MAX_FILE_BYTES) throw new RefusedRead(`${path}: larger than the ${MAX_FILE_BYTES / 1024 / 1024} MiB a project file may have; not read`);
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
  if (needDvcYaml) {
    const project = await loadProject(tree);
    for (const error2 of project.errors) {
      if (fatal) fatal.push(error2);
      else log.warning(`${tree.name}: ${error2} (the metrics and params it names are skipped)`);
    }
    files = projectFiles(project.dvcYamls, project.dvcFiles);
    dvcYamls = project.dvcYamls.length + project.errors.length;
  }
  if (!dvcYamls) {
    if (!targets.metrics && !files.metrics.length && all.includes(LOGGER_METRICS)) files.metrics.push(LOGGER_METRICS);
    if (!targets.params && !files.topParams.length && !files.params.size && all.includes(LOGGER_PARAMS)) files.topParams.push(LOGGER_PARAMS);
  }
  const named3 = { metrics: { folders: /* @__PURE__ */ new Set(), globs: [] }, params: { folders: /* @__PURE__ */ new Set(), globs: [] } };
  const expand = (patterns, into) => {
    const out = /* @__PURE__ */ new Set();
    for (const p of patterns) {
      let clean2;
      try {
        clean2 = projectPath(p);
      } catch (error2) {
        log.warning(`${tree.name}: skipped ${JSON.stringify(p)}: ${describeError(error2)}`);
        continue;
      }
      if (!clean2) continue;
      const re = isGlob(clean2) ? globToRegExp(clean2) : null;
      const under = all.filter((f) => re ? re.test(f) : f.startsWith(`${clean2}/`));
      if (re) {
        under.forEach((f) => out.add(f));
        into.globs.push(re);
      } else if (under.length && !all.includes(clean2)) {
        under.forEach((f) => out.add(f));
        into.folders.add(clean2);
      } else out.add(clean2);
    }
    return [...out].sort();
  };
  files.metrics = expand(targets.metrics ?? files.metrics, named3.metrics);
  if (targets.params) files.params = new Map(expand(targets.params, named3.params).map((p) => [p, []]));
  else {
    if (!targets.depsOnly) {
      for (const p of files.topParams) files.params.set(p, []);
      if (all.includes("params.yaml")) files.params.set("params.yaml", []);
    }
    for (const [file, keys] of files.vars) if (!files.params.has(file) && file !== "params.yaml" && all.includes(file)) files.params.set(file, keys);
    const expanded = /* @__PURE__ */ new Map();
    for (const [p, keys] of files.params) for (const f of expand([p], named3.params)) expanded.set(f, keys);
    files.params = expanded;
  }
  return { ...files, named: named3 };
}

// src/causes/explain.ts
var MAX_CAUSE_ENTRIES = 50;
function explainer(inputs) {
  const head = causeSide(inputs.head);
  const base = causeSide(inputs.base);
  let dag = null;
  let dagError = null;
  if (head.stages.size) {
    try {
      dag = buildDag([...head.stages.values()].map((s) => s.stage));
    } catch (error2) {
      dagError = describeError(error2);
    }
  }
  const byWriter = /* @__PURE__ */ new Map();
  let everything;
  return (file) => {
    const writer = dag?.producerOf(file);
    if (dag && writer !== void 0) {
      let found = byWriter.get(writer);
      if (!found) {
        const upstream = upstreamCauses(inputs, dag, head, base, writer);
        found = settled({ ...upstream, unknown: [...upstream.unknown, ...inputs.unknown] });
        byWriter.set(writer, found);
      }
      return found;
    }
    if (!everything) {
      const all = everythingChanged(inputs, dag ? "no-stage" : "no-pipeline");
      if (dagError) all.unknown.push(`dvc.yaml does not load as a pipeline (${dagError}): all changed params and files listed`);
      everything = settled({ ...all, unknown: [...all.unknown, ...inputs.unknown] });
    }
    return everything;
  };
}
function settled(found) {
  const nothing = !found.params.length && !found.files.length && !found.data.length && !found.stages.some((s) => s.definition) && !found.unknown.length;
  return { ...found, nothingUpstream: nothing };
}
function withCauses(metrics, explain) {
  return metrics.map((f) => {
    let causes;
    const rows = f.rows.map((r) => r.changed ? { ...r, causes: causes ??= explain(f.path) } : r);
    return { ...f, rows };
  });
}
function causeSide(project) {
  const stages = /* @__PURE__ */ new Map();
  for (const dvc of project.dvcYamls) {
    for (const stage2 of dvc.stages) {
      const name = dvc.dir ? `${dvc.file}:${stage2.name}` : stage2.name;
      stages.set(name, { stage: { ...stage2, name, wdir: joinPath(dvc.dir, stage2.wdir) || "." }, dir: dvc.dir, local: stage2.name });
    }
  }
  return { stages, project };
}
function causeLockOf(s, at) {
  const lock = s.project.locks.get(at.dir);
  return { file: lock !== void 0, stage: lock?.stages.get(at.local) };
}
function upstreamCauses(inputs, dag, head, base, writer) {
  const stages = [];
  const params = new CauseEntries((p) => `${p.file}\0${p.key}`);
  const files = new CauseEntries((f) => f.path);
  const data = new CauseEntries((d) => d.path);
  const unknown = /* @__PURE__ */ new Set();
  for (const name of selectStages(dag, [writer])) {
    const at = head.stages.get(name);
    const stage2 = at.stage;
    const before = base.stages.get(name)?.stage;
    const headLock = causeLockOf(head, at);
    const baseLock = causeLockOf(base, at);
    const baseHasPipeline = base.project.dvcYamls.some((d) => d.dir === at.dir);
    stages.push({ name, ...causeStageStatus(inputs, name, headLock, baseLock, baseHasPipeline), definition: causeDefinition(stage2, before) });
    for (const dep of stage2.params) {
      const file = joinPath(stage2.wdir, dep.file);
      const diff = inputs.params.find((f) => f.path === file);
      if (!diff) {
        unknown.add(`${file} is not in the params diff: changes to its params unknown`);
        continue;
      }
      for (const row3 of diff.rows) {
        if (row3.changed && (dep.keys === null || dep.keys.some((k) => paramKeyUnder(row3.key, k)))) params.add(paramCause(file, row3), name);
      }
    }
    for (const dep of stage2.deps) {
      const path = joinPath(stage2.wdir, dep);
      if (dag.producerOf(path) !== void 0) continue;
      const under = (p) => path === "" || p === path || p.startsWith(`${path}/`);
      for (const [p, count2] of inputs.files) if (under(p) && dag.producerOf(p) === void 0) files.add(fileCause(p, count2), name);
      const dvcOuts = causeTrackedOuts(inputs, path);
      for (const out of dvcOuts) {
        const change2 = dataCause(out, causeFindOut(inputs.base, out), causeFindOut(inputs.head, out), ".dvc");
        if (change2) data.add(change2, name);
      }
      if (dvcOuts.length || someOf(inputs.tracked, under)) continue;
      if (!baseLock.file) unknown.add(baseHasPipeline ? "dvc.lock missing at base: data changes unknown" : "no dvc.yaml at base: data changes unknown");
      else if (!baseLock.stage) unknown.add(`stage '${name}' not in dvc.lock at base: changes to its data unknown`);
      else if (!headLock.stage) unknown.add(`stage '${name}' not in dvc.lock at head: changes to its data unknown`);
      else {
        const change2 = dataCause(dep, causeEntryOf(baseLock.stage.deps, dep), causeEntryOf(headLock.stage.deps, dep), "dvc.lock", path);
        if (change2) data.add(change2, name);
      }
    }
  }
  const omitted2 = params.omitted() + files.omitted() + data.omitted();
  return { basis: "pipeline", stage: writer, stages, params: params.list(), files: files.list(), data: data.list(), unknown: [...unknown], omitted: omitted2 };
}
function everythingChanged(inputs, basis) {
  const params = [];
  const files = new CauseEntries((f) => f.path);
  const data = new CauseEntries((d) => d.path);
  let changedParams = 0;
  for (let i = 0; i < inputs.params.length; i++) {
    const diff = inputs.params[i];
    const rows = diff.rows;
    for (let k = 0; k < rows.length; k++) {
      const row3 = rows[k];
      if (!row3.changed) continue;
      if (changedParams++ < MAX_CAUSE_ENTRIES) params.push(paramCause(diff.path, row3));
    }
  }
  const skip = /* @__PURE__ */ new Set([...inputs.metricsFiles, ...inputs.params.map((f) => f.path)]);
  inputs.files.forEach((count2, p) => {
    if (skip.has(p) || p.endsWith(".dvc") || p.slice(p.lastIndexOf("/") + 1) === "dvc.lock") return;
    files.add(fileCause(p, count2));
  });
  const outs = new Set([...inputs.base.dvcFiles, ...inputs.head.dvcFiles].flatMap((f) => f.outs.map((o) => o.path)));
  for (const out of [...outs].sort()) {
    const change2 = dataCause(out, causeFindOut(inputs.base, out), causeFindOut(inputs.head, out), ".dvc");
    if (change2) data.add(change2);
  }
  const omitted2 = changedParams - params.length + files.omitted() + data.omitted();
  return { basis, stage: null, stages: [], params, files: files.list(), data: data.list(), unknown: [], omitted: omitted2 };
}
function causeStageStatus(inputs, name, headLock, baseLock, baseHasPipeline) {
  const ran = inputs.ran?.find((s) => s.name === name);
  if (ran && ran.status !== "skipped") return { status: ran.status, reasons: ran.reasons ?? [] };
  const stale = inputs.stale.find((s) => s.stage === name);
  if (stale) return { status: "out-of-date", reasons: stale.reasons };
  if (!baseLock.file) return { status: baseHasPipeline ? "unknown" : "new", reasons: [] };
  if (!baseLock.stage) return { status: "new", reasons: [] };
  if (!headLock.stage) return { status: "unknown", reasons: [] };
  return { status: sameLockEntry(baseLock.stage, headLock.stage) ? "unchanged" : "updated", reasons: [] };
}
function sameLockEntry(a, b) {
  const entries = (list3) => JSON.stringify(list3.map((e) => [e.path, e.md5]).sort());
  if (JSON.stringify(a.cmd) !== JSON.stringify(b.cmd) || entries(a.deps) !== entries(b.deps) || entries(a.outs) !== entries(b.outs)) return false;
  const files = /* @__PURE__ */ new Set([...a.params.keys(), ...b.params.keys()]);
  return [...files].every((f) => pyEqual(a.params.get(f), b.params.get(f)));
}
function causeDefinition(head, base) {
  if (!base) return "new";
  if (JSON.stringify(head.cmd) !== JSON.stringify(base.cmd)) return "command";
  const shape2 = (s) => JSON.stringify([s.wdir, s.deps, s.params.map((p) => [p.file, p.keys]), s.outs.map((o) => [o.path, o.kind, o.cache]), s.frozen, s.alwaysChanged]);
  return shape2(head) === shape2(base) ? null : "definition";
}
function paramKeyUnder(key2, tracked) {
  const parts = key2.split(".");
  const want = tracked.split(".");
  return want.length <= parts.length && want.every((w, i) => w === "*" || w === parts[i]);
}
function paramCause(file, row3) {
  const cause = { file, key: row3.key, stages: [] };
  if (row3.old !== void 0) cause.old = row3.old;
  if (row3.new !== void 0) cause.new = row3.new;
  return cause;
}
function fileCause(path, count2) {
  return { path, added: count2?.added ?? null, deleted: count2?.deleted ?? null, binary: count2 === null, stages: [] };
}
function someOf(paths, test) {
  for (const path of paths) if (test(path)) return true;
  return false;
}
function isIncauseSide(child, parent) {
  return parent === "" || child.startsWith(`${parent}/`);
}
function causeTrackedOuts(inputs, path) {
  const outs = /* @__PURE__ */ new Set();
  for (const file of [...inputs.base.dvcFiles, ...inputs.head.dvcFiles]) {
    for (const out of file.outs) if (out.path === path || isIncauseSide(path, out.path) || isIncauseSide(out.path, path)) outs.add(out.path);
  }
  return [...outs].sort();
}
function causeFindOut(project, path) {
  for (const file of project.dvcFiles) for (const out of file.outs) if (out.path === path) return out;
  return void 0;
}
function causeEntryOf(entries, path) {
  return entries.find((e) => e.path === path);
}
function dataCause(path, before, after, source, shown2 = path) {
  if (!before && !after) return null;
  if (before && after && before.md5 === after.md5) return null;
  const meta = (e) => e ? { size: e.size ?? null, nfiles: e.nfiles ?? null } : null;
  return { path: shown2, source, old: meta(before), new: meta(after), stages: [] };
}
var CauseEntries = class {
  constructor(id) {
    this.id = id;
  }
  id;
  items = /* @__PURE__ */ new Map();
  add(item, stage2) {
    const id = this.id(item);
    const known = this.items.get(id);
    const kept = known ?? item;
    if (!known) this.items.set(id, item);
    if (stage2 !== void 0 && !kept.stages.includes(stage2)) kept.stages.push(stage2);
  }
  list() {
    return [...this.items.values()].slice(0, MAX_CAUSE_ENTRIES);
  }
  omitted() {
    return Math.max(0, this.items.size - MAX_CAUSE_ENTRIES);
  }
};

// src/causes/gather.ts
async function explainChanges(git, request, log) {
  const { base, budget } = request;
  if (!base || !request.metrics.some((f) => f.rows.some((r) => r.changed))) return request.metrics;
  try {
    const atBase = await loadProject(commitTree(git, base.sha, base.label, budget ? { budget } : {}));
    const atHead = await loadProject(workspaceTree(request.workspace, { name: "head", ...budget ? { budget } : {} }));
    const files = new Map((await git.diffPaths(base.sha)).map((path) => [path, { added: 0, deleted: 0 }]));
    const tracked = atHead.dvcYamls.some((d) => d.stages.length) ? await trackedPaths(git, base.sha, files) : /* @__PURE__ */ new Set();
    const explain = explainer({
      base: atBase,
      head: atHead,
      params: request.params,
      metricsFiles: request.metrics.map((f) => f.path),
      files,
      tracked,
      ran: request.pipeline?.stages ?? null,
      stale: request.stale,
      unknown: [...atBase.errors.map((e) => `at ${base.label}: ${e}`), ...atHead.errors.map((e) => `at head: ${e}`)]
    });
    const metrics = withCauses(request.metrics, explain);
    await countLines(git, base.sha, metrics);
    return metrics;
  } catch (error2) {
    log.warning(`Why the metrics changed is not shown: ${describeError(error2)}`);
    return request.metrics;
  }
}
async function trackedPaths(git, base, files) {
  const tracked = new Set((await git.listEntries(base)).keys());
  const headSha = await git.resolveCommit("HEAD");
  if (headSha) for (const path of (await git.listEntries(headSha)).keys()) tracked.add(path);
  for (const path of files.keys()) tracked.add(path);
  return tracked;
}
async function countLines(git, base, metrics) {
  const listed = /* @__PURE__ */ new Map();
  const seen = /* @__PURE__ */ new Set();
  for (const file of metrics) {
    const causes = file.rows.find((r) => r.causes)?.causes;
    if (!causes || seen.has(causes)) continue;
    seen.add(causes);
    for (const cause of causes.files) {
      const same = listed.get(cause.path);
      if (same) same.push(cause);
      else listed.set(cause.path, [cause]);
    }
  }
  if (!listed.size) return;
  const counts2 = await git.diffNumstat(base, [...listed.keys()]);
  for (const [path, causes] of listed) {
    const count2 = counts2.get(path);
    for (const cause of causes)
      Object.assign(
        cause,
        count2 === null ? { added: null, deleted: null, binary: true } : { added: count2?.added ?? 0, deleted: count2?.deleted ?? 0, binary: false }
      );
  }
}

// src/history/store.ts
var STORE_MARKER = "mlreport-history.json";
var STORE_FORMAT = { format: "mlreport-history", version: 1 };
var LOCAL_REF = "refs/mlreport/history";
var MAX_RECORD_BYTES = 16 * 1024 * 1024;
function recordPath(commit) {
  return `records/${commit}.json`;
}
var HistoryStore = class {
  constructor(git, branch, remote = "origin") {
    this.git = git;
    this.branch = branch;
    this.remote = remote;
  }
  git;
  branch;
  remote;
  fetched = null;
  /** The tip, fetched once a run; `fresh` fetches again (after another run moved the branch). */
  tip(fresh = false) {
    if (fresh || !this.fetched) this.fetched = this.fetchTip();
    return this.fetched;
  }
  async fetchTip() {
    if (!(await this.git.remotes()).includes(this.remote))
      return { state: "absent", why: `no remote '${this.remote}' to fetch the branch '${this.branch}' from`, remote: false };
    let commit;
    try {
      commit = await this.git.fetchTip(this.branch, LOCAL_REF, this.remote);
    } catch (error2) {
      return { state: "unusable", reason: `the branch '${this.branch}' could not be fetched (${redact(firstLine2(describeError(error2)))})` };
    }
    if (!commit) return { state: "absent", why: `no branch '${this.branch}' yet (pushes to the default branch write it)`, remote: true };
    const tree = await this.git.treeOf(commit);
    const marker = await this.git.readAt(commit, STORE_MARKER, 64 * 1024);
    if (!tree || !marker || !isMarker(marker)) {
      return {
        state: "unusable",
        reason: `the branch '${this.branch}' is not an mlreport history store (no ${STORE_MARKER} of format 1 at its tip ${shortSha(commit)})`
      };
    }
    return { state: "ok", commit, tree };
  }
  /** A commit's committer date, as its record keeps it. */
  dateOf(commit) {
    return this.git.committerDate(commit);
  }
  /** The records of `commits` the store holds; a record that is not one (bad JSON, wrong shape, another commit's) is a note. */
  async records(commits) {
    const records = /* @__PURE__ */ new Map();
    const notes = [];
    const tip = await this.tip();
    if (tip.state === "unusable") return { records, notes: [`History store: ${tip.reason}; not read.`] };
    if (tip.state === "absent") return { records, notes: [`History store: ${tip.why}.`] };
    for (const commit of new Set(commits)) {
      const path = recordPath(commit);
      let bytes;
      try {
        bytes = await this.git.readAt(tip.commit, path, MAX_RECORD_BYTES);
      } catch (error2) {
        notes.push(`History store: ${path} could not be read (${describeError(error2)}); skipped.`);
        continue;
      }
      if (!bytes) continue;
      const parsed = parseRecord(bytes, commit);
      if (typeof parsed === "string") notes.push(`History store: ${path} on '${this.branch}' ${parsed}; skipped.`);
      else records.set(commit, parsed);
    }
    return { records, notes };
  }
};
function storeReader(store) {
  return (commits) => store.records(commits);
}
function recordText(record) {
  return `${JSON.stringify({ ...STORE_FORMAT, commit: record.commit, date: record.date, metrics: record.metrics }, null, 1)}
`;
}
function headMetrics(metrics) {
  const out = [];
  for (const file of metrics) {
    for (const row3 of file.rows) {
      const value2 = typeof row3.new === "number" ? row3.new : isFloatLeaf(row3.new) ? row3.new.float : void 0;
      if (typeof value2 === "number" && Number.isFinite(value2)) out.push({ file: file.path, key: row3.key, value: value2 });
    }
  }
  return out;
}
function parseRecord(bytes, commit) {
  let data;
  try {
    data = JSON.parse(bytes.toString("utf8"));
  } catch (error2) {
    return `is not JSON (${error2.message})`;
  }
  if (!isObject(data) || data.format !== STORE_FORMAT.format || data.version !== STORE_FORMAT.version) {
    return `is not an mlreport history record of format ${STORE_FORMAT.version}`;
  }
  if (data.commit !== commit) return `names the commit ${JSON.stringify(data.commit)}, not ${commit}`;
  if (data.date !== null && (typeof data.date !== "string" || Number.isNaN(Date.parse(data.date)))) return `has a 'date' that is not an ISO 8601 date`;
  if (!Array.isArray(data.metrics)) return `has no 'metrics' list`;
  const metrics = [];
  for (const [i, m] of data.metrics.entries()) {
    if (!isObject(m) || typeof m.file !== "string" || typeof m.key !== "string" || typeof m.value !== "number" || !Number.isFinite(m.value)) {
      return `has metrics[${i}] that is not {file, key, value} with a finite number`;
    }
    metrics.push({ file: m.file, key: m.key, value: m.value });
  }
  return { commit, date: data.date, source: "store", metrics };
}
function isMarker(bytes) {
  try {
    const data = JSON.parse(bytes.toString("utf8"));
    return isObject(data) && data.format === STORE_FORMAT.format && data.version === STORE_FORMAT.version;
  } catch {
    return false;
  }
}
function isObject(value2) {
  return value2 !== null && typeof value2 === "object" && !Array.isArray(value2);
}
function firstLine2(text2) {
  return text2.split("\n").find((l) => l.trim())?.trim() ?? text2;
}

// src/history/store-base.ts
async function withStoreBase(metrics, base, store, log) {
  if (!base || !metrics.some(lacksBase)) return metrics;
  const { records, notes } = await store.records([base.sha]);
  const record = records.get(base.sha);
  if (!record) {
    const said = notes.length && (await store.tip()).state !== "absent";
    log.info(notes.join(" ") || `History store: no record of ${shortSha(base.sha)} on '${store.branch}'.`);
    return said ? metrics.map((f) => lacksBase(f) ? { ...f, notes: [...f.notes, ...notes] } : f) : metrics;
  }
  const filled = fillBase(metrics, record, store.branch);
  const used = filled.filter((f, i) => f !== metrics[i]).length;
  if (used)
    log.info(`History store: base values of ${used} metrics file${used === 1 ? "" : "s"} from the record of ${shortSha(base.sha)} on '${store.branch}'.`);
  return filled;
}
function lacksBase(file) {
  return file.rows.length > 0 && file.rows.every((r) => r.old === void 0);
}
function fillBase(metrics, record, branch) {
  const byFile = /* @__PURE__ */ new Map();
  for (const m of record.metrics) {
    const values = byFile.get(m.file) ?? /* @__PURE__ */ new Map();
    values.set(m.key, m.value);
    byFile.set(m.file, values);
  }
  return metrics.map((file) => {
    const stored = byFile.get(file.path);
    if (!stored || !lacksBase(file)) return file;
    const head = /* @__PURE__ */ new Map();
    for (const row3 of file.rows) if (row3.new !== void 0) head.set(row3.key, row3.new);
    const old = new Map([...stored].map(([key2, value2]) => [key2, isFloat(head.get(key2)) ? floatLeaf(value2) : value2]));
    const diff = diffValueFile(file.path, { status: "ok", values: old }, { status: "ok", values: head });
    return {
      ...diff,
      notes: [...file.notes, `base values from the history store: the record of ${shortSha(record.commit)} on the branch '${branch}'`]
    };
  });
}

// src/history/store-write.ts
async function writeRecord(client, repoRef, store, record, retry) {
  const { owner, repo } = repoRef;
  const file = { path: recordPath(record.commit), mode: "100644", type: "blob", content: recordText(record) };
  let attempt = 0;
  return commitOnBranch(client, repoRef, {
    branch: store.branch,
    message: `mlreport: metrics of ${record.commit}`,
    ...retry ? { retry } : {},
    tip: async () => {
      const tip = await store.tip(attempt++ > 0);
      if (tip.state === "unusable") throw new UserError(`${tip.reason}; not written`);
      if (tip.state === "absent" && !tip.remote) throw new UserError(`${tip.why}; not written`);
      return tip.state === "ok" ? { commit: tip.commit, tree: tip.tree } : null;
    },
    tree: async (tip) => {
      const marker = { path: STORE_MARKER, mode: "100644", type: "blob", content: `${JSON.stringify(STORE_FORMAT)}
` };
      const body = tip?.tree ? { owner, repo, base_tree: tip.tree, tree: [file] } : { owner, repo, tree: [marker, file] };
      return (await client.request("POST /repos/{owner}/{repo}/git/trees", body)).data.sha;
    }
  });
}
var HistoryRecorder = class {
  constructor(ctx, store, log) {
    this.ctx = ctx;
    this.store = store;
    this.log = log;
  }
  ctx;
  store;
  log;
  name = "history store";
  async publish(report2) {
    const commit = report2.head.sha;
    const why = !this.ctx.token ? "no 'github-token'" : !commit ? "the head is not a commit" : report2.pipeline?.stages.some((s) => s.status === "failed") ? "a stage failed" : report2.projectErrors?.length ? "project files do not parse" : null;
    if (why) {
      this.log.info(`History store: this push's metrics are not recorded (${why}).`);
      return { skipped: true };
    }
    const tip = await this.store.tip();
    if (tip.state === "absent" && !tip.remote) {
      this.log.info(`History store: ${tip.why}; this push's metrics are not recorded.`);
      return { skipped: true };
    }
    const metrics = headMetrics(report2.metrics);
    if (!metrics.length) {
      this.log.info("History store: no numeric metrics at the head; nothing recorded.");
      return { skipped: true };
    }
    const client = await createGitHubClient(this.ctx.token, this.ctx.apiUrl, { onRetry: (m) => this.log.info(m) });
    try {
      const date = await this.store.dateOf(commit);
      const written = await writeRecord(client, { owner: this.ctx.owner, repo: this.ctx.repo }, this.store, { commit, date, metrics });
      this.log.info(`History store: recorded ${metrics.length} metric values of ${shortSha(commit)} on '${this.store.branch}' (${shortSha(written)}).`);
      return { location: `${this.store.branch}:${recordPath(commit)}` };
    } catch (error2) {
      if (!isPermissionError(error2)) throw error2;
      this.log.warning(
        `History store: the token cannot write the branch '${this.store.branch}' (the workflow needs \`permissions: contents: write\`); this push's metrics are not recorded.`
      );
      return { notPosted: "a read-only token" };
    }
  }
};

// src/data-diff/collect.ts
import { createReadStream as createReadStream4, existsSync as existsSync7 } from "node:fs";
import { join as join27 } from "node:path";
import { stat as stat8 } from "node:fs/promises";

// src/data-diff/diff.ts
function diffData(old, head) {
  const out = { added: [], deleted: [], modified: [], renamed: [], notInCache: [] };
  const unknown = /* @__PURE__ */ new Map();
  for (const index of [old, head]) for (const [dir, why] of index.unknown) unknown.set(dir, [...unknown.get(dir) ?? [], why]);
  const hidden = (path) => [...unknown.keys()].some((dir) => path.startsWith(`${dir}/`));
  const added = [];
  const deleted = [];
  for (const path of /* @__PURE__ */ new Set([...old.entries.keys(), ...head.entries.keys()])) {
    if (hidden(path)) continue;
    const a = old.entries.get(path);
    const b = head.entries.get(path);
    if (a && b) {
      if (a.md5 !== b.md5 || a.isdir !== b.isdir) {
        out.modified.push({ path: shown(path, a.isdir || b.isdir), old: { md5: a.md5, size: a.size }, new: { md5: b.md5, size: b.size } });
      }
    } else if (b) added.push([path, b]);
    else if (a) deleted.push([path, a]);
  }
  const byKey = (x, y) => compareKeys(x[0], y[0]);
  added.sort(byKey);
  deleted.sort(byKey);
  const gone = /* @__PURE__ */ new Map();
  for (const d of deleted) if (d[1].md5) gone.set(d[1].md5, [...gone.get(d[1].md5) ?? [], d]);
  const renamedFrom = /* @__PURE__ */ new Set();
  for (const [path, entry] of added) {
    const match = entry.md5 ? gone.get(entry.md5)?.shift() : void 0;
    if (match) {
      renamedFrom.add(match[0]);
      out.renamed.push({ path: { old: shown(match[0], match[1].isdir), new: shown(path, entry.isdir) }, md5: entry.md5, size: entry.size ?? match[1].size });
    } else out.added.push({ path: shown(path, entry.isdir), md5: entry.md5, size: entry.size });
  }
  for (const [path, entry] of deleted) if (!renamedFrom.has(path)) out.deleted.push({ path: shown(path, entry.isdir), md5: entry.md5, size: entry.size });
  for (const [dir, why] of unknown) {
    out.notInCache.push({ path: shown(dir, !!(old.entries.get(dir)?.isdir || head.entries.get(dir)?.isdir)), reason: why.join("; ") });
  }
  const byPath = (x, y) => compareCodePoints(x.path, y.path);
  out.added.sort(byPath);
  out.deleted.sort(byPath);
  out.modified.sort(byPath);
  out.notInCache.sort(byPath);
  out.renamed.sort((x, y) => compareCodePoints(x.path.old, y.path.old));
  return out;
}
function shown(path, isdir) {
  return isdir ? `${path}/` : path;
}
function compareKeys(a, b) {
  const x = a.split("/");
  const y = b.split("/");
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const c = compareCodePoints(x[i], y[i]);
    if (c) return c;
  }
  return x.length - y.length;
}

// src/data-diff/table-shape.ts
import { open as open6 } from "node:fs/promises";

// node_modules/hyparquet/src/constants.js
var ParquetTypes = [
  "BOOLEAN",
  "INT32",
  "INT64",
  "INT96",
  // deprecated
  "FLOAT",
  "DOUBLE",
  "BYTE_ARRAY",
  "FIXED_LEN_BYTE_ARRAY"
];
var Encodings = [
  "PLAIN",
  "GROUP_VAR_INT",
  // deprecated
  "PLAIN_DICTIONARY",
  "RLE",
  "BIT_PACKED",
  // deprecated
  "DELTA_BINARY_PACKED",
  "DELTA_LENGTH_BYTE_ARRAY",
  "DELTA_BYTE_ARRAY",
  "RLE_DICTIONARY",
  "BYTE_STREAM_SPLIT",
  "ALP"
];
var FieldRepetitionTypes = [
  "REQUIRED",
  "OPTIONAL",
  "REPEATED"
];
var ConvertedTypes = [
  "UTF8",
  "MAP",
  "MAP_KEY_VALUE",
  "LIST",
  "ENUM",
  "DECIMAL",
  "DATE",
  "TIME_MILLIS",
  "TIME_MICROS",
  "TIMESTAMP_MILLIS",
  "TIMESTAMP_MICROS",
  "UINT_8",
  "UINT_16",
  "UINT_32",
  "UINT_64",
  "INT_8",
  "INT_16",
  "INT_32",
  "INT_64",
  "JSON",
  "BSON",
  "INTERVAL"
];
var CompressionCodecs = [
  "UNCOMPRESSED",
  "SNAPPY",
  "GZIP",
  "LZO",
  "BROTLI",
  "LZ4",
  "ZSTD",
  "LZ4_RAW"
];
var PageTypes = [
  "DATA_PAGE",
  "INDEX_PAGE",
  "DICTIONARY_PAGE",
  "DATA_PAGE_V2"
];
var EdgeInterpolationAlgorithms = [
  "SPHERICAL",
  "VINCENTY",
  "THOMAS",
  "ANDOYER",
  "KARNEY"
];

// node_modules/hyparquet/src/wkb.js
function wkbToGeojson(reader) {
  const flags = getFlags(reader);
  if (flags.type === 1) {
    return { type: "Point", coordinates: readPosition(reader, flags) };
  } else if (flags.type === 2) {
    return { type: "LineString", coordinates: readLine(reader, flags) };
  } else if (flags.type === 3) {
    return { type: "Polygon", coordinates: readPolygon(reader, flags) };
  } else if (flags.type === 4) {
    const points = [];
    for (let i = 0; i < flags.count; i++) {
      points.push(readPosition(reader, getFlags(reader)));
    }
    return { type: "MultiPoint", coordinates: points };
  } else if (flags.type === 5) {
    const lines2 = [];
    for (let i = 0; i < flags.count; i++) {
      lines2.push(readLine(reader, getFlags(reader)));
    }
    return { type: "MultiLineString", coordinates: lines2 };
  } else if (flags.type === 6) {
    const polygons = [];
    for (let i = 0; i < flags.count; i++) {
      polygons.push(readPolygon(reader, getFlags(reader)));
    }
    return { type: "MultiPolygon", coordinates: polygons };
  } else if (flags.type === 7) {
    const geometries = [];
    for (let i = 0; i < flags.count; i++) {
      geometries.push(wkbToGeojson(reader));
    }
    return { type: "GeometryCollection", geometries };
  } else {
    throw new Error(`Unsupported geometry type: ${flags.type}`);
  }
}
function getFlags(reader) {
  const { view } = reader;
  const littleEndian = view.getUint8(reader.offset++) === 1;
  const rawType = view.getUint32(reader.offset, littleEndian);
  reader.offset += 4;
  const type = rawType % 1e3;
  const flags = Math.floor(rawType / 1e3);
  let count2 = 0;
  if (type > 1 && type <= 7) {
    count2 = view.getUint32(reader.offset, littleEndian);
    reader.offset += 4;
  }
  let dim = 2;
  if (flags) dim++;
  if (flags === 3) dim++;
  return { littleEndian, type, dim, count: count2 };
}
function readPosition(reader, flags) {
  const points = [];
  for (let i = 0; i < flags.dim; i++) {
    const coord = reader.view.getFloat64(reader.offset, flags.littleEndian);
    reader.offset += 8;
    points.push(coord);
  }
  return points;
}
function readLine(reader, flags) {
  const points = [];
  for (let i = 0; i < flags.count; i++) {
    points.push(readPosition(reader, flags));
  }
  return points;
}
function readPolygon(reader, flags) {
  const { view } = reader;
  const rings = [];
  for (let r = 0; r < flags.count; r++) {
    const count2 = view.getUint32(reader.offset, flags.littleEndian);
    reader.offset += 4;
    rings.push(readLine(reader, { ...flags, count: count2 }));
  }
  return rings;
}

// node_modules/hyparquet/src/convert.js
var decoder = new TextDecoder();
var DEFAULT_PARSERS = {
  timestampFromMilliseconds(millis) {
    return new Date(Number(millis));
  },
  timestampFromMicroseconds(micros) {
    return new Date(Number(micros / 1000n));
  },
  timestampFromNanoseconds(nanos) {
    return new Date(Number(nanos / 1000000n));
  },
  dateFromDays(days) {
    return new Date(days * 864e5);
  },
  stringFromBytes(bytes) {
    return bytes && decoder.decode(bytes);
  },
  jsonFromBytes(bytes) {
    return bytes && JSON.parse(decoder.decode(bytes));
  },
  geometryFromBytes(bytes) {
    return bytes && wkbToGeojson({ view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), offset: 0 });
  },
  geographyFromBytes(bytes) {
    return bytes && wkbToGeojson({ view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), offset: 0 });
  },
  uuidFromBytes(bytes) {
    if (!bytes) return void 0;
    const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
    return hex.slice(0, 8) + "-" + hex.slice(8, 12) + "-" + hex.slice(12, 16) + "-" + hex.slice(16, 20) + "-" + hex.slice(20, 32);
  }
};
function parseDecimal(bytes) {
  if (!bytes.length) return 0;
  let value2 = 0n;
  for (const byte of bytes) {
    value2 = value2 * 256n + BigInt(byte);
  }
  const bits = bytes.length * 8;
  if (value2 >= 2n ** BigInt(bits - 1)) {
    value2 -= 2n ** BigInt(bits);
  }
  return Number(value2);
}
function parseFloat16(bytes) {
  if (!bytes) return void 0;
  const int16 = bytes[1] << 8 | bytes[0];
  const sign = int16 >> 15 ? -1 : 1;
  const exp = int16 >> 10 & 31;
  const frac = int16 & 1023;
  if (exp === 0) return sign * 2 ** -14 * (frac / 1024);
  if (exp === 31) return frac ? NaN : sign * Infinity;
  return sign * 2 ** (exp - 15) * (1 + frac / 1024);
}

// node_modules/hyparquet/src/thrift.js
var STOP = 0;
var TRUE = 1;
var FALSE = 2;
var BYTE = 3;
var I16 = 4;
var I32 = 5;
var I64 = 6;
var DOUBLE = 7;
var BINARY = 8;
var LIST = 9;
var STRUCT = 12;
function deserializeTCompactProtocol(reader) {
  const value2 = {};
  let fid = 0;
  while (true) {
    if (reader.offset >= reader.view.byteLength) throw new Error("thrift struct ended without STOP");
    const byte = reader.view.getUint8(reader.offset++);
    const type = byte & 15;
    if (type === STOP) break;
    const delta = byte >> 4;
    fid = delta ? fid + delta : readZigZag(reader);
    value2[`field_${fid}`] = readElement(reader, type);
  }
  return value2;
}
function readElement(reader, type) {
  switch (type) {
    case TRUE:
      return true;
    case FALSE:
      return false;
    case BYTE:
      return reader.view.getInt8(reader.offset++);
    case I16:
    case I32:
      return readZigZag(reader);
    case I64:
      return readZigZagBigInt(reader);
    case DOUBLE: {
      const value2 = reader.view.getFloat64(reader.offset, true);
      reader.offset += 8;
      return value2;
    }
    case BINARY: {
      const stringLength = readVarInt(reader);
      if (reader.offset + stringLength > reader.view.byteLength) {
        throw new Error(`thrift binary length ${stringLength} exceeds remaining ${reader.view.byteLength - reader.offset} bytes`);
      }
      const strBytes = new Uint8Array(reader.view.buffer, reader.view.byteOffset + reader.offset, stringLength);
      reader.offset += stringLength;
      return strBytes;
    }
    case LIST: {
      const byte = reader.view.getUint8(reader.offset++);
      const elemType = byte & 15;
      let listSize = byte >> 4;
      if (listSize === 15) {
        listSize = readVarInt(reader);
      }
      const boolType = elemType === TRUE || elemType === FALSE;
      const values = new Array(listSize);
      for (let i = 0; i < listSize; i++) {
        values[i] = boolType ? readElement(reader, BYTE) === 1 : readElement(reader, elemType);
      }
      return values;
    }
    case STRUCT:
      return deserializeTCompactProtocol(reader);
    default:
      throw new Error(`thrift unhandled type: ${type}`);
  }
}
function readVarInt(reader) {
  let result = 0;
  let shift = 0;
  while (true) {
    const byte = reader.view.getUint8(reader.offset++);
    result |= (byte & 127) << shift;
    if (!(byte & 128)) {
      return result;
    }
    shift += 7;
  }
}
function readVarBigInt(reader) {
  let result = 0n;
  let shift = 0n;
  while (true) {
    const byte = reader.view.getUint8(reader.offset++);
    result |= BigInt(byte & 127) << shift;
    if (!(byte & 128)) {
      return result;
    }
    shift += 7n;
  }
}
function readZigZag(reader) {
  const zigzag = readVarInt(reader);
  return zigzag >>> 1 ^ -(zigzag & 1);
}
function readZigZagBigInt(reader) {
  const zigzag = readVarBigInt(reader);
  return zigzag >> 1n ^ -(zigzag & 1n);
}

// node_modules/hyparquet/src/geoparquet.js
function markGeoColumns(schema, key_value_metadata) {
  const columns = /* @__PURE__ */ new Map();
  const geo = key_value_metadata?.find(({ key: key2 }) => key2 === "geo")?.value;
  const decodedColumns = (geo && JSON.parse(geo)?.columns) ?? {};
  for (const [name, column] of Object.entries(decodedColumns)) {
    if (column.encoding !== "WKB") continue;
    const type = column.edges === "spherical" ? "GEOGRAPHY" : "GEOMETRY";
    const id = column.crs?.id ?? column.crs?.ids?.[0];
    const crs = id ? `${id.authority}:${id.code.toString()}` : void 0;
    columns.set(name, { type, crs });
  }
  for (let i = 1; i < schema.length; i++) {
    const { logical_type, name, num_children, type } = schema[i];
    if (num_children) {
      i += num_children;
      continue;
    }
    if (type === "BYTE_ARRAY" && !logical_type) {
      schema[i].logical_type = columns.get(name);
    }
  }
}

// node_modules/hyparquet/src/metadata.js
var defaultInitialFetchSize = 1 << 19;
var decoder2 = new TextDecoder();
function decode(value2) {
  return value2 && decoder2.decode(value2);
}
function parquetMetadata(arrayBuffer, { parsers, geoparquet = true } = {}) {
  let view;
  if (arrayBuffer instanceof ArrayBuffer) {
    view = new DataView(arrayBuffer);
  } else if (arrayBuffer instanceof Uint8Array) {
    view = new DataView(arrayBuffer.buffer, arrayBuffer.byteOffset, arrayBuffer.byteLength);
  } else {
    throw new Error("parquet expected ArrayBuffer or Uint8Array");
  }
  const allParsers = { ...DEFAULT_PARSERS, ...parsers };
  if (view.byteLength < 8) {
    throw new Error("parquet file is too short");
  }
  if (view.getUint32(view.byteLength - 4, true) !== 827474256) {
    throw new Error("parquet file invalid (footer != PAR1)");
  }
  const metadataLengthOffset = view.byteLength - 8;
  const metadataLength = view.getUint32(metadataLengthOffset, true);
  if (metadataLength > view.byteLength - 8) {
    throw new Error(`parquet metadata length ${metadataLength} exceeds available buffer ${view.byteLength - 8}`);
  }
  const metadataOffset = metadataLengthOffset - metadataLength;
  const reader = { view, offset: metadataOffset };
  const metadata = deserializeTCompactProtocol(reader);
  const version = metadata.field_1;
  const schema = metadata.field_2.map((field) => ({
    type: ParquetTypes[field.field_1],
    type_length: field.field_2,
    repetition_type: FieldRepetitionTypes[field.field_3],
    name: decode(field.field_4),
    num_children: field.field_5,
    converted_type: ConvertedTypes[field.field_6],
    scale: field.field_7,
    precision: field.field_8,
    field_id: field.field_9,
    logical_type: logicalType(field.field_10)
  }));
  const columnSchema = schema.filter((e) => e.type);
  const num_rows = metadata.field_3;
  const row_groups = metadata.field_4.map((rowGroup) => ({
    columns: rowGroup.field_1.map((column, columnIndex) => ({
      file_path: decode(column.field_1),
      file_offset: column.field_2,
      meta_data: column.field_3 && {
        type: ParquetTypes[column.field_3.field_1],
        encodings: column.field_3.field_2?.map((e) => Encodings[e]),
        path_in_schema: column.field_3.field_3.map(decode),
        codec: CompressionCodecs[column.field_3.field_4],
        num_values: column.field_3.field_5,
        total_uncompressed_size: column.field_3.field_6,
        total_compressed_size: column.field_3.field_7,
        key_value_metadata: column.field_3.field_8?.map((kv) => ({
          key: decode(kv.field_1),
          value: decode(kv.field_2)
        })),
        data_page_offset: column.field_3.field_9,
        index_page_offset: column.field_3.field_10,
        dictionary_page_offset: column.field_3.field_11,
        statistics: convertStats(column.field_3.field_12, columnSchema[columnIndex], allParsers),
        encoding_stats: column.field_3.field_13?.map((encodingStat) => ({
          page_type: PageTypes[encodingStat.field_1],
          encoding: Encodings[encodingStat.field_2],
          count: encodingStat.field_3
        })),
        bloom_filter_offset: column.field_3.field_14,
        bloom_filter_length: column.field_3.field_15,
        size_statistics: column.field_3.field_16 && {
          unencoded_byte_array_data_bytes: column.field_3.field_16.field_1,
          repetition_level_histogram: column.field_3.field_16.field_2,
          definition_level_histogram: column.field_3.field_16.field_3
        },
        geospatial_statistics: column.field_3.field_17 && {
          bbox: column.field_3.field_17.field_1 && {
            xmin: column.field_3.field_17.field_1.field_1,
            xmax: column.field_3.field_17.field_1.field_2,
            ymin: column.field_3.field_17.field_1.field_3,
            ymax: column.field_3.field_17.field_1.field_4,
            zmin: column.field_3.field_17.field_1.field_5,
            zmax: column.field_3.field_17.field_1.field_6,
            mmin: column.field_3.field_17.field_1.field_7,
            mmax: column.field_3.field_17.field_1.field_8
          },
          geospatial_types: column.field_3.field_17.field_2
        }
      },
      offset_index_offset: column.field_4,
      offset_index_length: column.field_5,
      column_index_offset: column.field_6,
      column_index_length: column.field_7,
      crypto_metadata: column.field_8,
      encrypted_column_metadata: column.field_9
    })),
    total_byte_size: rowGroup.field_2,
    num_rows: rowGroup.field_3,
    sorting_columns: rowGroup.field_4?.map((sortingColumn) => ({
      column_idx: sortingColumn.field_1,
      descending: sortingColumn.field_2,
      nulls_first: sortingColumn.field_3
    })),
    file_offset: rowGroup.field_5,
    total_compressed_size: rowGroup.field_6,
    ordinal: rowGroup.field_7
  }));
  const key_value_metadata = metadata.field_5?.map((kv) => ({
    key: decode(kv.field_1),
    value: decode(kv.field_2)
  }));
  const created_by = decode(metadata.field_6);
  if (geoparquet) {
    markGeoColumns(schema, key_value_metadata);
  }
  return {
    version,
    schema,
    num_rows,
    row_groups,
    key_value_metadata,
    created_by,
    metadata_length: metadataLength
  };
}
function logicalType(logicalType2) {
  if (logicalType2?.field_1) return { type: "STRING" };
  if (logicalType2?.field_2) return { type: "MAP" };
  if (logicalType2?.field_3) return { type: "LIST" };
  if (logicalType2?.field_4) return { type: "ENUM" };
  if (logicalType2?.field_5) return {
    type: "DECIMAL",
    scale: logicalType2.field_5.field_1,
    precision: logicalType2.field_5.field_2
  };
  if (logicalType2?.field_6) return { type: "DATE" };
  if (logicalType2?.field_7) return {
    type: "TIME",
    isAdjustedToUTC: logicalType2.field_7.field_1,
    unit: timeUnit(logicalType2.field_7.field_2)
  };
  if (logicalType2?.field_8) return {
    type: "TIMESTAMP",
    isAdjustedToUTC: logicalType2.field_8.field_1,
    unit: timeUnit(logicalType2.field_8.field_2)
  };
  if (logicalType2?.field_10) return {
    type: "INTEGER",
    bitWidth: logicalType2.field_10.field_1,
    isSigned: logicalType2.field_10.field_2
  };
  if (logicalType2?.field_11) return { type: "NULL" };
  if (logicalType2?.field_12) return { type: "JSON" };
  if (logicalType2?.field_13) return { type: "BSON" };
  if (logicalType2?.field_14) return { type: "UUID" };
  if (logicalType2?.field_15) return { type: "FLOAT16" };
  if (logicalType2?.field_16) return {
    type: "VARIANT",
    specification_version: logicalType2.field_16.field_1
  };
  if (logicalType2?.field_17) return {
    type: "GEOMETRY",
    crs: decode(logicalType2.field_17.field_1)
  };
  if (logicalType2?.field_18) return {
    type: "GEOGRAPHY",
    crs: decode(logicalType2.field_18.field_1),
    algorithm: EdgeInterpolationAlgorithms[logicalType2.field_18.field_2]
  };
  if (logicalType2?.field_19) return { type: "FILE" };
  return logicalType2;
}
function timeUnit(unit) {
  if (unit.field_1) return "MILLIS";
  if (unit.field_2) return "MICROS";
  if (unit.field_3) return "NANOS";
  throw new Error("parquet time unit required");
}
function convertStats(stats3, schema, parsers) {
  return stats3 && {
    max: convertMetadata(stats3.field_1, schema, parsers),
    min: convertMetadata(stats3.field_2, schema, parsers),
    null_count: stats3.field_3,
    distinct_count: stats3.field_4,
    max_value: convertMetadata(stats3.field_5, schema, parsers),
    min_value: convertMetadata(stats3.field_6, schema, parsers),
    is_max_value_exact: stats3.field_7,
    is_min_value_exact: stats3.field_8
  };
}
function convertMetadata(value2, schema, parsers) {
  const { type, converted_type, logical_type } = schema;
  if (value2 === void 0) return value2;
  if (type === "BOOLEAN") return value2[0] === 1;
  if (type === "BYTE_ARRAY") return parsers.stringFromBytes(value2);
  const view = new DataView(value2.buffer, value2.byteOffset, value2.byteLength);
  if (type === "FLOAT" && view.byteLength === 4) return view.getFloat32(0, true);
  if (type === "DOUBLE" && view.byteLength === 8) return view.getFloat64(0, true);
  if (type === "INT32" && converted_type === "DECIMAL" && view.byteLength === 4) {
    return view.getInt32(0, true) / 10 ** (schema.scale || 0);
  }
  if (type === "INT64" && converted_type === "DECIMAL" && view.byteLength === 8) {
    return Number(view.getBigInt64(0, true)) / 10 ** (schema.scale || 0);
  }
  if (type === "INT32" && converted_type === "DATE") return parsers.dateFromDays(view.getInt32(0, true));
  if (type === "INT64" && converted_type === "TIMESTAMP_MILLIS") return parsers.timestampFromMilliseconds(view.getBigInt64(0, true));
  if (type === "INT64" && converted_type === "TIMESTAMP_MICROS") return parsers.timestampFromMicroseconds(view.getBigInt64(0, true));
  if (type === "INT64" && logical_type?.type === "TIMESTAMP" && logical_type?.unit === "NANOS") return parsers.timestampFromNanoseconds(view.getBigInt64(0, true));
  if (type === "INT64" && logical_type?.type === "TIMESTAMP" && logical_type?.unit === "MICROS") return parsers.timestampFromMicroseconds(view.getBigInt64(0, true));
  if (type === "INT64" && logical_type?.type === "TIMESTAMP") return parsers.timestampFromMilliseconds(view.getBigInt64(0, true));
  const unsigned = converted_type?.startsWith("UINT_") || logical_type?.type === "INTEGER" && !logical_type.isSigned;
  if (type === "INT32" && unsigned && view.byteLength === 4) return view.getUint32(0, true);
  if (type === "INT64" && unsigned && view.byteLength === 8) return view.getBigUint64(0, true);
  if (type === "INT32" && view.byteLength === 4) return view.getInt32(0, true);
  if (type === "INT64" && view.byteLength === 8) return view.getBigInt64(0, true);
  if (converted_type === "DECIMAL") {
    const scale = schema.scale || 0;
    return scale > 308 ? parseDecimal(value2) * 10 ** -scale : parseDecimal(value2) / 10 ** scale;
  }
  if (logical_type?.type === "FLOAT16") return parseFloat16(value2);
  if (logical_type?.type === "UUID") return parsers.uuidFromBytes(value2);
  if (type === "FIXED_LEN_BYTE_ARRAY") return value2;
  return value2;
}

// src/data-diff/table-shape.ts
function tableFormat(path) {
  const ext = path.slice(path.lastIndexOf(".") + 1).toLowerCase();
  return ext === "csv" ? "," : ext === "tsv" ? "	" : ext === "parquet" ? "parquet" : null;
}
var MAX_FOOTER_BYTES = 64 * 1024 * 1024;
async function parquetShape(file, path) {
  const handle = await open6(file, "r");
  try {
    const { size: size2 } = await handle.stat();
    const tail = Buffer.alloc(8);
    if (size2 >= 12) await handle.read(tail, 0, 8, size2 - 8);
    if (size2 < 12 || tail.toString("latin1", 4) !== "PAR1") throw new DataError(`${path}: not a Parquet file (no PAR1 footer)`);
    const length = tail.readUInt32LE(0);
    if (length > size2 - 12 || length > MAX_FOOTER_BYTES) throw new DataError(`${path}: its Parquet footer says ${length} bytes, which the file cannot hold`);
    const footer = Buffer.alloc(length + 8);
    await handle.read(footer, 0, footer.length, size2 - footer.length);
    let metadata;
    try {
      metadata = parquetMetadata(footer, { geoparquet: false });
    } catch (error2) {
      throw new DataError(`${path}: its Parquet footer does not parse (${error2.message})`);
    }
    const columns = metadata.schema[0]?.num_children ?? 0;
    return { shape: { rows: Number(metadata.num_rows), columns }, bytes: footer.length };
  } finally {
    await handle.close();
  }
}
var QUOTE2 = 34;
var LF = 10;
var CR = 13;
async function tableShape2(chunks, delimiter) {
  const delim = delimiter.charCodeAt(0);
  let state = 0 /* FieldStart */;
  let fields = 0;
  let empty = true;
  let records = 0;
  let columns = 0;
  let afterCr = false;
  const endRecord = () => {
    if (!empty) {
      if (records === 0) columns = fields + 1;
      records++;
    }
    state = 0 /* FieldStart */;
    fields = 0;
    empty = true;
  };
  for await (const chunk of chunks) {
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i];
      if (afterCr) {
        afterCr = false;
        if (c === LF) continue;
      }
      if (state === 2 /* Quoted */) {
        if (c === QUOTE2) state = 3 /* QuoteInQuoted */;
        continue;
      }
      if (c === LF || c === CR) {
        afterCr = c === CR;
        endRecord();
        continue;
      }
      empty = false;
      if (c === delim) {
        fields++;
        state = 0 /* FieldStart */;
      } else if (state === 0 /* FieldStart */ && c === QUOTE2) state = 2 /* Quoted */;
      else if (state === 3 /* QuoteInQuoted */) state = c === QUOTE2 ? 2 /* Quoted */ : 1 /* Field */;
      else state = 1 /* Field */;
    }
  }
  endRecord();
  return { rows: Math.max(0, records - 1), columns };
}

// src/data-diff/collect.ts
var MAX_TABLES = 50;
async function readRevisionData(tree, data, options = {}) {
  const index = { entries: /* @__PURE__ */ new Map(), unknown: /* @__PURE__ */ new Map(), notes: [] };
  const project = await loadProject(tree);
  if (options.projectNotes !== false) for (const e of project.errors) index.notes.push(`${tree.name}: ${e}`);
  const outputs = [];
  for (const dvcYaml of project.dvcYamls) {
    const lockPath = joinPath(dvcYaml.dir, "dvc.lock");
    const lock = project.locks.get(dvcYaml.dir);
    const cached = dvcYaml.stages.filter((s) => s.outs.some((o) => o.cache));
    for (const stage2 of cached) {
      const locked = lock?.stages.get(stage2.name);
      const why = lock ? `${lockPath} has no entry for stage '${stage2.name}'` : `${lockPath} is missing`;
      for (const out of stage2.outs) {
        if (!out.cache) continue;
        const path = joinPath(joinPath(dvcYaml.dir, stage2.wdir), out.path);
        const entry = locked?.outs.find((o) => o.path === out.path);
        const remote = out.props.get("remote");
        outputs.push({
          path,
          md5: entry?.md5 ?? null,
          legacy: entry ? entry.hashName !== "md5" : false,
          remote: typeof remote === "string" ? remote : void 0
        });
        index.entries.set(path, { md5: entry?.md5 ?? null, size: entry?.size ?? null, isdir: isDir(entry?.md5 ?? null, entry?.nfiles) });
        if (!entry?.md5) index.unknown.set(path, `${tree.name}: ${why}, so its data is not known there`);
      }
    }
  }
  for (const file of project.dvcFiles) {
    for (const out of file.outs) {
      if (!out.cache) continue;
      outputs.push({ path: out.path, md5: out.md5, legacy: out.hashName !== "md5", remote: out.remote });
      index.entries.set(out.path, { md5: out.md5, size: out.size ?? null, isdir: isDir(out.md5, out.nfiles) });
    }
  }
  let from = data;
  let noData = "no DVC cache or remote to read its .dir manifest from (the project has no .dvc/, or its config does not load)";
  if (data && tree.isCommit && tree.dvcConfig) {
    try {
      from = await data.atRevision((await tree.dvcConfig())?.toString("utf8") ?? null, tree.name);
    } catch (error2) {
      from = null;
      noData = `its .dir manifest is not read: ${describeError(error2)}`;
    }
  }
  for (const out of outputs) {
    if (!out.md5?.endsWith(".dir")) continue;
    if (!from) {
      index.unknown.set(out.path, `${tree.name}: ${noData}`);
      continue;
    }
    try {
      const manifest = parseManifest(await from.objectBytes(out.md5, out.legacy, out.path, out.remote), `${out.path}: object ${out.md5}`);
      for (const file of manifest) {
        index.entries.set(joinPath(out.path, file.relpath), { md5: file.md5, size: await cachedSize(from, file.md5, out.legacy), isdir: false });
      }
    } catch (error2) {
      index.unknown.set(out.path, `${tree.name}: ${describeError(error2)}`);
    }
  }
  return { tree, index, outputs, data: from };
}
async function compareData(base, head, budget) {
  const diff = diffData(base.index, head.index);
  const notes = [...base.index.notes, ...head.index.notes];
  const tables = [];
  const changed = [
    ...diff.added.map((e) => ({ path: e.path, base: null, head: e.md5 })),
    ...diff.deleted.map((e) => ({ path: e.path, base: e.md5, head: null })),
    ...diff.modified.map((e) => ({ path: e.path, base: e.old.md5, head: e.new.md5 }))
  ].filter((c) => tableFormat(c.path));
  changed.sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  if (changed.length > MAX_TABLES) notes.push(`${changed.length} CSV/TSV/Parquet files changed: rows and columns are counted for the first ${MAX_TABLES}`);
  for (const c of changed.slice(0, MAX_TABLES)) {
    const problems = [];
    const side = async (rev, md52) => {
      if (!md52) return null;
      try {
        return await shapeOf(rev, c.path, md52, budget);
      } catch (error2) {
        problems.push(`${rev.tree.name}: ${describeError(error2)}`);
        return null;
      }
    };
    const row3 = { path: c.path, base: await side(base, c.base), head: await side(head, c.head) };
    if (problems.length) row3.note = problems.join("; ");
    tables.push(row3);
  }
  return { ...diff, tables, notes };
}
async function shapeOf(rev, path, md52, budget) {
  const out = rev.outputs.find((o) => path === o.path || path.startsWith(`${o.path}/`));
  if (!out || !rev.data) throw new DataError(`${path}: no DVC cache to read it from`);
  const file = await rev.data.objectFile(md52, out.legacy, path, out.remote);
  const format = tableFormat(path);
  if (format === "parquet") {
    const { shape: shape2, bytes } = await parquetShape(file, path);
    budget.take(path, bytes, true);
    return shape2;
  }
  budget.take(path, (await stat8(file)).size, true);
  return tableShape2(createReadStream4(file, { highWaterMark: 1024 * 1024 }), format);
}
async function cachedSize(data, md52, legacy) {
  try {
    return (await stat8(data.cache.path(md52, legacy))).size;
  } catch {
    return null;
  }
}
function isDir(md52, nfiles) {
  return md52 ? md52.endsWith(".dir") : nfiles !== void 0;
}
async function collectDataChanges(git, request, log) {
  if (!request.base || !existsSync7(join27(request.workspace, ".dvc"))) return null;
  const data = await openProjectData(request.workspace, log, request.data);
  try {
    const head = await readRevisionData(workspaceTree(request.workspace, { name: request.headLabel, budget: request.budget }), data, { projectNotes: false });
    const base = await readRevisionData(commitTree(git, request.base.sha, request.base.label, { budget: request.budget }), data);
    if (!head.outputs.length && !base.outputs.length) return null;
    return await compareData(base, head, request.budget);
  } catch (error2) {
    log.warning(`Data changes are left out of the report: ${describeError(error2)}`);
    return null;
  } finally {
    await data?.close();
  }
}

// src/run.ts
async function run(config, log) {
  if (config.githubPublish?.mode === "publish") return publishArtifact(config, log);
  if (config.githubPublish?.mode === "aggregate") return runAggregate(aggregateConfig(config), log);
  const deadline = new Deadline(config.deadlineMinutes ?? DEFAULT_DEADLINE_MINUTES);
  return GitRepo.using(config.workspace, (git) => runIn(git, config, log, deadline));
}
async function runIn(git, config, log, deadline) {
  const historyDepth = config.history ?? DEFAULT_HISTORY;
  const historySetting = config.github === null ? `--history ${historyDepth}` : `input 'history' is ${historyDepth}`;
  checkHistoryRules(config.gate?.rules ?? [], historyDepth, historySetting);
  const base = await resolveBase(git, config.baseCandidates, log);
  const headSha = await git.resolveCommit("HEAD");
  log.info(`Comparing ${config.headLabel} with ${base ? `${base.label} (${base.sha})` : "no base"}.`);
  const data = config.hub?.token ? { hub: { url: config.hub.url, user: config.hub.user ?? config.hub.token, password: config.hub.token } } : {};
  const reproduction = guardReproduction(
    { workspace: config.workspace, repro: config.repro, runCommands: config.runCommands, data, deadline },
    config.github?.eventName ?? "",
    config.githubPublish?.allowPullRequestTargetRepro ?? false
  );
  if (reproduction.refused) log.warning(reproduction.refused);
  const pipeline2 = await reproduceStep(reproduction.step, log);
  if (config.dvcPush && pipeline2 && !reproduction.refused) {
    const pushed = deadline.passed() ? { name: "dvc push", status: "not-run", seconds: 0, reasons: [deadline.skipped("dvc push")] } : await dvcPushStep(config.workspace, log, data);
    pipeline2.stages.push(pushed);
    if (pushed.status === "failed") pipeline2.passed = false;
  }
  const budget = new ReadBudget();
  const comparison = await collectAndCompare(
    git,
    {
      workspace: config.workspace,
      base,
      metricsPaths: config.metricsPaths,
      paramsPaths: config.paramsPaths,
      headLabel: config.headLabel,
      budget,
      data
    },
    log
  );
  for (const error2 of comparison.headErrors) log.error(error2);
  const dataChanges = await collectDataChanges(git, { workspace: config.workspace, base, headLabel: config.headLabel, budget, data }, log);
  const store = config.historyStore ? new HistoryStore(git, config.historyStore.branch) : null;
  if (store) comparison.metrics = await withStoreBase(comparison.metrics, base, store, log);
  const plots = await renderPlots(
    git,
    {
      workspace: config.workspace,
      base,
      headLabel: config.headLabel,
      plotsPaths: config.plotsPaths ?? null,
      budget,
      deadline,
      dir: join28(config.outDir, "plots"),
      linkPrefix: "plots/"
    },
    loadPlotRenderer,
    log
  );
  const gate = config.gate ? await rulesAtBase(config.gate, base, (path) => commitTree(git, base.sha, base.label).read(path)) : null;
  for (const note2 of gate?.notes ?? []) log.info(note2);
  checkHistoryRules(gate?.rules ?? [], historyDepth, historySetting);
  const historyStore = store ? storeReader(store) : void 0;
  const history2 = base && historyDepth > 0 ? await readHistory(git, { base, depth: historyDepth, metrics: comparison.metrics, budget, parsedAtBase: comparison.parsedAtBase }, historyStore, log) : null;
  const gates2 = gate ? gateMetrics(gate, comparison.metrics, base !== null, historyDepth > 0 ? history2 : void 0) : null;
  const trends = await drawTrends(
    planTrends(history2, gates2, comparison.metrics),
    { dir: join28(config.outDir, "trends"), linkPrefix: "trends/", headLabel: config.headLabel, deadline },
    loadPlotRenderer
  );
  for (const trend2 of trends) if (trend2.error) log.warning(trend2.error);
  const stale = pipeline2 ? [] : await staleStages(config.workspace, log);
  const cli = config.github === null;
  const warnings = [];
  if (!comparison.metrics.length && !comparison.params.length) {
    warnings.push(
      cli ? "No metrics or params files found: name them in dvc.yaml, or pass --metrics and --params (a DagsHub logger project has metrics.csv and params.yml at the root)." : "No metrics or params files found: name them in dvc.yaml, or set the action's metrics and params inputs (a DagsHub logger project has metrics.csv and params.yml at the root)."
    );
  }
  if (history2 && gates2?.rules.some((r) => r.noise)) for (const note2 of history2.notes) warnings.push(`History of ${history2.branch}: ${note2}`);
  if (stale.length) {
    for (const s of stale) log.warning(`Stage '${s.stage}' is out of date (${s.reasons.join("; ")}): the report shows the values of its last run.`);
    warnings.push(
      cli ? "Out-of-date stages: run mlreport repro first, or pass --repro auto, so the values match this change." : "Out-of-date stages: set the action's repro input to auto (or builtin, or dvc) so the values match this change."
    );
  }
  const metrics = await explainChanges(
    git,
    { workspace: config.workspace, base, budget, pipeline: pipeline2, stale, params: comparison.params, metrics: comparison.metrics },
    log
  );
  const facts = {
    schemaVersion: 2,
    tool: { name: "mlreport", version: VERSION },
    base: base ? { sha: base.sha, label: base.label } : null,
    head: { sha: headSha, label: config.headLabel },
    params: comparison.params,
    metrics,
    plots,
    gates: gates2,
    pipeline: pipeline2 ? { engine: pipeline2.engine, stages: pipeline2.stages } : null,
    warnings: [...deadline.notes(), ...warnings],
    directions: await readProjectDirections(config.workspace),
    stale,
    history: history2,
    projectErrors: comparison.headErrors,
    data: dataChanges,
    trends
  };
  const report2 = { ...facts, verdict: verdictOf(facts) };
  redactDeep(report2);
  const local = new LocalFilesPublisher(config.outDir, composeMarkdown, reportJson);
  const gh = config.github && config.githubPublish ? { ctx: config.github, cfg: config.githubPublish } : null;
  const comment2 = gh ? new GitHubPublisher(gh.ctx, gh.cfg, log, { baseDir: config.outDir }) : null;
  const published = await publishAll(
    report2,
    [
      { target: local, policy: "required" },
      comment2 && { target: comment2, policy: "required" },
      config.summaryPath ? { target: new JobSummaryPublisher(config.summaryPath, config.outDir), policy: "required" } : null,
      gates2 && gate && gh?.ctx.token ? {
        target: new GateCheckPublisher({ github: gh.ctx, checkName: gate.checkName, workspace: config.workspace, repoRoot: git.root }, log),
        policy: "required"
      } : null,
      config.hub ? { target: new HubCommentPublisher(config.hub, log), policy: config.hub.required ? "required" : "optional", requiredBy: "hub-required: true" } : null,
      config.mlflow ? { target: new MlflowTarget(config, config.mlflow, log), policy: config.mlflow.required ? "required" : "optional", requiredBy: "hub-required: true" } : null,
      gh && {
        target: new ReportArtifact(gh.cfg, config.outDir, gh.ctx, log),
        policy: "never-fails",
        when: (results) => wantsArtifact(gh.cfg.artifact, comment2 ? results.get(comment2) : void 0)
      },
      store && config.historyStore?.record && config.github ? { target: new HistoryRecorder(config.github, store, log), policy: "never-fails" } : null
    ],
    log
  );
  const passed = (pipeline2 ? pipeline2.passed : true) && !comparison.headErrors.length && !published.failed;
  const gatesBroke = gates2 !== null && !gates2.passed;
  if (gates2 && gate) logGates(gates2, gate, log);
  return {
    report: report2,
    // Composed when asked for: the report files have it already, and `--quiet` does not print it.
    get markdown() {
      return composeMarkdown(report2);
    },
    reportPath: local.markdownPath,
    reportJsonPath: local.jsonPath,
    passed: passed && !gatesBroke,
    failStep: !passed || gatesBroke && gate?.failOnThreshold !== false,
    commentUrl: locationOf(comment2, published.results)
  };
}
async function publishArtifact(config, log) {
  const publish = config.githubPublish;
  if (!config.github || !publish.artifactDir) throw new UserError("'mode: publish' runs only as a GitHub Action, with 'artifact-dir' set.");
  const report2 = await readArtifact(publish.artifactDir);
  redactDeep(report2);
  const comment2 = new GitHubPublisher(config.github, publish, log, { baseDir: publish.artifactDir });
  const published = await publishAll(report2, [{ target: comment2, policy: "required" }], log);
  return {
    report: report2,
    markdown: composeMarkdown(report2),
    reportPath: join28(publish.artifactDir, "report.md"),
    reportJsonPath: join28(publish.artifactDir, "report.json"),
    passed: !published.failed,
    failStep: published.failed,
    commentUrl: locationOf(comment2, published.results)
  };
}
async function runAggregate(config, log) {
  const runs = await readRuns(config.dirs);
  for (const run3 of runs) if (run3.failed !== null) log.error(`Job ${run3.name}: ${run3.failed}.`);
  const report2 = aggregateRuns(runs, {
    repeatParams: config.repeatParams,
    rankBy: config.rankBy,
    rules: config.rules,
    missingBase: config.missingBase,
    expectedRuns: config.expectedRuns
  });
  for (const missing of report2.failedRuns.filter((f) => f.run.startsWith("missing "))) log.error(`${missing.run}: ${missing.reason}.`);
  redactDeep(report2);
  log.info(
    `Aggregated ${runs.length} job${runs.length === 1 ? "" : "s"} into ${report2.configurations.length} configuration${report2.configurations.length === 1 ? "" : "s"}.`
  );
  const markdown = (r) => aggregateMarkdown(r).body;
  const local = new LocalFilesPublisher(config.outDir, markdown, (r) => r);
  const gh = config.github && config.githubPublish ? { ctx: config.github, cfg: config.githubPublish } : null;
  const comment2 = gh ? new AggregateCommentPublisher(gh.ctx, gh.cfg, log, { baseDir: config.outDir }) : null;
  const published = await publishAll(
    report2,
    [
      { target: local, policy: "required" },
      comment2 && { target: comment2, policy: "required" },
      config.summaryPath ? { target: new AggregateSummaryPublisher(config.summaryPath, config.outDir), policy: "required" } : null,
      report2.gates && gh?.ctx.token ? { target: new AggregateCheckPublisher({ github: gh.ctx, checkName: config.checkName }, log), policy: "required" } : null,
      gh && {
        target: new ReportArtifact(gh.cfg, config.outDir, gh.ctx, log),
        policy: "never-fails",
        when: (results) => wantsArtifact(gh.cfg.artifact, comment2 ? results.get(comment2) : void 0)
      }
    ],
    log
  );
  const gatesBroke = report2.gates !== null && !report2.gates.passed;
  if (report2.gates && gatesBroke) log.error(`Gates: ${gatesHeadline(report2)}.`);
  else if (report2.gates) log.info(`Gates: ${gatesHeadline(report2)}.`);
  const passed = !published.failed && !report2.failedRuns.length;
  return {
    report: report2,
    markdown: markdown(report2),
    reportPath: local.markdownPath,
    reportJsonPath: local.jsonPath,
    passed: passed && !gatesBroke,
    failStep: !passed || gatesBroke && config.failOnThreshold,
    commentUrl: locationOf(comment2, published.results)
  };
}
function aggregateConfig(config) {
  const publish = config.githubPublish;
  if (!publish.artifactDir) throw new UserError("'mode: aggregate' needs 'artifact-dir'.");
  return {
    dirs: [publish.artifactDir],
    outDir: config.outDir,
    summaryPath: config.summaryPath,
    repeatParams: config.sweep?.repeatParams ?? ["seed"],
    rankBy: config.sweep?.rankBy ?? null,
    expectedRuns: config.sweep?.expectedRuns ?? null,
    rules: config.gate?.rulesFrom === "input" ? config.gate.rules : null,
    missingBase: config.gate?.missingBase ?? "skip",
    failOnThreshold: config.gate?.failOnThreshold ?? true,
    checkName: config.gate?.checkName ?? DEFAULT_CHECK_NAME,
    github: config.github,
    githubPublish: publish
  };
}
function locationOf(target, results) {
  const result = target && results.get(target);
  return result?.status === "published" ? result.location : null;
}
async function staleStages(workspace, log) {
  if (!existsSync8(join28(workspace, "dvc.yaml"))) return [];
  try {
    const stages = await pipelineStatus(await loadPipeline(workspace), [], { pull: false });
    return stages.filter((s) => s.changed).map((s) => ({ stage: s.name, reasons: s.reasons }));
  } catch (error2) {
    log.warning(`Could not tell whether the pipeline is up to date: ${describeError(error2)}`);
    return [];
  }
}
async function loadPlotRenderer() {
  const { loadRenderer } = await import("./render.js");
  return loadRenderer();
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

// src/util/action-logger.ts
var actionLogger = {
  info: (message) => info(inertCommands(redact(message))),
  warning: (message, where2) => warning(redact(message), where2 ? { file: where2.file, startLine: where2.line } : void 0),
  error: (message, where2) => error(redact(message), where2 ? { file: where2.file, startLine: where2.line } : void 0),
  group: (title2, fn) => group(redact(title2), fn)
};

// src/main.ts
async function run2() {
  try {
    secretsFromEnvironment(process.env).forEach(addSecret);
    const config = await configFromAction({ env: process.env });
    for (const secret of hubSecrets(config.hub, config.mlflow)) {
      setSecret(secret);
      addSecret(secret);
    }
    const result = await run(config, actionLogger);
    setOutput("report", result.reportPath);
    setOutput("report-json", result.reportJsonPath);
    setOutput("passed", String(result.passed));
    setOutput("comment-url", result.commentUrl ?? "");
    if (result.failStep) setFailed("mlreport: see the errors above.");
  } catch (error2) {
    setFailed(redact(`mlreport: ${describeError(error2)}`));
  }
}

// src/index.ts
await run2();
