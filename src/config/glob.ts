// Glob matching for config `overrides[].files` and `ignores` (paths relative to the config
// file's folder, `/`-separated). Own code rather than an undeclared transitive dependency:
// `**`, `*`, `?`, `[...]`, `{a,b}` and `\` escapes. Like .gitignore and ESLint's legacy
// overrides, a pattern without a `/` matches the file name at any depth.

export type PathMatcher = (relativePath: string) => boolean;

export function compileGlob(pattern: string): PathMatcher {
  let source = pattern.replace(/^\.\//, '');
  const anyDepth = !source.replace(/\/$/, '').includes('/');
  source = source.replace(/^\//, '');
  const directoryOnly = source.endsWith('/');
  if (directoryOnly) source = `${source}**`;
  const body = globToRegExp(source);
  const regex = new RegExp(anyDepth ? `^(?:.*/)?${body}$` : `^${body}$`);
  return (relativePath) => regex.test(relativePath);
}

/** Why the pattern cannot be compiled (an inverted range `[z-a]`), or null. */
export function globProblem(pattern: string): string | null {
  try {
    compileGlob(pattern);
    return null;
  } catch (error) {
    return `expected a valid glob (${(error as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /, '')})`;
  }
}

/** True when the pattern matches the path or one of its parent folders (`vendor` ignores `vendor/x.lua`). */
export function matchesPathOrParent(matcher: PathMatcher, relativePath: string): boolean {
  if (matcher(relativePath)) return true;
  const parts = relativePath.split('/');
  for (let i = parts.length - 1; i > 0; i--) if (matcher(parts.slice(0, i).join('/'))) return true;
  return false;
}

function globToRegExp(glob: string): string {
  let out = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '\\' && i + 1 < glob.length) {
      out += escape(glob[++i]!);
    } else if (c === '*') {
      if (glob[i + 1] === '*') {
        const atStart = i === 0 || glob[i - 1] === '/';
        const atEnd = i + 2 === glob.length || glob[i + 2] === '/';
        if (atStart && atEnd) {
          // `**/` matches zero or more folders; a trailing `**` matches everything below.
          if (i + 2 === glob.length) out += '.*';
          else {
            out += '(?:.*/)?';
            i++;
          }
          i++;
          continue;
        }
        i++;
      }
      out += '[^/]*';
    } else if (c === '?') {
      out += '[^/]';
    } else if (c === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close < 0) out += '\\[';
      else {
        let set = glob.slice(i + 1, close).replace(/\\/g, '\\\\');
        if (set.startsWith('!')) set = `^${set.slice(1)}`;
        out += `[${set}]`;
        i = close;
      }
    } else if (c === '{') {
      braces++;
      out += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      out += ')';
    } else if (c === ',' && braces > 0) {
      out += '|';
    } else {
      out += escape(c);
    }
  }
  return out + ')'.repeat(braces);
}

function escape(c: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(c) ? `\\${c}` : c;
}
