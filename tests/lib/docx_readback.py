#!/usr/bin/env python3
"""Reads back a Word document zongjie exported, with python-docx (an
independent reader), and checks it against the text export of the same
file and the layout README and docx.h promise.

    docx_readback.py OUT.docx EXPORT.txt OUTLINE.json

EXPORT.txt is `zongjie export` of the source as text; OUTLINE.json is
`zongjie outline --format=json EXPORT.txt`.  Prints one line per problem
and exits 1 if there is any."""
import json
import re
import sys
import xml.dom.minidom
import zipfile

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Pt

problems = []


def expect(cond, what):
    if not cond:
        problems.append(what)


# zj_is_space, and what XML 1.0 cannot carry
BLANKS = " \t\r\u3000\u00a0\u200b\ufeff\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007" \
         "\u2008\u2009\u200a\u202f\u205f"
CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def paragraphs_of_text(text):
    """(line number, paragraph text) of each non-blank line."""
    out = []
    for number, line in enumerate(text.split("\n"), 1):
        line = line.strip(BLANKS)
        if line:
            line = CONTROLS.sub("", line).replace("\ufffe", "\ufffd").replace("\uffff", "\ufffd")
            out.append((number, line.replace("\r", "\n")))
    return out


MARKERS = [
    (1, r"第[一二三四五六七八九十百零〇两]+(部分|章)|[一二三四五六七八九十百]+[、．.]"),
    (2, r"[（(][一二三四五六七八九十百]+[）)]"),
    (3, r"[0-9０-９]+[、.．]"),
    (4, r"[（(][0-9０-９]+[）)]|[⑴-⒇]"),
    (5, r"[①-⑳]"),
]


def level_of(heading):
    for level, pattern in MARKERS:
        if re.match(pattern, heading):
            return level
    return 0


def headings_of(outline):
    """line → heading text, and the article titles' lines."""
    headings, titles = {}, {}
    for article in outline["articles"]:
        if article.get("title"):
            titles[article["line"]] = article["title"]
        for part in article["parts"]:
            if part.get("heading"):
                headings[part["line"]] = part["heading"]
            for section in part["sections"]:
                headings[section["line"]] = section["heading"]
    return headings, titles


FONTS = {"Normal": "仿宋_GB2312", "Title": "方正小标宋简体", "Heading 1": "黑体",
         "Heading 2": "楷体_GB2312", "Heading 3": "仿宋_GB2312", "Heading 4": "仿宋_GB2312",
         "Heading 5": "仿宋_GB2312"}
SIZES = {"Title": 22}


def east_asia(style):
    fonts = style.element.rPr.find(qn("w:rFonts")) if style.element.rPr is not None else None
    return fonts.get(qn("w:eastAsia")) if fonts is not None else None


def check_styles(doc):
    styles = doc.styles
    for name, font in FONTS.items():
        st = styles[name]
        expect(east_asia(st) == font, f"style {name}: East Asian font {east_asia(st)}, not {font}")
        expect(st.font.name == "Times New Roman", f"style {name}: Latin font {st.font.name}")
        want = Pt(SIZES.get(name, 16))
        size = st.font.size or styles["Normal"].font.size
        expect(size == want, f"style {name}: size {size and size.pt} pt")
        expect(name == "Normal" or st.base_style.name == "Normal", f"style {name}: not based on Normal")
        if name.startswith("Heading"):
            char = styles[name + " Char"]
            expect(east_asia(char) == font, f"style {name} Char: East Asian font {east_asia(char)}")
    body = styles["Normal"].paragraph_format
    expect(body.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY, "body not justified")
    expect(body.first_line_indent == Pt(32), f"body indent {body.first_line_indent}")
    expect(body.line_spacing_rule == WD_LINE_SPACING.EXACTLY and body.line_spacing == Pt(28.95),
           f"body line spacing {body.line_spacing_rule} {body.line_spacing}")
    title = styles["Title"].paragraph_format
    expect(title.alignment == WD_ALIGN_PARAGRAPH.CENTER, "title not centred")
    expect(title.space_after == Pt(28.95), f"no empty line after the title: {title.space_after}")
    footer = styles["Footer"]
    expect(east_asia(footer) == "宋体" and footer.font.name == "宋体" and footer.font.size == Pt(14),
           "page numbers not in 4号 宋体")


