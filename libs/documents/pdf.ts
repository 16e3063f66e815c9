/**
 * The part of pdfmake's document definition the templates use. Declared here rather than imported from
 * @types/pdfmake, whose `/// <reference lib="dom" />` would put the DOM's types (its `fetch`, `BodyInit`)
 * into the whole program.
 */
export type Margin = number | [number, number] | [number, number, number, number];

export interface Style {
  font?: string;
  fontSize?: number;
  bold?: boolean;
  alignment?: 'left' | 'right' | 'center' | 'justify';
  lineHeight?: number;
  characterSpacing?: number;
  /** The first line's indent in points (Chinese paragraphs indent two characters). */
  leadingIndent?: number;
  margin?: Margin;
  /** Starts the node on a new page (the 案卷's catalogue after its cover). */
  pageBreak?: 'before';
}

export type Content =
  | string
  | (Style & { text: string | Content[]; style?: string })
  | (Style & { stack: Content[]; style?: string })
  | (Style & { table: { widths: (number | string)[]; body: Content[][]; headerRows?: number }; layout?: string; style?: string });

export interface DocDefinition {
  pageSize: 'A4';
  pageMargins: Margin;
  info: {
    title: string;
    author: string;
    subject: string;
    creator: string;
    producer: string;
    creationDate: Date;
    modDate: Date;
  };
  content: Content[];
  footer: (currentPage: number, pageCount: number) => Content;
  defaultStyle: Style;
  styles: Record<string, Style>;
  /** Drawn across every page (a preview's mark), in the default font. */
  watermark?: { text: string; opacity: number; fontSize: number; angle: number };
}
