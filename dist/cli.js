#!/usr/bin/env node
import{createRequire as __mlreportCreateRequire}from'node:module';const require=__mlreportCreateRequire(import.meta.url);
import{d as s,e as m,f as p,g as l,k as d,l as u,m as a,n as c}from"./chunks/chunk-KEVW6W55.js";import{resolve as f}from"node:path";import{parseArgs as C}from"node:util";function h(r=!1){return{info:e=>{r||process.stderr.write(`${e}
`)},warning:e=>process.stderr.write(`warning: ${e}
`),error:e=>process.stderr.write(`error: ${e}
`),group:async(e,t)=>(r||process.stderr.write(`\u2500\u2500 ${e}
`),t())}}var g={path:["report"],summary:"compare metrics and params with a base revision and write report.md and report.json",usage:`mlreport report [--base REV] [--out DIR] [--metrics PATH]... [--params PATH]... [--threshold RULE]... [--missing-base skip|fail] [--cwd DIR] [--quiet]

  --base REV      the revision to compare with (default: merge-base with origin/HEAD, else HEAD~1)
  --out DIR       where report.md and report.json go (default: .mlreport)
  --metrics PATH  a metrics file or glob (repeatable; default: those named in dvc.yaml)
  --params PATH   a params file or glob (repeatable; default: dvc.yaml's, and params.yaml)
  --threshold RULE
                  a gate rule such as 'accuracy >= base - 0.01' (repeatable; default: the thresholds
                  in .mlreport.yml); a broken rule makes the exit code 1
  --missing-base skip|fail
                  a rule using \`base\` when the base has no value: skipped (default) or broken
  --cwd DIR       the project directory (default: the current directory)
  --quiet         print only the report's path`,async run(r){let{values:e}=C({args:r,strict:!0,options:{base:{type:"string"},out:{type:"string",default:".mlreport"},metrics:{type:"string",multiple:!0},params:{type:"string",multiple:!0},threshold:{type:"string",multiple:!0},"missing-base":{type:"string",default:"skip"},cwd:{type:"string",default:"."},quiet:{type:"boolean",default:!1}}}),t=f(e.cwd),o=h(e.quiet),w={workspace:t,baseCandidates:e.base?[{kind:"rev",rev:e.base,label:e.base}]:await E(),headLabel:await k(t),metricsPaths:e.metrics??null,paramsPaths:e.params??null,outDir:f(t,e.out),summaryPath:null,github:null,hub:null,mlflow:null,gate:await u(t,{thresholds:e.threshold?e.threshold.map((y,b)=>({text:y,source:{origin:`--threshold #${b+1}`,line:1}})):null,missingBase:A(e["missing-base"]),failOnThreshold:!0,checkName:d})},i=await c(w,o);return e.quiet||process.stdout.write(`${i.markdown}
`),process.stdout.write(`report: ${i.reportPath}
`),i.passed?0:1}};async function E(){return[{kind:"merge-base",ref:"refs/remotes/origin/HEAD",label:"origin/HEAD"},{kind:"rev",rev:"HEAD~1",label:"HEAD~1"}]}async function k(r){let e=await p.open(r),t=await e.currentBranch();if(t)return t;let o=await e.resolveCommit("HEAD");return o?l(o):"workspace"}function A(r){if(r==="skip"||r==="fail")return r;throw new s(`--missing-base must be \`skip\` or \`fail\`, not '${r}'.`)}var n=[g];async function R(r){if(!r.length||r[0]==="--help"||r[0]==="-h"||r[0]==="help")return process.stdout.write(P()),0;if(r[0]==="--version"||r[0]==="-V")return process.stdout.write(`${a}
`),0;let e=D(r);if(!e)throw new s(`unknown command '${r.join(" ")}'. Run 'mlreport --help' for the list.`);let t=r.slice(e.path.length);return t.includes("--help")||t.includes("-h")?(process.stdout.write(`usage: ${e.usage}
`),0):e.run(t)}function D(r){return n.filter(e=>e.path.every((t,o)=>r[o]===t)).sort((e,t)=>t.path.length-e.path.length)[0]}function P(){let r=Math.max(...n.map(e=>e.path.join(" ").length));return[`mlreport ${a}: the review a good ML lead would give a pull request.`,"","usage: mlreport <command> [options]","","commands:",...n.map(e=>`  ${e.path.join(" ").padEnd(r)}  ${e.summary}`),"","Run 'mlreport <command> --help' for a command's options.",""].join(`
`)}R(process.argv.slice(2)).then(r=>{process.exitCode=r},r=>{let t=r.code?.startsWith("ERR_PARSE_ARGS")?r.message:m(r);process.stderr.write(`mlreport: ${t}
`),process.exitCode=2});
