// File-system errors as the few words a one-line message needs.

export function describeError(e: NodeJS.ErrnoException): string {
  switch (e.code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a directory';
    case 'ENOENT':
      return 'no such file';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'ENAMETOOLONG':
      return 'the path is too long';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EDQUOT':
      return 'the disk quota is exceeded';
    case 'EROFS':
      return 'the file system is read-only';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many open files';
    case 'EBUSY':
    case 'ETXTBSY':
      return 'the file is busy';
    case 'EEXIST':
      return 'it already exists';
    case 'EIO':
      return 'an input/output error';
    case 'EXDEV':
      return 'it is on another file system';
    default:
      // An unusual code: still a sentence, with the code for a search.
      return e.code ? `${e.code.toLowerCase()} error (${e.code})` : e.message;
  }
}

/** The line for a file that cannot be read. */
export function cannotRead(filePath: string, e: NodeJS.ErrnoException): string {
  // Node.js decodes file names as UTF-8: a name that is not valid UTF-8 comes back with U+FFFD
  // in it, and that name does not exist.
  if (e.code === 'ENOENT' && filePath.includes('\ufffd')) return `Cannot read ${filePath}: its name is not valid UTF-8, which patchlint cannot open (rename the file)`;
  return `Cannot read ${filePath}: ${describeError(e)}`;
}
