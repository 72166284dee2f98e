#!/usr/bin/env python3
"""Check the starter classification catalogue in prisma/data/catalogue/.

    python3 scripts/check-catalogue.py [FIXTURES_DIR]

Checks function.csv (支出功能分类) and economic.csv (部门预算支出经济分类):
  * header, level vs. code length (类 3 / 款 5 / 项 7 digits; economic has no 项),
    parent = code prefix, integer years with from_year <= to_year, verified in {0,1};
  * at most one row per code and year (year ranges of one code are disjoint);
  * every 款 has its 类 and every 项 its 款 in every year the child is valid;
  * names and aliases: no surrounding blanks, no half-width brackets, no duplicates;
  * hebei-31-lei.csv: every 类 with a national code is in the catalogue for 2022..2025
    under the printed name;
  * fixtures: for every coded row of a table with a 科目编码 column in the golden
    fixtures (chengde-2023.json, laoting-2022.json, ...), the printed name equals the
    catalogue name or an alias of that code in the fixture's year.
FIXTURES_DIR defaults to ../shared/fixtures relative to the repository, and
tests/fixtures is also checked when it exists.

Prints rows per level per year 2022..2025 and exits 1 on any error.
"""
import csv
import glob
import json
import os
import sys
from collections import Counter, defaultdict

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(REPO, 'prisma', 'data', 'catalogue')
HEADER = ['code', 'name', 'level', 'parent', 'from_year', 'to_year', 'aliases', 'verified']
CODE_LEN = {1: 3, 2: 5, 3: 7}
MAX_LEVEL = {'function': 3, 'economic': 2}
SUMMARY_YEARS = range(2022, 2026)
REQUIRED_YEARS = range(2022, 2026)   # years that must be fully covered
NEG, POS = -10 ** 6, 10 ** 6          # open ends

errors = []


def err(msg):
    errors.append(msg)


def load(cls):
    path = os.path.join(DATA, f'{cls}.csv')
    with open(path, encoding='utf-8', newline='') as fh:
        reader = csv.reader(fh)
        header = next(reader)
        if header != HEADER:
            err(f'{cls}.csv: header {header} != {HEADER}')
            return []
        rows = []
        for lineno, rec in enumerate(reader, start=2):
            where = f'{cls}.csv:{lineno}'
            if len(rec) != len(HEADER):
                err(f'{where}: {len(rec)} fields')
                continue
            r = dict(zip(HEADER, rec))
            r['where'] = where
            try:
                r['level'] = int(r['level'])
                r['lo'] = int(r['from_year']) if r['from_year'] else NEG
                r['hi'] = int(r['to_year']) if r['to_year'] else POS
                r['verified'] = int(r['verified'])
            except ValueError as e:
                err(f'{where}: {e}')
                continue
            r['alias_list'] = r['aliases'].split('|') if r['aliases'] else []
            rows.append(r)
        return rows


def check_rows(cls, rows):
    by_code = defaultdict(list)
    for r in rows:
        w, code, lvl = r['where'], r['code'], r['level']
        by_code[code].append(r)
        if lvl not in CODE_LEN or lvl > MAX_LEVEL[cls]:
            err(f'{w}: level {lvl} not allowed in {cls}')
            continue
        if not (code.isdigit() and len(code) == CODE_LEN[lvl]):
            err(f'{w}: code {code!r} does not match level {lvl}')
        if lvl == 1 and r['parent']:
            err(f'{w}: 类 {code} has parent {r["parent"]}')
        if lvl > 1 and r['parent'] != code[:CODE_LEN[lvl - 1]]:
            err(f'{w}: parent {r["parent"]!r} of {code} should be {code[:CODE_LEN[lvl - 1]]}')
        if r['lo'] > r['hi']:
            err(f'{w}: from_year {r["lo"]} > to_year {r["hi"]}')
        if r['verified'] not in (0, 1):
            err(f'{w}: verified must be 0 or 1')
        names = [r['name']] + r['alias_list']
        for n in names:
            if not n or n != n.strip() or any(c in n for c in '()|,\t'):
                err(f'{w}: bad name/alias {n!r}')
        if len(set(names)) != len(names):
            err(f'{w}: alias repeats a name: {names}')

    # at most one row per code and year
    for code, rs in by_code.items():
        rs.sort(key=lambda r: r['lo'])
        for a, b in zip(rs, rs[1:]):
            if b['lo'] <= a['hi']:
                err(f'{cls} {code}: overlapping rows {a["where"]} and {b["where"]}')
            if len({a['level'], b['level']}) != 1 or a['parent'] != b['parent']:
                err(f'{cls} {code}: rows disagree on level/parent')

    # parents present in every year the child is valid
    for r in rows:
        if r['level'] == 1 or r['level'] not in CODE_LEN:
            continue
        spans = sorted((p['lo'], p['hi']) for p in by_code.get(r['parent'], []))
        need = r['lo']
        for lo, hi in spans:
            if lo > need:
                break
            need = max(need, hi + 1)
        if need <= r['hi']:
            gap = 'open start' if need == NEG else need
            err(f'{r["where"]}: {r["code"]} {r["name"]} valid in {gap} but parent {r["parent"]} is not')
    return by_code


