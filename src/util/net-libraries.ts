// The HTTP and GitHub client libraries (undici, Octokit as @actions/github composes it, its retry and throttling
// plugins, Bottleneck): about half of what the entry points would otherwise parse at start. scripts/build.mjs
// bundles this file on its own (dist/net.js), read with `await import()` by a run's first request, so a run that
// sends none (the CLI's local commands, `--help`) never parses or starts them.
export { fetch, ProxyAgent } from 'undici';
export { getOctokit } from '@actions/github';
export { retry } from '@octokit/plugin-retry';
export { throttling } from '@octokit/plugin-throttling';
export { default as Bottleneck } from 'bottleneck/light.js';
