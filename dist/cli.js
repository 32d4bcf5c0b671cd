#!/usr/bin/env node
import{createRequire as __mlreportCreateRequire}from'node:module';const require=__mlreportCreateRequire(import.meta.url);
import{A as U,B as W,c as u,d as O,g as L,h as A,i as w,j as P,k as y,l as S,m as _,n as k,p as N,q as F,r as M,s as B,t as x,u as b,v as j,w as G,x as T,y as J,z as q}from"./chunks/chunk-NBG7IVMM.js";import{f as p,g as I}from"./chunks/chunk-FGLWVIUF.js";function d(e=!1){return{info:t=>{e||process.stderr.write(`${t}
`)},warning:t=>process.stderr.write(`warning: ${t}
`),error:t=>process.stderr.write(`error: ${t}
`),group:async(t,r)=>(e||process.stderr.write(`\u2500\u2500 ${t}
`),r())}}var K=5;function z(e,t){return t?e.rows:e.rows.filter(r=>r.changed)}function Q(e,t){let r=[];for(let i of[...e].sort((n,s)=>n.path<s.path?-1:n.path>s.path?1:0)){let n=z(i,t);if(!n.length)continue;let s=n.map(o=>{let a=[`"old": ${V(o.old)}`,`"new": ${V(o.new)}`];return o.diff!==void 0&&a.push(`"diff": ${V(j(o.diff,x(o)))}`),`${w(o.key)}: {${a.join(", ")}}`});r.push(`${w(i.path)}: {${s.join(", ")}}`)}return`{${r.join(", ")}}`}function X(e,t){let r=["Path",t.title,t.aRev,t.bRev];t.showChange&&r.push("Change");let i=[];for(let n of e)for(let s of z(n,t.all)){let o=[n.path,s.key,b(s.old,t.precision),b(s.new,t.precision)];t.showChange&&o.push(s.diff===void 0?"-":b(j(s.diff,x(s)),t.precision)),i.push(o)}return t.markdown?pe(r,i):le(r,i)}function Y(e,t){return e.map((r,i)=>Math.max(r.length+2,...t.map(n=>n[i].length)))}function le(e,t){let r=Y(e,t),i=n=>n.map((s,o)=>s.padEnd(r[o])).join("  ").trimEnd();return[i(e),...t.map(i)].join(`
`)+`
`}function pe(e,t){let r=Y(e,t),i=s=>`| ${s.map((o,a)=>o.padEnd(r[a])).join(" | ")} |`,n=`|${r.map(s=>"-".repeat(s+2)).join("|")}|`;return[i(e),n,...t.map(i)].join(`
`)+`

`}function V(e){return e==null?"null":typeof e=="boolean"?e?"true":"false":typeof e=="string"?w(e):typeof e=="number"?Number.isInteger(e)?String(e):A(e):M(e)?typeof e.float=="string"?e.float:A(e.float):"null"}function v(e,t){let r=t==="metrics",i={aRev:"HEAD",bRev:"workspace",targets:null,json:!1,markdown:!1,all:!1,noPath:!1,precision:null,deps:!1},n=[];for(let s=0;s<e.length;s++){let o=e[s];if(o==="--json")i.json=!0;else if(o==="--md")i.markdown=!0;else if(o==="--all")i.all=!0;else if(o==="--no-path")i.noPath=!0;else if(t==="params"&&o==="--deps")i.deps=!0;else if(o==="--targets")for(i.targets??=[];s+1<e.length&&!e[s+1].startsWith("-");)i.targets.push(e[++s]);else if(r&&(o==="--precision"||o.startsWith("--precision="))){let a=o.includes("=")?o.slice(o.indexOf("=")+1):e[++s];if(a===void 0||!/^\d+$/.test(a))throw new p(`--precision expects a whole number of digits, got ${JSON.stringify(a??"")}`);i.precision=Number(a)}else if(o==="--"){n.push(...e.slice(s+1));break}else{if(o.startsWith("-"))throw new p(`unknown option '${o}'`);n.push(o)}}if(n.length>2)throw new p(`expected at most two revisions (A_REV B_REV), got ${n.length}: ${n.join(" ")}`);return n[0]&&(i.aRev=n[0]),n[1]&&(i.bRev=n[1]),i}async function R(e,t,r){let i=d(!0),n=await u.open(r),s=!await n.resolveCommit("HEAD"),o={metrics:[],params:[],errors:[]};if(!s){let f=async g=>{if(g==="workspace")return J(r);let H=await n.resolveCommit(g);if(!H)throw new p(`unknown revision '${g}' (not a commit git knows here)`);return q(n,H,g)},m=await f(t.aRev),ie=await f(t.bRev),ae=e==="metrics"?{metrics:t.targets,params:[]}:{metrics:[],params:t.targets,depsOnly:t.deps};o=await U(m,ie,ae,i,[e])}let a=o[e],c=[...new Set(o.errors.map(f=>f.rev))];if(c.length&&process.stderr.write(`mlreport: failed to load some ${e} for following revisions: '${c.join(", ")}'.
`),t.json)return process.stdout.write(`${Q(a,t.all)}
`),0;let l=X(a,{title:e==="metrics"?"Metric":"Param",aRev:t.aRev,bRev:t.bRev,precision:e==="metrics"?t.precision||K:null,showChange:e==="metrics",markdown:t.markdown,all:t.all});return t.noPath&&(l=me(l,t.markdown)),process.stdout.write(l),0}function me(e,t){let r=e.split(`
`);if(t)return r.map(n=>n.startsWith("|")?`|${n.split("|").slice(2).join("|")}`:n).join(`
`);let i=r[0].match(/^Path\s+/)?.[0].length??0;return r.map(n=>n.slice(i)).join(`
`)}var Z={path:["metrics","diff"],summary:"show changed metrics between two revisions, like `dvc metrics diff`",usage:`mlreport metrics diff [A_REV] [B_REV] [--md|--json] [--all] [--precision N] [--no-path] [--targets FILE...]

  A_REV            the old revision (default: HEAD)
  B_REV            the new revision (default: workspace, the files on disk)
  --targets FILE   metrics files, directories or globs to compare (default: those dvc.yaml names)
  --all            also show unchanged metrics
  --precision N    round floats to N digits after the point in tables (default: 5)
  --md             print a GitHub markdown table
  --json           print {path: {metric: {old, new, diff}}} exactly as DVC does
  --no-path        leave out the Path column

Exit code 0 even when metrics differ; a file that fails to parse on one side is a warning.`,run:e=>R("metrics",v(e,"metrics"),process.cwd())};var ee={path:["params","diff"],summary:"show changed params between two revisions, like `dvc params diff`",usage:`mlreport params diff [A_REV] [B_REV] [--md|--json] [--all] [--deps] [--no-path] [--targets FILE...]

  A_REV            the old revision (default: HEAD)
  B_REV            the new revision (default: workspace, the files on disk)
  --targets FILE   params files, directories or globs to compare (default: dvc.yaml's, and params.yaml)
  --all            also show unchanged params
  --deps           only params that stages depend on
  --md             print a GitHub markdown table
  --json           print {path: {param: {old, new, diff}}} exactly as DVC does
  --no-path        leave out the Path column

Exit code 0 even when params differ; a file that fails to parse on one side is a warning.`,run:e=>R("params",v(e,"params"),process.cwd())};import{resolve as h}from"node:path";import{parseArgs as de}from"node:util";var E={base:{type:"string"},plots:{type:"string",multiple:!0},cwd:{type:"string",default:"."},quiet:{type:"boolean",default:!1}};function C(e){return e?[{kind:"rev",rev:e,label:e}]:[{kind:"merge-base",ref:"refs/remotes/origin/HEAD",label:"origin/HEAD"},{kind:"rev",rev:"HEAD~1",label:"HEAD~1"}]}async function D(e){let t=await e.currentBranch(),r=await e.resolveCommit("HEAD");return{label:t??(r?O(r):"workspace"),sha:r}}var te={path:["plots","render"],summary:"render the plots in dvc.yaml to PNG, base and workspace overlaid, with an index",usage:`mlreport plots render [--base REV] [--out DIR] [--plots PATH]... [--cwd DIR] [--quiet]

  --base REV      the revision to overlay (default: merge-base with origin/HEAD, else HEAD~1)
  --out DIR       where the images, index.md and index.json go (default: .mlreport/plots)
  --plots PATH    a plot data or image file or glob (repeatable; default: the plots in dvc.yaml)
  --cwd DIR       the project directory (default: the current directory)
  --quiet         print only the index's path`,async run(e){let{values:t}=de({args:e,strict:!0,options:{...E,out:{type:"string",default:".mlreport/plots"}}}),r=h(t.cwd),i=h(r,t.out),n=d(t.quiet),s=await u.open(r),o=await L(s,C(t.base),n),{label:a,sha:c}=await D(s),l=await G(s,{workspace:r,base:o,headLabel:a,plotsPaths:t.plots??null,dir:i,linkPrefix:""},async()=>(await import("./chunks/engine-RMZWPN57.js")).loadRenderer(),n),f=`# Plots: ${a} vs ${o?o.label:"no base"}

${l.length?B(l):"_No plots defined: add a `plots:` section to dvc.yaml or pass --plots._"}
`;if(await P(h(i,"index.json"),`${JSON.stringify({base:o,head:{label:a,sha:c},plots:l},null,2)}
`),await P(h(i,"index.md"),f),!t.quiet)for(let m of l)process.stdout.write(`${m.image?h(i,m.image):"FAILED"}  ${m.title}${m.error?`: ${m.error}`:""}
`);return process.stdout.write(`index: ${h(i,"index.md")}
`),l.some(m=>m.error)?1:0}};import{resolve as re}from"node:path";import{parseArgs as ce}from"node:util";var oe={path:["report"],summary:"compare metrics and params with a base revision and write report.md and report.json",usage:`mlreport report [--base REV] [--out DIR] [--metrics PATH]... [--params PATH]... [--plots PATH]... [--threshold RULE]... [--missing-base skip|fail] [--repro MODE] [--cwd DIR] [--quiet]

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
  --quiet         print only the report's path`,async run(e){let{values:t}=ce({args:e,strict:!0,options:{...E,out:{type:"string",default:".mlreport"},metrics:{type:"string",multiple:!0},params:{type:"string",multiple:!0},threshold:{type:"string",multiple:!0},"missing-base":{type:"string",default:"skip"},repro:{type:"string",default:"off"}}}),r=re(t.cwd),i=d(t.quiet),n={workspace:r,baseCandidates:C(t.base),headLabel:(await D(await u.open(r))).label,metricsPaths:t.metrics??null,paramsPaths:t.params??null,plotsPaths:t.plots??null,outDir:re(r,t.out),summaryPath:null,repro:fe(t.repro),runCommands:[],github:null,hub:null,mlflow:null,gate:await F(r,{thresholds:t.threshold?t.threshold.map((o,a)=>({text:o,source:{origin:`--threshold #${a+1}`,line:1}})):null,missingBase:ue(t["missing-base"]),failOnThreshold:!0,checkName:N})},s=await W(n,i);return t.quiet||process.stdout.write(`${s.markdown}
`),process.stdout.write(`report: ${s.reportPath}
`),s.passed?0:1}};function fe(e){if(!k.includes(e))throw new p(`--repro must be one of ${k.join(", ")} (got '${e}').`);return e}function ue(e){if(e==="skip"||e==="fail")return e;throw new p(`--missing-base must be \`skip\` or \`fail\`, not '${e}'.`)}import{resolve as he}from"node:path";import{parseArgs as ge}from"node:util";var se={path:["repro"],summary:"run the dvc.yaml stages that changed (like dvc repro) and update dvc.lock",usage:`mlreport repro [STAGE...] [--dry] [--force] [--cwd DIR]

  STAGE      run only these stages and what they depend on (a foreach/matrix group name selects all its stages)
  --dry      print what would run and why, run nothing
  --force    run the selected stages even when unchanged (frozen stages still never run)
  --cwd DIR  the directory holding dvc.yaml (default: the current directory)`,async run(e){let{values:t,positionals:r}=ge({args:e,strict:!0,allowPositionals:!0,options:{dry:{type:"boolean",default:!1},force:{type:"boolean",default:!1},cwd:{type:"string",default:"."}}}),i=d(),n=await y(he(t.cwd)),s=await _(n,i,{targets:r,dry:t.dry,force:t.force});for(let o of s.stages){let a=t.dry&&o.status==="not-run"?"would run":o.status,c=o.error??o.reasons.join("; "),l=o.status==="ran"||o.status==="failed"?` ${o.seconds.toFixed(1)}s`:"";process.stdout.write(`${o.name}: ${a}${l}${c?` (${c})`:""}
`)}return s.passed?0:1}};import{resolve as we}from"node:path";import{parseArgs as ye}from"node:util";var ne={path:["status"],summary:"show which dvc.yaml stages changed since dvc.lock and why (like dvc status)",usage:`mlreport status [STAGE...] [--json] [--cwd DIR]

  STAGE      only these stages and what they depend on
  --json     print {stage: [reasons]} for changed stages
  --cwd DIR  the directory holding dvc.yaml (default: the current directory)

Exit code 0 either way; changed stages are listed with their reasons.`,async run(e){let{values:t,positionals:r}=ye({args:e,strict:!0,allowPositionals:!0,options:{json:{type:"boolean",default:!1},cwd:{type:"string",default:"."}}}),i=await y(we(t.cwd)),n=(await S(i,r)).filter(s=>s.changed);if(t.json)process.stdout.write(`${JSON.stringify(Object.fromEntries(n.map(s=>[s.name,s.reasons])),null,2)}
`);else if(!n.length)process.stdout.write(`Data and pipelines are up to date.
`);else for(let s of n)process.stdout.write(`${s.name}:
${s.reasons.map(o=>`	${o}
`).join("")}`);return 0}};var $=[oe,se,ne,Z,ee,te];async function be(e){if(!e.length||e[0]==="--help"||e[0]==="-h"||e[0]==="help")return process.stdout.write(Re()),0;if(e[0]==="--version"||e[0]==="-V")return process.stdout.write(`${T}
`),0;let t=ve(e);if(!t)throw new p(`unknown command '${e.join(" ")}'. Run 'mlreport --help' for the list.`);let r=e.slice(t.path.length);return r.includes("--help")||r.includes("-h")?(process.stdout.write(`usage: ${t.usage}
`),0):t.run(r)}function ve(e){return $.filter(t=>t.path.every((r,i)=>e[i]===r)).sort((t,r)=>r.path.length-t.path.length)[0]}function Re(){let e=Math.max(...$.map(t=>t.path.join(" ").length));return[`mlreport ${T}: the review a good ML lead would give a pull request.`,"","usage: mlreport <command> [options]","","commands:",...$.map(t=>`  ${t.path.join(" ").padEnd(e)}  ${t.summary}`),"","Run 'mlreport <command> --help' for a command's options.",""].join(`
`)}be(process.argv.slice(2)).then(e=>{process.exitCode=e},e=>{let r=e.code?.startsWith("ERR_PARSE_ARGS")?e.message:I(e);process.stderr.write(`mlreport: ${r}
`),process.exitCode=2});
