# Cuts Noto Sans CJK SC (face 2 of NotoSansCJK-Regular.ttc) to GB 2312 + ASCII + CJK punctuation.
# Dev-time tool (pip install fonttools); see README.md in this directory.
from fontTools.ttLib import TTCollection
from fontTools import subset
ttc = TTCollection('x/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc')
idx = None
for i, f in enumerate(ttc.fonts):
    name = f['name'].getDebugName(4)
    print(i, name)
    if name == 'Noto Sans CJK SC' or name == 'Noto Sans CJK SC Regular':
        idx = i
print('SC index', idx)
chars = set()
for hi in range(0xA1, 0xF8):
    for lo in range(0xA1, 0xFF):
        try:
            chars.add(bytes([hi, lo]).decode('gb2312'))
        except UnicodeDecodeError:
            pass
chars |= {chr(c) for c in range(0x20, 0x7F)}
# CJK punctuation, full-width forms, general punctuation used on sheets
chars |= {chr(c) for c in range(0x3000, 0x3040)}
chars |= {chr(c) for c in range(0xFF01, 0xFF5F)}
chars |= {chr(c) for c in range(0x2010, 0x2040)}
chars |= set('·—…×÷±°※→←↑↓■□●○★☆')
han = sum(1 for c in chars if '\u4e00' <= c <= '\u9fff')
print('chars', len(chars), 'han', han)
open('chars.txt','w').write(''.join(sorted(chars)))
opts = subset.Options()
opts.font_number = idx
opts.layout_features = ['*']
opts.name_IDs = ['*']
opts.name_languages = ['*']
opts.notdef_outline = True
opts.hinting = False
opts.desubroutinize = False
font = subset.load_font('x/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', opts)
s = subset.Subsetter(opts)
s.populate(text=''.join(chars))
s.subset(font)
subset.save_font(font, 'NotoSansSC-Regular-GB2312.otf', opts)
