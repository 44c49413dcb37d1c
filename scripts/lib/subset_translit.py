"""Keeps only the named transliterators in a derb dump of ICU's translit/root.

Usage: subset_translit.py IN.txt OUT.txt ID1,ID2,...
ICU ships every transliterator in one 891 KB resource; Mirsad needs Arabic<->Latin only.
"""
import sys

src, dst, keep = sys.argv[1], sys.argv[2], set(sys.argv[3].split(','))
lines = open(src, encoding='utf-8').read().split('\n')
out, i, in_ids = [], 0, False
while i < len(lines):
    line = lines[i]
    if line.startswith('    RuleBasedTransliteratorIDs{'):
        in_ids = True
    elif in_ids and line == '    }':
        in_ids = False
    elif in_ids and line.startswith('        ') and line[8] != ' ':  # one entry, 8-space indent
        end = lines.index('        }', i)
        if line.strip().rstrip('{').strip() in keep:
            out += lines[i:end + 1]
        i = end + 1
        continue
    out.append(line)
    i += 1
open(dst, 'w', encoding='utf-8').write('\n'.join(out))
