"""Extracts the Arabic stems of Debian's hunspell-ar dictionary (Ayaspell) as a plain word list.

Usage: hunspell_stems.py /usr/share/hunspell/ar.dic OUT.txt

The clitic stripper uses it as evidence: و in وقال is a conjunction because قال is a word, and
وزير stays whole because وزير itself is one. Only the stems are kept (affix flags dropped):
1.1 MB instead of 3 MB, and no inflected forms the stripper does not need. Normalization is
left to the core, so the list and the documents are folded by the same code.
"""
import re
import sys

src, dst = sys.argv[1], sys.argv[2]
arabic_word = re.compile('[\u0621-\u063A\u0641-\u0652\u0670\u0671]{2,15}')
words = set()
with open(src, encoding='utf-8') as f:
    for line in f:
        line = line.strip()
        if not line or line[0] in ':#' or line.isdigit():
            continue
        word = line.split('/')[0].split('\t')[0]
        if arabic_word.fullmatch(word):
            words.add(word)
with open(dst, 'w', encoding='utf-8') as out:
    out.write('# Stems of hunspell-ar (Ayaspell project, GPL-2+/LGPL/MPL tri-licence), extracted by\n')
    out.write('# scripts/lib/hunspell_stems.py from Debian\'s /usr/share/hunspell/ar.dic at build time.\n')
    for w in sorted(words):
        out.write(w + '\n')
