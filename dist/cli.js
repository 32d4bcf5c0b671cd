#!/usr/bin/env node
import{createRequire as __mlreportCreateRequire}from'node:module';const require=__mlreportCreateRequire(import.meta.url);
import{A as U,c as u,d as w,g as L,h as C,i as y,j as I,k as S,l as A,n as _,o as F,p as O,q as M,r as $,s as k,t as b,u as P,v as N,w as x,x as B,y as G,z as q}from"./chunks/chunk-EGYFNFPB.js";import{f as p,g as T}from"./chunks/chunk-FGLWVIUF.js";function f(t=!1){return{info:e=>{t||process.stderr.write(`${e}
`)},warning:e=>process.stderr.write(`warning: ${e}
`),error:e=>process.stderr.write(`error: ${e}
`),group:async(e,r)=>(t||process.stderr.write(`\u2500\u2500 ${e}
`),r())}}var J=5;function W(t,e){return e?t.rows:t.rows.filter(r=>r.changed)}function K(t,e){let r=[];for(let s of[...t].sort((o,i)=>o.path<i.path?-1:o.path>i.path?1:0)){let o=W(s,e);if(!o.length)continue;let i=o.map(n=>{let a=[`"old": ${j(n.old)}`,`"new": ${j(n.new)}`];return n.diff!==void 0&&a.push(`"diff": ${j(P(n.diff,$(n)))}`),`${V(n.key)}: {${a.join(", ")}}`});r.push(`${V(s.path)}: {${i.join(", ")}}`)}return`{${r.join(", ")}}`}function z(t,e){let r=["Path",e.title,e.aRev,e.bRev];e.showChange&&r.push("Change");let s=[];for(let o of t)for(let i of W(o,e.all)){let n=[o.path,i.key,b(i.old,e.precision),b(i.new,e.precision)];e.showChange&&n.push(i.diff===void 0?"-":b(P(i.diff,$(i)),e.precision)),s.push(n)}return e.markdown?ie(r,s):ne(r,s)}function Q(t,e){return t.map((r,s)=>Math.max(r.length+2,...e.map(o=>o[s].length)))}function ne(t,e){let r=Q(t,e),s=o=>o.map((i,n)=>i.padEnd(r[n])).join("  ").trimEnd();return[s(t),...e.map(s)].join(`
`)+`
`}function ie(t,e){let r=Q(t,e),s=i=>`| ${i.map((n,a)=>n.padEnd(r[a])).join(" | ")} |`,o=`|${r.map(i=>"-".repeat(i+2)).join("|")}|`;return[s(t),o,...e.map(s)].join(`
`)+`

`}function j(t){return t==null?"null":typeof t=="boolean"?t?"true":"false":typeof t=="string"?V(t):typeof t=="number"?Number.isInteger(t)?String(t):k(t):O(t)?typeof t.float=="string"?t.float:k(t.float):"null"}function V(t){let e='"';for(let r=0;r<t.length;r++){let s=t.charCodeAt(r),o=t[r];o==='"'?e+='\\"':o==="\\"?e+="\\\\":o===`
`?e+="\\n":o==="\r"?e+="\\r":o==="	"?e+="\\t":o==="\b"?e+="\\b":o==="\f"?e+="\\f":s<32||s>126?e+=`\\u${s.toString(16).padStart(4,"0")}`:e+=o}return e+'"'}function v(t,e){let r=e==="metrics",s={aRev:"HEAD",bRev:"workspace",targets:null,json:!1,markdown:!1,all:!1,noPath:!1,precision:null,deps:!1},o=[];for(let i=0;i<t.length;i++){let n=t[i];if(n==="--json")s.json=!0;else if(n==="--md")s.markdown=!0;else if(n==="--all")s.all=!0;else if(n==="--no-path")s.noPath=!0;else if(e==="params"&&n==="--deps")s.deps=!0;else if(n==="--targets")for(s.targets??=[];i+1<t.length&&!t[i+1].startsWith("-");)s.targets.push(t[++i]);else if(r&&(n==="--precision"||n.startsWith("--precision="))){let a=n.includes("=")?n.slice(n.indexOf("=")+1):t[++i];if(a===void 0||!/^\d+$/.test(a))throw new p(`--precision expects a whole number of digits, got ${JSON.stringify(a??"")}`);s.precision=Number(a)}else if(n==="--"){o.push(...t.slice(i+1));break}else{if(n.startsWith("-"))throw new p(`unknown option '${n}'`);o.push(n)}}if(o.length>2)throw new p(`expected at most two revisions (A_REV B_REV), got ${o.length}: ${o.join(" ")}`);return o[0]&&(s.aRev=o[0]),o[1]&&(s.bRev=o[1]),s}async function E(t,e,r){let s=f(!0),o=await u.open(r),i=!await o.resolveCommit("HEAD"),n={metrics:[],params:[],errors:[]};if(!i){let l=async g=>{if(g==="workspace")return B(r);let H=await o.resolveCommit(g);if(!H)throw new p(`unknown revision '${g}' (not a commit git knows here)`);return G(o,H,g)},R=await l(e.aRev),c=await l(e.bRev),se=t==="metrics"?{metrics:e.targets,params:[]}:{metrics:[],params:e.targets,depsOnly:e.deps};n=await q(R,c,se,s,[t])}let a=n[t],m=[...new Set(n.errors.map(l=>l.rev))];if(m.length&&process.stderr.write(`mlreport: failed to load some ${t} for following revisions: '${m.join(", ")}'.
`),e.json)return process.stdout.write(`${K(a,e.all)}
`),0;let d=z(a,{title:t==="metrics"?"Metric":"Param",aRev:e.aRev,bRev:e.bRev,precision:t==="metrics"?e.precision||J:null,showChange:t==="metrics",markdown:e.markdown,all:e.all});return e.noPath&&(d=ae(d,e.markdown)),process.stdout.write(d),0}function ae(t,e){let r=t.split(`
`);if(e)return r.map(o=>o.startsWith("|")?`|${o.split("|").slice(2).join("|")}`:o).join(`
`);let s=r[0].match(/^Path\s+/)?.[0].length??0;return r.map(o=>o.slice(s)).join(`
`)}var X={path:["metrics","diff"],summary:"show changed metrics between two revisions, like `dvc metrics diff`",usage:`mlreport metrics diff [A_REV] [B_REV] [--md|--json] [--all] [--precision N] [--no-path] [--targets FILE...]

  A_REV            the old revision (default: HEAD)
  B_REV            the new revision (default: workspace, the files on disk)
  --targets FILE   metrics files, directories or globs to compare (default: those dvc.yaml names)
  --all            also show unchanged metrics
  --precision N    round floats to N digits after the point in tables (default: 5)
  --md             print a GitHub markdown table
  --json           print {path: {metric: {old, new, diff}}} exactly as DVC does
  --no-path        leave out the Path column

Exit code 0 even when metrics differ; a file that fails to parse on one side is a warning.`,run:t=>E("metrics",v(t,"metrics"),process.cwd())};var Y={path:["params","diff"],summary:"show changed params between two revisions, like `dvc params diff`",usage:`mlreport params diff [A_REV] [B_REV] [--md|--json] [--all] [--deps] [--no-path] [--targets FILE...]

  A_REV            the old revision (default: HEAD)
  B_REV            the new revision (default: workspace, the files on disk)
  --targets FILE   params files, directories or globs to compare (default: dvc.yaml's, and params.yaml)
  --all            also show unchanged params
  --deps           only params that stages depend on
  --md             print a GitHub markdown table
  --json           print {path: {param: {old, new, diff}}} exactly as DVC does
  --no-path        leave out the Path column

Exit code 0 even when params differ; a file that fails to parse on one side is a warning.`,run:t=>E("params",v(t,"params"),process.cwd())};import{resolve as h}from"node:path";import{parseArgs as le}from"node:util";var Z={path:["plots","render"],summary:"render the plots in dvc.yaml to PNG, base and workspace overlaid, with an index",usage:`mlreport plots render [--base REV] [--out DIR] [--plots PATH]... [--cwd DIR] [--quiet]

  --base REV      the revision to overlay (default: merge-base with origin/HEAD, else HEAD~1)
  --out DIR       where the images, index.md and index.json go (default: .mlreport/plots)
  --plots PATH    a plot data or image file or glob (repeatable; default: the plots in dvc.yaml)
  --cwd DIR       the project directory (default: the current directory)
  --quiet         print only the index's path`,async run(t){let{values:e}=le({args:t,strict:!0,options:{base:{type:"string"},out:{type:"string",default:".mlreport/plots"},plots:{type:"string",multiple:!0},cwd:{type:"string",default:"."},quiet:{type:"boolean",default:!1}}}),r=h(e.cwd),s=h(r,e.out),o=f(e.quiet),i=await u.open(r),n=await L(i,e.base?[{kind:"rev",rev:e.base,label:e.base}]:[{kind:"merge-base",ref:"refs/remotes/origin/HEAD",label:"origin/HEAD"},{kind:"rev",rev:"HEAD~1",label:"HEAD~1"}],o),a=await i.currentBranch(),m=await i.resolveCommit("HEAD"),d=a??(m?w(m):"workspace"),l=await N(i,{workspace:r,base:n,headLabel:d,plotsPaths:e.plots??null,dir:s,linkPrefix:""},async()=>(await import("./chunks/engine-RMZWPN57.js")).loadRenderer(),o),R=`# Plots: ${d} vs ${n?n.label:"no base"}

${l.length?M(l):"_No plots defined: add a `plots:` section to dvc.yaml or pass --plots._"}
`;if(await C(h(s,"index.json"),`${JSON.stringify({base:n,head:{label:d,sha:m},plots:l},null,2)}
`),await C(h(s,"index.md"),R),!e.quiet)for(let c of l)process.stdout.write(`${c.image?h(s,c.image):"FAILED"}  ${c.title}${c.error?`: ${c.error}`:""}
`);return process.stdout.write(`index: ${h(s,"index.md")}
`),l.some(c=>c.error)?1:0}};import{resolve as ee}from"node:path";import{parseArgs as pe}from"node:util";var te={path:["report"],summary:"compare metrics and params with a base revision and write report.md and report.json",usage:`mlreport report [--base REV] [--out DIR] [--metrics PATH]... [--params PATH]... [--plots PATH]... [--threshold RULE]... [--missing-base skip|fail] [--repro MODE] [--cwd DIR] [--quiet]

  --base REV      the revision to compare with (default: merge-base with origin/HEAD, else HEAD~1)
  --out DIR       where report.md and report.json go (default: .mlreport)
  --metrics PATH  a metrics file or glob (repeatable; default: those named in dvc.yaml)
  --params PATH   a params file or glob (repeatable; default: dvc.yaml's, and params.yaml)
  --plots PATH    a plot data or image file or glob (repeatable; default: the plots in dvc.yaml)
  --threshold RULE
                  a gate rule such as 'accuracy >= base - 0.01' (repeatable; default: the thresholds
                  in .mlreport.yml); a broken rule makes the exit code 1
  --missing-base skip|fail
                  a rule using \`base\` when the base has no value: skipped (default) or broken
  --repro MODE    reproduce the pipeline first: auto, builtin, dvc or off (default: off)
  --cwd DIR       the project directory (default: the current directory)
  --quiet         print only the report's path`,async run(t){let{values:e}=pe({args:t,strict:!0,options:{base:{type:"string"},out:{type:"string",default:".mlreport"},metrics:{type:"string",multiple:!0},params:{type:"string",multiple:!0},plots:{type:"string",multiple:!0},threshold:{type:"string",multiple:!0},"missing-base":{type:"string",default:"skip"},repro:{type:"string",default:"off"},cwd:{type:"string",default:"."},quiet:{type:"boolean",default:!1}}}),r=ee(e.cwd),s=f(e.quiet),o={workspace:r,baseCandidates:e.base?[{kind:"rev",rev:e.base,label:e.base}]:await de(),headLabel:await ce(r),metricsPaths:e.metrics??null,paramsPaths:e.params??null,plotsPaths:e.plots??null,outDir:ee(r,e.out),summaryPath:null,repro:me(e.repro),runCommands:[],github:null,hub:null,mlflow:null,gate:await F(r,{thresholds:e.threshold?e.threshold.map((n,a)=>({text:n,source:{origin:`--threshold #${a+1}`,line:1}})):null,missingBase:fe(e["missing-base"]),failOnThreshold:!0,checkName:_})},i=await U(o,s);return e.quiet||process.stdout.write(`${i.markdown}
`),process.stdout.write(`report: ${i.reportPath}
`),i.passed?0:1}};function me(t){if(!A.includes(t))throw new p(`--repro must be one of ${A.join(", ")} (got '${t}').`);return t}async function de(){return[{kind:"merge-base",ref:"refs/remotes/origin/HEAD",label:"origin/HEAD"},{kind:"rev",rev:"HEAD~1",label:"HEAD~1"}]}async function ce(t){let e=await u.open(t),r=await e.currentBranch();if(r)return r;let s=await e.resolveCommit("HEAD");return s?w(s):"workspace"}function fe(t){if(t==="skip"||t==="fail")return t;throw new p(`--missing-base must be \`skip\` or \`fail\`, not '${t}'.`)}import{resolve as ue}from"node:path";import{parseArgs as he}from"node:util";var re={path:["repro"],summary:"run the dvc.yaml stages that changed (like dvc repro) and update dvc.lock",usage:`mlreport repro [STAGE...] [--dry] [--force] [--cwd DIR]

  STAGE      run only these stages and what they depend on (a foreach/matrix group name selects all its stages)
  --dry      print what would run and why, run nothing
  --force    run the selected stages even when unchanged (frozen stages still never run)
  --cwd DIR  the directory holding dvc.yaml (default: the current directory)`,async run(t){let{values:e,positionals:r}=he({args:t,strict:!0,allowPositionals:!0,options:{dry:{type:"boolean",default:!1},force:{type:"boolean",default:!1},cwd:{type:"string",default:"."}}}),s=f(),o=await y(ue(e.cwd)),i=await S(o,s,{targets:r,dry:e.dry,force:e.force});for(let n of i.stages){let a=e.dry&&n.status==="not-run"?"would run":n.status,m=n.error??n.reasons.join("; "),d=n.status==="ran"||n.status==="failed"?` ${n.seconds.toFixed(1)}s`:"";process.stdout.write(`${n.name}: ${a}${d}${m?` (${m})`:""}
`)}return i.passed?0:1}};import{resolve as ge}from"node:path";import{parseArgs as we}from"node:util";var oe={path:["status"],summary:"show which dvc.yaml stages changed since dvc.lock and why (like dvc status)",usage:`mlreport status [STAGE...] [--json] [--cwd DIR]

  STAGE      only these stages and what they depend on
  --json     print {stage: [reasons]} for changed stages
  --cwd DIR  the directory holding dvc.yaml (default: the current directory)

Exit code 0 either way; changed stages are listed with their reasons.`,async run(t){let{values:e,positionals:r}=we({args:t,strict:!0,allowPositionals:!0,options:{json:{type:"boolean",default:!1},cwd:{type:"string",default:"."}}}),s=await y(ge(e.cwd)),o=(await I(s,r)).filter(i=>i.changed);if(e.json)process.stdout.write(`${JSON.stringify(Object.fromEntries(o.map(i=>[i.name,i.reasons])),null,2)}
`);else if(!o.length)process.stdout.write(`Data and pipelines are up to date.
`);else for(let i of o)process.stdout.write(`${i.name}:
${i.reasons.map(n=>`	${n}
`).join("")}`);return 0}};var D=[te,re,oe,X,Y,Z];async function ye(t){if(!t.length||t[0]==="--help"||t[0]==="-h"||t[0]==="help")return process.stdout.write(ve()),0;if(t[0]==="--version"||t[0]==="-V")return process.stdout.write(`${x}
`),0;let e=be(t);if(!e)throw new p(`unknown command '${t.join(" ")}'. Run 'mlreport --help' for the list.`);let r=t.slice(e.path.length);return r.includes("--help")||r.includes("-h")?(process.stdout.write(`usage: ${e.usage}
`),0):e.run(r)}function be(t){return D.filter(e=>e.path.every((r,s)=>t[s]===r)).sort((e,r)=>r.path.length-e.path.length)[0]}function ve(){let t=Math.max(...D.map(e=>e.path.join(" ").length));return[`mlreport ${x}: the review a good ML lead would give a pull request.`,"","usage: mlreport <command> [options]","","commands:",...D.map(e=>`  ${e.path.join(" ").padEnd(t)}  ${e.summary}`),"","Run 'mlreport <command> --help' for a command's options.",""].join(`
`)}ye(process.argv.slice(2)).then(t=>{process.exitCode=t},t=>{let r=t.code?.startsWith("ERR_PARSE_ARGS")?t.message:T(t);process.stderr.write(`mlreport: ${r}
`),process.exitCode=2});
