/**
 * Shared layout of the printed documents: A4 page, 宋体/仿宋 with Chinese type sizes (号), bordered tables,
 * money in 元 from integer fen (no floating point), dates as 年 月 日.
 */
import { inBusinessTz } from '@shishi/shared-types';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  TableCell,
  TableLayoutType,
  Table,
  TableRow,
  Tab,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type ISectionOptions,
  type ITableCellBorders,
  type ParagraphChild,
} from 'docx';

/** Chinese type sizes in half-points (docx `size`). */
export const size = { er: 44, xiaoEr: 36, san: 32, xiaoSan: 30, si: 28, xiaoSi: 24, wu: 21 } as const;

export const SONG = 'SimSun';
export const FANGSONG = 'FangSong';
export const HEI = 'SimHei';

const fontOf = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name, cs: name });

/** A4 in twips, and margins close to GB/T 9704 (上 3.7 下 3.5 左 2.8 右 2.6 cm) kept a little tighter. */
export const A4 = { width: 11906, height: 16838 } as const;
export const MARGIN = { top: 1701, bottom: 1588, left: 1588, right: 1474 } as const;
/** Usable width between the margins (twips). */
export const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right;

// ---------------------------------------------------------------- money and dates

/** 元 with thousands separators and two decimals, from integer fen: 12345678 → "123,456.78". */
export function money(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new Error(`金额必须是整数分：${fen}`);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${whole}.${String(abs % 100).padStart(2, '0')}`;
}

/** "2027-03-01" → "2027 年 3 月 1 日"; empty → the blank "年 月 日" of the paper form. */
export function dayWords(day: string | null | undefined): string {
  const m = day ? /^(\d{4})-(\d{2})-(\d{2})/.exec(day) : null;
  if (!m) return '        年      月      日';
  return `${m[1]} 年 ${Number(m[2])} 月 ${Number(m[3])} 日`;
}

/** An ISO instant as its business day (Asia/Shanghai) `yyyy-mm-dd`. */
export function businessDayOf(iso: string): string {
  return inBusinessTz(iso).format('YYYY-MM-DD');
}

/** "2027-03-01" → "2027年3月1日" (compact, for table cells); '' when unknown. */
export function shortDay(day: string | null | undefined): string {
  const m = day ? /^(\d{4})-(\d{2})-(\d{2})/.exec(day) : null;
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : '';
}

// ---------------------------------------------------------------- runs and paragraphs

export interface RunStyle {
  font?: string;
  size?: number;
  bold?: boolean;
  underline?: boolean;
}

export function run(text: string, style: RunStyle = {}): TextRun {
  // A tab inside w:t is not a tab to Word: each "\t" becomes a <w:tab/>.
  const parts = text.split('\t');
  const children = parts.flatMap((p, i) => (i === 0 ? [p] : [new Tab(), p])).filter((c) => c !== '');
  return new TextRun({
    ...(parts.length > 1 ? { children } : { text }),
    font: fontOf(style.font ?? FANGSONG),
    size: style.size ?? size.si,
    bold: style.bold,
    underline: style.underline ? {} : undefined,
  });
}

export interface ParaStyle extends RunStyle {
  align?: 'left' | 'center' | 'right' | 'justify';
  /** Space before/after in points. */
  before?: number;
  after?: number;
  /** First-line indent in characters (2 = the customary 首行缩进两字). */
  indentChars?: number;
  /** Line spacing: exact points (e.g. 28 for 28 磅), or auto 1.0 when absent. */
  linePt?: number;
  pageBreakBefore?: boolean;
  keepNext?: boolean;
  tabStops?: Array<{ type: 'left' | 'right' | 'center'; position: number }>;
  leftIndent?: number;
}

const alignment = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const;

export function para(content: string | ParagraphChild[], style: ParaStyle = {}): Paragraph {
  const children = typeof content === 'string' ? [run(content, style)] : content;
  const charTwips = ((style.size ?? size.si) / 2) * 20;
  return new Paragraph({
    children,
    alignment: alignment[style.align ?? 'justify'],
    spacing: {
      before: (style.before ?? 0) * 20,
      after: (style.after ?? 0) * 20,
      ...(style.linePt ? { line: style.linePt * 20, lineRule: 'exact' as const } : {}),
    },
    indent: {
      ...(style.indentChars ? { firstLine: Math.round(style.indentChars * charTwips) } : {}),
      ...(style.leftIndent ? { left: style.leftIndent } : {}),
    },
    pageBreakBefore: style.pageBreakBefore,
    keepNext: style.keepNext,
    tabStops: style.tabStops,
  });
}

/** Text with line breaks as one paragraph per line (empty lines dropped); `fallback` when empty. */
export function paragraphs(text: string | null | undefined, style: ParaStyle = {}, fallback = ''): Paragraph[] {
  const lines = (text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  if (lines.length === 0) return [para(fallback, style)];
  return lines.map((l) => para(l, style));
}

// ---------------------------------------------------------------- tables

const line = { style: BorderStyle.SINGLE, size: 6, color: '000000' } as const;
const outer = { style: BorderStyle.SINGLE, size: 12, color: '000000' } as const;
export const tableBorders = {
  top: outer,
  bottom: outer,
  left: outer,
  right: outer,
  insideHorizontal: line,
  insideVertical: line,
} as const;
const cellBorders: ITableCellBorders = { top: line, bottom: line, left: line, right: line };

export interface CellOptions {
  span?: number;
  /** Width in twips (the sum of the spanned columns). */
  width?: number;
  vAlign?: 'top' | 'center' | 'bottom';
  shade?: boolean;
}

export function cell(children: Paragraph[] | string, opts: CellOptions & ParaStyle = {}): TableCell {
  const kids = typeof children === 'string' ? [para(children, opts)] : children;
  return new TableCell({
    children: kids.length > 0 ? kids : [para('')],
    columnSpan: opts.span && opts.span > 1 ? opts.span : undefined,
    width: opts.width ? { size: opts.width, type: WidthType.DXA } : undefined,
    verticalAlign: {
      top: VerticalAlignTable.TOP,
      center: VerticalAlignTable.CENTER,
      bottom: VerticalAlignTable.BOTTOM,
    }[opts.vAlign ?? 'center'],
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
    borders: cellBorders,
    shading: opts.shade ? { fill: 'F2F2F2', color: 'auto', type: 'clear' } : undefined,
  });
}

export function row(
  cells: TableCell[],
  opts: { minHeight?: number; header?: boolean; cantSplit?: boolean } = {},
): TableRow {
  return new TableRow({
    children: cells,
    height: opts.minHeight ? { value: opts.minHeight, rule: 'atLeast' } : undefined,
    tableHeader: opts.header,
    cantSplit: opts.cantSplit,
  });
}

/** A fixed-layout table across the text width; `columns` are twips and should add up to `CONTENT_WIDTH`. */
export function table(columns: number[], rows: TableRow[]): Table {
  return new Table({
    rows,
    columnWidths: columns,
    width: { size: columns.reduce((s, w) => s + w, 0), type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    borders: tableBorders,
  });
}

/** A simple grid: a shaded header row then data rows, every cell one paragraph in 小四 (or `cellSize`). */
export function grid(
  columns: number[],
  header: string[],
  rows: string[][],
  opts: { aligns?: Array<ParaStyle['align']>; cellSize?: number; boldLast?: boolean } = {},
): Table {
  const fontSize = opts.cellSize ?? size.xiaoSi;
  const head = row(
    header.map((h, i) => cell(h, { width: columns[i], align: 'center', bold: true, size: fontSize, shade: true })),
    { header: true, cantSplit: true },
  );
  const body = rows.map((r, ri) =>
    row(
      r.map((v, i) =>
        cell(v, {
          width: columns[i],
          align: opts.aligns?.[i] ?? 'left',
          size: fontSize,
          bold: opts.boldLast && ri === rows.length - 1,
        }),
      ),
      { cantSplit: true },
    ),
  );
  return table(columns, [head, ...body]);
}

// ---------------------------------------------------------------- the document

export interface DocumentMeta {
  title: string;
  subject?: string;
}

/** One A4 section per entry; returns the .docx bytes. */
export async function pack(meta: DocumentMeta, sections: Array<ISectionOptions['children']>): Promise<Buffer> {
  const doc = new Document({
    creator: '大连市总工会为职工办实事',
    title: meta.title,
    subject: meta.subject,
    styles: {
      default: {
        document: { run: { font: fontOf(FANGSONG), size: size.si } },
      },
    },
    sections: sections.map((children) => ({
      properties: {
        page: {
          size: { width: A4.width, height: A4.height },
          margin: { ...MARGIN, header: 851, footer: 992 },
        },
      },
      children,
    })),
  });
  return Packer.toBuffer(doc);
}
