import { posix } from 'node:path';

type ImageKind = 'PNG' | 'JPEG' | 'GIF' | 'SVG';

const KIND_OF_EXTENSION: Record<string, ImageKind> = { '.png': 'PNG', '.jpg': 'JPEG', '.jpeg': 'JPEG', '.gif': 'GIF', '.svg': 'SVG' };
/** The extensions of image plots, copied into the report as they are. */
export const IMAGE_EXTENSIONS = Object.keys(KIND_OF_EXTENSION);
const EXTENSION_OF_KIND: Record<ImageKind, string> = { PNG: '.png', JPEG: '.jpg', GIF: '.gif', SVG: '.svg' };

/**
 * Why an image plot's bytes cannot be shown as the image its name says (null: they can). A file the pipeline did
 * not write as an image (a Git LFS pointer, an error page, a JPEG named .png) would be copied into the report as
 * a broken image; a browser and GitHub serve it by its extension.
 */
export function imageProblem(path: string, bytes: Uint8Array): string | null {
  const expected = KIND_OF_EXTENSION[posix.extname(path).toLowerCase()];
  if (!expected) return null;
  // What a training run killed while it wrote the file leaves.
  if (!bytes.length) return `${path} is empty (0 bytes)`;
  const actual = sniff(bytes);
  if (actual === expected) return null;
  const what = actual ? `it is a ${actual}: name it ${EXTENSION_OF_KIND[actual]}` : `it starts with ${startText(bytes)}`;
  return `${path} is not a${expected === 'SVG' ? 'n' : ''} ${expected} image (${what})`;
}

function sniff(b: Uint8Array): ImageKind | null {
  if (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'PNG';
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'JPEG';
  if (b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x38) return 'GIF';
  // An SVG may open with a BOM, an XML declaration, comments or a doctype before its root element.
  const head = Buffer.from(b.subarray(0, 4096))
    .toString('utf8')
    .replace(/^\ufeff/, '');
  const rest = head.replace(/^(\s*(<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>))*\s*/i, '');
  return /^<svg[\s>/]/i.test(rest) ? 'SVG' : null;
}

/** The file's first line, quoted, for a message: what a person opening it would see first. */
function startText(b: Uint8Array): string {
  const line = Buffer.from(b.subarray(0, 200)).toString('utf8').split(/\r?\n/)[0]!;
  const shown = line.length > 40 ? `${line.slice(0, 40)}…` : line;
  return /^[\x20-\x7e\u00a0-\uffff]*$/.test(shown) && shown.trim()
    ? JSON.stringify(shown)
    : `the bytes ${[...b.subarray(0, 4)].map((x) => x.toString(16).padStart(2, '0')).join(' ')}`;
}
