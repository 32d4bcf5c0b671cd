// Replaced at build time from package.json; tests running the sources see the fallback.
declare const __MLREPORT_VERSION__: string | undefined;
export const VERSION: string = typeof __MLREPORT_VERSION__ === 'string' ? __MLREPORT_VERSION__ : '0.0.0-dev';
