#!/usr/bin/env node
import{createRequire as __mlreportCreateRequire}from'node:module';const require=__mlreportCreateRequire(import.meta.url);
import{d as i,e as h,f as g,g as y,j as p,k as w,l as b,m as c,o as C,p as E,q as u,r as $}from"./chunks/chunk-EXSGDICH.js";import{resolve as A}from"node:path";import{parseArgs as P}from"node:util";function m(t=!1){return{info:e=>{t||process.stderr.write(`${e}
`)},warning:e=>process.stderr.write(`warning: ${e}
`),error:e=>process.stderr.write(`error: ${e}
`),group:async(e,r)=>(t||process.stderr.write(`\u2500\u2500 ${e}
`),r())}}var D={path:["report"],summary:"compare metrics and params with a base revision and write report.md and report.json",usage:`mlreport report [--base REV] [--out DIR] [--metrics PATH]... [--params PATH]... [--threshold RULE]... [--missing-base skip|fail] [--repro MODE] [--cwd DIR] [--quiet]

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
  --quiet         print only the report's path`,async run(t){let{values:e}=P({args:t,strict:!0,options:{base:{type:"string"},out:{type:"string",default:".mlreport"},metrics:{type:"string",multiple:!0},params:{type:"string",multiple:!0},threshold:{type:"string",multiple:!0},"missing-base":{type:"string",default:"skip"},repro:{type:"string",default:"off"},cwd:{type:"string",default:"."},quiet:{type:"boolean",default:!1}}}),r=A(e.cwd),n=m(e.quiet),a={workspace:r,baseCandidates:e.base?[{kind:"rev",rev:e.base,label:e.base}]:await M(),headLabel:await S(r),metricsPaths:e.metrics??null,paramsPaths:e.params??null,outDir:A(r,e.out),summaryPath:null,repro:j(e.repro),runCommands:[],github:null,hub:null,mlflow:null,gate:await E(r,{thresholds:e.threshold?e.threshold.map((s,l)=>({text:s,source:{origin:`--threshold #${l+1}`,line:1}})):null,missingBase:x(e["missing-base"]),failOnThreshold:!0,checkName:C})},o=await $(a,n);return e.quiet||process.stdout.write(`${o.markdown}
`),process.stdout.write(`report: ${o.reportPath}
`),o.passed?0:1}};function j(t){if(!c.includes(t))throw new i(`--repro must be one of ${c.join(", ")} (got '${t}').`);return t}async function M(){return[{kind:"merge-base",ref:"refs/remotes/origin/HEAD",label:"origin/HEAD"},{kind:"rev",rev:"HEAD~1",label:"HEAD~1"}]}async function S(t){let e=await g.open(t),r=await e.currentBranch();if(r)return r;let n=await e.resolveCommit("HEAD");return n?y(n):"workspace"}function x(t){if(t==="skip"||t==="fail")return t;throw new i(`--missing-base must be \`skip\` or \`fail\`, not '${t}'.`)}import{resolve as H}from"node:path";import{parseArgs as L}from"node:util";var k={path:["repro"],summary:"run the dvc.yaml stages that changed (like dvc repro) and update dvc.lock",usage:`mlreport repro [STAGE...] [--dry] [--force] [--cwd DIR]

  STAGE      run only these stages and what they depend on (a foreach/matrix group name selects all its stages)
  --dry      print what would run and why, run nothing
  --force    run the selected stages even when unchanged (frozen stages still never run)
  --cwd DIR  the directory holding dvc.yaml (default: the current directory)`,async run(t){let{values:e,positionals:r}=L({args:t,strict:!0,allowPositionals:!0,options:{dry:{type:"boolean",default:!1},force:{type:"boolean",default:!1},cwd:{type:"string",default:"."}}}),n=m(),a=await p(H(e.cwd)),o=await b(a,n,{targets:r,dry:e.dry,force:e.force});for(let s of o.stages){let l=e.dry&&s.status==="not-run"?"would run":s.status,f=s.error??s.reasons.join("; "),v=s.status==="ran"||s.status==="failed"?` ${s.seconds.toFixed(1)}s`:"";process.stdout.write(`${s.name}: ${l}${v}${f?` (${f})`:""}
`)}return o.passed?0:1}};import{resolve as O}from"node:path";import{parseArgs as T}from"node:util";var R={path:["status"],summary:"show which dvc.yaml stages changed since dvc.lock and why (like dvc status)",usage:`mlreport status [STAGE...] [--json] [--cwd DIR]

  STAGE      only these stages and what they depend on
  --json     print {stage: [reasons]} for changed stages
  --cwd DIR  the directory holding dvc.yaml (default: the current directory)

Exit code 0 either way; changed stages are listed with their reasons.`,async run(t){let{values:e,positionals:r}=T({args:t,strict:!0,allowPositionals:!0,options:{json:{type:"boolean",default:!1},cwd:{type:"string",default:"."}}}),n=await p(O(e.cwd)),a=(await w(n,r)).filter(o=>o.changed);if(e.json)process.stdout.write(`${JSON.stringify(Object.fromEntries(a.map(o=>[o.name,o.reasons])),null,2)}
`);else if(!a.length)process.stdout.write(`Data and pipelines are up to date.
`);else for(let o of a)process.stdout.write(`${o.name}:
${o.reasons.map(s=>`	${s}
`).join("")}`);return 0}};var d=[D,k,R];async function I(t){if(!t.length||t[0]==="--help"||t[0]==="-h"||t[0]==="help")return process.stdout.write(G()),0;if(t[0]==="--version"||t[0]==="-V")return process.stdout.write(`${u}
`),0;let e=B(t);if(!e)throw new i(`unknown command '${t.join(" ")}'. Run 'mlreport --help' for the list.`);let r=t.slice(e.path.length);return r.includes("--help")||r.includes("-h")?(process.stdout.write(`usage: ${e.usage}
`),0):e.run(r)}function B(t){return d.filter(e=>e.path.every((r,n)=>t[n]===r)).sort((e,r)=>r.path.length-e.path.length)[0]}function G(){let t=Math.max(...d.map(e=>e.path.join(" ").length));return[`mlreport ${u}: the review a good ML lead would give a pull request.`,"","usage: mlreport <command> [options]","","commands:",...d.map(e=>`  ${e.path.join(" ").padEnd(t)}  ${e.summary}`),"","Run 'mlreport <command> --help' for a command's options.",""].join(`
`)}I(process.argv.slice(2)).then(t=>{process.exitCode=t},t=>{let r=t.code?.startsWith("ERR_PARSE_ARGS")?t.message:h(t);process.stderr.write(`mlreport: ${r}
`),process.exitCode=2});
