#!/usr/bin/env python3
# Adds a cidr to every zone (zone N gets 10.N/256.N%256.0/24) and port 5432 to sql flows.
import sys
out = []
in_zones = False
z = 0
for line in open(sys.argv[1]):
    out.append(line)
    s = line.rstrip('\n')
    if s == '    zones:':
        in_zones = True
        continue
    if in_zones:
        if s.startswith('      ') and not s.startswith('       ') and s.endswith(':'):
            out.append('        cidr: 10.%d.%d.0/24\n' % (z // 256, z % 256))
            z += 1
        elif not s.startswith('      '):
            in_zones = False
    if s.strip() == 'protocol: sql':
        out.append(s[:len(s) - len(s.lstrip())] + 'port: 5432\n')
sys.stdout.write(''.join(out))
sys.stderr.write('%d zones\n' % z)
