/**
 * 长辈模式 on weapp needs the text scale on each page's root (weapp has no shared root, H5 has <html>).
 * This reads a page's source and lists the roots it can render without the scale, so a new page that
 * forgets it fails a test instead of showing small text to an older worker.
 *
 * A page passes when its default export is `withFontScale(…)` (components/FontScale), or when every
 * root it returns — following the components of the same file it returns — carries
 * `style={useFontScaleStyle()}` (directly or through a variable set from it). `null` renders nothing
 * and is fine; any other root (a View without the style, <Loading />, <ErrorBlock />, a component from
 * another file) is reported with its line.
 */
import ts from 'typescript';

type Fn = ts.FunctionDeclaration | ts.FunctionExpression | ts.ArrowFunction;

const isFn = (n: ts.Node): n is Fn =>
  ts.isFunctionDeclaration(n) || ts.isFunctionExpression(n) || ts.isArrowFunction(n);

/** Unscaled roots of one page file, as `<file>:<line> <Tag>`; empty when every root is scaled. */
export function unscaledRoots(fileName: string, source: string): string[] {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const where = (n: ts.Node) => `${fileName}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}`;

  // Functions of the file's top level by name (function X / const X = () => / const X = function).
  const local = new Map<string, Fn>();
  let exported: ts.Expression | Fn | undefined;
  for (const st of sf.statements) {
    if (ts.isFunctionDeclaration(st) && st.name) {
      local.set(st.name.text, st);
      if (st.modifiers?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword)) exported = st;
    } else if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations)
        if (ts.isIdentifier(d.name) && d.initializer && isFn(d.initializer)) local.set(d.name.text, d.initializer);
    } else if (ts.isExportAssignment(st)) exported = st.expression;
  }
  if (!exported) return [`${fileName}: no default export`];

  const wrapped = (e: ts.Node): boolean =>
    ts.isCallExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === 'withFontScale';
  if (wrapped(exported)) return [];
  // `const Page = withFontScale(…); export default Page`
  if (ts.isIdentifier(exported)) {
    for (const st of sf.statements)
      if (ts.isVariableStatement(st))
        for (const d of st.declarationList.declarations)
          if (ts.isIdentifier(d.name) && d.name.text === exported.text && d.initializer && wrapped(d.initializer))
            return [];
  }
  const start = isFn(exported) ? exported : ts.isIdentifier(exported) ? local.get(exported.text) : undefined;
  if (!start) return [`${where(exported)} default export is not a page component of this file`];

  const out: string[] = [];
  const seen = new Set<Fn>();
  const visit = (fn: Fn) => {
    if (seen.has(fn)) return;
    seen.add(fn);
    // Variables of this function set from useFontScaleStyle().
    const scaled = new Set<string>();
    const collect = (n: ts.Node) => {
      if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer && isScaleCall(n.initializer))
        scaled.add(n.name.text);
      if (!isFn(n)) ts.forEachChild(n, collect);
    };
    if (fn.body) ts.forEachChild(fn.body, collect);

    const roots: ts.Expression[] = [];
    if (fn.body && !ts.isBlock(fn.body)) roots.push(fn.body);
    const returns = (n: ts.Node) => {
      if (ts.isReturnStatement(n) && n.expression) roots.push(n.expression);
      if (!isFn(n)) ts.forEachChild(n, returns);
    };
    if (fn.body && ts.isBlock(fn.body)) ts.forEachChild(fn.body, returns);

    const check = (e: ts.Expression): void => {
      if (ts.isParenthesizedExpression(e) || ts.isAsExpression(e)) return check(e.expression);
      if (ts.isConditionalExpression(e)) return void (check(e.whenTrue), check(e.whenFalse));
      if (
        ts.isBinaryExpression(e) &&
        [
          ts.SyntaxKind.AmpersandAmpersandToken,
          ts.SyntaxKind.BarBarToken,
          ts.SyntaxKind.QuestionQuestionToken,
        ].includes(e.operatorToken.kind)
      )
        return check(e.right);
      if (e.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(e) && e.text === 'undefined')) return;
      const el = ts.isJsxElement(e) ? e.openingElement : ts.isJsxSelfClosingElement(e) ? e : undefined;
      if (!el) {
        if (ts.isJsxFragment(e)) out.push(`${where(e)} <> (a fragment: put the page in one root view)`);
        else out.push(`${where(e)} ${e.getText(sf).slice(0, 40)}`);
        return;
      }
      const tag = el.tagName.getText(sf);
      const style = el.attributes.properties.find(
        (p): p is ts.JsxAttribute => ts.isJsxAttribute(p) && p.name.getText(sf) === 'style',
      );
      const value =
        style?.initializer && ts.isJsxExpression(style.initializer) ? style.initializer.expression : undefined;
      if (value && (isScaleCall(value) || (ts.isIdentifier(value) && scaled.has(value.text)))) return;
      const component = local.get(tag);
      if (component && !style) return visit(component);
      out.push(`${where(el)} <${tag}>`);
    };
    roots.forEach(check);
  };
  visit(start);
  return out;
}

function isScaleCall(e: ts.Expression): boolean {
  return ts.isCallExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === 'useFontScaleStyle';
}

/** Page paths of an app config (main pages and subpackages), e.g. `packages/staff/pages/review/index`. */
export function pagePaths(appConfig: { pages: string[]; subPackages?: { root: string; pages: string[] }[] }): string[] {
  return [
    ...appConfig.pages,
    ...(appConfig.subPackages ?? []).flatMap((p) => p.pages.map((page) => `${p.root.replace(/\/$/, '')}/${page}`)),
  ];
}
