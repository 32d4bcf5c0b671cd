#!/usr/bin/env node
import{createRequire as __mlreportCreateRequire}from'node:module';const require=__mlreportCreateRequire(import.meta.url);
import{d as i,e as m,f as p,g as l,j as a,k as d}from"./chunks/chunk-UAUM3366.js";import{resolve as u}from"node:path";import{parseArgs as g}from"node:util";function c(t=!1){let e=r=>r?.file?`${r.file}${r.line?`:${r.line}`:""}: `:"";return{info:r=>{t||process.stderr.write(`${r}
`)},warning:(r,o)=>process.stderr.write(`warning: ${e(o)}${r}
`),error:(r,o)=>process.stderr.write(`error: ${e(o)}${r}
`),group:async(r,o)=>(t||process.stderr.write(`\u2500\u2500 ${r}
`),o())}}var f={path:["report"],summary:"compare metrics and params with a base revision and write report.md and report.json",usage:`mlreport report [--base REV] [--out DIR] [--metrics PATH]... [--params PATH]... [--cwd DIR] [--quiet]

  --base REV      the revision to compare with (default: merge-base with origin/HEAD, else HEAD~1)
  --out DIR       where report.md and report.json go (default: .mlreport)
  --metrics PATH  a metrics file or glob (repeatable; default: those named in dvc.yaml)
  --params PATH   a params file or glob (repeatable; default: dvc.yaml's, and params.yaml)
  --cwd DIR       the project directory (default: the current directory)
  --quiet         print only the report's path`,async run(t){let{values:e}=g({args:t,strict:!0,options:{base:{type:"string"},out:{type:"string",default:".mlreport"},metrics:{type:"string",multiple:!0},params:{type:"string",multiple:!0},cwd:{type:"string",default:"."},quiet:{type:"boolean",default:!1}}}),r=u(e.cwd),o=c(e.quiet),h={workspace:r,baseCandidates:e.base?[{kind:"rev",rev:e.base,label:e.base}]:await w(),headLabel:await y(r),metricsPaths:e.metrics??null,paramsPaths:e.params??null,outDir:u(r,e.out),summaryPath:null,github:null},s=await d(h,o);return e.quiet||process.stdout.write(`${s.markdown}
`),process.stdout.write(`report: ${s.reportPath}
`),s.passed?0:1}};async function w(){return[{kind:"merge-base",ref:"refs/remotes/origin/HEAD",label:"origin/HEAD"},{kind:"rev",rev:"HEAD~1",label:"HEAD~1"}]}async function y(t){let e=await p.open(t),r=await e.currentBranch();if(r)return r;let o=await e.resolveCommit("HEAD");return o?l(o):"workspace"}var n=[f];async function b(t){if(!t.length||t[0]==="--help"||t[0]==="-h"||t[0]==="help")return process.stdout.write($()),0;if(t[0]==="--version"||t[0]==="-V")return process.stdout.write(`${a}
`),0;let e=C(t);if(!e)throw new i(`unknown command '${t.join(" ")}'. Run 'mlreport --help' for the list.`);let r=t.slice(e.path.length);return r.includes("--help")||r.includes("-h")?(process.stdout.write(`usage: ${e.usage}
`),0):e.run(r)}function C(t){return n.filter(e=>e.path.every((r,o)=>t[o]===r)).sort((e,r)=>r.path.length-e.path.length)[0]}function $(){let t=Math.max(...n.map(e=>e.path.join(" ").length));return[`mlreport ${a}: the review a good ML lead would give a pull request.`,"","usage: mlreport <command> [options]","","commands:",...n.map(e=>`  ${e.path.join(" ").padEnd(t)}  ${e.summary}`),"","Run 'mlreport <command> --help' for a command's options.",""].join(`
`)}b(process.argv.slice(2)).then(t=>{process.exitCode=t},t=>{let r=t.code?.startsWith("ERR_PARSE_ARGS")?t.message:m(t);process.stderr.write(`mlreport: ${r}
`),process.exitCode=2});
