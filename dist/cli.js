#!/usr/bin/env node
import{createRequire as __mlreportCreateRequire}from'node:module';const require=__mlreportCreateRequire(import.meta.url);
import{d as l,e as j,f as u,g as P,j as h,k as x,l as V,m as v,o as T,p as L,q as S,r as E,s as R,t as g,u as C,v as D,w as I,x as H,y as O,z as _}from"./chunks/chunk-X2XCJUAM.js";function p(t=!1){return{info:e=>{t||process.stderr.write(`${e}
`)},warning:e=>process.stderr.write(`warning: ${e}
`),error:e=>process.stderr.write(`error: ${e}
`),group:async(e,r)=>(t||process.stderr.write(`\u2500\u2500 ${e}
`),r())}}var F=5;function M(t,e){return e?t.rows:t.rows.filter(r=>r.changed)}function N(t,e){let r=[];for(let n of[...t].sort((o,i)=>o.path<i.path?-1:o.path>i.path?1:0)){let o=M(n,e);if(!o.length)continue;let i=o.map(s=>{let a=[`"old": ${$(s.old)}`,`"new": ${$(s.new)}`];return s.diff!==void 0&&a.push(`"diff": ${$(C(s.diff,E(s)))}`),`${A(s.key)}: {${a.join(", ")}}`});r.push(`${A(n.path)}: {${i.join(", ")}}`)}return`{${r.join(", ")}}`}function B(t,e){let r=["Path",e.title,e.aRev,e.bRev];e.showChange&&r.push("Change");let n=[];for(let o of t)for(let i of M(o,e.all)){let s=[o.path,i.key,g(i.old,e.precision),g(i.new,e.precision)];e.showChange&&s.push(i.diff===void 0?"-":g(C(i.diff,E(i)),e.precision)),n.push(s)}return e.markdown?ee(r,n):Z(r,n)}function G(t,e){return t.map((r,n)=>Math.max(r.length+2,...e.map(o=>o[n].length)))}function Z(t,e){let r=G(t,e),n=o=>o.map((i,s)=>i.padEnd(r[s])).join("  ").trimEnd();return[n(t),...e.map(n)].join(`
`)+`
`}function ee(t,e){let r=G(t,e),n=i=>`| ${i.map((s,a)=>s.padEnd(r[a])).join(" | ")} |`,o=`|${r.map(i=>"-".repeat(i+2)).join("|")}|`;return[n(t),o,...e.map(n)].join(`
`)+`

`}function $(t){return t==null?"null":typeof t=="boolean"?t?"true":"false":typeof t=="string"?A(t):typeof t=="number"?Number.isInteger(t)?String(t):R(t):S(t)?typeof t.float=="string"?t.float:R(t.float):"null"}function A(t){let e='"';for(let r=0;r<t.length;r++){let n=t.charCodeAt(r),o=t[r];o==='"'?e+='\\"':o==="\\"?e+="\\\\":o===`
`?e+="\\n":o==="\r"?e+="\\r":o==="	"?e+="\\t":o==="\b"?e+="\\b":o==="\f"?e+="\\f":n<32||n>126?e+=`\\u${n.toString(16).padStart(4,"0")}`:e+=o}return e+'"'}function w(t,e){let r=e==="metrics",n={aRev:"HEAD",bRev:"workspace",targets:null,json:!1,markdown:!1,all:!1,noPath:!1,precision:null,deps:!1},o=[];for(let i=0;i<t.length;i++){let s=t[i];if(s==="--json")n.json=!0;else if(s==="--md")n.markdown=!0;else if(s==="--all")n.all=!0;else if(s==="--no-path")n.noPath=!0;else if(e==="params"&&s==="--deps")n.deps=!0;else if(s==="--targets")for(n.targets??=[];i+1<t.length&&!t[i+1].startsWith("-");)n.targets.push(t[++i]);else if(r&&(s==="--precision"||s.startsWith("--precision="))){let a=s.includes("=")?s.slice(s.indexOf("=")+1):t[++i];if(a===void 0||!/^\d+$/.test(a))throw new l(`--precision expects a whole number of digits, got ${JSON.stringify(a??"")}`);n.precision=Number(a)}else if(s==="--"){o.push(...t.slice(i+1));break}else{if(s.startsWith("-"))throw new l(`unknown option '${s}'`);o.push(s)}}if(o.length>2)throw new l(`expected at most two revisions (A_REV B_REV), got ${o.length}: ${o.join(" ")}`);return o[0]&&(n.aRev=o[0]),o[1]&&(n.bRev=o[1]),n}async function y(t,e,r){let n=p(!0),o=await u.open(r),i=!await o.resolveCommit("HEAD"),s={metrics:[],params:[],errors:[]};if(!i){let c=async d=>{if(d==="workspace")return I(r);let k=await o.resolveCommit(d);if(!k)throw new l(`unknown revision '${d}' (not a commit git knows here)`);return H(o,k,d)},Q=await c(e.aRev),X=await c(e.bRev),Y=t==="metrics"?{metrics:e.targets,params:[]}:{metrics:[],params:e.targets,depsOnly:e.deps};s=await O(Q,X,Y,n,[t])}let a=s[t],m=[...new Set(s.errors.map(c=>c.rev))];if(m.length&&process.stderr.write(`mlreport: failed to load some ${t} for following revisions: '${m.join(", ")}'.
`),e.json)return process.stdout.write(`${N(a,e.all)}
`),0;let f=B(a,{title:t==="metrics"?"Metric":"Param",aRev:e.aRev,bRev:e.bRev,precision:t==="metrics"?e.precision||F:null,showChange:t==="metrics",markdown:e.markdown,all:e.all});return e.noPath&&(f=te(f,e.markdown)),process.stdout.write(f),0}function te(t,e){let r=t.split(`
`);if(e)return r.map(o=>o.startsWith("|")?`|${o.split("|").slice(2).join("|")}`:o).join(`
`);let n=r[0].match(/^Path\s+/)?.[0].length??0;return r.map(o=>o.slice(n)).join(`
`)}var U={path:["metrics","diff"],summary:"show changed metrics between two revisions, like `dvc metrics diff`",usage:`mlreport metrics diff [A_REV] [B_REV] [--md|--json] [--all] [--precision N] [--no-path] [--targets FILE...]

  A_REV            the old revision (default: HEAD)
  B_REV            the new revision (default: workspace, the files on disk)
  --targets FILE   metrics files, directories or globs to compare (default: those dvc.yaml names)
  --all            also show unchanged metrics
  --precision N    round floats to N digits after the point in tables (default: 5)
  --md             print a GitHub markdown table
  --json           print {path: {metric: {old, new, diff}}} exactly as DVC does
  --no-path        leave out the Path column

Exit code 0 even when metrics differ; a file that fails to parse on one side is a warning.`,run:t=>y("metrics",w(t,"metrics"),process.cwd())};var J={path:["params","diff"],summary:"show changed params between two revisions, like `dvc params diff`",usage:`mlreport params diff [A_REV] [B_REV] [--md|--json] [--all] [--deps] [--no-path] [--targets FILE...]

  A_REV            the old revision (default: HEAD)
  B_REV            the new revision (default: workspace, the files on disk)
  --targets FILE   params files, directories or globs to compare (default: dvc.yaml's, and params.yaml)
  --all            also show unchanged params
  --deps           only params that stages depend on
  --md             print a GitHub markdown table
  --json           print {path: {param: {old, new, diff}}} exactly as DVC does
  --no-path        leave out the Path column

Exit code 0 even when params differ; a file that fails to parse on one side is a warning.`,run:t=>y("params",w(t,"params"),process.cwd())};import{resolve as W}from"node:path";import{parseArgs as re}from"node:util";var q={path:["report"],summary:"compare metrics and params with a base revision and write report.md and report.json",usage:`mlreport report [--base REV] [--out DIR] [--metrics PATH]... [--params PATH]... [--threshold RULE]... [--missing-base skip|fail] [--repro MODE] [--cwd DIR] [--quiet]

  --base REV      the revision to compare with (default: merge-base with origin/HEAD, else HEAD~1)
  --out DIR       where report.md and report.json go (default: .mlreport)
  --metrics PATH  a metrics file or glob (repeatable; default: those named in dvc.yaml)
  --params PATH   a params file or glob (repeatable; default: dvc.yaml's, and params.yaml)
  --threshold RULE
                  a gate rule such as 'accuracy >= base - 0.01' (repeatable; default: the thresholds
                  in .mlreport.yml); a broken rule makes the exit code 1
  --missing-base skip|fail
                  a rule using \`base\` when the base has no value: skipped (default) or broken
  --repro MODE    reproduce the pipeline first: auto, builtin, dvc or off (default: off)
  --cwd DIR       the project directory (default: the current directory)
  --quiet         print only the report's path`,async run(t){let{values:e}=re({args:t,strict:!0,options:{base:{type:"string"},out:{type:"string",default:".mlreport"},metrics:{type:"string",multiple:!0},params:{type:"string",multiple:!0},threshold:{type:"string",multiple:!0},"missing-base":{type:"string",default:"skip"},repro:{type:"string",default:"off"},cwd:{type:"string",default:"."},quiet:{type:"boolean",default:!1}}}),r=W(e.cwd),n=p(e.quiet),o={workspace:r,baseCandidates:e.base?[{kind:"rev",rev:e.base,label:e.base}]:await se(),headLabel:await ne(r),metricsPaths:e.metrics??null,paramsPaths:e.params??null,outDir:W(r,e.out),summaryPath:null,repro:oe(e.repro),runCommands:[],github:null,hub:null,mlflow:null,gate:await L(r,{thresholds:e.threshold?e.threshold.map((s,a)=>({text:s,source:{origin:`--threshold #${a+1}`,line:1}})):null,missingBase:ie(e["missing-base"]),failOnThreshold:!0,checkName:T})},i=await _(o,n);return e.quiet||process.stdout.write(`${i.markdown}
`),process.stdout.write(`report: ${i.reportPath}
`),i.passed?0:1}};function oe(t){if(!v.includes(t))throw new l(`--repro must be one of ${v.join(", ")} (got '${t}').`);return t}async function se(){return[{kind:"merge-base",ref:"refs/remotes/origin/HEAD",label:"origin/HEAD"},{kind:"rev",rev:"HEAD~1",label:"HEAD~1"}]}async function ne(t){let e=await u.open(t),r=await e.currentBranch();if(r)return r;let n=await e.resolveCommit("HEAD");return n?P(n):"workspace"}function ie(t){if(t==="skip"||t==="fail")return t;throw new l(`--missing-base must be \`skip\` or \`fail\`, not '${t}'.`)}import{resolve as ae}from"node:path";import{parseArgs as le}from"node:util";var K={path:["repro"],summary:"run the dvc.yaml stages that changed (like dvc repro) and update dvc.lock",usage:`mlreport repro [STAGE...] [--dry] [--force] [--cwd DIR]

  STAGE      run only these stages and what they depend on (a foreach/matrix group name selects all its stages)
  --dry      print what would run and why, run nothing
  --force    run the selected stages even when unchanged (frozen stages still never run)
  --cwd DIR  the directory holding dvc.yaml (default: the current directory)`,async run(t){let{values:e,positionals:r}=le({args:t,strict:!0,allowPositionals:!0,options:{dry:{type:"boolean",default:!1},force:{type:"boolean",default:!1},cwd:{type:"string",default:"."}}}),n=p(),o=await h(ae(e.cwd)),i=await V(o,n,{targets:r,dry:e.dry,force:e.force});for(let s of i.stages){let a=e.dry&&s.status==="not-run"?"would run":s.status,m=s.error??s.reasons.join("; "),f=s.status==="ran"||s.status==="failed"?` ${s.seconds.toFixed(1)}s`:"";process.stdout.write(`${s.name}: ${a}${f}${m?` (${m})`:""}
`)}return i.passed?0:1}};import{resolve as pe}from"node:path";import{parseArgs as me}from"node:util";var z={path:["status"],summary:"show which dvc.yaml stages changed since dvc.lock and why (like dvc status)",usage:`mlreport status [STAGE...] [--json] [--cwd DIR]

  STAGE      only these stages and what they depend on
  --json     print {stage: [reasons]} for changed stages
  --cwd DIR  the directory holding dvc.yaml (default: the current directory)

Exit code 0 either way; changed stages are listed with their reasons.`,async run(t){let{values:e,positionals:r}=me({args:t,strict:!0,allowPositionals:!0,options:{json:{type:"boolean",default:!1},cwd:{type:"string",default:"."}}}),n=await h(pe(e.cwd)),o=(await x(n,r)).filter(i=>i.changed);if(e.json)process.stdout.write(`${JSON.stringify(Object.fromEntries(o.map(i=>[i.name,i.reasons])),null,2)}
`);else if(!o.length)process.stdout.write(`Data and pipelines are up to date.
`);else for(let i of o)process.stdout.write(`${i.name}:
${i.reasons.map(s=>`	${s}
`).join("")}`);return 0}};var b=[q,K,z,U,J];async function fe(t){if(!t.length||t[0]==="--help"||t[0]==="-h"||t[0]==="help")return process.stdout.write(de()),0;if(t[0]==="--version"||t[0]==="-V")return process.stdout.write(`${D}
`),0;let e=ce(t);if(!e)throw new l(`unknown command '${t.join(" ")}'. Run 'mlreport --help' for the list.`);let r=t.slice(e.path.length);return r.includes("--help")||r.includes("-h")?(process.stdout.write(`usage: ${e.usage}
`),0):e.run(r)}function ce(t){return b.filter(e=>e.path.every((r,n)=>t[n]===r)).sort((e,r)=>r.path.length-e.path.length)[0]}function de(){let t=Math.max(...b.map(e=>e.path.join(" ").length));return[`mlreport ${D}: the review a good ML lead would give a pull request.`,"","usage: mlreport <command> [options]","","commands:",...b.map(e=>`  ${e.path.join(" ").padEnd(t)}  ${e.summary}`),"","Run 'mlreport <command> --help' for a command's options.",""].join(`
`)}fe(process.argv.slice(2)).then(t=>{process.exitCode=t},t=>{let r=t.code?.startsWith("ERR_PARSE_ARGS")?t.message:j(t);process.stderr.write(`mlreport: ${r}
`),process.exitCode=2});
