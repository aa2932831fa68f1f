#!/usr/bin/env python3
# Writes the JSON 'nft -j list ruleset' prints for rulesets loaded from the given .nft files (the
# subset of nft syntax mamori enforce writes), without loading them: listing 50,000 rules with
# nft 1.0.6 takes many minutes on this machine. Shape checked against real nft output (plant).
import json, sys, re
items = [{"metainfo": {"version": "1.0.6", "release_name": "Lester Gooch #5", "json_schema_version": 1}}]
def value(tokens):
    def one(t):
        if re.fullmatch(r'\d+', t): return int(t)
        if '/' in t:
            a, l = t.split('/'); return {"prefix": {"addr": a, "len": int(l)}}
        return t
    if len(tokens) == 1: return one(tokens[0])
    return {"set": [one(t) for t in tokens]}
def exprs(text):
    m = re.search(r' comment "([^"]*)"$', text)
    comment = m.group(1) if m else None
    body = text[:m.start()] if m else text
    tok = body.replace('{', ' { ').replace('}', ' } ').replace(',', ' , ').split()
    out = []; i = 0
    while i < len(tok):
        t = tok[i]
        if t == 'counter': out.append({"counter": {"packets": 0, "bytes": 0}}); i += 1
        elif t in ('accept', 'drop'): out.append({t: None}); i += 1
        elif t == 'jump': out.append({"jump": {"target": tok[i+1]}}); i += 2
        else:
            sel, field = t, tok[i+1]; i += 2
            vals = []
            if tok[i] == '{':
                i += 1
                while tok[i] != '}':
                    if tok[i] != ',': vals.append(tok[i])
                    i += 1
                i += 1
            else:
                vals.append(tok[i]); i += 1
                while i + 1 < len(tok) and tok[i] == ',':
                    vals.append(tok[i+1]); i += 2
            if sel == 'ct':
                out.append({"match": {"op": "in", "left": {"ct": {"key": field}}, "right": vals if len(vals) > 1 else vals[0]}})
            elif sel == 'meta':
                out.append({"match": {"op": "==", "left": {"meta": {"key": field}}, "right": value(vals)}})
            else:
                out.append({"match": {"op": "==", "left": {"payload": {"protocol": sel, "field": field}}, "right": value(vals)}})
    return out, comment
th = 1
for path in sys.argv[1:]:
    table = None; chains = []; rules = []; chain = None; handle = 1
    for line in open(path):
        s = line.strip()
        m = re.match(r'table inet (\S+) \{', s)
        if m: table = m.group(1); continue
        if table is None or not s or s.startswith('#'): continue
        m = re.match(r'chain (\S+) \{', s)
        if m:
            chain = {"family": "inet", "table": table, "name": m.group(1), "handle": handle}; handle += 1
            chains.append(chain); continue
        if s.startswith('type filter hook'):
            hook = s.split()[3]
            chain.update({"type": "filter", "hook": hook, "prio": 0, "policy": "accept"}); continue
        if s == '}': continue
        e, c = exprs(s)
        r = {"family": "inet", "table": table, "chain": chain["name"], "handle": 0}
        if c is not None: r["comment"] = c
        r["expr"] = e
        rules.append(r)
    items.append({"table": {"family": "inet", "name": table, "handle": th}}); th += 1
    items.extend({"chain": c} for c in chains)
    for r in rules:
        r["handle"] = handle; handle += 1
        items.append({"rule": r})
json.dump({"nftables": items}, sys.stdout, separators=(',', ':'))
sys.stderr.write('%d rules, %d tables\n' % (sum(1 for x in items if 'rule' in x), th - 1))
