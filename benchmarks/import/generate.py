#!/usr/bin/env python3
"""Writes N valid volunteer rows for the import benchmark as xlsx (laid out as Excel writes it:
shared strings, a date-formatted birth date column) or CSV (UTF-8 with BOM).

Usage: generate.py <xlsx|csv> <rows> <first index> <output file>
Rows are deterministic: index i gives a unique resident ID (valid check digit), email and phone.
"""
import datetime
import sys
import zipfile
from xml.sax.saxutils import escape

HEADERS = ["姓名", "性别", "出生日期", "证件类型", "证件号码", "手机号码", "电子邮箱", "居住地区", "技能", "语言",
           "服务类别", "可服务时间", "国家", "城市", "时区"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = ["伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞",
         "平", "刚", "桂英", "文", "华", "红", "建国", "晓东", "雨涵", "子轩", "欣怡", "浩然", "梓萱", "思远", "嘉怡", "宇航"]
REGIONS = ["110101", "110105", "310104", "440305", "330106", "320102", "510104", "420102", "610113", "120101"]
AREAS = ["北京市东城区", "北京市朝阳区", "上海市徐汇区", "广东省深圳市南山区", "浙江省杭州市西湖区", "四川省成都市锦江区"]
SKILLS = ["急救:2", "法律:1", "外语:3", "教学:2", "摄影:1", "信息技术:2", "翻译:3", "活动组织:1"]
LANGUAGES = ["英语:3", "法语:2", "俄语:1", "西班牙语:2", "日语:1", "阿拉伯语:1"]
CATEGORIES = ["外交为民", "外交扶贫", "助老助残", "关爱儿童与助学", "应急救援", "法律援助", "文化传播"]
AVAILABILITY = ["工作日晚上", "周末", "节假日", "线上服务"]
ABROAD = [("法国", "巴黎", "Europe/Paris"), ("美国", "纽约", "America/New_York"), ("肯尼亚", "内罗毕", "Africa/Nairobi")]
WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
EPOCH = datetime.date(1899, 12, 30)


def check_digit(first17):
    return "10X98765432"[sum(int(c) * w for c, w in zip(first17, WEIGHTS)) % 11]


def row(i):
    birth = datetime.date(1966, 1, 1) + datetime.timedelta(days=(i // 1000) * 37 % 13000)
    first17 = REGIONS[(i // 1000 // 352) % len(REGIONS)] + birth.strftime("%Y%m%d") + "%03d" % (i % 1000)
    name = SURNAMES[i % len(SURNAMES)] + GIVEN[(i // len(SURNAMES)) % len(GIVEN)]
    abroad = ABROAD[i % len(ABROAD)] if i % 20 == 0 else ("", "", "")
    return [name, "男" if i % 2 else "女", birth, "居民身份证", first17 + check_digit(first17),
            "13%d%08d" % (i % 10, i % 100_000_000), "v%d@bench.example.org" % i, AREAS[i % len(AREAS)],
            ";".join(SKILLS[(i + k) % len(SKILLS)] for k in range(i % 3)),
            LANGUAGES[i % len(LANGUAGES)] if i % 2 else "",
            ";".join(CATEGORIES[(i + k) % len(CATEGORIES)] for k in range(1 + i % 2)),
            AVAILABILITY[i % len(AVAILABILITY)], abroad[0], abroad[1], abroad[2]]


def csv_cell(value):
    text = value.isoformat() if isinstance(value, datetime.date) else str(value)
    if any(c in text for c in ',"\n'):
        text = '"' + text.replace('"', '""') + '"'
    return text


def write_csv(count, first, path):
    with open(path, "w", encoding="utf-8-sig", newline="") as out:
        out.write(",".join(HEADERS) + "\r\n")
        for i in range(first, first + count):
            out.write(",".join(csv_cell(v) for v in row(i)) + "\r\n")


def column(index):
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def write_xlsx(count, first, path):
    strings, ids = [], {}

    def sst(text):
        if text not in ids:
            ids[text] = len(strings)
            strings.append(text)
        return ids[text]

    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        with z.open("xl/worksheets/sheet1.xml", "w") as sheet:
            sheet.write(('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet %s><sheetData>' % ns)
                        .encode())
            def emit(r, values):
                cells = []
                for c, value in enumerate(values):
                    ref = column(c) + str(r)
                    if isinstance(value, datetime.date):
                        cells.append('<c r="%s" s="1"><v>%d</v></c>' % (ref, (value - EPOCH).days))
                    elif value != "":
                        cells.append('<c r="%s" t="s"><v>%d</v></c>' % (ref, sst(value)))
                sheet.write(('<row r="%d">%s</row>' % (r, "".join(cells))).encode())
            emit(1, HEADERS)
            for n, i in enumerate(range(first, first + count), start=2):
                emit(n, row(i))
            sheet.write(b"</sheetData></worksheet>")
        z.writestr("xl/sharedStrings.xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst %s count="%d" uniqueCount="%d">%s</sst>' % (
            ns, len(strings), len(strings), "".join("<si><t>%s</t></si>" % escape(s) for s in strings)))
        z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                   '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   '<Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                   '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                   '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
                   '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
                   '</Types>')
        z.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                   '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="%s/officeDocument" Target="xl/workbook.xml"/></Relationships>' % rel)
        z.writestr("xl/workbook.xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                   '<workbook %s xmlns:r="%s"><sheets><sheet name="志愿者" sheetId="1" r:id="rId1"/></sheets></workbook>'
                   % (ns, rel))
        z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                   '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="%s/worksheet" Target="worksheets/sheet1.xml"/>'
                   '<Relationship Id="rId2" Type="%s/styles" Target="styles.xml"/>'
                   '<Relationship Id="rId3" Type="%s/sharedStrings" Target="sharedStrings.xml"/></Relationships>'
                   % (rel, rel, rel))
        z.writestr("xl/styles.xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet %s>'
                   '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
                   '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
                   '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
                   '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
                   '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
                   '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
                   '</styleSheet>' % ns)


if __name__ == "__main__":
    kind, rows, first, path = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    (write_xlsx if kind == "xlsx" else write_csv)(rows, first, path)
