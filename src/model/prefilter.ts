// A cheap text test that lets files without any patch message skip the patch model (about
// as costly as parsing itself). A patch message needs a `device` or `method` key written in
// the file: as a field name, a string or a long string, all literal text. The only other way
// to spell it is a string escape (`"\100evice"`, `"\x64evice"`, `"dev\z ice"`), so any such
// escape also counts as "may have one". Concatenations are never resolved by the model.
const MAY_HAVE_PATCH = /device|method|\\[0-9xuz]/i;

export function mayHavePatchMessage(text: string): boolean {
  return MAY_HAVE_PATCH.test(text);
}