def mm(length):
    return round(length / 36000, 1)  # EMU


def check_page(doc, path):
    s = doc.sections[0]
    expect((mm(s.page_width), mm(s.page_height)) == (210.0, 297.0), "page is not A4")
    expect((mm(s.top_margin), mm(s.left_margin)) == (37.0, 28.0), "margins not 37 / 28 mm")
    block = (mm(s.page_width - s.left_margin - s.right_margin),
             mm(s.page_height - s.top_margin - s.bottom_margin))
    expect(block == (156.0, 225.0), f"text block {block}")
    grid = s._sectPr.find(qn("w:docGrid"))
    pitch = int(grid.get(qn("w:linePitch")))
    expect(grid.get(qn("w:type")) == "linesAndChars" and (s.page_height - s.top_margin - s.bottom_margin) // 635 // pitch == 22,
           "grid is not 22 lines")
    char_pitch = 16 + int(grid.get(qn("w:charSpace"))) / 4096
    width = (s.page_width - s.left_margin - s.right_margin) / 12700  # EMU to pt
    expect(int(width / char_pitch) == 28, f"grid is not 28 characters ({char_pitch} pt)")
    expect(doc.settings.odd_and_even_pages_header_footer, "no odd and even footers")
    for footer, side in ((s.footer, WD_ALIGN_PARAGRAPH.RIGHT), (s.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT)):
        p = footer.paragraphs[0]
        expect(p.text == "— 1 —", f"page number reads {p.text!r}")
        expect(p.alignment == side, f"page number on the wrong side: {p.alignment}")
        expect("PAGE" in "".join(t.text for t in p._p.iter(qn("w:instrText"))), "no PAGE field")
    with zipfile.ZipFile(path) as z:
        expect(z.testzip() is None, "a damaged part in the archive")
        for name in z.namelist():  # every part well-formed XML
            try:
                xml.dom.minidom.parseString(z.read(name))
            except Exception as e:  # noqa: BLE001 (any parse error is the finding)
                problems.append(f"{name}: {e}")


def check_paragraphs(doc, text, outline):
    want = paragraphs_of_text(text)
    got = doc.paragraphs
    if not want and len(got) == 1 and not got[0].text:
        got = []  # an empty text is one empty paragraph
    expect(len(got) == len(want), f"{len(got)} paragraphs, the text export has {len(want)}")
    headings, titles = headings_of(outline)
    counts = {}
    for (line, expected), p in zip(want, got):
        if p.text != expected:
            problems.append(f"line {line}: paragraph reads {p.text[:40]!r}, export {expected[:40]!r}")
            break
        style = p.style.name
        if line in titles:
            ok = style == "Title" and p.text == titles[line]
        elif line in headings:
            level = level_of(headings[line])
            if p.text == headings[line]:
                ok = style == f"Heading {level}"
            else:  # run-in: the title in the heading's character style
                first = p.runs[0]
                ok = style == "Normal" and first.text == headings[line] and \
                    first.style.name == f"Heading {level} Char"
        else:
            ok = style == "Normal" and all(r.style.name == "Default Paragraph Font" for r in p.runs)
        expect(ok, f"line {line}: style {style} for {p.text[:30]!r}")
        counts[style] = counts.get(style, 0) + 1
    return counts


def main():
    path, export, outline = sys.argv[1:4]
    doc = docx.Document(path)
    text = open(export, encoding="utf-8").read()
    with open(outline, encoding="utf-8") as f:
        outline = json.load(f)
    check_styles(doc)
    check_page(doc, path)
    counts = check_paragraphs(doc, text, outline)
    titles = [a["title"] for a in outline["articles"] if a.get("title")]
    if titles:
        expect(doc.core_properties.title == titles[0], f"core title {doc.core_properties.title!r}")
    for p in problems[:20]:
        print(p)
    if not problems:
        print(", ".join(f"{n} {s}" for s, n in sorted(counts.items())) or "no paragraphs")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
