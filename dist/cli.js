#!/usr/bin/env node
import{createRequire as __mlreportCreateRequire}from'node:module';const require=__mlreportCreateRequire(import.meta.url);
import{d as i,e as m,f as p,g as d,j as a,k as c}from"./chunks/chunk-UAP4HRSX.js";import{resolve as u}from"node:path";import{parseArgs as g}from"node:util";function l(r=!1){return{info:e=>{r||process.stderr.write(`${e}
`)},warning:e=>process.stderr.write(`warning: ${e}
`),error:e=>process.stderr.write(`error: ${e}
`),group:async(e,t)=>(r||process.stderr.write(`\u2500\u2500 ${e}
`),t())}}var f={path:["report"],summary:"compare metrics and params with a base revision and write report.md and report.json",usage:`mlreport report [--base REV] [--out DIR] [--metrics PATH]... [--params PATH]... [--cwd DIR] [--quiet]

  --base REV      the revision to compare with (default: merge-base with origin/HEAD, else HEAD~1)
  --out DIR       where report.md and report.json go (default: .mlreport)
  --metrics PATH  a metrics file or glob (repeatable; default: those named in dvc.yaml)
  --params PATH   a params file or glob (repeatable; default: dvc.yaml's, and params.yaml)
  --cwd DIR       the project directory (default: the current directory)
  --quiet         print only the report's path`,async run(r){let{values:e}=g({args:r,strict:!0,options:{base:{type:"string"},out:{type:"string",default:".mlreport"},metrics:{type:"string",multiple:!0},params:{type:"string",multiple:!0},cwd:{type:"string",default:"."},quiet:{type:"boolean",default:!1}}}),t=u(e.cwd),o=l(e.quiet),h={workspace:t,baseCandidates:e.base?[{kind:"rev",rev:e.base,label:e.base}]:await w(),headLabel:await y(t),metricsPaths:e.metrics??null,paramsPaths:e.params??null,outDir:u(t,e.out),summaryPath:null,github:null},n=await c(h,o);return e.quiet||process.stdout.write(`${n.markdown}
`),process.stdout.write(`report: ${n.reportPath}
`),n.passed?0:1}};async function w(){return[{kind:"merge-base",ref:"refs/remotes/origin/HEAD",label:"origin/HEAD"},{kind:"rev",rev:"HEAD~1",label:"HEAD~1"}]}async function y(r){let e=await p.open(r),t=await e.currentBranch();if(t)return t;let o=await e.resolveCommit("HEAD");return o?d(o):"workspace"}var s=[f];async function b(r){if(!r.length||r[0]==="--help"||r[0]==="-h"||r[0]==="help")return process.stdout.write(A()),0;if(r[0]==="--version"||r[0]==="-V")return process.stdout.write(`${a}
`),0;let e=C(r);if(!e)throw new i(`unknown command '${r.join(" ")}'. Run 'mlreport --help' for the list.`);let t=r.slice(e.path.length);return t.includes("--help")||t.includes("-h")?(process.stdout.write(`usage: ${e.usage}
`),0):e.run(t)}function C(r){return s.filter(e=>e.path.every((t,o)=>r[o]===t)).sort((e,t)=>t.path.length-e.path.length)[0]}function A(){let r=Math.max(...s.map(e=>e.path.join(" ").length));return[`mlreport ${a}: the review a good ML lead would give a pull request.`,"","usage: mlreport <command> [options]","","commands:",...s.map(e=>`  ${e.path.join(" ").padEnd(r)}  ${e.summary}`),"","Run 'mlreport <command> --help' for a command's options.",""].join(`
`)}b(process.argv.slice(2)).then(r=>{process.exitCode=r},r=>{let t=r.code?.startsWith("ERR_PARSE_ARGS")?r.message:m(r);process.stderr.write(`mlreport: ${t}
`),process.exitCode=2});