def lookup(by_code, code, year):
    return [r for r in by_code.get(code, []) if r['lo'] <= year <= r['hi']]


def check_hebei(fn_by_code):
    path = os.path.join(DATA, 'hebei-31-lei.csv')
    if not os.path.exists(path):
        err('hebei-31-lei.csv missing')
        return
    with open(path, encoding='utf-8', newline='') as fh:
        rows = list(csv.DictReader(fh))
    if len(rows) != 31:
        err(f'hebei-31-lei.csv: {len(rows)} rows, expected 31')
    for h in rows:
        code = h['observed_code'] or h['knowledge_code']
        if not code:
            continue            # 往来性支出 / 人行科目: template line without a national code
        for y in REQUIRED_YEARS:
            hit = lookup(fn_by_code, code, y)
            if not hit:
                err(f'hebei {h["order"]} {code} {h["name"]}: not in function catalogue {y}')
            elif h['name'] != hit[0]['name'] and h['name'] not in hit[0]['alias_list']:
                err(f'hebei {h["order"]} {code}: {h["name"]} != catalogue {y} {hit[0]["name"]}')


def fixture_dirs(argv):
    dirs = []
    if len(argv) > 1:
        dirs.append(os.path.abspath(argv[1]))
    else:
        dirs.append(os.path.normpath(os.path.join(REPO, '..', 'shared', 'fixtures')))
    tests = os.path.join(REPO, 'tests', 'fixtures')
    if os.path.isdir(tests) and os.path.abspath(tests) not in dirs:
        dirs.append(tests)
    return dirs


def check_fixtures(dirs, by_cls):
    checked = Counter()
    files = 0
    for d in dirs:
        if not os.path.isdir(d):
            print(f'note: fixtures directory {d} not found, skipped')
            continue
        for path in sorted(glob.glob(os.path.join(d, '*.json'))):
            try:
                with open(path, encoding='utf-8') as fh:
                    doc = json.load(fh)
            except (OSError, ValueError) as e:
                err(f'{path}: {e}')
                continue
            if not isinstance(doc, dict) or 'tables' not in doc or 'year' not in doc:
                continue
            files += 1
            year = int(doc['year'])
            name = os.path.relpath(path, REPO)
            for t in doc['tables']:
                cols = t.get('columns', [])
                ci = next((i for i, c in enumerate(cols) if '科目编码' in c), None)
                if ci is None:
                    continue
                ni = next((i for i, c in enumerate(cols) if '科目名称' in c), ci + 1)
                cls = 'economic' if '经济分类' in cols[ci] else 'function'
                for row in t.get('rows', []):
                    code = row[ci]
                    if code in (None, ''):
                        continue
                    code, printed = str(code).strip(), row[ni]
                    hit = lookup(by_cls[cls], code, year)
                    checked[name] += 1
                    if not hit:
                        err(f'{name} {t["key"]}: {cls} {code} {printed} not in catalogue {year}')
                    elif printed != hit[0]['name'] and printed not in hit[0]['alias_list']:
                        err(f'{name} {t["key"]}: {code} printed {printed!r}, catalogue {year} has '
                            f'{hit[0]["name"]!r} aliases {hit[0]["alias_list"]}')
    if files == 0:
        err(f'no fixture JSON found in {dirs}')
    return checked


def main(argv):
    by_cls, rows_by_cls = {}, {}
    for cls in ('function', 'economic'):
        rows_by_cls[cls] = load(cls)
        by_cls[cls] = check_rows(cls, rows_by_cls[cls])

    # every year that must be covered has all three levels (function) / both levels (economic)
    for cls, rows in rows_by_cls.items():
        for y in REQUIRED_YEARS:
            levels = {r['level'] for r in rows if r['lo'] <= y <= r['hi']}
            missing = set(range(1, MAX_LEVEL[cls] + 1)) - levels
            if missing:
                err(f'{cls} {y}: no rows of level {sorted(missing)}')

    check_hebei(by_cls['function'])
    checked = check_fixtures(fixture_dirs(argv), by_cls)

    print('rows per level per year (verified in brackets)')
    print(f'{"":22}' + ''.join(f'{y:>14}' for y in SUMMARY_YEARS))
    for cls in ('function', 'economic'):
        for lvl, label in ((1, '类'), (2, '款'), (3, '项'))[:MAX_LEVEL[cls]]:
            cells = []
            for y in SUMMARY_YEARS:
                rs = [r for r in rows_by_cls[cls] if r['level'] == lvl and r['lo'] <= y <= r['hi']]
                cells.append(f'{len(rs)} ({sum(r["verified"] for r in rs)})')
            print(f'{cls:10} {lvl} {label:8}' + ''.join(f'{c:>14}' for c in cells))
    for cls, rows in rows_by_cls.items():
        print(f'{cls}.csv: {len(rows)} rows, {len({r["code"] for r in rows})} codes, '
              f'{sum(r["verified"] for r in rows)} verified, '
              f'{sum(1 for r in rows if r["alias_list"])} with aliases')
    for name, n in sorted(checked.items()):
        print(f'fixture {name}: {n} coded rows checked')

    if errors:
        print(f'\n{len(errors)} error(s):', file=sys.stderr)
        for e in errors:
            print('  ' + e, file=sys.stderr)
        return 1
    print('OK')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
